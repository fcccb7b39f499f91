/* align.h - private to the model: aligning a block's inline text to the
 * source (align.c) and the inline constructs that are skipped or become
 * placeholders (inlines.c). document.c's tree walk drives both; nothing
 * outside src/model includes this header. See document.h for why the
 * model aligns text itself instead of using cmark-gfm's inline positions. */
#ifndef CIV_ALIGN_H
#define CIV_ALIGN_H

#include <cmark-gfm.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/util.h"
#include "model/document.h"
#include "model/templates.h"

/* How far the aligner may skip markup looking for the next text character.
 * Markup between two characters of text (emphasis runs, a link's "](", a
 * container prefix after a line break) is short; link destinations, code
 * spans and HTML are skipped explicitly. The bound keeps alignment linear. */
#define SKIP_BUDGET 512

/* The state of one block's alignment: the source window [cur, lim) of d,
 * and the block text, segments and inlines built so far. */
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
    /* Template syntax (templates.h): text inside a span becomes one
     * CIV_INL_TEMPLATE placeholder per span and block. */
    const civ_tpl_span *tpl;
    size_t ntpl;
    const civ_tpl_span *tpl_last; /* the span placed last in this block */
    size_t from;                  /* where this block's alignment began */
    civ_arena *ar;
} aligner;

/* align.c: text */
/* Aligns one text node's literal against the source from a->cur. */
void civ_align_text(aligner *a, const char *lit, size_t n);
/* A soft or hard line break: one space mapped to the line end. */
void civ_align_line_break(aligner *a);
/* The next ch from `from` (backslash escapes skipped), within max bytes
 * (SIZE_MAX: to the end of the block); a->lim when absent. */
size_t civ_align_find_byte_within(aligner *a, size_t from, char ch, size_t max);
size_t civ_align_find_byte(aligner *a, size_t from, char ch);
/* s[0..n) starting within max bytes of from; a->lim when absent. */
size_t civ_align_find_str(aligner *a, size_t from, const char *s, size_t n, size_t max);
/* Appends a U+FFFC placeholder for an inline of the source [s0, s1). */
void civ_align_placeholder(aligner *a, civ_inline_kind kind, size_t s0, size_t s1, const char *url);

/* inlines.c: constructs (strings copied into ar) */
void civ_inl_link_enter(aligner *a, cmark_node *node, civ_arena *ar);
void civ_inl_link_exit(aligner *a);
void civ_inl_code_span(aligner *a, cmark_node *node, civ_arena *ar);
void civ_inl_html(aligner *a, cmark_node *node, civ_arena *ar);
void civ_inl_footnote_ref(aligner *a, cmark_node *node, civ_arena *ar);
void civ_inl_image(aligner *a, cmark_node *node, civ_arena *ar);

#endif
