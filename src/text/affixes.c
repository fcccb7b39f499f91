/* affixes.c - see affixes.h. The lists are small and searched linearly:
 * they are consulted only for pieces the tokenizer already suspects (a
 * part before a hyphen, a word right after a number), not for every word. */
#include "text/affixes.h"

#include <string.h>

/* Prefixes English writes with a hyphen before a word, a name or an
 * acronym ("pre-QXZ", "non-EU", "co-author"). Some are words as well
 * ("over", "super"); listing them costs nothing and keeps the rule from
 * depending on one dictionary. */
static const char *const prefixes[] = {
    "ante", "anti",  "auto",   "bi",    "bio",   "co",    "counter", "cross", "cyber", "de",
    "dis",  "eco",   "ex",     "extra", "geo",   "hyper", "infra",   "inter", "intra", "macro",
    "mega", "meta",  "micro",  "mid",   "mini",  "mis",   "mono",    "multi", "nano",  "neo",
    "non",  "omni",  "over",   "para",  "poly",  "post",  "pre",     "pro",   "proto", "pseudo",
    "quasi", "re",   "semi",   "socio", "sub",   "super", "supra",   "tele",  "trans", "tri",
    "ultra", "un",   "under",  "uni",
};

/* "-a-thon" is a productive suffix ("code-a-thon", "write-athon"). */
static const char *const suffixes[] = {"ish", "esque", "thon", "thons", "athon", "athons"};

/* Units that take an SI prefix (k, M, G, ...): "km", "Mbps", "GHz", "MiB". */
static const char *const si_units[] = {
    "m", "g", "s", "B", "b", "bit", "bits", "bps", "Bps", "Hz", "W", "Wh", "V", "A", "Ah",
    "J", "N", "Pa", "L", "l", "t", "eV", "cal", "iB", "ibit", "flops", "FLOPS",
};

/* Units and abbreviations used after a number without a prefix. */
static const char *const plain_units[] = {
    "sec", "secs", "msec", "usec", "nsec", "min", "mins", "hr",  "hrs", "yr",  "yrs", "mo",
    "mos", "wk",   "wks",  "px",   "pt",   "pts", "em",   "rem", "dpi", "ppi", "fps", "rpm",
    "mph", "kph",  "kmh",  "mpg",  "ft",   "yd",  "yds",  "mi",  "oz",  "lb",  "lbs", "gal",
    "sq",  "ppm",  "ppb",  "pp",   "bp",   "dB",  "dBm",  "bn",  "mn",  "mln", "bln", "tn",
    "kn",  "kt",
};

#define NELEM(a) (sizeof(a) / sizeof *(a))

static bool in_list(const char *const *list, size_t nlist, const char *s, size_t n)
{
    for (size_t i = 0; i < nlist; i++)
        if (strlen(list[i]) == n && memcmp(list[i], s, n) == 0)
            return true;
    return false;
}

/* In lower case, or with a capital first letter; the rest lower case. */
static bool in_list_title(const char *const *list, size_t nlist, const char *s, size_t n)
{
    char low[16];
    if (n == 0 || n >= sizeof low)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') {
            if (i > 0)
                return false;
            c = (char)(c | 0x20);
        }
        low[i] = c;
    }
    return in_list(list, nlist, low, n);
}

bool civ_affix_is_prefix(const char *s, size_t n)
{
    return in_list_title(prefixes, NELEM(prefixes), s, n);
}

bool civ_affix_is_suffix(const char *s, size_t n)
{
    return in_list_title(suffixes, NELEM(suffixes), s, n);
}

/* The length of the SI prefix s starts with (0: none). µ is two bytes. */
static size_t si_prefix(const char *s, size_t n)
{
    if (n >= 2 && memcmp(s, "\xC2\xB5", 2) == 0)
        return 2;
    if (n >= 2 && memcmp(s, "da", 2) == 0)
        return 2;
    return n >= 1 && strchr("kKMGTPEmunpcdh", s[0]) ? 1 : 0;
}

bool civ_affix_is_unit(const char *s, size_t n)
{
    if (in_list(plain_units, NELEM(plain_units), s, n) || in_list(si_units, NELEM(si_units), s, n))
        return true;
    size_t p = si_prefix(s, n);
    return p > 0 && p < n && in_list(si_units, NELEM(si_units), s + p, n - p);
}

bool civ_affix_is_ordinal(const char *s, size_t n)
{
    if (n != 2)
        return false;
    char a = (char)(s[0] | 0x20), b = (char)(s[1] | 0x20);
    return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h');
}
