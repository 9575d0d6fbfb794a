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
  const char   *badge_css;  /* static, from libdocket-core */
};

G_DEFINE_FINAL_TYPE (DocketItemCell, docket_item_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RECORD,
  PROP_COLUMN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/* The badge's word and colour class for the status column. */
static const char *
badge_text (const DocketItem  *item,
            DocketDate         today,
            const char       **out_css)
{
  DocketBucket bucket = docket_item_bucket (item, today);

  if (docket_item_is_awaiting_confirmation (item))
    {
      *out_css = docket_status_flag_get_css_class (DOCKET_STATUS_FLAG_AWAITING_CONFIRMATION);
      return docket_status_flag_get_label (DOCKET_STATUS_FLAG_AWAITING_CONFIRMATION);
    }
  *out_css = docket_bucket_get_css_class (bucket);
  return docket_bucket_get_label (bucket);
}

static void
set_badge_class (DocketItemCell *self,
                 const char     *css)
{
  if (g_strcmp0 (self->badge_css, css) == 0)
    return;
  if (self->badge_css != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->label), self->badge_css);
      gtk_widget_remove_css_class (GTK_WIDGET (self->label), "status-badge");
    }
  if (css != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->label), "status-badge");
      gtk_widget_add_css_class (GTK_WIDGET (self->label), css);
    }
  self->badge_css = css;
}

/* The cell's text; @owned keeps it when it is made for the cell. */
static const char *
cell_text (DocketItemCell   *self,
           DocketItemEntry  *entry,
           char            **owned,
           const char      **out_css)
{
  DocketItem *item = entry->row->item;

  if (g_str_equal (self->column, "content"))
    return item->content;
  if (g_str_equal (self->column, "lead"))
    return entry->row->lead_unit_name;
  if (g_str_equal (self->column, "coordinating"))
    return entry->coordinating;
  if (g_str_equal (self->column, "deadline"))
    return item->deadline ? (*owned = docket_date_format_display (item->deadline)) : _("No deadline");
  if (g_str_equal (self->column, "days"))
    return *owned = days_text (item, entry->today);
  if (g_str_equal (self->column, "status"))
    return badge_text (item, entry->today, out_css);
  if (g_str_equal (self->column, "meeting"))
    return entry->row->meeting_title;
  if (g_str_equal (self->column, "star"))
    return item->starred ? "★" : "";
  return NULL;
}

/* Called for each row a list view binds and each row read again: the label's text
 * and classes are set once, and only when they change (a list view binds a couple
 * of hundred rows at a jump or a new order). */
static void
update (DocketItemCell *self)
{
  DocketItemEntry *entry = self->record ? docket_record_get_value (self->record) : NULL;
  g_autofree char *owned = NULL;
  const char *css = NULL;
  const char *text = NULL;

  if (entry != NULL && self->column != NULL)
    text = cell_text (self, entry, &owned, &css);
  set_badge_class (self, css);
  gtk_label_set_label (self->label, text != NULL ? text : "");
  if (g_strcmp0 (self->column, "star") == 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    entry != NULL && entry->row->item->starred ? _("Priority") : "",
                                    -1);
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
