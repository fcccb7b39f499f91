/* test_site_syntax.c - the generator guessed from the posts' own syntax
 * (config/sitesyntax.h): each generator-only syntax is a piece of
 * evidence, the look-alikes that several generators read are not, and
 * syntax shown in code or raw blocks is not used. Invented snippets. */
#include <stdlib.h>

#include "config/config.h"
#include "config/sitesyntax.h"
#include "helpers.h"

#define J (1u << CIV_SITE_JEKYLL)
#define H (1u << CIV_SITE_HUGO)
#define E (1u << CIV_SITE_ELEVENTY)
#define P (1u << CIV_SITE_PELICAN)
#define M (1u << CIV_SITE_MKDOCS)
#define D (1u << CIV_SITE_DOCUSAURUS)

typedef struct {
    const char *md;
    unsigned sites; /* the first piece's generators; 0: no piece */
    size_t line;    /* its line */
} piece_case;

static const piece_case piece_cases[] = {
    /* Hugo */
    {"A map:\n\n{{< figure src=\"harbour.png\" >}}\n", H, 3},
    {"{{% notice tip %}}\nTie up at dusk.\n{{% /notice %}}\n", H, 1},
    {"{{<figure\n  src=\"a.png\"\n  caption=\"Tide\" >}}\n", H, 1},
    {"Write {{</* figure */>}} to escape it.\n", H, 1},
    {"{{< /gallery >}} alone closes\n>}}\n", H, 1},
    /* Jekyll: its own tags, variables and filters, kramdown's own syntax */
    {"See [the last one]({% post_url 2024-03-10-tides %}).\n", J, 1},
    {"{% include figure.html src=\"a.png\" %}\n", J, 1},
    {"{%- include_relative notes.md -%}\n", J, 1},
    {"{% include {{ page.box }} %}\n", J, 1},
    {"![Map]({{ site.baseurl }}/img/map.png)\n", J, 1},
    {"Data: {{site.data.tides.count}}\n", J, 1},
    {"[Home]({{ '/' | relative_url }})\n", J, 1},
    {"* list\n{:toc}\n", J, 2},
    {"{::options parse_block_html=\"true\" /}\n", J, 1},
    {"{:note: .callout}\n", J, 1},
    /* several generators: attribute lists, admonitions */
    {"A paragraph.\n{: .lead}\n", J | M | P, 2},
    {"## Title {:#top}\n", J | M | P, 1},
    {"!!! note \"Low tide\"\n    Wait for it.\n", M | P, 1},
    {"???+ warning\n    Rocks.\n", M | P, 1},
    /* Eleventy, Pelican, Docusaurus */
    {"[Next]({{ '/posts/next/' | url }})\n", E, 1},
    {"[Older]({filename}/2024/old.md) and ![x]({static}/img/a.png)\n", P, 1},
    {"[ref]: {attach}/files/a.pdf\n", P, 1},
    {"import Tabs from '@theme/Tabs';\n\nText.\n", D, 1},
    /* the front matter is skipped but counted in lines */
    {"---\ntitle: T\n---\n{{< video id=\"x\" >}}\n", H, 4},
    {"\xEF\xBB\xBF+++\ntitle = \"T\"\n+++\nText.\n{{< x >}}\n", H, 5},
    /* look-alikes: generic template syntax is no evidence */
    {"Hello {{ name }}.\n", 0, 0},
    {"{{ site.title }} and {{ page.url }}\n", 0, 0},
    {"{% if draft %}Draft{% endif %}\n", 0, 0},
    {"{% include \"card.njk\" %}\n", 0, 0},
    {"{% include 'card.liquid' %}\n", 0, 0},
    {"{% image \"a.png\", \"A harbour\" %}\n", 0, 0},
    {"{{ x | urlencode }} {{ y | url_encode }}\n", 0, 0},
    {"{ .md-button }\n", 0, 0},
    {"A set {: 1, 2} in maths\n", 0, 0},
    {"An arrow {{<- not a shortcode\n", 0, 0},
    {"{{< figure src=\"a.png\" never closed\n", 0, 0},
    {"::: tip\nBoth Docusaurus and VuePress.\n:::\n", 0, 0},
    {"We said {filename} in prose.\n", 0, 0},
    {"import data from './tides.json'\n", 0, 0},
    {"The price!!! is high\n", 0, 0},
    /* code and raw blocks show syntax, they do not use it */
    {"Write `{{< figure >}}` in the post.\n", 0, 0},
    {"Write ``{{< a >}} ` {{< b >}}`` here.\n", 0, 0},
    {"```\n{{< figure src=\"a.png\" >}}\n```\n", 0, 0},
    {"~~~~ md\n{% post_url x %}\n~~~\nstill code\n~~~~\n", 0, 0},
    {"  ```go\n  {{< x >}}\n  ```\nAfter {{< y >}}\n", H, 4},
    {"{% raw %}\n{{< figure src=\"a.png\" >}}\n{% endraw %}\n", 0, 0},
    {"{% raw %}{{< a >}}{% endraw %} {{< b >}}\n", H, 1},
    {"{% comment %}{% post_url x %}{% endcomment %}\n", 0, 0},
    {"---\nnote: \"{{< x >}}\"\n---\nText.\n", 0, 0},
    /* an unclosed code span is literal backticks */
    {"A ` tick then {{< x >}}\n", H, 1},
};

START_TEST(test_site_syntax_pieces)
{
    const piece_case *c = &piece_cases[_i];
    civ_site_piece p[4];
    size_t n = civ_site_pieces(c->md, strlen(c->md), p, 4);
    if (!c->sites) {
        ck_assert_msg(n == 0, "case %d: found '%s' on line %zu", _i, n ? p[0].what : "", n ? p[0].line : 0);
        return;
    }
    ck_assert_msg(n >= 1, "case %d: no piece", _i);
    ck_assert_msg(p[0].sites == c->sites, "case %d: sites %#x, expected %#x", _i, p[0].sites, c->sites);
    ck_assert_msg(p[0].line == c->line, "case %d: line %zu, expected %zu", _i, p[0].line, c->line);
}
END_TEST

typedef struct {
    const char *posts[3]; /* a folder's posts */
    int site;             /* the guess, or -1 */
    const char *first;    /* the first piece's description, or NULL */
    bool conflict;
} folder_case;

static const folder_case folder_cases[] = {
    {{"Text.\n", "{{< x >}}\n", NULL}, CIV_SITE_HUGO, "b.md:1: {{< … >}}", false},
    /* an attribute list alone fits three generators: no guess */
    {{"A.\n{: .lead}\n", NULL, NULL}, -1, "a.md:2: {: .class}", false},
    /* ...until a sibling names one of them */
    {{"A.\n{: .lead}\n", "[x]({% post_url y %})\n", NULL}, CIV_SITE_JEKYLL, "a.md:2: {: .class}", false},
    {{"!!! note\n    N.\n", "A.\n{: .lead}\n", NULL}, -1, "a.md:1: !!! note", false},
    /* conflicting evidence: no guess */
    {{"{{< x >}}\n", "{{ site.baseurl }}\n", NULL}, -1, "a.md:1: {{< … >}}", true},
    {{"Text.\n", "{{ x }}\n", NULL}, -1, NULL, false},
};

START_TEST(test_site_syntax_folder)
{
    const folder_case *c = &folder_cases[_i];
    civ_site_syntax s;
    civ_site_syntax_init(&s);
    static const char *const names[] = {"a.md", "b.md", "c.md"};
    for (size_t i = 0; i < 3 && c->posts[i]; i++)
        civ_site_syntax_scan(&s, names[i], c->posts[i], strlen(c->posts[i]));
    ck_assert_int_eq(civ_site_syntax_site(&s), c->site);
    if (c->first)
        ck_assert_str_eq(s.first ? s.first : "(none)", c->first);
    else
        ck_assert_ptr_null(s.first);
    ck_assert_int_eq(s.conflict != NULL, c->conflict);
    civ_site_syntax_release(&s);
}
END_TEST

Suite *suite_site_syntax(void)
{
    Suite *s = suite_create("site_syntax");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, test_site_syntax_pieces, 0, sizeof piece_cases / sizeof *piece_cases);
    tcase_add_loop_test(tc, test_site_syntax_folder, 0, sizeof folder_cases / sizeof *folder_cases);
    suite_add_tcase(s, tc);
    return s;
}
