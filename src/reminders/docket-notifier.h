/* docket-notifier.h: the seam through which reminders reach the desktop
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DOCKET_NOTIFIER_ERROR (docket_notifier_error_quark ())

/**
 * DocketNotifierError:
 * @DOCKET_NOTIFIER_ERROR_NO_SERVER: no notification server answers on the session
 *   bus; reminders stay in the in-app list
 * @DOCKET_NOTIFIER_ERROR_FAILED: the server refused the notification
 */
typedef enum
{
  DOCKET_NOTIFIER_ERROR_NO_SERVER,
  DOCKET_NOTIFIER_ERROR_FAILED,
} DocketNotifierError;

GQuark docket_notifier_error_quark (void);

/**
 * DocketNotifierCaps:
 * @DOCKET_NOTIFIER_CAP_NONE: a server that shows a summary only, or none at all
 * @DOCKET_NOTIFIER_CAP_BODY: the server shows the body
 * @DOCKET_NOTIFIER_CAP_ACTIONS: the server shows action buttons
 */
typedef enum
{
  DOCKET_NOTIFIER_CAP_NONE    = 0,
  DOCKET_NOTIFIER_CAP_BODY    = 1 << 0,
  DOCKET_NOTIFIER_CAP_ACTIONS = 1 << 1,
} DocketNotifierCaps;

typedef enum
{
  DOCKET_NOTIFICATION_URGENCY_LOW,
  DOCKET_NOTIFICATION_URGENCY_NORMAL,
  DOCKET_NOTIFICATION_URGENCY_CRITICAL,
} DocketNotificationUrgency;

/**
 * DocketNotificationAction:
 * @id: the name the `action-invoked` signal carries ("open", "snooze", "mail")
 * @label: the button's translated label
 */
typedef struct
{
  const char *id;
  const char *label;
} DocketNotificationAction;

/**
 * DocketNotification:
 * @id: the sender's name for this notification; a later one with the same @id
 *   replaces it, and `action-invoked` carries it
 * @title: the summary line
 * @body: (nullable): the text below it
 * @urgency: critical ones stay until dismissed
 * @actions: (array length=n_actions): buttons, shown when the server supports them
 * @n_actions: how many
 * @default_action: (nullable): the action of a click on the notification itself
 *
 * A notification to show; the notifier copies what it keeps.
 */
typedef struct
{
  const char                     *id;
  const char                     *title;
  const char                     *body;
  DocketNotificationUrgency       urgency;
  const DocketNotificationAction *actions;
  guint                           n_actions;
  const char                     *default_action;
} DocketNotification;

#define DOCKET_TYPE_NOTIFIER (docket_notifier_get_type ())

G_DECLARE_INTERFACE (DocketNotifier, docket_notifier, DOCKET, NOTIFIER, GObject)

/**
 * DocketNotifierInterface:
 * @get_capabilities: what the server can show; %DOCKET_NOTIFIER_CAP_NONE without a
 *   server
 * @send: shows a notification; fails without a server, never blocks for long and
 *   never aborts
 *
 * Implementations emit `action-invoked` (with docket_notifier_emit_action_invoked())
 * when a person clicks an action, or the notification itself (its default action).
 */
struct _DocketNotifierInterface
{
  GTypeInterface parent_iface;

  DocketNotifierCaps (*get_capabilities) (DocketNotifier           *self);
  gboolean           (*send)             (DocketNotifier           *self,
                                          const DocketNotification *notification,
                                          GError                  **error);
};

DocketNotifierCaps docket_notifier_get_capabilities    (DocketNotifier           *self);
gboolean           docket_notifier_send                (DocketNotifier           *self,
                                                        const DocketNotification *notification,
                                                        GError                  **error);
void               docket_notifier_emit_action_invoked (DocketNotifier           *self,
                                                        const char               *notification_id,
                                                        const char               *action_id);

G_END_DECLS
