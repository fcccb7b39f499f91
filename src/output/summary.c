/* summary.c - the editors' summary (`--format=summary`, and what
 * `--summary` prints after the diagnostics): findings per rule, the posts
 * with most findings and the totals, as an aligned plain-text table,
 * printed from the run's tally. Paths
 * are shown with control characters made visible (base/termsafe.h). */
#include "output/output.h"
#include "output/tally.h"

/* Posts listed under "posts with most findings". */
#define SUMMARY_TOP 10

/* Nothing to keep: the run's tally (tally.h) has every count. */
static void summary_begin(civ_out *o)
{
    (void)o;
}

static void summary_file(civ_out *o, const civ_file_result *r)
{
    (void)o;
    (void)r;
}

static void summary_end(civ_out *o, const civ_tally *t)
{
    civ_tally_print_text(t, o->fp, SUMMARY_TOP);
}

const civ_formatter civ_format_summary = {"summary", "table per rule and post", summary_begin, summary_file, summary_end};
