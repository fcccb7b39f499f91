/* lists.c - a project's word list, whatever its file is called.
 *
 * Projects keep their vocabulary as a plain list (one word a line, as
 * cspell's and Vale's are) or as a hunspell .dic (a word count first, then
 * words with affix flags), and name either .txt or .dic. The name used to
 * decide, so a plain list named .dic went to hunspell, which read its first
 * word as a count and lost the words. The first line decides now. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "base/textfile.h"
#include "base/util.h"
#include "spell/spell.h"

/* A hunspell .dic starts with its word count: the first line, after a
 * byte-order mark and blanks, is a decimal number and nothing else. A
 * plain list's first line is a word (or a # comment). */
static bool is_hunspell_dic(FILE *f)
{
    char line[64];
    if (!fgets(line, sizeof line, f))
        return false;
    char *p = line;
    if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF)
        p += 3;
    while (*p == ' ' || *p == '\t')
        p++;
    size_t digits = 0;
    while (p[digits] >= '0' && p[digits] <= '9')
        digits++;
    const char *q = p + digits;
    while (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n')
        q++;
    return digits > 0 && *q == '\0';
}

bool civ_speller_add_list(civ_speller *sp, const char *path, char **err)
{
    if (!civ_text_check_file(path, CIV_WORDLIST_MAX, err))
        return false; /* a FIFO would block here, /dev/zero never end */
    FILE *f = fopen(path, "r");
    if (!f) {
        *err = xasprintf("cannot open '%s': %s", path, strerror(errno));
        return false;
    }
    bool dic = is_hunspell_dic(f);
    fclose(f);
    return dic ? civ_speller_add_dic(sp, path, err) : civ_speller_add_words_file(sp, path, err);
}

/* A plain list, one word a line (# starts a comment); moved here from
 * spell.c, which was at its size limit. */
bool civ_speller_add_words_file(civ_speller *sp, const char *path, char **err)
{
    size_t n = 0;
    char *data = civ_text_read(path, NULL, CIV_WORDLIST_MAX, &n, err);
    if (!data)
        return false;
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(data + i, '\n', n - i);
        size_t a = i, e = nl ? (size_t)(nl - data) : n;
        i = e + 1;
        while (a < e && (data[a] == ' ' || data[a] == '\t'))
            a++;
        while (e > a && (data[e - 1] == '\r' || data[e - 1] == ' ' || data[e - 1] == '\t'))
            e--;
        if (a == e || data[a] == '#')
            continue;
        civ_speller_add_word(sp, data + a, e - a);
    }
    free(data);
    return true;
}

/* ---- word lists ---- */

static bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool is_lower(char c)
{
    return c >= 'a' && c <= 'z';
}

void civ_wordlist_add(civ_strmap *list, const char *word, size_t n)
{
    char buf[128];
    char *s = n < sizeof buf ? buf : xmalloc(n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n;) { /* straight apostrophes, as words are looked up */
        if (i + 3 <= n && memcmp(word + i, "\xE2\x80\x99", 3) == 0) {
            s[k++] = '\'';
            i += 3;
        } else {
            s[k++] = word[i++];
        }
    }
    if (k)
        civ_strmap_put(list, s, k, (void *)1);
    if (s != buf)
        free(s);
}

bool civ_wordlist_has(const civ_strmap *list, const char *word, size_t n)
{
    if (list->n == 0 || n == 0)
        return false;
    return civ_wordlist_has_hashed(list, word, n, civ_strmap_hash(word, n));
}

bool civ_wordlist_has_hashed(const civ_strmap *list, const char *word, size_t n, uint64_t hash)
{
    if (list->n == 0 || n == 0)
        return false;
    if (civ_strmap_get_hashed(list, word, n, hash))
        return true;
    bool caps = true, rest_lower = true;
    for (size_t i = 0; i < n; i++) {
        if (is_lower(word[i]))
            caps = false;
        if (i > 0 && is_upper(word[i]))
            rest_lower = false;
    }
    if (!is_upper(word[0]))
        return false;
    char buf[128];
    char *s = n < sizeof buf ? buf : xmalloc(n + 1);
    memcpy(s, word, n);
    bool found = false;
    if (rest_lower) { /* "Word" from "word" */
        s[0] = (char)(s[0] - 'A' + 'a');
        found = civ_strmap_get(list, s, n) != NULL;
    } else if (caps) { /* "WORD" from "word" or "Word" */
        for (size_t i = 1; i < n; i++)
            if (is_upper(s[i]))
                s[i] = (char)(s[i] - 'A' + 'a');
        found = civ_strmap_get(list, s, n) != NULL;
        if (!found) {
            s[0] = (char)(s[0] - 'A' + 'a');
            found = civ_strmap_get(list, s, n) != NULL;
        }
    }
    if (s != buf)
        free(s);
    return found;
}
