/* docket-csv-reader.h: reading the CSV files spreadsheets save
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Files larger than this are refused before they are read: a tracker is a few
 * megabytes, and the whole file is held in memory. */
#define DOCKET_CSV_MAX_BYTES (512 * 1024 * 1024)

/**
 * DocketCsvEncoding:
 * @DOCKET_CSV_ENCODING_UTF8: UTF-8 without a byte order mark
 * @DOCKET_CSV_ENCODING_UTF8_BOM: UTF-8 with a byte order mark (Excel's "CSV UTF-8")
 * @DOCKET_CSV_ENCODING_UTF16_LE: UTF-16 little-endian (Excel's "Unicode text")
 * @DOCKET_CSV_ENCODING_UTF16_BE: UTF-16 big-endian
 *
 * How the file was encoded, as detected.
 */
typedef enum
{
  DOCKET_CSV_ENCODING_UTF8,
  DOCKET_CSV_ENCODING_UTF8_BOM,
  DOCKET_CSV_ENCODING_UTF16_LE,
  DOCKET_CSV_ENCODING_UTF16_BE,
} DocketCsvEncoding;

/**
 * DocketCsvTable:
 *
 * The cells of a CSV file, as UTF-8 text, row by row; each row knows the line of
 * the file it starts on (a quoted cell may span lines).  Immutable once read.
 */
typedef struct _DocketCsvTable DocketCsvTable;

DocketCsvTable   *docket_csv_read                  (const char    *data,
                                                    gsize          length,
                                                    GError       **error);
DocketCsvTable   *docket_csv_read_file             (GFile         *file,
                                                    GCancellable  *cancellable,
                                                    GError       **error);
void              docket_csv_table_free            (DocketCsvTable *self);

guint             docket_csv_table_get_n_rows      (const DocketCsvTable *self);
guint             docket_csv_table_get_n_cells     (const DocketCsvTable *self,
                                                    guint                 row);
const char       *docket_csv_table_get_cell        (const DocketCsvTable *self,
                                                    guint                 row,
                                                    guint                 column);
guint             docket_csv_table_get_line        (const DocketCsvTable *self,
                                                    guint                 row);
guint             docket_csv_table_get_n_columns   (const DocketCsvTable *self);
char              docket_csv_table_get_separator   (const DocketCsvTable *self);
DocketCsvEncoding docket_csv_table_get_encoding    (const DocketCsvTable *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketCsvTable, docket_csv_table_free)

G_END_DECLS
