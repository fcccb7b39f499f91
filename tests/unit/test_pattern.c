/* test_pattern.c - pattern.c: \d means ASCII 0-9 in civlint's patterns
 * (pcre2 in Unicode mode cannot skip ahead to a Unicode \d, which made
 * digit rules 10-30x slower), and the rewrite leaves everything else,
 * including error offsets, as written. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules/pattern.h"

/* re, subject, whether it matches, the match as text */
static const struct {
    const char *re, *subj;
    bool match;
    const char *text;
} cases[] = {
    {"\\d+", "ab 2024 cd", true, "2024"},
    {"\\d", "\xd9\xa5", false, NULL},                    /* ARABIC-INDIC DIGIT FIVE */
    {"\\D", "\xd9\xa5", true, "\xd9\xa5"},               /* not an ASCII digit */
    {"\\D+", "12ab3", true, "ab"},
    {"[\\d.]+", "x 3.14 y", true, "3.14"},
    {"[^\\d]+", "12ab3", true, "ab"},
    {"[\\]\\d]+", "a]5]b", true, "]5]"},                 /* ] escaped inside a class */
    {"[]\\d]+", "a]5]b", true, "]5]"},                   /* ] first in a class is literal */
    {"[[:alpha:]\\d]+", "--a1b2--", true, "a1b2"},       /* POSIX class inside a class */
    {"\\\\d", "a\\d", true, "\\d"},                      /* an escaped backslash, then d */
    {"\\Q\\d\\E", "a\\d", true, "\\d"},                  /* quoted: literal \d */
    {"\\Q[\\E\\d", "[7", true, "[7"},                    /* quoted [ opens no class */
    {"\\p{N}", "\xd9\xa5", true, "\xd9\xa5"},            /* \p{N} keeps Unicode */
    {"(?x) \\d  # a digit [", "a 9", true, "9"},         /* extended mode: left as written */
    {"\\bx\\d\\b", "ax1 x2", true, "x2"},
};

START_TEST(test_ascii_digits)
{
    char *err = NULL;
    size_t eo = 0;
    civ_pattern *p = civ_pattern_new(cases[_i].re, 0, &err, &eo);
    ck_assert_msg(p, "%s: %s", cases[_i].re, err ? err : "");
    size_t ov[2];
    int rc = civ_pattern_find(p, cases[_i].subj, strlen(cases[_i].subj), 0, ov, 1);
    ck_assert_msg((rc == CIV_MATCH_OK) == cases[_i].match, "%s on '%s': rc %d", cases[_i].re,
                  cases[_i].subj, rc);
    if (cases[_i].match) {
        size_t n = strlen(cases[_i].text);
        ck_assert_uint_eq(ov[1] - ov[0], n);
        ck_assert(memcmp(cases[_i].subj + ov[0], cases[_i].text, n) == 0);
    }
    /* the source is reported as written, not as rewritten */
    ck_assert_str_eq(civ_pattern_source(p), cases[_i].re);
    civ_pattern_free(p);
}
END_TEST

/* A bad pattern's error offset points into what the author wrote. */
static const struct {
    const char *re;
    size_t off;
} bad[] = {
    {"\\d\\d(", 5},
    {"[\\d", 3},
    {"\\d+)", 3},
    {"a\\d{2,1}", 7},
};

START_TEST(test_error_offsets)
{
    char *err = NULL;
    size_t eo = 0;
    civ_pattern *p = civ_pattern_new(bad[_i].re, 0, &err, &eo);
    ck_assert_msg(!p, "%s compiled", bad[_i].re);
    ck_assert_msg(eo == bad[_i].off, "%s: offset %zu, want %zu (%s)", bad[_i].re, eo, bad[_i].off, err);
    free(err);
}
END_TEST

Suite *suite_pattern(void)
{
    Suite *s = suite_create("pattern");
    TCase *tc = tcase_create("pattern");
    tcase_add_loop_test(tc, test_ascii_digits, 0, sizeof cases / sizeof cases[0]);
    tcase_add_loop_test(tc, test_error_offsets, 0, sizeof bad / sizeof bad[0]);
    suite_add_tcase(s, tc);
    return s;
}
