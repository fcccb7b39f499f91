/* spelling_variant.c - `spelling-variant` (off by default): a post that
 * mixes two spellings of English, `organization` and `organisation`,
 * `color` and `colour`, `center` and `centre` (issue 13, item 6).
 *
 * Which spelling a word is, is asked of the installed hunspell
 * dictionaries, not of a word list: the speller's own (en_US) and the
 * other one (spell.h civ_speller_other: en_GB for en_US, or the second
 * language of `lang: [en_US, en_GB]`). A word is of one spelling when that
 * dictionary knows it, the other does not, and a regular US/UK swap of it
 * (spelling_lang.c: `our`/`or`, `re`/`er`, `is`/`iz`, `ll`/`l`...) is a
 * word the other knows: `colour` is British, `color` American. Both
 * dictionaries know `organization` (en_GB has the Oxford -ize), so a word
 * both know counts for the spelling opposite to its swap's when the post
 * writes that swap too and the two differ in s for z only: `organization`
 * next to `organisation` is the American side of the pair, but `license`
 * next to `licence` (a British verb and noun) and `program` next to
 * `programme` are British both. A swap of one `e` (judgement, ageing,
 * queueing) is no sign: American writes both forms.
 *
 * Measured on the 943 real posts (../shared/corpora/real-posts), with the
 * rule on: 77 findings in 60 posts before these two exceptions (among
 * them program/programme, license/licence, queueing, acknowledgement),
 * 65 in 50 posts after; a random 20 judged 14 true, 5 borderline, 1 false
 * (/work/shared/judgments/spelling-variant-2026-12-03.tsv).
 *
 * Only words in lower case are read: a Capitalised word is a name as
 * often as not (`Lincoln Center`, `the Centre for X`), and a name keeps
 * its own spelling.
 *
 * When the post has words of both spellings, the spelling with fewer
 * occurrences (on a tie, the one that is not the speller's own) is the
 * slip: each distinct word of it is reported once, at its first
 * occurrence, naming the other spelling and its line, with the other
 * spelling's form as the fix-it and its further lines in a note. One per
 * distinct word, not one per post: each word is its own fix, and an
 * editor fixing `colour` still has to find `centre`. The spelling check
 * reports a word of the other spelling in a post not written in it
 * (`'colour' is en_GB spelling`); where both report one word, the
 * pipeline keeps this rule's finding (civ_diags_drop_shadowed). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/strmap.h"
#include "base/util.h"
#include "checks/check.h"
#include "checks/spelling_impl.h"
#include "spell/spell.h"
#include "text/words.h"

enum { SIDE_NONE, SIDE_OWN, SIDE_OTHER };

typedef struct {
    const char *key; /* in a block's text */
    size_t klen;
    size_t (*occ)[2]; /* source spans of its occurrences */
    size_t nocc, cap;
    int side;
    char form[128]; /* the other spelling's form, "" when none */
} vword;

typedef struct {
    vword *w;
    size_t n, cap;
    civ_strmap ix; /* key -> index + 1 */
} vwords;

static bool own_knows(civ_speller *sp, const char *w, size_t n)
{
    return civ_speller_own_knows(sp, w, n);
}

/* Lower case ASCII letters only, three or more. */
static bool plain(const char *s, size_t n)
{
    if (n < 3)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'a' || s[i] > 'z')
            return false;
    return true;
}

static void collect(const civ_doc *doc, vwords *v)
{
    for (size_t i = 0; i < doc->nblocks; i++) {
        const civ_block *b = &doc->blocks[i];
        if (!civ_block_is_prose(b))
            continue;
        civ_words it;
        civ_word wd;
        civ_words_init(&it, b->text, b->text_len);
        while (civ_words_next(&it, &wd)) {
            const char *s = b->text + wd.t0;
            size_t k = wd.t1 - wd.t0;
            if (wd.kind != CIV_WORD_PROSE || !plain(s, k))
                continue;
            size_t at = (size_t)(uintptr_t)civ_strmap_get(&v->ix, s, k);
            if (!at) {
                vword *w = CIV_PUSH(v->w, v->n, v->cap);
                memset(w, 0, sizeof *w);
                w->key = s;
                w->klen = k;
                civ_strmap_put(&v->ix, s, k, (void *)(uintptr_t)v->n);
                at = v->n;
            }
            vword *w = &v->w[at - 1];
            size_t *o = *CIV_PUSH(w->occ, w->nocc, w->cap);
            civ_block_span(b, wd.t0, wd.t1, &o[0], &o[1]);
        }
    }
}

static vword *find(vwords *v, const char *s, size_t n)
{
    size_t at = (size_t)(uintptr_t)civ_strmap_get(&v->ix, s, n);
    return at ? &v->w[at - 1] : NULL;
}

/* a and b differ only in s for z (organise, organize): a pair two
 * spellings of English both write as they please (-ise and -ize), unlike
 * `license` and `licence` or `program` and `programme`, which en_GB also
 * knows because British writes both, with two meanings. */
static bool s_for_z(const char *a, size_t na, const char *b, size_t nb)
{
    if (nb != na)
        return false;
    for (size_t i = 0; i < na; i++)
        if (a[i] != b[i] && !((a[i] == 's' && b[i] == 'z') || (a[i] == 'z' && b[i] == 's')))
            return false;
    return true;
}

/* a is b with one more `e` (judgement, ageing, queueing): American writes
 * both forms too, so neither says which spelling a post is in. */
static bool one_more_e(const char *a, size_t na, const char *b, size_t nb)
{
    size_t i = 0;
    if (na != nb + 1)
        return false;
    while (i < nb && a[i] == b[i])
        i++;
    return a[i] == 'e' && memcmp(a + i + 1, b + i, nb - i) == 0;
}

/* Sets each word's side; returns the occurrences of each side in n[]. */
static void classify(civ_speller *sp, civ_speller *other, vwords *v, size_t n[3])
{
    for (size_t i = 0; i < v->n; i++) {
        vword *w = &v->w[i];
        bool a = civ_speller_own_knows(sp, w->key, w->klen);
        bool b = civ_speller_check(other, w->key, w->klen);
        if (a && !b && civ_spelling_swap_known(other, civ_speller_check, w->key, w->klen, w->form))
            w->side = SIDE_OWN;
        else if (b && !a && civ_spelling_swap_known(sp, own_knows, w->key, w->klen, w->form))
            w->side = SIDE_OTHER;
        size_t nf = strlen(w->form);
        if (w->side != SIDE_NONE && (one_more_e(w->key, w->klen, w->form, nf) ||
                                     one_more_e(w->form, nf, w->key, w->klen)))
            w->side = SIDE_NONE;
        if (w->side == SIDE_NONE)
            w->form[0] = '\0';
    }
    /* a word both know, written next to its other spelling */
    for (size_t i = 0; i < v->n; i++) {
        vword *w = &v->w[i];
        vword *f = w->side != SIDE_NONE ? find(v, w->form, strlen(w->form)) : NULL;
        if (f && f->side == SIDE_NONE && s_for_z(w->key, w->klen, f->key, f->klen)) {
            f->side = w->side == SIDE_OWN ? SIDE_OTHER : SIDE_OWN;
            memcpy(f->form, w->key, w->klen);
            f->form[w->klen] = '\0';
        }
    }
    for (size_t i = 0; i < v->n; i++)
        n[v->w[i].side] += v->w[i].nocc;
}

static const char *spelling_name(const char *lang)
{
    static const char *const names[][2] = {
        {"en_US", "American"}, {"en_GB", "British"}, {"en_CA", "Canadian"}, {"en_AU", "Australian"},
        {"en_NZ", "New Zealand"}, {"en_ZA", "South African"}, {"en_IE", "Irish"}, {"en_IN", "Indian"},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(lang, names[i][0]) == 0)
            return names[i][1];
    return lang;
}

static size_t line_of(const civ_doc *doc, size_t off)
{
    size_t line, col;
    civ_source_position(doc->src, off, &line, &col);
    return line;
}

/* "also on lines 12 and 40" for the occurrences after the first. */
static void note_lines(const civ_doc *doc, const vword *w, civ_diag *d)
{
    civ_buf b;
    civ_buf_init(&b);
    size_t last = line_of(doc, w->occ[0][0]), shown = 0;
    for (size_t i = 1; i < w->nocc && shown < 8; i++) {
        size_t l = line_of(doc, w->occ[i][0]);
        if (l == last)
            continue;
        civ_buf_printf(&b, "%s%zu", shown ? ", " : "", l);
        last = l;
        shown++;
    }
    if (shown)
        civ_diag_note(d, "also on line%s %s", shown > 1 ? "s" : "", b.data);
    civ_buf_release(&b);
}

static void report(const civ_doc *doc, civ_sink *sink, vwords *v, int minority,
                   const char *names[3])
{
    const vword *first = NULL; /* the other side's first word in the post */
    for (size_t i = 0; i < v->n; i++)
        if (v->w[i].side != SIDE_NONE && v->w[i].side != minority &&
            (!first || v->w[i].occ[0][0] < first->occ[0][0]))
            first = &v->w[i];
    for (size_t i = 0; i < v->n; i++) {
        const vword *w = &v->w[i];
        if (w->side != minority)
            continue;
        const vword *f = find(v, w->form, strlen(w->form));
        const vword *g = f ? f : first;
        civ_diag *d = civ_report(sink, w->occ[0][0], w->occ[0][1], "'%.*s' (%s) while the post %swrites '%.*s' (%s) on line %zu",
                                 (int)w->klen, w->key, names[minority], f ? "also " : "", (int)g->klen,
                                 g->key, names[g->side], line_of(doc, g->occ[0][0]));
        civ_diag_suggest(d, w->form);
        civ_diag_fix(d, w->occ[0][0], w->occ[0][1], w->form);
        note_lines(doc, w, d);
    }
}

void civ_check_spelling_variant(const civ_doc *doc, const civ_ctx *ctx, civ_sink *sink)
{
    civ_speller *sp = ctx->speller;
    civ_speller *other = sp ? civ_speller_other(sp) : NULL;
    if (!other)
        return;
    vwords v = {0};
    civ_strmap_init(&v.ix);
    collect(doc, &v);
    size_t n[3] = {0, 0, 0};
    classify(sp, other, &v, n);
    if (n[SIDE_OWN] && n[SIDE_OTHER]) {
        const char *names[3] = {"", spelling_name(civ_speller_lang(sp)),
                                spelling_name(civ_speller_lang(other))};
        report(doc, sink, &v, n[SIDE_OTHER] <= n[SIDE_OWN] ? SIDE_OTHER : SIDE_OWN, names);
    }
    for (size_t i = 0; i < v.n; i++) {
        free(v.w[i].occ);
    }
    free(v.w);
    civ_strmap_release(&v.ix);
}
