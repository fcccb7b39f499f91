/* inlines.c - the inline constructs of a block that are not prose text:
 * links (their text is prose, their destination is skipped), images, code
 * spans, inline HTML and footnote references (each a U+FFFC placeholder
 * with its source span, see document.h). Each is found in the source from
 * the aligner's cursor with bounded searches, so a construct that cannot
 * be found costs a window, not the rest of the block. */
#include "model/align.h"

#include <ctype.h>
#include <string.h>

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
    size_t rb = civ_align_find_byte(a, from, ']');
    if (rb >= a->lim)
        return a->lim;
    size_t i = rb + 1;
    if (i < a->lim && a->d[i] == '(' && inline_tail_valid(a, i))
        return skip_destination(a, i);
    if (i < a->lim && a->d[i] == '[') {
        size_t e = civ_align_find_byte(a, i + 1, ']');
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

void civ_inl_link_enter(aligner *a, cmark_node *node, civ_arena *ar)
{
    const char *url = cmark_node_get_url(node);
    cmark_node *first = cmark_node_first_child(node);
    const char *lit = first && cmark_node_get_type(first) == CMARK_NODE_TEXT &&
                              !cmark_node_next(first) ? cmark_node_get_literal(first) : NULL;
    civ_inline_kind kind = CIV_INL_LINK;
    size_t start = a->cur;
    if (is_autolink(url, lit)) {
        size_t len = strlen(lit);
        size_t p = civ_align_find_str(a, a->cur, lit, len, SKIP_BUDGET);
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
        size_t p = civ_align_find_byte_within(a, a->cur, '[', SKIP_BUDGET);
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

void civ_inl_link_exit(aligner *a)
{
    if (!a->nopen)
        return;
    civ_inline *in = &a->inl[a->open[--a->nopen]];
    in->t1 = a->text.len;
    size_t end = a->cur;
    if (in->kind == CIV_INL_AUTOLINK) {
        if (in->s0 < a->lim && a->d[in->s0] == '<') {
            size_t gt = civ_align_find_byte(a, a->cur, '>');
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
void civ_inl_code_span(aligner *a, cmark_node *node, civ_arena *ar)
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
    civ_align_placeholder(a, CIV_INL_CODE, o, end, civ_arena_strdup(ar, lit ? lit : ""));
}

void civ_inl_html(aligner *a, cmark_node *node, civ_arena *ar)
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
    size_t p = civ_align_find_str(a, a->cur, lit, first, SKIP_BUDGET);
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
        size_t q = civ_align_find_str(a, s0, lastl, (size_t)(lit + n - lastl), n + lines * SKIP_BUDGET);
        s1 = q < a->lim ? q + (size_t)(lit + n - lastl) : p < a->lim ? s0 + first : s0;
    }
    civ_align_placeholder(a, CIV_INL_HTML, s0, s1, civ_arena_strdup(ar, lit));
}

void civ_inl_footnote_ref(aligner *a, cmark_node *node, civ_arena *ar)
{
    size_t p = civ_align_find_str(a, a->cur, "[^", 2, SKIP_BUDGET);
    size_t e = p < a->lim ? civ_align_find_byte(a, p + 2, ']') : a->lim;
    if (p >= a->lim)
        p = a->cur;
    if (e < a->lim)
        e++;
    const char *lit = cmark_node_get_literal(node);
    civ_align_placeholder(a, CIV_INL_FOOTNOTE_REF, p, e, civ_arena_strdup(ar, lit ? lit : ""));
}

void civ_inl_image(aligner *a, cmark_node *node, civ_arena *ar)
{
    size_t p = civ_align_find_str(a, a->cur, "![", 2, SKIP_BUDGET);
    if (p >= a->lim) {
        civ_align_placeholder(a, CIV_INL_IMAGE, a->cur, a->cur, NULL);
        return;
    }
    const char *url = cmark_node_get_url(node);
    civ_align_placeholder(a, CIV_INL_IMAGE, p, skip_image(a, p), civ_arena_strdup(ar, url ? url : ""));
}
