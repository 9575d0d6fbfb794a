/* docket-calendar.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-calendar.h"
#include "docket-error.h"
#include "docket-lunar.h"

/* The computed default of a year (Labour Code 2019, art. 112, and the practice of the
 * government's yearly announcements):
 *
 * - New Year's Day, 1/1.
 * - Tết, five days: the last day of the old lunar year plus lunar 1/1 to 1/4.  The
 *   government announces the exact days every year, usually one day before and four
 *   after or two and three; "one and four" is the split it has chosen most often and the
 *   one the Labour Code's guidance uses as its example, so it is the default.
 * - Hùng Kings' Commemoration Day, lunar 10/3.
 * - Reunification Day 30/4 and International Workers' Day 1/5.
 * - National Day 2/9 and one adjacent day.  The government picks 1/9 or 3/9 each year
 *   so that the days off join a weekend: 3/9 when 2/9 is a Monday (2024: 31/8–3/9) or a
 *   Thursday (2021: 2/9–5/9), otherwise 1/9 (2022, 2023, 2025).
 * - A holiday that falls on a Saturday or a Sunday, or on a day already off, is
 *   compensated on the next working day (art. 112 (3)); several are compensated on
 *   consecutive working days, in date order.
 *
 * Lunar holidays are computed only for the years the lunar conversion supports
 * (DOCKET_LUNAR_MIN_YEAR–DOCKET_LUNAR_MAX_YEAR); other years have the solar ones only.
 *
 * A year can instead carry its official schedule (docket_calendar_set_year_schedule());
 * then the computed holidays of that year are ignored entirely. */

#define MIN_YEAR 1
#define MAX_YEAR 9999

/* Everything the queries need about one solar year, computed once: whether each day is
 * a working day, the names of the holidays, and running counts of working days so that
 * "working days between" costs two lookups per year instead of a walk. */
typedef struct
{
  int          year;
  DocketDate   first;          /* 1 January */
  guint        n_days;         /* 365 or 366 */
  gboolean     scheduled;      /* an official schedule, not the computed default */
  guint8      *off;            /* n_days flags: TRUE when not a working day */
  const char **names;          /* n_days untranslated names (msgids) or NULL */
  guint16     *cum;            /* n_days + 1 entries: working days in [first, first + i) */
} YearInfo;

typedef struct
{
  DocketDate *days_off;
  guint       n_off;
  DocketDate *working_days;
  guint       n_working;
} YearSchedule;

struct _DocketCalendar
{
  GMutex      mutex;           /* guards everything below */
  GHashTable *years;           /* int year → YearInfo, a cache */
  GHashTable *schedules;       /* int year → YearSchedule */
  YearInfo   *last;            /* the year asked about last, for the common run of days */
};

G_DEFINE_BOXED_TYPE (DocketCalendar, docket_calendar, docket_calendar_ref, docket_calendar_unref)

static const char *holiday_new_year = N_("New Year’s Day");
static const char *holiday_tet_eve = N_("Lunar New Year’s Eve");
static const char *holiday_tet = N_("Lunar New Year (Tết)");
static const char *holiday_hung_kings = N_("Hùng Kings’ Commemoration Day");
static const char *holiday_reunification = N_("Reunification Day");
static const char *holiday_labour = N_("International Workers’ Day");
static const char *holiday_national = N_("National Day");
static const char *holiday_compensation = N_("Compensatory day off");
static const char *holiday_scheduled = N_("Day off");

static void
year_info_free (gpointer data)
{
  YearInfo *info = data;

  g_free (info->off);
  g_free (info->names);
  g_free (info->cum);
  g_free (info);
}

static void
year_schedule_free (gpointer data)
{
  YearSchedule *schedule = data;

  g_free (schedule->days_off);
  g_free (schedule->working_days);
  g_free (schedule);
}

static YearInfo *
year_info_new_weekends (int year)
{
  YearInfo *info = g_new0 (YearInfo, 1);

  info->year = year;
  info->first = docket_date_new (year, 1, 1);
  info->n_days = g_date_is_leap_year (year) ? 366 : 365;
  info->off = g_new0 (guint8, info->n_days);
  info->names = g_new0 (const char *, info->n_days);
  info->cum = g_new0 (guint16, info->n_days + 1);

  for (guint i = 0; i < info->n_days; i++)
    info->off[i] = docket_date_is_weekend (info->first + i);

  return info;
}

static void
year_info_finish (YearInfo *info)
{
  info->cum[0] = 0;
  for (guint i = 0; i < info->n_days; i++)
    info->cum[i + 1] = info->cum[i] + (info->off[i] ? 0 : 1);
}

typedef struct
{
  DocketDate  date;
  const char *name;
} Statutory;

static int
statutory_compare (gconstpointer a,
                   gconstpointer b)
{
  const Statutory *sa = a;
  const Statutory *sb = b;

  return (sa->date > sb->date) - (sa->date < sb->date);
}

static void
add_statutory (GArray     *list,
               int         year,
               DocketDate  date,
               const char *name)
{
  Statutory s = { date, name };

  /* A lunar date outside the supported range comes back as NONE; a computed date
   * always lies in its solar year, but check rather than trust. */
  if (date != DOCKET_DATE_NONE && docket_date_get_year (date) == year)
    g_array_append_val (list, s);
}

static GArray *
statutory_holidays (int year)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (Statutory));
  DocketDate tet = docket_lunar_new_year (year);
  DocketDate national = docket_date_new (year, 9, 2);
  int national_weekday = docket_date_get_weekday (national);
  DocketDate adjacent;

  add_statutory (list, year, docket_date_new (year, 1, 1), holiday_new_year);
  if (tet != DOCKET_DATE_NONE)
    {
      add_statutory (list, year, tet - 1, holiday_tet_eve);
      for (int i = 0; i < 4; i++)
        add_statutory (list, year, tet + i, holiday_tet);
    }
  add_statutory (list, year, docket_lunar_to_solar (year, 3, 10, FALSE), holiday_hung_kings);
  add_statutory (list, year, docket_date_new (year, 4, 30), holiday_reunification);
  add_statutory (list, year, docket_date_new (year, 5, 1), holiday_labour);

  adjacent = (national_weekday == 1 || national_weekday == 4) ? national + 1 : national - 1;
  add_statutory (list, year, MIN (national, adjacent), holiday_national);
  add_statutory (list, year, MAX (national, adjacent), holiday_national);

  g_array_sort (list, statutory_compare);
  return list;
}

static YearInfo *
year_info_new_default (int year)
{
  YearInfo *info = year_info_new_weekends (year);
  g_autoptr(GArray) list = statutory_holidays (year);

  g_autoptr(GArray) lost = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Mark every holiday first, so a compensation day never lands on a holiday that
   * comes later in the year (30/4 on a Sunday is not compensated on 1/5). */
  for (guint i = 0; i < list->len; i++)
    {
      const Statutory *s = &g_array_index (list, Statutory, i);
      guint idx = s->date - info->first;

      /* A holiday on a weekend or on the same day as another one is lost. */
      if (info->off[idx])
        g_array_append_val (lost, idx);
      info->off[idx] = TRUE;
      if (info->names[idx] == NULL)
        info->names[idx] = s->name;
    }

  /* Then give each lost holiday the next working day, in date order. */
  for (guint i = 0; i < lost->len; i++)
    {
      for (guint j = g_array_index (lost, guint, i) + 1; j < info->n_days; j++)
        {
          if (!info->off[j])
            {
              info->off[j] = TRUE;
              info->names[j] = holiday_compensation;
              break;
            }
        }
    }

  year_info_finish (info);
  return info;
}

static YearInfo *
year_info_new_scheduled (int                 year,
                         const YearSchedule *schedule)
{
  YearInfo *info = year_info_new_weekends (year);
  YearInfo *computed = year_info_new_default (year);

  for (guint i = 0; i < schedule->n_off; i++)
    info->off[schedule->days_off[i] - info->first] = TRUE;
  /* A day listed both ways is a working day: the swap is the more specific statement. */
  for (guint i = 0; i < schedule->n_working; i++)
    info->off[schedule->working_days[i] - info->first] = FALSE;

  /* Names go to non-working days only: a statutory holiday keeps its name wherever it
   * is still off (a weekend, or listed), and a listed day without one is a compensation
   * or bridging day of the announcement. */
  for (guint i = 0; i < info->n_days; i++)
    {
      if (info->off[i] && computed->names[i] != holiday_compensation)
        info->names[i] = computed->names[i];
    }
  for (guint i = 0; i < schedule->n_off; i++)
    {
      guint idx = schedule->days_off[i] - info->first;

      if (info->off[idx] && info->names[idx] == NULL)
        info->names[idx] = computed->names[idx] ? computed->names[idx] : holiday_scheduled;
    }

  info->scheduled = TRUE;
  year_info_free (computed);
  year_info_finish (info);
  return info;
}

static YearInfo *
year_info_lookup_locked (DocketCalendar *self,
                         int             year)
{
  YearInfo *info;
  const YearSchedule *schedule;

  if (self->last != NULL && self->last->year == year)
    return self->last;

  info = g_hash_table_lookup (self->years, GINT_TO_POINTER (year));
  if (info == NULL)
    {
      schedule = g_hash_table_lookup (self->schedules, GINT_TO_POINTER (year));
      info = schedule ? year_info_new_scheduled (year, schedule) : year_info_new_default (year);
      g_hash_table_insert (self->years, GINT_TO_POINTER (year), info);
    }
  self->last = info;
  return info;
}

static YearInfo *
year_info_for_date_locked (DocketCalendar *self,
                           DocketDate      date)
{
  YearInfo *last = self->last;

  if (last != NULL && date >= last->first && date - last->first < last->n_days)
    return last;
  return year_info_lookup_locked (self, docket_date_get_year (date));
}

static void
forget_year_locked (DocketCalendar *self,
                    int             year)
{
  if (self->last != NULL && self->last->year == year)
    self->last = NULL;
  g_hash_table_remove (self->years, GINT_TO_POINTER (year));
}

/**
 * docket_calendar_new:
 *
 * Returns: (transfer full): a calendar with the computed holidays of every year and
 *   no official schedule yet.
 */
DocketCalendar *
docket_calendar_new (void)
{
  DocketCalendar *self = g_atomic_rc_box_new0 (DocketCalendar);

  g_mutex_init (&self->mutex);
  self->years = g_hash_table_new_full (NULL, NULL, NULL, year_info_free);
  self->schedules = g_hash_table_new_full (NULL, NULL, NULL, year_schedule_free);
  return self;
}

/**
 * docket_calendar_ref:
 *
 * Returns: (transfer full): @self
 */
DocketCalendar *
docket_calendar_ref (DocketCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

static void
docket_calendar_finalize (DocketCalendar *self)
{
  g_hash_table_destroy (self->years);
  g_hash_table_destroy (self->schedules);
  g_mutex_clear (&self->mutex);
}

void
docket_calendar_unref (DocketCalendar *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) docket_calendar_finalize);
}

static gboolean
check_days_in_year (int               year,
                    const DocketDate *days,
                    guint             n_days,
                    GError          **error)
{
  for (guint i = 0; i < n_days; i++)
    {
      if (days[i] == DOCKET_DATE_NONE || docket_date_get_year (days[i]) != year)
        {
          g_autofree char *shown = docket_date_format_display (days[i]);

          g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                       /* Translators: %s is a date such as 31/12/2025, %d a year */
                       _("The day “%s” is not in %d. Enter the days of %d only."),
                       shown, year, year);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * docket_calendar_set_year_schedule:
 * @self: a calendar
 * @year: the solar year the schedule is for
 * @days_off: (array length=n_off) (nullable): the days off on top of the weekends:
 *   holidays, compensation and bridging days, as announced
 * @n_off: the number of @days_off
 * @working_days: (array length=n_working) (nullable): weekend days made working days
 *   by a swap
 * @n_working: the number of @working_days
 * @error: return location for a #GError
 *
 * Sets the official schedule of @year, replacing any earlier one.  In a year with a
 * schedule a day is a working day when it is listed in @working_days, or when it is a
 * Monday to Friday not listed in @days_off; the computed holidays and compensation days
 * of that year are ignored, because the announcement already accounts for them.  A day
 * in both lists is a working day.  Other years are not affected: a schedule never
 * reaches across the turn of the year.
 *
 * Fails with %DOCKET_ERROR_INVALID_INPUT, changing nothing, when a day is not in @year.
 *
 * Returns: %TRUE when the schedule was set
 */
gboolean
docket_calendar_set_year_schedule (DocketCalendar   *self,
                                   int               year,
                                   const DocketDate *days_off,
                                   guint             n_off,
                                   const DocketDate *working_days,
                                   guint             n_working,
                                   GError          **error)
{
  YearSchedule *schedule;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (year >= MIN_YEAR && year <= MAX_YEAR, FALSE);
  g_return_val_if_fail (days_off != NULL || n_off == 0, FALSE);
  g_return_val_if_fail (working_days != NULL || n_working == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_days_in_year (year, days_off, n_off, error) ||
      !check_days_in_year (year, working_days, n_working, error))
    return FALSE;

  schedule = g_new0 (YearSchedule, 1);
  schedule->days_off = g_memdup2 (days_off, sizeof (DocketDate) * n_off);
  schedule->n_off = n_off;
  schedule->working_days = g_memdup2 (working_days, sizeof (DocketDate) * n_working);
  schedule->n_working = n_working;

  g_mutex_lock (&self->mutex);
  g_hash_table_replace (self->schedules, GINT_TO_POINTER (year), schedule);
  forget_year_locked (self, year);
  g_mutex_unlock (&self->mutex);
  return TRUE;
}

/**
 * docket_calendar_clear_year_schedule:
 *
 * Removes the official schedule of @year, if any, so the computed holidays apply again.
 */
void
docket_calendar_clear_year_schedule (DocketCalendar *self,
                                     int             year)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->mutex);
  g_hash_table_remove (self->schedules, GINT_TO_POINTER (year));
  forget_year_locked (self, year);
  g_mutex_unlock (&self->mutex);
}

/**
 * docket_calendar_has_year_schedule:
 *
 * Returns: whether an official schedule was set for @year
 */
gboolean
docket_calendar_has_year_schedule (DocketCalendar *self,
                                   int             year)
{
  gboolean result;

  g_return_val_if_fail (self != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  result = g_hash_table_contains (self->schedules, GINT_TO_POINTER (year));
  g_mutex_unlock (&self->mutex);
  return result;
}

/**
 * docket_calendar_is_working_day:
 *
 * Returns: whether @date is a working day
 */
gboolean
docket_calendar_is_working_day (DocketCalendar *self,
                                DocketDate      date)
{
  YearInfo *info;
  gboolean result;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != DOCKET_DATE_NONE, FALSE);

  g_mutex_lock (&self->mutex);
  info = year_info_for_date_locked (self, date);
  result = !info->off[date - info->first];
  g_mutex_unlock (&self->mutex);
  return result;
}

/**
 * docket_calendar_holiday_name:
 *
 * Names are given to non-working days only: a statutory holiday (also when it falls on
 * a weekend), a compensation day, or a day off of an official schedule.  A computed
 * holiday that a schedule turned into a working day has no name.
 *
 * Returns: (nullable): the translated name of the holiday on @date, or %NULL
 */
const char *
docket_calendar_holiday_name (DocketCalendar *self,
                              DocketDate      date)
{
  YearInfo *info;
  const char *name;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (date != DOCKET_DATE_NONE, NULL);

  g_mutex_lock (&self->mutex);
  info = year_info_for_date_locked (self, date);
  name = info->names[date - info->first];
  g_mutex_unlock (&self->mutex);
  return name ? _(name) : NULL;
}

/**
 * docket_calendar_list_holidays:
 *
 * Returns: (transfer full) (element-type DocketHoliday): the named non-working days of
 *   @year in date order (see docket_calendar_holiday_name())
 */
GArray *
docket_calendar_list_holidays (DocketCalendar *self,
                               int             year)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (DocketHoliday));
  YearInfo *info;

  g_return_val_if_fail (self != NULL, list);
  g_return_val_if_fail (year >= MIN_YEAR && year <= MAX_YEAR, list);

  g_mutex_lock (&self->mutex);
  info = year_info_lookup_locked (self, year);
  for (guint i = 0; i < info->n_days; i++)
    {
      if (info->names[i] != NULL)
        {
          DocketHoliday h = { info->first + i, _(info->names[i]) };
          g_array_append_val (list, h);
        }
    }
  g_mutex_unlock (&self->mutex);
  return list;
}

static DocketDate
add_working_days_locked (DocketCalendar *self,
                         DocketDate      date,
                         int             n)
{
  YearInfo *info = year_info_for_date_locked (self, date);
  int step = n > 0 ? 1 : -1;
  guint left = (guint) ABS (n);
  gint64 idx = date - info->first;

  while (left > 0)
    {
      idx += step;
      if (idx < 0 || idx >= info->n_days)
        {
          int year = info->year + step;

          if (year < MIN_YEAR || year > MAX_YEAR)
            return DOCKET_DATE_NONE;
          info = year_info_lookup_locked (self, year);
          idx = step > 0 ? 0 : info->n_days - 1;

          /* Skip whole years at once when the count allows. */
          if (left > info->cum[info->n_days])
            {
              left -= info->cum[info->n_days];
              idx = step > 0 ? info->n_days - 1 : 0;
              continue;
            }
        }
      if (!info->off[idx])
        left--;
    }
  return info->first + (DocketDate) idx;
}

/**
 * docket_calendar_add_working_days:
 * @self: a calendar
 * @date: the starting day, which need not be a working day
 * @n: how many working days to count
 *
 * "N working days after @date": the @n-th working day strictly after @date, so
 * a deadline of "within 5 working days of the notice" is
 * `docket_calendar_add_working_days (cal, notice_date, 5)`.  @n = 0 returns @date itself
 * (even on a holiday); a negative @n counts backwards, giving the |@n|-th working day
 * strictly before @date.
 *
 * Returns: the day, or %DOCKET_DATE_NONE past the year 9999
 */
DocketDate
docket_calendar_add_working_days (DocketCalendar *self,
                                  DocketDate      date,
                                  int             n)
{
  DocketDate result;

  g_return_val_if_fail (self != NULL, DOCKET_DATE_NONE);
  g_return_val_if_fail (date != DOCKET_DATE_NONE, DOCKET_DATE_NONE);

  if (n == 0)
    return date;

  g_mutex_lock (&self->mutex);
  result = add_working_days_locked (self, date, n);
  g_mutex_unlock (&self->mutex);
  return result;
}

/* Working days in (@from, @to], @from <= @to. */
static int
count_forward_locked (DocketCalendar *self,
                      DocketDate      from,
                      DocketDate      to)
{
  YearInfo *info = year_info_for_date_locked (self, from);
  int from_year = info->year;
  int count = -(int) info->cum[from - info->first + 1];

  /* Add whole years up to the one holding @to, then the part of that year. */
  for (int year = from_year; ; year++)
    {
      info = year_info_lookup_locked (self, year);
      if (to - info->first < info->n_days)
        {
          count += info->cum[to - info->first + 1];
          break;
        }
      count += info->cum[info->n_days];
    }
  return count;
}

/**
 * docket_calendar_working_days_between:
 *
 * Counts the working days in (@from, @to]: @from excluded, @to included, so that
 * `docket_calendar_working_days_between (cal, d, docket_calendar_add_working_days (cal,
 * d, n)) == n` and a deadline today leaves 0 working days.  When @to is before @from the
 * result is minus the count for (@to, @from].
 *
 * Returns: the number of working days, negative when @to < @from
 */
int
docket_calendar_working_days_between (DocketCalendar *self,
                                      DocketDate      from,
                                      DocketDate      to)
{
  int count;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (from != DOCKET_DATE_NONE && to != DOCKET_DATE_NONE, 0);

  if (from == to)
    return 0;

  g_mutex_lock (&self->mutex);
  if (from < to)
    count = count_forward_locked (self, from, to);
  else
    count = -count_forward_locked (self, to, from);
  g_mutex_unlock (&self->mutex);
  return count;
}
