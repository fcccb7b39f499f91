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
    ctx->empty_section_direct = s->empty_section_direct;
    ctx->unknown_terms = s->unknown_terms;
    ctx->foreign = s->foreign;
    if (s->acronym_max_length)
        ctx->acronym_max = s->acronym_max_length;
}
