/* fix.h - applying fix-its: `--fix` rewrites files in place, `--diff`
 * prints the same changes as a unified diff for `git apply`.
 *
 * Only fixes marked safe (civ_fix.safe: the byline dash, substitutions,
 * look-alike letters) are applied; spelling suggestions never are. A file
 * whose safe fixes overlap (or insert at the same place) is left alone as a
 * whole: applying some of them would guess at the author's intent. Fixes
 * apply to the file's exact bytes (a UTF-8 BOM and invalid bytes are kept),
 * and the file is re-read first so a file changed since it was linted is
 * not overwritten. */
#ifndef CIV_FIX_H
#define CIV_FIX_H

#include <stdbool.h>
#include <stddef.h>

#include "diag/diag.h"
#include "source/source.h"
#include "base/util.h"

typedef enum {
    CIV_FIX_NOTHING,   /* no safe fix */
    CIV_FIX_DONE,      /* applied (or diffed) */
    CIV_FIX_OVERLAP,   /* fixes overlap; file untouched */
    CIV_FIX_FAILED,    /* read/write error in *err */
} civ_fix_result;

/* Applies the safe fixes of d to `raw` (the file's bytes; src->data plus
 * `shift` leading bytes such as a BOM). On CIV_FIX_DONE sets *out (heap)
 * and *nfixed; on CIV_FIX_OVERLAP sets *where to the source offset of the
 * second of two overlapping fixes. */
civ_fix_result civ_fix_text(const char *raw, size_t rawlen, size_t shift, const civ_diags *d,
                            char **out, size_t *outlen, size_t *nfixed, size_t *where);

/* Appends to `diff` a unified diff (3 lines of context) from old to new,
 * with headers "--- a/NAME" and "+++ b/NAME"; nothing when they are equal. */
void civ_fix_diff(civ_buf *diff, const char *name, const char *old, size_t oldlen,
                  const char *new_, size_t newlen);

/* --fix (diff == NULL) or --diff (diff != NULL) for one linted file: reads
 * `path` again ("-": uses src; only for --diff), applies the safe fixes of
 * d, and writes the file atomically (atomic.h: refused when it changed
 * since this read, is read-only and not `force`, or has several hard
 * links) or appends the diff under `name`. */
civ_fix_result civ_fix_file(const char *path, const char *name, const civ_source *src,
                            const civ_diags *d, civ_buf *diff, bool force, size_t *nfixed,
                            size_t *where, char **err);

#endif
