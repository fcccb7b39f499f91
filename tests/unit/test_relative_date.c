/* test_relative_date.c - `relative-date`: phrases are reported only when
 * the post has a date (front matter, metadata header or file name), with the
 * absolute form computed from it; the post's own time ("currently", "this
 * year") is not reported in a dated post
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
    {"last year", "2026-03-14", "Exports fell last year.", "last year", "in 2025", "in 2025"},
    {"next year", "2026-03-14", "Exports will grow next year.", "next year", "in 2027", "in 2027"},
    {"last month", "2026-03-14", "The talks resumed last month.", "last month", "in February 2026", "in February 2026"},
    {"last month in January", "2026-01-22", "The talks resumed last month.", "last month", "in December 2025", "in December 2025"},
    {"next month in December", "2025-12-05", "The talks resume next month.", "next month", "in January 2026", "in January 2026"},
    {"yesterday", "2026-03-14", "The talks ended yesterday.", "yesterday", "on 13 March 2026", "on 13 March 2026"},
    {"yesterday across a year", "2026-01-01", "The talks ended yesterday.", "yesterday", "on 31 December 2025", "on 31 December 2025"},
    {"yesterday in a leap year", "2024-03-01", "The talks ended yesterday.", "yesterday", "on 29 February 2024", "on 29 February 2024"},
    {"tomorrow", "2026-02-28", "The talks start tomorrow.", "tomorrow", "on 1 March 2026", "on 1 March 2026"},
    {"last week (Saturday post)", "2026-03-14", "The talks ended last week.", "last week", "in the week of 2 March 2026", "in the week of 2 March 2026"},
    {"last week (Monday post)", "2026-03-09", "The talks ended last week.", "last week", "in the week of 2 March 2026", "in the week of 2 March 2026"},
    {"next week (Sunday post)", "2026-03-15", "The talks end next week.", "next week", "in the week of 16 March 2026", "in the week of 16 March 2026"},
    {"date with time", "2026-03-14T10:00:00Z", "Exports grew last year.", "last year", "in 2025", "in 2025"},
    {"date with a space and time", "2026-03-14 07:26:37 UTC", "Exports grew last year.", "last year", "in 2025", "in 2025"},
    /* Context decides the form and whether there is a fix. */
    {"sentence start capitalised", "2026-03-14", "Last year, the ministry cut tariffs.", "Last year", "In 2025", "In 2025"},
    {"after a preposition: bare", "2026-03-14", "Prices have risen since last year.", "last year", "2025", "2025"},
    {"until: bare", "2026-03-14", "The border is closed until next month.", "next month", "April 2026", "April 2026"},
    {"possessive: no fix", "2026-03-14", "Last year's budget was larger.", "Last year", "2025", NULL},
    {"curly possessive: no fix", "2026-03-14", "Last year\xE2\x80\x99s budget was larger.", "Last year", "2025", NULL},
    {"compound: no fix", "2026-03-14", "Talks since last year-end stalled.", "last year", "2025", NULL},
    {"subject: bare, no fix", "2026-03-14", "Next year will be decisive.", "Next year", "2027", NULL},
    {"subject with was", "2026-03-14", "We think last year was hard.", "last year", "2025", NULL},

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
    /* The post's own time: its date anchors it (`anchored: true`). */
    {"anchored: this year", "2026-03-14", "Exports grew this year.", NULL, NULL, NULL},
    {"anchored: this week", "2026-03-09", "This week we added a feature.", NULL, NULL, NULL},
    {"anchored: currently", "2026-03-14", "Trade is currently strong.", NULL, NULL, NULL},
    {"anchored: today", "2026-03-14", "Today, most servers run Linux.", NULL, NULL, NULL},
    {"anchored: recently", "2026-03-14", "The port was recently expanded.", NULL, NULL, NULL},
    {"anchored: at the moment", "2026-03-14", "Both sides agree at the moment.", NULL, NULL, NULL},
    {"anchored: longest phrase wins", "2026-03-14", "Earlier this year, talks began.", NULL, NULL, NULL},
    {"anchored: so far this year", "2026-03-14", "Trade has grown so far this year.", NULL, NULL, NULL},
    {"anchored phrase, then a shift", "2026-03-14", "Trade is currently up since last year.", "last year", "2025", "2025"},
    {"inside a word", "2026-03-14", "The yesterdays of the region.", NULL, NULL, NULL},
    {"glued to a word", "2026-03-14", "Mylast year.", NULL, NULL, NULL},
    {"in a quotation after said", "2026-03-14", "The minister said: \xE2\x80\x9CWe finish next month.\xE2\x80\x9D", NULL, NULL, NULL},
    {"in an attributed quotation", "2026-03-14", "\xE2\x80\x9CToday, none of those exist,\xE2\x80\x9D the minister said.", NULL, NULL, NULL},
    {"in a block quote", "2026-03-14", "> Today, none of those three exist.", NULL, NULL, NULL},
    {"in a cited title", "2026-03-14", "See [*Plans for next year*](https://x.org).", NULL, NULL, NULL},
    {"in code", "2026-03-14", "Run `make this year` now.", NULL, NULL, NULL},
    {"in a code block", "2026-03-14", "```\nlast year\n```", NULL, NULL, NULL},
    /* Placed by an absolute date in the same sentence, or, for a
     * heading, in the heading's first paragraph: the reader can date it. */
    {"date in the same sentence", "2026-03-14", "Entries close tomorrow, 15 March 2026, at noon.", NULL, NULL, NULL},
    {"month and day in the same sentence", "2026-03-14", "Sign-up ends tomorrow, March 15th.", NULL, NULL, NULL},
    {"year in the same sentence", "2026-03-14", "Last year (2025) the harbour froze.", NULL, NULL, NULL},
    {"ISO date in the same sentence", "2026-03-14", "The vote moved to next month (2026-04-02).", NULL, NULL, NULL},
    {"date in the next sentence only", "2026-03-14", "The ferry stopped last month. It ran again on 3 March.", "last month", "in February 2026", "in February 2026"},
    {"another event's date further on", "2026-03-14", "We met last month, long after the act that was passed in 2019.", "last month", "in February 2026", "in February 2026"},
    {"year before the phrase", "2026-03-14", "He worked there from 2017 to last year.", "last year", "2025", "2025"},
    {"year after, not in apposition", "2026-03-14", "We carry the mood of last week into 2027.", "last week", "the week of 2 March 2026", "the week of 2 March 2026"},
    {"apposition after a no-break space", "2026-03-14", "Entries close tomorrow,\xC2\xA0**15 March 2026**.", NULL, NULL, NULL},
    {"apposition with on", "2026-03-14", "We meet next month, on April 9th.", NULL, NULL, NULL},
    {"apposition in brackets", "2026-03-14", "Last week (2-6 March) the plant closed.", NULL, NULL, NULL},
    {"question mark of a quoted title", "2026-03-14", "She replied yesterday in \xE2\x80\x9CWhy Not Both?\xE2\x80\x9D on her blog.", "yesterday", "on 13 March 2026", "on 13 March 2026"},
    {"month name without a day", "2026-03-14", "The survey started in May last year.", "last year", "in 2025", "in 2025"},
    {"year inside a word", "2026-03-14", "We met at last year's Fest2025 gathering.", "last year", "2025", NULL},
    {"may, the verb, before a number", "2026-03-14", "Sales may 2x next week.", "next week", "in the week of 16 March 2026", "in the week of 16 March 2026"},
    {"heading, date in its paragraph", "2026-03-14", "## See you next month\n\nThe next meetup is on April 9th.\n", NULL, NULL, NULL},
    {"heading, ordinal suffix in inline HTML", "2026-03-14", "## See you next month\n\nThe next meetup is on 9<sup>th</sup> April.\n", NULL, NULL, NULL},
    {"heading, date later only", "2026-03-14", "## See you next month\n\nSign up below.\n\nIt is on April 9th.\n", "next month", "in April 2026", "in April 2026"},
    {"paragraph before a dated paragraph", "2026-03-14", "We met last month.\n\nThe next meeting is on 9 April.\n", "last month", "in February 2026", "in February 2026"},
    /* A question is rhetorical or an example: any day would do. */
    {"rhetorical question", "2026-03-14", "Why pay more than you did last year?", NULL, NULL, NULL},
    {"question after a bracket", "2026-03-14", "Was it cheaper last year (before the tariffs)?", NULL, NULL, NULL},
    {"question elsewhere in the block", "2026-03-14", "Why now? The plant closed last year.", "last year", "in 2025", "in 2025"},
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

/* Where the date comes from, and the note that says so. */
typedef struct {
    const char *name; /* the file's path */
    const char *md;
    const char *note; /* the first note of the finding on "last month"; NULL: none */
} src_case;

static const src_case date_sources[] = {
    {"p.md", "---\ndate: 2026-03-14\n---\nIt fell last month.\n",
     "the post is dated 14 March 2026 (front matter 'date'); write 'in February 2026'"},
    {"p.md", "---\nDate: 2026-03-14\n---\nIt fell last month.\n",
     "the post is dated 14 March 2026 (front matter 'Date'); write 'in February 2026'"},
    {"p.md", "---\npublished: 2026-03-14\n---\nIt fell last month.\n",
     "the post is dated 14 March 2026 (front matter 'published'); write 'in February 2026'"},
    {"p.md", "---\npubDate: 2026-03-14\n---\nIt fell last month.\n",
     "the post is dated 14 March 2026 (front matter 'pubDate'); write 'in February 2026'"},
    {"p.md", "---\ndate:\n  created: 2026-03-14\n  updated: 2026-05-01\n---\nIt fell last month.\n",
     "the post is dated 14 March 2026 (front matter 'date'); write 'in February 2026'"},
    {"p.md", "+++\ndate = 2026-03-14T10:00:00Z\n+++\nIt fell last month.\n",
     "the post is dated 14 March 2026 (front matter 'date'); write 'in February 2026'"},
    {"p.md", "{\n\"pubdate\": \"2026-03-14\"\n}\nIt fell last month.\n",
     "the post is dated 14 March 2026 (front matter 'pubdate'); write 'in February 2026'"},
    {"p.md", "Title: T\nDate: 2026-03-14 10:20\n\nIt fell last month.\n",
     "the post is dated 14 March 2026 (metadata header 'Date'); write 'in February 2026'"},
    {"_posts/2026-03-14-trade.md", "It fell last month.\n",
     "the post is dated 14 March 2026 (from its file name); write 'in February 2026'"},
    {"_posts/2026-03-14-trade.md", "---\ntitle: T\n---\nIt fell last month.\n",
     "the post is dated 14 March 2026 (from its file name); write 'in February 2026'"},
    {"blog/2026-03-14-trade/index.md", "It fell last month.\n",
     "the post is dated 14 March 2026 (from its file name); write 'in February 2026'"},
    /* the metadata wins over the file name */
    {"_posts/2020-01-01-trade.md", "---\ndate: 2026-03-14\n---\nIt fell last month.\n",
     "the post is dated 14 March 2026 (front matter 'date'); write 'in February 2026'"},
    /* an unparsable metadata date leaves the file name */
    {"2026-03-14-trade.md", "---\ndate: March 2026\n---\nIt fell last month.\n",
     "the post is dated 14 March 2026 (from its file name); write 'in February 2026'"},
    /* no date */
    {"trade.md", "It fell last month.\n", NULL},
    {"2026-03-14.notes/trade.md", "It fell last month.\n", NULL},
    {"2026-13-14-trade.md", "It fell last month.\n", NULL},
    {"20260314-trade.md", "It fell last month.\n", NULL},
    {"p.md", "---\ndate: ''\n---\nIt fell last month.\n", NULL},
};

START_TEST(test_relative_date_sources)
{
    const src_case *c = &date_sources[_i];
    civ_linter l;
    civ_linter_init(&l, test_rules());
    civ_policy only;
    civ_policy_init(&only);
    civ_linter_only(&l, &only, "relative-date");
    char *err = NULL;
    civ_source *src = civ_source_from_memory(c->name, c->md, strlen(c->md), &err);
    civ_diags d;
    civ_diags_init(&d);
    civ_lint(&l, src, &d);
    if (!c->note) {
        ck_assert_msg(d.n == 0, "%s: %zu findings", c->name, d.n);
    } else {
        ck_assert_msg(d.n == 1 && d.items[0].nnotes >= 1, "%s: %zu findings", c->name, d.n);
        ck_assert_str_eq(d.items[0].notes[0], c->note);
    }
    civ_diags_release(&d);
    civ_source_free(src);
    civ_policy_release(&only);
}
END_TEST

/* Every phrase of a paragraph is found, in order, and the message quotes
 * the phrase as written. */
START_TEST(test_relative_date_several)
{
    civ_diags d;
    civ_source *src = test_lint("---\ndate: 2026-03-14\n---\nLast month and next year, yesterday.\n",
                                "relative-date", &d);
    ck_assert_uint_eq(d.n, 3);
    ck_assert_str_eq(d.items[0].message, "relative date 'Last month' goes stale");
    ck_assert_str_eq(d.items[1].message, "relative date 'next year' goes stale");
    ck_assert_str_eq(d.items[2].message, "relative date 'yesterday' goes stale");
    ck_assert_str_eq(d.items[2].notes[0],
                     "the post is dated 14 March 2026 (front matter 'date'); write 'on 13 March 2026'");
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
          "    - {phrase: last quarter, shift: {months: -3}, replace: 'in {month}'}\n"
          "    - {phrase: currently, shift: {months: 0}, replace: 'as of {month}', fix: false}\n"
          "    - {phrase: recently, fix: false, anchored: true}\n",
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
    /* `currently` without `anchored` is reported in a dated post again */
    const char *md = "---\ndate: 2026-03-14\n---\nWe met the other day, after last quarter and last year.\n"
                     "It is currently closed and was recently sold.\n";
    civ_source *src = civ_source_from_memory("t.md", md, strlen(md), &err);
    civ_diags d;
    civ_diags_init(&d);
    civ_lint(&l, src, &d);
    ck_assert_uint_eq(d.n, 3);
    ck_assert_str_eq(d.items[0].suggestions[0], "on 12 Mar 2026");
    ck_assert_str_eq(d.items[1].suggestions[0], "in Dec 2025");
    ck_assert_str_eq(d.items[2].suggestions[0], "as of Mar 2026");
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
    tcase_add_loop_test(tc, test_relative_date_sources, 0, sizeof date_sources / sizeof date_sources[0]);
    tcase_add_loop_test(tc, test_relative_date_table, 0, sizeof cases / sizeof *cases);
    tcase_add_test(tc, test_relative_date_several);
    tcase_add_test(tc, test_relative_date_pack_override);
    tcase_add_loop_test(tc, test_relative_date_bad_section, 0,
                        sizeof bad_sections / sizeof *bad_sections);
    suite_add_tcase(s, tc);
    return s;
}
