/* sentence.c - see sentence.h.
 *
 * Abbreviations come in three classes:
 *   - never final: titles and Latin forms that always have something after
 *     them (Dr., Mr., Prof., Gen., St., e.g., i.e., cf., vs.);
 *   - final unless a number follows: Jan., No., Art., p., vol. ("Jan. 5",
 *     "No. 3"), so "in Jan. The" still splits;
 *   - dotted acronyms (U.S., U.K., E.U.) and single initials (J.): they end a
 *     sentence only when the next word is a common sentence opener (The,
 *     This, However, ...), because "the U.S. Congress" is far more common
 *     than "the U.S. Congress was" ending a sentence at "U.S.".
 * The lists are language data, but they are part of the tokeniser's
 * definition rather than house style, so they live here. */
#include "text/sentence.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/utf8.h"
#include "base/util.h"

static const char *const never_final[] = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Gen", "Col", "Lt", "Sgt", "Capt", "Maj", "Adm",
    "Sen", "Rep", "Gov", "Pres", "Amb", "Rev", "Hon", "Messrs", "Mme", "Mt", "Ft",
    "e.g", "i.e", "cf", "vs", "viz", "approx", "ca", "al", "Jr", "Sr", NULL,
};

static const char *const final_unless_number[] = {
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "No", "Nos", "Art", "Arts", "Sec", "Fig", "Figs", "p", "pp", "vol", "Vol", "ch", "Ch",
    "para", "op", "nr", NULL,
};

static const char *const openers[] = {
    "The", "This", "That", "These", "Those", "It", "Its", "In", "On", "At", "By", "For",
    "But", "And", "Yet", "So", "A", "An", "He", "She", "They", "We", "I", "There", "Then",
    "However", "Meanwhile", "Moreover", "Still", "As", "Since", "When", "While", "After",
    "Before", "If", "Although", "Such", "Some", "Many", "Most", "Our", "Their", "His", "Her",
    NULL,
};

static bool in_list(const char *const *list, const char *s, size_t n)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && memcmp(list[i], s, n) == 0)
            return true;
    return false;
}

static uint32_t cp_at(const char *t, size_t len, size_t i, size_t *adv)
{
    uint32_t cp = 0;
    size_t k = civ_utf8_decode((const unsigned char *)t + i, len - i, &cp);
    *adv = k ? k : 1;
    return cp;
}

static bool is_space_cp(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F ||
           (c >= 0x2000 && c <= 0x200A);
}

/* Closing quotes, brackets and the U+FFFC placeholder (footnote refs). */
static bool is_closer(uint32_t c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == 0x2019 ||
           c == 0x201D || c == 0xBB || c == 0x203A || c == 0xFFFC;
}

static bool is_lower_cp(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
           (c >= 0x430 && c <= 0x45F) || (c >= 0x3B1 && c <= 0x3C9) ||
           (c >= 0x100 && c <= 0x17F && (c & 1));
}

static bool is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c >= 0x80;
}

/* Start of the word before the full stop at `dot`: letters, digits, inner
 * dots (U.S) and any non-ASCII byte, back to white space or punctuation. */
static size_t word_start(const char *t, size_t dot)
{
    size_t a = dot;
    while (a > 0 && is_word_byte((unsigned char)t[a - 1]))
        a--;
    return a;
}

/* U.S, U.K, E.U, U.S.S.R: letters with a dot after each one or two. */
static bool is_dotted_acronym(const char *w, size_t n)
{
    size_t seg = 0, dots = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i] == '.') {
            if (seg == 0 || seg > 2)
                return false;
            seg = 0;
            dots++;
        } else if ((w[i] >= 'A' && w[i] <= 'Z') || (w[i] >= 'a' && w[i] <= 'z')) {
            seg++;
        } else {
            return false;
        }
    }
    return dots > 0 && seg >= 1 && seg <= 2;
}

/* Decides whether the full stop at t[dot] (a single '.') ends a sentence,
 * given the start of the next word at `next`. */
static bool stop_is_final(const char *t, size_t len, size_t dot, size_t next)
{
    size_t a = word_start(t, dot);
    const char *w = t + a;
    size_t wn = dot - a;
    if (wn == 0)
        return true;
    if (in_list(never_final, w, wn))
        return false;
    bool next_digit = next < len && t[next] >= '0' && t[next] <= '9';
    if (in_list(final_unless_number, w, wn))
        return !next_digit;
    bool initial = wn == 1 && w[0] >= 'A' && w[0] <= 'Z';
    bool dotted = is_dotted_acronym(w, wn); /* U.S, U.K, E.U */
    if (initial || dotted) {
        size_t e = next;
        while (e < len && ((t[e] >= 'a' && t[e] <= 'z') || (t[e] >= 'A' && t[e] <= 'Z')))
            e++;
        return in_list(openers, t + next, e - next);
    }
    return true;
}

civ_sentence *civ_sentences_split(const char *t, size_t len, size_t *n)
{
    civ_sentence *out = NULL;
    size_t cap = 0;
    *n = 0;
    size_t start = 0, i = 0;
    while (i < len) {
        size_t adv;
        uint32_t c = cp_at(t, len, i, &adv);
        bool term = c == '.' || c == '!' || c == '?' || c == 0x2026;
        if (!term) {
            i += adv;
            continue;
        }
        size_t p0 = i; /* first terminal character */
        size_t run = 0; /* count of terminal characters */
        bool single_dot = true;
        while (i < len) {
            uint32_t d = cp_at(t, len, i, &adv);
            if (d != '.' && d != '!' && d != '?' && d != 0x2026)
                break;
            if (d != '.' || run > 0)
                single_dot = false;
            run++;
            i += adv;
        }
        size_t end = i;
        while (i < len) {
            uint32_t d = cp_at(t, len, i, &adv);
            if (!is_closer(d))
                break;
            i += adv;
            end = i;
        }
        if (i < len) {
            uint32_t d = cp_at(t, len, i, &adv);
            if (!is_space_cp(d))
                continue; /* 13.5, U.S, example.org */
        }
        size_t next = i;
        while (next < len) {
            uint32_t d = cp_at(t, len, next, &adv);
            if (!is_space_cp(d))
                break;
            next += adv;
        }
        if (next < len) {
            uint32_t d = cp_at(t, len, next, &adv);
            if (is_lower_cp(d))
                continue; /* "e.g. the", "Why? he asked", "... and" */
            if (single_dot && !stop_is_final(t, len, p0, next))
                continue;
        }
        civ_sentence *s = CIV_PUSH(out, *n, cap);
        s->t0 = start;
        s->t1 = end;
        start = next;
        i = next;
    }
    if (start < len) {
        civ_sentence *s = CIV_PUSH(out, *n, cap);
        s->t0 = start;
        s->t1 = len;
    }
    /* trim white space at both ends; drop empty sentences */
    size_t w = 0;
    for (size_t k = 0; k < *n; k++) {
        civ_sentence s = out[k];
        size_t adv;
        while (s.t0 < s.t1 && is_space_cp(cp_at(t, len, s.t0, &adv)))
            s.t0 += adv;
        while (s.t1 > s.t0) {
            size_t b = s.t1 - 1;
            while (b > s.t0 && civ_utf8_is_cont((unsigned char)t[b]))
                b--;
            if (!is_space_cp(cp_at(t, len, b, &adv)))
                break;
            s.t1 = b;
        }
        if (s.t1 > s.t0)
            out[w++] = s;
    }
    *n = w;
    if (!w) {
        free(out);
        return NULL;
    }
    return out;
}

size_t civ_sentence_index(const civ_sentence *s, size_t n, size_t t)
{
    size_t k = 0;
    while (k + 1 < n && s[k + 1].t0 <= t)
        k++;
    return k;
}
