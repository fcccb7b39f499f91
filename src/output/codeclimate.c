/* codeclimate.c - GitLab Code Quality (`artifacts:reports:codequality`),
 * the Code Climate issue subset GitLab reads: a JSON array of
 *
 *   {"description", "check_name", "fingerprint", "severity",
 *    "location": {"path", "positions": {"begin": {"line", "column"},
 *                                       "end": {"line", "column"}}}}
 *
 * GitLab compares fingerprints between the merge request and its target
 * branch to show new and fixed findings, so the fingerprint must not move
 * when lines are added above a finding: it hashes the rule, the path, the
 * message and the span's text (plus how many identical findings came before
 * in the file, to keep them unique), never the line number. Columns are
 * code points, end inclusive (as GitLab shows them). Severities: error ->
 * major, warning -> minor, note -> info. Unreadable files produce no entry
 * (the driver reports them on stderr). */
#include <stdlib.h>
#include <string.h>

#include "output/output.h"
#include "output/columns.h"
#include "base/util.h"

typedef struct {
    bool first; /* no entry written yet */
} cc_state;

static void cc_begin(civ_out *o)
{
    cc_state *st = xcalloc(1, sizeof *st);
    st->first = true;
    o->state = st;
    fputc('[', o->fp);
}

static void cc_file(civ_out *o, const civ_file_result *r)
{
    cc_state *st = o->state;
    FILE *fp = o->fp;
    if (!r->src || !r->diags)
        return;
    civ_print *prints = civ_fingerprints(r->path, r->src, r->diags);
    for (size_t i = 0; i < r->diags->n; i++) {
        const civ_diag *d = &r->diags->items[i];
        size_t l, c, el, ec;
        civ_position(o->columns, r->src, d->start, &l, &c);
        civ_span_end(o->columns, r->src, d->start, d->end, &el, &ec);
        fputs(st->first ? "\n  {\"description\": " : ",\n  {\"description\": ", fp);
        st->first = false;
        civ_json_str(fp, d->message, strlen(d->message));
        fputs(", \"check_name\": ", fp);
        civ_json_str(fp, d->rule, strlen(d->rule));
        fprintf(fp, ", \"fingerprint\": \"%s\", \"severity\": \"%s\",\n   \"location\": {\"path\": ", prints[i],
                d->severity == CIV_SEV_ERROR ? "major" : d->severity == CIV_SEV_WARNING ? "minor" : "info");
        const char *p = r->path;
        while (p[0] == '.' && p[1] == '/')
            p += 2;
        civ_json_str(fp, p, strlen(p));
        fprintf(fp, ", \"positions\": {\"begin\": {\"line\": %zu, \"column\": %zu}, \"end\": {\"line\": %zu, \"column\": %zu}}}}",
                l, c, el, ec);
    }
    free(prints);
}

static void cc_end(civ_out *o, const civ_tally *t)
{
    (void)t;
    fputs(((cc_state *)o->state)->first ? "]\n" : "\n]\n", o->fp);
    free(o->state);
    o->state = NULL;
}

const civ_formatter civ_format_codeclimate = {"codeclimate", "GitLab Code Quality", cc_begin, cc_file, cc_end};
