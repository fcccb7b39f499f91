/* spellers.h - one speller per spelling configuration of the run.
 *
 * The command line gives the run's language, dictionary and word lists; a
 * .civlint.yml may set another `lang:` or add `dictionaries:` for the posts
 * under it. Each distinct combination gets its own civ_speller, loaded the
 * first time a file needs it and shared by every later file (dictionaries
 * are loaded once per run, not per file). Thread-safe: creation happens
 * under a lock, and a speller is published only once fully set up, which is
 * what spell.h's threading contract asks. */
#ifndef CIV_SPELLERS_H
#define CIV_SPELLERS_H

#include <stdbool.h>
#include <stddef.h>

#include "spell/spell.h"

typedef struct civ_spellers civ_spellers;

/* house_dic: the house dictionary (NULL: none); words: --words files.
 * lang and dict are the command-line defaults (NULL: en_US, search path).
 * The arrays are borrowed and must outlive the registry. */
civ_spellers *civ_spellers_new(const char *lang, const char *dict, const char *house_dic,
                               const char *const *words, size_t nwords);
/* The command line's language (a comma-separated list), or the default. */
const char *civ_spellers_lang(const civ_spellers *s);
/* True when one language (en_GB) has a dictionary where s looks (--dict,
 * then the search path; spell.h): cheap, nothing is loaded. */
bool civ_spellers_installed(const civ_spellers *s, const char *lang);
/* Every speller made from now on also uses hunspell's full suggestion
 * search (civ_speller_set_full_search). Call before the first get. */
void civ_spellers_set_full_search(civ_spellers *s, bool on);
void civ_spellers_free(civ_spellers *s);

/* The speller for a file whose settings give lang (NULL: the default) and
 * extra dictionaries (*.dic files are hunspell dictionaries, anything else
 * a word list). Returns NULL when it cannot be loaded; then, for the first
 * caller only, *err is set (heap, caller frees; later callers get NULL and
 * *err NULL, so a broken configuration is reported once). A speller whose
 * house dictionary or word list failed to load is still returned, with
 * *err set for the first caller. */
civ_speller *civ_spellers_get(civ_spellers *s, const char *lang, const char *const *dicts,
                              size_t ndicts, char **err);

/* Why spellers made so far do not use their word index or their large
 * word lists' index (spell.h, civ_speller_index_note and
 * civ_speller_known_note), one line each, or NULL (heap; caller frees). */
char *civ_spellers_index_notes(civ_spellers *s);

/* Sums the statistics of every speller created (for --spell-stats). */
void civ_spellers_stats(civ_spellers *s, civ_spell_stats *out);

#endif
