/* columns.c - see columns.h. */
#include "columns.h"

void civ_position_bytes(const civ_source *src, size_t off, size_t *line, size_t *col)
{
    if (off > src->len)
        off = src->len;
    size_t li = civ_source_line_of(src, off);
    *line = li + 1;
    *col = off - src->lines[li] + 1 + (li == 0 && src->had_bom ? 3 : 0);
}
