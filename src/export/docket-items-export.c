/* docket-items-export.c: the item tracker as a spreadsheet
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The items view (its filter and its order, a DocketItemQuery) written as XLSX with
 * typed cells, or as CSV for any other program.  Rows are read a keyset page at a
 * time, so a million items never sit in memory at once.
 */

#define G_LOG_DOMAIN "docket-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "docket-csv.h"
#include "docket-items-export.h"

#define PAGE_SIZE 2000

enum {
  COL_NUMBER,
  COL_ID,
  COL_CONTENT,
  COL_LEAD,
  COL_COORDINATING,
  COL_MEETING,
  COL_MEETING_DATE,
  COL_ASSIGNED,
  COL_DEADLINE,
  COL_ORIGINAL_DEADLINE,
  COL_STATUS,
  COL_COMPLETED,
  COL_DAYS_OVERDUE,
  COL_LAST_PROGRESS,
  COL_STARRED,
  N_COLUMNS,
};

static const char *
column_title (guint column)
{
  switch (column)
    {
    /* Translators: the column of row numbers in an exported spreadsheet */
    case COL_NUMBER: return _("No.");
    /* Translators: the item's number in Docket */
    case COL_ID: return _("Item");
    case COL_CONTENT: return _("Content");
    case COL_LEAD: return _("Lead unit");
    case COL_COORDINATING: return _("Coordinating units");
    case COL_MEETING: return _("Meeting");
    case COL_MEETING_DATE: return _("Meeting date");
    case COL_ASSIGNED: return _("Assigned on");
    case COL_DEADLINE: return _("Deadline");
    case COL_ORIGINAL_DEADLINE: return _("Original deadline");
    case COL_STATUS: return _("Status");
    case COL_COMPLETED: return _("Completed on");
    case COL_DAYS_OVERDUE: return _("Days overdue");
    case COL_LAST_PROGRESS: return _("Last progress report");
    /* Translators: a column: whether the item carries a priority star */
    case COL_STARRED: return _("Starred");
    default: g_assert_not_reached ();
    }
}

/* Column widths in characters, for the XLSX file. */
static const double column_widths[N_COLUMNS] = {
  6, 8, 60, 28, 24, 36, 12, 12, 12, 12, 24, 12, 10, 12, 8,
};

/* The values of one row, typed. */
typedef struct
{
  guint64     number;
  DocketId    id;
  const char *content;
  const char *lead;
  char       *coordinating;
  const char *meeting;
  DocketDate  dates[N_COLUMNS];   /* indexed by column, NONE where not a date */
  const char *status;
  int         days_overdue;
  gboolean    starred;
} RowValues;

typedef gboolean (*WriteRowFunc) (gpointer          sink,
                                  const RowValues  *values,
                                  GError          **error);

/**
 * docket_export_excel_serial:
 * @date: a date
 *
 * Returns: @date as a spreadsheet's day number (1900 date system: days since
 *   30/12/1899, which absorbs Lotus's phantom 29/02/1900 for every date after it)
 */
double
docket_export_excel_serial (DocketDate date)
{
  return (double) date - (double) docket_date_new (1899, 12, 30);
}

static void
fill_row (RowValues           *values,
          const DocketItemRow *row,
          char                *coordinating,
          DocketDate           today,
          guint64              number)
{
  const DocketItem *item = row->item;

  memset (values, 0, sizeof *values);
  values->number = number;
  values->id = item->id;
  values->content = item->content;
  values->lead = row->lead_unit_name;
  values->coordinating = coordinating;
  values->meeting = row->meeting_title;
  values->dates[COL_MEETING_DATE] = row->meeting_date;
  values->dates[COL_ASSIGNED] = item->assigned_on;
  values->dates[COL_DEADLINE] = item->deadline;
  if (item->original_deadline != item->deadline)
    values->dates[COL_ORIGINAL_DEADLINE] = item->original_deadline;
  if (docket_item_is_completed (item, today))
    values->dates[COL_COMPLETED] = item->completed_on;
  values->dates[COL_LAST_PROGRESS] = item->last_progress_on;
  values->status = docket_bucket_get_label (docket_item_bucket (item, today));
  values->days_overdue = docket_item_days_overdue (item, today);
  values->starred = item->starred;
}

/* Reads the items of @query page by page and hands each row to @write_row. */
static gboolean
for_each_row (DocketStore              *store,
              const DocketItemQuery    *query,
              WriteRowFunc              write_row,
              gpointer                  sink,
              DocketExportProgressFunc  progress,
              gpointer                  progress_data,
              GCancellable             *cancellable,
              GError                  **error)
{
  g_autoptr(DocketItemCursor) cursor = NULL;
  guint total = 0;
  guint64 done = 0;

  if (!docket_store_count_items (store, query, &total, error))
    return FALSE;
  while (TRUE)
    {
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(DocketItemCursor) next = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      rows = docket_store_list_items (store, query, cursor, PAGE_SIZE, &next, error);
      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        {
          DocketItemRow *row = g_ptr_array_index (rows, i);
          RowValues values;

          fill_row (&values, row, row->coordinating_names, query->today, ++done);
          if (!write_row (sink, &values, error))
            return FALSE;
        }
      if (progress != NULL && total > 0)
        progress (MIN (1.0, (double) done / total), progress_data);
      if (rows->len < PAGE_SIZE || next == NULL)
        break;
      g_clear_pointer (&cursor, docket_item_cursor_free);
      cursor = g_steal_pointer (&next);
    }
  return TRUE;
}

/* XLSX. */

typedef struct
{
  lxw_workbook  *workbook;
  lxw_worksheet *sheet;
  lxw_format    *date_format;
  lxw_format    *wrap_format;
  lxw_row_t      row;
} XlsxSink;

static gboolean
xlsx_failed (lxw_error   status,
             GError    **error)
{
  if (status == LXW_NO_ERROR)
    return FALSE;
  g_set_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_FAILED,
               /* Translators: %s is the spreadsheet library's reason */
               _("Cannot write the spreadsheet: %s."), lxw_strerror (status));
  return TRUE;
}

static gboolean
xlsx_write_row (gpointer          data,
                const RowValues  *v,
                GError          **error)
{
  XlsxSink *sink = data;
  lxw_worksheet *ws = sink->sheet;
  lxw_row_t r = ++sink->row;
  lxw_error status = LXW_NO_ERROR;

  status |= worksheet_write_number (ws, r, COL_NUMBER, (double) v->number, NULL);
  status |= worksheet_write_number (ws, r, COL_ID, (double) v->id, NULL);
  status |= worksheet_write_string (ws, r, COL_CONTENT, v->content ? v->content : "", NULL);
  status |= worksheet_write_string (ws, r, COL_LEAD, v->lead ? v->lead : "", NULL);
  if (*v->coordinating)
    status |= worksheet_write_string (ws, r, COL_COORDINATING, v->coordinating, NULL);
  if (v->meeting != NULL && *v->meeting)
    status |= worksheet_write_string (ws, r, COL_MEETING, v->meeting, NULL);
  for (guint c = 0; c < N_COLUMNS; c++)
    if (v->dates[c] != DOCKET_DATE_NONE)
      status |= worksheet_write_number (ws, r, c, docket_export_excel_serial (v->dates[c]),
                                        sink->date_format);
  status |= worksheet_write_string (ws, r, COL_STATUS, v->status, NULL);
  if (v->days_overdue > 0)
    status |= worksheet_write_number (ws, r, COL_DAYS_OVERDUE, v->days_overdue, NULL);
  if (v->starred)
    status |= worksheet_write_string (ws, r, COL_STARRED, "★", NULL);
  return !xlsx_failed (status, error);
}

static void
xlsx_write_header (XlsxSink *sink)
{
  lxw_format *bold = workbook_add_format (sink->workbook);

  format_set_bold (bold);
  format_set_text_wrap (bold);
  format_set_align (bold, LXW_ALIGN_VERTICAL_TOP);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      worksheet_set_column (sink->sheet, c, c, column_widths[c],
                            c == COL_CONTENT ? sink->wrap_format : NULL);
      worksheet_write_string (sink->sheet, 0, c, column_title (c), bold);
    }
  worksheet_freeze_panes (sink->sheet, 1, 0);
}

/**
 * docket_export_items_xlsx:
 * @store: an open store, used from the calling thread only (a worker opens its own)
 * @query: the items, in their order: the items view's filter and sort
 * @path: the XLSX file to write
 * @progress: (nullable): called after each page of rows
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable, checked between pages
 * @error: return location for an error
 *
 * Writes the items as an Excel workbook: a bold, frozen header row with an
 * autofilter, real dates (dd/mm/yyyy), numbers as numbers, sized columns.  The file
 * appears only once complete.
 *
 * Returns: %TRUE on success
 */
gboolean
docket_export_items_xlsx (DocketStore              *store,
                          const DocketItemQuery    *query,
                          const char               *path,
                          DocketExportProgressFunc  progress,
                          gpointer                  progress_data,
                          GCancellable             *cancellable,
                          GError                  **error)
{
  g_autoptr(DocketExportTarget) target = NULL;
  g_autofree char *dir = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  XlsxSink sink = { 0 };
  gboolean ok;

  g_return_val_if_fail (DOCKET_IS_STORE (store), FALSE);
  g_return_val_if_fail (query != NULL && path != NULL, FALSE);

  if ((target = docket_export_target_new (path, error)) == NULL)
    return FALSE;
  /* Constant memory: each row goes to disk as it is written, in the destination's
   * folder rather than /tmp, which may be small. */
  dir = g_path_get_dirname (path);
  options.tmpdir = dir;
  sink.workbook = workbook_new_opt (docket_export_target_get_tmp_path (target), &options);
  if (sink.workbook == NULL)
    {
      g_set_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”."), path);
      return FALSE;
    }
  /* Translators: the name of the sheet of items in an exported workbook */
  sink.sheet = workbook_add_worksheet (sink.workbook, _("Items"));
  sink.date_format = workbook_add_format (sink.workbook);
  format_set_num_format (sink.date_format, "dd/mm/yyyy");
  sink.wrap_format = workbook_add_format (sink.workbook);
  format_set_text_wrap (sink.wrap_format);
  xlsx_write_header (&sink);

  ok = for_each_row (store, query, xlsx_write_row, &sink, progress, progress_data,
                     cancellable, error);
  if (ok)
    ok = !xlsx_failed (worksheet_autofilter (sink.sheet, 0, 0, MAX (sink.row, 1), N_COLUMNS - 1),
                       error);
  if (!ok)
    {
      workbook_close (sink.workbook);
      return FALSE;
    }
  return !xlsx_failed (workbook_close (sink.workbook), error) &&
         !g_cancellable_set_error_if_cancelled (cancellable, error) &&
         docket_export_target_commit (target, error);
}

/* CSV. */

typedef struct
{
  GString       *buffer;
  GOutputStream *stream;
  GCancellable  *cancellable;
} CsvSink;

static gboolean
csv_flush (CsvSink  *sink,
           GError  **error)
{
  gboolean ok = g_output_stream_write_all (sink->stream, sink->buffer->str, sink->buffer->len,
                                           NULL, sink->cancellable, error);

  g_string_truncate (sink->buffer, 0);
  return ok;
}

static gboolean
csv_write_row (gpointer          data,
               const RowValues  *v,
               GError          **error)
{
  CsvSink *sink = data;
  g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, v->number);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, v->id);
  g_autofree char *days = v->days_overdue > 0 ? g_strdup_printf ("%d", v->days_overdue) : NULL;
  char *dates[N_COLUMNS] = { NULL };
  const char *cells[N_COLUMNS] = { NULL };

  for (guint c = 0; c < N_COLUMNS; c++)
    cells[c] = dates[c] = docket_date_format_display (v->dates[c]);
  cells[COL_NUMBER] = number;
  cells[COL_ID] = id;
  cells[COL_CONTENT] = v->content;
  cells[COL_LEAD] = v->lead;
  cells[COL_COORDINATING] = v->coordinating;
  cells[COL_MEETING] = v->meeting;
  cells[COL_STATUS] = v->status;
  cells[COL_DAYS_OVERDUE] = days;
  cells[COL_STARRED] = v->starred ? "★" : "";
  docket_csv_append_row (sink->buffer, cells, N_COLUMNS);
  for (guint c = 0; c < N_COLUMNS; c++)
    g_free (dates[c]);
  return sink->buffer->len < 256 * 1024 || csv_flush (sink, error);
}

/**
 * docket_export_items_csv:
 * @store: an open store, used from the calling thread only (a worker opens its own)
 * @query: the items, in their order: the items view's filter and sort
 * @path: the CSV file to write
 * @progress: (nullable): called after each page of rows
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes the items as CSV: UTF-8 with a byte order mark so that Excel reads
 * Vietnamese, dates as dd/mm/yyyy, and any cell a spreadsheet would take for a
 * formula neutralised (docket_csv_append_cell()).  The file appears only once
 * complete.
 *
 * Returns: %TRUE on success
 */
gboolean
docket_export_items_csv (DocketStore              *store,
                         const DocketItemQuery    *query,
                         const char               *path,
                         DocketExportProgressFunc  progress,
                         gpointer                  progress_data,
                         GCancellable             *cancellable,
                         GError                  **error)
{
  g_autoptr(DocketExportTarget) target = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GString) buffer = g_string_new (DOCKET_CSV_BOM);
  const char *titles[N_COLUMNS];
  CsvSink sink;

  g_return_val_if_fail (DOCKET_IS_STORE (store), FALSE);
  g_return_val_if_fail (query != NULL && path != NULL, FALSE);

  if ((target = docket_export_target_new (path, error)) == NULL)
    return FALSE;
  file = g_file_new_for_path (docket_export_target_get_tmp_path (target));
  if ((stream = g_file_append_to (file, G_FILE_CREATE_NONE, cancellable, error)) == NULL)
    return FALSE;
  for (guint c = 0; c < N_COLUMNS; c++)
    titles[c] = column_title (c);
  docket_csv_append_row (buffer, titles, N_COLUMNS);
  sink.buffer = buffer;
  sink.stream = G_OUTPUT_STREAM (stream);
  sink.cancellable = cancellable;
  if (!for_each_row (store, query, csv_write_row, &sink, progress, progress_data,
                     cancellable, error) ||
      !csv_flush (&sink, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    return FALSE;
  return docket_export_target_commit (target, error);
}
