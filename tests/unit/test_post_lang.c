/* test_post_lang.c - `lang:` in a post's front matter (driver/postlang.c):
 * how a value is read (BCP 47 or hunspell names, lists, a bare language,
 * what is no language), and which speller a post gets in each front-matter
 * format, with the note for what cannot be used. Invented posts. Needs
 * hunspell-en-gb (ci/install-deps). */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>

#include "driver/postlang.h"
#include "spell/spell.h"

typedef struct {
    const char *values[5];
    size_t n;
    const char *current;
    const char *want; /* the list, or "!" + the bad value */
} tag_case;

static const tag_case tag_cases[] = {
    {{"en_GB"}, 1, "en_US", "en_GB"},
    {{"en-GB"}, 1, "en_US", "en_GB"},
    {{"en-gb"}, 1, "en_US", "en_GB"},
    {{"EN_gb"}, 1, "en_US", "en_GB"},
    {{"sr-Latn-RS"}, 1, "en_US", "sr_RS"},
    {{"en_US", "en-GB"}, 2, "en_US", "en_US,en_GB"},
    {{"en"}, 1, "en_US", "en_US"},       /* English, in an en_US project: as it is */
    {{"en"}, 1, "en_GB,en_US", "en_GB"}, /* the list's first */
    {{"fr"}, 1, "en_US", "fr"},
    {{" en-CA "}, 1, "en_US", "en_CA"},
    {{"English"}, 1, "en_US", "!English"},
    {{"python"}, 1, "en_US", "!python"},
    {{"en_US", "Deutsch"}, 2, "en_US", "!Deutsch"},
    {{"e"}, 1, "en_US", "!e"},
    {{"en-GB; fr"}, 1, "en_US", "!en-GB; fr"},
    {{"en", "en", "en", "en", "en"}, 5, "en_US", "!en"},
};

START_TEST(test_tag_table)
{
    const tag_case *c = &tag_cases[_i];
    char out[64], got[80];
    const char *bad;
    bool ok = civ_post_lang(c->values, c->n, c->current, out, sizeof out, &bad);
    snprintf(got, sizeof got, "%s%s", ok ? "" : "!", ok ? out : bad);
    ck_assert_msg(strcmp(got, c->want) == 0, "case %d: got '%s', expected '%s'", _i, got, c->want);
}
END_TEST

typedef struct {
    const char *name;
    const char *md;
    const char *cfg_lang; /* .civlint.yml's lang, or NULL */
    const char *want;     /* the post's speller's language, then the note */
} post_case;

static const post_case post_cases[] = {
    {"YAML", "---\nlang: en-GB\n---\n\nText.\n", NULL, "en_GB"},
    {"TOML", "+++\nlang = \"en_GB\"\n+++\n\nText.\n", NULL, "en_GB"},
    {"JSON", "{\n\"lang\": \"en-GB\"\n}\n\nText.\n", NULL, "en_GB"},
    {"headers", "Title: A note\nLang: en-GB\n\nText.\n", NULL, "en_GB"},
    {"a YAML list", "---\nlang: [en-GB, en_US]\n---\n\nText.\n", NULL, "en_GB"},
    {"over the configuration's", "---\nlang: en_GB\n---\n\nText.\n", "en_US", "en_GB"},
    {"language: with a code", "---\nlanguage: en-GB\n---\n\nText.\n", NULL, "en_GB"},
    {"language: python is no language, and no note", "---\nlanguage: python\n---\n\nText.\n", NULL,
     "en_US"},
    {"none: the configuration's", "---\ntitle: x\n---\n\nText.\n", "en_GB", "en_GB"},
    {"the same as the default", "---\nlang: en-US\n---\n\nText.\n", NULL, "en_US"},
    {"no dictionary", "---\nlang: xx-YY\n---\n\nText.\n", NULL,
     "en_US|2:7 front matter lang 'xx-YY' has no hunspell dictionary installed; spelt as en_US"},
    {"no dictionary, a list", "---\nlang: [en_GB, xx-YY]\n---\n\nText.\n", NULL,
     "en_US|2:15 front matter lang 'xx-YY' has no hunspell dictionary installed; spelt as en_US"},
    {"no dictionary, a list over lines", "---\nlang:\n  - xx-YY\n---\n\nText.\n", NULL,
     "en_US|2:1 front matter lang has no hunspell dictionary installed; spelt as en_US"},
    {"no language", "---\nlang: English\n---\n\nText.\n", "en_GB",
     "en_GB|2:7 front matter lang 'English' is not a language like en_GB or en-GB; spelt as en_GB"},
    {"no language, in TOML", "+++\nlang = \"English\"\n+++\n\nText.\n", NULL,
     "en_US|2:9 front matter lang 'English' is not a language like en_GB or en-GB; spelt as en_US"},
};

START_TEST(test_post_table)
{
    const post_case *c = &post_cases[_i];
    civ_spellers *s = civ_spellers_new(NULL, NULL, NULL, NULL, 0);
    civ_ctx ctx = {.lang = c->cfg_lang};
    char got[512];
    test_post_spelt(s, &ctx, c->md, got, sizeof got);
    ck_assert_msg(strcmp(got, c->want) == 0, "%s: got '%s', expected '%s'", c->name, got, c->want);
    civ_spellers_free(s);
}
END_TEST

Suite *suite_post_lang(void)
{
    Suite *s = suite_create("post-lang");
    TCase *tc = tcase_create("post-lang");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_tag_table, 0, sizeof tag_cases / sizeof *tag_cases);
    tcase_add_loop_test(tc, test_post_table, 0, sizeof post_cases / sizeof *post_cases);
    suite_add_tcase(s, tc);
    return s;
}
