/* reldates.c - see reldates.h. Strict like the rest of the pack loader
 * (rulepack.c): an unknown key or a value of the wrong shape is an error,
 * because a phrase table the linter half-understands would silently check
 * less than its author thinks. */
#include "rules/reldates.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

static const char *const unit_names[] = {NULL, "days", "weeks", "months", "years"};

static void wordlist_free(civ_wordlist *w)
{
    for (size_t i = 0; i < w->n; i++)
        free(w->items[i]);
    free(w->items);
    memset(w, 0, sizeof *w);
}

void civ_reldates_free(civ_reldates *rd)
{
    if (!rd)
        return;
    for (size_t i = 0; i < 12; i++)
        free(rd->months[i]);
    wordlist_free(&rd->prepositions);
    wordlist_free(&rd->skip_after);
    wordlist_free(&rd->subject_verbs);
    for (size_t i = 0; i < rd->nphrases; i++) {
        civ_reldate *e = &rd->phrases[i];
        free(e->phrase);
        free(e->replace);
        free(e->bare);
        free(e->note);
        wordlist_free(&e->not_before);
    }
    free(rd->phrases);
    free(rd);
}

/* Reports the first key of map m that is not in `known` (NULL-terminated). */
static bool known_keys(const civ_packtext *t, const civ_ynode *m, const char *what,
                       const char *keys, const char *const *known, char **err)
{
    for (size_t i = 0; i + 1 < m->n; i += 2) {
        const civ_ynode *k = m->items[i];
        bool found = false;
        for (size_t j = 0; known[j] && !found; j++)
            found = civ_yscalar_is(k, known[j]);
        if (!found) {
            *err = civ_packtext_error(t, k, "unknown key '%s' in %s (keys: %s)",
                                      k->kind == CIV_Y_SCALAR ? k->value : "?", what, keys);
            return false;
        }
    }
    return true;
}

/* A list of non-empty strings into w; `key` names it in messages. */
static bool words(const civ_packtext *t, const civ_ynode *v, const char *key, civ_wordlist *w,
                  char **err)
{
    if (v->kind != CIV_Y_SEQ) {
        *err = civ_packtext_error(t, v, "'%s' must be a list of words, not %s", key,
                                  civ_ykind_name(v->kind));
        return false;
    }
    for (size_t i = 0; i < v->n; i++) {
        if (v->items[i]->kind != CIV_Y_SCALAR || !v->items[i]->len) {
            *err = civ_packtext_error(t, v->items[i], "every entry of '%s' must be a word", key);
            return false;
        }
    }
    w->items = xcalloc(v->n ? v->n : 1, sizeof *w->items);
    for (size_t i = 0; i < v->n; i++)
        w->items[i] = xstrdup(v->items[i]->value);
    w->n = v->n;
    return true;
}

/* A string value, copied into *out; NULL when absent. */
static bool string(const civ_packtext *t, const civ_ynode *m, const char *key, char **out,
                   char **err)
{
    const civ_ynode *v = civ_ymap_get(m, key);
    *out = NULL;
    if (!v)
        return true;
    if (v->kind != CIV_Y_SCALAR) {
        *err = civ_packtext_error(t, v, "'%s' must be a string, not %s", key,
                                  civ_ykind_name(v->kind));
        return false;
    }
    *out = xstrdup(v->value);
    return true;
}

/* `shift: {UNIT: N}`: exactly one unit, a whole number. */
static bool load_shift(const civ_packtext *t, const civ_ynode *sh, civ_reldate *e, char **err)
{
    static const char *const keys[] = {"days", "weeks", "months", "years", NULL};
    if (sh->kind != CIV_Y_MAP || sh->n != 2) {
        *err = civ_packtext_error(t, sh, "'shift' must be one of {days: N}, {weeks: N}, "
                                         "{months: N} or {years: N}");
        return false;
    }
    if (!known_keys(t, sh, "'shift'", "days, weeks, months, years", keys, err))
        return false;
    const civ_ynode *k = sh->items[0], *v = sh->items[1];
    char *end = NULL;
    errno = 0;
    long n = v->kind == CIV_Y_SCALAR ? strtol(v->value, &end, 10) : 0;
    if (v->kind != CIV_Y_SCALAR || !v->len || *end || errno) {
        *err = civ_packtext_error(t, v, "'shift.%s' must be a whole number like -1 or 2",
                                  k->value);
        return false;
    }
    for (civ_shift_unit u = CIV_SHIFT_DAYS; u <= CIV_SHIFT_YEARS; u++)
        if (strcmp(k->value, unit_names[u]) == 0)
            e->unit = u;
    e->n = n;
    return true;
}

/* `KEY: true|false` (also yes|no); absent: dflt. */
static bool load_flag(const civ_packtext *t, const civ_ynode *m, const char *key, bool dflt, bool *out,
                      char **err)
{
    const civ_ynode *v = civ_ymap_get(m, key);
    *out = dflt;
    if (!v)
        return true;
    if (civ_yscalar_is(v, "false") || civ_yscalar_is(v, "no"))
        *out = false;
    else if (civ_yscalar_is(v, "true") || civ_yscalar_is(v, "yes"))
        *out = true;
    else {
        *err = civ_packtext_error(t, v, "'%s' must be true or false", key);
        return false;
    }
    return true;
}

/* One entry of `phrases:`. */
static bool load_phrase(const civ_packtext *t, const civ_ynode *m, civ_reldate *e, char **err)
{
    static const char *const keys[] = {"phrase",     "shift", "replace",  "bare", "note",
                                       "not-before", "fix",   "anchored", NULL};
    if (m->kind != CIV_Y_MAP) {
        *err = civ_packtext_error(t, m, "each entry of 'phrases' must be a mapping "
                                        "({phrase: ..., shift: ..., replace: ...})");
        return false;
    }
    if (!known_keys(t, m, "a relative-dates phrase",
                    "phrase, shift, replace, bare, note, not-before, fix, anchored", keys, err))
        return false;
    bool fix;
    const civ_ynode *sh = civ_ymap_get(m, "shift"), *nb = civ_ymap_get(m, "not-before");
    if (!string(t, m, "phrase", &e->phrase, err) || !string(t, m, "replace", &e->replace, err) ||
        !string(t, m, "bare", &e->bare, err) || !string(t, m, "note", &e->note, err) ||
        !load_flag(t, m, "fix", true, &fix, err) ||
        !load_flag(t, m, "anchored", false, &e->anchored, err) || (sh && !load_shift(t, sh, e, err)) ||
        (nb && !words(t, nb, "not-before", &e->not_before, err)))
        return false;
    if (!e->phrase || !*e->phrase) {
        *err = civ_packtext_error(t, m, "a relative-dates entry needs a non-empty 'phrase'");
        return false;
    }
    if ((e->replace || e->bare) && e->unit == CIV_SHIFT_NONE) {
        *err = civ_packtext_error(t, m,
                                  "phrase '%s' has a 'replace' or 'bare' form but no 'shift' "
                                  "(the date it means)",
                                  e->phrase);
        return false;
    }
    e->fix = e->replace && fix;
    return true;
}

static int by_length(const void *a, const void *b)
{
    size_t la = strlen(((const civ_reldate *)a)->phrase);
    size_t lb = strlen(((const civ_reldate *)b)->phrase);
    return la < lb ? 1 : la > lb ? -1 : 0;
}

static bool load_months(const civ_packtext *t, const civ_ynode *v, civ_reldates *rd, char **err)
{
    civ_wordlist w = {0};
    if (!words(t, v, "months", &w, err))
        return false;
    if (w.n != 12) {
        *err = civ_packtext_error(t, v, "'months' must list the 12 month names, not %zu", w.n);
        wordlist_free(&w);
        return false;
    }
    for (size_t i = 0; i < 12; i++)
        rd->months[i] = w.items[i];
    free(w.items);
    return true;
}

static bool load_phrases(const civ_packtext *t, const civ_ynode *v, civ_reldates *rd, char **err)
{
    if (v->kind != CIV_Y_SEQ) {
        *err = civ_packtext_error(t, v, "'phrases' must be a list of {phrase: ...} entries, not %s",
                                  civ_ykind_name(v->kind));
        return false;
    }
    rd->phrases = xcalloc(v->n ? v->n : 1, sizeof *rd->phrases);
    for (size_t i = 0; i < v->n; i++) {
        bool ok = load_phrase(t, v->items[i], &rd->phrases[rd->nphrases], err);
        rd->nphrases++; /* freed with the others even when half loaded */
        if (!ok)
            return false;
    }
    civ_qsort(rd->phrases, rd->nphrases, sizeof *rd->phrases, by_length);
    return true;
}

civ_reldates *civ_reldates_load(const civ_packtext *t, const civ_ynode *sec, char **err)
{
    static const char *const keys[] = {"months", "prepositions", "skip-after",
                                       "subject-verbs", "phrases", NULL};
    if (sec->kind != CIV_Y_MAP) {
        *err = civ_packtext_error(t, sec, "'relative-dates' must be a mapping (months, "
                                          "prepositions, skip-after, subject-verbs, phrases)");
        return NULL;
    }
    if (!known_keys(t, sec, "'relative-dates'",
                    "months, prepositions, skip-after, subject-verbs, phrases", keys, err))
        return NULL;
    civ_reldates *rd = xcalloc(1, sizeof *rd);
    const civ_ynode *v;
    bool ok = true;
    if (ok && (v = civ_ymap_get(sec, "months")))
        ok = load_months(t, v, rd, err);
    if (ok && (v = civ_ymap_get(sec, "prepositions")))
        ok = words(t, v, "prepositions", &rd->prepositions, err);
    if (ok && (v = civ_ymap_get(sec, "skip-after")))
        ok = words(t, v, "skip-after", &rd->skip_after, err);
    if (ok && (v = civ_ymap_get(sec, "subject-verbs")))
        ok = words(t, v, "subject-verbs", &rd->subject_verbs, err);
    if (ok && (v = civ_ymap_get(sec, "phrases")))
        ok = load_phrases(t, v, rd, err);
    if (!ok) {
        civ_reldates_free(rd);
        return NULL;
    }
    return rd;
}
