/* casing.c - see casing.h. */
#include "spell/casing.h"
#include "spell/fullsearch.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/util.h"

static bool all_caps(const char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            return false;
    return true;
}

/* Hunspell accepts any known word in capitals (`GITHUB` for `GitHub`,
 * `WORMS` for `worms`), so a casing fix in capitals needs the
 * dictionary's own casing: the first of hunspell's suggestions with the
 * same letters (its case suggestions come first and need no time limit).
 * A word with a capital inside (`WoRMS`) is styled on purpose: only a
 * one-letter case change is a fix for it. Replaces *cand; false when
 * there is no such casing. */
bool civ_own_casing(Hunhandle *h, const char *word, size_t n, char **cand)
{
    if (!all_caps(*cand))
        return true;
    for (size_t i = 1; i < n; i++)
        if (word[i] >= 'A' && word[i] <= 'Z')
            return false;
    char **list;
    int k = civ_hun_suggest(h, word, n, &list);
    bool found = false;
    for (int i = 0; i < k && !found; i++) {
        if (strlen(list[i]) == n && strncasecmp(list[i], word, n) == 0 && memcmp(list[i], word, n) != 0) {
            free(*cand);
            *cand = xstrdup(list[i]);
            found = true;
        }
    }
    if (list)
        Hunspell_free_list(h, &list, k);
    return found;
}
