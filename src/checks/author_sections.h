/* author_sections.h - what `author-line` learns from the whole run: in each
 * category of the site, how many pages name an author.
 *
 * A site keeps its documentation, guides or statements in sections of
 * their own; the front matter says the section (`category`, `categories`)
 * but not that its pages go unsigned. The run shows it: when most pages of
 * a category name no author, the site does not sign that category, and a
 * page of it is not a post missing its byline (required: posts). The
 * driver counts every file of the run before any is linted (driver/
 * sections.h), so a finding does not depend on the order or on -j. */
#ifndef CIV_AUTHOR_SECTIONS_H
#define CIV_AUTHOR_SECTIONS_H

#include "base/strmap.h"
#include "checks/check.h"

typedef struct civ_sections {
    civ_strmap named;   /* lower-cased category -> pages naming an author (uintptr_t) */
    civ_strmap unnamed; /* lower-cased category -> pages naming none (uintptr_t) */
} civ_sections;

/* A category decides only with this many pages in the run: one or two
 * unsigned pages are no evidence of the site's practice. */
#define CIV_SECTION_MIN_PAGES 3

void civ_sections_init(civ_sections *s);
void civ_sections_release(civ_sections *s);

/* Counts doc once under each of its categories, as named when author-line
 * finds an author for it (a byline at its end, well-formed or not; an
 * author key, even an empty one; the author data), else as unnamed. */
void civ_sections_add(const civ_doc *doc, const civ_ctx *ctx, civ_sections *s);

#endif
