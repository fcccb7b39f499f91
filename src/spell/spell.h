/* spell.h - the speller: hunspell dictionaries, word lists and a cache of
 * verdicts and suggestions shared by every file of a run.
 *
 * One civ_speller is made per run (main.c), loaded once, and handed to the
 * checks through civ_ctx. Words are given in their dictionary form: UTF-8,
 * straight apostrophes (civ_word_normalize), no trailing punctuation.
 *
 * Dictionaries. civ_speller_new finds LANG.aff and LANG.dic: in `dict` when
 * given (a folder, or a path with or without the .aff/.dic extension), else
 * in each folder of $DICPATH (colon-separated), then /usr/share/hunspell,
 * /usr/share/myspell/dicts and /usr/share/myspell. civ_speller_add_dic
 * loads a further .dic on top (the house dictionary; it shares the main
 * .aff's affix flags). civ_speller_add_words_file adds a plain word list.
 *
 * Caching. Each distinct word goes to hunspell once per run; its verdict
 * is kept in a hash table (strmap.h). Suggestions are computed only when
 * asked for (for a word that is reported) and then kept too.
 *
 * Suggestions. Known words one edit away (case, swap, drop, add, change),
 * ranked by how likely the edit is a typo (near.h: a swap, a doubled
 * letter or a key next to the right one costs less), about a millisecond
 * a word and the same in every run. Hunspell's
 * own full search (n-grams, phonetics) finds more for words two or more
 * edits away, but costs ~50 ms a word and stops at a CPU-time limit, so its
 * list can change with the machine's load; it runs only when the speller
 * is set to (civ_speller_set_full_search, `--suggest=full`).
 *
 * Threading contract. Set-up (civ_speller_new, civ_speller_add_dic,
 * civ_speller_add_words_file, civ_speller_add_word) happens on one thread
 * before the first lookup. After that, civ_speller_check,
 * civ_speller_suggest, civ_speller_account and civ_speller_stats may be
 * called from any number of threads at once: the verdict cache is split
 * in shards by the word's hash, each behind a pthread rwlock (lookups of
 * cached words take only one shard's read lock); a new word's verdict
 * comes from the word index (wordindex.h) when it can tell, else from
 * hunspell. Hunspell handles - which are not thread-safe - come from a pool: a
 * thread takes an idle handle or, when none is idle, loads a new one, uses
 * it for one call and gives it back. So a run with N threads holds at most
 * N handles, and a single-threaded run holds exactly one. civ_speller_free
 * is called once, after every thread is done. */
#ifndef CIV_SPELL_H
#define CIV_SPELL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/strmap.h"

typedef struct civ_speller civ_speller;

#define CIV_SPELL_DEFAULT_LANG "en_US"
#define CIV_SPELL_MAX_SUGGEST 3

/* Loads the dictionary for lang (NULL: en_US) as described above. On
 * failure returns NULL and sets *err to a heap message (caller frees) that
 * names the Debian package to install. Free with civ_speller_free. */
civ_speller *civ_speller_new(const char *lang, const char *dict, char **err);
void civ_speller_free(civ_speller *sp);

/* The .aff and .dic files in use (owned by the speller). */
const char *civ_speller_aff(const civ_speller *sp);
const char *civ_speller_dic(const civ_speller *sp);

/* Also asks hunspell's full search for words with nothing one edit away
 * (see above). Set-up only, before the first lookup. */
void civ_speller_set_full_search(civ_speller *sp, bool on);

/* Largest extra dictionary or word list read: lists are read only from
 * regular files of at most this size (a FIFO, device or folder is refused
 * with the reason), so `dictionaries: [/dev/zero]` cannot exhaust memory.
 * The largest hunspell dictionaries Debian ships are under 20 MB. */
#define CIV_WORDLIST_MAX ((size_t)64 << 20)

/* Loads a hunspell .dic (a count line, then word or word/FLAGS lines) on
 * top of the main dictionary. False with *err (heap) when unreadable. */
bool civ_speller_add_dic(civ_speller *sp, const char *path, char **err);

/* Adds the words of a plain list: one word per line, '#' starts a comment
 * line, blank lines ignored, curly apostrophes made straight. This is the
 * API for the config key `dictionaries:` and for --words. False with *err
 * (heap) when the file cannot be read. */
bool civ_speller_add_words_file(civ_speller *sp, const char *path, char **err);

/* A project's word list, whatever its name: a hunspell .dic (its first
 * line is a word count; affix flags apply) is added as one
 * (civ_speller_add_dic), anything else is read as a plain list
 * (civ_speller_add_words_file). False with *err (heap) when it cannot be
 * read. */
bool civ_speller_add_list(civ_speller *sp, const char *path, char **err);
void civ_speller_add_word(civ_speller *sp, const char *word, size_t n);

/* True when word[0..n) is correct: in a word list, or accepted by
 * hunspell (which knows case rules: "government" also accepts
 * "Government" and "GOVERNMENT"). Thread-safe. */
bool civ_speller_check(civ_speller *sp, const char *word, size_t n);

/* Up to CIV_SPELL_MAX_SUGGEST suggestions for word[0..n), best first.
 * Stores a pointer to the speller's cached array in *out (valid until
 * civ_speller_free; do not free) and returns its length. Thread-safe. */
size_t civ_speller_suggest(civ_speller *sp, const char *word, size_t n, char *const **out);

/* How close an unknown word is to the dictionary: the cost (near.h,
 * quarters of an edit) of the cheapest known word one edit away, whether
 * that word is a proper noun (known only capitalised: `Tbilisi`), and the
 * word itself (owned by the speller). cost is CIV_SPELL_FAR and word NULL
 * when nothing is one edit away, or for a word of a word list. Computed
 * once per distinct word (it is the same search as the suggestions, so a
 * later civ_speller_suggest costs nothing more). Thread-safe. */
#define CIV_SPELL_FAR 1000
#define CIV_SPELL_EDIT 4 /* the cost of one plain edit */
typedef struct {
    int cost;
    bool proper;
    const char *word;
} civ_closeness;
civ_closeness civ_speller_closest(civ_speller *sp, const char *word, size_t n);

/* The dictionary's own casing of an unknown word that is a known word in
 * another case (`Github` -> `GitHub`, `THe` -> `The`, `powerpoint` ->
 * `PowerPoint`), or NULL; owned by the speller. Only the first step of
 * the near search (a few lookups), so cheap enough for every unknown
 * word; the same answer as a civ_speller_closest of cost 1. Thread-safe. */
const char *civ_speller_casing(civ_speller *sp, const char *word, size_t n);

/* Spellings of the same language (issue 13, item 6): `lang: [en_US,
 * en_GB]` accepts a word either dictionary knows, and a post of an en_US
 * project written consistently in British spelling is told apart from an
 * American post with one `colour` (checks/spelling_lang.c).
 *
 * civ_speller_add_variant hands `variant` (a speller of another spelling,
 * e.g. en_GB) to sp, which frees it; its words are correct for
 * civ_speller_check (false when CIV_SPELL_MAX_VARIANTS are already given).
 * civ_speller_add_candidate names the one other spelling that is not
 * accepted but asked: civ_speller_variant_knows returns its lang (owned
 * by the speller) when it knows a word, else NULL, and
 * civ_speller_variant_lacks is true when it does not know a word (`color`
 * for en_GB: a sign of American spelling). The candidate is loaded at the
 * first of these calls (a missing dictionary: both answer as if there
 * were no candidate). Set-up only for the add calls; the lookups are
 * thread-safe. */
#define CIV_SPELL_MAX_VARIANTS 4
bool civ_speller_add_variant(civ_speller *sp, civ_speller *variant);
void civ_speller_add_candidate(civ_speller *sp, const char *lang, const char *dict);
const char *civ_speller_variant_knows(civ_speller *sp, const char *word, size_t n);
bool civ_speller_variant_lacks(civ_speller *sp, const char *word, size_t n);
/* For telling two spellings apart (checks/spelling_variant.c):
 * civ_speller_other is the other spelling sp knows of - its candidate
 * (one `lang`, loaded at first use) or else the first other language of a
 * list (`lang: [en_US, en_GB]`) - or NULL; civ_speller_own_knows asks sp's
 * own hunspell dictionary only (with the house dictionary loaded into it),
 * not its word lists nor its other languages. Thread-safe. */
civ_speller *civ_speller_other(civ_speller *sp);
bool civ_speller_own_knows(civ_speller *sp, const char *word, size_t n);
/* The language the speller was made for ("en_US"), owned by it. */
const char *civ_speller_lang(const civ_speller *sp);
/* Large general word lists (known.h: Debian's wamerican-huge and
 * wbritish-huge) that tell the spelling check an unknown word is an
 * English word or name hunspell lacks, not likely a typo; they never make
 * a word correct. civ_speller_add_known names one (set-up only; read at
 * the first lookup); civ_speller_listed looks a word up and, when lists
 * is not NULL, gives how many lists were read and how many words they
 * hold (0 and 0 when none could be read). Thread-safe. */
void civ_speller_add_known(civ_speller *sp, const char *path);
bool civ_speller_listed(civ_speller *sp, const char *word, size_t n, size_t *lists, size_t *words);
/* Makes the lists named so far be memory-mapped from the index at path
 * (known.h; built at `make`) when it was built from their present
 * contents; else they are read. Set-up only, after civ_speller_add_known. */
void civ_speller_set_known_index(civ_speller *sp, const char *path);
/* After a lookup: why that index is not used (owned; for -v), or NULL. */
const char *civ_speller_known_note(civ_speller *sp);

/* True when word[0..n) is in one of the speller's plain word lists. */
bool civ_speller_in_list(const civ_speller *sp, const char *word, size_t n);

/* The known words one edit from word[0..n), cheapest first, with their
 * costs (near.h, in quarters of an edit): up to max (at most 16) in out,
 * each word on the heap (the caller frees). The search behind the
 * suggestions, for --explain-word. Thread-safe. */
typedef struct {
    char *word;
    int cost;
} civ_ranked;
size_t civ_speller_rank(civ_speller *sp, const char *word, size_t n, civ_ranked *out, size_t max);

/* Makes the near search (the suggestions, civ_speller_closest and
 * civ_speller_casing) read the word index at path (wordindex.h) instead
 * of asking hunspell for each candidate, with the same answers. The index
 * is opened at the first search, and used only when it was built from
 * this speller's .aff, .dic and extra .dic files (the house dictionary);
 * else the search asks hunspell as before. Set-up only. */
void civ_speller_set_index(civ_speller *sp, const char *path);
/* Why the word index set is not used (owned by the speller; for -v), or
 * NULL: it is used, none was set, or no search has run yet. */
const char *civ_speller_index_note(civ_speller *sp);

/* Counters for --spell-stats. */
typedef struct {
    uint64_t words;       /* words checked (civ_speller_account) */
    uint64_t distinct;    /* distinct words in the verdict cache */
    uint64_t lookups;     /* verdicts asked (word index or Hunspell_spell) */
    uint64_t suggestions; /* suggestion lists computed (once per word) */
    uint64_t handles;     /* hunspell handles loaded */
    uint64_t ns;          /* time spent in the spelling check */
} civ_spell_stats;

/* Adds `words` checked in `ns` nanoseconds to the counters. Thread-safe. */
void civ_speller_account(civ_speller *sp, uint64_t words, uint64_t ns);
void civ_speller_stats(civ_speller *sp, civ_spell_stats *st);

/* Word lists with hunspell's case rules, ASCII letters only: an entry in
 * lower case also matches its Capitalised and ALL-CAPS forms, a
 * Capitalised entry its ALL-CAPS form. Used for --words lists and for a
 * post's own <!-- civlint-words: ... --> list. Values are unused. */
void civ_wordlist_add(civ_strmap *list, const char *word, size_t n);
bool civ_wordlist_has(const civ_strmap *list, const char *word, size_t n);
/* The same with word's civ_strmap_hash given. */
bool civ_wordlist_has_hashed(const civ_strmap *list, const char *word, size_t n, uint64_t hash);

#endif
