/* allow_directive.c - `allow-directive`: per-post overrides must say why.
 *
 * Editorial rule: a post may keep a spelling the house style forbids - the
 * title of a cited report says "Uighur" - with an HTML comment that names
 * the rule, the exact term and the reason:
 *     <!-- civlint-allow house.uyghur "Uighur" -- title of a cited report -->
 * The reason is for the next editor, who must be able to tell a deliberate
 * exception from a silenced warning. The comments are found and parsed
 * once per post by src/model/directives.c (text/quotes.c hands them out);
 * the house-style rules ask civ_allows_permit() whether a term is allowed.
 *
 * Findings (error): a civlint-allow comment without a rule, without a
 * quoted term, with an unterminated or empty term, with text after the term
 * that is not '-- reason', or without a reason. A malformed directive allows
 * nothing. Comments that do not start with 'civlint-allow' are ignored.
 *
 * Also a finding: a RULE that names no loaded rule (a typo would
 * otherwise silently allow nothing). */
#include "checks/check.h"
#include "rules/rules.h"
#include "text/quotes.h"

void civ_check_allow_directive(const civ_doc *doc, const civ_ctx *ctx, civ_sink *sink)
{
    civ_allows al;
    civ_allows_parse(doc, &al);
    for (size_t i = 0; i < al.n; i++) {
        const civ_allow *a = &al.items[i];
        if (!a->problem && a->rule && ctx->rules && !civ_rule_id_known(ctx->rules, a->rule)) {
            civ_diag *d = civ_report(sink, a->s0, a->s1, "civlint-allow names an unknown rule '%s'", a->rule);
            civ_diag_note(d, "see civlint --list-rules for the rule ids");
            continue;
        }
        if (!a->problem)
            continue;
        civ_diag *d = civ_report(sink, a->s0, a->s1, "civlint-allow directive %s", a->problem);
        civ_diag_note(d, "write it as <!-- civlint-allow RULE \"TERM\" -- reason -->, e.g. "
                         "<!-- civlint-allow house.uyghur \"Uighur\" -- title of a cited report -->");
    }
    civ_allows_release(&al);
}
