/* figure_names.h - the names that make a figure first-hand for
 * `unsourced-figure`: the site's own names (figures.own-names, plus the
 * site's name from its generator's configuration) and the post's own
 * authors from its front matter. "Acme Lab counts 4,000 members" in Acme
 * Lab's blog, and "Ana Reyes now has 100 samples" in a post Ana Reyes
 * wrote, are the writer speaking of their own work. */
#ifndef CIV_FIGURE_NAMES_H
#define CIV_FIGURE_NAMES_H

#include <stddef.h>

#include "checks/check.h"

typedef struct {
    const char **v; /* borrowed (config) or owned by `own` */
    size_t n, cap;
    char **own; /* the strings made from the front matter */
    size_t nown, owncap;
} civ_figure_names;

/* The config's own names, then for each front matter author: the full
 * name, the given name (a first word of three letters or more, when the
 * name has two words or more), and an organisation in parentheses
 * ("Ana Reyes (Harbour Lab)"). "A, B and C" and "A & B" are three and two
 * authors. */
void civ_figure_names_init(civ_figure_names *nm, const civ_doc *doc, const civ_ctx *ctx);
void civ_figure_names_free(civ_figure_names *nm);

/* Calls fn(arg, ov, 0), ov = {start, end}, for every whole-word
 * occurrence of one of the names in b's text. */
void civ_figure_names_find(const civ_figure_names *nm, const civ_block *b,
                           void (*fn)(void *arg, const size_t *ov, int g), void *arg);

#endif
