/* pattern.c - see pattern.h. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "pattern.h"

#include <pcre2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Generous for real prose (a rule rarely needs more than a few thousand
 * steps on a paragraph) and small enough that a pathological pattern gives
 * up within milliseconds. */
#define MATCH_LIMIT 200000
#define DEPTH_LIMIT 5000

struct civ_pattern {
    pcre2_code *code;
    char *source;
    bool jit;
};

static _Thread_local pcre2_match_data *tl_md;
static _Thread_local pcre2_match_context *tl_mc;

civ_pattern *civ_pattern_new(const char *re, unsigned flags, char **err, size_t *err_off)
{
    int ec;
    PCRE2_SIZE eo;
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK;
    if (flags & CIV_PAT_CASELESS)
        opts |= PCRE2_CASELESS;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, opts, &ec, &eo, NULL);
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
    int rc = pcre2_match(p->code, (PCRE2_SPTR)subj, len, from, PCRE2_NO_UTF_CHECK, tl_md, tl_mc);
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

void civ_pattern_thread_cleanup(void)
{
    pcre2_match_data_free(tl_md);
    pcre2_match_context_free(tl_mc);
    tl_md = NULL;
    tl_mc = NULL;
}
