/* lint.c - see lint.h. */
#include "pipeline/lint.h"

#include <stdint.h>
#include <string.h>

#include "checks/author_sections.h"
#include "checks/spelling.h"
#include "model/document.h"
#include "source/frontmatter.h"
#include "policy/suppress.h"

void civ_linter_init(civ_linter *l, const civ_rules *rules)
{
    memset(l, 0, sizeof *l);
    l->ctx.rules = rules;
    l->ctx.suggest = true;
    l->ctx.acronym_max = 6;
}

bool civ_linter_only(civ_linter *l, civ_policy *p, const char *only)
{
    size_t n;
    const civ_check *t = civ_checks(&n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(t[i].id, only) != 0)
            civ_policy_add(p, t[i].id, CIV_LEVEL_OFF);
    const civ_check *c = civ_check_find(only);
    if (c && c->off)
        civ_policy_add(p, only, CIV_LEVEL_ON);
    l->policy = p;
    return c != NULL;
}

/* A check runs unless a setting turns it off; one that is off by default
 * runs only when the last setting naming it turns it on. */
static bool check_runs(const civ_policy *p, const civ_check *c)
{
    return c->off ? civ_policy_turns_on(p, c->id) : !civ_policy_is_off(p, c->id);
}

void civ_lint(const civ_linter *l, const civ_source *src, civ_diags *out)
{
    civ_frontmatter fm;
    civ_frontmatter_parse(src, &fm);
    civ_doc *doc = civ_doc_parse(src, &fm);
    if (doc->cut != SIZE_MAX) /* a limit of the post, not of a rule: rule "" */
        civ_diags_problem(out, "", doc->cut, doc->cut_why);
    size_t n;
    const civ_check *t = civ_checks(&n);
    for (size_t i = 0; i < n; i++) {
        if (!check_runs(l->policy, &t[i]))
            continue;
        civ_sink sink = {out, t[i].id, t[i].severity};
        t[i].run(doc, &l->ctx, &sink);
    }
    civ_policy_apply(l->policy, out);
    civ_suppress_apply(doc, l->ctx.rules, l->policy, out);
    civ_diags_sort(out);
    /* a house rule on exactly the word spelling flags says it better */
    civ_diags_drop_shadowed(out, "spelling");
    civ_doc_free(doc);
    civ_frontmatter_release(&fm);
}

void civ_lint_vocabulary(const civ_linter *l, const civ_source *src, civ_strmap *out)
{
    if (!l->ctx.speller || civ_policy_is_off(l->policy, "spelling"))
        return;
    civ_frontmatter fm;
    civ_frontmatter_parse(src, &fm);
    civ_doc *doc = civ_doc_parse(src, &fm);
    civ_spelling_vocabulary(doc, &l->ctx, out);
    civ_doc_free(doc);
    civ_frontmatter_release(&fm);
}

void civ_lint_unknown(const civ_linter *l, const civ_source *src, civ_strmap *out)
{
    if (!l->ctx.speller || civ_policy_is_off(l->policy, "spelling"))
        return;
    civ_frontmatter fm;
    civ_frontmatter_parse(src, &fm);
    civ_doc *doc = civ_doc_parse(src, &fm);
    civ_spelling_unknown(doc, &l->ctx, out);
    civ_doc_free(doc);
    civ_frontmatter_release(&fm);
}

void civ_lint_sections(const civ_linter *l, const civ_source *src, struct civ_sections *out)
{
    if (civ_policy_is_off(l->policy, "author-line") || l->ctx.author_required != CIV_AUTHOR_POSTS)
        return;
    civ_frontmatter fm;
    civ_frontmatter_parse(src, &fm);
    /* only a page with a category counts; the model (for a byline at the
     * end) is built only for those */
    if (civ_frontmatter_field(&fm, "category") || civ_frontmatter_field(&fm, "categories")) {
        civ_doc *doc = civ_doc_parse(src, &fm);
        civ_sections_add(doc, &l->ctx, out);
        civ_doc_free(doc);
    }
    civ_frontmatter_release(&fm);
}
