/* docket-cli-report.c: the period report and the sample records
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docketctl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "docket-cli-commands.h"
#include "docket-cli-json.h"
#include "docket-cli-output.h"
#include "docket-cli-resolve.h"
#include "docket-csv.h"
#include "docket-store-report.h"
#include "docket-store-sample.h"
#include "docket-store-units.h"

static const DocketCliCommand report_commands[];

enum {
  CMD_REPORT,
  CMD_SAMPLE_LOAD,
};

/* The columns of the report, in the order of the table and the CSV file. */


/* The cells of one row; @thousands puts "." between thousands, as printed reports
 * do, but not in CSV, where a spreadsheet must read plain numbers. */
static char **
row_cells (const DocketReportRow *row,
           const char            *unit,
           gboolean               thousands)
{
  char **cells = g_new0 (char *, DOCKET_REPORT_N_COLUMNS + 1);
  const guint counts[] = {
    [DOCKET_REPORT_COLUMN_ASSIGNED] = row->assigned, [DOCKET_REPORT_COLUMN_COMPLETED] = row->completed,
    [DOCKET_REPORT_COLUMN_ON_TIME] = row->completed_on_time, [DOCKET_REPORT_COLUMN_LATE] = row->completed_late,
    [DOCKET_REPORT_COLUMN_NOT_COMPLETED] = row->not_completed, [DOCKET_REPORT_COLUMN_IN_PROGRESS] = row->in_progress,
    [DOCKET_REPORT_COLUMN_OVERDUE] = row->overdue, [DOCKET_REPORT_COLUMN_OVERDUE_LONG] = row->overdue_long,
    [DOCKET_REPORT_COLUMN_NO_DEADLINE] = row->no_deadline,
  };

  for (guint c = 0; c < DOCKET_REPORT_N_COLUMNS; c++)
    {
      if (c == DOCKET_REPORT_COLUMN_UNIT)
        cells[c] = g_strdup (unit);
      else if (c == DOCKET_REPORT_COLUMN_PERCENT)
        cells[c] = docket_format_percent (docket_report_row_completion_percent (row));
      else if (c == DOCKET_REPORT_COLUMN_UPDATE_RATE)
        cells[c] = docket_format_percent (docket_report_row_update_percent (row));
      else if (thousands)
        cells[c] = docket_format_count (counts[c]);
      else
        cells[c] = g_strdup_printf ("%u", counts[c]);
    }
  return cells;
}

static void
add_percent (JsonBuilder *builder,
             const char  *name,
             int          hundredths)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, hundredths / 100.0);
}

static void
build_row_json (JsonBuilder           *builder,
                const DocketReportRow *row,
                const char            *unit)
{
  json_builder_begin_object (builder);
  docket_cli_json_add_id (builder, "unit_id", row->unit_id);
  docket_cli_json_add_string (builder, "unit", unit);
  docket_cli_json_add_int (builder, "assigned", row->assigned);
  docket_cli_json_add_int (builder, "completed", row->completed);
  docket_cli_json_add_int (builder, "completed_on_time", row->completed_on_time);
  docket_cli_json_add_int (builder, "completed_late", row->completed_late);
  add_percent (builder, "completed_percent", docket_report_row_completion_percent (row));
  docket_cli_json_add_int (builder, "not_completed", row->not_completed);
  docket_cli_json_add_int (builder, "in_progress", row->in_progress);
  docket_cli_json_add_int (builder, "overdue", row->overdue);
  docket_cli_json_add_int (builder, "overdue_long", row->overdue_long);
  docket_cli_json_add_int (builder, "no_deadline", row->no_deadline);
  docket_cli_json_add_int (builder, "updated", row->updated);
  add_percent (builder, "update_percent", docket_report_row_update_percent (row));
  json_builder_end_object (builder);
}

static void
append_csv_row (GString     *out,
                char       **cells)
{
  for (guint c = 0; cells[c] != NULL; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      docket_csv_append_cell (out, cells[c]);
    }
  g_string_append (out, "\r\n");
}

/* Prints @report as a table, JSON or CSV; @names maps unit ids to names. */
static void
print_report (DocketCliContext *ctx,
              DocketReport     *report,
              GHashTable       *names,
              gboolean          csv)
{
  g_autoptr(DocketCliTable) table = docket_cli_table_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");   /* the BOM spreadsheets expect */
  g_auto(GStrv) total_cells = NULL;
  const DocketReportRow *rows, *total = docket_report_get_total (report);
  guint n_rows = 0;

  for (guint c = 0; c < DOCKET_REPORT_N_COLUMNS; c++)
    {
      docket_cli_table_add_column (table, docket_report_column_get_title (c),
                                   c == DOCKET_REPORT_COLUMN_UNIT ? DOCKET_CLI_ALIGN_LEFT : DOCKET_CLI_ALIGN_RIGHT,
                                   c == DOCKET_REPORT_COLUMN_UNIT);
      if (c > 0)
        g_string_append_c (out, ',');
      docket_csv_append_cell (out, docket_report_column_get_title (c));
    }
  g_string_append (out, "\r\n");

  json_builder_begin_object (builder);
  docket_cli_json_add_date (builder, "from", docket_report_get_from (report));
  docket_cli_json_add_date (builder, "to", docket_report_get_to (report));
  docket_cli_json_add_date (builder, "day", docket_report_get_day (report));
  json_builder_set_member_name (builder, "units");
  json_builder_begin_array (builder);
  rows = docket_report_get_unit_rows (report, &n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      const char *unit = g_hash_table_lookup (names, &rows[i].unit_id);
      g_auto(GStrv) cells = row_cells (&rows[i], unit, !csv);

      docket_cli_table_add_rowv (table, (const char **) cells);
      append_csv_row (out, cells);
      build_row_json (builder, &rows[i], unit);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "total");
  build_row_json (builder, total, NULL);
  json_builder_end_object (builder);

  total_cells = row_cells (total, _("Total"), !csv);
  docket_cli_table_add_rowv (table, (const char **) total_cells);
  append_csv_row (out, total_cells);

  if (ctx->json)
    docket_cli_json_print (builder);
  else if (csv)
    fwrite (out->str, 1, out->len, stdout);
  else
    {
      g_autofree char *text = docket_cli_table_render (table, docket_cli_terminal_width ());
      g_autofree char *from = docket_date_format_display (docket_report_get_from (report));
      g_autofree char *to = docket_date_format_display (docket_report_get_to (report));
      g_autofree char *day = docket_date_format_display (docket_report_get_day (report));
      g_autofree char *completed = docket_format_count (total->completed);
      g_autofree char *assigned = docket_format_count (total->assigned);
      g_autofree char *percent = docket_format_percent (docket_report_row_completion_percent (total));

      /* Translators: the period of the report and the day its statuses are taken on */
      g_print (_("Period report, %s – %s, as of %s"), from && *from ? from : "…",
               to && *to ? to : "…", day);
      g_print ("\n\n%s\n", text);
      /* Translators: "Completed 10 of 18 items (55,56 %)." */
      g_print (_("Completed %s of %s items (%s %%)."), completed, assigned, percent);
      g_print ("\n");
    }
}

static GHashTable *
unit_names (DocketStore *store,
            GError     **error)
{
  g_autoptr(GPtrArray) units = docket_store_list_units (store, TRUE, error);
  GHashTable *names;

  if (units == NULL)
    return NULL;
  names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < units->len; i++)
    {
      DocketUnit *unit = g_ptr_array_index (units, i);
      g_hash_table_insert (names, g_memdup2 (&unit->id, sizeof unit->id), g_strdup (unit->name));
    }
  return names;
}

static int
run_report (DocketCliContext *ctx,
            int               argc,
            char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketReport) report = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GArray) unit_ids = g_array_new (FALSE, FALSE, sizeof (DocketId));
  g_autofree char *from_text = NULL, *to_text = NULL, *today_text = NULL;
  g_auto(GStrv) units = NULL;
  gboolean csv = FALSE;
  GOptionEntry entries[] = {
    { "from", 'f', 0, G_OPTION_ARG_STRING, &from_text, N_("The first day of the period"), N_("DATE") },
    { "to", 't', 0, G_OPTION_ARG_STRING, &to_text, N_("The last day of the period"), N_("DATE") },
    { "unit", 'u', 0, G_OPTION_ARG_STRING_ARRAY, &units, N_("Only this lead unit; repeat for several"), N_("UNIT") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Take statuses on this day instead of today"), N_("DATE") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print CSV (UTF-8 with a byte order mark) for a spreadsheet"), NULL },
    { NULL }
  };
  DocketDate from = DOCKET_DATE_NONE, to = DOCKET_DATE_NONE, today;
  DocketStore *store;
  int status;

  if ((status = docket_cli_parse_options (&report_commands[CMD_REPORT], entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 1 || from_text == NULL || to_text == NULL)
    return docket_cli_usage_error (_("Give the period of the report with --from DATE and --to DATE."));
  if (csv && ctx->json)
    return docket_cli_usage_error (_("Choose either --json or --csv."));
  if (!docket_cli_parse_date (from_text, &from, &error) ||
      !docket_cli_parse_date (to_text, &to, &error) ||
      (today_text != NULL && !docket_cli_parse_date (today_text, &today, &error)))
    return docket_cli_fail (error);
  if (today_text == NULL)
    today = docket_date_today (NULL);
  if ((store = docket_cli_get_store (ctx, &error)) == NULL)
    return docket_cli_fail (error);
  for (guint i = 0; units != NULL && units[i] != NULL; i++)
    {
      DocketId id = docket_cli_resolve_unit (store, units[i], &error);

      if (id == 0)
        return docket_cli_fail (error);
      g_array_append_val (unit_ids, id);
    }
  if ((names = unit_names (store, &error)) == NULL ||
      (report = docket_store_compute_report (store, from, to, today,
                                             (const DocketId *) (gpointer) unit_ids->data,
                                             unit_ids->len, &error)) == NULL)
    return docket_cli_fail (error);
  print_report (ctx, report, names, csv);
  return DOCKET_CLI_EXIT_OK;
}

static int
run_sample_load (DocketCliContext *ctx,
                 int               argc,
                 char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = docket_date_format_display (docket_store_sample_reference_date ());
  DocketStore *store;
  int status;

  if ((status = docket_cli_parse_options (&report_commands[CMD_SAMPLE_LOAD], NULL, &argc, &argv)) >= 0)
    return status;
  if (argc > 1)
    return docket_cli_usage_error (_("“%s” takes no arguments."), "sample load");
  if ((store = docket_cli_get_store (ctx, &error)) == NULL ||
      !docket_store_load_sample (store, &error))
    return docket_cli_fail (error);
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      docket_cli_json_add_date (builder, "reference_date", docket_store_sample_reference_date ());
      json_builder_end_object (builder);
      docket_cli_json_print (builder);
    }
  else
    {
      /* Translators: %s is the sample's reference date */
      g_print (_("Loaded the sample records. Their figures are meant to be read on %s, for "
                 "example with “docketctl report --from 01/01/2026 --to 31/12/2026 --today %s”."),
               day, day);
      g_print ("\n");
    }
  return DOCKET_CLI_EXIT_OK;
}

static const DocketCliCommand report_commands[] = {
  [CMD_REPORT] = { "report", NULL, NULL,
    N_("The period report: assigned, completed on time and late, overdue, per unit and in total"),
    "  docketctl report --from 01/01/2026 --to 30/06/2026\n"
    "  docketctl report --from 01/07/2026 --to 30/09/2026 --unit \"Văn phòng\" --unit 4\n"
    "  docketctl --json report --from 2026-01-01 --to 2026-12-31 --today 2026-10-15\n"
    "  docketctl report --from 01/01/2026 --to 31/12/2026 --csv > bao-cao.csv\n",
    run_report },
  [CMD_SAMPLE_LOAD] = { "sample", "load", NULL, N_("Load the sample records into an empty database"),
    "  docketctl --database /tmp/thu.db sample load\n", run_sample_load },
};

const DocketCliCommand *
docket_cli_report_commands (guint *n_commands)
{
  *n_commands = G_N_ELEMENTS (report_commands);
  return report_commands;
}
