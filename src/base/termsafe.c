/* termsafe.c - see termsafe.h. */
#include "base/termsafe.h"

#include <string.h>

#include "base/utf8.h"

bool civ_term_unsafe(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

void civ_term_write(FILE *fp, const char *s, size_t n, bool keep_newlines)
{
    size_t i = 0, run = 0; /* run: safe bytes before i not yet written */
    while (i < n) {
        uint32_t cp;
        size_t l = civ_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        bool bad = !l;
        if (!bad && (!civ_term_unsafe(cp) || cp == '\t' || (cp == '\n' && keep_newlines))) {
            run += l;
            i += l;
            continue;
        }
        fwrite(s + i - run, 1, run, fp);
        run = 0;
        if (bad)
            fprintf(fp, "\\x%02X", (unsigned char)s[i]), l = 1;
        else
            fprintf(fp, cp < 0x100 ? "\\x%02X" : "\\u{%04X}", (unsigned)cp);
        i += l;
    }
    fwrite(s + n - run, 1, run, fp);
}

void civ_term_puts(FILE *fp, const char *s, bool keep_newlines)
{
    civ_term_write(fp, s, strlen(s), keep_newlines);
}
