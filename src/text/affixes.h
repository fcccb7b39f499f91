/* affixes.h - the short forms that are not words on their own but attach
 * to a word or a number: word-forming prefixes and suffixes ("pre-" in
 * "pre-war", "-ish" in "green-ish"), units and multipliers ("25 Mbps",
 * "£bn"), and ordinal suffixes ("18<sup>th</sup>"). The word tokenizer
 * (words.h) uses them to keep such pieces from being spell-checked as if
 * they were words; whether a piece is attached is its decision, these only
 * say whether the letters could be such a form.
 *
 * The lists are general English and SI usage, not any blog's vocabulary;
 * each function matches ASCII letters as written (units are case-sensitive:
 * "MB" is a unit, "Mb" too, "mB" is not) and is pure. */
#ifndef CIV_AFFIXES_H
#define CIV_AFFIXES_H

#include <stdbool.h>
#include <stddef.h>

/* True for a prefix written before a hyphen ("pre", "non", "anti", "co",
 * "re", "multi", "sub", "semi", ...), in lower case or with a capital
 * first letter ("Pre-war"). */
bool civ_affix_is_prefix(const char *s, size_t n);

/* True for a suffix written after a hyphen that is no word by itself
 * ("ish", "esque", "thon" of "code-a-thon", "athon"); "like" or "wise" are
 * words and need no entry. */
bool civ_affix_is_suffix(const char *s, size_t n);

/* True for a unit symbol or multiplier: an SI prefix and unit ("km",
 * "Mbps", "GHz", "kWh", "MiB"), a time, length or rate abbreviation
 * ("mins", "hrs", "msec", "ft", "lbs", "fps", "rpm"), or "bn", "mn". */
bool civ_affix_is_unit(const char *s, size_t n);

/* True for an English ordinal suffix: st, nd, rd, th (any case). */
bool civ_affix_is_ordinal(const char *s, size_t n);

#endif
