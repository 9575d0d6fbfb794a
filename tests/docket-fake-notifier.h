/* docket-fake-notifier.h: a notifier that records what it was asked to show
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-clock.h"
#include "docket-notifier.h"

G_BEGIN_DECLS

/* One notification as the fake received it (deep copy). */
typedef struct
{
  char                      *id;
  char                      *title;
  char                      *body;
  DocketNotificationUrgency  urgency;
  GStrv                      action_ids;
  char                      *default_action;
  gint64                     sent_at;   /* the fake clock's time, if one was given */
} DocketFakeNotification;

#define DOCKET_TYPE_FAKE_NOTIFIER (docket_fake_notifier_get_type ())

G_DECLARE_FINAL_TYPE (DocketFakeNotifier, docket_fake_notifier, DOCKET, FAKE_NOTIFIER, GObject)

/* @clock (nullable) stamps each notification with its time. */
DocketFakeNotifier *docket_fake_notifier_new           (DocketClock        *clock);
void                docket_fake_notifier_set_caps      (DocketFakeNotifier *self,
                                                        DocketNotifierCaps  caps);
/* Without a server every send fails with DOCKET_NOTIFIER_ERROR_NO_SERVER. */
void                docket_fake_notifier_set_server    (DocketFakeNotifier *self,
                                                        gboolean            present);
/* (element-type DocketFakeNotification): everything sent so far. */
GPtrArray          *docket_fake_notifier_get_sent      (DocketFakeNotifier *self);
void                docket_fake_notifier_clear         (DocketFakeNotifier *self);
/* A person clicks @action_id of notification @id. */
void                docket_fake_notifier_click         (DocketFakeNotifier *self,
                                                        const char         *id,
                                                        const char         *action_id);

G_END_DECLS
