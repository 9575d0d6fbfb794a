/* test-report.c: the period report on a fixture checked by hand, and its numbers
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "docket-core.h"

#define D(y, m, d) docket_date_new ((y), (m), (d))
#define NONE DOCKET_DATE_NONE

enum { OPEN, REPORTED, CONFIRMED, RETURNED, CANCELLED };

typedef struct
{
  const char *name;
  DocketId    unit;
  int         state;
  DocketDate  assigned_on;
  DocketDate  deadline;
  DocketDate  completed_on;
  DocketDate  last_progress_on;
} Row;

static const DocketItemState states[] = {
  DOCKET_ITEM_STATE_OPEN, DOCKET_ITEM_STATE_REPORTED_DONE, DOCKET_ITEM_STATE_CONFIRMED,
  DOCKET_ITEM_STATE_RETURNED, DOCKET_ITEM_STATE_CANCELLED,
};

/* The fixture: a report for the first half of 2026 (01/01–30/06), printed on 15/07,
 * so statuses are taken on 30/06.  What each item contributes was worked out by hand
 * and is written next to it; 18 items count, 10 of them completed. */
static Row *
fixture (guint *n)
{
  static Row rows[] = {
    /* Unit 1: 7 count, 3 completed (2 on time, 1 late), 3 in progress, 1 overdue > 30,
     * 2 updated. */
    { "a1 on time, on the deadline day", 1, CONFIRMED, 0, 0, 0, 0 },
    { "a2 late", 1, CONFIRMED, 0, 0, 0, 0 },
    { "a3 done, no deadline: on time", 1, CONFIRMED, 0, 0, 0, 0 },
    { "a4 in progress, updated 15/06", 1, OPEN, 0, 0, 0, 0 },
    { "a5 overdue 41 days", 1, OPEN, 0, 0, 0, 0 },
    { "a6 reported done, not confirmed: in progress, updated", 1, REPORTED, 0, 0, 0, 0 },
    { "a7 completed 05/07, after the period: in progress on 30/06", 1, CONFIRMED, 0, 0, 0, 0 },
    { "a8 cancelled: not counted", 1, CANCELLED, 0, 0, 0, 0 },
    /* Unit 2: 6 count, 3 completed (2 on time, 1 late), 1 in progress, 1 overdue by
     * exactly 30 days (not > 30), 1 without deadline, 1 updated. */
    { "b1 on time", 2, CONFIRMED, 0, 0, 0, 0 },
    { "b2 on time, on the deadline day", 2, CONFIRMED, 0, 0, 0, 0 },
    { "b3 late by a day", 2, CONFIRMED, 0, 0, 0, 0 },
    { "b4 overdue 30 days, updated 01/06", 2, OPEN, 0, 0, 0, 0 },
    { "b5 no deadline, updated 31/05: outside the 30 days", 2, OPEN, 0, 0, 0, 0 },
    { "b6 returned: in progress", 2, RETURNED, 0, 0, 0, 0 },
    { "b7 completed in 2025: not counted", 2, CONFIRMED, 0, 0, 0, 0 },
    { "b8 assigned 02/07: not counted", 2, OPEN, 0, 0, 0, 0 },
    /* Unit 3: 5 count, 4 completed (3 on time, 1 late), 1 overdue > 30, 1 updated. */
    { "c1 on time", 3, CONFIRMED, 0, 0, 0, 0 },
    { "c2 late", 3, CONFIRMED, 0, 0, 0, 0 },
    { "c3 done 01/01, the first day: counted, no deadline", 3, CONFIRMED, 0, 0, 0, 0 },
    { "c4 carried over from 2025, overdue 150 days, updated 30/06", 3, OPEN, 0, 0, 0, 0 },
    { "c5 on time on 30/06", 3, CONFIRMED, 0, 0, 0, 0 },
  };
  /* Dates cannot be static initialisers; set them here, in the order above:
   * assigned, deadline, completed, last progress. */
  const DocketDate dates[][4] = {
    { D (2026, 1, 10), D (2026, 3, 31), D (2026, 3, 31), NONE },
    { D (2026, 1, 10), D (2026, 3, 31), D (2026, 4, 10), NONE },
    { D (2026, 1, 10), NONE, D (2026, 5, 5), NONE },
    { D (2026, 1, 10), D (2026, 6, 30), NONE, D (2026, 6, 15) },
    { D (2026, 1, 10), D (2026, 5, 20), NONE, NONE },
    { D (2026, 1, 10), D (2026, 6, 30), D (2026, 6, 20), D (2026, 6, 20) },
    { D (2026, 1, 10), D (2026, 6, 30), D (2026, 7, 5), D (2026, 5, 1) },
    { D (2026, 1, 10), D (2026, 3, 31), NONE, NONE },

    { D (2026, 1, 10), D (2026, 2, 28), D (2026, 2, 20), NONE },
    { D (2026, 1, 10), D (2026, 4, 30), D (2026, 4, 30), NONE },
    { D (2026, 1, 10), D (2026, 5, 31), D (2026, 6, 1), NONE },
    { D (2026, 1, 10), D (2026, 5, 31), NONE, D (2026, 6, 1) },
    { D (2026, 1, 10), NONE, NONE, D (2026, 5, 31) },
    { D (2026, 1, 10), D (2026, 6, 30), D (2026, 6, 1), NONE },
    { D (2025, 11, 1), D (2025, 12, 31), D (2025, 12, 20), NONE },
    { D (2026, 7, 2), D (2026, 9, 30), NONE, NONE },

    { D (2026, 1, 10), D (2026, 3, 15), D (2026, 3, 1), NONE },
    { D (2026, 1, 10), D (2026, 3, 15), D (2026, 3, 20), NONE },
    { D (2025, 12, 15), NONE, D (2026, 1, 1), NONE },
    { D (2025, 12, 1), D (2026, 1, 31), NONE, D (2026, 6, 30) },
    { D (2026, 1, 10), D (2026, 6, 30), D (2026, 6, 30), NONE },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (rows) == G_N_ELEMENTS (dates));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      rows[i].assigned_on = dates[i][0];
      rows[i].deadline = dates[i][1];
      rows[i].completed_on = dates[i][2];
      rows[i].last_progress_on = dates[i][3];
    }
  *n = G_N_ELEMENTS (rows);
  return rows;
}

static void
to_item (const Row  *row,
         DocketItem *item)
{
  memset (item, 0, sizeof *item);
  item->lead_unit_id = row->unit;
  item->state = states[row->state];
  item->assigned_on = row->assigned_on;
  item->deadline = row->deadline;
  item->original_deadline = row->deadline;
  item->completed_on = row->completed_on;
  item->last_progress_on = row->last_progress_on;
}

static void
assert_row (const DocketReportRow *row,
            guint assigned, guint completed, guint on_time, guint late,
            guint not_completed, guint in_progress, guint overdue, guint overdue_long,
            guint no_deadline, guint updated)
{
  g_assert_nonnull (row);
  g_assert_cmpuint (row->assigned, ==, assigned);
  g_assert_cmpuint (row->completed, ==, completed);
  g_assert_cmpuint (row->completed_on_time, ==, on_time);
  g_assert_cmpuint (row->completed_late, ==, late);
  g_assert_cmpuint (row->not_completed, ==, not_completed);
  g_assert_cmpuint (row->in_progress, ==, in_progress);
  g_assert_cmpuint (row->overdue, ==, overdue);
  g_assert_cmpuint (row->overdue_long, ==, overdue_long);
  g_assert_cmpuint (row->no_deadline, ==, no_deadline);
  g_assert_cmpuint (row->updated, ==, updated);
}

static void
assert_percent (int         hundredths,
                const char *expected)
{
  g_autofree char *text = docket_format_percent (hundredths);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_report_fixture (void)
{
  g_autoptr(DocketReport) report = docket_report_new (D (2026, 1, 1), D (2026, 6, 30),
                                                      D (2026, 7, 15));
  const DocketReportRow *rows, *total;
  guint n, n_rows, counted = 0;
  Row *fx = fixture (&n);

  g_assert_cmpuint (docket_report_get_day (report), ==, D (2026, 6, 30));

  for (guint i = 0; i < n; i++)
    {
      DocketItem item;
      gboolean expect = strstr (fx[i].name, "not counted") == NULL;

      to_item (&fx[i], &item);
      g_test_message ("%s", fx[i].name);
      g_assert_cmpint (docket_report_add_item (report, &item), ==, expect);
      g_assert_cmpint (docket_report_item_counts (&item, D (2026, 1, 1), D (2026, 6, 30)), ==, expect);
      counted += expect;
    }
  g_assert_cmpuint (counted, ==, 18);

  /*                   assigned done ontime late open inprog overdue >30 nodl updated */
  total = docket_report_get_total (report);
  assert_row (total,   18,      10,  7,     3,   8,   4,     3,      2,  1,   4);
  rows = docket_report_get_unit_rows (report, &n_rows);
  g_assert_cmpuint (n_rows, ==, 3);
  g_assert_cmpint (rows[0].unit_id, ==, 1);
  assert_row (&rows[0], 7,       3,   2,     1,   4,   3,     1,      1,  0,   2);
  g_assert_cmpint (rows[1].unit_id, ==, 2);
  assert_row (&rows[1], 6,       3,   2,     1,   3,   1,     1,      0,  1,   1);
  g_assert_cmpint (rows[2].unit_id, ==, 3);
  assert_row (&rows[2], 5,       4,   3,     1,   1,   0,     1,      1,  0,   1);
  g_assert_true (docket_report_get_unit_row (report, 2) == &rows[1]);
  g_assert_null (docket_report_get_unit_row (report, 4));

  /* "10/18 tasks done, 55,56 %": the figure of the sample meeting (DOMAIN.md). */
  assert_percent (docket_report_row_completion_percent (total), "55,56");
  assert_percent (docket_report_percent (total->completed_on_time, total->assigned), "38,89");
  assert_percent (docket_report_percent (total->completed_late, total->assigned), "16,67");
  assert_percent (docket_report_percent (total->not_completed, total->assigned), "44,44");
  assert_percent (docket_report_row_update_percent (total), "50,00");
  assert_percent (docket_report_row_completion_percent (&rows[0]), "42,86");  /* 3/7 */
  assert_percent (docket_report_row_completion_percent (&rows[1]), "50,00");
  assert_percent (docket_report_row_completion_percent (&rows[2]), "80,00");
}

/* A period not over yet takes statuses today, not on its last day. */
static void
test_report_current_period (void)
{
  g_autoptr(DocketReport) report = docket_report_new (D (2026, 1, 1), D (2026, 12, 31),
                                                      D (2026, 6, 30));
  g_autoptr(DocketReport) empty = docket_report_new (D (2026, 1, 1), D (2026, 12, 31),
                                                     D (2026, 6, 30));
  guint n, n_rows;
  Row *fx = fixture (&n);

  g_assert_cmpuint (docket_report_get_day (report), ==, D (2026, 6, 30));
  for (guint i = 0; i < n; i++)
    {
      DocketItem item;

      to_item (&fx[i], &item);
      docket_report_add_item (report, &item);
    }

  /* The same as the half-year, plus b8 (assigned 02/07, within the year) in progress. */
  assert_row (docket_report_get_total (report), 19, 10, 7, 3, 9, 5, 3, 2, 1, 4);

  g_assert_cmpuint (docket_report_get_total (empty)->assigned, ==, 0);
  g_assert_cmpint (docket_report_row_completion_percent (docket_report_get_total (empty)), ==, 0);
  docket_report_get_unit_rows (empty, &n_rows);
  g_assert_cmpuint (n_rows, ==, 0);
}

/* The published figures.  Đà Nẵng 2022 (8.282 tasks) gives exactly the printed
 * percentages.  The Government Office 2017 report prints 98,62 % for 16.051 due tasks
 * completed: that is 16.051 / (16.051 + 223 overdue) = 98,6297… cut off, not rounded;
 * rounded half up, as Docket does, it is 98,63.  As a share of all 21.914 tasks
 * assigned, 16.051 is 73,25 %. */
static void
test_report_published_figures (void)
{
  g_autofree char *count = docket_format_count (21914);

  assert_percent (docket_report_percent (6932, 8282), "83,70");
  assert_percent (docket_report_percent (5361, 8282), "64,73");
  assert_percent (docket_report_percent (1111, 8282), "13,41");
  assert_percent (docket_report_percent (1350, 8282), "16,30");
  assert_percent (docket_report_percent (208, 8282), "2,51");

  assert_percent (docket_report_percent (16051, 16051 + 223), "98,63");
  assert_percent (docket_report_percent (16051, 21914), "73,25");
  assert_percent (docket_report_percent (14068, 21914), "64,20");
  g_assert_cmpstr (count, ==, "21.914");
}

/* Rounding half up, with integers: hundredths of a percent of part/whole. */
static void
test_report_rounding (void)
{
  g_assert_cmpint (docket_report_percent (10, 18), ==, 5556);
  assert_percent (docket_report_percent (1, 8), "12,50");       /* exact */
  assert_percent (docket_report_percent (1, 16), "6,25");       /* exact */
  assert_percent (docket_report_percent (1, 3), "33,33");       /* 33,333… down */
  assert_percent (docket_report_percent (2, 3), "66,67");       /* 66,666… up */
  assert_percent (docket_report_percent (1, 40000), "0,00");    /* 0,0025 down */
  assert_percent (docket_report_percent (1, 20000), "0,01");    /* 0,005: half, up */
  assert_percent (docket_report_percent (3, 20000), "0,02");    /* 0,015: half, up */
  assert_percent (docket_report_percent (5, 20000), "0,03");    /* 0,025: up, not to even */
  assert_percent (docket_report_percent (1, 200000), "0,00");   /* 0,0005 */
  assert_percent (docket_report_percent (7, 7), "100,00");
  assert_percent (docket_report_percent (0, 7), "0,00");
  assert_percent (docket_report_percent (0, 0), "0,00");
  /* Large counts do not overflow. */
  assert_percent (docket_report_percent (G_GINT64_CONSTANT (999999999999),
                                         G_GINT64_CONSTANT (1000000000000)), "100,00");
}

static void
test_report_format (void)
{
  const struct { gint64 n; const char *text; } counts[] = {
    { 0, "0" }, { 7, "7" }, { 999, "999" }, { 1000, "1.000" }, { 8282, "8.282" },
    { 21914, "21.914" }, { 100000, "100.000" }, { 1234567, "1.234.567" },
    { -1000, "-1.000" }, { G_MININT64, "-9.223.372.036.854.775.808" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *text = docket_format_count (counts[i].n);
      g_assert_cmpstr (text, ==, counts[i].text);
    }

  assert_percent (5556, "55,56");
  assert_percent (5, "0,05");
  assert_percent (10000, "100,00");
  assert_percent (-125, "-1,25");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docket/report/fixture", test_report_fixture);
  g_test_add_func ("/docket/report/current-period", test_report_current_period);
  g_test_add_func ("/docket/report/published-figures", test_report_published_figures);
  g_test_add_func ("/docket/report/rounding", test_report_rounding);
  g_test_add_func ("/docket/report/format", test_report_format);

  return g_test_run ();
}
