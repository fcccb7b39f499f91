/* ruleskip.c - a rule's exclusions: `skip` patterns and `skip-links`.
 *
 * A house rule written as one pattern catches the text an editor means and
 * some that only looks like it: "2017-09" is a month, not a range; `"_"` is
 * a symbol, not a quotation; the " - " in a cited page title is that page's
 * punctuation. The rule keeps its pattern and lists what is not its
 * business, each exclusion a pattern of its own (the check drops a match
 * that lies inside a match of one of them), so the exclusions can be read,
 * tested and overridden one by one. See rulepack.h. */
#include "rules/rulepack.h"

#include <stdlib.h>
#include <string.h>

static bool add_skip(civ_rule *r, const civ_packtext *t, const civ_ynode *v, char **err)
{
    if (v->kind != CIV_Y_SCALAR || !v->len) {
        *err = civ_packtext_error(t, v, "every entry of 'skip' must be a non-empty pattern");
        return false;
    }
    char *msg = NULL;
    size_t eo = 0;
    civ_pattern *p = civ_pattern_new(v->value, 0, &msg, &eo);
    if (!p) {
        char *what = xasprintf("the 'skip' of rule '%s'", r->id);
        *err = civ_packtext_regex_error(t, v, what, msg, eo);
        free(what);
        free(msg);
        return false;
    }
    r->skip = xrealloc(r->skip, (r->nskip + 1) * sizeof *r->skip);
    r->skip[r->nskip++] = p;
    return true;
}

bool civ_rule_load_skip(civ_rule *r, const civ_packtext *t, const civ_ynode *m, char **err)
{
    const civ_ynode *skip = civ_ymap_get(m, "skip");
    if (skip && skip->kind == CIV_Y_SEQ) {
        for (size_t i = 0; i < skip->n; i++)
            if (!add_skip(r, t, skip->items[i], err))
                return false;
    } else if (skip && !add_skip(r, t, skip, err)) {
        return false;
    }
    const civ_ynode *links = civ_ymap_get(m, "skip-links");
    if (links) {
        if (links->kind != CIV_Y_SCALAR ||
            (strcmp(links->value, "true") != 0 && strcmp(links->value, "false") != 0)) {
            *err = civ_packtext_error(t, links, "'skip-links' must be true or false");
            return false;
        }
        r->skip_links = strcmp(links->value, "true") == 0;
    }
    return true;
}
