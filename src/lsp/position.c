/* position.c - see position.h. */
#include "lsp/position.h"

#include <string.h>

#include "base/utf8.h"
#include "base/util.h"

const char *civ_lsp_enc_name(civ_lsp_enc e)
{
    return e == CIV_LSP_UTF8 ? "utf-8" : e == CIV_LSP_UTF32 ? "utf-32" : "utf-16";
}

bool civ_lsp_enc_parse(const char *name, civ_lsp_enc *out)
{
    static const char *const names[] = {"utf-8", "utf-16", "utf-32"};
    static const civ_lsp_enc encs[] = {CIV_LSP_UTF8, CIV_LSP_UTF16, CIV_LSP_UTF32};
    for (size_t i = 0; i < 3; i++) {
        if (strcmp(name, names[i]) == 0) {
            *out = encs[i];
            return true;
        }
    }
    return false;
}

void civ_lsp_lines_init(civ_lsp_lines *l, const char *text, size_t len)
{
    size_t cap = 0;
    l->text = text;
    l->len = len;
    l->starts = NULL;
    l->n = 0;
    *CIV_PUSH(l->starts, l->n, cap) = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
            i++;
        if (text[i] == '\n' || text[i] == '\r')
            *CIV_PUSH(l->starts, l->n, cap) = i + 1;
    }
}

void civ_lsp_lines_release(civ_lsp_lines *l)
{
    free(l->starts);
    l->starts = NULL;
    l->n = 0;
}

size_t civ_lsp_line_end(const civ_lsp_lines *l, size_t line)
{
    if (line + 1 >= l->n)
        return l->len;
    size_t end = l->starts[line + 1] - 1; /* the "\n" or lone "\r" */
    if (l->text[end] == '\n' && end > l->starts[line] && l->text[end - 1] == '\r')
        end--;
    return end;
}

/* The length of the character at s[0..n) in bytes and in e's units. */
static size_t char_at(const char *s, size_t n, civ_lsp_enc e, size_t *units)
{
    uint32_t cp;
    size_t k = civ_utf8_decode((const unsigned char *)s, n, &cp);
    if (!k)
        k = 1; /* not UTF-8 (never from JSON text): one byte, one unit */
    *units = e == CIV_LSP_UTF8 ? k : e == CIV_LSP_UTF16 && cp > 0xFFFF ? 2 : 1;
    return k;
}

size_t civ_lsp_offset(const civ_lsp_lines *l, civ_lsp_enc e, civ_lsp_pos p)
{
    if (p.line >= l->n)
        return l->len;
    size_t off = l->starts[p.line], end = civ_lsp_line_end(l, p.line);
    size_t u = 0;
    while (off < end) {
        size_t units, k = char_at(l->text + off, end - off, e, &units);
        if (u + units > p.ch)
            break;
        u += units;
        off += k;
    }
    return off;
}

/* The 0-based line holding off (binary search). */
static size_t line_of(const civ_lsp_lines *l, size_t off)
{
    size_t lo = 0, hi = l->n; /* the last line starting at or before off */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Walks line p.line from byte i (at p) to off. */
static civ_lsp_pos walk(const civ_lsp_lines *l, civ_lsp_enc e, size_t i, civ_lsp_pos p, size_t off)
{
    size_t end = civ_lsp_line_end(l, p.line);
    if (off > end)
        off = end; /* inside the line's terminator */
    while (i < off) {
        size_t units;
        i += char_at(l->text + i, off - i, e, &units);
        p.ch += units;
    }
    return p;
}

civ_lsp_pos civ_lsp_position(const civ_lsp_lines *l, civ_lsp_enc e, size_t off)
{
    if (off > l->len)
        off = l->len;
    size_t line = line_of(l, off);
    return walk(l, e, l->starts[line], (civ_lsp_pos){line, 0}, off);
}

civ_lsp_pos civ_lsp_position_from(const civ_lsp_lines *l, civ_lsp_enc e, size_t from,
                                  civ_lsp_pos at, size_t off)
{
    if (off > l->len)
        off = l->len;
    if (off < from || from < l->starts[at.line] || line_of(l, off) != at.line)
        return civ_lsp_position(l, e, off);
    return walk(l, e, from, at, off);
}

int civ_lsp_pos_cmp(civ_lsp_pos a, civ_lsp_pos b)
{
    if (a.line != b.line)
        return a.line < b.line ? -1 : 1;
    return a.ch < b.ch ? -1 : a.ch > b.ch ? 1 : 0;
}
