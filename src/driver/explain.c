/* explain.c - see explain.h. The text comes from the one rule list
 * (rules.h): the check table's descriptions and, for pack rules, the
 * pack's description, link and its `bad`/`good` examples (which the unit
 * tests run, so the examples shown are known to behave as shown). */
#include "driver/explain.h"

#include <string.h>

#include "base/termsafe.h"

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
