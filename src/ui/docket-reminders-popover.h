/* docket-reminders-popover.h: the reminders no notification showed, inside the app
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "docket-reminder-service.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_REMINDERS_POPOVER (docket_reminders_popover_get_type ())

G_DECLARE_FINAL_TYPE (DocketRemindersPopover, docket_reminders_popover, DOCKET, REMINDERS_POPOVER,
                      GtkPopover)

GtkWidget *docket_reminders_popover_new     (void);
void       docket_reminders_popover_set_service (DocketRemindersPopover *self,
                                                 DocketStore            *store,
                                                 DocketReminderService  *service);
/* Reads the list again; returns how many reminders wait. */
guint      docket_reminders_popover_refresh (DocketRemindersPopover *self);

G_END_DECLS
