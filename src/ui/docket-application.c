/* docket-application.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-application"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "docket-application.h"
#include "docket-preferences-window.h"
#include "docket-store.h"
#include "docket-window.h"

struct _DocketApplication
{
  AdwApplication parent_instance;

  GSettings   *settings;
  char        *database_path;
  DocketStore *store;
  GError      *store_error;
};

G_DEFINE_FINAL_TYPE (DocketApplication, docket_application, ADW_TYPE_APPLICATION)

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
  apply_color_scheme (self);
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
    apply_actor (self);
  else
    g_warning ("%s", self->store_error->message);
}

static void
docket_application_activate (GApplication *app)
{
  DocketApplication *self = DOCKET_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  open_store (self);

  if (window == NULL)
    window = GTK_WINDOW (docket_window_new (self));
  gtk_window_present (window);
}

static void
docket_application_finalize (GObject *object)
{
  DocketApplication *self = DOCKET_APPLICATION (object);

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
