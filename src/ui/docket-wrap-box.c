/* docket-wrap-box.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Children in a row, each at its natural width, going on to a new line when the next
 * does not fit: the box asks for the width of its widest child only, so a narrow
 * window puts buttons and pickers under each other instead of growing wider.
 *
 * GtkFlowBox does this for lists of equal children, but with children of unequal
 * widths GTK 4.8 can hand a child less than its minimum (buttons drawn cut, with
 * warnings), and it wraps each child in a focusable, selectable GtkFlowBoxChild that
 * a row of buttons does not need.  (libadwaita 1.7 has AdwWrapBox; we build on 1.2.)
 *
 * A child that computes horizontal expansion shares the room left on its line, so
 * "halign: end" with "hexpand" puts it at the end of the line.  Hidden children take
 * no place.
 */

#define G_LOG_DOMAIN "docket-wrap-box"

#include "config.h"

#include "docket-wrap-box.h"

struct _DocketWrapBox
{
  GtkWidget parent_instance;

  int       spacing;   /* between the children of a line, and between lines */
};

G_DEFINE_FINAL_TYPE (DocketWrapBox, docket_wrap_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef struct
{
  GtkWidget *child;
  int        width;
} Placed;

typedef struct
{
  int  width;       /* the width laid out in */
  int  y;           /* the top of the next line */
  int  lines;
  int  min_height;
  int  nat_height;
  gboolean allocate;
} Layout;

/* Measures (and when allocating, places) the children gathered in @line. */
static void
finish_line (DocketWrapBox *self,
             GArray        *line,
             Layout        *layout)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  int line_min = 0, line_nat = 0, used = 0, n_expand = 0, extra, x = 0;

  if (line->len == 0)
    return;
  for (guint i = 0; i < line->len; i++)
    {
      Placed *placed = &g_array_index (line, Placed, i);
      int minimum, natural;

      gtk_widget_measure (placed->child, GTK_ORIENTATION_VERTICAL, placed->width, &minimum, &natural,
                          NULL, NULL);
      line_min = MAX (line_min, minimum);
      line_nat = MAX (line_nat, natural);
      used += placed->width + (i > 0 ? self->spacing : 0);
      n_expand += gtk_widget_compute_expand (placed->child, GTK_ORIENTATION_HORIZONTAL);
    }
  if (layout->lines > 0)
    layout->y += self->spacing;
  layout->min_height += line_min + (layout->lines > 0 ? self->spacing : 0);
  layout->nat_height += line_nat + (layout->lines > 0 ? self->spacing : 0);
  layout->lines++;

  extra = MAX (0, layout->width - used);
  for (guint i = 0; layout->allocate && i < line->len; i++)
    {
      Placed *placed = &g_array_index (line, Placed, i);
      int width = placed->width;

      if (n_expand > 0 && gtk_widget_compute_expand (placed->child, GTK_ORIENTATION_HORIZONTAL))
        {
          int share = extra / n_expand;

          width += share;
          extra -= share;
          n_expand--;
        }
      gtk_widget_size_allocate (placed->child,
                                &(GtkAllocation) { rtl ? layout->width - x - width : x, layout->y,
                                                   width, line_nat }, -1);
      x += width + self->spacing;
    }
  layout->y += line_nat;
  g_array_set_size (line, 0);
}

static void
lay_out (DocketWrapBox *self,
         Layout        *layout)
{
  g_autoptr(GArray) line = g_array_new (FALSE, FALSE, sizeof (Placed));
  int x = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Placed placed = { child, 0 };
      int minimum, natural;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
      placed.width = MIN (natural, MAX (minimum, layout->width));
      if (line->len > 0 && x + self->spacing + placed.width > layout->width)
        {
          finish_line (self, line, layout);
          x = 0;
        }
      x += (line->len > 0 ? self->spacing : 0) + placed.width;
      g_array_append_val (line, placed);
    }
  finish_line (self, line, layout);
}

static GtkSizeRequestMode
docket_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
docket_wrap_box_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  DocketWrapBox *self = DOCKET_WRAP_BOX (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      guint n = 0;

      *minimum = *natural = 0;
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural += child_nat + (n++ > 0 ? self->spacing : 0);
        }
    }
  else
    {
      Layout layout = { .width = for_size };

      /* Any width: the tallest, at the narrowest. */
      if (layout.width < 0)
        gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &layout.width, NULL, NULL, NULL);
      lay_out (self, &layout);
      *minimum = layout.min_height;
      *natural = layout.nat_height;
    }
}

static void
docket_wrap_box_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  Layout layout = { .width = width, .allocate = TRUE };

  lay_out (DOCKET_WRAP_BOX (widget), &layout);
}

static void
docket_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (docket_wrap_box_parent_class)->dispose (object);
}

static void
docket_wrap_box_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DocketWrapBox *self = DOCKET_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_wrap_box_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DocketWrapBox *self = DOCKET_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      docket_wrap_box_set_spacing (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_wrap_box_class_init (DocketWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_wrap_box_dispose;
  object_class->get_property = docket_wrap_box_get_property;
  object_class->set_property = docket_wrap_box_set_property;
  widget_class->get_request_mode = docket_wrap_box_get_request_mode;
  widget_class->measure = docket_wrap_box_measure;
  widget_class->size_allocate = docket_wrap_box_size_allocate;

  properties [PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "box");
}

static void
docket_wrap_box_init (DocketWrapBox *self)
{
}

GtkWidget *
docket_wrap_box_new (int spacing)
{
  return g_object_new (DOCKET_TYPE_WRAP_BOX, "spacing", spacing, NULL);
}

void
docket_wrap_box_append (DocketWrapBox *self,
                        GtkWidget     *child)
{
  g_return_if_fail (DOCKET_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}

int
docket_wrap_box_get_spacing (DocketWrapBox *self)
{
  g_return_val_if_fail (DOCKET_IS_WRAP_BOX (self), 0);
  return self->spacing;
}

void
docket_wrap_box_set_spacing (DocketWrapBox *self,
                             int            spacing)
{
  g_return_if_fail (DOCKET_IS_WRAP_BOX (self));

  if (self->spacing == spacing)
    return;
  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SPACING]);
}
