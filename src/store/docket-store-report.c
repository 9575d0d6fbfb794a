/* docket-store-report.c: the period report, counted in SQL
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures of the period report are counted by one GROUP BY over the report index
 * of schema v3 (lead unit first, then every column the rules read), so a report over a
 * million items is one pass over that index and no item is brought into C.  The rules
 * are the core's, written in SQL; tests/test-store-report.c compares both on a fixture
 * checked by hand and on a random one:
 *
 * - which items count: docket_report_item_counts() (src/core/docket-report.c), whose
 *   documentation gives the same SQL as COUNTED below;
 * - the day statuses are taken on: docket_report_day(), computed here in C and bound;
 * - the columns: row_add_item() there, through docket_item_bucket() and
 *   docket_item_days_overdue().
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-store-report.h"
#include "docket-store-private.h"

/* docket_report_item_counts(): not cancelled, assigned by the end of the period (none
 * assigned date: long ago), not confirmed complete before the period began.  :from is
 * '' and :to '9999-12-31' when the period is open at that end. */
#define COUNTED \
  "state <> 4 AND (assigned_on IS NULL OR assigned_on <= :to) " \
  "AND NOT (state = 2 AND completed_on IS NOT NULL AND completed_on < :from)"

/* docket_item_is_completed() on the report's day. */
#define DONE "(state = 2 AND completed_on IS NOT NULL AND completed_on <= :day)"
#define OPEN "NOT " DONE

static const char report_sql[] =
  "SELECT lead_unit_id, count(*),"
  " count(*) FILTER (WHERE " DONE " AND (deadline IS NULL OR completed_on <= deadline)),"
  " count(*) FILTER (WHERE " DONE " AND completed_on > deadline),"
  " count(*) FILTER (WHERE " OPEN " AND deadline >= :day),"
  " count(*) FILTER (WHERE " OPEN " AND deadline < :day),"
  /* More than DOCKET_REPORT_LONG_OVERDUE_DAYS days after the deadline. */
  " count(*) FILTER (WHERE " OPEN " AND deadline < :long_overdue),"
  " count(*) FILTER (WHERE " OPEN " AND deadline IS NULL),"
  /* A progress report within DOCKET_REPORT_UPDATE_WINDOW_DAYS days ending on :day. */
  " count(*) FILTER (WHERE " OPEN " AND last_progress_on > :updated_after"
  "   AND last_progress_on <= :day)"
  " FROM items WHERE " COUNTED;

static char *
iso_or (DocketDate  date,
        const char *none)
{
  return date != DOCKET_DATE_NONE ? docket_date_format_iso (date) : g_strdup (none);
}

static void
bind_date_named (DocketStmt *stmt,
                 const char *name,
                 DocketDate  date,
                 const char *none)
{
  g_autofree char *text = iso_or (date, none);
  _docket_stmt_bind_text (stmt, sqlite3_bind_parameter_index (stmt, name), text);
}

/**
 * docket_store_compute_report:
 * @self: a store
 * @from: the first day of the period, or %DOCKET_DATE_NONE
 * @to: the last day of the period, or %DOCKET_DATE_NONE (then @today is required)
 * @today: the actual date
 * @unit_ids: (array length=n_units) (nullable): the lead units to report on, or none
 *   for all
 * @n_units: their number
 * @error: return location for a #GError
 *
 * The period report (per lead unit and in total), with exactly the figures
 * docket_report_add_item() would give for every item of the file.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
DocketReport *
docket_store_compute_report (DocketStore    *self,
                             DocketDate      from,
                             DocketDate      to,
                             DocketDate      today,
                             const DocketId *unit_ids,
                             guint           n_units,
                             GError        **error)
{
  g_autoptr(DocketReport) report = NULL;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  gboolean row = FALSE;
  gboolean ok;
  DocketDate day;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (n_units == 0 || unit_ids != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((to != DOCKET_DATE_NONE && from > to) || (to == DOCKET_DATE_NONE && today == DOCKET_DATE_NONE))
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   _("The period of the report ends before it begins. Choose the dates "
                     "again."));
      return NULL;
    }
  report = docket_report_new (from, to, today);
  day = docket_report_get_day (report);

  /* GROUP BY the leading column of the report index: no sort, one pass. */
  sql = g_strconcat (report_sql,
                     n_units > 0 ? " AND lead_unit_id IN (SELECT value FROM json_each (:units))" : "",
                     " GROUP BY lead_unit_id", NULL);
  stmt = _docket_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_date_named (stmt, ":from", from, "");
  bind_date_named (stmt, ":to", to, "9999-12-31");
  bind_date_named (stmt, ":day", day, NULL);
  bind_date_named (stmt, ":long_overdue",
                   docket_date_add_days (day, -DOCKET_REPORT_LONG_OVERDUE_DAYS), NULL);
  bind_date_named (stmt, ":updated_after",
                   docket_date_add_days (day, -DOCKET_REPORT_UPDATE_WINDOW_DAYS), NULL);
  if (n_units > 0)
    {
      GString *json = g_string_new ("[");

      for (guint i = 0; i < n_units; i++)
        g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", (gint64) unit_ids[i]);
      g_string_append_c (json, ']');
      _docket_stmt_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":units"), json->str);
      g_string_free (json, TRUE);
    }

  /* A failed step reports no row, so the loop's own result tells failure. */
  while ((ok = _docket_store_step (self, stmt, &row, error)) && row)
    {
      DocketReportRow r = { 0 };

      r.unit_id = _docket_stmt_get_id (stmt, 0);
      r.assigned = (guint) _docket_stmt_get_int (stmt, 1);
      r.completed_on_time = (guint) _docket_stmt_get_int (stmt, 2);
      r.completed_late = (guint) _docket_stmt_get_int (stmt, 3);
      r.completed = r.completed_on_time + r.completed_late;
      r.in_progress = (guint) _docket_stmt_get_int (stmt, 4);
      r.overdue = (guint) _docket_stmt_get_int (stmt, 5);
      r.overdue_long = (guint) _docket_stmt_get_int (stmt, 6);
      r.no_deadline = (guint) _docket_stmt_get_int (stmt, 7);
      r.not_completed = r.in_progress + r.overdue + r.no_deadline;
      r.updated = (guint) _docket_stmt_get_int (stmt, 8);
      docket_report_add_row (report, &r);
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&report);
}
