/* window.h - a quoted source line cut to the terminal's width, as GCC 12
 * and rustc do: when the line is wider than the room beside the gutter,
 * show a window of it around the finding's span with '…' on each side
 * that was cut, and count the caret and fix-it lines in the window's
 * columns.
 *
 * Columns here are display columns of the line as the gcc format prints it
 * (tabs expanded to the tab stop, wide characters two, combining marks
 * none: base/termsafe.h's measure), counted from the start of the line. */
#ifndef CIV_OUTPUT_WINDOW_H
#define CIV_OUTPUT_WINDOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The shown part of a line: columns [s, e) of it, with '…' before when
 * s > 0 and after when e < the line's width. */
typedef struct {
    size_t s, e;
    bool cut_left, cut_right;
} civ_window;

/* Fits a line `len` columns wide into `room` columns (0: never cut) so
 * that the span [ws, we) shows: the whole line when it fits; else the
 * start of the line when the span is in it (the line reads from its
 * start), else the span with as much context on each side as the room
 * leaves (centred, then pushed against the end of the line it is near); a span wider than the
 * room shows from its start and is cut. Each '…' takes one column of the
 * room. A room under 8 columns is taken as 8. */
void civ_window_fit(size_t len, size_t ws, size_t we, size_t room, civ_window *w);

/* Where line column c prints in the window: its column from the start of
 * the printed text ('…' included). Columns left of the window give 0 and
 * columns right of it the window's width. */
size_t civ_window_col(const civ_window *w, size_t c);

/* The printed width of the window: its columns and its '…'s. */
size_t civ_window_width(const civ_window *w);

/* Writes the window of line[0..n) to fp the way termsafe's quoted lines
 * are written (tabs as spaces, unsafe characters as U+FFFD), '…' on the
 * cut sides. A character that the window's edge cuts through (a wide
 * one, a tab) is shown as spaces, so the columns stay right. Bytes
 * [hs, he) of the line are wrapped in `on` and `off` (colour) when both
 * are given. */
void civ_window_put(FILE *fp, const char *line, size_t n, const civ_window *w, size_t hs, size_t he,
                    const char *on, const char *off);

/* civ_window_put reading the line from byte i0, a character boundary at
 * column col0 at or left of the window's start (a checkpoint of the
 * caller's), so a window far along a long line costs its own width, not
 * the line's. civ_window_put is this from 0, 0. */
void civ_window_put_from(FILE *fp, const char *line, size_t n, size_t i0, size_t col0, const civ_window *w,
                         size_t hs, size_t he, const char *on, const char *off);

/* The display columns of the character (or unsafe byte) at byte i of
 * line[0..n), which starts at column col (a tab reaches the next tab
 * stop); *len gets its length in bytes. The sum over a line is its width
 * as civ_term_width measures it in a quoted line. */
size_t civ_window_unit(const char *line, size_t n, size_t i, size_t col, size_t *len);

/* Writes s[0..n) with civ_term_put's `flags`, cut to `max` columns with a
 * '…' in the last one when it is wider (max 0: never cut); returns the
 * columns written. For the fix-it lines under a window. */
size_t civ_window_put_text(FILE *fp, const char *s, size_t n, size_t max, unsigned flags);

#endif
