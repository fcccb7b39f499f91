/* cmark_threads.h - cmark-gfm's one piece of shared mutable state, made safe
 * for parsing on several threads (see cmark_threads.c for the race). */
#ifndef CIV_CMARK_THREADS_H
#define CIV_CMARK_THREADS_H

#include <stdbool.h>

/* True when libcmark-gfm's calls reach civlint's thread-safe definition of
 * cmark_manage_extensions_special_characters (the dynamic linker resolved
 * the library's call to the executable's symbol). */
bool civ_cmark_threads_active(void);

#endif
