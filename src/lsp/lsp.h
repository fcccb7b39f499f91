/* lsp.h - `civlint --lsp`: a language server (LSP 3.17) on stdin/stdout.
 *
 * An editor starts `civlint --lsp`, sends the text of the posts the author
 * opens and edits, and gets back civlint's findings as diagnostics, its
 * fix-its as quick fixes and the rules' explanations on hover. The text is
 * linted in memory through the same pipeline as a file on the command line
 * (pipeline/lint.h), with the settings the command line would use for the
 * document's path (the nearest .civlint.yml).
 *
 * The server knows nothing of configuration files or spellers: its host
 * (the driver, which owns those) prepares a linter for a path. Two threads:
 * the caller's reads and answers messages and never lints; one worker
 * thread lints each changed document once its edits pause (debounce) and
 * publishes the findings. Every host call is made on the worker thread. */
#ifndef CIV_LSP_H
#define CIV_LSP_H

#include <stdbool.h>
#include <stdio.h>

#include "diag/diag.h"
#include "pipeline/lint.h"
#include "rules/rules.h"
#include "source/source.h"

/* What the host prepares for one document. */
typedef struct {
    civ_linter linter;      /* the document's settings */
    const civ_rules *rules; /* its rules (descriptions for hover) */
    bool lint;              /* false: do not lint it (bad configuration, or
                               an `ignore` glob matches it) */
    char *err;              /* a bad configuration or dictionary, as the
                               command line would report it (heap; the
                               server frees it); NULL: none */
    const char *word_list;  /* the project's word list, where "Add 'word' to
                               the project vocabulary" writes (an existing
                               file the configuration names), or NULL */
    void *priv;             /* the host's, for release */
} civ_lsp_file;

typedef struct {
    /* Fills f for the document at path (a file path, or the URI when the
     * document is not a file). */
    void (*prepare)(void *ud, const char *path, civ_lsp_file *f);
    /* Refines f's settings from the document's own text, read anew at
     * each lint (the post's front-matter `lang:` picks its dictionary, so
     * an edit of it applies at the next lint), adding to out any finding
     * about them (a language with no dictionary), as the command line
     * does. Called after prepare when f->lint, before the lint. May be
     * NULL. */
    void (*adapt)(void *ud, civ_lsp_file *f, const civ_source *src, civ_diags *out);
    /* Releases what prepare made (not f->err, already taken). */
    void (*release)(void *ud, civ_lsp_file *f);
    /* A configuration file or a word list changed on disk: forget the
     * parsed configurations and the loaded word lists. */
    void (*reload)(void *ud);
    /* Adds word to the word list at path (one a line, written atomically);
     * false with *err (heap) when it cannot. Followed by reload. */
    bool (*add_word)(void *ud, const char *path, const char *word, char **err);
    /* The explanation of rule `id` in rules, as `civlint --explain ID`
     * writes it (plain text, heap), or NULL (no such rule). The driver
     * owns that text, so hover and the command line never drift apart.
     * May be NULL: hover then shows the rule's description. */
    char *(*explain)(void *ud, const civ_rules *rules, const char *id);
    void *ud;
} civ_lsp_host;

/* Serves one client on in_fd (requests) and out (responses) until `exit`
 * or the end of the input (the client is gone). Returns the process's
 * exit status: 0 after shutdown then exit, 1 otherwise (LSP 3.17). */
int civ_lsp_serve(const civ_lsp_host *host, int in_fd, FILE *out);

/* The debounce: a document is linted this long after its last edit. */
#define CIV_LSP_DEBOUNCE_MS 200

#endif
