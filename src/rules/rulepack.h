/* rulepack.h - the `rules:` entries of a rule pack: house-style rules kept
 * as data, one YAML mapping per rule, compiled once with bounded pcre2.
 *
 * Kinds (README "Rule packs" has an example of each):
 *   existence     flag every match of `pattern` or of any phrase in `words`
 *   substitution  flag `swap` keys (literal phrases) or a `pattern`, and
 *                 offer the replacement as a fix-it (`replace`, with $1..$9)
 *   consistency   several spellings of one term (`forms`, patterns): within
 *                 one post the most frequent form wins (a tie goes to the
 *                 form used first) and the other forms are flagged
 * Keys shared by every kind: id ([a-z0-9-]+, reported as PACK.ID), kind,
 * severity (error, warning, note; default warning), message ('%s' is the
 * matched text, '%r' the replacement or the winning form, '%%' a percent
 * sign), scope (prose, headings or both; default both), description (one
 * line for --list-rules), link (style-guide URL, shown as a note),
 * ignore-case, skip (patterns: a match that lies inside a match of one of
 * them is not the rule's: an identifier, a date, code-like text), skip-links
 * (true: not in the text of links, where a cited page keeps its own title),
 * and the examples `bad` (must be flagged) and `good` (must not be), which
 * the unit tests run for every shipped rule. */
#ifndef CIV_RULEPACK_H
#define CIV_RULEPACK_H

#include <stdbool.h>
#include <stddef.h>

#include "diag/diag.h"
#include "rules/packtext.h"
#include "rules/pattern.h"
#include "base/yamltree.h"

typedef enum { CIV_RULE_EXISTENCE, CIV_RULE_SUBSTITUTION, CIV_RULE_CONSISTENCY } civ_rule_kind;

enum { CIV_SCOPE_PROSE = 1u << 0, CIV_SCOPE_HEADINGS = 1u << 1 };

typedef struct {
    char *id;            /* "pack.id" */
    civ_rule_kind kind;
    civ_severity severity;
    char *message;       /* template, see above */
    char *description;   /* one line; never NULL */
    char *link;          /* or NULL */
    unsigned scope;      /* CIV_SCOPE_* bits */
    civ_pattern **pats;  /* existence: 1; substitution: 1 (a `pattern`, or
                            every swap key in one, see `marked`); consistency:
                            one per form */
    char **repl;         /* substitution: replacement per pattern, or per
                            swap key when `marked` */
    size_t nrepl;
    bool marked;         /* pats[0] holds every swap key; the (*MARK:k) of a
                            match (civ_pattern_find_mark) picks repl[k] */
    char **forms;        /* consistency: the forms as written */
    size_t npats;
    civ_pattern *any;    /* rules with several patterns: all of them as one
                            alternation, run once per block so blocks where
                            none can match are skipped; NULL when a pattern
                            cannot be combined (backreferences, names) */
    bool ignore_case;
    size_t slot;         /* the rule's prefilter slot (civ_rules_prefilter):
                            blocks where it is not marked cannot match */
    const char *engine;  /* NULL: prefilter then pcre2; else why pcre2 runs
                            on every block (static string) */
    civ_pattern **skip;  /* `skip` patterns (compiled as written) */
    size_t nskip;
    bool skip_links;     /* `skip-links: true` */
    char *bad, *good;    /* examples, or NULL */
} civ_rule;

typedef struct {
    civ_rule *items;
    size_t n, cap;
} civ_rulelist;

/* Parses and compiles the `rules:` sequence of pack `pack` (in the text t)
 * and appends the rules to `list` (a later rule with the same id replaces
 * the earlier one). On a bad entry returns false and sets *err (heap,
 * caller frees) to "PATH:LINE:COL: error: ..." — for a bad pattern,
 * pcre2's message and a caret under the offending offset. */
bool civ_rulelist_load(civ_rulelist *list, const civ_packtext *t, const char *pack,
                       const civ_ynode *rules, char **err);

void civ_rulelist_release(civ_rulelist *list);

/* Reads the rule's `skip` (a pattern or a list of patterns) and
 * `skip-links` (true or false) from the mapping m into r. On a bad value
 * returns false and sets *err like civ_rulelist_load. (ruleskip.c) */
bool civ_rule_load_skip(civ_rule *r, const civ_packtext *t, const civ_ynode *m, char **err);

/* Expands a message template: '%s' -> match, '%r' -> repl (may be NULL),
 * '%%' -> '%'. Returns a heap string. */
char *civ_rule_message(const civ_rule *r, const char *match, size_t mlen, const char *repl);

/* Expands a substitution's replacement: $0..$9 take the match's groups
 * (ov holds 2*nov offsets into subj; unset groups expand to nothing), and
 * with ignore-case a capitalised match gets a capitalised replacement.
 * Returns a heap string. */
char *civ_rule_replacement(const char *tmpl, const char *subj, const size_t *ov, int nov,
                           bool match_caps);

#endif
