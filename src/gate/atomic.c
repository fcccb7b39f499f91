/* atomic.c - see atomic.h. */
#include "gate/atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/util.h"

struct civ_atomic {
    char *path;    /* the file to replace (a symlink's target) */
    char *shown;   /* the path as given, for messages */
    char *tmp;     /* the temporary file */
    FILE *fp;
};

/* The real file behind `path`: a symlink's target, so that the link is kept
 * and its target replaced. A dangling or missing path is used as given. */
static char *resolve(const char *path)
{
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        char *real = realpath(path, NULL);
        if (real)
            return real;
    }
    return xstrdup(path);
}

static void split(const char *path, char **dir, const char **base)
{
    const char *slash = strrchr(path, '/');
    if (!slash) {
        *dir = xstrdup(".");
        *base = path;
    } else {
        *dir = slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
        *base = slash + 1;
    }
}

civ_atomic *civ_atomic_open(const char *path, char **err)
{
    *err = NULL;
    char *real = resolve(path);
    struct stat st;
    if (stat(real, &st) == 0 && S_ISDIR(st.st_mode)) {
        *err = xasprintf("cannot write '%s': Is a directory", path);
        free(real);
        return NULL;
    }
    char *dir;
    const char *base;
    split(real, &dir, &base);
    char *tmp = xasprintf("%s/.%s.civlint-XXXXXX", dir, base);
    free(dir);
    int fd = mkostemp(tmp, O_CLOEXEC);
    if (fd < 0) {
        *err = xasprintf("cannot write '%s': %s", path, strerror(errno));
        free(tmp);
        free(real);
        return NULL;
    }
    FILE *fp = fdopen(fd, "wb");
    if (!fp) {
        *err = xasprintf("cannot write '%s': %s", path, strerror(errno));
        close(fd);
        unlink(tmp);
        free(tmp);
        free(real);
        return NULL;
    }
    civ_atomic *a = xcalloc(1, sizeof *a);
    a->path = real;
    a->shown = xstrdup(path);
    a->tmp = tmp;
    a->fp = fp;
    return a;
}

FILE *civ_atomic_file(civ_atomic *a)
{
    return a->fp;
}

static void release(civ_atomic *a)
{
    free(a->path);
    free(a->shown);
    free(a->tmp);
    free(a);
}

void civ_atomic_abort(civ_atomic *a)
{
    if (!a)
        return;
    if (a->fp)
        fclose(a->fp);
    unlink(a->tmp);
    release(a);
}

/* Makes the rename durable: fsync the folder that holds the file. Some file
 * systems refuse fsync on a folder (EINVAL); the rename has happened
 * anyway, so that is not an error. */
static void sync_dir(const char *path)
{
    char *dir;
    const char *base;
    split(path, &dir, &base);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
    free(dir);
}

bool civ_atomic_commit(civ_atomic *a, char **err)
{
    *err = NULL;
    int fd = fileno(a->fp);
    int e = 0;
    if (fflush(a->fp) != 0 || ferror(a->fp))
        e = errno ? errno : EIO;
    struct stat st;
    if (!e) {
        if (stat(a->path, &st) == 0) {
            if (fchmod(fd, st.st_mode & 07777) != 0)
                e = errno;
            /* keep the owner when we may (root editing someone's file) */
            if (!e && fchown(fd, st.st_uid, st.st_gid) != 0)
                errno = 0;
        } else {
            mode_t mask = umask(0);
            umask(mask);
            if (fchmod(fd, 0666 & ~mask) != 0)
                e = errno;
        }
    }
    if (!e && fsync(fd) != 0)
        e = errno;
    if (fclose(a->fp) != 0 && !e)
        e = errno;
    a->fp = NULL;
    if (!e && rename(a->tmp, a->path) != 0)
        e = errno;
    if (e) {
        *err = xasprintf("cannot write '%s': %s", a->shown, strerror(e));
        unlink(a->tmp);
        release(a);
        return false;
    }
    sync_dir(a->path);
    release(a);
    return true;
}

bool civ_atomic_write(const char *path, const void *data, size_t len, char **err)
{
    civ_atomic *a = civ_atomic_open(path, err);
    if (!a)
        return false;
    if (len && fwrite(data, 1, len, a->fp) != len) {
        *err = xasprintf("cannot write '%s': %s", path, strerror(errno));
        civ_atomic_abort(a);
        return false;
    }
    return civ_atomic_commit(a, err);
}
