/* test-items.c: the directive items area and the item page, in the real window
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "docket-application.h"
#include "docket-dashboard-view.h"
#include "docket-import-dialog.h"
#include "docket-item-cell.h"
#include "docket-item-page.h"
#include "docket-items-view.h"
#include "docket-store-backup.h"
#include "docket-store-items.h"
#include "docket-store-meetings.h"
#include "docket-store-report.h"
#include "docket-store-sample.h"
#include "docket-test-support.h"
#include "docket-test-ui.h"
#include "docket-window.h"

static DocketApplication *app;
static char *database;

static DocketWindow *
main_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (DOCKET_IS_WINDOW (window));
  return DOCKET_WINDOW (window);
}

static DocketItemsView *
items_view (void)
{
  GtkWidget *view = docket_test_ui_find_by_type (GTK_WIDGET (main_window ()), DOCKET_TYPE_ITEMS_VIEW);

  g_assert_nonnull (view);
  return DOCKET_ITEMS_VIEW (view);
}

static DocketStore *
open_reader (void)
{
  g_autoptr(GError) error = NULL;
  DocketStore *store = docket_store_open (database, &error);

  g_assert_no_error (error);
  return store;
}

static GtkListBoxRow *
view_row (const char *label)
{
  g_autoptr(GPtrArray) rows = docket_test_ui_find_all (GTK_WIDGET (items_view ()), GTK_TYPE_LIST_BOX_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (docket_test_ui_shows_label (g_ptr_array_index (rows, i), label))
      return g_ptr_array_index (rows, i);
  g_assert_not_reached ();
  return NULL;
}

static gboolean
items_settled (gpointer data)
{
  return !docket_items_view_is_busy (items_view ());
}

/* The list and its counts are read by workers: wait for what they answer. */
static void
wait_items_settled (void)
{
  g_assert_true (docket_test_wait_until (items_settled, NULL, 5000));
}

static void
select_view (const char *label)
{
  GtkListBoxRow *row = view_row (label);
  GtkListBox *box = GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (row)));

  gtk_list_box_select_row (box, row);
  docket_test_iterate (100);
  wait_items_settled ();
}

static void
test_items_views_and_counts (void)
{
  DocketWindow *window = main_window ();
  DocketItemsView *view = items_view ();
  g_autofree char *shot = g_test_build_filename (G_TEST_BUILT, "screenshot-items-sample.png", NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-area", "s", "items");
  docket_test_iterate (100);

  /* The sample on its reference date: 18 items, 3 overdue, 1 awaiting confirmation. */
  select_view ("All");
  g_assert_cmpuint (docket_items_view_get_n_shown (view), ==, 18);
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (view), "18 items", 3000));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (view_row ("Overdue")), "3", 3000));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (view_row ("Completed")), "10", 3000));

  select_view ("Overdue");
  g_assert_cmpuint (docket_items_view_get_n_shown (view), ==, 3);
  /* Each row says its status in words, not only in colour. */
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (view), "In progress, overdue", 3000));

  select_view ("Awaiting Confirmation");
  g_assert_cmpuint (docket_items_view_get_n_shown (view), ==, 1);

  select_view ("All");
  docket_test_ui_screenshot (GTK_WIDGET (window), shot);
}

/* Stars shown in the list's cells. */
static guint
count_stars_shown (void)
{
  GtkWidget *list = docket_test_ui_find_by_type (GTK_WIDGET (items_view ()), GTK_TYPE_COLUMN_VIEW);
  g_autoptr(GPtrArray) cells = docket_test_ui_find_all (list, DOCKET_TYPE_ITEM_CELL);
  guint n = 0;

  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);

      n += gtk_widget_get_mapped (cell) &&
           g_strcmp0 (docket_item_cell_get_text (DOCKET_ITEM_CELL (cell)), "★") == 0;
    }
  return n;
}

typedef struct
{
  guint n;
} Stars;

/* The count the sidebar shows beside a view. */
static int
view_count (const char *label)
{
  g_autoptr(GPtrArray) labels = docket_test_ui_find_all (GTK_WIDGET (view_row (label)), GTK_TYPE_LABEL);

  g_assert_cmpuint (labels->len, ==, 2);
  return atoi (gtk_label_get_label (GTK_LABEL (g_ptr_array_index (labels, 1))));
}

static gboolean
stars_shown (gpointer data)
{
  return count_stars_shown () == ((Stars *) data)->n;
}

/* Starring a row changes the records: the row shows its star where it is, and the
 * selection and the counts follow, without the list starting over. */
static void
test_items_star_keeps_selection (void)
{
  DocketItemsView *view = items_view ();
  GtkColumnView *list = GTK_COLUMN_VIEW (docket_test_ui_find_by_type (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW));
  GtkSelectionModel *selection = gtk_column_view_get_model (list);
  g_autoptr(DocketRecord) record = NULL;
  DocketItemEntry *entry;
  gboolean was_starred;
  int starred_before;
  Stars stars;

  select_view ("All");
  record = g_list_model_get_item (G_LIST_MODEL (selection), 1);
  g_assert_true (docket_record_is_loaded (record));
  entry = docket_record_get_value (record);
  was_starred = entry->row->item->starred;
  docket_test_ui_wait_drawn (GTK_WIDGET (list));
  stars.n = count_stars_shown () + (was_starred ? -1 : 1);
  starred_before = view_count ("Starred");

  gtk_selection_model_select_item (selection, 1, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (view), "items.star-selected", "b", !was_starred);
  g_assert_true (docket_test_wait_until (stars_shown, &stars, 5000));
  wait_items_settled ();
  g_assert_true (gtk_selection_model_is_selected (selection, 1));
  g_assert_cmpuint (docket_items_view_get_n_shown (view), ==, 18);
  g_assert_cmpint (view_count ("Starred"), ==, starred_before + (was_starred ? -1 : 1));

  /* As it was, for the other tests. */
  gtk_widget_activate_action (GTK_WIDGET (view), "items.star-selected", "b", was_starred);
  stars.n = count_stars_shown () + (was_starred ? 1 : -1);
  g_assert_true (docket_test_wait_until (stars_shown, &stars, 5000));
  wait_items_settled ();
  g_assert_true (gtk_selection_model_is_selected (selection, 1));
  gtk_selection_model_unselect_all (selection);
}

static void
test_items_filter_refuses_bad_date (void)
{
  DocketItemsView *view = items_view ();
  g_autoptr(GPtrArray) entries = docket_test_ui_find_all (GTK_WIDGET (view), GTK_TYPE_ENTRY);
  GtkEditable *from = g_ptr_array_index (entries, 0);

  gtk_editable_set_text (from, "32/13/2026");
  docket_test_iterate (100);
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (view),
                                             "“32/13/2026” is not a day of the calendar. Check the day and the month.", 3000));
  gtk_editable_set_text (from, "01/11/2026");
  docket_test_iterate (100);
  wait_items_settled ();
  g_assert_cmpuint (docket_items_view_get_n_shown (view), <, 18);
  gtk_editable_set_text (from, "");
  docket_test_iterate (100);
  wait_items_settled ();
  g_assert_cmpuint (docket_items_view_get_n_shown (view), ==, 18);
}

/* The rows the table shows, top to bottom: each an array of its cells' texts, in the
 * order of the columns. */
static GPtrArray *
dup_shown_rows (void)
{
  GtkWidget *list = docket_test_ui_find_by_type (GTK_WIDGET (items_view ()), GTK_TYPE_COLUMN_VIEW);
  g_autoptr(GPtrArray) cells = docket_test_ui_find_all (list, DOCKET_TYPE_ITEM_CELL);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GtkWidget *row_widget = NULL;
  GPtrArray *row = NULL;

  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);

      if (!gtk_widget_get_mapped (cell) || gtk_widget_get_height (cell) <= 0)
        continue;
      /* A cell's parent is the column view's cell, whose parent is the row. */
      if (gtk_widget_get_parent (gtk_widget_get_parent (cell)) != row_widget)
        {
          row_widget = gtk_widget_get_parent (gtk_widget_get_parent (cell));
          row = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (rows, row);
        }
      g_ptr_array_add (row, g_strdup (docket_item_cell_get_text (DOCKET_ITEM_CELL (cell))));
    }
  return rows;
}

/* Sorting by a column header shows the store's answer for that order, row by row:
 * the rows keep their widgets and are given their new values in place. */
static void
test_items_sort_by_header (void)
{
  static const struct { DocketItemColumn column; DocketItemSort sort; GtkSortType direction; } sorts[] = {
    { DOCKET_ITEM_COLUMN_CONTENT, DOCKET_ITEM_SORT_CONTENT, GTK_SORT_ASCENDING },
    { DOCKET_ITEM_COLUMN_DEADLINE, DOCKET_ITEM_SORT_DEADLINE, GTK_SORT_DESCENDING },
    { DOCKET_ITEM_COLUMN_LEAD, DOCKET_ITEM_SORT_LEAD_UNIT, GTK_SORT_ASCENDING },
    { DOCKET_ITEM_COLUMN_MEETING, DOCKET_ITEM_SORT_MEETING_DATE, GTK_SORT_DESCENDING },
    { DOCKET_ITEM_COLUMN_STATUS, DOCKET_ITEM_SORT_STATUS, GTK_SORT_ASCENDING },
    { DOCKET_ITEM_COLUMN_CONTENT, DOCKET_ITEM_SORT_CONTENT, GTK_SORT_DESCENDING },
  };
  g_autoptr(DocketStore) reader = open_reader ();
  GtkColumnView *list = GTK_COLUMN_VIEW (docket_test_ui_find_by_type (GTK_WIDGET (items_view ()),
                                                                      GTK_TYPE_COLUMN_VIEW));

  gtk_widget_activate_action (GTK_WIDGET (main_window ()), "win.show-area", "s", "items");
  docket_test_iterate (100);
  select_view ("All");
  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (list),
                                                                     sorts[s].column);
      g_autoptr(GPtrArray) expected = NULL;
      g_autoptr(GPtrArray) shown = NULL;
      g_autoptr(GError) error = NULL;
      DocketItemQuery query;

      gtk_column_view_sort_by_column (list, column, sorts[s].direction);
      docket_test_iterate (100);
      wait_items_settled ();
      docket_test_ui_wait_drawn (GTK_WIDGET (list));

      docket_item_query_init (&query, docket_store_sample_reference_date ());
      query.sort = sorts[s].sort;
      query.descending = sorts[s].direction == GTK_SORT_DESCENDING;
      expected = docket_store_list_items_at (reader, &query, 0, 100, &error);
      g_assert_no_error (error);
      shown = dup_shown_rows ();
      /* The sample's 18 items fit in the window. */
      g_assert_cmpuint (shown->len, ==, expected->len);
      for (guint i = 0; i < shown->len; i++)
        {
          GPtrArray *cells = g_ptr_array_index (shown, i);
          DocketItemRow *row = g_ptr_array_index (expected, i);

          g_assert_cmpuint (cells->len, ==, DOCKET_ITEM_N_COLUMNS);
          g_assert_cmpstr (g_ptr_array_index (cells, DOCKET_ITEM_COLUMN_CONTENT), ==, row->item->content);
          g_assert_cmpstr (g_ptr_array_index (cells, DOCKET_ITEM_COLUMN_LEAD), ==, row->lead_unit_name);
          g_assert_cmpstr (g_ptr_array_index (cells, DOCKET_ITEM_COLUMN_MEETING), ==, row->meeting_title);
          g_assert_cmpstr (g_ptr_array_index (cells, DOCKET_ITEM_COLUMN_STAR), ==,
                           row->item->starred ? "★" : "");
        }
    }
  /* Back to the order the other tests expect. */
  gtk_column_view_sort_by_column (list, NULL, GTK_SORT_ASCENDING);
  docket_test_iterate (100);
  wait_items_settled ();
}

static GtkWindow *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static void
answer_dialog (const char * const *values)
{
  GtkWindow *dialog = find_dialog ();
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_nonnull (dialog);
  rows = docket_test_ui_find_all (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  for (guint i = 0; values[i] != NULL; i++)
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, i)), values[i]);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  gtk_window_destroy (dialog);
  docket_test_iterate (100);
}

static void
test_items_workflow_from_the_page (void)
{
  DocketItemsView *view = items_view ();
  g_autoptr(DocketStore) reader = open_reader ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(DocketItem) item = NULL;
  GtkWidget *page;
  DocketItemQuery query;
  DocketId id;

  /* An overdue item of the sample. */
  docket_item_query_init (&query, docket_store_sample_reference_date ());
  query.view = DOCKET_ITEM_VIEW_OVERDUE;
  rows = docket_store_list_items_at (reader, &query, 0, 1, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  id = ((DocketItemRow *) g_ptr_array_index (rows, 0))->item->id;

  gtk_widget_activate_action (GTK_WIDGET (main_window ()), "win.show-item", "x", id);
  docket_test_iterate (100);
  page = docket_test_ui_find_by_type (GTK_WIDGET (view), DOCKET_TYPE_ITEM_PAGE);
  g_assert_cmpint (docket_item_page_get_item (DOCKET_ITEM_PAGE (page)), ==, id);
  g_assert_true (docket_test_ui_wait_for_label (page, "In progress, overdue", 3000));

  /* A bad date is refused inside the dialog, with what was typed kept. */
  gtk_widget_activate_action (page, "item.form", "s", "progress");
  docket_test_iterate (100);
  {
    const char *values[] = { "Đã rà soát 40 hồ sơ trễ hạn", "31/02/2026", "40", NULL };
    answer_dialog (values);
  }
  g_assert_nonnull (find_dialog ());
  {
    g_autoptr(GPtrArray) again = docket_test_ui_find_all (GTK_WIDGET (find_dialog ()), ADW_TYPE_ENTRY_ROW);
    g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (again, 0)), ==, "Đã rà soát 40 hồ sơ trễ hạn");
  }
  {
    const char *values[] = { "Đã rà soát 40 hồ sơ trễ hạn", "14/10/2026", "40", NULL };
    answer_dialog (values);
  }
  g_assert_true (docket_test_ui_wait_for_label (page, "Progress reported", 3000));

  gtk_widget_activate_action (page, "item.form", "s", "done");
  docket_test_iterate (100);
  {
    const char *values[] = { "15/10/2026", "", NULL };
    answer_dialog (values);
  }
  item = docket_store_get_item (reader, id, NULL);
  g_assert_cmpint (item->state, ==, DOCKET_ITEM_STATE_REPORTED_DONE);
  g_clear_pointer (&item, docket_item_free);

  /* The secretariat returns it with a reason; the unit asks for more time, which is
   * approved, and reports done again. */
  gtk_widget_activate_action (page, "item.form", "s", "return");
  docket_test_iterate (100);
  {
    const char *values[] = { "Thiếu biên bản kiểm tra kèm theo", NULL };
    answer_dialog (values);
  }
  item = docket_store_get_item (reader, id, NULL);
  g_assert_cmpint (item->state, ==, DOCKET_ITEM_STATE_RETURNED);
  g_assert_cmpuint (item->completed_on, ==, DOCKET_DATE_NONE);
  g_clear_pointer (&item, docket_item_free);
  g_assert_true (docket_test_ui_wait_for_label (page, "Returned for rework", 3000));

  gtk_widget_activate_action (page, "item.form", "s", "extension");
  docket_test_iterate (100);
  {
    const char *values[] = { "31/10/2026", "Chờ kết quả kiểm tra của tỉnh", NULL };
    answer_dialog (values);
  }
  g_assert_true (docket_test_ui_wait_for_label (page, "Extension requested", 3000));
  gtk_widget_activate_action (page, "item.form", "s", "approve");
  docket_test_iterate (100);
  {
    const char *values[] = { "125/UBND-VP", NULL };
    answer_dialog (values);
  }
  item = docket_store_get_item (reader, id, NULL);
  g_assert_cmpuint (item->deadline, ==, docket_date_new (2026, 10, 31));
  g_assert_cmpuint (item->original_deadline, !=, docket_date_new (2026, 10, 31));
  g_clear_pointer (&item, docket_item_free);
  g_assert_true (docket_test_ui_wait_for_label (page, "Extension approved", 3000));
  /* Within the extended deadline it is in progress again, not overdue. */
  g_assert_true (docket_test_ui_wait_for_label (page, "In progress within deadline", 3000));

  gtk_widget_activate_action (page, "item.form", "s", "done");
  docket_test_iterate (100);
  {
    const char *values[] = { "15/10/2026", "", NULL };
    answer_dialog (values);
  }

  gtk_widget_activate_action (page, "item.confirm", NULL);
  docket_test_iterate (100);
  item = docket_store_get_item (reader, id, NULL);
  g_assert_cmpint (item->state, ==, DOCKET_ITEM_STATE_CONFIRMED);
  g_assert_cmpuint (item->completed_on, ==, docket_date_new (2026, 10, 15));
  /* Completed before the extended deadline: on time. */
  g_assert_true (docket_test_ui_wait_for_label (page, "Completed on time", 3000));
  /* The timeline holds every step, in order, with who did it. */
  {
    g_autoptr(GPtrArray) timeline = docket_store_list_item_timeline (reader, id, NULL);
    DocketTimelineKind expected[] = { DOCKET_TIMELINE_PROGRESS, DOCKET_TIMELINE_REPORTED_DONE,
                                      DOCKET_TIMELINE_RETURNED, DOCKET_TIMELINE_EXTENSION_REQUESTED,
                                      DOCKET_TIMELINE_EXTENSION_APPROVED, DOCKET_TIMELINE_REPORTED_DONE,
                                      DOCKET_TIMELINE_CONFIRMED };
    guint n = timeline->len;

    g_assert_cmpuint (n, >=, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        DocketTimelineEntry *entry = g_ptr_array_index (timeline, n - G_N_ELEMENTS (expected) + i);
        g_assert_cmpint (entry->kind, ==, expected[i]);
      }
  }

  {
    g_autofree char *shot = g_test_build_filename (G_TEST_BUILT, "screenshot-item-page.png", NULL);
    docket_test_ui_screenshot (GTK_WIDGET (main_window ()), shot);
  }
}

static GtkWindow *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_items_save_as_csv (void)
{
  DocketItemsView *view = items_view ();
  g_autofree char *dir = docket_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "nhiem-vu-qua-han.csv", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  GtkWindow *chooser;
  const char *text;

  gtk_stack_set_visible_child_name (GTK_STACK (docket_test_ui_find_by_type (GTK_WIDGET (view), GTK_TYPE_STACK)), "list");
  select_view ("Overdue");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "items.export", "s", "csv"));
  docket_test_iterate (300);

  /* The file chooser (GTK's own dialog when there is no portal) answers. */
  chooser = find_file_chooser ();
  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "nhiem-vu-qua-han.csv");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_true (docket_test_wait_until (file_exists, path, 10000));
  docket_test_iterate (300);

  /* The saved rows are the view's: the three overdue items, under a header row. */
  bytes = docket_test_read_file (path);
  text = g_bytes_get_data (bytes, NULL);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 3 + 1);
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (main_window ()), "Saved “nhiem-vu-qua-han.csv”.", 3000));
  select_view ("All");
  docket_test_tmpdir_free (g_steal_pointer (&dir));
}

static gboolean
dialog_settled (gpointer dialog)
{
  return !docket_import_dialog_is_busy (dialog);
}

static void
test_items_import_tracker (void)
{
  g_autofree char *dir = docket_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "theo-doi.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DocketStore) reader = open_reader ();
  g_autoptr(GError) error = NULL;
  DocketImportDialog *dialog;
  DocketItemQuery query;
  guint before = 0, after = 0;
  const char *csv =
    "Nội dung;Đơn vị chủ trì;Thời hạn\r\n"
    "Niêm yết công khai thủ tục hành chính mới;phong kinh te;30/11/2026\r\n"
    "Cập nhật hồ sơ đất đai lên hệ thống;Phòng Kinh tê;15/12/2026\r\n"
    "Rà soát danh sách hộ nghèo;Phòng Văn hóa - Xã hội;31/02/2026\r\n"
    ";;\r\n";

  g_assert_true (g_file_set_contents (path, csv, -1, &error));
  /* The sample meeting's notice is issued, which locks its items: the tracker goes
   * into a meeting of its own (the newest, which the dialog offers first). */
  {
    g_autoptr(DocketMeeting) meeting = docket_meeting_new ();
    meeting->title = g_strdup ("Giao ban tháng 10/2026");
    meeting->date = docket_date_new (2026, 10, 12);
    g_assert_cmpint (docket_store_add_meeting (reader, meeting, &error), !=, 0);
  }
  docket_item_query_init (&query, docket_store_sample_reference_date ());
  g_assert_true (docket_store_count_items (reader, &query, &before, NULL));

  dialog = docket_import_dialog_new (GTK_WINDOW (main_window ()),
                                     docket_application_get_store (app, NULL));
  /* The dialog closes itself after a good import; the test keeps it to ask. */
  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  docket_import_dialog_load (dialog, file);
  g_assert_true (docket_test_wait_until (dialog_settled, dialog, 10000));

  /* Two rows ready (a unit named without diacritics is found), one impossible date,
   * one empty row skipped; the report says so before anything is written. */
  g_assert_cmpuint (docket_import_dialog_get_n_ready (dialog), ==, 2);
  g_assert_cmpuint (docket_import_dialog_get_n_errors (dialog), ==, 1);
  {
    g_autoptr(GPtrArray) labels = docket_test_ui_find_all (GTK_WIDGET (dialog), GTK_TYPE_LABEL);
    gboolean found = FALSE;

    for (guint i = 0; i < labels->len; i++)
      if (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), "2 rows ready, 1 with problems"))
        found = TRUE;
    g_assert_true (found);
  }
  g_assert_true (docket_store_count_items (reader, &query, &after, NULL));
  g_assert_cmpuint (after, ==, before);

  /* Leaving the bad row out and importing writes exactly the ready rows. */
  {
    g_autoptr(GPtrArray) switches = docket_test_ui_find_all (GTK_WIDGET (dialog), GTK_TYPE_SWITCH);
    gtk_switch_set_active (g_ptr_array_index (switches, switches->len - 1), TRUE);
  }
  g_assert_true (docket_test_wait_until (dialog_settled, dialog, 10000));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  g_assert_true (docket_test_wait_until (dialog_settled, dialog, 10000));
  docket_test_iterate (200);
  g_assert_true (docket_store_count_items (reader, &query, &after, NULL));
  g_assert_cmpuint (after, ==, before + 2);
  /* A good import closes the dialog (its toast waits behind the earlier ones). */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
  docket_test_tmpdir_free (g_steal_pointer (&dir));
}

static GtkFlowBoxChild *
figure_card (GtkWidget  *dashboard,
             const char *caption)
{
  g_autoptr(GPtrArray) cards = docket_test_ui_find_all (dashboard, GTK_TYPE_FLOW_BOX_CHILD);

  for (guint i = 0; i < cards->len; i++)
    if (docket_test_ui_shows_label (g_ptr_array_index (cards, i), caption))
      return g_ptr_array_index (cards, i);
  return NULL;
}

/* The dashboard's figure with @caption once it shows @value: the cards are made
 * again for each report, so one found before the report of the day came is gone. */
typedef struct
{
  GtkWidget       *dashboard;
  const char      *caption;
  const char      *value;
  GtkFlowBoxChild *card;
} CardWait;

static gboolean
card_shows (gpointer data)
{
  CardWait *wait = data;

  if (docket_dashboard_view_is_busy (DOCKET_DASHBOARD_VIEW (wait->dashboard)))
    return FALSE;
  wait->card = figure_card (wait->dashboard, wait->caption);
  return wait->card != NULL && docket_test_ui_shows_label (GTK_WIDGET (wait->card), wait->value);
}

static void
click_card (GtkFlowBoxChild *card)
{
  g_assert_nonnull (card);
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (card)), "child-activated", card);
  docket_test_iterate (200);
  wait_items_settled ();
}

static gboolean
shows_n_items (gpointer n)
{
  return docket_items_view_get_n_shown (items_view ()) == GPOINTER_TO_UINT (n);
}

/* A figure of the dashboard opens exactly its items: the report's period and day,
 * the on-time/late split, the long overdue; "Show All Items" goes back. */
static void
test_items_from_dashboard_figure (void)
{
  DocketWindow *window = main_window ();
  GtkWidget *dashboard = docket_test_ui_find_by_type (GTK_WIDGET (window), DOCKET_TYPE_DASHBOARD_VIEW);
  g_autoptr(DocketStore) reader = open_reader ();
  g_autoptr(DocketReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const DocketReportRow *total;
  GtkFlowBoxChild *overdue;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-area", "s", "dashboard");
  docket_dashboard_view_set_today (DOCKET_DASHBOARD_VIEW (dashboard), docket_store_sample_reference_date ());
  docket_test_iterate (500);
  report = docket_store_compute_report (reader, docket_date_new (2026, 1, 1),
                                        docket_date_new (2026, 12, 31),
                                        docket_store_sample_reference_date (), NULL, 0, &error);
  g_assert_no_error (error);
  total = docket_report_get_total (report);

  {
    CardWait wait = { dashboard, "In progress, overdue", "3", NULL };

    g_assert_true (docket_test_wait_until (card_shows, &wait, 3000));
    overdue = wait.card;
  }

  /* Clicking the overdue figure opens exactly the overdue items. */
  click_card (overdue);
  g_assert_cmpstr (docket_window_get_visible_area (window), ==, "items");
  g_assert_true (docket_test_wait_until (shows_n_items, GUINT_TO_POINTER (total->overdue), 3000));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (items_view ()),
                                             "Items of the report for 01/01/2026 – 31/12/2026, "
                                             "as of 15/10/2026", 3000));

  /* The late ones among the completed, and the long overdue. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-area", "s", "dashboard");
  click_card (figure_card (dashboard, "Completed late"));
  g_assert_true (docket_test_wait_until (shows_n_items, GUINT_TO_POINTER (total->completed_late),
                                         3000));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-area", "s", "dashboard");
  click_card (figure_card (dashboard, "Overdue by more than 30 days"));
  g_assert_cmpuint (total->overdue_long, >, 0);
  g_assert_true (docket_test_wait_until (shows_n_items, GUINT_TO_POINTER (total->overdue_long),
                                         3000));

  /* Back to every item. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (items_view ()), "items.clear-figure", NULL));
  docket_test_iterate (300);
  wait_items_settled ();
  g_assert_cmpuint (docket_items_view_get_n_shown (items_view ()), ==, total->overdue);
  select_view ("All");
}

static gboolean
has_daily_backup (gpointer data)
{
  g_autoptr(DocketStore) reader = open_reader ();
  g_autoptr(GPtrArray) backups = docket_store_list_backups (reader, NULL);

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    if (g_strcmp0 (((DocketBackup *) g_ptr_array_index (backups, i))->kind, "daily") == 0)
      return TRUE;
  return FALSE;
}

/* The application makes the day's automatic backup of a file whose records changed
 * (here the sample loaded before it started), in a worker, once. */
static void
test_items_daily_backup (void)
{
  g_autoptr(DocketStore) reader = open_reader ();
  g_autoptr(GPtrArray) backups = NULL;
  guint daily = 0;

  g_assert_true (docket_test_wait_until (has_daily_backup, NULL, 10000));
  backups = docket_store_list_backups (reader, NULL);
  for (guint i = 0; i < backups->len; i++)
    {
      DocketBackup *backup = g_ptr_array_index (backups, i);

      if (g_strcmp0 (backup->kind, "daily") == 0)
        {
          daily++;
          g_assert_true (g_file_test (backup->path, G_FILE_TEST_IS_REGULAR));
        }
    }
  g_assert_cmpuint (daily, ==, 1);
}

static DocketRecord *
record_of (const char *content,
           const char *lead_unit)
{
  DocketItemEntry *entry = g_new0 (DocketItemEntry, 1);

  entry->row = g_new0 (DocketItemRow, 1);
  entry->row->item = g_new0 (DocketItem, 1);
  entry->row->item->id = 7;
  entry->row->item->content = g_strdup (content);
  entry->row->lead_unit_name = g_strdup (lead_unit);
  entry->row->meeting_title = g_strdup ("");
  entry->row->coordinating_names = g_strdup ("");
  entry->coordinating = g_strdup ("");
  entry->today = docket_store_sample_reference_date ();
  return docket_record_new (entry, (GDestroyNotify) docket_item_entry_free, 7);
}

/* A cell shows its row's record, follows it when it is read (a placeholder's page
 * arrives, or the list is read again), and leaves it when its row is unbound: the
 * record read afterwards changes nothing on the cell, which shows another row. */
static void
test_items_cell_follows_record (void)
{
  GtkWidget *content = g_object_ref_sink (docket_item_cell_new (DOCKET_ITEM_COLUMN_CONTENT));
  GtkWidget *lead = g_object_ref_sink (docket_item_cell_new (DOCKET_ITEM_COLUMN_LEAD));
  g_autoptr(DocketRecord) placeholder = docket_record_new_placeholder ();
  g_autoptr(DocketRecord) first = record_of ("Báo cáo tiến độ", "Văn phòng");
  g_autoptr(DocketRecord) again = record_of ("Báo cáo tiến độ (sửa)", "Phòng Tư pháp");

  docket_item_cell_set_record (DOCKET_ITEM_CELL (content), placeholder);
  docket_item_cell_set_record (DOCKET_ITEM_CELL (lead), placeholder);
  g_assert_cmpstr (docket_item_cell_get_text (DOCKET_ITEM_CELL (content)), ==, "");

  docket_record_fill (placeholder, first);
  g_assert_cmpstr (docket_item_cell_get_text (DOCKET_ITEM_CELL (content)), ==, "Báo cáo tiến độ");
  g_assert_cmpstr (docket_item_cell_get_text (DOCKET_ITEM_CELL (lead)), ==, "Văn phòng");

  /* Unbound, the lead cell keeps what it showed and stops following. */
  docket_item_cell_set_record (DOCKET_ITEM_CELL (lead), NULL);
  docket_record_fill (placeholder, again);
  g_assert_cmpstr (docket_item_cell_get_text (DOCKET_ITEM_CELL (content)), ==, "Báo cáo tiến độ (sửa)");
  g_assert_cmpstr (docket_item_cell_get_text (DOCKET_ITEM_CELL (lead)), ==, "Văn phòng");
  g_assert_null (docket_item_cell_get_record (DOCKET_ITEM_CELL (lead)));

  /* A cell destroyed while bound is no longer told. */
  g_clear_object (&content);
  docket_record_fill (placeholder, first);
  g_clear_object (&lead);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autoptr(DocketStore) seed = NULL;
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

  seed = docket_store_open (database, &error);
  g_assert_no_error (error);
  docket_store_load_sample (seed, &error);
  g_assert_no_error (error);

  app = g_object_new (DOCKET_TYPE_APPLICATION,
                      "application-id", APP_ID,
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", RESOURCE_PREFIX,
                      NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  docket_test_ui_wait_drawn (GTK_WIDGET (main_window ()));
  docket_items_view_set_today (items_view (), docket_store_sample_reference_date ());

  g_test_add_func ("/docket/items/views-and-counts", test_items_views_and_counts);
  g_test_add_func ("/docket/items/daily-backup", test_items_daily_backup);
  g_test_add_func ("/docket/items/star-keeps-selection", test_items_star_keeps_selection);
  g_test_add_func ("/docket/items/filter-refuses-bad-date", test_items_filter_refuses_bad_date);
  g_test_add_func ("/docket/items/sort-by-header", test_items_sort_by_header);
  g_test_add_func ("/docket/items/cell-follows-record", test_items_cell_follows_record);
  g_test_add_func ("/docket/items/from-dashboard-figure", test_items_from_dashboard_figure);
  g_test_add_func ("/docket/items/save-as-csv", test_items_save_as_csv);
  g_test_add_func ("/docket/items/import-tracker", test_items_import_tracker);
  g_test_add_func ("/docket/items/workflow-from-the-page", test_items_workflow_from_the_page);

  ret = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (main_window ()));
  g_clear_object (&app);
  docket_store_close (seed);
  docket_test_tmpdir_free (g_steal_pointer (&tmpdir));
  g_free (database);
  return ret;
}
