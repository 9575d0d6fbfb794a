/* docket-store-backup.c: copies of the database, made with SQLite's online backup API
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups live in a `backups` folder (0700) next to the database, one file (0600) per
 * backup, named after the database: `NAME-YYYYMMDD-HHMMSS-KIND.db` for `NAME.db`
 * (UTC time; `.2.db`, `.3.db` … when two are made in the same second), so the default
 * `docket.db` has `docket-…` backups.  Several databases in one folder share the
 * `backups` folder, but each lists, counts, rotates and restores only its own.  The
 * kinds:
 *
 * - `daily`: made by docket_store_maybe_backup() at most once a calendar day (local
 *   time), and only when the records changed since the newest backup.
 * - `manual`: docket_store_backup_now().
 * - `pre-restore`: the current file, copied before a restore replaces it.
 * - `pre-migration-vN`: a version N file, copied before its schema is upgraded.
 *
 * Rotation (after each automatic backup): of the `daily` backups, keep the newest of
 * each of the 7 most recent days that have one, and the newest of each of the 4 most
 * recent weeks (Monday to Sunday) that have one — a backup may count for both, so at
 * most 11 remain and the oldest reaches back about four weeks.  Of every other kind,
 * the 5 newest are kept.  Nothing else in the folder is ever touched, another
 * database's backups included.
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "docket-store-backup.h"
#include "docket-store-private.h"

#define KEEP_DAYS 7
#define KEEP_WEEKS 4
#define KEEP_OTHER 5

void
docket_backup_free (DocketBackup *backup)
{
  if (backup == NULL)
    return;
  g_free (backup->path);
  g_free (backup->kind);
  g_free (backup);
}

/* The start of the names of @db_path's backups: "docket" for docket.db. */
static char *
dup_backup_stem (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);

  if (g_str_has_suffix (base, ".db") && strlen (base) > strlen (".db"))
    base[strlen (base) - strlen (".db")] = '\0';
  return g_steal_pointer (&base);
}

char *
_docket_store_dup_backup_dir (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

static void
set_backup_error (const char *path,
                  int         saved_errno,
                  GError    **error)
{
  g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED,
               /* Translators: the first %s is a file name, the second the reason */
               _("Docket could not write the backup “%s” (%s). Check that the disk has "
                 "room and that the backups folder can be written."),
               path, g_strerror (saved_errno));
}

/* Creates the backup file with O_EXCL and mode 0600 before SQLite writes to it, so
 * a backup is never readable by others and never overwrites an older one. */
static char *
create_backup_file (const char *dir,
                    const char *stem,
                    const char *kind,
                    gint64      at,
                    GError    **error)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (at);
  g_autofree char *stamp = g_date_time_format (time, "%Y%m%d-%H%M%S");

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_backup_error (dir, errno, error);
      return NULL;
    }

  for (guint n = 1; n < 100; n++)
    {
      g_autofree char *name = n == 1
        ? g_strdup_printf ("%s-%s-%s.db", stem, stamp, kind)
        : g_strdup_printf ("%s-%s-%s.%u.db", stem, stamp, kind, n);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      int fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      if (fd >= 0)
        {
          close (fd);
          return g_steal_pointer (&path);
        }
      if (errno != EEXIST)
        {
          set_backup_error (path, errno, error);
          return NULL;
        }
    }
  set_backup_error (dir, EEXIST, error);
  return NULL;
}

/* Copies every page of @src into @dest, in one pass. */
static int
copy_database (sqlite3 *dest,
               sqlite3 *src)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", src, "main");
  int rc;

  if (backup == NULL)
    return sqlite3_extended_errcode (dest);
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static char *
backup_at (DocketStore *self,
           const char  *kind,
           gint64       at,
           GError     **error)
{
  g_autofree char *dir = _docket_store_dup_backup_dir (docket_store_get_path (self));
  g_autofree char *stem = dup_backup_stem (docket_store_get_path (self));
  g_autofree char *path = NULL;
  sqlite3 *dest = NULL;
  int rc;

  g_return_val_if_fail (!_docket_store_in_transaction (self), NULL);

  if (_docket_store_get_db (self) == NULL)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED,
                   _("The database is closed. Open it again."));
      return NULL;
    }

  path = create_backup_file (dir, stem, kind, at, error);
  if (path == NULL)
    return NULL;

  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = copy_database (dest, _docket_store_get_db (self));
  /* The copy carries the WAL flag of the original; a backup is a single
   * self-contained file, so it is switched back to a rollback journal. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (dest);

  if (rc != SQLITE_OK)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_debug ("Backup to %s failed: %s", path, sqlite3_errstr (rc));
      g_unlink (wal);
      g_unlink (shm);
      g_unlink (path);
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("Docket could not write the backup “%s”. Check that the disk has "
                     "room and try again."),
                   path);
      return NULL;
    }
  return g_steal_pointer (&path);
}

char *
_docket_store_backup_to_folder (DocketStore *self,
                                const char  *kind,
                                GError     **error)
{
  return backup_at (self, kind, _docket_store_now (self), error);
}

/* Reads "STEM-YYYYMMDD-HHMMSS-KIND[.N].db"; FALSE for anything else, the backups of
 * another database included ("docket-old-…" is not a backup of docket.db: "old" is
 * not a date). */
static gboolean
parse_backup_name (const char *name,
                   const char *stem,
                   gint64     *out_at,
                   char      **out_kind)
{
  int y, mo, d, h, mi, s, consumed = 0;
  g_autofree char *rest = NULL;
  g_autoptr(GDateTime) time = NULL;
  const char *stamp;
  char *dot;

  if (!g_str_has_prefix (name, stem) || name[strlen (stem)] != '-' ||
      !g_str_has_suffix (name, ".db"))
    return FALSE;
  stamp = name + strlen (stem) + 1;
  if (!g_ascii_isdigit (stamp[0]) ||
      sscanf (stamp, "%4d%2d%2d-%2d%2d%2d-%n", &y, &mo, &d, &h, &mi, &s, &consumed) != 6 ||
      consumed != 16 || strlen (stamp + consumed) <= strlen (".db"))
    return FALSE;
  rest = g_strndup (stamp + consumed, strlen (stamp + consumed) - strlen (".db"));
  dot = strchr (rest, '.');
  if (dot != NULL)
    *dot = '\0';
  if (*rest == '\0')
    return FALSE;
  time = g_date_time_new_utc (y, mo, d, h, mi, s);
  if (time == NULL)
    return FALSE;
  *out_at = g_date_time_to_unix (time);
  *out_kind = g_steal_pointer (&rest);
  return TRUE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const DocketBackup *x = *(DocketBackup * const *) a;
  const DocketBackup *y = *(DocketBackup * const *) b;

  if (x->created_at != y->created_at)
    return x->created_at < y->created_at ? 1 : -1;
  return -g_strcmp0 (x->path, y->path);
}

static GPtrArray *
list_folder (const char *dir,
             const char *stem)
{
  GPtrArray *backups = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_backup_free);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *kind = NULL;
      DocketBackup *backup;
      GStatBuf st;
      gint64 at;

      if (!parse_backup_name (name, stem, &at, &kind))
        continue;
      backup = g_new0 (DocketBackup, 1);
      backup->path = g_build_filename (dir, name, NULL);
      backup->created_at = at;
      backup->kind = g_steal_pointer (&kind);
      backup->size = g_stat (backup->path, &st) == 0 ? st.st_size : 0;
      g_ptr_array_add (backups, backup);
    }
  g_ptr_array_sort (backups, compare_newest_first);
  return backups;
}

static int
local_day (gint64 at)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (at);

  return g_date_time_get_year (time) * 1000 + g_date_time_get_day_of_year (time);
}

static int
local_week (gint64 at)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (at);

  return g_date_time_get_week_numbering_year (time) * 100 + g_date_time_get_week_of_year (time);
}

/* Returns whether @key is among the first @limit distinct keys seen so far, and
 * records it.  Backups come newest first, so the first of a key is its newest. */
static gboolean
first_of_recent (GArray *seen,
                 int     key,
                 guint   limit)
{
  for (guint i = 0; i < seen->len; i++)
    if (g_array_index (seen, int, i) == key)
      return FALSE;
  g_array_append_val (seen, key);
  return seen->len <= limit;
}

static void
rotate (const char *dir,
        const char *stem)
{
  g_autoptr(GPtrArray) backups = list_folder (dir, stem);
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) weeks = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GHashTable) other_counts = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                              g_free, NULL);

  for (guint i = 0; i < backups->len; i++)
    {
      DocketBackup *backup = g_ptr_array_index (backups, i);
      gboolean keep;

      if (g_str_equal (backup->kind, "daily"))
        {
          /* Both are evaluated: each records its key. */
          gboolean by_day = first_of_recent (days, local_day (backup->created_at), KEEP_DAYS);
          gboolean by_week = first_of_recent (weeks, local_week (backup->created_at), KEEP_WEEKS);

          keep = by_day || by_week;
        }
      else
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (other_counts, backup->kind)) + 1;

          g_hash_table_replace (other_counts, g_strdup (backup->kind), GUINT_TO_POINTER (n));
          keep = n <= KEEP_OTHER;
        }

      if (!keep && g_unlink (backup->path) != 0)
        g_debug ("Cannot remove the old backup %s: %s", backup->path, g_strerror (errno));
    }
}

/* The time of the latest change recorded in the audit log, 0 when none. */
static gboolean
get_last_change (DocketStore *self,
                 gint64      *out_at,
                 GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;

  stmt = _docket_store_prepare (self, "SELECT at FROM audit_log ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL || !_docket_store_step (self, stmt, &row, error))
    return FALSE;
  *out_at = row ? _docket_stmt_get_int (stmt, 0) : 0;
  return TRUE;
}

/**
 * docket_store_dup_backup_folder:
 *
 * Returns: (transfer full): the folder that holds the backups of this database
 */
char *
docket_store_dup_backup_folder (DocketStore *self)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  return _docket_store_dup_backup_dir (docket_store_get_path (self));
}

/**
 * docket_store_backup_now:
 *
 * Copies the database into the backups folder now (a "manual" backup).
 *
 * Returns: (transfer full): the path of the new backup, or %NULL with @error set
 */
char *
docket_store_backup_now (DocketStore *self,
                         GError     **error)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  return _docket_store_backup_to_folder (self, "manual", error);
}

/**
 * docket_store_maybe_backup:
 * @now: the current time, UTC unix seconds
 * @out_path: (out) (optional) (transfer full): the new backup, %NULL when none
 *   was needed
 *
 * Makes the automatic daily backup when none was made today (local time) and the
 * records changed since the newest backup, then rotates the backups (see the top
 * of this file for the rule).  Call it at start and then now and then.
 *
 * Returns: %FALSE with @error set when a needed backup failed
 */
gboolean
docket_store_maybe_backup (DocketStore *self,
                           gint64       now,
                           char       **out_path,
                           GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *stem = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *path = NULL;
  gint64 last_change = 0;
  gint64 newest = 0;
  int today = local_day (now);

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);

  if (out_path != NULL)
    *out_path = NULL;
  if (!get_last_change (self, &last_change, error))
    return FALSE;

  dir = docket_store_dup_backup_folder (self);
  stem = dup_backup_stem (docket_store_get_path (self));
  backups = list_folder (dir, stem);
  for (guint i = 0; i < backups->len; i++)
    {
      DocketBackup *backup = g_ptr_array_index (backups, i);

      newest = MAX (newest, backup->created_at);
      if (g_str_equal (backup->kind, "daily") && local_day (backup->created_at) == today)
        return TRUE;
    }
  if (backups->len > 0 && last_change <= newest)
    return TRUE;

  path = backup_at (self, "daily", now, error);
  if (path == NULL)
    return FALSE;
  rotate (dir, stem);
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return TRUE;
}

/**
 * docket_store_list_backups:
 *
 * Returns: (transfer full) (element-type DocketBackup): the backups, newest first
 */
GPtrArray *
docket_store_list_backups (DocketStore *self,
                           GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *stem = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);

  dir = docket_store_dup_backup_folder (self);
  stem = dup_backup_stem (docket_store_get_path (self));
  return list_folder (dir, stem);
}

/* Looks at a backup read-only (immutable: nothing is created next to it) before it
 * replaces the records. */
static gboolean
check_backup_file (const char *path,
                   GError    **error)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 app_id = 0, version = 0;
  gboolean checked = FALSE;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is a file name */
                   _("The backup “%s” does not exist. Choose another backup."), path);
      return FALSE;
    }

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT (SELECT application_id FROM pragma_application_id), "
                              "(SELECT user_version FROM pragma_user_version), "
                              "(SELECT quick_check FROM pragma_quick_check LIMIT 1)",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      app_id = sqlite3_column_int64 (stmt, 0);
      version = sqlite3_column_int64 (stmt, 1);
      checked = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "ok") == 0;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (app_id != DOCKET_STORE_APPLICATION_ID)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_DOCKET,
                   /* Translators: %s is a file name */
                   _("“%s” is not a Docket backup, or it is damaged. Nothing was changed; "
                     "choose another backup."),
                   path);
      return FALSE;
    }
  if (version > docket_store_get_latest_schema_version ())
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NEWER_VERSION,
                   /* Translators: %s is a file name */
                   _("The backup “%s” was made by a newer version of Docket. Nothing was "
                     "changed; install the newer version to restore it."),
                   path);
      return FALSE;
    }
  if (!checked)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_DAMAGED,
                   /* Translators: %s is a file name */
                   _("The backup “%s” is damaged. Nothing was changed; choose another "
                     "backup."),
                   path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
record_restore_cb (DocketStore *self,
                   gpointer     data,
                   GError     **error)
{
  g_autoptr(DocketAuditFields) fields = _docket_audit_fields_new ();
  g_autofree char *name = g_path_get_basename (data);

  _docket_audit_add_text (fields, "backup", name);
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_ALL);
  return _docket_store_audit (self, "database", 0, "restore", fields, error);
}

/**
 * docket_store_restore_backup:
 * @backup_path: a backup file (from docket_store_list_backups() or elsewhere)
 *
 * Replaces the records with those of @backup_path.  The backup is checked first,
 * then the current records are themselves backed up ("pre-restore"), so a restore
 * can be undone.  Every `changed` detail is emitted afterwards.
 */
gboolean
docket_store_restore_backup (DocketStore *self,
                             const char  *backup_path,
                             GError     **error)
{
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *safety = NULL;
  sqlite3 *src = NULL;
  int rc;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (!_docket_store_in_transaction (self), FALSE);

  if (!check_backup_file (backup_path, error))
    return FALSE;

  safety = _docket_store_backup_to_folder (self, "pre-restore", error);
  if (safety == NULL)
    return FALSE;

  escaped = g_uri_escape_string (backup_path, "/", FALSE);
  uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
  rc = sqlite3_open_v2 (uri, &src, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    rc = copy_database (_docket_store_get_db (self), src);
  sqlite3_close (src);
  if (rc != SQLITE_OK)
    {
      _docket_store_set_error_from_sqlite (self, rc, error);
      return FALSE;
    }

  /* An older backup gets the schema of this version, as when opening a file. */
  if (!_docket_store_upgrade (self, error))
    return FALSE;

  return _docket_store_write (self, record_restore_cb, (gpointer) backup_path, error);
}
