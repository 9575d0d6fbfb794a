/* docket-search-popover.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The search of the header bar: results as the words are typed, grouped by kind, and
 * Enter or a click opens the meeting or the item through the window's actions.  The
 * store does the searching (a few milliseconds over a million items, see
 * bench/bench-search.c), so it runs on each change of the entry, which GtkSearchEntry
 * already waits for a pause in typing to report.
 *
 * The results are a GtkListBox rather than a GtkListView: at most 50 rows, and GTK
 * 4.8's list views have no section headers, which the grouping by kind needs.
 */

#define G_LOG_DOMAIN "docket-search"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-search-popover.h"
#include "docket-store-search.h"

struct _DocketSearchPopover
{
  GtkPopover   parent_instance;

  DocketStore *store;

  GtkSearchEntry *entry;
  GtkDropDown    *kind_dropdown;
  GtkStack       *stack;
  GtkListBox     *list;
  GtkLabel       *empty_label;
  GtkLabel       *empty_hint_label;

  guint        n_results;
};

G_DEFINE_FINAL_TYPE (DocketSearchPopover, docket_search_popover, GTK_TYPE_POPOVER)

/* What a row opens, kept on the row. */
typedef struct
{
  DocketSearchKind kind;
  DocketId         meeting_id;
  DocketId         item_id;
} RowTarget;

static GQuark row_target_quark;

/* The order of the groups: what people search for most comes first. */
static const DocketSearchKind group_order[] = {
  DOCKET_SEARCH_KIND_ITEM, DOCKET_SEARCH_KIND_MEETING, DOCKET_SEARCH_KIND_CONCLUSION,
  DOCKET_SEARCH_KIND_PROGRESS, DOCKET_SEARCH_KIND_MINUTES,
};
G_STATIC_ASSERT (G_N_ELEMENTS (group_order) == DOCKET_SEARCH_N_KINDS);

static guint
group_rank (DocketSearchKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (group_order); i++)
    if (group_order[i] == kind)
      return i;
  g_return_val_if_reached (0);
}

static const RowTarget *
row_get_target (GtkListBoxRow *row)
{
  return g_object_get_qdata (G_OBJECT (row), row_target_quark);
}

static GtkWidget *
make_row (const DocketSearchResult *result)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (result->title);
  g_autofree char *markup = docket_search_result_dup_snippet_markup (result);
  GtkWidget *snippet = gtk_label_new (NULL);
  RowTarget *target = g_new0 (RowTarget, 1);

  target->kind = result->kind;
  target->meeting_id = result->meeting_id;
  target->item_id = result->item_id;
  g_object_set_qdata_full (G_OBJECT (row), row_target_quark, target, g_free);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  /* The markup escapes the record's text; only the <b> of the matches is markup. */
  gtk_label_set_markup (GTK_LABEL (snippet), markup);
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 2);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (snippet, "dim-label");

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
update_header_cb (GtkListBoxRow *row,
                  GtkListBoxRow *before,
                  gpointer       user_data)
{
  const RowTarget *target = row_get_target (row);
  GtkWidget *header;

  if (before != NULL && row_get_target (before)->kind == target->kind)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (docket_search_kind_get_title (target->kind));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "caption-heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_margin_start (header, 6);
  gtk_widget_set_margin_top (header, before != NULL ? 12 : 0);
  gtk_list_box_row_set_header (row, header);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const DocketSearchResult *x = *(DocketSearchResult * const *) a;
  const DocketSearchResult *y = *(DocketSearchResult * const *) b;

  return (int) group_rank (x->kind) - (int) group_rank (y->kind);
}

static void
clear_list (DocketSearchPopover *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_results = 0;
}

static void
show_empty (DocketSearchPopover *self,
            const char          *text)
{
  g_autofree char *message = g_strdup_printf (_("Nothing found for “%s”"), text);
  gboolean filtered = gtk_drop_down_get_selected (self->kind_dropdown) != 0;

  gtk_label_set_text (self->empty_label, message);
  gtk_label_set_text (self->empty_hint_label,
                      filtered ? _("Try searching everything rather than one kind of record, "
                                   "or fewer words.")
                               : _("Try fewer words, or remove the filters."));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
show_error (DocketSearchPopover *self,
            const GError        *error)
{
  gtk_label_set_text (self->empty_label, _("The search did not work"));
  gtk_label_set_text (self->empty_hint_label, error->message);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
run_search (DocketSearchPopover *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  DocketSearchQuery query = { .text = text };

  clear_list (self);
  if (self->store == NULL || stripped[0] == '\0')
    {
      gtk_stack_set_visible_child_name (self->stack, "hint");
      return;
    }
  /* Item 0 of the drop-down is "Everything", then the kinds in their order. */
  if (selected != 0 && selected != GTK_INVALID_LIST_POSITION)
    query.kinds = DOCKET_SEARCH_KIND_FLAG (selected - 1);

  results = docket_store_search (self->store, &query, &error);
  if (results == NULL)
    {
      show_error (self, error);
      return;
    }
  if (results->len == 0)
    {
      show_empty (self, stripped);
      return;
    }
  /* Stable: the ranking stays within each group. */
  g_ptr_array_sort (results, compare_groups);
  for (guint i = 0; i < results->len; i++)
    gtk_list_box_append (self->list, make_row (g_ptr_array_index (results, i)));
  self->n_results = results->len;
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));
  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
open_row (DocketSearchPopover *self,
          GtkListBoxRow       *row)
{
  const RowTarget *target = row_get_target (row);
  GtkWidget *widget = GTK_WIDGET (self);

  /* The popover goes first: the action changes the page under it. */
  gtk_popover_popdown (GTK_POPOVER (self));
  if (target->item_id != 0)
    gtk_widget_activate_action (widget, "win.show-item", "x", (gint64) target->item_id);
  else if (target->meeting_id != 0)
    gtk_widget_activate_action (widget, "win.show-meeting", "x", (gint64) target->meeting_id);
}

static void
on_entry_search_changed_cb (DocketSearchPopover *self)
{
  run_search (self);
}

static void
on_kind_dropdown_selected_cb (DocketSearchPopover *self)
{
  run_search (self);
}

static void
on_entry_activated_cb (DocketSearchPopover *self)
{
  GtkListBoxRow *row;

  /* Enter may come before the search-changed delay is over: search now. */
  run_search (self);
  row = gtk_list_box_get_selected_row (self->list);
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->list, 0);
  if (row != NULL)
    open_row (self, row);
}

static void
on_entry_stop_search_cb (DocketSearchPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_list_row_activated_cb (DocketSearchPopover *self,
                          GtkListBoxRow       *row)
{
  open_row (self, row);
}

static void
on_popover_shown_cb (DocketSearchPopover *self)
{
  /* Records may have changed since the last search. */
  run_search (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
docket_search_popover_dispose (GObject *object)
{
  DocketSearchPopover *self = DOCKET_SEARCH_POPOVER (object);

  /* GtkPopover unparents its child itself, like a bin; the template children are not
   * referenced (no gtk_widget_dispose_template()). */
  g_clear_object (&self->store);

  G_OBJECT_CLASS (docket_search_popover_parent_class)->dispose (object);
}

static void
docket_search_popover_class_init (DocketSearchPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_search_popover_dispose;

  row_target_quark = g_quark_from_static_string ("docket-search-target");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/docket-search-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketSearchPopover, entry);
  gtk_widget_class_bind_template_child (widget_class, DocketSearchPopover, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DocketSearchPopover, stack);
  gtk_widget_class_bind_template_child (widget_class, DocketSearchPopover, list);
  gtk_widget_class_bind_template_child (widget_class, DocketSearchPopover, empty_label);
  gtk_widget_class_bind_template_child (widget_class, DocketSearchPopover, empty_hint_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_shown_cb);
}

static void
docket_search_popover_init (DocketSearchPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->list, update_header_cb, NULL, NULL);
}

GtkWidget *
docket_search_popover_new (void)
{
  return g_object_new (DOCKET_TYPE_SEARCH_POPOVER, NULL);
}

void
docket_search_popover_set_store (DocketSearchPopover *self,
                                 DocketStore         *store)
{
  g_return_if_fail (DOCKET_IS_SEARCH_POPOVER (self));
  g_return_if_fail (store == NULL || DOCKET_IS_STORE (store));

  if (g_set_object (&self->store, store))
    run_search (self);
}

guint
docket_search_popover_get_n_results (DocketSearchPopover *self)
{
  g_return_val_if_fail (DOCKET_IS_SEARCH_POPOVER (self), 0);

  return self->n_results;
}
