/* near.c - see near.h. About 54n+25 candidates for a word of n letters,
 * each one dictionary lookup (~5 us with hunspell): ~1.3 ms a word, done
 * once per distinct unknown word of a run. */
#include "spell/near.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"

#define FOUND_MAX 32 /* candidates kept before ranking */

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool is_up(char c)
{
    return c >= 'A' && c <= 'Z';
}

bool civ_near_keys_adjacent(char a, char b)
{
    /* each letter's neighbours on a QWERTY keyboard */
    static const char *const keys[26] = {
        "qwsz", "vghn", "xdfv", "erfsxc", "wrsd", "rtdgcv", "tyfhvb", "yugjbn", "uojk", "uihknm",
        "iojlm", "opk", "njk", "bhjm", "ipkl", "ol", "wa", "etdf", "weadzx", "ryfg", "yihj", "cfgb",
        "qeas", "zsdc", "tugh", "asx"};
    a = lower(a);
    b = lower(b);
    if (a < 'a' || a > 'z' || b < 'a' || b > 'z')
        return false;
    return strchr(keys[a - 'a'], b) != NULL;
}

typedef struct {
    civ_near_spell_fn spell;
    void *ud;
    const char *word;
    size_t n;
    civ_near_word found[FOUND_MAX];
    size_t nfound;
} search;

/* Looks cand up and keeps it (once, at its cheapest cost) when known. */
static void try(search *s, const char *cand, int cost)
{
    if (s->nfound >= FOUND_MAX)
        return;
    for (size_t k = 0; k < s->nfound; k++)
        if (strcmp(s->found[k].word, cand) == 0)
            return; /* generated cheapest first within a kind; keep the first */
    if (strlen(cand) == s->n && memcmp(cand, s->word, s->n) == 0)
        return;
    if (!s->spell(s->ud, cand))
        return;
    s->found[s->nfound].word = xstrdup(cand);
    s->found[s->nfound].cost = cost;
    s->nfound++;
}

/* The same letters in another case: one letter toggled (`Github` ->
 * `GitHub`, `THe` -> `The`), else all capitals (`Nato` -> `NATO`).
 * Capitals come second because hunspell accepts any known word in
 * capitals, so `GITHUB` says nothing about the dictionary's own casing. */
static void case_variants(search *s, char *cand)
{
    const char *w = s->word;
    size_t n = s->n, before = s->nfound;
    for (size_t i = 0; i < n; i++) {
        memcpy(cand, w, n + 1);
        char c = w[i];
        cand[i] = is_up(c) ? lower(c) : (char)(c - 'a' + 'A');
        if (i == 0 && is_up(c))
            continue; /* a lower-case start is accepted capitalised anyway */
        if ((c >= 'a' && c <= 'z') || is_up(c))
            try(s, cand, 1);
    }
    if (s->nfound > before)
        return;
    bool changed = false;
    for (size_t i = 0; i < n; i++) {
        cand[i] = w[i] >= 'a' && w[i] <= 'z' ? (char)(w[i] - 'a' + 'A') : w[i];
        changed |= cand[i] != w[i];
    }
    cand[n] = '\0';
    if (changed)
        try(s, cand, 1);
}

/* The letter to use at position i for the letter l (0..25): capitals in
 * an ALL-CAPS word, and at the start of a capitalised one. */
static char letter(const search *s, bool upper, size_t i, int l)
{
    bool up = upper || (i == 0 && is_up(s->word[0]));
    return (char)((up ? 'A' : 'a') + l);
}

static void edits(search *s, char *cand, bool upper)
{
    const char *w = s->word;
    size_t n = s->n;
    for (size_t i = 0; i + 1 < n; i++) { /* swap i, i+1 */
        if (w[i] == w[i + 1])
            continue;
        memcpy(cand, w, n + 1);
        cand[i] = w[i + 1];
        cand[i + 1] = w[i];
        try(s, cand, 2 + (i == 0));
    }
    for (size_t i = 0; i < n; i++) { /* drop i */
        bool doubled = (i > 0 && lower(w[i - 1]) == lower(w[i])) || (i + 1 < n && lower(w[i + 1]) == lower(w[i]));
        memcpy(cand, w, i);
        memcpy(cand + i, w + i + 1, n - i);
        try(s, cand, (doubled ? 2 : 4) + (i == 0));
    }
    for (size_t i = 0; i <= n; i++) { /* add before i */
        for (int l = 0; l < 26; l++) {
            char c = letter(s, upper, i, l);
            bool doubles = (i > 0 && lower(w[i - 1]) == lower(c)) || (i < n && lower(w[i]) == lower(c));
            memcpy(cand, w, i);
            cand[i] = c;
            memcpy(cand + i + 1, w + i, n - i + 1);
            try(s, cand, (doubles ? 2 : 3) + (i == 0));
        }
    }
    for (size_t i = 0; i < n; i++) { /* change i */
        for (int l = 0; l < 26; l++) {
            char c = letter(s, upper, i, l);
            if (c == w[i])
                continue;
            memcpy(cand, w, n + 1);
            cand[i] = c;
            try(s, cand, (civ_near_keys_adjacent(c, w[i]) ? 3 : 4) + (i == 0));
        }
    }
}

static int cmp_cost(const void *pa, const void *pb)
{
    const civ_near_word *a = pa, *b = pb;
    return (a->cost > b->cost) - (a->cost < b->cost);
}

/* The ASCII letters (and apostrophes) of a word the search can take. */
static bool searchable(const char *word, size_t n, bool *upper)
{
    if (n < 3 || n > 40)
        return false;
    *upper = true;
    for (size_t i = 0; i < n; i++) {
        char c = word[i];
        if (!((c >= 'a' && c <= 'z') || is_up(c) || c == '\''))
            return false;
        if (c >= 'a' && c <= 'z')
            *upper = false;
    }
    return true;
}

char *civ_near_casing(civ_near_spell_fn spell, void *ud, const char *word, size_t n)
{
    bool upper;
    if (!searchable(word, n, &upper))
        return NULL;
    search s = {.spell = spell, .ud = ud, .word = word, .n = n};
    char cand[48];
    case_variants(&s, cand);
    for (size_t i = 1; i < s.nfound; i++)
        free(s.found[i].word);
    return s.nfound ? s.found[0].word : NULL;
}

size_t civ_near_search(civ_near_spell_fn spell, void *ud, const char *word, size_t n,
                       civ_near_word *out, size_t max, int *best)
{
    *best = CIV_NEAR_NONE;
    bool upper;
    if (!searchable(word, n, &upper))
        return 0;
    search s = {.spell = spell, .ud = ud, .word = word, .n = n};
    char cand[48];
    case_variants(&s, cand);
    edits(&s, cand, upper);
    /* stable: equal costs keep the order they were generated in */
    for (size_t i = 0; i < s.nfound; i++)
        s.found[i].cost = s.found[i].cost * FOUND_MAX + (int)i;
    civ_qsort(s.found, s.nfound, sizeof *s.found, cmp_cost);
    size_t m = 0;
    for (size_t i = 0; i < s.nfound; i++) {
        s.found[i].cost /= FOUND_MAX;
        if (i == 0)
            *best = s.found[i].cost;
        if (m < max)
            out[m++] = s.found[i];
        else
            free(s.found[i].word);
    }
    return m;
}
