/* lint.h - the pipeline for one file: front matter -> cmark-gfm -> model ->
 * checks -> sorted diagnostics. Reading files and formatting results are
 * the driver's business (main.c); this is what the fuzzer and tests call. */
#ifndef CIV_LINT_H
#define CIV_LINT_H

#include <stdbool.h>

#include "checks/check.h"
#include "diag/diag.h"
#include "policy/policy.h"
#include "source/source.h"

typedef struct {
    civ_ctx ctx;
    bool enabled[64]; /* by index in the check table */
    const civ_policy *policy; /* rule settings (config, -W); NULL: defaults */
} civ_linter;

/* Sets every check to its default (all enabled). */
void civ_linter_init(civ_linter *l, const civ_rules *rules);

/* Enables or disables a check by id; false when no check has that id. */
bool civ_linter_set(civ_linter *l, const char *id, bool on);

/* Lints src and appends the sorted findings to out: runs the enabled
 * checks whose rule the policy does not turn off, applies the policy
 * (drop, retag), then the inline suppressions (suppress.h). */
void civ_lint(const civ_linter *l, const civ_source *src, civ_diags *out);

#endif
