/* parallel.c - see parallel.h.
 *
 * One mutex guards the ring; two condition variables say "a slot became
 * free" (workers wait on it when they are `window` items ahead) and "an
 * item finished" (the caller waits on it for the next item in order).
 * Lock hold times are a few instructions: the work itself runs unlocked. */
#include "driver/parallel.h"

#include <pthread.h>
#include <sched.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "rules/pattern.h"
#include "base/util.h"

typedef struct {
    void *res;
    bool done;
} slot;

struct civ_par {
    size_t n, window;
    civ_par_fn fn;
    void *arg;
    slot *ring;            /* item i lives in ring[i % window] */
    size_t next_claim;     /* next item a worker will start */
    size_t next_take;      /* next item the caller will take */
    bool stop;
    pthread_mutex_t mu;
    pthread_cond_t cv_free, cv_done;
    pthread_t *threads;
    unsigned nthreads;
};

static void *worker(void *vp)
{
    civ_par *p = vp;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->stop && p->next_claim < p->n && p->next_claim >= p->next_take + p->window)
            pthread_cond_wait(&p->cv_free, &p->mu);
        if (p->stop || p->next_claim >= p->n)
            break;
        size_t i = p->next_claim++;
        pthread_mutex_unlock(&p->mu);
        void *res = p->fn(p->arg, i);
        pthread_mutex_lock(&p->mu);
        slot *s = &p->ring[i % p->window];
        s->res = res;
        s->done = true;
        if (i == p->next_take)
            pthread_cond_signal(&p->cv_done);
    }
    pthread_mutex_unlock(&p->mu);
    /* Per-thread caches of the pipeline (pcre2 match data). */
    civ_pattern_thread_cleanup();
    return NULL;
}

civ_par *civ_par_new(size_t n, unsigned jobs, size_t window, civ_par_fn fn, void *arg)
{
    civ_par *p = xcalloc(1, sizeof *p);
    p->n = n;
    p->fn = fn;
    p->arg = arg;
    if (jobs > n)
        jobs = (unsigned)n;
    if (jobs <= 1)
        return p;
    p->window = window ? window : (size_t)jobs * 4 < 8 ? 8 : (size_t)jobs * 4;
    p->ring = xcalloc(p->window, sizeof *p->ring);
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv_free, NULL);
    pthread_cond_init(&p->cv_done, NULL);
    p->threads = xcalloc(jobs, sizeof *p->threads);
    for (unsigned t = 0; t < jobs; t++) {
        if (pthread_create(&p->threads[p->nthreads], NULL, worker, p) != 0)
            break; /* run with the threads we have */
        p->nthreads++;
    }
    if (!p->nthreads) {
        pthread_cond_destroy(&p->cv_done);
        pthread_cond_destroy(&p->cv_free);
        pthread_mutex_destroy(&p->mu);
        free(p->threads);
        free(p->ring);
        p->threads = NULL;
        p->ring = NULL;
    }
    return p;
}

void *civ_par_take(civ_par *p)
{
    if (p->next_take >= p->n)
        return NULL;
    if (!p->nthreads)
        return p->fn(p->arg, p->next_take++);
    pthread_mutex_lock(&p->mu);
    slot *s = &p->ring[p->next_take % p->window];
    while (!s->done)
        pthread_cond_wait(&p->cv_done, &p->mu);
    void *res = s->res;
    s->res = NULL;
    s->done = false;
    p->next_take++;
    pthread_cond_broadcast(&p->cv_free);
    pthread_mutex_unlock(&p->mu);
    return res;
}

unsigned civ_par_threads(const civ_par *p)
{
    return p->nthreads;
}

void civ_par_free(civ_par *p, void (*drop)(void *res))
{
    if (!p)
        return;
    if (p->nthreads) {
        pthread_mutex_lock(&p->mu);
        p->stop = true;
        pthread_cond_broadcast(&p->cv_free);
        pthread_mutex_unlock(&p->mu);
        for (unsigned t = 0; t < p->nthreads; t++)
            pthread_join(p->threads[t], NULL);
        for (size_t i = 0; i < p->window; i++)
            if (p->ring[i].done && drop)
                drop(p->ring[i].res);
        pthread_cond_destroy(&p->cv_done);
        pthread_cond_destroy(&p->cv_free);
        pthread_mutex_destroy(&p->mu);
    }
    free(p->threads);
    free(p->ring);
    free(p);
}

unsigned civ_par_cpus(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        int c = CPU_COUNT(&set);
        if (c > 0)
            return (unsigned)c;
    }
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}
