/* test-background.c: "Keep reminding when the window is closed"
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Outside a sandbox the preference writes and removes Docket's XDG autostart
 * entry; inside Flatpak (simulated with DOCKET_BACKGROUND_PORTAL=1) it asks the
 * Background portal, played by python3-dbusmock with tests/background-portal.py on
 * the test's session bus, and a refusal turns the preference back off.
 */

#include "config.h"

#include <adwaita.h>
#include <signal.h>
#include <sys/prctl.h>

#include "docket-application.h"
#include "docket-test-support.h"
#include "docket-test-ui.h"

#define PORTAL_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"
#define TEST_IFACE  "io.github.ketluan.Docket.Test"

static DocketApplication *app;
static GSubprocess *portal;
static GDBusConnection *bus;

static char *
autostart_file (void)
{
  /* The test environment's XDG_CONFIG_HOME, in the build folder. */
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
file_gone (gpointer path)
{
  return !g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_autostart_entry (void)
{
  GSettings *settings = docket_application_get_settings (app);
  g_autofree char *path = autostart_file ();
  g_autofree char *text = NULL;

  g_unsetenv ("DOCKET_BACKGROUND_PORTAL");
  g_settings_set_boolean (settings, "run-in-background", TRUE);
  g_assert_true (docket_test_wait_until (file_exists, path, 3000));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\nExec=docket --background\n"));
  g_assert_nonnull (strstr (text, "\nType=Application\n"));

  g_settings_set_boolean (settings, "run-in-background", FALSE);
  g_assert_true (docket_test_wait_until (file_gone, path, 3000));
}

static gboolean
portal_answers (gpointer data)
{
  g_autoptr(GVariant) reply =
    g_dbus_connection_call_sync (bus, PORTAL_NAME, PORTAL_PATH, TEST_IFACE, "GetRequests",
                                 NULL, NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, 500, NULL, NULL);
  return reply != NULL;
}

static GVariant *
portal_requests (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply =
    g_dbus_connection_call_sync (bus, PORTAL_NAME, PORTAL_PATH, TEST_IFACE, "GetRequests",
                                 NULL, G_VARIANT_TYPE ("(aa{sv})"), G_DBUS_CALL_FLAGS_NONE,
                                 3000, NULL, &error);

  g_assert_no_error (error);
  return g_variant_get_child_value (reply, 0);
}

static void
portal_set_allowed (gboolean allowed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply =
    g_dbus_connection_call_sync (bus, PORTAL_NAME, PORTAL_PATH, TEST_IFACE, "SetAllowed",
                                 g_variant_new ("(b)", allowed), NULL, G_DBUS_CALL_FLAGS_NONE,
                                 3000, NULL, &error);

  g_assert_no_error (error);
}

static gboolean
has_requests (gpointer n)
{
  g_autoptr(GVariant) requests = portal_requests ();

  return g_variant_n_children (requests) >= GPOINTER_TO_UINT (n);
}

static gboolean
preference_off (gpointer settings)
{
  return !g_settings_get_boolean (settings, "run-in-background");
}

static void
test_portal (void)
{
  GSettings *settings = docket_application_get_settings (app);
  g_autofree char *path = autostart_file ();
  g_autoptr(GVariant) requests = NULL;
  g_autoptr(GVariant) first = NULL;
  g_autoptr(GVariant) second = NULL;
  g_autofree const char **commandline = NULL;
  const char *reason = NULL;
  gboolean autostart = FALSE;

  g_setenv ("DOCKET_BACKGROUND_PORTAL", "1", TRUE);

  /* Allowed: Docket asks for autostart with its background command line, and
   * writes no entry of its own (a sandbox could not). */
  g_settings_set_boolean (settings, "run-in-background", TRUE);
  g_assert_true (docket_test_wait_until (has_requests, GUINT_TO_POINTER (1), 5000));
  docket_test_iterate (200);
  requests = portal_requests ();
  first = g_variant_get_child_value (requests, 0);
  g_assert_true (g_variant_lookup (first, "autostart", "b", &autostart));
  g_assert_true (autostart);
  g_assert_true (g_variant_lookup (first, "commandline", "^a&s", &commandline));
  g_assert_cmpstr (commandline[0], ==, "docket");
  g_assert_cmpstr (commandline[1], ==, "--background");
  g_assert_null (commandline[2]);
  g_assert_true (g_variant_lookup (first, "reason", "&s", &reason));
  g_assert_cmpuint (strlen (reason), >, 20);
  g_assert_true (g_settings_get_boolean (settings, "run-in-background"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Turned off: Docket tells the portal it no longer wants to start at login. */
  g_settings_set_boolean (settings, "run-in-background", FALSE);
  g_assert_true (docket_test_wait_until (has_requests, GUINT_TO_POINTER (2), 5000));
  g_clear_pointer (&requests, g_variant_unref);
  requests = portal_requests ();
  second = g_variant_get_child_value (requests, 1);
  g_assert_true (g_variant_lookup (second, "autostart", "b", &autostart));
  g_assert_false (autostart);

  /* Refused by the person or the desktop: the preference turns itself off. */
  portal_set_allowed (FALSE);
  g_settings_set_boolean (settings, "run-in-background", TRUE);
  g_assert_true (docket_test_wait_until (has_requests, GUINT_TO_POINTER (3), 5000));
  g_assert_true (docket_test_wait_until (preference_off, settings, 5000));
  portal_set_allowed (TRUE);
  g_unsetenv ("DOCKET_BACKGROUND_PORTAL");
}

static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *database = NULL;
  g_autofree char *template = NULL;
  int ret;

  docket_application_setup_i18n ();
  if (!docket_test_ui_init (&argc, &argv))
    {
      g_test_skip ("No display");
      return g_test_run ();
    }
  adw_init ();
  tmpdir = docket_test_tmpdir_new ();
  database = g_build_filename (tmpdir, "docket.db", NULL);
  g_setenv ("DOCKET_DATABASE", database, TRUE);
  g_setenv ("DOCKET_NO_REMINDERS", "1", TRUE);

  /* The portal's stand-in, on the session bus the test runs on. */
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  template = g_test_build_filename (G_TEST_DIST, "background-portal.py", NULL);
  {
    g_autoptr(GSubprocessLauncher) launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);

    /* Gone with the test, even when an assertion aborts it. */
    g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
    portal = g_subprocess_launcher_spawn (launcher, &error, "/usr/bin/python3", "-m", "dbusmock",
                                          "--template", template, NULL);
    g_assert_no_error (error);
  }
  g_assert_true (docket_test_wait_until (portal_answers, NULL, 20000));

  app = g_object_new (DOCKET_TYPE_APPLICATION,
                      "application-id", APP_ID,
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", RESOURCE_PREFIX,
                      NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/docket/background/autostart-entry", test_autostart_entry);
  g_test_add_func ("/docket/background/portal", test_portal);

  ret = g_test_run ();
  g_clear_object (&app);
  g_subprocess_force_exit (portal);
  g_subprocess_wait (portal, NULL, NULL);
  g_clear_object (&portal);
  g_clear_object (&bus);
  docket_test_tmpdir_free (g_steal_pointer (&tmpdir));
  return ret;
}
