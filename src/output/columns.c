/* columns.c - see columns.h. */
#include "output/columns.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

void civ_position_bytes(const civ_source *src, size_t off, size_t *line, size_t *col)
{
    if (off > src->len)
        off = src->len;
    size_t li = civ_source_line_of(src, off);
    *line = li + 1;
    *col = off - src->lines[li] + 1 + (li == 0 && src->had_bom ? 3 : 0);
}

char *civ_fix_describe(const civ_source *src, const civ_fix *fix)
{
    int n = fix->end > fix->start ? (int)(fix->end - fix->start) : 0;
    const char *old = src->data + fix->start;
    if (!n)
        return xasprintf("insert '%s'", fix->replacement);
    if (!*fix->replacement)
        return xasprintf("delete '%.*s'", n, old);
    return xasprintf("replace '%.*s' with '%s'", n, old, fix->replacement);
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
