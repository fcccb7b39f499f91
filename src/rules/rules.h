/* rules.h - rule packs: YAML files in rules/ holding the data the checks
 * run on (patterns, word lists, the byline pattern).
 *
 * A pack file:
 *     pack: house                # the prefix of its rule ids
 *     definitions:               # named patterns used by built-in checks
 *       byline: '^...$'
 *     rules: [...]               # house-style rules (see rulepack kinds)
 *     relative-dates: {...}      # the relative-date check's phrases (reldates.h)
 * Packs load in order; a later definition with the same name replaces an
 * earlier one, so a project's rules folder can override the shipped data. */
#ifndef CIV_RULES_H
#define CIV_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "diag/diag.h"
#include "rules/pattern.h"
#include "rules/prefilter.h"
#include "rules/reldates.h"
#include "rules/rulepack.h"
#include "base/yamltree.h"

typedef struct civ_rules civ_rules;

typedef struct {
    char *name;            /* pack name */
    char *path;            /* file it came from */
} civ_pack;

civ_rules *civ_rules_new(void);
void civ_rules_free(civ_rules *r);

/* Loads every *.yml / *.yaml file of dir in name order. A bad file adds
 * nothing and the others still load; then returns false and sets *err
 * (heap, caller frees) to one line per bad file, each starting
 * "FILE:LINE:COL: error: ..." (a bad pattern adds its line and caret, both
 * starting with a space). What is not about a place in a file (a folder or
 * file that cannot be read) is a line without the location and without the
 * "civlint: error: " prefix, which the printer adds. Never prints. */
bool civ_rules_load_dir(civ_rules *r, const char *dir, char **err);
bool civ_rules_load_file(civ_rules *r, const char *path, char **err);

/* A compiled definition, or NULL when no pack defines it. */
const civ_pattern *civ_rules_def(const civ_rules *r, const char *name);
/* A definition's scalar text (e.g. an example), or NULL. */
const char *civ_rules_def_text(const civ_rules *r, const char *name);

/* Definitions by index (0..civ_rules_ndefs-1), for checks that run every
 * definition with a given prefix (`figure-`); the pattern is NULL for
 * text-only definitions. */
size_t civ_rules_ndefs(const civ_rules *r);
const civ_pattern *civ_rules_def_at(const civ_rules *r, size_t i, const char **name);

/* The prefilter over the required literals of every pack rule and every
 * definition (prefilter.h), rebuilt after each file loads; never NULL once
 * a file was loaded. A rule's slot is civ_rule.slot, a definition's
 * civ_rules_def_slot(r, i). */
const civ_prefilter *civ_rules_prefilter(const civ_rules *r);
size_t civ_rules_def_slot(const civ_rules *r, size_t i);
/* The index of definition `name`, or SIZE_MAX. */
size_t civ_rules_def_index(const civ_rules *r, const char *name);

/* The house-style rules of every pack, in load order (rulepack.h). */
const civ_rulelist *civ_rules_list(const civ_rules *r);

/* The product and proper names that every loaded pack lists under
 * `names:`, as one pattern of whole, case-sensitive phrases; NULL when no
 * pack lists any. Pack rules leave alone what lies inside a name: a
 * product called "Covid Radar" keeps its spelling in a post that writes
 * COVID-19, and "Yahoo!" its exclamation mark. */
const civ_pattern *civ_rules_names(const civ_rules *r);

/* The phrase table of the relative-date check: the `relative-dates:`
 * section of the last pack that has one, or NULL. */
const civ_reldates *civ_rules_reldates(const civ_rules *r);

size_t civ_rules_npacks(const civ_rules *r);
const civ_pack *civ_rules_pack(const civ_rules *r, size_t i);

/* ---- the one list of rule ids --------------------------------------------
 * Every rule a setting may name: the built-in checks, declared by the check
 * table (checks/registry.c: civ_checks_declare), then the rules of the
 * loaded packs in load order. Configuration (enable, disable, severity), -W,
 * --enable/--disable, inline suppressions, allow directives, --list-rules
 * and SARIF's rule list all read this list; it lives with the rules so that
 * policy and configuration can consult it without knowing the checks. */
typedef struct {
    const char *id;
    civ_severity severity;    /* the default */
    const char *description;  /* one line */
    const char *pack;         /* the pack of a pack rule; NULL: a built-in check */
} civ_rule_entry;

/* Declares a built-in rule. The strings are borrowed and must outlive r (the
 * check table's are static). An id declared twice keeps its first entry. */
void civ_rules_declare(civ_rules *r, const char *id, civ_severity severity,
                       const char *description);
/* Declares in r every built-in rule declared in `from` (NULL: none): a
 * configuration that loads its own packs starts from the run's list. */
void civ_rules_declare_from(civ_rules *r, const civ_rules *from);

/* The number of entries: built-in rules, then pack rules. */
size_t civ_rules_count(const civ_rules *r);
/* Entry i (0..civ_rules_count-1) into *out; false past the end. The
 * strings belong to r (or the check table) and live as long as r. */
bool civ_rules_entry(const civ_rules *r, size_t i, civ_rule_entry *out);
/* The entry of rule `id` (a built-in id or PACK.RULE) into *out; false when
 * no rule has that id. */
bool civ_rules_find(const civ_rules *r, const char *id, civ_rule_entry *out);

/* True when `id` names a rule a setting may refer to: an entry of the list
 * above, or `PACK.*` or a bare `PACK` where PACK is a loaded rule pack. A NULL rules knows
 * no rule. */
bool civ_rule_id_known(const civ_rules *rules, const char *id);

/* The settings of built-in checks that configuration writes and the checks
 * read (civ_ctx.figure_scope): where a figure's source may be. Adjacent (the
 * figure's sentence, the one before and the one after, in its paragraph) is
 * zero because it is the default. */
enum { CIV_FIGURES_ADJACENT = 0, CIV_FIGURES_SENTENCE = 1, CIV_FIGURES_PARAGRAPH = 2 };

#endif
