/* test_config.c - .civlint.yml parsing: good files give the settings they
 * say, bad ones give an error at the right line:col; globs; precedence of
 * overrides and command line. */
#include "helpers.h"

#include <fnmatch.h>
#include <stdlib.h>

#include "config/config.h"

typedef struct {
    const char *name;
    const char *yaml;
    const char *error; /* expected start of the error after "t.yml:", or NULL */
} cfg_case;

static const cfg_case cases[] = {
    {"empty file", "", NULL},
    {"all keys", "enable: [author-line]\ndisable: empty-section\nseverity: {encoding: warning}\n"
                 "lang: en_GB\nfigures: {scope: paragraph}\nempty-section: {direct-content: true}\n"
                 "acronym-max-length: 6\nignore: ['*.tmp.md']\n"
                 "overrides:\n  - files: drafts/**\n    disable: [author-line]\n", NULL},
    {"unknown rule of a loaded pack", "severity: {structure.anything: error}\n",
     "1:12: error: unknown rule 'structure.anything': pack 'structure' has no rule 'anything'"},
    {"pack wildcard", "disable: [structure.*]\n", NULL},
    {"unknown key", "enable: []\nfoo: 1\n", "2:1: error: unknown key 'foo'"},
    {"unknown rule", "disable: [empty-sectoin]\n", "1:11: error: unknown rule 'empty-sectoin'"},
    {"unknown pack", "disable: [nopack.x]\n", "1:11: error: unknown rule 'nopack.x': no rule pack named 'nopack'"},
    {"unknown rule of the house pack", "disable: [house.x]\n", "1:11: error: unknown rule 'house.x': pack 'house' has no rule 'x'"},
    {"house pack rule", "disable: [house.kyiv]\n", NULL},
    {"bad severity", "severity:\n  encoding: fatal\n", "2:13: error: severity of 'encoding' must be"},
    {"severity not a map", "severity: [encoding]\n", "1:11: error: 'severity' must map"},
    {"bad scope", "figures:\n  scope: page\n", "2:10: error: 'figures.scope' must be sentence, adjacent or paragraph"},
    {"adjacent scope", "figures: {scope: adjacent}\n", NULL},
    {"figures keys", "figures:\n  self-attribution: report\n  own-names: [Acme Lab, Acme]\n", NULL},
    {"bad self-attribution", "figures: {self-attribution: never}\n",
     "1:29: error: 'figures.self-attribution' must be allow or report"},
    {"self-attribution in an override", "overrides:\n  - files: x\n    figures: {self-attribution: report}\n", NULL},
    {"own-names in an override", "overrides:\n  - files: x\n    figures: {own-names: [Acme]}\n",
     "3:26: error: 'figures.own-names' belongs at the top level"},
    {"own-names not strings", "figures: {own-names: [[Acme]]}\n", "1:23: error: 'figures.own-names' must list"},
    {"unknown figures key", "figures: {scop: sentence}\n", "1:11: error: unknown key 'scop' in 'figures'"},
    {"bad bool", "empty-section: {direct-content: yes}\n", "1:33: error: 'empty-section.direct-content' must be true or false"},
    {"bad number", "acronym-max-length: six\n", "1:21: error: 'acronym-max-length' must be a whole number"},
    {"number too small", "acronym-max-length: 1\n", "1:21: error: 'acronym-max-length'"},
    {"spelling terms", "spelling: {unknown-terms: note}\n", NULL},
    {"spelling terms in an override", "overrides:\n  - files: x\n    spelling: {unknown-terms: off}\n", NULL},
    {"bad spelling terms", "spelling: {unknown-terms: loud}\n",
     "1:27: error: 'spelling.unknown-terms' must be off, note or warning"},
    {"unknown spelling key", "spelling: {unknown-words: note}\n", "1:12: error: unknown key 'unknown-words' in 'spelling'"},
    {"spelling not a map", "spelling: note\n", "1:11: error: 'spelling' must be a mapping"},
    {"bad lang", "lang: english\n", "1:7: error: 'lang' must be a language"},
    {"lang list", "lang: [en_US, en_GB]\n", NULL},
    {"bad lang in a list", "lang: [en_US, british]\n", "1:15: error: 'lang' must be a language"},
    {"empty lang list", "lang: []\n", "1:7: error: 'lang' must not be an empty list"},
    {"lang list too long", "lang: [en_US, en_GB, en_CA, en_AU, en_NZ]\n", "1:8: error: 'lang' must be a language"},
    {"spelling foreign", "spelling: {foreign: note}\n", NULL},
    {"spelling foreign in an override", "overrides:\n  - files: x\n    spelling: {foreign: check}\n", NULL},
    {"bad spelling foreign", "spelling: {foreign: yes}\n", "1:21: error: 'spelling.foreign' must be skip, note or check"},
    {"missing dictionary", "dictionaries: [no-such.dic]\n", "1:16: error: cannot find 'no-such.dic'"},
    {"override without files", "overrides:\n  - disable: [encoding]\n", "2:5: error: override has no 'files'"},
    {"unknown override key", "overrides:\n  - files: x\n    site: hugo\n", "3:5: error: unknown key 'site' in an override"},
    {"lang in an override", "overrides:\n  - files: x\n    lang: en_GB\n", NULL},
    {"lang list in an override", "overrides:\n  - files: x\n    lang: [en_GB, en_US]\n", NULL},
    {"bad lang in an override", "overrides:\n  - files: x\n    lang: french\n",
     "3:11: error: 'lang' must be a language like en_GB"},
    {"bad lang in an override's list", "overrides:\n  - files: x\n    lang: [en_GB, fr-fr]\n",
     "3:19: error: 'lang' must be a language like en_GB"},
    {"empty lang list in an override", "overrides:\n  - files: x\n    lang: []\n",
     "3:11: error: 'lang' must not be an empty list"},
    {"lang mapping in an override", "overrides:\n  - files: x\n    lang: {fr: FR}\n",
     "3:11: error: 'lang' must be a language like en_GB"},
    {"duplicate lang in an override", "overrides:\n  - files: x\n    lang: en_GB\n    lang: en_CA\n",
     "4:5: error: duplicate key 'lang' (first at line 3)"},
    {"not a mapping", "- a\n- b\n", "1:1: error: a civlint configuration must be a YAML mapping"},
    /* an unclosed bracket is shown where it opened, not at the end */
    {"YAML syntax", "enable: [a\n", "1:9: error:"},
    {"list of non-strings", "ignore: [[a]]\n", "1:10: error: 'ignore' must list non-empty strings"},
    {"duplicate key", "lang: en_US\nlang: en_GB\n", "2:1: error: duplicate key 'lang' (first at line 1)"},
};

static civ_config_env env(void)
{
    civ_config_env e = {test_rules(), NULL, 0};
    return e;
}

START_TEST(test_config_table)
{
    const cfg_case *c = &cases[_i];
    civ_config_env e = env();
    char *err = NULL;
    civ_config *cfg = civ_config_parse("t.yml", c->yaml, strlen(c->yaml), &e, &err);
    if (!c->error) {
        ck_assert_msg(cfg != NULL, "%s: unexpected error: %s", c->name, err ? err : "");
    } else {
        ck_assert_msg(cfg == NULL, "%s: accepted", c->name);
        ck_assert_msg(strncmp(err, "t.yml:", 6) == 0 && strncmp(err + 6, c->error, strlen(c->error)) == 0,
                      "%s: got '%s', want 't.yml:%s...'", c->name, err, c->error);
    }
    free(err);
    civ_config_free(cfg);
}
END_TEST

/* Several errors in one file are all reported, one line each. */
START_TEST(test_config_all_errors)
{
    civ_config_env e = env();
    char *err = NULL;
    const char *y = "severity: {nope: error}\nfoo: 1\nbar: 2\n";
    ck_assert_ptr_null(civ_config_parse("t.yml", y, strlen(y), &e, &err));
    /* in file order, although they are found in another */
    const char *want = "t.yml:1:12: error: unknown rule 'nope'";
    ck_assert_msg(strncmp(err, want, strlen(want)) == 0, "%s", err);
    ck_assert_ptr_nonnull(strstr(err, "\nt.yml:2:1: error: unknown key 'foo'"));
    ck_assert_ptr_nonnull(strstr(err, "\nt.yml:3:1: error: unknown key 'bar'"));
    ck_assert_ptr_null(strchr(strstr(err, "'bar'"), '\n'));
    free(err);
}
END_TEST

typedef struct {
    const char *glob, *path;
    bool match;
} glob_case;

static const glob_case globs[] = {
    {"drafts/**", "drafts/a.md", true},
    {"drafts/**", "drafts/x/y/a.md", true},
    {"drafts/**", "posts/drafts/a.md", false},
    {"**/drafts/**", "posts/drafts/a.md", true},
    {"**/drafts/*.md", "drafts/a.md", true},
    {"drafts/", "drafts/sub/a.md", true},
    {"drafts/*.md", "drafts/sub/a.md", false},
    {"*.tmp.md", "deep/in/x.tmp.md", true},
    {"*.tmp.md", "x.md", false},
    {"posts/*.md", "./posts/a.md", true},
    {"/posts/*.md", "posts/a.md", true},
    {"*.md", ".hidden.md", false},
    {"p?sts/[ab].md", "posts/a.md", true},
    {"drafts/**", "drafts", false},
    {"**", "a/b.md", true},
    {"**/x.md", "x.md", true},
    {"a/**/b/**/c.md", "a/b/c.md", true},
    {"a/**/b/**/c.md", "a/x/y/b/z/c.md", true},
    {"a/**/b/**/c.md", "a/x/y/z/c.md", false},
    {"**/**/**/x.md", "a/b/c/d/x.md", true},
    {"posts/*.md", "posts/.hidden.md", false},
    {"posts/.*.md", "posts/.hidden.md", true},
    {"posts/\\*.md", "posts/*.md", true},
    {"posts/\\*.md", "posts/a.md", false},
    {"posts/[[:digit:]]*.md", "posts/2024-x.md", true},
    {"posts/[!0-9]*.md", "posts/2024-x.md", false},
    {"posts/[]x].md", "posts/].md", true},
    {"posts/[x", "posts/[x", true},
    {"*a*b*c.md", "xaybzc.md", true},
    {"*a*b*c.md", "xaybz.md", false},
    {"posts/*/a.md", "posts/x/y/a.md", false},
};

/* The same answers as fnmatch(3) with FNM_PERIOD for one segment, over
 * generated patterns and names. */
START_TEST(test_glob_like_fnmatch)
{
    static const char *const pats[] = {"*", "?", "a*", "*a", "*a*", "a?c", "[ab]*", "[!a]*", "*.md",
                                       ".*", "\\*", "***", "*?*", "a*b*c", "[[:upper:]]*", "[]a]"};
    static const char *const names[] = {"", "a", "abc", ".a", "ab.md", "*", "]", "Abc", "aXbYc", "b"};
    for (size_t i = 0; i < sizeof pats / sizeof *pats; i++)
        for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
            char *glob = xasprintf("d/%s", pats[i]), *path = xasprintf("d/%s", names[k]);
            bool want = fnmatch(pats[i], names[k], FNM_PERIOD) == 0;
            ck_assert_msg(civ_glob_match(glob, path) == want, "'%s' vs '%s': fnmatch says %d", pats[i],
                          names[k], want);
            free(glob);
            free(path);
        }
}
END_TEST

/* Repeated "**" and many stars: the work grows with the sizes, not
 * exponentially (0.1: "**" x 30 on a deep path took 60 s a file). At N and
 * 4N the work must stay within 4.5x of linear in each size. */
static size_t glob_work(size_t stars, size_t depth)
{
    civ_buf g, p;
    civ_buf_init(&g);
    civ_buf_init(&p);
    for (size_t i = 0; i < stars; i++)
        civ_buf_puts(&g, "**/");
    civ_buf_puts(&g, "*a*a*a*a*a*a*b/x.md");
    for (size_t i = 0; i < depth; i++)
        civ_buf_puts(&p, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/");
    civ_buf_puts(&p, "y.md");
    size_t work = 0;
    ck_assert(!civ_glob_match_counted(g.data, p.data, &work));
    civ_buf_release(&g);
    civ_buf_release(&p);
    return work;
}

START_TEST(test_glob_scaling)
{
    size_t base = glob_work(8, 16), more_stars = glob_work(32, 16), deeper = glob_work(8, 64);
    ck_assert_msg(more_stars <= base * 4.5 && deeper <= base * 4.5,
                  "work %zu, 4x stars %zu, 4x depth %zu", base, more_stars, deeper);
}
END_TEST

START_TEST(test_glob_table)
{
    const glob_case *g = &globs[_i];
    ck_assert_msg(civ_glob_match(g->glob, g->path) == g->match, "'%s' vs '%s': expected %s", g->glob,
                  g->path, g->match ? "match" : "no match");
}
END_TEST

/* Top level < matching overrides in order < command line. */
START_TEST(test_precedence)
{
    civ_config_env e = env();
    char *err = NULL;
    const char *y = "severity: {empty-section: error, author-line: note}\n"
                    "figures: {scope: paragraph}\n"
                    "spelling: {unknown-terms: note, foreign: note}\n"
                    "overrides:\n"
                    "  - files: drafts/**\n    disable: [empty-section]\n    figures: {scope: sentence}\n"
                    "    spelling: {unknown-terms: warning, foreign: check}\n"
                    "  - files: '*.md'\n    enable: [empty-section]\n";
    civ_config *cfg = civ_config_parse("/proj/.civlint.yml", y, strlen(y), &e, &err);
    ck_assert_msg(cfg != NULL, "%s", err ? err : "");
    civ_policy cli;
    civ_policy_init(&cli);
    civ_policy_add(&cli, "author-line", CIV_LEVEL_OFF);
    civ_file_settings fs;
    civ_config_settings(cfg, &e, "drafts/a.md", &cli, &fs);
    civ_severity sev;
    /* disabled by the first override, enabled again (keeping its
     * severity) by the second */
    ck_assert(civ_policy_lookup(&fs.policy, "empty-section", CIV_SEV_WARNING, &sev));
    ck_assert_int_eq(sev, CIV_SEV_ERROR);
    ck_assert(!civ_policy_lookup(&fs.policy, "author-line", CIV_SEV_WARNING, &sev));
    ck_assert_int_eq(fs.figure_scope, CIV_FIGURES_SENTENCE);
    ck_assert_int_eq(fs.unknown_terms, 2); /* warning, from the override */
    ck_assert_int_eq(fs.foreign, 2);       /* check, from the override */
    civ_file_settings_release(&fs);
    civ_config_settings(cfg, &e, "posts/a.md", NULL, &fs);
    ck_assert_int_eq(fs.figure_scope, CIV_FIGURES_PARAGRAPH);
    ck_assert(!fs.figure_self_report); /* allow, the default */
    ck_assert_uint_eq(fs.nfigure_own_names, 0);
    ck_assert_int_eq(fs.unknown_terms, 1); /* note, from the top level */
    ck_assert_int_eq(fs.foreign, 1);       /* note, from the top level */
    ck_assert(civ_policy_lookup(&fs.policy, "author-line", CIV_SEV_WARNING, &sev));
    ck_assert_int_eq(sev, CIV_SEV_NOTE);
    civ_file_settings_release(&fs);
    civ_policy_release(&cli);
    civ_config_free(cfg);
}
END_TEST

/* figures: the default scope is adjacent; self-attribution and own-names
 * reach the file settings, and an override can report first-hand figures. */
START_TEST(test_figures_settings)
{
    civ_config_env e = env();
    char *err = NULL;
    civ_file_settings fs;
    civ_config_settings(NULL, &e, "a.md", NULL, &fs);
    ck_assert_int_eq(fs.figure_scope, CIV_FIGURES_ADJACENT);
    ck_assert(!fs.figure_self_report);
    civ_file_settings_release(&fs);
    const char *y = "figures: {own-names: [Acme Lab, Acme], scope: sentence}\n"
                    "overrides:\n  - files: audit/**\n    figures: {self-attribution: report}\n";
    civ_config *cfg = civ_config_parse("/proj/.civlint.yml", y, strlen(y), &e, &err);
    ck_assert_msg(cfg != NULL, "%s", err ? err : "");
    civ_config_settings(cfg, &e, "posts/a.md", NULL, &fs);
    ck_assert_int_eq(fs.figure_scope, CIV_FIGURES_SENTENCE);
    ck_assert(!fs.figure_self_report);
    ck_assert_uint_eq(fs.nfigure_own_names, 2);
    ck_assert_str_eq(fs.figure_own_names[0], "Acme Lab");
    ck_assert_str_eq(fs.figure_own_names[1], "Acme");
    civ_file_settings_release(&fs);
    civ_config_settings(cfg, &e, "audit/a.md", NULL, &fs);
    ck_assert(fs.figure_self_report);
    civ_file_settings_release(&fs);
    civ_config_free(cfg);
}
END_TEST

/* The policy applied by civ_lint: off rules are dropped, others retagged. */
START_TEST(test_policy_in_lint)
{
    civ_linter l;
    civ_linter_init(&l, test_rules());
    civ_policy p;
    civ_policy_init(&p);
    civ_policy_add(&p, "empty-section", CIV_SEV_ERROR);
    civ_policy_add(&p, "author-line", CIV_LEVEL_OFF);
    l.policy = &p;
    char *err = NULL;
    const char *md = "# A\n\n## B\n";
    civ_source *src = civ_source_from_memory("t.md", md, strlen(md), &err);
    civ_diags d;
    civ_diags_init(&d);
    civ_lint(&l, src, &d);
    ck_assert_uint_eq(d.n, 2); /* A and B are both empty */
    for (size_t i = 0; i < d.n; i++) {
        ck_assert_str_eq(d.items[i].rule, "empty-section");
        ck_assert_int_eq(d.items[i].severity, CIV_SEV_ERROR);
    }
    civ_diags_release(&d);
    civ_source_free(src);
    civ_policy_release(&p);
}
END_TEST

Suite *suite_config(void)
{
    Suite *s = suite_create("config");
    TCase *tc = tcase_create("config");
    tcase_add_loop_test(tc, test_config_table, 0, sizeof cases / sizeof *cases);
    tcase_add_test(tc, test_config_all_errors);
    tcase_add_loop_test(tc, test_glob_table, 0, sizeof globs / sizeof *globs);
    tcase_add_test(tc, test_glob_like_fnmatch);
    tcase_add_test(tc, test_glob_scaling);
    tcase_add_test(tc, test_precedence);
    tcase_add_test(tc, test_figures_settings);
    tcase_add_test(tc, test_policy_in_lint);
    suite_add_tcase(s, tc);
    return s;
}
