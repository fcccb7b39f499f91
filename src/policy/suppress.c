/* suppress.c - see suppress.h.
 *
 * The directives come from the document model (model/directives.c finds
 * and parses every <!-- civlint-... --> comment of the post once); this
 * file gives the disable family its meaning. Each finding is checked
 * against the directives before it. */
#include "policy/suppress.h"

#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "base/util.h"

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
        free(l.items[i].rules);
        free(l.items[i].used);
    }
    free(l.items);
}
