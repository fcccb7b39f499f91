/* helpers.c - see helpers.h. */
#include "helpers.h"

#include "spell/spell.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "driver/postlang.h"
#include "output/output.h"
#include "rules/pattern.h"

tdoc *tdoc_newn(const char *text, size_t len)
{
    tdoc *t = calloc(1, sizeof *t);
    char *err = NULL;
    t->src = civ_source_from_memory("test.md", text, len, &err);
    ck_assert_msg(t->src != NULL, "source: %s", err ? err : "?");
    civ_frontmatter_parse(t->src, &t->fm);
    t->doc = civ_doc_parse(t->src, &t->fm);
    return t;
}

tdoc *tdoc_new(const char *text)
{
    return tdoc_newn(text, strlen(text));
}

void tdoc_free(tdoc *t)
{
    civ_doc_free(t->doc);
    civ_frontmatter_release(&t->fm);
    civ_source_free(t->src);
    free(t);
}

static civ_rules *rules;

static void free_rules(void)
{
    civ_rules_free(rules);
    civ_pattern_thread_cleanup();
}

const civ_rules *test_rules(void)
{
    if (!rules) {
        char *err = NULL;
        rules = civ_rules_new();
        civ_checks_declare(rules);
        if (!civ_rules_load_dir(rules, "rules", &err)) {
            fprintf(stderr, "%s\n", err);
            abort();
        }
        atexit(free_rules);
    }
    return rules;
}

civ_source *test_lint(const char *text, const char *only, civ_diags *out)
{
    civ_linter l;
    civ_linter_init(&l, test_rules());
    civ_policy pol; /* with `only`: every other check off */
    civ_policy_init(&pol);
    if (only)
        civ_linter_only(&l, &pol, only);
    char *err = NULL;
    civ_source *src = civ_source_from_memory("test.md", text, strlen(text), &err);
    ck_assert_ptr_nonnull(src);
    civ_diags_init(out);
    civ_lint(&l, src, out);
    civ_policy_release(&pol);
    return src;
}

void span_str(const civ_source *src, size_t s, size_t e, char *buf, size_t n)
{
    size_t l, c, el, ec;
    civ_source_position(src, s, &l, &c);
    civ_span_end(CIV_COLUMNS_CODEPOINTS, src, s, e, &el, &ec);
    snprintf(buf, n, "%zu:%zu-%zu:%zu", l, c, el, ec);
}

int find_text(const civ_doc *doc, const char *needle, const civ_block **b, size_t *t)
{
    for (size_t i = 0; i < doc->nblocks; i++) {
        const char *p = strstr(doc->blocks[i].text, needle);
        if (p) {
            *b = &doc->blocks[i];
            *t = (size_t)(p - doc->blocks[i].text);
            return 1;
        }
    }
    return 0;
}

static civ_speller *shared_speller;

static void free_speller(void)
{
    civ_speller_free(shared_speller);
}

civ_speller *test_speller(void)
{
    if (!shared_speller) {
        char *err = NULL;
        shared_speller = civ_speller_new("en_US", NULL, &err);
        ck_assert_msg(shared_speller != NULL, "%s", err ? err : "?");
        ck_assert(civ_speller_add_dic(shared_speller, "dictionaries/house.dic", &err));
        atexit(free_speller);
    }
    return shared_speller;
}

void test_speller_fixture(void)
{
    test_speller();
}

/* Writes a pack to a fresh temporary folder and loads it. */
civ_rules *test_load_pack(const char *yaml, char **err, char *dir, size_t dn)
{
    snprintf(dir, dn, "/tmp/civlint-test-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char *path = xasprintf("%s/p.yml", dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(yaml, f);
    fclose(f);
    civ_rules *r = civ_rules_new();
    civ_checks_declare(r);
    *err = NULL;
    if (!civ_rules_load_dir(r, dir, err)) {
        civ_rules_free(r);
        r = NULL;
    }
    free(path);
    return r;
}

void test_drop_pack(const char *dir)
{
    char *path = xasprintf("%s/p.yml", dir);
    unlink(path);
    rmdir(dir);
    free(path);
}

void test_post_spelt(civ_spellers *s, civ_ctx *ctx, const char *md, char *got, size_t cap)
{
    char *err = NULL;
    ctx->speller = civ_spellers_get(s, ctx->lang, NULL, 0, &err);
    ck_assert_msg(ctx->speller != NULL, "%s", err ? err : "?");
    civ_source *src = civ_source_from_memory("t.md", md, strlen(md), &err);
    ck_assert_ptr_nonnull(src);
    civ_diags d;
    civ_diags_init(&d);
    civ_post_speller(s, ctx, src, &d);
    size_t o = (size_t)snprintf(got, cap, "%s", civ_speller_lang(ctx->speller));
    for (size_t i = 0; i < d.n && o < cap; i++) {
        size_t line, col;
        civ_source_position(src, d.items[i].start, &line, &col);
        o += (size_t)snprintf(got + o, cap - o, "|%zu:%zu %s", line, col, d.items[i].message);
    }
    civ_diags_release(&d);
    civ_source_free(src);
}
