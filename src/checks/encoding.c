/* encoding.c - the `encoding` and `front-matter` checks.
 *
 * encoding: every invalid UTF-8 byte (stray continuation bytes, overlong
 * forms, surrogates, truncated sequences) is reported at that byte. Runs of
 * adjacent bad bytes give one diagnostic, so a Latin-1 file does not bury
 * the author in noise. The rest of the file is still linted: source.c has
 * replaced each bad byte with '?'.
 *
 * front-matter: problems found while reading the YAML front matter. */
#include <stdio.h>
#include <string.h>

#include "checks/check.h"

void civ_check_encoding(const civ_doc *doc, const civ_ctx *ctx, civ_sink *sink)
{
    (void)ctx;
    const civ_source *src = doc->src;
    for (size_t i = 0; i < src->nbad;) {
        size_t j = i + 1;
        while (j < src->nbad && src->bad[j].off == src->bad[j - 1].off + 1)
            j++;
        size_t n = j - i;
        char bytes[64] = "";
        for (size_t k = i; k < j && k < i + 4; k++)
            snprintf(bytes + strlen(bytes), sizeof bytes - strlen(bytes), "%s0x%02X",
                     k > i ? " " : "", src->bad[k].byte);
        civ_diag *d = civ_report(sink, src->bad[i].off, src->bad[j - 1].off + 1,
                                 "invalid UTF-8 byte%s %s%s", n > 1 ? "s" : "", bytes,
                                 n > 4 ? " ..." : "");
        civ_diag_note(d, "civlint reads UTF-8; re-save the file as UTF-8 (for Latin-1: iconv -f LATIN1 -t UTF-8)");
        i = j;
    }
}

void civ_check_front_matter(const civ_doc *doc, const civ_ctx *ctx, civ_sink *sink)
{
    (void)ctx;
    const civ_frontmatter *fm = doc->fm;
    if (!fm || !fm->error)
        return;
    size_t a, e;
    size_t line = civ_source_line_of(doc->src, fm->error_off) + 1;
    civ_source_line(doc->src, line, &a, &e);
    civ_report(sink, fm->error_off, e > fm->error_off ? e : fm->error_off, "%s", fm->error);
}
