/* docket-tooltip.c: tooltips on widgets being made
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "docket-tooltip.h"

/**
 * docket_tooltip_set_on_new:
 * @widget: a widget not yet in a window
 * @text: its tooltip
 *
 * gtk_widget_set_tooltip_text (), without its cost on a widget not yet shown.  GTK
 * 4.8 looks for a tooltip to update each time a tooltip is set on a visible widget,
 * asking the display server where the pointer is: a round trip to the X server for
 * every button of every row a list makes (a third of the time three hundred units
 * took to make their rows).  A hidden widget asks nothing; @widget is hidden while
 * its tooltip is set, and shown again.
 */
void
docket_tooltip_set_on_new (GtkWidget  *widget,
                           const char *text)
{
  gboolean visible;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (!gtk_widget_get_mapped (widget));

  visible = gtk_widget_get_visible (widget);
  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  gtk_widget_set_visible (widget, visible);
}
