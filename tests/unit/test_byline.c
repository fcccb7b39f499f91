/* test_byline.c - the author line's fix-it splits name and role right.
 *
 * A table of invented bylines as authors type them (one to four-word
 * names, particles von/de/van der/al-/el-/bin/dos, hyphenated and
 * apostrophised names, multi-word roles), linted with the en_US + house
 * speller as a run has it. Each case gives the line after the fix-it is
 * applied, or NO_FIX when the split is unsure (only the note), or OK when
 * the line is a good byline already. A fixed line must then be accepted:
 * linting it gives no author-line finding. The old bug: "Tamar Kiknadze
 * Senior Fellow, ..." became "Tamar Kiknadze Senior – Fellow, ..." (the
 * name's end taken from the first role word of `byline-words`). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "pipeline/lint.h"
#include "policy/policy.h"
#include "helpers.h"

#define NO_FIX "(no fix)"
#define OK "(ok)"

typedef struct {
    const char *line, *want;
} byline_case;

static const byline_case cases[] = {
    {"Tamar Kiknadze Senior Fellow, Civic IDEA", "Tamar Kiknadze \xE2\x80\x93 Senior Fellow, Civic IDEA"},
    {"Nino Beridze Author of the Blog, Researcher, Civic IDEA",
     "Nino Beridze \xE2\x80\x93 Author of the Blog, Researcher, Civic IDEA"},
    {"Nino Beridze, Senior Fellow, Civic IDEA", "Nino Beridze \xE2\x80\x93 Senior Fellow, Civic IDEA"},
    {"Nino Beridze: Senior Fellow, Civic IDEA", "Nino Beridze \xE2\x80\x93 Senior Fellow, Civic IDEA"},
    {"Levan Gogua Non-resident Fellow, Caucasus Policy Institute",
     "Levan Gogua \xE2\x80\x93 Non-resident Fellow, Caucasus Policy Institute"},
    {"Chen Jiahui Non-Resident Senior Fellow, Pacific Forum",
     "Chen Jiahui \xE2\x80\x93 Non-Resident Senior Fellow, Pacific Forum"},
    {"Mariam Tsiklauri Visiting Research Fellow, Baltic Studies Centre",
     "Mariam Tsiklauri \xE2\x80\x93 Visiting Research Fellow, Baltic Studies Centre"},
    {"Giorgi Abashidze Junior Analyst, Black Sea Monitor", "Giorgi Abashidze \xE2\x80\x93 Junior Analyst, Black Sea Monitor"},
    {"Ahmad al-Rashidi Senior Fellow, Gulf Policy Forum", "Ahmad al-Rashidi \xE2\x80\x93 Senior Fellow, Gulf Policy Forum"},
    {"Nour el-Din Haddadi Executive Director, Levant Policy Centre",
     "Nour el-Din Haddadi \xE2\x80\x93 Executive Director, Levant Policy Centre"},
    {"Ibrahim bin Khalidi Senior Analyst, Gulf Desk", "Ibrahim bin Khalidi \xE2\x80\x93 Senior Analyst, Gulf Desk"},
    {"Katrin von Hasseldorf Associate Director, Eurasia Desk",
     "Katrin von Hasseldorf \xE2\x80\x93 Associate Director, Eurasia Desk"},
    {"Pieter van der Wielen Head of Research, Delta Institute",
     "Pieter van der Wielen \xE2\x80\x93 Head of Research, Delta Institute"},
    {"Ana de Souzinha Research Associate, Atlantic Observatory",
     "Ana de Souzinha \xE2\x80\x93 Research Associate, Atlantic Observatory"},
    {"Sofia dos Santareno Postdoctoral Researcher, Lusophone Africa Programme",
     "Sofia dos Santareno \xE2\x80\x93 Postdoctoral Researcher, Lusophone Africa Programme"},
    {"Jean-Luc Moreaux Deputy Editor, Alpine Review", "Jean-Luc Moreaux \xE2\x80\x93 Deputy Editor, Alpine Review"},
    {"Hans-Peter M\xC3\xBCllerson Managing Editor, Alpine Review",
     "Hans-Peter M\xC3\xBCllerson \xE2\x80\x93 Managing Editor, Alpine Review"},
    {"Salome Zurabishvili-Kapanadze Programme Director, Open Caucasus",
     "Salome Zurabishvili-Kapanadze \xE2\x80\x93 Programme Director, Open Caucasus"},
    {"Maria Jos\xC3\xA9 Garc\xC3\xAD" "a Lop\xC3\xA9" "zar Senior Researcher, Iberian Policy Lab",
     "Maria Jos\xC3\xA9 Garc\xC3\xAD" "a Lop\xC3\xA9" "zar \xE2\x80\x93 Senior Researcher, Iberian Policy Lab"},
    {"Liam O'Connell Senior Correspondent, Celtic News", "Liam O'Connell \xE2\x80\x93 Senior Correspondent, Celtic News"},
    {"Marta d'Almeidas Visiting Scholar, Coimbra Institute",
     "Marta d'Almeidas \xE2\x80\x93 Visiting Scholar, Coimbra Institute"},
    {"Oksana Kovalenko Editor-in-Chief, Dnipro Weekly", "Oksana Kovalenko \xE2\x80\x93 Editor-in-Chief, Dnipro Weekly"},
    {"Dmitri Volkovsky Lead Analyst, Northern Data Project",
     "Dmitri Volkovsky \xE2\x80\x93 Lead Analyst, Northern Data Project"},
    {"Aigerim Nurlanovna Professor of Economics, Steppe State University",
     "Aigerim Nurlanovna \xE2\x80\x93 Professor of Economics, Steppe State University"},
    {"Farrukh Ismoilov Country Director, Central Asia Office",
     "Farrukh Ismoilov \xE2\x80\x93 Country Director, Central Asia Office"},
    {"Ay\xC5\x9F" "e Y\xC4\xB1lmazer Assistant Professor, Bosphorus University",
     "Ay\xC5\x9F" "e Y\xC4\xB1lmazer \xE2\x80\x93 Assistant Professor, Bosphorus University"},
    {"Rustam Aliyevich Research Fellow, Caspian Studies", "Rustam Aliyevich \xE2\x80\x93 Research Fellow, Caspian Studies"},
    {"Giorgi Lomidze Senior Fellow and Head of the Energy Programme, Civic IDEA",
     "Giorgi Lomidze \xE2\x80\x93 Senior Fellow and Head of the Energy Programme, Civic IDEA"},
    {"Lela Chkhaidze Chief Economist, Kura Bank", "Lela Chkhaidze \xE2\x80\x93 Chief Economist, Kura Bank"},
    {"Nino Beridze Fellow, Civic IDEA", "Nino Beridze \xE2\x80\x93 Fellow, Civic IDEA"},
    /* the old fix-it's output: role words before the dash */
    {"Tamar Kiknadze Senior \xE2\x80\x93 Fellow, Civic IDEA", "Tamar Kiknadze \xE2\x80\x93 Senior Fellow, Civic IDEA"},
    {"Levan Gogua Non-resident Senior \xE2\x80\x94 Fellow, Caucasus Policy Institute",
     "Levan Gogua \xE2\x80\x93 Non-resident Senior Fellow, Caucasus Policy Institute"},
    {"Anna Senior \xE2\x80\x93 Fellow, Policy Lab", OK}, /* one name word: a two-word name, as written */
    /* unsure: no fix-it, only the note */
    {"Anna Head Senior Fellow, Policy Lab", NO_FIX},           /* one word before the first role word */
    {"Madonna Senior Fellow, Policy Lab", NO_FIX},             /* a one-word name */
    {"Elena Popescu Communications Director, Danube Forum", NO_FIX}, /* the role may start at a common word */
    {"Nino Rose Analyst, Policy Lab", NO_FIX},                 /* a surname that is a common word */
    {"Nino Beridze, Tbilisi Office, Civic IDEA", NO_FIX},      /* no role after "Name," */
    {"Written by Nino Beridze, Senior Fellow", NO_FIX},        /* not a name before the role */
    /* closing sentences that start like a name and hold a role word */
    {"The Lab Research Fellowship is made possible by the support of our members and readers.", NO_FIX},
    {"Maple Grove Research Fellows met every week to read drafts and to argue about the sources they used", NO_FIX},
    /* already right */
    {"Nino Beridze \xE2\x80\x93 Senior Fellow, Civic IDEA", OK},
    {"Pieter van der Wielen \xE2\x80\x94 Head of Research, Delta Institute", OK},
    {"Ahmad al-Rashidi - Senior Fellow, Gulf Policy Forum", OK},
    {"Marta d'Almeidas \xE2\x80\x93 Visiting Scholar, Coimbra Institute", OK},
};

/* The author-line findings of "Text.\n\n<line>\n", linted with the speller. */
static civ_source *lint_byline(const char *line, civ_diags *d)
{
    char *text = NULL;
    size_t n = 0;
    FILE *fp = open_memstream(&text, &n);
    fprintf(fp, "Text.\n\n%s\n", line);
    fclose(fp);
    civ_linter l;
    civ_linter_init(&l, test_rules());
    civ_policy pol;
    civ_policy_init(&pol);
    civ_linter_only(&l, &pol, "author-line");
    l.ctx.speller = test_speller();
    char *err = NULL;
    civ_source *src = civ_source_from_memory("t.md", text, n, &err);
    ck_assert_ptr_nonnull(src);
    civ_diags_init(d);
    civ_lint(&l, src, d);
    civ_policy_release(&pol);
    free(text);
    return src;
}

START_TEST(test_byline_table)
{
    const byline_case *c = &cases[_i];
    civ_diags d;
    civ_source *src = lint_byline(c->line, &d);
    if (strcmp(c->want, OK) == 0) {
        ck_assert_msg(d.n == 0, "'%s': %s", c->line, d.n ? d.items[0].message : "");
        goto done;
    }
    ck_assert_msg(d.n == 1, "'%s': %zu findings", c->line, d.n);
    if (strcmp(c->want, NO_FIX) == 0) {
        if (d.items[0].nfixes) {
            const civ_fix *f = &d.items[0].fixes[0];
            ck_abort_msg("'%s': unexpected fix-it '%s' at byte %zu", c->line, f->replacement, f->start - 7);
        }
        ck_assert_uint_ge(d.items[0].nnotes, 1); /* the note still says the form */
        goto done;
    }
    ck_assert_msg(d.items[0].nfixes == 1, "'%s': no fix-it", c->line);
    const civ_fix *f = &d.items[0].fixes[0];
    char fixed[512];
    snprintf(fixed, sizeof fixed, "%.*s%s%.*s", (int)(f->start - 7), src->data + 7, f->replacement,
             (int)(src->len - 1 - f->end), src->data + f->end);
    ck_assert_msg(strcmp(fixed, c->want) == 0, "'%s': fixed to '%s', want '%s'", c->line, fixed, c->want);
    /* and the fixed line is a byline civlint accepts */
    civ_diags d2;
    civ_source *src2 = lint_byline(fixed, &d2);
    ck_assert_msg(d2.n == 0, "'%s' is still reported: %s", fixed, d2.n ? d2.items[0].message : "");
    civ_diags_release(&d2);
    civ_source_free(src2);
done:
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

Suite *suite_byline(void)
{
    Suite *s = suite_create("byline");
    TCase *tc = tcase_create("byline");
    tcase_add_unchecked_fixture(tc, test_speller_fixture, NULL);
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_byline_table, 0, sizeof cases / sizeof *cases);
    suite_add_tcase(s, tc);
    return s;
}
