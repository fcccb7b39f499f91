/* test_spell_judge.c - how the `spelling` check judges an unknown word
 * once the whole post is known (checks/spelling_judge.c): likely typos,
 * wrong casing, names and their variants, the post's own vocabulary,
 * unknown terms, the byline, once per post; and the ranked one-edit search
 * (spell/near.c) and the name distance underneath. All text here is
 * synthetic: invented names (Zorblax, Quxley) and plain English. */
#include "helpers.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "checks/spelling.h"
#include "checks/spelling_impl.h"
#include "spell/near.h"
#include "spell/spell.h"
#include "spell/typos.h"

/* ---- the ranked one-edit search, on a dictionary of a few words ---- */

static bool fake_spell(void *ud, const char *word)
{
    for (const char *const *w = ud; *w; w++)
        if (strcmp(*w, word) == 0)
            return true;
    return false;
}

typedef struct {
    const char *name;
    const char *dict[6];
    const char *word;
    const char *want; /* the candidates, cheapest first, joined by ' ' */
    int best;
} near_case;

static const near_case near_cases[] = {
    {"a doubled letter beats a dropped one", {"sport", "support"}, "suport", "support sport", 2},
    {"swap", {"receive"}, "recieve", "receive", 2},
    {"key next to the right one", {"government", "governmint"}, "governmwnt", "government governmint", 3},
    {"a missing letter beats one too many", {"stem", "system"}, "sytem", "system stem", 3},
    {"a key far away costs a full edit", {"government"}, "governmznt", "government", 4},
    {"one letter in another case", {"GitHub"}, "Github", "GitHub", 1},
    {"a stray capital", {"The"}, "THe", "The", 1},
    {"capitals when no one letter will do", {"NATO"}, "Nato", "NATO", 1},
    {"the first letter costs more", {"bat", "cart"}, "cat", "cart bat", 3},
    {"nothing near", {"apple"}, "zzzz", "", CIV_NEAR_NONE},
    {"too short to search", {"at"}, "ta", "", CIV_NEAR_NONE},
    {"capitalised word keeps its capital", {"Support", "support"}, "Suport", "Support", 2},
    {"ALL-CAPS word keeps its capitals", {"SUPPORT"}, "SUPORT", "SUPPORT", 2},
};

START_TEST(test_near_table)
{
    const near_case *c = &near_cases[_i];
    civ_near_word out[CIV_SPELL_MAX_SUGGEST];
    int best;
    size_t m = civ_near_search(fake_spell, (void *)c->dict, c->word, strlen(c->word), out,
                               CIV_SPELL_MAX_SUGGEST, &best);
    char got[256] = "";
    for (size_t i = 0; i < m; i++) {
        snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", i ? " " : "", out[i].word);
        free(out[i].word);
    }
    ck_assert_msg(strcmp(got, c->want) == 0, "%s: got '%s', expected '%s'", c->name, got, c->want);
    ck_assert_msg(best == c->best, "%s: best %d, expected %d", c->name, best, c->best);
}
END_TEST

START_TEST(test_keys_adjacent)
{
    ck_assert(civ_near_keys_adjacent('e', 'r'));
    ck_assert(civ_near_keys_adjacent('R', 'e'));
    ck_assert(civ_near_keys_adjacent('g', 'b'));
    ck_assert(!civ_near_keys_adjacent('q', 'p'));
    ck_assert(!civ_near_keys_adjacent('a', 'a'));
    ck_assert(!civ_near_keys_adjacent('1', '2'));
    /* symmetric over the whole alphabet */
    for (char a = 'a'; a <= 'z'; a++)
        for (char b = 'a'; b <= 'z'; b++)
            ck_assert_msg(civ_near_keys_adjacent(a, b) == civ_near_keys_adjacent(b, a), "%c %c", a, b);
}
END_TEST

/* ---- the distance between two names ---- */

typedef struct {
    const char *a, *b;
    size_t max, want;
} dist_case;

static const dist_case dist_cases[] = {
    {"Zorblaxon", "Zorblaxon", 2, 0},
    {"Zorblaxon", "Zorblaxion", 2, 1},
    {"Zorblaxon", "Zorblexin", 2, 2},
    {"Zorblaxon", "Zorblxaon", 2, 1},  /* a swap is one edit */
    {"zorblaxon", "Zorblaxon", 2, 0},  /* a sentence's capital is no difference */
    {"ZorBlaxon", "Zorblaxon", 2, 1},  /* a capital inside is */
    {"Zorblaxon", "Quxleyfoo", 2, 3},  /* stops at max + 1 */
    {"Zorb", "Zorblaxon", 2, 3},       /* lengths too far apart */
    {"", "ab", 2, 2},
};

START_TEST(test_distance_table)
{
    const dist_case *c = &dist_cases[_i];
    size_t d = civ_spelling_distance(c->a, strlen(c->a), c->b, strlen(c->b), c->max);
    ck_assert_msg(d == c->want, "%s/%s: %zu, expected %zu", c->a, c->b, d, c->want);
}
END_TEST

/* ---- the check: findings as "L:C severity message>fix" joined by '|' ---- */

typedef struct {
    const char *name;
    int terms;       /* CIV_TERMS_* */
    bool all;        /* all occurrences */
    const char *md;
    const char *want;
} judge_case;

static const judge_case judge_cases[] = {
    {"a typo one edit away", 0, false, "We saw the goverment.", "1:12 W unknown word 'goverment'>government"},
    /* nothing one edit away and on no list of misspellings (this table
     * runs without one: test_typo_list has its own): on real posts such
     * words were terms (`dataframe`), and the list catches the
     * misspellings two edits from their word */
    {"a word two edits from any known word is a term", 0, false, "We saw the govermnet plan.", ""},
    {"a name mid-sentence is not a typo", 0, false, "We met Zorblax today.", ""},
    {"as a term, when asked", 1, false, "We met Zorblax today.", "1:8 N unknown term 'Zorblax'>-"},
    {"terms as warnings", 2, false, "We met Zorblax today.", "1:8 W unknown term 'Zorblax'>-"},
    {"a capital only at sentence starts is no evidence", 0, false, "Goverment said so. Zorblax left.",
     "1:1 W unknown word 'Goverment'>Government"},
    {"a capital in a heading is no evidence", 0, false, "# Goverment Report\n\nText.",
     "1:3 W unknown word 'Goverment'>Government"},
    {"camelCase is a name", 0, false, "They use ZorBlax and zorBlax daily.", ""},
    {"a name a cheap edit from a dictionary name", 0, false, "We flew to Tiblisi.",
     "1:12 W unknown word 'Tiblisi'>Tbilisi"},
    /* names are one plain edit from some dictionary name too often: on
     * real posts 41 of 44 such words were names */
    {"a name a plain edit from a dictionary name", 0, false, "We flew to Tbilsi.", ""},
    {"a capitalised word one edit from a common word", 0, false, "The Finance Minestry said.",
     "1:13 W unknown word 'Minestry'>Ministry"},
    /* on real posts, names a cheap edit from a common word were names
     * (a surname one doubled letter from a word) */
    {"a name a cheap edit from a common word", 0, false, "We met Mr Govenrment today.", ""},
    {"a name a plain edit from a common word", 0, false, "We met Gozernment today.", ""},
    {"... next to a Capitalised known word", 0, false, "We met the Gozernment Council.",
     "1:12 W unknown word 'Gozernment'>Government"},
    {"next to a Capitalised known word, but across a comma", 0, false, "We met the Gozernment, Council.", ""},
    {"a surname after a given name", 0, false, "We met Eric Harpel today.", ""},
    {"... one edit from a word, next to a Capitalised common word", 0, false, "We met the Councel Board.",
     "1:12 W unknown word 'Councel'>Counsel"},
    /* a Capitalised word of 6 letters or fewer is a name: on real posts
     * surnames one edit from a word (next to a given name that is a word
     * too) outnumbered misspelt title words, which are longer */
    {"... but not a short one", 0, false, "We met the Harpel Council.", ""},
    /* next to a proper noun, a name is as likely as a word with a letter
     * missing; the list of misspellings tells (test_typo_list) */
    {"a letter missing next to a proper noun", 0, false, "We wrote to the European Parliment.", ""},
    /* a given name (known only Capitalised) before it makes a word a
     * surname, even one cheap edit from another surname: on the real
     * posts those were other people's names, not misspellings */
    {"a surname after a given name, a cheap edit from a proper noun", 0, false, "We met Eric Epstien today.", ""},
    {"... without a given name before it is still told", 0, false, "We met the Epstien brothers.",
     "1:12 W unknown word 'Epstien'>Epstein"},
    {"... and after an unknown name too", 0, false, "We met Zorbla Epstien today.",
     "1:15 W unknown word 'Epstien'>Epstein"},
    /* before a Capitalised unknown word, a word near a proper noun is a
     * given name (`Petar` near Peter), not that name misspelt */
    {"a given name before an unknown surname", 0, false, "Yesterday Petar Zorbnik and Andree Zorbnik spoke.", ""},
    {"... alone it is still told", 0, false, "Yesterday Petar spoke.", "1:11 W unknown word 'Petar'>Petra"},
    {"... and a misspelt common word before a name too", 0, false, "The Goverment Zorbnik spoke.",
     "1:5 W unknown word 'Goverment'>Government"},
    {"a name used twice is a name", 0, false, "We met Mr Govenrment. Mr Govenrment left.", ""},
    {"... and a one-off typo next to it is still reported", 0, false,
     "We met Mr Govenrment. Mr Govenrment left the goverment.",
     "1:46 W unknown word 'goverment'>government"},
    {"a list item's start is a name's place", 0, false, "- Zorblax, a developer\n- Quxley Varn", ""},
    {"... unless it is one edit from a word", 0, false, "- Goverment officials", "1:3 W unknown word 'Goverment'>Government"},
    {"after a colon, a name's capital", 0, false, "Photo: Zorblax Quxley. Chair: Gozernment Varn.", ""},
    {"initials are not a sentence's end", 0, false, "By Q.X. Gozernment and Q. Harpel.", ""},
    {"an initial is not a sentence's end", 0, false, "We met Quxley A. Gozernment today.", ""},
    {"the first word of a heading in sentence case", 0, false, "## Zorblax role example\n\nText.", ""},
    {"... one edit from a word", 0, false, "## Goverment role example\n\nText.",
     "1:4 W unknown word 'Goverment'>Government"},
    {"a capital inside a heading in sentence case is a name's", 0, false,
     "## Using the Gozernment tool\n\nText.", ""},
    {"a link's own name", 0, false, "See [frobnicat](https://example.org/frobnicat) and [frobnicat](https://x.org).", ""},
    {"link text that is not in the link", 0, false, "See [goverment docs](https://example.org/tool).",
     "1:6 W unknown word 'goverment'>government"},
    {"wrong casing", 0, false, "We use Github and THe tools.",
     "1:8 W 'Github' in the wrong case: the dictionary has GitHub>GitHub|1:19 W 'THe' in the wrong case: the dictionary has The>The"},
    {"a link's whole text is the linked thing's name", 0, false, "We use [zorblaxer](https://example.org/x).", ""},
    {"... unless one edit from a word", 0, false, "See [goverment](https://example.org/x).",
     "1:6 W unknown word 'goverment'>government"},
    {"... and a word among others in a link's text is prose", 0, false,
     "We use [the goverment tool](https://example.org/x).", "1:13 W unknown word 'goverment'>government"},
    {"an acronym of 5 letters written as a word is house style", 0, false, "We asked Unesco and Unicef.", ""},
    {"... one of 4 letters is still told", 0, false, "We asked Nato.",
     "1:10 W 'Nato' in the wrong case: the dictionary has NATO>NATO"},
    {"a link's own identifier in its address is not a casing error", 0, false,
     "See [html](https://example.org/tools/html) and [html](https://example.org/html?x=1).", ""},
    {"... but only as a whole segment of the path, letter for letter", 0, false,
     "See [html](https://example.org/htmltools) and [html](https://html.example.org/).",
     "1:6 W 'html' in the wrong case: the dictionary has HTML>HTML"},
    {"a hyphenated identifier in a link's text that is a segment of its address", 0, false,
     "Use [html-tidy-lite](https://example.org/x/html-tidy-lite) and [github-zorb](https://example.org/github-zorb/).",
     ""},
    {"... or its fragment, an anchor's name", 0, false,
     "Use [html-tidy](https://example.org/page#html-tidy) and [html](https://example.org/page#html).", ""},
    {"... but not when the address has only a part of it", 0, false,
     "Use [html-tidy-lite](https://example.org/x/html-tidy) today.",
     "1:6 W 'html' in the wrong case: the dictionary has HTML>HTML"},
    {"... nor the hyphenated name in another case", 0, false,
     "Use [html-tidy](https://example.org/HTML-tidy) today.",
     "1:6 W 'html' in the wrong case: the dictionary has HTML>HTML"},
    /* a definition the Markdown parser could not read (a template in its
     * address) leaves `[text][label]` as text: the label is still markup */
    {"the label of an unresolved reference link", 0, false,
     "Ask [Zorb Varn][zorb-varn] or [RSVP][rsvp] now.\n\n[zorb-varn]: {{ site.url }}/x\n[rsvp]: https://x.org/\n",
     ""},
    {"... but a word before brackets is prose", 0, false, "We use github][x] and [x] github today.",
     "1:8 W 'github' in the wrong case: the dictionary has GitHub>GitHub"},
    {"a link named in lower case after a proper noun it does not link to", 0, false,
     "See [texas](https://example.org/pkg/zorb) now.", ""},
    {"... is the proper noun when it links to it", 0, false, "See [texas](https://texas.example.org/) now.",
     "1:6 W 'texas' in the wrong case: the dictionary has Texas>Texas"},
    {"... and an acronym is still told", 0, false, "See [nato](https://example.org/pkg/zorb) now.",
     "1:6 W 'nato' in the wrong case: the dictionary has NATO>NATO"},
    {"a plural with the sentence's capital is no variant", 0, false,
     "# Quxleyroute format\n\nWe ran quxleyroutes. The quxleyroutes and quxleyroutes.", ""},
    {"wrong casing in lower case", 0, false, "We use github.", "1:8 W 'github' in the wrong case: the dictionary has GitHub>GitHub"},
    /* Two letters are not judged, not even for casing: tried on the real
     * posts, casing them found one true error (tv for TV) and 23 false
     * ones (un for UN in French and Spanish passages, Wi of Wi-Fi for WI). */
    {"a two-letter word is not judged", 0, false, "On radio or tv today, un peu.", ""},
    {"a styled name is not a casing error", 0, false, "They use the WoRMS list.", ""},
    {"a capital taken away on purpose", 0, false, "They met at the useR meeting.", ""},
    {"a held shift key is a casing error", 0, false, "The GOvernment said.",
     "1:5 W 'GOvernment' in the wrong case: the dictionary has Government>Government"},
    {"a variant of a name the post uses more", 0, false,
     "Quxleyson spoke. Then Quxleyson and Quxleyson left. Later Quxlyeson came.",
     "1:59 W 'Quxlyeson' differs from Quxleyson, used 3 times in this post>Quxleyson"},
    {"a plural is not a variant", 0, false, "We met Zorblax, Zorblax and Zorblax. Two Zorblaxs.", ""},
    {"two letters apart is another name", 0, false,
     "QuxPassZB spoke. Then QuxPassZB and QuxPassZB met. Later QuxPassYC came.", ""},
    {"... a case and a letter apart is the same", 0, false,
     "ZorbyHacks spoke. Then ZorbyHacks and ZorbyHacks met. Later Zorbyhack came.",
     "1:61 W 'Zorbyhack' differs from ZorbyHacks, used 3 times in this post>ZorbyHacks"},
    {"a member noun is not a variant", 0, false, "Quxleyia spoke. Quxleyia and Quxleyia met. A Quxleyian came.",
     ""},
    {"a verb form is not a variant", 0, false,
     "We quxleyised A. They quxleyised B and quxleyised C. Quxleyise it.", ""},
    {"... nor its -ing form", 0, false, "We quxleyise A. They quxleyise B and quxleyise C. Quxleyising it.", ""},
    {"a letter added at either end is another name", 0, false,
     "Zorbleson spoke. Then Zorbleson and Zorbleson met. Later Zorblesonx came. And Zorbleson. Ok, Izorbleson came.",
     ""},
    {"... a letter inside is still a variant", 0, false,
     "Zorbleson spoke. Then Zorbleson and Zorbleson met. Later Zorbelson came.",
     "1:58 W 'Zorbelson' differs from Zorbleson, used 3 times in this post>Zorbleson"},
    /* spelling_links.c: a word the post writes in a link's address or in
     * code is a name or an identifier */
    {"a word of a link address elsewhere in the post", 0, false,
     "We use the goverment tool.\n\nSee [the page](https://example.org/goverment/tool).", ""},
    {"... or of its code", 0, false, "We use the goverment tool.\n\nRun `goverment --help`.", ""},
    {"... or of its raw HTML", 0, false, "We use the goverment tool, <a href='https://x.org/goverment'>here</a>.",
     ""},
    {"... but not of a bare address in the text", 0, false, "We use the goverment tool, https://x.org/goverment.",
     "1:12 W unknown word 'goverment'>government"},
    {"... and not for a casing error", 0, false, "We use [Github](https://github.com/x).",
     "1:9 W 'Github' in the wrong case: the dictionary has GitHub>GitHub"},
    {"the post's vocabulary", 0, false, "A frobnicator. The frobnicator. Our frobnicator.", ""},
    {"vocabulary in any casing", 0, false, "Frobnicator. A frobnicator and a frobnicator.", ""},
    {"used twice is still a typo", 0, false, "The goverment and the goverment.",
     "1:5 W unknown word 'goverment'>government"},
    {"a short word with nothing near is a term", 0, false, "Use the xqz tool.", ""},
    {"a short word one edit away is a term", 0, false, "Use teh tool.", ""},
    {"a short word only a plain edit away", 0, false, "Use the qef tool.", ""},
    /* the shorter the word, the more known words one edit away: on real
     * posts short unknown words were commands and abbreviations */
    {"a word of 4 letters a cheap edit away is a term", 0, false, "Open the fiel now.", ""},
    {"... unless the list of misspellings has it", 0, false, "Open the hte now.", "1:10 W unknown word 'hte'>the"},
    {"a word of 5 letters a cheap edit away", 0, false, "We saw the plnat.", "1:12 W unknown word 'plnat'>plant"},
    {"... but not a plain one", 0, false, "We saw the plabt.", ""},
    {"a known word after a prefix", 0, false, "The precolored tiles.", ""},
    {"a plain plural of a known word", 0, false, "Two zodiacal catalogs and dialogs.", ""},
    {"... not where English takes -ies", 0, false, "All the agencys.", "1:9 W unknown word 'agencys'>agency"},
    {"a name a plain edit from a dictionary name, Capitalised by its place", 0, false,
     "- Tbilsi trip", ""},
    {"a short Capitalised word is a name", 0, false, "We met the Gorb Council.", ""},
    {"once per post", 0, false, "The goverment.\n\nA goverment.",
     "1:5 W unknown word 'goverment'>government"},
    /* the trade-off of the vocabulary rule: a misspelling repeated three
     * times reads as the post's own word */
    {"a typo used three times is taken for vocabulary", 1, false,
     "The goverment.\n\nA goverment.\n\nNo goverment.", "1:5 N unknown term 'goverment'>-"},
    {"every occurrence", 0, true, "The goverment.\n\nA goverment.",
     "1:5 W unknown word 'goverment'>government|3:3 W unknown word 'goverment'>government"},
    {"the byline's name", 0, false, "Text here.\n\nQuxley Zorblaxon \xE2\x80\x93 Researcher, Some Institute",
     ""},
    {"the byline's role is checked", 0, false,
     "Text here.\n\nQuxley Zorblaxon \xE2\x80\x93 Reseacher, Some Institute",
     "3:20 W unknown word 'Reseacher'>Researcher"},
    {"the front matter's author", 0, false, "---\nauthor: Quxley Zorblaxon\n---\n\nZorblaxon wrote this.", ""},
};

static void render(const civ_source *src, const civ_diags *d, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < d->n; i++) {
        const civ_diag *g = &d->items[i];
        size_t line, col;
        civ_source_position(src, g->start, &line, &col);
        o += (size_t)snprintf(out + o, cap - o, "%s%zu:%zu %c %s>%s", i ? "|" : "", line, col,
                              g->severity == CIV_SEV_NOTE ? 'N' : 'W', g->message,
                              g->nfixes ? g->fixes[0].replacement : "-");
        ck_assert_uint_lt(o, cap);
    }
}

static civ_source *lint_with(const char *md, int terms, bool all, civ_diags *out)
{
    civ_linter l;
    civ_linter_init(&l, test_rules());
    civ_policy only;
    civ_policy_init(&only);
    civ_linter_only(&l, &only, "spelling");
    l.ctx.speller = test_speller();
    l.ctx.unknown_terms = terms;
    l.ctx.all_occurrences = all;
    char *err = NULL;
    civ_source *src = civ_source_from_memory("t.md", md, strlen(md), &err);
    ck_assert_ptr_nonnull(src);
    civ_diags_init(out);
    civ_lint(&l, src, out);
    civ_policy_release(&only);
    return src;
}

START_TEST(test_judge_table)
{
    const judge_case *c = &judge_cases[_i];
    civ_diags d;
    civ_source *src = lint_with(c->md, c->terms, c->all, &d);
    char got[2048];
    render(src, &d, got, sizeof got);
    ck_assert_msg(strcmp(got, c->want) == 0, "%s: got '%s', expected '%s'", c->name, got, c->want);
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

typedef struct {
    const char *md;
    const char *note; /* the last note */
} lines_case;

static const lines_case lines_cases[] = {
    {"The goverment.\n\nA goverment.", "also on line 3"},
    {"The goverment.\n\nA goverment.\n\nB goverment.\n\nC goverment.", "also on lines 3, 5 and 7"},
    {"The goverment and the goverment.", "also on line 1"},
    {"A goverment.\n\nB goverment.\n\nC goverment.\n\nD goverment.\n\nE goverment.\n\nF goverment.\n\n"
     "G goverment.\n\nH goverment.\n\nI goverment.\n\nJ goverment.\n\nK goverment.",
     "also on lines 3, 5, 7, 9, 11, 13, 15, 17 and 2 more"},
};

START_TEST(test_other_lines_note)
{
    const lines_case *c = &lines_cases[_i];
    civ_diags d;
    /* vocabulary: a word used 3 times is not a typo, so terms as notes */
    civ_source *src = lint_with(c->md, CIV_TERMS_NOTE, false, &d);
    ck_assert_uint_eq(d.n, 1);
    const civ_diag *g = &d.items[0];
    ck_assert_uint_ge(g->nnotes, 1);
    ck_assert_str_eq(g->notes[g->nnotes - 1], c->note);
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

/* Spelling findings of md with speller sp, as render() writes them. */
static void lint_speller(civ_speller *sp, const char *md, char *out, size_t cap)
{
    civ_linter l;
    civ_linter_init(&l, test_rules());
    civ_policy only;
    civ_policy_init(&only);
    civ_linter_only(&l, &only, "spelling");
    l.ctx.speller = sp;
    char *err = NULL;
    civ_source *src = civ_source_from_memory("t.md", md, strlen(md), &err);
    civ_diags d;
    civ_diags_init(&d);
    civ_lint(&l, src, &d);
    render(src, &d, out, cap);
    civ_diags_release(&d);
    civ_source_free(src);
    civ_policy_release(&only);
}

/* A large general word list (spell/known.h): read, and a word it has is a
 * typo as any other (one edit from a word the dictionary knows); a list
 * that cannot be read changes nothing. The list here is invented. */
START_TEST(test_known_list)
{
    char path[] = "/tmp/civlint-known-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    const char *list = "frobnicator\nfrobnicator's\ngoverment\nZorblaxian\nqef\n";
    ck_assert_int_eq(write(fd, list, strlen(list)), (ssize_t)strlen(list));
    close(fd);
    const char *md = "The frobnicator and the goverment. Use the qef tool. The zorblaxian left.";
    static const char *const want[] = {
        "1:25 W unknown word 'goverment'>government",
        /* without it (a path that does not exist) */
        "1:25 W unknown word 'goverment'>government",
    };
    for (int i = 0; i < 2; i++) {
        char *err = NULL;
        civ_speller *sp = civ_speller_new("en_US", NULL, &err);
        ck_assert_ptr_nonnull(sp);
        civ_speller_add_known(sp, i == 0 ? path : "/nonexistent/civlint-list");
        char got[1024];
        lint_speller(sp, md, got, sizeof got);
        ck_assert_msg(strcmp(got, want[i]) == 0, "list %d: got '%s', expected '%s'", i, got, want[i]);
        size_t lists = 9, words = 9;
        civ_speller_listed(sp, "x", 1, &lists, &words);
        ck_assert_uint_eq(lists, i == 0 ? 1 : 0);
        ck_assert_uint_eq(words, i == 0 ? 4 : 0); /* the possessive left out */
        civ_speller_free(sp);
    }
    unlink(path);
}
END_TEST

/* The list of common misspellings (spell/typos.h): a word on it is a typo
 * with nothing one edit away; a short Capitalised name on it is still a
 * name; a list that cannot be read is empty. The list here is invented. */
START_TEST(test_typo_list)
{
    char path[] = "/tmp/civlint-typos-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    const char *list = "govermnet->government\nzorb->orb, zorn,\nparliment->parliament\n"
                       "some thing->something\nab'c->abc\n";
    ck_assert_int_eq(write(fd, list, strlen(list)), (ssize_t)strlen(list));
    close(fd);
    civ_typos_set_path(path);
    ck_assert(civ_typos_has("govermnet", 9));
    ck_assert(civ_typos_has("Govermnet", 9)); /* compared in lower case */
    ck_assert(!civ_typos_has("government", 10));
    ck_assert_uint_eq(civ_typos_count(), 3); /* letters-only misspellings */
    civ_diags d;
    civ_source *src =
        lint_with("We saw the govermnet plan. We met Zorb today. The European Parliment.", 0, false, &d);
    char got[512];
    render(src, &d, got, sizeof got);
    ck_assert_str_eq(got, "1:12 W unknown word 'govermnet'>-|1:60 W unknown word 'Parliment'>Parliament");
    civ_diags_release(&d);
    civ_source_free(src);
    civ_typos_set_path("/nonexistent/civlint-typos");
    ck_assert(!civ_typos_has("govermnet", 9));
    ck_assert_uint_eq(civ_typos_count(), 0);
    civ_typos_set_path("");
    unlink(path);
}
END_TEST

typedef struct {
    char kind; /* p: prefixed, c: compound, i: inflected, r: brand_r, a: athon, s: plain_plural */
    const char *word, *near;
    bool want;
} form_case;

static const form_case form_cases[] = {
    {'p', "precolored", NULL, true},
    {'p', "Nonvisual", NULL, true},
    {'p', "recieve", NULL, false},
    {'p', "unab", NULL, false}, /* too short a rest */
    {'p', "recurrant", NULL, false}, /* not re-: too many misspellings */
    {'c', "backends", NULL, true},
    {'c', "Firehose", NULL, true},
    {'c', "introducting", NULL, false}, /* -ing: intro + ducting by chance */
    {'c', "backend", NULL, false},      /* end: 3 letters */
    /* the trade-off: a misspelling that splits into two words by chance */
    {'c', "recurrant", NULL, true},
    {'i', "cameoed", NULL, true},
    {'i', "skating", NULL, true}, /* skate, its e dropped */
    {'i', "programing", NULL, false}, /* program doubles its m */
    {'i', "bloged", NULL, false},
    {'i', "zorbed", NULL, false},
    /* -d after a noun's final e: as often a wrong word as a new verb */
    {'i', "giraffed", NULL, false},
    /* -ize, -ise and their forms after a known word */
    {'i', "pianoized", NULL, true},
    {'i', "Walrusise", NULL, true},
    {'i', "pianoizing", NULL, true},
    {'i', "pianoizes", NULL, true},
    {'i', "zorbized", NULL, false},
    {'i', "pianoizs", NULL, false},
    {'i', "izing", NULL, false}, /* no word before it */
    {'a', "zorbathon", NULL, true},
    {'a', "Zorbathons", NULL, true},
    {'a', "athoning", NULL, true}, /* the second part of `do-athoning` */
    {'a', "zorbathoner", NULL, true},
    {'a', "zorbathonx", NULL, false},
    {'a', "zorbathn", NULL, false},
    {'r', "speakr", NULL, true},
    {'r', "scannr", NULL, true}, /* scanner */
    {'r', "colour", NULL, false},
    {'r', "zorbr", NULL, false},
    {'s', "dialogs", "dialog", true},
    {'s', "agencys", "agency", false},
    {'s', "crashs", "crash", false},
    {'s', "dialogx", "dialog", false},
};

START_TEST(test_forms_table)
{
    const form_case *c = &form_cases[_i];
    civ_speller *sp = test_speller();
    size_t n = strlen(c->word);
    bool got = c->kind == 'p'   ? civ_spelling_prefixed(sp, c->word, n)
               : c->kind == 'c' ? civ_spelling_compound(sp, c->word, n)
               : c->kind == 'i' ? civ_spelling_inflected(sp, c->word, n)
               : c->kind == 'r' ? civ_spelling_brand_r(sp, c->word, n)
               : c->kind == 'a' ? civ_spelling_athon(c->word, n)
                                : civ_spelling_plain_plural(c->word, n, c->near);
    ck_assert_msg(got == c->want, "%c %s: got %d", c->kind, c->word, got);
}
END_TEST

/* This tcase judges with a list of misspellings of its own, not with the
 * one installed (or not) on the machine. */
static void typos_fixture(void)
{
    static char path[] = "/tmp/civlint-typos-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    const char *list = "hte->the\n";
    ck_assert_int_eq(write(fd, list, strlen(list)), (ssize_t)strlen(list));
    close(fd);
    civ_typos_set_path(path);
    ck_assert(civ_typos_has("hte", 3)); /* read now, before the file goes */
    unlink(path);
    test_speller_fixture();
}

static void typos_teardown(void)
{
    civ_typos_set_path(NULL);
}

/* The run's vocabulary: the pre-pass lists a post's unknown words once,
 * lower-cased; a word the run counts in 3 posts is not a typo. */
START_TEST(test_run_vocabulary)
{
    const char *md = "The frobnicator and the Frobnicator met Zorblax; a goverment.";
    tdoc *t = tdoc_new(md);
    civ_ctx ctx = {.rules = test_rules(), .speller = test_speller(), .acronym_max = 6};
    civ_strmap words;
    civ_strmap_init(&words);
    civ_spelling_vocabulary(t->doc, &ctx, &words);
    ck_assert_uint_eq(words.n, 3);
    ck_assert_ptr_nonnull(civ_strmap_get(&words, "frobnicator", 11));
    ck_assert_ptr_nonnull(civ_strmap_get(&words, "zorblax", 7));
    ck_assert_ptr_nonnull(civ_strmap_get(&words, "goverment", 9));
    civ_strmap_release(&words);
    tdoc_free(t);

    civ_strmap run;
    civ_strmap_init(&run);
    civ_strmap_put(&run, "goverment", 9, (void *)(uintptr_t)2);
    civ_strmap_put(&run, "frobnicator", 11, (void *)(uintptr_t)CIV_SPELLING_RUN_POSTS);
    civ_linter l;
    civ_linter_init(&l, test_rules());
    civ_policy only;
    civ_policy_init(&only);
    civ_linter_only(&l, &only, "spelling");
    l.ctx.speller = test_speller();
    l.ctx.run_words = &run;
    char *err = NULL;
    civ_source *src = civ_source_from_memory("t.md", "A goverment frobnicator.", 24, &err);
    civ_diags d;
    civ_diags_init(&d);
    civ_lint(&l, src, &d);
    ck_assert_uint_eq(d.n, 1); /* in 2 posts: still a typo; in 3: vocabulary */
    ck_assert_str_eq(d.items[0].message, "unknown word 'goverment'");
    civ_diags_release(&d);
    civ_source_free(src);
    civ_policy_release(&only);
    civ_strmap_release(&run);
}
END_TEST

Suite *suite_spell_judge(void)
{
    Suite *s = suite_create("spell-judge");
    TCase *tc = tcase_create("near");
    tcase_add_loop_test(tc, test_near_table, 0, sizeof near_cases / sizeof *near_cases);
    tcase_add_test(tc, test_keys_adjacent);
    tcase_add_loop_test(tc, test_distance_table, 0, sizeof dist_cases / sizeof *dist_cases);
    suite_add_tcase(s, tc);
    tc = tcase_create("judge");
    tcase_set_timeout(tc, 60);
    tcase_add_unchecked_fixture(tc, typos_fixture, typos_teardown);
    tcase_add_loop_test(tc, test_judge_table, 0, sizeof judge_cases / sizeof *judge_cases);
    tcase_add_loop_test(tc, test_forms_table, 0, sizeof form_cases / sizeof *form_cases);
    tcase_add_test(tc, test_known_list);
    tcase_add_loop_test(tc, test_other_lines_note, 0, sizeof lines_cases / sizeof *lines_cases);
    tcase_add_test(tc, test_run_vocabulary);
    suite_add_tcase(s, tc);
    tc = tcase_create("typos");
    tcase_set_timeout(tc, 60);
    tcase_add_unchecked_fixture(tc, test_speller_fixture, typos_teardown);
    tcase_add_test(tc, test_typo_list);
    suite_add_tcase(s, tc);
    return s;
}
