/* baseline.h - accepting today's findings so a gate fails only on new ones.
 *
 * `--write-baseline FILE` records every finding as a fingerprint: a hash of
 * the rule, the file path and the whitespace-normalised text of the span
 * and of the sentence around it (on the span's lines). Line and column are
 * not part of it, so a baselined finding stays baselined when text is
 * added or removed elsewhere in the post. Identical findings (the same
 * misspelling twice in one sentence) share a fingerprint and are counted.
 *
 * `--baseline FILE` then drops findings that match an entry (each entry
 * absorbs at most its count), and counts the entries of the linted files
 * that nothing matched any more: fixed findings, "gone".
 *
 * The file is text, one entry a line, tab-separated and sorted:
 *     FINGERPRINT  COUNT  RULE  PATH  TEXT
 * (TEXT, the span, is for the reader; tabs, newlines and backslashes in
 * PATH and TEXT are written \t, \n and \\). Lines starting with '#' are
 * comments. */
#ifndef CIV_BASELINE_H
#define CIV_BASELINE_H

#include <stdbool.h>
#include <stdint.h>

#include "diag/diag.h"
#include "source/source.h"

typedef struct civ_baseline civ_baseline;

civ_baseline *civ_baseline_new(void);
void civ_baseline_free(civ_baseline *b);

/* The fingerprint of d in src, linted as `path`. */
uint64_t civ_fingerprint(const char *path, const civ_source *src, const civ_diag *d);

/* The format civ_baseline_write writes and civ_baseline_load reads: the
 * first line is "# civlint baseline 1: ...". A baseline of another version
 * is refused (its fingerprints may mean something else), not misread. */
#define CIV_BASELINE_VERSION 1

/* Largest baseline read (about 300,000 entries). */
#define CIV_BASELINE_MAX ((size_t)64 << 20)

/* Reads a baseline file: a regular file of at most CIV_BASELINE_MAX bytes
 * whose first line names CIV_BASELINE_VERSION, then entries with counts
 * of at least 1. Returns NULL and sets *err (heap) on a missing,
 * unreadable (folder, FIFO, device), too large or malformed file
 * ("FILE:LINE: error: ..."). */
civ_baseline *civ_baseline_load(const char *file, char **err);

/* Records every finding of one file (for --write-baseline). */
void civ_baseline_add(civ_baseline *b, const char *path, const civ_source *src,
                      const civ_diags *d);
/* Writes the baseline atomically (a device, FIFO or /dev/stdout as it is;
 * a read-only file only when force). False with *err (heap) on failure. */
bool civ_baseline_write(const civ_baseline *b, const char *file, bool force, char **err);
/* The number of findings recorded (counts summed). */
size_t civ_baseline_total(const civ_baseline *b);

/* Removes from d the findings the baseline holds and returns how many. */
size_t civ_baseline_filter(civ_baseline *b, const char *path, const civ_source *src,
                           civ_diags *d);
/* Makes the entries of `path` available again (after --fix re-linted a
 * file, its findings are matched afresh). */
void civ_baseline_reset(civ_baseline *b, const char *path);
/* Entries of files passed to civ_baseline_filter that matched nothing
 * (counts summed): findings fixed since the baseline was written. */
size_t civ_baseline_gone(const civ_baseline *b);

#endif
