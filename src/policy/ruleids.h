/* ruleids.h - the rule names a setting may use, and help when one is
 * wrong.
 *
 * A setting (--enable, --disable, -W, the configuration's enable, disable
 * and severity, an inline suppression) names a rule by its id
 * (`spelling`, `house.kyiv`), a whole pack by `PACK.*` or by the pack's
 * bare name (`house`). Which ids exist is the rule list's (rules.h); this
 * is how an id covers a rule, and the nearest known id to a wrong one. */
#ifndef CIV_POLICY_RULEIDS_H
#define CIV_POLICY_RULEIDS_H

#include <stdbool.h>

#include "rules/rules.h"

/* True when the setting id covers `rule`: the same id, or `PACK.*` or a
 * bare `PACK` and rule is PACK.SOMETHING. Built-in ids have no dot, so a
 * bare name only ever covers a pack's rules besides its own id. */
bool civ_rule_id_covers(const char *id, const char *rule);

/* The known id nearest to the unknown `id`, for "did you mean": a pack
 * rule whose part after the dot is `id` (`quotes` -> `house.quotes`),
 * else the id, pack name or PACK.* within a few edits of it (case
 * ignored; at most 2 edits, or a third of its length when longer). NULL
 * when nothing is near. The string belongs to rules (or is a static
 * check id); the PACK.* form is written into buf (at least 128 bytes). */
const char *civ_rule_id_nearest(const civ_rules *rules, const char *id, char *buf);

#endif
