/* floor.c - the benchmark's floors: what linting Markdown cannot beat.
 *
 * usage: floor parse PATH...      parse every file with cmark-gfm (the same
 *                                 extensions and options civlint uses)
 *        floor hunspell PATH...   the same, plus one Hunspell_spell call per
 *                                 word of every text node, with no cache
 *                                 (the naive spelling linter)
 *
 * PATH is a file or a folder (walked recursively for *.md). Prints one
 * line: files, bytes, words and unknown words, so runs can be checked for
 * doing the same work. Files are read, parsed and freed one at a time, like
 * civlint -j 1. Words are tokenised simply: maximal runs of ASCII letters,
 * UTF-8 letters and inner apostrophes. Not installed; built by `make bench`.
 */
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <dirent.h>
#include <hunspell.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static Hunhandle *spell;
static size_t nfiles, nbytes, nwords, nunknown;
static cmark_syntax_extension *ext[3];

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    *len = n;
    return buf;
}

static bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static void spell_text(const char *s)
{
    char word[256];
    size_t i = 0, n = strlen(s);
    while (i < n) {
        while (i < n && !word_byte((unsigned char)s[i]))
            i++;
        size_t st = i;
        while (i < n && (word_byte((unsigned char)s[i]) ||
                         (s[i] == '\'' && i + 1 < n && word_byte((unsigned char)s[i + 1]) && i > st)))
            i++;
        size_t len = i - st;
        if (!len)
            continue;
        if (len >= sizeof word)
            len = sizeof word - 1;
        memcpy(word, s + st, len);
        word[len] = '\0';
        nwords++;
        if (!Hunspell_spell(spell, word))
            nunknown++;
    }
}

static void lint_file(const char *path)
{
    size_t len;
    char *data = slurp(path, &len);
    if (!data) {
        fprintf(stderr, "floor: cannot read '%s'\n", path);
        return;
    }
    nfiles++;
    nbytes += len;
    cmark_parser *p = cmark_parser_new(CMARK_OPT_FOOTNOTES);
    for (size_t i = 0; i < 3; i++)
        if (ext[i])
            cmark_parser_attach_syntax_extension(p, ext[i]);
    cmark_parser_feed(p, data, len);
    cmark_node *root = cmark_parser_finish(p);
    if (spell) {
        cmark_iter *it = cmark_iter_new(root);
        cmark_event_type ev;
        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
            cmark_node *node = cmark_iter_get_node(it);
            if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_TEXT)
                spell_text(cmark_node_get_literal(node));
        }
        cmark_iter_free(it);
    }
    cmark_node_free(root);
    cmark_parser_free(p);
    free(data);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "floor: cannot open '%s'\n", path);
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        lint_file(path);
        return;
    }
    DIR *d = opendir(path);
    if (!d)
        return;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap)
            names = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof *names);
        size_t l = strlen(path) + strlen(e->d_name) + 2;
        names[n] = malloc(l);
        snprintf(names[n++], l, "%s/%s", path, e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(names[i]);
        struct stat s2;
        if (stat(names[i], &s2) == 0 && S_ISDIR(s2.st_mode))
            walk(names[i]);
        else if (l > 3 && strcmp(names[i] + l - 3, ".md") == 0)
            lint_file(names[i]);
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv)
{
    if (argc < 3 || (strcmp(argv[1], "parse") != 0 && strcmp(argv[1], "hunspell") != 0)) {
        fputs("usage: floor parse|hunspell PATH...\n", stderr);
        return 2;
    }
    if (strcmp(argv[1], "hunspell") == 0) {
        const char *dir = getenv("FLOOR_DICT_DIR") ? getenv("FLOOR_DICT_DIR") : "/usr/share/hunspell";
        char aff[4096], dic[4096];
        snprintf(aff, sizeof aff, "%s/en_US.aff", dir);
        snprintf(dic, sizeof dic, "%s/en_US.dic", dir);
        spell = Hunspell_create(aff, dic);
        if (!spell) {
            fprintf(stderr, "floor: cannot load %s\n", dic);
            return 2;
        }
    }
    cmark_gfm_core_extensions_ensure_registered();
    const char *names[] = {"table", "autolink", "strikethrough"};
    for (size_t i = 0; i < 3; i++)
        ext[i] = cmark_find_syntax_extension(names[i]);
    for (int i = 2; i < argc; i++)
        walk(argv[i]);
    printf("floor %s: %zu files, %zu bytes, %zu words, %zu unknown\n", argv[1], nfiles, nbytes, nwords,
           nunknown);
    if (spell)
        Hunspell_destroy(spell);
    return 0;
}
