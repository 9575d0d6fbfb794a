/* docket-meetings-view.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-meetings"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-meeting-editor.h"
#include "docket-meeting-row.h"
#include "docket-meetings-view.h"
#include "docket-paged-model.h"
#include "docket-store-meetings.h"
#include "docket-store-sample.h"

/* The years offered by the year filter: this year and the ten before it. */
#define N_YEARS 11

struct _DocketMeetingsView
{
  AdwBin              parent_instance;

  DocketStore        *store;
  DocketPagedModel   *model;
  GtkSingleSelection *selection;
  guint               reload_id;
  gboolean            list_stale;
  int                 first_year;

  GtkStack           *mode_stack;
  GtkStack           *list_stack;
  GtkStack           *detail_stack;
  AdwLeaflet         *leaflet;
  GtkListView        *list_view;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *year_dropdown;
  DocketMeetingEditor *editor;
};

G_DEFINE_FINAL_TYPE (DocketMeetingsView, docket_meetings_view, ADW_TYPE_BIN)

static int
selected_kind (DocketMeetingsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);
  return selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
}

static int
selected_year (DocketMeetingsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);
  return selected == 0 || selected == GTK_INVALID_LIST_POSITION ? 0 : self->first_year - (int) selected + 1;
}

static gboolean
count_meetings (gpointer  user_data,
                guint    *out_count,
                GError  **error)
{
  DocketMeetingsView *self = user_data;

  if (self->store == NULL)
    {
      *out_count = 0;
      return TRUE;
    }
  return docket_store_count_meetings (self->store, selected_kind (self), selected_year (self),
                                      out_count, error);
}

static GPtrArray *
fetch_meetings (gpointer  user_data,
                guint     offset,
                guint     limit,
                GError  **error)
{
  DocketMeetingsView *self = user_data;
  g_autoptr(GPtrArray) summaries = NULL;
  GPtrArray *records;

  summaries = docket_store_list_meetings (self->store, selected_kind (self), selected_year (self),
                                          offset, limit, error);
  if (summaries == NULL)
    return NULL;

  /* The records take the summaries over from the array. */
  g_ptr_array_set_free_func (summaries, NULL);
  records = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < summaries->len; i++)
    {
      DocketMeetingSummary *summary = g_ptr_array_index (summaries, i);
      g_ptr_array_add (records, docket_record_new (summary,
                                                   (GDestroyNotify) docket_meeting_summary_free,
                                                   summary->meeting->id));
    }
  return records;
}

static gboolean
store_is_empty (DocketMeetingsView *self)
{
  guint n = 0;

  if (self->store == NULL)
    return TRUE;
  return docket_store_count_meetings (self->store, -1, 0, &n, NULL) && n == 0;
}

static void
update_pages (DocketMeetingsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  if (n == 0 && store_is_empty (self))
    gtk_stack_set_visible_child_name (self->mode_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->mode_stack, "list");
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "no-match");
}

/* Hidden, the list is read when it is shown: GTK 4.8's list view makes up to 200
 * rows as soon as its model has them, which is memory and start-up time for an area
 * nobody looks at. */
static void
reload (DocketMeetingsView *self)
{
  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->list_stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->list_stale)
    return;
  docket_paged_model_reload (self->model);
  update_pages (self);
}

static void
on_mapped_cb (DocketMeetingsView *self)
{
  if (self->list_stale)
    reload (self);
}

static gboolean
on_reload_timeout_cb (gpointer user_data)
{
  DocketMeetingsView *self = user_data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* Several records change in one action; the list is read again once, when the
 * main loop is idle. */
static void
on_store_changed_cb (DocketMeetingsView *self,
                     const char         *kind)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (on_reload_timeout_cb, self);
}

static void
on_filter_changed_cb (DocketMeetingsView *self)
{
  reload (self);
}

static void
on_list_view_activated_cb (DocketMeetingsView *self,
                           guint               position)
{
  g_autoptr(DocketRecord) record = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (record != NULL)
    docket_meetings_view_open_meeting (self, docket_record_get_id (record));
}

static void
new_meeting_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  docket_meetings_view_new_meeting (DOCKET_MEETINGS_VIEW (widget));
}

static void
show_error (DocketMeetingsView *self,
            const GError       *error)
{
  AdwToastOverlay *overlay;
  AdwToast *toast;

  overlay = ADW_TOAST_OVERLAY (gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY));
  if (overlay == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  toast = adw_toast_new (error->message);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}

static void
load_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DocketMeetingsView *self = DOCKET_MEETINGS_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!docket_store_load_sample (self->store, &error))
    show_error (self, error);
  reload (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DocketMeetingsView *self = DOCKET_MEETINGS_VIEW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
fill_filters (DocketMeetingsView *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_string_list_append (kinds, _("All kinds"));
  for (int kind = DOCKET_MEETING_KIND_REGULAR; kind <= DOCKET_MEETING_KIND_OTHER; kind++)
    gtk_string_list_append (kinds, docket_meeting_kind_get_label (kind));

  self->first_year = g_date_time_get_year (now);
  gtk_string_list_append (years, _("All years"));
  for (int i = 0; i < N_YEARS; i++)
    {
      g_autofree char *year = g_strdup_printf ("%d", self->first_year - i);
      gtk_string_list_append (years, year);
    }

  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (years));
}

static void
docket_meetings_view_dispose (GObject *object)
{
  DocketMeetingsView *self = DOCKET_MEETINGS_VIEW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  /* No gtk_widget_dispose_template (): AdwBin unparents its child itself, and
   * unparenting it here first leaves AdwBin a dangling pointer. */
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (docket_meetings_view_parent_class)->dispose (object);
}

static void
docket_meetings_view_class_init (DocketMeetingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_meetings_view_dispose;

  g_type_ensure (DOCKET_TYPE_MEETING_ROW);
  g_type_ensure (DOCKET_TYPE_MEETING_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/docket-meetings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingsView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingsView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingsView, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingsView, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activated_cb);

  gtk_widget_class_install_action (widget_class, "meetings.new", NULL, new_meeting_action);
  gtk_widget_class_install_action (widget_class, "meetings.load-sample", NULL, load_sample_action);
  gtk_widget_class_install_action (widget_class, "meetings.back", NULL, back_action);
}

static void
docket_meetings_view_init (DocketMeetingsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  fill_filters (self);
  self->model = docket_paged_model_new (count_meetings, fetch_meetings, self, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->kind_dropdown, "notify::selected",
                           G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->year_dropdown, "notify::selected",
                           G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (on_mapped_cb), NULL);
  update_pages (self);
}

void
docket_meetings_view_set_store (DocketMeetingsView *self,
                                DocketStore        *store)
{
  g_return_if_fail (DOCKET_IS_MEETINGS_VIEW (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (!g_set_object (&self->store, store))
    return;
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::meetings", G_CALLBACK (on_store_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::items", G_CALLBACK (on_store_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  docket_meeting_editor_set_store (self->editor, store);
  reload (self);
}

void
docket_meetings_view_open_meeting (DocketMeetingsView *self,
                                   DocketId            meeting_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  g_return_if_fail (DOCKET_IS_MEETINGS_VIEW (self));

  docket_meeting_editor_set_meeting (self->editor, meeting_id);
  gtk_stack_set_visible_child_name (self->detail_stack, meeting_id ? "editor" : "none");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  /* Select it in the list when it is on the first pages, where new meetings are. */
  for (guint i = 0; i < MIN (n, 200); i++)
    {
      g_autoptr(DocketRecord) record = g_list_model_get_item (G_LIST_MODEL (self->selection), i);
      if (record != NULL && docket_record_get_id (record) == meeting_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          break;
        }
    }
}

/**
 * docket_meetings_view_new_meeting:
 *
 * Creates a draft meeting dated today and opens it, its title ready to be typed.
 *
 * Returns: the new meeting's id, 0 when it could not be stored
 */
DocketId
docket_meetings_view_new_meeting (DocketMeetingsView *self)
{
  g_autoptr(DocketMeeting) meeting = docket_meeting_new ();
  g_autoptr(GError) error = NULL;
  DocketId id;

  g_return_val_if_fail (DOCKET_IS_MEETINGS_VIEW (self), 0);

  if (self->store == NULL)
    return 0;
  meeting->title = g_strdup (_("New meeting"));
  meeting->date = docket_date_today (NULL);
  meeting->kind = DOCKET_MEETING_KIND_REGULAR;
  meeting->state = DOCKET_MEETING_STATE_DRAFT;
  id = docket_store_add_meeting (self->store, meeting, &error);
  if (id == 0)
    {
      show_error (self, error);
      return 0;
    }
  reload (self);
  docket_meetings_view_open_meeting (self, id);
  docket_meeting_editor_focus_title (self->editor);
  return id;
}

guint
docket_meetings_view_get_n_shown (DocketMeetingsView *self)
{
  g_return_val_if_fail (DOCKET_IS_MEETINGS_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

void
docket_meetings_view_flush (DocketMeetingsView *self)
{
  g_return_if_fail (DOCKET_IS_MEETINGS_VIEW (self));
  docket_meeting_editor_flush (self->editor);
}
