/* docket-preferences-window.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-preferences-window.h"

struct _DocketPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings     *settings;

  AdwComboRow   *style_row;
  GtkSpinButton *due_soon_spin;
};

G_DEFINE_FINAL_TYPE (DocketPreferencesWindow, docket_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
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

static void
docket_preferences_window_constructed (GObject *object)
{
  DocketPreferencesWindow *self = DOCKET_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (docket_preferences_window_parent_class)->constructed (object);

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                scheme_to_index, index_to_scheme, NULL, NULL);
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/docket-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, DocketPreferencesWindow, due_soon_spin);
}

static void
docket_preferences_window_init (DocketPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DocketPreferencesWindow *
docket_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (DOCKET_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}
