/* packtext.c - see packtext.h. Lines end at LF, CRLF or a lone CR, as in
 * the YAML parser that numbered them. */
#include "rules/packtext.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

char *civ_packtext_error(const civ_packtext *t, const civ_ynode *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = NULL;
    if (vasprintf(&msg, fmt, ap) < 0)
        msg = NULL;
    va_end(ap);
    char *s = xasprintf("%s:%zu:%zu: error: %s", t->path, n->line, n->col,
                        msg ? msg : "out of memory");
    free(msg);
    return s;
}

void civ_packtext_position(const civ_packtext *t, size_t off, size_t *line, size_t *col)
{
    size_t ln = 1, start = 0;
    for (size_t i = 0; i < off && i < t->len; i++) {
        char c = t->text[i];
        if (c == '\r' && i + 1 < t->len && t->text[i + 1] == '\n')
            continue; /* the LF ends this line */
        if (c == '\n' || c == '\r') {
            ln++;
            start = i + 1;
        }
    }
    *line = ln;
    *col = civ_utf8_count(t->text + start, (off < t->len ? off : t->len) - start) + 1;
}

/* The bytes of 1-based `line` of the text, without its terminator: a heap
 * string, or NULL when the text has fewer lines. */
static char *line_text(const civ_packtext *t, size_t line)
{
    const char *p = t->text, *end = t->text + t->len;
    for (size_t ln = 1; p <= end; ln++) {
        const char *e = p;
        while (e < end && *e != '\n' && *e != '\r')
            e++;
        if (ln == line)
            return xstrndup(p, (size_t)(e - p));
        if (e == end)
            break;
        if (*e == '\r' && e + 1 < end && e[1] == '\n')
            e++;
        p = e + 1;
    }
    return NULL;
}

char *civ_packtext_regex_error(const civ_packtext *t, const civ_ynode *node, const char *what,
                               const char *msg, size_t err_off)
{
    size_t col = node->col;
    char *line = t->text ? line_text(t, node->line) : NULL;
    if (line) {
        /* byte offset of the node on its line */
        size_t off = 0;
        for (size_t c = 1; c < node->col && line[off]; c++) {
            off++;
            while (line[off] && civ_utf8_is_cont((unsigned char)line[off]))
                off++;
        }
        size_t q = off + ((line[off] == '\'' || line[off] == '"') ? 1 : 0);
        if (strncmp(line + q, node->value, node->len) == 0 && err_off <= node->len)
            col = civ_utf8_count(line, q + err_off) + 1;
    }
    civ_buf b;
    civ_buf_init(&b);
    civ_buf_printf(&b, "%s:%zu:%zu: error: bad pattern in %s: %s", t->path, node->line, col, what,
                   msg);
    if (line) {
        civ_buf_printf(&b, "\n%5zu | %s\n      | ", node->line, line);
        for (size_t i = 1; i < col; i++)
            civ_buf_putc(&b, ' ');
        civ_buf_putc(&b, '^');
        free(line);
    }
    return civ_buf_detach(&b);
}
