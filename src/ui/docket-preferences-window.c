/* docket-preferences-window.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-preferences-window.h"
#include "docket-reminder-settings.h"
#include "docket-store-units.h"

struct _DocketPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings     *settings;
  DocketStore   *store;

  AdwEntryRow   *name_row;
  AdwPreferencesGroup *units_group;
  AdwComboRow   *style_row;
  GtkSwitch     *background_switch;
  AdwEntryRow   *days_before_row;
  AdwEntryRow   *escalations_row;
  AdwEntryRow   *work_start_row;
  AdwEntryRow   *work_end_row;
  GtkSpinButton *due_soon_spin;
};

G_DEFINE_FINAL_TYPE (DocketPreferencesWindow, docket_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The order of the rows in the style combo row. */
static const char *color_schemes[] = { "default", "light", "dark" };

static gboolean
scheme_to_index (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_strcmp0 (scheme, color_schemes[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
index_to_scheme (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  guint index = g_value_get_uint (value);

  if (index >= G_N_ELEMENTS (color_schemes))
    index = 0;
  return g_variant_new_string (color_schemes[index]);
}

static gboolean
is_my_unit (GVariant *mine,
            DocketId  id)
{
  gsize n = 0;
  const gint64 *ids = g_variant_get_fixed_array (mine, &n, sizeof (gint64));

  for (gsize i = 0; i < n; i++)
    if (ids[i] == id)
      return TRUE;
  return FALSE;
}

static void
on_unit_toggled_cb (GtkCheckButton          *check,
                    DocketPreferencesWindow *self)
{
  g_autoptr(GVariant) mine = g_settings_get_value (self->settings, "my-units");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  DocketId id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "docket-unit"));
  gsize n = 0;
  const gint64 *old = g_variant_get_fixed_array (mine, &n, sizeof (gint64));

  for (gsize i = 0; i < n; i++)
    if (old[i] != id)
      g_array_append_val (ids, old[i]);
  if (gtk_check_button_get_active (check))
    g_array_append_val (ids, id);
  g_settings_set_value (self->settings, "my-units",
                        g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, ids->data, ids->len,
                                                   sizeof (gint64)));
}

static void
fill_units (DocketPreferencesWindow *self)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GVariant) mine = g_settings_get_value (self->settings, "my-units");

  if (self->store != NULL)
    units = docket_store_list_units (self->store, FALSE, NULL);
  if (units == NULL || units->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No units yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Add units in the Units area first."));
      adw_preferences_group_add (self->units_group, row);
      return;
    }
  for (guint i = 0; i < units->len; i++)
    {
      DocketUnit *unit = g_ptr_array_index (units, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), unit->name);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_my_unit (mine, unit->id));
      g_object_set_data (G_OBJECT (check), "docket-unit", GSIZE_TO_POINTER (unit->id));
      g_signal_connect (check, "toggled", G_CALLBACK (on_unit_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->units_group, row);
    }
}

/* The reminder policy's numbers are shared by everyone who uses the file: they live
 * in the store, not in GSettings, so `docketctl remind` follows them too. */
static void
show_reminder_settings (DocketPreferencesWindow *self)
{
  DocketReminderSettings settings;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *escalations = NULL, *start = NULL, *end = NULL;
  AdwEntryRow *rows[] = { self->days_before_row, self->escalations_row,
                          self->work_start_row, self->work_end_row };

  if (self->store == NULL || !docket_reminder_settings_load (&settings, self->store, &error))
    {
      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        gtk_widget_set_sensitive (GTK_WIDGET (rows[i]), FALSE);
      return;
    }
  before = docket_reminder_settings_format_days_before (&settings);
  escalations = docket_reminder_settings_format_escalations (&settings);
  start = docket_reminder_settings_format_time (settings.work_start_minutes);
  end = docket_reminder_settings_format_time (settings.work_end_minutes);
  gtk_editable_set_text (GTK_EDITABLE (self->days_before_row), before);
  gtk_editable_set_text (GTK_EDITABLE (self->escalations_row), escalations);
  gtk_editable_set_text (GTK_EDITABLE (self->work_start_row), start);
  gtk_editable_set_text (GTK_EDITABLE (self->work_end_row), end);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (rows[i]), "error");
}

static void
refuse_reminder_row (DocketPreferencesWindow *self,
                     AdwEntryRow             *row,
                     const char              *message)
{
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

/* Apply: the whole policy is read from the four rows, so a refusal names the row at
 * fault and leaves what was typed in place; nothing is stored until all four read. */
static void
on_reminder_row_apply_cb (DocketPreferencesWindow *self,
                          AdwEntryRow             *row)
{
  DocketReminderSettings settings;
  g_autoptr(GError) error = NULL;
  AdwEntryRow *at_fault = NULL;

  if (self->store == NULL)
    return;
  if (!docket_reminder_settings_load (&settings, self->store, &error))
    {
      refuse_reminder_row (self, row, error->message);
      return;
    }
  if (!docket_reminder_settings_parse_days_before (
         &settings, gtk_editable_get_text (GTK_EDITABLE (self->days_before_row)), &error))
    at_fault = self->days_before_row;
  else if (!docket_reminder_settings_parse_escalations (
              &settings, gtk_editable_get_text (GTK_EDITABLE (self->escalations_row)), &error))
    at_fault = self->escalations_row;
  else if (!docket_reminder_settings_parse_hours (
              &settings, gtk_editable_get_text (GTK_EDITABLE (self->work_start_row)),
              gtk_editable_get_text (GTK_EDITABLE (self->work_end_row)), &error))
    at_fault = row == self->work_start_row ? self->work_start_row : self->work_end_row;
  else if (!docket_reminder_settings_save (&settings, self->store, &error))
    at_fault = row;
  if (at_fault != NULL)
    {
      refuse_reminder_row (self, at_fault, error->message);
      return;
    }
  gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  show_reminder_settings (self);
}

static void
docket_preferences_window_constructed (GObject *object)
{
  DocketPreferencesWindow *self = DOCKET_PREFERENCES_WINDOW (object);
  g_autofree char *name = NULL;

  G_OBJECT_CLASS (docket_preferences_window_parent_class)->constructed (object);

  name = g_settings_get_string (self->settings, "user-name");
  if (*name == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), g_get_real_name ());
  g_settings_bind (self->settings, "user-name", self->name_row, "text", G_SETTINGS_BIND_SET);
  fill_units (self);
  show_reminder_settings (self);

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                scheme_to_index, index_to_scheme, NULL, NULL);
  g_settings_bind (self->settings, "run-in-background",
                   self->background_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "due-soon-days",
                   self->due_soon_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
docket_preferences_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  DocketPreferencesWindow *self = DOCKET_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_preferences_window_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  DocketPreferencesWindow *self = DOCKET_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_preferences_window_dispose (GObject *object)
{
  DocketPreferencesWindow *self = DOCKET_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOCKET_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (docket_preferences_window_parent_class)->dispose (object);
}

static void
docket_preferences_window_class_init (DocketPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = docket_preferences_window_constructed;
  object_class->dispose = docket_preferences_window_dispose;
  object_class->set_property = docket_preferences_window_set_property;
  object_class->get_property = docket_preferences_window_get_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DOCKET_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/docket-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, DocketPreferencesWindow, units_group);
  gtk_widget_class_bind_template_child (widget_class, DocketPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, DocketPreferencesWindow, background_switch);
  gtk_widget_class_bind_template_child (widget_class, DocketPreferencesWindow, due_soon_spin);
  gtk_widget_class_bind_template_child (widget_class, DocketPreferencesWindow, days_before_row);
  gtk_widget_class_bind_template_child (widget_class, DocketPreferencesWindow, escalations_row);
  gtk_widget_class_bind_template_child (widget_class, DocketPreferencesWindow, work_start_row);
  gtk_widget_class_bind_template_child (widget_class, DocketPreferencesWindow, work_end_row);
  gtk_widget_class_bind_template_callback (widget_class, on_reminder_row_apply_cb);
}

static void
docket_preferences_window_init (DocketPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * docket_preferences_window_new:
 * @store: (nullable): the records, for the choice of "my units"
 */
DocketPreferencesWindow *
docket_preferences_window_new (GSettings   *settings,
                               DocketStore *store)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (DOCKET_TYPE_PREFERENCES_WINDOW, "settings", settings, "store", store, NULL);
}
