/* test-store-backup.c: backups, their rotation, and restoring one
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "docket-store-backup.h"
#include "docket-store-private.h"
#include "docket-store-units.h"
#include "docket-test-support.h"

typedef struct
{
  char        *dir;
  DocketStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = docket_test_tmpdir_new ();
  path = g_build_filename (fixture->dir, "docket.db", NULL);
  fixture->store = docket_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  docket_test_tmpdir_free (fixture->dir);
}

static int
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
add_unit (DocketStore *store,
          const char  *name)
{
  g_autoptr(DocketUnit) unit = docket_unit_new ();
  g_autoptr(GError) error = NULL;

  unit->name = g_strdup (name);
  g_assert_cmpint (docket_store_add_unit (store, unit, &error), >, 0);
  g_assert_no_error (error);
}

static char *
unit_names (DocketStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = docket_store_list_units (store, TRUE, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < units->len; i++)
    g_string_append_printf (out, "%s;", ((DocketUnit *) units->pdata[i])->name);
  return g_string_free (out, FALSE);
}

/* The units in a backup file, read through a store opened on a copy (opening the
 * backup itself would write to it). */
static char *
unit_names_in_file (const char *backup,
                    const char *dir)
{
  g_autofree char *copy = g_build_filename (dir, "inspect.db", NULL);
  g_autoptr(GBytes) bytes = docket_test_read_file (backup);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = NULL;
  char *names;

  g_assert_true (g_file_set_contents (copy, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  store = docket_store_open (copy, &error);
  g_assert_no_error (error);
  names = unit_names (store);
  g_clear_object (&store);
  g_unlink (copy);
  return names;
}

static void
test_backup_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  DocketStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *names = NULL;
  g_autofree char *in_safety = NULL;
  g_autofree char *inspect_dir = docket_test_tmpdir_new ();
  g_autoptr(GPtrArray) backups = NULL;
  DocketBackup *newest;
  int units_signals = 0;

  add_unit (store, "Phòng Nội vụ");
  backup = docket_store_backup_now (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  folder = docket_store_dup_backup_folder (store);
  g_assert_true (g_str_has_prefix (backup, folder));
  g_assert_cmpint (file_mode (folder), ==, 0700);
  g_assert_cmpint (file_mode (backup), ==, 0600);

  add_unit (store, "Phòng Tư pháp");
  names = unit_names (store);
  g_assert_cmpstr (names, ==, "Phòng Nội vụ;Phòng Tư pháp;");
  g_clear_pointer (&names, g_free);

  g_signal_connect_swapped (store, "changed::units", G_CALLBACK (g_atomic_int_inc), &units_signals);
  g_assert_true (docket_store_restore_backup (store, backup, &error));
  g_assert_no_error (error);
  names = unit_names (store);
  g_assert_cmpstr (names, ==, "Phòng Nội vụ;");
  g_assert_cmpint (units_signals, ==, 1);

  /* The restore first saved what it replaced. */
  backups = docket_store_list_backups (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 2);
  newest = NULL;
  for (guint i = 0; i < backups->len; i++)
    if (g_str_equal (((DocketBackup *) backups->pdata[i])->kind, "pre-restore"))
      newest = backups->pdata[i];
  g_assert_nonnull (newest);
  g_assert_cmpint (file_mode (newest->path), ==, 0600);
  in_safety = unit_names_in_file (newest->path, inspect_dir);
  g_assert_cmpstr (in_safety, ==, "Phòng Nội vụ;Phòng Tư pháp;");

  /* The restored file still works and is audited. */
  add_unit (store, "Phòng Kinh tế");
  g_clear_pointer (&names, g_free);
  names = unit_names (store);
  g_assert_cmpstr (names, ==, "Phòng Kinh tế;Phòng Nội vụ;");

  docket_test_tmpdir_free (g_steal_pointer (&inspect_dir));
}

static void
test_restore_refuses (Fixture       *fixture,
                      gconstpointer  data)
{
  DocketStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.db", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  add_unit (store, "Phòng Nội vụ");
  g_assert_true (g_file_set_contents (text, "không phải cơ sở dữ liệu", -1, NULL));

  g_assert_false (docket_store_restore_backup (store, text, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_DOCKET);
  g_clear_error (&error);
  g_assert_false (docket_store_restore_backup (store, missing, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND);

  names = unit_names (store);
  g_assert_cmpstr (names, ==, "Phòng Nội vụ;");
  /* A refused restore makes no safety copy either. */
  backups = docket_store_list_backups (store, &error);
  g_assert_cmpuint (backups->len, ==, 0);
}

static gint64
at_day (int year,
        int month,
        int day)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, 9, 0, 0);

  return g_date_time_to_unix (time);
}

static void
test_daily_backup (Fixture       *fixture,
                   gconstpointer  data)
{
  DocketStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *unchanged = NULL;
  g_autofree char *changed = NULL;
  gint64 monday = at_day (2026, 3, 2);

  _docket_store_set_now_for_testing (store, monday - 3600);
  add_unit (store, "Phòng Nội vụ");

  g_assert_true (docket_store_maybe_backup (store, monday, &first, &error));
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (g_str_has_suffix (first, "docket-20260302-090000-daily.db"));

  /* Once a day at most. */
  _docket_store_set_now_for_testing (store, monday + 60);
  add_unit (store, "Phòng Tư pháp");
  g_assert_true (docket_store_maybe_backup (store, monday + 3600, &again, &error));
  g_assert_null (again);

  /* The next day, changes since the last backup: a new one. */
  g_assert_true (docket_store_maybe_backup (store, monday + 86400, &changed, &error));
  g_assert_nonnull (changed);

  /* The day after, nothing changed: none. */
  g_assert_true (docket_store_maybe_backup (store, monday + 2 * 86400, &unchanged, &error));
  g_assert_null (unchanged);
}

static void
test_rotation (Fixture       *fixture,
               gconstpointer  data)
{
  DocketStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *manual = NULL;
  g_autoptr(GString) kept = g_string_new (NULL);
  gint64 start = at_day (2026, 1, 5);  /* a Monday */

  _docket_store_set_now_for_testing (store, start - 3600);
  manual = docket_store_backup_now (store, &error);
  g_assert_no_error (error);

  /* 60 days of work, 05/01/2026 … 05/03/2026, one automatic backup a day. */
  for (int day = 0; day < 60; day++)
    {
      g_autofree char *name = g_strdup_printf ("Đơn vị %d", day);
      g_autofree char *path = NULL;

      _docket_store_set_now_for_testing (store, start + day * 86400 - 60);
      add_unit (store, name);
      g_assert_true (docket_store_maybe_backup (store, start + day * 86400, &path, &error));
      g_assert_no_error (error);
      g_assert_nonnull (path);
    }

  backups = docket_store_list_backups (store, &error);
  for (guint i = 0; i < backups->len; i++)
    {
      DocketBackup *backup = backups->pdata[i];
      g_autofree char *base = g_path_get_basename (backup->path);

      g_string_append_printf (kept, "%s\n", base);
    }
  /* The last 7 days (27/02 … 05/03) and the newest of each of the last 4 weeks:
   * 05/03 and 01/03 (already daily), 22/02 and 15/02.  The manual one stays. */
  g_assert_cmpstr (kept->str, ==,
                   "docket-20260305-090000-daily.db\n"
                   "docket-20260304-090000-daily.db\n"
                   "docket-20260303-090000-daily.db\n"
                   "docket-20260302-090000-daily.db\n"
                   "docket-20260301-090000-daily.db\n"
                   "docket-20260228-090000-daily.db\n"
                   "docket-20260227-090000-daily.db\n"
                   "docket-20260222-090000-daily.db\n"
                   "docket-20260215-090000-daily.db\n"
                   "docket-20260105-080000-manual.db\n");
}

static char *
backup_names (DocketStore *store)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  GString *names = g_string_new (NULL);

  backups = docket_store_list_backups (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < backups->len; i++)
    {
      g_autofree char *base = g_path_get_basename (((DocketBackup *) backups->pdata[i])->path);

      g_string_append_printf (names, "%s\n", base);
    }
  return g_string_free (names, FALSE);
}

/* Two databases in one folder share its backups folder: each names its backups after
 * itself, and sees, counts and rotates only its own — another's backup of today does
 * not stand for its own, and its rotation leaves the other's alone. */
static void
test_two_databases (Fixture       *fixture,
                    gconstpointer  data)
{
  DocketStore *store = fixture->store;
  g_autofree char *other_path = g_build_filename (fixture->dir, "docket-old.db", NULL);
  g_autoptr(DocketStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *names = NULL;
  g_autofree char *other_names = NULL;
  gint64 start = at_day (2026, 1, 5);

  other = docket_store_open (other_path, &error);
  g_assert_no_error (error);
  _docket_store_set_now_for_testing (other, start - 3600);
  add_unit (other, "Phòng Tài chính");
  g_assert_true (docket_store_maybe_backup (other, start, &theirs, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (theirs, "/docket-old-20260105-090000-daily.db"));

  _docket_store_set_now_for_testing (store, start - 3600);
  add_unit (store, "Phòng Nội vụ");
  g_assert_true (docket_store_maybe_backup (store, start + 60, &mine, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (mine, "/docket-20260105-090100-daily.db"));

  /* A month of daily backups of docket.db rotates only its own. */
  for (int day = 1; day < 30; day++)
    {
      g_autofree char *name = g_strdup_printf ("Đơn vị %d", day);
      g_autofree char *path = NULL;

      _docket_store_set_now_for_testing (store, start + day * 86400 - 60);
      add_unit (store, name);
      g_assert_true (docket_store_maybe_backup (store, start + day * 86400, &path, &error));
      g_assert_nonnull (path);
    }
  names = backup_names (store);
  g_assert_null (strstr (names, "docket-old-"));
  /* 05/01 … 03/02: the last 7 days (28/01 … 03/02) and the newest of the two weeks
   * before (25/01, 18/01). */
  g_assert_cmpstr (names, ==,
                   "docket-20260203-090000-daily.db\n"
                   "docket-20260202-090000-daily.db\n"
                   "docket-20260201-090000-daily.db\n"
                   "docket-20260131-090000-daily.db\n"
                   "docket-20260130-090000-daily.db\n"
                   "docket-20260129-090000-daily.db\n"
                   "docket-20260128-090000-daily.db\n"
                   "docket-20260125-090000-daily.db\n"
                   "docket-20260118-090000-daily.db\n");
  other_names = backup_names (other);
  g_assert_cmpstr (other_names, ==, "docket-old-20260105-090000-daily.db\n");
  g_assert_true (g_file_test (theirs, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/docket/store/backup/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("round-trip", test_backup_round_trip);
  ADD ("restore-refuses", test_restore_refuses);
  ADD ("daily", test_daily_backup);
  ADD ("rotation", test_rotation);
  ADD ("two-databases", test_two_databases);

  return g_test_run ();
}
