/* docket-store-lifecycle.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "docket-store-lifecycle.h"
#include "docket-store-private.h"

/* Once the notice of conclusions is issued, the conclusions and items it announced
 * are locked against accidental edits; reopening the meeting unlocks them and the
 * reason goes into the audit log. */

#define MAX_REASON_CHARS 2000
#define MAX_NUMBER_CHARS 20

typedef struct
{
  DocketId    meeting_id;
  int         state;
  const char *notice_number;
  DocketDate  notice_date;
  const char *reason;
} LifecycleOp;

static gboolean
read_state (DocketStore *self,
            DocketId     meeting_id,
            int         *out_state,
            GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;

  stmt = _docket_store_prepare (self, "SELECT state FROM meetings WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_id (stmt, 1, meeting_id);
  if (!_docket_store_step (self, stmt, &row, error))
    return FALSE;
  if (!row)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND,
                   _("The meeting no longer exists. It may have been removed by someone else."));
      return FALSE;
    }
  *out_state = (int) _docket_stmt_get_int (stmt, 0);
  return TRUE;
}

static gboolean
set_state_cb (DocketStore *self,
              gpointer     data,
              GError     **error)
{
  LifecycleOp *op = data;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = _docket_audit_fields_new ();
  const char *action;
  int state;

  if (!read_state (self, op->meeting_id, &state, error))
    return FALSE;

  if (op->state == DOCKET_MEETING_STATE_NOTICE_ISSUED && state == DOCKET_MEETING_STATE_NOTICE_ISSUED)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT,
                   _("The notice of this meeting was already issued. Reopen the meeting first "
                     "to issue it again."));
      return FALSE;
    }
  if (op->reason != NULL && state != DOCKET_MEETING_STATE_NOTICE_ISSUED)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT,
                   _("The meeting is not locked: its notice has not been issued."));
      return FALSE;
    }
  if (op->state == DOCKET_MEETING_STATE_RECORDED && op->reason == NULL &&
      state == DOCKET_MEETING_STATE_NOTICE_ISSUED)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT,
                   _("The notice of this meeting was issued. Reopen the meeting, with a reason, "
                     "to change it."));
      return FALSE;
    }

  if (op->state == DOCKET_MEETING_STATE_NOTICE_ISSUED)
    stmt = _docket_store_prepare (self,
                                  "UPDATE meetings SET state = ?, notice_number = ?, notice_date = ?, "
                                  "updated_at = ?, updated_by = ? WHERE id = ?", error);
  else
    stmt = _docket_store_prepare (self,
                                  "UPDATE meetings SET state = ?, updated_at = ?, updated_by = ? "
                                  "WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_int (stmt, 1, op->state);
  if (op->state == DOCKET_MEETING_STATE_NOTICE_ISSUED)
    {
      _docket_stmt_bind_text (stmt, 2, op->notice_number);
      _docket_stmt_bind_date (stmt, 3, op->notice_date);
      _docket_stmt_bind_update_stamp (self, stmt, 4);
      _docket_stmt_bind_id (stmt, 6, op->meeting_id);
    }
  else
    {
      _docket_stmt_bind_update_stamp (self, stmt, 2);
      _docket_stmt_bind_id (stmt, 4, op->meeting_id);
    }
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;

  _docket_audit_add_int (fields, "state", op->state);
  if (op->notice_number != NULL)
    {
      _docket_audit_add_text (fields, "notice_number", op->notice_number);
      _docket_audit_add_date (fields, "notice_date", op->notice_date);
    }
  if (op->reason != NULL)
    _docket_audit_add_text (fields, "reason", op->reason);
  action = op->reason != NULL ? "reopen"
         : op->state == DOCKET_MEETING_STATE_NOTICE_ISSUED ? "issue-notice" : "mark-recorded";
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_MEETINGS);
  return _docket_store_audit (self, "meetings", op->meeting_id, action, fields, error);
}

gboolean
docket_store_mark_meeting_recorded (DocketStore *self,
                                    DocketId     meeting_id,
                                    GError     **error)
{
  LifecycleOp op = { meeting_id, DOCKET_MEETING_STATE_RECORDED, NULL, DOCKET_DATE_NONE, NULL };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  return _docket_store_write (self, set_state_cb, &op, error);
}

/**
 * docket_store_issue_notice:
 * @notice_number: the number of the notice, "05" (the symbol comes from the
 *   organisation settings)
 *
 * Records that the notice of conclusions was issued, which locks the meeting's
 * conclusions and items.
 */
gboolean
docket_store_issue_notice (DocketStore *self,
                           DocketId     meeting_id,
                           const char  *notice_number,
                           DocketDate   notice_date,
                           GError     **error)
{
  g_autofree char *number = NULL;
  LifecycleOp op = { meeting_id, DOCKET_MEETING_STATE_NOTICE_ISSUED, NULL, notice_date, NULL };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);

  number = g_strstrip (g_strdup (notice_number ? notice_number : ""));
  if (*number == '\0' || !g_utf8_validate (number, -1, NULL) ||
      g_utf8_strlen (number, -1) > MAX_NUMBER_CHARS || strchr (number, ' ') != NULL)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   _("Give the notice’s number without spaces, for example 05."));
      return FALSE;
    }
  if (notice_date == DOCKET_DATE_NONE)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   _("Give the date of the notice."));
      return FALSE;
    }
  op.notice_number = number;
  return _docket_store_write (self, set_state_cb, &op, error);
}

/**
 * docket_store_reopen_meeting:
 * @reason: why the issued notice's meeting is changed; kept in the audit log
 */
gboolean
docket_store_reopen_meeting (DocketStore *self,
                             DocketId     meeting_id,
                             const char  *reason,
                             GError     **error)
{
  g_autofree char *stripped = NULL;
  LifecycleOp op = { meeting_id, DOCKET_MEETING_STATE_RECORDED, NULL, DOCKET_DATE_NONE, NULL };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);

  stripped = g_strstrip (g_strdup (reason ? reason : ""));
  if (*stripped == '\0' || !g_utf8_validate (stripped, -1, NULL))
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   _("Say why the meeting is reopened; the reason is kept in the history."));
      return FALSE;
    }
  if (g_utf8_strlen (stripped, -1) > MAX_REASON_CHARS)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   _("The reason is too long: keep it under %d characters."), MAX_REASON_CHARS);
      return FALSE;
    }
  op.reason = stripped;
  return _docket_store_write (self, set_state_cb, &op, error);
}

gboolean
docket_store_meeting_is_locked (DocketStore *self,
                                DocketId     meeting_id,
                                gboolean    *out_locked,
                                GError     **error)
{
  int state = 0;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);

  if (!read_state (self, meeting_id, &state, error))
    return FALSE;
  *out_locked = state == DOCKET_MEETING_STATE_NOTICE_ISSUED;
  return TRUE;
}

gboolean
_docket_store_require_unlocked (DocketStore *self,
                                DocketId     meeting_id,
                                GError     **error)
{
  int state = 0;

  if (!read_state (self, meeting_id, &state, error))
    return FALSE;
  if (state == DOCKET_MEETING_STATE_NOTICE_ISSUED)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT,
                   _("The notice of conclusions of this meeting was issued, so its conclusions "
                     "and items are locked. Reopen the meeting, with a reason, to change them."));
      return FALSE;
    }
  return TRUE;
}

gboolean
_docket_store_require_conclusion_unlocked (DocketStore *self,
                                           DocketId     conclusion_id,
                                           GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;
  DocketId meeting_id;

  stmt = _docket_store_prepare (self, "SELECT meeting_id FROM conclusions WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_id (stmt, 1, conclusion_id);
  if (!_docket_store_step (self, stmt, &row, error))
    return FALSE;
  /* A conclusion that does not exist is for the caller to report. */
  if (!row)
    return TRUE;
  meeting_id = _docket_stmt_get_id (stmt, 0);
  g_clear_pointer (&stmt, _docket_stmt_release);
  return _docket_store_require_unlocked (self, meeting_id, error);
}
