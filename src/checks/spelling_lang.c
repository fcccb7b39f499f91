/* spelling_lang.c - the language of a post and of its paragraphs, for the
 * `spelling` check (issue 13, items 5 and 6).
 *
 * Spelling variants. An en_US project's posts are not all American: on
 * the 943 real posts of ../shared/corpora/real-posts, one in ten spelling
 * findings of a judged sample was a correct British spelling (`labour`,
 * `organisations`, `colour`, `grey`). A word the candidate spelling
 * (spellers.c: en_GB for en_US) knows as a regular swap of a main
 * dictionary word is noted as a variant, with the main form; the
 * `spelling` check accepts it (spelling_judge.c), and the note-level
 * `spelling-variant` rule (off by default) tells a post that mixes the
 * two spellings. (Reporting one `colour` in an otherwise American post as
 * a spelling warning was measured too: on the real posts none of 15
 * judged was a typo, and a third were correct in their blog's usage.) A
 * list in the configuration (`lang: [en_US, en_GB]`) accepts both
 * spellings everywhere and asks nothing.
 *
 * Foreign paragraphs. A paragraph, heading or table cell in another
 * language (a Spanish version of a post, a French title in a list of
 * links) is not English with typos. Two signs, both needed: many unknown
 * words - of its words that start with a lower case letter (a capitalised
 * word is a name as often as not, in any language), at least
 * FOREIGN_MIN_WORDS, FOREIGN_PERCENT or more are unknown to the
 * dictionaries - and libexttextcat's guess (spell/langid.h) is not the
 * dictionary's language. The guess decides from FOREIGN_GUESS_WORDS such
 * words on; on fewer, or when it has no guess, FOREIGN_ALONE percent
 * unknown are needed too (and a guess of English still vetoes). The ratio
 * alone cannot tell a Spanish title from an English list of package names
 * (both near half unknown on the real posts), and the guess alone is
 * unsure on a line of five words (a package name and a short English
 * phrase can read as Danish); each is asked only what it does well.
 * Then the paragraph is not spell-checked,
 * and with `spelling: {foreign: note}` the post gets one note saying so.
 * A paragraph of English with a foreign phrase or two stays below the
 * threshold and is checked as usual. Measured on the real posts: see
 * README ("Foreign-language passages"). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/util.h"
#include "checks/check.h"
#include "checks/spelling.h"
#include "checks/spelling_impl.h"
#include "spell/langid.h"
#include "spell/spell.h"
#include "text/words.h"

#define FOREIGN_MIN_WORDS 4
#define FOREIGN_PERCENT 35
#define FOREIGN_GUESS_WORDS 6
#define FOREIGN_ALONE 60

static bool lower_initial(const char *s)
{
    return s[0] >= 'a' && s[0] <= 'z';
}

/* A word whose capital says nothing: lower case, or Capitalised only at
 * the start of a sentence, a heading or the title (`Colour` opening a
 * sentence is still a spelling; `Centre` mid-sentence is a name's). */
static bool plain_word(const sp_word *w)
{
    if (lower_initial(w->key))
        return true;
    for (size_t i = 1; i < w->klen; i++)
        if (w->key[i] >= 'A' && w->key[i] <= 'Z')
            return false;
    for (size_t i = 0; i < w->nocc; i++)
        if (!w->occ[i].initial)
            return false;
    return true;
}

/* The regular differences between British (and Commonwealth) and
 * American spelling, each way: `colour`/`color`, `centre`/`center`,
 * `organise`/`organize`, `analyse`/`analyze`, `travelled`/`traveled`,
 * `catalogue`/`catalog`, `defence`/`defense`, `programme`/`program`,
 * `paediatric`/`pediatric`, `grey`/`gray`, `judgement`/`judgment`,
 * `ageing`/`aging`. */
static const char *const SWAPS[][2] = {
    {"our", "or"}, {"tre", "ter"}, {"bre", "ber"}, {"is", "iz"}, {"ys", "yz"}, {"ll", "l"},
    {"ogue", "og"}, {"ence", "ense"}, {"mme", "m"}, {"ae", "e"}, {"oe", "e"}, {"ey", "ay"},
    {"gement", "gment"}, {"eing", "ing"},
};

typedef bool (*knows_fn)(civ_speller *sp, const char *w, size_t n);

static bool main_knows(civ_speller *sp, const char *w, size_t n)
{
    return civ_speller_check(sp, w, n);
}

/* True when `knows` accepts a form of w[0..n) made by up to `depth` of
 * SWAPS (either way): then w and that form are two spellings of one word
 * (`colour` and `color`), not a word one dictionary lacks (`roadmap`).
 * The form is written to out (128 bytes, NUL-terminated) when not NULL. */
static bool swapped_form(civ_speller *sp, knows_fn knows, const char *w, size_t n, int depth,
                         char *out)
{
    if (depth == 0 || n + 8 >= 128)
        return false;
    for (size_t r = 0; r < sizeof SWAPS / sizeof *SWAPS; r++) {
        for (int dir = 0; dir < 2; dir++) {
            const char *from = SWAPS[r][dir], *to = SWAPS[r][!dir];
            size_t fl = strlen(from), tl = strlen(to);
            for (size_t i = 0; i + fl <= n; i++) {
                if (memcmp(w + i, from, fl) != 0)
                    continue;
                char buf[128];
                memcpy(buf, w, i);
                memcpy(buf + i, to, tl);
                memcpy(buf + i + tl, w + i + fl, n - i - fl);
                size_t m = n - fl + tl;
                buf[m] = '\0';
                if (knows(sp, buf, m)) {
                    if (out)
                        memcpy(out, buf, m + 1);
                    return true;
                }
                if (swapped_form(sp, knows, buf, m, depth - 1, out))
                    return true;
            }
        }
    }
    return false;
}

bool civ_spelling_swapped(civ_speller *sp, const char *w, size_t n, char *out)
{
    return swapped_form(sp, main_knows, w, n, 2, out);
}

bool civ_spelling_swap_known(civ_speller *sp, bool (*knows)(civ_speller *, const char *, size_t),
                             const char *w, size_t n, char *out)
{
    return swapped_form(sp, knows, w, n, 2, out);
}

/* For each word the candidate knows: a spelling variant (a swapped form is
 * a main-dictionary word) is noted in w->variant and w->form; any other
 * word the candidate knows (`roadmap` is in en_GB, not in en_US), unless
 * a cheap edit from a main-dictionary word, and a name written in its
 * spelling (`Centre` capitalised mid-sentence), is accepted
 * (w->accepted). */
void civ_spelling_variants(sp_state *st)
{
    civ_speller *sp = st->ctx->speller;
    for (size_t i = 0; i < st->nwords; i++) {
        sp_word *w = &st->words[i];
        w->variant = NULL;
        w->accepted = false;
        if (!civ_speller_variant_knows(sp, w->key, w->klen))
            continue;
        char form[128];
        if (!plain_word(w)) {
            w->accepted = true; /* a name's spelling is the name's (`Centre Quxley`) */
        } else if (swapped_form(sp, main_knows, w->key, w->klen, 2, form)) {
            w->variant = civ_speller_variant_knows(sp, w->key, w->klen);
            w->form = xstrdup(form);
        } else {
            /* en_GB also has forms that en_US and codespell call typos
             * (`targetted`): a word a cheap edit (a swap, a doubled
             * letter) from a main-dictionary word stays a typo */
            civ_closeness c = civ_speller_closest(sp, w->key, w->klen);
            w->accepted = !(c.cost > 1 && c.cost <= CIV_SPELL_EDIT / 2);
        }
    }
}

/* ---- <a lang='es'>...</a> ---- */

/* The language an opening tag's lang (or xml:lang) attribute names, as its
 * first two letters, and the tag's name; false when it has none. */
static bool tag_lang(const char *tag, char code[3], char name[16])
{
    if (tag[0] != '<' || tag[1] == '/')
        return false;
    size_t k = 0;
    for (const char *p = tag + 1; *p && *p != ' ' && *p != '>' && *p != '/' && k + 1 < 16; p++)
        name[k++] = (char)((*p >= 'A' && *p <= 'Z') ? *p - 'A' + 'a' : *p);
    name[k] = '\0';
    for (const char *p = strstr(tag, "lang="); p; p = strstr(p + 1, "lang=")) {
        if (p[-1] != ' ' && p[-1] != ':')
            continue;
        p += 5;
        if (*p == '"' || *p == '\'')
            p++;
        if (!(p[0] >= 'a' && p[0] <= 'z' && p[1] >= 'a' && p[1] <= 'z'))
            return false;
        code[0] = p[0];
        code[1] = p[1];
        code[2] = '\0';
        return k > 0;
    }
    return false;
}

void civ_spelling_lang_spans(sp_state *st, const civ_block *b)
{
    st->nother = 0;
    const char *own = civ_speller_lang(st->ctx->speller);
    for (size_t i = 0; i < b->ninl; i++) {
        const civ_inline *in = &b->inl[i];
        char code[3], name[16];
        if (in->kind != CIV_INL_HTML || !in->url || !tag_lang(in->url, code, name) ||
            strncmp(code, own, 2) == 0)
            continue;
        size_t end = b->text_len, nl = strlen(name);
        for (size_t j = i + 1; j < b->ninl; j++) { /* its closing tag, or the block's end */
            const char *u = b->inl[j].url;
            if (b->inl[j].kind == CIV_INL_HTML && u && u[0] == '<' && u[1] == '/' &&
                strncasecmp(u + 2, name, nl) == 0) {
                end = b->inl[j].t0;
                break;
            }
        }
        size_t *sp = *CIV_PUSH(st->other_lang, st->nother, st->othercap);
        sp[0] = in->t1;
        sp[1] = end;
    }
}

bool civ_spelling_in_other_lang(const sp_state *st, size_t t)
{
    for (size_t i = 0; i < st->nother; i++)
        if (t >= st->other_lang[i][0] && t < st->other_lang[i][1])
            return true;
    return false;
}

/* The guess is the dictionary's language; for English, Scots counts too
 * (libexttextcat often puts it first for English text). */
static bool same_language(const char *code, const char *own)
{
    return strcmp(code, own) == 0 || (strcmp(own, "en") == 0 && strcmp(code, "sco") == 0);
}

bool civ_spelling_foreign(sp_state *st, const civ_block *b)
{
    civ_words it;
    civ_word wd;
    size_t lower = 0, unknown = 0, i = 0;
    civ_words_init(&it, b->text, b->text_len);
    /* the block's words as read_post read them, unless a link split one */
    bool split = st->toks_split;
    while (split ? civ_words_next(&it, &wd) : i < st->ntoks) {
        sp_tok *t = split ? NULL : &st->toks[i++];
        if (t)
            wd = t->w;
        const char *s = b->text + wd.t0;
        if (wd.kind != CIV_WORD_PROSE || wd.nletters < 2 || (wd.flags & CIV_WORD_NONLATIN) ||
            s[0] < 'a' || (s[0] > 'z' && (unsigned char)s[0] < 0x80) ||
            civ_spelling_in_other_lang(st, wd.t0)) /* declared, not guessed */
            continue;
        lower++;
        if (!civ_spelling_tok_known(st, t, s, wd.t1 - wd.t0))
            unknown++;
    }
    if (lower < FOREIGN_MIN_WORDS || unknown * 100 < lower * FOREIGN_PERCENT)
        return false;
    char code[16], own[3] = {0};
    memcpy(own, civ_speller_lang(st->ctx->speller), 2);
    bool guessed = civ_langid_guess(b->text, b->text_len, code, sizeof code);
    if (guessed && same_language(code, own))
        return false;
    /* the guess is worth little on a few words: there, the ratio decides */
    return unknown * 100 >= lower * FOREIGN_ALONE || (guessed && lower >= FOREIGN_GUESS_WORDS);
}
