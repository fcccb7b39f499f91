/* author_line.c - `author-line`: every post carries a byline.
 *
 * Editorial rule: a post is signed, either in front matter (author or
 * authors) or by an author line as the last paragraph of the body, matching
 * the `byline` definition of the rule packs (by default
 * "Firstname Lastname – Role(s), Organisation").
 *
 * Findings: a missing byline (one diagnostic on the last line, with a note
 * showing the expected form); a malformed one, i.e. a last paragraph that
 * reads like a byline (a name, then a role word from `byline-words`) but
 * does not match; when the dash is missing or wrong, a fix-it puts " – "
 * between the name and the role. The split (text/byline.h) starts the
 * role at the first word of the `byline-roles` vocabulary after a name of
 * two or more words; when that is unsure (a one-word name, a word after
 * "Name," that is no role, a role word the dictionaries know only as a
 * name), there is no fix-it, only the note.
 *
 * Where sites keep the author: the metadata keys of ctx->author_keys
 * (default: author, authors, by, byline, author_name, creator,
 * contributors; any case; a string, a list, a list of mappings with a
 * `name`) in YAML, TOML, JSON or a metadata header, and the site's author
 * data file (`author-line.data`), which maps a post's path (or any tail of
 * it) or slug (the `slug` key, the file or bundle name with or without its
 * YYYY-MM-DD- prefix) to authors. A key that is there but empty
 * (`author: ''`, `authors: []`) is reported where it stands, even when
 * `author-line.required: false`: someone meant to fill it in. With
 * `required: false` a post signed nowhere is not reported (institutional
 * statements). With `required: posts` (the default) only posts are:
 * documentation and other pages carry no byline. A page is not a post
 * when its front matter's `layout` or `type` says so (page, doc, docs,
 * guide, tutorial...; post, blog, article say post), when its categories
 * or tags name a genre without bylines (guide, tutorial, how-to, FAQ,
 * documentation), when its title names one or its description opens with
 * one ("A guide on ..."), when most pages of its category in the run name
 * no author (author_sections.h: a section the site does not sign; on the
 * real posts, a blog's guides kept among its posts, each dated, with
 * nothing else to tell them apart), else when its folder in the site says so
 * (civ_site_page_kind: docs/ vs blog/, a Jekyll page outside _posts);
 * `required: true` requires a byline on every page.
 *
 * Trade-off: a front matter author satisfies the rule even when the body
 * ends with something byline-like; a malformed visible byline is still
 * reported, because readers see it. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text/byline.h"
#include "checks/author_sections.h"
#include "checks/check.h"
#include "spell/spell.h"
#include "base/util.h"

static const char *expected(const civ_ctx *ctx)
{
    const char *ex = civ_rules_def_text(ctx->rules, "byline-example");
    return ex ? ex : "Firstname Lastname – Role, Organisation";
}

/* Where a missing byline is reported: the first character of the last
 * line of the body (the last block outside footnote definitions), or of
 * the file's last non-blank line when there is no such block. */
/* True when source byte `at` lies inside template syntax (templates.h):
 * markup the site renders away, not a line the reader sees. The spans are
 * sorted and do not overlap. */
static bool in_template(const civ_doc *doc, size_t at)
{
    size_t lo = 0, hi = doc->ntemplates;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->templates[mid].s1 <= at)
            lo = mid + 1;
        else if (doc->templates[mid].s0 > at)
            hi = mid;
        else
            return true;
    }
    return false;
}

/* Where a missing author line is reported: the start of the post's last
 * line a reader sees (not a footnote, not template syntax). */
static void last_line(const civ_doc *doc, size_t *s0, size_t *s1)
{
    const civ_source *src = doc->src;
    size_t ln = src->nlines;
    for (size_t i = doc->nblocks; i-- > 0;) {
        const civ_block *b = &doc->blocks[i];
        if (!(b->flags & CIV_IN_FOOTNOTE)) {
            ln = civ_source_line_of(src, b->end > b->start ? b->end - 1 : b->start) + 1;
            break;
        }
    }
    for (; ln >= 1; ln--) {
        size_t a, e;
        civ_source_line(src, ln, &a, &e);
        while (a < e && (src->data[a] == ' ' || src->data[a] == '\t'))
            a++;
        if (a < e && !in_template(doc, a)) {
            *s0 = a;
            *s1 = a + 1;
            while (*s1 < e && ((unsigned char)src->data[*s1] & 0xC0) == 0x80)
                (*s1)++;
            return;
        }
        if (ln == 1)
            break;
    }
    *s0 = *s1 = 0;
}

static const char *const default_keys[] = {"author", "authors", "by", "byline", "author_name",
                                           "creator", "contributors"};

/* (void *)1 named, (void *)2 empty, NULL: not in the data. */
static void *data_get(const civ_strmap *m, const char *s, size_t n)
{
    return n ? civ_strmap_get(m, s, n) : NULL;
}

/* The post's entry in the author data: its path or a tail of it, its slug,
 * its file or bundle name with or without extension and date prefix. */
static void *data_lookup(const civ_doc *doc, const civ_strmap *m)
{
    const char *name = doc->src->name ? doc->src->name : "";
    while (name[0] == '.' && name[1] == '/')
        name += 2;
    void *v = data_get(m, name, strlen(name));
    for (const char *p = strchr(name, '/'); !v && p; p = strchr(p + 1, '/'))
        v = data_get(m, p + 1, strlen(p + 1));
    const civ_fm_field *slug = civ_frontmatter_field(doc->fm, "slug");
    if (!v && slug && slug->nvalues)
        v = data_get(m, slug->values[0], strlen(slug->values[0]));
    /* the file's stem, or the folder's for a bundle (index.md, README.md) */
    const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
    size_t n = strcspn(base, ".");
    if ((strncasecmp(base, "index.", 6) == 0 || strncasecmp(base, "readme.", 7) == 0) && base > name + 1) {
        const char *e = base - 1, *a = e;
        while (a > name && a[-1] != '/')
            a--;
        base = a;
        n = (size_t)(e - a);
    }
    for (int pass = 0; pass < 2 && !v; pass++) {
        v = data_get(m, base, n);
        bool dated = n > 11 && base[4] == '-' && base[7] == '-' && base[10] == '-';
        if (!dated)
            break;
        base += 11; /* 2024-03-10-slug -> slug */
        n -= 11;
    }
    return v;
}

/* Where the metadata or the data name the author: 1 named, 2 an empty
 * key (*empty) or data entry, 0 nowhere. */
static int metadata_author(const civ_doc *doc, const civ_ctx *ctx, const civ_fm_field **empty)
{
    const char *const *keys = ctx->author_keys ? ctx->author_keys : default_keys;
    size_t nk = ctx->author_keys ? ctx->nauthor_keys : sizeof default_keys / sizeof *default_keys;
    *empty = NULL;
    for (size_t i = 0; i < nk; i++) {
        const civ_fm_field *f = civ_frontmatter_field(doc->fm, keys[i]);
        if (f && f->nvalues)
            return 1;
        if (f && !*empty)
            *empty = f;
    }
    void *data = ctx->author_data ? data_lookup(doc, ctx->author_data) : NULL;
    if (data == (void *)1)
        return 1;
    return *empty || data == (void *)2 ? 2 : 0;
}

/* Reports an empty author key or data entry; true when the post is signed
 * in its metadata or the data, or an empty value was reported. */
static bool signed_elsewhere(const civ_doc *doc, const civ_ctx *ctx, civ_sink *sink)
{
    const civ_fm_field *empty;
    int where = metadata_author(doc, ctx, &empty);
    if (where != 2)
        return where == 1;
    if (empty) {
        size_t s0 = empty->off, k = strlen(empty->key);
        bool at_key = s0 + k <= doc->src->len && memcmp(doc->src->data + s0, empty->key, k) == 0;
        civ_diag *d = civ_report(sink, s0, at_key ? s0 + k : s0 + 1, "'%s' is empty: the post names no author",
                                 empty->key);
        civ_diag_note(d, "fill it in, or remove it if the post is not signed");
        return true;
    }
    size_t s0, s1;
    last_line(doc, &s0, &s1);
    civ_report(sink, s0, s1, "the author data file lists this post with no author");
    return true;
}

/* Whether `word` occurs in v as a whole word (words split at anything
 * but letters and digits; "field-guide" holds "guide"), any case. */
static bool has_word(const char *v, const char *const *words)
{
    for (const char *p = v; *p;) {
        while (*p && !isalnum((unsigned char)*p))
            p++;
        size_t n = 0;
        while (isalnum((unsigned char)p[n]))
            n++;
        for (const char *const *w = words; n && *w; w++)
            if (strlen(*w) == n && strncasecmp(*w, p, n) == 0)
                return true;
        p += n;
    }
    return false;
}

/* Genre words that make a title a page's, not a post's: "River Gauges
 * FAQ", "Field guide: ...", "Tutorials for new volunteers". */
static const char *const title_genres[] = {"guide", "guides", "tutorial", "tutorials", "faq", "faqs",
                                           "handbook", "walkthrough", "howto", NULL};

/* Whether a description opens by saying what kind of page it is: "A
 * guide on how to ...", "This tutorial shows ...", "Step-by-step guide
 * for ..." - a determiner or adjectives, then a genre word, then on,
 * for, about, how, showing, shows, explaining or explains. "A guide to
 * the day" in an event's description is not enough: "to" follows too
 * many nouns. */
static bool says_genre(const char *d)
{
    static const char *const genre[] = {"guide", "tutorial", "how-to", "howto", "walkthrough", "primer", NULL};
    static const char *const then[] = {"on", "for", "about", "how", "showing", "shows", "explaining",
                                       "explains", NULL};
    static const char *const det[] = {"a", "an", "the", "this", "our", "these", NULL};
    const char *p = d;
    /* the genre word first, or after a determiner and at most one more
     * word ("A short guide on", "Step-by-step guide for") */
    for (int w = 0; w < 3 && *p; w++) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ,:;.");
        bool is_genre = false, is_det = false;
        for (const char *const *g = genre; n && *g && !is_genre; g++)
            is_genre = strlen(*g) == n && strncasecmp(*g, p, n) == 0;
        for (const char *const *g = det; n && *g && !is_det; g++)
            is_det = strlen(*g) == n && strncasecmp(*g, p, n) == 0;
        p += n;
        if (!is_genre) {
            if (w == 0 && !is_det && !memchr(p - n, '-', n))
                return false; /* "We wrote a guide on ...": a sentence, not a genre */
            continue;
        }
        while (*p == ' ')
            p++;
        size_t m = strcspn(p, " ,:;.");
        for (const char *const *t = then; *t; t++)
            if (strlen(*t) == m && strncasecmp(*t, p, m) == 0)
                return true;
        return false;
    }
    return false;
}

/* ---- the run's sections (author_sections.h) ---- */

void civ_sections_init(civ_sections *s)
{
    civ_strmap_init(&s->named);
    civ_strmap_init(&s->unnamed);
}

void civ_sections_release(civ_sections *s)
{
    civ_strmap_release(&s->named);
    civ_strmap_release(&s->unnamed);
}

static const char *const section_keys[] = {"category", "categories"};

/* The count of pages stored for a category, any case. */
static uintptr_t section_count(const civ_strmap *m, const char *v)
{
    char low[128];
    size_t n = strlen(v);
    if (n >= sizeof low)
        return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)tolower((unsigned char)v[i]);
    return (uintptr_t)civ_strmap_get(m, low, n);
}

void civ_sections_add(const civ_doc *doc, const civ_ctx *ctx, civ_sections *s)
{
    civ_byline by;
    civ_byline_find(doc, ctx->rules, &by);
    const civ_fm_field *empty;
    bool named = by.status != CIV_BYLINE_NONE || metadata_author(doc, ctx, &empty) != 0;
    civ_strmap *m = named ? &s->named : &s->unnamed;
    for (size_t k = 0; k < 2; k++) {
        const civ_fm_field *f = civ_frontmatter_field(doc->fm, section_keys[k]);
        for (size_t i = 0; f && i < f->nvalues; i++) {
            char low[128];
            size_t n = strlen(f->values[i]);
            if (!n || n >= sizeof low)
                continue;
            for (size_t j = 0; j < n; j++)
                low[j] = (char)tolower((unsigned char)f->values[i][j]);
            uintptr_t c = (uintptr_t)civ_strmap_get(m, low, n);
            civ_strmap_put(m, low, n, (void *)(c + 1));
        }
    }
}

/* Whether one of the page's categories is a section the site does not
 * sign: most of its pages in the run (at least CIV_SECTION_MIN_PAGES)
 * name no author. */
static bool unsigned_section(const civ_doc *doc, const civ_ctx *ctx)
{
    for (size_t k = 0; ctx->sections && k < 2; k++) {
        const civ_fm_field *f = civ_frontmatter_field(doc->fm, section_keys[k]);
        for (size_t i = 0; f && i < f->nvalues; i++) {
            uintptr_t yes = section_count(&ctx->sections->named, f->values[i]);
            uintptr_t no = section_count(&ctx->sections->unnamed, f->values[i]);
            if (yes + no >= CIV_SECTION_MIN_PAGES && no > yes)
                return true;
        }
    }
    return false;
}

/* What the page says it is: `layout` or `type` (the template it renders
 * with: post, blog, article vs page, doc, docs...), then its categories or
 * tags naming a genre that carries no byline (a guide, tutorial, how-to,
 * FAQ, documentation), then its path in the site (ctx->page_kind). */
static int page_kind(const civ_doc *doc, const civ_ctx *ctx)
{
    static const char *const post_layouts[] = {"post", "posts", "blog", "article", "news", NULL};
    static const char *const doc_layouts[] = {"page", "doc", "docs", "documentation", "guide",
                                              "tutorial", "wiki", "manual", NULL};
    static const char *const genres[] = {"guide", "guides", "tutorial", "tutorials", "howto",
                                         "documentation", "docs", "faq", "faqs", NULL};
    static const char *const layout_keys[] = {"layout", "type"};
    for (size_t k = 0; k < 2; k++) {
        const civ_fm_field *f = civ_frontmatter_field(doc->fm, layout_keys[k]);
        for (size_t i = 0; f && i < f->nvalues; i++)
            for (int d = 0; d < 2; d++)
                for (const char *const *w = d ? doc_layouts : post_layouts; *w; w++)
                    if (strcasecmp(*w, f->values[i]) == 0)
                        return d ? CIV_PAGE_DOC : CIV_PAGE_POST;
    }
    static const char *const taxonomy[] = {"category", "categories", "tags"};
    for (size_t k = 0; k < 3; k++) {
        const civ_fm_field *f = civ_frontmatter_field(doc->fm, taxonomy[k]);
        for (size_t i = 0; f && i < f->nvalues; i++)
            if (strcasecmp(f->values[i], "how-to") == 0 || has_word(f->values[i], genres))
                return CIV_PAGE_DOC;
    }
    if (doc->fm && doc->fm->title && has_word(doc->fm->title, title_genres))
        return CIV_PAGE_DOC;
    const civ_fm_field *f = civ_frontmatter_field(doc->fm, "description");
    if (f && f->nvalues && says_genre(f->values[0]))
        return CIV_PAGE_DOC;
    if (unsigned_section(doc, ctx))
        return CIV_PAGE_DOC;
    return ctx->page_kind;
}

/* Whether the dictionaries (en_US and the house dictionary of names) know
 * word[0..n) written with a lower-case first letter: 1 yes, 0 no, -1
 * when there is no speller (spelling off) or the word cannot be asked. */
static int known_lower(const civ_ctx *ctx, const char *w, size_t n)
{
    if (!ctx->speller || !n || n > 63 || !isupper((unsigned char)w[0]))
        return -1;
    for (size_t i = 0; i < n; i++)
        if (w[i] == '\'' || w[i] == '-' || (unsigned char)w[i] == 0xE2) /* O'Connell, Jean-Luc: names */
            return -1;
    char low[64];
    memcpy(low, w, n);
    low[0] = (char)tolower((unsigned char)low[0]);
    return civ_speller_check(ctx->speller, low, n);
}

/* True when the role's first word is known only capitalised: a name the
 * house dictionary lists, not a role word ("Head" is known as "head"). */
static bool proper_noun(const civ_ctx *ctx, const char *w, size_t n)
{
    while (n && strchr(",;:", w[n - 1]))
        n--;
    return known_lower(ctx, w, n) == 0 && civ_speller_check(ctx->speller, w, n);
}

/* True when the name's last word is a common word ("Country" in "Farrukh
 * Ismoilov Country Director"): it may be the start of the role, so the
 * split is a guess. Surnames that are common words ("Rose") lose their
 * fix-it too; no fix-it is better than a wrong one. */
static bool common_word(const civ_ctx *ctx, const char *w, size_t n)
{
    return known_lower(ctx, w, n) == 1;
}

void civ_check_author_line(const civ_doc *doc, const civ_ctx *ctx, civ_sink *sink)
{
    if (doc->src->truncated || doc->cut != SIZE_MAX)
        return; /* only the post's head was read or modelled (limits): its end is not here */
    civ_byline by;
    civ_byline_find(doc, ctx->rules, &by);
    if (by.status == CIV_BYLINE_OK)
        return;
    if (by.status == CIV_BYLINE_MALFORMED) {
        const civ_block *b = &doc->blocks[by.block];
        size_t a = 0, e = b->text_len;
        while (a < e && (b->text[a] == ' ' || b->text[a] == '\t'))
            a++;
        while (e > a && (b->text[e - 1] == ' ' || b->text[e - 1] == '\t'))
            e--;
        size_t s0, s1, f0, f1;
        civ_block_span(b, a, e, &s0, &s1);
        civ_block_span(b, by.sep_t0, by.sep_t1, &f0, &f1);
        const char *sep = b->text + by.sep_t0;
        size_t seplen = by.sep_t1 - by.sep_t0;
        bool has_dash = memmem(sep, seplen, "\u2013", 3) || memmem(sep, seplen, "\u2014", 3) ||
                        memmem(sep, seplen, " - ", 3);
        civ_diag *d;
        if (by.role_before_dash) {
            d = civ_report(sink, s0, s1, "author line has words of the role before the dash");
            /* "Name Senior – Fellow": " – Senior " from the name's end to
             * the word after the dash. Not safe for --fix: it moves words. */
            if (!proper_noun(ctx, b->text + by.role_t0, by.role_t1 - by.role_t0) &&
                !common_word(ctx, b->text + by.last_t0, by.last_t1 - by.last_t0))
            {
                char *repl = xasprintf(" \u2013 %.*s ", (int)(by.role_t1 - by.role_t0), b->text + by.role_t0);
                civ_diag_fix(d, f0, f1, repl);
                free(repl);
            }
        } else if (!has_dash) {
            d = civ_report(sink, s0, s1, "author line has no dash between the name and the role");
            /* "Name Role": insert " –" after the name; "Name, Role" and
             * the like: replace the separator. Only when the split is
             * sure: a wrong dash is worse than none. */
            if (by.sure && !proper_noun(ctx, b->text + by.role_t0, by.role_t1 - by.role_t0) &&
                !common_word(ctx, b->text + by.last_t0, by.last_t1 - by.last_t0)) {
                civ_fix *fx = seplen == 1 && sep[0] == ' ' ? civ_diag_fix(d, f0, f0, " \u2013")
                                                           : civ_diag_fix(d, f0, f1, " \u2013 ");
                fx->safe = true; /* the dash goes exactly where the name ends */
            }
        } else {
            d = civ_report(sink, s0, s1, "author line does not match the expected form");
        }
        civ_diag_note(d, "expected a line like '%s'", expected(ctx));
        return;
    }
    if (signed_elsewhere(doc, ctx, sink) || ctx->author_required == CIV_AUTHOR_NEVER)
        return;
    if (ctx->author_required == CIV_AUTHOR_POSTS && page_kind(doc, ctx) == CIV_PAGE_DOC)
        return;
    size_t s0, s1;
    last_line(doc, &s0, &s1);
    civ_diag *d = civ_report(sink, s0, s1, "post has no author line");
    civ_diag_note(d, "end the post with a line like '%s', or set 'author' in the front matter",
                  expected(ctx));
}
