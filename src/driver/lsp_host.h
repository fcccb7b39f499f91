/* lsp_host.h - `civlint --lsp`: the driver's side of the language server.
 * The server (src/lsp/) lints documents; the driver, which owns the
 * configuration and the spellers, prepares the settings for each
 * document's path exactly as for a file on the command line. */
#ifndef CIV_DRIVER_LSP_HOST_H
#define CIV_DRIVER_LSP_HOST_H

#include "driver/run.h"

/* Serves the language server on stdin/stdout with the run's rules,
 * configuration and command-line settings; returns the exit status. */
int civ_run_serve_lsp(civ_run *r);

#endif
