/* pattern.c - see pattern.h. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "rules/pattern.h"

#include <pcre2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

/* Generous for real prose (a rule rarely needs more than a few thousand
 * steps on a paragraph) and small enough that a pathological pattern gives
 * up within milliseconds. */
#define MATCH_LIMIT 200000
#define DEPTH_LIMIT 5000

struct civ_pattern {
    pcre2_code *code;
    char *source;
    bool jit;
    bool caseless;
};

static _Thread_local pcre2_match_data *tl_md;
static _Thread_local pcre2_match_context *tl_mc;

/* `\d` as ASCII 0-9. With PCRE2_UCP a `\d` is any Unicode decimal digit,
 * and pcre2 (10.42) then computes no set of possible first bytes for the
 * pattern, so a rule such as `\b(\d{3}0)'s` is tried at every byte of every
 * paragraph: measured on the 500-post bench corpus, 34 ms against 1.2 ms
 * with [0-9], and 32 against 3 ms for the numeric-date rule. The posts are
 * English, where a digit is an ASCII digit (as `\d` is in RE2, JavaScript
 * and Vale); a rule that wants every script's digits writes \p{Nd}.
 * Outside a class `\d` becomes [0-9] and `\D` [^0-9]; inside one `\d`
 * becomes 0-9 (a `\D` inside a class is left as written). Quoted text
 * (\Q...\E) is copied as is, and a pattern in extended mode, (?x), whose
 * comments could hold a '[', is left entirely as written. Returns NULL when
 * nothing changes. pcre2 10.43's PCRE2_EXTRA_ASCII_BSD does this itself;
 * Debian 12 has 10.42. */
static char *ascii_digits(const char *re)
{
    if (!strstr(re, "\\d") && !strstr(re, "\\D"))
        return NULL;
    if (strstr(re, "(?x") || strstr(re, "(?^x"))
        return NULL;
    civ_buf b;
    civ_buf_init(&b);
    bool in_class = false, changed = false;
    for (const char *p = re; *p;) {
        if (p[0] == '\\' && p[1] == 'Q') {
            const char *e = strstr(p + 2, "\\E");
            size_t n = e ? (size_t)(e + 2 - p) : strlen(p);
            civ_buf_add(&b, p, n);
            p += n;
        } else if (p[0] == '\\' && (p[1] == 'd' || (p[1] == 'D' && !in_class))) {
            civ_buf_puts(&b, in_class ? "0-9" : p[1] == 'd' ? "[0-9]" : "[^0-9]");
            changed = true;
            p += 2;
        } else if (p[0] == '\\' && p[1]) {
            /* \cX: the control character X, which may be a '[' */
            size_t n = p[1] == 'c' && p[2] ? 3 : 2;
            civ_buf_add(&b, p, n);
            p += n;
        } else if (!in_class && p[0] == '[') {
            /* a ']' right after '[' or '[^' is a literal member */
            size_t n = 1 + (p[1] == '^');
            if (p[n] == ']')
                n++;
            civ_buf_add(&b, p, n);
            p += n;
            in_class = true;
        } else if (in_class && p[0] == '[' && p[1] == ':') {
            const char *e = strstr(p + 2, ":]");
            size_t n = e ? (size_t)(e + 2 - p) : 1;
            civ_buf_add(&b, p, n);
            p += n;
        } else {
            if (in_class && p[0] == ']')
                in_class = false;
            civ_buf_putc(&b, *p++);
        }
    }
    if (!changed) {
        civ_buf_release(&b);
        return NULL;
    }
    return civ_buf_detach(&b);
}

civ_pattern *civ_pattern_new(const char *re, unsigned flags, char **err, size_t *err_off)
{
    int ec;
    PCRE2_SIZE eo;
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK;
    if (flags & CIV_PAT_CASELESS)
        opts |= PCRE2_CASELESS;
    /* The ASCII-digit form is compiled when there is one; the pattern as
     * written only when that fails, so that an error's offset points into
     * what the author wrote (and, should the rewrite ever break a pattern
     * that is valid, that pattern still works). */
    char *ascii = ascii_digits(re);
    pcre2_code *code = ascii ? pcre2_compile((PCRE2_SPTR)ascii, PCRE2_ZERO_TERMINATED, opts, &ec, &eo, NULL)
                             : NULL;
    free(ascii);
    if (!code)
        code = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, opts, &ec, &eo, NULL);
    if (!code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(ec, msg, sizeof msg);
        *err = xstrdup((const char *)msg);
        *err_off = eo;
        return NULL;
    }
    civ_pattern *p = xcalloc(1, sizeof *p);
    p->code = code;
    p->source = xstrdup(re);
    p->caseless = (flags & CIV_PAT_CASELESS) != 0;
    /* CIVLINT_NO_JIT=1 runs the interpreter instead: for valgrind, which
     * flags the JIT's vectorised scans (they read whole aligned words past
     * the subject and mask the result) as uses of uninitialised memory. */
    const char *nojit = getenv("CIVLINT_NO_JIT");
    p->jit = !(nojit && *nojit && *nojit != '0') && pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
    return p;
}

void civ_pattern_free(civ_pattern *p)
{
    if (!p)
        return;
    pcre2_code_free(p->code);
    free(p->source);
    free(p);
}

const char *civ_pattern_source(const civ_pattern *p)
{
    return p->source;
}

bool civ_pattern_literals(const civ_pattern *p, civ_litset *out, const char **why)
{
    return civ_literals_required(p->source, p->caseless, out, why);
}

int civ_pattern_groups(const civ_pattern *p)
{
    uint32_t n = 0;
    pcre2_pattern_info(p->code, PCRE2_INFO_CAPTURECOUNT, &n);
    return (int)n;
}

int civ_pattern_group(const civ_pattern *p, const char *name)
{
    int n = pcre2_substring_number_from_name(p->code, (PCRE2_SPTR)name);
    return n < 0 ? -1 : n;
}

int civ_pattern_find(const civ_pattern *p, const char *subj, size_t len, size_t from,
                     size_t *ov, int nov)
{
    if (!tl_md) {
        tl_md = pcre2_match_data_create(64, NULL);
        tl_mc = pcre2_match_context_create(NULL);
        if (!tl_md || !tl_mc)
            return CIV_MATCH_ERROR;
        pcre2_set_match_limit(tl_mc, MATCH_LIMIT);
        pcre2_set_depth_limit(tl_mc, DEPTH_LIMIT);
    }
    if (from > len)
        return CIV_MATCH_NONE;
    /* Subjects are valid UTF-8 by construction (source.c replaces invalid
     * bytes), so skip pcre2's O(n) check on every call. */
    /* pcre2_jit_match skips pcre2_match's argument checks: ~500 instructions
     * a call went to a paragraph with no match, and rule packs call once
     * per rule per paragraph. The JIT honours the same match limit. */
    int rc = p->jit ? pcre2_jit_match(p->code, (PCRE2_SPTR)subj, len, from, 0, tl_md, tl_mc)
                    : pcre2_match(p->code, (PCRE2_SPTR)subj, len, from, PCRE2_NO_UTF_CHECK, tl_md, tl_mc);
    if (rc == PCRE2_ERROR_NOMATCH)
        return CIV_MATCH_NONE;
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
        rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
        return CIV_MATCH_LIMIT;
    if (rc < 0)
        return CIV_MATCH_ERROR;
    PCRE2_SIZE *v = pcre2_get_ovector_pointer(tl_md);
    uint32_t have = pcre2_get_ovector_count(tl_md);
    for (int i = 0; i < nov; i++) {
        bool set = (uint32_t)i < have && i < rc && v[2 * i] != PCRE2_UNSET;
        ov[2 * i] = set ? v[2 * i] : SIZE_MAX;
        ov[2 * i + 1] = set ? v[2 * i + 1] : SIZE_MAX;
    }
    return CIV_MATCH_OK;
}

int civ_pattern_find_mark(const civ_pattern *p, const char *subj, size_t len, size_t from,
                          size_t *ov, int nov, size_t *mark)
{
    *mark = SIZE_MAX;
    int rc = civ_pattern_find(p, subj, len, from, ov, nov);
    if (rc != CIV_MATCH_OK)
        return rc;
    PCRE2_SPTR name = pcre2_get_mark(tl_md);
    if (name && *name) {
        char *end;
        unsigned long long v = strtoull((const char *)name, &end, 10);
        if (*end == '\0')
            *mark = (size_t)v;
    }
    return rc;
}

void civ_pattern_thread_cleanup(void)
{
    pcre2_match_data_free(tl_md);
    pcre2_match_context_free(tl_mc);
    tl_md = NULL;
    tl_mc = NULL;
}
