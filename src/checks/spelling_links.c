/* spelling_links.c - the words a post writes in its link addresses and
 * its code, for the `spelling` check (spelling_impl.h). An unknown word
 * that the post also writes there is the name of what it links to or an
 * identifier of its code (or of its raw HTML: `<a href=…>`): a user name (`[Quxley](https://x.org/quxley)`,
 * written elsewhere in the post), a package, a tool, a dataset, a site.
 * On the real posts of ../shared/corpora, of the judged spelling findings
 * whose word is a whole token of some link address of the same post, 14
 * were names and terms and none a typo once wrong casing is left aside
 * (`Github` with a github.com link is still told: this applies to the
 * likely-typo verdict only). */
#include <stdint.h>
#include <string.h>

#include "checks/spelling_impl.h"

#define TOKEN_MIN 3  /* letters in a token worth keeping */
#define TOKEN_MAX 64

/* Adds the letter runs of s[0..n), folded to lower case. */
static void add_tokens(civ_strmap *m, const char *s, size_t n)
{
    char buf[TOKEN_MAX];
    size_t k = 0;
    for (size_t i = 0; i <= n; i++) {
        char c = i < n ? s[i] : '\0';
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c >= 'a' && c <= 'z') {
            if (k < sizeof buf)
                buf[k] = c;
            k++;
            continue;
        }
        if (k >= TOKEN_MIN && k <= sizeof buf)
            civ_strmap_put(m, buf, k, (void *)(uintptr_t)1);
        k = 0;
    }
}

void civ_spelling_elsewhere(sp_state *st)
{
    for (size_t i = 0; st->doc && i < st->doc->nblocks; i++) {
        const civ_block *b = &st->doc->blocks[i];
        if (b->kind == CIV_BLOCK_CODE || b->kind == CIV_BLOCK_HTML) {
            add_tokens(&st->elsewhere, b->text, b->text_len);
            continue;
        }
        for (size_t k = 0; k < b->ninl; k++) {
            const civ_inline *in = &b->inl[k];
            /* not a bare address written in the text: that one is read
             * as the prose's (`the sourse, https://x.org/sourse`) */
            bool address = in->kind == CIV_INL_LINK || in->kind == CIV_INL_IMAGE;
            /* raw HTML: its tags' addresses (`<a href=…>`) and names */
            if ((address || in->kind == CIV_INL_CODE || in->kind == CIV_INL_HTML) && in->url)
                add_tokens(&st->elsewhere, in->url, strlen(in->url));
        }
    }
}

bool civ_spelling_written_elsewhere(const sp_state *st, const sp_word *w)
{
    char low[TOKEN_MAX];
    if (w->klen > sizeof low)
        return false;
    for (size_t i = 0; i < w->klen; i++) {
        char c = w->key[i];
        low[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    return civ_strmap_get(&st->elsewhere, low, w->klen) != NULL;
}
