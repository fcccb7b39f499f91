/* run.h - one run of civlint, as named stages.
 *
 * main.c calls the stages in order; each is a short function over the
 * run's state (civ_run):
 *
 *   load rules     civ_run_load_rules, civ_run_check_rule_ids
 *   configuration  civ_run_load_configs      (or civ_run_print_config)
 *                  civ_run_check_configs     (after the walk: every
 *                                             config, before any file)
 *   gate           civ_run_open_gate         (baseline, --since ref)
 *   spellers       civ_run_load_spellers
 *   walk           civ_run_walk              (paths -> files)
 *   lint           civ_run_lint              (workers read and lint, this
 *                                             thread gates and formats, in
 *                                             input order)
 *   close the gate civ_run_close_gate        (--diff, baseline, notes)
 *   exit status    civ_run_status
 *   report         civ_run_report            (the count on a terminal,
 *                                             --spell-stats)
 *
 * A stage that meets a problem reports it (report.h) and sets `trouble`,
 * which makes the exit status 2 after every other file was linted. */
#ifndef CIV_RUN_H
#define CIV_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "config/config.h"
#include "driver/cli.h"
#include "driver/walk.h"
#include "gate/gate.h"
#include "output/output.h"
#include "output/tally.h"
#include "pipeline/lint.h"
#include "rules/rules.h"
#include "spell/spellers.h"

typedef struct {
    const civ_options *o;       /* borrowed */
    const char *datadir;        /* borrowed: holds rules/ and dictionaries/ */
    bool trouble;               /* a problem was reported: exit 2 */
    int write_errno;            /* errno of the first failed write to stdout */
    civ_rules *rules;           /* the loaded packs */
    civ_linter linter;          /* the command line's settings */
    char **rule_dirs;           /* the pack folders, for .civlint.yml (heap) */
    size_t nrule_dirs;
    civ_config_env config_env;  /* what configs read it through (configs keeps a pointer) */
    civ_configs *configs;       /* .civlint.yml discovery and cache */
    civ_gate gate;
    bool gate_open;             /* gate is valid and must be released */
    char *house;                /* the house dictionary's path (heap) */
    civ_spellers *spellers;     /* NULL: spelling is off */
    civ_strmap run_words;       /* unknown word -> posts using it (checks/spelling.h) */
    bool have_run_words;        /* run_words is valid and must be released */
    struct civ_sections *sections; /* author-line's categories (sections.h), or NULL */
    civ_walk walk;              /* the files to lint */
    civ_rule_info *rule_info;   /* every known rule, for the formats (heap) */
    size_t nrule_info;
    civ_out out;                /* the format on stdout */
    const civ_formatter *sumfmt; /* --summary's table, or NULL */
    civ_out sumout;             /* ... on stdout after gcc, else on stderr */
    civ_tally tally;            /* the one count of findings (output/tally.h) */
    bool printing;              /* the formats print (not with --diff or --write-baseline) */
} civ_run;

/* Starts a run of the options o with the data folder datadir (both must
 * outlive the run). Release with civ_run_release. */
void civ_run_init(civ_run *r, const civ_options *o, const char *datadir);
void civ_run_release(civ_run *r);

/* Loads the shipped packs (unless --no-default-rules) and the --rules
 * folders; a bad pack is reported and skipped. False when one was bad. */
bool civ_run_load_rules(civ_run *r);

/* Usage errors first (settings.c): reports each rule id of --enable,
 * --disable, -W and --fix=RULES that no check or pack has, with the nearest known id
 * ("did you mean 'house.quotes'?"). False when there was one: the run
 * stops with status 2 before any file is read. */
bool civ_run_check_rule_ids(civ_run *r);

/* Resolves the configuration of every walked file before any is read
 * (settings.c): a bad .civlint.yml (an unknown rule, a bad key or value)
 * is reported once, located, and the run stops with status 2. True when
 * every configuration is good. */
bool civ_run_check_configs(civ_run *r);

/* --list-unknown: lints nothing; prints every unknown word of the walked
 * files as written, with its occurrences and the number of posts that use
 * it, most frequent first, on stdout (a comment line first). Read,
 * configuration and dictionary errors are reported as when linting. */
void civ_run_list_unknown(civ_run *r);
/* --explain-word: prints why the word is or is not a spelling finding
 * (checks/spelling.h), with the command line's spelling settings. */
void civ_run_explain_word(civ_run *r);

/* --list-rules: every rule with its severity and description, on stdout. */
void civ_run_list_rules(const civ_run *r);

/* Sets up .civlint.yml discovery (nothing is read yet). */
void civ_run_load_configs(civ_run *r);

/* --print-config: the merged settings of each path, as YAML, on stdout.
 * Returns the exit status. */
int civ_run_print_config(civ_run *r);

/* Loads the baseline and checks the --since ref. False (reported) when
 * the run cannot go on. */
bool civ_run_open_gate(civ_run *r);

/* The spellers, when the rule `spelling` is on: the command line's
 * dictionary now (so a missing one is reported before any file), the ones
 * a .civlint.yml asks for when a file first needs them. */
void civ_run_load_spellers(civ_run *r);

/* Turns the paths of the command line into the list of files ("-", standard
 * input, when there are none and it is not a terminal). */
void civ_run_walk(civ_run *r);

/* Lints every file: read and lint on worker threads (-j), then, on this
 * thread and in input order, the gate and the formats. */
void civ_run_lint(civ_run *r);

/* Writes --diff's text to stdout, the baseline to its file, and reports the
 * gate's notes, warnings and errors. */
void civ_run_close_gate(civ_run *r);

/* The exit status: 2 after trouble, 1 for findings at or above --fail-on
 * (or over --max-warnings, or a --diff that printed one), else 0. */
int civ_run_status(const civ_run *r);

/* The closing count on a terminal (gcc format) and --spell-stats. */
void civ_run_report(const civ_run *r);

#endif
