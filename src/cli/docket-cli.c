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
#include "docket-cli-commands.h"
#include "docket-cli-output.h"

static void
setup_i18n (void)
{
  const char *localedir = g_getenv ("DOCKET_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static GPtrArray *
all_commands (void)
{
  GPtrArray *commands = g_ptr_array_new ();
  const DocketCliCommand *(*tables[]) (guint *) = DOCKET_CLI_COMMAND_TABLES;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      guint n = 0;
      const DocketCliCommand *list = tables[t] (&n);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (commands, (gpointer) &list[i]);
    }
  return commands;
}

static char *
command_synopsis (const DocketCliCommand *command)
{
  GString *synopsis = g_string_new (command->group);

  if (command->verb != NULL)
    g_string_append_printf (synopsis, " %s", command->verb);
  if (command->params != NULL)
    g_string_append_printf (synopsis, " %s", command->params);
  return g_string_free (synopsis, FALSE);
}

static char *
main_description (GPtrArray *commands)
{
  g_autoptr(DocketCliTable) table = docket_cli_table_new ();
  g_autofree char *rendered = NULL;

  docket_cli_table_add_column (table, _("Command"), DOCKET_CLI_ALIGN_LEFT, FALSE);
  docket_cli_table_add_column (table, _("What it does"), DOCKET_CLI_ALIGN_LEFT, TRUE);
  for (guint i = 0; i < commands->len; i++)
    {
      const DocketCliCommand *command = g_ptr_array_index (commands, i);
      g_autofree char *synopsis = command_synopsis (command);

      docket_cli_table_add_row (table, synopsis, _(command->summary), NULL);
    }
  rendered = docket_cli_table_render (table, 0);

  return g_strdup_printf ("%s\n%s\n%s\n"
                          "  0  %s\n  1  %s\n  2  %s\n  3  %s\n  4  %s\n  5  %s\n  6  %s\n\n%s",
                          _("Commands:"), rendered,
                          _("Exit codes:"),
                          _("success"),
                          _("failure (for example, the disk is full)"),
                          _("usage error: unknown command or option, missing argument"),
                          _("not found: the record named does not exist"),
                          _("invalid input: a date, a number or a text is not acceptable"),
                          _("database refused: the file is from a newer Docket, is not a Docket "
                            "database, is damaged or cannot be written"),
                          _("conflict: the change does not fit the record's state"),
                          _("Run “docketctl COMMAND --help” for a command's options and examples."));
}

static const DocketCliCommand *
find_command (GPtrArray  *commands,
              const char *group,
              const char *verb,
              gboolean   *group_exists)
{
  *group_exists = FALSE;
  for (guint i = 0; i < commands->len; i++)
    {
      const DocketCliCommand *command = g_ptr_array_index (commands, i);

      if (g_strcmp0 (command->group, group) != 0)
        continue;
      *group_exists = TRUE;
      if (command->verb == NULL || g_strcmp0 (command->verb, verb) == 0)
        return command;
    }
  return NULL;
}

static gboolean
all_arguments_are_utf8 (int    argc,
                        char **argv)
{
  for (int i = 0; i < argc; i++)
    if (!g_utf8_validate (argv[i], -1, NULL))
      return FALSE;
  return TRUE;
}

int
docket_cli_run (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) commands = NULL;
  g_autofree char *description = NULL;
  const DocketCliCommand *command;
  DocketCliContext ctx = { 0 };
  gboolean version = FALSE;
  gboolean group_exists;
  int status;
  GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &ctx.database, N_("Use the database file PATH"),
      N_("PATH") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &ctx.json, N_("Print results as JSON"), NULL },
    { NULL }
  };

  setup_i18n ();
  commands = all_commands ();

  context = g_option_context_new (_("COMMAND … — work with Docket's records from the command line"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);
  description = main_description (commands);
  g_option_context_set_description (context, description);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return docket_cli_usage_error ("%s", error->message);

  if (version)
    {
      g_print ("docketctl %s\n", PACKAGE_VERSION);
      return DOCKET_CLI_EXIT_OK;
    }

  if (argc < 2)
    return docket_cli_usage_error ("%s", _("No command given. Run “docketctl --help” to see the commands."));

  if (!all_arguments_are_utf8 (argc, argv))
    {
      g_printerr ("docketctl: %s\n", _("An argument is not valid UTF-8 text. Check the "
                                       "terminal's character encoding."));
      g_free (ctx.database);
      return DOCKET_CLI_EXIT_INVALID;
    }

  command = find_command (commands, argv[1], argc > 2 ? argv[2] : NULL, &group_exists);
  if (command == NULL)
    {
      g_free (ctx.database);
      if (group_exists)
        return docket_cli_usage_error (_("“%s %s” is not a docketctl command. Run “docketctl "
                                         "--help” to see the commands."),
                                       argv[1], argc > 2 ? argv[2] : "");
      return docket_cli_usage_error (_("“%s” is not a docketctl command. Run “docketctl --help” "
                                       "to see the commands."), argv[1]);
    }

  /* The handler sees its own arguments, argv[0] naming the command. */
  {
    int skip = command->verb ? 2 : 1;
    status = command->handler (&ctx, argc - skip, argv + skip);
  }

  if (ctx.store != NULL)
    docket_store_close (ctx.store);
  g_clear_object (&ctx.store);
  g_free (ctx.database);
  return status;
}

DocketStore *
docket_cli_get_store (DocketCliContext *ctx,
                      GError          **error)
{
  if (ctx->store == NULL)
    {
      ctx->store = docket_store_open (ctx->database, error);
      if (ctx->store != NULL)
        docket_store_set_actor (ctx->store, g_get_real_name ());
    }
  return ctx->store;
}

/**
 * docket_cli_fail:
 *
 * Prints @error as one line on standard error and returns the exit code for it.
 */
int
docket_cli_fail (const GError *error)
{
  g_printerr ("docketctl: %s\n", error->message);

  if (error->domain == DOCKET_STORE_ERROR)
    {
      switch ((DocketStoreError) error->code)
        {
        case DOCKET_STORE_ERROR_NEWER_VERSION:
        case DOCKET_STORE_ERROR_NOT_DOCKET:
        case DOCKET_STORE_ERROR_DAMAGED:
        case DOCKET_STORE_ERROR_READ_ONLY:
        case DOCKET_STORE_ERROR_BUSY:
          return DOCKET_CLI_EXIT_REFUSED;
        case DOCKET_STORE_ERROR_NOT_FOUND:
          return DOCKET_CLI_EXIT_NOT_FOUND;
        case DOCKET_STORE_ERROR_INVALID:
          return DOCKET_CLI_EXIT_INVALID;
        case DOCKET_STORE_ERROR_CONFLICT:
          return DOCKET_CLI_EXIT_CONFLICT;
        case DOCKET_STORE_ERROR_FAILED:
        default:
          return DOCKET_CLI_EXIT_FAILURE;
        }
    }
  if (error->domain == DOCKET_ERROR)
    {
      switch ((DocketError) error->code)
        {
        case DOCKET_ERROR_INVALID_INPUT:
          return DOCKET_CLI_EXIT_INVALID;
        case DOCKET_ERROR_NOT_FOUND:
          return DOCKET_CLI_EXIT_NOT_FOUND;
        case DOCKET_ERROR_CONFLICT:
          return DOCKET_CLI_EXIT_CONFLICT;
        case DOCKET_ERROR_FAILED:
        default:
          return DOCKET_CLI_EXIT_FAILURE;
        }
    }
  if (error->domain == G_OPTION_ERROR)
    return DOCKET_CLI_EXIT_USAGE;
  return DOCKET_CLI_EXIT_FAILURE;
}

int
docket_cli_usage_error (const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("docketctl: %s\n", message);
  return DOCKET_CLI_EXIT_USAGE;
}

int
docket_cli_parse_options (const DocketCliCommand *command,
                          const GOptionEntry     *entries,
                          int                    *argc,
                          char                 ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *synopsis = command_synopsis (command);
  g_autofree char *summary = NULL;
  g_autofree char *parameter = g_strdup_printf ("%s%s%s", command->verb ? command->verb : "",
                                                command->verb && command->params ? " " : "",
                                                command->params ? command->params : "");

  context = g_option_context_new (parameter);
  summary = g_strdup (_(command->summary));
  g_option_context_set_summary (context, summary);
  if (command->examples != NULL)
    {
      g_autofree char *examples = g_strdup_printf ("%s\n%s", _("Examples:"), command->examples);
      g_option_context_set_description (context, examples);
    }
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  /* GOption names the program from argv[0]; make it "docketctl GROUP". */
  g_set_prgname (command->group);
  {
    g_autofree char *prgname = g_strdup_printf ("docketctl %s", command->group);
    g_set_prgname (prgname);
  }

  if (!g_option_context_parse (context, argc, argv, &error))
    return docket_cli_usage_error ("%s", error->message);
  return -1;
}

void
docket_cli_print_json (JsonNode *node)
{
  g_autofree char *text = docket_cli_json_to_string (node);

  g_print ("%s\n", text);
}
