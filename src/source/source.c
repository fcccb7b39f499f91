/* source.c - see source.h. */
#include "source/source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/utf8.h"
#include "base/util.h"

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

/* UTF-16 without a byte order mark: in text that is mostly ASCII, every
 * other byte is NUL. Looks at the first 512 bytes: at least 90% of the
 * even (big-endian) or odd (little-endian) bytes NUL, and none of the other
 * half. Anything else with a NUL byte is treated as binary. */
static const char *looks_utf16(const char *data, size_t len)
{
    size_t n = len < 512 ? len : 512, pairs = n / 2;
    if (pairs < 2)
        return NULL;
    size_t nul[2] = {0, 0};
    for (size_t i = 0; i < 2 * pairs; i++)
        nul[i & 1] += data[i] == '\0';
    for (int k = 0; k < 2; k++)
        if (nul[k] * 10 >= pairs * 9 && nul[!k] == 0)
            return k ? "UTF-16LE" : "UTF-16BE";
    return NULL;
}

static civ_source *finish(const char *name, char *data, size_t len, char **err)
{
    if (len >= 2 && (((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE) ||
                     ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF))) {
        *err = xasprintf("'%s' is UTF-16 text; civlint reads UTF-8 (convert it with iconv -f UTF-16 -t UTF-8)", name);
        free(data);
        return NULL;
    }
    const char *nul = memchr(data, '\0', len);
    const char *utf16 = nul ? looks_utf16(data, len) : NULL;
    if (utf16) {
        *err = xasprintf("'%s' looks like %s text without a byte order mark; civlint reads UTF-8 (convert it with iconv -f %s -t UTF-8)",
                         name, utf16, utf16);
        free(data);
        return NULL;
    }
    if (nul) {
        *err = xasprintf("'%s' looks like a binary file (NUL byte at offset %zu); skipped",
                         name, (size_t)(nul - data));
        free(data);
        return NULL;
    }
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
    char *copy = xmalloc(len + 1);
    memcpy(copy, data, len);
    *err = NULL;
    return finish(name, copy, len, err);
}

static char *read_fd(int fd, const char *name, size_t max, size_t *len, char **err)
{
    /* The buffer never grows past max + 1 bytes: reading one byte more than
     * the limit is how a stream (standard input, a pipe) is known to be too
     * large, without holding more of it than that in memory. */
    size_t cap = max + 1 < 65536 ? max + 1 : 65536, n = 0;
    char *buf = xmalloc(cap + 1);
    for (;;) {
        if (n == cap) {
            if (cap >= max + 1) {
                *err = xasprintf("'%s' is larger than %zu MB; skipped", name, max >> 20);
                free(buf);
                return NULL;
            }
            cap = cap > (max + 1) / 2 ? max + 1 : cap * 2;
            buf = xrealloc(buf, cap + 1);
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            *err = xasprintf("cannot read '%s': %s", name, strerror(errno));
            free(buf);
            return NULL;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    if (n > max) {
        *err = xasprintf("'%s' is larger than %zu MB; skipped", name, max >> 20);
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

civ_source *civ_source_read(const char *path, const char *name, size_t max,
                            char **err)
{
    *err = NULL;
    if (!name)
        name = path;
    if (strcmp(path, "-") == 0) {
        size_t len;
        char *data = read_fd(0, name, max, &len, err);
        return data ? finish(name, data, len, err) : NULL;
    }
    /* O_NONBLOCK: opening a FIFO must not wait for a writer; we refuse
     * anything that is not a regular file right after. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *err = xasprintf("cannot open '%s': %s", name, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        *err = xasprintf("cannot read '%s': %s", name, strerror(errno));
        close(fd);
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        *err = xasprintf("cannot read '%s': Is a directory", name);
        close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        *err = xasprintf("'%s' is not a regular file; skipped", name);
        close(fd);
        return NULL;
    }
    if ((size_t)st.st_size > max) {
        *err = xasprintf("'%s' is larger than %zu MB; skipped", name, max >> 20);
        close(fd);
        return NULL;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    size_t len;
    char *data = read_fd(fd, name, max, &len, err);
    close(fd);
    return data ? finish(name, data, len, err) : NULL;
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
    if (m->pos_line == li + 1 && off >= m->pos_off)
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
