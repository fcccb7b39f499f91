/* gate.c - see gate.h. */
#include "gate/gate.h"

#include <stdlib.h>
#include <string.h>

#include "gate/fix.h"
#include "gate/since.h"

static void gate_error(civ_gate *g, char *msg)
{
    *CIV_PUSH(g->errors, g->nerrors, g->ecap) = msg;
}

static void gate_note(civ_gate *g, char *msg)
{
    *CIV_PUSH(g->notes, g->nnotes, g->ncap) = msg;
}

bool civ_gate_init(civ_gate *g, const civ_gate_opts *o, char **err)
{
    memset(g, 0, sizeof *g);
    g->o = *o;
    civ_buf_init(&g->diff);
    *err = NULL;
    if (o->since && !civ_since_check_ref(o->since, err))
        return false;
    if (o->baseline && !(g->base = civ_baseline_load(o->baseline, err)))
        return false;
    if (o->write_baseline)
        g->record = civ_baseline_new();
    return true;
}

void civ_gate_release(civ_gate *g)
{
    civ_baseline_free(g->base);
    civ_baseline_free(g->record);
    civ_buf_release(&g->diff);
    for (size_t i = 0; i < g->nerrors; i++)
        free(g->errors[i]);
    free(g->errors);
    for (size_t i = 0; i < g->nwarnings; i++)
        free(g->warnings[i]);
    free(g->warnings);
    for (size_t i = 0; i < g->nnotes; i++)
        free(g->notes[i]);
    free(g->notes);
}

/* --fix: after a successful write, lint the new contents again. */
static void relint(civ_gate *g, const civ_linter *l, const char *path, const char *name,
                   civ_source **src, civ_diags *d)
{
    char *err = NULL;
    civ_source *fresh = civ_source_read(path, name, CIV_SOURCE_MAX_DEFAULT, &err);
    if (!fresh) {
        gate_error(g, err);
        return;
    }
    civ_diags_release(d);
    civ_source_free(*src);
    *src = fresh;
    civ_lint(l, fresh, d);
}

static void filter(civ_gate *g, const char *path, const char *name, const civ_source *src,
                   civ_diags *d)
{
    if (g->o.since) {
        civ_changed ch;
        civ_changed_init(&ch);
        char *err = NULL;
        if (strcmp(path, "-") == 0)
            gate_error(g, xstrdup("--since cannot judge standard input; give the file's path"));
        else if (civ_since_changed(g->o.since, path, &ch, &err))
            g->outside += civ_since_filter(&ch, src, d);
        else
            gate_error(g, err);
        civ_changed_release(&ch);
    }
    if (g->base)
        g->baselined += civ_baseline_filter(g->base, name, src, d);
}

void civ_gate_file(civ_gate *g, const civ_linter *l, const char *path, const char *name,
                   civ_source **src, civ_diags *d)
{
    if (g->record) /* everything, including what an older baseline holds */
        civ_baseline_add(g->record, name, *src, d);
    size_t before = g->baselined;
    filter(g, path, name, *src, d);
    before = g->baselined - before; /* matched in this file */
    if (!g->o.fix && !g->o.diff)
        return;
    if ((*src)->truncated) { /* a fix written from the head would drop the rest */
        *CIV_PUSH(g->warnings, g->nwarnings, g->wcap) =
            xasprintf("'%s' was checked only in part (--max-file-size); not fixed", name);
        return;
    }
    size_t n = 0, where = 0;
    char *err = NULL;
    civ_diags chosen = *d; /* --fix=RULES: a shallow list of the chosen findings */
    if (g->o.fix_only) {
        chosen.items = xcalloc(d->n + 1, sizeof *chosen.items);
        chosen.n = 0;
        for (size_t i = 0; i < d->n; i++)
            if (g->o.fix_only(d->items[i].rule, g->o.fix_only_ud))
                chosen.items[chosen.n++] = d->items[i];
    }
    civ_fix_result r = civ_fix_file(path, name, *src, &chosen, g->o.diff ? &g->diff : NULL,
                                    g->o.force, &n, &where, &err);
    if (g->o.fix_only)
        free(chosen.items); /* the findings themselves are d's */
    if (r == CIV_FIX_OVERLAP) {
        size_t line, col;
        civ_source_position(*src, where, &line, &col);
        *CIV_PUSH(g->warnings, g->nwarnings, g->wcap) = (xasprintf("'%s': fixes overlap at %zu:%zu; no fix applied to this file", name,
                                line, col));
    } else if (r == CIV_FIX_FAILED) {
        gate_error(g, err);
    } else if (r == CIV_FIX_DONE) {
        g->fixed += n;
        g->fixed_files++;
        if (g->o.fix) {
            relint(g, l, path, name, src, d);
            if (g->base) {
                civ_baseline_reset(g->base, name);
                g->baselined -= before;
            }
            filter(g, path, name, *src, d);
        }
    }
}

bool civ_gate_finish(civ_gate *g)
{
    bool ok = true;
    if (g->o.fix && g->fixed)
        gate_note(g, xasprintf("fixed %zu finding%s in %zu file%s", g->fixed, g->fixed == 1 ? "" : "s",
                               g->fixed_files, g->fixed_files == 1 ? "" : "s"));
    if (g->base) {
        size_t gone = civ_baseline_gone(g->base);
        gate_note(g, xasprintf("baseline: %zu finding%s already known, %zu baselined finding%s gone%s",
                               g->baselined, g->baselined == 1 ? "" : "s", gone, gone == 1 ? "" : "s",
                               gone ? " (refresh it with --write-baseline)" : ""));
    }
    if (g->o.since && g->outside)
        gate_note(g, xasprintf("--since %s: %zu finding%s on unchanged lines not shown", g->o.since,
                               g->outside, g->outside == 1 ? "" : "s"));
    if (g->record) {
        char *e = NULL;
        if (civ_baseline_write(g->record, g->o.write_baseline, g->o.force, &e)) {
            size_t n = civ_baseline_total(g->record);
            gate_note(g, xasprintf("wrote %zu finding%s to baseline '%s'", n, n == 1 ? "" : "s",
                                   g->o.write_baseline));
        } else {
            gate_error(g, e);
            ok = false;
        }
    }
    return ok;
}
