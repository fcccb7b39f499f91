/* fullsearch.h - hunspell's full suggestion search (--suggest=full), with
 * word splits ranked last (spell.c's civ_speller_suggest). */
#ifndef CIV_SPELL_FULLSEARCH_H
#define CIV_SPELL_FULLSEARCH_H

#include <hunspell.h>
#include <stddef.h>

/* Up to max suggestions for word[0..n) from handle h (the caller's, not
 * shared while this runs): a heap array of heap strings, or NULL; their
 * number in *m. */
char **civ_full_suggest(Hunhandle *h, const char *word, size_t n, size_t max, size_t *m);

/* Hunspell_suggest for word[0..n), which need not end in a NUL (hunspell
 * wants a C string): the count, the list in *list for Hunspell_free_list. */
int civ_hun_suggest(Hunhandle *h, const char *word, size_t n, char ***list);

#endif
