/* quotes.c - see quotes.h. Quotation marks are found in the block text;
 * whether a pair is a quotation (and not scare quotes) is decided by the
 * text around it, through the patterns of rules/editorial.yml. */
#include "text/quotes.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/util.h"

/* How far around a quotation the intro and attribution patterns look, in
 * bytes: a speech verb belongs to the same clause, and the bound keeps the
 * scan linear however many quotations a block has. */
#define LOOK_BACK 120
#define LOOK_AHEAD 120

const char *civ_quote_kind_name(civ_quote_kind k)
{
    switch (k) {
    case CIV_QUOTE_DIRECT:
        return "quotation";
    case CIV_QUOTE_BLOCK:
        return "block quote";
    case CIV_QUOTE_TITLE:
        return "cited title";
    }
    return "?";
}

static void push(civ_quotes *q, civ_quote_kind k, size_t t0, size_t t1)
{
    civ_quote *x = CIV_PUSH(q->items, q->n, q->cap);
    x->kind = k;
    x->t0 = t0;
    x->t1 = t1;
}

static uint32_t cp_at(const char *s, size_t n, size_t i, size_t *len)
{
    uint32_t cp = 0;
    *len = i < n ? civ_utf8_decode((const unsigned char *)s + i, n - i, &cp) : 0;
    if (i < n && !*len)
        *len = 1;
    return i < n ? cp : 0;
}

static uint32_t cp_before(const char *s, size_t i, size_t *start)
{
    if (i == 0) {
        *start = 0;
        return 0;
    }
    size_t j = i - 1;
    while (j > 0 && civ_utf8_is_cont((unsigned char)s[j]))
        j--;
    *start = j;
    uint32_t cp;
    return civ_utf8_decode((const unsigned char *)s + j, i - j, &cp) ? cp : 0;
}

static bool is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0;
}

/* The closing mark that pairs with an opening mark, or 0 when cp opens
 * nothing. „ closes with “ (German) or ”. */
static uint32_t closer_of(uint32_t cp)
{
    switch (cp) {
    case 0x201C:
        return 0x201D;
    case 0x201E:
        return 0x201C;
    case 0x00AB:
        return 0x00BB;
    case '"':
        return '"';
    }
    return 0;
}

static bool is_open_mark(uint32_t cp)
{
    return cp == 0x201C || cp == 0x201E || cp == 0x00AB || cp == '"';
}

static bool is_close_mark(uint32_t cp)
{
    return cp == 0x201D || cp == 0x201C || cp == 0x00BB || cp == '"';
}

/* A straight quote opens only at the start of a word: after the start of
 * the text, a space, an opening bracket or a dash (so 12" is not a quote). */
static bool straight_opens(const char *s, size_t i)
{
    size_t st;
    uint32_t p = cp_before(s, i, &st);
    return i == 0 || is_space(p) || p == '(' || p == '[' || p == 0x2013 || p == 0x2014 ||
           p == '/' || p == 0xFFFC;
}

/* Index just past the first byte of the code point that starts at or after
 * i - n: a window start on a character boundary. */
static size_t back_boundary(const char *s, size_t i, size_t n)
{
    size_t a = i > n ? i - n : 0;
    while (a < i && civ_utf8_is_cont((unsigned char)s[a]))
        a++;
    return a;
}

static bool introduced(const char *s, size_t open, const civ_pattern *intro)
{
    size_t a = back_boundary(s, open, LOOK_BACK);
    if (intro) {
        size_t ov[2];
        return civ_pattern_find(intro, s + a, open - a, 0, ov, 1) == CIV_MATCH_OK;
    }
    size_t e = open;
    while (e > a && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n'))
        e--;
    return e > a && s[e - 1] == ':';
}

static bool attributed(const char *s, size_t n, size_t after, const civ_pattern *attr)
{
    if (!attr || after >= n)
        return false;
    size_t e = after + LOOK_AHEAD < n ? after + LOOK_AHEAD : n;
    while (e < n && civ_utf8_is_cont((unsigned char)s[e]))
        e++;
    size_t ov[2];
    return civ_pattern_find(attr, s + after, e - after, 0, ov, 1) == CIV_MATCH_OK;
}

/* The next closing mark at or after j, remembered per mark so that a
 * block full of unclosed quotation marks is still scanned once: queries
 * come with non-decreasing j, and a cached answer stays valid for every j
 * between the cached start and the mark found. */
typedef struct {
    uint32_t cp;
    size_t from, pos; /* first occurrence at or after `from` is `pos` */
    bool valid;
} closer_cache;

static size_t next_closer(const char *s, size_t n, closer_cache *c, size_t j)
{
    if (c->valid && c->from <= j && c->pos >= j)
        return c->pos;
    size_t l, k = j;
    while (k < n && cp_at(s, n, k, &l) != c->cp)
        k += l;
    c->from = j;
    c->pos = k < n ? k : SIZE_MAX;
    c->valid = true;
    return c->pos;
}

static void find_direct(const civ_block *b, const civ_rules *rules, civ_quotes *out)
{
    const civ_pattern *intro = rules ? civ_rules_def(rules, "quote-intro") : NULL;
    const civ_pattern *attr = rules ? civ_rules_def(rules, "quote-attribution") : NULL;
    const char *s = b->text;
    size_t n = b->text_len, l;
    closer_cache cache[4] = {{0x201D, 0, 0, false}, {0x201C, 0, 0, false}, {0x00BB, 0, 0, false},
                             {'"', 0, 0, false}};
    for (size_t i = 0; i < n;) {
        uint32_t cp = cp_at(s, n, i, &l);
        uint32_t want = closer_of(cp);
        if (!want || (cp == '"' && !straight_opens(s, i))) {
            i += l;
            continue;
        }
        size_t open = i, close = SIZE_MAX;
        for (size_t k = 0; k < 4; k++) {
            /* „ closes with “ (German) or ” */
            if (cache[k].cp == want || (cp == 0x201E && cache[k].cp == 0x201D)) {
                size_t p = next_closer(s, n, &cache[k], i + l);
                if (p < close)
                    close = p;
            }
        }
        size_t cl = 0;
        if (close != SIZE_MAX)
            cp_at(s, n, close, &cl);
        size_t end = close == SIZE_MAX ? n : close + cl;
        /* An unclosed quotation runs to the end of the block (a quotation
         * that goes on in the next paragraph), but only when introduced. */
        if (introduced(s, open, intro) || (close != SIZE_MAX && attributed(s, n, end, attr)))
            push(out, CIV_QUOTE_DIRECT, open, end);
        i = close == SIZE_MAX ? i + l : end;
    }
}

/* Title case: at least three words, the first capitalised, and every word
 * of four or more letters capitalised ("The Uighur Crisis", "Report on
 * Kiev and the War"). A word starting with a non-ASCII letter counts as
 * capitalised (the case of every script is not worth a table here). */
static bool title_case(const char *s, size_t n)
{
    size_t words = 0, caps = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
            i++;
        size_t j = i;
        while (j < n && !(s[j] == ' ' || s[j] == '\t' || s[j] == '\n'))
            j++;
        if (j == i)
            break;
        size_t a = i;
        while (a < j && !((s[a] | 0x20) >= 'a' && (s[a] | 0x20) <= 'z') && (unsigned char)s[a] < 0x80)
            a++;
        size_t letters = 0;
        for (size_t k = a; k < j; k++)
            letters += ((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z') || (unsigned char)s[k] >= 0xC0;
        bool cap = a < j && ((s[a] >= 'A' && s[a] <= 'Z') || (unsigned char)s[a] >= 0x80);
        if (letters) {
            words++;
            caps += cap;
            if (!cap && (letters >= 4 || words == 1))
                return false;
        }
        i = j;
    }
    return words >= 3 && caps >= 3;
}

static bool emph_byte(char c)
{
    return c == '*' || c == '_';
}

static void find_titles(const civ_doc *doc, const civ_block *b, civ_quotes *out)
{
    const char *s = b->text, *src = doc->src->data;
    size_t n = b->text_len, slen = doc->src->len, l;
    for (size_t k = 0; k < b->ninl; k++) {
        const civ_inline *in = &b->inl[k];
        if (in->kind != CIV_INL_LINK || in->t1 <= in->t0)
            continue;
        size_t st, t1 = in->t1;
        uint32_t first = cp_at(s, n, in->t0, &l);
        uint32_t last = cp_before(s, in->t1, &st);
        uint32_t before = cp_before(s, in->t0, &st);
        size_t after_i = in->t1;
        if (after_i < n && (s[after_i] == ',' || s[after_i] == '.'))
            after_i++;
        uint32_t after = cp_at(s, n, after_i, &l);
        bool quoted = (is_open_mark(first) && is_close_mark(last) && in->t1 - in->t0 > 2) ||
                      (is_open_mark(before) && is_close_mark(after));
        bool italic = (in->s0 + 1 < slen && src[in->s0] == '[' && emph_byte(src[in->s0 + 1])) ||
                      (in->s0 > 0 && in->s1 < slen && emph_byte(src[in->s0 - 1]) &&
                       emph_byte(src[in->s1]));
        if (quoted || italic || title_case(s + in->t0, t1 - in->t0))
            push(out, CIV_QUOTE_TITLE, in->t0, t1);
    }
}

static int cmp_quote(const void *pa, const void *pb)
{
    const civ_quote *a = pa, *b = pb;
    if (a->t0 != b->t0)
        return a->t0 < b->t0 ? -1 : 1;
    return a->t1 > b->t1 ? -1 : a->t1 < b->t1;
}

/* parent[] by a stack walk over the ranges sorted by start, and the
 * running maximum of their ends. */
static void index_ranges(civ_quotes *q)
{
    q->parent = xmalloc((q->n ? q->n : 1) * sizeof *q->parent);
    q->maxend = xmalloc((q->n ? q->n : 1) * sizeof *q->maxend);
    size_t *stack = xmalloc((q->n ? q->n : 1) * sizeof *stack), top = 0;
    for (size_t i = 0; i < q->n; i++) {
        while (top > 0 && q->items[stack[top - 1]].t1 <= q->items[i].t0)
            top--;
        q->parent[i] = top > 0 ? stack[top - 1] : SIZE_MAX;
        stack[top++] = i;
        size_t prev = i > 0 ? q->maxend[i - 1] : 0;
        q->maxend[i] = q->items[i].t1 > prev ? q->items[i].t1 : prev;
    }
    free(stack);
}

void civ_quotes_find(const civ_doc *doc, const civ_block *b, const civ_rules *rules,
                     civ_quotes *out)
{
    memset(out, 0, sizeof *out);
    if (civ_block_is_prose(b)) {
        if (b->flags & CIV_IN_QUOTE) {
            push(out, CIV_QUOTE_BLOCK, 0, b->text_len); /* everything is quoted */
        } else {
            find_direct(b, rules, out);
            find_titles(doc, b, out);
            if (out->n > 1)
                civ_qsort(out->items, out->n, sizeof *out->items, cmp_quote);
        }
    }
    index_ranges(out);
}

void civ_quotes_release(civ_quotes *q)
{
    free(q->items);
    free(q->parent);
    free(q->maxend);
    memset(q, 0, sizeof *q);
}

/* Index of the last range starting before t (or_at false) or at or
 * before t (or_at true); SIZE_MAX when there is none. */
static size_t last_starting(const civ_quotes *q, size_t t, bool or_at)
{
    size_t lo = 0, hi = q->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (q->items[mid].t0 < t || (or_at && q->items[mid].t0 == t))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo == 0 ? SIZE_MAX : lo - 1;
}

const civ_quote *civ_quotes_at(const civ_quotes *q, size_t t)
{
    /* The latest-starting range that contains t is the innermost; any
     * range containing t that starts before items[k] contains items[k]
     * too, so it is on k's parent chain. */
    for (size_t k = last_starting(q, t, true); k != SIZE_MAX; k = q->parent[k])
        if (t < q->items[k].t1)
            return &q->items[k];
    return NULL;
}

bool civ_quotes_contains(const civ_quotes *q, size_t t)
{
    return civ_quotes_at(q, t) != NULL;
}

bool civ_quotes_overlaps(const civ_quotes *q, size_t t0, size_t t1)
{
    /* Every range up to k starts before t1; one of them reaches past t0
     * exactly when the largest end does. */
    size_t k = last_starting(q, t1 > t0 ? t1 : t0 + 1, false);
    return k != SIZE_MAX && q->maxend[k] > t0;
}

/* ---- civlint-allow directives ----
 * The comments are found and parsed once, by model/directives.c; these are
 * owned copies for the house-style rules. */

static char *piece(const char *s, size_t p0, size_t p1)
{
    return p0 == SIZE_MAX ? NULL : xstrndup(s + p0, p1 - p0);
}

bool civ_allow_parse_comment(const char *s, size_t n, civ_allow *out)
{
    memset(out, 0, sizeof *out);
    civ_allow_parts p;
    if (!civ_directive_parse_allow(s, n, &p))
        return false;
    out->rule = piece(s, p.rule0, p.rule1);
    out->term = piece(s, p.term0, p.term1);
    out->reason = piece(s, p.reason0, p.reason1);
    out->problem = p.problem;
    return true;
}

void civ_allows_parse(const civ_doc *doc, civ_allows *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < doc->directives.n; i++) {
        const civ_directive *d = &doc->directives.items[i];
        if (d->kind != CIV_DIR_ALLOW)
            continue;
        civ_allow *a = CIV_PUSH(out->items, out->n, out->cap);
        a->rule = d->rule.text ? xstrdup(d->rule.text) : NULL;
        a->term = d->term.text ? xstrdup(d->term.text) : NULL;
        a->reason = d->reason.text ? xstrdup(d->reason.text) : NULL;
        a->s0 = d->s0;
        a->s1 = d->s1;
        a->problem = d->problem;
    }
}

void civ_allows_release(civ_allows *a)
{
    for (size_t i = 0; i < a->n; i++) {
        free(a->items[i].rule);
        free(a->items[i].term);
        free(a->items[i].reason);
    }
    free(a->items);
    memset(a, 0, sizeof *a);
}

bool civ_allows_permit(const civ_allows *a, const char *rule, const char *term)
{
    for (size_t i = 0; i < a->n; i++) {
        const civ_allow *x = &a->items[i];
        if (!x->problem && strcmp(x->rule, rule) == 0 && strcmp(x->term, term) == 0)
            return true;
    }
    return false;
}
