/* docket-item-cell.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "docket-item-cell.h"

/* A cell shows one column of a row; which one is set in the .ui factory
 * (column="content", "lead", "coordinating", "deadline", "days", "status",
 * "meeting", "star").  Status is a word on a coloured badge: colour is never the
 * only signal. */
struct _DocketItemCell
{
  GtkWidget     parent_instance;

  DocketRecord *record;
  char         *column;
  GtkLabel     *label;
};

G_DEFINE_FINAL_TYPE (DocketItemCell, docket_item_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RECORD,
  PROP_COLUMN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *badge_classes[] = {
  "on-time", "late", "in-progress", "overdue", "no-deadline", "cancelled", "due-soon",
  "awaiting-confirmation",
};

void
docket_item_entry_free (DocketItemEntry *entry)
{
  if (entry == NULL)
    return;
  docket_item_row_free (entry->row);
  g_free (entry->coordinating);
  g_free (entry);
}

static char *
days_text (const DocketItem *item,
           DocketDate        today)
{
  int overdue;

  if (item->deadline == DOCKET_DATE_NONE || docket_item_is_completed (item, today) ||
      item->state == DOCKET_ITEM_STATE_CANCELLED)
    return g_strdup ("");
  overdue = docket_item_days_overdue (item, today);
  if (overdue > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue",
                                         overdue), overdue);
  if (item->deadline == today)
    return g_strdup (_("Due today"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left",
                                       (int) (item->deadline - today)),
                          (int) (item->deadline - today));
}

static void
set_badge (DocketItemCell   *self,
           const DocketItem *item,
           DocketDate        today)
{
  DocketBucket bucket = docket_item_bucket (item, today);
  const char *css = docket_bucket_get_css_class (bucket);
  const char *word = docket_bucket_get_label (bucket);

  if (docket_item_is_awaiting_confirmation (item))
    {
      css = docket_status_flag_get_css_class (DOCKET_STATUS_FLAG_AWAITING_CONFIRMATION);
      word = docket_status_flag_get_label (DOCKET_STATUS_FLAG_AWAITING_CONFIRMATION);
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "status-badge");
  gtk_widget_add_css_class (GTK_WIDGET (self->label), css);
  gtk_label_set_label (self->label, word);
}

static void
update (DocketItemCell *self)
{
  DocketItemEntry *entry = self->record ? docket_record_get_value (self->record) : NULL;
  DocketItem *item;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (badge_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->label), badge_classes[i]);
  gtk_widget_remove_css_class (GTK_WIDGET (self->label), "status-badge");
  gtk_label_set_label (self->label, "");
  if (entry == NULL || self->column == NULL)
    return;
  item = entry->row->item;

  if (g_str_equal (self->column, "content"))
    gtk_label_set_label (self->label, item->content);
  else if (g_str_equal (self->column, "lead"))
    gtk_label_set_label (self->label, entry->row->lead_unit_name);
  else if (g_str_equal (self->column, "coordinating"))
    gtk_label_set_label (self->label, entry->coordinating);
  else if (g_str_equal (self->column, "deadline"))
    {
      text = item->deadline ? docket_date_format_display (item->deadline) : g_strdup (_("No deadline"));
      gtk_label_set_label (self->label, text);
    }
  else if (g_str_equal (self->column, "days"))
    {
      text = days_text (item, entry->today);
      gtk_label_set_label (self->label, text);
    }
  else if (g_str_equal (self->column, "status"))
    set_badge (self, item, entry->today);
  else if (g_str_equal (self->column, "meeting"))
    gtk_label_set_label (self->label, entry->row->meeting_title);
  else if (g_str_equal (self->column, "star"))
    {
      gtk_label_set_label (self->label, item->starred ? "★" : "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      item->starred ? _("Priority") : "", -1);
    }
}

static void
docket_item_cell_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DocketItemCell *self = DOCKET_ITEM_CELL (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      if (self->record != g_value_get_object (value))
        {
          /* A placeholder row shows empty cells until its page has been read; a row
           * read again (the list changed) shows its new value. */
          if (self->record != NULL)
            g_signal_handlers_disconnect_by_data (self->record, self);
          g_set_object (&self->record, g_value_get_object (value));
          if (self->record != NULL)
            g_signal_connect_object (self->record, "notify::loaded", G_CALLBACK (update), self,
                                     G_CONNECT_SWAPPED);
          update (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_COLUMN:
      g_free (self->column);
      self->column = g_value_dup_string (value);
      /* Long names give way to the item's own words. */
      if (g_strcmp0 (self->column, "content") == 0)
        {
          gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_END);
          gtk_label_set_width_chars (self->label, 30);
          gtk_label_set_max_width_chars (self->label, 60);
        }
      else if (g_strcmp0 (self->column, "lead") == 0 || g_strcmp0 (self->column, "meeting") == 0 ||
               g_strcmp0 (self->column, "coordinating") == 0)
        {
          gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (self->label, 22);
        }
      update (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_item_cell_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DocketItemCell *self = DOCKET_ITEM_CELL (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_COLUMN:
      g_value_set_string (value, self->column);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_item_cell_dispose (GObject *object)
{
  DocketItemCell *self = DOCKET_ITEM_CELL (object);

  g_clear_pointer ((GtkWidget **) &self->label, gtk_widget_unparent);
  if (self->record != NULL)
    g_signal_handlers_disconnect_by_data (self->record, self);
  g_clear_object (&self->record);
  g_clear_pointer (&self->column, g_free);

  G_OBJECT_CLASS (docket_item_cell_parent_class)->dispose (object);
}

static void
docket_item_cell_class_init (DocketItemCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = docket_item_cell_dispose;
  object_class->set_property = docket_item_cell_set_property;
  object_class->get_property = docket_item_cell_get_property;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, DOCKET_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COLUMN] =
    g_param_spec_string ("column", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
docket_item_cell_init (DocketItemCell *self)
{
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_halign (GTK_WIDGET (self->label), GTK_ALIGN_START);
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
}
