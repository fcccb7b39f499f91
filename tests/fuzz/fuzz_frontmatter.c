/* fuzz_frontmatter.c - libFuzzer harness for the metadata readers: YAML
 * (libyaml, through base/yamltree), TOML (toml++, tomlmeta.cpp), JSON
 * (jansson) and Pelican/MultiMarkdown headers (frontmatter.c).
 *
 * The input is a post's head: civ_source_from_memory (the UTF-8 check, the
 * BOM, the line index) then civ_frontmatter_parse, the entry point every
 * later stage uses, then civ_post_date on the result. fuzz_model reaches
 * the same code, but spends most of each input in cmark-gfm and the model;
 * this harness runs the readers alone, many times faster. It checks what
 * the checks rely on without checking:
 *   - body <= len (and start <= body when metadata was found), and a body
 *     that starts a line (or the end);
 *   - the title, when it has an offset, is there verbatim in the source;
 *   - every string kept (title, authors, date, every field's key and
 *     values) is valid UTF-8, and every offset lies inside the source;
 *   - the date key is one of the fields' keys, and a date found in the
 *     metadata is a real calendar day.
 * A violation abort()s, so libFuzzer keeps the input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/utf8.h"
#include "source/frontmatter.h"
#include "source/postdate.h"
#include "source/source.h"
#include "fuzz_common.h"

const char *civ_fuzz_datadir(void)
{
    const char *env = getenv("CIVLINT_DATADIR");
    return env && *env ? env : CIV_FUZZ_ROOT;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static void fail(const char *what, size_t a, size_t b)
{
    fprintf(stderr, "fuzz_frontmatter: %s (%zu, %zu)\n", what, a, b);
    abort();
}

static void check_str(const char *what, const char *s)
{
    if (!s)
        fail(what, 0, 0);
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t l = civ_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (l == 0)
            fail(what, i, n); /* not valid UTF-8 */
        i += l;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *err = NULL;
    civ_source *src = civ_source_from_memory("2024-05-06-post.md", (const char *)data, size, &err);
    if (!src) {
        free(err);
        return 0;
    }
    civ_frontmatter fm;
    civ_frontmatter_parse(src, &fm);
    /* start is meaningful only for metadata found (an unclosed fence leaves
     * it at the fence, with the body at 0: the whole file is Markdown) */
    if (fm.body > src->len || (fm.present && fm.start > fm.body))
        fail("metadata span outside the source", fm.start, fm.body);
    if (fm.body > 0 && fm.body < src->len && src->data[fm.body - 1] != '\n' &&
        src->data[fm.body - 1] != '\r')
        fail("body does not start a line", fm.body, src->len);
    if (!fm.present && (fm.nfields || fm.title || fm.nauthors || fm.date))
        fail("values without metadata", fm.nfields, fm.nauthors);
    if (fm.title) {
        check_str("title", fm.title);
        size_t n = strlen(fm.title);
        if (fm.title_off != SIZE_MAX &&
            (fm.title_off > src->len || src->len - fm.title_off < n ||
             memcmp(src->data + fm.title_off, fm.title, n) != 0))
            fail("title not at its offset", fm.title_off, n);
    }
    for (size_t i = 0; i < fm.nauthors; i++)
        check_str("author", fm.authors[i]);
    bool date_key_found = fm.date_key == NULL;
    for (size_t i = 0; i < fm.nfields; i++) {
        const civ_fm_field *f = &fm.fields[i];
        check_str("field key", f->key);
        if (f->off > src->len)
            fail("field offset outside the source", f->off, src->len);
        for (size_t k = 0; k < f->nvalues; k++)
            check_str("field value", f->values[k]);
        if (fm.date_key && strcmp(f->key, fm.date_key) == 0)
            date_key_found = true;
        if (civ_frontmatter_field(&fm, f->key) == NULL)
            fail("field not found by its own key", i, fm.nfields);
    }
    if (fm.date) {
        check_str("date", fm.date);
        if (!fm.date_key)
            fail("date without its key", 0, 0);
    }
    if (!date_key_found)
        fail("date key is not a field", 0, fm.nfields);
    if (fm.error) {
        check_str("error", fm.error);
        if (fm.error_off > src->len)
            fail("error offset outside the source", fm.error_off, src->len);
    }
    civ_postdate d;
    if (civ_post_date(src, &fm, &d)) {
        static const unsigned mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > mdays[d.month - 1])
            fail("not a calendar day", d.month, d.day);
    }
    civ_frontmatter_release(&fm);
    civ_source_free(src);
    return 0;
}
