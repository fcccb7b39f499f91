/* diag.c - see diag.h. */
#include "diag/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *civ_severity_name(civ_severity s)
{
    return s == CIV_SEV_ERROR ? "error" : s == CIV_SEV_WARNING ? "warning" : "note";
}

bool civ_severity_parse(const char *s, civ_severity *out)
{
    if (strcmp(s, "error") == 0)
        *out = CIV_SEV_ERROR;
    else if (strcmp(s, "warning") == 0)
        *out = CIV_SEV_WARNING;
    else if (strcmp(s, "note") == 0)
        *out = CIV_SEV_NOTE;
    else
        return false;
    return true;
}

void civ_diags_init(civ_diags *l)
{
    memset(l, 0, sizeof *l);
}

static void diag_release(civ_diag *d)
{
    free(d->message);
    for (size_t i = 0; i < d->nnotes; i++)
        free(d->notes[i]);
    free(d->notes);
    for (size_t i = 0; i < d->nsuggestions; i++)
        free(d->suggestions[i]);
    free(d->suggestions);
    for (size_t i = 0; i < d->nfixes; i++)
        free(d->fixes[i].replacement);
    free(d->fixes);
}

void civ_diags_release(civ_diags *l)
{
    for (size_t i = 0; i < l->n; i++)
        diag_release(&l->items[i]);
    free(l->items);
    free(l->problems);
    civ_diags_init(l);
}

static char *vformat(const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n < 0)
        n = 0;
    char *s = xmalloc((size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

civ_diag *civ_diag_add(civ_diags *l, const char *rule, civ_severity sev, size_t start,
                       size_t end, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    civ_diag *d = civ_diag_addv(l, rule, sev, start, end, fmt, ap);
    va_end(ap);
    return d;
}

civ_diag *civ_diag_addv(civ_diags *l, const char *rule, civ_severity sev, size_t start,
                        size_t end, const char *fmt, va_list ap)
{
    civ_diag *d = CIV_PUSH(l->items, l->n, l->cap);
    memset(d, 0, sizeof *d);
    d->rule = rule;
    d->severity = sev;
    d->start = start;
    d->end = end < start ? start : end;
    d->message = vformat(fmt, ap);
    return d;
}

void civ_diag_note(civ_diag *d, const char *fmt, ...)
{
    d->notes = xrealloc(d->notes, (d->nnotes + 1) * sizeof *d->notes);
    va_list ap;
    va_start(ap, fmt);
    d->notes[d->nnotes++] = vformat(fmt, ap);
    va_end(ap);
}

void civ_diag_suggest(civ_diag *d, const char *s)
{
    d->suggestions = xrealloc(d->suggestions, (d->nsuggestions + 1) * sizeof *d->suggestions);
    d->suggestions[d->nsuggestions++] = xstrdup(s);
}

civ_fix *civ_diag_fix(civ_diag *d, size_t start, size_t end, const char *replacement)
{
    d->fixes = xrealloc(d->fixes, (d->nfixes + 1) * sizeof *d->fixes);
    civ_fix *f = &d->fixes[d->nfixes++];
    f->start = start;
    f->end = end < start ? start : end;
    f->replacement = xstrdup(replacement);
    f->safe = false;
    return f;
}

void civ_diag_release(civ_diag *d)
{
    diag_release(d);
}

void civ_diags_problem(civ_diags *l, const char *rule, size_t off, const char *reason)
{
    for (size_t i = 0; i < l->nproblems; i++)
        if (strcmp(l->problems[i].rule, rule) == 0)
            return;
    civ_problem *p = CIV_PUSH(l->problems, l->nproblems, l->pcap);
    p->rule = rule;
    p->off = off;
    p->reason = reason;
}

static int cmp_diag(const void *pa, const void *pb)
{
    const civ_diag *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    int c = strcmp(a->rule, b->rule);
    if (c)
        return c;
    return strcmp(a->message, b->message);
}

void civ_diags_sort(civ_diags *l)
{
    if (l->n < 2)
        return;
    civ_qsort(l->items, l->n, sizeof *l->items, cmp_diag);
    size_t w = 1;
    for (size_t r = 1; r < l->n; r++) {
        civ_diag *prev = &l->items[w - 1];
        if (cmp_diag(prev, &l->items[r]) == 0) {
            diag_release(&l->items[r]);
            continue;
        }
        l->items[w++] = l->items[r];
    }
    l->n = w;
}

void civ_diags_drop_shadowed(civ_diags *l, const char *rule)
{
    size_t w = 0; /* kept findings are moved down to items[w] */
    for (size_t g = 0; g < l->n;) {
        /* the group of findings on the same span: [g, e) */
        size_t e = g + 1;
        while (e < l->n && l->items[e].start == l->items[g].start && l->items[e].end == l->items[g].end)
            e++;
        bool other = false;
        for (size_t k = g; k < e && !other; k++)
            other = strcmp(l->items[k].rule, rule) != 0;
        for (size_t k = g; k < e; k++) {
            if (other && strcmp(l->items[k].rule, rule) == 0)
                diag_release(&l->items[k]);
            else
                l->items[w++] = l->items[k];
        }
        g = e;
    }
    l->n = w;
}
