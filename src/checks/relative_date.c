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
 *     signing").
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
                        const phrase_index *x, const civ_block *b, long today, const char *dated)
{
    civ_quotes q;
    bool have_quotes = false;
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
        if (!skip)
            report(doc, sink, c, b, hit, i, i + len, today, dated);
        i += len;
        after_word = word_char_before(s, i);
    }
    if (have_quotes)
        civ_quotes_release(&q);
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
            check_block(doc, ctx, sink, c, &x, &doc->blocks[i], today, dated);
    free(x.next);
    free(dated);
}
