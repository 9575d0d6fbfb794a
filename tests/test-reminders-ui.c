/* test-reminders-ui.c: reminders no notification showed, listed in the window
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "docket-fake-clock.h"
#include "docket-fake-notifier.h"
#include "docket-reminder-service.h"
#include "docket-reminders-popover.h"
#include "docket-store-calendar.h"
#include "docket-store-reminders.h"
#include "docket-store-sample.h"
#include "docket-test-support.h"
#include "docket-test-ui.h"

/* 15/10/2026 08:00 in Hà Nội (UTC+7): a working morning of the sample. */
#define SAMPLE_MORNING ((gint64) 1792026000)

static void
test_reminders_listed_without_a_server (void)
{
  g_autofree char *dir = docket_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "docket.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = docket_store_open (path, &error);
  g_autoptr(DocketCalendar) calendar = NULL;
  g_autoptr(DocketReminderPolicy) policy = NULL;
  g_autoptr(DocketFakeClock) clock = docket_fake_clock_new (SAMPLE_MORNING);
  g_autoptr(DocketFakeNotifier) notifier = docket_fake_notifier_new (DOCKET_CLOCK (clock));
  g_autoptr(DocketReminderService) service = NULL;
  g_autoptr(GTimeZone) hanoi = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *window = adw_window_new ();
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = docket_reminders_popover_new ();
  DocketReminderSettings settings;
  guint claimed = 0, notified = 0, shown;

  g_assert_no_error (error);
  g_assert_true (docket_store_load_sample (store, &error));
  calendar = docket_store_load_calendar (store, &error);
  g_assert_no_error (error);
  docket_reminder_settings_init_defaults (&settings);
  policy = docket_reminder_policy_new (&settings, calendar, hanoi);
  /* No notification server on this desktop: reminders are logged for the list. */
  docket_fake_notifier_set_server (notifier, FALSE);
  service = docket_reminder_service_new (store, policy, DOCKET_CLOCK (clock), DOCKET_NOTIFIER (notifier));
  g_assert_true (docket_reminder_service_run_due (service, SAMPLE_MORNING, &claimed, &notified, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (claimed, >, 0);
  g_assert_cmpuint (notified, ==, 0);

  pending = docket_store_list_reminders (store, DOCKET_REMINDER_LIST_PENDING, 50, &error);
  g_assert_no_error (error);

  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  adw_window_set_content (ADW_WINDOW (window), button);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 500);
  gtk_window_present (GTK_WINDOW (window));
  docket_test_ui_wait_drawn (window);
  docket_reminders_popover_set_service (DOCKET_REMINDERS_POPOVER (popover), store, service);
  shown = docket_reminders_popover_refresh (DOCKET_REMINDERS_POPOVER (popover));
  g_assert_cmpuint (shown, ==, pending->len);
  g_assert_cmpuint (shown, >, 0);

  /* Each row is worded like the notification would be. */
  rows = docket_test_ui_find_all (popover, ADW_TYPE_ACTION_ROW);
  g_assert_cmpuint (rows->len, ==, shown);
  {
    DocketReminderEntry *first = g_ptr_array_index (pending, 0);
    g_autoptr(DocketDueReminder) due = docket_reminder_service_dup_due_for_entry (service, first);
    g_autofree char *title = docket_due_reminder_dup_title (due);

    g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, title);
  }

  /* Dismissing one takes it off the list and out of the log's pending ones. */
  {
    DocketReminderEntry *first = g_ptr_array_index (pending, 0);
    g_autoptr(GPtrArray) after = NULL;

    gtk_widget_activate_action (popover, "reminders.dismiss", "x", first->log_id);
    after = docket_store_list_reminders (store, DOCKET_REMINDER_LIST_PENDING, 50, NULL);
    g_assert_cmpuint (after->len, ==, pending->len - 1);
    g_assert_cmpuint (docket_reminders_popover_refresh (DOCKET_REMINDERS_POPOVER (popover)), ==, shown - 1);
  }

  /* Snoozing moves one to the snoozed list until tomorrow morning. */
  {
    DocketReminderEntry *second = g_ptr_array_index (pending, 1);
    g_autoptr(GPtrArray) snoozed = NULL;

    gtk_widget_activate_action (popover, "reminders.snooze", "x", second->log_id);
    snoozed = docket_store_list_reminders (store, DOCKET_REMINDER_LIST_SNOOZED, 50, NULL);
    g_assert_cmpuint (snoozed->len, ==, 1);
    g_assert_cmpint (((DocketReminderEntry *) g_ptr_array_index (snoozed, 0))->snoozed_until, >, SAMPLE_MORNING);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  docket_store_close (store);
  docket_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  if (!docket_test_ui_init (&argc, &argv))
    {
      g_test_skip ("No display");
      return g_test_run ();
    }
  adw_init ();
  g_test_add_func ("/docket/reminders-ui/listed-without-a-server", test_reminders_listed_without_a_server);
  return g_test_run ();
}
