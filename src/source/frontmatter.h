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
 * Every top-level key is also kept as a civ_fm_field with its strings, so a
 * check can read the keys a site uses (`by`, `byline`, `Author`...) in any
 * of the formats. The date is the first of `date`, `published`, `pubDate`
 * (case-insensitive) that has a value.
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

/* One top-level key of the metadata and its strings: a scalar; a list's
 * scalars and the `name` of its mappings; a mapping's `name`, or its
 * `created` (MkDocs Material's `date: {created: ...}`). Empty strings, YAML
 * nulls, numbers and booleans in lists give no value: `author: ''` and
 * `authors: []` are fields with nvalues == 0. */
typedef struct {
    const char *key;        /* as written */
    const char **values;    /* heap array; the strings are owned as below */
    size_t nvalues;
    size_t off;             /* source offset of the key (or of the metadata) */
} civ_fm_field;

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
    const char *date_key;   /* the key it came from, as written */
    civ_fm_field *fields;   /* every top-level key (heap) */
    size_t nfields;
    char *error;            /* a problem to report (heap), else NULL */
    size_t error_off;       /* where to report it */
    civ_ydoc *yaml;         /* owns the strings above (YAML) */
    char *owned;            /* owns them (headers, TOML) */
    void *json;             /* owns them (JSON: a jansson json_t) */
    void *toml;             /* owns them (TOML: a civ_toml_meta, heap) */
} civ_frontmatter;

/* Finds and parses front matter in src. Never fails: problems (never closed,
 * not YAML, not a mapping, aliases) are stored in fm->error and the body then
 * starts where parsing could resume. Release with civ_frontmatter_release. */
void civ_frontmatter_parse(const civ_source *src, civ_frontmatter *fm);
void civ_frontmatter_release(civ_frontmatter *fm);

/* The field whose key is `key` without regard to ASCII case, or NULL; the
 * first one when several differ only in case. */
const civ_fm_field *civ_frontmatter_field(const civ_frontmatter *fm, const char *key);

#endif
