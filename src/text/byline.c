/* byline.c - see byline.h. */
#include "text/byline.h"

#include <stdint.h>
#include <string.h>


/* A byline is one short line; a long closing paragraph that merely
 * mentions a "Director" is prose, not a malformed byline. */
#define BYLINE_MAX_BYTES 300

static bool is_comment_html(const civ_block *b)
{
    const char *t = b->text;
    while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r')
        t++;
    return strncmp(t, "<!--", 4) == 0;
}

static void trim(const char *t, size_t *a, size_t *b)
{
    while (*a < *b && (t[*a] == ' ' || t[*a] == '\t'))
        (*a)++;
    while (*b > *a && (t[*b - 1] == ' ' || t[*b - 1] == '\t'))
        (*b)--;
}

/* Where the name ends before `role`: without the separator the author may
 * have typed (or left out): spaces, a comma, a colon, a hyphen, a dash. */
static size_t name_end(const char *t, size_t a, size_t role)
{
    size_t ne = role;
    for (;;) {
        if (ne > a && strchr(" \t,;:-", t[ne - 1]))
            ne--;
        else if (ne >= a + 3 && (memcmp(t + ne - 3, "\u2013", 3) == 0 || memcmp(t + ne - 3, "\u2014", 3) == 0))
            ne -= 3;
        else
            return ne;
    }
}

static bool has_dash(const char *t, size_t s0, size_t s1)
{
    return memmem(t + s0, s1 - s0, "\u2013", 3) || memmem(t + s0, s1 - s0, "\u2014", 3) ||
           memchr(t + s0, '-', s1 - s0);
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* A role before the organisation's comma is a few words ("Senior Fellow
 * and Head of the Energy Programme" is nine); more is prose. */
#define ROLE_MAX_WORDS 12

/* The number of words in t[i..e) up to the first comma. */
static size_t words_to_comma(const char *t, size_t i, size_t e)
{
    size_t n = 0;
    bool in = false;
    for (; i < e && t[i] != ','; i++) {
        if (!is_space(t[i]) && !in)
            n++;
        in = !is_space(t[i]);
    }
    return n;
}

/* True when word t[w0..w1) is in the role vocabulary (`byline-roles`),
 * punctuation that follows it aside ("Fellow," "Director:"). */
static bool role_word(const civ_pattern *roles, const char *t, size_t w0, size_t w1)
{
    while (w1 > w0 && strchr(",;:", t[w1 - 1]))
        w1--;
    size_t ov[2];
    return w1 > w0 && civ_pattern_find(roles, t + w0, w1 - w0, 0, ov, 1) == CIV_MATCH_OK;
}

/* A word that is a dash: '-', an en dash or an em dash. */
static bool dash_word(const char *t, size_t w0, size_t w1)
{
    return (w1 - w0 == 1 && t[w0] == '-') ||
           (w1 - w0 == 3 && (memcmp(t + w0, "\u2013", 3) == 0 || memcmp(t + w0, "\u2014", 3) == 0));
}

/* Splits t[a..e) into name and role at the first word of the role
 * vocabulary: sure when the words before it (at least two, separators
 * aside) match `byline-name`. "Tamar Kiknadze Senior Fellow, X" splits
 * before "Senior", not before "Fellow" (which `byline-words` finds first). */
static bool split_by_roles(const char *t, size_t a, size_t e, const civ_rules *rules, civ_byline *out)
{
    const civ_pattern *roles = civ_rules_def(rules, "byline-roles");
    const civ_pattern *name = civ_rules_def(rules, "byline-name");
    if (!roles || !name)
        return false;
    size_t nwords = 0;
    bool need_role = false; /* after "Name," or "Name –" the role starts */
    for (size_t i = a; i < e;) {
        while (i < e && is_space(t[i]))
            i++;
        size_t w0 = i;
        while (i < e && !is_space(t[i]))
            i++;
        if (w0 == i)
            break;
        if (dash_word(t, w0, i)) {
            need_role = true;
            continue;
        }
        if (!role_word(roles, t, w0, i)) {
            if (need_role)
                return false; /* "Name, Something" that is no role: unsure */
            nwords++;
            out->last_t0 = w0;
            out->last_t1 = i;
            while (out->last_t1 > w0 && strchr(",;:", t[out->last_t1 - 1]))
                out->last_t1--;
            need_role = strchr(",;:", t[i - 1]) != NULL;
            continue;
        }
        size_t ne = name_end(t, a, w0), ov[2];
        if (nwords < 2 || ne == a || civ_pattern_find(name, t + a, ne - a, 0, ov, 1) != CIV_MATCH_OK)
            return false;
        if (words_to_comma(t, w0, e) > ROLE_MAX_WORDS)
            return false; /* a sentence, not a role */
        out->sep_t0 = ne;
        out->sep_t1 = w0;
        out->role_t0 = w0;
        out->role_t1 = i;
        out->sure = true;
        return true;
    }
    return false;
}

/* In a line the `byline` pattern accepts, role words before the dash:
 * "Tamar Kiknadze Senior – Fellow, ..." (what the old fix-it made of
 * "Tamar Kiknadze Senior Fellow"). Sure only as split_by_roles is: two or
 * more name words before the first role word, and nothing but role words
 * from it to the dash. */
static bool role_before_dash(const char *t, size_t a, size_t e, const civ_rules *rules, civ_byline *out)
{
    const civ_pattern *roles = civ_rules_def(rules, "byline-roles");
    const civ_pattern *name = civ_rules_def(rules, "byline-name");
    if (!roles || !name)
        return false;
    size_t nwords = 0, first = SIZE_MAX, last_end = 0, prev_end = a;
    for (size_t i = a; i < e;) {
        while (i < e && is_space(t[i]))
            i++;
        size_t w0 = i;
        while (i < e && !is_space(t[i]))
            i++;
        if (w0 == i)
            return false;
        if (dash_word(t, w0, i)) {
            size_t ov[2], next = i;
            while (next < e && is_space(t[next]))
                next++;
            if (first == SIZE_MAX || nwords < 2 || next == e ||
                civ_pattern_find(name, t + a, out->sep_t0 - a, 0, ov, 1) != CIV_MATCH_OK)
                return false;
            out->role_t1 = last_end;
            out->sep_t1 = next;
            out->role_before_dash = out->sure = true;
            return true;
        }
        bool role = role_word(roles, t, w0, i);
        if (first == SIZE_MAX && role) {
            first = w0;
            out->role_t0 = w0;
            out->sep_t0 = prev_end;
        } else if (first == SIZE_MAX) {
            nwords++;
            out->last_t0 = w0;
            out->last_t1 = i;
        } else if (!role) {
            return false; /* a word that is no role between the name and the dash */
        }
        last_end = prev_end = i;
    }
    return false;
}

void civ_byline_find(const civ_doc *doc, const civ_rules *rules, civ_byline *out)
{
    memset(out, 0, sizeof *out);
    out->status = CIV_BYLINE_NONE;
    out->block = SIZE_MAX;
    const civ_block *b = NULL;
    for (size_t i = doc->nblocks; i-- > 0;) {
        const civ_block *c = &doc->blocks[i];
        if (c->flags & CIV_IN_FOOTNOTE)
            continue;
        if (c->kind == CIV_BLOCK_THEMATIC_BREAK || (c->kind == CIV_BLOCK_HTML && is_comment_html(c)))
            continue;
        if (c->kind == CIV_BLOCK_PARAGRAPH && !(c->flags & (CIV_IN_QUOTE | CIV_IN_LIST | CIV_IN_TABLE))) {
            b = c;
            out->block = i;
        }
        break;
    }
    if (!b)
        return;
    size_t a = 0, e = b->text_len;
    trim(b->text, &a, &e);
    if (e - a > BYLINE_MAX_BYTES || e == a)
        return;
    const civ_pattern *full = civ_rules_def(rules, "byline");
    const civ_pattern *words = civ_rules_def(rules, "byline-words");
    const civ_pattern *name = civ_rules_def(rules, "byline-name");
    size_t ov[2];
    if (full && civ_pattern_find(full, b->text + a, e - a, 0, ov, 1) == CIV_MATCH_OK) {
        civ_byline moved = *out;
        out->status = role_before_dash(b->text, a, e, rules, &moved) ? CIV_BYLINE_MALFORMED : CIV_BYLINE_OK;
        if (out->status == CIV_BYLINE_MALFORMED)
            *out = (civ_byline){.status = CIV_BYLINE_MALFORMED, .block = out->block, .sep_t0 = moved.sep_t0,
                                .sep_t1 = moved.sep_t1, .sure = true, .role_t0 = moved.role_t0,
                                .role_t1 = moved.role_t1, .last_t0 = moved.last_t0,
                                .last_t1 = moved.last_t1, .role_before_dash = true};
        return;
    }
    bool worded = words && civ_pattern_find(words, b->text + a, e - a, 0, ov, 1) == CIV_MATCH_OK;
    /* a name, then a word of the role vocabulary: a byline, when one of
     * `byline-words` is in it or the dash is missing (what the fix-it
     * mends); a dashed line with other words is left as it was */
    if (split_by_roles(b->text, a, e, rules, out) && (worded || !has_dash(b->text, out->sep_t0, out->sep_t1))) {
        out->status = CIV_BYLINE_MALFORMED;
        return;
    }
    out->sure = false;
    if (!worded)
        return;
    out->status = CIV_BYLINE_MALFORMED;
    /* Unsure: the name is what comes before the first word of
     * `byline-words`, without the separator the author may have typed;
     * the message is given, the fix-it is not. */
    size_t role = a + ov[0];
    size_t ne = name_end(b->text, a, role);
    if (ne == a || (name && civ_pattern_find(name, b->text + a, ne - a, 0, ov, 1) != CIV_MATCH_OK)) {
        out->status = CIV_BYLINE_NONE;
        return;
    }
    out->sep_t0 = ne;
    out->sep_t1 = role;
}
