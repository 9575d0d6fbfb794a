/* docket-report-export.c: the period report as PDF and XLSX
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What goes up to the province: the figures in the words of published reports
 * (DOMAIN.md: "21.914 tasks; 16.051 completed, 98,62 %…"), the per-unit table, and
 * the overdue items by name.  The figures come from the store's SQL report, the same
 * as the dashboard's.
 */

#define G_LOG_DOMAIN "docket-export"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <xlsxwriter.h>

#include "docket-items-export.h"
#include "docket-report-export.h"
#include "docket-store-items.h"
#include "docket-store-report.h"
#include "docket-store-units.h"

#define MM (72.0 / 25.4)
/* A4 landscape: the per-unit table has twelve columns. */
#define PAGE_W   841.8898
#define PAGE_H   595.2756
#define MARGIN   (15 * MM)
#define FONT_FAMILY "Times New Roman,Liberation Serif,serif"
#define OVERDUE_PAGE 1000



static guint
row_count (const DocketReportRow *row,
           guint                  column)
{
  switch (column)
    {
    case DOCKET_REPORT_COLUMN_ASSIGNED: return row->assigned;
    case DOCKET_REPORT_COLUMN_COMPLETED: return row->completed;
    case DOCKET_REPORT_COLUMN_ON_TIME: return row->completed_on_time;
    case DOCKET_REPORT_COLUMN_LATE: return row->completed_late;
    case DOCKET_REPORT_COLUMN_NOT_COMPLETED: return row->not_completed;
    case DOCKET_REPORT_COLUMN_IN_PROGRESS: return row->in_progress;
    case DOCKET_REPORT_COLUMN_OVERDUE: return row->overdue;
    case DOCKET_REPORT_COLUMN_OVERDUE_LONG: return row->overdue_long;
    case DOCKET_REPORT_COLUMN_NO_DEADLINE: return row->no_deadline;
    default: return 0;
    }
}

/* Hundredths of a percent, for the two percentage columns. */
static int
row_percent (const DocketReportRow *row,
             guint                  column)
{
  return column == DOCKET_REPORT_COLUMN_PERCENT ? docket_report_row_completion_percent (row)
                               : docket_report_row_update_percent (row);
}

/* Everything both formats show, read in one go. */
typedef struct
{
  DocketReport *report;
  GHashTable   *unit_names;   /* DocketId → name */
  char         *issuing_body;
  GPtrArray    *overdue;      /* DocketItemRow, by deadline */
} ReportData;

static void
report_data_clear (ReportData *data)
{
  g_clear_pointer (&data->report, docket_report_unref);
  g_clear_pointer (&data->unit_names, g_hash_table_unref);
  g_clear_pointer (&data->issuing_body, g_free);
  g_clear_pointer (&data->overdue, g_ptr_array_unref);
}

static const char *
unit_name (ReportData *data,
           DocketId    unit_id)
{
  const char *name = g_hash_table_lookup (data->unit_names, &unit_id);

  return name != NULL ? name : "";
}

static gboolean
load_overdue (ReportData                *data,
              DocketStore               *store,
              const DocketReportRequest *request,
              GCancellable              *cancellable,
              GError                   **error)
{
  g_autoptr(DocketItemCursor) cursor = NULL;
  DocketItemQuery query;

  docket_item_query_init (&query, docket_report_get_day (data->report));
  query.view = DOCKET_ITEM_VIEW_OVERDUE;
  query.unit_ids = request->unit_ids;
  query.n_units = request->n_units;
  query.sort = DOCKET_ITEM_SORT_DEADLINE;
  data->overdue = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_item_row_free);
  while (TRUE)
    {
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(DocketItemCursor) next = NULL;
      guint n_read;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          (rows = docket_store_list_items (store, &query, cursor, OVERDUE_PAGE, &next, error)) == NULL)
        return FALSE;
      n_read = rows->len;
      for (guint i = 0; i < rows->len; i++)
        {
          DocketItemRow *row = g_ptr_array_index (rows, i);

          /* The same items the figures count, no more. */
          if (docket_report_item_counts (row->item, request->from, request->to))
            g_ptr_array_add (data->overdue, g_ptr_array_steal_index (rows, i--));
        }
      if (n_read < OVERDUE_PAGE || next == NULL)
        break;
      g_clear_pointer (&cursor, docket_item_cursor_free);
      cursor = g_steal_pointer (&next);
    }
  return TRUE;
}

static gboolean
report_data_load (ReportData                *data,
                  DocketStore               *store,
                  const DocketReportRequest *request,
                  GCancellable              *cancellable,
                  GError                   **error)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(DocketOrganisation) org = NULL;

  if ((org = docket_store_get_organisation (store, error)) == NULL ||
      (units = docket_store_list_units (store, TRUE, error)) == NULL ||
      (data->report = docket_store_compute_report (store, request->from, request->to,
                                                   request->today, request->unit_ids,
                                                   request->n_units, error)) == NULL)
    return FALSE;
  data->issuing_body = g_strdup (org->issuing_body ? org->issuing_body : "");
  data->unit_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < units->len; i++)
    {
      DocketUnit *unit = g_ptr_array_index (units, i);

      g_hash_table_insert (data->unit_names, g_memdup2 (&unit->id, sizeof unit->id),
                           g_strdup (unit->name));
    }
  return load_overdue (data, store, request, cancellable, error);
}

static char *
format_period (ReportData *data)
{
  g_autofree char *from = docket_date_format_display (docket_report_get_from (data->report));
  g_autofree char *to = docket_date_format_display (docket_report_get_to (data->report));
  g_autofree char *day = docket_date_format_display (docket_report_get_day (data->report));

  /* Translators: the period of the report and the day its statuses are taken on */
  return g_strdup_printf (_("Period report, %s – %s, as of %s"), from, to, day);
}

/* The figures in one sentence, as published reports give them. */
static char *
format_summary (const DocketReportRow *t)
{
  g_autofree char *assigned = docket_format_count (t->assigned);
  g_autofree char *completed = docket_format_count (t->completed);
  g_autofree char *percent = docket_format_percent (docket_report_row_completion_percent (t));
  g_autofree char *on_time = docket_format_count (t->completed_on_time);
  g_autofree char *late = docket_format_count (t->completed_late);
  g_autofree char *not_completed = docket_format_count (t->not_completed);
  g_autofree char *in_progress = docket_format_count (t->in_progress);
  g_autofree char *overdue = docket_format_count (t->overdue);
  g_autofree char *overdue_long = docket_format_count (t->overdue_long);
  g_autofree char *no_deadline = docket_format_count (t->no_deadline);
  g_autofree char *updated = docket_format_percent (docket_report_row_update_percent (t));

  return g_strdup_printf (_("%s items assigned; %s completed (%s %%): %s on time, %s late. "
                            "%s not completed: %s within the deadline, %s overdue (%s by more "
                            "than 30 days), %s without a deadline. Update rate: %s %%."),
                          assigned, completed, percent, on_time, late, not_completed,
                          in_progress, overdue, overdue_long, no_deadline, updated);
}

/* PDF. */

typedef struct
{
  PangoFontMap *font_map;
  PangoContext *context;
  cairo_t      *cr;
  double        y;
  guint         page;
} Pdf;

static PangoLayout *
pdf_layout (Pdf            *pdf,
            const char     *text,
            double          size,
            gboolean        bold,
            double          width,
            PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (pdf->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family_static (font, FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
pdf_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
pdf_new_page (Pdf *pdf)
{
  g_autofree char *number = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  if (pdf->page > 0)
    cairo_show_page (pdf->cr);
  pdf->page++;
  pdf->y = MARGIN;
  if (pdf->page > 1)
    {
      number = g_strdup_printf ("%u", pdf->page);
      layout = pdf_layout (pdf, number, 11, FALSE, PAGE_W - 2 * MARGIN, PANGO_ALIGN_CENTER);
      cairo_move_to (pdf->cr, MARGIN, MARGIN / 2 - 6);
      pango_cairo_show_layout (pdf->cr, layout);
    }
}

static void
pdf_paragraph (Pdf            *pdf,
               const char     *text,
               double          size,
               gboolean        bold,
               PangoAlignment  alignment,
               double          after)
{
  g_autoptr(PangoLayout) layout = pdf_layout (pdf, text, size, bold, PAGE_W - 2 * MARGIN, alignment);
  double h = pdf_height (layout);

  if (pdf->y + h > PAGE_H - MARGIN)
    pdf_new_page (pdf);
  cairo_move_to (pdf->cr, MARGIN, pdf->y);
  pango_cairo_show_layout (pdf->cr, layout);
  pdf->y += h + after;
}

/* One row of a ruled table; the header row is repeated on each new page. */
static void
pdf_table_row (Pdf                *pdf,
               const double       *widths,
               guint               n,
               const char * const *cells,
               gboolean            bold,
               const char * const *header)
{
  PangoLayout *layouts[DOCKET_REPORT_N_COLUMNS + 1];
  double h = 0, x = MARGIN;

  g_assert (n <= DOCKET_REPORT_N_COLUMNS + 1);
  for (guint c = 0; c < n; c++)
    {
      layouts[c] = pdf_layout (pdf, cells[c] ? cells[c] : "", 10, bold, widths[c] - 6,
                               c == 0 || header == NULL || widths[c] > 150 ? PANGO_ALIGN_LEFT
                                                                            : PANGO_ALIGN_RIGHT);
      if (header == NULL)
        pango_layout_set_alignment (layouts[c], PANGO_ALIGN_CENTER);
      h = MAX (h, pdf_height (layouts[c]) + 6);
    }
  if (pdf->y + h > PAGE_H - MARGIN)
    {
      pdf_new_page (pdf);
      if (header != NULL)
        pdf_table_row (pdf, widths, n, header, TRUE, NULL);
    }
  cairo_set_line_width (pdf->cr, 0.5);
  for (guint c = 0; c < n; c++)
    {
      cairo_rectangle (pdf->cr, x, pdf->y, widths[c], h);
      cairo_stroke (pdf->cr);
      cairo_move_to (pdf->cr, x + 3, pdf->y + 3);
      pango_cairo_show_layout (pdf->cr, layouts[c]);
      g_object_unref (layouts[c]);
      x += widths[c];
    }
  pdf->y += h;
}

static char **
unit_row_cells (const DocketReportRow *row,
                const char            *name)
{
  char **cells = g_new0 (char *, DOCKET_REPORT_N_COLUMNS + 1);

  for (guint c = 0; c < DOCKET_REPORT_N_COLUMNS; c++)
    {
      if (c == DOCKET_REPORT_COLUMN_UNIT)
        cells[c] = g_strdup (name);
      else if (c == DOCKET_REPORT_COLUMN_PERCENT || c == DOCKET_REPORT_COLUMN_UPDATE_RATE)
        cells[c] = docket_format_percent (row_percent (row, c));
      else
        cells[c] = docket_format_count (row_count (row, c));
    }
  return cells;
}

static void
pdf_unit_table (Pdf        *pdf,
                ReportData *data)
{
  double widths[DOCKET_REPORT_N_COLUMNS];
  const char *header[DOCKET_REPORT_N_COLUMNS];
  const DocketReportRow *rows;
  g_auto(GStrv) total = NULL;
  guint n_rows = 0;

  widths[DOCKET_REPORT_COLUMN_UNIT] = 200;
  for (guint c = 1; c < DOCKET_REPORT_N_COLUMNS; c++)
    widths[c] = (PAGE_W - 2 * MARGIN - widths[DOCKET_REPORT_COLUMN_UNIT]) / (DOCKET_REPORT_N_COLUMNS - 1);
  for (guint c = 0; c < DOCKET_REPORT_N_COLUMNS; c++)
    header[c] = docket_report_column_get_title (c);
  pdf_table_row (pdf, widths, DOCKET_REPORT_N_COLUMNS, header, TRUE, NULL);
  rows = docket_report_get_unit_rows (data->report, &n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      g_auto(GStrv) cells = unit_row_cells (&rows[i], unit_name (data, rows[i].unit_id));

      pdf_table_row (pdf, widths, DOCKET_REPORT_N_COLUMNS, (const char * const *) cells, FALSE, header);
    }
  total = unit_row_cells (docket_report_get_total (data->report), _("Total"));
  pdf_table_row (pdf, widths, DOCKET_REPORT_N_COLUMNS, (const char * const *) total, TRUE, header);
}

static void
pdf_overdue_table (Pdf        *pdf,
                   ReportData *data)
{
  DocketDate day = docket_report_get_day (data->report);
  const double widths[] = { 36, 380, 200, 72, PAGE_W - 2 * MARGIN - 688 };
  const char *header[] = { _("No."), _("Content"), _("Lead unit"), _("Deadline"), _("Days overdue") };

  pdf->y += 12;
  pdf_paragraph (pdf, _("Overdue items"), 13, TRUE, PANGO_ALIGN_LEFT, 6);
  if (data->overdue->len == 0)
    {
      pdf_paragraph (pdf, _("None."), 11, FALSE, PANGO_ALIGN_LEFT, 0);
      return;
    }
  pdf_table_row (pdf, widths, G_N_ELEMENTS (widths), header, TRUE, NULL);
  for (guint i = 0; i < data->overdue->len; i++)
    {
      DocketItemRow *row = g_ptr_array_index (data->overdue, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *deadline = docket_date_format_display (row->item->deadline);
      g_autofree char *days = g_strdup_printf ("%d", docket_item_days_overdue (row->item, day));
      const char *cells[] = { number, row->item->content, row->lead_unit_name, deadline, days };

      pdf_table_row (pdf, widths, G_N_ELEMENTS (widths), cells, FALSE, header);
    }
}

static void
pdf_render (Pdf        *pdf,
            ReportData *data)
{
  g_autofree char *issuing = g_utf8_strup (data->issuing_body, -1);
  g_autofree char *period = format_period (data);
  g_autofree char *summary = format_summary (docket_report_get_total (data->report));
  g_autofree char *title = g_utf8_strup (_("Report on the directive items"), -1);

  pdf_new_page (pdf);
  if (*issuing)
    pdf_paragraph (pdf, issuing, 12, TRUE, PANGO_ALIGN_LEFT, 12);
  pdf_paragraph (pdf, title, 14, TRUE, PANGO_ALIGN_CENTER, 2);
  pdf_paragraph (pdf, period, 12, FALSE, PANGO_ALIGN_CENTER, 12);
  pdf_paragraph (pdf, summary, 12, FALSE, PANGO_ALIGN_LEFT, 10);
  pdf_unit_table (pdf, data);
  pdf_overdue_table (pdf, data);
}

/**
 * docket_export_report_pdf:
 * @store: an open store, used from the calling thread only (a worker opens its own)
 * @request: the period, the day and the units
 * @path: the PDF file to write
 * @progress: (nullable): called as the export goes
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes the period report as an A4 landscape PDF: the figures in a sentence, the
 * table per lead unit with its total, and the overdue items.  The file appears only
 * once complete.
 *
 * Returns: %TRUE on success
 */
gboolean
docket_export_report_pdf (DocketStore               *store,
                          const DocketReportRequest *request,
                          const char                *path,
                          DocketExportProgressFunc   progress,
                          gpointer                   progress_data,
                          GCancellable              *cancellable,
                          GError                   **error)
{
  g_autoptr(DocketExportTarget) target = NULL;
  ReportData data = { 0 };
  Pdf pdf = { 0 };
  cairo_surface_t *surface;
  cairo_font_options_t *options;
  cairo_status_t status;

  g_return_val_if_fail (DOCKET_IS_STORE (store), FALSE);
  g_return_val_if_fail (request != NULL && path != NULL, FALSE);

  if (!report_data_load (&data, store, request, cancellable, error) ||
      (target = docket_export_target_new (path, error)) == NULL)
    {
      report_data_clear (&data);
      return FALSE;
    }
  if (progress != NULL)
    progress (0.5, progress_data);

  pdf.font_map = pango_cairo_font_map_new ();
  pdf.context = pango_font_map_create_context (pdf.font_map);
  pango_cairo_context_set_resolution (pdf.context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pdf.context, options);
  cairo_font_options_destroy (options);
  surface = cairo_pdf_surface_create (docket_export_target_get_tmp_path (target), PAGE_W, PAGE_H);
  pdf.cr = cairo_create (surface);
  cairo_set_source_rgb (pdf.cr, 0, 0, 0);
  pdf_render (&pdf, &data);
  cairo_show_page (pdf.cr);
  cairo_destroy (pdf.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  g_object_unref (pdf.context);
  g_object_unref (pdf.font_map);
  report_data_clear (&data);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s."), path, cairo_status_to_string (status));
      return FALSE;
    }
  if (progress != NULL)
    progress (1.0, progress_data);
  return docket_export_target_commit (target, error);
}

/* XLSX. */

static void
xlsx_unit_sheet (lxw_workbook *workbook,
                 ReportData   *data)
{
  /* Translators: the name of the sheet of figures in an exported report */
  lxw_worksheet *ws = workbook_add_worksheet (workbook, _("Report"));
  lxw_format *bold = workbook_add_format (workbook);
  lxw_format *head = workbook_add_format (workbook);
  lxw_format *percent = workbook_add_format (workbook);
  lxw_format *bold_percent = workbook_add_format (workbook);
  g_autofree char *period = format_period (data);
  g_autofree char *summary = format_summary (docket_report_get_total (data->report));
  const DocketReportRow *rows, *total = docket_report_get_total (data->report);
  guint n_rows = 0;
  lxw_row_t r = 4;

  format_set_bold (bold);
  format_set_bold (head);
  format_set_text_wrap (head);
  format_set_num_format (percent, "0.00%");
  format_set_bold (bold_percent);
  format_set_num_format (bold_percent, "0.00%");
  worksheet_write_string (ws, 0, 0, data->issuing_body, bold);
  worksheet_write_string (ws, 1, 0, period, bold);
  worksheet_write_string (ws, 2, 0, summary, NULL);
  worksheet_set_column (ws, 0, 0, 40, NULL);
  worksheet_set_column (ws, 1, DOCKET_REPORT_N_COLUMNS - 1, 12, NULL);
  for (guint c = 0; c < DOCKET_REPORT_N_COLUMNS; c++)
    worksheet_write_string (ws, r, c, docket_report_column_get_title (c), head);
  rows = docket_report_get_unit_rows (data->report, &n_rows);
  for (guint i = 0; i <= n_rows; i++)
    {
      const DocketReportRow *row = i < n_rows ? &rows[i] : total;
      gboolean is_total = i == n_rows;

      r++;
      worksheet_write_string (ws, r, DOCKET_REPORT_COLUMN_UNIT, is_total ? _("Total") : unit_name (data, row->unit_id),
                              is_total ? bold : NULL);
      for (guint c = 1; c < DOCKET_REPORT_N_COLUMNS; c++)
        {
          if (c == DOCKET_REPORT_COLUMN_PERCENT || c == DOCKET_REPORT_COLUMN_UPDATE_RATE)
            worksheet_write_number (ws, r, c, row_percent (row, c) / 10000.0,
                                    is_total ? bold_percent : percent);
          else
            worksheet_write_number (ws, r, c, row_count (row, c), is_total ? bold : NULL);
        }
    }
  worksheet_freeze_panes (ws, 5, 1);
}

static void
xlsx_overdue_sheet (lxw_workbook *workbook,
                    ReportData   *data)
{
  lxw_worksheet *ws = workbook_add_worksheet (workbook, _("Overdue items"));
  lxw_format *head = workbook_add_format (workbook);
  lxw_format *date = workbook_add_format (workbook);
  DocketDate day = docket_report_get_day (data->report);
  const char *header[] = { _("No."), _("Content"), _("Lead unit"), _("Deadline"), _("Days overdue") };
  const double widths[] = { 6, 70, 36, 12, 12 };

  format_set_bold (head);
  format_set_num_format (date, "dd/mm/yyyy");
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    {
      worksheet_set_column (ws, c, c, widths[c], NULL);
      worksheet_write_string (ws, 0, c, header[c], head);
    }
  for (guint i = 0; i < data->overdue->len; i++)
    {
      DocketItemRow *row = g_ptr_array_index (data->overdue, i);

      worksheet_write_number (ws, i + 1, 0, i + 1, NULL);
      worksheet_write_string (ws, i + 1, 1, row->item->content, NULL);
      worksheet_write_string (ws, i + 1, 2, row->lead_unit_name, NULL);
      worksheet_write_number (ws, i + 1, 3, docket_export_excel_serial (row->item->deadline), date);
      worksheet_write_number (ws, i + 1, 4, docket_item_days_overdue (row->item, day), NULL);
    }
  worksheet_freeze_panes (ws, 1, 0);
  worksheet_autofilter (ws, 0, 0, MAX (data->overdue->len, 1), G_N_ELEMENTS (header) - 1);
}

/**
 * docket_export_report_xlsx:
 * @store: an open store, used from the calling thread only (a worker opens its own)
 * @request: the period, the day and the units
 * @path: the XLSX file to write
 * @progress: (nullable): called as the export goes
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes the period report as an Excel workbook: a sheet of figures per lead unit
 * with the total (numbers and percentages as numbers), and a sheet of the overdue
 * items.  The file appears only once complete.
 *
 * Returns: %TRUE on success
 */
gboolean
docket_export_report_xlsx (DocketStore               *store,
                           const DocketReportRequest *request,
                           const char                *path,
                           DocketExportProgressFunc   progress,
                           gpointer                   progress_data,
                           GCancellable              *cancellable,
                           GError                   **error)
{
  g_autoptr(DocketExportTarget) target = NULL;
  ReportData data = { 0 };
  lxw_workbook *workbook;
  lxw_error status;

  g_return_val_if_fail (DOCKET_IS_STORE (store), FALSE);
  g_return_val_if_fail (request != NULL && path != NULL, FALSE);

  if (!report_data_load (&data, store, request, cancellable, error) ||
      (target = docket_export_target_new (path, error)) == NULL)
    {
      report_data_clear (&data);
      return FALSE;
    }
  if (progress != NULL)
    progress (0.5, progress_data);
  workbook = workbook_new (docket_export_target_get_tmp_path (target));
  if (workbook == NULL)
    {
      report_data_clear (&data);
      g_set_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”."), path);
      return FALSE;
    }
  xlsx_unit_sheet (workbook, &data);
  xlsx_overdue_sheet (workbook, &data);
  status = workbook_close (workbook);
  report_data_clear (&data);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_FAILED,
                   _("Cannot write the spreadsheet: %s."), lxw_strerror (status));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);
  return docket_export_target_commit (target, error);
}
