/* check.h - the interface between the pipeline and the checks.
 *
 * A check reads the document model and reports through a civ_sink. It
 * cannot print (it has no stream) and cannot exit; everything it knows
 * about the run comes from the read-only civ_ctx. Checks are registered in
 * one table (checks/registry.c); civ_checks_declare puts its rules into the
 * one list of rule ids (rules.h), which gives --list-rules, --enable and
 * --disable. */
#ifndef CIV_CHECK_H
#define CIV_CHECK_H

#include <stdbool.h>

#include "base/strmap.h"
#include "diag/diag.h"
#include "model/document.h"
#include "rules/rules.h"

struct civ_speller; /* spelling state (spell.h) */
struct civ_sections; /* author-line's view of the run (author_sections.h) */

/* Per-run settings the checks read; filled from the config and options. */
typedef struct {
    const civ_rules *rules;
    struct civ_speller *speller;  /* NULL when spelling is off */
    bool empty_section_direct;    /* a heading needs its own content, not
                                     only subsections with content */
    bool suggest;                 /* compute spelling suggestions */
    /* From .civlint.yml (config.h); zero values mean the defaults. */
    const char *lang;             /* dictionary language, e.g. "en_US"; NULL: default */
    const char *const *dictionaries; /* extra hunspell .dic files (absolute paths) */
    size_t ndictionaries;
    int figure_scope;             /* CIV_FIGURES_ADJACENT (0), _SENTENCE or _PARAGRAPH */
    bool figure_self_report;      /* report first-hand figures ("we found 31%") too */
    const char *const *figure_own_names; /* the site's own names: sources like "we" */
    size_t nfigure_own_names;
    size_t acronym_max;           /* spelling: ALL-CAPS words of up to this
                                     many letters are not checked */
    int unknown_terms;            /* spelling: what an unknown word that is not
                                     a likely typo gives (CIV_TERMS_*) */
    int foreign;                  /* spelling: paragraphs in another language
                                     (CIV_FOREIGN_*) */
    bool all_occurrences;         /* spelling: one finding per occurrence, not
                                     one per word and post */
    const civ_strmap *run_words;     /* spelling: lower-cased unknown word ->
                                     posts of the run using it (uintptr_t);
                                     NULL: unknown (checks/spelling.h) */
    /* author-line (config.h `author-line`): the metadata keys that name the
     * author (NULL: author authors by byline author_name creator
     * contributors), whether a post must be signed, and the site's author
     * data: post path or slug -> (void *)1 named, (void *)2 empty. */
    const char *const *author_keys;
    size_t nauthor_keys;
    int author_required;          /* CIV_AUTHOR_* (`author-line.required`) */
    int page_kind;                /* CIV_PAGE_*: what the post's path in its
                                     site says it is */
    const civ_strmap *author_data;
    const struct civ_sections *sections; /* per category, pages of the run
                                     naming an author or not; NULL: one file */
    bool nbsp_all;                /* invisible-character: report every
                                     no-break space, even typographic ones */
} civ_ctx;

/* civ_ctx.author_required: a byline is required on posts but not on
 * documentation pages (the default), everywhere, or nowhere. */
enum { CIV_AUTHOR_POSTS = 0, CIV_AUTHOR_ALWAYS = 1, CIV_AUTHOR_NEVER = 2 };
/* civ_ctx.page_kind: a post, a documentation page or other page (not a
 * post), or unknown (treated as a post). */
enum { CIV_PAGE_UNKNOWN = 0, CIV_PAGE_POST = 1, CIV_PAGE_DOC = 2 };
/* civ_ctx.unknown_terms, the config's `spelling.unknown-terms`. */
enum { CIV_TERMS_OFF = 0, CIV_TERMS_NOTE = 1, CIV_TERMS_WARNING = 2 };
/* civ_ctx.foreign, the config's `spelling.foreign`: a paragraph in another
 * language is skipped silently (the default), skipped with one note per
 * post, or checked word by word like the rest. */
enum { CIV_FOREIGN_SKIP = 0, CIV_FOREIGN_NOTE = 1, CIV_FOREIGN_CHECK = 2 };

typedef struct {
    civ_diags *out;
    const char *rule;
    civ_severity severity;
} civ_sink;

/* Reports a finding for the sink's rule at the source span [start,end). */
civ_diag *civ_report(civ_sink *s, size_t start, size_t end, const char *fmt, ...)
    CIV_PRINTF(4, 5);
/* For checks that report several rule ids (rule packs): `rule` must be a
 * string that outlives the run. */
civ_diag *civ_report_rule(civ_sink *s, const char *rule, civ_severity sev, size_t start,
                          size_t end, const char *fmt, ...) CIV_PRINTF(6, 7);

typedef struct {
    const char *id;
    civ_severity severity;  /* default */
    const char *description;
    void (*run)(const civ_doc *doc, const civ_ctx *ctx, civ_sink *sink);
    const char *details;    /* for --explain: what is and is not reported,
                               and the settings; NULL: none */
    bool off;               /* off by default: runs only when a setting
                               names it (--enable, -W, enable:, severity:) */
} civ_check;

/* The table of every check, in the order they run. */
const civ_check *civ_checks(size_t *n);
const civ_check *civ_check_find(const char *id);
/* Declares the rule of every check (id, default severity, description) in
 * the rule list of r (rules.h), before the packs' rules. Call it once for
 * every civ_rules a run (or a test) lints with. */
void civ_checks_declare(civ_rules *r);

#endif
