/* typos.h - a curated list of common misspellings, each with its fix:
 * Debian's `codespell` package ships one (codespell_lib/data/dictionary.txt,
 * about 37,000 entries, one `typo->fix[, fix...]` a line). A word on it is a
 * typo with a known fix, even when a large word list has it too
 * (`publically`: wamerican-huge lists it, as it lists many common
 * misspellings) or when no known word is one edit away (`greatful`,
 * `programatically`: two edits from their word). Used by the `spelling`
 * check (checks/spelling_judge.c) to keep such words reported while words
 * that are far from every known word and on no list (`dataframe`,
 * `userspace`: terms the dictionaries lack) are not.
 *
 * Optional: without the package the list is empty and the check judges by
 * closeness alone. Read at the first lookup, once per process (about 1 MB
 * of text; a run whose posts have no unknown word never reads it). Only
 * entries whose misspelling is letters only are kept, folded to lower case.
 * Thread-safe after civ_typos_set_path, which is set-up only. */
#ifndef CIV_SPELL_TYPOS_H
#define CIV_SPELL_TYPOS_H

#include <stdbool.h>
#include <stddef.h>

/* Where Debian's codespell package installs its list; the Makefile's
 * TYPO_LIST can name another at build time. */
#ifndef CIV_TYPO_LIST
#define CIV_TYPO_LIST "/usr/lib/python3/dist-packages/codespell_lib/data/dictionary.txt"
#endif

/* Reads path instead of the default from the next lookup on ("": no
 * list; NULL: the default again), dropping a list already read. The
 * default is $CIVLINT_TYPO_LIST when set (empty: no list), else
 * CIV_TYPO_LIST. Set-up and tests only: not thread-safe. */
void civ_typos_set_path(const char *path);

/* True when the list has word[0..n) (ASCII letters, any case: it is
 * compared folded to lower case). The list is read at the first call; a
 * list that cannot be read counts as empty. */
bool civ_typos_has(const char *word, size_t n);

/* After a lookup: the number of entries held (0 when no list was read). */
size_t civ_typos_count(void);

#endif
