/* atomic.h - replacing a file so that readers see the old or the new
 * contents, never half of one: write a temporary file in the same folder,
 * flush it to disk, then rename it over the target. Used by --fix and
 * --write-baseline. */
#ifndef CIV_ATOMIC_H
#define CIV_ATOMIC_H

#include <stdbool.h>
#include <stddef.h>

/* Writes data[0..len) to path atomically. An existing file keeps its
 * permission bits; a new one gets 0666 minus the umask. Symbolic links are
 * followed (the link's target is replaced, the link stays). Returns false
 * and sets *err (heap, caller frees) on failure, leaving path untouched. */
bool civ_write_atomic(const char *path, const char *data, size_t len, char **err);

#endif
