/* parallel.h - an ordered parallel map for linting many files on N threads.
 *
 * Why a module of its own: the driver (run.c) must print results in input order, byte
 * for byte the same as a sequential run, while the per-file work (read,
 * lint) runs on worker threads. Workers claim items 0..n-1 in order and
 * store each result in a ring of `window` slots; the caller takes results
 * strictly in index order. A worker never runs more than `window` items
 * ahead of the caller, so memory stays flat however many files there are
 * (a 10,000-file run holds at most `window` results at once).
 *
 * With jobs <= 1 no thread is created: civ_par_take runs the work function
 * itself, in the calling thread, exactly like a plain loop.
 *
 * The work function must be safe to call from several threads at once on
 * different items (civ_lint is: it reads the shared civ_ctx only). Worker
 * threads call civ_pattern_thread_cleanup() before they exit. */
#ifndef CIV_PARALLEL_H
#define CIV_PARALLEL_H

#include <stddef.h>

typedef struct civ_par civ_par;

/* Computes the result of item i (may return NULL). Ownership of the result
 * passes to whoever calls civ_par_take. */
typedef void *(*civ_par_fn)(void *arg, size_t i);

/* Starts `jobs` workers over items 0..n-1 (jobs is capped at n; jobs <= 1
 * means no threads). window 0 picks a default (4 per job, at least 8).
 * If threads cannot be created, fewer are used (at worst none). Never
 * fails. Free with civ_par_free. */
civ_par *civ_par_new(size_t n, unsigned jobs, size_t window, civ_par_fn fn, void *arg);

/* Blocks until the next item in index order is done and returns its result
 * (the caller owns it). Must be called exactly n times. */
void *civ_par_take(civ_par *p);

/* Number of worker threads actually running (0 for a sequential run). */
unsigned civ_par_threads(const civ_par *p);

/* Stops the workers (they finish the item in hand), joins them and frees
 * p. Results computed but never taken are passed to drop (when not NULL),
 * so stopping early leaks nothing. */
void civ_par_free(civ_par *p, void (*drop)(void *res));

/* The number of CPUs this process may run on (at least 1): the default
 * for -j when more than one file is linted. */
unsigned civ_par_cpus(void);

#endif
