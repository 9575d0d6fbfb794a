/* docket-store-settings.c: settings shared by everyone who uses the file
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The `settings` table holds what every computer using the file must agree on, such
 * as the reminder policy: the application and `docketctl remind` read the same
 * numbers.  What belongs to one computer (my units, the window) lives in GSettings.
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-store-settings.h"
#include "docket-store-private.h"

/**
 * docket_store_dup_setting:
 * @key: the setting's name, such as "reminders.days-before"
 *
 * Returns: (transfer full) (nullable): the stored value; %NULL without @error when
 *   the setting was never set (the caller's default applies)
 */
char *
docket_store_dup_setting (DocketStore  *self,
                          const char   *key,
                          GError      **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = _docket_store_prepare (self, "SELECT value FROM settings WHERE key = ?", error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_text (stmt, 1, key);
  if (!_docket_store_step (self, stmt, &row, error) || !row)
    return NULL;
  return _docket_stmt_dup_text (stmt, 0);
}

typedef struct
{
  const char *key;
  const char *value;
} SetSetting;

static gboolean
set_setting_cb (DocketStore *self,
                gpointer     data,
                GError     **error)
{
  SetSetting *op = data;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = _docket_audit_fields_new ();

  if (op->value == NULL)
    stmt = _docket_store_prepare (self, "DELETE FROM settings WHERE key = ?", error);
  else
    stmt = _docket_store_prepare (self,
                                  "INSERT INTO settings (key, value, updated_at, updated_by) "
                                  "VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET "
                                  "value = excluded.value, updated_at = excluded.updated_at, "
                                  "updated_by = excluded.updated_by",
                                  error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_text (stmt, 1, op->key);
  if (op->value != NULL)
    {
      _docket_stmt_bind_text (stmt, 2, op->value);
      _docket_stmt_bind_update_stamp (self, stmt, 3);
    }
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  _docket_audit_add_text (fields, "key", op->key);
  _docket_audit_add_text (fields, "value", op->value);
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_SETTINGS);
  return _docket_store_audit (self, "settings", 0, op->value != NULL ? "update" : "delete",
                              fields, error);
}

/**
 * docket_store_set_setting:
 * @key: the setting's name
 * @value: (nullable): its new value; %NULL goes back to the default
 *
 * Stores a shared setting (with a row in the audit log) and emits
 * `changed::settings` after the commit.
 */
gboolean
docket_store_set_setting (DocketStore  *self,
                          const char   *key,
                          const char   *value,
                          GError      **error)
{
  SetSetting op = { key, value };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && *key != '\0', FALSE);

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   _("The setting contains characters Docket cannot read. Type it again."));
      return FALSE;
    }
  return _docket_store_write (self, set_setting_cb, &op, error);
}
