/* rpc.c - see rpc.h. */
#include "lsp/rpc.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/util.h"

/* ---- reading ------------------------------------------------------------- */

void civ_rpc_reader_init(civ_rpc_reader *r, int fd)
{
    memset(r, 0, sizeof *r);
    r->fd = fd;
    r->poll_ms = 1000;
}

void civ_rpc_reader_release(civ_rpc_reader *r)
{
    free(r->buf);
    r->buf = NULL;
}

/* The watched process (the client that started us) is gone. */
static bool watched_gone(const civ_rpc_reader *r)
{
    return r->watch > 0 && kill(r->watch, 0) != 0 && errno == ESRCH;
}

/* Reads more bytes into the buffer; false at end of input. */
static bool fill(civ_rpc_reader *r)
{
    if (r->pos > 0) { /* keep what is unread at the front */
        memmove(r->buf, r->buf + r->pos, r->len - r->pos);
        r->len -= r->pos;
        r->pos = 0;
    }
    if (r->cap - r->len < 65536)
        civ_grow((void **)&r->buf, &r->cap, r->len + 65536 + 1, 1);
    for (;;) {
        struct pollfd p = {.fd = r->fd, .events = POLLIN};
        int k = poll(&p, 1, r->watch > 0 ? r->poll_ms : -1);
        if (k < 0 && errno == EINTR)
            continue;
        if (k == 0) {
            if (watched_gone(r))
                return false;
            continue;
        }
        ssize_t n = read(r->fd, r->buf + r->len, r->cap - r->len - 1);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n <= 0)
            return false;
        r->len += (size_t)n;
        return true;
    }
}

/* A header line is "Name: value"; one longer than this is garbage, and
 * is dropped rather than buffered without bound. */
#define MAX_HEADER_LINE 65536

/* The next header line without its "\r\n" (or "\n") into *line (points
 * into the buffer, valid until the next read): 1, or 0 at end of input,
 * or -1 after dropping a line longer than MAX_HEADER_LINE so far. */
static int read_line(civ_rpc_reader *r, char **line)
{
    for (;;) {
        char *nl = r->len > r->pos ? memchr(r->buf + r->pos, '\n', r->len - r->pos) : NULL;
        if (nl) {
            *line = r->buf + r->pos;
            size_t n = (size_t)(nl - *line);
            r->pos += n + 1;
            if (n && (*line)[n - 1] == '\r')
                n--;
            (*line)[n] = '\0';
            return 1;
        }
        if (r->len - r->pos > MAX_HEADER_LINE) {
            r->pos = r->len;
            return -1;
        }
        if (!fill(r))
            return 0;
    }
}

/* Parses a Content-Length value: digits only, at most the limit. */
static bool parse_length(const char *v, size_t *n, bool *too_big)
{
    while (*v == ' ' || *v == '\t')
        v++;
    if (*v < '0' || *v > '9')
        return false;
    size_t x = 0;
    for (; *v >= '0' && *v <= '9'; v++) {
        x = x * 10 + (size_t)(*v - '0');
        if (x > CIV_RPC_MAX_BODY)
            *too_big = true;
        if (x > (size_t)1 << 40)
            return false;
    }
    while (*v == ' ' || *v == '\t')
        v++;
    *n = x;
    return *v == '\0';
}

civ_rpc_status civ_rpc_read(civ_rpc_reader *r, char **body, size_t *n, const char **err)
{
    size_t len = 0;
    bool have = false, bad = false, too_big = false, any = false;
    char *line;
    for (;;) { /* the header block, up to its empty line */
        int got = read_line(r, &line);
        if (got == 0)
            return CIV_RPC_EOF;
        if (got < 0) {
            *err = "a header line longer than 64 KB";
            return CIV_RPC_BAD;
        }
        if (!*line) {
            if (any)
                break;
            continue; /* blank lines between messages */
        }
        any = true;
        char *colon = strchr(line, ':');
        if (colon && (size_t)(colon - line) == 14 && strncasecmp(line, "Content-Length", 14) == 0) {
            have = parse_length(colon + 1, &len, &too_big);
            bad |= !have;
        }
    }
    if (!have) {
        *err = bad ? "the Content-Length header is not a number" : "a message without Content-Length";
        return CIV_RPC_BAD;
    }
    while (r->len - r->pos < len && !too_big) {
        if (!fill(r))
            return CIV_RPC_EOF;
    }
    if (too_big) { /* skip it as it arrives, never holding it */
        while (len) {
            size_t k = r->len - r->pos < len ? r->len - r->pos : len;
            r->pos += k;
            len -= k;
            if (len && !fill(r))
                return CIV_RPC_EOF;
        }
        *err = "a message larger than the limit (64 MB)";
        return CIV_RPC_BAD;
    }
    *body = xmalloc(len + 1);
    memcpy(*body, r->buf + r->pos, len);
    (*body)[len] = '\0';
    r->pos += len;
    *n = len;
    return CIV_RPC_MESSAGE;
}

/* ---- writing ------------------------------------------------------------- */

void civ_rpc_writer_init(civ_rpc_writer *w, FILE *fp)
{
    w->fp = fp;
    w->failed = false;
    pthread_mutex_init(&w->lock, NULL);
}

void civ_rpc_writer_release(civ_rpc_writer *w)
{
    pthread_mutex_destroy(&w->lock);
}

void civ_rpc_send(civ_rpc_writer *w, json_t *msg)
{
    json_object_set_new(msg, "jsonrpc", json_string("2.0"));
    /* jansson writes UTF-8 as it is and escapes control characters */
    char *s = json_dumps(msg, JSON_COMPACT);
    json_decref(msg);
    if (!s)
        return;
    pthread_mutex_lock(&w->lock);
    if (!w->failed) {
        fprintf(w->fp, "Content-Length: %zu\r\n\r\n", strlen(s));
        fputs(s, w->fp);
        if (fflush(w->fp) != 0 || ferror(w->fp))
            w->failed = true;
    }
    pthread_mutex_unlock(&w->lock);
    free(s);
}

void civ_rpc_respond(civ_rpc_writer *w, const json_t *id, json_t *result)
{
    json_t *m = json_object();
    json_object_set_new(m, "id", id ? json_deep_copy(id) : json_null());
    json_object_set_new(m, "result", result ? result : json_null());
    civ_rpc_send(w, m);
}

void civ_rpc_error(civ_rpc_writer *w, const json_t *id, int code, const char *message)
{
    json_t *m = json_object();
    json_object_set_new(m, "id", id ? json_deep_copy(id) : json_null());
    json_object_set_new(m, "error", json_pack("{s:i,s:s}", "code", code, "message", message));
    civ_rpc_send(w, m);
}

void civ_rpc_notify(civ_rpc_writer *w, const char *method, json_t *params)
{
    json_t *m = json_object();
    json_object_set_new(m, "method", json_string(method));
    json_object_set_new(m, "params", params ? params : json_null());
    civ_rpc_send(w, m);
}
