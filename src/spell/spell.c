/* spell.c - see spell.h. The expensive things - loading a dictionary
 * (tens of milliseconds), hunspell's suggestion search (milliseconds per
 * word) - happen once per run and once per distinct word; everything per
 * token is a hash lookup under a read lock of one of the cache's shards. */
#include "spell/spell.h"

#include <errno.h>
#include <hunspell.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "base/textfile.h"
#include "base/util.h"
#include "spell/casing.h"
#include "spell/fullsearch.h"
#include "spell/dictfind.h"
#include "spell/indexslot.h"
#include "spell/known.h"
#include "spell/near.h"
#include "spell/wordindex.h"

typedef struct {
    bool known;
    _Atomic bool near_done; /* set (under the write lock) after the near fields */
    _Atomic bool suggested; /* the full search asked for (--suggest=full) */
    int near_cost;          /* near.h's cost of sugg[0]; CIV_NEAR_NONE */
    bool near_proper;       /* sugg[0] is a proper noun */
    _Atomic bool casing_done; /* set (under the write lock) after casing */
    char *casing;           /* the dictionary's casing of the word, or NULL */
    char **sugg;
    size_t nsugg;
} verdict;

/* The verdict cache is split into shards by the word's hash, each with its
 * own lock: with one lock for the whole cache, -j 2 workers spent about
 * half their time asleep on it (perf sched: 1.3 s waiting against 1.2 s
 * running per worker on 1,000 posts), readers queued behind the writer
 * of each new word and its table's rehash. The padding keeps two shards'
 * locks off one cache line. */
#define CACHE_SHARD_BITS 6
#define CACHE_SHARDS (1u << CACHE_SHARD_BITS)
typedef struct {
    pthread_rwlock_t lock;
    civ_strmap map; /* word -> verdict */
    char pad[64];
} cache_shard;

struct civ_speller {
    char *aff, *dic;
    char **extra; /* further .dic files, replayed on every new handle */
    size_t nextra, extracap;
    civ_strmap words; /* word lists; read-only after set-up */

    pthread_mutex_t load_lock; /* one handle loads at a time (below) */
    pthread_mutex_t pool_lock;
    pthread_cond_t pool_cond; /* a handle was given back */
    Hunhandle **idle;
    size_t nidle, idlecap;
    Hunhandle **all;
    size_t nall, allcap;

    cache_shard cache[CACHE_SHARDS];
    bool full_search; /* civ_speller_set_full_search */

    _Atomic uint64_t words_n, lookups, suggestions, ns;

    /* Other spellings of the language (civ_speller_add_variant), owned. */
    char *lang;
    civ_speller *variants[CIV_SPELL_MAX_VARIANTS];
    size_t nvariants;
    /* The candidate (civ_speller_add_candidate), loaded on first use: it
     * doubles a one-post run's start-up, and most posts never need it. */
    char *cand_lang, *cand_dict;
    pthread_mutex_t cand_lock;
    _Atomic(civ_speller *) cand;
    _Atomic bool cand_tried;
    civ_index_slot index; /* the word index, opened at the first near search */
    civ_known *known; /* known.h, or NULL */
};

/* Loads a new handle. Loading is serialised: hunspell keeps process-wide
 * character tables that older versions set up without a lock, and two
 * threads loading at once gain nothing over one (it is rare: once per
 * thread per run). Lookups on different handles run in parallel. */
static Hunhandle *load_handle(civ_speller *sp)
{
    pthread_mutex_lock(&sp->load_lock);
    Hunhandle *h = Hunspell_create(sp->aff, sp->dic);
    if (!h)
        civ_oom(); /* the .dic was read when the speller was made */
    for (size_t i = 0; i < sp->nextra; i++)
        Hunspell_add_dic(h, sp->extra[i]);
    pthread_mutex_unlock(&sp->load_lock);
    pthread_mutex_lock(&sp->pool_lock);
    *CIV_PUSH(sp->all, sp->nall, sp->allcap) = h;
    pthread_mutex_unlock(&sp->pool_lock);
    return h;
}

/* A busy handle is nearly always free again within microseconds (one
 * Hunspell_spell), and loading another costs 60-200 M instructions (at
 * -j 2 each worker loaded its own en_US and en_GB handles for a few
 * calls): wait 100 ms for one (a thread holding it may be preempted on a
 * loaded machine), load only if it stays busy (a full search). */
static Hunhandle *take_handle(civ_speller *sp)
{
    Hunhandle *h = NULL;
    pthread_mutex_lock(&sp->pool_lock);
    if (!sp->nidle && sp->nall) {
        struct timespec t;
        clock_gettime(CLOCK_REALTIME, &t);
        long ns = t.tv_nsec + 100000000L;
        t.tv_sec += ns / 1000000000L, t.tv_nsec = ns % 1000000000L;
        while (!sp->nidle && pthread_cond_timedwait(&sp->pool_cond, &sp->pool_lock, &t) == 0)
            ;
    }
    if (sp->nidle)
        h = sp->idle[--sp->nidle];
    pthread_mutex_unlock(&sp->pool_lock);
    return h ? h : load_handle(sp);
}

static void give_handle(civ_speller *sp, Hunhandle *h)
{
    pthread_mutex_lock(&sp->pool_lock);
    *CIV_PUSH(sp->idle, sp->nidle, sp->idlecap) = h;
    pthread_cond_signal(&sp->pool_cond);
    pthread_mutex_unlock(&sp->pool_lock);
}

civ_speller *civ_speller_new(const char *lang, const char *dict, char **err)
{
    char *aff = NULL, *dic = NULL;
    if (!lang || !*lang)
        lang = CIV_SPELL_DEFAULT_LANG;
    if (!civ_dict_find(lang, dict, &aff, &dic, err))
        return NULL;
    civ_speller *sp = xcalloc(1, sizeof *sp);
    sp->lang = xstrdup(lang);
    sp->aff = aff;
    sp->dic = dic;
    civ_strmap_init(&sp->words);
    for (unsigned i = 0; i < CACHE_SHARDS; i++) {
        civ_strmap_init(&sp->cache[i].map);
        pthread_rwlock_init(&sp->cache[i].lock, NULL);
    }
    pthread_mutex_init(&sp->load_lock, NULL);
    pthread_mutex_init(&sp->pool_lock, NULL);
    pthread_cond_init(&sp->pool_cond, NULL);
    pthread_mutex_init(&sp->cand_lock, NULL);
    civ_index_slot_init(&sp->index);
    Hunhandle *h = load_handle(sp);
    const char *enc = Hunspell_get_dic_encoding(h);
    if (!enc || strcmp(enc, "UTF-8") != 0) {
        *err = xasprintf("hunspell dictionary '%s' is in %s; civlint needs a UTF-8 dictionary (SET UTF-8)",
                         dic, enc ? enc : "an unknown encoding");
        civ_speller_free(sp);
        return NULL;
    }
    give_handle(sp, h);
    return sp;
}

static void free_verdict(const char *key, void *value, void *ud)
{
    (void)key;
    (void)ud;
    verdict *v = value;
    for (size_t i = 0; i < v->nsugg; i++)
        free(v->sugg[i]);
    free(v->sugg);
    free(v->casing);
    free(v);
}

void civ_speller_free(civ_speller *sp)
{
    if (!sp)
        return;
    for (size_t i = 0; i < sp->nall; i++)
        Hunspell_destroy(sp->all[i]);
    free(sp->all);
    free(sp->idle);
    for (unsigned i = 0; i < CACHE_SHARDS; i++) {
        civ_strmap_each(&sp->cache[i].map, free_verdict, NULL);
        civ_strmap_release(&sp->cache[i].map);
        pthread_rwlock_destroy(&sp->cache[i].lock);
    }
    civ_strmap_release(&sp->words);
    for (size_t i = 0; i < sp->nextra; i++)
        free(sp->extra[i]);
    free(sp->extra);
    pthread_mutex_destroy(&sp->load_lock);
    pthread_mutex_destroy(&sp->pool_lock);
    pthread_cond_destroy(&sp->pool_cond);
    for (size_t i = 0; i < sp->nvariants; i++)
        civ_speller_free(sp->variants[i]);
    civ_speller_free(atomic_load(&sp->cand));
    free(sp->cand_lang);
    free(sp->cand_dict);
    pthread_mutex_destroy(&sp->cand_lock);
    civ_index_slot_release(&sp->index);
    civ_known_free(sp->known);
    free(sp->lang);
    free(sp->aff);
    free(sp->dic);
    free(sp);
}

const char *civ_speller_aff(const civ_speller *sp)
{
    return sp->aff;
}

const char *civ_speller_dic(const civ_speller *sp)
{
    return sp->dic;
}

bool civ_speller_add_dic(civ_speller *sp, const char *path, char **err)
{
    /* hunspell opens the file itself and would read a FIFO or /dev/zero
     * without end (24 GB before it was killed) */
    if (!civ_text_check_file(path, CIV_WORDLIST_MAX, err))
        return false;
    *CIV_PUSH(sp->extra, sp->nextra, sp->extracap) = xstrdup(path);
    /* Set-up runs before any lookup, so every handle so far is idle. */
    for (size_t i = 0; i < sp->nall; i++)
        Hunspell_add_dic(sp->all[i], path);
    return true;
}

void civ_speller_add_word(civ_speller *sp, const char *word, size_t n)
{
    civ_wordlist_add(&sp->words, word, n);
}

/* Hunspell wants a NUL-terminated string. */
static char *cstr(const char *word, size_t n, char *buf, size_t cap)
{
    char *s = n < cap ? buf : xmalloc(n + 1);
    memcpy(s, word, n);
    s[n] = '\0';
    return s;
}

/* The shard of a word of hash h: its top bits (the map's slots use its
 * low). The word is hashed once per lookup (civ_speller_check): SipHash
 * of a short word costs more than the probe. */
static cache_shard *shard_of(civ_speller *sp, uint64_t h)
{
    return &sp->cache[h >> (64 - CACHE_SHARD_BITS)];
}

static cache_shard *shard(civ_speller *sp, const char *word, size_t n)
{
    return shard_of(sp, civ_strmap_hash(word, n));
}

static verdict *cached_h(civ_speller *sp, const char *word, size_t n, uint64_t h)
{
    cache_shard *c = shard_of(sp, h);
    pthread_rwlock_rdlock(&c->lock);
    verdict *v = civ_strmap_get_hashed(&c->map, word, n, h);
    pthread_rwlock_unlock(&c->lock);
    return v;
}

static verdict *cached(civ_speller *sp, const char *word, size_t n)
{
    return cached_h(sp, word, n, civ_strmap_hash(word, n));
}

/* Inserts v unless another thread was first; returns the one kept. */
static verdict *insert(civ_speller *sp, const char *word, size_t n, uint64_t h, verdict *v)
{
    cache_shard *c = shard_of(sp, h);
    pthread_rwlock_wrlock(&c->lock);
    verdict *old = civ_strmap_get_hashed(&c->map, word, n, h);
    if (!old)
        civ_strmap_put_hashed(&c->map, word, n, h, v);
    pthread_rwlock_unlock(&c->lock);
    if (old) {
        free(v);
        return old;
    }
    return v;
}

static const civ_wordindex *word_index(civ_speller *sp);

/* Hunspell_spell's verdict: from the word index when it can tell (most
 * words: a lookup in memory, no hunspell handle, so a second thread
 * rarely loads a dictionary of its own), else from hunspell. */
static bool ask_dictionary(civ_speller *sp, const char *word, size_t n)
{
    const civ_wordindex *ix = word_index(sp);
    civ_wix_answer a = ix ? civ_wordindex_find(ix, word, n) : CIV_WIX_ASK;
    if (a != CIV_WIX_ASK)
        return a == CIV_WIX_YES;
    char buf[128];
    char *s = cstr(word, n, buf, sizeof buf);
    Hunhandle *h = take_handle(sp);
    bool known = Hunspell_spell(h, s) != 0;
    give_handle(sp, h);
    if (s != buf)
        free(s);
    return known;
}

static bool check_h(civ_speller *sp, const char *word, size_t n, uint64_t h)
{
    if (civ_wordlist_has_hashed(&sp->words, word, n, h))
        return true;
    verdict *v = cached_h(sp, word, n, h);
    if (v)
        return v->known;
    bool known = ask_dictionary(sp, word, n);
    atomic_fetch_add(&sp->lookups, 1);
    for (size_t i = 0; !known && i < sp->nvariants; i++)
        known = check_h(sp->variants[i], word, n, h);
    v = xcalloc(1, sizeof *v);
    v->known = known;
    return insert(sp, word, n, h, v)->known;
}

bool civ_speller_check(civ_speller *sp, const char *word, size_t n)
{
    return check_h(sp, word, n, civ_strmap_hash(word, n));
}

const char *civ_speller_lang(const civ_speller *sp)
{
    return sp->lang;
}

bool civ_speller_add_variant(civ_speller *sp, civ_speller *variant)
{
    if (sp->nvariants == CIV_SPELL_MAX_VARIANTS)
        return false;
    sp->variants[sp->nvariants++] = variant;
    return true;
}

void civ_speller_add_candidate(civ_speller *sp, const char *lang, const char *dict)
{
    free(sp->cand_lang);
    free(sp->cand_dict);
    sp->cand_lang = xstrdup(lang);
    sp->cand_dict = dict ? xstrdup(dict) : NULL;
}

/* The candidate speller, loaded by the first thread that asks; NULL when
 * there is none or it is not installed. */
static civ_speller *candidate(civ_speller *sp)
{
    if (!sp->cand_lang)
        return NULL;
    if (atomic_load(&sp->cand_tried))
        return atomic_load(&sp->cand);
    pthread_mutex_lock(&sp->cand_lock);
    if (!atomic_load(&sp->cand_tried)) {
        char *err = NULL;
        civ_speller *c = civ_speller_new(sp->cand_lang, sp->cand_dict, &err);
        free(err);
        atomic_store(&sp->cand, c);
        atomic_store(&sp->cand_tried, true);
    }
    pthread_mutex_unlock(&sp->cand_lock);
    return atomic_load(&sp->cand);
}

const char *civ_speller_variant_knows(civ_speller *sp, const char *word, size_t n)
{
    civ_speller *c = candidate(sp);
    return c && civ_speller_check(c, word, n) ? c->lang : NULL;
}

civ_speller *civ_speller_other(civ_speller *sp)
{
    civ_speller *c = candidate(sp);
    return c ? c : sp->nvariants ? sp->variants[0] : NULL;
}

/* Not cached: civ_speller_check's cache holds the answer of every
 * language of a list together. */
bool civ_speller_own_knows(civ_speller *sp, const char *word, size_t n)
{
    char buf[128];
    char *s = cstr(word, n, buf, sizeof buf);
    Hunhandle *h = take_handle(sp);
    bool known = Hunspell_spell(h, s) != 0;
    give_handle(sp, h);
    atomic_fetch_add(&sp->lookups, 1);
    if (s != buf)
        free(s);
    return known;
}

bool civ_speller_variant_lacks(civ_speller *sp, const char *word, size_t n)
{
    civ_speller *c = candidate(sp);
    return c && !civ_speller_check(c, word, n);
}

void civ_speller_add_known(civ_speller *sp, const char *path)
{
    if (!sp->known)
        sp->known = civ_known_new();
    civ_known_add(sp->known, path);
}

void civ_speller_set_known_index(civ_speller *sp, const char *path)
{
    if (sp->known)
        civ_known_set_index(sp->known, path);
}

const char *civ_speller_known_note(civ_speller *sp)
{
    return civ_known_index_note(sp->known);
}

bool civ_speller_listed(civ_speller *sp, const char *word, size_t n, size_t *lists, size_t *words)
{
    bool has = civ_known_has(sp->known, word, n);
    if (lists)
        civ_known_loaded(sp->known, lists, words);
    return has;
}

bool civ_speller_in_list(const civ_speller *sp, const char *word, size_t n)
{
    return civ_wordlist_has(&sp->words, word, n);
}

void civ_speller_set_index(civ_speller *sp, const char *path)
{
    civ_index_slot_set_path(&sp->index, path);
}

/* The word index, opened by the first thread that asks when it was built
 * from this speller's .aff, .dic and extra .dic files; else NULL, with
 * the reason kept for civ_speller_index_note. */
static const civ_wordindex *word_index(civ_speller *sp)
{
    return civ_index_slot_get_dicts(&sp->index, sp->lang, sp->aff, sp->dic, sp->extra, sp->nextra);
}

const char *civ_speller_index_note(civ_speller *sp)
{
    return civ_index_slot_note(&sp->index);
}

/* The near search's dictionary: the word index, and hunspell for what the
 * index cannot tell or when there is none. Both give Hunspell_spell's
 * answer (wordindex.h). A handle is taken per question, not held for the
 * whole search (another thread may be waiting for it: take_handle), but
 * one held for civ_own_casing (d->h) is used while held. */
typedef struct {
    civ_speller *sp;
    const civ_wordindex *ix;
    Hunhandle *h;
} near_dict;

static Hunhandle *near_handle(near_dict *d)
{
    if (!d->h)
        d->h = take_handle(d->sp);
    return d->h;
}

static bool near_spell(void *ud, const char *word)
{
    near_dict *d = ud;
    if (d->ix) {
        civ_wix_answer a = civ_wordindex_find(d->ix, word, strlen(word));
        if (a != CIV_WIX_ASK)
            return a == CIV_WIX_YES;
    }
    if (d->h)
        return Hunspell_spell(d->h, word) != 0;
    Hunhandle *h = take_handle(d->sp);
    bool known = Hunspell_spell(h, word) != 0;
    give_handle(d->sp, h);
    return known;
}

static void near_done(near_dict *d)
{
    if (d->h)
        give_handle(d->sp, d->h);
}

/* The near search (near.h) for a word without a verdict's near fields
 * yet; stores them in v under the write lock unless another thread was
 * first. */
static void compute_near(civ_speller *sp, verdict *v, const char *word, size_t n)
{
    civ_near_word near[CIV_SPELL_MAX_SUGGEST];
    int best;
    near_dict d = {sp, word_index(sp), NULL};
    size_t m = civ_near_search(near_spell, &d, word, n, near, CIV_SPELL_MAX_SUGGEST, &best);
    if (m && near[0].cost == 1 && !civ_own_casing(near_handle(&d), word, n, &near[0].word)) {
        free(near[0].word); /* not a casing the dictionary has */
        memmove(near, near + 1, --m * sizeof *near);
        best = m ? near[0].cost : CIV_NEAR_NONE;
    }
    /* a proper noun: known capitalised, not in lower case (Tbilisi) */
    bool proper = false;
    if (m && near[0].word[0] >= 'A' && near[0].word[0] <= 'Z') {
        char low[48];
        size_t k = strlen(near[0].word);
        memcpy(low, near[0].word, k + 1);
        for (size_t i = 0; i < k; i++)
            if (low[i] >= 'A' && low[i] <= 'Z')
                low[i] = (char)(low[i] - 'A' + 'a');
        proper = !near_spell(&d, low);
    }
    near_done(&d);
    char **sugg = m ? xcalloc(m, sizeof *sugg) : NULL;
    for (size_t i = 0; i < m; i++)
        sugg[i] = near[i].word;
    pthread_rwlock_wrlock(&shard(sp, word, n)->lock);
    if (!atomic_load(&v->near_done)) {
        v->sugg = sugg;
        v->nsugg = m;
        v->near_cost = best;
        v->near_proper = proper;
        atomic_store(&v->near_done, true);
        sugg = NULL;
    }
    pthread_rwlock_unlock(&shard(sp, word, n)->lock);
    if (sugg) { /* another thread was first */
        for (size_t i = 0; i < m; i++)
            free(sugg[i]);
        free(sugg);
    }
}

/* The verdict of word, with its near fields computed; NULL for a word of
 * a word list (never reported). */
static verdict *near_verdict(civ_speller *sp, const char *word, size_t n)
{
    verdict *v = cached(sp, word, n);
    if (!v) {
        civ_speller_check(sp, word, n);
        v = cached(sp, word, n);
    }
    if (v && !atomic_load(&v->near_done))
        compute_near(sp, v, word, n);
    return v;
}

const char *civ_speller_casing(civ_speller *sp, const char *word, size_t n)
{
    verdict *v = cached(sp, word, n);
    if (!v) {
        civ_speller_check(sp, word, n);
        v = cached(sp, word, n);
    }
    if (!v)
        return NULL;
    if (atomic_load(&v->near_done)) { /* the full search found it already */
        pthread_rwlock_rdlock(&shard(sp, word, n)->lock);
        const char *r = v->near_cost == 1 && v->nsugg ? v->sugg[0] : NULL;
        pthread_rwlock_unlock(&shard(sp, word, n)->lock);
        return r;
    }
    if (!atomic_load(&v->casing_done)) {
        near_dict d = {sp, word_index(sp), NULL};
        char *c = civ_near_casing(near_spell, &d, word, n);
        if (c && !civ_own_casing(near_handle(&d), word, n, &c)) {
            free(c);
            c = NULL;
        }
        near_done(&d);
        pthread_rwlock_wrlock(&shard(sp, word, n)->lock);
        if (!atomic_load(&v->casing_done)) {
            v->casing = c;
            atomic_store(&v->casing_done, true);
            c = NULL;
        }
        pthread_rwlock_unlock(&shard(sp, word, n)->lock);
        free(c);
    }
    return v->casing;
}

civ_closeness civ_speller_closest(civ_speller *sp, const char *word, size_t n)
{
    verdict *v = near_verdict(sp, word, n);
    civ_closeness c = {CIV_SPELL_FAR, false, NULL};
    if (!v)
        return c;
    pthread_rwlock_rdlock(&shard(sp, word, n)->lock);
    if (v->near_cost < CIV_NEAR_NONE && v->nsugg) {
        c.cost = v->near_cost;
        c.proper = v->near_proper;
        c.word = v->sugg[0];
    }
    pthread_rwlock_unlock(&shard(sp, word, n)->lock);
    return c;
}

void civ_speller_set_full_search(civ_speller *sp, bool on)
{
    sp->full_search = on;
}

size_t civ_speller_suggest(civ_speller *sp, const char *word, size_t n, char *const **out)
{
    verdict *v = near_verdict(sp, word, n);
    if (!v) { /* a word-list word: never reported, nothing to suggest */
        *out = NULL;
        return 0;
    }
    if (!atomic_load(&v->suggested)) {
        char **sugg = NULL;
        size_t m = 0;
        if (!v->nsugg && sp->full_search) {
            /* nothing one edit away: hunspell's full (slow) search */
            Hunhandle *h = take_handle(sp);
            sugg = civ_full_suggest(h, word, n, CIV_SPELL_MAX_SUGGEST, &m);
            give_handle(sp, h);
        }
        atomic_fetch_add(&sp->suggestions, 1);
        pthread_rwlock_wrlock(&shard(sp, word, n)->lock);
        if (!atomic_load(&v->suggested)) {
            if (m) {
                v->sugg = sugg;
                v->nsugg = m;
                sugg = NULL;
            }
            atomic_store(&v->suggested, true);
        }
        pthread_rwlock_unlock(&shard(sp, word, n)->lock);
        for (size_t i = 0; sugg && i < m; i++)
            free(sugg[i]);
        free(sugg);
    }
    *out = v->sugg;
    return v->nsugg;
}

void civ_speller_account(civ_speller *sp, uint64_t words, uint64_t ns)
{
    atomic_fetch_add(&sp->words_n, words);
    atomic_fetch_add(&sp->ns, ns);
}

void civ_speller_stats(civ_speller *sp, civ_spell_stats *st)
{
    st->words = atomic_load(&sp->words_n);
    st->lookups = atomic_load(&sp->lookups);
    st->suggestions = atomic_load(&sp->suggestions);
    st->ns = atomic_load(&sp->ns);
    st->distinct = 0;
    for (unsigned i = 0; i < CACHE_SHARDS; i++) {
        pthread_rwlock_rdlock(&sp->cache[i].lock);
        st->distinct += sp->cache[i].map.n;
        pthread_rwlock_unlock(&sp->cache[i].lock);
    }
    pthread_mutex_lock(&sp->pool_lock);
    st->handles = sp->nall;
    pthread_mutex_unlock(&sp->pool_lock);
}
