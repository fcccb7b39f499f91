/* actions.c - textDocument/codeAction and textDocument/hover, answered
 * from the findings last published for the document (no lint here). An
 * edit is offered only when those findings are of the text the editor
 * has now: after an edit the next lint brings fresh ones. */
#include "lsp/server.h"

#include <ctype.h>
#include <string.h>

#include "base/util.h"

bool lsp_pos_parse(json_t *j, civ_lsp_pos *p)
{
    json_t *l = json_object_get(j, "line"), *c = json_object_get(j, "character");
    if (!json_is_integer(l) || !json_is_integer(c) || json_integer_value(l) < 0 ||
        json_integer_value(c) < 0)
        return false;
    p->line = (size_t)json_integer_value(l);
    p->ch = (size_t)json_integer_value(c);
    return true;
}

bool lsp_range_parse(json_t *j, lsp_range *r)
{
    return lsp_pos_parse(json_object_get(j, "start"), &r->start) &&
           lsp_pos_parse(json_object_get(j, "end"), &r->end);
}

/* The current findings of params.textDocument (lock held), or NULL; *doc
 * is the document. */
static lsp_findings *current(lsp_server *s, json_t *params, const char **uri, lsp_doc **doc)
{
    *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
    lsp_doc *d = *uri ? lsp_doc_find(s, *uri) : NULL;
    *doc = d;
    return d && d->findings && d->findings->gen == d->gen ? d->findings : NULL;
}

static json_t *action(const char *title, const lsp_finding *x, const char *uri, lsp_range r,
                      const char *text, bool preferred)
{
    json_t *edit = json_pack("{s:{s:[{s:o,s:s}]}}", "changes", uri, "range", lsp_range_json(r),
                             "newText", text);
    json_t *a = json_pack("{s:s,s:s,s:[O],s:o}", "title", title, "kind", "quickfix",
                          "diagnostics", x->json, "edit", edit);
    if (preferred)
        json_object_set_new(a, "isPreferred", json_true());
    return a;
}

/* The title of fix-it k of x: what it does to the text. */
static char *fix_title(const lsp_finding *x, const lsp_edit *e)
{
    bool empty = civ_lsp_pos_cmp(e->range.start, e->range.end) == 0;
    if (!*e->text)
        return xasprintf("Delete (%s)", x->rule);
    if (empty)
        return xasprintf("Insert '%s' (%s)", e->text, x->rule);
    return xasprintf("Replace with '%s' (%s)", e->text, x->rule);
}

/* Does context.only (absent: everything) ask for quick fixes? */
static bool wants_quickfix(json_t *params)
{
    json_t *only = json_object_get(json_object_get(params, "context"), "only");
    if (!json_is_array(only))
        return true;
    size_t i;
    json_t *k;
    json_array_foreach(only, i, k)
    {
        const char *v = json_string_value(k);
        if (v && (strcmp(v, "quickfix") == 0 || strcmp(v, "") == 0))
            return true;
    }
    return false;
}

/* "Add 'word' to the project vocabulary": a command the server runs
 * (lsp_execute_command), not an edit: the list may be no open document. */
static json_t *add_word_action(const lsp_finding *x, const char *uri, const char *list)
{
    const char *slash = strrchr(list, '/');
    char *title = xasprintf("Add '%s' to the project vocabulary (%s)", x->word,
                            slash ? slash + 1 : list);
    json_t *a = json_pack("{s:s,s:s,s:[O],s:{s:s,s:s,s:[s,s]}}", "title", title, "kind", "quickfix",
                          "diagnostics", x->json, "command", "title", title, "command",
                          LSP_ADD_WORD, "arguments", uri, x->word);
    free(title);
    return a;
}

static void finding_actions(json_t *out, const lsp_finding *x, const char *uri,
                            const civ_lsp_lines *lines, civ_lsp_enc enc, const char *list)
{
    for (size_t k = 0; k < x->nfixes; k++) {
        char *title = fix_title(x, &x->fixes[k]);
        json_array_append_new(out, action(title, x, uri, x->fixes[k].range, x->fixes[k].text,
                                          k == 0 && x->nfixes == 1));
        free(title);
    }
    if (x->word && list)
        json_array_append_new(out, add_word_action(x, uri, list));
    if (!x->can_disable)
        return; /* in front matter, or a configuration problem: no comment mends it */
    /* at the end of the finding's first line (before its line break) */
    civ_lsp_pos eol = civ_lsp_position(lines, enc, civ_lsp_line_end(lines, x->range.start.line));
    char *title = xasprintf("Disable %s on this line", x->rule);
    char *text = xasprintf(" <!-- civlint-disable-line %s -->", x->rule);
    json_array_append_new(out, action(title, x, uri, (lsp_range){eol, eol}, text, false));
    free(title);
    free(text);
}

json_t *lsp_code_actions(lsp_server *s, json_t *params, const char **err)
{
    lsp_range want;
    if (!lsp_range_parse(json_object_get(params, "range"), &want)) {
        *err = "codeAction without a valid range";
        return NULL;
    }
    json_t *out = json_array();
    if (!wants_quickfix(params))
        return out;
    pthread_mutex_lock(&s->lock);
    const char *uri;
    lsp_doc *d;
    lsp_findings *f = current(s, params, &uri, &d);
    civ_lsp_lines lines;
    civ_lsp_lines_init(&lines, d ? d->text : "", d ? d->len : 0);
    for (size_t i = 0; f && i < f->n; i++) {
        const lsp_finding *x = &f->items[i];
        /* the findings the range touches (a cursor is an empty range) */
        if (civ_lsp_pos_cmp(x->range.start, want.end) <= 0 &&
            civ_lsp_pos_cmp(want.start, x->range.end) <= 0)
            finding_actions(out, x, uri, &lines, s->enc, f->word_list);
    }
    civ_lsp_lines_release(&lines);
    pthread_mutex_unlock(&s->lock);
    return out;
}

/* s as Markdown text: a message quotes the post, which is Markdown, so
 * what could start inline markup is escaped (CommonMark allows a backslash
 * before any ASCII punctuation), as is any punctuation that starts the
 * line (a list item, a heading), and the quote shows as written. */
static void md_text(civ_buf *b, const char *s)
{
    for (const char *p = s; *p; p++) {
        if (strchr("\\`*_[]<>&!|~$", *p) || (p == s && ispunct((unsigned char)*p)))
            civ_buf_putc(b, '\\');
        civ_buf_putc(b, *p == '\n' ? ' ' : *p);
    }
}

/* text (the rule's explanation, laid out for a terminal) as a fenced code
 * block, its fence longer than any run of backticks in it. */
static void md_block(civ_buf *b, const char *text)
{
    size_t run = 0, longest = 0;
    for (const char *p = text; *p; p++) {
        run = *p == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    size_t n = longest < 3 ? 3 : longest + 1;
    civ_buf_puts(b, "\n\n");
    for (size_t i = 0; i < n; i++)
        civ_buf_putc(b, '`');
    civ_buf_puts(b, "text\n");
    civ_buf_puts(b, text);
    if (*text && text[strlen(text) - 1] != '\n')
        civ_buf_putc(b, '\n');
    for (size_t i = 0; i < n; i++)
        civ_buf_putc(b, '`');
}

/* The hover of each finding under the cursor: its message and notes, then
 * the text of `civlint --explain RULE` (from the host, lsp.h), in Markdown. */
json_t *lsp_hover(lsp_server *s, json_t *params, const char **err)
{
    civ_lsp_pos p;
    if (!lsp_pos_parse(json_object_get(params, "position"), &p)) {
        *err = "hover without a valid position";
        return NULL;
    }
    pthread_mutex_lock(&s->lock);
    const char *uri;
    lsp_doc *d;
    lsp_findings *f = current(s, params, &uri, &d);
    civ_buf b;
    civ_buf_init(&b);
    const lsp_finding *first = NULL;
    for (size_t i = 0; f && i < f->n; i++) {
        const lsp_finding *x = &f->items[i];
        if (civ_lsp_pos_cmp(x->range.start, p) > 0 || civ_lsp_pos_cmp(p, x->range.end) > 0)
            continue;
        if (!first)
            first = x;
        else
            civ_buf_puts(&b, "\n\n---\n\n");
        md_text(&b, x->message);
        civ_buf_puts(&b, " [");
        md_text(&b, x->rule);
        civ_buf_puts(&b, "]");
        json_t *rel = json_object_get(x->json, "relatedInformation");
        size_t k;
        json_t *note;
        json_array_foreach(rel, k, note)
        {
            civ_buf_puts(&b, "  \nnote: ");
            md_text(&b, json_string_value(json_object_get(note, "message")));
        }
        if (x->explain)
            md_block(&b, x->explain);
        else if (x->description) {
            civ_buf_puts(&b, "\n\n");
            md_text(&b, x->description);
        }
    }
    json_t *out = NULL;
    if (first)
        out = json_pack("{s:{s:s,s:s},s:o}", "contents", "kind", "markdown", "value",
                        b.len ? b.data : "", "range", lsp_range_json(first->range));
    pthread_mutex_unlock(&s->lock);
    civ_buf_release(&b);
    return out ? out : json_null();
}

json_t *lsp_execute_command(lsp_server *s, json_t *params, const char **err)
{
    const char *cmd = json_string_value(json_object_get(params, "command"));
    json_t *args = json_object_get(params, "arguments");
    const char *uri = json_string_value(json_array_get(args, 0));
    const char *word = json_string_value(json_array_get(args, 1));
    if (!cmd || strcmp(cmd, LSP_ADD_WORD) != 0 || !uri || !word) {
        *err = "unknown command (civlint has " LSP_ADD_WORD " [uri, word])";
        return NULL;
    }
    pthread_mutex_lock(&s->lock);
    lsp_doc *d = lsp_doc_find(s, uri);
    lsp_findings *f = d ? d->findings : NULL;
    bool ok = false;
    for (size_t i = 0; f && f->word_list && i < f->n && !ok; i++)
        ok = f->items[i].word && strcmp(f->items[i].word, word) == 0;
    if (ok) {
        *CIV_PUSH(s->adds, s->nadds, s->addcap) = (lsp_add_word){xstrdup(f->word_list), xstrdup(word)};
        pthread_cond_signal(&s->wake);
    }
    pthread_mutex_unlock(&s->lock);
    if (!ok) {
        *err = "not an unknown word of that document with a project word list";
        return NULL;
    }
    return json_null();
}
