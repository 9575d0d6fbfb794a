/* docket-meeting-editor.h: the meeting page, in the order the meeting happens
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "docket-store.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_MEETING_EDITOR (docket_meeting_editor_get_type ())

G_DECLARE_FINAL_TYPE (DocketMeetingEditor, docket_meeting_editor, DOCKET, MEETING_EDITOR, AdwBin)

void     docket_meeting_editor_set_store   (DocketMeetingEditor *self,
                                            DocketStore         *store);
void     docket_meeting_editor_set_meeting (DocketMeetingEditor *self,
                                            DocketId             meeting_id);
DocketId docket_meeting_editor_get_meeting (DocketMeetingEditor *self);
void     docket_meeting_editor_focus_title (DocketMeetingEditor *self);
/* Stores what is typed but not yet stored (the edits are stored a moment after the
 * typing stops); called before the window closes. */
void     docket_meeting_editor_flush       (DocketMeetingEditor *self);

G_END_DECLS
