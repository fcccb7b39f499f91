/* report.c - see report.h. */
#include "driver/report.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/termsafe.h"

static const char ERROR_PREFIX[] = "civlint: error: ";

static FILE *g_stream; /* NULL: stderr */

void civ_report_set_stream(FILE *fp)
{
    g_stream = fp;
}

static FILE *stream(void)
{
    return g_stream ? g_stream : stderr;
}

/* The formatted message (heap), or NULL when memory ran out. */
static char *vformat(const char *fmt, va_list ap)
{
    char *s = NULL;
    if (vasprintf(&s, fmt, ap) < 0)
        return NULL;
    return s;
}

/* prefix, then s[0..n) escaped, then a newline: one message. A message
 * that holds a file name or a quoted line cannot forge a GitHub workflow
 * command either (base/termsafe.h): "##[" anywhere, and "::" where a line
 * of the output begins (no prefix, or after a kept newline). */
static void emit(FILE *fp, const char *prefix, const char *s, size_t n, bool keep_newlines)
{
    fputs(prefix, fp);
    civ_term_put(fp, s, n, (keep_newlines ? CIV_TERM_NEWLINES : 0u) | (*prefix ? 0u : CIV_TERM_LINE_START));
    fputc('\n', fp);
}

static void report(const char *prefix, const char *fmt, va_list ap)
{
    char *msg = vformat(fmt, ap);
    const char *s = msg ? msg : "out of memory";
    FILE *fp = stream();
    flockfile(fp);
    emit(fp, prefix, s, strlen(s), false);
    funlockfile(fp);
    free(msg);
}

void civ_report_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(ERROR_PREFIX, fmt, ap);
    va_end(ap);
}

void civ_report_warning(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report("civlint: warning: ", fmt, ap);
    va_end(ap);
}

void civ_report_note(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report("civlint: ", fmt, ap);
    va_end(ap);
}

void civ_report_line(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report("", fmt, ap);
    va_end(ap);
}

void civ_report_error_lines(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = vformat(fmt, ap);
    va_end(ap);
    const char *s = msg ? msg : "out of memory";
    FILE *fp = stream();
    flockfile(fp);
    for (const char *p = s; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        emit(fp, ERROR_PREFIX, p, n, false);
        p += n + (nl ? 1 : 0);
    }
    funlockfile(fp);
    free(msg);
}

static bool starts_with(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && memcmp(s, prefix, k) == 0;
}

/* "...:LINE:COL: error: " (or :LINE: alone, or warning/note) somewhere in
 * the line: it names its own position and severity. */
static bool names_position(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != ':' || !isdigit((unsigned char)s[i + 1]))
            continue;
        size_t j = i + 1;
        while (j < n && isdigit((unsigned char)s[j]))
            j++;
        if (j + 1 < n && s[j] == ':' && isdigit((unsigned char)s[j + 1]))
            for (j++; j < n && isdigit((unsigned char)s[j]);)
                j++;
        if (starts_with(s + j, n - j, ": error: ") || starts_with(s + j, n - j, ": warning: ") ||
            starts_with(s + j, n - j, ": note: "))
            return true;
    }
    return false;
}

/* A line of source under a located message: "   12 | text" or "      | ^". */
static bool is_source_line(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || isdigit((unsigned char)s[i])))
        i++;
    return i > 0 && i < n && s[i] == '|';
}

static bool needs_prefix(const char *s, size_t n)
{
    return n > 0 && !is_source_line(s, n) && !names_position(s, n);
}

void civ_report_located(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = vformat(fmt, ap);
    va_end(ap);
    const char *s = msg ? msg : "out of memory";
    FILE *fp = stream();
    flockfile(fp);
    /* line by line, the last one too when it is empty: the text is written
     * as it is, with a newline after it */
    for (const char *p = s;;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        emit(fp, needs_prefix(p, n) ? ERROR_PREFIX : "", p, n, false);
        if (!nl)
            break;
        p = nl + 1;
    }
    funlockfile(fp);
    free(msg);
}
