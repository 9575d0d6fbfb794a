/* docket-record.h: a record of the store as a GObject, for list models
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "docket-core.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_RECORD (docket_record_get_type ())

G_DECLARE_FINAL_TYPE (DocketRecord, docket_record, DOCKET, RECORD, GObject)

/* Takes @value (a DocketMeetingSummary, a DocketItem…), freed with @free_func. */
DocketRecord *docket_record_new       (gpointer        value,
                                       GDestroyNotify  free_func,
                                       DocketId        id);
gpointer      docket_record_get_value (DocketRecord   *self);
DocketId      docket_record_get_id    (DocketRecord   *self);

/* A row whose record is still being read: no value, id 0, until filled. */
DocketRecord *docket_record_new_placeholder (void);
gboolean      docket_record_is_loaded       (DocketRecord   *self);
void          docket_record_fill            (DocketRecord   *self,
                                             DocketRecord   *from);

typedef void (*DocketRecordWatchFunc) (DocketRecord *record,
                                       gpointer      data);

void          docket_record_watch           (DocketRecord          *self,
                                             DocketRecordWatchFunc  func,
                                             gpointer               data);
void          docket_record_unwatch         (DocketRecord          *self,
                                             gpointer               data);

G_END_DECLS
