/* spelling_impl.h - what the two files of the `spelling` check share:
 * spelling.c walks the post and collects every unknown word with all its
 * occurrences; spelling_judge.c decides, once the whole post is known,
 * what each of them is (a likely typo, a wrong casing, a variant of a name
 * the post spells otherwise, or an unknown term) and reports it. Not for
 * other checks. */
#ifndef CIV_CHECKS_SPELLING_IMPL_H
#define CIV_CHECKS_SPELLING_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strmap.h"
#include "checks/check.h"
#include "text/words.h"

/* What stands next to an unknown word, separated by spaces only. */
enum {
    CIV_SP_NEXT_NONE,   /* no Capitalised known word */
    CIV_SP_NEXT_PROPER, /* a proper noun (`Eric`, `European`) */
    CIV_SP_NEXT_COMMON, /* a Capitalised common word (`Council`) */
};

/* One place an unknown word is written. */
typedef struct {
    size_t s0, s1; /* source span */
    bool initial;  /* at the start of a sentence, block or hyphenated part's
                      word, or in a heading or the title: a capital there
                      says nothing about being a name */
    bool sentence; /* initial, where a common word is Capitalised too: after
                      a full stop, at a paragraph's start, in a Title Case
                      heading or title (not a list item's, a quotation's
                      or a table cell's start) */
    bool curly;    /* written with a curly apostrophe */
    unsigned char title_ctx; /* next to a Capitalised known word: CIV_SP_NEXT_* */
    bool link_name;   /* the whole text of a link ([zorblax](…)): the
                         linked thing's name */
    bool url_segment; /* ... as a whole segment of its path, in the same
                         case ([vcr](https://example.org/x/vcr)) */
    bool before_name; /* before a Capitalised unknown word, spaces between */
    bool in_url;   /* in a link's text, and also in its destination
                      ([taxadb](https://github.com/x/taxadb)): a name */
} sp_occ;

/* A word of the text being read, with its civ_spelling_known verdict once
 * asked (-1: not yet): civ_spelling_foreign and check_text read a block's
 * words once and ask once (a third of a run was the second reading). */
typedef struct {
    civ_word w;
    signed char known;
} sp_tok;

/* One distinct unknown word of the post (as written, apostrophes straight). */
typedef struct {
    char *key; /* heap, NUL-terminated */
    size_t klen;
    sp_occ *occ;
    size_t nocc, cap;
    const char *variant; /* the candidate spelling that knows it (en_GB) */
    char *form;          /* heap: its main-dictionary spelling (`color`) */
    bool accepted;       /* a word the candidate knows, no spelling variant */
} sp_word;

typedef struct {
    const civ_doc *doc;
    const civ_ctx *ctx;
    civ_sink *sink;
    civ_strmap inline_words; /* civlint-words and the front matter's authors */
    civ_strmap index;        /* key -> sp_word index + 1 */
    civ_strmap family;       /* lower-cased key -> occurrences (uintptr_t) */
    civ_strmap elsewhere;    /* lower-cased letter runs of the post's link
                                addresses and code (spelling_links.c) */
    sp_word *words;
    size_t nwords, wcap;
    size_t nsuggested;       /* distinct words given suggestions so far */
    uint64_t ntokens;
    size_t autolink;         /* cursor over the block's inlines */
    size_t byline;           /* the byline's block, or SIZE_MAX */
    size_t byline_end;       /* where the name ends in its text */
    const civ_word *left, *right;   /* the tokens around the word being checked */
    bool title_case;         /* the heading or title being read is in Title Case */
    size_t nforeign;         /* paragraphs not spell-checked as foreign */
    size_t foreign_block;    /* the first of them */
    size_t (*other_lang)[2]; /* text spans of the current block inside an
                                inline HTML element whose lang attribute
                                names another language (heap) */
    size_t nother, othercap;
    sp_tok *toks;            /* the words of the text being read, split as
                                check_text splits them (heap) */
    size_t ntoks, tokcap;
    bool toks_split;         /* ... at a link's edge: civ_spelling_foreign,
                                which does not, splits the text itself */
} sp_state;

/* The dictionaries or the post's own word lists know raw[0..n) (spelling.c). */
bool civ_spelling_known(sp_state *st, const char *raw, size_t n);
/* The same for a word of st->toks, asked once; t NULL: any other word. */
bool civ_spelling_tok_known(sp_state *st, sp_tok *t, const char *raw, size_t n);

/* Collects the current block's st->other_lang spans, and tells whether
 * text offset t is in one (spelling_lang.c). */
void civ_spelling_lang_spans(sp_state *st, const civ_block *b);
bool civ_spelling_in_other_lang(const sp_state *st, size_t t);

/* Sets each word's `variant`, `form` and `accepted` (spelling_lang.c). */
void civ_spelling_variants(sp_state *st);

/* True when block b reads as another language than the dictionary's
 * (spelling_lang.c). */
bool civ_spelling_foreign(sp_state *st, const civ_block *b);

/* What judge() decides for w, in words, for --explain-word; *fix is the
 * fix-it it would carry, or NULL (spelling_judge.c). */
const char *civ_spelling_class(const sp_state *st, const sp_word *w, const char **fix);

/* True when the main dictionary knows a regular US/UK swap of w[0..n)
 * (`colour` -> `color`), written to out (128 bytes) (spelling_lang.c). */
bool civ_spelling_swapped(struct civ_speller *sp, const char *w, size_t n, char *out);

/* The same with any dictionary: true when `knows` accepts a regular US/UK
 * swap of w[0..n) (up to two of them), written to out (128 bytes) when not
 * NULL (spelling_lang.c; spelling_variant.c). */
bool civ_spelling_swap_known(struct civ_speller *sp,
                             bool (*knows)(struct civ_speller *, const char *, size_t),
                             const char *w, size_t n, char *out);

/* Regular forms of known words that the dictionaries lack (spelling_forms.c),
 * for words w[0..n) of letters only, any case: a known word of 4 letters
 * or more after a common prefix (`unprojected`); near_word (a known word)
 * plus a bare -s where English allows one (`dialogs`; not `agencys`); a
 * known word plus -ed or -ing (`siloed`), or -ing for its final e, where
 * the suffix would not double a final consonant (`programing` is not
 * `program` + `ing`); a word ending in a consonant and r that is a known word
 * without the r or with -er for it (`readr`, `handlr`). */
bool civ_spelling_prefixed(struct civ_speller *sp, const char *w, size_t n);
/* ... or two known words of 4 letters or more closed up (`backends`),
 * not ending in -ing or -ed. */
bool civ_spelling_compound(struct civ_speller *sp, const char *w, size_t n);
bool civ_spelling_plain_plural(const char *w, size_t n, const char *near_word);
bool civ_spelling_inflected(struct civ_speller *sp, const char *w, size_t n);
bool civ_spelling_brand_r(struct civ_speller *sp, const char *w, size_t n);
/* A coinage on the model of `hackathon` (`translathons`, `do-athoning`):
 * -athon is a living suffix, and its events are named anew every year. */
bool civ_spelling_athon(const char *w, size_t n);

/* Collects st->elsewhere from the post's link addresses, image sources,
 * code spans and code blocks; tells whether w (any case) is one of those
 * letter runs (spelling_links.c). */
void civ_spelling_elsewhere(sp_state *st);
bool civ_spelling_written_elsewhere(const sp_state *st, const sp_word *w);

/* Decides and reports every collected word (spelling_judge.c). */
void civ_spelling_judge(sp_state *st);

/* The restricted Damerau-Levenshtein distance between a and b, with the
 * first letter compared without case (a capital at the start of a
 * sentence is no difference); stops early and returns max + 1 once the
 * distance exceeds max. */
size_t civ_spelling_distance(const char *a, size_t na, const char *b, size_t nb, size_t max);

#endif
