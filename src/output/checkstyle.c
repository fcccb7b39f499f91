/* checkstyle.c - Checkstyle XML, the format CI servers (Jenkins warnings-ng,
 * GitLab via converters, reviewdog -f=checkstyle, Sonar) import:
 *
 *   <checkstyle version="4.3"><file name="P"><error line="L" column="C"
 *     severity="warning" message="M" source="civlint.RULE"/></file></checkstyle>
 *
 * Columns are 1-based code points, like Checkstyle's own (it counts Java
 * chars, so a character outside the BMP would count twice there; posts
 * rarely have them in positions that matter). Severities map to Checkstyle's
 * error, warning and info. Every file appears, with no <error> when clean;
 * a file that could not be read carries one error with source
 * "civlint.read". Everything from input is XML-escaped (escape.h). */
#include <string.h>

#include "output/output.h"
#include "output/escape.h"

static void attr(FILE *fp, const char *name, const char *value)
{
    fprintf(fp, " %s=\"", name);
    civ_xml_escape(fp, value, strlen(value));
    fputc('"', fp);
}

static void checkstyle_begin(civ_out *o)
{
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n", o->fp);
}

static void checkstyle_file(civ_out *o, const civ_file_result *r)
{
    FILE *fp = o->fp;
    fputs("<file", fp);
    attr(fp, "name", r->path);
    fputs(">\n", fp);
    if (!r->src || !r->diags) {
        fputs("<error line=\"1\" severity=\"error\"", fp);
        attr(fp, "message", r->error ? r->error : "cannot read");
        fputs(" source=\"civlint.read\"/>\n</file>\n", fp);
        return;
    }
    for (size_t i = 0; i < r->diags->n; i++) {
        const civ_diag *d = &r->diags->items[i];
        size_t line, col;
        civ_position(o->columns, r->src, d->start, &line, &col);
        fprintf(fp, "<error line=\"%zu\" column=\"%zu\" severity=\"%s\"", line, col,
                d->severity == CIV_SEV_ERROR ? "error" : d->severity == CIV_SEV_WARNING ? "warning" : "info");
        attr(fp, "message", d->message);
        fputs(" source=\"civlint.", fp);
        civ_xml_escape(fp, d->rule, strlen(d->rule));
        fputs("\"/>\n", fp);
    }
    fputs("</file>\n", fp);
}

static void checkstyle_end(civ_out *o, const civ_tally *t)
{
    (void)t;
    fputs("</checkstyle>\n", o->fp);
}

const civ_formatter civ_format_checkstyle = {"checkstyle", "XML", checkstyle_begin, checkstyle_file, checkstyle_end};
