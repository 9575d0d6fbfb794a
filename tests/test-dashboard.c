/* test-dashboard.c: the Dashboard in a real window, on the sample records
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "docket-application.h"
#include "docket-completion-chart.h"
#include "docket-dashboard-table.h"
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

/* The Vietnamese run is asked for by the test environment, so a missing vi_VN.UTF-8
 * locale fails instead of quietly running in English. */
static gboolean
is_vietnamese (void)
{
  return g_strcmp0 (g_getenv ("DOCKET_TEST_LANGUAGE"), "vi") == 0;
}

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
  return g_strdup_printf (_("%s %%"), percent);
}

static char *
headline_of (const DocketReportRow *total)
{
  g_autofree char *completed = docket_format_count (total->completed);
  g_autofree char *assigned = docket_format_count (total->assigned);
  g_autofree char *rate = percent_text (total->completed, total->assigned);

  return g_strdup_printf (_("%s of %s items completed — %s"), completed, assigned, rate);
}

static void
test_dashboard_empty_state (void)
{
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), _("Nothing to Report Yet"), 3000));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window),
                                                is_vietnamese () ? "Nạp dữ liệu mẫu"
                                                                 : "Load Sample Data", 3000));
}

/* The sample on its reference date, this year: 10 of 18, 55,56 %. */
static void
test_dashboard_sample (void)
{
  g_autofree char *name = g_strdup_printf ("screenshot-dashboard-sample-%s.png",
                                           is_vietnamese () ? "vi" : "en");
  g_autofree char *shot = g_test_build_filename (G_TEST_BUILT, name, NULL);
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
  /* Written out, not only through the translation, so a wrong catalogue fails. */
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window),
                                             is_vietnamese ()
                                             ? "Hoàn thành 10/18 nhiệm vụ — 55,56 %"
                                             : "10 of 18 items completed — 55,56 %", 3000));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), "10", 3000));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), "18", 3000));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), "55,56 %", 3000));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window),
                                             is_vietnamese () ? "trên tổng số 18 được giao"
                                                              : "of 18 assigned", 3000));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window),
                                             is_vietnamese ()
                                             ? "01/01/2026 – 31/12/2026, tính đến ngày 15/10/2026"
                                             : "01/01/2026 – 31/12/2026, as of 15/10/2026", 3000));

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

    g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), _("In progress, overdue"), 3000));
    g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), overdue, 3000));
    g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), _("Completed late"), 3000));
    g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), late, 3000));
  }

  docket_test_ui_screenshot (GTK_WIDGET (window), shot);
}

static const char *
name_of (GPtrArray *units,
         DocketId   id)
{
  for (guint i = 0; i < units->len; i++)
    if (((DocketUnit *) g_ptr_array_index (units, i))->id == id)
      return ((DocketUnit *) g_ptr_array_index (units, i))->name;
  return NULL;
}

/* The table of units: lagging first (the most overdue, then the lowest completion
 * rate), every figure the report's, sortable by any column's header, a row opening
 * the unit's items; the chart draws the same figures, lowest rate first, and says
 * them to screen readers. */
static void
test_dashboard_units (void)
{
  g_autoptr(DocketStore) reader = open_reader ();
  g_autoptr(GPtrArray) units = docket_store_list_units (reader, TRUE, NULL);
  DocketReport *report = docket_dashboard_view_get_report (view);
  const DocketReportRow *rows, *worst = NULL, *lowest = NULL;
  GtkColumnView *table;
  DocketCompletionChart *chart;
  g_autofree char *cell = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *first_name = NULL;
  guint n_rows = 0, n_with_items = 0;

  rows = docket_report_get_unit_rows (report, &n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      if (rows[i].assigned == 0)
        continue;
      n_with_items++;
      if (worst == NULL || rows[i].overdue > worst->overdue ||
          (rows[i].overdue == worst->overdue &&
           docket_report_row_completion_percent (&rows[i]) <
           docket_report_row_completion_percent (worst)))
        worst = &rows[i];
      if (lowest == NULL ||
          docket_report_row_completion_percent (&rows[i]) <
          docket_report_row_completion_percent (lowest))
        lowest = &rows[i];
    }
  g_assert_nonnull (worst);
  g_assert_cmpuint (worst->overdue, >, 0);

  table = GTK_COLUMN_VIEW (docket_test_ui_find_by_type (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW));
  g_assert_nonnull (table);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))),
                    ==, n_with_items);
  g_assert_cmpint (docket_dashboard_table_get_unit_id (table, 0), ==, worst->unit_id);
  cell = docket_dashboard_table_dup_cell (table, 0, DOCKET_DASHBOARD_COLUMN_UNIT);
  g_assert_cmpstr (cell, ==, name_of (units, worst->unit_id));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (table), cell, 3000));
  g_clear_pointer (&cell, g_free);
  cell = docket_dashboard_table_dup_cell (table, 0, DOCKET_DASHBOARD_COLUMN_RATE);
  expected = percent_text (worst->completed, worst->assigned);
  g_assert_cmpstr (cell, ==, expected);
  g_clear_pointer (&cell, g_free);
  g_clear_pointer (&expected, g_free);
  cell = docket_dashboard_table_dup_cell (table, 0, DOCKET_DASHBOARD_COLUMN_OVERDUE);
  expected = docket_format_count (worst->overdue);
  g_assert_cmpstr (cell, ==, expected);

  /* What clicking the headers does: by name, A to Z; by assigned, most first. */
  docket_dashboard_table_sort_by (table, DOCKET_DASHBOARD_COLUMN_UNIT, GTK_SORT_ASCENDING);
  docket_test_iterate (50);
  first_name = docket_dashboard_table_dup_cell (table, 0, DOCKET_DASHBOARD_COLUMN_UNIT);
  for (guint i = 1; i < n_with_items; i++)
    {
      g_autofree char *name = docket_dashboard_table_dup_cell (table, i, DOCKET_DASHBOARD_COLUMN_UNIT);
      g_autofree char *a = docket_fold (first_name);
      g_autofree char *b = docket_fold (name);

      g_assert_cmpint (strcmp (a, b), <=, 0);
    }
  docket_dashboard_table_sort_by (table, DOCKET_DASHBOARD_COLUMN_ASSIGNED, GTK_SORT_DESCENDING);
  docket_test_iterate (50);
  for (guint i = 0; i < n_rows; i++)
    if (rows[i].assigned > 0)
      {
        g_autofree char *most = docket_dashboard_table_dup_cell (table, 0, DOCKET_DASHBOARD_COLUMN_ASSIGNED);
        g_autofree char *this_one = docket_format_count (rows[i].assigned);

        g_assert_cmpint (g_ascii_strtoll (most, NULL, 10), >=, g_ascii_strtoll (this_one, NULL, 10));
      }

  /* Activating a row opens its unit's items. */
  shown_unit = 0;
  g_signal_emit_by_name (table, "activate", 0);
  docket_test_iterate (50);
  g_assert_cmpint (shown_unit, ==, docket_dashboard_table_get_unit_id (table, 0));
  docket_dashboard_table_sort_by (table, DOCKET_DASHBOARD_COLUMN_OVERDUE, GTK_SORT_DESCENDING);

  /* The chart: one bar per unit with items, the lowest rate first, in words too. */
  chart = DOCKET_COMPLETION_CHART (docket_test_ui_find_by_type (GTK_WIDGET (view),
                                                               DOCKET_TYPE_COMPLETION_CHART));
  g_assert_nonnull (chart);
  g_assert_cmpuint (docket_completion_chart_get_n_bars (chart), ==,
                    MIN (n_with_items, DOCKET_COMPLETION_CHART_MAX_BARS));
  g_assert_true (g_str_has_prefix (docket_completion_chart_get_description (chart),
                                   name_of (units, lowest->unit_id)));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (chart)), >, 0);

  {
    g_autofree char *name = g_strdup_printf ("screenshot-dashboard-units-%s.png",
                                             is_vietnamese () ? "vi" : "en");
    g_autofree char *shot = g_test_build_filename (G_TEST_BUILT, name, NULL);

    docket_test_ui_scroll_to (GTK_WIDGET (chart));
    docket_test_iterate (200);
    docket_test_ui_screenshot (GTK_WIDGET (window), shot);
  }

  /* In Vietnamese, the eleven columns fit the window's width: their titles wrap
   * rather than push the last ones past the edge. */
  if (is_vietnamese ())
    {
      GtkAdjustment *across = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (table));

      g_assert_cmpfloat (gtk_adjustment_get_upper (across), <=,
                         gtk_adjustment_get_page_size (across) + 1);
    }
}

/* The next deadlines: items in progress, the nearest first, as the store's
 * IN_PROGRESS view by deadline. */
static void
test_dashboard_upcoming (void)
{
  g_autoptr(DocketStore) reader = open_reader ();
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GError) error = NULL;
  DocketItemQuery query;
  GtkListBox *list;

  docket_item_query_init (&query, docket_store_sample_reference_date ());
  query.view = DOCKET_ITEM_VIEW_IN_PROGRESS;
  query.sort = DOCKET_ITEM_SORT_DEADLINE;
  expected = docket_store_list_items_at (reader, &query, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, >, 0);

  lists = docket_test_ui_find_all (GTK_WIDGET (view), GTK_TYPE_LIST_BOX);
  g_assert_cmpuint (lists->len, >=, 2);
  list = g_ptr_array_index (lists, lists->len - 2);
  for (guint i = 0; i < expected->len; i++)
    {
      DocketItemRow *row = g_ptr_array_index (expected, i);
      GtkListBoxRow *shown_row = gtk_list_box_get_row_at_index (list, i);

      g_assert_nonnull (shown_row);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (shown_row)), ==,
                       row->item->content);
    }
  shown_item = 0;
  g_signal_emit_by_name (gtk_list_box_get_row_at_index (list, 0), "activate");
  docket_test_iterate (50);
  g_assert_cmpint (shown_item, ==, ((DocketItemRow *) g_ptr_array_index (expected, 0))->item->id);
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
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue",
                                                          "%d days overdue", days), days);
    g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (first), text, 3000));
  }
  shown_item = 0;
  g_signal_emit_by_name (first, "activate");
  docket_test_iterate (50);
  g_assert_cmpint (shown_item, ==, oldest->item->id);
}

/* The list of items in the dashboard (the next deadlines, or the longest overdue)
 * shows the store's first ten of @view by deadline, in order. */
static void
assert_items_listed (DocketItemView item_view)
{
  g_autoptr(DocketStore) reader = open_reader ();
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) lists = docket_test_ui_find_all (GTK_WIDGET (view), GTK_TYPE_LIST_BOX);
  g_autoptr(GError) error = NULL;
  DocketItemQuery query;
  GtkListBox *list;

  docket_item_query_init (&query, docket_store_sample_reference_date ());
  query.view = item_view;
  query.sort = DOCKET_ITEM_SORT_DEADLINE;
  expected = docket_store_list_items_at (reader, &query, 0, 10, &error);
  g_assert_no_error (error);
  /* The next deadlines come before the longest overdue. */
  list = g_ptr_array_index (lists, lists->len - (item_view == DOCKET_ITEM_VIEW_OVERDUE ? 1 : 2));
  for (guint i = 0; i < expected->len; i++)
    {
      DocketItemRow *row = g_ptr_array_index (expected, i);
      GtkListBoxRow *shown_row = gtk_list_box_get_row_at_index (list, i);

      g_assert_nonnull (shown_row);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (shown_row)), ==,
                       row->item->content);
    }
  g_assert_null (gtk_list_box_get_row_at_index (list, expected->len));
}

/* The texts of a row of the table, in column order. */
static void
collect_labels (GtkWidget *root,
                GPtrArray *labels)
{
  if (GTK_IS_INSCRIPTION (root))
    {
      g_ptr_array_add (labels, (gpointer) gtk_inscription_get_text (GTK_INSCRIPTION (root)));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* Every row of the table shows its unit's figures: the cells follow the report
 * shown, whether the rows were replaced or updated in place.  The sample's units
 * all fit in the rows the list keeps, in order. */
static void
assert_rows_shown (void)
{
  GtkColumnView *table = GTK_COLUMN_VIEW (docket_test_ui_find_by_type (GTK_WIDGET (view),
                                                                       GTK_TYPE_COLUMN_VIEW));
  GtkWidget *list = docket_test_ui_find_by_type (GTK_WIDGET (table), GTK_TYPE_LIST_VIEW);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table)));
  guint i = 0;

  g_assert_nonnull (list);
  g_assert_cmpuint (n, >, 0);
  docket_test_iterate (100);
  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      collect_labels (row, labels);
      if (labels->len == 0)
        continue;
      g_assert_cmpuint (labels->len, ==, DOCKET_DASHBOARD_N_COLUMNS);
      for (guint c = 0; c < DOCKET_DASHBOARD_N_COLUMNS; c++)
        {
          g_autofree char *cell = docket_dashboard_table_dup_cell (table, i, c);

          g_assert_cmpstr (g_ptr_array_index (labels, c), ==, cell);
        }
      i++;
    }
  g_assert_cmpuint (i, ==, n);
}

static void
test_dashboard_period (void)
{
  g_autoptr(DocketStore) reader = open_reader ();
  g_autoptr(DocketReport) month = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *headline = NULL;
  GtkDropDown *dropdown = GTK_DROP_DOWN (docket_test_ui_find_by_type (GTK_WIDGET (view),
                                                                      GTK_TYPE_DROP_DOWN));

  g_autoptr(GPtrArray) lists = docket_test_ui_find_all (GTK_WIDGET (view), GTK_TYPE_LIST_BOX);
  GtkListBoxRow *oldest = gtk_list_box_get_row_at_index (g_ptr_array_index (lists, lists->len - 1), 0);

  g_assert_nonnull (oldest);
  gtk_drop_down_set_selected (dropdown, DOCKET_DASHBOARD_PERIOD_MONTH);
  wait_report ();
  g_assert_cmpint (docket_dashboard_view_get_period (view), ==, DOCKET_DASHBOARD_PERIOD_MONTH);
  /* The next deadlines and the longest overdue do not depend on the period: the same
   * rows stay, not made again. */
  g_assert_true (gtk_list_box_get_row_at_index (g_ptr_array_index (lists, lists->len - 1), 0) == oldest);
  assert_items_listed (DOCKET_ITEM_VIEW_OVERDUE);
  assert_items_listed (DOCKET_ITEM_VIEW_IN_PROGRESS);
  month = docket_store_compute_report (reader, docket_date_new (2026, 10, 1),
                                       docket_date_new (2026, 10, 31),
                                       docket_store_sample_reference_date (), NULL, 0, &error);
  g_assert_no_error (error);
  headline = headline_of (docket_report_get_total (month));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), headline, 3000));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window),
                                             is_vietnamese ()
                                             ? "01/10/2026 – 31/10/2026, tính đến ngày 15/10/2026"
                                             : "01/10/2026 – 31/10/2026, as of 15/10/2026", 3000));
  assert_rows_shown ();

  docket_dashboard_view_set_period (view, DOCKET_DASHBOARD_PERIOD_YEAR);
  wait_report ();
  assert_rows_shown ();
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, DOCKET_DASHBOARD_PERIOD_YEAR);
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window),
                                             is_vietnamese ()
                                             ? "Hoàn thành 10/18 nhiệm vụ — 55,56 %"
                                             : "10 of 18 items completed — 55,56 %", 3000));
}

static GtkEntry *
entry_labelled (const char *placeholder)
{
  g_autoptr(GPtrArray) entries = docket_test_ui_find_all (GTK_WIDGET (view), GTK_TYPE_ENTRY);

  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (gtk_entry_get_placeholder_text (g_ptr_array_index (entries, i)), placeholder) == 0)
      return g_ptr_array_index (entries, i);
  return NULL;
}

/* Enter in an entry: its text widget activates. */
static void
press_enter (GtkEntry *entry)
{
  GtkWidget *text = docket_test_ui_find_by_type (GTK_WIDGET (entry), GTK_TYPE_TEXT);

  g_assert_nonnull (text);
  g_signal_emit_by_name (text, "activate");
}

/* "Custom range…": two dates typed under the period; a bad one is marked and
 * changes nothing; a good range shows the store's report for it. */
static void
test_dashboard_custom_range (void)
{
  g_autoptr(DocketStore) reader = open_reader ();
  g_autoptr(DocketReport) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *headline = NULL;
  GtkDropDown *dropdown = GTK_DROP_DOWN (docket_test_ui_find_by_type (GTK_WIDGET (view),
                                                                      GTK_TYPE_DROP_DOWN));
  GtkEntry *from = entry_labelled (_("From dd/mm/yyyy"));
  GtkEntry *to = entry_labelled (_("To dd/mm/yyyy"));
  DocketReport *before = docket_dashboard_view_get_report (view);

  g_assert_nonnull (from);
  g_assert_nonnull (to);
  gtk_drop_down_set_selected (dropdown, DOCKET_DASHBOARD_PERIOD_CUSTOM);
  docket_test_iterate (100);
  /* Offered with the period shown so far, nothing counted yet. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from)), ==, "01/01/2026");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (to)), ==, "31/12/2026");
  g_assert_true (docket_dashboard_view_get_report (view) == before);

  gtk_editable_set_text (GTK_EDITABLE (from), "01/07/2026");
  gtk_editable_set_text (GTK_EDITABLE (to), "31/13/2026");
  press_enter (to);
  docket_test_iterate (100);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (to), "error"));
  g_assert_true (docket_dashboard_view_get_report (view) == before);

  gtk_editable_set_text (GTK_EDITABLE (to), "30/06/2026");
  press_enter (to);
  docket_test_iterate (100);
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (view),
                                             _("The period must end on or after its first day."),
                                             3000));
  g_assert_true (docket_dashboard_view_get_report (view) == before);

  gtk_editable_set_text (GTK_EDITABLE (to), "30/09/2026");
  press_enter (to);
  wait_report ();
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (to), "error"));
  g_assert_cmpint (docket_dashboard_view_get_period (view), ==, DOCKET_DASHBOARD_PERIOD_CUSTOM);
  expected = docket_store_compute_report (reader, docket_date_new (2026, 7, 1),
                                          docket_date_new (2026, 9, 30),
                                          docket_store_sample_reference_date (), NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (docket_report_get_total (docket_dashboard_view_get_report (view)),
                   sizeof (DocketReportRow), docket_report_get_total (expected),
                   sizeof (DocketReportRow));
  headline = headline_of (docket_report_get_total (expected));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), headline, 3000));

  docket_dashboard_view_set_period (view, DOCKET_DASHBOARD_PERIOD_YEAR);
  wait_report ();
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
  assert_items_listed (DOCKET_ITEM_VIEW_OVERDUE);
  assert_items_listed (DOCKET_ITEM_VIEW_IN_PROGRESS);
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window),
                                             is_vietnamese ()
                                             ? "Hoàn thành 11/18 nhiệm vụ — 61,11 %"
                                             : "11 of 18 items completed — 61,11 %", 3000));
  assert_rows_shown ();
}

/* Hidden, the dashboard counts nothing: what changes meanwhile is counted when it is
 * shown again. */
static void
test_dashboard_counts_when_shown (void)
{
  DocketReport *before = docket_dashboard_view_get_report (view);
  DocketReport *after;
  g_autofree char *month_line = g_strdup_printf (_("%s – %s, as of %s"), "01/10/2026",
                                                 "31/10/2026", "15/10/2026");
  g_autofree char *year_line = g_strdup_printf (_("%s – %s, as of %s"), "01/01/2026",
                                                "31/12/2026", "15/10/2026");

  g_assert_nonnull (before);
  gtk_widget_set_visible (GTK_WIDGET (view), FALSE);
  docket_test_iterate (50);
  docket_dashboard_view_set_period (view, DOCKET_DASHBOARD_PERIOD_MONTH);
  docket_test_iterate (300);
  g_assert_true (docket_dashboard_view_is_busy (view));
  g_assert_true (docket_dashboard_view_get_report (view) == before);

  gtk_widget_set_visible (GTK_WIDGET (view), TRUE);
  wait_report ();
  after = docket_dashboard_view_get_report (view);
  g_assert_true (after != before);
  g_assert_cmpint (docket_report_get_from (after), ==, docket_date_new (2026, 10, 1));
  assert_rows_shown ();

  /* Hidden before its answer comes, it lays the answer out when shown again. */
  docket_dashboard_view_set_period (view, DOCKET_DASHBOARD_PERIOD_YEAR);
  gtk_widget_set_visible (GTK_WIDGET (view), FALSE);
  g_assert_true (docket_test_wait_until (is_idle, view, 5000));
  g_assert_cmpint (docket_report_get_from (docket_dashboard_view_get_report (view)), ==,
                   docket_date_new (2026, 1, 1));
  g_assert_true (docket_test_ui_has_label (GTK_WIDGET (view), month_line));
  g_assert_false (docket_test_ui_has_label (GTK_WIDGET (view), year_line));
  gtk_widget_set_visible (GTK_WIDGET (view), TRUE);
  docket_test_iterate (50);
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), year_line, 3000));
  assert_rows_shown ();
}

static gboolean
window_narrow (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) <= 400;
}

/* Narrow and dark: the cards wrap, the named colours follow the style. */
static void
test_dashboard_narrow_dark (void)
{
  g_autofree char *name = g_strdup_printf ("screenshot-dashboard-narrow-dark-%s.png",
                                           is_vietnamese () ? "vi" : "en");
  g_autofree char *shot = g_test_build_filename (G_TEST_BUILT, name, NULL);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_window_set_default_size (window, 360, 720);
  /* Laid out again at its new size (slowly under the sanitizers). */
  g_assert_true (docket_test_wait_until (window_narrow, window, 5000));
  docket_test_iterate (100);
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
  if (is_vietnamese ())
    {
      const char *messages = setlocale (LC_MESSAGES, NULL);
      if (messages == NULL || !g_str_has_prefix (messages, "vi"))
        g_error ("The vi_VN.UTF-8 locale is missing (generate it with localedef)");
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
  g_test_add_func ("/docket/dashboard/upcoming", test_dashboard_upcoming);
  g_test_add_func ("/docket/dashboard/period", test_dashboard_period);
  g_test_add_func ("/docket/dashboard/custom-range", test_dashboard_custom_range);
  g_test_add_func ("/docket/dashboard/follows-store", test_dashboard_follows_store);
  g_test_add_func ("/docket/dashboard/counts-when-shown", test_dashboard_counts_when_shown);
  g_test_add_func ("/docket/dashboard/narrow-dark", test_dashboard_narrow_dark);

  ret = g_test_run ();
  gtk_window_destroy (window);
  docket_test_iterate (50);
  g_clear_object (&store);
  docket_test_tmpdir_free (g_steal_pointer (&tmpdir));
  g_free (database);
  return ret;
}
