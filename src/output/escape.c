/* escape.c - see escape.h. One decoder loop, several encodings of the
 * characters that matter to each target. Which code points are unsafe is
 * base/termsafe.h's one list; text for a terminal is written there too. */
#include "output/escape.h"

#include <string.h>
#include <strings.h>

#include "base/termsafe.h"
#include "base/utf8.h"
#include "base/work.h"

bool civ_cp_unsafe(uint32_t cp)
{
    return cp != '\t' && civ_term_unsafe(cp);
}

/* Decodes the code point at s[*i] and advances *i past it; an invalid
 * byte reads as U+FFFD and advances by one. */
static uint32_t next_cp(const char *s, size_t n, size_t *i)
{
    uint32_t cp;
    size_t len = civ_utf8_decode((const unsigned char *)s + *i, n - *i, &cp);
    if (!len)
        len = 1, cp = 0xFFFD;
    *i += len;
    return cp;
}

static void put_cp(FILE *fp, uint32_t cp)
{
    char b[4];
    fwrite(b, 1, civ_utf8_encode(cp, b), fp);
}

static void markup_escape(FILE *fp, const char *s, size_t n, bool html)
{
    uint32_t prev2 = 0, prev = 0;
    CIV_WORK(n);
    for (size_t i = 0; i < n;) {
        uint32_t cp = next_cp(s, n, &i);
        bool forged = cp == '[' && prev == '#' && prev2 == '#';
        prev2 = prev;
        prev = cp;
        if (forged) { /* "##[": a workflow command if the file reaches a CI log */
            fputs("&#91;", fp);
            continue;
        }
        switch (cp) {
        case '&': fputs("&amp;", fp); break;
        case '<': fputs("&lt;", fp); break;
        case '>': fputs("&gt;", fp); break;
        case '"': fputs("&quot;", fp); break;
        case '\'': fputs("&#39;", fp); break;
        case '\n': fputs("&#10;", fp); break;
        case '\r': fputs("&#13;", fp); break;
        case '\t': fputs("&#9;", fp); break;
        default:
            if (civ_cp_unsafe(cp)) {
                if (html)
                    fprintf(fp, "<span class=\"ctl\">\\u{%04X}</span>", (unsigned)cp);
                else
                    fputs("\xEF\xBF\xBD", fp);
            } else if (cp == 0xFFFD) {
                fputs("\xEF\xBF\xBD", fp);
            } else {
                put_cp(fp, cp);
            }
        }
    }
}

void civ_xml_escape(FILE *fp, const char *s, size_t n)
{
    markup_escape(fp, s, n, false);
}

void civ_html_escape(FILE *fp, const char *s, size_t n)
{
    markup_escape(fp, s, n, true);
}

/* GH_LOG: a plain log line's start (':' too); GH_LOG_TEXT: the rest of it */
enum { GH_DATA, GH_PROPERTY, GH_LOG, GH_LOG_TEXT };

static void gh_escape(FILE *fp, const char *s, size_t n, int mode)
{
    uint32_t prev2 = 0, prev = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp = next_cp(s, n, &i);
        if (cp == '%')
            fputs("%25", fp);
        else if (cp == '\r')
            fputs("%0D", fp);
        else if (cp == '\n')
            fputs("%0A", fp);
        else if ((mode == GH_PROPERTY || mode == GH_LOG) && cp == ':')
            fputs("%3A", fp);
        else if (mode == GH_PROPERTY && cp == ',')
            fputs("%2C", fp);
        else if (mode >= GH_LOG && cp == '[' && prev == '#' && prev2 == '#')
            fputs("%5B", fp);
        else if (civ_cp_unsafe(cp))
            fputs("\xEF\xBF\xBD", fp);
        else
            put_cp(fp, cp);
        prev2 = prev;
        prev = cp;
    }
}

void civ_gh_escape_data(FILE *fp, const char *s, size_t n)
{
    gh_escape(fp, s, n, GH_DATA);
}

void civ_gh_escape_property(FILE *fp, const char *s, size_t n)
{
    gh_escape(fp, s, n, GH_PROPERTY);
}

void civ_gh_escape_log(FILE *fp, const char *s, size_t n, bool line_start)
{
    gh_escape(fp, s, n, line_start ? GH_LOG : GH_LOG_TEXT);
}

void civ_uri_path(FILE *fp, const char *path)
{
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    if (path[0] == '/')
        fputs("file://", fp);
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
            c == '.' || c == '_' || c == '~' || c == '/')
            fputc(c, fp);
        else
            fprintf(fp, "%%%02X", c);
    }
}

void civ_md_cell(FILE *fp, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp = next_cp(s, n, &i);
        if (cp == '&')
            fputs("&amp;", fp);
        else if (cp == '<')
            fputs("&lt;", fp);
        else if (cp == '>')
            fputs("&gt;", fp);
        else if (cp && strchr("|\\`*_[]#~", (int)cp))
            fprintf(fp, "\\%c", (char)cp);
        else if (cp == '\n' || cp == '\r' || civ_cp_unsafe(cp))
            fputs("\xEF\xBF\xBD", fp);
        else
            put_cp(fp, cp);
    }
}

/* ---- links to the posts (--link-base) ------------------------------------ */

/* Characters RFC 3986 allows nowhere in a URI (controls, space, " < > \ ^
 * ` { | }); non-ASCII bytes pass (an IRI's), the browser encodes them. */
static bool uri_forbidden(unsigned char c)
{
    return c <= 0x20 || c == 0x7F || strchr("\"<>\\^`{|}", c);
}

static bool has_forbidden(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (uri_forbidden(*p))
            return true;
    return false;
}

bool civ_http_uri(const char *s)
{
    size_t k = strncasecmp(s, "https://", 8) == 0 ? 8 : strncasecmp(s, "http://", 7) == 0 ? 7 : 0;
    /* a host: something before the path, query or fragment */
    return k && s[k] && !strchr("/?#", s[k]) && !has_forbidden(s);
}

const char *civ_link_base_check(const char *s)
{
    if (!*s)
        return "it is empty";
    if (has_forbidden(s))
        return "it holds a space, a control character or one of \" < > \\ ^ ` { | }";
    size_t scheme = strcspn(s, ":/?#");
    if (s[scheme] == ':') /* "javascript:", "data:", "file:", "mailto:" ... */
        return civ_http_uri(s) ? NULL : "only http:// and https:// URLs (with a host) are links";
    if (s[0] == '/' && s[1] == '/')
        return "a link to another host needs its scheme (https://)";
    return NULL;
}

void civ_link_href(FILE *fp, const char *base, const char *path, size_t line)
{
    civ_html_escape(fp, base, strlen(base));
    while ((path[0] == '.' && path[1] == '/') || path[0] == '/')
        path += path[0] == '/' ? 1 : 2;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
            c == '.' || c == '_' || c == '~' || c == '/')
            fputc(c, fp);
        else
            fprintf(fp, "%%%02X", c);
    }
    if (line)
        fprintf(fp, "#L%zu", line);
}
