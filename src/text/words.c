/* words.c - see words.h. The tokenizer decides what the spelling check
 * never sees, so each rule here is one that stops a class of false alarms:
 * URLs, addresses and paths (not words), digits (model numbers, dates),
 * quotes around words (not part of them). */
#include "text/words.h"

#include <stdint.h>
#include <string.h>

#include "text/affixes.h"
#include "text/unicode.h"
#include "base/utf8.h"

/* The ASCII fast paths below (decode_at, is_word_char, scan_word) give the
 * same answers as the general code; they exist because the tokenizer runs
 * over every word of every post twice (spelling, mixed-script) and a
 * function call per character was 10% of a run. */
static inline uint32_t decode_at(const char *s, size_t len, size_t i, size_t *n)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *n = 1;
        return c;
    }
    uint32_t cp;
    size_t k = civ_utf8_decode((const unsigned char *)s + i, len - i, &cp);
    if (k == 0) {
        k = 1;
        cp = 0xFFFD;
    }
    *n = k;
    return cp;
}

static inline bool is_space(uint32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r'); /* \t \n \v \f \r */
    return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF ||
           cp == 0xFFFC;
}

/* An ASCII byte that can be neither white space nor part of a multi-byte
 * character: the chunk scans below step over runs of them without
 * decoding. */
static inline bool ascii_nonspace(unsigned char c)
{
    return c > ' ' && c < 0x80;
}

/* The bytes that is_non_prose's tests need, one of them at least: a
 * table, as the test runs on every byte of every chunk. */
static const bool url_byte[256] = {[':'] = true, ['/'] = true, ['.'] = true,
                                   ['@'] = true, ['\\'] = true, ['~'] = true};

static bool is_apostrophe(uint32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

static bool is_hyphen(uint32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static bool is_digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

/* Starts or continues a word (a mark only continues one). U+02BC is a
 * letter (Lm) but is used as an apostrophe, so it is a joiner instead. */
static inline bool is_word_char(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    return cp != 0x02BC && (civ_uni_is_letter(cp) || is_digit(cp));
}

/* Characters trimmed off both ends of a chunk before classifying it. */
static bool is_opener(unsigned char c)
{
    return c == '(' || c == '[' || c == '{' || c == '<' || c == '"' || c == '\'' || c == '*' ||
           c == '_' || c == '`';
}

static bool is_closer(unsigned char c)
{
    return c == ')' || c == ']' || c == '}' || c == '>' || c == '"' || c == '\'' || c == '.' ||
           c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '*' || c == '_' ||
           c == '`';
}

/* Trims ASCII brackets, quotes and punctuation and the curly quotes
 * (U+2018-U+201F, 3 bytes each) and guillemets off [*a,*e). */
static void trim_chunk(const char *s, size_t *a, size_t *e)
{
    for (;;) {
        if (*a < *e && is_opener((unsigned char)s[*a])) {
            (*a)++;
        } else if (*e - *a >= 3 && (unsigned char)s[*a] == 0xE2 && (unsigned char)s[*a + 1] == 0x80 &&
                   (unsigned char)s[*a + 2] >= 0x98 && (unsigned char)s[*a + 2] <= 0x9F) {
            *a += 3;
        } else if (*e - *a >= 2 && (unsigned char)s[*a] == 0xC2 && (unsigned char)s[*a + 1] == 0xAB) {
            *a += 2;
        } else {
            break;
        }
    }
    for (;;) {
        if (*e > *a && is_closer((unsigned char)s[*e - 1])) {
            (*e)--;
        } else if (*e - *a >= 3 && (unsigned char)s[*e - 3] == 0xE2 && (unsigned char)s[*e - 2] == 0x80 &&
                   (unsigned char)s[*e - 1] >= 0x98 && (unsigned char)s[*e - 1] <= 0x9F) {
            *e -= 3;
        } else if (*e - *a >= 2 && (unsigned char)s[*e - 2] == 0xC2 && (unsigned char)s[*e - 1] == 0xBB) {
            *e -= 2;
        } else {
            break;
        }
    }
}

static bool is_alnum_ascii(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static bool has_prefix_ci(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    if (n < k)
        return false;
    for (size_t i = 0; i < k; i++)
        if ((s[i] | 0x20) != p[i])
            return false;
    return true;
}

static bool contains(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, needle, k) == 0)
            return true;
    return false;
}

/* True when the trimmed chunk s[0..n) is not prose: a URL (scheme://,
 * www., mailto:), an e-mail address or @handle, a path (/x, ./x, ~/x,
 * a\b, a/b/c, dir/file.ext), a domain or a file name (x.org, README.md,
 * main.c: a dot after a letter or digit, followed by a lower-case letter,
 * with two or more letters or digits on one side). "and/or",
 * abbreviations ("e.g.", "U.S.", "Ph.D.") and a missing space before a
 * capital ("end.The") stay prose. */
static bool is_non_prose(const char *s, size_t n)
{
    if (n == 0)
        return false;
    /* every test below needs one of these bytes; most chunks are plain
     * words with none of them */
    size_t at = 0;
    while (at < n && !url_byte[(unsigned char)s[at]])
        at++;
    if (at == n)
        return false;
    if (contains(s, n, "://") || has_prefix_ci(s, n, "www.") || has_prefix_ci(s, n, "mailto:"))
        return true;
    if (s[0] == '/' || s[0] == '~' || (s[0] == '.' && n > 1 && (s[1] == '/' || s[1] == '.' ||
                                                              is_alnum_ascii((unsigned char)s[1]))))
        return true;
    if (s[0] == '@' && n > 1 && is_alnum_ascii((unsigned char)s[1]))
        return true;
    size_t slashes = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '/') {
            slashes++;
        } else if ((c == '@' || c == '\\') && i > 0 && i + 1 < n &&
                   is_alnum_ascii((unsigned char)s[i - 1]) && is_alnum_ascii((unsigned char)s[i + 1])) {
            return true;
        }
    }
    if (slashes >= 2)
        return true;
    for (size_t i = 1; i + 1 < n; i++) {
        if (s[i] != '.' || !is_alnum_ascii((unsigned char)s[i - 1]))
            continue;
        unsigned char c = (unsigned char)s[i + 1];
        if (!(c >= 'a' && c <= 'z'))
            continue;
        size_t left = 0, right = 0;
        while (left < i && is_alnum_ascii((unsigned char)s[i - 1 - left]))
            left++;
        while (i + 1 + right < n && is_alnum_ascii((unsigned char)s[i + 1 + right]))
            right++;
        if (right >= 2 || (left >= 2 && right >= 1))
            return true; /* a domain or a file name (also after a slash) */
    }
    return false;
}

void civ_words_init(civ_words *it, const char *text, size_t len)
{
    it->text = text;
    it->len = len;
    it->pos = 0;
    it->chunk_end = 0;
    it->limit = len;
    it->tmpl_end = 0;
    it->inl = NULL;
    it->ninl = 0;
    it->inl_at = 0;
    it->link_split = false;
}

void civ_words_break_at_links(civ_words *it, const civ_inline *inl, size_t ninl)
{
    it->inl = inl;
    it->ninl = ninl;
    it->inl_at = 0;
}

/* Splitting at a link's edge must not break a word the link only cuts
 * into: a link over part of a word ("[API](u)s", "[Walk](u)ing",
 * "un[known](u)") leaves a letter, an inflection or a prefix glued on, and
 * the word is checked whole. A longer piece ("[FAQ](u)and") is a word of
 * its own after a missing space. */
static bool splits_before(const char *s, size_t pos, size_t t0)
{
    return t0 - pos > 1 && !civ_affix_is_prefix(s + pos, t0 - pos);
}

static bool splits_after(const char *s, size_t t1, size_t end)
{
    static const char *const inflections[] = {"es", "ed", "er", "ers", "ing", "ings"};
    size_t k = t1, n;
    while (k < end && is_word_char(decode_at(s, end, k, &n)))
        k += n;
    if (k - t1 == 1)
        return false;
    for (size_t i = 0; i < sizeof inflections / sizeof *inflections; i++)
        if (strlen(inflections[i]) == k - t1 && memcmp(inflections[i], s + t1, k - t1) == 0)
            return false;
    return true;
}

/* Where the word starting at pos must end at the latest: the end of the
 * chunk, or the start or end of a link's text (see splits_before). A
 * cursor over the links, as positions only grow. */
static size_t word_limit(civ_words *it, size_t pos)
{
    while (it->inl_at < it->ninl &&
           (it->inl[it->inl_at].kind != CIV_INL_LINK || it->inl[it->inl_at].t1 <= pos))
        it->inl_at++;
    for (size_t k = it->inl_at; k < it->ninl; k++) {
        const civ_inline *l = &it->inl[k];
        if (l->kind != CIV_INL_LINK || l->t1 <= pos)
            continue;
        if (l->t0 >= it->chunk_end)
            break;
        if (l->t0 > pos && splits_before(it->text, pos, l->t0)) {
            it->link_split = true;
            return l->t0;
        }
        if (l->t1 < it->chunk_end && splits_after(it->text, l->t1, it->chunk_end)) {
            it->link_split = true;
            return l->t1;
        }
    }
    return it->chunk_end;
}

/* Moves to the next chunk; false at the end of the text
 * (or of the quoted value being split: it->limit). */
static bool next_chunk(civ_words *it, size_t *a, size_t *e)
{
    const char *s = it->text;
    size_t i = it->pos, n;
    while (i < it->limit && is_space(decode_at(s, it->limit, i, &n)))
        i += n;
    if (i >= it->limit)
        return false;
    size_t j = i;
    while (j < it->limit) {
        if (ascii_nonspace((unsigned char)s[j])) {
            j++;
            continue;
        }
        if (is_space(decode_at(s, it->limit, j, &n)))
            break;
        j += n;
    }
    *a = i;
    *e = j;
    return true;
}

/* Scans one word starting at the word character at i (< end). */
static void scan_word(const char *s, size_t end, size_t i, civ_word *w)
{
    size_t n, k = i;
    bool digits = false;
    w->t0 = i;
    w->flags = CIV_WORD_UPPER;
    w->nletters = 0;
    uint32_t prev = 0;
    bool latin = false, upper = true;
    while (k < end) {
        unsigned char c = (unsigned char)s[k];
        if (is_alnum_ascii(c)) { /* the common case, as the general code below */
            if (c <= '9') {
                digits = true;
            } else {
                w->nletters++;
                latin = true;
                upper = upper && c <= 'Z';
            }
            prev = c;
            k++;
            continue;
        }
        uint32_t cp = decode_at(s, end, k, &n);
        if (is_word_char(cp) || (civ_uni_is_mark(cp) && prev != 0)) {
            if (is_digit(cp)) {
                digits = true;
            } else if (cp < 0x80) { /* an ASCII letter: Latin */
                w->nletters++;
                w->flags |= CIV_WORD_LATIN;
                if (!(cp >= 'A' && cp <= 'Z'))
                    w->flags &= ~(unsigned)CIV_WORD_UPPER;
            } else if (civ_uni_is_letter(cp)) {
                w->nletters++;
                civ_script sc = civ_uni_script(cp);
                w->flags |= sc == CIV_SCRIPT_LATIN ? CIV_WORD_LATIN : CIV_WORD_NONLATIN;
                if (!(cp >= 'A' && cp <= 'Z'))
                    w->flags &= ~(unsigned)CIV_WORD_UPPER;
            }
            prev = cp;
            k += n;
            continue;
        }
        if (is_apostrophe(cp) || is_hyphen(cp) || cp == '_') {
            size_t m;
            if (k + n < end && is_word_char(decode_at(s, end, k + n, &m))) {
                if (cp == '_')
                    digits = true; /* snake_case: an identifier */
                else
                    w->flags |= is_hyphen(cp) ? CIV_WORD_HYPHEN : CIV_WORD_APOS;
                prev = cp;
                k += n;
                continue;
            }
        }
        break;
    }
    w->t1 = k;
    if (latin)
        w->flags |= CIV_WORD_LATIN;
    if (!upper)
        w->flags &= ~(unsigned)CIV_WORD_UPPER;
    if (w->nletters == 0)
        w->flags &= ~(unsigned)CIV_WORD_UPPER;
    w->kind = digits ? CIV_WORD_DIGITS : CIV_WORD_PROSE;
}

/* The code point that ends before s[i] (i > 0), and its start in *at. */
static inline uint32_t decode_before(const char *s, size_t i, size_t *at)
{
    if ((unsigned char)s[i - 1] < 0x80) { /* as below, without the search */
        *at = i - 1;
        return (unsigned char)s[i - 1];
    }
    size_t j = i - 1, n;
    while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
        j--;
    *at = j;
    return decode_at(s, i, j, &n);
}

static bool is_currency(uint32_t cp)
{
    return cp == '$' || cp == 0xA3 || cp == 0xA5 || cp == 0x20AC || cp == 0x20B9;
}

/* True when s[0..t0) ends in a number, then at most one space. */
static bool after_number(const char *s, size_t t0)
{
    size_t i = t0;
    if (i == 0)
        return false;
    uint32_t cp = decode_before(s, i, &i);
    if ((cp == ' ' || cp == 0xA0 || cp == 0x2009 || cp == 0x202F) && i > 0)
        cp = decode_before(s, i, &i);
    return is_digit(cp);
}

/* True when s[0..t0) ends in a digit and one or more U+FFFC: markup
 * between a number and the word ("18<sup>th</sup>"). */
static bool after_number_and_markup(const char *s, size_t t0)
{
    bool markup = false;
    for (size_t at = t0; at > 0;) {
        uint32_t cp = decode_before(s, at, &at);
        if (cp != 0xFFFC)
            return markup && is_digit(cp);
        markup = true;
    }
    return false;
}

/* True when s[t0..t1) is a unit followed by "/" and a unit ("Mbit/s"). */
static bool before_per_unit(const char *s, size_t len, size_t t1)
{
    if (t1 >= len || s[t1] != '/')
        return false;
    size_t k = t1 + 1;
    while (k < len && (((unsigned char)s[k] | 0x20) >= 'a' && ((unsigned char)s[k] | 0x20) <= 'z'))
        k++;
    return k > t1 + 1 && civ_affix_is_unit(s + t1 + 1, k - t1 - 1);
}

/* True when the word s[t0..t1) belongs to a number (see words.h). The
 * context is looked at first: it is a byte or two, where the unit list is
 * a search, and nearly every word fails it. */
static bool is_attached(const char *s, size_t len, size_t t0, size_t t1)
{
    size_t n = t1 - t0, at;
    if (n > 7) /* longer than any unit ("daFLOPS") */
        return false;
    if (after_number(s, t0) || (t0 > 0 && is_currency(decode_before(s, t0, &at))) ||
        before_per_unit(s, len, t1))
        if (civ_affix_is_unit(s + t0, n))
            return true;
    return n == 2 && t0 > 0 && (unsigned char)s[t0 - 1] == 0xBC && civ_affix_is_ordinal(s + t0, n) &&
           after_number_and_markup(s, t0);
}

/* Template tags of static site generators - Hugo shortcodes {{< >}} and
 * {{% %}}, Liquid and Jinja {{ }} and {% %} - are code inside the prose:
 * their names, parameters and file names are not words. A double-quoted
 * value with a space in it (alt="A photo of the hall") is prose, and its
 * words are split like any other text. */

/* When s[a..len) opens a template tag, stores the end of the tag (after its
 * closing braces) in *z. An opening without a close is text. */
static bool template_at(const char *s, size_t a, size_t len, size_t *z)
{
    if (len - a < 4 || s[a] != '{' || (s[a + 1] != '{' && s[a + 1] != '%'))
        return false;
    char c0 = s[a + 1] == '%' ? '%' : '}';
    for (size_t i = a + 2; i + 1 < len; i++) {
        if (s[i] == c0 && s[i + 1] == '}') {
            *z = i + 2;
            return true;
        }
    }
    return false;
}

/* The next double-quoted value with a space in it in s[from..end): its
 * content in [*v0,*v1). */
static bool next_prose_value(const char *s, size_t from, size_t end, size_t *v0, size_t *v1)
{
    for (size_t i = from; i < end; i++) {
        if (s[i] != '"')
            continue;
        const char *q = memchr(s + i + 1, '"', end - i - 1);
        if (!q)
            return false;
        size_t j = (size_t)(q - s);
        if (memchr(s + i + 1, ' ', j - i - 1)) {
            *v0 = i + 1;
            *v1 = j;
            return true;
        }
        i = j;
    }
    return false;
}

/* Reads the template tag on from it->pos: the markup up to its next prose
 * value (or its end) becomes a CIV_WORD_MARKUP token in *w, and the value
 * the text to split next. False when there is no markup before the value
 * (only white space). */
static bool template_step(civ_words *it, civ_word *w)
{
    const char *s = it->text;
    size_t from = it->pos, upto, v0, v1;
    if (next_prose_value(s, from, it->tmpl_end, &v0, &v1)) {
        upto = v0;
        it->pos = v0;
        it->limit = v1;
    } else {
        upto = it->tmpl_end;
        it->pos = it->tmpl_end;
        it->tmpl_end = 0;
        it->limit = it->len;
    }
    it->chunk_end = it->pos;
    while (from < upto && (s[from] == ' ' || s[from] == '\n' || s[from] == '\t'))
        from++;
    while (upto > from && (s[upto - 1] == ' ' || s[upto - 1] == '\n' || s[upto - 1] == '\t'))
        upto--;
    if (from == upto)
        return false;
    w->t0 = from;
    w->t1 = upto;
    w->kind = CIV_WORD_MARKUP;
    w->flags = 0;
    w->nletters = 0;
    return true;
}

/* s[ta..te) trimmed from a chunk that ends at e is an emoji or icon
 * shortcode (`:smile:`, `:material-linux:` of GitHub and MkDocs
 * Material): a colon, lower-case letters, digits, -, _ or +, and the
 * closing colon, which trimming took off. Markup, not prose. */
static bool is_shortcode(const char *s, size_t ta, size_t te, size_t e)
{
    if (te - ta < 3 || s[ta] != ':' || te >= e || s[te] != ':')
        return false;
    for (size_t i = ta + 1; i < te; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '+'))
            return false;
    }
    return true;
}

/* Makes s[a..e) the current chunk; true (with the token in *w) when the
 * whole chunk is a URL, an address, a path or a shortcode. */
static bool start_chunk(civ_words *it, size_t a, size_t e, civ_word *w)
{
    it->chunk_end = e;
    it->pos = a;
    size_t ta = a, te = e;
    trim_chunk(it->text, &ta, &te);
    if (ta >= te || (!is_non_prose(it->text + ta, te - ta) && !is_shortcode(it->text, ta, te, e)))
        return false;
    it->pos = e;
    w->t0 = ta;
    w->t1 = te;
    w->kind = CIV_WORD_URL;
    w->flags = 0;
    w->nletters = 0;
    return true;
}

bool civ_words_next(civ_words *it, civ_word *w)
{
    const char *s = it->text;
    for (;;) {
        size_t n, a, e, z;
        if (it->pos < it->chunk_end) {
            while (it->pos < it->chunk_end && !is_word_char(decode_at(s, it->chunk_end, it->pos, &n)))
                it->pos += n;
            if (it->pos >= it->chunk_end)
                continue;
            scan_word(s, word_limit(it, it->pos), it->pos, w);
            it->pos = w->t1;
            if (w->kind == CIV_WORD_PROSE && is_attached(s, it->len, w->t0, w->t1))
                w->kind = CIV_WORD_ATTACHED;
            return true;
        }
        if (next_chunk(it, &a, &e)) {
            if (it->tmpl_end || !template_at(s, a, it->len, &z)) {
                if (start_chunk(it, a, e, w))
                    return true;
                continue;
            }
            it->tmpl_end = z;
            it->pos = a;
        } else if (it->tmpl_end) {
            it->pos = it->limit + 1; /* past the value's closing quote */
            it->limit = it->len;
        } else {
            it->pos = it->len;
            return false;
        }
        if (template_step(it, w))
            return true;
    }
}

size_t civ_word_normalize(const char *word, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)word[i];
        if (c != 0xE2 && c != 0xCA) { /* neither apostrophe starts here */
            out[o++] = word[i++];
        } else if (i + 3 <= n && memcmp(word + i, "\xE2\x80\x99", 3) == 0) {
            out[o++] = '\'';
            i += 3;
        } else if (i + 2 <= n && memcmp(word + i, "\xCA\xBC", 2) == 0) {
            out[o++] = '\'';
            i += 2;
        } else {
            out[o++] = word[i++];
        }
    }
    out[o] = '\0';
    return o;
}

/* The apostrophe suffixes whose stem is checked instead of the word: the
 * possessive and the contractions English glues to any noun ("there'll",
 * "OK'd", "Zorbluk's"). In lower case, or in capitals after a capital. */
static const char *const apostrophe_suffixes[] = {"s", "d", "ll", "re", "ve"};
static const char *const apostrophes[] = {"'", "\xE2\x80\x99", "\xCA\xBC"};

static bool is_apostrophe_suffix(const char *suf, size_t k, bool caps)
{
    for (size_t j = 0; j < sizeof apostrophe_suffixes / sizeof *apostrophe_suffixes; j++) {
        const char *a = apostrophe_suffixes[j];
        size_t m = 0;
        while (m < k && a[m] && (suf[m] == a[m] || (caps && suf[m] == (char)(a[m] - 'a' + 'A'))))
            m++;
        if (m == k && a[m] == '\0')
            return true;
    }
    return false;
}

size_t civ_word_possessive(const char *word, size_t n)
{
    if (n < 3 || !strchr("sdleSDLE", word[n - 1]))
        return 0; /* the common case, cheaply */
    /* the last byte of any apostrophe before a suffix of 1 or 2 letters */
    unsigned char a1 = (unsigned char)word[n - 2], a2 = (unsigned char)word[n - 3];
    if (a1 != '\'' && a1 != 0x99 && a1 != 0xBC && a2 != '\'' && a2 != 0x99 && a2 != 0xBC)
        return 0;
    for (size_t k = 1; k <= 2; k++) {
        for (size_t j = 0; j < sizeof apostrophes / sizeof *apostrophes; j++) {
            size_t alen = strlen(apostrophes[j]);
            if (n < k + alen + 1)
                continue;
            size_t i = n - k - alen; /* the apostrophe; a stem before it */
            bool caps = word[i - 1] >= 'A' && word[i - 1] <= 'Z';
            if (memcmp(word + i, apostrophes[j], alen) == 0 && is_apostrophe_suffix(word + i + alen, k, caps))
                return i;
        }
    }
    return 0;
}

/* The next hyphen-separated part, whatever it is. */
static bool next_part(const char *word, size_t n, size_t *pos, size_t *p0, size_t *p1)
{
    if (*pos > n)
        return false;
    size_t i = *pos, k;
    *p0 = i;
    while (i < n) {
        uint32_t cp = decode_at(word, n, i, &k);
        if (is_hyphen(cp)) {
            *p1 = i;
            *pos = i + k;
            return true;
        }
        i += k;
    }
    *p1 = n;
    *pos = n + 1; /* past the end, so the next call stops */
    return true;
}

bool civ_word_part(const char *word, size_t n, size_t *pos, size_t *p0, size_t *p1)
{
    while (next_part(word, n, pos, p0, p1)) {
        bool last = *pos > n;
        if (!last && civ_affix_is_prefix(word + *p0, *p1 - *p0))
            continue; /* "pre" of "pre-QXZ" */
        if (last && *p0 > 0 && civ_affix_is_suffix(word + *p0, *p1 - *p0))
            continue; /* "ish" of "green-ish" */
        return true;
    }
    return false;
}
