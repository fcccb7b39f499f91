/* sentence.h - splitting a prose block's text into sentences.
 *
 * Checks that reason about "the same sentence" (is this figure sourced?)
 * need sentence boundaries that do not break at U.S., e.g., Dr., Jan. 5,
 * initials (J. R. Smith), decimals (13.5) or ellipses followed by a
 * lower-case word, and that keep closing quotes, brackets and footnote
 * placeholders ("...in 2023.[^1]") with the sentence they close.
 *
 * A boundary is terminal punctuation (. ! ? … or ...), then any closing
 * quotes, brackets or U+FFFC placeholders, then white space, then something
 * that can start a sentence (not a lower-case letter). An abbreviation
 * before a full stop suppresses the boundary as described in sentence.c. */
#ifndef CIV_SENTENCE_H
#define CIV_SENTENCE_H

#include <stddef.h>

typedef struct {
    size_t t0, t1; /* [t0,t1) in the text, without surrounding white space */
} civ_sentence;

/* Splits text[0..len) (valid UTF-8). Returns a heap array of *n sentences
 * in order (caller frees; NULL when *n is 0). Text that is only white
 * space has no sentences. */
civ_sentence *civ_sentences_split(const char *text, size_t len, size_t *n);

/* Index of the sentence holding text offset t (the nearest one before it
 * when t falls between sentences). s must be non-empty. */
size_t civ_sentence_index(const civ_sentence *s, size_t n, size_t t);

#endif
