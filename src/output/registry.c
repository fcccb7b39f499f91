/* registry.c - the table of output formats. */
#include <string.h>

#include "../output.h"
#include "../termsafe.h"
#include "../utf8.h"

extern const civ_formatter civ_format_gcc, civ_format_json;

static const civ_formatter *const table[] = {&civ_format_gcc, &civ_format_json};

const civ_formatter *civ_formatter_find(const char *name)
{
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (strcmp(table[i]->name, name) == 0)
            return table[i];
    return NULL;
}

const char *civ_formatter_names(void)
{
    return "gcc, json";
}

void civ_span_end(const civ_source *src, size_t start, size_t end, size_t *line, size_t *col)
{
    if (end <= start) {
        civ_source_position(src, start, line, col);
        return;
    }
    size_t last = end - 1;
    while (last > start && civ_utf8_is_cont((unsigned char)src->data[last]))
        last--;
    civ_source_position(src, last, line, col);
}

void civ_json_str(FILE *fp, const char *s, size_t n)
{
    fputc('"', fp);
    const unsigned char *u = (const unsigned char *)s;
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = u[i];
        const char *esc = NULL;
        char tmp[8];
        if (c == '"')
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
        } else if (c >= 0x80) {
            /* Valid UTF-8 is copied, except what must not reach a terminal
             * (C1 and bidirectional controls, termsafe.h) and U+2028/U+2029
             * (valid JSON that breaks JavaScript consumers): \uXXXX. An
             * invalid byte becomes \ufffd, so the JSON is always UTF-8. */
            uint32_t cp;
            size_t l = civ_utf8_decode(u + i, n - i, &cp);
            if (l && !civ_term_unsafe(cp) && cp != 0x2028 && cp != 0x2029) {
                run += l;
                i += l - 1;
                continue;
            }
            fwrite(s + i - run, 1, run, fp);
            run = 0;
            if (l)
                fprintf(fp, "\\u%04x", (unsigned)cp);
            else
                fputs("\\ufffd", fp);
            i += l ? l - 1 : 0;
            continue;
        }
        if (esc) {
            fwrite(s + i - run, 1, run, fp);
            run = 0;
            fputs(esc, fp);
        } else {
            run++;
        }
    }
    fwrite(s + n - run, 1, run, fp);
    fputc('"', fp);
}
