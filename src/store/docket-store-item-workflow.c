/* docket-store-item-workflow.c: the workflow of a directive item
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Progress reports, done reports, confirmation and return, extensions and their
 * decisions, cancelling and reopening (DESIGN.md §3), and the priority star.  Every call is one user action,
 * validated, then one _docket_store_write() transaction that changes the item,
 * appends its step to the item's history (an audit row whose action is one of
 * _docket_item_timeline_actions) and queues the change notification; a refusal
 * rolls it all back.
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-store-items-private.h"
#include "docket-store-private.h"

/* The workflow. */

typedef struct
{
  DocketId                  item_id;
  DocketId                  record_id;   /* extension id in, progress/extension id out */
  DocketDate                day;
  DocketDate                other_day;   /* the day of an extension request */
  const char               *text;
  const char               *document;
  int                       percent;
  gboolean                  flag;
  const DocketEvidenceFile *files;
  guint                     n_files;
} StepOp;

static gboolean
set_item_state (DocketStore    *self,
                DocketId        item_id,
                DocketItemState state,
                DocketDate      completed_on,
                GError        **error)
{
  g_autoptr(DocketStmt) stmt = NULL;

  stmt = _docket_store_prepare (self,
                                "UPDATE items SET state = ?, completed_on = ?, "
                                "updated_at = ?, updated_by = ? WHERE id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_int (stmt, 1, state);
  _docket_stmt_bind_date (stmt, 2, completed_on);
  _docket_stmt_bind_update_stamp (self, stmt, 3);
  _docket_stmt_bind_id (stmt, 5, item_id);
  return _docket_store_step_done (self, stmt, error);
}

gboolean
_docket_item_audit_step (DocketStore       *self,
                         DocketId           item_id,
                         DocketTimelineKind kind,
                         DocketAuditFields *fields,
                         GError           **error)
{
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_ITEMS);
  return _docket_store_audit (self, "items", item_id, _docket_item_timeline_actions[kind], fields, error);
}

/* Inserts a progress report and its evidence; keeps items.last_progress_on the
 * latest report day. */
static gboolean
insert_progress (DocketStore *self,
                 StepOp      *op,
                 GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketStmt) touch = NULL;

  stmt = _docket_store_prepare (self,
                                "INSERT INTO progress_reports (item_id, reported_on, text, "
                                "percent, author, created_at, updated_at, updated_by) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_id (stmt, 1, op->item_id);
  _docket_stmt_bind_date (stmt, 2, op->day);
  _docket_stmt_bind_text (stmt, 3, op->text != NULL ? op->text : "");
  if (op->percent >= 0)
    _docket_stmt_bind_int (stmt, 4, op->percent);
  _docket_stmt_bind_text (stmt, 5, docket_store_get_actor (self));
  _docket_stmt_bind_stamp (self, stmt, 6);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  op->record_id = _docket_store_last_insert_id (self);

  for (guint i = 0; i < op->n_files; i++)
    {
      g_autoptr(DocketStmt) att = NULL;
      gsize size = 0;
      gconstpointer bytes = g_bytes_get_data (op->files[i].content, &size);

      att = _docket_store_prepare (self,
                                   "INSERT INTO attachments (progress_id, file_name, "
                                   "mime_type, size, content, created_at, updated_at, "
                                   "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                   error);
      if (att == NULL)
        return FALSE;
      _docket_stmt_bind_id (att, 1, op->record_id);
      _docket_stmt_bind_text (att, 2, op->files[i].file_name);
      _docket_stmt_bind_text (att, 3, op->files[i].mime_type != NULL ?
                                        op->files[i].mime_type : "application/octet-stream");
      _docket_stmt_bind_int (att, 4, (gint64) size);
      sqlite3_bind_blob64 (att, 5, size > 0 ? bytes : "", size, SQLITE_TRANSIENT);
      _docket_stmt_bind_stamp (self, att, 6);
      if (!_docket_store_step_done (self, att, error))
        return FALSE;
    }

  touch = _docket_store_prepare (self,
                                 "UPDATE items SET last_progress_on = ?1 WHERE id = ?2 "
                                 "AND (last_progress_on IS NULL OR last_progress_on < ?1)",
                                 error);
  if (touch == NULL)
    return FALSE;
  _docket_stmt_bind_date (touch, 1, op->day);
  _docket_stmt_bind_id (touch, 2, op->item_id);
  if (!_docket_store_step_done (self, touch, error))
    return FALSE;

  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_PROGRESS |
                                    (op->n_files > 0 ? DOCKET_STORE_CHANGE_ATTACHMENTS : 0));
  return TRUE;
}

static gboolean
require_progress_allowed (const DocketItem *item,
                          GError          **error)
{
  if (item->state == DOCKET_ITEM_STATE_CANCELLED)
    _docket_item_set_state_conflict (error, _("This item was cancelled. Reopen it before reporting on "
                                              "it."));
  else if (item->state == DOCKET_ITEM_STATE_CONFIRMED)
    _docket_item_set_state_conflict (error, _("This item is already confirmed as completed. Reopen it "
                                              "before reporting on it."));
  else
    return TRUE;
  return FALSE;
}

static gboolean
add_progress_cb (DocketStore *self,
                 gpointer     data,
                 GError     **error)
{
  StepOp *op = data;
  g_autoptr(DocketItem) item = _docket_item_load (self, op->item_id, error);
  g_autoptr(DocketAuditFields) fields = NULL;

  if (item == NULL || !require_progress_allowed (item, error) ||
      !insert_progress (self, op, error))
    return FALSE;

  fields = _docket_audit_fields_new ();
  _docket_audit_add_int (fields, "progress_id", op->record_id);
  _docket_audit_add_date (fields, "day", op->day);
  _docket_audit_add_text (fields, "text", op->text);
  _docket_audit_add_int (fields, "percent", op->percent);
  _docket_audit_add_int (fields, "files", op->n_files);
  return _docket_item_audit_step (self, op->item_id, DOCKET_TIMELINE_PROGRESS, fields, error);
}

/**
 * docket_store_add_progress:
 * @self: a store
 * @item_id: the item
 * @reported_on: the day the progress is reported for
 * @text: what was done
 * @percent: how far along, 0–100, or -1 when not given
 * @files: (array length=n_files) (nullable): evidence files
 * @n_files: their number
 * @error: return location for a #GError
 *
 * Records a progress report with its evidence.  Refused for a cancelled or a
 * confirmed item.
 *
 * Returns: the progress report's id, or 0 with @error set
 */
DocketId
docket_store_add_progress (DocketStore              *self,
                           DocketId                  item_id,
                           DocketDate                reported_on,
                           const char               *text,
                           int                       percent,
                           const DocketEvidenceFile *files,
                           guint                     n_files,
                           GError                  **error)
{
  StepOp op = { .item_id = item_id, .day = reported_on, .text = text, .percent = percent,
                .files = files, .n_files = n_files };

  g_return_val_if_fail (DOCKET_IS_STORE (self), 0);
  g_return_val_if_fail (n_files == 0 || files != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_docket_item_check_date_given (reported_on, _("the day of the report"), error) ||
      !_docket_item_check_text (text, _("the progress report"), DOCKET_ITEM_PROGRESS_MAX_CHARS, TRUE,
                                error) ||
      !_docket_item_check_evidence (files, n_files, error))
    return 0;
  if (percent < -1 || percent > 100)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   _("Give the progress as a percentage from 0 to 100, or leave it "
                     "empty."));
      return 0;
    }
  if (!_docket_store_write (self, add_progress_cb, &op, error))
    return 0;
  return op.record_id;
}

static gboolean
report_done_cb (DocketStore *self,
                gpointer     data,
                GError     **error)
{
  StepOp *op = data;
  g_autoptr(DocketItem) item = _docket_item_load (self, op->item_id, error);
  g_autoptr(DocketAuditFields) fields = NULL;

  if (item == NULL || !require_progress_allowed (item, error))
    return FALSE;
  if (item->state == DOCKET_ITEM_STATE_REPORTED_DONE)
    {
      _docket_item_set_state_conflict (error, _("This item was already reported done and awaits "
                                                "confirmation."));
      return FALSE;
    }
  if (item->assigned_on != DOCKET_DATE_NONE && op->day < item->assigned_on)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   _("The completion date is before the day the item was assigned."));
      return FALSE;
    }
  if (!set_item_state (self, op->item_id, DOCKET_ITEM_STATE_REPORTED_DONE, op->day, error))
    return FALSE;
  /* A note or evidence with the report is kept as the last progress report, so the
   * evidence sits with the others on the item page. */
  if ((op->text != NULL && *op->text != '\0') || op->n_files > 0)
    {
      op->percent = 100;
      if (!insert_progress (self, op, error))
        return FALSE;
    }

  fields = _docket_audit_fields_new ();
  _docket_audit_add_date (fields, "day", op->day);
  _docket_audit_add_text (fields, "text", op->text);
  _docket_audit_add_int (fields, "progress_id", op->record_id);
  return _docket_item_audit_step (self, op->item_id, DOCKET_TIMELINE_REPORTED_DONE, fields, error);
}

/**
 * docket_store_report_item_done:
 * @self: a store
 * @item_id: the item
 * @completed_on: the day the unit completed it
 * @note: (nullable): a note
 * @files: (array length=n_files) (nullable): evidence files
 * @n_files: their number
 * @error: return location for a #GError
 *
 * The unit reports the item done: it awaits the secretariat's confirmation
 * (%DOCKET_ITEM_STATE_REPORTED_DONE) and, once confirmed, counts as completed on
 * @completed_on.
 *
 * Returns: whether the report was recorded
 */
gboolean
docket_store_report_item_done (DocketStore              *self,
                               DocketId                  item_id,
                               DocketDate                completed_on,
                               const char               *note,
                               const DocketEvidenceFile *files,
                               guint                     n_files,
                               GError                  **error)
{
  StepOp op = { .item_id = item_id, .day = completed_on, .text = note, .percent = -1,
                .files = files, .n_files = n_files };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_files == 0 || files != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_docket_item_check_date_given (completed_on, _("the completion date"), error) ||
      !_docket_item_check_text (note, _("the note"), DOCKET_ITEM_PROGRESS_MAX_CHARS, FALSE, error) ||
      !_docket_item_check_evidence (files, n_files, error))
    return FALSE;
  return _docket_store_write (self, report_done_cb, &op, error);
}

static gboolean
confirm_cb (DocketStore *self,
            gpointer     data,
            GError     **error)
{
  StepOp *op = data;
  g_autoptr(DocketItem) item = _docket_item_load (self, op->item_id, error);
  g_autoptr(DocketAuditFields) fields = NULL;

  if (item == NULL)
    return FALSE;
  if (item->state != DOCKET_ITEM_STATE_REPORTED_DONE)
    {
      _docket_item_set_state_conflict (error, _("Only an item its unit reported done can be "
                                                "confirmed."));
      return FALSE;
    }
  /* The completion date stays the unit's: waiting for the secretariat never makes an
   * item late. */
  if (!set_item_state (self, op->item_id, DOCKET_ITEM_STATE_CONFIRMED, item->completed_on,
                       error))
    return FALSE;
  fields = _docket_audit_fields_new ();
  _docket_audit_add_date (fields, "day", item->completed_on);
  return _docket_item_audit_step (self, op->item_id, DOCKET_TIMELINE_CONFIRMED, fields, error);
}

/**
 * docket_store_confirm_item:
 *
 * The secretariat confirms an item reported done: it is completed on the day the unit
 * reported.
 *
 * Returns: whether the item was confirmed
 */
gboolean
docket_store_confirm_item (DocketStore *self,
                           DocketId     item_id,
                           GError     **error)
{
  StepOp op = { .item_id = item_id };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _docket_store_write (self, confirm_cb, &op, error);
}

static gboolean
return_cb (DocketStore *self,
           gpointer     data,
           GError     **error)
{
  StepOp *op = data;
  g_autoptr(DocketItem) item = _docket_item_load (self, op->item_id, error);
  g_autoptr(DocketAuditFields) fields = NULL;

  if (item == NULL)
    return FALSE;
  if (item->state != DOCKET_ITEM_STATE_REPORTED_DONE)
    {
      _docket_item_set_state_conflict (error, _("Only an item its unit reported done can be returned "
                                                "for rework."));
      return FALSE;
    }
  if (!set_item_state (self, op->item_id, DOCKET_ITEM_STATE_RETURNED, DOCKET_DATE_NONE,
                       error))
    return FALSE;
  fields = _docket_audit_fields_new ();
  _docket_audit_add_text (fields, "text", op->text);
  _docket_audit_add_date (fields, "day", item->completed_on);
  return _docket_item_audit_step (self, op->item_id, DOCKET_TIMELINE_RETURNED, fields, error);
}

/**
 * docket_store_return_item:
 * @self: a store
 * @item_id: the item
 * @reason: why it goes back, required
 * @error: return location for a #GError
 *
 * The secretariat refuses a done report: the item is open again
 * (%DOCKET_ITEM_STATE_RETURNED) and its completion date is cleared.
 *
 * Returns: whether the item was returned
 */
gboolean
docket_store_return_item (DocketStore *self,
                          DocketId     item_id,
                          const char  *reason,
                          GError     **error)
{
  StepOp op = { .item_id = item_id, .text = reason };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_docket_item_check_text (reason, _("the reason"), DOCKET_ITEM_REASON_MAX_CHARS, TRUE, error))
    return FALSE;
  return _docket_store_write (self, return_cb, &op, error);
}

static gboolean
request_extension_cb (DocketStore *self,
                      gpointer     data,
                      GError     **error)
{
  StepOp *op = data;
  g_autoptr(DocketItem) item = _docket_item_load (self, op->item_id, error);
  g_autoptr(DocketStmt) pending = NULL;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = NULL;
  gboolean row = FALSE;

  if (item == NULL || !require_progress_allowed (item, error))
    return FALSE;
  if (item->deadline == DOCKET_DATE_NONE)
    {
      _docket_item_set_state_conflict (error, _("This item has no deadline, so there is nothing to "
                                                "extend."));
      return FALSE;
    }
  if (op->day <= item->deadline)
    {
      g_autofree char *current = docket_date_format_display (item->deadline);

      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   /* Translators: %s is a date */
                   _("The new deadline must be after the current one (%s)."), current);
      return FALSE;
    }

  pending = _docket_store_prepare (self,
                                   "SELECT 1 FROM extensions WHERE item_id = ? AND state = 0",
                                   error);
  if (pending == NULL)
    return FALSE;
  _docket_stmt_bind_id (pending, 1, op->item_id);
  if (!_docket_store_step (self, pending, &row, error))
    return FALSE;
  if (row)
    {
      _docket_item_set_state_conflict (error, _("An extension of this item is already waiting for a "
                                                "decision. Approve or reject it first."));
      return FALSE;
    }

  stmt = _docket_store_prepare (self,
                                "INSERT INTO extensions (item_id, requested_on, new_deadline, "
                                "reason, state, created_at, updated_at, updated_by) "
                                "VALUES (?, ?, ?, ?, 0, ?, ?, ?)",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_id (stmt, 1, op->item_id);
  _docket_stmt_bind_date (stmt, 2, op->other_day);
  _docket_stmt_bind_date (stmt, 3, op->day);
  _docket_stmt_bind_text (stmt, 4, op->text);
  _docket_stmt_bind_stamp (self, stmt, 5);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  op->record_id = _docket_store_last_insert_id (self);
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_EXTENSIONS);

  fields = _docket_audit_fields_new ();
  _docket_audit_add_int (fields, "extension_id", op->record_id);
  _docket_audit_add_date (fields, "day", op->day);
  _docket_audit_add_text (fields, "text", op->text);
  return _docket_item_audit_step (self, op->item_id, DOCKET_TIMELINE_EXTENSION_REQUESTED, fields, error);
}

/**
 * docket_store_request_extension:
 * @self: a store
 * @item_id: the item
 * @requested_on: the day of the request
 * @new_deadline: the deadline asked for, after the current one
 * @reason: why, required
 * @error: return location for a #GError
 *
 * Records a request to extend the deadline; it waits for approval.  One request at a
 * time per item.
 *
 * Returns: the request's id, or 0 with @error set
 */
DocketId
docket_store_request_extension (DocketStore *self,
                                DocketId     item_id,
                                DocketDate   requested_on,
                                DocketDate   new_deadline,
                                const char  *reason,
                                GError     **error)
{
  StepOp op = { .item_id = item_id, .day = new_deadline, .text = reason,
                .other_day = requested_on };

  g_return_val_if_fail (DOCKET_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_docket_item_check_date_given (requested_on, _("the day of the request"), error) ||
      !_docket_item_check_date_given (new_deadline, _("the new deadline"), error) ||
      !_docket_item_check_text (reason, _("the reason"), DOCKET_ITEM_REASON_MAX_CHARS, TRUE, error))
    return 0;
  if (!_docket_store_write (self, request_extension_cb, &op, error))
    return 0;
  return op.record_id;
}

static gboolean
decide_extension_cb (DocketStore *self,
                     gpointer     data,
                     GError     **error)
{
  StepOp *op = data;
  gboolean approve = op->flag;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketStmt) update = NULL;
  g_autoptr(DocketItem) item = NULL;
  g_autoptr(DocketAuditFields) fields = NULL;
  gboolean row = FALSE;
  DocketDate new_deadline;

  stmt = _docket_store_prepare (self,
                                "SELECT item_id, new_deadline, state FROM extensions "
                                "WHERE id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_id (stmt, 1, op->record_id);
  if (!_docket_store_step (self, stmt, &row, error))
    return FALSE;
  if (!row)
    return _docket_store_require_row (self, "extensions", 0, error);
  op->item_id = _docket_stmt_get_id (stmt, 0);
  new_deadline = _docket_stmt_get_date (stmt, 1);
  if (_docket_stmt_get_int (stmt, 2) != DOCKET_EXTENSION_PENDING)
    {
      _docket_item_set_state_conflict (error, _("This extension request was already decided."));
      return FALSE;
    }
  g_clear_pointer (&stmt, _docket_stmt_release);

  item = _docket_item_load (self, op->item_id, error);
  if (item == NULL)
    return FALSE;
  if (approve && (item->state == DOCKET_ITEM_STATE_CANCELLED ||
                  item->state == DOCKET_ITEM_STATE_CONFIRMED))
    {
      _docket_item_set_state_conflict (error, _("The item is cancelled or already completed; its "
                                                "deadline can no longer be extended. Reject the "
                                                "request instead."));
      return FALSE;
    }

  update = _docket_store_prepare (self,
                                  "UPDATE extensions SET state = ?, decision_document = ?, "
                                  "decided_on = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                                  error);
  if (update == NULL)
    return FALSE;
  _docket_stmt_bind_int (update, 1, approve ? DOCKET_EXTENSION_APPROVED
                                            : DOCKET_EXTENSION_REJECTED);
  _docket_stmt_bind_text (update, 2, op->document);
  _docket_stmt_bind_date (update, 3, op->day);
  _docket_stmt_bind_update_stamp (self, update, 4);
  _docket_stmt_bind_id (update, 6, op->record_id);
  if (!_docket_store_step_done (self, update, error))
    return FALSE;
  g_clear_pointer (&update, _docket_stmt_release);

  if (approve)
    {
      /* The deadline in force moves; the first one given stays for the reports. */
      update = _docket_store_prepare (self,
                                      "UPDATE items SET deadline = ?1, original_deadline = "
                                      "ifnull (original_deadline, deadline), updated_at = ?2, "
                                      "updated_by = ?3 WHERE id = ?4",
                                      error);
      if (update == NULL)
        return FALSE;
      _docket_stmt_bind_date (update, 1, new_deadline);
      _docket_stmt_bind_update_stamp (self, update, 2);
      _docket_stmt_bind_id (update, 4, op->item_id);
      if (!_docket_store_step_done (self, update, error))
        return FALSE;
    }
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_EXTENSIONS);

  fields = _docket_audit_fields_new ();
  _docket_audit_add_int (fields, "extension_id", op->record_id);
  _docket_audit_add_date (fields, "day", new_deadline);
  _docket_audit_add_date (fields, "decided_on", op->day);
  _docket_audit_add_text (fields, approve ? "document" : "text", op->document);
  return _docket_item_audit_step (self, op->item_id,
                                  approve ? DOCKET_TIMELINE_EXTENSION_APPROVED
                                  : DOCKET_TIMELINE_EXTENSION_REJECTED,
                                  fields, error);
}

/**
 * docket_store_approve_extension:
 * @self: a store
 * @extension_id: a pending request
 * @decided_on: the day of the decision
 * @decision_document: the approving document's number, required
 * @error: return location for a #GError
 *
 * Approves an extension: the item's deadline in force becomes the new date and its
 * original deadline is kept.
 *
 * Returns: whether it was approved
 */
gboolean
docket_store_approve_extension (DocketStore *self,
                                DocketId     extension_id,
                                DocketDate   decided_on,
                                const char  *decision_document,
                                GError     **error)
{
  StepOp op = { .record_id = extension_id, .day = decided_on,
                .document = decision_document, .flag = TRUE };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_docket_item_check_date_given (decided_on, _("the day of the decision"), error) ||
      !_docket_item_check_text (decision_document, _("the approving document’s number"),
                                DOCKET_ITEM_DOCUMENT_MAX_CHARS, TRUE, error))
    return FALSE;
  return _docket_store_write (self, decide_extension_cb, &op, error);
}

/**
 * docket_store_reject_extension:
 * @self: a store
 * @extension_id: a pending request
 * @decided_on: the day of the decision
 * @reason: (nullable): why
 * @error: return location for a #GError
 *
 * Rejects an extension request; the deadline stays.
 *
 * Returns: whether it was rejected
 */
gboolean
docket_store_reject_extension (DocketStore *self,
                               DocketId     extension_id,
                               DocketDate   decided_on,
                               const char  *reason,
                               GError     **error)
{
  StepOp op = { .record_id = extension_id, .day = decided_on, .document = reason };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_docket_item_check_date_given (decided_on, _("the day of the decision"), error) ||
      !_docket_item_check_text (reason, _("the reason"), DOCKET_ITEM_REASON_MAX_CHARS, FALSE, error))
    return FALSE;
  return _docket_store_write (self, decide_extension_cb, &op, error);
}

static gboolean
cancel_or_reopen_cb (DocketStore *self,
                     gpointer     data,
                     GError     **error)
{
  StepOp *op = data;
  gboolean cancel = op->flag;
  g_autoptr(DocketItem) item = _docket_item_load (self, op->item_id, error);
  g_autoptr(DocketAuditFields) fields = NULL;

  if (item == NULL)
    return FALSE;
  if (cancel && item->state == DOCKET_ITEM_STATE_CANCELLED)
    {
      _docket_item_set_state_conflict (error, _("This item is already cancelled."));
      return FALSE;
    }
  if (cancel && item->state == DOCKET_ITEM_STATE_CONFIRMED)
    {
      _docket_item_set_state_conflict (error, _("This item is completed. Reopen it first if it must "
                                                "be cancelled."));
      return FALSE;
    }
  if (!cancel && item->state != DOCKET_ITEM_STATE_CANCELLED &&
      item->state != DOCKET_ITEM_STATE_CONFIRMED)
    {
      _docket_item_set_state_conflict (error, _("Only a cancelled or a completed item can be "
                                                "reopened."));
      return FALSE;
    }

  /* A cancelled item keeps its done report (if any) for the record; a reopened one
   * starts over, so an old completion date can never count again. */
  if (!set_item_state (self, op->item_id,
                       cancel ? DOCKET_ITEM_STATE_CANCELLED : DOCKET_ITEM_STATE_OPEN,
                       cancel ? item->completed_on : DOCKET_DATE_NONE, error))
    return FALSE;
  fields = _docket_audit_fields_new ();
  _docket_audit_add_text (fields, "text", op->text);
  _docket_audit_add_int (fields, "from_state", item->state);
  return _docket_item_audit_step (self, op->item_id,
                                  cancel ? DOCKET_TIMELINE_CANCELLED : DOCKET_TIMELINE_REOPENED,
                                  fields, error);
}

/**
 * docket_store_cancel_item:
 * @self: a store
 * @item_id: the item
 * @reason: why, required
 * @error: return location for a #GError
 *
 * Cancels an item: it leaves every count.  A completed item must be reopened first.
 *
 * Returns: whether it was cancelled
 */
gboolean
docket_store_cancel_item (DocketStore *self,
                          DocketId     item_id,
                          const char  *reason,
                          GError     **error)
{
  StepOp op = { .item_id = item_id, .text = reason, .flag = TRUE };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_docket_item_check_text (reason, _("the reason"), DOCKET_ITEM_REASON_MAX_CHARS, TRUE, error))
    return FALSE;
  return _docket_store_write (self, cancel_or_reopen_cb, &op, error);
}

/**
 * docket_store_reopen_item:
 * @self: a store
 * @item_id: a cancelled or confirmed item
 * @reason: why, required
 * @error: return location for a #GError
 *
 * Opens a cancelled or completed item again (%DOCKET_ITEM_STATE_OPEN), without a
 * completion date.
 *
 * Returns: whether it was reopened
 */
gboolean
docket_store_reopen_item (DocketStore *self,
                          DocketId     item_id,
                          const char  *reason,
                          GError     **error)
{
  StepOp op = { .item_id = item_id, .text = reason, .flag = FALSE };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_docket_item_check_text (reason, _("the reason"), DOCKET_ITEM_REASON_MAX_CHARS, TRUE, error))
    return FALSE;
  return _docket_store_write (self, cancel_or_reopen_cb, &op, error);
}

static gboolean
star_cb (DocketStore *self,
         gpointer     data,
         GError     **error)
{
  StepOp *op = data;
  g_autoptr(DocketStmt) stmt = NULL;

  stmt = _docket_store_prepare (self,
                                "UPDATE items SET starred = ?, updated_at = ?, updated_by = ? "
                                "WHERE id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_bool (stmt, 1, op->flag);
  _docket_stmt_bind_update_stamp (self, stmt, 2);
  _docket_stmt_bind_id (stmt, 4, op->item_id);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  if (_docket_store_changes (self) == 0)
    return _docket_item_not_found (error);
  return _docket_item_audit_step (self, op->item_id,
                                  op->flag ? DOCKET_TIMELINE_STARRED : DOCKET_TIMELINE_UNSTARRED,
                                  NULL, error);
}

/**
 * docket_store_set_item_starred:
 *
 * Marks an item as a priority (starred) or not.
 *
 * Returns: whether the item was changed
 */
gboolean
docket_store_set_item_starred (DocketStore *self,
                               DocketId     item_id,
                               gboolean     starred,
                               GError     **error)
{
  StepOp op = { .item_id = item_id, .flag = starred != FALSE };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _docket_store_write (self, star_cb, &op, error);
}
