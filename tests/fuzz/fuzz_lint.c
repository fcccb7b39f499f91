/* fuzz_lint.c - libFuzzer harness for the whole per-file pipeline.
 *
 * Arbitrary bytes go through exactly what `civlint FILE` does with a file:
 * civ_source_from_memory (UTF-8 validation, line index) -> civ_lint (front
 * matter, cmark-gfm, the document model, every check in the check table with
 * the shipped rules/ and the real en_US + house dictionaries, so spelling
 * runs too) -> every output format of the format table. New
 * checks and formats are picked up without editing this file: checks run
 * through civ_lint's table, formats are enumerated from
 * civ_formatter_names(). Output goes to a memory buffer; the sanitizers
 * and the invariants asserted below are the oracle.
 *
 * Invariants checked on every input (abort() on violation, so libFuzzer
 * keeps the input):
 *   - every diagnostic span lies inside the source, start <= end;
 *   - every fix-it span lies inside the source;
 *   - diagnostics come out sorted by position;
 *   - every format's output is valid UTF-8, and without colour it holds no
 *     control character but tab, line feed and carriage return (so no ANSI
 *     escape from a post reaches a terminal) and no C1 or bidirectional
 *     control: safe output holds for formats added later too. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "pipeline/lint.h"
#include "output/output.h"
#include "output/tally.h"
#include "rules/rules.h"
#include "source/source.h"
#include "spell/spell.h"
#include "base/termsafe.h"
#include "base/utf8.h"
#include "base/util.h"
#include "fuzz_common.h"

static civ_rules *g_rules;
static civ_linter g_linter;
static civ_rule_info *g_info;
static size_t g_ninfo;
static const civ_formatter **g_formats;
static size_t g_nformats;
static civ_speller *g_speller;
static unsigned long g_runs;

/* The speller is reopened every SPELLER_RUNS inputs: its verdict and
 * suggestion caches grow with every new word the fuzzer makes up, and a
 * run of many millions of inputs would otherwise reach libFuzzer's RSS
 * limit. (Reopening costs one dictionary load, ~0.3 s under ASan.) */
#define SPELLER_RUNS 20000

const char *civ_fuzz_datadir(void)
{
    const char *env = getenv("CIVLINT_DATADIR");
    return env && *env ? env : CIV_FUZZ_ROOT;
}

/* Every format of src/output/registry.c, from its list of names. */
static void find_formats(void)
{
    char *names = xstrdup(civ_formatter_names());
    size_t cap = 0;
    for (char *save = NULL, *tok = strtok_r(names, ", ", &save); tok;
         tok = strtok_r(NULL, ", ", &save)) {
        const civ_formatter *f = civ_formatter_find(tok);
        if (!f) {
            fprintf(stderr, "fuzz_lint: format '%s' is listed but not found\n", tok);
            abort();
        }
        *CIV_PUSH(g_formats, g_nformats, cap) = f;
    }
    free(names);
}

/* The real en_US dictionary and the house dictionary, as civlint loads
 * them (spell.h finds en_US on $DICPATH or /usr/share/hunspell). */
static void open_speller(void)
{
    civ_speller_free(g_speller);
    char *err = NULL;
    g_speller = civ_speller_new(NULL, NULL, &err);
    if (!g_speller) {
        fprintf(stderr, "fuzz_lint: %s\n", err);
        abort();
    }
    char *house = xasprintf("%s/dictionaries/house.dic", civ_fuzz_datadir());
    if (!civ_speller_add_dic(g_speller, house, &err)) {
        fprintf(stderr, "fuzz_lint: %s\n", err);
        abort();
    }
    free(house);
    g_linter.ctx.speller = g_speller;
}

static void close_speller(void)
{
    civ_speller_free(g_speller);
    g_speller = NULL;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    g_rules = civ_rules_new();
    civ_checks_declare(g_rules);
    char *dir = xasprintf("%s/rules", civ_fuzz_datadir());
    char *err = NULL;
    if (!civ_rules_load_dir(g_rules, dir, &err)) {
        fprintf(stderr, "fuzz_lint: cannot load the shipped rules: %s\n", err);
        abort();
    }
    free(dir);
    civ_linter_init(&g_linter, g_rules);

    open_speller();
    /* the rule list the formats get: the checks, then the pack rules */
    size_t n = civ_rules_count(g_rules);
    g_info = xcalloc(n ? n : 1, sizeof *g_info);
    civ_rule_entry e;
    for (size_t i = 0; civ_rules_entry(g_rules, i, &e); i++)
        g_info[i] = (civ_rule_info){.id = e.id, .description = e.description, .severity = e.severity};
    g_ninfo = n;
    find_formats();
    atexit(close_speller);
    return 0;
}

static void check_invariants(const civ_source *src, const civ_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        const civ_diag *g = &d->items[i];
        if (g->start > g->end || g->end > src->len) {
            fprintf(stderr, "fuzz_lint: [%s] span %zu-%zu outside the source (%zu bytes)\n",
                    g->rule, g->start, g->end, src->len);
            abort();
        }
        for (size_t k = 0; k < g->nfixes; k++) {
            if (g->fixes[k].start > g->fixes[k].end || g->fixes[k].end > src->len) {
                fprintf(stderr, "fuzz_lint: [%s] fix span outside the source\n", g->rule);
                abort();
            }
        }
        if (i && d->items[i - 1].start > g->start) {
            fprintf(stderr, "fuzz_lint: diagnostics not sorted at %zu\n", i);
            abort();
        }
    }
}

static void check_output(const char *format, bool color, const char *out, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t l = civ_utf8_decode((const unsigned char *)out + i, n - i, &cp);
        if (!l) {
            fprintf(stderr, "fuzz_lint: format '%s' wrote invalid UTF-8 at byte %zu\n", format, i);
            abort();
        }
        bool ok_ctl = cp == '\t' || cp == '\n' || cp == '\r' || (color && cp == 0x1B);
        if (civ_term_unsafe(cp) && !ok_ctl) {
            fprintf(stderr, "fuzz_lint: format '%s' wrote control U+%04X at byte %zu\n", format,
                    (unsigned)cp, i);
            abort();
        }
        i += l;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *err = NULL;
    /* The name is part of the input too: formats quote it. */
    civ_source *src = civ_source_from_memory("fuzz \x1b[2J\xe2\x80\xae.md", (const char *)data, size, &err);
    if (!src) {
        free(err);
        return 0;
    }
    if (++g_runs % SPELLER_RUNS == 0)
        open_speller();
    /* Suggestions for one input in eight: hunspell's full suggestion search
     * costs ~40 ms a word (more under ASan), which would slow every input
     * ten-fold; one in eight still runs the suggestion and fix-it paths of
     * every format on a large share of the inputs. */
    g_linter.ctx.suggest = (size & 0x38) == 0x08;
    civ_diags diags;
    civ_diags_init(&diags);
    civ_lint(&g_linter, src, &diags);
    check_invariants(src, &diags);

    civ_file_result ok = {src->name, src, &diags, NULL};
    civ_file_result bad = {"unreadable \x07.md", NULL, NULL, "cannot open 'unreadable \x07.md': denied"};
    civ_tally tally; /* the run's one count, as the driver keeps it */
    civ_tally_init(&tally);
    civ_tally_add(&tally, &ok);
    civ_tally_add(&tally, &bad);
    for (size_t f = 0; f < g_nformats; f++) {
        /* colour and quiet vary with the input so both paths are covered */
        char *buf = NULL;
        size_t len = 0;
        FILE *fp = open_memstream(&buf, &len);
        if (!fp)
            abort();
        bool color = (size & 1) != 0;
        civ_out out = {.fp = fp, .color = color, .quiet = (size & 6) == 6, .rules = g_info, .nrules = g_ninfo};
        g_formats[f]->begin(&out);
        g_formats[f]->file(&out, &ok);
        g_formats[f]->file(&out, &bad);
        g_formats[f]->end(&out, &tally);
        fclose(fp);
        check_output(g_formats[f]->name, color, buf, len);
        free(buf);
    }
    civ_tally_release(&tally);
    civ_diags_release(&diags);
    civ_source_free(src);
    return 0;
}
