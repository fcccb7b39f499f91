/* yamltree.c - see yamltree.h. */
#include "base/yamltree.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "base/util.h"
#include "base/work.h"

/* Deeper than any real config; bounds recursion in civ_ydoc_free and users. */
#define MAX_DEPTH 64
/* A front matter or rule file with more nodes than this is not a config. */
#define MAX_NODES 200000

struct civ_ydoc {
    civ_arena arena;
    civ_ynode *root;
};

typedef struct {
    civ_ynode *node;
    size_t cap;
} frame;

/* The last mark turned into an offset: libyaml reports marks in increasing
 * order, so each one is walked to from the previous one on its line, not
 * from the line's start (a flow sequence of 80,000 items on one line was
 * quadratic: 11.7 s). */
typedef struct {
    size_t line, col, off;
    bool valid;
} mark_cursor;

/* libyaml counts columns and indexes in characters; turn a mark into a byte
 * offset by walking from the start of its line, or from the cursor. */
static size_t mark_offset(const char *text, size_t len, const yaml_mark_t *m,
                          const size_t *line_starts, size_t nlines, mark_cursor *cur)
{
    if (m->line >= nlines)
        return len;
    size_t off = line_starts[m->line], c = 0;
    if (cur->valid && cur->line == m->line && cur->col <= m->column) {
        off = cur->off;
        c = cur->col;
    }
    size_t c0 = c;
    for (; c < m->column && off < len && text[off] != '\n'; c++) {
        off++;
        while (off < len && ((unsigned char)text[off] & 0xC0) == 0x80)
            off++;
    }
    CIV_WORK(c - c0 + 1);
    *cur = (mark_cursor){m->line, c, off, true};
    return off;
}

static void add_child(frame *f, civ_ynode *child)
{
    civ_ynode *p = f->node;
    civ_grow((void **)&p->items, &f->cap, p->n + 1, sizeof *p->items);
    p->items[p->n++] = child;
}

civ_ydoc *civ_ydoc_parse(const char *text, size_t len, size_t line_base, char **err)
{
    yaml_parser_t parser;
    yaml_event_t ev;
    civ_ydoc *d = xcalloc(1, sizeof *d);
    frame stack[MAX_DEPTH + 1];
    size_t depth = 0, nodes = 0;
    size_t *ls = NULL, nls = 0, lcap = 0;
    bool done = false;
    mark_cursor cur = {0, 0, 0, false};
    *err = NULL;

    civ_arena_init(&d->arena);
    *CIV_PUSH(ls, nls, lcap) = 0;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n')
            *CIV_PUSH(ls, nls, lcap) = i + 1;

    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    while (!done && !*err) {
        if (!yaml_parser_parse(&parser, &ev)) {
            /* A problem found only at the end of the text (an unclosed
             * bracket) is better shown where the construct began. */
            yaml_mark_t m = parser.problem_mark;
            if (m.index >= len && parser.context)
                m = parser.context_mark;
            *err = xasprintf("%zu:%zu: %s%s%s", m.line + line_base + 1, m.column + 1,
                             parser.problem ? parser.problem : "invalid YAML",
                             parser.context ? " " : "", parser.context ? parser.context : "");
            break;
        }
        civ_ynode *n = NULL;
        switch (ev.type) {
        case YAML_ALIAS_EVENT:
            *err = xasprintf("%zu:%zu: YAML aliases are not allowed here",
                             ev.start_mark.line + line_base + 1, ev.start_mark.column + 1);
            break;
        case YAML_SCALAR_EVENT:
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            if (++nodes > MAX_NODES) {
                *err = xasprintf("%zu:%zu: too many YAML nodes", ev.start_mark.line + line_base + 1,
                                 ev.start_mark.column + 1);
                break;
            }
            n = civ_arena_alloc(&d->arena, sizeof *n);
            memset(n, 0, sizeof *n);
            n->line = ev.start_mark.line + line_base + 1;
            n->col = ev.start_mark.column + 1;
            n->off = mark_offset(text, len, &ev.start_mark, ls, nls, &cur);
            if (ev.type == YAML_SCALAR_EVENT) {
                n->kind = CIV_Y_SCALAR;
                n->value = civ_arena_strndup(&d->arena, (const char *)ev.data.scalar.value,
                                             ev.data.scalar.length);
                n->len = ev.data.scalar.length;
                n->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
            } else {
                n->kind = ev.type == YAML_SEQUENCE_START_EVENT ? CIV_Y_SEQ : CIV_Y_MAP;
            }
            if (depth > 0)
                add_child(&stack[depth - 1], n);
            else if (!d->root)
                d->root = n;
            if (n->kind != CIV_Y_SCALAR) {
                if (depth >= MAX_DEPTH) {
                    *err = xasprintf("%zu:%zu: YAML nested too deeply", n->line, n->col);
                    break;
                }
                stack[depth].node = n;
                stack[depth].cap = 0;
                depth++;
            }
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            if (depth > 0) {
                /* Move the children into the arena so one release frees all. */
                civ_ynode *p = stack[depth - 1].node;
                civ_ynode **items = civ_arena_alloc(&d->arena, (p->n ? p->n : 1) * sizeof *items);
                if (p->n)
                    memcpy(items, p->items, p->n * sizeof *items);
                free(p->items);
                p->items = items;
                depth--;
            }
            break;
        case YAML_DOCUMENT_END_EVENT:
        case YAML_STREAM_END_EVENT:
            done = true;
            break;
        default:
            break;
        }
        yaml_event_delete(&ev);
    }
    /* On error, children arrays still on the stack are heap-owned. */
    while (depth > 0) {
        free(stack[depth - 1].node->items);
        stack[depth - 1].node->items = NULL;
        stack[depth - 1].node->n = 0;
        depth--;
    }
    yaml_parser_delete(&parser);
    free(ls);
    if (*err) {
        civ_ydoc_free(d);
        return NULL;
    }
    return d;
}

void civ_ydoc_free(civ_ydoc *d)
{
    if (!d)
        return;
    civ_arena_release(&d->arena);
    free(d);
}

const civ_ynode *civ_ydoc_root(const civ_ydoc *d)
{
    return d->root;
}

const civ_ynode *civ_ymap_get(const civ_ynode *map, const char *key)
{
    if (!map || map->kind != CIV_Y_MAP)
        return NULL;
    for (size_t i = 0; i + 1 < map->n; i += 2)
        if (civ_yscalar_is(map->items[i], key))
            return map->items[i + 1];
    return NULL;
}

bool civ_yscalar_is(const civ_ynode *n, const char *s)
{
    return n && n->kind == CIV_Y_SCALAR && strcmp(n->value, s) == 0;
}

const char *civ_ykind_name(civ_ykind k)
{
    return k == CIV_Y_SCALAR ? "a scalar" : k == CIV_Y_SEQ ? "a list" : "a mapping";
}
