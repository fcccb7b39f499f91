/* test_columns.c - --columns: the columns every line-oriented and machine
 * format prints, counted in code points, UTF-8 bytes or UTF-16 units, on
 * text with 1- to 4-byte characters, a tab, CRLF and a BOM before the
 * finding. Each case gives the three answers by hand; the formatters are
 * driven directly with one hand-made diagnostic, so the test pins the
 * unit, not a check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output/output.h"
#include "base/util.h"
#include "output/tally.h"
#include "helpers.h"

typedef struct {
    const char *name;
    const char *text;
    const char *span;
    size_t line;
    size_t col[3];      /* start: code points, bytes, UTF-16 (civ_columns order) */
    size_t end_line;
    size_t end_col[3];  /* the last character's column, in the same units */
} colcase;

static const colcase cases[] = {
    {"ASCII", "The goverment said.", "goverment", 1, {5, 5, 5}, 1, {13, 13, 13}},
    {"two-byte letter", "Caf\xC3\xA9 goverment", "goverment", 1, {6, 7, 6}, 1, {14, 15, 14}},
    {"three-byte CJK", "\xE4\xB8\xAD\xE6\x96\x87 goverment", "goverment", 1, {4, 8, 4}, 1, {12, 16, 12}},
    {"four-byte emoji: two UTF-16 units", "\xF0\x9F\x98\x80 goverment", "goverment", 1, {3, 6, 4}, 1,
     {11, 14, 12}},
    {"astral CJK (U+20000)", "\xF0\xA0\x80\x80 goverment", "goverment", 1, {3, 6, 4}, 1, {11, 14, 12}},
    {"all widths", "\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80 goverment", "goverment", 1, {5, 11, 6}, 1,
     {13, 19, 14}},
    {"tab is one unit", "\tthe goverment", "goverment", 1, {6, 6, 6}, 1, {14, 14, 14}},
    {"second line after CRLF", "\xC3\xA9\r\nthe \xF0\x9F\x98\x80 goverment", "goverment", 2, {7, 10, 8}, 2,
     {15, 18, 16}},
    {"BOM is not text", "\xEF\xBB\xBFgoverment", "goverment", 1, {1, 1, 1}, 1, {9, 9, 9}},
    {"span ends on an emoji", "a b\xF0\x9F\x98\x80 c", "b\xF0\x9F\x98\x80", 1, {3, 3, 3}, 1, {4, 4, 4}},
    {"span after emoji ends on one", "\xF0\x9F\x98\x80 x\xF0\x9F\x98\x80", "x\xF0\x9F\x98\x80", 1, {3, 6, 4}, 1,
     {4, 7, 5}},
};

static civ_source *source_of(const colcase *c, size_t *s, size_t *e)
{
    char *err = NULL;
    civ_source *src = civ_source_from_memory("posts/t.md", c->text, strlen(c->text), &err);
    ck_assert_ptr_nonnull(src);
    const char *at = strstr(src->data, c->span);
    ck_assert_ptr_nonnull(at);
    *s = (size_t)(at - src->data);
    *e = *s + strlen(c->span);
    return src;
}

/* civ_position and civ_span_end in each unit. */
START_TEST(test_position_units)
{
    const colcase *c = &cases[_i];
    size_t s, e;
    civ_source *src = source_of(c, &s, &e);
    for (int k = 0; k < 3; k++) {
        size_t line, col, el, ec;
        civ_position((civ_columns)k, src, s, &line, &col);
        civ_span_end((civ_columns)k, src, s, e, &el, &ec);
        ck_assert_msg(line == c->line && col == c->col[k], "%s, %s: start %zu:%zu, want %zu:%zu", c->name,
                      civ_columns_name((civ_columns)k), line, col, c->line, c->col[k]);
        ck_assert_msg(el == c->end_line && ec == c->end_col[k], "%s, %s: end %zu:%zu, want %zu:%zu", c->name,
                      civ_columns_name((civ_columns)k), el, ec, c->end_line, c->end_col[k]);
    }
    civ_source_free(src);
}
END_TEST

/* One run of format `name` with --columns=k over the case's one finding. */
static char *run_format(const char *name, civ_columns k, const colcase *c)
{
    size_t s, e;
    civ_source *src = source_of(c, &s, &e);
    civ_diags diags;
    civ_diags_init(&diags);
    civ_diag_add(&diags, "spelling", CIV_SEV_WARNING, s, e, "unknown word");
    char *buf = NULL;
    size_t len = 0;
    civ_out out = {.fp = open_memstream(&buf, &len), .quiet = true, .columns = k};
    const civ_formatter *f = civ_formatter_find(name);
    ck_assert_ptr_nonnull(f);
    civ_file_result r = {src->name, src, &diags, NULL};
    civ_tally t;
    civ_tally_init(&t);
    civ_tally_add(&t, &r);
    f->begin(&out);
    f->file(&out, &r);
    f->end(&out, &t);
    fclose(out.fp);
    civ_tally_release(&t);
    civ_diags_release(&diags);
    civ_source_free(src);
    return buf;
}

static void expect(const char *fmt, civ_columns k, const colcase *c, const char *want)
{
    char *got = run_format(fmt, k, c);
    ck_assert_msg(strstr(got, want), "%s, %s, --columns=%s: no '%s' in\n%s", c->name, fmt, civ_columns_name(k), want,
                  got);
    free(got);
}

/* Every format that prints columns prints them in the asked unit; SARIF
 * names it (bytes, which columnKind cannot say, stay code points);
 * rdjsonl keeps reviewdog's bytes whatever the option. */
START_TEST(test_formats_units)
{
    const colcase *c = &cases[_i];
    char *rd0 = run_format("rdjsonl", CIV_COLUMNS_CODEPOINTS, c);
    for (int i = 0; i < 3; i++) {
        civ_columns k = (civ_columns)i;
        size_t l = c->line, col = c->col[k], el = c->end_line, ec = c->end_col[k];
        char *w;
        w = xasprintf("posts/t.md:%zu:%zu: warning: unknown word [spelling]\n", l, col);
        expect("gcc", k, c, w);
        free(w);
        w = xasprintf("\"line\": %zu, \"column\": %zu, \"end_line\": %zu, \"end_column\": %zu", l, col, el, ec);
        expect("json", k, c, w);
        free(w);
        w = xasprintf("line=%zu,endLine=%zu,col=%zu,endColumn=%zu,", l, el, col, ec);
        expect("github", k, c, w);
        free(w);
        w = xasprintf("<error line=\"%zu\" column=\"%zu\" ", l, col);
        expect("checkstyle", k, c, w);
        free(w);
        w = xasprintf("\"begin\": {\"line\": %zu, \"column\": %zu}, \"end\": {\"line\": %zu, \"column\": %zu}", l, col,
                      el, ec);
        expect("codeclimate", k, c, w);
        free(w);
        civ_columns sk = k == CIV_COLUMNS_UTF16 ? k : CIV_COLUMNS_CODEPOINTS;
        w = xasprintf("\"startLine\": %zu, \"startColumn\": %zu, ", l, c->col[sk]);
        expect("sarif", k, c, w);
        free(w);
        expect("sarif", k, c, k == CIV_COLUMNS_UTF16 ? "\"columnKind\": \"utf16CodeUnits\"" : "\"columnKind\": \"unicodeCodePoints\"");
        char *rd = run_format("rdjsonl", k, c);
        ck_assert_str_eq(rd, rd0);
        free(rd);
    }
    free(rd0);
}
END_TEST

/* SARIF's endColumn is exclusive: after an emoji it is two UTF-16 units on. */
START_TEST(test_sarif_exclusive_end_utf16)
{
    const colcase *c = &cases[10]; /* "😀 x😀", span "x😀" */
    expect("sarif", CIV_COLUMNS_UTF16, c, "\"startLine\": 1, \"startColumn\": 4, \"endLine\": 1, \"endColumn\": 7,");
    expect("sarif", CIV_COLUMNS_CODEPOINTS, c, "\"startLine\": 1, \"startColumn\": 3, \"endLine\": 1, \"endColumn\": 5,");
    expect("sarif", CIV_COLUMNS_BYTES, c, "\"startLine\": 1, \"startColumn\": 3, \"endLine\": 1, \"endColumn\": 5,");
}
END_TEST

/* UTF-16 columns through the position cache, asked forwards, backwards
 * and hopping between lines, equal a naive count from the line's start. */
START_TEST(test_utf16_cache_orders)
{
    const char *text = "a\xC3\xA9\xF0\x9F\x98\x80\xE4\xB8\xAD\tb\r\n\xF0\xA0\x80\x80x\xC3\xA9\n\xF0\x9F\x98\x80";
    char *err = NULL;
    civ_source *src = civ_source_from_memory("t.md", text, strlen(text), &err);
    ck_assert_ptr_nonnull(src);
    size_t n = src->len, want_line[64], want_col[64];
    ck_assert_uint_lt(n, 64);
    for (size_t off = 0; off <= n; off++) {
        size_t li = civ_source_line_of(src, off), u = 1;
        for (size_t i = src->lines[li]; i < off; i++) {
            unsigned char b = (unsigned char)src->data[i];
            u += (b & 0xC0) != 0x80 ? (b >= 0xF0 ? 2 : 1) : 0;
        }
        want_line[off] = li + 1;
        want_col[off] = u;
    }
    for (int pass = 0; pass < 3; pass++)
        for (size_t k = 0; k <= n; k++) {
            size_t off = pass == 0 ? k : pass == 1 ? n - k : (k * 7) % (n + 1);
            if (off < n && ((unsigned char)src->data[off] & 0xC0) == 0x80)
                continue; /* columns are asked at character starts */
            size_t line, col;
            civ_source_position_utf16(src, off, &line, &col);
            ck_assert_msg(line == want_line[off] && col == want_col[off], "pass %d, offset %zu: %zu:%zu, want %zu:%zu",
                          pass, off, line, col, want_line[off], want_col[off]);
        }
    civ_source_free(src);
}
END_TEST

START_TEST(test_columns_names)
{
    civ_columns k = CIV_COLUMNS_UTF16;
    ck_assert(civ_columns_parse("bytes", &k) && k == CIV_COLUMNS_BYTES);
    ck_assert(civ_columns_parse("utf16", &k) && k == CIV_COLUMNS_UTF16);
    ck_assert(civ_columns_parse("codepoints", &k) && k == CIV_COLUMNS_CODEPOINTS);
    ck_assert(!civ_columns_parse("utf8", &k) && k == CIV_COLUMNS_CODEPOINTS);
    ck_assert(!civ_columns_parse("", &k));
    ck_assert_str_eq(civ_columns_name(CIV_COLUMNS_BYTES), "bytes");
}
END_TEST

Suite *suite_columns(void)
{
    Suite *s = suite_create("columns");
    TCase *tc = tcase_create("columns");
    tcase_add_loop_test(tc, test_position_units, 0, sizeof cases / sizeof *cases);
    tcase_add_loop_test(tc, test_formats_units, 0, sizeof cases / sizeof *cases);
    tcase_add_test(tc, test_sarif_exclusive_end_utf16);
    tcase_add_test(tc, test_utf16_cache_orders);
    tcase_add_test(tc, test_columns_names);
    suite_add_tcase(s, tc);
    return s;
}
