/* test_positions.c - exact source positions of prose text after inline
 * markup, entities, escapes, tabs, CRLF, multi-byte UTF-8, containers and
 * front matter. Each row: a document, a piece of its prose text, where that
 * text must start and end (inclusive, code-point columns), and the exact
 * source bytes the span must cover. */
#include "helpers.h"

typedef struct {
    const char *name;
    const char *md;
    const char *needle;   /* text as it appears in the block's prose */
    const char *span;     /* expected "L:C-L:C" */
    const char *source;   /* expected source bytes of the span */
} pos_case;

static const pos_case cases[] = {
    {"plain", "Hello brave world", "brave", "1:7-1:11", "brave"},
    {"after emphasis", "Some *emph* word", "word", "1:13-1:16", "word"},
    {"inside emphasis", "Some *emph* word", "emph", "1:7-1:10", "emph"},
    {"nested strong and emph", "**bold _it_** after", "after", "1:15-1:19", "after"},
    {"underscore strong", "__strong__ tail", "tail", "1:12-1:15", "tail"},
    {"link text", "see [the report](https://x.org/a) now", "report", "1:10-1:15", "report"},
    {"after link with title", "[a](https://x.org \"T (1)\") tail", "tail", "1:28-1:31", "tail"},
    {"after link with parens", "[a](https://x.org/(b)) tail", "tail", "1:24-1:27", "tail"},
    {"reference link", "[text][ref] after\n\n[ref]: https://x.org", "after", "1:13-1:17", "after"},
    {"named entity", "AT&amp;T rocks", "AT&T", "1:1-1:8", "AT&amp;T"},
    {"after named entity", "AT&amp;T rocks", "rocks", "1:10-1:14", "rocks"},
    {"numeric entity", "caf&#233; latte", "caf\xC3\xA9", "1:1-1:9", "caf&#233;"},
    {"hex entity", "&#x41;BC def", "ABC", "1:1-1:8", "&#x41;BC"},
    {"ampersand not entity", "R&D spending", "spending", "1:5-1:12", "spending"},
    {"backslash escape", "\\*not emph\\* word", "*not", "1:1-1:5", "\\*not"},
    {"after escapes", "\\*not emph\\* word", "word", "1:14-1:17", "word"},
    {"tab inside text", "word\tafter", "after", "1:6-1:10", "after"},
    {"CRLF second line", "line one\r\nline two", "two", "2:6-2:8", "two"},
    {"lone CR", "line one\rline two", "two", "2:6-2:8", "two"},
    {"Cyrillic", "\xD0\xA2\xD0\xB1\xD0\xB8\xD0\xBB\xD0\xB8\xD1\x81\xD0\xB8 and Batumi", "Batumi", "1:13-1:18", "Batumi"},
    {"wide characters", "\xE4\xB8\xAD\xE6\x96\x87 word", "word", "1:4-1:7", "word"},
    {"curly quotes", "\xE2\x80\x9CQuoted\xE2\x80\x9D text", "text", "1:10-1:13", "text"},
    {"front matter", "---\ntitle: x\n---\n\nHello world", "world", "5:7-5:11", "world"},
    {"front matter CRLF", "---\r\ntitle: x\r\n---\r\nHello world", "world", "4:7-4:11", "world"},
    {"UTF-8 BOM", "\xEF\xBB\xBFHello world", "world", "1:7-1:11", "world"},
    {"block quote continuation", "> first line\n> second word", "word", "2:10-2:13", "word"},
    {"lazy continuation", "> first line\nsecond word", "word", "2:8-2:11", "word"},
    {"list continuation", "- item one\n  continued word", "word", "2:13-2:16", "word"},
    {"ordered list", "1. first\n2. second item", "item", "2:11-2:14", "item"},
    {"quote inside list", "- > quoted word", "word", "1:12-1:15", "word"},
    {"ATX heading", "## Heading text", "text", "1:12-1:15", "text"},
    {"ATX heading with hash text", "## #hashtag here", "#hashtag", "1:4-1:11", "#hashtag"},
    {"ATX closing hashes", "# Title #\n", "Title", "1:3-1:7", "Title"},
    {"setext heading", "Title here\n===", "here", "1:7-1:10", "here"},
    {"after code span", "use `code` then", "then", "1:12-1:15", "then"},
    {"after double code span", "use `` a`b `` then", "then", "1:15-1:18", "then"},
    {"bare autolink", "see https://example.com now", "now", "1:25-1:27", "now"},
    {"bare autolink text", "see https://example.com now", "https://example.com", "1:5-1:23", "https://example.com"},
    {"www autolink", "go www.example.com today", "today", "1:20-1:24", "today"},
    {"angle autolink", "see <https://x.org> now", "now", "1:21-1:23", "now"},
    {"footnote reference", "claim[^1] next\n\n[^1]: note", "next", "1:11-1:14", "next"},
    {"table cell", "| a | b |\n|---|---|\n| cell one | two |", "two", "3:14-3:16", "two"},
    {"table escaped pipe", "| a | b |\n|---|---|\n| x \\| y | last |", "last", "3:12-3:15", "last"},
    {"hard break spaces", "line  \nnext word", "word", "2:6-2:9", "word"},
    {"hard break backslash", "line\\\nnext word", "word", "2:6-2:9", "word"},
    {"after image", "![alt text](x.png) after", "after", "1:20-1:24", "after"},
    {"inline html", "a <b>bold</b> c", "bold", "1:6-1:9", "bold"},
    {"strikethrough", "~~gone~~ here", "here", "1:10-1:13", "here"},
    {"invalid UTF-8 byte", "bad \xFF byte", "byte", "1:7-1:10", "byte"},
    {"leading spaces", "   indented para", "para", "1:13-1:16", "para"},
    {"footnote definition text", "x[^n]\n\n[^n]: The source word", "word", "3:18-3:21", "word"},
    {"emphasis across lines", "*start\nend* tail", "tail", "2:6-2:9", "tail"},
    {"link across lines", "[two\nlines](https://x.org) tail", "tail", "2:23-2:26", "tail"},
    {"deep quote", "> > > deep word", "word", "1:12-1:15", "word"},
};

START_TEST(test_position_table)
{
    const pos_case *c = &cases[_i];
    tdoc *t = tdoc_new(c->md);
    const civ_block *b;
    size_t off;
    ck_assert_msg(find_text(t->doc, c->needle, &b, &off), "%s: '%s' not in any block", c->name, c->needle);
    size_t s0, s1;
    civ_block_span(b, off, off + strlen(c->needle), &s0, &s1);
    char got[64];
    span_str(t->src, s0, s1, got, sizeof got);
    ck_assert_msg(strcmp(got, c->span) == 0, "%s: span %s, expected %s", c->name, got, c->span);
    ck_assert_msg(s1 - s0 == strlen(c->source) && memcmp(t->src->data + s0, c->source, s1 - s0) == 0,
                  "%s: source '%.*s', expected '%s'", c->name, (int)(s1 - s0), t->src->data + s0, c->source);
    tdoc_free(t);
}
END_TEST

/* Offsets -> line:col directly, including the ends of lines and files. */
START_TEST(test_offset_to_linecol)
{
    char *err;
    civ_source *s = civ_source_from_memory("x", "ab\r\n\xC3\xA9t\xC3\xA9\n\nz", 12, &err);
    ck_assert_ptr_nonnull(s);
    size_t l, c;
    civ_source_position(s, 0, &l, &c);
    ck_assert_uint_eq(l, 1);
    ck_assert_uint_eq(c, 1);
    civ_source_position(s, 4, &l, &c); /* é */
    ck_assert_uint_eq(l, 2);
    ck_assert_uint_eq(c, 1);
    civ_source_position(s, 7, &l, &c); /* second é */
    ck_assert_uint_eq(l, 2);
    ck_assert_uint_eq(c, 3);
    civ_source_position(s, 10, &l, &c); /* empty line */
    ck_assert_uint_eq(l, 3);
    ck_assert_uint_eq(c, 1);
    civ_source_position(s, 11, &l, &c); /* z */
    ck_assert_uint_eq(l, 4);
    ck_assert_uint_eq(c, 1);
    civ_source_position(s, 12, &l, &c); /* end of file */
    ck_assert_uint_eq(l, 4);
    ck_assert_uint_eq(c, 2);
    ck_assert_uint_eq(s->nlines, 4);
    civ_source_free(s);
}
END_TEST

/* The position cache must never change an answer: ask in every order. */
START_TEST(test_position_cache_any_order)
{
    const char *t = "a\xC3\xA9" "b c\xE4\xB8\xAD d\r\ne\xC3\xA9\xC3\xA9" "f g\nh";
    char *err;
    civ_source *s = civ_source_from_memory("x", t, strlen(t), &err);
    size_t want_l[64], want_c[64], n = s->len + 1;
    for (size_t i = 0; i < n; i++) {
        civ_source *fresh = civ_source_from_memory("y", t, strlen(t), &err);
        civ_source_position(fresh, i, &want_l[i], &want_c[i]);
        civ_source_free(fresh);
    }
    size_t order[] = {0, 5, 3, 9, 2, 12, 11, 20, 7, 1, 16, 15, 4, 22, 6};
    for (size_t r = 0; r < 3; r++)
        for (size_t k = 0; k < sizeof order / sizeof *order; k++) {
            size_t i = (order[k] * (r + 1)) % n, l, c;
            civ_source_position(s, i, &l, &c);
            ck_assert_msg(l == want_l[i] && c == want_c[i], "offset %zu: %zu:%zu, expected %zu:%zu", i, l, c,
                          want_l[i], want_c[i]);
        }
    civ_source_free(s);
}
END_TEST

Suite *suite_positions(void)
{
    Suite *s = suite_create("positions");
    TCase *tc = tcase_create("table");
    tcase_add_loop_test(tc, test_position_table, 0, sizeof cases / sizeof *cases);
    tcase_add_test(tc, test_offset_to_linecol);
    tcase_add_test(tc, test_position_cache_any_order);
    suite_add_tcase(s, tc);
    return s;
}
