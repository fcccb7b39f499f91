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
    int direct;             /* -1: unset */
    long acronym;           /* -1: unset */
    int unknown_terms;      /* spelling.unknown-terms (CIV_TERMS_* values); -1: unset */
    int foreign; /* spelling.foreign: CIV_FOREIGN_* (check.h), -1 unset */
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
    char *lang;
    char **dicts;
    size_t ndicts, dcap;
    char **rule_dirs;
    size_t nrule_dirs, rcap;
    char **ignore;
    size_t nignore, icap;
    override *ovr;
    size_t novr, ocap;
    civ_rules *rules;       /* owned when the config adds packs, else NULL */
};

#endif
