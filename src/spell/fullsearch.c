/* fullsearch.c - see fullsearch.h. Moved out of spell.c, which was at its
 * size limit. */
#include "spell/fullsearch.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

/* A suggestion that splits the word: a space or hyphen it did not have. */
static bool is_split(const char *sugg, const char *word, size_t n)
{
    for (const char *p = sugg; *p; p++)
        if ((*p == ' ' || *p == '-') && !memchr(word, *p, n))
            return true;
    return false;
}

int civ_hun_suggest(Hunhandle *h, const char *word, size_t n, char ***list)
{
    char buf[128];
    char *s = n < sizeof buf ? buf : xmalloc(n + 1);
    memcpy(s, word, n);
    s[n] = '\0';
    *list = NULL;
    int k = Hunspell_suggest(h, list, s);
    if (s != buf)
        free(s);
    return k;
}

char **civ_full_suggest(Hunhandle *h, const char *word, size_t n, size_t max, size_t *m)
{
    char **list;
    int k = civ_hun_suggest(h, word, n, &list);
    *m = k > 0 ? (size_t)k : 0;
    if (*m > max)
        *m = max;
    char **sugg = *m ? xcalloc(*m, sizeof *sugg) : NULL;
    /* hunspell ranks word splits ("occur ed", "occur-ed") high; one
     * word reads better as the fix-it, so splits go last. */
    size_t j = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < k && j < *m; i++)
            if (is_split(list[i], word, n) == (pass == 1))
                sugg[j++] = xstrdup(list[i]);
    if (list)
        Hunspell_free_list(h, &list, k);
    return sugg;
}
