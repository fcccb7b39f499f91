/* util.h - allocation that cannot fail silently, a growable byte buffer and
 * a per-file arena.
 *
 * civlint treats out-of-memory as fatal: the x* allocators print one line and
 * abort, so no caller has to carry an error path for it. */
#ifndef CIV_UTIL_H
#define CIV_UTIL_H

#include <stdarg.h>
#include <stddef.h>

#if defined(__GNUC__)
#define CIV_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define CIV_PRINTF(f, a)
#endif

/* Prints "civlint: fatal: out of memory" and aborts; for allocations made
 * by libraries (hunspell, cmark-gfm) that report failure with NULL. */
_Noreturn void civ_oom(void);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Returns a heap string formatted like printf; the caller frees it. */
char *xasprintf(const char *fmt, ...) CIV_PRINTF(1, 2);

/* Grow the array *p (element size `size`) so it holds at least `need`
 * elements; *cap is updated. Capacity doubles, so appends are amortised O(1). */
void civ_grow(void **p, size_t *cap, size_t need, size_t size);
#define CIV_PUSH(arr, n, cap) \
    (civ_grow((void **)&(arr), &(cap), (n) + 1, sizeof *(arr)), &(arr)[(n)++])

/* qsort that accepts an empty (possibly NULL) array: C leaves qsort(NULL, 0)
 * undefined, and UBSan reports it. */
#include <stdlib.h>
static inline void civ_qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}

/* True when s ends with suf. */
#include <stdbool.h>
#include <string.h>
static inline bool civ_str_ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

/* A growable, always NUL-terminated byte buffer. */
typedef struct {
    char *data;
    size_t len;
    size_t cap;
} civ_buf;

void civ_buf_init(civ_buf *b);
void civ_buf_release(civ_buf *b);
void civ_buf_add(civ_buf *b, const char *s, size_t n);
void civ_buf_puts(civ_buf *b, const char *s);
void civ_buf_putc(civ_buf *b, char c);
void civ_buf_printf(civ_buf *b, const char *fmt, ...) CIV_PRINTF(2, 3);
/* Hands the bytes to the caller (who frees them) and empties the buffer. */
char *civ_buf_detach(civ_buf *b);

/* A bump allocator: every allocation lives until civ_arena_release. One arena
 * holds everything built for one linted file, so a file's model is freed in
 * one call whatever its shape. */
typedef struct civ_arena_chunk civ_arena_chunk;
typedef struct {
    civ_arena_chunk *head;
} civ_arena;

void civ_arena_init(civ_arena *a);
void civ_arena_release(civ_arena *a);
void *civ_arena_alloc(civ_arena *a, size_t n);
char *civ_arena_strndup(civ_arena *a, const char *s, size_t n);
char *civ_arena_strdup(civ_arena *a, const char *s);

#endif
