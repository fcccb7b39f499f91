/* test_phrases.c - phrases.c: a phrase list as a trie pattern matches what
 * the plain longest-first alternation matches, at the same places, and its
 * marks name the phrase that matched. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/pattern.h"
#include "rules/phrases.h"
#include "base/util.h"

/* The shape of the pattern for small lists. */
static const struct {
    const char *phrases[6];
    bool caseless, marks;
    const char *re;
} shapes[] = {
    {{"it is said", "it is thought", "it has been suggested"}, false, false,
     "it\\s+(?:is\\s+(?:said|thought)|has\\s+been\\s+suggested)"},
    {{"per cent", "per"}, false, false, "per(?:\\s+cent|)"},
    {{"Kiev", "kiev", "KIEV"}, true, true, "kiev(*MARK:0)"}, /* folded: the first keeps its mark */
    {{"Kiev", "kiev"}, false, true, "(?:Kiev(*MARK:0)|kiev(*MARK:1))"},
    {{"a.b", "a(b", "c+d"}, false, false, "(?:a(?:\\.b|\\(b)|c\\+d)"},
    {{"in  order   to"}, false, false, "in\\s+order\\s+to"},
    {{"Chi\xc8\x99in\xc4\x83u", "Chi\xc8\x9bin"}, false, false,
     "Chi(?:\xc8\x99in\xc4\x83u|\xc8\x9bin)"}, /* branches on whole characters */
};

START_TEST(test_shape)
{
    size_t n = 0;
    while (n < 6 && shapes[_i].phrases[n])
        n++;
    char *re = civ_phrases_regex(shapes[_i].phrases, n, shapes[_i].caseless, shapes[_i].marks);
    ck_assert_ptr_nonnull(re);
    ck_assert_str_eq(re, shapes[_i].re);
    free(re);
}
END_TEST

/* Deeper than pcre2 allows: NULL, and the caller falls back. */
START_TEST(test_too_deep)
{
    enum { N = 300 };
    char *list[N];
    for (size_t i = 0; i < N; i++) {
        list[i] = xmalloc(i + 2);
        memset(list[i], 'a', i + 1);
        list[i][i + 1] = '\0';
    }
    char *re = civ_phrases_regex((const char *const *)list, N, false, false);
    ck_assert_ptr_null(re);
    for (size_t i = 0; i < N; i++)
        free(list[i]);
    const char *none[] = {""};
    ck_assert_ptr_null(civ_phrases_regex(none, 1, false, false));
}
END_TEST

static unsigned long rng = 12345;
static unsigned next_rand(void)
{
    rng = rng * 6364136223846793005ul + 1442695040888963407ul;
    return (unsigned)(rng >> 33);
}

static const char *const vocab[] = {"in", "order", "to", "a", "number", "of", "due", "the",
                                    "fact", "that", "it", "is", "Is", "IN", "per", "cent"};
#define NV (sizeof vocab / sizeof *vocab)

static char *random_words(size_t nmin, size_t nmax, bool spaces_vary)
{
    civ_buf b;
    civ_buf_init(&b);
    size_t n = nmin + next_rand() % (nmax - nmin + 1);
    for (size_t i = 0; i < n; i++) {
        if (i)
            civ_buf_puts(&b, spaces_vary && next_rand() % 4 == 0 ? "  " : " ");
        civ_buf_puts(&b, vocab[next_rand() % NV]);
    }
    return civ_buf_detach(&b);
}

static const char *escape_chars = "\\^$.[]|()?*+{}-#";

/* The reference: phrases sorted longest first, escaped, in one alternation
 * (what rulepack.c did before the trie). */
static char *plain(char **ph, size_t n)
{
    char **s = xmalloc(n * sizeof *s);
    memcpy(s, ph, n * sizeof *s);
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && strlen(s[j]) > strlen(s[j - 1]); j--) {
            char *t = s[j];
            s[j] = s[j - 1];
            s[j - 1] = t;
        }
    civ_buf b;
    civ_buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        if (i)
            civ_buf_putc(&b, '|');
        for (const char *p = s[i]; *p; p++) {
            if (*p == ' ') {
                while (p[1] == ' ')
                    p++;
                civ_buf_puts(&b, "\\s+");
                continue;
            }
            if (strchr(escape_chars, *p))
                civ_buf_putc(&b, '\\');
            civ_buf_putc(&b, *p);
        }
    }
    free(s);
    return civ_buf_detach(&b);
}

#define GUARD_B "(?<![\\p{L}\\p{N}_])(?:"
#define GUARD_A ")(?![\\p{L}\\p{N}_])"

/* Random lists of random phrases over a small vocabulary (so prefixes are
 * shared), random texts over it: every match, in order, is the same for
 * the trie and the plain alternation, and the trie's mark names a phrase
 * that is exactly the matched text (up to case and spaces). */
START_TEST(test_same_matches)
{
    size_t total = 0;
    for (int round = 0; round < 400; round++) {
        size_t n = 1 + next_rand() % 8;
        char *ph[8];
        for (size_t i = 0; i < n; i++)
            ph[i] = random_words(1, 4, false);
        bool icase = round % 2 == 0;
        char *tr = civ_phrases_regex((const char *const *)ph, n, icase, true);
        ck_assert_ptr_nonnull(tr);
        char *pl = plain(ph, n);
        char *re1 = xasprintf(GUARD_B "%s" GUARD_A, tr);
        char *re2 = xasprintf(GUARD_B "%s" GUARD_A, pl);
        char *err = NULL;
        size_t eo;
        civ_pattern *p1 = civ_pattern_new(re1, icase ? CIV_PAT_CASELESS : 0, &err, &eo);
        ck_assert_msg(p1, "%s: %s", re1, err);
        civ_pattern *p2 = civ_pattern_new(re2, icase ? CIV_PAT_CASELESS : 0, &err, &eo);
        ck_assert_msg(p2, "%s: %s", re2, err);
        char *text = random_words(20, 60, true);
        size_t len = strlen(text), f1 = 0, f2 = 0, matches = 0;
        for (;;) {
            size_t o1[2], o2[2], mark;
            int r1 = civ_pattern_find_mark(p1, text, len, f1, o1, 1, &mark);
            int r2 = civ_pattern_find(p2, text, len, f2, o2, 1);
            ck_assert_int_eq(r1, r2);
            if (r1 != CIV_MATCH_OK)
                break;
            ck_assert_msg(o1[0] == o2[0] && o1[1] == o2[1], "%s vs %s on '%s': %zu-%zu vs %zu-%zu",
                          re1, re2, text, o1[0], o1[1], o2[0], o2[1]);
            ck_assert_uint_lt(mark, n);
            /* the marked phrase is the matched text */
            char *one = plain(&ph[mark], 1);
            char *re3 = xasprintf("^(?:%s)$", one);
            civ_pattern *p3 = civ_pattern_new(re3, icase ? CIV_PAT_CASELESS : 0, &err, &eo);
            size_t o3[2];
            ck_assert_int_eq(civ_pattern_find(p3, text + o1[0], o1[1] - o1[0], 0, o3, 1), CIV_MATCH_OK);
            civ_pattern_free(p3);
            free(re3);
            free(one);
            matches++;
            f1 = f2 = o1[1] > o1[0] ? o1[1] : o1[0] + 1;
        }
        total += matches;
        civ_pattern_free(p1);
        civ_pattern_free(p2);
        free(text);
        free(re1);
        free(re2);
        free(tr);
        free(pl);
        for (size_t i = 0; i < n; i++)
            free(ph[i]);
    }
    ck_assert_uint_gt(total, 1000); /* the comparison is not vacuous */
}
END_TEST

Suite *suite_phrases(void)
{
    Suite *s = suite_create("phrases");
    TCase *tc = tcase_create("phrases");
    tcase_add_loop_test(tc, test_shape, 0, sizeof shapes / sizeof *shapes);
    tcase_add_test(tc, test_too_deep);
    tcase_add_test(tc, test_same_matches);
    suite_add_tcase(s, tc);
    return s;
}
