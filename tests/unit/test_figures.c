/* test_figures.c - the unsourced-figure check: what is a figure, what is
 * not, and what sources one. Each row is a small post and the figures the
 * check must report, as the exact source text of each span joined by
 * " | " ("" when nothing may be reported). Rows marked "not:" are the
 * exclusions of the issue (years, dates, ordinals, times, list numbers,
 * words, code, links, headings); rows marked "sourced:" carry a source. */
#include "helpers.h"

#include <stdlib.h>

typedef struct {
    const char *name;
    const char *md;
    const char *want;
} fig_case;

static const fig_case cases[] = {
    /* figures, unsourced */
    {"percent decimal", "Trade rose 38.3% last year.", "38.3%"},
    {"percent integer", "Support stood at 62% in the spring.", "62%"},
    {"per cent", "Prices rose 12 per cent in a year.", "12 per cent"},
    {"percent word", "Prices rose 12 percent in a year.", "12 percent"},
    {"percentage points", "Support fell 4 percentage points.", "4 percentage points"},
    {"percent range", "Turnout was 40-45% in the regions.", "40-45%"},
    {"dollar billion", "Trade reached $13.5 billion.", "$13.5 billion"},
    {"dollar million", "The port will cost $386 million.", "$386 million"},
    {"euro bn", "The cable costs \xE2\x82\xAC" "2.1bn in total.", "\xE2\x82\xAC" "2.1bn"},
    {"pound m", "The grant is \xC2\xA3" "40m over five years.", "\xC2\xA3" "40m"},
    {"US dollar prefix", "Remittances reached US$5 billion.", "US$5 billion"},
    {"lari sign", "Fines reach \xE2\x82\xBE" "5,000 per case.", "\xE2\x82\xBE" "5,000"},
    {"currency code", "A permit costs 1,000 GEL a year.", "1,000 GEL"},
    {"currency word", "They paid 300 euros per tonne.", "300 euros"},
    {"million tonnes", "Ports handled 60 million tonnes of cargo.", "60 million"},
    {"decimal million", "Volumes grew to 2.8 million tonnes.", "2.8 million"},
    {"billion cubic meters", "Deliveries reach 20 billion cubic meters a year.", "20 billion"},
    {"thousands separator with noun", "About 7,000 people crossed the border.", "7,000 people"},
    {"thousands separator alone", "The fleet counts 1,100 in all.", "1,100"},
    {"large separator", "More than 100,000 refugees arrived.", "100,000 refugees"},
    {"count with noun", "The company sacked 150 workers.", "150 workers"},
    {"count km", "The pipeline runs 450 km through Georgia.", "450 km"},
    {"five digit count", "Some 25000 soldiers took part.", "25000 soldiers"},
    {"two figures one sentence", "Trade reached $13.5 billion, 38.3% more than before.", "$13.5 billion | 38.3%"},
    {"figure in list item", "- Exports rose 38% in 2023.\n- Imports fell.", "38%"},
    {"figure in table without source", "Intro text.\n\n| Year | Share |\n|---|---|\n| 2021 | 43% |", "43%"},
    {"figure in block quote without attribution", "> Exports rose 38% in a year.", "38%"},
    {"source in previous sentence only", "The ministry reported growth. Exports rose 38%.", "38%"},
    {"source in next sentence only", "Exports rose 38%. The ministry reported it.", "38%"},
    {"figure with entity", "Trade reached &#36;13.5 billion.", "&#36;13.5 billion"},
    {"figure across emphasis", "Trade reached **$13.5 billion** last year.", "$13.5 billion"},
    {"entity decoding to non-UTF-8", "(&#xFFFE;&#xFFFF;) rose 38% in a year.", "38%"},
    {"figure after abbreviation", "The U.S. Congress approved $386 million.", "$386 million"},
    /* not figures */
    {"not: year", "In 2022 the war began.", ""},
    {"not: year with noun", "The 2024 elections were disputed.", ""},
    {"not: month year", "In January 2018 the talks resumed.", ""},
    {"not: day range", "The summit ran 16-20 October.", ""},
    {"not: year range", "The war of 2014\xE2\x80\x93" "2022 changed everything.", ""},
    {"not: ordinal", "The 20th Congress met in Moscow.", ""},
    {"not: large ordinal", "The 100th anniversary passed quietly.", ""},
    {"not: time", "The vote closed at 20:00 local time.", ""},
    {"not: decade", "In the 1990s the conflicts froze.", ""},
    {"not: small count", "Some 12 vessels will be added.", ""},
    {"not: count before stop word", "Of the 300 and more who came, few stayed.", ""},
    {"not: words", "Several hundred thousand users saw it.", ""},
    {"not: written number", "Three hundred soldiers stayed.", ""},
    {"not: code span", "Set `limit = 500 items` in the file.", ""},
    {"not: code block", "```\nprice = $386 million\n```", ""},
    {"not: link text", "See [the 38% survey](https://x.org/s) for details.", ""},
    {"not: heading", "## Trade grew 38% in 2023\n\nIt did.", ""},
    {"not: numbered list markers", "1. Expand surveillance.\n2. Train the coast guard.", ""},
    {"not: resolution number", "Resolution 2334 condemned the settlements.", ""},
    {"not: article number", "Article 370 gave the region autonomy.", ""},
    {"not: COVID-19", "COVID-19 closed the borders.", ""},
    {"not: model number", "The F-16 and A320 fleets grew.", ""},
    {"not: bare decimal", "The index stood at 4.4 in the spring.", ""},
    {"not: footnote definition", "Text.[^1]\n\n[^1]: Report, 2024, 38% of 1,000 firms.", ""},
    {"not: autolink", "Data at https://example.org/2024/500-items today.", ""},
    {"not: image alt", "![Chart of 38% growth](c.png)", ""},
    {"not: date with day", "On 26 October 2024 Georgians voted.", ""},
    {"not: page numbers", "See pages 112 and 113 of the report.", ""},
    /* sourced */
    {"sourced: link", "Trade reached $13.5 billion, according to [Geostat](https://x.org).", ""},
    {"sourced: link without phrase", "Trade reached $13.5 billion ([Geostat](https://x.org)).", ""},
    {"sourced: autolink", "Trade reached $13.5 billion (https://geostat.ge/trade).", ""},
    {"sourced: footnote", "Trade reached $13.5 billion.[^1]\n\n[^1]: Geostat.", ""},
    {"sourced: footnote mid sentence", "Trade reached $13.5 billion[^1] last year.\n\n[^1]: Geostat.", ""},
    {"sourced: according to", "According to Geostat, trade reached $13.5 billion.", ""},
    {"sourced: reported", "Trade reached $13.5 billion, the ministry reported.", ""},
    {"sourced: said", "The minister said trade reached $13.5 billion.", ""},
    {"sourced: data from", "Data from Geostat show 38% growth.", ""},
    {"sourced: survey by", "A survey by CRRC found that 62% agreed.", ""},
    {"sourced: estimates", "World Bank estimates put growth at 5%.", ""},
    {"sourced: Source:", "Exports rose 38%. Source: Geostat.", "38%"},
    {"sourced: Source: same sentence", "Source: Geostat, exports rose 38% in 2023.", ""},
    {"sourced: table by paragraph before", "Data from Geostat.\n\n| Year | Share |\n|---|---|\n| 2021 | 43% |", ""},
    {"sourced: table by link before", "See [Geostat](https://x.org).\n\n| Year | Value |\n|---|---|\n| 2021 | $1.3 billion |", ""},
    {"sourced: table by caption after", "Intro.\n\n| Year | Share |\n|---|---|\n| 2021 | 43% |\n\nSource: [Geostat](https://x.org).", ""},
    {"not sourced: caption without a source", "Intro.\n\n| Year | Share |\n|---|---|\n| 2021 | 43% |\n\nNote: figures are rounded.", "43%"},
    {"sourced: table row link", "Intro.\n\n| Year | Share | Source |\n|---|---|---|\n| 2021 | 43% | [Geostat](https://x.org) |", ""},
    {"sourced: quote with attribution line", "> Exports rose 38% in a year.\n> \xE2\x80\x94 Minister, said in Baku", ""},
    {"sourced: list item with footnote", "- Exports rose 38%.[^1]\n\n[^1]: Geostat.", ""},
    {"sourced: one of two sentences", "Exports rose 38%.[^1] Imports fell 12%.\n\n[^1]: Geostat.", "12%"},
};

START_TEST(test_figure_table)
{
    const fig_case *c = &cases[_i];
    civ_diags d;
    civ_source *src = test_lint(c->md, "unsourced-figure", &d);
    civ_buf b;
    civ_buf_init(&b);
    for (size_t i = 0; i < d.n; i++) {
        ck_assert_str_eq(d.items[i].rule, "unsourced-figure");
        if (i)
            civ_buf_puts(&b, " | ");
        civ_buf_add(&b, src->data + d.items[i].start, d.items[i].end - d.items[i].start);
    }
    ck_assert_msg(strcmp(b.data ? b.data : "", c->want) == 0, "%s:\n  got  [%s]\n  want [%s]",
                  c->name, b.data ? b.data : "", c->want);
    civ_buf_release(&b);
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

/* The message quotes the figure; the note says how to source it. */
START_TEST(test_figure_message)
{
    civ_diags d;
    civ_source *src = test_lint("Trade reached $13.5 billion last year.", "unsourced-figure", &d);
    ck_assert_uint_eq(d.n, 1);
    ck_assert_str_eq(d.items[0].message, "figure '$13.5 billion' has no source in its sentence");
    ck_assert_uint_eq(d.items[0].nnotes, 1);
    ck_assert_ptr_nonnull(strstr(d.items[0].notes[0], "a link, a footnote or an attribution"));
    char span[64];
    span_str(src, d.items[0].start, d.items[0].end, span, sizeof span);
    ck_assert_str_eq(span, "1:15-1:27");
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

/* With the paragraph scope, a source anywhere in the paragraph counts. */
START_TEST(test_figure_paragraph_scope)
{
    const char *md = "The ministry reported growth. Exports rose 38%.";
    civ_linter l;
    civ_linter_init(&l, test_rules());
    civ_policy only; /* every other check off */
    civ_policy_init(&only);
    civ_linter_only(&l, &only, "unsourced-figure");
    char *err = NULL;
    civ_source *src = civ_source_from_memory("t.md", md, strlen(md), &err);
    civ_diags d;
    civ_diags_init(&d);
    civ_lint(&l, src, &d);
    ck_assert_uint_eq(d.n, 1); /* sentence scope (default) */
    civ_diags_release(&d);
    l.ctx.figure_scope = CIV_FIGURES_PARAGRAPH;
    civ_diags_init(&d);
    civ_lint(&l, src, &d);
    ck_assert_uint_eq(d.n, 0);
    civ_diags_release(&d);
    civ_source_free(src);
    civ_policy_release(&only);
}
END_TEST

/* The planted figures of the sample posts, and nothing else. */
START_TEST(test_figure_sample_posts)
{
    static const char *const posts[] = {
        "posts/armenia-azerbaijan-normalization.md", "posts/black-sea-security.md",
        "posts/election-disinformation.md", "posts/energy-transit-caucasus.md",
        "posts/georgia-china-ports.md", "posts/kazakhstan-multi-vector.md",
        "posts/middle-corridor-trade.md", "posts/nato-south-caucasus.md",
        "posts/sanctions-circumvention.md", "posts/uzbekistan-reforms.md",
    };
    civ_linter l;
    civ_linter_init(&l, test_rules());
    civ_policy only; /* every other check off */
    civ_policy_init(&only);
    civ_linter_only(&l, &only, "unsourced-figure");
    civ_buf b;
    civ_buf_init(&b);
    for (size_t p = 0; p < sizeof posts / sizeof *posts; p++) {
        char *err = NULL;
        civ_source *src = civ_source_read(posts[p], NULL, CIV_SOURCE_MAX_DEFAULT, &err);
        ck_assert_msg(src != NULL, "%s", err ? err : "");
        civ_diags d;
        civ_diags_init(&d);
        civ_lint(&l, src, &d);
        for (size_t i = 0; i < d.n; i++) {
            size_t line, col;
            civ_source_position(src, d.items[i].start, &line, &col);
            civ_buf_printf(&b, "%s:%zu:%.*s\n", posts[p] + 6, line,
                           (int)(d.items[i].end - d.items[i].start), src->data + d.items[i].start);
        }
        civ_diags_release(&d);
        civ_source_free(src);
    }
    ck_assert_str_eq(b.data, "sanctions-circumvention.md:26:$13.5 billion\n"
                             "sanctions-circumvention.md:26:38.3%\n");
    civ_buf_release(&b);
    civ_policy_release(&only);
}
END_TEST

Suite *suite_figures(void)
{
    Suite *s = suite_create("figures");
    TCase *tc = tcase_create("unsourced-figure");
    tcase_add_loop_test(tc, test_figure_table, 0, sizeof cases / sizeof *cases);
    tcase_add_test(tc, test_figure_message);
    tcase_add_test(tc, test_figure_paragraph_scope);
    tcase_add_test(tc, test_figure_sample_posts);
    suite_add_tcase(s, tc);
    return s;
}
