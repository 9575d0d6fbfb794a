/* docket-libnotify-notifier.c: notifications through libnotify
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server's capabilities are asked with a plain D-Bus call with a short timeout
 * rather than notify_get_server_caps(): that one logs a warning when no server runs
 * and waits for the default 25 s D-Bus timeout when a server hangs, and "no server"
 * is an ordinary case for Docket (reminders then stay in the in-app list).
 */

#define G_LOG_DOMAIN "docket-reminders"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libnotify/notify.h>

#include "docket-libnotify-notifier.h"

#define CAPS_TIMEOUT_MS 2000

struct _DocketLibnotifyNotifier
{
  GObject     parent_instance;

  char       *app_name;
  /* id → NotifyNotification: kept alive so that its actions' callbacks can still
   * run, and so a notification with the same id replaces the one on screen. */
  GHashTable *shown;
  gboolean    has_server;
};

static void docket_libnotify_notifier_iface_init (DocketNotifierInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DocketLibnotifyNotifier, docket_libnotify_notifier,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (DOCKET_TYPE_NOTIFIER,
                                                      docket_libnotify_notifier_iface_init))

static void
on_action_activated_cb (NotifyNotification *notification,
                        char               *action,
                        gpointer            user_data)
{
  DocketLibnotifyNotifier *self = user_data;
  const char *id = g_object_get_data (G_OBJECT (notification), "docket-id");
  const char *default_action = g_object_get_data (G_OBJECT (notification), "docket-default");

  /* A click on the notification itself is its default action. */
  if (g_str_equal (action, "default") && default_action != NULL)
    action = (char *) default_action;
  docket_notifier_emit_action_invoked (DOCKET_NOTIFIER (self), id, action);
}

static void
on_notification_closed_cb (NotifyNotification *notification,
                           gpointer            user_data)
{
  DocketLibnotifyNotifier *self = user_data;
  const char *id = g_object_get_data (G_OBJECT (notification), "docket-id");

  /* Only drop it if a newer one with the same id has not replaced it. */
  if (g_hash_table_lookup (self->shown, id) == notification)
    g_hash_table_remove (self->shown, id);
}

static GStrv
query_caps (GError **error)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  GStrv caps = NULL;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, error);
  if (bus == NULL)
    return NULL;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.Notifications",
                                       "/org/freedesktop/Notifications",
                                       "org.freedesktop.Notifications", "GetCapabilities",
                                       NULL, G_VARIANT_TYPE ("(as)"),
                                       G_DBUS_CALL_FLAGS_NONE, CAPS_TIMEOUT_MS, NULL, error);
  if (reply == NULL)
    return NULL;
  g_variant_get (reply, "(^as)", &caps);
  return caps;
}

static DocketNotifierCaps
docket_libnotify_notifier_get_capabilities (DocketNotifier *notifier)
{
  DocketLibnotifyNotifier *self = DOCKET_LIBNOTIFY_NOTIFIER (notifier);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) caps = query_caps (&error);
  DocketNotifierCaps result = DOCKET_NOTIFIER_CAP_NONE;

  self->has_server = caps != NULL;
  if (caps == NULL)
    {
      g_debug ("No notification server: %s", error->message);
      return DOCKET_NOTIFIER_CAP_NONE;
    }
  if (g_strv_contains ((const char * const *) caps, "body"))
    result |= DOCKET_NOTIFIER_CAP_BODY;
  if (g_strv_contains ((const char * const *) caps, "actions"))
    result |= DOCKET_NOTIFIER_CAP_ACTIONS;
  return result;
}

static NotifyUrgency
to_notify_urgency (DocketNotificationUrgency urgency)
{
  switch (urgency)
    {
    case DOCKET_NOTIFICATION_URGENCY_LOW:
      return NOTIFY_URGENCY_LOW;
    case DOCKET_NOTIFICATION_URGENCY_CRITICAL:
      return NOTIFY_URGENCY_CRITICAL;
    case DOCKET_NOTIFICATION_URGENCY_NORMAL:
    default:
      return NOTIFY_URGENCY_NORMAL;
    }
}

static NotifyNotification *
lookup_or_create (DocketLibnotifyNotifier  *self,
                  const DocketNotification *n)
{
  NotifyNotification *shown = g_hash_table_lookup (self->shown, n->id);

  if (shown != NULL)
    {
      notify_notification_update (shown, n->title, n->body, NULL);
      notify_notification_clear_actions (shown);
      return shown;
    }
  shown = notify_notification_new (n->title, n->body, NULL);
  g_object_set_data_full (G_OBJECT (shown), "docket-id", g_strdup (n->id), g_free);
  g_signal_connect_object (shown, "closed", G_CALLBACK (on_notification_closed_cb), self, 0);
  g_hash_table_insert (self->shown, g_strdup (n->id), shown);
  return shown;
}

static const char *
default_label (const DocketNotification *n)
{
  for (guint i = 0; i < n->n_actions; i++)
    if (g_str_equal (n->actions[i].id, n->default_action))
      return n->actions[i].label;
  return n->default_action;
}

static gboolean
docket_libnotify_notifier_send (DocketNotifier           *notifier,
                                const DocketNotification *n,
                                GError                  **error)
{
  DocketLibnotifyNotifier *self = DOCKET_LIBNOTIFY_NOTIFIER (notifier);
  DocketNotifierCaps caps = docket_libnotify_notifier_get_capabilities (notifier);
  NotifyNotification *shown;
  g_autoptr(GError) local_error = NULL;

  /* Without a server libnotify would only fail later, after logging warnings. */
  if (!self->has_server)
    {
      g_set_error (error, DOCKET_NOTIFIER_ERROR, DOCKET_NOTIFIER_ERROR_NO_SERVER,
                   _("Desktop notifications are not available; reminders are shown in "
                     "Docket’s list of reminders instead."));
      return FALSE;
    }
  if (!notify_is_initted () && !notify_init (self->app_name))
    {
      g_set_error (error, DOCKET_NOTIFIER_ERROR, DOCKET_NOTIFIER_ERROR_FAILED,
                   _("Desktop notifications could not be started."));
      return FALSE;
    }

  shown = lookup_or_create (self, n);
  notify_notification_set_urgency (shown, to_notify_urgency (n->urgency));
  notify_notification_set_hint (shown, "desktop-entry", g_variant_new_string (APP_ID));
  if ((caps & DOCKET_NOTIFIER_CAP_ACTIONS) != 0)
    for (guint i = 0; i < n->n_actions; i++)
      notify_notification_add_action (shown, n->actions[i].id, n->actions[i].label,
                                      on_action_activated_cb, self, NULL);
  /* The default action is a click on the notification itself, which servers offer
   * with or without buttons; its label is the matching button's, for servers that
   * show one. */
  g_object_set_data_full (G_OBJECT (shown), "docket-default", g_strdup (n->default_action),
                          g_free);
  if (n->default_action != NULL)
    notify_notification_add_action (shown, "default", default_label (n), on_action_activated_cb,
                                    self, NULL);

  if (!notify_notification_show (shown, &local_error))
    {
      g_hash_table_remove (self->shown, n->id);
      g_set_error (error, DOCKET_NOTIFIER_ERROR, DOCKET_NOTIFIER_ERROR_FAILED,
                   _("The desktop did not show the reminder: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
docket_libnotify_notifier_iface_init (DocketNotifierInterface *iface)
{
  iface->get_capabilities = docket_libnotify_notifier_get_capabilities;
  iface->send = docket_libnotify_notifier_send;
}

static void
docket_libnotify_notifier_dispose (GObject *object)
{
  DocketLibnotifyNotifier *self = DOCKET_LIBNOTIFY_NOTIFIER (object);

  g_hash_table_remove_all (self->shown);

  G_OBJECT_CLASS (docket_libnotify_notifier_parent_class)->dispose (object);
}

static void
docket_libnotify_notifier_finalize (GObject *object)
{
  DocketLibnotifyNotifier *self = DOCKET_LIBNOTIFY_NOTIFIER (object);

  g_hash_table_unref (self->shown);
  g_free (self->app_name);

  G_OBJECT_CLASS (docket_libnotify_notifier_parent_class)->finalize (object);
}

static void
docket_libnotify_notifier_class_init (DocketLibnotifyNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = docket_libnotify_notifier_dispose;
  object_class->finalize = docket_libnotify_notifier_finalize;
}

static void
docket_libnotify_notifier_init (DocketLibnotifyNotifier *self)
{
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/**
 * docket_libnotify_notifier_new:
 * @app_name: the name the notification server shows ("Docket")
 *
 * Returns: (transfer full): a notifier that shows notifications through libnotify
 */
DocketNotifier *
docket_libnotify_notifier_new (const char *app_name)
{
  DocketLibnotifyNotifier *self;

  g_return_val_if_fail (app_name != NULL, NULL);

  self = g_object_new (DOCKET_TYPE_LIBNOTIFY_NOTIFIER, NULL);
  self->app_name = g_strdup (app_name);
  return DOCKET_NOTIFIER (self);
}
