/* test-reminder-policy.c: the reminder policy, and a simulated year of reminders
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "docket-fake-clock.h"
#include "docket-fake-notifier.h"
#include "docket-reminder-service.h"
#include "docket-reminder-settings.h"
#include "docket-store-items.h"
#include "docket-store-meetings.h"
#include "docket-store-private.h"
#include "docket-store-settings.h"
#include "docket-store-units.h"
#include "docket-test-support.h"

#define D(y, m, d) docket_date_new (y, m, d)
#define N_UNITS 6

static GTimeZone *
hcm (void)
{
  return g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
}

/* An instant in Hồ Chí Minh City time. */
static gint64
at (int y, int m, int d, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = hcm ();
  g_autoptr(GDateTime) dt = g_date_time_new (tz, y, m, d, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static DocketReminderPolicy *
default_policy (void)
{
  DocketReminderSettings settings;
  g_autoptr(DocketCalendar) calendar = docket_calendar_new ();
  g_autoptr(GTimeZone) tz = hcm ();

  docket_reminder_settings_init_defaults (&settings);
  return docket_reminder_policy_new (&settings, calendar, tz);
}

static DocketItem *
open_item (DocketDate deadline)
{
  DocketItem *item = docket_item_new ();

  item->id = 7;
  item->lead_unit_id = 3;
  item->deadline = deadline;
  item->state = DOCKET_ITEM_STATE_OPEN;
  return item;
}

/* The reminders due for @item at @now, as "kind:day-of-month:count:recipient". */
static char *
due_at (DocketReminderPolicy *policy,
        const DocketItem     *item,
        gint64                now)
{
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (DocketReminder));
  GString *s = g_string_new (NULL);

  docket_reminder_policy_due (policy, item, now, out);
  for (guint i = 0; i < out->len; i++)
    {
      DocketReminder *r = &g_array_index (out, DocketReminder, i);
      g_autofree char *kind = docket_reminder_dup_key_kind (r);

      g_assert_cmpint (r->deliver_at, ==, docket_reminder_policy_morning_of (policy, r->day));
      g_string_append_printf (s, "%s%s:%d/%d:%d:%s", i > 0 ? " " : "", kind,
                              docket_date_get_day (r->day), docket_date_get_month (r->day),
                              r->count, r->recipient_unit_id == 0 ? "secretariat" : "unit");
    }
  return g_string_free (s, FALSE);
}

#define assert_due(policy, item, now, expected) \
  G_STMT_START { \
    g_autofree char *got_ = due_at (policy, item, now); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

static void
test_policy_steps (void)
{
  g_autoptr(DocketReminderPolicy) policy = default_policy ();
  /* Wednesday 11/03/2026. */
  g_autoptr(DocketItem) item = open_item (D (2026, 3, 11));

  assert_due (policy, item, at (2026, 3, 5, 9, 0), "");
  assert_due (policy, item, at (2026, 3, 6, 7, 30), "before-3:6/3:3:unit");
  /* The latest step reached stays due (the log says it was sent). */
  assert_due (policy, item, at (2026, 3, 9, 8, 0), "before-3:6/3:2:unit");
  assert_due (policy, item, at (2026, 3, 10, 8, 0), "before-1:10/3:1:unit");
  assert_due (policy, item, at (2026, 3, 11, 16, 59), "due-today:11/3:0:unit");
  assert_due (policy, item, at (2026, 3, 12, 8, 0), "overdue:12/3:1:unit");
  assert_due (policy, item, at (2026, 3, 17, 8, 0), "overdue:17/3:4:unit");
  assert_due (policy, item, at (2026, 3, 18, 8, 0),
              "overdue:18/3:5:unit escalation-5:18/3:5:secretariat");
  assert_due (policy, item, at (2026, 3, 19, 8, 0),
              "overdue:19/3:6:unit escalation-5:18/3:6:secretariat");
  /* 30 working days after 11/03 is 22/04 (Hùng Kings' day, 26/04, is a Sunday in
   * 2026, its compensation day 27/04 is after it). */
  assert_due (policy, item, at (2026, 4, 22, 8, 0),
              "overdue:22/4:30:unit escalation-30:22/4:30:secretariat");
}

static void
test_policy_working_hours (void)
{
  g_autoptr(DocketReminderPolicy) policy = default_policy ();
  g_autoptr(DocketItem) item = open_item (D (2026, 3, 11));
  DocketCalendar *calendar = docket_reminder_policy_get_calendar (policy);

  /* Night, evening, weekend: nothing is due. */
  assert_due (policy, item, at (2026, 3, 12, 7, 29), "");
  assert_due (policy, item, at (2026, 3, 12, 17, 0), "");
  assert_due (policy, item, at (2026, 3, 14, 9, 0), "");
  g_assert_cmpint (docket_reminder_policy_next_morning (policy, at (2026, 3, 13, 17, 30)), ==,
                   at (2026, 3, 16, 7, 30));
  g_assert_cmpint (docket_reminder_policy_next_morning (policy, at (2026, 3, 16, 7, 0)), ==,
                   at (2026, 3, 16, 7, 30));
  g_assert_cmpint (docket_reminder_policy_next_working_time (policy, at (2026, 3, 16, 9, 0)), ==,
                   at (2026, 3, 16, 9, 0));

  /* Tết 2026 (lunar new year on 17/02): the days off give no reminders, and what
   * fell due comes on the first working morning after them. */
  g_assert_nonnull (docket_calendar_holiday_name (calendar, D (2026, 2, 17)));
  {
    g_autoptr(DocketItem) tet = open_item (D (2026, 2, 13));
    DocketDate first = docket_calendar_add_working_days (calendar, D (2026, 2, 17), 1);
    int y, m, d;
    g_autofree char *expected = NULL;

    assert_due (policy, tet, at (2026, 2, 17, 9, 0), "");
    g_assert_cmpint (docket_reminder_policy_next_morning (policy, at (2026, 2, 17, 9, 0)), ==,
                     docket_reminder_policy_morning_of (policy, first));
    docket_date_to_dmy (first, &y, &m, &d);
    g_assert_cmpint (m, ==, 2);
    expected = g_strdup_printf ("overdue:%d/2:%d:unit", d,
                                docket_calendar_working_days_between (calendar, D (2026, 2, 13),
                                                                      first));
    assert_due (policy, tet, at (y, m, d, 7, 30), expected);
  }
}

static void
test_policy_states (void)
{
  g_autoptr(DocketReminderPolicy) policy = default_policy ();
  g_autoptr(DocketItem) item = open_item (D (2026, 3, 11));
  gint64 late = at (2026, 3, 20, 10, 0);

  item->state = DOCKET_ITEM_STATE_CONFIRMED;
  assert_due (policy, item, late, "");
  item->state = DOCKET_ITEM_STATE_CANCELLED;
  assert_due (policy, item, late, "");
  item->state = DOCKET_ITEM_STATE_REPORTED_DONE;
  assert_due (policy, item, late, "awaiting-confirmation:20/3:0:secretariat");
  item->state = DOCKET_ITEM_STATE_RETURNED;
  assert_due (policy, item, late,
              "overdue:20/3:7:unit escalation-5:18/3:7:secretariat");
  item->state = DOCKET_ITEM_STATE_OPEN;
  item->deadline = DOCKET_DATE_NONE;
  assert_due (policy, item, late, "");

  /* A deadline on a Saturday: "on the day" is the Friday, overdue from Monday. */
  item->deadline = D (2026, 3, 21);
  assert_due (policy, item, at (2026, 3, 20, 8, 0), "due-today:20/3:0:unit");
  assert_due (policy, item, at (2026, 3, 23, 8, 0), "overdue:23/3:1:unit");
}

static void
test_policy_lookahead (void)
{
  g_autoptr(DocketReminderPolicy) policy = default_policy ();

  /* Friday 06/03: steps of 3 working days reach deadlines up to Wednesday 11/03,
   * and a deadline on any day before Thursday 12/03. */
  g_assert_cmpuint (docket_reminder_policy_lookahead_end (policy, D (2026, 3, 6)), ==,
                    D (2026, 3, 12));
}

/* The store-backed part: a fixture with units, a meeting, a service. */

typedef struct
{
  char                  *dir;
  char                  *path;
  DocketStore           *store;
  DocketId               units[N_UNITS];
  DocketId               meeting;
  DocketReminderPolicy  *policy;
  DocketFakeClock       *clock;
  DocketFakeNotifier    *notifier;
  DocketReminderService *service;
} Fixture;

static const char *unit_names[N_UNITS] = {
  "Phòng Nội vụ", "Phòng Tư pháp", "Văn phòng HĐND và UBND", "UBND xã Tân Bửu",
  "Phòng Tài chính - Kế hoạch", "Phòng Văn hóa - Thông tin",
};

static DocketReminderService *
new_service (Fixture         *fixture,
             DocketStore     *store,
             DocketFakeNotifier *notifier)
{
  return docket_reminder_service_new (store, fixture->policy, DOCKET_CLOCK (fixture->clock),
                                      DOCKET_NOTIFIER (notifier));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketMeeting) meeting = docket_meeting_new ();

  fixture->dir = docket_test_tmpdir_new ();
  fixture->path = g_build_filename (fixture->dir, "docket.db", NULL);
  fixture->store = docket_store_open (fixture->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_UNITS; i++)
    {
      g_autoptr(DocketUnit) unit = docket_unit_new ();

      unit->name = g_strdup (unit_names[i]);
      unit->email = g_strdup_printf ("unit%u@example.gov.vn", i);
      fixture->units[i] = docket_store_add_unit (fixture->store, unit, &error);
      g_assert_no_error (error);
    }
  meeting->title = g_strdup ("Hội nghị tổng kết năm 2025");
  meeting->date = D (2025, 12, 26);
  fixture->meeting = docket_store_add_meeting (fixture->store, meeting, &error);
  g_assert_no_error (error);

  fixture->policy = default_policy ();
  fixture->clock = docket_fake_clock_new (at (2026, 1, 1, 0, 0));
  fixture->notifier = docket_fake_notifier_new (DOCKET_CLOCK (fixture->clock));
  fixture->service = new_service (fixture, fixture->store, fixture->notifier);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->service);
  g_clear_object (&fixture->notifier);
  g_clear_object (&fixture->clock);
  g_clear_pointer (&fixture->policy, docket_reminder_policy_unref);
  g_clear_object (&fixture->store);
  g_free (fixture->path);
  docket_test_tmpdir_free (fixture->dir);
}

static DocketId
add_item (Fixture     *fixture,
          guint        unit,
          DocketDate   deadline,
          const char  *content)
{
  g_autoptr(DocketItem) item = docket_item_new ();
  g_autoptr(GError) error = NULL;
  DocketId id;

  item->content = g_strdup (content);
  item->meeting_id = fixture->meeting;
  item->lead_unit_id = fixture->units[unit];
  item->deadline = deadline;
  id = docket_store_add_item (fixture->store, item, &error);
  g_assert_no_error (error);
  return id;
}

static void
run (Fixture *fixture,
     guint    expect_claimed)
{
  g_autoptr(GError) error = NULL;
  guint claimed = 0;

  g_assert_true (docket_reminder_service_run_due (fixture->service,
                                                  docket_clock_now (DOCKET_CLOCK (fixture->clock)),
                                                  &claimed, NULL, &error));
  g_assert_no_error (error);
  if (expect_claimed != G_MAXUINT)
    g_assert_cmpuint (claimed, ==, expect_claimed);
}

/* Drives the service from its own wake-ups, from the clock's time to @end. */
static guint
run_until (Fixture *fixture,
           gint64   end)
{
  guint runs = 0;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gint64 now = docket_clock_now (DOCKET_CLOCK (fixture->clock));
      gint64 next;

      run (fixture, G_MAXUINT);
      runs++;
      next = docket_reminder_service_get_next_wakeup (fixture->service, now, &error);
      g_assert_no_error (error);
      g_assert_cmpint (next, >, now);
      if (next > end)
        break;
      docket_fake_clock_set (fixture->clock, next);
    }
  return runs;
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Every row of the log as "item|kind|day", sorted. */
static GPtrArray *
log_keys (DocketStore *store)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (_docket_store_get_db (store),
                                       "SELECT item_id, kind, day FROM reminder_log", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (keys, g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%s",
                                            (gint64) sqlite3_column_int64 (stmt, 0),
                                            sqlite3_column_text (stmt, 1),
                                            sqlite3_column_text (stmt, 2)));
  sqlite3_finalize (stmt);
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

static void
add_key (GPtrArray  *keys,
         DocketId    item,
         const char *kind,
         DocketDate  day,
         DocketDate  first,
         DocketDate  last)
{
  g_autofree char *iso = NULL;

  if (day < first || day > last)
    return;
  iso = docket_date_format_iso (day);
  g_ptr_array_add (keys, g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%s", (gint64) item, kind, iso));
}

/* The reminders an open item must have given over [first, last], written out day
 * by day rather than with the policy's "latest step" rule. */
static void
expect_open (GPtrArray      *keys,
             DocketCalendar *cal,
             DocketId        item,
             DocketDate      deadline,
             DocketDate      first,
             DocketDate      last)
{
  DocketDate anchor = docket_calendar_is_working_day (cal, deadline)
                        ? deadline : docket_calendar_add_working_days (cal, deadline, -1);

  add_key (keys, item, "before-3", docket_calendar_add_working_days (cal, anchor, -3), first, last);
  add_key (keys, item, "before-1", docket_calendar_add_working_days (cal, anchor, -1), first, last);
  add_key (keys, item, "due-today", anchor, first, last);
  for (DocketDate d = deadline + 1; d <= last; d++)
    if (docket_calendar_is_working_day (cal, d))
      add_key (keys, item, "overdue", d, first, last);
  add_key (keys, item, "escalation-5", docket_calendar_add_working_days (cal, deadline, 5), first, last);
  add_key (keys, item, "escalation-30", docket_calendar_add_working_days (cal, deadline, 30), first, last);
}

static void
expect_awaiting (GPtrArray      *keys,
                 DocketCalendar *cal,
                 DocketId        item,
                 DocketDate      first,
                 DocketDate      last)
{
  for (DocketDate d = first; d <= last; d++)
    if (docket_calendar_is_working_day (cal, d))
      add_key (keys, item, "awaiting-confirmation", d, first, last);
}

static gboolean
is_working_time (Fixture *fixture,
                 gint64   instant)
{
  return docket_reminder_policy_is_working_time (fixture->policy, instant, NULL);
}

static void
test_simulated_year (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) got = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  DocketCalendar *cal = docket_reminder_policy_get_calendar (fixture->policy);
  DocketDate first = D (2026, 1, 1);
  DocketDate last = D (2026, 12, 31);
  GPtrArray *sent;
  sqlite3_stmt *stmt = NULL;
  guint n_silent = 0;

  /* 200 items across the units: deadlines spread over the year (Tết included);
   * a tenth cancelled, a tenth confirmed, a tenth waiting for confirmation. */
  for (guint i = 0; i < 200; i++)
    {
      DocketDate deadline = D (2026, 1, 20) + g_rand_int_range (rand, 0, 320);
      g_autofree char *content = g_strdup_printf ("Nhiệm vụ %u: rà soát thủ tục hành chính", i);
      DocketId id = add_item (fixture, i % N_UNITS, deadline, content);

      switch (i % 10)
        {
        case 0:
          g_assert_true (docket_store_cancel_item (fixture->store, id, "Không còn cần thiết", &error));
          n_silent++;
          break;
        case 1:
          g_assert_true (docket_store_report_item_done (fixture->store, id, D (2025, 12, 30),
                                                        NULL, NULL, 0, &error));
          g_assert_true (docket_store_confirm_item (fixture->store, id, &error));
          n_silent++;
          break;
        case 2:
          g_assert_true (docket_store_report_item_done (fixture->store, id, D (2025, 12, 30),
                                                        NULL, NULL, 0, &error));
          expect_awaiting (expected, cal, id, first, last);
          break;
        default:
          expect_open (expected, cal, id, deadline, first, last);
          break;
        }
      g_assert_no_error (error);
    }
  g_assert_cmpuint (n_silent, ==, 40);

  run_until (fixture, at (2026, 12, 31, 23, 59));

  /* Every expected reminder, once (the log's key is unique), and no other. */
  g_ptr_array_sort (expected, compare_strings);
  got = log_keys (fixture->store);
  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < got->len; i++)
    g_assert_cmpstr (g_ptr_array_index (got, i), ==, g_ptr_array_index (expected, i));

  /* Each was delivered on the working morning of its day. */
  g_assert_cmpint (sqlite3_prepare_v2 (_docket_store_get_db (fixture->store),
                                       "SELECT day, delivered_at FROM reminder_log", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      DocketDate day;

      g_assert_true (docket_date_parse_iso ((const char *) sqlite3_column_text (stmt, 0), &day));
      g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==,
                       docket_reminder_policy_morning_of (fixture->policy, day));
    }
  sqlite3_finalize (stmt);

  /* Notifications: within working hours; a single reminder is never shown twice;
   * overdue ones are critical; nobody gets more than one summary a morning. */
  sent = docket_fake_notifier_get_sent (fixture->notifier);
  g_assert_cmpuint (sent->len, >, 250);
  for (guint i = 0; i < sent->len; i++)
    {
      DocketFakeNotification *n = g_ptr_array_index (sent, i);
      g_autofree char *key = g_strdup_printf ("%s@%" G_GINT64_FORMAT, n->id, n->sent_at);

      g_assert_true (is_working_time (fixture, n->sent_at));
      g_assert_false (g_hash_table_contains (ids, key));
      g_hash_table_add (ids, g_steal_pointer (&key));
      if (g_str_has_prefix (n->id, "reminder-"))
        {
          g_autofree char *bare = g_strdup (n->id);
          g_assert_false (g_hash_table_contains (ids, bare));
          g_hash_table_add (ids, g_steal_pointer (&bare));
        }
      if (strstr (n->title, "Overdue") != NULL)
        g_assert_cmpint (n->urgency, ==, DOCKET_NOTIFICATION_URGENCY_CRITICAL);
      g_assert_true (g_strv_contains ((const char * const *) n->action_ids, "open"));
      g_assert_true (g_strv_contains ((const char * const *) n->action_ids, "snooze"));
    }
}

static void
test_texts (Fixture       *fixture,
            gconstpointer  data)
{
  GPtrArray *sent = docket_fake_notifier_get_sent (fixture->notifier);
  DocketFakeNotification *n = NULL;

  add_item (fixture, 0, D (2026, 3, 11), "Rà soát thủ tục hành chính");
  docket_fake_clock_set (fixture->clock, at (2026, 3, 6, 7, 30));
  run (fixture, 1);
  g_assert_cmpuint (sent->len, ==, 1);
  n = g_ptr_array_index (sent, 0);
  g_assert_cmpstr (n->title, ==, "Phòng Nội vụ: Due in 3 working days");
  g_assert_cmpstr (n->body, ==, "Rà soát thủ tục hành chính\nDeadline: 11/03/2026\n"
                                "Meeting: Hội nghị tổng kết năm 2025");
  g_assert_cmpint (n->urgency, ==, DOCKET_NOTIFICATION_URGENCY_NORMAL);
  g_assert_cmpstr (n->default_action, ==, "open");

  /* Later the same morning: already sent. */
  docket_fake_clock_advance (fixture->clock, 3600);
  run (fixture, 0);

  docket_fake_clock_set (fixture->clock, at (2026, 3, 17, 7, 30));
  run (fixture, 1);
  n = g_ptr_array_index (sent, sent->len - 1);
  g_assert_cmpstr (n->title, ==, "Phòng Nội vụ: Overdue by 4 working days");
  g_assert_cmpint (n->urgency, ==, DOCKET_NOTIFICATION_URGENCY_CRITICAL);

  /* The escalation goes to the secretariat, with "Send Reminder to Unit". */
  g_ptr_array_set_size (sent, 0);
  docket_fake_clock_set (fixture->clock, at (2026, 3, 18, 7, 30));
  run (fixture, 2);
  g_assert_cmpuint (sent->len, ==, 2);
}

static gboolean
find_sent (GPtrArray   *sent,
           const char  *title_part,
           DocketFakeNotification **out)
{
  for (guint i = 0; i < sent->len; i++)
    {
      DocketFakeNotification *n = g_ptr_array_index (sent, i);
      if (strstr (n->title, title_part) != NULL)
        {
          *out = n;
          return TRUE;
        }
    }
  return FALSE;
}

static void
on_open_item_cb (DocketReminderService *service,
                 gint64                 item_id,
                 gpointer               user_data)
{
  *(gint64 *) user_data = item_id;
}

static void
on_compose_mail_cb (DocketReminderService *service,
                    const char            *uri,
                    gpointer               user_data)
{
  *(char **) user_data = g_strdup (uri);
}

static void
test_escalation_actions (Fixture       *fixture,
                         gconstpointer  data)
{
  GPtrArray *sent = docket_fake_notifier_get_sent (fixture->notifier);
  DocketFakeNotification *n = NULL;
  DocketId item = add_item (fixture, 1, D (2026, 3, 11), "Báo cáo kết quả thanh tra");
  gint64 opened = 0;
  g_autofree char *mailto = NULL;

  g_signal_connect (fixture->service, "open-item", G_CALLBACK (on_open_item_cb), &opened);
  g_signal_connect (fixture->service, "compose-mail", G_CALLBACK (on_compose_mail_cb), &mailto);

  docket_fake_clock_set (fixture->clock, at (2026, 3, 18, 7, 30));
  run (fixture, 2);
  g_assert_true (find_sent (sent, "Late: overdue by 5 working days", &n));
  g_assert_cmpstr (n->title, ==, "Phòng Tư pháp: Late: overdue by 5 working days");
  g_assert_cmpint (n->urgency, ==, DOCKET_NOTIFICATION_URGENCY_CRITICAL);
  g_assert_true (g_strv_contains ((const char * const *) n->action_ids, "mail"));

  docket_fake_notifier_click (fixture->notifier, n->id, "mail");
  g_assert_nonnull (mailto);
  g_assert_true (g_str_has_prefix (mailto, "mailto:unit1@example.gov.vn?subject="));
  docket_fake_notifier_click (fixture->notifier, n->id, "default");
  g_assert_cmpint (opened, ==, item);

  /* 30 working days late: the secretariat hears again. */
  docket_fake_clock_set (fixture->clock, at (2026, 4, 22, 7, 30));
  run (fixture, 2);
  g_assert_true (find_sent (sent, "Late: overdue by 30 working days", &n));
}

static void
test_summary (Fixture       *fixture,
              gconstpointer  data)
{
  GPtrArray *sent = docket_fake_notifier_get_sent (fixture->notifier);
  DocketFakeNotification *n = NULL;

  for (guint i = 0; i < 5; i++)
    add_item (fixture, 2, D (2026, 3, 11), "Cập nhật dịch vụ công trực tuyến");
  add_item (fixture, 3, D (2026, 3, 11), "Kiểm tra công vụ");
  docket_fake_clock_set (fixture->clock, at (2026, 3, 11, 8, 0));
  run (fixture, 6);
  /* Five for one unit: one summary; one for another unit: on its own. */
  g_assert_cmpuint (sent->len, ==, 2);
  g_assert_true (find_sent (sent, "5 reminders", &n));
  g_assert_cmpstr (n->title, ==, "Văn phòng HĐND và UBND: 5 reminders");
  g_assert_true (g_str_has_prefix (n->body, "Due today — Cập nhật dịch vụ công trực tuyến\n"));
  g_assert_true (find_sent (sent, "UBND xã Tân Bửu: Due today", &n));
}

static void
test_catch_up (Fixture       *fixture,
               gconstpointer  data)
{
  GPtrArray *sent = docket_fake_notifier_get_sent (fixture->notifier);
  DocketFakeNotification *n = NULL;

  /* Deadlines during a week off (Monday 08/06 to Friday 12/06). */
  add_item (fixture, 0, D (2026, 6, 9), "Khắc phục hạn chế");
  add_item (fixture, 0, D (2026, 6, 10), "Kiểm tra thái độ phục vụ");
  add_item (fixture, 0, D (2026, 6, 11), "Giảm hồ sơ trễ hạn");
  add_item (fixture, 4, D (2026, 6, 30), "Lập kế hoạch");

  docket_fake_clock_set (fixture->clock, at (2026, 6, 5, 7, 30));
  run (fixture, 2);   /* before-3 of the first two (one a day late) */
  g_ptr_array_set_size (sent, 0);

  /* The computer is off for a week and comes back on Monday 15/06 at 9:10. */
  docket_fake_clock_set (fixture->clock, at (2026, 6, 15, 9, 10));
  run (fixture, 3);
  g_assert_cmpuint (sent->len, ==, 1);
  n = g_ptr_array_index (sent, 0);
  g_assert_cmpstr (n->title, ==, "Phòng Nội vụ: While you were away: 3 items became overdue");
  g_assert_cmpint (n->urgency, ==, DOCKET_NOTIFICATION_URGENCY_CRITICAL);

  /* The next morning is an ordinary daily reminder again. */
  g_ptr_array_set_size (sent, 0);
  docket_fake_clock_set (fixture->clock, at (2026, 6, 16, 7, 30));
  run (fixture, 4);   /* three overdue, and the secretariat's first escalation */
  g_assert_cmpuint (sent->len, ==, 4);
  g_assert_true (find_sent (sent, "Overdue by 5 working days", &n));
}

static void
test_snooze_restart (Fixture       *fixture,
                     gconstpointer  data)
{
  GPtrArray *sent = docket_fake_notifier_get_sent (fixture->notifier);
  DocketFakeNotification *n = NULL;
  g_autoptr(GPtrArray) snoozed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  add_item (fixture, 5, D (2026, 3, 11), "Tuyên truyền cải cách hành chính");
  docket_fake_clock_set (fixture->clock, at (2026, 3, 10, 9, 0));
  run (fixture, 1);
  n = g_ptr_array_index (sent, 0);
  id = g_strdup (n->id);
  docket_fake_notifier_click (fixture->notifier, id, "snooze");

  snoozed = docket_store_list_reminders (fixture->store, DOCKET_REMINDER_LIST_SNOOZED, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snoozed->len, ==, 1);
  g_assert_cmpint (((DocketReminderEntry *) g_ptr_array_index (snoozed, 0))->snoozed_until, ==,
                   at (2026, 3, 11, 7, 30));
  g_assert_cmpint (docket_reminder_service_get_next_wakeup (fixture->service,
                                                            at (2026, 3, 10, 9, 0), &error),
                   ==, at (2026, 3, 11, 7, 30));

  /* Restart: close everything and open the file again. */
  g_clear_object (&fixture->service);
  g_clear_object (&fixture->store);
  fixture->store = docket_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->service = new_service (fixture, fixture->store, fixture->notifier);
  g_ptr_array_set_size (sent, 0);

  /* Not yet in the afternoon. */
  docket_fake_clock_set (fixture->clock, at (2026, 3, 10, 15, 0));
  run (fixture, 0);
  g_assert_cmpuint (sent->len, ==, 0);

  /* Next morning: the snoozed one comes back, and due-today is new. */
  docket_fake_clock_set (fixture->clock, at (2026, 3, 11, 7, 30));
  run (fixture, 2);
  g_assert_cmpuint (sent->len, ==, 2);
  g_assert_true (find_sent (sent, "Tuyên truyền", &n) || find_sent (sent, "Due today", &n));
  g_assert_cmpstr (n->title, ==, "Phòng Văn hóa - Thông tin: Due today");
  g_clear_pointer (&snoozed, g_ptr_array_unref);
  snoozed = docket_store_list_reminders (fixture->store, DOCKET_REMINDER_LIST_SNOOZED, 0, &error);
  g_assert_cmpuint (snoozed->len, ==, 0);
}

static void
test_no_server (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GError) error = NULL;
  DocketReminderEntry *e;

  docket_fake_notifier_set_server (fixture->notifier, FALSE);
  add_item (fixture, 0, D (2026, 3, 11), "Rà soát thủ tục hành chính");
  docket_fake_clock_set (fixture->clock, at (2026, 3, 12, 8, 0));
  run (fixture, 1);

  /* Logged, pending in the in-app list. */
  pending = docket_store_list_reminders (fixture->store, DOCKET_REMINDER_LIST_PENDING, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 1);
  e = g_ptr_array_index (pending, 0);
  g_assert_cmpstr (e->kind, ==, "overdue");
  g_assert_cmpstr (e->candidate->unit_name, ==, "Phòng Nội vụ");

  /* The next day's reminder replaces it in the list. */
  docket_fake_clock_set (fixture->clock, at (2026, 3, 13, 8, 0));
  run (fixture, 1);
  g_clear_pointer (&pending, g_ptr_array_unref);
  pending = docket_store_list_reminders (fixture->store, DOCKET_REMINDER_LIST_PENDING, 0, &error);
  g_assert_cmpuint (pending->len, ==, 1);
  e = g_ptr_array_index (pending, 0);
  g_assert_cmpuint (e->day, ==, D (2026, 3, 13));

  /* Dismiss takes it off. */
  g_assert_true (docket_reminder_service_dismiss (fixture->service, e->log_id, &error));
  g_clear_pointer (&pending, g_ptr_array_unref);
  pending = docket_store_list_reminders (fixture->store, DOCKET_REMINDER_LIST_PENDING, 0, &error);
  g_assert_cmpuint (pending->len, ==, 0);
}

static void
test_my_units (Fixture       *fixture,
               gconstpointer  data)
{
  GPtrArray *sent = docket_fake_notifier_get_sent (fixture->notifier);
  DocketId mine[] = { fixture->units[1] };
  DocketId secretariat[] = { 0 };

  add_item (fixture, 0, D (2026, 3, 11), "Một");
  add_item (fixture, 1, D (2026, 3, 11), "Hai");
  docket_reminder_service_set_my_units (fixture->service, mine, 1);
  docket_fake_clock_set (fixture->clock, at (2026, 3, 18, 8, 0));
  run (fixture, 1);
  g_assert_cmpuint (sent->len, ==, 1);
  g_assert_cmpstr (((DocketFakeNotification *) g_ptr_array_index (sent, 0))->title, ==,
                   "Phòng Tư pháp: Overdue by 5 working days");

  /* The secretariat's computer: the two escalations only. */
  docket_reminder_service_set_my_units (fixture->service, secretariat, 1);
  run (fixture, 2);
}

typedef struct
{
  Fixture   *fixture;
  char      *name;
  guint      claimed;
  guint      notified;
} Sender;

static GMutex start_mutex;
static GCond  start_cond;
static int    start_day = -1;

static gpointer
sender_thread (gpointer data)
{
  Sender *sender = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = docket_store_open (sender->fixture->path, &error);
  g_autoptr(DocketFakeNotifier) notifier = docket_fake_notifier_new (NULL);
  g_autoptr(DocketReminderService) service = NULL;
  int seen = -1;

  g_assert_no_error (error);
  service = docket_reminder_service_new (store, sender->fixture->policy,
                                         DOCKET_CLOCK (sender->fixture->clock),
                                         DOCKET_NOTIFIER (notifier));
  docket_reminder_service_set_sender (service, sender->name);
  for (;;)
    {
      gint64 now;
      guint claimed = 0, notified = 0;

      g_mutex_lock (&start_mutex);
      while (start_day == seen)
        g_cond_wait (&start_cond, &start_mutex);
      seen = start_day;
      g_mutex_unlock (&start_mutex);
      if (seen < 0 || seen >= 1000)
        break;
      now = at (2026, 3, 2, 7, 30) + (gint64) seen * 24 * 3600;
      g_assert_true (docket_reminder_service_run_due (service, now, &claimed, &notified, &error));
      g_assert_no_error (error);
      g_atomic_int_add (&sender->claimed, claimed);
      g_atomic_int_add (&sender->notified, notified);
    }
  return NULL;
}

static void
test_two_senders (Fixture       *fixture,
                  gconstpointer  data)
{
  Sender a = { fixture, (char *) "A", 0, 0 };
  Sender b = { fixture, (char *) "B", 0, 0 };
  GThread *ta, *tb;
  g_autoptr(GPtrArray) got = NULL;

  for (guint i = 0; i < 40; i++)
    add_item (fixture, i % N_UNITS, D (2026, 3, 4) + i, "Nhiệm vụ song song");

  start_day = -1;
  ta = g_thread_new ("sender-a", sender_thread, &a);
  tb = g_thread_new ("sender-b", sender_thread, &b);
  /* Each simulated morning, both senders run at once. */
  for (int day = 0; day < 60; day++)
    {
      g_mutex_lock (&start_mutex);
      start_day = day;
      g_cond_broadcast (&start_cond);
      g_mutex_unlock (&start_mutex);
      g_usleep (20000);
    }
  g_mutex_lock (&start_mutex);
  start_day = 1000;
  g_cond_broadcast (&start_cond);
  g_mutex_unlock (&start_mutex);
  g_thread_join (ta);
  g_thread_join (tb);

  got = log_keys (fixture->store);
  g_assert_cmpuint (a.claimed + b.claimed, ==, got->len);
  g_assert_cmpuint (got->len, >, 100);
  g_test_message ("sender A claimed %u, sender B %u", a.claimed, b.claimed);
}

static void
test_idle_wakeups (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 start = at (2026, 3, 10, 18, 0);
  guint wakeups = 0;

  add_item (fixture, 0, D (2026, 3, 20), "Không có gì đến hạn đêm nay");
  for (gint64 t = start; t < start + 3600; wakeups++)
    t += docket_reminder_service_plan_delay (fixture->service, t);
  g_assert_cmpuint (wakeups, <=, 60);
  g_assert_cmpuint (wakeups, >=, 1);
}

/* The wall clock is set forward past a reminder's time while the service sleeps on
 * its timer: the reminder goes out at once, not when the old timer would fire; set
 * back, nothing is sent twice. */
static void
test_clock_jump (Fixture       *fixture,
                 gconstpointer  data)
{
  GPtrArray *sent = docket_fake_notifier_get_sent (fixture->notifier);
  g_autoptr(GError) error = NULL;

  add_item (fixture, 1, D (2026, 3, 11), "Rà soát thủ tục hành chính");
  /* Saturday 28/02: the next reminder (3 working days before) is Friday 06/03. */
  docket_fake_clock_set (fixture->clock, at (2026, 2, 28, 10, 0));
  docket_reminder_service_start (fixture->service);
  g_assert_cmpuint (sent->len, ==, 0);
  g_assert_cmpint (docket_reminder_service_get_next_wakeup (fixture->service,
                                                            at (2026, 2, 28, 10, 0), &error),
                   <, at (2026, 3, 6, 7, 30));

  /* No main-loop turn here, so no timer can fire: only the jump sends. */
  docket_fake_clock_jump (fixture->clock, at (2026, 3, 6, 9, 0));
  g_assert_cmpuint (sent->len, ==, 1);
  g_assert_nonnull (strstr (((DocketFakeNotification *) g_ptr_array_index (sent, 0))->title,
                            "Due in 3 working days"));

  docket_fake_clock_jump (fixture->clock, at (2026, 3, 6, 8, 0));
  g_assert_cmpuint (sent->len, ==, 1);
  docket_reminder_service_stop (fixture->service);

  /* A stopped service does not listen any more. */
  docket_fake_clock_jump (fixture->clock, at (2026, 3, 10, 9, 0));
  g_assert_cmpuint (sent->len, ==, 1);
}

/* The numbers people type in Preferences: read, refused with a sentence, stored in
 * the file for every computer, and followed by the policy. */
static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  DocketReminderSettings settings, loaded;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketCalendar) calendar = docket_calendar_new ();
  g_autoptr(GTimeZone) tz = hcm ();
  g_autoptr(DocketReminderPolicy) policy = NULL;
  g_autoptr(DocketItem) item = open_item (D (2026, 3, 11));
  g_autofree char *before = NULL, *escalations = NULL, *start = NULL, *end = NULL;
  struct { const char *days, *escalations, *start, *end; } refused[] = {
    { "3, x", "5", "07:30", "17:00" },
    { "31", "5", "07:30", "17:00" },
    { "1,2,3,4,5,6,7,8,9", "5", "07:30", "17:00" },
    { "3", "0, 5", "07:30", "17:00" },
    { "3", "251", "07:30", "17:00" },
    { "3", "5", "7 giờ", "17:00" },
    { "3", "5", "17:00", "07:30" },
    { "3", "5", "08:00", "25:00" },
  };

  /* Nothing stored: the defaults. */
  g_assert_true (docket_reminder_settings_load (&loaded, fixture->store, &error));
  g_assert_no_error (error);
  before = docket_reminder_settings_format_days_before (&loaded);
  escalations = docket_reminder_settings_format_escalations (&loaded);
  g_assert_cmpstr (before, ==, "3, 1, 0");
  g_assert_cmpstr (escalations, ==, "5, 30");
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&escalations, g_free);

  /* Typed loosely, read in order, duplicates dropped. */
  docket_reminder_settings_init_defaults (&settings);
  g_assert_true (docket_reminder_settings_parse_days_before (&settings, " 2; 5 2,", &error));
  g_assert_true (docket_reminder_settings_parse_escalations (&settings, "10 3", &error));
  g_assert_true (docket_reminder_settings_parse_hours (&settings, "7h", "16:30", &error));
  g_assert_no_error (error);
  before = docket_reminder_settings_format_days_before (&settings);
  escalations = docket_reminder_settings_format_escalations (&settings);
  start = docket_reminder_settings_format_time (settings.work_start_minutes);
  end = docket_reminder_settings_format_time (settings.work_end_minutes);
  g_assert_cmpstr (before, ==, "5, 2");
  g_assert_cmpstr (escalations, ==, "3, 10");
  g_assert_cmpstr (start, ==, "07:00");
  g_assert_cmpstr (end, ==, "16:30");

  /* Each bad input is a sentence and changes nothing. */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      DocketReminderSettings copy = settings;

      if (docket_reminder_settings_parse_days_before (&copy, refused[i].days, &error) &&
          docket_reminder_settings_parse_escalations (&copy, refused[i].escalations, &error) &&
          docket_reminder_settings_parse_hours (&copy, refused[i].start, refused[i].end, &error))
        g_error ("case %u was accepted", i);
      g_assert_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT);
      g_assert_cmpuint (strlen (error->message), >, 20);
      g_clear_error (&error);
    }
  g_assert_true (docket_reminder_settings_parse_days_before (&settings, "5, 2", &error));

  /* Stored for everyone who uses the file, read back by another connection. */
  g_assert_true (docket_reminder_settings_save (&settings, fixture->store, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DocketStore) other = docket_store_open (fixture->path, &error);

    g_assert_no_error (error);
    g_assert_true (docket_reminder_settings_load (&loaded, other, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (loaded.n_days_before, ==, 2);
  g_assert_cmpuint (loaded.days_before[0], ==, 5);
  g_assert_cmpuint (loaded.days_before[1], ==, 2);
  g_assert_cmpuint (loaded.n_escalations, ==, 2);
  g_assert_cmpuint (loaded.escalations[0], ==, 3);
  g_assert_cmpuint (loaded.escalations[1], ==, 10);
  g_assert_cmpuint (loaded.work_start_minutes, ==, 7 * 60);
  g_assert_cmpuint (loaded.work_end_minutes, ==, 16 * 60 + 30);

  /* The policy follows them: 5 working days before Wednesday 11/03 is 04/03, at
   * 07:00; nothing at 3 days; the secretariat hears at 3 working days overdue. */
  policy = docket_reminder_policy_new (&loaded, calendar, tz);
  assert_due (policy, item, at (2026, 3, 4, 6, 59), "");
  assert_due (policy, item, at (2026, 3, 4, 7, 0), "before-5:4/3:5:unit");
  assert_due (policy, item, at (2026, 3, 6, 9, 0), "before-5:4/3:3:unit");
  assert_due (policy, item, at (2026, 3, 9, 9, 0), "before-2:9/3:2:unit");
  assert_due (policy, item, at (2026, 3, 16, 9, 0),
              "overdue:16/3:3:unit escalation-3:16/3:3:secretariat");

  /* A value this Docket cannot read keeps its default rather than stopping reminders. */
  g_assert_true (docket_store_set_setting (fixture->store, "reminders.days-before", "soon",
                                           &error));
  g_test_expect_message ("docket-reminders", G_LOG_LEVEL_WARNING, "*ignored*");
  g_assert_true (docket_reminder_settings_load (&loaded, fixture->store, &error));
  g_test_assert_expected_messages ();
  g_assert_cmpuint (loaded.n_days_before, ==, 3);
  g_assert_cmpuint (loaded.n_escalations, ==, 2);
  g_assert_cmpuint (loaded.escalations[0], ==, 3);
}

static gboolean
any_sent (gpointer data)
{
  return ((GPtrArray *) data)->len > 0;
}

static gboolean
one_pending (gpointer store)
{
  g_autoptr(GPtrArray) pending = docket_store_list_reminders (store, DOCKET_REMINDER_LIST_PENDING,
                                                              0, NULL);

  return pending != NULL && pending->len == 1;
}

/* In the application, the pass reads and claims in a worker: start () returns at
 * once, the notification is sent from the main loop, as the synchronous run sends
 * it, and only once; a service stopped during its pass shows nothing, and what the
 * pass claimed waits in the in-app list. */
static void
test_in_thread (Fixture       *fixture,
                gconstpointer  data)
{
  GPtrArray *sent = docket_fake_notifier_get_sent (fixture->notifier);
  g_autoptr(DocketFakeNotifier) other_notifier = docket_fake_notifier_new (DOCKET_CLOCK (fixture->clock));
  g_autoptr(DocketReminderService) other = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GError) error = NULL;

  add_item (fixture, 1, D (2026, 3, 11), "Rà soát thủ tục hành chính");
  /* Friday 06/03, 9:00: due in 3 working days. */
  docket_fake_clock_set (fixture->clock, at (2026, 3, 6, 9, 0));
  docket_reminder_service_set_run_in_thread (fixture->service, TRUE);
  docket_reminder_service_start (fixture->service);
  g_assert_cmpuint (sent->len, ==, 0);
  g_assert_true (docket_test_wait_until (any_sent, sent, 10000));
  g_assert_cmpuint (sent->len, ==, 1);
  g_assert_cmpstr (((DocketFakeNotification *) g_ptr_array_index (sent, 0))->title, ==,
                   "Phòng Tư pháp: Due in 3 working days");
  docket_reminder_service_replan (fixture->service);
  docket_test_iterate (300);
  g_assert_cmpuint (sent->len, ==, 1);
  docket_reminder_service_stop (fixture->service);

  /* Another item, another service stopped as soon as it started. */
  add_item (fixture, 2, D (2026, 3, 11), "Tuyên truyền cải cách hành chính");
  other = new_service (fixture, fixture->store, other_notifier);
  docket_reminder_service_set_run_in_thread (other, TRUE);
  docket_reminder_service_start (other);
  docket_reminder_service_stop (other);
  g_assert_true (docket_test_wait_until (one_pending, fixture->store, 10000));
  docket_test_iterate (300);
  g_assert_cmpuint (docket_fake_notifier_get_sent (other_notifier)->len, ==, 0);
  pending = docket_store_list_reminders (fixture->store, DOCKET_REMINDER_LIST_PENDING, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpstr (((DocketReminderEntry *) g_ptr_array_index (pending, 0))->candidate->unit_name, ==,
                   "Văn phòng HĐND và UBND");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docket/reminders/policy/steps", test_policy_steps);
  g_test_add_func ("/docket/reminders/policy/working-hours", test_policy_working_hours);
  g_test_add_func ("/docket/reminders/policy/states", test_policy_states);
  g_test_add_func ("/docket/reminders/policy/lookahead", test_policy_lookahead);
#define ADD(path, func) \
  g_test_add ("/docket/reminders/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("service/texts", test_texts);
  ADD ("service/escalation-actions", test_escalation_actions);
  ADD ("service/summary", test_summary);
  ADD ("service/catch-up", test_catch_up);
  ADD ("service/snooze-restart", test_snooze_restart);
  ADD ("service/no-server", test_no_server);
  ADD ("service/my-units", test_my_units);
  ADD ("service/two-senders", test_two_senders);
  ADD ("service/idle-wakeups", test_idle_wakeups);
  ADD ("service/simulated-year", test_simulated_year);
  ADD ("settings", test_settings);
  ADD ("service/clock-jump", test_clock_jump);
  ADD ("service/in-thread", test_in_thread);
#undef ADD

  return g_test_run ();
}
