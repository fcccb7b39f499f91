/* columns.h - what several formats say about a span: line:column in the
 * units each consumer counts, and a fix-it in words. The model keeps byte
 * offsets; civ_position (output.h) gives the columns of --columns (code
 * points by default) to gcc, json, SARIF, GitHub, checkstyle and Code
 * Climate; reviewdog always counts UTF-8 bytes of the file. */
#ifndef CIV_OUTPUT_COLUMNS_H
#define CIV_OUTPUT_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag/diag.h"
#include "source/source.h"

/* 1-based line and 1-based column in UTF-8 bytes of the file as it is on
 * disk (a UTF-8 BOM, stripped from civ_source.data, counts on line 1). */
void civ_position_bytes(const civ_source *src, size_t off, size_t *line, size_t *col);

/* Fingerprints of every finding of a file that do not depend on lines: for
 * each, a 64-bit FNV-1a hash of the rule, path, message and the span's
 * text, and how many identical findings precede it in the file (so each is
 * unique), as 16 hex digits. O(n log n) in the number of findings. GitLab
 * Code Quality and SARIF's partialFingerprints use them to follow a finding
 * across edits above it. Returns diags->n entries; the caller frees it. */
typedef char civ_print[17];
civ_print *civ_fingerprints(const char *path, const civ_source *src, const civ_diags *diags);

/* A fix-it in words, as a person reads it: "insert ' –'", "remove
 * 'Y'" or "replace 'Y' with 'X'". A lone space reads "a space", and text
 * made only of spaces and invisible characters (U+200B, U+00A0, controls)
 * reads as its code points ("replace U+00A0 with a space", "remove U+200B
 * x3"), since quotes would show nothing. Heap string; the caller frees it.
 * The text is raw (escape it for the target format). */
char *civ_fix_describe(const civ_source *src, const civ_fix *fix);

/* True when the fix is best shown as its new text under the old (a visible
 * replacement, "goverment" -> "government"); false for an insertion, a
 * deletion or invisible text, which civ_fix_describe says in words. */
bool civ_fix_reads_as_text(const civ_source *src, const civ_fix *fix);

#endif
