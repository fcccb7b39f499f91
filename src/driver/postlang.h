/* postlang.h - `lang:` in a post's front matter picks the dictionaries
 * its words are spelt against (issue 13, item 6).
 *
 * Precedence, the most specific first: the post's front matter (`lang`,
 * else `language` when it holds language codes), then `.civlint.yml`'s
 * `lang` (the last matching override's, else the top level's: config.h),
 * then `--lang`, then en_US. The command line and the language server
 * (driver/lsp_host.c, at each lint of an edited post) both call
 * civ_post_speller; --print-config calls civ_post_choose. Unlike --enable and -W, `--lang` is
 * the default a configuration refines (as it was before front matter was
 * read): a CI line `--lang=en_US` for a whole blog must not silence what
 * one post says of itself, as an HTML `lang` attribute on a passage is
 * obeyed over the post's language. */
#ifndef CIV_DRIVER_POSTLANG_H
#define CIV_DRIVER_POSTLANG_H

#include <stdbool.h>
#include <stddef.h>

#include "checks/check.h"
#include "diag/diag.h"
#include "source/frontmatter.h"
#include "spell/spellers.h"

/* Writes to out (cap bytes) the hunspell language list that the values of
 * a front-matter `lang` name, comma-separated: BCP 47 tags (`en-GB`,
 * `en-gb`, `sr-Latn-RS`) and hunspell names (`en_GB`) become `ll_RR`;
 * a bare language (`en`) is `current`'s first language when it is the same
 * language (en_US for `en` in an en_US project), else kept as it is.
 * False, with *bad the first value that is no language code (`English`,
 * `python`), or on more than 4 values. */
bool civ_post_lang(const char *const *values, size_t n, const char *current, char *out,
                   size_t cap, const char **bad);

/* What a post's front matter asks for, decided without loading any
 * dictionary (--print-config shows it; civ_post_speller obeys it). */
typedef struct {
    const civ_fm_field *field; /* `lang` (else `language`); NULL: no language named */
    char lang[64];             /* the language list to use ("" when the post's is not) */
    const char *first, *last;  /* the values a note quotes, as written */
    const char *why;           /* why the post's lang is not used ("is not a
                                  language like en_GB or en-GB", "has no
                                  hunspell dictionary installed"), or NULL */
} civ_post_choice;

/* Chooses for front matter fm, in a file whose settings give `current`
 * (the configured list, else the spellers' default). The strings point
 * into fm. A `language:` that is no language code is not one (some sites
 * put a programming language there): no field, no why. */
void civ_post_choose(const civ_spellers *s, const civ_frontmatter *fm, const char *current,
                     civ_post_choice *c);
/* The note's text for c (as civ_post_speller gives it, without its
 * "; spelt as" tail) into buf, or "" when c->why is NULL. */
void civ_post_describe(const civ_source *src, const civ_post_choice *c, char *buf, size_t cap);

/* Reads src's front matter and, when it names a language other than
 * ctx->lang's (or the spellers' default), sets ctx->speller to that
 * language's. A value that is no language code, or a language with no
 * installed dictionary, leaves the speller as it was and adds one note of
 * rule `spelling` at the key to out, saying which language is used. */
void civ_post_speller(civ_spellers *s, civ_ctx *ctx, const civ_source *src, civ_diags *out);

#endif
