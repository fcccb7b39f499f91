/* output.h - formatters. A formatter sees, per file, the path, the source
 * bytes with their line index (to quote lines and compute columns) and the
 * sorted diagnostics; never the document model or the AST. */
#ifndef CIV_OUTPUT_H
#define CIV_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "diag/diag.h"
#include "source/source.h"

/* The run's one count of findings (output/tally.h). */
typedef struct civ_tally civ_tally;

/* Describes one rule for formats that list rules (SARIF, html). */
typedef struct {
    const char *id;
    const char *description;
    civ_severity severity;
    const char *bad, *good; /* a pack rule's examples (flagged, accepted), or NULL */
    const char *link;       /* a pack rule's style-guide link as written, or NULL */
    char *help;             /* what `civlint --explain ID` prints, unescaped
                               (the formatter escapes it), or NULL */
    char *help_md;          /* the same as Markdown, or NULL */
    bool off;               /* off by default (turned on by a setting) */
} civ_rule_info;

/* The unit of the columns a format prints (--columns): code points (the
 * default, what civlint means by a column), UTF-8 bytes of the line as an
 * editor holds it (Vim's %c, Emacs's byte columns) or UTF-16 code units
 * (VS Code, SARIF's utf16CodeUnits, JavaScript). A format whose standard
 * fixes the unit keeps it (rdjsonl: bytes). */
typedef enum { CIV_COLUMNS_CODEPOINTS, CIV_COLUMNS_BYTES, CIV_COLUMNS_UTF16 } civ_columns;

/* "codepoints", "bytes" or "utf16" into *c; false for any other name. */
bool civ_columns_parse(const char *name, civ_columns *c);
const char *civ_columns_name(civ_columns c);

typedef struct {
    FILE *fp;
    bool color;
    bool quiet;                  /* gcc: header lines only */
    const civ_rule_info *rules;  /* every known rule */
    size_t nrules;
    void *state;                 /* the formatter's own, for one run: set by
                                    begin(), freed by end(); NULL before */
    size_t width;                /* gcc: the terminal's columns; a wider
                                    source line is cut to a window around
                                    the span (output/window.h); 0: never */
    civ_columns columns;         /* the unit of printed columns (--columns) */
    const char *link_base;       /* html: --link-base (checked by
                                    civ_link_base_check), or NULL */
} civ_out;

typedef struct {
    const char *path;
    const civ_source *src;   /* NULL when the file could not be read */
    const civ_diags *diags;  /* NULL when the file could not be read */
    const char *error;       /* why it could not be read */
} civ_file_result;

/* One output format. A run calls begin() once, file() for every file in
 * input order, then end() once with the run's tally, which holds every
 * file passed to file() (the totals, per-rule and per-post counts the
 * format may print). begin() allocates whatever state the format keeps
 * into o->state and end() frees it, so two runs (or --format and
 * --summary side by side) never share state. */
/* A format: one file in src/output/ and one row in registry.c's table;
 * --format, --help, the man page and the error for an unknown name all read
 * the table. */
typedef struct {
    const char *name;
    const char *summary; /* a few words for --help ("GitHub code scanning"), or NULL */
    void (*begin)(civ_out *o);
    void (*file)(civ_out *o, const civ_file_result *r);
    void (*end)(civ_out *o, const civ_tally *t);
} civ_formatter;

const civ_formatter *civ_formatter_find(const char *name);
/* The formats in the order --help lists them; *n of them. */
const civ_formatter *const *civ_formatters(size_t *n);
/* Comma-separated list of format names, for errors ("gcc, json, ..."). */
const char *civ_formatter_names(void);

/* Shared helpers for formatters. */
/* Line and column of byte offset off, the column counted in unit c from
 * the start of the line's text (a UTF-8 BOM is not text: editors hide it).
 * 1-based. */
void civ_position(civ_columns c, const civ_source *src, size_t off, size_t *line, size_t *col);
/* Inclusive end position of [start,end): the last character's line:col
 * (its first unit), or the start position when the span is empty. */
void civ_span_end(civ_columns c, const civ_source *src, size_t start, size_t end, size_t *line, size_t *col);
/* Writes s as a JSON string literal (with quotes). Control characters,
 * bidirectional controls and U+2028/U+2029 are written as \uXXXX and
 * invalid UTF-8 bytes as \ufffd, so the output is valid UTF-8 JSON that
 * shows no hidden reordering when read raw; the '[' of "##[" as \u005b, so
 * a CI log showing it holds no GitHub workflow command. */
void civ_json_str(FILE *fp, const char *s, size_t n);

#endif
