/* registry.c - the one table of checks. Add a check here and it appears in
 * --list-rules, can be enabled and disabled, and runs in this order. */
#include <stdarg.h>
#include <string.h>

#include "checks/check.h"

void civ_check_encoding(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_front_matter(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_empty_section(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_author_line(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_unused_suppression(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_accidental_code_block(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_relative_date(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_invisible_character(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_allow_directive(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_unsourced_figure(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_rule_packs(const civ_doc *, const civ_ctx *, civ_sink *);
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
    {"unused-suppression", CIV_SEV_NOTE, "a civlint-disable comment that suppresses nothing, or names an unknown rule",
     civ_check_unused_suppression},
    {"accidental-code-block", CIV_SEV_WARNING, "an indented code block that holds prose (pasted text indented by four spaces)",
     civ_check_accidental_code_block},
    {"relative-date", CIV_SEV_NOTE, "'last week', 'this year', 'recently'... that go stale; suggests the date from the front matter",
     civ_check_relative_date},
    {"invisible-character", CIV_SEV_WARNING, "zero width, soft hyphen, bidirectional and other invisible characters in prose",
     civ_check_invisible_character},
    {"allow-directive", CIV_SEV_ERROR, "a malformed '<!-- civlint-allow RULE \"TERM\" -- reason -->' override (no reason, no term)",
     civ_check_allow_directive},
    {"unsourced-figure", CIV_SEV_WARNING, "a figure (38.3%, $13.5 billion, 7,000 people) with no link, footnote or attribution in its sentence",
     civ_check_unsourced_figure},
    {"rule-packs", CIV_SEV_WARNING, "the house-style rules of the packs in rules/, reported as PACK.ID (listed below)",
     civ_check_rule_packs},
    {"spelling", CIV_SEV_WARNING, "a likely misspelling: a word the hunspell dictionary (en_US), the house dictionary and the word lists do not know that reads as a typo, not as a name or the post's vocabulary; a known word in the wrong case; a variant of a name the post spells otherwise", civ_check_spelling},
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

void civ_checks_declare(civ_rules *r)
{
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        civ_rules_declare(r, table[i].id, table[i].severity, table[i].description);
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
