/* spellers.c - see spellers.h. */
#include "spell/spellers.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

typedef struct {
    char *key;
    civ_speller *sp; /* NULL when it failed to load */
} slot;

struct civ_spellers {
    pthread_mutex_t lock;
    slot *v;
    size_t n, cap;
    const char *lang, *dict, *house;
    const char *const *words;
    size_t nwords;
    bool full_search;
};

civ_spellers *civ_spellers_new(const char *lang, const char *dict, const char *house_dic,
                               const char *const *words, size_t nwords)
{
    civ_spellers *s = xcalloc(1, sizeof *s);
    pthread_mutex_init(&s->lock, NULL);
    s->lang = lang;
    s->dict = dict;
    s->house = house_dic;
    s->words = words;
    s->nwords = nwords;
    return s;
}

void civ_spellers_set_full_search(civ_spellers *s, bool on)
{
    s->full_search = on;
}

void civ_spellers_free(civ_spellers *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        free(s->v[i].key);
        civ_speller_free(s->v[i].sp);
    }
    free(s->v);
    pthread_mutex_destroy(&s->lock);
    free(s);
}

/* Loads one configuration; *err collects every problem (one per line). */
static civ_speller *load(const civ_spellers *s, const char *lang, const char *const *dicts,
                         size_t ndicts, civ_buf *errs)
{
    char *err = NULL;
    civ_speller *sp = civ_speller_new(lang, s->dict, &err);
    if (!sp) {
        civ_buf_puts(errs, err);
        free(err);
        return NULL;
    }
    civ_speller_set_full_search(sp, s->full_search);
    if (s->house && !civ_speller_add_dic(sp, s->house, &err)) {
        civ_buf_printf(errs, "%shouse dictionary: %s", errs->len ? "\n" : "", err);
        free(err);
    }
    for (size_t i = 0; i < s->nwords + ndicts; i++) {
        const char *p = i < s->nwords ? s->words[i] : dicts[i - s->nwords];
        if (!civ_speller_add_list(sp, p, &err)) { /* .txt or .dic, plain or hunspell's */
            civ_buf_printf(errs, "%s%s", errs->len ? "\n" : "", err);
            free(err);
        }
    }
    return sp;
}

civ_speller *civ_spellers_get(civ_spellers *s, const char *lang, const char *const *dicts,
                              size_t ndicts, char **err)
{
    *err = NULL;
    if (!lang)
        lang = s->lang;
    civ_buf key;
    civ_buf_init(&key);
    civ_buf_puts(&key, lang ? lang : "");
    for (size_t i = 0; i < ndicts; i++) {
        civ_buf_putc(&key, '\n');
        civ_buf_puts(&key, dicts[i]);
    }
    pthread_mutex_lock(&s->lock);
    for (size_t i = 0; i < s->n; i++) {
        if (strcmp(s->v[i].key, key.data) == 0) {
            civ_speller *sp = s->v[i].sp;
            pthread_mutex_unlock(&s->lock);
            civ_buf_release(&key);
            return sp;
        }
    }
    /* Loading under the lock: rare (once per configuration), and it keeps
     * two threads from loading the same dictionary twice. */
    civ_buf errs;
    civ_buf_init(&errs);
    civ_speller *sp = load(s, lang, dicts, ndicts, &errs);
    slot *sl = CIV_PUSH(s->v, s->n, s->cap);
    sl->key = civ_buf_detach(&key);
    sl->sp = sp;
    pthread_mutex_unlock(&s->lock);
    if (errs.len)
        *err = civ_buf_detach(&errs);
    civ_buf_release(&errs);
    return sp;
}

void civ_spellers_stats(civ_spellers *s, civ_spell_stats *out)
{
    memset(out, 0, sizeof *out);
    pthread_mutex_lock(&s->lock);
    for (size_t i = 0; i < s->n; i++) {
        if (!s->v[i].sp)
            continue;
        civ_spell_stats st;
        civ_speller_stats(s->v[i].sp, &st);
        /* every field is a uint64_t count or duration: sum them */
        uint64_t *o = (uint64_t *)out;
        const uint64_t *v = (const uint64_t *)&st;
        for (size_t k = 0; k < sizeof st / sizeof(uint64_t); k++)
            o[k] += v[k];
    }
    pthread_mutex_unlock(&s->lock);
}
