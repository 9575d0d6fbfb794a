/* docket-status.h
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "docket-calendar.h"
#include "docket-types.h"

G_BEGIN_DECLS

/**
 * DocketStatusFlag:
 * @DOCKET_STATUS_FLAG_DUE_SOON: the deadline is a few working days away
 * @DOCKET_STATUS_FLAG_NOT_STARTED: open, and no progress was reported yet
 * @DOCKET_STATUS_FLAG_AWAITING_CONFIRMATION: the unit reported it done; the
 *   secretariat has not confirmed it yet
 *
 * Warnings shown next to the bucket of an item.  They are not buckets: an item is
 * counted in exactly one bucket and may carry any of these besides.
 */
typedef enum
{
  DOCKET_STATUS_FLAG_DUE_SOON,
  DOCKET_STATUS_FLAG_NOT_STARTED,
  DOCKET_STATUS_FLAG_AWAITING_CONFIRMATION,
} DocketStatusFlag;

/**
 * DOCKET_DUE_SOON_WORKING_DAYS:
 *
 * The default of "due soon": at most this many working days left (DESIGN.md §3).
 */
#define DOCKET_DUE_SOON_WORKING_DAYS 3

gboolean     docket_item_is_completed             (const DocketItem *item,
                                                   DocketDate        today);
DocketBucket docket_item_bucket                   (const DocketItem *item,
                                                   DocketDate        today);
gboolean     docket_item_is_due_soon              (const DocketItem *item,
                                                   DocketDate        today,
                                                   DocketCalendar   *calendar,
                                                   guint             due_soon_working_days);
gboolean     docket_item_is_not_started           (const DocketItem *item);
gboolean     docket_item_is_awaiting_confirmation (const DocketItem *item);
gboolean     docket_item_is_extended              (const DocketItem *item);
int          docket_item_days_overdue             (const DocketItem *item,
                                                   DocketDate        today);

gboolean     docket_bucket_is_completed           (DocketBucket      bucket);
const char  *docket_bucket_get_label              (DocketBucket      bucket);
const char  *docket_bucket_get_css_class          (DocketBucket      bucket);
const char  *docket_status_flag_get_label         (DocketStatusFlag  flag);
const char  *docket_status_flag_get_css_class     (DocketStatusFlag  flag);

G_END_DECLS
