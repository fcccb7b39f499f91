/* spelling.c - `spelling`: words that neither the dictionary nor the
 * house word lists know.
 *
 * Editorial rule: every word of the prose (paragraphs, headings, table
 * cells, footnote text and the front-matter title) is spelt as en_US (or
 * --lang) plus the house dictionary plus the project's and the post's word
 * lists spell it.
 *
 * A finding: a word (words.h) that is unknown as written, and - when it
 * ends in 's - whose stem is unknown too ("EU’s", "Jinping’s" are checked
 * on the stem), and - when it is a hyphenated compound - is unknown as a
 * whole and in at least one part; then each unknown part is reported on
 * its own span, so the fix-it replaces only the bad part. The span is the
 * exact word (without the possessive), the note offers up to three
 * suggestions, and the first is the fix-it (with the post's curly
 * apostrophe when the word had one).
 *
 * Never checked (false-positive trade-offs): code, HTML, images and
 * footnote labels (U+FFFC placeholders), autolinks, URLs, e-mail addresses,
 * handles, domains, file names and paths (one token each in words.h),
 * words with digits or '_', single letters (the "e" and "g" of "e.g."; a
 * one-letter typo cannot be told from a variable), ALL-CAPS acronyms of up
 * to ctx->acronym_max letters (and their plurals: NGOs), words with
 * letters outside the Latin script (en_US cannot judge them; a Latin word
 * with a Cyrillic look-alike inside is mixed-script's finding, not two
 * findings), and front-matter values other than the title. The cost is that a misspelt acronym or a
 * typo glued to a domain-like dot ("end.the") goes unreported.
 *
 * A post declares its own words in an HTML comment anywhere in it:
 * <!-- civlint-words: Word1 Word2 --> (space- or comma-separated); they
 * count for that post only. The comments are found and split by
 * model/directives.c (an unterminated one declares nothing). */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "checks/check.h"
#include "checks/spelling.h"
#include "checks/spelling_impl.h"
#include "base/utf8.h"
#include "spell/spell.h"
#include "text/byline.h"
#include "text/words.h"

/* Where a piece of text lives: a block (mapped with civ_block_span) or the
 * verbatim front-matter title at `base`. */
typedef struct {
    const civ_block *b;
    size_t base;
} where;

static void map_span(const where *w, size_t t0, size_t t1, size_t *s0, size_t *s1)
{
    if (w->b) {
        civ_block_span(w->b, t0, t1, s0, s1);
    } else {
        *s0 = w->base + t0;
        *s1 = w->base + t1;
    }
}

/* ---- <!-- civlint-words: ... --> (found by model/directives.c) ---- */

static void collect_inline_words(sp_state *st)
{
    const civ_directives *ds = &st->doc->directives;
    for (size_t i = 0; i < ds->n; i++)
        if (ds->items[i].kind == CIV_DIR_WORDS)
            for (size_t k = 0; k < ds->items[i].nargs; k++)
                civ_wordlist_add(&st->inline_words, ds->items[i].args[k].text, strlen(ds->items[i].args[k].text));
}

/* ---- verdicts ---- */

bool civ_spelling_known(sp_state *st, const char *raw, size_t n)
{
    char buf[256];
    if (n >= sizeof buf)
        return false; /* no word is that long */
    size_t k = civ_word_normalize(raw, n, buf);
    return civ_wordlist_has(&st->inline_words, buf, k) || civ_speller_check(st->ctx->speller, buf, k);
}

bool civ_spelling_tok_known(sp_state *st, sp_tok *t, const char *raw, size_t n)
{
    if (!t)
        return civ_spelling_known(st, raw, n);
    if (t->known < 0)
        t->known = civ_spelling_known(st, raw, n);
    return t->known;
}

/* Reads the words of text[0..len) (of block b, or the title) into
 * st->toks. */
static void read_words(sp_state *st, const civ_block *b, const char *text, size_t len)
{
    civ_words it;
    civ_word wd;
    civ_words_init(&it, text, len);
    if (b)
        civ_words_break_at_links(&it, b->inl, b->ninl);
    st->ntoks = 0;
    while (civ_words_next(&it, &wd))
        *CIV_PUSH(st->toks, st->ntoks, st->tokcap) = (sp_tok){wd, -1};
    st->toks_split = it.link_split;
}

/* ALL-CAPS of 2..max letters, optionally with a plural 's (NGOs). */
static bool is_acronym(const char *s, size_t n, size_t max)
{
    if (n >= 3 && s[n - 1] == 's')
        n--;
    if (n < 2 || n > max)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!(s[i] >= 'A' && s[i] <= 'Z'))
            return false;
    return true;
}

static bool has_curly(const char *s, size_t n)
{
    return memmem(s, n, "\xE2\x80\x99", 3) != NULL;
}

/* Where a word stands, for what its capital says. */
typedef enum {
    AT_MID,      /* mid-sentence: a capital there is a name's */
    AT_SENTENCE, /* after a full stop, question or exclamation mark or an
                    ellipsis: the sentence's capital */
    AT_LABEL,    /* the first word of a byline's role (`Name – Editor`) */
    AT_BLOCK,    /* the block's first word */
} at_kind;

/* A full stop after a single capital letter ends an initial (`Quxley
 * A. Varn`), not a sentence: text[t - 1] is the '.'. */
static bool after_initial(const char *text, size_t t)
{
    return t >= 2 && text[t - 2] >= 'A' && text[t - 2] <= 'Z' &&
           (t == 2 || text[t - 3] == ' ' || text[t - 3] == '(' || text[t - 3] == '\n' ||
            text[t - 3] == '.'); /* `Q.X. Varn` */
}

/* What stands before text offset t, past white space, opening quotes,
 * brackets and emphasis marks. */
static at_kind at_start(const char *text, size_t t)
{
    while (t > 0) {
        unsigned char c = (unsigned char)text[t - 1];
        if (c == ' ' || c == '\t' || c == '\n' || c == '"' || c == '\'' || c == '(' || c == '[' ||
            c == '*' || c == '_') {
            t--;
            continue;
        }
        if (t >= 3 && (unsigned char)text[t - 3] == 0xE2 && (unsigned char)text[t - 2] == 0x80) {
            unsigned char d = (unsigned char)text[t - 1];
            if (d == 0x9C || d == 0x98) { /* opening curly quotes */
                t -= 3;
                continue;
            }
            return d == 0xA6 ? AT_SENTENCE : AT_MID; /* an ellipsis */
        }
        if (c == '.')
            return after_initial(text, t) ? AT_MID : AT_SENTENCE;
        /* after a colon a capital is a name's as often as not (`Photo:
         * Quxley Varn`, `Chair: Zorblax`): judged as mid-sentence */
        return c == '!' || c == '?' ? AT_SENTENCE : AT_MID;
    }
    return AT_BLOCK;
}

/* Only the separator of a byline `Name – Role` (spaces, a dash or a
 * comma) stands between text offsets a and t. */
static bool role_start(const char *text, size_t a, size_t t)
{
    for (size_t i = a; i < t; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c != ' ' && c != '-' && c != ',' && c != 0xE2 && c != 0x80 && c != 0x93 && c != 0x94)
            return false;
    }
    return a < t;
}

/* Whether a heading (or the title) text[0..len) is in Title Case: more
 * of its words after the first that the dictionary knows in lower case
 * (of 4 letters or more, so not `of`, `and`) are Capitalised than not.
 * In Title Case a capital says nothing; in sentence case (`Using the
 * Zorblax tool`) a capital after the first word is a name's. Without
 * such words, as Title Case. */
static bool title_case(sp_state *st, const char *text, size_t len)
{
    civ_words it;
    civ_word wd;
    size_t caps = 0, lower = 0;
    bool first = true;
    civ_words_init(&it, text, len);
    while (civ_words_next(&it, &wd)) {
        size_t n = wd.t1 - wd.t0;
        const char *s = text + wd.t0;
        if (wd.kind != CIV_WORD_PROSE || n < 4 || n >= 64 || (wd.flags & CIV_WORD_NONLATIN)) {
            first = false;
            continue;
        }
        bool cap = s[0] >= 'A' && s[0] <= 'Z';
        if (first || !(cap || (s[0] >= 'a' && s[0] <= 'z'))) {
            first = false;
            continue;
        }
        char low[64];
        memcpy(low, s, n);
        low[0] = (char)(cap ? s[0] - 'A' + 'a' : s[0]);
        if (civ_spelling_known(st, low, n))
            cap ? caps++ : lower++;
    }
    return caps >= lower;
}

/* A Capitalised known word separated from the unknown word text[t0..t1)
 * by spaces only. Next to a common one (`Senior`, `Council`: the
 * dictionary knows it in lower case too), a Capitalised unknown word is
 * more likely a misspelt word of a title or a name phrase (`Iunior
 * Researcher`, `the Gozernment Council`) than a name of its own; next to
 * a proper noun (`Eric`, `European`: known only capitalised) it is as
 * likely the rest of a name (on 943 real posts, 15 of 17 words reported
 * for standing next to any Capitalised known word were surnames and
 * other names). Returns CIV_SP_NEXT_* (spelling_impl.h). */
static int title_word(sp_state *st, const char *text, const civ_word *t, size_t t0, size_t t1)
{
    if (!t || t->kind != CIV_WORD_PROSE || t->nletters < 2 || text[t->t0] < 'A' || text[t->t0] > 'Z')
        return CIV_SP_NEXT_NONE;
    size_t a = t->t1 <= t0 ? t->t1 : t1, e = t->t1 <= t0 ? t0 : t->t0;
    for (size_t i = a; i < e; i++)
        if (text[i] != ' ')
            return CIV_SP_NEXT_NONE; /* `Rice, Zorblax`: a list, not a phrase */
    size_t n = t->t1 - t->t0;
    char low[64];
    if (n >= sizeof low || !civ_spelling_known(st, text + t->t0, n))
        return CIV_SP_NEXT_NONE;
    memcpy(low, text + t->t0, n);
    low[0] = (char)(low[0] - 'A' + 'a');
    return civ_spelling_known(st, low, n) ? CIV_SP_NEXT_COMMON : CIV_SP_NEXT_PROPER;
}

/* The word w[0..n) is a whole segment of url's path or its fragment,
 * letter for letter (`[vcr](https://example.org/docs/vcr)`,
 * `[vcr](…/page#vcr)`): the linked thing's own identifier or anchor, in
 * the case its owner writes it. */
static bool url_segment(const char *url, const char *w, size_t n)
{
    const char *path = strstr(url, "://");
    path = path ? strchr(path + 3, '/') : url;
    for (const char *p = path ? strstr(path, w) : NULL; p; p = strstr(p + 1, w)) {
        char after = p[n];
        if (p > url && (p[-1] == '/' || p[-1] == '#') && (after == '\0' || after == '/' || after == '?' || after == '#'))
            return true;
    }
    return false;
}

/* The hyphenated identifier around text[t0..t1) (`zorb-tidy-lite`), in
 * *h0..*h1; false when no hyphen joins the word to another. */
static bool ident_char(char c)
{
    return c == '-' || isalnum((unsigned char)c);
}

static bool hyphenated(const char *text, size_t len, size_t t0, size_t t1, size_t *h0, size_t *h1)
{
    size_t a = t0, e = t1;
    while (a > 0 && ident_char(text[a - 1]))
        a--;
    while (e < len && ident_char(text[e]))
        e++;
    *h0 = a;
    *h1 = e;
    return memchr(text + a, '-', e - a) != NULL;
}

/* The next word st->right, after spaces only from t1, is a Capitalised
 * word the dictionaries do not know (`Petar Zorbnik`: a surname). */
static bool before_unknown_capital(sp_state *st, const char *text, size_t t1)
{
    const civ_word *t = st->right;
    if (!t || t->kind != CIV_WORD_PROSE || t->t0 <= t1 || t->t1 - t->t0 < 2 || text[t->t0] < 'A' ||
        text[t->t0] > 'Z' || text[t->t0 + 1] < 'a' || text[t->t0 + 1] > 'z')
        return false;
    for (size_t i = t1; i < t->t0; i++)
        if (text[i] != ' ')
            return false;
    return !civ_spelling_known(st, text + t->t0, t->t1 - t->t0);
}

/* Records one occurrence of the unknown word text[t0..t1). */
static void collect(sp_state *st, const where *w, const char *text, size_t t0, size_t t1)
{
    size_t s0, s1;
    map_span(w, t0, t1, &s0, &s1);
    if (s1 <= s0)
        return; /* text the model could not align to the source */
    char buf[256];
    size_t n = t1 - t0;
    if (n >= sizeof buf)
        return; /* no word is that long */
    /* st->byline is SIZE_MAX when the post has none: test that first, as
     * blocks + SIZE_MAX is pointer overflow (found by the fuzzer) */
    bool byline = w->b && st->byline != SIZE_MAX && w->b == &st->doc->blocks[st->byline];
    if (byline && t0 < st->byline_end)
        return; /* the author's name in the byline */
    size_t k = civ_word_normalize(text + t0, n, buf);
    uintptr_t idx = (uintptr_t)civ_strmap_get(&st->index, buf, k);
    if (!idx) {
        sp_word *nw = CIV_PUSH(st->words, st->nwords, st->wcap);
        memset(nw, 0, sizeof *nw);
        nw->key = xstrndup(buf, k);
        nw->klen = k;
        idx = st->nwords;
        civ_strmap_put(&st->index, buf, k, (void *)idx);
    }
    sp_word *wd = &st->words[idx - 1];
    sp_occ *o = CIV_PUSH(wd->occ, wd->nocc, wd->cap);
    o->s0 = s0;
    o->s1 = s1;
    o->curly = has_curly(text + t0, n);
    /* the capital is the sentence's in running text after a full stop
     * and in a Title Case heading or title, where a common word has one
     * too; a paragraph's start is a sentence's unless it is a list item,
     * quotation or table cell, which often start with a name */
    /* the byline's role (`Name – Author of the Blog`) starts like a
     * label: its capital is the convention's */
    at_kind at = byline && role_start(text, st->byline_end, t0) ? AT_LABEL : at_start(text, t0);
    bool heading = !w->b || w->b->kind == CIV_BLOCK_HEADING;
    bool loose = w->b && (w->b->flags & (CIV_IN_LIST | CIV_IN_QUOTE | CIV_IN_TABLE));
    if (heading && st->title_case) {
        o->initial = o->sentence = true;
    } else {
        o->initial = at != AT_MID;
        o->sentence = at == AT_SENTENCE || (at == AT_BLOCK && !heading && !loose);
    }
    int l = title_word(st, text, st->left, t0, t1), r = title_word(st, text, st->right, t0, t1);
    o->title_ctx = (unsigned char)(l > r ? l : r);
    o->before_name = before_unknown_capital(st, text, t1);
    o->in_url = o->url_segment = o->link_name = false;
    if (w->b) {
        const civ_inline *in = civ_block_inline_at(w->b, t0);
        if (in && in->kind == CIV_INL_LINK && in->url) {
            o->in_url = strcasestr(in->url, buf) != NULL;
            /* or the hyphenated name it is part of (`[zorb-tidy](…/zorb-tidy)`) */
            size_t h0, h1;
            char hy[256];
            o->url_segment = url_segment(in->url, buf, k);
            if (!o->url_segment && hyphenated(text, strlen(text), t0, t1, &h0, &h1) && h1 - h0 < sizeof hy) {
                memcpy(hy, text + h0, h1 - h0);
                hy[h1 - h0] = '\0';
                o->url_segment = url_segment(in->url, hy, h1 - h0);
            }
            o->link_name = in->t0 == t0 && in->t1 == t1;
        }
    }
    for (size_t i = 0; i < k; i++)
        if (buf[i] >= 'A' && buf[i] <= 'Z')
            buf[i] = (char)(buf[i] - 'A' + 'a');
    uintptr_t f = (uintptr_t)civ_strmap_get(&st->family, buf, k);
    civ_strmap_put(&st->family, buf, k, (void *)(f + 1));
}

/* text[t0..t1) is inside the label of a reference link, `[text][label]`:
 * markup a reader never sees. The parser resolves such links, but not
 * when their definition did not parse (an address with a site
 * generator's template, `[x]: {{ site.url }}/x`), and then the brackets
 * and the definitions after it stay in the text. */
static bool in_ref_label(const char *text, size_t t0, size_t t1)
{
    size_t a = t0, e = t1;
    while (a > 0 && (ident_char(text[a - 1]) || text[a - 1] == ' '))
        a--;
    if (a < 1 || text[a - 1] != '[')
        return false;
    while (ident_char(text[e]) || text[e] == ' ')
        e++;
    if (text[e] != ']')
        return false;
    /* `][label]`, or the definition `[label]: address` opening a line
     * (the model's text has a space for the line break before it) */
    return (a >= 2 && text[a - 2] == ']') ||
           ((a == 1 || text[a - 2] == '\n' || text[a - 2] == ' ') && text[e + 1] == ':' && text[e + 2] == ' ');
}

static void check_word(sp_state *st, const where *w, const char *text, sp_tok *t)
{
    const civ_word *wd = &t->w;
    const char *raw = text + wd->t0;
    size_t n = wd->t1 - wd->t0;
    size_t max = st->ctx->acronym_max;
    size_t stem = civ_word_possessive(raw, n);
    size_t core = stem ? stem : n;
    if (is_acronym(raw, core, max))
        return;
    if (w->b && civ_spelling_in_other_lang(st, wd->t0))
        return; /* <a lang='es'>...</a>: another language's words */
    if (civ_spelling_tok_known(st, t, raw, n) || (stem && civ_spelling_known(st, raw, stem)) ||
        in_ref_label(text, wd->t0, wd->t1))
        return;
    if (!(wd->flags & CIV_WORD_HYPHEN)) {
        collect(st, w, text, wd->t0, wd->t0 + core);
        return;
    }
    size_t pos = 0, p0, p1;
    while (civ_word_part(raw, core, &pos, &p0, &p1)) {
        if (p1 > p0 && !is_acronym(raw + p0, p1 - p0, max) && !civ_spelling_known(st, raw + p0, p1 - p0))
            collect(st, w, text, wd->t0 + p0, wd->t0 + p1);
    }
}

/* True when text offset t (increasing from call to call within a block)
 * is inside an autolink. A cursor instead of civ_block_inline_at keeps a
 * paragraph of many links linear: inlines are in source order, autolinks
 * never nest, and an inline that ends before t is never needed again. */
static bool in_autolink(sp_state *st, const civ_block *b, size_t t)
{
    while (st->autolink < b->ninl &&
           (b->inl[st->autolink].kind != CIV_INL_AUTOLINK || b->inl[st->autolink].t1 <= t))
        st->autolink++;
    return st->autolink < b->ninl && b->inl[st->autolink].t0 <= t;
}

/* True when text[a..e) is not empty and holds only invisible characters
 * that join what is around them: zero width space, non-joiner and joiner,
 * word joiner, soft hyphen, zero width no-break space. */
static bool only_invisible(const char *text, size_t a, size_t e)
{
    if (a >= e)
        return false;
    while (a < e) {
        uint32_t cp;
        size_t l = civ_utf8_decode((const unsigned char *)text + a, e - a, &cp);
        if (!l || !(cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0x00AD ||
                    cp == 0xFEFF))
            return false;
        a += l;
    }
    return true;
}

/* Words glued together by an invisible character ("Tbi<U+200B>lisi") are
 * not spell-checked: the halves are not words, and `invisible-character`
 * already reports the character with a fix-it that removes it, after which
 * the joined word is checked. So each word waits for the next one to know
 * whether it is glued. */
static void check_text(sp_state *st, const where *w, const char *text)
{
    civ_word wd, before;
    sp_tok *prev = NULL;
    bool have_prev = false, prev_glued = false, have_before = false;
    size_t last_end = SIZE_MAX; /* the end of the previous token, checked or not */
    st->autolink = 0;
    for (size_t i = 0; i < st->ntoks; i++) { /* the words read_words read */
        wd = st->toks[i].w;
        bool glued = last_end != SIZE_MAX && only_invisible(text, last_end, wd.t0);
        last_end = wd.t1;
        if (have_prev && !glued && !prev_glued) {
            st->left = have_before ? &before : NULL;
            st->right = &wd;
            check_word(st, w, text, prev);
        }
        if (have_prev) {
            before = prev->w;
            have_before = true;
        }
        have_prev = false;
        prev_glued = glued;
        if (wd.kind != CIV_WORD_PROSE || (wd.flags & CIV_WORD_NONLATIN) || wd.nletters < 2)
            continue;
        if (w->b && in_autolink(st, w->b, wd.t0))
            continue;
        st->ntokens++;
        prev = &st->toks[i];
        have_prev = true;
    }
    if (have_prev && !prev_glued) {
        st->left = have_before ? &before : NULL;
        st->right = NULL;
        check_word(st, w, text, prev);
    }
}

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* The author's name is never a spelling finding: the words of the front
 * matter's author or authors count as the post's own words. */
static void collect_authors(sp_state *st)
{
    const civ_frontmatter *fm = st->doc->fm;
    for (size_t i = 0; fm && i < fm->nauthors; i++) {
        const char *a = fm->authors[i];
        civ_words it;
        civ_word wd;
        civ_words_init(&it, a, strlen(a));
        while (civ_words_next(&it, &wd))
            civ_wordlist_add(&st->inline_words, a + wd.t0, wd.t1 - wd.t0);
    }
}

/* Where the name ends in the byline "Name – Role, Organisation": at the
 * separator (a spaced dash, or a comma when there is none). */
static size_t byline_name_end(const civ_block *b, const civ_byline *bl)
{
    if (bl->status == CIV_BYLINE_MALFORMED)
        return bl->sep_t0;
    static const char *const seps[] = {" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", ","};
    for (size_t i = 0; i < sizeof seps / sizeof *seps; i++) {
        const char *p = memmem(b->text, b->text_len, seps[i], strlen(seps[i]));
        if (p)
            return (size_t)(p - b->text);
    }
    return 0;
}

static void put_key(const char *key, void *value, void *ud)
{
    (void)value;
    civ_strmap_put(ud, key, strlen(key), (void *)1);
}

static void free_word(sp_word *w)
{
    free(w->form);
    free(w->key);
    free(w->occ);
}

/* Reads the post into st (the caller inits and releases it). */
static void read_post(sp_state *st)
{
    const civ_doc *doc = st->doc;
    civ_strmap_init(&st->inline_words);
    civ_strmap_init(&st->index);
    civ_strmap_init(&st->family);
    civ_strmap_init(&st->elsewhere);
    st->byline = SIZE_MAX;
    collect_inline_words(st);
    collect_authors(st);
    civ_byline bl;
    civ_byline_find(doc, st->ctx->rules, &bl);
    if (bl.status != CIV_BYLINE_NONE) {
        st->byline = bl.block;
        st->byline_end = byline_name_end(&doc->blocks[bl.block], &bl);
    }
    const civ_frontmatter *fm = doc->fm;
    if (fm && fm->title && fm->title_off != SIZE_MAX) {
        where w = {NULL, fm->title_off};
        st->title_case = title_case(st, fm->title, strlen(fm->title));
        read_words(st, NULL, fm->title, strlen(fm->title));
        check_text(st, &w, fm->title);
    }
    for (size_t i = 0; i < doc->nblocks; i++) {
        const civ_block *b = &doc->blocks[i];
        if (!civ_block_is_prose(b))
            continue;
        civ_spelling_lang_spans(st, b);
        read_words(st, b, b->text, b->text_len);
        if (st->ctx->foreign != CIV_FOREIGN_CHECK && civ_spelling_foreign(st, b)) {
            if (st->nforeign++ == 0)
                st->foreign_block = i;
            continue;
        }
        where w = {b, 0};
        st->title_case = b->kind == CIV_BLOCK_HEADING && title_case(st, b->text, b->text_len);
        check_text(st, &w, b->text);
    }
    st->nother = 0;
}

static void release_post(sp_state *st)
{
    for (size_t i = 0; i < st->nwords; i++)
        free_word(&st->words[i]);
    free(st->words);
    civ_strmap_release(&st->inline_words);
    civ_strmap_release(&st->index);
    civ_strmap_release(&st->family);
    civ_strmap_release(&st->elsewhere);
    free(st->other_lang);
    free(st->toks);
}

/* One note per post for its foreign paragraphs, on the first of them: its
 * first line (a span that quotes nothing, so the message quotes nothing). */
static void note_foreign(sp_state *st)
{
    const civ_block *b = &st->doc->blocks[st->foreign_block];
    size_t e = 0;
    while (e < b->text_len && b->text[e] != '\n')
        e++;
    size_t s0, s1;
    civ_block_span(b, 0, e, &s0, &s1);
    if (s1 <= s0)
        return;
    civ_report_rule(st->sink, st->sink->rule, CIV_SEV_NOTE, s0, s1,
                    "%zu paragraph%s in a language other than %s: not spell-checked", st->nforeign,
                    st->nforeign == 1 ? "" : "s", civ_speller_lang(st->ctx->speller));
}

void civ_check_spelling(const civ_doc *doc, const civ_ctx *ctx, civ_sink *sink)
{
    if (!ctx->speller)
        return;
    uint64_t t0 = now_ns();
    sp_state st = {.doc = doc, .ctx = ctx, .sink = sink};
    read_post(&st);
    civ_spelling_variants(&st);
    if (st.nwords)
        civ_spelling_elsewhere(&st);
    civ_spelling_judge(&st);
    if (st.nforeign && ctx->foreign == CIV_FOREIGN_NOTE)
        note_foreign(&st);
    release_post(&st);
    civ_speller_account(ctx->speller, st.ntokens, now_ns() - t0);
}

void civ_spelling_unknown(const civ_doc *doc, const civ_ctx *ctx, civ_strmap *out)
{
    if (!ctx->speller)
        return;
    sp_state st = {.doc = doc, .ctx = ctx};
    read_post(&st);
    for (size_t i = 0; i < st.nwords; i++) {
        const sp_word *w = &st.words[i];
        uintptr_t n = (uintptr_t)civ_strmap_get(out, w->key, w->klen);
        civ_strmap_put(out, w->key, w->klen, (void *)(n + w->nocc));
    }
    release_post(&st);
}

void civ_spelling_vocabulary(const civ_doc *doc, const civ_ctx *ctx, civ_strmap *out)
{
    if (!ctx->speller)
        return;
    sp_state st = {.doc = doc, .ctx = ctx};
    read_post(&st);
    /* the family map holds each unknown word once, lower-cased */
    civ_strmap_each(&st.family, put_key, out);
    release_post(&st);
}
