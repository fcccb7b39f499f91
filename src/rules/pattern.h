/* pattern.h - pcre2 regular expressions with bounded matching.
 *
 * Every pattern civlint runs comes from a data file, so every match is
 * bounded: a match limit and a depth limit stop catastrophic backtracking,
 * and a pattern that hits them reports CIV_MATCH_LIMIT instead of hanging. */
#ifndef CIV_PATTERN_H
#define CIV_PATTERN_H

#include <stdbool.h>
#include <stddef.h>

#include "rules/literals.h"

typedef struct civ_pattern civ_pattern;

enum { CIV_PAT_CASELESS = 1u << 0 };

/* Compiles `re` (UTF-8, Unicode properties on) and JIT-compiles it when the
 * platform allows. On failure returns NULL, sets *err to pcre2's message
 * (heap, caller frees) and *err_off to the offending byte offset in re. */
civ_pattern *civ_pattern_new(const char *re, unsigned flags, char **err, size_t *err_off);
void civ_pattern_free(civ_pattern *p);
const char *civ_pattern_source(const civ_pattern *p);
/* The literals every match of p contains (literals.h); false, with the
 * reason in *why, when there is no usable set. */
bool civ_pattern_literals(const civ_pattern *p, civ_litset *out, const char **why);
/* Number of capture groups. */
int civ_pattern_groups(const civ_pattern *p);
/* Index of the named group, or -1. */
int civ_pattern_group(const civ_pattern *p, const char *name);

enum { CIV_MATCH_NONE = 0, CIV_MATCH_OK = 1, CIV_MATCH_LIMIT = -1, CIV_MATCH_ERROR = -2 };

/* Finds the first match in subj[0..len) at or after `from`. On CIV_MATCH_OK
 * fills ov[0..2*nov) with start/end byte offsets of the match and of groups
 * 1..nov-1 (SIZE_MAX for an unset group). Thread-safe. */
int civ_pattern_find(const civ_pattern *p, const char *subj, size_t len, size_t from,
                     size_t *ov, int nov);

/* As civ_pattern_find, and sets *mark to the number in the name of the
 * last (*MARK:N) on the matching path (civ_phrases_regex writes them), or
 * to SIZE_MAX when there is none. */
int civ_pattern_find_mark(const civ_pattern *p, const char *subj, size_t len, size_t from,
                          size_t *ov, int nov, size_t *mark);

/* Frees this thread's cached match data (call before a worker exits). */
void civ_pattern_thread_cleanup(void);

#endif
