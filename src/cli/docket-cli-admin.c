/* docket-cli-admin.c: check and backup
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docketctl"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-cli-commands.h"
#include "docket-cli-output.h"
#include "docket-store-backup.h"

static const DocketCliCommand admin_commands[];

static int
run_check (DocketCliContext *ctx,
           int               argc,
           char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  DocketStore *store;
  int status;

  if ((status = docket_cli_parse_options (&admin_commands[0], NULL, &argc, &argv)) >= 0)
    return status;
  if (argc > 1)
    return docket_cli_usage_error (_("“%s” takes no arguments."), "check");

  if ((store = docket_cli_get_store (ctx, &error)) == NULL ||
      !docket_store_check (store, &problems, &error))
    return docket_cli_fail (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "ok");
      json_builder_add_boolean_value (builder, problems->len == 0);
      json_builder_set_member_name (builder, "problems");
      json_builder_begin_array (builder);
      for (guint i = 0; i < problems->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (problems, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      docket_cli_print_json (root);
    }
  else if (problems->len == 0)
    g_print ("%s\n", _("No problems found."));
  else
    for (guint i = 0; i < problems->len; i++)
      g_print ("%s\n", (const char *) g_ptr_array_index (problems, i));

  return problems->len == 0 ? DOCKET_CLI_EXIT_OK : DOCKET_CLI_EXIT_FAILURE;
}

static int
run_backup_create (DocketCliContext *ctx,
                   int               argc,
                   char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  DocketStore *store;
  int status;

  if ((status = docket_cli_parse_options (&admin_commands[1], NULL, &argc, &argv)) >= 0)
    return status;
  if ((store = docket_cli_get_store (ctx, &error)) == NULL ||
      (path = docket_store_backup_now (store, &error)) == NULL)
    return docket_cli_fail (error);

  if (ctx->json)
    {
      g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), path);
      docket_cli_print_json (node);
    }
  else
    g_print ("%s\n", path);
  return DOCKET_CLI_EXIT_OK;
}

static char *
format_instant (gint64 unix_seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

static int
run_backup_list (DocketCliContext *ctx,
                 int               argc,
                 char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(DocketCliTable) table = docket_cli_table_new ();
  DocketStore *store;
  int status;

  if ((status = docket_cli_parse_options (&admin_commands[2], NULL, &argc, &argv)) >= 0)
    return status;
  if ((store = docket_cli_get_store (ctx, &error)) == NULL ||
      (backups = docket_store_list_backups (store, &error)) == NULL)
    return docket_cli_fail (error);

  docket_cli_table_add_column (table, _("Made"), DOCKET_CLI_ALIGN_LEFT, FALSE);
  docket_cli_table_add_column (table, _("Kind"), DOCKET_CLI_ALIGN_LEFT, FALSE);
  docket_cli_table_add_column (table, _("Size"), DOCKET_CLI_ALIGN_RIGHT, FALSE);
  docket_cli_table_add_column (table, _("File"), DOCKET_CLI_ALIGN_LEFT, TRUE);
  json_builder_begin_array (builder);
  for (guint i = 0; i < backups->len; i++)
    {
      DocketBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *made = format_instant (backup->created_at);
      g_autofree char *size = g_format_size (backup->size);

      docket_cli_table_add_row (table, made, backup->kind, size, backup->path, NULL);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, backup->path);
      json_builder_set_member_name (builder, "created_at");
      json_builder_add_int_value (builder, backup->created_at);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, backup->kind);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, backup->size);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      docket_cli_print_json (root);
    }
  else if (backups->len == 0)
    g_print ("%s\n", _("No backups yet. Make one with “docketctl backup create”."));
  else
    {
      g_autofree char *text = docket_cli_table_render (table, docket_cli_terminal_width ());
      g_print ("%s", text);
    }
  return DOCKET_CLI_EXIT_OK;
}

static int
run_backup_restore (DocketCliContext *ctx,
                    int               argc,
                    char            **argv)
{
  g_autoptr(GError) error = NULL;
  DocketStore *store;
  int status;

  if ((status = docket_cli_parse_options (&admin_commands[3], NULL, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return docket_cli_usage_error (_("Name the backup file to restore, as “docketctl backup list” "
                                     "shows it."));
  if ((store = docket_cli_get_store (ctx, &error)) == NULL ||
      !docket_store_restore_backup (store, argv[1], &error))
    return docket_cli_fail (error);
  g_print (_("Restored “%s”. The records as they were before are kept in a new backup."), argv[1]);
  g_print ("\n");
  return DOCKET_CLI_EXIT_OK;
}

static const DocketCliCommand admin_commands[] = {
  { "check", NULL, NULL,
    N_("Check the database: integrity, references between records, the audit log"),
    "  docketctl check\n  docketctl --json check\n", run_check },
  { "backup", "create", NULL, N_("Make a backup of the database now"),
    "  docketctl backup create\n", run_backup_create },
  { "backup", "list", NULL, N_("List the backups, newest first"),
    "  docketctl backup list\n", run_backup_list },
  { "backup", "restore", N_("FILE"),
    N_("Put a backup back in place (the current records are backed up first)"),
    "  docketctl backup restore ~/.local/share/docket/backups/docket-2026-11-26.db\n",
    run_backup_restore },
};

const DocketCliCommand *
docket_cli_admin_commands (guint *n_commands)
{
  *n_commands = G_N_ELEMENTS (admin_commands);
  return admin_commands;
}
