/* docket-date.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "docket-date.h"
#include "docket-error.h"

static void
to_gdate (DocketDate date,
          GDate     *gdate)
{
  g_date_clear (gdate, 1);
  g_date_set_julian (gdate, date);
}

gboolean
docket_date_is_valid_dmy (int year,
                          int month,
                          int day)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
    return FALSE;
  return g_date_valid_dmy (day, month, year);
}

/**
 * docket_date_new:
 *
 * Returns: the day, or %DOCKET_DATE_NONE when the day does not exist (31/02).
 */
DocketDate
docket_date_new (int year,
                 int month,
                 int day)
{
  GDate gdate;

  if (!docket_date_is_valid_dmy (year, month, day))
    return DOCKET_DATE_NONE;

  g_date_clear (&gdate, 1);
  g_date_set_dmy (&gdate, day, month, year);
  return g_date_get_julian (&gdate);
}

void
docket_date_to_dmy (DocketDate date,
                    int       *year,
                    int       *month,
                    int       *day)
{
  GDate gdate;

  g_return_if_fail (date != DOCKET_DATE_NONE);

  to_gdate (date, &gdate);
  if (year)
    *year = g_date_get_year (&gdate);
  if (month)
    *month = g_date_get_month (&gdate);
  if (day)
    *day = g_date_get_day (&gdate);
}

int
docket_date_get_year (DocketDate date)
{
  int y = 0;
  docket_date_to_dmy (date, &y, NULL, NULL);
  return y;
}

int
docket_date_get_month (DocketDate date)
{
  int m = 0;
  docket_date_to_dmy (date, NULL, &m, NULL);
  return m;
}

int
docket_date_get_day (DocketDate date)
{
  int d = 0;
  docket_date_to_dmy (date, NULL, NULL, &d);
  return d;
}

int
docket_date_get_weekday (DocketDate date)
{
  g_return_val_if_fail (date != DOCKET_DATE_NONE, 0);
  /* Julian day 1 (01/01/0001) was a Monday. */
  return (int) ((date - 1) % 7) + 1;
}

gboolean
docket_date_is_weekend (DocketDate date)
{
  return docket_date_get_weekday (date) >= 6;
}

DocketDate
docket_date_add_days (DocketDate date,
                      int        days)
{
  gint64 r;

  g_return_val_if_fail (date != DOCKET_DATE_NONE, DOCKET_DATE_NONE);
  r = (gint64) date + days;
  if (r < 1 || r > G_MAXUINT32)
    return DOCKET_DATE_NONE;
  return (DocketDate) r;
}

DocketDate
docket_date_add_months (DocketDate date,
                        int        months)
{
  GDate gdate;

  g_return_val_if_fail (date != DOCKET_DATE_NONE, DOCKET_DATE_NONE);
  to_gdate (date, &gdate);
  if (months >= 0)
    g_date_add_months (&gdate, months);
  else
    g_date_subtract_months (&gdate, -months);
  return g_date_get_julian (&gdate);
}

DocketDate
docket_date_from_unix (gint64     unix_seconds,
                       GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) own_tz = NULL;

  if (utc == NULL)
    return DOCKET_DATE_NONE;
  if (tz == NULL)
    tz = own_tz = g_time_zone_new_local ();
  local = g_date_time_to_timezone (utc, tz);
  return docket_date_new (g_date_time_get_year (local),
                          g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local));
}

DocketDate
docket_date_today (GTimeZone *tz)
{
  return docket_date_from_unix (g_get_real_time () / G_USEC_PER_SEC, tz);
}

static gboolean
parse_number (const char **p,
              int          min_digits,
              int          max_digits,
              int         *out)
{
  int n = 0, digits = 0;

  while (g_ascii_isdigit (**p) && digits < max_digits)
    {
      n = n * 10 + (**p - '0');
      (*p)++;
      digits++;
    }
  if (digits < min_digits || g_ascii_isdigit (**p))
    return FALSE;
  *out = n;
  return TRUE;
}

/**
 * docket_date_parse_iso:
 *
 * Parses exactly `YYYY-MM-DD`, the storage form.
 */
gboolean
docket_date_parse_iso (const char *text,
                       DocketDate *out_date)
{
  const char *p = text;
  int y, m, d;

  if (text == NULL)
    return FALSE;
  if (!parse_number (&p, 4, 4, &y) || *p++ != '-' ||
      !parse_number (&p, 2, 2, &m) || *p++ != '-' ||
      !parse_number (&p, 2, 2, &d) || *p != '\0')
    return FALSE;
  if (!docket_date_is_valid_dmy (y, m, d))
    return FALSE;
  *out_date = docket_date_new (y, m, d);
  return TRUE;
}

/**
 * docket_date_parse:
 * @text: `dd/mm/yyyy` (also `d/m/yyyy`, with `-` or `.` as separator) or ISO `yyyy-mm-dd`
 *
 * Parses a date as a person types it.  Fails with %DOCKET_ERROR_INVALID_INPUT and a
 * message naming the text when it is not a date or the day does not exist.
 */
gboolean
docket_date_parse (const char *text,
                   DocketDate *out_date,
                   GError    **error)
{
  g_autofree char *stripped = NULL;
  const char *p;
  int a, b, c;
  char sep;

  g_return_val_if_fail (out_date != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text ? text : ""));
  p = stripped;

  if (docket_date_parse_iso (stripped, out_date))
    return TRUE;

  if (parse_number (&p, 1, 2, &a) && (*p == '/' || *p == '-' || *p == '.'))
    {
      sep = *p++;
      if (parse_number (&p, 1, 2, &b) && *p++ == sep && parse_number (&p, 4, 4, &c) && *p == '\0')
        {
          if (docket_date_is_valid_dmy (c, b, a))
            {
              *out_date = docket_date_new (c, b, a);
              return TRUE;
            }
          g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                       /* Translators: %s is what the person typed, e.g. 31/02/2026 */
                       _("“%s” is not a day of the calendar. Check the day and the month."),
                       stripped);
          return FALSE;
        }
    }

  g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
               /* Translators: %s is what the person typed */
               _("“%s” is not a date. Type it as day/month/year, for example 30/09/2026."),
               stripped);
  return FALSE;
}

char *
docket_date_format_iso (DocketDate date)
{
  int y, m, d;

  if (date == DOCKET_DATE_NONE)
    return NULL;
  docket_date_to_dmy (date, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

char *
docket_date_format_display (DocketDate date)
{
  int y, m, d;

  if (date == DOCKET_DATE_NONE)
    return g_strdup ("");
  docket_date_to_dmy (date, &y, &m, &d);
  return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
}
