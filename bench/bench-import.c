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
 * Then where Docket's time went in its last run (reading, dry run, commit; wall and
 * CPU), and the floor the schema sets: the same number of rows put into the items
 * table of a new Docket file by one INSERT … SELECT, with the indexes and triggers
 * every import maintains but nothing else.
 * DOCKET_BENCH_SCALE=0.01 shrinks the file to 1,000 rows for a smoke run.  Exit
 * status 2 when sqlite3 is not installed (skipped), 1 when a run fails.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Where Docket's time goes, for the last run: reading, the dry run, the commit
 * (wall and CPU seconds). */
static double phase_wall[3], phase_cpu[3];

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

  double wall = start / 1e6, cpu = cpu_seconds ();

#define PHASE(i) G_STMT_START { double w = g_get_monotonic_time () / 1e6, c = cpu_seconds (); \
                                phase_wall[i] = w - wall; phase_cpu[i] = c - cpu; wall = w; cpu = c; } G_STMT_END
  docket_import_mapping_init (&mapping);
  mapping.meeting_id = meeting;
  if ((table = docket_csv_read_file (file, NULL, &error)) == NULL ||
      docket_import_mapping_guess (&mapping, table) != 6)
    g_error ("import failed: %s", error ? error->message : "mapping");
  PHASE (0);
  if ((report = docket_import_validate (store, table, &mapping, NULL, &error)) == NULL)
    g_error ("import failed: %s", error->message);
  PHASE (1);
  if (!docket_import_report_commit (report, store, FALSE, NULL, &n_items, &error))
    g_error ("import failed: %s", error->message);
  PHASE (2);
#undef PHASE
  seconds = (g_get_monotonic_time () - start) / 1e6;
  if (n_items != n_rows)
    g_error ("imported %u items of %u", n_items, n_rows);
  docket_store_close (store);
  g_object_unref (store);
  return seconds;
}

/* The same number of rows written into the items table of a new Docket file by one
 * SQL statement, indexes and triggers included: what any import through this schema
 * costs at least. */
static double
time_items_floor (const char *dir,
                  guint       n_rows,
                  double     *out_cpu)
{
  DocketId meeting = 0;
  DocketStore *store = prepare_store (dir, 99, &meeting);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  double wall = g_get_monotonic_time () / 1e6, cpu = cpu_seconds ();

  sql = g_strdup_printf ("BEGIN IMMEDIATE; "
                         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
                         "INSERT INTO items (meeting_id, content, content_folded, lead_unit_id, "
                         "lead_unit_folded, meeting_date, deadline, original_deadline, state, "
                         "assigned_on, created_at, updated_at, updated_by) "
                         "SELECT %" G_GINT64_FORMAT ", 'Rà soát, khắc phục các hạn chế (' || i || ')', "
                         "'ra soat, khac phuc cac han che (' || i || ')', 1 + i %% %u, 'ubnd xa', "
                         "'2026-01-05', printf ('2026-%%02d-%%02d', 6 + i %% 6, 1 + i %% 28), "
                         "printf ('2026-%%02d-%%02d', 6 + i %% 6, 1 + i %% 28), 0, '2026-01-05', 0, 0, "
                         "'bench' FROM n; " DOCKET_STORE_FLUSH_SEARCH_SQL "; COMMIT",
                         n_rows, (gint64) meeting, N_UNITS);
  if (!_docket_store_exec (store, sql, &error))
    g_error ("%s", error->message);
  *out_cpu = cpu_seconds () - cpu;
  wall = g_get_monotonic_time () / 1e6 - wall;
  docket_store_close (store);
  g_object_unref (store);
  return wall;
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
  double t_plain, t_docket, floor_seconds, floor_cpu;

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
  printf ("  Docket's last run: reading %.3f s (CPU %.3f), dry run %.3f s (CPU %.3f), "
          "commit %.3f s (CPU %.3f)\n", phase_wall[0], phase_cpu[0], phase_wall[1],
          phase_cpu[1], phase_wall[2], phase_cpu[2]);
  floor_seconds = time_items_floor (dir, n_rows, &floor_cpu);
  printf ("  the floor set by the schema: %u rows put into a new Docket file's items table\n"
          "  by one INSERT … SELECT (raw SQL: no validation, no audit, no store API; the\n"
          "  items' indexes and triggers as in use): %.3f s (CPU %.3f), %.1f× the .import\n",
          n_rows, floor_seconds, floor_cpu, floor_seconds / t_plain);

  rm = g_strdup_printf ("rm -rf '%s'", dir);
  if (system (rm) != 0)
    g_printerr ("could not remove %s\n", dir);
  return 0;
}
