/* frontmatter.c - see frontmatter.h. */
#include "source/frontmatter.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "base/utf8.h"
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

/* The parsers' messages quote the bytes near an error, and jansson cuts
 * its quote at a byte count, possibly inside a character: such bytes are
 * dropped, so the message is valid UTF-8 like everything else a check
 * reports (a frontmatter fuzz finding). */
static void drop_invalid_utf8(char *s)
{
    size_t n = strlen(s), i = 0, o = 0;
    while (i < n) {
        uint32_t cp;
        size_t l = civ_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (l == 0) {
            i++;
            continue;
        }
        memmove(s + o, s + i, l);
        o += l;
        i += l;
    }
    s[o] = '\0';
}

static void set_error(civ_frontmatter *fm, size_t off, char *msg)
{
    if (fm->error) {
        free(msg);
        return;
    }
    drop_invalid_utf8(msg);
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

static civ_fm_field *add_field(civ_frontmatter *fm, const char *key, size_t off)
{
    fm->fields = xrealloc(fm->fields, (fm->nfields + 1) * sizeof *fm->fields);
    civ_fm_field *f = &fm->fields[fm->nfields++];
    memset(f, 0, sizeof *f);
    f->key = key;
    f->off = off;
    return f;
}

static void add_value(civ_fm_field *f, const char *v)
{
    if (!v || !*v)
        return;
    f->values = xrealloc(f->values, (f->nvalues + 1) * sizeof *f->values);
    f->values[f->nvalues++] = v;
}

/* A YAML scalar's string, or NULL for a null ('~', 'null', empty). */
static const char *yaml_string(const civ_ynode *n)
{
    if (!n || n->kind != CIV_Y_SCALAR || !n->len)
        return NULL;
    if (n->plain && (strcmp(n->value, "~") == 0 || strcasecmp(n->value, "null") == 0))
        return NULL;
    return n->value;
}

/* A mapping's `name`, or its `created` (a date mapping). */
static const civ_ynode *yaml_map_value(const civ_ynode *m)
{
    const civ_ynode *n = civ_ymap_get(m, "name");
    return n ? n : civ_ymap_get(m, "created");
}

static void yaml_values(civ_fm_field *f, const civ_ynode *v)
{
    if (v->kind == CIV_Y_SCALAR) {
        add_value(f, yaml_string(v));
    } else if (v->kind == CIV_Y_SEQ) {
        for (size_t i = 0; i < v->n; i++) {
            const civ_ynode *it = v->items[i];
            add_value(f, yaml_string(it->kind == CIV_Y_MAP ? yaml_map_value(it) : it));
        }
    } else if (v->kind == CIV_Y_MAP) {
        add_value(f, yaml_string(yaml_map_value(v)));
    }
}

/* The date and the authors, from the fields of any format. */
static void finish_fields(civ_frontmatter *fm)
{
    static const char *const date_keys[] = {"date", "published", "pubdate"};
    for (size_t k = 0; k < 3 && !fm->date; k++) {
        const civ_fm_field *f = civ_frontmatter_field(fm, date_keys[k]);
        if (f && f->nvalues) {
            fm->date = f->values[0];
            fm->date_key = f->key;
        }
    }
    static const char *const author_keys[] = {"author", "authors"};
    for (size_t k = 0; k < 2; k++) {
        const civ_fm_field *f = civ_frontmatter_field(fm, author_keys[k]);
        for (size_t i = 0; f && i < f->nvalues; i++) {
            fm->authors = xrealloc(fm->authors, (fm->nauthors + 1) * sizeof *fm->authors);
            fm->authors[fm->nauthors++] = f->values[i];
        }
    }
}

const civ_fm_field *civ_frontmatter_field(const civ_frontmatter *fm, const char *key)
{
    for (size_t i = 0; fm && i < fm->nfields; i++)
        if (strcasecmp(fm->fields[i].key, key) == 0)
            return &fm->fields[i];
    return NULL;
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
    for (size_t i = 0; i + 1 < root->n; i += 2) {
        const civ_ynode *k = root->items[i];
        if (k->kind == CIV_Y_SCALAR)
            yaml_values(add_field(fm, k->value, base_off + k->off), root->items[i + 1]);
    }
    finish_fields(fm);
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

static void json_value(civ_fm_field *f, json_t *v)
{
    if (json_is_object(v))
        v = json_object_get(v, "name") ? json_object_get(v, "name") : json_object_get(v, "created");
    if (json_is_string(v))
        add_value(f, json_string_value(v));
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
    json_t *t = json_object_get(root, "title");
    if (json_is_string(t)) {
        fm->title = json_string_value(t);
        fm->title_off = json_verbatim(src, a, e, "title", fm->title);
    }
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v) {
        /* the key's own line, when it is written plainly: where an empty
         * value is reported */
        char quoted[80];
        int qn = snprintf(quoted, sizeof quoted, "\"%s\"", key);
        const char *at = qn > 0 && (size_t)qn < sizeof quoted ? memmem(src->data + a, e - a, quoted, (size_t)qn) : NULL;
        civ_fm_field *f = add_field(fm, key, at ? (size_t)(at - src->data) + 1 : a);
        if (json_is_array(v)) {
            for (size_t i = 0; i < json_array_size(v); i++)
                json_value(f, json_array_get(v, i));
        } else {
            json_value(f, v);
        }
    }
    finish_fields(fm);
}

/* TOML front matter between the fences (lines first+1 .. close-1), read
 * by toml++ (tomlmeta.h); the strings are copied into fm->owned. */
static void parse_toml(const civ_source *src, civ_frontmatter *fm, size_t first, size_t close_line)
{
    size_t a = src->lines[first], e = src->lines[close_line - 1], line = 1;
    civ_toml_meta *m = xcalloc(1, sizeof *m);
    fm->toml = m;
    char *err = civ_toml_meta_read(src->data + a, e - a, m, &line);
    if (err) {
        size_t ln = first + line;
        set_error(fm, ln <= src->nlines ? src->lines[ln - 1] : a, xasprintf("front matter is not valid TOML: %s", err));
        free(err);
        return;
    }
    fm->title = m->title;
    for (size_t i = 0; i < m->nfields; i++) {
        const civ_toml_field *tf = &m->fields[i];
        size_t ln = first + tf->line;
        civ_fm_field *f = add_field(fm, tf->key, ln <= src->nlines ? src->lines[ln - 1] : a);
        for (size_t j = 0; j < tf->nvalues; j++)
            add_value(f, tf->values[j]);
    }
    finish_fields(fm);
    if (fm->title && *fm->title) {
        const char *p = memmem(src->data + a, e - a, fm->title, strlen(fm->title));
        fm->title_off = p && p > src->data && p[-1] == '"' ? (size_t)(p - src->data) : SIZE_MAX;
    }
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
        fm->owned[a + n - base] = '\0'; /* the ':' ends the key */
        civ_fm_field *f = add_field(fm, fm->owned + (a - base), a);
        if (key_is(d, a, n, "title") && !fm->title) {
            fm->title = v;
            fm->title_off = *v ? base + (size_t)(v - fm->owned) : SIZE_MAX;
        }
        if (key_is(d, a, n, "title") || key_is(d, a, n, "date") || key_is(d, a, n, "published") ||
            key_is(d, a, n, "pubdate")) {
            add_value(f, v);
            continue;
        }
        for (char *p = v, *c; *p; p = c) { /* "Alice, Bob; Cy" */
            c = p + strcspn(p, ",;");
            char *e = c;
            while (e > p && e[-1] == ' ')
                e--;
            bool more = *c != '\0';
            *e = '\0';
            if (e > p)
                add_value(f, p);
            c += more;
            while (*c == ' ')
                c++;
        }
    }
    finish_fields(fm);
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
    for (size_t i = 0; i < fm->nfields; i++)
        free(fm->fields[i].values);
    free(fm->fields);
    free(fm->owned);
    json_decref(fm->json);
    if (fm->toml) {
        civ_toml_meta_release(fm->toml);
        free(fm->toml);
    }
    civ_ydoc_free(fm->yaml);
    memset(fm, 0, sizeof *fm);
}
