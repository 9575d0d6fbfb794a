/* docket-lunar.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-lunar"

#include "config.h"

#include <math.h>

#include "docket-lunar.h"

/* The Vietnamese lunisolar calendar, after Hồ Ngọc Đức's published algorithm
 * ("Computing the Vietnamese lunar calendar"): a month begins on the day (at UTC+7)
 * of a new moon, month 11 is the month that contains the winter solstice, and in a
 * year with 13 months the leap month is the first one that contains no major solar
 * term (no multiple of 30° of sun longitude).  Vietnam computes it for the UTC+7
 * meridian, which is why it sometimes differs from the Chinese calendar (UTC+8) by a
 * day or a month, as in 1985 and 2007.
 *
 * The astronomical formulas work in Julian day numbers (JDN); DocketDate counts days
 * like GDate, with 1 = 01/01/0001, whose JDN is 1721426. */

#define JDN_OFFSET 1721425
#define TIME_ZONE  7.0
#define SYNODIC_MONTH 29.530588853

static inline double
jdn_of (DocketDate date)
{
  return (double) date + JDN_OFFSET;
}

static inline DocketDate
date_of_jdn (long jdn)
{
  if (jdn <= JDN_OFFSET)
    return DOCKET_DATE_NONE;
  return (DocketDate) (jdn - JDN_OFFSET);
}

/* The day (JDN, local to UTC+7) of the k-th new moon after the one of 1 January 1900. */
static long
new_moon_day (long k)
{
  const double dr = G_PI / 180;
  double T = k / 1236.85;
  double T2 = T * T;
  double T3 = T2 * T;
  double jd1, M, Mpr, F, C1, deltat;

  jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * sin ((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  C1 = (0.1734 - 0.000393 * T) * sin (M * dr) + 0.0021 * sin (2 * dr * M);
  C1 = C1 - 0.4068 * sin (Mpr * dr) + 0.0161 * sin (dr * 2 * Mpr);
  C1 = C1 - 0.0004 * sin (dr * 3 * Mpr);
  C1 = C1 + 0.0104 * sin (dr * 2 * F) - 0.0051 * sin (dr * (M + Mpr));
  C1 = C1 - 0.0074 * sin (dr * (M - Mpr)) + 0.0004 * sin (dr * (2 * F + M));
  C1 = C1 - 0.0004 * sin (dr * (2 * F - M)) - 0.0006 * sin (dr * (2 * F + Mpr));
  C1 = C1 + 0.0010 * sin (dr * (2 * F - Mpr)) + 0.0005 * sin (dr * (2 * Mpr + M));
  if (T < -11)
    deltat = 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3;
  else
    deltat = -0.000278 + 0.000265 * T + 0.000262 * T2;

  return (long) floor (jd1 + C1 - deltat + 0.5 + TIME_ZONE / 24);
}

/* The sun's longitude at local midnight starting day @jdn, as the index 0–11 of the
 * 30° sector it lies in. */
static int
sun_longitude_sector (long jdn)
{
  const double dr = G_PI / 180;
  double T = (jdn - 2451545.5 - TIME_ZONE / 24) / 36525;
  double T2 = T * T;
  double M, L0, DL, L;

  M = 357.52910 + 35999.05030 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  DL = (1.914600 - 0.004817 * T - 0.000014 * T2) * sin (dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * sin (dr * 2 * M) + 0.000290 * sin (dr * 3 * M);
  L = (L0 + DL) * dr;
  L = L - G_PI * 2 * floor (L / (G_PI * 2));
  return (int) floor (L / G_PI * 6);
}

/* The first day (JDN) of lunar month 11, the month of the winter solstice, that
 * begins in solar year @year. */
static long
lunar_month_11 (int year)
{
  double off = jdn_of (docket_date_new (year, 12, 31)) - 2415021;
  long k = (long) floor (off / SYNODIC_MONTH);
  long nm = new_moon_day (k);

  if (sun_longitude_sector (nm) >= 9)
    nm = new_moon_day (k - 1);
  return nm;
}

/* In a 13-month year starting at month 11 (@a11), the offset of the leap month: the
 * first month in which the sun stays in one sector. */
static int
leap_month_offset (long a11)
{
  long k = (long) floor ((a11 - 2415021.076998695) / SYNODIC_MONTH + 0.5);
  int last, i = 1;
  int arc = sun_longitude_sector (new_moon_day (k + i));

  do
    {
      last = arc;
      i++;
      arc = sun_longitude_sector (new_moon_day (k + i));
    }
  while (arc != last && i < 14);

  return i - 1;
}

static gboolean
lunar_year_in_range (int lunar_year)
{
  return lunar_year >= DOCKET_LUNAR_MIN_YEAR && lunar_year <= DOCKET_LUNAR_MAX_YEAR;
}

/**
 * docket_lunar_to_solar:
 * @lunar_year: the lunar year, numbered like the solar year in which it begins
 * @lunar_month: 1–12
 * @lunar_day: 1–30
 * @leap_month: whether @lunar_month is the leap (intercalary) month of that name
 *
 * Converts a Vietnamese lunar date (computed for UTC+7) to a solar day.  Day 30 of a
 * 29-day month is accepted and gives the first day of the next month, which is how
 * "30 Tết" of a short year is usually read; callers that need the last day of a month
 * should ask for day 1 of the next one and step back.
 *
 * Returns: the day, or %DOCKET_DATE_NONE when the year is outside
 *   %DOCKET_LUNAR_MIN_YEAR–%DOCKET_LUNAR_MAX_YEAR, the month or day is out of range,
 *   or @leap_month is set and that year has no such leap month.
 */
DocketDate
docket_lunar_to_solar (int      lunar_year,
                       int      lunar_month,
                       int      lunar_day,
                       gboolean leap_month)
{
  long a11, b11, k, month_start;
  int off;

  if (!lunar_year_in_range (lunar_year) || lunar_month < 1 || lunar_month > 12 ||
      lunar_day < 1 || lunar_day > 30)
    return DOCKET_DATE_NONE;

  if (lunar_month < 11)
    {
      a11 = lunar_month_11 (lunar_year - 1);
      b11 = lunar_month_11 (lunar_year);
    }
  else
    {
      a11 = lunar_month_11 (lunar_year);
      b11 = lunar_month_11 (lunar_year + 1);
    }

  k = (long) floor (0.5 + (a11 - 2415021.076998695) / SYNODIC_MONTH);
  off = lunar_month - 11;
  if (off < 0)
    off += 12;

  if (b11 - a11 > 365)
    {
      int leap_off = leap_month_offset (a11);
      int leap = leap_off - 2;

      if (leap <= 0)
        leap += 12;
      if (leap_month && lunar_month != leap)
        return DOCKET_DATE_NONE;
      if (leap_month || off >= leap_off)
        off += 1;
    }
  else if (leap_month)
    {
      return DOCKET_DATE_NONE;
    }

  month_start = new_moon_day (k + off);
  return date_of_jdn (month_start + lunar_day - 1);
}

/**
 * docket_solar_to_lunar:
 * @date: a solar day
 * @lunar_year: (out) (optional): the lunar year
 * @lunar_month: (out) (optional): the lunar month, 1–12
 * @lunar_day: (out) (optional): the lunar day, 1–30
 * @leap_month: (out) (optional): whether the month is a leap month
 *
 * Converts a solar day to the Vietnamese lunar calendar (UTC+7).
 *
 * Returns: %FALSE, leaving the outputs alone, when @date is %DOCKET_DATE_NONE or its
 *   lunar year is outside the supported range.
 */
gboolean
docket_solar_to_lunar (DocketDate date,
                       int       *lunar_year,
                       int       *lunar_month,
                       int       *lunar_day,
                       gboolean  *leap_month)
{
  long day_number, k, month_start, a11, b11;
  int year, ly, lm, diff;
  gboolean leap = FALSE;

  if (date == DOCKET_DATE_NONE)
    return FALSE;
  year = docket_date_get_year (date);
  if (year < DOCKET_LUNAR_MIN_YEAR || year > DOCKET_LUNAR_MAX_YEAR)
    return FALSE;

  day_number = (long) jdn_of (date);
  k = (long) floor ((day_number - 2415021.076998695) / SYNODIC_MONTH);
  month_start = new_moon_day (k + 1);
  if (month_start > day_number)
    month_start = new_moon_day (k);

  a11 = lunar_month_11 (year);
  b11 = a11;
  if (a11 >= month_start)
    {
      ly = year;
      a11 = lunar_month_11 (year - 1);
    }
  else
    {
      ly = year + 1;
      b11 = lunar_month_11 (year + 1);
    }

  diff = (int) floor ((month_start - a11) / 29.0);
  lm = diff + 11;
  if (b11 - a11 > 365)
    {
      int leap_diff = leap_month_offset (a11);

      if (diff >= leap_diff)
        {
          lm = diff + 10;
          leap = (diff == leap_diff);
        }
    }
  if (lm > 12)
    lm -= 12;
  if (lm >= 11 && diff < 4)
    ly -= 1;

  if (!lunar_year_in_range (ly))
    return FALSE;

  if (lunar_year)
    *lunar_year = ly;
  if (lunar_month)
    *lunar_month = lm;
  if (lunar_day)
    *lunar_day = (int) (day_number - month_start + 1);
  if (leap_month)
    *leap_month = leap;
  return TRUE;
}

/**
 * docket_lunar_leap_month:
 * @lunar_year: the lunar year
 *
 * Returns: the number (1–12) of the month repeated as a leap month in @lunar_year,
 *   or 0 when the year has twelve months or is out of range.
 */
int
docket_lunar_leap_month (int lunar_year)
{
  for (int m = 1; m <= 12; m++)
    {
      if (docket_lunar_to_solar (lunar_year, m, 1, TRUE) != DOCKET_DATE_NONE)
        return m;
    }
  return 0;
}

/**
 * docket_lunar_new_year:
 * @lunar_year: the lunar year
 *
 * Returns: the first day of @lunar_year (mùng 1 Tết), or %DOCKET_DATE_NONE when the
 *   year is out of range.
 */
DocketDate
docket_lunar_new_year (int lunar_year)
{
  return docket_lunar_to_solar (lunar_year, 1, 1, FALSE);
}
