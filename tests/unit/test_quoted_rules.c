/* test_quoted_rules.c - consistency and substitution rules leave quoted
 * text alone (issue 8, part 4): direct quotations, block quotes, cited
 * titles, and terms a civlint-allow directive permits. Existence rules
 * still apply inside quotations. Each row: a post and the pack findings
 * expected, as "rule@col" joined with ' ' (all on line 1 unless noted). */
#include <stdio.h>

#include "helpers.h"

typedef struct {
    const char *name;
    const char *md;
    const char *want;
} qcase;

static const qcase cases[] = {
    {"substitution in prose", "Missiles struck Kiev overnight.", "house.kyiv@17"},
    {"substitution in a direct quotation", "The minister said: \xE2\x80\x9C" "Kiev will not fall.\xE2\x80\x9D", ""},
    {"substitution in a quotation with attribution", "\xE2\x80\x9CKiev stands,\xE2\x80\x9D the mayor said.", ""},
    {"substitution in scare quotes still reported", "The so-called \xE2\x80\x9CKiev\xE2\x80\x9D line is wrong.", "house.kyiv@16"},
    {"substitution in a block quote", "> Kiev will not fall.", ""},
    {"substitution in a cited title", "See [\xE2\x80\x9CThe Kiev Talks\xE2\x80\x9D](https://example.org/r).", ""},
    {"substitution in an italic cited title", "See [*The Road to Kiev*](https://example.org/r).", ""},
    {"substitution after the quotation", "He said: \xE2\x80\x9CKiev.\xE2\x80\x9D Then Kiev again.", "house.kyiv@23"},
    {"allowed term", "<!-- civlint-allow house.kyiv \"Kiev\" -- name of a 1990s treaty -->\n\nThe Kiev Accord.", ""},
    {"allowed term for another rule only", "<!-- civlint-allow house.uyghur \"Kiev\" -- wrong rule -->\n\nThe Kiev Accord.", "house.kyiv@3:5"},
    {"allow directive for another term", "<!-- civlint-allow house.kyiv \"Odessa\" -- a ship's name -->\n\nKiev and Odessa.", "house.kyiv@3:1"},
    {"consistency ignores a quoted minority form", "Uyghur groups met. Uyghur exiles agreed. A report said: \xE2\x80\x9CUighur rights matter.\xE2\x80\x9D", ""},
    {"consistency reports an unquoted minority form", "Uyghur groups met. Uyghur exiles agreed. Uighur rights matter.", "house.uyghur@42"},
    {"quoted forms do not make the majority", "Uyghur groups met. He said: \xE2\x80\x9CUighur, Uighur, Uighur.\xE2\x80\x9D", ""},
};

START_TEST(test_quoted_rule_table)
{
    const qcase *c = &cases[_i];
    civ_diags d;
    civ_source *src = test_lint(c->md, "rule-packs", &d);
    char got[512] = "";
    for (size_t i = 0; i < d.n; i++) {
        if (strncmp(d.items[i].rule, "house.kyiv", 10) != 0 && strncmp(d.items[i].rule, "house.uyghur", 12) != 0)
            continue;
        size_t line, col;
        civ_source_position(src, d.items[i].start, &line, &col);
        size_t len = strlen(got);
        if (line == 1)
            snprintf(got + len, sizeof got - len, "%s%s@%zu", len ? " " : "", d.items[i].rule, col);
        else
            snprintf(got + len, sizeof got - len, "%s%s@%zu:%zu", len ? " " : "", d.items[i].rule, line, col);
    }
    ck_assert_msg(strcmp(got, c->want) == 0, "%s: got '%s', expected '%s'", c->name, got, c->want);
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

Suite *suite_quoted_rules(void)
{
    Suite *s = suite_create("quoted_rules");
    TCase *tc = tcase_create("table");
    tcase_add_loop_test(tc, test_quoted_rule_table, 0, sizeof cases / sizeof *cases);
    suite_add_tcase(s, tc);
    return s;
}
