/* docket-store-calendar.c: the official holiday schedules kept in the file
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The government announces each year's Tết days, bridging days and swapped Saturdays;
 * the secretariat enters them here and every working-day count of the file follows
 * them.  A year with no rows in holiday_schedule follows the core calendar's computed
 * holidays; a year with rows follows exactly those rows (docket_calendar_set_year_schedule()).
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-store-calendar.h"
#include "docket-store-private.h"

/* The years a schedule may be entered for: those the lunar calendar computes. */
#define FIRST_SCHEDULE_YEAR 1900
#define LAST_SCHEDULE_YEAR  2199
#define NAME_MAX_CHARS      200

void
docket_schedule_day_free (DocketScheduleDay *day)
{
  if (day == NULL)
    return;
  g_free (day->name);
  g_free (day);
}

static gboolean
check_year (int      year,
            GError **error)
{
  if (year >= FIRST_SCHEDULE_YEAR && year <= LAST_SCHEDULE_YEAR)
    return TRUE;
  g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
               /* Translators: the numbers are years */
               _("A holiday schedule can be entered for the years %d to %d only."),
               FIRST_SCHEDULE_YEAR, LAST_SCHEDULE_YEAR);
  return FALSE;
}

static gboolean
check_name (const char *name,
            GError    **error)
{
  if (name == NULL)
    return TRUE;
  if (!g_utf8_validate (name, -1, NULL))
    return _docket_store_require_text (name, _("the name of the day"), error);
  if (g_utf8_strlen (name, -1) > NAME_MAX_CHARS)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   _("The name of the day is too long; at most %d characters are allowed."),
                   NAME_MAX_CHARS);
      return FALSE;
    }
  return TRUE;
}

/* The audit log names a day of the schedule by its yyyymmdd number, as the table has
 * no row ids. */
static DocketId
day_record_id (DocketDate date)
{
  int y, m, d;

  docket_date_to_dmy (date, &y, &m, &d);
  return (DocketId) y * 10000 + m * 100 + d;
}

static GPtrArray *
read_year (DocketStore *self,
           int          year,
           GError     **error)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_schedule_day_free);
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE, ok;

  stmt = _docket_store_prepare (self,
                                "SELECT date, is_day_off, name FROM holiday_schedule "
                                "WHERE year = ? ORDER BY date",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_int (stmt, 1, year);
  while ((ok = _docket_store_step (self, stmt, &row, error)) && row)
    {
      DocketScheduleDay *day = g_new0 (DocketScheduleDay, 1);

      day->date = _docket_stmt_get_date (stmt, 0);
      day->is_day_off = _docket_stmt_get_int (stmt, 1) != 0;
      day->name = _docket_stmt_dup_text (stmt, 2);
      g_ptr_array_add (days, day);
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&days);
}

static gboolean
insert_day (DocketStore *self,
            int          year,
            DocketDate   date,
            gboolean     is_day_off,
            const char  *name,
            GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = _docket_audit_fields_new ();

  /* An upsert, not INSERT OR REPLACE: the table keeps one row per day. */
  stmt = _docket_store_prepare (self,
                                "INSERT INTO holiday_schedule (year, date, is_day_off, name, "
                                "updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                                "ON CONFLICT (year, date) DO UPDATE SET is_day_off = ?3, "
                                "name = ?4, updated_at = ?5, updated_by = ?6",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_int (stmt, 1, year);
  _docket_stmt_bind_date (stmt, 2, date);
  _docket_stmt_bind_bool (stmt, 3, is_day_off);
  _docket_stmt_bind_text (stmt, 4, name);
  _docket_stmt_bind_update_stamp (self, stmt, 5);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;

  _docket_audit_add_date (fields, "date", date);
  _docket_audit_add_int (fields, "is_day_off", is_day_off);
  _docket_audit_add_text (fields, "name", name);
  return _docket_store_audit (self, "holiday_schedule", day_record_id (date), "set", fields,
                              error);
}

static gboolean
delete_year (DocketStore *self,
             int          year,
             GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = _docket_audit_fields_new ();

  stmt = _docket_store_prepare (self, "DELETE FROM holiday_schedule WHERE year = ?", error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_int (stmt, 1, year);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  if (_docket_store_changes (self) == 0)
    return TRUE;
  _docket_audit_add_int (fields, "year", year);
  return _docket_store_audit (self, "holiday_schedule", (DocketId) year, "clear", fields, error);
}

/* Writes the computed holidays of @year as its schedule when it has none, so that
 * changing one day does not silently drop all the others. */
static gboolean
seed_year (DocketStore *self,
           int          year,
           GError     **error)
{
  g_autoptr(GPtrArray) days = read_year (self, year, error);
  g_autoptr(DocketCalendar) computed = NULL;
  g_autoptr(GArray) holidays = NULL;

  if (days == NULL)
    return FALSE;
  if (days->len > 0)
    return TRUE;
  computed = docket_calendar_new ();
  holidays = docket_calendar_list_holidays (computed, year);
  for (guint i = 0; i < holidays->len; i++)
    {
      const DocketHoliday *h = &g_array_index (holidays, DocketHoliday, i);

      /* No stored name: the calendar names computed holidays in the reader's
       * language. */
      if (!insert_day (self, year, h->date, TRUE, NULL, error))
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
docket_store_list_year_schedule (DocketStore *self,
                                 int          year,
                                 GError     **error)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_year (self, year, error);
}

typedef struct
{
  int                      year;
  const DocketScheduleDay *days;
  guint                    n_days;
  DocketDate               date;
  gboolean                 is_day_off;
  const char              *name;
} ScheduleOp;

static gboolean
set_year_cb (DocketStore *self,
             gpointer     data,
             GError     **error)
{
  ScheduleOp *op = data;

  if (!delete_year (self, op->year, error))
    return FALSE;
  for (guint i = 0; i < op->n_days; i++)
    if (!insert_day (self, op->year, op->days[i].date, op->days[i].is_day_off,
                     op->days[i].name, error))
      return FALSE;
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_HOLIDAYS);
  return TRUE;
}

/**
 * docket_store_set_year_schedule:
 * @self: a store
 * @year: the year
 * @days: (array length=n_days) (nullable): the days of its official schedule
 * @n_days: their number; 0 removes the schedule
 * @error: return location for a #GError
 *
 * Replaces the official schedule of @year (see docket_calendar_set_year_schedule()).
 *
 * Returns: whether the schedule was stored
 */
gboolean
docket_store_set_year_schedule (DocketStore             *self,
                                int                      year,
                                const DocketScheduleDay *days,
                                guint                    n_days,
                                GError                 **error)
{
  ScheduleOp op = { .year = year, .days = days, .n_days = n_days };
  g_autoptr(DocketCalendar) check = NULL;
  g_autoptr(GArray) off = g_array_new (FALSE, FALSE, sizeof (DocketDate));

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (days != NULL || n_days == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_year (year, error))
    return FALSE;
  for (guint i = 0; i < n_days; i++)
    {
      if (!check_name (days[i].name, error))
        return FALSE;
      g_array_append_val (off, days[i].date);
    }
  /* The core calendar says whether every day lies in the year. */
  check = docket_calendar_new ();
  if (!docket_calendar_set_year_schedule (check, year, (DocketDate *) (gpointer) off->data,
                                          off->len, NULL, 0, error))
    return FALSE;
  return _docket_store_write (self, set_year_cb, &op, error);
}

static gboolean
set_day_cb (DocketStore *self,
            gpointer     data,
            GError     **error)
{
  ScheduleOp *op = data;

  if (!seed_year (self, op->year, error) ||
      !insert_day (self, op->year, op->date, op->is_day_off, op->name, error))
    return FALSE;
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_HOLIDAYS);
  return TRUE;
}

static gboolean
check_day (DocketDate date,
           GError   **error)
{
  if (date == DOCKET_DATE_NONE)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   _("Give the day as a valid date."));
      return FALSE;
    }
  return check_year (docket_date_get_year (date), error);
}

/**
 * docket_store_set_schedule_day:
 * @self: a store
 * @date: the day
 * @is_day_off: a day off, or (%FALSE) a weekend day worked by a swap
 * @name: (nullable): its name
 * @error: return location for a #GError
 *
 * Enters one day of the official schedule of its year.  When the year has no
 * schedule yet, it starts from the computed holidays of that year.
 *
 * Returns: whether the day was stored
 */
gboolean
docket_store_set_schedule_day (DocketStore *self,
                               DocketDate   date,
                               gboolean     is_day_off,
                               const char  *name,
                               GError     **error)
{
  ScheduleOp op = { .date = date, .is_day_off = is_day_off, .name = name };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_day (date, error) || !check_name (name, error))
    return FALSE;
  op.year = docket_date_get_year (date);
  return _docket_store_write (self, set_day_cb, &op, error);
}

static gboolean
remove_day_cb (DocketStore *self,
               gpointer     data,
               GError     **error)
{
  ScheduleOp *op = data;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = _docket_audit_fields_new ();

  if (!seed_year (self, op->year, error))
    return FALSE;
  stmt = _docket_store_prepare (self, "DELETE FROM holiday_schedule WHERE year = ? AND date = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_int (stmt, 1, op->year);
  _docket_stmt_bind_date (stmt, 2, op->date);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  if (_docket_store_changes (self) == 0)
    {
      g_autofree char *day = docket_date_format_display (op->date);

      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is a date */
                   _("%s is not in the holiday schedule of its year."), day);
      return FALSE;
    }
  _docket_audit_add_date (fields, "date", op->date);
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_HOLIDAYS);
  return _docket_store_audit (self, "holiday_schedule", day_record_id (op->date), "delete",
                              fields, error);
}

/**
 * docket_store_remove_schedule_day:
 * @self: a store
 * @date: a day of the schedule
 * @error: return location for a #GError
 *
 * Takes a day out of the official schedule of its year: a holiday becomes an ordinary
 * day, a swapped working day a weekend day again.  When the year has no schedule
 * yet, it starts from the computed holidays.  Fails with
 * %DOCKET_STORE_ERROR_NOT_FOUND, changing nothing, when the day is not in it.
 *
 * Returns: whether the day was removed
 */
gboolean
docket_store_remove_schedule_day (DocketStore *self,
                                  DocketDate   date,
                                  GError     **error)
{
  ScheduleOp op = { .date = date };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_day (date, error))
    return FALSE;
  op.year = docket_date_get_year (date);
  return _docket_store_write (self, remove_day_cb, &op, error);
}

static gboolean
apply_year (DocketCalendar *calendar,
            int             year,
            GArray         *off,
            GArray         *on,
            GError        **error)
{
  gboolean ok = TRUE;

  if (year != 0 && (off->len > 0 || on->len > 0))
    ok = docket_calendar_set_year_schedule (calendar, year,
                                            (DocketDate *) (gpointer) off->data, off->len,
                                            (DocketDate *) (gpointer) on->data, on->len,
                                            error);
  g_array_set_size (off, 0);
  g_array_set_size (on, 0);
  return ok;
}

/**
 * docket_store_load_calendar:
 * @self: a store
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the working-day calendar with the official schedule of
 *   every year entered in the file, or %NULL with @error set
 */
DocketCalendar *
docket_store_load_calendar (DocketStore *self,
                            GError     **error)
{
  g_autoptr(DocketCalendar) calendar = docket_calendar_new ();
  g_autoptr(GArray) off = g_array_new (FALSE, FALSE, sizeof (DocketDate));
  g_autoptr(GArray) on = g_array_new (FALSE, FALSE, sizeof (DocketDate));
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE, ok;
  int year = 0;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _docket_store_prepare (self,
                                "SELECT year, date, is_day_off FROM holiday_schedule "
                                "ORDER BY year, date",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((ok = _docket_store_step (self, stmt, &row, error)) && row)
    {
      int this_year = (int) _docket_stmt_get_int (stmt, 0);
      DocketDate day = _docket_stmt_get_date (stmt, 1);

      if (this_year != year && !apply_year (calendar, year, off, on, error))
        return NULL;
      year = this_year;
      g_array_append_val (_docket_stmt_get_int (stmt, 2) ? off : on, day);
    }
  if (!ok || !apply_year (calendar, year, off, on, error))
    return NULL;
  return g_steal_pointer (&calendar);
}
