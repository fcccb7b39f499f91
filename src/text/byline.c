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
        out->status = CIV_BYLINE_OK;
        return;
    }
    if (!words || civ_pattern_find(words, b->text + a, e - a, 0, ov, 1) != CIV_MATCH_OK)
        return;
    /* The name is what comes before the first role word, without the
     * separator the author may have typed (or left out). */
    size_t role = a + ov[0];
    size_t ne = role;
    for (;;) {
        if (ne > a && strchr(" \t,;:-", b->text[ne - 1]))
            ne--;
        else if (ne >= a + 3 && (memcmp(b->text + ne - 3, "\u2013", 3) == 0 ||
                                 memcmp(b->text + ne - 3, "\u2014", 3) == 0))
            ne -= 3;
        else
            break;
    }
    if (ne == a)
        return;
    if (name && civ_pattern_find(name, b->text + a, ne - a, 0, ov, 1) != CIV_MATCH_OK)
        return;
    out->status = CIV_BYLINE_MALFORMED;
    out->sep_t0 = ne;
    out->sep_t1 = role;
}
