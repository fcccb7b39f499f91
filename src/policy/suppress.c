/* suppress.c - see suppress.h.
 *
 * The directives come from the document model (model/directives.c finds
 * and parses every <!-- civlint-... --> comment of the post once); this
 * file gives the disable family its meaning: each finding is checked
 * against the directives before it (in O((findings + directives) log),
 * see suppressor()). */
#include "policy/suppress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strmap.h"
#include "policy/ruleids.h"
#include "rules/rules.h"
#include "base/util.h"
#include "base/work.h"

typedef enum { D_DISABLE, D_ENABLE, D_NEXT_LINE, D_LINE, D_FILE } dkind;

typedef struct {
    dkind kind;
    size_t s0, s1;   /* the comment in the source */
    size_t line;     /* 0-based line of the comment's start (D_LINE) or of
                        the line after its end (D_NEXT_LINE) */
    const char **rules; /* empty: every rule (the strings are the model's) */
    bool *used;      /* per rule, or used[0] for every rule */
    size_t nrules;
    bool closes;     /* D_ENABLE: turned something off before it */
} directive;

typedef struct {
    directive *items;
    size_t n, cap;
} dlist;

/* A civlint-... word that is no directive: reported unless another module
 * owns it (civlint-allow: and civlint-words without its colon were never
 * reported; the model calls them unknown). */
static void unknown_directive(const civ_directive *m, civ_diags *bad, const civ_policy *pol)
{
    const char *w = m->keyword.text;
    size_t wl = strlen(w), s0 = m->s0, s1 = m->s1;
    static const char *const others[] = {"civlint-allow", "civlint-words"};
    size_t ol = wl > 0 && w[wl - 1] == ':' ? wl - 1 : wl; /* "civlint-allow:" */
    bool owned = false;
    for (size_t i = 0; i < sizeof others / sizeof *others; i++)
        owned |= strlen(others[i]) == ol && strncmp(others[i], w, ol) == 0;
    if (!owned) {
        civ_severity sev;
        if (bad && civ_policy_lookup(pol, CIV_RULE_UNUSED_SUPPRESSION, CIV_SEV_NOTE, &sev)) {
            civ_diag *d = civ_diag_add(bad, CIV_RULE_UNUSED_SUPPRESSION, sev, s0, s1,
                                       "unknown directive '%.*s'", (int)wl, w);
            civ_diag_note(d, "directives: civlint-disable, civlint-enable, civlint-disable-line, "
                             "civlint-disable-next-line, civlint-disable-file, civlint-allow, "
                             "civlint-words");
        }
    }
}

static void add_directive(const civ_source *src, const civ_directive *m, dlist *out)
{
    static const dkind kinds[] = {[CIV_DIR_DISABLE] = D_DISABLE, [CIV_DIR_ENABLE] = D_ENABLE,
                                  [CIV_DIR_DISABLE_LINE] = D_LINE,
                                  [CIV_DIR_DISABLE_NEXT_LINE] = D_NEXT_LINE,
                                  [CIV_DIR_DISABLE_FILE] = D_FILE};
    directive *d = CIV_PUSH(out->items, out->n, out->cap);
    memset(d, 0, sizeof *d);
    d->kind = kinds[m->kind];
    d->s0 = m->s0;
    d->s1 = m->s1;
    d->nrules = m->nargs;
    d->rules = xcalloc(m->nargs ? m->nargs : 1, sizeof *d->rules);
    for (size_t i = 0; i < m->nargs; i++)
        d->rules[i] = m->args[i].text;
    d->used = xcalloc(d->nrules ? d->nrules : 1, sizeof *d->used);
    if (d->kind == D_LINE)
        d->line = civ_source_line_of(src, d->s0);
    else if (d->kind == D_NEXT_LINE)
        d->line = civ_source_line_of(src, d->s1 > d->s0 ? d->s1 - 1 : d->s0) + 1;
}

static void collect(const civ_doc *doc, dlist *out, civ_diags *bad, const civ_policy *pol)
{
    for (size_t i = 0; i < doc->directives.n; i++) {
        const civ_directive *m = &doc->directives.items[i];
        if (m->kind <= CIV_DIR_DISABLE_FILE)
            add_directive(doc->src, m, out);
        else if (m->kind == CIV_DIR_UNKNOWN)
            unknown_directive(m, bad, pol);
    }
}

/* Index of rule in d's list, -1 when absent; every-rule directives match
 * with index 0. */
static int names(const directive *d, const char *rule)
{
    if (!d->nrules)
        return 0;
    for (size_t i = 0; i < d->nrules; i++)
        if (civ_rule_id_covers(d->rules[i], rule))
            return (int)i;
    return -1;
}

/* Which directive suppresses a finding of `rule` at `start` (0-based line
 * ln): the first directive in source order naming the rule (or every
 * rule) that covers the whole file or the finding's line; else the last
 * disable or enable naming it that starts at or before the finding, when
 * that is a disable.
 *
 * Posts may carry tens of thousands of comments and findings, so this is
 * not a scan of the directives per finding (which took 18 s for 20,000 of
 * each): point directives go into a hash by (line, rule), and the ranges
 * are replayed once in source order while the findings, sorted by start,
 * are answered on the way. */
typedef struct {
    dlist *l;
    civ_strmap points; /* "F:rule", "F", "L<n>:rule", "L<n>" -> first directive */
    civ_strmap last;   /* rule -> last disable or enable naming it so far */
    directive *last_all; /* last disable or enable naming every rule */
    civ_buf key;
} sweep;

static const char *point_key(sweep *w, size_t ln, bool file, const char *rule)
{
    w->key.len = 0;
    if (file)
        civ_buf_putc(&w->key, 'F');
    else
        civ_buf_printf(&w->key, "L%zu", ln);
    if (rule) {
        civ_buf_putc(&w->key, ':');
        civ_buf_puts(&w->key, rule);
    }
    return w->key.data;
}

static void add_point(sweep *w, directive *d, const char *rule)
{
    const char *k = point_key(w, d->line, d->kind == D_FILE, rule);
    if (!civ_strmap_get(&w->points, k, w->key.len))
        civ_strmap_put(&w->points, k, w->key.len, d);
}

static void sweep_init(sweep *w, dlist *l)
{
    memset(w, 0, sizeof *w);
    w->l = l;
    civ_strmap_init(&w->points);
    civ_strmap_init(&w->last);
    civ_buf_init(&w->key);
    for (size_t i = 0; i < l->n; i++) {
        directive *d = &l->items[i];
        if (d->kind != D_FILE && d->kind != D_LINE && d->kind != D_NEXT_LINE)
            continue;
        if (!d->nrules)
            add_point(w, d, NULL);
        for (size_t k = 0; k < d->nrules; k++)
            add_point(w, d, d->rules[k]);
    }
}

static void sweep_release(sweep *w)
{
    civ_strmap_release(&w->points);
    civ_strmap_release(&w->last);
    civ_buf_release(&w->key);
}

/* The earlier (in source order) of two directives, either may be NULL. */
static directive *first_of(directive *a, directive *b)
{
    return !a ? b : !b ? a : b < a ? b : a;
}

/* Replays disables and enables that start at or before `start`. */
static void sweep_to(sweep *w, size_t *next, size_t start)
{
    for (; *next < w->l->n && w->l->items[*next].s0 <= start; (*next)++) {
        directive *d = &w->l->items[*next];
        CIV_WORK(1);
        if (d->kind != D_DISABLE && d->kind != D_ENABLE)
            continue;
        if (!d->nrules)
            w->last_all = d;
        for (size_t k = 0; k < d->nrules; k++)
            civ_strmap_put(&w->last, d->rules[k], strlen(d->rules[k]), d);
    }
}

/* The names a directive may give `rule` by: the rule's id and, for a pack
 * rule, its pack as PACK.* and as a bare PACK (ruleids.h). */
static size_t rule_names(const char *rule, char bufs[2][128], const char *out[3])
{
    size_t n = 0;
    out[n++] = rule;
    const char *dot = strchr(rule, '.');
    if (dot && dot - rule < 120) {
        snprintf(bufs[0], 128, "%.*s.*", (int)(dot - rule), rule);
        snprintf(bufs[1], 128, "%.*s", (int)(dot - rule), rule);
        out[n++] = bufs[0];
        out[n++] = bufs[1];
    }
    return n;
}

static directive *suppressor(sweep *w, const char *rule, size_t start, size_t ln, int *idx)
{
    char bufs[2][128];
    const char *nm[3];
    size_t nn = rule_names(rule, bufs, nm);
    directive *p = NULL;
    for (int file = 0; file < 2; file++)
        for (size_t k = 0; k <= nn; k++) { /* k == nn: every rule */
            const char *key = point_key(w, ln, file, k < nn ? nm[k] : NULL);
            p = first_of(p, civ_strmap_get(&w->points, key, w->key.len));
        }
    if (!p) {
        directive *r = NULL; /* the latest disable or enable naming it */
        for (size_t k = 0; k < nn; k++) {
            directive *q = civ_strmap_get(&w->last, nm[k], strlen(nm[k]));
            r = q && (!r || q > r) ? q : r;
        }
        r = r && w->last_all ? (r > w->last_all ? r : w->last_all) : r ? r : w->last_all;
        p = r && r->kind == D_DISABLE ? r : NULL;
    }
    *idx = p ? names(p, rule) : 0;
    return p;
}

typedef struct {
    size_t start, i;
} by_start;

static int cmp_start(const void *pa, const void *pb)
{
    const by_start *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

/* Drops the suppressed findings of d (keeping the order of the rest) and
 * marks the rules of the directives that suppressed them as used. */
static void drop_suppressed(const civ_doc *doc, dlist *l, civ_diags *d)
{
    by_start *order = xcalloc(d->n ? d->n : 1, sizeof *order);
    bool *drop = xcalloc(d->n ? d->n : 1, sizeof *drop);
    for (size_t r = 0; r < d->n; r++)
        order[r] = (by_start){d->items[r].start, r};
    civ_qsort(order, d->n, sizeof *order, cmp_start);
    sweep w;
    sweep_init(&w, l);
    size_t next = 0;
    for (size_t k = 0; k < d->n; k++) {
        civ_diag *g = &d->items[order[k].i];
        sweep_to(&w, &next, g->start);
        int idx;
        directive *s = suppressor(&w, g->rule, g->start, civ_source_line_of(doc->src, g->start), &idx);
        if (s) {
            s->used[idx] = true;
            drop[order[k].i] = true;
        }
    }
    sweep_release(&w);
    size_t out = 0;
    for (size_t r = 0; r < d->n; r++) {
        if (drop[r])
            civ_diag_release(&d->items[r]);
        else
            d->items[out++] = d->items[r];
    }
    d->n = out;
    free(order);
    free(drop);
}

/* Which enables close a disable before them (of one of their rules, or
 * either names every rule): one pass, remembering the rules disabled. */
static void mark_closing(dlist *l)
{
    civ_strmap disabled;
    civ_strmap_init(&disabled);
    bool any = false, any_all = false;
    for (size_t i = 0; i < l->n; i++) {
        directive *x = &l->items[i];
        if (x->kind == D_DISABLE) {
            any = true;
            any_all |= !x->nrules;
            for (size_t k = 0; k < x->nrules; k++)
                civ_strmap_put(&disabled, x->rules[k], strlen(x->rules[k]), x);
        } else if (x->kind == D_ENABLE) {
            x->closes = any && (!x->nrules || any_all);
            for (size_t k = 0; k < x->nrules && any && !x->closes; k++)
                x->closes = civ_strmap_get(&disabled, x->rules[k], strlen(x->rules[k])) != NULL;
        }
    }
    civ_strmap_release(&disabled);
}

static void report_unused(const civ_doc *doc, dlist *l, const civ_rules *rules,
                          const civ_policy *pol, civ_diags *d)
{
    civ_severity sev;
    if (!civ_policy_lookup(pol, CIV_RULE_UNUSED_SUPPRESSION, CIV_SEV_NOTE, &sev))
        return;
    (void)doc;
    mark_closing(l);
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
                        civ_diags *d)
{
    dlist l = {NULL, 0, 0};
    civ_diags bad;
    civ_diags_init(&bad);
    collect(doc, &l, &bad, policy);
    if (l.n) {
        drop_suppressed(doc, &l, d);
        report_unused(doc, &l, rules, policy, d);
    }
    /* move the unknown-directive findings over */
    for (size_t i = 0; i < bad.n; i++)
        *CIV_PUSH(d->items, d->n, d->cap) = bad.items[i];
    free(bad.items);
    for (size_t i = 0; i < l.n; i++) {
        free(l.items[i].rules);
        free(l.items[i].used);
    }
    free(l.items);
}
