/* rank.c - the ranked one-edit search with its costs, for --explain-word
 * (the suggestions a finding shows are its first CIV_SPELL_MAX_SUGGEST). */
#include <stdlib.h>
#include <string.h>

#include "spell/near.h"
#include "spell/spell.h"

static bool check_cb(void *ud, const char *word)
{
    return civ_speller_check(ud, word, strlen(word));
}

size_t civ_speller_rank(civ_speller *sp, const char *word, size_t n, civ_ranked *out, size_t max)
{
    civ_near_word tmp[16];
    if (max > sizeof tmp / sizeof *tmp)
        max = sizeof tmp / sizeof *tmp;
    int best;
    size_t m = civ_near_search(check_cb, sp, word, n, tmp, max, &best);
    for (size_t i = 0; i < m; i++) {
        out[i].word = tmp[i].word;
        out[i].cost = tmp[i].cost;
    }
    return m;
}
