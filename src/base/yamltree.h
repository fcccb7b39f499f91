/* yamltree.h - a YAML document (libyaml) as a small tree with positions.
 *
 * Front matter, rule packs and .civlint.yml all need the same thing: a tree
 * of maps, sequences and scalars, each with the line and column it came from
 * so errors can say file:line:col. Aliases are rejected outright: civlint's
 * files never need them and they are how a "billion laughs" YAML bomb
 * multiplies a small file into gigabytes. */
#ifndef CIV_YAMLTREE_H
#define CIV_YAMLTREE_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { CIV_Y_SCALAR, CIV_Y_SEQ, CIV_Y_MAP } civ_ykind;

typedef struct civ_ynode civ_ynode;
struct civ_ynode {
    civ_ykind kind;
    char *value;        /* scalars: the value (NUL-terminated) */
    size_t len;
    bool plain;         /* scalars: plain style (unquoted) */
    size_t line, col;   /* 1-based; col counts code points */
    size_t off;         /* byte offset of the node in the parsed text */
    civ_ynode **items;  /* SEQ: items; MAP: key, value, key, value, ... */
    size_t n;
};

typedef struct civ_ydoc civ_ydoc;

/* Parses text[0..len). line_base is added to every line (for YAML embedded
 * in a larger file). Returns NULL on error and sets *err to a heap message
 * "LINE:COL: problem" (caller frees). An empty document gives a tree whose
 * root is NULL. Free with civ_ydoc_free. */
civ_ydoc *civ_ydoc_parse(const char *text, size_t len, size_t line_base, char **err);
void civ_ydoc_free(civ_ydoc *d);
const civ_ynode *civ_ydoc_root(const civ_ydoc *d);

/* MAP lookup: the value for `key`, or NULL. */
const civ_ynode *civ_ymap_get(const civ_ynode *map, const char *key);
/* True when n is a scalar equal to s. */
bool civ_yscalar_is(const civ_ynode *n, const char *s);
const char *civ_ykind_name(civ_ykind k);

#endif
