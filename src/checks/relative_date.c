/* relative_date.c - `relative-date`: dates that go stale.
 *
 * Editorial rule: a post stays online for years; "last month", "this year"
 * or "recently" mean nothing to a reader of the archive. Write the date.
 *
 * Findings: the phrases of the `relative-dates:` section of the rule packs
 * (rules/relative-dates.yml; parsed and validated by the pack loader at
 * start-up, rules/reldates.h), as whole words, case-insensitively, in
 * paragraphs, headings and table cells - when the post has a date
 * (source/postdate.h: the metadata's `date`, `published` or `pubDate`, or
 * the file name's YYYY-MM-DD- prefix). The finding suggests the absolute
 * form computed from that date ("last month" in a post dated 2026-03-14 ->
 * "in February 2026"), and its note says where the date came from, so an
 * editor can tell a wrong date from a wrong phrase.
 *
 * Without a date nothing is reported: the check cannot say what the phrase
 * should become, and the file date or today's date would be wrong for an
 * old post; a post without a date is the metadata's problem, not this
 * rule's. An unparsable date is treated the same way.
 *
 * The post's own time - `anchored: true` in the pack: "currently",
 * "recently", "today", "this year" - is not reported: a blog shows the date
 * with every post, and it anchors them. On the real posts these were the
 * most frequent findings (currently, recently, this year, today: 773
 * findings in all) and, judged in a random sample, nearly all acceptable
 * as written; what a reader of the archive cannot place is a shift from
 * the date ("last month", "next year").
 *
 * Not reported:
 *   - inside direct quotations, block quotes and cited titles (src/quotes.c):
 *     a source's words cannot be changed ("Today, none of those exist,"
 *     the minister said);
 *   - after a determiner or possessive (`skip-after`: "the last year",
 *     "over the past week"), where the phrase is a duration, not a date,
 *     and before a phrase's `not-before` words ("at the moment of
 *     signing");
 *   - when the reader can place it: its date follows in apposition
 *     ("tomorrow, July 31, 2013", "last week (2-6 March)"), or the phrase
 *     is in a heading whose first paragraph gives a date ("Join us next
 *     month" over "The next call is on April 9th": a recurring section of
 *     a monthly post); a date elsewhere in the sentence is another
 *     event's and does not count;
 *   - in a question ("why pay more than last year?"): rhetorical or an
 *     example, where any day would do; on the real posts (a judged
 *     sample of 57) every question was one.
 *
 * Fix-it (conservative; otherwise only the suggestion): the replacement
 * must read correctly in place, so there is no fix when
 *   - the pack marks the phrase `fix: false` (vague words: "currently",
 *     "today", which often means "nowadays");
 *   - it is possessive or part of a compound ("this year's budget",
 *     "last-year"): "in 2026's budget" is wrong, rephrasing is the editor's;
 *   - it is the subject of a verb (`subject-verbs`: "next year will be
 *     decisive"): the suggestion is then the bare form ("2027 will be");
 *   - its source is not verbatim (markup or an entity inside the phrase).
 * After a preposition (`prepositions`: "since last year") the replacement
 * and in table cells is the bare form ("since 2025"); a capitalised phrase
 * at the start of a sentence gives a capitalised replacement ("Last year,
 * ..." -> "In 2025, ..."). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "checks/check.h"
#include "source/postdate.h"
#include "text/quotes.h"
#include "text/sentence.h"
#include "base/utf8.h"

/* The phrase table, parsed and validated by the pack loader (reldates.h). */
typedef civ_reldate entry;
typedef civ_reldates config;

static const char *const default_months[12] = {"January", "February", "March",     "April",
                                               "May",     "June",     "July",      "August",
                                               "September", "October", "November", "December"};

/* ---- dates (proleptic Gregorian, days since 1970-01-01) ---- */

static long days_from_civil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (long)yoe + era * 400 + (*m <= 2);
}

static unsigned days_in_month(long y, unsigned m)
{
    static const unsigned dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : dm[m - 1];
}

/* ---- the phrase table ---- */

static bool word_in(const civ_wordlist *list, const char *w, size_t n)
{
    for (size_t i = 0; i < list->n; i++) {
        const char *x = list->items[i];
        if (strlen(x) == n && strncasecmp(x, w, n) == 0)
            return true;
    }
    return false;
}

static const char *month_name(const config *c, unsigned m)
{
    return c->months[m - 1] ? c->months[m - 1] : default_months[m - 1];
}

/* Expands a template for the entry's shifted date. Returns a heap string. */
static char *expand(const config *c, const entry *e, const char *tmpl, long today)
{
    long y, day = today;
    unsigned m, d;
    civil_from_days(today, &y, &m, &d);
    if (e->unit == CIV_SHIFT_DAYS || e->unit == CIV_SHIFT_WEEKS) {
        day = today + e->n * (e->unit == CIV_SHIFT_WEEKS ? 7 : 1);
    } else if (e->unit == CIV_SHIFT_MONTHS || e->unit == CIV_SHIFT_YEARS) {
        long idx = y * 12 + (long)(m - 1) + (e->unit == CIV_SHIFT_MONTHS ? e->n : e->n * 12);
        long ny = idx >= 0 ? idx / 12 : -((-idx + 11) / 12);
        unsigned nm = (unsigned)(idx - ny * 12) + 1;
        unsigned nd = d > days_in_month(ny, nm) ? days_in_month(ny, nm) : d;
        day = days_from_civil(ny, nm, nd);
    }
    long monday = day - ((day % 7 + 7 + 3) % 7); /* 1970-01-01 was a Thursday */
    civ_buf b;
    civ_buf_init(&b);
    for (const char *p = tmpl; *p;) {
        long yy;
        unsigned mm, dd;
        if (strncmp(p, "{date}", 6) == 0 || strncmp(p, "{week}", 6) == 0) {
            civil_from_days(p[1] == 'd' ? day : monday, &yy, &mm, &dd);
            civ_buf_printf(&b, "%u %s %ld", dd, month_name(c, mm), yy);
            p += 6;
        } else if (strncmp(p, "{month}", 7) == 0) {
            civil_from_days(day, &yy, &mm, &dd);
            civ_buf_printf(&b, "%s %ld", month_name(c, mm), yy);
            p += 7;
        } else if (strncmp(p, "{year}", 6) == 0) {
            civil_from_days(day, &yy, &mm, &dd);
            civ_buf_printf(&b, "%ld", yy);
            p += 6;
        } else {
            civ_buf_putc(&b, *p++);
        }
    }
    return civ_buf_detach(&b);
}

/* ---- matching ---- */

/* Word characters for the phrase boundaries: ASCII letters and digits,
 * and non-ASCII letters (not the punctuation of U+2000-U+2BFF, such as the
 * apostrophe of "year’s", and not the U+FFFC placeholder). */
static bool word_char_at(const char *s, size_t n, size_t i)
{
    unsigned char ch = (unsigned char)s[i];
    if (ch < 0x80)
        return ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || (ch >= '0' && ch <= '9');
    uint32_t cp;
    if (!civ_utf8_decode((const unsigned char *)s + i, n - i, &cp))
        return false;
    return cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && !(cp >= 0x2000 && cp <= 0x2BFF) &&
           !(cp >= 0xFE00 && cp <= 0xFFFF);
}

static bool word_char_before(const char *s, size_t i)
{
    if (i == 0)
        return false;
    size_t j = i - 1;
    while (j > 0 && civ_utf8_is_cont((unsigned char)s[j]))
        j--;
    return word_char_at(s, i, j);
}

/* Length of the match of phrase at s[i..n), 0 if none: letters compared
 * without case, a space in the phrase matching any run of spaces. */
static size_t match_at(const char *s, size_t n, size_t i, const char *phrase)
{
    size_t j = i;
    for (const char *p = phrase; *p; p++) {
        if (*p == ' ') {
            if (j >= n || (s[j] != ' ' && s[j] != '\t'))
                return 0;
            while (j < n && (s[j] == ' ' || s[j] == '\t'))
                j++;
            continue;
        }
        if (j >= n || (s[j] | 0x20) != (*p | 0x20))
            return 0;
        j++;
    }
    if (j < n && word_char_at(s, n, j))
        return 0;
    return j - i;
}

/* The word before text offset i (letters only), as [*w0, *w1). */
static void prev_word(const char *s, size_t i, size_t *w0, size_t *w1)
{
    size_t e = i;
    while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        e--;
    size_t a = e;
    while (a > 0 && ((s[a - 1] | 0x20) >= 'a' && (s[a - 1] | 0x20) <= 'z'))
        a--;
    *w0 = a;
    *w1 = e;
}

static void next_word(const char *s, size_t n, size_t i, size_t *w0, size_t *w1)
{
    size_t a = i;
    while (a < n && (s[a] == ' ' || s[a] == '\t'))
        a++;
    size_t e = a;
    while (e < n && ((s[e] | 0x20) >= 'a' && (s[e] | 0x20) <= 'z'))
        e++;
    *w0 = a;
    *w1 = e;
}

static bool possessive_or_compound(const char *s, size_t n, size_t t0, size_t t1)
{
    if (t0 > 0 && s[t0 - 1] == '-')
        return true;
    if (t1 < n && s[t1] == '-')
        return true;
    if (t1 + 1 < n && s[t1] == '\'' && (s[t1 + 1] | 0x20) == 's')
        return true;
    return t1 + 3 < n && memcmp(s + t1, "\u2019", 3) == 0 && (s[t1 + 3] | 0x20) == 's';
}

/* At the start of the text or of a sentence (after . ! ? and any closing
 * or opening quotes and brackets): the replacement is capitalised. */
static bool sentence_start(const char *s, size_t t0)
{
    size_t i = t0;
    while (i > 0) {
        unsigned char ch = (unsigned char)s[i - 1];
        if (ch == ' ' || ch == '\t' || ch == '"' || ch == '(' || ch == '\'' || ch >= 0x80) {
            if (ch >= 0x80) {
                size_t j = i - 1;
                while (j > 0 && civ_utf8_is_cont((unsigned char)s[j]))
                    j--;
                uint32_t cp;
                if (!civ_utf8_decode((const unsigned char *)s + j, i - j, &cp) ||
                    !(cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == 0xA0))
                    return false;
                i = j;
                continue;
            }
            i--;
            continue;
        }
        return ch == '.' || ch == '!' || ch == '?';
    }
    return true;
}

/* The source of the phrase is the text itself, up to the width of the
 * spaces (a soft line break reads as one space): a fix then replaces only
 * the phrase, never markup or an entity inside it. */
static bool verbatim(const char *src, size_t s0, size_t s1, const char *t, size_t t0, size_t t1)
{
    while (s0 < s1 && t0 < t1) {
        bool ss = src[s0] == ' ' || src[s0] == '\t' || src[s0] == '\n' || src[s0] == '\r';
        bool ts = t[t0] == ' ' || t[t0] == '\t';
        if (ss && ts) {
            while (s0 < s1 && (src[s0] == ' ' || src[s0] == '\t' || src[s0] == '\n' || src[s0] == '\r'))
                s0++;
            while (t0 < t1 && (t[t0] == ' ' || t[t0] == '\t'))
                t0++;
            continue;
        }
        if (src[s0] != t[t0])
            return false;
        s0++;
        t0++;
    }
    return s0 == s1 && t0 == t1;
}

static void report(const civ_doc *doc, civ_sink *sink, const config *c, const civ_block *b,
                   const entry *e, size_t t0, size_t t1, long today, const char *dated)
{
    const char *s = b->text;
    size_t n = b->text_len, w0, w1;
    prev_word(s, t0, &w0, &w1);
    bool after_prep = w1 > w0 && word_in(&c->prepositions, s + w0, w1 - w0);
    next_word(s, n, t1, &w0, &w1);
    bool subject = w1 > w0 && word_in(&c->subject_verbs, s + w0, w1 - w0);
    size_t s0, s1;
    civ_block_span(b, t0, t1, &s0, &s1);
    civ_diag *d = civ_report(sink, s0, s1, "relative date '%.*s' goes stale", (int)(t1 - t0), s + t0);
    if (!e->replace) {
        civ_diag_note(d, "the post is dated %s; %s", dated, e->note ? e->note : "write the date");
        return;
    }
    bool poss = possessive_or_compound(s, n, t0, t1);
    /* A table cell is a label, not a sentence: "last month" -> "February
     * 2026". */
    bool label = b->kind == CIV_BLOCK_TABLE_CELL;
    const char *tmpl = (after_prep || subject || poss || label) && e->bare ? e->bare : e->replace;
    char *rep = expand(c, e, tmpl, today);
    if (s[t0] >= 'A' && s[t0] <= 'Z' && sentence_start(s, t0) && rep[0] >= 'a' && rep[0] <= 'z')
        rep[0] = (char)(rep[0] - 'a' + 'A');
    civ_diag_suggest(d, rep);
    bool exact = verbatim(doc->src->data, s0, s1, s, t0, t1);
    if (e->fix && exact && !poss && !subject)
        civ_diag_fix(d, s0, s1, rep);
    if (poss)
        civ_diag_note(d, "the post is dated %s; rephrase with '%s' (e.g. 'the %s budget')", dated,
                      rep, rep);
    else
        civ_diag_note(d, "the post is dated %s; write '%s'%s", dated, rep,
                      subject ? " as the subject of the sentence" : "");
    if (e->note)
        civ_diag_note(d, "%s", e->note);
    free(rep);
}

/* ---- placed phrases ---- */

static bool is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

static bool ascii_alnum(char ch)
{
    return is_digit(ch) || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
}

/* A day of the month at s[i..n): 1-31, then an optional ordinal suffix
 * (st, nd, rd, th), then no further letter or digit. */
static bool day_at(const char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && j < i + 2 && is_digit(s[j]))
        j++;
    if (j == i || (j < n && is_digit(s[j])))
        return false;
    int d = j - i == 1 ? s[i] - '0' : (s[i] - '0') * 10 + s[i + 1] - '0';
    if (d < 1 || d > 31)
        return false;
    if (j + 1 < n && ascii_alnum(s[j]) && ascii_alnum(s[j + 1]) && !(j + 2 < n && ascii_alnum(s[j + 2])))
        j += 2; /* 9th, 1st: the suffix is not checked further */
    return j >= n || !ascii_alnum(s[j]);
}

/* A year 1900-2099 at s[i..n) as a word of its own ("2025", not "v2025"
 * nor "Fest2025"), or an ISO date starting there. */
static bool year_at(const char *s, size_t n, size_t i)
{
    if (i + 4 > n || (i > 0 && ascii_alnum(s[i - 1])))
        return false;
    if (!((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0')) || !is_digit(s[i + 2]) ||
        !is_digit(s[i + 3]))
        return false;
    return i + 4 == n || !ascii_alnum(s[i + 4]);
}

/* Whether s[a..b) writes a date a reader can place: a year of its own, an
 * ISO date, or a month name (capitalised, as the pack or English spells
 * it) next to a day ("March 15th", "15 March"). A month name alone
 * ("in May last year") places nothing. */
static bool has_absolute_date(const config *c, const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        if (is_digit(s[i]) && year_at(s, b, i))
            return true;
        for (unsigned m = 1; m <= 12; m++) {
            const char *mn = month_name(c, m);
            size_t k = strlen(mn);
            if (i + k > b || strncmp(s + i, mn, k) != 0 || (i > 0 && ascii_alnum(s[i - 1])) ||
                (i + k < b && ascii_alnum(s[i + k])))
                continue;
            size_t j = i + k;
            while (j < b && (s[j] == ' ' || s[j] == '\t'))
                j++;
            if (j < b && is_digit(s[j]) && day_at(s, b, j))
                return true; /* March 15th, March 2026 (a year is a word too) */
            size_t e = i;
            while (e > a && s[e - 1] == ' ')
                e--;
            if (e >= a + 3 && s[e - 1] == 'f' && s[e - 2] == 'o' && s[e - 3] == ' ')
                e -= 3; /* 15th of March */
            size_t d = e;
            while (d > a && ascii_alnum(s[d - 1]))
                d--;
            if (d < e && is_digit(s[d]) && day_at(s, e, d))
                return true;
            /* "25<sup>th</sup> March": the suffix in inline HTML, whose
             * tags are U+FFFC placeholders in the text */
            size_t x = e, k0, l0;
            while (x >= a + 3 && memcmp(s + x - 3, CIV_OBJ, 3) == 0)
                x -= 3;
            for (l0 = x; x > a && l0 - x < 2 && (s[x - 1] | 0x20) >= 'a' && (s[x - 1] | 0x20) <= 'z';)
                x--;
            for (k0 = x; x >= a + 3 && memcmp(s + x - 3, CIV_OBJ, 3) == 0;)
                x -= 3;
            d = x;
            while (d > a && is_digit(s[d - 1]))
                d--;
            if (x < k0 && x < l0 && d < x && day_at(s, x, d))
                return true;
        }
    }
    return false;
}

/* Whether the sentence ending at t1 is a question, seen from the phrase
 * at t0: a rhetorical question or an example ("why pay more than last
 * year?") where any day would do. Not when a quotation opens between the
 * phrase and the question mark: that is a quoted title's ("yesterday in
 * her post \u201cExit or Voice?\u201d"). */
static bool is_question(const char *s, size_t t0, size_t t1)
{
    for (size_t i = t0; i + 1 < t1; i++)
        if (s[i] == '"' || (i + 3 <= t1 && (memcmp(s + i, "\u201c", 3) == 0 || memcmp(s + i, "\u2018", 3) == 0)))
            return false;
    while (t1 > t0 && (s[t1 - 1] == '"' || s[t1 - 1] == '\'' || s[t1 - 1] == ')' ||
                       (unsigned char)s[t1 - 1] >= 0x80))
        t1--; /* closing quotes and brackets (UTF-8 bytes of curly quotes) */
    return t1 > t0 && s[t1 - 1] == '?';
}

/* Whether the phrase ending at t1 is followed by its date in apposition:
 * after commas, brackets, dashes and at most one of "on", "in", "of",
 * a date begins ("tomorrow, July 31, 2013", "last year (2025)", "next
 * year, on January 21st", "last week (11-15 January)"). A date further
 * on or before the phrase is another event's ("from 2017 to last year",
 * "the momentum of last week into 2026", "despite the law of 2012"). */
static bool date_follows(const config *c, const char *s, size_t t1, size_t e)
{
    size_t p = t1;
    for (;;) { /* blanks (a no-break space too), commas, brackets, dashes */
        if (p < e && strchr(" \t,(-", s[p]))
            p++;
        else if (p + 2 <= e && memcmp(s + p, "\u00a0", 2) == 0)
            p += 2;
        else if (p + 3 <= e && (memcmp(s + p, "\u2013", 3) == 0 || memcmp(s + p, "\u2014", 3) == 0))
            p += 3;
        else
            break;
    }
    static const char *const preps[] = {"on ", "in ", "of ", "On ", "In ", NULL};
    for (const char *const *w = preps; *w; w++)
        if (p + 3 <= e && memcmp(s + p, *w, 3) == 0) {
            p += 3;
            break;
        }
    if (p >= e || !(is_digit(s[p]) || (s[p] >= 'A' && s[p] <= 'Z')))
        return false;
    /* the date itself: a day, a month and a year fit in 24 bytes */
    return has_absolute_date(c, s, p, p + 24 < e ? p + 24 : e);
}

/* Whether the phrase at [t0,t1) of block b is placed for the reader: its
 * date follows in apposition, or, when b is a heading, the first block
 * under it gives a date ("Join us next month" over "The next call is on
 * April 9th"); or it sits in a question. */
static bool placed(const config *c, const civ_block *b, const civ_block *next, const civ_sentence *sent,
                   size_t nsent, size_t t0, size_t t1)
{
    const char *s = b->text;
    size_t k = civ_sentence_index(sent, nsent, t0);
    size_t e = sent[k].t1 > t1 ? sent[k].t1 : t1;
    if (date_follows(c, s, t1, e) || is_question(s, t1, e))
        return true;
    return b->kind == CIV_BLOCK_HEADING && next && civ_block_is_prose(next) && next->kind != CIV_BLOCK_HEADING &&
           has_absolute_date(c, next->text, 0, next->text_len);
}

/* Entries by the first byte of their phrase, folded to lower case, in the
 * config's order (longest phrase first): at a word start only the phrases
 * that can begin there are tried. Before this index every phrase was tried
 * at every word start (and the quotations of every block were found before
 * any phrase matched): 8% of a whole run on the bench corpus. */
typedef struct {
    uint16_t first[256]; /* first entry index + 1 for a byte, 0: none */
    uint16_t *next;      /* next[k]: the following entry with that byte + 1 */
} phrase_index;

static void index_build(phrase_index *x, const config *c)
{
    memset(x->first, 0, sizeof x->first);
    x->next = xcalloc(c->nphrases ? c->nphrases : 1, sizeof *x->next);
    uint16_t last[256] = {0};
    for (size_t k = 0; k < c->nphrases && k < UINT16_MAX; k++) {
        unsigned char b = (unsigned char)(c->phrases[k].phrase[0] | 0x20);
        if (last[b])
            x->next[last[b] - 1] = (uint16_t)(k + 1);
        else
            x->first[b] = (uint16_t)(k + 1);
        last[b] = (uint16_t)(k + 1);
    }
}

static void check_block(const civ_doc *doc, const civ_ctx *ctx, civ_sink *sink, const config *c,
                        const phrase_index *x, const civ_block *b, const civ_block *next, long today,
                        const char *dated)
{
    civ_quotes q;
    bool have_quotes = false;
    civ_sentence *sent = NULL; /* split at the first hit */
    size_t nsent = 0;
    const char *s = b->text;
    size_t n = b->text_len;
    bool after_word = false; /* is the character before i a word character? */
    for (size_t i = 0; i < n;) {
        size_t len = 0;
        const entry *hit = NULL;
        if (!after_word)
            for (uint16_t k = x->first[(unsigned char)(s[i] | 0x20)]; k && !len; k = x->next[k - 1])
                if ((len = match_at(s, n, i, c->phrases[k - 1].phrase)))
                    hit = &c->phrases[k - 1];
        if (!hit) {
            after_word = word_char_at(s, n, i);
            i++;
            while (i < n && civ_utf8_is_cont((unsigned char)s[i]))
                i++;
            continue;
        }
        if (!have_quotes) {
            civ_quotes_find(doc, b, ctx->rules, &q);
            have_quotes = true;
        }
        size_t w0, w1;
        prev_word(s, i, &w0, &w1);
        size_t n0, n1;
        next_word(s, n, i + len, &n0, &n1);
        bool skip = (w1 > w0 && word_in(&c->skip_after, s + w0, w1 - w0)) ||
                    (n1 > n0 && word_in(&hit->not_before, s + n0, n1 - n0)) ||
                    civ_quotes_overlaps(&q, i, i + len);
        skip |= hit->anchored; /* the post's own time, and the post is dated */
        if (!skip && !sent)
            sent = civ_sentences_split(s, n, &nsent);
        skip = skip || (nsent && placed(c, b, next, sent, nsent, i, i + len));
        if (!skip)
            report(doc, sink, c, b, hit, i, i + len, today, dated);
        i += len;
        after_word = word_char_before(s, i);
    }
    if (have_quotes)
        civ_quotes_release(&q);
    free(sent);
}

/* "14 March 2026 (front matter 'date')": the date and where it came from,
 * so an editor can tell a wrong date from a wrong phrase. Heap. */
static char *dated_as(const config *c, const civ_postdate *pd, long day)
{
    entry self = {.unit = CIV_SHIFT_DAYS, .n = 0};
    char *d = expand(c, &self, "{date}", day);
    char *r = pd->source == CIV_DATE_FILE_NAME ? xasprintf("%s (from its file name)", d)
              : pd->header                    ? xasprintf("%s (metadata header '%s')", d, pd->key)
                                              : xasprintf("%s (front matter '%s')", d, pd->key);
    free(d);
    return r;
}

void civ_check_relative_date(const civ_doc *doc, const civ_ctx *ctx, civ_sink *sink)
{
    civ_postdate pd;
    if (!civ_post_date(doc->src, doc->fm, &pd))
        return;
    long today = days_from_civil(pd.year, pd.month, pd.day);
    const config *c = civ_rules_reldates(ctx->rules);
    if (!c || !c->nphrases)
        return;
    char *dated = dated_as(c, &pd, today);
    phrase_index x;
    index_build(&x, c);
    for (size_t i = 0; i < doc->nblocks; i++)
        if (civ_block_is_prose(&doc->blocks[i]))
            check_block(doc, ctx, sink, c, &x, &doc->blocks[i], i + 1 < doc->nblocks ? &doc->blocks[i + 1] : NULL,
                        today, dated);
    free(x.next);
    free(dated);
}
