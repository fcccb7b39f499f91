/* dictfind.h - where a language's hunspell dictionary is (spell.h,
 * civ_speller_new, says the order). Internal to the spell part. */
#ifndef CIV_SPELL_DICTFIND_H
#define CIV_SPELL_DICTFIND_H

#include <stdbool.h>

/* Sets *aff and *dic (heap) to LANG.aff and LANG.dic: in dict when given
 * (a folder, or a path with or without the extension), else in $DICPATH's
 * folders, then /usr/share/hunspell, /usr/share/myspell/dicts and
 * /usr/share/myspell. False with *err (heap) naming the Debian package to
 * install when none is found. */
bool civ_dict_find(const char *lang, const char *dict, char **aff, char **dic, char **err);

#endif
