/* textfile.h - reading a text file into memory, with the limits and the
 * refusals every input shares: not a regular file, too large, UTF-16,
 * binary (NUL bytes). Posts (source.h) and rule packs (rules.h) read
 * through here, so they refuse the same files with the same messages. */
#ifndef CIV_TEXTFILE_H
#define CIV_TEXTFILE_H

#include <stdbool.h>
#include <stddef.h>

/* Largest file civlint reads, so one huge input cannot exhaust memory
 * (source.h says how it was chosen). */
#define CIV_TEXT_MAX_DEFAULT ((size_t)16 << 20)

/* Reads `path` ("-" means standard input) into a heap buffer of *len bytes
 * plus a NUL byte (caller frees). `name` is the path to show (NULL: path).
 * Returns NULL and sets *err to a heap message without the "civlint:
 * error:" prefix (caller frees): unreadable path, not a regular file, larger
 * than max bytes, UTF-16 or binary (civ_text_check). */
char *civ_text_read(const char *path, const char *name, size_t max, size_t *len, char **err);

/* True when data[0..len) can be read as UTF-8 text: false, with *err set
 * (heap), for UTF-16 (with or without a byte order mark) and for bytes with
 * a NUL (binary). */
bool civ_text_check(const char *name, const char *data, size_t len, char **err);

#endif
