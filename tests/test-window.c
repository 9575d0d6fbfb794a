/* test-window.c: the main window, its areas and dialogs, in a real window
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "docket-application.h"
#include "docket-items-view.h"
#include "docket-meetings-view.h"
#include "docket-preferences-window.h"
#include "docket-reminder-service.h"
#include "docket-store-items.h"
#include "docket-store-meetings.h"
#include "docket-store-sample.h"
#include "docket-store-settings.h"
#include "docket-store-units.h"
#include "docket-test-support.h"
#include "docket-test-ui.h"
#include "docket-units-view.h"
#include "docket-window.h"

typedef struct
{
  const char *name;
  const char *title_en;
  const char *title_vi;
  const char *empty_en;
  const char *empty_vi;
} Area;

/* What a person sees on each area, in both languages: the page title in the view
 * switcher and the empty state's heading. */
static const Area areas[] = {
  { "dashboard", "Dashboard", "Tổng quan", "Nothing to Report Yet", "Chưa có gì để báo cáo" },
  { "meetings", "Meetings", "Cuộc họp", "No Meetings Yet", "Chưa có cuộc họp nào" },
  { "items", "Directive Items", "Nhiệm vụ", "No Directive Items", "Chưa có nhiệm vụ nào" },
  { "units", "Units", "Đơn vị", "No Units Yet", "Chưa có đơn vị nào" },
};

static DocketApplication *app;

/* The Vietnamese run is asked for by the test environment, not guessed from the
 * locale, so that a missing vi_VN.UTF-8 locale fails the test instead of quietly
 * running it in English. */
static gboolean
is_vietnamese (void)
{
  return g_strcmp0 (g_getenv ("DOCKET_TEST_LANGUAGE"), "vi") == 0;
}

static const char *
lang (void)
{
  return is_vietnamese () ? "vi" : "en";
}

static char *
screenshot_path (const char *what)
{
  g_autofree char *name = g_strdup_printf ("screenshot-%s-%s.png", what, lang ());
  return g_test_build_filename (G_TEST_BUILT, name, NULL);
}

static DocketWindow *
main_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (DOCKET_IS_WINDOW (window));
  return DOCKET_WINDOW (window);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (g_type_is_a (G_OBJECT_TYPE (window), type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static void
test_window_areas (void)
{
  DocketWindow *window = main_window ();

  if (is_vietnamese ())
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Docket");

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      g_autofree char *path = screenshot_path (areas[i].name);
      const char *title = is_vietnamese () ? areas[i].title_vi : areas[i].title_en;
      const char *empty = is_vietnamese () ? areas[i].empty_vi : areas[i].empty_en;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-area", "s", areas[i].name);
      docket_test_iterate (100);

      g_assert_cmpstr (docket_window_get_visible_area (window), ==, areas[i].name);
      g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), title, 3000));
      g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), empty, 3000));
      docket_test_ui_screenshot (GTK_WIDGET (window), path);
    }
}

static void
open_dialog_and_screenshot (const char *action,
                            GType       type,
                            const char *what,
                            const char *title_en,
                            const char *title_vi)
{
  DocketWindow *window = main_window ();
  g_autofree char *path = screenshot_path (what);
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  docket_test_iterate (100);
  dialog = find_toplevel (type);
  g_assert_nonnull (dialog);
  docket_test_ui_wait_drawn (GTK_WIDGET (dialog));
  if (title_en != NULL)
    g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (dialog),
                                               is_vietnamese () ? title_vi : title_en, 3000));
  docket_test_ui_screenshot (GTK_WIDGET (dialog), path);
  gtk_window_destroy (dialog);
  docket_test_iterate (50);
}

static void
test_window_about (void)
{
  open_dialog_and_screenshot ("app.about", ADW_TYPE_ABOUT_WINDOW, "about", NULL, NULL);
}

static void
test_window_shortcuts (void)
{
  open_dialog_and_screenshot ("win.show-help-overlay", GTK_TYPE_SHORTCUTS_WINDOW, "shortcuts",
                              "Show Shortcuts", "Hiện phím tắt");
}

static char *
stored_setting (const char *key)
{
  g_autoptr(GError) error = NULL;
  DocketStore *store = docket_application_get_store (app, NULL);
  char *value;

  g_assert_nonnull (store);
  value = docket_store_dup_setting (store, key, &error);
  g_assert_no_error (error);
  return value;
}

/* Types into an entry row and applies it.  AdwEntryRow shows its apply button (and
 * applies on Enter) only while its text has the keyboard focus, which a window
 * never gets without a window manager, as under Xvfb; so the test emits the row's
 * "apply", which is what the tick and Enter do. */
static void
type_and_enter (GtkWidget  *row,
                const char *text)
{
  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  docket_test_iterate (20);
  g_signal_emit_by_name (row, "apply");
  docket_test_iterate (50);
}

/* The reminder policy's numbers are edited in Preferences and stored in the file,
 * where the running reminders and docketctl read them. */
static void
test_window_reminder_settings (void)
{
  DocketWindow *window = main_window ();
  GtkWindow *dialog;
  GtkWidget *days_row, *end_row;
  DocketReminderService *reminders = docket_application_get_reminders (app);
  g_autofree char *days = NULL, *end = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL));
  docket_test_iterate (100);
  dialog = find_toplevel (DOCKET_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (dialog);
  docket_test_ui_wait_drawn (GTK_WIDGET (dialog));
  days_row = docket_test_ui_find_row (GTK_WIDGET (dialog),
                                      _("Working days before the deadline (0 is the day itself)"));
  end_row = docket_test_ui_find_row (GTK_WIDGET (dialog), _("Working day ends at"));
  g_assert_nonnull (days_row);
  g_assert_nonnull (end_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (days_row)), ==, "3, 1, 0");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (end_row)), ==, "17:00");

  type_and_enter (days_row, "5 2");
  days = stored_setting ("reminders.days-before");
  g_assert_cmpstr (days, ==, "5, 2");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (days_row)), ==, "5, 2");
  g_assert_false (gtk_widget_has_css_class (days_row, "error"));
  if (reminders != NULL)
    {
      const DocketReminderSettings *running =
        docket_reminder_policy_get_settings (docket_reminder_service_get_policy (reminders));

      g_assert_cmpuint (running->n_days_before, ==, 2);
      g_assert_cmpuint (running->days_before[0], ==, 5);
    }

  /* A day that ends before it starts: marked, kept as typed, nothing stored. */
  type_and_enter (end_row, "06:00");
  g_assert_true (gtk_widget_has_css_class (end_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (end_row)), ==, "06:00");
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (dialog),
                                                _("The working day must end after it starts."),
                                                3000));
  end = stored_setting ("reminders.work-end");
  g_assert_cmpstr (end, ==, "17:00");

  /* Back to the defaults for the other tests. */
  type_and_enter (end_row, "17:00");
  type_and_enter (days_row, "3, 1, 0");
  g_assert_false (gtk_widget_has_css_class (end_row, "error"));
  gtk_window_destroy (dialog);
  docket_test_iterate (50);
}

static void
test_window_preferences (void)
{
  GSettings *settings = docket_application_get_settings (app);
  AdwStyleManager *style = adw_style_manager_get_default ();

  open_dialog_and_screenshot ("app.preferences", DOCKET_TYPE_PREFERENCES_WINDOW, "preferences",
                              "Due soon warning", "Cảnh báo sắp hết hạn");

  /* The style preference reaches the whole application. */
  g_settings_set_string (settings, "color-scheme", "dark");
  docket_test_iterate (50);
  g_assert_true (adw_style_manager_get_dark (style));
  g_settings_set_string (settings, "color-scheme", "light");
  docket_test_iterate (50);
  g_assert_false (adw_style_manager_get_dark (style));
  g_settings_reset (settings, "color-scheme");
}

static void
test_window_size_restored (void)
{
  GSettings *settings = docket_application_get_settings (app);
  DocketWindow *second;
  int width, height;

  g_settings_set_int (settings, "window-width", 800);
  g_settings_set_int (settings, "window-height", 600);
  g_settings_set_string (settings, "last-area", "units");

  second = docket_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 800);
  g_assert_cmpint (height, ==, 600);
  g_assert_cmpstr (docket_window_get_visible_area (second), ==, "units");

  /* Closing stores the size and area back. */
  gtk_window_present (GTK_WINDOW (second));
  docket_test_ui_wait_drawn (GTK_WIDGET (second));
  gtk_window_set_default_size (GTK_WINDOW (second), 900, 640);
  adw_view_stack_set_visible_child_name (
    ADW_VIEW_STACK (docket_test_ui_find_by_type (GTK_WIDGET (second), ADW_TYPE_VIEW_STACK)),
    "meetings");
  gtk_window_close (GTK_WINDOW (second));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  {
    g_autofree char *area = g_settings_get_string (settings, "last-area");
    g_assert_cmpstr (area, ==, "meetings");
  }
}

/* A window opened on one area reads the meetings list and the unit tree only when
 * their areas are shown: hidden, they would make rows nobody sees. */
/* The sample's items area and one item's page, as a person sees them, in the run's
 * language (the screenshots): the count in words, and the page showing the
 * item's words and its status. */
static void
test_window_sample_screens (void)
{
  DocketWindow *window = main_window ();
  DocketStore *store = docket_application_get_store (app, NULL);
  DocketItemsView *view = DOCKET_ITEMS_VIEW (docket_test_ui_find_by_type (GTK_WIDGET (window),
                                                                          DOCKET_TYPE_ITEMS_VIEW));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *items_shot = screenshot_path ("items-sample");
  g_autofree char *page_shot = screenshot_path ("item-page");
  DocketItemQuery query;
  const DocketItemRow *row;

  g_assert_true (docket_store_load_sample (store, &error));
  g_assert_no_error (error);
  docket_items_view_set_today (view, docket_store_sample_reference_date ());
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-area", "s", "items");
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (view),
                                                is_vietnamese () ? "18 nhiệm vụ" : "18 items", 5000));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (view),
                                                is_vietnamese () ? "Đang thực hiện quá hạn"
                                                                 : "In progress, overdue", 5000));
  g_assert_cmpstr (docket_window_get_visible_area (window), ==, "items");
  docket_test_iterate (200);
  docket_test_ui_screenshot (GTK_WIDGET (window), items_shot);

  /* An overdue item's page. */
  docket_item_query_init (&query, docket_store_sample_reference_date ());
  query.view = DOCKET_ITEM_VIEW_OVERDUE;
  rows = docket_store_list_items_at (store, &query, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-item", "x", (gint64) row->item->id);
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (view), row->item->content, 5000));
  docket_test_iterate (200);
  docket_test_ui_screenshot (GTK_WIDGET (window), page_shot);
}

static void
test_window_hidden_areas_wait (void)
{
  GSettings *settings = docket_application_get_settings (app);
  DocketStore *store = docket_application_get_store (app, NULL);
  g_autoptr(DocketMeeting) meeting = docket_meeting_new ();
  g_autoptr(GError) error = NULL;
  DocketUnit unit = { .name = (char *) "Phòng Tư pháp" };
  DocketMeetingsView *meetings;
  DocketUnitsView *units;
  AdwViewStack *stack;
  DocketWindow *other;
  guint n_meetings = 0;

  meeting->title = g_strdup ("Giao ban tháng 8");
  meeting->date = docket_date_new (2026, 8, 3);
  meeting->kind = DOCKET_MEETING_KIND_REGULAR;
  g_assert_cmpint (docket_store_add_meeting (store, meeting, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (docket_store_add_unit (store, &unit, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (docket_store_count_meetings (store, -1, 0, &n_meetings, &error));
  g_assert_cmpuint (n_meetings, >, 0);

  g_settings_set_string (settings, "last-area", "items");
  other = docket_window_new (app);
  gtk_window_present (GTK_WINDOW (other));
  docket_test_ui_wait_drawn (GTK_WIDGET (other));
  meetings = DOCKET_MEETINGS_VIEW (docket_test_ui_find_by_type (GTK_WIDGET (other),
                                                                DOCKET_TYPE_MEETINGS_VIEW));
  units = DOCKET_UNITS_VIEW (docket_test_ui_find_by_type (GTK_WIDGET (other),
                                                          DOCKET_TYPE_UNITS_VIEW));
  g_assert_cmpuint (docket_meetings_view_get_n_shown (meetings), ==, 0);
  g_assert_cmpuint (docket_units_view_get_n_shown (units), ==, 0);

  stack = ADW_VIEW_STACK (docket_test_ui_find_by_type (GTK_WIDGET (other), ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (stack, "meetings");
  docket_test_iterate (100);
  g_assert_cmpuint (docket_meetings_view_get_n_shown (meetings), ==, n_meetings);
  adw_view_stack_set_visible_child_name (stack, "units");
  docket_test_iterate (100);
  g_assert_cmpuint (docket_units_view_get_n_shown (units), >=, 1);
  gtk_window_destroy (GTK_WINDOW (other));
  docket_test_iterate (50);
  g_settings_reset (settings, "last-area");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *database = NULL;
  int ret;

  docket_application_setup_i18n ();
  if (!docket_test_ui_init (&argc, &argv))
    {
      g_test_skip ("No display");
      return g_test_run ();
    }
  adw_init ();
  tmpdir = docket_test_tmpdir_new ();
  database = g_build_filename (tmpdir, "docket.db", NULL);
  g_setenv ("DOCKET_DATABASE", database, TRUE);
  if (is_vietnamese ())
    {
      const char *messages = setlocale (LC_MESSAGES, NULL);
      if (messages == NULL || !g_str_has_prefix (messages, "vi"))
        g_error ("The vi_VN.UTF-8 locale is missing (generate it with localedef)");
    }

  app = g_object_new (DOCKET_TYPE_APPLICATION,
                      "application-id", APP_ID,
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", RESOURCE_PREFIX,
                      NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  docket_test_ui_wait_drawn (GTK_WIDGET (main_window ()));

  g_test_add_func ("/docket/window/areas", test_window_areas);
  g_test_add_func ("/docket/window/sample-screens", test_window_sample_screens);
  g_test_add_func ("/docket/window/about", test_window_about);
  g_test_add_func ("/docket/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/docket/window/preferences", test_window_preferences);
  g_test_add_func ("/docket/window/reminder-settings", test_window_reminder_settings);
  g_test_add_func ("/docket/window/size-restored", test_window_size_restored);
  g_test_add_func ("/docket/window/hidden-areas-wait", test_window_hidden_areas_wait);

  ret = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (main_window ()));
  g_clear_object (&app);
  docket_test_tmpdir_free (g_steal_pointer (&tmpdir));
  return ret;
}
