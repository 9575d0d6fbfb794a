/* test-ics.c: a unit's open items as an iCalendar file
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "docket-ics.h"
#include "docket-store-items.h"
#include "docket-store-meetings.h"
#include "docket-store-units.h"
#include "docket-test-support.h"

#define D(y, m, d) docket_date_new (y, m, d)

/* Monday 4 May 2026, 00:00 UTC (07:00 in Hà Nội). */
#define NOW G_GINT64_CONSTANT (1777852800)

typedef struct
{
  char        *dir;
  DocketStore *store;
  DocketId     interior;
  DocketId     justice;
  DocketId     items[6];
} Fixture;

static const char long_content[] =
  "Rà soát, khắc phục ngay các hạn chế; làm rõ trách nhiệm \\ đơn vị "
  "trong việc trả hồ sơ trễ hạn cho người dân tại bộ phận một cửa, "
  "báo cáo kết quả về Văn phòng\nDòng thứ hai";

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
add_item (Fixture    *fixture,
          DocketId    meeting,
          DocketId    conclusion,
          const char *content,
          DocketId    lead,
          DocketId    coordinating,
          DocketDate  deadline,
          gboolean    starred)
{
  g_autoptr(DocketItem) item = docket_item_new ();
  g_autoptr(GError) error = NULL;
  DocketId id;

  item->meeting_id = meeting;
  item->conclusion_id = conclusion;
  item->content = g_strdup (content);
  item->lead_unit_id = lead;
  item->deadline = deadline;
  item->starred = starred;
  if (coordinating != 0)
    docket_item_set_coordinating_units (item, &coordinating, 1);
  id = docket_store_add_item (fixture->store, item, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DocketMeeting) meeting = docket_meeting_new ();
  g_autoptr(DocketConclusion) conclusion = docket_conclusion_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  DocketId meeting_id, conclusion_id;

  fixture->dir = docket_test_tmpdir_new ();
  path = g_build_filename (fixture->dir, "docket.db", NULL);
  fixture->store = docket_store_open (path, &error);
  g_assert_no_error (error);
  fixture->interior = add_unit (fixture->store, "Phòng Nội vụ");
  fixture->justice = add_unit (fixture->store, "Phòng Tư pháp, Hộ tịch");

  meeting->title = g_strdup ("Hội nghị sơ kết cải cách hành chính");
  meeting->date = D (2026, 4, 27);
  meeting_id = docket_store_add_meeting (fixture->store, meeting, &error);
  g_assert_no_error (error);
  conclusion->meeting_id = meeting_id;
  conclusion->text = g_strdup ("Khắc phục hạn chế");
  conclusion_id = docket_store_add_conclusion (fixture->store, conclusion, &error);
  g_assert_no_error (error);

  /* 0: long text to escape and fold, a Friday deadline, coordinating. */
  fixture->items[0] = add_item (fixture, meeting_id, conclusion_id, long_content,
                                fixture->justice, fixture->interior, D (2026, 5, 15), FALSE);
  /* 1: starred, with a progress report, due on a Saturday. */
  fixture->items[1] = add_item (fixture, meeting_id, 0, "Kiểm tra công vụ", fixture->justice, 0,
                                D (2026, 5, 9), TRUE);
  docket_store_add_progress (fixture->store, fixture->items[1], D (2026, 5, 2), "Đã bắt đầu",
                             30, NULL, 0, &error);
  g_assert_no_error (error);
  /* 2: due the day after the holidays: the reminder 3 working days before is past. */
  fixture->items[2] = add_item (fixture, meeting_id, 0, "Giảm hồ sơ trễ hạn", fixture->justice,
                                0, D (2026, 5, 5), FALSE);
  /* 3: ongoing. */
  fixture->items[3] = add_item (fixture, meeting_id, 0, "Tuyên truyền thường xuyên",
                                fixture->justice, 0, DOCKET_DATE_NONE, FALSE);
  /* 4: completed; 5: another unit's.  Neither is in the file. */
  fixture->items[4] = add_item (fixture, meeting_id, 0, "Việc đã xong", fixture->justice, 0,
                                D (2026, 5, 20), FALSE);
  docket_store_report_item_done (fixture->store, fixture->items[4], D (2026, 5, 2), NULL, NULL,
                                 0, &error);
  g_assert_no_error (error);
  docket_store_confirm_item (fixture->store, fixture->items[4], &error);
  g_assert_no_error (error);
  fixture->items[5] = add_item (fixture, meeting_id, 0, "Việc của Nội vụ", fixture->interior, 0,
                                D (2026, 5, 20), FALSE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  docket_test_tmpdir_free (fixture->dir);
}

static void
options_for_test (DocketIcsOptions *options,
                  GTimeZone        *tz)
{
  docket_ics_options_init (options);
  options->tz = tz;
  options->now = NOW;
}

/* Undoes the folding of RFC 5545 §3.1. */
static char *
unfold (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "\r\n ", -1);

  return g_strjoinv ("", parts);
}

static void
test_folding (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new ("DESCRIPTION:");
  g_autofree char *unfolded = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;

  /* Two-octet and three-octet characters, so that the 75th octet falls inside one. */
  for (int i = 0; i < 40; i++)
    g_string_append (line, i % 2 ? "ệ" : "ă");
  docket_ics_append_line (out, line->str);
  g_assert_true (g_str_has_suffix (out->str, "\r\n"));
  lines = g_strsplit (out->str, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 2);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      if (i > 0 && lines[i][0] != '\0')
        g_assert_cmpint (lines[i][0], ==, ' ');
    }
  unfolded = unfold (out->str);
  expected = g_strconcat (line->str, "\r\n", NULL);
  g_assert_cmpstr (unfolded, ==, expected);

  /* Exactly 75 octets is one line. */
  g_string_truncate (out, 0);
  g_string_truncate (line, 0);
  for (int i = 0; i < 75; i++)
    g_string_append_c (line, 'x');
  docket_ics_append_line (out, line->str);
  g_assert_cmpuint (out->len, ==, 77);
}

static void
test_escaping (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  docket_ics_append_escaped (out, "a\\b;c,d\ne\r\nf\x01g");
  g_assert_cmpstr (out->str, ==, "a\\\\b\\;c\\,d\\ne\\nfg");
}

static void
test_unit_calendar (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *unfolded = NULL;
  g_autofree char *uid = NULL;
  DocketIcsOptions options;
  const char *p;
  guint n_todos = 0, n_alarms = 0;

  g_assert_nonnull (tz);
  options_for_test (&options, tz);
  text = docket_ics_build_unit (fixture->store, fixture->justice, &options, NULL, &error);
  g_assert_no_error (error);

  /* CRLF everywhere, no line over 75 octets, valid UTF-8. */
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (p = text; *p != '\0'; p++)
    if (*p == '\n')
      g_assert_cmpint (p[-1], ==, '\r');
  {
    g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
  }

  unfolded = unfold (text);
  for (p = strstr (unfolded, "BEGIN:VTODO"); p != NULL; p = strstr (p + 1, "BEGIN:VTODO"))
    n_todos++;
  for (p = strstr (unfolded, "BEGIN:VALARM"); p != NULL; p = strstr (p + 1, "BEGIN:VALARM"))
    n_alarms++;
  g_assert_cmpuint (n_todos, ==, 4);
  /* 3 + 3 + 2 (the one 3 working days before 5/5 was on 28/4) + 0. */
  g_assert_cmpuint (n_alarms, ==, 8);

  uid = g_strdup_printf ("UID:docket-item-%" G_GINT64_FORMAT "@%s\r\n",
                         (gint64) fixture->items[0], APP_ID);
  g_assert_nonnull (strstr (unfolded, uid));
  g_assert_nonnull (strstr (unfolded, "X-WR-CALNAME:Phòng Tư pháp\\, Hộ tịch\r\n"));
  g_assert_nonnull (strstr (unfolded, "DTSTAMP:20260504T000000Z\r\n"));
  g_assert_nonnull (strstr (unfolded, "SUMMARY:Rà soát\\, khắc phục ngay các hạn chế\\; làm "
                                      "rõ trách nhiệm \\\\ đơn vị"));
  g_assert_nonnull (strstr (unfolded, "DUE;VALUE=DATE:20260515\r\n"));
  g_assert_nonnull (strstr (unfolded, "CATEGORIES:Phòng Tư pháp\\, Hộ tịch,"));
  /* Friday 15/5 at 07:30 in Hà Nội, 3 working days before: Tuesday 12/5. */
  g_assert_nonnull (strstr (unfolded, "TRIGGER;VALUE=DATE-TIME:20260512T003000Z\r\n"));
  g_assert_nonnull (strstr (unfolded, "TRIGGER;VALUE=DATE-TIME:20260515T003000Z\r\n"));
  /* Saturday 9/5: the last working day is Friday 8/5; 3 before it, Tuesday 5/5. */
  g_assert_nonnull (strstr (unfolded, "TRIGGER;VALUE=DATE-TIME:20260505T003000Z\r\n"));
  g_assert_nonnull (strstr (unfolded, "TRIGGER;VALUE=DATE-TIME:20260508T003000Z\r\n"));
  g_assert_null (strstr (unfolded, "TRIGGER;VALUE=DATE-TIME:20260428"));
  g_assert_nonnull (strstr (unfolded, "STATUS:IN-PROCESS\r\n"));
  g_assert_nonnull (strstr (unfolded, "PRIORITY:1\r\n"));
  g_assert_null (strstr (unfolded, "Việc đã xong"));
  g_assert_null (strstr (unfolded, "Việc của Nội vụ"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
}

/* The file as another program reads it: python3-icalendar, run on the written file. */
static void
test_independent_parser (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autofree char *path = g_build_filename (fixture->dir, "Phòng Tư pháp.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *ids = NULL;
  const char *checker = g_getenv ("DOCKET_TEST_ICS_CHECKER");
  DocketIcsOptions options;
  int status = 0;

  options_for_test (&options, tz);
  g_assert_true (docket_ics_export_unit (fixture->store, fixture->justice, &options, file, NULL,
                                         &error));
  g_assert_no_error (error);

  if (checker == NULL)
    {
      g_test_skip ("DOCKET_TEST_ICS_CHECKER is not set");
      return;
    }
  ids = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                         ",%" G_GINT64_FORMAT, (gint64) fixture->items[0],
                         (gint64) fixture->items[1], (gint64) fixture->items[2],
                         (gint64) fixture->items[3]);
  {
    const char *argv[] = { "/usr/bin/python3", checker, path, ids, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                  &error);
  }
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (status, NULL) == FALSE && WIFEXITED (status) &&
      WEXITSTATUS (status) == 77)
    {
      g_test_skip ("python3-icalendar is not installed");
      return;
    }
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("check-ics.py: %s\n%s%s", error->message, out, err);
  g_test_message ("%s", out);
}

static void
test_no_partial_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "calendar.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_file_set_contents (path, "old", -1, &error);
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  g_assert_false (docket_ics_export_unit (fixture->store, fixture->justice, NULL, file,
                                          cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "old");

  /* An unknown unit is an error, and writes nothing either. */
  g_assert_false (docket_ics_export_unit (fixture->store, 999, NULL, file, NULL, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docket/ics/folding", test_folding);
  g_test_add_func ("/docket/ics/escaping", test_escaping);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/docket/ics/unit-calendar", test_unit_calendar);
  ADD ("/docket/ics/independent-parser", test_independent_parser);
  ADD ("/docket/ics/no-partial-file", test_no_partial_file);
#undef ADD

  return g_test_run ();
}
