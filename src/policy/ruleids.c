/* ruleids.c - see ruleids.h. */
#include "policy/ruleids.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool civ_rule_id_covers(const char *id, const char *rule)
{
    size_t n = strlen(id);
    if (n >= 2 && id[n - 1] == '*' && id[n - 2] == '.')
        return strncmp(id, rule, n - 1) == 0;
    if (strcmp(id, rule) == 0)
        return true;
    return !strchr(id, '.') && strncmp(id, rule, n) == 0 && rule[n] == '.';
}

/* Edit distance (insertions, deletions, substitutions and swaps of two
 * neighbours), case ignored, giving up above `cap`. Ids are short (tens of
 * bytes), so the full table is cheap. */
static size_t distance(const char *a, const char *b, size_t cap)
{
    size_t na = strlen(a), nb = strlen(b);
    if (na > 64 || nb > 64 || (na > nb ? na - nb : nb - na) > cap)
        return cap + 1;
    size_t d[65][65];
    for (size_t i = 0; i <= na; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= nb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= na; i++) {
        for (size_t j = 1; j <= nb; j++) {
            size_t cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
            size_t best = d[i - 1][j - 1] + cost;
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    }
    return d[na][nb];
}

typedef struct {
    const char *best;
    size_t cost, cap;
} nearest;

static void consider(nearest *n, const char *cand, const char *id)
{
    size_t c = distance(id, cand, n->cap);
    if (c <= n->cap && c < n->cost) {
        n->best = cand;
        n->cost = c;
    }
}

const char *civ_rule_id_nearest(const civ_rules *rules, const char *id, char *buf)
{
    civ_rule_entry e;
    if (!rules)
        return NULL;
    /* a pack rule named without its pack */
    for (size_t i = 0; !strchr(id, '.') && civ_rules_entry(rules, i, &e); i++) {
        const char *dot = strchr(e.id, '.');
        if (e.pack && dot && strcmp(dot + 1, id) == 0)
            return e.id;
    }
    size_t len = strlen(id);
    nearest n = {NULL, (size_t)-1, len > 6 ? len / 3 : 2};
    for (size_t i = 0; civ_rules_entry(rules, i, &e); i++)
        consider(&n, e.id, id);
    for (size_t i = 0; i < civ_rules_npacks(rules); i++) {
        const char *pack = civ_rules_pack(rules, i)->name;
        consider(&n, pack, id);
        char star[128];
        snprintf(star, sizeof star, "%s.*", pack);
        size_t before = n.cost;
        consider(&n, star, id);
        if (n.cost < before) { /* the PACK.* form won: keep a copy */
            snprintf(buf, 128, "%s", star);
            n.best = buf;
        }
    }
    return n.best;
}
