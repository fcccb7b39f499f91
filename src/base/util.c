/* util.c - see util.h. */
#include "base/util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void civ_oom(void)
{
    /* the one message a lower layer prints: there is no memory left to
     * carry an error up to the driver's reporter */
    fputs("civlint: fatal: out of memory\n", stderr);
    abort();
}

static void oom(void)
{
    civ_oom();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom();
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        oom();
    return p;
}

char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xasprintf(const char *fmt, ...)
{
    civ_buf b;
    va_list ap;
    civ_buf_init(&b);
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    civ_grow((void **)&b.data, &b.cap, (size_t)n + 1, 1);
    va_start(ap, fmt);
    vsnprintf(b.data, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return b.data;
}

void civ_grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            oom();
        ncap *= 2;
    }
    if (ncap > SIZE_MAX / size)
        oom();
    *p = xrealloc(*p, ncap * size);
    *cap = ncap;
}

void civ_buf_init(civ_buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

void civ_buf_release(civ_buf *b)
{
    free(b->data);
    civ_buf_init(b);
}

void civ_buf_add(civ_buf *b, const char *s, size_t n)
{
    civ_grow((void **)&b->data, &b->cap, b->len + n + 1, 1);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void civ_buf_puts(civ_buf *b, const char *s)
{
    civ_buf_add(b, s, strlen(s));
}

void civ_buf_putc(civ_buf *b, char c)
{
    civ_buf_add(b, &c, 1);
}

void civ_buf_printf(civ_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    civ_grow((void **)&b->data, &b->cap, b->len + (size_t)n + 1, 1);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *civ_buf_detach(civ_buf *b)
{
    char *d = b->data ? b->data : xstrdup("");
    civ_buf_init(b);
    return d;
}

struct civ_arena_chunk {
    civ_arena_chunk *next;
    size_t used, size;
    max_align_t data[];
};

void civ_arena_init(civ_arena *a)
{
    a->head = NULL;
}

void civ_arena_release(civ_arena *a)
{
    civ_arena_chunk *c = a->head;
    while (c) {
        civ_arena_chunk *n = c->next;
        free(c);
        c = n;
    }
    a->head = NULL;
}

void *civ_arena_alloc(civ_arena *a, size_t n)
{
    const size_t align = sizeof(max_align_t);
    n = (n + align - 1) / align * align;
    if (!n)
        n = align;
    civ_arena_chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        size_t size = n > 65536 ? n : 65536;
        c = xmalloc(sizeof *c + size);
        c->used = 0;
        c->size = size;
        c->next = a->head;
        a->head = c;
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    return p;
}

char *civ_arena_strndup(civ_arena *a, const char *s, size_t n)
{
    char *d = civ_arena_alloc(a, n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *civ_arena_strdup(civ_arena *a, const char *s)
{
    return civ_arena_strndup(a, s, strlen(s));
}
