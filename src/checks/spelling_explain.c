/* spelling_explain.c - `civlint --explain-word WORD` (issue 13, item 10):
 * why a word is or is not a spelling finding, from the same pieces the
 * check uses - the tokenizer (words.h), the dictionaries and word lists
 * (spell.h), the other spelling (spelling_lang.c), the judgement
 * (spelling_judge.c) and the ranked one-edit search (near.h). The word is
 * judged as one occurrence in a one-post run: what the post around it
 * would change (its vocabulary, a variant it writes more often, its
 * spelling) is said, not guessed. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "checks/check.h"
#include "checks/spelling.h"
#include "checks/spelling_impl.h"
#include "spell/spell.h"
#include "text/words.h"

static const char *kind_name(const civ_word *w)
{
    switch (w->kind) {
    case CIV_WORD_DIGITS:
        return "never checked: it has a digit or '_'";
    case CIV_WORD_URL:
        return "never checked: a URL, e-mail address, handle, domain, file name or path";
    case CIV_WORD_ATTACHED:
        return "never checked: a unit or an ordinal suffix after a number";
    case CIV_WORD_MARKUP:
        return "never checked: template tag syntax";
    default:
        if (w->flags & CIV_WORD_NONLATIN)
            return "never checked: letters outside the Latin script";
        if (w->nletters < 2)
            return "never checked: a single letter";
        return NULL;
    }
}

/* The tokenizer's view; false when the word is not checked as one word. */
static bool tokens(civ_buf *b, const char *word, size_t n, size_t acronym_max)
{
    civ_words it;
    civ_word w, first = {0};
    size_t count = 0;
    civ_words_init(&it, word, n);
    while (civ_words_next(&it, &w))
        if (count++ == 0)
            first = w;
    if (count != 1 || first.t0 != 0 || first.t1 != n) {
        civ_buf_printf(b, "tokenizer: not one word; each of its %zu words is checked on its own\n", count);
        return false;
    }
    const char *why = kind_name(&first);
    size_t caps = 0;
    for (size_t i = 0; i < n; i++)
        caps += word[i] >= 'A' && word[i] <= 'Z';
    if (!why && caps == n && n >= 2 && n <= acronym_max)
        why = "never checked: an ALL-CAPS acronym (--acronym-max)";
    civ_buf_printf(b, "tokenizer: %s\n", why ? why : "a word, checked");
    return why == NULL;
}

static void cost_text(civ_buf *b, int q)
{
    if (q / 4)
        civ_buf_printf(b, "%d", q / 4);
    if (q % 4)
        civ_buf_printf(b, "%s%d/4", q / 4 ? " " : "", q % 4);
}

static void suggestions(civ_buf *b, civ_speller *sp, const char *key, size_t k)
{
    civ_ranked r[8];
    size_t m = civ_speller_rank(sp, key, k, r, 8);
    if (!m) {
        civ_buf_puts(b, "one edit away: nothing (--suggest=full asks hunspell's own search)\n");
        return;
    }
    civ_buf_puts(b, "one edit away, cheapest first (the first 3 are the suggestions, the first the fix-it):\n");
    for (size_t i = 0; i < m; i++) {
        civ_buf_printf(b, "  %zu. %s (cost ", i + 1, r[i].word);
        cost_text(b, r[i].cost);
        civ_buf_puts(b, ")\n");
        free(r[i].word);
    }
}

/* Where judged() puts its one occurrence. */
static const char *const places[] = {
    "mid-sentence",
    "at a sentence start",
    "at a list item's, quotation's or table cell's start, or a heading's in sentence case",
};

/* What the check makes of one occurrence at places[place]. */
static void judged(civ_buf *b, const civ_ctx *ctx, sp_word *w, int place)
{
    sp_occ occ = {.initial = place > 0, .sentence = place == 1};
    w->occ = &occ;
    w->nocc = 1;
    sp_state st = {.ctx = ctx};
    civ_strmap_init(&st.family);
    char low[256];
    for (size_t i = 0; i < w->klen; i++)
        low[i] = w->key[i] >= 'A' && w->key[i] <= 'Z' ? (char)(w->key[i] - 'A' + 'a') : w->key[i];
    civ_strmap_put(&st.family, low, w->klen, (void *)1);
    st.words = w;
    st.nwords = 1;
    const char *fix;
    const char *what = civ_spelling_class(&st, w, &fix);
    civ_buf_printf(b, "%s: %s%s%s%s\n", places[place], what,
                   fix ? " (fix-it " : "", fix ? fix : "", fix ? ")" : "");
    civ_strmap_release(&st.family);
    w->occ = NULL;
}

/* The other spelling's view (spelling_lang.c); sets w's variant fields. */
static void other_spelling(civ_buf *b, civ_speller *sp, sp_word *w, char *form)
{
    const char *v = civ_speller_variant_knows(sp, w->key, w->klen);
    if (!v)
        return;
    if (civ_spelling_swapped(sp, w->key, w->klen, form)) {
        w->variant = v;
        w->form = form;
        civ_buf_printf(b, "%s: knows it, a spelling of '%s': accepted (spelling-variant, off by default, "
                          "tells a post that mixes the two spellings)\n",
                       v, form);
        return;
    }
    civ_closeness c = civ_speller_closest(sp, w->key, w->klen);
    w->accepted = !(c.cost > 1 && c.cost <= CIV_SPELL_EDIT / 2);
    civ_buf_printf(b, "%s: knows it, a word %s lacks: %s\n", v, civ_speller_lang(sp),
                   w->accepted ? "accepted" : "but it is a cheap edit from a known word, so still a typo");
}

char *civ_spelling_explain(const civ_ctx *ctx, const char *word)
{
    civ_buf b;
    civ_buf_init(&b);
    size_t n = strlen(word);
    civ_speller *sp = ctx->speller;
    char key[256];
    if (!tokens(&b, word, n, ctx->acronym_max ? ctx->acronym_max : 6) || !sp || n >= sizeof key) {
        if (!sp)
            civ_buf_puts(&b, "spelling is off\n");
        return civ_buf_detach(&b);
    }
    size_t k = civ_word_normalize(word, n, key);
    size_t stem = civ_word_possessive(key, k);
    const char *lang = civ_speller_lang(sp);
    char *err = NULL;
    civ_speller *bare = civ_speller_new(lang, civ_speller_dic(sp), &err);
    free(err);
    bool in_main = bare && civ_speller_check(bare, key, k);
    civ_speller_free(bare);
    bool known = civ_speller_check(sp, key, k);
    civ_buf_printf(&b, "%s (%s): %s\n", lang, civ_speller_dic(sp), in_main ? "knows it" : "does not know it");
    if (known && !in_main)
        civ_buf_printf(&b, "%s\n", civ_speller_in_list(sp, key, k)
                                       ? "a word list (--words, dictionaries:) has it"
                                       : "the house dictionary, a project .dic or another language of 'lang' has it");
    if (!known && stem && civ_speller_check(sp, key, stem)) {
        civ_buf_printf(&b, "its stem '%.*s' is known: a possessive or contraction of a known word\n", (int)stem, key);
        known = true;
    }
    if (known) {
        civ_buf_puts(&b, "verdict: correct, never a finding\n");
        return civ_buf_detach(&b);
    }
    size_t lists, nlisted;
    bool listed = civ_speller_listed(sp, key, k, &lists, &nlisted);
    if (lists)
        civ_buf_printf(&b, "large word list (Debian's wamerican-huge, %zu words): %s\n", nlisted,
                       listed ? "has it: a word or name, a typo only when one edit from a known word"
                              : "does not have it");
    else
        civ_buf_puts(&b, "large word list: none read (install Debian's wamerican-huge; English only)\n");
    sp_word w = {.key = key, .klen = k};
    char form[128];
    other_spelling(&b, sp, &w, form);
    judged(&b, ctx, &w, 0);
    if (key[0] >= 'A' && key[0] <= 'Z') {
        judged(&b, ctx, &w, 1);
        judged(&b, ctx, &w, 2);
    }
    civ_buf_puts(&b, "in a post: a word the post uses 3 times (a Capitalised one twice), or 3 posts of a "
                     "run use, is its vocabulary (an unknown term); one occurrence is reported once, with "
                     "the other lines in a note\n");
    suggestions(&b, sp, key, k);
    return civ_buf_detach(&b);
}
