/* docket-fake-clock.h: a clock that tests set and advance
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-clock.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_FAKE_CLOCK (docket_fake_clock_get_type ())

G_DECLARE_FINAL_TYPE (DocketFakeClock, docket_fake_clock, DOCKET, FAKE_CLOCK, GObject)

DocketFakeClock *docket_fake_clock_new     (gint64           now);
void             docket_fake_clock_set     (DocketFakeClock *self,
                                            gint64           now);
void             docket_fake_clock_advance (DocketFakeClock *self,
                                            gint64           seconds);
/* Sets the time as a person or NTP would, and says so (DocketClock::jumped). */
void             docket_fake_clock_jump    (DocketFakeClock *self,
                                            gint64           now);

G_END_DECLS
