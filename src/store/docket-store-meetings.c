/* docket-store-meetings.c: meetings, attendees, minutes and conclusions
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-store-meetings.h"
#include "docket-store-private.h"

#define MEETING_COLUMNS "m.id, m.kind, m.state, m.title, m.period_start, m.period_end, " \
                        "m.date, m.start_minutes, m.end_minutes, m.location, m.chair_id, " \
                        "m.secretary_id, m.notice_number, m.notice_date"
/* Cancelled items leave every count; "done" is confirmed complete.  Both read the
 * meeting's few items by its index: left to choose, SQLite counts "state = 2" by
 * walking every confirmed item of the file in a state index (0.15 s a meeting over a
 * million items, so the first page of the meetings list took most of a minute). */
#define MEETING_COUNTS "(SELECT count (*) FROM items i INDEXED BY items_by_meeting " \
                       "WHERE i.meeting_id = m.id AND i.state <> 4), " \
                       "(SELECT count (*) FROM items i INDEXED BY items_by_meeting " \
                       "WHERE i.meeting_id = m.id AND i.state = 2)"

typedef struct
{
  const DocketMeeting        *meeting;
  const DocketAttendee       *attendee;
  const DocketMinutesSection *section;
  const DocketConclusion     *conclusion;
  DocketId                    id;
  int                         value;
} Op;

/* What differs between the two numbered lists of a meeting: minutes sections and
 * conclusions.  Every SQL text is a constant. */
typedef struct
{
  const char       *table;
  DocketStoreChange change;
  const char       *locate_sql;     /* id → meeting_id, position */
  const char       *count_sql;      /* meeting_id → n */
  const char       *open_gap_sql;   /* meeting_id, from: position + 1 for position >= from */
  const char       *close_gap_sql;  /* meeting_id, after: position - 1 for position > after */
  const char       *shift_down_sql; /* meeting_id, lo, hi: +1 within [lo, hi) */
  const char       *shift_up_sql;   /* meeting_id, lo, hi: -1 within (lo, hi] */
  const char       *place_sql;      /* position, updated_at, updated_by, id */
  const char       *delete_sql;     /* id */
} Numbered;

#define NUMBERED(t) \
  "SELECT meeting_id, position FROM " t " WHERE id = ?", \
  "SELECT count (*) FROM " t " WHERE meeting_id = ?", \
  "UPDATE " t " SET position = position + 1 WHERE meeting_id = ? AND position >= ?", \
  "UPDATE " t " SET position = position - 1 WHERE meeting_id = ? AND position > ?", \
  "UPDATE " t " SET position = position + 1 WHERE meeting_id = ? AND position >= ? AND position < ?", \
  "UPDATE " t " SET position = position - 1 WHERE meeting_id = ? AND position > ? AND position <= ?", \
  "UPDATE " t " SET position = ?, updated_at = ?, updated_by = ? WHERE id = ?", \
  "DELETE FROM " t " WHERE id = ?"

static const Numbered minutes_list = {
  "minutes_sections", DOCKET_STORE_CHANGE_MINUTES, NUMBERED ("minutes_sections")
};
static const Numbered conclusions_list = {
  "conclusions", DOCKET_STORE_CHANGE_CONCLUSIONS, NUMBERED ("conclusions")
};

void
docket_meeting_summary_free (DocketMeetingSummary *summary)
{
  if (summary == NULL)
    return;
  docket_meeting_free (summary->meeting);
  g_free (summary);
}

static GPtrArray *
collect (DocketStore    *self,
         DocketStmt     *stmt,
         gpointer      (*read) (DocketStmt *),
         GDestroyNotify  free_func,
         GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  gboolean row = FALSE;

  while (_docket_store_step (self, stmt, &row, error))
    {
      if (!row)
        return g_steal_pointer (&rows);
      g_ptr_array_add (rows, read (stmt));
    }
  return NULL;
}

static gboolean
step_count (DocketStore *self,
            DocketStmt  *stmt,
            gint64      *out_count,
            GError     **error)
{
  gboolean row = FALSE;

  if (!_docket_store_step (self, stmt, &row, error))
    return FALSE;
  *out_count = row ? _docket_stmt_get_int (stmt, 0) : 0;
  return TRUE;
}

static void
set_invalid (GError    **error,
             const char *message)
{
  g_set_error_literal (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID, message);
}

/* Meetings. */

static DocketMeeting *
read_meeting (DocketStmt *stmt)
{
  DocketMeeting *meeting = docket_meeting_new ();

  meeting->id = _docket_stmt_get_id (stmt, 0);
  meeting->kind = _docket_stmt_get_int (stmt, 1);
  meeting->state = _docket_stmt_get_int (stmt, 2);
  meeting->title = _docket_stmt_dup_text (stmt, 3);
  meeting->period_start = _docket_stmt_get_date (stmt, 4);
  meeting->period_end = _docket_stmt_get_date (stmt, 5);
  meeting->date = _docket_stmt_get_date (stmt, 6);
  meeting->start_minutes = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? -1 : _docket_stmt_get_int (stmt, 7);
  meeting->end_minutes = sqlite3_column_type (stmt, 8) == SQLITE_NULL ? -1 : _docket_stmt_get_int (stmt, 8);
  meeting->location = _docket_stmt_dup_text (stmt, 9);
  meeting->chair_id = _docket_stmt_get_id (stmt, 10);
  meeting->secretary_id = _docket_stmt_get_id (stmt, 11);
  meeting->notice_number = _docket_stmt_dup_text (stmt, 12);
  meeting->notice_date = _docket_stmt_get_date (stmt, 13);
  return meeting;
}

static DocketMeetingSummary *
read_summary (DocketStmt *stmt)
{
  DocketMeetingSummary *summary = g_new0 (DocketMeetingSummary, 1);

  summary->meeting = read_meeting (stmt);
  summary->n_items = _docket_stmt_get_int (stmt, 14);
  summary->n_done = _docket_stmt_get_int (stmt, 15);
  return summary;
}

static gboolean
valid_minutes (int minutes)
{
  return minutes == -1 || (minutes >= 0 && minutes < 24 * 60);
}

static gboolean
validate_meeting (DocketStore         *self,
                  const DocketMeeting *meeting,
                  GError             **error)
{
  if (!_docket_store_require_text (meeting->title, _("the title of the meeting"), error))
    return FALSE;
  if ((int) meeting->kind < DOCKET_MEETING_KIND_REGULAR || meeting->kind > DOCKET_MEETING_KIND_OTHER ||
      (int) meeting->state < DOCKET_MEETING_STATE_DRAFT || meeting->state > DOCKET_MEETING_STATE_NOTICE_ISSUED)
    {
      set_invalid (error, _("Choose the kind of meeting."));
      return FALSE;
    }
  if (meeting->date == DOCKET_DATE_NONE)
    {
      set_invalid (error, _("Type the date of the meeting."));
      return FALSE;
    }
  if (meeting->period_start != DOCKET_DATE_NONE && meeting->period_end != DOCKET_DATE_NONE &&
      meeting->period_start > meeting->period_end)
    {
      set_invalid (error, _("The reviewed period ends before it starts. Check both dates."));
      return FALSE;
    }
  if (!valid_minutes (meeting->start_minutes) || !valid_minutes (meeting->end_minutes) ||
      (meeting->start_minutes >= 0 && meeting->end_minutes >= 0 &&
       meeting->end_minutes < meeting->start_minutes))
    {
      set_invalid (error, _("The meeting ends before it starts. Check both times."));
      return FALSE;
    }
  if ((meeting->chair_id != 0 && !_docket_store_require_row (self, "people", meeting->chair_id, error)) ||
      (meeting->secretary_id != 0 && !_docket_store_require_row (self, "people", meeting->secretary_id, error)))
    return FALSE;
  return TRUE;
}

static void
bind_meeting (DocketStmt          *stmt,
              const DocketMeeting *meeting)
{
  g_autofree char *title = g_strstrip (g_strdup (meeting->title));
  g_autofree char *folded = _docket_store_fold (title);

  _docket_stmt_bind_int (stmt, 1, meeting->kind);
  _docket_stmt_bind_int (stmt, 2, meeting->state);
  _docket_stmt_bind_text (stmt, 3, title);
  _docket_stmt_bind_text (stmt, 4, folded);
  _docket_stmt_bind_date (stmt, 5, meeting->period_start);
  _docket_stmt_bind_date (stmt, 6, meeting->period_end);
  _docket_stmt_bind_date (stmt, 7, meeting->date);
  if (meeting->start_minutes >= 0)
    _docket_stmt_bind_int (stmt, 8, meeting->start_minutes);
  if (meeting->end_minutes >= 0)
    _docket_stmt_bind_int (stmt, 9, meeting->end_minutes);
  _docket_stmt_bind_text (stmt, 10, meeting->location);
  _docket_stmt_bind_id (stmt, 11, meeting->chair_id);
  _docket_stmt_bind_id (stmt, 12, meeting->secretary_id);
  _docket_stmt_bind_text (stmt, 13, meeting->notice_number);
  _docket_stmt_bind_date (stmt, 14, meeting->notice_date);
}

static DocketAuditFields *
meeting_fields (const DocketMeeting *meeting)
{
  DocketAuditFields *fields = _docket_audit_fields_new ();

  _docket_audit_add_int (fields, "kind", meeting->kind);
  _docket_audit_add_int (fields, "state", meeting->state);
  _docket_audit_add_text (fields, "title", meeting->title);
  _docket_audit_add_date (fields, "date", meeting->date);
  _docket_audit_add_date (fields, "period_start", meeting->period_start);
  _docket_audit_add_date (fields, "period_end", meeting->period_end);
  _docket_audit_add_int (fields, "start_minutes", meeting->start_minutes);
  _docket_audit_add_int (fields, "end_minutes", meeting->end_minutes);
  _docket_audit_add_text (fields, "location", meeting->location);
  _docket_audit_add_int (fields, "chair_id", meeting->chair_id);
  _docket_audit_add_int (fields, "secretary_id", meeting->secretary_id);
  _docket_audit_add_text (fields, "notice_number", meeting->notice_number);
  _docket_audit_add_date (fields, "notice_date", meeting->notice_date);
  return fields;
}

static gboolean
add_meeting_cb (DocketStore *self,
                gpointer     data,
                GError     **error)
{
  Op *op = data;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = NULL;

  if (!validate_meeting (self, op->meeting, error))
    return FALSE;
  stmt = _docket_store_prepare (self,
                                "INSERT INTO meetings (kind, state, title, title_folded, "
                                "period_start, period_end, date, start_minutes, end_minutes, "
                                "location, chair_id, secretary_id, notice_number, notice_date, "
                                "created_at, updated_at, updated_by) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                error);
  if (stmt == NULL)
    return FALSE;
  bind_meeting (stmt, op->meeting);
  _docket_stmt_bind_stamp (self, stmt, 15);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  op->id = _docket_store_last_insert_id (self);
  fields = meeting_fields (op->meeting);
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_MEETINGS);
  return _docket_store_audit (self, "meetings", op->id, "insert", fields, error);
}

/**
 * docket_store_add_meeting:
 * @meeting: the meeting; its id is ignored.  The title and the date are required.
 *
 * Returns: the id of the new meeting, or 0 with @error set (nothing was changed)
 */
DocketId
docket_store_add_meeting (DocketStore         *self,
                          const DocketMeeting *meeting,
                          GError             **error)
{
  Op op = { .meeting = meeting };

  g_return_val_if_fail (DOCKET_IS_STORE (self), 0);
  g_return_val_if_fail (meeting != NULL, 0);

  if (!_docket_store_write (self, add_meeting_cb, &op, error))
    return 0;
  return op.id;
}

static gboolean
update_meeting_cb (DocketStore *self,
                   gpointer     data,
                   GError     **error)
{
  Op *op = data;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = NULL;

  if (!_docket_store_require_row (self, "meetings", op->meeting->id, error) ||
      !validate_meeting (self, op->meeting, error))
    return FALSE;
  stmt = _docket_store_prepare (self,
                                "UPDATE meetings SET kind = ?, state = ?, title = ?, "
                                "title_folded = ?, period_start = ?, period_end = ?, date = ?, "
                                "start_minutes = ?, end_minutes = ?, location = ?, chair_id = ?, "
                                "secretary_id = ?, notice_number = ?, notice_date = ?, "
                                "updated_at = ?, updated_by = ? WHERE id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  bind_meeting (stmt, op->meeting);
  _docket_stmt_bind_update_stamp (self, stmt, 15);
  _docket_stmt_bind_id (stmt, 17, op->meeting->id);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  fields = meeting_fields (op->meeting);
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_MEETINGS);
  return _docket_store_audit (self, "meetings", op->meeting->id, "update", fields, error);
}

gboolean
docket_store_update_meeting (DocketStore         *self,
                             const DocketMeeting *meeting,
                             GError             **error)
{
  Op op = { .meeting = meeting };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (meeting != NULL, FALSE);

  return _docket_store_write (self, update_meeting_cb, &op, error);
}

/**
 * docket_store_get_meeting:
 *
 * Returns: (transfer full): the meeting, or %NULL with %DOCKET_STORE_ERROR_NOT_FOUND
 */
DocketMeeting *
docket_store_get_meeting (DocketStore *self,
                          DocketId     meeting_id,
                          GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);

  stmt = _docket_store_prepare (self, "SELECT " MEETING_COLUMNS " FROM meetings m WHERE m.id = ?",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_id (stmt, 1, meeting_id);
  if (!_docket_store_step (self, stmt, &row, error))
    return NULL;
  if (!row)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND,
                   /* Translators: the number identifies the meeting */
                   _("Meeting %lld does not exist; another person may have "
                     "removed it. Reload the list and try again."),
                   (long long) meeting_id);
      return NULL;
    }
  return read_meeting (stmt);
}

/* The year filter is a range of `date`, so both variants below are a range scan of
 * meetings_by_date or meetings_by_kind_date, newest first. */
static void
bind_filter (DocketStmt *stmt,
             int         kind,
             int         year)
{
  int index = 1;

  if (kind >= 0)
    _docket_stmt_bind_int (stmt, index++, kind);
  if (year > 0)
    {
      _docket_stmt_bind_date (stmt, index++, docket_date_new (year, 1, 1));
      _docket_stmt_bind_date (stmt, index, docket_date_new (year, 12, 31));
    }
  else
    {
      _docket_stmt_bind_text (stmt, index++, "0000-00-00");
      _docket_stmt_bind_text (stmt, index, "9999-99-99");
    }
}

/**
 * docket_store_list_meetings:
 * @kind: a #DocketMeetingKind, or -1 for all kinds
 * @year: only meetings held in this year, or 0 for all years
 * @offset: rows to skip
 * @limit: the page size
 *
 * A page of the meetings list, newest first (by date, then by id), with the item
 * counts of each meeting.
 *
 * Returns: (transfer full) (element-type DocketMeetingSummary): the page
 */
GPtrArray *
docket_store_list_meetings (DocketStore *self,
                            int          kind,
                            int          year,
                            guint        offset,
                            guint        limit,
                            GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);

  if (kind >= 0)
    stmt = _docket_store_prepare (self,
                                  "SELECT " MEETING_COLUMNS ", " MEETING_COUNTS " FROM meetings m "
                                  "WHERE m.kind = ? AND m.date BETWEEN ? AND ? "
                                  "ORDER BY m.date DESC, m.id DESC LIMIT ? OFFSET ?",
                                  error);
  else
    stmt = _docket_store_prepare (self,
                                  "SELECT " MEETING_COLUMNS ", " MEETING_COUNTS " FROM meetings m "
                                  "WHERE m.date BETWEEN ? AND ? "
                                  "ORDER BY m.date DESC, m.id DESC LIMIT ? OFFSET ?",
                                  error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, kind, year);
  _docket_stmt_bind_int (stmt, kind >= 0 ? 4 : 3, limit);
  _docket_stmt_bind_int (stmt, kind >= 0 ? 5 : 4, offset);
  return collect (self, stmt, (gpointer) read_summary,
                  (GDestroyNotify) docket_meeting_summary_free, error);
}

gboolean
docket_store_count_meetings (DocketStore *self,
                             int          kind,
                             int          year,
                             guint       *out_count,
                             GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  gint64 count = 0;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_count != NULL, FALSE);

  if (kind >= 0)
    stmt = _docket_store_prepare (self,
                                  "SELECT count (*) FROM meetings m "
                                  "WHERE m.kind = ? AND m.date BETWEEN ? AND ?",
                                  error);
  else
    stmt = _docket_store_prepare (self,
                                  "SELECT count (*) FROM meetings m WHERE m.date BETWEEN ? AND ?",
                                  error);
  if (stmt == NULL)
    return FALSE;
  bind_filter (stmt, kind, year);
  if (!step_count (self, stmt, &count, error))
    return FALSE;
  *out_count = count;
  return TRUE;
}

/* Attendees. */

static DocketAttendee *
read_attendee (DocketStmt *stmt)
{
  DocketAttendee *attendee = docket_attendee_new ();

  attendee->id = _docket_stmt_get_id (stmt, 0);
  attendee->meeting_id = _docket_stmt_get_id (stmt, 1);
  attendee->unit_id = _docket_stmt_get_id (stmt, 2);
  attendee->person_id = _docket_stmt_get_id (stmt, 3);
  attendee->attendance = _docket_stmt_get_int (stmt, 4);
  return attendee;
}

static gboolean
valid_attendance (DocketAttendance attendance)
{
  return (int) attendance >= DOCKET_ATTENDANCE_INVITED && attendance <= DOCKET_ATTENDANCE_ABSENT;
}

static gboolean
add_attendee_cb (DocketStore *self,
                 gpointer     data,
                 GError     **error)
{
  Op *op = data;
  const DocketAttendee *attendee = op->attendee;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = _docket_audit_fields_new ();

  if (attendee->unit_id == 0 && attendee->person_id == 0)
    {
      set_invalid (error, _("Choose a unit or a person who attends."));
      return FALSE;
    }
  if (!valid_attendance (attendee->attendance))
    {
      set_invalid (error, _("Choose invited, present or absent."));
      return FALSE;
    }
  if (!_docket_store_require_row (self, "meetings", attendee->meeting_id, error) ||
      (attendee->unit_id != 0 && !_docket_store_require_row (self, "units", attendee->unit_id, error)) ||
      (attendee->person_id != 0 && !_docket_store_require_row (self, "people", attendee->person_id, error)))
    return FALSE;

  stmt = _docket_store_prepare (self,
                                "INSERT INTO attendees (meeting_id, unit_id, person_id, attendance, "
                                "created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_id (stmt, 1, attendee->meeting_id);
  _docket_stmt_bind_id (stmt, 2, attendee->unit_id);
  _docket_stmt_bind_id (stmt, 3, attendee->person_id);
  _docket_stmt_bind_int (stmt, 4, attendee->attendance);
  _docket_stmt_bind_stamp (self, stmt, 5);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  op->id = _docket_store_last_insert_id (self);
  _docket_audit_add_int (fields, "meeting_id", attendee->meeting_id);
  _docket_audit_add_int (fields, "unit_id", attendee->unit_id);
  _docket_audit_add_int (fields, "person_id", attendee->person_id);
  _docket_audit_add_int (fields, "attendance", attendee->attendance);
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_ATTENDEES);
  return _docket_store_audit (self, "attendees", op->id, "insert", fields, error);
}

DocketId
docket_store_add_attendee (DocketStore          *self,
                           const DocketAttendee *attendee,
                           GError              **error)
{
  Op op = { .attendee = attendee };

  g_return_val_if_fail (DOCKET_IS_STORE (self), 0);
  g_return_val_if_fail (attendee != NULL, 0);

  if (!_docket_store_write (self, add_attendee_cb, &op, error))
    return 0;
  return op.id;
}

static gboolean
remove_attendee_cb (DocketStore *self,
                    gpointer     data,
                    GError     **error)
{
  Op *op = data;
  g_autoptr(DocketStmt) stmt = NULL;

  if (!_docket_store_require_row (self, "attendees", op->id, error))
    return FALSE;
  stmt = _docket_store_prepare (self, "DELETE FROM attendees WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_id (stmt, 1, op->id);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_ATTENDEES);
  return _docket_store_audit (self, "attendees", op->id, "delete", NULL, error);
}

gboolean
docket_store_remove_attendee (DocketStore *self,
                              DocketId     attendee_id,
                              GError     **error)
{
  Op op = { .id = attendee_id };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  return _docket_store_write (self, remove_attendee_cb, &op, error);
}

static gboolean
set_attendance_cb (DocketStore *self,
                   gpointer     data,
                   GError     **error)
{
  Op *op = data;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = _docket_audit_fields_new ();

  if (!valid_attendance (op->value))
    {
      set_invalid (error, _("Choose invited, present or absent."));
      return FALSE;
    }
  if (!_docket_store_require_row (self, "attendees", op->id, error))
    return FALSE;
  stmt = _docket_store_prepare (self,
                                "UPDATE attendees SET attendance = ?, updated_at = ?, "
                                "updated_by = ? WHERE id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_int (stmt, 1, op->value);
  _docket_stmt_bind_update_stamp (self, stmt, 2);
  _docket_stmt_bind_id (stmt, 4, op->id);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  _docket_audit_add_int (fields, "attendance", op->value);
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_ATTENDEES);
  return _docket_store_audit (self, "attendees", op->id, "update", fields, error);
}

gboolean
docket_store_set_attendance (DocketStore      *self,
                             DocketId          attendee_id,
                             DocketAttendance  attendance,
                             GError          **error)
{
  Op op = { .id = attendee_id, .value = attendance };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  return _docket_store_write (self, set_attendance_cb, &op, error);
}

/**
 * docket_store_list_attendees:
 *
 * Returns: (transfer full) (element-type DocketAttendee): the attendees of a
 *   meeting, in the order they were added
 */
GPtrArray *
docket_store_list_attendees (DocketStore *self,
                             DocketId     meeting_id,
                             GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);

  stmt = _docket_store_prepare (self,
                                "SELECT id, meeting_id, unit_id, person_id, attendance "
                                "FROM attendees WHERE meeting_id = ? ORDER BY id",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_id (stmt, 1, meeting_id);
  return collect (self, stmt, (gpointer) read_attendee, (GDestroyNotify) docket_attendee_free,
                  error);
}

/* Numbered lists. */

static gboolean
locate (DocketStore    *self,
        const Numbered *list,
        DocketId        id,
        DocketId       *out_meeting,
        int            *out_position,
        GError        **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;

  if (!_docket_store_require_row (self, list->table, id, error))
    return FALSE;
  stmt = _docket_store_prepare (self, list->locate_sql, error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_id (stmt, 1, id);
  if (!_docket_store_step (self, stmt, &row, error))
    return FALSE;
  g_assert (row);
  *out_meeting = _docket_stmt_get_id (stmt, 0);
  *out_position = _docket_stmt_get_int (stmt, 1);
  return TRUE;
}

static gboolean
count_in_meeting (DocketStore    *self,
                  const Numbered *list,
                  DocketId        meeting_id,
                  int            *out_count,
                  GError        **error)
{
  g_autoptr(DocketStmt) stmt = _docket_store_prepare (self, list->count_sql, error);
  gint64 count = 0;

  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_id (stmt, 1, meeting_id);
  if (!step_count (self, stmt, &count, error))
    return FALSE;
  *out_count = count;
  return TRUE;
}

static gboolean
run_shift (DocketStore *self,
           const char  *sql,
           DocketId     meeting_id,
           int          a,
           int          b,
           GError     **error)
{
  g_autoptr(DocketStmt) stmt = _docket_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_id (stmt, 1, meeting_id);
  _docket_stmt_bind_int (stmt, 2, a);
  if (b != 0)
    _docket_stmt_bind_int (stmt, 3, b);
  return _docket_store_step_done (self, stmt, error);
}

/* Makes room at @position (clamped to 1…n+1) and returns where the new row goes. */
static gboolean
open_gap (DocketStore    *self,
          const Numbered *list,
          DocketId        meeting_id,
          int             position,
          int            *out_position,
          GError        **error)
{
  int n = 0;

  if (!count_in_meeting (self, list, meeting_id, &n, error))
    return FALSE;
  if (position <= 0 || position > n)
    {
      *out_position = n + 1;
      return TRUE;
    }
  *out_position = position;
  return run_shift (self, list->open_gap_sql, meeting_id, position, 0, error);
}

static gboolean
move_cb (DocketStore *self,
         gpointer     data,
         GError     **error)
{
  Op *op = data;
  const Numbered *list = op->conclusion != NULL ? &conclusions_list : &minutes_list;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = _docket_audit_fields_new ();
  DocketId meeting_id = 0;
  int old_position = 0, n = 0, position;

  if (!locate (self, list, op->id, &meeting_id, &old_position, error) ||
      !count_in_meeting (self, list, meeting_id, &n, error))
    return FALSE;
  position = CLAMP (op->value, 1, n);
  if (position == old_position)
    return TRUE;

  if (position < old_position)
    {
      if (!run_shift (self, list->shift_down_sql, meeting_id, position, old_position, error))
        return FALSE;
    }
  else if (!run_shift (self, list->shift_up_sql, meeting_id, old_position, position, error))
    return FALSE;

  stmt = _docket_store_prepare (self, list->place_sql, error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_int (stmt, 1, position);
  _docket_stmt_bind_update_stamp (self, stmt, 2);
  _docket_stmt_bind_id (stmt, 4, op->id);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;

  _docket_audit_add_int (fields, "from", old_position);
  _docket_audit_add_int (fields, "to", position);
  _docket_store_mark_changed (self, list->change);
  return _docket_store_audit (self, list->table, op->id, "move", fields, error);
}

static gboolean
remove_numbered_cb (DocketStore *self,
                    gpointer     data,
                    GError     **error)
{
  Op *op = data;
  const Numbered *list = op->conclusion != NULL ? &conclusions_list : &minutes_list;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = _docket_audit_fields_new ();
  DocketId meeting_id = 0;
  int position = 0;

  if (!locate (self, list, op->id, &meeting_id, &position, error))
    return FALSE;

  if (list == &conclusions_list)
    {
      g_autoptr(DocketStmt) items = NULL;
      gint64 n_items = 0;

      items = _docket_store_prepare (self, "SELECT count (*) FROM items WHERE conclusion_id = ?",
                                     error);
      if (items == NULL)
        return FALSE;
      _docket_stmt_bind_id (items, 1, op->id);
      if (!step_count (self, items, &n_items, error))
        return FALSE;
      if (n_items > 0)
        {
          g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "This conclusion has %d directive item. Remove the item or "
                                    "attach it to another conclusion first.",
                                    "This conclusion has %d directive items. Remove the items or "
                                    "attach them to another conclusion first.",
                                    n_items),
                       (int) n_items);
          return FALSE;
        }
    }

  stmt = _docket_store_prepare (self, list->delete_sql, error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_id (stmt, 1, op->id);
  if (!_docket_store_step_done (self, stmt, error) ||
      !run_shift (self, list->close_gap_sql, meeting_id, position, 0, error))
    return FALSE;

  _docket_audit_add_int (fields, "meeting_id", meeting_id);
  _docket_audit_add_int (fields, "position", position);
  _docket_store_mark_changed (self, list->change);
  return _docket_store_audit (self, list->table, op->id, "delete", fields, error);
}

/* Minutes sections. */

static DocketMinutesSection *
read_section (DocketStmt *stmt)
{
  DocketMinutesSection *section = docket_minutes_section_new ();

  section->id = _docket_stmt_get_id (stmt, 0);
  section->meeting_id = _docket_stmt_get_id (stmt, 1);
  section->position = _docket_stmt_get_int (stmt, 2);
  section->speaker = _docket_stmt_dup_text (stmt, 3);
  section->text = _docket_stmt_dup_text (stmt, 4);
  return section;
}

static gboolean
validate_section (const DocketMinutesSection *section,
                  GError                    **error)
{
  if (section->text == NULL || !g_utf8_validate (section->text, -1, NULL) ||
      (section->speaker != NULL && !g_utf8_validate (section->speaker, -1, NULL)))
    {
      set_invalid (error, _("The minutes contain characters Docket cannot read. Type them "
                            "again."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_section_cb (DocketStore *self,
                gpointer     data,
                GError     **error)
{
  Op *op = data;
  const DocketMinutesSection *section = op->section;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = _docket_audit_fields_new ();
  int position = 0;

  if (!validate_section (section, error) ||
      !_docket_store_require_row (self, "meetings", section->meeting_id, error) ||
      !open_gap (self, &minutes_list, section->meeting_id, section->position, &position, error))
    return FALSE;

  stmt = _docket_store_prepare (self,
                                "INSERT INTO minutes_sections (meeting_id, position, speaker, text, "
                                "created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_id (stmt, 1, section->meeting_id);
  _docket_stmt_bind_int (stmt, 2, position);
  _docket_stmt_bind_text (stmt, 3, section->speaker);
  _docket_stmt_bind_text (stmt, 4, section->text);
  _docket_stmt_bind_stamp (self, stmt, 5);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  op->id = _docket_store_last_insert_id (self);
  _docket_audit_add_int (fields, "meeting_id", section->meeting_id);
  _docket_audit_add_int (fields, "position", position);
  _docket_audit_add_text (fields, "speaker", section->speaker);
  _docket_audit_add_text (fields, "text", section->text);
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_MINUTES);
  return _docket_store_audit (self, "minutes_sections", op->id, "insert", fields, error);
}

DocketId
docket_store_add_minutes_section (DocketStore                *self,
                                  const DocketMinutesSection *section,
                                  GError                    **error)
{
  Op op = { .section = section };

  g_return_val_if_fail (DOCKET_IS_STORE (self), 0);
  g_return_val_if_fail (section != NULL, 0);

  if (!_docket_store_write (self, add_section_cb, &op, error))
    return 0;
  return op.id;
}

static gboolean
update_section_cb (DocketStore *self,
                   gpointer     data,
                   GError     **error)
{
  Op *op = data;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = _docket_audit_fields_new ();

  if (!validate_section (op->section, error) ||
      !_docket_store_require_row (self, "minutes_sections", op->section->id, error))
    return FALSE;
  stmt = _docket_store_prepare (self,
                                "UPDATE minutes_sections SET speaker = ?, text = ?, "
                                "updated_at = ?, updated_by = ? WHERE id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_text (stmt, 1, op->section->speaker);
  _docket_stmt_bind_text (stmt, 2, op->section->text);
  _docket_stmt_bind_update_stamp (self, stmt, 3);
  _docket_stmt_bind_id (stmt, 5, op->section->id);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  _docket_audit_add_text (fields, "speaker", op->section->speaker);
  _docket_audit_add_text (fields, "text", op->section->text);
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_MINUTES);
  return _docket_store_audit (self, "minutes_sections", op->section->id, "update", fields, error);
}

/**
 * docket_store_update_minutes_section:
 *
 * Changes the speaker and the text; the position changes only through
 * docket_store_move_minutes_section().
 */
gboolean
docket_store_update_minutes_section (DocketStore                *self,
                                     const DocketMinutesSection *section,
                                     GError                    **error)
{
  Op op = { .section = section };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (section != NULL, FALSE);

  return _docket_store_write (self, update_section_cb, &op, error);
}

gboolean
docket_store_move_minutes_section (DocketStore *self,
                                   DocketId     section_id,
                                   int          position,
                                   GError     **error)
{
  Op op = { .id = section_id, .value = position };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  return _docket_store_write (self, move_cb, &op, error);
}

gboolean
docket_store_remove_minutes_section (DocketStore *self,
                                     DocketId     section_id,
                                     GError     **error)
{
  Op op = { .id = section_id };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  return _docket_store_write (self, remove_numbered_cb, &op, error);
}

GPtrArray *
docket_store_list_minutes_sections (DocketStore *self,
                                    DocketId     meeting_id,
                                    GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);

  stmt = _docket_store_prepare (self,
                                "SELECT id, meeting_id, position, speaker, text FROM minutes_sections "
                                "WHERE meeting_id = ? ORDER BY position",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_id (stmt, 1, meeting_id);
  return collect (self, stmt, (gpointer) read_section,
                  (GDestroyNotify) docket_minutes_section_free, error);
}

/* Conclusions. */

static DocketConclusion *
read_conclusion (DocketStmt *stmt)
{
  DocketConclusion *conclusion = docket_conclusion_new ();

  conclusion->id = _docket_stmt_get_id (stmt, 0);
  conclusion->meeting_id = _docket_stmt_get_id (stmt, 1);
  conclusion->position = _docket_stmt_get_int (stmt, 2);
  conclusion->text = _docket_stmt_dup_text (stmt, 3);
  return conclusion;
}

static gboolean
add_conclusion_cb (DocketStore *self,
                   gpointer     data,
                   GError     **error)
{
  Op *op = data;
  const DocketConclusion *conclusion = op->conclusion;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = _docket_audit_fields_new ();
  int position = 0;

  if (!_docket_store_require_text (conclusion->text, _("the text of the conclusion"), error) ||
      !_docket_store_require_row (self, "meetings", conclusion->meeting_id, error) ||
      !_docket_store_require_unlocked (self, conclusion->meeting_id, error) ||
      !open_gap (self, &conclusions_list, conclusion->meeting_id, conclusion->position,
                 &position, error))
    return FALSE;

  stmt = _docket_store_prepare (self,
                                "INSERT INTO conclusions (meeting_id, position, text, created_at, "
                                "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_id (stmt, 1, conclusion->meeting_id);
  _docket_stmt_bind_int (stmt, 2, position);
  _docket_stmt_bind_text (stmt, 3, conclusion->text);
  _docket_stmt_bind_stamp (self, stmt, 4);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  op->id = _docket_store_last_insert_id (self);
  _docket_audit_add_int (fields, "meeting_id", conclusion->meeting_id);
  _docket_audit_add_int (fields, "position", position);
  _docket_audit_add_text (fields, "text", conclusion->text);
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_CONCLUSIONS);
  return _docket_store_audit (self, "conclusions", op->id, "insert", fields, error);
}

/**
 * docket_store_add_conclusion:
 * @conclusion: meeting_id and text are required; position 0 adds at the end
 *
 * Returns: the id of the new conclusion, or 0 with @error set
 */
DocketId
docket_store_add_conclusion (DocketStore            *self,
                             const DocketConclusion *conclusion,
                             GError                **error)
{
  Op op = { .conclusion = conclusion };

  g_return_val_if_fail (DOCKET_IS_STORE (self), 0);
  g_return_val_if_fail (conclusion != NULL, 0);

  if (!_docket_store_write (self, add_conclusion_cb, &op, error))
    return 0;
  return op.id;
}

static gboolean
update_conclusion_cb (DocketStore *self,
                      gpointer     data,
                      GError     **error)
{
  Op *op = data;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = _docket_audit_fields_new ();

  if (!_docket_store_require_text (op->conclusion->text, _("the text of the conclusion"), error) ||
      !_docket_store_require_row (self, "conclusions", op->conclusion->id, error) ||
      !_docket_store_require_conclusion_unlocked (self, op->conclusion->id, error))
    return FALSE;
  stmt = _docket_store_prepare (self,
                                "UPDATE conclusions SET text = ?, updated_at = ?, updated_by = ? "
                                "WHERE id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_text (stmt, 1, op->conclusion->text);
  _docket_stmt_bind_update_stamp (self, stmt, 2);
  _docket_stmt_bind_id (stmt, 4, op->conclusion->id);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  _docket_audit_add_text (fields, "text", op->conclusion->text);
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_CONCLUSIONS);
  return _docket_store_audit (self, "conclusions", op->conclusion->id, "update", fields, error);
}

/* Moving and removing share the numbered-list code with minutes sections; a
 * conclusion also checks that its meeting's notice has not locked it. */
static gboolean
move_conclusion_cb (DocketStore *self,
                    gpointer     data,
                    GError     **error)
{
  Op *op = data;

  return _docket_store_require_conclusion_unlocked (self, op->id, error) &&
         move_cb (self, data, error);
}

static gboolean
remove_conclusion_cb (DocketStore *self,
                      gpointer     data,
                      GError     **error)
{
  Op *op = data;

  return _docket_store_require_conclusion_unlocked (self, op->id, error) &&
         remove_numbered_cb (self, data, error);
}

gboolean
docket_store_update_conclusion (DocketStore            *self,
                                const DocketConclusion *conclusion,
                                GError                **error)
{
  Op op = { .conclusion = conclusion };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (conclusion != NULL, FALSE);

  return _docket_store_write (self, update_conclusion_cb, &op, error);
}

/**
 * docket_store_move_conclusion:
 * @position: the new number (clamped to 1…n)
 *
 * Moves a conclusion and renumbers the others, in one transaction.
 */
gboolean
docket_store_move_conclusion (DocketStore *self,
                              DocketId     conclusion_id,
                              int          position,
                              GError     **error)
{
  DocketConclusion marker = { 0 };
  Op op = { .id = conclusion_id, .value = position, .conclusion = &marker };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  return _docket_store_write (self, move_conclusion_cb, &op, error);
}

/**
 * docket_store_remove_conclusion:
 *
 * Removes a conclusion without items and renumbers the others; a conclusion with
 * items is refused with %DOCKET_STORE_ERROR_CONFLICT.
 */
gboolean
docket_store_remove_conclusion (DocketStore *self,
                                DocketId     conclusion_id,
                                GError     **error)
{
  DocketConclusion marker = { 0 };
  Op op = { .id = conclusion_id, .conclusion = &marker };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  return _docket_store_write (self, remove_conclusion_cb, &op, error);
}

DocketConclusion *
docket_store_get_conclusion (DocketStore *self,
                             DocketId     conclusion_id,
                             GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);

  stmt = _docket_store_prepare (self,
                                "SELECT id, meeting_id, position, text FROM conclusions WHERE id = ?",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_id (stmt, 1, conclusion_id);
  if (!_docket_store_step (self, stmt, &row, error))
    return NULL;
  if (!row)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND,
                   /* Translators: the number identifies the conclusion */
                   _("Conclusion %lld does not exist; another person may "
                     "have removed it. Reload the meeting and try again."),
                   (long long) conclusion_id);
      return NULL;
    }
  return read_conclusion (stmt);
}

GPtrArray *
docket_store_list_conclusions (DocketStore *self,
                               DocketId     meeting_id,
                               GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);

  stmt = _docket_store_prepare (self,
                                "SELECT id, meeting_id, position, text FROM conclusions "
                                "WHERE meeting_id = ? ORDER BY position",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_id (stmt, 1, meeting_id);
  return collect (self, stmt, (gpointer) read_conclusion,
                  (GDestroyNotify) docket_conclusion_free, error);
}
