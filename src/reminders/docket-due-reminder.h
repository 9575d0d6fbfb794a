/* docket-due-reminder.h: a reminder that is due, and its wording
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "docket-reminder-policy.h"
#include "docket-store-reminders.h"

G_BEGIN_DECLS

/**
 * DocketDueReminder:
 * @reminder: what the policy says is due
 * @key_kind: the kind's name in the log ("overdue", …)
 * @candidate: the item, its unit and its meeting
 * @log_id: the log row once claimed (or taken back from a snooze), else 0
 * @caught_up: it fell due while nobody was there to receive it (the computer was
 *   off or asleep): it is delivered late, grouped ("While you were away")
 */
typedef struct
{
  DocketReminder           reminder;
  char                    *key_kind;
  DocketReminderCandidate *candidate;
  DocketId                 log_id;
  gboolean                 caught_up;
} DocketDueReminder;

void docket_due_reminder_free (DocketDueReminder *due);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketDueReminder, docket_due_reminder_free)

char *docket_due_reminder_dup_title (const DocketDueReminder *due);
char *docket_due_reminder_dup_body  (const DocketDueReminder *due);

char *docket_due_reminder_dup_mailto (const DocketDueReminder *due);

char *docket_due_reminders_dup_summary_title (GPtrArray *group,
                                              gboolean   caught_up);
char *docket_due_reminders_dup_summary_body  (GPtrArray *group);

G_END_DECLS
