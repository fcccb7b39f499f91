/* frontmatter.c - see frontmatter.h. */
#include "source/frontmatter.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "base/util.h"
#include "source/tomlmeta.h"

/* True when the line [a,b) is `fence` followed only by spaces or tabs. */
static bool is_fence(const char *d, size_t a, size_t b, const char *fence)
{
    size_t n = strlen(fence);
    if (b - a < n || memcmp(d + a, fence, n) != 0)
        return false;
    for (size_t i = a + n; i < b; i++)
        if (d[i] != ' ' && d[i] != '\t')
            return false;
    return true;
}

static void set_error(civ_frontmatter *fm, size_t off, char *msg)
{
    if (fm->error) {
        free(msg);
        return;
    }
    fm->error = msg;
    fm->error_off = off;
}

/* Locates the offset where a scalar's value bytes appear unchanged. */
static size_t verbatim_off(const civ_source *src, const civ_ynode *n)
{
    size_t off = n->off;
    if (!n->plain && off < src->len && (src->data[off] == '"' || src->data[off] == '\''))
        off++;
    if (off + n->len <= src->len && memcmp(src->data + off, n->value, n->len) == 0)
        return off;
    return SIZE_MAX;
}

static void read_fields(const civ_source *src, civ_frontmatter *fm, size_t base_off)
{
    const civ_ynode *root = civ_ydoc_root(fm->yaml);
    if (!root)
        return;
    if (root->kind != CIV_Y_MAP) {
        set_error(fm, base_off + root->off,
                  xasprintf("front matter must be a YAML mapping, not %s", civ_ykind_name(root->kind)));
        return;
    }
    const civ_ynode *t = civ_ymap_get(root, "title");
    if (t && t->kind == CIV_Y_SCALAR) {
        fm->title = t->value;
        /* node offsets are relative to the YAML text; make them absolute */
        civ_ynode tmp = *t;
        tmp.off += base_off;
        fm->title_off = verbatim_off(src, &tmp);
    }
    const civ_ynode *dt = civ_ymap_get(root, "date");
    if (dt && dt->kind == CIV_Y_SCALAR)
        fm->date = dt->value;
    const char *keys[] = {"author", "authors"};
    for (size_t k = 0; k < 2; k++) {
        const civ_ynode *a = civ_ymap_get(root, keys[k]);
        if (!a)
            continue;
        if (a->kind == CIV_Y_SCALAR && a->len) {
            fm->authors = xrealloc(fm->authors, (fm->nauthors + 1) * sizeof *fm->authors);
            fm->authors[fm->nauthors++] = a->value;
        } else if (a->kind == CIV_Y_SEQ) {
            for (size_t i = 0; i < a->n; i++) {
                const civ_ynode *it = a->items[i];
                const civ_ynode *nm = it->kind == CIV_Y_MAP ? civ_ymap_get(it, "name") : it;
                if (nm && nm->kind == CIV_Y_SCALAR && nm->len) {
                    fm->authors = xrealloc(fm->authors, (fm->nauthors + 1) * sizeof *fm->authors);
                    fm->authors[fm->nauthors++] = nm->value;
                }
            }
        } else if (a->kind == CIV_Y_MAP) {
            const civ_ynode *nm = civ_ymap_get(a, "name");
            if (nm && nm->kind == CIV_Y_SCALAR && nm->len) {
                fm->authors = xrealloc(fm->authors, (fm->nauthors + 1) * sizeof *fm->authors);
                fm->authors[fm->nauthors++] = nm->value;
            }
        }
    }
}

/* The 1-based line after `close_line`, as an offset: where the body starts. */
static size_t after_line(const civ_source *src, size_t close_line)
{
    return close_line < src->nlines ? src->lines[close_line] : src->len;
}

/* A fenced block from line `open` ("---" or "+++"): the closing line, or 0
 * (then an error: without a closing fence we cannot know where the
 * metadata ends, so the whole file is linted as Markdown rather than
 * silently skipped). */
static size_t find_fence_close(const civ_source *src, civ_frontmatter *fm, size_t open, const char *fence,
                               const char *alt)
{
    size_t a, b;
    for (size_t ln = open + 1; ln <= src->nlines; ln++) {
        civ_source_line(src, ln, &a, &b);
        if (is_fence(src->data, a, b, fence) || (alt && is_fence(src->data, a, b, alt)))
            return ln;
    }
    set_error(fm, src->lines[open - 1],
              xasprintf("front matter opened on line %zu is never closed (expected a '%s' line)", open, fence));
    return 0;
}

static void parse_yaml(const civ_source *src, civ_frontmatter *fm, size_t open)
{
    size_t close_line = find_fence_close(src, fm, open, "---", "...");
    if (!close_line) {
        fm->present = false;
        fm->format = CIV_FM_NONE;
        return;
    }
    size_t ystart = src->lines[open];
    size_t yend = src->lines[close_line - 1];
    fm->body = after_line(src, close_line);
    char *err = NULL;
    fm->yaml = civ_ydoc_parse(src->data + ystart, yend - ystart, open, &err);
    if (!fm->yaml) {
        /* err is "LINE:COL: problem"; point at that line. */
        size_t line = strtoul(err, NULL, 10);
        size_t off = line >= 1 && line <= src->nlines ? src->lines[line - 1] : 0;
        const char *msg = strchr(err, ' ');
        set_error(fm, off, xasprintf("front matter is not valid YAML: %s", msg ? msg + 1 : err));
        free(err);
        return;
    }
    read_fields(src, fm, ystart);
}

/* JSON front matter: from the '{' at `from` to its matching '}' (strings
 * and escapes skipped), which must end its line. Returns the closing
 * line (1-based), or 0 when it is not JSON front matter. */
static size_t json_close(const civ_source *src, size_t from)
{
    const char *d = src->data;
    int depth = 0;
    for (size_t i = from; i < src->len; i++) {
        if (d[i] == '"') {
            for (i++; i < src->len && d[i] != '"' && d[i] != '\n'; i++)
                if (d[i] == '\\')
                    i++;
            if (i >= src->len || d[i] == '\n')
                return 0; /* strings do not span lines in JSON */
        } else if (d[i] == '{' || d[i] == '[') {
            depth++;
        } else if ((d[i] == '}' || d[i] == ']') && --depth == 0) {
            size_t ln = civ_source_line_of(src, i) + 1, a, b;
            civ_source_line(src, ln, &a, &b);
            for (size_t k = i + 1; k < b; k++)
                if (d[k] != ' ' && d[k] != '\t')
                    return 0;
            return ln;
        }
    }
    return 0;
}

/* Where a JSON string value appears verbatim in [a, e), after its key. */
static size_t json_verbatim(const civ_source *src, size_t a, size_t e, const char *key, const char *v)
{
    char k[16];
    snprintf(k, sizeof k, "\"%s\"", key);
    const char *p = memmem(src->data + a, e - a, k, strlen(k));
    size_t n = strlen(v);
    if (!p || !n || strchr(v, '"') || strchr(v, '\\'))
        return SIZE_MAX;
    size_t from = (size_t)(p - src->data) + strlen(k);
    const char *q = memmem(src->data + from, e - from, v, n);
    return q && q[-1] == '"' && (size_t)(q - src->data) + n < e && q[n] == '"' ? (size_t)(q - src->data) : SIZE_MAX;
}

static void json_author(civ_frontmatter *fm, json_t *a)
{
    if (json_is_object(a))
        a = json_object_get(a, "name");
    if (json_is_string(a) && json_string_length(a)) {
        fm->authors = xrealloc(fm->authors, (fm->nauthors + 1) * sizeof *fm->authors);
        fm->authors[fm->nauthors++] = json_string_value(a);
    }
}

/* JSON front matter [a, e) starting on 1-based line `first`: parsed with
 * jansson (objects only); errors point at their line. */
static void parse_json(const civ_source *src, civ_frontmatter *fm, size_t a, size_t e, size_t first)
{
    json_error_t err;
    json_t *root = json_loadb(src->data + a, e - a, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        size_t line = first + (err.line > 0 ? (size_t)err.line - 1 : 0);
        set_error(fm, line <= src->nlines ? src->lines[line - 1] : a,
                  xasprintf("front matter is not valid JSON: %s", err.text));
        return;
    }
    fm->json = root;
    if (!json_is_object(root)) {
        set_error(fm, a, xstrdup("front matter must be a JSON object"));
        return;
    }
    json_t *t = json_object_get(root, "title"), *d = json_object_get(root, "date");
    if (json_is_string(t)) {
        fm->title = json_string_value(t);
        fm->title_off = json_verbatim(src, a, e, "title", fm->title);
    }
    if (json_is_string(d))
        fm->date = json_string_value(d);
    const char *keys[] = {"author", "authors"};
    for (size_t k = 0; k < 2; k++) {
        json_t *x = json_object_get(root, keys[k]);
        if (json_is_array(x)) {
            for (size_t i = 0; i < json_array_size(x); i++)
                json_author(fm, json_array_get(x, i));
        } else {
            json_author(fm, x);
        }
    }
}

static void add_author(civ_frontmatter *fm, const char *name);

/* TOML front matter between the fences (lines first+1 .. close-1), read
 * by toml++ (tomlmeta.h); the strings are copied into fm->owned. */
static void parse_toml(const civ_source *src, civ_frontmatter *fm, size_t first, size_t close_line)
{
    size_t a = src->lines[first], e = src->lines[close_line - 1], line = 1;
    civ_toml_meta m;
    char *err = civ_toml_meta_read(src->data + a, e - a, &m, &line);
    if (err) {
        size_t ln = first + line;
        set_error(fm, ln <= src->nlines ? src->lines[ln - 1] : a, xasprintf("front matter is not valid TOML: %s", err));
        free(err);
        civ_toml_meta_release(&m);
        return;
    }
    /* one buffer owns the strings, as for headers */
    size_t n = (m.title ? strlen(m.title) + 1 : 0) + (m.date ? strlen(m.date) + 1 : 0), k = 0;
    for (size_t i = 0; i < m.nauthors; i++)
        n += strlen(m.authors[i]) + 1;
    fm->owned = xmalloc(n + 1);
    const char *from[2] = {m.title, m.date};
    const char **to[2] = {&fm->title, &fm->date};
    for (size_t i = 0; i < 2; i++)
        if (from[i]) {
            *to[i] = strcpy(fm->owned + k, from[i]);
            k += strlen(from[i]) + 1;
        }
    for (size_t i = 0; i < m.nauthors; i++) {
        add_author(fm, strcpy(fm->owned + k, m.authors[i]));
        k += strlen(m.authors[i]) + 1;
    }
    if (fm->title && *fm->title) {
        const char *p = memmem(src->data + a, e - a, fm->title, strlen(fm->title));
        fm->title_off = p && p > src->data && p[-1] == '"' ? (size_t)(p - src->data) : SIZE_MAX;
    }
    civ_toml_meta_release(&m);
}

/* A "Key: value" line: the key's length (letters, digits, '_', '-', inner
 * spaces; at most 32 bytes, starting with a letter), or 0. */
static size_t header_key(const char *d, size_t a, size_t b)
{
    size_t k = a;
    if (k >= b || !isalpha((unsigned char)d[k]))
        return 0;
    while (k < b && k - a <= 32 && (isalnum((unsigned char)d[k]) || d[k] == '_' || d[k] == '-' || d[k] == ' '))
        k++;
    if (k >= b || d[k] != ':' || d[k - 1] == ' ')
        return 0;
    return k + 1 == b || d[k + 1] == ' ' || d[k + 1] == '\t' ? k - a : 0;
}

static bool key_is(const char *d, size_t a, size_t n, const char *key)
{
    return strlen(key) == n && strncasecmp(d + a, key, n) == 0;
}

/* Header value bytes [v0, v1) copied into fm->owned at the same offset
 * (relative to `base`), NUL-terminated and trimmed. */
static char *header_value(const civ_source *src, civ_frontmatter *fm, size_t base, size_t v0, size_t v1)
{
    while (v0 < v1 && (src->data[v0] == ' ' || src->data[v0] == '\t'))
        v0++;
    while (v1 > v0 && (src->data[v1 - 1] == ' ' || src->data[v1 - 1] == '\t'))
        v1--;
    fm->owned[v1 - base] = '\0';
    return fm->owned + (v0 - base);
}

static void add_author(civ_frontmatter *fm, const char *name)
{
    fm->authors = xrealloc(fm->authors, (fm->nauthors + 1) * sizeof *fm->authors);
    fm->authors[fm->nauthors++] = name;
}

/* Pelican / MultiMarkdown headers from line `first` to the first blank
 * line: true when every line is a header (or an indented continuation)
 * and one key is title, author(s) or date; then the fields are read. */
static bool parse_headers(const civ_source *src, civ_frontmatter *fm, size_t first)
{
    const char *d = src->data;
    size_t ln = first, a, b;
    bool known = false;
    for (; ln <= src->nlines; ln++) {
        civ_source_line(src, ln, &a, &b);
        if (b > a && d[b - 1] == '\r')
            b--;
        if (a == b)
            break;
        size_t n = header_key(d, a, b);
        if (!n && !(ln > first && (d[a] == ' ' || d[a] == '\t')))
            return false;
        known |= n && (key_is(d, a, n, "title") || key_is(d, a, n, "author") ||
                       key_is(d, a, n, "authors") || key_is(d, a, n, "date"));
    }
    if (!known)
        return false;
    size_t base = src->lines[first - 1], end = after_line(src, ln - 1);
    fm->owned = xmalloc(end - base + 1);
    memcpy(fm->owned, d + base, end - base);
    fm->owned[end - base] = '\0';
    for (size_t k = first; k < ln; k++) {
        civ_source_line(src, k, &a, &b);
        size_t n = header_key(d, a, b);
        if (!n)
            continue;
        char *v = header_value(src, fm, base, a + n + 1, b > a && d[b - 1] == '\r' ? b - 1 : b);
        if (key_is(d, a, n, "title") && !fm->title) {
            fm->title = v;
            fm->title_off = *v ? base + (size_t)(v - fm->owned) : SIZE_MAX;
        } else if (key_is(d, a, n, "date") && !fm->date && *v) {
            fm->date = v;
        } else if (key_is(d, a, n, "author") || key_is(d, a, n, "authors")) {
            for (char *p = v, *c; *p; p = c) { /* "Alice, Bob" */
                c = p + strcspn(p, ",;");
                char *e = c;
                while (e > p && e[-1] == ' ')
                    e--;
                bool more = *c != '\0';
                *e = '\0';
                if (e > p)
                    add_author(fm, p);
                c += more;
                while (*c == ' ')
                    c++;
            }
        }
    }
    fm->body = end;
    return true;
}

void civ_frontmatter_parse(const civ_source *src, civ_frontmatter *fm)
{
    memset(fm, 0, sizeof *fm);
    fm->title_off = SIZE_MAX;
    if (src->len == 0)
        return;
    size_t first = 1, a, b;
    for (; first <= src->nlines; first++) {
        civ_source_line(src, first, &a, &b);
        if (!is_fence(src->data, a, b, ""))
            break;
    }
    if (first > src->nlines)
        return;
    fm->start = a;
    fm->present = true;
    if (is_fence(src->data, a, b, "---")) {
        fm->format = CIV_FM_YAML;
        parse_yaml(src, fm, first);
        return;
    }
    size_t close_line = 0;
    if (is_fence(src->data, a, b, "+++")) {
        fm->format = CIV_FM_TOML;
        close_line = find_fence_close(src, fm, first, "+++", NULL);
    } else if (src->data[a] == '{' && (is_fence(src->data, a, b, "{") || src->data[a + 1] == '"')) {
        fm->format = CIV_FM_JSON;
        close_line = json_close(src, a);
    } else if (parse_headers(src, fm, first)) {
        fm->format = CIV_FM_HEADERS;
        return;
    }
    if (close_line) {
        fm->body = after_line(src, close_line);
        if (fm->format == CIV_FM_JSON)
            parse_json(src, fm, a, fm->body, first);
        else
            parse_toml(src, fm, first, close_line);
        return;
    }
    fm->present = false;
    fm->format = CIV_FM_NONE;
}

void civ_frontmatter_release(civ_frontmatter *fm)
{
    free(fm->error);
    free(fm->authors);
    free(fm->owned);
    json_decref(fm->json);
    civ_ydoc_free(fm->yaml);
    memset(fm, 0, sizeof *fm);
}
