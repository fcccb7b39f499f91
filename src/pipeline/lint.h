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

/* A rule is turned off in one way only: by the policy (configuration,
 * --enable/--disable, -W, all of them settings about rule ids). */
typedef struct {
    civ_ctx ctx;
    const civ_policy *policy; /* rule settings (config, -W); NULL: defaults */
} civ_linter;

/* Every check on, the default settings. */
void civ_linter_init(civ_linter *l, const civ_rules *rules);

/* Makes `only` the one check that runs: fills p (initialised by the
 * caller, released by the caller after the linter's last use) with every
 * other check turned off, and points the linter at it. For tests and
 * harnesses that look at one check; false when no check has that id. */
bool civ_linter_only(civ_linter *l, civ_policy *p, const char *only);

/* Lints src and appends the sorted findings to out: runs the checks whose
 * rule the policy does not turn off, applies the policy (drop, retag),
 * then the inline suppressions (suppress.h). */
void civ_lint(const civ_linter *l, const civ_source *src, civ_diags *out);

/* Adds the distinct unknown words of src (lower-cased) to out, for the
 * run's vocabulary (checks/spelling.h); nothing when spelling is off for
 * it or has no speller. */
void civ_lint_vocabulary(const civ_linter *l, const civ_source *src, civ_strmap *out);

/* Counts src under its categories in out (checks/author_sections.h), for
 * author-line's view of the run; nothing when author-line is off for it
 * or requires a byline everywhere or nowhere. */
struct civ_sections;
void civ_lint_sections(const civ_linter *l, const civ_source *src, struct civ_sections *out);

/* Adds the unknown words of src as written, with their occurrences, to out
 * (checks/spelling.h: civ_spelling_unknown); for --list-unknown. */
void civ_lint_unknown(const civ_linter *l, const civ_source *src, civ_strmap *out);

#endif
