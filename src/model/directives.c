/* directives.c - every <!-- civlint-... --> comment of a post, found once
 * (see directives.h for where a comment counts and the grammar).
 *
 * Why one scanner: suppressions, civlint-allow and civlint-words used to
 * find their comments with three scanners that disagreed (an unterminated
 * comment, a comment with a reason in a paragraph, a comment split by the
 * "> " of a block quote), and civlint-allow was parsed twice per post.
 *
 * The scanner reads "pieces" of text: an HTML block's literal, an inline
 * HTML literal, or a prose block's text. Literals have container prefixes
 * and CRs removed, so a comment reads the same at any depth; each piece
 * knows how to map its offsets back to the source. Everything is linear:
 * one pass over each piece, and a line cursor that only moves forward. */
#include "model/directives.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/document.h"
#include "base/work.h"

/* ---- mapping a piece's offsets to the source ---- */

typedef struct {
    const civ_source *src;
    const char *lit;
    size_t n;
    const civ_block *b; /* prose block: its text, mapped by civ_block_span */
    size_t anchor;      /* literal: source offset of lit[0], or SIZE_MAX */
    size_t line0;       /* literal: 1-based source line of its first line */
    /* the cursor: literal line ln starts at lt, ends at lend, and lies at
     * source offset so (verbatim) on the source line [ls, le) */
    size_t ln, lt, lend, so, ls, le;
    size_t skip; /* leading spaces of the literal line that stand for a tab
                    (cmark-gfm expands a tab a container prefix splits);
                    they map to so, the rest from so on */
    bool verbatim;
} piece;

/* How far into a source line the container prefix ("> > ", list
 * indentation) is searched for when a literal line is not its suffix. */
#define PREFIX_MAX 64

static bool prefix_char(char c)
{
    return c == ' ' || c == '\t' || c == '>';
}

/* Where t[0..m) lies on the source line [p->ls, p->le): SIZE_MAX when
 * not verbatim there. */
static size_t find_on_line(const piece *p, const char *t, size_t m)
{
    const char *s = p->src->data;
    if (p->ln == 0 && p->anchor != SIZE_MAX && p->anchor + m <= p->src->len &&
        memcmp(s + p->anchor, t, m) == 0)
        return p->anchor; /* the first line of inline HTML */
    if (p->le - p->ls >= m && memcmp(s + p->le - m, t, m) == 0)
        return p->le - m; /* a whole line after its container prefix */
    for (size_t q = p->ls; q + m <= p->le && q - p->ls <= PREFIX_MAX; q++) {
        if (memcmp(s + q, t, m) == 0)
            return q; /* the last line of multi-line inline HTML */
        if (!prefix_char(s[q]))
            break;
    }
    return SIZE_MAX;
}

/* Places literal line p->ln ([p->lt, p->lend)) on its source line. */
static void place_line(piece *p)
{
    size_t m = p->lend - p->lt;
    if (m && p->lit[p->lt + m - 1] == '\r')
        m--;
    const char *t = p->lit + p->lt;
    civ_source_line(p->src, p->line0 + p->ln, &p->ls, &p->le);
    p->verbatim = true;
    p->skip = 0;
    p->so = find_on_line(p, t, m);
    while (p->so == SIZE_MAX && p->skip < m && t[p->skip] == ' ')
        p->skip++;
    if (p->so == SIZE_MAX && p->skip)
        p->so = find_on_line(p, t + p->skip, m - p->skip);
    if (p->so == SIZE_MAX) {
        p->verbatim = false; /* not found: keep to the line */
        p->skip = 0;
        p->so = p->ln == 0 && p->anchor != SIZE_MAX ? p->anchor : p->ls;
    }
}

/* The source offset of t on the cursor's line (t in [p->lt, p->lend]). */
static size_t line_off(const piece *p, size_t t)
{
    size_t off = p->so + (t - p->lt > p->skip ? t - p->lt - p->skip : 0);
    if (!p->verbatim && off > p->le)
        off = p->le > p->so ? p->le : p->so;
    return off < p->src->len ? off : p->src->len;
}

/* Moves the cursor to literal line ln starting at lt. A line never maps
 * before the end of the previous one, even when cmark-gfm's positions put
 * two lines of a block on one source line (found by fuzz_model), so the
 * mapping is monotone and arguments stay inside their comment. */
static void start_line(piece *p, size_t ln, size_t lt)
{
    size_t prev_end = ln ? line_off(p, p->lend) : 0;
    p->ln = ln;
    p->lt = lt;
    const char *nl = memchr(p->lit + lt, '\n', p->n - lt);
    p->lend = nl ? (size_t)(nl - p->lit) : p->n;
    CIV_WORK(p->lend - lt + 1);
    place_line(p);
    if (p->so < prev_end) {
        p->so = prev_end;
        p->skip = 0;
        p->verbatim = false;
    }
}

/* The source offset of literal offset t (t may be n). Moves the cursor
 * forward; a t before the cursor restarts it (never needed in order). */
static size_t map_point(piece *p, size_t t)
{
    if (t < p->lt)
        start_line(p, 0, 0);
    while (t > p->lend && p->lend < p->n)
        start_line(p, p->ln + 1, p->lend + 1);
    return line_off(p, t);
}

/* The source span of [t0, t1) of the piece, mapped in increasing order. */
static void map_span(piece *p, size_t t0, size_t t1, size_t *s0, size_t *s1)
{
    if (p->b) {
        civ_block_span(p->b, t0, t1, s0, s1);
        return;
    }
    *s0 = map_point(p, t0);
    *s1 = t1 > t0 ? map_point(p, t1 - 1) + 1 : *s0;
    /* inline HTML the aligner could not place has an empty span at the end
     * of the source (found by fuzz_model): keep every span inside it */
    if (*s1 > p->src->len)
        *s1 = p->src->len;
    if (*s1 < *s0)
        *s1 = *s0;
}

/* ---- the grammar ---- */

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static size_t skip_ws(const char *s, size_t n, size_t i)
{
    while (i < n && is_space(s[i]))
        i++;
    return i;
}

#define NONE SIZE_MAX
#define ALLOW "civlint-allow"
#define LQ "\xE2\x80\x9C" /* “ */
#define RQ "\xE2\x80\x9D" /* ” */

static bool at(const char *s, size_t n, size_t i, const char *w)
{
    size_t l = strlen(w);
    return n - i >= l && memcmp(s + i, w, l) == 0;
}

/* The term "..." or “...” at s[i] of an allow body: sets the range and
 * returns the offset after the closing mark, or NONE with a problem. */
static size_t allow_term(const char *s, size_t n, size_t i, civ_allow_parts *out)
{
    const char *close = at(s, n, i, "\"") ? "\"" : at(s, n, i, LQ) ? RQ : NULL;
    if (!close) {
        out->problem = i < n ? "has no quoted term (write the term in double quotes)" : "has no term";
        return NONE;
    }
    size_t t0 = i + (close[0] == '"' ? 1 : 3), cl = strlen(close);
    const char *e = memmem(s + t0, n - t0, close, cl);
    if (!e) {
        out->problem = "has an unterminated term";
        return NONE;
    }
    out->term0 = t0;
    out->term1 = (size_t)(e - s);
    if (out->term1 == t0) {
        out->problem = "has an empty term";
        return NONE;
    }
    return out->term1 + cl;
}

bool civ_directive_parse_allow(const char *s, size_t n, civ_allow_parts *out)
{
    memset(out, 0xff, sizeof *out); /* every range NONE */
    out->problem = NULL;
    size_t i = skip_ws(s, n, 0), dl = strlen(ALLOW);
    if (!at(s, n, i, ALLOW))
        return false;
    i += dl;
    if (i < n && !is_space(s[i]))
        return false; /* civlint-allowed, civlint-allow-x: not ours */
    i = skip_ws(s, n, i);
    size_t r0 = i;
    while (i < n && !is_space(s[i]) && s[i] != '"' && !at(s, n, i, LQ))
        i++;
    if (i == r0) {
        out->problem = "names no rule";
        return true;
    }
    out->rule0 = r0;
    out->rule1 = i;
    i = allow_term(s, n, skip_ws(s, n, i), out);
    if (i == NONE)
        return true;
    i = skip_ws(s, n, i);
    size_t sl = at(s, n, i, "--") ? 2 : at(s, n, i, "\xE2\x80\x93") || at(s, n, i, "\xE2\x80\x94") ? 3 : 0;
    if (i == n) {
        out->problem = "gives no reason";
        return true;
    }
    if (!sl) {
        out->problem = "has unexpected text after the term (expected '-- reason')";
        return true;
    }
    i = skip_ws(s, n, i + sl);
    size_t re = n;
    while (re > i && is_space(s[re - 1]))
        re--;
    if (re == i) {
        out->problem = "gives no reason";
        return true;
    }
    out->reason0 = i;
    out->reason1 = re;
    return true;
}

/* ---- building the list ---- */

typedef struct {
    civ_doc *doc;
    civ_directive *items;
    size_t n, cap;
    civ_dir_arg *args; /* the current directive's, before the arena copy */
    size_t nargs, argcap;
} collector;

/* An argument: body offsets [b0, b1) of the comment whose body starts at
 * literal offset base. */
static civ_dir_arg make_arg(collector *c, piece *p, const char *body, size_t base, size_t b0, size_t b1)
{
    civ_dir_arg a;
    a.text = civ_arena_strndup(&c->doc->arena, body + b0, b1 - b0);
    map_span(p, base + b0, base + b1, &a.s0, &a.s1);
    return a;
}

/* Splits body[i, e) at white space and commas into c->args. */
static void split_args(collector *c, piece *p, const char *body, size_t base, size_t i, size_t e)
{
    while (i < e) {
        while (i < e && (is_space(body[i]) || body[i] == ','))
            i++;
        size_t w = i;
        while (i < e && !is_space(body[i]) && body[i] != ',')
            i++;
        if (i > w)
            *CIV_PUSH(c->args, c->nargs, c->argcap) = make_arg(c, p, body, base, w, i);
    }
}

static const struct {
    const char *word;
    civ_directive_kind kind;
} family[] = {{"civlint-disable", CIV_DIR_DISABLE},
              {"civlint-enable", CIV_DIR_ENABLE},
              {"civlint-disable-line", CIV_DIR_DISABLE_LINE},
              {"civlint-disable-next-line", CIV_DIR_DISABLE_NEXT_LINE},
              {"civlint-disable-file", CIV_DIR_DISABLE_FILE}};

/* The disable family after the keyword (body[i, n)): rules, then a reason
 * from a "--" that follows white space or the keyword. */
static void parse_family(collector *c, piece *p, civ_directive *d, const char *body, size_t base, size_t i,
                         size_t n)
{
    size_t end = n;
    for (size_t q = i; q + 1 < n; q++)
        if (body[q] == '-' && body[q + 1] == '-' && (q == i || is_space(body[q - 1]))) {
            end = q;
            break;
        }
    split_args(c, p, body, base, i, end);
    if (end < n) {
        size_t r0 = skip_ws(body, n, end + 2), r1 = n;
        while (r1 > r0 && is_space(body[r1 - 1]))
            r1--;
        if (r1 > r0)
            d->reason = make_arg(c, p, body, base, r0, r1);
    }
}

static void parse_allow(collector *c, piece *p, civ_directive *d, const char *body, size_t base, size_t n)
{
    civ_allow_parts a;
    civ_directive_parse_allow(body, n, &a);
    d->problem = a.problem;
    if (a.rule0 != NONE)
        d->rule = make_arg(c, p, body, base, a.rule0, a.rule1);
    if (a.term0 != NONE)
        d->term = make_arg(c, p, body, base, a.term0, a.term1);
    if (a.reason0 != NONE)
        d->reason = make_arg(c, p, body, base, a.reason0, a.reason1);
}

static void clamp_arg(const civ_directive *d, civ_dir_arg *a)
{
    if (!a->text)
        return;
    a->s0 = a->s0 < d->s0 ? d->s0 : a->s0 > d->s1 ? d->s1 : a->s0;
    a->s1 = a->s1 < a->s0 ? a->s0 : a->s1 > d->s1 ? d->s1 : a->s1;
}

/* Every argument's span inside the comment's. Block text maps lost
 * characters where the aligner stood, so on inputs cmark-gfm gave
 * impossible positions a piece could otherwise map past the comment's end
 * (found by fuzz_model). args: the arguments, still writable. */
static void keep_inside(civ_directive *d, civ_dir_arg *args, size_t nargs)
{
    clamp_arg(d, &d->keyword);
    clamp_arg(d, &d->rule);
    clamp_arg(d, &d->term);
    clamp_arg(d, &d->reason);
    for (size_t i = 0; i < nargs; i++)
        clamp_arg(d, &args[i]);
}

/* The comment lit[c0, c1) of piece p ("<!--" to after "-->"). */
static void parse_comment(collector *c, piece *p, size_t c0, size_t c1)
{
    const char *body = p->lit + c0 + 4;
    size_t n = c1 - c0 - 7, base = c0 + 4;
    size_t k0 = skip_ws(body, n, 0), k1 = k0;
    if (!at(body, n, k0, "civlint-"))
        return;
    while (k1 < n && !is_space(body[k1]))
        k1++;
    civ_directive d;
    memset(&d, 0, sizeof d);
    d.kind = CIV_DIR_UNKNOWN;
    size_t s1;
    map_span(p, c0, c0 + 1, &d.s0, &s1);
    d.keyword = make_arg(c, p, body, base, k0, k1);
    c->nargs = 0;
    for (size_t i = 0; i < sizeof family / sizeof *family; i++)
        if (strlen(family[i].word) == k1 - k0 && memcmp(family[i].word, body + k0, k1 - k0) == 0)
            d.kind = family[i].kind;
    if (d.kind != CIV_DIR_UNKNOWN) {
        parse_family(c, p, &d, body, base, k1, n);
    } else if (k1 - k0 == strlen(ALLOW) && memcmp(body + k0, ALLOW, k1 - k0) == 0) {
        d.kind = CIV_DIR_ALLOW;
        parse_allow(c, p, &d, body, base, n);
    } else if (at(body, n, k0, "civlint-words:")) {
        d.kind = CIV_DIR_WORDS;
        split_args(c, p, body, base, k0 + strlen("civlint-words:"), n);
    }
    size_t e0;
    map_span(p, c1 - 1, c1, &e0, &d.s1);
    if (d.s1 < d.s0)
        d.s1 = d.s0;
    keep_inside(&d, c->args, c->nargs);
    if (c->nargs) {
        civ_dir_arg *a = civ_arena_alloc(&c->doc->arena, c->nargs * sizeof *a);
        memcpy(a, c->args, c->nargs * sizeof *a);
        d.args = a;
        d.nargs = c->nargs;
    }
    *CIV_PUSH(c->items, c->n, c->cap) = d;
}

/* A comment left as prose text counts only when "<!--" and "-->" are in
 * the source as such (not "&lt;!--", "\<!--" or "--&gt;"). */
static bool written_as_comment(const piece *p, size_t c0, size_t c1)
{
    size_t s0, s1;
    civ_block_span(p->b, c0, c1, &s0, &s1);
    const char *s = p->src->data;
    return s1 - s0 >= 7 && memcmp(s + s0, "<!--", 4) == 0 && memcmp(s + s1 - 3, "-->", 3) == 0;
}

/* Every closed comment of the piece; scanning stops at an unterminated
 * one (no "-->" follows it, so no later comment can close either). */
static void scan(collector *c, piece *p)
{
    for (size_t i = 0; i + 7 <= p->n;) {
        const char *o = memmem(p->lit + i, p->n - i, "<!--", 4);
        if (!o)
            return;
        size_t c0 = (size_t)(o - p->lit);
        const char *e = memmem(o + 4, p->n - c0 - 4, "-->", 3);
        if (!e)
            return;
        size_t c1 = (size_t)(e - p->lit) + 3;
        CIV_WORK(c1 - i);
        if (!p->b || written_as_comment(p, c0, c1))
            parse_comment(c, p, c0, c1);
        i = c1;
    }
}

/* A literal (HTML block or inline HTML) whose first line is on the source
 * line of offset `first`; anchor: where lit[0] is, when known. */
static void scan_literal(collector *c, const char *lit, size_t n, size_t anchor, size_t first)
{
    if (n < 7 || !memmem(lit, n, "<!--", 4))
        return;
    size_t line0 = civ_source_line_of(c->doc->src, first) + 1;
    piece p;
    memset(&p, 0, sizeof p);
    p.src = c->doc->src;
    p.lit = lit;
    p.n = n;
    p.anchor = anchor;
    p.line0 = line0;
    start_line(&p, 0, 0);
    scan(c, &p);
}

static int cmp_dir(const void *pa, const void *pb)
{
    const civ_directive *a = pa, *b = pb;
    if (a->s0 != b->s0)
        return a->s0 < b->s0 ? -1 : 1;
    return a->s1 < b->s1 ? -1 : a->s1 > b->s1;
}

void civ_directives_collect(civ_doc *doc)
{
    collector c;
    memset(&c, 0, sizeof c);
    c.doc = doc;
    const civ_source *src = doc->src;
    for (size_t i = 0; i < doc->nblocks; i++) {
        const civ_block *b = &doc->blocks[i];
        if (b->kind == CIV_BLOCK_HTML) {
            scan_literal(&c, b->text, b->text_len, SIZE_MAX, b->start);
            continue;
        }
        for (size_t k = 0; k < b->ninl; k++) {
            const civ_inline *in = &b->inl[k];
            if (in->kind == CIV_INL_HTML && in->url)
                scan_literal(&c, in->url, strlen(in->url), in->s0, in->s0);
        }
        if (civ_block_is_prose(b) && b->text_len >= 7 && memmem(b->text, b->text_len, "<!--", 4)) {
            piece p;
            memset(&p, 0, sizeof p);
            p.src = src;
            p.lit = b->text;
            p.n = b->text_len;
            p.b = b;
            scan(&c, &p);
        }
    }
    bool sorted = true;
    for (size_t i = 1; i < c.n && sorted; i++)
        sorted = cmp_dir(&c.items[i - 1], &c.items[i]) <= 0;
    if (!sorted)
        civ_qsort(c.items, c.n, sizeof *c.items, cmp_dir);
    /* The list stays on the heap (a copy into the arena would double the
     * peak for a post of 80,000 comments); civ_doc_free frees it. */
    doc->directives.items = c.n ? xrealloc(c.items, c.n * sizeof *c.items) : NULL;
    doc->directives.n = c.n;
    if (!c.n)
        free(c.items);
    free(c.args);
}

const char *civ_directive_kind_name(civ_directive_kind k)
{
    static const char *const names[] = {"disable", "enable", "disable-line", "disable-next-line",
                                        "disable-file", "allow", "words", "unknown"};
    return (unsigned)k < sizeof names / sizeof *names ? names[k] : "?";
}
