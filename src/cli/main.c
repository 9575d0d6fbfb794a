/* main.c: docketctl
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "docket-cli.h"

int
main (int   argc,
      char *argv[])
{
  return docket_cli_run (argc, argv);
}
