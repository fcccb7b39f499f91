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

typedef struct {
    char *title;      /* heap, NULL when absent or not a string */
    char *date;       /* heap, "YYYY-MM-DD" (a TOML date or date-time) or
                         the string as written; NULL when absent */
    char **authors;   /* heap strings: author or authors (a string, an
                         array of strings or of tables with a name) */
    size_t nauthors;
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
