/* suppress.c - see suppress.h.
 *
 * Directives are collected from the source bytes of HTML blocks and the
 * spans of inline HTML (not from the blocks' text, so positions are exact
 * inside block quotes and lists too), then each finding is checked against
 * the directives before it. Files carry a handful of directives, so the
 * scan is findings x directives. */
#include "policy/suppress.h"

#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"
#include "base/util.h"

typedef enum { D_DISABLE, D_ENABLE, D_NEXT_LINE, D_LINE, D_FILE } dkind;

typedef struct {
    dkind kind;
    size_t s0, s1;   /* the comment in the source */
    size_t line;     /* 0-based line of the comment's start (D_LINE) or of
                        the line after its end (D_NEXT_LINE) */
    char **rules;    /* empty: every rule */
    bool *used;      /* per rule, or used[0] for every rule */
    size_t nrules;
    bool closes;     /* D_ENABLE: turned something off before it */
} directive;

typedef struct {
    directive *items;
    size_t n, cap;
} dlist;

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Parses the comment body [p,e) (between "<!--" and "-->"). */
static void parse_comment(const civ_source *src, const char *p, const char *e, size_t s0,
                          size_t s1, dlist *out, civ_diags *bad, const civ_policy *pol)
{
    while (p < e && is_space(*p))
        p++;
    if (e - p < 8 || strncmp(p, "civlint-", 8) != 0)
        return;
    const char *w = p;
    while (p < e && !is_space(*p))
        p++;
    size_t wl = (size_t)(p - w);
    static const struct {
        const char *word;
        dkind kind;
    } words[] = {{"civlint-disable", D_DISABLE}, {"civlint-enable", D_ENABLE},
                 {"civlint-disable-next-line", D_NEXT_LINE}, {"civlint-disable-line", D_LINE},
                 {"civlint-disable-file", D_FILE}};
    int k = -1;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strlen(words[i].word) == wl && strncmp(words[i].word, w, wl) == 0)
            k = (int)i;
    /* Directives other modules own: civlint-allow (quotes.c) and
     * civlint-words (the spelling check). */
    static const char *const others[] = {"civlint-allow", "civlint-words"};
    size_t ol = wl > 0 && w[wl - 1] == ':' ? wl - 1 : wl; /* "civlint-words:" */
    for (size_t i = 0; k < 0 && i < sizeof others / sizeof *others; i++)
        if (strlen(others[i]) == ol && strncmp(others[i], w, ol) == 0)
            return;
    if (k < 0) {
        civ_severity sev;
        if (bad && civ_policy_lookup(pol, CIV_RULE_UNUSED_SUPPRESSION, CIV_SEV_NOTE, &sev)) {
            civ_diag *d = civ_diag_add(bad, CIV_RULE_UNUSED_SUPPRESSION, sev, s0, s1,
                                       "unknown directive '%.*s'", (int)wl, w);
            civ_diag_note(d, "directives: civlint-disable, civlint-enable, civlint-disable-line, "
                             "civlint-disable-next-line, civlint-disable-file, civlint-allow, "
                             "civlint-words");
        }
        return;
    }
    /* a reason after " -- " ends the list */
    const char *end = e;
    for (const char *q = p; q + 1 < e; q++)
        if (q[0] == '-' && q[1] == '-' && (q == p || is_space(q[-1]))) {
            end = q;
            break;
        }
    directive *d = CIV_PUSH(out->items, out->n, out->cap);
    memset(d, 0, sizeof *d);
    d->kind = words[k].kind;
    d->s0 = s0;
    d->s1 = s1;
    size_t cap = 0;
    while (p < end) {
        while (p < end && (is_space(*p) || *p == ','))
            p++;
        const char *r = p;
        while (p < end && !is_space(*p) && *p != ',')
            p++;
        if (p > r)
            *CIV_PUSH(d->rules, d->nrules, cap) = xstrndup(r, (size_t)(p - r));
    }
    d->used = xcalloc(d->nrules ? d->nrules : 1, sizeof *d->used);
    if (d->kind == D_LINE)
        d->line = civ_source_line_of(src, s0);
    else if (d->kind == D_NEXT_LINE)
        d->line = civ_source_line_of(src, s1 > s0 ? s1 - 1 : s0) + 1;
}

/* Finds every comment in source bytes [a,b). */
static void scan(const civ_source *src, size_t a, size_t b, dlist *out, civ_diags *bad,
                 const civ_policy *pol)
{
    const char *s = src->data;
    while (a < b) {
        const char *o = memmem(s + a, b - a, "<!--", 4);
        if (!o)
            return;
        size_t co = (size_t)(o - s);
        const char *c = memmem(o + 4, b - co - 4, "-->", 3);
        if (!c)
            return;
        size_t ce = (size_t)(c - s) + 3;
        parse_comment(src, o + 4, c, co, ce, out, bad, pol);
        a = ce;
    }
}

/* The end of an HTML block in the source. cmark-gfm reports an empty span
 * for some HTML blocks (the end position lies before the start), so the
 * block's extent is taken from its literal: one source line per line of
 * the literal, starting at the block's first line. */
static size_t html_block_end(const civ_source *src, const civ_block *b)
{
    size_t lines = 0;
    for (size_t i = 0; i < b->text_len; i++)
        lines += b->text[i] == '\n';
    if (b->text_len && b->text[b->text_len - 1] != '\n')
        lines++;
    size_t first = civ_source_line_of(src, b->start) + 1, a, e;
    size_t last = first + (lines ? lines - 1 : 0);
    if (last > src->nlines)
        last = src->nlines;
    civ_source_line(src, last, &a, &e);
    return e > b->end ? e : b->end;
}

static void collect(const civ_doc *doc, dlist *out, civ_diags *bad, const civ_policy *pol)
{
    for (size_t i = 0; i < doc->nblocks; i++) {
        const civ_block *b = &doc->blocks[i];
        if (b->kind == CIV_BLOCK_HTML) {
            scan(doc->src, b->start, html_block_end(doc->src, b), out, bad, pol);
            continue;
        }
        for (size_t j = 0; j < b->ninl; j++)
            if (b->inl[j].kind == CIV_INL_HTML)
                scan(doc->src, b->inl[j].s0, b->inl[j].s1, out, bad, pol);
    }
}

/* Index of rule in d's list, -1 when absent; every-rule directives match
 * with index 0. */
static int names(const directive *d, const char *rule)
{
    if (!d->nrules)
        return 0;
    for (size_t i = 0; i < d->nrules; i++)
        if (strcmp(d->rules[i], rule) == 0)
            return (int)i;
    return -1;
}

/* The directive that suppresses a finding of `rule` at start (line ln), or
 * NULL; *idx gets the rule's index in it. */
static directive *suppressor(dlist *l, const char *rule, size_t start, size_t ln, int *idx)
{
    directive *range = NULL;
    int ridx = 0;
    for (size_t i = 0; i < l->n; i++) {
        directive *d = &l->items[i];
        int k = names(d, rule);
        if (k < 0)
            continue;
        if (d->kind == D_FILE || ((d->kind == D_LINE || d->kind == D_NEXT_LINE) && d->line == ln)) {
            *idx = k;
            return d;
        }
        if (d->s0 > start)
            continue;
        if (d->kind == D_DISABLE) {
            range = d;
            ridx = k;
        } else if (d->kind == D_ENABLE) {
            range = NULL;
        }
    }
    *idx = ridx;
    return range;
}

static void report_unused(const civ_doc *doc, dlist *l, const civ_rules *rules,
                          const civ_policy *pol, civ_diags *d)
{
    civ_severity sev;
    if (!civ_policy_lookup(pol, CIV_RULE_UNUSED_SUPPRESSION, CIV_SEV_NOTE, &sev))
        return;
    (void)doc;
    /* Which enables close a disable: replay the ranges per rule. */
    for (size_t i = 0; i < l->n; i++) {
        directive *e = &l->items[i];
        if (e->kind != D_ENABLE)
            continue;
        for (size_t j = 0; j < i && !e->closes; j++) {
            directive *x = &l->items[j];
            if (x->kind != D_DISABLE)
                continue;
            bool overlap = !e->nrules || !x->nrules;
            for (size_t a = 0; a < e->nrules && !overlap; a++)
                overlap = names(x, e->rules[a]) >= 0;
            e->closes = overlap;
        }
    }
    for (size_t i = 0; i < l->n; i++) {
        directive *x = &l->items[i];
        static const char *const kw[] = {"civlint-disable", "civlint-enable",
                                         "civlint-disable-next-line", "civlint-disable-line",
                                         "civlint-disable-file"};
        if (x->kind == D_ENABLE) {
            if (!x->closes)
                civ_diag_add(d, CIV_RULE_UNUSED_SUPPRESSION, sev, x->s0, x->s1,
                             "'civlint-enable' without a 'civlint-disable' before it");
            continue;
        }
        if (!x->nrules) {
            if (!x->used[0]) {
                civ_diag *g = civ_diag_add(d, CIV_RULE_UNUSED_SUPPRESSION, sev, x->s0, x->s1,
                                           "'%s' suppresses nothing", kw[x->kind]);
                civ_diag_note(g, "remove the comment");
            }
            continue;
        }
        for (size_t k = 0; k < x->nrules; k++) {
            const char *r = x->rules[k];
            if (!civ_rule_id_known(rules, r)) {
                civ_diag_add(d, CIV_RULE_UNUSED_SUPPRESSION, sev, x->s0, x->s1,
                             "'%s' names unknown rule '%s'", kw[x->kind], r);
                continue;
            }
            if (x->used[k] || civ_policy_is_off(pol, r))
                continue;
            civ_diag *g = civ_diag_add(d, CIV_RULE_UNUSED_SUPPRESSION, sev, x->s0, x->s1,
                                       "'%s' of '%s' suppresses nothing", kw[x->kind], r);
            civ_diag_note(g, x->nrules > 1 ? "remove the rule from the comment" : "remove the comment");
        }
    }
}

void civ_suppress_apply(const civ_doc *doc, const civ_rules *rules, const civ_policy *policy,
                        bool report, civ_diags *d)
{
    dlist l = {NULL, 0, 0};
    civ_diags bad;
    civ_diags_init(&bad);
    collect(doc, &l, report ? &bad : NULL, policy);
    if (l.n) {
        size_t w = 0;
        for (size_t r = 0; r < d->n; r++) {
            civ_diag *g = &d->items[r];
            int idx;
            directive *s = suppressor(&l, g->rule, g->start, civ_source_line_of(doc->src, g->start), &idx);
            if (s) {
                s->used[idx] = true;
                civ_diag_release(g);
                continue;
            }
            d->items[w++] = *g;
        }
        d->n = w;
        if (report)
            report_unused(doc, &l, rules, policy, d);
    }
    /* move the unknown-directive findings over */
    for (size_t i = 0; i < bad.n; i++)
        *CIV_PUSH(d->items, d->n, d->cap) = bad.items[i];
    free(bad.items);
    for (size_t i = 0; i < l.n; i++) {
        for (size_t k = 0; k < l.items[i].nrules; k++)
            free(l.items[i].rules[k]);
        free(l.items[i].rules);
        free(l.items[i].used);
    }
    free(l.items);
}
