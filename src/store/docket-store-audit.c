/* docket-store-audit.c: the audit log, and the checks every repository shares
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change a person makes appends one row to the append-only audit_log (its
 * triggers refuse UPDATE and DELETE): who, when, which record, what action and the
 * changed fields as a JSON object, written in the change's own transaction.
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-store-private.h"

/* The audit log. */

DocketAuditFields *
_docket_audit_fields_new (void)
{
  return g_string_new ("{");
}

void
_docket_audit_fields_free (DocketAuditFields *fields)
{
  g_string_free (fields, TRUE);
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

static void
append_key (DocketAuditFields *fields,
            const char        *key)
{
  if (fields->len > 1)
    g_string_append_c (fields, ',');
  append_json_string (fields, key);
  g_string_append_c (fields, ':');
}

void
_docket_audit_add_text (DocketAuditFields *fields,
                        const char        *key,
                        const char        *value)
{
  append_key (fields, key);
  if (value == NULL)
    g_string_append (fields, "null");
  else
    append_json_string (fields, value);
}

void
_docket_audit_add_int (DocketAuditFields *fields,
                       const char        *key,
                       gint64             value)
{
  append_key (fields, key);
  g_string_append_printf (fields, "%" G_GINT64_FORMAT, value);
}

void
_docket_audit_add_date (DocketAuditFields *fields,
                        const char        *key,
                        DocketDate         value)
{
  g_autofree char *iso = value != DOCKET_DATE_NONE ? docket_date_format_iso (value) : NULL;

  _docket_audit_add_text (fields, key, iso);
}

gboolean
_docket_store_audit (DocketStore       *self,
                     const char        *table,
                     DocketId           record_id,
                     const char        *action,
                     DocketAuditFields *fields,
                     GError           **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  g_autofree char *json = NULL;

  g_assert (_docket_store_in_transaction (self));

  stmt = _docket_store_prepare (self,
                                "INSERT INTO audit_log (at, actor, table_name, record_id, "
                                "action, changes) VALUES (?, ?, ?, ?, ?, ?)",
                                error);
  if (stmt == NULL)
    return FALSE;
  json = fields != NULL ? g_strconcat (fields->str, "}", NULL) : g_strdup ("{}");
  _docket_stmt_bind_int (stmt, 1, _docket_store_now (self));
  _docket_stmt_bind_text (stmt, 2, docket_store_get_actor (self));
  _docket_stmt_bind_text (stmt, 3, table);
  _docket_stmt_bind_id (stmt, 4, record_id);
  _docket_stmt_bind_text (stmt, 5, action);
  _docket_stmt_bind_text (stmt, 6, json);
  return _docket_store_step_done (self, stmt, error);
}

/* Validation shared by the repositories. */

gboolean
_docket_store_require_text (const char *text,
                            const char *what,
                            GError    **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   /* Translators: %s names a field, e.g. "the name of the unit" */
                   _("The text of %s contains characters Docket cannot read. Type it "
                     "again."),
                   what);
      return FALSE;
    }
  if (*stripped == '\0')
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   /* Translators: %s names a field, e.g. "the name of the unit" */
                   _("Type %s; it cannot be empty."), what);
      return FALSE;
    }
  return TRUE;
}

gboolean
_docket_store_require_row (DocketStore *self,
                           const char  *table,
                           DocketId     id,
                           GError     **error)
{
  static const struct { const char *table; const char *sql; } known[] = {
    { "units", "SELECT 1 FROM units WHERE id = ?" },
    { "people", "SELECT 1 FROM people WHERE id = ?" },
    { "meetings", "SELECT 1 FROM meetings WHERE id = ?" },
    { "conclusions", "SELECT 1 FROM conclusions WHERE id = ?" },
    { "items", "SELECT 1 FROM items WHERE id = ?" },
    { "minutes_sections", "SELECT 1 FROM minutes_sections WHERE id = ?" },
    { "attendees", "SELECT 1 FROM attendees WHERE id = ?" },
    { "progress_reports", "SELECT 1 FROM progress_reports WHERE id = ?" },
    { "extensions", "SELECT 1 FROM extensions WHERE id = ?" },
    { "attachments", "SELECT 1 FROM attachments WHERE id = ?" },
  };
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;
  const char *sql = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (known[i].table, table))
      sql = known[i].sql;
  g_return_val_if_fail (sql != NULL, FALSE);

  if (id > 0)
    {
      stmt = _docket_store_prepare (self, sql, error);
      if (stmt == NULL)
        return FALSE;
      _docket_stmt_bind_id (stmt, 1, id);
      if (!_docket_store_step (self, stmt, &row, error))
        return FALSE;
    }
  if (!row)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND,
                   /* Translators: the number is a record number */
                   _("Record %lld no longer exists; another person may "
                     "have removed it. Reload the list and try again."),
                   (long long) id);
      return FALSE;
    }
  return TRUE;
}
