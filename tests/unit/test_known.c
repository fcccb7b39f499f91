/* test_known.c - the large word lists' prebuilt index (src/spell/known.h)
 * against reading the lists: both must answer alike on every word and its
 * case variants, a stale, missing or damaged index must fall back to
 * reading with a note, and the reading path keeps its case rules.
 *
 * The whole-list comparison needs Debian's wamerican-huge and the index
 * `make` builds from it (dictionaries/american-english-huge.knownindex);
 * without the package it checks only the invented lists. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "spell/known.h"

#define HUGE_LIST "/usr/share/dict/american-english-huge"
#define HUGE_INDEX "dictionaries/american-english-huge.knownindex"

static void write_text(const char *path, const char *text)
{
    FILE *fp = fopen(path, "wb");
    ck_assert_ptr_nonnull(fp);
    fputs(text, fp);
    ck_assert_int_eq(fclose(fp), 0);
}

static civ_known *known_of(const char *list, const char *index)
{
    civ_known *k = civ_known_new();
    civ_known_add(k, list);
    if (index)
        civ_known_set_index(k, index);
    return k;
}

/* Both answer alike on word and its lower-case, Capitalised, ALL-CAPS,
 * first-letter-lowered, possessive and extended spellings. */
static size_t compare_variants(civ_known *ix, civ_known *rd, const char *word, size_t n)
{
    char v[7][160];
    if (n == 0 || n > 150)
        return 0;
    for (int j = 0; j < 7; j++)
        memcpy(v[j], word, n);
    for (size_t i = 0; i < n; i++) {
        char c = word[i];
        v[1][i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
        v[3][i] = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
        v[2][i] = i == 0 ? v[3][i] : v[1][i];
    }
    v[4][0] = v[1][0];
    memcpy(v[5] + n, "'s", 2);
    memcpy(v[6] + n, "q", 1);
    size_t len[7] = {n, n, n, n, n, n + 2, n + 1}, yes = 0;
    for (int j = 0; j < 7; j++) {
        bool a = civ_known_has(ix, v[j], len[j]), b = civ_known_has(rd, v[j], len[j]);
        ck_assert_msg(a == b, "'%.*s': index says %d, reading %d", (int)len[j], v[j], a, b);
        yes += a;
    }
    return yes;
}

static const char *const invented[] = {"zorb",    "Quillane", "QXR",      "ZorbHub",
                                       "zorbs",   "Zorb's",   "blivet\r", "bl\xc3\xa9vet",
                                       "O'Flarn", "zorb",     "x"};

START_TEST(test_known_index_small)
{
    char dir[] = "/tmp/civknownXXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char *list = xasprintf("%s/words", dir), *index = xasprintf("%s/words.knownindex", dir), *err = NULL;
    civ_buf b;
    civ_buf_init(&b);
    for (size_t i = 0; i < sizeof invented / sizeof *invented; i++)
        civ_buf_printf(&b, "%s%s", invented[i], i + 1 < sizeof invented / sizeof *invented ? "\n" : "");
    write_text(list, b.data); /* no newline after the last word */
    const char *lists[] = {list};
    ck_assert_msg(civ_known_build_index(lists, 1, index, &err), "%s", err ? err : "?");
    civ_known *ix = known_of(list, index), *rd = known_of(list, NULL);
    /* the reading path's case rules, which both must keep */
    static const struct {
        const char *w;
        bool has;
    } want[] = {{"zorb", true},
                {"Zorb", true},
                {"ZORB", true},
                {"zOrb", false},
                {"Zorb's", false},
                {"quillane", false},
                {"QUILLANE", true},
                {"QXR", true},
                {"Qxr", false},
                {"ZorbHub", true},
                {"ZORBHUB", false},
                {"Zorbhub", false},
                {"blivet", true},
                {"BLIVET", true},
                {"bl\xc3\xa9vet", true},
                {"O'FLARN", false},
                /* known.c: from O'flarn, not O'Flarn */ {"X", true},
                {"zorbs", true},
                {"zorbsq", false}};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        size_t n = strlen(want[i].w);
        ck_assert_msg(civ_known_has(ix, want[i].w, n) == want[i].has, "index: '%s'", want[i].w);
        ck_assert_msg(civ_known_has(rd, want[i].w, n) == want[i].has, "reading: '%s'", want[i].w);
        compare_variants(ix, rd, want[i].w, n);
    }
    ck_assert_ptr_null(civ_known_index_note(ix));
    size_t l1, w1, l2, w2;
    civ_known_loaded(ix, &l1, &w1);
    civ_known_loaded(rd, &l2, &w2);
    ck_assert_uint_eq(l1, l2);
    ck_assert_uint_eq(w1, w2);
    ck_assert_uint_eq(w1, 9); /* the duplicate and the possessive left out */
    civ_known_free(ix);

    /* an upgraded list: the index is stale, the list is read */
    civ_buf_puts(&b, "\nfrandle\n");
    write_text(list, b.data);
    ix = known_of(list, index);
    ck_assert(civ_known_has(ix, "Frandle", 7));
    ck_assert_ptr_nonnull(strstr(civ_known_index_note(ix), "stale"));
    civ_known_free(ix);

    /* damaged (cut short), then missing: a note, and the list is read */
    FILE *fp = fopen(index, "r+b");
    ck_assert_ptr_nonnull(fp);
    ck_assert_int_eq(ftruncate(fileno(fp), 60), 0);
    fclose(fp);
    ix = known_of(list, index);
    ck_assert(civ_known_has(ix, "ZORB", 4));
    ck_assert_ptr_nonnull(strstr(civ_known_index_note(ix), "damaged"));
    civ_known_free(ix);
    unlink(index);
    ix = known_of(list, index);
    ck_assert(civ_known_has(ix, "frandle", 7));
    ck_assert_ptr_nonnull(strstr(civ_known_index_note(ix), index));
    civ_known_free(ix);

    civ_known_free(rd);
    civ_buf_release(&b);
    unlink(list);
    rmdir(dir);
    free(list);
    free(index);
}
END_TEST

/* The index make built of wamerican-huge against reading it, on every
 * line of it and each line's variants. */
START_TEST(test_known_index_whole_list)
{
    if (access(HUGE_LIST, R_OK) != 0)
        return; /* wamerican-huge not installed: no index is built either */
    ck_assert_msg(access(HUGE_INDEX, R_OK) == 0, "no %s: run make first", HUGE_INDEX);
    civ_known *ix = known_of(HUGE_LIST, HUGE_INDEX), *rd = known_of(HUGE_LIST, NULL);
    ck_assert(civ_known_has(ix, "the", 3) == civ_known_has(rd, "the", 3));
    ck_assert_msg(civ_known_index_note(ix) == NULL, "%s", civ_known_index_note(ix));
    FILE *fp = fopen(HUGE_LIST, "r");
    ck_assert_ptr_nonnull(fp);
    char line[512];
    size_t lines = 0, yes = 0;
    while (fgets(line, sizeof line, fp)) {
        size_t n = strcspn(line, "\r\n");
        yes += compare_variants(ix, rd, line, n);
        lines++;
    }
    fclose(fp);
    ck_assert_uint_gt(lines, 100000);
    ck_assert_uint_gt(yes, lines); /* most words known in several spellings */
    size_t l1, w1, l2, w2;
    civ_known_loaded(ix, &l1, &w1);
    civ_known_loaded(rd, &l2, &w2);
    ck_assert_uint_eq(l1, 1);
    ck_assert_uint_eq(l1, l2);
    ck_assert_uint_eq(w1, w2);
    civ_known_free(ix);
    civ_known_free(rd);
}
END_TEST

Suite *suite_known(void)
{
    Suite *s = suite_create("known");
    TCase *tc = tcase_create("index");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_known_index_small);
    tcase_add_test(tc, test_known_index_whole_list);
    suite_add_tcase(s, tc);
    return s;
}
