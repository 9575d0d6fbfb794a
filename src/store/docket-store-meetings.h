/* docket-store-meetings.h: meetings, attendees, minutes and conclusions
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-store.h"

G_BEGIN_DECLS

/**
 * DocketMeetingSummary:
 * @meeting: the meeting
 * @n_items: its directive items, cancelled ones left out
 * @n_done: of those, the completed (confirmed) ones
 *
 * A row of the meetings list.
 */
typedef struct
{
  DocketMeeting *meeting;
  guint          n_items;
  guint          n_done;
} DocketMeetingSummary;

void docket_meeting_summary_free (DocketMeetingSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketMeetingSummary, docket_meeting_summary_free)

/* Meetings.  In the list functions @kind is a DocketMeetingKind or -1 for any
 * kind, @year a year or 0 for any year. */
DocketId       docket_store_add_meeting      (DocketStore         *self,
                                              const DocketMeeting *meeting,
                                              GError             **error);
gboolean       docket_store_update_meeting   (DocketStore         *self,
                                              const DocketMeeting *meeting,
                                              GError             **error);
DocketMeeting *docket_store_get_meeting      (DocketStore         *self,
                                              DocketId             meeting_id,
                                              GError             **error);
GPtrArray     *docket_store_list_meetings    (DocketStore         *self,
                                              int                  kind,
                                              int                  year,
                                              guint                offset,
                                              guint                limit,
                                              GError             **error);
gboolean       docket_store_count_meetings   (DocketStore         *self,
                                              int                  kind,
                                              int                  year,
                                              guint               *out_count,
                                              GError             **error);

/* Attendees. */
DocketId       docket_store_add_attendee     (DocketStore          *self,
                                              const DocketAttendee *attendee,
                                              GError              **error);
gboolean       docket_store_remove_attendee  (DocketStore          *self,
                                              DocketId              attendee_id,
                                              GError              **error);
gboolean       docket_store_set_attendance   (DocketStore          *self,
                                              DocketId              attendee_id,
                                              DocketAttendance      attendance,
                                              GError              **error);
GPtrArray     *docket_store_list_attendees   (DocketStore          *self,
                                              DocketId              meeting_id,
                                              GError              **error);

/* Minutes sections and conclusions are numbered 1…n within their meeting; adding
 * at a position (≤ 0 or past the end: at the end), moving and removing renumber
 * the others in the same transaction. */
DocketId       docket_store_add_minutes_section    (DocketStore                *self,
                                                    const DocketMinutesSection *section,
                                                    GError                    **error);
gboolean       docket_store_update_minutes_section (DocketStore                *self,
                                                    const DocketMinutesSection *section,
                                                    GError                    **error);
gboolean       docket_store_move_minutes_section   (DocketStore                *self,
                                                    DocketId                    section_id,
                                                    int                         position,
                                                    GError                    **error);
gboolean       docket_store_remove_minutes_section (DocketStore                *self,
                                                    DocketId                    section_id,
                                                    GError                    **error);
GPtrArray     *docket_store_list_minutes_sections  (DocketStore                *self,
                                                    DocketId                    meeting_id,
                                                    GError                    **error);

DocketId       docket_store_add_conclusion    (DocketStore            *self,
                                               const DocketConclusion *conclusion,
                                               GError                **error);
gboolean       docket_store_update_conclusion (DocketStore            *self,
                                               const DocketConclusion *conclusion,
                                               GError                **error);
gboolean       docket_store_move_conclusion   (DocketStore            *self,
                                               DocketId                conclusion_id,
                                               int                     position,
                                               GError                **error);
gboolean       docket_store_remove_conclusion (DocketStore            *self,
                                               DocketId                conclusion_id,
                                               GError                **error);
DocketConclusion *docket_store_get_conclusion (DocketStore            *self,
                                               DocketId                conclusion_id,
                                               GError                **error);
GPtrArray     *docket_store_list_conclusions  (DocketStore            *self,
                                               DocketId                meeting_id,
                                               GError                **error);

G_END_DECLS
