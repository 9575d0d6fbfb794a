/* docket-dashboard-table.c: the period report's figures per unit, as a sortable table
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkColumnView over the report's unit rows (a few hundred at most, so sorting
 * them in a GtkSortListModel is fine; the items area, over a million rows, sorts in
 * SQL instead).  Clicking a header sorts by that column; the table opens sorted by
 * overdue items, most first, ties broken by the lower completion rate: the lagging
 * units at the top.  Activating a row (Enter or double click) opens the unit's items.
 *
 * A new report updates the row objects of the units already shown in place, and
 * their cells follow ("changed"): GTK 4.8's list keeps up to 200 rows of eleven
 * cells, and replacing every object unbound, destroyed and made them all again
 * (a quarter of a second of the main thread over 300 units).  With the same objects,
 * only the rows that the new figures move are bound again.
 */

#define G_LOG_DOMAIN "docket-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-dashboard-table.h"

/* One unit's figures: the row model of the table. */
#define DOCKET_TYPE_UNIT_FIGURES (docket_unit_figures_get_type ())
G_DECLARE_FINAL_TYPE (DocketUnitFigures, docket_unit_figures, DOCKET, UNIT_FIGURES, GObject)

struct _DocketUnitFigures
{
  GObject         parent_instance;
  DocketReportRow row;
  char           *name;
  char           *folded;
};

G_DEFINE_FINAL_TYPE (DocketUnitFigures, docket_unit_figures, G_TYPE_OBJECT)

static guint figures_changed_signal;

static void
docket_unit_figures_finalize (GObject *object)
{
  DocketUnitFigures *self = DOCKET_UNIT_FIGURES (object);

  g_free (self->name);
  g_free (self->folded);
  G_OBJECT_CLASS (docket_unit_figures_parent_class)->finalize (object);
}

static void
docket_unit_figures_class_init (DocketUnitFiguresClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = docket_unit_figures_finalize;

  /* The figures or the name changed: the cells showing them read them again. */
  figures_changed_signal = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
docket_unit_figures_init (DocketUnitFigures *self)
{
}

/* The columns' titles; the bucket words match the status badges. */
static const char * const titles[DOCKET_DASHBOARD_N_COLUMNS] = {
  [DOCKET_DASHBOARD_COLUMN_UNIT] = N_("Unit"),
  [DOCKET_DASHBOARD_COLUMN_ASSIGNED] = N_("Assigned"),
  [DOCKET_DASHBOARD_COLUMN_COMPLETED] = N_("Completed"),
  [DOCKET_DASHBOARD_COLUMN_RATE] = N_("Rate"),
  [DOCKET_DASHBOARD_COLUMN_ON_TIME] = N_("On time"),
  [DOCKET_DASHBOARD_COLUMN_LATE] = N_("Late"),
  [DOCKET_DASHBOARD_COLUMN_IN_PROGRESS] = N_("Within deadline"),
  [DOCKET_DASHBOARD_COLUMN_OVERDUE] = N_("Overdue"),
  [DOCKET_DASHBOARD_COLUMN_OVERDUE_LONG] = N_("> 30 days"),
  [DOCKET_DASHBOARD_COLUMN_NO_DEADLINE] = N_("No deadline"),
  [DOCKET_DASHBOARD_COLUMN_UPDATE_RATE] = N_("Update rate"),
};

static guint
count_of (const DocketReportRow *row,
          DocketDashboardColumn  column)
{
  switch (column)
    {
    case DOCKET_DASHBOARD_COLUMN_ASSIGNED: return row->assigned;
    case DOCKET_DASHBOARD_COLUMN_COMPLETED: return row->completed;
    case DOCKET_DASHBOARD_COLUMN_ON_TIME: return row->completed_on_time;
    case DOCKET_DASHBOARD_COLUMN_LATE: return row->completed_late;
    case DOCKET_DASHBOARD_COLUMN_IN_PROGRESS: return row->in_progress;
    case DOCKET_DASHBOARD_COLUMN_OVERDUE: return row->overdue;
    case DOCKET_DASHBOARD_COLUMN_OVERDUE_LONG: return row->overdue_long;
    case DOCKET_DASHBOARD_COLUMN_NO_DEADLINE: return row->no_deadline;
    case DOCKET_DASHBOARD_COLUMN_RATE: return (guint) docket_report_row_completion_percent (row);
    case DOCKET_DASHBOARD_COLUMN_UPDATE_RATE: return (guint) docket_report_row_update_percent (row);
    case DOCKET_DASHBOARD_COLUMN_UNIT:
    case DOCKET_DASHBOARD_N_COLUMNS:
    default:
      return 0;
    }
}

static char *
cell_text (DocketUnitFigures     *figures,
           DocketDashboardColumn  column)
{
  g_autofree char *number = NULL;

  switch (column)
    {
    case DOCKET_DASHBOARD_COLUMN_UNIT:
      return g_strdup (figures->name);
    case DOCKET_DASHBOARD_COLUMN_RATE:
    case DOCKET_DASHBOARD_COLUMN_UPDATE_RATE:
      number = docket_format_percent (count_of (&figures->row, column));
      /* Translators: a share such as "55,56 %"; keep the space if your language uses one */
      return g_strdup_printf (_("%s %%"), number);
    case DOCKET_DASHBOARD_COLUMN_ASSIGNED:
    case DOCKET_DASHBOARD_COLUMN_COMPLETED:
    case DOCKET_DASHBOARD_COLUMN_ON_TIME:
    case DOCKET_DASHBOARD_COLUMN_LATE:
    case DOCKET_DASHBOARD_COLUMN_IN_PROGRESS:
    case DOCKET_DASHBOARD_COLUMN_OVERDUE:
    case DOCKET_DASHBOARD_COLUMN_OVERDUE_LONG:
    case DOCKET_DASHBOARD_COLUMN_NO_DEADLINE:
      return docket_format_count (count_of (&figures->row, column));
    case DOCKET_DASHBOARD_N_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Ascending order of a column; ties by unit name, then id, so the order is stable.
 * The overdue column breaks ties by the completion rate (higher first), so that its
 * descending order is "lagging first". */
static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  DocketUnitFigures *x = DOCKET_UNIT_FIGURES ((gpointer) a);
  DocketUnitFigures *y = DOCKET_UNIT_FIGURES ((gpointer) b);
  DocketDashboardColumn column = GPOINTER_TO_UINT (user_data);
  int result = 0;

  if (column != DOCKET_DASHBOARD_COLUMN_UNIT)
    {
      guint cx = count_of (&x->row, column), cy = count_of (&y->row, column);

      result = (cx > cy) - (cx < cy);
      if (result == 0 && column == DOCKET_DASHBOARD_COLUMN_OVERDUE)
        {
          int px = docket_report_row_completion_percent (&x->row);
          int py = docket_report_row_completion_percent (&y->row);

          result = (px < py) - (px > py);
        }
    }
  if (result == 0)
    result = g_strcmp0 (x->folded, y->folded);
  if (result == 0)
    result = (x->row.unit_id > y->row.unit_id) - (x->row.unit_id < y->row.unit_id);
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Each cell is a GtkInscription, sized by the font, not by its text: a new report sets
 * the text of every cell on screen, and labels were measured again each time (the
 * whole window laid out again, a third of the main thread's share of a new period).
 * A unit's name that does not fit on its line is ellipsized. */
static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  DocketDashboardColumn column = GPOINTER_TO_UINT (user_data);
  GtkInscription *text = GTK_INSCRIPTION (gtk_inscription_new (NULL));

  gtk_inscription_set_text_overflow (text, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (column == DOCKET_DASHBOARD_COLUMN_UNIT)
    {
      gtk_inscription_set_min_chars (text, 20);
      gtk_inscription_set_nat_chars (text, 32);
    }
  else
    {
      /* "100,00 %", and counts up to "99.999" at least */
      gboolean rate = column == DOCKET_DASHBOARD_COLUMN_RATE || column == DOCKET_DASHBOARD_COLUMN_UPDATE_RATE;

      gtk_inscription_set_min_chars (text, rate ? 8 : 6);
      gtk_inscription_set_nat_chars (text, 9);
      gtk_inscription_set_xalign (text, 1);
      gtk_widget_add_css_class (GTK_WIDGET (text), "numeric");
    }
  g_object_set_data (G_OBJECT (text), "docket-column", user_data);
  gtk_list_item_set_child (item, GTK_WIDGET (text));
}

static void
on_figures_changed_cb (DocketUnitFigures *figures,
                       GtkInscription    *text)
{
  DocketDashboardColumn column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (text),
                                                                      "docket-column"));
  g_autofree char *value = cell_text (figures, column);

  gtk_inscription_set_text (text, value);
  /* What a screen reader reads (GTK 4.8's inscription does not say it). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, value, -1);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  DocketUnitFigures *figures = gtk_list_item_get_item (item);
  GtkInscription *text = GTK_INSCRIPTION (gtk_list_item_get_child (item));

  on_figures_changed_cb (figures, text);
  g_signal_connect_object (figures, "changed", G_CALLBACK (on_figures_changed_cb), text, 0);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  DocketUnitFigures *figures = gtk_list_item_get_item (item);

  if (figures != NULL)
    g_signal_handlers_disconnect_by_func (figures, on_figures_changed_cb,
                                          gtk_list_item_get_child (item));
}

static void
on_activate_cb (GtkColumnView *table,
                guint          position,
                gpointer       user_data)
{
  DocketId unit_id = docket_dashboard_table_get_unit_id (table, position);

  if (unit_id != 0)
    gtk_widget_activate_action (GTK_WIDGET (table), "win.show-unit-items", "x", (gint64) unit_id);
}

/* Lets the columns' titles take two lines when the window is too narrow for eleven
 * columns: GTK 4.8 sizes a column at least as wide as its title on one line ("Đã
 * hoàn thành", "Không thời hạn" are wider than their figures), so the table ran past
 * the window's edge and scrolled sideways.  The titles are the only labels when the
 * columns are made (rows come with the model). */
static void
wrap_titles (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      gtk_label_set_wrap (GTK_LABEL (widget), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (widget), PANGO_WRAP_WORD);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    wrap_titles (child);
}

/**
 * docket_dashboard_table_new:
 *
 * Returns: (transfer floating): an empty table
 */
GtkColumnView *
docket_dashboard_table_new (void)
{
  GListStore *store = g_list_store_new (DOCKET_TYPE_UNIT_FIGURES);
  GtkColumnView *table = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  GtkSortListModel *sorted;
  GtkNoSelection *selection;

  for (guint c = 0; c < DOCKET_DASHBOARD_N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      GtkCustomSorter *sorter = gtk_custom_sorter_new (compare_cb, GUINT_TO_POINTER (c), NULL);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (_(titles[c]), factory);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, c == DOCKET_DASHBOARD_COLUMN_UNIT);
      g_object_set_data (G_OBJECT (column), "docket-column", GUINT_TO_POINTER (c));
      gtk_column_view_append_column (table, column);
      g_object_unref (sorter);
      g_object_unref (column);
    }

  wrap_titles (GTK_WIDGET (table));

  sorted = gtk_sort_list_model_new (G_LIST_MODEL (store),
                                    g_object_ref (gtk_column_view_get_sorter (table)));
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (table, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_column_view_set_single_click_activate (table, FALSE);
  gtk_column_view_set_show_column_separators (table, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (table), "data-table");
  gtk_widget_add_css_class (GTK_WIDGET (table), "unit-figures");
  gtk_accessible_update_property (GTK_ACCESSIBLE (table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Figures per unit; activate a row to see its items"), -1);
  g_signal_connect (table, "activate", G_CALLBACK (on_activate_cb), NULL);
  docket_dashboard_table_sort_by (table, DOCKET_DASHBOARD_COLUMN_OVERDUE, GTK_SORT_DESCENDING);
  return table;
}

static GListStore *
get_store (GtkColumnView *table)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (table);
  GListModel *sorted = gtk_no_selection_get_model (GTK_NO_SELECTION (selection));

  return G_LIST_STORE (gtk_sort_list_model_get_model (GTK_SORT_LIST_MODEL (sorted)));
}

void
docket_dashboard_table_set_rows (GtkColumnView         *table,
                                 const DocketReportRow *rows,
                                 guint                  n_rows,
                                 GHashTable            *names)
{
  GListStore *store;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GHashTable) shown = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n_shown;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (table));

  store = get_store (table);
  n_shown = g_list_model_get_n_items (G_LIST_MODEL (store));
  for (guint i = 0; i < n_shown; i++)
    {
      DocketUnitFigures *figures = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_hash_table_insert (shown, &figures->row.unit_id, figures);
      g_object_unref (figures);
    }

  for (guint i = 0; i < n_rows; i++)
    {
      DocketUnitFigures *figures;
      const char *name;

      if (rows[i].assigned == 0)
        continue;
      name = g_hash_table_lookup (names, &rows[i].unit_id);
      if (name == NULL)
        name = "";
      figures = g_hash_table_lookup (shown, &rows[i].unit_id);
      if (figures != NULL)
        g_ptr_array_add (changed, g_object_ref (figures));
      else
        figures = g_object_new (DOCKET_TYPE_UNIT_FIGURES, NULL);
      figures->row = rows[i];
      if (g_strcmp0 (figures->name, name) != 0)
        {
          g_free (figures->name);
          g_free (figures->folded);
          figures->name = g_strdup (name);
          figures->folded = docket_fold (figures->name);
        }
      g_ptr_array_add (items, figures);
    }

  /* Units no longer in the report leave, new ones are added; the others stay the
   * same objects, and keep their rows (another period usually has the same units,
   * or nearly: replacing them all made every row again). */
  {
    g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);
    g_autoptr(GPtrArray) added = g_ptr_array_new ();

    for (guint i = 0; i < changed->len; i++)
      g_hash_table_add (kept, g_ptr_array_index (changed, i));
    for (guint i = n_shown; i-- > 0;)
      {
        g_autoptr(DocketUnitFigures) figures = g_list_model_get_item (G_LIST_MODEL (store), i);

        if (!g_hash_table_contains (kept, figures))
          g_list_store_remove (store, i);
      }
    for (guint i = 0; i < items->len; i++)
      if (!g_hash_table_contains (kept, g_ptr_array_index (items, i)))
        g_ptr_array_add (added, g_ptr_array_index (items, i));
    for (guint i = 0; i < changed->len; i++)
      g_signal_emit (g_ptr_array_index (changed, i), figures_changed_signal, 0);
    if (added->len > 0)
      g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                           added->pdata, added->len);
    /* The kept units' figures moved: their order may have too. */
    if (changed->len > 0)
      gtk_sorter_changed (gtk_column_view_get_sorter (table), GTK_SORTER_CHANGE_DIFFERENT);
  }
}

DocketId
docket_dashboard_table_get_unit_id (GtkColumnView *table,
                                    guint          position)
{
  g_autoptr(DocketUnitFigures) figures =
    g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (table)), position);

  return figures != NULL ? figures->row.unit_id : 0;
}

char *
docket_dashboard_table_dup_cell (GtkColumnView         *table,
                                 guint                  position,
                                 DocketDashboardColumn  column)
{
  g_autoptr(DocketUnitFigures) figures =
    g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (table)), position);

  g_return_val_if_fail (column < DOCKET_DASHBOARD_N_COLUMNS, NULL);

  return figures != NULL ? cell_text (figures, column) : NULL;
}

/* What clicking the column's header (once or twice) does. */
void
docket_dashboard_table_sort_by (GtkColumnView         *table,
                                DocketDashboardColumn  column,
                                GtkSortType            order)
{
  GListModel *list = gtk_column_view_get_columns (table);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (list, i);

      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (c), "docket-column")) == column)
        gtk_column_view_sort_by_column (table, c, order);
    }
}
