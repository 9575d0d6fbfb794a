/* docket-meeting-editor-attendees.c: who was invited, who came
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "docket-meeting-editor-private.h"
#include "docket-store-lifecycle.h"
#include "docket-store-meetings.h"
#include "docket-store-units.h"

/* Attendees: units and people, invited or present. */

static char *
attendee_name (DocketMeetingEditor  *self,
               const DocketAttendee *attendee)
{
  if (attendee->person_id != 0)
    {
      g_autoptr(DocketPerson) person = docket_store_get_person (self->store, attendee->person_id, NULL);
      if (person != NULL)
        return g_strdup (person->name);
    }
  if (attendee->unit_id != 0)
    {
      g_autoptr(DocketUnit) unit = docket_store_get_unit (self->store, attendee->unit_id, NULL);
      if (unit != NULL)
        return g_strdup (unit->name);
    }
  return g_strdup ("");
}

static void
on_present_toggled_cb (GtkCheckButton      *check,
                       DocketMeetingEditor *self)
{
  g_autoptr(GError) error = NULL;
  DocketId id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "docket-id"));

  if (self->loading)
    return;
  if (!docket_store_set_attendance (self->store, id,
                                    gtk_check_button_get_active (check) ? DOCKET_ATTENDANCE_PRESENT
                                                                        : DOCKET_ATTENDANCE_INVITED,
                                    &error))
    _docket_meeting_editor_show_error (self, error);
}

void
_docket_meeting_editor_rebuild_attendees (DocketMeetingEditor *self)
{
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GError) error = NULL;

  _docket_meeting_editor_clear_rows (self->attendees_group, self->attendee_rows);
  if (self->store == NULL || self->meeting_id == 0)
    return;
  attendees = docket_store_list_attendees (self->store, self->meeting_id, &error);
  if (attendees == NULL)
    {
      _docket_meeting_editor_show_error (self, error);
      return;
    }
  self->loading = TRUE;
  for (guint i = 0; i < attendees->len; i++)
    {
      DocketAttendee *attendee = g_ptr_array_index (attendees, i);
      g_autofree char *name = attendee_name (self, attendee);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new_with_label (_("Present"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   attendee->person_id ? _("Person") : _("Unit"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   attendee->attendance == DOCKET_ATTENDANCE_PRESENT);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (check), "docket-id", GSIZE_TO_POINTER (attendee->id));
      g_signal_connect (check, "toggled", G_CALLBACK (on_present_toggled_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 _docket_meeting_editor_icon_button ("user-trash-symbolic", _("Remove"),
                                              "editor.remove-attendee",
                                              g_variant_new ("(xxx)", attendee->id,
                                                             attendee->unit_id, attendee->person_id)));
      adw_preferences_group_add (self->attendees_group, row);
      g_ptr_array_add (self->attendee_rows, row);
    }
  self->loading = FALSE;
}

/* The popover that adds an attendee: units and people, filtered as you type. */

static void
on_attendee_chosen_cb (GtkListBox          *box,
                       GtkListBoxRow       *row,
                       DocketMeetingEditor *self)
{
  g_autoptr(DocketAttendee) attendee = docket_attendee_new ();
  g_autoptr(GError) error = NULL;

  attendee->meeting_id = self->meeting_id;
  attendee->unit_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "docket-unit"));
  attendee->person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "docket-person"));
  attendee->attendance = DOCKET_ATTENDANCE_INVITED;
  gtk_menu_button_popdown (self->add_attendee_button);
  if (docket_store_add_attendee (self->store, attendee, &error) == 0)
    _docket_meeting_editor_show_error (self, error);
  _docket_meeting_editor_rebuild_attendees (self);
}

static gboolean
attendee_filter (GtkListBoxRow *row,
                 gpointer       user_data)
{
  GtkEditable *search = user_data;
  g_autofree char *needle = docket_fold (gtk_editable_get_text (search));
  const char *folded = g_object_get_data (G_OBJECT (row), "docket-folded");

  return *needle == '\0' || (folded != NULL && strstr (folded, needle) != NULL);
}

static void
on_attendee_search_changed_cb (GtkEditable *search,
                               GtkListBox  *box)
{
  gtk_list_box_invalidate_filter (box);
}

static void
add_choice (GtkListBox *box,
            const char *name,
            const char *kind,
            DocketId    unit_id,
            DocketId    person_id)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "docket-unit", GSIZE_TO_POINTER (unit_id));
  g_object_set_data (G_OBJECT (row), "docket-person", GSIZE_TO_POINTER (person_id));
  g_object_set_data_full (G_OBJECT (row), "docket-folded", docket_fold (name), g_free);
  gtk_list_box_append (box, row);
}

void
_docket_meeting_editor_on_attendee_popover_show_cb (GtkPopover          *popover,
                             DocketMeetingEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  g_autoptr(GPtrArray) units = docket_store_list_units (self->store, FALSE, NULL);
  g_autoptr(GPtrArray) people = docket_store_list_people (self->store, 0, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Find a unit or a person"), -1);
  g_object_set (search, "placeholder-text", _("Find a unit or a person"), NULL);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      DocketUnit *unit = g_ptr_array_index (units, i);
      add_choice (GTK_LIST_BOX (list), unit->name, _("Unit"), unit->id, 0);
    }
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      DocketPerson *person = g_ptr_array_index (people, i);
      add_choice (GTK_LIST_BOX (list), person->name, person->title ? person->title : _("Person"),
                  0, person->id);
    }
  gtk_list_box_set_filter_func (GTK_LIST_BOX (list), attendee_filter, search, NULL);
  g_signal_connect (search, "search-changed", G_CALLBACK (on_attendee_search_changed_cb), list);
  g_signal_connect (list, "row-activated", G_CALLBACK (on_attendee_chosen_cb), self);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_widget_set_size_request (box, 300, -1);
  gtk_box_append (GTK_BOX (box), search);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (popover, box);
  gtk_widget_grab_focus (search);
}

void
_docket_meeting_editor_remove_attendee_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DocketMeetingEditor *self = DOCKET_MEETING_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  gint64 id, unit_id, person_id;

  g_variant_get (parameter, "(xxx)", &id, &unit_id, &person_id);
  if (!docket_store_remove_attendee (self->store, id, &error))
    {
      _docket_meeting_editor_show_error (self, error);
      return;
    }
  _docket_meeting_editor_rebuild_attendees (self);
  _docket_meeting_editor_toast (self, _("Attendee removed"), _("_Undo"), "editor.restore-attendee",
         g_variant_new ("(xx)", unit_id, person_id));
}

void
_docket_meeting_editor_restore_attendee_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  DocketMeetingEditor *self = DOCKET_MEETING_EDITOR (widget);
  g_autoptr(DocketAttendee) attendee = docket_attendee_new ();
  g_autoptr(GError) error = NULL;

  g_variant_get (parameter, "(xx)", &attendee->unit_id, &attendee->person_id);
  attendee->meeting_id = self->meeting_id;
  if (docket_store_add_attendee (self->store, attendee, &error) == 0)
    _docket_meeting_editor_show_error (self, error);
  _docket_meeting_editor_rebuild_attendees (self);
}
