/* termsafe.h - writing text that came from input files to a terminal.
 *
 * Paths, messages and quoted YAML lines can hold bytes from a post or a rule
 * file: ANSI escape sequences (ESC [2J clears the screen, OSC sequences set
 * the window title or hyperlinks), BEL, C1 controls and bidirectional
 * controls (U+202A-U+202E, U+2066-U+2069, which reorder what the reader
 * sees). Everything civlint prints about the run goes through here, so a file
 * cannot rewrite the author's terminal. src/output/gcc.c applies the same
 * rule to diagnostics. */
#ifndef CIV_TERMSAFE_H
#define CIV_TERMSAFE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* True for code points that must not reach a terminal raw: C0 and C1
 * controls, DEL, and the bidirectional formatting characters. */
bool civ_term_unsafe(uint32_t cp);

/* Writes s[0..n) to fp with unsafe code points shown as \xNN (below U+0100)
 * or \u{XXXX}, and bytes that are not valid UTF-8 as \xNN. Tabs are kept;
 * newlines too when keep_newlines, else they become \x0A. */
void civ_term_write(FILE *fp, const char *s, size_t n, bool keep_newlines);

/* civ_term_write of a NUL-terminated string. */
void civ_term_puts(FILE *fp, const char *s, bool keep_newlines);

#endif
