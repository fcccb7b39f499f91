/* tally.h - the one count of findings of a run: totals by severity, per
 * rule and per post, gathered while the files stream past. The driver
 * keeps one tally for the run and reads its totals for the exit status,
 * --max-warnings and the closing line; every formatter's end() receives
 * it (the JSON summary, the summary table, the GitHub step summary, the
 * HTML report), so nothing counts twice. Keeps counts and paths only,
 * never sources.
 *
 * A driver does:
 *     civ_tally t;
 *     civ_tally_init(&t);
 *     for each file: civ_tally_add(&t, &result); fmt->file(&out, &result);
 *     fmt->end(&out, &t);
 *     exit status from t.n[CIV_SEV_ERROR], t.n[CIV_SEV_WARNING], ...;
 *     civ_tally_release(&t); */
#ifndef CIV_OUTPUT_TALLY_H
#define CIV_OUTPUT_TALLY_H

#include <stdio.h>

#include "output/output.h"

typedef struct {
    char *path;       /* owned */
    size_t n[3];      /* by civ_severity */
    size_t total;
    const char *error; /* why the file could not be read, or NULL (owned) */
} civ_tally_file;

typedef struct {
    const char *rule; /* borrowed: rule ids outlive the run */
    size_t n[3];
    size_t total;
} civ_tally_rule;

/* (output.h declares the name, for civ_formatter's end().) */
struct civ_tally {
    civ_tally_file *files;     /* in the order they were added */
    size_t nfiles, fcap;       /* nfiles: every file added, unreadable too */
    civ_tally_rule *rules;     /* sorted by id (strcmp) */
    size_t nrules, rcap;
    size_t n[3];               /* findings by civ_severity */
    size_t total;              /* all findings */
    size_t unreadable, with_findings;
};

/* An empty tally. */
void civ_tally_init(civ_tally *t);
/* Frees the paths and tables (not the tally itself); the tally is empty
 * again afterwards. */
void civ_tally_release(civ_tally *t);
/* Counts one file: its findings by severity and rule when it was read
 * (r->src and r->diags), else one unreadable file with r->error. Copies
 * the path and the error; borrows the rule ids (they outlive the run). */
void civ_tally_add(civ_tally *t, const civ_file_result *r);

/* Indexes of the files with findings, most first (then by errors, then
 * warnings, then path); at most `max` (0: all). Caller frees. */
size_t *civ_tally_top(const civ_tally *t, size_t max, size_t *n);
/* Rule indexes by total, most first (ties by id). Caller frees. */
size_t *civ_tally_rules_by_count(const civ_tally *t);

/* The aligned plain-text summary: totals by severity, per-rule counts and
 * the `top` posts with most findings. */
void civ_tally_print_text(const civ_tally *t, FILE *fp, size_t top);
/* The same as GitHub-flavoured Markdown tables, every post with findings. */
void civ_tally_print_markdown(const civ_tally *t, FILE *fp);

#endif
