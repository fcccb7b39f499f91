/* unicode.h - the character classes the word tokenizer and the
 * mixed-script check need: Unicode letters and combining marks (from a
 * table generated from the Unicode Character Database, src/uniletter.c) and
 * the script of a letter for the three scripts whose letters look alike
 * (Latin, Greek, Cyrillic).
 *
 * Why a generated table and not "every byte >= 0x80 is a letter": curly
 * quotes, dashes, U+FFFC and non-breaking spaces are not letters, and
 * Georgian, Armenian or CJK letters are. Why not pcre2's \p{L} per
 * character: a binary search over ~700 ranges is far cheaper than a regex
 * match per code point, and it keeps the tokenizer free of allocation. */
#ifndef CIV_UNICODE_H
#define CIV_UNICODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t lo, hi; /* inclusive */
} civ_uni_range;

/* The generated tables (src/uniletter.c), sorted and disjoint. */
const civ_uni_range *civ_uni_letter_table(size_t *n);
const civ_uni_range *civ_uni_mark_table(size_t *n);

/* True for a code point of general category L (Lu, Ll, Lt, Lm, Lo). */
bool civ_uni_is_letter(uint32_t cp);
/* True for a combining mark (Mn, Mc), which continues a word. */
bool civ_uni_is_mark(uint32_t cp);

typedef enum {
    CIV_SCRIPT_OTHER = 0, /* not a letter, or a letter of another script */
    CIV_SCRIPT_LATIN,
    CIV_SCRIPT_GREEK,
    CIV_SCRIPT_CYRILLIC,
} civ_script;

/* The script of a letter, by Unicode block (exact for the letters of these
 * three scripts; combining marks and punctuation are CIV_SCRIPT_OTHER). */
civ_script civ_uni_script(uint32_t cp);
const char *civ_script_name(civ_script s);

/* False only when the UTF-8 text cannot hold a letter whose script is not
 * CIV_SCRIPT_LATIN: a byte scan that lets mixed-script skip most English
 * paragraphs without a word-by-word pass (9% of a run on the bench corpus
 * before). */
bool civ_uni_may_hold_nonlatin(const char *text, size_t len);

#endif
