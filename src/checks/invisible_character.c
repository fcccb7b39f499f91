/* invisible_character.c - `invisible-character`: characters a reader cannot
 * see in the prose of a post.
 *
 * Editorial rule: text pasted from word processors, PDFs, CMSs and chat
 * apps brings characters that render as nothing (or as an ordinary space)
 * but break search ("Tbilisi" with a zero width space inside is not found),
 * copy-paste, spell checking, hyphenation, and with bidirectional controls
 * the visible order of the text itself. Prose (paragraphs, headings, table
 * cells) must not carry them.
 *
 * Findings, each naming the character ("U+200B ZERO WIDTH SPACE"):
 *   - zero width characters: U+200B, U+200C, U+200D, U+2060, U+FEFF (the
 *     byte order mark is already stripped at the start of the file, so any
 *     U+FEFF left is inside the text);
 *   - U+00AD SOFT HYPHEN;
 *   - bidirectional controls U+202A-U+202E, U+2066-U+2069, U+200E, U+200F,
 *     U+061C;
 *   - U+00A0 NO-BREAK SPACE, U+202F NARROW NO-BREAK SPACE and U+2007 FIGURE
 *     SPACE between two letters (a word space that came from a pasted
 *     document);
 *   - every other format character (Unicode general category Cf).
 * A run of the same character is one finding.
 *
 * Fix-its: every zero width, soft hyphen, bidirectional and other format
 * character is REMOVED - it has no glyph, so removing it never changes the
 * visible text (at most where a line may wrap). A no-break space between
 * letters is REPLACED by a plain space: the writer saw a space there.
 *
 * Not reported (false-positive trade-offs):
 *   - characters written as entities (&nbsp;, &shy;, &#8203;): an entity is
 *     visible in the source, so it was put there on purpose;
 *   - U+200D ZERO WIDTH JOINER between emoji (family, profession and flag
 *     sequences) and U+200C/U+200D next to a letter of a script that needs
 *     them (Persian, Arabic, Indic, Sinhala, Thai, Myanmar, Khmer,
 *     Mongolian...);
 *   - U+200E/U+200F/U+061C and the embeddings and isolates (U+202A-U+202C,
 *     U+2066-U+2069) in a block that holds right-to-left letters, where they
 *     are how bidirectional text is written; the overrides U+202D/U+202E
 *     reorder characters ("Trojan Source") and are always reported;
 *   - no-break spaces next to digits or punctuation ("10 km", "Mr. Smith",
 *     French spacing before ';'), where they are good typography;
 *   - tag characters (U+E0020-U+E007F) after U+1F3F4 WAVING BLACK FLAG
 *     (subdivision flags) and the Arabic number signs U+0600-U+0605, U+06DD,
 *     U+08E2, which are visible;
 *   - code blocks, code spans, HTML and URLs: not prose (a zero width space
 *     in code deserves a code linter).
 * The cost: an invisible character that is legitimate elsewhere (a ZWNJ
 * meant for German ligature control) is reported; that is rare in posts. */
#include <stdint.h>
#include <string.h>

#include "checks/check.h"
#include "base/utf8.h"

typedef enum {
    K_ZERO_WIDTH, /* remove */
    K_BIDI,       /* remove; legitimate in right-to-left text */
    K_OVERRIDE,   /* remove; always reported */
    K_SPACE,      /* replace by ' ' when between letters */
    K_FORMAT,     /* other Cf: remove */
} kind;

typedef struct {
    uint32_t cp;
    kind k;
    const char *name;
} charinfo;

static const charinfo names[] = {
    {0x00A0, K_SPACE, "NO-BREAK SPACE"},
    {0x00AD, K_ZERO_WIDTH, "SOFT HYPHEN"},
    {0x061C, K_BIDI, "ARABIC LETTER MARK"},
    {0x180E, K_FORMAT, "MONGOLIAN VOWEL SEPARATOR"},
    {0x2007, K_SPACE, "FIGURE SPACE"},
    {0x200B, K_ZERO_WIDTH, "ZERO WIDTH SPACE"},
    {0x200C, K_ZERO_WIDTH, "ZERO WIDTH NON-JOINER"},
    {0x200D, K_ZERO_WIDTH, "ZERO WIDTH JOINER"},
    {0x200E, K_BIDI, "LEFT-TO-RIGHT MARK"},
    {0x200F, K_BIDI, "RIGHT-TO-LEFT MARK"},
    {0x202A, K_BIDI, "LEFT-TO-RIGHT EMBEDDING"},
    {0x202B, K_BIDI, "RIGHT-TO-LEFT EMBEDDING"},
    {0x202C, K_BIDI, "POP DIRECTIONAL FORMATTING"},
    {0x202D, K_OVERRIDE, "LEFT-TO-RIGHT OVERRIDE"},
    {0x202E, K_OVERRIDE, "RIGHT-TO-LEFT OVERRIDE"},
    {0x202F, K_SPACE, "NARROW NO-BREAK SPACE"},
    {0x2060, K_ZERO_WIDTH, "WORD JOINER"},
    {0x2061, K_FORMAT, "FUNCTION APPLICATION"},
    {0x2062, K_FORMAT, "INVISIBLE TIMES"},
    {0x2063, K_FORMAT, "INVISIBLE SEPARATOR"},
    {0x2064, K_FORMAT, "INVISIBLE PLUS"},
    {0x2066, K_BIDI, "LEFT-TO-RIGHT ISOLATE"},
    {0x2067, K_BIDI, "RIGHT-TO-LEFT ISOLATE"},
    {0x2068, K_BIDI, "FIRST STRONG ISOLATE"},
    {0x2069, K_BIDI, "POP DIRECTIONAL ISOLATE"},
    {0x206A, K_FORMAT, "INHIBIT SYMMETRIC SWAPPING"},
    {0x206B, K_FORMAT, "ACTIVATE SYMMETRIC SWAPPING"},
    {0x206C, K_FORMAT, "INHIBIT ARABIC FORM SHAPING"},
    {0x206D, K_FORMAT, "ACTIVATE ARABIC FORM SHAPING"},
    {0x206E, K_FORMAT, "NATIONAL DIGIT SHAPES"},
    {0x206F, K_FORMAT, "NOMINAL DIGIT SHAPES"},
    {0xFEFF, K_ZERO_WIDTH, "ZERO WIDTH NO-BREAK SPACE"},
    {0xFFF9, K_FORMAT, "INTERLINEAR ANNOTATION ANCHOR"},
    {0xFFFA, K_FORMAT, "INTERLINEAR ANNOTATION SEPARATOR"},
    {0xFFFB, K_FORMAT, "INTERLINEAR ANNOTATION TERMINATOR"},
    {0xE0001, K_FORMAT, "LANGUAGE TAG"},
};

/* The remaining format characters (category Cf, Unicode 15) that have no
 * entry above. The visible prepended concatenation marks (U+0600-U+0605,
 * U+06DD, U+070F, U+0890-U+0891, U+08E2, U+110BD, U+110CD) are left out. */
static bool other_format(uint32_t cp)
{
    return (cp >= 0x13430 && cp <= 0x1343F) || (cp >= 0x1BCA0 && cp <= 0x1BCA3) ||
           (cp >= 0x1D173 && cp <= 0x1D17A) || (cp >= 0xE0020 && cp <= 0xE007F);
}

static const charinfo *lookup(uint32_t cp)
{
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (names[i].cp == cp)
            return &names[i];
    if (other_format(cp)) {
        static const charinfo tag = {0, K_FORMAT, "TAG CHARACTER"};
        static const charinfo fmt = {0, K_FORMAT, "FORMAT CHARACTER"};
        return cp >= 0xE0020 ? &tag : &fmt;
    }
    return NULL;
}

static bool is_rtl(uint32_t cp)
{
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFE) || (cp >= 0x10800 && cp <= 0x10FFF) ||
           (cp >= 0x1E800 && cp <= 0x1EFFF);
}

/* Scripts in which ZWNJ and ZWJ select letter forms: right-to-left
 * scripts, Indic, Sinhala, Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian. */
static bool joining_script(uint32_t cp)
{
    return is_rtl(cp) || (cp >= 0x0900 && cp <= 0x0FFF) || (cp >= 0x1000 && cp <= 0x109F) ||
           (cp >= 0x1780 && cp <= 0x18AF) || (cp >= 0xA8E0 && cp <= 0xA8FF) ||
           (cp >= 0xA980 && cp <= 0xA9DF) || (cp >= 0x11000 && cp <= 0x111FF);
}

static bool is_emoji(uint32_t cp)
{
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2300 && cp <= 0x23FF) ||
           (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF) || cp == 0xFE0F ||
           cp == 0x20E3 || cp == 0x00A9 || cp == 0x00AE || cp == 0x2122;
}

/* Letters for the no-break space rule: ASCII letters, and any code point
 * from U+00C0 up that is not punctuation, a symbol or a space (the general
 * punctuation, currency, arrows ... blocks U+2000-U+2BFF, the CJK
 * punctuation block and the placeholder). Digits are not letters. */
static bool is_letter(uint32_t cp)
{
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
        return false;
    if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) || cp >= 0xFE00)
        return false;
    return lookup(cp) == NULL;
}

typedef struct {
    const char *text;
    size_t len;
} span_text;

/* The code point before text offset i (0 at the start). */
static uint32_t cp_before(span_text t, size_t i)
{
    if (i == 0)
        return 0;
    size_t j = i - 1;
    while (j > 0 && civ_utf8_is_cont((unsigned char)t.text[j]))
        j--;
    uint32_t cp;
    return civ_utf8_decode((const unsigned char *)t.text + j, i - j, &cp) ? cp : 0;
}

static uint32_t cp_at(span_text t, size_t i)
{
    if (i >= t.len)
        return 0;
    uint32_t cp;
    return civ_utf8_decode((const unsigned char *)t.text + i, t.len - i, &cp) ? cp : 0;
}

static bool block_has_rtl(const civ_block *b)
{
    for (size_t i = 0; i < b->text_len;) {
        uint32_t cp;
        size_t n = civ_utf8_decode((const unsigned char *)b->text + i, b->text_len - i, &cp);
        if (n == 0)
            n = 1;
        else if (is_rtl(cp) && !lookup(cp))
            return true;
        i += n;
    }
    return false;
}

/* Skips the rest of a tag sequence after U+1F3F4 (subdivision flags). */
static size_t skip_flag_tags(span_text t, size_t i)
{
    uint32_t cp;
    while (i < t.len && (cp = cp_at(t, i)) >= 0xE0020 && cp <= 0xE007F)
        i += 4;
    return i;
}

/* The length in bytes of the word (letters only) that ends at text offset
 * i, and its start in *w0. */
static size_t word_before(span_text t, size_t i, size_t *w0)
{
    size_t j = i;
    while (j > 0) {
        size_t k = j - 1;
        while (k > 0 && civ_utf8_is_cont((unsigned char)t.text[k]))
            k--;
        if (!is_letter(cp_at(t, k)))
            break;
        j = k;
    }
    *w0 = j;
    return i - j;
}

/* Words a typesetter binds to the next one with a no-break space: titles
 * written without a full stop (British style: "Mr Smith", "Dr Jones"). */
static bool title_word(const char *w, size_t n)
{
    static const char *const titles[] = {"Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "St", "Sr", "Jr", "Fr", "Sir", "Dame", "Lord", "Lady"};
    for (size_t i = 0; i < sizeof titles / sizeof *titles; i++)
        if (strlen(titles[i]) == n && memcmp(titles[i], w, n) == 0)
            return true;
    return false;
}

/* A Roman numeral or a single capital letter standing alone after the
 * space: "World War II", "Louis XIV", "Appendix B", "Phase I". */
static bool numeral_after(span_text t, size_t i)
{
    size_t j = i, n = 0;
    bool roman = true;
    uint32_t cp;
    while ((cp = cp_at(t, j)) != 0 && is_letter(cp)) {
        roman = roman && cp < 0x80 && strchr("IVXLCDM", (int)cp);
        j += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        n++;
    }
    return (n == 1 && cp_at(t, i) >= 'A' && cp_at(t, i) <= 'Z') || (n >= 1 && n <= 6 && roman);
}

/* Whether a no-break space (a run of `n` bytes at i) is deliberate
 * typography, or at least harmless: next to a digit or punctuation ("10
 * km", "p. 12", "« Bonjour »", "Mr. Smith"), after a one-letter word ("a
 * tool", "I think": typesetters keep those off the line end, a rule in
 * Czech and Polish and a common house rule in English), after a title
 * ("Mr Smith") or before a numeral ("World War II"). Reported: between two
 * ordinary words (a word space pasted from a word processor or a CMS),
 * two or more in a row (spacing made with no-break spaces), and at the
 * start or end of a paragraph, heading or cell (it ends up in heading
 * anchors and search snippets). With `all_spaces` every one is reported. */
static bool space_kept(span_text t, size_t i, size_t n, uint32_t prev, uint32_t next, bool all_spaces)
{
    size_t one = cp_at(t, i) < 0x800 ? 2 : 3; /* U+00A0 is 2 bytes, U+2007 and U+202F 3 */
    bool edge = prev == 0 || next == 0 || prev == '\n' || next == '\n';
    if (all_spaces || n > one || edge)
        return false;
    if (!(is_letter(prev) && is_letter(next)))
        return true;
    size_t w0, wn = word_before(t, i, &w0);
    uint32_t before = cp_before(t, w0);
    if (before == '\'' || before == 0x2019)
        wn = 0; /* the "s" of "Boston's" is no one-letter word */
    if (wn == 1 || title_word(t.text + w0, wn))
        return true;
    bool capital = t.text[w0] >= 'A' && t.text[w0] <= 'Z';
    return capital && numeral_after(t, i + n);
}

/* Whether the character at [i, i+n) of block b is legitimate there. */
static bool legitimate(const civ_block *b, span_text t, const charinfo *ci, uint32_t cp, size_t i,
                       size_t n, int *rtl, bool all_spaces)
{
    uint32_t prev = cp_before(t, i), next = cp_at(t, i + n);
    switch (ci->k) {
    case K_ZERO_WIDTH:
        if (cp == 0x200D && is_emoji(prev) && is_emoji(next))
            return true;
        if ((cp == 0x200C || cp == 0x200D) && (joining_script(prev) || joining_script(next)))
            return true;
        return false;
    case K_BIDI:
        if (*rtl < 0)
            *rtl = block_has_rtl(b);
        return *rtl;
    case K_SPACE:
        return space_kept(t, i, n, prev, next, all_spaces);
    default:
        return false;
    }
}

/* Where a reported no-break space stands, for the message, and what
 * replaces it: nothing at the start or end of a line, else one space. */
static const char *space_where(span_text t, size_t t0, size_t t1, bool eol, const char **fix)
{
    uint32_t prev = cp_before(t, t0), next = cp_at(t, t1);
    *fix = " ";
    if (eol || prev == 0 || prev == '\n' || next == 0 || next == '\n') {
        *fix = "";
        return !eol && (prev == 0 || prev == '\n') ? " at the start of a line" : " at the end of a line";
    }
    return is_letter(prev) && is_letter(next) ? " between letters" : "";
}

static void report(const civ_doc *doc, civ_sink *sink, const civ_block *b, const charinfo *ci,
                   uint32_t cp, size_t t0, size_t t1, size_t count, bool eol)
{
    size_t s0, s1;
    civ_block_span(b, t0, t1, &s0, &s1);
    /* Only raw characters: an entity (&nbsp; &#8203;) maps to more bytes
     * than the characters it stands for and is visible in the source. */
    if (s1 - s0 != t1 - t0 || memcmp(b->text + t0, doc->src->data + s0, t1 - t0) != 0)
        return;
    const char *what = ci->k == K_BIDI || ci->k == K_OVERRIDE ? "bidirectional control "
                       : ci->k == K_SPACE                      ? ""
                                                               : "invisible character ";
    const char *fix = "";
    const char *where = ci->k == K_SPACE ? space_where((span_text){b->text, b->text_len}, t0, t1, eol, &fix) : "";
    civ_diag *d;
    if (count > 1)
        d = civ_report(sink, s0, s1, "%sU+%04X %s%s (%zu in a row)", what, (unsigned)cp, ci->name,
                       where, count);
    else
        d = civ_report(sink, s0, s1, "%sU+%04X %s%s", what, (unsigned)cp, ci->name, where);
    if (ci->k == K_SPACE) {
        civ_diag_fix(d, s0, s1, fix);
        civ_diag_note(d, *fix ? "it looks like a space but stops search and line wrapping; use a plain space"
                              : "it looks like a space but is not trimmed like one; remove it");
        return;
    }
    civ_diag_fix(d, s0, s1, "");
    if (ci->k == K_OVERRIDE)
        civ_diag_note(d, "it reverses the order in which the following characters are displayed");
    else if (ci->k == K_BIDI)
        civ_diag_note(d, "it changes how the text around it is ordered on screen; remove it");
    else if (cp == 0x00AD)
        civ_diag_note(d, "it splits the word for search and copy-paste; remove it");
    else
        civ_diag_note(d, "it has no glyph but breaks search and copy-paste; remove it");
}

/* Autolinks are URLs and placeholders stand for code, HTML and images:
 * neither is prose. Link text is. */
static bool in_non_prose(const civ_block *b, size_t i)
{
    const civ_inline *in = civ_block_inline_at(b, i);
    return in && in->kind != CIV_INL_LINK;
}

/* True when the text run [t0, t1) of b ends its line in the source (the
 * model joins a paragraph's lines with a space). */
static bool line_end_after(const civ_doc *doc, const civ_block *b, size_t t0, size_t t1)
{
    size_t s0, s1;
    civ_block_span(b, t0, t1, &s0, &s1);
    return s1 >= doc->src->len || doc->src->data[s1] == '\n' || doc->src->data[s1] == '\r';
}

static void check_block(const civ_doc *doc, const civ_ctx *ctx, const civ_block *b, civ_sink *sink)
{
    span_text t = {b->text, b->text_len};
    int rtl = -1;
    for (size_t i = 0; i < t.len;) {
        if ((unsigned char)t.text[i] < 0x80) { /* no ASCII character is reported */
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = civ_utf8_decode((const unsigned char *)t.text + i, t.len - i, &cp);
        if (n == 0) {
            i++;
            continue;
        }
        if (cp == 0x1F3F4) {
            i = skip_flag_tags(t, i + n);
            continue;
        }
        const charinfo *ci = cp >= 0xA0 ? lookup(cp) : NULL;
        if (!ci || in_non_prose(b, i)) {
            i += n;
            continue;
        }
        /* A run of the same character is one finding. */
        size_t j = i + n, count = 1;
        while (j + n <= t.len && memcmp(t.text + j, t.text + i, n) == 0) {
            j += n;
            count++;
        }
        bool eol = ci->k == K_SPACE && line_end_after(doc, b, i, j);
        if (eol || !legitimate(b, t, ci, cp, i, j - i, &rtl, ctx->nbsp_all))
            report(doc, sink, b, ci, cp, i, j, count, eol);
        i = j;
    }
}

void civ_check_invisible_character(const civ_doc *doc, const civ_ctx *ctx, civ_sink *sink)
{
    for (size_t i = 0; i < doc->nblocks; i++)
        if (civ_block_is_prose(&doc->blocks[i]))
            check_block(doc, ctx, &doc->blocks[i], sink);
}
