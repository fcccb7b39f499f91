/* registry.c - the table of output formats. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "output/output.h"
#include "base/utf8.h"
#include "output/escape.h"

extern const civ_formatter civ_format_gcc, civ_format_json, civ_format_sarif, civ_format_github,
    civ_format_checkstyle, civ_format_rdjsonl, civ_format_summary, civ_format_html, civ_format_codeclimate;

/* The order of --help: the default first, then the machine formats, the
 * reports last. */
static const civ_formatter *const table[] = {
    &civ_format_gcc,         &civ_format_json,    &civ_format_sarif,
    &civ_format_github,      &civ_format_checkstyle, &civ_format_codeclimate,
    &civ_format_rdjsonl,     &civ_format_summary, &civ_format_html,
};
#define NFORMATS (sizeof table / sizeof *table)

const civ_formatter *civ_formatter_find(const char *name)
{
    for (size_t i = 0; i < NFORMATS; i++)
        if (strcmp(table[i]->name, name) == 0)
            return table[i];
    return NULL;
}

const civ_formatter *const *civ_formatters(size_t *n)
{
    *n = NFORMATS;
    return table;
}

/* Built once from the table (pthread_once: the fuzz harness and the driver
 * may ask from any thread). */
static char names[256];
static pthread_once_t names_once = PTHREAD_ONCE_INIT;

static void build_names(void)
{
    size_t o = 0;
    for (size_t i = 0; i < NFORMATS && o < sizeof names; i++)
        o += (size_t)snprintf(names + o, sizeof names - o, "%s%s", i ? ", " : "", table[i]->name);
}

const char *civ_formatter_names(void)
{
    pthread_once(&names_once, build_names);
    return names;
}

void civ_span_end(civ_columns c, const civ_source *src, size_t start, size_t end, size_t *line, size_t *col)
{
    if (end <= start) {
        civ_position(c, src, start, line, col);
        return;
    }
    size_t last = end - 1;
    while (last > start && civ_utf8_is_cont((unsigned char)src->data[last]))
        last--;
    civ_position(c, src, last, line, col);
}

void civ_json_str(FILE *fp, const char *s, size_t n)
{
    fputc('"', fp);
    const unsigned char *u = (const unsigned char *)s;
    size_t run = 0; /* bytes before i not yet written, copied as they are */
    for (size_t i = 0; i < n;) {
        unsigned char c = u[i];
        const char *esc = NULL;
        char tmp[8];
        size_t len = 1;
        if (c >= 0x80) {
            uint32_t cp;
            len = civ_utf8_decode(u + i, n - i, &cp);
            if (!len) {
                /* invalid UTF-8 (paths can hold any bytes): JSON must be UTF-8 */
                esc = "\\ufffd";
                len = 1;
            } else if (cp == 0x2028 || cp == 0x2029 || civ_cp_unsafe(cp)) {
                /* U+2028/9 end lines in JavaScript consumers; C1 controls
                 * and bidirectional overrides would reorder or hide text
                 * where the file is viewed raw. Escaped, the data is the same. */
                snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)cp);
                esc = tmp;
            }
        } else if (c == '[' && i >= 2 && u[i - 1] == '#' && u[i - 2] == '#') {
            /* "##[" anywhere in a line of a CI log is a GitHub workflow
             * command; \u005b is the same '[' to any JSON reader */
            esc = "\\u005b";
        } else if (c == '"')
            esc = "\\\"";
        else if (c == '\\')
            esc = "\\\\";
        else if (c == '\n')
            esc = "\\n";
        else if (c == '\r')
            esc = "\\r";
        else if (c == '\t')
            esc = "\\t";
        else if (c < 0x20 || c == 0x7F) {
            snprintf(tmp, sizeof tmp, "\\u%04x", c);
            esc = tmp;
        }
        if (esc) {
            fwrite(s + i - run, 1, run, fp);
            run = 0;
            fputs(esc, fp);
        } else {
            run += len;
        }
        i += len;
    }
    fwrite(s + n - run, 1, run, fp);
    fputc('"', fp);
}
