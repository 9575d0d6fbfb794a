/* docket-store-item-history.c: what was recorded about an item
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An item's progress reports, extensions and evidence files, and its timeline, which
 * is read back from the audit rows the workflow (docket-store-items.c) appends, one a
 * step, through the audit_by_record index.
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include "docket-store-items-private.h"
#include "docket-store-private.h"

/* The audit actions of an item, in the order of DocketTimelineKind. */
const char * const _docket_item_timeline_actions[] = {
  "insert", "update", "progress", "report-done", "confirm", "return",
  "extension-request", "extension-approve", "extension-reject", "cancel", "reopen",
  "star", "unstar",
};

G_STATIC_ASSERT (G_N_ELEMENTS (_docket_item_timeline_actions) == DOCKET_TIMELINE_UNSTARRED + 1);

/**
 * docket_store_list_progress:
 *
 * Returns: (transfer full) (element-type DocketProgressReport): the item's progress
 *   reports, oldest first
 */
GPtrArray *
docket_store_list_progress (DocketStore *self,
                            DocketId     item_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) docket_progress_report_free);
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);

  stmt = _docket_store_prepare (self,
                                "SELECT id, reported_on, text, percent, author "
                                "FROM progress_reports WHERE item_id = ? "
                                "ORDER BY reported_on, id",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_id (stmt, 1, item_id);
  while ((ok = _docket_store_step (self, stmt, &row, error)) && row)
    {
      DocketProgressReport *report = docket_progress_report_new ();

      report->id = _docket_stmt_get_id (stmt, 0);
      report->item_id = item_id;
      report->reported_on = _docket_stmt_get_date (stmt, 1);
      report->text = _docket_stmt_dup_text (stmt, 2);
      report->percent = sqlite3_column_type (stmt, 3) == SQLITE_NULL ?
                          -1 : (int) _docket_stmt_get_int (stmt, 3);
      report->author = _docket_stmt_dup_text (stmt, 4);
      g_ptr_array_add (list, report);
    }
  return !ok ? NULL : g_steal_pointer (&list);
}

/**
 * docket_store_list_extensions:
 *
 * Returns: (transfer full) (element-type DocketExtension): the item's extension
 *   requests, oldest first
 */
GPtrArray *
docket_store_list_extensions (DocketStore *self,
                              DocketId     item_id,
                              GError     **error)
{
  g_autoptr(GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) docket_extension_free);
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);

  stmt = _docket_store_prepare (self,
                                "SELECT id, requested_on, new_deadline, reason, state, "
                                "decision_document FROM extensions WHERE item_id = ? "
                                "ORDER BY id",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_id (stmt, 1, item_id);
  while ((ok = _docket_store_step (self, stmt, &row, error)) && row)
    {
      DocketExtension *ext = docket_extension_new ();

      ext->id = _docket_stmt_get_id (stmt, 0);
      ext->item_id = item_id;
      ext->requested_on = _docket_stmt_get_date (stmt, 1);
      ext->new_deadline = _docket_stmt_get_date (stmt, 2);
      ext->reason = _docket_stmt_dup_text (stmt, 3);
      ext->state = (DocketExtensionState) _docket_stmt_get_int (stmt, 4);
      ext->decision_document = _docket_stmt_dup_text (stmt, 5);
      g_ptr_array_add (list, ext);
    }
  return !ok ? NULL : g_steal_pointer (&list);
}

/**
 * docket_store_list_evidence:
 *
 * Returns: (transfer full) (element-type DocketAttachment): the evidence files of a
 *   progress report (without their bytes)
 */
GPtrArray *
docket_store_list_evidence (DocketStore *self,
                            DocketId     progress_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) docket_attachment_free);
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);

  stmt = _docket_store_prepare (self,
                                "SELECT id, file_name, mime_type, size FROM attachments "
                                "WHERE progress_id = ? ORDER BY id",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_id (stmt, 1, progress_id);
  while ((ok = _docket_store_step (self, stmt, &row, error)) && row)
    {
      DocketAttachment *att = docket_attachment_new ();

      att->id = _docket_stmt_get_id (stmt, 0);
      att->progress_id = progress_id;
      att->file_name = _docket_stmt_dup_text (stmt, 1);
      att->mime_type = _docket_stmt_dup_text (stmt, 2);
      att->size = _docket_stmt_get_int (stmt, 3);
      g_ptr_array_add (list, att);
    }
  return !ok ? NULL : g_steal_pointer (&list);
}

/**
 * docket_store_dup_evidence_content:
 *
 * Returns: (transfer full): the bytes of an evidence file
 */
GBytes *
docket_store_dup_evidence_content (DocketStore *self,
                                   DocketId     attachment_id,
                                   GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);

  stmt = _docket_store_prepare (self, "SELECT content FROM attachments WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_id (stmt, 1, attachment_id);
  if (!_docket_store_step (self, stmt, &row, error))
    return NULL;
  if (!row)
    {
      _docket_store_require_row (self, "attachments", 0, error);
      return NULL;
    }
  return g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
}

void
docket_timeline_entry_free (DocketTimelineEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->actor);
  g_free (entry->text);
  g_free (entry->document);
  g_free (entry);
}

static gboolean
timeline_kind_from_action (const char         *action,
                           DocketTimelineKind *out_kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (_docket_item_timeline_actions); i++)
    if (g_strcmp0 (action, _docket_item_timeline_actions[i]) == 0)
      {
        *out_kind = (DocketTimelineKind) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * docket_store_list_item_timeline:
 * @self: a store
 * @item_id: the item
 * @error: return location for a #GError
 *
 * Everything recorded about an item, oldest first: its creation and edits, progress
 * reports, done reports, confirmations, returns, extension requests and decisions,
 * cancellation and reopening, with who recorded each and when.
 *
 * Returns: (transfer full) (element-type DocketTimelineEntry): the timeline
 */
GPtrArray *
docket_store_list_item_timeline (DocketStore *self,
                                 DocketId     item_id,
                                 GError     **error)
{
  g_autoptr(GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) docket_timeline_entry_free);
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);

  if (!_docket_store_require_row (self, "items", item_id, error))
    return NULL;

  stmt = _docket_store_prepare (self,
                                "SELECT at, actor, action, json_extract (changes, '$.day'), "
                                "json_extract (changes, '$.text'), "
                                "json_extract (changes, '$.percent'), "
                                "json_extract (changes, '$.document'), "
                                "ifnull (json_extract (changes, '$.progress_id'), "
                                "json_extract (changes, '$.extension_id')) "
                                "FROM audit_log WHERE table_name = 'items' AND record_id = ? "
                                "ORDER BY id",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_id (stmt, 1, item_id);
  while ((ok = _docket_store_step (self, stmt, &row, error)) && row)
    {
      g_autofree char *action = _docket_stmt_dup_text (stmt, 2);
      DocketTimelineEntry *entry;
      DocketTimelineKind kind;

      if (!timeline_kind_from_action (action, &kind))
        continue;
      entry = g_new0 (DocketTimelineEntry, 1);
      entry->kind = kind;
      entry->at = _docket_stmt_get_int (stmt, 0);
      entry->actor = _docket_stmt_dup_text (stmt, 1);
      entry->day = _docket_stmt_get_date (stmt, 3);
      entry->text = _docket_stmt_dup_text (stmt, 4);
      entry->percent = sqlite3_column_type (stmt, 5) == SQLITE_NULL ?
                         -1 : (int) _docket_stmt_get_int (stmt, 5);
      entry->document = _docket_stmt_dup_text (stmt, 6);
      entry->record_id = _docket_stmt_get_id (stmt, 7);
      if (kind == DOCKET_TIMELINE_CREATED || kind == DOCKET_TIMELINE_EDITED)
        g_clear_pointer (&entry->text, g_free);
      g_ptr_array_add (list, entry);
    }
  return !ok ? NULL : g_steal_pointer (&list);
}
