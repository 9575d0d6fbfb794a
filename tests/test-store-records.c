/* test-store-records.c: units, people, meetings and conclusions; transactions,
 * the audit log and change notification
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "docket-store-meetings.h"
#include "docket-store-private.h"
#include "docket-store-units.h"
#include "docket-test-support.h"

typedef struct
{
  char        *dir;
  DocketStore *store;
} Fixture;

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
  docket_store_set_actor (fixture->store, "Nguyễn Văn A");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  docket_test_tmpdir_free (fixture->dir);
}

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

static char *
query_text (DocketStore *store,
            const char  *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (_docket_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Every row of every table the tests touch, as text: equal before and after a
 * refused action proves it changed nothing. */
static char *
snapshot (DocketStore *store)
{
  static const char *tables[] = {
    "units", "people", "meetings", "attendees", "minutes_sections", "conclusions",
    "items", "audit_log", "organisation",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", tables[i]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (_docket_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (out, FALSE);
}

static DocketId
add_unit (DocketStore *store,
          const char  *name,
          DocketId     parent_id)
{
  g_autoptr(DocketUnit) unit = docket_unit_new ();
  g_autoptr(GError) error = NULL;
  DocketId id;

  unit->name = g_strdup (name);
  unit->parent_id = parent_id;
  id = docket_store_add_unit (store, unit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static DocketId
add_meeting (DocketStore       *store,
             const char        *title,
             DocketDate         date,
             DocketMeetingKind  kind)
{
  g_autoptr(DocketMeeting) meeting = docket_meeting_new ();
  g_autoptr(GError) error = NULL;
  DocketId id;

  meeting->title = g_strdup (title);
  meeting->date = date;
  meeting->kind = kind;
  id = docket_store_add_meeting (store, meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static DocketId
add_conclusion (DocketStore *store,
                DocketId     meeting_id,
                const char  *text,
                int          position)
{
  g_autoptr(DocketConclusion) conclusion = docket_conclusion_new ();
  g_autoptr(GError) error = NULL;
  DocketId id;

  conclusion->meeting_id = meeting_id;
  conclusion->text = g_strdup (text);
  conclusion->position = position;
  id = docket_store_add_conclusion (store, conclusion, &error);
  g_assert_no_error (error);
  return id;
}

/* The conclusions of a meeting as "text text text", in their numbered order,
 * after checking the numbers run 1…n. */
static char *
conclusion_order (DocketStore *store,
                  DocketId     meeting_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = docket_store_list_conclusions (store, meeting_id, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      DocketConclusion *conclusion = list->pdata[i];

      g_assert_cmpint (conclusion->position, ==, i + 1);
      g_string_append_printf (out, "%s%s", i > 0 ? " " : "", conclusion->text);
    }
  return g_string_free (out, FALSE);
}

/* Units. */

static void
test_units_crud (Fixture       *fixture,
                 gconstpointer  data)
{
  DocketStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketUnit) unit = docket_unit_new ();
  g_autoptr(DocketUnit) read = NULL;
  g_autofree char *updated_by = NULL;
  DocketId id;

  unit->name = g_strdup ("  Phòng Nội vụ ");
  unit->short_name = g_strdup ("PNV");
  unit->kind = DOCKET_UNIT_KIND_DEPARTMENT;
  unit->head = g_strdup ("Trần Thị Bình");
  unit->email = g_strdup ("noivu@example.gov.vn");
  unit->phone = g_strdup ("0272 3 123 456");
  id = docket_store_add_unit (store, unit, &error);
  g_assert_no_error (error);

  read = docket_store_get_unit (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->id, ==, id);
  g_assert_cmpstr (read->name, ==, "Phòng Nội vụ");
  g_assert_cmpstr (read->short_name, ==, "PNV");
  g_assert_cmpstr (read->head, ==, "Trần Thị Bình");
  g_assert_cmpstr (read->email, ==, "noivu@example.gov.vn");
  g_assert_cmpstr (read->phone, ==, "0272 3 123 456");
  g_assert_false (read->archived);

  g_free (read->head);
  read->head = g_strdup ("Lê Văn Cường");
  read->kind = DOCKET_UNIT_KIND_AGENCY;
  g_assert_true (docket_store_update_unit (store, read, &error));
  g_assert_no_error (error);
  g_clear_pointer (&read, docket_unit_free);
  read = docket_store_get_unit (store, id, &error);
  g_assert_cmpstr (read->head, ==, "Lê Văn Cường");
  g_assert_cmpint (read->kind, ==, DOCKET_UNIT_KIND_AGENCY);

  updated_by = query_text (store, "SELECT updated_by FROM units");
  g_assert_cmpstr (updated_by, ==, "Nguyễn Văn A");

  g_assert_true (docket_store_archive_unit (store, id, &error));
  g_clear_pointer (&read, docket_unit_free);
  read = docket_store_get_unit (store, id, &error);
  g_assert_true (read->archived);
  g_assert_true (docket_store_unarchive_unit (store, id, &error));
  g_clear_pointer (&read, docket_unit_free);
  read = docket_store_get_unit (store, id, &error);
  g_assert_false (read->archived);

  g_assert_null (docket_store_get_unit (store, 999, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (docket_store_archive_unit (store, 999, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND);
}

static void
test_units_tree_order (Fixture       *fixture,
                       gconstpointer  data)
{
  DocketStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) current = NULL;
  GString *order = g_string_new (NULL);
  g_autofree char *text = NULL;
  DocketId ubnd, vp, xa_b;

  ubnd = add_unit (store, "UBND xã An Thạnh", 0);
  add_unit (store, "Công an xã", 0);
  vp = add_unit (store, "Văn phòng HĐND và UBND", ubnd);
  add_unit (store, "Bộ phận một cửa", vp);
  add_unit (store, "Phòng Kinh tế", ubnd);
  xa_b = add_unit (store, "Ấp Bình Hòa", ubnd);
  g_assert_true (docket_store_archive_unit (store, xa_b, &error));

  all = docket_store_list_units (store, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    g_string_append_printf (order, "%s;", ((DocketUnit *) all->pdata[i])->name);
  text = g_string_free (order, FALSE);
  /* Siblings by folded name ("Ấp" sorts as "ap"), children after their parent. */
  g_assert_cmpstr (text, ==,
                   "Công an xã;UBND xã An Thạnh;Ấp Bình Hòa;Phòng Kinh tế;"
                   "Văn phòng HĐND và UBND;Bộ phận một cửa;");

  current = docket_store_list_units (store, FALSE, &error);
  g_assert_cmpuint (current->len, ==, all->len - 1);
}

static void
test_units_find (Fixture       *fixture,
                 gconstpointer  data)
{
  DocketStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(DocketUnit) unit = docket_unit_new ();
  DocketId noi_vu, tu_phap;

  noi_vu = add_unit (store, "Phòng Nội vụ", 0);
  tu_phap = add_unit (store, "Phòng Tư pháp", 0);
  unit->name = g_strdup ("Đội quản lý đô thị");
  unit->short_name = g_strdup ("ĐQLĐT");
  add_unit (store, "Phòng Nội vụ cũ", 0);
  g_assert_cmpint (docket_store_add_unit (store, unit, &error), >, 0);

  /* Without diacritics, another case: the exact name wins over "contains". */
  found = docket_store_find_units (store, "phong noi vu", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((DocketUnit *) found->pdata[0])->id, ==, noi_vu);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = docket_store_find_units (store, "TU PHAP", FALSE, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((DocketUnit *) found->pdata[0])->id, ==, tu_phap);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = docket_store_find_units (store, "dqldt", FALSE, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Ambiguous: every candidate comes back. */
  found = docket_store_find_units (store, "phòng", FALSE, &error);
  g_assert_cmpuint (found->len, ==, 3);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* LIKE wildcards in the typed text are taken literally. */
  found = docket_store_find_units (store, "%", FALSE, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  g_assert_true (docket_store_archive_unit (store, tu_phap, &error));
  found = docket_store_find_units (store, "tu phap", FALSE, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = docket_store_find_units (store, "tu phap", TRUE, &error);
  g_assert_cmpuint (found->len, ==, 1);
}

static void
test_units_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  DocketStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketUnit) unit = docket_unit_new ();
  g_autoptr(DocketUnit) parent = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  DocketId top, child;

  top = add_unit (store, "UBND xã", 0);
  child = add_unit (store, "Văn phòng", top);
  before = snapshot (store);

  unit->name = g_strdup ("   ");
  g_assert_cmpint (docket_store_add_unit (store, unit, &error), ==, 0);
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (unit->name);
  unit->name = g_strdup ("Phòng mới");
  unit->parent_id = 4242;
  g_assert_cmpint (docket_store_add_unit (store, unit, &error), ==, 0);
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  unit->parent_id = 0;
  unit->email = g_strdup ("not an address");
  g_assert_cmpint (docket_store_add_unit (store, unit, &error), ==, 0);
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (unit->email);
  unit->email = NULL;
  unit->kind = 17;
  g_assert_cmpint (docket_store_add_unit (store, unit, &error), ==, 0);
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (unit->name);
  unit->name = g_strdup ("bad \xff utf-8");
  unit->kind = 0;
  g_assert_cmpint (docket_store_add_unit (store, unit, &error), ==, 0);
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A unit under its own sub-unit would be a loop. */
  parent = docket_store_get_unit (store, top, &error);
  parent->parent_id = child;
  g_assert_false (docket_store_update_unit (store, parent, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID);
  g_clear_error (&error);
  parent->parent_id = top;
  g_assert_false (docket_store_update_unit (store, parent, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID);
  g_clear_error (&error);

  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_people (Fixture       *fixture,
             gconstpointer  data)
{
  DocketStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketPerson) person = docket_person_new ();
  g_autoptr(DocketPerson) read = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  DocketId unit_id, id;

  unit_id = add_unit (store, "Văn phòng", 0);
  person->name = g_strdup ("Phạm Minh Đức");
  person->title = g_strdup ("Phó Chủ tịch");
  person->unit_id = unit_id;
  id = docket_store_add_person (store, person, &error);
  g_assert_no_error (error);

  read = docket_store_get_person (store, id, &error);
  g_assert_cmpstr (read->name, ==, "Phạm Minh Đức");
  g_assert_cmpstr (read->title, ==, "Phó Chủ tịch");
  g_assert_cmpint (read->unit_id, ==, unit_id);

  g_free (read->title);
  read->title = g_strdup ("Chủ tịch");
  g_assert_true (docket_store_update_person (store, read, &error));
  g_assert_no_error (error);

  g_free (person->name);
  person->name = g_strdup ("Hồ Thị Em");
  person->unit_id = 0;
  g_assert_cmpint (docket_store_add_person (store, person, &error), >, 0);

  list = docket_store_list_people (store, 0, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((DocketPerson *) list->pdata[0])->name, ==, "Hồ Thị Em");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = docket_store_list_people (store, unit_id, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((DocketPerson *) list->pdata[0])->title, ==, "Chủ tịch");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = docket_store_find_people (store, "pham minh duc", &error);
  g_assert_cmpuint (list->len, ==, 1);

  before = snapshot (store);
  person->unit_id = 999;
  g_assert_cmpint (docket_store_add_person (store, person, &error), ==, 0);
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  person->unit_id = 0;
  g_free (person->name);
  person->name = g_strdup ("");
  g_assert_cmpint (docket_store_add_person (store, person, &error), ==, 0);
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID);
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
}

/* Meetings. */

static void
test_meetings_crud (Fixture       *fixture,
                    gconstpointer  data)
{
  DocketStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketMeeting) meeting = docket_meeting_new ();
  g_autoptr(DocketMeeting) read = NULL;
  g_autoptr(DocketPerson) chair = docket_person_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  DocketId chair_id, id;

  chair->name = g_strdup ("Phạm Minh Đức");
  chair_id = docket_store_add_person (store, chair, &error);
  g_assert_no_error (error);

  meeting->title = g_strdup ("Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2026");
  meeting->kind = DOCKET_MEETING_KIND_REVIEW_HALF_YEAR;
  meeting->date = docket_date_new (2026, 7, 10);
  meeting->period_start = docket_date_new (2026, 1, 1);
  meeting->period_end = docket_date_new (2026, 6, 30);
  meeting->start_minutes = 8 * 60;
  meeting->end_minutes = 11 * 60 + 30;
  meeting->location = g_strdup ("Hội trường UBND xã");
  meeting->chair_id = chair_id;
  id = docket_store_add_meeting (store, meeting, &error);
  g_assert_no_error (error);

  read = docket_store_get_meeting (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->title, ==, meeting->title);
  g_assert_cmpint (read->kind, ==, DOCKET_MEETING_KIND_REVIEW_HALF_YEAR);
  g_assert_cmpuint (read->date, ==, meeting->date);
  g_assert_cmpuint (read->period_start, ==, meeting->period_start);
  g_assert_cmpuint (read->period_end, ==, meeting->period_end);
  g_assert_cmpint (read->start_minutes, ==, 480);
  g_assert_cmpint (read->end_minutes, ==, 690);
  g_assert_cmpint (read->chair_id, ==, chair_id);
  g_assert_cmpint (read->secretary_id, ==, 0);
  g_assert_cmpuint (read->notice_date, ==, DOCKET_DATE_NONE);

  read->state = DOCKET_MEETING_STATE_NOTICE_ISSUED;
  read->notice_number = g_strdup ("05");
  read->notice_date = docket_date_new (2026, 7, 12);
  read->end_minutes = -1;
  g_assert_true (docket_store_update_meeting (store, read, &error));
  g_assert_no_error (error);
  g_clear_pointer (&read, docket_meeting_free);
  read = docket_store_get_meeting (store, id, &error);
  g_assert_cmpstr (read->notice_number, ==, "05");
  g_assert_cmpint (read->end_minutes, ==, -1);
  g_assert_cmpint (read->state, ==, DOCKET_MEETING_STATE_NOTICE_ISSUED);

  before = snapshot (store);
  g_free (meeting->title);
  meeting->title = g_strdup ("");
  g_assert_cmpint (docket_store_add_meeting (store, meeting, &error), ==, 0);
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (meeting->title);
  meeting->title = g_strdup ("Giao ban");
  meeting->date = DOCKET_DATE_NONE;
  g_assert_cmpint (docket_store_add_meeting (store, meeting, &error), ==, 0);
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID);
  g_clear_error (&error);
  meeting->date = docket_date_new (2026, 7, 1);
  meeting->chair_id = 999;
  g_assert_cmpint (docket_store_add_meeting (store, meeting, &error), ==, 0);
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  meeting->chair_id = 0;
  meeting->end_minutes = 7 * 60;
  g_assert_cmpint (docket_store_add_meeting (store, meeting, &error), ==, 0);
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID);
  g_clear_error (&error);
  read->id = 12345;
  g_assert_false (docket_store_update_meeting (store, read, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND);
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
}

static void
insert_item (DocketStore *store,
             DocketId     meeting_id,
             DocketId     unit_id,
             int          state)
{
  g_autofree char *sql =
    g_strdup_printf ("INSERT INTO items (meeting_id, content, lead_unit_id, state, created_at, "
                     "updated_at, updated_by) VALUES (%" G_GINT64_FORMAT ", 'Việc', %"
                     G_GINT64_FORMAT ", %d, 1, 1, 't')",
                     (gint64) meeting_id, (gint64) unit_id, state);

  g_assert_cmpint (sqlite3_exec (_docket_store_get_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
test_meetings_list (Fixture       *fixture,
                    gconstpointer  data)
{
  DocketStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  DocketMeetingSummary *summary;
  DocketId unit_id, first = 0;
  guint count = 0;

  unit_id = add_unit (store, "Phòng Nội vụ", 0);
  /* 30 meetings: one per 10 days from 01/11/2025, every third a review. */
  for (int i = 0; i < 30; i++)
    {
      g_autofree char *title = g_strdup_printf ("Họp số %d", i + 1);
      DocketId id = add_meeting (store, title,
                                 docket_date_add_days (docket_date_new (2025, 11, 1), i * 10),
                                 i % 3 == 0 ? DOCKET_MEETING_KIND_REVIEW_YEAR : DOCKET_MEETING_KIND_REGULAR);

      if (i == 29)
        first = id;
    }
  insert_item (store, first, unit_id, DOCKET_ITEM_STATE_OPEN);
  insert_item (store, first, unit_id, DOCKET_ITEM_STATE_CONFIRMED);
  insert_item (store, first, unit_id, DOCKET_ITEM_STATE_REPORTED_DONE);
  insert_item (store, first, unit_id, DOCKET_ITEM_STATE_CANCELLED);

  page = docket_store_list_meetings (store, -1, 0, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 10);
  summary = page->pdata[0];
  g_assert_cmpint (summary->meeting->id, ==, first);  /* newest first */
  g_assert_cmpuint (summary->n_items, ==, 3);          /* the cancelled one leaves the count */
  g_assert_cmpuint (summary->n_done, ==, 1);
  for (guint i = 1; i < page->len; i++)
    g_assert_cmpuint (((DocketMeetingSummary *) page->pdata[i - 1])->meeting->date, >,
                      ((DocketMeetingSummary *) page->pdata[i])->meeting->date);
  g_clear_pointer (&page, g_ptr_array_unref);

  page = docket_store_list_meetings (store, -1, 0, 25, 10, &error);
  g_assert_cmpuint (page->len, ==, 5);
  g_assert_cmpstr (((DocketMeetingSummary *) page->pdata[4])->meeting->title, ==, "Họp số 1");
  g_clear_pointer (&page, g_ptr_array_unref);

  /* 2025 holds 01/11 … 31/12: days 0, 10, … 60 → 7 meetings. */
  g_assert_true (docket_store_count_meetings (store, -1, 2025, &count, &error));
  g_assert_cmpuint (count, ==, 7);
  g_assert_true (docket_store_count_meetings (store, -1, 0, &count, &error));
  g_assert_cmpuint (count, ==, 30);
  g_assert_true (docket_store_count_meetings (store, DOCKET_MEETING_KIND_REVIEW_YEAR, 0, &count, &error));
  g_assert_cmpuint (count, ==, 10);
  g_assert_true (docket_store_count_meetings (store, DOCKET_MEETING_KIND_REVIEW_YEAR, 2025, &count, &error));
  g_assert_cmpuint (count, ==, 3);  /* days 0, 30, 60 */

  page = docket_store_list_meetings (store, DOCKET_MEETING_KIND_REVIEW_YEAR, 2026, 0, 100, &error);
  g_assert_cmpuint (page->len, ==, 7);
  for (guint i = 0; i < page->len; i++)
    {
      DocketMeeting *meeting = ((DocketMeetingSummary *) page->pdata[i])->meeting;

      g_assert_cmpint (meeting->kind, ==, DOCKET_MEETING_KIND_REVIEW_YEAR);
      g_assert_cmpint (docket_date_get_year (meeting->date), ==, 2026);
    }
}

static void
test_attendees (Fixture       *fixture,
                gconstpointer  data)
{
  DocketStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketAttendee) attendee = docket_attendee_new ();
  g_autoptr(GPtrArray) list = NULL;
  DocketId meeting_id, unit_id, first, second;

  meeting_id = add_meeting (store, "Giao ban tháng 7", docket_date_new (2026, 7, 6), 0);
  unit_id = add_unit (store, "Phòng Tư pháp", 0);

  attendee->meeting_id = meeting_id;
  attendee->unit_id = unit_id;
  first = docket_store_add_attendee (store, attendee, &error);
  g_assert_no_error (error);
  attendee->unit_id = add_unit (store, "Phòng Kinh tế", 0);
  attendee->attendance = DOCKET_ATTENDANCE_PRESENT;
  second = docket_store_add_attendee (store, attendee, &error);
  g_assert_no_error (error);

  g_assert_true (docket_store_set_attendance (store, first, DOCKET_ATTENDANCE_ABSENT, &error));
  list = docket_store_list_attendees (store, meeting_id, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((DocketAttendee *) list->pdata[0])->attendance, ==, DOCKET_ATTENDANCE_ABSENT);
  g_assert_cmpint (((DocketAttendee *) list->pdata[0])->unit_id, ==, unit_id);
  g_assert_cmpint (((DocketAttendee *) list->pdata[1])->attendance, ==, DOCKET_ATTENDANCE_PRESENT);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (docket_store_remove_attendee (store, second, &error));
  list = docket_store_list_attendees (store, meeting_id, &error);
  g_assert_cmpuint (list->len, ==, 1);

  attendee->unit_id = 0;
  g_assert_cmpint (docket_store_add_attendee (store, attendee, &error), ==, 0);
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (docket_store_remove_attendee (store, second, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND);
}

static void
test_minutes (Fixture       *fixture,
              gconstpointer  data)
{
  DocketStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketMinutesSection) section = docket_minutes_section_new ();
  g_autoptr(GPtrArray) list = NULL;
  DocketId meeting_id, ids[3];

  meeting_id = add_meeting (store, "Giao ban", docket_date_new (2026, 7, 6), 0);
  section->meeting_id = meeting_id;
  for (int i = 0; i < 3; i++)
    {
      g_free (section->text);
      section->text = g_strdup_printf ("Phần %d", i + 1);
      ids[i] = docket_store_add_minutes_section (store, section, &error);
      g_assert_no_error (error);
    }
  g_assert_true (docket_store_move_minutes_section (store, ids[2], 1, &error));
  g_assert_true (docket_store_remove_minutes_section (store, ids[0], &error));
  list = docket_store_list_minutes_sections (store, meeting_id, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((DocketMinutesSection *) list->pdata[0])->text, ==, "Phần 3");
  g_assert_cmpint (((DocketMinutesSection *) list->pdata[0])->position, ==, 1);
  g_assert_cmpstr (((DocketMinutesSection *) list->pdata[1])->text, ==, "Phần 2");
  g_assert_cmpint (((DocketMinutesSection *) list->pdata[1])->position, ==, 2);

  section->id = ids[1];
  section->speaker = g_strdup ("Chủ tịch");
  g_assert_true (docket_store_update_minutes_section (store, section, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = docket_store_list_minutes_sections (store, meeting_id, &error);
  g_assert_cmpstr (((DocketMinutesSection *) list->pdata[1])->speaker, ==, "Chủ tịch");
}

static void
test_conclusions (Fixture       *fixture,
                  gconstpointer  data)
{
  DocketStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketConclusion) read = NULL;
  g_autofree char *order = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  DocketId meeting_id, a, b, c, d;

  meeting_id = add_meeting (store, "Sơ kết", docket_date_new (2026, 7, 10), 1);
  a = add_conclusion (store, meeting_id, "A", 0);
  b = add_conclusion (store, meeting_id, "B", 0);
  c = add_conclusion (store, meeting_id, "C", 0);
  d = add_conclusion (store, meeting_id, "D", 2);  /* inserted as number 2 */
  order = conclusion_order (store, meeting_id);
  g_assert_cmpstr (order, ==, "A D B C");
  g_clear_pointer (&order, g_free);

  g_assert_true (docket_store_move_conclusion (store, c, 1, &error));
  order = conclusion_order (store, meeting_id);
  g_assert_cmpstr (order, ==, "C A D B");
  g_clear_pointer (&order, g_free);

  g_assert_true (docket_store_move_conclusion (store, c, 99, &error));  /* clamped to the end */
  order = conclusion_order (store, meeting_id);
  g_assert_cmpstr (order, ==, "A D B C");
  g_clear_pointer (&order, g_free);

  g_assert_true (docket_store_remove_conclusion (store, d, &error));
  order = conclusion_order (store, meeting_id);
  g_assert_cmpstr (order, ==, "A B C");
  g_clear_pointer (&order, g_free);

  read = docket_store_get_conclusion (store, b, &error);
  g_free (read->text);
  read->text = g_strdup ("B sửa");
  g_assert_true (docket_store_update_conclusion (store, read, &error));
  order = conclusion_order (store, meeting_id);
  g_assert_cmpstr (order, ==, "A B sửa C");

  /* A conclusion with items cannot go; an empty text is refused. */
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO items (conclusion_id, meeting_id, "
                                            "content, lead_unit_id, created_at, updated_at, "
                                            "updated_by) VALUES (%" G_GINT64_FORMAT ", %"
                                            G_GINT64_FORMAT ", 'x', %" G_GINT64_FORMAT ", 1, 1, 't')",
                                            (gint64) a, (gint64) meeting_id,
                                            (gint64) add_unit (store, "Phòng", 0));

    g_assert_cmpint (sqlite3_exec (_docket_store_get_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  before = snapshot (store);
  g_assert_false (docket_store_remove_conclusion (store, a, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_free (read->text);
  read->text = g_strdup (" ");
  g_assert_false (docket_store_update_conclusion (store, read, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (docket_store_move_conclusion (store, 4242, 1, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND);
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
}

/* Transactions. */

static void
count_cb (DocketStore *store,
          const char  *kind,
          gpointer     data)
{
  /* Listeners run after the COMMIT, so what they read is what was committed. */
  g_assert_true (sqlite3_get_autocommit (_docket_store_get_db (store)));
  (*(int *) data)++;
}

static void
test_rollback_on_failure (Fixture       *fixture,
                          gconstpointer  data)
{
  DocketStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *order = NULL;
  DocketId meeting_id, last = 0;
  int signals = 0;

  meeting_id = add_meeting (store, "Sơ kết", docket_date_new (2026, 7, 10), 1);
  for (int i = 0; i < 5; i++)
    {
      char text[2] = { 'A' + i, 0 };

      last = add_conclusion (store, meeting_id, text, 0);
    }

  /* A failure injected into the last statement of a move, after the other
   * conclusions were already renumbered inside the transaction. */
  g_assert_cmpint (sqlite3_exec (_docket_store_get_db (store),
                                 "CREATE TEMP TRIGGER fail_place BEFORE UPDATE OF updated_by "
                                 "ON conclusions BEGIN SELECT RAISE (ABORT, 'injected'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_signal_connect (store, "changed", G_CALLBACK (count_cb), &signals);
  before = snapshot (store);

  g_assert_false (docket_store_move_conclusion (store, last, 1, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
  order = conclusion_order (store, meeting_id);
  g_assert_cmpstr (order, ==, "A B C D E");
  g_assert_cmpint (signals, ==, 0);
  g_assert_true (sqlite3_get_autocommit (_docket_store_get_db (store)));

  /* With the failure gone, the same move works in one piece. */
  g_assert_cmpint (sqlite3_exec (_docket_store_get_db (store), "DROP TRIGGER temp.fail_place",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (docket_store_move_conclusion (store, last, 1, &error));
  g_assert_no_error (error);
  g_clear_pointer (&order, g_free);
  order = conclusion_order (store, meeting_id);
  g_assert_cmpstr (order, ==, "E A B C D");
  g_assert_cmpint (signals, ==, 1);
}

static gboolean
add_then_fail_cb (DocketStore *store,
                  gpointer     data,
                  GError     **error)
{
  g_autoptr(DocketUnit) unit = docket_unit_new ();
  GError *inner = NULL;

  unit->name = g_strdup ("Phòng tạm");
  /* A nested write joins this transaction. */
  g_assert_cmpint (docket_store_add_unit (store, unit, &inner), >, 0);
  g_assert_no_error (inner);
  g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED, "injected");
  return FALSE;
}

static void
test_nested_write_rolls_back (Fixture       *fixture,
                              gconstpointer  data)
{
  DocketStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;
  int signals = 0;

  g_signal_connect (store, "changed::units", G_CALLBACK (count_cb), &signals);
  g_assert_false (_docket_store_write (store, add_then_fail_cb, NULL, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED);
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (signals, ==, 0);
}

static void
test_audit_log (Fixture       *fixture,
                gconstpointer  data)
{
  DocketStore *store = fixture->store;
  sqlite3 *db = _docket_store_get_db (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  DocketId id;

  _docket_store_set_now_for_testing (store, 1783000000);
  id = add_unit (store, "Phòng \"Văn hóa\" – Thông tin", 0);

  actor = query_text (store, "SELECT actor FROM audit_log WHERE table_name = 'units' ORDER BY id DESC");
  g_assert_cmpstr (actor, ==, "Nguyễn Văn A");
  g_assert_cmpint (query_int (store, "SELECT at FROM audit_log ORDER BY id DESC"), ==, 1783000000);
  g_assert_cmpint (query_int (store, "SELECT record_id FROM audit_log ORDER BY id DESC"), ==, id);
  g_assert_cmpint (query_int (store, "SELECT updated_at FROM units"), ==, 1783000000);
  changes = query_text (store, "SELECT changes FROM audit_log ORDER BY id DESC");
  g_assert_nonnull (strstr (changes, "\"name\":\"Phòng \\\"Văn hóa\\\" – Thông tin\""));
  g_assert_true (g_str_has_prefix (changes, "{") && g_str_has_suffix (changes, "}"));

  /* Append-only, even for raw SQL on the connection. */
  before = snapshot (store);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit_log SET actor = 'someone else'", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit_log", NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit_log WHERE id = 1", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "INSERT OR REPLACE INTO audit_log (id, at, actor, table_name, "
                                     "action) VALUES (1, 0, 'x', 'x', 'x')", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);

  /* Through the store's own write path it is refused with a Docket error. */
  g_assert_false (_docket_store_exec (store, "UPDATE audit_log SET actor = 'x'", &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT);
}

static void
test_change_signals (Fixture       *fixture,
                     gconstpointer  data)
{
  DocketStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketOrganisation) org = docket_organisation_new ();
  int units = 0, meetings = 0, conclusions = 0, organisation = 0, all = 0;
  DocketId meeting_id;

  g_signal_connect (store, "changed::units", G_CALLBACK (count_cb), &units);
  g_signal_connect (store, "changed::meetings", G_CALLBACK (count_cb), &meetings);
  g_signal_connect (store, "changed::conclusions", G_CALLBACK (count_cb), &conclusions);
  g_signal_connect (store, "changed::organisation", G_CALLBACK (count_cb), &organisation);
  g_signal_connect (store, "changed", G_CALLBACK (count_cb), &all);

  add_unit (store, "Phòng Nội vụ", 0);
  g_assert_cmpint (units, ==, 1);
  g_assert_cmpint (meetings, ==, 0);
  meeting_id = add_meeting (store, "Họp", docket_date_new (2026, 1, 5), 0);
  g_assert_cmpint (meetings, ==, 1);
  add_conclusion (store, meeting_id, "Kết luận", 0);
  g_assert_cmpint (conclusions, ==, 1);
  g_assert_cmpint (units, ==, 1);

  org->issuing_body = g_strdup ("ỦY BAN NHÂN DÂN XÃ AN THẠNH");
  g_assert_true (docket_store_set_organisation (store, org, &error));
  g_assert_cmpint (organisation, ==, 1);
  g_assert_cmpint (all, ==, 4);
}

static void
test_organisation (Fixture       *fixture,
                   gconstpointer  data)
{
  DocketStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketOrganisation) org = docket_organisation_new ();
  g_autoptr(DocketOrganisation) read = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  read = docket_store_get_organisation (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->issuing_body, ==, "");
  g_clear_pointer (&read, docket_organisation_free);

  org->issuing_body = g_strdup ("ỦY BAN NHÂN DÂN XÃ AN THẠNH");
  org->parent_body = g_strdup ("ỦY BAN NHÂN DÂN TỈNH TÂY NINH");
  org->place_name = g_strdup ("An Thạnh");
  org->notice_symbol = g_strdup ("TB-UBND");
  org->signing_authority = g_strdup ("TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG");
  org->signer_name = g_strdup ("Võ Thị Giang");
  org->drafting_unit = g_strdup ("VP");
  g_assert_true (docket_store_set_organisation (store, org, &error));
  read = docket_store_get_organisation (store, &error);
  g_assert_cmpstr (read->parent_body, ==, org->parent_body);
  g_assert_cmpstr (read->signing_authority, ==, org->signing_authority);
  g_assert_cmpstr (read->drafting_unit, ==, "VP");

  g_assert_true (docket_store_check (store, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/docket/store/records/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("units-crud", test_units_crud);
  ADD ("units-tree-order", test_units_tree_order);
  ADD ("units-find", test_units_find);
  ADD ("units-refused", test_units_refused);
  ADD ("people", test_people);
  ADD ("meetings-crud", test_meetings_crud);
  ADD ("meetings-list", test_meetings_list);
  ADD ("attendees", test_attendees);
  ADD ("minutes", test_minutes);
  ADD ("conclusions", test_conclusions);
  ADD ("rollback-on-failure", test_rollback_on_failure);
  ADD ("nested-write-rolls-back", test_nested_write_rolls_back);
  ADD ("audit-log", test_audit_log);
  ADD ("change-signals", test_change_signals);
  ADD ("organisation", test_organisation);

  return g_test_run ();
}
