/* docket-application.h
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "docket-reminder-service.h"
#include "docket-store.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_APPLICATION (docket_application_get_type ())

G_DECLARE_FINAL_TYPE (DocketApplication, docket_application, DOCKET, APPLICATION, AdwApplication)

DocketApplication *docket_application_new            (void);
void               docket_application_setup_i18n     (void);
GSettings         *docket_application_get_settings   (DocketApplication *self);
const char        *docket_application_get_database_path (DocketApplication *self);
DocketStore       *docket_application_get_store      (DocketApplication *self,
                                                      const GError     **error);
DocketReminderService *docket_application_get_reminders (DocketApplication *self);

G_END_DECLS
