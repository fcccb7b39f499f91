/* atomic.c - see atomic.h. */
#include "gate/atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>

#include "base/util.h"

#ifndef NAME_MAX
#define NAME_MAX 255
#endif

struct civ_atomic {
    char *path;        /* the file to replace (a symlink's target) */
    char *shown;       /* the path as given, for messages */
    char *dir;         /* path's folder */
    char *tmp;         /* the named temporary file, once it has a name */
    int fd;            /* the temporary (or, in place, the device) */
    FILE *fp;
    bool in_place;     /* a device or FIFO, written as it is */
    bool unnamed;      /* an O_TMPFILE: linked to a name only at commit */
    int slot;          /* the signal slot that names tmp, or -1 */
    bool has_expect;
    struct stat expect;
};

/* ---- temporaries removed on SIGINT, SIGTERM, SIGHUP ------------------------
 * A signal handler may call unlink(2) and read a fixed buffer, nothing
 * more; so the names of the temporaries that exist right now live in a few
 * static slots, armed (state 2) only while the name is on disk. */
#define SLOTS 16
#define SLOT_FREE 0
#define SLOT_FILLING 1
#define SLOT_ARMED 2

static struct {
    volatile sig_atomic_t state;
    char path[PATH_MAX];
} slots[SLOTS];
static pthread_mutex_t slot_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t handlers_once = PTHREAD_ONCE_INIT;
static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};

static void on_signal(int sig)
{
    for (int i = 0; i < SLOTS; i++)
        if (__atomic_load_n(&slots[i].state, __ATOMIC_ACQUIRE) == SLOT_ARMED)
            unlink(slots[i].path);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Only where the signal would kill the process anyway: a signal a caller
 * ignores or handles stays theirs. */
static void install_handlers(void)
{
    for (size_t i = 0; i < sizeof cleanup_signals / sizeof *cleanup_signals; i++) {
        struct sigaction old, sa;
        if (sigaction(cleanup_signals[i], NULL, &old) != 0 || old.sa_handler != SIG_DFL ||
            (old.sa_flags & SA_SIGINFO))
            continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(cleanup_signals[i], &sa, NULL);
    }
}

/* Reserves a slot holding `path`, not yet armed; -1 when none is free or
 * the path is too long (the temporary then goes unguarded). */
static int slot_take(const char *path)
{
    size_t n = strlen(path);
    if (n >= PATH_MAX)
        return -1;
    pthread_mutex_lock(&slot_lock);
    int got = -1;
    for (int i = 0; i < SLOTS && got < 0; i++)
        if (slots[i].state == SLOT_FREE) {
            slots[i].state = SLOT_FILLING;
            got = i;
        }
    pthread_mutex_unlock(&slot_lock);
    if (got >= 0)
        memcpy(slots[got].path, path, n + 1);
    return got;
}

/* Release order: the handler, perhaps on another thread, sees the whole
 * path once it sees the slot armed. */
static void slot_arm(int i)
{
    if (i >= 0)
        __atomic_store_n(&slots[i].state, SLOT_ARMED, __ATOMIC_RELEASE);
}

static void slot_free(int *i)
{
    if (*i >= 0) {
        pthread_mutex_lock(&slot_lock);
        __atomic_store_n(&slots[*i].state, SLOT_FREE, __ATOMIC_RELEASE);
        pthread_mutex_unlock(&slot_lock);
    }
    *i = -1;
}

/* ---- names ----------------------------------------------------------------- */

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

/* "DIR/.BASE.civlint-XXXXXX" with six random letters; BASE is cut so the
 * name fits NAME_MAX whatever the length of the original's (a 255-byte
 * name is legal, its temporary must be too). */
static char *temp_name(const char *dir, const char *base)
{
    static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    static _Atomic uint64_t counter;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^ ((uint64_t)getpid() << 40) ^
                 (++counter * 0x9E3779B97F4A7C15ull);
    char rnd[7];
    for (int i = 0; i < 6; i++) {
        x ^= x >> 31;
        x *= 0xBF58476D1CE4E5B9ull;
        x ^= x >> 29;
        rnd[i] = letters[x % (sizeof letters - 1)];
    }
    rnd[6] = '\0';
    size_t room = NAME_MAX - strlen("..civlint-XXXXXX");
    size_t bl = strlen(base);
    return xasprintf("%s/.%.*s.civlint-%s", dir, (int)(bl < room ? bl : room), base, rnd);
}

static const char *kind_of(mode_t m)
{
    return S_ISDIR(m) ? "a folder" : S_ISBLK(m) ? "a block device" : S_ISSOCK(m) ? "a socket"
           : S_ISFIFO(m) ? "a FIFO" : S_ISCHR(m) ? "a character device" : "not a regular file";
}

/* ---- opening ----------------------------------------------------------------- */

/* Writes straight into a character device or a FIFO (/dev/stdout, /dev/null,
 * a shell's >(...)): nothing to rename, nothing to keep. A FIFO nobody reads
 * is an error, not a hang (O_NONBLOCK open fails with ENXIO). */
static civ_atomic *open_in_place(const char *path, char *real, char **err)
{
    int fd = open(real, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *err = errno == ENXIO ? xasprintf("cannot write '%s': no process is reading that FIFO", path)
                              : xasprintf("cannot write '%s': %s", path, strerror(errno));
        free(real);
        return NULL;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
        (void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    civ_atomic *a = xcalloc(1, sizeof *a);
    a->path = real;
    a->shown = xstrdup(path);
    a->fd = fd;
    a->fp = fdopen(fd, "wb");
    a->in_place = true;
    a->slot = -1;
    return a;
}

/* The descriptor a path names outright: /dev/stdout, /dev/stderr,
 * /dev/fd/N, /proc/self/fd/N; -1 for any other path. Writing to such a
 * path means "to that descriptor", whatever it is open on: reopening it
 * (or, worse, renaming over the regular file behind it) would write at
 * offset 0 of a redirected stdout or detach it. */
static int named_fd(const char *path)
{
    if (strcmp(path, "/dev/stdout") == 0)
        return 1;
    if (strcmp(path, "/dev/stderr") == 0)
        return 2;
    const char *num = strncmp(path, "/dev/fd/", 8) == 0 ? path + 8
                      : strncmp(path, "/proc/self/fd/", 14) == 0 ? path + 14 : NULL;
    if (!num || *num < '0' || *num > '9')
        return -1;
    char *end;
    long n = strtol(num, &end, 10);
    return *end || n > INT_MAX ? -1 : (int)n;
}

static civ_atomic *dup_in_place(const char *path, int fdn, char **err)
{
    int fd = fcntl(fdn, F_DUPFD_CLOEXEC, 3);
    if (fd < 0) {
        *err = xasprintf("cannot write '%s': %s", path, strerror(errno));
        return NULL;
    }
    civ_atomic *a = xcalloc(1, sizeof *a);
    a->path = xstrdup(path);
    a->shown = xstrdup(path);
    a->fd = fd;
    a->fp = fdopen(fd, "wb");
    a->in_place = true;
    a->slot = -1;
    return a;
}

/* What may not be replaced: non-regular files (unless written in place),
 * read-only files (unless forced) and files with several hard links
 * (replacing one name would split them from the others). */
static char *refusal(const char *path, const struct stat *st, const civ_atomic_opts *o)
{
    if (S_ISDIR(st->st_mode))
        return xasprintf("cannot write '%s': Is a directory", path);
    if (!S_ISREG(st->st_mode))
        return xasprintf("cannot write '%s': it is %s, not a regular file; not replaced", path,
                         kind_of(st->st_mode));
    bool readonly = geteuid() == 0 ? !(st->st_mode & 0222) : access(path, W_OK) != 0 && errno == EACCES;
    if (readonly && !o->force)
        return xasprintf("'%s' is read-only; not written (--force writes it, keeping its mode)", path);
    if (st->st_nlink > 1)
        return xasprintf("'%s' has %ju hard links; replacing it would split them, so it is not "
                         "written (edit it by hand)", path, (uintmax_t)st->st_nlink);
    return NULL;
}

/* An unnamed file in dir (O_TMPFILE): a run killed before the commit
 * leaves nothing at all. -1 when the file system cannot (then a named
 * temporary is used) or /proc is missing (linkat needs /proc/self/fd). */
static int open_unnamed(const char *dir)
{
#ifdef O_TMPFILE
    if (access("/proc/self/fd", X_OK) != 0)
        return -1;
    return open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
#else
    (void)dir;
    return -1;
#endif
}

/* A named temporary, guarded by a signal slot while it exists. */
static int open_named(civ_atomic *a, const char *base)
{
    for (int tries = 0; tries < 100; tries++) {
        char *tmp = temp_name(a->dir, base);
        int slot = slot_take(tmp);
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) {
            slot_arm(slot);
            a->tmp = tmp;
            a->slot = slot;
            return fd;
        }
        int e = errno;
        slot_free(&slot);
        free(tmp);
        if (e != EEXIST) {
            errno = e;
            return -1;
        }
    }
    return -1;
}

civ_atomic *civ_atomic_open_opts(const char *path, const civ_atomic_opts *opts, char **err)
{
    static const civ_atomic_opts defaults;
    const civ_atomic_opts *o = opts ? opts : &defaults;
    *err = NULL;
    pthread_once(&handlers_once, install_handlers);
    int fdn = o->devices_in_place ? named_fd(path) : -1;
    if (fdn >= 0)
        return dup_in_place(path, fdn, err);
    char *real = resolve(path);
    struct stat st;
    bool exists = stat(real, &st) == 0;
    if (exists && o->devices_in_place && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)))
        return open_in_place(path, real, err);
    if (exists && (*err = refusal(path, &st, o))) {
        free(real);
        return NULL;
    }
    civ_atomic *a = xcalloc(1, sizeof *a);
    a->path = real;
    a->shown = xstrdup(path);
    a->slot = -1;
    if (o->expect) {
        a->has_expect = true;
        a->expect = *o->expect;
    }
    const char *base;
    split(real, &a->dir, &base);
    a->fd = open_unnamed(a->dir);
    a->unnamed = a->fd >= 0;
    if (a->fd < 0)
        a->fd = open_named(a, base);
    if (a->fd < 0 || !(a->fp = fdopen(a->fd, "wb"))) {
        *err = xasprintf("cannot write '%s': %s", path, strerror(errno));
        civ_atomic_abort(a);
        return NULL;
    }
    return a;
}

civ_atomic *civ_atomic_open(const char *path, char **err)
{
    return civ_atomic_open_opts(path, NULL, err);
}

FILE *civ_atomic_file(civ_atomic *a)
{
    return a->fp;
}

static void release(civ_atomic *a)
{
    slot_free(&a->slot);
    free(a->path);
    free(a->shown);
    free(a->dir);
    free(a->tmp);
    free(a);
}

void civ_atomic_abort(civ_atomic *a)
{
    if (!a)
        return;
    if (a->fp)
        fclose(a->fp);
    else if (a->fd >= 0)
        close(a->fd);
    if (a->tmp && !a->in_place)
        unlink(a->tmp);
    release(a);
}

/* ---- committing ----------------------------------------------------------- */

/* Makes the rename durable: fsync the folder that holds the file. Some file
 * systems refuse fsync on a folder (EINVAL); the rename has happened
 * anyway, so that is not an error. */
static void sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

/* Extended attributes (ACLs are system.posix_acl_access) from the
 * original to the temporary, where the file system and our rights allow;
 * one that cannot be set is skipped (security.* needs privileges). */
static void copy_xattrs(const char *from, int to)
{
    ssize_t n = listxattr(from, NULL, 0);
    if (n <= 0)
        return;
    char *names = xmalloc((size_t)n);
    n = listxattr(from, names, (size_t)n);
    for (ssize_t i = 0; n > 0 && i < n; i += (ssize_t)strlen(names + i) + 1) {
        ssize_t vl = getxattr(from, names + i, NULL, 0);
        if (vl < 0)
            continue;
        char *v = xmalloc(vl ? (size_t)vl : 1);
        vl = getxattr(from, names + i, v, (size_t)vl);
        if (vl >= 0)
            (void)fsetxattr(to, names + i, v, (size_t)vl, 0);
        free(v);
    }
    free(names);
}

/* The original's owner (when we may: root fixing an author's file), mode
 * without setuid and setgid (a rewritten file never carries them), and
 * extended attributes; a new file gets 0666 minus the umask. */
static int copy_metadata(civ_atomic *a, int fd)
{
    struct stat st;
    if (stat(a->path, &st) != 0) {
        mode_t mask = umask(0);
        umask(mask);
        return fchmod(fd, 0666 & ~mask) != 0 ? errno : 0;
    }
    if (fchown(fd, st.st_uid, st.st_gid) != 0)
        errno = 0;
    if (fchmod(fd, st.st_mode & 01777) != 0)
        return errno;
    copy_xattrs(a->path, fd);
    return 0;
}

/* The original as it is now is still the file whose content was fixed:
 * same inode, size and modification time. An author's editor saving during
 * the run changes at least one of them. */
static bool unchanged(const civ_atomic *a, const struct stat *now)
{
    const struct stat *e = &a->expect;
    return now->st_dev == e->st_dev && now->st_ino == e->st_ino && now->st_size == e->st_size &&
           now->st_mtim.tv_sec == e->st_mtim.tv_sec && now->st_mtim.tv_nsec == e->st_mtim.tv_nsec;
}

/* Checks, just before the rename, that the target may still be replaced. */
static char *last_check(civ_atomic *a)
{
    struct stat st;
    if (lstat(a->path, &st) != 0) {
        if (a->has_expect)
            return xasprintf("'%s' was removed while it was being fixed; not written", a->shown);
        return NULL;
    }
    if (!S_ISREG(st.st_mode))
        return xasprintf("cannot write '%s': it became %s; not replaced", a->shown, kind_of(st.st_mode));
    if (a->has_expect && !unchanged(a, &st))
        return xasprintf("'%s' changed while it was being fixed; left as it is now (run --fix again)",
                         a->shown);
    return NULL;
}

/* Gives the unnamed temporary a name in the folder (guarded by a signal
 * slot from the moment it exists). */
static int link_unnamed(civ_atomic *a, int fd)
{
    const char *base = strrchr(a->path, '/');
    base = base ? base + 1 : a->path;
    char proc[64];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    for (int tries = 0; tries < 100; tries++) {
        char *tmp = temp_name(a->dir, base);
        int slot = slot_take(tmp);
        slot_arm(slot); /* before the name exists: a signal between the two unlinks nothing */
        if (linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0) {
            a->tmp = tmp;
            a->slot = slot;
            return 0;
        }
        int e = errno;
        slot_free(&slot);
        free(tmp);
        if (e != EEXIST)
            return e;
    }
    return EEXIST;
}

static bool commit_in_place(civ_atomic *a, char **err)
{
    int e = 0;
    if (fflush(a->fp) != 0 || ferror(a->fp))
        e = errno ? errno : EIO;
    if (fclose(a->fp) != 0 && !e)
        e = errno;
    a->fp = NULL;
    if (e)
        *err = xasprintf("cannot write '%s': %s", a->shown, strerror(e));
    release(a);
    return !e;
}

bool civ_atomic_commit(civ_atomic *a, char **err)
{
    *err = NULL;
    if (a->in_place)
        return commit_in_place(a, err);
    int fd = fileno(a->fp);
    int e = 0;
    if (fflush(a->fp) != 0 || ferror(a->fp))
        e = errno ? errno : EIO;
    if (!e)
        e = copy_metadata(a, fd);
    if (!e && fsync(fd) != 0)
        e = errno;
    if (!e && a->unnamed)
        e = link_unnamed(a, fd);
    if (fclose(a->fp) != 0 && !e)
        e = errno;
    a->fp = NULL;
    char *why = e ? NULL : last_check(a);
    if (!e && !why && rename(a->tmp, a->path) != 0)
        e = errno;
    if (e || why) {
        *err = why ? why : xasprintf("cannot write '%s': %s", a->shown, strerror(e));
        if (a->tmp)
            unlink(a->tmp);
        release(a);
        return false;
    }
    slot_free(&a->slot); /* renamed: the name is the real file's now */
    sync_dir(a->dir);
    release(a);
    return true;
}

bool civ_atomic_write_opts(const char *path, const void *data, size_t len, const civ_atomic_opts *o,
                           char **err)
{
    civ_atomic *a = civ_atomic_open_opts(path, o, err);
    if (!a)
        return false;
    if (len && fwrite(data, 1, len, a->fp) != len) {
        *err = xasprintf("cannot write '%s': %s", path, strerror(errno));
        civ_atomic_abort(a);
        return false;
    }
    return civ_atomic_commit(a, err);
}

bool civ_atomic_write(const char *path, const void *data, size_t len, char **err)
{
    return civ_atomic_write_opts(path, data, len, NULL, err);
}
