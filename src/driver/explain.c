/* explain.c - see explain.h. The text comes from the one rule list
 * (rules.h): the check table's descriptions and, for pack rules, the
 * pack's description, link and its `bad`/`good` examples (which the unit
 * tests run, so the examples shown are known to behave as shown). */
#include "driver/explain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/termsafe.h"
#include "base/util.h"
#include "checks/check.h"

/* The pack rule `id` (PACK.ID), or NULL. */
static const civ_rule *pack_rule(const civ_rules *rules, const char *id)
{
    const civ_rulelist *l = civ_rules_list(rules);
    for (size_t i = 0; l && i < l->n; i++)
        if (strcmp(l->items[i].id, id) == 0)
            return &l->items[i];
    return NULL;
}

/* How an explanation is written: for the terminal (rule-file text
 * escaped, as everything from input is there), as plain text for a
 * format that escapes it itself (HTML, SARIF help.text), or as Markdown
 * (SARIF help.markdown). The words are the same in all three. */
typedef enum { EX_TERM, EX_PLAIN, EX_MD } ex_style;

/* Markdown punctuation in rule-file text, backslash-escaped so a
 * description shows as written. */
static void put_md(FILE *fp, const char *s)
{
    for (; *s; s++) {
        if (strchr("\\`*_[]<>#|~!&", *s))
            fputc('\\', fp);
        fputc(*s == '\n' || *s == '\r' ? ' ' : *s, fp);
    }
}

static void put(FILE *fp, ex_style st, const char *s)
{
    if (st == EX_TERM)
        civ_term_put(fp, s, strlen(s), 0);
    else if (st == EX_MD)
        put_md(fp, s);
    else
        fputs(s, fp);
}

/* An example or a command: indented two spaces in text, four (a code
 * block, shown verbatim) in Markdown. */
static void example(FILE *fp, ex_style st, const char *s)
{
    if (st == EX_MD) {
        fputs("    ", fp);
        for (; *s; s++) /* one line: a newline would end the code block */
            fputc(*s == '\n' || *s == '\r' ? ' ' : *s, fp);
    } else {
        fputs("  ", fp);
        put(fp, st, s);
    }
    fputc('\n', fp);
}

/* How to set the rule: an off-by-default rule (check.h, off) is first
 * turned on, the others first turned off. */
static void how_to_configure(FILE *fp, ex_style st, const char *id, bool pack)
{
    const civ_check *c = pack ? NULL : civ_check_find(id);
    bool off = c && c->off;
    const char *ind = st == EX_MD ? "    " : "  ", *gap = st == EX_MD ? "\n" : "";
    fprintf(fp, "\nTurn it %s or change its severity:\n%s"
                "%scivlint --%s=%s                (or --%s=%s)\n"
                "%scivlint -W %s=error|warning|note|off\n"
                "%s.civlint.yml:  %s: [%s]\n"
                "%s               severity: {%s: note}\n",
            off ? "on" : "off", gap, ind, off ? "enable" : "disable", id, off ? "disable" : "enable", id, ind, id,
            ind, off ? "enable" : "disable", id, ind, id);
    if (pack)
        return;
    fprintf(fp, "%sIn a post:\n%s"
                "%s<!-- civlint-disable-next-line %s -->   (the next line)\n"
                "%s<!-- civlint-disable %s --> ... <!-- civlint-enable -->\n"
                "%s<!-- civlint-disable-file %s -->\n",
            gap, gap, ind, id, ind, id, ind, id);
}

static void explain_pack(FILE *fp, const civ_rules *rules, const char *name)
{
    fprintf(fp, "%s: the rule pack '%s'; its rules:\n", name, name);
    civ_rule_entry e;
    for (size_t i = 0; civ_rules_entry(rules, i, &e); i++) {
        if (!e.pack || strcmp(e.pack, name) != 0)
            continue;
        fprintf(fp, "  %-28s %-8s ", e.id, civ_severity_name(e.severity));
        put(fp, EX_TERM, e.description);
        fputc('\n', fp);
    }
    fprintf(fp, "\nEach has its own explanation: civlint --explain %s.ID\n", name);
    how_to_configure(fp, EX_TERM, name, true);
}

/* The explanation of rule e (found) in style st. */
static void explain_rule(FILE *fp, ex_style st, const civ_rules *rules, const civ_rule_entry *e)
{
    const char *id = e->id;
    fprintf(fp, st == EX_MD ? "**%s** (default severity: %s)%s%s\n\n" : "%s (default severity: %s)%s%s\n\n  ",
            id, civ_severity_name(e->severity), e->pack ? ", a rule of the pack " : ", a built-in check",
            e->pack ? e->pack : "");
    put(fp, st, e->description);
    fputc('\n', fp);
    /* a built-in check's longer account (what it leaves alone, and why) */
    const civ_check *c = e->pack ? NULL : civ_check_find(id);
    if (c && c->details) {
        fputc('\n', fp);
        for (const char *p = c->details, *nl; *p; p = *nl ? nl + 1 : nl) {
            nl = strchr(p, '\n');
            nl = nl ? nl : p + strlen(p);
            char *line = xasprintf("%.*s", (int)(nl - p), p);
            if (st != EX_MD)
                fputs("  ", fp);
            put(fp, st, line);
            fputc('\n', fp);
            free(line);
        }
    }
    const civ_rule *r = e->pack ? pack_rule(rules, id) : NULL;
    if (r && r->bad) {
        fputs(st == EX_MD ? "\nFlagged:\n\n" : "\nFlagged:\n", fp);
        example(fp, st, r->bad);
    }
    if (r && r->good) {
        fputs(st == EX_MD ? "\nAccepted:\n\n" : "Accepted:\n", fp);
        example(fp, st, r->good);
    }
    if (r && r->link) {
        fputs("\nStyle guide: ", fp);
        put(fp, st, r->link);
        fputc('\n', fp);
    }
    how_to_configure(fp, st, id, false);
}

bool civ_explain(FILE *fp, const civ_rules *rules, const char *id)
{
    civ_rule_entry e;
    if (!civ_rules_find(rules, id, &e)) {
        for (size_t i = 0; i < civ_rules_npacks(rules); i++)
            if (strcmp(civ_rules_pack(rules, i)->name, id) == 0) {
                explain_pack(fp, rules, id);
                return true;
            }
        return false;
    }
    explain_rule(fp, EX_TERM, rules, &e);
    return true;
}

/* explain_rule's text in a string (heap). */
static char *explain_string(ex_style st, const civ_rules *rules, const civ_rule_entry *e)
{
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);
    if (!fp)
        civ_oom(); /* open_memstream fails only when it cannot allocate */
    explain_rule(fp, st, rules, e);
    if (fclose(fp) != 0)
        civ_oom();
    return text;
}

/* ---- the list of rules ---------------------------------------------------- */

/* Which engine runs pack rule `id` (civ_rule.engine): the literal
 * prefilter, then pcre2 where it passes; or pcre2 on every block. */
static const char *rule_engine(const civ_rules *rules, const char *id)
{
    static _Thread_local char buf[160];
    const civ_rulelist *list = civ_rules_list(rules);
    for (size_t i = 0; i < list->n; i++) {
        if (strcmp(list->items[i].id, id) != 0)
            continue;
        if (!list->items[i].engine)
            return "literal prefilter, then pcre2";
        snprintf(buf, sizeof buf, "pcre2 on every block (%s)", list->items[i].engine);
        return buf;
    }
    return "pcre2";
}

void civ_list_rules(FILE *fp, const civ_rules *rules, bool verbose)
{
    civ_rule_entry e;
    int w = 18; /* the width of the pack rules' ids */
    for (size_t i = 0; civ_rules_entry(rules, i, &e); i++)
        if (e.pack && (int)strlen(e.id) > w)
            w = (int)strlen(e.id);
    /* the built-in checks, then the rules of the packs (run by rule-packs) */
    for (size_t i = 0; civ_rules_entry(rules, i, &e); i++) {
        fprintf(fp, "%-*s %-8s %s\n", w, e.id, civ_severity_name(e.severity), e.description);
        if (verbose && e.pack)
            fprintf(fp, "%-*s engine: %s\n", w, "", rule_engine(rules, e.id));
    }
}

/* Every known rule, for formats that list rules: the checks of the table,
 * then the rules of the packs, each with its explanation as text and as
 * Markdown. Free with civ_rule_infos_free. */
civ_rule_info *civ_rule_infos(const civ_rules *rules, size_t *n)
{
    *n = civ_rules_count(rules);
    civ_rule_info *info = xcalloc(*n + 1, sizeof *info);
    civ_rule_entry e;
    for (size_t i = 0; civ_rules_entry(rules, i, &e); i++) {
        const civ_rule *r = e.pack ? pack_rule(rules, e.id) : NULL; /* tens of rules */
        const civ_check *c = e.pack ? NULL : civ_check_find(e.id);
        info[i] = (civ_rule_info){.id = e.id,
                                  .off = c && c->off,
                                  .description = e.description,
                                  .severity = e.severity,
                                  .bad = r ? r->bad : NULL,
                                  .good = r ? r->good : NULL,
                                  .link = r ? r->link : NULL,
                                  .help = explain_string(EX_PLAIN, rules, &e),
                                  .help_md = explain_string(EX_MD, rules, &e)};
    }
    return info;
}

void civ_rule_infos_free(civ_rule_info *info, size_t n)
{
    for (size_t i = 0; info && i < n; i++) {
        free(info[i].help);
        free(info[i].help_md);
    }
    free(info);
}
