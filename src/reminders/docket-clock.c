/* docket-clock.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "docket-clock.h"

G_DEFINE_INTERFACE (DocketClock, docket_clock, G_TYPE_OBJECT)

static void
docket_clock_default_init (DocketClockInterface *iface)
{
}

gint64
docket_clock_now (DocketClock *self)
{
  g_return_val_if_fail (DOCKET_IS_CLOCK (self), 0);

  return DOCKET_CLOCK_GET_IFACE (self)->now (self);
}

/**
 * docket_clock_dup_now_local:
 * @tz: (nullable): the zone to read the time in; %NULL for the local zone
 *
 * Returns: (transfer full): the clock's current time in @tz
 */
GDateTime *
docket_clock_dup_now_local (DocketClock *self,
                            GTimeZone   *tz)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GTimeZone) local = NULL;

  g_return_val_if_fail (DOCKET_IS_CLOCK (self), NULL);

  utc = g_date_time_new_from_unix_utc (docket_clock_now (self));
  if (tz == NULL)
    tz = local = g_time_zone_new_local ();
  return g_date_time_to_timezone (utc, tz);
}

struct _DocketSystemClock
{
  GObject parent_instance;
};

static void docket_system_clock_iface_init (DocketClockInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DocketSystemClock, docket_system_clock, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (DOCKET_TYPE_CLOCK,
                                                      docket_system_clock_iface_init))

static gint64
docket_system_clock_now (DocketClock *clock)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
docket_system_clock_iface_init (DocketClockInterface *iface)
{
  iface->now = docket_system_clock_now;
}

static void
docket_system_clock_class_init (DocketSystemClockClass *klass)
{
}

static void
docket_system_clock_init (DocketSystemClock *self)
{
}

DocketClock *
docket_system_clock_new (void)
{
  return g_object_new (DOCKET_TYPE_SYSTEM_CLOCK, NULL);
}
