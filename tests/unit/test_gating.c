/* test_gating.c - inline suppressions (edge cases as a table), baseline
 * fingerprints surviving edits above a finding, --since hunk parsing, and
 * fix-its applied and diffed. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <sys/stat.h>

#include "gate/atomic.h"
#include "gate/baseline.h"
#include "gate/fix.h"
#include "gate/since.h"

/* ---- suppressions ----------------------------------------------------- */

typedef struct {
    const char *name;
    const char *md;
    const char *want; /* "rule@line" of each finding, space-separated, in order */
} sup_case;

/* "# A\n\n## B\n" alone gives empty-section at 1 and 3 (and author-line at 3). */
static const sup_case sups[] = {
    {"no comment", "# A\n\n## B\n", "empty-section@1 author-line@3 empty-section@3"},
    {"disable all, file", "<!-- civlint-disable-file -->\n# A\n\n## B\n", ""},
    {"disable one rule, file", "# A\n\n## B\n<!-- civlint-disable-file author-line -->\n",
     "empty-section@1 empty-section@3"},
    {"next line", "<!-- civlint-disable-next-line empty-section -->\n# A\n\n## B\n",
     "author-line@4 empty-section@4"},
    {"next line is strict", "<!-- civlint-disable-next-line empty-section -->\n\n# A\n\nText.\n",
     "unused-suppression@1 author-line@5"},
    {"range", "# A\n\n<!-- civlint-disable empty-section -->\n## B\n\n<!-- civlint-enable empty-section -->\n## C\n",
     "empty-section@1 author-line@7 empty-section@7"},
    {"range all then enable one", "<!-- civlint-disable -->\n# A\n\n<!-- civlint-enable empty-section -->\n## B\n",
     "empty-section@5"},
    {"two rules, comma and space", "<!-- civlint-disable-file empty-section, author-line -->\n# A\n", ""},
    {"reason after --", "<!-- civlint-disable-file empty-section -- drafts are empty -->\n# A\n\nX Y – Analyst, Org\n",
     ""},
    {"unused rule of two", "<!-- civlint-disable-file empty-section,author-line -->\n# A\n\nX Y – Analyst, Org\n",
     "unused-suppression@1"},
    {"unknown rule", "<!-- civlint-disable-file speling -->\n# A\n\nX Y – Analyst, Org\n",
     "empty-section@2 unused-suppression@1"},
    {"misspelt directive", "<!-- civlint-disabel empty-section -->\n# A\n\nX Y – Analyst, Org\n",
     "empty-section@2 unused-suppression@1"},
    {"enable without disable", "<!-- civlint-enable -->\n\nText.\n\nX Y – Analyst, Org\n",
     "unused-suppression@1"},
    {"inline comment, same line", "Text <!-- civlint-disable-line author-line --> end.\n", ""},
    {"inline range starts at the comment", "## A <!-- civlint-disable empty-section -->\n\n## B\n",
     "author-line@3 empty-section@1"},
    {"comment in code is not a directive", "```\n<!-- civlint-disable-file -->\n```\n\n# A\n",
     "author-line@5 empty-section@5"},
    {"comment in inline code is not a directive", "`<!-- civlint-disable-file -->`\n\n# A\n",
     "author-line@3 empty-section@3"},
    {"in a block quote", "> <!-- civlint-disable-file author-line -->\n\n# A\n", "empty-section@3"},
    {"other comments ignored", "<!-- note to self -->\n\nText.\n\nX Y – Analyst, Org\n", ""},
    {"multi-line comment", "<!--\n  civlint-disable-file\n  author-line\n-->\n\nText.\n", ""},
};

static void describe(const civ_source *src, const civ_diags *d, char *buf, size_t n)
{
    buf[0] = '\0';
    for (size_t i = 0; i < d->n; i++) {
        size_t l, c;
        civ_source_position(src, d->items[i].start, &l, &c);
        size_t len = strlen(buf);
        snprintf(buf + len, n - len, "%s%s@%zu", len ? " " : "", d->items[i].rule, l);
    }
}

START_TEST(test_suppress_table)
{
    const sup_case *c = &sups[_i];
    civ_diags d;
    civ_source *src = test_lint(c->md, NULL, &d);
    char got[512];
    describe(src, &d, got, sizeof got);
    /* the order of the list is by position; compare as sets of words */
    ck_assert_msg(strlen(got) == strlen(c->want), "%s: got '%s', want '%s'", c->name, got, c->want);
    char *copy = strdup(c->want);
    for (char *save = NULL, *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save))
        ck_assert_msg(strstr(got, w), "%s: missing %s in '%s'", c->name, w, got);
    free(copy);
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

/* The unused-suppression finding covers the comment exactly. */
START_TEST(test_unused_span)
{
    civ_diags d;
    civ_source *src = test_lint("Text <!-- civlint-disable-line empty-section --> end.\n\nX Y – Analyst, Org\n",
                                NULL, &d);
    ck_assert_uint_eq(d.n, 1);
    char span[64];
    span_str(src, d.items[0].start, d.items[0].end, span, sizeof span);
    ck_assert_str_eq(span, "1:6-1:48");
    ck_assert_int_eq(d.items[0].severity, CIV_SEV_NOTE);
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

/* ---- baselines -------------------------------------------------------- */

static civ_baseline *baseline_of(const char *md, civ_source **src, civ_diags *d)
{
    *src = test_lint(md, "empty-section", d);
    civ_baseline *b = civ_baseline_new();
    civ_baseline_add(b, "./posts/a.md", *src, d);
    return b;
}

/* Written, read back, and matched after edits above the findings. */
START_TEST(test_baseline_round_trip)
{
    civ_source *src;
    civ_diags d;
    civ_baseline *b = baseline_of("# Title\n\nIntro.\n\n## Empty\n\n## Empty\n\n## Last\n\nText.\n", &src, &d);
    ck_assert_uint_eq(d.n, 2); /* the two identical sections share a fingerprint */
    ck_assert_uint_eq(civ_baseline_total(b), 2);
    char path[] = "/tmp/civlint-baseline-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    char *err = NULL;
    ck_assert_msg(civ_baseline_write(b, path, false, &err), "%s", err ? err : "");
    civ_baseline_free(b);
    civ_diags_release(&d);
    civ_source_free(src);

    civ_baseline *loaded = civ_baseline_load(path, &err);
    ck_assert_msg(loaded != NULL, "%s", err ? err : "");
    /* Paragraphs added above: line numbers move, fingerprints do not. A
     * third identical section is new: the count absorbs only two. */
    src = test_lint("Intro.\n\nMore intro.\n\n# Title\n\nIntro.\n\n## Empty\n\n## Empty\n\n## Empty\n\n## Last\n\nText.\n",
                    "empty-section", &d);
    ck_assert_uint_eq(d.n, 3);
    ck_assert_uint_eq(civ_baseline_filter(loaded, "posts/a.md", src, &d), 2);
    ck_assert_uint_eq(d.n, 1);
    ck_assert_uint_eq(civ_baseline_gone(loaded), 0);
    civ_diags_release(&d);
    civ_source_free(src);
    civ_baseline_free(loaded);

    /* One section filled in: one baselined finding is gone. */
    loaded = civ_baseline_load(path, &err);
    src = test_lint("# Title\n\nIntro.\n\n## Empty\n\nNow text.\n\n## Empty\n\n## Last\n\nText.\n", "empty-section", &d);
    ck_assert_uint_eq(civ_baseline_filter(loaded, "posts/a.md", src, &d), 1);
    ck_assert_uint_eq(d.n, 0);
    ck_assert_uint_eq(civ_baseline_gone(loaded), 1);
    civ_diags_release(&d);
    civ_source_free(src);
    civ_baseline_free(loaded);
    unlink(path);
}
END_TEST

/* The same finding in another file or under another rule is not matched. */
START_TEST(test_baseline_path_and_rule)
{
    civ_source *src;
    civ_diags d;
    civ_baseline *b = baseline_of("# Title\n\nIntro.\n\n## Empty\n\n## Last\n\nText.\n", &src, &d);
    ck_assert_uint_eq(civ_baseline_filter(b, "posts/b.md", src, &d), 0);
    ck_assert_uint_eq(d.n, 1);
    uint64_t fp = civ_fingerprint("posts/a.md", src, &d.items[0]);
    d.items[0].rule = "author-line";
    ck_assert(fp != civ_fingerprint("posts/a.md", src, &d.items[0]));
    civ_baseline_free(b);
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

START_TEST(test_baseline_bad_file)
{
    char path[] = "/tmp/civlint-baseline-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    const char *text = "# civlint baseline 1: x\nnot an entry\n";
    ck_assert_int_eq(write(fd, text, strlen(text)), (int)strlen(text));
    close(fd);
    char *err = NULL;
    ck_assert_ptr_null(civ_baseline_load(path, &err));
    ck_assert_ptr_nonnull(strstr(err, ":2: error: not a baseline entry"));
    free(err);
    /* a first line that is not the header: not a baseline at all */
    FILE *f = fopen(path, "w");
    fputs("# c\n", f);
    fclose(f);
    ck_assert_ptr_null(civ_baseline_load(path, &err));
    ck_assert_ptr_nonnull(strstr(err, ":1: error: not a civlint baseline"));
    free(err);
    unlink(path);
}
END_TEST

/* ---- --since hunks ---------------------------------------------------- */

START_TEST(test_hunks)
{
    const char *diff = "diff --git a/x.md b/x.md\n"
                       "--- a/x.md\n+++ b/x.md\n"
                       "@@ -3 +3 @@ heading\n-old\n+new\n"
                       "@@ -10,0 +11,2 @@\n+a\n+b\n"
                       "@@ -20,3 +22,0 @@\n-x\n-y\n-z\n"
                       "@@ -30,2 +30,3 @@\n+@@ not a header\n";
    civ_changed c;
    civ_changed_init(&c);
    ck_assert(civ_changed_parse(&c, diff, strlen(diff)));
    ck_assert_uint_eq(c.n, 3); /* the pure deletion marks nothing */
    ck_assert(civ_changed_has(&c, 3, 3));
    ck_assert(!civ_changed_has(&c, 4, 10));
    ck_assert(civ_changed_has(&c, 12, 12));
    ck_assert(!civ_changed_has(&c, 13, 29));
    ck_assert(civ_changed_has(&c, 25, 30)); /* a span reaching a changed line */
    ck_assert(civ_changed_has(&c, 32, 32));
    ck_assert(!civ_changed_has(&c, 33, 33));
    civ_changed_release(&c);
    const char *bad = "@@ -a +b @@\n";
    ck_assert(!civ_changed_parse(&c, bad, strlen(bad)));
    civ_changed_release(&c);
}
END_TEST

/* ---- fixes ------------------------------------------------------------ */

START_TEST(test_fix_text)
{
    const char *md = "Intro.\n\nNino Beridze Author of the Blog, Researcher, Civic IDEA\n";
    civ_diags d;
    civ_source *src = test_lint(md, "author-line", &d);
    ck_assert_uint_eq(d.n, 1);
    ck_assert(d.items[0].fixes[0].safe);
    char *out;
    size_t len, n, where;
    ck_assert_int_eq(civ_fix_text(md, strlen(md), 0, &d, &out, &len, &n, &where), CIV_FIX_DONE);
    ck_assert_str_eq(out, "Intro.\n\nNino Beridze \xE2\x80\x93 Author of the Blog, Researcher, Civic IDEA\n");
    civ_buf diff;
    civ_buf_init(&diff);
    civ_fix_diff(&diff, "./p.md", md, strlen(md), out, len);
    ck_assert_str_eq(diff.data, "--- a/p.md\n+++ b/p.md\n@@ -1,3 +1,3 @@\n Intro.\n \n"
                                "-Nino Beridze Author of the Blog, Researcher, Civic IDEA\n"
                                "+Nino Beridze \xE2\x80\x93 Author of the Blog, Researcher, Civic IDEA\n");
    civ_buf_release(&diff);
    free(out);
    /* an unsafe fix is never applied; overlapping safe fixes apply none */
    d.items[0].fixes[0].safe = false;
    ck_assert_int_eq(civ_fix_text(md, strlen(md), 0, &d, &out, &len, &n, &where), CIV_FIX_NOTHING);
    d.items[0].fixes[0].safe = true;
    civ_diag_fix(&d.items[0], 0, 5, "X")->safe = true;
    civ_diag_fix(&d.items[0], 3, 6, "Y")->safe = true;
    ck_assert_int_eq(civ_fix_text(md, strlen(md), 0, &d, &out, &len, &n, &where), CIV_FIX_OVERLAP);
    ck_assert_uint_eq(where, 3);
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

/* Two changes far apart: two hunks; close together: one; no final newline. */
START_TEST(test_diff_hunks)
{
    const char *a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\nlast";
    const char *b = "1\nTWO\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\nLAST";
    civ_buf diff;
    civ_buf_init(&diff);
    civ_fix_diff(&diff, "f", a, strlen(a), b, strlen(b));
    ck_assert_str_eq(diff.data, "--- a/f\n+++ b/f\n"
                                "@@ -1,5 +1,5 @@\n 1\n-2\n+TWO\n 3\n 4\n 5\n"
                                "@@ -13,4 +13,4 @@\n 13\n 14\n 15\n-last\n\\ No newline at end of file\n"
                                "+LAST\n\\ No newline at end of file\n");
    civ_buf_release(&diff);
    const char *c = "1\n2\n3\n4\n5\n6\n7\n8\n";
    const char *e = "1\nX\n3\n4\n5\n6\nY\n8\n";
    civ_buf_init(&diff);
    civ_fix_diff(&diff, "f", c, strlen(c), e, strlen(e));
    ck_assert_str_eq(diff.data, "--- a/f\n+++ b/f\n@@ -1,8 +1,8 @@\n 1\n-2\n+X\n 3\n 4\n 5\n 6\n-7\n+Y\n 8\n");
    civ_buf_release(&diff);
}
END_TEST

/* Atomic writes keep an existing file's mode and a symlink stays a link. */
START_TEST(test_write_atomic)
{
    char dir[] = "/tmp/civlint-atomic-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256], link[256];
    snprintf(path, sizeof path, "%s/a.md", dir);
    snprintf(link, sizeof link, "%s/l.md", dir);
    char *err = NULL;
    ck_assert(civ_atomic_write(path, "one\n", 4, &err));
    ck_assert_int_eq(chmod(path, 0604), 0);
    ck_assert_int_eq(symlink("a.md", link), 0);
    ck_assert_msg(civ_atomic_write(link, "two\n", 4, &err), "%s", err ? err : "");
    struct stat st;
    ck_assert_int_eq(lstat(link, &st), 0);
    ck_assert(S_ISLNK(st.st_mode));
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0604);
    ck_assert_int_eq(st.st_size, 4);
    FILE *f = fopen(path, "r");
    char buf[8] = {0};
    ck_assert_uint_eq(fread(buf, 1, sizeof buf - 1, f), 4);
    fclose(f);
    ck_assert_str_eq(buf, "two\n");
    /* a folder that does not exist: an error, nothing created */
    char bad[300];
    snprintf(bad, sizeof bad, "%s/no/such.md", dir);
    ck_assert(!civ_atomic_write(bad, "x", 1, &err));
    ck_assert_ptr_nonnull(strstr(err, "cannot write"));
    free(err);
    unlink(link);
    unlink(path);
    ck_assert_int_eq(rmdir(dir), 0); /* no temporary file left behind */
}
END_TEST

Suite *suite_gating(void)
{
    Suite *s = suite_create("gating");
    TCase *tc = tcase_create("gating");
    tcase_add_loop_test(tc, test_suppress_table, 0, sizeof sups / sizeof *sups);
    tcase_add_test(tc, test_unused_span);
    tcase_add_test(tc, test_baseline_round_trip);
    tcase_add_test(tc, test_baseline_path_and_rule);
    tcase_add_test(tc, test_baseline_bad_file);
    tcase_add_test(tc, test_hunks);
    tcase_add_test(tc, test_fix_text);
    tcase_add_test(tc, test_diff_hunks);
    tcase_add_test(tc, test_write_atomic);
    suite_add_tcase(s, tc);
    return s;
}
