/* docket-item-cell.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
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
 * A cell draws its text itself, on one line, ellipsized, and takes its size from the
 * font, not from the text (as GtkInscription does): a new text is drawn again, not
 * measured again — a label sizes itself to its text, and every row given another
 * item had its labels measured again.  It is one widget, not a widget holding a
 * label: each frame of scrolling lays out and draws some two hundred cells.  Shaping
 * a text was most of drawing a new row, and the same few texts come back in every
 * column but the item's own words (a unit's name, a meeting's title, a date, a
 * status, "3 days left"), so their shaped layouts are shared (layout_for ()).  The
 * status badge is the cell itself, its padding and colour from the CSS: a chip of
 * one width for every status, its word centred; a badge sized to its word had its
 * row measured again each time. */
struct _DocketItemCell
{
  GtkWidget         parent_instance;

  DocketRecord     *record;
  DocketItemColumn  column;
  char             *text;       /* "" when empty */
  PangoLayout      *layout;     /* shaped for layout_width, or NULL */
  int               layout_width;
  const char       *badge_css;  /* static, from libdocket-core */
};

G_DEFINE_FINAL_TYPE (DocketItemCell, docket_item_cell, GTK_TYPE_WIDGET)

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

/* Shaped layouts, shared by the cells of every table, keyed by what shapes them: the
 * column (the badge's font is not the others'), the badge's class (a cancelled item's
 * word is struck through), the width and the text.  The item's own words are shaped
 * by their cell alone: each item has its own.  Two generations of at most
 * LAYOUT_GENERATION_MAX each: when the newer is full, the older is dropped and the
 * newer takes its place, and a layout found in the older moves to the newer — the
 * texts in use stay shaped (emptying it all at once made the next frames shape every
 * cell again).  Both are emptied when the font or its resolution changes. */
#define LAYOUT_GENERATION_MAX 2048

static GHashTable *layouts_new;  /* key string → PangoLayout */
static GHashTable *layouts_old;

static gboolean
column_shares_layouts (DocketItemColumn column)
{
  return column != DOCKET_ITEM_COLUMN_CONTENT;
}

static GHashTable *
new_layout_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

static void
forget_shared_layouts (void)
{
  g_clear_pointer (&layouts_new, g_hash_table_unref);
  g_clear_pointer (&layouts_old, g_hash_table_unref);
}

static PangoLayout *
new_layout (DocketItemCell *self,
            int             width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);

  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  return layout;
}

/* The cell's text shaped for @width: (transfer full). */
static PangoLayout *
layout_for (DocketItemCell *self,
            int             width)
{
  g_autofree char *key = NULL;
  PangoLayout *layout;

  if (!column_shares_layouts (self->column))
    return new_layout (self, width);

  key = g_strdup_printf ("%u\x1f%s\x1f%d\x1f%s", self->column,
                         self->badge_css != NULL ? self->badge_css : "", width, self->text);
  if (layouts_new == NULL)
    layouts_new = new_layout_table ();
  layout = g_hash_table_lookup (layouts_new, key);
  if (layout != NULL)
    return g_object_ref (layout);

  if (g_hash_table_size (layouts_new) >= LAYOUT_GENERATION_MAX)
    {
      g_clear_pointer (&layouts_old, g_hash_table_unref);
      layouts_old = g_steal_pointer (&layouts_new);
      layouts_new = new_layout_table ();
    }
  layout = layouts_old != NULL ? g_hash_table_lookup (layouts_old, key) : NULL;
  if (layout != NULL)
    g_object_ref (layout);
  else
    layout = new_layout (self, width);
  g_hash_table_insert (layouts_new, g_steal_pointer (&key), g_object_ref (layout));
  return layout;
}

static void
forget_layout (DocketItemCell *self)
{
  g_clear_object (&self->layout);
  self->layout_width = -1;
}

static void
set_text (DocketItemCell *self,
          const char     *text)
{
  if (strcmp (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  forget_layout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* What a screen reader reads; the star is read as a word. */
  if (self->column == DOCKET_ITEM_COLUMN_STAR)
    text = *text != '\0' ? _("Priority") : "";
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
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
    gtk_widget_remove_css_class (GTK_WIDGET (self), self->badge_css);
  if (css != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), css);
  self->badge_css = css;
  forget_layout (self);
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
    [DOCKET_ITEM_COLUMN_CONTENT] = { 24, 60 },
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

  if (entry != NULL)
    text = cell_text (self, entry, &owned, &css);
  if (self->column == DOCKET_ITEM_COLUMN_STATUS)
    set_badge_class (self, css);
  set_text (self, text != NULL ? text : "");
}

static void
on_record_filled (DocketRecord *record,
                  gpointer      data)
{
  update (DOCKET_ITEM_CELL (data));
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

static PangoFontMetrics *
font_metrics (DocketItemCell *self)
{
  return pango_context_get_metrics (gtk_widget_get_pango_context (GTK_WIDGET (self)), NULL, NULL);
}

static void
docket_item_cell_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  DocketItemCell *self = DOCKET_ITEM_CELL (widget);
  PangoFontMetrics *metrics = font_metrics (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                            pango_font_metrics_get_approximate_digit_width (metrics));
      guint min_chars, nat_chars;

      column_chars (self->column, &min_chars, &nat_chars);
      *minimum = PANGO_PIXELS_CEIL (min_chars * char_width);
      *natural = PANGO_PIXELS_CEIL (MAX (min_chars, nat_chars) * char_width);
    }
  else
    {
      *minimum = *natural = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics) +
                                               pango_font_metrics_get_descent (metrics));
    }
  pango_font_metrics_unref (metrics);
}

static void
docket_item_cell_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  DocketItemCell *self = DOCKET_ITEM_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoRectangle logical;
  double x = 0;

  if (*self->text == '\0' || width <= 0)
    return;
  if (self->layout == NULL || self->layout_width != width)
    {
      g_clear_object (&self->layout);
      self->layout = layout_for (self, width);
      self->layout_width = width;
    }
  /* One ellipsized line fits the cell's width; no clip is needed. */
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);
  if (self->column == DOCKET_ITEM_COLUMN_STATUS)
    x = floor ((width - logical.width) / 2.0) - logical.x;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), x,
                              MAX (0, floor ((height - logical.height) / 2.0)), self->layout);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
docket_item_cell_system_setting_changed (GtkWidget        *widget,
                                         GtkSystemSetting  setting)
{
  /* A new font, resolution or set of fonts: every shaped text is shaped again. */
  forget_shared_layouts ();
  forget_layout (DOCKET_ITEM_CELL (widget));
  gtk_widget_queue_resize (widget);

  GTK_WIDGET_CLASS (docket_item_cell_parent_class)->system_setting_changed (widget, setting);
}

static void
docket_item_cell_dispose (GObject *object)
{
  DocketItemCell *self = DOCKET_ITEM_CELL (object);

  if (self->record != NULL)
    docket_record_unwatch (self->record, self);
  g_clear_object (&self->record);
  forget_layout (self);

  G_OBJECT_CLASS (docket_item_cell_parent_class)->dispose (object);
}

static void
docket_item_cell_finalize (GObject *object)
{
  DocketItemCell *self = DOCKET_ITEM_CELL (object);

  g_free (self->text);

  G_OBJECT_CLASS (docket_item_cell_parent_class)->finalize (object);
}

static void
docket_item_cell_class_init (DocketItemCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_item_cell_dispose;
  object_class->finalize = docket_item_cell_finalize;

  widget_class->measure = docket_item_cell_measure;
  widget_class->snapshot = docket_item_cell_snapshot;
  widget_class->system_setting_changed = docket_item_cell_system_setting_changed;

  /* Styled as the label it stands for. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
docket_item_cell_init (DocketItemCell *self)
{
  self->text = g_strdup ("");
  self->layout_width = -1;
}

GtkWidget *
docket_item_cell_new (DocketItemColumn column)
{
  DocketItemCell *self;

  g_return_val_if_fail (column < DOCKET_ITEM_N_COLUMNS, NULL);

  self = g_object_new (DOCKET_TYPE_ITEM_CELL, NULL);
  self->column = column;
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  if (column == DOCKET_ITEM_COLUMN_STATUS)
    {
      gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
      gtk_widget_add_css_class (GTK_WIDGET (self), "status-badge");
    }
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
    docket_record_unwatch (self->record, self);
  g_set_object (&self->record, record);
  if (record != NULL)
    {
      docket_record_watch (record, on_record_filled, self);
      update (self);
    }
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
  g_return_val_if_fail (DOCKET_IS_ITEM_CELL (self), NULL);
  return self->text;
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
