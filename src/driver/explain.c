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

/* Rule files are input: their text reaches the terminal escaped. */
static void put(FILE *fp, const char *s)
{
    civ_term_put(fp, s, strlen(s), 0);
}

static void how_to_configure(FILE *fp, const char *id, bool pack)
{
    fprintf(fp, "\nTurn it off or change its severity:\n"
                "  civlint --disable=%s                (or --enable=%s)\n"
                "  civlint -W %s=error|warning|note|off\n"
                "  .civlint.yml:  disable: [%s]\n"
                "                 severity: {%s: note}\n",
            id, id, id, id, id);
    if (pack)
        return;
    fprintf(fp, "In a post:\n"
                "  <!-- civlint-disable-next-line %s -->   (the next line)\n"
                "  <!-- civlint-disable %s --> ... <!-- civlint-enable -->\n"
                "  <!-- civlint-disable-file %s -->\n",
            id, id, id);
}

static void explain_pack(FILE *fp, const civ_rules *rules, const char *name)
{
    fprintf(fp, "%s: the rule pack '%s'; its rules:\n", name, name);
    civ_rule_entry e;
    for (size_t i = 0; civ_rules_entry(rules, i, &e); i++) {
        if (!e.pack || strcmp(e.pack, name) != 0)
            continue;
        fprintf(fp, "  %-28s %-8s ", e.id, civ_severity_name(e.severity));
        put(fp, e.description);
        fputc('\n', fp);
    }
    fprintf(fp, "\nEach has its own explanation: civlint --explain %s.ID\n", name);
    how_to_configure(fp, name, true);
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
    fprintf(fp, "%s (default severity: %s)%s%s\n\n  ", e.id, civ_severity_name(e.severity),
            e.pack ? ", a rule of the pack " : ", a built-in check", e.pack ? e.pack : "");
    put(fp, e.description);
    fputc('\n', fp);
    const civ_check *c = e.pack ? NULL : civ_check_find(id);
    if (c && c->details) {
        fputc('\n', fp);
        for (const char *p = c->details, *nl; *p; p = *nl ? nl + 1 : nl) {
            nl = strchr(p, '\n');
            nl = nl ? nl : p + strlen(p);
            fprintf(fp, "  %.*s\n", (int)(nl - p), p);
        }
    }
    const civ_rule *r = e.pack ? pack_rule(rules, id) : NULL;
    if (r && r->bad) {
        fputs("\nFlagged:\n  ", fp);
        put(fp, r->bad);
        fputc('\n', fp);
    }
    if (r && r->good) {
        fputs("Accepted:\n  ", fp);
        put(fp, r->good);
        fputc('\n', fp);
    }
    if (r && r->link) {
        fputs("\nStyle guide: ", fp);
        put(fp, r->link);
        fputc('\n', fp);
    }
    how_to_configure(fp, id, false);
    return true;
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

/* Every known rule, for formats that list rules (SARIF's tool.driver): the
 * checks of the table, then the rules of the packs. Caller frees the array
 * (not the strings, which the check table and the packs own). */
civ_rule_info *civ_rule_infos(const civ_rules *rules, size_t *n)
{
    *n = civ_rules_count(rules);
    civ_rule_info *info = xcalloc(*n + 1, sizeof *info);
    civ_rule_entry e;
    const civ_rulelist *l = civ_rules_list(rules);
    for (size_t i = 0; civ_rules_entry(rules, i, &e); i++) {
        info[i] = (civ_rule_info){e.id, e.description, e.severity, NULL, NULL};
        for (size_t k = 0; e.pack && l && k < l->n; k++) /* tens of rules */
            if (strcmp(l->items[k].id, e.id) == 0) {
                info[i].bad = l->items[k].bad;
                info[i].good = l->items[k].good;
            }
    }
    return info;
}
