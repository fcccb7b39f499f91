/* cli.c - the options of civlint, one table; see cli.h.
 *
 * To add an option: add a row to `table` below (in the --help order), with
 * a field setter (set_true, set_false, set_str, push_str and a field of
 * civ_options) or a handler of its own; then regenerate the man page's
 * OPTIONS section with `tests/man-options --update ./civlint`. */
#include "driver/cli.h"

#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "driver/report.h"

/* ---- field setters ------------------------------------------------------ */

#define FIELD(o, opt, type) ((type *)((char *)(o) + (opt)->field))

static int set_true(civ_options *o, const char *arg, const civ_cli_option *opt)
{
    *FIELD(o, opt, bool) = true;
    return CIV_CLI_RUN;
}

static int set_false(civ_options *o, const char *arg, const civ_cli_option *opt)
{
    *FIELD(o, opt, bool) = false;
    return CIV_CLI_RUN;
}

static int set_str(civ_options *o, const char *arg, const civ_cli_option *opt)
{
    *FIELD(o, opt, const char *) = arg;
    return CIV_CLI_RUN;
}

static int push_str(civ_options *o, const char *arg, const civ_cli_option *opt)
{
    civ_strlist *l = FIELD(o, opt, civ_strlist);
    *CIV_PUSH(l->items, l->n, l->cap) = arg;
    return CIV_CLI_RUN;
}

/* ---- handlers ----------------------------------------------------------- */

static int opt_format(civ_options *o, const char *arg, const civ_cli_option *opt)
{
    o->fmt = civ_formatter_find(arg);
    if (o->fmt)
        return CIV_CLI_RUN;
    civ_report_error("unknown format '%s' (formats: %s)", arg, civ_formatter_names());
    return CIV_EXIT_TROUBLE;
}

static int opt_color(civ_options *o, const char *arg, const civ_cli_option *opt)
{
    if (strcmp(arg, "auto") == 0)
        o->color = -1;
    else if (strcmp(arg, "always") == 0)
        o->color = 1;
    else if (strcmp(arg, "never") == 0)
        o->color = 0;
    else {
        civ_report_error("--color takes auto, always or never, not '%s'", arg);
        return CIV_EXIT_TROUBLE;
    }
    return CIV_CLI_RUN;
}

/* --enable / --disable RULE[,RULE]: into the command-line policy, in order
 * with -W, so the last word on a rule wins. */
static void add_toggles(civ_options *o, const char *list, bool on)
{
    char *copy = xstrdup(list);
    for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
        civ_policy_add(&o->cli, tok, on ? CIV_LEVEL_ON : CIV_LEVEL_OFF);
    free(copy);
}

static int opt_enable(civ_options *o, const char *arg, const civ_cli_option *opt)
{
    add_toggles(o, arg, true);
    return CIV_CLI_RUN;
}

static int opt_disable(civ_options *o, const char *arg, const civ_cli_option *opt)
{
    add_toggles(o, arg, false);
    return CIV_CLI_RUN;
}

/* -W RULE=LEVEL */
static int opt_w(civ_options *o, const char *arg, const civ_cli_option *opt)
{
    const char *eq = strchr(arg, '=');
    int level;
    if (!eq || eq == arg || !civ_level_parse(eq + 1, &level)) {
        civ_report_error("-W takes RULE=error|warning|note|off|on, not '%s'", arg);
        return CIV_EXIT_TROUBLE;
    }
    char *id = xstrndup(arg, (size_t)(eq - arg));
    civ_policy_add(&o->cli, id, level);
    free(id);
    return CIV_CLI_RUN;
}

static int opt_fail_on(civ_options *o, const char *arg, const civ_cli_option *opt)
{
    if (civ_severity_parse(arg, &o->fail_on))
        return CIV_CLI_RUN;
    civ_report_error("--fail-on takes error, warning or note, not '%s'", arg);
    return CIV_EXIT_TROUBLE;
}

static int opt_jobs(civ_options *o, const char *arg, const civ_cli_option *opt)
{
    char *end;
    errno = 0;
    unsigned long j = strtoul(arg, &end, 10);
    if (!*arg || *end || errno || j > 1024 || arg[0] == '-') {
        civ_report_error("-j takes a number of threads from 0 to 1024, not '%s'", arg);
        return CIV_EXIT_TROUBLE;
    }
    o->jobs = (unsigned)j;
    return CIV_CLI_RUN;
}

static int opt_max_warnings(civ_options *o, const char *arg, const civ_cli_option *opt)
{
    char *end = NULL;
    errno = 0;
    o->max_warnings = strtol(arg, &end, 10);
    if (!*arg || *end || errno || o->max_warnings < 0) {
        civ_report_error("--max-warnings takes a number >= 0, not '%s'", arg);
        return CIV_EXIT_TROUBLE;
    }
    return CIV_CLI_RUN;
}

static int opt_suggest(civ_options *o, const char *arg, const civ_cli_option *opt)
{
    if (strcmp(arg, "none") == 0) {
        o->no_suggest = true;
        o->full_suggest = false;
    } else if (strcmp(arg, "near") == 0 || strcmp(arg, "full") == 0) {
        o->no_suggest = false;
        o->full_suggest = arg[0] == 'f';
    } else {
        civ_report_error("--suggest must be near, full or none, not '%s'", arg);
        return CIV_EXIT_TROUBLE;
    }
    return CIV_CLI_RUN;
}

static int opt_no_suggest(civ_options *o, const char *arg, const civ_cli_option *opt)
{
    return opt_suggest(o, "none", opt);
}

static int opt_acronym_max(civ_options *o, const char *arg, const civ_cli_option *opt)
{
    char *end;
    errno = 0;
    o->acronym_max = strtol(arg, &end, 10);
    if (errno || *end || end == arg || o->acronym_max < 0 || o->acronym_max > 100) {
        civ_report_error("--acronym-max takes a number from 0 to 100, not '%s'", arg);
        return CIV_EXIT_TROUBLE;
    }
    return CIV_CLI_RUN;
}

static int opt_help(civ_options *o, const char *arg, const civ_cli_option *opt)
{
    civ_cli_print_help(stdout);
    return CIV_EXIT_CLEAN;
}

static int opt_help_man(civ_options *o, const char *arg, const civ_cli_option *opt)
{
    civ_cli_print_man(stdout);
    return CIV_EXIT_CLEAN;
}

static int opt_version(civ_options *o, const char *arg, const civ_cli_option *opt)
{
    printf("civlint %s\n", CIV_VERSION);
    return CIV_EXIT_CLEAN;
}

/* ---- the table ---------------------------------------------------------- */

#define AT(f) offsetof(civ_options, f)
#define TEXT(s) {.kind = CIV_CLI_TEXT, .help = (s)}

static const char OUTPUT[] = "Output", RULES[] = "Rules", CONFIG[] = "Configuration",
                  SPEED[] = "Speed", SPELLING[] = "Spelling", GATING[] = "Gating", FIXES[] = "Fixes",
                  HELP[] = "Help";

/* --format's help: every format of output/registry.c's table with its
 * summary, "gcc (default), json, sarif (GitHub code scanning), ...",
 * wrapped to the help column, so a new format needs no edit here. */
#define FORMAT_HELP_WIDTH 51
static char format_help_text[1024];
static pthread_once_t format_help_once = PTHREAD_ONCE_INIT;

static void build_format_help(void)
{
    size_t n, o = 0, col = 0;
    const civ_formatter *const *f = civ_formatters(&n);
    for (size_t i = 0; i < n; i++) {
        char item[128];
        int len = snprintf(item, sizeof item, "%s%s%s%s%s", i + 1 == n ? "or\x1f" : "", f[i]->name,
                           f[i]->summary ? " (" : "", f[i]->summary ? f[i]->summary : "",
                           f[i]->summary ? ")" : "");
        const char *sep = i + 2 < n ? "," : ""; /* "a, b or c" */
        /* words of the item may wrap, like the hand-written text did */
        for (char *save = NULL, *w = strtok_r(item, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
            bool last = !save || !*save;
            size_t wl = strlen(w) + (last ? strlen(sep) : 0);
            if (col && col + 1 + wl > FORMAT_HELP_WIDTH) {
                o += (size_t)snprintf(format_help_text + o, sizeof format_help_text - o, "\n");
                col = 0;
            }
            size_t at = o;
            o += (size_t)snprintf(format_help_text + o, sizeof format_help_text - o, "%s%s%s",
                                  col ? " " : "", w, last ? sep : "");
            /* "or\x1f" keeps "or" on the line of the last name */
            for (char *u = strchr(format_help_text + at, '\x1f'); u; u = strchr(u, '\x1f'))
                *u = ' ';
            col += (col ? 1 : 0) + wl;
            if (o >= sizeof format_help_text)
                return;
        }
        if (len < 0)
            return;
    }
}

static const char *format_help(void)
{
    pthread_once(&format_help_once, build_format_help);
    return format_help_text;
}

static const civ_cli_option table[] = {
    TEXT("usage: civlint [OPTIONS] [PATH...]\n"
         "\n"
         "Lints Markdown analysis posts: files, folders (recursively: *.md and\n"
         "*.markdown, hidden folders skipped) or '-' for standard input.\n"),

    {.section = OUTPUT, .name = "format", .short_name = 'f', .arg = "FORMAT", .fn = opt_format,
     .help_fn = format_help},
    {.section = OUTPUT, .name = "summary", .fn = set_true, .field = AT(summary),
     .help = "after the diagnostics, print the summary table\n"
             "(on stderr when the format is not gcc)"},
    {.section = OUTPUT, .name = "color", .arg = "WHEN", .fn = opt_color,
     .help = "auto (default), always or never; NO_COLOR is honoured"},
    {.section = OUTPUT, .name = "colour", .arg = "WHEN", .fn = opt_color}, /* alias */
    {.section = OUTPUT, .name = "quiet", .short_name = 'q', .fn = set_true, .field = AT(quiet),
     .help = "gcc format: only the 'file:line:col: ...' lines"},
    {.section = OUTPUT, .name = "stdin-filename", .arg = "NAME", .fn = set_str, .field = AT(stdin_name),
     .help = "name shown for standard input (default '-')"},
    {.section = OUTPUT, .name = "lsp", .fn = set_true, .field = AT(lsp),
     .help = "run as a language server (LSP) on stdin/stdout for\n"
             "editors: findings as you type, quick fixes, hover\n"
             "(README 'In an editor')"},

    {.section = RULES, .name = "list-rules", .fn = set_true, .field = AT(list_rules),
     .help = "list every rule with its severity and description,\n"
             "the rules of the loaded packs (PACK.ID) included"},
    {.section = RULES, .name = "enable", .arg = "RULE[,RULE]", .fn = opt_enable,
     .help = "turn these rules on (all are on by default)"},
    {.section = RULES, .name = "disable", .arg = "RULE[,RULE]", .fn = opt_disable,
     .help = "turn these rules off; a pack rule is PACK.ID\n"
             "(house.kyiv), a whole pack its name (house)"},
    {.section = RULES, .name = "rules", .arg = "DIR", .fn = push_str, .field = AT(rule_dirs),
     .help = "load the rule packs (*.yml) of DIR after the shipped ones\n"
             "(format: README 'Rule packs'; a bad pack is reported\n"
             "with file:line:col and skipped)"},
    {.section = RULES, .name = "no-default-rules", .fn = set_false, .field = AT(default_rules),
     .help = "do not load the shipped rule packs"},
    TEXT("\n"),
    {.section = RULES, .short_name = 'W', .arg = "RULE=LEVEL", .fn = opt_w,
     .help = "set a rule to error, warning, note, off or on\n"
             "(RULE may be PACK.* for a whole rule pack)"},

    {.section = CONFIG, .name = "config", .arg = "FILE", .fn = set_str, .field = AT(config),
     .help = "use FILE for every input instead of the nearest\n"
             ".civlint.yml above each file"},
    {.section = CONFIG, .name = "no-config", .fn = set_true, .field = AT(no_config),
     .help = "ignore .civlint.yml files"},
    {.section = CONFIG, .name = "print-config", .fn = set_true, .field = AT(print_config),
     .help = "print the merged settings for each PATH (YAML) and exit"},

    {.section = SPEED, .name = "jobs", .short_name = 'j', .arg = "N", .fn = opt_jobs,
     .help = "lint N files at a time on N threads (default: the\n"
             "number of cores when more than one file is given;\n"
             "0 means that too); output order and bytes are the\n"
             "same as with -j 1"},

    TEXT("\n"
         "Editorial rules: accidental-code-block, relative-date (needs 'date:' in the\n"
         "front matter), invisible-character, allow-directive. A post may keep a term\n"
         "a house-style rule forbids with a comment that gives the reason:\n"
         "  <!-- civlint-allow RULE \"TERM\" -- reason -->\n"
         "Rule ids: the checks (unsourced-figure, empty-section, ...) and the rules of\n"
         "the packs as PACK.ID (house.kyiv); PACK.* names a whole pack.\n"
         "unsourced-figure reports figures (38.3%, $13.5 billion, 7,000 people) with no\n"
         "link, footnote or attribution ('according to', 'said', ...) in their sentence.\n"),

    {.section = SPELLING, .name = "lang", .arg = "LANG", .fn = set_str, .field = AT(lang),
     .help = "hunspell dictionary (default en_US)"},
    {.section = SPELLING, .name = "dict", .arg = "PATH", .fn = set_str, .field = AT(dict),
     .help = "the dictionary: PATH.aff + PATH.dic, or a folder\n"
             "holding LANG.aff (default: $DICPATH, then\n"
             "/usr/share/hunspell, /usr/share/myspell/dicts)"},
    {.section = SPELLING, .name = "words", .arg = "FILE", .fn = push_str, .field = AT(words),
     .help = "also accept the words of FILE (one per line;\n"
             "repeatable); a post adds its own with\n"
             "<!-- civlint-words: Word1 Word2 -->"},
    {.section = SPELLING, .name = "suggest", .arg = "MODE", .fn = opt_suggest,
     .help = "spelling suggestions: near (default: known words\n"
             "one edit away, fast and the same in every run),\n"
             "full (also hunspell's own search for the rest:\n"
             "~50 ms a word, and its list can vary with load)\n"
             "or none"},
    {.section = SPELLING, .name = "no-suggest", .fn = opt_no_suggest,
     .help = "the same as --suggest=none"},
    {.section = SPELLING, .name = "acronym-max", .arg = "N", .fn = opt_acronym_max,
     .help = "ALL-CAPS words of up to N letters are not\n"
             "spell-checked (default 6; 0 checks them all)"},
    {.section = SPELLING, .name = "all-occurrences", .fn = set_true, .field = AT(all_occurrences),
     .help = "report an unknown word at every occurrence\n"
             "(default: once a post, at the first, with a note\n"
             "naming the other lines)"},
    {.section = SPELLING, .name = "list-unknown", .fn = set_true, .field = AT(list_unknown),
     .help = "print every unknown word of PATHS as written, with its\n"
             "occurrences and posts, most frequent first (a project's\n"
             "vocabulary to review for --words), and exit"},
    {.section = SPELLING, .name = "spell-stats", .fn = set_true, .field = AT(spell_stats),
     .help = "print words checked and words/second on stderr"},

    {.section = GATING, .name = "fail-on", .arg = "SEVERITY", .fn = opt_fail_on,
     .help = "exit 1 when a finding is at least error, warning\n"
             "(default) or note"},
    {.section = GATING, .name = "max-warnings", .arg = "N", .fn = opt_max_warnings,
     .help = "also exit 1 when there are more than N warnings"},
    {.section = GATING, .name = "baseline", .arg = "FILE", .fn = set_str, .field = AT(gate.baseline),
     .help = "report (and fail on) only findings not in FILE; say\n"
             "how many baselined findings are gone"},
    {.section = GATING, .name = "write-baseline", .arg = "FILE", .fn = set_str,
     .field = AT(gate.write_baseline), .help = "record every finding in FILE and exit 0"},
    {.section = GATING, .name = "since", .arg = "GIT_REF", .fn = set_str, .field = AT(gate.since),
     .help = "only findings on lines changed since GIT_REF (git diff)"},

    {.section = FIXES, .name = "fix", .fn = set_true, .field = AT(gate.fix),
     .help = "apply the safe fix-its in place (never spelling), then\n"
             "report what remains"},
    {.section = FIXES, .name = "diff", .fn = set_true, .field = AT(gate.diff),
     .help = "print the safe fix-its as a unified diff for 'git apply'\n"
             "instead of the findings (exit 1 when there is one)"},

    TEXT("\n"
         "Inline, in a post: <!-- civlint-disable RULE[,RULE] --> ... <!-- civlint-enable -->,\n"
         "<!-- civlint-disable-next-line RULE -->, <!-- civlint-disable-line RULE -->,\n"
         "<!-- civlint-disable-file RULE --> (no RULE: every rule).\n"),

    {.section = HELP, .name = "help", .short_name = 'h', .fn = opt_help, .help = "this help"},
    {.section = HELP, .name = "help-man", .fn = opt_help_man}, /* civlint.1's OPTIONS */
    {.section = HELP, .name = "version", .short_name = 'V', .fn = opt_version,
     .help = "print the version"},

    TEXT("\n"
         "Exit status: 0 no findings at or above --fail-on; 1 findings (or more\n"
         "than --max-warnings warnings, or --diff printed a diff); 2 a usage error,\n"
         "an unreadable input, a bad rule file or configuration (after every other\n"
         "file was linted).\n"),
    TEXT("\n"
         "Environment: CIVLINT_DATADIR (folder holding rules/ and dictionaries/),\n"
         "DICPATH (folders searched for hunspell dictionaries), NO_COLOR,\n"
         "CIVLINT_NO_JIT=1 (run patterns without pcre2's JIT, for valgrind).\n"),
    TEXT("\n"
         "Limits: files over 16 MB, binary files (NUL bytes) and UTF-16 files are\n"
         "skipped with an error (exit 2); a pattern that exceeds pcre2's match or\n"
         "depth limit gives up instead of hanging. Text from posts is escaped before\n"
         "it reaches the terminal.\n"),
};

#define NTABLE (sizeof table / sizeof table[0])

const civ_cli_option *civ_cli_table(size_t *n)
{
    *n = NTABLE;
    return table;
}

/* ---- parsing ------------------------------------------------------------ */

void civ_options_init(civ_options *o)
{
    memset(o, 0, sizeof *o);
    o->fmt = civ_formatter_find("gcc");
    o->color = -1;
    o->fail_on = CIV_SEV_WARNING;
    o->default_rules = true;
    o->max_warnings = -1;
    o->acronym_max = -1;
}

void civ_options_release(civ_options *o)
{
    free(o->rule_dirs.items);
    free(o->words.items);
    civ_policy_release(&o->cli);
}

/* getopt_long's view of the table: a long option's val is 256 + its row. */
static void getopt_lists(struct option *longopts, char *shortopts)
{
    size_t nl = 0, ns = 0;
    shortopts[ns++] = ':'; /* a missing value returns ':' */
    for (size_t i = 0; i < NTABLE; i++) {
        const civ_cli_option *t = &table[i];
        if (t->kind != CIV_CLI_OPTION)
            continue;
        if (t->name)
            longopts[nl++] = (struct option){t->name, t->arg ? required_argument : no_argument, NULL,
                                             256 + (int)i};
        if (t->short_name) {
            shortopts[ns++] = t->short_name;
            if (t->arg)
                shortopts[ns++] = ':';
        }
    }
    longopts[nl] = (struct option){NULL, 0, NULL, 0};
    shortopts[ns] = '\0';
}

static const civ_cli_option *by_short(int c)
{
    for (size_t i = 0; i < NTABLE; i++)
        if (table[i].kind == CIV_CLI_OPTION && table[i].short_name && table[i].short_name == c)
            return &table[i];
    return NULL;
}

int civ_cli_parse(civ_options *o, int argc, char **argv)
{
    struct option longopts[NTABLE + 1];
    char shortopts[2 * NTABLE + 2];
    getopt_lists(longopts, shortopts);
    int c;
    opterr = 0; /* errors are reported below, in civlint's words */
    optind = 0; /* glibc: start afresh, so a second parse (the tests) works */
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        if (c == ':') {
            civ_report_error("option '%s' needs a value", argv[optind - 1]);
            return CIV_EXIT_TROUBLE;
        }
        const civ_cli_option *t = c >= 256 && c < 256 + (int)NTABLE ? &table[c - 256] : by_short(c);
        if (!t) { /* '?' */
            civ_report_error("unknown option '%s' (see civlint --help)", argv[optind - 1]);
            return CIV_EXIT_TROUBLE;
        }
        int status = t->fn(o, optarg, t);
        if (status != CIV_CLI_RUN)
            return status;
    }
    if (o->gate.fix && o->gate.diff) {
        civ_report_error("--fix and --diff cannot be combined (--diff shows what --fix would do)");
        return CIV_EXIT_TROUBLE;
    }
    o->paths = argv + optind;
    o->npaths = (size_t)(argc - optind);
    return CIV_CLI_RUN;
}

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
        w += fprintf(fp, "--%s%s%s", t->name, t->arg ? "=" : "", t->arg ? t->arg : "");
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
    for (size_t i = 0; i < NTABLE; i++) {
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
        fputs(t->name ? "=\\fI" : " \\fI", fp);
        man_puts(fp, t->arg);
        fputs("\\fR", fp);
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
    for (size_t i = 0; i < NTABLE; i++) {
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
