/* postlang.c - see postlang.h. */
#include "driver/postlang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "spell/spell.h"

static bool alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static char upper(char c)
{
    return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

/* One tag into out[0..6): `ll` or `ll_RR`; false when it is no tag. */
static bool one_tag(const char *v, const char *current, char out[6])
{
    while (*v == ' ')
        v++;
    if (!alpha(v[0]) || !alpha(v[1]) || (v[2] && v[2] != '-' && v[2] != '_' && v[2] != ' '))
        return false;
    out[0] = lower(v[0]);
    out[1] = lower(v[1]);
    out[2] = '\0';
    /* subtags: a script of 4 letters (`Latn`) is skipped, the first of 2
     * letters is the region; anything else ends the tag */
    for (const char *p = v + 2; *p == '-' || *p == '_';) {
        const char *q = ++p;
        while (alpha(*q))
            q++;
        if (q - p == 2) {
            out[2] = '_';
            out[3] = upper(p[0]);
            out[4] = upper(p[1]);
            out[5] = '\0';
            break;
        }
        if (q - p != 4)
            break;
        p = q;
    }
    if (!out[2] && strncmp(current, out, 2) == 0 && current[2] == '_') {
        memcpy(out, current, 5); /* `en` in an en_US project: en_US */
        out[5] = '\0';
    }
    return true;
}

bool civ_post_lang(const char *const *values, size_t n, const char *current, char *out,
                   size_t cap, const char **bad)
{
    *bad = NULL;
    size_t o = 0;
    out[0] = '\0';
    if (n == 0 || n > 4) {
        *bad = n ? values[4] : "";
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        char tag[6];
        size_t len = strlen(values[i]);
        while (len && values[i][len - 1] == ' ')
            len--;
        bool whole = len <= 16; /* `en-GB`, `sr-Latn-RS`; not a sentence */
        if (!whole || !one_tag(values[i], current, tag) ||
            strspn(values[i], " abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_") < len ||
            o + strlen(tag) + 2 > cap) {
            *bad = values[i];
            out[0] = '\0';
            return false;
        }
        o += (size_t)snprintf(out + o, cap - o, "%s%s", i ? "," : "", tag);
    }
    return true;
}

static void note(civ_diags *out, const civ_fm_field *f, const char *msg)
{
    civ_diag_add(out, "spelling", CIV_SEV_NOTE, f->off, f->off + strlen(f->key), "%s", msg);
}

void civ_post_speller(civ_spellers *s, civ_ctx *ctx, const civ_source *src, civ_diags *out)
{
    if (!s || !ctx->speller)
        return;
    civ_frontmatter fm;
    civ_frontmatter_parse(src, &fm);
    const civ_fm_field *f = civ_frontmatter_field(&fm, "lang");
    bool strict = f && f->nvalues;
    if (!strict)
        f = civ_frontmatter_field(&fm, "language"); /* may name a programming language */
    const char *current = ctx->lang ? ctx->lang : civ_spellers_lang(s);
    char lang[64];
    const char *bad;
    if (f && f->nvalues && !civ_post_lang(f->values, f->nvalues, current, lang, sizeof lang, &bad)) {
        char *m = xasprintf("front matter lang '%s' is not a language like en_GB or en-GB: spelt as %s",
                            bad, current);
        if (strict)
            note(out, f, m);
        free(m);
    } else if (f && f->nvalues && strcmp(lang, current) != 0) {
        char *err = NULL;
        civ_speller *sp = civ_spellers_get(s, lang, ctx->dictionaries, ctx->ndictionaries, &err);
        free(err); /* named in the note, for every post that asks (the first would be -j's choice) */
        if (sp)
            ctx->speller = sp;
        else {
            char *m = xasprintf("front matter lang '%s': no hunspell dictionary installed for it; spelt as %s",
                                lang, current);
            note(out, f, m);
            free(m);
        }
    }
    civ_frontmatter_release(&fm);
}
