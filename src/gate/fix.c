/* fix.c - see fix.h. */
#include "gate/fix.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gate/atomic.h"

typedef struct {
    size_t start, end;
    const char *repl;
} edit;

static int cmp_edit(const void *pa, const void *pb)
{
    const edit *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->end < b->end ? -1 : a->end > b->end;
}

civ_fix_result civ_fix_text(const char *raw, size_t rawlen, size_t shift, const civ_diags *d,
                            char **out, size_t *outlen, size_t *nfixed, size_t *where)
{
    edit *e = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < d->n; i++)
        for (size_t k = 0; k < d->items[i].nfixes; k++) {
            const civ_fix *f = &d->items[i].fixes[k];
            if (!f->safe || f->end + shift > rawlen)
                continue;
            edit *x = CIV_PUSH(e, n, cap);
            x->start = f->start;
            x->end = f->end;
            x->repl = f->replacement;
        }
    *nfixed = 0;
    if (!n) {
        free(e);
        return CIV_FIX_NOTHING;
    }
    civ_qsort(e, n, sizeof *e, cmp_edit);
    /* Identical fixes (two checks proposing the same edit) count once. */
    size_t w = 1;
    for (size_t i = 1; i < n; i++) {
        edit *p = &e[w - 1];
        if (e[i].start == p->start && e[i].end == p->end && strcmp(e[i].repl, p->repl) == 0)
            continue;
        if (e[i].start < p->end || e[i].start == p->start) {
            *where = e[i].start;
            free(e);
            return CIV_FIX_OVERLAP;
        }
        e[w++] = e[i];
    }
    n = w;
    civ_buf b;
    civ_buf_init(&b);
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        civ_buf_add(&b, raw + at, e[i].start + shift - at);
        civ_buf_puts(&b, e[i].repl);
        at = e[i].end + shift;
    }
    civ_buf_add(&b, raw + at, rawlen - at);
    *outlen = b.len;
    *out = civ_buf_detach(&b);
    *nfixed = n;
    free(e);
    return CIV_FIX_DONE;
}

/* ---- unified diff ----------------------------------------------------- */

typedef struct {
    size_t *off; /* line starts, plus the end */
    size_t n;    /* lines */
} lines;

static void split(const char *s, size_t len, lines *l)
{
    size_t cap = 0;
    l->off = NULL;
    l->n = 0;
    size_t cnt = 0;
    *CIV_PUSH(l->off, cnt, cap) = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '\n' && i + 1 < len)
            *CIV_PUSH(l->off, cnt, cap) = i + 1;
    *CIV_PUSH(l->off, cnt, cap) = len;
    l->n = len ? cnt - 1 : 0;
}

static void put_line(civ_buf *b, char tag, const char *s, size_t a, size_t e)
{
    civ_buf_putc(b, tag);
    civ_buf_add(b, s + a, e - a);
    if (e == a || s[e - 1] != '\n')
        civ_buf_puts(b, "\n\\ No newline at end of file\n");
}

static bool same_line(const char *o, const lines *a, size_t i, const char *n, const lines *b,
                      size_t j)
{
    size_t la = a->off[i + 1] - a->off[i], lb = b->off[j + 1] - b->off[j];
    return la == lb && memcmp(o + a->off[i], n + b->off[j], la) == 0;
}

typedef struct {
    size_t a0, a1, b0, b1; /* changed old lines [a0,a1), new lines [b0,b1) */
} region;

/* How far ahead the diff looks for lines that match again. Fix-its change
 * a line or two, so a small window finds every resynchronisation; past it
 * the rest of the file is one change (still a correct diff). */
#define RESYNC_WINDOW 200

void civ_fix_diff(civ_buf *diff, const char *name, const char *old, size_t oldlen,
                  const char *new_, size_t newlen)
{
    if (oldlen == newlen && memcmp(old, new_, oldlen) == 0)
        return;
    lines a, b;
    split(old, oldlen, &a);
    split(new_, newlen, &b);
    /* Change regions: skip equal lines, then find the nearest point where
     * three lines (or the ends) match again. */
    region *rg = NULL;
    size_t nr = 0, rcap = 0, ia = 0, ib = 0;
    for (;;) {
        while (ia < a.n && ib < b.n && same_line(old, &a, ia, new_, &b, ib))
            ia++, ib++;
        if (ia == a.n && ib == b.n)
            break;
        size_t ea = a.n, eb = b.n, best = (size_t)-1;
        for (size_t ka = ia; ka <= a.n && ka - ia < RESYNC_WINDOW && ka - ia < best; ka++) {
            for (size_t kb = ib; kb <= b.n && kb - ib < RESYNC_WINDOW && ka - ia + kb - ib < best; kb++) {
                if (ka == ia && kb == ib)
                    continue;
                bool ok = true;
                for (size_t t = 0; t < 3 && ok; t++) {
                    bool enda = ka + t >= a.n, endb = kb + t >= b.n;
                    if (enda || endb) {
                        ok = enda && endb;
                        break;
                    }
                    ok = same_line(old, &a, ka + t, new_, &b, kb + t);
                }
                if (ok) {
                    best = ka - ia + kb - ib;
                    ea = ka;
                    eb = kb;
                }
            }
        }
        region *r = CIV_PUSH(rg, nr, rcap);
        *r = (region){ia, ea, ib, eb};
        ia = ea;
        ib = eb;
    }
    while (name[0] == '.' && name[1] == '/')
        name += 2;
    civ_buf_printf(diff, "--- a/%s\n+++ b/%s\n", name, name);
    /* Hunks: regions closer than 2 x 3 context lines share one. */
    for (size_t i = 0; i < nr;) {
        size_t j = i;
        while (j + 1 < nr && rg[j + 1].a0 - rg[j].a1 <= 6)
            j++;
        size_t ca = rg[i].a0 >= 3 ? 3 : rg[i].a0;
        size_t after = a.n - rg[j].a1 < 3 ? a.n - rg[j].a1 : 3;
        size_t os = rg[i].a0 - ca, oe = rg[j].a1 + after;
        size_t ns = rg[i].b0 - ca, ne = rg[j].b1 + after;
        civ_buf_printf(diff, "@@ -%zu,%zu +%zu,%zu @@\n", oe > os ? os + 1 : os, oe - os,
                       ne > ns ? ns + 1 : ns, ne - ns);
        size_t at = os;
        for (size_t k = i; k <= j; k++) {
            for (; at < rg[k].a0; at++)
                put_line(diff, ' ', old, a.off[at], a.off[at + 1]);
            for (size_t x = rg[k].a0; x < rg[k].a1; x++)
                put_line(diff, '-', old, a.off[x], a.off[x + 1]);
            for (size_t x = rg[k].b0; x < rg[k].b1; x++)
                put_line(diff, '+', new_, b.off[x], b.off[x + 1]);
            at = rg[k].a1;
        }
        for (; at < oe; at++)
            put_line(diff, ' ', old, a.off[at], a.off[at + 1]);
        i = j + 1;
    }
    free(rg);
    free(a.off);
    free(b.off);
}

/* ---- files ------------------------------------------------------------ */

/* Reads the whole file, and its stat at that moment in *st, so the write
 * can check that nothing changed it in between. */
static char *read_all(const char *path, size_t *len, struct stat *st, char **err)
{
    /* O_NONBLOCK: a FIFO put in the post's place since it was linted must
     * not block the run; it is refused below */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0 || fstat(fd, st) != 0) {
        *err = xasprintf("cannot open '%s': %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    if (!S_ISREG(st->st_mode)) {
        *err = xasprintf("'%s' is no longer a regular file; not fixed", path);
        close(fd);
        return NULL;
    }
    civ_buf b;
    civ_buf_init(&b);
    char chunk[65536];
    ssize_t n;
    while ((n = read(fd, chunk, sizeof chunk)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *err = xasprintf("cannot read '%s': %s", path, strerror(errno));
            close(fd);
            civ_buf_release(&b);
            return NULL;
        }
        civ_buf_add(&b, chunk, (size_t)n);
    }
    close(fd);
    *len = b.len;
    return civ_buf_detach(&b);
}

/* True when raw is what src was read from: the same bytes after an
 * optional BOM, except the invalid bytes src replaced with '?'. */
static bool same_file(const char *raw, size_t len, size_t shift, const civ_source *src)
{
    if (len != src->len + shift)
        return false;
    size_t k = 0;
    for (size_t i = 0; i < src->len; i++) {
        if (k < src->nbad && src->bad[k].off == i) {
            if ((unsigned char)raw[i + shift] != src->bad[k].byte)
                return false;
            k++;
            continue;
        }
        if (raw[i + shift] != src->data[i])
            return false;
    }
    return true;
}

civ_fix_result civ_fix_file(const char *path, const char *name, const civ_source *src,
                            const civ_diags *d, civ_buf *diff, bool force, size_t *nfixed,
                            size_t *where, char **err)
{
    struct stat st;
    *err = NULL;
    *nfixed = 0;
    bool is_stdin = strcmp(path, "-") == 0;
    size_t len = 0, shift = src->had_bom ? 3 : 0;
    char *raw;
    if (is_stdin) {
        if (!diff) {
            *err = xstrdup("cannot fix standard input in place (use --diff)");
            return CIV_FIX_FAILED;
        }
        shift = 0;
        raw = xstrndup(src->data, src->len);
        len = src->len;
    } else {
        raw = read_all(path, &len, &st, err);
        if (!raw)
            return CIV_FIX_FAILED;
        if (!same_file(raw, len, shift, src)) {
            *err = xasprintf("'%s' changed while it was linted; not fixed", path);
            free(raw);
            return CIV_FIX_FAILED;
        }
    }
    char *out = NULL;
    size_t outlen = 0;
    civ_fix_result r = civ_fix_text(raw, len, shift, d, &out, &outlen, nfixed, where);
    if (r == CIV_FIX_DONE) {
        if (diff)
            civ_fix_diff(diff, name, raw, len, out, outlen);
        else if (!civ_atomic_write_opts(path, out, outlen,
                                        &(civ_atomic_opts){.force = force, .expect = &st}, err))
            r = CIV_FIX_FAILED;
    }
    free(out);
    free(raw);
    return r;
}
