/* bench-import.c: importing a 100,000-row CSV tracker (issue 9)
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a tracker of 100,000 rows (content, lead unit, coordinating units, deadline,
 * status, completion date, in the usual Vietnamese headers), then measures in the
 * same run:
 *
 * - the sqlite3 command-line tool's `.import` of the file into a plain table of a
 *   new database (the process spawned, its start-up included), and
 * - Docket's import of the same file into a new Docket database: reading the file,
 *   guessing the mapping, the dry run and the commit in one transaction, with the
 *   items' indexes, coordinating units and audit rows;
 *
 * and prints both and the ratio (budget: ≤ 2×).  Each is the median of 3 runs.
 * DOCKET_BENCH_SCALE=0.01 shrinks the file to 1,000 rows for a smoke run.  Exit
 * status 2 when sqlite3 is not installed (skipped), 1 when a run fails.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docket-import.h"
#include "docket-store-meetings.h"
#include "docket-store-private.h"
#include "docket-store-units.h"

#define N_ROWS 100000
#define N_UNITS 30
#define N_RUNS 3

static const char *contents[] = {
  "Rà soát, khắc phục các hạn chế trong giải quyết thủ tục hành chính",
  "Kiểm tra công vụ, thái độ phục vụ của cán bộ, công chức",
  "Giảm tỷ lệ hồ sơ trễ hạn trên hệ thống một cửa điện tử",
  "Hướng dẫn cụ thể, đầy đủ khi trả hồ sơ cho người dân bổ sung",
  "Đẩy mạnh tuyên truyền cải cách hành chính, chính quyền số",
};

static char *
unit_name (guint i)
{
  return g_strdup_printf (i % 2 ? "Phòng chuyên môn số %u" : "UBND xã số %u", i + 1);
}

static void
write_tracker (const char *path,
               guint       n_rows)
{
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");
  g_autoptr(GError) error = NULL;

  g_string_append (out, "STT,Nội dung,Đơn vị chủ trì,Đơn vị phối hợp,Thời hạn,Tình trạng,"
                        "Ngày hoàn thành\r\n");
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *lead = unit_name (i % N_UNITS);
      g_autofree char *other = unit_name ((i + 7) % N_UNITS);
      gboolean done = i % 3 == 0;

      g_string_append_printf (out, "%u,\"%s (%u)\",%s,%s,%02u/%02u/2026,%s,%s\r\n",
                              i + 1, contents[i % G_N_ELEMENTS (contents)], i, lead,
                              i % 4 ? other : "", 1 + i % 28, 6 + i % 6,
                              done ? "Hoàn thành" : "Đang thực hiện",
                              done ? "20/05/2026" : "");
    }
  if (!g_file_set_contents (path, out->str, (gssize) out->len, &error))
    g_error ("%s", error->message);
}

static double
time_sqlite3 (const char *dir,
              const char *csv,
              guint       run)
{
  g_autofree char *db = g_strdup_printf ("%s/plain-%u.db", dir, run);
  g_autofree char *script = g_strdup_printf (".mode csv\n.import %s tracker\n", csv);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE, &error, "sqlite3", db, NULL);
  if (proc == NULL || !g_subprocess_communicate_utf8 (proc, script, NULL, NULL, NULL, &error) ||
      !g_subprocess_get_successful (proc))
    g_error ("sqlite3 .import failed: %s", error ? error->message : "exit status");
  return (g_get_monotonic_time () - start) / 1e6;
}

static DocketStore *
prepare_store (const char *dir,
               guint       run,
               DocketId   *out_meeting)
{
  g_autofree char *path = g_strdup_printf ("%s/docket-%u.db", dir, run);
  g_autoptr(DocketMeeting) meeting = docket_meeting_new ();
  g_autoptr(GError) error = NULL;
  DocketStore *store = docket_store_open (path, &error);

  if (store == NULL)
    g_error ("%s", error->message);
  /* DOCKET_BENCH_TEMP_STORE=memory measures the import with statement journals in
   * memory: every INSERT that fires a trigger (the search index) otherwise writes
   * one to a temporary file. */
  if (g_strcmp0 (g_getenv ("DOCKET_BENCH_TEMP_STORE"), "memory") == 0 &&
      !_docket_store_exec (store, "PRAGMA temp_store = MEMORY", &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < N_UNITS; i++)
    {
      g_autoptr(DocketUnit) unit = docket_unit_new ();

      unit->name = unit_name (i);
      if (docket_store_add_unit (store, unit, &error) == 0)
        g_error ("%s", error->message);
    }
  meeting->title = g_strdup ("Hội nghị tổng kết");
  meeting->date = docket_date_new (2026, 1, 5);
  if ((*out_meeting = docket_store_add_meeting (store, meeting, &error)) == 0)
    g_error ("%s", error->message);
  return store;
}

static double
time_docket (const char *dir,
             const char *csv,
             guint       run,
             guint       n_rows)
{
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketCsvTable) table = NULL;
  g_autoptr(DocketImportReport) report = NULL;
  DocketImportMapping mapping;
  DocketId meeting = 0;
  DocketStore *store = prepare_store (dir, run, &meeting);
  guint n_items = 0;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  docket_import_mapping_init (&mapping);
  mapping.meeting_id = meeting;
  if ((table = docket_csv_read_file (file, NULL, &error)) == NULL ||
      docket_import_mapping_guess (&mapping, table) != 6 ||
      (report = docket_import_validate (store, table, &mapping, NULL, &error)) == NULL ||
      !docket_import_report_commit (report, store, FALSE, NULL, &n_items, &error))
    g_error ("import failed: %s", error ? error->message : "mapping");
  seconds = (g_get_monotonic_time () - start) / 1e6;
  if (n_items != n_rows)
    g_error ("imported %u items of %u", n_items, n_rows);
  docket_store_close (store);
  g_object_unref (store);
  return seconds;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values)
{
  qsort (values, N_RUNS, sizeof (double), (GCompareFunc) compare_doubles);
  return values[N_RUNS / 2];
}

int
main (int    argc,
      char **argv)
{
  const char *scale_text = g_getenv ("DOCKET_BENCH_SCALE");
  double scale = scale_text ? g_ascii_strtod (scale_text, NULL) : 1.0;
  guint n_rows = (guint) MAX (100, N_ROWS * (scale > 0 ? scale : 1.0));
  g_autofree char *dir = g_dir_make_tmp ("docket-bench-import-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "tracker.csv", NULL);
  g_autofree char *sqlite3_path = g_find_program_in_path ("sqlite3");
  g_autofree char *rm = NULL;
  double plain[N_RUNS], docket[N_RUNS];
  double t_plain, t_docket;

  if (sqlite3_path == NULL)
    {
      printf ("sqlite3 is not installed: skipped\n");
      return 2;
    }
  write_tracker (csv, n_rows);
  for (guint run = 0; run < N_RUNS; run++)
    {
      plain[run] = time_sqlite3 (dir, csv, run);
      docket[run] = time_docket (dir, csv, run, n_rows);
    }
  t_plain = median (plain);
  t_docket = median (docket);
  printf ("Import of %u CSV rows (median of %d runs)\n", n_rows, N_RUNS);
  printf ("  sqlite3 .import into a plain table: %8.3f s\n", t_plain);
  printf ("  Docket import (read, dry run, commit): %8.3f s\n", t_docket);
  printf ("  ratio: %.2f× (budget ≤ 2×)%s\n", t_docket / t_plain,
           t_docket / t_plain <= 2.0 ? "" : "  OVER BUDGET");

  rm = g_strdup_printf ("rm -rf '%s'", dir);
  if (system (rm) != 0)
    g_printerr ("could not remove %s\n", dir);
  return 0;
}
