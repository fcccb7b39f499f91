/* test_figures_own.c - unsourced-figure, held-out cases for the patterns
 * of rules/figures.yml that tell the site's own figures and things that
 * are not statistics from figures an editor would query. Every pattern has
 * a row where it holds ("" = nothing reported) and a row where a sentence
 * close to it must still be reported. All sentences are invented. */
#include "helpers.h"

#include <stdlib.h>

typedef struct {
    const char *name;
    const char *md;
    const char *want; /* the reported spans joined by " | " */
} own_case;

static const own_case cases[] = {
    /* first-hand: the writer's own investigation, feedback, sample, project */
    {"self: upon investigation", "Upon investigation, the fault hit 4.2% of the uploads.", ""},
    {"self: upon closer inspection", "Upon closer inspection, 4.2% of the uploads were empty.", ""},
    {"no investigation", "The fault hit 4.2% of the uploads.", "4.2%"},
    {"self: received feedback",
     "The course received warm feedback. Nearly all students passed (88%).", ""},
    {"self: feedback survey", "In the feedback survey, 88% would come again.", ""},
    {"feedback alone is no source", "Feedback matters. Nearly all students passed (88%).", "88%"},
    {"self: of the items analysed", "Some 62% of the invoices analysed lacked a date.", ""},
    {"self: of the files checked", "Some 62% of the files checked had no header.", ""},
    {"a counted sample is someone's statistic", "Of the 500 people tested, 31% were ill.",
     "500 people | 31%"},
    {"no sample named", "Some 62% of the invoices lacked a date.", "62%"},
    {"self: this workshop", "This workshop drew 140 people.", ""},
    {"someone else's project", "The project has already cost $2 billion.", "$2 billion"},
    {"someone else's programme", "This programme spent $450,000 on advertising.", "$450,000"},
    {"self: this release", "This release closes 140 bugs.", ""},
    {"another organisation", "The agency has trained 2,300 volunteers since launch.",
     "2,300 volunteers"},
    {"the project as a topic", "The project was cancelled. Rents rose 40% anyway.", "40%"},
    {"self: these results", "Seen another way, these results are plain. Eight cores run 141 times "
     "faster.", ""},
    {"results of someone else", "The results are plain. Eight cores run 141 times faster.",
     "141 times"},
    /* a figure described in the text: the rest of its paragraph reads off it */
    {"sourced: Figure N shows",
     "Figure 2 shows the error by speed. Below 100 Mbps it stays under 4%. Above, it climbs to "
     "19%.",
     ""},
    {"sourced: as Table 3 summarises", "As Table 3 summarises, 71% of the runs finished.", ""},
    {"no figure described", "The error by speed is in the appendix. Below 100 Mbps it stays under 4%.",
     "4%"},
    {"figure description ends with its paragraph", "Figure 2 shows the error.\n\nThe error climbs to 19%.",
     "19%"},
    /* continuation: the sentence goes on from a sourced one */
    {"sourced: The dataset ...",
     "[The Ledger](https://example.org) bought a dataset from a broker. The dataset covered 212 "
     "different apps.",
     ""},
    {"sourced: While ...",
     "[The ministry](https://example.org) reported exports. While imports fell 12%, exports rose.", ""},
    {"new subject after a source",
     "[The Ledger](https://example.org) bought a dataset. A rival broker covered 212 different apps.",
     "212 different apps"},
    /* the post's title says whose figures they are */
    {"title: appeal results", "---\ntitle: Spring appeal results\n---\n\nThe appeal raised $4,300.", ""},
    {"title: appeal without results", "---\ntitle: Spring appeal\n---\n\nThe appeal raised $4,300.",
     "$4,300"},
    {"title: hands-on test",
     "---\ntitle: A hands-on test of three password managers\n---\n\nThe slowest took 38% longer.", ""},
    {"title: no test", "---\ntitle: Three password managers\n---\n\nThe slowest took 38% longer.",
     "38%"},
    {"title: webinar recap", "---\ntitle: 'May webinar: open data in schools'\n---\n\nThe archive holds "
     "9,000 maps.", ""},
    {"title: no recap", "---\ntitle: Open data in schools\n---\n\nThe archive holds 9,000 maps.",
     "9,000 maps"},
    {"title: names a report", "---\ntitle: 'Harbour Institute report: rents outpace wages'\n---\n\n"
     "Rents rose 14% in a year.", ""},
    {"title: a report without a name", "---\ntitle: 'Poll: rents outpace wages'\n---\n\nRents rose 14% in a year.",
     "14%"},
    {"title: no report named", "---\ntitle: Rents outpace wages\n---\n\nRents rose 14% in a year.", "14%"},
    {"title: job advert", "---\ntitle: 'Now hiring: a data editor'\n---\n\n- Editing (60%)\n- Training (40%)",
     ""},
    {"title: no job advert", "---\ntitle: A data editor's week\n---\n\n- Editing (60%)\n- Training (40%)",
     "60%"},
    /* a heading ending in a colon goes on from the paragraph before it */
    {"lead-in: paragraph, then heading with colon",
     "Here are the numbers we counted:\n\n#### At the fair:\n\n- 140 stalls\n- 3,000 visitors", ""},
    {"lead-in: heading without colon",
     "Here are the numbers we counted.\n\n#### At the fair\n\n- 140 stalls\n- 3,000 visitors",
     "140 stalls"},
    {"lead-in: unsourced paragraph before the heading",
     "The fair was busy:\n\n#### At the fair:\n\n- 140 stalls\n- 3,000 visitors", "140 stalls"},
    /* the terms of an offer or an award */
    {"offer: fellowship", "The fellowship pays $2,000 a month for a year.", ""},
    {"a grant is a figure", "The library won a $2 million grant for its archive.", "$2 million"},
    {"offer: each fellow", "Each fellow is given $3,500 to spend on travel.", ""},
    {"offer: paid per interview", "Volunteers are recruited by offering $15 for each interview.", ""},
    {"not an offer: a bid", "The firm offered $15 for the rival's shares.", "$15"},
    {"not an offer: rents", "Rents rose by $150 a month.", "$150"},
    /* specifications and descriptions, not statistics */
    {"spec: pages", "The manual has 480 pages and an index.", ""},
    {"page views are counted", "The site logged 480 page views.", "480 page"},
    {"spec: miles away", "She moved 2,400 miles away from her family.", ""},
    {"distance as a figure", "The pipeline runs 2,400 miles across the steppe.", "2,400 miles"},
    {"spec: design lifetime", "The format is meant to last for 100 years.", ""},
    {"age as a figure", "The dam has stood for 120 years.", "120 years"},
    /* the post's own authors, from the front matter */
    {"author: full name", "---\nauthor: Ana Reyes\n---\n\nAna Reyes now has 140 samples.", ""},
    {"author: given name", "---\nauthor: Ana Reyes\n---\n\nAna now has 140 samples.", ""},
    {"author: organisation in parentheses",
     "---\nauthor: Ana Reyes (Harbour Lab)\n---\n\nHarbour Lab holds 9,000 maps.", ""},
    {"author: one of three", "---\nauthor: Tom Hill, Ana Reyes and Li Wei\n---\n\nLi Wei has 140 samples.",
     ""},
    {"author: list", "---\nauthors:\n  - Tom Hill\n  - Ana Reyes\n---\n\nAna has 140 samples.", ""},
    {"not an author", "---\nauthor: Ana Reyes\n---\n\nTom Hill now has 140 samples.", "140 samples"},
    {"author name is a whole word", "---\nauthor: Ana Reyes\n---\n\nAnanya now has 140 samples.",
     "140 samples"},
    {"no short given name", "---\nauthor: Li Wei\n---\n\nLi now has 140 samples.", "140 samples"},
    /* a software project's own counters */
    {"software: downloads and stars", "The package passed 2,000 downloads and 350 stars.", ""},
    {"software: contributors", "The release had 120 contributors.", ""},
    {"not software: visitors", "The festival passed 2,000 visitors.", "2,000 visitors"},
};

START_TEST(test_figure_own_table)
{
    const own_case *c = &cases[_i];
    civ_diags d;
    civ_source *src = test_lint(c->md, "unsourced-figure", &d);
    civ_buf b;
    civ_buf_init(&b);
    civ_buf_puts(&b, "");
    for (size_t i = 0; i < d.n; i++) {
        if (i)
            civ_buf_puts(&b, " | ");
        civ_buf_add(&b, src->data + d.items[i].start, d.items[i].end - d.items[i].start);
    }
    ck_assert_msg(strcmp(b.data, c->want) == 0, "%s:\n  got  [%s]\n  want [%s]", c->name, b.data,
                  c->want);
    civ_buf_release(&b);
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

Suite *suite_figures_own(void)
{
    Suite *s = suite_create("figures_own");
    TCase *tc = tcase_create("unsourced-figure own and not figures");
    tcase_add_loop_test(tc, test_figure_own_table, 0, sizeof cases / sizeof *cases);
    suite_add_tcase(s, tc);
    return s;
}
