/* docket-store-report.c: the period report, counted in SQL
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures of the period report are counted by index ranges, never item by item
 * in C and never by testing every item's columns in SQL (which cost about 1 µs an
 * item: a second over a million).  Each figure is a set of items of a lead unit that
 * is one range of an index of schema v8 (docket-store-schema.c); one statement per
 * figure walks, for each unit, only that range and counts it, grouped as it comes:
 *
 *   completed on time   state 2, LATE = 0, CKEY from :from to :day
 *   completed late      state 2, LATE = 1, CKEY from :from to :day
 *   open, by deadline   state 0, 1 or 3, DKEY in one of four ranges: none
 *                       ('9999-12-31'), before :long, from :long to before :day,
 *                       from :day on
 *   updated             state 0, 1 or 3, last_progress_on after :updated_after, to :day
 *   confirmed, not yet  state 2, CKEY after :day (a completion after the report's day,
 *   completed on :day   or none), tested column by column: few items, except in a
 *                       report on a period long past
 *
 * with CKEY the completion day (none: '9999-12-31', after every day), LATE whether it
 * is after the deadline, DKEY the deadline (none: '9999-12-31').  A period that ends
 * adds "assigned by :to" to every range, tested in the index entry.  Items of states
 * 0, 1 and 3 are never completed; state 4 (cancelled) never counts; so the sets
 * partition exactly the items docket_report_item_counts() counts.
 *
 * Whole months are read from the counters of schema v10 instead of the indexes
 * (docket-store-schema.c): the completed items of the months between the period's
 * first whole month and the day's month (count_done_by_months()), and the open items
 * by month of deadline, when the period ends on a month's last day or does not end
 * (count_open_by_months()).  Only the rest of the day's month (and of a first month
 * the period starts inside) is walked in the index.
 *
 * The rules are the core's, written in SQL; tests/test-store-report.c compares both
 * on a fixture checked by hand and on a random one:
 *
 * - which items count: docket_report_item_counts() (src/core/docket-report.c), whose
 *   documentation gives the same rule in SQL;
 * - the day statuses are taken on: docket_report_day(), computed here in C and bound;
 * - the columns: row_add_item() there, through docket_item_bucket() and
 *   docket_item_days_overdue().
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-store-report.h"
#include "docket-store-private.h"

/* The key expressions, exactly as the indexes of schema v8 hold them. */
#define LATE "ifnull (completed_on > deadline, 0)"
#define CKEY "ifnull (completed_on, '9999-12-31')"
#define DKEY "ifnull (deadline, '9999-12-31')"
#define NEVER "'9999-12-31'"
#define OPEN_STATES "state IN (0, 1, 3)"

/* Where a figure's count goes. */
typedef enum
{
  FIG_ON_TIME,
  FIG_LATE,
  FIG_IN_PROGRESS,
  FIG_OVERDUE,          /* within DOCKET_REPORT_LONG_OVERDUE_DAYS days */
  FIG_OVERDUE_LONG,
  FIG_NO_DEADLINE,
  FIG_UPDATED,
  N_FIGS,
  /* Items the counters put in progress whose deadline is in fact before :long, or
   * before :day: counted there and taken off the items in progress. */
  FIG_OVERDUE_LONG_NOT_IN_PROGRESS,
  FIG_OVERDUE_NOT_IN_PROGRESS,
} Figure;

/* One range per statement, counted by lead unit.  Each names its index: without
 * statistics SQLite would rather take a list index with more equalities in front
 * (lead unit, state) than the report's partial ones, and read the table. */
#define DONE_INDEX "items INDEXED BY items_report_done"
#define OPEN_INDEX "items INDEXED BY items_report_open"
#define PROGRESS_INDEX "items INDEXED BY items_report_progress"

/* The counts, each in one of two halves of about the same cost (measured over the
 * benchmark's million items, a year's report: on time 38 ms, within the deadline 44,
 * against late 16, no deadline 9, long overdue 36, overdue 4, updated 22):
 * docket_store_compute_report_split () makes them on two connections at once. */
#define DONE_HALF 0
#define OPEN_HALF 1

static const struct
{
  Figure      figure;
  guint       half;
  const char *from;
  const char *range;
} ranges[] = {
  { FIG_ON_TIME, DONE_HALF, DONE_INDEX, "state = 2 AND " LATE " = 0 AND " CKEY " BETWEEN :from AND :day" },
  { FIG_LATE, OPEN_HALF, DONE_INDEX, "state = 2 AND " LATE " = 1 AND " CKEY " BETWEEN :from AND :day" },
  { FIG_NO_DEADLINE, OPEN_HALF, OPEN_INDEX, OPEN_STATES " AND " DKEY " >= " NEVER },
  { FIG_OVERDUE_LONG, OPEN_HALF, OPEN_INDEX, OPEN_STATES " AND " DKEY " < :long" },
  { FIG_OVERDUE, OPEN_HALF, OPEN_INDEX, OPEN_STATES " AND " DKEY " >= :long AND " DKEY " < :day" },
  { FIG_IN_PROGRESS, DONE_HALF, OPEN_INDEX, OPEN_STATES " AND " DKEY " >= :day AND " DKEY " < " NEVER },
  { FIG_UPDATED, OPEN_HALF, PROGRESS_INDEX, OPEN_STATES " AND last_progress_on > :updated_after "
                                            "AND last_progress_on <= :day" },
};

/* Confirmed items not completed on the report's day (completed after it, or with no
 * completion day), which count as open: one statement, each column tested. */
static const char confirmed_open[] =
  "count(*) FILTER (WHERE deadline IS NULL), "
  "count(*) FILTER (WHERE deadline < :long), "
  "count(*) FILTER (WHERE deadline >= :long AND deadline < :day), "
  "count(*) FILTER (WHERE deadline >= :day), "
  "count(*) FILTER (WHERE last_progress_on > :updated_after AND last_progress_on <= :day) "
  "FROM " DONE_INDEX " WHERE @UNITS AND state = 2 AND " LATE " IN (0, 1) "
  "AND " CKEY " > :day AND " CKEY " >= :from";

static const Figure confirmed_open_figures[] = {
  FIG_NO_DEADLINE, FIG_OVERDUE_LONG, FIG_OVERDUE, FIG_IN_PROGRESS, FIG_UPDATED,
};

static char *
iso_or (DocketDate  date,
        const char *none)
{
  return date != DOCKET_DATE_NONE ? docket_date_format_iso (date) : g_strdup (none);
}

typedef struct
{
  const char *from;
  const char *to;
  const char *day;
  const char *long_overdue;
  const char *updated_after;
  const char *units;            /* JSON array, or NULL for every unit */
  /* Months as the counters key them ('YYYY-MM'), and their first days. */
  const char *from_month;       /* the period's first whole month ('' from the beginning) */
  const char *from_month_start; /* its first day, when the period starts after it */
  const char *day_month;
  const char *day_month_start;
  const char *long_month;
  const char *long_month_start;
  const char *to_month;         /* the period's last month, when it ends on its last day */
  gboolean    done_by_months;   /* a whole month at least before the day's month */
  gboolean    open_by_months;   /* no end, or an end on a month's last day */
} Bounds;

static void
bind_named (DocketStmt *stmt,
            const char *name,
            const char *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    _docket_stmt_bind_text (stmt, index, value);
}

/* "SELECT lead_unit_id, @columns … WHERE @UNITS AND … GROUP BY lead_unit_id": the
 * units as an IN list, which SQLite walks in order, seeking each unit's range in the
 * index, so the groups come out in order without a sort. */
static char *
build_sql (const char   *columns_and_rest,
           const Bounds *bounds,
           gboolean      assigned_by_to,
           const char   *group_by)
{
  g_autoptr(GString) sql = g_string_new ("SELECT lead_unit_id, ");

  g_string_append (sql, columns_and_rest);
  g_string_replace (sql, "@UNITS",
                    bounds->units != NULL ?
                      "lead_unit_id IN (SELECT value FROM json_each (:units))" :
                      "lead_unit_id IN (SELECT id FROM units)", 0);
  /* docket_report_item_counts(): assigned by the end of the period (none: long ago). */
  if (bounds->to != NULL && assigned_by_to)
    g_string_append (sql, " AND (assigned_on IS NULL OR assigned_on <= :to)");
  if (group_by != NULL)
    g_string_append_printf (sql, " GROUP BY %s", group_by);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static DocketReportRow *
row_for (GHashTable *rows,
         DocketId    unit_id)
{
  DocketReportRow *row = g_hash_table_lookup (rows, &unit_id);

  if (row == NULL)
    {
      row = g_new0 (DocketReportRow, 1);
      row->unit_id = unit_id;
      g_hash_table_insert (rows, &row->unit_id, row);
    }
  return row;
}

static void
add_figure (DocketReportRow *row,
            Figure           figure,
            guint            n)
{
  switch (figure)
    {
    case FIG_ON_TIME: row->completed_on_time += n; break;
    case FIG_LATE: row->completed_late += n; break;
    case FIG_IN_PROGRESS: row->in_progress += n; break;
    case FIG_OVERDUE: row->overdue += n; break;
    case FIG_OVERDUE_LONG: row->overdue += n; row->overdue_long += n; break;
    case FIG_NO_DEADLINE: row->no_deadline += n; break;
    case FIG_UPDATED: row->updated += n; break;
    case FIG_OVERDUE_LONG_NOT_IN_PROGRESS:
      row->overdue += n;
      row->overdue_long += n;
      row->in_progress -= n;
      break;
    case FIG_OVERDUE_NOT_IN_PROGRESS:
      row->overdue += n;
      row->in_progress -= n;
      break;
    case N_FIGS:
    default: g_assert_not_reached ();
    }
}

/* Runs one counting statement and adds column i + 1 of each unit's row, times @sign,
 * to @figures[i]; with @by_late, column 1 says late (1) or on time (0) and column 2 is
 * the count. */
static gboolean
count_into_full (DocketStore   *self,
                 const char    *columns_and_rest,
                 const Figure  *figures,
                 guint          n_figures,
                 gboolean       by_late,
                 int            sign,
                 gboolean       assigned_by_to,
                 const char    *group_by,
                 const Bounds  *bounds,
                 GHashTable    *rows,
                 GError       **error)
{
  g_autofree char *sql = build_sql (columns_and_rest, bounds, assigned_by_to, group_by);
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;
  gboolean ok;

  stmt = _docket_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_named (stmt, ":from", bounds->from);
  bind_named (stmt, ":to", bounds->to);
  bind_named (stmt, ":day", bounds->day);
  bind_named (stmt, ":long", bounds->long_overdue);
  bind_named (stmt, ":updated_after", bounds->updated_after);
  bind_named (stmt, ":units", bounds->units);
  bind_named (stmt, ":from_month", bounds->from_month);
  bind_named (stmt, ":from_month_start", bounds->from_month_start);
  bind_named (stmt, ":day_month", bounds->day_month);
  bind_named (stmt, ":day_month_start", bounds->day_month_start);
  bind_named (stmt, ":long_month", bounds->long_month);
  bind_named (stmt, ":long_month_start", bounds->long_month_start);
  bind_named (stmt, ":to_month", bounds->to_month);
  /* A failed step reports no row, so the loop's own result tells failure. */
  while ((ok = _docket_store_step (self, stmt, &row, error)) && row)
    {
      DocketReportRow *r = row_for (rows, _docket_stmt_get_id (stmt, 0));

      if (by_late)
        add_figure (r, _docket_stmt_get_int (stmt, 1) ? FIG_LATE : FIG_ON_TIME,
                    (guint) (sign * _docket_stmt_get_int (stmt, 2)));
      else
        for (guint i = 0; i < n_figures; i++)
          add_figure (r, figures[i], (guint) (sign * _docket_stmt_get_int (stmt, 1 + (int) i)));
    }
  return ok;
}

static gboolean
count_into (DocketStore   *self,
            const char    *columns_and_rest,
            const Figure  *figures,
            guint          n_figures,
            const Bounds  *bounds,
            GHashTable    *rows,
            GError       **error)
{
  return count_into_full (self, columns_and_rest, figures, n_figures, FALSE, 1, TRUE,
                          "lead_unit_id", bounds, rows, error);
}

/* The completed items of the period, on time and late: the counters of its whole
 * months before the day's month, then that month up to the day in the index, and
 * the start of a first month the period begins inside.  The counters know nothing
 * of "assigned by :to": for a period that ends, the only completed items the rule
 * leaves out are those completed before they were assigned and assigned after the
 * period (completed by :day <= :to), taken off from their own small index.
 * Unsigned sums wrap back to the right figure. */
static gboolean
count_done_by_months (DocketStore  *self,
                      const Bounds *bounds,
                      GHashTable   *rows,
                      GError      **error)
{
  if (!count_into_full (self, "late, sum (n) FROM report_done_months WHERE @UNITS AND "
                        "month >= :from_month AND month < :day_month", NULL, 0, TRUE, 1,
                        FALSE, "lead_unit_id, late", bounds, rows, error) ||
      !count_into_full (self, LATE ", count(*) FROM " DONE_INDEX " WHERE @UNITS AND state = 2 AND "
                        LATE " IN (0, 1) AND " CKEY " >= :day_month_start AND " CKEY " <= :day",
                        NULL, 0, TRUE, 1, FALSE, "lead_unit_id, " LATE, bounds, rows, error))
    return FALSE;
  if (bounds->from_month_start != NULL &&
      !count_into_full (self, LATE ", count(*) FROM " DONE_INDEX " WHERE @UNITS AND state = 2 AND "
                        LATE " IN (0, 1) AND " CKEY " >= :from AND " CKEY " < :from_month_start",
                        NULL, 0, TRUE, 1, FALSE, "lead_unit_id, " LATE, bounds, rows, error))
    return FALSE;
  if (bounds->to == NULL)
    return TRUE;
  return count_into_full (self, LATE ", count(*) FROM items INDEXED BY items_report_early "
                          "WHERE @UNITS AND state = 2 AND assigned_on > completed_on AND "
                          "completed_on >= :from AND completed_on <= :day AND assigned_on > :to",
                          NULL, 0, TRUE, -1, FALSE, "lead_unit_id, " LATE, bounds, rows, error);
}

/* The open items by deadline: from the counters, those without one, those due in a
 * month before :long's (overdue for long) and those due from :long's month on (put
 * in progress), less, for a period that ends, the same counts of the items assigned
 * in a later month; then, walked in the index, the items of :long's month due before
 * :long (overdue for long) and those due from :long to before :day (overdue), both
 * taken off the items in progress. */
#define OPEN_SUMS \
  "sum (n) FILTER (WHERE due = 'none'), " \
  "sum (n) FILTER (WHERE due < :long_month), " \
  "sum (n) FILTER (WHERE due >= :long_month AND due <> 'none') "

static gboolean
count_open_by_months (DocketStore  *self,
                      const Bounds *bounds,
                      GHashTable   *rows,
                      GError      **error)
{
  static const Figure counters[] = { FIG_NO_DEADLINE, FIG_OVERDUE_LONG, FIG_IN_PROGRESS };
  static const Figure long_part[] = { FIG_OVERDUE_LONG_NOT_IN_PROGRESS };
  static const Figure overdue[] = { FIG_OVERDUE_NOT_IN_PROGRESS };

  if (!count_into_full (self, OPEN_SUMS "FROM report_open_months WHERE @UNITS", counters,
                        G_N_ELEMENTS (counters), FALSE, 1, FALSE, "lead_unit_id", bounds,
                        rows, error))
    return FALSE;
  if (bounds->to_month != NULL &&
      !count_into_full (self, OPEN_SUMS "FROM report_open_assigned WHERE assigned > :to_month "
                        "AND @UNITS", counters, G_N_ELEMENTS (counters), FALSE, -1, FALSE,
                        "lead_unit_id", bounds, rows, error))
    return FALSE;
  return count_into (self, "count(*) FROM " OPEN_INDEX " WHERE @UNITS AND " OPEN_STATES " AND "
                     DKEY " >= :long_month_start AND " DKEY " < :long", long_part, 1, bounds,
                     rows, error) &&
         count_into (self, "count(*) FROM " OPEN_INDEX " WHERE @UNITS AND " OPEN_STATES " AND "
                     DKEY " >= :long AND " DKEY " < :day", overdue, 1, bounds, rows, error);
}

/* The counts of @half (DONE_HALF or OPEN_HALF), or of both with ALL_HALVES. */
#define ALL_HALVES 2

static gboolean
by_months (const Bounds *bounds,
           Figure        figure)
{
  switch (figure)
    {
    case FIG_ON_TIME:
    case FIG_LATE:
      return bounds->done_by_months;
    case FIG_NO_DEADLINE:
    case FIG_OVERDUE_LONG:
    case FIG_OVERDUE:
    case FIG_IN_PROGRESS:
      return bounds->open_by_months;
    case FIG_UPDATED:
    case FIG_OVERDUE_LONG_NOT_IN_PROGRESS:
    case FIG_OVERDUE_NOT_IN_PROGRESS:
    case N_FIGS:
    default:
      return FALSE;
    }
}

static gboolean
count_all (DocketStore  *self,
           const Bounds *bounds,
           guint         half,
           GHashTable   *rows,
           GError      **error)
{
  gboolean done_half = half == ALL_HALVES || half == DONE_HALF;
  gboolean open_half = half == ALL_HALVES || half == OPEN_HALF;

  if (done_half && bounds->done_by_months && !count_done_by_months (self, bounds, rows, error))
    return FALSE;
  if (open_half && bounds->open_by_months && !count_open_by_months (self, bounds, rows, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autofree char *rest = NULL;

      if ((half != ALL_HALVES && ranges[i].half != half) || by_months (bounds, ranges[i].figure))
        continue;
      rest = g_strconcat ("count(*) FROM ", ranges[i].from, " WHERE @UNITS AND ",
                          ranges[i].range, NULL);
      if (!count_into (self, rest, &ranges[i].figure, 1, bounds, rows, error))
        return FALSE;
    }
  if (!done_half)
    return TRUE;
  return count_into (self, confirmed_open, confirmed_open_figures,
                     G_N_ELEMENTS (confirmed_open_figures), bounds, rows, error);
}

/* The open half, on another connection, on its own thread. */
typedef struct
{
  DocketStore  *store;
  const Bounds *bounds;
  GHashTable   *rows;
  GError       *error;
  gboolean      ok;
} HalfJob;

static gpointer
count_half_thread (gpointer data)
{
  HalfJob *job = data;

  job->ok = count_all (job->store, job->bounds, OPEN_HALF, job->rows, &job->error);
  return NULL;
}

/* Adds the figures of @from's rows to @into's. */
static void
merge_rows (GHashTable *into,
            GHashTable *from)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const DocketReportRow *add = value;
      DocketReportRow *r = row_for (into, add->unit_id);

      r->completed_on_time += add->completed_on_time;
      r->completed_late += add->completed_late;
      r->in_progress += add->in_progress;
      r->overdue += add->overdue;
      r->overdue_long += add->overdue_long;
      r->no_deadline += add->no_deadline;
      r->updated += add->updated;
    }
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  DocketId x = (*(DocketReportRow * const *) a)->unit_id;
  DocketId y = (*(DocketReportRow * const *) b)->unit_id;

  return (x > y) - (x < y);
}

static char *
units_json (const DocketId *unit_ids,
            guint           n_units)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < n_units; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", (gint64) unit_ids[i]);
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* The first day of @date's month. */
static DocketDate
month_start (DocketDate date)
{
  return docket_date_add_days (date, 1 - docket_date_get_day (date));
}

static char *
month_start_iso (DocketDate date)
{
  return docket_date_format_iso (month_start (date));
}

static DocketReport *
compute_report (DocketStore    *self,
                DocketStore    *helper,
                DocketDate      from,
                DocketDate      to,
                DocketDate      today,
                const DocketId *unit_ids,
                guint           n_units,
                GError        **error)
{
  g_autoptr(DocketReport) report = NULL;
  g_autoptr(GHashTable) rows = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  g_autofree char *from_iso = NULL, *to_iso = NULL, *day_iso = NULL;
  g_autofree char *long_iso = NULL, *updated_iso = NULL, *units = NULL;
  g_autofree char *from_month = NULL, *from_month_start = NULL, *day_month = NULL;
  g_autofree char *day_month_start = NULL, *long_month = NULL, *long_month_start = NULL;
  g_autofree char *to_month = NULL;
  DocketDate first_full;
  GHashTableIter iter;
  gpointer value;
  DocketDate day;
  Bounds bounds;

  if ((to != DOCKET_DATE_NONE && from > to) || (to == DOCKET_DATE_NONE && today == DOCKET_DATE_NONE))
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   _("The period of the report ends before it begins. Choose the dates "
                     "again."));
      return NULL;
    }
  report = docket_report_new (from, to, today);
  day = docket_report_get_day (report);

  /* An open start is '' (before every day); an open end adds no condition. */
  from_iso = iso_or (from, "");
  to_iso = to != DOCKET_DATE_NONE ? docket_date_format_iso (to) : NULL;
  day_iso = docket_date_format_iso (day);
  long_iso = docket_date_format_iso (docket_date_add_days (day, -DOCKET_REPORT_LONG_OVERDUE_DAYS));
  updated_iso = docket_date_format_iso (docket_date_add_days (day, -DOCKET_REPORT_UPDATE_WINDOW_DAYS));
  units = n_units > 0 ? units_json (unit_ids, n_units) : NULL;
  bounds = (Bounds) { from_iso, to_iso, day_iso, long_iso, updated_iso, units };

  /* The counters' months (see count_done_by_months () and count_open_by_months ()). */
  day_month_start = month_start_iso (day);
  day_month = g_strndup (day_month_start, 7);
  if (from == DOCKET_DATE_NONE)
    first_full = DOCKET_DATE_NONE;
  else if (docket_date_get_day (from) == 1)
    first_full = from;
  else
    first_full = docket_date_add_months (month_start (from), 1);
  if (first_full == DOCKET_DATE_NONE)
    from_month = g_strdup ("");
  else
    {
      from_month_start = docket_date_format_iso (first_full);
      from_month = g_strndup (from_month_start, 7);
      /* A period that starts on a month's first day has no part month before it. */
      if (first_full == from)
        g_clear_pointer (&from_month_start, g_free);
    }
  long_month_start = month_start_iso (docket_date_add_days (day, -DOCKET_REPORT_LONG_OVERDUE_DAYS));
  long_month = g_strndup (long_month_start, 7);
  if (to != DOCKET_DATE_NONE && docket_date_get_day (docket_date_add_days (to, 1)) == 1)
    to_month = g_strndup (to_iso, 7);
  bounds.from_month = from_month;
  bounds.from_month_start = from_month_start;
  bounds.day_month = day_month;
  bounds.day_month_start = day_month_start;
  bounds.long_month = long_month;
  bounds.long_month_start = long_month_start;
  bounds.to_month = to_month;
  bounds.done_by_months = first_full == DOCKET_DATE_NONE ||
                          first_full < month_start (day);
  bounds.open_by_months = to == DOCKET_DATE_NONE || to_month != NULL;

  rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  if (helper == NULL)
    {
      if (!count_all (self, &bounds, ALL_HALVES, rows, error))
        return NULL;
    }
  else
    {
      g_autoptr(GHashTable) open_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
      HalfJob job = { helper, &bounds, open_rows, NULL, FALSE };
      GThread *thread = g_thread_new ("docket-report", count_half_thread, &job);
      gboolean ok = count_all (self, &bounds, DONE_HALF, rows, error);

      g_thread_join (thread);
      if (ok && !job.ok)
        {
          g_propagate_error (error, g_steal_pointer (&job.error));
          return NULL;
        }
      g_clear_error (&job.error);
      if (!ok)
        return NULL;
      merge_rows (rows, open_rows);
    }

  /* In unit order, so the report is the same whatever order the statements ran in. */
  sorted = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sorted, value);
  g_ptr_array_sort (sorted, compare_rows);
  for (guint i = 0; i < sorted->len; i++)
    {
      DocketReportRow *r = g_ptr_array_index (sorted, i);

      r->completed = r->completed_on_time + r->completed_late;
      r->not_completed = r->in_progress + r->overdue + r->no_deadline;
      r->assigned = r->completed + r->not_completed;
      docket_report_add_row (report, r);
    }
  return g_steal_pointer (&report);
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
  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (n_units == 0 || unit_ids != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return compute_report (self, NULL, from, to, today, unit_ids, n_units, error);
}

/**
 * docket_store_compute_report_split:
 * @self: a store
 * @helper: another store open on the same file, used by nobody else meanwhile
 * @from: the first day of the period, or %DOCKET_DATE_NONE
 * @to: the last day of the period, or %DOCKET_DATE_NONE (then @today is required)
 * @today: the actual date
 * @unit_ids: (array length=n_units) (nullable): the lead units to report on, or none
 *   for all
 * @n_units: their number
 * @error: return location for a #GError
 *
 * docket_store_compute_report (), with half its counts made on @helper on another
 * thread at the same time: on two cores, in a little over half the time.  The two
 * halves are read in two read transactions, one started just after the other: a
 * change committed between them can be counted in one half and not the other, so
 * this is for a view that counts again on every change (the dashboard), not for a
 * document (the period report's export uses docket_store_compute_report ()).
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
DocketReport *
docket_store_compute_report_split (DocketStore    *self,
                                   DocketStore    *helper,
                                   DocketDate      from,
                                   DocketDate      to,
                                   DocketDate      today,
                                   const DocketId *unit_ids,
                                   guint           n_units,
                                   GError        **error)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (DOCKET_IS_STORE (helper) && helper != self, NULL);
  g_return_val_if_fail (n_units == 0 || unit_ids != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return compute_report (self, helper, from, to, today, unit_ids, n_units, error);
}
