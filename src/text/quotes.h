/* quotes.h - where a post quotes someone else, and the per-post overrides
 * of house-style rules.
 *
 * House-style consistency and substitution rules ("Uyghur", not "Uighur";
 * "Kyiv", not "Kiev") must not rewrite what a source said or the title of a
 * cited report. This module tells those rules which text is not the
 * author's own:
 *   - direct quotations: text inside “…”, „…“, «…» or "…" that follows a
 *     speech verb or a colon (the `quote-intro` pattern of
 *     rules/editorial.yml: "said", "told reporters", "wrote in its report:"),
 *     or is followed by an attribution ("…,” the minister said);
 *     scare quotes (the so-called "reset") are NOT quotations, so the house
 *     spelling still applies to them;
 *   - block quotes: the whole text of a block inside '>';
 *   - cited titles: the text of a link that is quoted ([“Title”](url),
 *     “[Title](url)”), italic ([*Title*](url), *[Title](url)*) or in title
 *     case (three or more words, every word of four letters or more
 *     capitalised).
 * And it hands the house-style rules the per-post overrides
 *     <!-- civlint-allow house.uyghur "Uighur" -- title of a cited report -->
 * that model/directives.c found (in HTML blocks, inline HTML, or paragraph
 * text: cmark-gfm does not take a comment holding "--" as inline HTML).
 *
 * Offsets in civ_quote are block-text offsets (civ_block.text); map them to
 * the source with civ_block_span. */
#ifndef CIV_QUOTES_H
#define CIV_QUOTES_H

#include <stdbool.h>
#include <stddef.h>

#include "model/document.h"
#include "rules/rules.h"

typedef enum {
    CIV_QUOTE_DIRECT, /* a quotation in running text, marks included */
    CIV_QUOTE_BLOCK,  /* the whole block is inside a block quote */
    CIV_QUOTE_TITLE,  /* the text of a link that cites a title */
} civ_quote_kind;

typedef struct {
    civ_quote_kind kind;
    size_t t0, t1; /* [t0, t1) in the block text */
} civ_quote;

/* The quoted ranges of one block, sorted by t0 (they may nest: a cited
 * title inside a quotation). */
typedef struct {
    civ_quote *items;
    size_t n, cap;
    /* Internal, for logarithmic lookups: the nearest enclosing range of
     * each item (SIZE_MAX: none) and the largest t1 of items[0..i]. */
    size_t *parent, *maxend;
} civ_quotes;

/* Finds the quoted ranges of block b of doc (prose blocks only; other
 * kinds give none). The patterns come from `rules` (quote-intro,
 * quote-attribution; rules may be NULL): without them only block quotes,
 * quotations after a colon and titles are found. Fills *out, which the
 * caller releases with civ_quotes_release. Never fails. */
void civ_quotes_find(const civ_doc *doc, const civ_block *b, const civ_rules *rules,
                     civ_quotes *out);
void civ_quotes_release(civ_quotes *q);

/* Whether text offset t of the block lies in a quoted range. These three
 * lookups take O(log n) (ranges that cross without nesting are rare; the
 * innermost-range answer may then be the outer one). */
bool civ_quotes_contains(const civ_quotes *q, size_t t);
/* The innermost quoted range containing t, or NULL. */
const civ_quote *civ_quotes_at(const civ_quotes *q, size_t t);
/* Whether [t0, t1) overlaps any quoted range. */
bool civ_quotes_overlaps(const civ_quotes *q, size_t t0, size_t t1);

const char *civ_quote_kind_name(civ_quote_kind k);

/* One `<!-- civlint-allow RULE "TERM" -- REASON -->` directive. */
typedef struct {
    char *rule;          /* e.g. "house.uyghur"; NULL when missing */
    char *term;          /* the allowed text, quotes removed; NULL when missing */
    char *reason;        /* text after "--", trimmed; NULL when missing */
    size_t s0, s1;       /* the comment in the source */
    const char *problem; /* static message when malformed, else NULL; a
                            malformed directive allows nothing */
} civ_allow;

typedef struct {
    civ_allow *items;
    size_t n, cap;
} civ_allows;

/* Copies every civlint-allow directive of the document (doc->directives)
 * in source order, well-formed or not. The caller releases *out with
 * civ_allows_release. */
void civ_allows_parse(const civ_doc *doc, civ_allows *out);
void civ_allows_release(civ_allows *a);

/* Whether a well-formed directive allows `term` (exact, case-sensitive)
 * for `rule`. */
bool civ_allows_permit(const civ_allows *a, const char *rule, const char *term);

/* Parses the inside of one HTML comment (without "<!--" and "-->") into
 * *out (s0/s1 left 0). Returns false when it is not a civlint-allow
 * directive at all. Exposed for the tests. */
bool civ_allow_parse_comment(const char *body, size_t len, civ_allow *out);

#endif
