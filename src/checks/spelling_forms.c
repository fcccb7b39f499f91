/* spelling_forms.c - words the dictionaries lack that are regular forms of
 * words they have, for the `spelling` check (spelling_impl.h): a known
 * word after a common prefix (`unprojected`, `cofounder`), a plain -s
 * plural (`dialogs`), -ed and -ing forms (`siloed`, `siloing`), -ize and
 * -ise verbs of known words (`memoized`), and a
 * name in the style that drops the e of a final -er (`readr`, `handlr`).
 * An editor may prefer another form (`co-founder`), but none of them is a
 * misspelling, and on the real posts of ../shared/corpora they were a
 * share of the false alarms. The common misspellings that look like
 * regular forms (`formated`, `transfered`, `commiting`: a consonant not
 * doubled) are on the list of misspellings (spell/typos.h), which the
 * check asks first.
 *
 * Closed compounds of two known words (`datacenter`, `backends`) were
 * measured too and left out: they removed about 20 false alarms on the
 * real posts but also real typos that split into two words by chance
 * (`intro` + `ducting`, `cola` + `borate`). */
#include <string.h>
#include <strings.h>

#include "checks/spelling_impl.h"
#include "spell/spell.h"

#define PART_MIN 4  /* letters in the known word a form is made from */
#define FORM_MAX 64 /* longer words are not split */

/* Prefixes that make new English words from old ones (`un` + `projected`);
 * each is written closed up in American usage. Not `re`: a word that
 * starts with it is too often a misspelt word that happens to end in
 * another (`recurrant`: `re` + `currant`). */
static const char *const PREFIXES[] = {"anti", "bio", "co", "counter", "cyber", "de", "eco", "geo",
                                       "hyper", "inter", "meta", "micro", "mis", "multi", "neo", "neuro",
                                       "non", "over", "post", "pre", "pseudo", "semi", "sub",
                                       "super", "trans", "un", "under"};

static bool lower_copy(const char *w, size_t n, char *out)
{
    if (n >= FORM_MAX)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = w[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c < 'a' || c > 'z')
            return false;
        out[i] = c;
    }
    out[n] = '\0';
    return true;
}

/* Ends in -ing or -ed: a misspelt -ing or -ed word splits into two known
 * words by chance too often (`intro` + `ducting`). */
static bool verb_form(const char *low, size_t n)
{
    return (n >= 3 && memcmp(low + n - 3, "ing", 3) == 0) || (n >= 2 && memcmp(low + n - 2, "ed", 2) == 0);
}

bool civ_spelling_compound(civ_speller *sp, const char *w, size_t n)
{
    char low[FORM_MAX];
    if (n < 2 * PART_MIN || !lower_copy(w, n, low) || verb_form(low, n))
        return false;
    for (size_t i = PART_MIN; i + PART_MIN <= n; i++)
        if (civ_speller_check(sp, low, i) && civ_speller_check(sp, low + i, n - i))
            return true;
    return false;
}

bool civ_spelling_prefixed(civ_speller *sp, const char *w, size_t n)
{
    char low[FORM_MAX];
    if (!lower_copy(w, n, low))
        return false;
    for (size_t i = 0; i < sizeof PREFIXES / sizeof *PREFIXES; i++) {
        size_t k = strlen(PREFIXES[i]);
        if (n >= k + PART_MIN && memcmp(low, PREFIXES[i], k) == 0 && civ_speller_check(sp, low + k, n - k))
            return true;
    }
    return false;
}

/* English nouns ending in a consonant and y, or in s, x, z, ch or sh,
 * take -ies or -es, never a bare -s (`agencys`, `boxs` are errors). */
static bool takes_bare_s(const char *stem, size_t n)
{
    char last = stem[n - 1], before = stem[n - 2];
    if (last == 'y')
        return strchr("aeiouAEIOU", before) != NULL;
    if (strchr("sxzSXZ", last))
        return false;
    return !((last == 'h' || last == 'H') && strchr("csCS", before));
}

bool civ_spelling_plain_plural(const char *w, size_t n, const char *near_word)
{
    size_t k = near_word ? strlen(near_word) : 0;
    return k >= PART_MIN && k + 1 == n && (w[k] == 's' || w[k] == 'S') && strncasecmp(w, near_word, k) == 0 &&
           takes_bare_s(near_word, k);
}

static bool vowel(char c)
{
    return strchr("aeiou", c) != NULL;
}

/* A known word at low[0..n), or at low[0..n)+"e" when e_dropped; not one
 * ending in a single vowel and a consonant (`program`, `blog`), whose
 * final consonant the suffix usually doubles (`programming`, `blogged`):
 * there the single consonant (`programing`, `bloged`) is the typo. */
static bool known_stem(civ_speller *sp, char *low, size_t n, bool e_dropped)
{
    if (n < PART_MIN)
        return false;
    if (!e_dropped) {
        char a = low[n - 3], b = low[n - 2], c = low[n - 1];
        if (!vowel(a) && vowel(b) && !vowel(c) && !strchr("wxy", c))
            return false;
        return civ_speller_check(sp, low, n);
    }
    char keep = low[n];
    low[n] = 'e';
    bool ok = civ_speller_check(sp, low, n + 1);
    low[n] = keep;
    return ok;
}

/* A known word made a verb with -ize or -ise (`memo` -> `memoize`,
 * `memoized`, `memoizing`, `memoizes`): the regular way English makes
 * verbs of nouns, and dictionaries list only the settled ones. The common
 * misspellings of this shape (`summerized`) are on the list of
 * misspellings, which the check asks first. */
static bool ized(civ_speller *sp, const char *low, size_t n)
{
    static const char *const ENDS[] = {"ize", "ized", "izes", "izing", "ise", "ised", "ises", "ising"};
    for (size_t i = 0; i < sizeof ENDS / sizeof *ENDS; i++) {
        size_t k = strlen(ENDS[i]);
        if (n >= k + PART_MIN && memcmp(low + n - k, ENDS[i], k) == 0)
            return civ_speller_check(sp, low, n - k);
    }
    return false;
}

bool civ_spelling_inflected(civ_speller *sp, const char *w, size_t n)
{
    char low[FORM_MAX + 1];
    if (!lower_copy(w, n, low))
        return false;
    if (ized(sp, low, n))
        return true;
    /* -ed; not -d after a noun's final e: on the real posts that was as
     * often a wrong word (a noun that is no verb) as a new verb */
    if (n > 2 && memcmp(low + n - 2, "ed", 2) == 0)
        return known_stem(sp, low, n - 2, false);
    if (n > 3 && memcmp(low + n - 3, "ing", 3) == 0)
        return known_stem(sp, low, n - 3, false) || known_stem(sp, low, n - 3, true);
    return false;
}

bool civ_spelling_brand_r(civ_speller *sp, const char *w, size_t n)
{
    char low[FORM_MAX + 2];
    if (n < PART_MIN + 1 || !lower_copy(w, n, low) || low[n - 1] != 'r' || vowel(low[n - 2]))
        return false;
    if (civ_speller_check(sp, low, n - 1))
        return true; /* `readr`: read */
    low[n - 1] = 'e';
    low[n] = 'r';
    return civ_speller_check(sp, low, n + 1); /* `handlr`: handler */
}

bool civ_spelling_athon(const char *w, size_t n)
{
    static const char *const ENDS[] = {"athon", "athons", "athoning", "athoner", "athoners"};
    char low[FORM_MAX];
    if (!lower_copy(w, n, low))
        return false;
    for (size_t i = 0; i < sizeof ENDS / sizeof *ENDS; i++) {
        size_t k = strlen(ENDS[i]);
        if (n >= k && memcmp(low + n - k, ENDS[i], k) == 0)
            return true;
    }
    return false;
}
