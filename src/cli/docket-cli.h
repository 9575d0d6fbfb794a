/* docket-cli.h
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * DocketCliExit:
 *
 * docketctl's exit codes, documented in docketctl(1).
 */
typedef enum
{
  DOCKET_CLI_EXIT_OK = 0,
  DOCKET_CLI_EXIT_FAILURE = 1,
  DOCKET_CLI_EXIT_USAGE = 2,
  DOCKET_CLI_EXIT_NOT_FOUND = 3,
  DOCKET_CLI_EXIT_INVALID = 4,
  DOCKET_CLI_EXIT_REFUSED = 5,
  DOCKET_CLI_EXIT_CONFLICT = 6,
} DocketCliExit;

int docket_cli_run (int argc, char **argv);

G_END_DECLS
