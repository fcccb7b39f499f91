/* walk.h - turning command-line paths into the list of files to lint.
 *
 * Directories are walked recursively in name order (so output is
 * deterministic), keeping *.md and *.markdown files and skipping hidden
 * entries. A symbolic link met in a walk is followed only when its target
 * is inside the folder being walked (a link to a secret file elsewhere
 * would print its lines into a CI log), unless follow_symlinks is set
 * (--follow-symlinks); a link named on the command line is followed. Each
 * directory is entered once per path argument, however many links lead to
 * it: a symlink loop ends, and a web of links cannot make the walk
 * exponential. A file reached twice (two arguments, a link and its target,
 * a file and its folder) is listed once, at its first place. Files that
 * .gitignore rules (or the default skip list) leave out are not listed
 * unless no_ignore is set (see ignore.h). */
#ifndef CIV_WALK_H
#define CIV_WALK_H

#include <stddef.h>

#include "base/strmap.h"
#include "base/util.h"

typedef struct {
    char **paths;    /* files to lint, in order ("-" for standard input);
                        the strings live in `pool` */
    size_t n, cap;
    char **errors;   /* one-line messages for paths that failed */
    size_t nerrors, errcap;
    civ_arena pool;  /* the path strings, packed: a list of 10,000 files
                        costs its bytes, not 10,000 malloc blocks */
    char **warnings; /* symbolic links not followed */
    size_t nwarnings, warncap;
    civ_strmap files; /* (device, inode) of every file listed */
    bool follow_symlinks;
    bool no_ignore;   /* --no-ignore: walk every folder, ignore no file */
} civ_walk;

void civ_walk_init(civ_walk *w);
void civ_walk_release(civ_walk *w);
/* Adds `path`: a file is added as given (even without a .md suffix), a
 * directory is walked; problems are appended to w->errors. */
void civ_walk_add(civ_walk *w, const char *path);

#endif
