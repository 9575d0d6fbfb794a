/* docket-application.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "docket-application.h"
#include "docket-background.h"
#include "docket-libnotify-notifier.h"
#include "docket-preferences-window.h"
#include "docket-reminder-service.h"
#include "docket-reminder-settings.h"
#include "docket-store-backup.h"
#include "docket-store-cache.h"
#include "docket-store-calendar.h"
#include "docket-store.h"
#include "docket-window.h"

/* The page cache of the window's connection, in KiB: it runs short, indexed queries
 * and single writes, whose pages the operating system's file cache serves again
 * (8 MB of it stayed filled over a million items, a sixth of the memory the items
 * area is allowed over an empty file). */
#define UI_CACHE_KIB 1024

struct _DocketApplication
{
  AdwApplication parent_instance;

  GSettings   *settings;
  char        *database_path;
  DocketStore *store;
  GError      *store_error;
  DocketReminderService *reminders;
  GDBusConnection       *system_bus;
  guint                  sleep_watch;
  guint                  backup_timer;
  gboolean               backup_running;
  gboolean     held_for_background;
  gboolean     start_in_background;
};

G_DEFINE_FINAL_TYPE (DocketApplication, docket_application, ADW_TYPE_APPLICATION)

static void apply_my_units   (DocketApplication *self);
static void apply_background (DocketApplication *self);
static void watch_resume     (DocketApplication *self);

static void
apply_color_scheme (DocketApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  AdwColorScheme value = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (scheme, "light") == 0)
    value = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (scheme, "dark") == 0)
    value = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (style_manager, value);
}

/* Every change is recorded with the name chosen in Preferences, or the account's. */
static void
apply_actor (DocketApplication *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "user-name");
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  if (self->store != NULL)
    docket_store_set_actor (self->store, *stripped ? stripped : g_get_real_name ());
}

static void
on_color_scheme_changed_cb (DocketApplication *self)
{
  apply_color_scheme (self);
}

static void
docket_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  DocketApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close the windows first so each one stores its size and pending edits. */
  while (windows != NULL)
    {
      GList *next = windows->next;
      gtk_window_close (GTK_WINDOW (windows->data));
      windows = next;
    }
  g_application_quit (G_APPLICATION (self));
}

static void
docket_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  DocketApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Docket authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Docket"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Docket authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Record review meetings, turn the chair’s conclusions "
                                      "into tracked directive items, and see who owes what "
                                      "by when."),
                        "website", "https://github.com/ketluan/docket",
                        "issue-url", "https://github.com/ketluan/docket/issues",
                        "copyright", "© 2026 The Docket authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
docket_application_preferences_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  DocketApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  DocketPreferencesWindow *prefs = docket_preferences_window_new (self->settings, self->store);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static const GActionEntry app_actions[] = {
  { "quit", docket_application_quit_action },
  { "about", docket_application_about_action },
  { "preferences", docket_application_preferences_action },
};

static gint
docket_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  DocketApplication *self = DOCKET_APPLICATION (app);
  const char *database = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("docket %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "database", "^&ay", &database))
    {
      g_free (self->database_path);
      self->database_path = g_canonicalize_filename (database, NULL);
    }
  self->start_in_background = g_variant_dict_contains (options, "background");

  return -1;
}

static void
docket_application_startup (GApplication *app)
{
  DocketApplication *self = DOCKET_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *area_accels[][2] = {
    { "<Alt>1", NULL }, { "<Alt>2", NULL }, { "<Alt>3", NULL }, { "<Alt>4", NULL },
  };
  static const char *areas[] = { "dashboard", "meetings", "items", "units" };

  G_APPLICATION_CLASS (docket_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.show-area('%s')", areas[i]);
      gtk_application_set_accels_for_action (GTK_APPLICATION (self), detailed, area_accels[i]);
    }

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (on_color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::user-name",
                           G_CALLBACK (apply_actor), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::my-units",
                           G_CALLBACK (apply_my_units), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::run-in-background",
                           G_CALLBACK (apply_background), self, G_CONNECT_SWAPPED);
  apply_background (self);
  apply_color_scheme (self);
}

static DocketWindow *
present_window (DocketApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (docket_window_new (self));
  gtk_window_present (window);
  return DOCKET_WINDOW (window);
}

static void
on_reminder_open_item_cb (DocketApplication *self,
                          gint64             item_id)
{
  DocketWindow *window = present_window (self);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-item", "x", item_id);
}

static void
on_reminder_open_reminders_cb (DocketApplication *self,
                               gint64             unit_id)
{
  DocketWindow *window = present_window (self);

  if (unit_id != 0)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-unit-items", "x", unit_id);
  else
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-area", "s", "items");
}

static void
on_reminder_compose_mail_cb (DocketApplication *self,
                             const char        *uri)
{
  gtk_show_uri (gtk_application_get_active_window (GTK_APPLICATION (self)), uri, GDK_CURRENT_TIME);
}

static void
apply_my_units (DocketApplication *self)
{
  g_autoptr(GVariant) value = g_settings_get_value (self->settings, "my-units");
  gsize n = 0;
  const gint64 *ids = g_variant_get_fixed_array (value, &n, sizeof (gint64));

  if (self->reminders != NULL)
    docket_reminder_service_set_my_units (self->reminders, ids, n);
}

/* The policy follows the shared settings and the holiday calendar: Preferences (here
 * or on another computer) or `docketctl` may change either. */
static DocketReminderPolicy *
load_reminder_policy (DocketStore  *store,
                      GError      **error)
{
  g_autoptr(DocketCalendar) calendar = NULL;
  DocketReminderSettings settings;

  if ((calendar = docket_store_load_calendar (store, error)) == NULL ||
      !docket_reminder_settings_load (&settings, store, error))
    return NULL;
  return docket_reminder_policy_new (&settings, calendar, NULL);
}

static void
on_policy_changed_cb (DocketApplication *self)
{
  g_autoptr(DocketReminderPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;

  if (self->reminders == NULL)
    return;
  if ((policy = load_reminder_policy (self->store, &error)) == NULL)
    {
      g_warning ("The reminder settings could not be read; the previous ones stay: %s",
                 error->message);
      return;
    }
  docket_reminder_service_set_policy (self->reminders, policy);
}

/* Reminders run in the application for as long as it runs: with its window, or in
 * the background when the preference keeps it running.  The service sleeps until
 * the next due reminder and re-plans itself when the records change. */
static void
start_reminders (DocketApplication *self)
{
  g_autoptr(DocketReminderPolicy) policy = NULL;
  g_autoptr(DocketNotifier) notifier = NULL;
  g_autoptr(DocketClock) clock = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->reminders != NULL || g_getenv ("DOCKET_NO_REMINDERS") != NULL)
    return;
  if ((policy = load_reminder_policy (self->store, &error)) == NULL)
    {
      g_warning ("Reminders are off: %s", error->message);
      return;
    }
  notifier = docket_libnotify_notifier_new (_("Docket"));
  clock = docket_system_clock_new ();
  self->reminders = docket_reminder_service_new (self->store, policy, clock, notifier);
  g_signal_connect_object (self->reminders, "open-item", G_CALLBACK (on_reminder_open_item_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reminders, "open-reminders",
                           G_CALLBACK (on_reminder_open_reminders_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reminders, "compose-mail", G_CALLBACK (on_reminder_compose_mail_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed::settings", G_CALLBACK (on_policy_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed::holidays", G_CALLBACK (on_policy_changed_cb),
                           self, G_CONNECT_SWAPPED);
  apply_my_units (self);
  /* The window does not wait for the pass over the late items. */
  docket_reminder_service_set_run_in_thread (self->reminders, TRUE);
  docket_reminder_service_start (self->reminders);
  watch_resume (self);
}

/* After a suspend the reminders that fell due meanwhile are sent at once (catch-up),
 * and the next wake-up is planned again from the new time: logind says when the
 * computer resumes.  Without a system bus (tests, some containers) the service's own
 * minute-bounded timer still catches up. */
static void
on_prepare_for_sleep_cb (GDBusConnection *connection,
                         const char      *sender,
                         const char      *path,
                         const char      *interface,
                         const char      *signal,
                         GVariant        *parameters,
                         gpointer         user_data)
{
  DocketApplication *self = user_data;
  gboolean going_to_sleep = TRUE;

  g_variant_get (parameters, "(b)", &going_to_sleep);
  if (!going_to_sleep && self->reminders != NULL)
    docket_reminder_service_replan (self->reminders);
}

static void
watch_resume (DocketApplication *self)
{
  self->system_bus = g_bus_get_sync (G_BUS_TYPE_SYSTEM, NULL, NULL);
  if (self->system_bus == NULL)
    return;
  self->sleep_watch =
    g_dbus_connection_signal_subscribe (self->system_bus, "org.freedesktop.login1",
                                        "org.freedesktop.login1.Manager", "PrepareForSleep",
                                        "/org/freedesktop/login1", NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, on_prepare_for_sleep_cb,
                                        self, NULL);
}

/* "Keep reminding when the window is closed": the application holds itself so it
 * keeps running without a window, and starts (without a window) at the next login:
 * Docket writes its XDG autostart entry itself, or inside Flatpak asks the
 * Background portal (docket-background.c). */
static void
on_background_denied_cb (gpointer user_data)
{
  DocketApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *content = ADW_IS_APPLICATION_WINDOW (window)
                       ? adw_application_window_get_content (ADW_APPLICATION_WINDOW (window))
                       : NULL;

  g_message ("The desktop does not allow Docket to run in the background");
  if (ADW_IS_TOAST_OVERLAY (content))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (content),
                                 adw_toast_new (_("Docket is not allowed to run in the "
                                                  "background. Allow it in the system "
                                                  "settings under Apps, then turn the "
                                                  "preference on again.")));
  /* Turning the preference off releases the hold (apply_background again). */
  g_settings_set_boolean (self->settings, "run-in-background", FALSE);
}

static void
apply_background (DocketApplication *self)
{
  gboolean wanted = g_settings_get_boolean (self->settings, "run-in-background");

  if (wanted && !self->held_for_background)
    {
      g_application_hold (G_APPLICATION (self));
      self->held_for_background = TRUE;
      docket_background_set_autostart (G_APPLICATION (self), TRUE, on_background_denied_cb,
                                       self);
    }
  else if (!wanted && self->held_for_background)
    {
      self->held_for_background = FALSE;
      docket_background_set_autostart (G_APPLICATION (self), FALSE, NULL, NULL);
      g_application_release (G_APPLICATION (self));
    }
}

/* The automatic daily backup (docket_store_maybe_backup ()): at start and then every
 * hour while Docket runs, in a worker with its own connection, since copying a large
 * file takes seconds (DESIGN.md, storage).  It does nothing when today's backup exists
 * or nothing changed since the last one. */
#define BACKUP_CHECK_SECONDS 3600

/* The page cache of the backup's connection, in KiB: the copy reads each page once,
 * and the default 64 MB cache filled up over a large file and stayed in the
 * application's memory while the copy ran (more than doubling it at the first start
 * of a day). */
#define BACKUP_CACHE_KIB 1024

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(DocketStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if ((store = docket_store_open_with_cache (path, BACKUP_CACHE_KIB, &error)) == NULL ||
      !docket_store_maybe_backup (store, g_get_real_time () / G_USEC_PER_SEC, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_backup_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  DocketApplication *self = DOCKET_APPLICATION (source);
  g_autoptr(GError) error = NULL;

  self->backup_running = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("The automatic backup failed: %s", error->message);
}

static void
run_backup (DocketApplication *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->store == NULL || self->backup_running || g_getenv ("DOCKET_NO_BACKUP") != NULL)
    return;
  self->backup_running = TRUE;
  task = g_task_new (self, NULL, on_backup_done_cb, NULL);
  g_task_set_task_data (task, g_strdup (docket_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, backup_thread);
}

static gboolean
on_backup_timer_cb (gpointer user_data)
{
  run_backup (DOCKET_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

/* The store is opened when the first window needs it, so that --database (parsed
 * after startup) is taken into account. */
static void
open_store (DocketApplication *self)
{
  if (self->store != NULL || self->store_error != NULL)
    return;
  self->store = docket_store_open (self->database_path, &self->store_error);
  if (self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* The window's connection runs short, indexed queries (DESIGN.md, storage);
       * the lists and reports read on workers' connections. */
      if (!docket_store_set_cache_size (self->store, UI_CACHE_KIB, &error))
        g_warning ("Could not bound the page cache: %s", error->message);
      apply_actor (self);
      start_reminders (self);
      run_backup (self);
      self->backup_timer = g_timeout_add_seconds (BACKUP_CHECK_SECONDS, on_backup_timer_cb, self);
    }
  else
    g_warning ("%s", self->store_error->message);
}

static void
docket_application_activate (GApplication *app)
{
  DocketApplication *self = DOCKET_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  open_store (self);
  /* Started at login for the reminders: no window until one is asked for. */
  if (self->start_in_background && window == NULL)
    {
      self->start_in_background = FALSE;
      return;
    }
  present_window (self);
}

static void
docket_application_finalize (GObject *object)
{
  DocketApplication *self = DOCKET_APPLICATION (object);

  g_clear_handle_id (&self->backup_timer, g_source_remove);
  if (self->sleep_watch != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_watch);
  self->sleep_watch = 0;
  g_clear_object (&self->system_bus);
  if (self->reminders != NULL)
    docket_reminder_service_stop (self->reminders);
  g_clear_object (&self->reminders);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);
  if (self->store != NULL)
    docket_store_close (self->store);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (docket_application_parent_class)->finalize (object);
}

static void
docket_application_class_init (DocketApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = docket_application_finalize;
  app_class->handle_local_options = docket_application_handle_local_options;
  app_class->startup = docket_application_startup;
  app_class->activate = docket_application_activate;
}

static void
docket_application_init (DocketApplication *self)
{
  const GOptionEntry options[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use the database file PATH"),
      N_("PATH") },
    { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Start without a window, to send reminders (used at login)"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  self->database_path = docket_store_dup_default_path ();
}

/**
 * docket_application_setup_i18n:
 *
 * Binds the message catalogue.  `DOCKET_LOCALEDIR` points at an uninstalled build's
 * catalogues (the tests and `build-aux/run` use it).
 */
void
docket_application_setup_i18n (void)
{
  const char *localedir = g_getenv ("DOCKET_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

DocketApplication *
docket_application_new (void)
{
  return g_object_new (DOCKET_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

GSettings *
docket_application_get_settings (DocketApplication *self)
{
  g_return_val_if_fail (DOCKET_IS_APPLICATION (self), NULL);
  return self->settings;
}

const char *
docket_application_get_database_path (DocketApplication *self)
{
  g_return_val_if_fail (DOCKET_IS_APPLICATION (self), NULL);
  return self->database_path;
}

/**
 * docket_application_get_store:
 * @error: (out) (optional): why the records could not be opened
 *
 * Returns: (transfer none) (nullable): the records, or %NULL when the file was refused
 */
DocketStore *
docket_application_get_store (DocketApplication *self,
                              const GError     **error)
{
  g_return_val_if_fail (DOCKET_IS_APPLICATION (self), NULL);

  open_store (self);
  if (error != NULL)
    *error = self->store_error;
  return self->store;
}

/**
 * docket_application_get_reminders:
 *
 * Returns: (transfer none) (nullable): the reminder service, when the records are open
 */
DocketReminderService *
docket_application_get_reminders (DocketApplication *self)
{
  g_return_val_if_fail (DOCKET_IS_APPLICATION (self), NULL);
  return self->reminders;
}
