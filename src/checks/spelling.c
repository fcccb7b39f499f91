/* spelling.c - `spelling`: words that neither the dictionary nor the
 * house word lists know.
 *
 * Editorial rule: every word of the prose (paragraphs, headings, table
 * cells, footnote text and the front-matter title) is spelt as en_US (or
 * --lang) plus the house dictionary plus the project's and the post's word
 * lists spell it.
 *
 * A finding: a word (words.h) that is unknown as written, and - when it
 * ends in 's - whose stem is unknown too ("EU’s", "Jinping’s" are checked
 * on the stem), and - when it is a hyphenated compound - is unknown as a
 * whole and in at least one part; then each unknown part is reported on
 * its own span, so the fix-it replaces only the bad part. The span is the
 * exact word (without the possessive), the note offers up to three
 * suggestions, and the first is the fix-it (with the post's curly
 * apostrophe when the word had one).
 *
 * Never checked (false-positive trade-offs): code, HTML, images and
 * footnote labels (U+FFFC placeholders), autolinks, URLs, e-mail addresses,
 * handles, domains, file names and paths (one token each in words.h),
 * words with digits or '_', single letters (the "e" and "g" of "e.g."; a
 * one-letter typo cannot be told from a variable), ALL-CAPS acronyms of up
 * to ctx->acronym_max letters (and their plurals: NGOs), words with
 * letters outside the Latin script (en_US cannot judge them; a Latin word
 * with a Cyrillic look-alike inside is mixed-script's finding, not two
 * findings), and front-matter values other than the title. The cost is that a misspelt acronym or a
 * typo glued to a domain-like dot ("end.the") goes unreported.
 *
 * A post declares its own words in an HTML comment anywhere in it:
 * <!-- civlint-words: Word1 Word2 --> (space- or comma-separated); they
 * count for that post only. The comments are found and split by
 * model/directives.c (an unterminated one declares nothing). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "checks/check.h"
#include "base/utf8.h"
#include "spell/spell.h"
#include "text/words.h"

/* Where a piece of text lives: a block (mapped with civ_block_span) or the
 * verbatim front-matter title at `base`. */
typedef struct {
    const civ_block *b;
    size_t base;
} where;

/* Suggestions cost hunspell tens of milliseconds per word. A file full of
 * unknown words (a pasted table of names, another language) would take
 * minutes, so only the first SUGGEST_LIMIT distinct unknown words of a
 * file get suggestions; the rest are still reported. */
#define SUGGEST_LIMIT 100

typedef struct {
    const civ_doc *doc;
    const civ_ctx *ctx;
    civ_sink *sink;
    civ_strmap inline_words;
    civ_strmap unknown; /* distinct unknown words of this file */
    uint64_t nwords;
    size_t autolink;    /* cursor over the block's inlines */
} state;

static void map_span(const where *w, size_t t0, size_t t1, size_t *s0, size_t *s1)
{
    if (w->b) {
        civ_block_span(w->b, t0, t1, s0, s1);
    } else {
        *s0 = w->base + t0;
        *s1 = w->base + t1;
    }
}

/* ---- <!-- civlint-words: ... --> (found by model/directives.c) ---- */

static void collect_inline_words(state *st)
{
    const civ_directives *ds = &st->doc->directives;
    for (size_t i = 0; i < ds->n; i++)
        if (ds->items[i].kind == CIV_DIR_WORDS)
            for (size_t k = 0; k < ds->items[i].nargs; k++)
                civ_wordlist_add(&st->inline_words, ds->items[i].args[k].text, strlen(ds->items[i].args[k].text));
}

/* ---- verdicts ---- */

static bool known(state *st, const char *raw, size_t n)
{
    char buf[256];
    if (n >= sizeof buf)
        return false; /* no word is that long */
    size_t k = civ_word_normalize(raw, n, buf);
    return civ_wordlist_has(&st->inline_words, buf, k) || civ_speller_check(st->ctx->speller, buf, k);
}

/* ALL-CAPS of 2..max letters, optionally with a plural 's (NGOs). */
static bool is_acronym(const char *s, size_t n, size_t max)
{
    if (n >= 3 && s[n - 1] == 's')
        n--;
    if (n < 2 || n > max)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!(s[i] >= 'A' && s[i] <= 'Z'))
            return false;
    return true;
}

static bool has_curly(const char *s, size_t n)
{
    return memmem(s, n, "\xE2\x80\x99", 3) != NULL;
}

/* A suggestion as the post would write it: straight apostrophes become
 * curly ones when the word had a curly one. Heap; caller frees. */
static char *as_written(const char *sugg, bool curly)
{
    civ_buf b;
    civ_buf_init(&b);
    for (const char *p = sugg; *p; p++) {
        if (*p == '\'' && curly)
            civ_buf_add(&b, "\xE2\x80\x99", 3);
        else
            civ_buf_putc(&b, *p);
    }
    return civ_buf_detach(&b);
}

static void report(state *st, const where *w, const char *text, size_t t0, size_t t1)
{
    size_t s0, s1;
    map_span(w, t0, t1, &s0, &s1);
    if (s1 <= s0)
        return; /* text the model could not align to the source */
    const char *src = st->doc->src->data;
    civ_diag *d = civ_report(st->sink, s0, s1, "unknown word '%.*s'", (int)(s1 - s0), src + s0);
    if (!st->ctx->suggest)
        return;
    char buf[256];
    size_t n = t1 - t0;
    if (n >= sizeof buf)
        return;
    size_t k = civ_word_normalize(text + t0, n, buf);
    if (!civ_strmap_get(&st->unknown, buf, k)) {
        if (st->unknown.n >= SUGGEST_LIMIT)
            return;
        civ_strmap_put(&st->unknown, buf, k, (void *)1);
    }
    char *const *sugg;
    size_t ns = civ_speller_suggest(st->ctx->speller, buf, k, &sugg);
    if (ns == 0)
        return;
    bool curly = has_curly(text + t0, n);
    civ_buf note;
    civ_buf_init(&note);
    civ_buf_puts(&note, "did you mean ");
    for (size_t i = 0; i < ns; i++) {
        char *s = as_written(sugg[i], curly);
        civ_diag_suggest(d, s);
        if (i == 0)
            civ_diag_fix(d, s0, s1, s);
        civ_buf_printf(&note, "%s'%s'", i == 0 ? "" : i + 1 == ns ? " or " : ", ", s);
        free(s);
    }
    civ_buf_putc(&note, '?');
    civ_diag_note(d, "%s", note.data);
    civ_buf_release(&note);
}

static void check_word(state *st, const where *w, const char *text, const civ_word *wd)
{
    const char *raw = text + wd->t0;
    size_t n = wd->t1 - wd->t0;
    size_t max = st->ctx->acronym_max;
    size_t stem = civ_word_possessive(raw, n);
    size_t core = stem ? stem : n;
    if (is_acronym(raw, core, max))
        return;
    if (known(st, raw, n) || (stem && known(st, raw, stem)))
        return;
    if (!(wd->flags & CIV_WORD_HYPHEN)) {
        report(st, w, text, wd->t0, wd->t0 + core);
        return;
    }
    size_t pos = 0, p0, p1;
    while (civ_word_part(raw, core, &pos, &p0, &p1)) {
        if (p1 > p0 && !is_acronym(raw + p0, p1 - p0, max) && !known(st, raw + p0, p1 - p0))
            report(st, w, text, wd->t0 + p0, wd->t0 + p1);
    }
}

/* True when text offset t (increasing from call to call within a block)
 * is inside an autolink. A cursor instead of civ_block_inline_at keeps a
 * paragraph of many links linear: inlines are in source order, autolinks
 * never nest, and an inline that ends before t is never needed again. */
static bool in_autolink(state *st, const civ_block *b, size_t t)
{
    while (st->autolink < b->ninl &&
           (b->inl[st->autolink].kind != CIV_INL_AUTOLINK || b->inl[st->autolink].t1 <= t))
        st->autolink++;
    return st->autolink < b->ninl && b->inl[st->autolink].t0 <= t;
}

/* True when text[a..e) is not empty and holds only invisible characters
 * that join what is around them: zero width space, non-joiner and joiner,
 * word joiner, soft hyphen, zero width no-break space. */
static bool only_invisible(const char *text, size_t a, size_t e)
{
    if (a >= e)
        return false;
    while (a < e) {
        uint32_t cp;
        size_t l = civ_utf8_decode((const unsigned char *)text + a, e - a, &cp);
        if (!l || !(cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0x00AD ||
                    cp == 0xFEFF))
            return false;
        a += l;
    }
    return true;
}

/* Words glued together by an invisible character ("Tbi<U+200B>lisi") are
 * not spell-checked: the halves are not words, and `invisible-character`
 * already reports the character with a fix-it that removes it, after which
 * the joined word is checked. So each word waits for the next one to know
 * whether it is glued. */
static void check_text(state *st, const where *w, const char *text, size_t len)
{
    civ_words it;
    civ_word wd, prev;
    bool have_prev = false, prev_glued = false;
    size_t last_end = SIZE_MAX; /* the end of the previous token, checked or not */
    civ_words_init(&it, text, len);
    if (w->b)
        civ_words_break_at_links(&it, w->b->inl, w->b->ninl);
    st->autolink = 0;
    while (civ_words_next(&it, &wd)) {
        bool glued = last_end != SIZE_MAX && only_invisible(text, last_end, wd.t0);
        last_end = wd.t1;
        if (have_prev && !glued && !prev_glued)
            check_word(st, w, text, &prev);
        have_prev = false;
        prev_glued = glued;
        if (wd.kind != CIV_WORD_PROSE || (wd.flags & CIV_WORD_NONLATIN) || wd.nletters < 2)
            continue;
        if (w->b && in_autolink(st, w->b, wd.t0))
            continue;
        st->nwords++;
        prev = wd;
        have_prev = true;
    }
    if (have_prev && !prev_glued)
        check_word(st, w, text, &prev);
}

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void civ_check_spelling(const civ_doc *doc, const civ_ctx *ctx, civ_sink *sink)
{
    if (!ctx->speller)
        return;
    uint64_t t0 = now_ns();
    state st = {.doc = doc, .ctx = ctx, .sink = sink};
    civ_strmap_init(&st.inline_words);
    civ_strmap_init(&st.unknown);
    collect_inline_words(&st);
    const civ_frontmatter *fm = doc->fm;
    if (fm && fm->title && fm->title_off != SIZE_MAX) {
        where w = {NULL, fm->title_off};
        check_text(&st, &w, fm->title, strlen(fm->title));
    }
    for (size_t i = 0; i < doc->nblocks; i++) {
        const civ_block *b = &doc->blocks[i];
        if (!civ_block_is_prose(b))
            continue;
        where w = {b, 0};
        check_text(&st, &w, b->text, b->text_len);
    }
    civ_strmap_release(&st.inline_words);
    civ_strmap_release(&st.unknown);
    civ_speller_account(ctx->speller, st.nwords, now_ns() - t0);
}
