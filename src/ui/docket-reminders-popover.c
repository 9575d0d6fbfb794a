/* docket-reminders-popover.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-reminders"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "docket-reminders-popover.h"
#include "docket-store-reminders.h"
#include "docket-toast.h"

/* Without a notification server (or when notifications were missed) reminders are
 * still logged; this list shows them, newest first, with Open, Snooze until the
 * next working morning, and Dismiss. */

#define MAX_SHOWN 50

struct _DocketRemindersPopover
{
  GtkPopover             parent_instance;

  DocketStore           *store;
  DocketReminderService *service;
  GtkListBox            *list;
};

G_DEFINE_FINAL_TYPE (DocketRemindersPopover, docket_reminders_popover, GTK_TYPE_POPOVER)

static GtkWidget *
row_button (const char *icon,
            const char *label,
            const char *action,
            GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

guint
docket_reminders_popover_refresh (DocketRemindersPopover *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *child;

  g_return_val_if_fail (DOCKET_IS_REMINDERS_POPOVER (self), 0);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->store == NULL || self->service == NULL)
    return 0;
  entries = docket_store_list_reminders (self->store, DOCKET_REMINDER_LIST_PENDING, MAX_SHOWN, NULL);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      DocketReminderEntry *entry = g_ptr_array_index (entries, i);
      DocketId item_id = entry->candidate->item->id;
      DocketId log_id = entry->log_id;
      g_autoptr(DocketDueReminder) due = docket_reminder_service_dup_due_for_entry (self->service, entry);
      g_autofree char *title = docket_due_reminder_dup_title (due);
      g_autofree char *body = docket_due_reminder_dup_body (due);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), body);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button ("go-next-symbolic", _("Open the Item"),
                                             "reminders.open", g_variant_new_int64 (item_id)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button ("alarm-symbolic", _("Remind Me Tomorrow Morning"),
                                             "reminders.snooze", g_variant_new_int64 (log_id)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button ("window-close-symbolic", _("Dismiss"),
                                             "reminders.dismiss", g_variant_new_int64 (log_id)));
      gtk_list_box_append (self->list, row);
    }
  return entries ? entries->len : 0;
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_popover_popdown (GTK_POPOVER (widget));
  gtk_widget_activate_action (widget, "win.show-item", "x", g_variant_get_int64 (parameter));
}

static void
snooze_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DocketRemindersPopover *self = DOCKET_REMINDERS_POPOVER (widget);
  g_autoptr(GError) error = NULL;

  /* 0: the next working morning, by the policy's calendar. */
  if (!docket_reminder_service_snooze (self->service, g_variant_get_int64 (parameter), 0, &error))
    docket_toast_show (widget, error->message, NULL, NULL, NULL);
  docket_reminders_popover_refresh (self);
}

static void
dismiss_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DocketRemindersPopover *self = DOCKET_REMINDERS_POPOVER (widget);
  g_autoptr(GError) error = NULL;

  if (!docket_reminder_service_dismiss (self->service, g_variant_get_int64 (parameter), &error))
    docket_toast_show (widget, error->message, NULL, NULL, NULL);
  docket_reminders_popover_refresh (self);
}

static void
docket_reminders_popover_show (GtkWidget *widget)
{
  docket_reminders_popover_refresh (DOCKET_REMINDERS_POPOVER (widget));
  GTK_WIDGET_CLASS (docket_reminders_popover_parent_class)->show (widget);
}

static void
docket_reminders_popover_dispose (GObject *object)
{
  DocketRemindersPopover *self = DOCKET_REMINDERS_POPOVER (object);

  g_clear_object (&self->store);
  g_clear_object (&self->service);

  G_OBJECT_CLASS (docket_reminders_popover_parent_class)->dispose (object);
}

static void
docket_reminders_popover_class_init (DocketRemindersPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_reminders_popover_dispose;
  widget_class->show = docket_reminders_popover_show;

  gtk_widget_class_install_action (widget_class, "reminders.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "reminders.snooze", "x", snooze_action);
  gtk_widget_class_install_action (widget_class, "reminders.dismiss", "x", dismiss_action);
}

static void
docket_reminders_popover_init (DocketRemindersPopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Reminders"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *placeholder = gtk_label_new (_("No reminders are waiting."));

  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_placeholder (self->list, placeholder);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reminders"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 480);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_widget_set_size_request (box, 380, -1);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (self), box);
}

GtkWidget *
docket_reminders_popover_new (void)
{
  return g_object_new (DOCKET_TYPE_REMINDERS_POPOVER, NULL);
}

void
docket_reminders_popover_set_service (DocketRemindersPopover *self,
                                      DocketStore            *store,
                                      DocketReminderService  *service)
{
  g_return_if_fail (DOCKET_IS_REMINDERS_POPOVER (self));

  g_set_object (&self->store, store);
  g_set_object (&self->service, service);
}
