/* docket-clock.h
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DOCKET_TYPE_CLOCK (docket_clock_get_type ())

G_DECLARE_INTERFACE (DocketClock, docket_clock, DOCKET, CLOCK, GObject)

/**
 * DocketClockInterface:
 * @now: returns the current time as UTC unix seconds
 *
 * A clock emits #DocketClock::jumped when the wall-clock time was set (by hand,
 * by NTP after a long time off, or a time zone change of the system clock), so
 * that timers planned in wall-clock terms are planned again.
 *
 * The seam through which reminders read the time, so tests can run a simulated
 * year in milliseconds.
 */
struct _DocketClockInterface
{
  GTypeInterface parent_iface;

  gint64 (*now) (DocketClock *self);
};

gint64       docket_clock_now              (DocketClock *self);
void         docket_clock_emit_jumped      (DocketClock *self);
GDateTime   *docket_clock_dup_now_local    (DocketClock *self,
                                            GTimeZone   *tz);

#define DOCKET_TYPE_SYSTEM_CLOCK (docket_system_clock_get_type ())

G_DECLARE_FINAL_TYPE (DocketSystemClock, docket_system_clock, DOCKET, SYSTEM_CLOCK, GObject)

DocketClock *docket_system_clock_new (void);

G_END_DECLS
