/* docket-reminder-service.h: finds, claims, groups and sends due reminders
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "docket-clock.h"
#include "docket-due-reminder.h"
#include "docket-notifier.h"

G_BEGIN_DECLS

/* With more reminders than this at once for one recipient, one summary
 * notification replaces them. */
#define DOCKET_REMINDER_SUMMARY_THRESHOLD 3

#define DOCKET_TYPE_REMINDER_SERVICE (docket_reminder_service_get_type ())

G_DECLARE_FINAL_TYPE (DocketReminderService, docket_reminder_service,
                      DOCKET, REMINDER_SERVICE, GObject)

DocketReminderService *docket_reminder_service_new          (DocketStore          *store,
                                                             DocketReminderPolicy *policy,
                                                             DocketClock          *clock,
                                                             DocketNotifier       *notifier);

void                   docket_reminder_service_set_policy   (DocketReminderService *self,
                                                             DocketReminderPolicy  *policy);
DocketReminderPolicy  *docket_reminder_service_get_policy   (DocketReminderService *self);
void                   docket_reminder_service_set_my_units (DocketReminderService *self,
                                                             const DocketId        *unit_ids,
                                                             guint                  n_unit_ids);
void                   docket_reminder_service_set_sender   (DocketReminderService *self,
                                                             const char            *claimed_by);

GPtrArray             *docket_reminder_service_list_due     (DocketReminderService *self,
                                                             gint64                 now,
                                                             GError               **error);
gboolean               docket_reminder_service_run_due      (DocketReminderService *self,
                                                             gint64                 now,
                                                             guint                 *out_n_claimed,
                                                             guint                 *out_n_notified,
                                                             GError               **error);
gint64                 docket_reminder_service_get_next_wakeup (DocketReminderService *self,
                                                                gint64                 now,
                                                                GError               **error);
guint                  docket_reminder_service_plan_delay   (DocketReminderService *self,
                                                             gint64                 now);

gboolean               docket_reminder_service_snooze       (DocketReminderService *self,
                                                             DocketId               log_id,
                                                             gint64                 until,
                                                             GError               **error);
gboolean               docket_reminder_service_dismiss      (DocketReminderService *self,
                                                             DocketId               log_id,
                                                             GError               **error);

void                   docket_reminder_service_set_run_in_thread (DocketReminderService *self,
                                                                gboolean               in_thread);
gboolean               docket_reminder_service_is_busy      (DocketReminderService *self);
void                   docket_reminder_service_start        (DocketReminderService *self);
void                   docket_reminder_service_stop         (DocketReminderService *self);
void                   docket_reminder_service_replan       (DocketReminderService *self);
guint                  docket_reminder_service_get_n_wakeups (DocketReminderService *self);
DocketDueReminder     *docket_reminder_service_dup_due_for_entry (DocketReminderService *self,
                                                                  DocketReminderEntry   *entry);

G_END_DECLS
