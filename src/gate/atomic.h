/* atomic.h - replacing a file without ever losing it.
 *
 * civlint only reads posts, but where it writes (baselines, --fix, a
 * generated config) a crash, a full disk or a kill in the middle of the
 * write must leave either the old file or the new one, never a truncated
 * mix. The new content goes to a temporary file in the same folder (so the
 * final rename(2) cannot cross file systems), is flushed to disk with
 * fsync, takes the original's permission bits without setuid/setgid (and
 * owner, when allowed, and extended attributes such as ACLs, where the
 * file system allows), and is renamed over the original; the folder is
 * then fsynced so the rename itself survives a power cut. A symbolic link
 * is followed: its target is replaced and the link stays a link.
 *
 * Never lost, never a stray file: the temporary is an unnamed O_TMPFILE
 * where the file system has them (a run killed while writing leaves
 * nothing) and gets its name only for the rename; a named temporary is
 * removed on SIGINT, SIGTERM and SIGHUP by a handler (installed on first
 * use where the signal's action is the default). Its name fits NAME_MAX
 * for any legal file name. Refused, with a message and the original
 * untouched: a folder, a device, FIFO or socket (unless written in place,
 * below), a read-only file (unless forced), a file with several hard
 * links (replacing one name would split it from the others), a target
 * that stopped being a regular file, and, with `expect`, a file that
 * changed (inode, size or mtime) since the caller read it.
 *
 * Use civ_atomic_write for a buffer, or civ_atomic_open / _commit for a
 * stream (a formatter writing to a FILE *). Errors are returned as heap
 * messages without the "civlint: error:" prefix (caller frees). */
#ifndef CIV_ATOMIC_H
#define CIV_ATOMIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/stat.h>

typedef struct civ_atomic civ_atomic;

typedef struct {
    bool force;             /* replace a read-only file too (--force) */
    bool devices_in_place;  /* a character device or FIFO (/dev/null, a
                               pipe), and /dev/stdout, /dev/stderr,
                               /dev/fd/N, are written as they are, not
                               replaced: the user's plain intent */
    const struct stat *expect; /* the original as the caller read it;
                                  commit refuses when it changed since */
} civ_atomic_opts;

/* Creates the temporary file next to `path` (".NAME.civlint-XXXXXX").
 * Returns NULL and sets *err when the folder is not writable or `path` is a
 * directory. Finish with exactly one of civ_atomic_commit or
 * civ_atomic_abort, which free the handle. */
civ_atomic *civ_atomic_open(const char *path, char **err);
/* The same with options (NULL: all off). */
civ_atomic *civ_atomic_open_opts(const char *path, const civ_atomic_opts *o, char **err);

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
bool civ_atomic_write_opts(const char *path, const void *data, size_t len, const civ_atomic_opts *o,
                           char **err);

#endif
