/* limits.c - see limits.h. */
#include "driver/limits.h"

#include <stdlib.h>

#include "base/util.h"
#include "driver/parallel.h"
#include "driver/report.h"

/* Capped at 4 threads per core: each thread holds a post's tree (up to
 * ~1 GB at the default --max-file-size), and -j 1024 took 7.5 GB for no
 * speed. */
unsigned civ_limit_jobs(unsigned jobs, size_t nfiles)
{
    unsigned cpus = civ_par_cpus(), max = cpus * 4;
    if (jobs > max) {
        civ_report_warning("-j %u is more than 4 threads per core (%u cores); using %u", jobs, cpus, max);
        return max;
    }
    return jobs ? jobs : nfiles > 1 ? cpus : 1;
}

/* A size as the messages say it: "10 MB", "500 KB", "1000 bytes". */
static char *size_text(size_t n)
{
    if (n >= (1 << 20) && n % (1 << 20) == 0)
        return xasprintf("%zu MB", n >> 20);
    if (n >= 1024 && n % 1024 == 0)
        return xasprintf("%zu KB", n >> 10);
    return xasprintf("%zu bytes", n);
}

void civ_limit_report_head(size_t max, const civ_source *src)
{
    if (!src || !src->truncated)
        return;
    char *lim = size_text(max);
    civ_report_warning("post '%s' is larger than %s; only the first %s checked (--max-file-size)", src->name,
                       lim, lim);
    free(lim);
}

/* Findings are in source order, so the first max are the top of the post. */
void civ_limit_findings(size_t max, const char *name, civ_diags *d)
{
    if (!max || d->n <= max)
        return;
    civ_report_warning("'%s' has %zu findings; only the first %zu reported (--max-findings)", name, d->n, max);
    for (size_t i = max; i < d->n; i++)
        civ_diag_release(&d->items[i]);
    d->n = max;
}
