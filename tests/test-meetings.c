/* test-meetings.c: recording a whole meeting through the widgets of the real window
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs in English and in Vietnamese (DOCKET_TEST_LANGUAGE=vi): every label the test
 * looks for goes through the same catalogue as the application.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "docket-application.h"
#include "docket-attachments-group.h"
#include "docket-item-edit-row.h"
#include "docket-meeting-editor.h"
#include "docket-meetings-view.h"
#include "docket-store-attachments.h"
#include "docket-store-items.h"
#include "docket-store-meetings.h"
#include "docket-store-units.h"
#include "docket-test-support.h"
#include "docket-test-ui.h"
#include "docket-window.h"

static DocketApplication *app;
static char *database;
static DocketId units[4];

static const char *conclusion_texts[] = {
  "Thủ trưởng các đơn vị khắc phục ngay những tồn tại, hạn chế đã nêu.",
  "Các đơn vị kiểm tra tác phong, thái độ phục vụ của công chức.",
  "Giảm tối đa hồ sơ trễ hạn trên hệ thống một cửa.",
  "Khi trả hồ sơ để bổ sung, nêu rõ giấy tờ còn thiếu và hướng dẫn cụ thể.",
  "Đẩy mạnh tuyên truyền cải cách hành chính, hướng tới chính quyền số.",
};

static const char *
lang (void)
{
  return g_strcmp0 (g_getenv ("DOCKET_TEST_LANGUAGE"), "vi") == 0 ? "vi" : "en";
}

static DocketWindow *
main_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (DOCKET_IS_WINDOW (window));
  return DOCKET_WINDOW (window);
}

static GtkWidget *
editor (void)
{
  GtkWidget *widget = docket_test_ui_find_by_type (GTK_WIDGET (main_window ()), DOCKET_TYPE_MEETING_EDITOR);

  g_assert_nonnull (widget);
  return widget;
}

/* A second connection, as another program would read the file. */
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
  GtkWidget *row = docket_test_ui_find_row (editor (), title);

  if (row == NULL)
    g_error ("No row titled “%s”", title);
  return row;
}

static void
type_row (const char *title,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editor_row (title)), text);
}

static DocketMeeting *
only_meeting (DocketStore *store)
{
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GError) error = NULL;

  meetings = docket_store_list_meetings (store, -1, 0, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, ==, 1);
  return docket_meeting_copy (((DocketMeetingSummary *) g_ptr_array_index (meetings, 0))->meeting);
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

static GPtrArray *
stored_items (DocketStore *reader)
{
  g_autoptr(DocketMeeting) meeting = only_meeting (reader);
  DocketItemQuery query;

  docket_item_query_init (&query, docket_date_new (2026, 7, 15));
  query.meeting_id = meeting->id;
  query.sort = DOCKET_ITEM_SORT_CREATED;
  return docket_store_list_items_at (reader, &query, 0, 100, NULL);
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
answer_dialog (const char * const *values,
               const char         *response)
{
  GtkWindow *dialog = find_dialog ();
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_nonnull (dialog);
  rows = docket_test_ui_find_all (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  for (guint i = 0; values[i] != NULL; i++)
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, i)), values[i]);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  docket_test_iterate (50);
}

static gboolean
shows (const char *text)
{
  return docket_test_ui_wait_for_label (GTK_WIDGET (main_window ()), text, 3000);
}

static void
test_meetings_empty_state (void)
{
  DocketWindow *window = main_window ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-area", "s", "meetings");
  docket_test_iterate (100);
  g_assert_true (shows (_("No Meetings Yet")));
}

static void
test_meetings_details (void)
{
  DocketWindow *window = main_window ();
  g_autoptr(DocketStore) reader = NULL;
  g_autoptr(DocketMeeting) meeting = NULL;
  g_autoptr(DocketPerson) chair = NULL;

  /* Ctrl+N starts a meeting dated today, its title ready to be typed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-meeting", NULL));
  docket_test_iterate (100);
  g_assert_cmpstr (docket_window_get_visible_area (window), ==, "meetings");

  type_row (_("Title"), "Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2026");
  type_row (_("Date (day/month/year)"), "10/07/2026");
  type_row (_("Start time (hh:mm)"), "08:00");
  type_row (_("End time (hh:mm)"), "11:30");
  type_row (_("Location"), "Hội trường UBND xã");
  type_row (_("Period reviewed from (day/month/year)"), "01/01/2026");
  type_row (_("Period reviewed to (day/month/year)"), "30/06/2026");
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor_row (_("Kind"))), DOCKET_MEETING_KIND_REVIEW_HALF_YEAR);

  /* The chair is created without leaving the page. */
  gtk_widget_activate_action (editor (), "editor.new-person", "s", "chair");
  docket_test_iterate (100);
  {
    const char *values[] = { "Nguyễn Văn An", "Phó Chủ tịch UBND xã", NULL };
    answer_dialog (values, "add");
  }

  /* No Save button: the edits are stored a moment after the typing stops. */
  docket_test_iterate (1000);
  reader = open_reader ();
  meeting = only_meeting (reader);
  g_assert_cmpstr (meeting->title, ==, "Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2026");
  g_assert_cmpuint (meeting->date, ==, docket_date_new (2026, 7, 10));
  g_assert_cmpint (meeting->start_minutes, ==, 8 * 60);
  g_assert_cmpint (meeting->end_minutes, ==, 11 * 60 + 30);
  g_assert_cmpstr (meeting->location, ==, "Hội trường UBND xã");
  g_assert_cmpuint (meeting->period_start, ==, docket_date_new (2026, 1, 1));
  g_assert_cmpuint (meeting->period_end, ==, docket_date_new (2026, 6, 30));
  g_assert_cmpint (meeting->kind, ==, DOCKET_MEETING_KIND_REVIEW_HALF_YEAR);
  chair = docket_store_get_person (reader, meeting->chair_id, NULL);
  g_assert_nonnull (chair);
  g_assert_cmpstr (chair->name, ==, "Nguyễn Văn An");
}

static void
check_refused (const char *row,
               const char *typed,
               const char *message)
{
  g_autoptr(DocketStore) reader = open_reader ();
  g_autoptr(DocketMeeting) before = only_meeting (reader);
  g_autoptr(DocketMeeting) after = NULL;
  g_autofree char *old = g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor_row (row))));

  type_row (row, typed);
  docket_test_iterate (1000);
  /* Marked where it was typed, explained in words, kept as typed, nothing stored. */
  g_assert_true (gtk_widget_has_css_class (editor_row (row), "error"));
  if (!shows (message))
    g_error ("“%s” is not shown", message);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_row (row))), ==, typed);
  after = only_meeting (reader);
  g_assert_cmpstr (after->title, ==, before->title);
  g_assert_cmpuint (after->date, ==, before->date);
  g_assert_cmpint (after->end_minutes, ==, before->end_minutes);
  type_row (row, old);
  docket_test_iterate (1000);
  g_assert_false (gtk_widget_has_css_class (editor_row (row), "error"));
}

static void
test_meetings_invalid_input (void)
{
  g_autofree char *impossible = g_strdup_printf (_("“%s” is not a day of the calendar. Check the day and the month."),
                                                 "31/02/2026");
  g_autofree char *not_date = g_strdup_printf (_("“%s” is not a date. Type it as day/month/year, for example 30/09/2026."),
                                               "next Monday");
  g_autofree char *bad_time = g_strdup_printf (_("“%s” is not a time of day. Type it as hours:minutes, for example 08:00."),
                                               "25:00");

  check_refused (_("Date (day/month/year)"), "31/02/2026", impossible);
  check_refused (_("Date (day/month/year)"), "next Monday", not_date);
  check_refused (_("Start time (hh:mm)"), "25:00", bad_time);
  check_refused (_("End time (hh:mm)"), "07:00", _("The meeting ends before it starts. Check the times."));
  check_refused (_("Title"), "", _("The meeting needs a title."));
}

static GtkTextView *
last_text_view (void)
{
  g_autoptr(GPtrArray) views = docket_test_ui_find_all (editor (), GTK_TYPE_TEXT_VIEW);

  g_assert_cmpuint (views->len, >, 0);
  return g_ptr_array_index (views, views->len - 1);
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
  g_autoptr(DocketStore) reader = open_reader ();
  g_autoptr(GPtrArray) conclusions = NULL;
  g_autofree char *undo_text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (conclusion_texts); i++)
    {
      gtk_widget_activate_action (editor (), "editor.add-conclusion", NULL);
      type_into (last_text_view (), conclusion_texts[i]);
      docket_test_iterate (700);
    }
  docket_meeting_editor_flush (DOCKET_MEETING_EDITOR (editor ()));

  conclusions = stored_conclusions (reader);
  g_assert_cmpuint (conclusions->len, ==, 5);
  for (guint i = 0; i < conclusions->len; i++)
    {
      DocketConclusion *conclusion = g_ptr_array_index (conclusions, i);
      g_assert_cmpint (conclusion->position, ==, i + 1);
      g_assert_cmpstr (conclusion->text, ==, conclusion_texts[i]);
    }
  /* Each stored conclusion, the one just typed too, offers Add Item for itself. */
  {
    g_autoptr(GPtrArray) buttons = docket_test_ui_find_all (editor (), GTK_TYPE_BUTTON);
    guint n_add = 0;
    gboolean last_has_add = FALSE;
    DocketId last = ((DocketConclusion *) g_ptr_array_index (conclusions, 4))->id;

    for (guint i = 0; i < buttons->len; i++)
      {
        GtkWidget *button = g_ptr_array_index (buttons, i);
        GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));

        if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), "editor.add-item") != 0)
          continue;
        n_add++;
        if (target != NULL && g_variant_get_int64 (target) == last)
          last_has_add = TRUE;
      }
    g_assert_cmpuint (n_add, ==, 5);
    g_assert_true (last_has_add);
  }

  /* Move the last up to second, then back. */
  gtk_widget_activate_action (editor (), "editor.move-conclusion", "(xi)",
                              ((DocketConclusion *) g_ptr_array_index (conclusions, 4))->id, 2);
  g_clear_pointer (&conclusions, g_ptr_array_unref);
  conclusions = stored_conclusions (reader);
  g_assert_cmpstr (((DocketConclusion *) g_ptr_array_index (conclusions, 1))->text, ==, conclusion_texts[4]);
  gtk_widget_activate_action (editor (), "editor.move-conclusion", "(xi)",
                              ((DocketConclusion *) g_ptr_array_index (conclusions, 1))->id, 5);
  g_clear_pointer (&conclusions, g_ptr_array_unref);

  /* Delete the third, and undo it from the toast. */
  conclusions = stored_conclusions (reader);
  gtk_widget_activate_action (editor (), "editor.remove-conclusion", "x",
                              ((DocketConclusion *) g_ptr_array_index (conclusions, 2))->id);
  docket_test_iterate (100);
  g_assert_true (shows (_("Conclusion removed")));
  g_clear_pointer (&conclusions, g_ptr_array_unref);
  conclusions = stored_conclusions (reader);
  g_assert_cmpuint (conclusions->len, ==, 4);
  gtk_widget_activate_action (editor (), "editor.restore-conclusion", "(is)", 3, conclusion_texts[2]);
  g_clear_pointer (&conclusions, g_ptr_array_unref);
  conclusions = stored_conclusions (reader);
  g_assert_cmpuint (conclusions->len, ==, 5);
  for (guint i = 0; i < conclusions->len; i++)
    g_assert_cmpstr (((DocketConclusion *) g_ptr_array_index (conclusions, i))->text, ==, conclusion_texts[i]);
}

typedef struct
{
  guint       conclusion;   /* 0-based */
  const char *content;
  guint       lead;         /* index into units[] */
  int         coordinating; /* index into units[], or -1 */
  const char *deadline;     /* dd/mm/yyyy, NULL for working days, "" for none */
  int         working_days;
} ItemSpec;

static const ItemSpec item_specs[] = {
  { 0, "Rà soát, khắc phục tồn tại trong tiếp nhận hồ sơ", 0, 1, "30/09/2026", 0 },
  { 0, "Phân công rõ trách nhiệm từng bộ phận", 1, -1, "31/08/2026", 0 },
  { 1, "Kiểm tra tác phong, thái độ phục vụ của công chức", 0, -1, "31/10/2026", 0 },
  { 2, "Giảm hồ sơ trễ hạn trên hệ thống một cửa", 2, 0, NULL, 10 },
  { 2, "Báo cáo số hồ sơ trễ hạn hằng tháng", 2, -1, "", 0 },
  { 3, "Hướng dẫn cụ thể khi trả hồ sơ bổ sung", 3, 2, "15/09/2026", 0 },
  { 4, "Tuyên truyền cải cách hành chính trên loa truyền thanh", 1, 3, "31/12/2026", 0 },
  { 4, "Đăng tải thủ tục hành chính lên trang thông tin xã", 3, -1, "30/11/2026", 0 },
};

/* Every item row of the meeting is on the page again (after a rebuild). */
static gboolean
all_item_rows (gpointer data)
{
  g_autoptr(GPtrArray) rows = docket_test_ui_find_all (editor (), DOCKET_TYPE_ITEM_EDIT_ROW);

  return rows->len == G_N_ELEMENTS (item_specs);
}

static GtkWidget *
new_item_row (void)
{
  g_autoptr(GPtrArray) rows = docket_test_ui_find_all (editor (), DOCKET_TYPE_ITEM_EDIT_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (docket_item_edit_row_get_id (g_ptr_array_index (rows, i)) == 0)
      return g_ptr_array_index (rows, i);
  g_assert_not_reached ();
  return NULL;
}

static gboolean
popover_shown (gpointer popover)
{
  return gtk_widget_get_mapped (popover);
}

/* The lead unit is chosen as a person does: open the button's list, type part of the
 * name without its diacritics, and press Enter to take the first unit that matches. */
static void
choose_lead (GtkWidget *row,
             guint      lead)
{
  g_autoptr(DocketStore) reader = open_reader ();
  g_autoptr(DocketUnit) unit = docket_store_get_unit (reader, units[lead], NULL);
  g_autofree char *typed = docket_fold (unit->name);
  GtkWidget *button = docket_item_edit_row_get_lead_button (DOCKET_ITEM_EDIT_ROW (row));
  GtkPopover *popover;
  GtkWidget *search;
  GtkWidget *focus;
  graphene_point_t at;

  g_assert_true (docket_test_ui_shows_label (button, _("Choose the lead unit…")));
  /* As a person would, bring the new row on screen (once it has its place) first. */
  docket_test_iterate (100);
  docket_test_ui_scroll_to (button);
  g_assert_true (gtk_widget_compute_point (button, GTK_WIDGET (main_window ()), &GRAPHENE_POINT_INIT (0, 0), &at));
  g_assert_cmpfloat (at.y, <, gtk_widget_get_height (GTK_WIDGET (main_window ())));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (popover);
  g_assert_true (docket_test_wait_until (popover_shown, popover, 2000));
  /* Typing goes to the search field at once. */
  search = docket_test_ui_find_by_type (GTK_WIDGET (popover), GTK_TYPE_SEARCH_ENTRY);
  focus = gtk_root_get_focus (gtk_widget_get_root (search));
  g_assert_true (focus != NULL && (focus == search || gtk_widget_is_ancestor (focus, search)));
  /* The list shows every unit until something is typed. */
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (popover), unit->name, 1000));
  gtk_editable_set_text (GTK_EDITABLE (search), typed);
  docket_test_iterate (300);
  g_signal_emit_by_name (search, "activate");
  docket_test_iterate (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (docket_test_ui_shows_label (button, unit->name));
}

/* Opens the kind-of-deadline button and activates a choice, as Enter would. */
static void
choose_deadline_kind (GtkWidget  *row,
                      const char *kind)
{
  GtkWidget *button = docket_item_edit_row_get_deadline_button (DOCKET_ITEM_EDIT_ROW (row));
  g_autoptr(GPtrArray) checks = NULL;
  GtkPopover *popover;
  gboolean found = FALSE;

  docket_test_ui_scroll_to (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (popover);
  g_assert_true (docket_test_wait_until (popover_shown, popover, 2000));
  checks = docket_test_ui_find_all (GTK_WIDGET (popover), GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (checks->len, ==, 3);
  for (guint i = 0; i < checks->len; i++)
    if (g_strcmp0 (gtk_check_button_get_label (g_ptr_array_index (checks, i)), kind) == 0)
      {
        g_assert_true (gtk_widget_activate (g_ptr_array_index (checks, i)));
        found = TRUE;
      }
  g_assert_true (found);
  docket_test_iterate (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (docket_test_ui_shows_label (button, kind));
}

static void
fill_item_row (GtkWidget      *row,
               const ItemSpec *spec)
{
  g_autoptr(GPtrArray) entries = docket_test_ui_find_all (row, GTK_TYPE_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), spec->content);
  choose_lead (row, spec->lead);
  if (spec->coordinating >= 0)
    {
      GtkWidget *popover;
      g_autoptr(GPtrArray) checks = NULL;
      g_autoptr(DocketStore) reader = open_reader ();
      g_autoptr(DocketUnit) unit = docket_store_get_unit (reader, units[spec->coordinating], NULL);

      /* The checks the popover shows; ticking one is what a click on it does. */
      popover = docket_item_edit_row_get_coordinating_checks (DOCKET_ITEM_EDIT_ROW (row));
      checks = docket_test_ui_find_all (popover, GTK_TYPE_CHECK_BUTTON);
      for (guint i = 0; i < checks->len; i++)
        if (g_strcmp0 (gtk_check_button_get_label (g_ptr_array_index (checks, i)), unit->name) == 0)
          gtk_check_button_set_active (g_ptr_array_index (checks, i), TRUE);
    }
  if (spec->deadline == NULL)
    {
      g_autoptr(GPtrArray) spins = NULL;

      choose_deadline_kind (row, _("Working days after the notice"));
      spins = docket_test_ui_find_all (row, GTK_TYPE_SPIN_BUTTON);
      g_assert_cmpuint (spins->len, ==, 1);
      g_assert_true (gtk_widget_get_visible (g_ptr_array_index (spins, 0)));
      gtk_spin_button_set_value (g_ptr_array_index (spins, 0), spec->working_days);
    }
  else if (*spec->deadline == '\0')
    choose_deadline_kind (row, _("No deadline (ongoing)"));
  else
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 1)), spec->deadline);
  docket_item_edit_row_flush (DOCKET_ITEM_EDIT_ROW (row));
}

static void check_item_row (GtkWidget      *row,
                            const ItemSpec *spec);
static GtkWidget *find_by_action (GtkWidget  *root,
                                  const char *action);

/* Removes the item of the page's row @index with its row's action, then undoes it:
 * only that row leaves the page and comes back, in its place; the other item rows
 * and the conclusions stay the very same widgets (and whatever is typed in them). */
static void
remove_and_undo_item (DocketStore *reader,
                      guint        index)
{
  g_autoptr(GPtrArray) before = docket_test_ui_find_all (editor (), DOCKET_TYPE_ITEM_EDIT_ROW);
  g_autoptr(GPtrArray) views = docket_test_ui_find_all (editor (), GTK_TYPE_TEXT_VIEW);
  g_autoptr(GPtrArray) removed = NULL;
  g_autoptr(GPtrArray) restored = NULL;
  g_autoptr(GPtrArray) views_after = NULL;
  DocketId id = docket_item_edit_row_get_id (g_ptr_array_index (before, index));
  DocketItem *stored;

  GtkWidget *row = g_ptr_array_index (before, index);
  GtkWidget *next = gtk_widget_get_next_sibling (row);
  GtkWidget *focus;

  g_assert_cmpint (id, !=, 0);
  /* As from the keyboard: the focus on the row's Remove button. */
  g_assert_true (gtk_widget_grab_focus (find_by_action (row, "item-row.remove")));
  g_assert_true (gtk_widget_activate_action (row, "item-row.remove", NULL));
  docket_test_iterate (100);
  /* The focus goes on to the next item of the conclusion, or its Add Item button. */
  focus = gtk_root_get_focus (GTK_ROOT (main_window ()));
  g_assert_nonnull (focus);
  if (next != NULL)
    g_assert_true (gtk_widget_is_ancestor (focus, next));
  else
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==, "editor.add-item");
  g_assert_true (shows (_("Item removed")));
  stored = docket_store_get_item (reader, id, NULL);
  g_assert_cmpint (stored->state, ==, DOCKET_ITEM_STATE_CANCELLED);
  docket_item_free (stored);
  removed = docket_test_ui_find_all (editor (), DOCKET_TYPE_ITEM_EDIT_ROW);
  g_assert_cmpuint (removed->len, ==, before->len - 1);
  for (guint i = 0; i < removed->len; i++)
    g_assert_true (g_ptr_array_index (removed, i) == g_ptr_array_index (before, i < index ? i : i + 1));

  gtk_widget_activate_action (editor (), "editor.restore-item", "x", id);
  docket_test_iterate (100);
  stored = docket_store_get_item (reader, id, NULL);
  g_assert_cmpint (stored->state, ==, DOCKET_ITEM_STATE_OPEN);
  docket_item_free (stored);
  restored = docket_test_ui_find_all (editor (), DOCKET_TYPE_ITEM_EDIT_ROW);
  g_assert_cmpuint (restored->len, ==, before->len);
  for (guint i = 0; i < restored->len; i++)
    if (i != index)
      g_assert_true (g_ptr_array_index (restored, i) == g_ptr_array_index (before, i));
  g_assert_cmpint (docket_item_edit_row_get_id (g_ptr_array_index (restored, index)), ==, id);
  check_item_row (g_ptr_array_index (restored, index), &item_specs[index]);
  views_after = docket_test_ui_find_all (editor (), GTK_TYPE_TEXT_VIEW);
  g_assert_cmpuint (views_after->len, ==, views->len);
  for (guint i = 0; i < views->len; i++)
    g_assert_true (g_ptr_array_index (views_after, i) == g_ptr_array_index (views, i));
}

static void
test_meetings_items (void)
{
  g_autoptr(DocketStore) reader = open_reader ();
  g_autoptr(GPtrArray) conclusions = stored_conclusions (reader);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(DocketMeeting) meeting = only_meeting (reader);
  g_autoptr(DocketCalendar) calendar = docket_calendar_new ();
  g_autofree char *shot = NULL;
  GtkWidget *scroller;

  for (guint i = 0; i < G_N_ELEMENTS (item_specs); i++)
    {
      DocketConclusion *conclusion = g_ptr_array_index (conclusions, item_specs[i].conclusion);

      gtk_widget_activate_action (editor (), "editor.add-item", "x", conclusion->id);
      fill_item_row (new_item_row (), &item_specs[i]);
    }

  items = stored_items (reader);
  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (item_specs));
  for (guint i = 0; i < items->len; i++)
    {
      DocketItemRow *row = g_ptr_array_index (items, i);
      g_autoptr(DocketItem) item = docket_store_get_item (reader, row->item->id, NULL);
      const ItemSpec *spec = &item_specs[i];

      g_assert_cmpstr (item->content, ==, spec->content);
      g_assert_cmpint (item->lead_unit_id, ==, units[spec->lead]);
      g_assert_cmpint (item->conclusion_id, ==,
                       ((DocketConclusion *) g_ptr_array_index (conclusions, spec->conclusion))->id);
      if (spec->coordinating >= 0)
        {
          g_assert_cmpuint (item->n_coordinating, ==, 1);
          g_assert_cmpint (item->coordinating_unit_ids[0], ==, units[spec->coordinating]);
        }
      else
        g_assert_cmpuint (item->n_coordinating, ==, 0);
      if (spec->deadline == NULL)
        {
          /* Counted from the meeting day, as the notice is not issued yet. */
          g_assert_cmpint (item->deadline_working_days, ==, spec->working_days);
          g_assert_cmpuint (item->deadline, ==,
                            docket_calendar_add_working_days (calendar, meeting->date, spec->working_days));
        }
      else if (*spec->deadline == '\0')
        g_assert_cmpuint (item->deadline, ==, DOCKET_DATE_NONE);
      else
        {
          DocketDate expected;
          g_assert_true (docket_date_parse (spec->deadline, &expected, NULL));
          g_assert_cmpuint (item->deadline, ==, expected);
        }
    }

  /* On the first item's row: the star, an impossible deadline, removal with Undo. */
  {
    g_autoptr(GPtrArray) rows = docket_test_ui_find_all (editor (), DOCKET_TYPE_ITEM_EDIT_ROW);
    GtkWidget *row = g_ptr_array_index (rows, 0);
    DocketId id = docket_item_edit_row_get_id (DOCKET_ITEM_EDIT_ROW (row));
    g_autoptr(GPtrArray) toggles = docket_test_ui_find_all (row, GTK_TYPE_TOGGLE_BUTTON);
    g_autoptr(GPtrArray) entries = docket_test_ui_find_all (row, GTK_TYPE_ENTRY);
    g_autofree char *impossible = g_strdup_printf (_("“%s” is not a day of the calendar. Check the day and the month."),
                                                   "31/02/2026");
    GtkToggleButton *star = NULL;
    DocketItem *stored;

    g_assert_cmpint (id, !=, 0);
    for (guint i = 0; i < toggles->len; i++)
      if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (toggles, i)), _("Priority")) == 0)
        star = g_ptr_array_index (toggles, i);
    g_assert_nonnull (star);
    gtk_toggle_button_set_active (star, TRUE);
    docket_item_edit_row_flush (DOCKET_ITEM_EDIT_ROW (row));
    stored = docket_store_get_item (reader, id, NULL);
    g_assert_true (stored->starred);
    docket_item_free (stored);
    gtk_toggle_button_set_active (star, FALSE);
    docket_item_edit_row_flush (DOCKET_ITEM_EDIT_ROW (row));

    /* 31/02 is marked where it was typed, kept, and the stored deadline stays. */
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 1)), "31/02/2026");
    docket_item_edit_row_flush (DOCKET_ITEM_EDIT_ROW (row));
    g_assert_true (docket_test_ui_wait_for_label (row, impossible, 3000));
    g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (entries, 1), "error"));
    stored = docket_store_get_item (reader, id, NULL);
    g_assert_false (stored->starred);
    g_assert_cmpuint (stored->deadline, ==, docket_date_new (2026, 9, 30));
    docket_item_free (stored);
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 1)), item_specs[0].deadline);
    docket_item_edit_row_flush (DOCKET_ITEM_EDIT_ROW (row));
    g_assert_false (gtk_widget_has_css_class (g_ptr_array_index (entries, 1), "error"));

    /* Removed: cancelled in the store (its history stays), and Undo brings it back,
     * the first of its conclusion and one after another. */
    remove_and_undo_item (reader, 0);
    remove_and_undo_item (reader, 4);
    g_assert_true (docket_test_wait_until (all_item_rows, NULL, 5000));
  }

  /* A conclusion with items is not removed (its items would be orphaned). */
  gtk_widget_activate_action (editor (), "editor.remove-conclusion", "x",
                              ((DocketConclusion *) g_ptr_array_index (conclusions, 0))->id);
  docket_test_iterate (100);
  g_clear_pointer (&conclusions, g_ptr_array_unref);
  conclusions = stored_conclusions (reader);
  g_assert_cmpuint (conclusions->len, ==, 5);

  shot = g_strdup_printf ("screenshot-meeting-items-%s.png", lang ());
  scroller = docket_test_ui_find_by_type (editor (), GTK_TYPE_SCROLLED_WINDOW);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                            gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller))));
  docket_test_iterate (200);
  {
    g_autofree char *path = g_test_build_filename (G_TEST_BUILT, shot, NULL);
    docket_test_ui_screenshot (GTK_WIDGET (main_window ()), path);
  }
}

static void
test_meetings_attachments (void)
{
  GtkWidget *group = docket_test_ui_find_by_type (editor (), DOCKET_TYPE_ATTACHMENTS_GROUP);
  g_autofree char *dir = docket_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "anh-hoi-nghi.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) reader = open_reader ();
  g_autoptr(DocketMeeting) meeting = only_meeting (reader);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) kept = NULL;

  /* A real picture: the screenshot of the page so far. */
  docket_test_ui_screenshot (GTK_WIDGET (main_window ()), path);
  original = docket_test_read_file (path);
  g_assert_true (docket_attachments_group_add_file (DOCKET_ATTACHMENTS_GROUP (group), file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (docket_attachments_group_get_n_files (DOCKET_ATTACHMENTS_GROUP (group)), ==, 1);
  g_assert_true (docket_test_ui_wait_for_label (group, "anh-hoi-nghi.png", 3000));

  stored = docket_store_list_meeting_attachments (reader, meeting->id, NULL);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpstr (((DocketAttachment *) g_ptr_array_index (stored, 0))->mime_type, ==, "image/png");
  kept = docket_store_dup_attachment_content (reader, ((DocketAttachment *) g_ptr_array_index (stored, 0))->id, NULL);
  g_assert_true (g_bytes_equal (kept, original));

  gtk_widget_activate_action (group, "attachments.remove", "x",
                              ((DocketAttachment *) g_ptr_array_index (stored, 0))->id);
  g_assert_cmpuint (docket_attachments_group_get_n_files (DOCKET_ATTACHMENTS_GROUP (group)), ==, 0);
  gtk_widget_activate_action (group, "attachments.restore", "(s@ay)", "anh-hoi-nghi.png",
                              g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, original, TRUE));
  g_assert_cmpuint (docket_attachments_group_get_n_files (DOCKET_ATTACHMENTS_GROUP (group)), ==, 1);
  docket_test_tmpdir_free (g_steal_pointer (&dir));
}

static gboolean
has_window (gpointer data)
{
  return gtk_application_get_active_window (GTK_APPLICATION (app)) != NULL;
}

/* An item row read back from the file shows what was recorded through it. */
static void
check_item_row (GtkWidget      *row,
                const ItemSpec *spec)
{
  g_autoptr(DocketStore) reader = open_reader ();
  g_autoptr(DocketUnit) lead = docket_store_get_unit (reader, units[spec->lead], NULL);
  g_autoptr(GPtrArray) entries = docket_test_ui_find_all (row, GTK_TYPE_ENTRY);
  GtkWidget *deadline_button = docket_item_edit_row_get_deadline_button (DOCKET_ITEM_EDIT_ROW (row));
  GtkWidget *checks = docket_item_edit_row_get_coordinating_checks (DOCKET_ITEM_EDIT_ROW (row));
  guint ticked = 0;

  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 0)), ==, spec->content);
  g_assert_true (docket_test_ui_shows_label (docket_item_edit_row_get_lead_button (DOCKET_ITEM_EDIT_ROW (row)),
                                             lead->name));
  for (GtkWidget *check = gtk_widget_get_first_child (checks); check; check = gtk_widget_get_next_sibling (check))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
      {
        g_autoptr(DocketUnit) unit = docket_store_get_unit (reader, units[spec->coordinating], NULL);

        g_assert_cmpint (spec->coordinating, >=, 0);
        g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), ==, unit->name);
        ticked++;
      }
  g_assert_cmpuint (ticked, ==, spec->coordinating >= 0 ? 1 : 0);
  if (spec->deadline == NULL)
    {
      g_autoptr(GPtrArray) spins = docket_test_ui_find_all (row, GTK_TYPE_SPIN_BUTTON);

      g_assert_true (docket_test_ui_shows_label (deadline_button, _("Working days after the notice")));
      g_assert_cmpuint (spins->len, ==, 1);
      g_assert_cmpint (gtk_spin_button_get_value_as_int (g_ptr_array_index (spins, 0)), ==, spec->working_days);
    }
  else if (*spec->deadline == '\0')
    g_assert_true (docket_test_ui_shows_label (deadline_button, _("No deadline (ongoing)")));
  else
    {
      g_assert_true (docket_test_ui_shows_label (deadline_button, _("Deadline on a date")));
      g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 1)), ==, spec->deadline);
    }
}

static gboolean
page_complete (gpointer data)
{
  g_autoptr(GPtrArray) views = docket_test_ui_find_all (editor (), GTK_TYPE_TEXT_VIEW);
  g_autoptr(GPtrArray) item_rows = docket_test_ui_find_all (editor (), DOCKET_TYPE_ITEM_EDIT_ROW);

  return views->len >= 6 && item_rows->len >= G_N_ELEMENTS (item_specs);
}

static void
test_meetings_reopen_window (void)
{
  g_autoptr(DocketStore) reader = NULL;
  g_autoptr(DocketMeeting) meeting = NULL;
  g_autoptr(GPtrArray) conclusions = NULL;
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(GPtrArray) item_rows = NULL;
  g_autofree char *shot = g_strdup_printf ("screenshot-meeting-editor-%s.png", lang ());

  /* Type a last conclusion and close the window at once: nothing is lost. */
  gtk_widget_activate_action (editor (), "editor.add-conclusion", NULL);
  type_into (last_text_view (), "Kết luận bổ sung ghi ngay trước khi đóng cửa sổ.");
  gtk_window_close (GTK_WINDOW (main_window ()));
  docket_test_iterate (100);
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));

  reader = open_reader ();
  meeting = only_meeting (reader);
  conclusions = stored_conclusions (reader);
  g_assert_cmpuint (conclusions->len, ==, 6);
  g_assert_cmpstr (((DocketConclusion *) g_ptr_array_index (conclusions, 5))->text, ==,
                   "Kết luận bổ sung ghi ngay trước khi đóng cửa sổ.");

  /* A new window shows everything from the file. */
  g_application_activate (G_APPLICATION (app));
  g_assert_true (docket_test_wait_until (has_window, NULL, 2000));
  docket_test_ui_wait_drawn (GTK_WIDGET (main_window ()));
  gtk_widget_activate_action (GTK_WIDGET (main_window ()), "win.show-meeting", "x", meeting->id);
  docket_test_iterate (200);
  /* The conclusions come in over the first frames after the top of the page. */
  g_assert_true (docket_test_wait_until (page_complete, NULL, 5000));

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_row (_("Title")))), ==, meeting->title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_row (_("Date (day/month/year)")))), ==, "10/07/2026");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_row (_("Start time (hh:mm)")))), ==, "08:00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_row (_("End time (hh:mm)")))), ==, "11:30");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_row (_("Location")))), ==, "Hội trường UBND xã");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (editor_row (_("Kind")))), ==,
                    DOCKET_MEETING_KIND_REVIEW_HALF_YEAR);
  g_assert_true (shows ("Nguyễn Văn An, Phó Chủ tịch UBND xã"));

  views = docket_test_ui_find_all (editor (), GTK_TYPE_TEXT_VIEW);
  g_assert_cmpuint (views->len, ==, 6);
  item_rows = docket_test_ui_find_all (editor (), DOCKET_TYPE_ITEM_EDIT_ROW);
  g_assert_cmpuint (item_rows->len, ==, G_N_ELEMENTS (item_specs));
  for (guint i = 0; i < item_rows->len; i++)
    check_item_row (g_ptr_array_index (item_rows, i), &item_specs[i]);
  g_assert_cmpuint (docket_attachments_group_get_n_files (
                      DOCKET_ATTACHMENTS_GROUP (docket_test_ui_find_by_type (editor (), DOCKET_TYPE_ATTACHMENTS_GROUP))), ==, 1);

  {
    g_autofree char *path = g_test_build_filename (G_TEST_BUILT, shot, NULL);
    docket_test_ui_screenshot (GTK_WIDGET (main_window ()), path);
  }
}

static gboolean
window_is_360 (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (main_window ())) == 360;
}

/* Nothing in the window asks for more than 360 pixels, and the window is that wide. */
static void
assert_fits_360 (const char *where)
{
  GtkWidget *window = GTK_WIDGET (main_window ());
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));

  g_test_message ("At 360 px: %s", where);
  g_assert_cmpint (docket_test_ui_min_width (content, 360), <=, 360);
  g_assert_true (docket_test_wait_until (window_is_360, NULL, 5000));
  g_assert_cmpint (gtk_widget_get_width (window), ==, 360);
  g_assert_cmpint (gtk_widget_get_width (content), ==, 360);
}

static void
narrow_screenshot (const char *what)
{
  g_autofree char *name = g_strdup_printf ("screenshot-%s-%s.png", what, lang ());
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  docket_test_iterate (100);
  docket_test_ui_screenshot (GTK_WIDGET (main_window ()), path);
}

static GtkWidget *
find_by_action (GtkWidget  *root,
                const char *action)
{
  if (GTK_IS_ACTIONABLE (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_action (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog () != NULL;
}

/* Tab, as the window moves the focus when the key is pressed. */
static GtkWidget *
tab (void)
{
  GtkWidget *window = GTK_WIDGET (main_window ());

  g_assert_true (gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD));
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* At 360 px the whole window fits, on the meeting page with a full meeting (in each
 * of its states) and on every other area: the header bar, the state of the meeting
 * and its buttons, the item rows go on more lines instead of widening the window or
 * being cut at its edge. */
static void
test_meetings_narrow (void)
{
  g_autoptr(GPtrArray) item_rows = NULL;
  GtkWidget *window = GTK_WIDGET (main_window ());
  GtkWidget *back, *recorded, *notice, *notice_menu;
  GtkWidget *row;
  g_autoptr(DocketStore) reader = open_reader ();
  g_autoptr(DocketMeeting) meeting = only_meeting (reader);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  docket_test_iterate (300);
  g_assert_true (docket_test_wait_until (page_complete, NULL, 5000));
  assert_fits_360 ("the meeting page, draft");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                              GTK_SCROLLED_WINDOW (docket_test_ui_find_by_type (editor (), GTK_TYPE_SCROLLED_WINDOW))), 0);
  narrow_screenshot ("meeting-narrow-top");

  /* The state's buttons are reached with Tab, in order, right after the way back
   * to the list. */
  back = find_by_action (window, "meetings.back");
  recorded = find_by_action (editor (), "editor.mark-recorded");
  notice = find_by_action (editor (), "editor.issue-notice");
  /* The menu of the notice's files sits with the state's buttons. */
  notice_menu = docket_test_ui_find_by_type (gtk_widget_get_parent (gtk_widget_get_parent (notice)),
                                             GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (notice_menu);
  g_assert_nonnull (back);
  docket_test_ui_wait_drawn (back);
  g_assert_true (gtk_widget_grab_focus (back));
  g_assert_true (tab () == recorded);
  g_assert_true (tab () == notice);
  g_assert_true (gtk_widget_is_ancestor (tab (), notice_menu));
  g_assert_true (gtk_widget_is_ancestor (tab (), editor_row (_("Title"))));

  /* Inside a conclusion (its number on the left, its buttons on the right) a 360 px
   * window leaves about 200 px to an item row. */
  item_rows = docket_test_ui_find_all (editor (), DOCKET_TYPE_ITEM_EDIT_ROW);
  g_assert_cmpuint (item_rows->len, >, 0);
  for (guint i = 0; i < item_rows->len; i++)
    {
      int minimum = 0;

      gtk_widget_measure (g_ptr_array_index (item_rows, i), GTK_ORIENTATION_HORIZONTAL, -1,
                          &minimum, NULL, NULL, NULL);
      g_assert_cmpint (minimum, <=, 200);
    }
  row = g_ptr_array_index (item_rows, item_rows->len - 1);
  docket_test_ui_scroll_to (row);
  {
    GtkWidget *controls[] = {
      docket_item_edit_row_get_lead_button (DOCKET_ITEM_EDIT_ROW (row)),
      docket_item_edit_row_get_deadline_button (DOCKET_ITEM_EDIT_ROW (row)),
    };

    for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
      {
        graphene_rect_t bounds;

        g_assert_true (gtk_widget_compute_bounds (controls[i], window, &bounds));
        g_assert_cmpfloat (bounds.origin.x, >=, 0);
        g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (window));
      }
  }
  narrow_screenshot ("meeting-narrow");

  /* Recorded, then with its notice issued (the longest state, its buttons changed). */
  gtk_widget_grab_focus (recorded);
  g_assert_true (gtk_widget_activate (recorded));
  /* A button activated from the keyboard shows itself pressed for a moment first. */
  g_assert_true (docket_test_wait_until (is_unmapped, recorded, 3000));
  assert_fits_360 ("the meeting page, recorded");
  g_assert_true (gtk_widget_activate (notice));
  g_assert_true (docket_test_wait_until (has_dialog, NULL, 3000));
  answer_dialog ((const char *[]) { "45/TB-UBND", "20/07/2026", NULL }, "issue");
  g_assert_true (gtk_widget_get_mapped (find_by_action (editor (), "editor.reopen")));
  g_assert_false (gtk_widget_get_mapped (notice));
  assert_fits_360 ("the meeting page, notice issued");

  /* The other areas, with this meeting's data in them, and an item's page. */
  {
    const char *areas[] = { "dashboard", "items", "units" };

    for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
      {
        g_autofree char *what = g_strdup_printf ("narrow-%s", areas[i]);

        gtk_widget_activate_action (window, "win.show-area", "s", areas[i]);
        docket_test_iterate (300);
        assert_fits_360 (areas[i]);
        narrow_screenshot (what);
      }
  }
  {
    g_autoptr(GPtrArray) items = stored_items (reader);

    gtk_widget_activate_action (window, "win.show-item", "x",
                                ((DocketItemRow *) g_ptr_array_index (items, 0))->item->id);
    docket_test_iterate (300);
    assert_fits_360 ("an item's page");
    narrow_screenshot ("narrow-item-page");
  }
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
  if (g_str_equal (lang (), "vi") && !g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "vi"))
    g_error ("The vi_VN.UTF-8 locale is missing (generate it with localedef)");
  tmpdir = docket_test_tmpdir_new ();
  database = g_build_filename (tmpdir, "docket.db", NULL);
  g_setenv ("DOCKET_DATABASE", database, TRUE);

  /* The units exist before the meeting (they are managed in the Units area). */
  {
    g_autoptr(DocketStore) seed = docket_store_open (database, &error);
    g_assert_no_error (error);
    units[0] = add_unit (seed, "Phòng Nội vụ");
    units[1] = add_unit (seed, "Văn phòng HĐND và UBND xã");
    units[2] = add_unit (seed, "Trung tâm Phục vụ hành chính công");
    units[3] = add_unit (seed, "Phòng Văn hóa - Xã hội");
    docket_store_close (seed);
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

  g_test_add_func ("/docket/meetings/empty-state", test_meetings_empty_state);
  g_test_add_func ("/docket/meetings/details", test_meetings_details);
  g_test_add_func ("/docket/meetings/invalid-input", test_meetings_invalid_input);
  g_test_add_func ("/docket/meetings/conclusions", test_meetings_conclusions);
  g_test_add_func ("/docket/meetings/items", test_meetings_items);
  g_test_add_func ("/docket/meetings/attachments", test_meetings_attachments);
  g_test_add_func ("/docket/meetings/reopen-window", test_meetings_reopen_window);
  g_test_add_func ("/docket/meetings/narrow", test_meetings_narrow);

  ret = g_test_run ();
  g_clear_object (&app);
  docket_test_tmpdir_free (g_steal_pointer (&tmpdir));
  g_free (database);
  return ret;
}
