/* frontmatter.c - see frontmatter.h. */
#include "source/frontmatter.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

/* True when the line [a,b) is `fence` followed only by spaces or tabs. */
static bool is_fence(const char *d, size_t a, size_t b, const char *fence)
{
    size_t n = strlen(fence);
    if (b - a < n || memcmp(d + a, fence, n) != 0)
        return false;
    for (size_t i = a + n; i < b; i++)
        if (d[i] != ' ' && d[i] != '\t')
            return false;
    return true;
}

static void set_error(civ_frontmatter *fm, size_t off, char *msg)
{
    if (fm->error) {
        free(msg);
        return;
    }
    fm->error = msg;
    fm->error_off = off;
}

/* Locates the offset where a scalar's value bytes appear unchanged. */
static size_t verbatim_off(const civ_source *src, const civ_ynode *n)
{
    size_t off = n->off;
    if (!n->plain && off < src->len && (src->data[off] == '"' || src->data[off] == '\''))
        off++;
    if (off + n->len <= src->len && memcmp(src->data + off, n->value, n->len) == 0)
        return off;
    return SIZE_MAX;
}

static void read_fields(const civ_source *src, civ_frontmatter *fm, size_t base_off)
{
    const civ_ynode *root = civ_ydoc_root(fm->yaml);
    if (!root)
        return;
    if (root->kind != CIV_Y_MAP) {
        set_error(fm, base_off + root->off,
                  xasprintf("front matter must be a YAML mapping, not %s", civ_ykind_name(root->kind)));
        return;
    }
    const civ_ynode *t = civ_ymap_get(root, "title");
    if (t && t->kind == CIV_Y_SCALAR) {
        fm->title = t->value;
        /* node offsets are relative to the YAML text; make them absolute */
        civ_ynode tmp = *t;
        tmp.off += base_off;
        fm->title_off = verbatim_off(src, &tmp);
    }
    const civ_ynode *dt = civ_ymap_get(root, "date");
    if (dt && dt->kind == CIV_Y_SCALAR)
        fm->date = dt->value;
    const char *keys[] = {"author", "authors"};
    for (size_t k = 0; k < 2; k++) {
        const civ_ynode *a = civ_ymap_get(root, keys[k]);
        if (!a)
            continue;
        if (a->kind == CIV_Y_SCALAR && a->len) {
            fm->authors = xrealloc(fm->authors, (fm->nauthors + 1) * sizeof *fm->authors);
            fm->authors[fm->nauthors++] = a->value;
        } else if (a->kind == CIV_Y_SEQ) {
            for (size_t i = 0; i < a->n; i++) {
                const civ_ynode *it = a->items[i];
                const civ_ynode *nm = it->kind == CIV_Y_MAP ? civ_ymap_get(it, "name") : it;
                if (nm && nm->kind == CIV_Y_SCALAR && nm->len) {
                    fm->authors = xrealloc(fm->authors, (fm->nauthors + 1) * sizeof *fm->authors);
                    fm->authors[fm->nauthors++] = nm->value;
                }
            }
        } else if (a->kind == CIV_Y_MAP) {
            const civ_ynode *nm = civ_ymap_get(a, "name");
            if (nm && nm->kind == CIV_Y_SCALAR && nm->len) {
                fm->authors = xrealloc(fm->authors, (fm->nauthors + 1) * sizeof *fm->authors);
                fm->authors[fm->nauthors++] = nm->value;
            }
        }
    }
}

void civ_frontmatter_parse(const civ_source *src, civ_frontmatter *fm)
{
    memset(fm, 0, sizeof *fm);
    fm->title_off = SIZE_MAX;
    size_t a, b;
    civ_source_line(src, 1, &a, &b);
    if (src->len == 0 || !is_fence(src->data, a, b, "---"))
        return;
    fm->present = true;
    size_t close_line = 0;
    for (size_t ln = 2; ln <= src->nlines; ln++) {
        civ_source_line(src, ln, &a, &b);
        if (is_fence(src->data, a, b, "---") || is_fence(src->data, a, b, "...")) {
            close_line = ln;
            break;
        }
    }
    if (!close_line) {
        /* Without a closing fence we cannot know where YAML ends; lint the
         * whole file as Markdown rather than silently skipping it. */
        set_error(fm, 0, xstrdup("front matter opened on line 1 is never closed (expected a '---' line)"));
        fm->present = false;
        return;
    }
    size_t ystart = src->lines[1];
    size_t yend = src->lines[close_line - 1];
    fm->body = close_line < src->nlines ? src->lines[close_line] : src->len;
    char *err = NULL;
    fm->yaml = civ_ydoc_parse(src->data + ystart, yend - ystart, 1, &err);
    if (!fm->yaml) {
        /* err is "LINE:COL: problem"; point at that line. */
        size_t line = strtoul(err, NULL, 10);
        size_t off = line >= 1 && line <= src->nlines ? src->lines[line - 1] : 0;
        const char *msg = strchr(err, ' ');
        set_error(fm, off, xasprintf("front matter is not valid YAML: %s", msg ? msg + 1 : err));
        free(err);
        return;
    }
    read_fields(src, fm, ystart);
}

void civ_frontmatter_release(civ_frontmatter *fm)
{
    free(fm->error);
    free(fm->authors);
    civ_ydoc_free(fm->yaml);
    memset(fm, 0, sizeof *fm);
}
