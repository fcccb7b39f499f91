/* spelling_judge.c - what an unknown word of a post is, decided once the
 * whole post has been read (spelling_impl.h). Measured on 943 real posts
 * nobody here wrote, almost every unknown word is a name, a product or
 * the blog's own vocabulary, and a real typo is one edit from a known word
 * and appears once. So, for each distinct unknown word:
 *
 *   1. a known word in another case (`Github`, `THe`, `Nato`): a warning
 *      "'Github' in the wrong case: the dictionary has GitHub", fixed to it;
 *   2. a name - a capital inside the word (`QuillPath`), or a capital
 *      that is not the sentence's (mid-sentence, not in a heading or the
 *      title): not a spelling mistake unless it is one cheap edit from a
 *      proper noun of the dictionary (`Kutiasi` -> `Kutaisi`) and rare in
 *      the post; else checked for consistency (3.);
 *   3. a variant: the post writes a close form of it (distance <= 1, or
 *      <= 2 for words of 8 letters or more) at least 3 times and twice as
 *      often: "'X' differs from Y, used 6 times in this post", fixed to Y;
 *   4. a likely typo (likely_typo()), used fewer than 3 times in the
 *      post in any casing (a word the post repeats is its vocabulary) and
 *      in fewer than 3 posts of the run (ctx->run_words, spelling.h): a
 *      word on the list of common misspellings (spell/typos.h), or a known
 *      word one edit away (near.h) - for words of 5 letters only a cheap
 *      edit (a swap, a doubled letter), and words of 4 or fewer only from
 *      the list, because short words are one edit from many others - and
 *      not a regular form of a known word (spelling_forms.c: `siloed`,
 *      `unprojected`, `dialogs`): a warning with suggestions. A word
 *      with nothing one edit away and on no list is a term: on the real
 *      posts those were almost all terms (`dataframe`, `userspace`), and
 *      the list catches the misspellings two edits from their word
 *      (`greatful`), which are 18% of codespell's;
 *   0. (first) a spelling of the candidate variant (`colour` in an en_US
 *      project, spelling_lang.c): accepted; the note-level
 *      `spelling-variant` rule tells a post that mixes spellings;
 *   5. anything else is an unknown term: reported only when
 *      `spelling.unknown-terms` asks for it (a note by default when on).
 *
 * Each word is reported once, at its first occurrence, with a note
 * listing the other lines; ctx->all_occurrences reports every occurrence.
 * (Only the span's word is quoted in a message: a message quotes exactly
 * its span's text, which tests/spec-corpus checks.) The diagnostic model
 * has no related locations, so the note is how the
 * other places are given (in every format). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "checks/check.h"
#include "checks/spelling.h"
#include "checks/spelling_impl.h"
#include "source/source.h"
#include "spell/spell.h"
#include "spell/typos.h"

/* Suggestions cost hunspell tens of milliseconds per word with
 * --suggest=full. A file full of unknown words (a pasted table of names,
 * another language) would take minutes, so only the first SUGGEST_LIMIT
 * distinct reported words of a file get suggestions. */
#define SUGGEST_LIMIT 100
#define VOCABULARY 3 /* uses in one post that make a word the post's own */
/* ... and a Capitalised one a name: a typo is rarely repeated letter for
 * letter, a name often is */
#define NAME_REPEATS 2
/* letters a Capitalised word needs to be taken for a misspelt common word */
#define SHAPED_MIN 7

typedef enum { V_NONE, V_TYPO, V_CASING, V_VARIANT, V_TERM } verdict_kind;

typedef struct {
    verdict_kind kind;
    const char *fix; /* CASING, VARIANT: the replacement */
    size_t count;    /* VARIANT: how often the post writes fix */
} judgement;

static bool up(char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool low(char c)
{
    return c >= 'a' && c <= 'z';
}

static char fold(char c)
{
    return up(c) ? (char)(c - 'A' + 'a') : c;
}

/* A capital after the first letter, with lower case too (`dOpenLab`,
 * `QuillPath`): a name's shape. ALL-CAPS is not. */
static bool inner_capital(const char *s, size_t n)
{
    bool inner = false, lower = false;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && up(s[i]))
            inner = true;
        if (low(s[i]))
            lower = true;
    }
    return (inner && lower) || (n > 1 && low(s[0]) && inner);
}

/* Capitalised (`Geostat`, not `GEOSTAT`) at least once where the
 * sentence does not explain the capital. */
static bool capital_mid_sentence(const sp_word *w)
{
    if (!up(w->key[0]) || w->klen < 2 || up(w->key[1]))
        return false;
    for (size_t i = 0; i < w->nocc; i++)
        if (!w->occ[i].initial)
            return true;
    return false;
}

/* Some occurrence is Capitalised where a common word is too (spelling_impl.h). */
static bool in_sentence(const sp_word *w)
{
    for (size_t i = 0; i < w->nocc; i++)
        if (w->occ[i].sentence)
            return true;
    return false;
}

/* Used fewer than VOCABULARY times in the post in any casing, and in
 * fewer than CIV_SPELLING_RUN_POSTS posts of the run. */
static bool rare(const sp_state *st, const sp_word *w, uintptr_t limit)
{
    char buf[256];
    for (size_t i = 0; i < w->klen; i++)
        buf[i] = up(w->key[i]) ? (char)(w->key[i] - 'A' + 'a') : w->key[i];
    if ((uintptr_t)civ_strmap_get(&st->family, buf, w->klen) >= limit)
        return false;
    const civ_strmap *run = st->ctx->run_words;
    return !run || (uintptr_t)civ_strmap_get(run, buf, w->klen) < CIV_SPELLING_RUN_POSTS;
}

/* One word is the other's plural or possessive (`Quillmark`, `Quillmarks`),
 * or names its members (`Quillmarkn`, `Quillmarkns`). */
static bool inflection(const sp_word *a, const sp_word *b)
{
    const sp_word *s = a->klen < b->klen ? a : b, *l = a->klen < b->klen ? b : a;
    size_t d = l->klen - s->klen;
    /* the first letter in either case: a sentence's capital
     * (`Zorblaxes` opening one, `zorblax` elsewhere) */
    if (d < 1 || d > 2 || s->klen < 1 || fold(s->key[0]) != fold(l->key[0]) ||
        memcmp(s->key + 1, l->key + 1, s->klen - 1) != 0)
        return false;
    const char *t = l->key + s->klen;
    /* and a demonym or member noun (`Quxleyan`, `Quxleyans`), or a verb's
     * -d after its e (`parameterise`, `parameterised`) */
    return (d == 1 && (t[0] == 's' || t[0] == 'n' || (t[0] == 'd' && t[-1] == 'e'))) ||
           (d == 2 && (memcmp(t, "es", 2) == 0 || memcmp(t, "'s", 2) == 0 || memcmp(t, "ns", 2) == 0));
}

/* One name is the other with a letter added at its start or end, case
 * ignored (`Zorbit`, `ZorbitX`; `qlib`, `iqlib`; a package `zorbitr` for
 * the service Zorbit): on real posts another product or a derived name,
 * while a misspelt name loses or swaps a letter inside (`Zrobit`,
 * `Zorbti`). */
static bool extended_name(const sp_word *a, const sp_word *b)
{
    const sp_word *s = a->klen < b->klen ? a : b, *l = a->klen < b->klen ? b : a;
    if (l->klen != s->klen + 1)
        return false;
    /* a final s is a plural's, in another case a variant (`Zorbyhack`,
     * `ZorbyHacks`): inflection() takes the one in the same case */
    char last = l->key[s->klen];
    return (last != 's' && last != 'S' && strncasecmp(s->key, l->key, s->klen) == 0) ||
           strncasecmp(s->key, l->key + 1, s->klen) == 0;
}

/* The distance of a and b with case ignored (at most 2): two names
 * that differ in two letters are as often two products (`ZorbitDX`,
 * `ZorbitXC`) as one misspelt; a case and a letter (`Quxhack`,
 * `QuxHacks`) are one name. */
static size_t letters_apart(const sp_word *a, const sp_word *b)
{
    char la[64], lb[64];
    if (a->klen >= sizeof la || b->klen >= sizeof lb)
        return 2;
    for (size_t i = 0; i < a->klen; i++)
        la[i] = fold(a->key[i]);
    for (size_t i = 0; i < b->klen; i++)
        lb[i] = fold(b->key[i]);
    return civ_spelling_distance(la, a->klen, lb, b->klen, 1);
}

/* The most frequent close variant of w that the post writes at least
 * VOCABULARY times and twice as often as w, or NULL. */
static const sp_word *variant_of(const sp_state *st, const sp_word *w)
{
    const sp_word *best = NULL;
    for (size_t i = 0; i < st->nwords; i++) {
        const sp_word *y = &st->words[i];
        if (y == w || y->nocc < VOCABULARY || y->nocc < 2 * w->nocc || (best && y->nocc <= best->nocc))
            continue;
        size_t shorter = w->klen < y->klen ? w->klen : y->klen;
        size_t max = shorter >= 8 ? 2 : 1;
        if (shorter < 4 || inflection(w, y) || extended_name(w, y))
            continue;
        size_t d = civ_spelling_distance(w->key, w->klen, y->key, y->klen, max);
        if (d >= 1 && d <= max && letters_apart(w, y) <= 1)
            best = y;
    }
    return best;
}

/* What the closest occurrence stands next to: CIV_SP_NEXT_COMMON when
 * some occurrence stands next to a Capitalised common word, else
 * CIV_SP_NEXT_PROPER when some is next to a proper noun. */
static int title_context(const sp_word *w)
{
    int best = CIV_SP_NEXT_NONE;
    for (size_t i = 0; i < w->nocc; i++)
        if (w->occ[i].title_ctx > best)
            best = w->occ[i].title_ctx;
    return best;
}

/* A capital the writer took away on purpose: the casing fix of a styled
 * word (`useR` -> `user`) removes a capital that is not a held shift key
 * (`THe`, `GOvernment`: the second letter after a first capital). */
static bool styled_capital(const char *w, const char *fix, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (up(w[i]) && !up(fix[i]) && !(i == 1 && up(w[0])))
            return true;
    return false;
}

/* Some occurrence is a link's whole text (`[zorblax](…)`): the name of
 * what it links to - a package, a tool, a page - far more often than a
 * misspelt common word, so judged as a name at the start of a list item. */
static bool link_named(const sp_word *w)
{
    for (size_t i = 0; i < w->nocc; i++)
        if (w->occ[i].link_name)
            return true;
    return false;
}

/* Some occurrence stands before a Capitalised unknown word. */
static bool before_name(const sp_word *w)
{
    for (size_t i = 0; i < w->nocc; i++)
        if (w->occ[i].before_name)
            return true;
    return false;
}

/* Some occurrence is the identifier in its link's address (spelling_impl.h):
 * `[vcr](…/vcr)` names a package `vcr`, whatever the dictionary's VCR. */
static bool url_named(const sp_word *w)
{
    for (size_t i = 0; i < w->nocc; i++)
        if (w->occ[i].url_segment)
            return true;
    return false;
}

/* A lower-case link's whole text whose casing fix is a proper noun
 * (`[zorbson](…)` for Zorbson) and whose address does not name it: the
 * name of what it links to (a package, an account), spelt as its owner
 * spells it. A link to the proper noun's own site (`[texas](…texas…)`)
 * is the proper noun, in the wrong case. */
static bool link_named_otherwise(const sp_word *w, const char *fix)
{
    if (!low(w->key[0]) || !up(fix[0]))
        return false;
    for (size_t i = 1; fix[i]; i++)
        if (!low(fix[i]))
            return false;
    for (size_t i = 0; i < w->nocc; i++)
        if (w->occ[i].link_name && !w->occ[i].in_url)
            return true;
    return false;
}

/* A dictionary acronym of 5 letters or more written as a word
 * (`Fortran`, `Unicef` for FORTRAN, UNICEF): the style many houses choose
 * for acronyms read as words, so a matter for a house rule, not a
 * spelling mistake. Shorter ones (`Nato`, `Html`) are still told. */
static bool spoken_acronym(const char *w, const char *fix, size_t n)
{
    if (n < 5 || !up(w[0]))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!low(w[i]) || !up(fix[i]))
            return false;
    return true;
}

/* A rare unknown word that is likely a typo (see the top of this file).
 * The shorter a word, the more known words lie one edit from it, and on
 * real posts almost every short unknown word one edit from something was
 * a name, a command or an abbreviation (`Kipp`, `sed`, `venv`, `numpy`):
 * so a word of 4 letters or fewer is a typo only when the list of common
 * misspellings has it (spell/typos.h: `teh`, `thay`), one of 5 only with
 * a cheap edit (a swap, a doubled letter: `abuot`), and a Capitalised one
 * (a name's shape, or a capital its place explains) never when the word
 * one edit away is a proper noun reached by a plain edit (a name near a
 * name is another name: `Rosemann`, `Roseann`). */
static bool likely_typo(const sp_state *st, const sp_word *w, bool name, bool placed, bool styled)
{
    civ_speller *sp = st->ctx->speller;
    /* the list of misspellings: a typo even when a large word list has it
     * (`publically`) or no known word is one edit away (`greatful`); a
     * short name on it is still a name (`Feld`) */
    if (!styled && (!name || w->klen >= 5) && civ_typos_has(w->key, w->klen))
        return true;
    /* regular forms of known words (spelling_forms.c: `unprojected`,
     * `siloed`, `tidyr`) */
    if (w->klen <= 4 || civ_spelling_prefixed(sp, w->key, w->klen) || civ_spelling_inflected(sp, w->key, w->klen) ||
        civ_spelling_brand_r(sp, w->key, w->klen) || civ_spelling_athon(w->key, w->klen))
        return false;
    civ_closeness c = civ_speller_closest(sp, w->key, w->klen);
    bool near = c.cost <= CIV_SPELL_EDIT && c.cost > 1;
    bool cheap = c.cost <= CIV_SPELL_EDIT / 2 && c.cost > 1;
    /* a closed compound (`backends`), unless a cheap edit makes it a word
     * (`colaborate` is not `cola` + `borate`) */
    if (near && !cheap && civ_spelling_compound(sp, w->key, w->klen))
        return false;
    if (!near || (w->klen == 5 && !cheap) || civ_spelling_plain_plural(w->key, w->klen, c.word))
        return false;
    /* a given name near another (`Petar`, Peter) before a surname */
    if (c.proper && up(w->key[0]) && !styled && before_name(w))
        return false;
    bool shaped = name || placed;
    if (shaped && c.proper && !cheap)
        return false;
    /* next to a given name or another proper noun (`Eric Epstien`) it is
     * a surname, which may be a cheap edit from another (on the real
     * posts the 3 such words were surnames after a given name, spelt as
     * their owners spell them) */
    bool namecheap = name && cheap && c.proper && title_context(w) != CIV_SP_NEXT_PROPER;
    /* a Capitalised word of 6 letters or fewer one edit from a common
     * word: on real posts almost always a surname or a product
     * (`Gradek`, `Kooper`), the misspelt words of titles being longer */
    if (shaped && !namecheap && w->klen < SHAPED_MIN)
        return false;
    /* in a large general word list (spell/known.h): an English word or
     * name hunspell lacks, unless one edit from a word it knows (the
     * lists also hold misspellings such as `programing`) */
    bool listed = civ_speller_listed(sp, w->key, w->klen, NULL, NULL);
    /* next to a Capitalised common word (`the Gozernment Council`) */
    bool title = title_context(w) == CIV_SP_NEXT_COMMON;
    /* a lower-case word (`goverment`); a name a cheap edit from a proper
     * noun (`Kutiasi`); a name next to a Capitalised common word, or a
     * word Capitalised by its place (`- Goverment officials`, not
     * `- Zorblax, a developer`) */
    if (listed)
        return !shaped || namecheap || title || placed;
    return !shaped || namecheap || (name && !styled && title) || placed;
}

static judgement judge(const sp_state *st, const sp_word *w)
{
    judgement j = {V_TERM, NULL, 0};
    civ_speller *sp = st->ctx->speller;
    bool styled = inner_capital(w->key, w->klen);
    const char *casing = civ_speller_casing(sp, w->key, w->klen);
    /* a word of the candidate dictionary (spelling_lang.c) is that, unless
     * the main one has it in capitals (`html` is en_GB's, `HTML` en_US's);
     * a capital first letter alone is a name's (`grey` is not `Grey`).
     * Even in a post otherwise American it is a question of variant, not
     * a misspelling: the `spelling-variant` rule (a note, off by default)
     * tells a post that mixes them. On the real posts, none of 15 judged
     * British spellings in American posts was an error an editor of that
     * blog would fix as a typo. */
    if ((w->accepted || w->variant) && (!casing || strcmp(casing + 1, w->key + 1) == 0)) {
        j.kind = V_NONE;
        j.fix = w->form;
        return j;
    }
    if (casing && !(styled && styled_capital(w->key, casing, w->klen)) && !url_named(w) &&
        !spoken_acronym(w->key, casing, w->klen) && !link_named_otherwise(w, casing)) {
        j.kind = V_CASING;
        j.fix = casing;
        return j;
    }
    bool name = styled || capital_mid_sentence(w);
    for (size_t i = 0; i < w->nocc; i++)
        if (w->occ[i].in_url) /* the link's own name for what it links to */
            return j;
    /* Capitalised only where its place explains the capital, and not
     * where a common word's stands (spelling_impl.h: a list item's,
     * quotation's or table cell's start, a one-word link, the first word of
     * a heading in sentence case): there, on real posts, a name far more
     * often than a misspelt common word, so judged as a name, with any
     * one edit to a known word making it a typo */
    bool placed = !name && ((up(w->key[0]) && w->klen >= 2 && !up(w->key[1]) && !in_sentence(w)) ||
                            link_named(w));
    if (rare(st, w, name || placed ? NAME_REPEATS : VOCABULARY) && !civ_spelling_written_elsewhere(st, w) &&
        likely_typo(st, w, name, placed, styled)) {
        j.kind = V_TYPO;
        return j;
    }
    const sp_word *y = variant_of(st, w);
    if (y) {
        j.kind = V_VARIANT;
        j.fix = y->key;
        j.count = y->nocc;
    }
    return j;
}

const char *civ_spelling_class(const sp_state *st, const sp_word *w, const char **fix)
{
    judgement j = judge(st, w);
    /* an accepted word has nothing to fix, whatever judge() noted on the way */
    *fix = j.kind == V_NONE ? NULL : j.fix;
    switch (j.kind) {
    case V_NONE:
        return "accepted (a word or a spelling of the other dictionary)";
    case V_TYPO:
        return "a likely typo: a warning 'unknown word' with suggestions";
    case V_CASING:
        return "wrong casing: a warning, fixed to the dictionary's casing";
    case V_VARIANT:
        return "a variant of a name the post writes more often: a warning";
    default:
        return "an unknown term (a name, or the post's or run's vocabulary): reported only "
               "with spelling.unknown-terms";
    }
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

/* "also on lines 12, 40 and 77" for the occurrences after the first. */
static void note_other_lines(const sp_state *st, const sp_word *w, civ_diag *d)
{
    enum { SHOWN = 8 };
    size_t lines[SHOWN], nl = 0, more = 0, last = 0;
    for (size_t i = 1; i < w->nocc; i++) {
        size_t line, col;
        civ_source_position(st->doc->src, w->occ[i].s0, &line, &col);
        if (line == last)
            continue;
        last = line;
        if (nl < SHOWN)
            lines[nl++] = line;
        else
            more++;
    }
    if (!nl)
        return;
    civ_buf b;
    civ_buf_init(&b);
    civ_buf_printf(&b, "also on line%s ", nl > 1 ? "s" : "");
    for (size_t i = 0; i < nl; i++)
        civ_buf_printf(&b, "%s%zu", i == 0 ? "" : i + 1 == nl && !more ? " and " : ", ", lines[i]);
    if (more)
        civ_buf_printf(&b, " and %zu more", more);
    civ_diag_note(d, "%s", b.data);
    civ_buf_release(&b);
}

static void add_suggestions(sp_state *st, const sp_word *w, const sp_occ *o, civ_diag *d)
{
    if (!st->ctx->suggest || st->nsuggested >= SUGGEST_LIMIT)
        return;
    st->nsuggested++;
    char *const *sugg;
    size_t ns = civ_speller_suggest(st->ctx->speller, w->key, w->klen, &sugg);
    if (ns == 0)
        return;
    civ_buf note;
    civ_buf_init(&note);
    civ_buf_puts(&note, "did you mean ");
    for (size_t i = 0; i < ns; i++) {
        char *s = as_written(sugg[i], o->curly);
        civ_diag_suggest(d, s);
        if (i == 0)
            civ_diag_fix(d, o->s0, o->s1, s);
        civ_buf_printf(&note, "%s'%s'", i == 0 ? "" : i + 1 == ns ? " or " : ", ", s);
        free(s);
    }
    civ_buf_putc(&note, '?');
    civ_diag_note(d, "%s", note.data);
    civ_buf_release(&note);
}

static civ_diag *report_at(sp_state *st, const sp_word *w, const sp_occ *o, const judgement *j)
{
    civ_sink *k = st->sink;
    const char *src = st->doc->src->data;
    int n = (int)(o->s1 - o->s0);
    const char *t = src + o->s0;
    civ_diag *d;
    switch (j->kind) {
    case V_CASING:
        d = civ_report(k, o->s0, o->s1, "'%.*s' in the wrong case: the dictionary has %s", n, t, j->fix);
        break;
    case V_VARIANT:
        d = civ_report(k, o->s0, o->s1, "'%.*s' differs from %s, used %zu times in this post", n, t, j->fix, j->count);
        break;
    case V_TERM: {
        civ_severity sev = st->ctx->unknown_terms == CIV_TERMS_WARNING ? k->severity : CIV_SEV_NOTE;
        return civ_report_rule(k, k->rule, sev, o->s0, o->s1, "unknown term '%.*s'", n, t);
    }
    default:
        d = civ_report(k, o->s0, o->s1, "unknown word '%.*s'", n, t);
        add_suggestions(st, w, o, d);
        return d;
    }
    char *fix = as_written(j->fix, o->curly);
    civ_diag_suggest(d, fix);
    civ_diag_fix(d, o->s0, o->s1, fix);
    free(fix);
    return d;
}

void civ_spelling_judge(sp_state *st)
{
    for (size_t i = 0; i < st->nwords; i++) {
        const sp_word *w = &st->words[i];
        judgement j = judge(st, w);
        if (j.kind == V_NONE || (j.kind == V_TERM && st->ctx->unknown_terms == CIV_TERMS_OFF))
            continue;
        if (st->ctx->all_occurrences) {
            for (size_t k = 0; k < w->nocc; k++)
                report_at(st, w, &w->occ[k], &j);
            continue;
        }
        civ_diag *d = report_at(st, w, &w->occ[0], &j);
        note_other_lines(st, w, d);
    }
}

static char fold_first(const char *s, size_t i)
{
    return i == 0 && up(s[0]) ? (char)(s[0] - 'A' + 'a') : s[i];
}

size_t civ_spelling_distance(const char *a, size_t na, const char *b, size_t nb, size_t max)
{
    if (na > 63 || nb > 63)
        return max + 1;
    if ((na > nb ? na - nb : nb - na) > max)
        return max + 1;
    /* three rows of the restricted Damerau-Levenshtein table */
    size_t rows[3][64];
    size_t *pp = rows[0], *p = rows[1], *c = rows[2];
    for (size_t j = 0; j <= nb; j++)
        p[j] = j;
    for (size_t i = 1; i <= na; i++) {
        c[0] = i;
        size_t lo = c[0];
        for (size_t j = 1; j <= nb; j++) {
            char x = fold_first(a, i - 1), y = fold_first(b, j - 1);
            size_t v = p[j - 1] + (x != y);
            if (p[j] + 1 < v)
                v = p[j] + 1;
            if (c[j - 1] + 1 < v)
                v = c[j - 1] + 1;
            if (i > 1 && j > 1 && x == fold_first(b, j - 2) && fold_first(a, i - 2) == y && pp[j - 2] + 1 < v)
                v = pp[j - 2] + 1;
            c[j] = v;
            if (v < lo)
                lo = v;
        }
        if (lo > max)
            return max + 1;
        size_t *t = pp;
        pp = p;
        p = c;
        c = t;
    }
    return p[nb] > max ? max + 1 : p[nb];
}
