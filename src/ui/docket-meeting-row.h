/* docket-meeting-row.h: one meeting in the meetings list
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "docket-record.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_MEETING_ROW (docket_meeting_row_get_type ())

G_DECLARE_FINAL_TYPE (DocketMeetingRow, docket_meeting_row, DOCKET, MEETING_ROW, GtkWidget)

G_END_DECLS
