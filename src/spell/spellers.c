/* spellers.c - see spellers.h. */
#include "spell/spellers.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "spell/dictfind.h"

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

const char *civ_spellers_lang(const civ_spellers *s)
{
    return s->lang && *s->lang ? s->lang : CIV_SPELL_DEFAULT_LANG;
}

bool civ_spellers_installed(const civ_spellers *s, const char *lang)
{
    char *aff = NULL, *dic = NULL, *err = NULL;
    bool ok = civ_dict_find(lang, s->dict, &aff, &dic, &err);
    free(aff);
    free(dic);
    free(err);
    return ok;
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

/* Debian's SCOWL word list of American English at size 70 ("huge":
 * wamerican-huge), read by the spelling check to tell words and names
 * hunspell lacks from typos (spell/known.h). wbritish-huge was measured
 * too: on the real posts it changed no finding that en_GB's hunspell
 * dictionary and this list did not, and doubled the cost. */
static const char *const KNOWN_LISTS[1] = {"/usr/share/dict/american-english-huge"};
/* Their index (known.h), built at `make` beside the house dictionary. */
#define KNOWN_INDEX "american-english-huge.knownindex"

/* The other spelling of English a post may be written in, tried when the
 * configuration names only `lang`: British for an American dictionary,
 * American for the others (checks/spelling_lang.c). NULL for the other
 * languages. */
static const char *candidate_for(const char *lang)
{
    if (strncmp(lang, "en", 2) != 0 || (lang[2] != '_' && lang[2] != '-' && lang[2] != '\0'))
        return NULL;
    return strcmp(lang + 2, "_US") == 0 || strcmp(lang + 2, "-US") == 0 || !lang[2] ? "en_GB" : "en_US";
}

/* lang is one language or a comma-separated list (`lang: [en_US, en_GB]`):
 * the first is the main dictionary, which the house dictionary and word
 * lists extend; each other one is accepted as it is. When the list names
 * one English, the other spelling is loaded as a candidate when it is
 * installed (silently none when it is not: it is a refinement, not a
 * requirement), at first use (spell.h). */
static civ_speller *load_langs(const civ_spellers *s, const char *lang, civ_buf *errs)
{
    char *list = xstrdup(lang && *lang ? lang : CIV_SPELL_DEFAULT_LANG);
    char *save = NULL, *first = strtok_r(list, ",", &save);
    char *err = NULL;
    civ_speller *sp = civ_speller_new(first, s->dict, &err);
    if (!sp) {
        civ_buf_puts(errs, err);
        free(err);
        free(list);
        return NULL;
    }
    civ_speller_set_full_search(sp, s->full_search);
    size_t n = 1;
    for (char *l = strtok_r(NULL, ",", &save); l; l = strtok_r(NULL, ",", &save), n++) {
        civ_speller *v = civ_speller_new(l, s->dict, &err);
        if (!v || !civ_speller_add_variant(sp, v)) {
            civ_buf_printf(errs, "%s%s", errs->len ? "\n" : "", v ? "too many languages in 'lang'" : err);
            free(err);
            err = NULL;
            civ_speller_free(v);
        }
    }
    const char *cand = candidate_for(first);
    if (n == 1 && cand)
        civ_speller_add_candidate(sp, cand, s->dict);
    /* English: Debian's large SCOWL lists (known.h), when installed */
    for (size_t i = 0; cand && i < sizeof KNOWN_LISTS / sizeof *KNOWN_LISTS; i++)
        civ_speller_add_known(sp, KNOWN_LISTS[i]);
    free(list);
    return sp;
}

/* Loads one configuration; *err collects every problem (one per line). */
static civ_speller *load(const civ_spellers *s, const char *lang, const char *const *dicts,
                         size_t ndicts, civ_buf *errs)
{
    char *err = NULL;
    civ_speller *sp = load_langs(s, lang, errs);
    if (!sp)
        return NULL;
    if (s->house && !civ_speller_add_dic(sp, s->house, &err)) {
        civ_buf_printf(errs, "%shouse dictionary: %s", errs->len ? "\n" : "", err);
        free(err);
    }
    if (s->house) { /* the word index is built beside the house dictionary */
        const char *slash = strrchr(s->house, '/');
        int dir = slash ? (int)(slash - s->house) : 1;
        char *ix = xasprintf("%.*s/%s.wordindex", dir, slash ? s->house : ".", civ_speller_lang(sp));
        civ_speller_set_index(sp, ix);
        free(ix);
        ix = xasprintf("%.*s/%s", dir, slash ? s->house : ".", KNOWN_INDEX);
        civ_speller_set_known_index(sp, ix);
        free(ix);
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

char *civ_spellers_index_notes(civ_spellers *s)
{
    civ_buf b;
    civ_buf_init(&b);
    pthread_mutex_lock(&s->lock);
    for (size_t i = 0; i < s->n; i++) {
        for (int k = 0; k < 2 && s->v[i].sp; k++) {
            const char *note = k ? civ_speller_known_note(s->v[i].sp) : civ_speller_index_note(s->v[i].sp);
            if (note && !strstr(b.data ? b.data : "", note))
                civ_buf_printf(&b, "%s%s", b.len ? "\n" : "", note);
        }
    }
    pthread_mutex_unlock(&s->lock);
    if (!b.len) {
        civ_buf_release(&b);
        return NULL;
    }
    return civ_buf_detach(&b);
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
