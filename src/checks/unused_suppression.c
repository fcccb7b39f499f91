/* unused_suppression.c - `unused-suppression`: stale inline suppressions.
 *
 * Editorial rule: a `<!-- civlint-disable ... -->` comment that no longer
 * hides anything should be removed, or it will silently hide the next real
 * finding. Findings: a directive that suppressed nothing, an enable with no
 * disable before it, an unknown rule id or a misspelt directive.
 *
 * The work cannot happen here: whether a suppression was used is known
 * only after every other check ran and the policy was applied, so it is
 * done by the suppression pass (suppress.c), which civ_lint runs last. This
 * entry exists so the rule is in --list-rules and can be turned off or
 * retagged like any other; its run function does nothing. False positives:
 * a suppression of a rule that is off in this file's policy is not
 * reported, since it may matter under another configuration. */
#include "checks/check.h"

void civ_check_unused_suppression(const civ_doc *doc, const civ_ctx *ctx, civ_sink *sink)
{
    (void)doc;
    (void)ctx;
    (void)sink;
}
