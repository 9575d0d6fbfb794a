/* docket-labels.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-labels.h"

const char *
docket_unit_kind_get_label (DocketUnitKind kind)
{
  switch (kind)
    {
    case DOCKET_UNIT_KIND_DEPARTMENT: return _("Department");
    case DOCKET_UNIT_KIND_COMMUNE: return _("Commune committee");
    case DOCKET_UNIT_KIND_AGENCY: return _("Agency");
    case DOCKET_UNIT_KIND_OTHER:
    default: return _("Other");
    }
}

const char *
docket_meeting_kind_get_label (DocketMeetingKind kind)
{
  switch (kind)
    {
    case DOCKET_MEETING_KIND_REGULAR: return _("Regular meeting");
    case DOCKET_MEETING_KIND_REVIEW_HALF_YEAR: return _("Half-year review");
    case DOCKET_MEETING_KIND_REVIEW_YEAR: return _("Year review");
    case DOCKET_MEETING_KIND_THEMATIC: return _("Thematic meeting");
    case DOCKET_MEETING_KIND_OTHER:
    default: return _("Other meeting");
    }
}

const char *
docket_meeting_state_get_label (DocketMeetingState state)
{
  switch (state)
    {
    case DOCKET_MEETING_STATE_DRAFT: return _("Draft");
    case DOCKET_MEETING_STATE_RECORDED: return _("Recorded");
    case DOCKET_MEETING_STATE_NOTICE_ISSUED:
    default: return _("Notice issued");
    }
}

const char *
docket_item_state_get_label (DocketItemState state)
{
  switch (state)
    {
    case DOCKET_ITEM_STATE_OPEN: return _("Open");
    case DOCKET_ITEM_STATE_REPORTED_DONE: return _("Awaiting confirmation");
    case DOCKET_ITEM_STATE_CONFIRMED: return _("Completed");
    case DOCKET_ITEM_STATE_RETURNED: return _("Returned for rework");
    case DOCKET_ITEM_STATE_CANCELLED:
    default: return _("Cancelled");
    }
}

const char *
docket_unit_kind_to_word (DocketUnitKind kind)
{
  static const char *words[] = { "department", "commune", "agency", "other" };
  return (guint) kind < G_N_ELEMENTS (words) ? words[kind] : "other";
}

const char *
docket_meeting_kind_to_word (DocketMeetingKind kind)
{
  static const char *words[] = { "regular", "half-year", "year", "thematic", "other" };
  return (guint) kind < G_N_ELEMENTS (words) ? words[kind] : "other";
}

const char *
docket_meeting_state_to_word (DocketMeetingState state)
{
  static const char *words[] = { "draft", "recorded", "notice-issued" };
  return (guint) state < G_N_ELEMENTS (words) ? words[state] : "draft";
}

const char *
docket_item_state_to_word (DocketItemState state)
{
  static const char *words[] = { "open", "reported-done", "confirmed", "returned", "cancelled" };
  return (guint) state < G_N_ELEMENTS (words) ? words[state] : "open";
}

const char *
docket_attendance_to_word (DocketAttendance attendance)
{
  static const char *words[] = { "invited", "present", "absent" };
  return (guint) attendance < G_N_ELEMENTS (words) ? words[attendance] : "invited";
}
