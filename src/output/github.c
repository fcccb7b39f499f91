/* github.c - GitHub Actions workflow commands, so findings appear as
 * annotations on the pull request:
 *
 *   ::warning file=F,line=L,col=C,endLine=EL,endColumn=EC,title=T::MESSAGE
 *
 * Values are escaped as @actions/core does (escape.h). Columns count code
 * points and endColumn is the last character's column (inclusive, as the
 * checks API's end_column); GitHub accepts columns only when the
 * annotation starts and ends on one line, so multi-line spans carry lines
 * only.
 *
 * GitHub shows at most 10 annotations of each level per step, and drops the
 * rest silently. So the findings are buffered, the most severe are emitted
 * first, at most 10 per level, and one ::notice says how many were left
 * out (it takes the 10th notice slot when notes overflow); the left-out
 * findings are still printed in a collapsed log group so nothing is lost.
 * When GITHUB_STEP_SUMMARY names a file, the summary tables of the run's
 * tally (tally.h) are appended to it as Markdown. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output/output.h"
#include "base/util.h"
#include "output/columns.h"
#include "output/escape.h"
#include "output/tally.h"

/* GitHub's limit of annotations per level per step. */
#define GH_MAX_PER_LEVEL 10

typedef struct {
    char *path;
    char *message;
    const char *rule;
    civ_severity sev;
    size_t line, col, end_line, end_col;
    size_t seq;
} gh_item;

typedef struct {
    gh_item *items; /* every finding of the run, in input order */
    size_t n, cap;
} gh_state;

static void github_begin(civ_out *o)
{
    o->state = xcalloc(1, sizeof(gh_state));
}

static void github_file(civ_out *o, const civ_file_result *r)
{
    gh_state *st = o->state;
    if (!r->src || !r->diags)
        return;
    for (size_t i = 0; i < r->diags->n; i++) {
        const civ_diag *d = &r->diags->items[i];
        gh_item *it = CIV_PUSH(st->items, st->n, st->cap);
        it->path = xstrdup(r->path);
        civ_buf msg;
        civ_buf_init(&msg);
        civ_buf_puts(&msg, d->message);
        for (size_t k = 0; k < d->nnotes; k++) {
            civ_buf_puts(&msg, "\nnote: ");
            civ_buf_puts(&msg, d->notes[k]);
        }
        for (size_t k = 0; k < d->nfixes; k++) {
            char *fix = civ_fix_describe(r->src, &d->fixes[k]);
            civ_buf_puts(&msg, "\nfix: ");
            civ_buf_puts(&msg, fix);
            free(fix);
        }
        it->message = civ_buf_detach(&msg);
        it->rule = d->rule;
        it->sev = d->severity;
        it->seq = st->n;
        civ_position(o->columns, r->src, d->start, &it->line, &it->col);
        civ_span_end(o->columns, r->src, d->start, d->end, &it->end_line, &it->end_col);
    }
}

static int most_severe_first(const void *a, const void *b)
{
    const gh_item *x = a, *y = b;
    if (x->sev != y->sev)
        return x->sev > y->sev ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static const char *command(civ_severity s)
{
    return s == CIV_SEV_ERROR ? "error" : s == CIV_SEV_WARNING ? "warning" : "notice";
}

/* Writes one workflow command for a finding. */
static void annotate(FILE *fp, const gh_item *it)
{
    fprintf(fp, "::%s file=", command(it->sev));
    civ_gh_escape_property(fp, it->path, strlen(it->path));
    fprintf(fp, ",line=%zu,endLine=%zu", it->line, it->end_line);
    if (it->line == it->end_line)
        fprintf(fp, ",col=%zu,endColumn=%zu", it->col, it->end_col);
    fputs(",title=", fp);
    char *title = xasprintf("civlint: %s", it->rule);
    civ_gh_escape_property(fp, title, strlen(title));
    free(title);
    fputs("::", fp);
    civ_gh_escape_data(fp, it->message, strlen(it->message));
    fputc('\n', fp);
}

/* A left-out finding as a plain log line, escaped so that it can never be
 * a workflow command of its own (a post named "::error file=x::y.md"). */
static void log_line(FILE *fp, const gh_item *it)
{
    civ_gh_escape_log(fp, it->path, strlen(it->path), true);
    fprintf(fp, ":%zu:%zu: %s: ", it->line, it->col, civ_severity_name(it->sev));
    /* one line per finding: the notes follow after "; " */
    for (const char *m = it->message; *m;) {
        size_t n = strcspn(m, "\n");
        civ_gh_escape_log(fp, m, n, false);
        m += n;
        if (*m) {
            fputs("; ", fp);
            m++;
        }
    }
    fprintf(fp, " [%s]\n", it->rule);
}

static void write_step_summary(const civ_tally *t)
{
    const char *path = getenv("GITHUB_STEP_SUMMARY");
    if (!path || !*path)
        return;
    /* Appended to a regular file only: a FIFO or a device there must not
     * block the run or be written blindly (the annotations are what
     * matters; the summary is extra, so a refusal is silent). */
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0666);
    struct stat st;
    if (fd < 0)
        return;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return;
    }
    FILE *fp = fdopen(fd, "a");
    if (!fp) {
        close(fd);
        return;
    }
    civ_tally_print_markdown(t, fp);
    fputc('\n', fp);
    fclose(fp);
}

static void github_end(civ_out *o, const civ_tally *t)
{
    gh_state *st = o->state;
    FILE *fp = o->fp;
    civ_qsort(st->items, st->n, sizeof *st->items, most_severe_first);
    size_t count[3] = {0, 0, 0};
    for (size_t i = 0; i < st->n; i++)
        count[st->items[i].sev]++;
    size_t cap[3] = {GH_MAX_PER_LEVEL, GH_MAX_PER_LEVEL, GH_MAX_PER_LEVEL};
    size_t left = 0;
    for (int k = 0; k < 3; k++)
        left += count[k] > cap[k] ? count[k] - cap[k] : 0;
    if (left && count[CIV_SEV_NOTE] >= GH_MAX_PER_LEVEL) {
        /* the count-left-out notice needs a notice slot of its own */
        cap[CIV_SEV_NOTE] = GH_MAX_PER_LEVEL - 1;
        left++;
    }
    size_t shown[3] = {0, 0, 0};
    bool *emitted = xcalloc(st->n + 1, sizeof *emitted);
    for (size_t i = 0; i < st->n; i++) {
        gh_item *it = &st->items[i];
        if (shown[it->sev] < cap[it->sev]) {
            shown[it->sev]++;
            annotate(fp, it);
            emitted[i] = true;
        }
    }
    if (left) {
        fprintf(fp, "::notice title=civlint::%zu more finding%s not shown as annotations (GitHub shows 10 per "
                    "level); see the log and the job summary\n",
                left, left == 1 ? "" : "s");
        fprintf(fp, "::group::civlint: %zu finding%s not annotated\n", left, left == 1 ? "" : "s");
        for (size_t i = 0; i < st->n; i++)
            if (!emitted[i])
                log_line(fp, &st->items[i]);
        fputs("::endgroup::\n", fp);
    }
    free(emitted);
    write_step_summary(t);
    for (size_t i = 0; i < st->n; i++) {
        free(st->items[i].path);
        free(st->items[i].message);
    }
    free(st->items);
    free(st);
    o->state = NULL;
}

const civ_formatter civ_format_github = {"github", "Actions annotations", github_begin, github_file, github_end};
