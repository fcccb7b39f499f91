/* near.h - known words one edit away from an unknown one, ranked by how
 * likely each edit is as a typo. Internal to the spell part (spell.c keeps
 * the results in its verdict cache); the dictionary is a callback, so the
 * search can be tested with a word list of a few entries.
 *
 * An edit costs (CIV_NEAR_ONE is one plain edit, in quarters):
 *   - the same letters in another case (`THe` -> `The`, `Github` ->
 *     `GitHub`, `Nato` -> `NATO`): 1/4;
 *   - two neighbours swapped (`recieve`), a doubled letter dropped or added
 *     (`occurred`/`occured`, `suport` -> `support`): 1/2;
 *   - a missing letter added (`sytem` -> `system`), a letter changed to a
 *     key next to it on a QWERTY keyboard (`goverbment`): 3/4;
 *   - any other letter dropped or changed: 1;
 *   - an edit to the first letter costs 1/4 more (writers rarely get the
 *     first letter wrong; `suport` -> `sport` would drop the second).
 * So `suport` ranks `support` (1/2) before `sport` (1). Measured against
 * codespell's corrections (its 33,485 letters-only misspellings that en_US
 * does not know), the first suggestion is codespell's for 71.5% (68.1%
 * with the old fixed order: swap, drop, add, change): most of them are one letter
 * short, and a missing letter added beats one dropped (`sytem`: `system`,
 * not `stem`). The key-adjacency weight barely moves that figure (71.6%
 * without it): codespell's misspellings are spelling errors more than
 * slips of the finger, which it is kept for. */
#ifndef CIV_SPELL_NEAR_H
#define CIV_SPELL_NEAR_H

#include <stdbool.h>
#include <stddef.h>

/* Costs are in quarters of an edit, so they compare exactly. */
#define CIV_NEAR_ONE 4
#define CIV_NEAR_NONE 1000 /* nothing one edit away */

typedef struct {
    char *word; /* heap */
    int cost;
} civ_near_word;

/* True when the dictionary accepts the NUL-terminated word. */
typedef bool (*civ_near_spell_fn)(void *ud, const char *word);

/* Searches the known words one edit away from word[0..n) (ASCII letters;
 * anything else, or n outside 3..40, finds nothing). Stores up to `max`
 * of them in out, cheapest first (ties in the order above: case, swap,
 * drop, add, change), and returns how many; the caller frees each word.
 * *best is the cost of the cheapest one (CIV_NEAR_NONE when none). */
size_t civ_near_search(civ_near_spell_fn spell, void *ud, const char *word, size_t n,
                       civ_near_word *out, size_t max, int *best);

/* Only the first step of the search: the same letters in another case
 * (cost 1/4), the first found, or NULL (heap; caller frees). */
char *civ_near_casing(civ_near_spell_fn spell, void *ud, const char *word, size_t n);

/* True when a and b (ASCII letters, either case) are keys next to each
 * other on a QWERTY keyboard. */
bool civ_near_keys_adjacent(char a, char b);

#endif
