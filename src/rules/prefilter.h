/* prefilter.h - one pass over a text for the required literals of many
 * patterns (literals.h), so that each pattern runs only where it can match.
 *
 * Each pattern added gets a slot. civ_prefilter_scan runs one
 * Aho-Corasick automaton over the text (ASCII case folded) and marks every
 * slot whose literals occur; a slot without literals (the analysis gave
 * up) is always marked. pcre2 still decides every match, so findings are
 * the same with the prefilter on or off; CIVLINT_NO_PREFILTER=1 marks
 * every slot (the plain path, for the tests that compare the two). */
#ifndef CIV_PREFILTER_H
#define CIV_PREFILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "rules/literals.h"

typedef struct civ_prefilter civ_prefilter;

civ_prefilter *civ_prefilter_new(void);
void civ_prefilter_free(civ_prefilter *pf);

/* False when s holds a literal too common to filter anything (a single
 * letter); such a slot is added as "always". */
bool civ_prefilter_usable(const civ_litset *s);

/* Adds a slot that matches when one of the literals of s occurs (s NULL:
 * always). Returns the slot number. Call before civ_prefilter_build. */
size_t civ_prefilter_add(civ_prefilter *pf, const civ_litset *s);

/* Builds the automaton; the prefilter is then read-only and thread-safe. */
void civ_prefilter_build(civ_prefilter *pf);

size_t civ_prefilter_slots(const civ_prefilter *pf);

/* Sets hit[0..slots) to whether slot i may match text[0..len). */
void civ_prefilter_scan(const civ_prefilter *pf, const char *text, size_t len, bool *hit);

#endif
