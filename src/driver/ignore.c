/* ignore.c - see ignore.h. */
#include "driver/ignore.h"

#include <string.h>

#include "base/util.h"
#include "gate/since.h"

typedef struct {
    dev_t dev;
    ino_t ino;
} file_id;

static bool markdown_name(const char *s, size_t n)
{
    return (n > 3 && memcmp(s + n - 3, ".md", 3) == 0) ||
           (n > 9 && memcmp(s + n - 9, ".markdown", 9) == 0);
}

void civ_ignore_load(civ_ignore *ig, const char *dir)
{
    memset(ig, 0, sizeof *ig);
    civ_strmap_init(&ig->listed);
    /* An argument vector, no shell; dir is -C's own argument, so a folder
     * named "-x" or "--output=f" is a folder; no user value reaches git as a
     * pathspec. core.fsmonitor=false: a repository's own config must not
     * make a lint run start a program. -z: names arrive unquoted. */
    char *argv[] = {"git", "-c", "core.fsmonitor=false", "-C", (char *)dir, "ls-files", "-z",
                    "--cached", "--others", "--exclude-standard", NULL};
    char *out;
    size_t len;
    int rc = civ_run_capture_stdout(argv, &out, &len);
    if (rc != 0) {
        free(out);
        return;
    }
    ig->active = true;
    /* Files are known by (device, inode), as the walk knows them: a post
     * reached through a link inside the folder is judged by its target. */
    size_t dl = strlen(dir);
    civ_buf path;
    civ_buf_init(&path);
    for (const char *p = out, *end = out + len; p < end;) {
        const char *z = memchr(p, '\0', (size_t)(end - p));
        size_t n = z ? (size_t)(z - p) : (size_t)(end - p);
        if (markdown_name(p, n)) {
            path.len = 0;
            civ_buf_add(&path, dir, dl);
            civ_buf_add(&path, "/", 1);
            civ_buf_add(&path, p, n);
            struct stat st;
            if (stat(path.data, &st) == 0) {
                file_id id = {st.st_dev, st.st_ino};
                civ_strmap_put(&ig->listed, (const char *)&id, sizeof id, ig);
            }
        }
        p += n + 1;
    }
    civ_buf_release(&path);
    free(out);
}

void civ_ignore_release(civ_ignore *ig)
{
    civ_strmap_release(&ig->listed);
    memset(ig, 0, sizeof *ig);
}

bool civ_ignore_dir_name(const char *name)
{
    static const char *const skip[] = {"node_modules", "vendor", "_site", "public"};
    for (size_t i = 0; i < sizeof skip / sizeof *skip; i++)
        if (strcmp(name, skip[i]) == 0)
            return true;
    return false;
}

bool civ_ignore_lists(const civ_ignore *ig, const struct stat *st)
{
    if (!ig->active)
        return true;
    file_id id = {st->st_dev, st->st_ino};
    return civ_strmap_get(&ig->listed, (const char *)&id, sizeof id) != NULL;
}
