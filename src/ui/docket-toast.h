/* docket-toast.h: toasts in the window, with Undo reaching the widget that asked
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows @text in the nearest toast overlay above @source.  With @button, clicking it
 * activates @action (with @target, floating refs are sunk) on @source itself. */
void docket_toast_show (GtkWidget  *source,
                        const char *text,
                        const char *button,
                        const char *action,
                        GVariant   *target);

G_END_DECLS
