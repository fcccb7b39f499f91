/* explain.h - `civlint --explain RULE`: what a rule asks for, examples of
 * what it flags and accepts, and how to turn it off, in the manner of
 * `rustc --explain` and `ruff rule`. */
#ifndef CIV_DRIVER_EXPLAIN_H
#define CIV_DRIVER_EXPLAIN_H

#include <stdbool.h>
#include <stdio.h>

#include "output/output.h"
#include "rules/rules.h"

/* Writes the explanation of `id` to fp: a built-in check or a pack rule
 * (every id a finding carries), or a pack by its name (its rules, one a
 * line). False, writing nothing, when no rule or pack has that id (the
 * caller reports it, with the nearest id). */
bool civ_explain(FILE *fp, const civ_rules *rules, const char *id);

/* `civlint --list-rules`: every rule, its default severity and description,
 * the checks first; with verbose, the engine of each pack rule. */
void civ_list_rules(FILE *fp, const civ_rules *rules, bool verbose);

/* Every known rule, for formats that list rules (SARIF's tool.driver, the
 * HTML report's explanations): the checks of the table, then the rules of
 * the packs, with the packs' examples and links and each rule's
 * explanation (what civ_explain prints, unescaped, and as Markdown). Free
 * with civ_rule_infos_free (the other strings belong to the check table
 * and the packs). */
civ_rule_info *civ_rule_infos(const civ_rules *rules, size_t *n);
void civ_rule_infos_free(civ_rule_info *info, size_t n);

#endif
