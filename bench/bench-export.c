/* bench-export.c: the budgets of issue 9 for exports
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exporting 100,000 items to XLSX: at most 5 s.  The notice PDF of a meeting with 30
 * conclusions: at most 300 ms.  DOCKET_BENCH_SCALE=0.01 runs the first at a hundredth
 * of the size, so the test suite keeps it building and running.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>

#include "docket-items-export.h"
#include "docket-notice-layout.h"
#include "docket-store-items.h"
#include "docket-store-meetings.h"
#include "docket-store-private.h"
#include "docket-store-units.h"

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

/* Items through raw SQL: the store's API would spend the budget on audit rows. */
static void
generate_items (DocketStore *store,
                guint        n_items)
{
  sqlite3 *db = _docket_store_get_db (store);
  sqlite3_stmt *item = NULL, *coordinating = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  DocketDate first = docket_date_new (2025, 1, 1);

  exec_sql (db, "BEGIN");
  exec_sql (db, "INSERT INTO units (id, name, name_folded, short_name, created_at, updated_at, updated_by) VALUES "
                "(1, 'Phòng Kinh tế', 'phong kinh te', 'PKT', 0, 0, 'bench'), "
                "(2, 'Phòng Văn hóa - Xã hội', 'phong van hoa - xa hoi', 'PVHXH', 0, 0, 'bench')");
  exec_sql (db, "INSERT INTO meetings (id, title, title_folded, date, notice_date, created_at, updated_at, "
                "updated_by) VALUES (1, 'Hội nghị giao ban', 'hoi nghi giao ban', '2025-01-06', "
                "'2025-01-06', 0, 0, 'bench')");
  g_assert (sqlite3_prepare_v2 (db, "INSERT INTO items (id, meeting_id, content, content_folded, "
                                    "lead_unit_id, lead_unit_folded, meeting_date, deadline, "
                                    "original_deadline, state, completed_on, assigned_on, starred, "
                                    "created_at, updated_at, updated_by) VALUES (?1, 1, ?2, ?3, ?4, ?5, "
                                    "'2025-01-06', ?6, ?6, ?7, ?8, '2025-01-06', 0, ?1, ?1, 'bench')",
                                -1, &item, NULL) == SQLITE_OK);
  g_assert (sqlite3_prepare_v2 (db, "INSERT INTO item_coordinating_units VALUES (?, 2)", -1,
                                &coordinating, NULL) == SQLITE_OK);
  for (guint i = 1; i <= n_items; i++)
    {
      g_autofree char *content = g_strdup_printf ("Nhiệm vụ %u: rà soát, báo cáo kết quả thực hiện "
                                                  "cải cách hành chính và chuyển đổi số", i);
      g_autofree char *folded = _docket_store_fold (content);
      DocketDate deadline = docket_date_add_days (first, g_rand_int_range (rand, 10, 700));
      g_autofree char *deadline_s = docket_date_format_iso (deadline);
      gboolean done = g_rand_int_range (rand, 0, 100) < 60;
      g_autofree char *done_s = done ? docket_date_format_iso (deadline - 3) : NULL;

      sqlite3_bind_int (item, 1, (int) i);
      sqlite3_bind_text (item, 2, content, -1, SQLITE_STATIC);
      sqlite3_bind_text (item, 3, folded, -1, SQLITE_STATIC);
      sqlite3_bind_int (item, 4, 1);
      sqlite3_bind_text (item, 5, "phong kinh te", -1, SQLITE_STATIC);
      sqlite3_bind_text (item, 6, deadline_s, -1, SQLITE_STATIC);
      sqlite3_bind_int (item, 7, done ? DOCKET_ITEM_STATE_CONFIRMED : DOCKET_ITEM_STATE_OPEN);
      if (done_s != NULL)
        sqlite3_bind_text (item, 8, done_s, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (item, 8);
      g_assert (sqlite3_step (item) == SQLITE_DONE);
      sqlite3_reset (item);
      if (i % 3 == 0)
        {
          sqlite3_bind_int (coordinating, 1, (int) i);
          g_assert (sqlite3_step (coordinating) == SQLITE_DONE);
          sqlite3_reset (coordinating);
        }
    }
  sqlite3_finalize (item);
  sqlite3_finalize (coordinating);
  exec_sql (db, DOCKET_STORE_FLUSH_SEARCH_SQL);
  exec_sql (db, "COMMIT");
}

static DocketId
add_meeting_of_30 (DocketStore *store)
{
  g_autoptr(GError) error = NULL;
  DocketOrganisation org = { .issuing_body = (char *) "ỦY BAN NHÂN DÂN XÃ BẾN LỨC",
                             .parent_body = (char *) "ỦY BAN NHÂN DÂN TỈNH TÂY NINH",
                             .place_name = (char *) "Bến Lức", .notice_symbol = (char *) "TB-UBND",
                             .signing_authority = (char *) "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG",
                             .signer_name = (char *) "Trần Minh Khoa", .drafting_unit = (char *) "VP" };
  DocketUnit unit = { .name = (char *) "Văn phòng HĐND và UBND xã" };
  DocketMeeting meeting = { .title = (char *) "Hội nghị tổng kết năm 2025",
                            .date = docket_date_new (2026, 1, 5), .start_minutes = -1,
                            .end_minutes = -1 };
  DocketId unit_id;

  docket_store_set_organisation (store, &org, &error);
  g_assert_no_error (error);
  unit_id = docket_store_add_unit (store, &unit, &error);
  g_assert_no_error (error);
  meeting.id = docket_store_add_meeting (store, &meeting, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *text = g_strdup_printf ("Kết luận %u: các đơn vị tập trung thực hiện nhiệm vụ "
                                               "trọng tâm, báo cáo kết quả hằng tháng.", i + 1);
      DocketConclusion conclusion = { .meeting_id = meeting.id, .text = text };
      DocketItem item = { .meeting_id = meeting.id, .lead_unit_id = unit_id,
                          .content = (char *) "Tham mưu kế hoạch thực hiện, báo cáo kết quả.",
                          .deadline = docket_date_new (2026, 6, 30) };

      item.conclusion_id = docket_store_add_conclusion (store, &conclusion, &error);
      g_assert_no_error (error);
      docket_store_add_item (store, &item, &error);
      g_assert_no_error (error);
    }
  return meeting.id;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int    argc,
      char **argv)
{
  const char *scale_env = g_getenv ("DOCKET_BENCH_SCALE");
  double scale = scale_env ? g_ascii_strtod (scale_env, NULL) : 1.0;
  guint n_items = MAX (100, (guint) (100000 * scale));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("docket-bench-export-XXXXXX", &error);
  g_autofree char *db_items = g_build_filename (dir, "items.db", NULL);
  g_autofree char *db_notice = g_build_filename (dir, "notice.db", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "items.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (dir, "notice.pdf", NULL);
  g_autoptr(DocketStore) items_store = NULL;
  g_autoptr(DocketStore) notice_store = NULL;
  DocketItemQuery query;
  DocketId meeting_id;
  double t0, xlsx_ms, times[7];

  g_assert_no_error (error);
  items_store = docket_store_open (db_items, &error);
  g_assert_no_error (error);
  generate_items (items_store, n_items);
  docket_item_query_init (&query, docket_date_new (2026, 10, 15));
  query.sort = DOCKET_ITEM_SORT_DEADLINE;
  t0 = now_ms ();
  docket_export_items_xlsx (items_store, &query, xlsx, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  xlsx_ms = now_ms () - t0;
  printf ("items to XLSX: %u items in %.0f ms (budget 5000 ms for 100,000)\n", n_items, xlsx_ms);

  notice_store = docket_store_open (db_notice, &error);
  g_assert_no_error (error);
  meeting_id = add_meeting_of_30 (notice_store);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      t0 = now_ms ();
      docket_export_notice_pdf (notice_store, meeting_id, pdf, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      times[i] = now_ms () - t0;
    }
  qsort (times, G_N_ELEMENTS (times), sizeof times[0], compare_double);
  printf ("notice PDF, 30 conclusions: median %.1f ms, first %.1f ms, worst %.1f ms (budget 300 ms)\n",
          times[G_N_ELEMENTS (times) / 2], times[0], times[G_N_ELEMENTS (times) - 1]);

  g_clear_object (&items_store);
  g_clear_object (&notice_store);
  g_unlink (xlsx);
  g_unlink (pdf);
  g_unlink (db_items);
  g_unlink (db_notice);
  {
    g_autofree char *wal1 = g_strconcat (db_items, "-wal", NULL);
    g_autofree char *shm1 = g_strconcat (db_items, "-shm", NULL);
    g_autofree char *wal2 = g_strconcat (db_notice, "-wal", NULL);
    g_autofree char *shm2 = g_strconcat (db_notice, "-shm", NULL);

    g_unlink (wal1); g_unlink (shm1); g_unlink (wal2); g_unlink (shm2);
  }
  g_rmdir (dir);
  /* Budgets hold at full size only: the smoke run in the test suite shares the machine. */
  return scale >= 1.0 && (xlsx_ms > 5000 || times[G_N_ELEMENTS (times) / 2] > 300) ? 1 : 0;
}
