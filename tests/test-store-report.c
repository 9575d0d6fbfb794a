/* test-store-report.c: the period report counted in SQL against the core's rules
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "docket-store-cache.h"
#include "docket-store-items.h"
#include "docket-store-private.h"
#include "docket-store-report.h"
#include "docket-test-support.h"

#define D(y, m, d) docket_date_new (y, m, d)

typedef struct
{
  char        *dir;
  DocketStore *store;
} Fixture;

static void
exec_sql (DocketStore *store,
          const char  *sql)
{
  char *message = NULL;

  if (sqlite3_exec (_docket_store_get_db (store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

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
  exec_sql (fixture->store,
            "INSERT INTO units (id, name, name_folded, created_at, updated_at, updated_by) VALUES "
            "(1, 'A', 'a', 0, 0, ''), (2, 'B', 'b', 0, 0, ''), (3, 'C', 'c', 0, 0, ''),"
            "(4, 'D', 'd', 0, 0, ''), (5, 'E', 'e', 0, 0, '');"
            "INSERT INTO meetings (id, title, title_folded, date, created_at, updated_at, updated_by) "
            "VALUES (1, 'M', 'm', '2026-01-05', 0, 0, '');");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  docket_test_tmpdir_free (fixture->dir);
}

static char *
iso (DocketDate date)
{
  g_autofree char *text = NULL;

  if (date == DOCKET_DATE_NONE)
    return g_strdup ("NULL");
  text = docket_date_format_iso (date);
  return g_strdup_printf ("'%s'", text);
}

/* Inserts an item as it may stand in a file, workflow rules aside: the report must
 * count whatever is there. */
static void
insert_item (DocketStore *store,
             int          unit,
             int          state,
             DocketDate   deadline,
             DocketDate   completed_on,
             DocketDate   assigned_on,
             DocketDate   last_progress_on)
{
  g_autofree char *d = iso (deadline);
  g_autofree char *c = iso (completed_on);
  g_autofree char *a = iso (assigned_on);
  g_autofree char *p = iso (last_progress_on);
  g_autofree char *sql =
    g_strdup_printf ("INSERT INTO items (meeting_id, content, lead_unit_id, deadline, "
                     "original_deadline, state, completed_on, assigned_on, last_progress_on, "
                     "created_at, updated_at, updated_by) VALUES (1, 'x', %d, %s, %s, %d, %s, "
                     "%s, %s, 0, 0, '')",
                     unit, d, d, state, c, a, p);
  exec_sql (store, sql);
}

/* The core accumulator over every item of the file. */
static DocketReport *
core_report (DocketStore    *store,
             DocketDate      from,
             DocketDate      to,
             DocketDate      today,
             const DocketId *units,
             guint           n_units)
{
  DocketReport *report = docket_report_new (from, to, today);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (_docket_store_get_db (store), "SELECT id FROM items",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(DocketItem) item = docket_store_get_item (store, sqlite3_column_int64 (stmt, 0), NULL);
      gboolean wanted = n_units == 0;

      for (guint i = 0; i < n_units; i++)
        wanted |= units[i] == item->lead_unit_id;
      if (wanted)
        docket_report_add_item (report, item);
    }
  sqlite3_finalize (stmt);
  return report;
}

static void
assert_rows_equal (const DocketReportRow *a,
                   const DocketReportRow *b)
{
  g_assert_cmpint (a->unit_id, ==, b->unit_id);
  g_assert_cmpuint (a->assigned, ==, b->assigned);
  g_assert_cmpuint (a->completed, ==, b->completed);
  g_assert_cmpuint (a->completed_on_time, ==, b->completed_on_time);
  g_assert_cmpuint (a->completed_late, ==, b->completed_late);
  g_assert_cmpuint (a->not_completed, ==, b->not_completed);
  g_assert_cmpuint (a->in_progress, ==, b->in_progress);
  g_assert_cmpuint (a->overdue, ==, b->overdue);
  g_assert_cmpuint (a->overdue_long, ==, b->overdue_long);
  g_assert_cmpuint (a->no_deadline, ==, b->no_deadline);
  g_assert_cmpuint (a->updated, ==, b->updated);
}

static void
assert_reports_equal (DocketReport *sql,
                      DocketReport *core)
{
  const DocketReportRow *a, *b;
  guint na = 0, nb = 0;

  assert_rows_equal (docket_report_get_total (sql), docket_report_get_total (core));
  a = docket_report_get_unit_rows (sql, &na);
  b = docket_report_get_unit_rows (core, &nb);
  g_assert_cmpuint (na, ==, nb);
  for (guint i = 0; i < na; i++)
    assert_rows_equal (&a[i], &b[i]);
}

static void
test_hand_checked (Fixture       *fixture,
                   gconstpointer  data)
{
  DocketStore *store = fixture->store;
  g_autoptr(DocketReport) report = NULL;
  g_autoptr(DocketReport) core = NULL;
  g_autoptr(GError) error = NULL;
  const DocketReportRow *total, *u1, *u2;
  DocketDate none = DOCKET_DATE_NONE;
  DocketDate jan = D (2026, 1, 1);

  /* The first half of 2026, printed on 15/07: statuses as on 30/06. */
  insert_item (store, 1, 2, D (2026, 6, 30), D (2026, 6, 30), jan, none);  /* on time, deadline day */
  insert_item (store, 1, 2, D (2026, 6, 30), D (2026, 7, 1), jan, none);   /* done after the day: in progress */
  insert_item (store, 1, 2, D (2025, 12, 1), D (2025, 12, 31), jan, none); /* done before the period: left out */
  insert_item (store, 1, 4, D (2026, 6, 1), none, jan, none);              /* cancelled: left out */
  insert_item (store, 1, 0, D (2026, 8, 1), none, D (2026, 7, 2), none);   /* assigned after: left out */
  insert_item (store, 1, 0, D (2026, 5, 30), none, jan, none);             /* overdue 31 days: long */
  insert_item (store, 1, 0, D (2026, 5, 31), none, jan, none);             /* overdue 30 days */
  insert_item (store, 1, 0, none, none, jan, D (2026, 6, 1));              /* no deadline, updated (29 days) */
  insert_item (store, 1, 1, D (2026, 7, 20), D (2026, 6, 10), jan, D (2026, 5, 31)); /* awaiting: in progress, not updated (30 days) */
  insert_item (store, 2, 2, D (2026, 6, 10), D (2026, 6, 15), jan, none);  /* late */
  insert_item (store, 2, 2, none, D (2026, 3, 1), jan, none);              /* completed without deadline: on time */
  insert_item (store, 2, 3, D (2026, 7, 31), none, none, none);            /* returned, no assigned date: in progress */

  report = docket_store_compute_report (store, jan, D (2026, 6, 30), D (2026, 7, 15), NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docket_report_get_day (report), ==, D (2026, 6, 30));
  total = docket_report_get_total (report);
  g_assert_cmpuint (total->assigned, ==, 9);
  g_assert_cmpuint (total->completed, ==, 3);
  g_assert_cmpuint (total->completed_on_time, ==, 2);
  g_assert_cmpuint (total->completed_late, ==, 1);
  g_assert_cmpuint (total->not_completed, ==, 6);
  g_assert_cmpuint (total->in_progress, ==, 3);
  g_assert_cmpuint (total->overdue, ==, 2);
  g_assert_cmpuint (total->overdue_long, ==, 1);
  g_assert_cmpuint (total->no_deadline, ==, 1);
  g_assert_cmpuint (total->updated, ==, 1);
  g_assert_cmpint (docket_report_row_completion_percent (total), ==, 3333);

  u1 = docket_report_get_unit_row (report, 1);
  u2 = docket_report_get_unit_row (report, 2);
  g_assert_cmpuint (u1->assigned, ==, 6);
  g_assert_cmpuint (u1->completed, ==, 1);
  g_assert_cmpuint (u1->overdue, ==, 2);
  g_assert_cmpuint (u2->assigned, ==, 3);
  g_assert_cmpuint (u2->completed_late, ==, 1);
  g_assert_cmpuint (u2->in_progress, ==, 1);
  g_assert_null (docket_report_get_unit_row (report, 3));

  core = core_report (store, jan, D (2026, 6, 30), D (2026, 7, 15), NULL, 0);
  assert_reports_equal (report, core);

  /* One unit only. */
  {
    DocketId only[] = { 2 };
    g_autoptr(DocketReport) one = docket_store_compute_report (store, jan, D (2026, 6, 30),
                                                               D (2026, 7, 15), only, 1, &error);
    g_assert_cmpuint (docket_report_get_total (one)->assigned, ==, 3);
    g_assert_null (docket_report_get_unit_row (one, 1));
  }

  /* A period that ends before it begins is refused. */
  g_assert_null (docket_store_compute_report (store, D (2026, 7, 1), D (2026, 6, 30),
                                              D (2026, 7, 15), NULL, 0, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID);
}

/* How many items the items area shows for a figure of the report: the view, on the
 * report's day, with the period's membership filter (what the dashboard asks for
 * when a figure is clicked). */
static guint
figure_count (DocketStore          *store,
              DocketItemView        view,
              DocketItemCompletion  completion,
              DocketDate            from,
              DocketDate            to,
              DocketDate            today,
              DocketDate            deadline_to,
              const DocketId       *units,
              guint                 n_units)
{
  g_autoptr(GError) error = NULL;
  DocketItemQuery query;
  guint n = 0;

  docket_item_query_init (&query, docket_report_day (to, today));
  query.view = view;
  query.completion = completion;
  query.period_from = from;
  query.period_to = to;
  query.deadline_to = deadline_to;
  query.unit_ids = units;
  query.n_units = n_units;
  g_assert_true (docket_store_count_items (store, &query, &n, &error));
  g_assert_no_error (error);
  return n;
}

static void
assert_figures_match_lists (DocketStore    *store,
                            DocketReport   *report,
                            DocketDate      from,
                            DocketDate      to,
                            DocketDate      today,
                            const DocketId *units,
                            guint           n_units)
{
  const DocketReportRow *total = docket_report_get_total (report);
  DocketDate day = docket_report_day (to, today);
  DocketDate long_ago = docket_date_add_days (day, -(DOCKET_REPORT_LONG_OVERDUE_DAYS + 1));

#define COUNT(view, completion, deadline_to) \
  figure_count (store, view, completion, from, to, today, deadline_to, units, n_units)
  g_assert_cmpuint (COUNT (DOCKET_ITEM_VIEW_ALL, DOCKET_ITEM_COMPLETION_ANY, DOCKET_DATE_NONE),
                    ==, total->assigned);
  g_assert_cmpuint (COUNT (DOCKET_ITEM_VIEW_COMPLETED, DOCKET_ITEM_COMPLETION_ANY,
                           DOCKET_DATE_NONE), ==, total->completed);
  g_assert_cmpuint (COUNT (DOCKET_ITEM_VIEW_COMPLETED, DOCKET_ITEM_COMPLETION_ON_TIME,
                           DOCKET_DATE_NONE), ==, total->completed_on_time);
  g_assert_cmpuint (COUNT (DOCKET_ITEM_VIEW_COMPLETED, DOCKET_ITEM_COMPLETION_LATE,
                           DOCKET_DATE_NONE), ==, total->completed_late);
  g_assert_cmpuint (COUNT (DOCKET_ITEM_VIEW_IN_PROGRESS, DOCKET_ITEM_COMPLETION_ANY,
                           DOCKET_DATE_NONE), ==, total->in_progress);
  g_assert_cmpuint (COUNT (DOCKET_ITEM_VIEW_OVERDUE, DOCKET_ITEM_COMPLETION_ANY,
                           DOCKET_DATE_NONE), ==, total->overdue);
  g_assert_cmpuint (COUNT (DOCKET_ITEM_VIEW_OVERDUE, DOCKET_ITEM_COMPLETION_ANY, long_ago),
                    ==, total->overdue_long);
  g_assert_cmpuint (COUNT (DOCKET_ITEM_VIEW_NO_DEADLINE, DOCKET_ITEM_COMPLETION_ANY,
                           DOCKET_DATE_NONE), ==, total->no_deadline);
#undef COUNT
}

static DocketDate
random_date_or_none (GRand     *rand,
                     DocketDate base,
                     int        spread,
                     int        none_percent)
{
  if (g_rand_int_range (rand, 0, 100) < none_percent)
    return DOCKET_DATE_NONE;
  return docket_date_add_days (base, g_rand_int_range (rand, -spread, spread + 1));
}

static void
test_random (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260715);
  DocketDate base = D (2026, 6, 15);
  struct { DocketDate from, to, today; } periods[] = {
    { D (2026, 1, 1), D (2026, 6, 30), D (2026, 7, 15) },
    { D (2026, 6, 1), D (2026, 6, 30), D (2026, 6, 20) },
    { DOCKET_DATE_NONE, DOCKET_DATE_NONE, D (2026, 6, 15) },
    { D (2026, 4, 1), DOCKET_DATE_NONE, D (2026, 8, 1) },
    { D (2026, 6, 15), D (2026, 6, 15), D (2026, 6, 15) },
    /* From the beginning: the completed items come from the counters. */
    { DOCKET_DATE_NONE, D (2026, 6, 30), D (2026, 7, 15) },
    { DOCKET_DATE_NONE, DOCKET_DATE_NONE, D (2026, 5, 1) },
    /* Whole months from the counters: a year under way, a quarter past, a period that
     * starts inside a month and ends on a month's last day, one that ends inside a
     * month (its open items walked in the index), one that has not begun. */
    { D (2026, 1, 1), D (2026, 12, 31), D (2026, 8, 10) },
    { D (2026, 4, 1), D (2026, 6, 30), D (2026, 7, 15) },
    { D (2026, 3, 17), D (2026, 7, 31), D (2026, 9, 1) },
    { D (2026, 2, 10), D (2026, 7, 20), D (2026, 7, 25) },
    { D (2026, 8, 1), D (2026, 8, 31), D (2026, 7, 10) },
  };
  DocketId some[] = { 2, 4 };
  g_autofree char *path = g_build_filename (fixture->dir, "docket.db", NULL);
  g_autoptr(GError) open_error = NULL;
  g_autoptr(DocketStore) helper = docket_store_open (path, &open_error);

  g_assert_no_error (open_error);
  /* The dashboard's connections read the file through a memory map. */
  g_assert_true (docket_store_map_file (helper, G_GUINT64_CONSTANT (1) << 30, &open_error));
  g_assert_no_error (open_error);
  exec_sql (fixture->store, "BEGIN");
  for (int i = 0; i < 3000; i++)
    insert_item (fixture->store, g_rand_int_range (rand, 1, 6), g_rand_int_range (rand, 0, 5),
                 random_date_or_none (rand, base, 90, 15),
                 random_date_or_none (rand, base, 90, 30),
                 random_date_or_none (rand, base, 120, 10),
                 random_date_or_none (rand, base, 60, 40));
  exec_sql (fixture->store, "COMMIT");

  for (int round = 0; round < 2; round++)
  {
  /* The second round after items were changed and removed, as the workflow and an
   * import would: the report's counters must follow every change. */
  if (round == 1)
    {
      exec_sql (fixture->store, "BEGIN");
      for (int i = 0; i < 600; i++)
        {
          int id = g_rand_int_range (rand, 1, 3001);
          g_autofree char *c = iso (random_date_or_none (rand, base, 90, 20));
          g_autofree char *d = iso (random_date_or_none (rand, base, 90, 15));
          g_autofree char *sql = NULL;

          switch (i % 5)
            {
            case 4:
              sql = g_strdup_printf ("UPDATE items SET assigned_on = %s WHERE id = %d",
                                     d, id);
              break;
            case 0:
              sql = g_strdup_printf ("UPDATE items SET state = %d, completed_on = %s WHERE id = %d",
                                     g_rand_int_range (rand, 0, 5), c, id);
              break;
            case 1:
              sql = g_strdup_printf ("UPDATE items SET deadline = %s WHERE id = %d", d, id);
              break;
            case 2:
              sql = g_strdup_printf ("UPDATE items SET lead_unit_id = %d WHERE id = %d",
                                     g_rand_int_range (rand, 1, 6), id);
              break;
            default:
              sql = g_strdup_printf ("DELETE FROM items WHERE id = %d", id);
              break;
            }
          exec_sql (fixture->store, sql);
        }
      exec_sql (fixture->store, "COMMIT");
    }

  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    for (guint with_units = 0; with_units < 2; with_units++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(DocketReport) sql = NULL;
        g_autoptr(DocketReport) split = NULL;
        g_autoptr(DocketReport) core = NULL;
        guint n = with_units ? G_N_ELEMENTS (some) : 0;

        sql = docket_store_compute_report (fixture->store, periods[p].from, periods[p].to,
                                           periods[p].today, some, n, &error);
        g_assert_no_error (error);
        core = core_report (fixture->store, periods[p].from, periods[p].to, periods[p].today,
                            some, n);
        g_assert_cmpuint (docket_report_get_total (core)->assigned, >, 0);
        assert_reports_equal (sql, core);
        /* Counted in two halves on two connections at once: the same report. */
        split = docket_store_compute_report_split (fixture->store, helper, periods[p].from,
                                                   periods[p].to, periods[p].today, some, n,
                                                   &error);
        g_assert_no_error (error);
        assert_reports_equal (split, core);
        assert_figures_match_lists (fixture->store, sql, periods[p].from, periods[p].to,
                                    periods[p].today, some, n);
      }
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/docket/store-report/hand-checked", Fixture, NULL, fixture_set_up,
              test_hand_checked, fixture_tear_down);
  g_test_add ("/docket/store-report/random", Fixture, NULL, fixture_set_up, test_random,
              fixture_tear_down);
  return g_test_run ();
}
