/* test_parallel.c - the ordered parallel map (src/parallel.c) and the
 * thread safety of the per-file pipeline.
 *
 * Order and the memory bound are checked by counting, never by timing:
 * results must come back in index order whatever the number of threads,
 * and no more than `window` results may exist at once. The pipeline test
 * lints the same documents on several threads at once and requires the
 * model text to be identical to a sequential parse: it catches shared
 * mutable state in the libraries (cmark-gfm's special-character table,
 * see src/cmark_threads.c). */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include "model/cmark_threads.h"
#include "driver/parallel.h"
#include "rules/pattern.h"
#include "helpers.h"

typedef struct {
    atomic_size_t live;     /* results produced and not yet taken */
    atomic_size_t max_live;
    atomic_size_t calls;
    pthread_t caller;
    atomic_int off_thread;  /* calls made outside the caller's thread */
} map_state;

static void *square(void *arg, size_t i)
{
    map_state *m = arg;
    size_t live = atomic_fetch_add(&m->live, 1) + 1;
    size_t max = atomic_load(&m->max_live);
    while (live > max && !atomic_compare_exchange_weak(&m->max_live, &max, live))
        ;
    atomic_fetch_add(&m->calls, 1);
    if (!pthread_equal(pthread_self(), m->caller))
        atomic_fetch_add(&m->off_thread, 1);
    /* Uneven work so that later items often finish before earlier ones. */
    volatile unsigned x = 0;
    for (unsigned k = 0; k < (unsigned)((i * 7919) % 13) * 2000; k++)
        x += k;
    size_t *r = malloc(sizeof *r);
    *r = i * i;
    return r;
}

typedef struct {
    size_t n;
    unsigned jobs;
    size_t window;
} map_case;

static const map_case map_cases[] = {
    {0, 4, 0}, {1, 4, 0}, {2, 2, 0}, {7, 3, 2}, {100, 2, 0}, {1000, 4, 3}, {1000, 8, 16}, {257, 16, 1},
};

START_TEST(test_map_order_and_window)
{
    const map_case *c = &map_cases[_i];
    map_state m;
    memset(&m, 0, sizeof m);
    m.caller = pthread_self();
    civ_par *p = civ_par_new(c->n, c->jobs, c->window, square, &m);
    for (size_t i = 0; i < c->n; i++) {
        size_t *r = civ_par_take(p);
        ck_assert_ptr_nonnull(r);
        ck_assert_uint_eq(*r, i * i);
        free(r);
        atomic_fetch_sub(&m.live, 1);
    }
    ck_assert_ptr_null(civ_par_take(p)); /* past the end */
    civ_par_free(p, NULL);
    ck_assert_uint_eq(atomic_load(&m.calls), c->n);
    /* Items claimed but not yet taken never exceed the window; +1 for the
     * result the caller holds between civ_par_take and its count going
     * down. */
    if (c->n > 1 && c->jobs > 1) {
        size_t window = c->window ? c->window : (c->jobs * 4 < 8 ? 8 : c->jobs * 4);
        ck_assert_uint_le(atomic_load(&m.max_live), window + 1);
    }
}
END_TEST

START_TEST(test_map_sequential_runs_inline)
{
    map_state m;
    memset(&m, 0, sizeof m);
    m.caller = pthread_self();
    civ_par *p = civ_par_new(50, 1, 0, square, &m);
    ck_assert_uint_eq(civ_par_threads(p), 0);
    for (size_t i = 0; i < 50; i++) {
        size_t *r = civ_par_take(p);
        ck_assert_uint_eq(*r, i * i);
        free(r);
        atomic_fetch_sub(&m.live, 1);
        /* Sequential: item i+1 is not computed before item i is taken. */
        ck_assert_uint_eq(atomic_load(&m.calls), i + 1);
    }
    civ_par_free(p, NULL);
    ck_assert_int_eq(atomic_load(&m.off_thread), 0);
}
END_TEST

START_TEST(test_map_threads_used)
{
    map_state m;
    memset(&m, 0, sizeof m);
    m.caller = pthread_self();
    civ_par *p = civ_par_new(64, 3, 0, square, &m);
    ck_assert_uint_eq(civ_par_threads(p), 3);
    for (size_t i = 0; i < 64; i++) {
        free(civ_par_take(p));
        atomic_fetch_sub(&m.live, 1);
    }
    civ_par_free(p, NULL);
    ck_assert_int_eq(atomic_load(&m.off_thread), 64);
}
END_TEST

/* Freeing before every result was taken must not hang (workers stop). */
START_TEST(test_map_free_early)
{
    map_state m;
    memset(&m, 0, sizeof m);
    m.caller = pthread_self();
    civ_par *p = civ_par_new(1000, 4, 4, square, &m);
    free(civ_par_take(p));
    civ_par_free(p, free); /* results done but not taken are freed */
    /* The workers stopped near the window. */
    ck_assert_uint_le(atomic_load(&m.calls), 1 + 4 + 4);
}
END_TEST

START_TEST(test_cpus)
{
    ck_assert_uint_ge(civ_par_cpus(), 1);
}
END_TEST

/* ---- the pipeline on several threads ---- */

/* Inline syntax of the GFM extensions (strikethrough, autolinks, tables)
 * next to plain CommonMark, in many blocks so parses overlap in time. */
static const char *pipeline_docs[] = {
    "# Title\n\nSome ~~struck~~ text and https://example.com/a link.\n\n"
    "| a | b |\n|---|---|\n| ~~x~~ | www.example.org |\n\n"
    "More ~~gone~~ words, see www.example.com today.\n",
    "Plain *emphasis* and `code` and a [link](https://x.org).\n\n"
    "> quoted ~~strike~~ and http://a.b/c\n",
    "- item ~~one~~\n- item https://two.example\n\nLast ~line~ here.\n",
};

static char *model_text(const char *md)
{
    tdoc *t = tdoc_new(md);
    civ_buf b;
    civ_buf_init(&b);
    for (size_t i = 0; i < t->doc->nblocks; i++) {
        const civ_block *bl = &t->doc->blocks[i];
        civ_buf_printf(&b, "%s|", civ_block_kind_name(bl->kind));
        civ_buf_add(&b, bl->text, bl->text_len);
        for (size_t k = 0; k < bl->ninl; k++)
            civ_buf_printf(&b, "|inl%d:%zu-%zu", (int)bl->inl[k].kind, bl->inl[k].s0, bl->inl[k].s1);
        civ_buf_putc(&b, '\n');
    }
    tdoc_free(t);
    return civ_buf_detach(&b);
}

#define PIPE_DOCS (sizeof pipeline_docs / sizeof *pipeline_docs)
#define PIPE_ROUNDS 5000

static char *expected_text[PIPE_DOCS];

static void *parse_many(void *arg)
{
    size_t seed = (size_t)arg, mismatches = 0;
    for (size_t r = 0; r < PIPE_ROUNDS; r++) {
        size_t d = (r + seed) % PIPE_DOCS;
        char *got = model_text(pipeline_docs[d]);
        if (strcmp(got, expected_text[d]) != 0)
            mismatches++;
        free(got);
    }
    civ_pattern_thread_cleanup();
    return (void *)mismatches;
}

/* The library's calls must reach civlint's definition, or the race of
 * cmark_threads.c is back. */
START_TEST(test_cmark_interposed)
{
    ck_assert_msg(civ_cmark_threads_active(),
                  "libcmark-gfm does not call civlint's cmark_manage_extensions_special_characters");
}
END_TEST

START_TEST(test_pipeline_threads_match_sequential)
{
    for (size_t d = 0; d < PIPE_DOCS; d++)
        expected_text[d] = model_text(pipeline_docs[d]);
    /* The sequential model has the extensions' inlines. */
    ck_assert_ptr_null(strstr(expected_text[0], "~~"));
    ck_assert_ptr_nonnull(strstr(expected_text[0], "inl1:"));
    enum { T = 4 };
    pthread_t th[T];
    for (size_t t = 0; t < T; t++)
        ck_assert_int_eq(pthread_create(&th[t], NULL, parse_many, (void *)t), 0);
    size_t bad = 0;
    for (size_t t = 0; t < T; t++) {
        void *r;
        pthread_join(th[t], &r);
        bad += (size_t)r;
    }
    for (size_t d = 0; d < PIPE_DOCS; d++)
        free(expected_text[d]);
    ck_assert_msg(bad == 0, "%zu of %d concurrent parses differ from the sequential model", bad,
                  T * PIPE_ROUNDS);
}
END_TEST

Suite *suite_parallel(void)
{
    Suite *s = suite_create("parallel");
    TCase *tc = tcase_create("map");
    tcase_add_loop_test(tc, test_map_order_and_window, 0, sizeof map_cases / sizeof *map_cases);
    tcase_add_test(tc, test_map_sequential_runs_inline);
    tcase_add_test(tc, test_map_threads_used);
    tcase_add_test(tc, test_map_free_early);
    tcase_add_test(tc, test_cpus);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);
    TCase *tp = tcase_create("pipeline");
    tcase_add_test(tp, test_cmark_interposed);
    tcase_add_test(tp, test_pipeline_threads_match_sequential);
    tcase_set_timeout(tp, 120);
    suite_add_tcase(s, tp);
    return s;
}
