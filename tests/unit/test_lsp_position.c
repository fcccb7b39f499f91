/* test_lsp_position.c - the language server's positions (src/lsp/position.h):
 * LSP line/character in UTF-8, UTF-16 and UTF-32 units <-> byte offsets,
 * over the line endings the protocol knows ("\n", "\r\n", a lone "\r").
 * Each row: a text, a byte offset, and the position expected in each
 * encoding; both directions are checked. */
#include "helpers.h"

#include "lsp/position.h"

typedef struct {
    const char *name;
    const char *text;
    size_t off;
    size_t line, u8, u16, u32; /* the position's line and character */
} lsp_pos_case;

/* "The " 4 bytes, U+1F600 4 bytes (2 UTF-16 units), " " 1, U+6F22 3 bytes, " " 1 */
#define EMOJI_CJK "The \xF0\x9F\x98\x80 \xE6\xBC\xA2 word"

static const lsp_pos_case cases[] = {
    {"start", "abc", 0, 0, 0, 0, 0},
    {"ascii", "abc", 2, 0, 2, 2, 2},
    {"end of text", "abc", 3, 0, 3, 3, 3},
    {"after emoji and CJK", EMOJI_CJK, 13, 0, 13, 9, 8},
    {"before the emoji", EMOJI_CJK, 4, 0, 4, 4, 4},
    {"after the emoji", EMOJI_CJK, 8, 0, 8, 6, 5},
    {"second line LF", "ab\ncd", 4, 1, 1, 1, 1},
    {"second line CRLF", "ab\r\ncd", 5, 1, 1, 1, 1},
    {"second line lone CR", "ab\rcd", 4, 1, 1, 1, 1},
    {"empty line between", "a\n\nb", 3, 2, 0, 0, 0},
    {"line after CJK line", "\xE6\xBC\xA2\nx", 5, 1, 1, 1, 1},
    {"accented", "caf\xC3\xA9 x", 6, 0, 6, 5, 5},
};

START_TEST(test_both_directions)
{
    const lsp_pos_case *c = &cases[_i];
    civ_lsp_lines l;
    civ_lsp_lines_init(&l, c->text, strlen(c->text));
    const civ_lsp_enc encs[] = {CIV_LSP_UTF8, CIV_LSP_UTF16, CIV_LSP_UTF32};
    const size_t want[] = {c->u8, c->u16, c->u32};
    for (int k = 0; k < 3; k++) {
        civ_lsp_pos p = civ_lsp_position(&l, encs[k], c->off);
        ck_assert_msg(p.line == c->line && p.ch == want[k], "%s (%s): %zu:%zu, want %zu:%zu",
                      c->name, civ_lsp_enc_name(encs[k]), p.line, p.ch, c->line, want[k]);
        size_t off = civ_lsp_offset(&l, encs[k], (civ_lsp_pos){c->line, want[k]});
        ck_assert_msg(off == c->off, "%s (%s): offset %zu, want %zu", c->name,
                      civ_lsp_enc_name(encs[k]), off, c->off);
    }
    civ_lsp_lines_release(&l);
}
END_TEST

/* What the protocol says of positions out of range, and of one inside a
 * character. */
START_TEST(test_clamping)
{
    const char *t = "ab\r\n" EMOJI_CJK;
    civ_lsp_lines l;
    civ_lsp_lines_init(&l, t, strlen(t));
    /* past the end of a line: the line's end, before "\r\n" */
    ck_assert_uint_eq(civ_lsp_offset(&l, CIV_LSP_UTF16, (civ_lsp_pos){0, 99}), 2);
    /* past the last line: the end of the text */
    ck_assert_uint_eq(civ_lsp_offset(&l, CIV_LSP_UTF16, (civ_lsp_pos){7, 0}), strlen(t));
    /* between the two UTF-16 units of the emoji: its start */
    ck_assert_uint_eq(civ_lsp_offset(&l, CIV_LSP_UTF16, (civ_lsp_pos){1, 5}), 4 + 4);
    /* inside the emoji's UTF-8 bytes: its start */
    ck_assert_uint_eq(civ_lsp_offset(&l, CIV_LSP_UTF8, (civ_lsp_pos){1, 6}), 4 + 4);
    /* an offset inside "\r\n" is the end of its line */
    civ_lsp_pos p = civ_lsp_position(&l, CIV_LSP_UTF16, 3);
    ck_assert(p.line == 0 && p.ch == 2);
    /* the end of each line's content */
    ck_assert_uint_eq(civ_lsp_line_end(&l, 0), 2);
    ck_assert_uint_eq(civ_lsp_line_end(&l, 1), strlen(t));
    civ_lsp_lines_release(&l);
}
END_TEST

/* civ_lsp_position_from walks on from a known point and gives the same
 * answer as from the line's start, and falls back when the point is after
 * the offset or on another line. */
START_TEST(test_from)
{
    const char *t = EMOJI_CJK " " EMOJI_CJK "\nnext";
    civ_lsp_lines l;
    civ_lsp_lines_init(&l, t, strlen(t));
    civ_lsp_pos at = civ_lsp_position(&l, CIV_LSP_UTF16, 13);
    for (size_t off = 0; off <= strlen(t); off++) {
        civ_lsp_pos a = civ_lsp_position(&l, CIV_LSP_UTF16, off);
        civ_lsp_pos b = civ_lsp_position_from(&l, CIV_LSP_UTF16, 13, at, off);
        ck_assert_msg(civ_lsp_pos_cmp(a, b) == 0, "offset %zu: %zu:%zu from the start, %zu:%zu walked",
                      off, a.line, a.ch, b.line, b.ch);
    }
    civ_lsp_lines_release(&l);
}
END_TEST

START_TEST(test_encoding_names)
{
    civ_lsp_enc e;
    ck_assert(civ_lsp_enc_parse("utf-8", &e) && e == CIV_LSP_UTF8);
    ck_assert(civ_lsp_enc_parse("utf-16", &e) && e == CIV_LSP_UTF16);
    ck_assert(civ_lsp_enc_parse("utf-32", &e) && e == CIV_LSP_UTF32);
    ck_assert(!civ_lsp_enc_parse("UTF-16", &e)); /* the protocol's names are lower-case */
    ck_assert(!civ_lsp_enc_parse("latin-1", &e));
    ck_assert_str_eq(civ_lsp_enc_name(CIV_LSP_UTF32), "utf-32");
}
END_TEST

Suite *suite_lsp_position(void)
{
    Suite *s = suite_create("lsp_position");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, test_both_directions, 0, (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, test_clamping);
    tcase_add_test(tc, test_from);
    tcase_add_test(tc, test_encoding_names);
    suite_add_tcase(s, tc);
    return s;
}
