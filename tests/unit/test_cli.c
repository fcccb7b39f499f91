/* test_cli.c - the option table (src/driver/cli.c) and the stderr reporter
 * (src/driver/report.c).
 *
 * The table is the one place an option is defined, so these tests hold it
 * to that: every shown option is in --help and in the man page, no name is
 * taken twice, the man page's OPTIONS section in civlint.1 is what the
 * table generates, and parsing fills civ_options through the handlers. The
 * reporter must escape what it prints and keep located multi-line errors
 * (a rule pack's caret) as they are. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "driver/cli.h"
#include "output/output.h"
#include "driver/report.h"

/* What fn prints to a FILE, as a heap string. */
static char *capture(void (*fn)(FILE *))
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(fp);
    fn(fp);
    fclose(fp);
    return buf;
}

static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        fwrite(chunk, 1, n, out);
    fclose(fp);
    fclose(out);
    return buf;
}

/* ---- the table ---------------------------------------------------------- */

START_TEST(test_names_unique)
{
    size_t n;
    const civ_cli_option *t = civ_cli_table(&n);
    for (size_t i = 0; i < n; i++) {
        if (t[i].kind != CIV_CLI_OPTION)
            continue;
        ck_assert_msg(t[i].name || t[i].short_name, "row %zu has no name", i);
        ck_assert_msg(t[i].fn, "row %zu has no handler", i);
        ck_assert_msg(t[i].section && *t[i].section, "row %zu has no section", i);
        for (size_t j = i + 1; j < n; j++) {
            if (t[j].kind != CIV_CLI_OPTION)
                continue;
            if (t[i].name && t[j].name)
                ck_assert_msg(strcmp(t[i].name, t[j].name) != 0, "--%s twice", t[i].name);
            if (t[i].short_name)
                ck_assert_msg(t[i].short_name != t[j].short_name, "-%c twice", t[i].short_name);
        }
    }
}
END_TEST

START_TEST(test_help_lists_every_option)
{
    char *help = capture(civ_cli_print_help);
    char *man = capture(civ_cli_print_man);
    size_t n, shown = 0;
    const civ_cli_option *t = civ_cli_table(&n);
    for (size_t i = 0; i < n; i++) {
        if (t[i].kind != CIV_CLI_OPTION || !civ_cli_help(&t[i]))
            continue;
        shown++;
        char want[128], want_man[160];
        if (t[i].name) {
            snprintf(want, sizeof want, "--%s%s", t[i].name,
                     !t[i].arg ? "" : t[i].optional ? "[=" : "=");
            /* the man page escapes hyphens: \-\-stdin\-filename */
            size_t k = (size_t)snprintf(want_man, sizeof want_man, "\\fB\\-\\-");
            for (const char *p = t[i].name; *p && k + 3 < sizeof want_man; p++)
                k += (size_t)snprintf(want_man + k, sizeof want_man - k, *p == '-' ? "\\-" : "%c", *p);
        } else {
            snprintf(want, sizeof want, "  -%c ", t[i].short_name);
            snprintf(want_man, sizeof want_man, "\\fB\\-%c\\fR", t[i].short_name);
        }
        ck_assert_msg(strstr(help, want), "'%s' is not in --help", want);
        ck_assert_msg(strstr(man, want_man), "'%s' is not in the man page", want_man);
        if (t[i].short_name && t[i].name) {
            snprintf(want, sizeof want, "  -%c, --%s", t[i].short_name, t[i].name);
            ck_assert_msg(strstr(help, want), "'%s' is not in --help", want);
        }
        if (t[i].arg)
            ck_assert_msg(strstr(help, t[i].arg), "%s is not in --help", t[i].arg);
    }
    ck_assert_uint_ge(shown, 30);
    /* a hidden row stays hidden */
    ck_assert_ptr_null(strstr(help, "--colour"));
    ck_assert_ptr_null(strstr(help, "--help-man"));
    free(help);
    free(man);
}
END_TEST

/* --format's help is made from the formats' table: every format is named
 * in --help and in the man page, so adding one needs no edit in cli.c. */
START_TEST(test_help_names_every_format)
{
    char *help = capture(civ_cli_print_help);
    char *man = capture(civ_cli_print_man);
    size_t n;
    const civ_formatter *const *f = civ_formatters(&n);
    ck_assert_uint_ge(n, 9);
    for (size_t i = 0; i < n; i++) {
        ck_assert_msg(strstr(help, f[i]->name), "format '%s' is not in --help", f[i]->name);
        ck_assert_msg(strstr(man, f[i]->name), "format '%s' is not in the man page", f[i]->name);
        if (f[i]->summary)
            ck_assert_msg(strstr(help, f[i]->summary), "'%s' is not in --help", f[i]->summary);
        ck_assert_msg(strstr(civ_formatter_names(), f[i]->name), "'%s' not in the names", f[i]->name);
    }
    free(help);
    free(man);
}
END_TEST

START_TEST(test_help_layout)
{
    char *help = capture(civ_cli_print_help);
    ck_assert_msg(strncmp(help, "usage: civlint [OPTIONS] [PATH...]\n", 35) == 0, "%s", help);
    /* the help text starts at column 26, or 29 after a long synopsis */
    ck_assert_ptr_nonnull(strstr(help, "\n  -f, --format=FORMAT     gcc (default), json,"));
    ck_assert_ptr_nonnull(strstr(help, "\n      --stdin-filename=NAME  name shown for standard input"));
    ck_assert_ptr_nonnull(strstr(help, "\n      --enable=RULE[,RULE]   turn these rules on"));
    ck_assert_ptr_nonnull(strstr(help, "\n                          (house.kyiv), a whole pack"));
    ck_assert_ptr_nonnull(strstr(help, "\n  -W RULE=LEVEL           set a rule to error"));
    ck_assert_ptr_nonnull(strstr(help, "\n\nGating:\n      --fail-on=SEVERITY  exit 1"));
    size_t len = strlen(help);
    ck_assert_msg(len > 2 && help[len - 1] == '\n' && help[len - 2] != '\n', "ends with one newline");
    free(help);
}
END_TEST

/* civlint.1 holds exactly what the table generates (tests/man-options
 * checks the same from the shell and rewrites it with --update). */
START_TEST(test_man_page_matches_table)
{
    char *page = slurp("civlint.1");
    ck_assert_msg(page != NULL, "civlint.1 not found (tests run from the source root)");
    char *man = capture(civ_cli_print_man);
    const char *at = strstr(page, "\n.SH OPTIONS\n");
    ck_assert_ptr_nonnull(at);
    at++;
    const char *end = strstr(at + 1, "\n.SH ");
    ck_assert_ptr_nonnull(end);
    size_t n = (size_t)(end + 1 - at);
    ck_assert_msg(strlen(man) == n && memcmp(man, at, n) == 0,
                  "civlint.1's OPTIONS section differs from the option table; run "
                  "tests/man-options --update ./civlint");
    free(man);
    free(page);
}
END_TEST

/* The README's option tables (civlint --help-markdown) have one row per
 * shown option, hide what --help hides, and escape what Markdown would
 * read as markup: the "<!-- civlint-words -->" of --words' help would
 * otherwise be an HTML comment and vanish from the rendered README. */
START_TEST(test_markdown_rows)
{
    char *md = capture(civ_cli_print_markdown);
    size_t n, shown = 0, rows = 0;
    const civ_cli_option *t = civ_cli_table(&n);
    for (size_t i = 0; i < n; i++) {
        if (t[i].kind != CIV_CLI_OPTION || !civ_cli_help(&t[i]))
            continue;
        shown++;
        char want[128];
        if (t[i].name)
            snprintf(want, sizeof want, "%s--%s%s`", t[i].short_name ? ", " : "| `", t[i].name,
                     !t[i].arg ? "" : t[i].optional ? "[=" : "=");
        else
            snprintf(want, sizeof want, "| `-%c %s` |", t[i].short_name, t[i].arg);
        if (t[i].arg && t[i].name)
            want[strlen(want) - 1] = '\0'; /* the argument's name follows */
        ck_assert_msg(strstr(md, want), "'%s' is not in the Markdown", want);
    }
    for (const char *p = md; (p = strstr(p, "\n| `-")); p++)
        rows++;
    ck_assert_uint_eq(rows, shown);
    ck_assert_ptr_null(strstr(md, "--colour"));
    ck_assert_ptr_null(strstr(md, "--help-man"));
    ck_assert_ptr_null(strchr(md, '<'));
    ck_assert_ptr_nonnull(strstr(md, "&lt;!-- civlint-words: Word1 Word2 --&gt;"));
    ck_assert_ptr_nonnull(strstr(md, "a comma-separated list"));
    ck_assert_ptr_nonnull(strstr(md, "NO\\_COLOR"));
    free(md);
}
END_TEST

START_TEST(test_man_escapes)
{
    char *man = capture(civ_cli_print_man);
    for (const char *p = man; (p = strchr(p, '\n')); p++)
        if (p[1] == '\'' || (p[1] == '.' && !(p[2] == 'T' || p[2] == 'S' || p[2] == '\\')))
            ck_abort_msg("a text line starts a request: %.40s", p + 1);
    ck_assert_ptr_nonnull(strstr(man, "\n\\&.civlint.yml above each file\n"));
    free(man);
}
END_TEST

/* ---- parsing ------------------------------------------------------------ */

static int parse(civ_options *o, char *const *args)
{
    /* static: civ_cli_parse keeps o->paths pointing into argv, which
     * must outlive this call (a local array left them dangling, and ASan
     * caught the read once the test passed more arguments) */
    static char *argv[32];
    int argc = 0;
    argv[argc++] = "civlint";
    for (; *args; args++)
        argv[argc++] = *args;
    argv[argc] = NULL;
    civ_options_init(o);
    return civ_cli_parse(o, argc, argv);
}

START_TEST(test_parse_fields)
{
    civ_options o;
    char *args[] = {"--summary", "-q", "-j", "4", "--words", "a.txt", "--words=b.txt",
                    "--no-default-rules", "--rules", "r", "--baseline", "base", "--fix",
                    "-f", "json", "--suggest=full", "--acronym-max", "3", "--columns=utf16", "x.md", "y.md", NULL};
    ck_assert_int_eq(parse(&o, args), CIV_CLI_RUN);
    ck_assert(o.summary && o.quiet && o.gate.fix && !o.gate.diff);
    ck_assert(!o.default_rules);
    ck_assert_uint_eq(o.jobs, 4);
    ck_assert_uint_eq(o.words.n, 2);
    ck_assert_str_eq(o.words.items[1], "b.txt");
    ck_assert_uint_eq(o.rule_dirs.n, 1);
    ck_assert_str_eq(o.gate.baseline, "base");
    ck_assert_str_eq(o.fmt->name, "json");
    ck_assert(o.full_suggest && !o.no_suggest);
    ck_assert_int_eq(o.acronym_max, 3);
    ck_assert_int_eq(o.columns, CIV_COLUMNS_UTF16);
    ck_assert_uint_eq(o.npaths, 2);
    ck_assert_str_eq(o.paths[1], "y.md");
    civ_options_release(&o);
}
END_TEST

START_TEST(test_parse_defaults)
{
    civ_options o;
    char *args[] = {NULL};
    ck_assert_int_eq(parse(&o, args), CIV_CLI_RUN);
    ck_assert_str_eq(o.fmt->name, "gcc");
    ck_assert_int_eq(o.color, -1);
    ck_assert_int_eq(o.fail_on, CIV_SEV_WARNING);
    ck_assert(o.default_rules);
    ck_assert_int_eq(o.max_warnings, -1);
    ck_assert_int_eq(o.columns, CIV_COLUMNS_CODEPOINTS);
    ck_assert_uint_eq(o.npaths, 0);
    civ_options_release(&o);
}
END_TEST

typedef struct {
    const char *args[4];
    const char *err; /* the whole of stderr */
} bad_case;

static const bad_case bad_cases[] = {
    {{"--nope"}, "civlint: error: unknown option '--nope' (see civlint --help)\n"},
    {{"--format"}, "civlint: error: option '--format' needs a value\n"},
    {{"-W", "empty-section=loud"}, "civlint: error: -W takes RULE=error|warning|note|off|on, not 'empty-section=loud'\n"},
    {{"-j", "-1"}, "civlint: error: -j takes a number of threads from 0 to 1024, not '-1'\n"},
    {{"--color=\033[2J"}, "civlint: error: --color takes auto, always or never, not '\\x1B[2J'\n"},
    {{"--columns=utf8"}, "civlint: error: --columns must be codepoints, bytes or utf16, not 'utf8'\n"},
    {{"--fix", "--diff"}, "civlint: error: --fix and --diff cannot be combined (--diff shows what --fix would do)\n"},
    {{"--link-base=javascript:alert(1)"},
     "civlint: error: --link-base takes an http(s) URL or a relative path, not 'javascript:alert(1)': "
     "only http:// and https:// URLs (with a host) are links\n"},
};

START_TEST(test_parse_errors)
{
    const bad_case *c = &bad_cases[_i];
    char *err = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&err, &len);
    civ_report_set_stream(fp);
    civ_options o;
    ck_assert_int_eq(parse(&o, (char *const *)c->args), CIV_EXIT_TROUBLE);
    civ_report_set_stream(NULL);
    fclose(fp);
    ck_assert_str_eq(err, c->err);
    free(err);
    civ_options_release(&o);
}
END_TEST

/* ---- the reporter ------------------------------------------------------- */

static FILE *g_fp;
static char *g_buf;
static size_t g_len;

static void rep_begin(void)
{
    g_fp = open_memstream(&g_buf, &g_len);
    civ_report_set_stream(g_fp);
}

static char *rep_end(void)
{
    civ_report_set_stream(NULL);
    fclose(g_fp);
    return g_buf;
}

START_TEST(test_report_escapes)
{
    rep_begin();
    civ_report_error("cannot open '%s': %s", "a\033]0;pwned\007b\nc\xe2\x80\xae" "d", "gone");
    civ_report_warning("%s", "tab\there"); /* a control character too (termsafe.h) */
    civ_report_note("wrote %d findings to baseline '%s'", 2, "b\033[31m");
    civ_report_line("%d errors", 0);
    char *out = rep_end();
    ck_assert_str_eq(out, "civlint: error: cannot open 'a\\x1B]0;pwned\\x07b\\x0Ac\\u{202E}d': gone\n"
                          "civlint: warning: tab\\x09here\n"
                          "civlint: wrote 2 findings to baseline 'b\\x1B[31m'\n"
                          "0 errors\n");
    free(out);
}
END_TEST

/* GitHub's runner reads stderr too: a file name or a quoted line cannot
 * become a workflow command ("##[" anywhere, "::" first on a line). */
START_TEST(test_report_workflow_commands)
{
    rep_begin();
    civ_report_error("cannot open '%s': %s", "##[error]x.md", "gone");
    civ_report_warning("%s", "a##[set-env name=A]b ::warning::c");
    civ_report_located("%s", "::error file=a::x/r.yml:2:8: error: bad\n"
                             "  ::notice::y\n"
                             "    2 | ##[warning]z");
    civ_report_line("%s", " ::error::w");
    char *out = rep_end();
    ck_assert_str_eq(out, "civlint: error: cannot open '##\\x5Berror]x.md': gone\n"
                          "civlint: warning: a##\\x5Bset-env name=A]b ::warning::c\n"
                          "\\x3A:error file=a::x/r.yml:2:8: error: bad\n"
                          "civlint: error:   ::notice::y\n"
                          "    2 | ##\\x5Bwarning]z\n"
                          " \\x3A:error::w\n");
    free(out);
}
END_TEST

START_TEST(test_report_error_lines)
{
    rep_begin();
    civ_report_error_lines("%s", "no dictionary 'xx'\ncannot open 'y'");
    char *out = rep_end();
    ck_assert_str_eq(out, "civlint: error: no dictionary 'xx'\n"
                          "civlint: error: cannot open 'y'\n");
    free(out);
}
END_TEST

/* A rule pack's error as civ_rules_load_dir joins them: located lines, the
 * source line and the caret stay as they are; a line with no position gets
 * the prefix. */
START_TEST(test_report_located)
{
    rep_begin();
    civ_report_located("%s", "r/a.yml:6:19: error: bad pattern in rule 'x.a': missing )\n"
                             "    6 |     pattern: \"ab(c\"\n"
                             "      |                   ^\n"
                             "r/b\033.yml:2:8: error: 'rules' must be a list\n"
                             "rule file cannot read 'r/c.yml'\n"
                             "cannot open rules folder 'q'");
    civ_report_located("%s", "base.txt:3: error: not a baseline entry");
    char *out = rep_end();
    ck_assert_str_eq(out, "r/a.yml:6:19: error: bad pattern in rule 'x.a': missing )\n"
                          "    6 |     pattern: \"ab(c\"\n"
                          "      |                   ^\n"
                          "r/b\\x1B.yml:2:8: error: 'rules' must be a list\n"
                          "civlint: error: rule file cannot read 'r/c.yml'\n"
                          "civlint: error: cannot open rules folder 'q'\n"
                          "base.txt:3: error: not a baseline entry\n");
    free(out);
}
END_TEST

Suite *suite_cli(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("table");
    tcase_add_test(tc, test_names_unique);
    tcase_add_test(tc, test_help_lists_every_option);
    tcase_add_test(tc, test_help_names_every_format);
    tcase_add_test(tc, test_help_layout);
    tcase_add_test(tc, test_man_page_matches_table);
    tcase_add_test(tc, test_man_escapes);
    tcase_add_test(tc, test_markdown_rows);
    suite_add_tcase(s, tc);
    TCase *tp = tcase_create("parse");
    tcase_add_test(tp, test_parse_fields);
    tcase_add_test(tp, test_parse_defaults);
    tcase_add_loop_test(tp, test_parse_errors, 0, sizeof bad_cases / sizeof *bad_cases);
    suite_add_tcase(s, tp);
    TCase *tr = tcase_create("report");
    tcase_add_test(tr, test_report_escapes);
    tcase_add_test(tr, test_report_workflow_commands);
    tcase_add_test(tr, test_report_error_lines);
    tcase_add_test(tr, test_report_located);
    suite_add_tcase(s, tr);
    return s;
}
