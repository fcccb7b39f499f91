/* rulemsg.c - see rulepack.h: what a pack rule says when it matches, its
 * message with the matched text and its replacement with the match's
 * groups. Apart from rulepack.c, which loads rules, because this runs for
 * every finding, on the checks' side of the run. */
#include "rules/rulepack.h"

#include <ctype.h>
#include <stdlib.h>

#include "base/util.h"

char *civ_rule_message(const civ_rule *r, const char *match, size_t mlen, const char *repl)
{
    civ_buf b;
    civ_buf_init(&b);
    for (const char *p = r->message; *p; p++) {
        if (*p != '%' || !p[1]) {
            civ_buf_putc(&b, *p);
            continue;
        }
        p++;
        if (*p == 's')
            civ_buf_add(&b, match, mlen);
        else if (*p == 'r')
            civ_buf_puts(&b, repl ? repl : "");
        else
            civ_buf_putc(&b, '%');
    }
    return civ_buf_detach(&b);
}

char *civ_rule_replacement(const char *tmpl, const char *subj, const size_t *ov, int nov,
                           bool match_caps)
{
    civ_buf b;
    civ_buf_init(&b);
    for (const char *p = tmpl; *p; p++) {
        if (*p == '$' && p[1] >= '0' && p[1] <= '9') {
            int g = p[1] - '0';
            p++;
            if (g < nov && ov[2 * g] != (size_t)-1)
                civ_buf_add(&b, subj + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
            continue;
        }
        if (*p == '$' && p[1] == '$')
            p++;
        civ_buf_putc(&b, *p);
    }
    char *s = civ_buf_detach(&b);
    if (match_caps && islower((unsigned char)s[0]))
        s[0] = (char)toupper((unsigned char)s[0]);
    return s;
}
