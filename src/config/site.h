/* site.h - the site generator a post is rendered by (`site:` in
 * .civlint.yml, or guessed from the files of the site), and the author
 * data file (`author-line.data`). Private to the config part. */
#ifndef CIV_CONFIG_SITE_H
#define CIV_CONFIG_SITE_H

#include <stdbool.h>

#include "base/strmap.h"
#include "base/yamltree.h"

/* The value of `site:` for a name, or -1. */
int civ_site_parse(const char *name);
/* Whether the site's renderer smartens quotes, dashes and ellipses by
 * default (README "Your site generator" gives the evidence per
 * generator). */
bool civ_site_smart(int site);

/* The generator whose configuration file is in absolute folder dir, or -1;
 * *marker is set to the file's name (static). */
int civ_site_in_dir(const char *dir, const char **marker);
/* True when dir is the top of a repository (it holds .git): guessing
 * stops there, so a post is never judged by a file outside its project. */
bool civ_site_is_top(const char *dir);

/* The site's name from its configuration file `marker` in folder dir
 * (civ_site_in_dir): `title` in _config.yml, hugo.toml/.yaml/.json and
 * config.toml, `site_name` in mkdocs.yml, the first `title: '...'` of
 * docusaurus.config.js/.ts (a plain string literal only: the file is not
 * run), SITENAME in pelicanconf.py; Eleventy keeps none. Of a title like
 * "Harbour Watch Blog | Home" only the name is kept ("Harbour Watch").
 * Heap string, or NULL when there is none or the file cannot be read. */
char *civ_site_title(const char *dir, const char *marker);

/* Reads an author data file (JSON or YAML: libyaml reads both) into m:
 * post path or slug -> (void *)1 when it names authors, (void *)2 when
 * its value is empty. Shapes: a mapping {POST: AUTHOR|[AUTHOR...]|{name}}
 * or a list of mappings with `path`, `file` or `slug` and `author` or
 * `authors`. Returns NULL on success, else a heap message "LINE:COL:
 * problem" or "cannot open ...". */
char *civ_author_data_load(const char *path, civ_strmap *m);

#endif
