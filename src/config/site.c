/* site.c - see site.h. */
#include "config/site.h"
#include "config/config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base/textfile.h"
#include "base/util.h"
#include "source/tomlmeta.h"

static const char *const names[] = {"plain", "jekyll", "hugo", "eleventy", "pelican", "mkdocs", "docusaurus"};

const char *civ_site_name(int site)
{
    return site >= 0 && site < (int)(sizeof names / sizeof *names) ? names[site] : "plain";
}

int civ_site_parse(const char *name)
{
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(names[i], name) == 0)
            return (int)i;
    return -1;
}

/* From each generator's documented defaults: Jekyll renders with kramdown,
 * whose smart_quotes and typographic symbols (--, ---, ...) are on by
 * default; Hugo's Goldmark has its typographer extension on by default.
 * Eleventy's markdown-it keeps markdown-it's typographer: false, Pelican's
 * TYPOGRIFY is False, Python-Markdown (MkDocs) loads no smarty extension
 * and Docusaurus's MDX does not smarten: their readers see what was
 * typed. */
bool civ_site_smart(int site)
{
    return site == CIV_SITE_JEKYLL || site == CIV_SITE_HUGO;
}

static bool exists(const char *dir, const char *name, bool want_dir)
{
    char *p = xasprintf("%s/%s", strcmp(dir, "/") == 0 ? "" : dir, name);
    struct stat st;
    bool ok = stat(p, &st) == 0 && (want_dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
    free(p);
    return ok;
}

bool civ_site_is_top(const char *dir)
{
    char *p = xasprintf("%s/.git", strcmp(dir, "/") == 0 ? "" : dir);
    struct stat st;
    bool ok = stat(p, &st) == 0;
    free(p);
    return ok;
}

int civ_site_in_dir(const char *dir, const char **marker)
{
    /* The most specific first: a docs site often keeps a _config.yml for
     * GitHub Pages next to its mkdocs.yml. A bare config.toml or
     * config.yaml is Hugo's only beside a folder Hugo uses, since other
     * tools use those names too. */
    static const struct {
        const char *file;
        int site;
        const char *beside; /* a folder that must exist too, or NULL */
    } markers[] = {
        {"docusaurus.config.js", CIV_SITE_DOCUSAURUS, NULL},
        {"docusaurus.config.ts", CIV_SITE_DOCUSAURUS, NULL},
        {"mkdocs.yml", CIV_SITE_MKDOCS, NULL},
        {"mkdocs.yaml", CIV_SITE_MKDOCS, NULL},
        {"pelicanconf.py", CIV_SITE_PELICAN, NULL},
        {".eleventy.js", CIV_SITE_ELEVENTY, NULL},
        {"eleventy.config.js", CIV_SITE_ELEVENTY, NULL},
        {"eleventy.config.mjs", CIV_SITE_ELEVENTY, NULL},
        {"eleventy.config.cjs", CIV_SITE_ELEVENTY, NULL},
        {"hugo.toml", CIV_SITE_HUGO, NULL},
        {"hugo.yaml", CIV_SITE_HUGO, NULL},
        {"hugo.json", CIV_SITE_HUGO, NULL},
        {"config.toml", CIV_SITE_HUGO, "archetypes"},
        {"config.toml", CIV_SITE_HUGO, "layouts"},
        {"config.toml", CIV_SITE_HUGO, "themes"},
        {"_config.yml", CIV_SITE_JEKYLL, NULL},
        {"_config.yaml", CIV_SITE_JEKYLL, NULL},
    };
    for (size_t i = 0; i < sizeof markers / sizeof *markers; i++) {
        if (exists(dir, markers[i].file, false) &&
            (!markers[i].beside || exists(dir, markers[i].beside, true))) {
            *marker = markers[i].file;
            return markers[i].site;
        }
    }
    return -1;
}

/* (void *)1: the value names authors; (void *)2: it is empty. */
static void *author_value(const civ_ynode *v)
{
    if (!v)
        return (void *)2;
    if (v->kind == CIV_Y_MAP) {
        const civ_ynode *n = civ_ymap_get(v, "name");
        if (!n)
            n = civ_ymap_get(v, "authors") ? civ_ymap_get(v, "authors") : civ_ymap_get(v, "author");
        return author_value(n);
    }
    if (v->kind == CIV_Y_SEQ) {
        for (size_t i = 0; i < v->n; i++)
            if (author_value(v->items[i]) == (void *)1)
                return (void *)1;
        return (void *)2;
    }
    bool null = v->plain && (strcmp(v->value, "~") == 0 || strcmp(v->value, "null") == 0);
    return v->len && !null ? (void *)1 : (void *)2;
}

static void put(civ_strmap *m, const char *key, void *v)
{
    while (key[0] == '.' && key[1] == '/')
        key += 2;
    if (*key)
        civ_strmap_put(m, key, strlen(key), v);
}

char *civ_author_data_load(const char *path, civ_strmap *m)
{
    char *err = NULL;
    size_t len = 0;
    char *text = civ_text_read(path, NULL, CIV_TEXT_MAX_DEFAULT, &len, &err);
    if (!text)
        return err ? err : xasprintf("cannot open '%s': %s", path, strerror(errno));
    civ_ydoc *y = civ_ydoc_parse(text, len, 0, &err);
    free(text);
    if (!y)
        return err;
    const civ_ynode *root = civ_ydoc_root(y);
    char *bad = NULL;
    if (root && root->kind == CIV_Y_MAP) {
        for (size_t i = 0; i + 1 < root->n; i += 2)
            if (root->items[i]->kind == CIV_Y_SCALAR)
                put(m, root->items[i]->value, author_value(root->items[i + 1]));
    } else if (root && root->kind == CIV_Y_SEQ) {
        for (size_t i = 0; i < root->n && !bad; i++) {
            const civ_ynode *it = root->items[i], *k = NULL;
            static const char *const ids[] = {"path", "file", "slug"};
            for (size_t j = 0; j < 3 && it->kind == CIV_Y_MAP; j++)
                if ((k = civ_ymap_get(it, ids[j])) && k->kind == CIV_Y_SCALAR)
                    put(m, k->value, author_value(civ_ymap_get(it, "authors") ? civ_ymap_get(it, "authors")
                                                                             : civ_ymap_get(it, "author")));
            if (it->kind != CIV_Y_MAP)
                bad = xasprintf("%zu:%zu: each entry must be a mapping with 'path' or 'slug' and 'authors'",
                                it->line, it->col);
        }
    } else if (root) {
        bad = xasprintf("%zu:%zu: an author data file maps posts to authors (a mapping or a list of mappings)",
                        root->line, root->col);
    }
    civ_ydoc_free(y);
    return bad;
}

int civ_site_page_kind(int site, const char *relpath)
{
    static const char *const posts[] = {"_posts", "_drafts", "posts", "post", "blog", "news", "articles", NULL};
    static const char *const pages[] = {"docs", "doc", "documentation", "guide", "guides", "wiki",
                                        "manual", "handbook", "pages", "_pages", NULL};
    int kind = 0;
    /* every folder of the path, not the file name */
    for (const char *p = relpath, *slash; (slash = strchr(p, '/')) != NULL; p = slash + 1) {
        size_t n = (size_t)(slash - p);
        for (int k = 0; k < 2; k++)
            for (const char *const *w = k ? pages : posts; *w; w++)
                if (strlen(*w) == n && strncasecmp(*w, p, n) == 0)
                    kind = k ? 2 : 1;
    }
    if (kind)
        return kind;
    /* Jekyll: a post is a file in _posts, anything else a page; MkDocs and
     * Docusaurus: documentation unless in a blog folder. */
    return site == CIV_SITE_JEKYLL || site == CIV_SITE_MKDOCS || site == CIV_SITE_DOCUSAURUS ? 2 : 0;
}

/* "Harbour Watch Blog | Home" -> "Harbour Watch": the part before a
 * separator, without a trailing word that names the kind of site. NULL
 * when nothing is left. */
static char *site_name(const char *title)
{
    static const char *const seps[] = {" | ", " - ", " \u2013 ", " \u2014 ", " \u00b7 ", ": ", NULL};
    static const char *const kinds[] = {"Blog", "Weblog", "News", "Docs", "Documentation", "Website",
                                        "Site", "Home", "Homepage", NULL};
    size_t n = strlen(title);
    for (const char *const *s = seps; *s; s++) {
        const char *at = strstr(title, *s);
        if (at && (size_t)(at - title) < n)
            n = (size_t)(at - title);
    }
    while (n && title[n - 1] == ' ')
        n--;
    for (const char *const *k = kinds; *k; k++) {
        size_t kn = strlen(*k);
        if (n > kn && title[n - kn - 1] == ' ' && strncasecmp(title + n - kn, *k, kn) == 0) {
            n -= kn + 1;
            while (n && title[n - 1] == ' ')
                n--;
            break;
        }
    }
    if (n > 4 && strncmp(title, "The ", 4) == 0) {
        title += 4;
        n -= 4;
    }
    return n >= 2 ? xstrndup(title, n) : NULL;
}

/* The string literal after the first `key` at the start of a line (after
 * blanks) followed by `sep`: `title: 'X'` in a JavaScript config, `SITENAME
 * = "X"` in Python. Literals with interpolation (`${`) are skipped. */
static char *literal_after(const char *text, const char *key, char sep)
{
    size_t kn = strlen(key);
    for (const char *line = text; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
        const char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        if (strncmp(p, key, kn) != 0)
            continue;
        p += kn;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p++ != sep)
            continue;
        while (*p == ' ' || *p == '\t')
            p++;
        char q = *p;
        if (q != '\'' && q != '"' && q != '`')
            continue;
        const char *e = strchr(p + 1, q);
        if (!e || memchr(p + 1, '\n', (size_t)(e - p - 1)) || memchr(p + 1, '\\', (size_t)(e - p - 1)))
            continue;
        char *v = xstrndup(p + 1, (size_t)(e - p - 1));
        if (!strstr(v, "${"))
            return v;
        free(v);
    }
    return NULL;
}

char *civ_site_title(const char *dir, const char *marker)
{
    char *path = xasprintf("%s/%s", strcmp(dir, "/") == 0 ? "" : dir, marker), *err = NULL;
    size_t len = 0;
    char *text = civ_text_read(path, NULL, CIV_TEXT_MAX_DEFAULT, &len, &err);
    free(path);
    free(err);
    if (!text)
        return NULL;
    char *title = NULL;
    const char *ext = strrchr(marker, '.');
    if (ext && strcmp(ext, ".toml") == 0) {
        civ_toml_meta m;
        size_t line;
        free(civ_toml_meta_read(text, len, &m, &line));
        title = m.title ? xstrdup(m.title) : NULL;
        civ_toml_meta_release(&m);
    } else if (ext && (strcmp(ext, ".yml") == 0 || strcmp(ext, ".yaml") == 0 || strcmp(ext, ".json") == 0)) {
        civ_ydoc *y = civ_ydoc_parse(text, len, 0, &err);
        free(err);
        const civ_ynode *root = y ? civ_ydoc_root(y) : NULL, *t = NULL;
        if (root && root->kind == CIV_Y_MAP)
            t = civ_ymap_get(root, strncmp(marker, "mkdocs", 6) == 0 ? "site_name" : "title");
        title = t && t->kind == CIV_Y_SCALAR && t->len ? xstrdup(t->value) : NULL;
        civ_ydoc_free(y);
    } else if (strncmp(marker, "docusaurus", 10) == 0) {
        title = literal_after(text, "title", ':');
    } else if (strcmp(marker, "pelicanconf.py") == 0) {
        title = literal_after(text, "SITENAME", '=');
    }
    free(text);
    char *name = title ? site_name(title) : NULL;
    free(title);
    return name;
}
