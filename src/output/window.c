/* window.c - see window.h. */
#include "output/window.h"

#include <stdint.h>

#include "base/termsafe.h"
#include "base/utf8.h"

#define QUOTE_FLAGS ((unsigned)(CIV_TERM_EXPAND_TABS | CIV_TERM_REPLACE))
#define ELLIPSIS "\xE2\x80\xA6" /* U+2026, one column */
#define MIN_ROOM 8

void civ_window_fit(size_t len, size_t ws, size_t we, size_t room, civ_window *w)
{
    *w = (civ_window){0, len, false, false};
    if (!room || len <= room)
        return;
    if (room < MIN_ROOM)
        room = MIN_ROOM;
    size_t sw = we > ws ? we - ws : 1; /* an empty span still has its caret */
    size_t inner = room - 2;           /* the columns left by two '…' */
    size_t s = ws;
    if (ws + sw <= room - 1) {
        s = 0; /* the span shows with the start of the line: cut the end only */
    } else if (sw <= inner) {
        size_t side = (inner - sw) / 2; /* the same context on each side */
        s = ws > side ? ws - side : 0;
    }
    size_t e = s + inner;
    if (s == 0) {
        e = room - 1; /* no '…' on the left: one more column of text */
    } else if (e >= len) {
        e = len; /* near the end: no '…' on the right */
        s = len - (room - 1);
    }
    *w = (civ_window){s, e, s > 0, e < len};
}

size_t civ_window_col(const civ_window *w, size_t c)
{
    if (c < w->s)
        return 0;
    if (c > w->e)
        return civ_window_width(w);
    return c - w->s + (w->cut_left ? 1 : 0);
}

size_t civ_window_width(const civ_window *w)
{
    return w->e - w->s + (w->cut_left ? 1 : 0) + (w->cut_right ? 1 : 0);
}

static void spaces(FILE *fp, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fputc(' ', fp);
}

/* see window.h */
size_t civ_window_unit(const char *line, size_t n, size_t i, size_t col, size_t *len)
{
    uint32_t cp;
    size_t l = civ_utf8_decode((const unsigned char *)line + i, n - i, &cp);
    *len = l ? l : 1;
    if (l && cp == '\t')
        return CIV_TERM_TABSTOP - col % CIV_TERM_TABSTOP;
    return civ_term_width(line + i, *len, QUOTE_FLAGS);
}

/* The '[' of "##[": a GitHub workflow command if the line reaches a CI
 * log. civ_term_put catches it within one call, but the window writes a
 * unit at a time, so the "##" before it is out of that call's sight. */
static bool forged_bracket(const char *line, size_t i)
{
    return line[i] == '[' && i >= 2 && line[i - 1] == '#' && line[i - 2] == '#';
}

void civ_window_put(FILE *fp, const char *line, size_t n, const civ_window *w, size_t hs, size_t he,
                    const char *on, const char *off)
{
    civ_window_put_from(fp, line, n, 0, 0, w, hs, he, on, off);
}

void civ_window_put_from(FILE *fp, const char *line, size_t n, size_t i0, size_t col0, const civ_window *w,
                         size_t hs, size_t he, const char *on, const char *off)
{
    bool colour = on && off, lit = false, shown = false;
    if (w->cut_left)
        fputs(ELLIPSIS, fp);
    size_t col = col0, i = i0;
    while (i < n && col <= w->e) {
        size_t len, cw = civ_window_unit(line, n, i, col, &len);
        /* a combining mark goes with the character before it */
        bool whole = cw ? col >= w->s && col + cw <= w->e : shown && col <= w->e;
        bool part = cw && !whole && col < w->e && col + cw > w->s;
        bool hl = colour && i >= hs && i < he;
        if ((whole || part) && hl != lit) {
            fputs(hl ? on : off, fp);
            lit = hl;
        }
        if (whole && line[i] == '\t')
            spaces(fp, cw);
        else if (whole && forged_bracket(line, i))
            fputs("\xEF\xBF\xBD", fp); /* U+FFFD, as termsafe shows it in a quoted line */
        else if (whole)
            civ_term_put(fp, line + i, len, QUOTE_FLAGS);
        else if (part) /* cut by the window's edge: keep the columns */
            spaces(fp, (col + cw < w->e ? col + cw : w->e) - (col > w->s ? col : w->s));
        shown = whole;
        col += cw;
        i += len;
    }
    if (lit)
        fputs(off, fp);
    if (w->cut_right)
        fputs(ELLIPSIS, fp);
}

size_t civ_window_put_text(FILE *fp, const char *s, size_t n, size_t max, unsigned flags)
{
    if (!max || civ_term_width(s, n, flags) <= max)
        return civ_term_put(fp, s, n, flags);
    size_t col = 0, i = 0;
    while (i < n) { /* the longest prefix that leaves a column for '…' */
        uint32_t cp;
        size_t l = civ_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        l = l ? l : 1;
        size_t cw = civ_term_width(s + i, l, flags);
        if (s[i] == '\t')
            cw = CIV_TERM_TABSTOP - col % CIV_TERM_TABSTOP;
        if (col + cw > max - 1)
            break;
        col += cw;
        i += l;
    }
    civ_term_put(fp, s, i, flags);
    fputs(ELLIPSIS, fp);
    return col + 1;
}
