/* test_speed.c - pathological inputs, checked by counting work, not time.
 *
 * Each case repeats one construct k times and 10k times inside one block
 * (the aligner's unit of work) and counts civ_doc.work, the source bytes
 * the aligner examined. Linear code gives a ratio near 10; a quadratic
 * path gives ~100. The per-byte bound catches a linear path with a
 * runaway constant (e.g. every character skipping SKIP_BUDGET bytes).
 *
 * The line index and the UTF-8 validator have fast paths (memchr, eight
 * ASCII bytes at a time); they are checked against plain reference
 * implementations on generated inputs. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/utf8.h"
#include "base/yamltree.h"
#include "helpers.h"

typedef struct {
    const char *name;
    const char *prefix;  /* once before the repeats */
    const char *unit;    /* repeated */
    const char *suffix;  /* once after */
    double per_byte;     /* upper bound of work per input byte at 10k */
} work_case;

static const work_case work_cases[] = {
    {"plain words", "", "word ", "", 2},
    {"emphasis", "", "*emph* and ", "", 3},
    {"strong underscores", "", "__strong__ x ", "", 3},
    {"inline links", "", "[link text](https://x.org/a \"t\") ", "", 3},
    {"reference links", "", "[ref] ", "\n\n[ref]: https://x.org", 3},
    {"named entities", "", "&amp; ", "", 3},
    {"numeric entities", "", "&#233; ", "", 3},
    {"backslash escapes", "", "\\* ", "", 3},
    {"code spans", "", "`code` ", "", 3},
    {"double-backtick code spans", "", "`` a`b `` ", "", 3},
    {"inline html", "", "<b>x</b> ", "", 3},
    {"images", "", "![alt](a.png) ", "", 3},
    {"footnote references", "", "x[^1] ", "\n\n[^1]: note", 3},
    {"bare autolinks", "", "https://example.com/a ", "", 3},
    {"www autolinks", "", "www.example.com ", "", 3},
    {"angle autolinks", "", "<https://x.org> ", "", 3},
    {"autolinks with entities", "", "https://x.org/?a&amp;b ", "", 3},
    {"unmatched brackets", "", "[a ", "", 3},
    {"unmatched backticks", "", "`a ", "", 3},
    {"strikethrough", "", "~~gone~~ ", "", 3},
    {"soft breaks", "", "line\n", "", 3},
    {"hard breaks", "", "line  \n", "", 3},
    {"block quote lines", "", "> quoted line\n", "", 3},
    {"nested quote lines", "", "> > > deep line\n", "", 3},
    {"list continuation", "- item\n", "  more text\n", "", 3},
    {"html across quoted lines", "", "> <a\n> href='x'> y\n", "", 4},
    {"table rows", "| a | b |\n|---|---|\n", "| cell | *two* |\n", "", 3},
    {"lost characters (invalid entities)", "", "&#87654321; x ", "", 200},
};

static size_t work_of(const char *md)
{
    tdoc *t = tdoc_new(md);
    size_t w = t->doc->work;
    tdoc_free(t);
    return w;
}

static char *repeat(const work_case *c, size_t k, size_t *len)
{
    civ_buf b;
    civ_buf_init(&b);
    civ_buf_puts(&b, c->prefix);
    for (size_t i = 0; i < k; i++)
        civ_buf_puts(&b, c->unit);
    civ_buf_puts(&b, c->suffix);
    *len = b.len;
    return civ_buf_detach(&b);
}

START_TEST(test_alignment_work_is_linear)
{
    const work_case *c = &work_cases[_i];
    enum { K = 300 };
    size_t n1, n10;
    char *small = repeat(c, K, &n1), *big = repeat(c, 10 * K, &n10);
    size_t w1 = work_of(small), w10 = work_of(big);
    double ratio = (double)w10 / (double)(w1 ? w1 : 1);
    ck_assert_msg(w1 > 0, "%s: no work counted", c->name);
    ck_assert_msg(ratio >= 8.0 && ratio <= 12.0,
                  "%s: 10x the input took %.1fx the work (%zu -> %zu steps)", c->name, ratio, w1, w10);
    ck_assert_msg((double)w10 <= c->per_byte * (double)n10, "%s: %zu steps for %zu bytes", c->name, w10,
                  n10);
    free(small);
    free(big);
}
END_TEST

/* ---- line index and UTF-8 validation against reference code ---- */

static uint32_t rng = 12345;
static unsigned next_rand(void)
{
    rng = rng * 1103515245u + 12345u;
    return (rng >> 16) & 0x7fff;
}

/* Line and code-point column of off, by scanning from the start. */
static void naive_position(const char *d, size_t len, size_t off, size_t *line, size_t *col)
{
    size_t l = 1, start = 0;
    for (size_t i = 0; i < off && i < len; i++) {
        if (d[i] == '\r' && i + 1 < len && d[i + 1] == '\n') {
            if (i + 1 == off)
                break; /* inside CRLF: the line it belongs to */
            i++;
        } else if (d[i] != '\n' && d[i] != '\r') {
            continue;
        }
        if (i + 1 < len) {
            l++;
            start = i + 1;
        }
    }
    *line = l;
    *col = civ_utf8_count(d + start, off - start) + 1;
}

START_TEST(test_line_index_matches_reference)
{
    static const char *pieces[] = {"a", "word ", "\n", "\r\n", "\r", "\xC3\xA9", "\xE2\x80\x93", "\n\n", "x\r"};
    for (int round = 0; round < 200; round++) {
        civ_buf b;
        civ_buf_init(&b);
        size_t n = next_rand() % 120;
        for (size_t i = 0; i < n; i++)
            civ_buf_puts(&b, pieces[next_rand() % (sizeof pieces / sizeof *pieces)]);
        char *err = NULL;
        const char *text = b.data ? b.data : ""; /* an empty buffer has no data */
        civ_source *src = civ_source_from_memory("t.md", text, b.len, &err);
        ck_assert_ptr_nonnull(src);
        for (size_t off = 0; off <= b.len; off++) {
            size_t l, c, rl, rc;
            civ_source_position(src, off, &l, &c);
            naive_position(text, b.len, off, &rl, &rc);
            ck_assert_msg(l == rl && c == rc, "round %d offset %zu: got %zu:%zu, want %zu:%zu", round, off, l,
                          c, rl, rc);
        }
        civ_source_free(src);
        civ_buf_release(&b);
    }
}
END_TEST

START_TEST(test_utf8_validation_matches_reference)
{
    for (int round = 0; round < 500; round++) {
        unsigned char buf[64];
        size_t n = 1 + next_rand() % sizeof buf;
        for (size_t i = 0; i < n; i++) {
            unsigned r = next_rand();
            /* Mostly ASCII (the fast path), sometimes lead and
             * continuation bytes, so runs of 8 break at every offset. */
            buf[i] = r % 4 ? (unsigned char)('a' + r % 26) : (unsigned char)(0x80 + (r >> 3) % 0x78);
        }
        /* Reference: decode code point by code point. */
        size_t want[64], nwant = 0;
        for (size_t i = 0; i < n;) {
            uint32_t cp;
            size_t l = buf[i] < 0x80 ? 1 : civ_utf8_decode(buf + i, n - i, &cp);
            if (!l) {
                want[nwant++] = i;
                l = 1;
            }
            i += l;
        }
        char *err = NULL;
        civ_source *src = civ_source_from_memory("t.md", (const char *)buf, n, &err);
        ck_assert_ptr_nonnull(src);
        ck_assert_uint_eq(src->nbad, nwant);
        for (size_t k = 0; k < nwant; k++) {
            ck_assert_uint_eq(src->bad[k].off, want[k]);
            ck_assert_int_eq(src->data[want[k]], '?');
        }
        civ_source_free(src);
    }
}
END_TEST

/* The YAML tree's node offsets come from a cursor that walks forward from
 * the previous mark on the line (yamltree.c); every item of a flow
 * sequence with multi-byte items, on one line and then over two, must
 * still point at its own text. */
START_TEST(test_yaml_offsets_on_one_line)
{
    const char *text = "tags: [\xC3\xA9t\xC3\xA9, b, \xE2\x80\x9Cq\xE2\x80\x9D, dd,\n  \xC3\xA9" "e, f]\nk: [x, y]\n";
    const char *want[] = {"\xC3\xA9t\xC3\xA9", "b", "\xE2\x80\x9Cq\xE2\x80\x9D", "dd", "\xC3\xA9" "e", "f"};
    char *err = NULL;
    civ_ydoc *d = civ_ydoc_parse(text, strlen(text), 0, &err);
    ck_assert_ptr_nonnull(d);
    const civ_ynode *tags = civ_ymap_get(civ_ydoc_root(d), "tags");
    ck_assert_ptr_nonnull(tags);
    ck_assert_uint_eq(tags->n, 6);
    for (size_t i = 0; i < 6; i++) {
        ck_assert_str_eq(tags->items[i]->value, want[i]);
        ck_assert_msg(strncmp(text + tags->items[i]->off, want[i], strlen(want[i])) == 0, "item %zu at %zu", i,
                      tags->items[i]->off);
    }
    const civ_ynode *k = civ_ymap_get(civ_ydoc_root(d), "k");
    ck_assert_uint_eq(k->items[1]->off, strlen(text) - 3);
    civ_ydoc_free(d);
}
END_TEST

Suite *suite_speed(void)
{
    Suite *s = suite_create("speed");
    TCase *tc = tcase_create("pathological");
    tcase_add_loop_test(tc, test_alignment_work_is_linear, 0, sizeof work_cases / sizeof *work_cases);
    tcase_set_timeout(tc, 120);
    suite_add_tcase(s, tc);
    TCase *tr = tcase_create("reference");
    tcase_add_test(tr, test_line_index_matches_reference);
    tcase_add_test(tr, test_utf8_validation_matches_reference);
    tcase_add_test(tr, test_yaml_offsets_on_one_line);
    tcase_set_timeout(tr, 60);
    suite_add_tcase(s, tr);
    return s;
}
