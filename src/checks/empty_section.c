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
 * TBD, TK, TODO, [...]), the byline paragraph and footnote definitions.
 *
 * False-positive trade-off: a section holding only an image paragraph
 * counts as having content (a figure is content). */
#include <stdint.h>
#include <string.h>

#include "text/byline.h"
#include "checks/check.h"

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
        return i != byline && !is_placeholder(b, ph);
    default:
        return true;
    }
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
        for (size_t j = i + 1; j < doc->nblocks; j++) {
            const civ_block *c = &doc->blocks[j];
            if (c->kind == CIV_BLOCK_HEADING && !(c->flags & (CIV_IN_QUOTE | CIV_IN_LIST | CIV_IN_FOOTNOTE))) {
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
        if (direct || (nested && !ctx->empty_section_direct))
            continue;
        civ_diag *d = civ_report(sink, s0, s1, "section '%.*s' is empty", (int)(t1 - t0), h->text + t0);
        if (nested)
            civ_diag_note(d, "its subsections have content, but the heading itself has none");
    }
}
