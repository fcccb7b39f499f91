/* lsp_host.c - see lsp_host.h. Every function here runs on the server's
 * linting thread, one document at a time, so the configuration cache and
 * the spellers need no lock of their own. */
#include "driver/lsp_host.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "driver/settings.h"
#include "lsp/lsp.h"

typedef struct {
    civ_file_settings fs;
    bool ok;
} host_file;

static void reload(void *ud)
{
    civ_run *r = ud;
    civ_configs_free(r->configs);
    civ_run_load_configs(r);
}

/* A dictionary error is given to the first file that needs it only (the
 * command line reports it once); an editor shows it with each lint, so
 * the last one is kept for the files that come after. */
static char *g_spell_err;

static void prepare(void *ud, const char *path, civ_lsp_file *f)
{
    civ_run *r = ud;
    host_file *h = xcalloc(1, sizeof *h);
    f->priv = h;
    h->ok = civ_configs_resolve(r->configs, path, &h->fs, &f->err);
    if (!h->ok && !f->err) {
        /* a bad configuration is reported to its first reader only; read
         * it again so this document shows why it is not linted */
        reload(r);
        h->ok = civ_configs_resolve(r->configs, path, &h->fs, &f->err);
    }
    if (!h->ok || h->fs.ignored)
        return;
    f->linter = r->linter;
    civ_file_settings_ctx(&h->fs, &f->linter.ctx);
    f->linter.policy = &h->fs.policy;
    f->rules = h->fs.rules;
    f->lint = true;
    char *err = NULL;
    if (r->spellers && (f->linter.ctx.lang || f->linter.ctx.ndictionaries)) {
        f->linter.ctx.speller = civ_spellers_get(r->spellers, f->linter.ctx.lang,
                                                 f->linter.ctx.dictionaries,
                                                 f->linter.ctx.ndictionaries, &err);
        if (err) {
            free(g_spell_err);
            g_spell_err = err;
        }
        if (!f->err && g_spell_err && (err || !f->linter.ctx.speller))
            f->err = xstrdup(g_spell_err);
    }
}

static void release(void *ud, civ_lsp_file *f)
{
    host_file *h = f->priv;
    if (h && h->ok)
        civ_file_settings_release(&h->fs);
    free(h);
}

int civ_run_serve_lsp(civ_run *r)
{
    civ_run_load_spellers(r); /* a missing dictionary is reported on stderr */
    civ_lsp_host host = {prepare, release, reload, r};
    int status = civ_lsp_serve(&host, 0, stdout);
    free(g_spell_err);
    g_spell_err = NULL;
    return status;
}
