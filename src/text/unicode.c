/* unicode.c - see unicode.h. ASCII is answered without a table lookup
 * because it is nearly all of the text civlint reads. */
#include "text/unicode.h"

static bool in_table(const civ_uni_range *t, size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < t[mid].lo)
            hi = mid;
        else if (cp > t[mid].hi)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

bool civ_uni_is_letter(uint32_t cp)
{
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    size_t n;
    const civ_uni_range *t = civ_uni_letter_table(&n);
    return in_table(t, n, cp);
}

bool civ_uni_is_mark(uint32_t cp)
{
    if (cp < 0x300)
        return false;
    size_t n;
    const civ_uni_range *t = civ_uni_mark_table(&n);
    return in_table(t, n, cp);
}

civ_script civ_uni_script(uint32_t cp)
{
    if (!civ_uni_is_letter(cp))
        return CIV_SCRIPT_OTHER;
    if (cp < 0x250 || (cp >= 0x1D00 && cp <= 0x1D7F) || (cp >= 0x1E00 && cp <= 0x1EFF) ||
        (cp >= 0x2C60 && cp <= 0x2C7F) || (cp >= 0xA720 && cp <= 0xA7FF) ||
        (cp >= 0xAB30 && cp <= 0xAB6F) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
        (cp >= 0xFF41 && cp <= 0xFF5A) || (cp >= 0x250 && cp <= 0x2AF))
        return cp == 0xAA || cp == 0xBA || cp == 0xB5 ? CIV_SCRIPT_OTHER : CIV_SCRIPT_LATIN;
    if ((cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x1F00 && cp <= 0x1FFF))
        return CIV_SCRIPT_GREEK;
    if ((cp >= 0x400 && cp <= 0x52F) || (cp >= 0x1C80 && cp <= 0x1C8F) ||
        (cp >= 0x2DE0 && cp <= 0x2DFF) || (cp >= 0xA640 && cp <= 0xA69F))
        return CIV_SCRIPT_CYRILLIC;
    return CIV_SCRIPT_OTHER;
}

const char *civ_script_name(civ_script s)
{
    switch (s) {
    case CIV_SCRIPT_LATIN:
        return "Latin";
    case CIV_SCRIPT_GREEK:
        return "Greek";
    case CIV_SCRIPT_CYRILLIC:
        return "Cyrillic";
    default:
        return "other";
    }
}

/* False when text[0..len) cannot hold a letter outside the Latin script
 * (civ_uni_script), judged from the UTF-8 lead bytes alone:
 * ASCII, Latin-1 and Latin Extended (U+0080-U+027F, but for the letters
 * U+00AA, U+00B5 and U+00BA), general punctuation (U+2000-U+203F: dashes,
 * curly quotes) and the U+FFFC placeholder hold none. Conservative:
 * true for anything else (tested over every code point). */
bool civ_uni_may_hold_nonlatin(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        if (c < 0xC2)
            continue; /* ASCII and continuation bytes */
        if (c == 0xC2) {
            if (i + 1 < len && (s[i + 1] == 0xAA || s[i + 1] == 0xB5 || s[i + 1] == 0xBA))
                return true;
        } else if (c == 0xE2) {
            if (!(i + 1 < len && s[i + 1] == 0x80))
                return true;
        } else if (c == 0xEF) {
            if (!(i + 2 < len && s[i + 1] == 0xBF && s[i + 2] == 0xBC))
                return true;
        } else if (c >= 0xCA) {
            return true;
        }
    }
    return false;
}

