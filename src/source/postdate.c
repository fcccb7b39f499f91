/* postdate.c - see postdate.h. */
#include "source/postdate.h"

#include <string.h>
#include <strings.h>

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

bool civ_date_parse(const char *s, bool prefix, long *y, unsigned *m, unsigned *d)
{
    if (!s || strlen(s) < 10 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' ||
        !digits(s + 8, 2))
        return false;
    char c = s[10];
    if (prefix ? !(c == '-' || c == '_' || c == '.' || c == '\0') : !(c == '\0' || c == 'T' || c == 't' || c == ' '))
        return false;
    long yy = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    unsigned mm = (unsigned)((s[5] - '0') * 10 + (s[6] - '0'));
    unsigned dd = (unsigned)((s[8] - '0') * 10 + (s[9] - '0'));
    static const unsigned dm[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (yy % 4 == 0 && yy % 100 != 0) || yy % 400 == 0;
    if (yy < 1000 || mm < 1 || mm > 12 || dd < 1 || dd > dm[mm - 1] || (mm == 2 && dd == 29 && !leap))
        return false;
    *y = yy;
    *m = mm;
    *d = dd;
    return true;
}

/* The file name, or the folder's name for a page bundle (index.md,
 * _index.md, README.md), as [*a, *e) of path. */
static void dated_name(const char *path, const char **a, const char **e)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    *a = base;
    *e = base + strlen(base);
    bool bundle = strncasecmp(base, "index.", 6) == 0 || strncasecmp(base, "_index.", 7) == 0 ||
                  strncasecmp(base, "readme.", 7) == 0;
    if (!bundle || !slash || slash == path)
        return;
    const char *p = slash;
    while (p > path && p[-1] != '/')
        p--;
    *a = p;
    *e = slash;
}

bool civ_post_date(const civ_source *src, const civ_frontmatter *fm, civ_postdate *out)
{
    memset(out, 0, sizeof *out);
    if (fm && fm->date && civ_date_parse(fm->date, false, &out->year, &out->month, &out->day)) {
        out->source = CIV_DATE_METADATA;
        out->key = fm->date_key ? fm->date_key : "date";
        out->header = fm->format == CIV_FM_HEADERS;
        return true;
    }
    if (src && src->name) {
        const char *a, *e;
        dated_name(src->name, &a, &e);
        char buf[16];
        size_t n = (size_t)(e - a) < sizeof buf - 1 ? (size_t)(e - a) : sizeof buf - 1;
        memcpy(buf, a, n);
        buf[n] = '\0';
        if (n >= 10 && civ_date_parse(buf, true, &out->year, &out->month, &out->day)) {
            out->source = CIV_DATE_FILE_NAME;
            return true;
        }
    }
    return false;
}
