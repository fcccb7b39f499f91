/* phrases.h - a list of literal phrases as one factored pcre2 alternation.
 *
 * Rule packs list phrases as data (`words:` of an existence rule, the keys
 * of a `swap:`). pcre2 tries the branches of an alternation one by one at
 * every position where any of them can start, so "it is said|it is
 * thought|it has been suggested|..." re-reads "it " once per branch. The
 * same set written as a trie, "it\s+(?:is\s+(?:said|thought)|has...)",
 * matches the same text at the same places and, on the bench corpus, runs
 * in half the time (14 -> 7 ms for the weasel-word list over 500 posts).
 *
 * Each run of spaces in a phrase matches any whitespace (\s+); every other
 * character is literal. Where one phrase is a prefix of another, the
 * longer is tried first, as a longest-first alternation would. With marks,
 * phrase i ends in (*MARK:i), so one pass tells which phrase matched
 * (civ_pattern_find_mark). */
#ifndef CIV_PHRASES_H
#define CIV_PHRASES_H

#include <stdbool.h>
#include <stddef.h>

/* The alternation (no word guards, no enclosing group; caller wraps it) of
 * phrases[0..n), each non-empty valid UTF-8. `caseless`: the pattern will
 * be compiled caseless, so ASCII letters are folded when merging prefixes
 * (a phrase that then repeats an earlier one is dropped: the first keeps
 * its mark). Returns a heap string, or NULL when the trie would nest more
 * than pcre2 allows (the caller falls back to a plain alternation). */
char *civ_phrases_regex(const char *const *phrases, size_t n, bool caseless, bool marks);

#endif
