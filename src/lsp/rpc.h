/* rpc.h - JSON-RPC 2.0 over a byte stream with LSP's framing:
 *
 *     Content-Length: N\r\n
 *     \r\n
 *     N bytes of JSON
 *
 * The reader never trusts its peer: a header block without a length, a
 * length that is not a number or is absurdly large, and end of input in
 * the middle of a message are reported (and the stream resynchronised at
 * the next header block), not fatal. JSON is parsed and written with
 * jansson (Debian's libjansson-dev, already civlint's JSON front-matter
 * parser): a small C library with a plain ownership model (reference
 * counts, json_decref) and strict UTF-8 checking of every string. */
#ifndef CIV_LSP_RPC_H
#define CIV_LSP_RPC_H

#include <jansson.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

/* JSON-RPC and LSP error codes. */
enum {
    CIV_RPC_PARSE_ERROR = -32700,
    CIV_RPC_INVALID_REQUEST = -32600,
    CIV_RPC_METHOD_NOT_FOUND = -32601,
    CIV_RPC_INVALID_PARAMS = -32602,
    CIV_RPC_INTERNAL_ERROR = -32603,
    CIV_RPC_SERVER_NOT_INITIALIZED = -32002,
};

/* Largest message body accepted (a bigger one is skipped and reported):
 * a document of civlint's largest input (16 MB) with JSON's escapes. */
#define CIV_RPC_MAX_BODY (64u << 20)

typedef struct {
    int fd;
    char *buf;
    size_t len, pos, cap;
    pid_t watch;    /* > 0: end input when this process is gone */
    int poll_ms;    /* how often to look at it */
} civ_rpc_reader;

typedef enum {
    CIV_RPC_MESSAGE, /* *body (heap, NUL-terminated, caller frees), *n bytes */
    CIV_RPC_BAD,     /* a framing error: *err says which (static) */
    CIV_RPC_EOF      /* the input ended, or the watched process is gone */
} civ_rpc_status;

void civ_rpc_reader_init(civ_rpc_reader *r, int fd);
void civ_rpc_reader_release(civ_rpc_reader *r);

/* Reads the next message. Blocks (in poll, so the watched process is
 * looked at every poll_ms). */
civ_rpc_status civ_rpc_read(civ_rpc_reader *r, char **body, size_t *n, const char **err);

/* The writer: every message is written whole under one lock, so the
 * reading thread and the linting thread can both send. */
typedef struct {
    FILE *fp;
    pthread_mutex_t lock;
    bool failed; /* a write failed (the client is gone) */
} civ_rpc_writer;

void civ_rpc_writer_init(civ_rpc_writer *w, FILE *fp);
void civ_rpc_writer_release(civ_rpc_writer *w);

/* Sends msg (adding "jsonrpc": "2.0") and takes its reference. */
void civ_rpc_send(civ_rpc_writer *w, json_t *msg);
/* A response with result (reference taken; NULL: null) to request id. */
void civ_rpc_respond(civ_rpc_writer *w, const json_t *id, json_t *result);
/* An error response to id (NULL: null, when the id could not be read). */
void civ_rpc_error(civ_rpc_writer *w, const json_t *id, int code, const char *message);
/* A notification (params reference taken). */
void civ_rpc_notify(civ_rpc_writer *w, const char *method, json_t *params);

#endif
