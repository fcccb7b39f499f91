/* unicode.c - see unicode.h. ASCII is answered without a table lookup
 * because it is nearly all of the text civlint reads. */
#include "unicode.h"

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
