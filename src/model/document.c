/* document.c - cmark-gfm tree -> civ_doc, with inline text aligned to the
 * source. See document.h for the model and why alignment is done here. */
#include "model/document.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

/* Exported by libcmark-gfm-extensions but not declared in its headers. */
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW, CMARK_NODE_TABLE_CELL,
    CMARK_NODE_STRIKETHROUGH;

/* How far the aligner may skip markup looking for the next text character.
 * Markup between two characters of text (emphasis runs, a link's "](", a
 * container prefix after a line break) is short; link destinations, code
 * spans and HTML are skipped explicitly. The bound keeps alignment linear. */
#define SKIP_BUDGET 512

typedef struct {
    const char *d;
    size_t cur, lim;
    civ_buf text;
    civ_seg *segs;
    size_t nsegs, segcap;
    civ_inline *inl;
    size_t ninl, inlcap;
    size_t *open;        /* indices into inl of links still open */
    size_t nopen, opencap;
    size_t lost;         /* characters that could not be placed */
    size_t work;         /* source bytes examined (civ_doc.work) */
} aligner;

/* Appends t[0..tn) to the block text. Text cmark decoded itself (entities)
 * can be invalid UTF-8: cmark-gfm encodes &#xFFFF; and &#xFFFE; as the
 * single bytes 0xFF and 0xFE. Every later stage (pcre2 runs without its
 * UTF check, formatters quote the text) relies on valid UTF-8, so such
 * bytes become U+FFFD here; verbatim runs are source bytes, valid already. */
static void add_valid(civ_buf *b, const char *t, size_t tn)
{
    size_t i = 0, run = 0;
    while (i < tn) {
        uint32_t cp;
        size_t l = civ_utf8_decode((const unsigned char *)t + i, tn - i, &cp);
        if (l) {
            run += l;
            i += l;
            continue;
        }
        civ_buf_add(b, t + i - run, run);
        civ_buf_add(b, "\xEF\xBF\xBD", 3);
        run = 0;
        i++;
    }
    civ_buf_add(b, t + tn - run, run);
}

/* Keeps a source run inside the block: [s0,s1) within [0,lim), so a
 * misplaced construct can give a wrong span but never one past the text
 * (found by fuzz_lint: an HTML placeholder not found in the source was
 * given its length from the current offset, past the end of the file). */
static void clamp(const aligner *a, size_t *s0, size_t *s1)
{
    if (*s1 > a->lim)
        *s1 = a->lim;
    if (*s0 > *s1)
        *s0 = *s1;
}

/* True when t[0..tn) starts and ends on character boundaries. Source
 * bytes are valid UTF-8, but a run whose ends were misplaced (found by
 * fuzz_lint: a footnote label holding a replaced invalid byte and a line
 * break, cut in the middle of a Cyrillic letter) would not be, and pcre2
 * runs without its UTF check and crashed on it. */
static bool whole_chars(const char *t, size_t tn)
{
    if (tn == 0)
        return true;
    if (civ_utf8_is_cont((unsigned char)t[0]))
        return false;
    size_t k = tn - 1; /* the last lead byte must have all its bytes */
    while (k > 0 && tn - k < 4 && civ_utf8_is_cont((unsigned char)t[k]))
        k--;
    uint32_t cp;
    return civ_utf8_decode((const unsigned char *)t + k, tn - k, &cp) == tn - k;
}

static void emit(aligner *a, const char *t, size_t tn, size_t s0, size_t s1, bool verbatim)
{
    clamp(a, &s0, &s1);
    size_t t0 = a->text.len;
    if (verbatim && !whole_chars(t, tn))
        verbatim = false; /* add_valid below makes the partial bytes U+FFFD */
    if (verbatim)
        civ_buf_add(&a->text, t, tn);
    else
        add_valid(&a->text, t, tn);
    tn = a->text.len - t0;
    if (verbatim && a->nsegs) {
        civ_seg *last = &a->segs[a->nsegs - 1];
        if (last->verbatim && last->t1 == t0 && last->s1 == s0) {
            last->t1 += tn;
            last->s1 = s1;
            return;
        }
    }
    civ_seg *g = CIV_PUSH(a->segs, a->nsegs, a->segcap);
    g->t0 = t0;
    g->t1 = t0 + tn;
    g->s0 = s0;
    g->s1 = s1;
    g->verbatim = verbatim;
}

/* Length of a syntactically valid entity at d[i], or 0. */
static size_t entity_len(const char *d, size_t i, size_t lim)
{
    if (i >= lim || d[i] != '&')
        return 0;
    size_t j = i + 1, max;
    if (j < lim && d[j] == '#') {
        j++;
        bool hex = j < lim && (d[j] == 'x' || d[j] == 'X');
        if (hex)
            j++;
        size_t k = j;
        max = 8; /* cmark decodes out-of-range numbers to U+FFFD */
        while (j < lim && j - k < max && (hex ? isxdigit((unsigned char)d[j]) : isdigit((unsigned char)d[j])))
            j++;
        if (j == k)
            return 0;
    } else {
        size_t k = j;
        while (j < lim && j - k < 32 && isalnum((unsigned char)d[j]))
            j++;
        if (j - k < 2)
            return 0;
    }
    return j < lim && d[j] == ';' ? j + 1 - i : 0;
}

/* Aligns one text node's literal against the source from a->cur. */
static void align_text(aligner *a, const char *lit, size_t n)
{
    size_t i = 0;
    size_t ent_s0 = 0, ent_s1 = 0;
    bool after_named_entity = false;
    while (i < n) {
        /* Fast path: the text continues verbatim at the cursor (the common
         * case in prose). Take the whole equal run at once, stopping before
         * '&' (it may start an entity, which the slow path must see) and
         * backing off to a character boundary; the slow path would emit
         * the same bytes one character at a time. */
        size_t run = 0, room = a->lim - a->cur < n - i ? a->lim - a->cur : n - i;
        const char *sd = a->d + a->cur, *tl = lit + i;
        while (run < room && sd[run] == tl[run] && sd[run] != '&')
            run++;
        while (run && i + run < n && civ_utf8_is_cont((unsigned char)tl[run]))
            run--;
        if (run) {
            emit(a, tl, run, a->cur, a->cur + run, true);
            a->cur += run;
            a->work += run;
            i += run;
            after_named_entity = false;
            continue;
        }
        uint32_t cp;
        size_t cl = civ_utf8_decode((const unsigned char *)lit + i, n - i, &cp);
        /* bytes cmark-gfm decoded to invalid UTF-8 (&#xFFFE;) become
         * U+FFFD in emit (add_valid) */
        if (!cl)
            cl = 1;
        a->work++;
        size_t c = a->cur, skipped = 0;
        bool done = false;
        if (after_named_entity && a->cur == ent_s1 &&
            !(a->cur + cl <= a->lim && memcmp(a->d + a->cur, lit + i, cl) == 0)) {
            /* the second code point of a named entity such as &ngE; */
            emit(a, lit + i, cl, ent_s0, ent_s1, false);
            done = true;
        }
        while (!done && c < a->lim && skipped <= SKIP_BUDGET) {
            size_t el = entity_len(a->d, c, a->lim);
            bool lit_matches = c + cl <= a->lim && memcmp(a->d + c, lit + i, cl) == 0;
            bool entity_is_literal = el && i + el <= n && memcmp(a->d + c, lit + i, el) == 0;
            if (el && !entity_is_literal) {
                /* An entity: the decoded character maps to all of it. */
                emit(a, lit + i, cl, c, c + el, false);
                ent_s0 = c;
                ent_s1 = c + el;
                after_named_entity = a->d[c + 1] != '#';
                a->cur = c + el;
                done = true;
                break;
            }
            if (lit_matches) {
                emit(a, lit + i, cl, c, c + cl, true);
                a->cur = c + cl;
                after_named_entity = false;
                done = true;
                break;
            }
            if (a->d[c] == '\\' && c + 1 < a->lim && cl == 1 && a->d[c + 1] == lit[i] &&
                ispunct((unsigned char)lit[i])) {
                emit(a, lit + i, cl, c, c + 2, false);
                a->cur = c + 2;
                after_named_entity = false;
                done = true;
                break;
            }
            /* Only markup may be skipped: emphasis runs, brackets, pipes,
             * container prefixes and line ends are ASCII punctuation or
             * white space. Skipping a letter would mean we are lost, and
             * a wrong anchor is worse than an admitted loss. */
            unsigned char u = (unsigned char)a->d[c];
            if (!(ispunct(u) || u == ' ' || u == '\t' || u == '\n' || u == '\r'))
                break;
            a->work++;
            c++;
            skipped++;
        }
        if (!done && a->text.len == 0) {
            /* The block's first character is not where cmark says the
             * block starts: link reference definitions at the top of a
             * paragraph are consumed by the parser but not removed from
             * its position. Try the starts of the following lines. */
            for (size_t ln = a->cur; !done && ln < a->lim; ln++) {
                if (a->d[ln] != '\n')
                    continue;
                size_t k = ln + 1;
                while (k < a->lim && (a->d[k] == ' ' || a->d[k] == '\t' || a->d[k] == '>'))
                    k++;
                if (k + cl <= a->lim && memcmp(a->d + k, lit + i, cl) == 0) {
                    emit(a, lit + i, cl, k, k + cl, true);
                    a->cur = k + cl;
                    done = true;
                }
            }
        }
        if (!done) {
            /* Lost: keep the character, anchored where we are, and do not
             * move, so the next characters can still be found. */
            size_t s1 = a->cur < a->lim ? a->cur + 1 : a->cur;
            emit(a, lit + i, cl, a->cur, s1, false);
            a->lost++;
            after_named_entity = false;
        }
        i += cl;
    }
}

/* The window of a search from `from` for something expected close by:
 * `max` bytes, or to the end of the block. A construct that cmark found
 * starts at most a run of markup after the cursor; bounding the search
 * keeps a construct we cannot find from costing a scan of the whole rest
 * of the block each time (quadratic over a block full of them). */
static size_t window_end(const aligner *a, size_t from, size_t max)
{
    return max < a->lim - from ? from + max : a->lim;
}

static size_t find_byte_within(aligner *a, size_t from, char ch, size_t max)
{
    size_t end = from < a->lim ? window_end(a, from, max) : a->lim;
    for (size_t c = from; c < end; c++) {
        a->work++;
        if (a->d[c] == '\\' && ch != '\\') {
            c++;
            continue;
        }
        if (a->d[c] == ch)
            return c;
    }
    return a->lim;
}

static size_t find_byte(aligner *a, size_t from, char ch)
{
    return find_byte_within(a, from, ch, SIZE_MAX);
}

/* Finds s[0..n) starting within `max` bytes of from (SIZE_MAX: anywhere
 * in the block); returns a->lim when absent. */
static size_t find_str(aligner *a, size_t from, const char *s, size_t n, size_t max)
{
    if (!n || from >= a->lim || a->lim - from < n)
        return a->lim;
    size_t end = window_end(a, from, max > SIZE_MAX - n ? SIZE_MAX : max + n);
    const char *p = memmem(a->d + from, end - from, s, n);
    a->work += p ? (size_t)(p - (a->d + from)) + n : end - from;
    return p ? (size_t)(p - a->d) : a->lim;
}

static void push_placeholder(aligner *a, civ_inline_kind kind, size_t s0, size_t s1, const char *url)
{
    clamp(a, &s0, &s1);
    civ_inline *in = CIV_PUSH(a->inl, a->ninl, a->inlcap);
    in->kind = kind;
    in->t0 = a->text.len;
    in->t1 = a->text.len + CIV_OBJ_LEN;
    in->s0 = s0;
    in->s1 = s1;
    in->url = url;
    emit(a, CIV_OBJ, CIV_OBJ_LEN, s0, s1, false);
    a->cur = s1 > a->cur ? s1 : a->cur;
}

/* Skips a link's "(dest 'title')" starting at '(' and returns the offset
 * after the ')'. Titles are only recognised after whitespace, so an
 * apostrophe inside a URL does not open one. */
static size_t skip_destination(aligner *a, size_t i)
{
    int depth = 0;
    for (; i < a->lim; i++) {
        a->work++;
        char c = a->d[i];
        if (c == '\\') {
            i++;
        } else if (c == '<' && depth == 1 && (a->d[i - 1] == '(' || isspace((unsigned char)a->d[i - 1]))) {
            while (i < a->lim && a->d[i] != '>' && a->d[i] != '\n')
                i += a->d[i] == '\\' ? 2 : 1;
        } else if ((c == '"' || c == '\'') && isspace((unsigned char)a->d[i - 1])) {
            for (i++; i < a->lim && a->d[i] != c; i++)
                if (a->d[i] == '\\')
                    i++;
        } else if (c == '(') {
            depth++;
        } else if (c == ')') {
            if (--depth == 0)
                return i + 1;
        }
    }
    return a->lim;
}

/* True when "(...)" at d[i] is a valid inline destination and optional
 * title (CommonMark 6.3). A shortcut reference link followed by ordinary
 * parenthesised text, "[foo](not a link)", must not lose that text. */
static bool inline_tail_valid(const aligner *a, size_t i)
{
    const char *d = a->d;
    size_t lim = a->lim;
    i++; /* '(' */
    while (i < lim && (d[i] == ' ' || d[i] == '\t' || d[i] == '\n' || d[i] == '\r'))
        i++;
    if (i < lim && d[i] == ')')
        return true;
    if (i < lim && d[i] == '<') {
        for (i++; i < lim && d[i] != '>'; i++) {
            if (d[i] == '\n' || d[i] == '<')
                return false;
            if (d[i] == '\\')
                i++;
        }
        if (i >= lim)
            return false;
        i++;
    } else {
        int depth = 0;
        size_t start = i;
        for (; i < lim; i++) {
            unsigned char c = (unsigned char)d[i];
            if (c == '\\') {
                i++;
                continue;
            }
            if (c <= ' ')
                break;
            if (c == '(')
                depth++;
            else if (c == ')' && depth-- == 0)
                break;
        }
        if (i == start)
            return false;
    }
    while (i < lim && (d[i] == ' ' || d[i] == '\t' || d[i] == '\n' || d[i] == '\r'))
        i++;
    if (i < lim && d[i] == ')')
        return true;
    if (i < lim && (d[i] == '"' || d[i] == '\'' || d[i] == '(')) {
        char close = d[i] == '(' ? ')' : d[i];
        for (i++; i < lim && d[i] != close; i++)
            if (d[i] == '\\')
                i++;
        if (i >= lim)
            return false;
        for (i++; i < lim && (d[i] == ' ' || d[i] == '\t' || d[i] == '\n' || d[i] == '\r'); i++)
            ;
        return i < lim && d[i] == ')';
    }
    return false;
}

/* After the text of a bracketed link or image: find "]" and skip what
 * follows it ("(dest)", "[ref]", "[]" or nothing). */
static size_t skip_link_tail(aligner *a, size_t from)
{
    size_t rb = find_byte(a, from, ']');
    if (rb >= a->lim)
        return a->lim;
    size_t i = rb + 1;
    if (i < a->lim && a->d[i] == '(' && inline_tail_valid(a, i))
        return skip_destination(a, i);
    if (i < a->lim && a->d[i] == '[') {
        size_t e = find_byte(a, i + 1, ']');
        return e < a->lim ? e + 1 : a->lim;
    }
    return i;
}

/* Finds the end of an image "![alt](dest)" from its '!' with nested brackets. */
static size_t skip_image(aligner *a, size_t bang)
{
    size_t i = bang + 2;
    int depth = 1;
    for (; i < a->lim && depth > 0; i++) {
        a->work++;
        if (a->d[i] == '\\')
            i++;
        else if (a->d[i] == '[')
            depth++;
        else if (a->d[i] == ']')
            depth--;
    }
    /* i is just past the matching ']' */
    return skip_link_tail(a, i > bang + 2 ? i - 1 : i);
}

static bool is_autolink(const char *url, const char *lit)
{
    if (!url || !lit)
        return false;
    if (strcmp(url, lit) == 0)
        return true;
    const char *pre[] = {"mailto:", "http://", "https://"};
    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(pre[i]);
        if (strncmp(url, pre[i], n) == 0 && strcmp(url + n, lit) == 0)
            return true;
    }
    return false;
}

static void link_enter(aligner *a, cmark_node *node, civ_arena *ar)
{
    const char *url = cmark_node_get_url(node);
    cmark_node *first = cmark_node_first_child(node);
    const char *lit = first && cmark_node_get_type(first) == CMARK_NODE_TEXT &&
                              !cmark_node_next(first) ? cmark_node_get_literal(first) : NULL;
    civ_inline_kind kind = CIV_INL_LINK;
    size_t start = a->cur;
    if (is_autolink(url, lit)) {
        size_t len = strlen(lit);
        size_t p = find_str(a, a->cur, lit, len, SKIP_BUDGET);
        kind = CIV_INL_AUTOLINK; /* bare unless brackets say otherwise */
        if (p < a->lim) {
            start = p;
            if (p > a->cur && a->d[p - 1] == '[')
                start = p - 1, kind = CIV_INL_LINK;
            else if (p > 0 && a->d[p - 1] == '<' && p + len < a->lim && a->d[p + len] == '>')
                start = p - 1;
        }
        /* not found verbatim (escapes inside): a bare autolink here */
    } else {
        size_t p = find_byte_within(a, a->cur, '[', SKIP_BUDGET);
        if (p < a->lim)
            start = p;
    }
    civ_inline *in = CIV_PUSH(a->inl, a->ninl, a->inlcap);
    in->kind = kind;
    in->t0 = in->t1 = a->text.len;
    in->s0 = in->s1 = start;
    in->url = url ? civ_arena_strdup(ar, url) : NULL;
    if (start > a->cur && kind != CIV_INL_AUTOLINK)
        a->cur = start + 1;
    else if (kind == CIV_INL_AUTOLINK && start < a->lim && a->d[start] == '<')
        a->cur = start + 1;
    *CIV_PUSH(a->open, a->nopen, a->opencap) = a->ninl - 1;
}

static void link_exit(aligner *a)
{
    if (!a->nopen)
        return;
    civ_inline *in = &a->inl[a->open[--a->nopen]];
    in->t1 = a->text.len;
    size_t end = a->cur;
    if (in->kind == CIV_INL_AUTOLINK) {
        if (in->s0 < a->lim && a->d[in->s0] == '<') {
            size_t gt = find_byte(a, a->cur, '>');
            end = gt < a->lim ? gt + 1 : a->cur;
        }
    } else {
        end = skip_link_tail(a, a->cur);
    }
    /* A bare autolink found past the cursor (link_enter) whose text the
     * aligner then lost ends before it starts; keep the span in order
     * (found by fuzz_model, after a paragraph that cmark-gfm starts on a
     * link reference definition it consumed). */
    if (in->s0 > end)
        in->s0 = end;
    in->s1 = end;
    a->cur = end;
}

/* Code span: from the next backtick run to the closing run of equal length. */
static void code_span(aligner *a, cmark_node *node, civ_arena *ar)
{
    size_t o = a->cur;
    while (o < a->lim && a->d[o] != '`') {
        if (a->d[o] == '\\')
            o++;
        o++;
    }
    size_t end = a->lim;
    a->work += o - a->cur;
    if (o < a->lim) {
        size_t n = 0;
        while (o + n < a->lim && a->d[o + n] == '`')
            n++;
        for (size_t i = o + n; i < a->lim;) {
            if (a->d[i] != '`') {
                i++;
                continue;
            }
            size_t m = 0;
            while (i + m < a->lim && a->d[i + m] == '`')
                m++;
            if (m == n) {
                end = i + m;
                break;
            }
            i += m;
        }
        a->work += end - o;
    } else {
        o = a->cur;
    }
    const char *lit = cmark_node_get_literal(node);
    push_placeholder(a, CIV_INL_CODE, o, end, civ_arena_strdup(ar, lit ? lit : ""));
}

static void html_inline(aligner *a, cmark_node *node, civ_arena *ar)
{
    const char *lit = cmark_node_get_literal(node);
    if (!lit)
        lit = "";
    size_t n = strlen(lit);
    const char *nl = memchr(lit, '\n', n);
    size_t first = nl ? (size_t)(nl - lit) : n;
    /* Find the first line, then check whether the rest follows verbatim
     * (searching for the whole literal would scan the rest of the block
     * each time it is interrupted by container prefixes). */
    size_t p = find_str(a, a->cur, lit, first, SKIP_BUDGET);
    size_t s0 = p, s1 = p + n;
    bool whole = p < a->lim && a->lim - p >= n && memcmp(a->d + p, lit, n) == 0;
    a->work += whole ? n : 0;
    if (!whole) {
        /* Multi-line HTML inside a container has prefixes between its lines:
         * the first line was found above; find the end of the last one. */
        s0 = p < a->lim ? p : a->cur;
        const char *lastl = lit + n;
        while (lastl > lit && lastl[-1] != '\n')
            lastl--;
        size_t lines = 1;
        for (const char *q0 = lit; (q0 = memchr(q0, '\n', (size_t)(lit + n - q0))); q0++)
            lines++;
        /* The text between, plus each line's container prefix. */
        size_t q = find_str(a, s0, lastl, (size_t)(lit + n - lastl), n + lines * SKIP_BUDGET);
        s1 = q < a->lim ? q + (size_t)(lit + n - lastl) : p < a->lim ? s0 + first : s0;
    }
    push_placeholder(a, CIV_INL_HTML, s0, s1, civ_arena_strdup(ar, lit));
}

static void line_break(aligner *a)
{
    size_t c = a->cur;
    while (c < a->lim && a->d[c] != '\n' && a->d[c] != '\r')
        c++;
    a->work += c - a->cur + 1;
    size_t e = c;
    if (e < a->lim && a->d[e] == '\r')
        e++;
    if (e < a->lim && a->d[e] == '\n')
        e++;
    if (c >= a->lim) {
        emit(a, " ", 1, a->cur, a->cur, false);
        return;
    }
    emit(a, " ", 1, c, e, false);
    a->cur = e;
}

static void footnote_ref(aligner *a, cmark_node *node, civ_arena *ar)
{
    size_t p = find_str(a, a->cur, "[^", 2, SKIP_BUDGET);
    size_t e = p < a->lim ? find_byte(a, p + 2, ']') : a->lim;
    if (p >= a->lim)
        p = a->cur;
    if (e < a->lim)
        e++;
    const char *lit = cmark_node_get_literal(node);
    push_placeholder(a, CIV_INL_FOOTNOTE_REF, p, e, civ_arena_strdup(ar, lit ? lit : ""));
}

static void image(aligner *a, cmark_node *node, civ_arena *ar)
{
    size_t p = find_str(a, a->cur, "![", 2, SKIP_BUDGET);
    if (p >= a->lim) {
        push_placeholder(a, CIV_INL_IMAGE, a->cur, a->cur, NULL);
        return;
    }
    const char *url = cmark_node_get_url(node);
    push_placeholder(a, CIV_INL_IMAGE, p, skip_image(a, p), civ_arena_strdup(ar, url ? url : ""));
}

/* ---- the tree walk ---- */

typedef struct {
    civ_doc *doc;
    size_t cap;
    size_t line_base; /* lines of front matter before the parsed body */
    unsigned depth_quote, depth_list, depth_foot, depth_table;
    int row, col;
    size_t row_cursor;
    bool row_bogus;
    bool row_header;
    aligner al;
    bool in_inline_block;
    civ_block *cur;     /* block collecting inlines */
    bool cur_bogus;     /* cmark gave cur impossible positions */
    size_t consumed;    /* source offset the previous block's text ended at */
    size_t saved_consumed;
} walker;

static unsigned flags_of(const walker *w)
{
    return (w->depth_quote ? CIV_IN_QUOTE : 0) | (w->depth_list ? CIV_IN_LIST : 0) |
           (w->depth_foot ? CIV_IN_FOOTNOTE : 0) | (w->depth_table ? CIV_IN_TABLE : 0);
}

/* Returns false when cmark-gfm's position for n is impossible: line 0
 * (a paragraph whose lines a table took over) or before text already
 * consumed (that table's header row, which it places on the paragraph's
 * first line). */
static bool node_span(walker *w, cmark_node *n, size_t *s, size_t *e)
{
    const civ_source *src = w->doc->src;
    size_t sl = (size_t)cmark_node_get_start_line(n) + w->line_base;
    size_t sc = (size_t)cmark_node_get_start_column(n);
    size_t el = (size_t)cmark_node_get_end_line(n) + w->line_base;
    size_t ec = (size_t)cmark_node_get_end_column(n);
    *s = civ_source_offset(src, sl, sc ? sc : 1);
    size_t a, b;
    civ_source_line(src, el, &a, &b);
    *e = ec ? civ_source_offset(src, el, ec) + 1 : b;
    if (*e > b)
        *e = b;
    if (*e < *s)
        *e = *s;
    return cmark_node_get_start_line(n) >= 1 && *s >= w->consumed;
}

static civ_block *new_block(walker *w, civ_block_kind kind, cmark_node *n)
{
    civ_doc *d = w->doc;
    civ_block *b = CIV_PUSH(d->blocks, d->nblocks, w->cap);
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->flags = flags_of(w);
    w->cur_bogus = !node_span(w, n, &b->start, &b->end);
    if (w->cur_bogus)
        b->start = b->end = w->consumed;
    b->text = "";
    return b;
}

static void begin_inline(walker *w, civ_block *b, size_t from, size_t lim)
{
    aligner *a = &w->al;
    a->d = w->doc->src->data;
    a->cur = from;
    a->lim = lim;
    a->text.len = 0;
    if (a->text.data)
        a->text.data[0] = '\0';
    a->nsegs = a->ninl = a->nopen = 0;
    w->cur = b;
    w->in_inline_block = true;
}

static void end_inline(walker *w)
{
    aligner *a = &w->al;
    civ_block *b = w->cur;
    civ_arena *ar = &w->doc->arena;
    while (a->nopen)
        link_exit(a);
    b->text = civ_arena_strndup(ar, a->text.data ? a->text.data : "", a->text.len);
    b->text_len = a->text.len;
    if (a->nsegs) {
        civ_seg *s = civ_arena_alloc(ar, a->nsegs * sizeof *s);
        memcpy(s, a->segs, a->nsegs * sizeof *s);
        b->segs = s;
        b->nsegs = a->nsegs;
    }
    if (a->ninl) {
        civ_inline *in = civ_arena_alloc(ar, a->ninl * sizeof *in);
        memcpy(in, a->inl, a->ninl * sizeof *in);
        b->inl = in;
        b->ninl = a->ninl;
    }
    if (w->cur_bogus && a->nsegs) {
        b->start = a->segs[0].s0;
        b->end = a->cur;
    }
    if (a->cur > b->end)
        b->end = a->cur;
    if (a->cur > w->consumed)
        w->consumed = a->cur;
    w->in_inline_block = false;
    w->cur = NULL;
}

/* ATX headings: the text starts after the '#' run and its spaces. */
static size_t heading_text_start(const civ_source *src, size_t s, size_t e)
{
    size_t i = s;
    while (i < e && src->data[i] == ' ')
        i++;
    if (i < e && src->data[i] == '#') {
        while (i < e && src->data[i] == '#')
            i++;
        while (i < e && (src->data[i] == ' ' || src->data[i] == '\t'))
            i++;
        return i;
    }
    return s;
}

static void enter_block(walker *w, cmark_node *n, cmark_node_type t)
{
    civ_block *b;
    if (t == CMARK_NODE_BLOCK_QUOTE) {
        w->depth_quote++;
    } else if (t == CMARK_NODE_ITEM) {
        w->depth_list++;
    } else if (t == CMARK_NODE_FOOTNOTE_DEFINITION) {
        /* cmark-gfm moves footnote definitions to the end of the tree, so
         * their blocks come out of source order: the "consumed" watermark
         * restarts at the definition and is restored after it. */
        size_t s0, e0;
        w->depth_foot++;
        w->saved_consumed = w->consumed;
        w->consumed = 0;
        node_span(w, n, &s0, &e0);
        w->consumed = s0;
    } else if (t == CMARK_NODE_TABLE) {
        w->depth_table++;
        w->row = -1;
    } else if (t == CMARK_NODE_TABLE_ROW) {
        size_t e;
        w->row++;
        w->col = 0;
        w->row_bogus = !node_span(w, n, &w->row_cursor, &e);
        if (w->row_bogus)
            w->row_cursor = w->consumed;
        w->row_header = cmark_gfm_extensions_get_table_row_is_header(n);
    } else if (t == CMARK_NODE_TABLE_CELL) {
        b = new_block(w, CIV_BLOCK_TABLE_CELL, n);
        b->table_row = w->row;
        b->table_col = w->col++;
        if (w->row_header)
            b->flags |= CIV_TABLE_HEADER;
        /* Cells of a row share one cursor: their own positions are not
         * reliable either, and pipes are skipped as markup. */
        size_t a, e;
        civ_source_line(w->doc->src, civ_source_line_of(w->doc->src, w->row_cursor) + 1, &a, &e);
        if (w->row_bogus || w->cur_bogus) {
            e = w->doc->src->len;
            w->cur_bogus = true;
        }
        begin_inline(w, b, w->row_cursor, e);
    } else if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING) {
        b = new_block(w, t == CMARK_NODE_HEADING ? CIV_BLOCK_HEADING : CIV_BLOCK_PARAGRAPH, n);
        size_t from = b->start;
        if (t == CMARK_NODE_HEADING) {
            b->level = cmark_node_get_heading_level(n);
            if (!w->cur_bogus)
                from = heading_text_start(w->doc->src, b->start, b->end);
        }
        /* Inline content may run to the end of the last line; with bogus
         * positions, to wherever the text is (the aligner only skips
         * markup, so it cannot run away). */
        size_t a, e;
        civ_source_line(w->doc->src, civ_source_line_of(w->doc->src, b->end ? b->end - 1 : 0) + 1, &a, &e);
        if (w->cur_bogus)
            e = w->doc->src->len;
        begin_inline(w, b, from, e > b->end ? e : b->end);
    } else if (t == CMARK_NODE_CODE_BLOCK || t == CMARK_NODE_HTML_BLOCK) {
        b = new_block(w, t == CMARK_NODE_CODE_BLOCK ? CIV_BLOCK_CODE : CIV_BLOCK_HTML, n);
        const char *lit = cmark_node_get_literal(n);
        b->text = civ_arena_strdup(&w->doc->arena, lit ? lit : "");
        b->text_len = strlen(b->text);
        if (t == CMARK_NODE_HTML_BLOCK && b->end <= b->start) {
            /* cmark-gfm ends HTML blocks on the line before they start
             * (3:1-2:0); the block covers as many lines as its literal. */
            size_t lines = 0;
            for (size_t k = 0; k < b->text_len; k++)
                if (b->text[k] == '\n' && k + 1 < b->text_len)
                    lines++;
            const civ_source *src = w->doc->src;
            size_t first = civ_source_line_of(src, b->start) + 1, a0, e0;
            civ_source_line(src, first + lines, &a0, &e0);
            b->end = e0 > b->start ? e0 : b->start;
        }
        int flen, foff;
        char fchar;
        if (t == CMARK_NODE_CODE_BLOCK && cmark_node_get_fenced(n, &flen, &foff, &fchar)) {
            const char *info = cmark_node_get_fence_info(n);
            b->flags |= CIV_FENCED;
            b->info = civ_arena_strdup(&w->doc->arena, info ? info : "");
        }
    } else if (t == CMARK_NODE_THEMATIC_BREAK) {
        new_block(w, CIV_BLOCK_THEMATIC_BREAK, n);
    }
}

static void exit_block(walker *w, cmark_node_type t)
{
    if (t == CMARK_NODE_BLOCK_QUOTE)
        w->depth_quote--;
    else if (t == CMARK_NODE_ITEM)
        w->depth_list--;
    else if (t == CMARK_NODE_FOOTNOTE_DEFINITION) {
        w->depth_foot--;
        w->consumed = w->saved_consumed;
    }
    else if (t == CMARK_NODE_TABLE)
        w->depth_table--;
    else if (t == CMARK_NODE_TABLE_CELL) {
        w->row_cursor = w->al.cur;
        end_inline(w);
    } else if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING)
        end_inline(w);
}

static void inline_event(walker *w, cmark_iter *it, cmark_node *n, cmark_node_type t,
                         cmark_event_type ev)
{
    aligner *a = &w->al;
    civ_arena *ar = &w->doc->arena;
    /* Only links need their exit; footnote references and images report
     * an exit event too, which must not be handled twice. */
    if (ev == CMARK_EVENT_EXIT && t != CMARK_NODE_LINK)
        return;
    if (t == CMARK_NODE_TEXT) {
        const char *lit = cmark_node_get_literal(n);
        if (lit)
            align_text(a, lit, strlen(lit));
    } else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
        line_break(a);
    } else if (t == CMARK_NODE_CODE) {
        code_span(a, n, ar);
    } else if (t == CMARK_NODE_HTML_INLINE) {
        html_inline(a, n, ar);
    } else if (t == CMARK_NODE_FOOTNOTE_REFERENCE) {
        footnote_ref(a, n, ar);
    } else if (t == CMARK_NODE_IMAGE) {
        image(a, n, ar);
        cmark_iter_reset(it, n, CMARK_EVENT_EXIT); /* alt text is not prose */
    } else if (t == CMARK_NODE_LINK) {
        if (ev == CMARK_EVENT_ENTER)
            link_enter(a, n, ar);
        else
            link_exit(a);
    }
}

static cmark_syntax_extension *ext[4];
static pthread_once_t ext_once = PTHREAD_ONCE_INIT;

static void find_extensions(void)
{
    cmark_gfm_core_extensions_ensure_registered();
    const char *names[] = {"table", "autolink", "strikethrough", "tagfilter"};
    for (size_t i = 0; i < 4; i++)
        ext[i] = cmark_find_syntax_extension(names[i]);
}

/* cmark-gfm 0.29.0.gfm.6 (Debian 12) builds each table row with a list
 * append that walks the row, so a row of k cells costs k*k: one line of
 * 16,000 pipes took 25 s. No real table has more than a few dozen columns;
 * when a line holds more pipes than this, the post is parsed without the
 * table extension (its tables read as paragraphs) so the run stays linear. */
#define MAX_TABLE_PIPES 128

static bool table_safe(const char *d, size_t n)
{
    size_t pipes = 0;
    for (size_t i = 0; i < n; i++) {
        if (d[i] == '|' && ++pipes > MAX_TABLE_PIPES)
            return false;
        if (d[i] == '\n' || d[i] == '\r')
            pipes = 0;
    }
    return true;
}

civ_doc *civ_doc_parse(const civ_source *src, const civ_frontmatter *fm)
{
    pthread_once(&ext_once, find_extensions);
    civ_doc *doc = xcalloc(1, sizeof *doc);
    doc->src = src;
    doc->fm = fm;
    civ_arena_init(&doc->arena);

    size_t body = fm && fm->present ? fm->body : 0;
    walker w;
    memset(&w, 0, sizeof w);
    w.doc = doc;
    w.line_base = body < src->len || body == src->len ? civ_source_line_of(src, body) : 0;
    if (body >= src->len)
        w.line_base = src->nlines; /* nothing after the front matter */

    cmark_parser *p = cmark_parser_new(CMARK_OPT_FOOTNOTES);
    bool tables = table_safe(src->data + body, src->len - body);
    for (size_t i = tables ? 0 : 1; i < 3; i++)
        if (ext[i])
            cmark_parser_attach_syntax_extension(p, ext[i]);
    cmark_parser_feed(p, src->data + body, src->len - body);
    cmark_node *root = cmark_parser_finish(p);

    cmark_iter *it = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        cmark_node_type t = cmark_node_get_type(n);
        bool is_block = (t & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
        if (is_block) {
            if (ev == CMARK_EVENT_ENTER)
                enter_block(&w, n, t);
            else
                exit_block(&w, t);
        } else if (w.in_inline_block) {
            inline_event(&w, it, n, t, ev);
        }
    }
    cmark_iter_free(it);
    doc->lost = w.al.lost;
    doc->work = w.al.work;
    cmark_node_free(root);
    cmark_parser_free(p);
    civ_buf_release(&w.al.text);
    free(w.al.segs);
    free(w.al.inl);
    free(w.al.open);
    civ_directives_collect(doc);
    return doc;
}

void civ_doc_free(civ_doc *doc)
{
    if (!doc)
        return;
    free(doc->blocks);
    civ_arena_release(&doc->arena);
    free(doc);
}

static const civ_seg *seg_at(const civ_block *b, size_t t)
{
    size_t lo = 0, hi = b->nsegs;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->segs[mid].t0 <= t)
            lo = mid;
        else
            hi = mid;
    }
    return &b->segs[lo];
}

void civ_block_span(const civ_block *b, size_t t0, size_t t1, size_t *s0, size_t *s1)
{
    if (!b->nsegs) {
        *s0 = b->start;
        *s1 = b->end;
        return;
    }
    const civ_seg *g = seg_at(b, t0);
    *s0 = g->verbatim && t0 >= g->t0 ? g->s0 + (t0 - g->t0) : g->s0;
    if (t1 <= t0) {
        *s1 = *s0;
        return;
    }
    g = seg_at(b, t1 - 1);
    *s1 = g->verbatim ? g->s0 + (t1 - g->t0) : g->s1;
    if (*s1 < *s0)
        *s1 = *s0;
}

const civ_inline *civ_block_inline_at(const civ_block *b, size_t t)
{
    /* Innermost wins: links can hold placeholders, which come later. */
    const civ_inline *hit = NULL;
    for (size_t i = 0; i < b->ninl; i++)
        if (b->inl[i].t0 <= t && t < b->inl[i].t1)
            hit = &b->inl[i];
    return hit;
}

const char *civ_block_kind_name(civ_block_kind k)
{
    static const char *names[] = {"paragraph", "heading", "table-cell", "code", "html", "thematic-break"};
    return (unsigned)k < sizeof names / sizeof *names ? names[k] : "?";
}
