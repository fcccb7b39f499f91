/* test_sites.c - posts as sites keep them (issue 14): the author under the
 * keys sites use, an author data file, `required`, and the site generator
 * guessed from the tree with the typography its renderer implies. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/config.h"
#include "config/site.h"
#include "helpers.h"

typedef struct {
    const char *name;        /* the post's path */
    const char *md;
    const char *keys;        /* author-line.keys, space-separated; NULL: default */
    bool optional;           /* author-line.required: false */
    const char *data;        /* author data entries "KEY=1 KEY=2" (1 named, 2 empty); NULL: none */
    const char *message;     /* the finding's message; NULL: none */
} key_case;

static const key_case key_cases[] = {
    {"p.md", "---\nauthor: Ann Lee\n---\nText.\n", NULL, false, NULL, NULL},
    {"p.md", "---\nAuthor: Ann Lee\n---\nText.\n", NULL, false, NULL, NULL},
    {"p.md", "---\nby: Ann Lee\n---\nText.\n", NULL, false, NULL, NULL},
    {"p.md", "---\nbyline: Ann Lee\n---\nText.\n", NULL, false, NULL, NULL},
    {"p.md", "---\nauthor_name: Ann Lee\n---\nText.\n", NULL, false, NULL, NULL},
    {"p.md", "---\ncreator: Ann Lee\n---\nText.\n", NULL, false, NULL, NULL},
    {"p.md", "---\ncontributors: [ann, bob]\n---\nText.\n", NULL, false, NULL, NULL},
    {"p.md", "---\nauthors:\n  - name: Ann Lee\n---\nText.\n", NULL, false, NULL, NULL},
    {"p.md", "+++\nBy = \"Ann\"\n+++\nText.\n", NULL, false, NULL, NULL},
    {"p.md", "{\n\"creator\": {\"name\": \"Ann\"}\n}\nText.\n", NULL, false, NULL, NULL},
    {"p.md", "Title: T\nBy: Ann, Bob\n\nText.\n", NULL, false, NULL, NULL},
    /* empty values are reported at their key, even when not required */
    {"p.md", "---\nauthor: ''\n---\nText.\n", NULL, false, NULL, "'author' is empty: the post names no author"},
    {"p.md", "---\nauthors: []\n---\nText.\n", NULL, true, NULL, "'authors' is empty: the post names no author"},
    {"p.md", "---\nauthor:\n---\nText.\n", NULL, false, NULL, "'author' is empty: the post names no author"},
    {"p.md", "---\nauthors:\n  - name: ''\n---\nText.\n", NULL, false, NULL,
     "'authors' is empty: the post names no author"},
    {"p.md", "{\n\"title\": \"T\",\n\"by\": \"\"\n}\nText.\n", NULL, false, NULL,
     "'by' is empty: the post names no author"},
    {"p.md", "+++\nauthors = []\n+++\nText.\n", NULL, false, NULL, "'authors' is empty: the post names no author"},
    /* an empty key does not hide a filled one */
    {"p.md", "---\nauthor: ''\nby: Ann\n---\nText.\n", NULL, false, NULL, NULL},
    /* the configured keys only */
    {"p.md", "---\nwriter: Ann\n---\nText.\n", "writer", false, NULL, NULL},
    {"p.md", "---\nauthor: Ann\n---\nText.\n", "writer", false, NULL, "post has no author line"},
    {"p.md", "---\ntitle: T\n---\nText.\n", NULL, false, NULL, "post has no author line"},
    {"p.md", "---\ntitle: T\n---\nText.\n", NULL, true, NULL, NULL},
    /* the author data file: by path, a tail of it, slug, stem, undated stem, bundle */
    {"site/_posts/2024-03-10-trade.md", "Text.\n", NULL, false, "_posts/2024-03-10-trade.md=1", NULL},
    {"site/_posts/2024-03-10-trade.md", "Text.\n", NULL, false, "trade=1", NULL},
    {"site/_posts/2024-03-10-trade.md", "Text.\n", NULL, false, "2024-03-10-trade=1", NULL},
    {"p.md", "---\nslug: trade-talks\n---\nText.\n", NULL, false, "trade-talks=1", NULL},
    {"blog/2024-03-10-trade/index.md", "Text.\n", NULL, false, "trade=1", NULL},
    {"site/_posts/2024-03-10-trade.md", "Text.\n", NULL, false, "other=1", "post has no author line"},
    {"site/_posts/2024-03-10-trade.md", "Text.\n", NULL, false, "trade=2",
     "the author data file lists this post with no author"},
    {"site/_posts/2024-03-10-trade.md", "Text.\n", NULL, true, "trade=2",
     "the author data file lists this post with no author"},
};

START_TEST(test_sites_author_keys)
{
    const key_case *c = &key_cases[_i];
    civ_linter l;
    civ_linter_init(&l, test_rules());
    civ_policy only;
    civ_policy_init(&only);
    civ_linter_only(&l, &only, "author-line");
    char *keys[8], *kbuf = c->keys ? strdup(c->keys) : NULL;
    size_t nk = 0;
    for (char *t = kbuf ? strtok(kbuf, " ") : NULL; t && nk < 8; t = strtok(NULL, " "))
        keys[nk++] = t;
    if (kbuf) {
        l.ctx.author_keys = (const char *const *)keys;
        l.ctx.nauthor_keys = nk;
    }
    l.ctx.author_required = c->optional ? CIV_AUTHOR_NEVER : CIV_AUTHOR_POSTS;
    civ_strmap data;
    civ_strmap_init(&data);
    char *dbuf = c->data ? strdup(c->data) : NULL;
    for (char *t = dbuf ? strtok(dbuf, " ") : NULL; t; t = strtok(NULL, " ")) {
        char *eq = strchr(t, '=');
        civ_strmap_put(&data, t, (size_t)(eq - t), (void *)(uintptr_t)(eq[1] - '0'));
    }
    if (dbuf)
        l.ctx.author_data = &data;
    char *err = NULL;
    civ_source *src = civ_source_from_memory(c->name, c->md, strlen(c->md), &err);
    civ_diags d;
    civ_diags_init(&d);
    civ_lint(&l, src, &d);
    if (!c->message)
        ck_assert_msg(d.n == 0, "%s '%s': %zu findings (%s)", c->name, c->md, d.n, d.n ? d.items[0].message : "");
    else {
        ck_assert_msg(d.n == 1, "%s '%s': %zu findings", c->name, c->md, d.n);
        ck_assert_str_eq(d.items[0].message, c->message);
        /* an empty key is marked on the key itself */
        const char *q = strstr(c->message, "' is empty");
        if (q && c->message[0] == '\'')
            ck_assert_msg(memcmp(src->data + d.items[0].start, c->message + 1, (size_t)(q - c->message - 1)) == 0,
                          "%s: marked at '%.10s'", c->md, src->data + d.items[0].start);
    }
    civ_diags_release(&d);
    civ_source_free(src);
    civ_strmap_release(&data);
    free(kbuf);
    free(dbuf);
    civ_policy_release(&only);
}
END_TEST

/* The generator guessed from the tree, and what it implies. */
typedef struct {
    const char *files;   /* created under the temporary root, space-separated; a trailing '/' is a folder */
    const char *post;    /* the post's path under the root */
    const char *site;
    bool smart;
} guess_case;

static const guess_case guess_cases[] = {
    {"_config.yml _posts/", "_posts/2024-01-02-a.md", "jekyll", true},
    {"hugo.toml content/blog/x/", "content/blog/x/index.md", "hugo", true},
    {"config.toml layouts/ content/", "content/a.md", "hugo", true},
    {"config.toml content/", "content/a.md", "plain", false}, /* config.toml alone is not Hugo's */
    {".eleventy.js src/posts/", "src/posts/a.md", "eleventy", false},
    {"eleventy.config.mjs posts/", "posts/a.md", "eleventy", false},
    {"pelicanconf.py content/", "content/a.md", "pelican", false},
    {"mkdocs.yml docs/blog/posts/", "docs/blog/posts/a.md", "mkdocs", false},
    {"mkdocs.yml _config.yml docs/", "docs/a.md", "mkdocs", false}, /* the more specific wins */
    {"docusaurus.config.js blog/", "blog/2024-01-02-a.md", "docusaurus", false},
    {"docusaurus.config.ts blog/", "blog/a.md", "docusaurus", false},
    {"posts/", "posts/a.md", "plain", false},
    /* the search stops at the top of a repository */
    {"_config.yml repo/.git/ repo/posts/", "repo/posts/a.md", "plain", false},
    {"repo/.git/ repo/_config.yml repo/posts/", "repo/posts/a.md", "jekyll", true},
};

static void make_tree(const char *root, const char *files)
{
    char *buf = strdup(files);
    for (char *t = strtok(buf, " "); t; t = strtok(NULL, " ")) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", root, t);
        for (char *p = path + strlen(root) + 1; *p; p++) { /* parents */
            if (*p == '/') {
                *p = '\0';
                mkdir(path, 0700);
                *p = '/';
            }
        }
        if (t[strlen(t) - 1] != '/') {
            FILE *f = fopen(path, "w");
            ck_assert_ptr_nonnull(f);
            fclose(f);
        }
    }
    free(buf);
}

START_TEST(test_sites_guess)
{
    const guess_case *c = &guess_cases[_i];
    char root[] = "/tmp/civlint-site-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(root));
    /* the temporary root is its own repository: nothing above it counts */
    char top[600];
    snprintf(top, sizeof top, ".git/ %s", c->files);
    make_tree(root, top);
    civ_config_env env = {test_rules(), NULL, 0};
    civ_policy cli;
    civ_policy_init(&cli);
    civ_configs *cs = civ_configs_new(&env, &cli, NULL, true);
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, c->post);
    civ_file_settings fs;
    char *err = NULL;
    ck_assert(civ_configs_resolve(cs, path, &fs, &err));
    ck_assert_msg(strcmp(civ_site_name(fs.site), c->site) == 0, "%s: site %s, expected %s", c->files,
                  civ_site_name(fs.site), c->site);
    ck_assert_int_eq(fs.typography_smart, c->smart);
    ck_assert_int_eq(civ_policy_is_off(&fs.policy, "house.quotes"), c->smart);
    ck_assert_int_eq(civ_policy_is_off(&fs.policy, "house.ellipsis"), c->smart);
    ck_assert(!civ_policy_is_off(&fs.policy, "house.spaced-hyphen"));
    civ_file_settings_release(&fs);
    civ_configs_free(cs);
    civ_policy_release(&cli);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* A config's `site` and `typography` win over the guess; an explicit
 * enable wins over typography: smart. */
typedef struct {
    const char *yaml;
    const char *site;
    bool quotes_off;
} cfg_case;

static const cfg_case cfg_cases[] = {
    {"site: hugo\n", "hugo", true},
    {"site: pelican\n", "pelican", false},
    {"site: pelican\ntypography: smart\n", "pelican", true},
    {"site: hugo\ntypography: plain\n", "hugo", false},
    {"site: jekyll\nenable: [house.quotes]\n", "jekyll", false},
    {"typography: smart\n", "plain", true},
    {"site: hugo\noverrides:\n  - files: ['*.md']\n    typography: plain\n", "hugo", false},
};

START_TEST(test_sites_config)
{
    const cfg_case *c = &cfg_cases[_i];
    civ_config_env env = {test_rules(), NULL, 0};
    char *err = NULL;
    civ_config *cfg = civ_config_parse("t.yml", c->yaml, strlen(c->yaml), &env, &err);
    ck_assert_msg(cfg != NULL, "%s", err ? err : "");
    civ_policy cli;
    civ_policy_init(&cli);
    civ_file_settings fs;
    civ_config_settings(cfg, &env, "a.md", &cli, &fs);
    ck_assert_str_eq(civ_site_name(fs.site), c->site);
    ck_assert_int_eq(civ_policy_is_off(&fs.policy, "house.quotes"), c->quotes_off);
    civ_file_settings_release(&fs);
    civ_config_free(cfg);
    civ_policy_release(&cli);
}
END_TEST

/* Bad values are errors at their line. */
static const char *const bad_cfgs[][2] = {
    {"site: wordpress\n", "t.yml:1:7: error: 'site' must be"},
    {"typography: curly\n", "t.yml:1:13: error: 'typography' must be smart or plain"},
    {"author-line: {required: maybe}\n", "t.yml:1:25: error: 'author-line.required' must be posts, true or false"},
    {"author-line: {who: [a]}\n", "t.yml:1:15: error: unknown key 'who' in 'author-line'"},
    {"author-line: {data: /nonexistent/authors.yml}\n", "t.yml:1:21: error: author-line.data"},
};

START_TEST(test_sites_config_errors)
{
    civ_config_env env = {test_rules(), NULL, 0};
    char *err = NULL;
    civ_config *cfg = civ_config_parse("t.yml", bad_cfgs[_i][0], strlen(bad_cfgs[_i][0]), &env, &err);
    ck_assert_ptr_null(cfg);
    ck_assert_msg(err && strncmp(err, bad_cfgs[_i][1], strlen(bad_cfgs[_i][1])) == 0, "'%s': %s", bad_cfgs[_i][0],
                  err ? err : "(none)");
    free(err);
}
END_TEST

/* An author data file, JSON or YAML, in both shapes. */
START_TEST(test_sites_author_data_file)
{
    char dir[] = "/tmp/civlint-adata-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char p1[128], p2[128];
    snprintf(p1, sizeof p1, "%s/posts.json", dir);
    snprintf(p2, sizeof p2, "%s/authors.yml", dir);
    FILE *f = fopen(p1, "w");
    fputs("[{\"slug\": \"trade\", \"authors\": [\"Ann\"]}, {\"path\": \"_posts/x.md\", \"authors\": []}]\n", f);
    fclose(f);
    f = fopen(p2, "w");
    fputs("trade: Ann\n_posts/x.md: ''\nbundle: {name: Bob}\n", f);
    fclose(f);
    const char *paths[] = {p1, p2};
    for (int i = 0; i < 2; i++) {
        civ_strmap m;
        civ_strmap_init(&m);
        char *err = civ_author_data_load(paths[i], &m);
        ck_assert_msg(!err, "%s", err);
        ck_assert_ptr_eq(civ_strmap_get(&m, "trade", 5), (void *)1);
        ck_assert_ptr_eq(civ_strmap_get(&m, "_posts/x.md", 11), (void *)2);
        civ_strmap_release(&m);
    }
    unlink(p1);
    unlink(p2);
    rmdir(dir);
}
END_TEST

Suite *suite_sites(void)
{
    Suite *s = suite_create("sites");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, test_sites_author_keys, 0, sizeof key_cases / sizeof *key_cases);
    tcase_add_loop_test(tc, test_sites_guess, 0, sizeof guess_cases / sizeof *guess_cases);
    tcase_add_loop_test(tc, test_sites_config, 0, sizeof cfg_cases / sizeof *cfg_cases);
    tcase_add_loop_test(tc, test_sites_config_errors, 0, sizeof bad_cfgs / sizeof *bad_cfgs);
    tcase_add_test(tc, test_sites_author_data_file);
    suite_add_tcase(s, tc);
    return s;
}
