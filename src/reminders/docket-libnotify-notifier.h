/* docket-libnotify-notifier.h: notifications through libnotify
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-notifier.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_LIBNOTIFY_NOTIFIER (docket_libnotify_notifier_get_type ())

G_DECLARE_FINAL_TYPE (DocketLibnotifyNotifier, docket_libnotify_notifier,
                      DOCKET, LIBNOTIFY_NOTIFIER, GObject)

DocketNotifier *docket_libnotify_notifier_new (const char *app_name);

G_END_DECLS
