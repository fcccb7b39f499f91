/* test_config_lang.c - which language a post is spelt in: `lang` at the
 * top of .civlint.yml, in the `overrides` whose globs match the post (the
 * last one that sets it wins), and the post's own front-matter `lang:`
 * over both (driver/postlang.h); what --print-config says of it. Invented
 * posts and configurations. Needs hunspell-en-gb and -en-ca
 * (ci/install-deps). */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>

#include "config/config.h"
#include "driver/postlang.h"
#include "driver/settings.h"
#include "spell/spell.h"

#define UK "lang: en_US\noverrides:\n  - files: ['uk/**']\n    lang: en_GB\n"

typedef struct {
    const char *name;
    const char *yaml;  /* /proj/.civlint.yml */
    const char *path;  /* the post, from /proj */
    const char *post;  /* its text */
    const char *shown; /* --print-config's lang line, after "lang: " */
    const char *spelt; /* the speller the post gets (a list's main
                          language), then "|" and a note */
} lang_case;

static const lang_case cases[] = {
    {"no lang anywhere", "", "a.md", "Text.\n", "en_US  # the default", "en_US"},
    {"the top level", "lang: en_GB\n", "a.md", "Text.\n", "en_GB  # from the configuration's lang",
     "en_GB"},
    {"an override that matches", UK, "uk/a.md", "Text.\n",
     "en_GB  # from the override for \"uk/**\"", "en_GB"},
    {"below the override's folder", UK, "uk/2026/a.md", "Text.\n",
     "en_GB  # from the override for \"uk/**\"", "en_GB"},
    {"an override that does not match", UK, "us/a.md", "Text.\n",
     "en_US  # from the configuration's lang", "en_US"},
    {"an override with no top-level lang",
     "overrides:\n  - files: ['uk/**']\n    lang: en_GB\n", "uk/a.md", "Text.\n",
     "en_GB  # from the override for \"uk/**\"", "en_GB"},
    {"its second glob", "overrides:\n  - files: ['uk/**', '*.ca.md']\n    lang: en_CA\n",
     "x/a.ca.md", "Text.\n", "en_CA  # from the override for \"*.ca.md\"", "en_CA"},
    {"the last override that sets lang wins",
     UK "  - files: ['uk/scotland/**']\n    lang: en_CA\n", "uk/scotland/a.md", "Text.\n",
     "en_CA  # from the override for \"uk/scotland/**\"", "en_CA"},
    {"a later override without lang keeps it", UK "  - files: ['**']\n    disable: [encoding]\n",
     "uk/a.md", "Text.\n", "en_GB  # from the override for \"uk/**\"", "en_GB"},
    {"a list in an override", "overrides:\n  - files: ['uk/**']\n    lang: [en_GB, en_US]\n",
     "uk/a.md", "Text.\n", "[en_GB, en_US]  # from the override for \"uk/**\"", "en_GB"}, /* the main one */
    {"front matter over the override", UK, "uk/a.md", "---\nlang: en-US\n---\n\nText.\n",
     "en_GB  # from the override for \"uk/**\"", "en_US"},
    {"front matter over the top level", UK, "us/a.md", "---\nlang: en-CA\n---\n\nText.\n",
     "en_US  # from the configuration's lang", "en_CA"},
    {"a bare en keeps the override's English", UK, "uk/a.md", "---\nlang: en\n---\n\nText.\n",
     "en_GB  # from the override for \"uk/**\"", "en_GB"},
    {"front matter with no dictionary: the override's", UK, "uk/a.md",
     "---\nlang: xx-YY\n---\n\nText.\n", "en_GB  # from the override for \"uk/**\"",
     "en_GB|2:7 front matter lang 'xx-YY' has no hunspell dictionary installed; spelt as en_GB"},
};

/* The lang line of --print-config for the settings (after "lang: "). */
static void shown(const civ_file_settings *fs, char *out, size_t cap)
{
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);
    ck_assert_ptr_nonnull(fp);
    civ_file_settings_print(fs, "a.md", fp);
    fclose(fp);
    const char *l = strstr(text, "\nlang: ");
    ck_assert_ptr_nonnull(l);
    l += 7;
    snprintf(out, cap, "%.*s", (int)strcspn(l, "\n"), l);
    free(text);
}

START_TEST(test_lang_table)
{
    const lang_case *c = &cases[_i];
    civ_config_env e = {test_rules(), NULL, 0};
    char *err = NULL;
    civ_config *cfg = civ_config_parse("/proj/.civlint.yml", c->yaml, strlen(c->yaml), &e, &err);
    ck_assert_msg(cfg != NULL, "%s: %s", c->name, err ? err : "");
    civ_file_settings fs;
    char got[512];
    const char *path = c->path; /* /proj does not exist: globs see it as given */
    civ_config_settings(cfg, &e, path, NULL, &fs);
    shown(&fs, got, sizeof got);
    ck_assert_msg(strcmp(got, c->shown) == 0, "%s: shown '%s', expected '%s'", c->name, got,
                  c->shown);
    /* the lint's way: the settings into a ctx, then the post's front matter */
    civ_spellers *s = civ_spellers_new(NULL, NULL, NULL, NULL, 0);
    civ_ctx ctx = {0};
    civ_file_settings_ctx(&fs, &ctx);
    test_post_spelt(s, &ctx, c->post, got, sizeof got);
    ck_assert_msg(strcmp(got, c->spelt) == 0, "%s: spelt '%s', expected '%s'", c->name, got,
                  c->spelt);
    civ_spellers_free(s);
    civ_file_settings_release(&fs);
    civ_config_free(cfg);
}
END_TEST

Suite *suite_config_lang(void)
{
    Suite *s = suite_create("config-lang");
    TCase *tc = tcase_create("config-lang");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_lang_table, 0, sizeof cases / sizeof *cases);
    suite_add_tcase(s, tc);
    return s;
}
