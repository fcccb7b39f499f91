/* loaderr.h - printing what went wrong loading configuration and rule packs.
 *
 * The loaders (config.h, rules.h) return their errors and never print. An
 * error is one or more lines: a line about a place in a file starts with
 * "FILE:LINE:COL: error: ", a line that quotes the file (a pattern and its
 * caret) starts with a space, and any other line ("cannot open rules folder
 * 'x': ...") is a message about the run, which is printed after the
 * "civlint: error: " prefix like every other such message. */
#ifndef CIV_DRIVER_LOADERR_H
#define CIV_DRIVER_LOADERR_H

#include <stdbool.h>
#include <stdio.h>

/* Prints err to fp, line by line as described above, each line ending in a
 * newline. With termsafe, control and bidirectional characters are shown
 * escaped (termsafe.h); without, the text is written as it is. */
void civ_load_error_print(FILE *fp, const char *err, bool termsafe);

#endif
