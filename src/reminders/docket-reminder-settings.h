/* docket-reminder-settings.h: the reminder policy's numbers, as people edit them
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-reminder-policy.h"
#include "docket-store.h"

G_BEGIN_DECLS

/* The longest lead time and escalation, in working days. */
#define DOCKET_REMINDER_MAX_DAYS_BEFORE 30
#define DOCKET_REMINDER_MAX_ESCALATION  250

gboolean  docket_reminder_settings_parse_days_before (DocketReminderSettings       *settings,
                                                      const char                   *text,
                                                      GError                      **error);
gboolean  docket_reminder_settings_parse_escalations (DocketReminderSettings       *settings,
                                                      const char                   *text,
                                                      GError                      **error);
gboolean  docket_reminder_settings_parse_hours       (DocketReminderSettings       *settings,
                                                      const char                   *start,
                                                      const char                   *end,
                                                      GError                      **error);
char     *docket_reminder_settings_format_days_before (const DocketReminderSettings *settings);
char     *docket_reminder_settings_format_escalations (const DocketReminderSettings *settings);
char     *docket_reminder_settings_format_time        (guint                         minutes);

gboolean  docket_reminder_settings_load              (DocketReminderSettings       *settings,
                                                      DocketStore                  *store,
                                                      GError                      **error);
gboolean  docket_reminder_settings_save              (const DocketReminderSettings *settings,
                                                      DocketStore                  *store,
                                                      GError                      **error);

G_END_DECLS
