/* known.c - see known.h. */
#include "spell/known.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "spell/spell.h"

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

static bool slot_is(const civ_known *k, uint32_t v, const char *w, size_t n)
{
    const char *e = k->text + v - 1;
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
    for (; k->slot[i]; i = (i + 1) & (k->nslots - 1))
        if (slot_is(k, k->slot[i], w, n))
            return true;
    return false;
}

bool civ_known_has(civ_known *k, const char *word, size_t n)
{
    if (!k || k->npaths == 0 || n == 0 || n >= 128)
        return false;
    if (!atomic_load(&k->ready)) {
        pthread_mutex_lock(&k->lock);
        if (!atomic_load(&k->ready)) {
            for (size_t i = 0; i < k->npaths; i++)
                k->nread += read_list(k, k->paths[i]);
            index_lines(k);
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
