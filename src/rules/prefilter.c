/* prefilter.c - see prefilter.h.
 *
 * The automaton is a full DFA over byte classes: the bytes that occur in
 * some literal (upper- and lower-case ASCII letters share a class) get a
 * class each and every other byte class 0, so the table has one row per
 * trie node and one column per class, and the scan is one table lookup per
 * byte. Case-sensitive literals are matched folded and then compared with
 * the text as written. */
#include "rules/prefilter.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

typedef struct {
    char *raw;       /* as written (case-sensitive) or folded (caseless) */
    size_t len;
    bool cs;         /* compare raw with the text */
    size_t *slots;
    size_t nslots, slotcap;
    int32_t next;    /* the next literal ending at the same node, or -1 */
} literal;

struct civ_prefilter {
    literal *lits;
    size_t nlits, litcap;
    bool *always;    /* per slot: no literals, always marked */
    size_t nslots, alwayscap;
    bool any_caseless;
    bool off;        /* CIVLINT_NO_PREFILTER: every slot, every time */
    /* the automaton */
    unsigned char cls[256];
    size_t width;    /* number of classes */
    int32_t *delta;  /* nodes x width */
    int32_t *first;  /* per node: first literal ending here, or -1 */
    int32_t *dict;   /* per node: the longest proper suffix node with literals, or -1 */
    int32_t *out;    /* per node: itself when literals end there, else dict */
    size_t nnodes;
};

civ_prefilter *civ_prefilter_new(void)
{
    civ_prefilter *pf = xcalloc(1, sizeof *pf);
    const char *off = getenv("CIVLINT_NO_PREFILTER");
    pf->off = off && *off && *off != '0';
    return pf;
}

void civ_prefilter_free(civ_prefilter *pf)
{
    if (!pf)
        return;
    for (size_t i = 0; i < pf->nlits; i++) {
        free(pf->lits[i].raw);
        free(pf->lits[i].slots);
    }
    free(pf->lits);
    free(pf->always);
    free(pf->delta);
    free(pf->first);
    free(pf->dict);
    free(pf->out);
    free(pf);
}

static unsigned char fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* A one-letter literal ('a', 'I') is in nearly every paragraph, and
 * would make the scan report at nearly every byte. */
bool civ_prefilter_usable(const civ_litset *s)
{
    for (size_t i = 0; i < s->n; i++) {
        unsigned char c = (unsigned char)s->s[i][0];
        if (s->len[i] == 1 && ((c | 32) >= 'a' && (c | 32) <= 'z'))
            return false;
    }
    return true;
}

size_t civ_prefilter_add(civ_prefilter *pf, const civ_litset *s)
{
    size_t slot = pf->nslots;
    if (s && !civ_prefilter_usable(s))
        s = NULL;
    *CIV_PUSH(pf->always, pf->nslots, pf->alwayscap) = s == NULL;
    if (!s)
        return slot;
    pf->any_caseless |= s->caseless;
    for (size_t i = 0; i < s->n; i++) {
        literal *l = NULL;
        for (size_t k = 0; k < pf->nlits && !l; k++)
            if (pf->lits[k].cs == !s->caseless && pf->lits[k].len == s->len[i] &&
                memcmp(pf->lits[k].raw, s->s[i], s->len[i]) == 0)
                l = &pf->lits[k];
        if (!l) {
            l = CIV_PUSH(pf->lits, pf->nlits, pf->litcap);
            memset(l, 0, sizeof *l);
            l->raw = xstrndup(s->s[i], s->len[i]);
            l->len = s->len[i];
            l->cs = !s->caseless;
        }
        if (!l->nslots || l->slots[l->nslots - 1] != slot)
            *CIV_PUSH(l->slots, l->nslots, l->slotcap) = slot;
    }
    return slot;
}

size_t civ_prefilter_slots(const civ_prefilter *pf)
{
    return pf->nslots;
}

static int32_t new_node(civ_prefilter *pf, size_t *cap)
{
    if (pf->nnodes == *cap) {
        *cap = *cap ? 2 * *cap : 64;
        pf->delta = xrealloc(pf->delta, *cap * pf->width * sizeof *pf->delta);
        pf->first = xrealloc(pf->first, *cap * sizeof *pf->first);
        pf->dict = xrealloc(pf->dict, *cap * sizeof *pf->dict);
    }
    size_t n = pf->nnodes++;
    for (size_t c = 0; c < pf->width; c++)
        pf->delta[n * pf->width + c] = -1;
    pf->first[n] = -1;
    pf->dict[n] = -1;
    return (int32_t)n;
}

void civ_prefilter_build(civ_prefilter *pf)
{
    memset(pf->cls, 0, sizeof pf->cls);
    pf->width = 1;
    for (size_t i = 0; i < pf->nlits; i++)
        for (size_t k = 0; k < pf->lits[i].len; k++) {
            unsigned char b = fold((unsigned char)pf->lits[i].raw[k]);
            if (!pf->cls[b])
                pf->cls[b] = (unsigned char)pf->width++;
        }
    for (int c = 'A'; c <= 'Z'; c++)
        pf->cls[c] = pf->cls[c + 32];
    size_t cap = 0;
    pf->nnodes = 0;
    new_node(pf, &cap);
    for (size_t i = 0; i < pf->nlits; i++) {
        int32_t n = 0;
        for (size_t k = 0; k < pf->lits[i].len; k++) {
            size_t c = pf->cls[(unsigned char)pf->lits[i].raw[k]];
            if (pf->delta[(size_t)n * pf->width + c] < 0) {
                int32_t m = new_node(pf, &cap);
                pf->delta[(size_t)n * pf->width + c] = m;
            }
            n = pf->delta[(size_t)n * pf->width + c];
        }
        pf->lits[i].next = pf->first[n];
        pf->first[n] = (int32_t)i;
    }
    /* breadth first: failure transitions and dictionary links */
    int32_t *fail = xmalloc(pf->nnodes * sizeof *fail);
    int32_t *queue = xmalloc(pf->nnodes * sizeof *queue);
    size_t qh = 0, qt = 0;
    fail[0] = 0;
    for (size_t c = 0; c < pf->width; c++) {
        int32_t v = pf->delta[c];
        if (v < 0) {
            pf->delta[c] = 0;
        } else {
            fail[v] = 0;
            queue[qt++] = v;
        }
    }
    while (qh < qt) {
        int32_t u = queue[qh++];
        for (size_t c = 0; c < pf->width; c++) {
            int32_t v = pf->delta[(size_t)u * pf->width + c];
            int32_t f = pf->delta[(size_t)fail[u] * pf->width + c];
            if (v < 0) {
                pf->delta[(size_t)u * pf->width + c] = f;
                continue;
            }
            fail[v] = f;
            pf->dict[v] = pf->first[f] >= 0 ? f : pf->dict[f];
            queue[qt++] = v;
        }
    }
    free(fail);
    free(queue);
    pf->out = xmalloc(pf->nnodes * sizeof *pf->out);
    for (size_t n = 0; n < pf->nnodes; n++)
        pf->out[n] = pf->first[n] >= 0 ? (int32_t)n : pf->dict[n];
}

/* Caseless pcre2 matches these with ASCII letters (KELVIN SIGN with k,
 * LONG S with s; the dotted and dotless I are listed to be safe), which
 * the ASCII folding of the scan does not know: a text holding one of
 * them passes every slot. */
static bool has_other_case(const char *t, size_t n)
{
    /* by lead byte, with memchr: four memmem passes over every text a
     * prefilter scans were most of the scan's cost */
    const unsigned char *s = (const unsigned char *)t, *e = s + n, *p;
    for (p = memchr(s, 0xE2, n); p; p = memchr(p + 1, 0xE2, (size_t)(e - p - 1)))
        if (e - p >= 3 && p[1] == 0x84 && p[2] == 0xAA)
            return true; /* U+212A */
    for (p = memchr(s, 0xC5, n); p; p = memchr(p + 1, 0xC5, (size_t)(e - p - 1)))
        if (e - p >= 2 && p[1] == 0xBF)
            return true; /* U+017F */
    for (p = memchr(s, 0xC4, n); p; p = memchr(p + 1, 0xC4, (size_t)(e - p - 1)))
        if (e - p >= 2 && (p[1] == 0xB0 || p[1] == 0xB1))
            return true; /* U+0130, U+0131 */
    return false;
}

void civ_prefilter_scan(const civ_prefilter *pf, const char *text, size_t len, bool *hit)
{
    if (pf->off || !pf->delta || (pf->any_caseless && has_other_case(text, len))) {
        for (size_t i = 0; i < pf->nslots; i++)
            hit[i] = true;
        return;
    }
    if (pf->nslots) /* no slots: pf->always is NULL, and memcpy must not see it */
        memcpy(hit, pf->always, pf->nslots * sizeof *hit);
    /* A node whose literals were all reported (none case-sensitive, or
     * all verified) need not be visited again in this text: common short
     * literals (',' '-' 'the') occur on every line. */
    unsigned char *done = xcalloc(pf->nnodes, 1);
    const unsigned char *s = (const unsigned char *)text;
    const int32_t *delta = pf->delta, *out = pf->out;
    size_t w = pf->width;
    int32_t st = 0;
    for (size_t i = 0; i < len; i++) {
        st = delta[(size_t)st * w + pf->cls[s[i]]];
        for (int32_t o = out[st]; o >= 0; o = pf->dict[o]) {
            if (done[o])
                continue;
            bool all = true;
            for (int32_t li = pf->first[o]; li >= 0; li = pf->lits[li].next) {
                const literal *l = &pf->lits[li];
                if (l->cs && memcmp(text + i + 1 - l->len, l->raw, l->len) != 0) {
                    all = false;
                    continue;
                }
                for (size_t k = 0; k < l->nslots; k++)
                    hit[l->slots[k]] = true;
            }
            done[o] = all;
        }
    }
    free(done);
}
