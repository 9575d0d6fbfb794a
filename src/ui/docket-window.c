/* docket-window.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-window"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-dashboard-view.h"
#include "docket-import-dialog.h"
#include "docket-items-view.h"
#include "docket-meetings-view.h"
#include "docket-reminders-popover.h"
#include "docket-search-popover.h"
#include "docket-units-view.h"
#include "docket-window.h"

struct _DocketWindow
{
  AdwApplicationWindow parent_instance;

  GSettings    *settings;

  AdwViewStack       *stack;
  DocketMeetingsView *meetings_view;
  DocketItemsView    *items_view;
  DocketDashboardView *dashboard_view;
  DocketUnitsView    *units_view;
  GtkMenuButton      *search_button;
  DocketSearchPopover *search_popover;
  GtkMenuButton      *reminders_button;
};

G_DEFINE_FINAL_TYPE (DocketWindow, docket_window, ADW_TYPE_APPLICATION_WINDOW)

static void
restore_window_state (DocketWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (DocketWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  /* The default size of a maximized window is its size before it was maximized, which
   * is the size to come back to. */
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_string (self->settings, "last-area", docket_window_get_visible_area (self));
  g_settings_apply (self->settings);
}

static gboolean
docket_window_close_request (GtkWindow *window)
{
  save_window_state (DOCKET_WINDOW (window));
  /* What is typed but not yet stored goes in before the window closes. */
  docket_meetings_view_flush (DOCKET_WINDOW (window)->meetings_view);
  return GTK_WINDOW_CLASS (docket_window_parent_class)->close_request (window);
}

static void
docket_window_show_area_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  DocketWindow *self = DOCKET_WINDOW (widget);
  const char *area = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->stack, area) == NULL)
    {
      g_warning ("No area named “%s”", area);
      return;
    }
  adw_view_stack_set_visible_child_name (self->stack, area);
}

/* A refused file (from a newer Docket, damaged, not a Docket file) is explained
 * where the work would be, and nothing is written to it. */
static void
show_store_error (DocketWindow *self,
                  const GError *error)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Docket Cannot Open the Records"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), error ? error->message : "");
  /* The toast overlay is the window's content (not a bound template child: disposing it
   * before the view switchers trips libadwaita 1.2). */
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (adw_application_window_get_content (
                                 ADW_APPLICATION_WINDOW (self))), page);
}

static void
docket_window_new_meeting_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  DocketWindow *self = DOCKET_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "meetings");
  docket_meetings_view_new_meeting (self->meetings_view);
}

static void
docket_window_show_item_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  DocketWindow *self = DOCKET_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "items");
  docket_items_view_show_item (self->items_view, g_variant_get_int64 (parameter));
}

static void
docket_window_show_items_view_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  DocketWindow *self = DOCKET_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "items");
  docket_items_view_show_view (self->items_view, g_variant_get_string (parameter, NULL));
}

/* A figure of the period report: (view, completion, from, to, day, deadline_to). */
static void
docket_window_show_report_items_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  DocketWindow *self = DOCKET_WINDOW (widget);
  const char *view = NULL;
  guint32 completion = 0;
  gint64 from = 0, to = 0, day = 0, deadline_to = 0;

  g_variant_get (parameter, "(&suxxxx)", &view, &completion, &from, &to, &day, &deadline_to);
  if (completion > DOCKET_ITEM_COMPLETION_LATE || day <= 0 || from < 0 || to < 0 ||
      deadline_to < 0 || day > G_MAXUINT32 || from > G_MAXUINT32 || to > G_MAXUINT32 ||
      deadline_to > G_MAXUINT32)
    return;
  adw_view_stack_set_visible_child_name (self->stack, "items");
  docket_items_view_show_figure (self->items_view, view, (DocketItemCompletion) completion,
                                 (DocketDate) from, (DocketDate) to, (DocketDate) day,
                                 (DocketDate) deadline_to);
}

static void
docket_window_show_unit_items_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  DocketWindow *self = DOCKET_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "items");
  docket_items_view_show_unit (self->items_view, g_variant_get_int64 (parameter));
}

static void
docket_window_show_meeting_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  DocketWindow *self = DOCKET_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "meetings");
  docket_meetings_view_open_meeting (self->meetings_view, g_variant_get_int64 (parameter));
}

static void
docket_window_search_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  gtk_menu_button_popup (DOCKET_WINDOW (widget)->search_button);
}

static void
on_import_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               DocketWindow    *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GFile) file = NULL;
  DocketStore *store;
  DocketImportDialog *dialog;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (store = docket_application_get_store (DOCKET_APPLICATION (app), NULL)) != NULL)
    {
      dialog = docket_import_dialog_new (GTK_WINDOW (self), store);
      docket_import_dialog_load (dialog, file);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_object_unref (chooser);
}

static void
docket_window_import_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import a Tracker"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  gtk_file_filter_set_name (filter, _("Spreadsheets saved as CSV or text"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chooser_response_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The application is not a construct property of GtkWindow, so this runs once it is
 * set rather than in constructed (). */
static void
docket_window_setup (DocketWindow      *self,
                     DocketApplication *app)
{
  g_autofree char *last_area = NULL;

  DocketStore *store;
  const GError *error = NULL;

  self->settings = g_object_ref (docket_application_get_settings (app));
  store = docket_application_get_store (app, &error);
  if (store != NULL)
    {
      docket_meetings_view_set_store (self->meetings_view, store);
      docket_items_view_set_store (self->items_view, store, self->settings);
      docket_dashboard_view_set_store (self->dashboard_view, store);
      docket_units_view_set_store (self->units_view, store);
      {
        GtkWidget *popover = docket_reminders_popover_new ();

        docket_reminders_popover_set_service (DOCKET_REMINDERS_POPOVER (popover), store,
                                              docket_application_get_reminders (app));
        gtk_menu_button_set_popover (self->reminders_button, popover);
      }
      docket_search_popover_set_store (self->search_popover, store);
    }
  else
    show_store_error (self, error);
  restore_window_state (self);

  last_area = g_settings_get_string (self->settings, "last-area");
  if (adw_view_stack_get_child_by_name (self->stack, last_area) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, last_area);
}

static void
docket_window_dispose (GObject *object)
{
  DocketWindow *self = DOCKET_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOCKET_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (docket_window_parent_class)->dispose (object);
}

static void
docket_window_class_init (DocketWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = docket_window_dispose;
  window_class->close_request = docket_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/docket-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, meetings_view);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, items_view);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, dashboard_view);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, units_view);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, reminders_button);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, DocketWindow, search_popover);

  gtk_widget_class_install_action (widget_class, "win.show-area", "s",
                                   docket_window_show_area_action);
  gtk_widget_class_install_action (widget_class, "win.show-item", "x",
                                   docket_window_show_item_action);
  gtk_widget_class_install_action (widget_class, "win.show-items-view", "s",
                                   docket_window_show_items_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-report-items", "(suxxxx)",
                                   docket_window_show_report_items_action);
  gtk_widget_class_install_action (widget_class, "win.show-unit-items", "x",
                                   docket_window_show_unit_items_action);
  gtk_widget_class_install_action (widget_class, "win.show-meeting", "x",
                                   docket_window_show_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, docket_window_import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_install_action (widget_class, "win.new-meeting", NULL,
                                   docket_window_new_meeting_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-meeting", NULL);
  gtk_widget_class_install_action (widget_class, "win.search", NULL,
                                   docket_window_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
}

static void
docket_window_init (DocketWindow *self)
{
  g_type_ensure (DOCKET_TYPE_MEETINGS_VIEW);
  g_type_ensure (DOCKET_TYPE_ITEMS_VIEW);
  g_type_ensure (DOCKET_TYPE_DASHBOARD_VIEW);
  g_type_ensure (DOCKET_TYPE_UNITS_VIEW);
  g_type_ensure (DOCKET_TYPE_SEARCH_POPOVER);
  gtk_widget_init_template (GTK_WIDGET (self));
}

DocketWindow *
docket_window_new (DocketApplication *application)
{
  DocketWindow *self;

  g_return_val_if_fail (DOCKET_IS_APPLICATION (application), NULL);

  self = g_object_new (DOCKET_TYPE_WINDOW, "application", application, NULL);
  docket_window_setup (self, application);
  return self;
}

/**
 * docket_window_get_visible_area:
 *
 * Returns: the name of the area shown: `dashboard`, `meetings`, `items` or `units`
 */
const char *
docket_window_get_visible_area (DocketWindow *self)
{
  g_return_val_if_fail (DOCKET_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}
