/* test-status.c: the derived status of an item at every boundary
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "docket-core.h"

#define D(y, m, d) docket_date_new ((y), (m), (d))

static DocketItem
make_item (DocketItemState state,
           DocketDate      deadline,
           DocketDate      completed_on)
{
  DocketItem item = { 0 };

  item.state = state;
  item.deadline = deadline;
  item.original_deadline = deadline;
  item.completed_on = completed_on;
  item.assigned_on = D (2026, 7, 15);
  return item;
}

/* Completing on the deadline day is on time; the day after is late, whatever day it is
 * now. */
static void
test_status_completed (void)
{
  DocketItem on_day = make_item (DOCKET_ITEM_STATE_CONFIRMED, D (2026, 9, 30), D (2026, 9, 30));
  DocketItem early = make_item (DOCKET_ITEM_STATE_CONFIRMED, D (2026, 9, 30), D (2026, 8, 1));
  DocketItem late = make_item (DOCKET_ITEM_STATE_CONFIRMED, D (2026, 9, 30), D (2026, 10, 1));

  g_assert_cmpint (docket_item_bucket (&on_day, D (2026, 9, 30)), ==, DOCKET_BUCKET_COMPLETED_ON_TIME);
  g_assert_cmpint (docket_item_bucket (&on_day, D (2027, 1, 1)), ==, DOCKET_BUCKET_COMPLETED_ON_TIME);
  g_assert_cmpint (docket_item_bucket (&early, D (2026, 12, 1)), ==, DOCKET_BUCKET_COMPLETED_ON_TIME);
  g_assert_cmpint (docket_item_bucket (&late, D (2026, 10, 1)), ==, DOCKET_BUCKET_COMPLETED_LATE);
  g_assert_cmpint (docket_item_days_overdue (&late, D (2026, 10, 5)), ==, 0);
  g_assert_true (docket_item_is_completed (&late, D (2026, 10, 1)));

  /* Seen from a day before the completion (a report for an earlier period), the item
   * was still in progress, then overdue. */
  g_assert_false (docket_item_is_completed (&late, D (2026, 9, 30)));
  g_assert_cmpint (docket_item_bucket (&late, D (2026, 9, 30)), ==, DOCKET_BUCKET_IN_PROGRESS);
  g_assert_cmpint (docket_item_bucket (&early, D (2026, 7, 31)), ==, DOCKET_BUCKET_IN_PROGRESS);

  /* A confirmed item without a completion date cannot be judged on time. */
  late.completed_on = DOCKET_DATE_NONE;
  g_assert_cmpint (docket_item_bucket (&late, D (2026, 10, 5)), ==, DOCKET_BUCKET_OVERDUE);
}

/* Not completed: in progress up to and including the deadline day, overdue from the
 * day after, and the days overdue count calendar days. */
static void
test_status_open (void)
{
  DocketItem item = make_item (DOCKET_ITEM_STATE_OPEN, D (2026, 9, 30), DOCKET_DATE_NONE);

  g_assert_cmpint (docket_item_bucket (&item, D (2026, 7, 15)), ==, DOCKET_BUCKET_IN_PROGRESS);
  g_assert_cmpint (docket_item_bucket (&item, D (2026, 9, 30)), ==, DOCKET_BUCKET_IN_PROGRESS);
  g_assert_cmpint (docket_item_days_overdue (&item, D (2026, 9, 30)), ==, 0);
  g_assert_cmpint (docket_item_bucket (&item, D (2026, 10, 1)), ==, DOCKET_BUCKET_OVERDUE);
  g_assert_cmpint (docket_item_days_overdue (&item, D (2026, 10, 1)), ==, 1);
  g_assert_cmpint (docket_item_days_overdue (&item, D (2026, 10, 30)), ==, 30);
  g_assert_cmpint (docket_item_days_overdue (&item, D (2026, 10, 31)), ==, 31);
}

static void
test_status_cancelled (void)
{
  DocketItem open = make_item (DOCKET_ITEM_STATE_CANCELLED, D (2026, 9, 30), DOCKET_DATE_NONE);
  DocketItem done = make_item (DOCKET_ITEM_STATE_CANCELLED, D (2026, 9, 30), D (2026, 9, 1));

  g_assert_cmpint (docket_item_bucket (&open, D (2026, 12, 1)), ==, DOCKET_BUCKET_CANCELLED);
  g_assert_cmpint (docket_item_bucket (&done, D (2026, 12, 1)), ==, DOCKET_BUCKET_CANCELLED);
  g_assert_cmpint (docket_item_days_overdue (&open, D (2026, 12, 1)), ==, 0);
  g_assert_false (docket_item_is_completed (&done, D (2026, 12, 1)));
  g_assert_false (docket_item_is_not_started (&open));
}

static void
test_status_no_deadline (void)
{
  DocketItem open = make_item (DOCKET_ITEM_STATE_OPEN, DOCKET_DATE_NONE, DOCKET_DATE_NONE);
  DocketItem done = make_item (DOCKET_ITEM_STATE_CONFIRMED, DOCKET_DATE_NONE, D (2026, 9, 1));
  g_autoptr(DocketCalendar) cal = docket_calendar_new ();

  g_assert_cmpint (docket_item_bucket (&open, D (2030, 1, 1)), ==, DOCKET_BUCKET_NO_DEADLINE);
  g_assert_cmpint (docket_item_days_overdue (&open, D (2030, 1, 1)), ==, 0);
  g_assert_false (docket_item_is_due_soon (&open, D (2030, 1, 1), cal, 3));
  g_assert_cmpint (docket_item_bucket (&done, D (2026, 9, 1)), ==, DOCKET_BUCKET_COMPLETED_NO_DEADLINE);
  g_assert_true (docket_bucket_is_completed (DOCKET_BUCKET_COMPLETED_NO_DEADLINE));
}

/* An approved extension moves the deadline in force and keeps the original: the
 * status follows the new deadline. */
static void
test_status_extension (void)
{
  DocketItem item = make_item (DOCKET_ITEM_STATE_OPEN, D (2026, 10, 15), DOCKET_DATE_NONE);

  item.original_deadline = D (2026, 9, 30);
  g_assert_true (docket_item_is_extended (&item));
  g_assert_cmpint (docket_item_bucket (&item, D (2026, 10, 10)), ==, DOCKET_BUCKET_IN_PROGRESS);
  g_assert_cmpint (docket_item_bucket (&item, D (2026, 10, 16)), ==, DOCKET_BUCKET_OVERDUE);
  g_assert_cmpint (docket_item_days_overdue (&item, D (2026, 10, 16)), ==, 1);

  item.state = DOCKET_ITEM_STATE_CONFIRMED;
  item.completed_on = D (2026, 10, 10);
  g_assert_cmpint (docket_item_bucket (&item, D (2026, 10, 20)), ==, DOCKET_BUCKET_COMPLETED_ON_TIME);

  item.original_deadline = item.deadline;
  g_assert_false (docket_item_is_extended (&item));
}

/* Reported done is not completed until confirmed; once confirmed it counts from the
 * unit's report date, so waiting for the secretariat never makes it late. */
static void
test_status_awaiting_confirmation (void)
{
  DocketItem item = make_item (DOCKET_ITEM_STATE_REPORTED_DONE, D (2026, 9, 30), D (2026, 9, 25));

  g_assert_true (docket_item_is_awaiting_confirmation (&item));
  g_assert_false (docket_item_is_completed (&item, D (2026, 9, 28)));
  g_assert_cmpint (docket_item_bucket (&item, D (2026, 9, 28)), ==, DOCKET_BUCKET_IN_PROGRESS);
  g_assert_cmpint (docket_item_bucket (&item, D (2026, 10, 2)), ==, DOCKET_BUCKET_OVERDUE);
  g_assert_false (docket_item_is_not_started (&item));

  item.state = DOCKET_ITEM_STATE_CONFIRMED;
  g_assert_false (docket_item_is_awaiting_confirmation (&item));
  g_assert_cmpint (docket_item_bucket (&item, D (2026, 10, 2)), ==, DOCKET_BUCKET_COMPLETED_ON_TIME);
}

/* Returned for rework: open again, the earlier report date no longer counts, and it is
 * not "not started" since work was done on it. */
static void
test_status_returned (void)
{
  DocketItem item = make_item (DOCKET_ITEM_STATE_RETURNED, D (2026, 9, 30), D (2026, 9, 25));

  g_assert_cmpint (docket_item_bucket (&item, D (2026, 9, 30)), ==, DOCKET_BUCKET_IN_PROGRESS);
  g_assert_cmpint (docket_item_bucket (&item, D (2026, 10, 2)), ==, DOCKET_BUCKET_OVERDUE);
  g_assert_false (docket_item_is_completed (&item, D (2026, 10, 2)));
  g_assert_false (docket_item_is_not_started (&item));
  g_assert_false (docket_item_is_awaiting_confirmation (&item));
}

static void
test_status_not_started (void)
{
  DocketItem item = make_item (DOCKET_ITEM_STATE_OPEN, D (2026, 9, 30), DOCKET_DATE_NONE);

  g_assert_true (docket_item_is_not_started (&item));
  item.last_progress_on = D (2026, 8, 1);
  g_assert_false (docket_item_is_not_started (&item));
}

/* Due soon counts working days: the deadline Wednesday 30/09/2026 is 3 working days
 * after Friday 25/09 (28, 29, 30) and 4 after Thursday 24/09.  Around National Day,
 * Friday 04/09/2026 is only 3 working days after Friday 28/08 (31/08, 03/09, 04/09),
 * because 01/09 and 02/09 are holidays. */
static void
test_status_due_soon (void)
{
  g_autoptr(DocketCalendar) cal = docket_calendar_new ();
  DocketItem item = make_item (DOCKET_ITEM_STATE_OPEN, D (2026, 9, 30), DOCKET_DATE_NONE);
  DocketItem national = make_item (DOCKET_ITEM_STATE_OPEN, D (2026, 9, 4), DOCKET_DATE_NONE);
  DocketItem done = make_item (DOCKET_ITEM_STATE_CONFIRMED, D (2026, 9, 30), D (2026, 9, 20));

  g_assert_false (docket_item_is_due_soon (&item, D (2026, 9, 24), cal, 3));
  g_assert_true (docket_item_is_due_soon (&item, D (2026, 9, 25), cal, 3));
  g_assert_true (docket_item_is_due_soon (&item, D (2026, 9, 30), cal, 3));
  g_assert_false (docket_item_is_due_soon (&item, D (2026, 10, 1), cal, 3)); /* overdue now */
  g_assert_false (docket_item_is_due_soon (&item, D (2026, 9, 29), cal, 0));
  g_assert_true (docket_item_is_due_soon (&item, D (2026, 9, 30), cal, 0));

  g_assert_true (docket_item_is_due_soon (&national, D (2026, 8, 28), cal, 3));
  g_assert_false (docket_item_is_due_soon (&national, D (2026, 8, 27), cal, 3));

  g_assert_false (docket_item_is_due_soon (&done, D (2026, 9, 29), cal, 3));
}

static void
test_status_labels (void)
{
  g_assert_cmpstr (docket_bucket_get_label (DOCKET_BUCKET_COMPLETED_ON_TIME), ==, "Completed on time");
  g_assert_cmpstr (docket_bucket_get_label (DOCKET_BUCKET_COMPLETED_LATE), ==, "Completed late");
  g_assert_cmpstr (docket_bucket_get_label (DOCKET_BUCKET_IN_PROGRESS), ==, "In progress within deadline");
  g_assert_cmpstr (docket_bucket_get_label (DOCKET_BUCKET_OVERDUE), ==, "In progress, overdue");
  g_assert_cmpstr (docket_bucket_get_label (DOCKET_BUCKET_NO_DEADLINE), ==, "No deadline");
  g_assert_cmpstr (docket_bucket_get_label (DOCKET_BUCKET_COMPLETED_NO_DEADLINE), ==,
                   "Completed (no deadline)");
  g_assert_cmpstr (docket_bucket_get_label (DOCKET_BUCKET_CANCELLED), ==, "Cancelled");
  g_assert_cmpstr (docket_status_flag_get_label (DOCKET_STATUS_FLAG_DUE_SOON), ==, "Due soon");
  g_assert_cmpstr (docket_status_flag_get_label (DOCKET_STATUS_FLAG_NOT_STARTED), ==, "Not started");
  g_assert_cmpstr (docket_status_flag_get_label (DOCKET_STATUS_FLAG_AWAITING_CONFIRMATION), ==,
                   "Awaiting confirmation");

  g_assert_cmpstr (docket_bucket_get_css_class (DOCKET_BUCKET_COMPLETED_ON_TIME), ==, "on-time");
  g_assert_cmpstr (docket_bucket_get_css_class (DOCKET_BUCKET_COMPLETED_NO_DEADLINE), ==, "on-time");
  g_assert_cmpstr (docket_bucket_get_css_class (DOCKET_BUCKET_COMPLETED_LATE), ==, "late");
  g_assert_cmpstr (docket_bucket_get_css_class (DOCKET_BUCKET_IN_PROGRESS), ==, "in-progress");
  g_assert_cmpstr (docket_bucket_get_css_class (DOCKET_BUCKET_OVERDUE), ==, "overdue");
  g_assert_cmpstr (docket_bucket_get_css_class (DOCKET_BUCKET_NO_DEADLINE), ==, "no-deadline");
  g_assert_cmpstr (docket_status_flag_get_css_class (DOCKET_STATUS_FLAG_DUE_SOON), ==, "due-soon");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docket/status/completed", test_status_completed);
  g_test_add_func ("/docket/status/open", test_status_open);
  g_test_add_func ("/docket/status/cancelled", test_status_cancelled);
  g_test_add_func ("/docket/status/no-deadline", test_status_no_deadline);
  g_test_add_func ("/docket/status/extension", test_status_extension);
  g_test_add_func ("/docket/status/awaiting-confirmation", test_status_awaiting_confirmation);
  g_test_add_func ("/docket/status/returned", test_status_returned);
  g_test_add_func ("/docket/status/not-started", test_status_not_started);
  g_test_add_func ("/docket/status/due-soon", test_status_due_soon);
  g_test_add_func ("/docket/status/labels", test_status_labels);

  return g_test_run ();
}
