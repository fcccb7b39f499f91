/* resolve.c - see config.h: which configuration governs a file (the
 * discovery cache, walking up from the file's folder) and what it sets for
 * that file (top level, then the overrides whose globs match). Split from
 * config.c, which reads a configuration, because finding and applying one
 * is a concern of its own (paths, globs, the cache). */
#include "config/config.h"
#include "config/config_impl.h"

#include <fnmatch.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/util.h"

/* ---- globs and resolution --------------------------------------------- */

/* Matches pattern segment by segment: "**" spans any number of folders. */
static bool match_from(const char *g, const char *s)
{
    if (strncmp(g, "**", 2) == 0 && (g[2] == '/' || g[2] == '\0')) {
        const char *rest = g[2] == '/' ? g + 3 : g + 2;
        if (!*rest)
            return true;
        for (const char *p = s;; p++) {
            if ((p == s || p[-1] == '/') && match_from(rest, p))
                return true;
            if (!*p)
                return false;
        }
    }
    const char *gs = strchr(g, '/'), *ss = strchr(s, '/');
    size_t gl = gs ? (size_t)(gs - g) : strlen(g), sl = ss ? (size_t)(ss - s) : strlen(s);
    char *gseg = xstrndup(g, gl), *sseg = xstrndup(s, sl);
    bool ok = fnmatch(gseg, sseg, FNM_PERIOD) == 0;
    free(gseg);
    free(sseg);
    if (!ok)
        return false;
    if (!gs)
        return !ss;  /* "drafts" also matches "drafts/x.md" below */
    if (!ss)
        return false;
    return match_from(gs + 1, ss + 1);
}

bool civ_glob_match(const char *glob, const char *relpath)
{
    while (relpath[0] == '.' && relpath[1] == '/')
        relpath += 2;
    if (!strchr(glob, '/')) {
        const char *base = strrchr(relpath, '/');
        return fnmatch(glob, base ? base + 1 : relpath, FNM_PERIOD) == 0;
    }
    if (glob[0] == '/')
        glob++;
    size_t n = strlen(glob);
    /* "drafts/" means everything under drafts */
    if (n && glob[n - 1] == '/') {
        char *g = xasprintf("%s**", glob);
        bool ok = match_from(g, relpath);
        free(g);
        return ok;
    }
    return match_from(glob, relpath);
}

/* The path of `path` relative to dir, when both resolve and path is under
 * dir; otherwise path as given. Caller frees. */
static char *relative_to(const char *dir, const char *path)
{
    char rd[PATH_MAX], rp[PATH_MAX];
    char *d = xstrdup(path), *slash = strrchr(d, '/');
    const char *base = slash ? path + (slash - d) + 1 : path;
    if (slash)
        *slash = '\0';
    bool ok = realpath(dir, rd) && realpath(slash ? (*d ? d : "/") : ".", rp);
    free(d);
    if (ok) {
        size_t n = strlen(rd);
        char *full = xasprintf("%s/%s", strcmp(rp, "/") == 0 ? "" : rp, base);
        if (strncmp(full, rd, n) == 0 && (full[n] == '/' || strcmp(rd, "/") == 0)) {
            char *r = xstrdup(full + (strcmp(rd, "/") == 0 ? 1 : n + 1));
            free(full);
            return r;
        }
        free(full);
    }
    return xstrdup(path);
}

static void apply_part(civ_file_settings *s, const part *p)
{
    civ_policy_append(&s->policy, &p->policy);
    if (p->figure_scope >= 0)
        s->figure_scope = p->figure_scope;
    if (p->direct >= 0)
        s->empty_section_direct = p->direct;
    if (p->acronym >= 0)
        s->acronym_max_length = (size_t)p->acronym;
    if (p->unknown_terms >= 0)
        s->unknown_terms = p->unknown_terms;
    if (p->foreign >= 0)
        s->foreign = p->foreign;
}

void civ_config_settings(const civ_config *c, const civ_config_env *env, const char *path,
                         const civ_policy *cli, civ_file_settings *out)
{
    memset(out, 0, sizeof *out);
    civ_policy_init(&out->policy);
    out->rules = env ? env->rules : NULL;
    out->figure_scope = CIV_FIGURES_SENTENCE;
    if (c) {
        out->config_path = c->path;
        if (c->rules)
            out->rules = c->rules;
        out->lang = c->lang;
        out->dictionaries = (const char *const *)c->dicts;
        out->ndictionaries = c->ndicts;
        apply_part(out, &c->top);
        char *rel = relative_to(c->dir, path);
        for (size_t i = 0; i < c->nignore && !out->ignored; i++)
            out->ignored = civ_glob_match(c->ignore[i], rel);
        for (size_t i = 0; i < c->novr; i++) {
            bool hit = false;
            for (size_t j = 0; j < c->ovr[i].nglobs && !hit; j++)
                hit = civ_glob_match(c->ovr[i].globs[j], rel);
            if (hit)
                apply_part(out, &c->ovr[i].p);
        }
        free(rel);
    }
    civ_policy_append(&out->policy, cli);
}

void civ_file_settings_release(civ_file_settings *s)
{
    civ_policy_release(&s->policy);
}

/* ---- discovery cache -------------------------------------------------- */

typedef struct {
    char *dir;          /* absolute folder */
    civ_config *config; /* NULL: none governs it (or it is bad) */
    bool bad;
    bool reported;
} cache_entry;

struct civ_configs {
    const civ_config_env *env;
    const civ_policy *cli;
    bool none;
    civ_config *explicit_cfg;
    char *explicit_path;
    bool explicit_bad, explicit_reported;
    char *explicit_err;
    cache_entry *cache;
    size_t ncache, cap;
    civ_config **owned;  /* every parsed config */
    size_t nowned, ocap;
};

civ_configs *civ_configs_new(const civ_config_env *env, const civ_policy *cli,
                             const char *explicit_path, bool none)
{
    civ_configs *cs = xcalloc(1, sizeof *cs);
    cs->env = env;
    cs->cli = cli;
    cs->none = none;
    if (explicit_path && !none)
        cs->explicit_path = xstrdup(explicit_path);
    return cs;
}

void civ_configs_free(civ_configs *cs)
{
    if (!cs)
        return;
    for (size_t i = 0; i < cs->ncache; i++)
        free(cs->cache[i].dir);
    free(cs->cache);
    for (size_t i = 0; i < cs->nowned; i++)
        civ_config_free(cs->owned[i]);
    free(cs->owned);
    civ_config_free(cs->explicit_cfg);
    free(cs->explicit_path);
    free(cs->explicit_err);
    free(cs);
}

static cache_entry *cache_find(civ_configs *cs, const char *dir)
{
    for (size_t i = cs->ncache; i-- > 0;)
        if (strcmp(cs->cache[i].dir, dir) == 0)
            return &cs->cache[i];
    return NULL;
}

/* The entry for absolute folder `dir`: its own config file, or its
 * parent's entry. Errors are stored in *err for the first reporter. */
static cache_entry *discover(civ_configs *cs, const char *dir, char **err)
{
    cache_entry *e = cache_find(cs, dir);
    if (e)
        return e;
    cache_entry found = {NULL, NULL, false, false};
    static const char *const names[] = {".civlint.yml", ".civlint.yaml"};
    for (size_t i = 0; i < 2 && !found.config && !found.bad; i++) {
        char *p = xasprintf("%s/%s", strcmp(dir, "/") == 0 ? "" : dir, names[i]);
        struct stat st;
        if (stat(p, &st) == 0) {
            char *shown = relative_to(".", p);
            free(p);
            p = shown;
            found.config = civ_config_load(p, cs->env, err);
            found.bad = !found.config;
            found.reported = found.bad;
            if (found.config)
                *CIV_PUSH(cs->owned, cs->nowned, cs->ocap) = found.config;
        }
        free(p);
    }
    if (!found.config && !found.bad && strcmp(dir, "/") != 0) {
        char *parent = xstrdup(dir);
        char *slash = strrchr(parent, '/');
        if (slash == parent)
            slash[1] = '\0';
        else if (slash)
            *slash = '\0';
        cache_entry *pe = discover(cs, parent, err);
        found.config = pe->config;
        found.bad = pe->bad;
        found.reported = true;
        free(parent);
    }
    found.dir = xstrdup(dir);
    e = CIV_PUSH(cs->cache, cs->ncache, cs->cap);
    *e = found;
    return e;
}

bool civ_configs_resolve(civ_configs *cs, const char *path, civ_file_settings *out, char **err)
{
    *err = NULL;
    const civ_config *c = NULL;
    if (cs->none) {
        c = NULL;
    } else if (cs->explicit_path) {
        if (!cs->explicit_cfg && !cs->explicit_bad) {
            cs->explicit_cfg = civ_config_load(cs->explicit_path, cs->env, err);
            cs->explicit_bad = !cs->explicit_cfg;
            if (cs->explicit_bad)
                return false;
        }
        if (cs->explicit_bad)
            return false;
        c = cs->explicit_cfg;
    } else {
        char *d = xstrdup(path);
        char *slash = strrchr(d, '/');
        if (slash)
            *slash = '\0';
        char abs[PATH_MAX];
        const char *start = slash ? (*d ? d : "/") : ".";
        if (!realpath(start, abs) && !realpath(".", abs)) {
            free(d);
            memset(out, 0, sizeof *out);
            civ_config_settings(NULL, cs->env, path, cs->cli, out);
            return true;
        }
        free(d);
        cache_entry *e = discover(cs, abs, err);
        if (e->bad)
            return false;
        c = e->config;
    }
    civ_config_settings(c, cs->env, path, cs->cli, out);
    return true;
}
