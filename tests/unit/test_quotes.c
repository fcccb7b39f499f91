/* test_quotes.c - src/quotes.[ch]: which text is a direct quotation, a
 * block quote or a cited title (and which quotation marks are only scare
 * quotes), and the parsing of civlint-allow directives. */
#include <stdlib.h>

#include "helpers.h"

#include "text/quotes.h"

#define LQ "\xE2\x80\x9C" /* “ */
#define RQ "\xE2\x80\x9D" /* ” */

typedef struct {
    const char *name;
    const char *md;
    const char *needle; /* a piece of the block text */
    int kind;           /* the civ_quote_kind covering it, or -1 for none */
} quote_case;

enum { NONE = -1, DIRECT = CIV_QUOTE_DIRECT, BLOCK = CIV_QUOTE_BLOCK, TITLE = CIV_QUOTE_TITLE };

static const quote_case quote_cases[] = {
    /* Quotations introduced by a speech verb or a colon. */
    {"said, curly", "The minister said " LQ "Uighur families were moved" RQ ".", "Uighur", DIRECT},
    {"said that", "He said that the reform was " LQ "long overdue in Kiev" RQ ".", "Kiev", DIRECT},
    {"told reporters", "She told reporters " LQ "Kiev will not yield" RQ ".", "Kiev", DIRECT},
    {"wrote in its report", "The agency wrote in its report, " LQ "the Uighur region" RQ ".", "Uighur", DIRECT},
    {"according to", "According to the statement, " LQ "Kiev remains open" RQ ".", "Kiev", DIRECT},
    {"argued", "Analysts argued " LQ "the Kiev government erred" RQ ".", "Kiev", DIRECT},
    {"noted", "The report noted " LQ "Uighur detainees" RQ ".", "Uighur", DIRECT},
    {"added", "He added: " LQ "We mean Kiev." RQ, "Kiev", DIRECT},
    {"colon", "The sign read: " LQ "Welcome to Kiev" RQ, "Kiev", DIRECT},
    {"straight quotes after said", "The minister said \"Kiev is safe\" on Monday.", "Kiev", DIRECT},
    {"German quotes", "Er sagte, wrote the paper: \xE2\x80\x9E" "Kiev bleibt\xE2\x80\x9C heute.", "Kiev", DIRECT},
    {"guillemets", "Le ministre said \xC2\xAB" "Kiev est libre\xC2\xBB hier.", "Kiev", DIRECT},
    {"attribution after", LQ "Kiev will hold," RQ " the minister said.", "Kiev", DIRECT},
    {"attribution by name", LQ "Kiev will hold," RQ " said Nino Beridze.", "Kiev", DIRECT},
    {"attribution by role", LQ "Kiev will hold," RQ " the deputy minister told reporters.", "Kiev", DIRECT},
    {"quote marks themselves", "He said " LQ "Kiev" RQ " twice.", LQ, DIRECT},
    {"unclosed quotation runs to the end", "He said: " LQ "Kiev will hold and", "hold", DIRECT},
    /* Scare quotes and other marks that are not quotations. */
    {"scare quotes", "The so-called " LQ "Uighur question" RQ " remains.", "Uighur", NONE},
    {"scare quotes straight", "The \"reset\" with Kiev failed.", "reset", NONE},
    {"text outside the quotation", "He said " LQ "yes" RQ " in Kiev.", "in Kiev", NONE},
    {"before the verb", "Kiev officials said " LQ "no" RQ ".", "Kiev officials", NONE},
    {"inch mark is not a quote", "A 12\" pipe from Kiev said nothing.", "Kiev", NONE},
    {"verb in an earlier sentence", "He said nothing. The " LQ "Kiev format" RQ " is dead.", "Kiev", NONE},
    {"no attribution after", LQ "Kiev format" RQ " is a term of art.", "Kiev", NONE},
    {"plain paragraph", "Kiev and Uighur are old spellings.", "Kiev", NONE},
    /* Block quotes. */
    {"block quote", "> Kiev was the spelling then.", "Kiev", BLOCK},
    {"nested block quote", "> > Kiev again.", "Kiev", BLOCK},
    {"list inside quote", "> - Kiev in a list.", "Kiev", BLOCK},
    /* Cited titles. */
    {"italic link text", "See [*The Uighur Crisis*](https://x.org).", "Uighur", TITLE},
    {"italic around link", "See *[the Uighur crisis](https://x.org)* for more.", "Uighur", TITLE},
    {"quoted link text", "See [" LQ "Kiev after the war" RQ "](https://x.org).", "Kiev", TITLE},
    {"quotes around link", "See " LQ "[Kiev after the war](https://x.org)" RQ ".", "Kiev", TITLE},
    {"title case link", "See [Report on Kiev and the War](https://x.org).", "Kiev", TITLE},
    {"ordinary link text", "See [what happened in Kiev](https://x.org).", "Kiev", NONE},
    {"two-word capitalised link", "See [Kiev Report](https://x.org).", "Kiev", NONE},
    {"quotation around a title", "She said " LQ "read [*Kiev Nights*](https://x.org) first" RQ ".", "first", DIRECT},
    {"title inside a quotation", "She said " LQ "read [*Kiev Nights*](https://x.org) first" RQ ".", "Kiev", TITLE},
};

START_TEST(test_quote_table)
{
    const quote_case *c = &quote_cases[_i];
    tdoc *t = tdoc_new(c->md);
    const civ_block *b;
    size_t off;
    ck_assert_msg(find_text(t->doc, c->needle, &b, &off), "%s: '%s' not found", c->name, c->needle);
    civ_quotes q;
    civ_quotes_find(t->doc, b, test_rules(), &q);
    const civ_quote *at = civ_quotes_at(&q, off);
    int got = at ? (int)at->kind : NONE;
    ck_assert_msg(got == c->kind, "%s: '%s' is %s, expected %s", c->name, c->needle,
                  got < 0 ? "not quoted" : civ_quote_kind_name((civ_quote_kind)got),
                  c->kind < 0 ? "not quoted" : civ_quote_kind_name((civ_quote_kind)c->kind));
    ck_assert(civ_quotes_contains(&q, off) == (c->kind != NONE));
    ck_assert(civ_quotes_overlaps(&q, off, off + strlen(c->needle)) == (c->kind != NONE) ||
              c->kind == NONE);
    civ_quotes_release(&q);
    tdoc_free(t);
}
END_TEST

/* The range of a quotation covers its marks exactly. */
START_TEST(test_quote_range)
{
    tdoc *t = tdoc_new("He said " LQ "Kiev" RQ " twice.");
    civ_quotes q;
    civ_quotes_find(t->doc, &t->doc->blocks[0], test_rules(), &q);
    ck_assert_uint_eq(q.n, 1);
    ck_assert_uint_eq(q.items[0].t0, 8);
    ck_assert_uint_eq(q.items[0].t1, 8 + 3 + 4 + 3);
    ck_assert(!civ_quotes_contains(&q, 7));
    ck_assert(!civ_quotes_contains(&q, 18));
    civ_quotes_release(&q);
    tdoc_free(t);
}
END_TEST

/* Without rule packs, only colons, block quotes and titles count. */
START_TEST(test_quote_without_rules)
{
    tdoc *t = tdoc_new("He said " LQ "Kiev" RQ ". It read: " LQ "Kiev" RQ ".");
    civ_quotes q;
    civ_quotes_find(t->doc, &t->doc->blocks[0], NULL, &q);
    ck_assert_uint_eq(q.n, 1);
    ck_assert_uint_gt(q.items[0].t0, 10);
    civ_quotes_release(&q);
    tdoc_free(t);
}
END_TEST

typedef struct {
    const char *name;
    const char *body;      /* inside <!-- --> */
    bool directive;
    const char *rule, *term, *reason;
    const char *problem;   /* substring of the problem; NULL: well-formed */
} allow_case;

static const allow_case allow_cases[] = {
    {"complete", " civlint-allow house.uyghur \"Uighur\" -- title of a cited report ", true,
     "house.uyghur", "Uighur", "title of a cited report", NULL},
    {"curly quotes", " civlint-allow house.kyiv " LQ "Kiev" RQ " -- quoted source ", true, "house.kyiv", "Kiev",
     "quoted source", NULL},
    {"en dash separator", " civlint-allow house.kyiv \"Kiev\" \xE2\x80\x93 a 1990 treaty ", true, "house.kyiv",
     "Kiev", "a 1990 treaty", NULL},
    {"term with spaces", " civlint-allow house.x \"Kiev Rus\" -- history ", true, "house.x", "Kiev Rus", "history", NULL},
    {"multi-line", "\ncivlint-allow house.uyghur \"Uighur\"\n-- the report's title\n", true, "house.uyghur",
     "Uighur", "the report's title", NULL},
    {"no spaces around", "civlint-allow house.kyiv \"Kiev\"--why", true, "house.kyiv", "Kiev", "why", NULL},
    {"no reason", " civlint-allow house.kyiv \"Kiev\" ", true, "house.kyiv", "Kiev", NULL, "no reason"},
    {"empty reason", " civlint-allow house.kyiv \"Kiev\" --  ", true, "house.kyiv", "Kiev", NULL, "no reason"},
    {"no term", " civlint-allow house.kyiv ", true, "house.kyiv", NULL, NULL, "no term"},
    {"unquoted term", " civlint-allow house.kyiv Kiev -- why ", true, "house.kyiv", NULL, NULL, "no quoted term"},
    {"unterminated term", " civlint-allow house.kyiv \"Kiev -- why ", true, "house.kyiv", NULL, NULL, "unterminated"},
    {"empty term", " civlint-allow house.kyiv \"\" -- why ", true, "house.kyiv", "", NULL, "empty term"},
    {"no rule", " civlint-allow ", true, NULL, NULL, NULL, "no rule"},
    {"no rule before term", " civlint-allow \"Kiev\" -- why ", true, NULL, NULL, NULL, "no rule"},
    {"junk after term", " civlint-allow house.kyiv \"Kiev\" because ", true, "house.kyiv", "Kiev", NULL,
     "unexpected text"},
    {"other comment", " an editor's note ", false, NULL, NULL, NULL, NULL},
    {"similar word", " civlint-allowed house.kyiv \"Kiev\" -- x ", false, NULL, NULL, NULL, NULL},
    {"other directive", " civlint-disable spelling ", false, NULL, NULL, NULL, NULL},
};

static void assert_opt_str(const char *name, const char *what, const char *got, const char *want)
{
    if (!want)
        ck_assert_msg(got == NULL, "%s: %s '%s', expected none", name, what, got ? got : "");
    else
        ck_assert_msg(got && strcmp(got, want) == 0, "%s: %s '%s', expected '%s'", name, what,
                      got ? got : "(none)", want);
}

START_TEST(test_allow_table)
{
    const allow_case *c = &allow_cases[_i];
    civ_allow a;
    bool is = civ_allow_parse_comment(c->body, strlen(c->body), &a);
    ck_assert_msg(is == c->directive, "%s: directive %d", c->name, is);
    if (is) {
        assert_opt_str(c->name, "rule", a.rule, c->rule);
        assert_opt_str(c->name, "term", a.term, c->term);
        assert_opt_str(c->name, "reason", a.reason, c->reason);
        if (c->problem)
            ck_assert_msg(a.problem && strstr(a.problem, c->problem), "%s: problem '%s', expected '%s'",
                          c->name, a.problem ? a.problem : "(none)", c->problem);
        else
            ck_assert_msg(!a.problem, "%s: unexpected problem '%s'", c->name, a.problem);
    }
    free(a.rule);
    free(a.term);
    free(a.reason);
}
END_TEST

/* Directives in an HTML block, inline HTML and paragraph text (a comment
 * holding "--" is not inline HTML for cmark-gfm), with exact spans. */
START_TEST(test_allows_in_document)
{
    const char *md = "<!-- civlint-allow house.uyghur \"Uighur\" -- title of a cited report -->\n"
                     "\n"
                     "Text <!-- civlint-allow house.kyiv \"Kiev\" --> and "
                     "<!-- civlint-allow house.x \"Y\" -- why --> end.\n"
                     "\n"
                     "> <!-- civlint-allow house.q \"Q\" -- in a quote -->\n"
                     "\n"
                     "`<!-- civlint-allow house.code \"C\" -- in code -->`\n"
                     "\n"
                     "&lt;!-- civlint-allow house.esc \"E\" -- escaped -->\n";
    tdoc *t = tdoc_new(md);
    civ_allows al;
    civ_allows_parse(t->doc, &al);
    ck_assert_uint_eq(al.n, 4);
    static const char *const spans[] = {"1:1-1:71", "3:6-3:45", "3:51-3:91", "5:3-5:50"};
    static const char *const rules[] = {"house.uyghur", "house.kyiv", "house.x", "house.q"};
    for (size_t i = 0; i < al.n; i++) {
        char got[64];
        span_str(t->src, al.items[i].s0, al.items[i].s1, got, sizeof got);
        ck_assert_msg(strcmp(got, spans[i]) == 0, "directive %zu: span %s, expected %s", i, got, spans[i]);
        ck_assert_str_eq(al.items[i].rule, rules[i]);
        ck_assert_msg(memcmp(t->src->data + al.items[i].s0, "<!--", 4) == 0, "directive %zu", i);
    }
    ck_assert_ptr_nonnull(al.items[1].problem); /* no reason */
    ck_assert(civ_allows_permit(&al, "house.uyghur", "Uighur"));
    ck_assert(!civ_allows_permit(&al, "house.uyghur", "uighur"));   /* exact term */
    ck_assert(!civ_allows_permit(&al, "house.kyiv", "Kiev"));       /* malformed */
    ck_assert(civ_allows_permit(&al, "house.x", "Y"));
    ck_assert(!civ_allows_permit(&al, "house.code", "C"));
    ck_assert(!civ_allows_permit(&al, "house.esc", "E"));
    civ_allows_release(&al);
    tdoc_free(t);
}
END_TEST

/* The allow-directive check reports malformed directives as errors. */
START_TEST(test_allow_directive_check)
{
    civ_diags d;
    civ_source *src = test_lint("<!-- civlint-allow house.kyiv \"Kiev\" -->\n\n"
                                "<!-- civlint-allow house.kyiv \"Kiev\" -- a cited title -->\n\n"
                                "<!-- an ordinary comment -->\n",
                                "allow-directive", &d);
    ck_assert_uint_eq(d.n, 1);
    ck_assert_str_eq(d.items[0].message, "civlint-allow directive gives no reason");
    ck_assert_int_eq(d.items[0].severity, CIV_SEV_ERROR);
    char got[64];
    span_str(src, d.items[0].start, d.items[0].end, got, sizeof got);
    ck_assert_str_eq(got, "1:1-1:40");
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

Suite *suite_quotes(void)
{
    Suite *s = suite_create("quotes");
    TCase *tc = tcase_create("table");
    tcase_add_loop_test(tc, test_quote_table, 0, sizeof quote_cases / sizeof *quote_cases);
    tcase_add_test(tc, test_quote_range);
    tcase_add_test(tc, test_quote_without_rules);
    tcase_add_loop_test(tc, test_allow_table, 0, sizeof allow_cases / sizeof *allow_cases);
    tcase_add_test(tc, test_allows_in_document);
    tcase_add_test(tc, test_allow_directive_check);
    suite_add_tcase(s, tc);
    return s;
}
