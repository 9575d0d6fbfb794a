/* docket-meeting-editor.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "docket-toast.h"
#include "docket-attachments-group.h"
#include "docket-item-edit-row.h"
#include "docket-meeting-editor-private.h"
#include "docket-record.h"
#include "docket-store-items.h"
#include "docket-store-lifecycle.h"
#include "docket-store-meetings.h"
#include "docket-store-units.h"
#include "docket-wrap-box.h"

/* There is no Save button: edits are stored this long after the typing stops, and
 * at once when the page is left or the window closes. */
#define SAVE_DELAY_MS 600

/* Building the conclusions of a page just opened: the first frame waits for this
 * much of it (none: the first conclusion and its first item are enough to show the
 * page; issue 6's budget is the opening against an empty meeting's, ratio ≤ 3, and
 * 2 ms more put it at 2.5–3.0), each later idle turn does about this much.  Every frame in between
 * costs a layout and a paint of the window, so the turns are not made too short:
 * 24 ms keeps typing and scrolling responsive while the page completes. */
#define FIRST_CHUNK_US 0
#define BUILD_CHUNK_US 24000


G_DEFINE_FINAL_TYPE (DocketMeetingEditor, docket_meeting_editor, ADW_TYPE_BIN)

static void add_items_box (GtkWidget *row,
                           DocketId   conclusion_id);

static void rebuild_sections (DocketMeetingEditor *self);
static void rebuild_conclusions (DocketMeetingEditor *self);

/* Messages. */

void
_docket_meeting_editor_toast (DocketMeetingEditor *self,
       const char *text,
       const char *button,
       const char *action,
       GVariant   *target)
{
  docket_toast_show (GTK_WIDGET (self), text, button, action, target);
}

void
_docket_meeting_editor_show_error (DocketMeetingEditor *self,
            const GError        *error)
{
  _docket_meeting_editor_toast (self, error->message, NULL, NULL, NULL);
}

/* Formatting the meeting into the widgets. */

static char *
format_time (int minutes)
{
  if (minutes < 0)
    return g_strdup ("");
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
set_row_date (AdwEntryRow *row,
              DocketDate   date)
{
  g_autofree char *text = docket_date_format_display (date);
  set_row_text (row, text);
}

guint
_docket_meeting_editor_person_position (DocketMeetingEditor *self,
                 DocketId             person_id)
{
  for (guint i = 0; i < self->people_ids->len; i++)
    if (g_array_index (self->people_ids, DocketId, i) == person_id)
      return i;
  return 0;
}

void
_docket_meeting_editor_fill_people (DocketMeetingEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) names2 = NULL;
  g_autoptr(GPtrArray) people = NULL;
  DocketId none = 0;

  g_array_set_size (self->people_ids, 0);
  gtk_string_list_append (names, _("Nobody chosen"));
  g_array_append_val (self->people_ids, none);
  if (self->store != NULL)
    people = docket_store_list_people (self->store, 0, NULL);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      DocketPerson *person = g_ptr_array_index (people, i);
      g_autofree char *label = person->title && *person->title
                               ? g_strdup_printf ("%s, %s", person->name, person->title)
                               : g_strdup (person->name);

      gtk_string_list_append (names, label);
      g_array_append_val (self->people_ids, person->id);
    }

  names2 = gtk_string_list_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (names)); i++)
    gtk_string_list_append (names2, gtk_string_list_get_string (names, i));
  adw_combo_row_set_model (self->chair_row, G_LIST_MODEL (names));
  adw_combo_row_set_model (self->secretary_row, G_LIST_MODEL (names2));
}

static void
update_state (DocketMeetingEditor *self)
{
  DocketMeetingState state = self->meeting ? self->meeting->state : DOCKET_MEETING_STATE_DRAFT;
  gboolean locked = state == DOCKET_MEETING_STATE_NOTICE_ISSUED;
  g_autofree char *text = NULL;

  if (locked)
    {
      g_autofree char *date = docket_date_format_display (self->meeting->notice_date);
      text = g_strdup_printf (_("Notice issued: No. %s of %s. The conclusions and items are locked; "
                                "reopen the meeting to change them."),
                              self->meeting->notice_number ? self->meeting->notice_number : "",
                              date);
    }
  else if (state == DOCKET_MEETING_STATE_RECORDED)
    text = g_strdup (_("Recorded. Issue the notice of conclusions when the chair has signed it."));
  else
    text = g_strdup (_("Draft: being recorded. Everything you type is kept as you go."));

  gtk_label_set_label (self->state_label, text);
  gtk_widget_set_visible (self->recorded_button, state == DOCKET_MEETING_STATE_DRAFT);
  gtk_widget_set_visible (self->notice_button, state != DOCKET_MEETING_STATE_NOTICE_ISSUED);
  gtk_widget_set_visible (self->reopen_button, locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->conclusions_group), !locked);
}

static void
fill_details (DocketMeetingEditor *self)
{
  DocketMeeting *m = self->meeting;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  self->loading = TRUE;
  _docket_meeting_editor_fill_people (self);
  set_row_text (self->title_row, m->title);
  adw_combo_row_set_selected (self->kind_row, m->kind);
  set_row_date (self->date_row, m->date);
  start = format_time (m->start_minutes);
  end = format_time (m->end_minutes);
  set_row_text (self->start_row, start);
  set_row_text (self->end_row, end);
  set_row_text (self->location_row, m->location);
  set_row_date (self->period_start_row, m->period_start);
  set_row_date (self->period_end_row, m->period_end);
  adw_combo_row_set_selected (self->chair_row, _docket_meeting_editor_person_position (self, m->chair_id));
  adw_combo_row_set_selected (self->secretary_row, _docket_meeting_editor_person_position (self, m->secretary_id));
  gtk_widget_set_visible (GTK_WIDGET (self->details_error), FALSE);
  update_state (self);
  self->loading = FALSE;
}

/* Reading the widgets back.  Each problem is marked on its row and explained under
 * the group; what was typed stays in the row. */

static gboolean
read_date_row (AdwEntryRow *row,
               gboolean     required,
               DocketDate  *out_date,
               GString     *problems)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (*stripped == '\0' && !required)
    {
      *out_date = DOCKET_DATE_NONE;
      return TRUE;
    }
  if (*stripped == '\0')
    {
      g_string_append_printf (problems, "%s\n", _("Give the date of the meeting, for example 10/07/2026."));
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return FALSE;
    }
  if (!docket_date_parse (stripped, out_date, &error))
    {
      g_string_append_printf (problems, "%s\n", error->message);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_time_row (AdwEntryRow *row,
               int         *out_minutes,
               GString     *problems)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  int h = -1, m = -1;
  char extra;

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (*stripped == '\0')
    {
      *out_minutes = -1;
      return TRUE;
    }
  if (sscanf (stripped, "%d:%d%c", &h, &m, &extra) != 2 || h < 0 || h > 23 || m < 0 || m > 59)
    {
      g_string_append_printf (problems,
                              _("“%s” is not a time of day. Type it as hours:minutes, for example 08:00."),
                              stripped);
      g_string_append_c (problems, '\n');
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return FALSE;
    }
  *out_minutes = h * 60 + m;
  return TRUE;
}

static DocketMeeting *
read_details (DocketMeetingEditor *self,
              GString             *problems)
{
  g_autoptr(DocketMeeting) m = docket_meeting_copy (self->meeting);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  gboolean ok = TRUE;
  guint chair = adw_combo_row_get_selected (self->chair_row);
  guint secretary = adw_combo_row_get_selected (self->secretary_row);

  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  if (*title == '\0')
    {
      g_string_append_printf (problems, "%s\n", _("The meeting needs a title."));
      gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
      ok = FALSE;
    }
  ok &= read_date_row (self->date_row, TRUE, &m->date, problems);
  ok &= read_time_row (self->start_row, &m->start_minutes, problems);
  ok &= read_time_row (self->end_row, &m->end_minutes, problems);
  ok &= read_date_row (self->period_start_row, FALSE, &m->period_start, problems);
  ok &= read_date_row (self->period_end_row, FALSE, &m->period_end, problems);
  if (ok && m->start_minutes >= 0 && m->end_minutes >= 0 && m->end_minutes < m->start_minutes)
    {
      g_string_append_printf (problems, "%s\n", _("The meeting ends before it starts. Check the times."));
      gtk_widget_add_css_class (GTK_WIDGET (self->end_row), "error");
      ok = FALSE;
    }
  if (ok && m->period_start && m->period_end && m->period_end < m->period_start)
    {
      g_string_append_printf (problems, "%s\n", _("The period reviewed ends before it starts."));
      gtk_widget_add_css_class (GTK_WIDGET (self->period_end_row), "error");
      ok = FALSE;
    }
  if (!ok)
    return NULL;

  g_free (m->title);
  m->title = g_steal_pointer (&title);
  g_free (m->location);
  m->location = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->location_row))));
  m->kind = adw_combo_row_get_selected (self->kind_row);
  m->chair_id = chair < self->people_ids->len ? g_array_index (self->people_ids, DocketId, chair) : 0;
  m->secretary_id = secretary < self->people_ids->len
                    ? g_array_index (self->people_ids, DocketId, secretary) : 0;
  return g_steal_pointer (&m);
}

static void
save_details (DocketMeetingEditor *self)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(DocketMeeting) m = NULL;
  g_autoptr(GError) error = NULL;

  self->details_dirty = FALSE;
  if (self->meeting == NULL || self->store == NULL)
    return;

  m = read_details (self, problems);
  if (m == NULL)
    {
      g_strchomp (problems->str);
      gtk_label_set_label (self->details_error, problems->str);
      gtk_widget_set_visible (GTK_WIDGET (self->details_error), TRUE);
      return;
    }
  if (!docket_store_update_meeting (self->store, m, &error))
    {
      gtk_label_set_label (self->details_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->details_error), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->details_error), FALSE);
  docket_meeting_free (self->meeting);
  self->meeting = g_steal_pointer (&m);
}

/* Minutes sections and conclusions: rows of text. */

static char *
text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
save_row (DocketMeetingEditor *self,
          GtkWidget           *row)
{
  g_autoptr(GError) error = NULL;
  DocketId id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "docket-id"));
  GtkTextView *view = g_object_get_data (G_OBJECT (row), "docket-text");
  g_autofree char *text = text_view_dup_text (view);

  if (g_object_get_data (G_OBJECT (row), "docket-speaker") != NULL)
    {
      GtkEditable *speaker = g_object_get_data (G_OBJECT (row), "docket-speaker");
      g_autoptr(DocketMinutesSection) section = docket_minutes_section_new ();

      section->id = id;
      section->meeting_id = self->meeting_id;
      section->speaker = g_strstrip (g_strdup (gtk_editable_get_text (speaker)));
      section->text = g_steal_pointer (&text);
      if (!docket_store_update_minutes_section (self->store, section, &error))
        _docket_meeting_editor_show_error (self, error);
    }
  else if (id == 0)
    {
      /* A new conclusion is stored once it has words; an empty one stays on the page. */
      g_autoptr(DocketConclusion) conclusion = docket_conclusion_new ();

      if (docket_text_is_blank (text))
        return;
      conclusion->meeting_id = self->meeting_id;
      conclusion->text = g_steal_pointer (&text);
      id = docket_store_add_conclusion (self->store, conclusion, &error);
      if (id == 0)
        _docket_meeting_editor_show_error (self, error);
      else
        {
          g_object_set_data (G_OBJECT (row), "docket-id", GSIZE_TO_POINTER (id));
          /* Stored, it can hold items: its items box and Add Item button appear. */
          add_items_box (row, id);
        }
    }
  else
    {
      g_autoptr(DocketConclusion) conclusion = NULL;

      /* Clearing a conclusion to retype it keeps the stored words until new ones come. */
      if (docket_text_is_blank (text))
        return;
      conclusion = docket_store_get_conclusion (self->store, id, &error);
      if (conclusion == NULL)
        {
          _docket_meeting_editor_show_error (self, error);
          return;
        }
      g_free (conclusion->text);
      conclusion->text = g_steal_pointer (&text);
      if (!docket_store_update_conclusion (self->store, conclusion, &error))
        _docket_meeting_editor_show_error (self, error);
    }
}

static gboolean
on_save_timeout_cb (gpointer user_data)
{
  DocketMeetingEditor *self = user_data;

  self->save_id = 0;
  docket_meeting_editor_flush (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (DocketMeetingEditor *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, on_save_timeout_cb, self);
}

static void
on_details_changed_cb (DocketMeetingEditor *self)
{
  if (self->loading || self->meeting == NULL)
    return;
  self->details_dirty = TRUE;
  schedule_save (self);
}

static void
on_row_text_changed_cb (GtkWidget *source,
                        GtkWidget *row)
{
  DocketMeetingEditor *self =
    DOCKET_MEETING_EDITOR (gtk_widget_get_ancestor (row, DOCKET_TYPE_MEETING_EDITOR));

  if (self == NULL || self->loading)
    return;
  g_hash_table_add (self->dirty_rows, g_object_ref (row));
  schedule_save (self);
}

void
_docket_meeting_editor_clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

GtkWidget *
_docket_meeting_editor_icon_button (const char *icon,
             const char *tooltip,
             const char *action,
             GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static GtkWidget *
text_row_new (DocketId    id,
              int         position,
              guint       count,
              const char *number,
              const char *speaker,
              const char *text,
              const char *kind)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *fields = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *move_action = g_strdup_printf ("editor.move-%s", kind);
  g_autofree char *remove_action = g_strdup_printf ("editor.remove-%s", kind);

  gtk_widget_add_css_class (row, "card");
  gtk_widget_add_css_class (row, "docket-text-row");
  g_object_set_data (G_OBJECT (row), "docket-id", GSIZE_TO_POINTER (id));

  if (number != NULL)
    {
      GtkWidget *label = gtk_label_new (number);
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (row), label);
    }

  gtk_widget_set_hexpand (fields, TRUE);
  gtk_widget_set_margin_top (fields, 6);
  gtk_widget_set_margin_bottom (fields, 6);
  gtk_widget_set_margin_start (fields, number ? 0 : 12);
  if (speaker != NULL)
    {
      GtkWidget *entry = gtk_entry_new ();
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Speaker (optional)"));
      gtk_editable_set_text (GTK_EDITABLE (entry), speaker);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Speaker"), -1);
      g_object_set_data (G_OBJECT (row), "docket-speaker", entry);
      g_signal_connect (entry, "changed", G_CALLBACK (on_row_text_changed_cb), row);
      gtk_box_append (GTK_BOX (fields), entry);
    }
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 60);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  number ? _("Conclusion text") : _("Minutes text"), -1);
  g_object_set_data (G_OBJECT (row), "docket-text", view);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                    G_CALLBACK (on_row_text_changed_cb), row);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (fields), frame);
  g_object_set_data (G_OBJECT (row), "docket-fields", fields);
  gtk_box_append (GTK_BOX (row), fields);

  gtk_widget_set_margin_end (buttons, 6);
  gtk_widget_set_margin_top (buttons, 6);
  if (position > 1)
    gtk_box_append (GTK_BOX (buttons),
                    _docket_meeting_editor_icon_button ("go-up-symbolic", _("Move Up"), move_action,
                                 g_variant_new ("(xi)", id, position - 1)));
  if ((guint) position < count)
    gtk_box_append (GTK_BOX (buttons),
                    _docket_meeting_editor_icon_button ("go-down-symbolic", _("Move Down"), move_action,
                                 g_variant_new ("(xi)", id, position + 1)));
  gtk_box_append (GTK_BOX (buttons),
                  _docket_meeting_editor_icon_button ("user-trash-symbolic", _("Remove"), remove_action,
                               g_variant_new_int64 (id)));
  gtk_box_append (GTK_BOX (row), buttons);
  return row;
}

static void
rebuild_sections (DocketMeetingEditor *self)
{
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GError) error = NULL;

  _docket_meeting_editor_clear_rows (self->minutes_group, self->section_rows);
  if (self->store == NULL || self->meeting_id == 0)
    return;
  sections = docket_store_list_minutes_sections (self->store, self->meeting_id, &error);
  if (sections == NULL)
    {
      _docket_meeting_editor_show_error (self, error);
      return;
    }
  self->loading = TRUE;
  for (guint i = 0; i < sections->len; i++)
    {
      DocketMinutesSection *section = g_ptr_array_index (sections, i);
      GtkWidget *row = text_row_new (section->id, section->position, sections->len, NULL,
                                     section->speaker ? section->speaker : "", section->text,
                                     "section");
      adw_preferences_group_add (self->minutes_group, row);
      g_ptr_array_add (self->section_rows, row);
    }
  self->loading = FALSE;
}

static void
on_units_changed_cb (DocketMeetingEditor *self)
{
  self->units_stale = TRUE;
}

/* One model of the units for all the item rows of the page, kept from one meeting
 * to the next and read again when the store says units changed (added, renamed or
 * archived in the Units area). */
static void
load_units (DocketMeetingEditor *self)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  if (!self->units_stale)
    return;
  units = docket_store_list_units (self->store, FALSE, NULL);
  /* On failure the next rows try again. */
  self->units_stale = units == NULL;

  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      DocketUnit *unit = g_ptr_array_index (units, i);

      g_ptr_array_add (records, docket_record_new (docket_unit_copy (unit),
                                                   (GDestroyNotify) docket_unit_free, unit->id));
    }
  g_list_store_splice (self->units, 0, g_list_model_get_n_items (G_LIST_MODEL (self->units)),
                       records->pdata, records->len);
}

static void on_item_row_removed_cb (DocketItemEditRow   *row,
                                    DocketMeetingEditor *self);

/* A row for @item (NULL: a new one) in @items_box, after @sibling, or first when
 * @sibling is NULL. */
static GtkWidget *
insert_item_row (DocketMeetingEditor *self,
                 GtkWidget           *items_box,
                 GtkWidget           *sibling,
                 DocketId             conclusion_id,
                 const DocketItem    *item)
{
  GtkWidget *row = docket_item_edit_row_new (self->store, self->meeting_id, conclusion_id, item,
                                             G_LIST_MODEL (self->units));

  gtk_box_insert_child_after (GTK_BOX (items_box), row, sibling);
  g_ptr_array_add (self->item_rows, row);
  g_signal_connect_object (row, "removed", G_CALLBACK (on_item_row_removed_cb), self, 0);
  return row;
}

static GtkWidget *
add_item_row (DocketMeetingEditor *self,
              GtkWidget           *items_box,
              DocketId             conclusion_id,
              const DocketItem    *item)
{
  return insert_item_row (self, items_box, gtk_widget_get_last_child (items_box), conclusion_id, item);
}

/* The box the items of a conclusion go in, and its Add Item button. */
static void
add_items_box (GtkWidget *row,
               DocketId   conclusion_id)
{
  GtkWidget *fields = g_object_get_data (G_OBJECT (row), "docket-fields");
  GtkWidget *items_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("Add _Item"));

  gtk_widget_set_margin_start (items_box, 12);
  g_object_set_data (G_OBJECT (row), "docket-items-box", items_box);
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  gtk_widget_add_css_class (add, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "editor.add-item");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (add), g_variant_new_int64 (conclusion_id));
  gtk_box_append (GTK_BOX (fields), items_box);
  gtk_box_append (GTK_BOX (fields), add);
}

static void
add_conclusion_row (DocketMeetingEditor *self,
                    DocketConclusion    *conclusion,
                    guint                count)
{
  g_autofree char *number = g_strdup_printf ("%d.", conclusion->position);
  GtkWidget *row = text_row_new (conclusion->id, conclusion->position, count,
                                 number, NULL, conclusion->text, "conclusion");

  add_items_box (row, conclusion->id);
  adw_preferences_group_add (self->conclusions_group, row);
  g_ptr_array_add (self->conclusion_rows, row);
  self->filling_row = row;
  self->next_item = 0;
}

/* Adds the next item row of the conclusion being filled; FALSE when it has no more. */
static gboolean
add_next_item (DocketMeetingEditor *self)
{
  GPtrArray *items = self->pending_items;
  DocketId conclusion_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (self->filling_row), "docket-id"));

  while (self->next_item < items->len)
    {
      DocketItem *item = g_ptr_array_index (items, self->next_item++);

      if (item->conclusion_id == conclusion_id)
        {
          add_item_row (self, g_object_get_data (G_OBJECT (self->filling_row), "docket-items-box"),
                        conclusion_id, item);
          return TRUE;
        }
    }
  self->filling_row = NULL;
  return FALSE;
}

/* Adds the conclusions still to show, and their items, one row at a time for about
 * @budget_us microseconds (at least one row, and the page's first item row), or all
 * of them when @budget_us is negative: a conclusion with a hundred items does not
 * hold up a frame either.
 * Returns TRUE when they are all on the page. */
static gboolean
build_conclusions (DocketMeetingEditor *self,
                   gint64               budget_us)
{
  gint64 start = g_get_monotonic_time ();
  GPtrArray *conclusions = self->pending_conclusions;

  if (conclusions == NULL)
    return TRUE;
  self->loading = TRUE;
  while (self->filling_row != NULL || self->next_conclusion < conclusions->len)
    {
      if (self->filling_row != NULL && !add_next_item (self))
        continue;
      if (self->filling_row == NULL)
        add_conclusion_row (self, g_ptr_array_index (conclusions, self->next_conclusion++),
                            conclusions->len);
      /* The first frame of the page holds an item, if it has any. */
      if (budget_us >= 0 && g_get_monotonic_time () - start >= budget_us &&
          (self->item_rows->len > 0 || self->pending_items->len == 0))
        break;
    }
  self->loading = FALSE;
  if (self->filling_row != NULL || self->next_conclusion < conclusions->len)
    return FALSE;
  g_clear_pointer (&self->pending_conclusions, g_ptr_array_unref);
  g_clear_pointer (&self->pending_items, g_ptr_array_unref);
  return TRUE;
}

static gboolean
on_build_idle_cb (gpointer user_data)
{
  DocketMeetingEditor *self = user_data;

  if (!build_conclusions (self, BUILD_CHUNK_US))
    return G_SOURCE_CONTINUE;
  self->build_id = 0;
  return G_SOURCE_REMOVE;
}

static void stop_waiting_for_frame (DocketMeetingEditor *self);

/* Whatever needs every conclusion row (adding an item to one) first finishes them. */
static void
finish_conclusions (DocketMeetingEditor *self)
{
  stop_waiting_for_frame (self);
  g_clear_handle_id (&self->build_id, g_source_remove);
  build_conclusions (self, -1);
}

static void
stop_waiting_for_frame (DocketMeetingEditor *self)
{
  if (self->build_clock == NULL)
    return;
  g_clear_signal_handler (&self->build_clock_id, self->build_clock);
  g_clear_object (&self->build_clock);
}

static void
on_first_frame_painted_cb (GdkFrameClock       *clock,
                           DocketMeetingEditor *self)
{
  stop_waiting_for_frame (self);
  if (self->pending_conclusions != NULL && self->build_id == 0)
    self->build_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_build_idle_cb, self, NULL);
}

/* The rest of the page is built once the first frame is on screen: an idle source
 * started now would run before the frame clock's next tick and hold that frame up. */
static void
build_after_first_frame (DocketMeetingEditor *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    {
      self->build_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_build_idle_cb, self, NULL);
      return;
    }
  self->build_clock = g_object_ref (clock);
  self->build_clock_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_frame_painted_cb),
                                           self);
}

static void
cancel_conclusions (DocketMeetingEditor *self)
{
  stop_waiting_for_frame (self);
  g_clear_handle_id (&self->build_id, g_source_remove);
  g_clear_pointer (&self->pending_conclusions, g_ptr_array_unref);
  g_clear_pointer (&self->pending_items, g_ptr_array_unref);
  self->next_conclusion = 0;
  self->filling_row = NULL;
}

/* @progressively: a page just opened shows its top in the first frame and gets the
 * rest of its conclusions in the next ones, rather than build hundreds of item rows
 * before anything is drawn.  An edit on the page rebuilds at once, so that what the
 * person works on stays where it is. */
static void
load_conclusions (DocketMeetingEditor *self,
                  gboolean             progressively)
{
  g_autoptr(GPtrArray) conclusions = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  cancel_conclusions (self);
  for (guint i = 0; i < self->item_rows->len; i++)
    docket_item_edit_row_flush (g_ptr_array_index (self->item_rows, i));
  g_ptr_array_set_size (self->item_rows, 0);
  _docket_meeting_editor_clear_rows (self->conclusions_group, self->conclusion_rows);
  if (self->store == NULL || self->meeting_id == 0)
    return;
  conclusions = docket_store_list_conclusions (self->store, self->meeting_id, &error);
  if (conclusions != NULL && conclusions->len > 0)
    items = docket_store_list_meeting_items (self->store, self->meeting_id, &error);
  if (conclusions == NULL || (conclusions->len > 0 && items == NULL))
    {
      _docket_meeting_editor_show_error (self, error);
      return;
    }
  if (conclusions->len == 0)
    return;
  load_units (self);
  self->pending_conclusions = g_steal_pointer (&conclusions);
  self->pending_items = g_steal_pointer (&items);
  if (build_conclusions (self, progressively ? FIRST_CHUNK_US : -1))
    return;
  build_after_first_frame (self);
}

static void
rebuild_conclusions (DocketMeetingEditor *self)
{
  load_conclusions (self, FALSE);
}

/* Attendees. */

/* Actions. */

static void
add_section_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DocketMeetingEditor *self = DOCKET_MEETING_EDITOR (widget);
  g_autoptr(DocketMinutesSection) section = docket_minutes_section_new ();
  g_autoptr(GError) error = NULL;

  docket_meeting_editor_flush (self);
  section->meeting_id = self->meeting_id;
  section->text = g_strdup ("");
  if (docket_store_add_minutes_section (self->store, section, &error) == 0)
    _docket_meeting_editor_show_error (self, error);
  rebuild_sections (self);
  if (self->section_rows->len > 0)
    gtk_widget_grab_focus (g_object_get_data (g_ptr_array_index (self->section_rows,
                                                                 self->section_rows->len - 1),
                                              "docket-text"));
}

static void
add_conclusion_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DocketMeetingEditor *self = DOCKET_MEETING_EDITOR (widget);
  g_autoptr(DocketConclusion) conclusion = docket_conclusion_new ();
  g_autoptr(GError) error = NULL;

  GtkWidget *row;
  g_autofree char *number = NULL;

  docket_meeting_editor_flush (self);
  rebuild_conclusions (self);
  number = g_strdup_printf ("%u.", self->conclusion_rows->len + 1);
  row = text_row_new (0, self->conclusion_rows->len + 1, self->conclusion_rows->len + 1, number,
                      NULL, "", "conclusion");
  adw_preferences_group_add (self->conclusions_group, row);
  g_ptr_array_add (self->conclusion_rows, row);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "docket-text"));
}

static void
move_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DocketMeetingEditor *self = DOCKET_MEETING_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;
  int position;

  docket_meeting_editor_flush (self);
  g_variant_get (parameter, "(xi)", &id, &position);
  if (!docket_store_move_minutes_section (self->store, id, position, &error))
    _docket_meeting_editor_show_error (self, error);
  rebuild_sections (self);
}

static void
move_conclusion_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DocketMeetingEditor *self = DOCKET_MEETING_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;
  int position;

  docket_meeting_editor_flush (self);
  g_variant_get (parameter, "(xi)", &id, &position);
  if (!docket_store_move_conclusion (self->store, id, position, &error))
    _docket_meeting_editor_show_error (self, error);
  rebuild_conclusions (self);
}

static void
remove_section_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DocketMeetingEditor *self = DOCKET_MEETING_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  DocketId id = g_variant_get_int64 (parameter);
  DocketMinutesSection *removed = NULL;

  docket_meeting_editor_flush (self);
  sections = docket_store_list_minutes_sections (self->store, self->meeting_id, NULL);
  for (guint i = 0; sections != NULL && i < sections->len; i++)
    if (((DocketMinutesSection *) g_ptr_array_index (sections, i))->id == id)
      removed = g_ptr_array_index (sections, i);

  if (!docket_store_remove_minutes_section (self->store, id, &error))
    {
      _docket_meeting_editor_show_error (self, error);
      return;
    }
  rebuild_sections (self);
  if (removed != NULL)
    _docket_meeting_editor_toast (self, _("Minutes section removed"), _("_Undo"), "editor.restore-section",
           g_variant_new ("(iss)", removed->position, removed->speaker ? removed->speaker : "",
                          removed->text ? removed->text : ""));
}

static void
restore_section_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DocketMeetingEditor *self = DOCKET_MEETING_EDITOR (widget);
  g_autoptr(DocketMinutesSection) section = docket_minutes_section_new ();
  g_autoptr(GError) error = NULL;
  int position;
  DocketId id;

  g_variant_get (parameter, "(iss)", &position, &section->speaker, &section->text);
  section->meeting_id = self->meeting_id;
  if ((id = docket_store_add_minutes_section (self->store, section, &error)) == 0 ||
      !docket_store_move_minutes_section (self->store, id, position, &error))
    _docket_meeting_editor_show_error (self, error);
  rebuild_sections (self);
}

static void
remove_conclusion_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  DocketMeetingEditor *self = DOCKET_MEETING_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketConclusion) removed = NULL;
  DocketId id = g_variant_get_int64 (parameter);

  docket_meeting_editor_flush (self);
  removed = docket_store_get_conclusion (self->store, id, NULL);
  if (!docket_store_remove_conclusion (self->store, id, &error))
    {
      _docket_meeting_editor_show_error (self, error);
      return;
    }
  rebuild_conclusions (self);
  if (removed != NULL)
    _docket_meeting_editor_toast (self, _("Conclusion removed"), _("_Undo"), "editor.restore-conclusion",
           g_variant_new ("(is)", removed->position, removed->text ? removed->text : ""));
}

static void
restore_conclusion_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  DocketMeetingEditor *self = DOCKET_MEETING_EDITOR (widget);
  g_autoptr(DocketConclusion) conclusion = docket_conclusion_new ();
  g_autoptr(GError) error = NULL;
  int position;
  DocketId id;

  g_variant_get (parameter, "(is)", &position, &conclusion->text);
  conclusion->meeting_id = self->meeting_id;
  if ((id = docket_store_add_conclusion (self->store, conclusion, &error)) == 0 ||
      !docket_store_move_conclusion (self->store, id, position, &error))
    _docket_meeting_editor_show_error (self, error);
  rebuild_conclusions (self);
}

static GtkWidget *
find_conclusion_row (DocketMeetingEditor *self,
                     DocketId             conclusion_id)
{
  for (guint i = 0; i < self->conclusion_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->conclusion_rows, i);

      if ((DocketId) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "docket-id")) == conclusion_id)
        return row;
    }
  return NULL;
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DocketMeetingEditor *self = DOCKET_MEETING_EDITOR (widget);
  DocketId conclusion_id = g_variant_get_int64 (parameter);
  GtkWidget *row;

  finish_conclusions (self);
  load_units (self);
  row = find_conclusion_row (self, conclusion_id);
  if (row != NULL)
    {
      GtkWidget *items_box = g_object_get_data (G_OBJECT (row), "docket-items-box");
      GtkWidget *item_row;

      if (items_box == NULL)
        {
          add_items_box (row, conclusion_id);
          items_box = g_object_get_data (G_OBJECT (row), "docket-items-box");
        }
      item_row = add_item_row (self, items_box, conclusion_id, NULL);
      docket_item_edit_row_focus (DOCKET_ITEM_EDIT_ROW (item_row));
      return;
    }
  /* A conclusion not stored yet (no words) cannot hold items. */
  _docket_meeting_editor_toast (self, _("Write the conclusion first, then add its items."), NULL, NULL, NULL);
}

/* Only the removed item's row leaves the page: the others, and whatever is being
 * typed in them, stay as they are. */
static void
on_item_row_removed_cb (DocketItemEditRow   *row,
                        DocketMeetingEditor *self)
{
  GtkWidget *items_box = gtk_widget_get_parent (GTK_WIDGET (row));
  GtkWidget *next = gtk_widget_get_next_sibling (GTK_WIDGET (row));
  gboolean had_focus = gtk_widget_get_focus_child (GTK_WIDGET (row)) != NULL;
  DocketId id = docket_item_edit_row_get_id (row);

  g_ptr_array_remove (self->item_rows, row);
  gtk_box_remove (GTK_BOX (items_box), GTK_WIDGET (row));
  /* The keyboard goes on from where the row was: the next item, or the conclusion's
   * Add Item button. */
  if (had_focus && next != NULL)
    docket_item_edit_row_focus (DOCKET_ITEM_EDIT_ROW (next));
  else if (had_focus)
    gtk_widget_grab_focus (gtk_widget_get_next_sibling (items_box));
  if (id != 0)
    _docket_meeting_editor_toast (self, _("Item removed"), _("_Undo"), "editor.restore-item", g_variant_new_int64 (id));
}

/* The row a restored item goes after: the one of the item listed before it in its
 * conclusion, as a page just opened would show them; NULL to go first. */
static GtkWidget *
row_before_item (DocketMeetingEditor *self,
                 GtkWidget           *items_box,
                 const DocketItem    *restored)
{
  g_autoptr(GPtrArray) items = docket_store_list_meeting_items (self->store, self->meeting_id, NULL);
  DocketId previous = 0;

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const DocketItem *item = g_ptr_array_index (items, i);

      if (item->id == restored->id)
        break;
      if (item->conclusion_id == restored->conclusion_id)
        previous = item->id;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (items_box); previous != 0 && child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (docket_item_edit_row_get_id (DOCKET_ITEM_EDIT_ROW (child)) == previous)
      return child;
  return NULL;
}

static void
restore_item_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DocketMeetingEditor *self = DOCKET_MEETING_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketItem) item = NULL;
  DocketId id = g_variant_get_int64 (parameter);
  GtkWidget *conclusion_row;
  GtkWidget *items_box;

  if (!docket_store_reopen_item (self->store, id, _("Removal undone"), &error) ||
      (item = docket_store_get_item (self->store, id, &error)) == NULL)
    {
      _docket_meeting_editor_show_error (self, error);
      return;
    }
  /* The toast outlives the page it came from: another meeting shown since has no
   * place for the item. */
  if (item->meeting_id != self->meeting_id)
    return;
  finish_conclusions (self);
  load_units (self);
  conclusion_row = find_conclusion_row (self, item->conclusion_id);
  items_box = conclusion_row ? g_object_get_data (G_OBJECT (conclusion_row), "docket-items-box") : NULL;
  if (items_box == NULL)
    {
      rebuild_conclusions (self);
      return;
    }
  insert_item_row (self, items_box, row_before_item (self, items_box, item), item->conclusion_id, item);
}

void
_docket_meeting_editor_reload (DocketMeetingEditor *self)
{
  g_autoptr(GError) error = NULL;
  DocketMeeting *meeting = docket_store_get_meeting (self->store, self->meeting_id, &error);

  if (meeting == NULL)
    {
      _docket_meeting_editor_show_error (self, error);
      return;
    }
  g_clear_pointer (&self->meeting, docket_meeting_free);
  self->meeting = meeting;
  fill_details (self);
}

/* GObject. */

static void
docket_meeting_editor_unmap (GtkWidget *widget)
{
  docket_meeting_editor_flush (DOCKET_MEETING_EDITOR (widget));
  GTK_WIDGET_CLASS (docket_meeting_editor_parent_class)->unmap (widget);
}

static void
docket_meeting_editor_dispose (GObject *object)
{
  DocketMeetingEditor *self = DOCKET_MEETING_EDITOR (object);

  docket_meeting_editor_flush (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  cancel_conclusions (self);
  /* No gtk_widget_dispose_template (): AdwBin unparents its child itself. */
  g_clear_pointer (&self->meeting, docket_meeting_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (docket_meeting_editor_parent_class)->dispose (object);
}

static void
docket_meeting_editor_finalize (GObject *object)
{
  DocketMeetingEditor *self = DOCKET_MEETING_EDITOR (object);

  g_array_unref (self->people_ids);
  g_hash_table_unref (self->dirty_rows);
  g_ptr_array_unref (self->attendee_rows);
  g_ptr_array_unref (self->section_rows);
  g_ptr_array_unref (self->conclusion_rows);
  g_ptr_array_unref (self->item_rows);
  g_object_unref (self->units);

  G_OBJECT_CLASS (docket_meeting_editor_parent_class)->finalize (object);
}

static void
docket_meeting_editor_class_init (DocketMeetingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_meeting_editor_dispose;
  object_class->finalize = docket_meeting_editor_finalize;
  widget_class->unmap = docket_meeting_editor_unmap;

  g_type_ensure (DOCKET_TYPE_ATTACHMENTS_GROUP);
  g_type_ensure (DOCKET_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/docket-meeting-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingEditor, state_label);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingEditor, recorded_button);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingEditor, notice_button);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingEditor, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingEditor, period_start_row);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingEditor, period_end_row);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingEditor, chair_row);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingEditor, secretary_row);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingEditor, details_error);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingEditor, attendees_group);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingEditor, minutes_group);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingEditor, conclusions_group);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingEditor, attachments_group);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingEditor, add_attendee_button);

  gtk_widget_class_install_action (widget_class, "editor.add-section", NULL, add_section_action);
  gtk_widget_class_install_action (widget_class, "editor.add-conclusion", NULL, add_conclusion_action);
  gtk_widget_class_install_action (widget_class, "editor.move-section", "(xi)", move_section_action);
  gtk_widget_class_install_action (widget_class, "editor.move-conclusion", "(xi)", move_conclusion_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-section", "x", remove_section_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-conclusion", "x", remove_conclusion_action);
  gtk_widget_class_install_action (widget_class, "editor.restore-section", "(iss)", restore_section_action);
  gtk_widget_class_install_action (widget_class, "editor.restore-conclusion", "(is)", restore_conclusion_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-attendee", "(xxx)", _docket_meeting_editor_remove_attendee_action);
  gtk_widget_class_install_action (widget_class, "editor.restore-attendee", "(xx)", _docket_meeting_editor_restore_attendee_action);
  gtk_widget_class_install_action (widget_class, "editor.add-item", "x", add_item_action);
  gtk_widget_class_install_action (widget_class, "editor.restore-item", "x", restore_item_action);
  gtk_widget_class_install_action (widget_class, "editor.mark-recorded", NULL, _docket_meeting_editor_mark_recorded_action);
  gtk_widget_class_install_action (widget_class, "editor.issue-notice", NULL, _docket_meeting_editor_issue_notice_action);
  gtk_widget_class_install_action (widget_class, "editor.export-notice", "s",
                                   _docket_meeting_editor_export_notice_action);
  gtk_widget_class_install_action (widget_class, "editor.print-notice", NULL,
                                   _docket_meeting_editor_print_notice_action);
  gtk_widget_class_install_action (widget_class, "editor.reopen", NULL, _docket_meeting_editor_reopen_action);
  gtk_widget_class_install_action (widget_class, "editor.new-person", "s", _docket_meeting_editor_new_person_action);
}

static void
docket_meeting_editor_init (DocketMeetingEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *popover = gtk_popover_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->people_ids = g_array_new (FALSE, TRUE, sizeof (DocketId));
  self->dirty_rows = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->attendee_rows = g_ptr_array_new ();
  self->section_rows = g_ptr_array_new ();
  self->conclusion_rows = g_ptr_array_new ();
  self->item_rows = g_ptr_array_new ();
  self->units = g_list_store_new (DOCKET_TYPE_RECORD);

  for (int kind = DOCKET_MEETING_KIND_REGULAR; kind <= DOCKET_MEETING_KIND_OTHER; kind++)
    gtk_string_list_append (kinds, docket_meeting_kind_get_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  {
    GtkEditable *entries[] = {
      GTK_EDITABLE (self->title_row), GTK_EDITABLE (self->date_row), GTK_EDITABLE (self->start_row),
      GTK_EDITABLE (self->end_row), GTK_EDITABLE (self->location_row),
      GTK_EDITABLE (self->period_start_row), GTK_EDITABLE (self->period_end_row),
    };
    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      g_signal_connect_object (entries[i], "changed", G_CALLBACK (on_details_changed_cb), self,
                               G_CONNECT_SWAPPED);
  }
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (on_details_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chair_row, "notify::selected", G_CALLBACK (on_details_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->secretary_row, "notify::selected",
                           G_CALLBACK (on_details_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (popover, "show", G_CALLBACK (_docket_meeting_editor_on_attendee_popover_show_cb), self, 0);
  gtk_menu_button_set_popover (self->add_attendee_button, popover);
}

void
docket_meeting_editor_set_store (DocketMeetingEditor *self,
                                 DocketStore         *store)
{
  g_return_if_fail (DOCKET_IS_MEETING_EDITOR (self));

  docket_meeting_editor_flush (self);
  cancel_conclusions (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_units_changed_cb, self);
  g_set_object (&self->store, store);
  self->units_stale = TRUE;
  if (store != NULL)
    g_signal_connect_object (store, "changed::units", G_CALLBACK (on_units_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

void
docket_meeting_editor_set_meeting (DocketMeetingEditor *self,
                                   DocketId             meeting_id)
{
  g_return_if_fail (DOCKET_IS_MEETING_EDITOR (self));

  docket_meeting_editor_flush (self);
  /* Rows still to come belong to the meeting that was shown. */
  cancel_conclusions (self);
  g_clear_pointer (&self->meeting, docket_meeting_free);
  self->meeting_id = meeting_id;
  if (self->store == NULL || meeting_id == 0)
    return;
  _docket_meeting_editor_reload (self);
  _docket_meeting_editor_rebuild_attendees (self);
  rebuild_sections (self);
  load_conclusions (self, TRUE);
  docket_attachments_group_set_meeting (self->attachments_group, self->store, meeting_id);
}

DocketId
docket_meeting_editor_get_meeting (DocketMeetingEditor *self)
{
  g_return_val_if_fail (DOCKET_IS_MEETING_EDITOR (self), 0);
  return self->meeting_id;
}

void
docket_meeting_editor_focus_title (DocketMeetingEditor *self)
{
  g_return_if_fail (DOCKET_IS_MEETING_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
}

void
docket_meeting_editor_flush (DocketMeetingEditor *self)
{
  GHashTableIter iter;
  gpointer row;

  g_return_if_fail (DOCKET_IS_MEETING_EDITOR (self));

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->store == NULL)
    return;
  if (self->details_dirty)
    save_details (self);
  g_hash_table_iter_init (&iter, self->dirty_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    {
      save_row (self, row);
      g_hash_table_iter_remove (&iter);
    }
  for (guint i = 0; i < self->item_rows->len; i++)
    docket_item_edit_row_flush (g_ptr_array_index (self->item_rows, i));
}
