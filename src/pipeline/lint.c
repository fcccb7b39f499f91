/* lint.c - see lint.h. */
#include "pipeline/lint.h"

#include <string.h>

#include "model/document.h"
#include "source/frontmatter.h"
#include "policy/suppress.h"

void civ_linter_init(civ_linter *l, const civ_rules *rules)
{
    memset(l, 0, sizeof *l);
    l->ctx.rules = rules;
    l->ctx.suggest = true;
    l->ctx.acronym_max = 6;
    size_t n;
    civ_checks(&n);
    for (size_t i = 0; i < n && i < sizeof l->enabled / sizeof *l->enabled; i++)
        l->enabled[i] = true;
}

bool civ_linter_set(civ_linter *l, const char *id, bool on)
{
    size_t n;
    const civ_check *t = civ_checks(&n);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(t[i].id, id) == 0) {
            l->enabled[i] = on;
            return true;
        }
    }
    return false;
}

void civ_lint(const civ_linter *l, const civ_source *src, civ_diags *out)
{
    civ_frontmatter fm;
    civ_frontmatter_parse(src, &fm);
    civ_doc *doc = civ_doc_parse(src, &fm);
    size_t n;
    const civ_check *t = civ_checks(&n);
    for (size_t i = 0; i < n; i++) {
        if (!l->enabled[i] || civ_policy_is_off(l->policy, t[i].id))
            continue;
        civ_sink sink = {out, t[i].id, t[i].severity};
        t[i].run(doc, &l->ctx, &sink);
    }
    civ_policy_apply(l->policy, out);
    const civ_check *unused = civ_check_find(CIV_RULE_UNUSED_SUPPRESSION);
    bool report_unused = unused && l->enabled[unused - t];
    civ_suppress_apply(doc, l->ctx.rules, l->policy, report_unused, out);
    civ_diags_sort(out);
    civ_doc_free(doc);
    civ_frontmatter_release(&fm);
}
