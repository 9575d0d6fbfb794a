/* docket-dashboard-view.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure here is the store's period report (counted in SQL) or a list the
 * store answers; the widget only lays them out.  The report reads every item of the
 * period, so it runs in a GTask worker on its own connection (DESIGN.md, storage) and
 * the window stays responsive over a large file.  It is counted only while the
 * dashboard is on screen: a change made elsewhere marks the figures stale, and they
 * are counted again when the dashboard is shown.
 */

#define G_LOG_DOMAIN "docket-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-completion-chart.h"
#include "docket-dashboard-table.h"
#include "docket-dashboard-view.h"
#include "docket-tooltip.h"
#include "docket-export-job.h"
#include "docket-report-export.h"
#include "docket-store-cache.h"
#include "docket-store-items.h"
#include "docket-store-report.h"
#include "docket-store-sample.h"
#include "docket-store-units.h"

/* How many of the longest overdue items, and of the next deadlines, are listed. */
#define N_OVERDUE_SHOWN 10
#define N_UPCOMING_SHOWN 10

/* The page cache of the report's connections, in KiB, and how much of the file they
 * read through a memory map: the indexes a year's report reads are larger than the
 * cache (some 40 MB over a million items), and were copied into it again for each
 * report. */
#define REPORT_CACHE_KIB 16384
#define REPORT_MAP_BYTES (G_GUINT64_CONSTANT (4) << 30)

struct _DocketDashboardView
{
  AdwBin                 parent_instance;

  DocketStore           *store;
  DocketDate             today;
  DocketDashboardPeriod  period;
  DocketDate             custom_from;
  DocketDate             custom_to;
  DocketReport          *report;
  GCancellable          *cancellable;
  guint                  refresh_id;
  gboolean               busy;
  gboolean               stale;    /* to count again once shown */
  char                  *items_key; /* what the two lists of items show */
  struct _Connection    *connection; /* the workers' */
  struct _Data          *unshown;   /* counted while hidden, to show when shown */

  AdwToastOverlay       *toast_overlay;
  GtkStack              *mode_stack;
  GtkDropDown           *period_dropdown;
  GtkLabel              *period_label;
  GtkLabel              *headline_label;
  GtkFlowBox            *figures_box;
  DocketCompletionChart *chart;
  GtkScrolledWindow     *table_scroller;
  GtkColumnView         *table;
  GtkListBox            *upcoming_list;
  GtkListBox            *overdue_list;
  GtkRevealer           *range_revealer;
  GtkEntry              *range_from_entry;
  GtkEntry              *range_to_entry;
  GtkLabel              *range_error_label;
};

G_DEFINE_FINAL_TYPE (DocketDashboardView, docket_dashboard_view, ADW_TYPE_BIN)

/* The workers' connections, kept between reports: opening one (reading the schema,
 * checking the file) and filling its page cache again took a fifth of each report.
 * Two: the report's counts are made in two halves at once, on two cores.
 * One worker at a time uses it (the lock: a new period may start a report before the
 * last one has seen it is cancelled).  Shared by the view and its jobs (an atomic
 * reference-counted box), closed by whichever lets it go last. */
typedef struct _Connection
{
  GMutex       lock;
  DocketStore *store;
  DocketStore *helper;  /* the second connection, for half the report's counts */
} Connection;

static void
connection_clear (gpointer data)
{
  Connection *connection = data;

  g_clear_object (&connection->store);
  g_clear_object (&connection->helper);
  g_mutex_clear (&connection->lock);
}

static Connection *
connection_new (void)
{
  Connection *connection = g_atomic_rc_box_new0 (Connection);

  g_mutex_init (&connection->lock);
  return connection;
}

static void
connection_release (Connection *connection)
{
  g_atomic_rc_box_release_full (connection, connection_clear);
}

/* What the worker is asked: plain copies, never the widget. */
typedef struct
{
  char       *path;
  Connection *connection;
  DocketDate  from;
  DocketDate  to;
  DocketDate  today;
} Job;

/* What it answers. */
typedef struct _Data
{
  gboolean      has_items; /* any item but cancelled, whatever the period */
  DocketReport *report;
  GPtrArray    *units;     /* DocketUnit, archived too: names of the report's rows */
  GPtrArray    *overdue;   /* DocketItemRow, longest overdue first */
  GPtrArray    *upcoming;  /* DocketItemRow, in progress, the nearest deadline first */
} Data;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_clear_pointer (&job->connection, connection_release);
  g_free (job);
}

static void
data_free (Data *data)
{
  g_clear_pointer (&data->report, docket_report_unref);
  g_clear_pointer (&data->units, g_ptr_array_unref);
  g_clear_pointer (&data->overdue, g_ptr_array_unref);
  g_clear_pointer (&data->upcoming, g_ptr_array_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Data, data_free)

static Data *
read_data (DocketStore *store,
           DocketStore *helper,
           const Job   *job,
           GError     **error)
{
  g_autoptr(Data) data = g_new0 (Data, 1);
  DocketItemQuery query;

  docket_item_query_init (&query, job->today);
  /* Half the counts on the second connection, on another core meanwhile: the window
   * waits for nothing else. */
  data->report = docket_store_compute_report_split (store, helper, job->from, job->to, job->today,
                                                    NULL, 0, error);
  if (data->report == NULL)
    return NULL;
  /* A period without items may still be a file with items: the first one says so
   * (counting them all took longer than the report). */
  data->has_items = docket_report_get_total (data->report)->assigned > 0;
  if (!data->has_items)
    {
      g_autoptr(GPtrArray) first = NULL;

      query.view = DOCKET_ITEM_VIEW_ALL;
      first = docket_store_list_items_at (store, &query, 0, 1, error);
      if (first == NULL)
        return NULL;
      data->has_items = first->len > 0;
    }
  data->units = docket_store_list_units (store, TRUE, error);
  if (data->units == NULL)
    return NULL;
  query.view = DOCKET_ITEM_VIEW_OVERDUE;
  query.sort = DOCKET_ITEM_SORT_DEADLINE;
  data->overdue = docket_store_list_items_at (store, &query, 0, N_OVERDUE_SHOWN, error);
  if (data->overdue == NULL)
    return NULL;
  query.view = DOCKET_ITEM_VIEW_IN_PROGRESS;
  data->upcoming = docket_store_list_items_at (store, &query, 0, N_UPCOMING_SHOWN, error);
  if (data->upcoming == NULL)
    return NULL;
  return g_steal_pointer (&data);
}

static DocketStore *
open_report_store (const char  *path,
                   GError     **error)
{
  /* The report reads each item once or twice; the default 64 MB page cache would
   * keep that much of the file in the application's memory. */
  g_autoptr(DocketStore) store = docket_store_open_with_cache (path, REPORT_CACHE_KIB, error);

  if (store == NULL || !docket_store_map_file (store, REPORT_MAP_BYTES, error))
    return NULL;
  return g_steal_pointer (&store);
}

/* The two connections to @path, opened if they are not (or are to another file). */
static gboolean
connection_open (Connection  *connection,
                 const char  *path,
                 GError     **error)
{
  if (connection->store != NULL && g_strcmp0 (docket_store_get_path (connection->store), path) == 0)
    return TRUE;
  g_clear_object (&connection->store);
  g_clear_object (&connection->helper);
  connection->store = open_report_store (path, error);
  if (connection->store != NULL)
    connection->helper = open_report_store (path, error);
  if (connection->helper == NULL)
    g_clear_object (&connection->store);
  return connection->store != NULL;
}

static void
read_data_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  const Job *job = task_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&job->connection->lock);
  GError *error = NULL;
  Data *data;

  /* Replaced by a newer report while it waited for the connection. */
  if (g_task_return_error_if_cancelled (task))
    return;
  if (!connection_open (job->connection, job->path, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  data = read_data (job->connection->store, job->connection->helper, job, &error);
  if (data == NULL)
    {
      /* Opened again for the next report, in case the file was what failed. */
      g_clear_object (&job->connection->store);
      g_clear_object (&job->connection->helper);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, data, (GDestroyNotify) data_free);
}

/* Periods. */

static DocketDate
get_today (DocketDashboardView *self)
{
  return self->today != DOCKET_DATE_NONE ? self->today : docket_date_today (NULL);
}

static void
period_range (DocketDashboardPeriod  period,
              DocketDate             today,
              DocketDate            *out_from,
              DocketDate            *out_to)
{
  int year = docket_date_get_year (today);
  int month = docket_date_get_month (today);
  int first_month, n_months;

  switch (period)
    {
    case DOCKET_DASHBOARD_PERIOD_MONTH:
      first_month = month;
      n_months = 1;
      break;
    case DOCKET_DASHBOARD_PERIOD_QUARTER:
      first_month = (month - 1) / 3 * 3 + 1;
      n_months = 3;
      break;
    case DOCKET_DASHBOARD_PERIOD_HALF_YEAR:
      first_month = month <= 6 ? 1 : 7;
      n_months = 6;
      break;
    case DOCKET_DASHBOARD_PERIOD_YEAR:
      first_month = 1;
      n_months = 12;
      break;
    case DOCKET_DASHBOARD_PERIOD_ALL:
    default:
      *out_from = DOCKET_DATE_NONE;
      *out_to = DOCKET_DATE_NONE;
      return;
    }
  *out_from = docket_date_new (year, first_month, 1);
  *out_to = docket_date_add_days (docket_date_add_months (*out_from, n_months), -1);
}

static void
fill_periods (DocketDashboardView *self)
{
  const char * const periods[] = {
    _("This month"),
    _("This quarter"),
    _("This half-year"),
    _("This year"),
    _("All time"),
    _("Custom range…"),
    NULL,
  };
  g_autoptr(GtkStringList) model = gtk_string_list_new (periods);

  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (model));
}

/* Showing the figures. */

static void
show_error (DocketDashboardView *self,
            const GError        *error)
{
  AdwToast *t = adw_toast_new (error->message);

  adw_toast_set_timeout (t, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static char *
format_percent_of (gint64 part,
                   gint64 whole)
{
  g_autofree char *percent = docket_format_percent (docket_report_percent (part, whole));

  /* Translators: a share such as "55,56 %"; keep the space if your language uses one */
  return g_strdup_printf (_("%s %%"), percent);
}

/* What a card counts, so that clicking it opens exactly those items. */
typedef struct
{
  const char           *view;        /* an items view's name, or NULL: not a count */
  DocketItemCompletion  completion;
  gboolean              long_overdue;
} Figure;

static const Figure FIGURE_NONE = { NULL, DOCKET_ITEM_COMPLETION_ANY, FALSE };

static void
add_card (DocketDashboardView *self,
          guint                count,
          const char          *number,
          const char          *caption,
          const char          *detail,
          const char          *css_class,
          Figure               figure)
{
  g_autofree char *count_text = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *number_label;
  GtkWidget *caption_label;

  if (number == NULL)
    number = count_text = docket_format_count (count);
  number_label = gtk_label_new (number);
  caption_label = gtk_label_new (caption);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "figure-card");
  if (css_class != NULL)
    gtk_widget_add_css_class (box, css_class);
  gtk_label_set_xalign (GTK_LABEL (number_label), 0);
  gtk_widget_add_css_class (number_label, "title-1");
  gtk_widget_add_css_class (number_label, "numeric");
  gtk_widget_add_css_class (number_label, "figure-number");
  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_label_set_wrap (GTK_LABEL (caption_label), TRUE);
  gtk_widget_add_css_class (caption_label, "heading");
  gtk_box_append (GTK_BOX (box), number_label);
  gtk_box_append (GTK_BOX (box), caption_label);
  if (detail != NULL)
    {
      GtkWidget *detail_label = gtk_label_new (detail);

      gtk_label_set_xalign (GTK_LABEL (detail_label), 0);
      gtk_label_set_wrap (GTK_LABEL (detail_label), TRUE);
      gtk_widget_add_css_class (detail_label, "dim-label");
      gtk_widget_add_css_class (detail_label, "caption");
      gtk_box_append (GTK_BOX (box), detail_label);
    }
  if (figure.view != NULL)
    docket_tooltip_set_on_new (box, _("Show these items"));
  gtk_flow_box_append (self->figures_box, box);
  /* A card that counts items opens them in the items area; the others are read,
   * not chosen, and stay out of the Tab chain. */
  if (figure.view != NULL)
    {
      GObject *child = G_OBJECT (gtk_widget_get_parent (box));

      g_object_set_data (child, "docket-view", (gpointer) figure.view);
      g_object_set_data_full (child, "docket-figure", g_memdup2 (&figure, sizeof figure), g_free);
    }
  else
    gtk_widget_set_focusable (gtk_widget_get_parent (box), FALSE);
}

/* The figure's items: its view, among the items the report's period counts, as
 * they stood on the report's day (win.show-report-items). */
static void
on_figure_activated_cb (GtkFlowBox          *box,
                        GtkFlowBoxChild     *child,
                        DocketDashboardView *self)
{
  const Figure *figure = g_object_get_data (G_OBJECT (child), "docket-figure");
  DocketDate day, deadline_to = DOCKET_DATE_NONE;

  if (figure == NULL || self->report == NULL)
    return;
  day = docket_report_get_day (self->report);
  if (figure->long_overdue)
    deadline_to = docket_date_add_days (day, -(DOCKET_REPORT_LONG_OVERDUE_DAYS + 1));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-report-items", "(suxxxx)",
                              figure->view, (guint32) figure->completion,
                              (gint64) docket_report_get_from (self->report),
                              (gint64) docket_report_get_to (self->report), (gint64) day,
                              (gint64) deadline_to);
}

static void
show_figures (DocketDashboardView   *self,
              const DocketReportRow *total)
{
  g_autofree char *assigned = docket_format_count (total->assigned);
  g_autofree char *completed = docket_format_count (total->completed);
  g_autofree char *rate = format_percent_of (total->completed, total->assigned);
  g_autofree char *headline = NULL;
  g_autofree char *of_assigned = NULL;
  g_autofree char *on_time = format_percent_of (total->completed_on_time, total->assigned);
  g_autofree char *late = format_percent_of (total->completed_late, total->assigned);
  g_autofree char *within = format_percent_of (total->in_progress, total->assigned);
  g_autofree char *overdue = format_percent_of (total->overdue, total->assigned);
  g_autofree char *no_deadline = format_percent_of (total->no_deadline, total->assigned);
  g_autofree char *long_caption = NULL;
  g_autofree char *long_share = format_percent_of (total->overdue_long, total->assigned);
  g_autofree char *update_rate = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *n_updated = docket_format_count (total->updated);
  g_autofree char *n_open = docket_format_count (total->not_completed);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_box))) != NULL)
    gtk_flow_box_remove (self->figures_box, child);

  /* Translators: the dashboard's headline, e.g. "10 of 18 items completed — 55,56 %" */
  headline = g_strdup_printf (_("%s of %s items completed — %s"), completed, assigned, rate);
  gtk_label_set_label (self->headline_label, headline);

  /* Translators: under the number of completed items, e.g. "of 18 assigned" */
  of_assigned = g_strdup_printf (_("of %s assigned"), assigned);
  /* Translators: a figure of the dashboard, e.g. "Overdue by more than 30 days" */
  long_caption = g_strdup_printf (_("Overdue by more than %d days"),
                                  DOCKET_REPORT_LONG_OVERDUE_DAYS);
  percent = docket_format_percent (docket_report_row_update_percent (total));
  /* Translators: the update rate, e.g. "80,00 %" */
  update_rate = g_strdup_printf (_("%s %%"), percent);
  /* Translators: under the update rate: open items with a recent progress report */
  updated = g_strdup_printf (_("%s of %s open items reported progress in the last %d days"),
                             n_updated, n_open, DOCKET_REPORT_UPDATE_WINDOW_DAYS);

  add_card (self, total->assigned, NULL, _("Assigned"), NULL, NULL,
            (Figure) { "all", DOCKET_ITEM_COMPLETION_ANY, FALSE });
  add_card (self, total->completed, NULL, _("Completed"), of_assigned, NULL,
            (Figure) { "completed", DOCKET_ITEM_COMPLETION_ANY, FALSE });
  add_card (self, 0, rate, _("Completion rate"), NULL, NULL, FIGURE_NONE);
  add_card (self, total->completed_on_time, NULL,
            docket_bucket_get_label (DOCKET_BUCKET_COMPLETED_ON_TIME), on_time,
            docket_bucket_get_css_class (DOCKET_BUCKET_COMPLETED_ON_TIME),
            (Figure) { "completed", DOCKET_ITEM_COMPLETION_ON_TIME, FALSE });
  add_card (self, total->completed_late, NULL,
            docket_bucket_get_label (DOCKET_BUCKET_COMPLETED_LATE), late,
            docket_bucket_get_css_class (DOCKET_BUCKET_COMPLETED_LATE),
            (Figure) { "completed", DOCKET_ITEM_COMPLETION_LATE, FALSE });
  add_card (self, total->in_progress, NULL,
            docket_bucket_get_label (DOCKET_BUCKET_IN_PROGRESS), within,
            docket_bucket_get_css_class (DOCKET_BUCKET_IN_PROGRESS),
            (Figure) { "in-progress", DOCKET_ITEM_COMPLETION_ANY, FALSE });
  add_card (self, total->overdue, NULL,
            docket_bucket_get_label (DOCKET_BUCKET_OVERDUE), overdue,
            docket_bucket_get_css_class (DOCKET_BUCKET_OVERDUE),
            (Figure) { "overdue", DOCKET_ITEM_COMPLETION_ANY, FALSE });
  add_card (self, total->overdue_long, NULL, long_caption, long_share,
            docket_bucket_get_css_class (DOCKET_BUCKET_OVERDUE),
            (Figure) { "overdue", DOCKET_ITEM_COMPLETION_ANY, TRUE });
  add_card (self, total->no_deadline, NULL,
            docket_bucket_get_label (DOCKET_BUCKET_NO_DEADLINE), no_deadline,
            docket_bucket_get_css_class (DOCKET_BUCKET_NO_DEADLINE),
            (Figure) { "no-deadline", DOCKET_ITEM_COMPLETION_ANY, FALSE });
  add_card (self, 0, update_rate, _("Update rate"), updated, NULL, FIGURE_NONE);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* The chart and the table of the units with items in the period. */
static void
show_units (DocketDashboardView *self,
            const Data          *data)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_int64_hash, g_int64_equal);
  const DocketReportRow *unit_rows;
  guint n = 0;

  for (guint i = 0; i < data->units->len; i++)
    {
      DocketUnit *unit = g_ptr_array_index (data->units, i);
      g_hash_table_insert (names, &unit->id, unit->name);
    }
  unit_rows = docket_report_get_unit_rows (data->report, &n);
  docket_completion_chart_set_rows (self->chart, unit_rows, n, names);
  docket_dashboard_table_set_rows (self->table, unit_rows, n, names);
}

static GtkWidget *
item_row (DocketDashboardView *self,
          const DocketItemRow *row,
          gboolean             overdue)
{
  GtkWidget *list_row = adw_action_row_new ();
  g_autofree char *deadline = docket_date_format_display (row->item->deadline);
  g_autofree char *subtitle = NULL;
  g_autofree char *days_text = NULL;
  GtkWidget *days_label;

  /* Translators: under an overdue item: its lead unit and its deadline */
  subtitle = g_strdup_printf (_("%s · deadline %s"), row->lead_unit_name, deadline);
  if (overdue)
    {
      int days = docket_item_days_overdue (row->item, get_today (self));

      days_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue",
                                                "%d days overdue", days), days);
    }
  else
    {
      int days = (int) (row->item->deadline - get_today (self));

      days_text = days == 0 ? g_strdup (_("Due today"))
                            : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left",
                                                            "%d days left", days), days);
    }
  days_label = gtk_label_new (days_text);
  gtk_widget_add_css_class (days_label, "status-badge");
  gtk_widget_add_css_class (days_label,
                            docket_bucket_get_css_class (overdue ? DOCKET_BUCKET_OVERDUE
                                                                 : DOCKET_BUCKET_IN_PROGRESS));
  gtk_widget_add_css_class (days_label, "numeric");
  gtk_widget_set_valign (days_label, GTK_ALIGN_CENTER);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (list_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (list_row), row->item->content);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (list_row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (list_row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (list_row), days_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (list_row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (list_row), "win.show-item");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (list_row),
                                          g_variant_new_int64 (row->item->id));
  return list_row;
}

/* What the two lists show, to leave them as they are when a new report (another
 * period: they do not depend on it) brings the same items. */
static char *
dup_items_key (DocketDashboardView *self,
               const Data          *data)
{
  GString *key = g_string_new (NULL);
  GPtrArray *lists[] = { data->overdue, data->upcoming };

  g_string_append_printf (key, "%u", get_today (self));
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      g_string_append_c (key, '|');
      for (guint i = 0; i < lists[l]->len; i++)
        {
          const DocketItemRow *row = g_ptr_array_index (lists[l], i);

          g_string_append_printf (key, "%" G_GINT64_FORMAT ",%u,%s,%s;", (gint64) row->item->id,
                                  row->item->deadline, row->item->content, row->lead_unit_name);
        }
    }
  return g_string_free (key, FALSE);
}

static void
show_items (DocketDashboardView *self,
            const Data          *data)
{
  g_autofree char *key = dup_items_key (self, data);

  if (g_strcmp0 (key, self->items_key) == 0)
    return;
  g_free (self->items_key);
  self->items_key = g_steal_pointer (&key);
  clear_list (self->overdue_list);
  for (guint i = 0; i < data->overdue->len; i++)
    gtk_list_box_append (self->overdue_list,
                         item_row (self, g_ptr_array_index (data->overdue, i), TRUE));
  clear_list (self->upcoming_list);
  for (guint i = 0; i < data->upcoming->len; i++)
    gtk_list_box_append (self->upcoming_list,
                         item_row (self, g_ptr_array_index (data->upcoming, i), FALSE));
}

static void
show_period (DocketDashboardView *self,
             DocketReport        *report)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *day = docket_date_format_display (docket_report_get_day (report));
  g_autofree char *text = NULL;

  if (docket_report_get_from (report) == DOCKET_DATE_NONE)
    /* Translators: the period line of the dashboard for "All time" */
    text = g_strdup_printf (_("Every item, as of %s"), day);
  else
    {
      from = docket_date_format_display (docket_report_get_from (report));
      to = docket_date_format_display (docket_report_get_to (report));
      /* Translators: the period of the dashboard, then the day its statuses are taken on */
      text = g_strdup_printf (_("%s – %s, as of %s"), from, to, day);
    }
  gtk_label_set_label (self->period_label, text);
}

static void
show_data (DocketDashboardView *self,
           const Data          *data)
{
  if (!data->has_items)
    {
      gtk_stack_set_visible_child_name (self->mode_stack, "empty");
      return;
    }
  show_period (self, data->report);
  show_figures (self, docket_report_get_total (data->report));
  show_units (self, data);
  show_items (self, data);
  gtk_stack_set_visible_child_name (self->mode_stack, "report");
}

static void
on_data_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  DocketDashboardView *self = DOCKET_DASHBOARD_VIEW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(Data) data = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer refresh replaced this one: its answer is stale. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  g_clear_object (&self->cancellable);
  if (data == NULL)
    {
      show_error (self, error);
      if (self->report == NULL)
        gtk_stack_set_visible_child_name (self->mode_stack, "empty");
      return;
    }
  g_clear_pointer (&self->report, docket_report_unref);
  self->report = docket_report_ref (data->report);
  /* Hidden meanwhile: laid out when shown, not while another area opens. */
  g_clear_pointer (&self->unshown, data_free);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->unshown = g_steal_pointer (&data);
  else
    show_data (self, data);
}

static void
refresh (DocketDashboardView *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->busy = FALSE;
  if (self->store == NULL || !docket_store_is_open (self->store))
    {
      self->stale = FALSE;
      gtk_stack_set_visible_child_name (self->mode_stack, "empty");
      return;
    }
  if (self->report == NULL)
    gtk_stack_set_visible_child_name (self->mode_stack, "counting");
  /* Hidden, it counts nothing: the figures are counted when it is shown. */
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->stale)
    return;

  job = g_new0 (Job, 1);
  job->path = g_strdup (docket_store_get_path (self->store));
  job->connection = g_atomic_rc_box_acquire (self->connection);
  job->today = get_today (self);
  if (self->period == DOCKET_DASHBOARD_PERIOD_CUSTOM)
    {
      job->from = self->custom_from;
      job->to = self->custom_to;
    }
  else
    period_range (self->period, job->today, &job->from, &job->to);

  self->busy = TRUE;
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_data_read_cb, NULL);
  g_task_set_source_tag (task, refresh);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, read_data_thread);
}

static gboolean
on_refresh_idle_cb (gpointer user_data)
{
  DocketDashboardView *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_mapped_cb (DocketDashboardView *self)
{
  g_autoptr(Data) unshown = g_steal_pointer (&self->unshown);

  if (unshown != NULL)
    show_data (self, unshown);
  if (self->stale)
    refresh (self);
}

/* Several records change in one action; the report is counted again once. */
static void
on_store_changed_cb (DocketDashboardView *self,
                     const char          *kind)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (on_refresh_idle_cb, self);
}

/* "Custom range…" opens the two dates under the period; the report changes when
 * they are applied (Enter or Show), not while they are typed. */
static void
on_period_selected_cb (DocketDashboardView *self)
{
  guint selected = gtk_drop_down_get_selected (self->period_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected == DOCKET_DASHBOARD_PERIOD_CUSTOM)
    {
      DocketDate from = DOCKET_DATE_NONE, to = DOCKET_DATE_NONE;

      if (self->report != NULL && self->custom_from == DOCKET_DATE_NONE)
        period_range (self->period, get_today (self), &from, &to);
      if (from != DOCKET_DATE_NONE)
        {
          g_autofree char *from_text = docket_date_format_display (from);
          g_autofree char *to_text = docket_date_format_display (to);

          gtk_editable_set_text (GTK_EDITABLE (self->range_from_entry), from_text);
          gtk_editable_set_text (GTK_EDITABLE (self->range_to_entry), to_text);
        }
      gtk_revealer_set_reveal_child (self->range_revealer, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->range_from_entry));
      return;
    }
  gtk_revealer_set_reveal_child (self->range_revealer, FALSE);
  docket_dashboard_view_set_period (self, (DocketDashboardPeriod) selected);
}

static void
refuse_range (DocketDashboardView *self,
              GtkEntry            *entry,
              const char          *message)
{
  gtk_label_set_label (self->range_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->range_error_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message, -1);
  gtk_widget_grab_focus (GTK_WIDGET (entry));
}

static void
on_range_apply_cb (DocketDashboardView *self)
{
  const char *from_text = gtk_editable_get_text (GTK_EDITABLE (self->range_from_entry));
  const char *to_text = gtk_editable_get_text (GTK_EDITABLE (self->range_to_entry));
  g_autoptr(GError) error = NULL;
  DocketDate from, to;

  gtk_widget_remove_css_class (GTK_WIDGET (self->range_from_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->range_to_entry), "error");
  if (!docket_date_parse (from_text, &from, &error))
    {
      refuse_range (self, self->range_from_entry, error->message);
      return;
    }
  if (!docket_date_parse (to_text, &to, &error))
    {
      refuse_range (self, self->range_to_entry, error->message);
      return;
    }
  if (to < from)
    {
      refuse_range (self, self->range_to_entry,
                    _("The period must end on or after its first day."));
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->range_error_label), FALSE);
  docket_dashboard_view_set_custom_range (self, from, to);
}

static void
load_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DocketDashboardView *self = DOCKET_DASHBOARD_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!docket_store_load_sample (self->store, &error))
    show_error (self, error);
  refresh (self);
}

static void
docket_dashboard_view_dispose (GObject *object)
{
  DocketDashboardView *self = DOCKET_DASHBOARD_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  /* No gtk_widget_dispose_template (): AdwBin unparents its child itself. */
  g_clear_object (&self->store);
  g_clear_pointer (&self->report, docket_report_unref);
  g_clear_pointer (&self->items_key, g_free);
  g_clear_pointer (&self->unshown, data_free);
  g_clear_pointer (&self->connection, connection_release);

  G_OBJECT_CLASS (docket_dashboard_view_parent_class)->dispose (object);
}

typedef struct
{
  DocketReportRequest request;
  gboolean            xlsx;
} ExportReport;

static gboolean
write_report (DocketStore              *store,
              const char               *path,
              DocketExportProgressFunc  progress,
              gpointer                  progress_data,
              GCancellable             *cancellable,
              gpointer                  job_data,
              GError                  **error)
{
  ExportReport *export = job_data;

  if (export->xlsx)
    return docket_export_report_xlsx (store, &export->request, path, progress, progress_data,
                                      cancellable, error);
  return docket_export_report_pdf (store, &export->request, path, progress, progress_data,
                                   cancellable, error);
}

/* The saved report is the one on screen: its period and its day. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DocketDashboardView *self = DOCKET_DASHBOARD_VIEW (widget);
  gboolean xlsx = g_str_equal (g_variant_get_string (parameter, NULL), "xlsx");
  ExportReport *export;

  if (self->store == NULL || self->report == NULL)
    return;
  export = g_new0 (ExportReport, 1);
  export->xlsx = xlsx;
  export->request.from = docket_report_get_from (self->report);
  export->request.to = docket_report_get_to (self->report);
  export->request.today = docket_report_get_day (self->report);
  docket_export_job_run (widget, self->store,
                         xlsx ? _("Save the Report as a Spreadsheet") : _("Save the Report as PDF"),
                         xlsx ? "bao-cao.xlsx" : "bao-cao.pdf", write_report, export, g_free);
}

static void
docket_dashboard_view_class_init (DocketDashboardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_dashboard_view_dispose;

  g_type_ensure (DOCKET_TYPE_COMPLETION_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/docket-dashboard-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketDashboardView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DocketDashboardView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, DocketDashboardView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DocketDashboardView, period_label);
  gtk_widget_class_bind_template_child (widget_class, DocketDashboardView, headline_label);
  gtk_widget_class_bind_template_child (widget_class, DocketDashboardView, figures_box);
  gtk_widget_class_bind_template_child (widget_class, DocketDashboardView, chart);
  gtk_widget_class_bind_template_child (widget_class, DocketDashboardView, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, DocketDashboardView, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, DocketDashboardView, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, DocketDashboardView, range_revealer);
  gtk_widget_class_bind_template_child (widget_class, DocketDashboardView, range_from_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketDashboardView, range_to_entry);
  gtk_widget_class_bind_template_child (widget_class, DocketDashboardView, range_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_range_apply_cb);

  gtk_widget_class_install_action (widget_class, "dashboard.load-sample", NULL,
                                   load_sample_action);
  gtk_widget_class_install_action (widget_class, "dashboard.export", "s", export_action);
}

static void
docket_dashboard_view_init (DocketDashboardView *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->connection = connection_new ();
  self->period = DOCKET_DASHBOARD_PERIOD_YEAR;
  fill_periods (self);
  gtk_drop_down_set_selected (self->period_dropdown, self->period);
  g_signal_connect_object (self->period_dropdown, "notify::selected",
                           G_CALLBACK (on_period_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_flow_box_set_activate_on_single_click (self->figures_box, TRUE);
  g_signal_connect_object (self->figures_box, "child-activated",
                           G_CALLBACK (on_figure_activated_cb), self, 0);

  placeholder = gtk_label_new (_("No item is overdue."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->overdue_list, placeholder);
  placeholder = gtk_label_new (_("No item in progress has a deadline."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->upcoming_list, placeholder);
  self->table = docket_dashboard_table_new ();
  gtk_scrolled_window_set_child (self->table_scroller, GTK_WIDGET (self->table));

  gtk_stack_set_visible_child_name (self->mode_stack, "empty");
  g_signal_connect (self, "map", G_CALLBACK (on_mapped_cb), NULL);
}

void
docket_dashboard_view_set_store (DocketDashboardView *self,
                                 DocketStore         *store)
{
  g_return_if_fail (DOCKET_IS_DASHBOARD_VIEW (self));
  g_return_if_fail (store == NULL || DOCKET_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (!g_set_object (&self->store, store))
    return;
  if (store != NULL)
    {
      static const char * const kinds[] = {
        "changed::items", "changed::units", "changed::progress", "changed::extensions",
      };

      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        g_signal_connect_object (store, kinds[i], G_CALLBACK (on_store_changed_cb),
                                 self, G_CONNECT_SWAPPED);
    }
  refresh (self);
}

/**
 * docket_dashboard_view_set_today:
 * @today: the day the report is taken on, or %DOCKET_DATE_NONE for the real today
 *
 * Pins the day, for tests and for looking at the sample on its reference date.
 */
void
docket_dashboard_view_set_today (DocketDashboardView *self,
                                 DocketDate           today)
{
  g_return_if_fail (DOCKET_IS_DASHBOARD_VIEW (self));

  if (self->today == today)
    return;
  self->today = today;
  refresh (self);
}

void
docket_dashboard_view_set_period (DocketDashboardView   *self,
                                  DocketDashboardPeriod  period)
{
  g_return_if_fail (DOCKET_IS_DASHBOARD_VIEW (self));
  g_return_if_fail (period < DOCKET_DASHBOARD_PERIOD_CUSTOM);

  gtk_revealer_set_reveal_child (self->range_revealer, FALSE);
  if (self->period == period)
    return;
  self->period = period;
  gtk_drop_down_set_selected (self->period_dropdown, period);
  refresh (self);
}

/**
 * docket_dashboard_view_set_custom_range:
 * @from: the first day of the period
 * @to: its last day, not before @from
 *
 * Shows the report of any period (what "Custom range…" does).
 */
void
docket_dashboard_view_set_custom_range (DocketDashboardView *self,
                                        DocketDate           from,
                                        DocketDate           to)
{
  g_return_if_fail (DOCKET_IS_DASHBOARD_VIEW (self));
  g_return_if_fail (from != DOCKET_DATE_NONE && to != DOCKET_DATE_NONE && from <= to);

  self->custom_from = from;
  self->custom_to = to;
  self->period = DOCKET_DASHBOARD_PERIOD_CUSTOM;
  if (gtk_drop_down_get_selected (self->period_dropdown) != DOCKET_DASHBOARD_PERIOD_CUSTOM)
    gtk_drop_down_set_selected (self->period_dropdown, DOCKET_DASHBOARD_PERIOD_CUSTOM);
  gtk_revealer_set_reveal_child (self->range_revealer, TRUE);
  refresh (self);
}

DocketDashboardPeriod
docket_dashboard_view_get_period (DocketDashboardView *self)
{
  g_return_val_if_fail (DOCKET_IS_DASHBOARD_VIEW (self), DOCKET_DASHBOARD_PERIOD_YEAR);
  return self->period;
}

void
docket_dashboard_view_refresh (DocketDashboardView *self)
{
  g_return_if_fail (DOCKET_IS_DASHBOARD_VIEW (self));
  refresh (self);
}

/**
 * docket_dashboard_view_is_busy:
 *
 * Returns: %TRUE while the report is being counted, or waits for the dashboard to
 *   be shown to be counted
 */
gboolean
docket_dashboard_view_is_busy (DocketDashboardView *self)
{
  g_return_val_if_fail (DOCKET_IS_DASHBOARD_VIEW (self), FALSE);
  return self->busy || self->refresh_id != 0 || self->stale;
}

/**
 * docket_dashboard_view_get_report:
 *
 * Returns: (transfer none) (nullable): the report shown, or %NULL before the first
 */
DocketReport *
docket_dashboard_view_get_report (DocketDashboardView *self)
{
  g_return_val_if_fail (DOCKET_IS_DASHBOARD_VIEW (self), NULL);
  return self->report;
}
