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
 * function.
 *
 * The threaded model (docket_paged_model_new_threaded ()) never reads on the main
 * thread: a reload is counted (with its first page) by a worker thread that has its
 * own connection, and the old rows stay until the new ones are there; a row of a page
 * not read yet is a placeholder record, filled in place when its page arrives, so a
 * list view can lay out a frame without waiting for the database.  The worker serves
 * the newest request first and skips pages that have left the cache meanwhile, so a
 * fast scroll reads only what is still wanted. */
#define PAGE_SIZE 100
#define MAX_CACHED_PAGES 16

typedef struct
{
  gatomicrefcount  ref;
  gpointer         data;
  GDestroyNotify   free;
} Snapshot;

typedef struct
{
  gatomicrefcount  ref;
  GPtrArray       *records;  /* DocketRecord, placeholders until loaded */
  gboolean         loaded;   /* main thread only */
  int              wanted;   /* atomic: cleared when nobody waits for the page */
} Page;

typedef enum
{
  JOB_RELOAD,
  JOB_PAGE,
  JOB_QUIT,
} JobKind;

typedef struct _Worker Worker;

typedef struct
{
  JobKind    kind;
  guint64    seq;
  guint      generation;
  Snapshot  *snapshot;
  guint      page_index;
  Page      *page;
  Worker    *worker;
  /* What the worker read. */
  guint      count;
  GPtrArray *rows;
  GError    *error;
} Job;

struct _Worker
{
  gatomicrefcount         ref;
  GAsyncQueue            *queue;       /* Job, newest first */
  DocketPagedThreadFuncs  funcs;
  GMainContext           *context;
  GWeakRef                model;
  int                     generation;  /* atomic: the newest reload */
  gpointer                thread_state;
};

struct _DocketPagedModel
{
  GObject               parent_instance;

  DocketPagedCountFunc  count_func;
  DocketPagedFetchFunc  fetch_func;  /* synchronous, on this thread */
  gpointer              user_data;
  GDestroyNotify        destroy;

  /* The threaded model. */
  Worker               *worker;
  GThread              *thread;
  Snapshot             *snapshot;    /* of the list shown, or of the reload underway */
  guint                 generation;
  guint64               seq;
  gboolean              loading;

  guint                 n_items;
  GHashTable           *pages;       /* page index → Page */
  GQueue                page_order;  /* page indexes, most recently used first */
  GError               *error;
};

enum {
  RELOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void docket_paged_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DocketPagedModel, docket_paged_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      docket_paged_model_list_model_init))

/* Shared pieces. */

static Snapshot *
snapshot_ref (Snapshot *snapshot)
{
  g_atomic_ref_count_inc (&snapshot->ref);
  return snapshot;
}

static void
snapshot_unref (Snapshot *snapshot)
{
  if (snapshot != NULL && g_atomic_ref_count_dec (&snapshot->ref))
    {
      if (snapshot->free != NULL)
        snapshot->free (snapshot->data);
      g_free (snapshot);
    }
}

static Page *
page_new (GPtrArray *records,
          gboolean   loaded)
{
  Page *page = g_new0 (Page, 1);

  g_atomic_ref_count_init (&page->ref);
  page->records = records;
  page->loaded = loaded;
  page->wanted = 1;
  return page;
}

static Page *
page_new_placeholders (guint n)
{
  GPtrArray *records = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (records, docket_record_new_placeholder ());
  return page_new (records, FALSE);
}

static Page *
page_ref (Page *page)
{
  g_atomic_ref_count_inc (&page->ref);
  return page;
}

static void
page_unref (Page *page)
{
  if (page != NULL && g_atomic_ref_count_dec (&page->ref))
    {
      g_ptr_array_unref (page->records);
      g_free (page);
    }
}

static Worker *
worker_ref (Worker *worker)
{
  g_atomic_ref_count_inc (&worker->ref);
  return worker;
}

static void
worker_unref (Worker *worker)
{
  if (worker != NULL && g_atomic_ref_count_dec (&worker->ref))
    {
      g_async_queue_unref (worker->queue);
      g_main_context_unref (worker->context);
      g_weak_ref_clear (&worker->model);
      g_free (worker);
    }
}

static void
job_free (Job *job)
{
  snapshot_unref (job->snapshot);
  page_unref (job->page);
  g_clear_pointer (&job->rows, g_ptr_array_unref);
  g_clear_error (&job->error);
  g_clear_pointer (&job->worker, worker_unref);
  g_free (job);
}

static int
compare_jobs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const Job *x = a, *y = b;

  /* Newest first: what is on screen now matters more than what was a moment ago. */
  return (x->seq < y->seq) - (x->seq > y->seq);
}

/* The worker thread. */

static gboolean deliver_job (gpointer data);

static void
run_job (Worker *worker,
         Job    *job)
{
  gpointer data = job->snapshot->data;

  if (job->kind == JOB_RELOAD)
    {
      if (worker->funcs.count (data, &worker->thread_state, &job->count, &job->error) &&
          job->count > 0)
        job->rows = worker->funcs.fetch (data, &worker->thread_state, 0,
                                         MIN (PAGE_SIZE, job->count), &job->error);
    }
  else
    job->rows = worker->funcs.fetch (data, &worker->thread_state, job->page_index * PAGE_SIZE,
                                     job->page->records->len, &job->error);
}

static gpointer
worker_main (gpointer data)
{
  Worker *worker = data;

  for (;;)
    {
      Job *job = g_async_queue_pop (worker->queue);
      GSource *source;

      if (job->kind == JOB_QUIT)
        {
          job_free (job);
          break;
        }
      /* A reload replaced by a newer one, or a page nobody waits for any more. */
      if ((guint) g_atomic_int_get (&worker->generation) != job->generation ||
          (job->page != NULL && !g_atomic_int_get (&job->page->wanted)))
        {
          job_free (job);
          continue;
        }
      run_job (worker, job);
      job->worker = worker_ref (worker);
      /* Not g_main_context_invoke (): from a thread without a context of its own, it
       * runs the function right there whenever the main context is free to acquire
       * (between two iterations of the main loop), which would fill the records, and
       * update their widgets, on this thread. */
      source = g_idle_source_new ();
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, deliver_job, job, (GDestroyNotify) job_free);
      g_source_set_static_name (source, "[docket] paged model page");
      g_source_attach (source, worker->context);
      g_source_unref (source);
    }
  if (worker->thread_state != NULL && worker->funcs.thread_state_free != NULL)
    worker->funcs.thread_state_free (worker->thread_state);
  worker->thread_state = NULL;
  worker_unref (worker);
  return NULL;
}

static void
push_job (DocketPagedModel *self,
          JobKind           kind,
          guint             page_index,
          Page             *page)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->seq = kind == JOB_QUIT ? G_MAXUINT64 : ++self->seq;
  job->generation = self->generation;
  job->snapshot = self->snapshot != NULL ? snapshot_ref (self->snapshot) : NULL;
  job->page_index = page_index;
  job->page = page != NULL ? page_ref (page) : NULL;
  g_async_queue_push_sorted (self->worker->queue, job, compare_jobs, NULL);
}

/* The cache. */

/* Whether a list view holds one of the page's records: the page then stays, so that
 * every record on screen is one the model can still fill (a list view does not ask
 * again for a row it has). */
static gboolean
page_is_shown (Page *page)
{
  for (guint i = 0; i < page->records->len; i++)
    if (G_OBJECT (g_ptr_array_index (page->records, i))->ref_count > 1)
      return TRUE;
  return FALSE;
}

static void
evict_page (DocketPagedModel *self,
            GList            *link)
{
  guint index = GPOINTER_TO_UINT (link->data);
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));

  g_atomic_int_set (&page->wanted, 0);
  g_queue_delete_link (&self->page_order, link);
  g_hash_table_remove (self->pages, GUINT_TO_POINTER (index));
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

  /* The least recently used pages go, but none that is on screen, nor the one just
   * asked for (the caller is about to hand out its records). */
  for (GList *l = self->page_order.tail;
       l != NULL && l != self->page_order.head && self->page_order.length > MAX_CACHED_PAGES;)
    {
      GList *prev = l->prev;

      if (!page_is_shown (g_hash_table_lookup (self->pages, l->data)))
        evict_page (self, l);
      l = prev;
    }
}

static void
clear_pages (DocketPagedModel *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_atomic_int_set (&((Page *) value)->wanted, 0);
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
}

static void
set_error (DocketPagedModel *self,
           GError           *error)
{
  g_clear_error (&self->error);
  self->error = error;
}

static guint
page_length (DocketPagedModel *self,
             guint             index)
{
  return MIN (PAGE_SIZE, self->n_items - index * PAGE_SIZE);
}

/* Gives the records of @page the values of @rows, the records read for it. */
static void
fill_page (Page      *page,
           GPtrArray *rows)
{
  for (guint i = 0; rows != NULL && i < MIN (rows->len, page->records->len); i++)
    docket_record_fill (g_ptr_array_index (page->records, i), g_ptr_array_index (rows, i));
  page->loaded = TRUE;
}

static Page *
load_page_now (DocketPagedModel *self,
               guint             index)
{
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  if (page == NULL)
    {
      rows = self->fetch_func (self->user_data, index * PAGE_SIZE, PAGE_SIZE, &error);
      if (rows == NULL)
        {
          g_warning ("Could not read rows %u…: %s", index * PAGE_SIZE, error->message);
          set_error (self, g_steal_pointer (&error));
          return NULL;
        }
      page = page_new (rows, TRUE);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
    }
  touch_page (self, index);
  return page;
}

static Page *
request_page (DocketPagedModel *self,
              guint             index)
{
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));

  if (page == NULL)
    {
      page = page_new_placeholders (page_length (self, index));
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
      /* During a reload these rows are about to go: only the new ones are read. */
      if (self->snapshot != NULL && !self->loading)
        push_job (self, JOB_PAGE, index, page);
    }
  touch_page (self, index);
  return page;
}

/* Results, on the main thread. */

static void
finish_reload (DocketPagedModel *self,
               guint             new_n,
               Page             *first)
{
  guint old_n = self->n_items;

  clear_pages (self);
  if (first != NULL)
    {
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (0), first);
      touch_page (self, 0);
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
  g_signal_emit (self, signals[RELOADED], 0);
}

/* The threaded model's reload keeps its row objects: the rows both lists have get
 * their new values in place (the widgets showing them update, the list views keep
 * their widgets, the selection and the scroll position), and only the difference in
 * length is an items-changed, at the end.  GTK 4.8 rebuilds every row widget when
 * all rows go and come, and reads every added item when a change both removes and
 * adds (see finish_reload ()); a change at the end that only removes or only adds
 * does neither. */
static void
apply_reload (DocketPagedModel *self,
              guint             new_n,
              GPtrArray        *first_rows)
{
  guint old_n = self->n_items;
  guint common = MIN (old_n, new_n);
  g_autoptr(GList) indexes = g_hash_table_get_keys (self->pages);
  Page *first;

  self->n_items = new_n;
  for (GList *l = indexes; l != NULL; l = l->next)
    {
      guint index = GPOINTER_TO_UINT (l->data);
      Page *page = g_hash_table_lookup (self->pages, l->data);

      /* Pages off screen are read again only when asked for. */
      if (index * PAGE_SIZE >= common || (index != 0 && !page_is_shown (page)))
        {
          evict_page (self, g_queue_find (&self->page_order, l->data));
          continue;
        }
      g_ptr_array_set_size (page->records, MIN (page->records->len, page_length (self, index)));
      while (page->records->len < page_length (self, index))
        g_ptr_array_add (page->records, docket_record_new_placeholder ());
      if (index != 0)
        push_job (self, JOB_PAGE, index, page);
    }
  if (new_n > 0)
    {
      first = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (0));
      if (first == NULL)
        {
          first = page_new_placeholders (page_length (self, 0));
          g_hash_table_insert (self->pages, GUINT_TO_POINTER (0), first);
        }
      fill_page (first, first_rows);
      touch_page (self, 0);
    }

  if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
  else if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
  g_signal_emit (self, signals[RELOADED], 0);
}

static void
deliver_reload (DocketPagedModel *self,
                Job              *job)
{
  self->loading = FALSE;
  if (job->error != NULL)
    {
      g_warning ("Could not count rows: %s", job->error->message);
      set_error (self, g_steal_pointer (&job->error));
      apply_reload (self, 0, NULL);
      return;
    }
  apply_reload (self, job->count, job->rows);
}

static void
deliver_page (DocketPagedModel *self,
              Job              *job)
{
  if (job->error != NULL)
    {
      g_warning ("Could not read rows %u…: %s", job->page_index * PAGE_SIZE, job->error->message);
      set_error (self, g_steal_pointer (&job->error));
      return;
    }
  /* The page may have left the cache; rows still on screen are filled all the same. */
  fill_page (job->page, job->rows);
}

static gboolean
deliver_job (gpointer data)
{
  Job *job = data;
  g_autoptr(DocketPagedModel) self = g_weak_ref_get (&job->worker->model);

  if (self == NULL || job->generation != self->generation)
    return G_SOURCE_REMOVE;
  if (job->kind == JOB_RELOAD)
    deliver_reload (self, job);
  else
    deliver_page (self, job);
  return G_SOURCE_REMOVE;
}

/* GListModel. */

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

static gpointer
docket_paged_model_get_item (GListModel *model,
                             guint       position)
{
  DocketPagedModel *self = DOCKET_PAGED_MODEL (model);
  Page *page;
  guint index = position % PAGE_SIZE;

  if (position >= self->n_items)
    return NULL;
  if (self->worker != NULL)
    page = request_page (self, position / PAGE_SIZE);
  else
    page = load_page_now (self, position / PAGE_SIZE);
  /* The records can change between the count and the page; a row that is gone
   * reads as the end of the list until the next reload. */
  if (page == NULL || index >= page->records->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (page->records, index));
}

static void
docket_paged_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = docket_paged_model_get_item_type;
  iface->get_n_items = docket_paged_model_get_n_items;
  iface->get_item = docket_paged_model_get_item;
}

/* GObject. */

static void
docket_paged_model_dispose (GObject *object)
{
  DocketPagedModel *self = DOCKET_PAGED_MODEL (object);

  /* The worker may be in a long query: it is not waited for, it ends after it. */
  if (self->worker != NULL)
    {
      push_job (self, JOB_QUIT, 0, NULL);
      g_clear_pointer (&self->worker, worker_unref);
      g_clear_pointer (&self->thread, g_thread_unref);
    }
  g_clear_pointer (&self->snapshot, snapshot_unref);

  G_OBJECT_CLASS (docket_paged_model_parent_class)->dispose (object);
}

static void
docket_paged_model_finalize (GObject *object)
{
  DocketPagedModel *self = DOCKET_PAGED_MODEL (object);

  clear_pages (self);
  g_hash_table_unref (self->pages);
  g_clear_error (&self->error);
  if (self->destroy != NULL)
    self->destroy (self->user_data);

  G_OBJECT_CLASS (docket_paged_model_parent_class)->finalize (object);
}

static void
docket_paged_model_class_init (DocketPagedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = docket_paged_model_dispose;
  object_class->finalize = docket_paged_model_finalize;

  /**
   * DocketPagedModel::reloaded:
   *
   * A reload is done: the model has its new count (and, threaded, its first page).
   */
  signals[RELOADED] = g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
docket_paged_model_init (DocketPagedModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_unref);
  g_queue_init (&self->page_order);
}

/* Public API. */

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
 * docket_paged_model_new_threaded:
 * @funcs: how the worker thread counts and reads
 * @fetch_now: reads a page on the calling thread, for the rare caller that needs a
 *   row's record at once (docket_paged_model_dup_loaded ())
 * @user_data: for @funcs->snapshot and @fetch_now
 *
 * A model that reads on a worker thread of its own; see the comment at the top.
 * It starts empty and counts in the background: call docket_paged_model_reload ().
 */
DocketPagedModel *
docket_paged_model_new_threaded (const DocketPagedThreadFuncs *funcs,
                                 DocketPagedFetchFunc          fetch_now,
                                 gpointer                      user_data,
                                 GDestroyNotify                destroy)
{
  DocketPagedModel *self;
  Worker *worker;

  g_return_val_if_fail (funcs != NULL && funcs->snapshot != NULL && funcs->count != NULL &&
                        funcs->fetch != NULL && fetch_now != NULL, NULL);

  self = g_object_new (DOCKET_TYPE_PAGED_MODEL, NULL);
  self->fetch_func = fetch_now;
  self->user_data = user_data;
  self->destroy = destroy;

  worker = g_new0 (Worker, 1);
  g_atomic_ref_count_init (&worker->ref);
  worker->queue = g_async_queue_new_full ((GDestroyNotify) job_free);
  worker->funcs = *funcs;
  worker->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&worker->model, self);
  self->worker = worker;
  self->thread = g_thread_new ("docket-paged-model", worker_main, worker_ref (worker));
  return self;
}

/**
 * docket_paged_model_reload:
 *
 * Drops the cached pages and counts the rows again, after the records or the
 * filter changed.  The threaded model keeps its rows until the new count and first
 * page have been read, then emits #DocketPagedModel::reloaded.
 */
void
docket_paged_model_reload (DocketPagedModel *self)
{
  g_autoptr(GError) error = NULL;
  gpointer data;
  guint new_n = 0;

  g_return_if_fail (DOCKET_IS_PAGED_MODEL (self));

  g_clear_error (&self->error);
  if (self->worker != NULL)
    {
      self->generation++;
      g_atomic_int_set (&self->worker->generation, (int) self->generation);
      g_clear_pointer (&self->snapshot, snapshot_unref);
      data = self->worker->funcs.snapshot (self->user_data);
      if (data == NULL)
        {
          self->loading = FALSE;
          apply_reload (self, 0, NULL);
          return;
        }
      self->snapshot = g_new0 (Snapshot, 1);
      g_atomic_ref_count_init (&self->snapshot->ref);
      self->snapshot->data = data;
      self->snapshot->free = self->worker->funcs.snapshot_free;
      self->loading = TRUE;
      push_job (self, JOB_RELOAD, 0, NULL);
      return;
    }

  if (!self->count_func (self->user_data, &new_n, &error))
    {
      g_warning ("Could not count rows: %s", error->message);
      set_error (self, g_steal_pointer (&error));
      new_n = 0;
    }
  finish_reload (self, new_n, NULL);
}

/**
 * docket_paged_model_is_loading:
 *
 * Returns: whether a reload is underway (the rows shown are the previous ones)
 */
gboolean
docket_paged_model_is_loading (DocketPagedModel *self)
{
  g_return_val_if_fail (DOCKET_IS_PAGED_MODEL (self), FALSE);
  return self->loading;
}

/**
 * docket_paged_model_dup_loaded:
 * @position: a row
 *
 * The record at @position with its value, read on this thread if its page has not
 * arrived yet: for acting on a row (opening it, starring it), not for showing it.
 *
 * Returns: (transfer full) (nullable): the record, or %NULL past the end
 */
DocketRecord *
docket_paged_model_dup_loaded (DocketPagedModel *self,
                               guint             position)
{
  g_autoptr(DocketRecord) record = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint index = position / PAGE_SIZE;
  Page *page;

  g_return_val_if_fail (DOCKET_IS_PAGED_MODEL (self), NULL);

  record = g_list_model_get_item (G_LIST_MODEL (self), position);
  if (record == NULL || docket_record_is_loaded (record))
    return g_steal_pointer (&record);
  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  g_assert (page != NULL);
  rows = self->fetch_func (self->user_data, index * PAGE_SIZE, page->records->len, &error);
  if (rows == NULL)
    {
      g_warning ("Could not read rows %u…: %s", index * PAGE_SIZE, error->message);
      set_error (self, g_steal_pointer (&error));
      return NULL;
    }
  fill_page (page, rows);
  return docket_record_is_loaded (record) ? g_steal_pointer (&record) : NULL;
}

const GError *
docket_paged_model_get_error (DocketPagedModel *self)
{
  g_return_val_if_fail (DOCKET_IS_PAGED_MODEL (self), NULL);
  return self->error;
}
