/* figure_names.c - see figure_names.h. */
#include "checks/figure_names.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"

static bool word_byte(const char *t, size_t i)
{
    unsigned char c = (unsigned char)t[i];
    return (c & 0x80) || c == '_' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* A name counts as a whole word ("Acme" not in "Acmeware"). */
static bool name_at(const char *t, size_t len, size_t at, size_t n)
{
    return (at == 0 || !word_byte(t, at - 1)) && (at + n >= len || !word_byte(t, at + n));
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Adds s[0..n) trimmed, if it is worth matching: a capitalised name of
 * three bytes or more. */
static void add_name(civ_figure_names *nm, const char *s, size_t n)
{
    while (n && is_space(*s)) {
        s++;
        n--;
    }
    while (n && (is_space(s[n - 1]) || s[n - 1] == '.'))
        n--;
    if (n < 3 || !(*s >= 'A' && *s <= 'Z'))
        return;
    char *c = xstrndup(s, n);
    *CIV_PUSH(nm->own, nm->nown, nm->owncap) = c;
    *CIV_PUSH(nm->v, nm->n, nm->cap) = c;
}

/* One author: the full name, its given name, an organisation in
 * parentheses. */
static void add_author(civ_figure_names *nm, const char *s, size_t n)
{
    const char *open = memchr(s, '(', n);
    size_t name_n = open ? (size_t)(open - s) : n;
    if (open) {
        const char *close = memchr(open, ')', n - (size_t)(open - s));
        size_t on = close ? (size_t)(close - open - 1) : n - (size_t)(open - s) - 1;
        add_name(nm, open + 1, on);
    }
    add_name(nm, s, name_n);
    while (name_n && is_space(*s)) {
        s++;
        name_n--;
    }
    size_t w = 0;
    while (w < name_n && !is_space(s[w]))
        w++;
    if (w < name_n && w >= 3)
        add_name(nm, s, w);
}

/* Splits an author field at commas, semicolons, '&' and " and " (outside
 * parentheses). */
static void add_authors(civ_figure_names *nm, const char *s)
{
    size_t len = strlen(s), from = 0;
    int depth = 0;
    for (size_t i = 0; i <= len; i++) {
        char c = i < len ? s[i] : ',';
        depth += c == '(' ? 1 : c == ')' && depth ? -1 : 0;
        size_t cut = 0;
        if (!depth && (c == ',' || c == ';' || c == '&'))
            cut = 1;
        else if (!depth && i + 5 <= len && strncmp(s + i, " and ", 5) == 0)
            cut = 5;
        if (!cut)
            continue;
        add_author(nm, s + from, i - from);
        from = i + cut;
        i = from - 1;
    }
}

void civ_figure_names_init(civ_figure_names *nm, const civ_doc *doc, const civ_ctx *ctx)
{
    memset(nm, 0, sizeof *nm);
    for (size_t k = 0; k < ctx->nfigure_own_names; k++)
        *CIV_PUSH(nm->v, nm->n, nm->cap) = ctx->figure_own_names[k];
    for (size_t a = 0; doc->fm && a < doc->fm->nauthors; a++)
        if (doc->fm->authors[a])
            add_authors(nm, doc->fm->authors[a]);
}

void civ_figure_names_free(civ_figure_names *nm)
{
    for (size_t i = 0; i < nm->nown; i++)
        free(nm->own[i]);
    free(nm->own);
    free(nm->v);
}

void civ_figure_names_find(const civ_figure_names *nm, const civ_block *b,
                           void (*fn)(void *arg, const size_t *ov, int g), void *arg)
{
    for (size_t k = 0; k < nm->n; k++) {
        const char *name = nm->v[k];
        size_t n = strlen(name), at = 0;
        const char *hit;
        while (n && at < b->text_len &&
               (hit = memmem(b->text + at, b->text_len - at, name, n)) != NULL) {
            size_t h = (size_t)(hit - b->text);
            if (name_at(b->text, b->text_len, h, n)) {
                size_t ov[2] = {h, h + n};
                fn(arg, ov, 0);
            }
            at = h + 1;
        }
    }
}
