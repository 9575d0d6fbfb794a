/* docket-fake-clock.c: a clock that tests set and advance
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "docket-fake-clock.h"

struct _DocketFakeClock
{
  GObject parent_instance;
  gint64  now;
};

static void docket_fake_clock_iface_init (DocketClockInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DocketFakeClock, docket_fake_clock, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (DOCKET_TYPE_CLOCK,
                                                      docket_fake_clock_iface_init))

static gint64
docket_fake_clock_now (DocketClock *clock)
{
  return DOCKET_FAKE_CLOCK (clock)->now;
}

static void
docket_fake_clock_iface_init (DocketClockInterface *iface)
{
  iface->now = docket_fake_clock_now;
}

static void
docket_fake_clock_class_init (DocketFakeClockClass *klass)
{
}

static void
docket_fake_clock_init (DocketFakeClock *self)
{
}

DocketFakeClock *
docket_fake_clock_new (gint64 now)
{
  DocketFakeClock *self = g_object_new (DOCKET_TYPE_FAKE_CLOCK, NULL);

  self->now = now;
  return self;
}

void
docket_fake_clock_set (DocketFakeClock *self,
                       gint64           now)
{
  self->now = now;
}

void
docket_fake_clock_advance (DocketFakeClock *self,
                           gint64           seconds)
{
  self->now += seconds;
}

void
docket_fake_clock_jump (DocketFakeClock *self,
                        gint64           now)
{
  self->now = now;
  docket_clock_emit_jumped (DOCKET_CLOCK (self));
}
