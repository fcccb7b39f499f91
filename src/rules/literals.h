/* literals.h - the literal strings a regular expression cannot match
 * without: the prefilter's half of "one pass for all patterns".
 *
 * For a pcre2 pattern, finds a small set of strings such that every match
 * contains at least one of them (like RE2's prefilter and ripgrep's
 * required literals). A text holding none of them cannot match, so the
 * pattern need not run there. The analysis is conservative: whatever it
 * does not understand (backreferences, conditionals, extended mode, a
 * caseless non-ASCII letter) either gives up for the whole pattern or
 * stands for "any text"; it never invents a requirement. */
#ifndef CIV_LITERALS_H
#define CIV_LITERALS_H

#include <stdbool.h>
#include <stddef.h>

enum { CIV_LIT_MAX = 128, CIV_LIT_LEN = 12 };

typedef struct {
    char s[CIV_LIT_MAX][CIV_LIT_LEN + 1];
    unsigned char len[CIV_LIT_MAX];
    size_t n;
    bool caseless; /* the strings are ASCII-lowercased and match any case */
} civ_litset;

/* Fills *out with the required literals of `re` (caseless: compiled with
 * CIV_PAT_CASELESS). Returns false when there is no usable set; then
 * *why (static string) says why, for `--list-rules -v`. A caseless set
 * holds strings whose letters are ASCII; a case-sensitive one may hold
 * UTF-8. A mix of caseless and case-sensitive parts (`(?i:..)`) yields a
 * caseless set, which is weaker but still required. */
bool civ_literals_required(const char *re, bool caseless, civ_litset *out, const char **why);

#endif
