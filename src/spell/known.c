/* known.c - see known.h. */
#include "spell/known.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/util.h"
#include "spell/spell.h"
#include "spell/wordindex.h"

#define MAX_LISTS 4

/* The lists' text, kept whole (lines end in NUL), and an open-addressing
 * table of line offsets: one read and one hash per line, no allocation per
 * word (a hash map of 600,000 keys took a one-post run from 0.6 to 1.7 s). */
struct civ_known {
    char *paths[MAX_LISTS];
    size_t npaths, nread;
    pthread_mutex_t lock;
    atomic_bool ready;
    char *text;
    size_t len, cap, nwords;
    uint32_t *slot; /* offset + 1 into text; 0: empty */
    size_t nslots;  /* a power of two */
    /* The prebuilt index (known.h), when one is set and fresh: the same
     * table and text, mapped; words and the slots below point into it. */
    char *index_path, *index_note;
    const unsigned char *map, *mslots;
    size_t map_size;
    const char *words; /* text or the map's */
};

civ_known *civ_known_new(void)
{
    civ_known *k = xcalloc(1, sizeof *k);
    pthread_mutex_init(&k->lock, NULL);
    return k;
}

void civ_known_free(civ_known *k)
{
    if (!k)
        return;
    for (size_t i = 0; i < k->npaths; i++)
        free(k->paths[i]);
    free(k->text);
    free(k->slot);
    free(k->index_path);
    free(k->index_note);
    if (k->map)
        munmap((void *)k->map, k->map_size);
    pthread_mutex_destroy(&k->lock);
    free(k);
}

void civ_known_add(civ_known *k, const char *path)
{
    if (k->npaths < MAX_LISTS)
        k->paths[k->npaths++] = xstrdup(path);
}

static uint32_t hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* Appends one list's bytes to k->text (at most CIV_WORDLIST_MAX). */
static bool read_list(civ_known *k, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    char buf[1 << 16];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, f)) > 0 && k->len + got < CIV_WORDLIST_MAX) {
        if (k->len + got + 2 > k->cap) {
            k->cap = (k->len + got + 2) * 2;
            k->text = xrealloc(k->text, k->cap);
        }
        memcpy(k->text + k->len, buf, got);
        k->len += got;
    }
    fclose(f);
    if (k->len && k->text[k->len - 1] != '\n') {
        if (k->len + 2 > k->cap)
            k->text = xrealloc(k->text, k->cap = k->len + 2);
        k->text[k->len++] = '\n';
    }
    return true;
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t slot_at(const civ_known *k, size_t i)
{
    return k->mslots ? le32(k->mslots + i * 4) : k->slot[i];
}

/* A mapped index's offsets were not all checked at open (a million
 * slots): each is checked here, and the text ends in NUL (checked), so a
 * damaged index answers wrongly at worst, never reads past the map. */
static bool slot_is(const civ_known *k, uint32_t v, const char *w, size_t n)
{
    if (v - 1 >= k->len)
        return false;
    const char *e = k->words + v - 1;
    return strncmp(e, w, n) == 0 && e[n] == '\0';
}

/* Indexes every line of k->text; possessives (`Abel's`, a sixth of each
 * list) are left out: the check looks a possessive up on its stem. */
static void index_lines(civ_known *k)
{
    size_t lines = 0;
    for (size_t i = 0; i < k->len; i++)
        lines += k->text[i] == '\n';
    k->nslots = 1024;
    while (k->nslots < lines * 2)
        k->nslots *= 2;
    k->slot = xcalloc(k->nslots, sizeof *k->slot);
    for (size_t a = 0; a < k->len;) {
        char *nl = memchr(k->text + a, '\n', k->len - a);
        size_t e = nl ? (size_t)(nl - k->text) : k->len, n = e - a;
        k->text[e] = '\0';
        if (n && k->text[e - 1] == '\r')
            k->text[--e] = '\0', n--;
        if (n && !(n > 2 && k->text[a + n - 2] == '\'' && k->text[a + n - 1] == 's')) {
            size_t i = hash(k->text + a, n) & (k->nslots - 1);
            while (k->slot[i] && !slot_is(k, k->slot[i], k->text + a, n))
                i = (i + 1) & (k->nslots - 1);
            if (!k->slot[i]) {
                k->slot[i] = (uint32_t)a + 1;
                k->nwords++;
            }
        }
        a = (nl ? (size_t)(nl - k->text) : k->len) + 1;
    }
}

static bool lookup(const civ_known *k, const char *w, size_t n)
{
    size_t i = hash(w, n) & (k->nslots - 1);
    /* nwords < nslots (index_lines; checked at open), so a slot is empty */
    for (uint32_t v; (v = slot_at(k, i)) != 0; i = (i + 1) & (k->nslots - 1))
        if (slot_is(k, v, w, n))
            return true;
    return false;
}

static void read_lists(civ_known *k)
{
    for (size_t i = 0; i < k->npaths; i++)
        k->nread += read_list(k, k->paths[i]);
    k->words = k->text;
    index_lines(k);
}

void civ_known_set_index(civ_known *k, const char *path)
{
    free(k->index_path);
    k->index_path = xstrdup(path);
}

const char *civ_known_index_note(civ_known *k)
{
    return k && atomic_load(&k->ready) ? k->index_note : NULL;
}

/* The header's fields after the magic, each a little-endian u32 but the
 * u64 input hash (known.h). */
enum { H_VERSION = 8, H_SLOTS = 12, H_HASH = 16, H_LISTS = 24, H_WORDS = 28, H_TEXT = 32 };

static const char *check_map(civ_known *k, const unsigned char *m, size_t size, uint64_t inputs)
{
    if (size < CIV_KNOWN_HEADER || memcmp(m, CIV_KNOWN_MAGIC, 8) != 0 ||
        le32(m + H_VERSION) != CIV_KNOWN_VERSION)
        return "not a civlint word-list index of this version";
    uint32_t nslots = le32(m + H_SLOTS), nwords = le32(m + H_WORDS), len = le32(m + H_TEXT);
    if (nslots == 0 || (nslots & (nslots - 1)) || nwords >= nslots ||
        (uint64_t)CIV_KNOWN_HEADER + (uint64_t)nslots * 4 + len != size || (len && m[size - 1] != '\0'))
        return "damaged";
    uint64_t h = 0;
    for (int i = 7; i >= 0; i--)
        h = h << 8 | m[H_HASH + i];
    if (h != inputs || le32(m + H_LISTS) != k->npaths)
        return "built from other word lists (stale)";
    k->nslots = nslots;
    k->nwords = nwords;
    k->nread = k->npaths;
    k->len = len;
    k->mslots = m + CIV_KNOWN_HEADER;
    k->words = (const char *)k->mslots + (size_t)nslots * 4;
    return NULL;
}

/* Maps the index when it was built from the lists as they are now (the
 * hash of their contents: ~1 instruction a byte); else index_note says
 * why and the caller reads the lists. */
static bool open_index(civ_known *k)
{
    if (!k->index_path)
        return false;
    uint64_t inputs;
    char *err = NULL;
    const char *why = NULL;
    int fd = -1;
    struct stat st;
    if (!civ_wordindex_hash_files((const char *const *)k->paths, k->npaths, &inputs, &err))
        why = err;
    else if ((fd = open(k->index_path, O_RDONLY | O_CLOEXEC)) < 0)
        why = errno == ENOENT ? "missing (make builds it when wamerican-huge is installed)" : strerror(errno);
    else if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < (off_t)CIV_KNOWN_HEADER)
        why = "not a word-list index";
    else {
        void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (m == MAP_FAILED)
            why = strerror(errno);
        else if ((why = check_map(k, m, (size_t)st.st_size, inputs)) != NULL)
            munmap(m, (size_t)st.st_size);
        else {
            /* lookups jump about: no read-ahead, few resident pages */
            madvise(m, (size_t)st.st_size, MADV_RANDOM);
            k->map = m;
            k->map_size = (size_t)st.st_size;
        }
    }
    if (fd >= 0)
        close(fd);
    if (why)
        k->index_note = xasprintf("large word list index '%s': %s; the lists are read instead",
                                  k->index_path, why);
    free(err);
    return k->map != NULL;
}

bool civ_known_build_index(const char *const *paths, size_t n, const char *out, char **err)
{
    uint64_t inputs;
    if (n == 0 || n > MAX_LISTS || !civ_wordindex_hash_files(paths, n, &inputs, err)) {
        if (n == 0 || n > MAX_LISTS)
            *err = xasprintf("between 1 and %d word lists", MAX_LISTS);
        return false;
    }
    civ_known *k = civ_known_new();
    for (size_t i = 0; i < n; i++)
        civ_known_add(k, paths[i]);
    read_lists(k);
    bool ok = k->nread == n && k->len < UINT32_MAX;
    unsigned char head[CIV_KNOWN_HEADER] = {0};
    memcpy(head, CIV_KNOWN_MAGIC, 8);
    put32(head + H_VERSION, CIV_KNOWN_VERSION);
    put32(head + H_SLOTS, (uint32_t)k->nslots);
    put32(head + H_HASH, (uint32_t)inputs);
    put32(head + H_HASH + 4, (uint32_t)(inputs >> 32));
    put32(head + H_LISTS, (uint32_t)n);
    put32(head + H_WORDS, (uint32_t)k->nwords);
    put32(head + H_TEXT, (uint32_t)k->len);
    for (size_t i = 0; i < k->nslots; i++) /* host order to little-endian, in place */
        put32((unsigned char *)&k->slot[i], k->slot[i]);
    char *tmp = xasprintf("%s.tmp", out);
    FILE *fp = ok ? fopen(tmp, "wb") : NULL;
    ok = fp && fwrite(head, 1, sizeof head, fp) == sizeof head &&
         fwrite(k->slot, 4, k->nslots, fp) == k->nslots && fwrite(k->text, 1, k->len, fp) == k->len;
    if (fp && fclose(fp) != 0)
        ok = false;
    if (ok && rename(tmp, out) != 0)
        ok = false;
    if (!ok) {
        *err = k->nread != n ? xasprintf("cannot read a word list")
                             : xasprintf("cannot write '%s': %s", tmp, strerror(errno));
        if (fp)
            remove(tmp);
    }
    free(tmp);
    civ_known_free(k);
    return ok;
}

bool civ_known_has(civ_known *k, const char *word, size_t n)
{
    if (!k || k->npaths == 0 || n == 0 || n >= 128)
        return false;
    if (!atomic_load(&k->ready)) {
        pthread_mutex_lock(&k->lock);
        if (!atomic_load(&k->ready)) {
            if (!open_index(k))
                read_lists(k);
            atomic_store(&k->ready, true);
        }
        pthread_mutex_unlock(&k->lock);
    }
    if (lookup(k, word, n))
        return true;
    /* hunspell's case rules: `Word` and `WORD` from `word`, `WORD` from `Word` */
    char b[128];
    bool caps = true, rest_lower = true;
    for (size_t i = 0; i < n; i++) {
        caps &= !(word[i] >= 'a' && word[i] <= 'z');
        rest_lower &= i == 0 || !(word[i] >= 'A' && word[i] <= 'Z');
    }
    if (!(word[0] >= 'A' && word[0] <= 'Z') || !(rest_lower || caps))
        return false;
    for (size_t i = 0; i < n; i++)
        b[i] = i > 0 && word[i] >= 'A' && word[i] <= 'Z' ? (char)(word[i] - 'A' + 'a') : word[i];
    if (caps && lookup(k, b, n))
        return true;
    b[0] = (char)(b[0] - 'A' + 'a');
    return lookup(k, b, n);
}

void civ_known_loaded(civ_known *k, size_t *lists, size_t *words)
{
    *lists = k && atomic_load(&k->ready) ? k->nread : 0;
    *words = k && atomic_load(&k->ready) ? k->nwords : 0;
}
