/* atomic.c - see atomic.h. */
#include "atomic.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

bool civ_write_atomic(const char *path, const char *data, size_t len, char **err)
{
    char real[PATH_MAX];
    const char *target = realpath(path, real) ? real : path;
    struct stat st;
    mode_t mode;
    if (stat(target, &st) == 0) {
        mode = st.st_mode & 07777;
    } else {
        mode_t um = umask(0);
        umask(um);
        mode = 0666 & ~um;
    }
    const char *slash = strrchr(target, '/');
    char *tmp = slash ? xasprintf("%.*s/.%s.civlint-XXXXXX", (int)(slash - target), target, slash + 1)
                      : xasprintf(".%s.civlint-XXXXXX", target);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        *err = xasprintf("cannot create a temporary file next to '%s': %s", path, strerror(errno));
        free(tmp);
        return false;
    }
    size_t off = 0;
    while (off < len) {
        ssize_t n = write(fd, data + off, len - off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        off += (size_t)n;
    }
    bool ok = off == len && fchmod(fd, mode) == 0 && fsync(fd) == 0;
    int saved = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    if (ok && rename(tmp, target) != 0) {
        ok = false;
        saved = errno;
    }
    if (!ok) {
        *err = xasprintf("cannot write '%s': %s", path, strerror(saved));
        unlink(tmp);
    }
    free(tmp);
    return ok;
}
