/* main.c - the driver: options, the list of files, and for each file the
 * pipeline read -> lint -> format. Only this file prints to stderr about
 * the run and decides the exit status. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lint.h"
#include "output.h"
#include "parallel.h"
#include "pattern.h"
#include "rules.h"
#include "source.h"
#include "util.h"
#include "walk.h"

#ifndef CIV_DATADIR
#define CIV_DATADIR "/usr/local/share/civlint"
#endif

/* Exit statuses (DESIGN.md). */
enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_TROUBLE = 2 };

static const char usage_text[] =
    "usage: civlint [OPTIONS] [PATH...]\n"
    "\n"
    "Lints Markdown analysis posts: files, folders (recursively: *.md and\n"
    "*.markdown, hidden folders skipped) or '-' for standard input.\n"
    "\n"
    "Output:\n"
    "  -f, --format=FORMAT     gcc (default) or json\n"
    "      --color=WHEN        auto (default), always or never; NO_COLOR is honoured\n"
    "  -q, --quiet             gcc format: only the 'file:line:col: ...' lines\n"
    "      --stdin-filename=NAME  name shown for standard input (default '-')\n"
    "\n"
    "Rules:\n"
    "      --list-rules        list every rule with its severity and description\n"
    "      --enable=RULE[,RULE]   turn these rules on (all are on by default)\n"
    "      --disable=RULE[,RULE]  turn these rules off\n"
    "      --rules=DIR         load the rule packs (*.yml) of DIR after the shipped ones\n"
    "      --no-default-rules  do not load the shipped rule packs\n"
    "\n"
    "Speed:\n"
    "  -j, --jobs=N            lint N files at a time on N threads (default: the\n"
    "                          number of cores when more than one file is given;\n"
    "                          0 means that too); output order and bytes are the\n"
    "                          same as with -j 1\n"
    "\n"
    "Gating:\n"
    "      --fail-on=SEVERITY  exit 1 when a finding is at least error, warning\n"
    "                          (default) or note\n"
    "\n"
    "  -h, --help              this help\n"
    "  -V, --version           print the version\n"
    "\n"
    "Exit status: 0 no findings at or above --fail-on; 1 findings; 2 a usage\n"
    "error, an unreadable input or a bad rule file (after every other file\n"
    "was linted).\n"
    "\n"
    "Environment: CIVLINT_DATADIR (folder holding rules/ and dictionaries/),\n"
    "NO_COLOR.\n";

typedef struct {
    const civ_formatter *fmt;
    int color;           /* -1 auto, 0 never, 1 always */
    bool quiet;
    const char *stdin_name;
    civ_severity fail_on;
    bool list_rules;
    bool default_rules;
    char **rule_dirs;
    size_t nrule_dirs, rdcap;
    char **toggles;      /* "+id" or "-id", in command-line order */
    size_t ntoggles, tcap;
    unsigned jobs;       /* -j; 0: the number of cores for several files */
} options;

static void error_msg(const char *msg)
{
    fprintf(stderr, "civlint: error: %s\n", msg);
}

/* The folder holding rules/ and dictionaries/: $CIVLINT_DATADIR, then the
 * executable's own folder (a build tree), then the installed share dir. */
static char *find_datadir(void)
{
    const char *env = getenv("CIVLINT_DATADIR");
    if (env && *env)
        return xstrdup(env);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            char *rules = xasprintf("%s/rules", exe);
            struct stat st;
            bool ok = stat(rules, &st) == 0 && S_ISDIR(st.st_mode);
            free(rules);
            if (ok)
                return xstrdup(exe);
        }
    }
    return xstrdup(CIV_DATADIR);
}

static void list_rules(void)
{
    size_t n;
    const civ_check *t = civ_checks(&n);
    for (size_t i = 0; i < n; i++)
        printf("%-18s %-8s %s\n", t[i].id, civ_severity_name(t[i].severity), t[i].description);
}

static void add_toggles(options *o, const char *list, char sign)
{
    char *copy = xstrdup(list);
    for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
        *CIV_PUSH(o->toggles, o->ntoggles, o->tcap) = xasprintf("%c%s", sign, tok);
    free(copy);
}

static int parse_options(int argc, char **argv, options *o)
{
    enum { OPT_COLOR = 256, OPT_STDIN_NAME, OPT_LIST, OPT_ENABLE, OPT_DISABLE, OPT_RULES,
           OPT_NO_DEFAULT_RULES, OPT_FAIL_ON };
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"color", required_argument, NULL, OPT_COLOR},
        {"colour", required_argument, NULL, OPT_COLOR},
        {"quiet", no_argument, NULL, 'q'},
        {"stdin-filename", required_argument, NULL, OPT_STDIN_NAME},
        {"list-rules", no_argument, NULL, OPT_LIST},
        {"enable", required_argument, NULL, OPT_ENABLE},
        {"disable", required_argument, NULL, OPT_DISABLE},
        {"rules", required_argument, NULL, OPT_RULES},
        {"no-default-rules", no_argument, NULL, OPT_NO_DEFAULT_RULES},
        {"fail-on", required_argument, NULL, OPT_FAIL_ON},
        {"jobs", required_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:qhVj:", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            o->fmt = civ_formatter_find(optarg);
            if (!o->fmt) {
                fprintf(stderr, "civlint: error: unknown format '%s' (formats: %s)\n", optarg,
                        civ_formatter_names());
                return EXIT_TROUBLE;
            }
            break;
        case OPT_COLOR:
            if (strcmp(optarg, "auto") == 0)
                o->color = -1;
            else if (strcmp(optarg, "always") == 0)
                o->color = 1;
            else if (strcmp(optarg, "never") == 0)
                o->color = 0;
            else {
                fprintf(stderr, "civlint: error: --color takes auto, always or never, not '%s'\n", optarg);
                return EXIT_TROUBLE;
            }
            break;
        case 'q':
            o->quiet = true;
            break;
        case OPT_STDIN_NAME:
            o->stdin_name = optarg;
            break;
        case OPT_LIST:
            o->list_rules = true;
            break;
        case OPT_ENABLE:
            add_toggles(o, optarg, '+');
            break;
        case OPT_DISABLE:
            add_toggles(o, optarg, '-');
            break;
        case OPT_RULES:
            *CIV_PUSH(o->rule_dirs, o->nrule_dirs, o->rdcap) = optarg;
            break;
        case OPT_NO_DEFAULT_RULES:
            o->default_rules = false;
            break;
        case OPT_FAIL_ON:
            if (!civ_severity_parse(optarg, &o->fail_on)) {
                fprintf(stderr, "civlint: error: --fail-on takes error, warning or note, not '%s'\n", optarg);
                return EXIT_TROUBLE;
            }
            break;
        case 'j': {
            char *end;
            errno = 0;
            unsigned long j = strtoul(optarg, &end, 10);
            if (!*optarg || *end || errno || j > 1024 || optarg[0] == '-') {
                fprintf(stderr, "civlint: error: -j takes a number of threads from 0 to 1024, not '%s'\n", optarg);
                return EXIT_TROUBLE;
            }
            o->jobs = (unsigned)j;
            break;
        }
        case 'h':
            fputs(usage_text, stdout);
            return EXIT_CLEAN;
        case 'V':
            printf("civlint %s\n", CIV_VERSION);
            return EXIT_CLEAN;
        case ':':
            fprintf(stderr, "civlint: error: option '%s' needs a value\n", argv[optind - 1]);
            return EXIT_TROUBLE;
        default:
            fprintf(stderr, "civlint: error: unknown option '%s' (see civlint --help)\n", argv[optind - 1]);
            return EXIT_TROUBLE;
        }
    }
    return -1;
}

static void count(civ_summary *s, const civ_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        const civ_diag *g = &d->items[i];
        if (g->severity == CIV_SEV_ERROR)
            s->errors++;
        else if (g->severity == CIV_SEV_WARNING)
            s->warnings++;
        else
            s->notes++;
        size_t k = 0;
        while (k < s->nrules && strcmp(s->by_rule[k].rule, g->rule) < 0)
            k++;
        if (k < s->nrules && strcmp(s->by_rule[k].rule, g->rule) == 0) {
            s->by_rule[k].count++;
            continue;
        }
        s->by_rule = xrealloc(s->by_rule, (s->nrules + 1) * sizeof *s->by_rule);
        memmove(s->by_rule + k + 1, s->by_rule + k, (s->nrules - k) * sizeof *s->by_rule);
        s->by_rule[k].rule = g->rule;
        s->by_rule[k].count = 1;
        s->nrules++;
    }
}

/* The per-file work run on worker threads: read, then lint. */
typedef struct {
    const civ_linter *linter;
    const char *const *paths;
    const char *stdin_name;
} lint_job_ctx;

typedef struct {
    const char *name;    /* borrowed from the walk or the options */
    civ_source *src;     /* NULL when the file could not be read */
    char *err;           /* why (heap) */
    civ_diags diags;
} lint_job_result;

static void *lint_job(void *arg, size_t i)
{
    const lint_job_ctx *c = arg;
    lint_job_result *j = xcalloc(1, sizeof *j);
    const char *path = c->paths[i];
    j->name = strcmp(path, "-") == 0 && c->stdin_name ? c->stdin_name : path;
    civ_diags_init(&j->diags);
    j->src = civ_source_read(path, j->name, CIV_SOURCE_MAX_DEFAULT, &j->err);
    if (j->src)
        civ_lint(c->linter, j->src, &j->diags);
    return j;
}

static bool load_rules(civ_rules *rules, const options *o, const char *datadir)
{
    bool ok = true;
    char *err = NULL;
    if (o->default_rules) {
        char *dir = xasprintf("%s/rules", datadir);
        if (!civ_rules_load_dir(rules, dir, &err)) {
            fprintf(stderr, "%s\n", err);
            free(err);
            ok = false;
        }
        free(dir);
    }
    for (size_t i = 0; i < o->nrule_dirs; i++) {
        if (!civ_rules_load_dir(rules, o->rule_dirs[i], &err)) {
            fprintf(stderr, "%s\n", err);
            free(err);
            ok = false;
        }
    }
    return ok;
}

int main(int argc, char **argv)
{
    options o;
    memset(&o, 0, sizeof o);
    o.fmt = civ_formatter_find("gcc");
    o.color = -1;
    o.fail_on = CIV_SEV_WARNING;
    o.default_rules = true;
    int status = parse_options(argc, argv, &o);
    if (status >= 0)
        goto done_opts;
    if (o.list_rules) {
        list_rules();
        status = EXIT_CLEAN;
        goto done_opts;
    }
    status = EXIT_CLEAN;
    bool trouble = false;

    char *datadir = find_datadir();
    civ_rules *rules = civ_rules_new();
    if (!load_rules(rules, &o, datadir))
        trouble = true;
    civ_linter linter;
    civ_linter_init(&linter, rules);
    for (size_t i = 0; i < o.ntoggles; i++) {
        if (!civ_linter_set(&linter, o.toggles[i] + 1, o.toggles[i][0] == '+')) {
            fprintf(stderr, "civlint: error: unknown rule '%s' (see civlint --list-rules)\n", o.toggles[i] + 1);
            trouble = true;
        }
    }

    civ_walk walk;
    civ_walk_init(&walk);
    if (optind >= argc) {
        if (isatty(0)) {
            fputs("civlint: error: no input (give files or folders, or '-' for standard input; see --help)\n", stderr);
            trouble = true;
        } else {
            civ_walk_add(&walk, "-");
        }
    }
    for (int i = optind; i < argc; i++)
        civ_walk_add(&walk, argv[i]);
    for (size_t i = 0; i < walk.nerrors; i++) {
        error_msg(walk.errors[i]);
        trouble = true;
    }

    civ_out out = {stdout, false, o.quiet, NULL, 0, NULL};
    out.color = o.color == 1 || (o.color == -1 && isatty(1) && !getenv("NO_COLOR"));
    civ_summary sum;
    memset(&sum, 0, sizeof sum);
    o.fmt->begin(&out);
    /* Files are read and linted on worker threads (parallel.h); results
     * come back here in input order, so output does not depend on -j. */
    unsigned jobs = o.jobs ? o.jobs : walk.n > 1 ? civ_par_cpus() : 1;
    lint_job_ctx jc = {&linter, (const char *const *)walk.paths, o.stdin_name};
    civ_par *par = civ_par_new(walk.n, jobs, 0, lint_job, &jc);
    for (size_t i = 0; i < walk.n; i++) {
        lint_job_result *job = civ_par_take(par);
        const char *name = job->name;
        char *err = job->err;
        civ_source *src = job->src;
        civ_file_result r = {name, src, NULL, err};
        civ_diags diags = job->diags;
        free(job);
        if (src) {
            r.diags = &diags;
            count(&sum, &diags);
        } else {
            error_msg(err);
            trouble = true;
        }
        sum.files++;
        o.fmt->file(&out, &r);
        civ_diags_release(&diags);
        civ_source_free(src);
        free(err);
    }
    civ_par_free(par, NULL); /* every result was taken */
    o.fmt->end(&out, &sum);

    if ((o.fail_on <= CIV_SEV_ERROR && sum.errors) || (o.fail_on <= CIV_SEV_WARNING && sum.warnings) ||
        (o.fail_on <= CIV_SEV_NOTE && sum.notes))
        status = EXIT_FINDINGS;
    if (trouble)
        status = EXIT_TROUBLE;
    if (isatty(2) && o.fmt == civ_formatter_find("gcc")) {
        fprintf(stderr, "%zu error%s, %zu warning%s, %zu note%s in %zu file%s\n", sum.errors,
                sum.errors == 1 ? "" : "s", sum.warnings, sum.warnings == 1 ? "" : "s", sum.notes,
                sum.notes == 1 ? "" : "s", sum.files, sum.files == 1 ? "" : "s");
    }
    free(sum.by_rule);
    civ_walk_release(&walk);
    civ_rules_free(rules);
    free(datadir);
    civ_pattern_thread_cleanup();

done_opts:
    for (size_t i = 0; i < o.ntoggles; i++)
        free(o.toggles[i]);
    free(o.toggles);
    free(o.rule_dirs);
    /* Like git: a failed write to stdout (disk full, closed pipe) is an error. */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (errno != EPIPE)
            fprintf(stderr, "civlint: error: cannot write output: %s\n", strerror(errno));
        return EXIT_TROUBLE;
    }
    return status;
}
