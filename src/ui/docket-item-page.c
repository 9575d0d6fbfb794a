/* docket-item-page.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-item-page"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-item-page.h"
#include "docket-store-coordination.h"
#include "docket-store-items.h"
#include "docket-store-meetings.h"
#include "docket-store-units.h"

struct _DocketItemPage
{
  AdwBin           parent_instance;

  DocketStore     *store;
  DocketItem      *item;
  DocketId         pending_extension;
  DocketDate       pinned_today;
  GPtrArray       *timeline_rows;
  gboolean         loading;

  GtkLabel        *content_label;
  GtkToggleButton *star_button;
  GtkLabel        *status_label;
  GtkLabel        *flag_label;
  GtkFlowBox      *actions_box;
  AdwActionRow    *source_row;
  AdwActionRow    *lead_row;
  AdwActionRow    *coordinating_row;
  AdwActionRow    *deadline_row;
  AdwActionRow    *original_row;
  AdwActionRow    *completed_row;
  AdwPreferencesGroup *timeline_group;
};

G_DEFINE_FINAL_TYPE (DocketItemPage, docket_item_page, ADW_TYPE_BIN)

static void reload (DocketItemPage *self);

static DocketDate
today (DocketItemPage *self)
{
  return self->pinned_today != DOCKET_DATE_NONE ? self->pinned_today : docket_date_today (NULL);
}

static void
toast (DocketItemPage *self,
       const char     *text)
{
  AdwToastOverlay *overlay =
    ADW_TOAST_OVERLAY (gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY));

  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, adw_toast_new (text));
  else
    g_message ("%s", text);
}

/* A small form in a message dialog.  Each workflow step asks for what it needs; a
 * refusal from the store comes back in the same dialog with everything typed kept. */

typedef enum
{
  FIELD_TEXT,
  FIELD_DATE,
  FIELD_PERCENT,
} FieldKind;

typedef struct
{
  const char *label;
  FieldKind   kind;
  gboolean    required;
} Field;

typedef gboolean (*FormFunc) (DocketItemPage *self,
                              char          **values,
                              GError        **error);

typedef struct
{
  DocketItemPage *self;
  const char     *heading;
  const char     *body;
  const char     *response_label;
  const Field    *fields;
  guint           n_fields;
  FormFunc        func;
  gboolean        destructive;
} Form;

static void run_form (const Form *form, char **values, const char *problem);

static void
on_form_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  Form *form = user_data;
  GPtrArray *rows = g_object_get_data (G_OBJECT (dialog), "docket-rows");
  g_auto(GStrv) values = g_new0 (char *, form->n_fields + 1);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "ok") != 0)
    return;
  for (guint i = 0; i < form->n_fields; i++)
    values[i] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (rows, i))));

  for (guint i = 0; i < form->n_fields; i++)
    if (form->fields[i].required && docket_text_is_blank (values[i]))
      {
        g_autofree char *problem = g_strdup_printf (_("Fill in “%s”."), form->fields[i].label);
        run_form (form, values, problem);
        return;
      }
  if (!form->func (form->self, values, &error))
    {
      run_form (form, values, error->message);
      return;
    }
  reload (form->self);
}

static void
run_form (const Form *form,
          char      **values,
          const char *problem)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (form->self)));
  GtkWidget *list = gtk_list_box_new ();
  GPtrArray *rows = g_ptr_array_new ();
  g_autofree char *body = problem ? g_strdup_printf ("%s\n\n%s", form->body, problem) : g_strdup (form->body);
  g_autofree char *today_text = docket_date_format_display (today (form->self));
  GtkWidget *dialog = adw_message_dialog_new (parent, form->heading, body);
  Form *copy = g_memdup2 (form, sizeof *form);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < form->n_fields; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      const char *initial = values ? values[i] : form->fields[i].kind == FIELD_DATE ? today_text : "";

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), form->fields[i].label);
      gtk_editable_set_text (GTK_EDITABLE (row), initial ? initial : "");
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (rows, row);
    }
  g_object_set_data_full (G_OBJECT (dialog), "docket-rows", rows, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "docket-form", copy, g_free);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "ok", form->response_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok",
                                              form->destructive ? ADW_RESPONSE_DESTRUCTIVE
                                                                : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  g_signal_connect (dialog, "response", G_CALLBACK (on_form_response_cb), copy);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
parse_date_field (const char *text,
                  DocketDate *out_date,
                  GError    **error)
{
  return docket_date_parse (text, out_date, error);
}

static gboolean
parse_percent (const char *text,
               int        *out_percent,
               GError    **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  guint64 value;

  if (*stripped == '\0')
    {
      *out_percent = -1;
      return TRUE;
    }
  if (g_str_has_suffix (stripped, "%"))
    stripped[strlen (stripped) - 1] = '\0';
  if (!g_ascii_string_to_unsigned (g_strstrip (stripped), 10, 0, 100, &value, NULL))
    {
      g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                   _("Give the progress as a whole number from 0 to 100, or leave it empty."));
      return FALSE;
    }
  *out_percent = (int) value;
  return TRUE;
}

/* The workflow steps. */

static gboolean
do_progress (DocketItemPage *self, char **v, GError **error)
{
  DocketDate day;
  int percent;

  return parse_date_field (v[1], &day, error) && parse_percent (v[2], &percent, error) &&
         docket_store_add_progress (self->store, self->item->id, day, v[0], percent, NULL, 0, error) != 0;
}

static gboolean
do_done (DocketItemPage *self, char **v, GError **error)
{
  DocketDate day;

  return parse_date_field (v[0], &day, error) &&
         docket_store_report_item_done (self->store, self->item->id, day, v[1], NULL, 0, error);
}

static gboolean
do_return (DocketItemPage *self, char **v, GError **error)
{
  return docket_store_return_item (self->store, self->item->id, v[0], error);
}

static gboolean
do_extension (DocketItemPage *self, char **v, GError **error)
{
  DocketDate day;

  return parse_date_field (v[0], &day, error) &&
         docket_store_request_extension (self->store, self->item->id, today (self), day, v[1], error) != 0;
}

static gboolean
do_approve (DocketItemPage *self, char **v, GError **error)
{
  return docket_store_approve_extension (self->store, self->pending_extension, today (self), v[0], error);
}

static gboolean
do_reject (DocketItemPage *self, char **v, GError **error)
{
  return docket_store_reject_extension (self->store, self->pending_extension, today (self), v[0], error);
}

static gboolean
do_cancel (DocketItemPage *self, char **v, GError **error)
{
  return docket_store_cancel_item (self->store, self->item->id, v[0], error);
}

static gboolean
do_reopen (DocketItemPage *self, char **v, GError **error)
{
  return docket_store_reopen_item (self->store, self->item->id, v[0], error);
}

static void
form_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DocketItemPage *self = DOCKET_ITEM_PAGE (widget);
  const char *which = g_variant_get_string (parameter, NULL);
  static Field progress_fields[3];
  static Field done_fields[2];
  static Field reason_fields[1];
  static Field extension_fields[2];
  static Field document_fields[1];
  Form form = { self };

  progress_fields[0] = (Field) { _("What was done"), FIELD_TEXT, TRUE };
  progress_fields[1] = (Field) { _("Date (day/month/year)"), FIELD_DATE, TRUE };
  progress_fields[2] = (Field) { _("Progress in percent (optional)"), FIELD_PERCENT, FALSE };
  done_fields[0] = (Field) { _("Completed on (day/month/year)"), FIELD_DATE, TRUE };
  done_fields[1] = (Field) { _("Note (optional)"), FIELD_TEXT, FALSE };
  reason_fields[0] = (Field) { _("Reason"), FIELD_TEXT, TRUE };
  extension_fields[0] = (Field) { _("New deadline (day/month/year)"), FIELD_TEXT, TRUE };
  extension_fields[1] = (Field) { _("Reason"), FIELD_TEXT, TRUE };
  document_fields[0] = (Field) { _("Approving document, e.g. 123/UBND-VP"), FIELD_TEXT, TRUE };

  if (g_str_equal (which, "progress"))
    form = (Form) { self, _("Report Progress"), _("What the unit has done so far, and when."),
                    _("_Report"), progress_fields, 3, do_progress, FALSE };
  else if (g_str_equal (which, "done"))
    form = (Form) { self, _("Report Done"), _("The secretariat confirms the completion afterwards."),
                    _("_Report Done"), done_fields, 2, do_done, FALSE };
  else if (g_str_equal (which, "return"))
    form = (Form) { self, _("Return for Rework?"), _("The unit sees the reason and reports again."),
                    _("_Return"), reason_fields, 1, do_return, TRUE };
  else if (g_str_equal (which, "extension"))
    form = (Form) { self, _("Request an Extension"), _("The original deadline is kept in the history."),
                    _("_Request"), extension_fields, 2, do_extension, FALSE };
  else if (g_str_equal (which, "approve"))
    form = (Form) { self, _("Approve the Extension"), _("The new deadline comes into force."),
                    _("_Approve"), document_fields, 1, do_approve, FALSE };
  else if (g_str_equal (which, "reject"))
    form = (Form) { self, _("Reject the Extension?"), _("The deadline stays as it is."),
                    _("_Reject"), reason_fields, 1, do_reject, TRUE };
  else if (g_str_equal (which, "cancel"))
    form = (Form) { self, _("Cancel the Item?"), _("A cancelled item leaves every count. It can be reopened."),
                    _("Cancel _Item"), reason_fields, 1, do_cancel, TRUE };
  else if (g_str_equal (which, "reopen"))
    form = (Form) { self, _("Reopen the Item?"), _("It goes back to the unit's open items."),
                    _("_Reopen"), reason_fields, 1, do_reopen, FALSE };
  else
    return;
  run_form (&form, NULL, NULL);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DocketItemPage *self = DOCKET_ITEM_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!docket_store_confirm_item (self->store, self->item->id, &error))
    toast (self, error->message);
  else
    toast (self, _("Completion confirmed"));
  reload (self);
}

static void
on_star_toggled_cb (DocketItemPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->item == NULL)
    return;
  if (!docket_store_set_item_starred (self->store, self->item->id,
                                      gtk_toggle_button_get_active (self->star_button), &error))
    toast (self, error->message);
}

static void
on_source_activated_cb (DocketItemPage *self)
{
  if (self->item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-meeting", "x", self->item->meeting_id);
}

/* Filling the page. */

static void
add_action_button (DocketItemPage *self,
                   const char     *label,
                   const char     *action,
                   GVariant       *target,
                   gboolean        suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_flow_box_append (self->actions_box, button);
}

static void
fill_actions (DocketItemPage *self)
{
  GtkFlowBoxChild *child;
  DocketItemState state = self->item->state;

  while ((child = gtk_flow_box_get_child_at_index (self->actions_box, 0)) != NULL)
    gtk_flow_box_remove (self->actions_box, GTK_WIDGET (child));

  if (state == DOCKET_ITEM_STATE_OPEN || state == DOCKET_ITEM_STATE_RETURNED)
    {
      add_action_button (self, _("Report _Progress…"), "item.form", g_variant_new_string ("progress"), FALSE);
      add_action_button (self, _("Report _Done…"), "item.form", g_variant_new_string ("done"), TRUE);
      if (self->item->deadline != DOCKET_DATE_NONE && self->pending_extension == 0)
        add_action_button (self, _("Request _Extension…"), "item.form", g_variant_new_string ("extension"), FALSE);
    }
  if (state == DOCKET_ITEM_STATE_REPORTED_DONE)
    {
      add_action_button (self, _("_Confirm Completion"), "item.confirm", NULL, TRUE);
      add_action_button (self, _("Re_turn for Rework…"), "item.form", g_variant_new_string ("return"), FALSE);
    }
  if (self->pending_extension != 0)
    {
      add_action_button (self, _("_Approve Extension…"), "item.form", g_variant_new_string ("approve"), FALSE);
      add_action_button (self, _("Re_ject Extension…"), "item.form", g_variant_new_string ("reject"), FALSE);
    }
  if (state == DOCKET_ITEM_STATE_CONFIRMED || state == DOCKET_ITEM_STATE_CANCELLED)
    add_action_button (self, _("Re_open…"), "item.form", g_variant_new_string ("reopen"), FALSE);
  else
    add_action_button (self, _("Cance_l Item…"), "item.form", g_variant_new_string ("cancel"), FALSE);
}

static const char *
timeline_title (DocketTimelineKind kind)
{
  switch (kind)
    {
    case DOCKET_TIMELINE_CREATED: return _("Assigned");
    case DOCKET_TIMELINE_EDITED: return _("Changed");
    case DOCKET_TIMELINE_PROGRESS: return _("Progress reported");
    case DOCKET_TIMELINE_REPORTED_DONE: return _("Reported done");
    case DOCKET_TIMELINE_CONFIRMED: return _("Completion confirmed");
    case DOCKET_TIMELINE_RETURNED: return _("Returned for rework");
    case DOCKET_TIMELINE_EXTENSION_REQUESTED: return _("Extension requested");
    case DOCKET_TIMELINE_EXTENSION_APPROVED: return _("Extension approved");
    case DOCKET_TIMELINE_EXTENSION_REJECTED: return _("Extension rejected");
    case DOCKET_TIMELINE_CANCELLED: return _("Cancelled");
    case DOCKET_TIMELINE_REOPENED: return _("Reopened");
    case DOCKET_TIMELINE_STARRED: return _("Starred");
    case DOCKET_TIMELINE_UNSTARRED:
    default: return _("Star removed");
    }
}

static void
fill_timeline (DocketItemPage *self)
{
  g_autoptr(GPtrArray) entries = docket_store_list_item_timeline (self->store, self->item->id, NULL);

  for (guint i = 0; i < self->timeline_rows->len; i++)
    adw_preferences_group_remove (self->timeline_group, g_ptr_array_index (self->timeline_rows, i));
  g_ptr_array_set_size (self->timeline_rows, 0);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      DocketTimelineEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (entry->at);
      g_autoptr(GDateTime) local = g_date_time_to_local (utc);
      g_autofree char *when = g_date_time_format (local, "%d/%m/%Y %H:%M");
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row = adw_action_row_new ();

      g_string_append_printf (subtitle, "%s · %s", when, entry->actor ? entry->actor : "");
      if (entry->percent >= 0 && entry->kind == DOCKET_TIMELINE_PROGRESS)
        g_string_append_printf (subtitle, " · %d %%", entry->percent);
      if (entry->text != NULL && *entry->text != '\0')
        g_string_append_printf (subtitle, "\n%s", entry->text);
      if (entry->document != NULL && *entry->document != '\0')
        g_string_append_printf (subtitle, "\n%s", entry->document);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), timeline_title (entry->kind));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (self->timeline_group, row);
      g_ptr_array_add (self->timeline_rows, row);
    }
}

static void
set_badge (GtkLabel   *label,
           const char *word,
           const char *css)
{
  static const char *classes[] = { "on-time", "late", "in-progress", "overdue", "no-deadline",
                                   "cancelled", "due-soon", "awaiting-confirmation", "not-started" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), classes[i]);
  gtk_label_set_label (label, word ? word : "");
  gtk_widget_set_visible (GTK_WIDGET (label), word != NULL);
  if (css != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), css);
  gtk_widget_add_css_class (GTK_WIDGET (label), "status-badge");
}

static void
reload (DocketItemPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketMeeting) meeting = NULL;
  g_autoptr(DocketUnit) lead = NULL;
  g_autoptr(GPtrArray) extensions = NULL;
  g_autofree char *coordinating = NULL;
  g_autofree char *source = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *original = NULL;
  g_autofree char *completed = NULL;
  DocketItem *item;
  DocketBucket bucket;
  DocketId id = self->item ? self->item->id : 0;

  if (self->store == NULL || id == 0)
    return;
  item = docket_store_get_item (self->store, id, &error);
  if (item == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->item, docket_item_free);
  self->item = item;

  self->pending_extension = 0;
  extensions = docket_store_list_extensions (self->store, id, NULL);
  for (guint i = 0; extensions != NULL && i < extensions->len; i++)
    {
      DocketExtension *extension = g_ptr_array_index (extensions, i);
      if (extension->state == DOCKET_EXTENSION_PENDING)
        self->pending_extension = extension->id;
    }

  self->loading = TRUE;
  gtk_label_set_label (self->content_label, item->content);
  gtk_toggle_button_set_active (self->star_button, item->starred);
  self->loading = FALSE;

  bucket = docket_item_bucket (item, today (self));
  set_badge (self->status_label, docket_bucket_get_label (bucket), docket_bucket_get_css_class (bucket));
  if (docket_item_is_awaiting_confirmation (item))
    set_badge (self->flag_label, docket_status_flag_get_label (DOCKET_STATUS_FLAG_AWAITING_CONFIRMATION),
               docket_status_flag_get_css_class (DOCKET_STATUS_FLAG_AWAITING_CONFIRMATION));
  else if (self->pending_extension != 0)
    set_badge (self->flag_label, _("Extension requested"), "due-soon");
  else
    set_badge (self->flag_label, NULL, NULL);

  meeting = docket_store_get_meeting (self->store, item->meeting_id, NULL);
  if (meeting != NULL)
    {
      g_autoptr(DocketConclusion) conclusion =
        item->conclusion_id ? docket_store_get_conclusion (self->store, item->conclusion_id, NULL) : NULL;
      g_autofree char *date = docket_date_format_display (meeting->date);

      source = conclusion ? g_strdup_printf (_("%s (%s), conclusion %d"), meeting->title, date,
                                             conclusion->position)
                          : g_strdup_printf ("%s (%s)", meeting->title, date);
    }
  adw_action_row_set_subtitle (self->source_row, source ? source : "");
  lead = docket_store_get_unit (self->store, item->lead_unit_id, NULL);
  adw_action_row_set_subtitle (self->lead_row, lead ? lead->name : "");
  coordinating = docket_store_dup_coordinating_names (self->store, id, NULL);
  adw_action_row_set_subtitle (self->coordinating_row,
                               coordinating && *coordinating ? coordinating : _("None"));
  deadline = item->deadline ? docket_date_format_display (item->deadline) : g_strdup (_("No deadline (ongoing)"));
  adw_action_row_set_subtitle (self->deadline_row, deadline);
  original = docket_date_format_display (item->original_deadline);
  adw_action_row_set_subtitle (self->original_row, original);
  gtk_widget_set_visible (GTK_WIDGET (self->original_row),
                          item->original_deadline != DOCKET_DATE_NONE &&
                          item->original_deadline != item->deadline);
  completed = docket_date_format_display (item->completed_on);
  adw_action_row_set_subtitle (self->completed_row, completed);
  gtk_widget_set_visible (GTK_WIDGET (self->completed_row), item->completed_on != DOCKET_DATE_NONE);

  fill_actions (self);
  fill_timeline (self);
}

static void
docket_item_page_dispose (GObject *object)
{
  DocketItemPage *self = DOCKET_ITEM_PAGE (object);

  /* No gtk_widget_dispose_template (): AdwBin unparents its child itself. */
  g_clear_object (&self->store);
  g_clear_pointer (&self->item, docket_item_free);
  g_clear_pointer (&self->timeline_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (docket_item_page_parent_class)->dispose (object);
}

static void
docket_item_page_class_init (DocketItemPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_item_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/docket-item-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketItemPage, content_label);
  gtk_widget_class_bind_template_child (widget_class, DocketItemPage, star_button);
  gtk_widget_class_bind_template_child (widget_class, DocketItemPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, DocketItemPage, flag_label);
  gtk_widget_class_bind_template_child (widget_class, DocketItemPage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, DocketItemPage, source_row);
  gtk_widget_class_bind_template_child (widget_class, DocketItemPage, lead_row);
  gtk_widget_class_bind_template_child (widget_class, DocketItemPage, coordinating_row);
  gtk_widget_class_bind_template_child (widget_class, DocketItemPage, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, DocketItemPage, original_row);
  gtk_widget_class_bind_template_child (widget_class, DocketItemPage, completed_row);
  gtk_widget_class_bind_template_child (widget_class, DocketItemPage, timeline_group);
  gtk_widget_class_bind_template_callback (widget_class, on_source_activated_cb);

  gtk_widget_class_install_action (widget_class, "item.form", "s", form_action);
  gtk_widget_class_install_action (widget_class, "item.confirm", NULL, confirm_action);
}

static void
docket_item_page_init (DocketItemPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->timeline_rows = g_ptr_array_new ();
  g_signal_connect_object (self->star_button, "toggled", G_CALLBACK (on_star_toggled_cb), self,
                           G_CONNECT_SWAPPED);
}

void
docket_item_page_set_store (DocketItemPage *self,
                            DocketStore    *store)
{
  g_return_if_fail (DOCKET_IS_ITEM_PAGE (self));
  g_set_object (&self->store, store);
}

void
docket_item_page_set_today (DocketItemPage *self,
                            DocketDate      day)
{
  g_return_if_fail (DOCKET_IS_ITEM_PAGE (self));
  self->pinned_today = day;
  reload (self);
}

void
docket_item_page_set_item (DocketItemPage *self,
                           DocketId        item_id)
{
  g_return_if_fail (DOCKET_IS_ITEM_PAGE (self));

  g_clear_pointer (&self->item, docket_item_free);
  if (item_id == 0)
    return;
  self->item = docket_item_new ();
  self->item->id = item_id;
  reload (self);
}

DocketId
docket_item_page_get_item (DocketItemPage *self)
{
  g_return_val_if_fail (DOCKET_IS_ITEM_PAGE (self), 0);
  return self->item ? self->item->id : 0;
}
