/* sections.h - the run's pre-pass for author-line: which categories of the
 * site go unsigned (checks/author_sections.h). */
#ifndef CIV_DRIVER_SECTIONS_H
#define CIV_DRIVER_SECTIONS_H

#include "driver/run.h"

/* Reads the metadata of every file of the walk and counts, per category,
 * the pages that name an author and those that do not; the lint pass then
 * sees the counts (ctx->sections). Only with CIV_SECTION_MIN_PAGES files
 * or more, none of them standard input (which cannot be read twice). */
void civ_run_sections(civ_run *r);
void civ_run_sections_release(civ_run *r);

#endif
