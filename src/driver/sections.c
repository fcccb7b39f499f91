/* sections.c - the run's pre-pass (sections.h).
 *
 * The posts' syntax is read from raw bytes (a scan, no parse) of every
 * file of the run, so a folder's posts agree on the generator whatever
 * the order or -j.
 *
 * Every file is read with its own settings (its .civlint.yml decides
 * whether author-line is on, its keys, its author data), as the lint pass
 * will read it; only files with a category are modelled. The pass is
 * sequential: it parses only metadata for most files, and a model for the
 * few with a category, far less than the lint pass spends per file. */
#include <stdlib.h>
#include <string.h>

#include "checks/author_sections.h"
#include "driver/sections.h"
#include "driver/settings.h"
#include "base/textfile.h"
#include "base/util.h"

void civ_run_scan_syntax(civ_run *r, const char *const *paths, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(paths[i], "-") == 0)
            continue;
        size_t len = 0;
        bool cut = false;
        char *err = NULL;
        char *text = civ_text_read_head(paths[i], paths[i], r->o->max_file_size, &len, &cut, &err);
        if (text)
            civ_configs_add_syntax(r->configs, paths[i], text, len);
        free(text);
        free(err); /* the lint pass reports it */
    }
}

void civ_run_own_syntax(civ_configs *cs, const civ_source *src, civ_file_settings *fs, civ_linter *fl)
{
    if (fs->site_from || fs->site_set)
        return;
    civ_file_settings own;
    char *err = NULL;
    if (!civ_configs_resolve_own(cs, src->name, src->data, src->len, &own, &err)) {
        free(err);
        return;
    }
    civ_file_settings_release(fs);
    *fs = own;
    civ_file_settings_ctx(fs, &fl->ctx);
    fl->policy = &fs->policy;
}

void civ_run_sections(civ_run *r)
{
    civ_run_scan_syntax(r, (const char *const *)r->walk.paths, r->walk.n);
    if (r->walk.n < CIV_SECTION_MIN_PAGES)
        return;
    for (size_t i = 0; i < r->walk.n; i++)
        if (strcmp(r->walk.paths[i], "-") == 0)
            return;
    civ_sections *s = xmalloc(sizeof *s);
    civ_sections_init(s);
    for (size_t i = 0; i < r->walk.n; i++) {
        civ_file_settings fs;
        char *err = NULL;
        if (!civ_configs_resolve(r->configs, r->walk.paths[i], &fs, &err)) {
            free(err); /* the lint pass reports it */
            continue;
        }
        if (!fs.ignored) {
            civ_linter fl = r->linter;
            civ_file_settings_ctx(&fs, &fl.ctx);
            fl.policy = &fs.policy;
            civ_source *src = civ_source_read_head(r->walk.paths[i], r->walk.paths[i], r->o->max_file_size, &err);
            if (src)
                civ_lint_sections(&fl, src, s);
            civ_source_free(src);
        }
        free(err);
        civ_file_settings_release(&fs);
    }
    r->sections = s;
    r->linter.ctx.sections = s;
}

void civ_run_sections_release(civ_run *r)
{
    if (!r->sections)
        return;
    civ_sections_release(r->sections);
    free(r->sections);
    r->sections = NULL;
    r->linter.ctx.sections = NULL;
}
