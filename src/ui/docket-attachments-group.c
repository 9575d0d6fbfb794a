/* docket-attachments-group.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-attachments"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-toast.h"
#include "docket-attachments-group.h"
#include "docket-store-attachments.h"

#define THUMBNAIL_SIZE 48

struct _DocketAttachmentsGroup
{
  AdwBin               parent_instance;

  DocketStore         *store;
  DocketId             meeting_id;
  GPtrArray           *rows;
  AdwPreferencesGroup *group;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (DocketAttachmentsGroup, docket_attachments_group, ADW_TYPE_BIN)

static void rebuild (DocketAttachmentsGroup *self);

static void
toast (DocketAttachmentsGroup *self,
       const char *text,
       const char *button,
       const char *action,
       GVariant   *target)
{
  docket_toast_show (GTK_WIDGET (self), text, button, action, target);
}

static GtkWidget *
thumbnail (DocketAttachmentsGroup *self,
           DocketAttachment       *attachment)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *image;

  if (attachment->mime_type != NULL && g_str_has_prefix (attachment->mime_type, "image/"))
    {
      bytes = docket_store_dup_attachment_content (self->store, attachment->id, NULL);
      if (bytes != NULL)
        texture = gdk_texture_new_from_bytes (bytes, NULL);
    }
  if (texture != NULL)
    image = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  else
    {
      g_autoptr(GIcon) icon = g_content_type_get_symbolic_icon (attachment->mime_type);
      image = gtk_image_new_from_gicon (icon);
      gtk_image_set_pixel_size (GTK_IMAGE (image), 32);
    }
  gtk_widget_set_size_request (image, THUMBNAIL_SIZE, THUMBNAIL_SIZE);
  gtk_widget_set_valign (image, GTK_ALIGN_CENTER);
  return image;
}

static GtkWidget *
icon_button (const char *icon,
             const char *label,
             const char *action,
             GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static void
rebuild (DocketAttachmentsGroup *self)
{
  g_autoptr(GPtrArray) attachments = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  if (self->store == NULL || self->meeting_id == 0)
    return;

  attachments = docket_store_list_meeting_attachments (self->store, self->meeting_id, NULL);
  for (guint i = 0; attachments != NULL && i < attachments->len; i++)
    {
      DocketAttachment *attachment = g_ptr_array_index (attachments, i);
      g_autofree char *size = g_format_size (attachment->size);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), attachment->file_name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), thumbnail (self, attachment));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("document-open-symbolic", _("Open"),
                                              "attachments.open", g_variant_new_int64 (attachment->id)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("user-trash-symbolic", _("Remove"),
                                              "attachments.remove", g_variant_new_int64 (attachment->id)));
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static gboolean
add_bytes (DocketAttachmentsGroup *self,
           const char             *name,
           GBytes                 *bytes,
           GError                **error)
{
  g_autofree char *type = g_content_type_guess (name, g_bytes_get_data (bytes, NULL),
                                                g_bytes_get_size (bytes), NULL);
  g_autofree char *mime = g_content_type_get_mime_type (type);

  if (docket_store_add_meeting_attachment (self->store, self->meeting_id, name, mime, bytes, error) == 0)
    return FALSE;
  rebuild (self);
  return TRUE;
}

static void
on_chooser_response_cb (GtkNativeDialog        *chooser,
                        int                     response,
                        DocketAttachmentsGroup *self)
{
  g_autoptr(GListModel) files = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autoptr(GError) error = NULL;

      if (!docket_attachments_group_add_file (self, file, &error))
        toast (self, error->message, NULL, NULL, NULL);
    }
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  DocketAttachmentsGroup *self = DOCKET_ATTACHMENTS_GROUP (widget);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Attach Photos or Documents"), parent,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), NULL);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Opening writes a copy to Docket's cache folder and hands it to the default
 * application; the stored bytes are never touched. */
static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DocketAttachmentsGroup *self = DOCKET_ATTACHMENTS_GROUP (widget);
  DocketId id = g_variant_get_int64 (parameter);
  g_autoptr(GPtrArray) attachments = docket_store_list_meeting_attachments (self->store, self->meeting_id, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  const char *name = NULL;

  for (guint i = 0; attachments != NULL && i < attachments->len; i++)
    if (((DocketAttachment *) g_ptr_array_index (attachments, i))->id == id)
      name = ((DocketAttachment *) g_ptr_array_index (attachments, i))->file_name;
  bytes = docket_store_dup_attachment_content (self->store, id, &error);
  if (bytes == NULL || name == NULL)
    {
      toast (self, error ? error->message : _("The file is no longer there."), NULL, NULL, NULL);
      return;
    }
  folder = g_strdup_printf ("%s/docket/open/%" G_GINT64_FORMAT, g_get_user_cache_dir (), id);
  path = g_build_filename (folder, name, NULL);
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      toast (self, error ? error->message : _("The file could not be opened."), NULL, NULL, NULL);
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), uri, GDK_CURRENT_TIME);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DocketAttachmentsGroup *self = DOCKET_ATTACHMENTS_GROUP (widget);
  DocketId id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = docket_store_dup_attachment_content (self->store, id, NULL);
  g_autoptr(GPtrArray) attachments = docket_store_list_meeting_attachments (self->store, self->meeting_id, NULL);
  g_autofree char *name = NULL;

  for (guint i = 0; attachments != NULL && i < attachments->len; i++)
    if (((DocketAttachment *) g_ptr_array_index (attachments, i))->id == id)
      name = g_strdup (((DocketAttachment *) g_ptr_array_index (attachments, i))->file_name);

  if (!docket_store_remove_attachment (self->store, id, &error))
    {
      toast (self, error->message, NULL, NULL, NULL);
      return;
    }
  rebuild (self);
  /* Undo puts the same bytes back (they are held by the toast's target). */
  if (bytes != NULL && name != NULL)
    toast (self, _("Attachment removed"), _("_Undo"), "attachments.restore",
           g_variant_new ("(s@ay)", name,
                          g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, bytes, TRUE)));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DocketAttachmentsGroup *self = DOCKET_ATTACHMENTS_GROUP (widget);
  g_autoptr(GVariant) data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  g_variant_get (parameter, "(&s@ay)", &name, &data);
  bytes = g_variant_get_data_as_bytes (data);
  if (!add_bytes (self, name, bytes, &error))
    toast (self, error->message, NULL, NULL, NULL);
}

static void
docket_attachments_group_dispose (GObject *object)
{
  DocketAttachmentsGroup *self = DOCKET_ATTACHMENTS_GROUP (object);

  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (docket_attachments_group_parent_class)->dispose (object);
}

static void
docket_attachments_group_class_init (DocketAttachmentsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_attachments_group_dispose;

  gtk_widget_class_install_action (widget_class, "attachments.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "attachments.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "attachments.remove", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "attachments.restore", "(say)", restore_action);
}

static void
docket_attachments_group_init (DocketAttachmentsGroup *self)
{
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

  self->rows = g_ptr_array_new ();
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Attachments"));
  adw_preferences_group_set_description (self->group,
                                         _("Photos of the meeting and its documents, kept with the "
                                           "records so that a backup holds them too."));
  gtk_widget_set_tooltip_text (add, _("Attach Files…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Attach Files…"), -1);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "attachments.add");
  adw_preferences_group_set_header_suffix (self->group, add);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->group));
}

void
docket_attachments_group_set_meeting (DocketAttachmentsGroup *self,
                                      DocketStore            *store,
                                      DocketId                meeting_id)
{
  g_return_if_fail (DOCKET_IS_ATTACHMENTS_GROUP (self));

  g_set_object (&self->store, store);
  self->meeting_id = meeting_id;
  rebuild (self);
}

gboolean
docket_attachments_group_add_file (DocketAttachmentsGroup *self,
                                   GFile                  *file,
                                   GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (DOCKET_IS_ATTACHMENTS_GROUP (self), FALSE);

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return FALSE;
  name = g_file_get_basename (file);
  return add_bytes (self, name, bytes, error);
}

guint
docket_attachments_group_get_n_files (DocketAttachmentsGroup *self)
{
  g_return_val_if_fail (DOCKET_IS_ATTACHMENTS_GROUP (self), 0);
  return self->rows->len;
}
