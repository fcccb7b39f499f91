/* walk.c - see walk.h. */
#include "driver/walk.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/util.h"
#include "driver/ignore.h"

/* Deep enough for any real tree; bounds recursion on a hostile one. */
#define MAX_DEPTH 64

typedef struct {
    dev_t dev;
    ino_t ino;
} dir_id;

/* Every folder entered during one civ_walk_add, sorted, so each folder is
 * walked once however many symlinks lead to it: a loop is not entered
 * again, and a "diamond" of links (a/x -> b, a/y -> b, b/x -> c, ...)
 * cannot make the walk exponential. */
typedef struct {
    dir_id *ids;
    size_t n, cap;
} dir_set;

static int cmp_id(const dir_id *a, const dir_id *b)
{
    if (a->dev != b->dev)
        return a->dev < b->dev ? -1 : 1;
    if (a->ino != b->ino)
        return a->ino < b->ino ? -1 : 1;
    return 0;
}

/* Adds id; returns false when it was already there. */
static bool dir_set_add(dir_set *s, dir_id id)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_id(&s->ids[mid], &id);
        if (c == 0)
            return false;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    civ_grow((void **)&s->ids, &s->cap, s->n + 1, sizeof *s->ids);
    memmove(s->ids + lo + 1, s->ids + lo, (s->n - lo) * sizeof *s->ids);
    s->ids[lo] = id;
    s->n++;
    return true;
}

void civ_walk_init(civ_walk *w)
{
    memset(w, 0, sizeof *w);
    civ_strmap_init(&w->files);
}

void civ_walk_release(civ_walk *w)
{
    civ_arena_release(&w->pool);
    for (size_t i = 0; i < w->nerrors; i++)
        free(w->errors[i]);
    for (size_t i = 0; i < w->nwarnings; i++)
        free(w->warnings[i]);
    free(w->paths);
    free(w->errors);
    free(w->warnings);
    civ_strmap_release(&w->files);
    civ_walk_init(w);
}

/* Lists path unless the file st describes is listed already. */
static void add_file(civ_walk *w, char *path, const struct stat *st)
{
    dir_id id = {st->st_dev, st->st_ino};
    if (civ_strmap_put(&w->files, (const char *)&id, sizeof id, w) != NULL)
        return;
    *CIV_PUSH(w->paths, w->n, w->cap) = path;
}

/* True when the symbolic link p may be followed: its target is inside
 * root (the real path of the folder being walked). */
static bool link_stays_inside(const char *p, const char *root)
{
    char *real = realpath(p, NULL);
    if (!real)
        return true; /* dangling: stat reports it */
    size_t n = strlen(root);
    bool inside = strncmp(real, root, n) == 0 && (real[n] == '/' || real[n] == '\0' || n == 1);
    free(real);
    return inside;
}

static bool is_markdown(const char *name)
{
    size_t n = strlen(name);
    return (n > 3 && strcmp(name + n - 3, ".md") == 0) ||
           (n > 9 && strcmp(name + n - 9, ".markdown") == 0);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* True when the file p (not listed by git) lies outside root, so git's
 * rules for root do not speak about it (a link followed out of the folder
 * under --follow-symlinks). */
static bool outside(const char *p, const char *root)
{
    return root && !link_stays_inside(p, root);
}

/* Returns the number of Markdown files found under dir (root: the real
 * path of the folder the walk started in; ig: what is left out, or NULL
 * under --no-ignore). */
static size_t walk_dir(civ_walk *w, const char *dir, const char *root, dir_set *seen, size_t depth,
                       civ_ignore *ig)
{
    if (depth >= MAX_DEPTH) {
        *CIV_PUSH(w->errors, w->nerrors, w->errcap) =
            xasprintf("'%s' is nested more than %d folders deep; not entered", dir, MAX_DEPTH);
        return 0;
    }
    DIR *d = opendir(dir);
    if (!d) {
        *CIV_PUSH(w->errors, w->nerrors, w->errcap) =
            xasprintf("cannot open '%s': %s", dir, strerror(errno));
        return 0;
    }
    /* Entries are stored as full paths straight into the walk's pool and
     * sorted there (the folder prefix is shared, so the order is that of
     * the names): a list of names next to a list of paths would double the
     * peak memory of a 10,000-file folder. */
    size_t dl = strlen(dir);
    const char *sep = dl && dir[dl - 1] == '/' ? "" : "/";
    size_t base = dl + strlen(sep);
    char **ents = NULL;
    size_t n = 0, cap = 0, found = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        size_t nl = strlen(e->d_name);
        char *p = civ_arena_alloc(&w->pool, base + nl + 1);
        memcpy(p, dir, dl);
        memcpy(p + dl, sep, base - dl);
        memcpy(p + base, e->d_name, nl + 1);
        *CIV_PUSH(ents, n, cap) = p;
    }
    closedir(d);
    if (n)
        civ_qsort(ents, n, sizeof *ents, cmp_str);
    for (size_t i = 0; i < n; i++) {
        char *p = ents[i];
        const char *name = p + base;
        struct stat st;
        if (!w->follow_symlinks && root && lstat(p, &st) == 0 && S_ISLNK(st.st_mode) &&
            !link_stays_inside(p, root)) {
            *CIV_PUSH(w->warnings, w->nwarnings, w->warncap) =
                xasprintf("'%s' is a symbolic link out of the folder; not followed (--follow-symlinks)", p);
            continue;
        }
        if (stat(p, &st) != 0) {
            /* a dangling symlink to a .md file is worth a word; others not */
            if (is_markdown(name)) {
                *CIV_PUSH(w->errors, w->nerrors, w->errcap) =
                    xasprintf("cannot open '%s': %s", p, strerror(errno));
            }
        } else if (S_ISDIR(st.st_mode)) {
            if (ig && civ_ignore_dir_name(name))
                ig->skipped++;
            else if (dir_set_add(seen, (dir_id){st.st_dev, st.st_ino}))
                found += walk_dir(w, p, root, seen, depth + 1, ig);
        } else if (is_markdown(name) && S_ISREG(st.st_mode) && ig && !civ_ignore_lists(ig, &st) &&
                   !outside(p, root)) {
            ig->skipped++;
        } else if (is_markdown(name) && S_ISREG(st.st_mode)) {
            add_file(w, p, &st);
            found++;
        } else if (is_markdown(name)) {
            *CIV_PUSH(w->errors, w->nerrors, w->errcap) =
                xasprintf("'%s' is not a regular file; skipped", p);
        }
    }
    free(ents);
    return found;
}

void civ_walk_add(civ_walk *w, const char *path)
{
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        dir_set seen = {NULL, 0, 0};
        dir_set_add(&seen, (dir_id){st.st_dev, st.st_ino});
        char *root = realpath(path, NULL);
        civ_ignore ig;
        if (!w->no_ignore)
            civ_ignore_load(&ig, path);
        if (walk_dir(w, path, root, &seen, 1, w->no_ignore ? NULL : &ig) == 0) {
            size_t k = w->no_ignore ? 0 : ig.skipped;
            *CIV_PUSH(w->errors, w->nerrors, w->errcap) =
                k ? xasprintf("no Markdown files (*.md, *.markdown) in '%s' (%zu ignored file%s or "
                              "folder%s left out; --no-ignore lints them)",
                              path, k, k == 1 ? "" : "s", k == 1 ? "" : "s")
                  : xasprintf("no Markdown files (*.md, *.markdown) in '%s'", path);
        }
        if (!w->no_ignore)
            civ_ignore_release(&ig);
        free(root);
        free(seen.ids);
        return;
    }
    /* Files, "-" and missing paths: reading reports the problem precisely. */
    char *p = civ_arena_strdup(&w->pool, path);
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISREG(st.st_mode))
        add_file(w, p, &st);
    else
        *CIV_PUSH(w->paths, w->n, w->cap) = p;
}
