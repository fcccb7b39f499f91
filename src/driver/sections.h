/* sections.h - the run's pre-pass over every file before any is linted:
 * the site generator its posts' syntax names (config/sitesyntax.h), and
 * for author-line, which categories of the site go unsigned
 * (checks/author_sections.h). */
#ifndef CIV_DRIVER_SECTIONS_H
#define CIV_DRIVER_SECTIONS_H

#include "driver/run.h"

/* Reads the metadata of every file of the walk and counts, per category,
 * the pages that name an author and those that do not; the lint pass then
 * sees the counts (ctx->sections). Only with CIV_SECTION_MIN_PAGES files
 * or more, none of them standard input (which cannot be read twice). */
void civ_run_sections(civ_run *r);
/* Reads the raw bytes of each path (standard input excepted: it cannot be
 * read twice) into the evidence of its folder; civ_run_sections does it
 * for the walk, --print-config for its paths. */
void civ_run_scan_syntax(civ_run *r, const char *const *paths, size_t n);
/* For a text read once (standard input, a language-server document):
 * where no site configuration file names the generator, resolves the
 * settings again with the text's own syntax and points the linter at
 * them. */
void civ_run_own_syntax(civ_configs *cs, const civ_source *src, civ_file_settings *fs, civ_linter *fl);
void civ_run_sections_release(civ_run *r);

#endif
