/* registry.c - the one table of checks. Add a check here and it appears in
 * --list-rules, can be enabled and disabled, and runs in this order. */
#include <stdarg.h>
#include <string.h>

#include "checks/check.h"

void civ_check_encoding(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_front_matter(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_empty_section(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_author_line(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_unused_suppression(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_accidental_code_block(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_relative_date(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_invisible_character(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_allow_directive(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_unsourced_figure(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_rule_packs(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_spelling(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_spelling_variant(const civ_doc *, const civ_ctx *, civ_sink *);
void civ_check_mixed_script(const civ_doc *, const civ_ctx *, civ_sink *);

static const civ_check table[] = {
    {"encoding", CIV_SEV_ERROR, "invalid UTF-8 bytes, reported at the exact byte",
     civ_check_encoding, NULL, false},
    {"front-matter", CIV_SEV_ERROR, "YAML front matter that is not closed, not YAML or not a mapping",
     civ_check_front_matter, NULL, false},
    {"empty-section", CIV_SEV_WARNING, "a heading with no content before the next heading of the same or higher rank",
     civ_check_empty_section, NULL, false},
    {"author-line", CIV_SEV_WARNING, "the post has no byline ('Name – Role, Organisation') or a malformed one",
     civ_check_author_line,
     "A post is signed in its front matter (author, authors, by, byline, author_name,\n"
     "creator, contributors; author-line.keys), in the site's author data file\n"
     "(author-line.data), or by a last line like the byline example. An empty key\n"
     "(author: '') is always reported.\n"
     "author-line.required: posts (the default) asks a byline of posts only, not of\n"
     "documentation and other pages. A page is not a post when its front matter's\n"
     "layout or type says page, doc, docs, guide, tutorial, wiki or manual (post,\n"
     "blog, article, news say post), when its categories or tags name a guide,\n"
     "tutorial, how-to, FAQ or documentation, when its title names one (\"River\n"
     "Gauges FAQ\") or its description opens with one (\"A guide on ...\"), when\n"
     "most pages of its category in the run (3 or more) name no author, else when\n"
     "its folder in the site says so: docs/, guides/, wiki/, pages/ vs _posts/,\n"
     "posts/, blog/, news/; a Jekyll page outside _posts, a MkDocs or Docusaurus\n"
     "page outside a blog folder. --print-config shows what a file's path says.\n"
     "author-line.required: true asks it of every page; false of none.", false},
    {"unused-suppression", CIV_SEV_NOTE, "a civlint-disable comment that suppresses nothing, or names an unknown rule",
     civ_check_unused_suppression, NULL, false},
    {"accidental-code-block", CIV_SEV_WARNING, "an indented code block that holds prose (pasted text indented by four spaces)",
     civ_check_accidental_code_block, NULL, false},
    {"relative-date", CIV_SEV_NOTE, "'last week', 'this year', 'recently'... that go stale; suggests the date from the front matter",
     civ_check_relative_date, NULL, false},
    {"invisible-character", CIV_SEV_WARNING, "zero width, soft hyphen, bidirectional and other invisible characters in prose",
     civ_check_invisible_character,
     "Zero width characters, soft hyphens, bidirectional controls and other format\n"
     "characters are removed (ZWJ in emoji and scripts that join, and bidi marks in\n"
     "right-to-left text, are not reported). A no-break space (U+00A0, U+202F,\n"
     "U+2007) is reported where it stands for a word space: between two ordinary\n"
     "words, two or more in a row, or at the start or end of a line. It is\n"
     "typography, not reported, next to a digit or punctuation (10 km, p. 12,\n"
     "French spacing before : ; ! ? and inside guillemets, J. R.), after a\n"
     "one-letter word (a tool, I think), after a title (Mr Smith) and before a\n"
     "numeral or letter label (World War II, Appendix B). Entities (&nbsp;) are\n"
     "never reported.\n"
     "invisible-character.no-break-space: all reports every no-break space.", false},
    {"allow-directive", CIV_SEV_ERROR, "a malformed '<!-- civlint-allow RULE \"TERM\" -- reason -->' override (no reason, no term)",
     civ_check_allow_directive, NULL, false},
    {"unsourced-figure", CIV_SEV_WARNING, "a figure (38.3%, $13.5 billion, 7,000 people) with no link, footnote or attribution in its sentence",
     civ_check_unsourced_figure,
     "A source is a link, footnote or attribution (according to, reported, the\n"
     "survey found, Source:, see Table 2) in the figure's sentence or the next one\n"
     "(figures.scope: sentence | adjacent | paragraph). First-hand figures (we\n"
     "found, our survey) and figures near the site's own names count as sourced\n"
     "(figures.self-attribution: report to report them): figures.own-names lists\n"
     "those names, and the site's name from its generator's configuration\n"
     "(_config.yml or hugo title, mkdocs.yml site_name, docusaurus.config.js\n"
     "title, pelicanconf.py SITENAME) is added to them. Not figures: worked\n"
     "examples, labels, specifications, settings, statute text and the terms of an\n"
     "offer (prizes, stipends, FTE, pro-rata pay, funding available); see\n"
     "rules/figures.yml.", false},
    {"rule-packs", CIV_SEV_WARNING, "the house-style rules of the packs in rules/, reported as PACK.ID (listed below)",
     civ_check_rule_packs, NULL, false},
    {"spelling", CIV_SEV_WARNING, "a likely misspelling: a word the hunspell dictionary (en_US), the house dictionary and the word lists do not know that reads as a typo, not as a name or the post's vocabulary; a known word in the wrong case; a variant of a name the post spells otherwise", civ_check_spelling, NULL, false},
    {"spelling-variant", CIV_SEV_NOTE, "(off by default) a post that mixes two spellings of English: 'organisation' (British) and 'organization' (American), colour/color, centre/center",
     civ_check_spelling_variant,
     "Which spelling a word is, the installed hunspell dictionaries say: the\n"
     "language's own (lang, en_US) and the other spelling (en_GB for en_US, en_US\n"
     "for en_GB, en_CA or en_AU; or the second language of lang: [en_US, en_GB]).\n"
     "A word is British when en_GB knows it, en_US does not, and a regular swap\n"
     "(our/or, re/er, is/iz, ys/yz, ll/l, ogue/og, ence/ense, mme/m, ae/e, oe/e,\n"
     "ey/ay, gement/gment, eing/ing) is a word en_US knows; and the other way\n"
     "round. A word both know (organization) counts for its side when the post\n"
     "also writes its other spelling with s for z (organisation); license and\n"
     "licence, program and programme are both British. A swap of one e\n"
     "(judgement, ageing) says nothing: both are American too. Words in lower\n"
     "case only: a Capitalised one may be a name (Lincoln Center, the Centre for X).\n"
     "When a post has both spellings, the one used fewer times (on a tie, the one\n"
     "that is not lang's) is reported: each distinct word once, at its first\n"
     "occurrence, naming the other spelling and its line, with a fix-it to the\n"
     "other spelling and the word's other lines in a note. Off by default: turn\n"
     "it on with --enable=spelling-variant, -W spelling-variant=warning, or\n"
     "enable: [spelling-variant] in .civlint.yml. Where spelling reports the same\n"
     "word ('colour' is en_GB spelling), only this rule's finding is kept.",
     true},
    {"mixed-script", CIV_SEV_ERROR, "a word mixing Latin with Cyrillic or Greek look-alike letters", civ_check_mixed_script, NULL, false},
};

const civ_check *civ_checks(size_t *n)
{
    *n = sizeof table / sizeof *table;
    return table;
}

const civ_check *civ_check_find(const char *id)
{
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (strcmp(table[i].id, id) == 0)
            return &table[i];
    return NULL;
}

void civ_checks_declare(civ_rules *r)
{
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        civ_rules_declare(r, table[i].id, table[i].severity, table[i].description);
}

static civ_diag *vreport(civ_sink *s, const char *rule, civ_severity sev, size_t start,
                         size_t end, const char *fmt, va_list ap)
{
    return civ_diag_addv(s->out, rule, sev, start, end, fmt, ap);
}

civ_diag *civ_report(civ_sink *s, size_t start, size_t end, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    civ_diag *d = vreport(s, s->rule, s->severity, start, end, fmt, ap);
    va_end(ap);
    return d;
}

civ_diag *civ_report_rule(civ_sink *s, const char *rule, civ_severity sev, size_t start,
                          size_t end, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    civ_diag *d = vreport(s, rule, sev, start, end, fmt, ap);
    va_end(ap);
    return d;
}
