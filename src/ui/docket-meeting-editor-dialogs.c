/* docket-meeting-editor-dialogs.c: the lifecycle and the people made without leaving the page
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

void
_docket_meeting_editor_mark_recorded_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DocketMeetingEditor *self = DOCKET_MEETING_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  docket_meeting_editor_flush (self);
  if (!docket_store_mark_meeting_recorded (self->store, self->meeting_id, &error))
    _docket_meeting_editor_show_error (self, error);
  _docket_meeting_editor_reload (self);
}

static GtkWidget *
dialog_entry (GtkWidget  *box,
              const char *label,
              const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (box), row);
  return row;
}

static GtkWidget *
dialog_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static void
on_notice_response_cb (AdwMessageDialog    *dialog,
                       const char          *response,
                       DocketMeetingEditor *self)
{
  GtkEditable *number = g_object_get_data (G_OBJECT (dialog), "docket-number");
  GtkEditable *date_entry = g_object_get_data (G_OBJECT (dialog), "docket-date");
  g_autoptr(GError) error = NULL;
  DocketDate date = DOCKET_DATE_NONE;

  if (g_strcmp0 (response, "issue") != 0)
    return;
  if (!docket_date_parse (gtk_editable_get_text (date_entry), &date, &error) ||
      !docket_store_issue_notice (self->store, self->meeting_id, gtk_editable_get_text (number),
                                  date, &error))
    _docket_meeting_editor_show_error (self, error);
  _docket_meeting_editor_reload (self);
}

void
_docket_meeting_editor_issue_notice_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DocketMeetingEditor *self = DOCKET_MEETING_EDITOR (widget);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));
  GtkWidget *dialog;
  GtkWidget *list = dialog_list ();
  g_autofree char *today = docket_date_format_display (docket_date_today (NULL));

  docket_meeting_editor_flush (self);
  dialog = adw_message_dialog_new (parent, _("Issue the Notice of Conclusions?"),
                                   _("The conclusions and items are then locked against "
                                     "accidental edits. The meeting can be reopened, with a reason."));
  g_object_set_data (G_OBJECT (dialog), "docket-number", dialog_entry (list, _("Notice number, e.g. 05"), ""));
  g_object_set_data (G_OBJECT (dialog), "docket-date", dialog_entry (list, _("Date (day/month/year)"), today));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "issue", _("_Issue Notice"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "issue",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "issue");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_notice_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_reopen_response_cb (AdwMessageDialog    *dialog,
                       const char          *response,
                       DocketMeetingEditor *self)
{
  GtkEditable *reason = g_object_get_data (G_OBJECT (dialog), "docket-reason");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "reopen") != 0)
    return;
  if (!docket_store_reopen_meeting (self->store, self->meeting_id, gtk_editable_get_text (reason),
                                    &error))
    _docket_meeting_editor_show_error (self, error);
  _docket_meeting_editor_reload (self);
}

void
_docket_meeting_editor_reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DocketMeetingEditor *self = DOCKET_MEETING_EDITOR (widget);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));
  GtkWidget *list = dialog_list ();
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("Reopen the Meeting?"),
                                   _("Its conclusions and items can then be changed again. "
                                     "The reason is kept in the history."));
  g_object_set_data (G_OBJECT (dialog), "docket-reason", dialog_entry (list, _("Reason"), ""));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "reopen", _("_Reopen"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reopen",
                                              ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reopen_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_new_person_response_cb (AdwMessageDialog    *dialog,
                           const char          *response,
                           DocketMeetingEditor *self)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "docket-name");
  GtkEditable *title = g_object_get_data (G_OBJECT (dialog), "docket-title");
  const char *role = g_object_get_data (G_OBJECT (dialog), "docket-role");
  g_autoptr(DocketPerson) person = docket_person_new ();
  g_autoptr(GError) error = NULL;
  DocketId id;

  if (g_strcmp0 (response, "add") != 0)
    return;
  person->name = g_strdup (gtk_editable_get_text (name));
  person->title = g_strdup (gtk_editable_get_text (title));
  if ((id = docket_store_add_person (self->store, person, &error)) == 0)
    {
      _docket_meeting_editor_show_error (self, error);
      return;
    }
  /* Keep what is typed in the other rows, then choose the new person. */
  docket_meeting_editor_flush (self);
  self->loading = TRUE;
  _docket_meeting_editor_fill_people (self);
  adw_combo_row_set_selected (self->chair_row, _docket_meeting_editor_person_position (self, self->meeting->chair_id));
  adw_combo_row_set_selected (self->secretary_row, _docket_meeting_editor_person_position (self, self->meeting->secretary_id));
  self->loading = FALSE;
  adw_combo_row_set_selected (g_strcmp0 (role, "chair") == 0 ? self->chair_row : self->secretary_row,
                              _docket_meeting_editor_person_position (self, id));
}

void
_docket_meeting_editor_new_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DocketMeetingEditor *self = DOCKET_MEETING_EDITOR (widget);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));
  GtkWidget *list = dialog_list ();
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("New Person"), NULL);
  g_object_set_data (G_OBJECT (dialog), "docket-name", dialog_entry (list, _("Name"), ""));
  g_object_set_data (G_OBJECT (dialog), "docket-title",
                     dialog_entry (list, _("Title, e.g. Vice-Chair of the Committee"), ""));
  g_object_set_data_full (G_OBJECT (dialog), "docket-role",
                          g_variant_dup_string (parameter, NULL), g_free);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_person_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
