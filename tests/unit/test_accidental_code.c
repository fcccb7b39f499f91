/* test_accidental_code.c - `accidental-code-block`: prose in an indented
 * code block is reported with a dedenting fix; real code, program output
 * and fenced blocks never are. */
#include <stdio.h>

#include "helpers.h"

typedef struct {
    const char *name;
    const char *md;
    const char *span;        /* first finding "L:C-L:C"; NULL: no finding */
    const char *replacement; /* its fix; NULL: no fix expected */
} acb_case;

#define PROSE "    The ministry said on Tuesday that the new rail link would open in the\n" \
              "    spring, although officials in Baku were less certain about the timing.\n"

static const acb_case positives[] = {
    {"pasted e-mail paragraph", "Intro.\n\n" PROSE, "3:5-3:73",
     "The ministry said on Tuesday that the new rail link would open in the\n"
     "spring, although officials in Baku were less certain about the timing."},
    {"one long line", "Intro.\n\n    Georgia and Azerbaijan signed the transit agreement in Baku on Friday.\n",
     "3:5-3:74", "Georgia and Azerbaijan signed the transit agreement in Baku on Friday."},
    {"tab indented", "Intro.\n\n\tThe talks in Astana ended without a statement, and the delegations left early.\n",
     "3:2-3:79", "The talks in Astana ended without a statement, and the delegations left early."},
    {"deeper indent keeps the rest", "Intro.\n\n      The corridor is the shortest route that avoids Russia, for now.\n",
     "3:7-3:69", "  The corridor is the shortest route that avoids Russia, for now."},
    {"CRLF kept", "Intro.\r\n\r\n    The port of Poti is small and the\r\n    harbour is shallow for large ships.\r\n",
     "3:5-3:37", "The port of Poti is small and the\r\nharbour is shallow for large ships."},
    {"figures and quotes are prose", "Intro.\n\n    Trade reached $13.5 billion, up 38.3% on the year, the “record” of the decade.\n",
     "3:5-3:82", "Trade reached $13.5 billion, up 38.3% on the year, the “record” of the decade."},
    {"two paragraphs in one block", "Intro.\n\n    The first paragraph is about the ports of the region.\n\n    The second one is about the railways and the ferries.\n",
     "3:5-3:57", "The first paragraph is about the ports of the region.\n\nThe second one is about the railways and the ferries."},
    {"no full stop but long", "Intro.\n\n    the reform of the customs code and the new rules for transit were the main topics of the talks\n",
     "3:5-3:98", "the reform of the customs code and the new rules for transit were the main topics of the talks"},
    {"trailing spaces not in span", "Intro.\n\n    The meeting in Tbilisi was postponed to the next week.   \n",
     "3:5-3:58", "The meeting in Tbilisi was postponed to the next week.   "},
    /* In containers the finding stands but no fix is offered. */
    {"in a block quote", "> Intro.\n>\n>     This is a pasted sentence from an e-mail that should be a paragraph.\n",
     "3:7-3:74", NULL},
    {"in a list item", "- Intro.\n\n        This is a pasted sentence from an e-mail that should be a paragraph.\n",
     "3:9-3:76", NULL},
};

static const acb_case negatives[] = {
    {"C", "x\n\n    int main(void) {\n        return 0;\n    }\n", NULL, NULL},
    {"C declaration", "x\n\n    static const char *name;\n", NULL, NULL},
    {"C comment and prose", "x\n\n    /* The parser reads the whole file at once and then the model is built. */\n", NULL, NULL},
    {"Python", "x\n\n    def parse(text):\n        return text.split()\n", NULL, NULL},
    {"Python import", "x\n\n    import sys\n    print(sys.argv)\n", NULL, NULL},
    {"Python REPL", "x\n\n    >>> len(posts)\n    10\n", NULL, NULL},
    {"shell prompt", "x\n\n    $ make check\n    $ ./civlint posts/\n", NULL, NULL},
    {"shell flags", "x\n\n    Run civlint --format json on the posts of this week and read the output.\n", NULL, NULL},
    {"shell path", "x\n\n    cp the draft to /srv/www/posts/ and then publish it.\n", NULL, NULL},
    {"shell comment", "x\n\n    # Install the packages that the build needs on the machine of the editor.\n", NULL, NULL},
    {"JSON", "x\n\n    {\"rule\": \"spelling\", \"line\": 3}\n", NULL, NULL},
    {"JSON array", "x\n\n    [\"the\", \"and\", \"of\"]\n", NULL, NULL},
    {"YAML", "x\n\n    title: The Middle Corridor\n    date: 2026-03-14\n", NULL, NULL},
    {"YAML with a sentence", "x\n\n    summary: The corridor is the shortest route and the talks are in the spring.\n", NULL, NULL},
    {"YAML list", "x\n\n    authors:\n      - Nino Beridze\n      - Luka Mgeladze\n", NULL, NULL},
    {"SQL", "x\n\n    SELECT name FROM posts WHERE year > 2020\n", NULL, NULL},
    {"SQL lowercase with semicolon", "x\n\n    select the name from the posts of the week where the year is the last one;\n", NULL, NULL},
    {"diff", "x\n\n    --- a/post.md\n    +++ b/post.md\n    @@ -1,3 +1,3 @@\n    -old line\n    +new line\n", NULL, NULL},
    {"diff without headers", "x\n\n    -The old sentence of the post was here.\n    +The new sentence of the post is here.\n", NULL, NULL},
    {"log line with time", "x\n\n    2026-03-14 10:22:01 The server started and is waiting for the requests of the day.\n", NULL, NULL},
    {"log level", "x\n\n    [INFO] the build of the site finished in the usual time.\n", NULL, NULL},
    {"log level bare", "x\n\n    ERROR the connection to the database of the site was lost.\n", NULL, NULL},
    {"IP address", "x\n\n    The server at 10.0.0.12 is the one that holds the archive of the posts.\n", NULL, NULL},
    {"HTML", "x\n\n    <div class=\"note\">The text of the note is here.</div>\n", NULL, NULL},
    {"HTML tag in prose", "x\n\n    <p>The text of the note is here, and it is in the box of the page.\n", NULL, NULL},
    {"assignment", "x\n\n    The total of the year = the sum of the months of the year, as the rule says.\n", NULL, NULL},
    {"function call", "x\n\n    call print(the value) at the end of the loop and in the middle.\n", NULL, NULL},
    {"snake_case", "x\n\n    set max_items to the size of the list of the posts here.\n", NULL, NULL},
    {"camelCase", "x\n\n    the function getValue returns the value of the field in the form.\n", NULL, NULL},
    {"Windows path", "x\n\n    Open C:\\Users\\posts and copy the file to the folder of the site.\n", NULL, NULL},
    {"file name", "x\n\n    Edit posts/trade.md and add the source of the figure to the text.\n", NULL, NULL},
    {"HTTP headers", "x\n\n    content-type: text/html\n    accept: the usual\n", NULL, NULL},
    {"too short", "x\n\n    Tests passed and the build is green\n", NULL, NULL},
    {"all capitals", "x\n\n    THE BUILD OF THE SITE HAS FAILED AND THE POSTS ARE NOT ONLINE.\n", NULL, NULL},
    {"numbers table", "x\n\n    2024   13.5   38.3\n    2025   14.1   4.4\n", NULL, NULL},
    {"word list without function words", "x\n\n    Tbilisi Batumi Poti Kutaisi Rustavi Gori Zugdidi Telavi.\n", NULL, NULL},
    {"fenced prose", "x\n\n```\nThe ministry said on Tuesday that the new rail link would open in the spring.\n```\n", NULL, NULL},
    {"fenced prose with info", "x\n\n```text\nThe ministry said on Tuesday that the new rail link would open in the spring.\n```\n", NULL, NULL},
    {"tilde fence", "x\n\n~~~\nThe ministry said on Tuesday that the new rail link would open in the spring.\n~~~\n", NULL, NULL},
    {"Go", "x\n\n    func main() {\n    \tfmt.Println(\"the end\")\n    }\n", NULL, NULL},
    {"Makefile", "x\n\n    all: civlint\n    \t$(CC) -o civlint main.c\n", NULL, NULL},
    {"e-mail reply quoting", "x\n\n    > The minister said that the talks would resume in the spring.\n", NULL, NULL},
};

static void run_case(const acb_case *c)
{
    civ_diags d;
    civ_source *src = test_lint(c->md, "accidental-code-block", &d);
    if (!c->span) {
        ck_assert_msg(d.n == 0, "%s: %zu findings, expected none (first: %s)", c->name, d.n,
                      d.n ? d.items[0].message : "");
    } else {
        ck_assert_msg(d.n == 1, "%s: %zu findings, expected 1", c->name, d.n);
        char got[64];
        span_str(src, d.items[0].start, d.items[0].end, got, sizeof got);
        ck_assert_msg(strcmp(got, c->span) == 0, "%s: span %s, expected %s", c->name, got, c->span);
        ck_assert_str_eq(d.items[0].rule, "accidental-code-block");
        if (c->replacement) {
            ck_assert_msg(d.items[0].nfixes == 1, "%s: %zu fixes", c->name, d.items[0].nfixes);
            const civ_fix *f = &d.items[0].fixes[0];
            ck_assert_msg(strcmp(f->replacement, c->replacement) == 0, "%s: replacement '%s'", c->name,
                          f->replacement);
            /* The fix covers the block from its first line's start. */
            ck_assert_msg(f->start == 0 || src->data[f->start - 1] == '\n', "%s: fix starts mid-line", c->name);
        } else {
            ck_assert_msg(d.items[0].nfixes == 0, "%s: unexpected fix", c->name);
        }
    }
    civ_diags_release(&d);
    civ_source_free(src);
}

START_TEST(test_acb_positive)
{
    run_case(&positives[_i]);
}
END_TEST

START_TEST(test_acb_negative)
{
    run_case(&negatives[_i]);
}
END_TEST

/* Applying the fix makes the block a paragraph: the model then has no code
 * block and the same words as prose. */
START_TEST(test_acb_fix_applies)
{
    const char *md = "Intro.\n\n" PROSE "\nAfter.\n";
    civ_diags d;
    civ_source *src = test_lint(md, "accidental-code-block", &d);
    ck_assert_uint_eq(d.n, 1);
    const civ_fix *f = &d.items[0].fixes[0];
    char out[512];
    snprintf(out, sizeof out, "%.*s%s%s", (int)f->start, src->data, f->replacement, src->data + f->end);
    tdoc *t = tdoc_new(out);
    ck_assert_uint_eq(t->doc->nblocks, 3);
    ck_assert_int_eq(t->doc->blocks[1].kind, CIV_BLOCK_PARAGRAPH);
    ck_assert_ptr_nonnull(strstr(t->doc->blocks[1].text, "although officials in Baku"));
    tdoc_free(t);
    civ_diags_release(&d);
    civ_source_free(src);
}
END_TEST

Suite *suite_accidental_code(void)
{
    Suite *s = suite_create("accidental-code-block");
    TCase *tc = tcase_create("table");
    tcase_add_loop_test(tc, test_acb_positive, 0, sizeof positives / sizeof *positives);
    tcase_add_loop_test(tc, test_acb_negative, 0, sizeof negatives / sizeof *negatives);
    tcase_add_test(tc, test_acb_fix_applies);
    suite_add_tcase(s, tc);
    return s;
}
