/* docket-items-view.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-items"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-item-cell.h"
#include "docket-item-page.h"
#include "docket-export-job.h"
#include "docket-items-export.h"
#include "docket-items-view.h"
#include "docket-paged-model.h"
#include "docket-store-cache.h"
#include "docket-store-items.h"
#include "docket-store-units.h"
#include "docket-toast.h"

/* The sidebar's first row, before the store's views, when "my units" are set. */
#define VIEW_MY_UNITS (-1)

/* Sorting happens in SQL.  GTK 4.8 cannot tell which column header was clicked, so
 * each sortable column has a sorter that, when asked to compare, notes which column
 * it is; comparing two dummy rows with the column view's sorter then names the
 * primary column and (by the sign of the answer) its direction. */
typedef struct
{
  const char     *column;
  DocketItemSort  sort;
} SortableColumn;

static const SortableColumn sortable_columns[] = {
  { "content", DOCKET_ITEM_SORT_CONTENT },
  { "lead", DOCKET_ITEM_SORT_LEAD_UNIT },
  { "deadline", DOCKET_ITEM_SORT_DEADLINE },
  { "days", DOCKET_ITEM_SORT_DEADLINE },
  { "status", DOCKET_ITEM_SORT_STATUS },
  { "meeting", DOCKET_ITEM_SORT_MEETING_DATE },
};

struct _DocketItemsView
{
  AdwBin              parent_instance;

  DocketStore        *store;
  GSettings          *settings;
  DocketCalendar     *calendar;
  DocketPagedModel   *model;
  GtkMultiSelection  *selection;
  GArray             *unit_ids;     /* dropdown position - 1 → unit id */
  GArray             *my_units;     /* from the settings */
  DocketDate          pinned_today;
  int                 view;         /* DocketItemView, or VIEW_MY_UNITS */
  DocketItemSort      sort;
  gboolean            descending;
  int                 sorted_column; /* set by the sorters' compare functions */
  guint               reload_id;
  gboolean            filling;
  gboolean            to_top;             /* the next reload is another list */
  GCancellable       *counts_cancellable; /* the sidebar's counts being made */
  char               *counts_key;         /* the filters they are made for */
  char               *counts_done_key;    /* …and those of the counts shown */
  guint               counts_done_gen;
  guint               counts[DOCKET_ITEM_N_VIEWS];
  guint               data_gen;           /* counts the store's changes */
  GtkWidget          *count_labels[DOCKET_ITEM_N_VIEWS + 1];
  /* A figure of the period report (docket_items_view_show_figure ()): the report's
   * period, the day its statuses are taken on, and the on-time/late split. */
  gboolean             figure;
  DocketDate           figure_from;
  DocketDate           figure_to;
  DocketDate           figure_day;
  DocketItemCompletion figure_completion;

  AdwLeaflet         *leaflet;
  GtkListBox         *views_list;
  GtkDropDown        *unit_dropdown;
  GtkCheckButton     *coordinating_check;
  GtkEntry           *from_entry;
  GtkEntry           *to_entry;
  GtkLabel           *filter_error;
  GtkRevealer        *figure_revealer;
  GtkLabel           *figure_label;
  GtkStack           *content_stack;
  GtkStack           *list_stack;
  GtkLabel           *count_label;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  DocketItemPage     *item_page;
};

G_DEFINE_FINAL_TYPE (DocketItemsView, docket_items_view, ADW_TYPE_BIN)

static void fill_units (DocketItemsView *self);

static DocketDate
today (DocketItemsView *self)
{
  return self->pinned_today != DOCKET_DATE_NONE ? self->pinned_today : docket_date_today (NULL);
}

static const char *
view_label (int view)
{
  switch (view)
    {
    case VIEW_MY_UNITS: return _("My Units");
    case DOCKET_ITEM_VIEW_ALL: return _("All");
    case DOCKET_ITEM_VIEW_OVERDUE: return _("Overdue");
    case DOCKET_ITEM_VIEW_DUE_SOON: return _("Due Soon");
    case DOCKET_ITEM_VIEW_IN_PROGRESS: return _("In Progress");
    case DOCKET_ITEM_VIEW_AWAITING: return _("Awaiting Confirmation");
    case DOCKET_ITEM_VIEW_COMPLETED: return _("Completed");
    case DOCKET_ITEM_VIEW_NO_DEADLINE: return _("No Deadline");
    case DOCKET_ITEM_VIEW_STARRED: return _("Starred");
    case DOCKET_ITEM_VIEW_CANCELLED:
    default: return _("Cancelled");
    }
}

/* Builds the query the table and the counts share; FALSE (with the problem shown
 * under the filters) when a typed date is not a date. */
static gboolean
build_query (DocketItemsView *self,
             DocketItemQuery *query)
{
  g_autoptr(GError) error = NULL;
  guint unit = gtk_drop_down_get_selected (self->unit_dropdown);
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));
  int due_soon = self->settings ? g_settings_get_int (self->settings, "due-soon-days") : 3;

  DocketDate day = self->figure ? self->figure_day : today (self);

  docket_item_query_init (query, day);
  query->due_soon_until = docket_store_due_soon_until (self->calendar, day, due_soon);
  if (self->figure)
    {
      query->period_from = self->figure_from;
      query->period_to = self->figure_to;
      query->completion = self->figure_completion;
    }
  query->view = self->view == VIEW_MY_UNITS ? DOCKET_ITEM_VIEW_ALL : self->view;
  query->sort = self->sort;
  query->descending = self->descending;
  query->include_coordinating = gtk_check_button_get_active (self->coordinating_check);

  if (self->view == VIEW_MY_UNITS && self->my_units->len > 0)
    {
      query->unit_ids = (DocketId *) self->my_units->data;
      query->n_units = self->my_units->len;
    }
  else if (unit != GTK_INVALID_LIST_POSITION && unit > 0 && unit <= self->unit_ids->len)
    {
      query->unit_ids = &g_array_index (self->unit_ids, DocketId, unit - 1);
      query->n_units = 1;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
  if (*from != '\0' && !docket_date_parse (from, &query->deadline_from, &error))
    gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
  else if (*to != '\0' && !docket_date_parse (to, &query->deadline_to, &error))
    gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
  gtk_label_set_label (self->filter_error, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->filter_error), error != NULL);
  return error == NULL;
}

/* A copy of the query and of what it points to, for a worker thread: the view's
 * own query changes meanwhile. */
typedef struct
{
  DocketItemQuery  query;
  DocketId        *unit_ids;
  char            *text;
  char            *path;
  char            *count_key;    /* counts_key () and the view */
  guint            data_gen;     /* DocketItemsView.data_gen when copied */
  gint64           known_count;  /* the sidebar's count of this list, or -1 */
} QueryCopy;

static void
query_copy_free (QueryCopy *copy)
{
  g_free (copy->unit_ids);
  g_free (copy->text);
  g_free (copy->path);
  g_free (copy->count_key);
  g_free (copy);
}

static QueryCopy *
query_copy_new (DocketItemsView       *self,
                const DocketItemQuery *query)
{
  QueryCopy *copy = g_new0 (QueryCopy, 1);

  copy->query = *query;
  copy->unit_ids = query->n_units ? g_memdup2 (query->unit_ids, sizeof (DocketId) * query->n_units)
                                  : NULL;
  copy->query.unit_ids = copy->unit_ids;
  copy->text = g_strdup (query->text);
  copy->query.text = copy->text;
  copy->path = g_strdup (docket_store_get_path (self->store));
  copy->known_count = -1;
  return copy;
}

/* The rows of a page as the cells show them; takes @rows. */
static GPtrArray *
records_from_rows (DocketStore *store,
                   GPtrArray   *rows,
                   DocketDate   today)
{
  g_autoptr(GPtrArray) owned = rows;
  GPtrArray *records = g_ptr_array_new_full (rows->len, g_object_unref);

  g_ptr_array_set_free_func (rows, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      DocketItemEntry *entry = g_new0 (DocketItemEntry, 1);

      entry->row = g_ptr_array_index (rows, i);
      entry->today = today;
      entry->coordinating = g_strdup (entry->row->coordinating_names);
      g_ptr_array_add (records, docket_record_new (entry, (GDestroyNotify) docket_item_entry_free,
                                                   entry->row->item->id));
    }
  return records;
}

/* The list's worker thread keeps its own connection between pages, so that the
 * store's keyset anchors of the list serve the next page, and the last count it
 * made: a new order of the same items, with no change to the records since, has the
 * same count. */
typedef struct
{
  DocketStore *store;
  char        *count_key;
  guint        data_gen;
  guint        count;
} ItemsWorker;

static void
items_worker_free (gpointer data)
{
  ItemsWorker *worker = data;

  g_clear_object (&worker->store);
  g_free (worker->count_key);
  g_free (worker);
}

/* A worker's connection reads a page of rows, or counts once through an index: a
 * small page cache serves it as well as the default one, which over a million items
 * would keep tens of megabytes of the file in the application's memory. */
#define WORKER_CACHE_KIB 1024

static DocketStore *
worker_store (gpointer    *thread_state,
              const char  *path,
              GError     **error)
{
  ItemsWorker *worker = *thread_state;

  if (worker == NULL)
    *thread_state = worker = g_new0 (ItemsWorker, 1);
  if (worker->store != NULL && g_strcmp0 (docket_store_get_path (worker->store), path) == 0)
    return worker->store;
  g_clear_object (&worker->store);
  g_clear_pointer (&worker->count_key, g_free);
  worker->store = docket_store_open_with_cache (path, WORKER_CACHE_KIB, error);
  return worker->store;
}

static char *counts_key (const DocketItemQuery *query);

static gpointer
snapshot_items (gpointer user_data)
{
  DocketItemsView *self = user_data;
  g_autofree char *key = NULL;
  DocketItemQuery query;
  QueryCopy *copy;

  if (self->store == NULL || !docket_store_is_open (self->store) || !build_query (self, &query))
    return NULL;
  copy = query_copy_new (self, &query);
  key = counts_key (&query);
  copy->count_key = g_strdup_printf ("%d/%s", query.view, key);
  copy->data_gen = self->data_gen;
  /* Another view of the same items: the sidebar has counted it already. */
  if (self->counts_done_key != NULL && g_str_equal (key, self->counts_done_key) &&
      self->counts_done_gen == self->data_gen)
    copy->known_count = self->counts[query.view];
  return copy;
}

static gboolean
count_items_thread (gpointer   snapshot,
                    gpointer  *thread_state,
                    guint     *out_count,
                    GError   **error)
{
  QueryCopy *copy = snapshot;
  DocketStore *store = worker_store (thread_state, copy->path, error);
  ItemsWorker *worker = *thread_state;

  if (store == NULL)
    return FALSE;
  if (copy->known_count >= 0)
    *out_count = (guint) copy->known_count;
  else if (worker->count_key != NULL && g_str_equal (worker->count_key, copy->count_key) &&
           worker->data_gen == copy->data_gen)
    *out_count = worker->count;
  else if (!docket_store_count_items (store, &copy->query, out_count, error))
    return FALSE;
  g_free (worker->count_key);
  worker->count_key = g_strdup (copy->count_key);
  worker->data_gen = copy->data_gen;
  worker->count = *out_count;
  return TRUE;
}

static GPtrArray *
fetch_items_thread (gpointer   snapshot,
                    gpointer  *thread_state,
                    guint      offset,
                    guint      limit,
                    GError   **error)
{
  QueryCopy *copy = snapshot;
  DocketStore *store = worker_store (thread_state, copy->path, error);
  GPtrArray *rows;

  if (store == NULL)
    return NULL;
  rows = docket_store_list_items_at (store, &copy->query, offset, limit, error);
  if (rows == NULL)
    return NULL;
  return records_from_rows (store, g_steal_pointer (&rows), copy->query.today);
}

static const DocketPagedThreadFuncs items_thread_funcs = {
  .snapshot = snapshot_items,
  .snapshot_free = (GDestroyNotify) query_copy_free,
  .count = count_items_thread,
  .fetch = fetch_items_thread,
  .thread_state_free = items_worker_free,
};

/* For acting on a row whose page has not arrived: on the view's connection. */
static GPtrArray *
fetch_items_now (gpointer  user_data,
                 guint     offset,
                 guint     limit,
                 GError  **error)
{
  DocketItemsView *self = user_data;
  g_autoptr(GPtrArray) rows = NULL;
  DocketItemQuery query;

  if (self->store == NULL || !build_query (self, &query))
    return g_ptr_array_new_with_free_func (g_object_unref);
  rows = docket_store_list_items_at (self->store, &query, offset, limit, error);
  if (rows == NULL)
    return NULL;
  return records_from_rows (self->store, g_steal_pointer (&rows), query.today);
}

/* The sidebar's counts answer "how many in each view" for the other filters as set;
 * over a million items they take a second, so a worker makes them on its own
 * connection while the sidebar shows the previous ones. */
static void
count_by_view_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  QueryCopy *copy = task_data;
  g_autoptr(DocketStore) store = NULL;
  g_autofree guint *counts = g_new0 (guint, DOCKET_ITEM_N_VIEWS);
  GError *error = NULL;

  store = docket_store_open_with_cache (copy->path, WORKER_CACHE_KIB, &error);
  if (store == NULL || !docket_store_count_items_by_view (store, &copy->query, counts, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&counts), g_free);
}

static void
on_counts_made_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  DocketItemsView *self = DOCKET_ITEMS_VIEW (source);
  g_autoptr(GError) error = NULL;
  g_autofree guint *counts = g_task_propagate_pointer (G_TASK (result), &error);

  /* Newer counts were asked for: these are stale. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->counts_cancellable);
  if (counts == NULL)
    {
      g_warning ("Could not count the items of each view: %s", error->message);
      g_clear_pointer (&self->counts_key, g_free);
      return;
    }
  for (int view = 0; view < DOCKET_ITEM_N_VIEWS; view++)
    {
      g_autofree char *text = g_strdup_printf ("%u", counts[view]);
      gtk_label_set_label (GTK_LABEL (self->count_labels[view + 1]), text);
      self->counts[view] = counts[view];
    }
  g_free (self->counts_done_key);
  self->counts_done_key = g_strdup (self->counts_key);
  self->counts_done_gen = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "docket-data-gen"));
}

/* What the counts depend on: every filter but the view, and not the order. */
static char *
counts_key (const DocketItemQuery *query)
{
  GString *key = g_string_new (NULL);

  g_string_append_printf (key, "%u/%u/%d/%" G_GINT64_FORMAT "/%u/%u/%d/", query->today,
                          query->due_soon_until, query->include_coordinating,
                          (gint64) query->meeting_id, query->deadline_from, query->deadline_to,
                          query->starred_only);
  for (guint i = 0; i < query->n_units; i++)
    g_string_append_printf (key, "%" G_GINT64_FORMAT ",", (gint64) query->unit_ids[i]);
  g_string_append_printf (key, "/%s", query->text != NULL ? query->text : "");
  /* A figure of the period report counts within its period. */
  g_string_append_printf (key, "/%u/%u/%d", query->period_from, query->period_to,
                          query->completion);
  return g_string_free (key, FALSE);
}

static void
update_counts (DocketItemsView *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *key = NULL;
  DocketItemQuery query;

  if (self->store == NULL || !docket_store_is_open (self->store) || !build_query (self, &query))
    return;
  key = counts_key (&query);
  /* A new order or another view does not change them. */
  if (g_strcmp0 (key, self->counts_key) == 0)
    return;
  g_free (self->counts_key);
  self->counts_key = g_steal_pointer (&key);
  if (self->counts_cancellable != NULL)
    g_cancellable_cancel (self->counts_cancellable);
  g_clear_object (&self->counts_cancellable);
  self->counts_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->counts_cancellable, on_counts_made_cb, NULL);
  g_task_set_source_tag (task, update_counts);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, query_copy_new (self, &query), (GDestroyNotify) query_copy_free);
  g_object_set_data (G_OBJECT (task), "docket-data-gen", GUINT_TO_POINTER (self->data_gen));
  g_task_run_in_thread (task, count_by_view_thread);
}

static void
on_model_reloaded_cb (DocketItemsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *count = NULL;

  /* The model keeps the rows' positions, which keeps the selection and the place in
   * the list when the records change; another order, view or filter is another list,
   * read from its top. */
  if (self->to_top)
    {
      self->to_top = FALSE;
      gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
      gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view)), 0);
    }

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n), n);
  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "table" : "empty");
  if (n == 0)
    {
      gboolean filtered = self->view != DOCKET_ITEM_VIEW_ALL ||
                          gtk_drop_down_get_selected (self->unit_dropdown) > 0 ||
                          *gtk_editable_get_text (GTK_EDITABLE (self->from_entry)) != '\0' ||
                          *gtk_editable_get_text (GTK_EDITABLE (self->to_entry)) != '\0';
      adw_status_page_set_title (self->empty_page, filtered ? _("No Items Match") : _("No Directive Items"));
      adw_status_page_set_description (self->empty_page,
                                       filtered ? _("Nothing matches these filters. Choose “All” and “All units”, or clear the deadline dates.")
                                                : _("Items come from the conclusions of a meeting. Open a meeting and give each conclusion a lead unit and a deadline."));
    }
}

/* Reads the list and the counts again; both arrive from workers, and what is shown
 * stays until they do. */
static void
reload (DocketItemsView *self)
{
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->model == NULL)
    return;
  docket_paged_model_reload (self->model);
  update_counts (self);
}

static gboolean
on_reload_idle_cb (gpointer user_data)
{
  DocketItemsView *self = user_data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (DocketItemsView *self)
{
  if (self->model == NULL)
    return;
  /* At default priority: an idle source can wait behind a busy frame clock. */
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT, on_reload_idle_cb, self, NULL);
}

static void
on_store_changed_cb (DocketItemsView *self,
                     const char      *kind)
{
  if (g_strcmp0 (kind, "units") == 0)
    fill_units (self);
  g_clear_pointer (&self->counts_key, g_free);
  self->data_gen++;
  queue_reload (self);
}

static void
on_filter_changed_cb (DocketItemsView *self)
{
  if (!self->filling)
    {
      self->to_top = TRUE;
      queue_reload (self);
    }
}

static void
set_figure (DocketItemsView *self,
            gboolean         figure)
{
  self->figure = figure;
  gtk_revealer_set_reveal_child (self->figure_revealer, figure);
}

static void
on_view_selected_cb (DocketItemsView *self,
                     GtkListBoxRow   *row)
{
  if (row == NULL)
    return;
  self->view = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "docket-view"));
  /* Another view chosen by hand leaves the report's figure. */
  if (!self->filling)
    set_figure (self, FALSE);
  if (!self->filling)
    {
      self->to_top = TRUE;
      reload (self);
      gtk_stack_set_visible_child_name (self->content_stack, "list");
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
    }
}

static void
on_column_view_activated_cb (DocketItemsView *self,
                             guint            position)
{
  g_autoptr(DocketRecord) record = docket_paged_model_dup_loaded (self->model, position);

  if (record != NULL)
    docket_items_view_show_item (self, docket_record_get_id (record));
}

static int
note_column_cb (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  int *slot = g_object_get_data (G_OBJECT (user_data), "docket-slot");
  *slot = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (user_data), "docket-column-index"));
  return GTK_ORDERING_SMALLER;
}

static void
on_sorter_changed_cb (GtkSorter       *sorter,
                      GtkSorterChange  change,
                      DocketItemsView *self)
{
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  self->sorted_column = -1;
  order = gtk_sorter_compare (sorter, a, b);
  if (self->sorted_column < 0)
    {
      self->sort = DOCKET_ITEM_SORT_DEADLINE;
      self->descending = FALSE;
    }
  else
    {
      self->sort = sortable_columns[self->sorted_column].sort;
      self->descending = order == GTK_ORDERING_LARGER;
    }
  self->to_top = TRUE;
  queue_reload (self);
}

static void
setup_sorting (DocketItemsView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *id = g_object_get_data (G_OBJECT (column), "docket-column");

      for (guint s = 0; s < G_N_ELEMENTS (sortable_columns); s++)
        if (g_strcmp0 (id, sortable_columns[s].column) == 0)
          {
            GtkCustomSorter *sorter = gtk_custom_sorter_new (NULL, NULL, NULL);

            g_object_set_data (G_OBJECT (sorter), "docket-column-index", GINT_TO_POINTER (s));
            g_object_set_data (G_OBJECT (sorter), "docket-slot", &self->sorted_column);
            gtk_custom_sorter_set_sort_func (sorter, note_column_cb, sorter, NULL);
            gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
            g_object_unref (sorter);
          }
    }
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, 0);
}

static void
star_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DocketItemsView *self = DOCKET_ITEMS_VIEW (widget);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  gboolean starred = g_variant_get_boolean (parameter);
  GtkBitsetIter iter;
  guint position;

  if (!gtk_bitset_iter_init_first (&iter, selected, &position))
    return;
  do
    {
      g_autoptr(DocketRecord) record = docket_paged_model_dup_loaded (self->model, position);
      g_autoptr(GError) error = NULL;

      if (record != NULL &&
          !docket_store_set_item_starred (self->store, docket_record_get_id (record), starred, &error))
        {
          /* Say why, where the person is looking, and stop at the first refusal. */
          docket_toast_show (widget, error->message, NULL, NULL, NULL);
          return;
        }
    }
  while (gtk_bitset_iter_next (&iter, &position));
}

/* The worker gets its own copy of the query: the view's may change meanwhile. */
typedef struct
{
  DocketItemQuery query;
  DocketId       *unit_ids;
  char           *text;
  gboolean        csv;
} ExportItems;

static void
export_items_free (ExportItems *export)
{
  g_free (export->unit_ids);
  g_free (export->text);
  g_free (export);
}

static gboolean
write_items (DocketStore              *store,
             const char               *path,
             DocketExportProgressFunc  progress,
             gpointer                  progress_data,
             GCancellable             *cancellable,
             gpointer                  job_data,
             GError                  **error)
{
  ExportItems *export = job_data;

  if (export->csv)
    return docket_export_items_csv (store, &export->query, path, progress, progress_data,
                                    cancellable, error);
  return docket_export_items_xlsx (store, &export->query, path, progress, progress_data,
                                   cancellable, error);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DocketItemsView *self = DOCKET_ITEMS_VIEW (widget);
  gboolean csv = g_str_equal (g_variant_get_string (parameter, NULL), "csv");
  ExportItems *export = g_new0 (ExportItems, 1);

  if (self->store == NULL || !build_query (self, &export->query))
    {
      g_free (export);
      return;
    }
  export->csv = csv;
  export->unit_ids = export->query.n_units
                     ? g_memdup2 (export->query.unit_ids, sizeof (DocketId) * export->query.n_units)
                     : NULL;
  export->query.unit_ids = export->unit_ids;
  export->text = g_strdup (export->query.text);
  export->query.text = export->text;
  docket_export_job_run (widget, self->store,
                         csv ? _("Save the Items as CSV") : _("Save the Items as a Spreadsheet"),
                         csv ? "nhiem-vu.csv" : "nhiem-vu.xlsx", write_items, export,
                         (GDestroyNotify) export_items_free);
}

static void
clear_figure_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DocketItemsView *self = DOCKET_ITEMS_VIEW (widget);

  set_figure (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  reload (self);
}

static void
back_to_filters_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  adw_leaflet_navigate (DOCKET_ITEMS_VIEW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
back_to_list_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DocketItemsView *self = DOCKET_ITEMS_VIEW (widget);

  gtk_stack_set_visible_child_name (self->content_stack, "list");
  queue_reload (self);
}

static void
fill_views (DocketItemsView *self)
{
  GtkWidget *row;

  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->views_list, 0))) != NULL)
    gtk_list_box_remove (self->views_list, row);

  for (int view = VIEW_MY_UNITS; view < DOCKET_ITEM_N_VIEWS; view++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (view_label (view));
      GtkWidget *count = gtk_label_new (NULL);

      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (count, "dim-label");
      gtk_widget_add_css_class (count, "numeric");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), count);
      self->count_labels[view + 1] = count;
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data (G_OBJECT (row), "docket-view", GINT_TO_POINTER (view));
      gtk_list_box_append (self->views_list, row);
      if (view == VIEW_MY_UNITS)
        gtk_widget_set_visible (row, self->my_units->len > 0);
    }
}

static void
fill_units (DocketItemsView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) units = NULL;

  g_array_set_size (self->unit_ids, 0);
  gtk_string_list_append (names, _("All units"));
  if (self->store != NULL)
    units = docket_store_list_units (self->store, TRUE, NULL);
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      DocketUnit *unit = g_ptr_array_index (units, i);
      gtk_string_list_append (names, unit->name);
      g_array_append_val (self->unit_ids, unit->id);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->unit_dropdown, 0);
  self->filling = FALSE;
}

static void
read_my_units (DocketItemsView *self)
{
  g_autoptr(GVariant) value = NULL;
  gsize n = 0;
  const gint64 *ids;

  g_array_set_size (self->my_units, 0);
  if (self->settings == NULL)
    return;
  value = g_settings_get_value (self->settings, "my-units");
  ids = g_variant_get_fixed_array (value, &n, sizeof (gint64));
  g_array_append_vals (self->my_units, ids, n);
}

static void
on_my_units_changed_cb (DocketItemsView *self)
{
  read_my_units (self);
  gtk_widget_set_visible (GTK_WIDGET (gtk_list_box_get_row_at_index (self->views_list, 0)),
                          self->my_units->len > 0);
  self->to_top = TRUE;
  queue_reload (self);
}

static void
docket_items_view_dispose (GObject *object)
{
  DocketItemsView *self = DOCKET_ITEMS_VIEW (object);

  /* A change committed while the window goes away must not queue a reload of a
   * view whose model is gone. */
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->counts_cancellable != NULL)
    g_cancellable_cancel (self->counts_cancellable);
  g_clear_object (&self->counts_cancellable);
  g_clear_pointer (&self->counts_key, g_free);
  g_clear_pointer (&self->counts_done_key, g_free);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  /* No gtk_widget_dispose_template (): AdwBin unparents its child itself. */
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->calendar, docket_calendar_unref);

  G_OBJECT_CLASS (docket_items_view_parent_class)->dispose (object);
}

static void
docket_items_view_finalize (GObject *object)
{
  DocketItemsView *self = DOCKET_ITEMS_VIEW (object);

  g_array_unref (self->unit_ids);
  g_array_unref (self->my_units);

  G_OBJECT_CLASS (docket_items_view_parent_class)->finalize (object);
}

static void
docket_items_view_class_init (DocketItemsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_items_view_dispose;
  object_class->finalize = docket_items_view_finalize;

  g_type_ensure (DOCKET_TYPE_ITEM_CELL);
  g_type_ensure (DOCKET_TYPE_ITEM_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/docket-items-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketItemsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DocketItemsView, views_list);
  gtk_widget_class_bind_template_child (widget_class, DocketItemsView, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DocketItemsView, coordinating_check);
  gtk_widget_class_bind_template_child (widget_class, DocketItemsView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketItemsView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketItemsView, filter_error);
  gtk_widget_class_bind_template_child (widget_class, DocketItemsView, figure_revealer);
  gtk_widget_class_bind_template_child (widget_class, DocketItemsView, figure_label);
  gtk_widget_class_bind_template_child (widget_class, DocketItemsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DocketItemsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DocketItemsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, DocketItemsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, DocketItemsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DocketItemsView, item_page);
  gtk_widget_class_bind_template_callback (widget_class, on_view_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activated_cb);

  gtk_widget_class_install_action (widget_class, "items.star-selected", "b", star_selected_action);
  gtk_widget_class_install_action (widget_class, "items.back-to-filters", NULL, back_to_filters_action);
  gtk_widget_class_install_action (widget_class, "items.clear-figure", NULL, clear_figure_action);
  gtk_widget_class_install_action (widget_class, "items.back", NULL, back_to_list_action);
  gtk_widget_class_install_action (widget_class, "items.export", "s", export_action);
}

static void
docket_items_view_init (DocketItemsView *self)
{
  GListModel *columns;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (DocketId));
  self->my_units = g_array_new (FALSE, FALSE, sizeof (DocketId));
  self->calendar = docket_calendar_new ();
  self->view = DOCKET_ITEM_VIEW_ALL;
  self->sort = DOCKET_ITEM_SORT_DEADLINE;

  /* Columns are named in the order of the .ui (GTK 4.8 has no column ids); their
   * cells are made in C (see docket-item-cell.c for why). */
  columns = gtk_column_view_get_columns (self->column_view);
  g_assert (g_list_model_get_n_items (columns) == DOCKET_ITEM_N_COLUMNS);
  for (guint i = 0; i < DOCKET_ITEM_N_COLUMNS; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(GtkListItemFactory) factory = docket_item_cell_factory_new (i);
      static const char *ids[] = { "star", "content", "lead", "coordinating", "deadline", "days",
                                   "status", "meeting" };

      G_STATIC_ASSERT (G_N_ELEMENTS (ids) == DOCKET_ITEM_N_COLUMNS);
      g_object_set_data (G_OBJECT (column), "docket-column", (gpointer) ids[i]);
      gtk_column_view_column_set_factory (column, factory);
    }

  self->model = docket_paged_model_new_threaded (&items_thread_funcs, fetch_items_now, self, NULL);
  g_signal_connect_object (self->model, "reloaded", G_CALLBACK (on_model_reloaded_cb), self,
                           G_CONNECT_SWAPPED);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  setup_sorting (self);

  self->filling = TRUE;
  fill_views (self);
  gtk_list_box_select_row (self->views_list, gtk_list_box_get_row_at_index (self->views_list, 1));
  self->filling = FALSE;

  g_signal_connect_object (self->unit_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->coordinating_check, "toggled", G_CALLBACK (on_filter_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_entry, "changed", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_entry, "changed", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
docket_items_view_set_store (DocketItemsView *self,
                             DocketStore     *store,
                             GSettings       *settings)
{
  g_return_if_fail (DOCKET_IS_ITEMS_VIEW (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (g_set_object (&self->settings, settings) && settings != NULL)
    g_signal_connect_object (settings, "changed::my-units", G_CALLBACK (on_my_units_changed_cb),
                             self, G_CONNECT_SWAPPED);
  if (store != NULL)
    {
      const char *kinds[] = { "changed::items", "changed::progress", "changed::extensions",
                              "changed::units", "changed::meetings" };
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        g_signal_connect_object (store, kinds[i], G_CALLBACK (on_store_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }
  docket_item_page_set_store (self->item_page, store);
  g_clear_pointer (&self->counts_key, g_free);
  self->data_gen++;
  read_my_units (self);
  fill_units (self);
  self->filling = TRUE;
  fill_views (self);
  /* With "my units" set, the area opens on them (the head of a unit's view). */
  gtk_list_box_select_row (self->views_list,
                           gtk_list_box_get_row_at_index (self->views_list,
                                                          self->my_units->len > 0 ? 0 : 1));
  self->view = self->my_units->len > 0 ? VIEW_MY_UNITS : DOCKET_ITEM_VIEW_ALL;
  self->filling = FALSE;
  self->to_top = TRUE;
  reload (self);
}

void
docket_items_view_set_today (DocketItemsView *self,
                             DocketDate       day)
{
  g_return_if_fail (DOCKET_IS_ITEMS_VIEW (self));

  self->pinned_today = day;
  docket_item_page_set_today (self->item_page, day);
  reload (self);
}

void
docket_items_view_show_unit (DocketItemsView *self,
                             DocketId         unit_id)
{
  g_return_if_fail (DOCKET_IS_ITEMS_VIEW (self));

  for (guint i = 0; i < self->unit_ids->len; i++)
    if (g_array_index (self->unit_ids, DocketId, i) == unit_id)
      {
        self->filling = TRUE;
        gtk_list_box_select_row (self->views_list, gtk_list_box_get_row_at_index (self->views_list, 1));
        self->view = DOCKET_ITEM_VIEW_ALL;
        gtk_drop_down_set_selected (self->unit_dropdown, i + 1);
        self->filling = FALSE;
        break;
      }
  gtk_stack_set_visible_child_name (self->content_stack, "list");
  self->to_top = TRUE;
  reload (self);
}

void
docket_items_view_show_item (DocketItemsView *self,
                             DocketId         item_id)
{
  g_return_if_fail (DOCKET_IS_ITEMS_VIEW (self));

  docket_item_page_set_item (self->item_page, item_id);
  gtk_stack_set_visible_child_name (self->content_stack, "item");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/**
 * docket_items_view_is_busy:
 *
 * Returns: whether the list or the sidebar's counts are being read again (what is
 * shown is then the previous answer)
 */
gboolean
docket_items_view_is_busy (DocketItemsView *self)
{
  g_return_val_if_fail (DOCKET_IS_ITEMS_VIEW (self), FALSE);
  return self->reload_id != 0 || docket_paged_model_is_loading (self->model) ||
         self->counts_cancellable != NULL;
}

guint
docket_items_view_get_n_shown (DocketItemsView *self)
{
  g_return_val_if_fail (DOCKET_IS_ITEMS_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

/* Selects the view named @view for every unit, with deadlines up to @deadline_to
 * (NONE for any), without reloading. */
static gboolean
select_view_named (DocketItemsView *self,
                   const char      *view,
                   DocketDate       deadline_to)
{
  static const char *names[] = { "all", "overdue", "due-soon", "in-progress", "awaiting",
                                 "completed", "no-deadline", "cancelled", "starred" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (view, names[i]) == 0)
      {
        g_autofree char *to = deadline_to != DOCKET_DATE_NONE
                              ? docket_date_format_display (deadline_to) : g_strdup ("");

        self->filling = TRUE;
        gtk_drop_down_set_selected (self->unit_dropdown, 0);
        gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
        gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
        /* Row 0 is "My units"; the store's views follow in their order. */
        gtk_list_box_select_row (self->views_list, gtk_list_box_get_row_at_index (self->views_list, (int) i + 1));
        self->view = (int) i;
        self->filling = FALSE;
        gtk_stack_set_visible_child_name (self->content_stack, "list");
        self->to_top = TRUE;
        return TRUE;
      }
  g_warning ("No items view named “%s”", view);
  return FALSE;
}

/**
 * docket_items_view_show_view:
 * @view: "all", "overdue", "due-soon", "in-progress", "awaiting", "completed",
 *   "no-deadline", "cancelled" or "starred"
 *
 * Shows the items of one view for every unit, as of today.
 */
void
docket_items_view_show_view (DocketItemsView *self,
                             const char      *view)
{
  g_return_if_fail (DOCKET_IS_ITEMS_VIEW (self));

  if (!select_view_named (self, view, DOCKET_DATE_NONE))
    return;
  set_figure (self, FALSE);
  reload (self);
}

/**
 * docket_items_view_show_figure:
 * @view: the view, as for docket_items_view_show_view()
 * @completion: the on-time/late split of completed items
 * @from: the report's first day, or NONE
 * @to: its last day, or NONE
 * @day: the day its statuses are taken on (docket_report_day())
 * @deadline_to: only deadlines up to this day (the long overdue), or NONE
 *
 * Shows exactly the items a figure of a period report counts: the view's items,
 * as they stood on @day, among those the period counts (docket_report_item_counts()).
 * A line above the list says so, with a button back to all items.
 */
void
docket_items_view_show_figure (DocketItemsView      *self,
                               const char           *view,
                               DocketItemCompletion  completion,
                               DocketDate            from,
                               DocketDate            to,
                               DocketDate            day,
                               DocketDate            deadline_to)
{
  g_autofree char *text = NULL;
  g_autofree char *day_text = NULL;

  g_return_if_fail (DOCKET_IS_ITEMS_VIEW (self));
  g_return_if_fail (day != DOCKET_DATE_NONE);

  if (!select_view_named (self, view, deadline_to))
    return;
  self->figure_from = from;
  self->figure_to = to;
  self->figure_day = day;
  self->figure_completion = completion;
  day_text = docket_date_format_display (day);
  if (from == DOCKET_DATE_NONE && to == DOCKET_DATE_NONE)
    /* Translators: above the items of a figure of the dashboard, for all time */
    text = g_strdup_printf (_("Items of the report, as of %s"), day_text);
  else
    {
      g_autofree char *from_text = from != DOCKET_DATE_NONE ? docket_date_format_display (from)
                                                             : g_strdup ("…");
      g_autofree char *to_text = to != DOCKET_DATE_NONE ? docket_date_format_display (to)
                                                         : g_strdup ("…");

      /* Translators: above the items of a figure of the dashboard: the report's
       * period, then the day its statuses are taken on */
      text = g_strdup_printf (_("Items of the report for %s – %s, as of %s"), from_text,
                              to_text, day_text);
    }
  if (completion != DOCKET_ITEM_COMPLETION_ANY)
    {
      const char *split = completion == DOCKET_ITEM_COMPLETION_ON_TIME
                          ? docket_bucket_get_label (DOCKET_BUCKET_COMPLETED_ON_TIME)
                          : docket_bucket_get_label (DOCKET_BUCKET_COMPLETED_LATE);
      g_autofree char *with = g_strdup_printf ("%s · %s", text, split);

      g_free (text);
      text = g_steal_pointer (&with);
    }
  gtk_label_set_label (self->figure_label, text);
  set_figure (self, TRUE);
  reload (self);
}
