/* test_wordindex.c - the prebuilt word index (src/spell/wordindex.h)
 * against hunspell itself.
 *
 * Needs `make` to have built dictionaries/en_US.wordindex and
 * en_GB.wordindex (make check does) and codespell's dictionary.txt
 * (Debian `codespell`, a test dependency) for misspellings: every 200th
 * letters-only entry, about 200 words, each also tried Capitalised and
 * every third in capitals, and a few invented slips around words known
 * only capitalised, in capitals or in a mixed case. For each: every candidate of the near search
 * must get the index's answer equal to Hunspell_spell's (or "ask"), and a
 * speller reading the index must give the same suggestions, closeness and
 * casing as one asking hunspell for every candidate. */
#include "helpers.h"

#include <hunspell.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "spell/near.h"
#include "spell/spell.h"
#include "spell/wordindex.h"

#define CODESPELL "/usr/lib/python3/dist-packages/codespell_lib/data/dictionary.txt"
#define STEP 200 /* every STEP-th usable codespell entry */
#define MAXWORDS 1200

static const char *const langs[] = {"en_US", "en_GB"};

static size_t misspellings(char words[][48], size_t max)
{
    FILE *fp = fopen(CODESPELL, "r");
    ck_assert_msg(fp != NULL, "needs codespell's %s (apt-get install codespell)", CODESPELL);
    char line[512];
    size_t n = 0, usable = 0;
    while (fgets(line, sizeof line, fp) && n + 3 <= max) {
        char *arrow = strstr(line, "->");
        if (!arrow)
            continue;
        size_t len = (size_t)(arrow - line), i = 0;
        while (i < len && line[i] >= 'a' && line[i] <= 'z')
            i++;
        if (i != len || len < 4 || len > 30 || usable++ % STEP)
            continue;
        memcpy(words[n], line, len);
        words[n][len] = '\0';
        memcpy(words[n + 1], words[n], len + 1);
        words[n + 1][0] = (char)(words[n][0] - 'a' + 'A'); /* Capitalised */
        n += 2;
        if (usable % (3 * STEP) == 1) { /* and some in capitals */
            for (size_t k = 0; k < len; k++)
                words[n][k] = (char)(words[n - 2][k] - 'a' + 'A');
            words[n][len] = '\0';
            n++;
        }
    }
    fclose(fp);
    /* and invented slips around words the dictionary knows only in
     * capitals, Capitalised or in a mixed case */
    static const char *const cased[] = {"Nato", "nato", "NATOs", "Naot", "Nasa", "NSAA", "Fbi", "FBi", "Aids",
                                        "Unesco", "UNESCo", "Tbilsi", "tbilisi", "TBILSI", "Githib", "GitHib",
                                        "GITHIB", "Ipod", "iPdo", "IPDO", "Ebay", "eBya", "McDonlad", "Mcdonald",
                                        "powerpoint", "PowerPiont", "Obrien", "O'Brein", "OBRIEN", "Londno",
                                        "LONDNO", "london", "Pairs", "americna", "AMERICNA", "Amercan"};
    for (size_t i = 0; i < sizeof cased / sizeof *cased && n < max; i++)
        snprintf(words[n++], 48, "%s", cased[i]);
    ck_assert_uint_gt(n, 300);
    return n;
}

static civ_speller *house_speller(const char *lang, bool with_index)
{
    char *err = NULL;
    civ_speller *sp = civ_speller_new(lang, NULL, &err);
    ck_assert_msg(sp != NULL, "%s", err ? err : "?");
    ck_assert(civ_speller_add_dic(sp, "dictionaries/house.dic", &err));
    if (with_index) {
        char *path = xasprintf("dictionaries/%s.wordindex", lang);
        ck_assert_msg(access(path, R_OK) == 0, "no %s: run make first", path);
        civ_speller_set_index(sp, path);
        free(path);
    }
    return sp;
}

typedef struct {
    Hunhandle *h;
    const civ_wordindex *ix;
    size_t candidates, asked, wrong;
    char first_wrong[64];
} both;

/* The near search's dictionary: hunspell's answer, after checking that
 * the index's agrees. */
static bool compare_cb(void *ud, const char *word)
{
    both *b = ud;
    bool ref = Hunspell_spell(b->h, word) != 0;
    civ_wix_answer a = civ_wordindex_find(b->ix, word, strlen(word));
    b->candidates++;
    if (a == CIV_WIX_ASK)
        b->asked++;
    else if ((a == CIV_WIX_YES) != ref && b->wrong++ == 0)
        snprintf(b->first_wrong, sizeof b->first_wrong, "%s (hunspell: %d)", word, ref);
    return ref;
}

START_TEST(test_index_answers_like_hunspell)
{
    const char *lang = langs[_i];
    static char words[MAXWORDS][48];
    size_t n = misspellings(words, MAXWORDS);
    civ_speller *sp = house_speller(lang, false);
    const char *in[] = {civ_speller_aff(sp), civ_speller_dic(sp), "dictionaries/house.dic"};
    uint64_t hash;
    char *err = NULL;
    ck_assert(civ_wordindex_hash_files(in, 3, &hash, &err));
    char *path = xasprintf("dictionaries/%s.wordindex", lang);
    civ_wordindex *ix = civ_wordindex_open(path, hash, &err);
    ck_assert_msg(ix != NULL, "%s", err ? err : "?");
    both b = {Hunspell_create(in[0], in[1]), ix, 0, 0, 0, ""};
    Hunspell_add_dic(b.h, in[2]);
    for (size_t i = 0; i < n; i++) {
        civ_near_word out[3];
        int best;
        size_t m = civ_near_search(compare_cb, &b, words[i], strlen(words[i]), out, 3, &best);
        for (size_t k = 0; k < m; k++)
            free(out[k].word);
    }
    ck_assert_msg(b.wrong == 0, "%s: %zu of %zu candidates answered unlike hunspell, first %s", lang, b.wrong,
                  b.candidates, b.first_wrong);
    ck_assert_uint_gt(b.candidates, 100000);
    /* "ask" is the exception, not the rule */
    ck_assert_msg(b.asked * 1000 < b.candidates, "%zu of %zu asked", b.asked, b.candidates);
    Hunspell_destroy(b.h);
    civ_wordindex_close(ix);
    free(path);
    civ_speller_free(sp);
}
END_TEST

static void same_lists(const char *word, char *const *a, size_t na, char *const *b, size_t nb)
{
    ck_assert_msg(na == nb, "'%s': %zu suggestions with the index, %zu without", word, na, nb);
    for (size_t k = 0; k < na; k++)
        ck_assert_msg(strcmp(a[k], b[k]) == 0, "'%s': suggestion %zu '%s' with the index, '%s' without", word,
                      k, a[k], b[k]);
}

START_TEST(test_index_same_suggestions)
{
    const char *lang = langs[_i];
    static char words[MAXWORDS][48];
    size_t n = misspellings(words, MAXWORDS);
    civ_speller *fast = house_speller(lang, true), *slow = house_speller(lang, false);
    size_t with = 0;
    for (size_t i = 0; i < n; i++) {
        const char *w = words[i];
        size_t len = strlen(w);
        const char *ca = civ_speller_casing(fast, w, len), *cb = civ_speller_casing(slow, w, len);
        ck_assert_msg((!ca && !cb) || (ca && cb && strcmp(ca, cb) == 0), "'%s': casing differs", w);
        civ_closeness a = civ_speller_closest(fast, w, len), b = civ_speller_closest(slow, w, len);
        ck_assert_msg(a.cost == b.cost && a.proper == b.proper, "'%s': closeness differs", w);
        char *const *sa, *const *sb;
        size_t na = civ_speller_suggest(fast, w, len, &sa), nb = civ_speller_suggest(slow, w, len, &sb);
        same_lists(w, sa, na, sb, nb);
        with += na > 0;
    }
    ck_assert_ptr_null(civ_speller_index_note(fast)); /* the index was used */
    ck_assert_uint_gt(with, n / 2);
    civ_speller_free(fast);
    civ_speller_free(slow);
}
END_TEST

/* A speller with a .dic the index was not built from must not use it:
 * the project's words are candidates too. */
START_TEST(test_index_stale_or_missing)
{
    char dir[] = "/tmp/civwixXXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char *dic = xasprintf("%s/project.dic", dir);
    FILE *fp = fopen(dic, "w");
    fputs("1\nZaqvelini\n", fp);
    fclose(fp);
    civ_speller *sp = house_speller("en_US", true);
    char *err = NULL;
    ck_assert(civ_speller_add_dic(sp, dic, &err));
    char *const *s;
    ck_assert_uint_ge(civ_speller_suggest(sp, "Zaqvelin", 8, &s), 1);
    ck_assert_str_eq(s[0], "Zaqvelini");
    const char *note = civ_speller_index_note(sp);
    ck_assert_ptr_nonnull(note);
    ck_assert_msg(strstr(note, "stale") && strstr(note, "ask hunspell"), "%s", note);
    civ_speller_free(sp);

    sp = house_speller("en_US", false);
    char *missing = xasprintf("%s/none.wordindex", dir);
    civ_speller_set_index(sp, missing);
    ck_assert_uint_ge(civ_speller_suggest(sp, "goverment", 9, &s), 1);
    ck_assert_str_eq(s[0], "government");
    ck_assert_msg(strstr(civ_speller_index_note(sp), "cannot open word index"), "%s", civ_speller_index_note(sp));
    civ_speller_free(sp);

    /* a damaged file: a valid header whose size does not match */
    char *bad = xasprintf("%s/bad.wordindex", dir);
    fp = fopen(bad, "w");
    fputs(CIV_WIX_MAGIC, fp);
    for (int i = 0; i < 40; i++)
        fputc(i == 0 ? (int)CIV_WIX_VERSION : 0, fp);
    fclose(fp);
    ck_assert_ptr_null(civ_wordindex_open(bad, 0, &err));
    ck_assert_msg(strstr(err, "damaged"), "%s", err);
    free(err);
    unlink(bad);
    unlink(dic);
    rmdir(dir);
    free(bad);
    free(missing);
    free(dic);
}
END_TEST

/* Hunspell's case rules, as the index applies them to a form. */
START_TEST(test_index_case_rule)
{
    static const struct {
        const char *form, *cand;
        bool ok;
    } cases[] = {
        {"government", "government", true}, {"government", "Government", true},
        {"government", "GOVERNMENT", true}, {"government", "GoVernment", false},
        {"government", "gOVERNMENT", false}, {"Tbilisi", "TBILISI", true},
        {"Tbilisi", "tbilisi", false},       {"GitHub", "GITHUB", true},
        {"GitHub", "Github", false},         {"GitHub", "github", false},
        {"NATO", "Nato", false},             {"NATO", "nato", false},
        {"don't", "DON'T", true},            {"don't", "Don't", true},
        {"O'Brien", "O'BRIEN", true},        {"O'Brien", "O'brien", false},
        {"iPod", "IPOD", true},              {"iPod", "IPod", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        ck_assert_msg(civ_wordindex_accepts(cases[i].form, cases[i].cand, strlen(cases[i].cand)) == cases[i].ok,
                      "%s as %s", cases[i].form, cases[i].cand);
}
END_TEST

Suite *suite_wordindex(void)
{
    Suite *s = suite_create("wordindex");
    TCase *tc = tcase_create("wordindex");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, test_index_answers_like_hunspell, 0, 2);
    tcase_add_loop_test(tc, test_index_same_suggestions, 0, 2);
    tcase_add_test(tc, test_index_stale_or_missing);
    tcase_add_test(tc, test_index_case_rule);
    suite_add_tcase(s, tc);
    return s;
}
