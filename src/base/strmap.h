/* strmap.h - a string -> pointer hash table (open addressing, linear
 * probing, SipHash-1-3 under a per-process random key), for the speller's
 * verdict cache and word lists.
 *
 * Why not a library: glibc's hsearch has one global table (or the _r form
 * that cannot grow), GLib would be a large new dependency for 100 lines,
 * and uthash is macros over intrusive structs. Keys here are short words
 * looked up millions of times, which linear probing over a power-of-two
 * array of (hash, key, value) slots serves well: one cache line per probe
 * at the load factor kept (at most 1/2).
 *
 * Not thread-safe by itself; the speller puts a lock around it. */
#ifndef CIV_STRMAP_H
#define CIV_STRMAP_H

#include <stddef.h>
#include <stdint.h>

#include "base/util.h"

typedef struct {
    uint64_t hash;
    char *key; /* NULL: empty slot */
    size_t klen;
    void *value;
} civ_strmap_slot;

typedef struct {
    civ_strmap_slot *slots;
    size_t cap; /* a power of two, or 0 */
    size_t n;
    civ_arena keys; /* the key copies: entries are never removed, so they
                       are freed all at once (one free per key took 4% of
                       a one-post run) */
} civ_strmap;

void civ_strmap_init(civ_strmap *m);
/* Frees the table and the key copies; values are the caller's (free them
 * first with civ_strmap_each if they are owned). */
void civ_strmap_release(civ_strmap *m);

/* Keyed by a random per-process key: the same in one run, not across runs
 * (so crafted keys cannot be made to collide). */
uint64_t civ_strmap_hash(const char *key, size_t klen);
/* The value stored for key[0..klen), or NULL. */
void *civ_strmap_get(const civ_strmap *m, const char *key, size_t klen);
/* Stores value (not NULL) for key[0..klen) (copied), replacing any old
 * value, which is returned (NULL when the key was new). */
void *civ_strmap_put(civ_strmap *m, const char *key, size_t klen, void *value);
/* The same with key's civ_strmap_hash computed by the caller, for a key
 * looked up in several maps (the speller's word lists and cache): hashing
 * a short word costs more than the probe. */
void *civ_strmap_get_hashed(const civ_strmap *m, const char *key, size_t klen, uint64_t hash);
void *civ_strmap_put_hashed(civ_strmap *m, const char *key, size_t klen, uint64_t hash, void *value);
/* Calls fn for every entry, in no particular order. */
void civ_strmap_each(const civ_strmap *m, void (*fn)(const char *key, void *value, void *ud), void *ud);

#endif
