/* docket-background.c: starting at login and running without a window
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Outside a sandbox Docket writes (and removes) its own XDG autostart entry.
 * Inside Flatpak it cannot write there, and the desktop decides whether an app may
 * run without a window: Docket asks the Background portal
 * (org.freedesktop.portal.Background.RequestBackground), which also writes the
 * autostart entry when allowed, and hears the answer on the request's Response
 * signal.
 */

#define G_LOG_DOMAIN "docket-background"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "docket-background.h"

#define PORTAL_NAME      "org.freedesktop.portal.Desktop"
#define PORTAL_PATH      "/org/freedesktop/portal/desktop"
#define BACKGROUND_IFACE "org.freedesktop.portal.Background"
#define REQUEST_IFACE    "org.freedesktop.portal.Request"

/**
 * docket_background_uses_portal:
 *
 * Returns: whether Docket runs inside Flatpak (or a test asks to behave so with
 *   `DOCKET_BACKGROUND_PORTAL=1`), where the Background portal decides
 */
gboolean
docket_background_uses_portal (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) ||
         g_strcmp0 (g_getenv ("DOCKET_BACKGROUND_PORTAL"), "1") == 0;
}

static char *
autostart_path (GApplication *app)
{
  g_autofree char *name = g_strdup_printf ("%s.desktop", g_application_get_application_id (app));

  return g_build_filename (g_get_user_config_dir (), "autostart", name, NULL);
}

static void
write_autostart_entry (GApplication *app,
                       gboolean      wanted)
{
  g_autofree char *path = autostart_path (app);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  if (!wanted)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        g_warning ("Could not remove the autostart entry %s: %s", path, g_strerror (errno));
      return;
    }
  contents = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Docket\n"
                              "Exec=docket --background\nIcon=%s\n"
                              "X-GNOME-Autostart-enabled=true\nNoDisplay=true\n",
                              g_application_get_application_id (app));
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !g_file_set_contents (path, contents, -1, &error))
    g_warning ("Could not write the autostart entry %s: %s", path,
               error != NULL ? error->message : g_strerror (errno));
}

typedef struct
{
  GDBusConnection            *bus;
  guint                       response_watch;
  gboolean                    wanted;
  DocketBackgroundDeniedFunc  denied;
  gpointer                    user_data;
} Request;

static void
request_free (Request *request)
{
  if (request->response_watch != 0)
    g_dbus_connection_signal_unsubscribe (request->bus, request->response_watch);
  g_clear_object (&request->bus);
  g_free (request);
}

static void
on_response_cb (GDBusConnection *bus,
                const char      *sender,
                const char      *path,
                const char      *interface,
                const char      *signal,
                GVariant        *parameters,
                gpointer         user_data)
{
  Request *request = user_data;
  g_autoptr(GVariant) results = NULL;
  gboolean allowed = FALSE;
  guint32 response = 2;

  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  g_variant_lookup (results, "background", "b", &allowed);
  g_debug ("Background portal answered %u, background %d", response, allowed);
  if (request->wanted && (response != 0 || !allowed) && request->denied != NULL)
    request->denied (request->user_data);
  request_free (request);
}

static void
on_request_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      g_message ("The Background portal could not be asked: %s", error->message);
      if (request->wanted && request->denied != NULL)
        request->denied (request->user_data);
      request_free (request);
    }
  /* Otherwise the Response signal finishes the request. */
}

static void
ask_portal (GApplication               *app,
            gboolean                    wanted,
            DocketBackgroundDeniedFunc  denied,
            gpointer                    user_data)
{
  static guint counter;
  GDBusConnection *bus = g_application_get_dbus_connection (app);
  g_autofree char *token = NULL;
  g_autofree char *sender = NULL;
  g_autofree char *handle = NULL;
  const char *commandline[] = { "docket", "--background", NULL };
  GVariantBuilder options;
  Request *request;

  if (bus == NULL)
    bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  else
    g_object_ref (bus);
  if (bus == NULL)
    {
      g_message ("No session bus: the Background portal cannot be asked");
      if (wanted && denied != NULL)
        denied (user_data);
      return;
    }

  request = g_new0 (Request, 1);
  request->bus = bus;
  request->wanted = wanted;
  request->denied = denied;
  request->user_data = user_data;

  /* The portal answers on a request object whose path it derives from our unique
   * name and the token; listen there before asking, as the portal documentation
   * says, so the answer cannot come first. */
  token = g_strdup_printf ("docket%u", ++counter);
  sender = g_strdup (g_dbus_connection_get_unique_name (bus) + 1);
  g_strdelimit (sender, ".", '_');
  handle = g_strdup_printf (PORTAL_PATH "/request/%s/%s", sender, token);
  request->response_watch =
    g_dbus_connection_signal_subscribe (bus, PORTAL_NAME, REQUEST_IFACE, "Response", handle,
                                        NULL, G_DBUS_SIGNAL_FLAGS_NONE, on_response_cb,
                                        request, NULL);

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("Docket reminds the responsible units of "
                                                 "their deadlines when its window is closed.")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (wanted));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));
  g_dbus_connection_call (bus, PORTAL_NAME, PORTAL_PATH, BACKGROUND_IFACE, "RequestBackground",
                          g_variant_new ("(sa{sv})", "", &options), G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, on_request_done_cb, request);
}

/**
 * docket_background_set_autostart:
 * @wanted: whether Docket should start at login and may run without a window
 * @denied: (nullable): called when the desktop refuses
 *
 * Writes or removes the autostart entry, or asks the Background portal inside
 * Flatpak.
 */
void
docket_background_set_autostart (GApplication               *app,
                                 gboolean                    wanted,
                                 DocketBackgroundDeniedFunc  denied,
                                 gpointer                    user_data)
{
  g_return_if_fail (G_IS_APPLICATION (app));

  if (docket_background_uses_portal ())
    ask_portal (app, wanted, denied, user_data);
  else
    write_autostart_entry (app, wanted);
}
