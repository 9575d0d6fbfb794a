/* test-store-items.c: adding and editing items, and their workflow
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "docket-store-cache.h"
#include "docket-store-items.h"
#include "docket-store-meetings.h"
#include "docket-store-private.h"
#include "docket-store-units.h"
#include "docket-test-support.h"

typedef struct
{
  char        *dir;
  DocketStore *store;
  DocketId     units[4];
  DocketId     meeting;
  DocketId     conclusion;
  DocketId     other_conclusion;
} Fixture;

#define D(y, m, d) docket_date_new (y, m, d)

static DocketId
add_unit (DocketStore *store,
          const char  *name)
{
  g_autoptr(DocketUnit) unit = docket_unit_new ();
  g_autoptr(GError) error = NULL;
  DocketId id;

  unit->name = g_strdup (name);
  id = docket_store_add_unit (store, unit, &error);
  g_assert_no_error (error);
  return id;
}

static DocketId
add_meeting (DocketStore *store,
             const char  *title,
             DocketDate   date,
             DocketDate   notice_date)
{
  g_autoptr(DocketMeeting) meeting = docket_meeting_new ();
  g_autoptr(GError) error = NULL;
  DocketId id;

  meeting->title = g_strdup (title);
  meeting->date = date;
  meeting->notice_date = notice_date;
  id = docket_store_add_meeting (store, meeting, &error);
  g_assert_no_error (error);
  return id;
}

static DocketId
add_conclusion (DocketStore *store,
                DocketId     meeting,
                const char  *text)
{
  g_autoptr(DocketConclusion) conclusion = docket_conclusion_new ();
  g_autoptr(GError) error = NULL;
  DocketId id;

  conclusion->meeting_id = meeting;
  conclusion->text = g_strdup (text);
  id = docket_store_add_conclusion (store, conclusion, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  DocketId other_meeting;

  fixture->dir = docket_test_tmpdir_new ();
  path = g_build_filename (fixture->dir, "docket.db", NULL);
  fixture->store = docket_store_open (path, &error);
  g_assert_no_error (error);
  docket_store_set_actor (fixture->store, "Trần Thị Thư Ký");
  fixture->units[0] = add_unit (fixture->store, "Phòng Nội vụ");
  fixture->units[1] = add_unit (fixture->store, "Phòng Tư pháp");
  fixture->units[2] = add_unit (fixture->store, "Văn phòng HĐND và UBND");
  fixture->units[3] = add_unit (fixture->store, "UBND xã Tân Bửu");
  fixture->meeting = add_meeting (fixture->store, "Hội nghị sơ kết", D (2026, 4, 27),
                                  D (2026, 4, 28));
  fixture->conclusion = add_conclusion (fixture->store, fixture->meeting, "Khắc phục hạn chế");
  other_meeting = add_meeting (fixture->store, "Họp giao ban", D (2026, 5, 4), DOCKET_DATE_NONE);
  fixture->other_conclusion = add_conclusion (fixture->store, other_meeting, "Khác");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  docket_test_tmpdir_free (fixture->dir);
}

static DocketItem *
new_item (Fixture    *fixture,
          const char *content,
          DocketDate  deadline)
{
  DocketItem *item = docket_item_new ();

  item->content = g_strdup (content);
  item->meeting_id = fixture->meeting;
  item->conclusion_id = fixture->conclusion;
  item->lead_unit_id = fixture->units[0];
  item->deadline = deadline;
  return item;
}

static DocketId
add_item (Fixture    *fixture,
          DocketDate  deadline)
{
  g_autoptr(DocketItem) item = new_item (fixture, "Rà soát thủ tục hành chính", deadline);
  g_autoptr(GError) error = NULL;
  DocketId id = docket_store_add_item (fixture->store, item, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static DocketItem *
get_item (Fixture  *fixture,
          DocketId  id)
{
  g_autoptr(GError) error = NULL;
  DocketItem *item = docket_store_get_item (fixture->store, id, &error);

  g_assert_no_error (error);
  return item;
}

/* Every row the item calls touch, as text: equal before and after a refused action
 * proves it changed nothing. */
static char *
snapshot (DocketStore *store)
{
  static const char *tables[] = {
    "items", "item_coordinating_units", "progress_reports", "extensions",
    "attachments", "audit_log",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", tables[i]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (_docket_store_get_db (store), sql, -1, &stmt, NULL),
                       ==, SQLITE_OK);
      g_string_append_printf (out, "[%s]\n", tables[i]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);
              g_string_append_printf (out, "%s|", text != NULL ? text : "NULL");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (out, FALSE);
}

static gint64
count_rows (DocketStore *store,
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
test_add_and_get (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(DocketItem) item = new_item (fixture, "Công khai thủ tục hành chính", D (2026, 9, 30));
  g_autoptr(DocketItem) got = NULL;
  g_autoptr(GError) error = NULL;
  DocketId coordinating[] = { fixture->units[1], fixture->units[3] };
  DocketId id;

  docket_item_set_coordinating_units (item, coordinating, G_N_ELEMENTS (coordinating));
  item->starred = TRUE;
  id = docket_store_add_item (fixture->store, item, &error);
  g_assert_no_error (error);

  got = get_item (fixture, id);
  g_assert_cmpstr (got->content, ==, "Công khai thủ tục hành chính");
  g_assert_cmpint (got->lead_unit_id, ==, fixture->units[0]);
  g_assert_cmpuint (got->n_coordinating, ==, 2);
  g_assert_cmpint (got->coordinating_unit_ids[0], ==, MIN (coordinating[0], coordinating[1]));
  g_assert_cmpint (got->coordinating_unit_ids[1], ==, MAX (coordinating[0], coordinating[1]));
  g_assert_cmpuint (got->deadline, ==, D (2026, 9, 30));
  g_assert_cmpuint (got->original_deadline, ==, D (2026, 9, 30));
  g_assert_cmpuint (got->assigned_on, ==, D (2026, 4, 27));  /* the meeting's day */
  g_assert_cmpint (got->state, ==, DOCKET_ITEM_STATE_OPEN);
  g_assert_true (got->starred);
  g_assert_cmpint (count_rows (fixture->store,
                               "SELECT count(*) FROM audit_log WHERE table_name = 'items' "
                               "AND action = 'insert' AND actor = 'Trần Thị Thư Ký'"), ==, 1);
  g_assert_cmpint (count_rows (fixture->store,
                               "SELECT count(*) FROM items WHERE content_folded = "
                               "'cong khai thu tuc hanh chinh' AND lead_unit_folded = 'phong noi vu' "
                               "AND meeting_date = '2026-04-27'"), ==, 1);

  /* Editing: a new lead unit, no coordinating units, no deadline. */
  got->lead_unit_id = fixture->units[2];
  docket_item_set_coordinating_units (got, NULL, 0);
  got->deadline = DOCKET_DATE_NONE;
  docket_store_update_item (fixture->store, got, &error);
  g_assert_no_error (error);
  g_clear_pointer (&got, docket_item_free);
  got = get_item (fixture, id);
  g_assert_cmpint (got->lead_unit_id, ==, fixture->units[2]);
  g_assert_cmpuint (got->n_coordinating, ==, 0);
  g_assert_cmpuint (got->deadline, ==, DOCKET_DATE_NONE);
  g_assert_cmpint (count_rows (fixture->store,
                               "SELECT count(*) FROM items WHERE lead_unit_folded = "
                               "'van phong hdnd va ubnd'"), ==, 1);
}

static void
test_working_days (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DocketItem) item = new_item (fixture, "Báo cáo kết quả", DOCKET_DATE_NONE);
  g_autoptr(DocketItem) got = NULL;
  g_autoptr(DocketCalendar) calendar = docket_calendar_new ();
  g_autoptr(GError) error = NULL;
  DocketId id;

  /* Notice on Tuesday 28/04/2026; 30/04 and 01/05 are holidays, then a weekend: three
   * working days later is Tuesday 05/05. */
  item->deadline_working_days = 3;
  id = docket_store_add_item (fixture->store, item, &error);
  g_assert_no_error (error);
  got = get_item (fixture, id);
  g_assert_cmpuint (got->deadline, ==, D (2026, 5, 5));
  g_assert_cmpuint (got->deadline, ==, docket_calendar_add_working_days (calendar, D (2026, 4, 28), 3));
  g_assert_cmpint (got->deadline_working_days, ==, 3);
  g_assert_cmpuint (got->original_deadline, ==, D (2026, 5, 5));

  /* An edited year schedule of the file is followed: a swapped working Saturday. */
  g_assert_cmpint (sqlite3_exec (_docket_store_get_db (fixture->store),
                                 "INSERT INTO holiday_schedule VALUES (2026, '2026-05-02', 0, "
                                 "'swap', 0, 'x'), (2026, '2026-04-30', 1, 'h', 0, 'x'), "
                                 "(2026, '2026-05-01', 1, 'h', 0, 'x')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&got, docket_item_free);
  id = docket_store_add_item (fixture->store, item, &error);
  g_assert_no_error (error);
  got = get_item (fixture, id);
  g_assert_cmpuint (got->deadline, ==, D (2026, 5, 4));
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *huge = NULL;
  DocketId id = add_item (fixture, D (2026, 9, 30));
  DocketId coordinating_lead[] = { fixture->units[0] };
  DocketId twice[] = { fixture->units[1], fixture->units[1] };
  struct {
    const char *what;
    int         code;
  } cases[] = {
    { "empty content", DOCKET_STORE_ERROR_INVALID },
    { "1 MB content", DOCKET_STORE_ERROR_INVALID },
    { "invalid UTF-8", DOCKET_STORE_ERROR_INVALID },
    { "no meeting", DOCKET_STORE_ERROR_INVALID },
    { "unknown meeting", DOCKET_STORE_ERROR_NOT_FOUND },
    { "no lead unit", DOCKET_STORE_ERROR_INVALID },
    { "unknown lead unit", DOCKET_STORE_ERROR_NOT_FOUND },
    { "lead also coordinating", DOCKET_STORE_ERROR_INVALID },
    { "coordinating twice", DOCKET_STORE_ERROR_INVALID },
    { "conclusion of another meeting", DOCKET_STORE_ERROR_INVALID },
    { "deadline before assignment", DOCKET_STORE_ERROR_INVALID },
    { "archived lead unit", DOCKET_STORE_ERROR_CONFLICT },
  };

  huge = g_strnfill (1024 * 1024, 'a');
  g_assert_true (docket_store_archive_unit (fixture->store, fixture->units[3], NULL));
  before = snapshot (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DocketItem) item = new_item (fixture, "Nội dung", D (2026, 9, 30));
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      switch (i)
        {
        case 0: g_free (item->content); item->content = g_strdup ("  "); break;
        case 1: g_free (item->content); item->content = g_strdup (huge); break;
        case 2: g_free (item->content); item->content = g_strdup ("bad \xff\xfe text"); break;
        case 3: item->meeting_id = 0; break;
        case 4: item->meeting_id = 9999; break;
        case 5: item->lead_unit_id = 0; break;
        case 6: item->lead_unit_id = 9999; break;
        case 7: docket_item_set_coordinating_units (item, coordinating_lead, 1); break;
        case 8: docket_item_set_coordinating_units (item, twice, 2); break;
        case 9: item->conclusion_id = fixture->other_conclusion; break;
        case 10: item->deadline = D (2026, 4, 1); break;
        case 11: item->lead_unit_id = fixture->units[3]; break;
        default: g_assert_not_reached ();
        }
      g_test_message ("refusal: %s", cases[i].what);
      g_assert_cmpint (docket_store_add_item (fixture->store, item, &error), ==, 0);
      g_assert_error (error, DOCKET_STORE_ERROR, cases[i].code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);

      item->id = id;
      g_assert_false (docket_store_update_item (fixture->store, item, &error));
      g_assert_error (error, DOCKET_STORE_ERROR, cases[i].code);
      after = snapshot (fixture->store);
      g_assert_cmpstr (before, ==, after);
    }

  /* The 1 MB text tells how long it may be. */
  {
    g_autoptr(DocketItem) item = new_item (fixture, huge, D (2026, 9, 30));
    g_autoptr(GError) error = NULL;

    docket_store_add_item (fixture->store, item, &error);
    g_assert_nonnull (strstr (error->message, "4000"));
  }
}

static void
assert_refused (Fixture    *fixture,
                const char *before,
                GError     *error,
                int         code)
{
  g_autofree char *after = snapshot (fixture->store);

  g_assert_error (error, DOCKET_STORE_ERROR, code);
  g_assert_cmpstr (before, ==, after);
}

static void
test_workflow (Fixture       *fixture,
               gconstpointer  data)
{
  DocketId id = add_item (fixture, D (2026, 6, 30));
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1.4 minh chứng", 21);
  DocketEvidenceFile file = { "bien-ban.pdf", "application/pdf", bytes };
  g_autoptr(GPtrArray) progress = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(DocketItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  DocketId progress_id;

  /* Confirming or returning an item nobody reported done is refused. */
  before = snapshot (fixture->store);
  docket_store_confirm_item (fixture->store, id, &error);
  assert_refused (fixture, before, error, DOCKET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  docket_store_return_item (fixture->store, id, "chưa đạt", &error);
  assert_refused (fixture, before, error, DOCKET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  docket_store_add_progress (fixture->store, id, D (2026, 5, 10), "x", 101, NULL, 0, &error);
  assert_refused (fixture, before, error, DOCKET_STORE_ERROR_INVALID);
  g_clear_error (&error);
  docket_store_add_progress (fixture->store, 4242, D (2026, 5, 10), "x", 5, NULL, 0, &error);
  assert_refused (fixture, before, error, DOCKET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Progress with evidence. */
  progress_id = docket_store_add_progress (fixture->store, id, D (2026, 5, 10),
                                           "Đã rà soát 20 thủ tục", 40, &file, 1, &error);
  g_assert_no_error (error);
  docket_store_add_progress (fixture->store, id, D (2026, 5, 2), "Bắt đầu", -1, NULL, 0, &error);
  g_assert_no_error (error);
  item = get_item (fixture, id);
  g_assert_cmpuint (item->last_progress_on, ==, D (2026, 5, 10));  /* the latest day, not the last typed */
  progress = docket_store_list_progress (fixture->store, id, &error);
  g_assert_cmpuint (progress->len, ==, 2);
  g_assert_cmpint (((DocketProgressReport *) progress->pdata[0])->percent, ==, -1);
  g_assert_cmpint (((DocketProgressReport *) progress->pdata[1])->percent, ==, 40);
  evidence = docket_store_list_evidence (fixture->store, progress_id, &error);
  g_assert_cmpuint (evidence->len, ==, 1);
  g_assert_cmpstr (((DocketAttachment *) evidence->pdata[0])->file_name, ==, "bien-ban.pdf");
  back = docket_store_dup_evidence_content (fixture->store,
                                            ((DocketAttachment *) evidence->pdata[0])->id, &error);
  g_assert_true (g_bytes_equal (back, bytes));

  /* Done on the deadline day, then returned: open again, no completion date. */
  g_assert_true (docket_store_report_item_done (fixture->store, id, D (2026, 6, 30), NULL,
                                                NULL, 0, &error));
  g_clear_pointer (&item, docket_item_free);
  item = get_item (fixture, id);
  g_assert_cmpint (item->state, ==, DOCKET_ITEM_STATE_REPORTED_DONE);
  g_assert_false (docket_item_is_completed (item, D (2026, 7, 1)));
  g_assert_cmpint (docket_item_bucket (item, D (2026, 7, 1)), ==, DOCKET_BUCKET_OVERDUE);

  g_free (before);
  before = snapshot (fixture->store);
  docket_store_return_item (fixture->store, id, "   ", &error);
  assert_refused (fixture, before, error, DOCKET_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (docket_store_return_item (fixture->store, id, "Thiếu minh chứng", &error));
  g_clear_pointer (&item, docket_item_free);
  item = get_item (fixture, id);
  g_assert_cmpint (item->state, ==, DOCKET_ITEM_STATE_RETURNED);
  g_assert_cmpuint (item->completed_on, ==, DOCKET_DATE_NONE);

  /* Done again on the deadline day and confirmed later: completed on time, dated
   * the unit's day. */
  g_assert_true (docket_store_report_item_done (fixture->store, id, D (2026, 6, 30),
                                                "Hoàn thành", &file, 1, &error));
  g_assert_true (docket_store_confirm_item (fixture->store, id, &error));
  g_clear_pointer (&item, docket_item_free);
  item = get_item (fixture, id);
  g_assert_cmpint (item->state, ==, DOCKET_ITEM_STATE_CONFIRMED);
  g_assert_cmpuint (item->completed_on, ==, D (2026, 6, 30));
  g_assert_cmpint (docket_item_bucket (item, D (2026, 7, 15)), ==, DOCKET_BUCKET_COMPLETED_ON_TIME);

  /* A completed item takes no more reports and cannot be cancelled before reopening. */
  g_free (before);
  before = snapshot (fixture->store);
  docket_store_add_progress (fixture->store, id, D (2026, 7, 2), "x", 5, NULL, 0, &error);
  assert_refused (fixture, before, error, DOCKET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  docket_store_cancel_item (fixture->store, id, "không cần", &error);
  assert_refused (fixture, before, error, DOCKET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (docket_store_reopen_item (fixture->store, id, "Phát sinh yêu cầu mới", &error));
  g_clear_pointer (&item, docket_item_free);
  item = get_item (fixture, id);
  g_assert_cmpint (item->state, ==, DOCKET_ITEM_STATE_OPEN);
  g_assert_cmpuint (item->completed_on, ==, DOCKET_DATE_NONE);

  /* Cancel needs a reason; cancelled leaves the counts; reopen brings it back. */
  g_free (before);
  before = snapshot (fixture->store);
  docket_store_cancel_item (fixture->store, id, NULL, &error);
  assert_refused (fixture, before, error, DOCKET_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (docket_store_cancel_item (fixture->store, id, "Không còn phù hợp", &error));
  g_clear_pointer (&item, docket_item_free);
  item = get_item (fixture, id);
  g_assert_cmpint (docket_item_bucket (item, D (2026, 7, 15)), ==, DOCKET_BUCKET_CANCELLED);
  g_free (before);
  before = snapshot (fixture->store);
  docket_store_cancel_item (fixture->store, id, "lần nữa", &error);
  assert_refused (fixture, before, error, DOCKET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (docket_store_reopen_item (fixture->store, id, "Tiếp tục", &error));
  g_free (before);
  before = snapshot (fixture->store);
  docket_store_reopen_item (fixture->store, id, "lần nữa", &error);
  assert_refused (fixture, before, error, DOCKET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (docket_store_set_item_starred (fixture->store, id, TRUE, &error));
  g_assert_true (docket_store_set_item_starred (fixture->store, id, FALSE, &error));
  g_assert_false (docket_store_set_item_starred (fixture->store, 4242, TRUE, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND);
}

static void
test_extension (Fixture       *fixture,
                gconstpointer  data)
{
  DocketId id = add_item (fixture, D (2026, 6, 30));
  DocketId no_deadline = add_item (fixture, DOCKET_DATE_NONE);
  g_autoptr(DocketItem) item = NULL;
  g_autoptr(GPtrArray) extensions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (fixture->store);
  DocketId ext;

  /* Not after the current deadline; no deadline at all; no reason. */
  docket_store_request_extension (fixture->store, id, D (2026, 6, 20), D (2026, 6, 30),
                                  "xin thêm", &error);
  assert_refused (fixture, before, error, DOCKET_STORE_ERROR_INVALID);
  g_clear_error (&error);
  docket_store_request_extension (fixture->store, no_deadline, D (2026, 6, 20),
                                  D (2026, 7, 30), "xin thêm", &error);
  assert_refused (fixture, before, error, DOCKET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  docket_store_request_extension (fixture->store, id, D (2026, 6, 20), D (2026, 7, 31), "",
                                  &error);
  assert_refused (fixture, before, error, DOCKET_STORE_ERROR_INVALID);
  g_clear_error (&error);

  ext = docket_store_request_extension (fixture->store, id, D (2026, 6, 20), D (2026, 7, 31),
                                        "Chờ ý kiến của tỉnh", &error);
  g_assert_no_error (error);
  g_free (before);
  before = snapshot (fixture->store);
  docket_store_request_extension (fixture->store, id, D (2026, 6, 21), D (2026, 8, 31),
                                  "lần hai", &error);
  assert_refused (fixture, before, error, DOCKET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  docket_store_approve_extension (fixture->store, ext, D (2026, 6, 25), "", &error);
  assert_refused (fixture, before, error, DOCKET_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (docket_store_approve_extension (fixture->store, ext, D (2026, 6, 25),
                                                 "112/QĐ-UBND", &error));
  item = get_item (fixture, id);
  g_assert_cmpuint (item->deadline, ==, D (2026, 7, 31));
  g_assert_cmpuint (item->original_deadline, ==, D (2026, 6, 30));
  g_assert_true (docket_item_is_extended (item));
  /* The deadline in force decides: on 15/07 it is within the deadline. */
  g_assert_cmpint (docket_item_bucket (item, D (2026, 7, 15)), ==, DOCKET_BUCKET_IN_PROGRESS);

  /* Decided once only; an edit cannot move an extended deadline. */
  g_free (before);
  before = snapshot (fixture->store);
  docket_store_reject_extension (fixture->store, ext, D (2026, 6, 26), NULL, &error);
  assert_refused (fixture, before, error, DOCKET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  item->deadline = D (2026, 12, 31);
  docket_store_update_item (fixture->store, item, &error);
  assert_refused (fixture, before, error, DOCKET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* An edit that leaves the deadline keeps both dates. */
  item->deadline = D (2026, 7, 31);
  g_free (item->content);
  item->content = g_strdup ("Nội dung đã sửa");
  g_assert_true (docket_store_update_item (fixture->store, item, &error));
  g_clear_pointer (&item, docket_item_free);
  item = get_item (fixture, id);
  g_assert_cmpuint (item->original_deadline, ==, D (2026, 6, 30));

  /* A second request, rejected: the deadline stays. */
  ext = docket_store_request_extension (fixture->store, id, D (2026, 7, 20), D (2026, 8, 31),
                                        "Thêm thời gian", &error);
  g_assert_true (docket_store_reject_extension (fixture->store, ext, D (2026, 7, 21),
                                                "Không đủ căn cứ", &error));
  g_clear_pointer (&item, docket_item_free);
  item = get_item (fixture, id);
  g_assert_cmpuint (item->deadline, ==, D (2026, 7, 31));
  extensions = docket_store_list_extensions (fixture->store, id, &error);
  g_assert_cmpuint (extensions->len, ==, 2);
  g_assert_cmpint (((DocketExtension *) extensions->pdata[0])->state, ==, DOCKET_EXTENSION_APPROVED);
  g_assert_cmpstr (((DocketExtension *) extensions->pdata[0])->decision_document, ==, "112/QĐ-UBND");
  g_assert_cmpint (((DocketExtension *) extensions->pdata[1])->state, ==, DOCKET_EXTENSION_REJECTED);
}

static void
test_timeline (Fixture       *fixture,
               gconstpointer  data)
{
  DocketId id = add_item (fixture, D (2026, 6, 30));
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GError) error = NULL;
  DocketTimelineKind expected[] = {
    DOCKET_TIMELINE_CREATED, DOCKET_TIMELINE_PROGRESS, DOCKET_TIMELINE_EXTENSION_REQUESTED,
    DOCKET_TIMELINE_EXTENSION_APPROVED, DOCKET_TIMELINE_REPORTED_DONE,
    DOCKET_TIMELINE_RETURNED, DOCKET_TIMELINE_REPORTED_DONE, DOCKET_TIMELINE_CONFIRMED,
  };
  DocketId ext;
  DocketTimelineEntry *e;

  docket_store_add_progress (fixture->store, id, D (2026, 5, 10), "Đang làm", 30, NULL, 0, &error);
  ext = docket_store_request_extension (fixture->store, id, D (2026, 6, 1), D (2026, 7, 15),
                                        "Lý do", &error);
  docket_store_approve_extension (fixture->store, ext, D (2026, 6, 2), "12/QĐ-UBND", &error);
  docket_store_report_item_done (fixture->store, id, D (2026, 7, 1), NULL, NULL, 0, &error);
  docket_store_return_item (fixture->store, id, "Chưa đạt yêu cầu", &error);
  docket_store_report_item_done (fixture->store, id, D (2026, 7, 10), NULL, NULL, 0, &error);
  docket_store_confirm_item (fixture->store, id, &error);
  g_assert_no_error (error);

  timeline = docket_store_list_item_timeline (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < timeline->len; i++)
    {
      e = timeline->pdata[i];
      g_assert_cmpint (e->kind, ==, expected[i]);
      g_assert_cmpstr (e->actor, ==, "Trần Thị Thư Ký");
    }
  e = timeline->pdata[1];
  g_assert_cmpstr (e->text, ==, "Đang làm");
  g_assert_cmpint (e->percent, ==, 30);
  g_assert_cmpuint (e->day, ==, D (2026, 5, 10));
  e = timeline->pdata[3];
  g_assert_cmpstr (e->document, ==, "12/QĐ-UBND");
  g_assert_cmpuint (e->day, ==, D (2026, 7, 15));
  g_assert_cmpint (e->record_id, ==, ext);
  e = timeline->pdata[5];
  g_assert_cmpstr (e->text, ==, "Chưa đạt yêu cầu");
}

static void
test_rollback (Fixture       *fixture,
               gconstpointer  data)
{
  DocketId id = add_item (fixture, D (2026, 6, 30));
  g_autoptr(GBytes) bytes = g_bytes_new_static ("abc", 3);
  DocketEvidenceFile file = { "a.txt", "text/plain", bytes };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* The evidence insert fails after the report row was written: nothing stays. */
  g_assert_cmpint (sqlite3_exec (_docket_store_get_db (fixture->store),
                                 "CREATE TEMP TRIGGER fail_attachments BEFORE INSERT ON "
                                 "main.attachments BEGIN SELECT RAISE (ABORT, 'disk trouble'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  before = snapshot (fixture->store);
  g_assert_cmpint (docket_store_add_progress (fixture->store, id, D (2026, 5, 1), "Báo cáo", 10,
                                              &file, 1, &error), ==, 0);
  g_assert_nonnull (error);
  after = snapshot (fixture->store);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);
  g_assert_false (docket_store_report_item_done (fixture->store, id, D (2026, 5, 2), NULL,
                                                 &file, 1, &error));
  g_free (after);
  after = snapshot (fixture->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (_docket_store_in_transaction (fixture->store));
}

static gint64
cache_size (DocketStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (_docket_store_get_db (store), "PRAGMA cache_size", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static guint
count_all_items (DocketStore *store)
{
  DocketItemQuery query;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  docket_item_query_init (&query, D (2026, 5, 1));
  g_assert_true (docket_store_count_items (store, &query, &n, &error));
  g_assert_no_error (error);
  return n;
}

/* A transaction that outgrows its connection's page cache (an import of thousands of
 * rows) grows the cache instead of writing half-done pages to the WAL, and gives the
 * memory back when it ends, committed or rolled back; every item is kept, or none. */
static void
test_big_write_grows_cache (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint before = count_all_items (fixture->store);
  gint64 grown = 0;

  g_assert_true (docket_store_set_cache_size (fixture->store, 64, &error));
  for (guint round = 0; round < 2; round++)
    {
      gboolean commit = round == 1;

      g_assert_true (_docket_store_begin_write (fixture->store, &error));
      for (guint i = 0; i < 3000; i++)
        {
          g_autofree char *content = g_strdup_printf ("Nhiệm vụ số %u của đợt nhập", i);
          g_autoptr(DocketItem) item = new_item (fixture, content, D (2026, 6, 1 + i % 28));

          item->lead_unit_id = fixture->units[i % 4];
          g_assert_cmpint (docket_store_add_item (fixture->store, item, &error), >, 0);
          g_assert_no_error (error);
        }
      grown = cache_size (fixture->store);
      /* cache_size is negative: KiB. */
      g_assert_cmpint (grown, <, -64);
      if (commit)
        g_assert_true (_docket_store_commit (fixture->store, &error));
      else
        _docket_store_rollback (fixture->store);
      g_assert_no_error (error);
      g_assert_cmpint (cache_size (fixture->store), ==, -64);
      g_assert_cmpuint (count_all_items (fixture->store), ==, before + (commit ? 3000 : 0));
    }
}

/* The meeting page reads its items in one call: whole, with their coordinating units,
 * in the order they were added, without the cancelled ones or another meeting's. */
static void
test_list_meeting_items (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  DocketId ids[4];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *content = g_strdup_printf ("Nhiệm vụ %u", i + 1);
      g_autoptr(DocketItem) item = new_item (fixture, content, D (2026, 9, 1 + i));
      DocketId two[] = { fixture->units[3], fixture->units[1] };

      /* None, one, two and (cancelled below) one coordinating unit. */
      docket_item_set_coordinating_units (item, two + (i == 1), i == 0 ? 0 : i == 2 ? 2 : 1);
      item->starred = i == 2;
      if (i == 1)
        item->conclusion_id = 0;
      ids[i] = docket_store_add_item (fixture->store, item, &error);
      g_assert_no_error (error);
    }
  {
    g_autoptr(DocketItem) elsewhere = new_item (fixture, "Của cuộc họp khác", D (2026, 9, 9));
    DocketId one[] = { fixture->units[2] };

    g_autoptr(DocketConclusion) other = docket_store_get_conclusion (fixture->store,
                                                                     fixture->other_conclusion, &error);

    g_assert_no_error (error);
    elsewhere->meeting_id = other->meeting_id;
    elsewhere->conclusion_id = other->id;
    docket_item_set_coordinating_units (elsewhere, one, 1);
    g_assert_cmpint (docket_store_add_item (fixture->store, elsewhere, &error), >, 0);
    g_assert_no_error (error);
  }
  g_assert_true (docket_store_cancel_item (fixture->store, ids[3], "Trùng", &error));
  g_assert_no_error (error);

  items = docket_store_list_meeting_items (fixture->store, fixture->meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 3);
  for (guint i = 0; i < items->len; i++)
    {
      DocketItem *listed = g_ptr_array_index (items, i);
      g_autoptr(DocketItem) got = get_item (fixture, ids[i]);

      g_assert_cmpint (listed->id, ==, ids[i]);
      g_assert_cmpstr (listed->content, ==, got->content);
      g_assert_cmpint (listed->conclusion_id, ==, got->conclusion_id);
      g_assert_cmpint (listed->lead_unit_id, ==, got->lead_unit_id);
      g_assert_cmpuint (listed->deadline, ==, got->deadline);
      g_assert_cmpint (listed->starred, ==, got->starred);
      g_assert_cmpuint (listed->n_coordinating, ==, got->n_coordinating);
      for (guint c = 0; c < got->n_coordinating; c++)
        g_assert_cmpint (listed->coordinating_unit_ids[c], ==, got->coordinating_unit_ids[c]);
    }
  g_assert_cmpuint (((DocketItem *) g_ptr_array_index (items, 2))->n_coordinating, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/docket/store-items/add-and-get", test_add_and_get);
  ADD ("/docket/store-items/working-days", test_working_days);
  ADD ("/docket/store-items/refusals", test_refusals);
  ADD ("/docket/store-items/workflow", test_workflow);
  ADD ("/docket/store-items/extension", test_extension);
  ADD ("/docket/store-items/timeline", test_timeline);
  ADD ("/docket/store-items/rollback", test_rollback);
  ADD ("/docket/store-items/list-meeting-items", test_list_meeting_items);
  ADD ("/docket/store-items/big-write-grows-cache", test_big_write_grows_cache);
#undef ADD

  return g_test_run ();
}
