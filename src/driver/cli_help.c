/* cli_help.c - `--help`, the man page's OPTIONS section and the README's
 * option tables, all written from the one option table (cli.c), so they
 * cannot drift from what the parser accepts (tests/man-options checks the
 * man page, tests/readme-options the README). */
#include "driver/cli.h"

#include <stdio.h>
#include <string.h>

/* ---- --help ------------------------------------------------------------- */

enum { HELP_COL = 26, HELP_COL_LONG = 29 }; /* where the help text starts */

/* "  -f, --format=FORMAT", "      --summary", "  -W RULE=LEVEL" */
static int print_synopsis(FILE *fp, const civ_cli_option *t)
{
    int w = 0;
    if (t->short_name)
        w += fprintf(fp, "  -%c%s", t->short_name, t->name ? ", " : "");
    else
        w += fprintf(fp, "      ");
    if (t->name)
        w += fprintf(fp, "--%s%s%s%s%s", t->name, t->optional ? "[" : "", t->arg ? "=" : "",
                     t->arg ? t->arg : "", t->optional ? "]" : "");
    else if (t->arg)
        w += fprintf(fp, " %s", t->arg);
    return w;
}

static void print_option_help(FILE *fp, const civ_cli_option *t)
{
    int w = print_synopsis(fp, t);
    /* two stops, so a long name does not push its text far right */
    int col = w + 2 <= HELP_COL ? HELP_COL : w + 2 <= HELP_COL_LONG ? HELP_COL_LONG : w + 2;
    fprintf(fp, "%*s", col - w, "");
    for (const char *p = civ_cli_help(t); *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        fprintf(fp, "%.*s\n", (int)n, p);
        if (!nl)
            break;
        p = nl + 1;
        fprintf(fp, "%*s", HELP_COL, "");
    }
}

const char *civ_cli_help(const civ_cli_option *t)
{
    return t->help_fn ? t->help_fn() : t->help;
}

void civ_cli_print_help(FILE *fp)
{
    const char *section = NULL;
    size_t n;
    const civ_cli_option *table = civ_cli_table(&n);
    for (size_t i = 0; i < n; i++) {
        const civ_cli_option *t = &table[i];
        if (t->kind == CIV_CLI_TEXT) {
            fputs(t->help, fp);
            continue;
        }
        if (!civ_cli_help(t))
            continue;
        if (!section || strcmp(section, t->section) != 0) {
            fprintf(fp, "\n%s:\n", t->section);
            section = t->section;
        }
        print_option_help(fp, t);
    }
}

/* ---- the man page ------------------------------------------------------- */

/* s for troff: backslashes and hyphens escaped; a line that starts with
 * '.' or '\'' gets "\&" so it is text, not a request. The help's line
 * breaks are kept: troff fills the paragraph anyway. */
static void man_puts(FILE *fp, const char *s)
{
    for (const char *p = s; *p; p++) {
        if ((p == s || p[-1] == '\n') && (*p == '.' || *p == '\''))
            fputs("\\&", fp);
        if (*p == '\\')
            fputs("\\e", fp);
        else if (*p == '-')
            fputs("\\-", fp);
        else
            fputc(*p, fp);
    }
}

/* ".TP", then "\fB\-f\fR, \fB\-\-format\fR=\fIFORMAT\fR", then the help. */
static void print_option_man(FILE *fp, const civ_cli_option *t)
{
    fputs(".TP\n", fp);
    if (t->short_name)
        fprintf(fp, "\\fB\\-%c\\fR%s", t->short_name, t->name ? ", " : "");
    if (t->name) {
        fputs("\\fB\\-\\-", fp);
        man_puts(fp, t->name);
        fputs("\\fR", fp);
    }
    if (t->arg) {
        fputs(t->optional ? "[" : "", fp);
        fputs(t->name ? "=\\fI" : " \\fI", fp);
        man_puts(fp, t->arg);
        fputs(t->optional ? "\\fR]" : "\\fR", fp);
    }
    fputc('\n', fp);
    man_puts(fp, civ_cli_help(t));
    fputc('\n', fp);
}

void civ_cli_print_man(FILE *fp)
{
    fputs(".SH OPTIONS\n", fp);
    fputs(".\\\" Generated from the option table in src/driver/cli.c by\n"
          ".\\\" `tests/man-options --update ./civlint`; edit the table, not this.\n",
          fp);
    const char *section = NULL;
    size_t n;
    const civ_cli_option *table = civ_cli_table(&n);
    for (size_t i = 0; i < n; i++) {
        const civ_cli_option *t = &table[i];
        if (t->kind != CIV_CLI_OPTION || !civ_cli_help(t))
            continue;
        if (!section || strcmp(section, t->section) != 0) {
            fprintf(fp, ".SS %s\n", t->section);
            section = t->section;
        }
        print_option_man(fp, t);
    }
}

/* ---- the README's option tables ------------------------------------------ */

/* s in a Markdown table cell: everything Markdown would read as markup
 * (emphasis, code, links, HTML such as "<!-- civlint-words -->", the cell
 * separator) is escaped, and the help's line breaks become spaces, except
 * after a word broken at its hyphen ("comma-\nseparated"). */
static void md_puts(FILE *fp, const char *s)
{
    for (const char *p = s; *p; p++) {
        if (*p == '\n') {
            if (!(p > s + 1 && p[-1] == '-' && p[-2] != '-' && p[-2] != ' '))
                fputc(' ', fp);
        } else if (*p == '<')
            fputs("&lt;", fp);
        else if (*p == '>')
            fputs("&gt;", fp);
        else if (*p == '&')
            fputs("&amp;", fp);
        else if (strchr("\\`*_[]|", *p))
            fprintf(fp, "\\%c", *p);
        else
            fputc(*p, fp);
    }
}

/* "| `-f, --format=FORMAT` | gcc (default), ... |" */
static void print_option_md(FILE *fp, const civ_cli_option *t)
{
    fputs("| `", fp);
    if (t->short_name)
        fprintf(fp, "-%c%s", t->short_name, t->name ? ", " : "");
    if (t->name)
        fprintf(fp, "--%s%s%s%s%s", t->name, t->optional ? "[" : "", t->arg ? "=" : "",
                t->arg ? t->arg : "", t->optional ? "]" : "");
    else if (t->arg)
        fprintf(fp, " %s", t->arg);
    fputs("` | ", fp);
    md_puts(fp, civ_cli_help(t));
    fputs(" |\n", fp);
}

void civ_cli_print_markdown(FILE *fp)
{
    const char *section = NULL;
    size_t n;
    const civ_cli_option *table = civ_cli_table(&n);
    for (size_t i = 0; i < n; i++) {
        const civ_cli_option *t = &table[i];
        if (t->kind != CIV_CLI_OPTION || !civ_cli_help(t))
            continue;
        if (!section || strcmp(section, t->section) != 0) {
            fprintf(fp, "%s**%s**\n\n| Option | Meaning |\n|---|---|\n", section ? "\n" : "",
                    t->section);
            section = t->section;
        }
        print_option_md(fp, t);
    }
}
