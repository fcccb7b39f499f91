/* gate.h - what happens to a file's findings between linting and output:
 * --since (only changed lines), --baseline (only new findings),
 * --write-baseline (record them), --fix and --diff (apply safe fix-its).
 * The driver calls civ_gate_file once per linted file and civ_gate_finish
 * at the end, so its loop stays a loop. The gate prints nothing: the diff,
 * its notes, warnings and errors are left in the struct for the driver. */
#ifndef CIV_GATE_H
#define CIV_GATE_H

#include <stdbool.h>

#include "gate/baseline.h"
#include "diag/diag.h"
#include "pipeline/lint.h"
#include "source/source.h"
#include "base/util.h"

typedef struct {
    const char *since;          /* --since REF */
    const char *baseline;       /* --baseline FILE */
    const char *write_baseline; /* --write-baseline FILE */
    bool fix;                   /* --fix */
    /* --fix=RULES: when set, only the fixes of findings whose rule it
     * accepts are applied (the driver matches rule names; NULL: all) */
    bool (*fix_only)(const char *rule, const void *ud);
    const void *fix_only_ud;
    bool diff;                  /* --diff */
    bool force;                 /* --force: rewrite read-only files too */
} civ_gate_opts;

typedef struct {
    civ_gate_opts o;
    civ_baseline *base;         /* --baseline */
    civ_baseline *record;       /* --write-baseline */
    civ_buf diff;
    size_t baselined, fixed, fixed_files, outside;
    char **errors;              /* one-line messages for the driver (exit 2) */
    size_t nerrors, ecap;
    char **warnings;            /* files left unfixed (overlapping fixes) */
    size_t nwarnings, wcap;
    char **notes;               /* what the run did, for the driver to report
                                   ("fixed 2 findings in 1 file", "baseline: ..."),
                                   filled by civ_gate_finish */
    size_t nnotes, ncap;
} civ_gate;

/* Loads the baseline and checks the --since ref. False with *err (heap). */
bool civ_gate_init(civ_gate *g, const civ_gate_opts *o, char **err);
void civ_gate_release(civ_gate *g);

/* Filters and fixes the findings d of *src (read from `path`, shown as
 * `name`). After --fix changed the file, *src and d are replaced by a fresh
 * lint of the new contents (l lints it), so what is printed is what
 * remains. Problems are added to g->errors. */
void civ_gate_file(civ_gate *g, const civ_linter *l, const char *path, const char *name,
                   civ_source **src, civ_diags *d);

/* Writes the baseline (--write-baseline) and adds the run's notes (how
 * many findings were fixed, baselined, gone, outside --since, recorded) to
 * g->notes, in that order. Prints nothing: --diff's text is g->diff, which
 * the driver writes to standard output (it is output, like the findings).
 * False when writing the baseline failed (message added to g->errors). */
bool civ_gate_finish(civ_gate *g);

#endif
