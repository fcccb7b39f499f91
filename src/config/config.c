/* config.c - see config.h: reading one .civlint.yml (resolve.c applies it
 * to a file and finds it, print.c prints the result). The parser walks the
 * YAML tree with positions and checks every key and value, so a typo in a
 * config is an error at its line and column rather than a setting silently
 * ignored. */
#include "config/config.h"
#include "config/config_impl.h"
#include "policy/ruleids.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/site.h"
#include "source/source.h"
#include "base/util.h"
#include "base/yamltree.h"

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
    p->figure_scope = p->figure_self = p->direct = -1;
    p->acronym = -1;
    p->unknown_terms = -1;
    p->typography = -1;
    p->author_required = -1;
    p->foreign = -1;
    p->nbsp_all = -1;
}

static void part_release(part *p)
{
    civ_policy_release(&p->policy);
    for (size_t i = 0; i < p->nauthor_keys; i++)
        free(p->author_keys[i]);
    free(p->author_keys);
    free(p->author_data_path);
    free(p->lang);
    if (p->author_data) {
        civ_strmap_release(p->author_data);
        free(p->author_data);
    }
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
        char buf[128];
        const char *near = civ_rule_id_nearest(config_rules(ps), idn->value, buf);
        char *hint = near ? xasprintf(" (did you mean '%s'?)", near) : xstrdup(" (see civlint --list-rules)");
        if (pack_loaded)
            perr(ps, idn, "unknown rule '%s': pack '%.*s' has no rule '%s'%s", idn->value,
                 (int)(dot - idn->value), idn->value, dot + 1, hint);
        else if (dot && !near)
            perr(ps, idn, "unknown rule '%s': no rule pack named '%.*s' is loaded", idn->value,
                 (int)(dot - idn->value), idn->value);
        else
            perr(ps, idn, "unknown rule '%s'%s", idn->value, hint);
        free(hint);
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

/* figures: {scope, self-attribution, own-names}. own-names names the site
 * itself, so it belongs to the whole config, not to an override. */
static void parse_figures(parser *ps, const civ_ynode *v, part *p)
{
    static const char *const keys[] = {"scope", "self-attribution", "own-names", NULL};
    if (v->kind != CIV_Y_MAP) {
        perr(ps, v, "'figures' must be a mapping like {scope: sentence}");
        return;
    }
    known_keys(ps, v, "'figures'", keys);
    const civ_ynode *s = civ_ymap_get(v, "scope");
    if (!s)
        ;
    else if (civ_yscalar_is(s, "sentence"))
        p->figure_scope = CIV_FIGURES_SENTENCE;
    else if (civ_yscalar_is(s, "adjacent"))
        p->figure_scope = CIV_FIGURES_ADJACENT;
    else if (civ_yscalar_is(s, "paragraph"))
        p->figure_scope = CIV_FIGURES_PARAGRAPH;
    else
        perr(ps, s, "'figures.scope' must be sentence, adjacent or paragraph");
    const civ_ynode *a = civ_ymap_get(v, "self-attribution");
    if (!a)
        ;
    else if (civ_yscalar_is(a, "allow"))
        p->figure_self = 0;
    else if (civ_yscalar_is(a, "report"))
        p->figure_self = 1;
    else
        perr(ps, a, "'figures.self-attribution' must be allow or report");
    const civ_ynode *o = civ_ymap_get(v, "own-names");
    if (!o)
        return;
    if (p != &ps->c->top) {
        perr(ps, o, "'figures.own-names' belongs at the top level, not in an override");
        return;
    }
    const civ_ynode **items;
    size_t n;
    if (!scalars(ps, o, "figures.own-names", &items, &n))
        return;
    for (size_t i = 0; i < n; i++)
        if (items[i]->value[0])
            *CIV_PUSH(ps->c->own_names, ps->c->nown_names, ps->c->ncap) = xstrdup(items[i]->value);
    free(items);
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

/* The index of t's value in the three `names`, or -1 after an error. */
static int one_of(parser *ps, const civ_ynode *t, const char *key, const char *const names[3])
{
    for (int i = 0; i < 3; i++)
        if (civ_yscalar_is(t, names[i]))
            return i;
    perr(ps, t, "'spelling.%s' must be %s, %s or %s", key, names[0], names[1], names[2]);
    return -1;
}

/* spelling: {unknown-terms: off|note|warning, foreign: skip|note|check} -
 * what an unknown word that is not a likely typo gives (0 off, 1 note, 2
 * warning), and what a paragraph in another language gets (0 skip, 1 skip
 * with a note, 2 checked): the values of checks/check.h's CIV_TERMS_* and
 * CIV_FOREIGN_*, which config may not include. */
static void parse_spelling(parser *ps, const civ_ynode *v, part *p)
{
    static const char *const keys[] = {"unknown-terms", "foreign", NULL};
    static const char *const levels[] = {"off", "note", "warning"};
    static const char *const foreign[] = {"skip", "note", "check"};
    if (v->kind != CIV_Y_MAP) {
        perr(ps, v, "'spelling' must be a mapping like {unknown-terms: note}");
        return;
    }
    known_keys(ps, v, "'spelling'", keys);
    const civ_ynode *t = civ_ymap_get(v, "unknown-terms");
    int i;
    if (t && (i = one_of(ps, t, "unknown-terms", levels)) >= 0)
        p->unknown_terms = i;
    t = civ_ymap_get(v, "foreign");
    if (t && (i = one_of(ps, t, "foreign", foreign)) >= 0)
        p->foreign = i;
}

/* typography: smart|plain - whether the renderer smartens quotes, dashes
 * and ellipses (then the rules about them are off). */
static void parse_typography(parser *ps, const civ_ynode *v, part *p)
{
    if (civ_yscalar_is(v, "smart"))
        p->typography = 1;
    else if (civ_yscalar_is(v, "plain"))
        p->typography = 0;
    else
        perr(ps, v, "'typography' must be smart or plain");
}

/* author-line: {keys: [KEY...], required: posts|true|false, data: FILE}.
 * `posts` (the default): posts need a byline, documentation pages do not
 * (civ_site_page_kind and the front matter's layout decide). */
static void parse_author_line(parser *ps, const civ_ynode *v, part *p)
{
    static const char *const keys[] = {"keys", "required", "data", NULL};
    if (v->kind != CIV_Y_MAP) {
        perr(ps, v, "'author-line' must be a mapping like {keys: [author, by], required: true}");
        return;
    }
    known_keys(ps, v, "'author-line'", keys);
    const civ_ynode *k = civ_ymap_get(v, "keys"), *r = civ_ymap_get(v, "required"),
                    *d = civ_ymap_get(v, "data");
    const civ_ynode **items;
    size_t n;
    if (k && scalars(ps, k, "author-line.keys", &items, &n)) {
        p->author_keys = xcalloc(n ? n : 1, sizeof *p->author_keys);
        for (size_t i = 0; i < n; i++)
            p->author_keys[i] = xstrdup(items[i]->value);
        p->nauthor_keys = n;
        free(items);
    }
    static const char *const req[] = {"posts", "true", "false"}; /* CIV_AUTHOR_* order */
    for (int i = 0; r && i < 3 && p->author_required < 0; i++)
        p->author_required = civ_yscalar_is(r, req[i]) ? i : -1;
    if (r && p->author_required < 0)
        perr(ps, r, "'author-line.required' must be posts, true or false");
    if (d && (d->kind != CIV_Y_SCALAR || !d->len)) {
        perr(ps, d, "'author-line.data' must be a file name");
    } else if (d) {
        p->author_data_path = resolve(ps->c->dir, d->value);
        p->author_data = xmalloc(sizeof *p->author_data);
        civ_strmap_init(p->author_data);
        char *err = civ_author_data_load(p->author_data_path, p->author_data);
        if (err) {
            perr(ps, d, "author-line.data '%s': %s", d->value, err);
            free(err);
        }
    }
}

/* invisible-character: {no-break-space: stray|all} - report only the
 * no-break spaces that stand for a word space (the default), or all. */
static void parse_invisible(parser *ps, const civ_ynode *v, part *p)
{
    static const char *const keys[] = {"no-break-space", NULL};
    const civ_ynode *n = v->kind == CIV_Y_MAP ? civ_ymap_get(v, "no-break-space") : NULL;
    if (v->kind != CIV_Y_MAP)
        perr(ps, v, "'invisible-character' must be a mapping like {no-break-space: all}");
    else if (known_keys(ps, v, "'invisible-character'", keys) && n && !civ_yscalar_is(n, "stray") &&
             !civ_yscalar_is(n, "all"))
        perr(ps, n, "'invisible-character.no-break-space' must be stray or all");
    else if (n)
        p->nbsp_all = civ_yscalar_is(n, "all");
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

/* lang: en_GB, or a list (`[en_US, en_GB]`: the first is the main
 * dictionary, a word any of them knows is accepted), kept as one
 * comma-separated string, which is what the spellers (spell/spellers.h)
 * and --lang take. At the top level or in an override (a folder of
 * French posts); a post's front-matter `lang:` refines either
 * (driver/postlang.h). */
static void parse_lang(parser *ps, const civ_ynode *v, part *p)
{
    const civ_ynode *one[1] = {v};
    const civ_ynode *const *items = one;
    size_t n = 1;
    if (v->kind == CIV_Y_SEQ) {
        items = (const civ_ynode *const *)v->items;
        n = v->n;
    }
    civ_buf b;
    civ_buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        if (items[i]->kind != CIV_Y_SCALAR || !valid_lang(items[i]->value) || n > 4) {
            perr(ps, items[i], "'lang' must be a language like en_GB, or a list of up to 4 like [en_US, en_GB]");
            civ_buf_release(&b);
            return;
        }
        civ_buf_printf(&b, "%s%s", i ? "," : "", items[i]->value);
    }
    if (!n) {
        perr(ps, v, "'lang' must not be an empty list");
        civ_buf_release(&b);
        return;
    }
    free(p->lang);
    p->lang = civ_buf_detach(&b);
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
    else if (civ_yscalar_is(k, "spelling"))
        parse_spelling(ps, v, p);
    else if (civ_yscalar_is(k, "typography"))
        parse_typography(ps, v, p);
    else if (civ_yscalar_is(k, "author-line"))
        parse_author_line(ps, v, p);
    else if (civ_yscalar_is(k, "invisible-character"))
        parse_invisible(ps, v, p);
    else if (civ_yscalar_is(k, "lang"))
        parse_lang(ps, v, p);
    else
        return false;
    return true;
}

static void parse_overrides(parser *ps, const civ_ynode *v)
{
    static const char *const keys[] = {"files",      "enable",      "disable",
                                       "severity",   "figures",     "empty-section",
                                       "acronym-max-length", "spelling", "typography",
                                       "author-line", "invisible-character", "lang", NULL};
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

static void parse_top(parser *ps, const civ_ynode *root)
{
    static const char *const keys[] = {"enable", "disable", "severity", "lang", "dictionaries",
                                       "rules", "figures", "empty-section", "acronym-max-length",
                                       "spelling", "ignore", "overrides", "site", "typography",
                                       "author-line", "invisible-character", NULL};
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
        if (civ_yscalar_is(k, "dictionaries")) {
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
        } else if (civ_yscalar_is(k, "site")) {
            int site = v->kind == CIV_Y_SCALAR ? civ_site_parse(v->value) : -1;
            if (site < 0)
                perr(ps, v, "'site' must be jekyll, hugo, eleventy, pelican, mkdocs, docusaurus or plain");
            else
                c->site = site;
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
    c->site = -1;
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
    part_release(&c->top);
    free_strs(c->dicts, c->ndicts);
    free_strs(c->own_names, c->nown_names);
    free_strs(c->rule_dirs, c->nrule_dirs);
    free_strs(c->ignore, c->nignore);
    for (size_t i = 0; i < c->novr; i++) {
        free_strs(c->ovr[i].globs, c->ovr[i].nglobs);
        part_release(&c->ovr[i].p);
    }
    free(c->ovr);
    civ_rules_free(c->rules);
    free(c);
}
