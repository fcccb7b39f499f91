/* packtext.h - the text of a rule pack being loaded, for its error messages.
 *
 * Every error of the pack loader names the file, line and column of the
 * offending YAML node; a bad pattern also shows its line with a caret under
 * the byte pcre2 stopped at. The loader keeps the text it parsed here, so
 * the caret is drawn from those bytes (the file is not read again). */
#ifndef CIV_PACKTEXT_H
#define CIV_PACKTEXT_H

#include <stddef.h>

#include "base/util.h"
#include "base/yamltree.h"

typedef struct {
    const char *path;  /* the file, as shown in messages */
    const char *text;  /* the bytes the YAML was parsed from (no BOM) */
    size_t len;
} civ_packtext;

/* The 1-based line and column (in code points) of byte offset off. Lines
 * end at LF, CRLF or a lone CR, as the YAML parser counts them. */
void civ_packtext_position(const civ_packtext *t, size_t off, size_t *line, size_t *col);

/* "PATH:LINE:COL: error: MESSAGE" at node n (heap, caller frees). */
char *civ_packtext_error(const civ_packtext *t, const civ_ynode *n, const char *fmt, ...)
    CIV_PRINTF(3, 4);

/* A pattern compile error: "PATH:LINE:COL: error: bad pattern in WHAT:
 * MSG", then the line of `node` (the YAML scalar holding the pattern) and a
 * caret under the offending offset err_off of the pattern. The caret sits
 * exactly under it when the scalar is on one line and its bytes are the
 * pattern's (plain, or quoted without escapes); otherwise it points at the
 * scalar's start. Returns a heap string. */
char *civ_packtext_regex_error(const civ_packtext *t, const civ_ynode *node, const char *what,
                               const char *msg, size_t err_off);

#endif
