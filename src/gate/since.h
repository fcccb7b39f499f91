/* since.h - `--since GIT_REF`: keep only findings on lines changed since a
 * commit, so a merge request is judged on what it changed.
 *
 * The changed lines come from `git diff --unified=0 REF -- FILE` (the
 * working tree against REF, so uncommitted edits count): each hunk header
 * `@@ -a,b +c,d @@` marks new lines c..c+d-1. A file git does not track
 * counts as changed throughout. Pure deletions mark no line: a finding
 * caused only by removing text elsewhere (a section emptied by deleting
 * its paragraphs) is not reported - the trade-off of judging by lines.
 * git runs with posix_spawnp (no shell), its output read through a pipe.
 * No user value can become a git option: a ref starting with '-' is
 * refused, every ref is resolved with `rev-parse --verify --end-of-options
 * REF^{commit}` in the file's own repository and only the resulting hash
 * is passed on, and file names follow "--" under --literal-pathspecs (so
 * "[ab].md" is that file, not a glob). */
#ifndef CIV_SINCE_H
#define CIV_SINCE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag/diag.h"
#include "source/source.h"

typedef struct {
    size_t *lo, *hi;   /* 1-based, inclusive ranges of new lines */
    size_t n, cap;
    bool all;          /* every line counts (an untracked file) */
} civ_changed;

void civ_changed_init(civ_changed *c);
void civ_changed_release(civ_changed *c);
/* Adds the ranges of the hunk headers in a unified diff. Returns false when
 * a line starting with "@@ " is not a valid hunk header. */
bool civ_changed_parse(civ_changed *c, const char *diff, size_t len);
/* True when a line of l0..l1 (1-based, inclusive) changed. */
bool civ_changed_has(const civ_changed *c, size_t l0, size_t l1);

/* Checks that ref is not option-shaped (empty or starting with '-') and
 * names a commit in the current folder's repository. False with *err
 * (heap) otherwise; the repository check is skipped when the current folder
 * is not in a git work tree (each file's repository checks it then). */
bool civ_since_check_ref(const char *ref, char **err);
/* Fills c with the lines of `path` changed since ref, after verifying ref
 * in the repository of path's folder. */
bool civ_since_changed(const char *ref, const char *path, civ_changed *c, char **err);
/* Drops findings whose span touches no changed line; returns how many. */
size_t civ_since_filter(const civ_changed *c, const civ_source *src, civ_diags *d);

/* Runs argv[0] (searched in PATH) with argv, capturing stdout and stderr
 * together into *out (heap, NUL-terminated, caller frees). Returns the exit
 * status, or -1 when it could not run (then *out holds why). */
int civ_run_capture(char *const argv[], char **out, size_t *len);
/* The same with stdout only (stderr goes to /dev/null): for output that is
 * parsed, where a warning on stderr would corrupt a record. */
int civ_run_capture_stdout(char *const argv[], char **out, size_t *len);

#endif
