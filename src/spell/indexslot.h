/* indexslot.h - a speller's word index (wordindex.h), opened once, lazily,
 * by the first thread that needs it: most runs that find no unknown word
 * never map it, and the check that it matches the speller's dictionaries
 * (a hash of their contents) is paid once per run, not once per thread. */
#ifndef CIV_SPELL_INDEXSLOT_H
#define CIV_SPELL_INDEXSLOT_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "spell/wordindex.h"

typedef struct {
    char *path;              /* the index file; NULL: none configured */
    pthread_mutex_t lock;
    _Atomic bool tried;
    civ_wordindex *index;    /* NULL when missing or stale */
    char *note;              /* why it is not used; NULL when it is */
} civ_index_slot;

void civ_index_slot_init(civ_index_slot *s);
void civ_index_slot_release(civ_index_slot *s);
void civ_index_slot_set_path(civ_index_slot *s, const char *path);
/* The index, opened at the first call when it was built from exactly the
 * files `inputs` (in that order); else NULL, the reason kept for
 * civ_index_slot_note under the name `lang`. Thread-safe. */
const civ_wordindex *civ_index_slot_get(civ_index_slot *s, const char *lang, const char *const *inputs,
                                        size_t ninputs);
/* The same for a speller's files: its .aff, its .dic and the extra .dic
 * files added to it, in that order. */
const civ_wordindex *civ_index_slot_get_dicts(civ_index_slot *s, const char *lang, const char *aff,
                                              const char *dic, char *const *extra, size_t nextra);
/* Why the index is not used, once it was tried; else NULL. */
const char *civ_index_slot_note(civ_index_slot *s);

#endif
