/* docket-clock.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "docket-clock.h"

#ifdef __linux__
#include <errno.h>
#include <glib-unix.h>
#include <sys/timerfd.h>
#include <unistd.h>
#endif

G_DEFINE_INTERFACE (DocketClock, docket_clock, G_TYPE_OBJECT)

static guint jumped_signal;

static void
docket_clock_default_init (DocketClockInterface *iface)
{
  /**
   * DocketClock::jumped:
   *
   * The wall-clock time was set: what was planned against it must be planned again.
   */
  jumped_signal = g_signal_new ("jumped", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

/**
 * docket_clock_emit_jumped:
 *
 * For implementations (and test clocks): says that the time was set.
 */
void
docket_clock_emit_jumped (DocketClock *self)
{
  g_return_if_fail (DOCKET_IS_CLOCK (self));

  g_signal_emit (self, jumped_signal, 0);
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

/* The system clock notices a set wall clock through a Linux timerfd armed on
 * CLOCK_REALTIME with TFD_TIMER_CANCEL_ON_SET: the kernel cancels it (read() fails
 * with ECANCELED) whenever the time is set.  It never fires otherwise, so it costs
 * no wake-up.  Elsewhere, the reminder service's bounded sleep still notices a jump
 * within its longest sleep. */
struct _DocketSystemClock
{
  GObject parent_instance;
  int     timer_fd;
  guint   timer_watch;
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

#ifdef __linux__
static gboolean
arm_jump_timer (int fd)
{
  /* A year from now: the timer is only there to be cancelled. */
  struct itimerspec spec = { { 0, 0 }, { 0, 0 } };

  spec.it_value.tv_sec = g_get_real_time () / G_USEC_PER_SEC + 366 * 24 * 3600;
  return timerfd_settime (fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, NULL) == 0;
}

static gboolean
on_jump_timer_cb (int           fd,
                  GIOCondition  condition,
                  gpointer      user_data)
{
  DocketSystemClock *self = user_data;
  guint64 expirations;
  gboolean jumped;

  jumped = read (fd, &expirations, sizeof expirations) < 0 && errno == ECANCELED;
  if (!arm_jump_timer (fd))
    {
      g_warning ("Wall-clock changes can no longer be followed: %s", g_strerror (errno));
      self->timer_watch = 0;
      return G_SOURCE_REMOVE;
    }
  if (jumped)
    docket_clock_emit_jumped (DOCKET_CLOCK (self));
  return G_SOURCE_CONTINUE;
}
#endif

static void
docket_system_clock_finalize (GObject *object)
{
  DocketSystemClock *self = DOCKET_SYSTEM_CLOCK (object);

  g_clear_handle_id (&self->timer_watch, g_source_remove);
  if (self->timer_fd >= 0)
    close (self->timer_fd);

  G_OBJECT_CLASS (docket_system_clock_parent_class)->finalize (object);
}

static void
docket_system_clock_class_init (DocketSystemClockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = docket_system_clock_finalize;
}

static void
docket_system_clock_init (DocketSystemClock *self)
{
  self->timer_fd = -1;
#ifdef __linux__
  self->timer_fd = timerfd_create (CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
  if (self->timer_fd >= 0 && arm_jump_timer (self->timer_fd))
    self->timer_watch = g_unix_fd_add (self->timer_fd, G_IO_IN, on_jump_timer_cb, self);
#endif
}

DocketClock *
docket_system_clock_new (void)
{
  return g_object_new (DOCKET_TYPE_SYSTEM_CLOCK, NULL);
}
