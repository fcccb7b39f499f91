/* gcc.c - the default, compiler-style text format (see DESIGN.md).
 *
 * Input bytes never reach the terminal raw: control characters, ANSI escape
 * sequences and bidirectional controls from a post are shown as U+FFFD in
 * quoted lines and as \xNN in messages, so a post cannot rewrite the
 * author's terminal or reorder what it displays. The writing and the
 * measuring of columns are base/termsafe.h's. A line wider than the
 * terminal is shown as a window around the span (output/window.h). */
#include <stdlib.h>
#include <string.h>

#include "output/output.h"
#include "base/termsafe.h"
#include "output/columns.h"
#include "output/window.h"

/* How the parts of a finding reach the terminal (base/termsafe.h). The
 * path is strict: a file named a<TAB>b.md prints as a\x09b.md, as in the
 * summary and the driver's messages. Messages, notes and fix-its keep a
 * TAB raw: they quote the post, and tests/golden/formats-hostile.txt pins
 * a heading "Tab<TAB>here" quoted with its tab. A quoted source line shows
 * tabs as spaces and unsafe characters as U+FFFD, one column each, so the
 * caret line under it counts in columns. None of them can forge a GitHub
 * workflow command in a CI log ("##[" anywhere, "::" starting the line:
 * termsafe.h). */
#define PATH_FLAGS ((unsigned)CIV_TERM_LINE_START) /* it begins the line */
#define TEXT_FLAGS ((unsigned)CIV_TERM_TABS)
#define QUOTE_FLAGS ((unsigned)(CIV_TERM_EXPAND_TABS | CIV_TERM_REPLACE))

#define C_BOLD "\033[1m"
#define C_RED "\033[1;31m"
#define C_MAGENTA "\033[1;35m"
#define C_CYAN "\033[1;36m"
#define C_GREEN "\033[1;32m"
#define C_RESET "\033[0m"

static void put_text(FILE *fp, const char *s, unsigned flags)
{
    civ_term_put(fp, s, strlen(s), flags);
}

/* The columns of the quoted line, for a file's findings in turn. The
 * first finding on a line walks it once, leaving a checkpoint (byte,
 * column) every CHECK_BYTES bytes; each finding then measures from the
 * checkpoint before its offset, and its window is written from the one
 * before the window. Measuring from the line's start for every finding
 * made one long line of n findings cost n times the line (a 50 KB line
 * was quadratic in time; tests/scaling/run text counts it). */
#define CHECK_BYTES 64

typedef struct {
    const char *line; /* the line being quoted, or NULL */
    size_t n, width;  /* its bytes and its columns */
    size_t *off, *col, nc, cap;
} line_cols;

static void lc_load(line_cols *lc, const civ_source *src, size_t a, size_t b)
{
    if (lc->line == src->data + a && lc->n == b - a)
        return;
    lc->line = src->data + a;
    lc->n = b - a;
    lc->nc = 0;
    size_t col = 0;
    for (size_t i = 0, len; i < lc->n; i += len) {
        if (i / CHECK_BYTES >= lc->nc) { /* the first unit of each block of CHECK_BYTES */
            if (lc->nc == lc->cap) {
                lc->cap = lc->cap ? lc->cap * 2 : 16;
                lc->off = xrealloc(lc->off, lc->cap * sizeof *lc->off);
                lc->col = xrealloc(lc->col, lc->cap * sizeof *lc->col);
            }
            lc->off[lc->nc] = i; /* units are at most 4 bytes: every block has one */
            lc->col[lc->nc++] = col;
        }
        col += civ_window_unit(lc->line, lc->n, i, col, &len);
    }
    lc->width = col;
}

/* The last checkpoint at or before byte `off` of the line. */
static size_t lc_before(const line_cols *lc, size_t off)
{
    size_t k = off / CHECK_BYTES;
    return k < lc->nc ? k : lc->nc - 1;
}

/* The display column of byte `off` of the loaded line. */
static size_t lc_column(const line_cols *lc, size_t off)
{
    if (lc->nc == 0)
        return 0;
    size_t k = lc_before(lc, off);
    while (k > 0 && lc->off[k] > off)
        k--;
    size_t col = lc->col[k];
    for (size_t i = lc->off[k], len; i < off && i < lc->n; i += len)
        col += civ_window_unit(lc->line, lc->n, i, col, &len);
    return col;
}

/* The last checkpoint at or left of column c: binary search (columns grow
 * with offsets). */
static size_t lc_at_column(const line_cols *lc, size_t c)
{
    size_t lo = 0, hi = lc->nc; /* the answer is in [lo, hi) */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (lc->col[mid] <= c)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* A quoted line of up to QUOTE_MAX columns is shown whole with --width=0;
 * a longer one is still a window of QUOTE_MAX columns around each finding
 * (quoting a 50 KB line whole under each of its findings printed 1.38 GB). */
#define QUOTE_MAX 1000

/* The columns beside the gutter ("%5zu | ", 8 columns) a quoted line may
 * take: QUOTE_MAX when the width is 0 (no terminal limit). */
static size_t room(const civ_out *o)
{
    return o->width ? (o->width > 8 ? o->width - 8 : 1) : QUOTE_MAX;
}

static void pad(FILE *fp, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fputc(' ', fp);
}

/* One fix-it under the quoted line, at the column where it applies: a
 * visible replacement as its new text (each line of a multi-line one on
 * a row of its own), an insertion, a deletion or invisible text in words
 * ("insert ' –'", "remove U+200B"; output/columns.h). Each row is cut to
 * the room with '…'. */
static void print_fix(civ_out *o, const civ_source *src, const line_cols *lc, size_t a, const civ_window *w,
                      const civ_fix *f)
{
    FILE *fp = o->fp;
    size_t fc = civ_window_col(w, lc_column(lc, f->start - a)), max = room(o);
    size_t lim = max > fc ? max - fc : max ? 1 : 0;
    char *words = civ_fix_reads_as_text(src, f) ? NULL : civ_fix_describe(src, f);
    const char *t = words ? words : f->replacement;
    for (const char *p = t; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        fputs("      | ", fp);
        pad(fp, fc);
        if (o->color)
            fputs(C_GREEN, fp);
        civ_window_put_text(fp, p, n, lim, TEXT_FLAGS);
        if (o->color)
            fputs(C_RESET, fp);
        fputc('\n', fp);
        p += n + (nl ? 1 : 0);
    }
    free(words);
}

static void print_diag(civ_out *o, const civ_file_result *r, line_cols *lc, const civ_diag *d)
{
    FILE *fp = o->fp;
    const civ_source *src = r->src;
    size_t line, col;
    civ_position(o->columns, src, d->start, &line, &col);
    const char *sc = d->severity == CIV_SEV_ERROR ? C_RED : d->severity == CIV_SEV_WARNING ? C_MAGENTA : C_CYAN;
    if (o->color)
        fputs(C_BOLD, fp);
    put_text(fp, r->path, PATH_FLAGS);
    fprintf(fp, ":%zu:%zu:%s ", line, col, o->color ? C_RESET : "");
    fprintf(fp, "%s%s:%s ", o->color ? sc : "", civ_severity_name(d->severity), o->color ? C_RESET : "");
    put_text(fp, d->message, TEXT_FLAGS);
    fprintf(fp, " [%s]\n", d->rule);
    if (o->quiet)
        return;

    size_t a, b;
    civ_source_line(src, line, &a, &b);
    size_t e = d->end > b ? b : d->end; /* multi-line spans: first line only */
    lc_load(lc, src, a, b);
    size_t ws = lc_column(lc, d->start - a), we = lc_column(lc, e - a);
    civ_window w;
    civ_window_fit(lc->width, ws, we, room(o), &w);
    fprintf(fp, "%5zu | ", line);
    size_t ck = lc->nc ? lc_at_column(lc, w.s) : 0; /* the checkpoint the window is written from */
    civ_window_put_from(fp, src->data + a, b - a, lc->nc ? lc->off[ck] : 0, lc->nc ? lc->col[ck] : 0, &w,
                        d->start - a, e - a, o->color ? C_GREEN : NULL, C_RESET);
    fputs("\n      | ", fp);
    size_t cs = civ_window_col(&w, ws), ce = civ_window_col(&w, we < w.e ? we : w.e);
    pad(fp, cs);
    if (o->color)
        fputs(C_GREEN, fp);
    fputc('^', fp);
    for (size_t k = cs + 1; k < ce; k++)
        fputc('~', fp);
    if (o->color)
        fputs(C_RESET, fp);
    fputc('\n', fp);
    for (size_t i = 0; i < d->nfixes; i++)
        if (d->fixes[i].start >= a && d->fixes[i].start <= b)
            print_fix(o, src, lc, a, &w, &d->fixes[i]);
    for (size_t i = 0; i < d->nnotes; i++) {
        fprintf(fp, "%snote:%s ", o->color ? C_CYAN : "", o->color ? C_RESET : "");
        put_text(fp, d->notes[i], TEXT_FLAGS);
        fputc('\n', fp);
    }
}

static void gcc_begin(civ_out *o)
{
    (void)o;
}

static void gcc_file(civ_out *o, const civ_file_result *r)
{
    if (!r->src || !r->diags)
        return; /* read errors go to stderr from the driver */
    line_cols lc = {.line = NULL};
    for (size_t i = 0; i < r->diags->n; i++)
        print_diag(o, r, &lc, &r->diags->items[i]);
    free(lc.off);
    free(lc.col);
}

static void gcc_end(civ_out *o, const civ_tally *t)
{
    (void)o;
    (void)t;
}

const civ_formatter civ_format_gcc = {"gcc", "default", gcc_begin, gcc_file, gcc_end};
