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
  GArray        *watchers;  /* Watcher, or NULL before the first */
};

/* A cell of a list's row follows its record through a watcher, not a signal handler:
 * a list view binds a couple of hundred cells at each page of scrolling, and
 * connecting and disconnecting a handler (a closure allocated each time) was a tenth
 * of the frame. */
typedef struct
{
  DocketRecordWatchFunc func;
  gpointer              data;
} Watcher;

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
  g_clear_pointer (&self->watchers, g_array_unref);

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
  if (self->watchers != NULL && self->watchers->len > 0)
    {
      /* A watcher may stop watching (its cell unbound) while told. */
      g_autoptr(GArray) told = g_array_copy (self->watchers);

      for (guint i = 0; i < told->len; i++)
        g_array_index (told, Watcher, i).func (self, g_array_index (told, Watcher, i).data);
    }
}

/**
 * docket_record_watch:
 * @func: called each time @self is given a value (docket_record_fill ())
 * @data: passed to @func, and the key of docket_record_unwatch ()
 *
 * Like a handler of #DocketRecord:loaded, for the many short-lived watchers of a
 * list's cells: no closure, no signal lookup.
 */
void
docket_record_watch (DocketRecord          *self,
                     DocketRecordWatchFunc  func,
                     gpointer               data)
{
  Watcher watcher = { func, data };

  g_return_if_fail (DOCKET_IS_RECORD (self));
  g_return_if_fail (func != NULL);

  if (self->watchers == NULL)
    self->watchers = g_array_sized_new (FALSE, FALSE, sizeof (Watcher), 8);
  g_array_append_val (self->watchers, watcher);
}

void
docket_record_unwatch (DocketRecord *self,
                       gpointer      data)
{
  g_return_if_fail (DOCKET_IS_RECORD (self));

  for (guint i = 0; self->watchers != NULL && i < self->watchers->len; i++)
    if (g_array_index (self->watchers, Watcher, i).data == data)
      {
        g_array_remove_index_fast (self->watchers, i);
        return;
      }
}
