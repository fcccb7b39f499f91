/* source.c - see source.h. */
#include "source/source.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/textfile.h"
#include "base/utf8.h"
#include "base/util.h"
#include "base/work.h"

/* Lines end at LF, CRLF or a lone CR, exactly as CommonMark (and therefore
 * cmark's line numbers) defines them. */
static void build_line_index(civ_source *s)
{
    size_t cap = 0;
    s->lines = NULL;
    s->nlines = 0;
    *CIV_PUSH(s->lines, s->nlines, cap) = 0;
    /* memchr finds LF with word-at-a-time scanning; a lone CR is rare, so
     * it is looked for only when the file has one at all. */
    const char *d = s->data;
    bool has_cr = memchr(d, '\r', s->len) != NULL;
    for (size_t i = 0; i < s->len; i++) {
        if (!has_cr) {
            const char *nl = memchr(d + i, '\n', s->len - i);
            if (!nl)
                break;
            i = (size_t)(nl - d);
        }
        char c = d[i];
        if (c == '\r' && i + 1 < s->len && d[i + 1] == '\n')
            i++;
        else if (c != '\n' && c != '\r')
            continue;
        if (i + 1 < s->len)
            *CIV_PUSH(s->lines, s->nlines, cap) = i + 1;
    }
}

static void validate_utf8(civ_source *s)
{
    const unsigned char *u = (const unsigned char *)s->data;
    size_t cap = 0, i = 0;
    while (i < s->len) {
        /* ASCII fast path: eight bytes at a time while none has the high
         * bit set (most of an English post). */
        while (i + 8 <= s->len) {
            uint64_t w;
            memcpy(&w, u + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= s->len)
            break;
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t l = civ_utf8_decode(u + i, s->len - i, &cp);
        if (l) {
            i += l;
            continue;
        }
        civ_bad_byte *b = CIV_PUSH(s->bad, s->nbad, cap);
        b->off = i;
        b->byte = u[i];
        s->data[i] = '?';
        i++;
    }
}

/* The source of text that passed civ_text_check (textfile.h): without its
 * BOM, validated, indexed. Takes data (len + 1 bytes). */
static civ_source *finish(const char *name, char *data, size_t len)
{
    civ_source *s = xcalloc(1, sizeof *s);
    s->name = xstrdup(name);
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        memmove(data, data + 3, len - 3);
        len -= 3;
        s->had_bom = true;
    }
    data[len] = '\0';
    s->data = data;
    s->len = len;
    validate_utf8(s);
    build_line_index(s);
    return s;
}

civ_source *civ_source_from_memory(const char *name, const char *data,
                                   size_t len, char **err)
{
    *err = NULL;
    if (!civ_text_check(name, data, len, err))
        return NULL;
    char *copy = xmalloc(len + 1);
    memcpy(copy, data, len);
    return finish(name, copy, len);
}

civ_source *civ_source_read(const char *path, const char *name, size_t max,
                            char **err)
{
    size_t len = 0;
    char *data = civ_text_read(path, name, max, &len, err);
    return data ? finish(name ? name : path, data, len) : NULL;
}

civ_source *civ_source_read_head(const char *path, const char *name, size_t max, char **err)
{
    size_t len = 0;
    bool cut = false;
    char *data = civ_text_read_head(path, name, max, &len, &cut, err);
    if (!data)
        return NULL;
    civ_source *s = finish(name ? name : path, data, len);
    s->truncated = cut;
    return s;
}

void civ_source_free(civ_source *s)
{
    if (!s)
        return;
    free(s->name);
    free(s->data);
    free(s->lines);
    free(s->bad);
    free(s);
}

size_t civ_source_line_of(const civ_source *s, size_t off)
{
    size_t lo = 0, hi = s->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->lines[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

void civ_source_line(const civ_source *s, size_t line, size_t *start, size_t *end)
{
    if (line < 1)
        line = 1;
    if (line > s->nlines)
        line = s->nlines;
    size_t a = s->lines[line - 1];
    size_t b = line < s->nlines ? s->lines[line] : s->len;
    while (b > a && (s->data[b - 1] == '\n' || s->data[b - 1] == '\r'))
        b--;
    *start = a;
    *end = b;
}

void civ_source_position(const civ_source *s, size_t off, size_t *line, size_t *col)
{
    if (off > s->len)
        off = s->len;
    size_t li = civ_source_line_of(s, off);
    *line = li + 1;
    civ_source *m = (civ_source *)s; /* the position cache only */
    size_t from = m->pos_line == li + 1 && off >= m->pos_off ? m->pos_off : s->lines[li];
    CIV_WORK(off - from + 1);
    if (from == m->pos_off && m->pos_line == li + 1)
        *col = m->pos_col + civ_utf8_count(s->data + m->pos_off, off - m->pos_off);
    else
        *col = civ_utf8_count(s->data + s->lines[li], off - s->lines[li]) + 1;
    /* only a character boundary can be counted from */
    if (off == s->len || ((unsigned char)s->data[off] & 0xC0) != 0x80) {
        m->pos_line = li + 1;
        m->pos_off = off;
        m->pos_col = *col;
    }
}

void civ_source_position_utf16(const civ_source *s, size_t off, size_t *line, size_t *col)
{
    if (off > s->len)
        off = s->len;
    size_t li = civ_source_line_of(s, off);
    *line = li + 1;
    civ_source *m = (civ_source *)s; /* the position cache only */
    bool cached = m->u16_line == li + 1 && off >= m->u16_off;
    size_t from = cached ? m->u16_off : s->lines[li];
    size_t units = cached ? m->u16_col : 1;
    CIV_WORK(off - from + 1);
    /* the data is valid UTF-8: a lead byte starts one unit, and a 4-byte
     * sequence (lead 0xF0-0xF4) is a surrogate pair */
    for (size_t i = from; i < off; i++) {
        unsigned char b = (unsigned char)s->data[i];
        units += ((b & 0xC0) != 0x80) + (b >= 0xF0);
    }
    *col = units;
    if (off == s->len || ((unsigned char)s->data[off] & 0xC0) != 0x80) {
        m->u16_line = li + 1;
        m->u16_off = off;
        m->u16_col = units;
    }
}

size_t civ_source_offset(const civ_source *s, size_t line, size_t bytecol)
{
    size_t a, b;
    if (line < 1)
        return 0;
    if (line > s->nlines)
        return s->len;
    civ_source_line(s, line, &a, &b);
    if (bytecol < 1)
        bytecol = 1;
    size_t off = a + bytecol - 1;
    return off > b ? b : off;
}
