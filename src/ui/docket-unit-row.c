/* docket-unit-row.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "docket-tooltip.h"
#include "docket-unit-row.h"
#include "docket-wrap-box.h"

/* Deeper levels are drawn at this one, so a narrow window keeps room for the name. */
#define MAX_INDENT_DEPTH 4
#define INDENT_PX        24

struct _DocketUnitRow
{
  GtkWidget     parent_instance;

  DocketRecord *record;

  GtkBox       *layout;
  GtkLabel     *name_label;
  GtkLabel     *archived_label;
  GtkLabel     *subtitle_label;
  GtkLabel     *contacts_label;
  GtkLabel     *figures_label;
  GtkLabel     *overdue_label;
  GtkButton    *items_button;
  GtkButton    *edit_button;
  GtkButton    *calendar_button;
  GtkButton    *archive_button;
  GtkButton    *restore_button;
};

G_DEFINE_FINAL_TYPE (DocketUnitRow, docket_unit_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
docket_unit_entry_free (DocketUnitEntry *entry)
{
  if (entry == NULL)
    return;
  docket_unit_free (entry->unit);
  g_free (entry);
}

static char *
join_present (const char *separator,
              ...)
{
  GString *out = g_string_new (NULL);
  const char *part;
  va_list args;

  va_start (args, separator);
  while ((part = va_arg (args, const char *)) != (const char *) -1)
    {
      if (part == NULL || *part == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, part);
    }
  va_end (args);
  return g_string_free (out, FALSE);
}

static void
update_figures (DocketUnitRow         *self,
                const DocketReportRow *figures,
                gboolean               counted)
{
  g_autofree char *assigned = docket_format_count (figures->assigned);
  g_autofree char *completed = docket_format_count (figures->completed);
  g_autofree char *overdue = docket_format_count (figures->overdue);
  g_autofree char *percent = docket_format_percent (docket_report_row_completion_percent (figures));
  g_autofree char *text = NULL;
  g_autofree char *overdue_text = NULL;

  if (!counted)
    /* Translators: in place of a unit's figures while they are being counted */
    text = g_strdup (_("Counting items…"));
  else if (figures->assigned == 0)
    text = g_strdup (_("No directive items"));
  else
    /* Translators: the figures of a unit: items assigned, items completed, and the
     * completion rate such as "55,56" */
    text = g_strdup_printf (_("%s assigned · %s completed · %s %% completed"),
                            assigned, completed, percent);
  /* Translators: a red badge on a unit; the word keeps it readable without colour */
  overdue_text = g_strdup_printf (_("%s overdue"), overdue);

  gtk_label_set_label (self->figures_label, text);
  if (counted)
    gtk_widget_remove_css_class (GTK_WIDGET (self->figures_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->figures_label), "dim-label");
  gtk_label_set_label (self->overdue_label, overdue_text);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), counted && figures->overdue > 0);
}

static void
set_action (GtkButton  *button,
            const char *name,
            GVariant   *target)
{
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), name);
}

static void
update (DocketUnitRow *self)
{
  DocketUnitEntry *entry = self->record ? docket_record_get_value (self->record) : NULL;
  g_autofree char *head = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *contacts = NULL;
  GVariant *target;

  if (entry == NULL)
    {
      /* Unbound, the buttons act on no unit. */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->items_button), NULL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button), NULL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->calendar_button), NULL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->archive_button), NULL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->restore_button), NULL);
      return;
    }

  if (entry->unit->head != NULL && *entry->unit->head != '\0')
    /* Translators: the head of a unit, shown under its name */
    head = g_strdup_printf (_("Head: %s"), entry->unit->head);
  subtitle = join_present (" · ", entry->unit->short_name,
                           docket_unit_kind_get_label (entry->unit->kind), head,
                           (const char *) -1);
  contacts = join_present (" · ", entry->unit->email, entry->unit->phone, (const char *) -1);

  gtk_label_set_label (self->name_label, entry->unit->name);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_label_set_label (self->contacts_label, contacts);
  gtk_widget_set_visible (GTK_WIDGET (self->contacts_label), *contacts != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->archived_label), entry->unit->archived);
  gtk_widget_set_margin_start (GTK_WIDGET (self->layout),
                               12 + INDENT_PX * (int) MIN (entry->depth, MAX_INDENT_DEPTH));
  if (entry->unit->archived)
    gtk_widget_add_css_class (GTK_WIDGET (self), "archived");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "archived");
  update_figures (self, &entry->figures, entry->counted);

  /* The target first: an action name without its target is an error. */
  target = g_variant_ref_sink (g_variant_new_int64 (entry->unit->id));
  set_action (self->items_button, "win.show-unit-items", target);
  set_action (self->edit_button, "units.edit", target);
  set_action (self->calendar_button, "units.export-calendar", target);
  set_action (self->archive_button, "units.archive", target);
  set_action (self->restore_button, "units.unarchive", target);
  g_variant_unref (target);
  gtk_widget_set_visible (GTK_WIDGET (self->archive_button), !entry->unit->archived);
  gtk_widget_set_visible (GTK_WIDGET (self->restore_button), entry->unit->archived);
}

static void
on_record_filled (DocketRecord *record,
                  gpointer      data)
{
  update (DOCKET_UNIT_ROW (data));
}

static void
set_record (DocketUnitRow *self,
            DocketRecord  *record)
{
  if (self->record != NULL)
    docket_record_unwatch (self->record, self);
  g_set_object (&self->record, record);
  /* The list gives its records new figures in place (docket_record_fill ()). */
  if (self->record != NULL)
    docket_record_watch (self->record, on_record_filled, self);
  update (self);
}

static void
docket_unit_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DocketUnitRow *self = DOCKET_UNIT_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      if (self->record != g_value_get_object (value))
        {
          set_record (self, g_value_get_object (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_unit_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DocketUnitRow *self = DOCKET_UNIT_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_unit_row_dispose (GObject *object)
{
  DocketUnitRow *self = DOCKET_UNIT_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOCKET_TYPE_UNIT_ROW);
  /* Whatever the template did not unparent (it depends on the GTK version) goes here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->record != NULL)
    set_record (self, NULL);

  G_OBJECT_CLASS (docket_unit_row_parent_class)->dispose (object);
}

static void
docket_unit_row_class_init (DocketUnitRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_unit_row_dispose;
  object_class->set_property = docket_unit_row_set_property;
  object_class->get_property = docket_unit_row_get_property;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, DOCKET_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOCKET_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/docket-unit-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketUnitRow, layout);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitRow, archived_label);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitRow, contacts_label);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitRow, figures_label);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitRow, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitRow, items_button);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitRow, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitRow, archive_button);
  gtk_widget_class_bind_template_child (widget_class, DocketUnitRow, restore_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
docket_unit_row_init (DocketUnitRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Set here rather than in the template, where each cost a round trip to the X
   * server (docket_tooltip_set_on_new ()): a list makes rows by the hundred. */
  docket_tooltip_set_on_new (GTK_WIDGET (self->items_button),
                             _("Show the directive items this unit leads"));
  docket_tooltip_set_on_new (GTK_WIDGET (self->calendar_button),
                             _("Save the Unit’s Open Items as a Calendar…"));
  docket_tooltip_set_on_new (GTK_WIDGET (self->edit_button), _("Edit Unit"));
  docket_tooltip_set_on_new (GTK_WIDGET (self->archive_button),
                             _("Hide the unit from the lists; its history is kept (Delete)"));
  docket_tooltip_set_on_new (GTK_WIDGET (self->restore_button),
                             _("Bring the unit back into the lists"));
}

GtkWidget *
docket_unit_row_new (DocketRecord *record)
{
  return g_object_new (DOCKET_TYPE_UNIT_ROW, "record", record, NULL);
}

DocketRecord *
docket_unit_row_get_record (DocketUnitRow *self)
{
  g_return_val_if_fail (DOCKET_IS_UNIT_ROW (self), NULL);
  return self->record;
}
