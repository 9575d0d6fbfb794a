/* docket-record.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "docket-record.h"

struct _DocketRecord
{
  GObject  parent_instance;

  gpointer       value;
  GDestroyNotify free_func;
  DocketId id;
};

G_DEFINE_FINAL_TYPE (DocketRecord, docket_record, G_TYPE_OBJECT)

static void
docket_record_finalize (GObject *object)
{
  DocketRecord *self = DOCKET_RECORD (object);

  if (self->value != NULL && self->free_func != NULL)
    self->free_func (self->value);

  G_OBJECT_CLASS (docket_record_parent_class)->finalize (object);
}

static void
docket_record_class_init (DocketRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = docket_record_finalize;
}

static void
docket_record_init (DocketRecord *self)
{
}

DocketRecord *
docket_record_new (gpointer       value,
                   GDestroyNotify free_func,
                   DocketId       id)
{
  DocketRecord *self;

  self = g_object_new (DOCKET_TYPE_RECORD, NULL);
  self->free_func = free_func;
  self->value = value;
  self->id = id;
  return self;
}

gpointer
docket_record_get_value (DocketRecord *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD (self), NULL);
  return self->value;
}

DocketId
docket_record_get_id (DocketRecord *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD (self), 0);
  return self->id;
}
