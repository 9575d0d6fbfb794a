/* docket-store-calendar.h: the official holiday schedules kept in the file
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-store.h"

G_BEGIN_DECLS

/**
 * DocketScheduleDay:
 * @date: the day
 * @is_day_off: %TRUE for a day off (a holiday, a compensation or bridging day),
 *   %FALSE for a weekend day made a working day by a swap
 * @name: (nullable): what the day is, as the announcement names it
 *
 * One day of a year's official schedule.
 */
typedef struct
{
  DocketDate  date;
  gboolean    is_day_off;
  char       *name;
} DocketScheduleDay;

void            docket_schedule_day_free          (DocketScheduleDay *day);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketScheduleDay, docket_schedule_day_free)

/* The days of @year's schedule in date order; empty when the year has none (then the
 * computed holidays apply). */
GPtrArray      *docket_store_list_year_schedule   (DocketStore             *self,
                                                   int                      year,
                                                   GError                 **error);
/* Replaces @year's schedule; no days removes it, so the computed holidays apply. */
gboolean        docket_store_set_year_schedule    (DocketStore             *self,
                                                   int                      year,
                                                   const DocketScheduleDay *days,
                                                   guint                    n_days,
                                                   GError                 **error);
/* Adds or changes one day of its year's schedule, or removes one.  A year without a
 * schedule starts from its computed holidays, so editing one day keeps the others. */
gboolean        docket_store_set_schedule_day     (DocketStore             *self,
                                                   DocketDate               date,
                                                   gboolean                 is_day_off,
                                                   const char              *name,
                                                   GError                 **error);
gboolean        docket_store_remove_schedule_day  (DocketStore             *self,
                                                   DocketDate               date,
                                                   GError                 **error);

/* A working-day calendar with every schedule of the file applied. */
DocketCalendar *docket_store_load_calendar        (DocketStore             *self,
                                                   GError                 **error);

G_END_DECLS
