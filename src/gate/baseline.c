/* baseline.c - see baseline.h. */
#include "gate/baseline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gate/atomic.h"
#include "base/strmap.h"
#include "base/textfile.h"
#include "base/util.h"
#include "base/work.h"

typedef struct {
    uint64_t fp;
    size_t count;      /* recorded */
    size_t left;       /* not yet matched in this run */
    char *rule, *path, *text;
    bool linted;       /* its path was linted in this run */
    size_t next;       /* next entry in the same hash bucket, or SIZE_MAX */
    size_t path_next;  /* next entry of the same path, or SIZE_MAX */
} entry;

/* Entries with a hash index on the fingerprint (chained through
 * entry.next), so large archives stay linear to load and match. */
struct civ_baseline {
    entry *items;
    size_t n, cap;
    size_t *buckets;   /* SIZE_MAX: empty */
    size_t nbuckets;
    /* path -> 1 + index of its last entry (chained through path_next), so
     * marking one file's entries does not scan every other file's: a
     * baseline of 10,000 files was quadratic in the number of files */
    civ_strmap paths;
};

civ_baseline *civ_baseline_new(void)
{
    civ_baseline *b = xcalloc(1, sizeof(civ_baseline));
    civ_strmap_init(&b->paths);
    return b;
}

/* The index of the last entry of path, or SIZE_MAX. */
static size_t path_head(const civ_baseline *b, const char *path)
{
    void *v = civ_strmap_get(&b->paths, path, strlen(path));
    return v ? (size_t)(uintptr_t)v - 1 : SIZE_MAX;
}

void civ_baseline_free(civ_baseline *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++) {
        free(b->items[i].rule);
        free(b->items[i].path);
        free(b->items[i].text);
    }
    free(b->items);
    free(b->buckets);
    civ_strmap_release(&b->paths);
    free(b);
}

static const char *norm_path(const char *p)
{
    while (p[0] == '.' && p[1] == '/')
        p += 2;
    return p;
}

/* Appends s[0..n) with whitespace runs collapsed to one space, trimmed. */
static void put_norm(civ_buf *out, const char *s, size_t n)
{
    bool space = false;
    size_t start = out->len;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space && out->len > start)
            civ_buf_putc(out, ' ');
        space = false;
        civ_buf_putc(out, c);
    }
}

static bool sentence_end(const char *s, size_t i, size_t e)
{
    return (s[i] == '.' || s[i] == '!' || s[i] == '?') && (i + 1 >= e || s[i + 1] == ' ' || s[i + 1] == '\t');
}

/* How far the sentence context of a fingerprint reaches on each side of
 * the span. Without a bound, one long line with thousands of findings and
 * no full stop made every fingerprint read the whole line (quadratic:
 * --baseline took seconds on a 50 KB line). Real sentences are far
 * shorter (1,000 bytes is some 170 words), so their fingerprints are
 * unchanged. */
#define CONTEXT_MAX 1000

/* The sentence around [start,end) within the span's lines, at most
 * CONTEXT_MAX bytes each side of the span. */
static void context(const civ_source *src, const civ_diag *d, size_t *a, size_t *e)
{
    size_t l0 = civ_source_line_of(src, d->start) + 1;
    size_t l1 = civ_source_line_of(src, d->end > d->start ? d->end - 1 : d->start) + 1;
    size_t la, le, ea, ee;
    civ_source_line(src, l0, &la, &le);
    civ_source_line(src, l1, &ea, &ee);
    const char *s = src->data;
    size_t i = d->start < la ? la : d->start;
    size_t lo = i - la > CONTEXT_MAX ? i - CONTEXT_MAX : la;
    while (i > lo && !sentence_end(s, i - 1, ee))
        i--;
    size_t j = d->end > d->start ? d->end : d->start;
    if (j > ee)
        j = ee;
    size_t j0 = j, hi = ee - j > CONTEXT_MAX ? j + CONTEXT_MAX : ee;
    while (j < hi && !sentence_end(s, j, ee))
        j++;
    if (j < ee && sentence_end(s, j, ee))
        j++;
    CIV_WORK((d->start > i ? d->start - i : 0) + (j - j0) + 1);
    *a = i;
    *e = j;
}

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* The normalised span text (heap). */
static char *span_text(const civ_source *src, const civ_diag *d)
{
    civ_buf b;
    civ_buf_init(&b);
    size_t e = d->end > src->len ? src->len : d->end;
    put_norm(&b, src->data + d->start, e > d->start ? e - d->start : 0);
    return civ_buf_detach(&b);
}

uint64_t civ_fingerprint(const char *path, const civ_source *src, const civ_diag *d)
{
    civ_buf b;
    civ_buf_init(&b);
    civ_buf_puts(&b, d->rule);
    civ_buf_putc(&b, '\x1f');
    civ_buf_puts(&b, norm_path(path));
    civ_buf_putc(&b, '\x1f');
    char *t = span_text(src, d);
    civ_buf_puts(&b, t);
    free(t);
    civ_buf_putc(&b, '\x1f');
    size_t a, e;
    context(src, d, &a, &e);
    put_norm(&b, src->data + a, e - a);
    uint64_t h = fnv(0xcbf29ce484222325ULL, b.data, b.len);
    civ_buf_release(&b);
    return h;
}

static entry *find(civ_baseline *b, uint64_t fp, const char *path)
{
    if (!b->nbuckets)
        return NULL;
    for (size_t i = b->buckets[fp % b->nbuckets]; i != SIZE_MAX; i = b->items[i].next)
        if (b->items[i].fp == fp && strcmp(b->items[i].path, path) == 0)
            return &b->items[i];
    return NULL;
}

static void link_entry(civ_baseline *b, size_t i)
{
    size_t k = b->items[i].fp % b->nbuckets;
    b->items[i].next = b->buckets[k];
    b->buckets[k] = i;
}

/* Keeps the load factor at most 1. */
static void grow_index(civ_baseline *b)
{
    if (b->n < b->nbuckets)
        return;
    free(b->buckets);
    b->nbuckets = b->nbuckets ? b->nbuckets * 2 : 64;
    b->buckets = xmalloc(b->nbuckets * sizeof *b->buckets);
    for (size_t i = 0; i < b->nbuckets; i++)
        b->buckets[i] = SIZE_MAX;
    for (size_t i = 0; i < b->n; i++)
        link_entry(b, i);
}

static entry *add(civ_baseline *b, uint64_t fp, const char *rule, const char *path,
                  const char *text, size_t count)
{
    entry *e = find(b, fp, path);
    if (e) {
        e->count += count;
        e->left += count;
        return e;
    }
    e = CIV_PUSH(b->items, b->n, b->cap);
    memset(e, 0, sizeof *e);
    e->fp = fp;
    e->count = e->left = count;
    e->rule = xstrdup(rule);
    e->path = xstrdup(path);
    e->text = xstrdup(text);
    e->path_next = path_head(b, path);
    civ_strmap_put(&b->paths, path, strlen(path), (void *)(uintptr_t)b->n);
    if (b->n > b->nbuckets)
        grow_index(b); /* relinks every entry, this one included */
    else
        link_entry(b, b->n - 1);
    return &b->items[b->n - 1];
}

void civ_baseline_add(civ_baseline *b, const char *path, const civ_source *src,
                      const civ_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        char *t = span_text(src, &d->items[i]);
        add(b, civ_fingerprint(path, src, &d->items[i]), d->items[i].rule, norm_path(path), t, 1);
        free(t);
    }
}

size_t civ_baseline_total(const civ_baseline *b)
{
    size_t n = 0;
    for (size_t i = 0; i < b->n; i++)
        n += b->items[i].count;
    return n;
}

static void put_escaped(civ_buf *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '\t')
            civ_buf_puts(out, "\\t");
        else if (*s == '\n')
            civ_buf_puts(out, "\\n");
        else if (*s == '\r')
            civ_buf_puts(out, "\\r");
        else if (*s == '\\')
            civ_buf_puts(out, "\\\\");
        else
            civ_buf_putc(out, *s);
    }
}

static char *unescape(const char *s, size_t n)
{
    civ_buf b;
    civ_buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n) {
            char c = s[++i];
            civ_buf_putc(&b, c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c);
        } else {
            civ_buf_putc(&b, s[i]);
        }
    }
    return civ_buf_detach(&b);
}

static int cmp_entry(const void *pa, const void *pb)
{
    const entry *a = pa, *b = pb;
    int c = strcmp(a->path, b->path);
    if (c)
        return c;
    if ((c = strcmp(a->rule, b->rule)))
        return c;
    return a->fp < b->fp ? -1 : a->fp > b->fp;
}

bool civ_baseline_write(const civ_baseline *b, const char *file, bool force, char **err)
{
    entry *sorted = xmalloc((b->n ? b->n : 1) * sizeof *sorted);
    if (b->n)
        memcpy(sorted, b->items, b->n * sizeof *sorted);
    civ_qsort(sorted, b->n, sizeof *sorted, cmp_entry);
    civ_buf out;
    civ_buf_init(&out);
    civ_buf_printf(&out, "# civlint baseline %d: fingerprint, count, rule, path, text (tab-separated)\n",
                   CIV_BASELINE_VERSION);
    for (size_t i = 0; i < b->n; i++) {
        const entry *e = &sorted[i];
        civ_buf_printf(&out, "%016llx\t%zu\t%s\t", (unsigned long long)e->fp, e->count, e->rule);
        put_escaped(&out, e->path);
        civ_buf_putc(&out, '\t');
        put_escaped(&out, e->text);
        civ_buf_putc(&out, '\n');
    }
    free(sorted);
    /* /dev/stdout, /dev/null or a pipe is written as it is (atomic.h) */
    bool ok = civ_atomic_write_opts(file, out.data, out.len,
                                    &(civ_atomic_opts){.force = force, .devices_in_place = true}, err);
    civ_buf_release(&out);
    return ok;
}

/* The first line of a baseline: "# civlint baseline VERSION: ..." with
 * VERSION the format this civlint reads, else false with *err set. */
static bool check_header(const char *file, const char *line, char **err)
{
    static const char tag[] = "# civlint baseline ";
    if (strncmp(line, tag, sizeof tag - 1) != 0) {
        *err = xasprintf("%s:1: error: not a civlint baseline (the first line is not '# civlint baseline %d: ...'); "
                         "write one with --write-baseline", file, CIV_BASELINE_VERSION);
        return false;
    }
    const char *v = line + sizeof tag - 1;
    size_t digits = strspn(v, "0123456789");
    if (!digits || v[digits] != ':' || digits > 9 || atoi(v) != CIV_BASELINE_VERSION) {
        *err = xasprintf("%s:1: error: baseline format version '%.*s' is not supported (this civlint reads "
                         "version %d); write it again with --write-baseline", file, (int)strcspn(v, ":"), v,
                         CIV_BASELINE_VERSION);
        return false;
    }
    return true;
}

/* One entry line (NUL-terminated, no line end) into b; false when it is
 * not one. The count is decimal digits only: strtoull would take "-1" as
 * the largest count there is. */
static bool parse_entry(civ_baseline *b, char *line)
{
    char *f1 = strchr(line, '\t'), *f2 = f1 ? strchr(f1 + 1, '\t') : NULL;
    char *f3 = f2 ? strchr(f2 + 1, '\t') : NULL, *f4 = f3 ? strchr(f3 + 1, '\t') : NULL;
    if (!f4 || f1 - line != 16 || strspn(line, "0123456789abcdefABCDEF") != 16)
        return false;
    size_t cdigits = strspn(f1 + 1, "0123456789");
    if (cdigits == 0 || cdigits > 12 || f1 + 1 + cdigits != f2)
        return false;
    unsigned long long fp = strtoull(line, NULL, 16), count = strtoull(f1 + 1, NULL, 10);
    if (count == 0)
        return false;
    char *rule = xstrndup(f2 + 1, (size_t)(f3 - f2 - 1));
    char *path = unescape(f3 + 1, (size_t)(f4 - f3 - 1));
    char *text = unescape(f4 + 1, strlen(f4 + 1));
    add(b, (uint64_t)fp, rule, path, text, (size_t)count);
    free(rule);
    free(path);
    free(text);
    return true;
}

civ_baseline *civ_baseline_load(const char *file, char **err)
{
    /* read whole, from a regular file only (a FIFO blocked forever, a
     * folder loaded as an empty baseline) */
    size_t len = 0;
    char *rerr = NULL;
    char *data = civ_text_read(file, NULL, CIV_BASELINE_MAX, &len, &rerr);
    if (!data) {
        *err = xasprintf("baseline %s", rerr);
        free(rerr);
        return NULL;
    }
    civ_baseline *b = civ_baseline_new();
    *err = NULL;
    size_t ln = 0;
    for (char *line = data; line && !*err;) {
        char *nl = strchr(line, '\n'), *next = nl ? nl + 1 : NULL;
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        if (!nl && n == 0)
            break; /* after the last line end */
        ln++;
        while (n > 0 && line[n - 1] == '\r')
            n--;
        line[n] = '\0';
        if (ln == 1)
            check_header(file, line, err);
        else if (n > 0 && line[0] != '#' && !parse_entry(b, line))
            *err = xasprintf("%s:%zu: error: not a baseline entry (FINGERPRINT COUNT RULE PATH TEXT, "
                             "tab-separated, COUNT a number from 1); write one with --write-baseline", file, ln);
        line = next;
    }
    if (!*err && ln == 0)
        check_header(file, "", err);
    free(data);
    if (*err) {
        civ_baseline_free(b);
        return NULL;
    }
    return b;
}

size_t civ_baseline_filter(civ_baseline *b, const char *path, const civ_source *src,
                           civ_diags *d)
{
    const char *p = norm_path(path);
    for (size_t i = path_head(b, p); i != SIZE_MAX; i = b->items[i].path_next) {
        CIV_WORK(1);
        b->items[i].linted = true;
    }
    size_t w = 0, dropped = 0;
    for (size_t r = 0; r < d->n; r++) {
        civ_diag *g = &d->items[r];
        entry *e = find(b, civ_fingerprint(path, src, g), p);
        if (e && e->left) {
            e->left--;
            dropped++;
            civ_diag_release(g);
            continue;
        }
        d->items[w++] = *g;
    }
    d->n = w;
    return dropped;
}

size_t civ_baseline_gone(const civ_baseline *b)
{
    size_t n = 0;
    for (size_t i = 0; i < b->n; i++)
        if (b->items[i].linted)
            n += b->items[i].left;
    return n;
}

void civ_baseline_reset(civ_baseline *b, const char *path)
{
    const char *p = norm_path(path);
    for (size_t i = path_head(b, p); i != SIZE_MAX; i = b->items[i].path_next) {
        CIV_WORK(1);
        b->items[i].left = b->items[i].count;
    }
}
