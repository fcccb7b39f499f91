/* test_spell.c - the speller (src/spell.c) and the `spelling` check.
 *
 * The speller tests load Debian's en_US (hunspell-en-us) and the house
 * dictionary from ./dictionaries (tests run from the repository root). The
 * check table: a post, and its findings as "L:C-L:C word>fix" (fix = the
 * first suggestion, "-" when there is none), joined by '|'. */
#include "helpers.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "spell/spell.h"

/* Lints text with only `spelling` on and the house speller. */
static civ_source *lint_spelling(const char *text, bool suggest, civ_diags *out)
{
    civ_linter l;
    civ_linter_init(&l, test_rules());
    civ_policy only; /* every other check off */
    civ_policy_init(&only);
    civ_linter_only(&l, &only, "spelling");
    l.ctx.speller = test_speller();
    l.ctx.suggest = suggest;
    char *err = NULL;
    civ_source *src = civ_source_from_memory("test.md", text, strlen(text), &err);
    ck_assert_ptr_nonnull(src);
    civ_diags_init(out);
    civ_lint(&l, src, out);
    civ_policy_release(&only);
    return src;
}

static void render(const civ_source *src, const civ_diags *d, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < d->n; i++) {
        const civ_diag *g = &d->items[i];
        char span[64];
        span_str(src, g->start, g->end, span, sizeof span);
        o += (size_t)snprintf(out + o, cap - o, "%s%s %.*s>%s", i ? "|" : "", span, (int)(g->end - g->start),
                              src->data + g->start, g->nfixes ? g->fixes[0].replacement : "-");
        ck_assert_uint_lt(o, cap);
    }
}

typedef struct {
    const char *name;
    const char *md;
    const char *want;
} spell_case;

static const spell_case cases[] = {
    {"typo", "The goverment said so.", "1:5-1:13 goverment>government"},
    /* the near search's word forms include the house dictionary's stems
     * and inflected forms from the system word list */
    /* a swap from a name is a typo; a plain edit from one, another name */
    {"house name a cheap edit away", "In Tbilsi and Kutiasi.", "1:15-1:21 Kutiasi>Kutaisi"},
    {"inflected form one edit away", "The goverments met.", "1:5-1:14 goverments>governments"},
    /* a word cut by an invisible character is invisible-character's finding,
     * not two unknown halves (Tbi + lisi) */
    {"zero width space inside a word", "In Tbi\xE2\x80\x8Blisi today.", ""},
    {"soft hyphen and word joiner inside words", "In Tbi\xC2\xADlisi and Ku\xE2\x81\xA0taisi.", ""},
    {"zero width space between two words", "The\xE2\x80\x8Bgoverment said.", ""},
    {"glued to a one-letter word", "I\xE2\x80\x8Bgoverment it.", ""},
    {"typo next to a glued word still found", "A goverment in Tbi\xE2\x80\x8Blisi.", "1:3-1:11 goverment>government"},
    {"typo at sentence start", "Goverment said so.", "1:1-1:9 Goverment>Government"},
    {"two typos, second line", "One line.\nThe goverment recieved it.",
     "2:5-2:13 goverment>government|2:15-2:22 recieved>received"},
    {"possessive of a typo: stem only", "The goverment\xE2\x80\x99s plan.", "1:5-1:13 goverment>government"},
    {"possessive of a known word", "The EU\xE2\x80\x99s plan and Jinping\xE2\x80\x99s visit and Kutaisi's port.", ""},
    {"trailing curly apostrophe", "The parents\xE2\x80\x99 groups and help\xE2\x80\x99 came.", ""},
    {"curly apostrophe kept in the fix", "It would\xE2\x80\x99nt work.", "1:4-1:11 would\xE2\x80\x99nt>wouldn\xE2\x80\x99t"},
    {"hyphenated, all parts known", "A state-of-the-art, well-known and Russia-Ukraine deal.", ""},
    {"hyphenated, one part unknown", "Kyrgyz-Chineese trade.", "1:8-1:15 Chineese>Chinese"},
    {"heading", "# The goverment", "1:7-1:15 goverment>government"},
    /* once per post: the list item's is the same word (test_spell_judge.c) */
    {"quote and list", "> a goverment\n\n- a recieved", "1:5-1:13 goverment>government|3:5-3:12 recieved>received"},
    {"table cell", "| a | b |\n|---|---|\n| x | goverment |", "3:7-3:15 goverment>government"},
    {"footnote text", "Claim[^1].\n\n[^1]: The goverment report.", "3:11-3:19 goverment>government"},
    {"link text is prose", "[goverment](https://x.org)", "1:2-1:10 goverment>government"},
    {"link destination is not", "[report](https://x.org/goverment \"goverment\")", ""},
    {"autolink", "<https://goverment.org/recieved> and https://x.org/goverment", ""},
    {"code span", "Use `goverment` here.", ""},
    {"code block", "```\ngoverment\n```", ""},
    {"HTML block", "<div>\ngoverment\n</div>", ""},
    {"inline HTML attribute", "An <abbr title=\"goverment\">EU</abbr> body.", ""},
    {"image alt", "![goverment](x.png)", ""},
    {"footnote label", "Text[^goverment].\n\n[^goverment]: Note.", ""},
    {"e-mail and path", "Mail press@goverment.ge or see /srv/goverment.", ""},
    {"digits", "goverment2 and 5Gs", ""},
    {"acronyms up to six letters", "XQZV and XQZVBN and XQZVs", ""},
    {"long all-caps word is checked", "GOVERMENT", "1:1-1:9 GOVERMENT>GOVERNMENT"},
    {"entity inside a word", "gov&#101;rment", "1:1-1:14 gov&#101;rment>government"},
    {"escaped emphasis marks around a word", "\\*goverment\\*", "1:3-1:11 goverment>government"},
    {"front matter title only", "---\ntitle: The goverment\nsummary: goverment\ntags: [recieved]\n---\n\nText.",
     "2:12-2:20 goverment>government"},
    {"inline word list", "<!-- civlint-words: Zhvania, frobnicate -->\n\nZhvania will frobnicate; FROBNICATE.", ""},
    {"inline word list applies only to its words", "<!-- civlint-words: Zhvania -->\n\nZhvania goverment",
     "3:9-3:17 goverment>government"},
    {"inline HTML comment word list", "Zhvania <!-- civlint-words: Zhvania --> spoke.", ""},
    {"mixed-script word is not a spelling finding", "K\xD0\xB0zakhstan", ""},
    {"non-Latin words are not checked", "\xD0\xA2\xD0\xB1\xD0\xB8\xD0\xBB\xD0\xB8\xD1\x81\xD0\xB8 \xE1\x83\x97\xE1\x83\x91", ""},
    {"house dictionary names", "Abashidze met Gvaramia in Kutaisi and Batumi.", ""},
};

START_TEST(test_spelling_table)
{
    const spell_case *c = &cases[_i];
    civ_diags d;
    civ_source *src = lint_spelling(c->md, true, &d);
    char got[1024];
    render(src, &d, got, sizeof got);
    ck_assert_msg(strcmp(got, c->want) == 0, "%s: got '%s', expected '%s'", c->name, got, c->want);
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

START_TEST(test_spelling_message_and_note)
{
    civ_diags d;
    civ_source *src = lint_spelling("The recieved data.", true, &d);
    ck_assert_uint_eq(d.n, 1);
    ck_assert_str_eq(d.items[0].rule, "spelling");
    ck_assert_int_eq(d.items[0].severity, CIV_SEV_WARNING);
    ck_assert_str_eq(d.items[0].message, "unknown word 'recieved'");
    ck_assert_uint_ge(d.items[0].nsuggestions, 2); /* received, relieved */
    ck_assert_str_eq(d.items[0].suggestions[0], "received");
    ck_assert_uint_eq(d.items[0].nnotes, 1);
    ck_assert_msg(strncmp(d.items[0].notes[0], "did you mean 'received'", 23) == 0, "%s", d.items[0].notes[0]);
    ck_assert_msg(strstr(d.items[0].notes[0], "' or '") != NULL, "%s", d.items[0].notes[0]);
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

START_TEST(test_spelling_no_suggest)
{
    civ_diags d;
    civ_source *src = lint_spelling("The goverment.", false, &d);
    ck_assert_uint_eq(d.n, 1);
    ck_assert_uint_eq(d.items[0].nsuggestions, 0);
    ck_assert_uint_eq(d.items[0].nfixes, 0);
    ck_assert_uint_eq(d.items[0].nnotes, 0);
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

/* --suggest=near (the default) offers only known words one edit away, the
 * same list in every run; --suggest=full also asks hunspell's own search,
 * which finds words two edits away. */
START_TEST(test_suggest_modes)
{
    char *err = NULL;
    civ_speller *sp = civ_speller_new("en_US", NULL, &err);
    ck_assert_msg(sp != NULL, "%s", err ? err : "?");
    char *const *sugg;
    /* one edit away (a swap): found by both */
    ck_assert_uint_ge(civ_speller_suggest(sp, "recieve", 7, &sugg), 1);
    ck_assert_str_eq(sugg[0], "receive");
    /* two edits away: nothing near, and no full search */
    ck_assert_uint_eq(civ_speller_suggest(sp, "mispeling", 9, &sugg), 0);
    civ_speller_free(sp);

    sp = civ_speller_new("en_US", NULL, &err);
    ck_assert_msg(sp != NULL, "%s", err ? err : "?");
    civ_speller_set_full_search(sp, true);
    /* which words hunspell offers depends on its CPU-time limit (a slow
     * sanitizer build may stop early), so only that it offers some */
    ck_assert_uint_ge(civ_speller_suggest(sp, "mispeling", 9, &sugg), 1);
    civ_speller_free(sp);
}
END_TEST

START_TEST(test_spelling_acronym_max)
{
    civ_linter l;
    civ_linter_init(&l, test_rules());
    ck_assert_uint_eq(l.ctx.acronym_max, 6);
    civ_policy only; /* every other check off */
    civ_policy_init(&only);
    civ_linter_only(&l, &only, "spelling");
    l.ctx.speller = test_speller();
    l.ctx.suggest = false;
    l.ctx.acronym_max = 2;
    l.ctx.unknown_terms = CIV_TERMS_NOTE; /* a short word with nothing near is a term */
    char *err = NULL;
    const char *text = "XQ and XQZ and NATO";
    civ_source *src = civ_source_from_memory("t.md", text, strlen(text), &err);
    civ_diags d;
    civ_diags_init(&d);
    civ_lint(&l, src, &d);
    ck_assert_uint_eq(d.n, 1); /* NATO is a word en_US knows */
    ck_assert_str_eq(d.items[0].message, "unknown term 'XQZ'");
    civ_diags_release(&d);
    civ_source_free(src);
    civ_policy_release(&only);
}
END_TEST

START_TEST(test_spelling_without_speller_is_silent)
{
    civ_diags d;
    civ_source *src = test_lint("The goverment.", "spelling", &d);
    ck_assert_uint_eq(d.n, 0);
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

/* ---- the speller API ---- */

START_TEST(test_speller_missing_dictionary)
{
    char *err = NULL;
    civ_speller *sp = civ_speller_new("xx_YY", NULL, &err);
    ck_assert_ptr_null(sp);
    ck_assert_ptr_nonnull(err);
    ck_assert_msg(strstr(err, "no hunspell dictionary for 'xx_YY'") != NULL, "%s", err);
    ck_assert_msg(strstr(err, "'hunspell-xx-yy'") != NULL, "%s", err);
    free(err);
    err = NULL;
    sp = civ_speller_new("en_US", "/nonexistent/dict", &err);
    ck_assert_ptr_null(sp);
    ck_assert_msg(strstr(err, "'/nonexistent/dict.aff'") != NULL, "%s", err);
    free(err);
}
END_TEST

START_TEST(test_speller_dict_option)
{
    char *err = NULL;
    civ_speller *sp = civ_speller_new("en_US", "/usr/share/hunspell/en_US.dic", &err);
    ck_assert_msg(sp != NULL, "%s", err ? err : "?");
    ck_assert_str_eq(civ_speller_aff(sp), "/usr/share/hunspell/en_US.aff");
    ck_assert(civ_speller_check(sp, "government", 10));
    civ_speller_free(sp);
    sp = civ_speller_new("en_US", "/usr/share/hunspell", &err);
    ck_assert_msg(sp != NULL, "%s", err ? err : "?");
    civ_speller_free(sp);
}
END_TEST

START_TEST(test_speller_dicpath)
{
    char dir[] = "/tmp/civlint-dicpath-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char aff[128], dic[128];
    snprintf(aff, sizeof aff, "%s/zz_ZZ.aff", dir);
    snprintf(dic, sizeof dic, "%s/zz_ZZ.dic", dir);
    ck_assert_int_eq(symlink("/usr/share/hunspell/en_US.aff", aff), 0);
    ck_assert_int_eq(symlink("/usr/share/hunspell/en_US.dic", dic), 0);
    char *err = NULL;
    unsetenv("DICPATH");
    civ_speller *sp = civ_speller_new("zz_ZZ", NULL, &err);
    ck_assert_ptr_null(sp);
    free(err);
    err = NULL;
    char path[160];
    snprintf(path, sizeof path, "/nonexistent:%s", dir);
    setenv("DICPATH", path, 1);
    sp = civ_speller_new("zz_ZZ", NULL, &err);
    unsetenv("DICPATH");
    ck_assert_msg(sp != NULL, "%s", err ? err : "?");
    ck_assert_str_eq(civ_speller_dic(sp), dic);
    civ_speller_free(sp);
    unlink(aff);
    unlink(dic);
    rmdir(dir);
}
END_TEST

START_TEST(test_speller_house_dictionary)
{
    char *err = NULL;
    civ_speller *sp = civ_speller_new(NULL, NULL, &err);
    ck_assert_ptr_nonnull(sp);
    ck_assert(!civ_speller_check(sp, "Abashidze", 9));
    civ_speller_free(sp);
    sp = test_speller();
    ck_assert(civ_speller_check(sp, "Abashidze", 9));
    ck_assert(civ_speller_check(sp, "Abashidze's", 11)); /* the M flag of en_US.aff */
    ck_assert(civ_speller_check(sp, "ABASHIDZE", 9));
    ck_assert(!civ_speller_check(sp, "abashidze", 9));
    ck_assert(!civ_speller_add_dic(sp, "/nonexistent/house.dic", &err));
    ck_assert_msg(strstr(err, "cannot open '/nonexistent/house.dic'") != NULL, "%s", err);
    free(err);
}
END_TEST

START_TEST(test_speller_words_file)
{
    char path[] = "/tmp/civlint-words-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    const char *list = "# project words\n\nfrobnicate\n  Xyzzy  \r\nO\xE2\x80\x99" "Brien\n";
    ck_assert_int_eq(write(fd, list, strlen(list)), (ssize_t)strlen(list));
    close(fd);
    char *err = NULL;
    civ_speller *sp = civ_speller_new(NULL, NULL, &err);
    ck_assert(civ_speller_add_words_file(sp, path, &err));
    ck_assert(civ_speller_check(sp, "frobnicate", 10));
    ck_assert(civ_speller_check(sp, "Frobnicate", 10));
    ck_assert(civ_speller_check(sp, "FROBNICATE", 10));
    ck_assert(!civ_speller_check(sp, "FrobNicate", 10));
    ck_assert(civ_speller_check(sp, "Xyzzy", 5));
    ck_assert(civ_speller_check(sp, "XYZZY", 5));
    ck_assert(!civ_speller_check(sp, "xyzzy", 5));
    ck_assert(civ_speller_check(sp, "O'Brien", 7));
    ck_assert(!civ_speller_check(sp, "# project words", 15));
    ck_assert(!civ_speller_add_words_file(sp, "/nonexistent/words.txt", &err));
    ck_assert_msg(strstr(err, "cannot open '/nonexistent/words.txt'") != NULL, "%s", err);
    free(err);
    civ_speller_free(sp);
    unlink(path);
}
END_TEST

/* A project's word list works whatever its name ends in: a plain list (one
 * word a line) named .dic was handed to hunspell as a dictionary, whose
 * first line must be a count, and its words were silently lost. A real
 * hunspell .dic (count first, affix flags) still loads as one. */
static const struct {
    const char *name, *suffix, *text, *word;
} list_cases[] = {
    {"plain list as .txt", ".txt", "qwzzlet\nfrobnix\n", "frobnix"},
    {"plain list as .dic", ".dic", "qwzzlet\nfrobnix\n", "frobnix"},
    {"plain list as .dic, first word", ".dic", "qwzzlet\nfrobnix\n", "qwzzlet"},
    {"hunspell .dic with a count", ".dic", "2\nqwzzlet\nfrobnix/S\n", "frobnixes"},
    {"hunspell .dic, count with spaces", ".dic", " 2 \r\nqwzzlet\nfrobnix\n", "qwzzlet"},
};

START_TEST(test_speller_add_list)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/civlint-list-XXXXXX%s", list_cases[_i].suffix);
    int fd = mkstemps(path, (int)strlen(list_cases[_i].suffix));
    ck_assert_int_ge(fd, 0);
    const char *t = list_cases[_i].text;
    ck_assert_int_eq(write(fd, t, strlen(t)), (ssize_t)strlen(t));
    close(fd);
    char *err = NULL;
    /* set-up comes before lookups (spell.h), so the word is looked up in
     * the shared speller without the list, and in a new one with it */
    ck_assert_msg(!civ_speller_check(test_speller(), list_cases[_i].word, strlen(list_cases[_i].word)),
                  "%s: known without the list", list_cases[_i].name);
    civ_speller *sp = civ_speller_new("en_US", NULL, &err);
    ck_assert_msg(sp != NULL, "%s", err ? err : "?");
    ck_assert_msg(civ_speller_add_list(sp, path, &err), "%s: %s", list_cases[_i].name, err ? err : "");
    ck_assert_msg(civ_speller_check(sp, list_cases[_i].word, strlen(list_cases[_i].word)),
                  "%s: '%s' not accepted", list_cases[_i].name, list_cases[_i].word);
    civ_speller_free(sp);
    unlink(path);
}
END_TEST

START_TEST(test_speller_cache)
{
    char *err = NULL;
    civ_speller *sp = civ_speller_new(NULL, NULL, &err);
    civ_spell_stats st;
    for (int i = 0; i < 5; i++) {
        ck_assert(civ_speller_check(sp, "government", 10));
        ck_assert(!civ_speller_check(sp, "goverment", 9));
    }
    civ_speller_stats(sp, &st);
    ck_assert_uint_eq(st.lookups, 2); /* each distinct word once */
    ck_assert_uint_eq(st.distinct, 2);
    char *const *sugg;
    for (int i = 0; i < 3; i++) {
        size_t n = civ_speller_suggest(sp, "goverment", 9, &sugg);
        ck_assert_uint_ge(n, 1);
        ck_assert_uint_le(n, CIV_SPELL_MAX_SUGGEST);
        ck_assert_str_eq(sugg[0], "government");
    }
    civ_speller_stats(sp, &st);
    ck_assert_uint_eq(st.suggestions, 1); /* computed once, then cached */
    ck_assert_uint_eq(st.handles, 1);
    civ_speller_free(sp);
}
END_TEST

START_TEST(test_wordlist_case_rules)
{
    civ_strmap m;
    civ_strmap_init(&m);
    civ_wordlist_add(&m, "kolkhoz", 7);
    civ_wordlist_add(&m, "Tskhinvali", 10);
    civ_wordlist_add(&m, "NGOization", 10);
    ck_assert(civ_wordlist_has(&m, "kolkhoz", 7));
    ck_assert(civ_wordlist_has(&m, "Kolkhoz", 7));
    ck_assert(civ_wordlist_has(&m, "KOLKHOZ", 7));
    ck_assert(!civ_wordlist_has(&m, "kOLKHOZ", 7));
    ck_assert(civ_wordlist_has(&m, "TSKHINVALI", 10));
    ck_assert(!civ_wordlist_has(&m, "tskhinvali", 10));
    ck_assert(civ_wordlist_has(&m, "NGOization", 10));
    ck_assert(!civ_wordlist_has(&m, "Ngoization", 10));
    ck_assert(!civ_wordlist_has(&m, "", 0));
    civ_strmap_release(&m);
}
END_TEST

/* Several threads hammer one speller with the same words; every verdict
 * and suggestion must equal the single-threaded answer. Run under
 * -fsanitize=thread or helgrind to see the locking; here it checks that
 * the answers are right and the pool never holds more handles than
 * threads. */
#define NTHREADS 6
static const char *const thread_words[] = {
    "government", "goverment", "received", "recieved", "Tbilisi", "Abashidze", "occured", "Kazakhstan",
    "pipeline", "sanctions", "disinformation", "xqzvw", "Caucasus", "corridor", "acommodate", "the",
};
#define NWORDS (sizeof thread_words / sizeof *thread_words)
static bool expected_verdict[NWORDS];

static void *thread_main(void *arg)
{
    civ_speller *sp = arg;
    long bad = 0;
    for (int round = 0; round < 200; round++) {
        for (size_t i = 0; i < NWORDS; i++) {
            size_t k = (i + (size_t)round) % NWORDS;
            if (civ_speller_check(sp, thread_words[k], strlen(thread_words[k])) != expected_verdict[k])
                bad++;
        }
        if (round % 50 == 0) {
            char *const *sugg;
            size_t n = civ_speller_suggest(sp, "recieved", 8, &sugg);
            if (n == 0 || strcmp(sugg[0], "received") != 0)
                bad++;
        }
    }
    return (void *)bad;
}

START_TEST(test_speller_threads)
{
    char *err = NULL;
    civ_speller *ref = test_speller();
    for (size_t i = 0; i < NWORDS; i++)
        expected_verdict[i] = civ_speller_check(ref, thread_words[i], strlen(thread_words[i]));
    ck_assert(!expected_verdict[1] && expected_verdict[0] && expected_verdict[5]);
    civ_speller *sp = civ_speller_new(NULL, NULL, &err);
    ck_assert(civ_speller_add_dic(sp, "dictionaries/house.dic", &err));
    pthread_t th[NTHREADS];
    for (int i = 0; i < NTHREADS; i++)
        ck_assert_int_eq(pthread_create(&th[i], NULL, thread_main, sp), 0);
    long bad = 0;
    for (int i = 0; i < NTHREADS; i++) {
        void *r;
        pthread_join(th[i], &r);
        bad += (long)r;
    }
    ck_assert_int_eq(bad, 0);
    civ_spell_stats st;
    civ_speller_stats(sp, &st);
    ck_assert_uint_le(st.handles, NTHREADS);
    ck_assert_uint_ge(st.handles, 1);
    ck_assert_uint_eq(st.distinct, NWORDS);
    civ_speller_free(sp);
}
END_TEST

/* Many distinct words, inserted by several threads at once from different
 * starting points: the verdict cache (split into locked shards) must
 * hold each word exactly once and answer as a single thread does, and the
 * near search's closest word must not depend on which thread asked
 * first. A shard chosen differently for a lookup than for its insert
 * shows as a second entry (distinct too high) or a wrong verdict. */
#define NMANY 3000
static char many_words[NMANY][24];
static bool many_expected[NMANY];

static void *many_main(void *arg)
{
    civ_speller *sp = ((void **)arg)[0];
    size_t start = (size_t)(uintptr_t)((void **)arg)[1];
    long bad = 0;
    for (int round = 0; round < 3; round++)
        for (size_t i = 0; i < NMANY; i++) {
            size_t k = (start + i) % NMANY;
            if (civ_speller_check(sp, many_words[k], strlen(many_words[k])) != many_expected[k])
                bad++;
        }
    for (size_t i = 0; i < NMANY; i += 97) {
        size_t k = (start + i) % NMANY;
        civ_closeness c = civ_speller_closest(sp, many_words[k], strlen(many_words[k]));
        (void)c;
    }
    return (void *)bad;
}

START_TEST(test_speller_threads_many_words)
{
    static const char *const stems[] = {"govern", "receive", "pipe", "sanction", "corridor", "accommodate",
                                        "inform", "occur", "state", "market", "wrote", "border"};
    static const char *const ends[] = {"", "s", "ed", "ment", "ing", "er", "zq", "ly"};
    for (size_t i = 0; i < NMANY; i++)
        snprintf(many_words[i], sizeof many_words[i], "%s%s%s%zu", stems[i % 12], ends[(i / 12) % 8],
                 i < 96 ? "" : "x", i < 96 ? (size_t)0 : i);
    for (size_t i = 0; i < 96; i++) /* the first 96: stem + ending, no number */
        snprintf(many_words[i], sizeof many_words[i], "%s%s", stems[i % 12], ends[(i / 12) % 8]);
    char *err = NULL;
    civ_speller *ref = civ_speller_new(NULL, NULL, &err);
    ck_assert_ptr_nonnull(ref);
    size_t known = 0;
    for (size_t i = 0; i < NMANY; i++)
        known += many_expected[i] = civ_speller_check(ref, many_words[i], strlen(many_words[i]));
    ck_assert_uint_gt(known, 20); /* both verdicts are exercised */
    ck_assert_uint_lt(known, NMANY - 100);
    civ_closeness want[NMANY / 97 + 1];
    for (size_t i = 0; i < NMANY; i += 97)
        want[i / 97] = civ_speller_closest(ref, many_words[i], strlen(many_words[i]));
    civ_speller *sp = civ_speller_new(NULL, NULL, &err);
    ck_assert_ptr_nonnull(sp);
    pthread_t th[4];
    void *args[4][2];
    for (int i = 0; i < 4; i++) {
        args[i][0] = sp;
        args[i][1] = (void *)(uintptr_t)((size_t)i * NMANY / 4);
        ck_assert_int_eq(pthread_create(&th[i], NULL, many_main, args[i]), 0);
    }
    long bad = 0;
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(th[i], &r);
        bad += (long)r;
    }
    ck_assert_int_eq(bad, 0);
    civ_spell_stats st;
    civ_speller_stats(sp, &st);
    ck_assert_uint_eq(st.distinct, NMANY);
    /* a cached verdict is found: hunspell is asked at most once per word
     * per thread (two threads may both miss a word before either stores) */
    ck_assert_uint_ge(st.lookups, NMANY);
    ck_assert_uint_le(st.lookups, 4 * NMANY);
    for (size_t i = 0; i < NMANY; i += 97) {
        civ_closeness c = civ_speller_closest(sp, many_words[i], strlen(many_words[i]));
        ck_assert_int_eq(c.cost, want[i / 97].cost);
        ck_assert_int_eq(c.proper, want[i / 97].proper);
        ck_assert_str_eq(c.word ? c.word : "-", want[i / 97].word ? want[i / 97].word : "-");
    }
    civ_speller_free(sp);
    civ_speller_free(ref);
}
END_TEST

Suite *suite_spell(void)
{
    Suite *s = suite_create("spell");
    TCase *tc = tcase_create("speller");
    tcase_set_timeout(tc, 60);
    tcase_add_unchecked_fixture(tc, test_speller_fixture, NULL);
    tcase_add_test(tc, test_speller_missing_dictionary);
    tcase_add_test(tc, test_speller_dict_option);
    tcase_add_test(tc, test_speller_dicpath);
    tcase_add_test(tc, test_speller_house_dictionary);
    tcase_add_test(tc, test_speller_words_file);
    tcase_add_loop_test(tc, test_speller_add_list, 0, sizeof list_cases / sizeof *list_cases);
    tcase_add_test(tc, test_speller_cache);
    tcase_add_test(tc, test_wordlist_case_rules);
    tcase_add_test(tc, test_speller_threads);
    tcase_add_test(tc, test_speller_threads_many_words);
    suite_add_tcase(s, tc);
    tc = tcase_create("spelling");
    tcase_set_timeout(tc, 60);
    tcase_add_unchecked_fixture(tc, test_speller_fixture, NULL);
    tcase_add_loop_test(tc, test_spelling_table, 0, sizeof cases / sizeof *cases);
    tcase_add_test(tc, test_spelling_message_and_note);
    tcase_add_test(tc, test_spelling_no_suggest);
    tcase_add_test(tc, test_suggest_modes);
    tcase_add_test(tc, test_spelling_acronym_max);
    tcase_add_test(tc, test_spelling_without_speller_is_silent);
    suite_add_tcase(s, tc);
    return s;
}
