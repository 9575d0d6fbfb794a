/* test-store-lifecycle.c: a meeting's notice locks its conclusions and items
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "docket-store-items.h"
#include "docket-store-lifecycle.h"
#include "docket-store-meetings.h"
#include "docket-store-private.h"
#include "docket-store-units.h"
#include "docket-test-support.h"

typedef struct
{
  char        *dir;
  DocketStore *store;
  DocketId     meeting;
  DocketId     conclusion;
  DocketId     item;
  DocketId     unit;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DocketMeeting) meeting = docket_meeting_new ();
  g_autoptr(DocketConclusion) conclusion = docket_conclusion_new ();
  g_autoptr(DocketUnit) unit = docket_unit_new ();
  g_autoptr(DocketItem) item = docket_item_new ();

  f->dir = docket_test_tmpdir_new ();
  path = g_build_filename (f->dir, "docket.db", NULL);
  f->store = docket_store_open (path, &error);
  g_assert_no_error (error);

  unit->name = g_strdup ("Phòng Nội vụ");
  f->unit = docket_store_add_unit (f->store, unit, &error);
  meeting->title = g_strdup ("Hội nghị sơ kết");
  meeting->date = docket_date_new (2026, 7, 10);
  f->meeting = docket_store_add_meeting (f->store, meeting, &error);
  conclusion->meeting_id = f->meeting;
  conclusion->text = g_strdup ("Khắc phục tồn tại.");
  f->conclusion = docket_store_add_conclusion (f->store, conclusion, &error);
  item->meeting_id = f->meeting;
  item->conclusion_id = f->conclusion;
  item->lead_unit_id = f->unit;
  item->content = g_strdup ("Rà soát hồ sơ trễ hạn");
  item->deadline = docket_date_new (2026, 9, 30);
  f->item = docket_store_add_item (f->store, item, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  docket_store_close (f->store);
  g_clear_object (&f->store);
  docket_test_tmpdir_free (f->dir);
}

static gint64
count_rows (DocketStore *store,
            const char  *sql)
{
  g_autoptr(DocketStmt) stmt = _docket_store_prepare (store, sql, NULL);
  gboolean row = FALSE;

  g_assert_true (_docket_store_step (store, stmt, &row, NULL));
  g_assert_true (row);
  return _docket_stmt_get_int (stmt, 0);
}

static void
test_lifecycle_notice_locks (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketConclusion) more = docket_conclusion_new ();
  g_autoptr(DocketItem) item = NULL;
  g_autoptr(DocketMeeting) meeting = NULL;
  gint64 audit_before;

  g_assert_true (docket_store_mark_meeting_recorded (f->store, f->meeting, &error));
  g_assert_true (docket_store_issue_notice (f->store, f->meeting, "05", docket_date_new (2026, 7, 15), &error));
  g_assert_no_error (error);
  meeting = docket_store_get_meeting (f->store, f->meeting, &error);
  g_assert_cmpint (meeting->state, ==, DOCKET_MEETING_STATE_NOTICE_ISSUED);
  g_assert_cmpstr (meeting->notice_number, ==, "05");
  g_assert_cmpuint (meeting->notice_date, ==, docket_date_new (2026, 7, 15));

  audit_before = count_rows (f->store, "SELECT count (*) FROM audit_log");

  /* Conclusions and items of the notice are refused, with nothing written. */
  more->meeting_id = f->meeting;
  more->text = g_strdup ("Một kết luận mới");
  g_assert_cmpint (docket_store_add_conclusion (f->store, more, &error), ==, 0);
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (docket_store_remove_conclusion (f->store, f->conclusion, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  item = docket_store_get_item (f->store, f->item, &error);
  g_free (item->content);
  item->content = g_strdup ("Sửa nội dung sau khi đã ban hành thông báo");
  g_assert_false (docket_store_update_item (f->store, item, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->store, "SELECT count (*) FROM audit_log"), ==, audit_before);

  /* The work on the items goes on: progress is reported as usual. */
  g_assert_cmpint (docket_store_add_progress (f->store, f->item, docket_date_new (2026, 8, 1),
                                              "Đã rà soát 20 hồ sơ", 30, NULL, 0, &error), !=, 0);
  g_assert_no_error (error);

  /* A second notice needs the meeting reopened first. */
  g_assert_false (docket_store_issue_notice (f->store, f->meeting, "06", docket_date_new (2026, 7, 16), &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
}

static void
test_lifecycle_reopen_needs_reason (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketConclusion) more = docket_conclusion_new ();

  g_assert_true (docket_store_issue_notice (f->store, f->meeting, "05", docket_date_new (2026, 7, 15), &error));
  g_assert_false (docket_store_reopen_meeting (f->store, f->meeting, "   ", &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (docket_store_reopen_meeting (f->store, f->meeting, "Bổ sung kết luận theo ý kiến Chủ tịch", &error));
  g_assert_no_error (error);
  /* The reason is in the append-only history. */
  g_assert_cmpint (count_rows (f->store, "SELECT count (*) FROM audit_log WHERE action = 'reopen' "
                                         "AND changes LIKE '%Bổ sung kết luận%'"), ==, 1);

  more->meeting_id = f->meeting;
  more->text = g_strdup ("Một kết luận mới");
  g_assert_cmpint (docket_store_add_conclusion (f->store, more, &error), !=, 0);
  g_assert_no_error (error);
}

static void
test_lifecycle_notice_number (Fixture       *f,
                              gconstpointer  data)
{
  const char *bad[] = { "", "  ", "0 5", NULL };

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_false (docket_store_issue_notice (f->store, f->meeting, bad[i], docket_date_new (2026, 7, 15), &error));
      g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID);
    }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (docket_store_issue_notice (f->store, f->meeting, "05", DOCKET_DATE_NONE, &error));
    g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/docket/store-lifecycle/notice-locks", Fixture, NULL,
              fixture_set_up, test_lifecycle_notice_locks, fixture_tear_down);
  g_test_add ("/docket/store-lifecycle/reopen-needs-reason", Fixture, NULL,
              fixture_set_up, test_lifecycle_reopen_needs_reason, fixture_tear_down);
  g_test_add ("/docket/store-lifecycle/notice-number", Fixture, NULL,
              fixture_set_up, test_lifecycle_notice_number, fixture_tear_down);

  return g_test_run ();
}
