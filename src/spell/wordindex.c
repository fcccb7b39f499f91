/* wordindex.c - see wordindex.h. */
#include "spell/wordindex.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/util.h"

struct civ_wordindex {
    const unsigned char *map;
    size_t size;
    uint32_t nslots, ngroups;
    const unsigned char *slots, *blob;
    uint32_t blob_size;
};

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t le64(const unsigned char *p)
{
    return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool is_up(char c)
{
    return c >= 'A' && c <= 'Z';
}

static char upper(char c)
{
    return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

uint32_t civ_wordindex_key_hash(const char *word, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)lower(word[i]);
        h *= 16777619u;
    }
    return h;
}

/* Hunspell's capitalisation types (csutil.cxx, get_captype): apostrophes
 * are neutral; one capital that starts the word is INITCAP; only
 * capitals and neutrals is ALLCAP; other mixes are only ever accepted as
 * they are spelt. */
bool civ_wordindex_accepts(const char *form, const char *cand, size_t n)
{
    if (memcmp(form, cand, n) == 0)
        return true;
    size_t ncap = 0, nneutral = 0;
    for (size_t i = 0; i < n; i++) {
        ncap += is_up(cand[i]);
        nneutral += cand[i] == '\'';
    }
    if (ncap == 0)
        return false;
    if (ncap == 1 && is_up(cand[0])) { /* Capitalised: a lower-case form */
        for (size_t i = 0; i < n; i++)
            if (form[i] != lower(cand[i]))
                return false;
        return true;
    }
    return ncap + nneutral == n; /* ALL CAPS: any form */
}

/* The little-endian layout is read byte by byte; a big-endian host reads
 * it the same. */
static bool sound(civ_wordindex *ix, uint64_t inputs, char **err, const char *path)
{
    const unsigned char *m = ix->map;
    if (ix->size < CIV_WIX_HEADER || memcmp(m, CIV_WIX_MAGIC, 8) != 0 || le32(m + 8) != CIV_WIX_VERSION) {
        *err = xasprintf("'%s' is not a civlint word index of this version", path);
        return false;
    }
    ix->nslots = le32(m + 12);
    ix->ngroups = le32(m + 24);
    ix->blob_size = le32(m + 28);
    uint64_t need = CIV_WIX_HEADER + (uint64_t)ix->nslots * 4 + ix->blob_size;
    if (ix->nslots == 0 || (ix->nslots & (ix->nslots - 1)) || ix->ngroups >= ix->nslots || need != ix->size) {
        *err = xasprintf("word index '%s' is damaged", path);
        return false;
    }
    if (le64(m + 16) != inputs) {
        *err = xasprintf("word index '%s' was built from other dictionaries (stale)", path);
        return false;
    }
    ix->slots = m + CIV_WIX_HEADER;
    ix->blob = ix->slots + (size_t)ix->nslots * 4;
    return true;
}

civ_wordindex *civ_wordindex_open(const char *path, uint64_t inputs, char **err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *err = xasprintf("cannot open word index '%s': %s", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < (off_t)CIV_WIX_HEADER) {
        *err = xasprintf("word index '%s' is not a regular file of a word index's size", path);
        close(fd);
        return NULL;
    }
    void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED) {
        *err = xasprintf("cannot map word index '%s': %s", path, strerror(errno));
        return NULL;
    }
    /* Lookups jump about the file: no read-ahead (nor, on recent kernels,
     * mapping the neighbouring pages at each fault), so a run that looks
     * up a few words keeps a few pages, not the whole file, resident. */
    madvise(map, (size_t)st.st_size, MADV_RANDOM);
    civ_wordindex *ix = xcalloc(1, sizeof *ix);
    ix->map = map;
    ix->size = (size_t)st.st_size;
    if (!sound(ix, inputs, err, path)) {
        civ_wordindex_close(ix);
        return NULL;
    }
    return ix;
}

void civ_wordindex_close(civ_wordindex *ix)
{
    if (!ix)
        return;
    munmap((void *)ix->map, ix->size);
    free(ix);
}

size_t civ_wordindex_groups(const civ_wordindex *ix)
{
    return ix->ngroups;
}

/* True when one of the group's forms (g: flags, length, key, ...)
 * accepts word (wordindex.h); the reads were bounds-checked by group(). */
static bool group_accepts(const unsigned char *g, const char *word, size_t n)
{
    const char *key = (const char *)g + 2;
    char form[CIV_WIX_MAXLEN];
    if ((g[0] & CIV_WIX_F_LOWER) && civ_wordindex_accepts(key, word, n))
        return true;
    for (unsigned f = CIV_WIX_F_INITIAL; f <= CIV_WIX_F_CAPS; f <<= 1) {
        if (!(g[0] & f))
            continue;
        for (size_t i = 0; i < n; i++)
            form[i] = i == 0 || f == CIV_WIX_F_CAPS ? upper(key[i]) : key[i];
        if (civ_wordindex_accepts(form, word, n))
            return true;
    }
    if (g[0] & CIV_WIX_F_LIST)
        for (size_t f = 0, k = g[2 + n]; f < k; f++)
            if (civ_wordindex_accepts(key + n + 1 + f * n, word, n))
                return true;
    return false;
}

/* The group at blob offset off when its key is word's lower case; every
 * read is bounds-checked, so a damaged blob answers "ask", not a crash. */
static civ_wix_answer group(const civ_wordindex *ix, uint32_t off, const char *word, size_t n, bool *match)
{
    *match = false;
    if ((uint64_t)off + 2 > ix->blob_size)
        return CIV_WIX_ASK;
    const unsigned char *g = ix->blob + off;
    size_t len = g[1];
    if (len != n)
        return CIV_WIX_NO;
    uint64_t end = (uint64_t)off + 2 + len;
    if (end > ix->blob_size)
        return CIV_WIX_ASK;
    for (size_t i = 0; i < n; i++)
        if (g[2 + i] != (unsigned char)lower(word[i]))
            return CIV_WIX_NO;
    *match = true;
    if (g[0] & CIV_WIX_F_ASK)
        return CIV_WIX_ASK;
    if ((g[0] & CIV_WIX_F_LIST) && (end + 1 > ix->blob_size || end + 1 + (uint64_t)g[end - off] * len > ix->blob_size))
        return CIV_WIX_ASK;
    return group_accepts(g, word, n) ? CIV_WIX_YES : CIV_WIX_NO;
}

civ_wix_answer civ_wordindex_find(const civ_wordindex *ix, const char *word, size_t n)
{
    if (n == 0 || n > CIV_WIX_MAXLEN)
        return CIV_WIX_ASK;
    for (size_t i = 0; i < n; i++) {
        char c = lower(word[i]);
        if (!((c >= 'a' && c <= 'z') || c == '\''))
            return CIV_WIX_ASK;
    }
    uint32_t h = civ_wordindex_key_hash(word, n), mask = ix->nslots - 1, tag = h >> 24;
    uint32_t s = h & mask;
    /* ngroups < nslots (checked at open), so an empty slot ends the probe */
    for (uint32_t probes = 0; probes < ix->nslots; probes++, s = (s + 1) & mask) {
        uint32_t e = le32(ix->slots + (size_t)s * 4);
        if (e == 0)
            return CIV_WIX_NO;
        if (e >> 24 != tag)
            continue;
        bool match;
        civ_wix_answer a = group(ix, e & 0xFFFFFFu, word, n, &match);
        if (match || a == CIV_WIX_ASK)
            return a;
    }
    return CIV_WIX_NO;
}

/* 64-bit multiply-xorshift over 8-byte words: about a cycle a byte, so
 * hashing en_US (860 kB) costs well under a millisecond. Not for
 * security: it tells an updated dictionary from the one indexed. */
static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v;
    h *= 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 29);
}

/* Reads up to cap bytes (fewer only at the end of the file). */
static ssize_t fill(int fd, unsigned char *buf, size_t cap)
{
    size_t got = 0;
    while (got < cap) {
        ssize_t r = read(fd, buf + got, cap - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            break;
        got += (size_t)r;
    }
    return (ssize_t)got;
}

static bool hash_file(const char *path, uint64_t *h, char **err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *err = xasprintf("cannot open '%s': %s", path, strerror(errno));
        return false;
    }
    unsigned char buf[1 << 16];
    uint64_t total = 0;
    for (;;) {
        ssize_t got = fill(fd, buf, sizeof buf);
        if (got < 0) {
            *err = xasprintf("cannot read '%s': %s", path, strerror(errno));
            close(fd);
            return false;
        }
        size_t i = 0, len = (size_t)got;
        for (; i + 8 <= len; i += 8)
            *h = mix(*h, le64(buf + i));
        if (i < len) { /* the file's last few bytes */
            unsigned char tail[8] = {0};
            memcpy(tail, buf + i, len - i);
            *h = mix(*h, le64(tail) ^ ((uint64_t)(len - i) << 59));
        }
        total += len;
        if (len < sizeof buf)
            break;
    }
    close(fd);
    *h = mix(*h, total); /* so moving bytes between files changes the hash */
    return true;
}

bool civ_wordindex_hash_files(const char *const *paths, size_t n, uint64_t *out, char **err)
{
    uint64_t h = mix(0x636976776978ull, n);
    for (size_t i = 0; i < n; i++)
        if (!hash_file(paths[i], &h, err))
            return false;
    *out = h;
    return true;
}
