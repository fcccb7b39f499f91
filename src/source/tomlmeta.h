/* tomlmeta.h - the keys civlint reads from TOML front matter, through
 * toml++ (Debian's libtomlplusplus-dev). Debian 12 has no C TOML library;
 * toml++ is C++17, so this header is the C interface of the one C++
 * translation unit in civlint (tomlmeta.cpp): C types in, C types out, no
 * exception crosses it. */
#ifndef CIV_TOMLMETA_H
#define CIV_TOMLMETA_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One top-level key and its strings: a string; a date or date-time as
 * "YYYY-MM-DD"; an array's strings, dates and the `name` of its tables; a
 * table's `name` (or `created`, for date tables). Other values (numbers,
 * booleans) give no string. */
typedef struct {
    char *key;        /* heap */
    char **values;    /* heap strings, only non-empty ones */
    size_t nvalues;
    size_t line;      /* 1-based line of the key within the text */
} civ_toml_field;

typedef struct {
    char *title;      /* heap, NULL when absent or not a string */
    civ_toml_field *fields; /* every top-level key (toml++ keeps them sorted) */
    size_t nfields;
} civ_toml_meta;

/* Parses text[0..len) as TOML and fills *m (zeroed first). Returns NULL on
 * success, else a heap message (caller frees) and sets *line to the 1-based
 * line of the problem within text. Release m with civ_toml_meta_release
 * either way. Never throws. */
char *civ_toml_meta_read(const char *text, size_t len, civ_toml_meta *m, size_t *line);
void civ_toml_meta_release(civ_toml_meta *m);

#ifdef __cplusplus
}
#endif

#endif
