/* atomic.h - replacing a file without ever losing it.
 *
 * civlint only reads posts, but where it writes (baselines, --fix, a
 * generated config) a crash, a full disk or a kill in the middle of the
 * write must leave either the old file or the new one, never a truncated
 * mix. The new content goes to a temporary file in the same folder (so the
 * final rename(2) cannot cross file systems), is flushed to disk with
 * fsync, takes the original's permission bits (and owner, when allowed),
 * and is renamed over the original; the folder is then fsynced so the
 * rename itself survives a power cut. A symbolic link is followed: its
 * target is replaced and the link stays a link.
 *
 * Use civ_atomic_write for a buffer, or civ_atomic_open / _commit for a
 * stream (a formatter writing to a FILE *). Errors are returned as heap
 * messages without the "civlint: error:" prefix (caller frees). */
#ifndef CIV_ATOMIC_H
#define CIV_ATOMIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct civ_atomic civ_atomic;

/* Creates the temporary file next to `path` (".NAME.civlint-XXXXXX").
 * Returns NULL and sets *err when the folder is not writable or `path` is a
 * directory. Finish with exactly one of civ_atomic_commit or
 * civ_atomic_abort, which free the handle. */
civ_atomic *civ_atomic_open(const char *path, char **err);

/* The stream to write the new content to (owned by the handle: do not
 * fclose it). */
FILE *civ_atomic_file(civ_atomic *a);

/* Flushes, fsyncs, copies the original's mode (a new file gets 0666 minus
 * the umask) and renames the temporary file over `path`. On failure the
 * temporary file is removed, `path` is untouched, and *err is set. Frees a
 * in every case. */
bool civ_atomic_commit(civ_atomic *a, char **err);

/* Removes the temporary file; `path` is untouched. Frees a. */
void civ_atomic_abort(civ_atomic *a);

/* Replaces `path` with data[0..len) as above. */
bool civ_atomic_write(const char *path, const void *data, size_t len, char **err);

#endif
