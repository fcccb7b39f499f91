/* byline.h - finding the author line ("Name – Role, Organisation").
 *
 * Shared by two checks: author-line reports a missing or malformed byline,
 * and empty-section must not count the byline as a section's content. */
#ifndef CIV_BYLINE_H
#define CIV_BYLINE_H

#include <stddef.h>

#include "model/document.h"
#include "rules/rules.h"

typedef enum {
    CIV_BYLINE_NONE,      /* the last paragraph is not a byline */
    CIV_BYLINE_OK,        /* it matches the byline pattern */
    CIV_BYLINE_MALFORMED, /* it reads like one but does not match */
} civ_byline_status;

typedef struct {
    civ_byline_status status;
    size_t block;          /* index of the last body paragraph, or SIZE_MAX */
    /* MALFORMED: the text span between the name and the role, to be
     * replaced by " – " (empty when the separator is missing) */
    size_t sep_t0, sep_t1;
    /* MALFORMED: true when the split is sure enough for a fix-it: the role
     * starts with a word of the `byline-roles` vocabulary and at least two
     * words that read as a name (`byline-name`) stand before it. False:
     * sep_t0..sep_t1 is a guess (the first `byline-words` match), for the
     * message only. */
    bool sure;
    size_t role_t0, role_t1; /* the role's first word (text offsets) */
    size_t last_t0, last_t1; /* the name's last word, punctuation aside */
    /* MALFORMED with a dash: the role's first words stand before it
     * ("Tamar Kiknadze Senior – Fellow, ..."); role_t0..role_t1 are those
     * words, sep_t0..sep_t1 runs from the name's end to the word after the
     * dash, to be replaced by " – " + those words + " ". */
    bool role_before_dash;
} civ_byline;

/* Classifies the post's last body paragraph (outside footnote definitions,
 * ignoring trailing HTML comments, thematic breaks and link definitions)
 * with the `byline` and `byline-words` definitions of the rule packs, and
 * splits a malformed one into name and role with `byline-roles` and
 * `byline-name`. */
void civ_byline_find(const civ_doc *doc, const civ_rules *rules, civ_byline *out);

#endif
