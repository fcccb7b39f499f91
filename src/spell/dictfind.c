/* dictfind.c - see dictfind.h. */
#include "spell/dictfind.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/util.h"

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Sets *aff and *dic (heap) when dir/lang.aff and dir/lang.dic exist. */
static bool try_dir(const char *dir, const char *lang, char **aff, char **dic)
{
    char *a = xasprintf("%s/%s.aff", dir, lang);
    char *d = xasprintf("%s/%s.dic", dir, lang);
    if (is_file(a) && is_file(d)) {
        *aff = a;
        *dic = d;
        return true;
    }
    free(a);
    free(d);
    return false;
}

/* "en_US" -> "hunspell-en-us", Debian's naming. */
static char *debian_package(const char *lang)
{
    char *p = xasprintf("hunspell-%s", lang);
    for (char *c = p; *c; c++) {
        if (*c == '_')
            *c = '-';
        else if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c - 'A' + 'a');
    }
    return p;
}

bool civ_dict_find(const char *lang, const char *dict, char **aff, char **dic, char **err)
{
    if (dict) {
        if (is_dir(dict)) {
            if (try_dir(dict, lang, aff, dic))
                return true;
            *err = xasprintf("no hunspell dictionary '%s' in '%s' (needs %s.aff and %s.dic)", lang,
                             dict, lang, lang);
            return false;
        }
        size_t n = strlen(dict);
        if (n > 4 && (strcmp(dict + n - 4, ".dic") == 0 || strcmp(dict + n - 4, ".aff") == 0))
            n -= 4;
        char *a = xasprintf("%.*s.aff", (int)n, dict);
        char *d = xasprintf("%.*s.dic", (int)n, dict);
        if (is_file(a) && is_file(d)) {
            *aff = a;
            *dic = d;
            return true;
        }
        *err = xasprintf("cannot find the hunspell dictionary '%s' (needs '%s' and '%s')", dict, a, d);
        free(a);
        free(d);
        return false;
    }
    civ_buf looked;
    civ_buf_init(&looked);
    const char *env = getenv("DICPATH");
    if (env && *env) {
        char *copy = xstrdup(env);
        for (char *save = NULL, *dir = strtok_r(copy, ":", &save); dir; dir = strtok_r(NULL, ":", &save)) {
            if (try_dir(dir, lang, aff, dic)) {
                free(copy);
                civ_buf_release(&looked);
                return true;
            }
            civ_buf_printf(&looked, "%s, ", dir);
        }
        free(copy);
    }
    static const char *const std_dirs[] = {"/usr/share/hunspell", "/usr/share/myspell/dicts",
                                           "/usr/share/myspell"};
    for (size_t i = 0; i < sizeof std_dirs / sizeof *std_dirs; i++) {
        if (try_dir(std_dirs[i], lang, aff, dic)) {
            civ_buf_release(&looked);
            return true;
        }
        civ_buf_printf(&looked, "%s%s", std_dirs[i], i + 1 < sizeof std_dirs / sizeof *std_dirs ? ", " : "");
    }
    char *pkg = debian_package(lang);
    *err = xasprintf("no hunspell dictionary for '%s' (looked for %s.aff and %s.dic in %s); install the "
                     "Debian package '%s' (apt-get install %s) or give --dict PATH",
                     lang, lang, lang, looked.data, pkg, pkg);
    free(pkg);
    civ_buf_release(&looked);
    return false;
}
