/* suppress.h - inline suppressions in HTML comments, as authors know them
 * from markdownlint and Vale:
 *
 *     <!-- civlint-disable RULE[,RULE] -->      off from here ...
 *     <!-- civlint-enable RULE[,RULE] -->       ... to here
 *     <!-- civlint-disable-next-line RULE -->   the line after the comment
 *     <!-- civlint-disable-line RULE -->        the comment's own line
 *     <!-- civlint-disable-file RULE -->        the whole file
 *
 * No RULE means every rule. Rules are separated by commas or spaces; text
 * after " -- " is a reason and is ignored. Which comments count (HTML
 * blocks, inline HTML, paragraph text; never code; never unterminated) is
 * model/directives.h's rule, shared with civlint-allow and civlint-words.
 * A finding is suppressed by the state at the byte where its span starts.
 *
 * A directive that suppresses nothing, an `enable` with no `disable` before
 * it, an unknown rule id and a misspelt directive (`civlint-disabel`) are
 * reported as `unused-suppression` at the comment, so stale comments get
 * cleaned up. A rule the policy turns off is not reported as unused there
 * (the comment may matter under another configuration). */
#ifndef CIV_SUPPRESS_H
#define CIV_SUPPRESS_H

#include <stdbool.h>

#include "diag/diag.h"
#include "model/document.h"
#include "policy/policy.h"
#include "rules/rules.h"

#define CIV_RULE_UNUSED_SUPPRESSION "unused-suppression"

/* Removes the suppressed findings from d and, unless the policy (which may
 * be NULL) turns `unused-suppression` off, appends its findings at the
 * severity the policy gives. rules resolves rule ids (pack rules). */
void civ_suppress_apply(const civ_doc *doc, const civ_rules *rules, const civ_policy *policy,
                        civ_diags *d);

#endif
