/* frontmatter.h - YAML front matter ("---" ... "---" or "..." at the top).
 *
 * The block is parsed with libyaml; title, author/authors and date are kept
 * for the checks. The Markdown body starts on the line after the closing
 * fence and keeps its true line numbers because civlint never renumbers. */
#ifndef CIV_FRONTMATTER_H
#define CIV_FRONTMATTER_H

#include <stdbool.h>
#include <stddef.h>

#include "source/source.h"
#include "base/yamltree.h"

typedef struct {
    bool present;           /* an opening fence was found on line 1 */
    size_t body;            /* offset where the Markdown starts */
    const char *title;      /* NULL when absent */
    size_t title_off;       /* source offset of the title's bytes when they
                               appear verbatim (unescaped), else SIZE_MAX */
    const char **authors;   /* author or authors (string or list) */
    size_t nauthors;
    const char *date;       /* as written, NULL when absent */
    char *error;            /* a problem to report (heap), else NULL */
    size_t error_off;       /* where to report it */
    civ_ydoc *yaml;         /* owns the strings above */
} civ_frontmatter;

/* Finds and parses front matter in src. Never fails: problems (never closed,
 * not YAML, not a mapping, aliases) are stored in fm->error and the body then
 * starts where parsing could resume. Release with civ_frontmatter_release. */
void civ_frontmatter_parse(const civ_source *src, civ_frontmatter *fm);
void civ_frontmatter_release(civ_frontmatter *fm);

#endif
