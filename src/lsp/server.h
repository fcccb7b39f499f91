/* server.h - the language server's state, shared by its files (private to
 * src/lsp/): server.c reads and dispatches messages, docs.c keeps the open
 * documents, worker.c lints them, actions.c answers code actions and hover.
 *
 * Locking: `lock` guards the documents, their findings and the worker's
 * flags. The reading thread holds it only to copy or splice text; the
 * worker holds it to take a snapshot and to publish. A message is written
 * under the writer's own lock (rpc.h), taken after `lock` when both are
 * held, never before. */
#ifndef CIV_LSP_SERVER_H
#define CIV_LSP_SERVER_H

#include <jansson.h>
#include <pthread.h>
#include <stdbool.h>
#include <time.h>

#include "lsp/lsp.h"
#include "lsp/position.h"
#include "lsp/rpc.h"

typedef struct {
    civ_lsp_pos start, end;
} lsp_range;

typedef struct {
    lsp_range range;
    char *text; /* the replacement */
} lsp_edit;

/* One finding as published, kept for code actions and hover. */
typedef struct {
    lsp_range range;
    char *rule, *message, *description; /* description: NULL when unknown */
    const char *explain; /* the rule's explanation (lsp_findings.explains
                            owns it), or NULL */
    char *word;         /* spelling: the unknown word as written; else NULL */
    lsp_edit *fixes;
    size_t nfixes;
    bool can_disable;   /* an inline comment at the end of its first line
                           can suppress it (computed when asked: on a long
                           line, for every finding, it would be quadratic) */
    json_t *json;       /* the Diagnostic sent (a reference) */
} lsp_finding;

typedef struct {
    unsigned long gen; /* the text generation they were found in */
    lsp_finding *items;
    size_t n;
    char *word_list;   /* the document's project word list, or NULL */
    struct lsp_explain {
        char *rule, *text;
    } *explains;       /* one per rule of the findings (host's explain) */
    size_t nexplains, explaincap;
} lsp_findings;

/* A word to add to a word list, waiting for the worker. */
typedef struct {
    char *list, *word;
} lsp_add_word;

typedef struct lsp_doc {
    char *uri;
    char *path;          /* the file path of a file: URI, else the URI */
    char *text;          /* UTF-8 (heap) */
    size_t len, cap;
    json_int_t version;
    unsigned long gen;   /* changes with every edit (unique in the server) */
    bool dirty;          /* to be linted at `due` */
    struct timespec due; /* CLOCK_MONOTONIC */
    lsp_findings *findings; /* the last published; NULL: none yet */
    struct lsp_doc *next;
} lsp_doc;

typedef struct {
    const civ_lsp_host *host;
    civ_rpc_writer out;
    civ_rpc_reader in;
    civ_lsp_enc enc;       /* negotiated in initialize */
    int state;             /* LSP_NEW, LSP_RUNNING, LSP_SHUTDOWN */
    bool exit;             /* `exit` was received */
    bool watch_registration; /* the client registers file watchers for us */
    pthread_mutex_t lock;
    pthread_cond_t wake;   /* the worker's: a document changed, or quit */
    lsp_doc *docs;
    unsigned long gens;
    bool quit, reload;
    lsp_add_word *adds;    /* workspace/executeCommand civlint.addWord */
    size_t nadds, addcap;
    pthread_t worker;
    bool worker_started;
} lsp_server;

enum { LSP_NEW, LSP_RUNNING, LSP_SHUTDOWN };

/* ---- server.c ------------------------------------------------------------ */

/* What civ_lsp_serve does around its loop, apart so that a test can drive
 * a server from memory, without the worker thread (tests/fuzz/fuzz_lsp.c):
 * init (writer on out, reader on in_fd, the lock and the worker's cond),
 * release (documents, queued words, reader, writer, lock, cond). */
void lsp_server_init(lsp_server *s, const civ_lsp_host *host, int in_fd, FILE *out);
void lsp_server_release(lsp_server *s);
/* One result of civ_rpc_read: a framing error (st CIV_RPC_BAD, err) is
 * answered with a ParseError; a message (body, n bytes; the caller still
 * owns body) is parsed and dispatched. */
void lsp_handle(lsp_server *s, civ_rpc_status st, const char *body, size_t n, const char *err);

/* ---- docs.c (reading thread) --------------------------------------------- */

/* The document of uri, or NULL (call with lock held). */
lsp_doc *lsp_doc_find(lsp_server *s, const char *uri);
/* didOpen, didChange, didSave, didClose: false with *err (static) when the
 * params are not what the protocol says (nothing changed then). */
bool lsp_did_open(lsp_server *s, json_t *params, const char **err);
bool lsp_did_change(lsp_server *s, json_t *params, const char **err);
bool lsp_did_save(lsp_server *s, json_t *params, const char **err);
bool lsp_did_close(lsp_server *s, json_t *params, const char **err);
/* Every document again now (the configuration changed). */
void lsp_docs_relint(lsp_server *s, bool reload);
void lsp_docs_free(lsp_server *s);
void lsp_findings_free(lsp_findings *f);
/* The path of a file: URI (percent-decoded, heap), or NULL. */
char *lsp_uri_path(const char *uri);

/* ---- worker.c ------------------------------------------------------------ */

void lsp_worker_start(lsp_server *s);
void lsp_worker_stop(lsp_server *s);
/* What the worker would do, done now on the caller's thread (no thread
 * running): the queued words, a reload, then every edited document linted
 * and published at once, whatever its debounce. For the fuzzer. */
void lsp_worker_run_pending(lsp_server *s);
/* Range as JSON: {"start": {...}, "end": {...}}. */
json_t *lsp_range_json(lsp_range r);

/* ---- actions.c (reading thread) ----------------------------------------- */

/* textDocument/codeAction and textDocument/hover: the result (a new
 * reference), or NULL with *err (static) on bad params. */
json_t *lsp_code_actions(lsp_server *s, json_t *params, const char **err);
json_t *lsp_hover(lsp_server *s, json_t *params, const char **err);
/* workspace/executeCommand civlint.addWord [uri, word]: queues the word
 * for the document's word list, when it is the text of one of the
 * document's current spelling findings (a client cannot make the server
 * write anything else, or anywhere else). */
json_t *lsp_execute_command(lsp_server *s, json_t *params, const char **err);
#define LSP_ADD_WORD "civlint.addWord"
/* A Position or Range from JSON; false when malformed. */
bool lsp_pos_parse(json_t *j, civ_lsp_pos *p);
bool lsp_range_parse(json_t *j, lsp_range *r);

#endif
