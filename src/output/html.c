/* html.c - the editors' report (`--format=html`): one self-contained page
 * to open in a browser, with the totals, a bar chart of findings per rule,
 * a sortable table of posts, each post's findings with the source lines
 * highlighted (wrapped, so the span is on screen however long the line),
 * a filter bar (severity, rule, search) and, for each rule with findings,
 * what `civlint --explain` says of it. With --link-base, each post heading
 * and finding position links to the post (civ_link_href).
 *
 * Self-contained: inline CSS, no external assets, no network. Safe: every
 * byte from a post or a path goes through civ_html_escape (controls and
 * bidirectional overrides are shown as visible \u{...}), and a
 * Content-Security-Policy allows no script but the page's own, pinned by
 * its SHA-256 hash, so even a missed escape could not run a post's
 * <script>. Change PAGE_JS and its hash together (tests/formats/run checks it).
 *
 * The per-post sections are written to a memory stream while files
 * arrive, because the totals and the chart come first on the page. */
#include <stdlib.h>
#include <string.h>

#include "output/output.h"
#include "base/utf8.h"
#include "base/util.h"
#include "output/escape.h"
#include "output/tally.h"

/* Source lines longer than this are cut to a window around the span. */
#define LINE_WINDOW 160
/* Lines of a multi-line span shown before eliding the rest. */
#define MAX_SPAN_LINES 6

/* The page's one script: the posts table sorts on a click, and the filter
 * bar (hidden until this runs, so with scripts off the page shows every
 * finding and no dead controls) narrows the findings by severity, rule and
 * words of the message, rule id or path. */
static const char PAGE_JS[] =
    "\"use strict\";\n"
    "document.querySelectorAll('table.sortable th').forEach(function (th, col) {\n"
    "  function sort() {\n"
    "    var table = th.closest('table'), body = table.tBodies[0];\n"
    "    var asc = th.getAttribute('aria-sort') !== 'ascending';\n"
    "    table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });\n"
    "    th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');\n"
    "    var num = th.getAttribute('data-type') === 'num';\n"
    "    var rows = Array.prototype.slice.call(body.rows);\n"
    "    rows.sort(function (a, b) {\n"
    "      var x = a.cells[col].textContent, y = b.cells[col].textContent;\n"
    "      var c = num ? Number(x) - Number(y) : x.localeCompare(y);\n"
    "      return asc ? c : -c;\n"
    "    });\n"
    "    rows.forEach(function (r) { body.appendChild(r); });\n"
    "  }\n"
    "  th.tabIndex = 0;\n"
    "  th.addEventListener('click', sort);\n"
    "  th.addEventListener('keydown', function (e) {\n"
    "    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); }\n"
    "  });\n"
    "});\n"
    "(function () {\n"
    "  var bar = document.getElementById('filters');\n"
    "  if (!bar) return;\n"
    "  var rule = document.getElementById('f-rule'), query = document.getElementById('f-q');\n"
    "  var count = document.getElementById('f-count');\n"
    "  var sevs = Array.prototype.slice.call(bar.querySelectorAll('input[type=checkbox]'));\n"
    "  var items = Array.prototype.slice.call(document.querySelectorAll('#findings .finding'));\n"
    "  var texts = items.map(function (f) {\n"
    "    var post = f.closest('.post'), head = post ? post.querySelector('h3') : null;\n"
    "    return [f.querySelector('.msg').textContent, f.getAttribute('data-rule'),\n"
    "            head ? head.textContent : ''].join('\\n').toLowerCase();\n"
    "  });\n"
    "  function apply() {\n"
    "    var on = {};\n"
    "    sevs.forEach(function (c) { on[c.value] = c.checked; });\n"
    "    var r = rule.value, words = query.value.toLowerCase().split(/\\s+/).filter(Boolean), shown = 0;\n"
    "    items.forEach(function (f, i) {\n"
    "      var ok = on[f.getAttribute('data-sev')] && (!r || f.getAttribute('data-rule') === r) &&\n"
    "        words.every(function (w) { return texts[i].indexOf(w) >= 0; });\n"
    "      f.hidden = !ok;\n"
    "      if (ok) shown++;\n"
    "    });\n"
    "    document.querySelectorAll('#findings .post').forEach(function (p) {\n"
    "      if (p.querySelector('.finding') === null)  // unreadable: an error of no rule\n"
    "        p.hidden = !on.error || r !== '' || words.length > 0;\n"
    "      else\n"
    "        p.hidden = p.querySelector('.finding:not([hidden])') === null;\n"
    "    });\n"
    "    count.textContent = shown + ' of ' + items.length + ' findings shown';\n"
    "  }\n"
    "  bar.addEventListener('input', apply);\n"
    "  bar.addEventListener('change', apply);\n"
    "  bar.hidden = false;\n"
    "  apply();\n"
    "})();\n";
/* base64 of SHA-256(PAGE_JS), for the Content-Security-Policy. */
#define PAGE_JS_SHA256 "WHtf8mBwAQ/+VKI6QyTcw0BSeIM2CvzB/XBFKz5Nubs="

static const char CSS[] =
    ":root{--fg:#1d1d1f;--bg:#fff;--muted:#666;--line:#ddd;--err:#b3261e;--warn:#9a6700;--note:#0b57d0;"
    "--mark:#fff3b0;--code:#f6f8fa}\n"
    "@media (prefers-color-scheme:dark){:root{--fg:#e6e6e6;--bg:#161618;--muted:#9a9a9a;--line:#333;"
    "--err:#ff8a80;--warn:#f2c14e;--note:#8ab4f8;--mark:#5c4b00;--code:#222226}}\n"
    "body{font:15px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;"
    "max-width:70rem;padding:1rem 1.5rem}\n"
    "h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid var(--line)}\n"
    "h3{font-size:1.05rem;margin:1.5rem 0 .5rem;word-break:break-all}\n"
    ".totals{display:flex;gap:1rem;flex-wrap:wrap;padding:0;list-style:none}\n"
    ".totals li{border:1px solid var(--line);border-radius:6px;padding:.4rem .9rem}\n"
    ".totals b{font-size:1.3rem;display:block}\n"
    ".error{color:var(--err)}.warning{color:var(--warn)}.note{color:var(--note)}\n"
    ".chart{display:grid;grid-template-columns:max-content 1fr max-content;gap:.3rem .6rem;align-items:center}\n"
    ".bar{height:1rem;background:var(--note);border-radius:3px;min-width:2px}\n"
    ".bar.has-error{background:var(--err)}.bar.has-warning{background:var(--warn)}\n"
    "table{border-collapse:collapse;width:100%}th,td{padding:.3rem .6rem;border-bottom:1px solid var(--line)}\n"
    "th{text-align:left;cursor:pointer;user-select:none;white-space:nowrap}th[data-type=num],td.n{text-align:right}\n"
    "th[aria-sort=ascending]::after{content:' \\25B2'}th[aria-sort=descending]::after{content:' \\25BC'}\n"
    "td a{word-break:break-all}\n"
    ".finding{border-left:3px solid var(--line);margin:.8rem 0;padding:.2rem .8rem}\n"
    ".finding.sev-error{border-color:var(--err)}.finding.sev-warning{border-color:var(--warn)}"
    ".finding.sev-note{border-color:var(--note)}\n"
    ".head{margin:.2rem 0}.loc{font-family:ui-monospace,monospace;color:var(--muted)}.sev{font-weight:600}\n"
    "code,.src{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}\n"
    /* source lines wrap (a paragraph is one line in most posts), with the
     * line number hanging to the left of every row of its line */
    ".src{background:var(--code);padding:.4rem .6rem;white-space:pre-wrap;overflow-wrap:anywhere;tab-size:4;"
    "margin:.3rem 0}\n"
    ".sl{display:block;padding-left:3.6em;text-indent:-3.6em}\n"
    ".ln{display:inline-block;width:3em;margin-right:.6em;text-indent:0;color:var(--muted);user-select:none}\n"
    "[hidden]{display:none!important}\n"
    "#filters{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center;position:sticky;top:0;z-index:1;"
    "background:var(--bg);padding:.5rem 0;border-bottom:1px solid var(--line)}\n"
    "#filters input[type=search]{min-width:14rem}#f-count{color:var(--muted)}\n"
    /* a post or rule reached by a link stops below the sticky filter bar */
    ".post,details.rule{scroll-margin-top:5rem}\n"
    "details.rule{margin:.3rem 0}details.rule pre{white-space:pre-wrap;overflow-wrap:anywhere;"
    "background:var(--code);padding:.5rem .8rem;font-size:.85em}\n"
    "mark{background:var(--mark);color:inherit;text-decoration:underline wavy var(--err)}\n"
    "mark.point{display:inline-block;width:2px;height:1.1em;vertical-align:text-bottom;background:var(--err)}\n"
    ".ctl{color:var(--err);font-size:.8em}.fix,.note-line{margin:.1rem 0}.muted{color:var(--muted)}\n";

typedef struct {
    FILE *body;       /* the per-post sections, in memory */
    char *body_data;
    size_t body_len;
    size_t nposts;    /* files seen; a post's anchor is its index in the
                         run's tally, which counts the same files */
    const civ_out *out; /* the rules (for links to their explanations)
                           and --link-base */
} html_state;

static void esc(FILE *fp, const char *s)
{
    civ_html_escape(fp, s, strlen(s));
}

static void html_begin(civ_out *o)
{
    html_state *st = xcalloc(1, sizeof *st);
    st->body = open_memstream(&st->body_data, &st->body_len);
    if (!st->body)
        civ_oom(); /* open_memstream fails only when it cannot allocate */
    st->out = o;
    o->state = st;
}

/* Start of the window shown from a long line: back off from `at` by up to
 * LINE_WINDOW bytes, to a character boundary. */
static size_t window_start(const civ_source *src, size_t a, size_t at)
{
    if (at - a <= LINE_WINDOW)
        return a;
    size_t w = at - LINE_WINDOW;
    while (w > a && civ_utf8_is_cont((unsigned char)src->data[w]))
        w--;
    return w;
}

static size_t window_end(const civ_source *src, size_t b, size_t at)
{
    if (b - at <= LINE_WINDOW)
        return b;
    size_t w = at + LINE_WINDOW;
    while (w < b && civ_utf8_is_cont((unsigned char)src->data[w]))
        w++;
    return w;
}

/* One source line with the part inside [s,e) marked. */
static void src_line(FILE *fp, const civ_source *src, size_t line, size_t s, size_t e)
{
    size_t a, b;
    civ_source_line(src, line, &a, &b);
    size_t ms = s < a ? a : s > b ? b : s;
    size_t me = e > b ? b : e < ms ? ms : e;
    size_t wa = window_start(src, a, ms), wb = window_end(src, b, me);
    fprintf(fp, "<span class=\"sl\"><span class=\"ln\">%zu</span>", line);
    if (wa > a)
        fputs("<span class=\"muted\">\xE2\x80\xA6</span>", fp);
    civ_html_escape(fp, src->data + wa, ms - wa);
    if (me > ms) {
        fputs("<mark>", fp);
        civ_html_escape(fp, src->data + ms, me - ms);
        fputs("</mark>", fp);
    } else if (s >= a && s <= b) {
        fputs("<mark class=\"point\"></mark>", fp);
    }
    civ_html_escape(fp, src->data + me, wb - me);
    if (wb < b)
        fputs("<span class=\"muted\">\xE2\x80\xA6</span>", fp);
    /* a block per line: no newline between them, which pre-wrap would show */
    fputs("</span>", fp);
}

/* The index of rule `id` in the run's rule list, or -1 (a rule the list
 * does not know: a test's hand-made findings). */
static ssize_t rule_index(const civ_out *o, const char *id)
{
    for (size_t i = 0; i < o->nrules; i++)
        if (strcmp(o->rules[i].id, id) == 0)
            return (ssize_t)i;
    return -1;
}

/* A link to `path` at `line` (0: the file) under --link-base, opened; false
 * (nothing written) without --link-base or for standard input. */
static bool open_link(FILE *fp, const civ_out *o, const char *path, size_t line, const char *cls)
{
    if (!o->link_base || strcmp(path, "-") == 0)
        return false;
    fprintf(fp, "<a class=\"%s\" href=\"", cls);
    civ_link_href(fp, o->link_base, path, line);
    fputs("\">", fp);
    return true;
}

static void finding(FILE *fp, const civ_out *o, const civ_file_result *r, const civ_diag *d)
{
    const civ_source *src = r->src;
    const char *sev = civ_severity_name(d->severity);
    size_t l, c, el, ec;
    civ_source_position(src, d->start, &l, &c);
    /* a person reads this report: characters, whatever --columns says */
    civ_span_end(CIV_COLUMNS_CODEPOINTS, src, d->start, d->end, &el, &ec);
    fprintf(fp, "<div class=\"finding sev-%s\" data-sev=\"%s\" data-rule=\"", sev, sev);
    esc(fp, d->rule);
    fputs("\">\n<p class=\"head\">", fp);
    bool linked = open_link(fp, o, r->path, l, "loc");
    fprintf(fp, linked ? "%zu:%zu</a>" : "<span class=\"loc\">%zu:%zu</span>", l, c);
    fprintf(fp, " <span class=\"sev %s\">%s</span> <span class=\"msg\">", sev, sev);
    esc(fp, d->message);
    ssize_t ri = rule_index(o, d->rule);
    if (ri >= 0)
        fprintf(fp, "</span> <a class=\"rule\" href=\"#rule-%zd\" title=\"what this rule asks\"><code>[", ri);
    else
        fputs("</span> <code class=\"rule\">[", fp);
    esc(fp, d->rule);
    fputs(ri >= 0 ? "]</code></a></p>\n<pre class=\"src\">" : "]</code></p>\n<pre class=\"src\">", fp);
    size_t last = el - l + 1 > MAX_SPAN_LINES ? l + MAX_SPAN_LINES - 1 : el;
    for (size_t k = l; k <= last; k++)
        src_line(fp, src, k, d->start, d->end);
    if (last < el)
        fprintf(fp, "<span class=\"sl muted\">\xE2\x80\xA6 %zu more line%s</span>", el - last, el - last == 1 ? "" : "s");
    fputs("</pre>\n", fp);
    for (size_t i = 0; i < d->nfixes; i++) {
        const civ_fix *f = &d->fixes[i];
        fputs("<p class=\"fix\">fix: ", fp);
        if (f->end > f->start) {
            fputs("replace <code>", fp);
            civ_html_escape(fp, src->data + f->start, f->end - f->start);
            fputs("</code> with <code>", fp);
        } else {
            fputs("insert <code>", fp);
        }
        esc(fp, f->replacement);
        fputs("</code></p>\n", fp);
    }
    if (d->nsuggestions) {
        fputs("<p class=\"fix\">suggestions: ", fp);
        for (size_t i = 0; i < d->nsuggestions; i++) {
            fputs(i ? ", <code>" : "<code>", fp);
            esc(fp, d->suggestions[i]);
            fputs("</code>", fp);
        }
        fputs("</p>\n", fp);
    }
    for (size_t i = 0; i < d->nnotes; i++) {
        fputs("<p class=\"note-line\"><span class=\"note\">note:</span> ", fp);
        esc(fp, d->notes[i]);
        fputs("</p>\n", fp);
    }
    fputs("</div>\n", fp);
}

static void html_file(civ_out *o, const civ_file_result *r)
{
    html_state *st = o->state;
    size_t idx = st->nposts++;
    FILE *fp = st->body;
    bool unreadable = !r->src || !r->diags;
    if (!unreadable && !r->diags->n)
        return;
    fprintf(fp, "<article class=\"post\" id=\"post-%zu\">\n<h3>", idx + 1);
    bool linked = open_link(fp, st->out, r->path, 0, "post-link");
    esc(fp, r->path);
    fputs(linked ? "</a></h3>\n" : "</h3>\n", fp);
    if (unreadable) {
        fputs("<p class=\"error\">could not be read: ", fp);
        esc(fp, r->error ? r->error : "unknown error");
        fputs("</p>\n", fp);
    } else {
        for (size_t i = 0; i < r->diags->n; i++)
            finding(fp, st->out, r, &r->diags->items[i]);
    }
    fputs("</article>\n", fp);
}

static void totals(FILE *fp, const civ_tally *t)
{
    fprintf(fp, "<ul class=\"totals\">\n<li><b>%zu</b>post%s</li>\n<li><b>%zu</b>with findings</li>\n",
            t->nfiles, t->nfiles == 1 ? "" : "s", t->with_findings);
    static const char *const names[3] = {"notes", "warnings", "errors"};
    for (int k = CIV_SEV_ERROR; k >= CIV_SEV_NOTE; k--)
        fprintf(fp, "<li class=\"%s\"><b>%zu</b>%s</li>\n", civ_severity_name((civ_severity)k), t->n[k], names[k]);
    if (t->unreadable)
        fprintf(fp, "<li class=\"error\"><b>%zu</b>unreadable</li>\n", t->unreadable);
    fputs("</ul>\n", fp);
}

static void chart(FILE *fp, const civ_tally *t)
{
    fputs("<section id=\"rules\">\n<h2>Findings per rule</h2>\n", fp);
    if (!t->nrules) {
        fputs("<p>No findings.</p>\n</section>\n", fp);
        return;
    }
    size_t *idx = civ_tally_rules_by_count(t);
    size_t max = t->rules[idx[0]].total;
    fputs("<div class=\"chart\">\n", fp);
    for (size_t i = 0; i < t->nrules; i++) {
        const civ_tally_rule *r = &t->rules[idx[i]];
        const char *cls = r->n[CIV_SEV_ERROR] ? "has-error" : r->n[CIV_SEV_WARNING] ? "has-warning" : "has-note";
        fputs("<code>", fp);
        esc(fp, r->rule);
        /* width in tenths of a percent, so the page needs no script to draw */
        size_t w = max ? r->total * 1000 / max : 0;
        fprintf(fp, "</code><div><div class=\"bar %s\" style=\"width:%zu.%zu%%\"></div></div>"
                    "<span>%zu</span>\n",
                cls, w / 10, w % 10, r->total);
    }
    fputs("</div>\n</section>\n", fp);
    free(idx);
}

static void posts_table(FILE *fp, const civ_tally *t)
{
    fputs("<section id=\"posts\">\n<h2>Posts</h2>\n<table class=\"sortable\">\n<thead><tr><th data-type=\"text\">Post</th>"
          "<th data-type=\"num\">Errors</th><th data-type=\"num\">Warnings</th><th data-type=\"num\">Notes</th>"
          "<th data-type=\"num\" aria-sort=\"descending\">Total</th></tr></thead>\n<tbody>\n",
          fp);
    /* most findings first, then the clean posts in walk order */
    size_t n;
    size_t *idx = civ_tally_top(t, 0, &n);
    for (size_t i = 0; i < t->nfiles; i++)
        if (!t->files[i].total)
            idx[n++] = i;
    for (size_t i = 0; i < n; i++) {
        const civ_tally_file *f = &t->files[idx[i]];
        bool linked = f->total || f->error;
        fputs("<tr><td>", fp);
        if (linked)
            fprintf(fp, "<a href=\"#post-%zu\">", idx[i] + 1);
        esc(fp, f->path);
        if (linked)
            fputs("</a>", fp);
        if (f->error)
            fputs(" <span class=\"error\">(unreadable)</span>", fp);
        fprintf(fp, "</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td></tr>\n",
                f->n[CIV_SEV_ERROR], f->n[CIV_SEV_WARNING], f->n[CIV_SEV_NOTE], f->total);
    }
    free(idx);
    fputs("</tbody>\n</table>\n</section>\n", fp);
}

/* The filter bar: severity checkboxes, a rule menu and a search box. It
 * starts hidden and PAGE_JS shows it, so without scripts there is no
 * control that does nothing. */
static void filters(FILE *fp, const civ_tally *t)
{
    fputs("<form id=\"filters\" hidden role=\"search\" aria-label=\"filter the findings\">\n", fp);
    for (int k = CIV_SEV_ERROR; k >= CIV_SEV_NOTE; k--) {
        const char *name = civ_severity_name((civ_severity)k);
        fprintf(fp, "<label class=\"%s\"><input type=\"checkbox\" name=\"sev\" value=\"%s\" checked> %s (%zu)</label>\n",
                name, name, name, t->n[k]);
    }
    fputs("<label>rule <select id=\"f-rule\"><option value=\"\">every rule</option>\n", fp);
    for (size_t i = 0; i < t->nrules; i++) {
        fputs("<option value=\"", fp);
        esc(fp, t->rules[i].rule);
        fputs("\">", fp);
        esc(fp, t->rules[i].rule);
        fprintf(fp, " (%zu)</option>\n", t->rules[i].total);
    }
    fputs("</select></label>\n<label>search <input type=\"search\" id=\"f-q\" "
          "placeholder=\"message, rule or file\"></label>\n"
          "<output id=\"f-count\" aria-live=\"polite\"></output>\n</form>\n",
          fp);
}

/* What each rule of the report asks for: the text of `civlint --explain`,
 * one collapsed block per rule with findings. */
static void explanations(FILE *fp, const civ_out *o, const civ_tally *t)
{
    if (!t->nrules)
        return;
    fputs("<section id=\"explanations\">\n<h2>The rules</h2>\n", fp);
    for (size_t i = 0; i < t->nrules; i++) {
        ssize_t ri = rule_index(o, t->rules[i].rule);
        if (ri < 0 || !o->rules[ri].help)
            continue;
        const civ_rule_info *r = &o->rules[ri];
        fprintf(fp, "<details class=\"rule\" id=\"rule-%zd\"><summary><code>", ri);
        esc(fp, r->id);
        fputs("</code> ", fp);
        esc(fp, r->description);
        fputs("</summary>\n<pre>", fp);
        esc(fp, r->help);
        fputs("</pre></details>\n", fp);
    }
    fputs("</section>\n", fp);
}

static void html_end(civ_out *o, const civ_tally *t)
{
    html_state *st = o->state;
    FILE *fp = o->fp;
    fclose(st->body);
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
          "script-src 'sha256-" PAGE_JS_SHA256 "'\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"civlint " CIV_VERSION "\">\n"
          "<title>civlint report</title>\n<style>\n",
          fp);
    fputs(CSS, fp);
    fputs("</style>\n</head>\n<body>\n<header>\n<h1>civlint report</h1>\n", fp);
    totals(fp, t);
    fputs("</header>\n<main>\n", fp);
    chart(fp, t);
    posts_table(fp, t);
    fputs("<section id=\"findings\">\n<h2>Findings</h2>\n", fp);
    if (t->total)
        filters(fp, t);
    if (t->total || t->unreadable)
        fwrite(st->body_data, 1, st->body_len, fp);
    else
        fputs("<p>No findings.</p>\n", fp);
    free(st->body_data);
    fputs("</section>\n", fp);
    explanations(fp, o, t);
    fputs("</main>\n<script>", fp);
    fputs(PAGE_JS, fp);
    fputs("</script>\n</body>\n</html>\n", fp);
    free(st);
    o->state = NULL;
}

const civ_formatter civ_format_html = {"html", "a self-contained report page", html_begin, html_file, html_end};
