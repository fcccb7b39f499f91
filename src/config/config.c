/* config.c - see config.h. The parser walks the YAML tree with positions
 * and checks every key and value, so a typo in a config is an error at its
 * line and column rather than a setting silently ignored. */
#include "config/config.h"

#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source/source.h"
#include "base/util.h"
#include "base/yamltree.h"

/* The settings `overrides` may change as well as the top level. */
typedef struct {
    civ_policy policy;
    int figure_scope;       /* -1: unset */
    int direct;             /* -1: unset */
    long acronym;           /* -1: unset */
} part;

typedef struct {
    char **globs;
    size_t nglobs, cap;
    part p;
} override;

struct civ_config {
    char *path;
    char *dir;              /* folder of path, the base of relative paths */
    part top;
    char *lang;
    char **dicts;
    size_t ndicts, dcap;
    char **rule_dirs;
    size_t nrule_dirs, rcap;
    char **ignore;
    size_t nignore, icap;
    override *ovr;
    size_t novr, ocap;
    civ_rules *rules;       /* owned when the config adds packs, else NULL */
};

/* ---- parsing ---------------------------------------------------------- */

typedef struct {
    size_t line, col, seq;
    char *msg;
} perror_t;

/* Errors are collected and printed in file order, all at once, so one run
 * shows every problem of a configuration. */
typedef struct {
    const char *path;
    const civ_config_env *env;
    civ_config *c;
    perror_t *errs;
    size_t nerr, ecap;
} parser;

static void perr(parser *ps, const civ_ynode *n, const char *fmt, ...) CIV_PRINTF(3, 4);
static void perr(parser *ps, const civ_ynode *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *m = NULL;
    if (vasprintf(&m, fmt, ap) < 0)
        m = NULL;
    va_end(ap);
    perror_t *e = CIV_PUSH(ps->errs, ps->nerr, ps->ecap);
    e->line = n ? n->line : 1;
    e->col = n ? n->col : 1;
    e->seq = ps->nerr;
    e->msg = xasprintf("%s:%zu:%zu: error: %s", ps->path, e->line, e->col, m ? m : "out of memory");
    free(m);
}

static int cmp_perror(const void *pa, const void *pb)
{
    const perror_t *a = pa, *b = pb;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* All errors in file order, one a line (heap); frees the list. */
static char *take_errors(parser *ps)
{
    civ_qsort(ps->errs, ps->nerr, sizeof *ps->errs, cmp_perror);
    civ_buf b;
    civ_buf_init(&b);
    for (size_t i = 0; i < ps->nerr; i++) {
        if (i)
            civ_buf_putc(&b, '\n');
        civ_buf_puts(&b, ps->errs[i].msg);
        free(ps->errs[i].msg);
    }
    free(ps->errs);
    return civ_buf_detach(&b);
}

static void part_init(part *p)
{
    civ_policy_init(&p->policy);
    p->figure_scope = p->direct = -1;
    p->acronym = -1;
}

static char *resolve(const char *dir, const char *rel)
{
    return rel[0] == '/' ? xstrdup(rel) : xasprintf("%s/%s", dir, rel);
}

/* A scalar or a list of scalars, as a list. Returns false (error reported)
 * on anything else. */
static bool scalars(parser *ps, const civ_ynode *v, const char *key, const civ_ynode ***items,
                    size_t *n)
{
    if (v->kind == CIV_Y_SCALAR) {
        *items = (const civ_ynode **)xmalloc(sizeof **items);
        (*items)[0] = v;
        *n = 1;
        return true;
    }
    if (v->kind != CIV_Y_SEQ) {
        perr(ps, v, "'%s' must be a list, not %s", key, civ_ykind_name(v->kind));
        return false;
    }
    for (size_t i = 0; i < v->n; i++) {
        if (v->items[i]->kind != CIV_Y_SCALAR || !v->items[i]->len) {
            perr(ps, v->items[i], "'%s' must list non-empty strings", key);
            return false;
        }
    }
    *items = (const civ_ynode **)xmalloc((v->n ? v->n : 1) * sizeof **items);
    for (size_t i = 0; i < v->n; i++)
        (*items)[i] = v->items[i];
    *n = v->n;
    return true;
}

static const civ_rules *config_rules(parser *ps)
{
    return ps->c->rules ? ps->c->rules : ps->env ? ps->env->rules : NULL;
}

static void rule_setting(parser *ps, const civ_ynode *idn, int level, part *p)
{
    if (!civ_rule_id_known(config_rules(ps), idn->value)) {
        const char *dot = strchr(idn->value, '.');
        char *wild = dot ? xasprintf("%.*s.*", (int)(dot - idn->value), idn->value) : NULL;
        bool pack_loaded = wild && civ_rule_id_known(config_rules(ps), wild);
        free(wild);
        if (pack_loaded)
            perr(ps, idn, "unknown rule '%s': pack '%.*s' has no rule '%s' (see civlint --list-rules)",
                 idn->value, (int)(dot - idn->value), idn->value, dot + 1);
        else if (dot)
            perr(ps, idn, "unknown rule '%s': no rule pack named '%.*s' is loaded", idn->value,
                 (int)(dot - idn->value), idn->value);
        else
            perr(ps, idn, "unknown rule '%s' (see civlint --list-rules)", idn->value);
        return;
    }
    civ_policy_add(&p->policy, idn->value, level);
}

static void parse_toggle(parser *ps, const civ_ynode *v, const char *key, int level, part *p)
{
    const civ_ynode **items;
    size_t n;
    if (!scalars(ps, v, key, &items, &n))
        return;
    for (size_t i = 0; i < n; i++)
        rule_setting(ps, items[i], level, p);
    free(items);
}

static void parse_severity(parser *ps, const civ_ynode *v, part *p)
{
    if (v->kind != CIV_Y_MAP) {
        perr(ps, v, "'severity' must map rule ids to error, warning, note, off or on");
        return;
    }
    for (size_t i = 0; i + 1 < v->n; i += 2) {
        const civ_ynode *k = v->items[i], *x = v->items[i + 1];
        int level;
        if (k->kind != CIV_Y_SCALAR) {
            perr(ps, k, "'severity' keys must be rule ids");
            continue;
        }
        if (x->kind != CIV_Y_SCALAR || !civ_level_parse(x->value, &level)) {
            perr(ps, x, "severity of '%s' must be error, warning, note, off or on", k->value);
            continue;
        }
        rule_setting(ps, k, level, p);
    }
}

static bool parse_bool(parser *ps, const civ_ynode *v, const char *key, bool *out)
{
    if (civ_yscalar_is(v, "true"))
        *out = true;
    else if (civ_yscalar_is(v, "false"))
        *out = false;
    else {
        perr(ps, v, "'%s' must be true or false", key);
        return false;
    }
    return true;
}

/* Reports every key of map v that is not in `known` (NULL-terminated). */
static bool known_keys(parser *ps, const civ_ynode *v, const char *what, const char *const *known)
{
    bool ok = true;
    for (size_t i = 0; i + 1 < v->n; i += 2) {
        const civ_ynode *k = v->items[i];
        for (size_t j = 0; j < i && k->kind == CIV_Y_SCALAR; j += 2) {
            if (civ_yscalar_is(v->items[j], k->value)) {
                perr(ps, k, "duplicate key '%s' (first at line %zu)", k->value, v->items[j]->line);
                ok = false;
                break;
            }
        }
        bool found = false;
        for (size_t j = 0; known[j] && !found; j++)
            found = civ_yscalar_is(k, known[j]);
        if (!found) {
            civ_buf list;
            civ_buf_init(&list);
            for (size_t j = 0; known[j]; j++)
                civ_buf_printf(&list, "%s%s", j ? ", " : "", known[j]);
            perr(ps, k, "unknown key '%s' in %s (known: %s)",
                 k->kind == CIV_Y_SCALAR ? k->value : "?", what, list.data);
            civ_buf_release(&list);
            ok = false;
        }
    }
    return ok;
}

static void parse_figures(parser *ps, const civ_ynode *v, part *p)
{
    static const char *const keys[] = {"scope", NULL};
    if (v->kind != CIV_Y_MAP) {
        perr(ps, v, "'figures' must be a mapping like {scope: sentence}");
        return;
    }
    known_keys(ps, v, "'figures'", keys);
    const civ_ynode *s = civ_ymap_get(v, "scope");
    if (!s)
        return;
    if (civ_yscalar_is(s, "sentence"))
        p->figure_scope = CIV_FIGURES_SENTENCE;
    else if (civ_yscalar_is(s, "paragraph"))
        p->figure_scope = CIV_FIGURES_PARAGRAPH;
    else
        perr(ps, s, "'figures.scope' must be sentence or paragraph");
}

static void parse_empty_section(parser *ps, const civ_ynode *v, part *p)
{
    static const char *const keys[] = {"direct-content", NULL};
    if (v->kind != CIV_Y_MAP) {
        perr(ps, v, "'empty-section' must be a mapping like {direct-content: true}");
        return;
    }
    known_keys(ps, v, "'empty-section'", keys);
    const civ_ynode *d = civ_ymap_get(v, "direct-content");
    bool b;
    if (d && parse_bool(ps, d, "empty-section.direct-content", &b))
        p->direct = b;
}

static void parse_acronym(parser *ps, const civ_ynode *v, part *p)
{
    char *end = NULL;
    long n = v->kind == CIV_Y_SCALAR ? strtol(v->value, &end, 10) : -1;
    if (v->kind != CIV_Y_SCALAR || !v->len || *end || n < 2 || n > 32) {
        perr(ps, v, "'acronym-max-length' must be a whole number from 2 to 32");
        return;
    }
    p->acronym = n;
}

/* The keys a part may hold; returns true when `key` was one. */
static bool parse_part_key(parser *ps, const civ_ynode *k, const civ_ynode *v, part *p)
{
    if (civ_yscalar_is(k, "enable"))
        parse_toggle(ps, v, "enable", CIV_LEVEL_ON, p);
    else if (civ_yscalar_is(k, "disable"))
        parse_toggle(ps, v, "disable", CIV_LEVEL_OFF, p);
    else if (civ_yscalar_is(k, "severity"))
        parse_severity(ps, v, p);
    else if (civ_yscalar_is(k, "figures"))
        parse_figures(ps, v, p);
    else if (civ_yscalar_is(k, "empty-section"))
        parse_empty_section(ps, v, p);
    else if (civ_yscalar_is(k, "acronym-max-length"))
        parse_acronym(ps, v, p);
    else
        return false;
    return true;
}

static void parse_overrides(parser *ps, const civ_ynode *v)
{
    static const char *const keys[] = {"files", "enable", "disable", "severity", "figures",
                                       "empty-section", "acronym-max-length", NULL};
    civ_config *c = ps->c;
    if (v->kind != CIV_Y_SEQ) {
        perr(ps, v, "'overrides' must be a list of {files: [GLOB...], ...}");
        return;
    }
    for (size_t i = 0; i < v->n; i++) {
        const civ_ynode *m = v->items[i];
        if (m->kind != CIV_Y_MAP) {
            perr(ps, m, "each override must be a mapping with 'files'");
            continue;
        }
        const civ_ynode *files = civ_ymap_get(m, "files");
        if (!files) {
            perr(ps, m, "override has no 'files' globs");
            continue;
        }
        known_keys(ps, m, "an override", keys);
        override *o = CIV_PUSH(c->ovr, c->novr, c->ocap);
        memset(o, 0, sizeof *o);
        part_init(&o->p);
        const civ_ynode **items;
        size_t n;
        if (scalars(ps, files, "files", &items, &n)) {
            for (size_t j = 0; j < n; j++)
                *CIV_PUSH(o->globs, o->nglobs, o->cap) = xstrdup(items[j]->value);
            free(items);
        }
        for (size_t j = 0; j + 1 < m->n; j += 2)
            parse_part_key(ps, m->items[j], m->items[j + 1], &o->p);
    }
}

static void parse_paths(parser *ps, const civ_ynode *v, const char *key, char ***out, size_t *n,
                        size_t *cap, bool must_exist)
{
    const civ_ynode **items;
    size_t k;
    if (!scalars(ps, v, key, &items, &k))
        return;
    for (size_t i = 0; i < k; i++) {
        char *p = resolve(ps->c->dir, items[i]->value);
        struct stat st;
        if (must_exist && stat(p, &st) != 0) {
            perr(ps, items[i], "cannot find '%s' (%s): %s", items[i]->value, key, strerror(errno));
            free(p);
            continue;
        }
        *CIV_PUSH(*out, *n, *cap) = p;
    }
    free(items);
}

static void load_packs(parser *ps, const civ_ynode *v)
{
    civ_config *c = ps->c;
    size_t before = ps->nerr;
    parse_paths(ps, v, "rules", &c->rule_dirs, &c->nrule_dirs, &c->rcap, true);
    if (ps->nerr != before || !c->nrule_dirs)
        return;
    c->rules = civ_rules_new();
    civ_rules_declare_from(c->rules, ps->env ? ps->env->rules : NULL);
    char *err = NULL;
    const char *const *base = ps->env ? ps->env->rule_dirs : NULL;
    size_t nbase = ps->env ? ps->env->nrule_dirs : 0;
    for (size_t i = 0; i < nbase + c->nrule_dirs; i++) {
        const char *d = i < nbase ? base[i] : c->rule_dirs[i - nbase];
        struct stat st;
        bool ok = stat(d, &st) == 0 && S_ISDIR(st.st_mode) ? civ_rules_load_dir(c->rules, d, &err)
                                                           : civ_rules_load_file(c->rules, d, &err);
        if (!ok) {
            perr(ps, v, "cannot load rule packs:\n%s", err ? err : "?");
            free(err);
            return;
        }
    }
}

static bool valid_lang(const char *s)
{
    /* ll or ll_CC (hunspell dictionary names) */
    size_t n = strlen(s);
    bool ll = n >= 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z';
    if (n == 2)
        return ll;
    return n == 5 && ll && (s[2] == '_' || s[2] == '-') && s[3] >= 'A' && s[3] <= 'Z' &&
           s[4] >= 'A' && s[4] <= 'Z';
}

static void parse_top(parser *ps, const civ_ynode *root)
{
    static const char *const keys[] = {"enable", "disable", "severity", "lang", "dictionaries",
                                       "rules", "figures", "empty-section", "acronym-max-length",
                                       "ignore", "overrides", NULL};
    civ_config *c = ps->c;
    known_keys(ps, root, ps->path, keys);
    /* Packs first: rule ids elsewhere may name them. */
    const civ_ynode *r = civ_ymap_get(root, "rules");
    if (r)
        load_packs(ps, r);
    for (size_t i = 0; i + 1 < root->n; i += 2) {
        const civ_ynode *k = root->items[i], *v = root->items[i + 1];
        if (parse_part_key(ps, k, v, &c->top))
            continue;
        if (civ_yscalar_is(k, "lang")) {
            if (v->kind != CIV_Y_SCALAR || !valid_lang(v->value)) {
                perr(ps, v, "'lang' must be a language like en_US or en_GB");
            }
            else {
                free(c->lang);
                c->lang = xstrdup(v->value);
            }
        } else if (civ_yscalar_is(k, "dictionaries")) {
            parse_paths(ps, v, "dictionaries", &c->dicts, &c->ndicts, &c->dcap, true);
        } else if (civ_yscalar_is(k, "ignore")) {
            const civ_ynode **items;
            size_t n;
            if (scalars(ps, v, "ignore", &items, &n)) {
                for (size_t j = 0; j < n; j++)
                    *CIV_PUSH(c->ignore, c->nignore, c->icap) = xstrdup(items[j]->value);
                free(items);
            }
        } else if (civ_yscalar_is(k, "overrides")) {
            parse_overrides(ps, v);
        }
    }
}

civ_config *civ_config_parse(const char *path, const char *text, size_t len,
                             const civ_config_env *env, char **err)
{
    *err = NULL;
    char *yerr = NULL;
    civ_ydoc *y = civ_ydoc_parse(text, len, 0, &yerr);
    if (!y) {
        /* yerr is "LINE:COL: problem" */
        char *sp = strchr(yerr, ' ');
        *err = sp ? xasprintf("%s:%.*s error: %s", path, (int)(sp - yerr), yerr, sp + 1)
                  : xasprintf("%s:1:1: error: %s", path, yerr);
        free(yerr);
        return NULL;
    }
    civ_config *c = xcalloc(1, sizeof *c);
    c->path = xstrdup(path);
    const char *slash = strrchr(path, '/');
    c->dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
    part_init(&c->top);
    parser ps = {path, env, c, NULL, 0, 0};
    const civ_ynode *root = civ_ydoc_root(y);
    if (root && root->kind != CIV_Y_MAP)
        perr(&ps, root, "a civlint configuration must be a YAML mapping, not %s",
             civ_ykind_name(root->kind));
    else if (root)
        parse_top(&ps, root);
    civ_ydoc_free(y);
    if (ps.nerr) {
        *err = take_errors(&ps);
        civ_config_free(c);
        return NULL;
    }
    return c;
}

civ_config *civ_config_load(const char *path, const civ_config_env *env, char **err)
{
    char *rerr = NULL;
    civ_source *src = civ_source_read(path, NULL, 1 << 20, &rerr);
    if (!src) {
        *err = xasprintf("configuration %s", rerr);
        free(rerr);
        return NULL;
    }
    if (src->nbad) {
        size_t line, col;
        civ_source_position(src, src->bad[0].off, &line, &col);
        *err = xasprintf("%s:%zu:%zu: error: invalid UTF-8 byte 0x%02X", path, line, col,
                         src->bad[0].byte);
        civ_source_free(src);
        return NULL;
    }
    civ_config *c = civ_config_parse(path, src->data, src->len, env, err);
    civ_source_free(src);
    return c;
}

static void free_strs(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void civ_config_free(civ_config *c)
{
    if (!c)
        return;
    free(c->path);
    free(c->dir);
    civ_policy_release(&c->top.policy);
    free(c->lang);
    free_strs(c->dicts, c->ndicts);
    free_strs(c->rule_dirs, c->nrule_dirs);
    free_strs(c->ignore, c->nignore);
    for (size_t i = 0; i < c->novr; i++) {
        free_strs(c->ovr[i].globs, c->ovr[i].nglobs);
        civ_policy_release(&c->ovr[i].p.policy);
    }
    free(c->ovr);
    civ_rules_free(c->rules);
    free(c);
}

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

/* YAML-quotes s when it is not a safe plain scalar. */
static void yaml_str(FILE *fp, const char *s)
{
    bool plain = *s && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./") ==
                           strlen(s);
    if (plain) {
        fputs(s, fp);
        return;
    }
    fputc('"', fp);
    for (const char *p = s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(fp, "\\%c", *p);
        else if ((unsigned char)*p < 0x20)
            fprintf(fp, "\\x%02X", (unsigned char)*p);
        else
            fputc(*p, fp);
    }
    fputc('"', fp);
}

void civ_file_settings_print(const civ_file_settings *s, const char *path, FILE *fp)
{
    fputs("# civlint settings for ", fp);
    yaml_str(fp, path);
    fputs("\n# from: ", fp);
    if (s->config_path)
        yaml_str(fp, s->config_path);
    else
        fputs("defaults (no .civlint.yml)", fp);
    fprintf(fp, "\nignored: %s\nlang: ", s->ignored ? "true" : "false");
    yaml_str(fp, s->lang ? s->lang : "en_US");
    fputs("\ndictionaries:", fp);
    if (!s->ndictionaries)
        fputs(" []", fp);
    for (size_t i = 0; i < s->ndictionaries; i++) {
        fputs("\n  - ", fp);
        yaml_str(fp, s->dictionaries[i]);
    }
    fputs("\nrule-packs:", fp);
    size_t np = s->rules ? civ_rules_npacks(s->rules) : 0;
    if (!np)
        fputs(" []", fp);
    for (size_t i = 0; i < np; i++) {
        const civ_pack *pk = civ_rules_pack(s->rules, i);
        fputs("\n  - ", fp);
        yaml_str(fp, pk->name);
        fputs("  # ", fp);
        fputs(pk->path, fp);
    }
    fprintf(fp, "\nfigures:\n  scope: %s\nempty-section:\n  direct-content: %s\n",
            s->figure_scope == CIV_FIGURES_PARAGRAPH ? "paragraph" : "sentence",
            s->empty_section_direct ? "true" : "false");
    if (s->acronym_max_length)
        fprintf(fp, "acronym-max-length: %zu\n", s->acronym_max_length);
    else
        fputs("# acronym-max-length: the check's default\n", fp);
    fputs("severity:\n", fp);
    civ_rule_entry e;
    for (size_t i = 0; s->rules && civ_rules_entry(s->rules, i, &e) && !e.pack; i++) {
        civ_severity sev;
        bool on = civ_policy_lookup(&s->policy, e.id, e.severity, &sev);
        fprintf(fp, "  %s: %s\n", e.id, on ? civ_severity_name(sev) : "off");
    }
    /* Pack rules and pack wildcards that a setting names, once each. */
    for (size_t i = 0; i < s->policy.n; i++) {
        const char *id = s->policy.items[i].id;
        bool seen = s->rules && civ_rules_find(s->rules, id, &e) && !e.pack;
        for (size_t j = 0; j < i && !seen; j++)
            seen = strcmp(s->policy.items[j].id, id) == 0;
        if (seen)
            continue;
        civ_severity sev;
        bool on = civ_policy_lookup(&s->policy, id, CIV_SEV_WARNING, &sev);
        fputs("  ", fp);
        yaml_str(fp, id);
        /* a pack rule keeps its pack's severity unless one is set */
        bool explicit_sev = false;
        for (size_t j = 0; j < s->policy.n; j++)
            if (strcmp(s->policy.items[j].id, id) == 0 && s->policy.items[j].level >= 0)
                explicit_sev = true;
        fprintf(fp, ": %s\n", !on ? "off" : explicit_sev ? civ_severity_name(sev) : "on");
    }
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
