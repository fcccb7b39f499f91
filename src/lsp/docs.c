/* docs.c - the open documents: their text, kept in step with the editor's
 * through full and incremental changes, and when each is next linted. */
#include "lsp/server.h"

#include <string.h>

#include "base/util.h"

lsp_doc *lsp_doc_find(lsp_server *s, const char *uri)
{
    for (lsp_doc *d = s->docs; d; d = d->next)
        if (strcmp(d->uri, uri) == 0)
            return d;
    return NULL;
}

void lsp_findings_free(lsp_findings *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n; i++) {
        lsp_finding *x = &f->items[i];
        free(x->rule);
        free(x->message);
        free(x->description);
        free(x->word);
        for (size_t k = 0; k < x->nfixes; k++)
            free(x->fixes[k].text);
        free(x->fixes);
        json_decref(x->json);
    }
    for (size_t i = 0; i < f->nexplains; i++) {
        free(f->explains[i].rule);
        free(f->explains[i].text);
    }
    free(f->explains);
    free(f->items);
    free(f->word_list);
    free(f);
}

static void doc_free(lsp_doc *d)
{
    free(d->uri);
    free(d->path);
    free(d->text);
    lsp_findings_free(d->findings);
    free(d);
}

void lsp_docs_free(lsp_server *s)
{
    while (s->docs) {
        lsp_doc *d = s->docs;
        s->docs = d->next;
        doc_free(d);
    }
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

char *lsp_uri_path(const char *uri)
{
    if (strncmp(uri, "file://", 7) != 0)
        return NULL;
    const char *p = uri + 7;
    if (strncmp(p, "localhost/", 10) == 0)
        p += 9;
    if (*p != '/')
        return NULL; /* another host: not a local file */
    civ_buf b;
    civ_buf_init(&b);
    for (; *p && *p != '?' && *p != '#'; p++) {
        int hi, lo;
        if (*p == '%' && (hi = hexval(p[1])) >= 0 && (lo = hexval(p[2])) >= 0 && (hi || lo)) {
            civ_buf_putc(&b, (char)(hi * 16 + lo));
            p += 2;
        } else {
            civ_buf_putc(&b, *p);
        }
    }
    return civ_buf_detach(&b);
}

/* now + ms on the monotonic clock. */
static struct timespec after_ms(long ms)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    t.tv_nsec += ms * 1000000L;
    t.tv_sec += t.tv_nsec / 1000000000L;
    t.tv_nsec %= 1000000000L;
    return t;
}

/* Marks d to be linted in ms and wakes the worker (lock held). */
static void schedule(lsp_server *s, lsp_doc *d, long ms)
{
    d->dirty = true;
    d->due = after_ms(ms);
    pthread_cond_signal(&s->wake);
}

static void set_text(lsp_doc *d, const char *text, size_t len)
{
    if (len + 1 > d->cap)
        civ_grow((void **)&d->text, &d->cap, len + 1, 1);
    memcpy(d->text, text, len);
    d->text[len] = '\0';
    d->len = len;
}

/* The uri of params.textDocument, or NULL. */
static const char *doc_uri(json_t *params, json_t **td)
{
    *td = json_object_get(params, "textDocument");
    return json_string_value(json_object_get(*td, "uri"));
}

bool lsp_did_open(lsp_server *s, json_t *params, const char **err)
{
    json_t *td;
    const char *uri = doc_uri(params, &td);
    json_t *text = json_object_get(td, "text");
    if (!uri || !json_is_string(text)) {
        *err = "didOpen without textDocument.uri and .text";
        return false;
    }
    pthread_mutex_lock(&s->lock);
    lsp_doc *d = lsp_doc_find(s, uri);
    if (!d) { /* a second didOpen of an open document replaces its text */
        d = xcalloc(1, sizeof *d);
        d->uri = xstrdup(uri);
        d->path = lsp_uri_path(uri);
        if (!d->path)
            d->path = xstrdup(uri);
        d->next = s->docs;
        s->docs = d;
    }
    set_text(d, json_string_value(text), json_string_length(text));
    d->version = json_integer_value(json_object_get(td, "version"));
    d->gen = ++s->gens;
    schedule(s, d, 0); /* a newly opened post: at once */
    pthread_mutex_unlock(&s->lock);
    return true;
}

/* Replaces [a, b) of d's text with t[0..n). */
static void splice(lsp_doc *d, size_t a, size_t b, const char *t, size_t n)
{
    size_t len = d->len - (b - a) + n;
    if (len + 1 > d->cap)
        civ_grow((void **)&d->text, &d->cap, len + 1, 1);
    memmove(d->text + a + n, d->text + b, d->len - b + 1); /* with the NUL */
    memcpy(d->text + a, t, n);
    d->len = len;
}

/* One TextDocumentContentChangeEvent: a range and its new text, or the
 * whole text. */
static bool apply_change(lsp_server *s, lsp_doc *d, json_t *c)
{
    json_t *text = json_object_get(c, "text");
    if (!json_is_string(text))
        return false;
    json_t *range = json_object_get(c, "range");
    if (!range) {
        set_text(d, json_string_value(text), json_string_length(text));
        return true;
    }
    lsp_range r;
    if (!lsp_range_parse(range, &r))
        return false;
    civ_lsp_lines lines;
    civ_lsp_lines_init(&lines, d->text, d->len);
    size_t a = civ_lsp_offset(&lines, s->enc, r.start), b = civ_lsp_offset(&lines, s->enc, r.end);
    civ_lsp_lines_release(&lines);
    if (b < a) { /* a reversed range: the protocol has none; take it as meant */
        size_t t = a;
        a = b;
        b = t;
    }
    splice(d, a, b, json_string_value(text), json_string_length(text));
    return true;
}

bool lsp_did_change(lsp_server *s, json_t *params, const char **err)
{
    json_t *td;
    const char *uri = doc_uri(params, &td);
    json_t *changes = json_object_get(params, "contentChanges");
    if (!uri || !json_is_array(changes)) {
        *err = "didChange without textDocument.uri and contentChanges";
        return false;
    }
    pthread_mutex_lock(&s->lock);
    lsp_doc *d = lsp_doc_find(s, uri);
    bool ok = d != NULL;
    *err = "didChange of a document that is not open";
    size_t i;
    json_t *c;
    json_array_foreach(changes, i, c)
    {
        if (ok && !apply_change(s, d, c)) {
            /* the edits before it are applied: the text no longer matches
             * the editor's, so say so; the next full change mends it */
            *err = "didChange with a malformed change (the text may be out of step)";
            ok = false;
        }
    }
    if (d) {
        d->version = json_integer_value(json_object_get(td, "version"));
        d->gen = ++s->gens;
        schedule(s, d, CIV_LSP_DEBOUNCE_MS);
    }
    pthread_mutex_unlock(&s->lock);
    return ok;
}

bool lsp_did_save(lsp_server *s, json_t *params, const char **err)
{
    json_t *td;
    const char *uri = doc_uri(params, &td);
    if (!uri) {
        *err = "didSave without textDocument.uri";
        return false;
    }
    pthread_mutex_lock(&s->lock);
    lsp_doc *d = lsp_doc_find(s, uri);
    json_t *text = json_object_get(params, "text");
    if (d && json_is_string(text)) {
        set_text(d, json_string_value(text), json_string_length(text));
        d->gen = ++s->gens;
    }
    if (d)
        schedule(s, d, 0); /* the author paused: no need to wait */
    pthread_mutex_unlock(&s->lock);
    if (!d)
        *err = "didSave of a document that is not open";
    return d != NULL;
}

bool lsp_did_close(lsp_server *s, json_t *params, const char **err)
{
    json_t *td;
    const char *uri = doc_uri(params, &td);
    if (!uri) {
        *err = "didClose without textDocument.uri";
        return false;
    }
    pthread_mutex_lock(&s->lock);
    lsp_doc **pp = &s->docs;
    while (*pp && strcmp((*pp)->uri, uri) != 0)
        pp = &(*pp)->next;
    lsp_doc *d = *pp;
    if (d) {
        *pp = d->next;
        /* a closed post keeps no findings in the editor's problem list;
         * sent under the lock so a lint finishing now cannot follow it */
        civ_rpc_notify(&s->out, "textDocument/publishDiagnostics",
                       json_pack("{s:s,s:[]}", "uri", d->uri, "diagnostics"));
        doc_free(d);
    }
    pthread_mutex_unlock(&s->lock);
    if (!d)
        *err = "didClose of a document that is not open";
    return d != NULL;
}

void lsp_docs_relint(lsp_server *s, bool reload)
{
    pthread_mutex_lock(&s->lock);
    if (reload)
        s->reload = true;
    for (lsp_doc *d = s->docs; d; d = d->next)
        schedule(s, d, 0);
    pthread_cond_signal(&s->wake);
    pthread_mutex_unlock(&s->lock);
}
