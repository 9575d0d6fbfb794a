/* docket-test-ui.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "docket-item-cell.h"
#include "docket-test-support.h"
#include "docket-test-ui.h"

gboolean
docket_test_ui_init (int    *argc,
                     char ***argv)
{
  const char *display = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");

  if ((display == NULL || *display == '\0') && (wayland == NULL || *wayland == '\0'))
    {
      if (g_getenv ("CI") != NULL)
        g_error ("No display, but CI is set: UI tests must run under Xvfb in CI");
      g_test_init (argc, argv, NULL);
      return FALSE;
    }

  gtk_test_init (argc, argv, NULL);
  /* gtk_test_init () resets the locale to C; the Vietnamese runs need it back. */
  setlocale (LC_ALL, "");
  return TRUE;
}

static gboolean
is_drawn (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

void
docket_test_ui_wait_drawn (GtkWidget *widget)
{
  g_assert_true (docket_test_wait_until (is_drawn, widget, 5000));
  /* A few frames for layout and the first paint. */
  docket_test_iterate (200);
}

void
docket_test_ui_screenshot (GtkWidget  *widget,
                           const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* A widget that has not painted its first frame yet snapshots to nothing; give it
   * a few frames. */
  for (int attempt = 0; attempt < 50 && node == NULL; attempt++)
    {
      g_autoptr(GtkSnapshot) attempt_snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (attempt_snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&attempt_snapshot));
      if (node == NULL)
        docket_test_iterate (40);
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved screenshot %s", path);
}

GtkWidget *
docket_test_ui_find_by_type (GtkWidget *root,
                             GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = docket_test_ui_find_by_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
docket_test_ui_shows_label (GtkWidget  *root,
                            const char *text)
{
  if (!gtk_widget_get_mapped (root))
    return FALSE;

  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  /* Tables show their rows' text in inscriptions, and the items table's cells draw
   * theirs. */
  if (GTK_IS_INSCRIPTION (root) && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (root)), text) == 0)
    return TRUE;
  if (DOCKET_IS_ITEM_CELL (root) && g_strcmp0 (docket_item_cell_get_text (DOCKET_ITEM_CELL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (docket_test_ui_shows_label (child, text))
      return TRUE;
  return FALSE;
}

/* Whether a label under @root reads @text, shown or not (a hidden page's too). */
gboolean
docket_test_ui_has_label (GtkWidget  *root,
                          const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (docket_test_ui_has_label (child, text))
      return TRUE;
  return FALSE;
}

GtkWidget *
docket_test_ui_find_row (GtkWidget  *root,
                         const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = docket_test_ui_find_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *out)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

GPtrArray *
docket_test_ui_find_all (GtkWidget *root,
                         GType      type)
{
  GPtrArray *out = g_ptr_array_new ();

  collect (root, type, out);
  return out;
}

void
docket_test_ui_scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_point_t point;

  g_assert_nonnull (scroller);
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &point));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  /* The point is where @widget shows now, in a view that may be scrolled already. */
  gtk_adjustment_set_value (adjustment, MAX (0, gtk_adjustment_get_value (adjustment) + point.y - 50));
  docket_test_iterate (100);
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;
  return docket_test_ui_shows_label (wait->root, wait->text);
}

gboolean
docket_test_ui_wait_for_label (GtkWidget  *root,
                               const char *text,
                               guint       timeout_ms)
{
  LabelWait wait = { root, text };

  return docket_test_wait_until (label_shown, &wait, timeout_ms);
}

static void
log_wide (GtkWidget *widget,
          int        limit,
          int        depth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int minimum = 0;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (minimum <= limit)
        continue;
      g_test_message ("%*s%s (%s): minimum width %d%s%s", depth * 2, "", G_OBJECT_TYPE_NAME (child),
                      gtk_widget_get_css_name (child), minimum, GTK_IS_LABEL (child) ? ": " : "",
                      GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child)) : "");
      log_wide (child, limit, depth + 1);
    }
}

int
docket_test_ui_min_width (GtkWidget *widget,
                          int        limit)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum > limit)
    {
      g_test_message ("%s asks for %d px, more than %d:", G_OBJECT_TYPE_NAME (widget), minimum, limit);
      log_wide (widget, limit, 1);
    }
  return minimum;
}
