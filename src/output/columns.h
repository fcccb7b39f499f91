/* columns.h - what several formats say about a span: line:column in the
 * units each consumer counts, and a fix-it in words. The model keeps byte
 * offsets; civ_source_position gives code-point columns (gcc, json, SARIF,
 * GitHub, checkstyle); reviewdog counts UTF-8 bytes. */
#ifndef CIV_OUTPUT_COLUMNS_H
#define CIV_OUTPUT_COLUMNS_H

#include <stddef.h>

#include "../diag.h"
#include "../source.h"

/* 1-based line and 1-based column in UTF-8 bytes of the file as it is on
 * disk (a UTF-8 BOM, stripped from civ_source.data, counts on line 1). */
void civ_position_bytes(const civ_source *src, size_t off, size_t *line, size_t *col);

/* A fix-it in words: "insert 'X'", "delete 'Y'" or "replace 'Y' with 'X'".
 * Heap string; the caller frees it. The text is raw (escape it for the
 * target format). */
char *civ_fix_describe(const civ_source *src, const civ_fix *fix);

#endif
