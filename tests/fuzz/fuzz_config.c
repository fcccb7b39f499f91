/* fuzz_config.c - libFuzzer harness for the YAML files civlint reads
 * besides posts: rule packs (the *.yml files of rules/ and of --rules DIR) and configuration.
 *
 * Each input is used four ways:
 *   1. civ_ydoc_parse on the raw bytes (the YAML tree every loader shares:
 *      depth and node limits, aliases rejected);
 *   2. civ_config_parse, as a .civlint.yml in a folder that does not exist
 *      (so a fuzzed `rules:` or `dictionaries:` path reads nothing of the
 *      machine's), then the settings it gives one post;
 *   3. the rule-pack loader, civ_rules_load_file, on a temporary file holding
 *      the bytes (the loader reads by path and re-reads the file to quote
 *      the line of a bad pattern, so a real file exercises all of it);
 *   4. when the pack loads, a fixed post is linted with its definitions, so
 *      fuzzed patterns (byline, placeholder, ...) run through the checks
 *      under pcre2's match and depth limits.
 * The temp file lives in $TMPDIR (default /tmp) and is removed at exit. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/config.h"
#include "pipeline/lint.h"
#include "policy/policy.h"
#include "rules/rules.h"
#include "source/source.h"
#include "base/util.h"
#include "base/yamltree.h"
#include "fuzz_common.h"

static char g_path[4096];
static civ_source *g_post;
static civ_rules *g_rules; /* the shipped packs: config rule ids are checked against them */

static const char post[] =
    "---\ntitle: A post\nauthors: [Nino Beridze]\n---\n\n# Title\n\n## Empty\n\n"
    "## Section\n\nTBD\n\nSome prose with a figure of 12% and a [link](https://x.org).\n\n"
    "| a | b |\n|---|---|\n| cell | two |\n\n> quoted *text*\n\n"
    "Nino Beridze Author of the Blog, Researcher, Civic IDEA\n";

const char *civ_fuzz_datadir(void)
{
    const char *env = getenv("CIVLINT_DATADIR");
    return env && *env ? env : CIV_FUZZ_ROOT;
}

static void cleanup(void)
{
    if (g_path[0])
        unlink(g_path);
    civ_source_free(g_post);
    civ_rules_free(g_rules);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *tmp = getenv("TMPDIR");
    snprintf(g_path, sizeof g_path, "%s/civlint-fuzz-config-XXXXXX.yml",
             tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemps(g_path, 4);
    if (fd < 0) {
        perror("fuzz_config: mkstemps");
        abort();
    }
    close(fd);
    char *err = NULL;
    g_post = civ_source_from_memory("post.md", post, sizeof post - 1, &err);
    if (!g_post)
        abort();
    g_rules = civ_rules_new();
    civ_checks_declare(g_rules);
    char *dir = xasprintf("%s/rules", civ_fuzz_datadir());
    if (!civ_rules_load_dir(g_rules, dir, &err)) {
        fprintf(stderr, "fuzz_config: cannot load the shipped rules: %s\n", err);
        abort();
    }
    free(dir);
    atexit(cleanup);
    return 0;
}

static void write_input(const uint8_t *data, size_t size)
{
    FILE *f = fopen(g_path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0) {
        perror("fuzz_config: cannot write the temp file");
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *err = NULL;
    civ_ydoc *y = civ_ydoc_parse((const char *)data, size, 0, &err);
    if (y) {
        const civ_ynode *root = civ_ydoc_root(y);
        if (root && root->kind == CIV_Y_MAP) {
            (void)civ_ymap_get(root, "pack");
            (void)civ_ymap_get(root, "definitions");
        }
        civ_ydoc_free(y);
    }
    free(err);
    err = NULL;

    /* 2. the same bytes as a .civlint.yml (every key, globs, overrides) */
    civ_config_env env = {g_rules, NULL, 0};
    civ_config *c = civ_config_parse("/nonexistent-civlint-fuzz/.civlint.yml", (const char *)data, size, &env, &err);
    if (c) {
        civ_policy cli;
        civ_policy_init(&cli);
        civ_file_settings fs;
        civ_config_settings(c, &env, "/nonexistent-civlint-fuzz/posts/a b/post.md", &cli, &fs);
        civ_file_settings_release(&fs);
        civ_policy_release(&cli);
        civ_config_free(c);
    }
    free(err);
    err = NULL;

    write_input(data, size);
    civ_rules *r = civ_rules_new();
    civ_checks_declare(r);
    if (civ_rules_load_file(r, g_path, &err)) {
        civ_linter l;
        civ_linter_init(&l, r);
        civ_diags d;
        civ_diags_init(&d);
        civ_lint(&l, g_post, &d);
        civ_diags_release(&d);
    }
    free(err);
    civ_rules_free(r);
    return 0;
}
