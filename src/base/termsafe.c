/* termsafe.c - see termsafe.h. Writing and measuring are one walk over the
 * text (walk() with or without a FILE), so the width of a text is by
 * construction the width of what is printed. */
#include "base/termsafe.h"

#include <string.h>

#include "base/utf8.h"
#include "base/work.h"

bool civ_term_unsafe(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C || cp == 0xFFFE ||
           cp == 0xFFFF;
}

/* Display width of a printable code point: 0 for combining marks and
 * zero-width characters, 2 for East Asian wide characters and emoji, 1
 * otherwise. An approximation of wcwidth() that does not depend on the
 * user's locale. */
static size_t cp_width(uint32_t cp)
{
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
        (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF)
        return 0;
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF) ||
        (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

static void out(FILE *fp, const char *s, size_t n)
{
    if (fp && n)
        fwrite(s, 1, n, fp);
}

/* Writes the stand-in for the unsafe code point cp (len > 0) or the
 * invalid byte c (len == 0) and returns its width. */
static size_t stand_in(FILE *fp, uint32_t cp, size_t len, unsigned char c, unsigned flags)
{
    if (flags & CIV_TERM_REPLACE) {
        out(fp, "\xEF\xBF\xBD", 3);
        return 1;
    }
    char e[16];
    int k = !len || cp < 0x100 ? snprintf(e, sizeof e, "\\x%02X", len ? (unsigned)cp : c)
                               : snprintf(e, sizeof e, "\\u{%04X}", (unsigned)cp);
    out(fp, e, (size_t)k);
    return (size_t)k;
}

/* White space .NET's TrimStart skips (GitHub's runner trims a line with
 * it before looking for "::"): ASCII blanks and the Unicode spaces. */
static bool runner_blank(uint32_t cp)
{
    return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000;
}

/* True when the byte at s[i] would let a CI log reader take the line for a
 * GitHub workflow command: the '[' of "##[" anywhere (the runner's old
 * syntax), or the first ':' of "::" that begins a line after blanks. */
static bool forges_command(const char *s, size_t n, size_t i, bool bol)
{
    if (s[i] == '[')
        return i >= 2 && s[i - 1] == '#' && s[i - 2] == '#';
    return bol && s[i] == ':' && i + 1 < n && s[i + 1] == ':';
}

/* Walks s[0..n) as civ_term_put describes, writing to fp unless it is
 * NULL; returns the columns since the last newline. Safe bytes go out in
 * runs: a write per character was 3% of a whole run on the bench corpus. */
static size_t walk(FILE *fp, const char *s, size_t n, unsigned flags)
{
    size_t col = 0, i = 0, run = 0; /* run: first byte not yet written */
    bool bol = flags & CIV_TERM_LINE_START; /* only blanks since a line began */
    CIV_WORK(n);
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F && !((c == '[' || c == ':') && forges_command(s, n, i, bol))) {
            bol = bol && c == ' ';
            col++;
            i++;
            continue;
        }
        uint32_t cp;
        size_t l = civ_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (l && c >= 0x80 && !civ_term_unsafe(cp)) {
            bol = bol && runner_blank(cp);
            col += cp_width(cp);
            i += l;
            continue;
        }
        if (l && cp == '\n' && (flags & CIV_TERM_NEWLINES)) {
            bol = true; /* a new line of the output */
            col = 0;
            i++;
            continue;
        }
        if (l && cp == '\t' && (flags & (CIV_TERM_TABS | CIV_TERM_EXPAND_TABS))) {
            size_t to = CIV_TERM_TABSTOP - col % CIV_TERM_TABSTOP;
            col += to;
            i++;
            if (flags & CIV_TERM_EXPAND_TABS) {
                out(fp, s + run, i - 1 - run);
                out(fp, "        ", to);
                run = i;
            }
            continue;
        }
        bol = false; /* an escape is no blank */
        out(fp, s + run, i - run);
        col += stand_in(fp, cp, l, c, flags);
        i += l ? l : 1;
        run = i;
    }
    out(fp, s + run, n - run);
    return col;
}

size_t civ_term_put(FILE *fp, const char *s, size_t n, unsigned flags)
{
    return walk(fp, s, n, flags);
}

size_t civ_term_width(const char *s, size_t n, unsigned flags)
{
    return walk(NULL, s, n, flags);
}

void civ_term_write(FILE *fp, const char *s, size_t n, bool keep_newlines)
{
    walk(fp, s, n, keep_newlines ? CIV_TERM_NEWLINES : 0);
}

void civ_term_puts(FILE *fp, const char *s, bool keep_newlines)
{
    civ_term_write(fp, s, strlen(s), keep_newlines);
}
