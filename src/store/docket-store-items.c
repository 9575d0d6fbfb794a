/* docket-store-items.c: directive items: adding, editing, reading, starring (their
 * workflow is in docket-store-item-workflow.c, their history is read in
 * docket-store-item-history.c, their lists in docket-store-item-query.c)
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every public call here is one user action: it validates its input first, then runs
 * in one _docket_store_write() transaction that changes the rows, appends its audit
 * row to the item's history and queues the change notification.  A refusal happens
 * before or inside that transaction and always rolls it back, so bad input changes
 * nothing.
 *
 * Every workflow step writes one audit row on table "items" for the item itself, with
 * an action name of _docket_item_timeline_actions and the step's details as fields; the item's timeline is read
 * back from those rows alone (docket_store_list_item_timeline()), through the
 * audit_by_record index.
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-store-items-private.h"
#include "docket-store-private.h"

/* The latest deadline a person can give: later dates would collide with the
 * "no deadline" key of the list indexes (docket-store-item-query.c). */
#define LAST_DEADLINE_YEAR 9998

/* Validation. */

gboolean
_docket_item_check_text (const char *text,
                         const char *what,
                         guint       max_chars,
                         gboolean    required,
                         GError    **error)
{
  glong n_chars;

  if (text == NULL || *text == '\0')
    {
      if (!required)
        return TRUE;
      return _docket_store_require_text (text, what, error);
    }
  if (!g_utf8_validate (text, -1, NULL))
    return _docket_store_require_text (text, what, error);
  if (required && !_docket_store_require_text (text, what, error))
    return FALSE;

  n_chars = g_utf8_strlen (text, -1);
  if (n_chars > (glong) max_chars)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   /* Translators: %s names a field ("the content of the item"); the
                    * numbers are counts of characters */
                   _("The text of %s is too long (%ld characters); at most %u are "
                     "allowed. Shorten it and try again."),
                   what, n_chars, max_chars);
      return FALSE;
    }
  return TRUE;
}

gboolean
_docket_item_check_date_given (DocketDate  date,
                               const char *what,
                               GError    **error)
{
  if (date != DOCKET_DATE_NONE && docket_date_get_year (date) <= LAST_DEADLINE_YEAR)
    return TRUE;
  g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
               /* Translators: %s names a date, e.g. "the completion date" */
               _("Give %s as a valid date."), what);
  return FALSE;
}

gboolean
_docket_item_check_evidence (const DocketEvidenceFile *files,
                             guint                     n_files,
                             GError                  **error)
{
  for (guint i = 0; i < n_files; i++)
    {
      const DocketEvidenceFile *f = &files[i];

      if (!_docket_item_check_text (f->file_name, _("the file name"), 255, TRUE, error) ||
          !_docket_item_check_text (f->mime_type, _("the file type"), 255, FALSE, error))
        return FALSE;
      if (f->content == NULL || g_bytes_get_size (f->content) > DOCKET_EVIDENCE_MAX_BYTES)
        {
          g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                       /* Translators: %s is a file name, %u a size in megabytes */
                       _("The file “%s” is empty or larger than %u MB. Attach a smaller "
                         "file."),
                       f->file_name, (guint) (DOCKET_EVIDENCE_MAX_BYTES / (1024 * 1024)));
          return FALSE;
        }
    }
  return TRUE;
}

void
_docket_item_set_state_conflict (GError    **error,
                                 const char *message)
{
  g_set_error_literal (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT, message);
}

/* Reading. */

#define ITEM_COLUMNS \
  "id, meeting_id, conclusion_id, content, lead_unit_id, deadline, original_deadline, " \
  "deadline_working_days, state, completed_on, assigned_on, last_progress_on, starred"

static DocketItem *
item_from_stmt (DocketStmt *stmt,
                int         first)
{
  DocketItem *item = docket_item_new ();

  item->id = _docket_stmt_get_id (stmt, first + 0);
  item->meeting_id = _docket_stmt_get_id (stmt, first + 1);
  item->conclusion_id = _docket_stmt_get_id (stmt, first + 2);
  item->content = _docket_stmt_dup_text (stmt, first + 3);
  item->lead_unit_id = _docket_stmt_get_id (stmt, first + 4);
  item->deadline = _docket_stmt_get_date (stmt, first + 5);
  item->original_deadline = _docket_stmt_get_date (stmt, first + 6);
  item->deadline_working_days = (int) _docket_stmt_get_int (stmt, first + 7);
  item->state = (DocketItemState) _docket_stmt_get_int (stmt, first + 8);
  item->completed_on = _docket_stmt_get_date (stmt, first + 9);
  item->assigned_on = _docket_stmt_get_date (stmt, first + 10);
  item->last_progress_on = _docket_stmt_get_date (stmt, first + 11);
  item->starred = _docket_stmt_get_int (stmt, first + 12) != 0;
  return item;
}

static gboolean
load_coordinating (DocketStore *self,
                   DocketItem  *item,
                   GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (DocketId));
  gboolean row = FALSE;
  gboolean ok;

  stmt = _docket_store_prepare (self,
                                "SELECT unit_id FROM item_coordinating_units "
                                "WHERE item_id = ? ORDER BY unit_id",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_id (stmt, 1, item->id);
  /* A failed step reports no row, so the loop's own result tells failure. */
  while ((ok = _docket_store_step (self, stmt, &row, error)) && row)
    {
      DocketId id = _docket_stmt_get_id (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (!ok)
    return FALSE;
  docket_item_set_coordinating_units (item, (DocketId *) (gpointer) ids->data, ids->len);
  return TRUE;
}

gboolean
_docket_item_not_found (GError **error)
{
  g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND,
               _("This item no longer exists; another person may have removed it. "
                 "Reload the list and try again."));
  return FALSE;
}

DocketItem *
_docket_item_load (DocketStore *self,
                   DocketId     item_id,
                   GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketItem) item = NULL;
  gboolean row = FALSE;

  stmt = _docket_store_prepare (self, "SELECT " ITEM_COLUMNS " FROM items WHERE id = ?",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_id (stmt, 1, item_id);
  if (!_docket_store_step (self, stmt, &row, error))
    return NULL;
  if (!row)
    {
      _docket_item_not_found (error);
      return NULL;
    }
  item = item_from_stmt (stmt, 0);
  g_clear_pointer (&stmt, _docket_stmt_release);
  if (!load_coordinating (self, item, error))
    return NULL;
  return g_steal_pointer (&item);
}

/* The working-day calendar with the schedules entered for @first_year…@last_year. */
static DocketCalendar *
load_calendar (DocketStore *self,
               int          first_year,
               int          last_year,
               GError     **error)
{
  g_autoptr(DocketCalendar) calendar = docket_calendar_new ();

  for (int year = first_year; year <= last_year; year++)
    {
      g_autoptr(DocketStmt) stmt = NULL;
      g_autoptr(GArray) off = g_array_new (FALSE, FALSE, sizeof (DocketDate));
      g_autoptr(GArray) on = g_array_new (FALSE, FALSE, sizeof (DocketDate));
      gboolean row = FALSE;
      gboolean ok;

      stmt = _docket_store_prepare (self,
                                    "SELECT date, is_day_off FROM holiday_schedule "
                                    "WHERE year = ? ORDER BY date",
                                    error);
      if (stmt == NULL)
        return NULL;
      _docket_stmt_bind_int (stmt, 1, year);
      /* A failed step reports no row, so the loop's own result tells failure. */
      while ((ok = _docket_store_step (self, stmt, &row, error)) && row)
        {
          DocketDate day = _docket_stmt_get_date (stmt, 0);
          g_array_append_val (_docket_stmt_get_int (stmt, 1) ? off : on, day);
        }
      if (!ok)
        return NULL;
      if ((off->len > 0 || on->len > 0) &&
          !docket_calendar_set_year_schedule (calendar, year,
                                              (DocketDate *) (gpointer) off->data, off->len,
                                              (DocketDate *) (gpointer) on->data, on->len,
                                              error))
        return NULL;
    }
  return g_steal_pointer (&calendar);
}

/* Adding and editing. */

typedef struct
{
  const DocketItem *item;
  DocketItem       *old;          /* for updates */
  DocketId          id;
  DocketDate        deadline;
  DocketDate        assigned_on;
  /* For an item added finished (docket_store_add_finished_item ()): its state,
   * completion day and the reason it was cancelled. */
  DocketItemState   state;
  DocketDate        completed_on;
  const char       *reason;
} ItemOp;

static gboolean
lookup_meeting (DocketStore *self,
                DocketId     meeting_id,
                DocketDate  *out_date,
                DocketDate  *out_notice,
                GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;

  if (meeting_id <= 0)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   _("Choose the meeting the item comes from."));
      return FALSE;
    }
  stmt = _docket_store_prepare (self, "SELECT date, notice_date FROM meetings WHERE id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_id (stmt, 1, meeting_id);
  if (!_docket_store_step (self, stmt, &row, error))
    return FALSE;
  if (!row)
    return _docket_store_require_row (self, "meetings", 0, error);
  *out_date = _docket_stmt_get_date (stmt, 0);
  *out_notice = _docket_stmt_get_date (stmt, 1);
  return TRUE;
}

static gboolean
check_unit (DocketStore *self,
            DocketId     unit_id,
            gboolean     lead,
            GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;

  if (unit_id <= 0)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   _("Choose the lead unit of the item."));
      return FALSE;
    }
  stmt = _docket_store_prepare (self, "SELECT archived, name FROM units WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_id (stmt, 1, unit_id);
  if (!_docket_store_step (self, stmt, &row, error))
    return FALSE;
  if (!row)
    return _docket_store_require_row (self, "units", 0, error);
  if (_docket_stmt_get_int (stmt, 0) != 0)
    {
      g_autofree char *name = _docket_stmt_dup_text (stmt, 1);

      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT,
                   /* Translators: %s is a unit's name */
                   _("The unit “%s” is archived and cannot be given new work. Choose "
                     "another unit, or restore it first."),
                   name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_conclusion (DocketStore *self,
                  DocketId     conclusion_id,
                  DocketId     meeting_id,
                  GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;

  if (conclusion_id == 0)
    return TRUE;
  stmt = _docket_store_prepare (self, "SELECT meeting_id FROM conclusions WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_id (stmt, 1, conclusion_id);
  if (!_docket_store_step (self, stmt, &row, error))
    return FALSE;
  if (!row)
    return _docket_store_require_row (self, "conclusions", 0, error);
  if (_docket_stmt_get_id (stmt, 0) != meeting_id)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   _("The conclusion chosen belongs to another meeting. Choose a "
                     "conclusion of the item's meeting."));
      return FALSE;
    }
  return TRUE;
}

/* Checks every field of @op->item and works out the deadline and assignment day. */
static gboolean
validate_item (DocketStore *self,
               ItemOp      *op,
               GError     **error)
{
  const DocketItem *item = op->item;
  DocketDate meeting_date = DOCKET_DATE_NONE;
  DocketDate notice_date = DOCKET_DATE_NONE;

  if (!_docket_item_check_text (item->content, _("the content of the item"),
                                DOCKET_ITEM_CONTENT_MAX_CHARS, TRUE, error) ||
      !lookup_meeting (self, item->meeting_id, &meeting_date, &notice_date, error) ||
      !check_conclusion (self, item->conclusion_id, item->meeting_id, error))
    return FALSE;

  /* An edit may keep an archived lead unit the item already had; new work may not
   * go to one. */
  if (op->old == NULL || op->old->lead_unit_id != item->lead_unit_id)
    {
      if (!check_unit (self, item->lead_unit_id, TRUE, error))
        return FALSE;
    }
  else if (!_docket_store_require_row (self, "units", item->lead_unit_id, error))
    return FALSE;

  for (guint i = 0; i < item->n_coordinating; i++)
    {
      DocketId unit = item->coordinating_unit_ids[i];

      if (unit == item->lead_unit_id)
        {
          g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                       _("The lead unit cannot also be a coordinating unit of the same "
                         "item."));
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (item->coordinating_unit_ids[j] == unit)
          {
            g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                         _("A coordinating unit is listed twice."));
            return FALSE;
          }
      if (!_docket_store_require_row (self, "units", unit, error))
        return FALSE;
    }

  op->assigned_on = item->assigned_on != DOCKET_DATE_NONE ? item->assigned_on : meeting_date;
  if (item->deadline_working_days < 0 || item->deadline_working_days > 1000)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   _("Give the number of working days as a whole number from 1 to "
                     "1000."));
      return FALSE;
    }
  if (item->deadline_working_days > 0)
    {
      /* The deadline counts from the notice of conclusions; before the notice is
       * issued, from the meeting itself, which is the earliest the notice can be. */
      DocketDate base = notice_date != DOCKET_DATE_NONE ? notice_date : meeting_date;
      int year = docket_date_get_year (base);
      g_autoptr(DocketCalendar) calendar =
        load_calendar (self, year, year + 1 + item->deadline_working_days / 200, error);

      if (calendar == NULL)
        return FALSE;
      op->deadline = docket_calendar_add_working_days (calendar, base,
                                                       item->deadline_working_days);
    }
  else
    op->deadline = item->deadline;

  if (op->deadline != DOCKET_DATE_NONE &&
      (docket_date_get_year (op->deadline) > LAST_DEADLINE_YEAR ||
       (op->assigned_on != DOCKET_DATE_NONE && op->deadline < op->assigned_on)))
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   _("The deadline is before the day the item was assigned. Give a later "
                     "deadline."));
      return FALSE;
    }
  return TRUE;
}

/* @is_new: the item was inserted just now and has no coordinating units to forget. */
static gboolean
write_coordinating (DocketStore      *self,
                    const DocketItem *item,
                    DocketId          item_id,
                    gboolean          is_new,
                    GError          **error)
{
  if (!is_new)
    {
      g_autoptr(DocketStmt) del = NULL;

      del = _docket_store_prepare (self, "DELETE FROM item_coordinating_units WHERE item_id = ?",
                                   error);
      if (del == NULL)
        return FALSE;
      _docket_stmt_bind_id (del, 1, item_id);
      if (!_docket_store_step_done (self, del, error))
        return FALSE;
    }

  for (guint i = 0; i < item->n_coordinating; i++)
    {
      g_autoptr(DocketStmt) ins = NULL;

      ins = _docket_store_prepare (self,
                                   "INSERT INTO item_coordinating_units (item_id, unit_id) "
                                   "VALUES (?, ?)",
                                   error);
      if (ins == NULL)
        return FALSE;
      _docket_stmt_bind_id (ins, 1, item_id);
      _docket_stmt_bind_id (ins, 2, item->coordinating_unit_ids[i]);
      if (!_docket_store_step_done (self, ins, error))
        return FALSE;
    }
  return TRUE;
}

static DocketAuditFields *
item_fields (const DocketItem *item,
             DocketDate        deadline,
             DocketDate        assigned_on)
{
  DocketAuditFields *fields = _docket_audit_fields_new ();
  GString *coordinating = g_string_new (NULL);

  for (guint i = 0; i < item->n_coordinating; i++)
    g_string_append_printf (coordinating, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            (gint64) item->coordinating_unit_ids[i]);
  _docket_audit_add_text (fields, "content", item->content);
  _docket_audit_add_int (fields, "meeting_id", item->meeting_id);
  _docket_audit_add_int (fields, "conclusion_id", item->conclusion_id);
  _docket_audit_add_int (fields, "lead_unit_id", item->lead_unit_id);
  _docket_audit_add_text (fields, "coordinating_unit_ids", coordinating->str);
  _docket_audit_add_date (fields, "deadline", deadline);
  _docket_audit_add_int (fields, "deadline_working_days", item->deadline_working_days);
  _docket_audit_add_date (fields, "assigned_on", assigned_on);
  _docket_audit_add_int (fields, "starred", item->starred ? 1 : 0);
  g_string_free (coordinating, TRUE);
  return fields;
}

static gboolean
add_item_cb (DocketStore *self,
             gpointer     data,
             GError     **error)
{
  ItemOp *op = data;
  const DocketItem *item = op->item;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = NULL;
  g_autofree char *folded = NULL;

  /* The items announced by an issued notice are locked with their meeting; their
   * workflow (progress, completion, extensions) goes on. */
  if (!validate_item (self, op, error) ||
      !_docket_store_require_unlocked (self, item->meeting_id, error))
    return FALSE;
  if (op->completed_on != DOCKET_DATE_NONE && op->assigned_on != DOCKET_DATE_NONE &&
      op->completed_on < op->assigned_on)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   _("The completion day is before the day the item was assigned."));
      return FALSE;
    }

  /* lead_unit_folded and meeting_date copy the unit's name and the meeting's date so
   * that every list order is one index (schema v2); triggers keep them in step when
   * a unit is renamed or a meeting moved. */
  stmt = _docket_store_prepare (self,
                                "INSERT INTO items (meeting_id, conclusion_id, content, "
                                "content_folded, lead_unit_id, lead_unit_folded, meeting_date, "
                                "deadline, original_deadline, deadline_working_days, state, "
                                "completed_on, assigned_on, starred, created_at, updated_at, "
                                "updated_by) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, "
                                "(SELECT name_folded FROM units WHERE id = ?5), "
                                "(SELECT date FROM meetings WHERE id = ?1), "
                                "?6, ?6, ?7, ?13, ?14, ?8, ?9, ?10, ?11, ?12)",
                                error);
  if (stmt == NULL)
    return FALSE;
  folded = _docket_store_fold (item->content);
  _docket_stmt_bind_id (stmt, 1, item->meeting_id);
  _docket_stmt_bind_id (stmt, 2, item->conclusion_id);
  _docket_stmt_bind_text (stmt, 3, item->content);
  _docket_stmt_bind_text (stmt, 4, folded);
  _docket_stmt_bind_id (stmt, 5, item->lead_unit_id);
  _docket_stmt_bind_date (stmt, 6, op->deadline);
  _docket_stmt_bind_int (stmt, 7, item->deadline_working_days);
  _docket_stmt_bind_date (stmt, 8, op->assigned_on);
  _docket_stmt_bind_bool (stmt, 9, item->starred);
  _docket_stmt_bind_stamp (self, stmt, 10);
  _docket_stmt_bind_int (stmt, 13, op->state);
  _docket_stmt_bind_date (stmt, 14, op->completed_on);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  op->id = _docket_store_last_insert_id (self);

  if (!write_coordinating (self, item, op->id, TRUE, error))
    return FALSE;

  fields = item_fields (item, op->deadline, op->assigned_on);
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_ITEMS);
  if (!_docket_store_audit (self, "items", op->id, "insert", fields, error))
    return FALSE;

  /* Finished before it came to Docket: the history says how it ended, as the
   * workflow's own steps would. */
  if (op->state == DOCKET_ITEM_STATE_CONFIRMED)
    {
      g_autoptr(DocketAuditFields) step = _docket_audit_fields_new ();

      _docket_audit_add_date (step, "day", op->completed_on);
      return _docket_item_audit_step (self, op->id, DOCKET_TIMELINE_CONFIRMED, step, error);
    }
  if (op->state == DOCKET_ITEM_STATE_CANCELLED)
    {
      g_autoptr(DocketAuditFields) step = _docket_audit_fields_new ();

      _docket_audit_add_text (step, "text", op->reason);
      _docket_audit_add_int (step, "from_state", DOCKET_ITEM_STATE_OPEN);
      return _docket_item_audit_step (self, op->id, DOCKET_TIMELINE_CANCELLED, step, error);
    }
  return TRUE;
}

/**
 * docket_store_add_item:
 * @self: a store
 * @item: the new item (its id and workflow fields are ignored)
 * @error: return location for a #GError
 *
 * Adds an item, open.  The meeting and the lead unit are required; the deadline is
 * @item->deadline, or when @item->deadline_working_days > 0, that many working days
 * after the meeting's notice date (the meeting's date while no notice was issued),
 * computed with the holiday schedule of the file; both the date and N are stored.
 *
 * Returns: the new item's id, or 0 with @error set
 */
DocketId
docket_store_add_item (DocketStore      *self,
                       const DocketItem *item,
                       GError          **error)
{
  ItemOp op = { .item = item };

  g_return_val_if_fail (DOCKET_IS_STORE (self), 0);
  g_return_val_if_fail (item != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_docket_store_write (self, add_item_cb, &op, error))
    return 0;
  return op.id;
}

/**
 * docket_store_add_finished_item:
 * @item: the item, as for docket_store_add_item()
 * @state: %DOCKET_ITEM_STATE_CONFIRMED or %DOCKET_ITEM_STATE_CANCELLED
 * @completed_on: for a completed item, the day it was completed (not before the
 *   day it was assigned)
 * @reason: for a cancelled item, why
 *
 * Adds an item that was completed or cancelled before it came to Docket, as an
 * imported tracker has them: written in that state at once, with the step in its
 * history ("confirmed" with the day, or "cancelled" with the reason), rather than
 * added open and then taken through the workflow (two more writes of the row).
 *
 * Returns: the new item's id, or 0 with @error set
 */
DocketId
docket_store_add_finished_item (DocketStore      *self,
                                const DocketItem *item,
                                DocketItemState   state,
                                DocketDate        completed_on,
                                const char       *reason,
                                GError          **error)
{
  ItemOp op = { .item = item, .state = state, .completed_on = DOCKET_DATE_NONE, .reason = reason };

  g_return_val_if_fail (DOCKET_IS_STORE (self), 0);
  g_return_val_if_fail (item != NULL, 0);
  g_return_val_if_fail (state == DOCKET_ITEM_STATE_CONFIRMED ||
                        state == DOCKET_ITEM_STATE_CANCELLED, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (state == DOCKET_ITEM_STATE_CONFIRMED)
    {
      if (completed_on == DOCKET_DATE_NONE)
        {
          g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                       _("A completed item needs the day it was completed."));
          return 0;
        }
      op.completed_on = completed_on;
    }
  else if (!_docket_store_require_text (reason, _("the reason"), error))
    return 0;

  if (!_docket_store_write (self, add_item_cb, &op, error))
    return 0;
  return op.id;
}

static gboolean
update_item_cb (DocketStore *self,
                gpointer     data,
                GError     **error)
{
  ItemOp *op = data;
  const DocketItem *item = op->item;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = NULL;
  g_autofree char *folded = NULL;
  DocketDate deadline, original;

  op->old = _docket_item_load (self, item->id, error);
  if (op->old == NULL || !validate_item (self, op, error) ||
      !_docket_store_require_unlocked (self, op->old->meeting_id, error) ||
      !_docket_store_require_unlocked (self, item->meeting_id, error))
    return FALSE;

  /* While an approved extension is in force, the deadline is the extension's: an
   * edit that leaves the deadline alone keeps it, and changing it means another
   * extension, so the history of deadlines stays readable. */
  if (docket_item_is_extended (op->old))
    {
      if (item->deadline_working_days > 0 || op->deadline != op->old->deadline)
        {
          _docket_item_set_state_conflict (error, _("An extension of this item was approved, so its "
                                                    "deadline can only change through another "
                                                    "extension."));
          return FALSE;
        }
      deadline = op->old->deadline;
      original = op->old->original_deadline;
    }
  else
    deadline = original = op->deadline;

  stmt = _docket_store_prepare (self,
                                "UPDATE items SET meeting_id = ?1, conclusion_id = ?2, "
                                "content = ?3, content_folded = ?4, lead_unit_id = ?5, "
                                "lead_unit_folded = (SELECT name_folded FROM units WHERE id = ?5), "
                                "meeting_date = (SELECT date FROM meetings WHERE id = ?1), "
                                "deadline = ?6, original_deadline = ?7, "
                                "deadline_working_days = ?8, assigned_on = ?9, starred = ?10, "
                                "updated_at = ?11, updated_by = ?12 WHERE id = ?13",
                                error);
  if (stmt == NULL)
    return FALSE;
  folded = _docket_store_fold (item->content);
  _docket_stmt_bind_id (stmt, 1, item->meeting_id);
  _docket_stmt_bind_id (stmt, 2, item->conclusion_id);
  _docket_stmt_bind_text (stmt, 3, item->content);
  _docket_stmt_bind_text (stmt, 4, folded);
  _docket_stmt_bind_id (stmt, 5, item->lead_unit_id);
  _docket_stmt_bind_date (stmt, 6, deadline);
  _docket_stmt_bind_date (stmt, 7, original);
  _docket_stmt_bind_int (stmt, 8, docket_item_is_extended (op->old) ?
                                    op->old->deadline_working_days :
                                    item->deadline_working_days);
  _docket_stmt_bind_date (stmt, 9, op->assigned_on);
  _docket_stmt_bind_bool (stmt, 10, item->starred);
  _docket_stmt_bind_update_stamp (self, stmt, 11);
  _docket_stmt_bind_id (stmt, 13, item->id);
  if (!_docket_store_step_done (self, stmt, error) ||
      !write_coordinating (self, item, item->id, FALSE, error))
    return FALSE;

  fields = item_fields (item, deadline, op->assigned_on);
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_ITEMS);
  return _docket_store_audit (self, "items", item->id, "update", fields, error);
}

/**
 * docket_store_update_item:
 * @self: a store
 * @item: the item with its new fields, @item->id set
 * @error: return location for a #GError
 *
 * Changes what was recorded about an item (as docket_store_add_item() takes it); its
 * workflow state, completion and progress are untouched.
 *
 * Returns: whether the item was changed
 */
gboolean
docket_store_update_item (DocketStore      *self,
                          const DocketItem *item,
                          GError          **error)
{
  ItemOp op = { .item = item };
  gboolean ok;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = _docket_store_write (self, update_item_cb, &op, error);
  g_clear_pointer (&op.old, docket_item_free);
  return ok;
}

/**
 * docket_store_get_item:
 *
 * Returns: (transfer full): the item with its coordinating units, or %NULL with
 *   %DOCKET_STORE_ERROR_NOT_FOUND
 */
DocketItem *
docket_store_get_item (DocketStore *self,
                       DocketId     item_id,
                       GError     **error)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _docket_item_load (self, item_id, error);
}

/**
 * docket_store_list_meeting_items:
 * @self: a store
 * @meeting_id: a meeting
 * @error: return location for an error
 *
 * The items of a meeting as its page edits them: whole, with their coordinating
 * units, in two statements however many items there are.
 *
 * Returns: (transfer container): the DocketItems of @meeting_id that are not
 *   cancelled, in the order they were added, or %NULL with @error set
 */
GPtrArray *
docket_store_list_meeting_items (DocketStore *self,
                                 DocketId     meeting_id,
                                 GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_item_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (DocketId));
  g_autoptr(DocketStmt) stmt = NULL;
  DocketItem *item = NULL;
  gboolean row = FALSE;
  gboolean ok;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _docket_store_prepare (self,
                                "SELECT " ITEM_COLUMNS " FROM items "
                                "WHERE meeting_id = ? AND state <> ? ORDER BY created_at, id",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_id (stmt, 1, meeting_id);
  _docket_stmt_bind_int (stmt, 2, DOCKET_ITEM_STATE_CANCELLED);
  /* A failed step reports no row, so the loop's own result tells failure. */
  while ((ok = _docket_store_step (self, stmt, &row, error)) && row)
    {
      item = item_from_stmt (stmt, 0);
      g_ptr_array_add (items, item);
      g_hash_table_insert (by_id, &item->id, item);
    }
  if (!ok)
    return NULL;
  g_clear_pointer (&stmt, _docket_stmt_release);

  stmt = _docket_store_prepare (self,
                                "SELECT c.item_id, c.unit_id FROM item_coordinating_units c "
                                "JOIN items i ON i.id = c.item_id "
                                "WHERE i.meeting_id = ? AND i.state <> ? "
                                "ORDER BY c.item_id, c.unit_id",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_id (stmt, 1, meeting_id);
  _docket_stmt_bind_int (stmt, 2, DOCKET_ITEM_STATE_CANCELLED);
  item = NULL;
  while ((ok = _docket_store_step (self, stmt, &row, error)) && row)
    {
      DocketId item_id = _docket_stmt_get_id (stmt, 0);
      DocketId unit_id = _docket_stmt_get_id (stmt, 1);

      if (item != NULL && item->id != item_id)
        {
          docket_item_set_coordinating_units (item, (DocketId *) (gpointer) ids->data, ids->len);
          g_array_set_size (ids, 0);
        }
      item = g_hash_table_lookup (by_id, &item_id);
      if (item != NULL)
        g_array_append_val (ids, unit_id);
    }
  if (!ok)
    return NULL;
  if (item != NULL)
    docket_item_set_coordinating_units (item, (DocketId *) (gpointer) ids->data, ids->len);
  return g_steal_pointer (&items);
}
