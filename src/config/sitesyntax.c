/* sitesyntax.c - see sitesyntax.h. A scan of raw bytes, line by line: it
 * needs no Markdown parse, only to know code spans, fenced blocks, the
 * front matter and Liquid raw blocks, where syntax is shown, not used. */
#include "config/sitesyntax.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "config/config.h"

#define BIT(s) (1u << (s))
#define JEKYLL BIT(CIV_SITE_JEKYLL)
#define HUGO BIT(CIV_SITE_HUGO)
#define ELEVENTY BIT(CIV_SITE_ELEVENTY)
#define PELICAN BIT(CIV_SITE_PELICAN)
#define MKDOCS BIT(CIV_SITE_MKDOCS)
#define DOCUSAURUS BIT(CIV_SITE_DOCUSAURUS)
#define ALL_SITES (JEKYLL | HUGO | ELEVENTY | PELICAN | MKDOCS | DOCUSAURUS)

static bool starts(const char *p, const char *end, const char *lit)
{
    size_t n = strlen(lit);
    return (size_t)(end - p) >= n && memcmp(p, lit, n) == 0;
}

static const char *skip_ws(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    return p;
}

static bool has(const char *p, const char *end, const char *lit)
{
    return p < end && memmem(p, (size_t)(end - p), lit, strlen(lit)) != NULL;
}

static bool word_char(char c)
{
    return isalnum((unsigned char)c) || c == '_';
}

/* The name of a Liquid tag after "{%": [a-z_]+ into buf. */
static const char *tag_name(const char *p, const char *end, char *buf, size_t cap)
{
    p = skip_ws(p, end);
    if (p < end && *p == '-')
        p = skip_ws(p + 1, end);
    size_t n = 0;
    while (p < end && (islower((unsigned char)*p) || *p == '_') && n + 1 < cap)
        buf[n++] = *p++;
    buf[n] = '\0';
    return p;
}

/* A Liquid tag {% NAME … %}: Jekyll's own tags, and `include` with an
 * unquoted file name (Eleventy's and Nunjucks' include quote it). */
static unsigned liquid_tag(const char *p, const char *eol, const char **what)
{
    char name[24];
    const char *q = tag_name(p + 2, eol, name, sizeof name);
    if (!has(q, eol, "%}") || q >= eol || (*q != ' ' && *q != '\t'))
        return 0;
    static const struct {
        const char *name, *what;
    } own[] = {{"post_url", "{% post_url … %}"}, {"include_relative", "{% include_relative … %}"},
               {"link", "{% link … %}"}};
    for (size_t i = 0; i < sizeof own / sizeof *own; i++)
        if (strcmp(name, own[i].name) == 0) {
            *what = own[i].what;
            return JEKYLL;
        }
    if (strcmp(name, "include") != 0)
        return 0;
    q = skip_ws(q, eol);
    if (starts(q, eol, "{{")) {
        *what = "{% include {{ … }} %}";
        return JEKYLL;
    }
    bool dot = false;
    const char *s = q;
    for (; q < eol && (word_char(*q) || *q == '.' || *q == '/' || *q == '-'); q++)
        dot |= *q == '.';
    if (q == s || !dot || !(*q == ' ' || *q == '\t' || *q == '%' || *q == '-'))
        return 0;
    *what = "{% include file %}";
    return JEKYLL;
}

/* Liquid output {{ … }}: Jekyll's own site variables and URL filters,
 * Eleventy's `url` filter. `site.title` and the like are not counted:
 * Eleventy sites often keep a `site` data file with the same keys. */
static unsigned liquid_output(const char *p, const char *eol, const char **what)
{
    const char *q = skip_ws(p + 2, eol);
    if (q < eol && *q == '-')
        q = skip_ws(q + 1, eol);
    const char *c = q < eol ? memmem(q, (size_t)(eol - q), "}}", 2) : NULL;
    if (!c)
        return 0;
    static const char *const vars[] = {"baseurl", "data", "github", "posts", "static_files", "pages",
                                       "collections", "categories", "tags", "related_posts", NULL};
    if (starts(q, c, "site."))
        for (const char *const *v = vars; *v; v++)
            if (starts(q + 5, c, *v) && !word_char(q[5 + strlen(*v)])) {
                *what = "{{ site.… }}";
                return JEKYLL;
            }
    for (const char *bar = q; (bar = memchr(bar, '|', (size_t)(c - bar))) != NULL; bar++) {
        const char *f = skip_ws(bar + 1, c);
        if (starts(f, c, "relative_url") || starts(f, c, "absolute_url")) {
            *what = "{{ … | relative_url }}";
            return JEKYLL;
        }
        if (starts(f, c, "url") && !word_char(f[3])) {
            *what = "{{ … | url }}";
            return ELEVENTY;
        }
    }
    return 0;
}

/* kramdown's {:toc}, extensions {::…} and attribute list definitions
 * {:name: …} are its own; an inline attribute list {: .class} is also
 * Python-Markdown's attr_list (MkDocs, Pelican). */
static unsigned kramdown(const char *p, const char *ls, const char *eol, const char **what)
{
    if (starts(p, eol, "{:toc}")) {
        *what = "{:toc}";
        return JEKYLL;
    }
    if (starts(p, eol, "{::options") || starts(p, eol, "{::comment}") || starts(p, eol, "{::nomarkdown}")) {
        *what = "{::…}";
        return JEKYLL;
    }
    if (!has(p, eol, "}"))
        return 0;
    const char *q = p + 2;
    if (p == skip_ws(ls, eol) && q < eol && isalpha((unsigned char)*q)) {
        while (q < eol && (word_char(*q) || *q == '-'))
            q++;
        if (q < eol && *q == ':') {
            *what = "{:name: …}";
            return JEKYLL;
        }
        q = p + 2;
    }
    q = skip_ws(q, eol);
    if (q + 1 < eol && (*q == '.' || *q == '#') && (isalpha((unsigned char)q[1]) || q[1] == '_')) {
        *what = "{: .class}";
        return JEKYLL | MKDOCS | PELICAN;
    }
    return 0;
}

/* The piece of syntax that starts at p (a '{'), or 0. */
static unsigned piece_at(const char *p, const char *ls, const char *eol, const char *end, const char **what)
{
    if (starts(p, end, "{{<") || starts(p, end, "{{%")) {
        /* a Hugo shortcode, or an escaped one (a slash-star after the opener) */
        bool angle = p[2] == '<';
        const char *q = skip_ws(p + 3, eol);
        if (starts(q, eol, "/*")) {
            *what = angle ? "{{</* … */>}}" : "{{%/* … */%}}";
            return HUGO;
        }
        if (q < eol && *q == '/')
            q = skip_ws(q + 1, eol);
        size_t room = (size_t)(end - q) < 2048 ? (size_t)(end - q) : 2048; /* parameters may span lines */
        if (q < eol && (isalpha((unsigned char)*q) || *q == '_') && has(q, q + room, angle ? ">}}" : "%}}")) {
            *what = angle ? "{{< … >}}" : "{{% … %}}";
            return HUGO;
        }
        return 0;
    }
    if (starts(p, end, "{%"))
        return liquid_tag(p, eol, what);
    if (starts(p, end, "{{"))
        return liquid_output(p, eol, what);
    if (starts(p, end, "{:"))
        return kramdown(p, ls, eol, what);
    static const char *const pelican[] = {"{filename}", "{static}", "{attach}", NULL};
    for (const char *const *w = pelican; *w; w++) {
        size_t n = strlen(*w);
        bool target = p > ls && (p[-1] == '(' || p[-1] == '"' || p[-1] == '\'' ||
                                 (p[-1] == ' ' && p - 2 > ls && p[-2] == ':' && p[-3] == ']'));
        if (target && starts(p, eol, *w) && p + n < eol && p[n] != ' ' && p[n] != ')') {
            *what = *w;
            return PELICAN;
        }
    }
    return 0;
}

/* Syntax that only counts at the start of a line (after up to 3 spaces). */
static unsigned line_piece(const char *ls, const char *eol, const char **what)
{
    const char *p = ls;
    while (p < eol && p - ls < 3 && *p == ' ')
        p++;
    const char *q = starts(p, eol, "!!! ") ? p + 4 : starts(p, eol, "??? ") ? p + 4 : starts(p, eol, "???+ ") ? p + 5 : NULL;
    if (q && q < eol && islower((unsigned char)*q)) {
        *what = "!!! note";
        return MKDOCS | PELICAN;
    }
    if (starts(p, eol, "import ") && has(p, eol, " from ") &&
        (has(p, eol, "@theme/") || has(p, eol, "@site/") || has(p, eol, "@docusaurus/"))) {
        *what = "import … from '@theme/…'";
        return DOCUSAURUS;
    }
    return 0;
}

/* The length of a fence opening or closing line's marker (``` or ~~~,
 * up to 3 spaces in), or 0; *ch is its character. */
static size_t fence(const char *ls, const char *eol, char *ch)
{
    const char *p = ls;
    while (p < eol && p - ls < 3 && *p == ' ')
        p++;
    if (p >= eol || (*p != '`' && *p != '~'))
        return 0;
    size_t n = 0;
    while (p + n < eol && p[n] == *p)
        n++;
    if (n < 3 || (*p == '`' && memchr(p + n, '`', (size_t)(eol - p - n))))
        return 0;
    *ch = *p;
    return n;
}

/* Where the body starts: after a YAML (---) or TOML (+++) front matter
 * that is closed, else at text. */
static const char *body(const char *text, const char *end, size_t *line)
{
    const char *close = starts(text, end, "---\n") || starts(text, end, "---\r\n") ? "\n---"
                        : starts(text, end, "+++\n") || starts(text, end, "+++\r\n") ? "\n+++"
                                                                                    : NULL;
    if (!close)
        return text;
    for (const char *p = text + 3; (p = memmem(p, (size_t)(end - p), close, 4)) != NULL; p += 4) {
        const char *e = skip_ws(p + 4, end);
        if (e < end && *e == '\r')
            e++;
        if (e == end || *e == '\n') {
            for (const char *c = text; c <= e && c < end; c++)
                *line += *c == '\n';
            return e == end ? end : e + 1;
        }
    }
    return text;
}

/* Skips a Liquid raw or comment block from p; returns where scanning goes
 * on, and whether the block is still open at the end of the line. */
static const char *in_block(const char *p, const char *eol, const char *endtag, bool *open)
{
    for (; (p = memchr(p, '{', (size_t)(eol - p))) != NULL; p++) {
        char name[24];
        if (p + 1 < eol && p[1] == '%') {
            const char *q = tag_name(p + 2, eol, name, sizeof name);
            if (strcmp(name, endtag) == 0) {
                const char *c = memmem(q, (size_t)(eol - q), "%}", 2);
                *open = false;
                return c ? c + 2 : eol;
            }
        }
    }
    return eol;
}

size_t civ_site_pieces(const char *text, size_t len, civ_site_piece *out, size_t cap)
{
    const char *end = text + len;
    if (starts(text, end, "\xEF\xBB\xBF"))
        text += 3;
    size_t line = 1, n = 0;
    const char *ls = body(text, end, &line);
    char fch = 0;
    size_t flen = 0;
    const char *block = NULL; /* the end tag of an open raw or comment block */
    for (; ls < end; line++) {
        const char *eol = memchr(ls, '\n', (size_t)(end - ls));
        eol = eol ? eol : end;
        char ch;
        size_t f = fence(ls, eol, &ch);
        if (flen) { /* inside a fenced block: only its closing line matters */
            const char *after = f ? skip_ws(skip_ws(ls, eol) + f, eol) : eol;
            if (f >= flen && ch == fch && (after == eol || (*after == '\r' && after + 1 == eol)))
                flen = 0;
        } else if (f && !block) {
            flen = f;
            fch = ch;
        } else {
            const char *what = NULL;
            unsigned sites = block ? 0 : line_piece(ls, eol, &what);
            if (sites && n++ < cap)
                out[n - 1] = (civ_site_piece){line, sites, what};
            for (const char *p = ls; p < eol; p++) {
                if (block) {
                    bool open = true;
                    p = in_block(p, eol, block, &open) - 1;
                    block = open ? block : NULL;
                } else if (*p == '`') { /* a code span: to the same run of backticks */
                    size_t run = 1;
                    while (p + run < eol && p[run] == '`')
                        run++;
                    const char *q = p + run;
                    for (; q < eol; q++) {
                        size_t r = 0;
                        while (q + r < eol && q[r] == '`')
                            r++;
                        if (r == run)
                            break;
                        q += r ? r - 1 : 0;
                    }
                    p = q < eol ? q + run - 1 : p + run - 1;
                } else if (*p == '{') {
                    char name[24];
                    if (p + 1 < eol && p[1] == '%') {
                        tag_name(p + 2, eol, name, sizeof name);
                        if (strcmp(name, "raw") == 0 || strcmp(name, "comment") == 0) {
                            block = strcmp(name, "raw") == 0 ? "endraw" : "endcomment";
                            continue;
                        }
                    }
                    sites = piece_at(p, ls, eol, end, &what);
                    if (sites && n++ < cap)
                        out[n - 1] = (civ_site_piece){line, sites, what};
                }
            }
        }
        ls = eol < end ? eol + 1 : end;
    }
    return n;
}

void civ_site_syntax_init(civ_site_syntax *s)
{
    memset(s, 0, sizeof *s);
    s->sites = ALL_SITES;
}

void civ_site_syntax_release(civ_site_syntax *s)
{
    free(s->first);
    free(s->conflict);
    civ_site_syntax_init(s);
}

void civ_site_syntax_scan(civ_site_syntax *s, const char *name, const char *text, size_t len)
{
    civ_site_piece pieces[64];
    size_t n = civ_site_pieces(text, len, pieces, sizeof pieces / sizeof *pieces);
    for (size_t i = 0; i < n && i < sizeof pieces / sizeof *pieces; i++) {
        const civ_site_piece *p = &pieces[i];
        if (!s->first)
            s->first = xasprintf("%s:%zu: %s", name, p->line, p->what);
        if (s->sites && !(s->sites & p->sites) && !s->conflict)
            s->conflict = xasprintf("%s:%zu: %s", name, p->line, p->what);
        s->sites &= p->sites;
        s->n++;
    }
}

int civ_site_syntax_site(const civ_site_syntax *s)
{
    if (!s->n || !s->sites || (s->sites & (s->sites - 1)))
        return -1;
    int site = 0;
    while (!(s->sites & BIT(site)))
        site++;
    return site;
}
