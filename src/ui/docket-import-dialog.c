/* docket-import-dialog.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-import"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-import-dialog.h"
#include "docket-import.h"
#include "docket-store-meetings.h"
#include "docket-toast.h"

/* The dialog reads the file, guesses which column holds what, and checks every
 * row in a worker (with its own store connection) before showing the report.
 * Changing the mapping checks again.  Nothing is written until Import, and then
 * everything is written in one transaction, in a worker, or nothing. */

struct _DocketImportDialog
{
  AdwWindow            parent_instance;

  DocketStore         *store;
  GtkWindow           *parent;
  DocketCsvTable      *table;
  DocketImportMapping  mapping;
  DocketImportReport  *report;
  GCancellable        *cancellable;
  GArray              *meeting_ids;
  gboolean             busy;
  gboolean             filling;

  GtkLabel            *file_label;
  GtkDropDown         *meeting_dropdown;
  GtkSwitch           *header_switch;
  GtkSwitch           *create_switch;
  GtkSwitch           *skip_switch;
  GtkDropDown         *field_dropdowns[DOCKET_IMPORT_N_FIELDS];
  GtkLabel            *summary_label;
  GtkListBox          *problems_list;
  GtkProgressBar      *progress;
  GtkButton           *import_button;
};

G_DEFINE_FINAL_TYPE (DocketImportDialog, docket_import_dialog, ADW_TYPE_WINDOW)

static void check_again (DocketImportDialog *self);

/* Worker jobs. */

typedef struct
{
  char                *database;
  DocketCsvTable      *table;       /* borrowed: the dialog keeps it while busy */
  DocketImportMapping  mapping;
  DocketImportReport  *report;      /* for the commit */
  gboolean             skip_errors;
  guint                n_items;
} Job;

static void
job_free (Job *job)
{
  g_free (job->database);
  g_free (job);
}

static void
validate_in_thread (GTask        *task,
                    gpointer      source,
                    gpointer      data,
                    GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = docket_store_open (job->database, &error);
  DocketImportReport *report = NULL;

  if (store != NULL)
    {
      report = docket_import_validate (store, job->table, &job->mapping, cancellable, &error);
      docket_store_close (store);
    }
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify) docket_import_report_free);
}

static void
commit_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = docket_store_open (job->database, &error);
  gboolean ok = FALSE;

  if (store != NULL)
    {
      ok = docket_import_report_commit (job->report, store, job->skip_errors, cancellable,
                                        &job->n_items, &error);
      docket_store_close (store);
    }
  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Showing the report. */

static void
set_busy (DocketImportDialog *self,
          gboolean            busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->progress), busy);
  if (busy)
    gtk_progress_bar_pulse (self->progress);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
}

static void
show_report (DocketImportDialog *self)
{
  guint ready = docket_import_report_count (self->report, DOCKET_IMPORT_ROW_READY);
  guint errors = docket_import_report_count (self->report, DOCKET_IMPORT_ROW_ERROR);
  guint skipped = docket_import_report_count (self->report, DOCKET_IMPORT_ROW_SKIPPED);
  guint n_new = 0;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  docket_import_report_get_new_units (self->report, &n_new);
  /* Translators: a summary of the checked rows */
  summary = g_strdup_printf (_("%u rows ready, %u with problems, %u skipped (empty or already in "
                               "Docket); %u new units."),
                             ready, errors, skipped, n_new);
  gtk_label_set_label (self->summary_label, summary);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);
  for (guint i = 0; i < docket_import_report_get_n_rows (self->report); i++)
    {
      const DocketImportRow *row = docket_import_report_get_row (self->report, i);
      g_autoptr(GString) messages = g_string_new (NULL);
      g_autofree char *title = NULL;
      GtkWidget *widget;

      if (row->problems == NULL || row->problems->len == 0)
        continue;
      for (guint p = 0; p < row->problems->len; p++)
        {
          DocketImportProblem *problem = g_ptr_array_index (row->problems, p);
          g_string_append_printf (messages, "%s%s", p ? "\n" : "", problem->message);
        }
      /* Translators: %u is the line of the file, %s what the row says */
      title = g_strdup_printf (_("Line %u: %s"), row->line, row->content ? row->content : "");
      widget = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), messages->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (widget), 0);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (widget),
                                    row->status == DOCKET_IMPORT_ROW_ERROR ? "dialog-warning-symbolic"
                                                                           : "dialog-information-symbolic");
      gtk_list_box_append (self->problems_list, widget);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            ready > 0 && (errors == 0 || gtk_switch_get_active (self->skip_switch)));
}

static void
on_validated_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  DocketImportDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  DocketImportReport *report = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_object_unref (self);
      return;
    }
  set_busy (self, FALSE);
  if (report == NULL)
    gtk_label_set_label (self->summary_label, error->message);
  else
    {
      g_clear_pointer (&self->report, docket_import_report_free);
      self->report = report;
      show_report (self);
    }
  g_object_unref (self);
}

static void
read_mapping (DocketImportDialog *self)
{
  guint meeting = gtk_drop_down_get_selected (self->meeting_dropdown);

  for (int f = 0; f < DOCKET_IMPORT_N_FIELDS; f++)
    {
      guint selected = gtk_drop_down_get_selected (self->field_dropdowns[f]);
      /* Position 0 is "Not in the file". */
      self->mapping.columns[f] = selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                 ? -1 : (int) selected - 1;
    }
  self->mapping.header_row = gtk_switch_get_active (self->header_switch);
  self->mapping.create_units = gtk_switch_get_active (self->create_switch);
  self->mapping.meeting_id = meeting > 0 && meeting <= self->meeting_ids->len
                             ? g_array_index (self->meeting_ids, DocketId, meeting - 1) : 0;
}

static void
check_again (DocketImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->table == NULL || self->filling || self->store == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  read_mapping (self);

  job = g_new0 (Job, 1);
  job->database = g_strdup (docket_store_get_path (self->store));
  job->table = self->table;
  job->mapping = self->mapping;
  set_busy (self, TRUE);
  task = g_task_new (NULL, self->cancellable, on_validated_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, validate_in_thread);
}

static void
fill_columns (DocketImportDialog *self)
{
  g_autoptr(GtkStringList) columns = gtk_string_list_new (NULL);
  guint n = docket_csv_table_get_n_columns (self->table);

  gtk_string_list_append (columns, _("Not in the file"));
  for (guint c = 0; c < n; c++)
    {
      const char *header = docket_csv_table_get_cell (self->table, 0, c);
      /* Translators: a column of the file: its number and its first cell */
      g_autofree char *label = g_strdup_printf (_("Column %u: %s"), c + 1, header ? header : "");
      gtk_string_list_append (columns, label);
    }

  self->filling = TRUE;
  for (int f = 0; f < DOCKET_IMPORT_N_FIELDS; f++)
    {
      gtk_drop_down_set_model (self->field_dropdowns[f], G_LIST_MODEL (columns));
      gtk_drop_down_set_selected (self->field_dropdowns[f], self->mapping.columns[f] + 1);
    }
  gtk_switch_set_active (self->header_switch, self->mapping.header_row);
  self->filling = FALSE;
}

/* Importing. */

static void
on_committed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  DocketImportDialog *self = user_data;
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Nothing was written; the report stays so the problem can be fixed. */
      show_report (self);
      gtk_label_set_label (self->summary_label, error->message);
    }
  else if (self->parent != NULL)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u item.",
                                                               "Imported %u items.", job->n_items),
                                                  job->n_items);
      GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (self->parent));

      docket_toast_show (content, message, NULL, NULL, NULL);
      gtk_window_close (GTK_WINDOW (self));
    }
  g_object_unref (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DocketImportDialog *self = DOCKET_IMPORT_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->report == NULL || self->busy)
    return;
  job = g_new0 (Job, 1);
  job->database = g_strdup (docket_store_get_path (self->store));
  job->report = self->report;
  job->skip_errors = gtk_switch_get_active (self->skip_switch);
  set_busy (self, TRUE);
  task = g_task_new (NULL, self->cancellable, on_committed_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, commit_in_thread);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Building the window. */

static GtkWidget *
switch_row (const char *title,
            GtkSwitch **out_switch)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  *out_switch = GTK_SWITCH (toggle);
  return row;
}

static GtkWidget *
dropdown_row (const char   *title,
              GtkDropDown **out_dropdown)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  *out_dropdown = GTK_DROP_DOWN (dropdown);
  return row;
}

static void
fill_meetings (DocketImportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) meetings = docket_store_list_meetings (self->store, -1, 0, 0, 200, NULL);

  gtk_string_list_append (names, _("Only the meeting column"));
  for (guint i = 0; meetings != NULL && i < meetings->len; i++)
    {
      DocketMeetingSummary *summary = g_ptr_array_index (meetings, i);
      g_autofree char *date = docket_date_format_display (summary->meeting->date);
      g_autofree char *label = g_strdup_printf ("%s (%s)", summary->meeting->title, date);

      gtk_string_list_append (names, label);
      g_array_append_val (self->meeting_ids, summary->meeting->id);
    }
  gtk_drop_down_set_model (self->meeting_dropdown, G_LIST_MODEL (names));
  /* The newest meeting is the usual home of an imported tracker. */
  gtk_drop_down_set_selected (self->meeting_dropdown, self->meeting_ids->len > 0 ? 1 : 0);
}

static void
build (DocketImportDialog *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  AdwPreferencesGroup *file_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *map_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *report_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  self->import_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Import")));
  gtk_widget_add_css_class (GTK_WIDGET (self->import_button), "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->import_button), "import.import");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "import.cancel");
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->import_button));

  self->file_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->file_label, TRUE);
  gtk_label_set_xalign (self->file_label, 0);
  adw_preferences_group_set_title (file_group, _("File"));
  adw_preferences_group_add (file_group, GTK_WIDGET (self->file_label));
  adw_preferences_group_add (file_group, dropdown_row (_("Meeting of the rows that name none"),
                                                       &self->meeting_dropdown));
  adw_preferences_group_add (file_group, switch_row (_("The first row holds the column names"),
                                                     &self->header_switch));
  adw_preferences_group_add (file_group, switch_row (_("Create the units the file names that do not exist"),
                                                     &self->create_switch));
  adw_preferences_group_add (file_group, switch_row (_("Import the ready rows and leave the others out"),
                                                     &self->skip_switch));

  adw_preferences_group_set_title (map_group, _("Columns"));
  adw_preferences_group_set_description (map_group, _("Which column of the file holds what. Docket guessed from the column names; correct it if needed."));
  for (int f = 0; f < DOCKET_IMPORT_N_FIELDS; f++)
    adw_preferences_group_add (map_group, dropdown_row (docket_import_field_get_label (f),
                                                        &self->field_dropdowns[f]));

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_label_set_xalign (self->summary_label, 0);
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Checking the rows"), -1);
  self->problems_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->problems_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->problems_list), "boxed-list");
  adw_preferences_group_set_title (report_group, _("Check"));
  adw_preferences_group_add (report_group, GTK_WIDGET (self->summary_label));
  adw_preferences_group_add (report_group, GTK_WIDGET (self->progress));
  adw_preferences_group_add (report_group, GTK_WIDGET (self->problems_list));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (file_group));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (map_group));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (report_group));
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (page), header);
  gtk_box_append (GTK_BOX (page), scroller);
  adw_window_set_content (ADW_WINDOW (self), page);
}

static void
docket_import_dialog_dispose (GObject *object)
{
  DocketImportDialog *self = DOCKET_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (docket_import_dialog_parent_class)->dispose (object);
}

/* A worker still running holds a reference to the dialog, and reads the table and
 * the report: they go only when the last reference does. */
static void
docket_import_dialog_finalize (GObject *object)
{
  DocketImportDialog *self = DOCKET_IMPORT_DIALOG (object);

  g_clear_pointer (&self->report, docket_import_report_free);
  g_clear_pointer (&self->table, docket_csv_table_free);
  g_clear_pointer (&self->meeting_ids, g_array_unref);

  G_OBJECT_CLASS (docket_import_dialog_parent_class)->finalize (object);
}

static void
docket_import_dialog_class_init (DocketImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_import_dialog_dispose;
  object_class->finalize = docket_import_dialog_finalize;
  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
docket_import_dialog_init (DocketImportDialog *self)
{
  self->meeting_ids = g_array_new (FALSE, FALSE, sizeof (DocketId));
  docket_import_mapping_init (&self->mapping);
  gtk_window_set_title (GTK_WINDOW (self), _("Import a Tracker"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 720);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  build (self);
}

DocketImportDialog *
docket_import_dialog_new (GtkWindow   *parent,
                          DocketStore *store)
{
  DocketImportDialog *self = g_object_new (DOCKET_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->parent = parent;
  fill_meetings (self);
  g_signal_connect_object (self->meeting_dropdown, "notify::selected", G_CALLBACK (check_again),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->header_switch, "notify::active", G_CALLBACK (check_again),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->create_switch, "notify::active", G_CALLBACK (check_again),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->skip_switch, "notify::active", G_CALLBACK (check_again),
                           self, G_CONNECT_SWAPPED);
  for (int f = 0; f < DOCKET_IMPORT_N_FIELDS; f++)
    g_signal_connect_object (self->field_dropdowns[f], "notify::selected", G_CALLBACK (check_again),
                             self, G_CONNECT_SWAPPED);
  return self;
}

void
docket_import_dialog_load (DocketImportDialog *self,
                           GFile              *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;

  g_return_if_fail (DOCKET_IS_IMPORT_DIALOG (self));

  /* A check of the previous file may still be reading its table. */
  if (self->busy)
    return;
  g_clear_pointer (&self->report, docket_import_report_free);
  g_clear_pointer (&self->table, docket_csv_table_free);
  self->table = docket_csv_read_file (file, NULL, &error);
  if (self->table == NULL)
    {
      gtk_label_set_label (self->file_label, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      return;
    }
  /* Translators: the file name and how many rows it has */
  text = g_strdup_printf (_("“%s”: %u rows"), name, docket_csv_table_get_n_rows (self->table));
  gtk_label_set_label (self->file_label, text);
  docket_import_mapping_guess (&self->mapping, self->table);
  fill_columns (self);
  check_again (self);
}

gboolean
docket_import_dialog_is_busy (DocketImportDialog *self)
{
  g_return_val_if_fail (DOCKET_IS_IMPORT_DIALOG (self), FALSE);
  return self->busy;
}

guint
docket_import_dialog_get_n_ready (DocketImportDialog *self)
{
  g_return_val_if_fail (DOCKET_IS_IMPORT_DIALOG (self), 0);
  return self->report ? docket_import_report_count (self->report, DOCKET_IMPORT_ROW_READY) : 0;
}

guint
docket_import_dialog_get_n_errors (DocketImportDialog *self)
{
  g_return_val_if_fail (DOCKET_IS_IMPORT_DIALOG (self), 0);
  return self->report ? docket_import_report_count (self->report, DOCKET_IMPORT_ROW_ERROR) : 0;
}
