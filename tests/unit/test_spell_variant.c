/* test_spell_variant.c - `spelling-variant` (checks/spelling_variant.c): a
 * post that mixes two spellings of English, off by default; and how it
 * sits with spelling's own report of a British word in an American post.
 * All text is invented. Needs hunspell-en-gb (ci/install-deps). */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>

#include "checks/spelling.h"
#include "spell/spell.h"

enum { CANDIDATE, LIST, GB };

static civ_speller *spellers[3];

static void free_spellers(void)
{
    for (int i = 0; i < 3; i++)
        civ_speller_free(spellers[i]);
}

/* en_US with en_GB as the candidate (the default `lang: en_US`) or as a
 * list's second language; or en_GB with en_US as the candidate. */
static civ_speller *speller(int kind)
{
    if (!spellers[kind]) {
        char *err = NULL;
        civ_speller *sp = civ_speller_new(kind == GB ? "en_GB" : "en_US", NULL, &err);
        ck_assert_msg(sp != NULL, "%s", err ? err : "?");
        if (kind == CANDIDATE || kind == GB) {
            civ_speller_add_candidate(sp, kind == GB ? "en_US" : "en_GB", NULL);
        } else {
            civ_speller *gb = civ_speller_new("en_GB", NULL, &err);
            ck_assert_msg(gb != NULL, "%s", err ? err : "?");
            ck_assert(civ_speller_add_variant(sp, gb));
        }
        if (!spellers[0] && !spellers[1] && !spellers[2])
            atexit(free_spellers);
        spellers[kind] = sp;
    }
    return spellers[kind];
}

typedef struct {
    const char *name;
    int kind;         /* CANDIDATE, LIST or GB */
    const char *md;
    const char *want; /* "RULE L:C S message>fix[ + note]" joined by '|' */
} variant_case;

static const variant_case cases[] = {
    {"a pair in one post: the minority is told, with the other's line", CANDIDATE,
     "The organization met.\n\nThe organization voted.\n\nThe organisation left.",
     "spelling-variant 5:5 N 'organisation' (British) while the post also writes 'organization' "
     "(American) on line 1>organization"},
    {"different words of each spelling", CANDIDATE,
     "We chose a color for the center and another color.\n\nThe fence is grey in colour.",
     "spelling-variant 3:14 N 'grey' (British) while the post writes 'color' (American) on line 1>gray|"
     "spelling-variant 3:22 N 'colour' (British) while the post also writes 'color' (American) on "
     "line 1>color"},
    {"each distinct minority word once, its other lines in a note", CANDIDATE,
     "The color of the center, the color of the theater, the color of the meter.\n\n"
     "A colour.\n\nAnother colour and a centre.",
     "spelling-variant 3:3 N 'colour' (British) while the post also writes 'color' (American) on "
     "line 1>color + also on line 5|"
     "spelling-variant 5:22 N 'centre' (British) while the post also writes 'center' (American) on "
     "line 1>center"},
    {"an American minority in a British post", CANDIDATE,
     "The colour of the centre, the colour of the theatre.\n\nThe behaviour of the color.",
     "spelling-variant 3:22 N 'color' (American) while the post also writes 'colour' (British) on "
     "line 1>colour"},
    {"a tie: the spelling that is not lang's is told", CANDIDATE, "A color and a colour.",
     "spelling-variant 1:15 N 'colour' (British) while the post also writes 'color' (American) on "
     "line 1>color"},
    {"no pair of the same word: the other spelling's first word is named", CANDIDATE,
     "The center of town and the center of the park.\n\nThe colour of it.",
     "spelling-variant 3:5 N 'colour' (British) while the post writes 'center' (American) on line "
     "1>color"},
    {"-ise and -ize: en_GB knows both, the pair decides", CANDIDATE,
     "We realize it. We realize it again.\n\nWe realise it.",
     "spelling-variant 3:4 N 'realise' (British) while the post also writes 'realize' (American) "
     "on line 1>realize"},
    {"with lang: [en_US, en_GB] a mix is still told", LIST,
     "The organization met.\n\nThe organization voted.\n\nThe organisation left.",
     "spelling-variant 5:5 N 'organisation' (British) while the post also writes 'organization' "
     "(American) on line 1>organization"},
    {"with lang: en_GB the American word is the other spelling", GB,
     "The organisation met.\n\nThe organisation voted.\n\nThe organization left.",
     "spelling-variant 5:5 N 'organization' (American) while the post also writes 'organisation' "
     "(British) on line 1>organisation"},
    /* negatives */
    {"an all-British post is no mix", CANDIDATE, "The organisation chose a colour for the centre.", ""},
    {"an all-American post is no mix", CANDIDATE, "The organization chose a color for the center.", ""},
    {"words both spellings share are no sign", CANDIDATE,
     "The program will organize the gray archive in the colour scheme.", ""},
    {"a Capitalised word is a name's spelling", CANDIDATE,
     "The Lincoln Center opened.\n\nThe colour of the hall is new.", ""},
    {"licence and license are both British (a noun, a verb)", CANDIDATE,
     "The licence ran out, so we license it again. The licence is new.", ""},
    {"programme and program are both British (software)", CANDIDATE,
     "The programme uses a program. The programme is long.", ""},
    {"one e more or less is no sign: judgement, ageing", CANDIDATE,
     "The judgment came. The judgment stood.\n\nA judgement and an ageing colour.", ""},
    {"queueing, acknowledgement: American writes them too", CANDIDATE,
     "The center, the center and the queueing acknowledgement.", ""},
    {"code is not prose", CANDIDATE, "The `color` value.\n\nThe colour of it.", ""},
};

static void render(const civ_source *src, const civ_diags *d, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < d->n; i++) {
        const civ_diag *g = &d->items[i];
        if (strncmp(g->rule, "spelling", 8) != 0)
            continue;
        size_t line, col;
        civ_source_position(src, g->start, &line, &col);
        o += (size_t)snprintf(out + o, cap - o, "%s%s %zu:%zu %c %s>%s", o ? "|" : "", g->rule, line,
                              col, g->severity == CIV_SEV_NOTE ? 'N' : 'W', g->message,
                              g->nfixes ? g->fixes[0].replacement : "-");
        for (size_t k = 0; k < g->nnotes && strstr(g->notes[k], "also on"); k++)
            o += (size_t)snprintf(out + o, cap - o, " + %s", g->notes[k]);
        ck_assert_uint_lt(o, cap);
    }
}

static void lint(const variant_case *c, civ_policy *p, char *got, size_t cap)
{
    civ_linter l;
    civ_linter_init(&l, test_rules());
    l.policy = p;
    l.ctx.speller = speller(c->kind);
    char *err = NULL;
    civ_source *src = civ_source_from_memory("t.md", c->md, strlen(c->md), &err);
    ck_assert_ptr_nonnull(src);
    civ_diags d;
    civ_diags_init(&d);
    civ_lint(&l, src, &d);
    render(src, &d, got, cap);
    civ_diags_release(&d);
    civ_source_free(src);
}

/* With spelling and spelling-variant on (and the rest off). */
START_TEST(test_variant_table)
{
    const variant_case *c = &cases[_i];
    civ_policy p;
    civ_policy_init(&p);
    size_t n;
    const civ_check *t = civ_checks(&n);
    for (size_t i = 0; i < n; i++)
        if (strncmp(t[i].id, "spelling", 8) != 0)
            civ_policy_add(&p, t[i].id, CIV_LEVEL_OFF);
    civ_policy_add(&p, "spelling-variant", CIV_LEVEL_ON);
    char got[2048];
    lint(c, &p, got, sizeof got);
    ck_assert_msg(strcmp(got, c->want) == 0, "%s: got '%s', expected '%s'", c->name, got, c->want);
    civ_policy_release(&p);
}
END_TEST

/* Off by default: no setting, no finding (spelling accepts the British
 * word: a variant, not a misspelling). A severity turns it on; `off`
 * after it, off. */
START_TEST(test_variant_settings)
{
    const variant_case c = {"", CANDIDATE, "A color, a color and a colour.", ""};
    char got[2048];
    lint(&c, NULL, got, sizeof got);
    ck_assert_str_eq(got, "");
    civ_policy p;
    civ_policy_init(&p);
    civ_policy_add(&p, "spelling-variant", (int)CIV_SEV_WARNING);
    lint(&c, &p, got, sizeof got);
    ck_assert_str_eq(got, "spelling-variant 1:24 W 'colour' (British) while the post also writes "
                          "'color' (American) on line 1>color");
    civ_policy_add(&p, "spelling-variant", CIV_LEVEL_OFF);
    lint(&c, &p, got, sizeof got);
    ck_assert_str_eq(got, "");
    civ_policy_release(&p);
    /* --only=spelling-variant runs it */
    civ_linter l;
    civ_linter_init(&l, test_rules());
    civ_policy_init(&p);
    ck_assert(civ_linter_only(&l, &p, "spelling-variant"));
    lint(&c, &p, got, sizeof got);
    ck_assert_str_eq(got, "spelling-variant 1:24 N 'colour' (British) while the post also writes "
                          "'color' (American) on line 1>color");
    civ_policy_release(&p);
}
END_TEST

Suite *suite_spell_variant(void)
{
    Suite *s = suite_create("spell-variant");
    TCase *tc = tcase_create("variant");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_variant_table, 0, sizeof cases / sizeof *cases);
    tcase_add_test(tc, test_variant_settings);
    suite_add_tcase(s, tc);
    return s;
}
