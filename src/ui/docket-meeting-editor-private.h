/* docket-meeting-editor-private.h: what the files of the meeting page share
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-attachments-group.h"
#include "docket-meeting-editor.h"

G_BEGIN_DECLS

struct _DocketMeetingEditor
{
  AdwBin            parent_instance;

  DocketStore      *store;
  DocketId          meeting_id;
  DocketMeeting    *meeting;      /* as last read or stored */
  GArray           *people_ids;   /* combo position → person id (0: nobody) */
  gboolean          loading;      /* filling the widgets: not an edit */
  gboolean          details_dirty;
  GHashTable       *dirty_rows;   /* section and conclusion rows with unsaved text */
  guint             save_id;
  GPtrArray        *attendee_rows;
  GPtrArray        *section_rows;
  GPtrArray        *conclusion_rows;
  GPtrArray        *item_rows;      /* DocketItemEditRow, owned by their conclusion rows */
  GListStore       *units;          /* DocketRecord of DocketUnit, for every item row */
  gboolean          units_stale;    /* read again before the next rows are made */
  GPtrArray        *pending_conclusions; /* DocketConclusion not on the page yet */
  GPtrArray        *pending_items;       /* DocketItem of the meeting, for them */
  guint             next_conclusion;
  GtkWidget        *filling_row;         /* the conclusion row getting its items */
  guint             next_item;           /* where its items are looked for next */
  guint             build_id;
  GdkFrameClock    *build_clock;         /* whose first frame the building waits for */
  gulong            build_clock_id;

  GtkLabel         *state_label;
  GtkWidget        *recorded_button;
  GtkWidget        *notice_button;
  GtkWidget        *reopen_button;
  AdwEntryRow      *title_row;
  AdwComboRow      *kind_row;
  AdwEntryRow      *date_row;
  AdwEntryRow      *start_row;
  AdwEntryRow      *end_row;
  AdwEntryRow      *location_row;
  AdwEntryRow      *period_start_row;
  AdwEntryRow      *period_end_row;
  AdwComboRow      *chair_row;
  AdwComboRow      *secretary_row;
  GtkLabel         *details_error;
  AdwPreferencesGroup *attendees_group;
  AdwPreferencesGroup *minutes_group;
  AdwPreferencesGroup *conclusions_group;
  DocketAttachmentsGroup *attachments_group;
  GtkMenuButton    *add_attendee_button;
};

void       _docket_meeting_editor_toast             (DocketMeetingEditor *self,
                                                     const char          *text,
                                                     const char          *button,
                                                     const char          *action,
                                                     GVariant            *target);
void       _docket_meeting_editor_show_error        (DocketMeetingEditor *self,
                                                     const GError        *error);
GtkWidget *_docket_meeting_editor_icon_button       (const char          *icon,
                                                     const char          *tooltip,
                                                     const char          *action,
                                                     GVariant            *target);
void       _docket_meeting_editor_reload            (DocketMeetingEditor *self);
void       _docket_meeting_editor_clear_rows        (AdwPreferencesGroup *group,
                                                     GPtrArray           *rows);
void       _docket_meeting_editor_fill_people       (DocketMeetingEditor *self);
guint      _docket_meeting_editor_person_position   (DocketMeetingEditor *self,
                                                     DocketId             person_id);

/* docket-meeting-editor-attendees.c */
void       _docket_meeting_editor_rebuild_attendees (DocketMeetingEditor *self);
void       _docket_meeting_editor_on_attendee_popover_show_cb (GtkPopover          *popover,
                                                               DocketMeetingEditor *self);
void       _docket_meeting_editor_remove_attendee_action  (GtkWidget  *widget,
                                                           const char *action_name,
                                                           GVariant   *parameter);
void       _docket_meeting_editor_restore_attendee_action (GtkWidget  *widget,
                                                           const char *action_name,
                                                           GVariant   *parameter);

/* docket-meeting-editor-dialogs.c */
void       _docket_meeting_editor_mark_recorded_action (GtkWidget  *widget,
                                                        const char *action_name,
                                                        GVariant   *parameter);
void       _docket_meeting_editor_issue_notice_action  (GtkWidget  *widget,
                                                        const char *action_name,
                                                        GVariant   *parameter);
void       _docket_meeting_editor_reopen_action        (GtkWidget  *widget,
                                                        const char *action_name,
                                                        GVariant   *parameter);
void       _docket_meeting_editor_new_person_action    (GtkWidget  *widget,
                                                        const char *action_name,
                                                        GVariant   *parameter);

/* docket-meeting-editor-notice.c */
void       _docket_meeting_editor_export_notice_action (GtkWidget  *widget,
                                                        const char *action_name,
                                                        GVariant   *parameter);
void       _docket_meeting_editor_print_notice_action  (GtkWidget  *widget,
                                                        const char *action_name,
                                                        GVariant   *parameter);

G_END_DECLS
