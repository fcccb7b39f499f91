/* server.c - civ_lsp_serve: the lifecycle (initialize, initialized,
 * shutdown, exit) and the dispatch of every message; see lsp.h.
 *
 * Whatever the client sends, the server answers and goes on: a message
 * that is not JSON gets a ParseError, one that is not a JSON-RPC request
 * or notification an InvalidRequest, a request before `initialize`
 * ServerNotInitialized, an unknown request MethodNotFound, bad params
 * InvalidParams. A notification cannot be answered, so a malformed one is
 * reported to the client's log (window/logMessage). */
#include "lsp/server.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "base/util.h"

/* window/logMessage: 1 error, 2 warning, 3 info, 4 log. */
static void log_message(lsp_server *s, int type, const char *what, const char *method)
{
    char *m = xasprintf("civlint: %s (%s)", what, method);
    civ_rpc_notify(&s->out, "window/logMessage", json_pack("{s:i,s:s}", "type", type, "message", m));
    free(m);
}

/* The client's preferred position encoding that the server speaks
 * (general.positionEncodings, in the client's order); UTF-16 when it
 * offers none, as the protocol says. */
static civ_lsp_enc negotiate(json_t *caps)
{
    json_t *encs = json_object_get(json_object_get(caps, "general"), "positionEncodings");
    size_t i;
    json_t *e;
    civ_lsp_enc out;
    json_array_foreach(encs, i, e)
    {
        if (json_is_string(e) && civ_lsp_enc_parse(json_string_value(e), &out))
            return out;
    }
    return CIV_LSP_UTF16;
}

static json_t *initialize(lsp_server *s, json_t *params)
{
    json_t *caps = json_object_get(params, "capabilities");
    s->enc = negotiate(caps);
    json_t *pid = json_object_get(params, "processId");
    pid_t p = json_is_integer(pid) && json_integer_value(pid) > 0 ? (pid_t)json_integer_value(pid) : 0;
    /* exit when the client does; but a process that is not there now is in
     * another PID namespace (a container), not gone */
    if (p > 0 && (kill(p, 0) == 0 || errno == EPERM))
        s->in.watch = p;
    json_t *watch = json_object_get(json_object_get(caps, "workspace"), "didChangeWatchedFiles");
    s->watch_registration = json_is_true(json_object_get(watch, "dynamicRegistration"));
    s->state = LSP_RUNNING;
    return json_pack("{s:{s:s,s:{s:b,s:i,s:{s:b}},s:{s:[s]},s:b,s:{s:[s]}},s:{s:s,s:s}}",
                     "capabilities", "positionEncoding", civ_lsp_enc_name(s->enc),
                     "textDocumentSync", "openClose", 1, "change", 2, "save", "includeText", 0,
                     "codeActionProvider", "codeActionKinds", "quickfix", "hoverProvider", 1,
                     "executeCommandProvider", "commands", LSP_ADD_WORD, "serverInfo", "name",
                     "civlint", "version", CIV_VERSION);
}

/* After `initialized`: asks the client to tell us when a configuration
 * file changes (when it can register watchers for a server). */
static void register_watchers(lsp_server *s)
{
    if (!s->watch_registration)
        return;
    json_t *reg = json_pack(
        "{s:s,s:s,s:{s:[{s:s},{s:s}]}}", "id", "civlint-config", "method",
        "workspace/didChangeWatchedFiles", "registerOptions", "watchers", "globPattern",
        "**/.civlint.yml", "globPattern", "**/.civlint.yaml");
    json_t *m = json_pack("{s:s,s:s,s:{s:[o]}}", "id", "civlint-register-1", "method",
                          "client/registerCapability", "params", "registrations", reg);
    civ_rpc_send(&s->out, m);
}

/* workspace/didChangeWatchedFiles: a .civlint.yml (or anything the
 * configuration reads: a word list, a pack) changed; re-read them all. */
static void watched_files(lsp_server *s, json_t *params)
{
    json_t *changes = json_object_get(params, "changes");
    if (json_is_array(changes) && json_array_size(changes) > 0)
        lsp_docs_relint(s, true);
}

typedef bool (*notify_fn)(lsp_server *s, json_t *params, const char **err);

static const struct {
    const char *method;
    notify_fn fn;
} notifications[] = {
    {"textDocument/didOpen", lsp_did_open},
    {"textDocument/didChange", lsp_did_change},
    {"textDocument/didSave", lsp_did_save},
    {"textDocument/didClose", lsp_did_close},
};

static void notification(lsp_server *s, const char *method, json_t *params)
{
    if (s->state != LSP_RUNNING)
        return; /* before initialize or after shutdown: dropped, as the protocol says */
    if (strcmp(method, "initialized") == 0) {
        register_watchers(s);
        return;
    }
    if (strcmp(method, "workspace/didChangeWatchedFiles") == 0) {
        watched_files(s, params);
        return;
    }
    for (size_t i = 0; i < sizeof notifications / sizeof notifications[0]; i++) {
        const char *err = NULL;
        if (strcmp(method, notifications[i].method) == 0) {
            if (!notifications[i].fn(s, params, &err))
                log_message(s, 1, err, method);
            return;
        }
    }
    /* others ($/cancelRequest, $/setTrace, didChangeConfiguration): nothing to do */
}

static void request(lsp_server *s, const json_t *id, const char *method, json_t *params)
{
    if (strcmp(method, "initialize") == 0) {
        if (s->state != LSP_NEW)
            civ_rpc_error(&s->out, id, CIV_RPC_INVALID_REQUEST, "initialize was already received");
        else
            civ_rpc_respond(&s->out, id, initialize(s, params));
        return;
    }
    if (s->state == LSP_NEW) {
        civ_rpc_error(&s->out, id, CIV_RPC_SERVER_NOT_INITIALIZED, "initialize first");
        return;
    }
    if (s->state == LSP_SHUTDOWN) {
        civ_rpc_error(&s->out, id, CIV_RPC_INVALID_REQUEST, "the server is shutting down");
        return;
    }
    const char *err = NULL;
    json_t *result;
    if (strcmp(method, "shutdown") == 0) {
        s->state = LSP_SHUTDOWN;
        result = json_null();
    } else if (strcmp(method, "textDocument/codeAction") == 0) {
        result = lsp_code_actions(s, params, &err);
    } else if (strcmp(method, "textDocument/hover") == 0) {
        result = lsp_hover(s, params, &err);
    } else if (strcmp(method, "workspace/executeCommand") == 0) {
        result = lsp_execute_command(s, params, &err);
    } else {
        char *m = xasprintf("unknown method '%s'", method);
        civ_rpc_error(&s->out, id, CIV_RPC_METHOD_NOT_FOUND, m);
        free(m);
        return;
    }
    if (result)
        civ_rpc_respond(&s->out, id, result);
    else
        civ_rpc_error(&s->out, id, CIV_RPC_INVALID_PARAMS, err);
}

/* One parsed message: a request, a notification, or a response to one of
 * ours (ignored). */
static void dispatch(lsp_server *s, json_t *msg)
{
    if (!json_is_object(msg)) {
        civ_rpc_error(&s->out, NULL, CIV_RPC_INVALID_REQUEST, "a message must be a JSON object");
        return;
    }
    json_t *id = json_object_get(msg, "id"), *method = json_object_get(msg, "method");
    json_t *params = json_object_get(msg, "params");
    bool id_ok = id && (json_is_integer(id) || json_is_string(id));
    if (!method && id && (json_object_get(msg, "result") || json_object_get(msg, "error")))
        return; /* the client's answer to client/registerCapability */
    if (!json_is_string(method) || (id && !id_ok)) {
        civ_rpc_error(&s->out, id_ok ? id : NULL, CIV_RPC_INVALID_REQUEST,
                      "not a JSON-RPC request or notification (method, id)");
        return;
    }
    const char *m = json_string_value(method);
    if (json_is_null(params))
        params = NULL; /* "params": null for a method without any (eglot sends it) */
    if (params && !json_is_object(params) && !json_is_array(params)) {
        if (id)
            civ_rpc_error(&s->out, id, CIV_RPC_INVALID_PARAMS, "params must be an object");
        else
            log_message(s, 1, "params must be an object", m);
        return;
    }
    if (strcmp(m, "exit") == 0 && !id) {
        s->exit = true;
        return;
    }
    if (id)
        request(s, id, m, params);
    else
        notification(s, m, params);
}

void lsp_server_init(lsp_server *s, const civ_lsp_host *host, int in_fd, FILE *out)
{
    memset(s, 0, sizeof *s);
    s->host = host;
    s->enc = CIV_LSP_UTF16;
    civ_rpc_writer_init(&s->out, out);
    civ_rpc_reader_init(&s->in, in_fd);
    pthread_mutex_init(&s->lock, NULL);
    /* the worker waits on `wake` with CLOCK_MONOTONIC deadlines (docs.h's
     * `due`); initialised here, not by the worker, so a server driven
     * without its thread (tests/fuzz/fuzz_lsp.c) signals a valid cond */
    pthread_condattr_t a;
    pthread_condattr_init(&a);
    pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
    pthread_cond_init(&s->wake, &a);
    pthread_condattr_destroy(&a);
}

void lsp_server_release(lsp_server *s)
{
    lsp_docs_free(s);
    for (size_t i = 0; i < s->nadds; i++) {
        free(s->adds[i].list);
        free(s->adds[i].word);
    }
    free(s->adds);
    s->adds = NULL;
    s->nadds = s->addcap = 0;
    civ_rpc_reader_release(&s->in);
    civ_rpc_writer_release(&s->out);
    pthread_cond_destroy(&s->wake);
    pthread_mutex_destroy(&s->lock);
}

void lsp_handle(lsp_server *s, civ_rpc_status st, const char *body, size_t n, const char *err)
{
    if (st == CIV_RPC_BAD) {
        civ_rpc_error(&s->out, NULL, CIV_RPC_PARSE_ERROR, err);
        return;
    }
    json_error_t je;
    json_t *msg = json_loadb(body, n, 0, &je);
    if (!msg) {
        char *m = xasprintf("not JSON: %s at byte %d", je.text, je.position);
        civ_rpc_error(&s->out, NULL, CIV_RPC_PARSE_ERROR, m);
        free(m);
        return;
    }
    dispatch(s, msg);
    json_decref(msg);
}

int civ_lsp_serve(const civ_lsp_host *host, int in_fd, FILE *out)
{
    /* a client that closes its end makes writes fail, not kill us */
    signal(SIGPIPE, SIG_IGN);
    lsp_server s;
    lsp_server_init(&s, host, in_fd, out);
    lsp_worker_start(&s);
    while (!s.exit && !s.out.failed) {
        char *body = NULL;
        size_t n = 0;
        const char *err = NULL;
        civ_rpc_status st = civ_rpc_read(&s.in, &body, &n, &err);
        if (st == CIV_RPC_EOF)
            break; /* the client is gone */
        lsp_handle(&s, st, body, n, err);
        free(body);
    }
    lsp_worker_stop(&s);
    lsp_server_release(&s);
    return s.exit && s.state == LSP_SHUTDOWN ? 0 : 1;
}
