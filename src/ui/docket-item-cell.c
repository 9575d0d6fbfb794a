/* docket-item-cell.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "docket-item-cell.h"

/* A cell shows one column of a row.  Status is a word on a coloured badge: colour
 * is never the only signal.
 *
 * The columns' factories are made here, in C (docket_item_cell_factory_new ()), not
 * as GtkBuilderListItemFactory templates in the .ui: a list view binds a couple of
 * hundred rows at a jump or a new order, and a builder factory builds each cell from
 * its XML and binds it through an expression watch, several times the cost of the
 * cell's own work.
 *
 * The text of a row is shown by a GtkInscription, which takes its size from the
 * font, not from the text: a new text is drawn again, not measured again.  A label
 * sizes itself to its text, and every row given another item (a couple of hundred
 * at a new order) had its labels measured again, long contents shaped in full; the
 * list then took several frames' time to lay out.  The status badge is one too, with
 * its padding and colour from the CSS: a chip of one width for every status, its word
 * centred; a badge sized to its word had its row measured again each time. */
struct _DocketItemCell
{
  GtkWidget         parent_instance;

  DocketRecord     *record;
  gulong            loaded_id;
  DocketItemColumn  column;
  GtkInscription   *text;
  const char       *badge_css;  /* static, from libdocket-core */
};

G_DEFINE_FINAL_TYPE (DocketItemCell, docket_item_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RECORD,
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
  /* The cell keeps "status-badge" (its padding, also while its row is being read);
   * only the colour's class changes, and only when the status does. */
  if (g_strcmp0 (self->badge_css, css) == 0)
    return;
  if (self->badge_css != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->text), self->badge_css);
  if (css != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->text), css);
  self->badge_css = css;
}

/* How many characters of the font's average width a column asks for, at least and
 * at best; the content column also takes the room left. */
static void
column_chars (DocketItemColumn  column,
              guint            *min_chars,
              guint            *nat_chars)
{
  static const guint widths[DOCKET_ITEM_N_COLUMNS][2] = {
    [DOCKET_ITEM_COLUMN_STAR] = { 1, 1 },
    [DOCKET_ITEM_COLUMN_CONTENT] = { 30, 60 },
    [DOCKET_ITEM_COLUMN_LEAD] = { 8, 16 },
    [DOCKET_ITEM_COLUMN_COORDINATING] = { 6, 12 },
    [DOCKET_ITEM_COLUMN_DEADLINE] = { 11, 11 },
    [DOCKET_ITEM_COLUMN_DAYS] = { 15, 16 },
    /* In the badge's smaller font: "In progress, overdue" and its translations. */
    [DOCKET_ITEM_COLUMN_STATUS] = { 18, 22 },
    [DOCKET_ITEM_COLUMN_MEETING] = { 8, 20 },
  };

  *min_chars = widths[column][0];
  *nat_chars = widths[column][1];
}

static GtkInscription *
make_text (DocketItemColumn column)
{
  GtkInscription *text = GTK_INSCRIPTION (gtk_inscription_new (NULL));
  guint min_chars, nat_chars;

  column_chars (column, &min_chars, &nat_chars);
  gtk_inscription_set_min_chars (text, min_chars);
  gtk_inscription_set_nat_chars (text, nat_chars);
  /* Long names give way to the item's own words. */
  gtk_inscription_set_text_overflow (text, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_valign (GTK_WIDGET (text), GTK_ALIGN_CENTER);
  if (column == DOCKET_ITEM_COLUMN_STATUS)
    {
      gtk_widget_set_halign (GTK_WIDGET (text), GTK_ALIGN_START);
      gtk_inscription_set_xalign (text, 0.5);
      gtk_widget_add_css_class (GTK_WIDGET (text), "status-badge");
    }
  return text;
}

/* The cell's text; @owned keeps it when it is made for the cell. */
static const char *
cell_text (DocketItemCell   *self,
           DocketItemEntry  *entry,
           char            **owned,
           const char      **out_css)
{
  DocketItem *item = entry->row->item;

  switch (self->column)
    {
    case DOCKET_ITEM_COLUMN_STAR:
      return item->starred ? "★" : "";
    case DOCKET_ITEM_COLUMN_CONTENT:
      return item->content;
    case DOCKET_ITEM_COLUMN_LEAD:
      return entry->row->lead_unit_name;
    case DOCKET_ITEM_COLUMN_COORDINATING:
      return entry->coordinating;
    case DOCKET_ITEM_COLUMN_DEADLINE:
      return item->deadline ? (*owned = docket_date_format_display (item->deadline)) : _("No deadline");
    case DOCKET_ITEM_COLUMN_DAYS:
      return *owned = days_text (item, entry->today);
    case DOCKET_ITEM_COLUMN_STATUS:
      return badge_text (item, entry->today, out_css);
    case DOCKET_ITEM_COLUMN_MEETING:
      return entry->row->meeting_title;
    case DOCKET_ITEM_N_COLUMNS:
    default:
      return NULL;
    }
}

/* Called for each row a list view binds and each row read again: the text and the
 * badge's class are set only when they change (a list view binds a couple of hundred
 * rows at a jump or a new order). */
static void
update (DocketItemCell *self)
{
  DocketItemEntry *entry = self->record ? docket_record_get_value (self->record) : NULL;
  g_autofree char *owned = NULL;
  const char *css = NULL;
  const char *text = NULL;

  if (self->text == NULL)
    return;
  if (entry != NULL)
    text = cell_text (self, entry, &owned, &css);
  if (text == NULL)
    text = "";
  if (self->column == DOCKET_ITEM_COLUMN_STATUS)
    set_badge_class (self, css);
  if (strcmp (docket_item_cell_get_text (self), text) == 0)
    return;
  gtk_inscription_set_text (self->text, text);
  /* The inscription names itself after its text; the star is read as a word. */
  if (self->column == DOCKET_ITEM_COLUMN_STAR)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    *text != '\0' ? _("Priority") : "", -1);
}

static void
on_record_loaded_cb (DocketItemCell *self)
{
  update (self);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, docket_item_cell_new (GPOINTER_TO_UINT (user_data)));
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  docket_item_cell_set_record (DOCKET_ITEM_CELL (gtk_list_item_get_child (list_item)),
                               gtk_list_item_get_item (list_item));
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  docket_item_cell_set_record (DOCKET_ITEM_CELL (gtk_list_item_get_child (list_item)), NULL);
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
      docket_item_cell_set_record (self, g_value_get_object (value));
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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_item_cell_dispose (GObject *object)
{
  DocketItemCell *self = DOCKET_ITEM_CELL (object);

  g_clear_pointer ((GtkWidget **) &self->text, gtk_widget_unparent);
  if (self->record != NULL)
    g_clear_signal_handler (&self->loaded_id, self->record);
  g_clear_object (&self->record);

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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
docket_item_cell_init (DocketItemCell *self)
{
}

GtkWidget *
docket_item_cell_new (DocketItemColumn column)
{
  DocketItemCell *self;

  g_return_val_if_fail (column < DOCKET_ITEM_N_COLUMNS, NULL);

  self = g_object_new (DOCKET_TYPE_ITEM_CELL, NULL);
  self->column = column;
  self->text = make_text (column);
  gtk_widget_set_parent (GTK_WIDGET (self->text), GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

/**
 * docket_item_cell_set_record:
 * @record: (nullable): the row to show
 *
 * Shows @record, and follows it: a placeholder row shows empty cells until its page
 * has been read, and a row read again (the list changed) shows its new value.  With
 * %NULL (the cell's row is unbound, and not shown) the cell keeps its text, so that
 * the next row it shows changes only what differs.
 */
void
docket_item_cell_set_record (DocketItemCell *self,
                             DocketRecord   *record)
{
  g_return_if_fail (DOCKET_IS_ITEM_CELL (self));
  g_return_if_fail (record == NULL || DOCKET_IS_RECORD (record));

  if (self->record == record)
    return;
  if (self->record != NULL)
    g_clear_signal_handler (&self->loaded_id, self->record);
  g_set_object (&self->record, record);
  if (record != NULL)
    {
      self->loaded_id = g_signal_connect_swapped (record, "notify::loaded",
                                                  G_CALLBACK (on_record_loaded_cb), self);
      update (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

DocketRecord *
docket_item_cell_get_record (DocketItemCell *self)
{
  g_return_val_if_fail (DOCKET_IS_ITEM_CELL (self), NULL);
  return self->record;
}

/* What the cell shows, as a person reads it. */
const char *
docket_item_cell_get_text (DocketItemCell *self)
{
  const char *text;

  g_return_val_if_fail (DOCKET_IS_ITEM_CELL (self), NULL);

  text = self->text != NULL ? gtk_inscription_get_text (self->text) : NULL;
  return text != NULL ? text : "";
}

/**
 * docket_item_cell_factory_new:
 * @column: the column its cells show
 *
 * Returns: (transfer full): a factory of cells for @column of the items table
 */
GtkListItemFactory *
docket_item_cell_factory_new (DocketItemColumn column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_return_val_if_fail (column < DOCKET_ITEM_N_COLUMNS, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), GUINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), NULL);
  return factory;
}
