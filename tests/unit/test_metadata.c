/* test_metadata.c - metadata at the top of a post that is not a plain
 * "---" YAML block (source/frontmatter.h): leading blank lines, TOML (read with toml++), JSON (read with jansson),
 * Pelican / MultiMarkdown headers, and look-alikes that stay Markdown. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "helpers.h"

typedef struct {
    const char *md;
    civ_fm_format format;
    size_t body_line; /* 1-based line where the body starts (0: no metadata) */
    const char *title, *author, *date;
    size_t nauthors;
} meta_case;

static const meta_case cases[] = {
    {"---\ntitle: T\n---\nx", CIV_FM_YAML, 4, "T", NULL, NULL, 0},
    {"\n\n---\ntitle: T\nauthor: A\n---\nx", CIV_FM_YAML, 7, "T", "A", NULL, 1},
    {"\xEF\xBB\xBF---\ndate: 2020-01-02\n---\nx", CIV_FM_YAML, 4, NULL, NULL, "2020-01-02", 0},
    {"+++\ntitle = \"T\"\n+++\n\nx", CIV_FM_TOML, 4, "T", NULL, NULL, 0},
    {"+++\nauthors = [\"Ann\", {name = \"Bob\"}]\ndate = 2020-01-02T10:00:00Z\n+++\nx", CIV_FM_TOML, 5, NULL,
     "Ann", "2020-01-02", 2},
    {"+++\nauthor = \"Ann\"\ndate = \"2020-01-02\"\n+++\nx", CIV_FM_TOML, 5, NULL, "Ann", "2020-01-02", 1},
    {"\n+++\n+++\nx", CIV_FM_TOML, 4, NULL, NULL, NULL, 0},
    {"{\n  \"title\": \"T }\",\n  \"tags\": [\"a\"]\n}\nx", CIV_FM_JSON, 5, "T }", NULL, NULL, 0},
    {"{\"title\": \"T\"}\n\nx", CIV_FM_JSON, 2, "T", NULL, NULL, 0},
    {"{\n\"authors\": [{\"name\": \"Ann\"}, \"Bob\"],\n\"date\": \"2020-01-02\"\n}\nx", CIV_FM_JSON, 5, NULL,
     "Ann", "2020-01-02", 2},
    {"Title: My post\nAuthor: Ann Lee\nDate: 2019-05-06 10:20\n\nBody", CIV_FM_HEADERS, 4, "My post",
     "Ann Lee", "2019-05-06 10:20", 1},
    {"title: Nikola\nslug: x\ncategory:\ndate: 2018-10-12\n\nBody", CIV_FM_HEADERS, 5, "Nikola", NULL,
     "2018-10-12", 0},
    {"Authors: Ann, Bob; Cy\nSummary: a long\n    continued summary\n\nBody", CIV_FM_HEADERS, 4, NULL,
     "Ann", NULL, 3},
    /* look-alikes: Markdown, not metadata */
    {"Note: this is prose.\n\nBody", CIV_FM_NONE, 0, NULL, NULL, NULL, 0},
    {"Title: T\nand a second line of prose\n\nBody", CIV_FM_NONE, 0, NULL, NULL, NULL, 0},
    {"See https://x.org: it works\n", CIV_FM_NONE, 0, NULL, NULL, NULL, 0},
    {"{x} is a set\n\nBody", CIV_FM_NONE, 0, NULL, NULL, NULL, 0},
    {"{\n  \"never\": \"closed\"\n\nBody", CIV_FM_NONE, 0, NULL, NULL, NULL, 0},
    {"# Heading\n\nDate: 2020-01-01\n", CIV_FM_NONE, 0, NULL, NULL, NULL, 0},
};

START_TEST(test_metadata_formats)
{
    const meta_case *c = &cases[_i];
    tdoc *t = tdoc_new(c->md);
    const civ_frontmatter *fm = &t->fm;
    ck_assert_msg(fm->format == c->format, "'%s': format %d, expected %d", c->md, fm->format, c->format);
    ck_assert_int_eq(fm->present, c->format != CIV_FM_NONE);
    if (c->body_line) {
        ck_assert_msg(civ_source_line_of(t->src, fm->body) + 1 == c->body_line, "'%s': body on line %zu",
                      c->md, civ_source_line_of(t->src, fm->body) + 1);
    }
    ck_assert_msg((fm->title == NULL) == (c->title == NULL) && (!c->title || !strcmp(fm->title, c->title)),
                  "'%s': title '%s'", c->md, fm->title ? fm->title : "(null)");
    if (c->title && c->format != CIV_FM_YAML) /* verbatim in the source */
        ck_assert(memcmp(t->src->data + fm->title_off, c->title, strlen(c->title)) == 0);
    ck_assert_msg((fm->date == NULL) == (c->date == NULL) && (!c->date || !strcmp(fm->date, c->date)),
                  "'%s': date '%s'", c->md, fm->date ? fm->date : "(null)");
    ck_assert_uint_eq(fm->nauthors, c->nauthors);
    if (c->author)
        ck_assert_str_eq(fm->authors[0], c->author);
    /* nothing of the metadata is prose */
    for (size_t i = 0; i < t->doc->nblocks; i++)
        if (c->format != CIV_FM_NONE)
            ck_assert_uint_ge(t->doc->blocks[i].start, fm->body);
    tdoc_free(t);
}
END_TEST

/* An unclosed TOML block is reported on its opening line and the file is
 * then linted as Markdown, like YAML. */
START_TEST(test_metadata_unclosed)
{
    tdoc *t = tdoc_new("\n+++\ntitle = \"x\"\n");
    ck_assert(!t->fm.present);
    ck_assert_ptr_nonnull(t->fm.error);
    ck_assert_uint_eq(civ_source_line_of(t->src, t->fm.error_off) + 1, 2);
    ck_assert(strstr(t->fm.error, "line 2") != NULL);
    tdoc_free(t);
}
END_TEST

/* TOML errors (toml++) point at their line. */
START_TEST(test_metadata_toml_error_line)
{
    tdoc *t = tdoc_new("+++\ntitle = \"x\"\nbad = = 1\n+++\nBody");
    ck_assert_ptr_nonnull(t->fm.error);
    ck_assert(strstr(t->fm.error, "not valid TOML") != NULL);
    ck_assert_uint_eq(civ_source_line_of(t->src, t->fm.error_off) + 1, 3);
    ck_assert_uint_eq(civ_source_line_of(t->src, t->fm.body) + 1, 5);
    tdoc_free(t);
}
END_TEST

/* JSON errors point at their line; the body still starts after the '}'. */
START_TEST(test_metadata_json_error_line)
{
    tdoc *t = tdoc_new("\n{\n  \"title\": \"x\"\n  \"date\": 1\n}\nBody");
    ck_assert_ptr_nonnull(t->fm.error);
    ck_assert(strstr(t->fm.error, "not valid JSON") != NULL);
    ck_assert_uint_eq(civ_source_line_of(t->src, t->fm.error_off) + 1, 4);
    ck_assert_uint_eq(civ_source_line_of(t->src, t->fm.body) + 1, 6);
    tdoc_free(t);
}
END_TEST

/* jansson's error text quotes the bytes near the error and can cut a
 * character in two (an invalid escape before a multi-byte letter): the
 * message must stay valid UTF-8 (a frontmatter fuzz finding). */
START_TEST(test_metadata_json_error_utf8)
{
    tdoc *t = tdoc_new("{\n  \"title\": \"a\\\xc3\xa9\xc3\xa9\xc3\xa9\"\n}\nBody");
    ck_assert_ptr_nonnull(t->fm.error);
    ck_assert(strstr(t->fm.error, "not valid JSON") != NULL);
    size_t n = strlen(t->fm.error);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t l = civ_utf8_decode((const unsigned char *)t->fm.error + i, n - i, &cp);
        ck_assert_msg(l > 0, "invalid UTF-8 at byte %zu of '%s'", i, t->fm.error);
        i += l;
    }
    tdoc_free(t);
}
END_TEST

/* YAML errors still point at the right line after leading blank lines. */
START_TEST(test_metadata_yaml_error_line)
{
    tdoc *t = tdoc_new("\n\n---\ntitle: [unclosed\n---\nx");
    ck_assert_ptr_nonnull(t->fm.error);
    ck_assert_uint_eq(civ_source_line_of(t->src, t->fm.error_off) + 1, 4);
    tdoc_free(t);
}
END_TEST

Suite *suite_metadata(void)
{
    Suite *s = suite_create("metadata");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, test_metadata_formats, 0, sizeof cases / sizeof *cases);
    tcase_add_test(tc, test_metadata_unclosed);
    tcase_add_test(tc, test_metadata_yaml_error_line);
    tcase_add_test(tc, test_metadata_json_error_line);
    tcase_add_test(tc, test_metadata_json_error_utf8);
    tcase_add_test(tc, test_metadata_toml_error_line);
    suite_add_tcase(s, tc);
    return s;
}
