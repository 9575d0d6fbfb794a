/* docket-store-private.h: what the files of libdocket-store share, and nobody else
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The public headers of the store carry no SQLite type, so that a server backend can
 * follow; this header is where SQLite shows.  Only src/store and the store tests
 * include it.
 *
 * How a repository function is written:
 *
 *   static gboolean
 *   add_thing_cb (DocketStore *self, gpointer data, GError **error)
 *   {
 *     AddThing *op = data;
 *     g_autoptr(DocketStmt) stmt = NULL;
 *
 *     stmt = _docket_store_prepare (self, "INSERT INTO things (name, created_at, "
 *                                         "updated_at, updated_by) VALUES (?, ?, ?, ?)",
 *                                   error);
 *     if (stmt == NULL)
 *       return FALSE;
 *     _docket_stmt_bind_text (stmt, 1, op->name);
 *     _docket_stmt_bind_stamp (self, stmt, 2);     (binds created_at, updated_at, updated_by)
 *     if (!_docket_store_step_done (self, stmt, error))
 *       return FALSE;
 *     op->id = _docket_store_last_insert_id (self);
 *     _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_THINGS);
 *     return _docket_store_audit (self, "things", op->id, "insert", fields_json, error);
 *   }
 *
 *   ... _docket_store_write (self, add_thing_cb, &op, error) ...
 *
 * _docket_store_write() runs the callback inside BEGIN IMMEDIATE … COMMIT and rolls
 * the whole action back when the callback (or the COMMIT) fails, so one user action is
 * one transaction; the `changed` signals are emitted only after the COMMIT.
 */

#pragma once

#include <sqlite3.h>

#include "docket-store.h"

G_BEGIN_DECLS

/* PRAGMA application_id of every Docket database: "DKT1". */
#define DOCKET_STORE_APPLICATION_ID 0x444B5431

/* Kinds of record, one bit each; the `changed` signal carries the matching detail
 * (see _docket_store_change_name()). */
typedef enum
{
  DOCKET_STORE_CHANGE_ORGANISATION = 1 << 0,  /* "organisation" */
  DOCKET_STORE_CHANGE_UNITS        = 1 << 1,  /* "units" */
  DOCKET_STORE_CHANGE_PEOPLE       = 1 << 2,  /* "people" */
  DOCKET_STORE_CHANGE_MEETINGS     = 1 << 3,  /* "meetings" (and their attendees, minutes) */
  DOCKET_STORE_CHANGE_CONCLUSIONS  = 1 << 4,  /* "conclusions" */
  DOCKET_STORE_CHANGE_ITEMS        = 1 << 5,  /* "items" (and coordinating units) */
  DOCKET_STORE_CHANGE_PROGRESS     = 1 << 6,  /* "progress" */
  DOCKET_STORE_CHANGE_EXTENSIONS   = 1 << 7,  /* "extensions" */
  DOCKET_STORE_CHANGE_ATTACHMENTS  = 1 << 8,  /* "attachments" */
  DOCKET_STORE_CHANGE_HOLIDAYS     = 1 << 9,  /* "holidays" */
  DOCKET_STORE_CHANGE_REMINDERS    = 1 << 10, /* "reminders" */
  DOCKET_STORE_CHANGE_SETTINGS     = 1 << 11, /* "settings" */
  DOCKET_STORE_CHANGE_ATTENDEES    = 1 << 12, /* "attendees" */
  DOCKET_STORE_CHANGE_MINUTES      = 1 << 13, /* "minutes" */
  DOCKET_STORE_CHANGE_ALL          = (1 << 14) - 1,
} DocketStoreChange;

const char *_docket_store_change_name (DocketStoreChange change);

/* One step of the schema: migration N (1-based) turns a version N-1 file into a
 * version N file.  The list lives in docket-store-schema.c and only ever grows. */
typedef struct
{
  int         version;
  const char *sql;
} DocketMigration;

const DocketMigration *_docket_store_get_migrations (guint *n_migrations);

/* Opens with another migration list; tests use it to pretend a newer Docket exists
 * (an extra migration) or an older one (a shorter list). */
DocketStore *_docket_store_open_with_migrations (const char            *path,
                                                 const DocketMigration *migrations,
                                                 guint                  n_migrations,
                                                 GError               **error);

/* Brings the open file to the newest schema of the list it was opened with (used
 * after a restore of an older backup). */
gboolean     _docket_store_upgrade       (DocketStore *self,
                                          GError     **error);

/* Adds the search's ranking function to the FTS5 of a connection (every connection
 * the store opens for writing gets it). */
void         _docket_store_search_register (sqlite3 *db);

/* The connection, for the store's own files only (and tests that must prove what
 * raw SQL cannot do, such as changing the audit log). */
sqlite3     *_docket_store_get_db        (DocketStore *self);

/* Prepared statements.  _docket_store_prepare() returns a statement from the
 * connection's cache (compiled once per SQL text); the DocketStmt auto-cleanup resets
 * it and clears its bindings instead of finalising it, so always hold it in a
 * g_autoptr(DocketStmt) and never sqlite3_finalize() it.  Only constant SQL text
 * goes in; values are always bound. */
typedef sqlite3_stmt DocketStmt;

DocketStmt  *_docket_store_prepare       (DocketStore *self,
                                          const char  *sql,
                                          GError     **error);
void         _docket_stmt_release        (DocketStmt  *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketStmt, _docket_stmt_release)

/* Binding: NULL text, DOCKET_DATE_NONE and id 0 bind SQL NULL. */
void         _docket_stmt_bind_text      (DocketStmt *stmt, int index, const char *text);
void         _docket_stmt_bind_int       (DocketStmt *stmt, int index, gint64 value);
void         _docket_stmt_bind_id        (DocketStmt *stmt, int index, DocketId id);
void         _docket_stmt_bind_date      (DocketStmt *stmt, int index, DocketDate date);
void         _docket_stmt_bind_bool      (DocketStmt *stmt, int index, gboolean value);
/* Binds now, now and the actor at index, index+1, index+2 (created_at, updated_at,
 * updated_by); _docket_stmt_bind_update_stamp binds now and the actor (updated_at,
 * updated_by). */
void         _docket_stmt_bind_stamp        (DocketStore *self, DocketStmt *stmt, int index);
void         _docket_stmt_bind_update_stamp (DocketStore *self, DocketStmt *stmt, int index);

/* Reading columns: NULL reads back as NULL, DOCKET_DATE_NONE and 0. */
char        *_docket_stmt_dup_text       (DocketStmt *stmt, int column);
DocketId     _docket_stmt_get_id         (DocketStmt *stmt, int column);
DocketDate   _docket_stmt_get_date       (DocketStmt *stmt, int column);
gint64       _docket_stmt_get_int        (DocketStmt *stmt, int column);

/* Stepping: _docket_store_step() returns TRUE with *out_row set when a row is there,
 * TRUE with *out_row FALSE at the end, FALSE with @error on failure.
 * _docket_store_step_done() is for statements that return no rows. */
gboolean     _docket_store_step          (DocketStore *self,
                                          DocketStmt  *stmt,
                                          gboolean    *out_row,
                                          GError     **error);
gboolean     _docket_store_step_done     (DocketStore *self,
                                          DocketStmt  *stmt,
                                          GError     **error);
/* Runs constant SQL without results (several statements allowed). */
gboolean     _docket_store_exec          (DocketStore *self,
                                          const char  *sql,
                                          GError     **error);
DocketId     _docket_store_last_insert_id (DocketStore *self);
/* Rows touched by the last INSERT/UPDATE/DELETE. */
int          _docket_store_changes       (DocketStore *self);

/* Sets @error from a SQLite result code, in DOCKET_STORE_ERROR with a message a
 * person can act on; the SQLite text is kept at the end for support. */
void         _docket_store_set_error_from_sqlite (DocketStore *self,
                                                  int          rc,
                                                  GError     **error);

/* Transactions.  _docket_store_write() is the one to use: it nests (an inner call
 * joins the outer transaction), and the outermost call commits or rolls back. */
typedef gboolean (*DocketStoreWriteFunc) (DocketStore *self,
                                          gpointer     data,
                                          GError     **error);

gboolean     _docket_store_write         (DocketStore          *self,
                                          DocketStoreWriteFunc  func,
                                          gpointer              data,
                                          GError              **error);
gboolean     _docket_store_begin_write   (DocketStore *self, GError **error);
gboolean     _docket_store_commit        (DocketStore *self, GError **error);
void         _docket_store_rollback      (DocketStore *self);
gboolean     _docket_store_in_transaction (DocketStore *self);
void         _docket_store_set_cache_kib  (DocketStore *self,
                                           guint        kib);

/* Queues a `changed::<kind>` emission for after the COMMIT (dropped on ROLLBACK). */
void         _docket_store_mark_changed  (DocketStore *self, DocketStoreChange changes);

/* The time of a change, UTC unix seconds.  Tests may pin it. */
gint64       _docket_store_now           (DocketStore *self);
void         _docket_store_set_now_for_testing (DocketStore *self, gint64 unix_seconds);

/* The audit log.  @fields is a JSON object of the changed fields (build it with the
 * DocketAuditFields helpers) or NULL for "{}".  Call it inside the write, after the
 * change, so the two commit or roll back together. */
typedef GString DocketAuditFields;

DocketAuditFields *_docket_audit_fields_new    (void);
void               _docket_audit_fields_free   (DocketAuditFields *fields);
void               _docket_audit_add_text      (DocketAuditFields *fields, const char *key, const char *value);
void               _docket_audit_add_int       (DocketAuditFields *fields, const char *key, gint64 value);
void               _docket_audit_add_date      (DocketAuditFields *fields, const char *key, DocketDate value);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketAuditFields, _docket_audit_fields_free)

gboolean     _docket_store_audit         (DocketStore       *self,
                                          const char        *table,
                                          DocketId           record_id,
                                          const char        *action,
                                          DocketAuditFields *fields,
                                          GError           **error);

/* Folds text for matching and sorting (lower case, no diacritics, đ → d).  The same
 * function is registered in SQL as docket_fold(text). */
char        *_docket_store_fold          (const char *text);

/* Shared checks that fail with DOCKET_STORE_ERROR_INVALID and a message. */
gboolean     _docket_store_require_text  (const char *text,
                                          const char *what,
                                          GError    **error);
gboolean     _docket_store_require_row   (DocketStore *self,
                                          const char  *table,
                                          DocketId     id,
                                          GError     **error);

/* The lock of an issued notice (docket-store-lifecycle.c): fail with
 * DOCKET_STORE_ERROR_CONFLICT when the meeting's notice was issued. */
gboolean     _docket_store_require_unlocked            (DocketStore *self,
                                                        DocketId     meeting_id,
                                                        GError     **error);
gboolean     _docket_store_require_conclusion_unlocked (DocketStore *self,
                                                        DocketId     conclusion_id,
                                                        GError     **error);

/* The search index's queue (schema version 7, docket-store-schema.c): replayed into
 * the index in order and emptied.  _docket_store_commit() runs it before every
 * COMMIT; code that writes with raw SQL (the benchmarks) runs it before its own. */
#define DOCKET_STORE_FLUSH_SEARCH_SQL \
  "INSERT INTO search_index (search_index, rowid, folded, original) " \
  "  SELECT CASE forget WHEN 1 THEN 'delete' END, doc, folded, original " \
  "  FROM search_queue ORDER BY seq;" \
  "DELETE FROM search_queue;"

gboolean     _docket_store_flush_search_queue (DocketStore *self,
                                               GError     **error);

/* Backups, for docket-store.c (before a migration). */
char        *_docket_store_backup_to_folder (DocketStore *self,
                                             const char  *kind,
                                             GError     **error);
char        *_docket_store_dup_backup_dir   (const char *db_path);

/* What the read-only look at an existing file found. */
typedef enum
{
  FILE_ABSENT,      /* create it */
  FILE_EMPTY,       /* zero bytes or an SQLite file without tables: initialise it */
  FILE_DOCKET,      /* a Docket database this version can open */
} FileKind;

/* docket-store-file.c */
gboolean _docket_store_file_inspect (const char *path,
                                     int         latest_version,
                                     FileKind   *out_kind,
                                     GError    **error);
gboolean _docket_store_file_create  (const char *path,
                                     GError    **error);
void     _docket_store_file_remove  (const char *path);
gboolean _docket_store_query_int    (sqlite3    *db,
                                     const char *sql,
                                     gint64     *out_value);

G_END_DECLS
