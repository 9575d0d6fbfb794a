/* docket-window.h
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "docket-application.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_WINDOW (docket_window_get_type ())

G_DECLARE_FINAL_TYPE (DocketWindow, docket_window, DOCKET, WINDOW, AdwApplicationWindow)

DocketWindow *docket_window_new              (DocketApplication *application);
const char   *docket_window_get_visible_area (DocketWindow      *self);

G_END_DECLS
