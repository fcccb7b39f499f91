/* test_prefilter.c - literals.c and prefilter.c: the required literals of a
 * pattern, and the one-pass prefilter that must mark every pattern that
 * can match a text (it may mark more; it must never miss one, or a
 * finding would be lost). tests/prefilter-same compares whole runs. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "rules/prefilter.h"
#include "rules/rules.h"

/* re, caseless, the literals expected ("|"-separated, in any order), or
 * NULL when no set is usable */
static const struct {
    const char *re;
    bool caseless;
    const char *want;
} lits[] = {
    {"Nato", false, "Nato"},
    {"\\b[Tt]he Ukraine\\b", false, "The Ukraine|the Ukraine"},
    {"(?i)according\\s+to", false, "according"},
    {"Nato", true, "nato"},
    {"(?:war|crisis)s?", false, "war|crisis|wars|crisiss"},
    {"Uyghurs?", false, "Uyghur|Uyghurs"},
    {"a(?=b)c", false, "ac"},                         /* a lookahead adds no text */
    {"(?<!so-called )Ossetia\\b", false, "Ossetia"},
    {"South Ossetia", false, "South Osseti"},          /* cut at CIV_LIT_LEN: still required */
    {"(\\p{L}++)\\s++\\1", false, NULL},              /* a backreference */
    {"(?x) a b", false, NULL},                        /* extended mode */
    {"\\d+", false, NULL},                            /* no literal at all */
    {"colou?r", false, "colour|color"},              /* an optional letter: both */
    {"x*yz", false, "yz"},
    {"(?i)caf\xc3\xa9s", false, "caf"},               /* caseless non-ASCII: any text */
    {"caf\xc3\xa9", false, "caf\xc3\xa9"},            /* case-sensitive UTF-8 is kept */
    {"\\Qa.b\\E", false, "a.b"},
    {"\\x{2026}", false, "\xe2\x80\xa6"},
    {"[.][.]", false, ".."},
    {"[1-3]x", false, "1x|2x|3x"},                   /* a short ASCII range is listed */
    {"[a-z]", false, NULL},                           /* a long one is any letter */
    {"(?i)[a-b]c", false, "ac|bc"},
    {"ab|c*", false, NULL},                           /* one branch can be empty */
    {"(?i:Kiev)|Lvov", false, "kiev|lvov"},           /* a caseless part folds the set */
};

static bool has(const civ_litset *s, const char *str)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->s[i], str) == 0)
            return true;
    return false;
}

START_TEST(test_literals)
{
    civ_litset s;
    const char *why = NULL;
    bool ok = civ_literals_required(lits[_i].re, lits[_i].caseless, &s, &why);
    if (!lits[_i].want) {
        ck_assert_msg(!ok, "%s: expected no literals", lits[_i].re);
        ck_assert_ptr_nonnull(why);
        return;
    }
    ck_assert_msg(ok, "%s: %s", lits[_i].re, why);
    char *want = strdup(lits[_i].want);
    size_t n = 0;
    for (char *t = strtok(want, "|"); t; t = strtok(NULL, "|"), n++)
        ck_assert_msg(has(&s, t), "%s: '%s' missing", lits[_i].re, t);
    ck_assert_uint_eq(s.n, n);
    free(want);
}
END_TEST

/* Subjects for the soundness test: prose with the house rules' words,
 * capitals, curly punctuation, figures, and the characters that caseless
 * pcre2 matches with ASCII letters (KELVIN SIGN, LONG S). */
static const char *const texts[] = {
    "According to the report, exports rose 38.3% in 2023 to $13.5 billion.",
    "The Ukraine file and the Ukraine conflict; Nato and NATO; Kiev, Lvov.",
    "It is widely believed that, in order to win, some say the the end is near...",
    "IT IS WIDELY BELIEVED; In Order To; SOME SAY; Obviously!",
    "We found 1,200 respondents; the survey by Geostat shows that 45 percent agree.",
    "\xe2\x84\xaaIEV and the \xc5\xbf" "urvey found 1,000 people (\xe2\x80\x9cquoted\xe2\x80\x9d).",
    "Uighurs and Uyghurs, COVID-19 and Covid, Turkey and T\xc3\xbcrkiye, U.S. and US.",
    "In the 1990's, 16.10.2024 or 10/16/2024; pages 10-20; it's 5 % -- or - not.",
    "For example, set the limit to 500 MB; Section 508 and Resolution 2334 apply.",
};

/* Every pattern that pcre2 finds in a text must be marked by the scan. */
static void check_sound(const civ_rules *r, const civ_pattern *p, size_t slot, const char *name)
{
    const civ_prefilter *pf = civ_rules_prefilter(r);
    bool *hit = calloc(civ_prefilter_slots(pf), sizeof *hit);
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        size_t ov[2], len = strlen(texts[t]);
        if (civ_pattern_find(p, texts[t], len, 0, ov, 1) != CIV_MATCH_OK)
            continue;
        civ_prefilter_scan(pf, texts[t], len, hit);
        ck_assert_msg(hit[slot], "%s matches text %zu but the prefilter skips it", name, t);
    }
    free(hit);
}

START_TEST(test_sound_on_shipped_rules)
{
    const civ_rules *r = test_rules();
    const civ_rulelist *list = civ_rules_list(r);
    size_t prefiltered = 0;
    for (size_t i = 0; i < list->n; i++) {
        const civ_rule *rule = &list->items[i];
        prefiltered += rule->engine == NULL;
        for (size_t k = 0; k < rule->npats; k++)
            check_sound(r, rule->pats[k], rule->slot, rule->id);
        /* the rule's own bad example is found, so it must be marked */
        if (rule->bad && !rule->engine) {
            bool *hit = calloc(civ_prefilter_slots(civ_rules_prefilter(r)), sizeof *hit);
            civ_prefilter_scan(civ_rules_prefilter(r), rule->bad, strlen(rule->bad), hit);
            ck_assert_msg(hit[rule->slot], "%s: its bad example is skipped", rule->id);
            free(hit);
        }
    }
    for (size_t d = 0; d < civ_rules_ndefs(r); d++) {
        const char *name;
        const civ_pattern *p = civ_rules_def_at(r, d, &name);
        if (p)
            check_sound(r, p, civ_rules_def_slot(r, d), name);
    }
    /* the point of it: most shipped rules have literals */
    ck_assert_uint_gt(prefiltered, list->n / 2);
}
END_TEST

START_TEST(test_scan_prunes)
{
    civ_prefilter *pf = civ_prefilter_new();
    civ_litset a = {.n = 0}, b = {.n = 0};
    civ_literals_required("Nato", false, &a, &(const char *){NULL});
    civ_literals_required("(?i)kelvin|mass", false, &b, &(const char *){NULL});
    size_t sa = civ_prefilter_add(pf, &a), sb = civ_prefilter_add(pf, &b);
    size_t sc = civ_prefilter_add(pf, NULL); /* no literals: always */
    civ_prefilter_build(pf);
    bool hit[3];
    const char *t1 = "NATO summit, in KELVIN";
    civ_prefilter_scan(pf, t1, strlen(t1), hit);
    ck_assert(!hit[sa]); /* case-sensitive: NATO is not Nato */
    ck_assert(hit[sb]);
    ck_assert(hit[sc]);
    const char *t2 = "a Nato summit";
    civ_prefilter_scan(pf, t2, strlen(t2), hit);
    ck_assert(hit[sa]);
    ck_assert(!hit[sb]);
    /* KELVIN SIGN: caseless pcre2 matches it with k, so every slot passes */
    const char *t3 = "\xe2\x84\xaa" "elvin";
    civ_prefilter_scan(pf, t3, strlen(t3), hit);
    ck_assert(hit[sb]);
    /* each such character, also as a text's last: every slot passes, the
     * case-sensitive one too; a lead byte alone or cut short is no such
     * character */
    static const char *const odd[] = {"\xe2\x84\xaa", "\xc5\xbf", "\xc4\xb0", "\xc4\xb1"};
    for (size_t i = 0; i < sizeof odd / sizeof *odd; i++) {
        char t[64];
        for (int last = 0; last < 2; last++) {
            snprintf(t, sizeof t, last ? "NATO %s" : "%sNATO", odd[i]);
            civ_prefilter_scan(pf, t, strlen(t), hit);
            ck_assert_msg(hit[sa], "odd character %zu, last %d", i, last);
        }
        snprintf(t, sizeof t, "NATO %.*s", (int)strlen(odd[i]) - 1, odd[i]);
        civ_prefilter_scan(pf, t, strlen(t), hit);
        ck_assert_msg(!hit[sa], "odd character %zu cut short", i);
    }
    civ_prefilter_free(pf);
}
END_TEST

Suite *suite_prefilter(void)
{
    Suite *s = suite_create("prefilter");
    TCase *tc = tcase_create("prefilter");
    tcase_add_loop_test(tc, test_literals, 0, sizeof lits / sizeof lits[0]);
    tcase_add_test(tc, test_sound_on_shipped_rules);
    tcase_add_test(tc, test_scan_prunes);
    suite_add_tcase(s, tc);
    return s;
}
