/* ignore.h - which files a folder walk leaves out (--no-ignore lints all).
 *
 * Inside a git work tree a walked folder holds what `git ls-files --cached
 * --others --exclude-standard` lists there: tracked files, and untracked
 * ones no .gitignore, .git/info/exclude or core.excludesFile rule ignores.
 * git itself answers rather than a re-implementation of its rules (nested
 * .gitignore files, negations, "**", the global excludes file and tracked
 * files that match a rule all behave exactly as git says). Outside a work
 * tree, or when git is missing or fails, nothing is left out by git and no
 * message is given. In and out of git, folders named node_modules, vendor,
 * _site or public met during a walk are skipped (dependencies and generated
 * sites, never posts to edit). A folder or file named on the command line
 * is never skipped by name; files named on the command line are linted
 * whatever the rules say. */
#ifndef CIV_IGNORE_H
#define CIV_IGNORE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "base/strmap.h"

typedef struct {
    civ_strmap listed; /* (device, inode) of each Markdown file git lists */
    bool active;       /* git answered: a file it does not list is ignored */
    size_t skipped;    /* files and folders left out so far */
} civ_ignore;

/* Asks git about folder dir; ig->active stays false when it cannot say. */
void civ_ignore_load(civ_ignore *ig, const char *dir);
void civ_ignore_release(civ_ignore *ig);
/* True when a folder of this name is skipped by default. */
bool civ_ignore_dir_name(const char *name);
/* True when git lists the file st describes (always true when inactive). */
bool civ_ignore_lists(const civ_ignore *ig, const struct stat *st);

#endif
