/* test_rulepack.c - rule packs: every shipped rule against its own `bad`
 * and `good` examples, the loader's errors (file:line:col, a caret under a
 * bad regex), the kinds' details (consistency majority and tie-break,
 * capitalised replacements), and a catastrophic pattern that must give up
 * with a run problem while the other rules still report. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "rules/rulepack.h"

/* Settings after "only rule-packs" for count_rule (--disable and -W as a
 * test gives them). */
static civ_policy g_settings;

/* Lints text with only the rule-packs check and counts findings of `rule`. */
static size_t count_rule(const civ_rules *rules, const char *text, const char *rule,
                         civ_diags *keep)
{
    civ_linter l;
    civ_linter_init(&l, rules);
    civ_policy only;
    civ_policy_init(&only);
    civ_linter_only(&l, &only, "rule-packs");
    civ_policy_append(&only, &g_settings);
    char *err = NULL;
    civ_source *src = civ_source_from_memory("t.md", text, strlen(text), &err);
    ck_assert_ptr_nonnull(src);
    civ_diags d;
    civ_diags_init(&d);
    civ_lint(&l, src, &d);
    size_t c = 0;
    for (size_t i = 0; i < d.n; i++)
        c += strcmp(d.items[i].rule, rule) == 0;
    if (keep)
        *keep = d;
    else
        civ_diags_release(&d);
    civ_source_free(src);
    civ_policy_release(&only);
    return c;
}

START_TEST(test_house_has_30_rules)
{
    const civ_rulelist *l = civ_rules_list(test_rules());
    size_t house = 0;
    for (size_t i = 0; i < l->n; i++)
        house += strncmp(l->items[i].id, "house.", 6) == 0;
    ck_assert_uint_ge(house, 30);
}
END_TEST

/* Each shipped rule: its `bad` example is flagged, its `good` one is not. */
START_TEST(test_shipped_rule_examples)
{
    const civ_rulelist *l = civ_rules_list(test_rules());
    ck_assert_uint_gt(l->n, 0);
    for (size_t i = 0; i < l->n; i++) {
        const civ_rule *r = &l->items[i];
        ck_assert_msg(r->bad && r->good, "rule '%s' has no bad/good example", r->id);
        ck_assert_msg(count_rule(test_rules(), r->bad, r->id, NULL) > 0,
                      "rule '%s' does not flag its bad example: %s", r->id, r->bad);
        ck_assert_msg(count_rule(test_rules(), r->good, r->id, NULL) == 0,
                      "rule '%s' flags its good example: %s", r->id, r->good);
    }
}
END_TEST

/* The sample posts follow the house style: no pack rule fires on any of
 * them (the planted problems are of other kinds). */
START_TEST(test_house_clean_on_posts)
{
    static const char *const posts[] = {
        "posts/armenia-azerbaijan-normalization.md", "posts/black-sea-security.md",
        "posts/election-disinformation.md", "posts/energy-transit-caucasus.md",
        "posts/georgia-china-ports.md", "posts/kazakhstan-multi-vector.md",
        "posts/middle-corridor-trade.md", "posts/nato-south-caucasus.md",
        "posts/sanctions-circumvention.md", "posts/uzbekistan-reforms.md",
    };
    for (size_t p = 0; p < sizeof posts / sizeof *posts; p++) {
        char *err = NULL;
        civ_source *src = civ_source_read(posts[p], NULL, CIV_SOURCE_MAX_DEFAULT, &err);
        ck_assert_msg(src != NULL, "%s", err ? err : "");
        civ_diags d;
        count_rule(test_rules(), src->data, "-", &d);
        for (size_t i = 0; i < d.n; i++)
            ck_assert_msg(0, "%s: [%s] %s", posts[p], d.items[i].rule, d.items[i].message);
        ck_assert_uint_eq(d.nproblems, 0);
        civ_diags_release(&d);
        civ_source_free(src);
    }
}
END_TEST

typedef struct {
    const char *name;
    const char *yaml;
    const char *want; /* substring of the error after "DIR/p.yml:" */
} err_case;

#define R1 "pack: t\nrules:\n  - id: a\n    kind: existence\n    message: 'm %s'\n"

static const err_case errs[] = {
    {"unknown key", R1 "    patern: 'x'\n", "6:5: error: unknown key 'patern' in a rule"},
    {"bad id", "pack: t\nrules:\n  - id: Bad_Id\n    kind: existence\n    message: m\n    pattern: x\n",
     "3:9: error: rule id 'Bad_Id' must be lower-case letters, digits and '-'"},
    {"missing id", "pack: t\nrules:\n  - kind: existence\n    message: m\n    pattern: x\n", "3:5: error: rule has no 'id'"},
    {"bad severity", R1 "    pattern: x\n    severity: fatal\n", "7:15: error: unknown severity 'fatal'"},
    {"missing message", "pack: t\nrules:\n  - id: a\n    kind: existence\n    pattern: x\n", "rule 't.a' has no 'message'"},
    {"missing kind", "pack: t\nrules:\n  - id: a\n    message: m\n    pattern: x\n", "3:5: error: rule 't.a' has no 'kind'"},
    {"unknown kind", "pack: t\nrules:\n  - id: a\n    kind: exists\n    message: m\n", "4:11: error: unknown kind 'exists'"},
    {"key of another kind", R1 "    pattern: x\n    forms: [a, b]\n", "7:5: error: key 'forms' does not apply to a rule of kind 'existence'"},
    {"pattern and words", R1 "    pattern: x\n    words: [y]\n", "needs exactly one of 'pattern' or 'words'"},
    {"neither pattern nor words", R1, "needs exactly one of 'pattern' or 'words'"},
    {"words not a list", R1 "    words: y\n", "6:12: error: 'words' must be a list of strings"},
    {"bad regex caret", R1 "    pattern: 'ab(c'\n",
     "6:19: error: bad pattern in rule 't.a': missing closing parenthesis\n"
     "    6 |     pattern: 'ab(c'\n"
     "      |                   ^"},
    {"bad template", "pack: t\nrules:\n  - id: a\n    kind: existence\n    message: 'm %d'\n    pattern: x\n",
     "5:14: error: message of rule 't.a' may only use '%s'"},
    {"substitution pattern without replace",
     "pack: t\nrules:\n  - id: a\n    kind: substitution\n    message: m\n    pattern: x\n", "'pattern' needs a 'replace'"},
    {"substitution swap not a map",
     "pack: t\nrules:\n  - id: a\n    kind: substitution\n    message: m\n    swap: [x]\n", "6:11: error: 'swap' must be a mapping"},
    {"consistency one form",
     "pack: t\nrules:\n  - id: a\n    kind: consistency\n    message: m\n    forms: [x]\n", "6:12: error: 'forms' needs at least 2 entries"},
    {"bad regex in a form",
     "pack: t\nrules:\n  - id: a\n    kind: consistency\n    message: m\n    forms: ['x', 'y[']\n", "bad pattern in rule 't.a'"},
    {"bad scope", R1 "    pattern: x\n    scope: body\n", "7:12: error: unknown scope 'body'"},
    {"bad ignore-case", R1 "    pattern: x\n    ignore-case: yes\n", "'ignore-case' must be true or false"},
    {"duplicate id", R1 "    pattern: x\n  - id: a\n    kind: existence\n    message: m\n    pattern: y\n",
     "7:5: error: duplicate rule id 't.a'"},
    {"rules not a list", "pack: t\nrules: {a: b}\n", "2:8: error: 'rules' must be a list of rules"},
    {"rule not a map", "pack: t\nrules:\n  - x\n", "3:5: error: each rule must be a mapping"},
    {"unknown top-level key", "pack: t\nrule:\n  - id: a\n", "2:1: error: unknown key 'rule' in a rule pack"},
    {"bad pack name", "pack: T T\nrules: []\n", "pack name 'T T' must be lower-case"},
    {"message not a string", R1 "    pattern: x\n    link: [a]\n", "7:11: error: 'link' must be a string"},
};

START_TEST(test_pack_errors)
{
    const err_case *c = &errs[_i];
    char dir[64], *err;
    civ_rules *r = test_load_pack(c->yaml, &err, dir, sizeof dir);
    ck_assert_msg(r == NULL, "%s: loaded", c->name);
    ck_assert_ptr_nonnull(err);
    char *prefix = xasprintf("%s/p.yml:", dir);
    ck_assert_msg(strncmp(err, prefix, strlen(prefix)) == 0, "%s: no file prefix: %s", c->name, err);
    ck_assert_msg(strstr(err, c->want) != NULL, "%s:\n  got  %s\n  want %s", c->name, err, c->want);
    free(prefix);
    free(err);
    test_drop_pack(dir);
}
END_TEST

START_TEST(test_pack_ok_and_kinds)
{
    const char *yaml = "pack: t\n"
                       "rules:\n"
                       "  - id: spell\n"
                       "    kind: consistency\n"
                       "    message: \"'%s' vs '%r'\"\n"
                       "    forms: ['Uyghurs?', 'Uighurs?']\n"
                       "  - id: wordy\n"
                       "    kind: substitution\n"
                       "    message: \"'%r' for '%s'\"\n"
                       "    ignore-case: true\n"
                       "    swap: {in order to: to}\n"
                       "    link: https://style.example/wordy\n";
    char dir[64], *err;
    civ_rules *r = test_load_pack(yaml, &err, dir, sizeof dir);
    ck_assert_msg(r != NULL, "%s", err ? err : "");
    civ_diags d;
    /* tie: the form used first wins */
    ck_assert_uint_eq(count_rule(r, "Uighur exiles. Uyghur groups.", "t.spell", &d), 1);
    ck_assert_str_eq(d.items[0].message, "'Uyghur' vs 'Uighur'");
    civ_diags_release(&d);
    /* majority wins, plural is the same form */
    ck_assert_uint_eq(count_rule(r, "Uighur exiles. Uyghurs spoke. Uyghur groups.", "t.spell", &d), 1);
    ck_assert_str_eq(d.items[0].message, "'Uighur' vs 'Uyghurs'");
    ck_assert_uint_eq(d.items[0].nfixes, 1);
    civ_diags_release(&d);
    /* a capitalised match gets a capitalised replacement; the link is a note */
    ck_assert_uint_eq(count_rule(r, "In order to win, they left.", "t.wordy", &d), 1);
    ck_assert_str_eq(d.items[0].message, "'To' for 'In order to'");
    ck_assert_str_eq(d.items[0].fixes[0].replacement, "To");
    ck_assert_str_eq(d.items[0].notes[0], "see https://style.example/wordy");
    civ_diags_release(&d);
    /* not in code or headings when scoped, and never across a code span */
    ck_assert_uint_eq(count_rule(r, "Use `in order to` here.", "t.wordy", NULL), 0);
    /* --disable=t.wordy, then -W t.*=on: the last word wins */
    civ_policy_add(&g_settings, "t.wordy", CIV_LEVEL_OFF);
    ck_assert_uint_eq(count_rule(r, "In order to win.", "t.wordy", NULL), 0);
    civ_policy_add(&g_settings, "t.*", CIV_LEVEL_ON);
    ck_assert_uint_eq(count_rule(r, "In order to win.", "t.wordy", NULL), 1);
    civ_policy_release(&g_settings);
    civ_rule_entry e;
    ck_assert(civ_rules_find(r, "t.wordy", &e) && !civ_rules_find(r, "t.nope", &e));
    civ_rules_free(r);
    test_drop_pack(dir);
}
END_TEST

/* A swap with keys that share prefixes runs as one trie pattern; each
 * match still gets its own key's replacement, the longer key wins where
 * one is a prefix of another, and keys are whole words. */
START_TEST(test_swap_keys_one_pass)
{
    const char *yaml = "pack: t\n"
                       "rules:\n"
                       "  - id: w\n"
                       "    kind: substitution\n"
                       "    message: \"'%r' for '%s'\"\n"
                       "    ignore-case: true\n"
                       "    swap: {in order to: to, in spite of: despite, in the event that: if,\n"
                       "           a number of: several, a number: one, per cent: percent}\n";
    char dir[64], *err;
    civ_rules *r = test_load_pack(yaml, &err, dir, sizeof dir);
    ck_assert_msg(r != NULL, "%s", err ? err : "");
    const civ_rulelist *list = civ_rules_list(r);
    ck_assert_uint_eq(list->n, 1);
    ck_assert(list->items[0].marked);
    ck_assert_uint_eq(list->items[0].npats, 1);
    civ_diags d;
    ck_assert_uint_eq(count_rule(r, "In spite of rain, in the event  that it ends, a number of\n"
                                    "people came in order to vote; 5 per cent did; a number won.",
                                 "t.w", &d), 6);
    static const char *const want[] = {"'Despite' for 'In spite of'",
                                       "'if' for 'in the event  that'",
                                       "'several' for 'a number of'",
                                       "'to' for 'in order to'",
                                       "'percent' for 'per cent'",
                                       "'one' for 'a number'"};
    for (size_t i = 0; i < 6; i++)
        ck_assert_str_eq(d.items[i].message, want[i]);
    civ_diags_release(&d);
    /* "a number" alone, and no match inside a longer word */
    ck_assert_uint_eq(count_rule(r, "Not in spite ofx; a numbers game; a number.", "t.w", &d), 1);
    ck_assert_str_eq(d.items[0].message, "'one' for 'a number'");
    civ_diags_release(&d);
    civ_rules_free(r);
    test_drop_pack(dir);
}
END_TEST

/* A catastrophic pattern on a long line gives up (once, as a run problem)
 * and every other rule still reports. */
START_TEST(test_catastrophic_pattern)
{
    const char *yaml = "pack: t\n"
                       "rules:\n"
                       "  - id: evil\n"
                       "    kind: existence\n"
                       "    message: m\n"
                       "    pattern: '(a+)+$'\n"
                       "  - id: kiev\n"
                       "    kind: existence\n"
                       "    message: \"'%s'\"\n"
                       "    words: [Kiev]\n";
    char dir[64], *err;
    civ_rules *r = test_load_pack(yaml, &err, dir, sizeof dir);
    ck_assert_msg(r != NULL, "%s", err ? err : "");
    civ_buf text;
    civ_buf_init(&text);
    civ_buf_puts(&text, "Kiev first.\n\n");
    for (int i = 0; i < 3; i++) {
        for (int k = 0; k < 5000; k++)
            civ_buf_putc(&text, 'a');
        civ_buf_puts(&text, "b\n\n");
    }
    civ_buf_puts(&text, "Kiev last.\n");
    civ_diags d;
    ck_assert_uint_eq(count_rule(r, text.data, "t.kiev", &d), 2);
    ck_assert_uint_eq(d.nproblems, 1);
    ck_assert_str_eq(d.problems[0].rule, "t.evil");
    ck_assert_str_eq(d.problems[0].reason, "match limit");
    /* it gave up on the first long line (line 3) */
    ck_assert_uint_eq(d.problems[0].off, strlen("Kiev first.\n\n"));
    civ_diags_release(&d);
    civ_buf_release(&text);
    civ_rules_free(r);
    test_drop_pack(dir);
}
END_TEST

/* End to end: the driver prints the problem once on stderr and goes on. */
START_TEST(test_catastrophic_driver)
{
    if (access("./civlint", X_OK) != 0)
        return; /* the unit tests run after the build in `make check` */
    char dir[] = "/tmp/civlint-test-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char *pack = xasprintf("%s/evil.yml", dir), *post = xasprintf("%s/a.md", dir);
    FILE *f = fopen(pack, "w");
    fputs("pack: t\nrules:\n  - id: evil\n    kind: existence\n    message: m\n    pattern: '(a+)+$'\n", f);
    fclose(f);
    f = fopen(post, "w");
    fputs("Intro.\n\n", f);
    for (int k = 0; k < 20000; k++)
        fputc('a', f);
    fputs("b\n\nMissiles hit Kiev.\n", f);
    fclose(f);
    char *cmd = xasprintf("./civlint -q --rules %s %s 2>&1", dir, post);
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    civ_buf out;
    civ_buf_init(&out);
    char buf[512];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0)
        civ_buf_add(&out, buf, n);
    int st = pclose(p);
    char *want = xasprintf("civlint: warning: rule 't.evil' gave up on %s:3 (match limit)\n", post);
    ck_assert_msg(strstr(out.data, want) != NULL, "output:\n%s", out.data);
    ck_assert_ptr_null(strstr(strstr(out.data, want) + strlen(want), "gave up")); /* once */
    ck_assert_msg(strstr(out.data, "[house.kyiv]") != NULL, "run did not go on:\n%s", out.data);
    ck_assert_int_eq(WEXITSTATUS(st), 1);
    free(want);
    civ_buf_release(&out);
    free(cmd);
    unlink(pack);
    unlink(post);
    rmdir(dir);
    free(pack);
    free(post);
}
END_TEST

/* A bad pack is skipped; the packs after it in the folder still load. */
START_TEST(test_bad_file_skipped)
{
    char dir[] = "/tmp/civlint-test-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char *a = xasprintf("%s/a.yml", dir), *b = xasprintf("%s/b.yml", dir);
    FILE *f = fopen(a, "w");
    fputs("pack: a\nrules:\n  - id: x\n    kind: existence\n    message: m\n    pattern: '('\n", f);
    fclose(f);
    f = fopen(b, "w");
    fputs("pack: b\nrules:\n  - id: y\n    kind: existence\n    message: m\n    words: [Kiev]\n", f);
    fclose(f);
    civ_rules *r = civ_rules_new();
    civ_checks_declare(r);
    char *err = NULL;
    ck_assert(!civ_rules_load_dir(r, dir, &err));
    ck_assert_ptr_nonnull(strstr(err, "a.yml:6:"));
    ck_assert_uint_eq(civ_rules_list(r)->n, 1);
    ck_assert_str_eq(civ_rules_list(r)->items[0].id, "b.y");
    ck_assert_uint_eq(count_rule(r, "Kiev.", "b.y", NULL), 1);
    free(err);
    civ_rules_free(r);
    unlink(a);
    unlink(b);
    rmdir(dir);
    free(a);
    free(b);
}
END_TEST

Suite *suite_rulepack(void)
{
    Suite *s = suite_create("rulepack");
    TCase *tc = tcase_create("packs");
    tcase_add_test(tc, test_house_has_30_rules);
    tcase_add_test(tc, test_shipped_rule_examples);
    tcase_add_test(tc, test_house_clean_on_posts);
    tcase_add_loop_test(tc, test_pack_errors, 0, sizeof errs / sizeof *errs);
    tcase_add_test(tc, test_pack_ok_and_kinds);
    tcase_add_test(tc, test_swap_keys_one_pass);
    tcase_add_test(tc, test_catastrophic_pattern);
    tcase_add_test(tc, test_catastrophic_driver);
    tcase_add_test(tc, test_bad_file_skipped);
    suite_add_tcase(s, tc);
    return s;
}
