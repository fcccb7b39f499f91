/* policy.c - see policy.h. Settings are few (tens), so lookups are a linear
 * scan over them, newest last. */
#include "policy/policy.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "policy/ruleids.h"

const char *const civ_smart_typography_rules[] = {"house.quotes", "house.apostrophes",
                                                  "house.double-hyphen", "house.ellipsis", NULL};

void civ_policy_init(civ_policy *p)
{
    memset(p, 0, sizeof *p);
}

void civ_policy_release(civ_policy *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->items[i].id);
    free(p->items);
    civ_policy_init(p);
}

void civ_policy_add(civ_policy *p, const char *id, int level)
{
    civ_policy_entry *e = CIV_PUSH(p->items, p->n, p->cap);
    e->id = xstrdup(id);
    e->level = level;
}

void civ_policy_append(civ_policy *p, const civ_policy *from)
{
    for (size_t i = 0; from && i < from->n; i++)
        civ_policy_add(p, from->items[i].id, from->items[i].level);
}

bool civ_level_parse(const char *s, int *level)
{
    civ_severity sev;
    if (strcmp(s, "off") == 0)
        *level = CIV_LEVEL_OFF;
    else if (strcmp(s, "on") == 0)
        *level = CIV_LEVEL_ON;
    else if (civ_severity_parse(s, &sev))
        *level = (int)sev;
    else
        return false;
    return true;
}

const char *civ_level_name(int level)
{
    if (level == CIV_LEVEL_OFF)
        return "off";
    if (level == CIV_LEVEL_ON)
        return "on";
    return civ_severity_name((civ_severity)level);
}

bool civ_policy_lookup(const civ_policy *p, const char *rule, civ_severity def,
                       civ_severity *sev)
{
    bool on = true;
    *sev = def;
    for (size_t i = 0; p && i < p->n; i++) {
        const civ_policy_entry *e = &p->items[i];
        if (!civ_rule_id_covers(e->id, rule))
            continue;
        if (e->level == CIV_LEVEL_OFF) {
            on = false;
        } else {
            on = true;
            if (e->level != CIV_LEVEL_ON)
                *sev = (civ_severity)e->level;
        }
    }
    return on;
}

bool civ_policy_is_off(const civ_policy *p, const char *rule)
{
    civ_severity sev;
    return !civ_policy_lookup(p, rule, CIV_SEV_WARNING, &sev);
}

bool civ_policy_turns_on(const civ_policy *p, const char *rule)
{
    bool on = false;
    for (size_t i = 0; p && i < p->n; i++)
        if (civ_rule_id_covers(p->items[i].id, rule))
            on = p->items[i].level != CIV_LEVEL_OFF;
    return on;
}

void civ_policy_apply(const civ_policy *p, civ_diags *d)
{
    if (!p || !p->n)
        return;
    size_t w = 0;
    for (size_t r = 0; r < d->n; r++) {
        civ_diag *g = &d->items[r];
        civ_severity sev;
        if (!civ_policy_lookup(p, g->rule, g->severity, &sev)) {
            civ_diag_release(g);
            continue;
        }
        g->severity = sev;
        d->items[w++] = *g;
    }
    d->n = w;
}
