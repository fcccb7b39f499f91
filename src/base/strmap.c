/* strmap.c - see strmap.h. */
#include "base/strmap.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

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

/* The hash is SipHash-1-3 (the keyed hash Python and Rust use for their
 * tables) under a key drawn once per process from getrandom: the keys of
 * these maps come from posts (civlint-words, the speller's cache), and with
 * an unkeyed hash (FNV-1a until issue 20) a post could hold thousands of
 * words crafted to share one probe run, making every insertion walk all
 * the others (tests/scaling/gen words-colliding). None of the project's
 * libraries exports a keyed string hash (jansson's is internal). Nothing
 * depends on the order of the table, which now differs between runs:
 * civ_strmap_each's callers sort or fill other maps. */
static uint64_t sip_k0, sip_k1;
static pthread_once_t sip_once = PTHREAD_ONCE_INIT;

static void sip_seed(void)
{
    uint64_t k[2];
    if (getrandom(k, sizeof k, GRND_NONBLOCK) != (ssize_t)sizeof k) {
        /* no entropy yet (early boot) or no getrandom: still vary per run */
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        k[0] = (uint64_t)ts.tv_nsec * 0x9e3779b97f4a7c15u ^ (uint64_t)ts.tv_sec;
        k[1] = (uint64_t)getpid() * 0xbf58476d1ce4e5b9u ^ (uint64_t)(uintptr_t)&ts;
    }
    sip_k0 = k[0];
    sip_k1 = k[1];
}

#define ROTL(x, b) (((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND                                                                                   \
    do {                                                                                           \
        v0 += v1;                                                                                  \
        v1 = ROTL(v1, 13);                                                                         \
        v1 ^= v0;                                                                                  \
        v0 = ROTL(v0, 32);                                                                         \
        v2 += v3;                                                                                  \
        v3 = ROTL(v3, 16);                                                                         \
        v3 ^= v2;                                                                                  \
        v0 += v3;                                                                                  \
        v3 = ROTL(v3, 21);                                                                         \
        v3 ^= v0;                                                                                  \
        v2 += v1;                                                                                  \
        v1 = ROTL(v1, 17);                                                                         \
        v1 ^= v2;                                                                                  \
        v2 = ROTL(v2, 32);                                                                         \
    } while (0)

uint64_t civ_strmap_hash(const char *key, size_t klen)
{
    pthread_once(&sip_once, sip_seed);
    uint64_t v0 = sip_k0 ^ 0x736f6d6570736575u, v1 = sip_k1 ^ 0x646f72616e646f6du;
    uint64_t v2 = sip_k0 ^ 0x6c7967656e657261u, v3 = sip_k1 ^ 0x7465646279746573u;
    const unsigned char *p = (const unsigned char *)key;
    size_t full = klen & ~(size_t)7;
    for (size_t i = 0; i < full; i += 8) {
        uint64_t m;
        memcpy(&m, p + i, 8); /* the byte order does not matter for a table */
        v3 ^= m;
        SIPROUND;
        v0 ^= m;
    }
    uint64_t b = (uint64_t)klen << 56;
    for (size_t i = full; i < klen; i++)
        b |= (uint64_t)p[i] << (8 * (i - full));
    v3 ^= b;
    SIPROUND;
    v0 ^= b;
    v2 ^= 0xff;
    SIPROUND;
    SIPROUND;
    SIPROUND;
    return v0 ^ v1 ^ v2 ^ v3;
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
    return civ_strmap_get_hashed(m, key, klen, civ_strmap_hash(key, klen));
}

void *civ_strmap_get_hashed(const civ_strmap *m, const char *key, size_t klen, uint64_t hash)
{
    if (m->n == 0)
        return NULL;
    civ_strmap_slot *s = find(m, key, klen, hash);
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
    return civ_strmap_put_hashed(m, key, klen, civ_strmap_hash(key, klen), value);
}

void *civ_strmap_put_hashed(civ_strmap *m, const char *key, size_t klen, uint64_t h, void *value)
{
    if ((m->n + 1) * 2 > m->cap)
        grow(m);
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
