/* rules.c - see rules.h. */
#include "rules/rules.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rulepack.h"
#include "base/textfile.h"
#include "base/utf8.h"
#include "base/util.h"

typedef struct {
    char *name;
    char *text;
    civ_pattern *re; /* NULL for text-only definitions (keys ending in -example) */
    size_t slot;     /* prefilter slot */
} definition;

struct civ_rules {
    civ_pack *packs;
    size_t npacks, packcap;
    definition *defs;
    size_t ndefs, defcap;
    civ_rulelist rules; /* the packs' `rules:` entries (rulepack.h) */
    char **names;       /* every pack's `names:`, in load order */
    size_t nnames, namecap;
    civ_pattern *names_re; /* all of them as one pattern, or NULL */
    civ_reldates *reldates;   /* the last pack's relative-dates: section */
    civ_rule_entry *builtins; /* declared built-in rules (strings borrowed) */
    civ_prefilter *pf;        /* required literals of every rule and definition */
    size_t nbuiltins, builtincap;
};

civ_rules *civ_rules_new(void)
{
    return xcalloc(1, sizeof(civ_rules));
}

void civ_rules_free(civ_rules *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->npacks; i++) {
        free(r->packs[i].name);
        free(r->packs[i].path);
    }
    for (size_t i = 0; i < r->ndefs; i++) {
        free(r->defs[i].name);
        free(r->defs[i].text);
        civ_pattern_free(r->defs[i].re);
    }
    free(r->packs);
    free(r->defs);
    free(r->builtins);
    for (size_t i = 0; i < r->nnames; i++)
        free(r->names[i]);
    free(r->names);
    civ_pattern_free(r->names_re);
    civ_reldates_free(r->reldates);
    civ_rulelist_release(&r->rules);
    civ_prefilter_free(r->pf);
    free(r);
}

static bool load_file(civ_rules *r, const char *path, char **err);

static void set_def(civ_rules *r, const char *name, const char *text, civ_pattern *re)
{
    for (size_t i = 0; i < r->ndefs; i++) {
        if (strcmp(r->defs[i].name, name) == 0) {
            free(r->defs[i].text);
            civ_pattern_free(r->defs[i].re);
            r->defs[i].text = xstrdup(text);
            r->defs[i].re = re;
            return;
        }
    }
    definition *d = CIV_PUSH(r->defs, r->ndefs, r->defcap);
    d->name = xstrdup(name);
    d->text = xstrdup(text);
    d->re = re;
}

static bool load_defs(civ_rules *r, const civ_packtext *t, const civ_ynode *defs, char **err)
{
    if (defs->kind != CIV_Y_MAP) {
        *err = civ_packtext_error(t, defs, "'definitions' must be a mapping of name: pattern");
        return false;
    }
    for (size_t i = 0; i + 1 < defs->n; i += 2) {
        const civ_ynode *k = defs->items[i], *v = defs->items[i + 1];
        if (k->kind != CIV_Y_SCALAR || v->kind != CIV_Y_SCALAR) {
            *err = civ_packtext_error(t, v, "a definition must be a name and a string");
            return false;
        }
        civ_pattern *re = NULL;
        if (!civ_str_ends_with(k->value, "-example")) {
            char *msg = NULL;
            size_t eo = 0;
            re = civ_pattern_new(v->value, 0, &msg, &eo);
            if (!re) {
                char *what = xasprintf("definition '%s'", k->value);
                *err = civ_packtext_regex_error(t, v, what, msg, eo);
                free(what);
                free(msg);
                return false;
            }
        }
        set_def(r, k->value, v->value, re);
    }
    return true;
}

/* Parses the pack text t as YAML; on a syntax error sets *err to
 * "PATH:LINE:COL: error: problem". */
static civ_ydoc *parse_pack(const civ_packtext *t, char **err)
{
    char *rerr = NULL;
    civ_ydoc *y = civ_ydoc_parse(t->text, t->len, 0, &rerr);
    if (y)
        return y;
    /* rerr is "LINE:COL: problem"; the severity goes after LINE:COL: */
    const char *sp = strchr(rerr, ' ');
    *err = sp ? xasprintf("%s:%.*s error:%s", t->path, (int)(sp - rerr), rerr, sp)
              : xasprintf("%s:%s", t->path, rerr);
    free(rerr);
    return NULL;
}

/* The pack's name, after checking that root is a mapping of known keys. */
static const civ_ynode *pack_header(const civ_packtext *t, const civ_ynode *root, char **err)
{
    if (!root || root->kind != CIV_Y_MAP) {
        *err = xasprintf("%s:1:1: error: a rule pack must be a YAML mapping with 'pack:'", t->path);
        return NULL;
    }
    const civ_ynode *name = civ_ymap_get(root, "pack");
    if (!name || name->kind != CIV_Y_SCALAR || !name->len) {
        *err = civ_packtext_error(t, root, "rule pack has no 'pack:' name");
        return NULL;
    }
    for (size_t i = 0; i + 1 < root->n; i += 2) {
        const civ_ynode *k = root->items[i];
        if (!civ_yscalar_is(k, "pack") && !civ_yscalar_is(k, "definitions") &&
            !civ_yscalar_is(k, "rules") && !civ_yscalar_is(k, "description") &&
            !civ_yscalar_is(k, "relative-dates") && !civ_yscalar_is(k, "names")) {
            *err = civ_packtext_error(t, k, "unknown key '%s' in a rule pack (keys: pack, "
                                            "description, definitions, rules, names, "
                                            "relative-dates)",
                                      k->kind == CIV_Y_SCALAR ? k->value : "?");
            return NULL;
        }
    }
    return name;
}

/* Checks a pack's `names:` (a list of non-empty strings). */
static bool names_ok(const civ_packtext *t, const civ_ynode *names, char **err)
{
    if (names->kind != CIV_Y_SEQ) {
        *err = civ_packtext_error(t, names, "'names' must be a list of names");
        return false;
    }
    for (size_t i = 0; i < names->n; i++) {
        if (names->items[i]->kind != CIV_Y_SCALAR || !names->items[i]->len) {
            *err = civ_packtext_error(t, names->items[i],
                                      "every entry of 'names' must be a non-empty string");
            return false;
        }
    }
    return true;
}

static int longer_first(const void *pa, const void *pb)
{
    size_t a = strlen(*(char *const *)pa), b = strlen(*(char *const *)pb);
    return a < b ? 1 : a > b ? -1 : 0;
}

/* Adds the names and rebuilds the pattern: whole phrases, case-sensitive,
 * longest first, a space matching any run of white space (prose text turns
 * line breaks into spaces). */
static void add_names(civ_rules *r, const civ_ynode *names)
{
    for (size_t i = 0; i < names->n; i++)
        *CIV_PUSH(r->names, r->nnames, r->namecap) = xstrdup(names->items[i]->value);
    if (!r->nnames)
        return;
    char **sorted = xmalloc(r->nnames * sizeof *sorted);
    memcpy(sorted, r->names, r->nnames * sizeof *sorted);
    civ_qsort(sorted, r->nnames, sizeof *sorted, longer_first);
    civ_buf b;
    civ_buf_init(&b);
    civ_buf_puts(&b, "(?<![\\p{L}\\p{N}_])(?:");
    for (size_t i = 0; i < r->nnames; i++) {
        if (i)
            civ_buf_putc(&b, '|');
        for (const char *c = sorted[i]; *c; c++) {
            if (*c == ' ') {
                while (c[1] == ' ')
                    c++;
                civ_buf_puts(&b, "\\s+");
                continue;
            }
            if (strchr("\\^$.[]|()?*+{}-#", *c))
                civ_buf_putc(&b, '\\');
            civ_buf_putc(&b, *c);
        }
    }
    civ_buf_puts(&b, ")(?![\\p{L}\\p{N}_])");
    free(sorted);
    char *msg = NULL;
    size_t eo;
    civ_pattern_free(r->names_re);
    /* every byte but a space is escaped, so this compiles unless pcre2
     * runs out of room; then names exclude nothing */
    r->names_re = civ_pattern_new(b.data, 0, &msg, &eo);
    free(msg);
    civ_buf_release(&b);
}

const civ_pattern *civ_rules_names(const civ_rules *r)
{
    return r ? r->names_re : NULL;
}

/* Loads the pack in text t: its relative-dates section (checked first, as
 * it has no effect until the pack is accepted), its definitions, its rules,
 * then the pack itself (its name and file). */
static bool load_text(civ_rules *r, const civ_packtext *t, char **err)
{
    civ_ydoc *y = parse_pack(t, err);
    if (!y)
        return false;
    const civ_ynode *root = civ_ydoc_root(y);
    const civ_ynode *name = pack_header(t, root, err);
    const civ_ynode *rd = name ? civ_ymap_get(root, "relative-dates") : NULL;
    const civ_ynode *defs = name ? civ_ymap_get(root, "definitions") : NULL;
    const civ_ynode *rules = name ? civ_ymap_get(root, "rules") : NULL;
    const civ_ynode *names = name ? civ_ymap_get(root, "names") : NULL;
    civ_reldates *dates = rd ? civ_reldates_load(t, rd, err) : NULL;
    if (!name || (rd && !dates) || (names && !names_ok(t, names, err)) ||
        (defs && !load_defs(r, t, defs, err)) ||
        (rules && !civ_rulelist_load(&r->rules, t, name->value, rules, err))) {
        civ_reldates_free(dates);
        civ_ydoc_free(y);
        return false;
    }
    if (dates) {
        /* a later pack's section replaces an earlier one as a whole */
        civ_reldates_free(r->reldates);
        r->reldates = dates;
    }
    if (names)
        add_names(r, names);
    civ_pack *p = CIV_PUSH(r->packs, r->npacks, r->packcap);
    p->name = xstrdup(name->value);
    p->path = xstrdup(t->path);
    civ_ydoc_free(y); /* every section now lives in r, parsed */
    return true;
}

/* The offset of the first byte of text[0..len) that is not UTF-8, or len. */
static size_t first_bad_byte(const char *text, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t l = civ_utf8_decode((const unsigned char *)text + i, len - i, &cp);
        if (!l)
            return i;
        i += l;
    }
    return len;
}

/* The literals of a rule: the union over its patterns, or NULL (with the
 * reason in *why) when one of them has none. */
static bool rule_literals(const civ_rule *rule, civ_litset *out, const char **why)
{
    out->n = 0;
    out->caseless = false;
    for (size_t k = 0; k < rule->npats; k++) {
        civ_litset one;
        if (!civ_pattern_literals(rule->pats[k], &one, why))
            return false;
        if (one.caseless && !out->caseless) {
            /* fold what is there: a weaker but still required set */
            for (size_t i = 0; i < out->n; i++)
                for (char *c = out->s[i]; *c; c++)
                    if (*c >= 'A' && *c <= 'Z')
                        *c = (char)(*c + 32);
            out->caseless = true;
        }
        for (size_t i = 0; i < one.n; i++) {
            bool dup = false;
            for (size_t j = 0; j < out->n && !dup; j++)
                dup = out->len[j] == one.len[i] && memcmp(out->s[j], one.s[i], one.len[i]) == 0;
            if (dup)
                continue;
            if (out->n == CIV_LIT_MAX) {
                *why = "too many literals";
                return false;
            }
            memcpy(out->s[out->n], one.s[i], one.len[i] + 1);
            if (out->caseless)
                for (char *c = out->s[out->n]; *c; c++)
                    if (*c >= 'A' && *c <= 'Z')
                        *c = (char)(*c + 32);
            out->len[out->n++] = one.len[i];
        }
    }
    if (!rule->npats) {
        *why = "no pattern";
        return false;
    }
    return true;
}

/* Rebuilds the prefilter over every rule and definition: after each file,
 * since a later pack may replace a rule or a definition. */
static void build_prefilter(civ_rules *r)
{
    civ_prefilter_free(r->pf);
    r->pf = civ_prefilter_new();
    civ_litset s;
    const char *why;
    for (size_t i = 0; i < r->rules.n; i++) {
        civ_rule *rule = &r->rules.items[i];
        bool ok = rule_literals(rule, &s, &why);
        if (ok && !civ_prefilter_usable(&s)) {
            ok = false;
            why = "a one-letter literal, in nearly every block";
        }
        rule->slot = civ_prefilter_add(r->pf, ok ? &s : NULL);
        rule->engine = ok ? NULL : why;
    }
    for (size_t i = 0; i < r->ndefs; i++) {
        bool ok = r->defs[i].re && civ_pattern_literals(r->defs[i].re, &s, &why);
        r->defs[i].slot = civ_prefilter_add(r->pf, ok ? &s : NULL);
    }
    civ_prefilter_build(r->pf);
}

const civ_prefilter *civ_rules_prefilter(const civ_rules *r)
{
    return r->pf;
}

size_t civ_rules_def_slot(const civ_rules *r, size_t i)
{
    return r->defs[i].slot;
}

bool civ_rules_load_file(civ_rules *r, const char *path, char **err)
{
    bool ok = load_file(r, path, err);
    build_prefilter(r);
    return ok;
}

static bool load_file(civ_rules *r, const char *path, char **err)
{
    char *rerr = NULL;
    size_t len = 0;
    char *data = civ_text_read(path, NULL, CIV_TEXT_MAX_DEFAULT, &len, &rerr);
    *err = NULL;
    if (!data) {
        *err = xasprintf("rule file %s", rerr);
        free(rerr);
        return false;
    }
    /* the text the YAML parser sees: without a UTF-8 byte order mark */
    size_t skip = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    civ_packtext t = {path, data + skip, len - skip};
    size_t bad = first_bad_byte(t.text, t.len);
    bool ok = false;
    if (bad < t.len) {
        size_t line, col;
        civ_packtext_position(&t, bad, &line, &col);
        *err = xasprintf("%s:%zu:%zu: error: invalid UTF-8 byte 0x%02X in rule file", path, line,
                         col, (unsigned char)t.text[bad]);
    } else {
        ok = load_text(r, &t, err);
    }
    free(data);
    return ok;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

bool civ_rules_load_dir(civ_rules *r, const char *dir, char **err)
{
    *err = NULL;
    DIR *d = opendir(dir);
    if (!d) {
        *err = xasprintf("cannot open rules folder '%s': %s", dir, strerror(errno));
        return false;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (civ_str_ends_with(e->d_name, ".yml") || civ_str_ends_with(e->d_name, ".yaml"))
            *CIV_PUSH(names, n, cap) = xasprintf("%s/%s", dir, e->d_name);
    }
    closedir(d);
    civ_qsort(names, n, sizeof *names, cmp_str);
    /* A bad file is skipped, not the folder: every file is tried and the
     * errors are joined, one per line. */
    bool ok = true;
    civ_buf errs;
    civ_buf_init(&errs);
    for (size_t i = 0; i < n; i++) {
        char *ferr = NULL;
        if (!load_file(r, names[i], &ferr)) {
            ok = false;
            if (errs.len)
                civ_buf_putc(&errs, '\n');
            civ_buf_puts(&errs, ferr);
            free(ferr);
        }
        free(names[i]);
    }
    free(names);
    build_prefilter(r);
    if (!ok)
        *err = civ_buf_detach(&errs);
    civ_buf_release(&errs);
    return ok;
}

size_t civ_rules_def_index(const civ_rules *r, const char *name)
{
    for (size_t i = 0; i < r->ndefs; i++)
        if (strcmp(r->defs[i].name, name) == 0)
            return i;
    return SIZE_MAX;
}

const civ_pattern *civ_rules_def(const civ_rules *r, const char *name)
{
    for (size_t i = 0; i < r->ndefs; i++)
        if (strcmp(r->defs[i].name, name) == 0)
            return r->defs[i].re;
    return NULL;
}

const char *civ_rules_def_text(const civ_rules *r, const char *name)
{
    for (size_t i = 0; i < r->ndefs; i++)
        if (strcmp(r->defs[i].name, name) == 0)
            return r->defs[i].text;
    return NULL;
}

size_t civ_rules_npacks(const civ_rules *r)
{
    return r->npacks;
}

const civ_pack *civ_rules_pack(const civ_rules *r, size_t i)
{
    return i < r->npacks ? &r->packs[i] : NULL;
}

const civ_rulelist *civ_rules_list(const civ_rules *r)
{
    return &r->rules;
}

const civ_reldates *civ_rules_reldates(const civ_rules *r)
{
    return r ? r->reldates : NULL;
}

size_t civ_rules_ndefs(const civ_rules *r)
{
    return r->ndefs;
}

const civ_pattern *civ_rules_def_at(const civ_rules *r, size_t i, const char **name)
{
    if (i >= r->ndefs)
        return NULL;
    *name = r->defs[i].name;
    return r->defs[i].re;
}

/* ---- the one list of rule ids ----------------------------------------- */

void civ_rules_declare(civ_rules *r, const char *id, civ_severity severity,
                       const char *description)
{
    for (size_t i = 0; i < r->nbuiltins; i++)
        if (strcmp(r->builtins[i].id, id) == 0)
            return;
    *CIV_PUSH(r->builtins, r->nbuiltins, r->builtincap) =
        (civ_rule_entry){id, severity, description, NULL};
}

void civ_rules_declare_from(civ_rules *r, const civ_rules *from)
{
    for (size_t i = 0; from && i < from->nbuiltins; i++)
        civ_rules_declare(r, from->builtins[i].id, from->builtins[i].severity,
                          from->builtins[i].description);
}

size_t civ_rules_count(const civ_rules *r)
{
    return r->nbuiltins + r->rules.n;
}

/* The loaded pack whose name is the first `n` bytes of `id`, or NULL. */
static const civ_pack *pack_named(const civ_rules *r, const char *id, size_t n)
{
    for (size_t i = 0; i < r->npacks; i++)
        if (strlen(r->packs[i].name) == n && strncmp(r->packs[i].name, id, n) == 0)
            return &r->packs[i];
    return NULL;
}

bool civ_rules_entry(const civ_rules *r, size_t i, civ_rule_entry *out)
{
    if (i < r->nbuiltins) {
        *out = r->builtins[i];
        return true;
    }
    i -= r->nbuiltins;
    if (i >= r->rules.n)
        return false;
    const civ_rule *rule = &r->rules.items[i];
    const civ_pack *pk = pack_named(r, rule->id, strcspn(rule->id, "."));
    *out = (civ_rule_entry){rule->id, rule->severity, rule->description, pk ? pk->name : NULL};
    return true;
}

bool civ_rules_find(const civ_rules *r, const char *id, civ_rule_entry *out)
{
    for (size_t i = 0; r && civ_rules_entry(r, i, out); i++)
        if (strcmp(out->id, id) == 0)
            return true;
    return false;
}

bool civ_rule_id_known(const civ_rules *rules, const char *id)
{
    civ_rule_entry e;
    if (!rules)
        return false;
    if (civ_rules_find(rules, id, &e))
        return true;
    /* PACK.* or a bare PACK: every rule of a loaded pack */
    const char *dot = strchr(id, '.');
    if (!dot && pack_named(rules, id, strlen(id)))
        return true;
    return dot && dot != id && strcmp(dot, ".*") == 0 && pack_named(rules, id, (size_t)(dot - id));
}
