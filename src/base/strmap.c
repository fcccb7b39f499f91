/* strmap.c - see strmap.h. */
#include "base/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "base/work.h"

void civ_strmap_init(civ_strmap *m)
{
    m->slots = NULL;
    m->cap = 0;
    m->n = 0;
    civ_arena_init(&m->keys);
}

void civ_strmap_release(civ_strmap *m)
{
    free(m->slots);
    civ_arena_release(&m->keys);
    civ_strmap_init(m);
}

uint64_t civ_strmap_hash(const char *key, size_t klen)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < klen; i++) {
        h ^= (unsigned char)key[i];
        h *= 0x100000001b3u;
    }
    return h;
}

static civ_strmap_slot *find(const civ_strmap *m, const char *key, size_t klen, uint64_t h)
{
    size_t mask = m->cap - 1;
    for (size_t i = (size_t)h & mask, probes = 1;; i = (i + 1) & mask, probes++) {
        civ_strmap_slot *s = &m->slots[i];
        if (!s->key || (s->hash == h && s->klen == klen && memcmp(s->key, key, klen) == 0)) {
            CIV_WORK(probes);
            return s;
        }
    }
}

void *civ_strmap_get(const civ_strmap *m, const char *key, size_t klen)
{
    if (m->n == 0)
        return NULL;
    civ_strmap_slot *s = find(m, key, klen, civ_strmap_hash(key, klen));
    return s->key ? s->value : NULL;
}

static void grow(civ_strmap *m)
{
    size_t ncap = m->cap ? m->cap * 2 : 64;
    civ_strmap_slot *old = m->slots;
    size_t ocap = m->cap;
    m->slots = xcalloc(ncap, sizeof *m->slots);
    m->cap = ncap;
    for (size_t i = 0; i < ocap; i++)
        if (old[i].key)
            *find(m, old[i].key, old[i].klen, old[i].hash) = old[i];
    free(old);
}

void *civ_strmap_put(civ_strmap *m, const char *key, size_t klen, void *value)
{
    if ((m->n + 1) * 2 > m->cap)
        grow(m);
    uint64_t h = civ_strmap_hash(key, klen);
    civ_strmap_slot *s = find(m, key, klen, h);
    if (s->key) {
        void *old = s->value;
        s->value = value;
        return old;
    }
    s->hash = h;
    s->key = civ_arena_strndup(&m->keys, key, klen);
    s->klen = klen;
    s->value = value;
    m->n++;
    return NULL;
}

void civ_strmap_each(const civ_strmap *m, void (*fn)(const char *key, void *value, void *ud), void *ud)
{
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            fn(m->slots[i].key, m->slots[i].value, ud);
}
