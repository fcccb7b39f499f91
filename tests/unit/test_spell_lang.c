/* test_spell_lang.c - the language of a post and of its paragraphs
 * (checks/spelling_lang.c): British spelling in an en_US project (a post
 * written in it is accepted, one `colour` in an American post is told),
 * `lang: [en_US, en_GB]`, and paragraphs in another language (skipped,
 * noted once, or checked). All text is invented. Needs hunspell-en-gb and
 * libexttextcat-data (ci/install-deps). */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>

#include "checks/spelling.h"
#include "spell/langid.h"
#include "spell/spell.h"

enum { CANDIDATE, LIST };

static civ_speller *spellers[2];

static void free_spellers(void)
{
    civ_speller_free(spellers[CANDIDATE]);
    civ_speller_free(spellers[LIST]);
}

/* en_US + the house dictionary, with en_GB as the candidate (what the
 * default `lang: en_US` gets) or as an accepted list entry. */
static civ_speller *speller(int kind)
{
    if (!spellers[kind]) {
        char *err = NULL;
        civ_speller *sp = civ_speller_new("en_US", NULL, &err);
        ck_assert_msg(sp != NULL, "%s", err ? err : "?");
        ck_assert(civ_speller_add_dic(sp, "dictionaries/house.dic", &err));
        if (kind == CANDIDATE) {
            civ_speller_add_candidate(sp, "en_GB", NULL);
        } else {
            civ_speller *gb = civ_speller_new("en_GB", NULL, &err);
            ck_assert_msg(gb != NULL, "%s", err ? err : "?");
            ck_assert(civ_speller_add_variant(sp, gb));
        }
        if (!spellers[0] && !spellers[1])
            atexit(free_spellers);
        spellers[kind] = sp;
    }
    return spellers[kind];
}

static void fixture(void)
{
    speller(CANDIDATE);
    speller(LIST);
}

typedef struct {
    const char *name;
    int kind;    /* CANDIDATE or LIST */
    int foreign; /* CIV_FOREIGN_* */
    const char *md;
    const char *want; /* "L:C W|N message>fix" joined by '|' */
} lang_case;

static const lang_case cases[] = {
    /* spelling variants */
    {"a British post is accepted", CANDIDATE, 0,
     "The programme centre will analyse the behaviour of each organisation.", ""},
    /* a variant, not a misspelling: spelling-variant tells a post that
     * mixes them (test_spell_variant.c) */
    {"one colour in an American post is no spelling finding", CANDIDATE, 0,
     "The program center will analyze the behavior of each organization in colour.", ""},
    {"one British word and nothing else to go by is no finding", CANDIDATE, 0,
     "We painted the fence in colour today.", ""},
    {"a British post's typos are still typos", CANDIDATE, 0,
     "The programme centre will analyse the goverment.",
     "1:39 W unknown word 'goverment'>government"},
    {"British words outnumbered by American ones are no spelling finding", CANDIDATE, 0,
     "The colour and centre of the program center, the behavior and the color.", ""},
    {"grey is a spelling", CANDIDATE, 0, "The sky was grey over the center and the color faded.", ""},
    {"a word en_GB knows and en_US lacks is a word", CANDIDATE, 0,
     "The roadmap and the tooltip are ready.", ""},
    {"an en_GB form a doubled letter from an en_US word is a typo", CANDIDATE, 0,
     "The targetted groups met.", "1:5 W unknown word 'targetted'>targeted"},
    {"a casing error stays one", CANDIDATE, 0, "Write the html page.",
     "1:11 W 'html' in the wrong case: the dictionary has HTML>HTML"},
    {"a capitalised name mid-sentence is no spelling", CANDIDATE, 0,
     "We visited the Centre Quxley in the center of town.", ""},
    {"lang: [en_US, en_GB] accepts both", LIST, 0,
     "The program center will analyze the behavior of each organization in colour.", ""},
    {"lang: [en_US, en_GB] still finds typos", LIST, 0, "The colour of the goverment.",
     "1:19 W unknown word 'goverment'>government"},
    /* foreign paragraphs */
    {"a Spanish paragraph is skipped", CANDIDATE, CIV_FOREIGN_SKIP,
     "We recieved the slides.\n\n"
     "Esta es la primera entrega de nuestra serie de entrevistas sobre paquetes de datos abiertos.",
     "1:4 W unknown word 'recieved'>received"},
    {"... with one note when asked", CANDIDATE, CIV_FOREIGN_NOTE,
     "We recieved the slides.\n\n"
     "Esta es la primera entrega de nuestra serie de entrevistas sobre paquetes de datos abiertos.\n\n"
     "Un segundo parrafo en la misma lengua, con otras palabras para los lectores de habla hispana.",
     "1:4 W unknown word 'recieved'>received|"
     "3:1 N 2 paragraphs in a language other than en_US: not spell-checked>-"},
    {"... or checked", CANDIDATE, CIV_FOREIGN_CHECK,
     "Esta es la primera entrega de nuestra serie.",
     "1:12 W unknown word 'primera'>primers|1:39 W unknown word 'serie'>serine"},
    {"a foreign phrase in English is checked with the rest", CANDIDATE, CIV_FOREIGN_SKIP,
     "The phrase gobierno abierto means open government, and it was a recuring theme.",
     "1:65 W unknown word 'recuring'>recurring"},
    {"an English list of unknown names is checked", CANDIDATE, CIV_FOREIGN_SKIP,
     "The update covers frobnix, quxlee, zorbat, blivet and the goverment today.",
     "1:59 W unknown word 'goverment'>government"},
    {"an inline element in another language is not checked", CANDIDATE, CIV_FOREIGN_SKIP,
     "Also: <a href='/es/x' lang='es'>Los canales de comunicación amigable</a>, and a goverment.",
     "1:81 W unknown word 'goverment'>government"},
    {"... up to its closing tag only", CANDIDATE, CIV_FOREIGN_SKIP,
     "The <span lang=\"fr\">communauté</span> amigable goverment.",
     "1:39 W unknown word 'amigable'>amiable|1:48 W unknown word 'goverment'>government"},
    {"an element in the post's own language is checked", CANDIDATE, CIV_FOREIGN_SKIP,
     "We saw <span lang=\"en-GB\">the goverment</span> today.",
     "1:31 W unknown word 'goverment'>government"},
    {"a short French line", CANDIDATE, CIV_FOREIGN_NOTE,
     "Comment modifier plusieurs colonnes avec notre outil",
     "1:1 N 1 paragraph in a language other than en_US: not spell-checked>-"},
};

static void render(const civ_source *src, const civ_diags *d, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < d->n; i++) {
        const civ_diag *g = &d->items[i];
        if (strcmp(g->rule, "spelling") != 0)
            continue;
        size_t line, col;
        civ_source_position(src, g->start, &line, &col);
        o += (size_t)snprintf(out + o, cap - o, "%s%zu:%zu %c %s>%s", o ? "|" : "", line, col,
                              g->severity == CIV_SEV_NOTE ? 'N' : 'W', g->message,
                              g->nfixes ? g->fixes[0].replacement : "-");
        ck_assert_uint_lt(o, cap);
    }
}

START_TEST(test_lang_table)
{
    const lang_case *c = &cases[_i];
    civ_linter l;
    civ_linter_init(&l, test_rules());
    civ_policy only;
    civ_policy_init(&only);
    civ_linter_only(&l, &only, "spelling");
    l.ctx.speller = speller(c->kind);
    l.ctx.foreign = c->foreign;
    char *err = NULL;
    civ_source *src = civ_source_from_memory("t.md", c->md, strlen(c->md), &err);
    ck_assert_ptr_nonnull(src);
    civ_diags d;
    civ_diags_init(&d);
    civ_lint(&l, src, &d);
    char got[2048];
    render(src, &d, got, sizeof got);
    ck_assert_msg(strcmp(got, c->want) == 0, "%s: got '%s', expected '%s'", c->name, got, c->want);
    civ_diags_release(&d);
    civ_source_free(src);
    civ_policy_release(&only);
}
END_TEST

/* --explain-word (checks/spelling_explain.c): each line it must hold. */
typedef struct {
    const char *word;
    const char *want[4]; /* substrings of the explanation, in order */
} explain_case;

static const explain_case explain_cases[] = {
    {"goverment", {"en_US (", "does not know it", "mid-sentence: a likely typo", "1. government (cost 3/4)"}},
    {"suport", {"1. support (cost 2/4)", "2. sport (cost 1)"}},
    /* accepted, so no fix-it; the mixing is spelling-variant's (off by default) */
    {"colour", {"en_GB: knows it, a spelling of 'color': accepted", "spelling-variant",
                "mid-sentence: accepted (a word or a spelling of the other dictionary)\n"}},
    {"roadmap", {"en_GB: knows it, a word en_US lacks: accepted", "mid-sentence: accepted"}},
    {"targetted", {"still a typo", "mid-sentence: a likely typo", "1. targeted (cost 2/4)"}},
    {"Github", {"mid-sentence: wrong casing", "(fix-it GitHub)", "at a sentence start: wrong casing"}},
    {"Zorblax", {"mid-sentence: an unknown term", "at a sentence start: an unknown term",
                 "a heading's in sentence case: an unknown term", "one edit away: nothing"}},
    {"government", {"knows it", "verdict: correct, never a finding"}},
    {"Abuladze", {"does not know it", "the house dictionary, a project .dic", "verdict: correct"}},
    {"Kvirikashvili's", {"tokenizer: a word, checked", "does not know it"}},
    {"NATO", {"tokenizer: never checked: an ALL-CAPS acronym"}},
    {"5G", {"tokenizer: never checked: it has a digit"}},
    {"README.md", {"tokenizer: never checked: a URL"}},
    {"two words", {"tokenizer: not one word; each of its 2 words"}},
};

START_TEST(test_explain_table)
{
    const explain_case *c = &explain_cases[_i];
    civ_ctx ctx = {.speller = speller(CANDIDATE)};
    char *t = civ_spelling_explain(&ctx, c->word);
    const char *at = t;
    for (size_t i = 0; i < 4 && c->want[i]; i++) {
        const char *f = strstr(at, c->want[i]);
        ck_assert_msg(f != NULL, "%s: no '%s' after '%s' in:\n%s", c->word, c->want[i], at, t);
        at = f + strlen(c->want[i]);
    }
    free(t);
}
END_TEST

/* libexttextcat's guess, which the foreign test leans on. */
START_TEST(test_langid)
{
    char code[16];
    ck_assert(civ_langid_guess("Esta es la primera entrega de nuestra serie de entrevistas sobre datos.",
                               72, code, sizeof code));
    ck_assert_str_eq(code, "es");
    const char *en = "The committee met on Tuesday and agreed the budget for the coming year.";
    ck_assert(civ_langid_guess(en, strlen(en), code, sizeof code));
    /* English, or Scots, which libexttextcat often guesses for English */
    ck_assert_msg(strcmp(code, "en") == 0 || strcmp(code, "sco") == 0, "%s", code);
}
END_TEST

Suite *suite_spell_lang(void)
{
    Suite *s = suite_create("spell-lang");
    TCase *tc = tcase_create("lang");
    tcase_set_timeout(tc, 60);
    tcase_add_unchecked_fixture(tc, fixture, NULL);
    tcase_add_loop_test(tc, test_lang_table, 0, sizeof cases / sizeof *cases);
    tcase_add_test(tc, test_langid);
    tcase_add_loop_test(tc, test_explain_table, 0, sizeof explain_cases / sizeof *explain_cases);
    suite_add_tcase(s, tc);
    return s;
}
