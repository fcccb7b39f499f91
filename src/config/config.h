/* config.h - .civlint.yml: discovery, parsing and what applies to a file.
 *
 * For each linted file civlint walks up from the file's folder to the
 * filesystem root and uses the nearest `.civlint.yml` (or `.civlint.yaml`);
 * configurations do not merge with those further up. `--config FILE` uses
 * one file for every input, `--no-config` none. Parsed configurations are
 * cached per folder, so a thousand posts in one folder read it once.
 *
 * Precedence for one file: defaults < the config's top level < its
 * `overrides` whose globs match the file, in order < the command line.
 * `lang` is the exception: --lang is the default the config refines, and
 * a post's front-matter `lang:` refines the config (driver/postlang.h).
 *
 * The keys (README "Configuration" documents them with examples):
 *     enable: [RULE...]            disable: [RULE...]
 *     severity: {RULE: error|warning|note|off|on}
 *     lang: en_US                  dictionaries: [FILE.dic...]
 *     rules: [DIR-or-FILE...]      (extra rule packs)
 *     figures: {scope: adjacent|sentence|paragraph, self-attribution: allow|report,
 *               own-names: [NAME...]}
 *     empty-section: {direct-content: true|false}
 *     acronym-max-length: N
 *     spelling: {unknown-terms: off|note|warning, foreign: skip|note|check}
 *     site: jekyll|hugo|eleventy|pelican|mkdocs|docusaurus|plain
 *                                  (unset: guessed from the site's files,
 *                                  else from its posts' syntax: sitesyntax.h)
 *     typography: smart|plain      (default: the site's renderer's)
 *     author-line: {keys: [KEY...], required: posts|true|false, data: FILE}
 *     invisible-character: {no-break-space: stray|all}
 *     ignore: [GLOB...]
 *     overrides: [{files: [GLOB...], enable, disable, severity, figures,
 *                  empty-section, acronym-max-length, spelling, typography,
 *                  author-line, invisible-character, lang}]
 * Paths and globs are relative to the folder of the config file. A glob
 * without '/' matches a file name in any folder; otherwise it matches the
 * path from the config's folder, with '*' within one folder and '**' across
 * folders. Unknown keys, bad values and unknown rule ids are errors
 * "FILE:LINE:COL: error: ...". */
#ifndef CIV_CONFIG_H
#define CIV_CONFIG_H

#include <stdbool.h>
#include <stdio.h>

#include "base/strmap.h"
#include "policy/policy.h"
#include "rules/rules.h"

typedef struct civ_config civ_config;

/* `site:` values. */
typedef enum {
    CIV_SITE_PLAIN,
    CIV_SITE_JEKYLL,
    CIV_SITE_HUGO,
    CIV_SITE_ELEVENTY,
    CIV_SITE_PELICAN,
    CIV_SITE_MKDOCS,
    CIV_SITE_DOCUSAURUS,
} civ_site;
const char *civ_site_name(int site);
typedef struct civ_configs civ_configs;

/* Which setting gave a file's lang, for --print-config. The config part
 * sets the two of .civlint.yml; the driver, which reads --lang and the
 * post, the others. */
typedef enum {
    CIV_LANG_FROM_DEFAULT,   /* en_US */
    CIV_LANG_FROM_CLI,       /* --lang */
    CIV_LANG_FROM_CONFIG,    /* the config's top-level lang */
    CIV_LANG_FROM_OVERRIDE,  /* an override's lang (lang_glob matched) */
    CIV_LANG_FROM_POST,      /* the post's front matter */
} civ_lang_from;

/* What the run gives every config: the rules every file gets (shipped and
 * --rules packs, already loaded) and the folders they came from (reloaded,
 * followed by the config's own `rules`, when a config adds packs). */
typedef struct {
    const civ_rules *rules;
    const char *const *rule_dirs;
    size_t nrule_dirs;
} civ_config_env;

/* Parses config text; `path` is used for messages and as the base of
 * relative paths. Returns NULL and sets *err (heap, caller frees; one or
 * more lines "PATH:LINE:COL: error: ...") on a bad file. Free with
 * civ_config_free. */
civ_config *civ_config_parse(const char *path, const char *text, size_t len,
                             const civ_config_env *env, char **err);
/* Reads and parses the file at path. A file that cannot be read gives
 * *err "configuration cannot open 'PATH': ..." (no location, and no
 * "civlint: error: " prefix: the printer adds it). Never prints. */
civ_config *civ_config_load(const char *path, const civ_config_env *env, char **err);
void civ_config_free(civ_config *c);

/* Everything that applies to one file. Owned by the caller: release with
 * civ_file_settings_release; the strings borrowed from the config stay
 * valid as long as the civ_configs that produced it. */
typedef struct {
    const char *config_path;  /* NULL: defaults, no config */
    bool ignored;             /* matched an `ignore` glob */
    const civ_rules *rules;
    civ_policy policy;        /* config, overrides, then command line */
    const char *lang;         /* NULL: default (en_US) */
    int lang_from;            /* civ_lang_from: where lang came from */
    const char *lang_glob;    /* CIV_LANG_FROM_OVERRIDE: the glob that matched */
    const char *lang_note;    /* why the post's front-matter lang is not
                                 used (set by the driver), or NULL */
    const char *const *dictionaries;
    size_t ndictionaries;
    int figure_scope;         /* CIV_FIGURES_ADJACENT, _SENTENCE or _PARAGRAPH (rules.h) */
    bool figure_self_report;  /* figures.self-attribution: report (default allow) */
    const char *const *figure_own_names; /* figures.own-names */
    size_t nfigure_own_names;
    bool empty_section_direct;
    size_t acronym_max_length; /* 0: the check's default */
    int unknown_terms;        /* spelling.unknown-terms: 0 off (default), 1 note, 2 warning */
    int site;                 /* civ_site */
    const char *site_from;    /* the file it was guessed from, or NULL */
    bool site_set;            /* set by the config's `site` */
    bool typography_smart;    /* typography: smart (the rules in
                                 civ_smart_typography_rules are off) */
    bool typography_set;      /* set by the config, not by the site */
    const char *const *author_keys; /* author-line.keys; NULL: the default */
    size_t nauthor_keys;
    int author_required;      /* author-line.required: 0 posts (default), 1 true,
                                 2 false (check.h's CIV_AUTHOR_* values) */
    int page_kind;            /* 0 unknown, 1 post, 2 documentation or other
                                 page (check.h's CIV_PAGE_*): civ_site_page_kind */
    const char *site_title;   /* the site's name from its configuration file,
                                 added to figure_own_names, or NULL */
    char **own_names_buf;     /* owned: figure_own_names when the site's name
                                 was added */
    bool nbsp_all;            /* invisible-character.no-break-space: all */
    const char *author_data_path;   /* author-line.data, or NULL */
    const civ_strmap *author_data;  /* its contents (site.h), or NULL */
    int foreign;              /* spelling.foreign: 0 skip (default), 1 note, 2 check */
    char *site_syntax;        /* owned: what the posts' syntax said of the
                                 generator where no configuration file did
                                 (config/sitesyntax.h), for --print-config */
    bool site_syntax_guessed; /* the site was guessed from that syntax */
} civ_file_settings;

/* Resolves the settings of a config for `path` (as given on the command
 * line); c may be NULL (defaults). cli holds the command-line settings.
 * `site` is the guessed generator (-1: none) and `site_from` the file it
 * was guessed from; the config's `site` wins over both. */
void civ_config_settings(const civ_config *c, const civ_config_env *env, const char *path,
                         const civ_policy *cli, civ_file_settings *out);
void civ_config_settings_site(const civ_config *c, const civ_config_env *env, const char *path,
                              const civ_policy *cli, int site, const char *site_from,
                              civ_file_settings *out);
void civ_file_settings_release(civ_file_settings *s);

/* What a page is, from its path relative to the site's root (or as given
 * when there is no root) and the site's generator: 1 a post, 2 a
 * documentation or other page, 0 unknown. The last folder that says
 * wins: `_posts`, `_drafts`, `posts`, `post`, `blog`, `news`, `articles`
 * say post; `docs`, `doc`, `documentation`, `guide`, `guides`, `wiki`,
 * `manual`, `handbook`, `pages`, `_pages` say page. With none: a Jekyll
 * page outside `_posts` is a page, a MkDocs or Docusaurus page outside a
 * blog folder is documentation; other generators: unknown. */
int civ_site_page_kind(int site, const char *relpath);
/* Prints the merged settings as YAML (--print-config). */
void civ_file_settings_print(const civ_file_settings *s, const char *path, FILE *fp);

/* The discovery cache. `explicit_path`: --config FILE (NULL: discover);
 * `none`: --no-config. Borrows env and cli, which must outlive it. */
civ_configs *civ_configs_new(const civ_config_env *env, const civ_policy *cli,
                             const char *explicit_path, bool none);
void civ_configs_free(civ_configs *cs);
/* The settings for `path` ("-" with a display name: pass the name). Returns
 * false when the governing config is bad: *err is set (heap) the first
 * time that config is met and NULL afterwards, so each bad file is
 * reported once. */
bool civ_configs_resolve(civ_configs *cs, const char *path, civ_file_settings *out, char **err);
/* Adds a post's raw bytes to the evidence of its folder: where no site
 * configuration file is found, the folder's posts get the generator that
 * their generator-only syntax names (config/sitesyntax.h). Called for the
 * run's files before any is resolved for linting. */
void civ_configs_add_syntax(civ_configs *cs, const char *path, const char *text, size_t len);
/* civ_configs_resolve with the evidence of this one text instead of its
 * folder's (the language server: one document, its own syntax). */
bool civ_configs_resolve_own(civ_configs *cs, const char *path, const char *text, size_t len,
                             civ_file_settings *out, char **err);

/* Glob matching as described above, on a path relative to the config. */
bool civ_glob_match(const char *glob, const char *relpath);
/* The same for a pattern with '/', without the leading "./" and "/"
 * handling; adds the steps taken to *work (when not NULL): at most
 * |pattern segments| x |path segments| segment matches, each at most
 * |pattern| x |segment| steps. For tests of that bound. */
bool civ_glob_match_counted(const char *glob, const char *relpath, size_t *work);

#endif
