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
    {"source two sentences later", "Exports rose 38%. Imports fell. The ministry reported it.", "38%"},
    {"figure with entity", "Trade reached &#36;13.5 billion.", "&#36;13.5 billion"},
    {"figure across emphasis", "Trade reached **$13.5 billion** last year.", "$13.5 billion"},
    {"entity decoding to non-UTF-8", "(&#xFFFE;&#xFFFF;) rose 38% in a year.", "38%"},
    {"figure after abbreviation", "The U.S. Congress approved $386 million.", "$386 million"},
    /* spans: the whole amount, and the counted noun, not an adjective */
    {"span: $1.2B", "The deal was worth $1.2B in cash.", "$1.2B"},
    {"span: $5M", "The startup raised $5M in May.", "$5M"},
    {"span: euro bn glued", "The grid needs \xE2\x82\xAC" "3bn more.", "\xE2\x82\xAC" "3bn"},
    {"span: pound tn", "Debt passed \xC2\xA3" "2.5tn last year.", "\xC2\xA3" "2.5tn"},
    {"span: decimal million", "Some 1.2 million people moved.", "1.2 million"},
    {"span: per cent", "Rents rose 12 per cent in a year.", "12 per cent"},
    {"span: adjective then noun", "There were 31,000 positive matches in May.", "31,000 positive matches"},
    {"span: adjective alone", "Tests came back 31,000 positive.", "31,000"},
    {"span: adjective then stop word", "Of the 2,400 eligible, half voted.", "2,400"},
    {"span: count with adjective", "The clinic hired 500 medical staff.", "500 medical staff"},
    {"span: not 'due'", "Some 12,000,000 due to errors were lost.", "12,000,000"},
    {"span: participle adjective", "They funded 1,000 funded projects.", "1,000 funded projects"},
    {"span: plain adjective", "Volunteers took 138 new photos.", "138 new photos"},
    {"span: participle as a verb", "Around 1,000 failed the test.", "1,000"},
    {"not: count used as a verb's subject", "Around 1000 failed the test.", ""},
    {"span: not a preposition", "The fund raised $595 through donations and 1,200 through sales.", "$595 | 1,200"},
    {"span: not an adverb", "The post pays USD 90,000 annually.", "USD 90,000"},
    /* tables: one finding per unsourced table */
    {"table: one finding per table", "Intro.\n\n| Region | 2021 | 2022 |\n|---|---|---|\n"
     "| North | 43% | 45% |\n| South | 12% | 14% |", "43%"},
    {"table: two tables, two findings", "Intro.\n\n| A | B |\n|---|---|\n| x | 43% |\n\nMore.\n\n"
     "| A | B |\n|---|---|\n| y | 12% |", "43% | 12%"},
    {"sourced: table by header", "Intro.\n\n| Region | Share (source: Geostat) |\n|---|---|\n| North | 43% |", ""},
    {"sourced: table by footnote in a cell", "Intro.\n\n| Region | Share |\n|---|---|\n| North | 43%[^1] |\n"
     "| South | 12% |\n\n[^1]: Geostat.", ""},
    {"sourced: table by a link below", "Intro.\n\n| Region | Share |\n|---|---|\n| North | 43% |\n\n"
     "[Geostat](https://x.org), 2023.", ""},
    {"sourced: table by first-hand paragraph", "We measured these shares in 2023.\n\n"
     "| Region | Share |\n|---|---|\n| North | 43% |", ""},
    {"not sourced: table, plain line below", "Intro.\n\n| Region | Share |\n|---|---|\n| North | 43% |\n\n"
     "Shares are rounded.", "43%"},
    /* attribution: reporting and estimating verbs, figure references */
    {"sourced: estimates that", "The agency estimates that 40% of homes lack broadband.", ""},
    {"sourced: estimated by", "Losses are estimated by the insurer at $5 billion.", ""},
    {"not sourced: an estimated", "An estimated 2.3 million people lack access.", "2.3 million"},
    {"not sourced: is estimated", "Exports are estimated to reach $5 billion.", "$5 billion"},
    {"sourced: project that", "Economists project that debt will reach 90% of output.", ""},
    {"sourced: projected", "The fund projected growth of 4.5% for the year.", ""},
    {"sourced: concluded", "The review concluded that 62% of cases were closed.", ""},
    {"sourced: showed that", "The audit showed that 30% of funds were lost.", ""},
    {"sourced: found", "Researchers found 31,000 positive matches.", ""},
    {"not sourced: found in", "Lead was found in 30% of homes.", "30%"},
    {"sourced: in their survey", "In their survey, 62% of nurses wanted change.", ""},
    {"sourced: surveyed", "The team surveyed 1,200 households.", ""},
    {"sourced: interviewed", "Officials interviewed 300 farmers.", ""},
    {"sourced: (Source: ...)", "Exports rose 38% (Source: Geostat).", ""},
    {"sourced: as shown in Figure 2", "Exports rose 38%, as shown in Figure 2.", ""},
    {"sourced: see Table 1", "Exports rose 38% (see Table 1).", ""},
    {"sourced: explained", "The minister explained that 40% of the budget went to defence.", ""},
    {"sourced: respondents", "Of the respondents, 62% agreed.", ""},
    {"sourced: HTML anchor", "The firm was sold for <a href=\"https://x.org\">$50 million</a> in May.", ""},
    /* first-hand: the author is the source (figures.self-attribution: allow) */
    {"first-hand: we found", "We found 31,000 positive matches.", ""},
    {"first-hand: our", "Our programme cost $450,000.", ""},
    {"first-hand: we estimate", "We estimate 2.4% growth next year.", ""},
    {"first-hand: this analysis", "In this analysis, 40% of posts had links.", ""},
    {"not first-hand: US", "The US spent $386 million on it.", "$386 million"},
    {"first-hand: paragraph", "Our goal was 80% of submissions. The pilot reached 95%.", ""},
    {"not first-hand: next paragraph", "Our goal was clear.\n\nThe pilot reached 95%.", "95%"},
    /* a post whose title says it reports its own results */
    {"first-hand: survey results title", "---\ntitle: 2020 survey results\n---\n\nSome 65% use it weekly.", ""},
    {"first-hand: benchmark heading", "# Benchmarking the parser\n\nIt ran 40% faster.", ""},
    {"first-hand: title covers tables", "---\ntitle: Results of the census\n---\n\nIntro.\n\n"
     "| Region | Share |\n|---|---|\n| North | 43% |", ""},
    {"not first-hand: other title", "---\ntitle: Why rents rose\n---\n\nSome 65% pay more.", "65%"},
    {"not first-hand: second-level heading", "# Rents\n\n## Survey results\n\nSome 65% pay more.", "65%"},
    {"first-hand: output of the code above", "```sql\nSELECT COUNT(*) FROM tests\n```\n\nThe output is 21,553,152.", ""},
    {"not first-hand: code two blocks up", "```sql\nSELECT 1\n```\n\nIt ran.\n\nThe output is 21,553,152.", "21,553,152"},
    /* lists: sourced by the sentence leading into them */
    {"sourced: list lead-in", "The survey found:\n\n- 54% asked online\n- 34% asked a friend", ""},
    {"sourced: list lead-in heading", "### What we counted:\n\n- 302 pull requests\n- 824 commits", ""},
    {"not sourced: list lead-in, earlier sentence", "The survey was long. Here are the prices:\n\n"
     "- Plan A: $13 a month", "$13"},
    {"list: one finding per list", "- 54% asked online\n- 34% asked a friend", "54%"},
    {"list: two lists, two findings", "- 54% asked online\n\nThen:\n\n1. 34% asked a friend", "54% | 34%"},
    {"list: a sourced item does not source the rest", "- 54% asked online.[^1]\n- 34% asked a friend\n\n"
     "[^1]: Poll.", "34%"},
    /* captions are one unit */
    {"sourced: caption paragraph", "Figure 1: label counts. Only 27% of labels are above the mean.", ""},
    {"sourced: caption next to its image", "![Chart](c.png) Figure 2: shares. Only 27% are above the mean.", ""},
    {"not sourced: image without a caption label", "![Chart](c.png) Shares grew. Only 27% are above the mean.", "27%"},
    {"span: currency range with separators", "The post pays \xC2\xA3" "31,866 to \xC2\xA3" "40,322 a year.",
     "\xC2\xA3" "31,866 to \xC2\xA3" "40,322"},
    {"span: year does not start a range", "Use rose from 44% in 2018 to 54% now.", "44% | 54%"},
    {"sourced: respondent", "Of the respondent pool, 30% used one service.", ""},
    /* not figures: worked examples and hypotheticals */
    {"not: consider", "Consider a couple earning $425,000 a year.", ""},
    {"figure: consider that", "Consider that 86% of sites fail the test.", "86%"},
    {"not: for example", "For example, a grant of $5,000 covers travel.", ""},
    {"not: suppose", "Suppose 30% of users leave.", ""},
    {"not: imagine", "Imagine 1,000 visitors a day.", ""},
    {"not: e.g.", "Set a budget (e.g. $5,000 for travel) first.", ""},
    {"not: let's say", "Let's say 1% of officers lose their key.", ""},
    {"not: let's (worked example)", "Let's create a table of 2,000 people.", ""},
    {"not: if", "If 40% of voters stay home, the vote fails.", ""},
    {"figure: example ends at the full stop", "For example, rents rose. Wages fell 12%.", "12%"},
    /* not figures: labels */
    {"not: tax bracket", "Income in the 32% bracket is taxed twice.", ""},
    {"not: 50%+1", "A 50%+1 vote passes a motion.", ""},
    {"not: Section 508", "Section 508 covers federal sites.", ""},
    {"not: 100% as an absolute", "No app is 100% secure.", ""},
    {"figure: 100% increase", "Prices saw a 100% increase.", "100%"},
    {"not: 311 service", "Residents call the 311 service.", ""},
    {"not: form number", "Dealers keep Form 4473 records.", ""},
    {"figure: number without its label", "Dealers keep 4473 records.", "4473 records"},
    {"not: standard number", "The list follows ISO 3166 codes.", ""},
    {"figure: after a currency code", "They paid USD 500 fees.", "USD 500"},
    /* not figures: specifications */
    {"not: milliseconds", "Responses arrive within 500 ms.", ""},
    {"not: lines", "Keep files under 200 lines.", ""},
    {"not: pixels", "Images are 1,024 px wide.", ""},
    {"not: megabytes", "The cap is 250 MB per test.", ""},
    {"not: dimensions", "Multiply two 1000 x 5000 matrices.", ""},
    {"not: rows", "The file has 1,085 rows.", ""},
    {"figure: requests", "The office handled 500 requests a day.", "500 requests"},
    {"not: cores with a model name", "The cluster has 8,192 RISCV64 cores.", ""},
    {"not: nodes", "It runs on a 280 node cluster.", ""},
    {"not: rate with a slash", "The rate rose from 3000 uploads/min to 7000 uploads/min.", ""},
    {"not: rate per day", "The queue takes 1,200 jobs/day at peak.", ""},
    {"figure: cores of a lower-case word", "The firm sold 8,192 laptop cores.", "8,192 laptop"},
    {"figure: people per day, no slash", "The clinic saw 300 patients per day.", "300 patients"},
    /* not figures: settings */
    {"not: set to", "Set the sample rate to 5%.", ""},
    {"not: list of settings", "Turn the flag up to 1%, 2%, 5%.", ""},
    {"not: zoom to", "Zoom the page to 200%.", ""},
    {"not: % zoom", "Check the text at 200% zoom.", ""},
    {"not: default of", "The default confidence level of 95% needs six flows.", ""},
    {"figure: up to", "Rates went up to 5% in May.", "5%"},
    /* not figures: the terms of an offer */
    {"not: cash prize", "Each winner takes home a $5,000 cash prize.", ""},
    {"not: in prizes", "The contest offers $9,000 in prizes, $4,000 to the winner.", ""},
    {"not: pro rata", "- Salary: \xC2\xA3" "28,000 to \xC2\xA3" "31,000 (pro rata)", ""},
    {"not: FTE", "Support is offered at 40% FTE for a year.", ""},
    {"not: funding available", "- Funding available: USD 12,500", ""},
    {"not: stipend", "The fellowship pays a stipend of $2,000.", ""},
    {"figure: no offer word", "The team spent $5,000 on travel.", "$5,000"},
    {"figure: offer clause ends", "Prize money rose. Wages fell 12%.", "12%"},
    {"figure: prize inside a word", "The surprise cost them $400.", "$400"},
    /* not figures: statute and quotations */
    {"not: statute", "The permit shall cost $300 per year.", ""},
    {"figure: not statute", "The permit costs $300 per year.", "$300"},
    {"not: quoted statute", "The law reads:\n\n> The fine shall not exceed $5,000.", ""},
    {"sourced: quote introduced by a colon", "She put it this way:\n\n> Half the town, 4,000 people, left.", ""},
    {"not sourced: quote after a plain paragraph", "The town emptied.\n\n> Half the town, 4,000 people, left.", "4,000 people"},
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
    {"sourced: Source: in the next sentence", "Exports rose 38%. Source: Geostat.", ""},
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

/* Cases that need settings: the scope, self-attribution, own names. */
typedef struct {
    const char *name;
    int scope;
    bool report_self;
    const char *own; /* one own name, or NULL */
    const char *md;
    const char *want;
} fig_ctx_case;

static const fig_ctx_case ctx_cases[] = {
    {"sentence: source before", CIV_FIGURES_SENTENCE, false, NULL,
     "The ministry reported growth. Exports rose 38%.", "38%"},
    {"adjacent: source before, new subject", CIV_FIGURES_ADJACENT, false, NULL,
     "The ministry reported growth. Exports rose 38%.", "38%"},
    {"paragraph: source before", CIV_FIGURES_PARAGRAPH, false, NULL,
     "The ministry reported growth. Exports rose 38%.", ""},
    {"sentence: continuation", CIV_FIGURES_SENTENCE, false, NULL,
     "The ministry reported growth. This was 38% more than before.", "38%"},
    {"adjacent: continuation", CIV_FIGURES_ADJACENT, false, NULL,
     "The ministry reported growth. This was 38% more than before.", ""},
    {"sentence: source after", CIV_FIGURES_SENTENCE, false, NULL,
     "Exports rose 38%. The ministry reported it.", "38%"},
    {"adjacent: source after", CIV_FIGURES_ADJACENT, false, NULL,
     "Exports rose 38%. The ministry reported it.", ""},
    {"adjacent: footnote one sentence later", CIV_FIGURES_ADJACENT, false, NULL,
     "Exports rose 38%. That was the peak.[^1]\n\n[^1]: Geostat.", ""},
    {"adjacent: two sentences away", CIV_FIGURES_ADJACENT, false, NULL,
     "Exports rose 38%. Imports fell. The ministry reported it.", "38%"},
    {"paragraph: two sentences away", CIV_FIGURES_PARAGRAPH, false, NULL,
     "Exports rose 38%. Imports fell. The ministry reported it.", ""},
    {"paragraph: not across paragraphs", CIV_FIGURES_PARAGRAPH, false, NULL,
     "The ministry reported growth.\n\nExports rose 38%.", "38%"},
    {"self report: we found", CIV_FIGURES_ADJACENT, true, NULL,
     "We found 31,000 positive matches.", "31,000 positive matches"},
    {"self report: our", CIV_FIGURES_ADJACENT, true, NULL, "Our programme cost $450,000.", "$450,000"},
    {"self report: output of the code above", CIV_FIGURES_ADJACENT, true, NULL,
     "```sql\nSELECT COUNT(*) FROM tests\n```\n\nThe output is 21,553,152.", "21,553,152"},
    {"self report: third party still sources", CIV_FIGURES_ADJACENT, true, NULL,
     "The ministry reported 38% growth.", ""},
    {"self report: table", CIV_FIGURES_ADJACENT, true, NULL,
     "We measured these shares.\n\n| Region | Share |\n|---|---|\n| North | 43% |", "43%"},
    {"self report: survey results title", CIV_FIGURES_ADJACENT, true, NULL,
     "---\ntitle: 2020 survey results\n---\n\nSome 65% use it weekly.", "65%"},
    {"own name", CIV_FIGURES_ADJACENT, false, "Acme Lab", "Acme Lab counts 4,000 members.", ""},
    {"own name reported", CIV_FIGURES_ADJACENT, true, "Acme Lab", "Acme Lab counts 4,000 members.",
     "4,000 members"},
    {"no own name", CIV_FIGURES_ADJACENT, false, NULL, "Acme Lab counts 4,000 members.", "4,000 members"},
    {"own name is a whole word", CIV_FIGURES_ADJACENT, false, "Acme", "Acmeware counts 4,000 members.",
     "4,000 members"},
};

/* Lints md with settings; returns the figures found joined by " | ". */
static char *lint_figures(const char *md, int scope, bool report_self, const char *own, size_t *n,
                          civ_diags *keep)
{
    civ_linter l;
    civ_linter_init(&l, test_rules());
    civ_policy only; /* every other check off */
    civ_policy_init(&only);
    civ_linter_only(&l, &only, "unsourced-figure");
    l.ctx.figure_scope = scope;
    l.ctx.figure_self_report = report_self;
    const char *names[1] = {own};
    l.ctx.figure_own_names = own ? names : NULL;
    l.ctx.nfigure_own_names = own ? 1 : 0;
    char *err = NULL;
    civ_source *src = civ_source_from_memory("t.md", md, strlen(md), &err);
    civ_diags d;
    civ_diags_init(&d);
    civ_lint(&l, src, &d);
    civ_buf b;
    civ_buf_init(&b);
    civ_buf_puts(&b, "");
    for (size_t i = 0; i < d.n; i++) {
        if (i)
            civ_buf_puts(&b, " | ");
        civ_buf_add(&b, src->data + d.items[i].start, d.items[i].end - d.items[i].start);
    }
    *n = d.n;
    if (keep)
        *keep = d;
    else
        civ_diags_release(&d);
    civ_source_free(src);
    civ_policy_release(&only);
    return b.data ? b.data : xstrdup("");
}

START_TEST(test_figure_ctx_table)
{
    const fig_ctx_case *c = &ctx_cases[_i];
    size_t n;
    char *got = lint_figures(c->md, c->scope, c->report_self, c->own, &n, NULL);
    ck_assert_msg(strcmp(got, c->want) == 0, "%s:\n  got  [%s]\n  want [%s]", c->name, got, c->want);
    free(got);
}
END_TEST

/* An unsourced table is one finding, and its note counts the figures. */
START_TEST(test_figure_table_note)
{
    size_t n;
    civ_diags d;
    char *got = lint_figures("Intro.\n\n| Region | 2021 | 2022 |\n|---|---|---|\n"
                             "| North | 43% | 45% |\n| South | 12% | 14% |",
                             CIV_FIGURES_ADJACENT, false, NULL, &n, &d);
    ck_assert_str_eq(got, "43%");
    ck_assert_str_eq(d.items[0].message, "figure '43%' has no source in its table");
    ck_assert_uint_eq(d.items[0].nnotes, 1);
    ck_assert_msg(strstr(d.items[0].notes[0], "the table has 4 unsourced figures") != NULL, "%s",
                  d.items[0].notes[0]);
    civ_diags_release(&d);
    free(got);
}
END_TEST

/* The message quotes the figure; the note says how to source it. */
START_TEST(test_figure_message)
{
    civ_diags d;
    civ_source *src = test_lint("Trade reached $13.5 billion last year.", "unsourced-figure", &d);
    ck_assert_uint_eq(d.n, 1);
    ck_assert_str_eq(d.items[0].message, "figure '$13.5 billion' has no source in or next to its sentence");
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
    tcase_add_loop_test(tc, test_figure_ctx_table, 0, sizeof ctx_cases / sizeof *ctx_cases);
    tcase_add_test(tc, test_figure_table_note);
    tcase_add_test(tc, test_figure_paragraph_scope);
    tcase_add_test(tc, test_figure_sample_posts);
    suite_add_tcase(s, tc);
    return s;
}
