/* worker.c - the linting thread: takes each document whose edits have
 * paused (CIV_LSP_DEBOUNCE_MS), lints a copy of its text through the
 * command line's pipeline (pipeline/lint.h) with the settings its host
 * prepares for its path, and publishes the findings as LSP diagnostics.
 * The reading thread never waits for a lint: it only marks documents. */
#include "lsp/server.h"

#include <errno.h>
#include <string.h>

#include "base/util.h"
#include "rules/pattern.h"
#include "rules/rulepack.h"
#include "source/source.h"

json_t *lsp_range_json(lsp_range r)
{
    return json_pack("{s:{s:I,s:I},s:{s:I,s:I}}", "start", "line", (json_int_t)r.start.line,
                     "character", (json_int_t)r.start.ch, "end", "line", (json_int_t)r.end.line,
                     "character", (json_int_t)r.end.ch);
}

/* The text a document was linted from, with what converts its offsets. */
typedef struct {
    const char *uri;
    civ_lsp_lines lines;
    civ_lsp_enc enc;
    size_t shift;    /* the bytes of a UTF-8 BOM civ_source dropped */
    size_t cur;      /* the last finding's start (findings come sorted) ... */
    civ_lsp_pos at;  /* ... and its position */
} lint_text;

/* The range of [a, b): a from the last finding's start, b from a, so a
 * long line with many findings is walked once, not once per finding. */
static lsp_range to_range(lint_text *t, size_t a, size_t b)
{
    a += t->shift;
    b += t->shift;
    lsp_range r;
    r.start = civ_lsp_position_from(&t->lines, t->enc, t->cur, t->at, a);
    r.end = civ_lsp_position_from(&t->lines, t->enc, a, r.start, b);
    return r;
}

/* LSP's DiagnosticSeverity: 1 error, 2 warning, 3 information. */
static int severity(civ_severity s)
{
    return s == CIV_SEV_ERROR ? 1 : s == CIV_SEV_WARNING ? 2 : 3;
}

/* The style-guide link of a pack rule, or NULL. */
static const char *rule_link(const civ_rules *rules, const char *id)
{
    const civ_rulelist *l = rules ? civ_rules_list(rules) : NULL;
    for (size_t i = 0; l && i < l->n; i++)
        if (strcmp(l->items[i].id, id) == 0)
            return l->items[i].link;
    return NULL;
}

/* The last line of a front matter block ("---" or "+++" on the first
 * line, to the same line or "..."), or -1: an HTML comment there would be
 * YAML or TOML, not a suppression. */
static long front_matter_end(const civ_lsp_lines *l)
{
    const char *t = l->text;
    size_t e0 = civ_lsp_line_end(l, 0);
    if (e0 != 3 || (strncmp(t, "---", 3) != 0 && strncmp(t, "+++", 3) != 0))
        return -1;
    for (size_t i = 1; i < l->n; i++) {
        size_t a = l->starts[i], n = civ_lsp_line_end(l, i) - a;
        if (n == 3 && (strncmp(t + a, t, 3) == 0 || (t[0] == '-' && strncmp(t + a, "...", 3) == 0)))
            return (long)i;
    }
    return -1;
}

static json_t *diag_json(const lint_text *t, const civ_diag *g, lsp_range r, const char *link)
{
    json_t *j = json_pack("{s:o,s:i,s:s,s:s,s:s}", "range", lsp_range_json(r), "severity",
                          severity(g->severity), "code", g->rule, "source", "civlint", "message",
                          g->message);
    if (link)
        json_object_set_new(j, "codeDescription", json_pack("{s:s}", "href", link));
    if (g->nnotes) {
        json_t *rel = json_array();
        for (size_t k = 0; k < g->nnotes; k++)
            json_array_append_new(rel, json_pack("{s:{s:s,s:o},s:s}", "location", "uri", t->uri,
                                                 "range", lsp_range_json(r), "message",
                                                 g->notes[k]));
        json_object_set_new(j, "relatedInformation", rel);
    }
    return j;
}

/* A finding of the document (or of its configuration) that is not a
 * civlint diagnostic: at its start, an error. */
static void add_problem(lsp_findings *f, const char *code, const char *message)
{
    lsp_finding *x = &f->items[f->n++];
    memset(x, 0, sizeof *x);
    x->rule = xstrdup(code);
    x->message = xstrdup(message);
    x->json = json_pack("{s:o,s:i,s:s,s:s,s:s}", "range", lsp_range_json(x->range), "severity", 1,
                        "code", code, "source", "civlint", "message", message);
}

static void add_diag(lsp_findings *f, lint_text *t, const civ_diag *g, const civ_rules *rules,
                     long fm_end)
{
    lsp_finding *x = &f->items[f->n++];
    memset(x, 0, sizeof *x);
    x->range = to_range(t, g->start, g->end);
    lint_text fixes = *t; /* fix-its walk from the finding's start */
    fixes.cur = g->start + t->shift;
    fixes.at = x->range.start;
    if (g->start + t->shift >= t->cur) {
        t->cur = g->start + t->shift;
        t->at = x->range.start;
    }
    x->rule = xstrdup(g->rule);
    x->message = xstrdup(g->message);
    if (strcmp(g->rule, "spelling") == 0) /* what "Add to the vocabulary" adds */
        x->word = xstrndup(t->lines.text + g->start + t->shift, g->end - g->start);
    civ_rule_entry e;
    if (rules && civ_rules_find(rules, g->rule, &e) && e.description)
        x->description = xstrdup(e.description);
    x->fixes = xcalloc(g->nfixes ? g->nfixes : 1, sizeof *x->fixes);
    for (size_t k = 0; k < g->nfixes; k++) {
        x->fixes[k].range = to_range(&fixes, g->fixes[k].start, g->fixes[k].end);
        x->fixes[k].text = xstrdup(g->fixes[k].replacement ? g->fixes[k].replacement : "");
    }
    x->nfixes = g->nfixes;
    x->can_disable = (long)x->range.start.line > fm_end;
    x->json = diag_json(t, g, x->range, rule_link(rules, g->rule));
}

/* The explanation of rule id from the host, asked once per rule of a lint
 * (a post may have hundreds of findings of a few rules). */
static const char *explanation(lsp_server *s, lsp_findings *f, const civ_rules *rules,
                               const char *id)
{
    if (!s->host->explain || !rules)
        return NULL;
    for (size_t i = 0; i < f->nexplains; i++) /* a few rules */
        if (strcmp(f->explains[i].rule, id) == 0)
            return f->explains[i].text;
    char *text = s->host->explain(s->host->ud, rules, id);
    *CIV_PUSH(f->explains, f->nexplains, f->explaincap) = (struct lsp_explain){xstrdup(id), text};
    return text;
}

/* The findings the host's adapt added are about the post's settings (a
 * front-matter `lang:` with no dictionary), not unknown words, though of
 * rule `spelling`: "Add to the project vocabulary" would add the value.
 * They are known by rule, span and message (copied: the lint may drop
 * them, suppressed), which the lint keeps. */
typedef struct {
    struct setting_span {
        const char *rule;
        size_t start, end;
        char *message;
    } *spans;
    size_t n;
} settings_spans;

static settings_spans settings_of(const civ_diags *d)
{
    settings_spans set = {xcalloc(d->n ? d->n : 1, sizeof *set.spans), d->n};
    for (size_t i = 0; i < d->n; i++)
        set.spans[i] = (struct setting_span){d->items[i].rule, d->items[i].start, d->items[i].end,
                                             xstrdup(d->items[i].message)};
    return set;
}

static void settings_free(settings_spans *set)
{
    for (size_t i = 0; i < set->n; i++)
        free(set->spans[i].message);
    free(set->spans);
}

static bool is_setting(const settings_spans *set, const civ_diag *g)
{
    for (size_t i = 0; i < set->n; i++)
        if (set->spans[i].start == g->start && set->spans[i].end == g->end &&
            strcmp(set->spans[i].rule, g->rule) == 0 && strcmp(set->spans[i].message, g->message) == 0)
            return true;
    return false;
}

/* Lints one document's text; the findings and the diagnostics to publish. */
static lsp_findings *lint(lsp_server *s, const char *uri, const char *path, const char *text,
                          size_t len, json_t **diagnostics)
{
    civ_lsp_file file;
    memset(&file, 0, sizeof file);
    s->host->prepare(s->host->ud, path, &file);
    civ_diags d;
    civ_diags_init(&d);
    char *err = NULL;
    civ_source *src = NULL;
    if (file.lint && len > CIV_SOURCE_MAX_DEFAULT) /* as the command line: memory is bounded */
        err = xasprintf("'%s' is larger than %zu MB; not linted", path,
                        (size_t)CIV_SOURCE_MAX_DEFAULT >> 20);
    else if (file.lint)
        src = civ_source_from_memory(path, text, len, &err);
    if (src && s->host->adapt)
        s->host->adapt(s->host->ud, &file, src, &d);
    settings_spans set = settings_of(&d);
    if (src)
        civ_lint(&file.linter, src, &d);
    lsp_findings *f = xcalloc(1, sizeof *f);
    f->items = xcalloc(d.n + 2, sizeof *f->items);
    if (file.err)
        add_problem(f, "configuration", file.err);
    if (err)
        add_problem(f, "input", err);
    lint_text t = {uri, {0}, s->enc, src && src->had_bom ? 3 : 0, 0, {0, 0}};
    civ_lsp_lines_init(&t.lines, text, len);
    long fm_end = front_matter_end(&t.lines);
    for (size_t i = 0; i < d.n; i++) {
        add_diag(f, &t, &d.items[i], file.rules, fm_end);
        if (is_setting(&set, &d.items[i])) { /* a word of no list */
            free(f->items[f->n - 1].word);
            f->items[f->n - 1].word = NULL;
        }
        f->items[f->n - 1].explain = explanation(s, f, file.rules, d.items[i].rule);
    }
    civ_lsp_lines_release(&t.lines);
    f->word_list = file.word_list ? xstrdup(file.word_list) : NULL;
    *diagnostics = json_array();
    for (size_t i = 0; i < f->n; i++)
        json_array_append(*diagnostics, f->items[i].json);
    civ_diags_release(&d);
    settings_free(&set);
    civ_source_free(src);
    free(err);
    free(file.err);
    s->host->release(s->host->ud, &file);
    return f;
}

/* The dirty document due first; *next is when (when it is not yet due). */
static lsp_doc *next_due(lsp_server *s, bool *any, struct timespec *next)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    lsp_doc *best = NULL;
    for (lsp_doc *d = s->docs; d; d = d->next) {
        if (!d->dirty)
            continue;
        if (!best || d->due.tv_sec < best->due.tv_sec ||
            (d->due.tv_sec == best->due.tv_sec && d->due.tv_nsec < best->due.tv_nsec))
            best = d;
    }
    *any = best != NULL;
    if (!best)
        return NULL;
    *next = best->due;
    bool due = now.tv_sec > best->due.tv_sec ||
               (now.tv_sec == best->due.tv_sec && now.tv_nsec >= best->due.tv_nsec);
    return due ? best : NULL;
}

/* Lints d (lock held on entry and exit, released while linting) and
 * publishes its findings unless it changed or closed meanwhile. */
static void lint_one(lsp_server *s, lsp_doc *d)
{
    char *uri = xstrdup(d->uri), *path = xstrdup(d->path);
    char *text = xstrndup(d->text, d->len);
    size_t len = d->len;
    unsigned long gen = d->gen;
    d->dirty = false;
    pthread_mutex_unlock(&s->lock);
    json_t *diagnostics;
    lsp_findings *f = lint(s, uri, path, text, len, &diagnostics);
    f->gen = gen;
    pthread_mutex_lock(&s->lock);
    d = lsp_doc_find(s, uri);
    if (d && d->gen == gen) {
        lsp_findings_free(d->findings);
        d->findings = f;
        civ_rpc_notify(&s->out, "textDocument/publishDiagnostics",
                       json_pack("{s:s,s:I,s:o}", "uri", uri, "version", d->version,
                                 "diagnostics", diagnostics));
    } else { /* edited again (a newer lint is due) or closed */
        lsp_findings_free(f);
        json_decref(diagnostics);
    }
    free(uri);
    free(path);
    free(text);
}

/* Adds the first queued word to its list (lock held on entry and exit),
 * then re-reads the lists and re-lints every document. */
static void add_word(lsp_server *s)
{
    lsp_add_word a = s->adds[0];
    memmove(s->adds, s->adds + 1, --s->nadds * sizeof *s->adds);
    pthread_mutex_unlock(&s->lock);
    char *err = NULL;
    if (!s->host->add_word(s->host->ud, a.list, a.word, &err)) {
        /* window/showMessage, type 1: an error the author should see */
        civ_rpc_notify(&s->out, "window/showMessage",
                       json_pack("{s:i,s:s}", "type", 1, "message", err ? err : "cannot add the word"));
    }
    free(err);
    free(a.list);
    free(a.word);
    lsp_docs_relint(s, true);
    pthread_mutex_lock(&s->lock);
}

/* Word additions first, then a configuration reload: both change what a
 * lint would find, so they go before any document. True when it did one
 * (called with s->lock held; it is released around the host's reload). */
static bool vocabulary_work(lsp_server *s)
{
    if (s->nadds) {
        add_word(s);
        return true;
    }
    if (s->reload) {
        s->reload = false;
        pthread_mutex_unlock(&s->lock);
        s->host->reload(s->host->ud);
        pthread_mutex_lock(&s->lock);
        return true;
    }
    return false;
}

static void *worker_main(void *arg)
{
    lsp_server *s = arg;
    pthread_mutex_lock(&s->lock);
    while (!s->quit) {
        if (vocabulary_work(s))
            continue;
        bool any;
        struct timespec next;
        lsp_doc *d = next_due(s, &any, &next);
        if (d)
            lint_one(s, d);
        else if (any)
            pthread_cond_timedwait(&s->wake, &s->lock, &next);
        else
            pthread_cond_wait(&s->wake, &s->lock);
    }
    pthread_mutex_unlock(&s->lock);
    civ_pattern_thread_cleanup(); /* this thread's pcre2 match data */
    return NULL;
}

void lsp_worker_start(lsp_server *s)
{
    s->worker_started = pthread_create(&s->worker, NULL, worker_main, s) == 0;
}

void lsp_worker_stop(lsp_server *s)
{
    pthread_mutex_lock(&s->lock);
    s->quit = true;
    pthread_cond_signal(&s->wake);
    pthread_mutex_unlock(&s->lock);
    if (s->worker_started)
        pthread_join(s->worker, NULL);
    s->worker_started = false;
}

void lsp_worker_run_pending(lsp_server *s)
{
    pthread_mutex_lock(&s->lock);
    for (;;) {
        if (vocabulary_work(s))
            continue;
        lsp_doc *d = s->docs;
        while (d && !d->dirty)
            d = d->next;
        if (!d)
            break;
        lint_one(s, d); /* due or not: the debounce is the thread's */
    }
    pthread_mutex_unlock(&s->lock);
}
