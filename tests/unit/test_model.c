/* test_model.c - the document model: block kinds, levels, containers,
 * inline records, and alignment over the CommonMark/GFM example corpus. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

#include "helpers.h"

typedef struct {
    const char *md;
    const char *kinds; /* one letter per block: P H C T(able cell) M(html) B(reak) */
    unsigned flags_of_last;
} block_case;

static const block_case block_cases[] = {
    {"# A\n\ntext", "HP", 0},
    {"> quoted", "P", CIV_IN_QUOTE},
    {"- item", "P", CIV_IN_LIST},
    {"```\ncode\n```", "C", CIV_FENCED},
    {"    indented code", "C", 0},
    {"<div>\nx\n</div>", "M", 0},
    {"<!-- comment -->", "M", 0},
    {"a\n\n---\n\nb", "PBP", 0},
    {"| a | b |\n|---|---|\n| c | d |", "TTTT", CIV_IN_TABLE},
    {"x[^1]\n\n[^1]: note", "PP", CIV_IN_FOOTNOTE},
    {"Title\n=====\n\nSub\n---", "HH", 0},
    {"[ref]: https://x.org\n\ntext", "P", 0},
};

START_TEST(test_block_kinds)
{
    const block_case *c = &block_cases[_i];
    tdoc *t = tdoc_new(c->md);
    char got[32] = "";
    const char *letters = "PHTCMB";
    for (size_t i = 0; i < t->doc->nblocks && i < sizeof got - 1; i++)
        got[i] = letters[t->doc->blocks[i].kind];
    ck_assert_msg(strcmp(got, c->kinds) == 0, "'%s': blocks %s, expected %s", c->md, got, c->kinds);
    const civ_block *last = &t->doc->blocks[t->doc->nblocks - 1];
    ck_assert_msg((last->flags & c->flags_of_last) == c->flags_of_last, "'%s': flags %x", c->md, last->flags);
    tdoc_free(t);
}
END_TEST

START_TEST(test_heading_levels)
{
    tdoc *t = tdoc_new("# One\n## Two\n###### Six\nSetext\n---\n");
    ck_assert_int_eq(t->doc->blocks[0].level, 1);
    ck_assert_int_eq(t->doc->blocks[1].level, 2);
    ck_assert_int_eq(t->doc->blocks[2].level, 6);
    ck_assert_int_eq(t->doc->blocks[3].level, 2);
    ck_assert_str_eq(t->doc->blocks[2].text, "Six");
    tdoc_free(t);
}
END_TEST

/* cmark-gfm ends HTML blocks before they start; the model must not. */
START_TEST(test_html_block_span)
{
    tdoc *t = tdoc_new("Text.\n\n<!-- a comment -->\n\n<div>\ntwo lines\n</div>\n");
    const civ_block *c = &t->doc->blocks[1], *d = &t->doc->blocks[2];
    ck_assert_uint_eq(c->end - c->start, strlen("<!-- a comment -->"));
    ck_assert(memcmp(t->src->data + c->start, "<!--", 4) == 0);
    ck_assert_uint_eq(d->end - d->start, strlen("<div>\ntwo lines\n</div>"));
    tdoc_free(t);
}
END_TEST

START_TEST(test_inline_records)
{
    tdoc *t = tdoc_new("See [the report](https://x.org/r), `code`, <b>x</b>, note[^1] and https://a.org.\n\n[^1]: n");
    const civ_block *b = &t->doc->blocks[0];
    ck_assert_uint_eq(b->ninl, 6);
    ck_assert_int_eq(b->inl[0].kind, CIV_INL_LINK);
    ck_assert_str_eq(b->inl[0].url, "https://x.org/r");
    ck_assert_int_eq(b->inl[1].kind, CIV_INL_CODE);
    ck_assert_str_eq(b->inl[1].url, "code");
    ck_assert_int_eq(b->inl[2].kind, CIV_INL_HTML);
    ck_assert_int_eq(b->inl[4].kind, CIV_INL_FOOTNOTE_REF);
    ck_assert_int_eq(b->inl[5].kind, CIV_INL_AUTOLINK);
    /* the link's source span is the whole [..](..) */
    ck_assert_uint_eq(b->inl[0].s1 - b->inl[0].s0, strlen("[the report](https://x.org/r)"));
    ck_assert(memcmp(t->src->data + b->inl[1].s0, "`code`", 6) == 0);
    /* code is a placeholder in the prose, not its text */
    ck_assert_ptr_null(strstr(b->text, "code"));
    ck_assert_ptr_nonnull(civ_block_inline_at(b, b->inl[0].t0));
    tdoc_free(t);
}
END_TEST

START_TEST(test_front_matter_fields)
{
    tdoc *t = tdoc_new("---\ntitle: \"Ports and power\"\nauthors:\n  - Nino Beridze\n  - name: Levan Gogua\ndate: 2026-03-14\n---\n# Body\n");
    ck_assert(t->fm.present);
    ck_assert_str_eq(t->fm.title, "Ports and power");
    ck_assert_uint_eq(t->fm.nauthors, 2);
    ck_assert_str_eq(t->fm.authors[1], "Levan Gogua");
    ck_assert_str_eq(t->fm.date, "2026-03-14");
    ck_assert(memcmp(t->src->data + t->fm.title_off, "Ports", 5) == 0);
    ck_assert_ptr_null(t->fm.error);
    ck_assert_uint_eq(t->doc->nblocks, 1);
    tdoc_free(t);
}
END_TEST

typedef struct {
    const char *md;
    const char *error; /* substring of fm.error, NULL for none */
} fm_case;

static const fm_case fm_cases[] = {
    {"---\ntitle: x\n", "never closed"},
    {"---\ntitle: [unclosed\n---\n", "not valid YAML"},
    {"---\n- a\n- b\n---\n", "must be a YAML mapping"},
    {"---\na: &x [1]\nb: *x\n---\n", "aliases are not allowed"},
    {"---\ntitle: ok\n...\nbody", NULL},
    {"--- \ntitle: ok\n---\n", NULL},
    {"text\n---\n", NULL},
};

START_TEST(test_front_matter_errors)
{
    const fm_case *c = &fm_cases[_i];
    tdoc *t = tdoc_new(c->md);
    if (c->error)
        ck_assert_msg(t->fm.error && strstr(t->fm.error, c->error), "'%s': error '%s'", c->md,
                      t->fm.error ? t->fm.error : "(none)");
    else
        ck_assert_msg(!t->fm.error, "'%s': unexpected error '%s'", c->md, t->fm.error);
    tdoc_free(t);
}
END_TEST

/* Deep nesting parses in bounded time: a line opening up to
 * CIV_MAX_NESTING containers is modelled; a deeper one ends the model
 * (cut at its start), and the lines before it are kept. */
START_TEST(test_deep_nesting)
{
    size_t n = 10000;
    char *s = malloc(n * 3 + 32);
    const civ_block *b;
    size_t off;
    const size_t depths[] = {CIV_MAX_NESTING, CIV_MAX_NESTING + 1, n};
    for (size_t di = 0; di < 3; di++) {
        size_t depth = depths[di];
        for (int list = 0; list < 2; list++) {
            strcpy(s, "before\n\n");
            size_t k = strlen(s);
            for (size_t i = 0; i < depth; i++) {
                s[k++] = list ? '-' : '>';
                s[k++] = ' ';
            }
            strcpy(s + k, "deep text");
            tdoc *t = tdoc_new(s);
            ck_assert(find_text(t->doc, "before", &b, &off));
            if (depth <= CIV_MAX_NESTING) {
                ck_assert(find_text(t->doc, "text", &b, &off));
                ck_assert_uint_eq(t->doc->cut, SIZE_MAX);
            } else {
                ck_assert(!find_text(t->doc, "text", &b, &off));
                ck_assert_uint_eq(t->doc->cut, 8); /* the start of line 3 */
            }
            tdoc_free(t);
        }
    }
    free(s);
}
END_TEST

/* A post whose tables hold more than CIV_MAX_TABLE_CELLS cells (rows times
 * the delimiter row's columns) is modelled up to the line that passes the
 * budget (cmark-gfm's table cells cost ~640 bytes each); at the budget it
 * is modelled whole. With CRLF line ends too. */
START_TEST(test_table_cell_budget)
{
    for (int k = 0; k < 4; k++) {
        int over = k & 1, crlf = k >> 1;
        const char *head = crlf ? "before\r\n\r\n|a|b|c|d|\r\n|-|:-:|-|-|\r\n" : "before\n\n|a|b|c|d|\n|-|:-:|-|-|\n";
        const char *row = crlf ? "|1|2|3|4|\r\n" : "x\n"; /* 4 cells each: rows are padded */
        size_t rows = (CIV_MAX_TABLE_CELLS - 8) / 4 + (size_t)over; /* the header and delimiter: 8 */
        civ_buf b;
        civ_buf_init(&b);
        civ_buf_puts(&b, head);
        for (size_t i = 0; i < rows; i++)
            civ_buf_puts(&b, row);
        size_t last = b.len - strlen(row);
        civ_buf_puts(&b, "\nafter text\n");
        tdoc *t = tdoc_newn(b.data, b.len);
        const civ_block *blk;
        size_t off;
        ck_assert(find_text(t->doc, "before", &blk, &off));
        if (over) {
            ck_assert_uint_eq(t->doc->cut, last); /* the start of the last row */
            ck_assert_str_eq(t->doc->cut_why, "its tables hold more than 100000 cells");
            ck_assert(!find_text(t->doc, "after", &blk, &off));
        } else {
            ck_assert_uint_eq(t->doc->cut, SIZE_MAX);
            ck_assert(find_text(t->doc, "after", &blk, &off));
        }
        tdoc_free(t);
        civ_buf_release(&b);
    }
}
END_TEST

/* Every example of the CommonMark/GFM corpus aligns without losing a
 * character: lost > 0 means a span somewhere would point at the wrong text. */
START_TEST(test_corpus_alignment)
{
    const char *dir = "../shared/corpora/markdown-examples";
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "test_corpus_alignment: SKIP, no %s\n", dir);
        return;
    }
    struct dirent *e;
    size_t files = 0, lost_files = 0, lost = 0;
    char path[4096];
    while ((e = readdir(d))) {
        if (!strstr(e->d_name, ".md"))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        char buf[65536];
        size_t n = fread(buf, 1, sizeof buf, f);
        fclose(f);
        char *err = NULL;
        civ_source *src = civ_source_from_memory(path, buf, n, &err);
        if (!src) {
            free(err);
            continue;
        }
        civ_frontmatter fm;
        civ_frontmatter_parse(src, &fm);
        civ_doc *doc = civ_doc_parse(src, &fm);
        files++;
        /* Text runs map to source runs in order, never overlapping (a
         * two-code-point entity maps both to the same run). */
        for (size_t i = 0; i < doc->nblocks; i++) {
            const civ_block *b = &doc->blocks[i];
            for (size_t k = 1; k < b->nsegs; k++) {
                const civ_seg *p = &b->segs[k - 1], *q = &b->segs[k];
                bool same = p->s0 == q->s0 && p->s1 == q->s1;
                ck_assert_msg(same || q->s0 >= p->s1, "%s: block %zu segment %zu goes backwards (%zu < %zu)",
                              path, i, k, q->s0, p->s1);
            }
        }
        if (doc->lost) {
            lost_files++;
            lost += doc->lost;
            fprintf(stderr, "alignment lost %zu characters in %s\n", doc->lost, path);
        }
        civ_doc_free(doc);
        civ_frontmatter_release(&fm);
        civ_source_free(src);
    }
    closedir(d);
    ck_assert_uint_gt(files, 700);
    ck_assert_msg(lost == 0, "%zu characters lost in %zu of %zu files", lost, lost_files, files);
}
END_TEST

Suite *suite_model(void)
{
    Suite *s = suite_create("model");
    TCase *tc = tcase_create("blocks");
    tcase_add_loop_test(tc, test_block_kinds, 0, sizeof block_cases / sizeof *block_cases);
    tcase_add_test(tc, test_heading_levels);
    tcase_add_test(tc, test_inline_records);
    tcase_add_test(tc, test_html_block_span);
    tcase_add_test(tc, test_front_matter_fields);
    tcase_add_loop_test(tc, test_front_matter_errors, 0, sizeof fm_cases / sizeof *fm_cases);
    tcase_add_test(tc, test_deep_nesting);
    tcase_add_test(tc, test_table_cell_budget);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);
    TCase *tc2 = tcase_create("corpus");
    tcase_add_test(tc2, test_corpus_alignment);
    tcase_set_timeout(tc2, 120);
    suite_add_tcase(s, tc2);
    return s;
}
