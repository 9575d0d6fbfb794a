/* docket-item-edit-row.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-item-edit-row"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "docket-item-edit-row.h"
#include "docket-tooltip.h"
#include "docket-record.h"
#include "docket-store-items.h"
#include "docket-wrap-box.h"

#define SAVE_DELAY_MS 600

/* The positions of the deadline choices. */
enum {
  DEADLINE_DATE,
  DEADLINE_WORKING_DAYS,
  DEADLINE_NONE,
};

struct _DocketItemEditRow
{
  GtkWidget      parent_instance;

  DocketStore   *store;
  DocketId       meeting_id;
  DocketId       conclusion_id;
  DocketItem    *item;        /* as stored; id 0 until stored */
  GListModel    *units;       /* DocketRecord of DocketUnit, shared with the other rows */
  DocketId       lead_id;
  GArray        *coordinating; /* DocketId */
  guint          save_id;
  gboolean       loading;
  gboolean       dirty;

  GtkWidget     *box;
  GtkEntry      *content_entry;
  GtkToggleButton *star_button;
  GtkMenuButton *lead_button;
  GtkLabel      *lead_label;
  GtkFilter     *lead_filter;   /* the picker's, once it is made */
  GtkSearchEntry *lead_search;
  GtkMenuButton *coordinating_button;
  GtkLabel      *coordinating_label;
  guint          deadline_mode;
  GtkMenuButton *mode_button;
  GtkLabel      *mode_label;
  GtkWidget     *deadline_box;
  GtkEntry      *deadline_entry;  /* made when a date is asked for */
  GtkSpinButton *days_spin;       /* made when working days are asked for */
  GtkLabel      *deadline_label;
  GtkLabel      *error_label;
};

G_DEFINE_FINAL_TYPE (DocketItemEditRow, docket_item_edit_row, GTK_TYPE_WIDGET)

enum {
  REMOVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
show_problem (DocketItemEditRow *self,
              const char        *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static DocketId
selected_lead (DocketItemEditRow *self)
{
  return self->lead_id;
}

static const DocketUnit *
unit_at (GListModel *units,
         guint       position)
{
  g_autoptr(DocketRecord) record = g_list_model_get_item (units, position);

  /* The shared model holds the record, so the unit outlives this reference. */
  return record ? docket_record_get_value (record) : NULL;
}

static const DocketUnit *
find_unit (DocketItemEditRow *self,
           DocketId           id)
{
  guint n = g_list_model_get_n_items (self->units);

  for (guint i = 0; id != 0 && i < n; i++)
    {
      const DocketUnit *unit = unit_at (self->units, i);

      if (unit != NULL && unit->id == id)
        return unit;
    }
  return NULL;
}

static void
update_coordinating_label (DocketItemEditRow *self)
{
  g_autofree char *label = NULL;

  if (self->coordinating->len == 0)
    label = g_strdup (_("No coordinating units"));
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u coordinating unit",
                                          "%u coordinating units", self->coordinating->len),
                             self->coordinating->len);
  gtk_label_set_label (self->coordinating_label, label);
}

static void on_changed_cb (DocketItemEditRow *self);

static const char *
mode_name (guint mode)
{
  switch (mode)
    {
    case DEADLINE_WORKING_DAYS:
      return _("Working days after the notice");
    case DEADLINE_NONE:
      return _("No deadline (ongoing)");
    case DEADLINE_DATE:
    default:
      return _("Deadline on a date");
    }
}

/* Most items have a date: the working-days field (and for the others the date
 * field) is made only when the kind of deadline asks for it. */
static void
ensure_deadline_entry (DocketItemEditRow *self)
{
  if (self->deadline_entry != NULL)
    return;
  self->deadline_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->deadline_entry, _("dd/mm/yyyy"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->deadline_entry), 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->deadline_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Deadline"), -1);
  gtk_box_prepend (GTK_BOX (self->deadline_box), GTK_WIDGET (self->deadline_entry));
  g_signal_connect_object (self->deadline_entry, "changed", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
ensure_days_spin (DocketItemEditRow *self)
{
  if (self->days_spin != NULL)
    return;
  self->days_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 1000, 1));
  gtk_spin_button_set_value (self->days_spin, 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->days_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Working days"), -1);
  gtk_box_prepend (GTK_BOX (self->deadline_box), GTK_WIDGET (self->days_spin));
  g_signal_connect_object (self->days_spin, "value-changed", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
update_deadline_widgets (DocketItemEditRow *self)
{
  guint mode = self->deadline_mode;
  g_autofree char *shown = NULL;
  g_autofree char *accessible = NULL;

  gtk_label_set_label (self->mode_label, mode_name (mode));
  /* Translators: what a screen reader says for the button that chooses the kind of
   * deadline, e.g. "Kind of deadline: Deadline on a date" */
  accessible = g_strdup_printf (_("Kind of deadline: %s"), mode_name (mode));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mode_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  if (mode == DEADLINE_DATE)
    ensure_deadline_entry (self);
  else if (mode == DEADLINE_WORKING_DAYS)
    ensure_days_spin (self);
  if (self->deadline_entry != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->deadline_entry), mode == DEADLINE_DATE);
  if (self->days_spin != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->days_spin), mode == DEADLINE_WORKING_DAYS);
  if (mode == DEADLINE_WORKING_DAYS && self->item->id != 0 && self->item->deadline != DOCKET_DATE_NONE &&
      self->item->deadline_working_days > 0)
    {
      g_autofree char *date = docket_date_format_display (self->item->deadline);
      /* Translators: the deadline computed from "N working days", e.g. "→ 24/07/2026" */
      shown = g_strdup_printf (_("→ %s"), date);
    }
  gtk_label_set_label (self->deadline_label, shown ? shown : "");
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_label), shown != NULL);
}

/* Reads the widgets into a copy of the item; NULL (and the problem shown) when
 * something is missing or impossible.  What was typed stays in the widgets. */
static DocketItem *
read_item (DocketItemEditRow *self,
           gboolean           quiet_when_new)
{
  g_autoptr(DocketItem) item = docket_item_copy (self->item);
  g_autoptr(GError) error = NULL;
  g_autofree char *content = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->content_entry))));
  guint mode = self->deadline_mode;
  const char *date_text = self->deadline_entry ? gtk_editable_get_text (GTK_EDITABLE (self->deadline_entry)) : "";

  if (self->deadline_entry != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_entry), "error");
  if (*content == '\0' || selected_lead (self) == 0)
    {
      /* A new item waits quietly until it has words and a lead unit. */
      if (!(quiet_when_new && self->item->id == 0))
        show_problem (self, *content == '\0' ? _("Say what is to be done.")
                                             : _("Choose the lead unit: every item has exactly one."));
      return NULL;
    }

  g_free (item->content);
  item->content = g_steal_pointer (&content);
  item->meeting_id = self->meeting_id;
  item->conclusion_id = self->conclusion_id;
  item->lead_unit_id = selected_lead (self);
  item->starred = gtk_toggle_button_get_active (self->star_button);
  {
    g_autoptr(GArray) coordinating = g_array_new (FALSE, FALSE, sizeof (DocketId));

    for (guint i = 0; i < self->coordinating->len; i++)
      if (g_array_index (self->coordinating, DocketId, i) != item->lead_unit_id)
        g_array_append_val (coordinating, g_array_index (self->coordinating, DocketId, i));
    docket_item_set_coordinating_units (item, (DocketId *) (gpointer) coordinating->data,
                                        coordinating->len);
  }
  item->deadline_working_days = 0;
  item->deadline = DOCKET_DATE_NONE;
  if (mode == DEADLINE_DATE && *date_text != '\0')
    {
      if (!docket_date_parse (date_text, &item->deadline, &error))
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->deadline_entry), "error");
          show_problem (self, error->message);
          return NULL;
        }
    }
  else if (mode == DEADLINE_DATE)
    {
      show_problem (self, _("Give the deadline as day/month/year, or choose “No deadline”."));
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_entry), "error");
      return NULL;
    }
  else if (mode == DEADLINE_WORKING_DAYS && self->days_spin != NULL)
    item->deadline_working_days = gtk_spin_button_get_value_as_int (self->days_spin);
  return g_steal_pointer (&item);
}

static void
save (DocketItemEditRow *self)
{
  g_autoptr(DocketItem) item = NULL;
  g_autoptr(GError) error = NULL;
  DocketId id;

  self->dirty = FALSE;
  item = read_item (self, TRUE);
  if (item == NULL)
    return;

  if (item->id == 0)
    {
      id = docket_store_add_item (self->store, item, &error);
      if (id == 0)
        {
          show_problem (self, error->message);
          return;
        }
    }
  else if (!docket_store_update_item (self->store, item, &error))
    {
      show_problem (self, error->message);
      return;
    }
  else
    id = item->id;

  show_problem (self, NULL);
  /* Read back what the store made of it (the deadline from working days). */
  docket_item_free (self->item);
  self->item = docket_store_get_item (self->store, id, NULL);
  if (self->item == NULL)
    {
      self->item = g_steal_pointer (&item);
      self->item->id = id;
    }
  update_deadline_widgets (self);
}

static gboolean
on_save_timeout_cb (gpointer user_data)
{
  DocketItemEditRow *self = user_data;

  self->save_id = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

static void
on_changed_cb (DocketItemEditRow *self)
{
  if (self->loading)
    return;
  update_deadline_widgets (self);
  self->dirty = TRUE;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, on_save_timeout_cb, self);
}

static void
on_coordinating_toggled_cb (GtkCheckButton    *check,
                            DocketItemEditRow *self)
{
  DocketId id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "docket-unit"));

  if (gtk_check_button_get_active (check))
    g_array_append_val (self->coordinating, id);
  else
    for (guint i = 0; i < self->coordinating->len; i++)
      if (g_array_index (self->coordinating, DocketId, i) == id)
        {
          g_array_remove_index (self->coordinating, i);
          break;
        }
  update_coordinating_label (self);
  on_changed_cb (self);
}

static gboolean
is_coordinating (DocketItemEditRow *self,
                 DocketId           id)
{
  for (guint i = 0; i < self->coordinating->len; i++)
    if (g_array_index (self->coordinating, DocketId, i) == id)
      return TRUE;
  return FALSE;
}


static GtkWidget *
coordinating_checks_new (DocketItemEditRow *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);

  for (guint i = 0; i < g_list_model_get_n_items (self->units); i++)
    {
      const DocketUnit *unit = unit_at (self->units, i);
      GtkWidget *check;

      if (unit == NULL)
        continue;
      check = gtk_check_button_new_with_label (unit->name);
      g_object_set_data (G_OBJECT (check), "docket-unit", GSIZE_TO_POINTER (unit->id));
      gtk_box_append (GTK_BOX (box), check);
    }
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  g_object_set_data (G_OBJECT (scroller), "docket-checks", box);
  return scroller;
}

static void
sync_coordinating_checks (DocketItemEditRow *self)
{
  GtkPopover *popover = gtk_menu_button_get_popover (self->coordinating_button);
  GtkWidget *box = popover ? g_object_get_data (G_OBJECT (popover), "docket-checks") : NULL;

  if (box == NULL)
    return;
  for (GtkWidget *check = gtk_widget_get_first_child (box); check; check = gtk_widget_get_next_sibling (check))
    {
      g_signal_handlers_block_by_func (check, on_coordinating_toggled_cb, self);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   is_coordinating (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "docket-unit"))));
      g_signal_handlers_unblock_by_func (check, on_coordinating_toggled_cb, self);
    }
}

/* A meeting page holds hundreds of item rows and each could list every unit: the
 * popover and its checks are made the first time they are needed. */
static GtkWidget *
ensure_coordinating_checks (DocketItemEditRow *self)
{
  GtkPopover *popover = gtk_menu_button_get_popover (self->coordinating_button);
  GtkWidget *checks;
  GtkWidget *box;

  if (popover != NULL)
    return g_object_get_data (G_OBJECT (popover), "docket-checks");
  popover = GTK_POPOVER (gtk_popover_new ());
  checks = coordinating_checks_new (self);
  box = g_object_get_data (G_OBJECT (checks), "docket-checks");
  gtk_popover_set_child (popover, checks);
  g_object_set_data (G_OBJECT (popover), "docket-checks", box);
  gtk_menu_button_set_popover (self->coordinating_button, GTK_WIDGET (popover));
  sync_coordinating_checks (self);
  for (GtkWidget *check = gtk_widget_get_first_child (box); check; check = gtk_widget_get_next_sibling (check))
    g_signal_connect (check, "toggled", G_CALLBACK (on_coordinating_toggled_cb), self);
  return box;
}

/* Opening the list hides the lead unit, which cannot also coordinate. */
static void
create_coordinating_popup (GtkMenuButton *button,
                           gpointer       user_data)
{
  DocketItemEditRow *self = user_data;
  GtkWidget *box = ensure_coordinating_checks (self);
  DocketId lead = selected_lead (self);

  for (GtkWidget *check = gtk_widget_get_first_child (box); check; check = gtk_widget_get_next_sibling (check))
    gtk_widget_set_visible (check, (DocketId) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "docket-unit")) != lead);
}


/* The lead unit.  A row shows the chosen unit's name on a button; the list to choose
 * from (every unit, searchable) is made the first time the button is opened, over the
 * units model that all the rows share. */

static void
show_lead (DocketItemEditRow *self)
{
  const DocketUnit *unit = find_unit (self, self->lead_id);
  g_autofree char *accessible = NULL;

  gtk_label_set_label (self->lead_label, unit ? unit->name : _("Choose the lead unit…"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->lead_button), unit ? unit->name : _("Lead unit"));
  /* Translators: what a screen reader says for the lead-unit button, e.g.
   * "Lead unit: Phòng Nội vụ" */
  accessible = unit ? g_strdup_printf (_("Lead unit: %s"), unit->name) : g_strdup (_("Lead unit"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->lead_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
choose_lead (DocketItemEditRow *self,
             const DocketUnit  *unit)
{
  GtkPopover *popover = gtk_menu_button_get_popover (self->lead_button);

  if (popover != NULL)
    gtk_popover_popdown (popover);
  if (unit == NULL || unit->id == self->lead_id)
    return;
  self->lead_id = unit->id;
  show_lead (self);
  on_changed_cb (self);
}

static gboolean
lead_filter_func (gpointer item,
                  gpointer user_data)
{
  DocketItemEditRow *self = user_data;
  const DocketUnit *unit = docket_record_get_value (item);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->lead_search));

  return docket_fold_contains (unit->name, text) ||
         (unit->short_name != NULL && docket_fold_contains (unit->short_name, text));
}

static void
on_lead_search_changed_cb (DocketItemEditRow *self)
{
  gtk_filter_changed (self->lead_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* Enter in the search field takes the first unit that matches. */
static void
on_lead_search_activate_cb (DocketItemEditRow *self)
{
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (self->lead_button));
  GListModel *shown = g_object_get_data (G_OBJECT (popover), "docket-shown");

  if (g_list_model_get_n_items (shown) > 0)
    choose_lead (self, unit_at (shown, 0));
}

static void
on_lead_list_activate_cb (GtkListView       *list,
                          guint              position,
                          DocketItemEditRow *self)
{
  choose_lead (self, unit_at (G_LIST_MODEL (gtk_list_view_get_model (list)), position));
}

static void
on_lead_popover_show_cb (GtkPopover        *popover,
                         DocketItemEditRow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->lead_search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->lead_search));
}

static void
setup_unit_label_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_unit_label_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  const DocketUnit *unit = docket_record_get_value (gtk_list_item_get_item (list_item));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), unit->name);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (list_item), unit->name);
}

static void
create_lead_popup (GtkMenuButton *button,
                   gpointer       user_data)
{
  DocketItemEditRow *self = user_data;
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *shown;
  GtkWidget *list;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  self->lead_search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->lead_search, "placeholder-text", _("Search units"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->lead_search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search units"), -1);
  self->lead_filter = GTK_FILTER (gtk_custom_filter_new (lead_filter_func, self, NULL));
  shown = gtk_filter_list_model_new (g_object_ref (self->units), g_object_ref (self->lead_filter));
  g_object_set_data_full (G_OBJECT (popover), "docket-shown", g_object_ref (shown), g_object_unref);
  g_object_set_data_full (G_OBJECT (popover), "docket-filter", self->lead_filter, g_object_unref);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_unit_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_unit_label_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (shown)))),
                            factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Units"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->lead_search));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_search_entry_set_key_capture_widget (self->lead_search, popover);

  g_signal_connect_object (self->lead_search, "search-changed", G_CALLBACK (on_lead_search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lead_search, "activate", G_CALLBACK (on_lead_search_activate_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (list, "activate", G_CALLBACK (on_lead_list_activate_cb), self, 0);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_lead_popover_show_cb), self, 0);
  gtk_menu_button_set_popover (button, popover);
  g_object_unref (shown);
}

/* The kind of deadline: a button showing it, with its three choices in a popover
 * made when first opened. */

static void
on_mode_toggled_cb (GtkCheckButton    *check,
                    DocketItemEditRow *self)
{
  guint mode = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "docket-mode"));
  GtkPopover *popover = gtk_menu_button_get_popover (self->mode_button);

  if (!gtk_check_button_get_active (check) || mode == self->deadline_mode)
    return;
  self->deadline_mode = mode;
  if (popover != NULL)
    gtk_popover_popdown (popover);
  on_changed_cb (self);
  if (mode == DEADLINE_DATE)
    gtk_widget_grab_focus (GTK_WIDGET (self->deadline_entry));
  else if (mode == DEADLINE_WORKING_DAYS)
    gtk_widget_grab_focus (GTK_WIDGET (self->days_spin));
}

static void
on_mode_popover_show_cb (GtkPopover        *popover,
                         DocketItemEditRow *self)
{
  GtkWidget *box = gtk_popover_get_child (popover);

  for (GtkWidget *check = gtk_widget_get_first_child (box); check; check = gtk_widget_get_next_sibling (check))
    {
      guint mode = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "docket-mode"));

      g_signal_handlers_block_by_func (check, on_mode_toggled_cb, self);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), mode == self->deadline_mode);
      g_signal_handlers_unblock_by_func (check, on_mode_toggled_cb, self);
      if (mode == self->deadline_mode)
        gtk_widget_grab_focus (check);
    }
}

static void
create_mode_popup (GtkMenuButton *button,
                   gpointer       user_data)
{
  DocketItemEditRow *self = user_data;
  GtkWidget *popover;
  GtkWidget *box;
  GtkCheckButton *group = NULL;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  for (guint mode = DEADLINE_DATE; mode <= DEADLINE_NONE; mode++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (mode_name (mode));

      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      group = GTK_CHECK_BUTTON (check);
      g_object_set_data (G_OBJECT (check), "docket-mode", GUINT_TO_POINTER (mode));
      gtk_box_append (GTK_BOX (box), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_mode_toggled_cb), self, 0);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_mode_popover_show_cb), self, 0);
  gtk_menu_button_set_popover (button, popover);
}

static void
remove_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DocketItemEditRow *self = DOCKET_ITEM_EDIT_ROW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = g_strdup (_("Removed from the meeting’s conclusions while recording"));

  g_clear_handle_id (&self->save_id, g_source_remove);
  /* A stored item is never deleted (its history stays): it is cancelled, which takes
   * it out of every count; a new one simply goes away. */
  if (self->item->id != 0 && !docket_store_cancel_item (self->store, self->item->id, reason, &error))
    {
      show_problem (self, error->message);
      return;
    }
  /* The page takes the row away (and offers to undo); the other rows stay as they are. */
  g_signal_emit (self, signals [REMOVED], 0);
}

static void
build (DocketItemEditRow *self)
{
  GtkWidget *line1 = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *line2 = docket_wrap_box_new (6);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "docket-item-edit-row");

  self->content_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->content_entry, _("What is to be done"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->content_entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->content_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Item content"), -1);
  self->star_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (self->star_button), "starred-symbolic");
  docket_tooltip_set_on_new (GTK_WIDGET (self->star_button), _("Priority"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->star_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Priority star"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->star_button), "flat");
  docket_tooltip_set_on_new (remove, _("Remove Item"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Item"), -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "item-row.remove");
  gtk_box_append (GTK_BOX (line1), GTK_WIDGET (self->content_entry));
  gtk_box_append (GTK_BOX (line1), GTK_WIDGET (self->star_button));
  gtk_box_append (GTK_BOX (line1), remove);

  {
    /* A long unit name is cut, not the row made wider. */
    self->lead_label = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_ellipsize (self->lead_label, PANGO_ELLIPSIZE_END);
    gtk_label_set_xalign (self->lead_label, 0);
    gtk_label_set_width_chars (self->lead_label, 10);
    gtk_label_set_max_width_chars (self->lead_label, 28);
    gtk_widget_set_hexpand (GTK_WIDGET (self->lead_label), TRUE);
    self->lead_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
    gtk_menu_button_set_child (self->lead_button, GTK_WIDGET (self->lead_label));
    gtk_menu_button_set_always_show_arrow (self->lead_button, TRUE);
    gtk_menu_button_set_create_popup_func (self->lead_button, create_lead_popup, self, NULL);
  }

  self->coordinating_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->coordinating_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->coordinating_label, 0);
  self->coordinating_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_child (self->coordinating_button, GTK_WIDGET (self->coordinating_label));
  gtk_menu_button_set_always_show_arrow (self->coordinating_button, TRUE);
  gtk_menu_button_set_create_popup_func (self->coordinating_button, create_coordinating_popup,
                                         self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->coordinating_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Coordinating units"), -1);

  self->mode_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->mode_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->mode_label, 0);
  self->mode_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_child (self->mode_button, GTK_WIDGET (self->mode_label));
  gtk_menu_button_set_always_show_arrow (self->mode_button, TRUE);
  gtk_menu_button_set_create_popup_func (self->mode_button, create_mode_popup, self, NULL);
  docket_tooltip_set_on_new (GTK_WIDGET (self->mode_button), _("Kind of deadline"));
  self->deadline_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->deadline_label), "dim-label");
  gtk_widget_set_valign (GTK_WIDGET (self->deadline_label), GTK_ALIGN_CENTER);

  /* The controls of the second line go on as many lines as the width needs: the
   * row asks for the width of its widest control, not of all of them side by side
   * (which folded the meetings view in wide windows and cut the row at 360 px). */
  self->deadline_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  {
    GtkWidget *controls[] = {
      GTK_WIDGET (self->lead_button), GTK_WIDGET (self->coordinating_button),
      GTK_WIDGET (self->mode_button), self->deadline_box, GTK_WIDGET (self->deadline_label),
    };

    for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
      docket_wrap_box_append (DOCKET_WRAP_BOX (line2), controls[i]);
  }

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_box_append (GTK_BOX (self->box), line1);
  gtk_box_append (GTK_BOX (self->box), line2);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->error_label));
}

static void
fill (DocketItemEditRow *self)
{
  DocketItem *item = self->item;

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->content_entry), item->content ? item->content : "");
  gtk_toggle_button_set_active (self->star_button, item->starred);
  self->lead_id = item->lead_unit_id;
  show_lead (self);
  g_array_set_size (self->coordinating, 0);
  if (item->n_coordinating > 0)
    g_array_append_vals (self->coordinating, item->coordinating_unit_ids, item->n_coordinating);
  update_coordinating_label (self);
  sync_coordinating_checks (self);

  if (item->id != 0 && item->deadline_working_days > 0)
    {
      self->deadline_mode = DEADLINE_WORKING_DAYS;
      ensure_days_spin (self);
      gtk_spin_button_set_value (self->days_spin, item->deadline_working_days);
    }
  else if (item->id != 0 && item->deadline == DOCKET_DATE_NONE)
    self->deadline_mode = DEADLINE_NONE;
  else
    {
      g_autofree char *date = item->deadline ? docket_date_format_display (item->deadline) : g_strdup ("");
      self->deadline_mode = DEADLINE_DATE;
      ensure_deadline_entry (self);
      gtk_editable_set_text (GTK_EDITABLE (self->deadline_entry), date);
    }
  update_deadline_widgets (self);
  self->loading = FALSE;
}

static void
docket_item_edit_row_dispose (GObject *object)
{
  DocketItemEditRow *self = DOCKET_ITEM_EDIT_ROW (object);

  if (self->save_id != 0 && self->store != NULL)
    {
      g_clear_handle_id (&self->save_id, g_source_remove);
      save (self);
    }
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (docket_item_edit_row_parent_class)->dispose (object);
}

static void
docket_item_edit_row_finalize (GObject *object)
{
  DocketItemEditRow *self = DOCKET_ITEM_EDIT_ROW (object);

  g_clear_pointer (&self->item, docket_item_free);
  g_clear_object (&self->units);
  g_clear_pointer (&self->coordinating, g_array_unref);

  G_OBJECT_CLASS (docket_item_edit_row_parent_class)->finalize (object);
}

static void
docket_item_edit_row_class_init (DocketItemEditRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_item_edit_row_dispose;
  object_class->finalize = docket_item_edit_row_finalize;

  /**
   * DocketItemEditRow::removed:
   *
   * The person removed the item: a stored one is cancelled in the store by now.
   * The row is to be taken off the page.
   */
  signals [REMOVED] = g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "item-row.remove", NULL, remove_item_action);
}

static void
docket_item_edit_row_init (DocketItemEditRow *self)
{
  self->coordinating = g_array_new (FALSE, FALSE, sizeof (DocketId));
}

GtkWidget *
docket_item_edit_row_new (DocketStore      *store,
                          DocketId          meeting_id,
                          DocketId          conclusion_id,
                          const DocketItem *item,
                          GListModel       *units)
{
  DocketItemEditRow *self = g_object_new (DOCKET_TYPE_ITEM_EDIT_ROW, NULL);

  self->store = g_object_ref (store);
  self->meeting_id = meeting_id;
  self->conclusion_id = conclusion_id;
  self->units = g_object_ref (units);
  self->item = item ? docket_item_copy (item) : docket_item_new ();
  build (self);
  fill (self);

  g_signal_connect_object (self->content_entry, "changed", G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->star_button, "toggled", G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

DocketId
docket_item_edit_row_get_id (DocketItemEditRow *self)
{
  g_return_val_if_fail (DOCKET_IS_ITEM_EDIT_ROW (self), 0);
  return self->item->id;
}

void
docket_item_edit_row_flush (DocketItemEditRow *self)
{
  g_return_if_fail (DOCKET_IS_ITEM_EDIT_ROW (self));

  if (self->save_id == 0 && !self->dirty)
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  save (self);
}

void
docket_item_edit_row_focus (DocketItemEditRow *self)
{
  g_return_if_fail (DOCKET_IS_ITEM_EDIT_ROW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->content_entry));
}

/**
 * docket_item_edit_row_get_coordinating_checks:
 *
 * Returns: (transfer none): the box of check buttons, one per unit, that the
 *   coordinating units popover shows (built on first use)
 */
GtkWidget *
docket_item_edit_row_get_coordinating_checks (DocketItemEditRow *self)
{
  g_return_val_if_fail (DOCKET_IS_ITEM_EDIT_ROW (self), NULL);
  return ensure_coordinating_checks (self);
}

/**
 * docket_item_edit_row_get_lead_button:
 *
 * Returns: (transfer none): the button that shows the lead unit and opens the list
 *   of units to choose it from
 */
GtkWidget *
docket_item_edit_row_get_lead_button (DocketItemEditRow *self)
{
  g_return_val_if_fail (DOCKET_IS_ITEM_EDIT_ROW (self), NULL);
  return GTK_WIDGET (self->lead_button);
}

/**
 * docket_item_edit_row_get_deadline_button:
 *
 * Returns: (transfer none): the button that shows the kind of deadline and opens
 *   its choices
 */
GtkWidget *
docket_item_edit_row_get_deadline_button (DocketItemEditRow *self)
{
  g_return_val_if_fail (DOCKET_IS_ITEM_EDIT_ROW (self), NULL);
  return GTK_WIDGET (self->mode_button);
}
