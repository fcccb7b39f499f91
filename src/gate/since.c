/* since.c - see since.h. */
#include "gate/since.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/util.h"

extern char **environ;

void civ_changed_init(civ_changed *c)
{
    memset(c, 0, sizeof *c);
}

void civ_changed_release(civ_changed *c)
{
    free(c->lo);
    free(c->hi);
    civ_changed_init(c);
}

static void add_range(civ_changed *c, size_t lo, size_t hi)
{
    size_t cap = c->cap;
    civ_grow((void **)&c->lo, &cap, c->n + 1, sizeof *c->lo);
    cap = c->cap;
    civ_grow((void **)&c->hi, &cap, c->n + 1, sizeof *c->hi);
    c->cap = cap;
    c->lo[c->n] = lo;
    c->hi[c->n] = hi;
    c->n++;
}

/* Parses "N" or "N,M" at *p; M defaults to 1. */
static bool number_pair(const char **p, const char *e, size_t *a, size_t *b)
{
    const char *s = *p;
    if (s >= e || *s < '0' || *s > '9')
        return false;
    *a = 0;
    while (s < e && *s >= '0' && *s <= '9')
        *a = *a * 10 + (size_t)(*s++ - '0');
    *b = 1;
    if (s < e && *s == ',') {
        s++;
        if (s >= e || *s < '0' || *s > '9')
            return false;
        *b = 0;
        while (s < e && *s >= '0' && *s <= '9')
            *b = *b * 10 + (size_t)(*s++ - '0');
    }
    *p = s;
    return true;
}

bool civ_changed_parse(civ_changed *c, const char *diff, size_t len)
{
    const char *p = diff, *end = diff + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        if (le - p >= 3 && strncmp(p, "@@ ", 3) == 0) {
            const char *s = p + 3;
            size_t a, b, cc, d;
            if (s >= le || *s++ != '-' || !number_pair(&s, le, &a, &b) || s >= le || *s++ != ' ' ||
                s >= le || *s++ != '+' || !number_pair(&s, le, &cc, &d) || s >= le || *s != ' ')
                return false;
            if (d > 0)
                add_range(c, cc, cc + d - 1);
        }
        p = nl ? nl + 1 : end;
    }
    return true;
}

bool civ_changed_has(const civ_changed *c, size_t l0, size_t l1)
{
    if (c->all)
        return true;
    for (size_t i = 0; i < c->n; i++)
        if (c->lo[i] <= l1 && l0 <= c->hi[i])
            return true;
    return false;
}

static int run_capture(char *const argv[], bool with_stderr, char **out, size_t *len)
{
    int fds[2];
    *out = NULL;
    *len = 0;
    if (pipe(fds) != 0) {
        *out = xasprintf("cannot create a pipe: %s", strerror(errno));
        return -1;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    if (with_stderr)
        posix_spawn_file_actions_adddup2(&fa, fds[1], 2);
    else
        posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addclose(&fa, fds[1]);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", 0, 0);
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        *out = xasprintf("cannot run '%s': %s", argv[0], strerror(rc));
        return -1;
    }
    civ_buf b;
    civ_buf_init(&b);
    char chunk[65536];
    for (;;) {
        ssize_t n = read(fds[0], chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        civ_buf_add(&b, chunk, (size_t)n);
    }
    close(fds[0]);
    int st;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    *len = b.len;
    *out = civ_buf_detach(&b);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

int civ_run_capture(char *const argv[], char **out, size_t *len)
{
    return run_capture(argv, true, out, len);
}

int civ_run_capture_stdout(char *const argv[], char **out, size_t *len)
{
    return run_capture(argv, false, out, len);
}

/* The first line of git's output, for messages. */
static char *first_line(const char *s)
{
    const char *nl = strchr(s, '\n');
    return nl ? xstrndup(s, (size_t)(nl - s)) : xstrdup(s);
}

/* A ref must never reach git as an option: "--output=FILE" before "--"
 * would make `git diff` write FILE. git's own --end-of-options guards each
 * call too; this gives the clear message (and exit 2) before any git runs. */
static char *ref_shape_error(const char *ref)
{
    if (!*ref)
        return xstrdup("--since needs a git revision, not an empty value");
    if (ref[0] == '-')
        return xasprintf("--since: '%s' is not a git revision (a value starting with '-' is "
                         "never passed to git)", ref);
    return NULL;
}

/* Whether dir's repository is a shallow clone (a CI checkout with
 * fetch-depth 1), where a missing base commit is the usual cause and
 * fetching more history the fix. Any failure counts as not shallow. */
static bool is_shallow(const char *dir)
{
    char *argv[] = {"git", "-C", (char *)dir, "rev-parse", "--is-shallow-repository", NULL};
    char *out;
    size_t len;
    int rc = civ_run_capture(argv, &out, &len);
    bool shallow = rc == 0 && strncmp(out, "true\n", 5) == 0;
    free(out);
    return shallow;
}

#define SHALLOW_HINT                                                                           \
    "; this clone is shallow (git rev-parse --is-shallow-repository): fetch more history "   \
    "(actions/checkout with fetch-depth: 0, or git fetch --deepen=N / git fetch origin main)"

/* `git -C dir rev-parse --verify --end-of-options REF^{commit}`: the commit
 * REF names in dir's repository, as 40 (or 64) hex digits, or NULL with
 * *err. The hash, not REF, then goes to git diff. */
static char *verify_ref(const char *dir, const char *ref, const char *what, char **err)
{
    char *spec = xasprintf("%s^{commit}", ref);
    char *argv[] = {"git", "-C", (char *)dir, "rev-parse", "--verify", "--quiet",
                    "--end-of-options", spec, NULL};
    char *out;
    size_t len;
    int rc = civ_run_capture(argv, &out, &len);
    free(spec);
    char *l = first_line(out);
    free(out);
    bool hex = *l && strspn(l, "0123456789abcdef") == strlen(l);
    if (rc == 0 && hex)
        return l;
    *err = rc < 0 ? xasprintf("--since: %s", l)
                  : xasprintf("--since: '%s' is not a commit in the git repository of %s%s%s%s",
                              ref, what, *l && !hex ? ": " : "", *l && !hex ? l : "",
                              is_shallow(dir) ? SHALLOW_HINT : "");
    free(l);
    return NULL;
}

bool civ_since_check_ref(const char *ref, char **err)
{
    if ((*err = ref_shape_error(ref)))
        return false;
    /* Outside a work tree the posts may still be in one (civlint run from
     * elsewhere): each file's repository checks the ref then. */
    char *wt[] = {"git", "rev-parse", "--is-inside-work-tree", NULL};
    char *o;
    size_t n;
    int inside = civ_run_capture(wt, &o, &n);
    free(o);
    if (inside != 0)
        return true;
    char *hash = verify_ref(".", ref, "the current folder", err);
    bool ok = hash != NULL;
    free(hash);
    return ok;
}

bool civ_since_changed(const char *ref, const char *path, civ_changed *c, char **err)
{
    if ((*err = ref_shape_error(ref)))
        return false;
    /* git runs in the file's folder, so a post in another repository than
     * the current folder's (or a submodule) is diffed in its own. */
    char *dir = xstrdup(path), *slash = strrchr(dir, '/');
    const char *base = slash ? path + (slash - dir) + 1 : path;
    if (slash) {
        slash[slash == dir ? 1 : 0] = '\0';
    } else {
        free(dir);
        dir = xstrdup(".");
    }
    char *what = xasprintf("'%s'", path);
    char *hash = verify_ref(dir, ref, what, err);
    free(what);
    if (!hash) {
        free(dir);
        return false;
    }
    /* --literal-pathspecs: a post named "[ab].md" is that file, not a glob
     * matching a.md; "--" keeps a name like "-x.md" a path. */
    char *argv[] = {"git", "--literal-pathspecs", "-C", dir, "diff", "--no-color", "--no-ext-diff",
                    "--no-textconv", "--unified=0", "--end-of-options", hash, "--", (char *)base,
                    NULL};
    char *out;
    size_t len;
    int rc = civ_run_capture(argv, &out, &len);
    free(hash);
    if (rc != 0 || !civ_changed_parse(c, out, len)) {
        char *l = first_line(out);
        *err = xasprintf("--since: git diff failed for '%s': %s", path, *l ? l : "unexpected output");
        free(l);
        free(out);
        free(dir);
        return false;
    }
    free(out);
    if (c->n == 0) {
        /* No hunk: unchanged, or not tracked at all (a new post). */
        char *lsargv[] = {"git", "--literal-pathspecs", "-C", dir, "ls-files", "--error-unmatch",
                          "--", (char *)base, NULL};
        rc = civ_run_capture(lsargv, &out, &len);
        free(out);
        if (rc == 1)
            c->all = true;
    }
    free(dir);
    return true;
}

size_t civ_since_filter(const civ_changed *c, const civ_source *src, civ_diags *d)
{
    size_t w = 0, dropped = 0;
    for (size_t r = 0; r < d->n; r++) {
        civ_diag *g = &d->items[r];
        size_t l0 = civ_source_line_of(src, g->start) + 1;
        size_t l1 = civ_source_line_of(src, g->end > g->start ? g->end - 1 : g->start) + 1;
        if (!civ_changed_has(c, l0, l1)) {
            civ_diag_release(g);
            dropped++;
            continue;
        }
        d->items[w++] = *g;
    }
    d->n = w;
    return dropped;
}
