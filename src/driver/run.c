/* run.c - the stages of a run; see run.h. Only the driver prints about the
 * run (through report.h) and decides the exit status. */
#include "driver/run.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "base/termsafe.h"
#include "checks/check.h"
#include "checks/spelling.h"
#include "driver/explain.h"
#include "driver/parallel.h"
#include "driver/postlang.h"
#include "driver/limits.h"
#include "driver/report.h"
#include "driver/sections.h"
#include "driver/settings.h"
#include "output/tally.h"
#include "rules/pattern.h"
#include "source/source.h"
#include "spell/spell.h"

/* ---- the run's state ---------------------------------------------------- */

void civ_run_init(civ_run *r, const civ_options *o, const char *datadir)
{
    memset(r, 0, sizeof *r);
    r->o = o;
    r->datadir = datadir;
    r->rules = civ_rules_new();
    civ_checks_declare(r->rules); /* the one rule list: the checks, then the packs */
    civ_linter_init(&r->linter, r->rules);
    civ_walk_init(&r->walk);
    civ_tally_init(&r->tally);
}

/* Tearing down hunspell's dictionary at exit costs 26 M instructions,
 * 11% of linting one post, for memory the kernel reclaims at once. Like
 * clang's -disable-free, civlint leaves the spellers to the OS: kept in a
 * static so leak checkers see them as reachable, not lost.
 * CIVLINT_FREE_AT_EXIT=1 frees them (check-asan and check-valgrind set it,
 * so the teardown stays checked for leaks). */
static civ_spellers *volatile g_spellers_at_exit; /* volatile: a store never read is otherwise dropped */

static void free_at_exit(civ_spellers *sp)
{
    const char *e = getenv("CIVLINT_FREE_AT_EXIT");
    if (e && *e && *e != '0')
        civ_spellers_free(sp);
    else
        g_spellers_at_exit = sp;
}

void civ_run_release(civ_run *r)
{
    if (r->have_run_words)
        civ_strmap_release(&r->run_words);
    if (r->spellers)
        free_at_exit(r->spellers);
    free(r->house);
    civ_rule_infos_free(r->rule_info, r->nrule_info);
    civ_tally_release(&r->tally);
    civ_walk_release(&r->walk);
    if (r->gate_open)
        civ_gate_release(&r->gate);
    if (r->configs)
        civ_configs_free(r->configs);
    for (size_t i = 0; i < r->nrule_dirs; i++)
        free(r->rule_dirs[i]);
    free(r->rule_dirs);
    civ_rules_free(r->rules);
    civ_pattern_thread_cleanup();
}

/* ---- rules -------------------------------------------------------------- */

static bool load_rule_dir(civ_run *r, const char *dir)
{
    char *err = NULL;
    if (civ_rules_load_dir(r->rules, dir, &err))
        return true;
    civ_report_located("%s", err); /* file:line:col, the line and a caret */
    free(err);
    return false;
}

bool civ_run_load_rules(civ_run *r)
{
    const civ_options *o = r->o;
    r->rule_dirs = xcalloc(o->rule_dirs.n + 1, sizeof *r->rule_dirs);
    if (o->default_rules)
        r->rule_dirs[r->nrule_dirs++] = xasprintf("%s/rules", r->datadir);
    for (size_t i = 0; i < o->rule_dirs.n; i++)
        r->rule_dirs[r->nrule_dirs++] = xstrdup(o->rule_dirs.items[i]);
    bool ok = true;
    for (size_t i = 0; i < r->nrule_dirs; i++)
        if (!load_rule_dir(r, r->rule_dirs[i]))
            ok = false;
    if (!ok)
        r->trouble = true;
    return ok;
}

void civ_run_list_rules(const civ_run *r)
{
    civ_list_rules(stdout, r->rules, r->o->verbose);
}

/* ---- configuration ------------------------------------------------------ */

void civ_run_load_configs(civ_run *r)
{
    r->config_env = (civ_config_env){r->rules, (const char *const *)r->rule_dirs, r->nrule_dirs};
    r->configs = civ_configs_new(&r->config_env, &r->o->cli, r->o->config, r->o->no_config);
}

/* The name a path is shown and configured under: --stdin-filename for "-". */
static const char *shown_name(const civ_options *o, const char *path)
{
    return strcmp(path, "-") == 0 && o->stdin_name ? o->stdin_name : path;
}

/* ---- gate, spellers, walk ----------------------------------------------- */

bool civ_run_open_gate(civ_run *r)
{
    char *err = NULL;
    r->gate_open = true; /* released even when it failed half way */
    if (civ_gate_init(&r->gate, &r->o->gate, &err))
        return true;
    civ_report_error("%s", err);
    free(err);
    return false;
}

/* A missing dictionary leaves spelling off for the files concerned; the
 * other checks still run and the exit status becomes 2. */
void civ_run_load_spellers(civ_run *r)
{
    const civ_options *o = r->o;
    r->linter.ctx.suggest = !o->no_suggest;
    r->linter.ctx.all_occurrences = o->all_occurrences;
    if (o->acronym_max >= 0)
        r->linter.ctx.acronym_max = (size_t)o->acronym_max;
    r->house = xasprintf("%s/dictionaries/house.dic", r->datadir);
    civ_severity sev;
    if (!civ_policy_lookup(&o->cli, "spelling", CIV_SEV_WARNING, &sev) &&
        !civ_policy_turns_on(&o->cli, "spelling-variant"))
        return;
    r->spellers = civ_spellers_new(o->lang, o->dict, r->house, o->words.items, o->words.n);
    civ_spellers_set_full_search(r->spellers, o->full_suggest);
    char *err = NULL;
    r->linter.ctx.speller = civ_spellers_get(r->spellers, NULL, NULL, 0, &err);
    if (err) {
        civ_report_error_lines("%s", err);
        free(err);
        r->trouble = true;
    }
}

void civ_run_walk(civ_run *r)
{
    if (r->o->npaths == 0) {
        if (isatty(0)) {
            civ_report_error("no input (give files or folders, or '-' for standard input; see --help)");
            r->trouble = true;
        } else {
            civ_walk_add(&r->walk, "-");
        }
    }
    r->walk.follow_symlinks = r->o->follow_symlinks;
    r->walk.no_ignore = r->o->no_ignore;
    for (size_t i = 0; i < r->o->npaths; i++)
        civ_walk_add(&r->walk, r->o->paths[i]);
    for (size_t i = 0; i < r->walk.nwarnings; i++)
        civ_report_warning("%s", r->walk.warnings[i]);
    for (size_t i = 0; i < r->walk.nerrors; i++) {
        civ_report_error("%s", r->walk.errors[i]);
        r->trouble = true;
    }
}

/* ---- lint: the workers -------------------------------------------------- */

/* The per-file work run on worker threads: settings, read, lint. Gating
 * (baselines, --since, --fix) stays on the main thread, in input order. */
typedef struct {
    const civ_linter *linter;
    const char *const *paths;
    const civ_options *o;
    civ_configs *configs;
    pthread_mutex_t *config_lock; /* the config cache is shared */
    civ_spellers *spellers;       /* NULL: spelling is off */
    /* Errors the vocabulary pre-pass met first (per file; NULL: none).
     * A config or dictionary error is given to its first reader only, so
     * the pre-pass keeps them for the file's own turn. */
    char **config_errs, **spell_errs;
} lint_job_ctx;

typedef struct {
    const char *name;     /* borrowed from the walk or the options */
    civ_source *src;      /* NULL when the file could not be read */
    char *err;            /* why (heap) */
    char *config_err;     /* a bad .civlint.yml for this file (heap) */
    char *spell_err;      /* its dictionaries could not be loaded (heap) */
    bool config_ok;       /* fs is valid and must be released */
    civ_file_settings fs;
    civ_linter fl;        /* the linter with this file's settings */
    civ_diags diags;
} lint_job_result;

/* The file's settings, speller and source (the work both passes share).
 * False when it is not to be linted (bad config, ignored). */
static bool prepare_job(const lint_job_ctx *c, size_t i, lint_job_result *j)
{
    const char *path = c->paths[i];
    j->name = shown_name(c->o, path);
    civ_diags_init(&j->diags);
    pthread_mutex_lock(c->config_lock);
    j->config_ok = civ_configs_resolve(c->configs, j->name, &j->fs, &j->config_err);
    pthread_mutex_unlock(c->config_lock);
    if (!j->config_err && c->config_errs) {
        j->config_err = c->config_errs[i];
        c->config_errs[i] = NULL;
    }
    if (!j->config_ok || j->fs.ignored)
        return false;
    j->fl = *c->linter;
    civ_file_settings_ctx(&j->fs, &j->fl.ctx);
    j->fl.policy = &j->fs.policy;
    if (c->spellers && (j->fl.ctx.lang || j->fl.ctx.ndictionaries))
        j->fl.ctx.speller = civ_spellers_get(c->spellers, j->fl.ctx.lang, j->fl.ctx.dictionaries,
                                             j->fl.ctx.ndictionaries, &j->spell_err);
    if (!j->spell_err && c->spell_errs) {
        j->spell_err = c->spell_errs[i];
        c->spell_errs[i] = NULL;
    }
    j->src = civ_source_read_head(path, j->name, c->o->max_file_size, &j->err);
    if (j->src && strcmp(path, "-") == 0) { /* read once: its own syntax (sections.h) */
        pthread_mutex_lock(c->config_lock);
        civ_run_own_syntax(c->configs, j->src, &j->fs, &j->fl);
        pthread_mutex_unlock(c->config_lock);
    }
    if (j->src) /* the post's own `lang:` (postlang.h) */
        civ_post_speller(c->spellers, &j->fl.ctx, j->src, &j->diags);
    return j->src != NULL;
}

static void *lint_job(void *arg, size_t i)
{
    const lint_job_ctx *c = arg;
    lint_job_result *j = xcalloc(1, sizeof *j);
    if (prepare_job(c, i, j))
        civ_lint(&j->fl, j->src, &j->diags);
    return j;
}

static void lint_job_free(lint_job_result *j)
{
    civ_diags_release(&j->diags);
    civ_source_free(j->src);
    if (j->config_ok)
        civ_file_settings_release(&j->fs);
    free(j->err);
    free(j->config_err);
    free(j->spell_err);
    free(j);
}

/* ---- the run's vocabulary: a pre-pass ------------------------------------ */

typedef struct {
    lint_job_result *job; /* its config_err and spell_err are kept */
    civ_strmap words;
} vocab_result;

static void *vocab_job(void *arg, size_t i)
{
    const lint_job_ctx *c = arg;
    vocab_result *v = xcalloc(1, sizeof *v);
    v->job = xcalloc(1, sizeof *v->job);
    civ_strmap_init(&v->words);
    if (prepare_job(c, i, v->job))
        civ_lint_vocabulary(&v->job->fl, v->job->src, &v->words);
    return v;
}

static void count_word(const char *key, void *value, void *ud)
{
    (void)value;
    civ_strmap *posts = ud;
    uintptr_t n = (uintptr_t)civ_strmap_get(posts, key, strlen(key));
    civ_strmap_put(posts, key, strlen(key), (void *)(n + 1));
}

/* Reads every file once to count, per unknown word, the posts that use
 * it (checks/spelling.h): a word of several posts is the blog's
 * vocabulary. Only when spelling is on and there are several files, none
 * of them standard input (which cannot be read twice). The counts are
 * complete before the first file is linted, so output does not depend on
 * -j; the cost is a second parse of every file (the spelling verdicts are
 * cached, so the lint pass pays less for them). */
static void build_vocabulary(civ_run *r, lint_job_ctx *jc, unsigned jobs)
{
    if (!r->spellers || r->walk.n < CIV_SPELLING_RUN_POSTS)
        return;
    for (size_t i = 0; i < r->walk.n; i++)
        if (strcmp(r->walk.paths[i], "-") == 0)
            return;
    jc->config_errs = xcalloc(r->walk.n, sizeof *jc->config_errs);
    jc->spell_errs = xcalloc(r->walk.n, sizeof *jc->spell_errs);
    civ_strmap_init(&r->run_words);
    r->have_run_words = true;
    civ_par *par = civ_par_new(r->walk.n, jobs, 0, vocab_job, jc);
    for (size_t i = 0; i < r->walk.n; i++) {
        vocab_result *v = civ_par_take(par);
        civ_strmap_each(&v->words, count_word, &r->run_words);
        civ_strmap_release(&v->words);
        jc->config_errs[i] = v->job->config_err;
        jc->spell_errs[i] = v->job->spell_err;
        v->job->config_err = v->job->spell_err = NULL;
        lint_job_free(v->job);
        free(v);
    }
    civ_par_free(par, NULL);
    r->linter.ctx.run_words = &r->run_words;
}

/* ---- --explain-word ------------------------------------------------------ */

void civ_run_explain_word(civ_run *r)
{
    char *t = civ_spelling_explain(&r->linter.ctx, r->o->explain_word);
    civ_term_put(stdout, t, strlen(t), CIV_TERM_NEWLINES); /* quotes the word as given */
    free(t);
}

/* ---- --list-unknown ------------------------------------------------------ */

typedef struct {
    lint_job_result *job;
    civ_strmap words; /* as written -> occurrences */
} unknown_result;

static void *unknown_job(void *arg, size_t i)
{
    const lint_job_ctx *c = arg;
    unknown_result *u = xcalloc(1, sizeof *u);
    u->job = xcalloc(1, sizeof *u->job);
    civ_strmap_init(&u->words);
    if (prepare_job(c, i, u->job))
        civ_lint_unknown(&u->job->fl, u->job->src, &u->words);
    return u;
}

typedef struct {
    char *word; /* owned */
    size_t count, posts;
} unknown_word;

typedef struct {
    civ_strmap index; /* word -> position + 1 in items */
    unknown_word *items;
    size_t n, cap;
} unknown_list;

static void add_unknown(const char *key, void *value, void *ud)
{
    unknown_list *l = ud;
    size_t len = strlen(key);
    uintptr_t at = (uintptr_t)civ_strmap_get(&l->index, key, len);
    if (!at) {
        *CIV_PUSH(l->items, l->n, l->cap) = (unknown_word){xstrdup(key), 0, 0};
        at = l->n;
        civ_strmap_put(&l->index, key, len, (void *)at);
    }
    l->items[at - 1].count += (uintptr_t)value;
    l->items[at - 1].posts++;
}

/* Most occurrences first, then most posts, then the word (byte order), so
 * the list is the same in every run. */
static int cmp_unknown(const void *a, const void *b)
{
    const unknown_word *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    if (x->posts != y->posts)
        return x->posts < y->posts ? 1 : -1;
    return strcmp(x->word, y->word);
}

/* The read, configuration and dictionary errors of one file, as the lint
 * stage reports them. */
static void report_job_errors(civ_run *r, const lint_job_result *j)
{
    if (!j->config_ok) {
        if (j->config_err)
            civ_report_located("%s", j->config_err);
        r->trouble = true;
        return;
    }
    if (j->fs.ignored)
        return;
    if (j->spell_err) {
        civ_report_error_lines("%s", j->spell_err);
        r->trouble = true;
    }
    if (!j->src) {
        civ_report_error("%s", j->err);
        r->trouble = true;
    }
    civ_limit_report_head(r->o->max_file_size, j->src);
}

void civ_run_list_unknown(civ_run *r)
{
    if (!r->spellers)
        return; /* spelling is off: no word is unknown */
    unsigned jobs = civ_limit_jobs(r->o->jobs, r->walk.n);
    pthread_mutex_t config_lock = PTHREAD_MUTEX_INITIALIZER;
    lint_job_ctx jc = {.linter = &r->linter, .paths = (const char *const *)r->walk.paths, .o = r->o,
                       .configs = r->configs, .config_lock = &config_lock, .spellers = r->spellers};
    unknown_list l = {.items = NULL};
    civ_strmap_init(&l.index);
    civ_par *par = civ_par_new(r->walk.n, jobs, 0, unknown_job, &jc);
    for (size_t i = 0; i < r->walk.n; i++) {
        unknown_result *u = civ_par_take(par);
        report_job_errors(r, u->job);
        civ_strmap_each(&u->words, add_unknown, &l);
        civ_strmap_release(&u->words);
        lint_job_free(u->job);
        free(u);
    }
    civ_par_free(par, NULL);
    civ_qsort(l.items, l.n, sizeof *l.items, cmp_unknown);
    printf("# occurrences posts word (civlint --list-unknown)\n");
    for (size_t i = 0; i < l.n; i++) {
        printf("%13zu %5zu ", l.items[i].count, l.items[i].posts);
        civ_term_put(stdout, l.items[i].word, strlen(l.items[i].word), 0); /* from the posts */
        putchar('\n');
        free(l.items[i].word);
    }
    free(l.items);
    civ_strmap_release(&l.index);
}

/* ---- lint: this thread -------------------------------------------------- */

/* Rules that gave up on this file (pcre2 match limit): once per rule. */
static void report_problems(const civ_source *src, const civ_diags *d)
{
    for (size_t i = 0; i < d->nproblems; i++) {
        size_t line, col;
        civ_source_position(src, d->problems[i].off, &line, &col);
        if (!*d->problems[i].rule) { /* a limit of the post (pipeline/lint.c) */
            civ_report_warning("post '%s': %s at line %zu; only the lines before it checked", src->name,
                               d->problems[i].reason, line);
            continue;
        }
        civ_report_warning("rule '%s' gave up on %s:%zu (%s)", d->problems[i].rule, src->name, line,
                           d->problems[i].reason);
    }
}

/* The gcc format's width: --width, else $COLUMNS (as a shell sets it),
 * else the width of the terminal on stdout, else 80 (a pipe, a file, CI). */
static size_t output_width(const civ_options *o)
{
    if (o->width >= 0)
        return (size_t)o->width;
    const char *env = getenv("COLUMNS");
    char *end;
    long n = env && *env ? strtol(env, &end, 10) : 0;
    if (n > 0 && !*end)
        return (size_t)n;
    struct winsize ws;
    if (isatty(1) && ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 80;
}

/* The formats' begin: the chosen one on stdout and, with --summary, the
 * summary table as a second formatter over the same results, on stdout
 * after the gcc text, on stderr when stdout carries a machine format. */
static void begin_output(civ_run *r)
{
    const civ_options *o = r->o;
    r->rule_info = civ_rule_infos(r->rules, &r->nrule_info);
    r->out = (civ_out){.fp = stdout, .quiet = o->quiet, .rules = r->rule_info, .nrules = r->nrule_info,
                      .width = output_width(o), .columns = o->columns,
                      .link_base = o->link_base};
    /* a terminal that shows escapes raw: TERM=dumb (as GCC) or Emacs's
     * M-x compile, a pty that says INSIDE_EMACS=VERSION,compile */
    const char *term = getenv("TERM"), *emacs = getenv("INSIDE_EMACS");
    r->out.color = o->color == 1 || (o->color == -1 && isatty(1) && !getenv("NO_COLOR") &&
                                     !(term && strcmp(term, "dumb") == 0) && !(emacs && strstr(emacs, ",compile")));
    bool gcc = strcmp(o->fmt->name, "gcc") == 0;
    r->sumfmt = o->summary && strcmp(o->fmt->name, "summary") != 0 ? civ_formatter_find("summary") : NULL;
    r->sumout = (civ_out){.fp = gcc ? stdout : stderr, .rules = r->rule_info, .nrules = r->nrule_info};
    r->printing = !o->gate.write_baseline && !o->gate.diff;
    if (!r->printing)
        return;
    o->fmt->begin(&r->out);
    if (r->sumfmt)
        r->sumfmt->begin(&r->sumout);
}

static void end_output(civ_run *r)
{
    if (!r->printing)
        return;
    r->o->fmt->end(&r->out, &r->tally);
    if (r->sumfmt) {
        if (r->sumout.fp == stdout)
            fputc('\n', stdout);
        r->sumfmt->end(&r->sumout, &r->tally);
    }
}

/* One file's result, in input order: its errors, the gate, the count and
 * the formats. */
static void take_file(civ_run *r, const char *path, lint_job_result *job)
{
    if (!job->config_ok) {
        if (job->config_err)
            civ_report_located("%s", job->config_err);
        r->trouble = true;
        return;
    }
    if (job->fs.ignored)
        return;
    if (job->spell_err) {
        civ_report_error_lines("%s", job->spell_err);
        r->trouble = true;
    }
    civ_file_result fr = {job->name, job->src, NULL, job->err};
    if (job->src) {
        civ_limit_report_head(r->o->max_file_size, job->src);
        civ_gate_file(&r->gate, &job->fl, path, job->name, &job->src, &job->diags);
        civ_limit_findings(r->o->max_findings, job->name, &job->diags);
        fr.src = job->src;
        fr.diags = &job->diags;
    } else {
        civ_report_error("%s", job->err);
        r->trouble = true;
    }
    /* the one count (exit status, closing line, the formats); a run that
     * only records a baseline counts the file but none of its findings */
    civ_file_result counted = fr;
    static const civ_diags no_findings;
    if (r->o->gate.write_baseline && fr.diags)
        counted.diags = &no_findings;
    civ_tally_add(&r->tally, &counted);
    if (r->printing && !r->write_errno) {
        r->o->fmt->file(&r->out, &fr);
        if (r->sumfmt)
            r->sumfmt->file(&r->sumout, &fr);
    }
    if (job->src && job->diags.nproblems) {
        fflush(stdout); /* keep the file's findings before its problems */
        report_problems(job->src, &job->diags);
    }
}

void civ_run_lint(civ_run *r)
{
    begin_output(r);
    /* Files are read and linted on worker threads (parallel.h); results
     * come back here in input order, so output does not depend on -j. */
    unsigned jobs = civ_limit_jobs(r->o->jobs, r->walk.n);
    pthread_mutex_t config_lock = PTHREAD_MUTEX_INITIALIZER;
    lint_job_ctx jc = {.linter = &r->linter, .paths = (const char *const *)r->walk.paths, .o = r->o,
                       .configs = r->configs, .config_lock = &config_lock, .spellers = r->spellers};
    build_vocabulary(r, &jc, jobs);
    civ_par *par = civ_par_new(r->walk.n, jobs, 0, lint_job, &jc);
    for (size_t i = 0; i < r->walk.n; i++) {
        lint_job_result *job = civ_par_take(par);
        take_file(r, r->walk.paths[i], job);
        lint_job_free(job);
        if (!r->write_errno && ferror(stdout)) {
            /* stdout is gone (closed pipe, full disk): print nothing more;
             * the remaining results are still taken so the workers end */
            r->write_errno = errno;
        }
    }
    civ_par_free(par, NULL); /* every result was taken */
    for (size_t i = 0; jc.config_errs && i < r->walk.n; i++) {
        free(jc.config_errs[i]);
        free(jc.spell_errs[i]);
    }
    free(jc.config_errs);
    free(jc.spell_errs);
    end_output(r);
}

/* ---- the end of the run ------------------------------------------------- */

void civ_run_close_gate(civ_run *r)
{
    civ_gate *g = &r->gate;
    if (r->o->gate.diff && g->diff.len)
        fwrite(g->diff.data, 1, g->diff.len, stdout); /* output, like the findings */
    if (!civ_gate_finish(g))
        r->trouble = true;
    for (size_t i = 0; i < g->nnotes; i++)
        civ_report_note("%s", g->notes[i]);
    for (size_t i = 0; i < g->nwarnings; i++)
        civ_report_warning("%s", g->warnings[i]);
    for (size_t i = 0; i < g->nerrors; i++) {
        civ_report_error("%s", g->errors[i]);
        r->trouble = true;
    }
}

int civ_run_status(const civ_run *r)
{
    const civ_options *o = r->o;
    const size_t *n = r->tally.n; /* by civ_severity */
    int status = CIV_EXIT_CLEAN;
    if ((o->fail_on <= CIV_SEV_ERROR && n[CIV_SEV_ERROR]) ||
        (o->fail_on <= CIV_SEV_WARNING && n[CIV_SEV_WARNING]) ||
        (o->fail_on <= CIV_SEV_NOTE && n[CIV_SEV_NOTE]))
        status = CIV_EXIT_FINDINGS;
    if (o->max_warnings >= 0 && n[CIV_SEV_WARNING] > (size_t)o->max_warnings)
        status = CIV_EXIT_FINDINGS;
    if (o->gate.diff)
        status = r->gate.diff.len ? CIV_EXIT_FINDINGS : CIV_EXIT_CLEAN;
    if (o->gate.write_baseline)
        status = CIV_EXIT_CLEAN;
    if (r->trouble)
        status = CIV_EXIT_TROUBLE;
    return status;
}

/* --spell-stats: what the spelling stage did, on stderr. */
static void report_spell_stats(civ_spellers *sp)
{
    civ_spell_stats st;
    civ_spellers_stats(sp, &st);
    double secs = (double)st.ns / 1e9;
    civ_report_note("spelling: %llu words (%llu distinct), %llu hunspell lookups, %llu suggestion "
                    "lists, %llu handle%s, %.1f ms, %.0f words/s",
                    (unsigned long long)st.words, (unsigned long long)st.distinct,
                    (unsigned long long)st.lookups, (unsigned long long)st.suggestions,
                    (unsigned long long)st.handles, st.handles == 1 ? "" : "s", secs * 1e3,
                    secs > 0 ? (double)st.words / secs : 0.0);
}

/* The run's last lines, on stderr whatever the format, so a CI log ends
 * with the verdict: why --max-warnings failed, then the totals (not with
 * --quiet, whose readers parse stderr too, nor when stdout's reader went
 * away, as with `| head`, where the run ends silently). */
void civ_run_report(const civ_run *r)
{
    const civ_tally *t = &r->tally;
    size_t e = t->n[CIV_SEV_ERROR], w = t->n[CIV_SEV_WARNING], n = t->n[CIV_SEV_NOTE], with = 0;
    for (size_t i = 0; i < t->nfiles; i++)
        with += t->files[i].total > 0;
    if (r->o->spell_stats && r->spellers)
        report_spell_stats(r->spellers);
    char *ix = r->o->verbose && r->spellers ? civ_spellers_index_notes(r->spellers) : NULL;
    for (char *line = ix, *save = NULL; ix && (line = strtok_r(line, "\n", &save)); line = NULL)
        civ_report_note("%s", line); /* -v: why the near search asked hunspell */
    free(ix);
    if (r->o->max_warnings >= 0 && w > (size_t)r->o->max_warnings)
        civ_report_note("failing: %zu warning%s, more than --max-warnings=%ld allows", w,
                        w == 1 ? "" : "s", r->o->max_warnings);
    if (r->o->quiet || r->write_errno || ferror(stdout))
        return;
    char notes[64] = "";
    if (n)
        snprintf(notes, sizeof notes, ", %zu note%s", n, n == 1 ? "" : "s");
    civ_report_note("%zu error%s, %zu warning%s%s in %zu of %zu post%s", e, e == 1 ? "" : "s", w,
                    w == 1 ? "" : "s", notes, with, t->nfiles, t->nfiles == 1 ? "" : "s");
}
