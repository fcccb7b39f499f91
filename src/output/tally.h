/* tally.h - counts of findings per rule and per post, gathered while the
 * files stream past, for the summary table, the GitHub step summary and
 * the HTML report. Keeps counts and paths only, never sources. */
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

typedef struct {
    civ_tally_file *files;
    size_t nfiles, fcap;
    civ_tally_rule *rules; /* sorted by id */
    size_t nrules, rcap;
    size_t n[3];
    size_t total;
    size_t unreadable, with_findings;
} civ_tally;

void civ_tally_init(civ_tally *t);
/* Frees the paths and tables (not the tally itself). */
void civ_tally_release(civ_tally *t);
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
