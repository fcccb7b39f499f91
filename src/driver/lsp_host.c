/* lsp_host.c - see lsp_host.h. Every function here runs on the server's
 * linting thread, one document at a time, so the configuration cache and
 * the spellers need no lock of their own. */
#include "driver/lsp_host.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/util.h"
#include "driver/explain.h"
#include "driver/postlang.h"
#include "driver/sections.h"
#include "driver/settings.h"
#include "gate/atomic.h"
#include "lsp/lsp.h"

typedef struct {
    civ_file_settings fs;
    bool ok;
} host_file;

/* A dictionary error is given to the first file that needs it only (the
 * command line reports it once); an editor shows it with each lint, so
 * the last one is kept for the files that come after. */
static char *g_spell_err;

/* Forgets the parsed configurations and the spellers (which hold the word
 * lists): both are read again when a document next needs them. */
static void reload(void *ud)
{
    civ_run *r = ud;
    civ_configs_free(r->configs);
    civ_run_load_configs(r);
    if (r->spellers) {
        civ_spellers_free(r->spellers);
        r->spellers = NULL;
        r->linter.ctx.speller = NULL;
        free(r->house);
        r->house = NULL;
        civ_run_load_spellers(r);
    }
    free(g_spell_err);
    g_spell_err = NULL;
}

/* The project's word list: the first `dictionaries:` entry that is not a
 * hunspell .dic and is an existing file (NULL: none). */
static const char *word_list(const civ_file_settings *fs)
{
    for (size_t i = 0; i < fs->ndictionaries; i++) {
        struct stat st;
        const char *p = fs->dictionaries[i];
        if (!civ_str_ends_with(p, ".dic") && stat(p, &st) == 0 && S_ISREG(st.st_mode))
            return p;
    }
    return NULL;
}

/* Appends word as a line of the list at path, replacing the file
 * atomically (gate/atomic.h), so an editor's crash mid-write never loses
 * the vocabulary. */
static bool add_word(void *ud, const char *path, const char *word, char **err)
{
    (void)ud;
    FILE *f = fopen(path, "rb");
    if (!f) {
        *err = xasprintf("cannot open '%s': %s", path, strerror(errno));
        return false;
    }
    civ_buf b;
    civ_buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        civ_buf_add(&b, chunk, n);
    bool read_ok = !ferror(f);
    fclose(f);
    if (!read_ok) {
        civ_buf_release(&b);
        *err = xasprintf("cannot read '%s'", path);
        return false;
    }
    if (b.len && b.data[b.len - 1] != '\n')
        civ_buf_putc(&b, '\n');
    civ_buf_printf(&b, "%s\n", word);
    bool ok = civ_atomic_write(path, b.data, b.len, err);
    civ_buf_release(&b);
    return ok;
}

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
    f->word_list = word_list(&h->fs);
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

/* The post's own `lang:`, exactly as for a file on the command line
 * (postlang.h): the same speller and the same note when it has none. */
static void adapt(void *ud, civ_lsp_file *f, const civ_source *src, civ_diags *out)
{
    civ_run *r = ud;
    host_file *h = f->priv;
    if (h && h->ok) /* the document's own syntax names its generator (sections.h) */
        civ_run_own_syntax(r->configs, src, &h->fs, &f->linter);
    civ_post_speller(r->spellers, &f->linter.ctx, src, out);
}

static void release(void *ud, civ_lsp_file *f)
{
    host_file *h = f->priv;
    if (h && h->ok)
        civ_file_settings_release(&h->fs);
    free(h);
}

/* Hover's text: what `civlint --explain id` prints, from the same code. */
static char *explain(void *ud, const civ_rules *rules, const char *id)
{
    (void)ud;
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);
    if (!fp)
        return NULL;
    bool ok = civ_explain(fp, rules, id);
    if (fclose(fp) != 0 || !ok) {
        free(text);
        return NULL;
    }
    return text;
}

int civ_run_serve_lsp(civ_run *r)
{
    civ_run_load_spellers(r); /* a missing dictionary is reported on stderr */
    civ_lsp_host host = {.prepare = prepare, .adapt = adapt, .release = release, .reload = reload,
                         .add_word = add_word, .explain = explain, .ud = r};
    int status = civ_lsp_serve(&host, 0, stdout);
    free(g_spell_err);
    g_spell_err = NULL;
    return status;
}
