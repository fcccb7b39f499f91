/* sitesyntax.h - the site generator guessed from the posts' own syntax,
 * when no site configuration file is found (README "Your site
 * generator").
 *
 * Some syntax in a post's body is read by one generator only: a Hugo
 * shortcode (`{{< … >}}`, `{{% … %}}`), Jekyll's Liquid tags and variables
 * (`{% post_url %}`, `{% include file.html %}`, `{{ site.baseurl }}`,
 * `| relative_url`), kramdown's `{:toc}` and `{::options}`, Eleventy's
 * `| url` filter, Pelican's `{filename}` and `{static}` link targets, a
 * Docusaurus MDX `import` from `@theme/` or `@site/`. Other syntax is read
 * by a few: an attribute list `{: .class}` (kramdown and Python-Markdown's
 * attr_list: Jekyll, MkDocs, Pelican), an admonition `!!! note` (MkDocs,
 * Pelican). Generic template syntax (`{{ x }}`, `{% if %}`, a quoted
 * `{% include "x" %}`) is read by Jekyll, Eleventy and Pelican alike and
 * is no evidence. Each piece found narrows the candidates to the
 * generators that read it; the posts of a folder name a generator when
 * the candidates left are exactly one, and none when their pieces
 * conflict. Code spans, fenced code blocks, the front matter and Liquid
 * `{% raw %}` / `{% comment %}` blocks are not searched: a post about
 * Hugo written for a Jekyll site shows shortcodes there. */
#ifndef CIV_CONFIG_SITESYNTAX_H
#define CIV_CONFIG_SITESYNTAX_H

#include <stdbool.h>
#include <stddef.h>

/* One piece of generator syntax in a post. */
typedef struct {
    size_t line;      /* 1-based */
    unsigned sites;   /* bit (1u << civ_site) per generator that reads it */
    const char *what; /* the syntax, e.g. "{{< … >}}" (static) */
} civ_site_piece;

/* Finds the pieces of a post's raw bytes (a UTF-8 BOM is allowed), in
 * order; at most cap are stored in out. Returns how many were found. */
size_t civ_site_pieces(const char *text, size_t len, civ_site_piece *out, size_t cap);

/* The evidence of a set of posts (a folder's, or one post's). */
typedef struct {
    unsigned sites; /* the candidates every piece so far fits */
    size_t n;       /* pieces found */
    char *first;    /* "PATH:LINE: WHAT" of the first piece (heap), or NULL */
    char *conflict; /* the same for the first piece that fitted none of the
                       candidates left (heap), or NULL */
} civ_site_syntax;

void civ_site_syntax_init(civ_site_syntax *s);
void civ_site_syntax_release(civ_site_syntax *s);
/* Adds the pieces of the post `name` (shown in first/conflict) to s. */
void civ_site_syntax_scan(civ_site_syntax *s, const char *name, const char *text, size_t len);
/* The generator the pieces name: exactly one candidate left, else -1
 * (no piece, several candidates, or a conflict). */
int civ_site_syntax_site(const civ_site_syntax *s);

#endif
