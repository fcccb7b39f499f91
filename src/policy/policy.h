/* policy.h - which rules are on, and at what severity, for one file.
 *
 * A policy is an ordered list of settings (rule id -> off, on, or a
 * severity) collected from the configuration (.civlint.yml, then its
 * matching `overrides`) and the command line (--enable, --disable, -W), in
 * that order; the last setting for a rule wins. It is applied after the
 * checks ran: findings of rules turned off are dropped and the others are
 * retagged with their configured severity. Checks whose rule is off are not
 * run at all (civ_lint asks civ_policy_is_off first).
 *
 * A setting's id may be a built-in rule (`spelling`), a pack rule
 * (`house.uyghur`) or a whole pack (`house.*`, or just `house`;
 * ruleids.h); which ids exist is the rule list's business (rules.h,
 * civ_rule_id_known), not the policy's. */
#ifndef CIV_POLICY_H
#define CIV_POLICY_H

#include <stdbool.h>
#include <stddef.h>

#include "diag/diag.h"

/* A setting's level: a severity (civ_severity values), or one of these. */
enum { CIV_LEVEL_OFF = -2, CIV_LEVEL_ON = -1 };

typedef struct {
    char *id;   /* owned */
    int level;  /* CIV_LEVEL_OFF, CIV_LEVEL_ON or a civ_severity */
} civ_policy_entry;

typedef struct civ_policy {
    civ_policy_entry *items;
    size_t n, cap;
} civ_policy;

void civ_policy_init(civ_policy *p);
void civ_policy_release(civ_policy *p);
/* Appends a setting (id is copied). */
void civ_policy_add(civ_policy *p, const char *id, int level);
/* Appends every setting of `from`. */
void civ_policy_append(civ_policy *p, const civ_policy *from);

/* The rules about typography that a smartening renderer makes moot
 * (`typography: smart`, config.h): straight double quotes and apostrophes
 * (the renderer curls them), "--" (it becomes a dash) and "..." (an
 * ellipsis). NULL-terminated. A list of rule ids here rather than a field
 * in the pack: policy is data about rule ids, and the pack's patterns stay
 * the house's own. " - " is not in it: no renderer turns a spaced hyphen
 * into a dash. */
extern const char *const civ_smart_typography_rules[];

/* Parses "off", "on", "error", "warning" or "note"; false otherwise. */
bool civ_level_parse(const char *s, int *level);
const char *civ_level_name(int level);

/* The effective state of `rule` whose default severity is `def`: false when
 * it is off, else true with *sev set. A NULL policy leaves every rule on. */
bool civ_policy_lookup(const civ_policy *p, const char *rule, civ_severity def,
                       civ_severity *sev);
bool civ_policy_is_off(const civ_policy *p, const char *rule);
/* True when the last setting that names `rule` turns it on (a level or
 * `on`): what a rule that is off by default needs to run. */
bool civ_policy_turns_on(const civ_policy *p, const char *rule);

/* Drops the findings of rules that are off and retags the others. */
void civ_policy_apply(const civ_policy *p, civ_diags *d);

#endif
