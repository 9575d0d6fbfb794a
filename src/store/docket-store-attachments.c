/* docket-store-attachments.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-store-attachments.h"
#include "docket-store-items.h"
#include "docket-store-private.h"

typedef struct
{
  DocketId    meeting_id;
  const char *file_name;
  const char *mime_type;
  GBytes     *content;
  DocketId    id;
} AddOp;

static gboolean
add_cb (DocketStore *self,
        gpointer     data,
        GError     **error)
{
  AddOp *op = data;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = _docket_audit_fields_new ();
  gsize size = 0;
  gconstpointer bytes = g_bytes_get_data (op->content, &size);

  if (!_docket_store_require_row (self, "meetings", op->meeting_id, error))
    return FALSE;
  stmt = _docket_store_prepare (self,
                                "INSERT INTO attachments (meeting_id, file_name, mime_type, size, "
                                "content, created_at, updated_at, updated_by) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_id (stmt, 1, op->meeting_id);
  _docket_stmt_bind_text (stmt, 2, op->file_name);
  _docket_stmt_bind_text (stmt, 3, op->mime_type);
  _docket_stmt_bind_int (stmt, 4, (gint64) size);
  sqlite3_bind_blob64 (stmt, 5, size ? bytes : "", size, SQLITE_STATIC);
  _docket_stmt_bind_stamp (self, stmt, 6);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  op->id = _docket_store_last_insert_id (self);

  _docket_audit_add_int (fields, "meeting_id", op->meeting_id);
  _docket_audit_add_text (fields, "file_name", op->file_name);
  _docket_audit_add_int (fields, "size", (gint64) size);
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_ATTACHMENTS);
  return _docket_store_audit (self, "attachments", op->id, "insert", fields, error);
}

/**
 * docket_store_add_meeting_attachment:
 * @file_name: the name shown, without folders
 *
 * Returns: the new attachment's id, or 0 with @error
 */
DocketId
docket_store_add_meeting_attachment (DocketStore *self,
                                     DocketId     meeting_id,
                                     const char  *file_name,
                                     const char  *mime_type,
                                     GBytes      *content,
                                     GError     **error)
{
  g_autofree char *base = NULL;
  AddOp op = { meeting_id, NULL, mime_type, content, 0 };

  g_return_val_if_fail (DOCKET_IS_STORE (self), 0);
  g_return_val_if_fail (content != NULL, 0);

  base = g_path_get_basename (file_name ? file_name : "");
  if (*base == '\0' || g_str_equal (base, ".") || g_str_equal (base, G_DIR_SEPARATOR_S) ||
      !g_utf8_validate (base, -1, NULL))
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   _("The file needs a name."));
      return 0;
    }
  if (g_bytes_get_size (content) > DOCKET_ATTACHMENT_MAX_BYTES)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   _("“%s” is larger than 50 MB. Attach a smaller file, or a scan at a lower "
                     "resolution."), base);
      return 0;
    }
  op.file_name = base;
  if (op.mime_type == NULL || *op.mime_type == '\0')
    op.mime_type = "application/octet-stream";
  if (!_docket_store_write (self, add_cb, &op, error))
    return 0;
  return op.id;
}

GPtrArray *
docket_store_list_meeting_attachments (DocketStore *self,
                                       DocketId     meeting_id,
                                       GError     **error)
{
  g_autoptr(GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) docket_attachment_free);
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;
  gboolean ok;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);

  stmt = _docket_store_prepare (self,
                                "SELECT id, file_name, mime_type, size FROM attachments "
                                "WHERE meeting_id = ? ORDER BY id",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_id (stmt, 1, meeting_id);
  while ((ok = _docket_store_step (self, stmt, &row, error)) && row)
    {
      DocketAttachment *attachment = docket_attachment_new ();

      attachment->id = _docket_stmt_get_id (stmt, 0);
      attachment->meeting_id = meeting_id;
      attachment->file_name = _docket_stmt_dup_text (stmt, 1);
      attachment->mime_type = _docket_stmt_dup_text (stmt, 2);
      attachment->size = _docket_stmt_get_int (stmt, 3);
      g_ptr_array_add (list, attachment);
    }
  return ok ? g_steal_pointer (&list) : NULL;
}

static gboolean
remove_cb (DocketStore *self,
           gpointer     data,
           GError     **error)
{
  DocketId *id = data;
  g_autoptr(DocketStmt) stmt = NULL;

  if (!_docket_store_require_row (self, "attachments", *id, error))
    return FALSE;
  stmt = _docket_store_prepare (self, "DELETE FROM attachments WHERE id = ? AND meeting_id IS NOT NULL",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_id (stmt, 1, *id);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  if (_docket_store_changes (self) == 0)
    {
      /* Evidence of a progress report is part of the item's history and stays. */
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT,
                   _("Evidence of a progress report cannot be removed: it is part of the "
                     "item’s history."));
      return FALSE;
    }
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_ATTACHMENTS);
  return _docket_store_audit (self, "attachments", *id, "delete", NULL, error);
}

gboolean
docket_store_remove_attachment (DocketStore *self,
                                DocketId     attachment_id,
                                GError     **error)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  return _docket_store_write (self, remove_cb, &attachment_id, error);
}

GBytes *
docket_store_dup_attachment_content (DocketStore *self,
                                     DocketId     attachment_id,
                                     GError     **error)
{
  return docket_store_dup_evidence_content (self, attachment_id, error);
}
