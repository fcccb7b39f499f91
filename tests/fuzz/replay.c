/* replay.c - runs a fuzz harness's LLVMFuzzerTestOneInput over saved inputs
 * without libFuzzer, so `make check` can replay every regression input with
 * gcc (no clang needed) and under valgrind or the sanitizers.
 *
 * usage: replay-NAME PATH...   (files, or folders whose files are replayed
 * in name order). Prints one summary line; a crash is the failure signal,
 * and a missing path is an error (exit 2). */
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/util.h"
#include "fuzz_common.h"

static size_t g_count;
static const char *g_current; /* the input being replayed */

/* On a crash, name the input before dying (write(2) is signal-safe). */
static void on_crash(int sig)
{
    static const char msg[] = "\nreplay: crashed on input ";
    if (write(2, msg, sizeof msg - 1) < 0 ||
        (g_current && write(2, g_current, strlen(g_current)) < 0) || write(2, "\n", 1) < 0)
        _exit(128 + sig);
    signal(sig, SIG_DFL);
    raise(sig);
}

static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "replay: cannot open '%s'\n", path);
        return 2;
    }
    civ_buf b;
    civ_buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        civ_buf_add(&b, chunk, n);
    fclose(f);
    /* an exact-size heap copy, so a read past the end is caught by ASan and
     * valgrind as it would be under libFuzzer */
    uint8_t *copy = xmalloc(b.len ? b.len : 1);
    if (b.len)
        memcpy(copy, b.data, b.len);
    g_current = path;
    LLVMFuzzerTestOneInput(copy, b.len);
    g_current = NULL;
    free(copy);
    civ_buf_release(&b);
    g_count++;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int replay_path(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "replay: cannot open '%s'\n", path);
        return 2;
    }
    if (!S_ISDIR(st.st_mode))
        return replay_file(path);
    DIR *d = opendir(path);
    if (!d)
        return 2;
    char **names = NULL;
    size_t cnt = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.')
            *CIV_PUSH(names, cnt, cap) = xasprintf("%s/%s", path, e->d_name);
    closedir(d);
    if (cnt)
        qsort(names, cnt, sizeof *names, cmp_str);
    int rc = 0;
    for (size_t i = 0; i < cnt; i++) {
        struct stat fs;
        if (stat(names[i], &fs) == 0 && S_ISREG(fs.st_mode) && replay_file(names[i]))
            rc = 2;
        free(names[i]);
    }
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
    signal(SIGSEGV, on_crash);
    signal(SIGABRT, on_crash);
    signal(SIGBUS, on_crash);
    signal(SIGFPE, on_crash);
    LLVMFuzzerInitialize(&argc, &argv);
    int rc = 0;
    for (int i = 1; i < argc; i++)
        if (replay_path(argv[i]))
            rc = 2;
    printf("replay %s: %zu inputs ran clean\n", argv[0], g_count);
    return rc;
}
