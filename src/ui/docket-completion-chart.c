/* docket-completion-chart.c: completion by unit, as bars
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One horizontal bar per unit, as long as the widget is wide, split by what became
 * of the unit's assigned items: completed on time, completed late, in progress
 * within the deadline, overdue, without a deadline.  The units with the lowest
 * completion rate come first (at most DOCKET_COMPLETION_CHART_MAX_BARS of them).
 * Drawn with GtkSnapshot; a screen reader reads the same figures from the widget's
 * description, one sentence per unit.
 */

#define G_LOG_DOMAIN "docket-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-completion-chart.h"

#define BAR_HEIGHT 12
#define ROW_GAP 10
#define TEXT_GAP 3

typedef struct
{
  char           *text;    /* "Phòng Nội vụ — 55,56 %" */
  DocketReportRow row;
} Bar;

struct _DocketCompletionChart
{
  GtkWidget  parent_instance;
  GArray    *bars;         /* Bar */
  char      *description;
};

G_DEFINE_FINAL_TYPE (DocketCompletionChart, docket_completion_chart, GTK_TYPE_WIDGET)

/* The parts of a bar, in order, with the colours of libadwaita's palette that the
 * status badges use (success, warning, accent, error, neutral). */
static const struct
{
  const char *label;
  GdkRGBA     colour;
} parts[] = {
  { N_("Completed on time"), { 0.149f, 0.635f, 0.412f, 1.0f } },
  { N_("Completed late"), { 0.804f, 0.576f, 0.035f, 1.0f } },
  { N_("In progress, within the deadline"), { 0.208f, 0.518f, 0.894f, 1.0f } },
  { N_("In progress, overdue"), { 0.753f, 0.110f, 0.157f, 1.0f } },
  { N_("No deadline"), { 0.600f, 0.600f, 0.600f, 0.6f } },
};

static guint
part_count (const DocketReportRow *row,
            guint                  part)
{
  switch (part)
    {
    case 0: return row->completed_on_time;
    case 1: return row->completed_late;
    case 2: return row->in_progress;
    case 3: return row->overdue;
    case 4: return row->no_deadline;
    default: return 0;
    }
}

static void
bar_clear (Bar *bar)
{
  g_free (bar->text);
}

static int
text_height (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "Ag");
  int height = 0;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static void
docket_completion_chart_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  DocketCompletionChart *self = DOCKET_COMPLETION_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 480;
    }
  else
    {
      int line = text_height (widget);
      /* The bars, then the legend: one line per part. */
      *minimum = *natural = (int) self->bars->len * (line + TEXT_GAP + BAR_HEIGHT + ROW_GAP) +
                            (self->bars->len > 0 ? (int) G_N_ELEMENTS (parts) * (line + 2) : 0);
    }
}

static void
append_text (GtkSnapshot   *snapshot,
             GtkWidget     *widget,
             const char    *text,
             int            x,
             int            y,
             int            width,
             const GdkRGBA *colour)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);

  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

static void
docket_completion_chart_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  DocketCompletionChart *self = DOCKET_COMPLETION_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int line = text_height (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GdkRGBA fg;
  int y = 0;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      float x = 0;

      append_text (snapshot, widget, bar->text, 0, y, width, &fg);
      y += line + TEXT_GAP;
      for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
        {
          float w = bar->row.assigned > 0
                    ? (float) width * part_count (&bar->row, p) / bar->row.assigned : 0;

          if (w <= 0)
            continue;
          gtk_snapshot_append_color (snapshot, &parts[p].colour,
                                     &GRAPHENE_RECT_INIT (rtl ? width - x - w : x, y, w,
                                                          BAR_HEIGHT));
          x += w;
        }
      y += BAR_HEIGHT + ROW_GAP;
    }
  if (self->bars->len == 0)
    return;
  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    {
      int box = line - 4;

      gtk_snapshot_append_color (snapshot, &parts[p].colour,
                                 &GRAPHENE_RECT_INIT (rtl ? width - box : 0, y + 2, box, box));
      append_text (snapshot, widget, _(parts[p].label), rtl ? 0 : line + 2, y,
                   width - line - 2, &fg);
      y += line + 2;
    }
}

static void
docket_completion_chart_finalize (GObject *object)
{
  DocketCompletionChart *self = DOCKET_COMPLETION_CHART (object);

  g_array_unref (self->bars);
  g_free (self->description);
  G_OBJECT_CLASS (docket_completion_chart_parent_class)->finalize (object);
}

static void
docket_completion_chart_class_init (DocketCompletionChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = docket_completion_chart_finalize;
  widget_class->measure = docket_completion_chart_measure;
  widget_class->snapshot = docket_completion_chart_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "completion-chart");
}

static void
docket_completion_chart_init (DocketCompletionChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, (GDestroyNotify) bar_clear);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Completion by unit"), -1);
}

GtkWidget *
docket_completion_chart_new (void)
{
  return g_object_new (DOCKET_TYPE_COMPLETION_CHART, NULL);
}

static int
compare_rate (gconstpointer a,
              gconstpointer b)
{
  const DocketReportRow *x = *(const DocketReportRow * const *) a;
  const DocketReportRow *y = *(const DocketReportRow * const *) b;
  int px = docket_report_row_completion_percent (x);
  int py = docket_report_row_completion_percent (y);

  if (px != py)
    return px < py ? -1 : 1;
  if (x->assigned != y->assigned)
    return x->assigned > y->assigned ? -1 : 1;
  return (x->unit_id > y->unit_id) - (x->unit_id < y->unit_id);
}

/**
 * docket_completion_chart_set_rows:
 *
 * Shows the units of a period report with items assigned, the lowest completion
 * rate first.
 */
void
docket_completion_chart_set_rows (DocketCompletionChart *self,
                                  const DocketReportRow *rows,
                                  guint                  n_rows,
                                  GHashTable            *names)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GString) description = g_string_new (NULL);

  g_return_if_fail (DOCKET_IS_COMPLETION_CHART (self));

  g_array_set_size (self->bars, 0);
  for (guint i = 0; i < n_rows; i++)
    if (rows[i].assigned > 0)
      g_ptr_array_add (order, (gpointer) &rows[i]);
  g_ptr_array_sort (order, compare_rate);
  for (guint i = 0; i < order->len && i < DOCKET_COMPLETION_CHART_MAX_BARS; i++)
    {
      const DocketReportRow *row = g_ptr_array_index (order, i);
      const char *name = g_hash_table_lookup (names, &row->unit_id);
      g_autofree char *percent = docket_format_percent (docket_report_row_completion_percent (row));
      g_autofree char *completed = docket_format_count (row->completed);
      g_autofree char *assigned = docket_format_count (row->assigned);
      g_autofree char *overdue = docket_format_count (row->overdue);
      Bar bar = { NULL, *row };

      /* Translators: a bar of the completion chart: the unit, then its completion
       * rate, e.g. "Phòng Nội vụ — 55,56 %" */
      bar.text = g_strdup_printf (_("%s — %s %%"), name != NULL ? name : "", percent);
      g_array_append_val (self->bars, bar);
      /* Translators: what a screen reader says for one bar of the completion chart:
       * the unit, its completion rate, completed and assigned items, overdue items */
      g_string_append_printf (description, _("%s: %s %% completed, %s of %s; %s overdue. "),
                              name != NULL ? name : "", percent, completed, assigned, overdue);
    }
  g_free (self->description);
  self->description = g_strdup (g_strstrip (description->str));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description, -1);
  gtk_widget_set_visible (GTK_WIDGET (self), self->bars->len > 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
docket_completion_chart_get_description (DocketCompletionChart *self)
{
  g_return_val_if_fail (DOCKET_IS_COMPLETION_CHART (self), NULL);

  return self->description != NULL ? self->description : "";
}

guint
docket_completion_chart_get_n_bars (DocketCompletionChart *self)
{
  g_return_val_if_fail (DOCKET_IS_COMPLETION_CHART (self), 0);

  return self->bars->len;
}
