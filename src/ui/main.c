/* main.c: docket
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "docket-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DocketApplication) app = NULL;

  docket_application_setup_i18n ();
  app = docket_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
