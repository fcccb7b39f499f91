/* rulepack.c - see rulepack.h. Loading is strict: a rule file that the
 * linter half-understands would silently lint less than its author thinks,
 * so every unknown key, bad value and missing field is an error with the
 * file, line and column of the offending node. */
#include "rules/rulepack.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/phrases.h"
#include "base/util.h"

/* Whole-word guards around literal phrases and consistency forms. */
#define WORD_BEFORE "(?<![\\p{L}\\p{N}_])(?:"
#define WORD_AFTER ")(?![\\p{L}\\p{N}_])"

static const char *const known_keys[] = {
    "id", "kind", "severity", "message", "description", "link", "scope", "ignore-case",
    "bad", "good", "pattern", "words", "swap", "replace", "forms", "skip", "skip-links", NULL,
};

static const char *const kind_names[] = {"existence", "substitution", "consistency"};

static void rule_release(civ_rule *r)
{
    {
        free(r->id);
        free(r->message);
        free(r->description);
        free(r->link);
        for (size_t k = 0; k < r->npats; k++) {
            civ_pattern_free(r->pats[k]);
            if (r->forms)
                free(r->forms[k]);
        }
        for (size_t k = 0; k < r->nrepl; k++)
            free(r->repl[k]);
        free(r->pats);
        civ_pattern_free(r->any);
        free(r->repl);
        free(r->forms);
        for (size_t k = 0; k < r->nskip; k++)
            civ_pattern_free(r->skip[k]);
        free(r->skip);
        free(r->bad);
        free(r->good);
    }
}

void civ_rulelist_release(civ_rulelist *list)
{
    for (size_t i = 0; i < list->n; i++)
        rule_release(&list->items[i]);
    free(list->items);
    memset(list, 0, sizeof *list);
}

/* A scalar value for key, or NULL; sets *err when present but not a scalar. */
static const civ_ynode *scalar(const civ_packtext *t, const civ_ynode *map, const char *key,
                               char **err)
{
    const civ_ynode *v = civ_ymap_get(map, key);
    if (v && v->kind != CIV_Y_SCALAR) {
        *err =
            civ_packtext_error(t, v, "'%s' must be a string, not %s", key, civ_ykind_name(v->kind));
        return NULL;
    }
    return v;
}

static bool valid_id(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return false;
    return true;
}

static bool valid_template(const char *m)
{
    for (const char *p = m; *p; p++) {
        if (*p != '%')
            continue;
        p++;
        if (*p != 's' && *p != 'r' && *p != '%')
            return false;
    }
    return true;
}

/* Escapes a literal phrase for pcre2; runs of spaces match any whitespace
 * (prose text turns line breaks into spaces, and authors double-space). */
static char *quote_literal(const char *s)
{
    civ_buf b;
    civ_buf_init(&b);
    civ_buf_puts(&b, WORD_BEFORE);
    for (; *s; s++) {
        if (*s == ' ') {
            while (s[1] == ' ')
                s++;
            civ_buf_puts(&b, "\\s+");
        } else if (strchr("\\^$.[]|()?*+{}-#", *s)) {
            civ_buf_putc(&b, '\\');
            civ_buf_putc(&b, *s);
        } else {
            civ_buf_putc(&b, *s);
        }
    }
    civ_buf_puts(&b, WORD_AFTER);
    return civ_buf_detach(&b);
}

/* Compiles `re`; on failure formats the error against `node`, shifting the
 * offset back by `shift` bytes of wrapping the author did not write. */
static civ_pattern *compile(const civ_packtext *t, const civ_ynode *node, const char *re,
                            size_t shift, bool icase, const char *id, char **err)
{
    char *msg = NULL;
    size_t eo = 0;
    civ_pattern *p = civ_pattern_new(re, icase ? CIV_PAT_CASELESS : 0, &msg, &eo);
    if (!p) {
        char *what = xasprintf("rule '%s'", id);
        eo = eo > shift ? eo - shift : 0;
        if (eo > node->len)
            eo = node->len;
        *err = civ_packtext_regex_error(t, node, what, msg, eo);
        free(what);
        free(msg);
    }
    return p;
}

static void add_pat(civ_rule *r, civ_pattern *p, const char *repl, const char *form)
{
    size_t n = r->npats + 1;
    r->pats = xrealloc(r->pats, n * sizeof *r->pats);
    r->pats[r->npats] = p;
    if (repl) {
        r->repl = xrealloc(r->repl, n * sizeof *r->repl);
        r->repl[r->npats] = xstrdup(repl);
        r->nrepl = n;
    }
    if (form) {
        r->forms = xrealloc(r->forms, n * sizeof *r->forms);
        r->forms[r->npats] = xstrdup(form);
    }
    r->npats = n;
}

static bool check_keys(const civ_packtext *t, const civ_ynode *m, civ_rule_kind kind, char **err)
{
    /* keys that belong to one kind only */
    static const struct {
        const char *key;
        unsigned kinds; /* bit per civ_rule_kind */
    } only[] = {
        {"words", 1u << CIV_RULE_EXISTENCE},
        {"swap", 1u << CIV_RULE_SUBSTITUTION},
        {"replace", 1u << CIV_RULE_SUBSTITUTION},
        {"forms", 1u << CIV_RULE_CONSISTENCY},
        {"pattern", (1u << CIV_RULE_EXISTENCE) | (1u << CIV_RULE_SUBSTITUTION)},
    };
    for (size_t i = 0; i + 1 < m->n; i += 2) {
        const civ_ynode *k = m->items[i];
        if (k->kind != CIV_Y_SCALAR) {
            *err = civ_packtext_error(t, k, "a rule's keys must be strings");
            return false;
        }
        bool known = false;
        for (size_t j = 0; known_keys[j]; j++)
            known = known || strcmp(k->value, known_keys[j]) == 0;
        if (!known) {
            *err = civ_packtext_error(t, k,
                                      "unknown key '%s' in a rule (keys: id, kind, severity, "
                                      "message, description, link, scope, ignore-case, pattern, "
                                      "words, swap, replace, forms, skip, skip-links, bad, good)",
                                      k->value);
            return false;
        }
        for (size_t j = 0; j < sizeof only / sizeof *only; j++) {
            if (strcmp(k->value, only[j].key) == 0 && !(only[j].kinds & (1u << kind))) {
                *err = civ_packtext_error(t, k, "key '%s' does not apply to a rule of kind '%s'",
                                          k->value, kind_names[kind]);
                return false;
            }
        }
    }
    return true;
}

/* The string items of a sequence key; NULL and *err on a bad value. */
static const civ_ynode *string_seq(const civ_packtext *t, const civ_ynode *v, const char *key,
                                   size_t min, char **err)
{
    if (v->kind != CIV_Y_SEQ) {
        *err = civ_packtext_error(t, v, "'%s' must be a list of strings", key);
        return NULL;
    }
    if (v->n < min) {
        *err = civ_packtext_error(t, v, "'%s' needs at least %zu entries", key, min);
        return NULL;
    }
    for (size_t i = 0; i < v->n; i++) {
        if (v->items[i]->kind != CIV_Y_SCALAR || !v->items[i]->len) {
            *err = civ_packtext_error(t, v->items[i],
                                      "every entry of '%s' must be a non-empty string", key);
            return NULL;
        }
    }
    return v;
}

/* The phrases as one word-guarded trie pattern (phrases.h), or NULL when
 * it cannot be built or compiled (too deep, too large for pcre2): the
 * caller then compiles the phrases the plain way, which reports errors. */
static civ_pattern *trie_pattern(const char *const *list, size_t n, bool icase, bool marks)
{
    char *trie = civ_phrases_regex(list, n, icase, marks);
    if (!trie)
        return NULL;
    char *re = xasprintf("%s%s%s", WORD_BEFORE, trie, WORD_AFTER);
    free(trie);
    char *msg = NULL;
    size_t eo;
    civ_pattern *p = civ_pattern_new(re, icase ? CIV_PAT_CASELESS : 0, &msg, &eo);
    free(msg);
    free(re);
    return p;
}

/* The phrases of `words` as one alternation, longest first, then the
 * closing word guard. */
static void plain_alternation(civ_buf *b, const civ_ynode *words)
{
    const civ_ynode **w = xmalloc(words->n * sizeof *w);
    for (size_t i = 0; i < words->n; i++)
        w[i] = words->items[i];
    for (size_t i = 1; i < words->n; i++)
        for (size_t j = i; j > 0 && w[j]->len > w[j - 1]->len; j--) {
            const civ_ynode *t = w[j];
            w[j] = w[j - 1];
            w[j - 1] = t;
        }
    for (size_t i = 0; i < words->n; i++) {
        char *q = quote_literal(w[i]->value);
        if (i)
            civ_buf_putc(b, '|');
        /* strip the per-phrase guards: the whole alternation has them */
        size_t lb = strlen(WORD_BEFORE), la = strlen(WORD_AFTER), lq = strlen(q);
        civ_buf_add(b, q + lb, lq - lb - la);
        free(q);
    }
    free(w);
    civ_buf_puts(b, WORD_AFTER);
}

static bool load_existence(civ_rule *r, const civ_packtext *t, const civ_ynode *m, char **err)
{
    const civ_ynode *pat = scalar(t, m, "pattern", err);
    const civ_ynode *words = civ_ymap_get(m, "words");
    if (*err)
        return false;
    if (!pat == !words) {
        *err = civ_packtext_error(
            t, m, "rule '%s' (existence) needs exactly one of 'pattern' or 'words'", r->id);
        return false;
    }
    if (pat) {
        civ_pattern *p = compile(t, pat, pat->value, 0, r->ignore_case, r->id, err);
        if (!p)
            return false;
        add_pat(r, p, NULL, NULL);
        return true;
    }
    if (!string_seq(t, words, "words", 1, err))
        return false;
    /* One pattern for the list: the phrases as a trie (phrases.h), or, if
     * that cannot be built, one alternation, longest phrases first so "in
     * order to" wins over "in". */
    const char **list = xmalloc(words->n * sizeof *list);
    for (size_t i = 0; i < words->n; i++)
        list[i] = words->items[i]->value;
    civ_pattern *p = trie_pattern(list, words->n, r->ignore_case, false);
    free(list);
    if (!p) {
        civ_buf b;
        civ_buf_init(&b);
        civ_buf_puts(&b, WORD_BEFORE);
        plain_alternation(&b, words);
        p = compile(t, words, b.data, 0, r->ignore_case, r->id, err);
        civ_buf_release(&b);
        if (!p)
            return false;
    }
    add_pat(r, p, NULL, NULL);
    return true;
}

static bool load_substitution(civ_rule *r, const civ_packtext *t, const civ_ynode *m, char **err)
{
    const civ_ynode *swap = civ_ymap_get(m, "swap");
    const civ_ynode *pat = scalar(t, m, "pattern", err);
    const civ_ynode *rep = *err ? NULL : scalar(t, m, "replace", err);
    if (*err)
        return false;
    if (!swap == !pat) {
        *err = civ_packtext_error(
            t, m,
            "rule '%s' (substitution) needs either 'swap' (wrong: right) or 'pattern' "
            "with 'replace'",
            r->id);
        return false;
    }
    if (pat) {
        if (!rep) {
            *err = civ_packtext_error(t, pat, "rule '%s': 'pattern' needs a 'replace'", r->id);
            return false;
        }
        civ_pattern *p = compile(t, pat, pat->value, 0, r->ignore_case, r->id, err);
        if (!p)
            return false;
        add_pat(r, p, rep->value, NULL);
        return true;
    }
    if (rep) {
        *err = civ_packtext_error(t, rep, "rule '%s': 'replace' goes with 'pattern', not 'swap'",
                                  r->id);
        return false;
    }
    if (swap->kind != CIV_Y_MAP || swap->n == 0) {
        *err = civ_packtext_error(t, swap, "'swap' must be a mapping of wrong: right");
        return false;
    }
    for (size_t i = 0; i + 1 < swap->n; i += 2) {
        const civ_ynode *k = swap->items[i], *v = swap->items[i + 1];
        if (k->kind != CIV_Y_SCALAR || v->kind != CIV_Y_SCALAR || !k->len) {
            *err =
                civ_packtext_error(t, k, "each 'swap' entry must be a phrase and its replacement");
            return false;
        }
    }
    /* All keys in one pass: a trie whose marks tell which key matched (one
     * pattern per key cost one pass over every paragraph per key). */
    size_t nkeys = swap->n / 2;
    const char **keys = xmalloc(nkeys * sizeof *keys);
    for (size_t i = 0; i < nkeys; i++)
        keys[i] = swap->items[2 * i]->value;
    civ_pattern *all = trie_pattern(keys, nkeys, r->ignore_case, true);
    free(keys);
    if (all) {
        add_pat(r, all, NULL, NULL);
        r->repl = xcalloc(nkeys, sizeof *r->repl);
        for (size_t i = 0; i < nkeys; i++)
            r->repl[i] = xstrdup(swap->items[2 * i + 1]->value);
        r->nrepl = nkeys;
        r->marked = true;
        return true;
    }
    for (size_t i = 0; i + 1 < swap->n; i += 2) {
        const civ_ynode *k = swap->items[i], *v = swap->items[i + 1];
        char *q = quote_literal(k->value);
        civ_pattern *p = compile(t, k, q, 0, r->ignore_case, r->id, err);
        free(q);
        if (!p)
            return false;
        add_pat(r, p, v->value, NULL);
    }
    return true;
}

/* Forms that begin or end with punctuation (quotes, brackets, lookarounds)
 * are not words, so they get no word guard at that end. */
static bool word_edge(const char *s, size_t n, bool at_end)
{
    static const char *const punct[] = {"\"", "'", "“", "”", "‘", "’", "(", ")", "[", "]", NULL};
    for (size_t i = 0; punct[i]; i++) {
        size_t k = strlen(punct[i]);
        if (n >= k && memcmp(at_end ? s + n - k : s, punct[i], k) == 0)
            return false;
    }
    return true;
}

static bool load_consistency(civ_rule *r, const civ_packtext *t, const civ_ynode *m, char **err)
{
    const civ_ynode *forms = civ_ymap_get(m, "forms");
    if (!forms) {
        *err = civ_packtext_error(
            t, m, "rule '%s' (consistency) needs 'forms' (two or more spellings)", r->id);
        return false;
    }
    if (!string_seq(t, forms, "forms", 2, err))
        return false;
    for (size_t i = 0; i < forms->n; i++) {
        const civ_ynode *f = forms->items[i];
        bool gb = word_edge(f->value, f->len, false), ga = word_edge(f->value, f->len, true);
        char *re = xasprintf("%s%s%s", gb ? WORD_BEFORE : "(?:", f->value, ga ? WORD_AFTER : ")");
        civ_pattern *p = compile(t, f, re, gb ? strlen(WORD_BEFORE) : 3, r->ignore_case, r->id,
                                 err);
        free(re);
        if (!p)
            return false;
        add_pat(r, p, NULL, f->value);
    }
    return true;
}

/* Step 1 of a rule: the mapping's id (PACK.ID) and kind, and that every
 * key is known and fits the kind. */
static bool load_identity(civ_rule *r, const civ_packtext *t, const char *pack,
                          const civ_ynode *m, char **err)
{
    if (m->kind != CIV_Y_MAP) {
        *err = civ_packtext_error(t, m, "each rule must be a mapping (id:, kind:, message:, ...)");
        return false;
    }
    const civ_ynode *id = scalar(t, m, "id", err);
    if (*err)
        return false;
    if (!id) {
        *err = civ_packtext_error(t, m, "rule has no 'id'");
        return false;
    }
    if (!valid_id(id->value)) {
        *err = civ_packtext_error(t, id, "rule id '%s' must be lower-case letters, digits and '-'",
                                  id->value);
        return false;
    }
    r->id = xasprintf("%s.%s", pack, id->value);
    const civ_ynode *kind = scalar(t, m, "kind", err);
    if (*err)
        return false;
    if (!kind) {
        *err = civ_packtext_error(
            t, m, "rule '%s' has no 'kind' (existence, substitution or consistency)", r->id);
        return false;
    }
    size_t k = 0;
    while (k < 3 && strcmp(kind->value, kind_names[k]) != 0)
        k++;
    if (k == 3) {
        *err = civ_packtext_error(t, kind,
                                  "unknown kind '%s' (kinds: existence, substitution, consistency)",
                                  kind->value);
        return false;
    }
    r->kind = (civ_rule_kind)k;
    return check_keys(t, m, r->kind, err);
}

/* The message with its placeholders as an ellipsis: the description of a
 * rule that has none. Returns a heap string. */
static char *default_description(const char *message)
{
    civ_buf b;
    civ_buf_init(&b);
    for (const char *p = message; *p; p++) {
        if (*p == '%' && p[1]) {
            p++;
            civ_buf_puts(&b, *p == '%' ? "%" : "…");
        } else {
            civ_buf_putc(&b, *p);
        }
    }
    return civ_buf_detach(&b);
}

/* The scalar keys every kind shares. */
typedef struct {
    const civ_ynode *sev, *msg, *desc, *link, *scope, *icase, *bad, *good;
} common_keys;

/* Step 2: the shared keys, each a string when present. */
static bool read_common(const civ_packtext *t, const civ_ynode *m, common_keys *c, char **err)
{
    static const char *const names[] = {"severity", "message", "description", "link",
                                        "scope", "ignore-case", "bad", "good"};
    const civ_ynode **slot[] = {&c->sev, &c->msg, &c->desc, &c->link,
                                &c->scope, &c->icase, &c->bad, &c->good};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        *slot[i] = scalar(t, m, names[i], err);
        if (*err)
            return false;
    }
    return true;
}

/* Step 3: severity, message and description. */
static bool load_message(civ_rule *r, const civ_packtext *t, const civ_ynode *m,
                         const common_keys *c, char **err)
{
    const civ_ynode *sev = c->sev, *msg = c->msg, *desc = c->desc;
    r->severity = CIV_SEV_WARNING;
    if (sev && !civ_severity_parse(sev->value, &r->severity)) {
        *err = civ_packtext_error(t, sev, "unknown severity '%s' (error, warning or note)",
                                  sev->value);
        return false;
    }
    if (!msg || !msg->len) {
        *err = civ_packtext_error(t, msg ? msg : m, "rule '%s' has no 'message'", r->id);
        return false;
    }
    if (!valid_template(msg->value)) {
        *err = civ_packtext_error(t, msg,
                                  "message of rule '%s' may only use '%%s' (the match), '%%r' "
                                  "(the replacement) and '%%%%'",
                                  r->id);
        return false;
    }
    r->message = xstrdup(msg->value);
    r->description = desc ? xstrdup(desc->value) : default_description(msg->value);
    return true;
}

/* Step 4: where the rule looks (scope), case, link and examples. */
static bool load_options(civ_rule *r, const civ_packtext *t, const civ_ynode *m,
                         const common_keys *c, char **err)
{
    const civ_ynode *link = c->link, *scope = c->scope, *icase = c->icase;
    const civ_ynode *bad = c->bad, *good = c->good;
    r->scope = CIV_SCOPE_PROSE | CIV_SCOPE_HEADINGS;
    if (scope) {
        if (strcmp(scope->value, "prose") == 0)
            r->scope = CIV_SCOPE_PROSE;
        else if (strcmp(scope->value, "headings") == 0)
            r->scope = CIV_SCOPE_HEADINGS;
        else if (strcmp(scope->value, "both") != 0) {
            *err = civ_packtext_error(t, scope, "unknown scope '%s' (prose, headings or both)",
                                      scope->value);
            return false;
        }
    }
    if (icase) {
        if (strcmp(icase->value, "true") != 0 && strcmp(icase->value, "false") != 0) {
            *err = civ_packtext_error(t, icase, "'ignore-case' must be true or false, not '%s'",
                                      icase->value);
            return false;
        }
        r->ignore_case = strcmp(icase->value, "true") == 0;
    } else {
        /* Word lists read as vocabulary, so they ignore case by default;
         * patterns mean exactly what they say. */
        r->ignore_case = civ_ymap_get(m, "words") != NULL;
    }
    r->link = link ? xstrdup(link->value) : NULL;
    if (!civ_rule_load_skip(r, t, m, err))
        return false;
    r->bad = bad ? xstrdup(bad->value) : NULL;
    r->good = good ? xstrdup(good->value) : NULL;
    return true;
}

/* One entry of `rules:`: identity, the shared keys, message, options,
 * then (step 5) the patterns of its kind. */
static bool load_one(civ_rule *r, const civ_packtext *t, const char *pack, const civ_ynode *m,
                     char **err)
{
    common_keys c;
    if (!load_identity(r, t, pack, m, err) || !read_common(t, m, &c, err) ||
        !load_message(r, t, m, &c, err) || !load_options(r, t, m, &c, err))
        return false;
    switch (r->kind) {
    case CIV_RULE_EXISTENCE:
        return load_existence(r, t, m, err);
    case CIV_RULE_SUBSTITUTION:
        return load_substitution(r, t, m, err);
    case CIV_RULE_CONSISTENCY:
        return load_consistency(r, t, m, err);
    }
    return false;
}

/* Builds r->any, the alternation of every pattern of r: a block where it
 * finds nothing holds no match of any pattern, so the rule can skip it
 * after one pass instead of npats. Patterns whose meaning depends on group
 * numbers or names (\1, \g, (?<name>, (?P) are not combined: in one big
 * pattern their groups would be renumbered. */
static void build_any(civ_rule *r)
{
    if (r->npats < 2)
        return;
    civ_buf b;
    civ_buf_init(&b);
    for (size_t k = 0; k < r->npats; k++) {
        const char *src = civ_pattern_source(r->pats[k]);
        for (const char *q = src; *q; q++) {
            if ((q[0] == '\\' && ((q[1] >= '1' && q[1] <= '9') || q[1] == 'g' || q[1] == 'k')) ||
                (q[0] == '(' && q[1] == '?' && (q[2] == 'P' || q[2] == '\'' ||
                                                (q[2] == '<' && q[3] != '=' && q[3] != '!')))) {
                civ_buf_release(&b);
                return;
            }
            if (q[0] == '\\' && q[1])
                q++;
        }
        civ_buf_printf(&b, "%s(?:%s)", k ? "|" : "", src);
    }
    char *msg = NULL;
    size_t eo;
    r->any = civ_pattern_new(b.data, r->ignore_case ? CIV_PAT_CASELESS : 0, &msg, &eo);
    free(msg); /* not combinable: the rule runs pattern by pattern */
    civ_buf_release(&b);
}

bool civ_rulelist_load(civ_rulelist *list, const civ_packtext *t, const char *pack,
                       const civ_ynode *rules, char **err)
{
    *err = NULL;
    if (!valid_id(pack)) {
        *err = xasprintf("%s:1:1: error: pack name '%s' must be lower-case letters, digits and '-'",
                         t->path, pack);
        return false;
    }
    if (rules->kind != CIV_Y_SEQ) {
        *err = civ_packtext_error(t, rules, "'rules' must be a list of rules (- id: ...)");
        return false;
    }
    /* Load into a scratch list first so a bad file adds nothing. */
    civ_rulelist fresh = {0};
    for (size_t i = 0; i < rules->n; i++) {
        civ_rule *r = CIV_PUSH(fresh.items, fresh.n, fresh.cap);
        memset(r, 0, sizeof *r);
        bool loaded = load_one(r, t, pack, rules->items[i], err);
        if (loaded)
            build_any(r);
        if (!loaded) {
            civ_rulelist_release(&fresh);
            return false;
        }
        for (size_t j = 0; j + 1 < fresh.n; j++) {
            if (strcmp(fresh.items[j].id, r->id) == 0) {
                *err = civ_packtext_error(t, rules->items[i], "duplicate rule id '%s'", r->id);
                civ_rulelist_release(&fresh);
                return false;
            }
        }
    }
    for (size_t i = 0; i < fresh.n; i++) {
        civ_rule *dst = NULL;
        for (size_t j = 0; j < list->n && !dst; j++)
            if (strcmp(list->items[j].id, fresh.items[i].id) == 0)
                dst = &list->items[j];
        if (dst) {
            /* a later pack overrides the rule: keep its slot (list order) */
            rule_release(dst);
            *dst = fresh.items[i];
        } else {
            *CIV_PUSH(list->items, list->n, list->cap) = fresh.items[i];
        }
    }
    free(fresh.items);
    return true;
}
