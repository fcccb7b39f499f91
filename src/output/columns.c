/* columns.c - see columns.h. */
#include "output/columns.h"
#include "output/output.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/termsafe.h"
#include "base/utf8.h"
#include "base/util.h"

void civ_position_bytes(const civ_source *src, size_t off, size_t *line, size_t *col)
{
    if (off > src->len)
        off = src->len;
    size_t li = civ_source_line_of(src, off);
    *line = li + 1;
    *col = off - src->lines[li] + 1 + (li == 0 && src->had_bom ? 3 : 0);
}

bool civ_columns_parse(const char *name, civ_columns *c)
{
    static const char *const names[] = {"codepoints", "bytes", "utf16"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(name, names[i]) == 0) {
            *c = (civ_columns)i;
            return true;
        }
    return false;
}

const char *civ_columns_name(civ_columns c)
{
    return c == CIV_COLUMNS_BYTES ? "bytes" : c == CIV_COLUMNS_UTF16 ? "utf16" : "codepoints";
}

void civ_position(civ_columns c, const civ_source *src, size_t off, size_t *line, size_t *col)
{
    if (c == CIV_COLUMNS_CODEPOINTS) {
        civ_source_position(src, off, line, col);
        return;
    }
    if (c == CIV_COLUMNS_UTF16) {
        civ_source_position_utf16(src, off, line, col);
        return;
    }
    if (off > src->len)
        off = src->len;
    size_t li = civ_source_line_of(src, off);
    *line = li + 1;
    *col = off - src->lines[li] + 1;
}

/* True for a code point a reader cannot see or tell from a space: the
 * ones a terminal must not get raw (controls, bidirectional controls),
 * zero-width characters, and the spaces other than U+0020. */
static bool unseen(uint32_t cp)
{
    return civ_term_unsafe(cp) || cp == 0x00A0 || cp == 0x00AD || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) ||
           cp == 0x202F || cp == 0x205F || cp == 0x2060 || cp == 0x3000 || cp == 0xFEFF;
}

/* True when s[0..n) holds only spaces and invisible characters: quoted,
 * it would show as nothing (or as blanks nobody can tell apart). */
static bool invisible(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t l = civ_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (!l || (cp != ' ' && !unseen(cp)))
            return false;
        i += l;
    }
    return n > 0;
}

/* Appends s[0..n) for a sentence: 'text' in quotes; a lone space as "a
 * space"; invisible text as its code points (U+200B, U+00A0 x3). */
static void show(civ_buf *b, const char *s, size_t n)
{
    if (n == 1 && s[0] == ' ') {
        civ_buf_puts(b, "a space");
        return;
    }
    if (!invisible(s, n)) {
        civ_buf_printf(b, "'%.*s'", (int)n, s);
        return;
    }
    for (size_t i = 0, first = 1; i < n; first = 0) {
        uint32_t cp, next;
        size_t l = civ_utf8_decode((const unsigned char *)s + i, n - i, &cp), run = 0;
        while (i < n && civ_utf8_decode((const unsigned char *)s + i, n - i, &next) == l && next == cp) {
            i += l;
            run++;
        }
        civ_buf_printf(b, "%sU+%04X", first ? "" : " ", (unsigned)cp);
        if (run > 1)
            civ_buf_printf(b, " x%zu", run);
    }
}

char *civ_fix_describe(const civ_source *src, const civ_fix *fix)
{
    size_t n = fix->end > fix->start ? fix->end - fix->start : 0;
    const char *old = src->data + fix->start;
    civ_buf b;
    civ_buf_init(&b);
    if (!n) {
        civ_buf_puts(&b, "insert ");
        show(&b, fix->replacement, strlen(fix->replacement));
    } else if (!*fix->replacement) {
        civ_buf_puts(&b, "remove ");
        show(&b, old, n);
    } else {
        civ_buf_puts(&b, "replace ");
        show(&b, old, n);
        civ_buf_puts(&b, " with ");
        show(&b, fix->replacement, strlen(fix->replacement));
    }
    return civ_buf_detach(&b);
}

bool civ_fix_reads_as_text(const civ_source *src, const civ_fix *fix)
{
    size_t n = strlen(fix->replacement);
    return fix->end > fix->start && n && !invisible(fix->replacement, n) &&
           !invisible(src->data + fix->start, fix->end - fix->start);
}

/* FNV-1a, 64 bits: stable across runs and machines, no dependency. */
static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

static uint64_t base_hash(const char *path, const civ_source *src, const civ_diag *d)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    h = fnv(h, d->rule, strlen(d->rule) + 1);
    h = fnv(h, path, strlen(path) + 1);
    h = fnv(h, d->message, strlen(d->message) + 1);
    return fnv(h, src->data + d->start, d->end - d->start);
}

typedef struct {
    uint64_t h;
    size_t i;
} hashed;

static int by_hash_then_index(const void *a, const void *b)
{
    const hashed *x = a, *y = b;
    if (x->h != y->h)
        return x->h < y->h ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

civ_print *civ_fingerprints(const char *path, const civ_source *src, const civ_diags *diags)
{
    size_t n = diags->n;
    hashed *hs = xmalloc((n + 1) * sizeof *hs);
    for (size_t i = 0; i < n; i++)
        hs[i] = (hashed){base_hash(path, src, &diags->items[i]), i};
    /* equal hashes sort together in file order: the k-th of a run is the
     * k-th identical finding */
    civ_qsort(hs, n, sizeof *hs, by_hash_then_index);
    civ_print *out = xmalloc((n + 1) * sizeof *out);
    for (size_t k = 0, nth = 0; k < n; k++) {
        nth = k && hs[k].h == hs[k - 1].h ? nth + 1 : 0;
        char tag[32];
        int len = snprintf(tag, sizeof tag, "#%zu", nth);
        uint64_t h = fnv(hs[k].h, tag, (size_t)len);
        snprintf(out[hs[k].i], sizeof out[hs[k].i], "%016llx", (unsigned long long)h);
    }
    free(hs);
    return out;
}
