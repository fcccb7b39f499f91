/* test_sentence.c - sentence splitting. Each row: a prose text and the
 * sentences it must split into, joined by " | ". The hard cases are the
 * ones where a full stop is not a boundary (abbreviations, initials,
 * decimals, URLs) and where the boundary is not right after the stop
 * (closing quotes, brackets and footnote placeholders). */
#include "helpers.h"

#include <stdlib.h>

#include "text/sentence.h"

typedef struct {
    const char *name;
    const char *text;
    const char *want; /* sentences joined by " | " */
} sent_case;

#define FN CIV_OBJ /* a footnote reference placeholder */

static const sent_case cases[] = {
    {"one sentence", "Trade grew.", "Trade grew."},
    {"two sentences", "Trade grew. Exports fell.", "Trade grew. | Exports fell."},
    {"no final stop", "Trade grew. Exports fell", "Trade grew. | Exports fell"},
    {"question", "Can it last? Nobody knows.", "Can it last? | Nobody knows."},
    {"exclamation", "It worked! Then it stopped.", "It worked! | Then it stopped."},
    {"question then lower case", "\"Why?\" he asked. She left.", "\"Why?\" he asked. | She left."},
    {"decimal", "Trade reached $13.5 billion. It grew.", "Trade reached $13.5 billion. | It grew."},
    {"decimal percent", "Growth was 38.3% in 2023. Then it slowed.", "Growth was 38.3% in 2023. | Then it slowed."},
    {"U.S. before a name", "The U.S. Congress voted. It passed.", "The U.S. Congress voted. | It passed."},
    {"U.S. at the end", "Aid came from the U.S. The EU followed.", "Aid came from the U.S. | The EU followed."},
    {"U.K. mid sentence", "The U.K. government agreed.", "The U.K. government agreed."},
    {"e.g.", "Some states, e.g. Armenia, objected. Others did not.", "Some states, e.g. Armenia, objected. | Others did not."},
    {"i.e.", "The route, i.e. the Middle Corridor, grew.", "The route, i.e. the Middle Corridor, grew."},
    {"e.g. before capital", "Several ports, e.g. Poti, are shallow.", "Several ports, e.g. Poti, are shallow."},
    {"Dr.", "Dr. Beridze disagreed. She said so.", "Dr. Beridze disagreed. | She said so."},
    {"Mr. and Mrs.", "Mr. and Mrs. Smith left. They returned.", "Mr. and Mrs. Smith left. | They returned."},
    {"Prof.", "Prof. Gogua leads the team.", "Prof. Gogua leads the team."},
    {"Gen.", "Gen. Petraeus visited Tbilisi.", "Gen. Petraeus visited Tbilisi."},
    {"St.", "They met in St. Petersburg.", "They met in St. Petersburg."},
    {"Jan. with a day", "On Jan. 5 the talks resumed.", "On Jan. 5 the talks resumed."},
    {"Jan. at the end", "The talks resumed in Jan. The deal followed.", "The talks resumed in Jan. | The deal followed."},
    {"Sept. with a day", "By Sept. 19 the offensive was over.", "By Sept. 19 the offensive was over."},
    {"No. with a number", "Resolution No. 5 passed. It was binding.", "Resolution No. 5 passed. | It was binding."},
    {"p. with a number", "See p. 12 of the report.", "See p. 12 of the report."},
    {"initials", "J. R. Smith wrote it. He agreed.", "J. R. Smith wrote it. | He agreed."},
    {"middle initial", "George W. Bush visited Tbilisi in 2005.", "George W. Bush visited Tbilisi in 2005."},
    {"initial then opener", "He backed Plan B. The rest followed.", "He backed Plan B. | The rest followed."},
    {"ellipsis lower case", "The talks stalled... and then resumed.", "The talks stalled... and then resumed."},
    {"ellipsis upper case", "The talks stalled... Then they resumed.", "The talks stalled... | Then they resumed."},
    {"ellipsis character", "It stalled\xE2\x80\xA6 Then it resumed.", "It stalled\xE2\x80\xA6 | Then it resumed."},
    {"closing quote", "He called it \"a trap.\" Others agreed.", "He called it \"a trap.\" | Others agreed."},
    {"curly closing quote", "He said \xE2\x80\x9CNo.\xE2\x80\x9D Talks ended.", "He said \xE2\x80\x9CNo.\xE2\x80\x9D | Talks ended."},
    {"closing bracket", "It grew (by a lot.) Then it fell.", "It grew (by a lot.) | Then it fell."},
    {"footnote after stop", "It grew in 2023." FN " Then it fell.", "It grew in 2023." FN " | Then it fell."},
    {"footnote before stop", "It grew in 2023" FN ". Then it fell.", "It grew in 2023" FN ". | Then it fell."},
    {"digit starts a sentence", "It ended in 2022. 2023 was calmer.", "It ended in 2022. | 2023 was calmer."},
    {"URL text", "See example.org for data. It helps.", "See example.org for data. | It helps."},
    {"domain at the end", "The data is at example.org. It is free.", "The data is at example.org. | It is free."},
    {"etc. then capital", "Rail, ports, etc. The list goes on.", "Rail, ports, etc. | The list goes on."},
    {"quote opens next sentence", "It failed. \xE2\x80\x9CWe tried,\xE2\x80\x9D he said.", "It failed. | \xE2\x80\x9CWe tried,\xE2\x80\x9D he said."},
    {"bracket opens next sentence", "It failed. (It was expected.)", "It failed. | (It was expected.)"},
    {"Cyrillic lower after stop", "\xD0\x9E\xD0\xBD\xD0\xB8 \xD1\x88\xD0\xBB\xD0\xB8. \xD0\xB8 \xD0\xB4\xD0\xB0\xD0\xBB\xD1\x8C\xD1\x88\xD0\xB5.", "\xD0\x9E\xD0\xBD\xD0\xB8 \xD1\x88\xD0\xBB\xD0\xB8. \xD0\xB8 \xD0\xB4\xD0\xB0\xD0\xBB\xD1\x8C\xD1\x88\xD0\xB5."},
    {"Georgian script after stop", "It ended. \xE1\x83\x91\xE1\x83\x90\xE1\x83\x97\xE1\x83\xa3\xE1\x83\x9b\xE1\x83\x98 is a port.", "It ended. | \xE1\x83\x91\xE1\x83\x90\xE1\x83\x97\xE1\x83\xa3\xE1\x83\x9b\xE1\x83\x98 is a port."},
    {"multiple spaces", "It grew.   Then it fell.", "It grew. | Then it fell."},
    {"leading and trailing space", "  It grew.  ", "It grew."},
    {"only space", "   ", ""},
    {"empty", "", ""},
    {"?! run", "Really?! Yes.", "Really?! | Yes."},
    {"vs.", "Georgia vs. Russia was the frame.", "Georgia vs. Russia was the frame."},
    {"cf.", "Compare the data (cf. Table 2) closely.", "Compare the data (cf. Table 2) closely."},
    {"three sentences", "A rose. B fell. C held.", "A rose. | B fell. | C held."},
    {"placeholder code span", "Run " FN ". Then stop.", "Run " FN ". | Then stop."},
    {"version number", "Version 2.0 shipped. It works.", "Version 2.0 shipped. | It works."},
};

static char *joined(const char *text)
{
    size_t n;
    civ_sentence *s = civ_sentences_split(text, strlen(text), &n);
    civ_buf b;
    civ_buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        if (i)
            civ_buf_puts(&b, " | ");
        civ_buf_add(&b, text + s[i].t0, s[i].t1 - s[i].t0);
    }
    free(s);
    return civ_buf_detach(&b);
}

START_TEST(test_sentence_table)
{
    const sent_case *c = &cases[_i];
    char *got = joined(c->text);
    ck_assert_msg(strcmp(got, c->want) == 0, "%s:\n  got  [%s]\n  want [%s]", c->name, got, c->want);
    free(got);
}
END_TEST

START_TEST(test_sentence_index)
{
    const char *t = "A rose. B fell. C held.";
    size_t n;
    civ_sentence *s = civ_sentences_split(t, strlen(t), &n);
    ck_assert_uint_eq(n, 3);
    ck_assert_uint_eq(civ_sentence_index(s, n, 0), 0);
    ck_assert_uint_eq(civ_sentence_index(s, n, 7), 0); /* the space between */
    ck_assert_uint_eq(civ_sentence_index(s, n, 8), 1);
    ck_assert_uint_eq(civ_sentence_index(s, n, strlen(t) - 1), 2);
    free(s);
}
END_TEST

Suite *suite_sentence(void)
{
    Suite *s = suite_create("sentence");
    TCase *tc = tcase_create("split");
    tcase_add_loop_test(tc, test_sentence_table, 0, sizeof cases / sizeof *cases);
    tcase_add_test(tc, test_sentence_index);
    suite_add_tcase(s, tc);
    return s;
}
