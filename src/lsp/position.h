/* position.h - LSP positions <-> byte offsets in a document's UTF-8 text.
 *
 * An LSP position is a 0-based line and a 0-based character offset counted
 * in the units of the negotiated position encoding: UTF-8 bytes, UTF-16
 * code units (the protocol's default; a character outside the BMP, an
 * emoji, counts 2) or UTF-32 code points. Lines end at "\n", "\r\n" or a
 * lone "\r", as the protocol says. civlint itself works in byte offsets,
 * so the server converts at its edges only: incoming edits and requests,
 * outgoing diagnostics and edits. */
#ifndef CIV_LSP_POSITION_H
#define CIV_LSP_POSITION_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { CIV_LSP_UTF8, CIV_LSP_UTF16, CIV_LSP_UTF32 } civ_lsp_enc;

/* The protocol's name of an encoding ("utf-16"), and back (false: none). */
const char *civ_lsp_enc_name(civ_lsp_enc e);
bool civ_lsp_enc_parse(const char *name, civ_lsp_enc *out);

typedef struct {
    size_t line, ch;
} civ_lsp_pos;

/* The start offset of every line of a text (at least one line). */
typedef struct {
    const char *text; /* borrowed */
    size_t len;
    size_t *starts;
    size_t n;
} civ_lsp_lines;

void civ_lsp_lines_init(civ_lsp_lines *l, const char *text, size_t len);
void civ_lsp_lines_release(civ_lsp_lines *l);

/* The byte offset of p. A line past the last gives the end of the text; a
 * character past the end of its line gives the end of the line (before its
 * terminator), as the protocol asks; one inside a character (half of a
 * UTF-16 surrogate pair, a byte inside a UTF-8 sequence) gives that
 * character's start. */
size_t civ_lsp_offset(const civ_lsp_lines *l, civ_lsp_enc e, civ_lsp_pos p);

/* The position of byte offset off (clamped to the text). */
civ_lsp_pos civ_lsp_position(const civ_lsp_lines *l, civ_lsp_enc e, size_t off);

/* As civ_lsp_position, walking from a known point: byte offset `from` at
 * position `at`. When off is on that line at or after it, the cost is the
 * distance, not the column, so findings on one long line (sorted) cost
 * their count, not its square; otherwise as civ_lsp_position. */
civ_lsp_pos civ_lsp_position_from(const civ_lsp_lines *l, civ_lsp_enc e, size_t from,
                                  civ_lsp_pos at, size_t off);

/* The offset just after the content of 0-based line (before "\n", "\r\n"
 * or "\r"); the end of the text past the last line. */
size_t civ_lsp_line_end(const civ_lsp_lines *l, size_t line);

/* -1, 0 or 1 as a is before, at or after b. */
int civ_lsp_pos_cmp(civ_lsp_pos a, civ_lsp_pos b);

#endif
