/* test-units-view.c: the Units area in a real window
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "docket-application.h"
#include "docket-ics.h"
#include "docket-store-report.h"
#include "docket-store-sample.h"
#include "docket-store-units.h"
#include "docket-test-support.h"
#include "docket-test-ui.h"
#include "docket-unit-dialog.h"
#include "docket-unit-row.h"
#include "docket-units-view.h"

static char *tmpdir;
static char *database;
static DocketStore *store;
static GtkWindow *window;
static DocketUnitsView *view;
/* What the window's win.show-unit-items was last asked for. */
static gint64 shown_unit;

static DocketStore *
open_reader (const char *path)
{
  g_autoptr(GError) error = NULL;
  DocketStore *reader = docket_store_open (path, &error);

  g_assert_no_error (error);
  return reader;
}

static void
show_unit_items_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  shown_unit = g_variant_get_int64 (parameter);
}

static DocketUnitDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);
      if (DOCKET_IS_UNIT_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return DOCKET_UNIT_DIALOG (toplevel);
    }
  return NULL;
}

static DocketUnitDialog *
open_add_dialog (void)
{
  DocketUnitDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "units.add", NULL));
  docket_test_iterate (100);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  docket_test_ui_wait_drawn (GTK_WIDGET (dialog));
  return dialog;
}

static void
type_in (DocketUnitDialog *dialog,
         const char       *title,
         const char       *text)
{
  GtkWidget *row = docket_test_ui_find_row (GTK_WIDGET (dialog), title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *
typed (DocketUnitDialog *dialog,
       const char       *title)
{
  return gtk_editable_get_text (GTK_EDITABLE (docket_test_ui_find_row (GTK_WIDGET (dialog), title)));
}

static DocketUnit *
stored_unit (DocketStore *reader,
             const char  *name)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GError) error = NULL;

  units = docket_store_list_units (reader, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < units->len; i++)
    {
      DocketUnit *unit = g_ptr_array_index (units, i);
      if (g_strcmp0 (unit->name, name) == 0)
        return docket_unit_copy (unit);
    }
  return NULL;
}

static DocketUnitRow *
mapped_unit_row (DocketUnitsView *in,
                 const char      *name)
{
  g_autoptr(GPtrArray) rows = docket_test_ui_find_all (GTK_WIDGET (in), DOCKET_TYPE_UNIT_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      DocketUnitRow *row = g_ptr_array_index (rows, i);
      DocketRecord *record = docket_unit_row_get_record (row);
      DocketUnitEntry *entry = record != NULL ? docket_record_get_value (record) : NULL;

      if (entry != NULL && g_strcmp0 (entry->unit->name, name) == 0 &&
          gtk_widget_get_mapped (GTK_WIDGET (row)))
        return row;
    }
  return NULL;
}

/* The row of the unit named @name, scrolled to as a user would, or NULL when the
 * list does not have it.  The list makes rows only for the units on screen. */
static DocketUnitRow *
unit_row_in (DocketUnitsView *in,
             const char      *name)
{
  GtkListView *list = GTK_LIST_VIEW (docket_test_ui_find_by_type (GTK_WIDGET (in), GTK_TYPE_LIST_VIEW));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  DocketUnitRow *row = mapped_unit_row (in, name);

  for (guint i = 0; row == NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DocketRecord) record = g_list_model_get_item (model, i);
      DocketUnitEntry *entry = docket_record_get_value (record);

      if (g_strcmp0 (entry->unit->name, name) == 0)
        {
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.scroll-to-item", "u", i));
          docket_test_iterate (100);
          row = mapped_unit_row (in, name);
        }
    }
  return row;
}

static DocketUnitRow *
unit_row (const char *name)
{
  return unit_row_in (view, name);
}

static int
indent_of (DocketUnitRow *row)
{
  return gtk_widget_get_margin_start (gtk_widget_get_first_child (GTK_WIDGET (row)));
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = docket_test_ui_find_all (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) == 0 &&
          gtk_widget_get_mapped (button))
        return button;
    }
  return NULL;
}

/* A click, at once: gtk_widget_activate () on a button waits a quarter of a second
 * before it emits "clicked". */
static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
test_units_empty_state (void)
{
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), "No Units Yet", 3000));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), "Add Unit", 3000));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), "Load Sample Data", 3000));
}

static void
test_units_add_through_dialog (void)
{
  g_autoptr(DocketStore) reader = open_reader (database);
  g_autoptr(DocketUnit) unit = NULL;
  DocketUnitDialog *dialog = open_add_dialog ();

  /* An empty name is refused in the dialog, with the store's words, and the field
   * is marked. */
  type_in (dialog, "Head", "Lê Văn Tâm");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "unit-dialog.save", NULL));
  docket_test_iterate (100);
  g_assert_true (find_dialog () == dialog);
  g_assert_true (gtk_widget_has_css_class (docket_test_ui_find_row (GTK_WIDGET (dialog), "Name"),
                                           "error"));
  g_assert_cmpstr (typed (dialog, "Head"), ==, "Lê Văn Tâm");

  /* A wrong e-mail address: explained, and everything typed is still there. */
  type_in (dialog, "Name", "Phòng Nội vụ");
  type_in (dialog, "Short name", "PNV");
  type_in (dialog, "E-mail", "noivu.benluc.vn");
  type_in (dialog, "Phone", "0272 3870 110");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "unit-dialog.save", NULL));
  docket_test_iterate (100);
  g_assert_true (find_dialog () == dialog);
  g_assert_true (docket_test_ui_wait_for_label (
                   GTK_WIDGET (dialog),
                   "“noivu.benluc.vn” is not an e-mail address. Type it as name@example.gov.vn, "
                   "or leave it empty.", 5000));
  g_assert_cmpstr (typed (dialog, "Name"), ==, "Phòng Nội vụ");
  g_assert_cmpstr (typed (dialog, "Phone"), ==, "0272 3870 110");
  g_assert_null (stored_unit (reader, "Phòng Nội vụ"));

  type_in (dialog, "E-mail", "noivu@benluc.example.vn");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "unit-dialog.save", NULL));
  docket_test_iterate (200);
  g_assert_null (find_dialog ());

  unit = stored_unit (reader, "Phòng Nội vụ");
  g_assert_nonnull (unit);
  g_assert_cmpstr (unit->short_name, ==, "PNV");
  g_assert_cmpstr (unit->head, ==, "Lê Văn Tâm");
  g_assert_cmpstr (unit->email, ==, "noivu@benluc.example.vn");
  g_assert_cmpstr (unit->phone, ==, "0272 3870 110");
  g_assert_cmpint (unit->kind, ==, DOCKET_UNIT_KIND_DEPARTMENT);
  g_assert_cmpint (unit->parent_id, ==, 0);

  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), "Unit added", 3000));
  g_assert_nonnull (unit_row ("Phòng Nội vụ"));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), "No directive items", 3000));
}

static void
test_units_tree (void)
{
  g_autoptr(DocketStore) reader = open_reader (database);
  g_autoptr(DocketUnit) parent = stored_unit (reader, "Phòng Nội vụ");
  g_autoptr(DocketUnit) child = NULL;
  DocketUnitDialog *dialog = open_add_dialog ();
  GtkWidget *kind_row = docket_test_ui_find_row (GTK_WIDGET (dialog), "Kind");
  GtkWidget *parent_row = docket_test_ui_find_row (GTK_WIDGET (dialog), "Part of");

  type_in (dialog, "Name", "Tổ cải cách hành chính");
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), DOCKET_UNIT_KIND_OTHER);
  /* The choices: none, then the units in tree order. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (parent_row), 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "unit-dialog.save", NULL));
  docket_test_iterate (200);
  g_assert_null (find_dialog ());

  child = stored_unit (reader, "Tổ cải cách hành chính");
  g_assert_nonnull (child);
  g_assert_cmpint (child->parent_id, ==, parent->id);
  g_assert_cmpint (child->kind, ==, DOCKET_UNIT_KIND_OTHER);

  /* The child sits under its parent, indented. */
  g_assert_nonnull (unit_row ("Tổ cải cách hành chính"));
  g_assert_cmpint (indent_of (unit_row ("Tổ cải cách hành chính")), >,
                   indent_of (unit_row ("Phòng Nội vụ")));
}

static void
test_units_edit (void)
{
  g_autoptr(DocketStore) reader = open_reader (database);
  g_autoptr(DocketUnit) unit = stored_unit (reader, "Phòng Nội vụ");
  g_autoptr(DocketUnit) edited = NULL;
  DocketUnitDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "units.edit", "x", unit->id));
  docket_test_iterate (100);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (typed (dialog, "Name"), ==, "Phòng Nội vụ");
  g_assert_cmpstr (typed (dialog, "E-mail"), ==, "noivu@benluc.example.vn");
  type_in (dialog, "Head", "Lê Thị Tâm");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "unit-dialog.save", NULL));
  docket_test_iterate (200);
  g_assert_null (find_dialog ());

  edited = stored_unit (reader, "Phòng Nội vụ");
  g_assert_cmpint (edited->id, ==, unit->id);
  g_assert_cmpstr (edited->head, ==, "Lê Thị Tâm");
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window),
                                             "PNV · Department · Head: Lê Thị Tâm", 3000));
}

static void
test_units_archive_and_undo (void)
{
  g_autoptr(DocketStore) reader = open_reader (database);
  g_autoptr(DocketUnit) unit = stored_unit (reader, "Tổ cải cách hành chính");
  g_autoptr(DocketUnit) after = NULL;
  GtkListView *list = GTK_LIST_VIEW (docket_test_ui_find_by_type (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  GtkWidget *undo;
  GtkToggleButton *show_archived;

  /* Delete on the selected unit archives it (the key is bound to this action). */
  g_assert_nonnull (unit_row ("Tổ cải cách hành chính"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(DocketRecord) record = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (docket_record_get_id (record) == unit->id)
        gtk_single_selection_set_selected (selection, i);
    }
  g_assert_true (docket_unit_row_get_record (unit_row ("Tổ cải cách hành chính")) ==
                 gtk_single_selection_get_selected_item (selection));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "units.archive-selected", NULL));
  docket_test_iterate (200);
  after = stored_unit (reader, "Tổ cải cách hành chính");
  g_assert_true (after->archived);
  g_clear_pointer (&after, docket_unit_free);
  g_assert_null (unit_row ("Tổ cải cách hành chính"));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window),
                                             "“Tổ cải cách hành chính” archived", 3000));

  /* Undo in the toast brings it back. */
  undo = find_button (GTK_WIDGET (view), "_Undo");
  g_assert_nonnull (undo);
  click (undo);
  docket_test_iterate (200);
  after = stored_unit (reader, "Tổ cải cách hành chính");
  g_assert_false (after->archived);
  g_clear_pointer (&after, docket_unit_free);
  g_assert_nonnull (unit_row ("Tổ cải cách hành chính"));

  /* Archived again, it shows dimmed with its tag once "Show Archived" is on. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "units.archive", "x", unit->id));
  docket_test_iterate (100);
  g_assert_null (unit_row ("Tổ cải cách hành chính"));
  g_assert_false (docket_test_ui_shows_label (GTK_WIDGET (window), "Archived"));
  show_archived = GTK_TOGGLE_BUTTON (docket_test_ui_find_by_type (GTK_WIDGET (view),
                                                                  GTK_TYPE_TOGGLE_BUTTON));
  gtk_toggle_button_set_active (show_archived, TRUE);
  docket_test_iterate (100);
  g_assert_nonnull (unit_row ("Tổ cải cách hành chính"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (unit_row ("Tổ cải cách hành chính")),
                                           "archived"));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (unit_row ("Tổ cải cách hành chính")),
                                             "Archived", 3000));
  g_assert_false (docket_test_ui_shows_label (GTK_WIDGET (unit_row ("Phòng Nội vụ")), "Archived"));

  /* Restore from the row. */
  click (find_button (GTK_WIDGET (unit_row ("Tổ cải cách hành chính")), "_Restore"));
  docket_test_iterate (100);
  after = stored_unit (reader, "Tổ cải cách hành chính");
  g_assert_false (after->archived);
  gtk_toggle_button_set_active (show_archived, FALSE);
}

/* On the sample, each unit shows its line of the store's report, and "Show Items"
 * asks the window for that unit's items. */
static void
test_units_figures (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "sample.db", NULL);
  g_autofree char *shot = g_test_build_filename (G_TEST_BUILT, "screenshot-units.png", NULL);
  g_autoptr(DocketStore) sample = open_reader (path);
  g_autoptr(DocketStore) reader = NULL;
  g_autoptr(DocketReport) report = NULL;
  g_autoptr(DocketUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *assigned = NULL;
  g_autofree char *completed = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *overdue = NULL;
  const DocketReportRow *row;
  DocketDate ref = docket_store_sample_reference_date ();

  docket_units_view_set_today (view, ref);
  docket_units_view_set_store (view, sample);
  docket_test_iterate (100);
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (window), "No Units Yet", 3000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "units.load-sample", NULL));
  docket_test_iterate (300);
  g_assert_cmpuint (docket_units_view_get_n_shown (view), ==, 12);

  reader = open_reader (path);
  report = docket_store_compute_report (reader, DOCKET_DATE_NONE, DOCKET_DATE_NONE, ref,
                                        NULL, 0, &error);
  g_assert_no_error (error);
  unit = stored_unit (reader, "Trung tâm Phục vụ hành chính công xã");
  row = docket_report_get_unit_row (report, unit->id);
  g_assert_nonnull (row);
  g_assert_cmpuint (row->assigned, >, 0);
  assigned = docket_format_count (row->assigned);
  completed = docket_format_count (row->completed);
  percent = docket_format_percent (docket_report_row_completion_percent (row));
  expected = g_strdup_printf ("%s assigned · %s completed · %s %% completed",
                              assigned, completed, percent);
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (unit_row (unit->name)), expected, 3000));
  if (row->overdue > 0)
    {
      g_autofree char *n = docket_format_count (row->overdue);
      overdue = g_strdup_printf ("%s overdue", n);
      g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (unit_row (unit->name)), overdue, 3000));
    }

  shown_unit = 0;
  click (find_button (GTK_WIDGET (unit_row (unit->name)), "Show _Items"));
  docket_test_iterate (50);
  g_assert_cmpint (shown_unit, ==, unit->id);

  docket_test_ui_screenshot (GTK_WIDGET (window), shot);
}

static gboolean
figures_counted (gpointer data)
{
  return !docket_units_view_is_counting (DOCKET_UNITS_VIEW (data));
}

/* The tree is read, and the figures counted by a worker over every item, only once
 * the area is shown; the rows say so until the figures come. */
static void
test_units_counted_when_shown (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "sample.db", NULL);
  g_autoptr(DocketStore) sample = open_reader (path);
  g_autoptr(DocketReport) report = NULL;
  g_autoptr(DocketUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *assigned = NULL;
  g_autofree char *completed = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *expected = NULL;
  DocketDate ref = docket_store_sample_reference_date ();
  const DocketReportRow *row;
  DocketUnitsView *other = g_object_ref_sink (g_object_new (DOCKET_TYPE_UNITS_VIEW, NULL));
  GtkWindow *other_window;
  DocketUnitRow *counting_row;
  DocketRecord *counting_record;

  report = docket_store_compute_report (sample, DOCKET_DATE_NONE, DOCKET_DATE_NONE, ref,
                                        NULL, 0, &error);
  g_assert_no_error (error);
  unit = stored_unit (sample, "Trung tâm Phục vụ hành chính công xã");
  row = docket_report_get_unit_row (report, unit->id);
  g_assert_nonnull (row);
  assigned = docket_format_count (row->assigned);
  completed = docket_format_count (row->completed);
  percent = docket_format_percent (docket_report_row_completion_percent (row));
  expected = g_strdup_printf ("%s assigned · %s completed · %s %% completed",
                              assigned, completed, percent);

  /* Hidden, it reads nothing. */
  docket_units_view_set_today (other, ref);
  docket_units_view_set_store (other, sample);
  docket_test_iterate (300);
  g_assert_cmpuint (docket_units_view_get_n_shown (other), ==, 0);
  g_assert_true (docket_units_view_is_counting (other));

  /* Shown, the tree is there at once (a window maps as it is shown), the figures
   * not before the worker answers through the main loop. */
  other_window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (other_window, 800, 760);
  adw_window_set_content (ADW_WINDOW (other_window), GTK_WIDGET (other));
  gtk_window_present (other_window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (other)));
  g_assert_cmpuint (docket_units_view_get_n_shown (other), ==, 12);
  g_assert_true (docket_units_view_is_counting (other));
  g_assert_true (docket_test_ui_has_label (GTK_WIDGET (other), "Counting items…"));
  g_assert_false (docket_test_ui_has_label (GTK_WIDGET (other), expected));
  counting_row = unit_row_in (other, unit->name);
  g_assert_nonnull (counting_row);
  counting_record = docket_unit_row_get_record (counting_row);
  g_assert_true (docket_test_wait_until (figures_counted, other, 20000));
  /* The figures go into the rows shown: the same row, not a new list. */
  g_assert_true (unit_row_in (other, unit->name) == counting_row);
  g_assert_true (docket_unit_row_get_record (counting_row) == counting_record);
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (counting_row), expected, 3000));
  g_assert_false (docket_test_ui_has_label (GTK_WIDGET (other), "Counting items…"));

  gtk_window_destroy (other_window);
  g_object_unref (other);
  docket_test_iterate (50);
}

/* A file whose units are all archived says how to see them, instead of an empty
 * list; "Show Archived" brings them back. */
static void
test_units_all_archived (void)
{
  g_autofree char *dir = docket_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "archived.db", NULL);
  g_autoptr(DocketStore) own = open_reader (path);
  g_autoptr(GError) error = NULL;
  DocketUnitsView *other = g_object_ref_sink (g_object_new (DOCKET_TYPE_UNITS_VIEW, NULL));
  DocketUnit unit = { .kind = DOCKET_UNIT_KIND_DEPARTMENT, .name = (char *) "Phòng Tư pháp" };
  const char *hint = "Every unit is archived. Choose “Show Archived” to see them.";
  GtkWindow *other_window;
  DocketId id;

  id = docket_store_add_unit (own, &unit, &error);
  g_assert_no_error (error);
  other_window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (other_window, 800, 600);
  adw_window_set_content (ADW_WINDOW (other_window), GTK_WIDGET (other));
  docket_units_view_set_store (other, own);
  gtk_window_present (other_window);
  g_assert_nonnull (unit_row_in (other, "Phòng Tư pháp"));
  g_assert_false (docket_test_ui_shows_label (GTK_WIDGET (other_window), hint));

  g_assert_true (docket_store_archive_unit (own, id, &error));
  g_assert_no_error (error);
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (other_window), hint, 3000));
  g_assert_null (mapped_unit_row (other, "Phòng Tư pháp"));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (docket_test_ui_find_by_type (GTK_WIDGET (other),
                                                                               GTK_TYPE_TOGGLE_BUTTON)),
                                TRUE);
  docket_test_iterate (100);
  g_assert_nonnull (unit_row_in (other, "Phòng Tư pháp"));
  g_assert_false (docket_test_ui_shows_label (GTK_WIDGET (other_window), hint));

  gtk_window_destroy (other_window);
  g_object_unref (other);
  g_clear_object (&own);
  docket_test_iterate (50);
  docket_test_tmpdir_free (g_steal_pointer (&dir));
}

static GtkWindow *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      if (GTK_IS_FILE_CHOOSER (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }
  return NULL;
}

static gboolean
file_complete (gpointer path)
{
  g_autofree char *text = NULL;

  return g_file_get_contents (path, &text, NULL, NULL) && strstr (text, "END:VCALENDAR") != NULL;
}

static guint
count_lines (const char *text,
             const char *line)
{
  guint n = 0;

  for (const char *p = strstr (text, line); p != NULL; p = strstr (p + 1, line))
    n++;
  return n;
}

/* The calendar button of a unit saves its open items as to-dos, through the file
 * chooser, with what the exporter writes for that unit. */
static void
test_units_export_calendar (void)
{
  g_autofree char *db = g_build_filename (tmpdir, "sample.db", NULL);
  g_autoptr(DocketStore) reader = open_reader (db);
  g_autoptr(DocketUnit) unit = stored_unit (reader, "Trung tâm Phục vụ hành chính công xã");
  g_autofree char *dir = docket_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "trung-tam.ics", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  DocketIcsOptions options;
  GtkWidget *button = NULL;
  GtkWindow *chooser;

  g_assert_nonnull (unit);
  buttons = docket_test_ui_find_all (GTK_WIDGET (unit_row (unit->name)), GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)),
                   "Save the Unit’s Open Items as a Calendar…") == 0)
      button = g_ptr_array_index (buttons, i);
  click (button);
  docket_test_iterate (300);

  chooser = find_file_chooser ();
  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "trung-tam.ics");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_true (docket_test_wait_until (file_complete, path, 10000));

  docket_ics_options_init (&options);
  expected = docket_ics_build_unit (reader, unit->id, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, &error));
  g_assert_true (g_str_has_prefix (written, "BEGIN:VCALENDAR\r\n"));
  g_assert_cmpuint (count_lines (expected, "BEGIN:VTODO"), >, 0);
  g_assert_cmpuint (count_lines (written, "BEGIN:VTODO"), ==, count_lines (expected, "BEGIN:VTODO"));
  g_assert_cmpuint (count_lines (written, "BEGIN:VALARM"), ==, count_lines (expected, "BEGIN:VALARM"));
  docket_test_iterate (300);
  docket_test_tmpdir_free (g_steal_pointer (&dir));
}

/* At 360 pixels the rows wrap instead of overflowing. */
static void
test_units_narrow (void)
{
  g_autofree char *shot = g_test_build_filename (G_TEST_BUILT, "screenshot-units-narrow.png", NULL);

  gtk_window_set_default_size (window, 360, 640);
  docket_test_iterate (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  docket_test_ui_screenshot (GTK_WIDGET (window), shot);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;
  g_autoptr(GSimpleActionGroup) win_actions = NULL;
  static const GActionEntry entries[] = {
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
  store = open_reader (database);

  /* The view in a window of its own, with the window action it asks for. */
  view = g_object_new (DOCKET_TYPE_UNITS_VIEW, NULL);
  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (window, 800, 760);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (view));
  win_actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (win_actions), entries, G_N_ELEMENTS (entries), NULL);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "win", G_ACTION_GROUP (win_actions));
  docket_units_view_set_store (view, store);
  gtk_window_present (window);
  docket_test_ui_wait_drawn (GTK_WIDGET (window));

  g_test_add_func ("/docket/units-view/empty-state", test_units_empty_state);
  g_test_add_func ("/docket/units-view/add-through-dialog", test_units_add_through_dialog);
  g_test_add_func ("/docket/units-view/tree", test_units_tree);
  g_test_add_func ("/docket/units-view/edit", test_units_edit);
  g_test_add_func ("/docket/units-view/archive-and-undo", test_units_archive_and_undo);
  g_test_add_func ("/docket/units-view/figures", test_units_figures);
  g_test_add_func ("/docket/units-view/counted-when-shown", test_units_counted_when_shown);
  g_test_add_func ("/docket/units-view/export-calendar", test_units_export_calendar);
  g_test_add_func ("/docket/units-view/all-archived", test_units_all_archived);
  g_test_add_func ("/docket/units-view/narrow", test_units_narrow);

  ret = g_test_run ();
  gtk_window_destroy (window);
  docket_test_iterate (50);
  g_clear_object (&store);
  docket_test_tmpdir_free (g_steal_pointer (&tmpdir));
  g_free (database);
  return ret;
}
