/* helpers.h - shared fixtures for the Check unit tests. */
#ifndef CIV_TEST_HELPERS_H
#define CIV_TEST_HELPERS_H

#include <check.h>
#include <string.h>

#include "checks/check.h"
#include "diag/diag.h"
#include "model/document.h"
#include "source/frontmatter.h"
#include "pipeline/lint.h"
#include "rules/rules.h"
#include "source/source.h"

/* A parsed test document: source, front matter and model in one. */
typedef struct {
    civ_source *src;
    civ_frontmatter fm;
    civ_doc *doc;
} tdoc;

/* Parses text (NUL-terminated). Aborts the test on binary input. */
tdoc *tdoc_new(const char *text);
tdoc *tdoc_newn(const char *text, size_t len);
void tdoc_free(tdoc *t);

/* The shipped rules (loaded once from ./rules; tests run from the root). */
const civ_rules *test_rules(void);

/* Writes yaml as p.yml in a fresh temporary folder (its name in dir) and
 * loads it with the checks declared; NULL with *err when it does not load.
 * test_drop_pack removes the file and the folder. */
civ_rules *test_load_pack(const char *yaml, char **err, char *dir, size_t dn);
void test_drop_pack(const char *dir);

/* en_US and the house dictionary, loaded once for the whole test run and
 * freed at exit. Call it from an unchecked fixture (test_speller_fixture)
 * so Check's forked tests share the loaded speller. */
struct civ_speller *test_speller(void);
void test_speller_fixture(void);

/* The speller a post gets (driver/postlang.h) under ctx's settings: ctx's
 * language's speller (from s), then the post md's front matter. Writes
 * to got its language and, after "|", each note as "LINE:COL message". */
struct civ_spellers;
void test_post_spelt(struct civ_spellers *s, civ_ctx *ctx, const char *md, char *got, size_t cap);

/* Lints text with only the named check enabled (NULL: all checks). Returns
 * the source the spans point into; the caller frees it and releases out. */
civ_source *test_lint(const char *text, const char *only, civ_diags *out);

/* "LINE:COL-ENDLINE:ENDCOL" of a span, for compact assertions. */
void span_str(const civ_source *src, size_t s, size_t e, char *buf, size_t n);

/* Finds the first block whose text contains needle; stores the block and
 * the text offset. Returns false when absent. */
int find_text(const civ_doc *doc, const char *needle, const civ_block **b, size_t *t);

#endif
