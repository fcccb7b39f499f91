/* test_site_pages.c - what a page is in its site (a post, or a
 * documentation or other page that carries no byline), the `required:
 * posts|true|false` modes of author-line, and the site's own name read
 * from its generator's configuration (figures.own-names). */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/config.h"
#include "config/site.h"
#include "helpers.h"

typedef struct {
    int site;
    const char *path;
    int kind; /* 0 unknown, 1 post, 2 page */
} kind_case;

static const kind_case kind_cases[] = {
    {CIV_SITE_JEKYLL, "_posts/2024-01-02-trade.md", 1},
    {CIV_SITE_JEKYLL, "_drafts/trade.md", 1},
    {CIV_SITE_JEKYLL, "about.md", 2},                 /* a Jekyll page outside _posts */
    {CIV_SITE_JEKYLL, "docs/install.md", 2},
    {CIV_SITE_JEKYLL, "_posts/guides/2024-01-02-x.md", 2}, /* the last folder that says wins */
    {CIV_SITE_DOCUSAURUS, "blog/2024-01-02-release.md", 1},
    {CIV_SITE_DOCUSAURUS, "docs/intro.md", 2},
    {CIV_SITE_DOCUSAURUS, "src/pages/team.md", 2},
    {CIV_SITE_MKDOCS, "docs/blog/posts/launch.md", 1},
    {CIV_SITE_MKDOCS, "docs/setup.md", 2},
    {CIV_SITE_MKDOCS, "docs/reference/api.md", 2},
    {CIV_SITE_HUGO, "content/posts/trade/index.md", 1},
    {CIV_SITE_HUGO, "content/docs/install.md", 2},
    {CIV_SITE_HUGO, "content/about.md", 0},
    {CIV_SITE_ELEVENTY, "src/posts/a.md", 1},
    {CIV_SITE_PLAIN, "a.md", 0},
    {CIV_SITE_PLAIN, "site/Blog/a/README.md", 1},     /* any case */
    {CIV_SITE_PLAIN, "site/handbook/onboarding.md", 2},
    {CIV_SITE_PLAIN, "docs.md", 0},                   /* a file name is not a folder */
    {CIV_SITE_PLAIN, "blogging/a.md", 0},             /* whole folder names only */
};

START_TEST(test_page_kind)
{
    const kind_case *c = &kind_cases[_i];
    ck_assert_msg(civ_site_page_kind(c->site, c->path) == c->kind, "%s %s: %d, expected %d",
                  civ_site_name(c->site), c->path, civ_site_page_kind(c->site, c->path), c->kind);
}
END_TEST

/* author-line with the page's kind from its path and its front matter. */
typedef struct {
    const char *md;
    int page_kind;  /* ctx->page_kind */
    int required;   /* ctx->author_required */
    bool reported;
} mode_case;

static const mode_case mode_cases[] = {
    {"---\ntitle: T\n---\nText.\n", CIV_PAGE_UNKNOWN, CIV_AUTHOR_POSTS, true},
    {"---\ntitle: T\n---\nText.\n", CIV_PAGE_POST, CIV_AUTHOR_POSTS, true},
    {"---\ntitle: T\n---\nText.\n", CIV_PAGE_DOC, CIV_AUTHOR_POSTS, false},
    {"---\ntitle: T\n---\nText.\n", CIV_PAGE_DOC, CIV_AUTHOR_ALWAYS, true},
    {"---\ntitle: T\n---\nText.\n", CIV_PAGE_POST, CIV_AUTHOR_NEVER, false},
    /* the layout or type the page renders with wins over its folder */
    {"---\nlayout: page\n---\nText.\n", CIV_PAGE_POST, CIV_AUTHOR_POSTS, false},
    {"---\nlayout: docs\n---\nText.\n", CIV_PAGE_UNKNOWN, CIV_AUTHOR_POSTS, false},
    {"---\ntype: Documentation\n---\nText.\n", CIV_PAGE_UNKNOWN, CIV_AUTHOR_POSTS, false},
    {"---\nlayout: post\n---\nText.\n", CIV_PAGE_DOC, CIV_AUTHOR_POSTS, true},
    {"---\nlayout: article\n---\nText.\n", CIV_PAGE_DOC, CIV_AUTHOR_POSTS, true},
    {"---\nlayout: default\n---\nText.\n", CIV_PAGE_UNKNOWN, CIV_AUTHOR_POSTS, true},
    {"+++\ntype = \"docs\"\n+++\nText.\n", CIV_PAGE_UNKNOWN, CIV_AUTHOR_POSTS, false},
    /* categories and tags that name a genre without bylines */
    {"---\ntags: [beginner-guide, rivers]\n---\nText.\n", CIV_PAGE_UNKNOWN, CIV_AUTHOR_POSTS, false},
    {"---\ncategories: Tutorials\n---\nText.\n", CIV_PAGE_UNKNOWN, CIV_AUTHOR_POSTS, false},
    {"---\ncategory: howto\n---\nText.\n", CIV_PAGE_POST, CIV_AUTHOR_POSTS, false},
    {"---\ntags: [faq]\n---\nText.\n", CIV_PAGE_UNKNOWN, CIV_AUTHOR_POSTS, false},
    {"---\ntags: [guidelines, policy]\n---\nText.\n", CIV_PAGE_UNKNOWN, CIV_AUTHOR_POSTS, true},
    {"---\ntags: [events]\ndescription: a guide to the day\n---\nText.\n", CIV_PAGE_UNKNOWN, CIV_AUTHOR_POSTS, true},
    {"---\ntags: [tutorial]\n---\nText.\n", CIV_PAGE_UNKNOWN, CIV_AUTHOR_ALWAYS, true},
    /* the title names a genre without bylines; the description opens by
     * saying what kind of page it is ("A guide on ...") */
    {"---\ntitle: River Gauges FAQ\n---\nText.\n", CIV_PAGE_POST, CIV_AUTHOR_POSTS, false},
    {"---\ntitle: \"Field guide: reading tide tables\"\n---\nText.\n", CIV_PAGE_POST, CIV_AUTHOR_POSTS, false},
    {"---\ntitle: Tutorials for new volunteers\n---\nText.\n", CIV_PAGE_UNKNOWN, CIV_AUTHOR_POSTS, false},
    {"---\ntitle: Loading gauges\ndescription: A guide on how to load gauge data\n---\nText.\n", CIV_PAGE_POST, CIV_AUTHOR_POSTS, false},
    {"---\ntitle: Loading gauges\ndescription: This tutorial shows the import\n---\nText.\n", CIV_PAGE_POST, CIV_AUTHOR_POSTS, false},
    {"---\ntitle: Our river day\ndescription: We wrote a guide on gauges\n---\nText.\n", CIV_PAGE_POST, CIV_AUTHOR_POSTS, true},
    {"---\ntitle: Loading gauges\ndescription: Step-by-step guide for the import\n---\nText.\n", CIV_PAGE_POST, CIV_AUTHOR_POSTS, false},
    {"---\ntitle: Loading gauges\ndescription: A guide to the day\n---\nText.\n", CIV_PAGE_POST, CIV_AUTHOR_POSTS, true},
    {"---\ntitle: Guidelines for the harbour\n---\nText.\n", CIV_PAGE_POST, CIV_AUTHOR_POSTS, true},
    {"---\ntitle: River Gauges FAQ\n---\nText.\n", CIV_PAGE_POST, CIV_AUTHOR_ALWAYS, true},
    /* an empty author key is reported on any page: someone meant to fill it */
    {"---\nlayout: page\nauthor: ''\n---\nText.\n", CIV_PAGE_DOC, CIV_AUTHOR_POSTS, true},
};

START_TEST(test_author_modes)
{
    const mode_case *c = &mode_cases[_i];
    civ_linter l;
    civ_linter_init(&l, test_rules());
    civ_policy only;
    civ_policy_init(&only);
    civ_linter_only(&l, &only, "author-line");
    l.ctx.page_kind = c->page_kind;
    l.ctx.author_required = c->required;
    char *err = NULL;
    civ_source *src = civ_source_from_memory("p.md", c->md, strlen(c->md), &err);
    civ_diags d;
    civ_diags_init(&d);
    civ_lint(&l, src, &d);
    ck_assert_msg((d.n > 0) == c->reported, "'%s' (kind %d, required %d): %zu findings", c->md, c->page_kind,
                  c->required, d.n);
    civ_diags_release(&d);
    civ_source_free(src);
    civ_policy_release(&only);
}
END_TEST

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

/* The site's name from each generator's configuration. */
typedef struct {
    const char *marker;
    const char *text;
    const char *name; /* NULL: none */
} title_case;

static const title_case title_cases[] = {
    {"_config.yml", "title: Harbour Watch\nbaseurl: /x\n", "Harbour Watch"},
    {"_config.yml", "title: \"Harbour Watch Blog | News from the port\"\n", "Harbour Watch"},
    {"_config.yml", "title: The Lantern Collective Blog\n", "Lantern Collective"},
    {"_config.yml", "baseurl: /x\n", NULL},
    {"_config.yml", "title: [not, a, name]\n", NULL},
    {"hugo.toml", "baseURL = 'https://x.org/'\ntitle = 'Riverside Data Lab'\n", "Riverside Data Lab"},
    {"hugo.yaml", "title: Riverside Data Lab - Notes\n", "Riverside Data Lab"},
    {"mkdocs.yml", "site_name: Quillwork Docs\nnav: []\n", "Quillwork"},
    {"mkdocs.yml", "title: Not This\n", NULL},
    {"docusaurus.config.js", "module.exports = {\n  title: 'Gridwise',\n  tagline: 'x',\n  themeConfig: {navbar: {title: 'Other'}}\n};\n",
     "Gridwise"},
    {"docusaurus.config.ts", "const config = {\n  title: `${name} site`,\n};\n", NULL},
    {"pelicanconf.py", "AUTHOR = 'A'\nSITENAME = \"Fenland Notes\"\n", "Fenland Notes"},
    {".eleventy.js", "module.exports = function () {};\n", NULL},
};

START_TEST(test_site_title)
{
    const title_case *c = &title_cases[_i];
    char root[] = "/tmp/civlint-title-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(root));
    write_file(root, c->marker, c->text);
    char *name = civ_site_title(root, c->marker);
    if (c->name)
        ck_assert_msg(name && strcmp(name, c->name) == 0, "%s: '%s', expected '%s'", c->marker,
                      name ? name : "(none)", c->name);
    else
        ck_assert_msg(!name, "%s: '%s', expected none", c->marker, name);
    free(name);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* Resolved for a file in a site: its kind from the path under the site's
 * root (not above it), and the site's name joining figures.own-names
 * once. */
START_TEST(test_site_resolve)
{
    char root[] = "/tmp/civlint-blog-XXXXXX"; /* "blog" above the root does not count */
    ck_assert_ptr_nonnull(mkdtemp(root));
    char dir[600];
    snprintf(dir, sizeof dir, "%s/.git", root);
    ck_assert_int_eq(mkdir(dir, 0700), 0);
    snprintf(dir, sizeof dir, "%s/_posts", root);
    ck_assert_int_eq(mkdir(dir, 0700), 0);
    write_file(root, "_config.yml", "title: Harbour Watch\n");
    write_file(root, ".civlint.yml", "figures: {own-names: [HW, Harbour Watch]}\n");
    civ_config_env env = {test_rules(), NULL, 0};
    civ_policy cli;
    civ_policy_init(&cli);
    civ_configs *cs = civ_configs_new(&env, &cli, NULL, false);
    static const char *const files[] = {"_posts/2024-01-02-a.md", "about.md"};
    for (int i = 0; i < 2; i++) {
        char path[700];
        snprintf(path, sizeof path, "%s/%s", root, files[i]);
        civ_file_settings fs;
        char *err = NULL;
        ck_assert_msg(civ_configs_resolve(cs, path, &fs, &err), "%s", err ? err : "");
        ck_assert_int_eq(fs.page_kind, i ? 2 : 1);
        ck_assert_uint_eq(fs.nfigure_own_names, 2); /* already listed: not twice */
        civ_file_settings_release(&fs);
    }
    civ_configs_free(cs);
    write_file(root, ".civlint.yml", "figures: {own-names: [HW]}\n");
    cs = civ_configs_new(&env, &cli, NULL, false);
    char path[700];
    snprintf(path, sizeof path, "%s/_posts/2024-01-02-a.md", root);
    civ_file_settings fs;
    char *err = NULL;
    ck_assert(civ_configs_resolve(cs, path, &fs, &err));
    ck_assert_uint_eq(fs.nfigure_own_names, 2);
    ck_assert_str_eq(fs.figure_own_names[0], "HW");
    ck_assert_str_eq(fs.figure_own_names[1], "Harbour Watch");
    ck_assert_ptr_eq(fs.site_title, fs.figure_own_names[1]);
    civ_file_settings_release(&fs);
    civ_configs_free(cs);
    civ_policy_release(&cli);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* `required: posts|true|false` in a config, and a bad value. */
START_TEST(test_required_values)
{
    static const char *const yaml[] = {"author-line: {required: posts}\n", "author-line: {required: true}\n",
                                       "author-line: {required: false}\n"};
    civ_config_env env = {test_rules(), NULL, 0};
    civ_policy cli;
    civ_policy_init(&cli);
    for (int i = 0; i < 3; i++) {
        char *err = NULL;
        civ_config *cfg = civ_config_parse("t.yml", yaml[i], strlen(yaml[i]), &env, &err);
        ck_assert_msg(cfg != NULL, "%s", err ? err : "");
        civ_file_settings fs;
        civ_config_settings(cfg, &env, "a.md", &cli, &fs);
        ck_assert_int_eq(fs.author_required, i);
        civ_file_settings_release(&fs);
        civ_config_free(cfg);
    }
    civ_file_settings fs;
    civ_config_settings(NULL, &env, "a.md", &cli, &fs);
    ck_assert_int_eq(fs.author_required, CIV_AUTHOR_POSTS);
    civ_file_settings_release(&fs);
    civ_policy_release(&cli);
}
END_TEST

Suite *suite_site_pages(void)
{
    Suite *s = suite_create("site-pages");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, test_page_kind, 0, sizeof kind_cases / sizeof *kind_cases);
    tcase_add_loop_test(tc, test_author_modes, 0, sizeof mode_cases / sizeof *mode_cases);
    tcase_add_loop_test(tc, test_site_title, 0, sizeof title_cases / sizeof *title_cases);
    tcase_add_test(tc, test_site_resolve);
    tcase_add_test(tc, test_required_values);
    suite_add_tcase(s, tc);
    return s;
}
