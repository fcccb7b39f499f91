/* spelling.h - what the `spelling` check offers beyond its run function:
 * the run's vocabulary.
 *
 * Words a blog uses in several posts are its vocabulary, almost never
 * typos (issue 13: 231 such words gave 3,727 findings on one sample and
 * none was a typo). A post's count is only known after every post, so the
 * driver reads the run's posts once before linting them (a pre-pass that
 * calls this for each), counts in how many posts each unknown word
 * appears, and hands the counts to the check in civ_ctx.run_words. */
#ifndef CIV_CHECKS_SPELLING_H
#define CIV_CHECKS_SPELLING_H

#include "base/strmap.h"
#include "checks/check.h"

/* Adds every distinct unknown word of doc, lower-cased, to out (value 1;
 * the caller owns out). Nothing when ctx has no speller. */
void civ_spelling_vocabulary(const civ_doc *doc, const civ_ctx *ctx, civ_strmap *out);

/* Adds each unknown word of the post as written (not lower-cased: a word
 * list needs the casing) to out, its value the number of occurrences
 * (uintptr_t, added to what out holds), for --list-unknown. */
void civ_spelling_unknown(const civ_doc *doc, const civ_ctx *ctx, civ_strmap *out);

/* Why `word` is or is not a spelling finding, as lines of text (heap;
 * the caller frees): how the tokenizer takes it, which dictionary or word
 * list knows it (ctx->speller), what the check judges it to be as a lone
 * occurrence mid-sentence (and at a sentence start, when capitalised),
 * and the ranked one-edit candidates with their costs (--explain-word). */
char *civ_spelling_explain(const civ_ctx *ctx, const char *word);

/* Posts of a run that make an unknown word its vocabulary. */
#define CIV_SPELLING_RUN_POSTS 3

#endif
