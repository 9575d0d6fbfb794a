/* docket-fake-notifier.c: a notifier that records what it was asked to show
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "docket-fake-notifier.h"

struct _DocketFakeNotifier
{
  GObject             parent_instance;
  DocketClock        *clock;
  DocketNotifierCaps  caps;
  gboolean            present;
  GPtrArray          *sent;
};

static void docket_fake_notifier_iface_init (DocketNotifierInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DocketFakeNotifier, docket_fake_notifier, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (DOCKET_TYPE_NOTIFIER,
                                                      docket_fake_notifier_iface_init))

static void
fake_notification_free (DocketFakeNotification *n)
{
  g_free (n->id);
  g_free (n->title);
  g_free (n->body);
  g_strfreev (n->action_ids);
  g_free (n->default_action);
  g_free (n);
}

static DocketNotifierCaps
docket_fake_notifier_get_capabilities (DocketNotifier *notifier)
{
  DocketFakeNotifier *self = DOCKET_FAKE_NOTIFIER (notifier);

  return self->present ? self->caps : DOCKET_NOTIFIER_CAP_NONE;
}

static gboolean
docket_fake_notifier_send (DocketNotifier           *notifier,
                           const DocketNotification *notification,
                           GError                  **error)
{
  DocketFakeNotifier *self = DOCKET_FAKE_NOTIFIER (notifier);
  DocketFakeNotification *n;
  GStrvBuilder *builder;

  if (!self->present)
    {
      g_set_error_literal (error, DOCKET_NOTIFIER_ERROR, DOCKET_NOTIFIER_ERROR_NO_SERVER,
                           "no notification server (fake)");
      return FALSE;
    }

  n = g_new0 (DocketFakeNotification, 1);
  n->id = g_strdup (notification->id);
  n->title = g_strdup (notification->title);
  n->body = g_strdup (notification->body);
  n->urgency = notification->urgency;
  n->default_action = g_strdup (notification->default_action);
  n->sent_at = self->clock != NULL ? docket_clock_now (self->clock) : 0;
  builder = g_strv_builder_new ();
  if ((self->caps & DOCKET_NOTIFIER_CAP_ACTIONS) != 0)
    for (guint i = 0; i < notification->n_actions; i++)
      g_strv_builder_add (builder, notification->actions[i].id);
  n->action_ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  g_ptr_array_add (self->sent, n);
  return TRUE;
}

static void
docket_fake_notifier_iface_init (DocketNotifierInterface *iface)
{
  iface->get_capabilities = docket_fake_notifier_get_capabilities;
  iface->send = docket_fake_notifier_send;
}

static void
docket_fake_notifier_finalize (GObject *object)
{
  DocketFakeNotifier *self = DOCKET_FAKE_NOTIFIER (object);

  g_clear_object (&self->clock);
  g_ptr_array_unref (self->sent);

  G_OBJECT_CLASS (docket_fake_notifier_parent_class)->finalize (object);
}

static void
docket_fake_notifier_class_init (DocketFakeNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = docket_fake_notifier_finalize;
}

static void
docket_fake_notifier_init (DocketFakeNotifier *self)
{
  self->caps = DOCKET_NOTIFIER_CAP_BODY | DOCKET_NOTIFIER_CAP_ACTIONS;
  self->present = TRUE;
  self->sent = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_notification_free);
}

DocketFakeNotifier *
docket_fake_notifier_new (DocketClock *clock)
{
  DocketFakeNotifier *self = g_object_new (DOCKET_TYPE_FAKE_NOTIFIER, NULL);

  self->clock = clock != NULL ? g_object_ref (clock) : NULL;
  return self;
}

void
docket_fake_notifier_set_caps (DocketFakeNotifier *self,
                               DocketNotifierCaps  caps)
{
  self->caps = caps;
}

void
docket_fake_notifier_set_server (DocketFakeNotifier *self,
                                 gboolean            present)
{
  self->present = present;
}

GPtrArray *
docket_fake_notifier_get_sent (DocketFakeNotifier *self)
{
  return self->sent;
}

void
docket_fake_notifier_clear (DocketFakeNotifier *self)
{
  g_ptr_array_set_size (self->sent, 0);
}

void
docket_fake_notifier_click (DocketFakeNotifier *self,
                            const char         *id,
                            const char         *action_id)
{
  docket_notifier_emit_action_invoked (DOCKET_NOTIFIER (self), id, action_id);
}
