/* align.c - a block's inline text aligned to exact source offsets.
 *
 * cmark-gfm's inline positions are unreliable (document.h), so each text
 * node's literal is found again in the block's source bytes: verbatim runs
 * map byte for byte, entities and backslash escapes map to their whole
 * source, and markup between characters is skipped within a budget. The
 * result is the block text and its segments (civ_seg). Inline constructs
 * that are not prose are in inlines.c. */
#include "model/align.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "base/utf8.h"

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

static void emit_raw(aligner *a, const char *t, size_t tn, size_t s0, size_t s1, bool verbatim)
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

/* The placeholder for template span x, once per block: the span may
 * start in an earlier block (a raw region), so it is clipped to this one. */
static void template_placeholder(aligner *a, const civ_tpl_span *x)
{
    if (a->tpl_last == x)
        return;
    a->tpl_last = x;
    size_t s0 = x->s0 > a->from ? x->s0 : a->from, s1 = x->s1;
    clamp(a, &s0, &s1);
    civ_inline *in = CIV_PUSH(a->inl, a->ninl, a->inlcap);
    in->kind = CIV_INL_TEMPLATE;
    in->t0 = a->text.len;
    in->t1 = a->text.len + CIV_OBJ_LEN;
    in->s0 = s0;
    in->s1 = s1;
    in->url = a->ar ? civ_arena_strndup(a->ar, a->d + s0, s1 - s0) : NULL;
    emit_raw(a, CIV_OBJ, CIV_OBJ_LEN, s0, s1, false);
}

/* Appends text that maps to the source [s0,s1), leaving out what lies
 * inside template syntax: a verbatim run is cut at the spans' edges (it
 * maps byte for byte); any other run maps as a unit and is left out when
 * it starts inside a span. The aligner's cursor is not touched, so the
 * text after a span is aligned exactly as without templates. */
static void emit(aligner *a, const char *t, size_t tn, size_t s0, size_t s1, bool verbatim)
{
    while (a->ntpl && tn) {
        const civ_tpl_span *x = civ_templates_next(a->tpl, a->ntpl, s0);
        if (!x || x->s0 >= (s1 > s0 ? s1 : s0 + 1))
            break;
        if (x->s0 <= s0) {
            template_placeholder(a, x);
            if (!verbatim || s1 <= x->s1)
                return;
            size_t k = x->s1 - s0;
            t += k, tn -= k, s0 = x->s1;
            continue;
        }
        if (!verbatim)
            break;
        size_t k = x->s0 - s0;
        emit_raw(a, t, k, s0, x->s0, true);
        t += k, tn -= k, s0 = x->s0;
    }
    if (tn)
        emit_raw(a, t, tn, s0, s1, verbatim);
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
void civ_align_text(aligner *a, const char *lit, size_t n)
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

size_t civ_align_find_byte_within(aligner *a, size_t from, char ch, size_t max)
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

size_t civ_align_find_byte(aligner *a, size_t from, char ch)
{
    return civ_align_find_byte_within(a, from, ch, SIZE_MAX);
}

/* Finds s[0..n) starting within `max` bytes of from (SIZE_MAX: anywhere
 * in the block); returns a->lim when absent. */
size_t civ_align_find_str(aligner *a, size_t from, const char *s, size_t n, size_t max)
{
    if (!n || from >= a->lim || a->lim - from < n)
        return a->lim;
    size_t end = window_end(a, from, max > SIZE_MAX - n ? SIZE_MAX : max + n);
    const char *p = memmem(a->d + from, end - from, s, n);
    a->work += p ? (size_t)(p - (a->d + from)) + n : end - from;
    return p ? (size_t)(p - a->d) : a->lim;
}

void civ_align_placeholder(aligner *a, civ_inline_kind kind, size_t s0, size_t s1, const char *url)
{
    clamp(a, &s0, &s1);
    /* HTML or a code span inside a template tag ({{<figure src="x">}}
     * parses as text, inline HTML, text) is part of the template */
    const civ_tpl_span *x = a->ntpl ? civ_templates_at(a->tpl, a->ntpl, s0) : NULL;
    if (x && s1 <= x->s1) {
        template_placeholder(a, x);
        a->cur = s1 > a->cur ? s1 : a->cur;
        return;
    }
    civ_inline *in = CIV_PUSH(a->inl, a->ninl, a->inlcap);
    in->kind = kind;
    in->t0 = a->text.len;
    in->t1 = a->text.len + CIV_OBJ_LEN;
    in->s0 = s0;
    in->s1 = s1;
    in->url = url;
    emit_raw(a, CIV_OBJ, CIV_OBJ_LEN, s0, s1, false);
    a->cur = s1 > a->cur ? s1 : a->cur;
}

void civ_align_line_break(aligner *a)
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
