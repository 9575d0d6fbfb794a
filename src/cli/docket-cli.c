/* docket-cli.c: argument parsing and dispatch for docketctl
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docketctl"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "docket-cli.h"
#include "docket-store.h"

static void
setup_i18n (void)
{
  const char *localedir = g_getenv ("DOCKET_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
docket_cli_run (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  gboolean version = FALSE;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, N_("Use the database file PATH"),
      N_("PATH") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print results as JSON"), NULL },
    { NULL }
  };

  setup_i18n ();

  context = g_option_context_new (_("COMMAND — work with Docket's records from the command line"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("docketctl: %s\n", error->message);
      return DOCKET_CLI_EXIT_USAGE;
    }

  if (version)
    {
      g_print ("docketctl %s\n", PACKAGE_VERSION);
      return DOCKET_CLI_EXIT_OK;
    }

  if (argc < 2)
    {
      g_printerr ("docketctl: %s\n", _("No command given. Run “docketctl --help” to see the commands."));
      return DOCKET_CLI_EXIT_USAGE;
    }

  g_printerr ("docketctl: ");
  g_printerr (_("“%s” is not a docketctl command. Run “docketctl --help” to see the commands."),
              argv[1]);
  g_printerr ("\n");
  return DOCKET_CLI_EXIT_USAGE;
}
