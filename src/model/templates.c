/* templates.c - see templates.h. One pass over the body: at each line
 * start the line-based forms (admonitions, ::: fences, MDX, code fences
 * to skip), elsewhere the brace forms and code spans to skip. Every search
 * is bounded (a tag or attribute list) or done once per scan (the end of
 * a raw or comment region), so the scan is linear. */
#include "model/templates.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

/* The longest tag: real ones are a line or a few (an include with
 * parameters); an unclosed "{{" must not swallow the rest of the post. */
#define MAX_TAG 2048
#define MAX_ATTRS 256
#define MAX_CODE_SPAN 4096

typedef struct {
    const char *d;
    size_t len;
    civ_tpl_span *v;
    size_t n, cap;
    bool no_end[2]; /* no {% endraw %} / {% endcomment %} after some point */
} scan;

static size_t line_end(const scan *s, size_t i)
{
    const char *nl = memchr(s->d + i, '\n', s->len - i);
    return nl ? (size_t)(nl - s->d) : s->len;
}

/* The line [i, e) without a trailing '\r'. */
static size_t content_end(const scan *s, size_t i, size_t e)
{
    return e > i && s->d[e - 1] == '\r' ? e - 1 : e;
}

static bool is_blank(const scan *s, size_t i, size_t e)
{
    for (; i < e; i++)
        if (s->d[i] != ' ' && s->d[i] != '\t' && s->d[i] != '\r')
            return false;
    return true;
}

static void add(scan *s, civ_tpl_kind k, size_t s0, size_t s1)
{
    civ_tpl_span *t = CIV_PUSH(s->v, s->n, s->cap);
    t->kind = k;
    t->s0 = s0;
    t->s1 = s1;
}

/* Finds `close` from i within max bytes, not across a blank line; returns
 * the offset after it, or 0. */
static size_t find_close(const scan *s, size_t i, const char *close, size_t max)
{
    size_t n = strlen(close), end = s->len - i > max ? i + max : s->len;
    for (size_t k = i; k + n <= end; k++) {
        if (s->d[k] == '\n') {
            size_t j = k + 1;
            while (j < end && (s->d[j] == ' ' || s->d[j] == '\t' || s->d[j] == '\r'))
                j++;
            if (j < end && s->d[j] == '\n')
                return 0;
        }
        if (memcmp(s->d + k, close, n) == 0)
            return k + n;
    }
    return 0;
}

static size_t skip_ws_dash(const scan *s, size_t i)
{
    while (i < s->len && (s->d[i] == ' ' || s->d[i] == '\t' || s->d[i] == '-' || s->d[i] == '\n'))
        i++;
    return i;
}

static bool word_at(const scan *s, size_t i, const char *w)
{
    size_t n = strlen(w);
    return s->len - i >= n && memcmp(s->d + i, w, n) == 0 &&
           (i + n == s->len || !isalnum((unsigned char)s->d[i + n]));
}

/* The end of a "{% name %}" tag at d[i] whose first word is `name`, or 0. */
static size_t tag_named(const scan *s, size_t i, const char *name)
{
    if (s->len - i < 2 || s->d[i] != '{' || s->d[i + 1] != '%')
        return 0;
    size_t k = skip_ws_dash(s, i + 2);
    return word_at(s, k, name) ? find_close(s, k, "%}", MAX_TAG) : 0;
}

/* {% raw %} and {% comment %}: the region runs to the end tag. */
static size_t region_end(scan *s, size_t after, int which)
{
    const char *end = which ? "endcomment" : "endraw";
    if (s->no_end[which])
        return 0;
    for (size_t k = after; k + 2 <= s->len;) {
        const char *p = memmem(s->d + k, s->len - k, "{%", 2);
        if (!p)
            break;
        size_t at = (size_t)(p - s->d), e = tag_named(s, at, end);
        if (e)
            return e;
        k = at + 2;
    }
    s->no_end[which] = true;
    return 0;
}

/* "{{", "{{<", "{{%" or "{%" at i: the end of the tag, or 0. */
static size_t brace_tag(scan *s, size_t i, civ_tpl_kind *kind)
{
    const char *d = s->d;
    *kind = CIV_TPL_TAG;
    if (s->len - i < 4)
        return 0;
    if (d[i + 1] == '{') {
        if (d[i + 2] == '<')
            return find_close(s, i + 3, ">}}", MAX_TAG);
        if (d[i + 2] == '%')
            return find_close(s, i + 3, "%}}", MAX_TAG);
        size_t k = i + 2;
        while (k < s->len && (d[k] == ' ' || d[k] == '-'))
            k++;
        unsigned char c = k < s->len ? (unsigned char)d[k] : 0;
        if (!(isalpha(c) || c == '_' || c == '.' || c == '/' || c == '"' || c == '\'' || c == '$'))
            return 0;
        return find_close(s, k, "}}", MAX_TAG);
    }
    if (d[i + 1] != '%')
        return 0;
    size_t k = skip_ws_dash(s, i + 2);
    size_t w = k;
    while (w < s->len && (isalnum((unsigned char)d[w]) || d[w] == '_'))
        w++;
    /* a tag name, then space or the end: "{%d}" is a printf format */
    if (w == k || !isalpha((unsigned char)d[k]) || w >= s->len ||
        !(isspace((unsigned char)d[w]) || d[w] == '-' || d[w] == '%'))
        return 0;
    size_t e = find_close(s, k, "%}", MAX_TAG);
    int which = word_at(s, k, "raw") ? 0 : word_at(s, k, "comment") ? 1 : -1;
    if (e && which >= 0) {
        size_t r = region_end(s, e, which);
        if (r) {
            *kind = CIV_TPL_REGION;
            return r;
        }
    }
    return e;
}

/* "{:" at i: a kramdown attribute list ends a line or follows an inline
 * element; returns its end or 0. */
static size_t attr_list(const scan *s, size_t i, size_t line_start)
{
    const char *d = s->d;
    size_t k = i + 2, lim = s->len - i > MAX_ATTRS ? i + MAX_ATTRS : s->len;
    while (k < lim && d[k] != '}' && d[k] != '{' && d[k] != '\n')
        k++;
    if (k >= lim || d[k] != '}')
        return 0;
    size_t e = k + 1, j = e;
    while (j < s->len && (d[j] == ' ' || d[j] == '\t' || d[j] == '\r'))
        j++;
    bool ends_line = j == s->len || d[j] == '\n' || (j + 1 < s->len && d[j] == '{' && d[j + 1] == ':');
    bool after_inline = i > line_start && strchr(")]*_`}", d[i - 1]) != NULL;
    return ends_line || after_inline ? e : 0;
}

/* ``` or ~~~ fence at i (after up to 3 spaces): skip to after the closing
 * fence line; returns the offset of the next line to scan, or 0. */
static size_t code_fence(const scan *s, size_t i)
{
    char c = s->d[i];
    size_t n = 0;
    while (i + n < s->len && s->d[i + n] == c)
        n++;
    if ((c != '`' && c != '~') || n < 3)
        return 0;
    for (size_t ln = line_end(s, i); ln < s->len;) {
        size_t a = ln + 1, e = line_end(s, a), k = a;
        while (k < e && k - a < 3 && s->d[k] == ' ')
            k++;
        size_t m = 0;
        while (k + m < e && s->d[k + m] == c)
            m++;
        if (m >= n && is_blank(s, k + m, e))
            return e;
        ln = e;
    }
    return s->len;
}

/* !!! type "Title" / ??? type / ???+ type: the whole line, or 0. */
static size_t admonition(const scan *s, size_t i, size_t e)
{
    const char *d = s->d;
    if (e - i < 5 || !((memcmp(d + i, "!!!", 3) == 0) || memcmp(d + i, "???", 3) == 0))
        return 0;
    size_t k = i + 3 + (d[i] == '?' && d[i + 3] == '+');
    if (k >= e || (d[k] != ' ' && d[k] != '\t'))
        return 0;
    while (k < e && (d[k] == ' ' || d[k] == '\t'))
        k++;
    if (k >= e || !isalpha((unsigned char)d[k]))
        return 0;
    while (k < e && (isalnum((unsigned char)d[k]) || d[k] == '_' || d[k] == '-'))
        k++;
    /* the only words after the type: MkDocs Material's "inline end" */
    for (;;) {
        size_t j = k;
        while (j < e && (d[j] == ' ' || d[j] == '\t'))
            j++;
        if (word_at(s, j, "inline"))
            k = j + 6;
        else if (word_at(s, j, "end"))
            k = j + 3;
        else
            break;
    }
    while (k < e && (d[k] == ' ' || d[k] == '\t'))
        k++;
    if (k < e && d[k] == '"') {
        const char *q = memchr(d + k + 1, '"', e - k - 1);
        if (!q)
            return 0;
        k = (size_t)(q - d) + 1;
    }
    return is_blank(s, k, e) ? e : 0;
}

/* :::, :::name, ::: name Title, :::name[Title]{attrs}: the whole line. */
static size_t colon_fence(const scan *s, size_t i, size_t e)
{
    const char *d = s->d;
    size_t k = i;
    while (k < e && d[k] == ':')
        k++;
    if (k - i < 3)
        return 0;
    if (is_blank(s, k, e))
        return e;
    while (k < e && d[k] == ' ')
        k++;
    return k < e && (isalpha((unsigned char)d[k]) || d[k] == '{') ? e : 0;
}

/* MDX ESM at column 0 starting a block: to the line before the next blank
 * line, when it has the shape of an import or export statement. */
static size_t esm_block(const scan *s, size_t i)
{
    const char *d = s->d;
    bool imp = word_at(s, i, "import"), exp = word_at(s, i, "export");
    if (!imp && !exp)
        return 0;
    size_t end = i, k = i + 6;
    while (end < s->len) {
        size_t e = line_end(s, end);
        if (is_blank(s, end, e))
            break;
        end = e < s->len ? e + 1 : e;
    }
    while (end > i && (d[end - 1] == '\n' || d[end - 1] == '\r'))
        end--;
    while (k < end && d[k] == ' ')
        k++;
    if (k >= end || k == i + 6)
        return 0;
    if (exp) {
        const char *kw[] = {"const", "let", "var", "function", "default", "async", "class"};
        for (size_t j = 0; j < sizeof kw / sizeof *kw; j++)
            if (word_at(s, k, kw[j]))
                return end;
        return d[k] == '{' || d[k] == '*' ? end : 0;
    }
    if (d[k] == '"' || d[k] == '\'')
        return end;
    for (size_t j = k; j + 6 < end; j++)
        if (memcmp(d + j, " from", 5) == 0 && isspace((unsigned char)d[j + 5])) {
            size_t q = j + 5;
            while (q < end && isspace((unsigned char)d[q]))
                q++;
            if (q < end && (d[q] == '"' || d[q] == '\''))
                return end;
        }
    return 0;
}

/* The line-based forms at line start a; returns where to continue, or 0. */
static size_t at_line_start(scan *s, size_t a, bool block_start)
{
    size_t e = line_end(s, a), ce = content_end(s, a, e), k = a;
    while (k < ce && k - a < 3 && s->d[k] == ' ')
        k++;
    size_t r;
    if ((r = code_fence(s, k)))
        return r;
    if (block_start && (r = admonition(s, k, ce))) {
        add(s, CIV_TPL_ADMONITION, k, r);
        return r;
    }
    if ((r = colon_fence(s, k, ce))) {
        add(s, CIV_TPL_FENCE, k, r);
        return r;
    }
    if (block_start && (r = esm_block(s, a))) {
        add(s, CIV_TPL_ESM, a, r);
        return r;
    }
    return 0;
}

/* A code span from the backtick run at i: the offset after it, or i + run
 * length when it is not closed within the paragraph. */
static size_t code_span(const scan *s, size_t i)
{
    size_t n = 0;
    while (i + n < s->len && s->d[i + n] == '`')
        n++;
    char close[8];
    if (n >= sizeof close)
        return i + n;
    memset(close, '`', n);
    close[n] = '\0';
    for (size_t k = i + n; k < s->len;) {
        size_t e = find_close(s, k, close, MAX_CODE_SPAN);
        if (!e)
            break;
        if (e < s->len && s->d[e] == '`') { /* a longer run */
            while (e < s->len && s->d[e] == '`')
                e++;
            k = e;
            continue;
        }
        return e;
    }
    return i + n;
}

/* The bytes the scan below stops at within a line; it steps over the
 * others in a tight loop (a byte at a time through the whole loop was
 * 2% of a run). */
static const bool stop_byte[256] = {['\n'] = true, ['\\'] = true, ['`'] = true, ['{'] = true};

civ_tpl_span *civ_templates_scan(const char *d, size_t from, size_t len, size_t *n)
{
    scan s = {.d = d, .len = len};
    bool prev_blank = true;
    size_t ls = from;
    for (size_t i = from; i < len;) {
        if (i == ls) {
            size_t e = line_end(&s, i);
            bool blank = is_blank(&s, i, e);
            size_t r = blank ? 0 : at_line_start(&s, i, prev_blank);
            prev_blank = blank;
            if (r) {
                i = r; /* at a '\n' or the end */
                continue;
            }
        }
        char c = d[i];
        size_t e = 0;
        civ_tpl_kind kind = CIV_TPL_TAG;
        if (c == '\n') {
            ls = i + 1;
            i++;
            continue;
        }
        if (c == '\\') {
            i += 2;
            continue;
        }
        if (c == '`') {
            i = code_span(&s, i);
            continue;
        }
        if (c == '{' && i + 1 < len && (d[i + 1] == '{' || d[i + 1] == '%'))
            e = brace_tag(&s, i, &kind);
        else if (c == '{' && i + 1 < len && d[i + 1] == ':')
            e = attr_list(&s, i, ls), kind = CIV_TPL_ATTRS;
        if (e) {
            add(&s, kind, i, e);
            /* a tag can end mid-line: the next line start is found again */
            const char *nl = memrchr(d + i, '\n', e - i);
            if (nl) {
                ls = (size_t)(nl - d) + 1;
                prev_blank = false;
            }
            i = e;
            continue;
        }
        i++; /* never onto a line start: only a '\n' (a stop byte) precedes one */
        while (i < len && !stop_byte[(unsigned char)d[i]])
            i++;
    }
    *n = s.n;
    return s.v;
}

static size_t lower_bound(const civ_tpl_span *t, size_t n, size_t s)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t[mid].s1 <= s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const civ_tpl_span *civ_templates_next(const civ_tpl_span *t, size_t n, size_t s)
{
    size_t k = lower_bound(t, n, s);
    return k < n ? &t[k] : NULL;
}

const civ_tpl_span *civ_templates_at(const civ_tpl_span *t, size_t n, size_t s)
{
    const civ_tpl_span *x = civ_templates_next(t, n, s);
    return x && x->s0 <= s ? x : NULL;
}

const char *civ_tpl_kind_name(civ_tpl_kind k)
{
    static const char *names[] = {"tag", "region", "attributes", "admonition", "fence", "esm"};
    return (unsigned)k < sizeof names / sizeof *names ? names[k] : "?";
}
