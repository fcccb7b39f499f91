/* columns.c - see columns.h. */
#include "columns.h"

#include "../util.h"

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
