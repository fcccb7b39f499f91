/* json.c - the JSON format of DESIGN.md, streamed file by file so memory
 * does not grow with the number of files. */
#include <stdlib.h>
#include <string.h>

#include "output/output.h"
#include "output/tally.h"
#include "base/util.h"

typedef struct {
    bool first; /* no file written yet */
} json_state;

static void json_begin(civ_out *o)
{
    json_state *st = xcalloc(1, sizeof *st);
    st->first = true;
    o->state = st;
    fputs("{\n  \"version\": 1,\n  \"tool\": {\"name\": \"civlint\", \"version\": \"" CIV_VERSION "\"},\n  \"files\": [", o->fp);
}

static void pos(FILE *fp, civ_columns k, const civ_source *src, size_t s, size_t e, const char *pre)
{
    size_t l, c, el, ec;
    civ_position(k, src, s, &l, &c);
    civ_span_end(k, src, s, e, &el, &ec);
    fprintf(fp, "%s\"line\": %zu, \"column\": %zu, \"end_line\": %zu, \"end_column\": %zu", pre, l, c, el, ec);
}

static void json_diag(FILE *fp, civ_columns k, const civ_source *src, const civ_diag *d)
{
    fprintf(fp, "\n       {\"rule\": \"%s\", \"severity\": \"%s\",\n        ", d->rule,
            civ_severity_name(d->severity));
    pos(fp, k, src, d->start, d->end, "");
    fputs(",\n        \"text\": ", fp);
    civ_json_str(fp, src->data + d->start, d->end - d->start);
    fputs(",\n        \"message\": ", fp);
    civ_json_str(fp, d->message, strlen(d->message));
    fputs(",\n        \"suggestions\": [", fp);
    for (size_t i = 0; i < d->nsuggestions; i++) {
        if (i)
            fputs(", ", fp);
        civ_json_str(fp, d->suggestions[i], strlen(d->suggestions[i]));
    }
    fputs("],\n        \"fixes\": [", fp);
    for (size_t i = 0; i < d->nfixes; i++) {
        const civ_fix *f = &d->fixes[i];
        fputs(i ? ", {" : "{", fp);
        pos(fp, k, src, f->start, f->end, "");
        fputs(", \"replacement\": ", fp);
        civ_json_str(fp, f->replacement, strlen(f->replacement));
        fputc('}', fp);
    }
    fputs("],\n        \"notes\": [", fp);
    for (size_t i = 0; i < d->nnotes; i++) {
        if (i)
            fputs(", ", fp);
        civ_json_str(fp, d->notes[i], strlen(d->notes[i]));
    }
    fputs("]}", fp);
}

static void json_file(civ_out *o, const civ_file_result *r)
{
    json_state *st = o->state;
    FILE *fp = o->fp;
    fputs(st->first ? "\n    {\"path\": " : ",\n    {\"path\": ", fp);
    st->first = false;
    civ_json_str(fp, r->path, strlen(r->path));
    if (!r->src || !r->diags) {
        fputs(",\n     \"error\": ", fp);
        civ_json_str(fp, r->error ? r->error : "", r->error ? strlen(r->error) : 0);
        fputs("}", fp);
        return;
    }
    fputs(",\n     \"diagnostics\": [", fp);
    for (size_t i = 0; i < r->diags->n; i++) {
        if (i)
            fputc(',', fp);
        json_diag(fp, o->columns, r->src, &r->diags->items[i]);
    }
    fputs(r->diags->n ? "\n     ]}" : "]}", fp);
}

static void json_end(civ_out *o, const civ_tally *t)
{
    FILE *fp = o->fp;
    json_state *st = o->state;
    fputs(st->first ? "],\n" : "\n  ],\n", fp);
    fprintf(fp, "  \"summary\": {\"files\": %zu, \"errors\": %zu, \"warnings\": %zu, \"notes\": %zu,\n              \"by_rule\": {",
            t->nfiles, t->n[CIV_SEV_ERROR], t->n[CIV_SEV_WARNING], t->n[CIV_SEV_NOTE]);
    for (size_t i = 0; i < t->nrules; i++)
        fprintf(fp, "%s\"%s\": %zu", i ? ", " : "", t->rules[i].rule, t->rules[i].total);
    fputs("}}\n}\n", fp);
    free(st);
    o->state = NULL;
}

const civ_formatter civ_format_json = {"json", NULL, json_begin, json_file, json_end};
