/* docket-status.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-status"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-status.h"

/* The status of an item is derived, never stored (DESIGN.md §3): from the workflow
 * state, the completion date, the deadline in force and the day asked about.  Every
 * view, count and report asks these functions, so a rule changes in one place. */

/**
 * docket_item_is_completed:
 * @item: an item
 * @today: the day the status is wanted for
 *
 * An item is completed once the secretariat confirmed it (%DOCKET_ITEM_STATE_CONFIRMED)
 * and its completion date, the date the unit reported, is on or before @today.
 *
 * An item reported done but not confirmed (%DOCKET_ITEM_STATE_REPORTED_DONE) is not
 * completed: the secretariat has to check the evidence first, and a completion that can
 * still be refused would otherwise be counted and then uncounted.  Once confirmed, it
 * counts from the unit's report date, so the wait for confirmation never makes an item
 * late.  A completion dated after @today is not yet one on @today, which is what lets a
 * report for a past period see the items as they were at its end.  A confirmed item
 * without a completion date is damaged data; it is treated as not completed rather than
 * guessed on time.
 *
 * Returns: whether @item is completed on @today
 */
gboolean
docket_item_is_completed (const DocketItem *item,
                          DocketDate        today)
{
  g_return_val_if_fail (item != NULL, FALSE);

  return item->state == DOCKET_ITEM_STATE_CONFIRMED &&
         item->completed_on != DOCKET_DATE_NONE &&
         item->completed_on <= today;
}

/**
 * docket_item_bucket:
 * @item: an item
 * @today: the day the status is wanted for
 *
 * The bucket of @item on @today (DESIGN.md §3), with the deadline in force
 * (`item->deadline`, which an approved extension has moved; the original deadline plays
 * no part):
 *
 * - cancelled: %DOCKET_BUCKET_CANCELLED, whatever else is set;
 * - completed (see docket_item_is_completed()): on time when completed on or before the
 *   deadline, so completing on the deadline day is on time; late when after it;
 *   %DOCKET_BUCKET_COMPLETED_NO_DEADLINE without a deadline;
 * - otherwise: %DOCKET_BUCKET_NO_DEADLINE without a deadline, in progress while
 *   @today <= deadline, overdue from the day after the deadline.
 *
 * Returns: the bucket
 */
DocketBucket
docket_item_bucket (const DocketItem *item,
                    DocketDate        today)
{
  g_return_val_if_fail (item != NULL, DOCKET_BUCKET_NO_DEADLINE);

  if (item->state == DOCKET_ITEM_STATE_CANCELLED)
    return DOCKET_BUCKET_CANCELLED;

  if (docket_item_is_completed (item, today))
    {
      if (item->deadline == DOCKET_DATE_NONE)
        return DOCKET_BUCKET_COMPLETED_NO_DEADLINE;
      return item->completed_on <= item->deadline ? DOCKET_BUCKET_COMPLETED_ON_TIME
                                                  : DOCKET_BUCKET_COMPLETED_LATE;
    }

  if (item->deadline == DOCKET_DATE_NONE)
    return DOCKET_BUCKET_NO_DEADLINE;
  return today <= item->deadline ? DOCKET_BUCKET_IN_PROGRESS : DOCKET_BUCKET_OVERDUE;
}

/**
 * docket_item_is_due_soon:
 * @item: an item
 * @today: the day asked about
 * @calendar: the working-day calendar
 * @due_soon_working_days: the threshold, usually %DOCKET_DUE_SOON_WORKING_DAYS
 *
 * Whether @item is in progress within its deadline and at most @due_soon_working_days
 * working days remain, counted as docket_calendar_working_days_between() does: the
 * working days after @today up to and including the deadline.  On the deadline day
 * itself 0 remain, so it is due soon.  An item awaiting confirmation is still not
 * completed and can be due soon: until it is confirmed the deadline still binds.
 *
 * Returns: whether to warn that the deadline is near
 */
gboolean
docket_item_is_due_soon (const DocketItem *item,
                         DocketDate        today,
                         DocketCalendar   *calendar,
                         guint             due_soon_working_days)
{
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (calendar != NULL, FALSE);

  if (docket_item_bucket (item, today) != DOCKET_BUCKET_IN_PROGRESS)
    return FALSE;
  return docket_calendar_working_days_between (calendar, today, item->deadline)
         <= (int) due_soon_working_days;
}

/**
 * docket_item_is_not_started:
 *
 * Returns: whether @item is open (never reported done, nor returned for rework) and no
 *   progress has been reported on it
 */
gboolean
docket_item_is_not_started (const DocketItem *item)
{
  g_return_val_if_fail (item != NULL, FALSE);

  return item->state == DOCKET_ITEM_STATE_OPEN && item->last_progress_on == DOCKET_DATE_NONE;
}

/**
 * docket_item_is_awaiting_confirmation:
 *
 * Returns: whether the unit reported @item done and the secretariat has yet to confirm
 */
gboolean
docket_item_is_awaiting_confirmation (const DocketItem *item)
{
  g_return_val_if_fail (item != NULL, FALSE);

  return item->state == DOCKET_ITEM_STATE_REPORTED_DONE;
}

/**
 * docket_item_is_extended:
 *
 * Returns: whether an extension moved the deadline in force away from the original one
 */
gboolean
docket_item_is_extended (const DocketItem *item)
{
  g_return_val_if_fail (item != NULL, FALSE);

  return item->original_deadline != DOCKET_DATE_NONE &&
         item->deadline != item->original_deadline;
}

/**
 * docket_item_days_overdue:
 *
 * Returns: the calendar days from the deadline to @today when @item is in progress past
 *   its deadline (1 on the day after the deadline), else 0
 */
int
docket_item_days_overdue (const DocketItem *item,
                          DocketDate        today)
{
  g_return_val_if_fail (item != NULL, 0);

  if (docket_item_bucket (item, today) != DOCKET_BUCKET_OVERDUE)
    return 0;
  return (int) (today - item->deadline);
}

/**
 * docket_bucket_is_completed:
 *
 * Returns: whether @bucket is one of the completed buckets
 */
gboolean
docket_bucket_is_completed (DocketBucket bucket)
{
  return bucket == DOCKET_BUCKET_COMPLETED_ON_TIME ||
         bucket == DOCKET_BUCKET_COMPLETED_LATE ||
         bucket == DOCKET_BUCKET_COMPLETED_NO_DEADLINE;
}

/**
 * docket_bucket_get_label:
 *
 * Returns: the translated name of @bucket, as the badge and the reports show it
 */
const char *
docket_bucket_get_label (DocketBucket bucket)
{
  switch (bucket)
    {
    case DOCKET_BUCKET_COMPLETED_ON_TIME:
      return _("Completed on time");
    case DOCKET_BUCKET_COMPLETED_LATE:
      return _("Completed late");
    case DOCKET_BUCKET_IN_PROGRESS:
      return _("In progress within deadline");
    case DOCKET_BUCKET_OVERDUE:
      return _("In progress, overdue");
    case DOCKET_BUCKET_NO_DEADLINE:
      return _("No deadline");
    case DOCKET_BUCKET_COMPLETED_NO_DEADLINE:
      return _("Completed (no deadline)");
    case DOCKET_BUCKET_CANCELLED:
      return _("Cancelled");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * docket_bucket_get_css_class:
 *
 * The style class for the badge of @bucket.  A completed item without a deadline
 * counts as on time and wears its colour.  Colour is never the only signal: the badge
 * also carries docket_bucket_get_label().
 *
 * Returns: a CSS class name
 */
const char *
docket_bucket_get_css_class (DocketBucket bucket)
{
  switch (bucket)
    {
    case DOCKET_BUCKET_COMPLETED_ON_TIME:
    case DOCKET_BUCKET_COMPLETED_NO_DEADLINE:
      return "on-time";
    case DOCKET_BUCKET_COMPLETED_LATE:
      return "late";
    case DOCKET_BUCKET_IN_PROGRESS:
      return "in-progress";
    case DOCKET_BUCKET_OVERDUE:
      return "overdue";
    case DOCKET_BUCKET_NO_DEADLINE:
      return "no-deadline";
    case DOCKET_BUCKET_CANCELLED:
      return "cancelled";
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * docket_status_flag_get_label:
 *
 * Returns: the translated name of @flag
 */
const char *
docket_status_flag_get_label (DocketStatusFlag flag)
{
  switch (flag)
    {
    case DOCKET_STATUS_FLAG_DUE_SOON:
      return _("Due soon");
    case DOCKET_STATUS_FLAG_NOT_STARTED:
      return _("Not started");
    case DOCKET_STATUS_FLAG_AWAITING_CONFIRMATION:
      return _("Awaiting confirmation");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * docket_status_flag_get_css_class:
 *
 * Returns: the CSS class name for the badge of @flag
 */
const char *
docket_status_flag_get_css_class (DocketStatusFlag flag)
{
  switch (flag)
    {
    case DOCKET_STATUS_FLAG_DUE_SOON:
      return "due-soon";
    case DOCKET_STATUS_FLAG_NOT_STARTED:
      return "not-started";
    case DOCKET_STATUS_FLAG_AWAITING_CONFIRMATION:
      return "awaiting-confirmation";
    default:
      g_return_val_if_reached ("");
    }
}
