/* test-date.c: calendar days as people type and read them
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "docket-core.h"

static void
test_date_parse_display (void)
{
  g_autoptr(GError) error = NULL;
  DocketDate date = DOCKET_DATE_NONE;
  g_autofree char *shown = NULL;
  g_autofree char *iso = NULL;

  g_assert_true (docket_date_parse ("30/09/2026", &date, &error));
  g_assert_no_error (error);
  shown = docket_date_format_display (date);
  iso = docket_date_format_iso (date);
  g_assert_cmpstr (shown, ==, "30/09/2026");
  g_assert_cmpstr (iso, ==, "2026-09-30");

  g_assert_true (docket_date_parse ("5/1/2026", &date, &error));
  g_assert_cmpint (docket_date_get_day (date), ==, 5);
  g_assert_cmpint (docket_date_get_month (date), ==, 1);
  g_assert_true (docket_date_parse (" 2026-02-17 ", &date, &error));
  g_assert_cmpint (docket_date_get_weekday (date), ==, 2); /* Tết 2026 was a Tuesday */
}

static void
test_date_parse_refuses (void)
{
  const char *bad[] = { "31/02/2026", "29/02/2025", "next week", "", "2026-13-01",
                        "30/09/26", "1/1/2026x", "00/01/2026", "2026-02-30" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      DocketDate date = 42;

      g_assert_false (docket_date_parse (bad[i], &date, &error));
      g_assert_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT);
      g_assert_cmpuint (date, ==, 42);
    }
}

static void
test_date_arithmetic (void)
{
  DocketDate d = docket_date_new (2026, 12, 31);

  g_assert_cmpuint (docket_date_add_days (d, 1), ==, docket_date_new (2027, 1, 1));
  g_assert_cmpuint (docket_date_add_months (docket_date_new (2026, 1, 31), 1), ==,
                    docket_date_new (2026, 2, 28));
  g_assert_true (docket_date_is_weekend (docket_date_new (2026, 11, 28)));  /* Saturday */
  g_assert_false (docket_date_is_weekend (docket_date_new (2026, 11, 26))); /* Thursday */
  g_assert_cmpuint (docket_date_new (2026, 2, 29), ==, DOCKET_DATE_NONE);
}

static void
test_date_from_unix_in_vietnam (void)
{
  g_autoptr(GTimeZone) hcm = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  /* 2026-11-26 18:30 UTC is already 27/11 01:30 in Hà Nội. */
  gint64 instant = 1795717800;

  g_assert_nonnull (hcm);
  g_assert_cmpuint (docket_date_from_unix (instant, hcm), ==, docket_date_new (2026, 11, 27));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docket/date/parse-display", test_date_parse_display);
  g_test_add_func ("/docket/date/parse-refuses", test_date_parse_refuses);
  g_test_add_func ("/docket/date/arithmetic", test_date_arithmetic);
  g_test_add_func ("/docket/date/from-unix-in-vietnam", test_date_from_unix_in_vietnam);

  return g_test_run ();
}
