/* test_invisible.c - `invisible-character`: each invisible character is
 * named and removed (no-break spaces between letters: replaced by a space);
 * legitimate uses (emoji ZWJ sequences, ZWNJ in Persian, bidi marks in
 * right-to-left text, typographic no-break spaces, entities) are not
 * reported. */
#include "helpers.h"

typedef struct {
    const char *name;
    const char *md;
    const char *span;        /* first finding; NULL: no finding at all */
    const char *message;     /* expected message of the first finding */
    const char *replacement; /* its fix */
} inv_case;

#define ZWSP "\xE2\x80\x8B"
#define ZWNJ "\xE2\x80\x8C"
#define ZWJ "\xE2\x80\x8D"
#define LRM "\xE2\x80\x8E"
#define RLM "\xE2\x80\x8F"
#define RLO "\xE2\x80\xAE"
#define LRI "\xE2\x81\xA6"
#define PDI "\xE2\x81\xA9"
#define WJ "\xE2\x81\xA0"
#define BOM "\xEF\xBB\xBF"
#define SHY "\xC2\xAD"
#define NBSP "\xC2\xA0"
#define NNBSP "\xE2\x80\xAF"
#define PERSIAN "\xD9\x85\xDB\x8C" ZWNJ "\xD8\xB1\xD9\x88\xD9\x85" /* mi-ravam */
#define ARABIC "\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A"                   /* arabi */

static const inv_case positives[] = {
    {"zero width space", "Tbi" ZWSP "lisi", "1:4-1:4", "invisible character U+200B ZERO WIDTH SPACE", ""},
    {"soft hyphen", "Tbi" SHY "lisi", "1:4-1:4", "invisible character U+00AD SOFT HYPHEN", ""},
    {"word joiner", "Baku" WJ " port", "1:5-1:5", "invisible character U+2060 WORD JOINER", ""},
    {"BOM inside text", "Poti" BOM "port", "1:5-1:5", "invisible character U+FEFF ZERO WIDTH NO-BREAK SPACE", ""},
    {"ZWJ between Latin letters", "Ba" ZWJ "ku", "1:3-1:3", "invisible character U+200D ZERO WIDTH JOINER", ""},
    {"ZWNJ between Latin letters", "Ba" ZWNJ "ku", "1:3-1:3", "invisible character U+200C ZERO WIDTH NON-JOINER", ""},
    {"run of three is one finding", "a" ZWSP ZWSP ZWSP "b", "1:2-1:4",
     "invisible character U+200B ZERO WIDTH SPACE (3 in a row)", ""},
    {"right-to-left override", "file" RLO "txt.exe", "1:5-1:5",
     "bidirectional control U+202E RIGHT-TO-LEFT OVERRIDE", ""},
    {"override even in RTL text", ARABIC " " RLO "x", "1:6-1:6", "bidirectional control U+202E RIGHT-TO-LEFT OVERRIDE", ""},
    {"LRM in Latin text", "Batumi" LRM " port", "1:7-1:7", "bidirectional control U+200E LEFT-TO-RIGHT MARK", ""},
    {"RLM in Latin text", "Batumi" RLM " port", "1:7-1:7", "bidirectional control U+200F RIGHT-TO-LEFT MARK", ""},
    {"isolate in Latin text", "the " LRI "name here", "1:5-1:5", "bidirectional control U+2066 LEFT-TO-RIGHT ISOLATE", ""},
    {"NBSP between words", "the" NBSP "government", "1:4-1:4", "U+00A0 NO-BREAK SPACE between letters", " "},
    {"narrow NBSP between words", "the" NNBSP "port", "1:4-1:4", "U+202F NARROW NO-BREAK SPACE between letters", " "},
    {"NBSP between non-ASCII letters", "\xC3\xA9t\xC3\xA9" NBSP "\xC3\xA9t\xC3\xA9", "1:4-1:4",
     "U+00A0 NO-BREAK SPACE between letters", " "},
    {"in a heading", "# Head" ZWSP "ing\n\ntext", "1:7-1:7", "invisible character U+200B ZERO WIDTH SPACE", ""},
    {"in a table cell", "| a | b |\n|---|---|\n| x" ZWSP "y | z |", "3:4-3:4", "invisible character U+200B ZERO WIDTH SPACE", ""},
    {"in link text", "see [re" ZWSP "port](https://x.org)", "1:8-1:8", "invisible character U+200B ZERO WIDTH SPACE", ""},
    {"in a block quote", "> quo" ZWSP "ted", "1:6-1:6", "invisible character U+200B ZERO WIDTH SPACE", ""},
    {"interlinear annotation", "a\xEF\xBF\xB9" "b", "1:2-1:2", "invisible character U+FFF9 INTERLINEAR ANNOTATION ANCHOR", ""},
    {"invisible times", "a\xE2\x81\xA2" "b", "1:2-1:2", "invisible character U+2062 INVISIBLE TIMES", ""},
    {"stray tag character", "a\xF3\xA0\x81\xA1" "b", "1:2-1:2", "invisible character U+E0061 TAG CHARACTER", ""},
    {"after emphasis", "*bold* Tbi" ZWSP "lisi", "1:11-1:11", "invisible character U+200B ZERO WIDTH SPACE", ""},
    /* no-break spaces that stand for a word space, or end up in anchors */
    {"NBSP after a link", "[port](https://x.org)" NBSP "authority", "1:22-1:22", "U+00A0 NO-BREAK SPACE between letters", " "},
    {"NBSP before a lower-case I", "and" NBSP "I think", "1:4-1:4", "U+00A0 NO-BREAK SPACE between letters", " "},
    {"NBSP after a two-letter word", "to" NBSP "go", "1:3-1:3", "U+00A0 NO-BREAK SPACE between letters", " "},
    {"NBSP after a possessive 's", "Boston\xE2\x80\x99s" NBSP "office", "1:9-1:9", "U+00A0 NO-BREAK SPACE between letters", " "},
    {"NBSP after a straight possessive 's", "Boston's" NBSP "office", "1:9-1:9", "U+00A0 NO-BREAK SPACE between letters", " "},
    {"NBSP at the end of a heading", "# Harbour" NBSP "\n\ntext", "1:10-1:10", "U+00A0 NO-BREAK SPACE at the end of a line", ""},
    {"NBSP at the start of a paragraph", NBSP "Harbour text", "1:1-1:1", "U+00A0 NO-BREAK SPACE at the start of a line", ""},
    {"NBSP at a line end", "the port" NBSP "\nauthority", "1:9-1:9", "U+00A0 NO-BREAK SPACE at the end of a line", ""},
    {"two NBSPs after a full stop", "ends." NBSP NBSP "Next", "1:6-1:7", "U+00A0 NO-BREAK SPACE (2 in a row)", " "},
};

static const inv_case negatives[] = {
    {"plain text", "Nothing hidden here.", NULL, NULL, NULL},
    {"emoji family ZWJ", "family \xF0\x9F\x91\xA8" ZWJ "\xF0\x9F\x91\xA9" ZWJ "\xF0\x9F\x91\xA7 here", NULL, NULL, NULL},
    {"emoji profession with VS16", "a \xF0\x9F\x91\xA9" ZWJ "\xE2\x9A\x95\xEF\xB8\x8F doctor", NULL, NULL, NULL},
    {"rainbow flag", "flag \xF0\x9F\x8F\xB3\xEF\xB8\x8F" ZWJ "\xF0\x9F\x8C\x88 here", NULL, NULL, NULL},
    {"Scotland flag tags", "\xF0\x9F\x8F\xB4\xF3\xA0\x81\xA7\xF3\xA0\x81\xA2\xF3\xA0\x81\xB3\xF3\xA0\x81\xA3\xF3\xA0\x81\xB4\xF3\xA0\x81\xBF flag", NULL, NULL, NULL},
    {"Persian ZWNJ", "the verb " PERSIAN " in Farsi", NULL, NULL, NULL},
    {"Devanagari ZWJ", "\xE0\xA4\x95\xE0\xA5\x8D" ZWJ "\xE0\xA4\xB7 text", NULL, NULL, NULL},
    {"RLM in Arabic text", "name " ARABIC RLM " (2024)", NULL, NULL, NULL},
    {"isolates around Arabic", "the name " LRI ARABIC PDI " here", NULL, NULL, NULL},
    {"NBSP before a unit", "10" NBSP "km of rail", NULL, NULL, NULL},
    {"NBSP after a one-letter word", "a" NBSP "tool and I" NBSP "think", NULL, NULL, NULL},
    {"NBSP after a title with no full stop", "Mr" NBSP "Smith and Dr" NBSP "Jones", NULL, NULL, NULL},
    {"NBSP before a Roman numeral", "World War" NBSP "II and Louis" NBSP "XIV", NULL, NULL, NULL},
    {"NBSP before a letter label", "see Appendix" NBSP "B", NULL, NULL, NULL},
    {"NBSP before a French colon", "Attention" NBSP ": ici", NULL, NULL, NULL},
    {"NBSP inside guillemets", "\xC2\xAB" NBSP "Bonjour" NBSP "\xC2\xBB", NULL, NULL, NULL},
    {"NBSP in a page reference", "p." NBSP "12", NULL, NULL, NULL},
    {"NBSP between initials", "J." NBSP "R. Smith", NULL, NULL, NULL},
    {"NBSP after a title", "Mr." NBSP "Smith", NULL, NULL, NULL},
    {"NBSP in a figure reference", "Figure" NBSP "3", NULL, NULL, NULL},
    {"NNBSP French spacing", "Pourquoi" NNBSP "?", NULL, NULL, NULL},
    {"NBSP entity", "the&nbsp;government", NULL, NULL, NULL},
    {"soft hyphen entity", "Tbi&shy;lisi", NULL, NULL, NULL},
    {"ZWSP numeric entity", "x&#8203;y", NULL, NULL, NULL},
    {"in a code span", "use `a" ZWSP "b` here", NULL, NULL, NULL},
    {"in a fenced code block", "```\na" ZWSP "b\n```", NULL, NULL, NULL},
    {"in an indented code block", "    a" ZWSP "b", NULL, NULL, NULL},
    {"in an HTML block", "<div>a" ZWSP "b</div>", NULL, NULL, NULL},
    {"in an autolink", "see https://x.org/a" ZWSP "b now", NULL, NULL, NULL},
    {"leading BOM", BOM "Hello world", NULL, NULL, NULL},
    {"Arabic number sign is visible", "\xD8\x80\xD9\xA1\xD9\xA2", NULL, NULL, NULL},
};

static void run_case(const inv_case *c)
{
    civ_diags d;
    civ_source *src = test_lint(c->md, "invisible-character", &d);
    if (!c->span) {
        ck_assert_msg(d.n == 0, "%s: %zu findings, expected none (%s)", c->name, d.n,
                      d.n ? d.items[0].message : "");
    } else {
        ck_assert_msg(d.n == 1, "%s: %zu findings, expected 1", c->name, d.n);
        char got[64];
        span_str(src, d.items[0].start, d.items[0].end, got, sizeof got);
        ck_assert_msg(strcmp(got, c->span) == 0, "%s: span %s, expected %s", c->name, got, c->span);
        ck_assert_msg(strcmp(d.items[0].message, c->message) == 0, "%s: message '%s'", c->name,
                      d.items[0].message);
        ck_assert_uint_eq(d.items[0].nfixes, 1);
        const civ_fix *f = &d.items[0].fixes[0];
        ck_assert_str_eq(f->replacement, c->replacement);
        ck_assert_uint_eq(f->start, d.items[0].start);
        ck_assert_uint_eq(f->end, d.items[0].end);
    }
    civ_diags_release(&d);
    civ_source_free(src);
}

START_TEST(test_invisible_positive)
{
    run_case(&positives[_i]);
}
END_TEST

START_TEST(test_invisible_negative)
{
    run_case(&negatives[_i]);
}
END_TEST

/* Several characters in one paragraph: each is its own finding, in order. */
START_TEST(test_invisible_several)
{
    civ_diags d;
    civ_source *src = test_lint("a" ZWSP "b c" SHY "d ex" NBSP "f", "invisible-character", &d);
    ck_assert_uint_eq(d.n, 3);
    ck_assert_ptr_nonnull(strstr(d.items[0].message, "U+200B"));
    ck_assert_ptr_nonnull(strstr(d.items[1].message, "U+00AD"));
    ck_assert_ptr_nonnull(strstr(d.items[2].message, "U+00A0"));
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

/* `invisible-character.no-break-space: all`: every no-break space is
 * reported, the typographic ones too, and replaced by a space. */
START_TEST(test_invisible_all_spaces)
{
    static const char *const md[] = {"10" NBSP "km", "Mr." NBSP "Smith", "a" NBSP "tool", "Pourquoi" NNBSP "?"};
    for (size_t i = 0; i < sizeof md / sizeof *md; i++) {
        civ_linter l;
        civ_linter_init(&l, test_rules());
        civ_policy only;
        civ_policy_init(&only);
        civ_linter_only(&l, &only, "invisible-character");
        char *err = NULL;
        civ_source *src = civ_source_from_memory("p.md", md[i], strlen(md[i]), &err);
        for (int all = 0; all < 2; all++) {
            l.ctx.nbsp_all = all;
            civ_diags d;
            civ_diags_init(&d);
            civ_lint(&l, src, &d);
            ck_assert_msg(d.n == (size_t)all, "'%s' (all %d): %zu findings", md[i], all, d.n);
            if (all)
                ck_assert_str_eq(d.items[0].fixes[0].replacement, " ");
            civ_diags_release(&d);
        }
        civ_source_free(src);
        civ_policy_release(&only);
    }
}
END_TEST

Suite *suite_invisible(void)
{
    Suite *s = suite_create("invisible-character");
    TCase *tc = tcase_create("table");
    tcase_add_loop_test(tc, test_invisible_positive, 0, sizeof positives / sizeof *positives);
    tcase_add_loop_test(tc, test_invisible_negative, 0, sizeof negatives / sizeof *negatives);
    tcase_add_test(tc, test_invisible_several);
    tcase_add_test(tc, test_invisible_all_spaces);
    suite_add_tcase(s, tc);
    return s;
}
