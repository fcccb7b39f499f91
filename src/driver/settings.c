/* settings.c - see settings.h. Lives in the driver because it is the one
 * part allowed to see both the configuration and the checks. */
#include "driver/settings.h"

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
    ctx->author_optional = s->author_optional;
    ctx->author_data = s->author_data;
    if (s->acronym_max_length)
        ctx->acronym_max = s->acronym_max_length;
}
