/* typos.c - see typos.h. */
#include "spell/typos.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/strmap.h"
#include "base/util.h"

#define TYPO_MAX 64 /* letters in a misspelling worth looking up */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static _Atomic bool loaded;
static char *path_set;   /* civ_typos_set_path's; NULL: the default */
static bool path_given;
static civ_strmap map;

void civ_typos_set_path(const char *path)
{
    if (atomic_load(&loaded))
        civ_strmap_release(&map);
    atomic_store(&loaded, false);
    free(path_set);
    path_set = path && *path ? xstrdup(path) : NULL;
    path_given = path != NULL;
}

static bool letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Keeps the misspelling of one `typo->fix` line when it is letters only. */
static void add_line(const char *s, size_t n)
{
    char key[TYPO_MAX];
    size_t k = 0;
    for (; k < n && s[k] != '-'; k++) {
        if (k >= sizeof key || !letter(s[k]))
            return;
        key[k] = lower(s[k]);
    }
    if (k == 0 || k + 1 >= n || s[k + 1] != '>')
        return;
    civ_strmap_put(&map, key, k, (void *)(uintptr_t)1);
}

static void load(void)
{
    civ_strmap_init(&map);
    /* CIVLINT_TYPO_LIST names another list, or none when empty: how
     * tests/spell-accuracy measures the check without the list its own
     * misspellings come from */
    const char *env = getenv("CIVLINT_TYPO_LIST");
    const char *path = path_given ? path_set : env ? (*env ? env : NULL) : CIV_TYPO_LIST;
    FILE *f = path ? fopen(path, "r") : NULL;
    if (!f)
        return;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    while ((got = getline(&line, &cap, f)) > 0)
        add_line(line, (size_t)got);
    free(line);
    fclose(f);
}

static void ensure(void)
{
    if (atomic_load(&loaded))
        return;
    pthread_mutex_lock(&lock);
    if (!atomic_load(&loaded)) {
        load();
        atomic_store(&loaded, true);
    }
    pthread_mutex_unlock(&lock);
}

bool civ_typos_has(const char *word, size_t n)
{
    if (n == 0 || n > TYPO_MAX)
        return false;
    char key[TYPO_MAX];
    for (size_t i = 0; i < n; i++) {
        if (!letter(word[i]))
            return false;
        key[i] = lower(word[i]);
    }
    ensure();
    return civ_strmap_get(&map, key, n) != NULL;
}

size_t civ_typos_count(void)
{
    return atomic_load(&loaded) ? map.n : 0;
}
