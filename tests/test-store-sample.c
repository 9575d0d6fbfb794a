/* test-store-sample.c: the sample records
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "docket-store-items.h"
#include "docket-store-meetings.h"
#include "docket-store-private.h"
#include "docket-store-report.h"
#include "docket-store-sample.h"
#include "docket-store-units.h"
#include "docket-test-support.h"

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

static void
test_dashboard_figures (void)
{
  char *dir = docket_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "docket.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = docket_store_open (path, &error);
  g_autoptr(DocketReport) report = NULL;
  g_autoptr(DocketReport) whole = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autofree char *percent = NULL;
  const DocketReportRow *total;
  DocketDate ref = docket_store_sample_reference_date ();

  g_assert_no_error (error);
  docket_store_load_sample (store, &error);
  g_assert_no_error (error);

  /* The year so far, looked at on the reference date: 10/18, 55,56 %. */
  report = docket_store_compute_report (store, docket_date_new (2026, 1, 1),
                                        docket_date_new (2026, 12, 31), ref, NULL, 0, &error);
  g_assert_no_error (error);
  total = docket_report_get_total (report);
  g_assert_cmpuint (total->assigned, ==, 18);
  g_assert_cmpuint (total->completed, ==, 10);
  g_assert_cmpuint (total->completed_on_time, ==, 7);
  g_assert_cmpuint (total->completed_late, ==, 3);
  g_assert_cmpuint (total->overdue, ==, 3);
  g_assert_cmpuint (total->in_progress, ==, 4);
  g_assert_cmpuint (total->no_deadline, ==, 1);
  g_assert_cmpint (docket_report_row_completion_percent (total), ==, 5556);
  percent = docket_format_percent (docket_report_row_completion_percent (total));
  g_assert_cmpstr (percent, ==, "55,56");

  /* With no period at all, the same on the reference date. */
  whole = docket_store_compute_report (store, DOCKET_DATE_NONE, DOCKET_DATE_NONE, ref, NULL, 0,
                                       &error);
  g_assert_cmpuint (docket_report_get_total (whole)->completed, ==, 10);
  g_assert_cmpuint (docket_report_get_total (whole)->assigned, ==, 18);

  /* What the sample holds besides. */
  units = docket_store_list_units (store, FALSE, &error);
  g_assert_cmpuint (units->len, ==, 12);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM meetings WHERE title = "
                                     "'Hội nghị sơ kết công tác cải cách hành chính 6 tháng "
                                     "đầu năm 2026'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM conclusions"), >=, 5);
  g_assert_cmpint (query_int (store, "SELECT state FROM meetings"), ==, DOCKET_MEETING_STATE_NOTICE_ISSUED);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM attendees"), >=, 10);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM minutes_sections"), >=, 3);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM progress_reports"), >=, 3);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM extensions WHERE state = 1"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM items WHERE deadline_working_days > 0"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM organisation WHERE notice_symbol = "
                                     "'TB-UBND'"), ==, 1);

  g_clear_object (&store);
  docket_test_tmpdir_free (dir);
}

static void
test_refuses_over_records (void)
{
  char *dir = docket_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "docket.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = docket_store_open (path, &error);
  g_autoptr(DocketMeeting) meeting = docket_meeting_new ();
  gint64 audit;

  meeting->title = g_strdup ("Họp giao ban");
  meeting->date = docket_date_new (2026, 3, 2);
  g_assert_cmpint (docket_store_add_meeting (store, meeting, &error), >, 0);
  audit = query_int (store, "SELECT count(*) FROM audit_log");

  g_assert_false (docket_store_load_sample (store, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM units"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log"), ==, audit);
  g_clear_error (&error);

  /* Loaded once, a second load is refused too. */
  g_clear_object (&store);
  g_free (path);
  path = g_build_filename (dir, "second.db", NULL);
  store = docket_store_open (path, &error);
  g_assert_true (docket_store_load_sample (store, &error));
  g_assert_false (docket_store_load_sample (store, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM items"), ==, 18);

  g_clear_object (&store);
  docket_test_tmpdir_free (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/docket/store-sample/dashboard-figures", test_dashboard_figures);
  g_test_add_func ("/docket/store-sample/refuses-over-records", test_refuses_over_records);
  return g_test_run ();
}
