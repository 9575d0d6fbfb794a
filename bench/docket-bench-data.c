/* docket-bench-data.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <time.h>

#include "docket-bench-data.h"
#include "docket-store-private.h"

static const char * const words[] = {
  "rà soát", "thủ tục", "hành chính", "cải cách", "chuyển đổi số", "hồ sơ", "trực tuyến",
  "đất đai", "xây dựng", "báo cáo", "kiểm tra", "tuyên truyền", "công chức", "một cửa",
  "đầu tư", "giải phóng mặt bằng", "an toàn", "y tế", "giáo dục", "nông thôn mới",
};

double
docket_bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

double
docket_bench_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

double
docket_bench_get_scale (void)
{
  const char *scale_env = g_getenv ("DOCKET_BENCH_SCALE");
  double scale = scale_env != NULL ? g_ascii_strtod (scale_env, NULL) : 1.0;

  if (scale <= 0 || scale > 10)
    scale = 1.0;
  return scale;
}

void
docket_bench_exec (sqlite3    *db,
                   const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

sqlite3_stmt *
docket_bench_prepare (sqlite3    *db,
                      const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

void
docket_bench_step_done (sqlite3      *db,
                        sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("step: %s", sqlite3_errmsg (db));
  sqlite3_reset (stmt);
}

char *
docket_bench_random_content (GRand *rand,
                             guint  n)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "Nhiệm vụ %u: ", n);
  for (int i = 0; i < 6; i++)
    g_string_append_printf (s, "%s%s", i ? " " : "", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
  return g_string_free (s, FALSE);
}

static char *
iso (DocketDate date)
{
  return docket_date_format_iso (date);
}

/* Indexes are built once after the rows are in, sorted, rather than updated row by
 * row: the same indexes, made in a fraction of the time.  Returns pairs of (CREATE,
 * DROP) statements; the indexes are dropped. */
static GPtrArray *
drop_indexes (sqlite3 *db)
{
  GPtrArray *indexes = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *list;

  list = docket_bench_prepare (db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                                   "tbl_name IN ('items', 'item_coordinating_units') AND sql IS NOT NULL");
  while (sqlite3_step (list) == SQLITE_ROW)
    {
      g_autofree char *drop = g_strdup_printf ("DROP INDEX \"%s\"", sqlite3_column_text (list, 0));

      g_ptr_array_add (indexes, g_strdup ((const char *) sqlite3_column_text (list, 1)));
      g_ptr_array_add (indexes, g_steal_pointer (&drop));
    }
  sqlite3_finalize (list);
  for (guint i = 1; i < indexes->len; i += 2)
    docket_bench_exec (db, indexes->pdata[i]);
  return indexes;
}

static void
generate_units (sqlite3 *db,
                guint    n_units)
{
  sqlite3_stmt *unit;

  unit = docket_bench_prepare (db, "INSERT INTO units (id, name, name_folded, created_at, updated_at, "
                                   "updated_by) VALUES (?, ?, ?, 0, 0, 'bench')");
  for (guint i = 1; i <= n_units; i++)
    {
      g_autofree char *name = g_strdup_printf ("Đơn vị %03u", i);
      g_autofree char *folded = _docket_store_fold (name);

      sqlite3_bind_int (unit, 1, (int) i);
      sqlite3_bind_text (unit, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (unit, 3, folded, -1, SQLITE_TRANSIENT);
      docket_bench_step_done (db, unit);
    }
  sqlite3_finalize (unit);
}

static void
generate_meetings (sqlite3    *db,
                   guint       n_meetings,
                   DocketDate  first)
{
  sqlite3_stmt *meeting;

  meeting = docket_bench_prepare (db, "INSERT INTO meetings (id, title, title_folded, date, notice_date, "
                                      "created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 0, 0, 'bench')");
  for (guint i = 1; i <= n_meetings; i++)
    {
      g_autofree char *title = g_strdup_printf ("Cuộc họp %u", i);
      g_autofree char *date = iso (docket_date_add_days (first, (int) (i * 1100 / n_meetings)));

      sqlite3_bind_int (meeting, 1, (int) i);
      sqlite3_bind_text (meeting, 2, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (meeting, 3, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (meeting, 4, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (meeting, 5, date, -1, SQLITE_TRANSIENT);
      docket_bench_step_done (db, meeting);
    }
  sqlite3_finalize (meeting);
}

static void
generate_items (sqlite3    *db,
                guint       n_items,
                guint       n_meetings,
                guint       n_units,
                DocketDate  first,
                DocketDate  today)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  sqlite3_stmt *item, *coordinating;

  item = docket_bench_prepare (db, "INSERT INTO items (id, meeting_id, content, content_folded, lead_unit_id, "
                                   "lead_unit_folded, meeting_date, deadline, original_deadline, state, "
                                   "completed_on, assigned_on, last_progress_on, starred, created_at, "
                                   "updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, "
                                   "?10, ?7, ?11, ?12, ?13, ?13, 'bench')");
  coordinating = docket_bench_prepare (db, "INSERT INTO item_coordinating_units VALUES (?, ?)");
  for (guint i = 1; i <= n_items; i++)
    {
      guint m = 1 + (guint) ((guint64) (i - 1) * n_meetings / n_items);
      DocketDate mdate = docket_date_add_days (first, (int) (m * 1100 / n_meetings));
      DocketDate deadline = docket_date_add_days (mdate, g_rand_int_range (rand, 5, 180));
      gboolean no_deadline = g_rand_int_range (rand, 0, 100) < 8;
      int roll = g_rand_int_range (rand, 0, 100);
      int state = roll < 5 ? 4 : roll < 8 ? 1 : roll < 10 ? 3 : 0;
      DocketDate completed = DOCKET_DATE_NONE;
      DocketDate progress = DOCKET_DATE_NONE;
      guint lead = 1 + g_rand_int_range (rand, 0, (gint32) n_units);
      g_autofree char *content = docket_bench_random_content (rand, i);
      g_autofree char *folded = _docket_store_fold (content);
      g_autofree char *lead_folded = g_strdup_printf ("don vi %03u", lead);
      g_autofree char *mdate_s = iso (mdate);
      g_autofree char *deadline_s = iso (deadline);
      g_autofree char *completed_s = NULL;
      g_autofree char *progress_s = NULL;

      /* Most items of the past are done; the recent ones mostly open. */
      if (state == 0 && mdate + 60 < today && g_rand_int_range (rand, 0, 100) < 85)
        {
          state = 2;
          completed = docket_date_add_days (no_deadline ? mdate + 30 : deadline,
                                            g_rand_int_range (rand, -20, 15));
          if (completed > today)
            completed = today;
          if (completed < mdate)
            completed = mdate;
        }
      if (state == 1)
        completed = MIN (today, mdate + 20);
      if (g_rand_int_range (rand, 0, 100) < 40)
        progress = MIN (today, docket_date_add_days (mdate, g_rand_int_range (rand, 1, 200)));

      completed_s = completed ? iso (completed) : NULL;
      progress_s = progress ? iso (progress) : NULL;
      sqlite3_bind_int (item, 1, (int) i);
      sqlite3_bind_int (item, 2, (int) m);
      sqlite3_bind_text (item, 3, content, -1, SQLITE_STATIC);
      sqlite3_bind_text (item, 4, folded, -1, SQLITE_STATIC);
      sqlite3_bind_int (item, 5, (int) lead);
      sqlite3_bind_text (item, 6, lead_folded, -1, SQLITE_STATIC);
      sqlite3_bind_text (item, 7, mdate_s, -1, SQLITE_STATIC);
      if (no_deadline)
        sqlite3_bind_null (item, 8);
      else
        sqlite3_bind_text (item, 8, deadline_s, -1, SQLITE_STATIC);
      sqlite3_bind_int (item, 9, state);
      if (completed_s)
        sqlite3_bind_text (item, 10, completed_s, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (item, 10);
      if (progress_s)
        sqlite3_bind_text (item, 11, progress_s, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (item, 11);
      sqlite3_bind_int (item, 12, g_rand_int_range (rand, 0, 100) < 2);
      sqlite3_bind_int64 (item, 13, 1700000000 + i);
      docket_bench_step_done (db, item);
      sqlite3_clear_bindings (item);

      if (g_rand_int_range (rand, 0, 100) < 30)
        {
          sqlite3_bind_int (coordinating, 1, (int) i);
          sqlite3_bind_int (coordinating, 2, (int) (1 + lead % n_units));
          docket_bench_step_done (db, coordinating);
        }
    }
  sqlite3_finalize (item);
  sqlite3_finalize (coordinating);
}

void
docket_bench_generate (sqlite3    *db,
                       guint       n_items,
                       guint       n_meetings,
                       guint       n_units,
                       DocketDate  today)
{
  DocketDate first = docket_date_new (2024, 1, 1);
  g_autoptr(GPtrArray) indexes = NULL;
  double t0 = docket_bench_now_ms ();

  docket_bench_exec (db, "PRAGMA cache_size = -262144");
  docket_bench_exec (db, "BEGIN");
  indexes = drop_indexes (db);
  generate_units (db, n_units);
  generate_meetings (db, n_meetings, first);
  generate_items (db, n_items, n_meetings, n_units, first, today);
  for (guint i = 0; i < indexes->len; i += 2)
    docket_bench_exec (db, indexes->pdata[i]);
  docket_bench_exec (db, DOCKET_STORE_FLUSH_SEARCH_SQL);
  docket_bench_exec (db, "COMMIT");
  /* A real file is checkpointed as it grows; a 2 GB write-ahead log left behind by
   * one huge transaction would slow every read that follows. */
  docket_bench_exec (db, "PRAGMA wal_checkpoint (TRUNCATE)");
  printf ("generated %u items, %u meetings, %u units in %.1f s\n",
          n_items, n_meetings, n_units, (docket_bench_now_ms () - t0) / 1000.0);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
docket_bench_remove_tmpdir (const char *dir)
{
  g_return_if_fail (dir != NULL);
  remove_tree (dir);
}
