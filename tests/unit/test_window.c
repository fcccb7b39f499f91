/* test_window.c - the gcc format's source lines cut to the terminal
 * (output/window.h): a table of lines, spans and widths with the exact
 * quoted line and caret line expected, over ASCII, CJK (two columns a
 * character), emoji, combining marks and tabs; then, for every case, the
 * invariants: the quoted line fits the room, the caret sits under the
 * span's first character, and the span's text is shown. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/termsafe.h"
#include "output/columns.h"
#include "output/output.h"
#include "output/window.h"
#include "helpers.h"

#define QUOTE ((unsigned)(CIV_TERM_EXPAND_TABS | CIV_TERM_REPLACE))

typedef struct {
    const char *name;
    const char *line;
    const char *span; /* its first occurrence in line */
    size_t width;     /* civ_out.width: the room is width - 8 (the gutter) */
    const char *want_line, *want_caret; /* without the gutter; NULL: invariants only */
} win_case;

#define L39 "aaaa bbbb cccc dddd eeee ffff gggg hhhh"
#define CJK "\xE5\x8C\x97\xE4\xBA\xAC\xE4\xB8\x8A\xE6\xB5\xB7\xE5\xB9\xBF\xE5\xB7\x9E\xE6\xB7\xB1\xE5\x9C\xB3\xE9\x87\x8D\xE5\xBA\x86"
#define ELL "\xE2\x80\xA6"

static const win_case cases[] = {
    {"fits", "a short line with a tipo", "tipo", 80, "a short line with a tipo", "                    ^~~~"},
    {"never cut", L39, "hhhh", 0, L39, "                                   ^~~~"},
    {"span near the start: cut the end", L39, "bbbb", 28, "aaaa bbbb cccc dddd" ELL, "     ^~~~"},
    {"span at the end: cut the start", L39, "hhhh", 28, ELL "eeee ffff gggg hhhh", "                ^~~~"},
    {"span in the middle: both sides", L39, "eeee", 28, ELL "c dddd eeee ffff g" ELL, "        ^~~~"},
    {"span wider than the window", L39, "cccc dddd eeee ffff gggg", 28, ELL "cccc dddd eeee fff" ELL,
     " ^" "~~~~~~~~~~~~~~~~~"}, /* the tildes stop under the last column shown */
    /* 北京上海广州深圳重庆: ten characters, twenty columns */
    {"CJK before the span", CJK " tipo end", "tipo", 28,
     ELL "\xE5\xB7\x9E\xE6\xB7\xB1\xE5\x9C\xB3\xE9\x87\x8D\xE5\xBA\x86 tipo end", "            ^~~~"},
    {"the edge cuts a wide character: a space", CJK " tipo end", "tipo", 29,
     ELL " \xE5\xB7\x9E\xE6\xB7\xB1\xE5\x9C\xB3\xE9\x87\x8D\xE5\xBA\x86 tipo end", "             ^~~~"},
    {"tabs expand from the line's start", "a\tb\ttipo and then some more words", "tipo", 28,
     ELL "       tipo and th" ELL, "        ^~~~"},
    {"the span in the room's first columns: no left cut", "a\tb\ttipo and then some more words", "tipo", 33,
     "a       b       tipo and" ELL, "                ^~~~"},
    {"the edge cuts a tab: its columns stay", "a\tb\tc\td\ttipo and then some more words here", "tipo", 33,
     ELL " d       tipo and then " ELL, "          ^~~~"},
    {"emoji are two columns", "party \xF0\x9F\x8E\x89\xF0\x9F\x8E\x89\xF0\x9F\x8E\x89 and a tipo at the end of it all", "tipo",
     30, NULL, NULL},
    {"combining marks", "cafe\xCC\x81 cafe\xCC\x81 cafe\xCC\x81 cafe\xCC\x81 cafe\xCC\x81 and a tipo after", "tipo", 28, NULL,
     NULL},
    {"CJK span", "some words before the span " CJK " and after it too", CJK, 30, NULL, NULL},
    {"tiny width is taken as 8 columns", L39, "eeee", 3, NULL, NULL},
};

/* The gcc output of one finding at `span`; the caller frees it. */
static char *gcc_of(const char *text, const char *span, size_t width, bool color)
{
    char *err = NULL;
    civ_source *src = civ_source_from_memory("t.md", text, strlen(text), &err);
    ck_assert_ptr_nonnull(src);
    const char *at = strstr(src->data, span);
    ck_assert_ptr_nonnull(at);
    size_t s = (size_t)(at - src->data);
    civ_diags diags;
    civ_diags_init(&diags);
    civ_diag_add(&diags, "spelling", CIV_SEV_WARNING, s, s + strlen(span), "unknown word");
    char *buf = NULL;
    size_t len = 0;
    civ_out out = {.fp = open_memstream(&buf, &len), .color = color, .width = width};
    civ_file_result r = {src->name, src, &diags, NULL};
    const civ_formatter *f = civ_formatter_find("gcc");
    f->begin(&out);
    f->file(&out, &r);
    fclose(out.fp);
    civ_diags_release(&diags);
    civ_source_free(src);
    return buf;
}

/* Line k (0-based) of out, without its gutter of 8 columns; static. */
static const char *row(const char *out, int k)
{
    static char buf[4096];
    const char *p = out;
    for (int i = 0; i < k && p; i++) {
        p = strchr(p, '\n');
        p = p ? p + 1 : NULL;
    }
    ck_assert_ptr_nonnull(p);
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) : strlen(p);
    ck_assert_uint_ge(n, 8);
    ck_assert_uint_lt(n, sizeof buf);
    memcpy(buf, p + 8, n - 8);
    buf[n - 8] = '\0';
    return buf;
}

START_TEST(test_window_table)
{
    const win_case *c = &cases[_i];
    char *out = gcc_of(c->line, c->span, c->width, false);
    char quoted[4096], caret[4096];
    strcpy(quoted, row(out, 1));
    strcpy(caret, row(out, 2));
    if (c->want_line) {
        ck_assert_msg(strcmp(quoted, c->want_line) == 0, "%s: line '%s', want '%s'", c->name, quoted,
                      c->want_line);
        ck_assert_msg(strcmp(caret, c->want_caret) == 0, "%s: caret '%s', want '%s'", c->name, caret,
                      c->want_caret);
    }
    /* invariants: the line fits, the caret is under the span's start, and
     * the span's first character is there */
    size_t room = c->width ? (c->width > 16 ? c->width - 8 : 8) : (size_t)-1;
    ck_assert_msg(civ_term_width(quoted, strlen(quoted), QUOTE) <= room, "%s: '%s' is too wide", c->name,
                  quoted);
    size_t cc = strspn(caret, " ");
    ck_assert_msg(caret[cc] == '^', "%s: no caret in '%s'", c->name, caret);
    char first[8] = {0};
    size_t fl = 1;
    while (((unsigned char)c->span[fl] & 0xC0) == 0x80)
        fl++;
    memcpy(first, c->span, fl);
    const char *shown = strstr(quoted, c->span) ? strstr(quoted, c->span) : strstr(quoted, first);
    ck_assert_msg(shown, "%s: the span is not shown in '%s'", c->name, quoted);
    ck_assert_uint_eq(civ_term_width(quoted, (size_t)(shown - quoted), QUOTE), cc);
    free(out);
}
END_TEST

/* On a terminal the span is coloured in the quoted line too, and only the
 * span. */
START_TEST(test_window_colour)
{
    char *out = gcc_of(L39, "eeee", 28, true);
    ck_assert_msg(strstr(out, "dddd \033[1;32meeee\033[0m ffff"), "%s", out);
    free(out);
    out = gcc_of(L39, "eeee", 0, true);
    ck_assert_msg(strstr(out, "dddd \033[1;32meeee\033[0m ffff"), "%s", out);
    free(out);
}
END_TEST

/* The window on its own: the columns a line column prints at. */
START_TEST(test_window_fit)
{
    civ_window w;
    civ_window_fit(39, 20, 24, 20, &w);
    ck_assert(w.cut_left && w.cut_right);
    ck_assert_uint_eq(civ_window_width(&w), 20);
    ck_assert_uint_eq(civ_window_col(&w, 20), 8);
    ck_assert_uint_eq(civ_window_col(&w, 0), 0);
    ck_assert_uint_eq(civ_window_col(&w, 39), 20);
    civ_window_fit(39, 20, 24, 0, &w); /* room 0: the whole line */
    ck_assert(!w.cut_left && !w.cut_right);
    ck_assert_uint_eq(w.e, 39);
}
END_TEST

/* A fix-it longer than the room is cut with '…' too. */
START_TEST(test_window_fix_text)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    size_t n = civ_window_put_text(fp, "abcdefghij", 10, 6, 0);
    fclose(fp);
    ck_assert_str_eq(buf, "abcde" ELL);
    ck_assert_uint_eq(n, 6);
    free(buf);
}
END_TEST

/* Fix-its as a person reads them (issue 16 item 5): the gcc rows under
 * the caret and civ_fix_describe's words, for one fix replacing `old`
 * (its first occurrence; "" with `at`: an insertion before `at`). */
typedef struct {
    const char *name, *text, *old, *at, *repl;
    const char *want_rows;  /* the rows under the caret, gutters stripped */
    const char *want_words; /* civ_fix_describe */
} fix_case;

static const fix_case fix_cases[] = {
    {"replacement: the new text under the old", "The goverment said.", "goverment", NULL, "government",
     "    government\n", "replace 'goverment' with 'government'"},
    {"insertion: in words", "Nino Beridze Researcher, Civic IDEA", "", " Researcher", " \xE2\x80\x93",
     "            insert ' \xE2\x80\x93'\n", "insert ' \xE2\x80\x93'"},
    {"deletion: in words", "It was very very late.", "very ", NULL, "", "       remove 'very '\n",
     "remove 'very '"},
    {"invisible deletion: the code point", "Tbi\xE2\x80\x8Blisi is far.", "\xE2\x80\x8B", NULL, "",
     "   remove U+200B\n", "remove U+200B"},
    {"a run of invisible characters", "Head\xE2\x80\x8B\xE2\x80\x8B\xE2\x80\x8Bing", "\xE2\x80\x8B\xE2\x80\x8B\xE2\x80\x8B", NULL, "",
     "    remove U+200B x3\n", "remove U+200B x3"},
    {"no-break space to a space", "10\xC2\xA0km of track", "\xC2\xA0", NULL, " ",
     "  replace U+00A0 with a space\n", "replace U+00A0 with a space"},
    {"multi-line: one row a line, no \\x0A", "    The port opened.\n    Trade grew.\n", "    The port opened.\n    Trade grew.", NULL,
     "The port opened.\nTrade grew.", "The port opened.\nTrade grew.\n", "replace '    The port opened.\n    Trade grew.' with 'The port opened.\nTrade grew.'"},
};

START_TEST(test_fix_rows)
{
    const fix_case *c = &fix_cases[_i];
    char *err = NULL;
    civ_source *src = civ_source_from_memory("t.md", c->text, strlen(c->text), &err);
    ck_assert_ptr_nonnull(src);
    size_t s, e;
    if (c->at) {
        s = e = (size_t)(strstr(src->data, c->at) - src->data);
    } else {
        s = (size_t)(strstr(src->data, c->old) - src->data);
        e = s + strlen(c->old);
    }
    civ_diags diags;
    civ_diags_init(&diags);
    civ_diag *d = civ_diag_add(&diags, "rule", CIV_SEV_WARNING, s, e > s ? e : s + 1, "m");
    civ_diag_fix(d, s, e, c->repl);
    char *words = civ_fix_describe(src, &d->fixes[0]);
    ck_assert_msg(strcmp(words, c->want_words) == 0, "%s: words '%s', want '%s'", c->name, words, c->want_words);
    free(words);
    char *buf = NULL;
    size_t len = 0;
    civ_out out = {.fp = open_memstream(&buf, &len), .width = 80};
    civ_file_result r = {src->name, src, &diags, NULL};
    const civ_formatter *f = civ_formatter_find("gcc");
    f->begin(&out);
    f->file(&out, &r);
    fclose(out.fp);
    /* the rows after the caret line, without their gutter */
    char rows[1024] = "";
    const char *p = strchr(buf, '\n') + 1;
    p = strchr(p, '\n') + 1;
    p = strchr(p, '\n') + 1;
    for (const char *nl; *p && (nl = strchr(p, '\n')); p = nl + 1)
        if (strncmp(p, "      | ", 8) == 0)
            snprintf(rows + strlen(rows), sizeof rows - strlen(rows), "%.*s\n", (int)(nl - p - 8), p + 8);
    ck_assert_msg(strcmp(rows, c->want_rows) == 0, "%s: rows '%s', want '%s'", c->name, rows, c->want_rows);
    ck_assert_msg(!strstr(buf, "\\x0A"), "%s: %s", c->name, buf);
    free(buf);
    civ_diags_release(&diags);
    civ_source_free(src);
}
END_TEST

Suite *suite_window(void)
{
    Suite *s = suite_create("window");
    TCase *tc = tcase_create("window");
    tcase_add_loop_test(tc, test_window_table, 0, sizeof cases / sizeof *cases);
    tcase_add_test(tc, test_window_colour);
    tcase_add_test(tc, test_window_fit);
    tcase_add_test(tc, test_window_fix_text);
    tcase_add_loop_test(tc, test_fix_rows, 0, sizeof fix_cases / sizeof *fix_cases);
    suite_add_tcase(s, tc);
    return s;
}
