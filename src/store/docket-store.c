/* docket-store.c: opening a Docket database, and the machinery every repository uses
 * (the file is looked at first in docket-store-file.c; the audit log and the shared
 * checks are in docket-store-audit.c)
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "docket-fold.h"
#include "docket-store-private.h"

#define BUSY_TIMEOUT_MS 5000

/* The page cache of a connection (KiB) unless its owner says otherwise, and the
 * most a big write transaction may grow it to. */
#define DEFAULT_CACHE_KIB 65536
#define MAX_WRITE_CACHE_KIB (1024 * 1024)

struct _DocketStore
{
  GObject      parent_instance;

  sqlite3     *db;
  char        *path;
  char        *actor;
  GHashTable  *statements;     /* SQL text → sqlite3_stmt, owned */
  int          schema_version;
  /* The file has the search queue (schema version 7): commits replay it. */
  gboolean     has_search_queue;
  guint        write_depth;
  guint        pending_changes; /* DocketStoreChange bits to emit after COMMIT */
  /* The page cache its owner asked for (KiB), and the larger one a big write
   * transaction grew it to (0: not grown); see grow_cache_if_spilling (). */
  guint        cache_kib;
  guint        grown_cache_kib;
  int          spilled;
  gint64       pinned_now;     /* 0: the real clock */

  const DocketMigration *migrations;
  guint        n_migrations;
};

G_DEFINE_FINAL_TYPE (DocketStore, docket_store, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_QUARK (docket-store-error-quark, docket_store_error)

static const char *change_names[] = {
  "organisation", "units", "people", "meetings", "conclusions", "items", "progress",
  "extensions", "attachments", "holidays", "reminders", "settings", "attendees",
  "minutes",
};

G_STATIC_ASSERT (G_N_ELEMENTS (change_names) == 14);
G_STATIC_ASSERT (DOCKET_STORE_CHANGE_ALL == (1 << 14) - 1);

const char *
_docket_store_change_name (DocketStoreChange change)
{
  for (guint i = 0; i < G_N_ELEMENTS (change_names); i++)
    if (change == (1u << i))
      return change_names[i];
  g_return_val_if_reached (NULL);
}

/* Folding: the core's rule, so that what the store indexes and what a person types
 * fold the same way. */

char *
_docket_store_fold (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  return docket_fold (text);
}

static void
sql_fold_func (sqlite3_context *context,
               int              argc,
               sqlite3_value  **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *folded;

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  folded = _docket_store_fold (text);
  sqlite3_result_text (context, folded, -1, g_free);
}

/* Errors. */

void
_docket_store_set_error_from_sqlite (DocketStore *self,
                                     int          rc,
                                     GError     **error)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  const char *path = self->path;

  g_debug ("SQLite error %d on %s: %s", rc, path, detail);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_BUSY,
                   _("The records are being changed by another Docket window or program. "
                     "Nothing was changed; try again in a moment."));
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_DAMAGED,
                   /* Translators: %s is a file name */
                   _("The database “%s” is damaged. Restore the latest backup, or ask "
                     "your administrator to repair the file."),
                   path);
      break;

    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_READ_ONLY,
                   /* Translators: %s is a file name */
                   _("Docket cannot save changes to “%s”: the file or its folder is "
                     "read-only. Ask your administrator for write access."),
                   path);
      break;

    case SQLITE_FULL:
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("Docket could not save to “%s” because the disk is full. Nothing "
                     "was changed; free some space and try again."),
                   path);
      break;

    case SQLITE_IOERR:
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("Docket could not read or write “%s”. Nothing was changed; check "
                     "the disk and try again."),
                   path);
      break;

    case SQLITE_CONSTRAINT:
      switch (rc)
        {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
          g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT,
                       _("This record already exists. Nothing was changed."));
          break;
        case SQLITE_CONSTRAINT_FOREIGNKEY:
          g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT,
                       _("The change refers to a record that does not exist, or removes "
                         "one that other records still use. Nothing was changed."));
          break;
        case SQLITE_CONSTRAINT_TRIGGER:
          g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT,
                       /* Translators: %s is the reason, in English, from the database */
                       _("This change is not allowed (%s). Nothing was changed."),
                       detail);
          break;
        default:
          g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                       _("A required value is missing or out of range. Nothing was "
                         "changed."));
          break;
        }
      break;

    default:
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED,
                   /* Translators: %s is a technical detail for support */
                   _("Docket could not complete the change (%s). Nothing was changed."),
                   detail);
      break;
    }
}

static gboolean
require_open (DocketStore *self,
              GError     **error)
{
  if (self->db != NULL)
    return TRUE;
  g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED,
               /* Translators: %s is a file name */
               _("The database “%s” is closed. Open it again."), self->path);
  return FALSE;
}

/* Statements. */

DocketStmt *
_docket_store_prepare (DocketStore *self,
                       const char  *sql,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);

  if (!require_open (self, error))
    return NULL;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      /* A cached statement is lent to one caller at a time; preparing the same SQL
       * while iterating it would reset the iteration under the caller's feet. */
      g_assert (!sqlite3_stmt_busy (stmt));
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_critical ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      _docket_store_set_error_from_sqlite (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

void
_docket_stmt_release (DocketStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

void
_docket_stmt_bind_text (DocketStmt *stmt,
                        int         index,
                        const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
_docket_stmt_bind_int (DocketStmt *stmt,
                       int         index,
                       gint64      value)
{
  sqlite3_bind_int64 (stmt, index, value);
}

void
_docket_stmt_bind_id (DocketStmt *stmt,
                      int         index,
                      DocketId    id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

void
_docket_stmt_bind_date (DocketStmt *stmt,
                        int         index,
                        DocketDate  date)
{
  if (date == DOCKET_DATE_NONE)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, docket_date_format_iso (date), -1, g_free);
}

void
_docket_stmt_bind_bool (DocketStmt *stmt,
                        int         index,
                        gboolean    value)
{
  sqlite3_bind_int (stmt, index, value ? 1 : 0);
}

void
_docket_stmt_bind_stamp (DocketStore *self,
                         DocketStmt  *stmt,
                         int          index)
{
  gint64 now = _docket_store_now (self);

  sqlite3_bind_int64 (stmt, index, now);
  sqlite3_bind_int64 (stmt, index + 1, now);
  _docket_stmt_bind_text (stmt, index + 2, docket_store_get_actor (self));
}

void
_docket_stmt_bind_update_stamp (DocketStore *self,
                                DocketStmt  *stmt,
                                int          index)
{
  sqlite3_bind_int64 (stmt, index, _docket_store_now (self));
  _docket_stmt_bind_text (stmt, index + 1, docket_store_get_actor (self));
}

char *
_docket_stmt_dup_text (DocketStmt *stmt,
                       int         column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

DocketId
_docket_stmt_get_id (DocketStmt *stmt,
                     int         column)
{
  return sqlite3_column_int64 (stmt, column);
}

DocketDate
_docket_stmt_get_date (DocketStmt *stmt,
                       int         column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  DocketDate date = DOCKET_DATE_NONE;

  if (text != NULL && !docket_date_parse_iso (text, &date))
    g_debug ("Ignoring a stored date that is not YYYY-MM-DD: “%s”", text);
  return date;
}

gint64
_docket_stmt_get_int (DocketStmt *stmt,
                      int         column)
{
  return sqlite3_column_int64 (stmt, column);
}

gboolean
_docket_store_step (DocketStore *self,
                    DocketStmt  *stmt,
                    gboolean    *out_row,
                    GError     **error)
{
  int rc = sqlite3_step (stmt);

  *out_row = (rc == SQLITE_ROW);
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;
  _docket_store_set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
  return FALSE;
}

gboolean
_docket_store_step_done (DocketStore *self,
                         DocketStmt  *stmt,
                         GError     **error)
{
  gboolean row;

  if (!_docket_store_step (self, stmt, &row, error))
    return FALSE;
  g_assert (!row);
  return TRUE;
}

gboolean
_docket_store_exec (DocketStore *self,
                    const char  *sql,
                    GError     **error)
{
  int rc;

  if (!require_open (self, error))
    return FALSE;
  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    return TRUE;
  _docket_store_set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
  return FALSE;
}

DocketId
_docket_store_last_insert_id (DocketStore *self)
{
  return sqlite3_last_insert_rowid (self->db);
}

int
_docket_store_changes (DocketStore *self)
{
  return sqlite3_changes (self->db);
}

sqlite3 *
_docket_store_get_db (DocketStore *self)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  return self->db;
}

/* Time and actor. */

gint64
_docket_store_now (DocketStore *self)
{
  if (self->pinned_now != 0)
    return self->pinned_now;
  return g_get_real_time () / G_USEC_PER_SEC;
}

void
_docket_store_set_now_for_testing (DocketStore *self,
                                   gint64       unix_seconds)
{
  self->pinned_now = unix_seconds;
}

/* Transactions and change notification. */

void
_docket_store_mark_changed (DocketStore       *self,
                            DocketStoreChange  changes)
{
  g_assert (self->write_depth > 0);
  self->pending_changes |= changes;
}

static void
emit_changes (DocketStore *self,
              guint        changes)
{
  for (guint i = 0; i < G_N_ELEMENTS (change_names); i++)
    if (changes & (1u << i))
      g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (change_names[i]),
                     change_names[i]);
}

gboolean
_docket_store_in_transaction (DocketStore *self)
{
  return self->write_depth > 0;
}

static int cache_spills (DocketStore *self);

gboolean
_docket_store_begin_write (DocketStore *self,
                           GError     **error)
{
  if (self->write_depth > 0)
    {
      self->write_depth++;
      return TRUE;
    }
  /* IMMEDIATE takes the write lock now, so two programs never both read, then
   * both try to write and one of them fails half-way. */
  if (!_docket_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->write_depth = 1;
  self->pending_changes = 0;
  self->spilled = cache_spills (self);
  return TRUE;
}

/* Big write transactions: an import, or a program adding a hundred thousand items
 * at once.  Each item changes a page of every items index, and a transaction's
 * changed pages stay in the page cache until COMMIT; once they outgrow it, SQLite
 * writes them to the WAL in the middle of the transaction ("spills"), reads them
 * back for the next change, and writes them again at COMMIT: over a million items
 * that took more than half of the time of 100,000 inserts.  So when a transaction
 * spills, its connection's cache doubles, up to MAX_WRITE_CACHE_KIB (a ceiling,
 * not an allocation), and goes back to its owner's size when the transaction ends,
 * giving the memory back. */
static int
cache_spills (DocketStore *self)
{
  int current = 0, highwater = 0;

  if (sqlite3_db_status (self->db, SQLITE_DBSTATUS_CACHE_SPILL, &current, &highwater, FALSE) != SQLITE_OK)
    return 0;
  return current;
}

static void
grow_cache_if_spilling (DocketStore *self)
{
  guint kib = MAX (self->cache_kib, self->grown_cache_kib);
  g_autofree char *sql = NULL;
  int spilled = cache_spills (self);

  if (spilled == self->spilled || kib >= MAX_WRITE_CACHE_KIB)
    return;
  self->spilled = spilled;
  self->grown_cache_kib = MIN (kib * 2, MAX_WRITE_CACHE_KIB);
  sql = g_strdup_printf ("PRAGMA cache_size = -%u", self->grown_cache_kib);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

static void
restore_cache (DocketStore *self)
{
  g_autofree char *sql = NULL;

  if (self->grown_cache_kib == 0 || self->db == NULL)
    return;
  self->grown_cache_kib = 0;
  sql = g_strdup_printf ("PRAGMA cache_size = -%u", self->cache_kib);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

void
_docket_store_set_cache_kib (DocketStore *self,
                             guint        kib)
{
  self->cache_kib = kib;
}

void
_docket_store_rollback (DocketStore *self)
{
  g_assert (self->write_depth > 0);

  self->write_depth = 0;
  self->pending_changes = 0;
  /* A failed COMMIT or an error inside SQLite may already have ended the
   * transaction; ROLLBACK is then a harmless no-op. */
  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  restore_cache (self);
}

/**
 * _docket_store_flush_search_queue:
 *
 * Inside a write transaction: replays the queued changes into the search index
 * (see migration 7 in docket-store-schema.c).  A file being migrated from before
 * version 7 has no queue yet: nothing to do.
 */
gboolean
_docket_store_flush_search_queue (DocketStore *self,
                                  GError     **error)
{
  g_autoptr(DocketStmt) probe = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (self->write_depth > 0, FALSE);

  if (!self->has_search_queue)
    return TRUE;
  if ((probe = _docket_store_prepare (self, "SELECT 1 FROM search_queue LIMIT 1", error)) == NULL ||
      !_docket_store_step (self, probe, &row, error))
    return FALSE;
  g_clear_pointer (&probe, _docket_stmt_release);
  return !row || _docket_store_exec (self, DOCKET_STORE_FLUSH_SEARCH_SQL, error);
}

/* After the migrations: whether the file has the queue, and if a program that wrote
 * with raw SQL (a benchmark, sqlite3 by hand) left changes in it, the index learns
 * them now. */
static gboolean
start_search_queue (DocketStore  *self,
                    GError      **error)
{
  gint64 found = 0;

  if (!_docket_store_query_int (self->db, "SELECT count (*) FROM sqlite_master WHERE type = 'table' AND "
                                "name = 'search_queue'", &found))
    {
      _docket_store_set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return FALSE;
    }
  self->has_search_queue = found > 0;
  if (!self->has_search_queue)
    return TRUE;
  if (!_docket_store_query_int (self->db, "SELECT count (*) FROM (SELECT 1 FROM search_queue LIMIT 1)", &found))
    {
      _docket_store_set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return FALSE;
    }
  /* The commit replays the queue. */
  return found == 0 ||
         (_docket_store_begin_write (self, error) && _docket_store_commit (self, error));
}

gboolean
_docket_store_commit (DocketStore *self,
                      GError     **error)
{
  guint changes;

  g_assert (self->write_depth > 0);

  if (self->write_depth > 1)
    {
      self->write_depth--;
      return TRUE;
    }
  if (!_docket_store_flush_search_queue (self, error) ||
      !_docket_store_exec (self, "COMMIT", error))
    {
      _docket_store_rollback (self);
      return FALSE;
    }
  self->write_depth = 0;
  restore_cache (self);
  changes = self->pending_changes;
  self->pending_changes = 0;
  emit_changes (self, changes);
  return TRUE;
}

gboolean
_docket_store_write (DocketStore          *self,
                     DocketStoreWriteFunc  func,
                     gpointer              data,
                     GError              **error)
{
  gboolean outermost;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);

  if (!require_open (self, error))
    return FALSE;

  outermost = self->write_depth == 0;
  if (!outermost)
    {
      gboolean done = func (self, data, error);

      grow_cache_if_spilling (self);
      return done;
    }

  if (!_docket_store_begin_write (self, error))
    return FALSE;
  if (!func (self, data, error))
    {
      _docket_store_rollback (self);
      return FALSE;
    }
  return _docket_store_commit (self, error);
}

/* Opening for writing. */

static gboolean
configure_connection (DocketStore *self,
                      GError     **error)
{
  gint64 dummy;
  sqlite3_stmt *stmt = NULL;
  gboolean wal = FALSE;

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_create_function_v2 (self->db, "docket_fold", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                              NULL, sql_fold_func, NULL, NULL, NULL);
  _docket_store_search_register (self->db);

  if (!_docket_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);
  if (!wal)
    {
      _docket_store_set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return FALSE;
    }

  if (!_docket_store_exec (self, "PRAGMA synchronous = FULL", error))
    return FALSE;

  /* The list indexes of a million items do not fit SQLite's default 2 MB page
   * cache; inserting an item touches each of them, and a small cache turns those
   * updates into disk reads (the insert benchmark).  64 MB is the cache's ceiling,
   * not an allocation: small files use what they need. */
  if (!_docket_store_exec (self, "PRAGMA cache_size = -" G_STRINGIFY (DEFAULT_CACHE_KIB), error))
    return FALSE;
  self->cache_kib = DEFAULT_CACHE_KIB;

  /* Statement journals (an insert that fires the search triggers) stay in memory
   * instead of a temporary file per statement. */
  if (!_docket_store_exec (self, "PRAGMA temp_store = MEMORY", error))
    return FALSE;

  /* The first read after opening reaches the file: a damaged file that slipped
   * through the size-limited check fails here, before any write. */
  if (!_docket_store_query_int (self->db, "SELECT count(*) FROM sqlite_master", &dummy))
    {
      _docket_store_set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate_one (DocketStore           *self,
             const DocketMigration *migration,
             GError               **error)
{
  g_autofree char *pragmas = NULL;
  g_autoptr(DocketAuditFields) fields = NULL;
  gint64 version = 0;

  if (!_docket_store_begin_write (self, error))
    return FALSE;

  /* Another program may have migrated the file while this one waited for the lock. */
  if (!_docket_store_query_int (self->db, "PRAGMA user_version", &version))
    {
      _docket_store_set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      _docket_store_rollback (self);
      return FALSE;
    }
  if (version >= migration->version)
    return _docket_store_commit (self, error);

  /* Integers only, never text: a pragma value cannot be bound. */
  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             DOCKET_STORE_APPLICATION_ID, migration->version);
  fields = _docket_audit_fields_new ();
  _docket_audit_add_int (fields, "version", migration->version);

  if (!_docket_store_exec (self, migration->sql, error) ||
      !_docket_store_exec (self, pragmas, error) ||
      !_docket_store_audit (self, "schema", 0, "migrate", fields, error))
    {
      _docket_store_rollback (self);
      return FALSE;
    }
  return _docket_store_commit (self, error);
}

static gboolean
migrate (DocketStore           *self,
         const DocketMigration *migrations,
         guint                  n_migrations,
         GError               **error)
{
  gint64 version = 0;

  if (!_docket_store_query_int (self->db, "PRAGMA user_version", &version))
    {
      _docket_store_set_error_from_sqlite (self, sqlite3_extended_errcode (self->db), error);
      return FALSE;
    }

  /* A file with records in it is copied before its schema changes, so a failed or
   * regretted upgrade can be undone from the backups. */
  if (version > 0 && version < (gint64) n_migrations)
    {
      g_autofree char *kind = g_strdup_printf ("pre-migration-v%d", (int) version);
      g_autofree char *backup = _docket_store_backup_to_folder (self, kind, error);

      if (backup == NULL)
        return FALSE;
    }

  for (guint i = (guint) version; i < n_migrations; i++)
    {
      g_assert (migrations[i].version == (int) i + 1);
      if (!migrate_one (self, &migrations[i], error))
        return FALSE;
    }
  self->schema_version = n_migrations;
  return TRUE;
}

static DocketStore *
open_store (const char            *path,
            const DocketMigration *migrations,
            guint                  n_migrations,
            GError               **error)
{
  g_autoptr(DocketStore) self = NULL;
  g_autofree char *resolved = NULL;
  FileKind kind = FILE_ABSENT;
  int rc;

  resolved = path != NULL ? g_strdup (path) : docket_store_dup_default_path ();

  if (!_docket_store_file_inspect (resolved, n_migrations, &kind, error))
    return NULL;
  if (kind == FILE_ABSENT && !_docket_store_file_create (resolved, error))
    return NULL;

  self = g_object_new (DOCKET_TYPE_STORE, NULL);
  self->path = g_steal_pointer (&resolved);
  self->migrations = migrations;
  self->n_migrations = n_migrations;

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK ||
      !configure_connection (self, error) ||
      !migrate (self, migrations, n_migrations, error) ||
      !start_search_queue (self, error))
    {
      if (rc != SQLITE_OK)
        _docket_store_set_error_from_sqlite (self, rc, error);
      docket_store_close (self);
      /* Only a file this call created is removed; an existing one is left as it
       * was (every step above is a transaction that rolled back). */
      if (kind == FILE_ABSENT)
        _docket_store_file_remove (self->path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

gboolean
_docket_store_upgrade (DocketStore *self,
                       GError     **error)
{
  if (!require_open (self, error))
    return FALSE;
  return migrate (self, self->migrations, self->n_migrations, error) &&
         start_search_queue (self, error);
}

DocketStore *
_docket_store_open_with_migrations (const char            *path,
                                    const DocketMigration *migrations,
                                    guint                  n_migrations,
                                    GError               **error)
{
  return open_store (path, migrations, n_migrations, error);
}

/* GObject. */

static void
docket_store_finalize (GObject *object)
{
  DocketStore *self = (DocketStore *) object;

  docket_store_close (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->actor, g_free);

  G_OBJECT_CLASS (docket_store_parent_class)->finalize (object);
}

static void
docket_store_class_init (DocketStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = docket_store_finalize;

  /**
   * DocketStore::changed:
   * @self: the store
   * @kind: the kind of record that changed, the same as the detail
   *
   * Emitted after a change is committed, once per kind of record it touched, with
   * the kind as detail: `changed::organisation`, `changed::units`,
   * `changed::people`, `changed::meetings`, `changed::attendees`,
   * `changed::minutes`, `changed::conclusions`, `changed::items`,
   * `changed::progress`, `changed::extensions`, `changed::attachments`,
   * `changed::holidays`, `changed::reminders`, `changed::settings`.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
docket_store_init (DocketStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

/* Public API. */

/**
 * docket_store_dup_default_path:
 *
 * Returns: (transfer full): the database file used when neither `--database` nor
 *   `DOCKET_DATABASE` names one: `$XDG_DATA_HOME/docket/docket.db`
 */
char *
docket_store_dup_default_path (void)
{
  const char *env = g_getenv ("DOCKET_DATABASE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "docket", "docket.db", NULL);
}

/**
 * docket_store_open:
 * @path: (nullable): the database file, or %NULL for docket_store_dup_default_path()
 * @error: return location for a #DOCKET_STORE_ERROR
 *
 * Opens a Docket database for reading and writing, creating it (folder 0700, file
 * 0600) when it does not exist, and bringing its schema up to date (each migration
 * in one transaction, after a backup of the file).
 *
 * An existing file is first looked at read-only, and refused — with nothing written
 * to it or next to it — when it comes from a newer Docket
 * (%DOCKET_STORE_ERROR_NEWER_VERSION), is not a Docket database
 * (%DOCKET_STORE_ERROR_NOT_DOCKET), is damaged or truncated
 * (%DOCKET_STORE_ERROR_DAMAGED), or cannot be written
 * (%DOCKET_STORE_ERROR_READ_ONLY).
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
DocketStore *
docket_store_open (const char *path,
                   GError    **error)
{
  const DocketMigration *list;
  guint n;

  list = _docket_store_get_migrations (&n);
  return open_store (path, list, n, error);
}

/**
 * docket_store_close:
 *
 * Closes the connection; later calls fail with %DOCKET_STORE_ERROR_FAILED.  Called
 * by the last unref too.
 */
void
docket_store_close (DocketStore *self)
{
  g_return_if_fail (DOCKET_IS_STORE (self));

  if (self->db == NULL)
    return;
  if (self->write_depth > 0)
    _docket_store_rollback (self);
  g_hash_table_remove_all (self->statements);
  sqlite3_close (self->db);
  self->db = NULL;
}

gboolean
docket_store_is_open (DocketStore *self)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  return self->db != NULL;
}

const char *
docket_store_get_path (DocketStore *self)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  return self->path;
}

int
docket_store_get_schema_version (DocketStore *self)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), 0);
  return self->schema_version;
}

/**
 * docket_store_set_actor:
 * @actor: (nullable): the name of the person making the changes
 *
 * Every later change records @actor and the time, in the record and in the audit
 * log.  Without an actor the login name is recorded.
 */
void
docket_store_set_actor (DocketStore *self,
                        const char  *actor)
{
  g_return_if_fail (DOCKET_IS_STORE (self));
  g_free (self->actor);
  self->actor = g_strdup (actor);
}

const char *
docket_store_get_actor (DocketStore *self)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  if (self->actor != NULL && *self->actor != '\0')
    return self->actor;
  return g_get_user_name ();
}

static void
add_problem (GPtrArray  *problems,
             const char *text)
{
  g_ptr_array_add (problems, g_strdup (text));
}

/**
 * docket_store_check:
 * @out_problems: (out) (transfer full) (element-type utf8): what is wrong, empty
 *   when nothing is
 *
 * Runs the full checks `docketctl check` offers: the integrity of the file, the
 * references between records, and that the audit log is still append-only.
 *
 * Returns: %TRUE when the checks ran (look at @out_problems for the verdict)
 */
gboolean
docket_store_check (DocketStore  *self,
                    GPtrArray   **out_problems,
                    GError      **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DocketStmt) integrity = NULL;
  g_autoptr(DocketStmt) keys = NULL;
  g_autoptr(DocketStmt) triggers = NULL;
  gboolean row = FALSE;
  gint64 n_triggers;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_problems != NULL, FALSE);

  integrity = _docket_store_prepare (self, "PRAGMA integrity_check", error);
  if (integrity == NULL)
    return FALSE;
  while (_docket_store_step (self, integrity, &row, error) && row)
    {
      const char *text = (const char *) sqlite3_column_text (integrity, 0);

      if (g_strcmp0 (text, "ok") != 0)
        add_problem (problems, text);
    }

  keys = _docket_store_prepare (self, "PRAGMA foreign_key_check", error);
  if (keys == NULL)
    return FALSE;
  while (_docket_store_step (self, keys, &row, error) && row)
    {
      g_autofree char *text =
        g_strdup_printf (_("Record %lld of “%s” refers to a missing “%s”."),
                         (long long) sqlite3_column_int64 (keys, 1),
                         sqlite3_column_text (keys, 0), sqlite3_column_text (keys, 2));
      add_problem (problems, text);
    }

  triggers = _docket_store_prepare (self,
                                    "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                    "AND name IN ('audit_log_no_update', 'audit_log_no_delete', "
                                    "'audit_log_no_replace')",
                                    error);
  if (triggers == NULL || !_docket_store_step (self, triggers, &row, error))
    return FALSE;
  n_triggers = sqlite3_column_int64 (triggers, 0);
  if (n_triggers != 3)
    add_problem (problems, _("The audit log is no longer protected against changes."));

  *out_problems = g_steal_pointer (&problems);
  return TRUE;
}

/**
 * docket_store_get_organisation:
 *
 * Returns: (transfer full): the issuing body and the wording of its documents
 */
DocketOrganisation *
docket_store_get_organisation (DocketStore *self,
                               GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  DocketOrganisation *org;
  gboolean row = FALSE;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);

  stmt = _docket_store_prepare (self,
                                "SELECT issuing_body, parent_body, place_name, notice_symbol, "
                                "signing_authority, signer_name, drafting_unit "
                                "FROM organisation WHERE id = 1",
                                error);
  if (stmt == NULL || !_docket_store_step (self, stmt, &row, error))
    return NULL;
  org = docket_organisation_new ();
  if (row)
    {
      org->issuing_body = _docket_stmt_dup_text (stmt, 0);
      org->parent_body = _docket_stmt_dup_text (stmt, 1);
      org->place_name = _docket_stmt_dup_text (stmt, 2);
      org->notice_symbol = _docket_stmt_dup_text (stmt, 3);
      org->signing_authority = _docket_stmt_dup_text (stmt, 4);
      org->signer_name = _docket_stmt_dup_text (stmt, 5);
      org->drafting_unit = _docket_stmt_dup_text (stmt, 6);
    }
  return org;
}

static gboolean
set_organisation_cb (DocketStore *self,
                     gpointer     data,
                     GError     **error)
{
  const DocketOrganisation *org = data;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = _docket_audit_fields_new ();
  const char *values[] = {
    org->issuing_body, org->parent_body, org->place_name, org->notice_symbol,
    org->signing_authority, org->signer_name, org->drafting_unit,
  };
  const char *keys[] = {
    "issuing_body", "parent_body", "place_name", "notice_symbol", "signing_authority",
    "signer_name", "drafting_unit",
  };

  stmt = _docket_store_prepare (self,
                                "INSERT INTO organisation (id, issuing_body, parent_body, "
                                "place_name, notice_symbol, signing_authority, signer_name, "
                                "drafting_unit, updated_at, updated_by) "
                                "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                "ON CONFLICT (id) DO UPDATE SET "
                                "issuing_body = excluded.issuing_body, "
                                "parent_body = excluded.parent_body, "
                                "place_name = excluded.place_name, "
                                "notice_symbol = excluded.notice_symbol, "
                                "signing_authority = excluded.signing_authority, "
                                "signer_name = excluded.signer_name, "
                                "drafting_unit = excluded.drafting_unit, "
                                "updated_at = excluded.updated_at, "
                                "updated_by = excluded.updated_by",
                                error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      _docket_stmt_bind_text (stmt, i + 1, values[i] != NULL ? values[i] : "");
      _docket_audit_add_text (fields, keys[i], values[i]);
    }
  _docket_stmt_bind_update_stamp (self, stmt, G_N_ELEMENTS (values) + 1);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_ORGANISATION);
  return _docket_store_audit (self, "organisation", 1, "update", fields, error);
}

/**
 * docket_store_set_organisation:
 *
 * Replaces the organisation settings; %NULL fields are stored empty.
 */
gboolean
docket_store_set_organisation (DocketStore              *self,
                               const DocketOrganisation *organisation,
                               GError                  **error)
{
  const char *values[7];

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (organisation != NULL, FALSE);

  values[0] = organisation->issuing_body;
  values[1] = organisation->parent_body;
  values[2] = organisation->place_name;
  values[3] = organisation->notice_symbol;
  values[4] = organisation->signing_authority;
  values[5] = organisation->signer_name;
  values[6] = organisation->drafting_unit;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (values[i] != NULL && !g_utf8_validate (values[i], -1, NULL))
      {
        g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                     _("The organisation settings contain characters Docket cannot read. "
                       "Type them again."));
        return FALSE;
      }

  return _docket_store_write (self, set_organisation_cb, (gpointer) organisation, error);
}
