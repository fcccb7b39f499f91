/* indexslot.c - see indexslot.h. */
#include "spell/indexslot.h"

#include <stdint.h>
#include <stdlib.h>

#include "base/util.h"

void civ_index_slot_init(civ_index_slot *s)
{
    *s = (civ_index_slot){0};
    pthread_mutex_init(&s->lock, NULL);
}

void civ_index_slot_release(civ_index_slot *s)
{
    civ_wordindex_close(s->index);
    free(s->path);
    free(s->note);
    pthread_mutex_destroy(&s->lock);
}

void civ_index_slot_set_path(civ_index_slot *s, const char *path)
{
    free(s->path);
    s->path = xstrdup(path);
}

const civ_wordindex *civ_index_slot_get(civ_index_slot *s, const char *lang, const char *const *inputs,
                                        size_t ninputs)
{
    if (!s->path || atomic_load(&s->tried))
        return s->index;
    pthread_mutex_lock(&s->lock);
    if (!atomic_load(&s->tried)) {
        uint64_t hash;
        char *err = NULL;
        if (civ_wordindex_hash_files(inputs, ninputs, &hash, &err))
            s->index = civ_wordindex_open(s->path, hash, &err);
        if (!s->index)
            s->note = xasprintf("%s: %s; suggestions ask hunspell for each candidate", lang, err);
        free(err);
        atomic_store(&s->tried, true);
    }
    pthread_mutex_unlock(&s->lock);
    return s->index;
}

const civ_wordindex *civ_index_slot_get_dicts(civ_index_slot *s, const char *lang, const char *aff,
                                              const char *dic, char *const *extra, size_t nextra)
{
    if (!s->path || atomic_load(&s->tried))
        return s->index;
    const char **in = xcalloc(2 + nextra, sizeof *in);
    in[0] = aff;
    in[1] = dic;
    for (size_t i = 0; i < nextra; i++)
        in[2 + i] = extra[i];
    const civ_wordindex *ix = civ_index_slot_get(s, lang, in, 2 + nextra);
    free(in);
    return ix;
}

const char *civ_index_slot_note(civ_index_slot *s)
{
    return atomic_load(&s->tried) ? s->note : NULL;
}
