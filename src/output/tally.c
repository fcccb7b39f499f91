/* tally.c - see tally.h. */
#include "output/tally.h"

#include <stdlib.h>
#include <string.h>

#include "base/termsafe.h"
#include "base/util.h"
#include "output/escape.h"

void civ_tally_init(civ_tally *t)
{
    memset(t, 0, sizeof *t);
}

void civ_tally_release(civ_tally *t)
{
    for (size_t i = 0; i < t->nfiles; i++) {
        free(t->files[i].path);
        free((char *)t->files[i].error);
    }
    free(t->files);
    free(t->rules);
    civ_tally_init(t);
}

static civ_tally_rule *rule_slot(civ_tally *t, const char *rule)
{
    size_t lo = 0, hi = t->nrules;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(t->rules[mid].rule, rule);
        if (c == 0)
            return &t->rules[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    civ_grow((void **)&t->rules, &t->rcap, t->nrules + 1, sizeof *t->rules);
    memmove(t->rules + lo + 1, t->rules + lo, (t->nrules - lo) * sizeof *t->rules);
    t->nrules++;
    memset(&t->rules[lo], 0, sizeof t->rules[lo]);
    t->rules[lo].rule = rule;
    return &t->rules[lo];
}

void civ_tally_add(civ_tally *t, const civ_file_result *r)
{
    civ_tally_file *f = CIV_PUSH(t->files, t->nfiles, t->fcap);
    memset(f, 0, sizeof *f);
    f->path = xstrdup(r->path);
    if (!r->src || !r->diags) {
        f->error = xstrdup(r->error ? r->error : "cannot read");
        t->unreadable++;
        return;
    }
    for (size_t i = 0; i < r->diags->n; i++) {
        const civ_diag *d = &r->diags->items[i];
        civ_tally_rule *rr = rule_slot(t, d->rule);
        rr->n[d->severity]++;
        rr->total++;
        f->n[d->severity]++;
        f->total++;
        t->n[d->severity]++;
        t->total++;
    }
    if (f->total)
        t->with_findings++;
}

/* The sorts compare pointers into the tally's arrays, so the comparators
 * need no context (qsort has no context argument in C11) and nothing here
 * is file-scope state. */
static int by_findings(const void *a, const void *b)
{
    const civ_tally_file *x = *(const civ_tally_file *const *)a;
    const civ_tally_file *y = *(const civ_tally_file *const *)b;
    if (x->total != y->total)
        return x->total > y->total ? -1 : 1;
    if (x->n[CIV_SEV_ERROR] != y->n[CIV_SEV_ERROR])
        return x->n[CIV_SEV_ERROR] > y->n[CIV_SEV_ERROR] ? -1 : 1;
    if (x->n[CIV_SEV_WARNING] != y->n[CIV_SEV_WARNING])
        return x->n[CIV_SEV_WARNING] > y->n[CIV_SEV_WARNING] ? -1 : 1;
    return strcmp(x->path, y->path);
}

size_t *civ_tally_top(const civ_tally *t, size_t max, size_t *n)
{
    const civ_tally_file **ptr = xmalloc((t->nfiles + 1) * sizeof *ptr);
    size_t k = 0;
    for (size_t i = 0; i < t->nfiles; i++)
        if (t->files[i].total)
            ptr[k++] = &t->files[i];
    civ_qsort(ptr, k, sizeof *ptr, by_findings);
    size_t *idx = xmalloc((t->nfiles + 1) * sizeof *idx);
    for (size_t i = 0; i < k; i++)
        idx[i] = (size_t)(ptr[i] - t->files);
    free(ptr);
    *n = max && k > max ? max : k;
    return idx;
}

static int by_rule_count(const void *a, const void *b)
{
    const civ_tally_rule *x = *(const civ_tally_rule *const *)a;
    const civ_tally_rule *y = *(const civ_tally_rule *const *)b;
    if (x->total != y->total)
        return x->total > y->total ? -1 : 1;
    return strcmp(x->rule, y->rule);
}

size_t *civ_tally_rules_by_count(const civ_tally *t)
{
    const civ_tally_rule **ptr = xmalloc((t->nrules + 1) * sizeof *ptr);
    for (size_t i = 0; i < t->nrules; i++)
        ptr[i] = &t->rules[i];
    civ_qsort(ptr, t->nrules, sizeof *ptr, by_rule_count);
    size_t *idx = xmalloc((t->nrules + 1) * sizeof *idx);
    for (size_t i = 0; i < t->nrules; i++)
        idx[i] = (size_t)(ptr[i] - t->rules);
    free(ptr);
    return idx;
}

/* Paths and rule ids in the table are written strictly (base/termsafe.h):
 * a file named a<TAB>b.md shows as a\x09b.md, as in every other place. */
static size_t width_of(const char *s)
{
    return civ_term_width(s, strlen(s), CIV_TERM_LINE_START);
}

static void pad(FILE *fp, size_t n)
{
    while (n--)
        fputc(' ', fp);
}

/* One row: a left-aligned name of display width `w` padded to `col`,
 * then four right-aligned counts. */
static void row(FILE *fp, const char *name, size_t col, const size_t n[3], size_t total)
{
    /* a row begins with the name: no "::" there (termsafe.h) */
    size_t w = civ_term_put(fp, name, strlen(name), CIV_TERM_LINE_START);
    pad(fp, col > w ? col - w : 0);
    fprintf(fp, "  %6zu  %8zu  %5zu  %5zu\n", n[CIV_SEV_ERROR], n[CIV_SEV_WARNING], n[CIV_SEV_NOTE], total);
}

static void header(FILE *fp, const char *title, size_t col)
{
    fputs(title, fp);
    pad(fp, col > strlen(title) ? col - strlen(title) : 0);
    fputs("  errors  warnings  notes  total\n", fp);
}

void civ_tally_print_text(const civ_tally *t, FILE *fp, size_t top)
{
    size_t ntop;
    size_t *idx = civ_tally_top(t, top, &ntop);
    size_t col = strlen("posts with most findings");
    for (size_t i = 0; i < t->nrules; i++)
        if (width_of(t->rules[i].rule) > col)
            col = width_of(t->rules[i].rule);
    for (size_t i = 0; i < ntop; i++) {
        size_t w = width_of(t->files[idx[i]].path);
        if (w > col)
            col = w;
    }

    fprintf(fp, "civlint summary: %zu post%s, %zu with findings", t->nfiles, t->nfiles == 1 ? "" : "s",
            t->with_findings);
    if (t->unreadable)
        fprintf(fp, ", %zu unreadable", t->unreadable);
    fputs("\n\n", fp);
    header(fp, "rule", col);
    size_t *ridx = civ_tally_rules_by_count(t);
    for (size_t i = 0; i < t->nrules; i++)
        row(fp, t->rules[ridx[i]].rule, col, t->rules[ridx[i]].n, t->rules[ridx[i]].total);
    free(ridx);
    if (!t->nrules)
        fputs("(no findings)\n", fp);
    fputc('\n', fp);
    if (ntop) {
        header(fp, "posts with most findings", col);
        for (size_t i = 0; i < ntop; i++)
            row(fp, t->files[idx[i]].path, col, t->files[idx[i]].n, t->files[idx[i]].total);
        size_t all;
        free(civ_tally_top(t, 0, &all));
        if (all > ntop)
            fprintf(fp, "(and %zu more post%s with findings)\n", all - ntop, all - ntop == 1 ? "" : "s");
        fputc('\n', fp);
    }
    free(idx);
    row(fp, "total", col, t->n, t->total);
}

static void md_row(FILE *fp, const char *name, const size_t n[3], size_t total)
{
    fputs("| ", fp);
    civ_md_cell(fp, name, strlen(name));
    fprintf(fp, " | %zu | %zu | %zu | %zu |\n", n[CIV_SEV_ERROR], n[CIV_SEV_WARNING], n[CIV_SEV_NOTE], total);
}

void civ_tally_print_markdown(const civ_tally *t, FILE *fp)
{
    fprintf(fp, "### civlint: %zu error%s, %zu warning%s, %zu note%s in %zu post%s\n\n", t->n[CIV_SEV_ERROR],
            t->n[CIV_SEV_ERROR] == 1 ? "" : "s", t->n[CIV_SEV_WARNING], t->n[CIV_SEV_WARNING] == 1 ? "" : "s",
            t->n[CIV_SEV_NOTE], t->n[CIV_SEV_NOTE] == 1 ? "" : "s", t->nfiles, t->nfiles == 1 ? "" : "s");
    if (t->unreadable)
        fprintf(fp, "%zu post%s could not be read.\n\n", t->unreadable, t->unreadable == 1 ? "" : "s");
    if (!t->total) {
        fputs("No findings.\n", fp);
        return;
    }
    fputs("| Rule | Errors | Warnings | Notes | Total |\n|:--|--:|--:|--:|--:|\n", fp);
    size_t *ridx = civ_tally_rules_by_count(t);
    for (size_t i = 0; i < t->nrules; i++)
        md_row(fp, t->rules[ridx[i]].rule, t->rules[ridx[i]].n, t->rules[ridx[i]].total);
    free(ridx);
    fputs("\n| Post | Errors | Warnings | Notes | Total |\n|:--|--:|--:|--:|--:|\n", fp);
    size_t n;
    size_t *idx = civ_tally_top(t, 0, &n);
    for (size_t i = 0; i < n; i++)
        md_row(fp, t->files[idx[i]].path, t->files[idx[i]].n, t->files[idx[i]].total);
    free(idx);
    fprintf(fp, "| **total** | **%zu** | **%zu** | **%zu** | **%zu** |\n", t->n[CIV_SEV_ERROR],
            t->n[CIV_SEV_WARNING], t->n[CIV_SEV_NOTE], t->total);
}
