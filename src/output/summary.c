/* summary.c - the editors' summary (`--format=summary`, and what
 * `--summary` prints after the diagnostics): findings per rule, the posts
 * with most findings and the totals, as an aligned plain-text table. Paths
 * are shown with control characters made visible (base/termsafe.h). */
#include "output/output.h"
#include "output/tally.h"

/* Posts listed under "posts with most findings". */
#define SUMMARY_TOP 10

static civ_tally tally;

static void summary_begin(civ_out *o)
{
    civ_tally_init(&tally);
    o->state = &tally;
}

static void summary_file(civ_out *o, const civ_file_result *r)
{
    civ_tally_add(o->state, r);
}

static void summary_end(civ_out *o, const civ_summary *s)
{
    (void)s;
    civ_tally_print_text(o->state, o->fp, SUMMARY_TOP);
    civ_tally_release(o->state);
}

const civ_formatter civ_format_summary = {"summary", summary_begin, summary_file, summary_end};
