/* phrases.c - see phrases.h. */
#include "rules/phrases.h"

#include <stdint.h>
#include <string.h>

#include "base/util.h"

/* pcre2 refuses parentheses nested deeper than 250; the caller's guards
 * add a few more levels around the alternation. */
#define MAX_DEPTH 200

/* One step of a phrase: a UTF-8 character, or (n == 0) a run of spaces. */
typedef struct {
    char s[4];
    unsigned char n;
} unit;

typedef struct {
    unit u;
    size_t child;
} edge;

typedef struct {
    edge *e;
    size_t ne, cap;
    bool end;
    size_t mark; /* the phrase that ends here, when end */
} node;

typedef struct {
    node *v;
    size_t n, cap;
} trie;

static size_t new_node(trie *t)
{
    node *nd = CIV_PUSH(t->v, t->n, t->cap);
    memset(nd, 0, sizeof *nd);
    return t->n - 1;
}

/* The unit at p (a NUL-terminated, valid UTF-8 phrase); returns its length
 * in bytes. ASCII letters are folded for a caseless pattern. */
static size_t next_unit(const char *p, bool caseless, unit *u)
{
    if (*p == ' ') {
        size_t k = 0;
        while (p[k] == ' ')
            k++;
        u->n = 0;
        return k;
    }
    unsigned char c = (unsigned char)*p;
    size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    for (size_t i = 1; i < k; i++)
        if (!p[i])
            k = i; /* not valid UTF-8: keep the bytes there are */
    memcpy(u->s, p, k);
    u->n = (unsigned char)k;
    if (caseless && k == 1 && c >= 'A' && c <= 'Z')
        u->s[0] = (char)(c - 'A' + 'a');
    return k;
}

static bool same_unit(const unit *a, const unit *b)
{
    return a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
}

static void insert(trie *t, const char *phrase, size_t mark, bool caseless)
{
    size_t cur = 0;
    for (const char *p = phrase; *p;) {
        unit u;
        p += next_unit(p, caseless, &u);
        size_t next = SIZE_MAX;
        for (size_t i = 0; i < t->v[cur].ne && next == SIZE_MAX; i++)
            if (same_unit(&t->v[cur].e[i].u, &u))
                next = t->v[cur].e[i].child;
        if (next == SIZE_MAX) {
            next = new_node(t); /* may move t->v: index, never point */
            node *nd = &t->v[cur];
            edge *e = CIV_PUSH(nd->e, nd->ne, nd->cap);
            e->u = u;
            e->child = next;
        }
        cur = next;
    }
    if (!t->v[cur].end) {
        t->v[cur].end = true;
        t->v[cur].mark = mark;
    }
}

static void put_unit(civ_buf *b, const unit *u)
{
    if (u->n == 0) {
        civ_buf_puts(b, "\\s+");
        return;
    }
    if (u->n == 1 && strchr("\\^$.[]|()?*+{}-#", u->s[0]))
        civ_buf_putc(b, '\\');
    civ_buf_add(b, u->s, u->n);
}

static void put_end(civ_buf *b, const node *nd, bool marks)
{
    if (marks)
        civ_buf_printf(b, "(*MARK:%zu)", nd->mark);
}

static bool emit(const trie *t, size_t i, civ_buf *b, int depth, bool marks)
{
    /* a chain without branches is plain text */
    while (t->v[i].ne == 1 && !t->v[i].end) {
        put_unit(b, &t->v[i].e[0].u);
        i = t->v[i].e[0].child;
    }
    const node *nd = &t->v[i];
    if (nd->ne == 0) {
        put_end(b, nd, marks);
        return true;
    }
    if (depth >= MAX_DEPTH)
        return false;
    civ_buf_puts(b, "(?:");
    for (size_t k = 0; k < nd->ne; k++) {
        if (k)
            civ_buf_putc(b, '|');
        put_unit(b, &nd->e[k].u);
        if (!emit(t, nd->e[k].child, b, depth + 1, marks))
            return false;
    }
    if (nd->end) { /* the shorter phrase last: longer ones win */
        civ_buf_putc(b, '|');
        put_end(b, nd, marks);
    }
    civ_buf_putc(b, ')');
    return true;
}

char *civ_phrases_regex(const char *const *phrases, size_t n, bool caseless, bool marks)
{
    trie t = {0};
    new_node(&t);
    for (size_t i = 0; i < n; i++)
        if (phrases[i][0])
            insert(&t, phrases[i], i, caseless);
    civ_buf b;
    civ_buf_init(&b);
    bool ok = t.v[0].ne > 0 && emit(&t, 0, &b, 0, marks); /* no phrase: no pattern */
    for (size_t i = 0; i < t.n; i++)
        free(t.v[i].e);
    free(t.v);
    if (!ok) {
        civ_buf_release(&b);
        return NULL;
    }
    return civ_buf_detach(&b);
}
