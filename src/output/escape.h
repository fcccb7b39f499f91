/* escape.h - the escapers the output formats share. Every byte that came
 * from a post or a path goes through one of these before it reaches XML,
 * HTML, a GitHub workflow command, a URI or Markdown, so no input can
 * close an element, start a script or forge a command.
 *
 * All of them write to a FILE (tests use open_memstream) and accept any
 * bytes: invalid UTF-8 (possible in paths) becomes U+FFFD. Text for a
 * terminal is not here: base/termsafe.h writes and measures it. */
#ifndef CIV_OUTPUT_ESCAPE_H
#define CIV_OUTPUT_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* True for code points that must never be shown raw: civ_term_unsafe
 * (C0/C1 controls, DEL, the bidirectional controls that can reorder a line,
 * "Trojan Source", U+FFFE/U+FFFF) with the tab excepted, which each
 * escaper below encodes itself. */
bool civ_cp_unsafe(uint32_t cp);

/* XML 1.0 / HTML text and attribute values (double or single quoted):
 * & < > " ' become entities, newline, CR and tab become character
 * references, other unsafe code points (which XML 1.0 cannot carry even as
 * references) become U+FFFD for XML or a visible \u{XXXX} for HTML. The
 * '[' of "##[" becomes &#91; (GitHub's runner reads "##[" anywhere in a
 * log line as a workflow command; to a parser it is the same '['). */
void civ_xml_escape(FILE *fp, const char *s, size_t n);
void civ_html_escape(FILE *fp, const char *s, size_t n);

/* GitHub workflow commands, exactly as @actions/core (command.ts) does:
 * the message escapes % CR LF as %25 %0D %0A; properties also : and , as
 * %3A %2C. Other control characters are dropped to U+FFFD so a message
 * cannot carry terminal escapes into the log. */
void civ_gh_escape_data(FILE *fp, const char *s, size_t n);
void civ_gh_escape_property(FILE *fp, const char *s, size_t n);
/* Text of a plain log line (not a workflow command) in the github format.
 * GitHub's runner takes a line for a command when it starts with "::"
 * after any leading white space, or holds "##[" anywhere (the old syntax),
 * so "##[" becomes "##%5B" and, when the text begins the line
 * (line_start: a file name), every ':' becomes %3A; % CR LF as above. */
void civ_gh_escape_log(FILE *fp, const char *s, size_t n, bool line_start);

/* A relative path as a URI reference (RFC 3986): unreserved characters and
 * '/' stay, every other byte is %XX. A leading "./" is dropped. Absolute
 * paths become file:// URIs. */
void civ_uri_path(FILE *fp, const char *path);

/* Text for a Markdown table cell: HTML-significant characters become
 * entities and Markdown punctuation (| \ ` * _ [ ] # ~) is backslash-escaped. */
void civ_md_cell(FILE *fp, const char *s, size_t n);

/* Links to the posts (html, --link-base). */
/* True when s is an absolute http:// or https:// URI with a host and no
 * character RFC 3986 allows nowhere (controls, space, " < > \ ^ ` { | }). */
bool civ_http_uri(const char *s);
/* NULL when s may be --link-base: an http(s) URL (civ_http_uri) or a
 * relative reference (no scheme, not "//host"); else why not, a phrase
 * for the usage error. Rejects javascript:, data:, file: and the rest. */
const char *civ_link_base_check(const char *s);
/* Writes, as an HTML attribute value, the link to `line` of `path`: base
 * as given, then the path without leading "./" and "/" with every byte but
 * unreserved characters and '/' as %XX, then "#L<line>" (GitHub's, GitLab's
 * and Gitea's line anchor); line 0: no fragment. */
void civ_link_href(FILE *fp, const char *base, const char *path, size_t line);

#endif
