/* test-dashboard.c: the Dashboard in a real window, on the sample records
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "docket-application.h"
#include "docket-dashboard-view.h"
#include "docket-store-items.h"
#include "docket-store-report.h"
#include "docket-store-sample.h"
#include "docket-store-units.h"
#include "docket-test-support.h"
#include "docket-test-ui.h"

static char *tmpdir;
static char *database;
static DocketStore *store;
static GtkWindow *window;
static DocketDashboardView *view;
/* What the window's actions were last asked for. */
static gint64 shown_item;
static gint64 shown_unit;

static DocketStore *
open_reader (void)
{
  g_autoptr(GError) error = NULL;
  DocketStore *reader = docket_store_open (database, &error);

  g_assert_no_error (error);
  return reader;
}

static void
show_item_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  shown_item = g_variant_get_int64 (parameter);
}

static void
show_unit_items_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  shown_unit = g_variant_get_int64 (parameter);
}

static gboolean
is_idle (gpointer data)
{
  return !docket_dashboard_view_is_busy (DOCKET_DASHBOARD_VIEW (data));
}

/* The report is counted in a worker; wait for its answer to be shown. */
static void
wait_report (void)
{
  g_assert_true (docket_test_wait_until (is_idle, view, 5000));
  docket_test_iterate (100);
}

static char *
percent_text (gint64 part,
              gint64 whole)
{
  g_autofree char *percent = docket_format_percent (docket_report_percent (part, whole));
  return g_strdup_printf ("%s %%", percent);
}

static char *
headline_of (const DocketReportRow *total)
{
  g_autofree char *completed = docket_format_count (total->completed);
  g_autofree char *assigned = docket_format_count (total->assigned);
  g_autofree char *rate = percent_text (total->completed, total->assigned);

  return g_strdup_printf ("%s of %s items completed — %s", completed, assigned, rate);
}

static void
test_dashboard_empty_state (void)
{
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), "Nothing to Report Yet", 3000));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), "Load Sample Data", 3000));
}

/* The sample on its reference date, this year: 10 of 18, 55,56 %. */
static void
test_dashboard_sample (void)
{
  g_autofree char *shot = g_test_build_filename (G_TEST_BUILT, "screenshot-dashboard-sample.png",
                                                 NULL);
  g_autoptr(DocketStore) reader = NULL;
  g_autoptr(DocketReport) expected = NULL;
  g_autoptr(GError) error = NULL;
  DocketDate ref = docket_store_sample_reference_date ();
  DocketReport *shown;
  const DocketReportRow *total;

  docket_dashboard_view_set_today (view, ref);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "dashboard.load-sample", NULL));
  wait_report ();

  g_assert_cmpint (docket_dashboard_view_get_period (view), ==, DOCKET_DASHBOARD_PERIOD_YEAR);
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window),
                                             "10 of 18 items completed — 55,56 %", 3000));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), "10", 3000));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), "18", 3000));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), "55,56 %", 3000));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), "of 18 assigned", 3000));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window),
                                             "01/01/2026 – 31/12/2026, as of 15/10/2026", 3000));

  /* The figures are the store's report for the same period, figure for figure. */
  reader = open_reader ();
  expected = docket_store_compute_report (reader, docket_date_new (2026, 1, 1),
                                          docket_date_new (2026, 12, 31), ref, NULL, 0, &error);
  g_assert_no_error (error);
  shown = docket_dashboard_view_get_report (view);
  g_assert_nonnull (shown);
  total = docket_report_get_total (expected);
  g_assert_cmpmem (docket_report_get_total (shown), sizeof *total, total, sizeof *total);
  g_assert_cmpuint (total->completed, ==, 10);
  g_assert_cmpuint (total->assigned, ==, 18);
  {
    g_autofree char *overdue = docket_format_count (total->overdue);
    g_autofree char *late = docket_format_count (total->completed_late);

    g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), "In progress, overdue", 3000));
    g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), overdue, 3000));
    g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), "Completed late", 3000));
    g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), late, 3000));
  }

  docket_test_ui_screenshot (GTK_WIDGET (window), shot);
}

/* A unit's line: its name, its figures, its status words; the most overdue unit
 * comes first, and activating it asks for its items. */
static void
test_dashboard_units (void)
{
  g_autoptr(DocketStore) reader = open_reader ();
  g_autoptr(GPtrArray) units = docket_store_list_units (reader, TRUE, NULL);
  DocketReport *report = docket_dashboard_view_get_report (view);
  const DocketReportRow *rows, *worst = NULL;
  GtkListBox *list;
  GtkListBoxRow *first;
  const char *name = NULL;
  g_autofree char *completed = NULL;
  g_autofree char *assigned = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *badge = NULL;
  g_autofree char *n = NULL;
  guint n_rows = 0;

  rows = docket_report_get_unit_rows (report, &n_rows);
  /* Lagging first: the most overdue, then the lowest completion rate. */
  for (guint i = 0; i < n_rows; i++)
    if (worst == NULL || rows[i].overdue > worst->overdue ||
        (rows[i].overdue == worst->overdue &&
         docket_report_row_completion_percent (&rows[i]) <
         docket_report_row_completion_percent (worst)))
      worst = &rows[i];
  g_assert_nonnull (worst);
  g_assert_cmpuint (worst->overdue, >, 0);
  for (guint i = 0; i < units->len; i++)
    if (((DocketUnit *) g_ptr_array_index (units, i))->id == worst->unit_id)
      name = ((DocketUnit *) g_ptr_array_index (units, i))->name;
  g_assert_nonnull (name);

  /* The units list is the first list box; its first row is the most overdue unit. */
  list = GTK_LIST_BOX (docket_test_ui_find_by_type (GTK_WIDGET (view), GTK_TYPE_LIST_BOX));
  first = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (first);
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (first), name, 3000));

  completed = docket_format_count (worst->completed);
  assigned = docket_format_count (worst->assigned);
  rate = percent_text (worst->completed, worst->assigned);
  summary = g_strdup_printf ("%s of %s completed — %s", completed, assigned, rate);
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (first), summary, 3000));
  n = docket_format_count (worst->overdue);
  badge = g_strdup_printf ("In progress, overdue: %s", n);
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (first), badge, 3000));

  shown_unit = 0;
  g_signal_emit_by_name (first, "activate");
  docket_test_iterate (50);
  g_assert_cmpint (shown_unit, ==, worst->unit_id);
}

/* The longest overdue items, from the store's OVERDUE view by deadline; a row opens
 * its item. */
static void
test_dashboard_overdue (void)
{
  g_autoptr(DocketStore) reader = open_reader ();
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GError) error = NULL;
  DocketItemQuery query;
  GtkListBox *list;
  DocketItemRow *oldest;
  GtkListBoxRow *first;

  docket_item_query_init (&query, docket_store_sample_reference_date ());
  query.view = DOCKET_ITEM_VIEW_OVERDUE;
  query.sort = DOCKET_ITEM_SORT_DEADLINE;
  expected = docket_store_list_items_at (reader, &query, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, >, 0);
  oldest = g_ptr_array_index (expected, 0);

  lists = docket_test_ui_find_all (GTK_WIDGET (view), GTK_TYPE_LIST_BOX);
  list = g_ptr_array_index (lists, lists->len - 1);
  for (guint i = 0; i < expected->len; i++)
    {
      DocketItemRow *row = g_ptr_array_index (expected, i);
      GtkListBoxRow *shown_row = gtk_list_box_get_row_at_index (list, i);

      g_assert_nonnull (shown_row);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (shown_row)), ==,
                       row->item->content);
    }
  g_assert_null (gtk_list_box_get_row_at_index (list, expected->len));

  first = gtk_list_box_get_row_at_index (list, 0);
  {
    int days = docket_item_days_overdue (oldest->item, docket_store_sample_reference_date ());
    g_autofree char *text = g_strdup_printf (days == 1 ? "%d day overdue" : "%d days overdue", days);
    g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (first), text, 3000));
  }
  shown_item = 0;
  g_signal_emit_by_name (first, "activate");
  docket_test_iterate (50);
  g_assert_cmpint (shown_item, ==, oldest->item->id);
}

/* Another period shows the store's report for that period. */
static void
test_dashboard_period (void)
{
  g_autoptr(DocketStore) reader = open_reader ();
  g_autoptr(DocketReport) month = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *headline = NULL;
  GtkDropDown *dropdown = GTK_DROP_DOWN (docket_test_ui_find_by_type (GTK_WIDGET (view),
                                                                      GTK_TYPE_DROP_DOWN));

  gtk_drop_down_set_selected (dropdown, DOCKET_DASHBOARD_PERIOD_MONTH);
  wait_report ();
  g_assert_cmpint (docket_dashboard_view_get_period (view), ==, DOCKET_DASHBOARD_PERIOD_MONTH);
  month = docket_store_compute_report (reader, docket_date_new (2026, 10, 1),
                                       docket_date_new (2026, 10, 31),
                                       docket_store_sample_reference_date (), NULL, 0, &error);
  g_assert_no_error (error);
  headline = headline_of (docket_report_get_total (month));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), headline, 3000));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window),
                                             "01/10/2026 – 31/10/2026, as of 15/10/2026", 3000));

  docket_dashboard_view_set_period (view, DOCKET_DASHBOARD_PERIOD_YEAR);
  wait_report ();
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, DOCKET_DASHBOARD_PERIOD_YEAR);
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window),
                                             "10 of 18 items completed — 55,56 %", 3000));
}

/* A change made elsewhere shows without being asked for. */
static void
test_dashboard_follows_store (void)
{
  g_autoptr(GError) error = NULL;
  DocketItemQuery query;
  g_autoptr(GPtrArray) awaiting = NULL;
  DocketItemRow *row;

  docket_item_query_init (&query, docket_store_sample_reference_date ());
  query.view = DOCKET_ITEM_VIEW_AWAITING;
  awaiting = docket_store_list_items_at (store, &query, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (awaiting->len, ==, 1);
  row = g_ptr_array_index (awaiting, 0);
  docket_store_confirm_item (store, row->item->id, &error);
  g_assert_no_error (error);
  docket_test_iterate (50);
  wait_report ();
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window),
                                             "11 of 18 items completed — 61,11 %", 3000));
}

/* Narrow and dark: the cards wrap, the named colours follow the style. */
static void
test_dashboard_narrow_dark (void)
{
  g_autofree char *shot = g_test_build_filename (G_TEST_BUILT, "screenshot-dashboard-narrow-dark.png",
                                                 NULL);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_window_set_default_size (window, 360, 720);
  docket_test_iterate (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  docket_test_ui_screenshot (GTK_WIDGET (window), shot);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;
  g_autoptr(GSimpleActionGroup) win_actions = NULL;
  static const GActionEntry entries[] = {
    { "show-item", show_item_cb, "x", NULL, NULL, { 0 } },
    { "show-unit-items", show_unit_items_cb, "x", NULL, NULL, { 0 } },
  };
  int ret;

  docket_application_setup_i18n ();
  if (!docket_test_ui_init (&argc, &argv))
    {
      g_test_skip ("No display");
      return g_test_run ();
    }
  adw_init ();
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  tmpdir = docket_test_tmpdir_new ();
  database = g_build_filename (tmpdir, "docket.db", NULL);
  store = open_reader ();

  /* The view in a window of its own, with the window actions it asks for. */
  view = g_object_new (DOCKET_TYPE_DASHBOARD_VIEW, NULL);
  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (window, 1000, 900);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (view));
  win_actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (win_actions), entries, G_N_ELEMENTS (entries), NULL);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "win", G_ACTION_GROUP (win_actions));
  docket_dashboard_view_set_store (view, store);
  gtk_window_present (window);
  docket_test_ui_wait_drawn (GTK_WIDGET (window));
  wait_report ();

  g_test_add_func ("/docket/dashboard/empty-state", test_dashboard_empty_state);
  g_test_add_func ("/docket/dashboard/sample", test_dashboard_sample);
  g_test_add_func ("/docket/dashboard/units", test_dashboard_units);
  g_test_add_func ("/docket/dashboard/overdue", test_dashboard_overdue);
  g_test_add_func ("/docket/dashboard/period", test_dashboard_period);
  g_test_add_func ("/docket/dashboard/follows-store", test_dashboard_follows_store);
  g_test_add_func ("/docket/dashboard/narrow-dark", test_dashboard_narrow_dark);

  ret = g_test_run ();
  gtk_window_destroy (window);
  docket_test_iterate (50);
  g_clear_object (&store);
  docket_test_tmpdir_free (g_steal_pointer (&tmpdir));
  g_free (database);
  return ret;
}
