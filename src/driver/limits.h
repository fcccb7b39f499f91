/* limits.h - the run's limits that fail loudly (README, Reliability,
 * "Limits"): the threads of -j, the head of a post larger than
 * --max-file-size, the findings of a file past --max-findings. Each limit
 * that bites says so with a warning on stderr; none is silent. */
#ifndef CIV_LIMITS_H
#define CIV_LIMITS_H

#include <stddef.h>

#include "diag/diag.h"
#include "source/source.h"

/* The threads of a run: -j (jobs; 0: the cores when there are several
 * files), capped at 4 per core with a warning. */
unsigned civ_limit_jobs(unsigned jobs, size_t nfiles);

/* Warns when src holds only the head of its post (civ_source_read_head
 * with max bytes). */
void civ_limit_report_head(size_t max, const civ_source *src);

/* Keeps the first max findings of d (0: all), warning about the rest. */
void civ_limit_findings(size_t max, const char *name, civ_diags *d);

#endif
