/* docket-labels.h: the words people read for the domain's enumerations
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-types.h"

G_BEGIN_DECLS

/* Translated labels, shared by the application and docketctl. */
const char *docket_unit_kind_get_label     (DocketUnitKind     kind);
const char *docket_meeting_kind_get_label  (DocketMeetingKind  kind);
const char *docket_meeting_state_get_label (DocketMeetingState state);
const char *docket_item_state_get_label    (DocketItemState    state);

/* Stable English words used in docketctl's options and JSON ("half-year"). */
const char *docket_unit_kind_to_word       (DocketUnitKind     kind);
const char *docket_meeting_kind_to_word    (DocketMeetingKind  kind);
const char *docket_meeting_state_to_word   (DocketMeetingState state);
const char *docket_item_state_to_word      (DocketItemState    state);
const char *docket_attendance_to_word      (DocketAttendance   attendance);

G_END_DECLS
