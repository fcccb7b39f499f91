/* known.h - large general word lists (Debian's SCOWL-based `wamerican-huge`
 * and `wbritish-huge`: /usr/share/dict/american-english-huge and
 * british-english-huge, about 350,000 forms each with names, places and
 * technical words) that say an unknown word is an English word or name
 * the hunspell dictionaries lack (`timeframe`, `cooldown`, `wellbeing`).
 * They never make a word correct - hunspell stays the judge of spelling,
 * and the lists also hold common misspellings (`programing`) - they only
 * lower the `spelling` check's confidence that an unknown word is a typo
 * (checks/spelling_judge.c).
 *
 * The lists are read at the first lookup, not when the speller is made: a
 * run whose posts have no unknown word never pays for them (~65 M
 * instructions and ~6 MB for wamerican-huge). With an index (civ_known_set_index) a fresh
 * one is memory-mapped instead, nothing parsed: `make` builds it from the
 * installed lists with civ_known_build_index (tools/mkknownindex), and it
 * is the very table the reading path makes - the same lines, possessives
 * left out alike, the same hash and probing - so both answer alike by
 * construction (tests/unit/test_known.c compares them on a whole list).
 *
 * Index layout (little-endian): the 8-byte magic, u32 version, u32 slots
 * (a power of two), u64 hash of the lists' contents in order
 * (civ_wordindex_hash_files), u32 lists, u32 words, u32 text size; then
 * `slots` u32 entries (a word's offset + 1 into the text; 0: empty;
 * linear probing from the FNV-1a hash of the word as spelt); then the
 * text: the lists' lines, each ending in NUL. An index built from other
 * contents (an upgraded package) is stale and the lists are read.
 *
 * Internal to the spell part; spell.h has the API. */
#ifndef CIV_SPELL_KNOWN_H
#define CIV_SPELL_KNOWN_H

#include <stdbool.h>
#include <stddef.h>

typedef struct civ_known civ_known;

/* A set of lists to read later; paths are copied. Free with
 * civ_known_free. */
civ_known *civ_known_new(void);
void civ_known_free(civ_known *k);

/* Adds a list (one word a line, UTF-8) to read at the first lookup.
 * Set-up only. */
void civ_known_add(civ_known *k, const char *path);

/* True when a list has word[0..n), with hunspell's case rules (a lower-case
 * entry also matches its Capitalised and ALL-CAPS forms). Reads the lists
 * at the first call; a list that cannot be read is skipped (counted by
 * civ_known_loaded). Thread-safe. */
bool civ_known_has(civ_known *k, const char *word, size_t n);

/* After a lookup: the lists read and the words held. */
void civ_known_loaded(civ_known *k, size_t *lists, size_t *words);

#define CIV_KNOWN_MAGIC "CIVKNW1\n"
#define CIV_KNOWN_VERSION 1u
#define CIV_KNOWN_HEADER 40u /* bytes before the slots */

/* Maps the index at path at the first lookup, instead of reading the
 * lists, when it was built from the lists' present contents. Set-up only. */
void civ_known_set_index(civ_known *k, const char *path);
/* After a lookup: why the index set is not used (owned by k; for -v), or
 * NULL when it is used or none was set. */
const char *civ_known_index_note(civ_known *k);

/* Writes the index of the lists paths[0..n) (1 to 4, read as
 * civ_known_has reads them) to out, atomically. False with *err (heap). */
bool civ_known_build_index(const char *const *paths, size_t n, const char *out, char **err);

#endif
