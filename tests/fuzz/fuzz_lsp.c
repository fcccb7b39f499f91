/* fuzz_lsp.c - libFuzzer harness for the language server's message
 * handling (src/lsp/): the input is what a client would write to
 * `civlint --lsp`'s standard input.
 *
 * The server is driven from memory on one thread, without stdio: the bytes
 * go into a memfd that the framing reader (rpc.c: Content-Length headers,
 * resynchronisation after a bad block) reads as it reads a pipe; every
 * message, good or bad, goes through the same lsp_handle as in
 * civ_lsp_serve (JSON parse, lifecycle, dispatch: didOpen/didChange with
 * fuzzed ranges in each position encoding, codeAction, hover,
 * executeCommand); and after each message the worker's pending work is
 * done at once on this thread (lsp_worker_run_pending: every edited
 * document linted with the shipped rules and its diagnostics published),
 * so code actions and hover meet real findings. The host is a stub: every
 * document is linted with the default settings, except a path holding
 * "bad-config" (lint off, a configuration error to report); words are
 * "added" to a word list that does not exist, in memory.
 *
 * What the server wrote (an open_memstream) is then checked: a sequence of
 * "Content-Length: N\r\n\r\n" frames, each N bytes of JSON that jansson
 * parses, so whatever a client sends, the server's answers stay well
 * framed. A violation abort()s. No speller: spelling findings and the
 * addWord that needs one are not reached here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <jansson.h>

#include "base/util.h"
#include "lsp/server.h"
#include "pipeline/lint.h"
#include "rules/rules.h"
#include "fuzz_common.h"

static civ_rules *g_rules;

const char *civ_fuzz_datadir(void)
{
    const char *env = getenv("CIVLINT_DATADIR");
    return env && *env ? env : CIV_FUZZ_ROOT;
}

static void prepare(void *ud, const char *path, civ_lsp_file *f)
{
    (void)ud;
    memset(f, 0, sizeof *f);
    civ_linter_init(&f->linter, g_rules);
    f->rules = g_rules;
    f->lint = !strstr(path, "bad-config");
    if (!f->lint)
        f->err = xstrdup("bad-config/.civlint.yml:1:1: not a mapping");
    f->word_list = "/nonexistent-civlint-fuzz/words.txt";
}

static void release(void *ud, civ_lsp_file *f)
{
    (void)ud;
    (void)f;
}

static void reload(void *ud)
{
    (void)ud;
}

/* Succeeds for a word of even length, fails (with a message) otherwise, so
 * both answers are reached; nothing is written. */
static bool add_word(void *ud, const char *path, const char *word, char **err)
{
    (void)ud;
    (void)path;
    if (strlen(word) % 2 == 0)
        return true;
    *err = xstrdup("cannot write the word list");
    return false;
}

static const civ_lsp_host g_host = {.prepare = prepare, .release = release, .reload = reload, .add_word = add_word};

static void cleanup(void)
{
    civ_rules_free(g_rules);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char *err = NULL;
    g_rules = civ_rules_new();
    civ_checks_declare(g_rules);
    char *dir = xasprintf("%s/rules", civ_fuzz_datadir());
    if (!civ_rules_load_dir(g_rules, dir, &err)) {
        fprintf(stderr, "fuzz_lsp: cannot load the shipped rules: %s\n", err);
        abort();
    }
    free(dir);
    atexit(cleanup);
    return 0;
}

static void fail(const char *what, size_t at)
{
    fprintf(stderr, "fuzz_lsp: output: %s at byte %zu\n", what, at);
    abort();
}

/* The server's output: frames of valid JSON, nothing else. */
static void check_output(const char *out, size_t len)
{
    static const char head[] = "Content-Length: ";
    size_t i = 0;
    while (i < len) {
        if (len - i < sizeof head - 1 || memcmp(out + i, head, sizeof head - 1) != 0)
            fail("no Content-Length header", i);
        size_t j = i + sizeof head - 1, n = 0;
        if (j >= len || out[j] < '0' || out[j] > '9')
            fail("no length", i);
        while (j < len && out[j] >= '0' && out[j] <= '9')
            n = n * 10 + (size_t)(out[j++] - '0');
        if (len - j < 4 || memcmp(out + j, "\r\n\r\n", 4) != 0)
            fail("header not ended by a blank line", j);
        j += 4;
        if (len - j < n)
            fail("body shorter than its Content-Length", j);
        json_error_t je;
        json_t *m = json_loadb(out + j, n, 0, &je);
        if (!json_is_object(m))
            fail("body is not a JSON object", j);
        json_decref(m);
        i = j + n;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int fd = memfd_create("civlint-fuzz-lsp", 0);
    if (fd < 0) {
        perror("fuzz_lsp: memfd_create");
        abort();
    }
    if (size && write(fd, data, size) != (ssize_t)size) {
        perror("fuzz_lsp: write");
        abort();
    }
    lseek(fd, 0, SEEK_SET);
    char *out = NULL;
    size_t outlen = 0;
    FILE *fp = open_memstream(&out, &outlen);
    if (!fp)
        abort();

    lsp_server s;
    lsp_server_init(&s, &g_host, fd, fp);
    while (!s.exit && !s.out.failed) {
        char *body = NULL;
        size_t n = 0;
        const char *err = NULL;
        civ_rpc_status st = civ_rpc_read(&s.in, &body, &n, &err);
        if (st == CIV_RPC_EOF)
            break;
        lsp_handle(&s, st, body, n, err);
        free(body);
        lsp_worker_run_pending(&s);
    }
    lsp_server_release(&s); /* the writer does not close fp */
    fclose(fp);
    close(fd);
    if (getenv("FUZZ_LSP_DUMP")) /* to see what a seed reaches */
        fwrite(out, 1, outlen, stderr);
    check_output(out, outlen);
    free(out);
    return 0;
}
