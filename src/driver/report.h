/* report.h - the one way civlint talks about the run on standard error.
 *
 * Every message of the driver reaches stderr through these functions:
 * "civlint: error: ...", "civlint: warning: ...", "civlint: ..." (a note
 * about the run) and the error text of lower layers that carries its own
 * positions (rule packs, .civlint.yml). The formatted text is always
 * written with civ_term_write (base/termsafe.h): control and bidirectional
 * characters from a path, a post or a rule file become visible escapes, so
 * no input can rewrite the author's terminal. Findings are output, not
 * messages: the formatters write them (output/).
 *
 * Lower layers return their errors as strings and never print; only the
 * driver calls these. Each message is written under the stream's lock, so
 * a message is never cut by another thread's. */
#ifndef CIV_REPORT_H
#define CIV_REPORT_H

#include <stdio.h>

#include "base/util.h"

/* "civlint: error: MSG\n". A newline inside MSG is escaped (\x0A): one
 * message, one line. */
void civ_report_error(const char *fmt, ...) CIV_PRINTF(1, 2);

/* "civlint: warning: MSG\n", escaped like civ_report_error. */
void civ_report_warning(const char *fmt, ...) CIV_PRINTF(1, 2);

/* "civlint: MSG\n": what the run did ("fixed 3 findings in 1 file",
 * "spelling: ..."), escaped like civ_report_error. */
void civ_report_note(const char *fmt, ...) CIV_PRINTF(1, 2);

/* A message of several lines, each its own "civlint: error: LINE\n" (the
 * spellers' errors, one problem a line). */
void civ_report_error_lines(const char *fmt, ...) CIV_PRINTF(1, 2);

/* Error text of a lower layer that names its own positions, one or more
 * lines: "FILE:LINE:COL: error: ..." lines, each perhaps followed by the
 * source line and a caret ("   12 | text", "      | ^"), as the rule-pack
 * loader and the configuration parser return them. Newlines are kept, the
 * rest is escaped; a line that names no position and is not a source line
 * gets "civlint: error: ". */
void civ_report_located(const char *fmt, ...) CIV_PRINTF(1, 2);

/* A line with no prefix (the closing count of findings on a terminal). */
void civ_report_line(const char *fmt, ...) CIV_PRINTF(1, 2);

/* Where messages go: stderr unless set (the unit tests pass a temporary
 * file). NULL restores stderr. */
void civ_report_set_stream(FILE *fp);

#endif
