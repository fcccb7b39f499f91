/* accidental_code_block.c - `accidental-code-block`: prose that Markdown
 * turned into a code block.
 *
 * Editorial rule: text pasted from a CMS or an e-mail often arrives indented
 * by four spaces, and CommonMark makes the whole paragraph an indented code
 * block: the post then shows prose in a monospace box, unwrapped. Fenced
 * blocks (```) are always deliberate and never reported.
 *
 * A finding is an indented code block whose content reads as prose:
 *   - no code-like token anywhere: the `code-token` pattern of
 *     rules/editorial.yml (braces, ';' at a line end, '=', 'name(' and
 *     '()', leading '$' '>' '#' prompts, paths, flags, operators, tags,
 *     snake_case, line-start keywords of C/Python/SQL, YAML and JSON keys,
 *     diff lines, log timestamps and levels, IP addresses);
 *   - at least six tokens, three quarters of them words (letters, with
 *     apostrophes, hyphens and inner dots; numbers and dashes are neutral);
 *   - English function words (the `prose-word` pattern): at least two, and
 *     at least one per ten words;
 *   - a sentence end ('.', '!' or '?' after a word, or a colon ending the
 *     block) or at least 15 words;
 *   - fewer than half of the words in capitals (log output shouts).
 * The span is the first line of the block (its text, without the indent).
 *
 * Fix-it: one fix over the whole block (first line start to last line end)
 * whose replacement is the block's source lines with up to four columns of
 * indentation removed, line endings kept - so `--fix` makes it a paragraph.
 * No fix inside block quotes, lists and footnotes: there the indentation
 * sits after a container prefix, and removing it could move the text out of
 * its container; the finding is still reported.
 *
 * False-positive trade-offs: the test is deliberately strict (one code
 * token vetoes), so a prose block that mentions a path or an '=' is not
 * reported - a missed finding costs less than an editor "fixing" a real
 * code sample. A short indented line of words without a full stop (a poem
 * line, a slogan) is below the thresholds and not reported. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "base/utf8.h"

typedef struct {
    size_t tokens, words, caps, sentences;
} prose_stats;

static bool is_open_punct(uint32_t cp)
{
    return cp == '(' || cp == '[' || cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x2018 ||
           cp == 0x00AB || cp == 0x201E;
}

static bool is_close_punct(uint32_t cp)
{
    return cp == ')' || cp == ']' || cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 ||
           cp == 0x00BB || cp == ',' || cp == ';' || cp == ':' || cp == '.' || cp == '!' ||
           cp == '?' || cp == 0x2026;
}

static bool is_dash(uint32_t cp)
{
    return cp == '-' || cp == 0x2013 || cp == 0x2014;
}

static uint32_t decode(const char *s, size_t n, size_t *len)
{
    uint32_t cp;
    *len = civ_utf8_decode((const unsigned char *)s, n, &cp);
    if (!*len)
        *len = 1;
    return cp;
}

/* Classifies one whitespace-separated token and updates the counts. */
static void add_token(const char *t, size_t n, prose_stats *st)
{
    size_t a = 0, e = n, l;
    while (a < e && is_open_punct(decode(t + a, e - a, &l)))
        a += l;
    bool sentence_end = false;
    while (e > a) {
        size_t k = e - 1;
        while (k > a && civ_utf8_is_cont((unsigned char)t[k]))
            k--;
        uint32_t cp = decode(t + k, e - k, &l);
        if (!is_close_punct(cp))
            break;
        if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026)
            sentence_end = true;
        e = k;
    }
    if (a == e)
        return; /* punctuation only: neutral */
    size_t letters = 0, upper = 0, digits = 0, other = 0;
    for (size_t i = a; i < e; i += l) {
        uint32_t cp = decode(t + i, e - i, &l);
        if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
            letters++;
            upper += cp <= 'Z';
        } else if (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && !(cp >= 0x2000 && cp <= 0x2BFF)) {
            letters++;
        } else if (cp >= '0' && cp <= '9') {
            digits++;
        } else if (!(cp == '\'' || cp == 0x2019 || is_dash(cp) || cp == '.' || cp == '&' ||
                     cp == '/' || cp == ',' || cp == '%' || cp == '$')) {
            other++;
        }
    }
    if (!letters && !other)
        return; /* a number or a dash: neutral */
    st->tokens++;
    if (letters && !other) {
        st->words++;
        if (upper == letters && letters >= 2)
            st->caps++;
        if (sentence_end)
            st->sentences++;
    }
}

static size_t count_matches(const civ_pattern *p, const char *s, size_t n)
{
    size_t count = 0, from = 0, ov[2];
    while (from < n && civ_pattern_find(p, s, n, from, ov, 1) == CIV_MATCH_OK) {
        count++;
        from = ov[1] > from ? ov[1] : from + 1;
    }
    return count;
}

/* Whether the literal content of an indented code block reads as prose. */
static bool reads_as_prose(const civ_ctx *ctx, const char *s, size_t n)
{
    const civ_pattern *code = civ_rules_def(ctx->rules, "code-token");
    const civ_pattern *fw = civ_rules_def(ctx->rules, "prose-word");
    if (!code || !fw)
        return false; /* without its data the check stays silent */
    size_t ov[2];
    if (civ_pattern_find(code, s, n, 0, ov, 1) != CIV_MATCH_NONE)
        return false; /* a code token, or a pattern that hit its limit */
    prose_stats st = {0, 0, 0, 0};
    for (size_t i = 0; i < n;) {
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
            i++;
        size_t j = i;
        while (j < n && !(s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r'))
            j++;
        if (j > i)
            add_token(s + i, j - i, &st);
        i = j;
    }
    /* A lead-in sentence ends with a colon ("three patterns:"). */
    size_t e = n;
    while (e > 0 && (s[e - 1] == '\n' || s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r'))
        e--;
    if (e > 0 && s[e - 1] == ':')
        st.sentences++;
    size_t function_words = count_matches(fw, s, n);
    return st.tokens >= 6 && st.words * 4 >= st.tokens * 3 && function_words >= 2 &&
           function_words * 10 >= st.words && (st.sentences >= 1 || st.words >= 15) &&
           st.caps * 2 < st.words;
}

/* The block's source lines with up to four columns of indentation removed
 * from each, line endings kept. [*a, *e) is the range it replaces. */
static char *dedent(const civ_source *src, const civ_block *b, size_t *a, size_t *e)
{
    size_t first = civ_source_line_of(src, b->start) + 1;
    size_t last = civ_source_line_of(src, b->end > b->start ? b->end - 1 : b->start) + 1;
    size_t ls, le;
    civ_source_line(src, first, a, &le);
    civ_source_line(src, last, &ls, e);
    civ_buf out;
    civ_buf_init(&out);
    for (size_t ln = first; ln <= last; ln++) {
        civ_source_line(src, ln, &ls, &le);
        size_t col = 0, i = ls;
        while (i < le && col < 4 && (src->data[i] == ' ' || src->data[i] == '\t')) {
            col = src->data[i] == '\t' ? (col / 4 + 1) * 4 : col + 1;
            i++;
        }
        civ_buf_add(&out, src->data + i, le - i);
        if (ln < last) {
            size_t next, ne;
            civ_source_line(src, ln + 1, &next, &ne);
            civ_buf_add(&out, src->data + le, next - le); /* the line ending */
        }
    }
    return civ_buf_detach(&out);
}

void civ_check_accidental_code_block(const civ_doc *doc, const civ_ctx *ctx, civ_sink *sink)
{
    const civ_source *src = doc->src;
    for (size_t i = 0; i < doc->nblocks; i++) {
        const civ_block *b = &doc->blocks[i];
        if (b->kind != CIV_BLOCK_CODE || (b->flags & CIV_FENCED))
            continue;
        if (!reads_as_prose(ctx, b->text, b->text_len))
            continue;
        size_t ls, le;
        civ_source_line(src, civ_source_line_of(src, b->start) + 1, &ls, &le);
        /* The first line's text: cmark's start is after four columns of
         * indentation, so deeper indentation is skipped here. */
        size_t s0 = b->start, s1 = le;
        while (s0 < le && (src->data[s0] == ' ' || src->data[s0] == '\t'))
            s0++;
        while (s1 > s0 && (src->data[s1 - 1] == ' ' || src->data[s1 - 1] == '\t'))
            s1--;
        civ_diag *d = civ_report(sink, s0, s1,
                                 "indented text is shown as a code block, not as a paragraph");
        if (b->flags & (CIV_IN_QUOTE | CIV_IN_LIST | CIV_IN_FOOTNOTE)) {
            civ_diag_note(d, "remove the indentation after the container's marker to make it a paragraph");
            continue;
        }
        size_t a, e;
        char *rep = dedent(src, b, &a, &e);
        civ_diag_fix(d, a, e, rep);
        free(rep);
        civ_diag_note(d, "remove the four-space indentation, or fence the block with ``` if it is meant as code");
    }
}
