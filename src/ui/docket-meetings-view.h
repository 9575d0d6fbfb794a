/* docket-meetings-view.h: the Meetings area
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "docket-store.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_MEETINGS_VIEW (docket_meetings_view_get_type ())

G_DECLARE_FINAL_TYPE (DocketMeetingsView, docket_meetings_view, DOCKET, MEETINGS_VIEW, AdwBin)

void     docket_meetings_view_set_store    (DocketMeetingsView *self,
                                            DocketStore        *store);
void     docket_meetings_view_open_meeting (DocketMeetingsView *self,
                                            DocketId            meeting_id);
DocketId docket_meetings_view_new_meeting  (DocketMeetingsView *self);
guint    docket_meetings_view_get_n_shown  (DocketMeetingsView *self);
void     docket_meetings_view_flush        (DocketMeetingsView *self);

G_END_DECLS
