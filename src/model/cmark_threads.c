/* cmark_threads.c - makes cmark-gfm safe to run on several threads at once.
 *
 * Why this exists: cmark-gfm keeps the set of characters that start inline
 * syntax in one static table (inlines.c). Before it parses a document's
 * inlines, cmark_parser_finish() adds the characters of the parser's
 * extensions ('~' for strikethrough, ':' and 'w' for autolinks) to that
 * table, and after it removes them again. With two parsers on two threads,
 * one thread's removal lands in the middle of the other's inline parse, and
 * that document silently loses its strikethrough and bare autolinks (the
 * unit test suite_parallel/pipeline measured 8 differing models in 20,000
 * concurrent parses before this file existed).
 *
 * civlint attaches the same extensions to every parser, so the right table
 * is the same for every document: once added, the characters never need to
 * be removed. This file defines cmark_manage_extensions_special_characters,
 * which libcmark-gfm calls through its PLT (it is an exported symbol), so
 * the executable's definition interposes the library's: "add" is done for
 * real once per larger extension set, under a mutex, and "remove" does
 * nothing. A parser with fewer extensions (none in civlint) would see '~'
 * as a special character with no extension to claim it, which only splits
 * a text node; the text is the same.
 *
 * civ_cmark_threads_active() tells whether the interposition took effect
 * (the unit tests require it). */
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#include "model/cmark_threads.h"

typedef void (*manage_fn)(cmark_parser *, int);

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static size_t added_for; /* size of the largest extension set added */

void cmark_manage_extensions_special_characters(cmark_parser *parser, int add)
{
    if (!add)
        return;
    size_t n = 0;
    for (cmark_llist *l = cmark_parser_get_syntax_extensions(parser); l; l = l->next)
        n++;
    pthread_mutex_lock(&mu);
    if (n > added_for) {
        manage_fn real = (manage_fn)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
        if (real)
            real(parser, 1);
        added_for = n;
    }
    pthread_mutex_unlock(&mu);
}

bool civ_cmark_threads_active(void)
{
    void *sym = dlsym(RTLD_DEFAULT, "cmark_manage_extensions_special_characters");
    return sym == (void *)cmark_manage_extensions_special_characters;
}
