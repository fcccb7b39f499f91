/* settings.c - see settings.h; and the run's settings checked before any
 * file is read (run.h: civ_run_check_rule_ids, civ_run_check_configs).
 * Lives in the driver because it is the one part allowed to see both the
 * configuration and the checks. */
#include "driver/settings.h"

#include <stdlib.h>
#include <string.h>

#include "driver/report.h"
#include "driver/run.h"
#include "policy/ruleids.h"

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
