/* bench-store.c: the store's budgets over a million items (issue 3)
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates 1,000,000 items, 50,000 meetings and 300 units in a temporary file (one
 * transaction, prepared statements: docket-bench-data.c), then measures and prints:
 *
 * - the median time of a page of 100 items, for each offered order and filter, at
 *   several keysets (following the cursor) and offsets (budget ≤ 5 ms), with the
 *   query plan of each page query (no full scan, no temporary sort);
 * - the period report over all units (budget ≤ 100 ms) and the live view counts;
 * - 100,000 items inserted in one transaction through the store API and through raw
 *   SQLite in the same run (budget ≤ 2 s and ≤ 3× raw).
 *
 * DOCKET_BENCH_SCALE=0.01 runs the same at a hundredth of the size; the test suite
 * does so, so the benchmark cannot rot.  DOCKET_BENCH_KEEP=PATH generates the file
 * at PATH and keeps it, or, when PATH exists, measures that file (opened, and so
 * migrated, by this build) without generating: a schema change can then be measured
 * on the same data, and the time of its migration over a million items is printed.
 * DOCKET_BENCH_ONLY=pages, report or inserts runs one part alone.  Exit status 1
 * when a query plan scans the items table or sorts in a temporary b-tree.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "docket-bench-data.h"
#include "docket-store-items-private.h"
#include "docket-store-private.h"
#include "docket-store-report.h"

#define D(y, m, d) docket_date_new (y, m, d)

typedef struct
{
  DocketStore *store;
  sqlite3     *db;
  guint        n_items;
  guint        n_meetings;
  guint        n_units;
  DocketDate   today;
  gboolean     bad_plan;
  double       worst_cpu;
} Bench;

/* Query plans. */

static void
print_plan (Bench      *b,
            const char *label,
            const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  sqlite3_stmt *stmt = docket_bench_prepare (b->db, explain);
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
  g_autoptr(GArray) keyset_cpu = g_array_new (FALSE, FALSE, sizeof (double));
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
      double t0 = docket_bench_now_ms (), c0 = docket_bench_cpu_ms (), t, c;

      rows = docket_store_list_items (b->store, query, cursor, 100, &next, &error);
      t = docket_bench_now_ms () - t0;
      c = docket_bench_cpu_ms () - c0;
      g_assert_no_error (error);
      g_array_append_val (keyset, t);
      g_array_append_val (keyset_cpu, c);
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
      double t0 = docket_bench_now_ms (), t;

      rows = docket_store_list_items_at (b->store, query, offset, 100, NULL);
      t = docket_bench_now_ms () - t0;
      g_array_append_val (jumps, t);
      t0 = docket_bench_now_ms ();
      more = docket_store_list_items_at (b->store, query, offset + 100, 100, NULL);
      t = docket_bench_now_ms () - t0;
      g_array_append_val (nexts, t);
    }
  med = median (keyset);
  printf ("  %-44s keyset median %6.2f ms (CPU %6.2f ms) | offset next-page median %6.2f ms | "
          "cold jump to offset 0/1k/10k/50k: %.1f %.1f %.1f %.1f ms\n",
          label, med, median (keyset_cpu), median (nexts),
          g_array_index (jumps, double, 0), g_array_index (jumps, double, 1),
          g_array_index (jumps, double, 2), g_array_index (jumps, double, 3));
  if (show_plan)
    {
      g_autofree char *sql_first = _docket_item_query_page_sql (query, FALSE, FALSE);
      g_autofree char *sql_keyset = _docket_item_query_page_sql (query, TRUE, FALSE);

      print_plan (b, "first page", sql_first);
      print_plan (b, "keyset page", sql_keyset);
    }
  b->worst_cpu = MAX (b->worst_cpu, median (keyset_cpu));
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
  printf ("worst keyset page median: %.2f ms (worst CPU-time median %.2f ms)\n", worst,
          b->worst_cpu);
}

static void
measure_report_and_counts (Bench *b)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) count_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(DocketReport) report = NULL;
  g_autoptr(DocketCalendar) calendar = docket_calendar_new ();
  guint counts[DOCKET_ITEM_N_VIEWS];
  DocketItemQuery q;
  DocketId one_unit[] = { 17 };

  for (int i = 0; i < 5; i++)
    {
      g_autoptr(GError) error = NULL;
      double t0 = docket_bench_now_ms (), c0 = docket_bench_cpu_ms (), t, c;

      g_clear_pointer (&report, docket_report_unref);
      report = docket_store_compute_report (b->store, DOCKET_DATE_NONE, DOCKET_DATE_NONE,
                                            b->today, NULL, 0, &error);
      t = docket_bench_now_ms () - t0;
      c = docket_bench_cpu_ms () - c0;
      g_assert_no_error (error);
      g_array_append_val (times, t);
      g_array_append_val (cpu_times, c);
    }
  printf ("\nPeriod report over all units: median %.1f ms, CPU %.1f ms (budget 100 ms); "
          "assigned %u, completed %u, overdue %u\n",
          median (times), median (cpu_times), docket_report_get_total (report)->assigned,
          docket_report_get_total (report)->completed, docket_report_get_total (report)->overdue);

  docket_item_query_init (&q, b->today);
  q.due_soon_until = docket_store_due_soon_until (calendar, b->today, 3);
  for (int i = 0; i < 3; i++)
    {
      double t0 = docket_bench_now_ms (), t;

      docket_store_count_items_by_view (b->store, &q, counts, NULL);
      t = docket_bench_now_ms () - t0;
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
      double t0 = docket_bench_now_ms (), t;

      docket_store_count_items_by_view (b->store, &q, counts, NULL);
      t = docket_bench_now_ms () - t0;
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
  double t0, c0, t_store, t_raw, c_store, c_raw;

  t0 = docket_bench_now_ms ();
  c0 = docket_bench_cpu_ms ();
  g_assert_true (_docket_store_begin_write (b->store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *content = docket_bench_random_content (rand, i);
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
  t_store = docket_bench_now_ms () - t0;
  c_store = docket_bench_cpu_ms () - c0;

  t0 = docket_bench_now_ms ();
  c0 = docket_bench_cpu_ms ();
  docket_bench_exec (b->db, "BEGIN IMMEDIATE");
  raw = docket_bench_prepare (b->db, "INSERT INTO items (meeting_id, content, content_folded, lead_unit_id, "
                        "lead_unit_folded, meeting_date, deadline, original_deadline, state, "
                        "assigned_on, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, "
                        "'2027-03-31', '2027-03-31', 0, ?, 0, 0, 'bench')");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *content = docket_bench_random_content (rand, i);
      g_autofree char *folded = _docket_store_fold (content);

      sqlite3_bind_int (raw, 1, (int) (1 + i % b->n_meetings));
      sqlite3_bind_text (raw, 2, content, -1, SQLITE_STATIC);
      sqlite3_bind_text (raw, 3, folded, -1, SQLITE_STATIC);
      sqlite3_bind_int (raw, 4, (int) (1 + i % b->n_units));
      sqlite3_bind_text (raw, 5, "don vi", -1, SQLITE_STATIC);
      sqlite3_bind_text (raw, 6, "2026-01-01", -1, SQLITE_STATIC);
      sqlite3_bind_text (raw, 7, "2026-01-01", -1, SQLITE_STATIC);
      docket_bench_step_done (b->db, raw);
    }
  sqlite3_finalize (raw);
  /* What the store does at COMMIT (schema v7): the queued search index changes. */
  docket_bench_exec (b->db, DOCKET_STORE_FLUSH_SEARCH_SQL);
  docket_bench_exec (b->db, "COMMIT");
  t_raw = docket_bench_now_ms () - t0;
  c_raw = docket_bench_cpu_ms () - c0;

  printf ("\nInserting %u items in one transaction: store API %.0f ms, raw SQLite %.0f ms, "
          "ratio %.2f (budget: <= %.0f ms and <= 3x)\n"
          "  CPU time: store API %.0f ms, raw SQLite %.0f ms, ratio %.2f\n",
          n, t_store, t_raw, t_store / t_raw, 2000.0 * n / 100000, c_store, c_raw,
          c_store / c_raw);
}

int
main (int    argc,
      char **argv)
{
  double scale = docket_bench_get_scale ();
  const char *keep = g_getenv ("DOCKET_BENCH_KEEP");
  const char *only = g_getenv ("DOCKET_BENCH_ONLY");
  gboolean reuse = keep != NULL && *keep != '\0' && g_file_test (keep, G_FILE_TEST_EXISTS);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  Bench b = { 0 };
  double t0;

  if (keep != NULL && *keep != '\0')
    path = g_strdup (keep);
  else
    {
      dir = g_dir_make_tmp ("docket-bench-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "bench.db", NULL);
    }
  t0 = docket_bench_now_ms ();
  b.store = docket_store_open (path, &error);
  g_assert_no_error (error);
  if (reuse)
    printf ("opened (and migrated to version %d) in %.1f s\n",
            docket_store_get_schema_version (b.store), (docket_bench_now_ms () - t0) / 1000.0);
  docket_store_set_actor (b.store, "bench");
  b.db = _docket_store_get_db (b.store);
  b.n_items = MAX (1000, (guint) (1000000 * scale));
  b.n_meetings = MAX (50, (guint) (50000 * scale));
  b.n_units = 300;
  b.today = D (2026, 7, 15);

  printf ("Docket store benchmark, scale %.3g, SQLite %s, file %s\n", scale, sqlite3_libversion (), path);
  if (!reuse)
    docket_bench_generate (b.db, b.n_items, b.n_meetings, b.n_units, b.today);
  if (keep != NULL && *keep != '\0' && g_getenv ("DOCKET_BENCH_GENERATE_ONLY") != NULL)
    {
      g_clear_object (&b.store);
      return 0;
    }
  /* DOCKET_BENCH_ONLY=pages, report or inserts measures one part alone. */
  if (only == NULL || g_str_equal (only, "pages"))
    measure_lists (&b);
  if (only == NULL || g_str_equal (only, "report"))
    measure_report_and_counts (&b);
  if (only == NULL || g_str_equal (only, "inserts"))
    measure_inserts (&b);

  g_clear_object (&b.store);
  if (dir != NULL)
    docket_bench_remove_tmpdir (dir);
  if (b.bad_plan)
    printf ("\nA page query scans the items table or sorts: see the plans marked above.\n");
  return b.bad_plan ? 1 : 0;
}
