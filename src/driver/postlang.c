/* postlang.c - see postlang.h. */
#include "driver/postlang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* The span of values [a, b] as written on the key's line (`en-GB`, or
 * `en_US, xx-YY` in a list); false when they are not there verbatim (a
 * list over several lines, an escaped value). */
static bool on_key_line(const civ_source *src, const civ_fm_field *f, const char *a,
                        const char *b, size_t *s0, size_t *s1)
{
    const char *line = src->data + f->off, *nl = strchr(line, '\n');
    size_t n = nl ? (size_t)(nl - line) : strlen(line);
    const char *p = a[0] ? memmem(line, n, a, strlen(a)) : NULL;
    const char *q = p && b[0] ? memmem(p, n - (size_t)(p - line), b, strlen(b)) : NULL;
    if (!q)
        return false;
    *s0 = (size_t)(p - src->data);
    *s1 = (size_t)(q - src->data) + strlen(b);
    return true;
}

/* The note's text without its "; spelt as" tail: about the values as
 * written on the key's line (the rule's messages quote their span), else
 * about the key; *s0 and *s1 its span. */
static void describe(const civ_source *src, const civ_post_choice *c, char *buf, size_t cap,
                     size_t *s0, size_t *s1)
{
    if (on_key_line(src, c->field, c->first, c->last, s0, s1)) {
        snprintf(buf, cap, "front matter lang '%.*s' %s", (int)(*s1 - *s0), src->data + *s0,
                 c->why);
    } else {
        *s0 = c->field->off;
        *s1 = c->field->off + strlen(c->field->key);
        snprintf(buf, cap, "front matter %s %s", c->field->key, c->why);
    }
}

void civ_post_choose(const civ_spellers *s, const civ_frontmatter *fm, const char *current,
                     civ_post_choice *c)
{
    memset(c, 0, sizeof *c);
    const civ_fm_field *f = civ_frontmatter_field(fm, "lang");
    bool strict = f && f->nvalues;
    if (!strict)
        f = civ_frontmatter_field(fm, "language"); /* may name a programming language */
    if (!f || !f->nvalues)
        return;
    const char *bad;
    if (!civ_post_lang(f->values, f->nvalues, current, c->lang, sizeof c->lang, &bad)) {
        c->lang[0] = '\0';
        if (strict) /* `language: python` says nothing of the prose */
            *c = (civ_post_choice){f, "", bad, bad, "is not a language like en_GB or en-GB"};
        return;
    }
    c->field = f;
    c->first = f->values[0];
    c->last = f->values[f->nvalues - 1];
    if (strcmp(c->lang, current) == 0)
        return;
    /* each language asked, so that the note names the missing one in every
     * post that asks for it (the spellers say it once, to the first post,
     * which -j chooses) */
    const char *p = c->lang;
    char one[8];
    for (size_t i = 0; i < f->nvalues; i++) {
        size_t len = strcspn(p, ",");
        snprintf(one, sizeof one, "%.*s", (int)len, p);
        if (!civ_spellers_installed(s, one)) {
            c->lang[0] = '\0';
            c->first = c->last = f->values[i];
            c->why = "has no hunspell dictionary installed";
            return;
        }
        p += len + (p[len] == ',');
    }
}

void civ_post_describe(const civ_source *src, const civ_post_choice *c, char *buf, size_t cap)
{
    size_t s0, s1;
    buf[0] = '\0';
    if (c->why)
        describe(src, c, buf, cap, &s0, &s1);
}

/* One note of rule `spelling` at the values (else the key). */
static void note(civ_diags *out, const civ_source *src, const civ_post_choice *c,
                 const char *current)
{
    char msg[256];
    size_t s0, s1;
    describe(src, c, msg, sizeof msg, &s0, &s1);
    civ_diag_add(out, "spelling", CIV_SEV_NOTE, s0, s1, "%s; spelt as %s", msg, current);
}

void civ_post_speller(civ_spellers *s, civ_ctx *ctx, const civ_source *src, civ_diags *out)
{
    if (!s || !ctx->speller)
        return;
    civ_frontmatter fm;
    civ_frontmatter_parse(src, &fm);
    const char *current = ctx->lang ? ctx->lang : civ_spellers_lang(s);
    civ_post_choice c;
    civ_post_choose(s, &fm, current, &c);
    if (c.why) {
        note(out, src, &c, current);
    } else if (c.lang[0] && strcmp(c.lang, current) != 0) {
        char *err = NULL;
        civ_speller *sp = civ_spellers_get(s, c.lang, ctx->dictionaries, ctx->ndictionaries, &err);
        free(err); /* said in the note, for every post that asks (the first would be -j's choice) */
        c.why = "has no hunspell dictionary installed";
        if (sp)
            ctx->speller = sp;
        else
            note(out, src, &c, current);
    }
    civ_frontmatter_release(&fm);
}
