/* mkknownindex - builds the index of the large word lists
 * (src/spell/known.h, Debian's wamerican-huge) at `make`, so civlint maps
 * it instead of reading ~350,000 lines at its first unknown word.
 *
 * usage: mkknownindex OUT LIST [LIST ...]
 *
 * The lists are read and hashed by the library's own code
 * (civ_known_build_index), so the index is the table civlint would make;
 * its header holds a hash of the lists' contents, so an upgraded package
 * makes it stale, never wrong. Writes OUT atomically; prints one line of
 * counts. A build tool: it prints and exits. */
#include <stdio.h>
#include <stdlib.h>

#include "base/util.h"
#include "spell/known.h"

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: mkknownindex OUT LIST [LIST ...]\n");
        return 2;
    }
    char *err = NULL;
    if (!civ_known_build_index((const char *const *)argv + 2, (size_t)argc - 2, argv[1], &err)) {
        fprintf(stderr, "mkknownindex: %s\n", err);
        free(err);
        return 1;
    }
    civ_known *k = civ_known_new();
    for (int i = 2; i < argc; i++)
        civ_known_add(k, argv[i]);
    civ_known_set_index(k, argv[1]);
    size_t lists, words;
    civ_known_has(k, "a", 1);
    civ_known_loaded(k, &lists, &words);
    const char *note = civ_known_index_note(k);
    if (note) { /* the index just written must open */
        fprintf(stderr, "mkknownindex: %s\n", note);
        civ_known_free(k);
        return 1;
    }
    printf("%s: %zu words from %zu list%s\n", argv[1], words, lists, lists == 1 ? "" : "s");
    civ_known_free(k);
    return 0;
}
