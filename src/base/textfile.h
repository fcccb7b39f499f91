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

/* Like civ_text_read, but an input longer than max bytes is not refused:
 * its head is returned and *cut is set (posts and --max-file-size: the
 * head of a huge post is still checked). The head is the first max bytes
 * cut back to the last line break in their second half, or, with none
 * there, to a character boundary. Only max + 1 bytes are ever read. */
char *civ_text_read_head(const char *path, const char *name, size_t max, size_t *len, bool *cut, char **err);

/* True when path is a regular file of at most max bytes that can be
 * opened; else false with *err set (heap), in civ_text_read's words. For
 * files a library opens itself (hunspell's dictionaries): FIFOs, devices
 * and folders are refused before the library can block or read forever. */
bool civ_text_check_file(const char *path, size_t max, char **err);

/* True when data[0..len) can be read as UTF-8 text: false, with *err set
 * (heap), for UTF-16 (with or without a byte order mark) and for bytes with
 * a NUL (binary). */
bool civ_text_check(const char *name, const char *data, size_t len, char **err);

#endif
