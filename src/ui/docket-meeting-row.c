/* docket-meeting-row.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "docket-meeting-row.h"
#include "docket-store-meetings.h"

struct _DocketMeetingRow
{
  GtkWidget     parent_instance;

  DocketRecord *record;

  GtkLabel     *title_label;
  GtkLabel     *subtitle_label;
  GtkLabel     *done_label;
};

G_DEFINE_FINAL_TYPE (DocketMeetingRow, docket_meeting_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (DocketMeetingRow *self)
{
  DocketMeetingSummary *summary = self->record ? docket_record_get_value (self->record) : NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *done = NULL;
  g_autofree char *done_a11y = NULL;

  if (summary == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->subtitle_label, "");
      gtk_label_set_label (self->done_label, "");
      return;
    }

  date = docket_date_format_display (summary->meeting->date);
  subtitle = g_strdup_printf ("%s · %s", date, docket_meeting_kind_get_label (summary->meeting->kind));
  done = g_strdup_printf ("%u/%u", summary->n_done, summary->n_items);
  /* Translators: read by screen readers for "3/5" in the meetings list */
  done_a11y = g_strdup_printf (_("%u of %u items done"), summary->n_done, summary->n_items);

  gtk_label_set_label (self->title_label, summary->meeting->title);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_label_set_label (self->done_label, done);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->done_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, done_a11y, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->done_label), summary->n_items > 0);
}

static void
docket_meeting_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DocketMeetingRow *self = DOCKET_MEETING_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      if (g_set_object (&self->record, g_value_get_object (value)))
        {
          update (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_meeting_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DocketMeetingRow *self = DOCKET_MEETING_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_meeting_row_dispose (GObject *object)
{
  DocketMeetingRow *self = DOCKET_MEETING_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOCKET_TYPE_MEETING_ROW);
  /* The layout box is not a bound child, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (docket_meeting_row_parent_class)->dispose (object);
}

static void
docket_meeting_row_class_init (DocketMeetingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_meeting_row_dispose;
  object_class->set_property = docket_meeting_row_set_property;
  object_class->get_property = docket_meeting_row_get_property;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, DOCKET_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/docket-meeting-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DocketMeetingRow, done_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
docket_meeting_row_init (DocketMeetingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
