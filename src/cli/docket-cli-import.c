/* docket-cli-import.c: importing a tracker from CSV, and a unit's calendar
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docketctl"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "docket-cli-commands.h"
#include "docket-cli-json.h"
#include "docket-cli-output.h"
#include "docket-cli-resolve.h"
#include "docket-ics.h"
#include "docket-import.h"
#include "docket-reminder-settings.h"

static const DocketCliCommand import_commands[];

enum {
  CMD_IMPORT,
  CMD_EXPORT_CALENDAR,
};

static const char * const problem_keys[] = {
  "empty-row", "missing-content", "content-too-long", "missing-lead-unit", "unknown-unit",
  "new-unit", "ambiguous-unit", "archived-unit", "lead-also-coordinating", "bad-deadline",
  "bad-completion-date", "completed-without-date", "deadline-before-meeting",
  "completed-before-meeting", "no-meeting", "unknown-meeting", "ambiguous-meeting",
  "locked-meeting", "already-recorded",
};

G_STATIC_ASSERT (G_N_ELEMENTS (problem_keys) == DOCKET_IMPORT_PROBLEM_ALREADY_RECORDED + 1);

static const char * const status_keys[] = { "ready", "error", "skipped" };

static const char * const encoding_names[] = { "UTF-8", "UTF-8 BOM", "UTF-16LE", "UTF-16BE" };

/* --map COLUMN=FIELD: the column by its number from 1 or by its header (case and
 * diacritics ignored); FIELD a key of docket_import_field_get_key(), or "none". */
static gboolean
apply_map (DocketImportMapping  *mapping,
           const DocketCsvTable *table,
           const char           *spec,
           GError              **error)
{
  const char *eq = strrchr (spec, '=');
  g_autofree char *column_text = NULL;
  g_autofree char *folded = NULL;
  DocketImportField field = DOCKET_IMPORT_N_FIELDS;
  guint64 number = 0;
  int column = -1;

  if (eq == NULL)
    goto bad;
  column_text = g_strstrip (g_strndup (spec, (gsize) (eq - spec)));
  if (g_strcmp0 (eq + 1, "none") != 0 && !docket_import_field_from_key (eq + 1, &field))
    goto bad;
  if (g_ascii_string_to_unsigned (column_text, 10, 1, G_MAXINT, &number, NULL))
    column = (int) number - 1;
  else if (docket_csv_table_get_n_rows (table) > 0)
    {
      folded = docket_fold (column_text);
      for (guint c = 0; c < docket_csv_table_get_n_cells (table, 0); c++)
        {
          g_autofree char *header = docket_fold (docket_csv_table_get_cell (table, 0, c));

          if (g_strcmp0 (g_strstrip (header), folded) == 0)
            column = (int) c;
        }
    }
  if (column < 0)
    goto bad;

  /* A column holds one field: drop whatever the guess put there. */
  for (guint f = 0; f < DOCKET_IMPORT_N_FIELDS; f++)
    if (mapping->columns[f] == column)
      mapping->columns[f] = -1;
  if (field < DOCKET_IMPORT_N_FIELDS)
    mapping->columns[field] = column;
  return TRUE;

bad:
  g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
               /* Translators: %s is what was given to --map; keep the field names */
               _("“%s” does not map a column: write COLUMN=FIELD, where COLUMN is a column "
                 "number or header and FIELD one of content, lead-unit, coordinating-units, "
                 "deadline, status, completed-on, meeting or none."),
               spec);
  return FALSE;
}

static char *
notes_of (const DocketImportRow *row)
{
  GString *notes = g_string_new (NULL);

  for (guint i = 0; i < row->problems->len; i++)
    {
      const DocketImportProblem *p = g_ptr_array_index (row->problems, i);

      if (notes->len > 0)
        g_string_append_c (notes, ' ');
      g_string_append (notes, p->message);
    }
  return g_string_free (notes, FALSE);
}

static const char *
status_label (DocketImportRowStatus status)
{
  switch (status)
    {
    case DOCKET_IMPORT_ROW_READY:
      return _("ready");
    case DOCKET_IMPORT_ROW_ERROR:
      return _("error");
    case DOCKET_IMPORT_ROW_SKIPPED:
    default:
      return _("skipped");
    }
}

static void
print_report (const DocketImportReport *report)
{
  g_autoptr(DocketCliTable) table = docket_cli_table_new ();
  g_autofree char *text = NULL;
  guint n_new = 0;
  const char * const *new_units = docket_import_report_get_new_units (report, &n_new);

  docket_cli_table_add_column (table, _("Line"), DOCKET_CLI_ALIGN_RIGHT, FALSE);
  docket_cli_table_add_column (table, _("Status"), DOCKET_CLI_ALIGN_LEFT, FALSE);
  docket_cli_table_add_column (table, _("Content"), DOCKET_CLI_ALIGN_LEFT, TRUE);
  docket_cli_table_add_column (table, _("Notes"), DOCKET_CLI_ALIGN_LEFT, FALSE);
  for (guint i = 0; i < docket_import_report_get_n_rows (report); i++)
    {
      const DocketImportRow *row = docket_import_report_get_row (report, i);
      g_autofree char *line = g_strdup_printf ("%u", row->line);
      g_autofree char *notes = notes_of (row);
      g_autofree char *content = g_strdelimit (g_strdup (row->content ? row->content : ""),
                                               "\r\n\t", ' ');

      docket_cli_table_add_row (table, line, status_label (row->status), content, notes, NULL);
    }
  text = docket_cli_table_render (table, docket_cli_terminal_width ());
  g_print ("%s", text);
  for (guint i = 0; i < n_new; i++)
    /* Translators: %s is a unit's name */
    g_print (_("New unit: %s\n"), new_units[i]);
  g_print (_("%u ready, %u with errors, %u skipped (empty or already in Docket).\n"),
           docket_import_report_count (report, DOCKET_IMPORT_ROW_READY),
           docket_import_report_count (report, DOCKET_IMPORT_ROW_ERROR),
           docket_import_report_count (report, DOCKET_IMPORT_ROW_SKIPPED));
}

static void
add_problem_json (JsonBuilder               *builder,
                  const DocketImportProblem *p)
{
  json_builder_begin_object (builder);
  docket_cli_json_add_string (builder, "kind", problem_keys[p->kind]);
  docket_cli_json_add_bool (builder, "error", p->is_error);
  docket_cli_json_add_string (builder, "field", docket_import_field_get_key (p->field));
  docket_cli_json_add_string (builder, "value", p->value);
  docket_cli_json_add_string (builder, "suggestion", p->suggestion);
  docket_cli_json_add_id (builder, "suggestion_id", p->suggestion_id);
  docket_cli_json_add_string (builder, "message", p->message);
  json_builder_end_object (builder);
}

static void
print_report_json (const DocketImportReport  *report,
                   const DocketCsvTable      *table,
                   const DocketImportMapping *mapping,
                   gboolean                   dry_run,
                   gint64                     imported)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char sep[2] = { docket_csv_table_get_separator (table), '\0' };
  guint n_new = 0;
  const char * const *new_units = docket_import_report_get_new_units (report, &n_new);

  json_builder_begin_object (builder);
  docket_cli_json_add_string (builder, "encoding",
                              encoding_names[docket_csv_table_get_encoding (table)]);
  docket_cli_json_add_string (builder, "separator", sep);
  json_builder_set_member_name (builder, "mapping");
  json_builder_begin_object (builder);
  for (guint f = 0; f < DOCKET_IMPORT_N_FIELDS; f++)
    if (mapping->columns[f] >= 0)
      docket_cli_json_add_int (builder, docket_import_field_get_key (f), mapping->columns[f] + 1);
  json_builder_end_object (builder);
  docket_cli_json_add_bool (builder, "dry_run", dry_run);
  docket_cli_json_add_int (builder, "ready", docket_import_report_count (report, DOCKET_IMPORT_ROW_READY));
  docket_cli_json_add_int (builder, "errors", docket_import_report_count (report, DOCKET_IMPORT_ROW_ERROR));
  docket_cli_json_add_int (builder, "skipped", docket_import_report_count (report, DOCKET_IMPORT_ROW_SKIPPED));
  json_builder_set_member_name (builder, "imported");
  if (imported >= 0)
    json_builder_add_int_value (builder, imported);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "new_units");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_new; i++)
    json_builder_add_string_value (builder, new_units[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < docket_import_report_get_n_rows (report); i++)
    {
      const DocketImportRow *row = docket_import_report_get_row (report, i);

      json_builder_begin_object (builder);
      docket_cli_json_add_int (builder, "line", row->line);
      docket_cli_json_add_string (builder, "status", status_keys[row->status]);
      docket_cli_json_add_string (builder, "content", row->content);
      if (row->item != NULL)
        docket_cli_json_add_date (builder, "deadline", row->item->deadline);
      if (row->completed_on != DOCKET_DATE_NONE)
        docket_cli_json_add_date (builder, "completed_on", row->completed_on);
      json_builder_set_member_name (builder, "problems");
      json_builder_begin_array (builder);
      for (guint j = 0; j < row->problems->len; j++)
        add_problem_json (builder, g_ptr_array_index (row->problems, j));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  docket_cli_json_print (builder);
}

static int
run_import (DocketCliContext *ctx,
            int               argc,
            char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketCsvTable) table = NULL;
  g_autoptr(DocketImportReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_auto(GStrv) maps = NULL;
  g_autofree char *meeting = NULL;
  gboolean dry_run = FALSE, create_units = FALSE, skip_invalid = FALSE, no_header = FALSE;
  GOptionEntry entries[] = {
    { "meeting", 'm', 0, G_OPTION_ARG_STRING, &meeting,
      N_("The meeting (id) of rows that name none"), N_("ID") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Map a column (number or header) to a field, or to none"), N_("COLUMN=FIELD") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check every row and print the report; write nothing"), NULL },
    { "create-units", 0, 0, G_OPTION_ARG_NONE, &create_units,
      N_("Create the units the file names that do not exist"), NULL },
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &skip_invalid,
      N_("Import the valid rows even when other rows have errors"), NULL },
    { "no-header", 0, 0, G_OPTION_ARG_NONE, &no_header,
      N_("The first row is data, not column names"), NULL },
    { NULL }
  };
  DocketImportMapping mapping;
  DocketStore *store;
  guint n_items = 0;
  int status;

  if ((status = docket_cli_parse_options (&import_commands[CMD_IMPORT], entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return docket_cli_usage_error (_("Give the CSV file to import."));

  docket_import_mapping_init (&mapping);
  mapping.create_units = create_units;
  mapping.header_row = !no_header;
  if (meeting != NULL && !docket_cli_parse_id (meeting, &mapping.meeting_id))
    return docket_cli_usage_error (_("Give the meeting as its number (see “docketctl meeting list”)."));

  file = g_file_new_for_commandline_arg (argv[1]);
  if ((table = docket_csv_read_file (file, NULL, &error)) == NULL)
    return docket_cli_fail (error);
  if (mapping.header_row)
    docket_import_mapping_guess (&mapping, table);
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    if (!apply_map (&mapping, table, maps[i], &error))
      return docket_cli_fail (error);

  if ((store = docket_cli_get_store (ctx, &error)) == NULL ||
      (report = docket_import_validate (store, table, &mapping, NULL, &error)) == NULL)
    return docket_cli_fail (error);

  if (!dry_run &&
      !docket_import_report_commit (report, store, skip_invalid, NULL, &n_items, &error))
    {
      if (ctx->json)
        print_report_json (report, table, &mapping, dry_run, -1);
      else
        print_report (report);
      return docket_cli_fail (error);
    }

  if (ctx->json)
    print_report_json (report, table, &mapping, dry_run, dry_run ? -1 : (gint64) n_items);
  else
    {
      print_report (report);
      if (dry_run)
        g_print ("%s\n", _("Dry run: nothing was written."));
      else
        g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u item.\n", "Imported %u items.\n",
                              n_items), n_items);
    }
  /* A dry run with errors says so in its exit code, for scripts. */
  if (dry_run && docket_import_report_count (report, DOCKET_IMPORT_ROW_ERROR) > 0)
    return DOCKET_CLI_EXIT_INVALID;
  return DOCKET_CLI_EXIT_OK;
}

static int
run_export_calendar (DocketCliContext *ctx,
                     int               argc,
                     char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit, N_("The unit (id or name)"), N_("UNIT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { NULL }
  };
  DocketReminderSettings settings;
  DocketIcsOptions options;
  DocketStore *store;
  DocketId unit_id;
  int status;

  if ((status = docket_cli_parse_options (&import_commands[CMD_EXPORT_CALENDAR], entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 1 || unit == NULL || output == NULL)
    return docket_cli_usage_error (_("Give the unit with --unit and the file with -o."));

  /* The alarms follow the reminder policy's steps and working hours, as this file's
   * shared settings have them. */
  if ((store = docket_cli_get_store (ctx, &error)) == NULL ||
      !docket_reminder_settings_load (&settings, store, &error))
    return docket_cli_fail (error);
  docket_ics_options_init (&options);
  docket_ics_options_set_steps (&options, settings.days_before, settings.n_days_before,
                                settings.work_start_minutes);

  file = g_file_new_for_commandline_arg (output);
  if ((unit_id = docket_cli_resolve_unit (store, unit, &error)) == 0 ||
      !docket_ics_export_unit (store, unit_id, &options, file, NULL, &error))
    return docket_cli_fail (error);
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *path = g_file_get_path (file);

      json_builder_begin_object (builder);
      docket_cli_json_add_id (builder, "unit_id", unit_id);
      docket_cli_json_add_string (builder, "file", path);
      json_builder_end_object (builder);
      docket_cli_json_print (builder);
    }
  return DOCKET_CLI_EXIT_OK;
}

static const DocketCliCommand import_commands[] = {
  [CMD_IMPORT] = { "import", NULL, N_("FILE"),
    N_("Import items from a CSV tracker (UTF-8 or UTF-16; , ; or tab); exit code 4 when "
       "rows have errors"),
    "  docketctl import tracker.csv --meeting 3 --dry-run\n"
    "  docketctl import tracker.csv --meeting 3 --map \"Hạn xử lý=deadline\" --map 1=none\n"
    "  docketctl import tracker.csv --meeting 3 --create-units --skip-invalid\n",
    run_import },
  [CMD_EXPORT_CALENDAR] = { "export", "calendar", NULL,
    N_("Write a unit's open items as an iCalendar file of to-dos with reminders"),
    "  docketctl export calendar --unit \"Phòng Nội vụ\" -o noi-vu.ics\n",
    run_export_calendar },
};

const DocketCliCommand *
docket_cli_import_commands (guint *n_commands)
{
  *n_commands = G_N_ELEMENTS (import_commands);
  return import_commands;
}
