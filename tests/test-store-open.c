/* test-store-open.c: opening, creating, refusing and migrating database files
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "docket-store-private.h"
#include "docket-store-backup.h"
#include "docket-store-cache.h"
#include "docket-store-search.h"
#include "docket-store-units.h"
#include "docket-test-support.h"

/* The names in a folder, sorted and joined, to prove no -wal, -shm or -journal
 * file appeared next to a refused file. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static char *
list_folder (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static int
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static gint64
query_int (DocketStore *store,
           const char  *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (_docket_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (DocketStore *store,
            const char  *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (_docket_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* A closed Docket database with one unit in it. */
static char *
make_docket_file (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "docket.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = docket_store_open (path, &error);
  g_autoptr(DocketUnit) unit = docket_unit_new ();

  g_assert_no_error (error);
  unit->name = g_strdup ("Phòng Nội vụ");
  g_assert_cmpint (docket_store_add_unit (store, unit, &error), >, 0);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* Opens @path, expects the refusal @code with a message naming the file, and
 * checks that the file and its folder are exactly as before. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *listing_before = list_folder (dir);
  g_autoptr(GBytes) before = g_file_test (path, G_FILE_TEST_IS_REGULAR)
                             ? docket_test_read_file (path) : NULL;
  g_autofree char *listing_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = NULL;

  store = docket_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, DOCKET_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));

  listing_after = list_folder (dir);
  g_assert_cmpstr (listing_after, ==, listing_before);
  if (before != NULL)
    {
      g_autoptr(GBytes) after = docket_test_read_file (path);

      g_assert_true (g_bytes_equal (before, after));
    }
}

static void
test_open_creates (void)
{
  char *dir = docket_test_tmpdir_new ();
  g_autofree char *parent = g_build_filename (dir, "data", NULL);
  g_autofree char *folder = g_build_filename (parent, "docket", NULL);
  g_autofree char *path = g_build_filename (folder, "docket.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *mode = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = NULL;

  store = docket_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (docket_store_get_path (store), ==, path);

  g_assert_cmpint (file_mode (parent), ==, 0700);
  g_assert_cmpint (file_mode (folder), ==, 0700);
  g_assert_cmpint (file_mode (path), ==, 0600);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    g_assert_cmpint (file_mode (wal), ==, 0600);

  g_assert_cmpint (docket_store_get_schema_version (store), ==,
                   docket_store_get_latest_schema_version ());
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==,
                   docket_store_get_latest_schema_version ());
  g_assert_cmpint (query_int (store, "PRAGMA application_id"), ==, DOCKET_STORE_APPLICATION_ID);
  mode = query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (store, "PRAGMA synchronous"), ==, 2);  /* FULL */
  g_assert_cmpint (query_int (store, "PRAGMA busy_timeout"), ==, 5000);

  g_clear_object (&store);
  docket_test_tmpdir_free (dir);
}

static void
test_open_reopens (void)
{
  char *dir = docket_test_tmpdir_new ();
  g_autofree char *path = make_docket_file (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = docket_store_open (path, &error);
  g_autoptr(GPtrArray) units = NULL;

  g_assert_no_error (error);
  units = docket_store_list_units (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 1);
  g_assert_cmpstr (((DocketUnit *) units->pdata[0])->name, ==, "Phòng Nội vụ");

  g_clear_object (&store);
  docket_test_tmpdir_free (dir);
}

static gint64
cache_size (DocketStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (_docket_store_get_db (store), "PRAGMA cache_size", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* A connection's page cache is bounded on its own: another connection to the same
 * file keeps the default. */
static void
test_open_cache_size (void)
{
  char *dir = docket_test_tmpdir_new ();
  g_autofree char *path = make_docket_file (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = docket_store_open (path, &error);
  g_autoptr(DocketStore) other = NULL;
  gint64 initial;

  g_assert_no_error (error);
  other = docket_store_open (path, &error);
  g_assert_no_error (error);
  initial = cache_size (other);
  g_assert_true (docket_store_set_cache_size (store, 4096, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cache_size (store), ==, -4096);
  g_assert_cmpint (cache_size (other), ==, initial);
  g_assert_cmpint (initial, !=, -4096);

  /* A worker's connection is opened with its cache bounded; a file that cannot be
   * opened gives the opening's error. */
  {
    g_autoptr(DocketStore) worker = docket_store_open_with_cache (path, 2048, &error);
    g_autofree char *folder_path = g_build_filename (dir, "not-a-file", NULL);

    g_assert_no_error (error);
    g_assert_cmpint (cache_size (worker), ==, -2048);
    g_assert_cmpint (cache_size (other), ==, initial);
    g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
    g_assert_null (docket_store_open_with_cache (folder_path, 2048, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  g_clear_object (&store);
  g_clear_object (&other);
  docket_test_tmpdir_free (dir);
}

static void
test_open_default_path (void)
{
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "docket", "docket.db", NULL);
  g_autofree char *from_env = NULL;
  g_autofree char *from_xdg = NULL;

  g_setenv ("DOCKET_DATABASE", "/somewhere/else.db", TRUE);
  from_env = docket_store_dup_default_path ();
  g_assert_cmpstr (from_env, ==, "/somewhere/else.db");
  g_unsetenv ("DOCKET_DATABASE");
  from_xdg = docket_store_dup_default_path ();
  g_assert_cmpstr (from_xdg, ==, expected);
}

static void
test_refuses_newer (void)
{
  char *dir = docket_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "docket.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = NULL;
  g_autofree DocketMigration *newer = NULL;
  const DocketMigration *list;
  guint n;

  /* A newer Docket: one more migration than this one knows. */
  list = _docket_store_get_migrations (&n);
  newer = g_new0 (DocketMigration, n + 1);
  memcpy (newer, list, n * sizeof *list);
  newer[n].version = n + 1;
  newer[n].sql = "CREATE TABLE from_the_future (x INTEGER);";
  store = _docket_store_open_with_migrations (path, newer, n + 1, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  assert_refused (path, DOCKET_STORE_ERROR_NEWER_VERSION);

  docket_test_tmpdir_free (dir);
}

static void
test_refuses_text_file (void)
{
  char *dir = docket_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);

  g_assert_true (g_file_set_contents (path, "Biên bản họp giao ban\nnot a database\n", -1, NULL));
  assert_refused (path, DOCKET_STORE_ERROR_NOT_DOCKET);

  /* A file shorter than the SQLite magic. */
  g_assert_true (g_file_set_contents (path, "x", -1, NULL));
  assert_refused (path, DOCKET_STORE_ERROR_NOT_DOCKET);

  docket_test_tmpdir_free (dir);
}

static void
make_sqlite_file (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_refuses_other_sqlite (void)
{
  char *dir = docket_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "contacts.db", NULL);
  g_autofree char *wal_path = g_build_filename (dir, "wal.db", NULL);
  g_autofree char *app_path = g_build_filename (dir, "app.db", NULL);

  make_sqlite_file (path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Lan');");
  assert_refused (path, DOCKET_STORE_ERROR_NOT_DOCKET);

  make_sqlite_file (wal_path, "PRAGMA journal_mode = WAL; CREATE TABLE t (x);");
  assert_refused (wal_path, DOCKET_STORE_ERROR_NOT_DOCKET);

  /* Another program's file, even an empty one, is announced by its application_id. */
  make_sqlite_file (app_path, "PRAGMA application_id = 1234;");
  assert_refused (app_path, DOCKET_STORE_ERROR_NOT_DOCKET);

  docket_test_tmpdir_free (dir);
}

static void
test_refuses_folder (void)
{
  char *dir = docket_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "docket.db", NULL);

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  assert_refused (path, DOCKET_STORE_ERROR_NOT_DOCKET);

  docket_test_tmpdir_free (dir);
}

static void
write_bytes (const char *path,
             GBytes     *bytes,
             gsize       length)
{
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), length, NULL));
}

static void
test_refuses_truncated (void)
{
  char *dir = docket_test_tmpdir_new ();
  g_autofree char *path = make_docket_file (dir);
  g_autoptr(GBytes) whole = docket_test_read_file (path);
  gsize size = g_bytes_get_size (whole);

  /* Cut at a page boundary: the header still promises the missing pages. */
  write_bytes (path, whole, size / 2 - (size / 2) % 4096);
  assert_refused (path, DOCKET_STORE_ERROR_DAMAGED);

  /* Cut in the middle of a page. */
  write_bytes (path, whole, size - 1000);
  assert_refused (path, DOCKET_STORE_ERROR_DAMAGED);

  /* Only part of the header is left. */
  write_bytes (path, whole, 60);
  assert_refused (path, DOCKET_STORE_ERROR_DAMAGED);

  docket_test_tmpdir_free (dir);
}

static void
test_refuses_corrupt (void)
{
  char *dir = docket_test_tmpdir_new ();
  g_autofree char *path = make_docket_file (dir);
  g_autoptr(GBytes) whole = docket_test_read_file (path);
  gsize size = g_bytes_get_size (whole);
  g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (whole, NULL), size);

  /* Scribble over the second and third pages (the first b-tree pages of the
   * schema's tables), keeping the header intact. */
  for (gsize i = 4096; i < 3 * 4096 && i < size; i++)
    data[i] = (guint8) (i * 7 + 13);
  g_assert_true (g_file_set_contents (path, (const char *) data, size, NULL));
  assert_refused (path, DOCKET_STORE_ERROR_DAMAGED);

  /* An impossible page size in the header. */
  memcpy (data, g_bytes_get_data (whole, NULL), size);
  data[16] = 0x03;
  data[17] = 0x00;
  g_assert_true (g_file_set_contents (path, (const char *) data, size, NULL));
  assert_refused (path, DOCKET_STORE_ERROR_DAMAGED);

  docket_test_tmpdir_free (dir);
}

/* "Read-only location", honestly testable as root too: root bypasses permission
 * bits, so the cases that must hold for everyone are places where no one can
 * create a file — a path whose "folder" is a regular file, and a path inside
 * /proc.  The permission-bit cases run only for a normal user. */
static void
test_refuses_read_only_location (void)
{
  char *dir = docket_test_tmpdir_new ();
  g_autofree char *file = g_build_filename (dir, "file.txt", NULL);
  g_autofree char *under_file = g_build_filename (file, "docket", "docket.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = NULL;

  g_assert_true (g_file_set_contents (file, "hello", -1, NULL));
  before = list_folder (dir);
  store = docket_store_open (under_file, &error);
  g_assert_null (store);
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, file));
  after = list_folder (dir);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  if (g_file_test ("/proc/self/status", G_FILE_TEST_EXISTS))
    {
      store = docket_store_open ("/proc/docket-test/docket.db", &error);
      g_assert_null (store);
      g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_READ_ONLY);
      g_clear_error (&error);

      store = docket_store_open ("/proc/self/docket.db", &error);
      g_assert_null (store);
      g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_READ_ONLY);
      g_clear_error (&error);
    }

  docket_test_tmpdir_free (dir);
}

static void
test_refuses_read_only_file (void)
{
  char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *sub_path = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root ignores permission bits; see /docket/store/open/refuses-read-only-location");
      return;
    }

  dir = docket_test_tmpdir_new ();
  path = make_docket_file (dir);
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  assert_refused (path, DOCKET_STORE_ERROR_READ_ONLY);

  /* A writable file in a read-only folder: WAL could not create its files. */
  sub = g_build_filename (dir, "sub", NULL);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  sub_path = make_docket_file (sub);
  g_assert_cmpint (g_chmod (sub, 0500), ==, 0);
  assert_refused (sub_path, DOCKET_STORE_ERROR_READ_ONLY);

  docket_test_tmpdir_free (dir);
}

/* Schema of a database as text, to compare a migrated file with a new one. */
static char *
dump_schema (DocketStore *store)
{
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (_docket_store_get_db (store),
                                       "SELECT type, name, sql FROM sqlite_master "
                                       "ORDER BY type, name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s %s %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

/* Data typed into a file of each version, to check it survives the migrations.
 * Append a row when a migration is appended. */
static const char *fixtures[] = {
  /* version 0: an empty file */
  NULL,
  /* version 1 */
  "INSERT INTO units (id, kind, name, name_folded, created_at, updated_at, updated_by) "
  "VALUES (7, 0, 'Phòng Tư pháp', 'phong tu phap', 1, 1, 'test');"
  "INSERT INTO meetings (id, title, title_folded, date, created_at, updated_at, updated_by) "
  "VALUES (3, 'Hội nghị', 'hoi nghi', '2026-04-27', 1, 1, 'test');"
  "INSERT INTO items (id, meeting_id, content, lead_unit_id, deadline, created_at, "
  "updated_at, updated_by) VALUES (5, 3, 'Cải cách hành chính', 7, '2026-09-30', 1, 1, 'test');",
  /* version 2: the items list columns */
  "INSERT INTO items (id, meeting_id, content, content_folded, lead_unit_id, lead_unit_folded, "
  "meeting_date, created_at, updated_at, updated_by) VALUES (6, 3, 'Khác', 'khac', 7, "
  "'phong tu phap', '2026-04-27', 1, 1, 'test');",
  /* version 3: the report index, no new columns */
  "UPDATE items SET assigned_on = '2026-04-27' WHERE id = 6;",
  /* version 4: the pending reminders index, no new columns */
  "INSERT INTO reminder_log (item_id, unit_id, kind, day, claimed_at) "
  "VALUES (6, 7, 'overdue', '2026-10-01', 1);",
  /* version 5: covering list indexes, no new columns */
  "UPDATE items SET deadline = '2026-09-30' WHERE id = 6;",
  /* version 6: the search index, filled by its triggers from here on */
  "UPDATE items SET content = 'Đường giao thông' WHERE id = 6;",
  /* version 7: the search queue; written with raw SQL, replayed at the next open */
  "INSERT INTO items (id, meeting_id, content, content_folded, lead_unit_id, lead_unit_folded, "
  "meeting_date, created_at, updated_at, updated_by) VALUES (9, 3, 'Chợ phiên', 'cho phien', 7, "
  "'phong tu phap', '2026-04-27', 1, 1, 'test');",
  /* version 8: fewer indexes and the report's ranges, no new columns */
  "UPDATE items SET state = 2, completed_on = '2026-10-02' WHERE id = 6;",
  /* version 9: the search index made again, its rowids by kind */
  "UPDATE items SET content = 'Đường giao thông nông thôn' WHERE id = 6;",
  /* version 10: the report's counters by month, kept by triggers from here on */
  "UPDATE items SET state = 1, assigned_on = '2026-05-04' WHERE id = 5;",
};

/* The report's counters (schema v10) hold exactly what the items say, both ways
 * (a counter may stay at zero). */
#define DONE_GROUPS \
  "SELECT lead_unit_id, ifnull (completed_on > deadline, 0), substr (completed_on, 1, 7), " \
  "count (*) FROM items WHERE state = 2 AND completed_on IS NOT NULL GROUP BY 1, 2, 3"
#define DONE_COUNTERS "SELECT lead_unit_id, late, month, n FROM report_done_months WHERE n <> 0"
#define OPEN_GROUPS \
  "SELECT lead_unit_id, ifnull (substr (deadline, 1, 7), 'none'), count (*) FROM items " \
  "WHERE state IN (0, 1, 3) GROUP BY 1, 2"
#define OPEN_COUNTERS "SELECT lead_unit_id, due, n FROM report_open_months WHERE n <> 0"
#define ASSIGNED_GROUPS \
  "SELECT ifnull (substr (assigned_on, 1, 7), ''), lead_unit_id, " \
  "ifnull (substr (deadline, 1, 7), 'none'), count (*) FROM items " \
  "WHERE state IN (0, 1, 3) GROUP BY 1, 2, 3"
#define ASSIGNED_COUNTERS \
  "SELECT assigned, lead_unit_id, due, n FROM report_open_assigned WHERE n <> 0"

static void
assert_counters_follow_items (DocketStore *store)
{
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM (" DONE_GROUPS " EXCEPT "
                                     DONE_COUNTERS ")"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM (" DONE_COUNTERS " EXCEPT "
                                     DONE_GROUPS ")"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM (" OPEN_GROUPS " EXCEPT "
                                     OPEN_COUNTERS ")"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM (" OPEN_COUNTERS " EXCEPT "
                                     OPEN_GROUPS ")"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM (" ASSIGNED_GROUPS " EXCEPT "
                                     ASSIGNED_COUNTERS ")"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM (" ASSIGNED_COUNTERS " EXCEPT "
                                     ASSIGNED_GROUPS ")"), ==, 0);
}

static void
test_migrates_from_every_version (void)
{
  const DocketMigration *list;
  guint n;
  g_autofree char *fresh_schema = NULL;

  list = _docket_store_get_migrations (&n);
  g_assert_cmpuint (G_N_ELEMENTS (fixtures), ==, n + 1);

  {
    char *dir = docket_test_tmpdir_new ();
    g_autofree char *path = g_build_filename (dir, "fresh.db", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(DocketStore) store = docket_store_open (path, &error);

    g_assert_no_error (error);
    fresh_schema = dump_schema (store);
    g_clear_object (&store);
    docket_test_tmpdir_free (dir);
  }

  /* Up to the newest version too: raw writes to a current file, opened again. */
  for (guint version = 0; version <= n; version++)
    {
      char *dir = docket_test_tmpdir_new ();
      g_autofree char *path = g_build_filename (dir, "docket.db", NULL);
      g_autofree char *schema = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(DocketStore) store = NULL;
      g_autoptr(GPtrArray) backups = NULL;

      g_test_message ("migrating from version %u", version);
      store = _docket_store_open_with_migrations (path, list, version, &error);
      g_assert_no_error (error);
      for (guint v = 1; v <= version; v++)
        g_assert_cmpint (sqlite3_exec (_docket_store_get_db (store), fixtures[v], NULL, NULL, NULL),
                         ==, SQLITE_OK);
      g_clear_object (&store);

      store = docket_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (docket_store_get_schema_version (store), ==, n);
      g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, n);
      schema = dump_schema (store);
      g_assert_cmpstr (schema, ==, fresh_schema);
      if (version >= 1)
        g_assert_cmpint (query_int (store, "SELECT count (*) FROM units WHERE id = 7"), ==, 1);
      /* Version 2 fills the list columns of the items already there. */
      if (version == 1)
        g_assert_cmpint (query_int (store, "SELECT count (*) FROM items WHERE id = 5 AND "
                                           "content_folded = 'cai cach hanh chinh' AND "
                                           "lead_unit_folded = 'phong tu phap' AND "
                                           "meeting_date = '2026-04-27'"), ==, 1);
      /* Version 6 indexes the records already there, folded; the triggers keep the
       * records changed since in step. */
      if (version >= 1)
        g_assert_cmpint (query_int (store, "SELECT count (*) FROM search_index WHERE "
                                           "search_index MATCH 'folded : \"cai cach\"'"), ==, 1);
      /* Version 9 keys the index by kind (every file is migrated to it); the update
       * made under version 6's triggers is there, and the index forgot the old text. */
      if (version >= 2)
        g_assert_cmpint (query_int (store, version >= 6
                                           ? "SELECT rowid FROM search_index WHERE "
                                             "search_index MATCH 'original : đường'"
                                           : "SELECT rowid FROM search_index WHERE "
                                             "search_index MATCH 'original : khác'"), ==,
                         ((gint64) DOCKET_SEARCH_KIND_ITEM << 56) + 6);
      if (version >= 6)
        g_assert_cmpint (query_int (store, "SELECT count (*) FROM search_index WHERE "
                                           "search_index MATCH 'original : khác'"), ==, 0);
      /* Version 7: what raw SQL queued is in the index after the open, the queue empty. */
      if (version >= 7)
        g_assert_cmpint (query_int (store, "SELECT rowid FROM search_index WHERE "
                                           "search_index MATCH 'folded : \"cho phien\"'"), ==,
                         ((gint64) DOCKET_SEARCH_KIND_ITEM << 56) + 9);
      /* Version 9: written raw through its triggers, queued, then indexed. */
      if (version >= 9)
        g_assert_cmpint (query_int (store, "SELECT rowid FROM search_index WHERE "
                                           "search_index MATCH 'folded : \"nong thon\"'"), ==,
                         ((gint64) DOCKET_SEARCH_KIND_ITEM << 56) + 6);
      g_assert_cmpint (query_int (store, "SELECT count (*) FROM search_queue"), ==, 0);
      /* Version 10 counts the items already there by month; its triggers follow the
       * changes written since. */
      assert_counters_follow_items (store);
      if (version >= 8)
        g_assert_cmpint (query_int (store, "SELECT n FROM report_done_months WHERE "
                                           "lead_unit_id = 7 AND late = 1 AND month = '2026-10'"), ==, 1);
      if (version >= 1)
        g_assert_cmpint (query_int (store, "SELECT n FROM report_open_months WHERE "
                                           "lead_unit_id = 7 AND due = '2026-09'"), ==,
                         version >= 8 ? 1 : version >= 5 ? 2 : 1);

      /* A file with records is backed up before its schema changes. */
      backups = docket_store_list_backups (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (backups->len, ==, version >= 1 && version < n ? 1 : 0);

      g_clear_object (&store);
      docket_test_tmpdir_free (dir);
    }
}

static void
test_migration_backup_and_rollback (void)
{
  char *dir = docket_test_tmpdir_new ();
  g_autofree char *path = make_docket_file (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree DocketMigration *next = NULL;
  const DocketMigration *list;
  DocketBackup *backup;
  guint n;

  list = _docket_store_get_migrations (&n);
  next = g_new0 (DocketMigration, n + 1);
  memcpy (next, list, n * sizeof *list);
  next[n].version = n + 1;

  /* A migration that fails half-way leaves the file at its version, whole. */
  next[n].sql = "CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);";
  store = _docket_store_open_with_migrations (path, next, n + 1, &error);
  g_assert_null (store);
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED);
  g_clear_error (&error);

  store = docket_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, n);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM sqlite_master WHERE name = 'half_done'"),
                   ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM units"), ==, 1);
  g_clear_object (&store);

  /* A migration that works, after a backup named for the old version. */
  next[n].sql = "CREATE TABLE next_version (x);";
  store = _docket_store_open_with_migrations (path, next, n + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, n + 1);
  backups = docket_store_list_backups (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, >=, 1);
  backup = backups->pdata[0];
  g_assert_true (g_str_has_prefix (backup->kind, "pre-migration-v"));
  g_assert_cmpint (file_mode (backup->path), ==, 0600);

  g_clear_object (&store);
  docket_test_tmpdir_free (dir);
}

static void
test_open_empty_file (void)
{
  char *dir = docket_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "docket.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = NULL;

  /* A zero-byte file (say, made by `touch`) holds nothing to lose. */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = docket_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (docket_store_get_schema_version (store), ==,
                   docket_store_get_latest_schema_version ());

  g_clear_object (&store);
  docket_test_tmpdir_free (dir);
}

static void
test_closed_store_fails (void)
{
  char *dir = docket_test_tmpdir_new ();
  g_autofree char *path = make_docket_file (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = docket_store_open (path, &error);
  g_autoptr(GPtrArray) units = NULL;

  g_assert_no_error (error);
  docket_store_close (store);
  g_assert_false (docket_store_is_open (store));
  units = docket_store_list_units (store, TRUE, &error);
  g_assert_null (units);
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED);

  g_clear_object (&store);
  docket_test_tmpdir_free (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docket/store/open/creates", test_open_creates);
  g_test_add_func ("/docket/store/open/reopens", test_open_reopens);
  g_test_add_func ("/docket/store/open/cache-size", test_open_cache_size);
  g_test_add_func ("/docket/store/open/default-path", test_open_default_path);
  g_test_add_func ("/docket/store/open/empty-file", test_open_empty_file);
  g_test_add_func ("/docket/store/open/closed-store-fails", test_closed_store_fails);
  g_test_add_func ("/docket/store/open/refuses-newer", test_refuses_newer);
  g_test_add_func ("/docket/store/open/refuses-text-file", test_refuses_text_file);
  g_test_add_func ("/docket/store/open/refuses-other-sqlite", test_refuses_other_sqlite);
  g_test_add_func ("/docket/store/open/refuses-folder", test_refuses_folder);
  g_test_add_func ("/docket/store/open/refuses-truncated", test_refuses_truncated);
  g_test_add_func ("/docket/store/open/refuses-corrupt", test_refuses_corrupt);
  g_test_add_func ("/docket/store/open/refuses-read-only-location", test_refuses_read_only_location);
  g_test_add_func ("/docket/store/open/refuses-read-only-file", test_refuses_read_only_file);
  g_test_add_func ("/docket/store/open/migrates-from-every-version", test_migrates_from_every_version);
  g_test_add_func ("/docket/store/open/migration-backup-and-rollback", test_migration_backup_and_rollback);

  return g_test_run ();
}
