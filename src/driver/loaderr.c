/* loaderr.c - see loaderr.h. */
#include "driver/loaderr.h"

#include <string.h>

#include "base/termsafe.h"

/* True when the line [s, e) names its place: "...:LINE:COL: error: ". */
static bool located(const char *s, const char *e)
{
    for (const char *p = s; p + 9 <= e; p++) {
        if (memcmp(p, ": error: ", 9) != 0)
            continue;
        /* back over ":LINE:COL" */
        const char *q = p;
        int fields = 0;
        while (fields < 2) {
            const char *d = q;
            while (d > s && d[-1] >= '0' && d[-1] <= '9')
                d--;
            if (d == q || d == s || d[-1] != ':')
                break;
            q = d - 1;
            fields++;
        }
        if (fields == 2)
            return true;
    }
    return false;
}

void civ_load_error_print(FILE *fp, const char *err, bool termsafe)
{
    /* every segment between newlines is a line, the last one too (so the
     * output is err and one newline, as printf("%s\n") would write it) */
    for (const char *s = err;;) {
        const char *e = strchr(s, '\n');
        if (!e)
            e = s + strlen(s);
        if (e > s && *s != ' ' && !located(s, e))
            fputs("civlint: error: ", fp);
        if (termsafe)
            civ_term_write(fp, s, (size_t)(e - s), false);
        else
            fwrite(s, 1, (size_t)(e - s), fp);
        fputc('\n', fp);
        if (!*e)
            break;
        s = e + 1;
    }
}
