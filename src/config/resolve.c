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
#include "config/site.h"
#include "config/sitesyntax.h"

/* ---- globs and resolution --------------------------------------------- */

/* Globs are matched without backtracking that can explode: fnmatch(3)
 * and a recursive "**" both try every split, so 30 "**" folders
 * against a deep path, or "*a*a*a*a*b" against a long name, took minutes.
 * Here a segment is matched with the classic single-backtrack algorithm
 * for '*' (at most |pattern| x |segment| steps), and the segments of a
 * path with a set of live pattern positions, "**" staying live across any
 * number of folders (at most |pattern segments| x |path segments| segment
 * matches). Semantics are fnmatch's with FNM_PERIOD, per segment: '*',
 * '?' and [...] (classes included) never match '/' nor a leading '.';
 * '\' escapes. */

/* The end of the bracket expression at p ('[' ... ']'), or NULL when it is
 * not one (then '[' is literal). */
static const char *bracket_end(const char *p, const char *e)
{
    const char *q = p + 1;
    if (q < e && (*q == '!' || *q == '^'))
        q++;
    if (q < e && *q == ']')
        q++;
    while (q < e && *q != ']') {
        if (*q == '[' && q + 1 < e && (q[1] == ':' || q[1] == '=' || q[1] == '.')) {
            char close = q[1];
            const char *k = q + 2;
            while (k + 1 < e && !(k[0] == close && k[1] == ']'))
                k++;
            if (k + 1 >= e)
                return NULL;
            q = k + 2;
            continue;
        }
        q++;
    }
    return q < e ? q : NULL;
}

/* Does the bracket expression p..end (inclusive) match the byte c? fnmatch
 * on a one-byte string: exact for classes and ranges, and linear. */
static bool bracket_match(const char *p, const char *end, char c)
{
    char *expr = xstrndup(p, (size_t)(end - p + 1));
    char one[2] = {c, '\0'};
    bool ok = fnmatch(expr, one, 0) == 0;
    free(expr);
    return ok;
}

/* One pattern element at *pp (advanced past it) against byte c. */
static bool elem_match(const char **pp, const char *pe, char c)
{
    const char *p = *pp;
    if (*p == '?') {
        *pp = p + 1;
        return true;
    }
    if (*p == '[') {
        const char *b = bracket_end(p, pe);
        if (b) {
            *pp = b + 1;
            return bracket_match(p, b, c);
        }
    }
    if (*p == '\\' && p + 1 < pe)
        p++;
    *pp = p + 1;
    return *p == c;
}

static bool segment_match(const char *p, const char *pe, const char *s, const char *se, size_t *work)
{
    /* FNM_PERIOD: a leading '.' only by a literal '.' */
    if (s < se && *s == '.' && !(p < pe && (*p == '.' || (*p == '\\' && p + 1 < pe && p[1] == '.'))))
        return false;
    const char *star_p = NULL, *star_s = NULL;
    while (s < se) {
        if (work)
            (*work)++;
        if (p < pe && *p == '*') {
            while (p < pe && *p == '*')
                p++;
            star_p = p;
            star_s = s;
            continue;
        }
        const char *np = p;
        if (p < pe && elem_match(&np, pe, *s)) {
            p = np;
            s++;
            continue;
        }
        if (!star_p)
            return false;
        p = star_p; /* let the last '*' take one more byte */
        s = ++star_s;
    }
    while (p < pe && *p == '*')
        p++;
    return p == pe;
}

typedef struct {
    const char *b, *e;
} seg;

static seg *split_segments(const char *s, size_t *n)
{
    size_t k = 1;
    for (const char *c = s; *c; c++)
        k += *c == '/';
    seg *v = xmalloc(k * sizeof *v);
    *n = 0;
    for (const char *c = s;;) {
        const char *sl = strchr(c, '/');
        v[(*n)++] = (seg){c, sl ? sl : c + strlen(c)};
        if (!sl)
            break;
        c = sl + 1;
    }
    return v;
}

static bool is_globstar(seg g)
{
    return g.e - g.b == 2 && g.b[0] == '*' && g.b[1] == '*';
}

/* Marks pattern positions reachable from live ones through "**" matching
 * no folder. A final "**" after a folder (drafts, then "**") needs at least one
 * more segment: it matches what is under drafts, not drafts itself. */
static void close_globstars(bool *live, const seg *g, size_t m)
{
    for (size_t j = 0; j < m; j++)
        if (live[j] && is_globstar(g[j]) && !(j == m - 1 && m > 1))
            live[j + 1] = true;
}

bool civ_glob_match_counted(const char *glob, const char *path, size_t *work)
{
    size_t m, n;
    seg *g = split_segments(glob, &m), *s = split_segments(path, &n);
    bool *live = xcalloc(m + 1, sizeof *live), *next = xcalloc(m + 1, sizeof *next);
    live[0] = true;
    close_globstars(live, g, m);
    for (size_t i = 0; i < n; i++) {
        memset(next, 0, (m + 1) * sizeof *next);
        bool any = false;
        for (size_t j = 0; j < m; j++) {
            if (!live[j])
                continue;
            if (work)
                (*work)++;
            if (is_globstar(g[j]))
                next[j] = next[j + 1 == m ? m : j] = any = true;
            else if (segment_match(g[j].b, g[j].e, s[i].b, s[i].e, work))
                next[j + 1] = any = true;
        }
        bool *t = live;
        live = next;
        next = t;
        close_globstars(live, g, m);
        if (!any)
            break;
    }
    bool ok = live[m];
    free(live);
    free(next);
    free(g);
    free(s);
    return ok;
}

bool civ_glob_match(const char *glob, const char *relpath)
{
    while (relpath[0] == '.' && relpath[1] == '/')
        relpath += 2;
    if (!strchr(glob, '/')) {
        const char *base = strrchr(relpath, '/');
        base = base ? base + 1 : relpath;
        return segment_match(glob, glob + strlen(glob), base, base + strlen(base), NULL);
    }
    if (glob[0] == '/')
        glob++;
    size_t n = strlen(glob);
    /* "drafts/" means everything under drafts */
    if (n && glob[n - 1] == '/') {
        char *g = xasprintf("%s**", glob);
        bool ok = civ_glob_match_counted(g, relpath, NULL);
        free(g);
        return ok;
    }
    return civ_glob_match_counted(glob, relpath, NULL);
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

/* Everything but the rule settings, which civ_config_settings_site puts
 * in order itself. */
static void apply_part(civ_file_settings *s, const part *p)
{
    if (p->figure_scope >= 0)
        s->figure_scope = p->figure_scope;
    if (p->figure_self >= 0)
        s->figure_self_report = p->figure_self == 1;
    if (p->direct >= 0)
        s->empty_section_direct = p->direct;
    if (p->acronym >= 0)
        s->acronym_max_length = (size_t)p->acronym;
    if (p->unknown_terms >= 0)
        s->unknown_terms = p->unknown_terms;
    if (p->typography >= 0) {
        s->typography_smart = p->typography == 1;
        s->typography_set = true;
    }
    if (p->author_keys) {
        s->author_keys = (const char *const *)p->author_keys;
        s->nauthor_keys = p->nauthor_keys;
    }
    if (p->author_required >= 0)
        s->author_required = p->author_required;
    if (p->nbsp_all >= 0)
        s->nbsp_all = p->nbsp_all;
    if (p->author_data) {
        s->author_data = p->author_data;
        s->author_data_path = p->author_data_path;
    }
    if (p->foreign >= 0)
        s->foreign = p->foreign;
    if (p->lang) {
        s->lang = p->lang;
        s->lang_from = CIV_LANG_FROM_CONFIG;
    }
}

void civ_config_settings(const civ_config *c, const civ_config_env *env, const char *path,
                         const civ_policy *cli, civ_file_settings *out)
{
    civ_config_settings_site(c, env, path, cli, -1, NULL, out);
}

/* civ_config_settings_site; `syntax`: the site was guessed from the posts'
 * syntax, which tells nothing of where the site's root is, so the page's
 * kind is read from its path alone (as for a plain site): a Jekyll post
 * outside a `_posts` folder is not taken for a page. */
static void settings_for(const civ_config *c, const civ_config_env *env, const char *path,
                         const civ_policy *cli, int site, const char *site_from, bool syntax,
                         civ_file_settings *out)
{
    memset(out, 0, sizeof *out);
    civ_policy_init(&out->policy);
    out->rules = env ? env->rules : NULL;
    out->figure_scope = CIV_FIGURES_ADJACENT;
    out->site = site >= 0 ? site : CIV_SITE_PLAIN;
    out->site_from = site >= 0 ? site_from : NULL;
    /* The page's path from the site's root (the folder of the file the
     * site was guessed from), else as given. */
    char *root = site >= 0 && site_from && !syntax ? xstrdup(site_from) : NULL;
    char *slash = root ? strrchr(root, '/') : NULL;
    if (slash)
        *slash = '\0';
    char *from_root = root ? relative_to(slash ? (*root ? root : "/") : ".", path) : xstrdup(path);
    free(root);
    bool *hit = NULL;
    if (c) {
        out->config_path = c->path;
        if (c->rules)
            out->rules = c->rules;
        if (c->site >= 0) {
            out->site = c->site;
            out->site_from = NULL;
            out->site_set = true;
        }
        out->dictionaries = (const char *const *)c->dicts;
        out->ndictionaries = c->ndicts;
        out->figure_own_names = (const char *const *)c->own_names;
        out->nfigure_own_names = c->nown_names;
    }
    out->page_kind = civ_site_page_kind(syntax && !out->site_set ? CIV_SITE_PLAIN : out->site, from_root);
    free(from_root);
    out->typography_smart = civ_site_smart(out->site);
    if (c) {
        apply_part(out, &c->top);
        char *rel = relative_to(c->dir, path);
        for (size_t i = 0; i < c->nignore && !out->ignored; i++)
            out->ignored = civ_glob_match(c->ignore[i], rel);
        hit = xcalloc(c->novr ? c->novr : 1, sizeof *hit);
        for (size_t i = 0; i < c->novr; i++) {
            size_t j = 0;
            for (; j < c->ovr[i].nglobs && !hit[i]; j++)
                hit[i] = civ_glob_match(c->ovr[i].globs[j], rel);
            if (hit[i])
                apply_part(out, &c->ovr[i].p);
            if (hit[i] && c->ovr[i].p.lang) { /* for --print-config: which glob */
                out->lang_from = CIV_LANG_FROM_OVERRIDE;
                out->lang_glob = c->ovr[i].globs[j - 1];
            }
        }
        free(rel);
    }
    /* Rule settings, weakest first: what the renderer makes moot, then the
     * config's own (so `enable: [house.quotes]` still wins), the matching
     * overrides, the command line. */
    for (size_t i = 0; out->typography_smart && civ_smart_typography_rules[i]; i++)
        if (out->rules && civ_rule_id_known(out->rules, civ_smart_typography_rules[i]))
            civ_policy_add(&out->policy, civ_smart_typography_rules[i], CIV_LEVEL_OFF);
    if (c) {
        civ_policy_append(&out->policy, &c->top.policy);
        for (size_t i = 0; i < c->novr; i++)
            if (hit[i])
                civ_policy_append(&out->policy, &c->ovr[i].p.policy);
    }
    free(hit);
    civ_policy_append(&out->policy, cli);
}

void civ_config_settings_site(const civ_config *c, const civ_config_env *env, const char *path,
                              const civ_policy *cli, int site, const char *site_from,
                              civ_file_settings *out)
{
    settings_for(c, env, path, cli, site, site_from, false, out);
}

void civ_file_settings_release(civ_file_settings *s)
{
    civ_policy_release(&s->policy);
    free(s->own_names_buf);
    free(s->site_syntax);
}

/* The site's own name joins figures.own-names (the strings stay borrowed:
 * the config's and the site cache's). */
static void add_site_name(civ_file_settings *s, const char *name)
{
    for (size_t i = 0; i < s->nfigure_own_names; i++)
        if (strcmp(s->figure_own_names[i], name) == 0)
            return;
    s->own_names_buf = xcalloc(s->nfigure_own_names + 1, sizeof *s->own_names_buf);
    for (size_t i = 0; i < s->nfigure_own_names; i++)
        s->own_names_buf[i] = (char *)s->figure_own_names[i];
    s->own_names_buf[s->nfigure_own_names] = (char *)name;
    s->figure_own_names = (const char *const *)s->own_names_buf;
    s->nfigure_own_names++;
    s->site_title = name;
}

/* ---- discovery cache -------------------------------------------------- */

typedef struct {
    char *dir;          /* absolute folder */
    civ_config *config; /* NULL: none governs it (or it is bad) */
    bool bad;
    bool reported;
} cache_entry;

typedef struct {
    char *dir;           /* absolute folder */
    int site;            /* -1: none found up to the top */
    char *from;          /* the file it was guessed from (heap), or NULL */
    char *title;         /* the site's name in that file (heap), or NULL */
} site_entry;

typedef struct {
    char *dir;           /* absolute folder */
    civ_site_syntax s;
} syntax_entry;

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
    site_entry *sites;   /* the generator guessed per folder */
    size_t nsites, scap;
    syntax_entry *syn;   /* the posts' syntax per folder (civ_configs_add_syntax) */
    size_t nsyn, syncap;
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
    for (size_t i = 0; i < cs->nsites; i++) {
        free(cs->sites[i].dir);
        free(cs->sites[i].from);
        free(cs->sites[i].title);
    }
    free(cs->sites);
    for (size_t i = 0; i < cs->nsyn; i++) {
        free(cs->syn[i].dir);
        civ_site_syntax_release(&cs->syn[i].s);
    }
    free(cs->syn);
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

/* The generator of absolute folder dir: its own marker file, else its
 * parent's, up to the top of the repository or the filesystem. Cached per
 * folder, like configurations. */
static const site_entry *guess_site(civ_configs *cs, const char *dir)
{
    for (size_t i = cs->nsites; i-- > 0;)
        if (strcmp(cs->sites[i].dir, dir) == 0)
            return &cs->sites[i];
    site_entry found = {NULL, -1, NULL, NULL};
    const char *marker = NULL;
    found.site = civ_site_in_dir(dir, &marker);
    if (found.site >= 0) {
        char *p = xasprintf("%s/%s", strcmp(dir, "/") == 0 ? "" : dir, marker);
        found.from = relative_to(".", p);
        free(p);
        found.title = civ_site_title(dir, marker);
    } else if (strcmp(dir, "/") != 0 && !civ_site_is_top(dir)) {
        char *parent = xstrdup(dir);
        char *slash = strrchr(parent, '/');
        if (slash == parent)
            slash[1] = '\0';
        else if (slash)
            *slash = '\0';
        const site_entry *pe = guess_site(cs, parent);
        found.site = pe->site;
        found.from = pe->from ? xstrdup(pe->from) : NULL;
        found.title = pe->title ? xstrdup(pe->title) : NULL;
        free(parent);
    }
    found.dir = xstrdup(dir);
    site_entry *e = CIV_PUSH(cs->sites, cs->nsites, cs->scap);
    *e = found;
    return e;
}

/* The absolute folder of path ("." when it has none); false when it
 * cannot be resolved. */
static bool folder_of(const char *path, char abs[PATH_MAX])
{
    char *d = xstrdup(path);
    char *slash = strrchr(d, '/');
    if (slash)
        *slash = '\0';
    const char *start = slash ? (*d ? d : "/") : ".";
    bool ok = realpath(start, abs) || realpath(".", abs);
    free(d);
    return ok;
}

void civ_configs_add_syntax(civ_configs *cs, const char *path, const char *text, size_t len)
{
    char abs[PATH_MAX];
    if (!folder_of(path, abs))
        return;
    syntax_entry *e = NULL;
    for (size_t i = cs->nsyn; i-- > 0 && !e;) /* a walk gives a folder's files together */
        if (strcmp(cs->syn[i].dir, abs) == 0)
            e = &cs->syn[i];
    if (!e) {
        e = CIV_PUSH(cs->syn, cs->nsyn, cs->syncap);
        e->dir = xstrdup(abs);
        civ_site_syntax_init(&e->s);
    }
    civ_site_syntax_scan(&e->s, path, text, len);
}

/* The guess from the posts' syntax where no configuration file named the
 * generator: the site and what --print-config says of it. */
static void apply_syntax(const civ_config *c, const civ_configs *cs, const char *path,
                         const civ_site_syntax *syn, civ_file_settings *out)
{
    int site = civ_site_syntax_site(syn);
    if (site >= 0) {
        civ_file_settings_release(out);
        settings_for(c, cs->env, path, cs->cli, site, NULL, true, out);
        if (!out->site_set)
            out->site_syntax = xasprintf("guessed from the posts' syntax: %s", syn->first);
        out->site_syntax_guessed = !out->site_set;
    } else if (!out->site_set) {
        out->site_syntax = syn->conflict ? xasprintf("the posts' syntax conflicts: %s, then %s", syn->first, syn->conflict)
                                         : xasprintf("the posts' syntax fits several generators: %s", syn->first);
    }
}

static bool resolve(civ_configs *cs, const char *path, const civ_site_syntax *own, civ_file_settings *out,
                    char **err)
{
    *err = NULL;
    const civ_config *c = NULL;
    char abs[PATH_MAX];
    bool have_dir = folder_of(path, abs);
    const site_entry *site = have_dir ? guess_site(cs, abs) : NULL;
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
    } else if (have_dir) {
        cache_entry *e = discover(cs, abs, err);
        if (e->bad)
            return false;
        c = e->config;
    }
    civ_config_settings_site(c, cs->env, path, cs->cli, site ? site->site : -1, site ? site->from : NULL, out);
    const civ_site_syntax *syn = own;
    for (size_t i = have_dir ? cs->nsyn : 0; !syn && i-- > 0;)
        if (strcmp(cs->syn[i].dir, abs) == 0)
            syn = &cs->syn[i].s;
    if ((!site || site->site < 0) && syn && syn->n)
        apply_syntax(c, cs, path, syn, out);
    if (site && site->title)
        add_site_name(out, site->title);
    return true;
}

bool civ_configs_resolve(civ_configs *cs, const char *path, civ_file_settings *out, char **err)
{
    return resolve(cs, path, NULL, out, err);
}

bool civ_configs_resolve_own(civ_configs *cs, const char *path, const char *text, size_t len,
                             civ_file_settings *out, char **err)
{
    civ_site_syntax own;
    civ_site_syntax_init(&own);
    civ_site_syntax_scan(&own, path, text, len);
    bool ok = resolve(cs, path, &own, out, err);
    civ_site_syntax_release(&own);
    return ok;
}
