/* docket-background.h: starting at login and running without a window
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Called when the desktop refuses to let Docket run in the background (inside
 * Flatpak, the person said no to the portal's question or turned it off). */
typedef void (*DocketBackgroundDeniedFunc) (gpointer user_data);

gboolean docket_background_uses_portal (void);
void     docket_background_set_autostart (GApplication               *app,
                                          gboolean                    wanted,
                                          DocketBackgroundDeniedFunc  denied,
                                          gpointer                    user_data);

G_END_DECLS
