/* empty_section.c - `empty-section`: a heading with nothing under it.
 *
 * Editorial rule: every heading introduces content. A section is empty when
 * the next block is a heading of the same or a higher rank, or the post
 * ends. A heading whose only content is subsections that have content is
 * not empty (unless ctx->empty_section_direct). A heading with no text is
 * reported too.
 *
 * Not content: HTML comments, thematic breaks, link reference definitions
 * (cmark drops them), placeholder paragraphs (the `placeholder` definition:
 * TBD, TK, TODO, [...]), the byline paragraph, and paragraphs of template
 * syntax that renders nothing (kramdown attribute lists, Liquid/Nunjucks
 * control tags such as assign, if, comment, a closing shortcode). Content:
 * a template tag that renders something ({% include %}, {{ x }}, a Hugo
 * shortcode), and footnote definitions listed under the heading - the
 * renderer puts the notes there ("## Notes" then [^1]: ...); footnote
 * definitions elsewhere do not fill a section.
 *
 * False-positive trade-off: a section holding only an image paragraph
 * counts as having content (a figure is content). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/byline.h"
#include "checks/check.h"

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

static bool is_placeholder(const civ_block *b, const civ_pattern *ph)
{
    if (!ph)
        return false;
    size_t a = 0, e = b->text_len;
    while (a < e && (b->text[a] == ' ' || b->text[a] == '\t'))
        a++;
    while (e > a && (b->text[e - 1] == ' ' || b->text[e - 1] == '\t'))
        e--;
    size_t ov[2];
    return civ_pattern_find(ph, b->text + a, e - a, 0, ov, 1) == CIV_MATCH_OK;
}

/* Liquid/Nunjucks tags that render nothing by themselves. */
static bool silent_tag(const char *t)
{
    static const char *const kw[] = {"assign", "capture", "endcapture", "if", "elsif", "else", "endif",
                                     "unless", "endunless", "case", "when", "endcase", "for", "endfor",
                                     "comment", "endcomment", "raw", "endraw", "set", "endset", "macro",
                                     "endmacro", "block", "endblock", "extends", "import", "from",
                                     "break", "continue", "liquid", NULL};
    t += 2;
    while (*t == '-' || *t == ' ' || *t == '\t' || *t == '\n')
        t++;
    size_t n = 0;
    while (t[n] && ((t[n] >= 'a' && t[n] <= 'z') || t[n] == '_'))
        n++;
    for (size_t i = 0; kw[i]; i++)
        if (strlen(kw[i]) == n && strncmp(t, kw[i], n) == 0)
            return true;
    return false;
}

/* Template syntax the reader sees the result of: an include, an output
 * tag, an opening shortcode. */
static bool renders(const char *t)
{
    if (!t)
        return false;
    if (strncmp(t, "{{<", 3) == 0 || strncmp(t, "{{%", 3) == 0) {
        t += 3;
        while (*t == ' ' || *t == '\t')
            t++;
        return *t != '/';
    }
    if (strncmp(t, "{{", 2) == 0)
        return true;
    return strncmp(t, "{%", 2) == 0 && !silent_tag(t);
}

/* A paragraph that is only template placeholders, none of them rendering
 * anything. */
static bool silent_template(const civ_block *b)
{
    if (!b->ninl)
        return false;
    for (size_t i = 0; i < b->text_len;) {
        if (b->text[i] == ' ' || b->text[i] == '\t') {
            i++;
        } else if (b->text_len - i >= CIV_OBJ_LEN && memcmp(b->text + i, CIV_OBJ, CIV_OBJ_LEN) == 0) {
            const civ_inline *in = civ_block_inline_at(b, i);
            if (!in || in->kind != CIV_INL_TEMPLATE || renders(in->url))
                return false;
            i += CIV_OBJ_LEN;
        } else {
            return false;
        }
    }
    return true;
}

static bool is_content(const civ_doc *doc, size_t i, size_t byline, const civ_pattern *ph)
{
    const civ_block *b = &doc->blocks[i];
    if (b->flags & CIV_IN_FOOTNOTE)
        return false;
    switch (b->kind) {
    case CIV_BLOCK_THEMATIC_BREAK:
        return false;
    case CIV_BLOCK_HTML: {
        const char *t = b->text;
        while (*t == ' ' || *t == '\t' || *t == '\n')
            t++;
        return strncmp(t, "<!--", 4) != 0;
    }
    case CIV_BLOCK_PARAGRAPH:
        return i != byline && !is_placeholder(b, ph) && !silent_template(b);
    default:
        return true;
    }
}

/* The source offsets where footnote definitions start, sorted: cmark-gfm
 * moves definitions to the end of the tree, so their offsets say where the
 * writer listed them. Heap (NULL when none). */
static size_t *footnote_starts(const civ_doc *doc, size_t *n)
{
    size_t *v = NULL, cap = 0;
    *n = 0;
    for (size_t j = 0; j < doc->nblocks; j++)
        if (doc->blocks[j].flags & CIV_IN_FOOTNOTE)
            *CIV_PUSH(v, *n, cap) = doc->blocks[j].start;
    civ_qsort(v, *n, sizeof *v, cmp_size);
    return v;
}

/* A footnote definition starts in [from, to): a binary search, so a post
 * of many headings stays linear-logarithmic (100k-headings in the
 * bad-input tests). */
static bool footnotes_under(const size_t *fs, size_t n, size_t from, size_t to)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (fs[mid] < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && fs[lo] < to;
}

/* The heading's visible text as a source span, trimmed. */
static void heading_span(const civ_block *h, size_t *s0, size_t *s1, size_t *t0, size_t *t1)
{
    size_t a = 0, e = h->text_len;
    while (a < e && (h->text[a] == ' ' || h->text[a] == '\t'))
        a++;
    while (e > a && (h->text[e - 1] == ' ' || h->text[e - 1] == '\t'))
        e--;
    *t0 = a;
    *t1 = e;
    civ_block_span(h, a, e, s0, s1);
}

void civ_check_empty_section(const civ_doc *doc, const civ_ctx *ctx, civ_sink *sink)
{
    civ_byline by;
    civ_byline_find(doc, ctx->rules, &by);
    const civ_pattern *ph = civ_rules_def(ctx->rules, "placeholder");
    size_t byline = by.status == CIV_BYLINE_NONE ? SIZE_MAX : by.block;
    size_t nfs;
    size_t *fs = footnote_starts(doc, &nfs);

    for (size_t i = 0; i < doc->nblocks; i++) {
        const civ_block *h = &doc->blocks[i];
        if (h->kind != CIV_BLOCK_HEADING || (h->flags & (CIV_IN_QUOTE | CIV_IN_LIST | CIV_IN_FOOTNOTE)))
            continue;
        size_t s0, s1, t0, t1;
        heading_span(h, &s0, &s1, &t0, &t1);
        if (t0 == t1) {
            civ_report(sink, h->start, h->end, "heading has no text");
            continue;
        }
        bool direct = false, nested = false, in_direct = true;
        size_t section_end = doc->src->len; /* where its direct content ends */
        for (size_t j = i + 1; j < doc->nblocks; j++) {
            const civ_block *c = &doc->blocks[j];
            if (c->kind == CIV_BLOCK_HEADING && !(c->flags & (CIV_IN_QUOTE | CIV_IN_LIST | CIV_IN_FOOTNOTE))) {
                if (in_direct)
                    section_end = c->start;
                if (c->level <= h->level)
                    break;
                in_direct = false;
                continue;
            }
            if (is_content(doc, j, byline, ph)) {
                if (in_direct)
                    direct = true;
                else
                    nested = true;
                if (direct)
                    break;
            }
        }
        if (!direct && footnotes_under(fs, nfs, h->end, section_end))
            direct = true;
        if (direct || (nested && !ctx->empty_section_direct))
            continue;
        civ_diag *d = civ_report(sink, s0, s1, "section '%.*s' is empty", (int)(t1 - t0), h->text + t0);
        if (nested)
            civ_diag_note(d, "its subsections have content, but the heading itself has none");
    }
    free(fs);
}
