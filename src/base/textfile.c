/* textfile.c - see textfile.h. Moved here from source.c so that every
 * part that reads a text file (posts, rule packs) refuses the same files
 * with the same messages, without depending on the Source part. */
#include "base/textfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/util.h"

/* UTF-16 without a byte order mark: in text that is mostly ASCII, every
 * other byte is NUL. Looks at the first 512 bytes: at least 90% of the
 * even (big-endian) or odd (little-endian) bytes NUL, and none of the other
 * half. Anything else with a NUL byte is treated as binary. */
static const char *looks_utf16(const char *data, size_t len)
{
    size_t n = len < 512 ? len : 512, pairs = n / 2;
    if (pairs < 2)
        return NULL;
    size_t nul[2] = {0, 0};
    for (size_t i = 0; i < 2 * pairs; i++)
        nul[i & 1] += data[i] == '\0';
    for (int k = 0; k < 2; k++)
        if (nul[k] * 10 >= pairs * 9 && nul[!k] == 0)
            return k ? "UTF-16LE" : "UTF-16BE";
    return NULL;
}

bool civ_text_check(const char *name, const char *data, size_t len, char **err)
{
    if (len >= 2 && (((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE) ||
                     ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF))) {
        *err = xasprintf("'%s' is UTF-16 text; civlint reads UTF-8 (convert it with iconv -f UTF-16 -t UTF-8)", name);
        return false;
    }
    const char *nul = memchr(data, '\0', len);
    const char *utf16 = nul ? looks_utf16(data, len) : NULL;
    if (utf16) {
        *err = xasprintf("'%s' looks like %s text without a byte order mark; civlint reads UTF-8 (convert it with iconv -f %s -t UTF-8)",
                         name, utf16, utf16);
        return false;
    }
    if (nul) {
        *err = xasprintf("'%s' looks like a binary file (NUL byte at offset %zu); skipped",
                         name, (size_t)(nul - data));
        return false;
    }
    return true;
}

/* The refusal of a file over the limit, the limit in MB when it is one. */
static char *too_large(const char *name, size_t max)
{
    if (max >= (1 << 20))
        return xasprintf("'%s' is larger than %zu MB; skipped", name, max >> 20);
    return xasprintf("'%s' is larger than %zu bytes; skipped", name, max);
}

/* Where the head of buf (at least max + 1 bytes read) ends: after the last
 * line break in its second half, so the last line checked is a whole one;
 * with none there (a huge line), at the last character boundary (buf[max]
 * is the first byte left out, which tells whether max splits a character),
 * so a post of one 20 MB line still has 10 MB checked, not nothing. */
static size_t head_end(const char *buf, size_t max)
{
    const char *nl = memrchr(buf + max / 2, '\n', max - max / 2);
    if (nl)
        return (size_t)(nl - buf) + 1;
    size_t n = max;
    while (n > 0 && ((unsigned char)buf[n] & 0xC0) == 0x80)
        n--;
    return n;
}

/* head: keep the first max bytes of a longer input (*cut set) instead of
 * refusing it. */
static char *read_fd(int fd, const char *name, size_t max, bool head, size_t *len, bool *cut, char **err)
{
    /* The buffer never grows past max + 1 bytes: reading one byte more than
     * the limit is how a stream (standard input, a pipe) is known to be too
     * large, without holding more of it than that in memory. */
    size_t cap = max + 1 < 65536 ? max + 1 : 65536, n = 0;
    char *buf = xmalloc(cap + 1);
    for (;;) {
        if (n == cap) {
            if (cap >= max + 1 && head)
                break;
            if (cap >= max + 1) {
                *err = too_large(name, max);
                free(buf);
                return NULL;
            }
            cap = cap > (max + 1) / 2 ? max + 1 : cap * 2;
            buf = xrealloc(buf, cap + 1);
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            *err = xasprintf("cannot read '%s': %s", name, strerror(errno));
            free(buf);
            return NULL;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    if (n > max && head) {
        n = head_end(buf, max);
        *cut = true;
    } else if (n > max) {
        *err = too_large(name, max);
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

/* data when it is text (civ_text_check), else NULL (data freed). */
static char *checked(const char *name, char *data, size_t len, char **err)
{
    if (data && !civ_text_check(name, data, len, err)) {
        free(data);
        return NULL;
    }
    if (data)
        data[len] = '\0';
    return data;
}

/* Opens path for reading when it is a regular file of at most max bytes;
 * else returns -1 with *err set (heap). The one place that decides which
 * files civlint reads: posts, rule packs, configuration, word lists,
 * dictionaries and baselines all refuse folders, FIFOs and devices here. */
static int open_regular(const char *path, const char *name, size_t max, char **err)
{
    /* O_NONBLOCK: opening a FIFO must not wait for a writer; we refuse
     * anything that is not a regular file right after. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *err = xasprintf("cannot open '%s': %s", name, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        *err = xasprintf("cannot read '%s': %s", name, strerror(errno));
        close(fd);
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        *err = xasprintf("cannot read '%s': Is a directory", name);
        close(fd);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        *err = xasprintf("'%s' is not a regular file; skipped", name);
        close(fd);
        return -1;
    }
    if ((size_t)st.st_size > max) {
        *err = too_large(name, max);
        close(fd);
        return -1;
    }
    return fd;
}

/* civ_text_read and civ_text_read_head: head keeps the first max bytes. */
static char *read_text(const char *path, const char *name, size_t max, bool head, size_t *len, bool *cut,
                       char **err)
{
    *err = NULL;
    *cut = false;
    if (!name)
        name = path;
    if (strcmp(path, "-") == 0) {
        char *data = read_fd(0, name, max, head, len, cut, err);
        return checked(name, data, *len, err);
    }
    int fd = open_regular(path, name, head ? SIZE_MAX : max, err);
    if (fd < 0)
        return NULL;
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    char *data = read_fd(fd, name, max, head, len, cut, err);
    close(fd);
    return checked(name, data, *len, err);
}

char *civ_text_read(const char *path, const char *name, size_t max, size_t *len, char **err)
{
    bool cut;
    return read_text(path, name, max, false, len, &cut, err);
}

char *civ_text_read_head(const char *path, const char *name, size_t max, size_t *len, bool *cut, char **err)
{
    return read_text(path, name, max, true, len, cut, err);
}


bool civ_text_check_file(const char *path, size_t max, char **err)
{
    *err = NULL;
    int fd = open_regular(path, path, max, err);
    if (fd < 0)
        return false;
    close(fd);
    return true;
}
