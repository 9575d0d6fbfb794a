/* docket-calendar.h
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "docket-date.h"

G_BEGIN_DECLS

/**
 * DocketCalendar:
 *
 * A working-day calendar: Monday to Friday, minus the public holidays of the
 * Labour Code 2019 (art. 112) and their compensation days, or, for a year whose
 * official schedule has been entered, exactly that schedule.  Reference counted and
 * safe to share between threads.
 */
typedef struct _DocketCalendar DocketCalendar;

/**
 * DocketHoliday:
 * @date: the day
 * @name: its translated name, owned by Docket
 *
 * One non-working day of a year other than an ordinary weekend.
 */
typedef struct
{
  DocketDate  date;
  const char *name;
} DocketHoliday;

#define DOCKET_TYPE_CALENDAR (docket_calendar_get_type ())

GType           docket_calendar_get_type             (void) G_GNUC_CONST;

DocketCalendar *docket_calendar_new                  (void);
DocketCalendar *docket_calendar_ref                  (DocketCalendar   *self);
void            docket_calendar_unref                (DocketCalendar   *self);

gboolean        docket_calendar_set_year_schedule    (DocketCalendar   *self,
                                                      int               year,
                                                      const DocketDate *days_off,
                                                      guint             n_off,
                                                      const DocketDate *working_days,
                                                      guint             n_working,
                                                      GError          **error);
void            docket_calendar_clear_year_schedule  (DocketCalendar   *self,
                                                      int               year);
gboolean        docket_calendar_has_year_schedule    (DocketCalendar   *self,
                                                      int               year);

gboolean        docket_calendar_is_working_day       (DocketCalendar   *self,
                                                      DocketDate        date);
const char     *docket_calendar_holiday_name         (DocketCalendar   *self,
                                                      DocketDate        date);
GArray         *docket_calendar_list_holidays        (DocketCalendar   *self,
                                                      int               year);
DocketDate      docket_calendar_add_working_days     (DocketCalendar   *self,
                                                      DocketDate        date,
                                                      int               n);
int             docket_calendar_working_days_between (DocketCalendar   *self,
                                                      DocketDate        from,
                                                      DocketDate        to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketCalendar, docket_calendar_unref)

G_END_DECLS
