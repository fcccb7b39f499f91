/* test_mixed_script.c - the `mixed-script` check. Each row: a post, and
 * its findings as "L:C-L:C word>fix [notes]" joined by '|' (fix "-" when
 * there is none; notes joined by ';'). */
#include "helpers.h"
#include "text/unicode.h"
#include "base/utf8.h"

#include <stdio.h>

typedef struct {
    const char *name;
    const char *md;
    const char *want;
} mixed_case;

#define CYR_TE "\xD0\xA2"   /* U+0422 */
#define CYR_IE "\xD0\x95"   /* U+0415 */
#define CYR_a "\xD0\xB0"    /* U+0430 */
#define CYR_o "\xD0\xBE"    /* U+043E */
#define CYR_be "\xD0\xB1"   /* U+0431, no Latin look-alike */
#define CYR_I "\xD0\x86"    /* U+0406 */
#define GRK_TAU "\xCE\xA4"  /* U+03A4 */
#define GRK_omi "\xCE\xBF"  /* U+03BF */
#define MOSKVA "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2"

static const mixed_case cases[] = {
    {"Latin B between Cyrillic TE and IE", CYR_TE "B" CYR_IE,
     "1:1-1:3 " CYR_TE "B" CYR_IE ">TBE ['" CYR_TE "' is U+0422 CYRILLIC CAPITAL LETTER TE;'" CYR_IE
     "' is U+0415 CYRILLIC CAPITAL LETTER IE]"},
    {"Cyrillic a in a Latin name", "In K" CYR_a "zakhstan.",
     "1:4-1:13 K" CYR_a "zakhstan>Kazakhstan ['" CYR_a "' is U+0430 CYRILLIC SMALL LETTER A]"},
    {"a repeated letter is named once", "B" CYR_o CYR_o "k",
     "1:1-1:4 B" CYR_o CYR_o "k>Book ['" CYR_o "' is U+043E CYRILLIC SMALL LETTER O]"},
    {"Greek tau in an acronym", "NA" GRK_TAU "O members",
     "1:1-1:4 NA" GRK_TAU "O>NATO ['" GRK_TAU "' is U+03A4 GREEK CAPITAL LETTER TAU]"},
    {"Greek omicron", "Rust" GRK_omi "vi", "1:1-1:7 Rust" GRK_omi "vi>Rustovi ['" GRK_omi
     "' is U+03BF GREEK SMALL LETTER OMICRON]"},
    {"Russian word with a Latin a: fixed to Cyrillic", MOSKVA "a",
     "1:1-1:6 " MOSKVA "a>" MOSKVA CYR_a " ['a' is U+0061 LATIN SMALL LETTER A]"},
    {"no look-alike: named generically, no fix", "T" CYR_be "ilisi",
     "1:1-1:7 T" CYR_be "ilisi>- ['" CYR_be "' is U+0431]"},
    {"digits do not hide it", "COV" CYR_I "D-19",
     "1:1-1:8 COV" CYR_I "D-19>COVID-19 ['" CYR_I "' is U+0406 CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I]"},
    {"a hyphenated word is one word", "K" CYR_a "zakh-led",
     "1:1-1:10 K" CYR_a "zakh-led>Kazakh-led ['" CYR_a "' is U+0430 CYRILLIC SMALL LETTER A]"},
    {"in a heading and a table cell", "# K" CYR_a "z\n\n| a |\n|---|\n| K" CYR_a "z |",
     "1:3-1:5 K" CYR_a "z>Kaz ['" CYR_a "' is U+0430 CYRILLIC SMALL LETTER A]|5:3-5:5 K" CYR_a
     "z>Kaz ['" CYR_a "' is U+0430 CYRILLIC SMALL LETTER A]"},
    {"front matter title", "---\ntitle: K" CYR_a "z\n---\n\nText.",
     "2:8-2:10 K" CYR_a "z>Kaz ['" CYR_a "' is U+0430 CYRILLIC SMALL LETTER A]"},
    {"entity spelling a Cyrillic letter", "K&#1072;z",
     "1:1-1:9 K&#1072;z>Kaz ['" CYR_a "' is U+0430 CYRILLIC SMALL LETTER A]"},
    {"all-Cyrillic word is fine", MOSKVA CYR_a " and " CYR_TE CYR_IE, ""},
    {"all-Greek word is fine", "\xCE\x98\xCE\xB5\xCF\x83\xCF\x83\xCE\xB1\xCE\xBB\xCE\xBF\xCE\xBD\xCE\xAF\xCE\xBA\xCE\xB7", ""},
    {"scripts in separate words are fine", "Moscow (" MOSKVA CYR_a ")", ""},
    {"Latin with Georgian is not this rule", "Tbilisi\xE1\x83\x97", ""},
    {"accented Latin is Latin", "na\xC3\xAFve Erd\xC5\x91" "gan", ""},
    {"code span is not checked", "`K" CYR_a "z`", ""},
    {"URL is not checked", "https://k" CYR_a "z.org", ""},
};

static void render(const civ_source *src, const civ_diags *d, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < d->n; i++) {
        const civ_diag *g = &d->items[i];
        char span[64];
        span_str(src, g->start, g->end, span, sizeof span);
        o += (size_t)snprintf(out + o, cap - o, "%s%s %.*s>%s [", i ? "|" : "", span, (int)(g->end - g->start),
                              src->data + g->start, g->nfixes ? g->fixes[0].replacement : "-");
        for (size_t k = 0; k < g->nnotes; k++)
            o += (size_t)snprintf(out + o, cap - o, "%s%s", k ? ";" : "", g->notes[k]);
        o += (size_t)snprintf(out + o, cap - o, "]");
        ck_assert_uint_lt(o, cap);
    }
}

START_TEST(test_mixed_table)
{
    const mixed_case *c = &cases[_i];
    civ_diags d;
    civ_source *src = test_lint(c->md, "mixed-script", &d);
    char got[2048];
    render(src, &d, got, sizeof got);
    ck_assert_msg(strcmp(got, c->want) == 0, "%s: got '%s', expected '%s'", c->name, got, c->want);
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

START_TEST(test_mixed_message)
{
    civ_diags d;
    civ_source *src = test_lint("A K" CYR_a "z word", "mixed-script", &d);
    ck_assert_uint_eq(d.n, 1);
    ck_assert_str_eq(d.items[0].rule, "mixed-script");
    ck_assert_int_eq(d.items[0].severity, CIV_SEV_ERROR);
    ck_assert_str_eq(d.items[0].message, "word 'K" CYR_a "z' mixes Latin and Cyrillic letters");
    ck_assert_uint_eq(d.items[0].nsuggestions, 1);
    ck_assert_str_eq(d.items[0].suggestions[0], "Kaz");
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

/* The byte prefilter never hides a non-Latin letter: every code point that
 * civ_uni_script calls a letter of another script, alone and between
 * Latin letters, makes it answer true; and the text it exists to skip
 * (ASCII, accented Latin, curly quotes, dashes, the placeholder) makes it
 * answer false. */
START_TEST(test_nonlatin_prefilter)
{
    size_t letters = 0;
    for (uint32_t cp = 0x80; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        if (!civ_uni_is_letter(cp) || civ_uni_script(cp) == CIV_SCRIPT_LATIN)
            continue;
        char buf[8] = "a";
        size_t n = 1 + civ_utf8_encode(cp, buf + 1);
        buf[n++] = 'b';
        ck_assert_msg(civ_uni_may_hold_nonlatin(buf, n), "U+%04X", (unsigned)cp);
        ck_assert_msg(civ_uni_may_hold_nonlatin(buf + 1, n - 2), "U+%04X alone", (unsigned)cp);
        letters++;
    }
    ck_assert_uint_gt(letters, 100000);
    static const char *const latin[] = {
        "plain ASCII, 12%",
        "Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x80\x94 na\xc3\xaf" "ve \xc3\x85" "land",
        "\xc5\x81\xc3\xb3" "d\xc5\xba, \xc8\x98" "tef\xc4\x83" "nescu, code \xef\xbf\xbc here",
        "",
    };
    for (size_t i = 0; i < sizeof latin / sizeof *latin; i++)
        ck_assert_msg(!civ_uni_may_hold_nonlatin(latin[i], strlen(latin[i])), "%s", latin[i]);
}
END_TEST

Suite *suite_mixed_script(void)
{
    Suite *s = suite_create("mixed_script");
    TCase *tc = tcase_create("mixed-script");
    tcase_add_loop_test(tc, test_mixed_table, 0, sizeof cases / sizeof *cases);
    tcase_add_test(tc, test_mixed_message);
    tcase_add_test(tc, test_nonlatin_prefilter);
    suite_add_tcase(s, tc);
    return s;
}
