/* docket-units-view.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The unit tree with each unit's figures.  A file holds tens or hundreds of units,
 * not thousands, so the whole tree is one list read at once, on the window's
 * connection, when the area is shown; a GtkListView makes rows only for the units
 * on screen (a GtkListBox made all three hundred of the benchmark's, two seconds).
 * The figures are the store's period report over all time, which reads the index
 * ranges of every item (a second over a million items): a GTask worker counts them
 * on its own connection, only while the area is on screen, and the rows say
 * "Counting items…" until the first answer (later answers replace the figures
 * shown, which stay until then).
 */

#define G_LOG_DOMAIN "docket-units"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-export-job.h"
#include "docket-ics.h"
#include "docket-reminder-settings.h"
#include "docket-store-cache.h"
#include "docket-store-report.h"
#include "docket-store-sample.h"
#include "docket-store-units.h"
#include "docket-unit-dialog.h"
#include "docket-unit-row.h"
#include "docket-units-view.h"
#include "docket-wrap-box.h"

/* The page cache of the worker's connection, in KiB: the report walks index ranges
 * once, so a larger cache would only hold memory the process keeps afterwards. */
#define FIGURES_CACHE_KIB 2048

struct _DocketUnitsView
{
  AdwBin           parent_instance;

  DocketStore     *store;
  GListStore      *units;
  DocketDate       today;
  guint            reload_id;
  DocketReport    *report;        /* the last figures counted, or NULL */
  gboolean         report_stale;  /* the records or the day changed since */
  GCancellable    *cancellable;   /* of the count running, or NULL */
  gboolean         tree_stale;    /* the units changed while the area was hidden */

  AdwToastOverlay *toast_overlay;
  GtkStack        *mode_stack;
  GtkListView     *list_view;
  GtkSingleSelection *selection;
  GtkWidget       *list_scroller;
  GtkWidget       *all_archived_label;
  GtkToggleButton *show_archived_button;
};

G_DEFINE_FINAL_TYPE (DocketUnitsView, docket_units_view, ADW_TYPE_BIN)

static void
toast (DocketUnitsView *self,
       const char      *text,
       const char      *undo_action,
       DocketId         unit_id)
{
  AdwToast *t = adw_toast_new (text);

  if (undo_action != NULL)
    {
      adw_toast_set_button_label (t, _("_Undo"));
      adw_toast_set_action_name (t, undo_action);
      adw_toast_set_action_target_value (t, g_variant_new_int64 (unit_id));
      /* An Undo is only useful right now: it does not wait behind other toasts. */
      adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
    }
  adw_toast_set_timeout (t, undo_action != NULL ? 8 : 5);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
show_error (DocketUnitsView *self,
            const GError    *error)
{
  AdwToast *t = adw_toast_new (error->message);

  /* An error stays until it is read. */
  adw_toast_set_timeout (t, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static DocketDate
get_today (DocketUnitsView *self)
{
  return self->today != DOCKET_DATE_NONE ? self->today : docket_date_today (NULL);
}

static DocketId
selected_unit (DocketUnitsView *self)
{
  DocketRecord *record = gtk_single_selection_get_selected_item (self->selection);

  return record != NULL ? docket_record_get_id (record) : 0;
}

static void
select_unit (DocketUnitsView *self,
             DocketId         unit_id)
{
  GListModel *model = G_LIST_MODEL (self->units);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DocketRecord) record = g_list_model_get_item (model, i);

      if (docket_record_get_id (record) == unit_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return;
        }
    }
}

static DocketRecord *
make_record (DocketUnit   *unit,
             guint         depth,
             DocketReport *report)
{
  DocketUnitEntry *entry = g_new0 (DocketUnitEntry, 1);
  const DocketReportRow *figures = report != NULL ? docket_report_get_unit_row (report, unit->id)
                                                  : NULL;

  entry->unit = unit;
  entry->depth = depth;
  entry->counted = report != NULL;
  if (figures != NULL)
    entry->figures = *figures;
  entry->figures.unit_id = unit->id;
  return docket_record_new (entry, (GDestroyNotify) docket_unit_entry_free, unit->id);
}

/* Counting the figures, in a worker. */

typedef struct
{
  char       *path;
  DocketDate  today;
} CountJob;

static void
count_job_free (CountJob *job)
{
  g_free (job->path);
  g_free (job);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const CountJob *job = task_data;
  g_autoptr(DocketStore) store = NULL;
  GError *error = NULL;
  DocketReport *report;

  store = docket_store_open_with_cache (job->path, FIGURES_CACHE_KIB, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  report = docket_store_compute_report (store, DOCKET_DATE_NONE, DOCKET_DATE_NONE, job->today,
                                        NULL, 0, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) docket_report_unref);
}

static void reload (DocketUnitsView *self);

static void
on_counted_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  DocketUnitsView *self = DOCKET_UNITS_VIEW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketReport) report = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer count replaced this one: its figures are stale. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (report == NULL)
    {
      show_error (self, error);
      return;
    }
  g_clear_pointer (&self->report, docket_report_unref);
  self->report = g_steal_pointer (&report);
  reload (self);
}

/* Counts the figures again when they are stale and the area is on screen; a count
 * already running for older records is dropped. */
static void
count_if_needed (DocketUnitsView *self)
{
  g_autoptr(GTask) task = NULL;
  CountJob *job;

  if (!self->report_stale || self->store == NULL || !docket_store_is_open (self->store) ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->report_stale = FALSE;

  job = g_new0 (CountJob, 1);
  job->path = g_strdup (docket_store_get_path (self->store));
  job->today = get_today (self);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_counted_cb, NULL);
  g_task_set_source_tag (task, count_if_needed);
  g_task_set_task_data (task, job, (GDestroyNotify) count_job_free);
  g_task_run_in_thread (task, count_thread);
}

static void
figures_changed (DocketUnitsView *self)
{
  self->report_stale = TRUE;
  count_if_needed (self);
}

/* Reads the tree, with the figures last counted.  Depths are taken over every
 * unit, archived or not, so a unit keeps its place when its parent is archived and
 * hidden. */
static gboolean
read_units (DocketUnitsView *self,
            GPtrArray       *records,
            guint           *out_total,
            GError         **error)
{
  gboolean show_archived = gtk_toggle_button_get_active (self->show_archived_button);
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GHashTable) depths = g_hash_table_new (g_int64_hash, g_int64_equal);

  units = docket_store_list_units (self->store, TRUE, error);
  if (units == NULL)
    return FALSE;

  *out_total = units->len;
  for (guint i = 0; i < units->len; i++)
    {
      DocketUnit *unit = g_ptr_array_index (units, i);
      gpointer parent_depth = g_hash_table_lookup (depths, &unit->parent_id);
      guint depth = parent_depth != NULL ? GPOINTER_TO_UINT (parent_depth) : 0;

      g_hash_table_insert (depths, &unit->id, GUINT_TO_POINTER (depth + 1));
      if (unit->archived && !show_archived)
        continue;
      g_ptr_array_add (records, make_record (docket_unit_copy (unit), depth, self->report));
    }
  return TRUE;
}

/* Whether @records are the units @shown shows, in the same order. */
static gboolean
same_units (GListModel *shown,
            GPtrArray  *records)
{
  if (g_list_model_get_n_items (shown) != records->len)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr(DocketRecord) record = g_list_model_get_item (shown, i);

      if (docket_record_get_id (record) != docket_record_get_id (g_ptr_array_index (records, i)))
        return FALSE;
    }
  return TRUE;
}

static void
reload (DocketUnitsView *self)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  DocketId selected = selected_unit (self);
  guint total = 0;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  /* Hidden, the tree is read when it is shown: a row is a dozen widgets, and three
   * hundred units took more than a second of the window's start. */
  self->tree_stale = self->store != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->tree_stale)
    return;
  if (self->store != NULL && !read_units (self, records, &total, &error))
    show_error (self, error);

  if (same_units (G_LIST_MODEL (self->units), records))
    /* New figures, or a unit edited: the rows shown follow their records, and the
     * list keeps its place and its selection. */
    for (guint i = 0; i < records->len; i++)
      {
        g_autoptr(DocketRecord) shown = g_list_model_get_item (G_LIST_MODEL (self->units), i);

        docket_record_fill (shown, g_ptr_array_index (records, i));
      }
  else
    {
      g_list_store_splice (self->units, 0, g_list_model_get_n_items (G_LIST_MODEL (self->units)),
                           records->pdata, records->len);
      if (selected != 0)
        select_unit (self, selected);
    }
  gtk_stack_set_visible_child_name (self->mode_stack, total > 0 ? "list" : "empty");
  gtk_widget_set_visible (self->all_archived_label, total > 0 && records->len == 0);
  gtk_widget_set_visible (self->list_scroller, records->len > 0);
}

static gboolean
on_reload_idle_cb (gpointer user_data)
{
  DocketUnitsView *self = user_data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* One action changes several records; the tree is read again once, when idle, and
 * the figures counted again. */
static void
on_store_changed_cb (DocketUnitsView *self,
                     const char      *kind)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (on_reload_idle_cb, self);
  figures_changed (self);
}

static void
on_mapped_cb (DocketUnitsView *self)
{
  if (self->tree_stale)
    reload (self);
  count_if_needed (self);
}

static void
on_show_archived_toggled_cb (DocketUnitsView *self)
{
  reload (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, docket_unit_row_new (NULL));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  g_object_set (gtk_list_item_get_child (item), "record", gtk_list_item_get_item (item), NULL);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  g_object_set (gtk_list_item_get_child (item), "record", NULL, NULL);
}

static void
on_dialog_saved_cb (DocketUnitDialog *dialog,
                    gint64            unit_id,
                    DocketUnitsView  *self)
{
  gboolean added = g_object_get_data (G_OBJECT (dialog), "docket-adding") != NULL;

  reload (self);
  select_unit (self, unit_id);
  toast (self, added ? _("Unit added") : _("Unit saved"), NULL, 0);
}

static void
open_dialog (DocketUnitsView *self,
             DocketId         unit_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  DocketUnitDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = docket_unit_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   self->store, unit_id);
  if (unit_id == 0)
    g_object_set_data (G_OBJECT (dialog), "docket-adding", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_dialog (DOCKET_UNITS_VIEW (widget), 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  open_dialog (DOCKET_UNITS_VIEW (widget), g_variant_get_int64 (parameter));
}

/* A unit's open items as an iCalendar file of to-dos, their alarms at the reminder
 * policy's steps, written by a worker with its own connection. */
static gboolean
write_calendar (DocketStore              *store,
                const char               *path,
                DocketExportProgressFunc  progress,
                gpointer                  progress_data,
                GCancellable             *cancellable,
                gpointer                  job_data,
                GError                  **error)
{
  DocketId unit_id = *(DocketId *) job_data;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DocketReminderSettings settings;
  DocketIcsOptions options;

  if (!docket_reminder_settings_load (&settings, store, error))
    return FALSE;
  docket_ics_options_init (&options);
  docket_ics_options_set_steps (&options, settings.days_before, settings.n_days_before,
                                settings.work_start_minutes);
  return docket_ics_export_unit (store, unit_id, &options, file, cancellable, error);
}

static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DocketUnitsView *self = DOCKET_UNITS_VIEW (widget);
  DocketId unit_id = g_variant_get_int64 (parameter);
  g_autoptr(DocketUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *name = NULL;

  if (self->store == NULL)
    return;
  if ((unit = docket_store_get_unit (self->store, unit_id, &error)) == NULL)
    {
      show_error (self, error);
      return;
    }
  /* "phong-tu-phap.ics": a name any file system and mail program takes. */
  folded = docket_fold (unit->short_name != NULL && *unit->short_name ? unit->short_name
                                                                       : unit->name);
  g_strcanon (folded, "abcdefghijklmnopqrstuvwxyz0123456789", '-');
  name = g_strdup_printf ("%s.ics", folded);
  docket_export_job_run (widget, self->store, _("Save the Unit’s Open Items as a Calendar"),
                         name, write_calendar, g_memdup2 (&unit_id, sizeof unit_id), g_free);
}

static void
archive (DocketUnitsView *self,
         DocketId         unit_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketUnit) unit = NULL;
  g_autofree char *text = NULL;

  if (self->store == NULL || unit_id == 0)
    return;
  unit = docket_store_get_unit (self->store, unit_id, &error);
  if (unit == NULL || !docket_store_archive_unit (self->store, unit_id, &error))
    {
      show_error (self, error);
      return;
    }
  reload (self);
  /* Translators: %s is the name of a unit */
  text = g_strdup_printf (_("“%s” archived"), unit->name);
  toast (self, text, "units.unarchive", unit_id);
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  archive (DOCKET_UNITS_VIEW (widget), g_variant_get_int64 (parameter));
}

static void
archive_selected_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  DocketUnitsView *self = DOCKET_UNITS_VIEW (widget);

  archive (self, selected_unit (self));
}

static void
unarchive_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DocketUnitsView *self = DOCKET_UNITS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  DocketId unit_id = g_variant_get_int64 (parameter);

  if (self->store == NULL)
    return;
  if (!docket_store_unarchive_unit (self->store, unit_id, &error))
    show_error (self, error);
  reload (self);
  select_unit (self, unit_id);
}

static void
load_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DocketUnitsView *self = DOCKET_UNITS_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!docket_store_load_sample (self->store, &error))
    show_error (self, error);
  reload (self);
}

static void
docket_units_view_dispose (GObject *object)
{
  DocketUnitsView *self = DOCKET_UNITS_VIEW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  /* No gtk_widget_dispose_template (): AdwBin unparents its child itself. */
  g_clear_object (&self->selection);
  g_clear_object (&self->units);
  g_clear_object (&self->store);
  g_clear_pointer (&self->report, docket_report_unref);

  G_OBJECT_CLASS (docket_units_view_parent_class)->dispose (object);
}

static void
docket_units_view_class_init (DocketUnitsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_units_view_dispose;

  g_type_ensure (DOCKET_TYPE_UNIT_ROW);
  g_type_ensure (DOCKET_TYPE_WRAP_BOX);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/docket-units-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketUnitsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitsView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitsView, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitsView, all_archived_label);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitsView, show_archived_button);

  gtk_widget_class_install_action (widget_class, "units.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "units.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "units.export-calendar", "x",
                                   export_calendar_action);
  gtk_widget_class_install_action (widget_class, "units.archive", "x", archive_action);
  gtk_widget_class_install_action (widget_class, "units.unarchive", "x", unarchive_action);
  gtk_widget_class_install_action (widget_class, "units.archive-selected", NULL,
                                   archive_selected_action);
  gtk_widget_class_install_action (widget_class, "units.load-sample", NULL, load_sample_action);

  /* Delete archives rather than deletes: units keep their history (Undo in the toast). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "units.archive-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "units.archive-selected", NULL);
}

static void
docket_units_view_init (DocketUnitsView *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->units = g_list_store_new (DOCKET_TYPE_RECORD);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->units)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  g_signal_connect_object (self->show_archived_button, "toggled",
                           G_CALLBACK (on_show_archived_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (on_mapped_cb), NULL);
  reload (self);
}

void
docket_units_view_set_store (DocketUnitsView *self,
                             DocketStore     *store)
{
  g_return_if_fail (DOCKET_IS_UNITS_VIEW (self));
  g_return_if_fail (store == NULL || DOCKET_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (!g_set_object (&self->store, store))
    return;
  /* Another file's figures are no figures of this one. */
  g_clear_pointer (&self->report, docket_report_unref);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::units", G_CALLBACK (on_store_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::items", G_CALLBACK (on_store_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::progress", G_CALLBACK (on_store_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::extensions", G_CALLBACK (on_store_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  reload (self);
  figures_changed (self);
}

/**
 * docket_units_view_set_today:
 * @today: the day the figures are taken on, or %DOCKET_DATE_NONE for the real today
 */
void
docket_units_view_set_today (DocketUnitsView *self,
                             DocketDate       today)
{
  g_return_if_fail (DOCKET_IS_UNITS_VIEW (self));

  if (self->today == today)
    return;
  self->today = today;
  figures_changed (self);
}

guint
docket_units_view_get_n_shown (DocketUnitsView *self)
{
  g_return_val_if_fail (DOCKET_IS_UNITS_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->units));
}

void
docket_units_view_reload (DocketUnitsView *self)
{
  g_return_if_fail (DOCKET_IS_UNITS_VIEW (self));
  reload (self);
  figures_changed (self);
}

/**
 * docket_units_view_is_counting:
 *
 * Returns: %TRUE while the figures shown are not those of the records as they are:
 *   being counted, or waiting for the area to be shown to be counted
 */
gboolean
docket_units_view_is_counting (DocketUnitsView *self)
{
  g_return_val_if_fail (DOCKET_IS_UNITS_VIEW (self), FALSE);
  return self->report_stale || self->cancellable != NULL;
}
