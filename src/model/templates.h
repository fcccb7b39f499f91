/* templates.h - site-generator syntax in a post's body that is not prose.
 *
 * Blogs are rendered by Jekyll, Hugo, Eleventy, MkDocs, Docusaurus and the
 * like, and their posts carry the generator's syntax between the Markdown:
 * Liquid/Nunjucks tags, Hugo shortcodes, kramdown attribute lists,
 * admonition markers, MDX import/export lines. The reader never sees that
 * text, so no rule may see it either. civ_templates_scan finds it in the
 * source bytes, before and independently of cmark-gfm; the aligner then
 * replaces the text that falls inside a span with one U+FFFC placeholder
 * (CIV_INL_TEMPLATE), as it does for code spans (document.h).
 *
 * Only delimiters a generator uses are recognised, and each conservatively
 * (a literal "{x}" or "a {b} c" in prose is not a template):
 *   {{ ... }}, {{< ... >}}, {{% ... %}}  output tags and Hugo shortcodes: the
 *       first character inside is a letter, '_', '.', '/', a quote, '-', '<'
 *       or '%'; the tag may wrap lines but not cross a blank line;
 *   {% ... %}  Liquid/Nunjucks tags, the same way; {% raw %}...{% endraw %}
 *       and {% comment %}...{% endcomment %} are one span, across blocks;
 *   {: ... }  kramdown attribute lists, at the end of a line or right after
 *       an inline element (")", "]", "*", "_", "`", "}") on one line;
 *   !!! type "Title", ??? type, ???+ type  MkDocs admonition marker lines
 *       (the type is one word, then optional words and one quoted title);
 *   :::name ..., :::  Docusaurus/VuePress container fences (the whole line);
 *   import ... from '...', export const|let|function|default ...  MDX
 *       lines at column 0 that start a block, to the next blank line.
 * Code blocks and code spans are code already: a span inside one changes
 * nothing. Spans exclude the final line terminator of line-based forms. */
#ifndef CIV_TEMPLATES_H
#define CIV_TEMPLATES_H

#include <stddef.h>

typedef enum {
    CIV_TPL_TAG,       /* {{ }} {% %} {{< >}} {{% %}} */
    CIV_TPL_REGION,    /* {% raw %}..{% endraw %}, {% comment %}..{% endcomment %} */
    CIV_TPL_ATTRS,     /* {: } */
    CIV_TPL_ADMONITION,/* !!! / ??? marker line */
    CIV_TPL_FENCE,     /* ::: line */
    CIV_TPL_ESM,       /* MDX import / export */
} civ_tpl_kind;

typedef struct {
    civ_tpl_kind kind;
    size_t s0, s1; /* source bytes [s0, s1) */
} civ_tpl_span;

/* Finds the template spans of d[from, len) in source order, non-overlapping.
 * Linear in len (each search is bounded). Returns a heap array the caller
 * frees (NULL when none) and sets *n. Never fails. */
civ_tpl_span *civ_templates_scan(const char *d, size_t from, size_t len, size_t *n);

/* The span containing offset s (s0 <= s < s1), or NULL; spans sorted. */
const civ_tpl_span *civ_templates_at(const civ_tpl_span *t, size_t n, size_t s);

/* The first span that ends after s, or NULL. */
const civ_tpl_span *civ_templates_next(const civ_tpl_span *t, size_t n, size_t s);

const char *civ_tpl_kind_name(civ_tpl_kind k);

#endif
