/* docket-reminder-policy.h: which reminders are due, as pure code
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "docket-core.h"

G_BEGIN_DECLS

#define DOCKET_REMINDER_MAX_STEPS 8

/**
 * DocketReminderSettings:
 * @days_before: working days before the deadline at which the lead unit is reminded
 *   (0 = on the day), in any order
 * @n_days_before: how many of @days_before are used
 * @escalations: working days overdue at which the secretariat is told
 * @n_escalations: how many of @escalations are used
 * @work_start_minutes: start of working hours, minutes after midnight
 * @work_end_minutes: end of working hours, minutes after midnight
 *
 * What Preferences edits.  A plain value: copy it with `=`.
 */
typedef struct
{
  guint days_before[DOCKET_REMINDER_MAX_STEPS];
  guint n_days_before;
  guint escalations[DOCKET_REMINDER_MAX_STEPS];
  guint n_escalations;
  guint work_start_minutes;
  guint work_end_minutes;
} DocketReminderSettings;

void docket_reminder_settings_init_defaults (DocketReminderSettings *settings);

/**
 * DocketReminderKind:
 * @DOCKET_REMINDER_BEFORE: to the lead unit, some working days before the deadline
 * @DOCKET_REMINDER_DUE_TODAY: to the lead unit, on the last working day of the deadline
 * @DOCKET_REMINDER_OVERDUE: to the lead unit, every working morning while overdue
 * @DOCKET_REMINDER_ESCALATION: to the secretariat, once a threshold of working days
 *   overdue is reached
 * @DOCKET_REMINDER_AWAITING_CONFIRMATION: to the secretariat, every working morning
 *   while a reported completion waits for its confirmation
 */
typedef enum
{
  DOCKET_REMINDER_BEFORE,
  DOCKET_REMINDER_DUE_TODAY,
  DOCKET_REMINDER_OVERDUE,
  DOCKET_REMINDER_ESCALATION,
  DOCKET_REMINDER_AWAITING_CONFIRMATION,
} DocketReminderKind;

/**
 * DocketReminder:
 * @item_id: the item
 * @unit_id: the item's lead unit; with @kind, @step and @day it is the reminder's
 *   key in the log
 * @recipient_unit_id: who receives it: the lead unit, or 0 for the secretariat
 * @kind: what it says
 * @step: the setting that made it due: the working days before (BEFORE), the
 *   threshold (ESCALATION), else 0
 * @count: at the time asked, the working days left (BEFORE, DUE_TODAY) or overdue
 *   (OVERDUE, ESCALATION); 0 for AWAITING_CONFIRMATION
 * @day: the working day it belongs to
 * @since: the working day its condition began (the first overdue working day for
 *   OVERDUE); @day otherwise
 * @deliver_at: its working morning (@day at the start of working hours), UTC unix
 *   seconds; a reminder whose @day is earlier than today fell due while nobody
 *   was there to receive it
 */
typedef struct
{
  DocketId           item_id;
  DocketId           unit_id;
  DocketId           recipient_unit_id;
  DocketReminderKind kind;
  int                step;
  int                count;
  DocketDate         day;
  DocketDate         since;
  gint64             deliver_at;
} DocketReminder;

char               *docket_reminder_dup_key_kind   (const DocketReminder *reminder);
gboolean            docket_reminder_is_overdue     (const DocketReminder *reminder);

/**
 * DocketReminderPolicy:
 *
 * The rules of DESIGN.md "Reminders" over a settings value, a working-day calendar
 * and a time zone.  Immutable and reference counted; safe to share between threads
 * (the calendar is).
 */
typedef struct _DocketReminderPolicy DocketReminderPolicy;

#define DOCKET_TYPE_REMINDER_POLICY (docket_reminder_policy_get_type ())

GType                 docket_reminder_policy_get_type       (void) G_GNUC_CONST;

DocketReminderPolicy *docket_reminder_policy_new            (const DocketReminderSettings *settings,
                                                             DocketCalendar               *calendar,
                                                             GTimeZone                    *tz);
DocketReminderPolicy *docket_reminder_policy_ref            (DocketReminderPolicy *self);
void                  docket_reminder_policy_unref          (DocketReminderPolicy *self);

const DocketReminderSettings *
                      docket_reminder_policy_get_settings   (DocketReminderPolicy *self);
DocketCalendar       *docket_reminder_policy_get_calendar   (DocketReminderPolicy *self);
GTimeZone            *docket_reminder_policy_get_timezone   (DocketReminderPolicy *self);

gboolean              docket_reminder_policy_is_working_time (DocketReminderPolicy *self,
                                                              gint64                now,
                                                              DocketDate           *out_day);
gint64                docket_reminder_policy_morning_of     (DocketReminderPolicy *self,
                                                             DocketDate            day);
gint64                docket_reminder_policy_next_morning   (DocketReminderPolicy *self,
                                                             gint64                after);
gint64                docket_reminder_policy_next_working_time (DocketReminderPolicy *self,
                                                                gint64                instant);
DocketDate            docket_reminder_policy_lookahead_end  (DocketReminderPolicy *self,
                                                             DocketDate            today);
guint                 docket_reminder_policy_due            (DocketReminderPolicy *self,
                                                             const DocketItem     *item,
                                                             gint64                now,
                                                             GArray               *out_reminders);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketReminderPolicy, docket_reminder_policy_unref)

G_END_DECLS
