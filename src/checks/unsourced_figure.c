/* unsourced_figure.c - `unsourced-figure`: a figure with no source.
 *
 * Editorial rule: every figure a post states (38.3%, $13.5 billion, 12 per
 * cent, 1,000 GEL, 60 million tonnes, 7,000 people, 150 soldiers) carries
 * its source in the same sentence: a link, an autolink, a footnote
 * reference or an attribution phrase ("according to", "reported", "data
 * from", "survey by", "said", "Source:" ...).
 *
 * What counts as a figure is data: every `figure-*` definition of the rule
 * packs (rules/figures.yml), minus numbers right after a `figure-label`
 * (Resolution 2334, Article 370). The attribution phrases are the
 * `attribution` definition. Overlapping matches keep the longest, so
 * '$13.5 billion' is one figure, not '$13.5 billion' and '13.5 billion'.
 *
 * Where figures are looked for: paragraphs, list items, block quotes and
 * table cells. Not in headings (a heading announces, the text sources),
 * footnote definitions (they are the sources), code, or link text (a
 * linked figure is sourced by its link).
 *
 * Sourced:
 *   - the figure's sentence (sentence.h) has a link, autolink, footnote
 *     reference or attribution phrase; with ctx->figure_scope == CIV_FIGURES_PARAGRAPH,
 *     anywhere in the paragraph. Inside a block quote the whole quote
 *     paragraph counts (a quote is attributed to its speaker as a unit);
 *   - in a table: the cell's row has a link or footnote, the paragraph just
 *     before the table holds a source, or the paragraph just after it is a
 *     caption (`table-caption`: "Source: ...") that holds one.
 *
 * Trade-offs: an attribution phrase is taken at its word ("estimates"
 * sources a figure even when whose estimates is vague), because flagging
 * every attributed figure would bury the unsourced ones; a source in the
 * previous sentence does not count unless the paragraph scope is on,
 * because "X reported A. B rose 40%." does not say who measured B. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "text/sentence.h"

#define NOV 20

typedef struct {
    size_t t0, t1;
    const char *def; /* the definition that found it */
} figure;

/* True when [t0,t1) of b holds a link, autolink or footnote reference, or
 * an attribution phrase. */
static bool has_source(const civ_block *b, size_t t0, size_t t1, const civ_pattern *attr)
{
    for (size_t i = 0; i < b->ninl; i++) {
        const civ_inline *in = &b->inl[i];
        if ((in->kind == CIV_INL_LINK || in->kind == CIV_INL_AUTOLINK ||
             in->kind == CIV_INL_FOOTNOTE_REF) &&
            in->t0 < t1 && t0 < in->t1)
            return true;
    }
    size_t ov[2];
    return attr && t1 > t0 && civ_pattern_find(attr, b->text + t0, t1 - t0, 0, ov, 1) == CIV_MATCH_OK;
}

static bool has_link(const civ_block *b)
{
    for (size_t i = 0; i < b->ninl; i++)
        if (b->inl[i].kind == CIV_INL_LINK || b->inl[i].kind == CIV_INL_AUTOLINK ||
            b->inl[i].kind == CIV_INL_FOOTNOTE_REF)
            return true;
    return false;
}

static bool is_cell(const civ_doc *doc, size_t i)
{
    return i < doc->nblocks && doc->blocks[i].kind == CIV_BLOCK_TABLE_CELL;
}

static bool is_first_cell(const civ_block *b)
{
    return b->table_row == 0 && b->table_col == 0;
}

/* The table a cell belongs to, computed once per table (a big table would
 * otherwise be walked once per cell). */
typedef struct {
    size_t ts, te;   /* its cells: blocks [ts, te) */
    bool around;     /* sourced by the paragraph before or a caption after */
    bool valid;
} table_info;

static void table_find(const civ_doc *doc, size_t ci, const civ_ctx *ctx, const civ_pattern *attr,
                       table_info *t)
{
    if (t->valid && ci >= t->ts && ci < t->te)
        return;
    size_t ts = ci;
    while (ts > 0 && !is_first_cell(&doc->blocks[ts]) && is_cell(doc, ts - 1))
        ts--;
    size_t te = ci + 1;
    while (is_cell(doc, te) && !is_first_cell(&doc->blocks[te]))
        te++;
    t->ts = ts;
    t->te = te;
    t->valid = true;
    t->around = false;
    if (ts > 0) {
        const civ_block *p = &doc->blocks[ts - 1];
        if (p->kind == CIV_BLOCK_PARAGRAPH && !(p->flags & CIV_IN_FOOTNOTE) &&
            has_source(p, 0, p->text_len, attr))
            t->around = true;
    }
    if (!t->around && te < doc->nblocks) {
        const civ_block *p = &doc->blocks[te];
        const civ_pattern *cap = civ_rules_def(ctx->rules, "table-caption");
        size_t ov[2];
        if (p->kind == CIV_BLOCK_PARAGRAPH && !(p->flags & CIV_IN_FOOTNOTE) && cap &&
            civ_pattern_find(cap, p->text, p->text_len, 0, ov, 1) == CIV_MATCH_OK &&
            has_source(p, 0, p->text_len, attr))
            t->around = true;
    }
}

/* Is the table holding cell `ci` sourced by the cell's row, the paragraph
 * before it or a caption after it? */
static bool table_sourced(const civ_doc *doc, size_t ci, const civ_ctx *ctx,
                          const civ_pattern *attr, table_info *t)
{
    table_find(doc, ci, ctx, attr, t);
    if (t->around)
        return true;
    int row = doc->blocks[ci].table_row;
    for (size_t j = t->ts; j < t->te; j++)
        if (doc->blocks[j].table_row == row && has_link(&doc->blocks[j]))
            return true;
    return false;
}

/* Figures must be prose: not in link text, autolinks or placeholders. */
static bool is_prose(const civ_block *b, size_t t0, size_t t1)
{
    for (size_t i = 0; i < b->ninl; i++) {
        const civ_inline *in = &b->inl[i];
        if (in->t0 < t1 && t0 < in->t1)
            return false;
    }
    return memmem(b->text + t0, t1 - t0, CIV_OBJ, CIV_OBJ_LEN) == NULL;
}

static bool after_label(const civ_block *b, size_t t0, const civ_pattern *label)
{
    if (!label)
        return false;
    size_t a = t0 > 40 ? t0 - 40 : 0;
    while (a < t0 && ((unsigned char)b->text[a] & 0xC0) == 0x80)
        a++;
    size_t ov[2];
    return civ_pattern_find(label, b->text + a, t0 - a, 0, ov, 1) == CIV_MATCH_OK;
}

static int cmp_fig(const void *pa, const void *pb)
{
    const figure *a = pa, *b = pb;
    if (a->t0 != b->t0)
        return a->t0 < b->t0 ? -1 : 1;
    if (a->t1 != b->t1)
        return a->t1 > b->t1 ? -1 : 1;
    return 0;
}

/* The figures of block b, in order, overlaps resolved. Returns the count
 * and a heap array (caller frees). */
static size_t find_figures(const civ_block *b, const civ_ctx *ctx, civ_sink *sink, figure **out)
{
    figure *f = NULL;
    size_t n = 0, cap = 0;
    const civ_pattern *label = civ_rules_def(ctx->rules, "figure-label");
    size_t nd = civ_rules_ndefs(ctx->rules);
    for (size_t d = 0; d < nd; d++) {
        const char *name;
        const civ_pattern *re = civ_rules_def_at(ctx->rules, d, &name);
        if (!re || strncmp(name, "figure-", 7) != 0 || re == label)
            continue;
        int g = civ_pattern_group(re, "figure");
        size_t from = 0, ov[2 * NOV];
        while (from < b->text_len) {
            int rc = civ_pattern_find(re, b->text, b->text_len, from, ov, NOV);
            if (rc == CIV_MATCH_LIMIT || rc == CIV_MATCH_ERROR) {
                size_t s0, s1;
                civ_block_span(b, from, b->text_len, &s0, &s1);
                civ_diags_problem(sink->out, name, s0,
                                  rc == CIV_MATCH_LIMIT ? "match limit" : "match error");
                break;
            }
            if (rc != CIV_MATCH_OK)
                break;
            size_t m0 = ov[0], m1 = ov[1];
            if (g > 0 && g < NOV && ov[2 * g] != SIZE_MAX) {
                m0 = ov[2 * g];
                m1 = ov[2 * g + 1];
            }
            if (m1 > m0 && is_prose(b, m0, m1) && !after_label(b, m0, label)) {
                figure *x = CIV_PUSH(f, n, cap);
                x->t0 = m0;
                x->t1 = m1;
                x->def = name;
            }
            from = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
            while (from < b->text_len && ((unsigned char)b->text[from] & 0xC0) == 0x80)
                from++;
        }
    }
    if (n > 1) {
        civ_qsort(f, n, sizeof *f, cmp_fig);
        size_t w = 0;
        for (size_t i = 0; i < n; i++) {
            if (w && f[i].t0 < f[w - 1].t1)
                continue;
            f[w++] = f[i];
        }
        n = w;
    }
    *out = f;
    return n;
}

/* Marks the sentences that [t0,t1) touches (sentences are in order). */
static void mark(const civ_sentence *s, size_t ns, size_t t0, size_t t1, bool *sourced)
{
    size_t lo = 0, hi = ns;
    while (lo < hi) { /* first sentence ending after t0 */
        size_t mid = lo + (hi - lo) / 2;
        if (s[mid].t1 <= t0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k < ns && s[k].t0 < (t1 > t0 ? t1 : t0 + 1); k++)
        sourced[k] = true;
}

/* Which sentences hold a source: one pass over the inlines and one over
 * the attribution matches, so a paragraph with thousands of figures and
 * sentences stays linear. */
static void mark_sources(const civ_block *b, const civ_sentence *s, size_t ns,
                         const civ_pattern *attr, civ_sink *sink, bool *sourced)
{
    for (size_t i = 0; i < b->ninl; i++) {
        const civ_inline *in = &b->inl[i];
        if (in->kind == CIV_INL_LINK || in->kind == CIV_INL_AUTOLINK ||
            in->kind == CIV_INL_FOOTNOTE_REF)
            mark(s, ns, in->t0, in->t1, sourced);
    }
    size_t from = 0, ov[2];
    while (attr && from < b->text_len) {
        int rc = civ_pattern_find(attr, b->text, b->text_len, from, ov, 1);
        if (rc == CIV_MATCH_LIMIT || rc == CIV_MATCH_ERROR) {
            size_t s0, s1;
            civ_block_span(b, from, b->text_len, &s0, &s1);
            civ_diags_problem(sink->out, "attribution", s0,
                              rc == CIV_MATCH_LIMIT ? "match limit" : "match error");
            break;
        }
        if (rc != CIV_MATCH_OK)
            break;
        mark(s, ns, ov[0], ov[1], sourced);
        from = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
        while (from < b->text_len && ((unsigned char)b->text[from] & 0xC0) == 0x80)
            from++;
    }
}

static void check_block(const civ_doc *doc, size_t bi, const civ_ctx *ctx, civ_sink *sink,
                        const civ_pattern *attr, table_info *table)
{
    const civ_block *b = &doc->blocks[bi];
    figure *figs = NULL;
    size_t nf = find_figures(b, ctx, sink, &figs);
    if (!nf) {
        free(figs);
        return;
    }
    /* The source scope: each sentence, or the whole paragraph as one. */
    bool para = ctx->figure_scope == CIV_FIGURES_PARAGRAPH || (b->flags & CIV_IN_QUOTE);
    size_t ns = 0;
    civ_sentence *sents = para ? NULL : civ_sentences_split(b->text, b->text_len, &ns);
    if (!ns) {
        free(sents);
        sents = xmalloc(sizeof *sents);
        sents[0].t0 = 0;
        sents[0].t1 = b->text_len;
        ns = 1;
    }
    bool *sourced = xcalloc(ns, sizeof *sourced);
    mark_sources(b, sents, ns, attr, sink, sourced);
    size_t k = 0;
    for (size_t i = 0; i < nf; i++) {
        while (k + 1 < ns && sents[k + 1].t0 <= figs[i].t0) /* figures are in order */
            k++;
        if (sourced[k])
            continue;
        if (b->kind == CIV_BLOCK_TABLE_CELL && table_sourced(doc, bi, ctx, attr, table))
            continue;
        size_t s0, s1;
        civ_block_span(b, figs[i].t0, figs[i].t1, &s0, &s1);
        const char *where = para ? "paragraph" : "sentence";
        if (b->kind == CIV_BLOCK_TABLE_CELL)
            where = "table";
        civ_diag *d = civ_report(sink, s0, s1, "figure '%.*s' has no source in its %s",
                                 (int)(s1 - s0), doc->src->data + s0, where);
        civ_diag_note(d, "add a link, a footnote or an attribution ('according to ...') to the %s",
                      b->kind == CIV_BLOCK_TABLE_CELL ? "paragraph before the table" : where);
    }
    free(sourced);
    free(sents);
    free(figs);
}

void civ_check_unsourced_figure(const civ_doc *doc, const civ_ctx *ctx, civ_sink *sink)
{
    if (!ctx->rules)
        return;
    const civ_pattern *attr = civ_rules_def(ctx->rules, "attribution");
    table_info table = {0};
    for (size_t i = 0; i < doc->nblocks; i++) {
        const civ_block *b = &doc->blocks[i];
        if (b->kind != CIV_BLOCK_PARAGRAPH && b->kind != CIV_BLOCK_TABLE_CELL)
            continue;
        if (b->flags & CIV_IN_FOOTNOTE)
            continue;
        check_block(doc, i, ctx, sink, attr, &table);
    }
}
