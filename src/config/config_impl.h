/* config_impl.h - the layout of a parsed configuration, shared by the
 * files of the config part (config.c reads it, resolve.c applies it to a
 * file); not for other parts, which see config.h only. */
#ifndef CIV_CONFIG_IMPL_H
#define CIV_CONFIG_IMPL_H

#include "config/config.h"

/* The settings `overrides` may change as well as the top level. */
typedef struct {
    civ_policy policy;
    int figure_scope;       /* -1: unset */
    int figure_self;        /* figures.self-attribution: 0 allow, 1 report; -1: unset */
    int direct;             /* -1: unset */
    long acronym;           /* -1: unset */
    int unknown_terms;      /* spelling.unknown-terms (CIV_TERMS_* values); -1: unset */
    int typography;         /* 1 smart, 0 plain; -1: unset */
    char **author_keys;     /* author-line.keys; NULL: unset */
    size_t nauthor_keys;
    int author_required;    /* CIV_AUTHOR_* (check.h): 0 posts, 1 true, 2 false; -1: unset */
    char *author_data_path; /* author-line.data (resolved), or NULL */
    civ_strmap *author_data;/* its contents (site.h), or NULL */
    int foreign; /* spelling.foreign: CIV_FOREIGN_* (check.h), -1 unset */
    int nbsp_all; /* invisible-character.no-break-space: 1 all, 0 stray; -1 unset */
    char *lang;   /* lang: one or a comma-separated list (en_US,en_GB); NULL: unset */
} part;

typedef struct {
    char **globs;
    size_t nglobs, cap;
    part p;
} override;

struct civ_config {
    char *path;
    char *dir;              /* folder of path, the base of relative paths */
    part top;
    int site;               /* `site:`; -1: unset (guessed) */
    char **dicts;
    size_t ndicts, dcap;
    char **own_names;       /* figures.own-names (top level only) */
    size_t nown_names, ncap;
    char **rule_dirs;
    size_t nrule_dirs, rcap;
    char **ignore;
    size_t nignore, icap;
    override *ovr;
    size_t novr, ocap;
    civ_rules *rules;       /* owned when the config adds packs, else NULL */
};

#endif
