/* words.h - the words of a piece of prose text, for the spelling and
 * mixed-script checks.
 *
 * The text is split into chunks at white space and at U+FFFC (the model's
 * placeholder for code spans, inline HTML, images and footnote references,
 * so a word glued to code is never joined to it). A chunk that is a URL,
 * an e-mail address, a handle, a domain, a file name or a path becomes one
 * CIV_WORD_URL token and is not split further. Other chunks are split into
 * words: runs of letters (Unicode L*, with combining marks), ASCII digits
 * and '_', with apostrophes (' U+2019 U+02BC) and hyphens (- U+2010 U+2011)
 * kept only *between* two word characters - so quotes and trailing
 * apostrophes ("help’", "parents’") are never part of a word. A word with a
 * digit or '_' is CIV_WORD_DIGITS (5G, COVID-19, snake_case).
 *
 * A word that belongs to a number is CIV_WORD_ATTACHED (affixes.h): a unit
 * or multiplier right after a number, glued or after one space ("25 Mbps",
 * "3.2 Mbit/s") or glued to a currency sign ("£bn"), a unit before "/"
 * and a unit ("in Mbit/s"), and an ordinal suffix set apart from its
 * number by markup only ("18<sup>th</sup>": the model's U+FFFC between).
 *
 * A chunk that opens a template tag of a static site generator ("{{<",
 * "{{%", "{{", "{%", up to its closing braces: Hugo shortcodes, Liquid and
 * Jinja tags) is code: its syntax, names, parameters and file names become
 * CIV_WORD_MARKUP tokens. A double-quoted value in it with a space inside
 * (alt="A photo of the hall", caption="...") is prose and is split into
 * words as usual; a one-word value ("photo.png", "600") is markup.
 *
 * Everything here is pure and allocation-free: tokens are byte ranges in
 * the caller's text. */
#ifndef CIV_WORDS_H
#define CIV_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "model/document.h"

typedef enum {
    CIV_WORD_PROSE = 0, /* a word to check */
    CIV_WORD_DIGITS,    /* has a digit or '_' */
    CIV_WORD_URL,       /* a URL, e-mail, handle, domain, file name or path */
    CIV_WORD_ATTACHED,  /* a unit or ordinal suffix attached to a number */
    CIV_WORD_MARKUP,    /* template tag syntax: {{< figure src="x.png" */
} civ_word_kind;

/* civ_word.flags */
enum {
    CIV_WORD_LATIN = 1u << 0,    /* has a Latin letter */
    CIV_WORD_NONLATIN = 1u << 1, /* has a letter of another script */
    CIV_WORD_HYPHEN = 1u << 2,   /* has an internal hyphen */
    CIV_WORD_APOS = 1u << 3,     /* has an internal apostrophe */
    CIV_WORD_UPPER = 1u << 4,    /* every letter is ASCII A-Z */
};

typedef struct {
    size_t t0, t1; /* the word's bytes in the text */
    civ_word_kind kind;
    unsigned flags;
    size_t nletters; /* letters (code points) in the word */
} civ_word;

/* An iterator over the words of text[0..len) (valid UTF-8). */
typedef struct {
    const char *text;
    size_t len;
    size_t pos;       /* next byte to look at */
    size_t chunk_end; /* end of the current chunk (0: none yet) */
    size_t limit;     /* end of the text being split: len, or the end of a
                         quoted value inside a template tag */
    size_t tmpl_end;  /* end of the template tag being read (0: none) */
    const civ_inline *inl; /* see civ_words_break_at_links */
    size_t ninl, inl_at;
    bool link_split; /* a word may have ended at a link's edge: without
                        civ_words_break_at_links the words could differ */
} civ_words;

void civ_words_init(civ_words *it, const char *text, size_t len);
/* Makes the start and the end of every link's text (the CIV_INL_LINK
 * entries of inl[0..ninl), a block's inlines in text order; borrowed until
 * the iteration ends) a word boundary. A link glued to the word after it
 * ("[FAQ](url)and") renders as one run of letters, "FAQand", which is no
 * word to check: split, each half is checked on its own. Call after
 * civ_words_init, before the first civ_words_next. */
void civ_words_break_at_links(civ_words *it, const civ_inline *inl, size_t ninl);
/* Stores the next token in *w; false at the end. */
bool civ_words_next(civ_words *it, civ_word *w);

/* Copies word[0..n) to out (NUL-terminated; out must hold n + 1 bytes)
 * with curly (U+2019) and modifier (U+02BC) apostrophes made straight, the
 * form dictionaries are written in. Returns the new length. */
size_t civ_word_normalize(const char *word, size_t n, char *out);

/* For a word ending in an apostrophe (' ’ ʼ) and a suffix English glues
 * to any word - the possessive 's, or the contractions 'd, 'll, 're, 've
 * ("there'll", "OK’d"); in capitals only after a capital ("EU'S") - the
 * length in bytes of its stem, the word without the suffix; else 0. The
 * spelling check checks the stem when the whole word is unknown. (The name
 * is older than the contractions.) */
size_t civ_word_possessive(const char *word, size_t n);

/* The next hyphen-separated part of word[0..n) to spell-check, at or after
 * *pos (start with *pos = 0): stores its byte range in [*p0,*p1) and
 * advances *pos; false at the end. Works on the text as written (any of
 * the hyphens). A prefix before another part ("pre" of "pre-QXZ", "non"
 * of "non-EU"; affixes.h) and a suffix after one ("ish" of "green-ish")
 * are skipped: they are not words on their own, and the rest of the
 * compound is still checked. */
bool civ_word_part(const char *word, size_t n, size_t *pos, size_t *p0, size_t *p1);

#endif
