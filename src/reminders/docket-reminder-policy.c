/* docket-reminder-policy.c: which reminders are due, as pure code
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules (issue 8):
 *
 * - Reminders belong to working days and are delivered within working hours of
 *   working days only; at night, at a weekend or on a holiday nothing is due, and
 *   what fell due waits for the next working morning.
 * - An open item (or one returned for rework) with a deadline reminds its lead unit
 *   at each step of `days_before` (working days before the last working day on or
 *   before the deadline; 0 is "on the day"), then every working morning while it is
 *   overdue.  Only the latest step reached is due: a step missed while the computer
 *   was off is delivered late, once, unless a later step has superseded it.
 * - Once an item is overdue by a threshold of working days (5, 30) the secretariat
 *   is told, once per threshold; again only the latest threshold reached is due.
 * - An item reported done reminds the secretariat every working morning until it is
 *   confirmed, and no longer reminds its unit.
 * - Confirmed and cancelled items, and open items without a deadline, never remind.
 */

#define G_LOG_DOMAIN "docket-reminders"

#include "config.h"

#include <string.h>

#include "docket-reminder-policy.h"

struct _DocketReminderPolicy
{
  gatomicrefcount        ref_count;
  DocketReminderSettings settings;
  DocketCalendar        *calendar;
  GTimeZone             *tz;
};

G_DEFINE_BOXED_TYPE (DocketReminderPolicy, docket_reminder_policy,
                     docket_reminder_policy_ref, docket_reminder_policy_unref)

/**
 * docket_reminder_settings_init_defaults:
 *
 * Fills @settings with the defaults of issue 8: 3 and 1 working days before and on
 * the day; the secretariat at 5 and 30 working days overdue; 07:30–17:00.
 */
void
docket_reminder_settings_init_defaults (DocketReminderSettings *settings)
{
  g_return_if_fail (settings != NULL);

  memset (settings, 0, sizeof *settings);
  settings->days_before[0] = 3;
  settings->days_before[1] = 1;
  settings->days_before[2] = 0;
  settings->n_days_before = 3;
  settings->escalations[0] = 5;
  settings->escalations[1] = 30;
  settings->n_escalations = 2;
  settings->work_start_minutes = 7 * 60 + 30;
  settings->work_end_minutes = 17 * 60;
}

/**
 * docket_reminder_dup_key_kind:
 *
 * Returns: (transfer full): the name of the reminder's kind in the reminder log
 *   ("before-3", "due-today", "overdue", "escalation-5", "awaiting-confirmation")
 */
char *
docket_reminder_dup_key_kind (const DocketReminder *reminder)
{
  g_return_val_if_fail (reminder != NULL, NULL);

  switch (reminder->kind)
    {
    case DOCKET_REMINDER_BEFORE:
      return g_strdup_printf ("before-%d", reminder->step);
    case DOCKET_REMINDER_DUE_TODAY:
      return g_strdup ("due-today");
    case DOCKET_REMINDER_OVERDUE:
      return g_strdup ("overdue");
    case DOCKET_REMINDER_ESCALATION:
      return g_strdup_printf ("escalation-%d", reminder->step);
    case DOCKET_REMINDER_AWAITING_CONFIRMATION:
      return g_strdup ("awaiting-confirmation");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * docket_reminder_is_overdue:
 *
 * Returns: whether the reminder is about an overdue item (notifications about it
 *   are critical)
 */
gboolean
docket_reminder_is_overdue (const DocketReminder *reminder)
{
  g_return_val_if_fail (reminder != NULL, FALSE);

  return reminder->kind == DOCKET_REMINDER_OVERDUE ||
         reminder->kind == DOCKET_REMINDER_ESCALATION;
}

/**
 * docket_reminder_policy_new:
 * @settings: copied
 * @calendar: the working days
 * @tz: (nullable): the zone of working hours; %NULL for the local zone
 */
DocketReminderPolicy *
docket_reminder_policy_new (const DocketReminderSettings *settings,
                            DocketCalendar               *calendar,
                            GTimeZone                    *tz)
{
  DocketReminderPolicy *self;

  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (calendar != NULL, NULL);
  g_return_val_if_fail (settings->n_days_before <= DOCKET_REMINDER_MAX_STEPS, NULL);
  g_return_val_if_fail (settings->n_escalations <= DOCKET_REMINDER_MAX_STEPS, NULL);
  g_return_val_if_fail (settings->work_start_minutes < settings->work_end_minutes, NULL);
  g_return_val_if_fail (settings->work_end_minutes <= 24 * 60, NULL);

  self = g_new0 (DocketReminderPolicy, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->settings = *settings;
  self->calendar = docket_calendar_ref (calendar);
  self->tz = tz != NULL ? g_time_zone_ref (tz) : g_time_zone_new_local ();
  return self;
}

DocketReminderPolicy *
docket_reminder_policy_ref (DocketReminderPolicy *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
docket_reminder_policy_unref (DocketReminderPolicy *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      docket_calendar_unref (self->calendar);
      g_time_zone_unref (self->tz);
      g_free (self);
    }
}

const DocketReminderSettings *
docket_reminder_policy_get_settings (DocketReminderPolicy *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->settings;
}

DocketCalendar *
docket_reminder_policy_get_calendar (DocketReminderPolicy *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->calendar;
}

GTimeZone *
docket_reminder_policy_get_timezone (DocketReminderPolicy *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->tz;
}

static gint64
instant_of (DocketReminderPolicy *self,
            DocketDate            day,
            guint                 minutes)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  docket_date_to_dmy (day, &y, &m, &d);
  dt = g_date_time_new (self->tz, y, m, d, minutes / 60, minutes % 60, 0);
  return g_date_time_to_unix (dt);
}

/* The day and the minute of the day of @now in the policy's zone. */
static DocketDate
local_day (DocketReminderPolicy *self,
           gint64                now,
           guint                *out_minutes)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->tz);

  if (out_minutes != NULL)
    *out_minutes = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
  return docket_date_new (g_date_time_get_year (local), g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local));
}

/**
 * docket_reminder_policy_is_working_time:
 * @out_day: (out) (optional): the working day @now belongs to
 *
 * Returns: whether @now lies within working hours of a working day, when
 *   reminders may be delivered
 */
gboolean
docket_reminder_policy_is_working_time (DocketReminderPolicy *self,
                                        gint64                now,
                                        DocketDate           *out_day)
{
  guint minutes;
  DocketDate day;

  g_return_val_if_fail (self != NULL, FALSE);

  day = local_day (self, now, &minutes);
  if (out_day != NULL)
    *out_day = day;
  return docket_calendar_is_working_day (self->calendar, day) &&
         minutes >= self->settings.work_start_minutes &&
         minutes < self->settings.work_end_minutes;
}

/**
 * docket_reminder_policy_morning_of:
 *
 * Returns: the start of working hours on @day, UTC unix seconds
 */
gint64
docket_reminder_policy_morning_of (DocketReminderPolicy *self,
                                   DocketDate            day)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (day != DOCKET_DATE_NONE, 0);

  return instant_of (self, day, self->settings.work_start_minutes);
}

/**
 * docket_reminder_policy_next_morning:
 *
 * Returns: the first start of working hours of a working day strictly after @after:
 *   when the reminders of the next working day fall due, and "Snooze until tomorrow
 *   morning"
 */
gint64
docket_reminder_policy_next_morning (DocketReminderPolicy *self,
                                     gint64                after)
{
  DocketDate day;
  gint64 morning;

  g_return_val_if_fail (self != NULL, 0);

  day = local_day (self, after, NULL);
  if (docket_calendar_is_working_day (self->calendar, day) &&
      (morning = docket_reminder_policy_morning_of (self, day)) > after)
    return morning;
  day = docket_calendar_add_working_days (self->calendar, day, 1);
  return docket_reminder_policy_morning_of (self, day);
}

/**
 * docket_reminder_policy_next_working_time:
 *
 * Returns: @instant when it lies within working hours, else the next working
 *   morning: when something due at @instant is delivered
 */
gint64
docket_reminder_policy_next_working_time (DocketReminderPolicy *self,
                                          gint64                instant)
{
  g_return_val_if_fail (self != NULL, 0);

  if (docket_reminder_policy_is_working_time (self, instant, NULL))
    return instant;
  return docket_reminder_policy_next_morning (self, instant);
}

/**
 * docket_reminder_policy_lookahead_end:
 * @today: a working day
 *
 * Returns: the first deadline far enough after @today that no "before" step has
 *   been reached on @today; open items with an earlier deadline are the candidates
 *   of @today (the store's reminder query uses it as its index bound)
 */
DocketDate
docket_reminder_policy_lookahead_end (DocketReminderPolicy *self,
                                      DocketDate            today)
{
  guint max_before = 0;

  g_return_val_if_fail (self != NULL, DOCKET_DATE_NONE);

  for (guint i = 0; i < self->settings.n_days_before; i++)
    max_before = MAX (max_before, self->settings.days_before[i]);
  /* A step is reached when the last working day on or before the deadline is at
   * most max_before working days away; every deadline before the next working day
   * after that one qualifies, including a weekend or holiday that follows it. */
  return docket_calendar_add_working_days (self->calendar, today, (int) max_before + 1);
}

static DocketReminder *
append (GArray             *out,
        const DocketItem   *item,
        DocketReminderKind  kind,
        DocketDate          day)
{
  DocketReminder r = { 0, };

  r.item_id = item->id;
  r.unit_id = item->lead_unit_id;
  r.recipient_unit_id = item->lead_unit_id;
  r.kind = kind;
  r.day = day;
  r.since = day;
  g_array_append_val (out, r);
  return &g_array_index (out, DocketReminder, out->len - 1);
}

static guint
due_before_deadline (DocketReminderPolicy *self,
                     const DocketItem     *item,
                     DocketDate            today,
                     GArray               *out)
{
  DocketDate anchor = item->deadline;
  int left;
  int step = -1;
  DocketReminder *r;

  /* The last working day on or before the deadline is when the work must be done. */
  if (!docket_calendar_is_working_day (self->calendar, anchor))
    anchor = docket_calendar_add_working_days (self->calendar, anchor, -1);
  left = docket_calendar_working_days_between (self->calendar, today, anchor);

  /* The latest step reached: the smallest one not below the days left. */
  for (guint i = 0; i < self->settings.n_days_before; i++)
    {
      int s = (int) self->settings.days_before[i];

      if (s >= left && (step < 0 || s < step))
        step = s;
    }
  if (step < 0)
    return 0;

  r = append (out, item, step == 0 ? DOCKET_REMINDER_DUE_TODAY : DOCKET_REMINDER_BEFORE,
              docket_calendar_add_working_days (self->calendar, anchor, -step));
  r->step = step;
  r->count = left;
  return 1;
}

static guint
due_overdue (DocketReminderPolicy *self,
             const DocketItem     *item,
             DocketDate            today,
             GArray               *out)
{
  int overdue = docket_calendar_working_days_between (self->calendar, item->deadline, today);
  int threshold = 0;
  DocketReminder *r;

  r = append (out, item, DOCKET_REMINDER_OVERDUE, today);
  r->count = overdue;
  r->since = docket_calendar_add_working_days (self->calendar, item->deadline, 1);

  for (guint i = 0; i < self->settings.n_escalations; i++)
    {
      int t = (int) self->settings.escalations[i];

      if (t > 0 && t <= overdue && t > threshold)
        threshold = t;
    }
  if (threshold == 0)
    return 1;

  r = append (out, item, DOCKET_REMINDER_ESCALATION,
              docket_calendar_add_working_days (self->calendar, item->deadline, threshold));
  r->recipient_unit_id = 0;
  r->step = threshold;
  r->count = overdue;
  return 2;
}

/**
 * docket_reminder_policy_due:
 * @item: the item; its id, lead unit, state and deadline are read
 * @now: UTC unix seconds
 * @out_reminders: (element-type DocketReminder): where the due reminders are appended
 *
 * Says which reminders of @item are due at @now, whether or not they were sent
 * already (the reminder log knows that).  Nothing is due outside working hours.
 *
 * Returns: the number of reminders appended
 */
guint
docket_reminder_policy_due (DocketReminderPolicy *self,
                            const DocketItem     *item,
                            gint64                now,
                            GArray               *out_reminders)
{
  DocketDate today;
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (item != NULL, 0);
  g_return_val_if_fail (out_reminders != NULL, 0);

  if (!docket_reminder_policy_is_working_time (self, now, &today))
    return 0;

  switch (item->state)
    {
    case DOCKET_ITEM_STATE_REPORTED_DONE:
      append (out_reminders, item, DOCKET_REMINDER_AWAITING_CONFIRMATION, today)
        ->recipient_unit_id = 0;
      n = 1;
      break;

    case DOCKET_ITEM_STATE_OPEN:
    case DOCKET_ITEM_STATE_RETURNED:
      if (item->deadline == DOCKET_DATE_NONE)
        break;
      if (today > item->deadline)
        n = due_overdue (self, item, today, out_reminders);
      else
        n = due_before_deadline (self, item, today, out_reminders);
      break;

    case DOCKET_ITEM_STATE_CONFIRMED:
    case DOCKET_ITEM_STATE_CANCELLED:
    default:
      break;
    }

  for (guint i = out_reminders->len - n; i < out_reminders->len; i++)
    {
      DocketReminder *r = &g_array_index (out_reminders, DocketReminder, i);
      r->deliver_at = docket_reminder_policy_morning_of (self, r->day);
    }
  return n;
}
