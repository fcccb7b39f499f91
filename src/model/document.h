/* document.h - the document model the checks read.
 *
 * cmark-gfm parses the Markdown; this module flattens its tree into leaf
 * blocks in source order and, for every block with inline content, builds
 * the block's prose text together with a map back to exact source offsets.
 *
 * Why not use cmark-gfm's inline source positions: they are unreliable
 * (github/cmark-gfm#222: wrong after entities, escapes, soft breaks and
 * nested containers). Block positions are reliable, so each block's inline
 * text is aligned against the raw bytes of the block here.
 *
 * The prose text of a block:
 *   - text of text nodes, emphasis, strong, strikethrough and link text;
 *   - a single space for each soft or hard line break;
 *   - one U+FFFC OBJECT REPLACEMENT CHARACTER for each code span, inline
 *     HTML, image, footnote reference and run of template syntax ({{ }},
 *     {% %}, shortcodes, ::: fences..., see templates.h) (they are not
 *     prose, but keeping a placeholder stops the words on either side from
 *     being glued together); the civ_inline list says what each
 *     placeholder stands for. A block that is only template syntax (a
 *     paragraph holding an {% include %}) keeps its kind; its text is
 *     placeholders and spaces.
 * Entities and backslash escapes appear decoded in the text and map to the
 * whole `&amp;` or `\*` in the source. */
#ifndef CIV_DOCUMENT_H
#define CIV_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "model/directives.h"
#include "model/templates.h"
#include "source/frontmatter.h"
#include "source/source.h"
#include "base/util.h"

#define CIV_OBJ "\xEF\xBF\xBC" /* U+FFFC, the placeholder described above */
#define CIV_OBJ_LEN 3

typedef enum {
    CIV_BLOCK_PARAGRAPH,
    CIV_BLOCK_HEADING,
    CIV_BLOCK_TABLE_CELL,
    CIV_BLOCK_CODE,
    CIV_BLOCK_HTML,
    CIV_BLOCK_THEMATIC_BREAK,
} civ_block_kind;

/* civ_block.flags: the containers a block sits in, and details. */
enum {
    CIV_IN_QUOTE = 1u << 0,
    CIV_IN_LIST = 1u << 1,
    CIV_IN_FOOTNOTE = 1u << 2, /* inside a footnote definition */
    CIV_IN_TABLE = 1u << 3,
    CIV_TABLE_HEADER = 1u << 4,
    CIV_FENCED = 1u << 5,      /* code block with a fence */
};

typedef enum {
    CIV_INL_LINK,
    CIV_INL_AUTOLINK,     /* <https://x> or a bare www./https:// link */
    CIV_INL_IMAGE,        /* placeholder */
    CIV_INL_FOOTNOTE_REF, /* placeholder; url holds the label */
    CIV_INL_CODE,         /* placeholder; url holds the code */
    CIV_INL_HTML,         /* placeholder; url holds the raw HTML */
    CIV_INL_TEMPLATE,     /* placeholder; url holds the template syntax
                             (templates.h), clipped to the block */
} civ_inline_kind;

typedef struct {
    civ_inline_kind kind;
    size_t t0, t1;   /* its text in the block text (link text, placeholder) */
    size_t s0, s1;   /* the whole construct in the source */
    const char *url; /* see civ_inline_kind */
} civ_inline;

/* A run of block text mapped to source bytes. verbatim: the bytes are equal
 * and map one to one; otherwise the whole text run maps to the whole source
 * run (an entity, an escape, a line break, a placeholder). */
typedef struct {
    size_t t0, t1;
    size_t s0, s1;
    bool verbatim;
} civ_seg;

typedef struct {
    civ_block_kind kind;
    int level;            /* headings: 1-6 */
    unsigned flags;
    size_t start, end;    /* source span of the whole block */
    const char *text;     /* prose text as described above; for code and
                             HTML blocks their literal content */
    size_t text_len;
    const civ_seg *segs;  /* empty for code, HTML and thematic breaks */
    size_t nsegs;
    const civ_inline *inl;
    size_t ninl;
    const char *info;     /* fenced code: the info string */
    int table_row, table_col; /* table cells: 0-based position */
} civ_block;

/* Most container blocks (block quotes, list items) one line may open.
 * cmark-gfm's time and memory grow faster than the line past this: a
 * 10 MB line of 5 million "> " took 49 s and 1.2 GB, of "- " 94 s and
 * 2.4 GB. No post nests that deep; the model stops at such a line. */
#define CIV_MAX_NESTING 100

/* Most table cells a post may hold (rows times the columns of their
 * delimiter row, while the table extension is on). cmark-gfm keeps each
 * cell as nodes of about 640 bytes: a 2 MB table of 127 columns took
 * 650 MB, a 16 MB one 4.3 GB and aborted the run. 100,000 cells (a
 * 1,000-row table of 100 columns) bound that near 64 MB; the model stops at
 * the line that passes the budget. */
#define CIV_MAX_TABLE_CELLS 100000

typedef struct civ_doc {
    const civ_source *src;
    const civ_frontmatter *fm;
    civ_block *blocks;
    size_t nblocks;
    size_t lost;          /* text characters the aligner could not find in
                             the source (0 on every input we know of; the
                             corpus test keeps it that way) */
    size_t cut;           /* SIZE_MAX, or the offset of the first line that
                             opens more than CIV_MAX_NESTING containers or
                             passes CIV_MAX_TABLE_CELLS: the model holds
                             only the post before it */
    const char *cut_why;  /* NULL, or why the model stops at cut, as the
                             limit's warning says it (a static string) */
    size_t work;          /* source bytes the aligner examined: linear in
                             the input on every input (the pathological
                             tests in test_speed.c count it) */
    civ_directives directives; /* the post's <!-- civlint-... --> comments
                                  (directives.h), in source order */
    civ_tpl_span *templates; /* template syntax in the body (templates.h),
                                in source order */
    size_t ntemplates;
    civ_arena arena;
} civ_doc;

/* Parses src (from fm->body on) and builds the model. Never fails on any
 * input. The doc borrows src and fm, which must outlive it. Free with
 * civ_doc_free. */
civ_doc *civ_doc_parse(const civ_source *src, const civ_frontmatter *fm);
void civ_doc_free(civ_doc *doc);

/* Maps the block-text range [t0,t1) to a source span [*s0,*s1). */
void civ_block_span(const civ_block *b, size_t t0, size_t t1, size_t *s0, size_t *s1);

/* The inline whose text range contains text offset t, or NULL. */
const civ_inline *civ_block_inline_at(const civ_block *b, size_t t);

/* True for blocks whose text is prose (paragraphs, headings, cells). */
static inline bool civ_block_is_prose(const civ_block *b)
{
    return b->kind == CIV_BLOCK_PARAGRAPH || b->kind == CIV_BLOCK_HEADING ||
           b->kind == CIV_BLOCK_TABLE_CELL;
}

const char *civ_block_kind_name(civ_block_kind k);

#endif
