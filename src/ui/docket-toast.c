/* docket-toast.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "docket-toast.h"

typedef struct
{
  GtkWidget *widget;
  char      *action;
  GVariant  *target;
} ToastUndo;

static void
toast_undo_free (gpointer  data,
                 GClosure *closure)
{
  ToastUndo *undo = data;

  g_object_unref (undo->widget);
  g_free (undo->action);
  g_clear_pointer (&undo->target, g_variant_unref);
  g_free (undo);
}

/* The toast lives in the window's overlay, outside the widget that removed
 * something, so its button cannot name that widget's actions; it activates them on
 * the widget instead. */
static void
on_toast_button_clicked_cb (AdwToast  *toast,
                            ToastUndo *undo)
{
  gtk_widget_activate_action_variant (undo->widget, undo->action, undo->target);
}

void
docket_toast_show (GtkWidget  *source,
                   const char *text,
                   const char *button,
                   const char *action,
                   GVariant   *target)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (source, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (target != NULL)
    g_variant_ref_sink (target);
  if (overlay == NULL)
    {
      g_message ("%s", text);
      g_clear_pointer (&target, g_variant_unref);
      return;
    }

  toast = adw_toast_new (text);
  if (button != NULL && action != NULL)
    {
      ToastUndo *undo = g_new0 (ToastUndo, 1);

      undo->widget = g_object_ref (source);
      undo->action = g_strdup (action);
      undo->target = g_steal_pointer (&target);
      adw_toast_set_button_label (toast, button);
      adw_toast_set_timeout (toast, 8);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_toast_button_clicked_cb),
                             undo, toast_undo_free, 0);
    }
  g_clear_pointer (&target, g_variant_unref);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}
