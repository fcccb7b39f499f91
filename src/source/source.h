/* source.h - one input file as bytes: reading, UTF-8 validation, the line
 * index and byte offset -> line:column conversion.
 *
 * Every position inside civlint is a byte offset into civ_source.data; lines
 * and columns are computed only when a diagnostic is printed (columns would
 * otherwise have to be kept in sync with every edit of the model). */
#ifndef CIV_SOURCE_H
#define CIV_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/textfile.h"

typedef struct {
    size_t off;          /* offset of the invalid byte in data */
    unsigned char byte;  /* its original value (data holds '?' there) */
} civ_bad_byte;

typedef struct civ_source {
    char *name;          /* the path shown in diagnostics */
    char *data;          /* the file without its UTF-8 BOM, NUL-terminated;
                            each byte of an invalid UTF-8 sequence is
                            replaced by '?' so every later stage sees valid
                            UTF-8 at unchanged offsets */
    size_t len;
    size_t *lines;       /* offset of the first byte of each line */
    size_t nlines;
    civ_bad_byte *bad;   /* invalid UTF-8 bytes, in order */
    size_t nbad;
    bool had_bom;
    bool truncated;      /* civ_source_read_head kept only the file's head */
    /* The last position computed, so that positions asked in increasing
     * order on one long line cost O(distance), not O(column): thousands of
     * findings on a 1 MB line would otherwise be quadratic. A source is
     * used by one thread at a time, so the cache needs no lock. */
    size_t pos_line, pos_off, pos_col;
    size_t u16_line, u16_off, u16_col; /* the same for UTF-16 columns */
} civ_source;

/* Largest file civlint reads, so one huge input cannot exhaust memory.
 * Measured (README, Reliability): cmark-gfm's tree and the model take 35 to
 * 110 times the input's size at peak, so 16 MB bounds a run near 2 GB; real
 * posts are under 1 MB. Larger files are skipped with an error. */
#define CIV_SOURCE_MAX_DEFAULT CIV_TEXT_MAX_DEFAULT

/* Reads `path` ("-" means standard input) and builds the line index. `name`
 * is the path to show (NULL: use `path`). Returns NULL on failure and sets
 * *err to a heap message without the "civlint: error:" prefix (caller frees):
 * unreadable path, not a regular file, binary (NUL bytes), UTF-16, too large.
 * The caller frees the result with civ_source_free. */
civ_source *civ_source_read(const char *path, const char *name, size_t max,
                            char **err);

/* Like civ_source_read, but a file larger than max bytes is not refused:
 * its head (civ_text_read_head: the first max bytes, cut back to a line
 * break in their second half or else to a character boundary) becomes
 * the source, with `truncated` set. Posts are
 * read this way (--max-file-size): the head of a huge post is checked and
 * the driver says how much was not. */
civ_source *civ_source_read_head(const char *path, const char *name, size_t max, char **err);

/* Builds a source from memory (copied); never fails except on NUL bytes,
 * where it returns NULL and sets *err. Used by tests and the fuzzer. */
civ_source *civ_source_from_memory(const char *name, const char *data,
                                   size_t len, char **err);

void civ_source_free(civ_source *src);

/* Converts a byte offset (0..len) into a 1-based line and a 1-based column
 * counted in Unicode code points (updates the position cache, hence the
 * cast inside: the answer never depends on it). Offsets inside a CRLF pair or past the end
 * are clamped to the line they belong to. */
void civ_source_position(const civ_source *src, size_t off, size_t *line,
                         size_t *col);

/* The same, the column counted in UTF-16 code units (two for a character
 * above U+FFFF), as VS Code, LSP clients and JavaScript count; its own
 * cache makes increasing offsets on one line O(distance). */
void civ_source_position_utf16(const civ_source *src, size_t off, size_t *line, size_t *col);

/* The 0-based line index containing `off` (binary search). */
size_t civ_source_line_of(const civ_source *src, size_t off);

/* The bytes of 1-based `line` without its line terminator. */
void civ_source_line(const civ_source *src, size_t line, size_t *start,
                     size_t *end);

/* Offset of 1-based line and 1-based *byte* column (as cmark reports them),
 * clamped to the end of that line's content. */
size_t civ_source_offset(const civ_source *src, size_t line, size_t bytecol);

#endif
