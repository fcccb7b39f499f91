/* fuzz_model.c - libFuzzer harness for the front of the pipeline alone:
 * civ_source_from_memory -> front matter -> cmark-gfm -> the document
 * model (document.c's own alignment of text to source offsets).
 *
 * Every crash fuzz_lint has found was in the model (entities decoding to
 * invalid UTF-8, an HTML span past the end of the file, a footnote label
 * cut in the middle of a letter), and fuzz_lint spends most of its time in
 * hunspell and the output formats. This harness runs the model only, about
 * ten times as many inputs a second, and checks the model's own promises,
 * which later stages rely on without checking them:
 *   - every block's text is valid UTF-8 (pcre2 runs without its UTF check);
 *   - every block's source span, segment and inline lies inside the source,
 *     and inlines inside the block text;
 *   - civ_block_span maps every character boundary of the text, and every
 *     pair of them, into the source, start <= end, in order;
 *   - the front matter's title offset (when set) lies inside the source;
 *   - the directives (directives.h) are in source order, each comment span
 *     inside the source (empty when its inline HTML could not be placed)
 *     and each argument's span inside its comment;
 *   - the template spans (templates.h) are in order, non-overlapping and
 *     inside the body; no verbatim prose segment lies inside one, and each
 *     CIV_INL_TEMPLATE placeholder lies inside its span.
 * A violation abort()s, so libFuzzer keeps the input. */
#include <stdio.h>
#include <stdlib.h>

#include "model/document.h"
#include "source/frontmatter.h"
#include "source/source.h"
#include "base/utf8.h"
#include "fuzz_common.h"

const char *civ_fuzz_datadir(void)
{
    const char *env = getenv("CIVLINT_DATADIR");
    return env && *env ? env : CIV_FUZZ_ROOT;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static void fail(const char *what, size_t block, size_t a, size_t b)
{
    fprintf(stderr, "fuzz_model: block %zu: %s (%zu, %zu)\n", block, what, a, b);
    abort();
}

static void check_block(const civ_source *src, const civ_block *b, size_t bi)
{
    if (b->start > b->end || b->end > src->len)
        fail("source span outside the source", bi, b->start, b->end);
    size_t prev0 = 0, prev1 = 0;
    for (size_t i = 0; i <= b->text_len;) {
        size_t l = 1;
        if (i < b->text_len) {
            uint32_t cp;
            l = civ_utf8_decode((const unsigned char *)b->text + i, b->text_len - i, &cp);
            if (!l)
                fail("text is not valid UTF-8 at", bi, i, b->text_len);
        }
        if (b->kind != CIV_BLOCK_CODE && b->kind != CIV_BLOCK_HTML && b->kind != CIV_BLOCK_THEMATIC_BREAK) {
            size_t s0, s1;
            civ_block_span(b, i, i, &s0, &s1);
            if (s0 > s1 || s1 > src->len)
                fail("empty span outside the source", bi, s0, s1);
            if (s0 < prev0)
                fail("spans go backwards", bi, prev0, s0);
            prev0 = s0;
            civ_block_span(b, prev1, i, &s0, &s1);
            if (s0 > s1 || s1 > src->len)
                fail("span outside the source", bi, s0, s1);
            prev1 = i;
        }
        i += l;
    }
    for (size_t k = 0; k < b->nsegs; k++) {
        const civ_seg *g = &b->segs[k];
        if (g->t0 > g->t1 || g->t1 > b->text_len || g->s0 > g->s1 || g->s1 > src->len)
            fail("segment outside its text or the source", bi, g->t0, g->s0);
    }
    for (size_t k = 0; k < b->ninl; k++) {
        const civ_inline *in = &b->inl[k];
        if (in->t0 > in->t1 || in->t1 > b->text_len || in->s0 > in->s1 || in->s1 > src->len)
            fail("inline outside its text or the source", bi, in->t0, in->s0);
    }
}

static void check_templates(const civ_doc *doc, size_t body)
{
    const civ_tpl_span *t = doc->templates;
    for (size_t i = 0; i < doc->ntemplates; i++)
        if (t[i].s0 >= t[i].s1 || t[i].s0 < body || t[i].s1 > doc->src->len ||
            (i && t[i].s0 < t[i - 1].s1))
            fail("template span out of order or outside the body", i, t[i].s0, t[i].s1);
    for (size_t bi = 0; bi < doc->nblocks; bi++) {
        const civ_block *b = &doc->blocks[bi];
        for (size_t k = 0; k < b->nsegs; k++) {
            const civ_seg *g = &b->segs[k];
            const civ_tpl_span *x = civ_templates_next(t, doc->ntemplates, g->s0);
            if (g->verbatim && g->s1 > g->s0 && x && x->s0 < g->s1)
                fail("verbatim prose inside template syntax", bi, g->s0, g->s1);
        }
        for (size_t k = 0; k < b->ninl; k++) {
            const civ_inline *in = &b->inl[k];
            const civ_tpl_span *x = civ_templates_at(t, doc->ntemplates, in->s0);
            if (in->kind == CIV_INL_TEMPLATE && in->s1 > in->s0 && (!x || in->s1 > x->s1))
                fail("template placeholder outside its span", bi, in->s0, in->s1);
        }
    }
}

static void check_arg(const civ_directive *d, const civ_dir_arg *a, size_t i)
{
    if (a->text && (a->s0 > a->s1 || a->s0 < d->s0 || a->s1 > d->s1))
        fail("directive argument outside its comment", i, a->s0, a->s1);
}

static void check_directives(const civ_source *src, const civ_directives *ds)
{
    for (size_t i = 0; i < ds->n; i++) {
        const civ_directive *d = &ds->items[i];
        if (d->s0 > d->s1 || d->s1 > src->len)
            fail("directive outside the source", i, d->s0, d->s1);
        if (i && d->s0 < ds->items[i - 1].s0)
            fail("directives out of order", i, ds->items[i - 1].s0, d->s0);
        check_arg(d, &d->keyword, i);
        check_arg(d, &d->rule, i);
        check_arg(d, &d->term, i);
        check_arg(d, &d->reason, i);
        for (size_t k = 0; k < d->nargs; k++)
            check_arg(d, &d->args[k], i);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *err = NULL;
    civ_source *src = civ_source_from_memory("fuzz.md", (const char *)data, size, &err);
    if (!src) {
        free(err);
        return 0;
    }
    civ_frontmatter fm;
    civ_frontmatter_parse(src, &fm);
    if (fm.title && fm.title_off != SIZE_MAX && fm.title_off > src->len)
        fail("title offset outside the source", 0, fm.title_off, src->len);
    civ_doc *doc = civ_doc_parse(src, &fm);
    for (size_t i = 0; i < doc->nblocks; i++)
        check_block(src, &doc->blocks[i], i);
    check_directives(src, &doc->directives);
    check_templates(doc, fm.present ? fm.body : 0);
    civ_doc_free(doc);
    civ_frontmatter_release(&fm);
    civ_source_free(src);
    return 0;
}
