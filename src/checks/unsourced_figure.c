/* unsourced_figure.c - `unsourced-figure`: a figure with no source.
 *
 * Editorial rule: every figure a post states (38.3%, $13.5 billion, 12 per
 * cent, 1,000 GEL, 60 million tonnes, 7,000 people, 150 soldiers) carries
 * its source near it: a link, an autolink, an HTML anchor, a footnote
 * reference or an attribution phrase ("according to", "reported", "the
 * survey found", "Source:", "as shown in Figure 2" ...).
 *
 * What counts as a figure is data: every `figure-*` definition of the rule
 * packs (rules/figures.yml), minus numbers right after a `figure-label`
 * (Resolution 2334, Article 370) and figures wholly inside a match of a
 * `not-figure-*` definition (worked examples, labels, specifications,
 * settings, statute text). Overlapping matches keep the longest, so
 * '$13.5 billion' is one figure, not '$13.5 billion' and '13.5 billion'.
 *
 * Where figures are looked for: paragraphs, list items, block quotes and
 * tables. Not in headings (a heading announces, the text sources),
 * footnote definitions (they are the sources), code, or link text (a
 * linked figure is sourced by its link).
 *
 * Sources are graded (rules/figures.yml): `attribution` names someone
 * else and always counts; `attribution-self`, the config's own names
 * (`figures.own-names`) and the post's authors (figure_names.h) are the
 * author speaking first-hand ("we found", "our survey"), which counts
 * unless ctx->figure_self_report.
 *
 * Sourced:
 *   - prose: a source in the figure's sentence (CIV_FIGURES_SENTENCE), in
 *     it or the sentence after it in the same paragraph, or the sentence
 *     before it when the figure's sentence goes on from it ("This ...",
 *     "The survey ...": the `continuation` definition) (CIV_FIGURES_ADJACENT,
 *     the default), or anywhere in the paragraph (CIV_FIGURES_PARAGRAPH);
 *   - first-hand words (and own names) anywhere in the paragraph, whatever
 *     the scope: the author speaking in the first person speaks for the
 *     paragraph ("Our goal was 80%. The pilot reached 95%.");
 *   - a paragraph right after a code block: first-hand (the code's output);
 *   - anything in a post whose title says it reports results ("2024 survey
 *     results", "Benchmarking ..."; `report-title`): first-hand;
 *   - a list is reported once, on its first unsourced figure, with the
 *     count in the note; an item is also sourced by the last sentence of the paragraph or heading
 *     that leads into the list ("The survey found:");
 *   - a block quote or a caption paragraph ("Figure 1: ..."): a source
 *     anywhere in it; a quote also by the paragraph
 *     that introduces it, or an introduction ending in a colon (a quote is
 *     attributed to its speaker as a unit);
 *   - a table, as a whole: a source in the paragraph before it, in a header
 *     cell, a footnote reference in any cell, or a line right below it (a
 *     `table-caption` such as "Source: ...", or a line with a link or a
 *     footnote); a row with a link sources that row's cells. An unsourced
 *     table is one finding, on its first unsourced figure, with the count.
 *
 * Trade-offs: an attribution phrase is taken at its word ("estimates"
 * sources a figure even when whose estimates is vague), because flagging
 * every attributed figure would bury the unsourced ones; "an estimated" or
 * "is estimated" with no estimator does not source. First-person words
 * make a figure first-hand even when "we" means people in general. The
 * adjacent scope accepts "X reported A. B rose 40%.", which an editor may
 * query; the sentence scope is there for posts held to the strict rule. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "checks/figure_names.h"
#include "text/sentence.h"

#define NOV 20

enum { SRC_OTHER = 1, SRC_SELF = 2 }; /* source grades, bits */

typedef struct {
    size_t t0, t1;
} span;

/* What one run of the check needs, looked up once per post. */
typedef struct {
    const civ_ctx *ctx;
    civ_sink *sink;
    const civ_pattern *attr, *self, *label, *caption, *cont, *figlabel;
    unsigned accept; /* the grades that source a figure */
    unsigned post;   /* the grade the post's title gives every figure */
    size_t attr_i, self_i; /* definition indexes, for the prefilter */
    struct pfcache *pc;
    const civ_figure_names *names; /* own names and the post's authors */
} fenv;

static bool ends_in_colon(const civ_block *p);
static unsigned last_sentence_grades(const civ_block *p, const fenv *e);

/* The prefilter's verdicts for the last block scanned (rules/prefilter.h):
 * a definition's pattern runs only on the blocks where it can match. */
struct pfcache { const civ_block *b; bool *hit; };

static bool def_may_match(const fenv *e, const civ_block *b, size_t d)
{
    const civ_prefilter *pf = civ_rules_prefilter(e->ctx->rules);
    if (!pf || d == SIZE_MAX)
        return true;
    if (e->pc->b != b) {
        civ_prefilter_scan(pf, b->text, b->text_len, e->pc->hit);
        e->pc->b = b;
    }
    return e->pc->hit[civ_rules_def_slot(e->ctx->rules, d)];
}

static bool is_link(const civ_inline *in)
{
    if (in->kind == CIV_INL_LINK || in->kind == CIV_INL_AUTOLINK ||
        in->kind == CIV_INL_FOOTNOTE_REF)
        return true;
    /* An HTML anchor (<a href=...>) in Markdown is a link too. */
    return in->kind == CIV_INL_HTML && in->url && (in->url[0] == '<') &&
           (in->url[1] == 'a' || in->url[1] == 'A') && (in->url[2] == ' ' || in->url[2] == '\t');
}

/* Steps to the start of the next UTF-8 character at or after `from`. */
static size_t next_char(const char *t, size_t len, size_t from)
{
    while (from < len && ((unsigned char)t[from] & 0xC0) == 0x80)
        from++;
    return from;
}

/* Calls fn for every match of re in b's text; a limit or an error is a
 * problem of the definition `name`, reported once. */
static void each_match(const civ_block *b, const civ_pattern *re, const char *name, civ_sink *sink,
                       void (*fn)(void *arg, const size_t *ov, int g), void *arg, int g)
{
    size_t from = 0, ov[2 * NOV];
    while (re && from < b->text_len) {
        int rc = civ_pattern_find(re, b->text, b->text_len, from, ov, NOV);
        if (rc == CIV_MATCH_LIMIT || rc == CIV_MATCH_ERROR) {
            size_t s0, s1;
            civ_block_span(b, from, b->text_len, &s0, &s1);
            civ_diags_problem(sink->out, name, s0,
                              rc == CIV_MATCH_LIMIT ? "match limit" : "match error");
            return;
        }
        if (rc != CIV_MATCH_OK)
            return;
        fn(arg, ov, g);
        from = next_char(b->text, b->text_len, ov[1] > ov[0] ? ov[1] : ov[0] + 1);
    }
}

typedef struct {
    span *v;
    size_t n, cap;
} spans;

static void push_span(void *arg, const size_t *ov, int g)
{
    spans *s = arg;
    span *x = CIV_PUSH(s->v, s->n, s->cap);
    x->t0 = ov[0];
    x->t1 = ov[1];
    if (g > 0 && g < NOV && ov[2 * g] != SIZE_MAX) {
        x->t0 = ov[2 * g];
        x->t1 = ov[2 * g + 1];
    }
}

/* Every source in b as spans with their grade: links, attribution,
 * first-hand words and own names. */
typedef struct {
    spans s[2]; /* [0]: SRC_OTHER, [1]: SRC_SELF */
} sources;

/* A reporting verb whose subject is the author ("we found", "our
 * analysis shows that") is first-hand: the attribution spans [from..] that
 * start at most SELF_GAP bytes after a first-person span move to SRC_SELF. */
#define SELF_GAP 24
static void regrade_first_person(sources *s, size_t from)
{
    size_t w = from;
    for (size_t i = from; i < s->s[0].n; i++) {
        span a = s->s[0].v[i];
        bool self = false;
        for (size_t j = 0; j < s->s[1].n && !self; j++)
            self = s->s[1].v[j].t1 <= a.t0 && a.t0 - s->s[1].v[j].t1 <= SELF_GAP;
        if (self)
            *CIV_PUSH(s->s[1].v, s->s[1].n, s->s[1].cap) = a;
        else
            s->s[0].v[w++] = a;
    }
    s->s[0].n = w;
}

static void find_sources(const civ_block *b, const fenv *e, sources *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < b->ninl; i++) {
        if (!is_link(&b->inl[i]))
            continue;
        span *x = CIV_PUSH(out->s[0].v, out->s[0].n, out->s[0].cap);
        x->t0 = b->inl[i].t0;
        x->t1 = b->inl[i].t1 > b->inl[i].t0 ? b->inl[i].t1 : b->inl[i].t0 + 1;
    }
    size_t nlinks = out->s[0].n;
    if (def_may_match(e, b, e->attr_i))
        each_match(b, e->attr, "attribution", e->sink, push_span, &out->s[0], 0);
    if (def_may_match(e, b, e->self_i))
        each_match(b, e->self, "attribution-self", e->sink, push_span, &out->s[1], 0);
    regrade_first_person(out, nlinks);
    civ_figure_names_find(e->names, b, push_span, &out->s[1]);
}

static void sources_free(sources *s)
{
    free(s->s[0].v);
    free(s->s[1].v);
}

/* The accepted grades of the sources anywhere in b. */
static unsigned block_grades(const civ_block *b, const fenv *e)
{
    sources s;
    find_sources(b, e, &s);
    unsigned g = (s.s[0].n ? SRC_OTHER : 0) | (s.s[1].n ? SRC_SELF : 0);
    sources_free(&s);
    return g & e->accept;
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
    a = next_char(b->text, t0, a);
    size_t ov[2];
    return civ_pattern_find(label, b->text + a, t0 - a, 0, ov, 1) == CIV_MATCH_OK;
}

static int cmp_span(const void *pa, const void *pb)
{
    const span *a = pa, *b = pb;
    if (a->t0 != b->t0)
        return a->t0 < b->t0 ? -1 : 1;
    if (a->t1 != b->t1)
        return a->t1 > b->t1 ? -1 : 1;
    return 0;
}

static bool inside_any(const spans *ex, size_t t0, size_t t1)
{
    for (size_t i = 0; i < ex->n; i++)
        if (ex->v[i].t0 <= t0 && t1 <= ex->v[i].t1)
            return true;
    return false;
}

/* The figures of block b, in order, overlaps resolved, exclusions
 * dropped. Returns the count and a heap array (caller frees). */
static size_t find_figures(const civ_block *b, const fenv *e, span **out)
{
    spans f = {0}, ex = {0};
    size_t nd = civ_rules_ndefs(e->ctx->rules);
    for (size_t d = 0; d < nd; d++) {
        const char *name;
        const civ_pattern *re = civ_rules_def_at(e->ctx->rules, d, &name);
        if (!re || !def_may_match(e, b, d))
            continue;
        if (strncmp(name, "not-figure-", 11) == 0)
            each_match(b, re, name, e->sink, push_span, &ex, 0);
        else if (strncmp(name, "figure-", 7) == 0 && re != e->label)
            each_match(b, re, name, e->sink, push_span, &f, civ_pattern_group(re, "figure"));
    }
    size_t w = 0;
    if (f.n > 1)
        civ_qsort(f.v, f.n, sizeof *f.v, cmp_span);
    for (size_t i = 0; i < f.n; i++) {
        span x = f.v[i];
        if (x.t1 <= x.t0 || (w && x.t0 < f.v[w - 1].t1))
            continue; /* empty, or inside a longer figure already kept */
        f.v[w++] = x;
    }
    /* Exclusions after the overlaps: '$5,000' in an example must not leave
     * '5,000 a' behind as a figure of its own. */
    size_t k = 0;
    for (size_t i = 0; i < w; i++)
        if (is_prose(b, f.v[i].t0, f.v[i].t1) && !after_label(b, f.v[i].t0, e->label) &&
            !inside_any(&ex, f.v[i].t0, f.v[i].t1))
            f.v[k++] = f.v[i];
    free(ex.v);
    *out = f.v;
    return k;
}

/* Marks with grade g the sentences that [t0,t1) touches. */
static void mark(const civ_sentence *s, size_t ns, size_t t0, size_t t1, unsigned g,
                 unsigned char *grades)
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
        grades[k] |= (unsigned char)g;
}

static const char *scope_words(int scope)
{
    return scope == CIV_FIGURES_PARAGRAPH ? "its paragraph"
         : scope == CIV_FIGURES_SENTENCE  ? "its sentence"
                                          : "or next to its sentence";
}

static civ_diag *report(const civ_doc *doc, const civ_block *b, const span *f, civ_sink *sink,
                        int scope)
{
    size_t s0, s1;
    civ_block_span(b, f->t0, f->t1, &s0, &s1);
    civ_diag *d = civ_report(sink, s0, s1, "figure '%.*s' has no source in %s", (int)(s1 - s0),
                             doc->src->data + s0, scope_words(scope));
    civ_diag_note(d, "add a link, a footnote or an attribution ('according to ...') to the %s",
                  scope == CIV_FIGURES_PARAGRAPH ? "paragraph" : "sentence");
    return d;
}

/* The blocks [*q0,*q1) of the block quote holding block i. */
static void quote_run(const civ_doc *doc, size_t i, size_t *q0, size_t *q1)
{
    size_t a = i, z = i + 1;
    while (a > 0 && (doc->blocks[a - 1].flags & CIV_IN_QUOTE))
        a--;
    while (z < doc->nblocks && (doc->blocks[z].flags & CIV_IN_QUOTE))
        z++;
    *q0 = a;
    *q1 = z;
}

/* A block quote is sourced as a unit: by a source in it, by the paragraph
 * that introduces it, or by an introduction that ends in a colon. */
static bool quote_sourced(const civ_doc *doc, size_t i, const fenv *e)
{
    size_t q0, q1;
    quote_run(doc, i, &q0, &q1);
    for (size_t j = q0; j < q1; j++)
        if (doc->blocks[j].kind == CIV_BLOCK_PARAGRAPH && block_grades(&doc->blocks[j], e))
            return true;
    if (q0 == 0)
        return false;
    const civ_block *p = &doc->blocks[q0 - 1];
    if (p->kind != CIV_BLOCK_PARAGRAPH || (p->flags & CIV_IN_FOOTNOTE))
        return false;
    return ends_in_colon(p) || block_grades(p, e);
}

static bool ends_in_colon(const civ_block *p)
{
    size_t n = p->text_len;
    while (n && (p->text[n - 1] == ' ' || p->text[n - 1] == '\n'))
        n--;
    return n && p->text[n - 1] == ':';
}

/* A list item is sourced by the sentence that leads into its list ("The
 * survey found:"), the last of the paragraph before the list: a "we" earlier
 * in that paragraph is often the general "we see". */
static unsigned lead_in_grades(const civ_doc *doc, size_t bi, const fenv *e)
{
    if (!(doc->blocks[bi].flags & CIV_IN_LIST))
        return 0;
    size_t a = bi;
    while (a > 0 && (doc->blocks[a - 1].flags & CIV_IN_LIST))
        a--;
    if (a == 0)
        return 0;
    const civ_block *p = &doc->blocks[a - 1];
    if ((p->kind != CIV_BLOCK_PARAGRAPH && p->kind != CIV_BLOCK_HEADING) ||
        (p->flags & (CIV_IN_FOOTNOTE | CIV_IN_QUOTE)))
        return 0; /* a heading may lead in too: "### What we counted:" */
    unsigned g = last_sentence_grades(p, e);
    /* A heading ending in a colon goes on from the paragraph before it
     * ("Here are our stats:" / "#### At the sprint:" / the list). */
    if (p->kind == CIV_BLOCK_HEADING && ends_in_colon(p) && a >= 2 &&
        doc->blocks[a - 2].kind == CIV_BLOCK_PARAGRAPH &&
        !(doc->blocks[a - 2].flags & (CIV_IN_FOOTNOTE | CIV_IN_QUOTE | CIV_IN_LIST)))
        g |= last_sentence_grades(&doc->blocks[a - 2], e);
    return g & e->accept;
}

/* The grades of the sources in the last sentence of p. */
static unsigned last_sentence_grades(const civ_block *p, const fenv *e)
{
    size_t ns = 0;
    civ_sentence *sents = civ_sentences_split(p->text, p->text_len, &ns);
    size_t from = ns ? sents[ns - 1].t0 : 0;
    free(sents);
    sources src;
    find_sources(p, e, &src);
    unsigned g = 0;
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < src.s[k].n; i++)
            if (src.s[k].v[i].t1 > from)
                g |= k ? SRC_SELF : SRC_OTHER;
    sources_free(&src);
    return g;
}

/* Does sentence s go on from the one before ("This ...", "The survey
 * ...")? Only then does the source of the sentence before reach it: in
 * "X reported A. In 2023 B rose 40%." nothing says who measured B. */
static bool continues(const civ_block *b, const civ_sentence *s, const fenv *e)
{
    size_t ov[2];
    return e->cont && s->t1 > s->t0 &&
           civ_pattern_find(e->cont, b->text + s->t0, s->t1 - s->t0, 0, ov, 1) == CIV_MATCH_OK;
}

/* A caption: a paragraph that starts like one ("Figure 1: ..."), or one
 * that holds an image and a "Figure 1:" label (the image's caption written
 * next to it). */
static bool is_caption(const civ_block *b, const fenv *e)
{
    size_t ov[2];
    if (e->caption && civ_pattern_find(e->caption, b->text, b->text_len, 0, ov, 1) == CIV_MATCH_OK)
        return true;
    bool image = false;
    for (size_t i = 0; i < b->ninl && !image; i++)
        image = b->inl[i].kind == CIV_INL_IMAGE;
    return image && e->figlabel &&
           civ_pattern_find(e->figlabel, b->text, b->text_len, 0, ov, 1) == CIV_MATCH_OK;
}

/* The unsourced figures of prose block bi into *out (heap, caller frees);
 * returns their count and sets *scope to the scope that applied. */
static size_t unsourced_in(const civ_doc *doc, size_t bi, const fenv *e, span **out, int *scope_out)
{
    const civ_block *b = &doc->blocks[bi];
    span *figs = NULL;
    size_t nf = find_figures(b, e, &figs);
    *out = NULL;
    *scope_out = e->ctx->figure_scope;
    if (!nf || ((b->flags & CIV_IN_QUOTE) && quote_sourced(doc, bi, e))) {
        free(figs);
        return 0;
    }
    int scope = e->ctx->figure_scope;
    /* A quote, and a caption, are one unit. */
    if ((b->flags & CIV_IN_QUOTE) || is_caption(b, e))
        scope = CIV_FIGURES_PARAGRAPH;
    *scope_out = scope;
    size_t ns = 0;
    civ_sentence *sents =
        scope == CIV_FIGURES_PARAGRAPH ? NULL : civ_sentences_split(b->text, b->text_len, &ns);
    if (!ns) {
        free(sents);
        sents = xmalloc(sizeof *sents);
        sents[0].t0 = 0;
        sents[0].t1 = b->text_len;
        ns = 1;
    }
    unsigned char *grades = xcalloc(ns, 1);
    sources src;
    find_sources(b, e, &src);
    for (size_t i = 0; i < src.s[0].n; i++)
        mark(sents, ns, src.s[0].v[i].t0, src.s[0].v[i].t1, SRC_OTHER, grades);
    /* The author speaking first-hand speaks for the whole paragraph ("Our
     * goal was 80%. The pilot reached 95%."), and for a list, its lead-in. */
    unsigned whole = (src.s[1].n ? SRC_SELF : 0) | lead_in_grades(doc, bi, e) | e->post;
    /* Right after a code block, the figures are what that code computed
     * ("The output is 21,553,152."): the author's own results. */
    if (bi > 0 && doc->blocks[bi - 1].kind == CIV_BLOCK_CODE)
        whole |= SRC_SELF;
    sources_free(&src);
    size_t k = 0, w = 0;
    for (size_t i = 0; i < nf; i++) {
        while (k + 1 < ns && sents[k + 1].t0 <= figs[i].t0) /* figures are in order */
            k++;
        unsigned g = grades[k] | whole;
        if (scope == CIV_FIGURES_ADJACENT)
            g |= (k + 1 < ns ? grades[k + 1] : 0) |
                 (k > 0 && continues(b, &sents[k], e) ? grades[k - 1] : 0);
        if (!(g & e->accept))
            figs[w++] = figs[i];
    }
    free(grades);
    free(sents);
    *out = figs;
    return w;
}

static void check_prose(const civ_doc *doc, size_t bi, const fenv *e)
{
    span *figs;
    int scope;
    size_t n = unsourced_in(doc, bi, e, &figs, &scope);
    for (size_t i = 0; i < n; i++)
        report(doc, &doc->blocks[bi], &figs[i], e->sink, scope);
    free(figs);
}

/* A list, like a table, is one finding: the items from bi on (outside
 * quotes) up to the first block outside a list. Returns the block after. */
static size_t check_list(const civ_doc *doc, size_t bi, const fenv *e)
{
    size_t le = bi, count = 0, first_block = 0;
    span first = {0, 0};
    int first_scope = 0;
    for (; le < doc->nblocks && (doc->blocks[le].flags & CIV_IN_LIST) &&
           !(doc->blocks[le].flags & (CIV_IN_QUOTE | CIV_IN_FOOTNOTE));
         le++) {
        if (doc->blocks[le].kind != CIV_BLOCK_PARAGRAPH)
            continue;
        span *figs;
        int scope;
        size_t n = unsourced_in(doc, le, e, &figs, &scope);
        if (n && !count) {
            first = figs[0];
            first_block = le;
            first_scope = scope;
        }
        count += n;
        free(figs);
    }
    if (count) {
        civ_diag *d = report(doc, &doc->blocks[first_block], &first, e->sink, first_scope);
        if (count > 1)
            civ_diag_note(d, "the list has %zu unsourced figures: source the sentence leading into "
                             "it or each item", count);
    }
    return le > bi ? le : bi + 1;
}

/* ---- tables ---------------------------------------------------------- */

static bool is_cell(const civ_doc *doc, size_t i)
{
    return i < doc->nblocks && doc->blocks[i].kind == CIV_BLOCK_TABLE_CELL;
}

static bool is_first_cell(const civ_block *b)
{
    return b->table_row == 0 && b->table_col == 0;
}

static bool has_inline(const civ_block *b, bool footnotes_only)
{
    for (size_t i = 0; i < b->ninl; i++)
        if (footnotes_only ? b->inl[i].kind == CIV_INL_FOOTNOTE_REF : is_link(&b->inl[i]))
            return true;
    return false;
}

/* The line right below a table sources it when it is a caption with a
 * source ("Source: ...", "Note: data from ...") or holds a link or a
 * footnote reference ("[Geostat](...)", "[^1]"). */
static bool below_sources(const civ_block *p, const fenv *e)
{
    if (p->kind != CIV_BLOCK_PARAGRAPH || (p->flags & CIV_IN_FOOTNOTE))
        return false;
    size_t ov[2];
    if (e->caption && civ_pattern_find(e->caption, p->text, p->text_len, 0, ov, 1) == CIV_MATCH_OK)
        return block_grades(p, e) != 0;
    return has_inline(p, false);
}

/* Is the table [ts,te) sourced as a whole? */
static bool table_sourced(const civ_doc *doc, size_t ts, size_t te, const fenv *e)
{
    if (e->post & e->accept)
        return true;
    if (ts > 0) {
        const civ_block *p = &doc->blocks[ts - 1];
        if (p->kind == CIV_BLOCK_PARAGRAPH && !(p->flags & CIV_IN_FOOTNOTE) && block_grades(p, e))
            return true;
    }
    if (te < doc->nblocks && below_sources(&doc->blocks[te], e))
        return true;
    for (size_t j = ts; j < te; j++) {
        const civ_block *c = &doc->blocks[j];
        if (has_inline(c, true))
            return true;
        if (c->table_row == 0 && block_grades(c, e))
            return true; /* a header cell: "Share (source: Geostat)" */
    }
    return false;
}

static bool row_linked(const civ_doc *doc, size_t ts, size_t te, int row)
{
    for (size_t j = ts; j < te; j++)
        if (doc->blocks[j].table_row == row && has_inline(&doc->blocks[j], false))
            return true;
    return false;
}

/* One table from its first cell: one finding at most. Returns the block
 * after the table. */
static size_t check_table(const civ_doc *doc, size_t ts, const fenv *e)
{
    size_t te = ts + 1;
    while (is_cell(doc, te) && !is_first_cell(&doc->blocks[te]))
        te++;
    size_t count = 0, first_cell = 0;
    span first = {0, 0};
    for (size_t j = ts; j < te; j++) {
        const civ_block *c = &doc->blocks[j];
        span *figs = NULL;
        size_t nf = find_figures(c, e, &figs);
        if (nf && !row_linked(doc, ts, te, c->table_row)) {
            if (!count) {
                first = figs[0];
                first_cell = j;
            }
            count += nf;
        }
        free(figs);
    }
    if (!count || table_sourced(doc, ts, te, e))
        return te;
    const civ_block *c = &doc->blocks[first_cell];
    size_t s0, s1;
    civ_block_span(c, first.t0, first.t1, &s0, &s1);
    civ_diag *d = civ_report(e->sink, s0, s1, "figure '%.*s' has no source in its table",
                             (int)(s1 - s0), doc->src->data + s0);
    civ_diag_note(d,
                  "the table has %zu unsourced figure%s: add a source to the paragraph before it, "
                  "its header or a line below it ('Source: ...')",
                  count, count == 1 ? "" : "s");
    return te;
}

/* SRC_SELF when the post's title says it reports results of its own
 * (`report-title`): the title of the front matter, else the first level-1
 * heading. */
static unsigned post_grade(const civ_doc *doc, const civ_rules *rules)
{
    const civ_pattern *re = civ_rules_def(rules, "report-title");
    const char *t = doc->fm ? doc->fm->title : NULL;
    size_t n = t ? strlen(t) : 0;
    for (size_t i = 0; !t && re && i < doc->nblocks; i++) {
        if (doc->blocks[i].kind == CIV_BLOCK_HEADING && doc->blocks[i].level == 1) {
            t = doc->blocks[i].text;
            n = doc->blocks[i].text_len;
        }
    }
    size_t ov[2];
    return re && t && civ_pattern_find(re, t, n, 0, ov, 1) == CIV_MATCH_OK ? SRC_SELF : 0;
}

void civ_check_unsourced_figure(const civ_doc *doc, const civ_ctx *ctx, civ_sink *sink)
{
    if (!ctx->rules)
        return;
    fenv e = {
        .ctx = ctx,
        .sink = sink,
        .attr = civ_rules_def(ctx->rules, "attribution"),
        .self = civ_rules_def(ctx->rules, "attribution-self"),
        .label = civ_rules_def(ctx->rules, "figure-label"),
        .caption = civ_rules_def(ctx->rules, "table-caption"),
        .cont = civ_rules_def(ctx->rules, "continuation"),
        .figlabel = civ_rules_def(ctx->rules, "caption-label"),
        .accept = SRC_OTHER | (ctx->figure_self_report ? 0 : SRC_SELF),
        .attr_i = civ_rules_def_index(ctx->rules, "attribution"),
        .self_i = civ_rules_def_index(ctx->rules, "attribution-self"),
    };
    const civ_prefilter *pf = civ_rules_prefilter(ctx->rules);
    struct pfcache pc = {NULL, xcalloc(pf ? civ_prefilter_slots(pf) + 1 : 1, sizeof(bool))};
    e.pc = &pc;
    civ_figure_names names;
    civ_figure_names_init(&names, doc, ctx);
    e.names = &names;
    e.post = post_grade(doc, ctx->rules) & e.accept;
    for (size_t i = 0; i < doc->nblocks;) {
        const civ_block *b = &doc->blocks[i];
        if (b->flags & CIV_IN_FOOTNOTE) {
            i++;
        } else if (b->kind == CIV_BLOCK_TABLE_CELL) {
            i = check_table(doc, i, &e);
        } else if (b->kind == CIV_BLOCK_PARAGRAPH && (b->flags & CIV_IN_LIST) &&
                   !(b->flags & CIV_IN_QUOTE)) {
            i = check_list(doc, i, &e);
        } else {
            if (b->kind == CIV_BLOCK_PARAGRAPH)
                check_prose(doc, i, &e);
            i++;
        }
    }
    free(pc.hit);
    civ_figure_names_free(&names);
}
