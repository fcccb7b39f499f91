/* test_templates.c - site-generator syntax is not prose (model/templates.h):
 * a table per syntax family of synthetic posts and the prose the model
 * keeps. Each case also checks that every verbatim segment still maps to
 * equal source bytes outside template syntax (positions stay exact). */
#include <stdio.h>
#include <stdlib.h>

#include "helpers.h"

typedef struct {
    const char *md;
    const char *prose; /* the prose blocks' texts joined by '|', U+FFFC as '#' */
} tpl_case;

static const tpl_case cases[] = {
    /* Liquid / Nunjucks / Jinja output and tags */
    {"See {{ site.baseurl }}/about now.", "See #/about now."},
    {"A {{site.url}} b", "A # b"},
    {"Go {{ \"/x/\" | url }} there", "Go # there"},
    {"A {{- page.title -}} b", "A # b"},
    {"Hugo {{ .Title }} and {{ $x }}.", "Hugo # and #."},
    {"{% include figure.html src=\"a.png\" %}", "#"},
    {"Before {% include x.html\n   alt=\"two lines\" %} after", "Before # after"},
    {"Link {% post_url 2020-01-01-x %} here", "Link # here"},
    {"# {{ page.title }}", "#"},
    {"| a | {{ x }} |\n|---|---|\n| {% y %} | d |", "a|#|#|d"},
    {"- item {{ x }} end", "item # end"},
    {"> quoted {{ x }}\n> more", "quoted # more"},
    /* spaces in the destination: not a link for cmark, text around tags */
    {"[{{ page.title }}]({{ page.url }})", "[#](#)"},
    /* raw and comment regions run across blocks */
    {"{% raw %}\nText {{ x }}\n\n## Head\n{% endraw %}\n\nAfter.", "#|#|#|After."},
    {"{%- raw -%}a{%- endraw -%} b", "# b"},
    {"{% comment %}\nHidden.\n\nAlso hidden.\n{% endcomment %}\nShown.", "#|# Shown."},
    {"{% raw %} never closed\n\nProse.", "# never closed|Prose."},
    /* Hugo shortcodes */
    {"{{< figure src=\"a.png\" caption=\"A caption\" >}}", "#"},
    {"{{<figure src=\"b.png\">}}", "#"},
    {"{{< notice >}}\nInside is prose.\n{{< /notice >}}", "# Inside is prose. #"},
    {"{{% notice tip %}}\nTip text.\n{{% /notice %}}", "# Tip text. #"},
    {"Text {{< ref \"x.md\" >}} more", "Text # more"},
    /* kramdown attribute lists */
    {"An image paragraph.\n{: .img-fluid}", "An image paragraph. #"},
    {"{: .lead}\nText.", "# Text."},
    {"[a link](https://x.org){:target=\"_blank\"} and more", "a link# and more"},
    {"*em*{: .x} tail", "em# tail"},
    {"## Heading {#id}\n\n{:toc}", "Heading {#id}|#"},
    /* admonitions and container fences */
    {"!!! note \"A title\"\n    Body.", "# Body."},
    {"!!! Important\n\ntext", "#|text"},
    {"??? tip \"Open me\"\n\nx", "#|x"},
    {"???+ warning inline end\n\nx", "#|x"},
    {":::tip\nTip body.\n:::", "# Tip body. #"},
    {"::: warning Careful\nBody.\n:::", "# Body. #"},
    {":::note[Title]{.x}\nBody.\n:::", "# Body. #"},
    /* MDX */
    {"import Tabs from '@theme/Tabs';\nimport X from \"x\";\n\nProse.", "#|Prose."},
    {"export const meta = {\n  a: 1,\n};\n\nProse.", "#|Prose."},
    {"import {A, B} from './x';\n\nProse.", "#|Prose."},
    /* not templates: literal braces, prose that looks close */
    {"Sets {x} and {y, z} in maths.", "Sets {x} and {y, z} in maths."},
    {"A {{ }} and {{}} stay.", "A {{ }} and {{}} stay."},
    {"An {{ unclosed tag\n\nNext.", "An {{ unclosed tag|Next."},
    {"printf(\"{%d}\") and {% 5 %}", "printf(\"{%d}\") and {% 5 %}"},
    {"A {: not an attribute list} here", "A {: not an attribute list} here"},
    {"!!! wow this is exciting", "!!! wow this is exciting"},
    {"Text.\n!!! note", "Text. !!! note"},
    {"!!! note \"Title\" and more", "!!! note \"Title\" and more"},
    {"??? I have no idea.", "??? I have no idea."},
    {"Ratio 1:::2 is odd", "Ratio 1:::2 is odd"},
    {"import the data first, then export it.", "import the data first, then export it."},
    {"Text\nimport X from 'y'", "Text import X from 'y'"},
    {"`{{ x }}` and `{% y %}`", "# and #"},
    {"```\n{{ x }}\n```\n\nAfter {{ y }}.", "After #."},
    {"Code `{{` then prose }} stays", "Code # then prose }} stays"},
};

static void prose_of(const civ_doc *doc, char *out, size_t n)
{
    size_t k = 0;
    out[0] = '\0';
    for (size_t i = 0; i < doc->nblocks; i++) {
        const civ_block *b = &doc->blocks[i];
        if (!civ_block_is_prose(b))
            continue;
        if (k && k + 1 < n)
            out[k++] = '|';
        for (size_t j = 0; j < b->text_len && k + 1 < n;) {
            if (b->text_len - j >= CIV_OBJ_LEN && memcmp(b->text + j, CIV_OBJ, CIV_OBJ_LEN) == 0) {
                out[k++] = '#';
                j += CIV_OBJ_LEN;
            } else {
                out[k++] = b->text[j++];
            }
        }
    }
    out[k] = '\0';
}

/* Verbatim text equals its source and lies outside template syntax;
 * template placeholders lie inside it. */
static void check_positions(const tdoc *t, const char *md)
{
    const civ_doc *doc = t->doc;
    for (size_t i = 0; i < doc->nblocks; i++) {
        const civ_block *b = &doc->blocks[i];
        for (size_t k = 0; k < b->nsegs; k++) {
            const civ_seg *g = &b->segs[k];
            if (!g->verbatim)
                continue;
            ck_assert_msg(memcmp(b->text + g->t0, t->src->data + g->s0, g->t1 - g->t0) == 0,
                          "'%s': verbatim segment differs from the source", md);
            for (size_t s = g->s0; s < g->s1; s++)
                ck_assert_msg(!civ_templates_at(doc->templates, doc->ntemplates, s),
                              "'%s': prose at offset %zu is inside template syntax", md, s);
        }
        for (size_t k = 0; k < b->ninl; k++) {
            const civ_inline *in = &b->inl[k];
            if (in->kind != CIV_INL_TEMPLATE)
                continue;
            const civ_tpl_span *x = civ_templates_at(doc->templates, doc->ntemplates, in->s0);
            ck_assert_msg(x && in->s1 <= x->s1, "'%s': template placeholder outside its span", md);
        }
    }
}

START_TEST(test_template_prose)
{
    const tpl_case *c = &cases[_i];
    tdoc *t = tdoc_new(c->md);
    char got[512];
    prose_of(t->doc, got, sizeof got);
    ck_assert_msg(strcmp(got, c->prose) == 0, "'%s': prose '%s', expected '%s'", c->md, got, c->prose);
    check_positions(t, c->md);
    ck_assert_uint_eq(t->doc->lost, 0);
    tdoc_free(t);
}
END_TEST

/* A post full of unclosed openers stays linear (each search is bounded). */
START_TEST(test_template_unclosed_linear)
{
    size_t n = 50000;
    char *md = malloc(n * 3 + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(md + 3 * i, i % 2 ? "{% " : "{{a", 3);
    md[n * 3] = '\0';
    size_t nt = 0;
    civ_tpl_span *s = civ_templates_scan(md, 0, n * 3, &nt);
    ck_assert_uint_eq(nt, 0);
    free(s);
    free(md);
}
END_TEST

Suite *suite_templates(void)
{
    Suite *s = suite_create("templates");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, test_template_prose, 0, sizeof cases / sizeof *cases);
    tcase_add_test(tc, test_template_unclosed_linear);
    tcase_set_timeout(tc, 30);
    suite_add_tcase(s, tc);
    return s;
}
