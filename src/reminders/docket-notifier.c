/* docket-notifier.c: the seam through which reminders reach the desktop
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-reminders"

#include "config.h"

#include "docket-notifier.h"

G_DEFINE_QUARK (docket-notifier-error-quark, docket_notifier_error)

G_DEFINE_INTERFACE (DocketNotifier, docket_notifier, G_TYPE_OBJECT)

enum {
  ACTION_INVOKED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
docket_notifier_default_init (DocketNotifierInterface *iface)
{
  /**
   * DocketNotifier::action-invoked:
   * @notification_id: the #DocketNotification id it was sent with
   * @action_id: the action's id, or the notification's default action
   *
   * A person clicked an action of a notification, or the notification itself.
   * Emitted in the main context of the thread that sent the notification.
   */
  signals[ACTION_INVOKED] =
    g_signal_new ("action-invoked",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

/**
 * docket_notifier_get_capabilities:
 *
 * Asks the notification server what it can show.  May talk to the server, with a
 * short timeout; call it once per batch of notifications, not per notification.
 *
 * Returns: the capabilities, %DOCKET_NOTIFIER_CAP_NONE without a server
 */
DocketNotifierCaps
docket_notifier_get_capabilities (DocketNotifier *self)
{
  g_return_val_if_fail (DOCKET_IS_NOTIFIER (self), DOCKET_NOTIFIER_CAP_NONE);

  return DOCKET_NOTIFIER_GET_IFACE (self)->get_capabilities (self);
}

/**
 * docket_notifier_send:
 * @notification: what to show
 *
 * Shows @notification (or replaces the one sent with the same id).
 *
 * Returns: %TRUE, or %FALSE with @error set in %DOCKET_NOTIFIER_ERROR
 */
gboolean
docket_notifier_send (DocketNotifier           *self,
                      const DocketNotification *notification,
                      GError                  **error)
{
  g_return_val_if_fail (DOCKET_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (notification != NULL, FALSE);
  g_return_val_if_fail (notification->id != NULL && notification->title != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return DOCKET_NOTIFIER_GET_IFACE (self)->send (self, notification, error);
}

/**
 * docket_notifier_emit_action_invoked:
 *
 * For implementations (and fakes): reports a click on an action.
 */
void
docket_notifier_emit_action_invoked (DocketNotifier *self,
                                     const char     *notification_id,
                                     const char     *action_id)
{
  g_return_if_fail (DOCKET_IS_NOTIFIER (self));
  g_return_if_fail (notification_id != NULL && action_id != NULL);

  g_signal_emit (self, signals[ACTION_INVOKED], 0, notification_id, action_id);
}
