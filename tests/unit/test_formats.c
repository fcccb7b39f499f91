/* test_formats.c - the output formats' escaping and columns, checked on
 * exact strings: GitHub workflow-command escaping as @actions/core does it,
 * XML/HTML/URI/Markdown escaping, reviewdog byte columns and SARIF's
 * exclusive endColumn on multi-byte text, and GitHub's 10-per-level
 * annotation limit. Each formatter is driven directly with a hand-made
 * diagnostic, so the test pins the format, not a check. */
#include <stdio.h>
#include <stdlib.h>

#include "output/output.h"
#include "output/columns.h"
#include "output/escape.h"
#include "output/tally.h"
#include "base/termsafe.h"
#include "base/utf8.h"
#include "base/util.h"
#include "helpers.h"

typedef void (*escaper)(FILE *, const char *, size_t);

typedef struct {
    const char *name;
    escaper fn;
    const char *in;
    const char *want;
} esc_case;

static const esc_case esc_cases[] = {
    /* @actions/core escapeData: % CR LF only */
    {"gh data plain", civ_gh_escape_data, "section 'x' is empty", "section 'x' is empty"},
    {"gh data percent first", civ_gh_escape_data, "100%\r\n", "100%25%0D%0A"},
    {"gh data keeps : and ,", civ_gh_escape_data, "a: b, c", "a: b, c"},
    {"gh data forged command", civ_gh_escape_data, "x\n::error::owned", "x%0A::error::owned"},
    {"gh data already escaped", civ_gh_escape_data, "%0A", "%250A"},
    {"gh data ESC byte", civ_gh_escape_data, "a\x1b[31mb", "a\xEF\xBF\xBD[31mb"},
    {"gh data multibyte", civ_gh_escape_data, "Tbilisi \xE2\x80\x93 \xD0\xA2", "Tbilisi \xE2\x80\x93 \xD0\xA2"},
    /* escapeProperty: also : and , */
    {"gh property", civ_gh_escape_property, "a:b,c%d\ne", "a%3Ab%2Cc%25d%0Ae"},
    {"gh property path", civ_gh_escape_property, "posts/a,b:c.md", "posts/a%2Cb%3Ac.md"},
    {"gh property invalid UTF-8", civ_gh_escape_property, "a\xFF" "b", "a\xEF\xBF\xBD" "b"},
    /* XML */
    {"xml specials", civ_xml_escape, "<a href=\"x\">&'</a>", "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"},
    {"xml newline tab", civ_xml_escape, "a\nb\tc\r", "a&#10;b&#9;c&#13;"},
    {"xml control not allowed", civ_xml_escape, "a\x01" "b\x7F", "a\xEF\xBF\xBD" "b\xEF\xBF\xBD"},
    {"xml bidi override", civ_xml_escape, "a\xE2\x80\xAE" "b", "a\xEF\xBF\xBD" "b"},
    /* HTML */
    {"html script", civ_html_escape, "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
    {"html attribute break", civ_html_escape, "\" onload='x'", "&quot; onload=&#39;x&#39;"},
    {"html bidi visible", civ_html_escape, "\xE2\x80\xAE", "<span class=\"ctl\">\\u{202E}</span>"},
    {"html invalid byte", civ_html_escape, "\xC3(", "\xEF\xBF\xBD("},
    /* Markdown table cells */
    {"md pipe and code", civ_md_cell, "a|b`c*d_<e>", "a\\|b\\`c\\*d\\_&lt;e&gt;"},
    {"md newline", civ_md_cell, "a\nb", "a\xEF\xBF\xBD" "b"},
    /* JSON (json, sarif, rdjsonl, codeclimate) */
    {"json quotes", civ_json_str, "a\"b\\c", "\"a\\\"b\\\\c\""},
    {"json controls", civ_json_str, "\n\t\x01\x7f", "\"\\n\\t\\u0001\\u007f\""},
    {"json bidi and line separator", civ_json_str, "\xE2\x80\xAE\xE2\x80\xA8", "\"\\u202e\\u2028\""},
    {"json invalid UTF-8", civ_json_str, "a\xFF\xC3", "\"a\\ufffd\\ufffd\""},
    {"json keeps valid UTF-8", civ_json_str, "\xD0\xA2\xF0\x9F\x98\x80", "\"\xD0\xA2\xF0\x9F\x98\x80\""},
    /* terminal text: base/termsafe.h, tested in test_hardening.c */
};

static char *run_escaper(escaper fn, const char *in)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    fn(fp, in, strlen(in));
    fclose(fp);
    return buf;
}

START_TEST(test_escape_table)
{
    const esc_case *c = &esc_cases[_i];
    char *got = run_escaper(c->fn, c->in);
    ck_assert_msg(strcmp(got, c->want) == 0, "%s: got '%s', want '%s'", c->name, got, c->want);
    free(got);
}
END_TEST

START_TEST(test_uri_path)
{
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"posts/a.md", "posts/a.md"},
        {"./posts/a b.md", "posts/a%20b.md"},
        {"posts/\xC3\xA9t\xC3\xA9.md", "posts/%C3%A9t%C3%A9.md"},
        {"/srv/p#1?.md", "file:///srv/p%231%3F.md"},
        {"a\"<>.md", "a%22%3C%3E.md"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *fp = open_memstream(&buf, &len);
        civ_uri_path(fp, cases[i].in);
        fclose(fp);
        ck_assert_str_eq(buf, cases[i].want);
        free(buf);
    }
}
END_TEST

/* A run of formatter f over one file, as the driver does it: the run's
 * one tally counts the file and end() receives it. */
static void run_one(const civ_formatter *f, civ_out *out, const civ_file_result *r)
{
    civ_tally t;
    civ_tally_init(&t);
    f->begin(out);
    civ_tally_add(&t, r);
    f->file(out, r);
    f->end(out, &t);
    ck_assert_ptr_null(out->state); /* end() freed what begin() kept */
    civ_tally_release(&t);
}

/* Runs formatter `name` over one file holding `text` with one diagnostic
 * at the first occurrence of `span` (a fix replacing it with `fix` when
 * not NULL). Returns the whole output; the caller frees it. */
static char *format_named(const char *name, const char *path, const char *text, const char *span,
                          const char *fix)
{
    char *err = NULL;
    civ_source *src = civ_source_from_memory(path, text, strlen(text), &err);
    ck_assert_ptr_nonnull(src);
    const char *at = strstr(src->data, span);
    ck_assert_ptr_nonnull(at);
    size_t s = (size_t)(at - src->data), e = s + strlen(span);
    civ_diags diags;
    civ_diags_init(&diags);
    civ_diag *d = civ_diag_add(&diags, "spelling", CIV_SEV_WARNING, s, e, "unknown word '%s'", span);
    if (fix)
        civ_diag_fix(d, s, e, fix);
    char *buf = NULL;
    size_t len = 0;
    civ_out out = {open_memstream(&buf, &len), false, false, NULL, 0, NULL, 0, NULL};
    const civ_formatter *f = civ_formatter_find(name);
    ck_assert_ptr_nonnull(f);
    civ_file_result r = {src->name, src, &diags, NULL};
    run_one(f, &out, &r);
    fclose(out.fp);
    civ_diags_release(&diags);
    civ_source_free(src);
    return buf;
}

static char *format_one(const char *name, const char *text, const char *span, const char *fix)
{
    return format_named(name, "posts/t\xC3\xA9st.md", text, span, fix);
}

/* A file named a<TAB>b.md: the gcc header and the summary table used to
 * disagree (a raw tab in one, a\x09b.md in the other). Every terminal
 * format shows the path the same way now. */
START_TEST(test_tab_in_file_name)
{
    char *gcc = format_named("gcc", "posts/a\tb.md", "The goverment said.\n", "goverment", NULL);
    const char *want = "posts/a\\x09b.md:1:5: warning: ";
    ck_assert_msg(strncmp(gcc, want, strlen(want)) == 0, "gcc: %s", gcc);
    free(gcc);
    char *sum = format_named("summary", "posts/a\tb.md", "The goverment said.\n", "goverment", NULL);
    ck_assert_msg(strstr(sum, "\nposts/a\\x09b.md "), "summary: %s", sum);
    ck_assert_msg(!strchr(sum, '\t'), "summary: %s", sum);
    free(sum);
}
END_TEST

/* The summary pads names by display columns, as the gcc caret line counts
 * them (base/termsafe.h's one width): a wide CJK path takes two columns a
 * character, a combining mark none, an escaped control its escape. */
START_TEST(test_summary_display_columns)
{
    static const char *const paths[] = {"posts/\xE4\xB8\xAD\xE6\x96\x87.md", "posts/cafe\xCC\x81.md",
                                        "posts/a\x1b.md", "posts/plain-ascii-name.md"};
    char *err = NULL;
    civ_source *src = civ_source_from_memory("x", "word word\n", 10, &err);
    civ_tally t;
    civ_tally_init(&t);
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
        civ_diags diags;
        civ_diags_init(&diags);
        civ_diag_add(&diags, "rule-a", CIV_SEV_WARNING, 0, 4, "m");
        civ_file_result r = {paths[i], src, &diags, NULL};
        civ_tally_add(&t, &r);
        civ_diags_release(&diags);
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    civ_tally_print_text(&t, fp, 10);
    fclose(fp);
    /* every row with counts ends in the same display column */
    size_t want = 0, rows = 0;
    for (const char *line = buf; *line;) {
        size_t n = strcspn(line, "\n");
        if (n && line[n - 1] >= '0' && line[n - 1] <= '9') {
            size_t w = civ_term_width(line, n, 0);
            if (!want)
                want = w;
            ck_assert_msg(w == want, "misaligned (%zu, want %zu): %.*s", w, want, (int)n, line);
            rows++;
        }
        line += n + (line[n] == '\n');
    }
    ck_assert_uint_eq(rows, 1 + 4 + 1); /* rule-a, the four posts, total */
    ck_assert_ptr_nonnull(strstr(buf, "\nposts/a\\x1B.md "));
    free(buf);
    civ_tally_release(&t);
    civ_source_free(src);
}
END_TEST

typedef struct {
    const char *name;
    const char *text;
    const char *span;
    const char *rd_range;    /* rdjsonl: UTF-8 byte columns, end exclusive */
    const char *sarif_region; /* SARIF: code points, endColumn exclusive */
} col_case;

static const col_case col_cases[] = {
    {"ASCII", "The goverment said.", "goverment",
     "{\"start\": {\"line\": 1, \"column\": 5}, \"end\": {\"line\": 1, \"column\": 14}}",
     "\"startLine\": 1, \"startColumn\": 5, \"endLine\": 1, \"endColumn\": 14"},
    {"after two-byte letters", "\xC3\xA9\xC3\xA9 goverment", "goverment",
     "{\"start\": {\"line\": 1, \"column\": 6}, \"end\": {\"line\": 1, \"column\": 15}}",
     "\"startLine\": 1, \"startColumn\": 4, \"endLine\": 1, \"endColumn\": 13"},
    {"Cyrillic span", "in \xD0\xA2\xD0\xB1\xD0\xB8\xD0\xBB\xD0\xB8\xD1\x81\xD0\xB8 now",
     "\xD0\xA2\xD0\xB1\xD0\xB8\xD0\xBB\xD0\xB8\xD1\x81\xD0\xB8",
     "{\"start\": {\"line\": 1, \"column\": 4}, \"end\": {\"line\": 1, \"column\": 18}}",
     "\"startLine\": 1, \"startColumn\": 4, \"endLine\": 1, \"endColumn\": 11"},
    {"astral before", "\xF0\x9F\x98\x80 x goverment", "goverment",
     "{\"start\": {\"line\": 1, \"column\": 8}, \"end\": {\"line\": 1, \"column\": 17}}",
     "\"startLine\": 1, \"startColumn\": 5, \"endLine\": 1, \"endColumn\": 14"},
    {"second line CRLF", "first\r\nthe goverment", "goverment",
     "{\"start\": {\"line\": 2, \"column\": 5}, \"end\": {\"line\": 2, \"column\": 14}}",
     "\"startLine\": 2, \"startColumn\": 5, \"endLine\": 2, \"endColumn\": 14"},
    {"UTF-8 BOM counts in bytes only", "\xEF\xBB\xBFgoverment", "goverment",
     "{\"start\": {\"line\": 1, \"column\": 4}, \"end\": {\"line\": 1, \"column\": 13}}",
     "\"startLine\": 1, \"startColumn\": 1, \"endLine\": 1, \"endColumn\": 10"},
    {"span to end of line", "a\nthe goverment\nb", "goverment",
     "{\"start\": {\"line\": 2, \"column\": 5}, \"end\": {\"line\": 2, \"column\": 14}}",
     "\"startLine\": 2, \"startColumn\": 5, \"endLine\": 2, \"endColumn\": 14"},
};

START_TEST(test_columns_table)
{
    const col_case *c = &col_cases[_i];
    char *rd = format_one("rdjsonl", c->text, c->span, NULL);
    ck_assert_msg(strstr(rd, c->rd_range), "%s: rdjsonl range not in %s", c->name, rd);
    free(rd);
    char *sarif = format_one("sarif", c->text, c->span, NULL);
    ck_assert_msg(strstr(sarif, c->sarif_region), "%s: SARIF region not in %s", c->name, sarif);
    ck_assert_msg(strstr(sarif, "\"columnKind\": \"unicodeCodePoints\""), "%s: no columnKind", c->name);
    free(sarif);
}
END_TEST

START_TEST(test_fixes_and_paths)
{
    char *rd = format_one("rdjsonl", "\xC3\xA9 goverment", "goverment", "government");
    ck_assert_ptr_nonnull(strstr(rd, "\"suggestions\": [{\"range\": {\"start\": {\"line\": 1, \"column\": 4}, "
                                     "\"end\": {\"line\": 1, \"column\": 13}}, \"text\": \"government\"}]"));
    ck_assert_ptr_nonnull(strstr(rd, "\"path\": \"posts/t\xC3\xA9st.md\""));
    free(rd);
    char *sarif = format_one("sarif", "\xC3\xA9 goverment", "goverment", "government");
    ck_assert_ptr_nonnull(strstr(sarif, "\"deletedRegion\": {\"startLine\": 1, \"startColumn\": 3, \"endLine\": 1, "
                                        "\"endColumn\": 12}, \"insertedContent\": {\"text\": \"government\"}"));
    ck_assert_ptr_nonnull(strstr(sarif, "\"uri\": \"posts/t%C3%A9st.md\""));
    free(sarif);
    /* github: inclusive endColumn in code points, path escaped as a property */
    char *gh = format_one("github", "\xC3\xA9 goverment, 100%", "goverment, 100%", NULL);
    ck_assert_msg(strstr(gh, "::warning file=posts/t\xC3\xA9st.md,line=1,endLine=1,col=3,endColumn=17,"
                             "title=civlint%3A spelling::unknown word 'goverment, 100%25'\n"),
                  "got %s", gh);
    free(gh);
    char *cs = format_one("checkstyle", "a <b> & \"c\"", "<b>", NULL);
    ck_assert_ptr_nonnull(strstr(cs, "<error line=\"1\" column=\"3\" severity=\"warning\" "
                                     "message=\"unknown word &#39;&lt;b&gt;&#39;\" source=\"civlint.spelling\"/>"));
    free(cs);
}
END_TEST

/* Counts lines of buf starting with prefix. */
static size_t count_lines(const char *buf, const char *prefix)
{
    size_t n = 0;
    for (const char *p = buf; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
        if (strncmp(p, prefix, strlen(prefix)) == 0)
            n++;
    return n;
}

/* Runs the github format over `nw` warnings, `nn` notes and `ne` errors of
 * the post `path`; the warnings say `wmsg` when it is not NULL. */
static char *github_run(const char *path, const char *wmsg, size_t ne, size_t nw, size_t nn)
{
    char *err = NULL;
    civ_source *src = civ_source_from_memory(path, "word word word\n", 15, &err);
    civ_diags diags;
    civ_diags_init(&diags);
    for (size_t i = 0; i < nn; i++)
        civ_diag_add(&diags, "n", CIV_SEV_NOTE, 0, 4, "note %zu", i);
    for (size_t i = 0; i < nw; i++)
        if (wmsg)
            civ_diag_add(&diags, "w", CIV_SEV_WARNING, 5, 9, "%s", wmsg);
        else
            civ_diag_add(&diags, "w", CIV_SEV_WARNING, 5, 9, "warning %zu", i);
    for (size_t i = 0; i < ne; i++)
        civ_diag_add(&diags, "e", CIV_SEV_ERROR, 10, 14, "error %zu", i);
    char *buf = NULL;
    size_t len = 0;
    civ_out out = {open_memstream(&buf, &len), false, false, NULL, 0, NULL, 0, NULL};
    const civ_formatter *f = civ_formatter_find("github");
    civ_file_result r = {path, src, &diags, NULL};
    unsetenv("GITHUB_STEP_SUMMARY");
    run_one(f, &out, &r);
    fclose(out.fp);
    civ_diags_release(&diags);
    civ_source_free(src);
    return buf;
}

static char *github_many(size_t ne, size_t nw, size_t nn)
{
    return github_run("p.md", NULL, ne, nw, nn);
}

/* What GitHub's runner takes for a workflow command in one line of a log:
 * "::" after leading white space (Unicode white space: .NET's TrimStart),
 * or "##[" anywhere (the old syntax). Returns the command word or NULL. */
static char *runner_command(const char *line, size_t n)
{
    size_t i = 0;
    for (;;) {
        if (i < n && strchr(" \t\v\f\r", line[i])) {
            i++;
        } else if (i + 1 < n && (unsigned char)line[i] == 0xC2 && (unsigned char)line[i + 1] == 0xA0) {
            i += 2;
        } else if (i + 2 < n && (unsigned char)line[i] == 0xE2 && (unsigned char)line[i + 1] == 0x80 &&
                   (unsigned char)line[i + 2] <= 0x8A) {
            i += 3;
        } else {
            break;
        }
    }
    if (i + 1 < n && line[i] == ':' && line[i + 1] == ':') {
        size_t e = i + 2;
        while (e < n && line[e] != ' ' && line[e] != ':')
            e++;
        return xstrndup(line + i + 2, e - i - 2);
    }
    for (size_t k = 0; k + 2 < n; k++)
        if (line[k] == '#' && line[k + 1] == '#' && line[k + 2] == '[')
            return xstrdup("##[");
    return NULL;
}

/* A post whose name and messages are workflow commands: every command the
 * runner would see is one civlint meant, and the path reaches the file=
 * property escaped (':' and ',' as %3A and %2C). 25 warnings, so the 15
 * left out are printed as plain log lines too. */
START_TEST(test_github_forged_commands)
{
    static const char *const paths[] = {
        "::error file=README.md,line=1::x.md", " ::error::x.md", "\xC2\xA0::warning::x.md",
        "\xE2\x80\x83::notice::x.md", "##[error]x.md", "a##[set-env name=X]b.md", "%0A::error::x.md",
    };
    static const char *const msg = "##[error]boom\n::error file=a,line=1::forged\r\n  ::notice::y %0A";
    for (size_t p = 0; p < sizeof paths / sizeof *paths; p++) {
        char *out = github_run(paths[p], msg, 0, 25, 0);
        size_t commands = 0, lines = 0;
        for (const char *l = out; *l;) {
            const char *e = strchr(l, '\n');
            size_t n = e ? (size_t)(e - l) : strlen(l);
            char *cmd = runner_command(l, n);
            if (cmd) {
                ck_assert_msg(strcmp(cmd, "warning") == 0 || strcmp(cmd, "notice") == 0 ||
                                  strcmp(cmd, "group") == 0 || strcmp(cmd, "endgroup") == 0,
                              "path %zu: forged command '%s' in line: %.*s", p, cmd, (int)n, l);
                if (strcmp(cmd, "warning") == 0)
                    ck_assert_msg(strncmp(l, "::warning file=", 15) == 0, "path %zu: %.*s", p, (int)n, l);
                commands++;
                free(cmd);
            }
            lines++;
            l = e ? e + 1 : l + n;
        }
        /* 10 annotations, the notice, the group and its end */
        ck_assert_msg(commands == 13, "path %zu: %zu commands in %zu lines:\n%s", p, commands, lines, out);
        ck_assert_uint_eq(lines, 10 + 1 + 1 + 15 + 1);
        free(out);
    }
    char *a = github_run("::error file=README.md,line=1::x.md", "m", 0, 1, 0);
    ck_assert_msg(strstr(a, "::warning file=%3A%3Aerror file=README.md%2Cline=1%3A%3Ax.md,line=1,"), "%s", a);
    free(a);
}
END_TEST

START_TEST(test_github_limits)
{
    /* under the limit: everything annotated, no notice */
    char *a = github_many(2, 10, 3);
    ck_assert_uint_eq(count_lines(a, "::error "), 2);
    ck_assert_uint_eq(count_lines(a, "::warning "), 10);
    ck_assert_uint_eq(count_lines(a, "::notice "), 3);
    ck_assert_ptr_null(strstr(a, "not shown"));
    /* most severe first */
    ck_assert_ptr_eq(strstr(a, "::error "), a);
    free(a);
    /* 25 warnings: 10 annotated, one notice counts the 15 left out, and
     * the 15 are in the log group */
    char *b = github_many(0, 25, 0);
    ck_assert_uint_eq(count_lines(b, "::warning "), 10);
    ck_assert_uint_eq(count_lines(b, "::notice "), 1);
    ck_assert_ptr_nonnull(strstr(b, "::notice title=civlint::15 more findings not shown"));
    ck_assert_uint_eq(count_lines(b, "p.md:1:6: warning: warning "), 15);
    free(b);
    /* notes overflow too: the notice takes the 10th notice slot */
    char *c = github_many(12, 0, 12);
    ck_assert_uint_eq(count_lines(c, "::error "), 10);
    ck_assert_uint_eq(count_lines(c, "::notice "), 10);
    ck_assert_ptr_nonnull(strstr(c, "::notice title=civlint::5 more findings not shown"));
    free(c);
}
END_TEST

START_TEST(test_byte_columns)
{
    char *err = NULL;
    civ_source *src = civ_source_from_memory("x", "a\xF0\x90\x90\x80" "b\n", 7, &err);
    size_t l, c;
    /* reviewdog.proto's own example: 'a𐐀b' -> b is column 6 */
    civ_position_bytes(src, 5, &l, &c);
    ck_assert_uint_eq(l, 1);
    ck_assert_uint_eq(c, 6);
    civ_source_position(src, 5, &l, &c);
    ck_assert_uint_eq(c, 3);
    civ_source_free(src);
}
END_TEST

/* The summary table: posts ranked by findings, at most 10 with a count of
 * the rest, columns aligned by code points (a path with 'é' and one with
 * a control character), unreadable posts counted. */
START_TEST(test_summary_table)
{
    char *err = NULL;
    civ_source *src = civ_source_from_memory("x", "word word\n", 10, &err);
    civ_tally t;
    civ_tally_init(&t);
    for (size_t f = 0; f < 13; f++) {
        civ_diags diags;
        civ_diags_init(&diags);
        for (size_t k = 0; k < f; k++)
            civ_diag_add(&diags, k % 2 ? "rule-b" : "rule-a", k % 3 ? CIV_SEV_WARNING : CIV_SEV_ERROR, 0, 4, "m");
        char *path = f == 12 ? xstrdup("posts/caf\xC3\xA9.md") : f == 11 ? xstrdup("posts/a\x1b.md")
                                                                    : xasprintf("posts/p%02zu.md", f);
        civ_file_result r = {path, src, &diags, NULL};
        civ_tally_add(&t, &r);
        free(path);
        civ_diags_release(&diags);
    }
    civ_file_result bad = {"gone.md", NULL, NULL, "cannot open 'gone.md'"};
    civ_tally_add(&t, &bad);
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    civ_tally_print_text(&t, fp, 10);
    fclose(fp);
    ck_assert_msg(strncmp(buf, "civlint summary: 14 posts, 12 with findings, 1 unreadable\n", 58) == 0, "%s", buf);
    /* the post with most findings first; 12 with findings, 10 shown */
    const char *top = strstr(buf, "posts with most findings");
    ck_assert_ptr_nonnull(top);
    ck_assert_ptr_nonnull(strstr(top, "\nposts/caf\xC3\xA9.md "));
    ck_assert(strstr(top, "posts/caf\xC3\xA9.md") < strstr(top, "posts/a\\x1B.md"));
    ck_assert_ptr_nonnull(strstr(buf, "(and 2 more posts with findings)\n"));
    ck_assert_ptr_null(strstr(buf, "posts/p01.md"));
    /* 0+1+...+12 = 78 findings: errors are k = 0, 3, 6, 9 of each post */
    ck_assert_ptr_nonnull(strstr(buf, "\ntotal "));
    ck_assert_msg(strstr(buf, "      30        48      0     78\n"), "%s", buf);
    /* aligned: every counted row is as wide in code points as the header */
    size_t want = 0;
    for (const char *line = buf; *line;) {
        size_t n = strcspn(line, "\n");
        if (n > 6 && strncmp(line + n - 5, "total", 5) == 0 && !want)
            want = civ_utf8_count(line, n);
        else if (want && n > 0 && line[n - 1] >= '0' && line[n - 1] <= '9')
            ck_assert_msg(civ_utf8_count(line, n) == want, "misaligned: %.*s", (int)n, line);
        line += n + (line[n] == '\n');
    }
    ck_assert_uint_gt(want, 0);
    free(buf);
    civ_tally_release(&t);
    civ_source_free(src);
}
END_TEST

Suite *suite_formats(void)
{
    Suite *s = suite_create("formats");
    TCase *tc = tcase_create("formats");
    tcase_add_loop_test(tc, test_escape_table, 0, sizeof esc_cases / sizeof *esc_cases);
    tcase_add_test(tc, test_uri_path);
    tcase_add_loop_test(tc, test_columns_table, 0, sizeof col_cases / sizeof *col_cases);
    tcase_add_test(tc, test_fixes_and_paths);
    tcase_add_test(tc, test_github_limits);
    tcase_add_test(tc, test_github_forged_commands);
    tcase_add_test(tc, test_byte_columns);
    tcase_add_test(tc, test_summary_table);
    tcase_add_test(tc, test_tab_in_file_name);
    tcase_add_test(tc, test_summary_display_columns);
    suite_add_tcase(s, tc);
    return s;
}
