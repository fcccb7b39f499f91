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
 * run whose posts have no unknown word never pays for them (~60 ms and
 * ~20 MB). Internal to the spell part; spell.h has the API. */
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

#endif
