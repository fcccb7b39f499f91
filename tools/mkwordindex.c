/* mkwordindex - builds the word index the near search reads
 * (src/spell/wordindex.h), at `make`, from unmunch's expansion of a
 * hunspell dictionary and the house dictionary.
 *
 * usage: mkwordindex OUT FORMS AFF DIC [EXTRA.dic ...]
 *
 * FORMS is unmunch's output for DIC and each EXTRA (one form a line). The
 * forms of ASCII letters and apostrophes are kept when hunspell, loaded
 * with AFF, DIC and the EXTRAs as civlint loads them, accepts them (so a
 * forbidden or affix-only root is dropped). Each group of forms with the
 * same lower-case letters is then checked: civ_wordindex_accepts must
 * give hunspell's answer for every form as spelt, in lower case,
 * Capitalised and in capitals; where it does not, the group is marked
 * "ask" and civlint asks hunspell for it. The header's input hash covers
 * AFF, DIC and the EXTRAs, in that order. Writes OUT atomically; prints
 * one line of counts. A build tool: it prints and exits. */
#include <hunspell.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "spell/wordindex.h"

typedef struct {
    char *form;
    char *key; /* lower case */
} entry;

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static char upper(char c)
{
    return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

static int cmp_entry(const void *pa, const void *pb)
{
    const entry *a = pa, *b = pb;
    int c = strcmp(a->key, b->key);
    return c ? c : strcmp(a->form, b->form);
}

static bool keepable(const char *s, size_t n)
{
    if (n == 0 || n > CIV_WIX_MAXLEN)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = lower(s[i]);
        if (!((c >= 'a' && c <= 'z') || c == '\''))
            return false;
    }
    return true;
}

static entry *read_forms(const char *path, size_t *count)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        perror(path);
        exit(1);
    }
    entry *v = NULL;
    size_t n = 0, cap = 0;
    char line[256];
    while (fgets(line, sizeof line, fp)) {
        size_t len = strcspn(line, "/\r\n");
        line[len] = '\0';
        if (!keepable(line, len))
            continue;
        entry *e = CIV_PUSH(v, n, cap);
        e->form = xstrdup(line);
        e->key = xstrdup(line);
        for (size_t i = 0; i < len; i++)
            e->key[i] = lower(e->key[i]);
    }
    fclose(fp);
    qsort(v, n, sizeof *v, cmp_entry);
    *count = n;
    return v;
}

/* True when the index's rule answers like hunspell for cand, given the
 * group's forms f[0..k). */
static bool agrees(Hunhandle *h, entry *f, size_t k, const char *cand)
{
    size_t n = strlen(cand);
    bool emu = false;
    for (size_t i = 0; i < k && !emu; i++)
        emu = civ_wordindex_accepts(f[i].form, cand, n);
    return emu == (Hunspell_spell(h, cand) != 0);
}

/* Checks the group's rule against hunspell (see the top comment). */
static bool group_agrees(Hunhandle *h, entry *f, size_t k)
{
    char v[CIV_WIX_MAXLEN + 1];
    for (size_t i = 0; i < k; i++) {
        size_t n = strlen(f[i].form);
        if (!agrees(h, f, k, f[i].form) || !agrees(h, f, k, f[i].key))
            return false;
        memcpy(v, f[i].key, n + 1);
        v[0] = upper(v[0]);
        if (!agrees(h, f, k, v))
            return false;
        memcpy(v, f[i].form, n + 1);
        v[0] = upper(v[0]);
        if (!agrees(h, f, k, v))
            return false;
        for (size_t j = 0; j < n; j++)
            v[j] = upper(v[j]);
        if (!agrees(h, f, k, v))
            return false;
    }
    return true;
}

static void put32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void put64(unsigned char *p, uint64_t v)
{
    put32(p, (uint32_t)v);
    put32(p + 4, (uint32_t)(v >> 32));
}

typedef struct {
    civ_buf blob;
    unsigned char *slots;
    uint32_t nslots, ngroups, nask;
} table;

/* The flag that stands for form (the key, Capitalised, in capitals), or
 * 0 when it must be listed. */
static unsigned form_flag(const char *form, const char *key)
{
    size_t n = strlen(key);
    unsigned f = CIV_WIX_F_LOWER;
    if (strcmp(form, key) == 0)
        return f;
    for (f = CIV_WIX_F_INITIAL; f <= CIV_WIX_F_CAPS; f <<= 1) {
        bool same = true;
        for (size_t i = 0; i < n && same; i++)
            same = form[i] == (i == 0 || f == CIV_WIX_F_CAPS ? upper(key[i]) : key[i]);
        if (same)
            return f;
    }
    return 0;
}

static void add_group(table *t, Hunhandle *h, entry *f, size_t k)
{
    size_t len = strlen(f[0].key), listed = 0;
    unsigned flags = k > 255 || !group_agrees(h, f, k) ? CIV_WIX_F_ASK : 0;
    for (size_t i = 0; i < k; i++) {
        unsigned ff = form_flag(f[i].form, f[i].key);
        flags |= ff;
        listed += ff == 0;
    }
    if (listed && !(flags & CIV_WIX_F_ASK))
        flags |= CIV_WIX_F_LIST;
    uint32_t off = (uint32_t)t->blob.len;
    civ_buf_putc(&t->blob, (char)flags);
    civ_buf_putc(&t->blob, (char)len);
    civ_buf_add(&t->blob, f[0].key, len);
    if (flags & CIV_WIX_F_LIST) {
        civ_buf_putc(&t->blob, (char)listed);
        for (size_t i = 0; i < k; i++)
            if (!form_flag(f[i].form, f[i].key))
                civ_buf_add(&t->blob, f[i].form, len);
    }
    uint32_t hash = civ_wordindex_key_hash(f[0].key, len), mask = t->nslots - 1, s = hash & mask;
    while (t->slots[s * 4] | t->slots[s * 4 + 1] | t->slots[s * 4 + 2] | t->slots[s * 4 + 3])
        s = (s + 1) & mask;
    put32(t->slots + s * 4, off | (hash >> 24) << 24);
    t->ngroups++;
    t->nask += (flags & CIV_WIX_F_ASK) != 0;
}

static void write_file(const char *out, const table *t, uint64_t inputs)
{
    unsigned char head[CIV_WIX_HEADER] = {0};
    memcpy(head, CIV_WIX_MAGIC, 8);
    put32(head + 8, CIV_WIX_VERSION);
    put32(head + 12, t->nslots);
    put64(head + 16, inputs);
    put32(head + 24, t->ngroups);
    put32(head + 28, (uint32_t)t->blob.len);
    char *tmp = xasprintf("%s.tmp", out);
    FILE *fp = fopen(tmp, "wb");
    if (!fp || fwrite(head, 1, sizeof head, fp) != sizeof head ||
        fwrite(t->slots, 4, t->nslots, fp) != t->nslots ||
        fwrite(t->blob.data, 1, t->blob.len, fp) != t->blob.len || fclose(fp) != 0 || rename(tmp, out) != 0) {
        perror(tmp);
        exit(1);
    }
    free(tmp);
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: mkwordindex OUT FORMS AFF DIC [EXTRA.dic ...]\n");
        return 2;
    }
    const char *out = argv[1];
    char *err = NULL;
    uint64_t inputs;
    if (!civ_wordindex_hash_files((const char *const *)argv + 3, (size_t)argc - 3, &inputs, &err)) {
        fprintf(stderr, "mkwordindex: %s\n", err);
        return 1;
    }
    Hunhandle *h = Hunspell_create(argv[3], argv[4]);
    if (!h) {
        fprintf(stderr, "mkwordindex: cannot load '%s'\n", argv[4]);
        return 1;
    }
    for (int i = 5; i < argc; i++)
        Hunspell_add_dic(h, argv[i]);
    size_t n = 0, kept = 0, rejected = 0;
    entry *v = read_forms(argv[2], &n);
    size_t uniq = 0;
    for (size_t i = 0; i < n; i++) { /* sorted, so equal forms are neighbours */
        if (uniq && strcmp(v[uniq - 1].form, v[i].form) == 0) {
            free(v[i].form);
            free(v[i].key);
        } else {
            v[uniq++] = v[i];
        }
    }
    for (size_t i = 0; i < uniq; i++) {
        if (Hunspell_spell(h, v[i].form)) {
            v[kept++] = v[i];
        } else {
            rejected++;
            free(v[i].form);
            free(v[i].key);
        }
    }
    size_t groups = 0;
    for (size_t i = 0; i < kept; i++)
        groups += i == 0 || strcmp(v[i].key, v[i - 1].key) != 0;
    table t = {.nslots = 16};
    while (t.nslots < groups + groups / 2) /* at most 2/3 full */
        t.nslots *= 2;
    t.slots = xcalloc(t.nslots, 4);
    civ_buf_init(&t.blob);
    civ_buf_putc(&t.blob, '\0'); /* offset 0 means an empty slot */
    for (size_t i = 0, j; i < kept; i = j) {
        for (j = i + 1; j < kept && strcmp(v[j].key, v[i].key) == 0; j++)
            ;
        add_group(&t, h, v + i, j - i);
    }
    if (t.blob.len >= CIV_WIX_MAXBLOB) {
        fprintf(stderr, "mkwordindex: %zu bytes of forms, more than an index holds\n", t.blob.len);
        return 1;
    }
    write_file(out, &t, inputs);
    printf("mkwordindex: %s: %zu forms (%zu more not accepted by hunspell), %u groups, %u asking hunspell, "
           "%zu bytes\n", out, kept, rejected, t.ngroups, t.nask, CIV_WIX_HEADER + (size_t)t.nslots * 4 + t.blob.len);
    for (size_t i = 0; i < kept; i++) {
        free(v[i].form);
        free(v[i].key);
    }
    free(v);
    free(t.slots);
    civ_buf_release(&t.blob);
    Hunspell_destroy(h);
    return 0;
}
