/* reldates.h - the `relative-dates:` section of a rule pack: the phrase
 * table of the relative-date check (checks/relative_date.c), parsed and
 * validated when the pack loads, like every other section, so a bad entry
 * is an error at its line and column instead of a phrase silently not
 * checked. rules/relative-dates.yml documents the keys:
 *
 *     relative-dates:
 *       months: [12 names]            prepositions: [WORD...]
 *       skip-after: [WORD...]         subject-verbs: [WORD...]
 *       phrases:
 *         - {phrase: last month, shift: {months: -1}, replace: 'in {month}',
 *            bare: '{month}', fix: false, note: '...', not-before: [WORD...],
 *            anchored: true}
 *
 * The last pack with the section wins, as a whole (rules.h,
 * civ_rules_reldates). */
#ifndef CIV_RELDATES_H
#define CIV_RELDATES_H

#include <stdbool.h>
#include <stddef.h>

#include "rules/packtext.h"
#include "base/yamltree.h"

typedef struct {
    char **items;
    size_t n;
} civ_wordlist;

/* What a phrase's `shift` counts in; NONE for vague phrases ("recently"). */
typedef enum { CIV_SHIFT_NONE, CIV_SHIFT_DAYS, CIV_SHIFT_WEEKS, CIV_SHIFT_MONTHS,
               CIV_SHIFT_YEARS } civ_shift_unit;

typedef struct {
    char *phrase;            /* never empty */
    char *replace, *bare;    /* templates, or NULL (no date to write) */
    char *note;              /* or NULL */
    civ_wordlist not_before; /* words after which it is not relative */
    civ_shift_unit unit;     /* NONE: replace and bare are NULL */
    long n;                  /* the shift, in units */
    bool fix;                /* replace may be applied as a fix-it */
    bool anchored;           /* the post's own time ("currently", "this
                                year"): a post's date anchors it, so it is
                                not reported in a dated post */
} civ_reldate;

typedef struct {
    char *months[12];        /* all NULL: the English names */
    civ_wordlist prepositions, skip_after, subject_verbs;
    civ_reldate *phrases;    /* longest phrase first */
    size_t nphrases;
} civ_reldates;

/* Parses the section `sec` of the pack text t. Returns NULL and sets *err
 * ("PATH:LINE:COL: error: ...", heap, caller frees) on a bad section. Free
 * the result with civ_reldates_free. */
civ_reldates *civ_reldates_load(const civ_packtext *t, const civ_ynode *sec, char **err);
void civ_reldates_free(civ_reldates *rd);

#endif
