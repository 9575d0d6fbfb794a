/* docket-meeting-editor-notice.c: the notice of conclusions, saved or printed
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-export-job.h"
#include "docket-meeting-editor-private.h"
#include "docket-notice-docx.h"
#include "docket-notice-layout.h"

static gboolean
write_notice_pdf (DocketStore              *store,
                  const char               *path,
                  DocketExportProgressFunc  progress,
                  gpointer                  progress_data,
                  GCancellable             *cancellable,
                  gpointer                  job_data,
                  GError                  **error)
{
  return docket_export_notice_pdf (store, *(DocketId *) job_data, path, progress, progress_data,
                                   cancellable, error);
}

static gboolean
write_notice_docx (DocketStore              *store,
                   const char               *path,
                   DocketExportProgressFunc  progress,
                   gpointer                  progress_data,
                   GCancellable             *cancellable,
                   gpointer                  job_data,
                   GError                  **error)
{
  return docket_export_notice_docx (store, *(DocketId *) job_data, path, progress, progress_data,
                                    cancellable, error);
}

/* "Thong-bao-ket-luan-05.pdf": an ASCII name survives every mail program. */
static char *
suggested_name (DocketMeetingEditor *self,
                const char          *extension)
{
  if (self->meeting != NULL && self->meeting->notice_number != NULL)
    return g_strdup_printf ("Thong-bao-ket-luan-%s.%s", self->meeting->notice_number, extension);
  return g_strdup_printf ("Thong-bao-ket-luan.%s", extension);
}

void
_docket_meeting_editor_export_notice_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  DocketMeetingEditor *self = DOCKET_MEETING_EDITOR (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  gboolean docx = g_str_equal (format, "docx");
  g_autofree char *name = suggested_name (self, docx ? "docx" : "pdf");

  docket_meeting_editor_flush (self);
  docket_export_job_run (widget, self->store,
                         docx ? _("Save the Notice as a Word Document") : _("Save the Notice as PDF"),
                         name, docx ? write_notice_docx : write_notice_pdf,
                         g_memdup2 (&self->meeting_id, sizeof (DocketId)), g_free);
}

static void
on_begin_print_cb (GtkPrintOperation   *operation,
                   GtkPrintContext     *context,
                   DocketMeetingEditor *self)
{
  g_autoptr(GError) error = NULL;
  DocketNoticeLayout *layout =
    docket_notice_layout_new (self->store, self->meeting_id, gtk_print_context_get_width (context),
                              gtk_print_context_get_height (context), &error);

  if (layout == NULL)
    {
      _docket_meeting_editor_show_error (self, error);
      gtk_print_operation_cancel (operation);
      return;
    }
  g_object_set_data_full (G_OBJECT (operation), "docket-layout", layout, g_object_unref);
  gtk_print_operation_set_n_pages (operation, docket_notice_layout_get_n_pages (layout));
}

static void
on_draw_page_cb (GtkPrintOperation   *operation,
                 GtkPrintContext     *context,
                 int                  page,
                 DocketMeetingEditor *self)
{
  DocketNoticeLayout *layout = g_object_get_data (G_OBJECT (operation), "docket-layout");

  if (layout != NULL)
    docket_notice_layout_render_page (layout, gtk_print_context_get_cairo_context (context), page);
}

/* The print dialog shows a preview; the pages are the same layout as the PDF. */
void
_docket_meeting_editor_print_notice_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter)
{
  DocketMeetingEditor *self = DOCKET_MEETING_EDITOR (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;

  docket_meeting_editor_flush (self);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Notice of Conclusions"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (widget)), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    _docket_meeting_editor_show_error (self, error);
}
