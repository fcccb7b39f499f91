/* registry.c - the one table of checks. Add a check here and it appears in
 * --list-rules, can be enabled and disabled, and runs in this order. */
#include <stdarg.h>
#include <string.h>

#include "../check.h"

void civ_check_encoding(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_front_matter(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_empty_section(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_author_line(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_spelling(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_mixed_script(const civ_doc *, const civ_ctx *, civ_sink *);

static const civ_check table[] = {
    {"encoding", CIV_SEV_ERROR, "invalid UTF-8 bytes, reported at the exact byte",
     civ_check_encoding},
    {"front-matter", CIV_SEV_ERROR, "YAML front matter that is not closed, not YAML or not a mapping",
     civ_check_front_matter},
    {"empty-section", CIV_SEV_WARNING, "a heading with no content before the next heading of the same or higher rank",
     civ_check_empty_section},
    {"author-line", CIV_SEV_WARNING, "the post has no byline ('Name – Role, Organisation') or a malformed one",
     civ_check_author_line},
    {"spelling", CIV_SEV_WARNING, "a word unknown to the hunspell dictionary (en_US), the house dictionary and the word lists", civ_check_spelling},
    {"mixed-script", CIV_SEV_ERROR, "a word mixing Latin with Cyrillic or Greek look-alike letters", civ_check_mixed_script},
};

const civ_check *civ_checks(size_t *n)
{
    *n = sizeof table / sizeof *table;
    return table;
}

const civ_check *civ_check_find(const char *id)
{
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (strcmp(table[i].id, id) == 0)
            return &table[i];
    return NULL;
}

static civ_diag *vreport(civ_sink *s, const char *rule, civ_severity sev, size_t start,
                         size_t end, const char *fmt, va_list ap)
{
    return civ_diag_addv(s->out, rule, sev, start, end, fmt, ap);
}

civ_diag *civ_report(civ_sink *s, size_t start, size_t end, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    civ_diag *d = vreport(s, s->rule, s->severity, start, end, fmt, ap);
    va_end(ap);
    return d;
}

civ_diag *civ_report_rule(civ_sink *s, const char *rule, civ_severity sev, size_t start,
                          size_t end, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    civ_diag *d = vreport(s, rule, sev, start, end, fmt, ap);
    va_end(ap);
    return d;
}
