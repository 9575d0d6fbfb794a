/* docket-tooltip.h: tooltips on widgets being made
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void docket_tooltip_set_on_new (GtkWidget  *widget,
                                const char *text);

G_END_DECLS
