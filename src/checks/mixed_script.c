/* mixed_script.c - `mixed-script`: a word mixing Latin letters with
 * Cyrillic or Greek ones.
 *
 * Editorial rule: a word is written in one script. A Cyrillic 'а' inside
 * "Kаzakhstan", or a Latin 'B' between a Cyrillic 'Т' and 'Е', looks right
 * and is an invisible typo: search, copy-paste, sorting and the spelling
 * check all fail on it. It comes from switching keyboard layouts mid-word
 * and from pasting names out of Russian sources.
 *
 * A finding: a word (words.h; digits allowed, so "COVІD-19" counts) with
 * at least one Latin and at least one Cyrillic or Greek letter. The span
 * is the whole word; notes name each offending character ("'Т' is U+0422
 * CYRILLIC CAPITAL LETTER TE"). The offending letters are the non-Latin
 * ones when every one of them has a Latin look-alike (the fix-it is then
 * the all-Latin spelling); otherwise the Latin ones when every one of them
 * has a look-alike in the word's other script (the fix-it is the all-
 * Cyrillic or all-Greek spelling, for a Russian name typed with one Latin
 * 'c'); otherwise the letters of the word's minority script, with no
 * fix-it.
 *
 * False-positive trade-offs: URLs, addresses and paths are not checked
 * (they are one token in words.h); real mixed-script terms are rare in
 * English prose, and a post can disable the rule where one is meant. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "checks/check.h"
#include "text/unicode.h"
#include "base/utf8.h"
#include "text/words.h"

/* Cyrillic and Greek letters that look like a Latin letter, with their
 * Unicode names (the names of other letters are printed as U+XXXX). */
typedef struct {
    uint32_t cp;
    char latin;
    const char *name;
} lookalike;

static const lookalike table[] = {
    {0x0391, 'A', "GREEK CAPITAL LETTER ALPHA"},
    {0x0392, 'B', "GREEK CAPITAL LETTER BETA"},
    {0x0395, 'E', "GREEK CAPITAL LETTER EPSILON"},
    {0x0396, 'Z', "GREEK CAPITAL LETTER ZETA"},
    {0x0397, 'H', "GREEK CAPITAL LETTER ETA"},
    {0x0399, 'I', "GREEK CAPITAL LETTER IOTA"},
    {0x039A, 'K', "GREEK CAPITAL LETTER KAPPA"},
    {0x039C, 'M', "GREEK CAPITAL LETTER MU"},
    {0x039D, 'N', "GREEK CAPITAL LETTER NU"},
    {0x039F, 'O', "GREEK CAPITAL LETTER OMICRON"},
    {0x03A1, 'P', "GREEK CAPITAL LETTER RHO"},
    {0x03A4, 'T', "GREEK CAPITAL LETTER TAU"},
    {0x03A5, 'Y', "GREEK CAPITAL LETTER UPSILON"},
    {0x03A7, 'X', "GREEK CAPITAL LETTER CHI"},
    {0x03BD, 'v', "GREEK SMALL LETTER NU"},
    {0x03BF, 'o', "GREEK SMALL LETTER OMICRON"},
    {0x0405, 'S', "CYRILLIC CAPITAL LETTER DZE"},
    {0x0406, 'I', "CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I"},
    {0x0408, 'J', "CYRILLIC CAPITAL LETTER JE"},
    {0x0410, 'A', "CYRILLIC CAPITAL LETTER A"},
    {0x0412, 'B', "CYRILLIC CAPITAL LETTER VE"},
    {0x0415, 'E', "CYRILLIC CAPITAL LETTER IE"},
    {0x041A, 'K', "CYRILLIC CAPITAL LETTER KA"},
    {0x041C, 'M', "CYRILLIC CAPITAL LETTER EM"},
    {0x041D, 'H', "CYRILLIC CAPITAL LETTER EN"},
    {0x041E, 'O', "CYRILLIC CAPITAL LETTER O"},
    {0x0420, 'P', "CYRILLIC CAPITAL LETTER ER"},
    {0x0421, 'C', "CYRILLIC CAPITAL LETTER ES"},
    {0x0422, 'T', "CYRILLIC CAPITAL LETTER TE"},
    {0x0425, 'X', "CYRILLIC CAPITAL LETTER HA"},
    {0x0430, 'a', "CYRILLIC SMALL LETTER A"},
    {0x0435, 'e', "CYRILLIC SMALL LETTER IE"},
    {0x043E, 'o', "CYRILLIC SMALL LETTER O"},
    {0x0440, 'p', "CYRILLIC SMALL LETTER ER"},
    {0x0441, 'c', "CYRILLIC SMALL LETTER ES"},
    {0x0443, 'y', "CYRILLIC SMALL LETTER U"},
    {0x0445, 'x', "CYRILLIC SMALL LETTER HA"},
    {0x0455, 's', "CYRILLIC SMALL LETTER DZE"},
    {0x0456, 'i', "CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I"},
    {0x0458, 'j', "CYRILLIC SMALL LETTER JE"},
    {0x04AE, 'Y', "CYRILLIC CAPITAL LETTER STRAIGHT U"},
    {0x04BB, 'h', "CYRILLIC SMALL LETTER SHHA"},
    {0x04C0, 'I', "CYRILLIC LETTER PALOCHKA"},
    {0x051B, 'q', "CYRILLIC SMALL LETTER QA"},
    {0x051C, 'W', "CYRILLIC CAPITAL LETTER WE"},
    {0x051D, 'w', "CYRILLIC SMALL LETTER WE"},
};

static const lookalike *find_foreign(uint32_t cp)
{
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (table[i].cp == cp)
            return &table[i];
    return NULL;
}

/* The look-alike of Latin letter c in script s, or 0. */
static uint32_t to_script(uint32_t c, civ_script s)
{
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if ((uint32_t)table[i].latin == c && civ_uni_script(table[i].cp) == s)
            return table[i].cp;
    return 0;
}

/* "U+0422 CYRILLIC CAPITAL LETTER TE", or the code point alone. */
static void describe(uint32_t cp, char *buf, size_t n)
{
    const lookalike *l = find_foreign(cp);
    if (l)
        snprintf(buf, n, "U+%04X %s", (unsigned)cp, l->name);
    else if (cp >= 'A' && cp <= 'Z')
        snprintf(buf, n, "U+%04X LATIN CAPITAL LETTER %c", (unsigned)cp, (char)cp);
    else if (cp >= 'a' && cp <= 'z')
        snprintf(buf, n, "U+%04X LATIN SMALL LETTER %c", (unsigned)cp, (char)(cp - 'a' + 'A'));
    else
        snprintf(buf, n, "U+%04X", (unsigned)cp);
}

#define MAX_CPS 256

typedef struct {
    uint32_t cp[MAX_CPS];
    civ_script sc[MAX_CPS];
    size_t n;
    size_t count[4]; /* letters per civ_script */
} word_info;

static bool decode_word(const char *s, size_t len, word_info *wi)
{
    memset(wi->count, 0, sizeof wi->count);
    wi->n = 0;
    for (size_t i = 0; i < len;) {
        if (wi->n == MAX_CPS)
            return false;
        uint32_t cp;
        size_t k = civ_utf8_decode((const unsigned char *)s + i, len - i, &cp);
        if (k == 0)
            return false;
        wi->cp[wi->n] = cp;
        wi->sc[wi->n] = civ_uni_script(cp);
        wi->count[wi->sc[wi->n]]++;
        wi->n++;
        i += k;
    }
    return true;
}

static void check_word(const civ_doc *doc, civ_sink *sink, const civ_block *b, size_t base,
                       const char *text, size_t t0, size_t t1)
{
    word_info wi;
    if (!decode_word(text + t0, t1 - t0, &wi))
        return;
    size_t latin = wi.count[CIV_SCRIPT_LATIN];
    size_t cyr = wi.count[CIV_SCRIPT_CYRILLIC], greek = wi.count[CIV_SCRIPT_GREEK];
    if (latin == 0 || cyr + greek == 0)
        return;
    civ_script foreign = cyr >= greek ? CIV_SCRIPT_CYRILLIC : CIV_SCRIPT_GREEK;

    /* Which letters offend, and the spelling in one script when possible. */
    bool to_latin = true, to_foreign = cyr == 0 || greek == 0;
    for (size_t i = 0; i < wi.n; i++) {
        if ((wi.sc[i] == CIV_SCRIPT_CYRILLIC || wi.sc[i] == CIV_SCRIPT_GREEK) && !find_foreign(wi.cp[i]))
            to_latin = false;
        if (wi.sc[i] == CIV_SCRIPT_LATIN && !to_script(wi.cp[i], foreign))
            to_foreign = false;
    }
    bool latin_offends = !to_latin && (to_foreign || latin < cyr + greek);
    bool fixable = to_latin || to_foreign;

    size_t s0, s1;
    if (b)
        civ_block_span(b, t0, t1, &s0, &s1);
    else {
        s0 = base + t0;
        s1 = base + t1;
    }
    if (s1 <= s0)
        return; /* text the model could not align to the source */
    const char *src = doc->src->data;
    civ_diag *d = civ_report(sink, s0, s1, "word '%.*s' mixes Latin and %s letters", (int)(s1 - s0),
                             src + s0, civ_script_name(foreign));
    civ_buf fixed;
    civ_buf_init(&fixed);
    for (size_t i = 0; i < wi.n; i++) {
        uint32_t cp = wi.cp[i];
        bool offends = latin_offends ? wi.sc[i] == CIV_SCRIPT_LATIN
                                     : wi.sc[i] == CIV_SCRIPT_CYRILLIC || wi.sc[i] == CIV_SCRIPT_GREEK;
        if (offends) {
            bool seen = false;
            for (size_t j = 0; j < i; j++)
                seen |= wi.cp[j] == cp;
            if (!seen) {
                char name[96], ch[5];
                describe(cp, name, sizeof name);
                ch[civ_utf8_encode(cp, ch)] = '\0';
                civ_diag_note(d, "'%s' is %s", ch, name);
            }
            if (fixable)
                cp = latin_offends ? to_script(cp, foreign) : (uint32_t)find_foreign(cp)->latin;
        }
        char enc[4];
        civ_buf_add(&fixed, enc, civ_utf8_encode(cp, enc));
    }
    if (fixable) {
        civ_diag_suggest(d, fixed.data);
        civ_diag_fix(d, s0, s1, fixed.data);
    }
    civ_buf_release(&fixed);
}

static void check_text(const civ_doc *doc, civ_sink *sink, const civ_block *b, size_t base,
                       const char *text, size_t len)
{
    if (!civ_uni_may_hold_nonlatin(text, len))
        return;
    civ_words it;
    civ_word w;
    civ_words_init(&it, text, len);
    while (civ_words_next(&it, &w)) {
        if (w.kind == CIV_WORD_URL || !(w.flags & CIV_WORD_LATIN) || !(w.flags & CIV_WORD_NONLATIN))
            continue;
        check_word(doc, sink, b, base, text, w.t0, w.t1);
    }
}

void civ_check_mixed_script(const civ_doc *doc, const civ_ctx *ctx, civ_sink *sink)
{
    (void)ctx;
    const civ_frontmatter *fm = doc->fm;
    if (fm && fm->title && fm->title_off != SIZE_MAX)
        check_text(doc, sink, NULL, fm->title_off, fm->title, strlen(fm->title));
    for (size_t i = 0; i < doc->nblocks; i++) {
        const civ_block *b = &doc->blocks[i];
        if (civ_block_is_prose(b))
            check_text(doc, sink, b, 0, b->text, b->text_len);
    }
}
