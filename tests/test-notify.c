/* test-notify.c: reminders end to end through D-Bus, against a mock notification server
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each run has its own session bus (GTestDBus) with python3-dbusmock's
 * notification_daemon template on it.  DOCKET_TEST_NOTIFY_SERVER chooses the server:
 * "actions" (shows buttons), "plain" (no "actions" capability) or "none" (nothing
 * owns org.freedesktop.Notifications).  Under LANGUAGE=vi the texts must arrive
 * translated.
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>
#include <libnotify/notify.h>

#include "docket-fake-clock.h"
#include "docket-libnotify-notifier.h"
#include "docket-reminder-service.h"
#include "docket-store-items.h"
#include "docket-store-meetings.h"
#include "docket-store-units.h"
#include "docket-test-support.h"

#define D(y, m, d) docket_date_new (y, m, d)
#define NOTIFY_NAME "org.freedesktop.Notifications"
#define NOTIFY_PATH "/org/freedesktop/Notifications"
#define MOCK_IFACE "org.freedesktop.DBus.Mock"

typedef struct
{
  GTestDBus             *bus;
  GSubprocess           *server;
  GDBusConnection       *connection;
  char                  *dir;
  DocketStore           *store;
  DocketId               item;
  DocketFakeClock       *clock;
  DocketNotifier        *notifier;
  DocketReminderService *service;
} Fixture;

static const char *
server_kind (void)
{
  const char *kind = g_getenv ("DOCKET_TEST_NOTIFY_SERVER");

  return kind != NULL ? kind : "actions";
}

static gint64
at (int y, int m, int d, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr(GDateTime) dt = g_date_time_new (tz, y, m, d, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static gboolean
server_answers (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_sync (fixture->connection, NOTIFY_NAME, NOTIFY_PATH,
                                       NOTIFY_NAME, "GetServerInformation", NULL, NULL,
                                       G_DBUS_CALL_FLAGS_NO_AUTO_START, 500, NULL, NULL);
  return reply != NULL;
}

static void
start_server (Fixture    *fixture,
              const char *caps)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parameters = g_strdup_printf ("{\"capabilities\": \"%s\"}", caps);

  fixture->server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                                      "/usr/bin/python3", "-m", "dbusmock", "--template",
                                      "notification_daemon", "-p", parameters, NULL);
  g_assert_no_error (error);
  g_assert_true (docket_test_wait_until (server_answers, fixture, 20000));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketUnit) unit = docket_unit_new ();
  g_autoptr(DocketMeeting) meeting = docket_meeting_new ();
  g_autoptr(DocketItem) item = docket_item_new ();
  g_autoptr(DocketReminderPolicy) policy = NULL;
  g_autoptr(DocketCalendar) calendar = docket_calendar_new ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autofree char *path = NULL;
  DocketReminderSettings settings;

  fixture->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (fixture->bus);
  fixture->connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  if (g_str_equal (server_kind (), "actions"))
    start_server (fixture, "body actions");
  else if (g_str_equal (server_kind (), "plain"))
    start_server (fixture, "body");

  fixture->dir = docket_test_tmpdir_new ();
  path = g_build_filename (fixture->dir, "docket.db", NULL);
  fixture->store = docket_store_open (path, &error);
  g_assert_no_error (error);
  unit->name = g_strdup ("Phòng Nội vụ");
  unit->email = g_strdup ("noivu@example.gov.vn");
  item->lead_unit_id = docket_store_add_unit (fixture->store, unit, &error);
  g_assert_no_error (error);
  meeting->title = g_strdup ("Hội nghị sơ kết cải cách hành chính");
  meeting->date = D (2026, 1, 5);
  item->meeting_id = docket_store_add_meeting (fixture->store, meeting, &error);
  g_assert_no_error (error);
  item->content = g_strdup ("Rà soát thủ tục hành chính");
  item->deadline = D (2026, 3, 11);
  fixture->item = docket_store_add_item (fixture->store, item, &error);
  g_assert_no_error (error);

  docket_reminder_settings_init_defaults (&settings);
  policy = docket_reminder_policy_new (&settings, calendar, tz);
  /* Tuesday 17/03/2026: four working days overdue. */
  fixture->clock = docket_fake_clock_new (at (2026, 3, 17, 8, 0));
  fixture->notifier = docket_libnotify_notifier_new ("Docket");
  fixture->service = docket_reminder_service_new (fixture->store, policy,
                                                  DOCKET_CLOCK (fixture->clock),
                                                  fixture->notifier);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->service);
  g_clear_object (&fixture->notifier);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->store);
  docket_test_tmpdir_free (fixture->dir);
  /* libnotify keeps a proxy on the bus connection; the bus cannot go down while a
   * connection to it is alive. */
  notify_uninit ();
  if (fixture->server != NULL)
    {
      g_subprocess_force_exit (fixture->server);
      g_subprocess_wait (fixture->server, NULL, NULL);
      g_clear_object (&fixture->server);
    }
  g_clear_object (&fixture->connection);
  g_test_dbus_down (fixture->bus);
  g_clear_object (&fixture->bus);
}

/* The arguments of every Notify call the mock received. */
static GPtrArray *
notify_calls (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) calls = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  GVariantIter iter;
  const char *method;
  GVariant *args;

  reply = g_dbus_connection_call_sync (fixture->connection, NOTIFY_NAME, NOTIFY_PATH,
                                       MOCK_IFACE, "GetCalls", NULL, G_VARIANT_TYPE ("(a(tsav))"),
                                       G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  g_assert_no_error (error);
  calls = g_variant_get_child_value (reply, 0);
  g_variant_iter_init (&iter, calls);
  while (g_variant_iter_next (&iter, "(t&s@av)", NULL, &method, &args))
    {
      if (g_str_equal (method, "Notify"))
        g_ptr_array_add (result, args);
      else
        g_variant_unref (args);
    }
  return result;
}

static char *
arg_string (GVariant *args,
            guint     index)
{
  g_autoptr(GVariant) boxed = g_variant_get_child_value (args, index);
  g_autoptr(GVariant) value = g_variant_get_variant (boxed);

  return g_variant_dup_string (value, NULL);
}

static GStrv
arg_strv (GVariant *args,
          guint     index)
{
  g_autoptr(GVariant) boxed = g_variant_get_child_value (args, index);
  g_autoptr(GVariant) value = g_variant_get_variant (boxed);

  return g_variant_dup_strv (value, NULL);
}

static guchar
arg_urgency (GVariant *args)
{
  g_autoptr(GVariant) boxed = g_variant_get_child_value (args, 6);
  g_autoptr(GVariant) hints = g_variant_get_variant (boxed);
  g_autoptr(GVariant) urgency = g_variant_lookup_value (hints, "urgency", G_VARIANT_TYPE_BYTE);

  g_assert_nonnull (urgency);
  return g_variant_get_byte (urgency);
}

static void
emit_action (Fixture    *fixture,
             guint32     id,
             const char *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  GVariant *args[] = { g_variant_new_variant (g_variant_new_uint32 (id)),
                       g_variant_new_variant (g_variant_new_string (action)) };

  reply = g_dbus_connection_call_sync (fixture->connection, NOTIFY_NAME, NOTIFY_PATH,
                                       MOCK_IFACE, "EmitSignal",
                                       g_variant_new ("(sss@av)", NOTIFY_NAME, "ActionInvoked",
                                                      "us", g_variant_new_array (G_VARIANT_TYPE_VARIANT, args, 2)),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  g_assert_no_error (error);
}

static void
on_open_item_cb (DocketReminderService *service,
                 gint64                 item_id,
                 gpointer               user_data)
{
  *(gint64 *) user_data = item_id;
}

static gboolean
is_set (gpointer data)
{
  return *(gint64 *) data != 0;
}

static gboolean
has_snoozed (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) snoozed = docket_store_list_reminders (fixture->store,
                                                              DOCKET_REMINDER_LIST_SNOOZED,
                                                              0, NULL);

  return snoozed != NULL && snoozed->len == 1;
}

/* The texts expected in the running language: the catalogue's, which under vi
 * must differ from the English source. */
static char *
expected_title (void)
{
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %d working day",
                                                         "Overdue by %d working days", 4),
                                            4);

  return g_strdup_printf (_("%s: %s"), "Phòng Nội vụ", label);
}

static gboolean
translation_missing (void)
{
  const char *lang = g_getenv ("LANGUAGE");

  if (lang == NULL || !g_str_has_prefix (lang, "vi"))
    return FALSE;
  return g_str_equal (_("Due today"), "Due today");
}

static void
test_notification (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  g_autofree char *title = expected_title ();
  g_auto(GStrv) actions = NULL;
  gboolean with_actions = g_str_equal (server_kind (), "actions");
  guint claimed = 0, notified = 0;
  gint64 opened = 0;

  g_signal_connect (fixture->service, "open-item", G_CALLBACK (on_open_item_cb), &opened);
  g_assert_true (docket_reminder_service_run_due (fixture->service,
                                                  docket_clock_now (DOCKET_CLOCK (fixture->clock)),
                                                  &claimed, &notified, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (claimed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);

  calls = notify_calls (fixture);
  g_assert_cmpuint (calls->len, ==, 1);
  summary = arg_string (g_ptr_array_index (calls, 0), 3);
  body = arg_string (g_ptr_array_index (calls, 0), 4);
  actions = arg_strv (g_ptr_array_index (calls, 0), 5);

  g_assert_cmpstr (summary, ==, title);
  g_assert_true (g_str_has_prefix (body, "Rà soát thủ tục hành chính\n"));
  g_assert_nonnull (strstr (body, "11/03/2026"));
  g_assert_nonnull (strstr (body, "Hội nghị sơ kết cải cách hành chính"));
  g_assert_cmpuint (arg_urgency (g_ptr_array_index (calls, 0)), ==, 2);
  if (translation_missing ())
    {
      g_test_incomplete ("po/vi.po does not translate the reminder texts yet");
      return;
    }
  if (g_strcmp0 (g_getenv ("LANGUAGE"), "vi") == 0)
    g_assert_null (strstr (summary, "Overdue"));

  if (with_actions)
    {
      g_assert_true (g_strv_contains ((const char * const *) actions, "open"));
      g_assert_true (g_strv_contains ((const char * const *) actions, "snooze"));
      g_assert_true (g_strv_contains ((const char * const *) actions, "default"));
      g_assert_true (g_strv_contains ((const char * const *) actions, _("Snooze")));

      /* Open raises Docket on the item; Snooze puts it off until tomorrow. */
      emit_action (fixture, 1, "open");
      g_assert_true (docket_test_wait_until (is_set, &opened, 5000));
      g_assert_cmpint (opened, ==, fixture->item);
      emit_action (fixture, 1, "snooze");
      g_assert_true (docket_test_wait_until (has_snoozed, fixture, 5000));
    }
  else
    {
      /* Without buttons, a click on the notification opens the item. */
      g_assert_false (g_strv_contains ((const char * const *) actions, "snooze"));
      g_assert_true (g_strv_contains ((const char * const *) actions, "default"));
      emit_action (fixture, 1, "default");
      g_assert_true (docket_test_wait_until (is_set, &opened, 5000));
      g_assert_cmpint (opened, ==, fixture->item);
    }
}

static void
test_no_server (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  guint claimed = 0, notified = 0;
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpint (docket_notifier_get_capabilities (fixture->notifier), ==,
                   DOCKET_NOTIFIER_CAP_NONE);
  g_assert_true (docket_reminder_service_run_due (fixture->service,
                                                  docket_clock_now (DOCKET_CLOCK (fixture->clock)),
                                                  &claimed, &notified, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (claimed, ==, 1);
  g_assert_cmpuint (notified, ==, 0);
  /* It neither blocked nor lost the reminder: it waits in the in-app list. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  pending = docket_store_list_reminders (fixture->store, DOCKET_REMINDER_LIST_PENDING, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("DOCKET_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  if (g_str_equal (server_kind (), "none"))
    g_test_add ("/docket/notify/no-server", Fixture, NULL, fixture_set_up, test_no_server,
                fixture_tear_down);
  else
    g_test_add ("/docket/notify/notification", Fixture, NULL, fixture_set_up, test_notification,
                fixture_tear_down);

  return g_test_run ();
}
