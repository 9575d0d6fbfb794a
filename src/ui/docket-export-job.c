/* docket-export-job.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-export-job"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "docket-export-job.h"
#include "docket-toast.h"

typedef struct
{
  GtkWidget          *source;
  char               *database;
  char               *title;
  char               *path;
  DocketExportJobFunc func;
  gpointer            job_data;
  GDestroyNotify      job_data_free;
  GCancellable       *cancellable;
  GtkWidget          *window;      /* the progress window, main thread only */
  GtkProgressBar     *bar;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->source);
  g_free (job->database);
  g_free (job->title);
  g_free (job->path);
  if (job->job_data_free != NULL)
    job->job_data_free (job->job_data);
  g_clear_object (&job->cancellable);
  if (job->window != NULL)
    gtk_window_destroy (GTK_WINDOW (job->window));
  g_clear_object (&job->window);
  g_free (job);
}

typedef struct
{
  GWeakRef bar;
  double   fraction;
} Progress;

static gboolean
show_progress_cb (gpointer data)
{
  Progress *progress = data;
  g_autoptr(GtkProgressBar) bar = g_weak_ref_get (&progress->bar);

  if (bar != NULL)
    gtk_progress_bar_set_fraction (bar, CLAMP (progress->fraction, 0.0, 1.0));
  g_weak_ref_clear (&progress->bar);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

/* Called in the worker: the bar belongs to the main thread. */
static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  Job *job = user_data;
  Progress *progress = g_new0 (Progress, 1);

  g_weak_ref_init (&progress->bar, job->bar);
  progress->fraction = fraction;
  /* An idle source of the global default context, which the main thread runs.  Not
   * g_main_context_invoke (): in a worker without a context of its own that runs the
   * function right here whenever it can acquire the default context (between two
   * iterations of the main loop), and GTK must not be called from this thread. */
  g_idle_add_full (G_PRIORITY_DEFAULT, show_progress_cb, progress, NULL);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = docket_store_open (job->database, &error);

  if (store == NULL ||
      !job->func (store, job->path, on_progress_cb, job, cancellable, job->job_data, &error))
    {
      if (store != NULL)
        docket_store_close (store);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  docket_store_close (store);
  g_task_return_boolean (task, TRUE);
}

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (job->path);
  g_autofree char *message = NULL;

  if (job->window != NULL)
    gtk_widget_set_visible (job->window, FALSE);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    /* Translators: %s is the file name */
    message = g_strdup_printf (_("Saved “%s”."), name);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup (_("Cancelled: no file was written."));
  else
    message = g_strdup (error->message);
  docket_toast_show (job->source, message, NULL, NULL, NULL);
}

static void
on_cancel_clicked_cb (GtkButton *button,
                      Job       *job)
{
  g_cancellable_cancel (job->cancellable);
}

static void
show_progress_window (Job *job)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (job->source));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label = gtk_label_new (job->title);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  job->window = g_object_ref_sink (adw_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (job->window), parent);
  gtk_window_set_modal (GTK_WINDOW (job->window), TRUE);
  gtk_window_set_title (GTK_WINDOW (job->window), job->title);
  gtk_window_set_default_size (GTK_WINDOW (job->window), 360, -1);
  job->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (job->bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  job->title, -1);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_halign (cancel, GTK_ALIGN_END);
  g_signal_connect (cancel, "clicked", G_CALLBACK (on_cancel_clicked_cb), job);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (job->bar));
  gtk_box_append (GTK_BOX (box), cancel);
  adw_window_set_content (ADW_WINDOW (job->window), box);
  gtk_window_present (GTK_WINDOW (job->window));
}

void
docket_export_job_start (GtkWidget          *source,
                         DocketStore        *store,
                         const char         *title,
                         const char         *path,
                         DocketExportJobFunc func,
                         gpointer            job_data,
                         GDestroyNotify      job_data_free)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  job->source = g_object_ref (source);
  job->database = g_strdup (docket_store_get_path (store));
  job->title = g_strdup (title);
  job->path = g_strdup (path);
  job->func = func;
  job->job_data = job_data;
  job->job_data_free = job_data_free;
  job->cancellable = g_cancellable_new ();
  show_progress_window (job);

  task = g_task_new (NULL, job->cancellable, on_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_in_thread);
}

typedef struct
{
  GtkWidget          *source;
  DocketStore        *store;
  char               *title;
  DocketExportJobFunc func;
  gpointer            job_data;
  GDestroyNotify      job_data_free;
  GtkFileChooserNative *chooser;
} Ask;

static void
ask_free (Ask *ask)
{
  g_clear_object (&ask->source);
  g_clear_object (&ask->store);
  g_free (ask->title);
  if (ask->job_data_free != NULL && ask->job_data != NULL)
    ask->job_data_free (ask->job_data);
  g_clear_object (&ask->chooser);
  g_free (ask);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        Ask             *ask)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      docket_export_job_start (ask->source, ask->store, ask->title, path, ask->func,
                               g_steal_pointer (&ask->job_data), ask->job_data_free);
    }
  ask_free (ask);
}

void
docket_export_job_run (GtkWidget          *source,
                       DocketStore        *store,
                       const char         *title,
                       const char         *suggested_name,
                       DocketExportJobFunc func,
                       gpointer            job_data,
                       GDestroyNotify      job_data_free)
{
  Ask *ask = g_new0 (Ask, 1);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (source));

  ask->source = g_object_ref (source);
  ask->store = g_object_ref (store);
  ask->title = g_strdup (title);
  ask->func = func;
  ask->job_data = job_data;
  ask->job_data_free = job_data_free;
  ask->chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                              _("_Save"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (ask->chooser), suggested_name);
  g_signal_connect (ask->chooser, "response", G_CALLBACK (on_chooser_response_cb), ask);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (ask->chooser));
}
