/* rdjsonl.c - reviewdog's diagnostic format as JSON lines (one Diagnostic
 * object per line; `reviewdog -f=rdjsonl`). As reviewdog.proto defines:
 * lines and columns are 1-based, columns count UTF-8 BYTES (so 'é' is two
 * columns), and the range end is exclusive. Fix-its become suggestions,
 * which reviewdog can post as GitHub suggested changes. Unreadable files
 * produce no line (the driver reports them on stderr). */
#include <string.h>

#include "output/output.h"
#include "output/columns.h"

static void position(FILE *fp, const civ_source *src, size_t off)
{
    size_t l, c;
    civ_position_bytes(src, off, &l, &c);
    fprintf(fp, "{\"line\": %zu, \"column\": %zu}", l, c);
}

static void range(FILE *fp, const civ_source *src, size_t s, size_t e)
{
    fputs("{\"start\": ", fp);
    position(fp, src, s);
    fputs(", \"end\": ", fp);
    position(fp, src, e < s ? s : e);
    fputc('}', fp);
}

static void rdjsonl_begin(civ_out *o)
{
    (void)o;
}

static void rdjsonl_file(civ_out *o, const civ_file_result *r)
{
    FILE *fp = o->fp;
    if (!r->src || !r->diags)
        return;
    for (size_t i = 0; i < r->diags->n; i++) {
        const civ_diag *d = &r->diags->items[i];
        fputs("{\"message\": ", fp);
        civ_json_str(fp, d->message, strlen(d->message));
        fputs(", \"location\": {\"path\": ", fp);
        civ_json_str(fp, r->path, strlen(r->path));
        fputs(", \"range\": ", fp);
        range(fp, r->src, d->start, d->end);
        fprintf(fp, "}, \"severity\": \"%s\", \"source\": {\"name\": \"civlint\"}, \"code\": {\"value\": ",
                d->severity == CIV_SEV_ERROR ? "ERROR" : d->severity == CIV_SEV_WARNING ? "WARNING" : "INFO");
        civ_json_str(fp, d->rule, strlen(d->rule));
        fputc('}', fp);
        if (d->nfixes) {
            fputs(", \"suggestions\": [", fp);
            for (size_t k = 0; k < d->nfixes; k++) {
                fputs(k ? ", {\"range\": " : "{\"range\": ", fp);
                range(fp, r->src, d->fixes[k].start, d->fixes[k].end);
                fputs(", \"text\": ", fp);
                civ_json_str(fp, d->fixes[k].replacement, strlen(d->fixes[k].replacement));
                fputc('}', fp);
            }
            fputc(']', fp);
        }
        fputs("}\n", fp);
    }
}

static void rdjsonl_end(civ_out *o, const civ_tally *t)
{
    (void)o;
    (void)t;
}

const civ_formatter civ_format_rdjsonl = {"rdjsonl", "reviewdog", rdjsonl_begin, rdjsonl_file, rdjsonl_end};
