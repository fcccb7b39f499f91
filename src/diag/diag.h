/* diag.h - diagnostics: what a check found, where, and how to fix it.
 *
 * Checks add diagnostics to a civ_diags list through civ_diag_add and never
 * print; formatters read the sorted list. Spans are half-open byte ranges
 * in civ_source.data. */
#ifndef CIV_DIAG_H
#define CIV_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/util.h"

typedef enum { CIV_SEV_NOTE = 0, CIV_SEV_WARNING = 1, CIV_SEV_ERROR = 2 } civ_severity;

const char *civ_severity_name(civ_severity s);
/* Parses "error", "warning" or "note"; returns false otherwise. */
bool civ_severity_parse(const char *s, civ_severity *out);

typedef struct {
    size_t start, end;   /* the bytes to replace (start == end: insert) */
    char *replacement;
    bool safe;           /* unambiguous: --fix may apply it without a human
                            choosing (never a spelling suggestion); false
                            unless the check sets it */
} civ_fix;

typedef struct {
    const char *rule;    /* static rule id */
    civ_severity severity;
    size_t start, end;
    char *message;
    char **notes;
    size_t nnotes;
    char **suggestions;  /* alternatives offered (spelling); fixes[0] uses the first */
    size_t nsuggestions;
    civ_fix *fixes;
    size_t nfixes;
} civ_diag;

/* A problem with the run rather than the post: a rule pattern that hit
 * pcre2's match limit and gave up on a file. Kept apart from findings so
 * formatters never see it; the driver prints it on stderr. */
typedef struct {
    const char *rule;    /* rule id (outlives the list) */
    size_t off;          /* source offset where it gave up */
    const char *reason;  /* static text, e.g. "match limit" */
} civ_problem;

typedef struct {
    civ_diag *items;
    size_t n, cap;
    civ_problem *problems; /* at most one per rule */
    size_t nproblems, pcap;
} civ_diags;

void civ_diags_init(civ_diags *l);
void civ_diags_release(civ_diags *l);

/* Adds a diagnostic and returns it so the caller can attach notes and
 * fixes. `rule` must outlive the list (rule ids are static strings). The
 * pointer is valid until the next civ_diag_add on the same list. */
civ_diag *civ_diag_add(civ_diags *l, const char *rule, civ_severity sev, size_t start,
                       size_t end, const char *fmt, ...) CIV_PRINTF(6, 7);
/* As civ_diag_add with a va_list. */
civ_diag *civ_diag_addv(civ_diags *l, const char *rule, civ_severity sev, size_t start,
                        size_t end, const char *fmt, va_list ap);
void civ_diag_note(civ_diag *d, const char *fmt, ...) CIV_PRINTF(2, 3);
void civ_diag_suggest(civ_diag *d, const char *s);
/* Adds a fix-it (not safe) and returns it; the pointer is valid until the
 * next civ_diag_fix on d. */
civ_fix *civ_diag_fix(civ_diag *d, size_t start, size_t end, const char *replacement);
/* Frees what one diagnostic owns (for code that filters a list in place). */
void civ_diag_release(civ_diag *d);

/* Records a run problem for `rule`; only the first one per rule is kept,
 * so a rule that gives up is reported once per file. */
void civ_diags_problem(civ_diags *l, const char *rule, size_t off, const char *reason);

/* Sorts by position, then rule id, and drops exact duplicates (same rule,
 * span and message), so checks may overlap without doubled output. */
void civ_diags_sort(civ_diags *l);

/* On a sorted list: drops the findings of `rule` whose exact span a
 * finding of another rule also reports (one word, one warning: a house
 * rule that writes 'Nato' as 'NATO' says more than spelling's casing
 * note on the same letters). */
void civ_diags_drop_shadowed(civ_diags *l, const char *rule);

#endif
