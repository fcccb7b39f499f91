/* test_directives.c - src/model/directives.[ch]: every <!-- civlint-... -->
 * comment of a post is found once, where it counts, with exact source
 * offsets of the comment and of each argument.
 *
 * Each case renders the post's directive list as one line per directive:
 *     KIND S0-S1 [kw=KEYWORD] [ARG@S0-S1 ...] [rule=..@S0-S1] [term=..]
 *     [reason=..] [!PROBLEM]
 * The cases name the invisible detail that matters (the CR of a CRLF, the
 * "> " of a block quote between the lines of a comment). The last cases
 * are the places where the three scanners this module replaced disagreed
 * (see directives.h for the rule chosen). */
#include <stdio.h>
#include <stdlib.h>

#include "helpers.h"

#include "model/directives.h"

typedef struct {
    const char *name;
    const char *md;
    const char *want; /* the rendering described above; "" for none */
} dir_case;

static const dir_case dir_cases[] = {
    {"html block, rules by comma", "<!-- civlint-disable a,b -->\n", "disable 0-28 a@21-22 b@23-24"},
    {"inline html mid-paragraph", "Text <!-- civlint-disable-line x --> more\n", "disable-line 5-36 x@31-32"},
    {"paragraph text: a reason makes it text for cmark-gfm",
     "Text <!-- civlint-disable-line x -- why --> more\n", "disable-line 5-43 x@31-32 reason=why@36-39"},
    {"heading", "## Title <!-- civlint-disable-line x -->\n", "disable-line 9-40 x@35-36"},
    {"every rule, with a reason", "<!-- civlint-disable -- the whole draft -->\n",
     "disable 0-43 reason=the whole draft@24-39"},
    {"no spaces", "<!--civlint-enable-->\n", "enable 0-21"},
    {"two comments on one line", "<!-- civlint-disable a --><!-- civlint-enable a -->\n",
     "disable 0-26 a@21-22\nenable 26-51 a@46-47"},
    {"comment inside a div", "<div>\n<!-- civlint-words: Ab, Cd -->\n</div>\n", "words 6-36 Ab@26-28 Cd@30-32"},
    {"comment inside an attribute of inline html",
     "a <span title=\"<!-- civlint-words: Ab -->\">b</span>\n", "words 15-41 Ab@35-37"},
    {"words without a space after the colon", "<!-- civlint-words:Ab -->\n", "words 0-25 Ab@19-21"},
    {"allow, well-formed", "<!-- civlint-allow house.x \"Y\" -- why -->\n",
     "allow 0-41 rule=house.x@19-26 term=Y@28-29 reason=why@34-37"},
    {"allow without a reason", "<!-- civlint-allow house.kyiv \"Kiev\" -->\n",
     "allow 0-40 rule=house.kyiv@19-29 term=Kiev@31-35 !gives no reason"},
    {"misspelt directive", "<!-- civlint-disabel x -->\n", "unknown 0-26 kw=civlint-disabel"},
    {"ordinary comment", "<!-- hello -->\n\nText <!-- a --> b\n", ""},
    {"nested: the first --> ends the comment", "<!-- <!-- civlint-disable x --> -->\n", ""},
    {"nested: an inner <!-- is an argument", "<!-- civlint-disable x <!-- y -->\n",
     "disable 0-33 x@21-22 <!--@23-27 y@28-29"},
    {"CRLF between the lines of a comment", "<!-- civlint-disable-next-line\r\n  x -->\r\nText\r\n",
     "disable-next-line 0-39 x@34-35"},
    {"CRLF, inline", "Text <!-- civlint-disable-line x -->\r\nmore\r\n", "disable-line 5-36 x@31-32"},
    {"split over lines in a block quote", "> <!-- civlint-disable a\n> b -->\n", "disable 2-32 a@23-24 b@27-28"},
    {"a tab cmark-gfm expands in a list item", "- a\n\n\t<!-- civlint-words: A\n\tB -->\n", "words 6-34 A@26-27 B@29-30"},
    {"split over lines in a list item", "- <!-- civlint-words: Ab\n  Cd -->\n", "words 2-33 Ab@22-24 Cd@27-29"},
    {"inline, split over lines in a block quote", "> Hi <!-- civlint-words: Ab\n> Cd --> there\n",
     "words 5-36 Ab@25-27 Cd@30-32"},
    {"escaped: text about a directive", "&lt;!-- civlint-disable x -- y -->\n", ""},
    {"escaped close", "Hi <!-- civlint-disable x -- y --&gt;\n", ""},
    {"code span", "`<!-- civlint-disable x -->`\n", ""},
    {"code block", "```\n<!-- civlint-disable x -->\n```\n\n    <!-- civlint-disable y -->\n", ""},
    {"front matter", "---\ntitle: \"<!-- civlint-disable x -->\"\n---\n\nText.\n", ""},
    {"unterminated in an html block", "> <!-- civlint-words: Qz\n\nQz here.\n", ""},
    {"unterminated in paragraph text", "Hi <!-- civlint-disable x -- y\n", ""},
    {"unterminated, then a closed one", "> <!-- civlint-words: A\n\n<!-- civlint-words: B -->\n",
     "words 25-50 B@45-46"},
    {"source order across inline html and text",
     "a <!-- civlint-disable-line x -- r --> b <!-- civlint-disable-line y --> c\n",
     "disable-line 2-38 x@28-29 reason=r@33-34\ndisable-line 41-72 y@67-68"},
};

static void render(const tdoc *t, char *buf, size_t cap)
{
    const civ_directives *ds = &t->doc->directives;
    size_t n = 0;
    buf[0] = '\0';
#define OUT(...) n += (size_t)snprintf(buf + n, n < cap ? cap - n : 0, __VA_ARGS__)
    for (size_t i = 0; i < ds->n; i++) {
        const civ_directive *d = &ds->items[i];
        OUT("%s%s %zu-%zu", i ? "\n" : "", civ_directive_kind_name(d->kind), d->s0, d->s1);
        if (d->kind == CIV_DIR_UNKNOWN)
            OUT(" kw=%s", d->keyword.text);
        for (size_t k = 0; k < d->nargs; k++)
            OUT(" %s@%zu-%zu", d->args[k].text, d->args[k].s0, d->args[k].s1);
        if (d->rule.text)
            OUT(" rule=%s@%zu-%zu", d->rule.text, d->rule.s0, d->rule.s1);
        if (d->term.text)
            OUT(" term=%s@%zu-%zu", d->term.text, d->term.s0, d->term.s1);
        if (d->reason.text)
            OUT(" reason=%s@%zu-%zu", d->reason.text, d->reason.s0, d->reason.s1);
        if (d->problem)
            OUT(" !%s", d->problem);
    }
#undef OUT
}

START_TEST(test_directive_table)
{
    const dir_case *c = &dir_cases[_i];
    tdoc *t = tdoc_new(c->md);
    char got[1024];
    render(t, got, sizeof got);
    ck_assert_msg(strcmp(got, c->want) == 0, "%s:\n got: %s\nwant: %s", c->name, got, c->want);
    /* every comment span starts with "<!--" and ends with "-->" */
    for (size_t i = 0; i < t->doc->directives.n; i++) {
        const civ_directive *d = &t->doc->directives.items[i];
        ck_assert(d->s1 - d->s0 >= 7 && d->s1 <= t->src->len);
        ck_assert_msg(memcmp(t->src->data + d->s0, "<!--", 4) == 0 &&
                          memcmp(t->src->data + d->s1 - 3, "-->", 3) == 0,
                      "%s: directive %zu span", c->name, i);
    }
    tdoc_free(t);
}
END_TEST

/* The choice where the old scanners disagreed, seen through a check: a
 * suppression with a reason in the middle of a paragraph (text for
 * cmark-gfm, not inline HTML) now counts, as it did for civlint-allow. */
START_TEST(test_directive_consumers)
{
    civ_diags d;
    civ_source *src = test_lint("a\xE2\x80\x8B" "b here.\n", "invisible-character", &d);
    ck_assert_uint_eq(d.n, 1);
    civ_diags_release(&d);
    civ_source_free(src);
    src = test_lint("a\xE2\x80\x8B" "b here. <!-- civlint-disable-line invisible-character -- a name -->\n",
                    "invisible-character", &d);
    ck_assert_uint_eq(d.n, 0);
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

/* Many directives cost linear time: 20,000 comments in one post. */
START_TEST(test_directive_many)
{
    size_t k = 20000, cap = k * 64, n = 0;
    char *md = malloc(cap);
    for (size_t i = 0; i < k; i++)
        n += (size_t)snprintf(md + n, cap - n, i % 2 ? "<!-- civlint-enable -->\n" : "<!-- civlint-disable x -->\n");
    tdoc *t = tdoc_newn(md, n);
    ck_assert_uint_eq(t->doc->directives.n, k);
    ck_assert_uint_eq(t->doc->directives.items[k - 1].kind, CIV_DIR_ENABLE);
    tdoc_free(t);
    free(md);
}
END_TEST

/* Suppressions cost (findings + directives) log: 20,000 findings, each
 * between a disable and an enable (a scan of the directives per finding
 * took 7 s here, past Check's timeout). */
START_TEST(test_suppress_many)
{
    size_t k = 20000, cap = k * 96, n = 0;
    char *md = malloc(cap);
    for (size_t i = 0; i < k; i++)
        n += (size_t)snprintf(md + n, cap - n,
                              "<!-- civlint-disable invisible-character -->\na\xE2\x80\x8B" "b\n"
                              "<!-- civlint-enable -->\n");
    civ_diags d;
    civ_source *src = test_lint(md, "invisible-character", &d);
    ck_assert_uint_eq(d.n, 0);
    civ_diags_release(&d);
    civ_source_free(src);
    free(md);
}
END_TEST

Suite *suite_directives(void)
{
    Suite *s = suite_create("directives");
    TCase *tc = tcase_create("table");
    tcase_add_loop_test(tc, test_directive_table, 0, sizeof dir_cases / sizeof *dir_cases);
    tcase_add_test(tc, test_directive_consumers);
    tcase_add_test(tc, test_directive_many);
    tcase_add_test(tc, test_suppress_many);
    suite_add_tcase(s, tc);
    return s;
}
