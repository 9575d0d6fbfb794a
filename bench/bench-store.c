/* bench-store.c: the store's budgets over a million items (issue 3)
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates 1,000,000 items, 50,000 meetings and 300 units in a temporary file (one
 * transaction, prepared statements), then measures and prints:
 *
 * - the median time of a page of 100 items, for each offered order and filter, at
 *   several keysets (following the cursor) and offsets (budget ≤ 5 ms), with the
 *   query plan of each page query (no full scan, no temporary sort);
 * - the period report over all units (budget ≤ 100 ms) and the live view counts;
 * - 100,000 items inserted in one transaction through the store API and through raw
 *   SQLite in the same run (budget ≤ 2 s and ≤ 3× raw).
 *
 * DOCKET_BENCH_SCALE=0.01 runs the same at a hundredth of the size; the test suite
 * does so, so the benchmark cannot rot.  Exit status 1 when a query plan scans the
 * items table or sorts in a temporary b-tree.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "docket-store-items-private.h"
#include "docket-store-private.h"
#include "docket-store-report.h"

#define D(y, m, d) docket_date_new (y, m, d)

static const char * const words[] = {
  "rà soát", "thủ tục", "hành chính", "cải cách", "chuyển đổi số", "hồ sơ", "trực tuyến",
  "đất đai", "xây dựng", "báo cáo", "kiểm tra", "tuyên truyền", "công chức", "một cửa",
  "đầu tư", "giải phóng mặt bằng", "an toàn", "y tế", "giáo dục", "nông thôn mới",
};

typedef struct
{
  DocketStore *store;
  sqlite3     *db;
  guint        n_items;
  guint        n_meetings;
  guint        n_units;
  DocketDate   today;
  gboolean     bad_plan;
} Bench;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

static void
step_done (sqlite3      *db,
           sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("step: %s", sqlite3_errmsg (db));
  sqlite3_reset (stmt);
}

static char *
iso (DocketDate date)
{
  return docket_date_format_iso (date);
}

static char *
random_content (GRand *rand,
                guint  n)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "Nhiệm vụ %u: ", n);
  for (int i = 0; i < 6; i++)
    g_string_append_printf (s, "%s%s", i ? " " : "", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
  return g_string_free (s, FALSE);
}

/* Generation, through raw SQL for speed. */

static void
generate (Bench *b)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  sqlite3_stmt *unit, *meeting, *item, *coordinating;
  DocketDate first = D (2024, 1, 1);
  g_autoptr(GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *list;
  double t0 = now_ms ();

  /* Indexes are built once after the rows are in, sorted, rather than updated row by
   * row: the same indexes, made in a fraction of the time. */
  exec_sql (b->db, "PRAGMA cache_size = -262144");
  exec_sql (b->db, "BEGIN");
  list = prepare (b->db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                         "tbl_name IN ('items', 'item_coordinating_units') AND sql IS NOT NULL");
  while (sqlite3_step (list) == SQLITE_ROW)
    {
      g_autofree char *drop = g_strdup_printf ("DROP INDEX \"%s\"", sqlite3_column_text (list, 0));

      g_ptr_array_add (indexes, g_strdup ((const char *) sqlite3_column_text (list, 1)));
      g_ptr_array_add (indexes, g_steal_pointer (&drop));
    }
  sqlite3_finalize (list);
  for (guint i = 1; i < indexes->len; i += 2)
    exec_sql (b->db, indexes->pdata[i]);
  unit = prepare (b->db, "INSERT INTO units (id, name, name_folded, created_at, updated_at, "
                         "updated_by) VALUES (?, ?, ?, 0, 0, 'bench')");
  for (guint i = 1; i <= b->n_units; i++)
    {
      g_autofree char *name = g_strdup_printf ("Đơn vị %03u", i);
      g_autofree char *folded = _docket_store_fold (name);

      sqlite3_bind_int (unit, 1, (int) i);
      sqlite3_bind_text (unit, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (unit, 3, folded, -1, SQLITE_TRANSIENT);
      step_done (b->db, unit);
    }
  sqlite3_finalize (unit);

  meeting = prepare (b->db, "INSERT INTO meetings (id, title, title_folded, date, notice_date, "
                            "created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 0, 0, 'bench')");
  for (guint i = 1; i <= b->n_meetings; i++)
    {
      g_autofree char *title = g_strdup_printf ("Cuộc họp %u", i);
      g_autofree char *date = iso (docket_date_add_days (first, (int) (i * 1100 / b->n_meetings)));

      sqlite3_bind_int (meeting, 1, (int) i);
      sqlite3_bind_text (meeting, 2, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (meeting, 3, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (meeting, 4, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (meeting, 5, date, -1, SQLITE_TRANSIENT);
      step_done (b->db, meeting);
    }
  sqlite3_finalize (meeting);

  item = prepare (b->db, "INSERT INTO items (id, meeting_id, content, content_folded, lead_unit_id, "
                         "lead_unit_folded, meeting_date, deadline, original_deadline, state, "
                         "completed_on, assigned_on, last_progress_on, starred, created_at, "
                         "updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, "
                         "?10, ?7, ?11, ?12, ?13, ?13, 'bench')");
  coordinating = prepare (b->db, "INSERT INTO item_coordinating_units VALUES (?, ?)");
  for (guint i = 1; i <= b->n_items; i++)
    {
      guint m = 1 + (guint) ((guint64) (i - 1) * b->n_meetings / b->n_items);
      DocketDate mdate = docket_date_add_days (first, (int) (m * 1100 / b->n_meetings));
      DocketDate deadline = docket_date_add_days (mdate, g_rand_int_range (rand, 5, 180));
      gboolean no_deadline = g_rand_int_range (rand, 0, 100) < 8;
      int roll = g_rand_int_range (rand, 0, 100);
      int state = roll < 5 ? 4 : roll < 8 ? 1 : roll < 10 ? 3 : 0;
      DocketDate completed = DOCKET_DATE_NONE;
      DocketDate progress = DOCKET_DATE_NONE;
      guint lead = 1 + g_rand_int_range (rand, 0, (gint32) b->n_units);
      g_autofree char *content = random_content (rand, i);
      g_autofree char *folded = _docket_store_fold (content);
      g_autofree char *lead_folded = g_strdup_printf ("don vi %03u", lead);
      g_autofree char *mdate_s = iso (mdate);
      g_autofree char *deadline_s = iso (deadline);
      g_autofree char *completed_s = NULL;
      g_autofree char *progress_s = NULL;

      /* Most items of the past are done; the recent ones mostly open. */
      if (state == 0 && mdate + 60 < b->today && g_rand_int_range (rand, 0, 100) < 85)
        {
          state = 2;
          completed = docket_date_add_days (no_deadline ? mdate + 30 : deadline,
                                            g_rand_int_range (rand, -20, 15));
          if (completed > b->today)
            completed = b->today;
          if (completed < mdate)
            completed = mdate;
        }
      if (state == 1)
        completed = MIN (b->today, mdate + 20);
      if (g_rand_int_range (rand, 0, 100) < 40)
        progress = MIN (b->today, docket_date_add_days (mdate, g_rand_int_range (rand, 1, 200)));

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
      step_done (b->db, item);
      sqlite3_clear_bindings (item);

      if (g_rand_int_range (rand, 0, 100) < 30)
        {
          sqlite3_bind_int (coordinating, 1, (int) i);
          sqlite3_bind_int (coordinating, 2, (int) (1 + lead % b->n_units));
          step_done (b->db, coordinating);
        }
    }
  sqlite3_finalize (item);
  sqlite3_finalize (coordinating);
  for (guint i = 0; i < indexes->len; i += 2)
    exec_sql (b->db, indexes->pdata[i]);
  exec_sql (b->db, "COMMIT");
  /* A real file is checkpointed as it grows; a 2 GB write-ahead log left behind by
   * one huge transaction would slow every read that follows. */
  exec_sql (b->db, "PRAGMA wal_checkpoint (TRUNCATE)");
  printf ("generated %u items, %u meetings, %u units in %.1f s\n",
          b->n_items, b->n_meetings, b->n_units, (now_ms () - t0) / 1000.0);
}

/* Query plans. */

static void
print_plan (Bench      *b,
            const char *label,
            const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  sqlite3_stmt *stmt = prepare (b->db, explain);
  gboolean bad = FALSE, sorts = FALSE, one_meeting = FALSE;
  GString *plan = g_string_new (NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *detail = (const char *) sqlite3_column_text (stmt, 3);

      g_string_append_printf (plan, "      %s\n", detail);
      /* A scan of the items table itself, or a sort of the result, is what the list
       * indexes exist to avoid; a scan of a list index is the walk we want. */
      if (g_str_has_prefix (detail, "SCAN items") && strstr (detail, "INDEX") == NULL)
        bad = TRUE;
      sorts |= strstr (detail, "TEMP B-TREE") != NULL;
      one_meeting |= strstr (detail, "(meeting_id=?)") != NULL;
    }
  sqlite3_finalize (stmt);
  /* The items of one meeting, the items due in the next few days, are a handful:
   * sorting them is cheaper than walking a list index over all items to find them. */
  one_meeting |= strstr (sql, ":until") != NULL;
  bad |= sorts && !one_meeting;
  printf ("    plan%s (%s):\n%s",
          bad ? " [FULL SCAN OR SORT]" : sorts ? " [sort of a small set: one meeting, due soon]" : "",
          label, plan->str);
  g_string_free (plan, TRUE);
  b->bad_plan |= bad;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_double);
  return g_array_index (times, double, times->len / 2);
}

static const char * const sort_names[] = {
  "deadline", "lead unit", "meeting date", "status", "created", "content",
};
static const char * const view_names[] = {
  "all", "overdue", "due soon", "in progress", "awaiting", "completed", "no deadline",
  "cancelled", "starred",
};

/* Pages of 100 under @query: the first page and the next ones by keyset, and pages
 * by offset (a jump cold, then the next page from the anchor the jump left). */
static double
measure_pages (Bench                 *b,
               const char            *label,
               const DocketItemQuery *query,
               gboolean               show_plan)
{
  g_autoptr(GArray) keyset = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) jumps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) nexts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(DocketItemCursor) cursor = NULL;
  guint offsets[] = { 0, 1000, 10000, 50000 };
  double med;

  for (int page = 0; page < 7; page++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      DocketItemCursor *next = NULL;
      double t0 = now_ms (), t;

      rows = docket_store_list_items (b->store, query, cursor, 100, &next, &error);
      t = now_ms () - t0;
      g_assert_no_error (error);
      g_array_append_val (keyset, t);
      g_clear_pointer (&cursor, docket_item_cursor_free);
      cursor = next;
      if (cursor == NULL)
        break;
    }
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      guint offset = (guint) (offsets[i] * (b->n_items / 1e6));
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GPtrArray) more = NULL;
      double t0 = now_ms (), t;

      rows = docket_store_list_items_at (b->store, query, offset, 100, NULL);
      t = now_ms () - t0;
      g_array_append_val (jumps, t);
      t0 = now_ms ();
      more = docket_store_list_items_at (b->store, query, offset + 100, 100, NULL);
      t = now_ms () - t0;
      g_array_append_val (nexts, t);
    }
  med = median (keyset);
  printf ("  %-44s keyset median %6.2f ms | offset next-page median %6.2f ms | "
          "cold jump to offset 0/1k/10k/50k: %.1f %.1f %.1f %.1f ms\n",
          label, med, median (nexts),
          g_array_index (jumps, double, 0), g_array_index (jumps, double, 1),
          g_array_index (jumps, double, 2), g_array_index (jumps, double, 3));
  if (show_plan)
    {
      g_autofree char *sql_first = _docket_item_query_page_sql (query, FALSE, FALSE);
      g_autofree char *sql_keyset = _docket_item_query_page_sql (query, TRUE, FALSE);

      print_plan (b, "first page", sql_first);
      print_plan (b, "keyset page", sql_keyset);
    }
  return med;
}

static double
pick_worst (double worst,
            double time)
{
  return MAX (worst, time);
}

static void
measure_lists (Bench *b)
{
  g_autoptr(DocketCalendar) calendar = docket_calendar_new ();
  DocketId one_unit[] = { 17 };
  DocketId my_units[] = { 17, 42, 101 };
  double worst = 0;
  DocketItemQuery q;

  printf ("\nPages of 100 items (budget: median <= 5 ms)\n");
  for (DocketItemSort s = 0; s < DOCKET_ITEM_N_SORTS; s++)
    for (int desc = 0; desc < 2; desc++)
      {
        g_autofree char *label = g_strdup_printf ("all, by %s%s", sort_names[s], desc ? " desc" : "");

        docket_item_query_init (&q, b->today);
        q.due_soon_until = docket_store_due_soon_until (calendar, b->today, 3);
        q.sort = s;
        q.descending = desc;
        worst = pick_worst (worst, measure_pages (b, label, &q, TRUE));
      }
  for (DocketItemView v = 0; v < DOCKET_ITEM_N_VIEWS; v++)
    for (DocketItemSort s = 0; s < DOCKET_ITEM_N_SORTS; s++)
      {
        g_autofree char *label = g_strdup_printf ("%s, by %s", view_names[v], sort_names[s]);

        docket_item_query_init (&q, b->today);
        q.due_soon_until = docket_store_due_soon_until (calendar, b->today, 3);
        q.view = v;
        q.sort = s;
        worst = pick_worst (worst, measure_pages (b, label, &q, TRUE));
      }
  for (DocketItemSort s = 0; s < DOCKET_ITEM_N_SORTS; s++)
    {
      g_autofree char *label = g_strdup_printf ("one lead unit, by %s", sort_names[s]);
      g_autofree char *label2 = g_strdup_printf ("one lead unit, overdue, by %s", sort_names[s]);
      g_autofree char *label3 = g_strdup_printf ("3 units lead or coord., by %s", sort_names[s]);

      docket_item_query_init (&q, b->today);
      q.unit_ids = one_unit;
      q.n_units = 1;
      q.sort = s;
      worst = pick_worst (worst, measure_pages (b, label, &q, TRUE));
      q.view = DOCKET_ITEM_VIEW_OVERDUE;
      worst = pick_worst (worst, measure_pages (b, label2, &q, TRUE));
      q.view = DOCKET_ITEM_VIEW_ALL;
      q.unit_ids = my_units;
      q.n_units = 3;
      q.include_coordinating = TRUE;
      worst = pick_worst (worst, measure_pages (b, label3, &q, TRUE));
    }
  docket_item_query_init (&q, b->today);
  q.meeting_id = b->n_meetings / 2;
  worst = pick_worst (worst, measure_pages (b, "one meeting, by deadline", &q, TRUE));
  docket_item_query_init (&q, b->today);
  q.deadline_from = D (2026, 7, 1);
  q.deadline_to = D (2026, 9, 30);
  worst = pick_worst (worst, measure_pages (b, "deadline in Q3 2026, by deadline", &q, TRUE));
  docket_item_query_init (&q, b->today);
  q.starred_only = TRUE;
  q.sort = DOCKET_ITEM_SORT_CREATED;
  worst = pick_worst (worst, measure_pages (b, "starred only, by created", &q, TRUE));
  docket_item_query_init (&q, b->today);
  q.text = "GIAI PHONG MAT BANG";
  worst = pick_worst (worst, measure_pages (b, "text 'giai phong mat bang', by deadline", &q, TRUE));
  printf ("worst keyset page median: %.2f ms\n", worst);
}

static void
measure_report_and_counts (Bench *b)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) count_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(DocketReport) report = NULL;
  g_autoptr(DocketCalendar) calendar = docket_calendar_new ();
  guint counts[DOCKET_ITEM_N_VIEWS];
  DocketItemQuery q;
  DocketId one_unit[] = { 17 };

  for (int i = 0; i < 5; i++)
    {
      g_autoptr(GError) error = NULL;
      double t0 = now_ms (), t;

      g_clear_pointer (&report, docket_report_unref);
      report = docket_store_compute_report (b->store, DOCKET_DATE_NONE, DOCKET_DATE_NONE,
                                            b->today, NULL, 0, &error);
      t = now_ms () - t0;
      g_assert_no_error (error);
      g_array_append_val (times, t);
    }
  printf ("\nPeriod report over all units: median %.1f ms (budget 100 ms); "
          "assigned %u, completed %u, overdue %u\n",
          median (times), docket_report_get_total (report)->assigned,
          docket_report_get_total (report)->completed, docket_report_get_total (report)->overdue);

  docket_item_query_init (&q, b->today);
  q.due_soon_until = docket_store_due_soon_until (calendar, b->today, 3);
  for (int i = 0; i < 3; i++)
    {
      double t0 = now_ms (), t;

      docket_store_count_items_by_view (b->store, &q, counts, NULL);
      t = now_ms () - t0;
      g_array_append_val (count_times, t);
    }
  printf ("View counts (one pass), all items: median %.1f ms; all %u, overdue %u, due soon %u, "
          "completed %u\n", median (count_times), counts[DOCKET_ITEM_VIEW_ALL],
          counts[DOCKET_ITEM_VIEW_OVERDUE], counts[DOCKET_ITEM_VIEW_DUE_SOON],
          counts[DOCKET_ITEM_VIEW_COMPLETED]);
  g_array_set_size (count_times, 0);
  q.unit_ids = one_unit;
  q.n_units = 1;
  for (int i = 0; i < 3; i++)
    {
      double t0 = now_ms (), t;

      docket_store_count_items_by_view (b->store, &q, counts, NULL);
      t = now_ms () - t0;
      g_array_append_val (count_times, t);
    }
  printf ("View counts (one pass), one lead unit: median %.1f ms\n", median (count_times));
}

static void
measure_inserts (Bench *b)
{
  guint n = MAX (100, (guint) (100000 * (b->n_items / 1e6)));
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *raw;
  double t0, t_store, t_raw;

  t0 = now_ms ();
  g_assert_true (_docket_store_begin_write (b->store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *content = random_content (rand, i);
      DocketId coordinating[] = { 1 + (i + 1) % b->n_units };
      DocketItem item = {
        .meeting_id = 1 + i % b->n_meetings,
        .content = content,
        .lead_unit_id = 1 + i % b->n_units,
        .deadline = D (2027, 3, 31),
        .coordinating_unit_ids = coordinating,
        .n_coordinating = i % 3 == 0 ? 1 : 0,
      };

      if (docket_store_add_item (b->store, &item, &error) == 0)
        g_error ("add item: %s", error->message);
    }
  g_assert_true (_docket_store_commit (b->store, &error));
  t_store = now_ms () - t0;

  t0 = now_ms ();
  exec_sql (b->db, "BEGIN IMMEDIATE");
  raw = prepare (b->db, "INSERT INTO items (meeting_id, content, content_folded, lead_unit_id, "
                        "lead_unit_folded, meeting_date, deadline, original_deadline, state, "
                        "assigned_on, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, "
                        "'2027-03-31', '2027-03-31', 0, ?, 0, 0, 'bench')");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *content = random_content (rand, i);
      g_autofree char *folded = _docket_store_fold (content);

      sqlite3_bind_int (raw, 1, (int) (1 + i % b->n_meetings));
      sqlite3_bind_text (raw, 2, content, -1, SQLITE_STATIC);
      sqlite3_bind_text (raw, 3, folded, -1, SQLITE_STATIC);
      sqlite3_bind_int (raw, 4, (int) (1 + i % b->n_units));
      sqlite3_bind_text (raw, 5, "don vi", -1, SQLITE_STATIC);
      sqlite3_bind_text (raw, 6, "2026-01-01", -1, SQLITE_STATIC);
      sqlite3_bind_text (raw, 7, "2026-01-01", -1, SQLITE_STATIC);
      step_done (b->db, raw);
    }
  sqlite3_finalize (raw);
  exec_sql (b->db, "COMMIT");
  t_raw = now_ms () - t0;

  printf ("\nInserting %u items in one transaction: store API %.0f ms, raw SQLite %.0f ms, "
          "ratio %.2f (budget: <= %.0f ms and <= 3x)\n",
          n, t_store, t_raw, t_store / t_raw, 2000.0 * n / 100000);
}

int
main (int    argc,
      char **argv)
{
  const char *scale_env = g_getenv ("DOCKET_BENCH_SCALE");
  double scale = scale_env != NULL ? g_ascii_strtod (scale_env, NULL) : 1.0;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  Bench b = { 0 };

  if (scale <= 0 || scale > 10)
    scale = 1.0;
  dir = g_dir_make_tmp ("docket-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.db", NULL);
  b.store = docket_store_open (path, &error);
  g_assert_no_error (error);
  docket_store_set_actor (b.store, "bench");
  b.db = _docket_store_get_db (b.store);
  b.n_items = MAX (1000, (guint) (1000000 * scale));
  b.n_meetings = MAX (50, (guint) (50000 * scale));
  b.n_units = 300;
  b.today = D (2026, 7, 15);

  printf ("Docket store benchmark, scale %.3g, SQLite %s, file %s\n", scale, sqlite3_libversion (), path);
  generate (&b);
  measure_lists (&b);
  measure_report_and_counts (&b);
  measure_inserts (&b);

  g_clear_object (&b.store);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *f = g_strconcat (path, suffixes[i], NULL);
        g_unlink (f);
      }
    /* The store keeps pre-migration backups in a folder next to the file; none are
     * made for a new file, but remove whatever is there. */
    {
      g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *f = g_build_filename (dir, name, NULL);
          g_autoptr(GDir) sub = g_dir_open (f, 0, NULL);
          const char *inner;

          while (sub != NULL && (inner = g_dir_read_name (sub)) != NULL)
            {
              g_autofree char *g = g_build_filename (f, inner, NULL);
              g_unlink (g);
            }
          g_remove (f);
        }
    }
    g_rmdir (dir);
  }
  if (b.bad_plan)
    printf ("\nA page query scans the items table or sorts: see the plans marked above.\n");
  return b.bad_plan ? 1 : 0;
}
