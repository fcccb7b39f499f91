/* wordindex.h - a prebuilt, memory-mapped index of a dictionary's word
 * forms, so the near search (near.h) can test its ~54n+25 candidates per
 * unknown word without a hunspell call each (issue 19, item 1).
 *
 * Built at `make` by tools/mkwordindex from `unmunch`'s expansion of the
 * hunspell .dic (and the house dictionary) with the .aff's affix rules;
 * each form is checked with hunspell there, so the index holds only forms
 * hunspell accepts. Read here with mmap: nothing is parsed at start-up.
 *
 * What it holds: the forms made of ASCII letters and apostrophes (all a
 * near-search candidate can be), grouped by their lower-case letters in an
 * open-addressing hash table. A lookup answers like Hunspell_spell for
 * such a word, casing included (civ_wordindex_accepts): the builder
 * compares that rule with hunspell on every form's lower-case, Capitalised
 * and ALL-CAPS spellings, and marks a group where they differ "ask", for
 * which the caller asks hunspell. A word no group holds is unknown to
 * hunspell as long as unmunch expands every form hunspell accepts (true
 * for en_US and en_GB, whose .aff files have no two-fold affixes;
 * tests/unit/test_wordindex.c compares both on every candidate of a few
 * hundred misspellings).
 *
 * The file's header carries a hash of the builder's inputs (the .aff,
 * the .dic and the house .dic, their contents in that order): a reader
 * opens it only for the same inputs, so an updated dictionary or house
 * list makes it stale, never wrong.
 *
 * File layout (little-endian): the 8-byte magic, u32 version, u32 slots
 * (a power of two), u64 input hash, u32 groups, u32 blob size; then
 * `slots` u32 entries, each a group's blob offset in the low 24 bits and
 * the top 8 bits of its key's hash above them (0: empty; linear probing
 * from the FNV-1a hash of the lower-case key; the 8 bits spare a read of
 * the blob for most slots that are not the word's); then the blob: a pad
 * byte, then per group u8 flags, u8 length L, the key's L bytes, and
 * when the flags say so u8 K and K further forms of L bytes. Most forms
 * are the key itself, Capitalised or in capitals, which the flags say
 * without spelling them out: en_US's index is about 3 MB, and a run keeps
 * what it touches of it resident (shared, clean page-cache pages). */
#ifndef CIV_SPELL_WORDINDEX_H
#define CIV_SPELL_WORDINDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CIV_WIX_MAGIC "CIVWIX1\n"
#define CIV_WIX_VERSION 2u
#define CIV_WIX_HEADER 32u  /* bytes before the slots */
#define CIV_WIX_MAXLEN 47u  /* longest form kept (candidates are <= 41) */
/* A group's flags. */
#define CIV_WIX_F_ASK 1u     /* ask hunspell */
#define CIV_WIX_F_LOWER 2u   /* the key is a form (`government`) */
#define CIV_WIX_F_INITIAL 4u /* the key Capitalised is (`Tbilisi`) */
#define CIV_WIX_F_CAPS 8u    /* the key in capitals is (`NATO`) */
#define CIV_WIX_F_LIST 16u   /* a count and further forms follow (`GitHub`) */
#define CIV_WIX_MAXBLOB (1u << 24) /* offsets are 24 bits */

typedef struct civ_wordindex civ_wordindex;

typedef enum {
    CIV_WIX_NO,  /* hunspell does not accept the word */
    CIV_WIX_YES, /* hunspell accepts it */
    CIV_WIX_ASK  /* the index cannot tell: ask hunspell */
} civ_wix_answer;

/* A hash of the contents of the files, in order (the header's input
 * hash). False with *err (heap) when one cannot be read. */
bool civ_wordindex_hash_files(const char *const *paths, size_t n, uint64_t *out, char **err);

/* Maps the index at path when its header is sound and its input hash is
 * `inputs`. Else NULL with *err (heap): missing, unreadable, damaged, or
 * "built from other dictionaries" (stale). Free with civ_wordindex_close. */
civ_wordindex *civ_wordindex_open(const char *path, uint64_t inputs, char **err);
void civ_wordindex_close(civ_wordindex *ix);

/* Hunspell's verdict on word[0..n) as far as the index knows it. Words
 * with a byte other than an ASCII letter or apostrophe, or longer than
 * CIV_WIX_MAXLEN, get CIV_WIX_ASK. Thread-safe (read-only). */
civ_wix_answer civ_wordindex_find(const civ_wordindex *ix, const char *word, size_t n);

/* The number of groups (distinct lower-case keys). */
size_t civ_wordindex_groups(const civ_wordindex *ix);

/* For the builder and the reader alike. */
/* FNV-1a of the lower-case of word[0..n). */
uint32_t civ_wordindex_key_hash(const char *word, size_t n);
/* True when hunspell, knowing the dictionary form form[0..n), accepts
 * cand[0..n) (the same letters in any case): the same spelling, or cand
 * in capitals (for any form: `NATO`, `GITHUB`, `GOVERNMENT`), or cand
 * Capitalised when form is lower case (`Government`). */
bool civ_wordindex_accepts(const char *form, const char *cand, size_t n);

#endif
