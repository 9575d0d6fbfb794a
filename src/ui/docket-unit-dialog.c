/* docket-unit-dialog.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog keeps what was typed when the store refuses it: the store's message
 * (translated, written for the person) is shown above the fields and the dialog stays
 * open, so nothing is lost.
 */

#define G_LOG_DOMAIN "docket-units"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-store-units.h"
#include "docket-unit-dialog.h"

struct _DocketUnitDialog
{
  AdwWindow     parent_instance;

  DocketStore  *store;
  DocketId      unit_id;
  /* The unit ids behind the parent combo's positions; 0 for "none". */
  GArray       *parent_ids;

  GtkButton    *save_button;
  GtkRevealer  *error_revealer;
  GtkLabel     *error_label;
  AdwEntryRow  *name_row;
  AdwEntryRow  *short_name_row;
  AdwComboRow  *kind_row;
  AdwComboRow  *parent_row;
  AdwEntryRow  *head_row;
  AdwEntryRow  *email_row;
  AdwEntryRow  *phone_row;
};

G_DEFINE_FINAL_TYPE (DocketUnitDialog, docket_unit_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
show_error (DocketUnitDialog *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
fill_kinds (DocketUnitDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  for (int kind = DOCKET_UNIT_KIND_DEPARTMENT; kind <= DOCKET_UNIT_KIND_OTHER; kind++)
    gtk_string_list_append (kinds, docket_unit_kind_get_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

/* Offers every unit but this one and those under it (a unit cannot sit under
 * itself), indented as in the tree; archived units only when already chosen. */
static void
fill_parents (DocketUnitDialog *self,
              DocketId          current_parent)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GHashTable) depths = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  const DocketId none = 0;
  guint selected = 0;
  int skip_below = -1;

  g_array_set_size (self->parent_ids, 0);
  /* Translators: the choice of no parent unit */
  gtk_string_list_append (names, _("None (top level)"));
  g_array_append_val (self->parent_ids, none);

  units = docket_store_list_units (self->store, TRUE, &error);
  if (units == NULL)
    {
      show_error (self, error->message);
      units = g_ptr_array_new ();
    }
  for (guint i = 0; i < units->len; i++)
    {
      DocketUnit *unit = g_ptr_array_index (units, i);
      gpointer parent_depth = g_hash_table_lookup (depths, &unit->parent_id);
      int depth = parent_depth != NULL ? GPOINTER_TO_INT (parent_depth) : 0;
      g_autofree char *label = NULL;

      g_hash_table_insert (depths, &unit->id, GINT_TO_POINTER (depth + 1));
      if (skip_below >= 0 && depth > skip_below)
        continue;
      skip_below = -1;
      if (self->unit_id != 0 && unit->id == self->unit_id)
        {
          skip_below = depth;
          continue;
        }
      if (unit->archived && unit->id != current_parent)
        continue;
      label = g_strdup_printf ("%*s%s", depth * 4, "", unit->name);
      if (unit->id == current_parent)
        selected = self->parent_ids->len;
      gtk_string_list_append (names, label);
      g_array_append_val (self->parent_ids, unit->id);
    }
  adw_combo_row_set_model (self->parent_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->parent_row, selected);
}

static gboolean
load (DocketUnitDialog *self)
{
  g_autoptr(DocketUnit) unit = NULL;
  g_autoptr(GError) error = NULL;

  if (self->unit_id == 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Add Unit"));
      gtk_button_set_label (self->save_button, _("_Add"));
      adw_combo_row_set_selected (self->kind_row, DOCKET_UNIT_KIND_DEPARTMENT);
      fill_parents (self, 0);
      return TRUE;
    }

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Unit"));
  gtk_button_set_label (self->save_button, _("_Save"));
  unit = docket_store_get_unit (self->store, self->unit_id, &error);
  if (unit == NULL)
    {
      show_error (self, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
      return FALSE;
    }
  set_text (self->name_row, unit->name);
  set_text (self->short_name_row, unit->short_name);
  set_text (self->head_row, unit->head);
  set_text (self->email_row, unit->email);
  set_text (self->phone_row, unit->phone);
  adw_combo_row_set_selected (self->kind_row, unit->kind);
  fill_parents (self, unit->parent_id);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  docket_unit_dialog_save (DOCKET_UNIT_DIALOG (widget));
}

static void
docket_unit_dialog_dispose (GObject *object)
{
  DocketUnitDialog *self = DOCKET_UNIT_DIALOG (object);

  /* No gtk_widget_dispose_template (): the window destroys its content itself. */
  g_clear_object (&self->store);
  g_clear_pointer (&self->parent_ids, g_array_unref);

  G_OBJECT_CLASS (docket_unit_dialog_parent_class)->dispose (object);
}

static void
docket_unit_dialog_class_init (DocketUnitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_unit_dialog_dispose;

  /**
   * DocketUnitDialog::saved:
   * @unit_id: the unit added or changed
   *
   * Emitted when the store took the unit, just before the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/docket-unit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketUnitDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitDialog, short_name_row);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitDialog, parent_row);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitDialog, head_row);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitDialog, phone_row);

  gtk_widget_class_install_action (widget_class, "unit-dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
docket_unit_dialog_init (DocketUnitDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->parent_ids = g_array_new (FALSE, FALSE, sizeof (DocketId));
  fill_kinds (self);
}

/**
 * docket_unit_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store the unit is kept in
 * @unit_id: the unit to edit, or 0 to add one
 *
 * Returns: (transfer none): the dialog, not shown yet; it is destroyed when closed
 */
DocketUnitDialog *
docket_unit_dialog_new (GtkWindow   *parent,
                        DocketStore *store,
                        DocketId     unit_id)
{
  DocketUnitDialog *self;

  g_return_val_if_fail (DOCKET_IS_STORE (store), NULL);

  self = g_object_new (DOCKET_TYPE_UNIT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->unit_id = unit_id;
  load (self);
  return self;
}

DocketId
docket_unit_dialog_get_unit_id (DocketUnitDialog *self)
{
  g_return_val_if_fail (DOCKET_IS_UNIT_DIALOG (self), 0);
  return self->unit_id;
}

/**
 * docket_unit_dialog_save:
 *
 * Stores the unit as typed and closes the dialog, or shows why the store refused it
 * and keeps everything typed.
 *
 * Returns: %TRUE when the unit was stored
 */
gboolean
docket_unit_dialog_save (DocketUnitDialog *self)
{
  g_autoptr(DocketUnit) unit = docket_unit_new ();
  g_autoptr(GError) error = NULL;
  guint parent = adw_combo_row_get_selected (self->parent_row);
  guint kind = adw_combo_row_get_selected (self->kind_row);
  gboolean ok;

  g_return_val_if_fail (DOCKET_IS_UNIT_DIALOG (self), FALSE);

  unit->id = self->unit_id;
  unit->name = dup_text (self->name_row);
  unit->short_name = dup_text (self->short_name_row);
  unit->head = dup_text (self->head_row);
  unit->email = dup_text (self->email_row);
  unit->phone = dup_text (self->phone_row);
  unit->kind = kind != GTK_INVALID_LIST_POSITION ? (DocketUnitKind) kind : DOCKET_UNIT_KIND_DEPARTMENT;
  if (parent != GTK_INVALID_LIST_POSITION && parent < self->parent_ids->len)
    unit->parent_id = g_array_index (self->parent_ids, DocketId, parent);

  if (self->unit_id == 0)
    {
      unit->id = docket_store_add_unit (self->store, unit, &error);
      ok = unit->id != 0;
    }
  else
    ok = docket_store_update_unit (self->store, unit, &error);

  /* An empty name is the usual slip: point at the field as well as saying it. */
  if (unit->name == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  if (!ok)
    {
      show_error (self, error->message);
      if (unit->name == NULL)
        gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return FALSE;
    }

  show_error (self, NULL);
  self->unit_id = unit->id;
  g_signal_emit (self, signals[SAVED], 0, (gint64) unit->id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
