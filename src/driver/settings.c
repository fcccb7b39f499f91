/* settings.c - see settings.h; and the run's settings checked before any
 * file is read (run.h: civ_run_check_rule_ids, civ_run_check_configs), or
 * printed (civ_run_print_config).
 * Lives in the driver because it is the one part allowed to see both the
 * configuration and the checks. */
#include "driver/settings.h"

#include <stdlib.h>
#include <string.h>

#include "driver/postlang.h"
#include "driver/report.h"
#include "driver/run.h"
#include "driver/sections.h"
#include "policy/ruleids.h"
#include "source/frontmatter.h"

void civ_file_settings_ctx(const civ_file_settings *s, civ_ctx *ctx)
{
    ctx->rules = s->rules;
    ctx->lang = s->lang;
    ctx->dictionaries = s->dictionaries;
    ctx->ndictionaries = s->ndictionaries;
    ctx->figure_scope = s->figure_scope;
    ctx->figure_self_report = s->figure_self_report;
    ctx->figure_own_names = s->figure_own_names;
    ctx->nfigure_own_names = s->nfigure_own_names;
    ctx->empty_section_direct = s->empty_section_direct;
    ctx->unknown_terms = s->unknown_terms;
    ctx->author_keys = s->author_keys;
    ctx->nauthor_keys = s->nauthor_keys;
    ctx->author_required = s->author_required; /* the same CIV_AUTHOR_* values */
    ctx->page_kind = s->page_kind;             /* the same CIV_PAGE_* values */
    ctx->nbsp_all = s->nbsp_all;
    ctx->author_data = s->author_data;
    ctx->foreign = s->foreign;
    if (s->acronym_max_length)
        ctx->acronym_max = s->acronym_max_length;
}

bool civ_run_check_rule_ids(civ_run *r)
{
    const civ_policy *cli = &r->o->cli, *fix = &r->o->fix_rules;
    bool ok = true;
    for (size_t i = 0; i < cli->n + fix->n; i++) {
        const char *id = i < cli->n ? cli->items[i].id : fix->items[i - cli->n].id;
        if (civ_rule_id_known(r->rules, id))
            continue;
        char buf[128];
        const char *near = civ_rule_id_nearest(r->rules, id, buf);
        if (near)
            civ_report_error("unknown rule '%s' (did you mean '%s'?)", id, near);
        else
            civ_report_error("unknown rule '%s' (see civlint --list-rules)", id);
        ok = false;
    }
    if (!ok)
        r->trouble = true;
    return ok;
}

/* The name a path is configured under: --stdin-filename for "-". */
static const char *config_name(const civ_options *o, const char *path)
{
    return strcmp(path, "-") == 0 && o->stdin_name ? o->stdin_name : path;
}

bool civ_run_check_configs(civ_run *r)
{
    bool ok = true;
    for (size_t i = 0; i < r->walk.n; i++) {
        civ_file_settings fs;
        char *err = NULL;
        /* cached per folder: a thousand posts under one config parse it once */
        if (civ_configs_resolve(r->configs, config_name(r->o, r->walk.paths[i]), &fs, &err)) {
            civ_file_settings_release(&fs);
            continue;
        }
        if (err)
            civ_report_located("%s", err); /* once per bad file */
        free(err);
        ok = false;
    }
    if (!ok)
        r->trouble = true;
    return ok;
}

/* The language a post is spelt in, over what the configuration gives:
 * --lang under no configured lang, then the post's own front matter as
 * the lint reads it (postlang.h), or why that is not used. A path that
 * cannot be read (standard input, a folder, no such file yet) has no
 * front matter. note (cap bytes) holds the why. */
static void post_lang(const civ_run *r, const char *path, const char *name,
                      civ_file_settings *fs, civ_post_choice *c, char *note, size_t cap)
{
    memset(c, 0, sizeof *c);
    if (!fs->lang && r->o->lang) {
        fs->lang = r->o->lang;
        fs->lang_from = CIV_LANG_FROM_CLI;
    }
    char *err = NULL;
    civ_source *src = strcmp(path, "-") != 0
                          ? civ_source_read_head(path, name, r->o->max_file_size, &err)
                          : NULL;
    free(err);
    if (!src)
        return;
    civ_spellers *s = civ_spellers_new(r->o->lang, r->o->dict, NULL, NULL, 0); /* loads nothing */
    civ_frontmatter fm;
    civ_frontmatter_parse(src, &fm);
    civ_post_choose(s, &fm, fs->lang ? fs->lang : civ_spellers_lang(s), c);
    civ_post_describe(src, c, note, cap);
    if (c->why) {
        fs->lang_note = note;
    } else if (c->field) {
        fs->lang = c->lang; /* c outlives the printing */
        fs->lang_from = CIV_LANG_FROM_POST;
    }
    civ_frontmatter_release(&fm);
    civ_spellers_free(s);
    civ_source_free(src);
}

int civ_run_print_config(civ_run *r)
{
    int status = CIV_EXIT_CLEAN;
    static const char *const stdin_only[] = {"-"};
    const char *const *paths = r->o->npaths ? (const char *const *)r->o->paths : stdin_only;
    size_t n = r->o->npaths ? r->o->npaths : 1;
    civ_run_scan_syntax(r, paths, n); /* the given posts' syntax, as a run of them sees it */
    for (size_t i = 0; i < n; i++) {
        const char *name = config_name(r->o, paths[i]);
        civ_file_settings fs;
        char *err = NULL;
        if (!civ_configs_resolve(r->configs, name, &fs, &err)) {
            if (err)
                civ_report_located("%s", err);
            free(err);
            status = CIV_EXIT_TROUBLE;
            continue;
        }
        civ_post_choice c;
        char note[256];
        post_lang(r, paths[i], name, &fs, &c, note, sizeof note);
        if (i)
            fputs("---\n", stdout);
        civ_file_settings_print(&fs, name, stdout);
        civ_file_settings_release(&fs);
    }
    return status;
}
