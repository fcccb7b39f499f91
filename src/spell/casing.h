/* casing.h - the dictionary's own casing of a word hunspell accepts in
 * capitals (spell.c's near search and civ_speller_casing). */
#ifndef CIV_SPELL_CASING_H
#define CIV_SPELL_CASING_H

#include <hunspell.h>
#include <stdbool.h>
#include <stddef.h>

/* Replaces *cand (heap) with the dictionary's casing of word when *cand
 * is in capitals; false when there is no such casing (see casing.c). */
bool civ_own_casing(Hunhandle *h, const char *word, size_t n, char **cand);

#endif
