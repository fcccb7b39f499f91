/* test_words.c - the word tokenizer (src/words.c). Each row: a piece of
 * prose text and its tokens, written `word` for a word to check, `#word`
 * for a word with digits or '_', `<token>` for a URL, address or path,
 * `~word` for a unit or ordinal suffix attached to a number, `%markup%`
 * for template tag syntax (the closing quote of a prose value is in no
 * token),
 * joined by '|'. The invisible detail that matters is in the row's name. */
#include "helpers.h"

#include <stdio.h>

#include "text/words.h"

typedef struct {
    const char *name;
    const char *text;
    const char *tokens;
} word_case;

/* A link's text: the row's text is given to the tokenizer without the
 * markers, and with a CIV_INL_LINK inline over the text between them. */
#define LINK(t) "\x01" t "\x02"

static const word_case cases[] = {
    {"plain words", "Hello brave world", "Hello|brave|world"},
    {"sentence punctuation", "Yes, no; maybe: fine. Done!", "Yes|no|maybe|fine|Done"},
    {"straight apostrophe inside", "don't stop", "don't|stop"},
    {"curly apostrophe inside", "don\xE2\x80\x99t stop", "don\xE2\x80\x99t|stop"},
    {"possessive straight", "the EU's plan", "the|EU's|plan"},
    {"possessive curly", "Jinping\xE2\x80\x99s plan", "Jinping\xE2\x80\x99s|plan"},
    {"trailing curly apostrophe", "parents\xE2\x80\x99 groups", "parents|groups"},
    {"trailing straight apostrophe", "the Joneses' house", "the|Joneses|house"},
    {"help with closing quote", "help\xE2\x80\x99 now", "help|now"},
    {"single curly quotes", "\xE2\x80\x98quoted\xE2\x80\x99 word", "quoted|word"},
    {"double curly quotes", "\xE2\x80\x9CQuoted text\xE2\x80\x9D here", "Quoted|text|here"},
    {"straight double quotes", "\"quoted\" here", "quoted|here"},
    {"guillemets", "\xC2\xABmot\xC2\xBB ici", "mot|ici"},
    {"modifier apostrophe", "Xi\xCA\xBC" "an city", "Xi\xCA\xBC" "an|city"},
    {"hyphenated", "well-known state-of-the-art", "well-known|state-of-the-art"},
    {"unicode hyphen", "well\xE2\x80\x90known", "well\xE2\x80\x90known"},
    {"leading and trailing hyphens", "-prefix suffix- --both--", "prefix|suffix|both"},
    {"double hyphen splits", "word--word", "word|word"},
    {"em dash splits", "war\xE2\x80\x94" "and peace", "war|and|peace"},
    {"en dash splits", "Tbilisi\xE2\x80\x93" "Batumi", "Tbilisi|Batumi"},
    {"slash splits prose", "and/or Kyrgyz/Chinese", "and|or|Kyrgyz|Chinese"},
    {"digits", "5G and G20 and 1990s", "#5G|and|#G20|and|#1990s"},
    {"digits with hyphen", "COVID-19 and mid-2020s", "#COVID-19|and|#mid-2020s"},
    {"numbers alone", "in 2023, 13.5 billion", "in|#2023|#13|#5|billion"},
    {"underscore", "snake_case word", "#snake_case|word"},
    {"acronyms are words here", "NATO and BRI", "NATO|and|BRI"},
    {"https URL", "see https://example.org/a-b now", "see|<https://example.org/a-b>|now"},
    {"URL in parentheses", "(https://x.org/y).", "<https://x.org/y>"},
    /* an emoji or icon shortcode (GitHub, MkDocs Material) is markup */
    {"shortcode", "[:zorb-icon: Go :smile: now", "<:zorb-icon>|Go|<:smile>|now"},
    {"... not a colon in prose", "Note: this:that and 12:30: yes", "Note|this|that|and|#12|#30|yes"},
    {"... not with a capital or a space", ":Zorb: and :zorb icon:", "Zorb|and|zorb|icon"},
    {"www URL", "go www.example.com today", "go|<www.example.com>|today"},
    {"mailto", "mailto:press@x.org", "<mailto:press@x.org>"},
    {"e-mail", "write press@civic.ge now", "write|<press@civic.ge>|now"},
    {"handle", "follow @civicidea please", "follow|<@civicidea>|please"},
    {"absolute path", "in /usr/share/hunspell today", "in|</usr/share/hunspell>|today"},
    {"relative path", "edit ./docs/x.md now", "edit|<./docs/x.md>|now"},
    {"home path", "see ~/notes", "see|<~/notes>"},
    {"dir/file", "open src/words.c", "open|<src/words.c>"},
    {"two slashes", "a/b/c", "<a/b/c>"},
    {"windows path", "C:\\Users\\x", "<C:\\Users\\x>"},
    {"domain", "visit civic.ge today", "visit|<civic.ge>|today"},
    {"file name", "README.md and config.yml", "<README.md>|and|<config.yml>"},
    {"one-letter extension", "edit main.c now", "edit|<main.c>|now"},
    {"abbreviation i.e. and Ph.D.", "i.e. a Ph.D. thesis", "i|e|a|Ph|D|thesis"},
    {"leading underscore is markup", "_under_ word", "under|word"},
    {"dot file", "the .civlint.yml file", "the|<.civlint.yml>|file"},
    {"abbreviation e.g.", "e.g. this", "e|g|this"},
    {"abbreviation U.S.", "the U.S. said", "the|U|S|said"},
    {"missing space before capital", "end.The next", "end|The|next"},
    {"placeholder splits", "word\xEF\xBF\xBCnext", "word|next"},
    {"placeholder between", "use \xEF\xBF\xBC then", "use|then"},
    {"Cyrillic word", "\xD0\xA2\xD0\xB1\xD0\xB8\xD0\xBB\xD0\xB8\xD1\x81\xD0\xB8 city",
     "\xD0\xA2\xD0\xB1\xD0\xB8\xD0\xBB\xD0\xB8\xD1\x81\xD0\xB8|city"},
    {"Georgian word", "\xE1\x83\x97\xE1\x83\x91\xE1\x83\x98 x", "\xE1\x83\x97\xE1\x83\x91\xE1\x83\x98|x"},
    {"accented Latin", "na\xC3\xAFve r\xC3\xA9sum\xC3\xA9", "na\xC3\xAFve|r\xC3\xA9sum\xC3\xA9"},
    {"combining mark continues", "cafe\xCC\x81 ok", "cafe\xCC\x81|ok"},
    {"no-break space separates", "one\xC2\xA0two", "one|two"},
    {"narrow no-break space", "one\xE2\x80\xAFtwo", "one|two"},
    {"symbols are not letters", "\xE2\x82\xAC" "5 \xC2\xA9 x\xC2\xB2", "#5|x"},
    {"ampersand splits", "AT&T and R&D", "AT|T|and|R|D"},
    {"markdown leftovers", "*emph* _under_ `tick`", "emph|under|tick"},
    {"empty", "", ""},
    {"only spaces", "   \t ", ""},
    {"brackets", "[citation needed]", "citation|needed"},
    {"question and exclamation", "Why?! Because.", "Why|Because"},
    {"ellipsis", "wait\xE2\x80\xA6" " what", "wait|what"},
    {"unit after a number and a space", "at 25 Mbps now", "at|#25|~Mbps|now"},
    {"unit after a decimal", "from 1.6 Gbps", "from|#1|#6|~Gbps"},
    {"unit after a no-break space", "12\xC2\xA0msec", "#12|~msec"},
    {"unit glued to a number is digits", "10km and 10x", "#10km|and|#10x"},
    {"multiplier after a currency and a number is digits", "$2bn and \xE2\x82\xAC" "5m", "#2bn|and|#5m"},
    {"unit after a range", "2-3 Mbps", "#2-3|~Mbps"},
    {"multiplier glued to a currency sign", "\xC2\xA3" "bn and $bn", "~bn|and|~bn"},
    {"unit before a per-unit", "in Mbit/s today", "in|~Mbit|s|today"},
    {"per-unit after a number", "at 3.2 km/h", "at|#3|#2|~km|h"},
    {"plural abbreviations", "5 mins or 3 hrs", "#5|~mins|or|#3|~hrs"},
    {"unit without a number is a word", "measured in Mbps", "measured|in|Mbps"},
    {"two spaces are too far", "25  Mbps", "#25|Mbps"},
    {"word after a number is a word", "25 Mbpz and 3 kilos", "#25|Mbpz|and|#3|kilos"},
    {"unit after a word is a word", "the GHz band", "the|GHz|band"},
    {"ordinal after markup", "the 18\xEF\xBF\xBCth\xEF\xBF\xBC day", "the|#18|~th|day"},
    {"ordinal after two placeholders", "2\xEF\xBF\xBC\xEF\xBF\xBCnd", "#2|~nd"},
    {"ordinal after markup, no number", "a \xEF\xBF\xBCth\xEF\xBF\xBC", "a|th"},
    {"ordinal after a space is a word", "18 th", "#18|th"},
    {"not an ordinal after markup", "18\xEF\xBF\xBCthe", "#18|the"},
    {"shortcode without values", "{{< figure src=\"photo.png\" width=\"600\" >}}",
     "%{{< figure src=\"photo.png\" width=\"600\" >}}%"},
    {"shortcode with a prose value", "{{< figure src = \"a.png\" alt = \"A photo of the hall\" >}} next",
     "%{{< figure src = \"a.png\" alt = \"%|A|photo|of|the|hall|%>}}%|next"},
    {"typo in a prose value is a word", "{{< img alt=\"the confernce room\" >}}",
     "%{{< img alt=\"%|the|confernce|room|%>}}%"},
    {"two prose values", "{{< f alt=\"one two\" caption=\"three four\" >}}",
     "%{{< f alt=\"%|one|two|%caption=\"%|three|four|%>}}%"},
    {"closing shortcode", "{{< /imgtxt >}}", "%{{< /imgtxt >}}%"},
    {"percent shortcode", "{{% notice tip %}}", "%{{% notice tip %}}%"},
    {"liquid output glued to a path", "see {{ site.baseurl }}/data now", "see|%{{ site.baseurl }}%|</data>|now"},
    {"liquid tag", "{% include figure.html caption=\"Our new logo\" %} done",
     "%{% include figure.html caption=\"%|Our|new|logo|%%}%|done"},
    {"unclosed braces are text", "a {{ b c", "a|b|c"},
    {"one brace is text", "a {b} c", "a|b|c"},
    {"URL in a prose value", "{{< x alt=\"see https://a.org/b now\" >}}",
     "%{{< x alt=\"%|see|<https://a.org/b>|now|%>}}%"},
    {"link glued to the next word", "the " LINK("FAQ") "and more", "the|FAQ|and|more"},
    {"word glued to a link", "go to" LINK("Walk") " now", "go|to|Walk|now"},
    {"link before a plural s", "our " LINK("API") "s today", "our|APIs|today"},
    {"link before one letter", "in " LINK("Rom") "e now", "in|Rome|now"},
    {"link before an inflection", LINK("Walk") "ing it", "Walking|it"},
    {"prefix before a link", "un" LINK("known") " x", "unknown|x"},
    {"link glued to a short word", LINK("FAQ") "on", "FAQ|on"},
    {"letter before a link", "e" LINK("mail") " me", "email|me"},
    {"two links glued", LINK("one") LINK("two"), "one|two"},
    {"hyphen across a link end", LINK("well") "-known", "well|known"},
    {"spaced link", "see " LINK("the docs") " here", "see|the|docs|here"},
    {"URL chunk across a link end stays whole", LINK("x.org/a/b") "now", "<x.org/a/bnow>"},
    {"link in a template tag value", "{{< x alt=\"a " LINK("bee") "cat\" >}}", "%{{< x alt=\"%|a|bee|cat|%>}}%"},
    {"value with only spaces", "{{< x alt=\"  \" >}} y", "%{{< x alt=\"%|%>}}%|y"},
};

/* Each row: a hyphenated word and the parts civ_word_part gives to the
 * spelling check, joined by '|'. */
typedef struct {
    const char *name;
    const char *word;
    const char *parts;
} part_case;

static const part_case part_cases[] = {
    {"plain compound", "state-of-the-art", "state|of|the|art"},
    {"prefix before an acronym", "pre-QXZ", "QXZ"},
    {"capitalised prefix", "Pre-war", "war"},
    {"prefix before a word", "non-existant", "existant"},
    {"prefixes of the brief", "anti-co-re-multi-sub-semi-post-war", "war"},
    {"prefix alone is the last part", "post-pre", "pre"},
    {"prefix in the middle", "state-sub-level", "state|level"},
    {"ALL-CAPS prefix is not one", "PRE-QXZ", "PRE|QXZ"},
    {"mixed-case prefix is not one", "pRe-war", "pRe|war"},
    {"suffix after a word", "lamp-ish", "lamp"},
    {"suffix alone", "ish", "ish"},
    {"a-thon suffix", "code-a-thon", "code|a"},
    {"athon suffix", "Write-athons", "Write"},
    {"suffix first is checked", "ish-thing", "ish|thing"},
    {"unicode hyphen after prefix", "pre\xE2\x80\x90war", "war"},
    {"typo after a prefix still checked", "pre-exisitng", "exisitng"},
};

/* The words of marked (\x01 and \x02 around each link's text) in out,
 * split at the links' edges when links is set; *split is the iterator's
 * link_split at the end. */
static void render_links(const char *marked, char *out, size_t cap, bool use_links, bool *split)
{
    char text[512];
    civ_inline links[8];
    size_t n = 0, nlinks = 0;
    for (const char *p = marked; *p; p++) {
        ck_assert_uint_lt(n, sizeof text - 1);
        if (*p == '\x01') {
            ck_assert_uint_lt(nlinks, 8);
            links[nlinks] = (civ_inline){.kind = CIV_INL_LINK, .t0 = n};
        } else if (*p == '\x02') {
            links[nlinks++].t1 = n;
        } else {
            text[n++] = *p;
        }
    }
    text[n] = '\0';
    civ_words it;
    civ_word w;
    civ_words_init(&it, text, n);
    if (use_links)
        civ_words_break_at_links(&it, links, nlinks);
    out[0] = '\0';
    size_t o = 0;
    bool first = true;
    while (civ_words_next(&it, &w)) {
        const char *pre = w.kind == CIV_WORD_DIGITS     ? "#"
                          : w.kind == CIV_WORD_URL      ? "<"
                          : w.kind == CIV_WORD_ATTACHED ? "~"
                          : w.kind == CIV_WORD_MARKUP   ? "%"
                                                        : "";
        const char *post = w.kind == CIV_WORD_URL ? ">" : w.kind == CIV_WORD_MARKUP ? "%" : "";
        o += (size_t)snprintf(out + o, cap - o, "%s%s%.*s%s", first ? "" : "|", pre, (int)(w.t1 - w.t0),
                              text + w.t0, post);
        first = false;
        ck_assert_uint_lt(o, cap);
    }
    *split = it.link_split;
}

static void render(const char *marked, char *out, size_t cap)
{
    bool split;
    render_links(marked, out, cap, true, &split);
}

/* Unless link_split says a word ended at a link's edge, the words are
 * those of the text without its links: the spelling check reads a block
 * once for civ_spelling_foreign (no links) and check_text (links). */
START_TEST(test_link_split_table)
{
    const word_case *c = &cases[_i];
    char with[1024], without[1024];
    bool split, unused;
    render_links(c->text, with, sizeof with, true, &split);
    render_links(c->text, without, sizeof without, false, &unused);
    ck_assert(!unused);
    if (!split)
        ck_assert_msg(strcmp(with, without) == 0, "%s: '%s' and '%s' without links", c->name, with, without);
}
END_TEST

START_TEST(test_link_split_flag)
{
    char out[256];
    bool split;
    render_links("see the \x01" "FAQ\x02" "and more", out, sizeof out, true, &split);
    ck_assert_str_eq(out, "see|the|FAQ|and|more");
    ck_assert(split);
    render_links("see the \x01" "FAQ\x02 and more", out, sizeof out, true, &split);
    ck_assert(!split);
    render_links("un\x01" "known\x02 words", out, sizeof out, true, &split);
    ck_assert_str_eq(out, "unknown|words");
}
END_TEST

START_TEST(test_word_table)
{
    const word_case *c = &cases[_i];
    char got[1024];
    render(c->text, got, sizeof got);
    ck_assert_msg(strcmp(got, c->tokens) == 0, "%s: '%s' gave '%s', expected '%s'", c->name, c->text, got,
                  c->tokens);
}
END_TEST

START_TEST(test_part_table)
{
    const part_case *c = &part_cases[_i];
    char got[256];
    size_t o = 0, pos = 0, p0, p1, n = strlen(c->word);
    got[0] = '\0';
    while (civ_word_part(c->word, n, &pos, &p0, &p1)) {
        o += (size_t)snprintf(got + o, sizeof got - o, "%s%.*s", o ? "|" : "", (int)(p1 - p0), c->word + p0);
        ck_assert_uint_lt(o, sizeof got);
    }
    ck_assert_msg(strcmp(got, c->parts) == 0, "%s: '%s' gave '%s', expected '%s'", c->name, c->word, got,
                  c->parts);
}
END_TEST

/* Each row: a word and the stem civ_word_possessive gives ("" for none). */
typedef struct {
    const char *name;
    const char *word;
    const char *stem;
} stem_case;

static const stem_case stem_cases[] = {
    {"possessive", "EU's", "EU"},
    {"possessive curly", "Zorbluk\xE2\x80\x99s", "Zorbluk"},
    {"possessive modifier apostrophe", "Kyiv\xCA\xBCs", "Kyiv"},
    {"capital S after a capital", "EU'S", "EU"},
    {"capital S after a small letter", "Paul'S", ""},
    {"no apostrophe", "class", ""},
    {"apostrophe alone", "'s", ""},
    {"contraction 'll", "there'll", "there"},
    {"contraction curly 'll", "there\xE2\x80\x99ll", "there"},
    {"contraction 'd after an acronym", "OK\xE2\x80\x99" "d", "OK"},
    {"contraction 're", "they're", "they"},
    {"contraction curly 're", "they\xE2\x80\x99re", "they"},
    {"contraction 've", "Zorbluk've", "Zorbluk"},
    {"capital contraction", "THEY'RE", "THEY"},
    {"n't is no suffix", "isn't", ""},
    {"name with an apostrophe", "O'Reilly", ""},
    {"apostrophe inside a name", "Hawai'i", ""},
    {"French elision is no suffix", "l'extension", ""},
    {"longer tail is no suffix", "rock'n'roll", ""},
};

START_TEST(test_stem_table)
{
    const stem_case *c = &stem_cases[_i];
    size_t k = civ_word_possessive(c->word, strlen(c->word));
    ck_assert_msg(k == strlen(c->stem) && memcmp(c->word, c->stem, k) == 0, "%s: '%s' gave stem '%.*s', expected '%s'",
                  c->name, c->word, (int)k, c->word, c->stem);
}
END_TEST

START_TEST(test_word_flags)
{
    civ_words it;
    civ_word w;
    const char *t = "NATO Kyrgyz-Chinese don\xE2\x80\x99t \xD0\xA2" "B\xD0\x95";
    civ_words_init(&it, t, strlen(t));
    ck_assert(civ_words_next(&it, &w));
    ck_assert_uint_eq(w.flags, CIV_WORD_LATIN | CIV_WORD_UPPER);
    ck_assert_uint_eq(w.nletters, 4);
    ck_assert(civ_words_next(&it, &w));
    ck_assert_uint_eq(w.flags, CIV_WORD_LATIN | CIV_WORD_HYPHEN);
    ck_assert(civ_words_next(&it, &w));
    ck_assert_uint_eq(w.flags, CIV_WORD_LATIN | CIV_WORD_APOS);
    ck_assert_uint_eq(w.nletters, 4);
    ck_assert(civ_words_next(&it, &w));
    ck_assert_uint_eq(w.flags & (CIV_WORD_LATIN | CIV_WORD_NONLATIN), CIV_WORD_LATIN | CIV_WORD_NONLATIN);
    ck_assert(!civ_words_next(&it, &w));
}
END_TEST

START_TEST(test_word_helpers)
{
    char out[64];
    ck_assert_uint_eq(civ_word_normalize("don\xE2\x80\x99t", 7, out), 5);
    ck_assert_str_eq(out, "don't");
    ck_assert_uint_eq(civ_word_normalize("Xi\xCA\xBC" "an", 6, out), 5);
    ck_assert_str_eq(out, "Xi'an");
    const char *w = "state-of\xE2\x80\x90the";
    size_t pos = 0, p0, p1, n = strlen(w);
    ck_assert(civ_word_part(w, n, &pos, &p0, &p1));
    ck_assert_uint_eq(p0, 0);
    ck_assert_uint_eq(p1, 5);
    ck_assert(civ_word_part(w, n, &pos, &p0, &p1));
    ck_assert_uint_eq(p0, 6);
    ck_assert_uint_eq(p1, 8);
    ck_assert(civ_word_part(w, n, &pos, &p0, &p1));
    ck_assert_uint_eq(p0, 11);
    ck_assert_uint_eq(p1, n);
    ck_assert(!civ_word_part(w, n, &pos, &p0, &p1));
}
END_TEST

Suite *suite_words(void)
{
    Suite *s = suite_create("words");
    TCase *tc = tcase_create("tokenizer");
    tcase_add_loop_test(tc, test_word_table, 0, sizeof cases / sizeof *cases);
    tcase_add_loop_test(tc, test_link_split_table, 0, sizeof cases / sizeof *cases);
    tcase_add_test(tc, test_link_split_flag);
    tcase_add_loop_test(tc, test_part_table, 0, sizeof part_cases / sizeof *part_cases);
    tcase_add_loop_test(tc, test_stem_table, 0, sizeof stem_cases / sizeof *stem_cases);
    tcase_add_test(tc, test_word_flags);
    tcase_add_test(tc, test_word_helpers);
    suite_add_tcase(s, tc);
    return s;
}
