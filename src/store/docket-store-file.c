/* docket-store-file.c: looking at a database file before opening it for writing
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file that is not a Docket database, one from a newer Docket, a damaged one, or
 * one in a place Docket cannot write is refused before anything opens it for
 * writing, so it is never changed (issue 3); a new file is created with mode 0600
 * in a 0700 folder.  docket-store.c opens what passes.
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "docket-store-private.h"

/* Above this size the full quick_check at opening would keep a person waiting, so
 * bigger files get the cheap header and size checks at opening and report damage
 * when a query meets it (SQLITE_CORRUPT → DOCKET_STORE_ERROR_DAMAGED), or through
 * docket_store_check().  */
#define QUICK_CHECK_MAX_BYTES (128 * 1024 * 1024)

/* Looking at a file before opening it for writing. */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
set_not_docket_error (const char *path,
                      GError    **error)
{
  g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_DOCKET,
               /* Translators: %s is a file name */
               _("“%s” is not a Docket database, so Docket has not opened it and has not "
                 "changed it. Choose another file, or start a new database under another "
                 "name."),
               path);
}

static void
set_damaged_error (const char *path,
                   GError    **error)
{
  g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_DAMAGED,
               /* Translators: %s is a file name */
               _("“%s” is damaged or incomplete, so Docket has not opened it and has not "
                 "changed it. Restore the latest backup, or ask your administrator to "
                 "repair the file."),
               path);
}

static void
set_read_only_error (const char *path,
                     GError    **error)
{
  g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_READ_ONLY,
               /* Translators: %s is a file name */
               _("Docket cannot save changes to “%s” because the file or its folder is "
                 "read-only. Docket has not changed it. Ask your administrator for write "
                 "access, or copy the file to a folder of your own."),
               path);
}

static void
set_newer_error (const char *path,
                 GError    **error)
{
  g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NEWER_VERSION,
               /* Translators: %s is a file name */
               _("Docket cannot open “%s”: it was made by a newer version of Docket. "
                 "Install the newer version, or open another file."),
               path);
}

/* Checks the 100-byte SQLite header without SQLite, so that nothing (no -wal, no
 * -shm, no journal) can be created next to a file that turns out not to be ours. */
static gboolean
inspect_header (const char *path,
                gboolean    has_wal,
                gint64      file_size,
                GError    **error)
{
  static const char magic[16] = "SQLite format 3";  /* with its NUL: 16 bytes */
  guint8 header[100] = { 0 };
  gssize n_read = 0;
  guint page_size;
  guint32 page_count;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_read_only_error (path, error);
      return FALSE;
    }
  n_read = read (fd, header, sizeof header);
  close (fd);

  if (n_read < 0)
    {
      set_damaged_error (path, error);
      return FALSE;
    }
  if (memcmp (header, magic, MIN ((gsize) n_read, sizeof magic)) != 0)
    {
      set_not_docket_error (path, error);
      return FALSE;
    }
  if (n_read < (gssize) sizeof header)
    {
      set_damaged_error (path, error);
      return FALSE;
    }

  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
    {
      set_damaged_error (path, error);
      return FALSE;
    }

  /* A truncated file: the header's page count is valid when the change counter
   * matches "version valid for"; with a -wal present the main file may lag behind,
   * so only SQLite can judge. */
  page_count = read_be32 (header + 28);
  if (!has_wal &&
      (file_size % page_size != 0 ||
       (page_count > 0 && read_be32 (header + 24) == read_be32 (header + 92) &&
        (guint64) file_size < (guint64) page_count * page_size)))
    {
      set_damaged_error (path, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_docket_store_query_int (sqlite3    *db,
                         const char *sql,
                         gint64     *out_value)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *out_value = sqlite3_column_int64 (stmt, 0);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
quick_check_ok (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  return ok;
}

/* Opens read-only for the look at an existing file.  Without a -wal file the
 * connection is `immutable`: SQLite then creates nothing and takes no lock.  With
 * a -wal file (another Docket has the file open, or it crashed), the newest content
 * may be in that -wal, so SQLite must read it. */
static sqlite3 *
open_for_inspection (const char *path,
                     gboolean    has_wal)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro%s", escaped,
                                          has_wal ? "" : "&immutable=1");
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    g_clear_pointer (&db, sqlite3_close);
  return db;
}

gboolean
_docket_store_file_inspect (const char *path,
                            int         latest_version,
                            FileKind   *out_kind,
                            GError    **error)
{
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st, wal_st;
  gboolean has_wal;
  sqlite3 *db;
  gint64 app_id = 0, version = 0, n_tables = 0;
  gboolean ok;

  if (g_stat (path, &st) != 0)
    {
      *out_kind = FILE_ABSENT;
      return TRUE;
    }
  if (!S_ISREG (st.st_mode))
    {
      set_not_docket_error (path, error);
      return FALSE;
    }
  has_wal = g_stat (wal_path, &wal_st) == 0 && wal_st.st_size > 0;

  if (st.st_size == 0 && !has_wal)
    {
      *out_kind = FILE_EMPTY;
    }
  else
    {
      if (!inspect_header (path, has_wal, st.st_size, error))
        return FALSE;

      db = open_for_inspection (path, has_wal);
      if (db == NULL)
        {
          set_damaged_error (path, error);
          return FALSE;
        }
      ok = _docket_store_query_int (db, "PRAGMA application_id", &app_id) &&
           _docket_store_query_int (db, "PRAGMA user_version", &version) &&
           _docket_store_query_int (db, "SELECT count(*) FROM sqlite_master", &n_tables);
      if (ok && app_id == DOCKET_STORE_APPLICATION_ID && version <= latest_version &&
          st.st_size <= QUICK_CHECK_MAX_BYTES)
        ok = quick_check_ok (db);
      sqlite3_close (db);

      if (!ok)
        {
          set_damaged_error (path, error);
          return FALSE;
        }
      if (app_id != DOCKET_STORE_APPLICATION_ID && (app_id != 0 || n_tables > 0))
        {
          set_not_docket_error (path, error);
          return FALSE;
        }
      if (version > latest_version)
        {
          set_newer_error (path, error);
          return FALSE;
        }
      *out_kind = n_tables > 0 ? FILE_DOCKET : FILE_EMPTY;
    }

  /* WAL needs to create the -wal and -shm files in the folder too.  As root,
   * access() only says no for a read-only file system. */
  if (g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0)
    {
      set_read_only_error (path, error);
      return FALSE;
    }
  return TRUE;
}

/* Creates the folder (0700) and an empty file (0600) for a new database.  SQLite
 * would create the file with 0644 minus the umask; creating it first decides its
 * mode, and SQLite gives its -wal and -shm files the mode of the database. */
gboolean
_docket_store_file_create (const char *path,
                           GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_READ_ONLY,
                       /* Translators: the first %s is a folder, the second the reason */
                       _("Docket cannot create the folder “%s” for its database (%s). "
                         "Choose another location, or ask your administrator."),
                       dir, g_strerror (saved_errno));
          return FALSE;
        }
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_READ_ONLY,
                   /* Translators: the first %s is a file name, the second the reason */
                   _("Docket cannot create its database “%s” (%s). Choose another "
                     "location, or ask your administrator."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

void
_docket_store_file_remove (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
}
