/* postdate.h - the date a post carries, and where it was found.
 *
 * In order: the metadata's date (`date`, `published`, `pubDate`, any case,
 * from YAML, TOML, JSON front matter or a Pelican/MultiMarkdown header;
 * frontmatter.h), then the file name's "YYYY-MM-DD-" prefix (Jekyll's
 * _posts, Eleventy, Docusaurus and Pelican read it), or the folder's for a
 * page bundle (".../2024-03-10-slug/index.md", README.md). A metadata date
 * that does not start "YYYY-MM-DD" is not a date here (the file name may
 * still give one): the checks compute with days, not with free text. */
#ifndef CIV_POSTDATE_H
#define CIV_POSTDATE_H

#include <stdbool.h>

#include "source/frontmatter.h"
#include "source/source.h"

typedef enum { CIV_DATE_NONE, CIV_DATE_METADATA, CIV_DATE_FILE_NAME } civ_date_source;

typedef struct {
    long year;
    unsigned month, day;
    civ_date_source source;
    const char *key;   /* METADATA: the key as written (borrowed from fm) */
    bool header;       /* METADATA: a Pelican/MultiMarkdown header */
} civ_postdate;

/* Finds the post's date; false (out->source NONE) when it has none. */
bool civ_post_date(const civ_source *src, const civ_frontmatter *fm, civ_postdate *out);

/* Parses "YYYY-MM-DD" at the start of s, followed by the end, 'T', 't',
 * ' ' (a time) or, when `prefix`, any of "-_." (a file name). */
bool civ_date_parse(const char *s, bool prefix, long *y, unsigned *m, unsigned *d);

#endif
