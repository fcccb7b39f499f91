/* termsafe.h - the one writer of text that came from input files to a
 * terminal, and the one measure of how wide it prints.
 *
 * Paths, messages, quoted source lines and quoted YAML lines can hold bytes
 * from a post or a rule file: ANSI escape sequences (ESC [2J clears the
 * screen, OSC sequences set the window title or hyperlinks), BEL, C1
 * controls, bidirectional controls (U+202A-U+202E, U+2066-U+2069, which
 * reorder what the reader sees) and bytes that are not UTF-8. Everything
 * civlint prints for a terminal goes through here (the driver's messages,
 * the gcc format, the summary table), so a file cannot rewrite the author's
 * terminal, and every place shows the same bytes the same way.
 *
 * By default every unsafe code point and every invalid byte is made
 * visible as an escape: \xNN below U+0100 (and for invalid bytes),
 * \u{XXXX} above. TAB and newline are unsafe too (a file named a<TAB>b.md
 * prints as a\x09b.md); a context that needs them says so with a flag.
 *
 * CI logs are read by machines too: GitHub's runner takes a line that
 * holds "##[" anywhere, or starts with "::" after white space, for a
 * workflow command (an annotation, a masked secret, an output). So the
 * '[' of "##[" is escaped like an unsafe character (\x5B, or U+FFFD in
 * quoted lines), and so is the first ':' of a line-leading "::" (\x3A)
 * where the caller says a line starts (CIV_TERM_LINE_START, and after
 * each newline under CIV_TERM_NEWLINES). */
#ifndef CIV_TERMSAFE_H
#define CIV_TERMSAFE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* How civ_term_put shows TAB, newline and unsafe text; 0 is the strict
 * default (paths, one-line messages). Flags combine with |. */
enum {
    /* '\n' passes raw: a multi-line message (a quoted line and its caret) */
    CIV_TERM_NEWLINES = 1 << 0,
    /* '\t' passes raw: text whose tabs are content the reader expects to
     * see as space (the gcc format's messages and fix-its) */
    CIV_TERM_TABS = 1 << 1,
    /* '\t' becomes spaces to the next multiple of CIV_TERM_TABSTOP
     * columns from the start of the text: a quoted source line, so the
     * caret line under it can be counted in columns */
    CIV_TERM_EXPAND_TABS = 1 << 2,
    /* unsafe code points and invalid bytes become U+FFFD, one column,
     * instead of an escape: a quoted source line, so the caret stays under
     * the character it marks */
    CIV_TERM_REPLACE = 1 << 3,
    /* the text begins a line of the output (a path in the gcc format, a
     * message without prefix): a leading "::" after blanks is escaped
     * too, see below */
    CIV_TERM_LINE_START = 1 << 4,
};

#define CIV_TERM_TABSTOP 8

/* True for code points that must not reach a terminal raw: C0 controls
 * (TAB and LF included; see the flags), DEL, C1 controls, the
 * bidirectional formatting characters (U+061C, U+200E, U+200F,
 * U+202A-U+202E, U+2066-U+2069) and the noncharacters U+FFFE and U+FFFF.
 * U+2028 and U+2029 are not: terminals show them as a blank or a box,
 * they reorder nothing. */
bool civ_term_unsafe(uint32_t cp);

/* Writes s[0..n) to fp as `flags` say (see above) and returns the number
 * of columns printed since the last newline written (or since the start).
 * Safe text is written in runs, one fwrite per run. */
size_t civ_term_put(FILE *fp, const char *s, size_t n, unsigned flags);

/* The columns civ_term_put(fp, s, n, flags) would return, without writing
 * anywhere: 0 for combining marks and zero-width joiners, 2 for East Asian
 * wide characters and emoji, 1 for other printable code points, the length
 * of the escape for escaped ones, 1 for U+FFFD under CIV_TERM_REPLACE,
 * tabs to the next tab stop (under CIV_TERM_TABS too, as a terminal does
 * when the text starts at a tab stop). With CIV_TERM_NEWLINES the count
 * starts again after each newline. A locale-independent approximation of
 * wcwidth(). */
size_t civ_term_width(const char *s, size_t n, unsigned flags);

/* civ_term_put(fp, s, n, keep_newlines ? CIV_TERM_NEWLINES : 0); kept for
 * the driver's messages. */
void civ_term_write(FILE *fp, const char *s, size_t n, bool keep_newlines);

/* civ_term_write of a NUL-terminated string. */
void civ_term_puts(FILE *fp, const char *s, bool keep_newlines);

#endif
