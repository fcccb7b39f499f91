/* test_links.c - the HTML report's links to the posts (--link-base: which
 * values are accepted, how a path becomes part of an href) and the rule
 * explanations the html and sarif formats carry (issue 16, items 2 and 8). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "output/escape.h"
#include "output/output.h"
#include "output/tally.h"

typedef struct {
    const char *value;
    bool ok;
} base_case;

static const base_case base_cases[] = {
    {"https://github.com/org/repo/blob/main/", true},
    {"http://localhost:4000/posts/", true},
    {"HTTPS://Example.org/a?b=1&c=2#top", true}, /* schemes are case-insensitive */
    {"../site/posts/", true},
    {"posts/", true},
    {"/blog/", true},                            /* a path on the report's own host */
    {"https://ex\xC3\xA4mple.org/p\xC3\xB6sts/", true}, /* an IRI: the browser encodes it */
    {"", false},
    {"javascript:alert(1)", false},
    {"JaVaScRiPt:alert(1)", false},
    {"data:text/html;base64,PHNjcmlwdD4=", false},
    {"file:///etc/", false},
    {"vbscript:x", false},
    {"mailto:a@b.org", false},
    {"//evil.example/", false},                  /* another host without a scheme */
    {"https://", false},                         /* no host */
    {"https:///path", false},
    {"http:/one-slash", false},
    {"https://x.org/a b", false},                /* a space */
    {"https://x.org/\"onmouseover=\"alert(1)", false},
    {"https://x.org/<script>", false},
    {"https://x.org/\tx", false},
    {"https://x.org/\x1b[2J", false},
    {"posts:2024/", false},                      /* reads as a scheme */
};

START_TEST(test_link_base_check)
{
    const base_case *c = &base_cases[_i];
    const char *why = civ_link_base_check(c->value);
    ck_assert_msg((why == NULL) == c->ok, "'%s': %s", c->value, why ? why : "accepted");
}
END_TEST

typedef struct {
    const char *base, *path;
    size_t line;
    const char *want;
} href_case;

static const href_case href_cases[] = {
    {"https://h.org/o/r/blob/main/", "posts/a.md", 14, "https://h.org/o/r/blob/main/posts/a.md#L14"},
    {"https://h.org/o/r/blob/main/", "./posts/a.md", 0, "https://h.org/o/r/blob/main/posts/a.md"},
    {"https://h.org/o/r/blob/main/", "/abs/a.md", 1, "https://h.org/o/r/blob/main/abs/a.md#L1"},
    /* every byte of a path that is not unreserved is %XX: no quote, angle
     * bracket, '#', '?' or '&' from a file name reaches the attribute */
    {"../site/", "odd, name: 100% <x>.md", 2, "../site/odd%2C%20name%3A%20100%25%20%3Cx%3E.md#L2"},
    {"p/", "a\"b'c&d#e?f.md", 3, "p/a%22b%27c%26d%23e%3Ff.md#L3"},
    {"p/", "t\xC3\xA9st.md", 5, "p/t%C3%A9st.md#L5"},
    /* the base's own & (a query) is an entity in the attribute */
    {"https://h.org/view?repo=r&file=", "a.md", 7, "https://h.org/view?repo=r&amp;file=a.md#L7"},
};

START_TEST(test_link_href)
{
    const href_case *c = &href_cases[_i];
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    civ_link_href(fp, c->base, c->path, c->line);
    fclose(fp);
    ck_assert_str_eq(buf, c->want);
    free(buf);
}
END_TEST

/* Runs `format` over one file with one finding of rule house.kyiv, with a
 * rule list whose explanation holds characters JSON and HTML must escape. */
static char *run_format(const char *format, const char *link, const char *link_base, const char *path)
{
    static const char text[] = "Missiles struck Kiev overnight.\n";
    char *err = NULL;
    civ_source *src = civ_source_from_memory(path, text, strlen(text), &err);
    ck_assert_ptr_nonnull(src);
    civ_diags diags;
    civ_diags_init(&diags);
    civ_diag_add(&diags, "house.kyiv", CIV_SEV_WARNING, 16, 20, "write 'Kyiv'");
    civ_rule_info rules[2] = {
        {.id = "spelling", .description = "unknown words", .severity = CIV_SEV_WARNING, .off = true},
        {.id = "house.kyiv", .description = "Kyiv, not Kiev", .severity = CIV_SEV_WARNING, .link = link,
         .help = "house.kyiv \"quoted\" <b>bold</b>\n\nFlagged:\n  Kiev\n",
         .help_md = "**house.kyiv** `<b>`\n\n    Kiev\n"},
    };
    char *buf = NULL;
    size_t len = 0;
    civ_out out = {.fp = open_memstream(&buf, &len), .rules = rules, .nrules = 2, .link_base = link_base};
    const civ_formatter *f = civ_formatter_find(format);
    civ_file_result r = {src->name, src, &diags, NULL};
    civ_tally t;
    civ_tally_init(&t);
    f->begin(&out);
    civ_tally_add(&t, &r);
    f->file(&out, &r);
    f->end(&out, &t);
    civ_tally_release(&t);
    fclose(out.fp);
    civ_diags_release(&diags);
    civ_source_free(src);
    return buf;
}

START_TEST(test_sarif_help)
{
    char *s = run_format("sarif", "https://style.example.org/guide#places", NULL, "a.md");
    ck_assert_msg(strstr(s, "\"help\": {\"text\": \"house.kyiv \\\"quoted\\\" <b>bold</b>\\n\\nFlagged:\\n  Kiev\\n\", "
                            "\"markdown\": \"**house.kyiv** `<b>`\\n\\n    Kiev\\n\"}"),
                  "%s", s);
    ck_assert_msg(strstr(s, "\"helpUri\": \"https://style.example.org/guide#places\""), "%s", s);
    /* a rule without an explanation still has help (GitHub requires it) */
    ck_assert_msg(strstr(s, "\"help\": {\"text\": \"unknown words. Run 'civlint --explain spelling' for more.\""),
                  "%s", s);
    ck_assert_msg(!strstr(strstr(s, "helpUri") + 1, "helpUri"), "one helpUri, the linked rule's: %s", s);
    /* an off-by-default rule says so in its default configuration, and only it */
    const char *off = strstr(s, "\"defaultConfiguration\": {\"level\": \"warning\", \"enabled\": false}");
    ck_assert_msg(off && off < strstr(s, "\"house.kyiv\""), "spelling off by default: %s", s);
    ck_assert_msg(!strstr(strstr(s, "\"house.kyiv\""), "\"enabled\": false"), "house.kyiv is on by default: %s", s);
    free(s);
    /* a link that is no absolute http(s) URI is no helpUri */
    static const char *const bad[] = {"javascript:alert(1)", "guide.html#places", "//x.org/", NULL};
    for (size_t i = 0; bad[i]; i++) {
        s = run_format("sarif", bad[i], NULL, "a.md");
        ck_assert_msg(!strstr(s, "helpUri"), "%s: %s", bad[i], s);
        free(s);
    }
}
END_TEST

START_TEST(test_html_explanation_and_links)
{
    char *h = run_format("html", NULL, "https://h.org/b/", "posts/x\"y <z>.md");
    /* the explanation, escaped, in the rule's block; the finding links to it */
    ck_assert_msg(strstr(h, "<details class=\"rule\" id=\"rule-1\"><summary><code>house.kyiv</code> Kyiv, not Kiev"
                            "</summary>\n<pre>house.kyiv &quot;quoted&quot; &lt;b&gt;bold&lt;/b&gt;&#10;&#10;"
                            "Flagged:&#10;  Kiev&#10;</pre></details>"),
                  "%s", h);
    ck_assert_msg(strstr(h, "<a class=\"rule\" href=\"#rule-1\""), "%s", h);
    ck_assert_msg(!strstr(h, "id=\"rule-0\""), "a rule without findings is not explained");
    /* the heading and the position link to the post, the path encoded */
    ck_assert_msg(strstr(h, "<h3><a class=\"post-link\" href=\"https://h.org/b/posts/x%22y%20%3Cz%3E.md\">"
                            "posts/x&quot;y &lt;z&gt;.md</a></h3>"),
                  "%s", h);
    ck_assert_msg(strstr(h, "<a class=\"loc\" href=\"https://h.org/b/posts/x%22y%20%3Cz%3E.md#L1\">1:17</a>"),
                  "%s", h);
    free(h);
    /* standard input has no address */
    h = run_format("html", NULL, "https://h.org/b/", "-");
    ck_assert_msg(!strstr(h, "https://h.org/b/"), "%s", h);
    free(h);
    /* without --link-base no link leaves the page */
    h = run_format("html", NULL, NULL, "a.md");
    ck_assert_msg(!strstr(h, "href=\"h") && !strstr(h, "class=\"loc\" href"), "%s", h);
    free(h);
}
END_TEST

Suite *suite_links(void)
{
    Suite *s = suite_create("links");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, test_link_base_check, 0, sizeof base_cases / sizeof *base_cases);
    tcase_add_loop_test(tc, test_link_href, 0, sizeof href_cases / sizeof *href_cases);
    tcase_add_test(tc, test_sarif_help);
    tcase_add_test(tc, test_html_explanation_and_links);
    suite_add_tcase(s, tc);
    return s;
}
