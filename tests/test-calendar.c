/* test-calendar.c: the lunar calendar, public holidays and working days
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "docket-core.h"

#define D(y, m, d) docket_date_new ((y), (m), (d))

static void
assert_date (DocketDate  actual,
             int         y,
             int         m,
             int         d,
             const char *what)
{
  g_autofree char *got = docket_date_format_iso (actual);
  g_autofree char *want = docket_date_format_iso (D (y, m, d));

  if (g_strcmp0 (got, want) != 0)
    g_error ("%s: expected %s, got %s", what, want, got ? got : "(none)");
}

/* Mùng 1 Tết as published by Vietnamese calendars.  Every year agrees with the
 * published Chinese New Year except 2030: the new moon falls at 16:07 UTC on
 * 02/02/2030, i.e. 23:07 in Hà Nội (UTC+7) but 00:07 on 03/02 in Beijing (UTC+8), so
 * Vietnam's Tết is Saturday 02/02/2030 and China's is 03/02.  (Checked with an
 * independent computation of the new moon from Meeus, "Astronomical Algorithms",
 * ch. 49, full series.) */
static void
test_lunar_tet (void)
{
  static const int tet[][3] = {
    { 2020, 1, 25 }, { 2021, 2, 12 }, { 2022, 2, 1 }, { 2023, 1, 22 },
    { 2024, 2, 10 }, { 2025, 1, 29 }, { 2026, 2, 17 }, { 2027, 2, 6 },
    { 2028, 1, 26 }, { 2029, 2, 13 }, { 2030, 2, 2 }, { 2031, 1, 23 },
    { 2032, 2, 11 }, { 2033, 1, 31 }, { 2034, 2, 19 }, { 2035, 2, 8 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tet); i++)
    {
      int y = tet[i][0];
      int ly = 0, lm = 0, ld = 0;
      gboolean leap = TRUE;

      assert_date (docket_lunar_new_year (y), tet[i][0], tet[i][1], tet[i][2], "Tết");
      g_assert_true (docket_solar_to_lunar (D (tet[i][0], tet[i][1], tet[i][2]),
                                            &ly, &lm, &ld, &leap));
      g_assert_cmpint (ly, ==, y);
      g_assert_cmpint (lm, ==, 1);
      g_assert_cmpint (ld, ==, 1);
      g_assert_false (leap);

      /* The day before is the last day of the old year, month 12. */
      g_assert_true (docket_solar_to_lunar (docket_date_add_days (docket_lunar_new_year (y), -1),
                                            &ly, &lm, &ld, &leap));
      g_assert_cmpint (ly, ==, y - 1);
      g_assert_cmpint (lm, ==, 12);
      g_assert_cmpint (ld, >=, 29);
    }

  /* The two best known differences with the Chinese calendar, both because of the
   * UTC+7 meridian: Tết 1985 was on 21/01 in Vietnam (20/02 in China, a month apart),
   * and Tết 2007 on 17/02 (18/02 in China). */
  assert_date (docket_lunar_new_year (1985), 1985, 1, 21, "Tết 1985");
  assert_date (docket_lunar_new_year (2007), 2007, 2, 17, "Tết 2007");
}

/* Hùng Kings' day, lunar 10/3.  2020–2030 and 2033 are the dates of the published
 * holiday announcements and calendars.  For 2031, 2032, 2034 and 2035 the list this
 * test was first written from gave one day later (02/04/2031, 20/04/2032, 29/04/2034,
 * 18/04/2035); those are wrong: the third lunar month begins at the new moon of
 * 23/03/2031 10:49, 10/04/2032 09:39, 19/04/2034 02:25 and 08/04/2035 17:57 (UTC+7,
 * Meeus ch. 49), and the tenth day of a month is nine days after its first, giving
 * 01/04/2031, 19/04/2032, 28/04/2034 and 17/04/2035.  In 2031 the leap month is the
 * third, and 10/3 is in the ordinary (first) third month. */
static void
test_lunar_hung_kings (void)
{
  static const int hung[][3] = {
    { 2020, 4, 2 }, { 2021, 4, 21 }, { 2022, 4, 10 }, { 2023, 4, 29 },
    { 2024, 4, 18 }, { 2025, 4, 7 }, { 2026, 4, 26 }, { 2027, 4, 16 },
    { 2028, 4, 4 }, { 2029, 4, 23 }, { 2030, 4, 12 }, { 2031, 4, 1 },
    { 2032, 4, 19 }, { 2033, 4, 9 }, { 2034, 4, 28 }, { 2035, 4, 17 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (hung); i++)
    assert_date (docket_lunar_to_solar (hung[i][0], 3, 10, FALSE),
                 hung[i][0], hung[i][1], hung[i][2], "Hùng Kings' day");
}

/* Leap months of the Vietnamese calendar: 2020 (4), 2023 (2), 2025 (6), 2028 (5) as
 * printed in Vietnamese calendars.  2033 is the year of the "2033 problem": the old
 * Chinese rule would make the seventh month leap, but the month without a major solar
 * term between the winter solstices of 2033 and 2034 is the one after the eleventh,
 * so the leap month is the eleventh (as the Hong Kong Observatory's tables also give);
 * lunar 2033 has 13 months, from 31/01/2033 to 18/02/2034. */
static void
test_lunar_leap_months (void)
{
  g_assert_cmpint (docket_lunar_leap_month (2020), ==, 4);
  g_assert_cmpint (docket_lunar_leap_month (2021), ==, 0);
  g_assert_cmpint (docket_lunar_leap_month (2023), ==, 2);
  g_assert_cmpint (docket_lunar_leap_month (2025), ==, 6);
  g_assert_cmpint (docket_lunar_leap_month (2026), ==, 0);
  g_assert_cmpint (docket_lunar_leap_month (2028), ==, 5);
  g_assert_cmpint (docket_lunar_leap_month (2033), ==, 11);
  g_assert_cmpint (docket_lunar_new_year (2034) - docket_lunar_new_year (2033), ==, 384);

  /* 2023: leap 2/2023 began on 22/03/2023, a month after the ordinary 2/2023 (20/02). */
  assert_date (docket_lunar_to_solar (2023, 2, 1, FALSE), 2023, 2, 20, "2/2023");
  assert_date (docket_lunar_to_solar (2023, 2, 1, TRUE), 2023, 3, 22, "leap 2/2023");
  g_assert_cmpuint (docket_lunar_to_solar (2023, 3, 1, TRUE), ==, DOCKET_DATE_NONE);
  g_assert_cmpuint (docket_lunar_to_solar (2026, 6, 1, TRUE), ==, DOCKET_DATE_NONE);

  /* Out of range or nonsense gives no date rather than a wrong one. */
  g_assert_cmpuint (docket_lunar_to_solar (1500, 1, 1, FALSE), ==, DOCKET_DATE_NONE);
  g_assert_cmpuint (docket_lunar_to_solar (2026, 13, 1, FALSE), ==, DOCKET_DATE_NONE);
  g_assert_cmpuint (docket_lunar_to_solar (2026, 1, 31, FALSE), ==, DOCKET_DATE_NONE);
  g_assert_false (docket_solar_to_lunar (DOCKET_DATE_NONE, NULL, NULL, NULL, NULL));
}

/* Every day of 2019–2036 converts to a lunar date and back to itself, and lunar days
 * follow each other without gaps. */
static void
test_lunar_round_trip (void)
{
  int prev_day = -1;

  for (DocketDate d = D (2019, 1, 1); d <= D (2036, 12, 31); d++)
    {
      int ly, lm, ld;
      gboolean leap;

      g_assert_true (docket_solar_to_lunar (d, &ly, &lm, &ld, &leap));
      g_assert_cmpuint (docket_lunar_to_solar (ly, lm, ld, leap), ==, d);
      if (prev_day > 0)
        g_assert_true (ld == 1 ? (prev_day == 29 || prev_day == 30) : ld == prev_day + 1);
      prev_day = ld;
    }
}

static gboolean
is_off (DocketCalendar *cal,
        int             y,
        int             m,
        int             d)
{
  return !docket_calendar_is_working_day (cal, D (y, m, d));
}

/* 2026 by the computed default.  Tết is Tuesday 17/02: the eve (Monday 16/02,
 * 29 tháng Chạp, the last day of a 29-day month) and lunar 1/1–1/4 (Tuesday–Friday) are
 * off, which with the weekends gives 14/02–22/02. */
static void
test_calendar_tet_2026 (void)
{
  g_autoptr(DocketCalendar) cal = docket_calendar_new ();

  g_assert_false (is_off (cal, 2026, 2, 13));   /* Friday */
  for (int d = 14; d <= 22; d++)
    g_assert_true (is_off (cal, 2026, 2, d));
  g_assert_false (is_off (cal, 2026, 2, 23));   /* Monday */
  g_assert_cmpstr (docket_calendar_holiday_name (cal, D (2026, 2, 16)), ==,
                   "Lunar New Year’s Eve");
  g_assert_cmpstr (docket_calendar_holiday_name (cal, D (2026, 2, 20)), ==,
                   "Lunar New Year (Tết)");
  g_assert_null (docket_calendar_holiday_name (cal, D (2026, 2, 14)));  /* a plain Saturday */
  g_assert_null (docket_calendar_holiday_name (cal, D (2026, 2, 23)));
}

/* The spring holidays of 2026: Hùng Kings' day is Sunday 26/04, compensated on Monday
 * 27/04; 30/04 and 01/05 are Thursday and Friday. */
static void
test_calendar_april_may_2026 (void)
{
  g_autoptr(DocketCalendar) cal = docket_calendar_new ();

  g_assert_true (is_off (cal, 2026, 4, 26));
  g_assert_cmpstr (docket_calendar_holiday_name (cal, D (2026, 4, 26)), ==,
                   "Hùng Kings’ Commemoration Day");
  g_assert_true (is_off (cal, 2026, 4, 27));
  g_assert_cmpstr (docket_calendar_holiday_name (cal, D (2026, 4, 27)), ==,
                   "Compensatory day off");
  g_assert_false (is_off (cal, 2026, 4, 28));
  g_assert_false (is_off (cal, 2026, 4, 29));
  g_assert_true (is_off (cal, 2026, 4, 30));
  g_assert_true (is_off (cal, 2026, 5, 1));
  g_assert_true (is_off (cal, 2026, 5, 2));
  g_assert_true (is_off (cal, 2026, 5, 3));
  g_assert_false (is_off (cal, 2026, 5, 4));
  g_assert_cmpstr (docket_calendar_holiday_name (cal, D (2026, 4, 30)), ==, "Reunification Day");
  g_assert_cmpstr (docket_calendar_holiday_name (cal, D (2026, 5, 1)), ==,
                   "International Workers’ Day");
}

/* National Day and its adjacent day, against the years the government announced:
 * 2021 (2/9 Thursday → 2–3/9), 2022 (Friday → 1–2/9), 2023 (Saturday → 1/9, and 2/9
 * compensated on Monday 4/9), 2024 (Monday → 2–3/9), 2025 (Tuesday → 1–2/9).  2026
 * (Wednesday) follows the default, 1/9; 2029 (Sunday, 1/9 Saturday) has both days
 * compensated on Monday 3/9 and Tuesday 4/9. */
static void
test_calendar_national_day (void)
{
  g_autoptr(DocketCalendar) cal = docket_calendar_new ();

  g_assert_false (is_off (cal, 2021, 9, 1));
  g_assert_true (is_off (cal, 2021, 9, 2));
  g_assert_true (is_off (cal, 2021, 9, 3));

  g_assert_false (is_off (cal, 2022, 8, 31));
  g_assert_true (is_off (cal, 2022, 9, 1));
  g_assert_true (is_off (cal, 2022, 9, 2));
  g_assert_false (is_off (cal, 2022, 9, 5));

  g_assert_true (is_off (cal, 2023, 9, 1));
  g_assert_true (is_off (cal, 2023, 9, 4));
  g_assert_false (is_off (cal, 2023, 9, 5));

  g_assert_true (is_off (cal, 2024, 9, 2));
  g_assert_true (is_off (cal, 2024, 9, 3));
  g_assert_false (is_off (cal, 2024, 9, 4));
  g_assert_false (is_off (cal, 2024, 8, 30));

  g_assert_true (is_off (cal, 2025, 9, 1));
  g_assert_true (is_off (cal, 2025, 9, 2));
  g_assert_false (is_off (cal, 2025, 9, 3));

  g_assert_false (is_off (cal, 2026, 8, 31));
  g_assert_true (is_off (cal, 2026, 9, 1));
  g_assert_true (is_off (cal, 2026, 9, 2));
  g_assert_false (is_off (cal, 2026, 9, 3));
  g_assert_cmpstr (docket_calendar_holiday_name (cal, D (2026, 9, 1)), ==, "National Day");

  g_assert_true (is_off (cal, 2029, 9, 3));
  g_assert_true (is_off (cal, 2029, 9, 4));
  g_assert_false (is_off (cal, 2029, 9, 5));
}

/* 01/01/2028 is a Saturday: Monday 03/01/2028 is off instead.  Tết 2028 is Wednesday
 * 26/01: 25/01 (eve) to 28/01 are weekdays and lunar 1/4 is Saturday 29/01, compensated
 * on Monday 31/01. */
static void
test_calendar_compensation (void)
{
  g_autoptr(DocketCalendar) cal = docket_calendar_new ();
  g_autoptr(GArray) list = NULL;
  static const struct { int month, day; const char *name; } expected[] = {
    { 1, 1, "New Year’s Day" },
    { 1, 3, "Compensatory day off" },
    { 1, 25, "Lunar New Year’s Eve" },
    { 1, 26, "Lunar New Year (Tết)" },
    { 1, 27, "Lunar New Year (Tết)" },
    { 1, 28, "Lunar New Year (Tết)" },
    { 1, 29, "Lunar New Year (Tết)" },
    { 1, 31, "Compensatory day off" },
    { 4, 4, "Hùng Kings’ Commemoration Day" },
    { 4, 30, "Reunification Day" },
    { 5, 1, "International Workers’ Day" },
    { 5, 2, "Compensatory day off" },
    { 9, 1, "National Day" },
    { 9, 2, "National Day" },
    { 9, 4, "Compensatory day off" },
  };

  g_assert_true (is_off (cal, 2028, 1, 1));
  g_assert_true (is_off (cal, 2028, 1, 3));
  g_assert_cmpstr (docket_calendar_holiday_name (cal, D (2028, 1, 1)), ==, "New Year’s Day");
  g_assert_cmpstr (docket_calendar_holiday_name (cal, D (2028, 1, 3)), ==,
                   "Compensatory day off");
  g_assert_false (is_off (cal, 2028, 1, 4));
  g_assert_true (is_off (cal, 2028, 1, 31));
  g_assert_false (is_off (cal, 2028, 2, 1));

  /* The whole list for 2028: 30/04 is a Sunday, compensated on Tuesday 02/05 because
   * Monday 01/05 is itself a holiday; 02/09 is a Saturday, with 01/09 (Friday) as the
   * adjacent day and its compensation on Monday 04/09. */
  list = docket_calendar_list_holidays (cal, 2028);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < list->len; i++)
    {
      const DocketHoliday *h = &g_array_index (list, DocketHoliday, i);

      assert_date (h->date, 2028, expected[i].month, expected[i].day, expected[i].name);
      g_assert_cmpstr (h->name, ==, expected[i].name);
    }
}

/* "N working days after" over Tết 2026 and across the turn of the year. */
static void
test_calendar_add_working_days (void)
{
  g_autoptr(DocketCalendar) cal = docket_calendar_new ();

  assert_date (docket_calendar_add_working_days (cal, D (2026, 2, 12), 1), 2026, 2, 13, "+1");
  assert_date (docket_calendar_add_working_days (cal, D (2026, 2, 13), 1), 2026, 2, 23, "+1 Tết");
  assert_date (docket_calendar_add_working_days (cal, D (2026, 2, 13), 5), 2026, 2, 27, "+5 Tết");
  assert_date (docket_calendar_add_working_days (cal, D (2026, 2, 17), 1), 2026, 2, 23, "+1 in Tết");
  assert_date (docket_calendar_add_working_days (cal, D (2026, 2, 17), 0), 2026, 2, 17, "+0");
  assert_date (docket_calendar_add_working_days (cal, D (2026, 2, 23), -1), 2026, 2, 13, "-1");
  assert_date (docket_calendar_add_working_days (cal, D (2025, 12, 31), 1), 2026, 1, 2, "+1 new year");

  /* 2026 has 261 weekdays, of which 11 are off by the default (1/1, 16–20/2, 27/4,
   * 30/4, 1/5, 1/9, 2/9): 250 working days.  Counting them from 31/12/2025 lands on
   * Thursday 31/12/2026; one more is Monday 04/01/2027 (01/01/2027 is a Friday). */
  assert_date (docket_calendar_add_working_days (cal, D (2025, 12, 31), 250), 2026, 12, 31, "+250");
  assert_date (docket_calendar_add_working_days (cal, D (2025, 12, 31), 251), 2027, 1, 4, "+251");
  assert_date (docket_calendar_add_working_days (cal, D (2027, 1, 4), -251), 2025, 12, 31, "-251");
  /* 2027 has 250 working days too: 261 weekdays less 1/1, the Tết eve 05/02, 08–09/02
   * and the compensation of 06–07/02 on 10–11/02, Hùng Kings 16/04, 30/04, the
   * compensation of 01/05 on 03/05, and 2–3/09.  Then 01/01/2028 is a Saturday
   * compensated on Monday 03/01, so the next working day is Tuesday 04/01/2028. */
  assert_date (docket_calendar_add_working_days (cal, D (2025, 12, 31), 250 + 250), 2027, 12, 31,
               "two years");
  assert_date (docket_calendar_add_working_days (cal, D (2025, 12, 31), 250 + 250 + 1), 2028, 1, 4,
               "two years and a day");
}

static void
test_calendar_between (void)
{
  g_autoptr(DocketCalendar) cal = docket_calendar_new ();

  g_assert_cmpint (docket_calendar_working_days_between (cal, D (2026, 2, 13), D (2026, 2, 27)), ==, 5);
  g_assert_cmpint (docket_calendar_working_days_between (cal, D (2026, 2, 27), D (2026, 2, 13)), ==, -5);
  g_assert_cmpint (docket_calendar_working_days_between (cal, D (2026, 2, 13), D (2026, 2, 22)), ==, 0);
  g_assert_cmpint (docket_calendar_working_days_between (cal, D (2026, 2, 13), D (2026, 2, 13)), ==, 0);
  g_assert_cmpint (docket_calendar_working_days_between (cal, D (2026, 3, 2), D (2026, 3, 6)), ==, 4);
  g_assert_cmpint (docket_calendar_working_days_between (cal, D (2025, 12, 31), D (2026, 12, 31)), ==, 250);
  g_assert_cmpint (docket_calendar_working_days_between (cal, D (2026, 12, 31), D (2025, 12, 31)), ==, -250);
  g_assert_cmpint (docket_calendar_working_days_between (cal, D (2025, 12, 31), D (2026, 1, 2)), ==, 1);

  /* The two functions agree with each other across several years. */
  for (int n = 0; n < 800; n += 37)
    {
      DocketDate end = docket_calendar_add_working_days (cal, D (2025, 6, 15), n);
      g_assert_cmpint (docket_calendar_working_days_between (cal, D (2025, 6, 15), end), ==, n);
    }
}

/* The official schedule of 2025, as the government announced it: Tết off from
 * Saturday 25/01 to Sunday 02/02 with Monday 27/01 swapped for Saturday 08/02, and
 * 30/04–04/05 with Friday 02/05 swapped for Saturday 26/04; 1/1, Hùng Kings' day
 * (Monday 07/04) and 1–2/9 as usual. */
static void
test_calendar_schedule_2025 (void)
{
  g_autoptr(DocketCalendar) cal = docket_calendar_new ();
  g_autoptr(GError) error = NULL;
  const DocketDate off[] = {
    D (2025, 1, 1), D (2025, 1, 27), D (2025, 1, 28), D (2025, 1, 29), D (2025, 1, 30),
    D (2025, 1, 31), D (2025, 4, 7), D (2025, 4, 30), D (2025, 5, 1), D (2025, 5, 2),
    D (2025, 9, 1), D (2025, 9, 2),
  };
  const DocketDate work[] = { D (2025, 2, 8), D (2025, 4, 26) };

  /* By the computed default, Tết 2025 (Wednesday 29/01) gives 28/01–31/01, 01/02
   * (a Saturday) compensated on Monday 03/02, and 27/01 is a working day. */
  g_assert_false (is_off (cal, 2025, 1, 27));
  g_assert_true (is_off (cal, 2025, 2, 3));
  g_assert_false (docket_calendar_has_year_schedule (cal, 2025));

  g_assert_true (docket_calendar_set_year_schedule (cal, 2025, off, G_N_ELEMENTS (off),
                                                    work, G_N_ELEMENTS (work), &error));
  g_assert_no_error (error);
  g_assert_true (docket_calendar_has_year_schedule (cal, 2025));

  for (int d = 25; d <= 31; d++)
    g_assert_true (is_off (cal, 2025, 1, d));
  g_assert_true (is_off (cal, 2025, 2, 1));
  g_assert_true (is_off (cal, 2025, 2, 2));
  g_assert_false (is_off (cal, 2025, 2, 3));   /* no computed compensation any more */
  g_assert_false (is_off (cal, 2025, 2, 8));   /* the swapped Saturday */
  g_assert_false (is_off (cal, 2025, 4, 26));
  g_assert_true (is_off (cal, 2025, 5, 2));
  g_assert_true (is_off (cal, 2025, 5, 4));
  g_assert_false (is_off (cal, 2025, 5, 5));
  g_assert_cmpstr (docket_calendar_holiday_name (cal, D (2025, 1, 27)), ==, "Day off");
  g_assert_cmpstr (docket_calendar_holiday_name (cal, D (2025, 1, 29)), ==, "Lunar New Year (Tết)");
  g_assert_null (docket_calendar_holiday_name (cal, D (2025, 2, 8)));
  g_assert_null (docket_calendar_holiday_name (cal, D (2025, 2, 3)));

  /* Friday 24/01 to Monday 03/02: only 03/02 is worked; and 07/02 to 10/02 counts the
   * swapped Saturday. */
  g_assert_cmpint (docket_calendar_working_days_between (cal, D (2025, 1, 24), D (2025, 2, 3)), ==, 1);
  g_assert_cmpint (docket_calendar_working_days_between (cal, D (2025, 2, 7), D (2025, 2, 10)), ==, 2);
  assert_date (docket_calendar_add_working_days (cal, D (2025, 2, 7), 1), 2025, 2, 8, "swap");

  /* Other years are untouched, and clearing brings the default back. */
  g_assert_true (is_off (cal, 2026, 2, 16));
  docket_calendar_clear_year_schedule (cal, 2025);
  g_assert_false (is_off (cal, 2025, 1, 27));
  g_assert_true (is_off (cal, 2025, 2, 3));
}

/* The days announced for Tết 2026, 14/02–22/02: an official schedule listing the
 * five weekdays 16/02–20/02 reproduces them, along with the year's other days off. */
static void
test_calendar_schedule_2026 (void)
{
  g_autoptr(DocketCalendar) cal = docket_calendar_new ();
  g_autoptr(GError) error = NULL;
  const DocketDate off[] = {
    D (2026, 1, 1), D (2026, 2, 16), D (2026, 2, 17), D (2026, 2, 18), D (2026, 2, 19),
    D (2026, 2, 20), D (2026, 4, 27), D (2026, 4, 30), D (2026, 5, 1), D (2026, 9, 1),
    D (2026, 9, 2),
  };
  const DocketDate wrong[] = { D (2026, 12, 31), D (2027, 1, 1) };

  g_assert_true (docket_calendar_set_year_schedule (cal, 2026, off, G_N_ELEMENTS (off),
                                                    NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_false (is_off (cal, 2026, 2, 13));
  for (int d = 14; d <= 22; d++)
    g_assert_true (is_off (cal, 2026, 2, d));
  g_assert_false (is_off (cal, 2026, 2, 23));
  g_assert_cmpint (docket_calendar_working_days_between (cal, D (2025, 12, 31), D (2026, 12, 31)), ==, 250);

  /* A day of another year is refused, and the schedule stays as it was. */
  g_assert_false (docket_calendar_set_year_schedule (cal, 2026, wrong, G_N_ELEMENTS (wrong),
                                                     NULL, 0, &error));
  g_assert_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT);
  g_assert_true (is_off (cal, 2026, 2, 16));
  g_assert_false (is_off (cal, 2026, 12, 31));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docket/calendar/lunar-tet", test_lunar_tet);
  g_test_add_func ("/docket/calendar/lunar-hung-kings", test_lunar_hung_kings);
  g_test_add_func ("/docket/calendar/lunar-leap-months", test_lunar_leap_months);
  g_test_add_func ("/docket/calendar/lunar-round-trip", test_lunar_round_trip);
  g_test_add_func ("/docket/calendar/tet-2026", test_calendar_tet_2026);
  g_test_add_func ("/docket/calendar/april-may-2026", test_calendar_april_may_2026);
  g_test_add_func ("/docket/calendar/national-day", test_calendar_national_day);
  g_test_add_func ("/docket/calendar/compensation", test_calendar_compensation);
  g_test_add_func ("/docket/calendar/add-working-days", test_calendar_add_working_days);
  g_test_add_func ("/docket/calendar/between", test_calendar_between);
  g_test_add_func ("/docket/calendar/schedule-2025", test_calendar_schedule_2025);
  g_test_add_func ("/docket/calendar/schedule-2026", test_calendar_schedule_2026);

  return g_test_run ();
}
