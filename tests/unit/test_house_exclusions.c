/* test_house_exclusions.c - what the shipped house rules leave alone, and
 * the pack features that say so (`skip`, `skip-links`, `names`).
 *
 * Each exclusion has cases both ways: the look-alike it skips (a month,
 * a standard's number, an attribute value, a name) and the real thing next
 * to it, which is still reported. Every text here is invented. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Findings of `rule` when `rules` (NULL: the shipped packs) lint text;
 * with `fix`, the first finding's fix-it (a copy, "" for none) too. */
static size_t count_fix(const civ_rules *rules, const char *text, const char *rule, char **fix)
{
    civ_linter l;
    civ_linter_init(&l, rules ? rules : test_rules());
    civ_policy only;
    civ_policy_init(&only);
    civ_linter_only(&l, &only, "rule-packs");
    char *err = NULL;
    civ_source *src = civ_source_from_memory("t.md", text, strlen(text), &err);
    ck_assert_ptr_nonnull(src);
    civ_diags d;
    civ_diags_init(&d);
    civ_lint(&l, src, &d);
    size_t c = 0;
    for (size_t i = 0; i < d.n; i++) {
        if (strcmp(d.items[i].rule, rule) != 0)
            continue;
        if (fix && c == 0)
            *fix = strdup(d.items[i].nfixes ? d.items[i].fixes[0].replacement : "");
        c++;
    }
    civ_diags_release(&d);
    civ_source_free(src);
    civ_policy_release(&only);
    return c;
}

static size_t count_in(const civ_rules *rules, const char *text, const char *rule)
{
    return count_fix(rules, text, rule, NULL);
}

typedef struct {
    const char *rule;
    const char *text;
    size_t want; /* findings of rule */
} house_case;

static const house_case cases[] = {
    /* range-dash: a year and a month is not a range */
    {"house.range-dash", "The schema changed in 2019-07.\n", 0},
    {"house.range-dash", "Data from 2009-03 onwards.\n", 0},
    {"house.range-dash", "The funding ran 2019-2021.\n", 1},
    {"house.range-dash", "The 2007-08 season was long.\n", 1}, /* consecutive years */
    {"house.range-dash", "Over 2004-09 the index fell.\n", 1},  /* the end year is later */
    {"house.range-dash", "The survey of 2014-15 found little.\n", 1},
    /* range-dash: a standard's, a serial's or a law's number */
    {"house.range-dash", "Codes follow ISO 3166-2 and FIPS 10-4.\n", 0},
    {"house.range-dash", "The journal is ISSN 1234-5678.\n", 0},
    {"house.range-dash", "Under P.L. 101-202 the office must report.\n", 0},
    {"house.range-dash", "The ISO team met 3-4 times.\n", 1},
    {"house.range-dash", "Chapters 101-202 cover the law.\n", 1},
    /* range-dash: phone numbers; versions and full dates never match */
    {"house.range-dash", "Call (555) 010-4477, 555 010-4477 or +44 20 7946-0958.\n", 0},
    {"house.range-dash", "Install 2.4.1-3 from 2024-03-10 on.\n", 0},
    {"house.range-dash", "Pages 555-610 of the report.\n", 1},
    /* spaced-hyphen: cited titles, quoted labels, unrendered link syntax */
    {"house.spaced-hyphen", "See [Widgets - a short guide](https://example.org/w).\n", 0},
    {"house.spaced-hyphen", "Pick \"Open - read only\" or “Closed - hidden”.\n", 0},
    {"house.spaced-hyphen", "The map ![Harbour - night view](/img/harbour night.png) shows it.\n", 0},
    {"house.spaced-hyphen", "The guide - short and clear - is [here](https://example.org).\n", 2},
    {"house.spaced-hyphen", "The \"reset\" failed - again.\n", 1},
    /* double-hyphen: an attribute list is markup */
    {"house.double-hyphen", "Read more.\n{ .btn .btn--wide }\n", 0},
    {"house.double-hyphen", "Read more -- then act.\n", 1},
    /* double-hyphen, ellipsis: a cited page's title (link text) keeps its
     * own punctuation, as for spaced-hyphen */
    {"house.double-hyphen", "See [Note 12 -- Storing widgets](https://example.org/n12).\n", 0},
    {"house.double-hyphen", "See [the note](https://example.org/n12) -- it is short.\n", 1},
    {"house.ellipsis", "Read [Can it wait... Tables for tags](https://example.org/t).\n", 0},
    {"house.ellipsis", "Read [the tables](https://example.org/t)... or not.\n", 1},
    /* quotes: attribute values and literals are not quotation marks */
    {"house.quotes",
     "“Peace” was the slogan and “bread” the need. Set lang=\"ka\" and mark it (\"*\").\n", 0},
    {"house.quotes", "“Peace” was the slogan and “bread” the need. Use \"`--all`\" here.\n", 0},
    {"house.quotes", "“Peace” was the slogan and “bread” the need. The \"war\" came.\n", 2},
    /* quotes: skipped marks do not count towards the majority either */
    {"house.quotes", "Use a=\"1\" b=\"2\" c=\"3\". “Peace” and “bread” came, then the \"war\".\n", 2},
    /* exclamation: a '!' before a comma belongs to a name */
    {"house.exclamation", "Mail from Zoomly!, Gmail and others arrived.\n", 0},
    {"house.exclamation", "It finally works!\n", 1},
    /* exclamation: one that closes a quotation is the quoted words' */
    {"house.exclamation", "She said “we are <em>not</em> broken!” and left; the dialog reads \"Saved!\".\n", 0},
    {"house.exclamation", "She said “we are fine” and left!\n", 1},
    /* repeated-word: names, compounds, contractions, addresses */
    {"house.repeated-word", "Then Will will speak about ports.\n", 0},
    {"house.repeated-word", "We flew on to Kota Kota at dawn.\n", 0},
    {"house.repeated-word", "# Notes on Real Time Time Series\n\nText.\n", 0},
    {"house.repeated-word", "A dark-red red flag, and we’re re-using it.\n", 0},
    {"house.repeated-word", "Write to info [info@example.org](mailto:info@example.org).\n", 0},
    {"house.repeated-word", "# Time Time\n\nText.\n", 1},
    {"house.repeated-word", "The the port closed. Then the the gate.\n", 2},
    {"house.repeated-word", "We saw in in the port.\n", 1},
    /* repeated-word: 'much much' is a deliberate intensifier, like 'very very' */
    {"house.repeated-word", "The tool does much much more than that.\n", 0},
    {"house.repeated-word", "The tool does much more more than that.\n", 1},
};

/* Fix-its that must come out whole: a date range with ordinals keeps its
 * range (the dash is range-dash's to mend), not 'March 3-5th'. */
static const struct {
    const char *rule, *text, *fix;
} fixes[] = {
    {"house.date-ordinal", "The fair runs March 3rd-5th in Gori.\n", "March 3-5"},
    {"house.date-ordinal", "The fair runs March 3rd–5th in Gori.\n", "March 3–5"},
    {"house.date-ordinal", "The fair runs 3rd-5th of March in Gori.\n", "3-5 March"},
    {"house.date-ordinal", "The fair opens March 3rd in Gori.\n", "March 3"},
    {"house.date-ordinal", "The fair opens on the 3rd of March.\n", "3 March"},
    {"house.date-ordinal", "The fair opens March 3rd-2024 maybe.\n", "March 3"},
};

START_TEST(test_house_fix)
{
    char *fix = NULL;
    size_t n = count_fix(NULL, fixes[_i].text, fixes[_i].rule, &fix);
    ck_assert_msg(n == 1, "%s on %s: %zu findings, want 1", fixes[_i].rule, fixes[_i].text, n);
    ck_assert_msg(strcmp(fix, fixes[_i].fix) == 0, "%s on %s: fix '%s', want '%s'", fixes[_i].rule,
                  fixes[_i].text, fix, fixes[_i].fix);
    free(fix);
}
END_TEST

START_TEST(test_house_case)
{
    const house_case *c = &cases[_i];
    size_t got = count_in(NULL, c->text, c->rule);
    ck_assert_msg(got == c->want, "%s on %s: %zu findings, want %zu", c->rule, c->text, got,
                  c->want);
}
END_TEST

#define NAMES_PACK                                                                              \
    "pack: t\n"                                                                                 \
    "names: [Covid Radar, 'Zoomly!']\n"                                                         \
    "rules:\n"                                                                                  \
    "  - id: covid\n"                                                                           \
    "    kind: consistency\n"                                                                   \
    "    message: \"'%s' and '%r'\"\n"                                                          \
    "    forms: ['COVID-19', 'Covid']\n"                                                        \
    "  - id: bang\n"                                                                            \
    "    kind: existence\n"                                                                     \
    "    message: m\n"                                                                          \
    "    pattern: '!'\n"

/* A listed name keeps its spelling and punctuation, and does not count
 * towards a consistency rule's majority; the same word outside the name
 * is still a finding. */
START_TEST(test_names)
{
    char dir[64], *err;
    civ_rules *r = test_load_pack(NAMES_PACK, &err, dir, sizeof dir);
    test_drop_pack(dir); /* loaded: only its name is kept, for messages */
    ck_assert_msg(r != NULL, "%s", err ? err : "");
    ck_assert_ptr_nonnull(civ_rules_names(r));
    ck_assert_uint_eq(count_in(r, "COVID-19 spread. The Covid Radar app and the\nCovid  Radar site.\n", "t.covid"), 0);
    ck_assert_uint_eq(count_in(r, "COVID-19 spread. Covid Radar helped. Covid is over.\n", "t.covid"), 1);
    /* case-sensitive and whole words: these are not the name */
    ck_assert_uint_eq(count_in(r, "COVID-19 spread. The covid radar is Covid Radars.\n", "t.covid"), 1);
    ck_assert_uint_eq(count_in(r, "Try Zoomly! It works!\n", "t.bang"), 1);
    civ_rules_free(r);
}
END_TEST

/* Without a `names:` the pattern is NULL and nothing is excluded. */
START_TEST(test_no_names)
{
    char dir[64], *err;
    civ_rules *r = test_load_pack("pack: t\nnames: []\nrules: []\n", &err, dir, sizeof dir);
    test_drop_pack(dir); /* loaded: only its name is kept, for messages */
    ck_assert_msg(r != NULL, "%s", err ? err : "");
    ck_assert_ptr_null(civ_rules_names(r));
    civ_rules_free(r);
}
END_TEST

/* `skip` as one pattern or a list, and `skip-links`, on a rule of one's own. */
START_TEST(test_skip_keys)
{
    const char *yaml = "pack: t\n"
                       "rules:\n"
                       "  - id: x\n"
                       "    kind: existence\n"
                       "    message: m\n"
                       "    pattern: 'x+'\n"
                       "    skip: ['ax+', 'x+b']\n"
                       "    skip-links: true\n"
                       "  - id: y\n"
                       "    kind: substitution\n"
                       "    message: m\n"
                       "    swap: {yy: z}\n"
                       "    skip: 'A yy'\n";
    char dir[64], *err;
    civ_rules *r = test_load_pack(yaml, &err, dir, sizeof dir);
    test_drop_pack(dir); /* loaded: only its name is kept, for messages */
    ck_assert_msg(r != NULL, "%s", err ? err : "");
    ck_assert_uint_eq(count_in(r, "axx xxb [xx](https://example.org) xx\n", "t.x"), 1);
    ck_assert_uint_eq(count_in(r, "A yy and yy\n", "t.y"), 1);
    civ_rules_free(r);
}
END_TEST

typedef struct {
    const char *yaml, *want;
} bad_pack;

#define RX "pack: t\nrules:\n  - id: a\n    kind: existence\n    message: m\n    pattern: x\n"

static const bad_pack bad[] = {
    {RX "    skip: 'a(b'\n", "7:15: error: bad pattern in the 'skip' of rule 't.a'"},
    {RX "    skip: ['a', '']\n", "7:17: error: every entry of 'skip' must be a non-empty pattern"},
    {RX "    skip: {a: b}\n", "every entry of 'skip' must be a non-empty pattern"},
    {RX "    skip-links: yes\n", "7:17: error: 'skip-links' must be true or false"},
    {"pack: t\nnames: Zoomly\nrules: []\n", "2:8: error: 'names' must be a list of names"},
    {"pack: t\nnames: ['']\nrules: []\n", "every entry of 'names' must be a non-empty string"},
};

START_TEST(test_bad_keys)
{
    char dir[64], *err;
    civ_rules *r = test_load_pack(bad[_i].yaml, &err, dir, sizeof dir);
    test_drop_pack(dir); /* loaded: only its name is kept, for messages */
    ck_assert_ptr_null(r);
    ck_assert_ptr_nonnull(err);
    ck_assert_msg(strstr(err, bad[_i].want) != NULL, "got %s\nwant %s", err, bad[_i].want);
    free(err);
}
END_TEST

Suite *suite_house_exclusions(void)
{
    Suite *s = suite_create("house_exclusions");
    TCase *tc = tcase_create("exclusions");
    tcase_add_loop_test(tc, test_house_case, 0, sizeof cases / sizeof *cases);
    tcase_add_loop_test(tc, test_house_fix, 0, sizeof fixes / sizeof *fixes);
    tcase_add_test(tc, test_names);
    tcase_add_test(tc, test_no_names);
    tcase_add_test(tc, test_skip_keys);
    tcase_add_loop_test(tc, test_bad_keys, 0, sizeof bad / sizeof *bad);
    suite_add_tcase(s, tc);
    return s;
}
