/* sarif.c - SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
 *
 * One run; tool.driver lists every known rule (id, short and full
 * description, default level) so a viewer can show rules without findings.
 * Regions count Unicode code points (columnKind "unicodeCodePoints"; with
 * --columns=utf16, UTF-16 code units: "utf16CodeUnits"; SARIF has no byte
 * columns, so --columns=bytes keeps code points) and,
 * as SARIF 3.30.5-3.30.8 define, endColumn is the column AFTER the last
 * character (exclusive), while gcc and json print the last character's
 * column. Fix-its become fixes with artifactChanges/replacements. Files that
 * could not be read become toolExecutionNotifications and make
 * executionSuccessful false. Every string from input goes through
 * civ_json_str (invalid UTF-8 -> U+FFFD), every path through civ_uri_path.
 *
 * Results are streamed file by file; only the notifications are kept. */
#include <stdlib.h>
#include <string.h>

#include "output/output.h"
#include "base/util.h"
#include "output/columns.h"
#include "output/escape.h"

typedef struct {
    bool first;
    char **failed; /* "path\0reason" pairs of unreadable files */
    size_t nfailed, cap;
} sarif_state;

static const char *level(civ_severity s)
{
    return s == CIV_SEV_ERROR ? "error" : s == CIV_SEV_WARNING ? "warning" : "note";
}

static void jstr(FILE *fp, const char *s)
{
    civ_json_str(fp, s, strlen(s));
}

static void uri(FILE *fp, const char *path)
{
    /* civ_uri_path emits only URI characters, all safe inside JSON */
    fputc('"', fp);
    civ_uri_path(fp, path);
    fputc('"', fp);
}

/* The unit of the regions: what --columns asked for when columnKind can
 * say it (code points or UTF-16 units), else code points. */
static civ_columns kind(civ_columns asked)
{
    return asked == CIV_COLUMNS_UTF16 ? CIV_COLUMNS_UTF16 : CIV_COLUMNS_CODEPOINTS;
}

/* A rule's help: its explanation, or (a caller that made the rule list by
 * hand, without explanations) the description and the way to the rest. */
static void help_text(FILE *fp, const civ_rule_info *r, bool markdown)
{
    const char *help = markdown ? r->help_md : r->help;
    if (help) {
        jstr(fp, help);
        return;
    }
    char *text = xasprintf(markdown ? "%s.\n\nRun `civlint --explain %s` for more." : "%s. Run 'civlint --explain %s' for more.",
                           r->description, r->id);
    jstr(fp, text);
    free(text);
}

static void sarif_begin(civ_out *o)
{
    FILE *fp = o->fp;
    sarif_state *st = xcalloc(1, sizeof *st);
    st->first = true;
    o->state = st;
    fputs("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
          "  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\": {\n"
          "          \"name\": \"civlint\",\n          \"version\": \"" CIV_VERSION "\",\n"
          "          \"semanticVersion\": \"" CIV_VERSION "\",\n"
          "          \"rules\": [",
          fp);
    for (size_t i = 0; i < o->nrules; i++) {
        const civ_rule_info *r = &o->rules[i];
        fputs(i ? ",\n            {\"id\": " : "\n            {\"id\": ", fp);
        jstr(fp, r->id);
        fputs(",\n             \"shortDescription\": {\"text\": ", fp);
        jstr(fp, r->description);
        fputs("},\n             \"fullDescription\": {\"text\": ", fp);
        jstr(fp, r->description);
        /* GitHub code scanning requires help: what `civlint --explain`
         * prints (the description, the pack's examples, how to turn the
         * rule off or suppress it), as text and as Markdown */
        fputs("},\n             \"help\": {\"text\": ", fp);
        help_text(fp, r, false);
        fputs(", \"markdown\": ", fp);
        help_text(fp, r, true);
        /* helpUri must be an absolute URI (SARIF 3.49.12): the pack's
         * style-guide link when it is one; civlint itself has no public
         * home page to point the built-in rules at */
        fputc('}', fp);
        if (r->link && civ_http_uri(r->link)) {
            fputs(",\n             \"helpUri\": ", fp);
            jstr(fp, r->link);
        }
        /* an off-by-default rule says so (SARIF 2.1.0 §3.50.3, enabled) */
        fprintf(fp, ",\n             \"defaultConfiguration\": {\"level\": \"%s\"%s}}", level(r->severity),
                r->off ? ", \"enabled\": false" : "");
    }
    fputs(o->nrules ? "\n          ]\n" : "]\n", fp);
    fprintf(fp, "        }\n      },\n      \"columnKind\": \"%s\",\n",
            kind(o->columns) == CIV_COLUMNS_UTF16 ? "utf16CodeUnits" : "unicodeCodePoints");
    fputs("      \"originalUriBaseIds\": {\"SRCROOT\": {\"description\": {\"text\": \"the folder civlint ran in\"}}},\n"
          "      \"results\": [",
          fp);
}

/* A region: start line:column, exclusive end line:column, in the unit
 * columnKind names. */
static void region(FILE *fp, civ_columns k, const civ_source *src, size_t s, size_t e)
{
    size_t l, c, el, ec;
    civ_position(k, src, s, &l, &c);
    civ_position(k, src, e < s ? s : e, &el, &ec);
    fprintf(fp, "{\"startLine\": %zu, \"startColumn\": %zu, \"endLine\": %zu, \"endColumn\": %zu", l, c, el, ec);
}

static void location(FILE *fp, const char *path)
{
    fputs("\"artifactLocation\": {\"uri\": ", fp);
    uri(fp, path);
    if (path[0] != '/')
        fputs(", \"uriBaseId\": \"SRCROOT\"", fp);
    fputc('}', fp);
}

static ssize_t rule_index(const civ_out *o, const char *rule)
{
    for (size_t i = 0; i < o->nrules; i++)
        if (strcmp(o->rules[i].id, rule) == 0)
            return (ssize_t)i;
    return -1;
}

static void result(civ_out *o, const civ_file_result *r, size_t di, const char *print)
{
    const civ_diag *d = &r->diags->items[di];
    FILE *fp = o->fp;
    fputs("\n        {\"ruleId\": ", fp);
    jstr(fp, d->rule);
    ssize_t ri = rule_index(o, d->rule);
    if (ri >= 0)
        fprintf(fp, ", \"ruleIndex\": %zd", ri);
    fprintf(fp, ", \"level\": \"%s\",\n         \"message\": {\"text\": ", level(d->severity));
    /* SARIF viewers show message.text alone: fold the notes into it */
    civ_buf msg;
    civ_buf_init(&msg);
    civ_buf_puts(&msg, d->message);
    for (size_t i = 0; i < d->nnotes; i++) {
        civ_buf_puts(&msg, i ? "; " : " (");
        civ_buf_puts(&msg, d->notes[i]);
    }
    if (d->nnotes)
        civ_buf_putc(&msg, ')');
    civ_json_str(fp, msg.data, msg.len);
    civ_buf_release(&msg);
    fputs("},\n         \"locations\": [{\"physicalLocation\": {", fp);
    location(fp, r->path);
    fputs(",\n           \"region\": ", fp);
    region(fp, kind(o->columns), r->src, d->start, d->end);
    fputs(", \"snippet\": {\"text\": ", fp);
    civ_json_str(fp, r->src->data + d->start, d->end - d->start);
    fputs("}}}}]", fp);
    /* GitHub hashes the line's text on upload; this one also survives
     * edits of the line around the span */
    fprintf(fp, ",\n         \"partialFingerprints\": {\"civlint/v1\": \"%s\"}", print);
    if (d->nfixes) {
        fputs(",\n         \"fixes\": [{\"description\": {\"text\": ", fp);
        civ_buf desc;
        civ_buf_init(&desc);
        for (size_t i = 0; i < d->nfixes; i++) {
            char *one = civ_fix_describe(r->src, &d->fixes[i]);
            if (i)
                civ_buf_puts(&desc, ", ");
            civ_buf_puts(&desc, one);
            free(one);
        }
        civ_json_str(fp, desc.data, desc.len);
        civ_buf_release(&desc);
        fputs("},\n           \"artifactChanges\": [{", fp);
        location(fp, r->path);
        fputs(",\n             \"replacements\": [", fp);
        for (size_t i = 0; i < d->nfixes; i++) {
            const civ_fix *f = &d->fixes[i];
            fputs(i ? ",\n               {\"deletedRegion\": " : "\n               {\"deletedRegion\": ", fp);
            region(fp, kind(o->columns), r->src, f->start, f->end);
            fputs("}, \"insertedContent\": {\"text\": ", fp);
            jstr(fp, f->replacement);
            fputs("}}", fp);
        }
        fputs("]}]}]", fp);
    }
    fputc('}', fp);
}

static void sarif_file(civ_out *o, const civ_file_result *r)
{
    sarif_state *st = o->state;
    if (!r->src || !r->diags) {
        const char *why = r->error ? r->error : "cannot read";
        size_t lp = strlen(r->path), lw = strlen(why);
        char *pair = xmalloc(lp + lw + 2);
        memcpy(pair, r->path, lp + 1);
        memcpy(pair + lp + 1, why, lw + 1);
        *CIV_PUSH(st->failed, st->nfailed, st->cap) = pair;
        return;
    }
    civ_print *prints = civ_fingerprints(r->path, r->src, r->diags);
    for (size_t i = 0; i < r->diags->n; i++) {
        if (!st->first)
            fputc(',', o->fp);
        st->first = false;
        result(o, r, i, prints[i]);
    }
    free(prints);
}

static void sarif_end(civ_out *o, const civ_tally *t)
{
    sarif_state *st = o->state;
    FILE *fp = o->fp;
    fputs(st->first ? "],\n" : "\n      ],\n", fp);
    fprintf(fp, "      \"invocations\": [{\"executionSuccessful\": %s", st->nfailed ? "false" : "true");
    if (st->nfailed) {
        fputs(", \"toolExecutionNotifications\": [", fp);
        for (size_t i = 0; i < st->nfailed; i++) {
            const char *path = st->failed[i];
            fputs(i ? ",\n        {\"level\": \"error\", \"message\": {\"text\": "
                    : "\n        {\"level\": \"error\", \"message\": {\"text\": ",
                  fp);
            jstr(fp, path + strlen(path) + 1);
            fputs("}, \"locations\": [{\"physicalLocation\": {", fp);
            location(fp, path);
            fputs("}}]}", fp);
            free(st->failed[i]);
        }
        fputs("]", fp);
    }
    free(st->failed);
    fputs("}]\n    }\n  ]\n}\n", fp);
    free(st);
    o->state = NULL;
    (void)t;
}

const civ_formatter civ_format_sarif = {"sarif", "GitHub code scanning", sarif_begin, sarif_file, sarif_end};
