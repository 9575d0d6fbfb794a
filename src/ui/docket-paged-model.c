/* docket-paged-model.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-paged-model"

#include "config.h"

#include "docket-paged-model.h"

/* Rows are read a page at a time, when a list view asks for one of them, and the
 * pages are kept in a small cache; a list over a million items holds only the
 * pages around what is on screen.  Sorting and filtering happen in SQL, in the fetch
 * function. */
#define PAGE_SIZE 100
#define MAX_CACHED_PAGES 16

struct _DocketPagedModel
{
  GObject               parent_instance;

  DocketPagedCountFunc  count_func;
  DocketPagedFetchFunc  fetch_func;
  gpointer              user_data;
  GDestroyNotify        destroy;

  guint                 n_items;
  GHashTable           *pages;      /* page index → GPtrArray of DocketRecord */
  GQueue                page_order; /* page indexes, most recently used first */
  GError               *error;
};

static void docket_paged_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DocketPagedModel, docket_paged_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      docket_paged_model_list_model_init))

static GType
docket_paged_model_get_item_type (GListModel *model)
{
  return DOCKET_TYPE_RECORD;
}

static guint
docket_paged_model_get_n_items (GListModel *model)
{
  return DOCKET_PAGED_MODEL (model)->n_items;
}

static void
touch_page (DocketPagedModel *self,
            guint             page)
{
  GList *link = g_queue_find (&self->page_order, GUINT_TO_POINTER (page));

  if (link != NULL)
    g_queue_unlink (&self->page_order, link);
  else
    link = g_list_alloc ();
  link->data = GUINT_TO_POINTER (page);
  g_queue_push_head_link (&self->page_order, link);

  while (self->page_order.length > MAX_CACHED_PAGES)
    {
      guint evicted = GPOINTER_TO_UINT (g_queue_pop_tail (&self->page_order));
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (evicted));
    }
}

static GPtrArray *
load_page (DocketPagedModel *self,
           guint             page)
{
  GPtrArray *rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  g_autoptr(GError) error = NULL;

  if (rows == NULL)
    {
      rows = self->fetch_func (self->user_data, page * PAGE_SIZE, PAGE_SIZE, &error);
      if (rows == NULL)
        {
          g_warning ("Could not read rows %u…: %s", page * PAGE_SIZE, error->message);
          g_clear_error (&self->error);
          self->error = g_steal_pointer (&error);
          return NULL;
        }
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
    }
  touch_page (self, page);
  return rows;
}

static gpointer
docket_paged_model_get_item (GListModel *model,
                             guint       position)
{
  DocketPagedModel *self = DOCKET_PAGED_MODEL (model);
  GPtrArray *rows;
  guint index = position % PAGE_SIZE;

  if (position >= self->n_items)
    return NULL;
  rows = load_page (self, position / PAGE_SIZE);
  /* The records can change between the count and the page; a row that is gone
   * reads as the end of the list until the next reload. */
  if (rows == NULL || index >= rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, index));
}

static void
docket_paged_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = docket_paged_model_get_item_type;
  iface->get_n_items = docket_paged_model_get_n_items;
  iface->get_item = docket_paged_model_get_item;
}

static void
docket_paged_model_finalize (GObject *object)
{
  DocketPagedModel *self = DOCKET_PAGED_MODEL (object);

  g_hash_table_unref (self->pages);
  g_queue_clear (&self->page_order);
  g_clear_error (&self->error);
  if (self->destroy != NULL)
    self->destroy (self->user_data);

  G_OBJECT_CLASS (docket_paged_model_parent_class)->finalize (object);
}

static void
docket_paged_model_class_init (DocketPagedModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = docket_paged_model_finalize;
}

static void
docket_paged_model_init (DocketPagedModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->page_order);
}

DocketPagedModel *
docket_paged_model_new (DocketPagedCountFunc count_func,
                        DocketPagedFetchFunc fetch_func,
                        gpointer             user_data,
                        GDestroyNotify       destroy)
{
  DocketPagedModel *self;

  g_return_val_if_fail (count_func != NULL && fetch_func != NULL, NULL);

  self = g_object_new (DOCKET_TYPE_PAGED_MODEL, NULL);
  self->count_func = count_func;
  self->fetch_func = fetch_func;
  self->user_data = user_data;
  self->destroy = destroy;
  docket_paged_model_reload (self);
  return self;
}

/**
 * docket_paged_model_reload:
 *
 * Drops the cached pages and counts the rows again, after the records or the
 * filter changed.
 */
void
docket_paged_model_reload (DocketPagedModel *self)
{
  g_autoptr(GError) error = NULL;
  guint old_n = self->n_items;
  guint new_n = 0;

  g_return_if_fail (DOCKET_IS_PAGED_MODEL (self));

  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
  g_clear_error (&self->error);
  if (!self->count_func (self->user_data, &new_n, &error))
    {
      g_warning ("Could not count rows: %s", error->message);
      self->error = g_steal_pointer (&error);
      new_n = 0;
    }
  /* Two changes, each consistent with the count GTK reads back: all rows go, then
   * the new ones come.  In one change, GTK 4.8's list views look for each row widget
   * they had among the added items, reading every added item, which over a million
   * rows reads the whole list from the database. */
  if (old_n != 0)
    {
      self->n_items = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
    }
  self->n_items = new_n;
  if (new_n != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, new_n);
}

const GError *
docket_paged_model_get_error (DocketPagedModel *self)
{
  g_return_val_if_fail (DOCKET_IS_PAGED_MODEL (self), NULL);
  return self->error;
}
