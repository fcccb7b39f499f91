/* document.c - cmark-gfm tree -> civ_doc: the walk over the block tree
 * that flattens it into leaf blocks in source order (containers become
 * flags), and the public lookups on blocks. Inline text is aligned to the
 * source by align.c and inlines.c; the post's directives are collected by
 * directives.c once the blocks are built. See document.h for the model. */
#include "model/document.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "model/align.h"
#include "base/work.h"

/* Exported by libcmark-gfm-extensions but not declared in its headers. */
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW, CMARK_NODE_TABLE_CELL,
    CMARK_NODE_STRIKETHROUGH;

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
    a->tpl_last = NULL;
    a->from = from;
    w->cur = b;
    w->in_inline_block = true;
}

static void end_inline(walker *w)
{
    aligner *a = &w->al;
    civ_block *b = w->cur;
    civ_arena *ar = &w->doc->arena;
    while (a->nopen)
        civ_inl_link_exit(a);
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
            civ_align_text(a, lit, strlen(lit));
    } else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
        civ_align_line_break(a);
    } else if (t == CMARK_NODE_CODE) {
        civ_inl_code_span(a, n, ar);
    } else if (t == CMARK_NODE_HTML_INLINE) {
        civ_inl_html(a, n, ar);
    } else if (t == CMARK_NODE_FOOTNOTE_REFERENCE) {
        civ_inl_footnote_ref(a, n, ar);
    } else if (t == CMARK_NODE_IMAGE) {
        civ_inl_image(a, n, ar);
        cmark_iter_reset(it, n, CMARK_EVENT_EXIT); /* alt text is not prose */
    } else if (t == CMARK_NODE_LINK) {
        if (ev == CMARK_EVENT_ENTER)
            civ_inl_link_enter(a, n, ar);
        else
            civ_inl_link_exit(a);
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

#define STR_(x) #x
#define CIV_STR(x) STR_(x)

/* The columns of line d[i, e) when it is a table's delimiter row (pipes,
 * dashes, colons and white space; each cell has a dash), else 0. */
static size_t delimiter_cols(const char *d, size_t i, size_t e)
{
    size_t cols = 0, pipes = 0;
    bool in_cell = false;
    for (; i < e; i++) {
        char c = d[i];
        if (c == '-' || c == ':') {
            cols += !in_cell;
            in_cell = true;
            continue;
        }
        if (c == '|')
            pipes++;
        else if (c != ' ' && c != '\t')
            return 0;
        in_cell = false;
    }
    return pipes ? cols : 0;
}

/* The start of the first line of d[0, n) at which the table cells counted
 * from the start pass CIV_MAX_TABLE_CELLS, or n. cmark-gfm pads every row
 * to its header's columns, so a row costs the columns of the delimiter row
 * above it whatever it holds (a 10 KB post of a 127-column header and
 * 5,000 lines of "x" took 246 MB): every non-blank line after a delimiter
 * row, until a blank line, counts that many cells. Lines that only look
 * like a table (in code) count too: an upper bound, and no real post comes
 * near it. */
static size_t table_cut(const char *d, size_t n)
{
    size_t cells = 0, cols = 0;
    for (size_t i = 0; i < n;) {
        size_t e = i;
        bool blank = true;
        for (; e < n && d[e] != '\n' && d[e] != '\r'; e++)
            blank = blank && (d[e] == ' ' || d[e] == '\t');
        size_t dc = blank ? 0 : delimiter_cols(d, i, e);
        if (blank) {
            cols = 0;
        } else if (dc) {
            cols = dc;
            cells += 2 * dc; /* the header row and this one */
        } else {
            cells += cols;
        }
        if (cells > CIV_MAX_TABLE_CELLS)
            return i;
        CIV_WORK(e - i + 1);
        i = e + (e + 1 < n && d[e] == '\r' && d[e + 1] == '\n' ? 2 : 1);
    }
    return n;
}

/* The container markers a line opens: "> ", "- ", "* ", "+ ", "1. ",
 * "1) " in a row, white space between them. */
static size_t line_nesting(const char *d, size_t i, size_t n)
{
    size_t depth = 0;
    for (;;) {
        while (i < n && (d[i] == ' ' || d[i] == '\t'))
            i++;
        size_t k = i;
        while (k < n && k - i < 9 && d[k] >= '0' && d[k] <= '9')
            k++;
        if (i < n && d[i] == '>')
            i++;
        else if (i + 1 < n && strchr("-*+", d[i]) && (d[i + 1] == ' ' || d[i + 1] == '\t'))
            i += 2;
        else if (k > i && k + 1 < n && (d[k] == '.' || d[k] == ')') && (d[k + 1] == ' ' || d[k + 1] == '\t'))
            i = k + 2;
        else
            return depth;
        if (++depth > CIV_MAX_NESTING)
            return depth;
    }
}

/* The start of the first line of d[0, n) nested deeper than
 * CIV_MAX_NESTING, or n. One pass; each line is read at most to its
 * CIV_MAX_NESTING + 1st marker. */
static size_t nesting_cut(const char *d, size_t n)
{
    for (size_t i = 0; i < n;) {
        if (line_nesting(d, i, n) > CIV_MAX_NESTING)
            return i;
        size_t e = i;
        while (e < n && d[e] != '\n' && d[e] != '\r') /* a lone CR ends a line too */
            e++;
        CIV_WORK(e - i + 1);
        i = e + 1;
    }
    return n;
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

    doc->templates = civ_templates_scan(src->data, body, src->len, &doc->ntemplates);
    w.al.tpl = doc->templates;
    w.al.ntpl = doc->ntemplates;
    w.al.ar = &doc->arena;

    cmark_parser *p = cmark_parser_new(CMARK_OPT_FOOTNOTES);
    bool tables = table_safe(src->data + body, src->len - body);
    for (size_t i = tables ? 0 : 1; i < 3; i++)
        if (ext[i])
            cmark_parser_attach_syntax_extension(p, ext[i]);
    size_t fed = body < src->len ? nesting_cut(src->data + body, src->len - body) : 0;
    if (fed < src->len - body)
        doc->cut_why = "a line nests more than " CIV_STR(CIV_MAX_NESTING) " block quotes or list items";
    size_t tcut = tables && fed ? table_cut(src->data + body, fed) : fed;
    if (tcut < fed) {
        fed = tcut;
        doc->cut_why = "its tables hold more than " CIV_STR(CIV_MAX_TABLE_CELLS) " cells";
    }
    doc->cut = body + fed < src->len ? body + fed : SIZE_MAX;
    cmark_parser_feed(p, src->data + body, fed);
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
    CIV_WORK(doc->work);
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
    free(doc->templates);
    free((void *)doc->directives.items);
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
