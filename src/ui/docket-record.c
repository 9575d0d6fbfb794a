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

enum {
  PROP_0,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
docket_record_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DocketRecord *self = DOCKET_RECORD (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, docket_record_is_loaded (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

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
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = docket_record_finalize;
  object_class->get_property = docket_record_get_property;

  /**
   * DocketRecord:loaded:
   *
   * Whether the record has its value.  Notified each time a list model gives the
   * record its value: when a placeholder's page has been read, and when the list is
   * read again and the row at this position is another one; the widgets showing the
   * record update then.
   */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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

DocketRecord *
docket_record_new_placeholder (void)
{
  return g_object_new (DOCKET_TYPE_RECORD, NULL);
}

gboolean
docket_record_is_loaded (DocketRecord *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD (self), FALSE);
  return self->id != 0 || self->value != NULL;
}

/**
 * docket_record_fill:
 * @self: a placeholder, or a record read before
 * @from: a loaded record, whose value moves to @self
 *
 * Gives @self the value read for its row, replacing any it had, on the thread that
 * owns @self (the main thread, for a list model).
 */
void
docket_record_fill (DocketRecord *self,
                    DocketRecord *from)
{
  g_return_if_fail (DOCKET_IS_RECORD (self) && DOCKET_IS_RECORD (from));
  g_return_if_fail (self != from);

  if (self->value != NULL && self->free_func != NULL)
    self->free_func (self->value);
  self->value = g_steal_pointer (&from->value);
  self->free_func = from->free_func;
  self->id = from->id;
  from->free_func = NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}
