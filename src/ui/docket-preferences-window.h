/* docket-preferences-window.h
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "docket-store.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_PREFERENCES_WINDOW (docket_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (DocketPreferencesWindow, docket_preferences_window, DOCKET,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

DocketPreferencesWindow *docket_preferences_window_new (GSettings   *settings,
                                                        DocketStore *store);

G_END_DECLS
