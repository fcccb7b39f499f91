/* settings.h - from a file's configuration to what its checks read.
 *
 * The configuration (config.h) knows nothing of the checks, and the checks
 * nothing of the configuration; the driver, which may use both, copies one
 * file's settings into the civ_ctx its linter runs with. */
#ifndef CIV_DRIVER_SETTINGS_H
#define CIV_DRIVER_SETTINGS_H

#include "checks/check.h"
#include "config/config.h"

/* Fills a civ_ctx from the settings: the rules, the dictionary language
 * and files, the figure scope, empty-section's direct content and, when
 * set, the acronym length (its other fields untouched). The ctx borrows
 * the settings' strings. */
void civ_file_settings_ctx(const civ_file_settings *s, civ_ctx *ctx);

#endif
