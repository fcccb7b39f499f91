/* cli.h - the command line.
 *
 * Every option is one row of the table in cli.c: its long and short name,
 * the name of its argument, its help text, its --help section and the
 * handler (or field setter) that stores it in civ_options. getopt_long's
 * option list, `civlint --help` and the man page's OPTIONS section
 * (`civlint --help-man`, kept in civlint.1 by tests/man-options) and the
 * README's option tables (`civlint --help-markdown`, kept in README.md by
 * tests/readme-options) are all
 * built from that table, so adding an option means adding one row (and,
 * when it sets something new, a field below). */
#ifndef CIV_CLI_H
#define CIV_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag/diag.h"
#include "gate/gate.h"
#include "output/output.h"
#include "policy/policy.h"

/* Exit statuses (DESIGN.md). */
enum { CIV_EXIT_CLEAN = 0, CIV_EXIT_FINDINGS = 1, CIV_EXIT_TROUBLE = 2 };

/* Default limits (README, Reliability, "Limits"): a post's head of 10 MB
 * is checked (cmark-gfm and the model take 35 to 110 times the input at
 * peak, so about 1 GB per thread), and at most 1,000 findings per file
 * are reported (no editor reads more; the output stays bounded). */
#define CIV_POST_MAX_DEFAULT ((size_t)10 << 20)
#define CIV_FINDINGS_MAX_DEFAULT ((size_t)1000)

/* civ_cli_parse's "no exit yet: run". */
enum { CIV_CLI_RUN = -1 };

/* Strings borrowed from argv, in command-line order. */
typedef struct {
    const char **items;
    size_t n, cap;
} civ_strlist;

/* What the command line asked for. */
typedef struct {
    const civ_formatter *fmt;  /* -f (default gcc) */
    int color;                 /* -1 auto, 0 never, 1 always */
    bool quiet;
    long width;                /* --width; -1: COLUMNS, the tty, else 80 */
    civ_columns columns;       /* --columns: the unit of printed columns */
    const char *stdin_name;    /* --stdin-filename; NULL: "-" */
    const char *link_base;     /* --link-base (checked), or NULL */
    civ_severity fail_on;
    bool list_rules;
    const char *explain;       /* --explain RULE */
    bool verbose;        /* -v: --list-rules shows engines */
    bool list_unknown;   /* --list-unknown: the unknown words of PATHS, counted */
    const char *explain_word; /* --explain-word WORD, or NULL */
    bool summary;              /* --summary: the summary table after the output */
    bool default_rules;        /* false with --no-default-rules */
    civ_strlist rule_dirs;     /* --rules, in order */
    unsigned jobs;             /* -j; 0: the number of cores for several files */
    size_t max_file_size;      /* --max-file-size: bytes of a post checked */
    size_t max_findings;       /* --max-findings per file; 0: no limit */
    civ_policy cli;            /* --enable, --disable and -W, in order */
    const char *config;        /* --config */
    bool no_config, print_config;
    bool lsp;                  /* --lsp: serve the language server on stdin/stdout */
    long max_warnings;         /* -1: no limit */
    civ_gate_opts gate;        /* --since, --baseline, --write-baseline, --fix, --diff, --force */
    civ_policy fix_rules;      /* --fix=RULES (levels unused); empty: every rule */
    const char *lang;          /* spelling (see spell.h) */
    const char *dict;
    civ_strlist words;         /* --words, in order */
    bool no_suggest;
    bool full_suggest;
    bool spell_stats;
    bool all_occurrences;      /* spelling: one finding per occurrence */
    long acronym_max;          /* -1: default */
    bool follow_symlinks;      /* --follow-symlinks: walks follow links out of the folder */
    bool no_ignore;            /* --no-ignore: walks skip nothing git ignores or the skip list names */
    char **paths;              /* the operands, borrowed from argv */
    size_t npaths;
} civ_options;

typedef struct civ_cli_option civ_cli_option;

/* Stores an option: returns CIV_CLI_RUN, or an exit status (after
 * reporting a bad argument, or printing --help). */
typedef int (*civ_cli_fn)(civ_options *o, const char *arg, const civ_cli_option *opt);

typedef enum {
    CIV_CLI_OPTION, /* an option */
    CIV_CLI_TEXT    /* a paragraph of --help between options (not in the man page) */
} civ_cli_kind;

struct civ_cli_option {
    civ_cli_kind kind;
    const char *section; /* --help heading ("Output") and the man page's .SS */
    const char *name;    /* long name without "--"; NULL: short only */
    char short_name;     /* 0: none */
    const char *arg;     /* the argument's name ("FILE"); NULL: takes none */
    bool optional;       /* the argument may be left out (--fix[=RULES]) */
    const char *help;    /* lines separated by '\n' (joined in the man page);
                            NULL: not shown (an alias, a tool for the build);
                            for CIV_CLI_TEXT, the text printed as it is */
    const char *(*help_fn)(void); /* or: the help made from another table
                                     (--format's from the formats' table) */
    civ_cli_fn fn;
    size_t field;        /* offsetof(civ_options, ...) for the field setters */
};

/* The defaults (format gcc, colour auto, --fail-on warning, ...). */
void civ_options_init(civ_options *o);
void civ_options_release(civ_options *o);

/* Parses argv into o (initialised). Returns CIV_CLI_RUN, or the exit
 * status when there is nothing to run: 0 after --help, --help-man,
 * --help-markdown or
 * --version, 2 after a usage error (reported on stderr). */
int civ_cli_parse(civ_options *o, int argc, char **argv);

/* The table, n rows. */
const civ_cli_option *civ_cli_table(size_t *n);

/* The help text of t: help_fn's, else help (NULL: not shown). */
const char *civ_cli_help(const civ_cli_option *t);

/* `civlint --help`. */
void civ_cli_print_help(FILE *fp);

/* The man page's OPTIONS section in troff, from ".SH OPTIONS" to the line
 * before the next .SH: what civlint.1 holds. */
void civ_cli_print_man(FILE *fp);

/* The README's option tables in Markdown (one per section), what README.md
 * holds between its "options" markers (tests/readme-options). */
void civ_cli_print_markdown(FILE *fp);

#endif
