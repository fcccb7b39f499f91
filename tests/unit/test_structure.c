/* test_structure.c - the structural checks: empty-section and author-line.
 * Each row: a post, and the findings expected as "L:C-L:C message" lines
 * (joined with '|'), or "" for none. */
#include <stdio.h>
#include <stdlib.h>

#include "helpers.h"

#define BYLINE "\n\nNino Beridze \xE2\x80\x93 Researcher, Civic IDEA\n"

typedef struct {
    const char *name;
    const char *md;
    const char *want;
} check_case;

static const check_case empty_cases[] = {
    {"content under every heading", "# T\n\nIntro.\n\n## A\n\nText." BYLINE, ""},
    {"heading followed by same level", "# T\n\nx\n\n## A\n\n## B\n\ntext" BYLINE, "5:4-5:4 section 'A' is empty"},
    {"heading followed by higher level", "# T\n\nx\n\n## A\n\n# B\n\ntext" BYLINE, "5:4-5:4 section 'A' is empty"},
    {"empty conclusion above byline", "# T\n\nx\n\n## Conclusion" BYLINE, "5:4-5:13 section 'Conclusion' is empty"},
    {"last heading at end of file", "# T\n\nx\n\n## End\n", "5:4-5:6 section 'End' is empty"},
    {"subsections with content", "# T\n\n## A\n\n### A1\n\ntext" BYLINE, ""},
    {"subsection empty too", "# T\n\nx\n\n## A\n\n### A1\n\n## B\n\ny" BYLINE,
     "5:4-5:4 section 'A' is empty|7:5-7:6 section 'A1' is empty"},
    {"html comment is not content", "# T\n\nx\n\n## A\n\n<!-- todo -->\n\n## B\n\ny" BYLINE, "5:4-5:4 section 'A' is empty"},
    {"html block is content", "# T\n\nx\n\n## A\n\n<div>chart</div>\n\n## B\n\ny" BYLINE, ""},
    {"thematic break is not content", "# T\n\nx\n\n## A\n\n---\n\n## B\n\ny" BYLINE, "5:4-5:4 section 'A' is empty"},
    {"placeholder TBD", "# T\n\nx\n\n## A\n\nTBD\n\n## B\n\ny" BYLINE, "5:4-5:4 section 'A' is empty"},
    {"placeholder TK.", "# T\n\nx\n\n## A\n\nTK.\n\n## B\n\ny" BYLINE, "5:4-5:4 section 'A' is empty"},
    {"placeholder ellipsis", "# T\n\nx\n\n## A\n\n[\xE2\x80\xA6]\n\n## B\n\ny" BYLINE, "5:4-5:4 section 'A' is empty"},
    {"word TBD inside a sentence is content", "# T\n\nx\n\n## A\n\nDates are TBD for now.\n\n## B\n\ny" BYLINE, ""},
    {"link reference definition is not content", "# T\n\nx\n\n## A\n\n[r]: https://x.org\n\n## B\n\ny" BYLINE, "5:4-5:4 section 'A' is empty"},
    {"list is content", "# T\n\n## A\n\n- one\n\n## B\n\ny" BYLINE, ""},
    {"code block is content", "# T\n\n## A\n\n```\nx\n```\n\n## B\n\ny" BYLINE, ""},
    {"table is content", "# T\n\n## A\n\n| a |\n|---|\n| b |\n\n## B\n\ny" BYLINE, ""},
    {"quote is content", "# T\n\n## A\n\n> q\n\n## B\n\ny" BYLINE, ""},
    {"setext headings", "Title\n=====\n\nSub\n---\n\nNext\n---\n\nx" BYLINE, "4:1-4:3 section 'Sub' is empty"},
    {"heading with no text", "# T\n\nx\n\n##\n\ny" BYLINE, "5:1-5:2 heading has no text"},
    {"heading text with markup", "# T\n\nx\n\n## The *new* order\n\n## B\n\ny" BYLINE, "5:4-5:18 section 'The new order' is empty"},
    {"heading in a list is not a section", "# T\n\nx\n\n- # item heading\n\ny" BYLINE, ""},
    /* the renderer puts the footnotes where their definitions are listed */
    {"footnote definitions under a heading", "# T\n\nx[^1]\n\n## Notes\n\n[^1]: source" BYLINE, ""},
    {"footnote definitions then the next section", "# T\n\nx[^1] y[^2]\n\n## Notes\n\n[^1]: a\n[^2]: b\n\n## B\n\ny" BYLINE, ""},
    {"footnotes listed elsewhere", "# T\n\nx[^1]\n\n## Notes\n\n## B\n\ny\n\n[^1]: a" BYLINE, "5:4-5:8 section 'Notes' is empty"},
    /* template tags that render content, and ones that do not */
    {"an include renders content", "# T\n\nx\n\n## Related\n\n{% include related.html %}\n\n## B\n\ny" BYLINE, ""},
    {"a shortcode renders content", "# T\n\nx\n\n## Gallery\n\n{{< gallery dir=\"g\" >}}\n\n## B\n\ny" BYLINE, ""},
    {"an output tag renders content", "# T\n\nx\n\n## Map\n\n{{ page.map }}\n\n## B\n\ny" BYLINE, ""},
    {"an attribute list is not content", "# T\n\nx\n\n## A\n\n{: .wide}\n\n## B\n\ny" BYLINE, "5:4-5:4 section 'A' is empty"},
    {"a comment tag is not content", "# T\n\nx\n\n## A\n\n{% comment %}later{% endcomment %}\n\n## B\n\ny" BYLINE, "5:4-5:4 section 'A' is empty"},
    {"an assign tag is not content", "# T\n\nx\n\n## A\n\n{% assign n = 3 %}\n\n## B\n\ny" BYLINE, "5:4-5:4 section 'A' is empty"},
    {"multi-byte heading", "# T\n\nx\n\n## \xD0\xA2\xD0\xB1\xD0\xB8\xD0\xBB\xD0\xB8\xD1\x81\xD0\xB8\n\n## B\n\ny" BYLINE,
     "5:4-5:10 section '\xD0\xA2\xD0\xB1\xD0\xB8\xD0\xBB\xD0\xB8\xD1\x81\xD0\xB8' is empty"},
};

static const check_case author_cases[] = {
    {"en dash byline", "Text.\n\nNino Beridze \xE2\x80\x93 Author of the Blog, Researcher, Civic IDEA\n", ""},
    {"em dash byline", "Text.\n\nNino Beridze \xE2\x80\x94 Researcher, Civic IDEA\n", ""},
    {"spaced hyphen byline", "Text.\n\nNino Beridze - Researcher, Civic IDEA\n", ""},
    {"three-word name", "Text.\n\nAnna Maria Kapanadze \xE2\x80\x93 Intern, Civic IDEA\n", ""},
    {"emphasised byline", "Text.\n\n*Nino Beridze \xE2\x80\x93 Researcher, Civic IDEA*\n", ""},
    {"byline before footnotes", "Text[^1].\n\nNino Beridze \xE2\x80\x93 Researcher, Civic IDEA\n\n[^1]: Source.\n", ""},
    {"byline then html comment", "Text.\n\nNino Beridze \xE2\x80\x93 Researcher, Civic IDEA\n\n<!-- end -->\n", ""},
    {"front matter author", "---\nauthor: Nino Beridze\n---\nText.\n", ""},
    {"front matter authors list", "---\nauthors: [Nino Beridze, Levan Gogua]\n---\nText.\n", ""},
    {"missing", "# T\n\nJust prose here.\n", "3:1-3:1 post has no author line"},
    {"missing, last line of body not footnote", "Prose[^1].\n\nMore prose.\n\n[^1]: Source.\n", "3:1-3:1 post has no author line"},
    {"empty file", "", "1:1-1:1 post has no author line"},
    /* the mark goes on the last line a reader sees, not on template
     * syntax the site renders away (a closing ::: fence, a shortcode) */
    {"missing, post ends with a fence", "Prose.\n\n:::tip\nA tip.\n:::\n", "4:1-4:1 post has no author line"},
    {"missing, post ends with a tag", "Prose.\n\n{% include footer.html %}\n", "1:1-1:1 post has no author line"},
    {"missing dash", "Text.\n\nNino Beridze Author of the Blog, Researcher, Civic IDEA\n",
     "3:1-3:55 author line has no dash between the name and the role"},
    {"comma instead of dash", "Text.\n\nNino Beridze, Researcher, Civic IDEA\n",
     "3:1-3:36 author line has no dash between the name and the role"},
    {"dash but no organisation", "Text.\n\nNino Beridze \xE2\x80\x93 Researcher\n",
     "3:1-3:25 author line does not match the expected form"},
    {"long closing paragraph mentioning a director", "Text.\n\nThe Director of the agency said that the review would take months, and that the findings would be published only after the ministers had read them and agreed on what to do next.\n",
     "3:1-3:1 post has no author line"},
    {"last block is a list", "Text.\n\n- Nino Beridze \xE2\x80\x93 Researcher, Civic IDEA\n", "3:1-3:1 post has no author line"},
};

static void run_case(const check_case *c, const char *rule)
{
    civ_diags d;
    civ_source *src = test_lint(c->md, rule, &d);
    char got[2048] = "";
    for (size_t i = 0; i < d.n; i++) {
        char span[64];
        span_str(src, d.items[i].start, d.items[i].end, span, sizeof span);
        size_t len = strlen(got);
        snprintf(got + len, sizeof got - len, "%s%s %s", i ? "|" : "", span, d.items[i].message);
    }
    ck_assert_msg(strcmp(got, c->want) == 0, "%s: got '%s', expected '%s'", c->name, got, c->want);
    civ_diags_release(&d);
    civ_source_free(src);
}

START_TEST(test_empty_section)
{
    run_case(&empty_cases[_i], "empty-section");
}
END_TEST

START_TEST(test_author_line)
{
    run_case(&author_cases[_i], "author-line");
}
END_TEST

/* The malformed byline's fix-it inserts " –" right after the name. */
START_TEST(test_author_line_fix)
{
    civ_diags d;
    civ_source *src = test_lint("Text.\n\nNino Beridze Author of the Blog, Civic IDEA\n", "author-line", &d);
    ck_assert_uint_eq(d.n, 1);
    ck_assert_uint_eq(d.items[0].nfixes, 1);
    const civ_fix *f = &d.items[0].fixes[0];
    ck_assert_uint_eq(f->start, f->end);
    ck_assert(memcmp(src->data + f->start, " Author", 7) == 0);
    ck_assert_str_eq(f->replacement, " \xE2\x80\x93");
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

/* The empty-section option: a heading needs its own content. */
START_TEST(test_empty_section_direct)
{
    civ_linter l;
    civ_linter_init(&l, test_rules());
    l.ctx.empty_section_direct = true;
    const char *md = "# T\n\n## A\n\n### A1\n\ntext" BYLINE;
    char *err;
    civ_source *src = civ_source_from_memory("t.md", md, strlen(md), &err);
    civ_diags d;
    civ_diags_init(&d);
    civ_lint(&l, src, &d);
    size_t n = 0;
    for (size_t i = 0; i < d.n; i++)
        if (strcmp(d.items[i].rule, "empty-section") == 0)
            n++;
    ck_assert_uint_eq(n, 2); /* T and A have only subsections */
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

/* Diagnostics: sorted by position, exact duplicates dropped. */
START_TEST(test_diag_sort_dedupe)
{
    civ_diags l;
    civ_diags_init(&l);
    civ_diag_add(&l, "b", CIV_SEV_WARNING, 10, 12, "x");
    civ_diag_add(&l, "a", CIV_SEV_WARNING, 10, 12, "x");
    civ_diag_add(&l, "a", CIV_SEV_WARNING, 2, 4, "y");
    civ_diag_add(&l, "a", CIV_SEV_WARNING, 10, 12, "x");
    civ_diags_sort(&l);
    ck_assert_uint_eq(l.n, 3);
    ck_assert_uint_eq(l.items[0].start, 2);
    ck_assert_str_eq(l.items[1].rule, "a");
    ck_assert_str_eq(l.items[2].rule, "b");
    civ_diags_release(&l);
}
END_TEST

/* civ_diags_drop_shadowed: spelling yields a span another rule reports
 * (a house rule writing 'Nato' as 'NATO'); alone, or on another span, it
 * stays. Each row: findings "rule@start-end" in, the kept ones out. */
static const struct {
    const char *name;
    const char *in[4];
    const char *out;
} shadow_cases[] = {
    {"house rule on the same span", {"spelling@4-8", "house.nato@4-8"}, "house.nato@4-8"},
    {"spelling alone", {"spelling@4-8"}, "spelling@4-8"},
    {"overlapping, not the same span", {"spelling@4-8", "house.x@4-9"}, "spelling@4-8 house.x@4-9"},
    {"two groups", {"house.a@0-2", "spelling@0-2", "spelling@5-7", "encoding@9-10"},
     "house.a@0-2 spelling@5-7 encoding@9-10"},
    {"only other rules", {"a@1-2", "b@1-2"}, "a@1-2 b@1-2"},
};

START_TEST(test_drop_shadowed)
{
    civ_diags l;
    civ_diags_init(&l);
    for (size_t i = 0; i < 4 && shadow_cases[_i].in[i]; i++) {
        char rule[32];
        size_t a, b;
        ck_assert_int_eq(sscanf(shadow_cases[_i].in[i], "%31[^@]@%zu-%zu", rule, &a, &b), 3);
        /* rule ids outlive the list (diag.h): use static strings */
        static const char *const ids[] = {"spelling", "house.nato", "house.x", "house.a", "encoding", "a", "b"};
        const char *id = NULL;
        for (size_t k = 0; k < sizeof ids / sizeof *ids; k++)
            if (strcmp(ids[k], rule) == 0)
                id = ids[k];
        ck_assert_ptr_nonnull(id);
        civ_diag_add(&l, id, CIV_SEV_WARNING, a, b, "m");
    }
    civ_diags_sort(&l);
    civ_diags_drop_shadowed(&l, "spelling");
    char got[256] = "";
    for (size_t i = 0; i < l.n; i++) {
        size_t o = strlen(got);
        snprintf(got + o, sizeof got - o, "%s%s@%zu-%zu", i ? " " : "", l.items[i].rule, l.items[i].start,
                 l.items[i].end);
    }
    ck_assert_msg(strcmp(got, shadow_cases[_i].out) == 0, "%s: got '%s', expected '%s'", shadow_cases[_i].name,
                  got, shadow_cases[_i].out);
    civ_diags_release(&l);
}
END_TEST

/* encoding: one diagnostic per run of bad bytes, at the exact byte. */
START_TEST(test_encoding)
{
    civ_diags d;
    civ_source *src = test_lint("ok \xC0\xAF and \xED\xA0\x80 and \xFF", "encoding", &d);
    ck_assert_uint_eq(d.n, 3);
    char span[64];
    span_str(src, d.items[0].start, d.items[0].end, span, sizeof span);
    ck_assert_str_eq(span, "1:4-1:5"); /* overlong '/' */
    span_str(src, d.items[1].start, d.items[1].end, span, sizeof span);
    ck_assert_str_eq(span, "1:11-1:13"); /* surrogate U+D800 */
    ck_assert_str_eq(d.items[2].message, "invalid UTF-8 byte 0xFF");
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

Suite *suite_structure(void)
{
    Suite *s = suite_create("structure");
    TCase *tc = tcase_create("checks");
    tcase_add_loop_test(tc, test_empty_section, 0, sizeof empty_cases / sizeof *empty_cases);
    tcase_add_loop_test(tc, test_author_line, 0, sizeof author_cases / sizeof *author_cases);
    tcase_add_test(tc, test_author_line_fix);
    tcase_add_loop_test(tc, test_drop_shadowed, 0, sizeof shadow_cases / sizeof *shadow_cases);
    tcase_add_test(tc, test_empty_section_direct);
    tcase_add_test(tc, test_diag_sort_dedupe);
    tcase_add_test(tc, test_encoding);
    suite_add_tcase(s, tc);
    return s;
}
