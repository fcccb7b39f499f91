/* work.h - a count of the steps civlint takes over a post's bytes and
 * items, for the scaling tests (tests/scaling/run).
 *
 * Why a counter and not a clock: a test that asserts times fails on a busy
 * machine and passes a quadratic loop on a fast one. The loops that walk a
 * post (columns, comments, directives, front-matter marks, baseline
 * sentences, output escaping, ...) add the steps they take; a post with 4N
 * of a construct must cost at most ~4.5x the work of N. The count is
 * deterministic (same input, same count, any machine, -j1).
 *
 * Counting is off unless the environment variable CIVLINT_WORK is set
 * (then the driver prints "civlint: work: N" on stderr at exit); when off,
 * CIV_WORK costs one predictable branch. */
#ifndef CIV_WORK_H
#define CIV_WORK_H

#include <stdbool.h>
#include <stddef.h>

extern bool civ_work_on;

void civ_work_add(size_t n);

/* Turns counting on when CIVLINT_WORK is set; called once by main. */
void civ_work_init(void);

/* The steps counted so far (all threads). */
unsigned long long civ_work_total(void);

#define CIV_WORK(n)                  \
    do {                             \
        if (civ_work_on)             \
            civ_work_add((size_t)(n)); \
    } while (0)

#endif
