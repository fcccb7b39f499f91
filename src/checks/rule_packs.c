/* rule_packs.c - `rule-packs`: runs the house-style rules of the packs in
 * rules/ (*.yml) (rulepack.h) and reports each as PACK.ID.
 *
 * Editorial rule: whatever the style guide says, as data. Existence rules
 * flag every match, substitution rules flag a wrong form and offer the
 * right one as a fix-it, consistency rules flag the minority spellings of a
 * term within one post.
 *
 * What is matched: the prose text of paragraphs, list items, block quotes,
 * table cells and footnote definitions (scope `prose`) and headings (scope
 * `headings`). Code, HTML, image alt text and URLs are never matched: code
 * spans and images are U+FFFC placeholders in the text, and a match that
 * touches a placeholder or falls inside an autolink is dropped.
 *
 * Quotation-aware: consistency and substitution rules skip what is not the
 * author's own words (quotes.h): direct quotations, block quotes and the
 * link text of cited titles, because a post may quote a source that spells
 * a term another way (Uighur, Kiev); those forms do not count towards a
 * post's majority either. A post can also allow a term for one rule with
 * `<!-- civlint-allow house.uyghur "Uighur" -- title of a cited report -->`.
 * Existence rules (weasel words, filler) still apply inside quotations:
 * the author chose to quote them, and an editor wants to know.
 *
 * Exclusions (rulepack.h): a match inside a match of one of the rule's
 * `skip` patterns, inside the text of a link when the rule says
 * `skip-links: true`, or inside a product or proper name listed under a
 * pack's `names:` is not reported, and does not count towards a
 * consistency rule's majority.
 *
 * Trade-offs: a rule that hits the pcre2 match limit on a file stops for
 * that file and is reported once as a run problem, never as a finding. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "text/quotes.h"
#include "rules/rulepack.h"

#define NOV 10

typedef struct {
    const civ_block *b;
    size_t t0, t1;
    size_t form;
} hit;

static bool in_scope(const civ_rule *r, const civ_block *b)
{
    if (!civ_block_is_prose(b))
        return false;
    unsigned want = b->kind == CIV_BLOCK_HEADING ? CIV_SCOPE_HEADINGS : CIV_SCOPE_PROSE;
    return (r->scope & want) != 0;
}

/* Matches over a placeholder or inside an autolink's URL text are not prose. */
static bool is_prose_range(const civ_block *b, size_t t0, size_t t1)
{
    if (t1 <= t0)
        return false;
    for (size_t i = 0; i < b->ninl; i++) {
        const civ_inline *in = &b->inl[i];
        if (in->t0 < t1 && t0 < in->t1 &&
            (in->kind == CIV_INL_AUTOLINK || in->kind == CIV_INL_IMAGE ||
             in->kind == CIV_INL_FOOTNOTE_REF || in->kind == CIV_INL_CODE ||
             in->kind == CIV_INL_HTML))
            return false;
    }
    return memmem(b->text + t0, t1 - t0, CIV_OBJ, CIV_OBJ_LEN) == NULL;
}

/* The ranges of one block that rule r leaves alone (its exclusions, see
 * the top comment), found on the first match that needs them. */
typedef struct {
    size_t *r; /* pairs t0, t1 */
    size_t n, cap;
    bool found;
} excl;

static void excl_add_matches(excl *x, const civ_pattern *p, const civ_block *b)
{
    size_t from = 0, ov[2];
    while (from <= b->text_len && civ_pattern_find(p, b->text, b->text_len, from, ov, 1) == CIV_MATCH_OK) {
        *CIV_PUSH(x->r, x->n, x->cap) = ov[0];
        *CIV_PUSH(x->r, x->n, x->cap) = ov[1];
        from = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
}

/* Whether the match [t0,t1) lies inside one of r's exclusions in b. A
 * skip pattern that gives up excludes nothing: the rule then reports as it
 * would without it. */
static bool excluded(const civ_rule *r, const civ_pattern *names, const civ_block *b, excl *x,
                     size_t t0, size_t t1)
{
    if (!r->nskip && !r->skip_links && !names)
        return false;
    if (!x->found) {
        x->found = true;
        for (size_t k = 0; k < r->nskip; k++)
            excl_add_matches(x, r->skip[k], b);
        if (names)
            excl_add_matches(x, names, b);
        for (size_t i = 0; r->skip_links && i < b->ninl; i++) {
            if (b->inl[i].kind == CIV_INL_LINK) {
                *CIV_PUSH(x->r, x->n, x->cap) = b->inl[i].t0;
                *CIV_PUSH(x->r, x->n, x->cap) = b->inl[i].t1;
            }
        }
    }
    for (size_t i = 0; i + 1 < x->n; i += 2)
        if (x->r[i] <= t0 && t1 <= x->r[i + 1])
            return true;
    return false;
}

/* What is not the author's own text, per block, computed once per post
 * and only when a rule needs it. */
typedef struct {
    const civ_doc *doc;
    const civ_rules *rules;
    civ_quotes *quotes; /* one per block, NULL until needed */
    bool *found;
    civ_allows allows;
    bool *pfhit;  /* blocks x slots: the prefilter's verdicts, or NULL */
    size_t nslots;
} quoting;

static void quoting_init(quoting *q, const civ_doc *doc, const civ_rules *rules)
{
    memset(q, 0, sizeof *q);
    q->doc = doc;
    q->rules = rules;
    civ_allows_parse(doc, &q->allows);
    /* One pass over each prose block for the literals of every rule
     * (rules/prefilter.h), instead of one pcre2 pass per rule. */
    const civ_prefilter *pf = civ_rules_prefilter(rules);
    if (pf) {
        q->nslots = civ_prefilter_slots(pf);
        q->pfhit = xcalloc(doc->nblocks * q->nslots + 1, sizeof *q->pfhit);
        for (size_t i = 0; i < doc->nblocks; i++)
            if (civ_block_is_prose(&doc->blocks[i]))
                civ_prefilter_scan(pf, doc->blocks[i].text, doc->blocks[i].text_len,
                                   &q->pfhit[i * q->nslots]);
    }
}

static void quoting_release(quoting *q)
{
    if (q->quotes)
        for (size_t i = 0; i < q->doc->nblocks; i++)
            civ_quotes_release(&q->quotes[i]);
    free(q->quotes);
    free(q->found);
    free(q->pfhit);
    civ_allows_release(&q->allows);
}

/* True when the match [t0,t1) of rule r in block b must be left alone:
 * it is quoted, or a civlint-allow directive permits that exact text. */
static bool quoted_or_allowed(quoting *q, const civ_rule *r, const civ_block *b, size_t t0, size_t t1)
{
    if (r->kind != CIV_RULE_CONSISTENCY && r->kind != CIV_RULE_SUBSTITUTION)
        return false;
    if (q->allows.n) {
        char *term = xstrndup(b->text + t0, t1 - t0);
        bool ok = civ_allows_permit(&q->allows, r->id, term);
        free(term);
        if (ok)
            return true;
    }
    size_t i = (size_t)(b - q->doc->blocks);
    if (!q->quotes) {
        q->quotes = xcalloc(q->doc->nblocks, sizeof *q->quotes);
        q->found = xcalloc(q->doc->nblocks, sizeof *q->found);
    }
    if (!q->found[i]) {
        civ_quotes_find(q->doc, b, q->rules, &q->quotes[i]);
        q->found[i] = true;
    }
    return civ_quotes_overlaps(&q->quotes[i], t0, t1);
}

/* Calls fn for every prose match of pattern k of rule r in block b, with
 * the match's group offsets. Returns false when the pattern gave up: that
 * is recorded as a run problem and the caller stops the rule for the file. */
typedef void (*match_fn)(void *ud, const civ_rule *r, size_t k, const civ_block *b,
                         const size_t *ov);

static bool each_match(const civ_rule *r, size_t k, const civ_block *b, civ_sink *sink,
                       quoting *q, match_fn fn, void *ud)
{
    size_t from = 0, ov[2 * NOV];
    excl x = {0};
    const civ_pattern *names = civ_rules_names(q->rules);
    while (from <= b->text_len) {
        size_t mark = SIZE_MAX;
        int rc = r->marked ? civ_pattern_find_mark(r->pats[k], b->text, b->text_len, from, ov, NOV, &mark)
                           : civ_pattern_find(r->pats[k], b->text, b->text_len, from, ov, NOV);
        if (rc == CIV_MATCH_LIMIT || rc == CIV_MATCH_ERROR) {
            size_t s0, s1;
            civ_block_span(b, from, b->text_len, &s0, &s1);
            civ_diags_problem(sink->out, r->id, s0,
                              rc == CIV_MATCH_LIMIT ? "match limit" : "match error");
            free(x.r);
            return false;
        }
        if (rc != CIV_MATCH_OK)
            break;
        /* a marked rule's k is the swap key that matched (rulepack.h) */
        size_t which = r->marked ? mark : k;
        if ((!r->marked || mark < r->nrepl) && is_prose_range(b, ov[0], ov[1]) &&
            !excluded(r, names, b, &x, ov[0], ov[1]) && !quoted_or_allowed(q, r, b, ov[0], ov[1]))
            fn(ud, r, which, b, ov);
        /* advance past the match (one character on an empty match) */
        size_t next = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
        while (next < b->text_len && ((unsigned char)b->text[next] & 0xC0) == 0x80)
            next++;
        from = next;
    }
    free(x.r);
    return true;
}

static civ_diag *report(civ_sink *sink, const civ_rule *r, const civ_block *b, size_t t0,
                        size_t t1, const char *repl, bool fix)
{
    size_t s0, s1;
    civ_block_span(b, t0, t1, &s0, &s1);
    char *msg = civ_rule_message(r, b->text + t0, t1 - t0, repl);
    civ_diag *d = civ_report_rule(sink, r->id, r->severity, s0, s1, "%s", msg);
    free(msg);
    if (repl && fix)
        civ_diag_fix(d, s0, s1, repl);
    if (r->link)
        civ_diag_note(d, "see %s", r->link);
    return d;
}

/* existence and substitution: report each match where it is. */
static void report_match(void *ud, const civ_rule *r, size_t k, const civ_block *b,
                         const size_t *ov)
{
    char *repl = NULL;
    if (r->kind == CIV_RULE_SUBSTITUTION) {
        unsigned char c0 = (unsigned char)b->text[ov[0]];
        repl = civ_rule_replacement(r->repl[k], b->text, ov, NOV,
                                    r->ignore_case && c0 >= 'A' && c0 <= 'Z');
    }
    report(ud, r, b, ov[0], ov[1], repl, true);
    free(repl);
}

/* The blocks rule r must look at: in scope and, when the rule has a
 * combined pattern (rulepack.h), holding a match of it. One pass per block
 * instead of one per pattern: most blocks match no rule at all. A combined
 * pattern that gives up marks the block, so the pattern-by-pattern pass
 * reports the limit as usual. Caller frees. */
static bool *candidates(const civ_doc *doc, const civ_rule *r, const bool *pfhit, size_t nslots)
{
    bool *c = xcalloc(doc->nblocks ? doc->nblocks : 1, sizeof *c);
    for (size_t i = 0; i < doc->nblocks; i++) {
        const civ_block *b = &doc->blocks[i];
        if (!in_scope(r, b) || (pfhit && !pfhit[i * nslots + r->slot]))
            continue;
        size_t ov[2];
        c[i] = !r->any || civ_pattern_find(r->any, b->text, b->text_len, 0, ov, 1) != CIV_MATCH_NONE;
    }
    return c;
}

static void run_match_rule(const civ_doc *doc, const civ_rule *r, civ_sink *sink, quoting *q)
{
    bool *cand = candidates(doc, r, q->pfhit, q->nslots);
    for (size_t k = 0; k < r->npats; k++)
        for (size_t i = 0; i < doc->nblocks; i++)
            if (cand[i] && !each_match(r, k, &doc->blocks[i], sink, q, report_match, sink)) {
                free(cand);
                return; /* gave up: once per file */
            }
    free(cand);
}

typedef struct {
    hit *items;
    size_t n, cap;
} hit_list;

static void collect_match(void *ud, const civ_rule *r, size_t k, const civ_block *b,
                          const size_t *ov)
{
    hit_list *hs = ud;
    hit *h = CIV_PUSH(hs->items, hs->n, hs->cap);
    h->b = b;
    h->t0 = ov[0];
    h->t1 = ov[1];
    h->form = k;
}

static int cmp_hit(const void *pa, const void *pb)
{
    const hit *a = pa, *b = pb;
    if (a->b != b->b)
        return a->b < b->b ? -1 : 1;
    if (a->t0 != b->t0)
        return a->t0 < b->t0 ? -1 : 1;
    /* longer first, so a form inside a longer form (COVID in COVID-19) loses */
    if (a->t1 != b->t1)
        return a->t1 > b->t1 ? -1 : 1;
    return 0;
}

static void run_consistency(const civ_doc *doc, const civ_rule *r, civ_sink *sink, quoting *q)
{
    hit_list hs = {0};
    bool *cand = candidates(doc, r, q->pfhit, q->nslots);
    for (size_t k = 0; k < r->npats; k++)
        for (size_t i = 0; i < doc->nblocks; i++)
            if (cand[i] && !each_match(r, k, &doc->blocks[i], sink, q, collect_match, &hs)) {
                free(hs.items);
                free(cand);
                return;
            }
    free(cand);
    hit *hits = hs.items;
    size_t n = hs.n;
    if (n == 0) {
        free(hits);
        return;
    }
    civ_qsort(hits, n, sizeof *hits, cmp_hit);
    /* drop hits inside an earlier, longer hit */
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if (w && hits[w - 1].b == hits[i].b && hits[i].t0 < hits[w - 1].t1)
            continue;
        hits[w++] = hits[i];
    }
    n = w;
    size_t *count = xcalloc(r->npats, sizeof *count);
    size_t *first = xmalloc(r->npats * sizeof *first);
    for (size_t k = 0; k < r->npats; k++)
        first[k] = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        count[hits[i].form]++;
        if (first[hits[i].form] == SIZE_MAX)
            first[hits[i].form] = i; /* hits are in document order */
    }
    size_t win = SIZE_MAX;
    for (size_t k = 0; k < r->npats; k++) {
        if (!count[k])
            continue;
        if (win == SIZE_MAX || count[k] > count[win] ||
            (count[k] == count[win] && first[k] < first[win]))
            win = k;
    }
    const hit *wh = &hits[first[win]];
    char *winner = xstrndup(wh->b->text + wh->t0, wh->t1 - wh->t0);
    /* Offer the winning form as a fix-it only for words: for punctuation
     * (quote styles) one character cannot stand in for both of a pair. */
    bool fix = false;
    for (const char *p = winner; *p; p++)
        fix = fix || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
              ((unsigned char)*p >= 0xC3 && (unsigned char)*p <= 0xDF);
    for (size_t i = 0; i < n; i++) {
        if (hits[i].form == win)
            continue;
        civ_diag *d = report(sink, r, hits[i].b, hits[i].t0, hits[i].t1, winner, fix);
        civ_diag_note(d, "this post uses '%s' %zu time%s", winner, count[win],
                      count[win] == 1 ? "" : "s");
    }
    free(winner);
    free(count);
    free(first);
    free(hits);
}

void civ_check_rule_packs(const civ_doc *doc, const civ_ctx *ctx, civ_sink *sink)
{
    if (!ctx->rules)
        return;
    const civ_rulelist *list = civ_rules_list(ctx->rules);
    quoting q;
    quoting_init(&q, doc, ctx->rules);
    for (size_t i = 0; i < list->n; i++) {
        const civ_rule *r = &list->items[i];
        if (r->kind == CIV_RULE_CONSISTENCY)
            run_consistency(doc, r, sink, &q);
        else
            run_match_rule(doc, r, sink, &q);
    }
    quoting_release(&q);
}
