/* test-meetings.c: recording a meeting in the real window
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "docket-application.h"
#include "docket-meeting-editor.h"
#include "docket-meetings-view.h"
#include "docket-item-edit-row.h"
#include "docket-store-items.h"
#include "docket-store-meetings.h"
#include "docket-store-units.h"
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

/* A second connection, as another program would read the file: what the window
 * stored is really in the database. */
static DocketStore *
open_reader (void)
{
  g_autoptr(GError) error = NULL;
  DocketStore *store = docket_store_open (database, &error);

  g_assert_no_error (error);
  return store;
}

static GtkWidget *
editor_row (const char *title)
{
  GtkWidget *editor = docket_test_ui_find_by_type (GTK_WIDGET (main_window ()),
                                                   DOCKET_TYPE_MEETING_EDITOR);
  GtkWidget *row;

  g_assert_nonnull (editor);
  row = docket_test_ui_find_row (editor, title);
  g_assert_nonnull (row);
  return row;
}

static DocketMeeting *
only_meeting (DocketStore *store)
{
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GError) error = NULL;
  DocketMeetingSummary *summary;

  meetings = docket_store_list_meetings (store, -1, 0, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, ==, 1);
  summary = g_ptr_array_index (meetings, 0);
  return docket_meeting_copy (summary->meeting);
}

static void
test_meetings_empty_state (void)
{
  DocketWindow *window = main_window ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-area", "s", "meetings");
  docket_test_iterate (100);
  g_assert_true (docket_test_ui_shows_label (GTK_WIDGET (window), "No Meetings Yet"));
  g_assert_true (docket_test_ui_shows_label (GTK_WIDGET (window), "_New Meeting") ||
                 docket_test_ui_shows_label (GTK_WIDGET (window), "New Meeting"));
}

static void
test_meetings_new_and_edit (void)
{
  DocketWindow *window = main_window ();
  g_autoptr(DocketStore) reader = NULL;
  g_autoptr(DocketMeeting) meeting = NULL;
  g_autofree char *shot = g_test_build_filename (G_TEST_BUILT, "screenshot-meeting-editor.png", NULL);
  GtkWidget *error_label;

  /* Ctrl+N starts a meeting dated today, its title ready to be typed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-meeting", NULL));
  docket_test_iterate (100);
  g_assert_cmpstr (docket_window_get_visible_area (window), ==, "meetings");

  gtk_editable_set_text (GTK_EDITABLE (editor_row ("Title")),
                         "Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2026");
  gtk_editable_set_text (GTK_EDITABLE (editor_row ("Date (day/month/year)")), "10/07/2026");
  gtk_editable_set_text (GTK_EDITABLE (editor_row ("Start time (hh:mm)")), "08:00");
  gtk_editable_set_text (GTK_EDITABLE (editor_row ("Location")), "Hội trường UBND xã");
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor_row ("Kind")), DOCKET_MEETING_KIND_REVIEW_HALF_YEAR);

  /* No Save button: the edits are stored a moment after the typing stops. */
  docket_test_iterate (1000);
  reader = open_reader ();
  meeting = only_meeting (reader);
  g_assert_cmpstr (meeting->title, ==, "Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2026");
  g_assert_cmpuint (meeting->date, ==, docket_date_new (2026, 7, 10));
  g_assert_cmpint (meeting->start_minutes, ==, 8 * 60);
  g_assert_cmpstr (meeting->location, ==, "Hội trường UBND xã");
  g_assert_cmpint (meeting->kind, ==, DOCKET_MEETING_KIND_REVIEW_HALF_YEAR);
  g_clear_pointer (&meeting, docket_meeting_free);

  /* An impossible date is marked where it was typed, explained, and changes nothing. */
  gtk_editable_set_text (GTK_EDITABLE (editor_row ("Date (day/month/year)")), "31/02/2026");
  docket_test_iterate (1000);
  g_assert_true (gtk_widget_has_css_class (editor_row ("Date (day/month/year)"), "error"));
  error_label = NULL;
  g_assert_true (docket_test_ui_shows_label (
                   GTK_WIDGET (window),
                   "“31/02/2026” is not a day of the calendar. Check the day and the month."));
  (void) error_label;
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_row ("Date (day/month/year)"))), ==,
                   "31/02/2026");
  meeting = only_meeting (reader);
  g_assert_cmpuint (meeting->date, ==, docket_date_new (2026, 7, 10));
  g_clear_pointer (&meeting, docket_meeting_free);

  /* An end before the start is refused the same way. */
  gtk_editable_set_text (GTK_EDITABLE (editor_row ("Date (day/month/year)")), "10/07/2026");
  gtk_editable_set_text (GTK_EDITABLE (editor_row ("End time (hh:mm)")), "07:00");
  docket_test_iterate (1000);
  g_assert_true (docket_test_ui_shows_label (GTK_WIDGET (window),
                                             "The meeting ends before it starts. Check the times."));
  meeting = only_meeting (reader);
  g_assert_cmpint (meeting->end_minutes, ==, -1);
  g_clear_pointer (&meeting, docket_meeting_free);
  gtk_editable_set_text (GTK_EDITABLE (editor_row ("End time (hh:mm)")), "11:30");
  docket_test_iterate (1000);

  docket_test_ui_screenshot (GTK_WIDGET (window), shot);
}

static GtkTextView *
last_text_view (void)
{
  GtkWidget *editor = docket_test_ui_find_by_type (GTK_WIDGET (main_window ()),
                                                   DOCKET_TYPE_MEETING_EDITOR);
  g_autoptr(GPtrArray) views = docket_test_ui_find_all (editor, GTK_TYPE_TEXT_VIEW);

  g_assert_cmpuint (views->len, >, 0);
  return g_ptr_array_index (views, views->len - 1);
}

static GPtrArray *
stored_conclusions (DocketStore *reader)
{
  g_autoptr(DocketMeeting) meeting = only_meeting (reader);
  g_autoptr(GError) error = NULL;
  GPtrArray *conclusions = docket_store_list_conclusions (reader, meeting->id, &error);

  g_assert_no_error (error);
  return conclusions;
}

static void
type_into (GtkTextView *view,
           const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static void
test_meetings_conclusions (void)
{
  DocketWindow *window = main_window ();
  GtkWidget *editor = docket_test_ui_find_by_type (GTK_WIDGET (window), DOCKET_TYPE_MEETING_EDITOR);
  g_autoptr(DocketStore) reader = open_reader ();
  g_autoptr(GPtrArray) conclusions = NULL;
  DocketConclusion *first;

  gtk_widget_activate_action (editor, "editor.add-conclusion", NULL);
  type_into (last_text_view (), "Thủ trưởng các đơn vị khắc phục ngay những tồn tại đã nêu.");
  gtk_widget_activate_action (editor, "editor.add-conclusion", NULL);
  type_into (last_text_view (), "Giảm tối đa hồ sơ trễ hạn trên hệ thống một cửa.");
  /* Leaving the page stores what was typed at once, without waiting. */
  docket_meeting_editor_flush (DOCKET_MEETING_EDITOR (editor));

  conclusions = stored_conclusions (reader);
  g_assert_cmpuint (conclusions->len, ==, 2);
  first = g_ptr_array_index (conclusions, 0);
  g_assert_cmpint (first->position, ==, 1);
  g_assert_cmpstr (first->text, ==, "Thủ trưởng các đơn vị khắc phục ngay những tồn tại đã nêu.");

  /* Move the second up, then delete it and undo the deletion from the toast. */
  gtk_widget_activate_action (editor, "editor.move-conclusion", "(xi)",
                              ((DocketConclusion *) g_ptr_array_index (conclusions, 1))->id, 1);
  g_clear_pointer (&conclusions, g_ptr_array_unref);
  conclusions = stored_conclusions (reader);
  g_assert_cmpstr (((DocketConclusion *) g_ptr_array_index (conclusions, 0))->text, ==,
                   "Giảm tối đa hồ sơ trễ hạn trên hệ thống một cửa.");

  gtk_widget_activate_action (editor, "editor.remove-conclusion", "x",
                              ((DocketConclusion *) g_ptr_array_index (conclusions, 0))->id);
  docket_test_iterate (100);
  g_assert_true (docket_test_ui_shows_label (GTK_WIDGET (window), "Conclusion removed"));
  g_clear_pointer (&conclusions, g_ptr_array_unref);
  conclusions = stored_conclusions (reader);
  g_assert_cmpuint (conclusions->len, ==, 1);

  gtk_widget_activate_action (editor, "editor.restore-conclusion", "(is)", 1,
                              "Giảm tối đa hồ sơ trễ hạn trên hệ thống một cửa.");
  g_clear_pointer (&conclusions, g_ptr_array_unref);
  conclusions = stored_conclusions (reader);
  g_assert_cmpuint (conclusions->len, ==, 2);
  g_assert_cmpstr (((DocketConclusion *) g_ptr_array_index (conclusions, 0))->text, ==,
                   "Giảm tối đa hồ sơ trễ hạn trên hệ thống một cửa.");
}

static DocketId
add_unit (DocketStore *store,
          const char  *name)
{
  g_autoptr(DocketUnit) unit = docket_unit_new ();
  g_autoptr(GError) error = NULL;
  DocketId id;

  unit->name = g_strdup (name);
  id = docket_store_add_unit (store, unit, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_meetings_items (void)
{
  DocketWindow *window = main_window ();
  GtkWidget *editor = docket_test_ui_find_by_type (GTK_WIDGET (window), DOCKET_TYPE_MEETING_EDITOR);
  g_autoptr(DocketStore) reader = open_reader ();
  g_autoptr(GPtrArray) conclusions = stored_conclusions (reader);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) dropdowns = NULL;
  g_autoptr(DocketItem) item = NULL;
  g_autoptr(DocketMeeting) meeting = only_meeting (reader);
  DocketConclusion *first = g_ptr_array_index (conclusions, 0);
  DocketItemQuery query;
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *row;
  DocketId noi_vu, tu_phap;

  noi_vu = add_unit (reader, "Phòng Nội vụ");
  tu_phap = add_unit (reader, "Phòng Tư pháp");
  (void) tu_phap;
  /* The page reads the new units when it is shown again. */
  docket_meeting_editor_set_meeting (DOCKET_MEETING_EDITOR (editor), meeting->id);

  gtk_widget_activate_action (editor, "editor.add-item", "x", first->id);
  rows = docket_test_ui_find_all (editor, DOCKET_TYPE_ITEM_EDIT_ROW);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  entries = docket_test_ui_find_all (row, GTK_TYPE_ENTRY);
  dropdowns = docket_test_ui_find_all (row, GTK_TYPE_DROP_DOWN);
  /* content, then the deadline; the lead unit dropdown comes first of the dropdowns. */
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)),
                         "Rà soát, khắc phục tồn tại trong tiếp nhận hồ sơ");
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 1)), "30/09/2026");

  /* Without a lead unit nothing is stored yet. */
  docket_item_edit_row_flush (DOCKET_ITEM_EDIT_ROW (row));
  docket_item_query_init (&query, docket_date_new (2026, 7, 15));
  query.meeting_id = meeting->id;
  items = docket_store_list_items_at (reader, &query, 0, 100, NULL);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (g_ptr_array_index (dropdowns, 0)), 1); /* Phòng Nội vụ */
  docket_item_edit_row_flush (DOCKET_ITEM_EDIT_ROW (row));
  items = docket_store_list_items_at (reader, &query, 0, 100, NULL);
  g_assert_cmpuint (items->len, ==, 1);
  item = docket_store_get_item (reader, ((DocketItemRow *) g_ptr_array_index (items, 0))->item->id, NULL);
  g_assert_cmpstr (item->content, ==, "Rà soát, khắc phục tồn tại trong tiếp nhận hồ sơ");
  g_assert_cmpint (item->lead_unit_id, ==, noi_vu);
  g_assert_cmpuint (item->deadline, ==, docket_date_new (2026, 9, 30));
  g_assert_cmpint (item->conclusion_id, ==, first->id);

  {
    g_autofree char *shot = g_test_build_filename (G_TEST_BUILT, "screenshot-meeting-items.png", NULL);
    GtkWidget *scroller = docket_test_ui_find_by_type (editor, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    docket_test_iterate (200);
    docket_test_ui_screenshot (GTK_WIDGET (window), shot);
  }
}

static void
test_meetings_typing_survives_close (void)
{
  DocketWindow *window = main_window ();
  GtkWidget *editor = docket_test_ui_find_by_type (GTK_WIDGET (window), DOCKET_TYPE_MEETING_EDITOR);
  g_autoptr(DocketStore) reader = NULL;
  g_autoptr(GPtrArray) conclusions = NULL;

  gtk_widget_activate_action (editor, "editor.add-conclusion", NULL);
  type_into (last_text_view (), "Đẩy mạnh thông tin, tuyên truyền về cải cách hành chính.");
  /* Closing the window right after typing loses nothing. */
  gtk_window_close (GTK_WINDOW (window));
  docket_test_iterate (50);

  reader = open_reader ();
  conclusions = stored_conclusions (reader);
  g_assert_cmpuint (conclusions->len, ==, 3);
  g_assert_cmpstr (((DocketConclusion *) g_ptr_array_index (conclusions, 2))->text, ==,
                   "Đẩy mạnh thông tin, tuyên truyền về cải cách hành chính.");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
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

  app = g_object_new (DOCKET_TYPE_APPLICATION,
                      "application-id", APP_ID,
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", RESOURCE_PREFIX,
                      NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  docket_test_ui_wait_drawn (GTK_WIDGET (main_window ()));

  g_test_add_func ("/docket/meetings/empty-state", test_meetings_empty_state);
  g_test_add_func ("/docket/meetings/new-and-edit", test_meetings_new_and_edit);
  g_test_add_func ("/docket/meetings/conclusions", test_meetings_conclusions);
  g_test_add_func ("/docket/meetings/items", test_meetings_items);
  g_test_add_func ("/docket/meetings/typing-survives-close", test_meetings_typing_survives_close);

  ret = g_test_run ();
  g_clear_object (&app);
  docket_test_tmpdir_free (g_steal_pointer (&tmpdir));
  g_free (database);
  return ret;
}
