/* gcc.c - the default, compiler-style text format (see DESIGN.md).
 *
 * Input bytes never reach the terminal raw: control characters, ANSI escape
 * sequences and bidirectional controls from a post are shown as U+FFFD in
 * quoted lines and as \xNN in messages, so a post cannot rewrite the
 * author's terminal or reorder what it displays. */
#include <string.h>

#include "output/output.h"
#include "base/utf8.h"

#define TABSTOP 8

#define C_BOLD "\033[1m"
#define C_RED "\033[1;31m"
#define C_MAGENTA "\033[1;35m"
#define C_CYAN "\033[1;36m"
#define C_GREEN "\033[1;32m"
#define C_RESET "\033[0m"

static bool unsafe_cp(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

/* Display width of a code point: 0 for combining marks, 2 for East Asian
 * wide characters, 1 otherwise. An approximation of wcwidth() that does not
 * depend on the user's locale. */
static int cp_width(uint32_t cp)
{
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
        (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0x200B ||
        cp == 0x200C || cp == 0x200D || cp == 0xFEFF)
        return 0;
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
        (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

/* Writes s[0..n) for a message: unsafe characters become \xNN / \u{...}. */
/* Safe text goes out in runs, one fwrite per run: a write per character
 * was 3% of a whole run on the bench corpus. */
static void put_safe(FILE *fp, const char *s, size_t n)
{
    size_t i = 0, run = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F) { /* printable ASCII */
            i++;
            continue;
        }
        uint32_t cp;
        size_t l = civ_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (l && (!unsafe_cp(cp) || cp == '\t')) {
            i += l;
            continue;
        }
        fwrite(s + run, 1, i - run, fp);
        if (!l)
            fprintf(fp, "\\x%02X", c);
        else
            fprintf(fp, cp < 0x100 ? "\\x%02X" : "\\u{%04X}", (unsigned)cp);
        i += l ? l : 1;
        run = i;
    }
    fwrite(s + run, 1, n - run, fp);
}

static void put_safe_str(FILE *fp, const char *s)
{
    put_safe(fp, s, strlen(s));
}

/* Writes the line [a,b) for display, expanding tabs, and returns in *wstart
 * and *wend the display columns of offsets s and e. */
static void put_line(FILE *fp, const civ_source *src, size_t a, size_t b, size_t s, size_t e,
                     size_t *wstart, size_t *wend)
{
    size_t w = 0, i = a, run = a;
    *wstart = *wend = (size_t)-1;
    while (i < b) {
        if (i == s)
            *wstart = w;
        if (i == e)
            *wend = w;
        unsigned char c = (unsigned char)src->data[i];
        if (c >= 0x20 && c < 0x7F) { /* printable ASCII: one column, written in runs */
            w++;
            i++;
            continue;
        }
        uint32_t cp;
        size_t l = civ_utf8_decode((const unsigned char *)src->data + i, b - i, &cp);
        if (!l)
            l = 1, cp = 0xFFFD;
        if (cp == '\t') {
            fwrite(src->data + run, 1, i - run, fp);
            size_t n = TABSTOP - w % TABSTOP;
            for (size_t k = 0; k < n; k++)
                fputc(' ', fp);
            w += n;
            run = i + l;
        } else if (unsafe_cp(cp)) {
            fwrite(src->data + run, 1, i - run, fp);
            fputs("\xEF\xBF\xBD", fp);
            w += 1;
            run = i + l;
        } else {
            w += (size_t)cp_width(cp);
        }
        i += l;
    }
    fwrite(src->data + run, 1, i - run, fp);
    if (*wstart == (size_t)-1)
        *wstart = w;
    if (*wend == (size_t)-1)
        *wend = w;
}

static void pad(FILE *fp, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fputc(' ', fp);
}

static void print_diag(civ_out *o, const civ_file_result *r, const civ_diag *d)
{
    FILE *fp = o->fp;
    const civ_source *src = r->src;
    size_t line, col;
    civ_source_position(src, d->start, &line, &col);
    const char *sc = d->severity == CIV_SEV_ERROR ? C_RED : d->severity == CIV_SEV_WARNING ? C_MAGENTA : C_CYAN;
    if (o->color)
        fputs(C_BOLD, fp);
    put_safe_str(fp, r->path);
    fprintf(fp, ":%zu:%zu:%s ", line, col, o->color ? C_RESET : "");
    fprintf(fp, "%s%s:%s ", o->color ? sc : "", civ_severity_name(d->severity), o->color ? C_RESET : "");
    put_safe_str(fp, d->message);
    fprintf(fp, " [%s]\n", d->rule);
    if (o->quiet)
        return;

    size_t a, b;
    civ_source_line(src, line, &a, &b);
    size_t e = d->end > b ? b : d->end; /* multi-line spans: first line only */
    size_t ws, we;
    fprintf(fp, "%5zu | ", line);
    put_line(fp, src, a, b, d->start, e, &ws, &we);
    fputs("\n      | ", fp);
    pad(fp, ws);
    if (o->color)
        fputs(C_GREEN, fp);
    fputc('^', fp);
    for (size_t k = ws + 1; k < we; k++)
        fputc('~', fp);
    if (o->color)
        fputs(C_RESET, fp);
    fputc('\n', fp);
    for (size_t i = 0; i < d->nfixes; i++) {
        const civ_fix *f = &d->fixes[i];
        if (f->start < a || f->start > b || !*f->replacement)
            continue;
        size_t fs, fe;
        /* column of the fix start, measured without printing */
        FILE *null = fopen("/dev/null", "w");
        put_line(null ? null : fp, src, a, b, f->start, f->end, &fs, &fe);
        if (null)
            fclose(null);
        fputs("      | ", fp);
        pad(fp, fs);
        if (o->color)
            fputs(C_GREEN, fp);
        put_safe_str(fp, f->replacement);
        if (o->color)
            fputs(C_RESET, fp);
        fputc('\n', fp);
    }
    for (size_t i = 0; i < d->nnotes; i++) {
        fprintf(fp, "%snote:%s ", o->color ? C_CYAN : "", o->color ? C_RESET : "");
        put_safe_str(fp, d->notes[i]);
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
    for (size_t i = 0; i < r->diags->n; i++)
        print_diag(o, r, &r->diags->items[i]);
}

static void gcc_end(civ_out *o, const civ_summary *s)
{
    (void)o;
    (void)s;
}

const civ_formatter civ_format_gcc = {"gcc", gcc_begin, gcc_file, gcc_end};
