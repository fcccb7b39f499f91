/* directives.h - the post's in-line directives, found once.
 *
 * Authors steer civlint from inside a post with HTML comments:
 *
 *     <!-- civlint-disable RULE[,RULE] [-- reason] -->   off from here ...
 *     <!-- civlint-enable [RULE[,RULE]] -->              ... to here
 *     <!-- civlint-disable-line RULE -->                 the comment's own line
 *     <!-- civlint-disable-next-line RULE -->            the line after the comment
 *     <!-- civlint-disable-file RULE -->                 the whole file
 *     <!-- civlint-allow RULE "TERM" -- reason -->       keep one house-style term
 *     <!-- civlint-words: Word1 Word2 -->                words the post spells its way
 *
 * This module finds every such comment of a post exactly once and parses it
 * into a typed list; suppressions (policy/suppress.c), the civlint-allow
 * overrides (text/quotes.c, checks/allow_directive.c) and the spelling check
 * (civlint-words) read that list. The model knows no rule: rule names are
 * reported as written, and the consumers validate them.
 *
 * Where a comment counts (one rule for every directive):
 *   - in an HTML block, anywhere in it (also inside other HTML, such as a
 *     <div> or an attribute value);
 *   - in inline HTML, anywhere in it;
 *   - in the text of a paragraph, heading or table cell, when cmark-gfm left
 *     the comment as text (a comment holding "--", such as a reason, is not
 *     inline HTML for cmark-gfm), and only when its "<!--" and "-->" are
 *     written as such in the source (an escaped "&lt;!--" is text about a
 *     directive, not one);
 *   - never in code (code blocks, code spans) and never in front matter.
 * A comment runs from "<!--" to the first "-->" after it; a "<!--" inside a
 * comment starts nothing. An unterminated comment - a "<!--" with no "-->"
 * after it in the same HTML block, inline HTML or block text - is not a
 * directive and is ignored, whatever it says. The comment's words are read
 * with container prefixes ("> ", list indentation) and CR of CRLF removed,
 * so a directive may run over several lines, also inside a block quote.
 *
 * A comment is a directive when its first word (after white space) starts
 * with "civlint-"; the word runs to the next white space. Then:
 *   - civlint-disable, -enable, -disable-line, -disable-next-line,
 *     -disable-file: the arguments are rule names separated by white space
 *     or commas, up to a reason, which starts at a "--" that follows white
 *     space (or the keyword) and runs to the end of the comment;
 *   - civlint-allow: RULE, a TERM in "..." or “...”, then "--" (or an en or
 *     em dash) and a reason; anything else sets `problem`;
 *   - a word that starts with "civlint-words:": the words after the colon,
 *     separated by white space or commas, to the end of the comment (there
 *     is no reason part);
 *   - any other "civlint-..." word is CIV_DIR_UNKNOWN (a misspelt directive,
 *     or a word its consumers may choose to tolerate).
 *
 * Positions are byte offsets into the source: the comment from "<!--" to
 * after "-->", each argument exactly. Where cmark-gfm's positions are
 * impossible (fuzzed input), spans are approximate but still inside the
 * source, in source order, and each argument inside its comment (a comment
 * in inline HTML the model could not place has an empty span). */
#ifndef CIV_DIRECTIVES_H
#define CIV_DIRECTIVES_H

#include <stdbool.h>
#include <stddef.h>

struct civ_doc;

typedef enum {
    CIV_DIR_DISABLE,
    CIV_DIR_ENABLE,
    CIV_DIR_DISABLE_LINE,
    CIV_DIR_DISABLE_NEXT_LINE,
    CIV_DIR_DISABLE_FILE,
    CIV_DIR_ALLOW,
    CIV_DIR_WORDS,
    CIV_DIR_UNKNOWN,
} civ_directive_kind;

/* One piece of a directive: its text (NUL-terminated; container prefixes
 * and CRs removed) and its source span. */
typedef struct {
    const char *text;
    size_t s0, s1;
} civ_dir_arg;

typedef struct {
    civ_directive_kind kind;
    size_t s0, s1;       /* the comment, "<!--" to after "-->" */
    civ_dir_arg keyword; /* the first word as written ("civlint-disabel") */
    /* disable family: the rule names (none: every rule); words: the words;
     * allow and unknown: none */
    const civ_dir_arg *args;
    size_t nargs;
    /* civlint-allow: the pieces (text NULL when missing); disable family:
     * reason only */
    civ_dir_arg rule, term, reason;
    const char *problem; /* civlint-allow: a static message when malformed
                            ("has no term"), else NULL */
} civ_directive;

/* The directives of a post in source order. The list and its strings
 * belong to the document and are freed by civ_doc_free. */
typedef struct {
    const civ_directive *items;
    size_t n;
} civ_directives;

/* Finds and parses every directive of doc (blocks already built) into
 * doc->directives, allocating from doc->arena. Linear in the size of the
 * post's HTML and of the text of blocks that hold "<!--". Never fails.
 * Called once by civ_doc_parse. */
void civ_directives_collect(struct civ_doc *doc);

/* The civlint-allow grammar on one comment body (without "<!--" and
 * "-->"): returns false when the body is not a civlint-allow directive.
 * Otherwise fills the body-relative ranges [*_0, *_1) of rule, term and
 * reason (an absent piece has *_0 == *_1 == SIZE_MAX) and *problem (NULL
 * when well-formed). Exposed for text/quotes.c's civ_allow_parse_comment. */
typedef struct {
    size_t rule0, rule1, term0, term1, reason0, reason1;
    const char *problem;
} civ_allow_parts;
bool civ_directive_parse_allow(const char *body, size_t n, civ_allow_parts *out);

const char *civ_directive_kind_name(civ_directive_kind k);

#endif
