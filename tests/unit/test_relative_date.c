/* test_relative_date.c - `relative-date`: phrases are reported only when
 * the front matter has a date, with the absolute form computed from it
 * (month and year boundaries, leap years, weeks), and fixed only where the
 * replacement reads correctly in place. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "helpers.h"

typedef struct {
    const char *name;
    const char *date;        /* front matter date; NULL: no front matter */
    const char *body;
    const char *text;        /* source text of the first finding; NULL: none */
    const char *suggestion;  /* its suggestion; NULL: none */
    const char *fix;         /* its fix; NULL: no fix */
} rd_case;

static const rd_case cases[] = {
    /* The absolute forms. */
    {"this year", "2026-03-14", "Exports grew this year.", "this year", "in 2026", "in 2026"},
    {"last year", "2026-03-14", "Exports fell last year.", "last year", "in 2025", "in 2025"},
    {"next year", "2026-03-14", "Exports will grow next year.", "next year", "in 2027", "in 2027"},
    {"last month", "2026-03-14", "The talks resumed last month.", "last month", "in February 2026", "in February 2026"},
    {"last month in January", "2026-01-22", "The talks resumed last month.", "last month", "in December 2025", "in December 2025"},
    {"next month in December", "2025-12-05", "The talks resume next month.", "next month", "in January 2026", "in January 2026"},
    {"this month", "2025-09-18", "The pipeline opens this month.", "this month", "in September 2025", "in September 2025"},
    {"yesterday", "2026-03-14", "The talks ended yesterday.", "yesterday", "on 13 March 2026", "on 13 March 2026"},
    {"yesterday across a year", "2026-01-01", "The talks ended yesterday.", "yesterday", "on 31 December 2025", "on 31 December 2025"},
    {"yesterday in a leap year", "2024-03-01", "The talks ended yesterday.", "yesterday", "on 29 February 2024", "on 29 February 2024"},
    {"tomorrow", "2026-02-28", "The talks start tomorrow.", "tomorrow", "on 1 March 2026", "on 1 March 2026"},
    {"last week (Saturday post)", "2026-03-14", "The talks ended last week.", "last week", "in the week of 2 March 2026", "in the week of 2 March 2026"},
    {"this week (Monday post)", "2026-03-09", "The talks end this week.", "this week", "in the week of 9 March 2026", "in the week of 9 March 2026"},
    {"next week (Sunday post)", "2026-03-15", "The talks end next week.", "next week", "in the week of 16 March 2026", "in the week of 16 March 2026"},
    {"date with time", "2026-03-14T10:00:00Z", "Exports grew this year.", "this year", "in 2026", "in 2026"},
    /* Context decides the form and whether there is a fix. */
    {"sentence start capitalised", "2026-03-14", "Last year, the ministry cut tariffs.", "Last year", "In 2025", "In 2025"},
    {"after a preposition: bare", "2026-03-14", "Prices have risen since last year.", "last year", "2025", "2025"},
    {"until: bare", "2026-03-14", "The border is closed until next month.", "next month", "April 2026", "April 2026"},
    {"possessive: no fix", "2026-03-14", "This year's budget is larger.", "This year", "2026", NULL},
    {"curly possessive: no fix", "2026-03-14", "This year\xE2\x80\x99s budget is larger.", "This year", "2026", NULL},
    {"compound: no fix", "2026-03-14", "Talks since last year-end stalled.", "last year", "2025", NULL},
    {"subject: bare, no fix", "2026-03-14", "Next year will be decisive.", "Next year", "2027", NULL},
    {"subject with was", "2026-03-14", "We think last year was hard.", "last year", "2025", NULL},
    {"longest phrase wins", "2026-03-14", "Earlier this year, talks began.", "Earlier this year", "Earlier in 2026", "Earlier in 2026"},
    {"so far this year", "2026-03-14", "Trade has grown so far this year.", "so far this year", "so far in 2026", "so far in 2026"},
    {"vague: currently", "2026-03-14", "Trade is currently strong.", "currently", "as of March 2026", NULL},
    {"vague: today has no fix", "2026-03-14", "The talks end today.", "today", "on 14 March 2026", NULL},
    {"vague: recently, no suggestion", "2026-03-14", "The port was recently expanded.", "recently", NULL, NULL},
    {"line break inside the phrase", "2026-03-14", "Exports grew last\nyear again.", "last\nyear", "in 2025", "in 2025"},
    {"emphasis inside: no fix", "2026-03-14", "It grew *last* year.", "last* year", "in 2025", NULL},
    {"in a heading", "2026-03-14", "# What changed last year\n\ntext", "last year", "in 2025", "in 2025"},
    {"case-insensitive", "2026-03-14", "It grew LAST YEAR.", "LAST YEAR", "in 2025", "in 2025"},
    {"lower case at the start keeps its case", "2026-03-14", "last year, it grew.", "last year", "in 2025", "in 2025"},
    {"table cell: bare form", "2026-03-14", "| When | x |\n|---|---|\n| Last month | 4 |", "Last month", "February 2026", "February 2026"},
    /* Not reported. */
    {"no front matter", NULL, "Exports grew this year.", NULL, NULL, NULL},
    {"front matter without date", "", "Exports grew this year.", NULL, NULL, NULL},
    {"unparsable date", "March 2026", "Exports grew this year.", NULL, NULL, NULL},
    {"impossible date", "2026-02-30", "Exports grew this year.", NULL, NULL, NULL},
    {"after the: a duration", "2026-03-14", "Over the last year, little changed.", NULL, NULL, NULL},
    {"after every", "2026-03-14", "It rises every next month.", NULL, NULL, NULL},
    {"up to date", "2026-03-14", "The map is up to date.", NULL, NULL, NULL},
    {"at the moment of", "2026-03-14", "At the moment of signing, both sides agreed.", NULL, NULL, NULL},
    {"at the moment alone", "2026-03-14", "Both sides agree at the moment.", "at the moment", "as of March 2026", NULL},
    {"inside a word", "2026-03-14", "The yesterdays of the region.", NULL, NULL, NULL},
    {"glued to a word", "2026-03-14", "Mylast year.", NULL, NULL, NULL},
    {"in a quotation after said", "2026-03-14", "The minister said: \xE2\x80\x9CWe finish next month.\xE2\x80\x9D", NULL, NULL, NULL},
    {"in an attributed quotation", "2026-03-14", "\xE2\x80\x9CToday, none of those exist,\xE2\x80\x9D the minister said.", NULL, NULL, NULL},
    {"in a block quote", "2026-03-14", "> Today, none of those three exist.", NULL, NULL, NULL},
    {"in a cited title", "2026-03-14", "See [*Plans for next year*](https://x.org).", NULL, NULL, NULL},
    {"in code", "2026-03-14", "Run `make this year` now.", NULL, NULL, NULL},
    {"in a code block", "2026-03-14", "```\nlast year\n```", NULL, NULL, NULL},
};

static char *make_doc(const rd_case *c)
{
    static char buf[1024];
    if (!c->date)
        snprintf(buf, sizeof buf, "%s\n", c->body);
    else if (!*c->date)
        snprintf(buf, sizeof buf, "---\ntitle: t\n---\n%s\n", c->body);
    else
        snprintf(buf, sizeof buf, "---\ntitle: t\ndate: %s\n---\n%s\n", c->date, c->body);
    return buf;
}

START_TEST(test_relative_date_table)
{
    const rd_case *c = &cases[_i];
    civ_diags d;
    civ_source *src = test_lint(make_doc(c), "relative-date", &d);
    if (!c->text) {
        ck_assert_msg(d.n == 0, "%s: %zu findings, expected none (%s)", c->name, d.n,
                      d.n ? d.items[0].message : "");
    } else {
        ck_assert_msg(d.n >= 1, "%s: no finding", c->name);
        const civ_diag *g = &d.items[0];
        ck_assert_msg(g->end - g->start == strlen(c->text) &&
                          memcmp(src->data + g->start, c->text, strlen(c->text)) == 0,
                      "%s: span '%.*s', expected '%s'", c->name, (int)(g->end - g->start),
                      src->data + g->start, c->text);
        ck_assert_int_eq(g->severity, CIV_SEV_NOTE);
        if (c->suggestion) {
            ck_assert_msg(g->nsuggestions == 1 && strcmp(g->suggestions[0], c->suggestion) == 0,
                          "%s: suggestion '%s', expected '%s'", c->name,
                          g->nsuggestions ? g->suggestions[0] : "(none)", c->suggestion);
        } else {
            ck_assert_msg(g->nsuggestions == 0, "%s: unexpected suggestion '%s'", c->name, g->suggestions[0]);
        }
        if (c->fix) {
            ck_assert_msg(g->nfixes == 1, "%s: no fix", c->name);
            ck_assert_str_eq(g->fixes[0].replacement, c->fix);
            ck_assert_uint_eq(g->fixes[0].start, g->start);
            ck_assert_uint_eq(g->fixes[0].end, g->end);
        } else {
            ck_assert_msg(g->nfixes == 0, "%s: unexpected fix '%s'", c->name, g->fixes[0].replacement);
        }
    }
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

/* Every phrase of a paragraph is found, in order, and the message quotes
 * the phrase as written. */
START_TEST(test_relative_date_several)
{
    civ_diags d;
    civ_source *src = test_lint("---\ndate: 2026-03-14\n---\nLast month and this year, recently.\n",
                                "relative-date", &d);
    ck_assert_uint_eq(d.n, 3);
    ck_assert_str_eq(d.items[0].message, "relative date 'Last month' goes stale");
    ck_assert_str_eq(d.items[1].message, "relative date 'this year' goes stale");
    ck_assert_str_eq(d.items[2].message, "relative date 'recently' goes stale");
    ck_assert_ptr_nonnull(strstr(d.items[2].notes[0], "14 March 2026"));
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

/* A later pack's `relative-dates:` section replaces the shipped one as a
 * whole: its phrases, templates and month names are used, the shipped
 * phrases are not. */
START_TEST(test_relative_date_pack_override)
{
    char dir[] = "/tmp/civlint-rd-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/local.yml", dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("pack: local\n"
          "relative-dates:\n"
          "  months: [Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov, Dec]\n"
          "  phrases:\n"
          "    - {phrase: the other day, shift: {days: -2}, replace: 'on {date}'}\n"
          "    - {phrase: last quarter, shift: {months: -3}, replace: 'in {month}'}\n",
          f);
    fclose(f);
    civ_rules *r = civ_rules_new();
    civ_checks_declare(r);
    char *err = NULL;
    ck_assert_msg(civ_rules_load_dir(r, "rules", &err), "%s", err);
    ck_assert_msg(civ_rules_load_dir(r, dir, &err), "%s", err);
    civ_linter l;
    civ_linter_init(&l, r);
    civ_policy only; /* every other check off */
    civ_policy_init(&only);
    civ_linter_only(&l, &only, "relative-date");
    const char *md = "---\ndate: 2026-03-14\n---\nWe met the other day, after last quarter and last year.\n";
    civ_source *src = civ_source_from_memory("t.md", md, strlen(md), &err);
    civ_diags d;
    civ_diags_init(&d);
    civ_lint(&l, src, &d);
    ck_assert_uint_eq(d.n, 2);
    ck_assert_str_eq(d.items[0].suggestions[0], "on 12 Mar 2026");
    ck_assert_str_eq(d.items[1].suggestions[0], "in Dec 2025");
    civ_diags_release(&d);
    civ_source_free(src);
    civ_rules_free(r);
    unlink(path);
    rmdir(dir);
    civ_policy_release(&only);
}
END_TEST

/* The pack loader validates `relative-dates:` at start-up like every other
 * section: a bad entry is an error at its line and column, and the pack is
 * skipped (the shipped phrase table stays in force). */
static const struct {
    const char *yaml;   /* the section's body, after "relative-dates:\n" */
    const char *where;  /* ":LINE:COL: error: " of the bad node */
    const char *what;   /* a word of the message */
} bad_sections[] = {
    {"  phrases:\n    - {replace: 'on {date}', shift: {days: -1}}\n", ":4:7: error: ", "phrase"},
    {"  phrases:\n    - {phrase: the other day, shift: {decades: -1}}\n", ":4:39: error: ",
     "decades"},
    {"  phrases:\n    - {phrase: the other day, shift: {days: soon}, replace: x}\n",
     ":4:45: error: ", "whole number"},
    {"  phrases:\n    - {phrase: x, colour: red}\n", ":4:19: error: ", "colour"},
    {"  months: [Jan, Feb]\n  phrases: []\n", ":3:11: error: ", "12"},
    {"  prepositions: {since: 1}\n", ":3:17: error: ", "prepositions"},
    {"  phrases: yesterday\n", ":3:12: error: ", "phrases"},
    {"  - yesterday\n", ":3:3: error: ", "relative-dates"},
    {"  phrases:\n    - {phrase: soon, replace: 'in {month}'}\n", ":4:7: error: ", "shift"},
};

START_TEST(test_relative_date_bad_section)
{
    char dir[] = "/tmp/civlint-rd-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/local.yml", dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fprintf(f, "pack: local\nrelative-dates:\n%s", bad_sections[_i].yaml);
    fclose(f);
    civ_rules *r = civ_rules_new();
    char *err = NULL;
    ck_assert_msg(civ_rules_load_dir(r, "rules", &err), "%s", err);
    size_t npacks = civ_rules_npacks(r);
    ck_assert(!civ_rules_load_dir(r, dir, &err));
    ck_assert_ptr_nonnull(err);
    char *where = NULL;
    ck_assert_int_gt(asprintf(&where, "%s%s", path, bad_sections[_i].where), 0);
    ck_assert_msg(strncmp(err, where, strlen(where)) == 0, "got '%s', want '%s...'", err, where);
    ck_assert_msg(strstr(err, bad_sections[_i].what), "'%s' lacks '%s'", err,
                  bad_sections[_i].what);
    ck_assert_uint_eq(civ_rules_npacks(r), npacks);
    free(where);
    free(err);
    civ_rules_free(r);
    unlink(path);
    rmdir(dir);
}
END_TEST

Suite *suite_relative_date(void)
{
    Suite *s = suite_create("relative-date");
    TCase *tc = tcase_create("table");
    tcase_add_loop_test(tc, test_relative_date_table, 0, sizeof cases / sizeof *cases);
    tcase_add_test(tc, test_relative_date_several);
    tcase_add_test(tc, test_relative_date_pack_override);
    tcase_add_loop_test(tc, test_relative_date_bad_section, 0,
                        sizeof bad_sections / sizeof *bad_sections);
    suite_add_tcase(s, tc);
    return s;
}
