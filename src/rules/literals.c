/* literals.c - see literals.h.
 *
 * A recursive-descent walk over the pattern's syntax computes, for each
 * part, either the exact set of strings it matches (when small: "a",
 * "[Tt]he", "(?:war|crisis)") or a set of strings one of which every match
 * contains. Concatenation multiplies exact sets and keeps the most
 * selective required set of its parts; alternation unites; a quantifier
 * with a minimum of zero, a class too wide to list, or `.` stands for any
 * text. Zero-width items (anchors, \b, lookarounds, verbs) add nothing to
 * the matched text, so they are the empty string: the matched span is the
 * concatenation of what the consuming parts matched. */
#include "rules/literals.h"

#include <string.h>

/* At most one of exact_ok and req_ok is set, so the two sets share
 * storage (the analysis copies these structs often). */
typedef struct {
    bool exact_ok, req_ok;
    union {
        civ_litset exact, req;
    };
} info;

typedef struct {
    const char *p;
    bool icase;
    bool any_icase;
    const char *fail; /* reason, set on an unsupported construct */
} parser;

static void set_one(civ_litset *s, const char *str, size_t n)
{
    s->n = 1;
    memcpy(s->s[0], str, n);
    s->s[0][n] = '\0';
    s->len[0] = (unsigned char)n;
}

static info info_none(void)
{
    info r;
    r.exact_ok = r.req_ok = false;
    r.exact.n = 0;
    return r;
}

static info info_exact1(const char *str, size_t n)
{
    info r = info_none();
    r.exact_ok = true;
    set_one(&r.exact, str, n);
    return r;
}

static bool has_empty(const civ_litset *s)
{
    for (size_t i = 0; i < s->n; i++)
        if (!s->len[i])
            return true;
    return false;
}

static bool set_add(civ_litset *s, const char *str, size_t n)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->len[i] == n && memcmp(s->s[i], str, n) == 0)
            return true;
    if (s->n == CIV_LIT_MAX || n > CIV_LIT_LEN)
        return false;
    memcpy(s->s[s->n], str, n);
    s->s[s->n][n] = '\0';
    s->len[s->n++] = (unsigned char)n;
    return true;
}

/* a over b; false when the union is too large */
static bool set_union(civ_litset *a, const civ_litset *b)
{
    for (size_t i = 0; i < b->n; i++)
        if (!set_add(a, b->s[i], b->len[i]))
            return false;
    return true;
}

/* Higher is more selective: a longer shortest string, then fewer strings. */
static long score(const civ_litset *s)
{
    if (!s->n || has_empty(s))
        return -1;
    size_t m = CIV_LIT_LEN;
    for (size_t i = 0; i < s->n; i++)
        if (s->len[i] < m)
            m = s->len[i];
    return (long)(m > 4 ? 4 : m) * 1000 - (long)s->n;
}

static void consider(info *best, const civ_litset *cand)
{
    if (score(cand) < 0)
        return;
    if (!best->req_ok || score(cand) > score(&best->req)) {
        best->req = *cand;
        best->req_ok = true;
    }
}

/* run x part, or false when the product is too large or too long */
static bool cross(civ_litset *run, const civ_litset *part)
{
    if (run->n * part->n > CIV_LIT_MAX)
        return false;
    civ_litset out;
    out.n = 0;
    for (size_t i = 0; i < run->n; i++)
        for (size_t j = 0; j < part->n; j++) {
            size_t n = (size_t)run->len[i] + part->len[j];
            if (n > CIV_LIT_LEN)
                return false;
            char buf[CIV_LIT_LEN + 1];
            memcpy(buf, run->s[i], run->len[i]);
            memcpy(buf + run->len[i], part->s[j], part->len[j]);
            if (!set_add(&out, buf, n))
                return false;
        }
    *run = out;
    return true;
}

static info parse_alt(parser *ps);

/* Appends str to every string of s in place; false (s unchanged) when one
 * would grow too long. Appending one suffix keeps the strings distinct. */
static bool append(civ_litset *s, const char *str, size_t n)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->len[i] + n > CIV_LIT_LEN)
            return false;
    for (size_t i = 0; i < s->n; i++) {
        memcpy(s->s[i] + s->len[i], str, n);
        s->len[i] = (unsigned char)(s->len[i] + n);
        s->s[i][s->len[i]] = '\0';
    }
    return true;
}

static size_t utf8_len(unsigned char c)
{
    return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* One literal character (n bytes at s), folded when caseless. A caseless
 * letter outside ASCII may match another byte sequence: any text. */
static info literal_char(parser *ps, const char *s, size_t n)
{
    if (!ps->icase)
        return info_exact1(s, n);
    if ((unsigned char)s[0] >= 0x80)
        return info_none();
    char c = s[0];
    if (c >= 'A' && c <= 'Z')
        c = (char)(c + 32);
    ps->any_icase = true;
    return info_exact1(&c, 1);
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static size_t utf8_put(char *b, unsigned long cp)
{
    if (cp < 0x80) {
        b[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    b[0] = (char)(0xF0 | (cp >> 18));
    b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    b[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* An escape after the backslash at ps->p. Sets *lit (and *n) when it is one
 * literal character; otherwise returns what it matches. */
static info parse_escape(parser *ps, char *lit, size_t *n)
{
    char c = *ps->p++;
    *n = 0;
    switch (c) {
    case '\0':
        ps->fail = "trailing backslash";
        ps->p--;
        return info_none();
    case 'b': case 'B': case 'A': case 'z': case 'Z': case 'G': case 'K':
        return info_exact1("", 0); /* zero-width */
    case 'd': case 'D': case 'w': case 'W': case 's': case 'S': case 'h': case 'H':
    case 'v': case 'V': case 'R': case 'N': case 'X': case 'C':
        return info_none();
    case 'p': case 'P':
        if (*ps->p == '{') {
            const char *e = strchr(ps->p, '}');
            if (!e) {
                ps->fail = "unterminated \\p{";
                return info_none();
            }
            ps->p = e + 1;
        } else if (*ps->p) {
            ps->p++;
        }
        return info_none();
    case 'n': lit[0] = '\n'; *n = 1; return info_none();
    case 't': lit[0] = '\t'; *n = 1; return info_none();
    case 'r': lit[0] = '\r'; *n = 1; return info_none();
    case 'f': lit[0] = '\f'; *n = 1; return info_none();
    case 'e': lit[0] = 0x1B; *n = 1; return info_none();
    case 'a': lit[0] = 0x07; *n = 1; return info_none();
    case 'x': {
        unsigned long cp = 0;
        if (*ps->p == '{') {
            const char *q = ps->p + 1;
            for (; hexval(*q) >= 0; q++)
                cp = cp * 16 + (unsigned long)hexval(*q);
            if (*q != '}' || cp > 0x10FFFF) {
                ps->fail = "bad \\x{}";
                return info_none();
            }
            ps->p = q + 1;
        } else {
            for (int i = 0; i < 2 && hexval(*ps->p) >= 0; i++)
                cp = cp * 16 + (unsigned long)hexval(*ps->p++);
        }
        *n = utf8_put(lit, cp);
        return info_none();
    }
    default:
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            ps->fail = "backreference or escape not analysed";
            return info_none();
        }
        *n = utf8_len((unsigned char)c);
        memcpy(lit, ps->p - 1, *n);
        ps->p += *n - 1;
        return info_none();
    }
}

/* A bracketed class, after the '['. Small classes of characters listed
 * one by one ([Tt], ['’]) are exact; anything else is any text. */
static info parse_class(parser *ps)
{
    info r = info_none();
    r.exact_ok = true;
    bool listable = *ps->p != '^';
    if (*ps->p == '^')
        ps->p++;
    bool first = true;
    while (*ps->p && (*ps->p != ']' || first)) {
        first = false;
        if (ps->p[0] == '[' && ps->p[1] == ':') {
            const char *e = strstr(ps->p + 2, ":]");
            if (!e) {
                ps->fail = "bad POSIX class";
                return info_none();
            }
            ps->p = e + 2;
            listable = false;
            continue;
        }
        char lit[4];
        size_t n;
        if (*ps->p == '\\') {
            ps->p++;
            if (*ps->p == 'b') { /* backspace inside a class */
                ps->p++;
                lit[0] = 0x08;
                n = 1;
            } else {
                parse_escape(ps, lit, &n);
                if (ps->fail)
                    return info_none();
            }
            if (!n) {
                listable = false;
                continue;
            }
        } else {
            n = utf8_len((unsigned char)*ps->p);
            memcpy(lit, ps->p, n);
            ps->p += n;
        }
        if (ps->p[0] == '-' && ps->p[1] && ps->p[1] != ']') {
            /* a range: listed when short and ASCII ([0-9], [1-7]) */
            ps->p++;
            char hi[4];
            size_t hn = 0;
            if (*ps->p == '\\') {
                ps->p++;
                parse_escape(ps, hi, &hn);
                if (ps->fail)
                    return info_none();
            } else {
                hn = utf8_len((unsigned char)*ps->p);
                memcpy(hi, ps->p, hn);
                ps->p += hn;
            }
            unsigned char lo = (unsigned char)lit[0], up = (unsigned char)hi[0];
            if (n != 1 || hn != 1 || lo >= 0x80 || up >= 0x80 || up < lo || up - lo > 15) {
                listable = false;
                continue;
            }
            for (unsigned c = lo; listable && c <= up; c++) {
                char one = (char)c;
                info ch = literal_char(ps, &one, 1);
                if (!ch.exact_ok || !set_add(&r.exact, ch.exact.s[0], ch.exact.len[0]))
                    listable = false;
            }
            continue;
        }
        if (listable) {
            info c = literal_char(ps, lit, n);
            if (!c.exact_ok || !set_add(&r.exact, c.exact.s[0], c.exact.len[0]))
                listable = false;
        }
    }
    if (*ps->p != ']') {
        ps->fail = "unterminated class";
        return info_none();
    }
    ps->p++;
    return listable && r.exact.n ? r : info_none();
}

/* Flags of (?imsx-imsx) or (?imsx-imsx: ... ; returns false on extended
 * mode, whose spaces and comments this walk does not understand. */
static bool parse_flags(parser *ps, bool *icase)
{
    bool on = true;
    for (; *ps->p && *ps->p != ')' && *ps->p != ':'; ps->p++) {
        char c = *ps->p;
        if (c == '-')
            on = false;
        else if (c == '^')
            *icase = false;
        else if (c == 'i')
            *icase = on;
        else if (c == 'x' && on) {
            ps->fail = "extended mode (?x)";
            return false;
        } else if (!strchr("msnUJ", c)) {
            ps->fail = "unknown group flag";
            return false;
        }
    }
    return true;
}

/* A group, after the '('. Returns what it matches; a flag-only group
 * (?i) sets the flags of the rest of the enclosing group. */
static info parse_group(parser *ps)
{
    bool saved = ps->icase;
    info r;
    if (*ps->p == '*') { /* (*VERB) and (*MARK:name) match nothing */
        const char *e = strchr(ps->p, ')');
        if (!e) {
            ps->fail = "unterminated verb";
            return info_none();
        }
        ps->p = e + 1;
        return info_exact1("", 0);
    }
    if (*ps->p != '?') {
        r = parse_alt(ps);
    } else {
        ps->p++;
        char c = *ps->p;
        if (c == ':' || c == '>' || c == '|') {
            ps->p++;
            r = parse_alt(ps);
        } else if (c == '=' || c == '!' || (c == '<' && (ps->p[1] == '=' || ps->p[1] == '!'))) {
            ps->p += c == '<' ? 2 : 1;
            parse_alt(ps); /* a lookaround matches no text */
            r = info_exact1("", 0);
        } else if (c == '#') {
            const char *e = strchr(ps->p, ')');
            if (!e) {
                ps->fail = "unterminated comment";
                return info_none();
            }
            ps->p = e + 1;
            return info_exact1("", 0);
        } else if (c == '<' || c == '\'' || (c == 'P' && ps->p[1] == '<')) {
            const char *e = strpbrk(ps->p + 1, ">'");
            if (!e) {
                ps->fail = "bad group name";
                return info_none();
            }
            ps->p = e + 1;
            r = parse_alt(ps);
        } else {
            bool ic = ps->icase;
            if (!parse_flags(ps, &ic))
                return info_none();
            if (*ps->p == ')') { /* (?i): the rest of the enclosing group */
                ps->p++;
                ps->icase = ic;
                return info_exact1("", 0);
            }
            if (*ps->p != ':') {
                ps->fail = "unsupported group";
                return info_none();
            }
            ps->p++;
            ps->icase = ic;
            r = parse_alt(ps);
        }
    }
    ps->icase = saved;
    if (*ps->p != ')') {
        if (!ps->fail)
            ps->fail = "unbalanced parenthesis";
        return info_none();
    }
    ps->p++;
    return r;
}

/* A quantifier at ps->p, if any: sets min and max (-1: unbounded). */
static bool parse_quant(parser *ps, long *min, long *max)
{
    const char *p = ps->p;
    if (*p == '?' || *p == '*' || *p == '+') {
        *min = *p == '+' ? 1 : 0;
        *max = *p == '?' ? 1 : -1;
        p++;
    } else if (*p == '{') {
        const char *q = p + 1;
        long a = 0, b;
        if (*q < '0' || *q > '9')
            return false; /* a literal '{' */
        for (; *q >= '0' && *q <= '9'; q++)
            a = a * 10 + (*q - '0');
        b = a;
        if (*q == ',') {
            q++;
            b = -1;
            if (*q >= '0' && *q <= '9')
                for (b = 0; *q >= '0' && *q <= '9'; q++)
                    b = b * 10 + (*q - '0');
        }
        if (*q != '}')
            return false;
        *min = a;
        *max = b;
        p = q + 1;
    } else {
        return false;
    }
    if (*p == '?' || *p == '+')
        p++;
    ps->p = p;
    return true;
}

static info apply_quant(info a, long min, long max)
{
    if (min == 1 && max == 1)
        return a;
    if (min == 0) {
        if (max == 1 && a.exact_ok && set_add(&a.exact, "", 0)) {
            a.req_ok = false;
            return a;
        }
        return info_none();
    }
    /* at least once: what one repetition requires is required */
    info r = info_none();
    if (a.exact_ok)
        consider(&r, &a.exact);
    if (a.req_ok)
        consider(&r, &a.req);
    return r;
}

/* One atom and its quantifier. */
static info parse_piece(parser *ps)
{
    info a;
    char c = *ps->p;
    if (c == '(') {
        ps->p++;
        a = parse_group(ps);
    } else if (c == '[') {
        ps->p++;
        a = parse_class(ps);
    } else if (c == '\\') {
        ps->p++;
        if (ps->p[0] == 'Q') {
            ps->p++;
            const char *e = strstr(ps->p, "\\E");
            size_t n = e ? (size_t)(e - ps->p) : strlen(ps->p);
            a = info_exact1("", 0);
            for (size_t i = 0; i < n;) {
                size_t k = utf8_len((unsigned char)ps->p[i]);
                info ch = literal_char(ps, ps->p + i, k);
                if (!ch.exact_ok || !cross(&a.exact, &ch.exact)) {
                    ps->fail = "\\Q...\\E not analysed";
                    return info_none();
                }
                i += k;
            }
            ps->p += n + (e ? 2 : 0);
        } else {
            char lit[4];
            size_t n;
            a = parse_escape(ps, lit, &n);
            if (n)
                a = literal_char(ps, lit, n);
        }
    } else if (c == '.') {
        ps->p++;
        a = info_none();
    } else if (c == '^' || c == '$') {
        ps->p++;
        a = info_exact1("", 0);
    } else {
        size_t n = utf8_len((unsigned char)c);
        a = literal_char(ps, ps->p, n);
        ps->p += n;
    }
    long min, max;
    while (!ps->fail && parse_quant(ps, &min, &max))
        a = apply_quant(a, min, max);
    return a;
}

/* Appends a plain literal character at ps->p (no quantifier after it) to
 * run; false when it is anything else, or does not fit. */
static bool plain_char(parser *ps, civ_litset *run)
{
    unsigned char c = (unsigned char)*ps->p;
    if (strchr("()[]{}\\.^$|*+?", c) || (ps->icase && c >= 0x80))
        return false;
    size_t n = utf8_len(c);
    for (size_t k = 1; k < n; k++)
        if (!ps->p[k])
            return false;
    if (ps->p[n] && strchr("*+?{", ps->p[n]))
        return false;
    char ch = (char)c;
    if (ps->icase && c >= 'A' && c <= 'Z')
        ch = (char)(c + 32);
    if (!append(run, n == 1 ? &ch : ps->p, n))
        return false;
    ps->any_icase |= ps->icase;
    ps->p += n;
    return true;
}

static info parse_concat(parser *ps)
{
    info best = info_none();
    civ_litset run;
    run.n = 0;
    set_one(&run, "", 0);
    bool all_exact = true;
    while (*ps->p && *ps->p != '|' && *ps->p != ')' && !ps->fail) {
        if (plain_char(ps, &run))
            continue; /* the common case, without building an info */
        info a = parse_piece(ps);
        if (a.exact_ok && a.exact.n == 1 && append(&run, a.exact.s[0], a.exact.len[0]))
            continue; /* the common case, one more literal character */
        if (a.exact_ok) {
            civ_litset tmp = run;
            if (cross(&tmp, &a.exact)) {
                run = tmp;
                continue;
            }
            all_exact = false;
            consider(&best, &run);
            run = a.exact;
            continue;
        }
        all_exact = false;
        consider(&best, &run);
        set_one(&run, "", 0);
        if (a.req_ok)
            consider(&best, &a.req);
    }
    if (all_exact) {
        info r = info_none();
        r.exact_ok = true;
        r.exact = run;
        return r;
    }
    consider(&best, &run);
    return best;
}

static info parse_alt(parser *ps)
{
    info r = parse_concat(ps);
    while (*ps->p == '|' && !ps->fail) {
        ps->p++;
        info b = parse_concat(ps);
        if (r.exact_ok && b.exact_ok && set_union(&r.exact, &b.exact))
            continue;
        /* fall back to required sets: each branch's best */
        info u = info_none();
        const civ_litset *ra = r.exact_ok ? &r.exact : r.req_ok ? &r.req : NULL;
        const civ_litset *rb = b.exact_ok ? &b.exact : b.req_ok ? &b.req : NULL;
        if (r.exact_ok && r.req_ok && score(&r.req) > score(&r.exact))
            ra = &r.req;
        if (ra && rb && score(ra) >= 0 && score(rb) >= 0) {
            u.req = *ra;
            u.req_ok = set_union(&u.req, rb);
        }
        r = u;
    }
    return r;
}

static void fold(civ_litset *s)
{
    for (size_t i = 0; i < s->n; i++)
        for (size_t k = 0; k < s->len[i]; k++)
            if (s->s[i][k] >= 'A' && s->s[i][k] <= 'Z')
                s->s[i][k] = (char)(s->s[i][k] + 32);
}

bool civ_literals_required(const char *re, bool caseless, civ_litset *out, const char **why)
{
    parser ps = {re, caseless, caseless, NULL};
    info r = parse_alt(&ps);
    if (!ps.fail && *ps.p)
        ps.fail = "unbalanced parenthesis";
    if (ps.fail) {
        *why = ps.fail;
        return false;
    }
    const civ_litset *s = NULL;
    if (r.exact_ok && score(&r.exact) >= 0)
        s = &r.exact;
    if (r.req_ok && (!s || score(&r.req) > score(s)))
        s = &r.req;
    if (!s) {
        *why = "no literal text every match must contain";
        return false;
    }
    *out = *s;
    out->caseless = ps.any_icase;
    if (out->caseless)
        fold(out);
    return true;
}
