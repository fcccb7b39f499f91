/* test_ruleids.c - how a setting's id covers a rule (PACK.*, a bare
 * PACK) and the "did you mean" for an unknown id, over the shipped rule
 * list. */
#include <string.h>

#include "policy/policy.h"
#include "policy/ruleids.h"
#include "helpers.h"

typedef struct {
    const char *id, *rule;
    bool covers;
} cover_case;

static const cover_case covers[] = {
    {"spelling", "spelling", true},      {"house", "house.kyiv", true},
    {"house.*", "house.kyiv", true},     {"house.kyiv", "house.kyiv", true},
    {"hous", "house.kyiv", false},       {"house", "houses.kyiv", false},
    {"house.*", "houses.kyiv", false},   {"spelling", "spelling-judge", false},
    {"house.kyiv", "house.kyivx", false}, {"house", "house", true},
};

START_TEST(test_covers)
{
    const cover_case *c = &covers[_i];
    ck_assert_msg(civ_rule_id_covers(c->id, c->rule) == c->covers, "'%s' covers '%s'", c->id, c->rule);
}
END_TEST

typedef struct {
    const char *id, *want; /* want NULL: nothing near */
} near_case;

static const near_case nears[] = {
    {"quotes", "house.quotes"},      {"house.quots", "house.quotes"}, {"speling", "spelling"},
    {"Spelling", "spelling"},        {"hous", "house"},               {"empty-sectoin", "empty-section"},
    {"author_line", "author-line"},  {"zzzzzzzz", NULL},              {"x", NULL},
    {"house.*x", "house.*"},
};

START_TEST(test_nearest)
{
    const near_case *c = &nears[_i];
    char buf[128];
    const char *got = civ_rule_id_nearest(test_rules(), c->id, buf);
    if (!c->want)
        ck_assert_msg(!got, "'%s': got '%s'", c->id, got ? got : "");
    else
        ck_assert_msg(got && strcmp(got, c->want) == 0, "'%s': got '%s', want '%s'", c->id, got ? got : "(null)",
                      c->want);
}
END_TEST

/* A bare pack name is a known id, and the policy applies it to the pack. */
START_TEST(test_pack_name_policy)
{
    ck_assert(civ_rule_id_known(test_rules(), "house"));
    ck_assert(!civ_rule_id_known(test_rules(), "hous"));
    civ_policy p;
    civ_policy_init(&p);
    civ_policy_add(&p, "house", CIV_LEVEL_OFF);
    ck_assert(civ_policy_is_off(&p, "house.kyiv"));
    ck_assert(!civ_policy_is_off(&p, "spelling"));
    civ_policy_release(&p);
}
END_TEST

Suite *suite_ruleids(void)
{
    Suite *s = suite_create("ruleids");
    TCase *tc = tcase_create("ruleids");
    tcase_add_loop_test(tc, test_covers, 0, sizeof covers / sizeof *covers);
    tcase_add_loop_test(tc, test_nearest, 0, sizeof nears / sizeof *nears);
    tcase_add_test(tc, test_pack_name_policy);
    suite_add_tcase(s, tc);
    return s;
}
