/* frontmatter.h - the post's metadata at the top of the file.
 *
 * Recognised, after any blank lines (a UTF-8 BOM is gone already, see
 * source.h):
 *   - YAML front matter, "---" ... "---" or "...": parsed with libyaml;
 *     title, author/authors and date are kept for the checks;
 *   - TOML front matter, "+++" ... "+++" (Hugo): parsed with toml++
 *     (tomlmeta.h); title, author/authors and date are read;
 *   - JSON front matter, a "{" line up to its matching "}" (Hugo): parsed
 *     with jansson; title, author/authors and date are read as from YAML;
 *   - Pelican / MultiMarkdown / Nikola headers: "Key: value" lines up to the
 *     first blank line, when one key is title, author(s) or date; Title,
 *     Author(s) (comma-separated) and Date are read.
 * The Markdown body starts on the line after the metadata and keeps its true
 * line numbers because civlint never renumbers. */
#ifndef CIV_FRONTMATTER_H
#define CIV_FRONTMATTER_H

#include <stdbool.h>
#include <stddef.h>

#include "source/source.h"
#include "base/yamltree.h"

typedef enum {
    CIV_FM_NONE,
    CIV_FM_YAML,
    CIV_FM_TOML,
    CIV_FM_JSON,
    CIV_FM_HEADERS,
} civ_fm_format;

typedef struct {
    bool present;           /* metadata was found at the top */
    civ_fm_format format;
    size_t start;           /* offset of its first line (after blank lines) */
    size_t body;            /* offset where the Markdown starts */
    const char *title;      /* NULL when absent */
    size_t title_off;       /* source offset of the title's bytes when they
                               appear verbatim (unescaped), else SIZE_MAX */
    const char **authors;   /* author or authors (string or list) */
    size_t nauthors;
    const char *date;       /* as written, NULL when absent */
    char *error;            /* a problem to report (heap), else NULL */
    size_t error_off;       /* where to report it */
    civ_ydoc *yaml;         /* owns the strings above (YAML) */
    char *owned;            /* owns them (headers, TOML) */
    void *json;             /* owns them (JSON: a jansson json_t) */
} civ_frontmatter;

/* Finds and parses front matter in src. Never fails: problems (never closed,
 * not YAML, not a mapping, aliases) are stored in fm->error and the body then
 * starts where parsing could resume. Release with civ_frontmatter_release. */
void civ_frontmatter_parse(const civ_source *src, civ_frontmatter *fm);
void civ_frontmatter_release(civ_frontmatter *fm);

#endif
