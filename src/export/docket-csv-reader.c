/* docket-csv-reader.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "docket-core.h"
#include "docket-csv-reader.h"

typedef struct
{
  guint first_cell;
  guint n_cells;
  guint line;
} CsvRow;

struct _DocketCsvTable
{
  GString          *text;       /* every cell, NUL-terminated, one after the other */
  GArray           *cells;      /* gsize: where each cell starts in text */
  GArray           *rows;       /* CsvRow */
  guint             n_columns;
  char              separator;
  DocketCsvEncoding encoding;
};

static DocketCsvTable *
table_new (void)
{
  DocketCsvTable *self = g_new0 (DocketCsvTable, 1);

  self->text = g_string_new (NULL);
  self->cells = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->rows = g_array_new (FALSE, FALSE, sizeof (CsvRow));
  self->separator = ',';
  return self;
}

static guint
count_lines (const char *text,
             gsize       length)
{
  guint line = 1;

  for (gsize i = 0; i < length; i++)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == length || text[i + 1] != '\n')))
      line++;
  return line;
}

static gboolean
set_not_text_error (guint    line,
                    GError **error)
{
  g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
               /* Translators: %u is a line number of the file */
               _("Line %u of the file is not valid text. Save the spreadsheet as “CSV "
                 "UTF-8” or as “Unicode text” and try again."),
               line);
  return FALSE;
}

/* UTF-16 as Excel's "Unicode text" writes it: with a byte order mark, or without
 * one when a zero byte comes first or second, which no UTF-8 text has (a zero
 * byte is not text). */
static char *
decode_utf16 (const guchar *data,
              gsize         length,
              gboolean      big_endian,
              gsize        *out_length,
              GError      **error)
{
  g_autofree gunichar2 *units = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize n = length / 2;
  glong read = 0, written = 0;
  char *utf8;

  if (length % 2 != 0)
    {
      g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                   _("The file ends in the middle of a character: it is not complete "
                     "“Unicode text”. Save it again from the spreadsheet."));
      return NULL;
    }
  units = g_new (gunichar2, n + 1);
  for (gsize i = 0; i < n; i++)
    units[i] = big_endian ? (gunichar2) ((data[2 * i] << 8) | data[2 * i + 1])
                          : (gunichar2) ((data[2 * i + 1] << 8) | data[2 * i]);
  units[n] = 0;

  utf8 = g_utf16_to_utf8 (units, (glong) n, &read, &written, &local_error);
  /* g_utf16_to_utf8() stops quietly at a zero character; a text file has none. */
  if (utf8 == NULL || (gsize) read < n)
    {
      guint line = 1;

      for (glong i = 0; i < read && (gsize) i < n; i++)
        if (units[i] == '\n')
          line++;
      g_free (utf8);
      set_not_text_error (line, error);
      return NULL;
    }
  *out_length = (gsize) written;
  return utf8;
}

static char *
decode (const char        *data,
        gsize              length,
        DocketCsvEncoding *out_encoding,
        gsize             *out_length,
        GError           **error)
{
  const guchar *u = (const guchar *) data;
  const char *end = NULL;

  if (length >= 2 && u[0] == 0xFF && u[1] == 0xFE)
    {
      *out_encoding = DOCKET_CSV_ENCODING_UTF16_LE;
      return decode_utf16 (u + 2, length - 2, FALSE, out_length, error);
    }
  if (length >= 2 && u[0] == 0xFE && u[1] == 0xFF)
    {
      *out_encoding = DOCKET_CSV_ENCODING_UTF16_BE;
      return decode_utf16 (u + 2, length - 2, TRUE, out_length, error);
    }
  if (length >= 2 && u[0] != 0 && u[1] == 0)
    {
      *out_encoding = DOCKET_CSV_ENCODING_UTF16_LE;
      return decode_utf16 (u, length, FALSE, out_length, error);
    }
  if (length >= 2 && u[0] == 0 && u[1] != 0)
    {
      *out_encoding = DOCKET_CSV_ENCODING_UTF16_BE;
      return decode_utf16 (u, length, TRUE, out_length, error);
    }

  *out_encoding = DOCKET_CSV_ENCODING_UTF8;
  if (length >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      *out_encoding = DOCKET_CSV_ENCODING_UTF8_BOM;
      data += 3;
      length -= 3;
    }
  /* With a length, g_utf8_validate() also refuses a zero byte. */
  if (!g_utf8_validate (data, (gssize) length, &end))
    {
      set_not_text_error (count_lines (data, (gsize) (end - data)), error);
      return NULL;
    }
  *out_length = length;
  return g_strndup (data, length);
}

/* The separator is the one of tab, `;` and `,` found most often in the first row,
 * outside quotes; Excel writes `;` where the decimal separator is a comma, and tab
 * in "Unicode text".  Ties go to the rarer characters, which are less likely to be
 * inside a cell. */
static char
detect_separator (const char *text,
                  gsize       length)
{
  guint tabs = 0, semicolons = 0, commas = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        break;
      else if (c == '\t')
        tabs++;
      else if (c == ';')
        semicolons++;
      else if (c == ',')
        commas++;
    }
  if (tabs > 0 && tabs >= semicolons && tabs >= commas)
    return '\t';
  if (semicolons > 0 && semicolons >= commas)
    return ';';
  return ',';
}

static gboolean
row_is_blank (DocketCsvTable *self,
              const CsvRow   *row)
{
  for (guint c = 0; c < row->n_cells; c++)
    {
      gsize start = g_array_index (self->cells, gsize, row->first_cell + c);

      if (self->text->str[start] != '\0')
        return FALSE;
    }
  return TRUE;
}

/* Reads one cell from text[*pos]; leaves *pos on the separator, the line end or the
 * end of the text.  Line ends inside quotes become "\n". */
static gboolean
parse_cell (DocketCsvTable *self,
            const char     *text,
            gsize           length,
            gsize          *pos,
            guint          *line,
            GError        **error)
{
  gsize i = *pos;
  char sep = self->separator;
  gsize start;

  if (i < length && text[i] == '"')
    {
      guint quote_line = *line;

      i++;
      for (;;)
        {
          const char *stop;

          if (i >= length)
            {
              g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                           /* Translators: %u is a line number of the file */
                           _("A cell that starts with a quote on line %u is never closed. "
                             "Check that line in the spreadsheet."),
                           quote_line);
              return FALSE;
            }
          /* Copy up to the next quote or line end in one go. */
          stop = text + i;
          while (stop < text + length && *stop != '"' && *stop != '\r' && *stop != '\n')
            stop++;
          g_string_append_len (self->text, text + i, stop - (text + i));
          i = (gsize) (stop - text);
          if (i >= length)
            continue;
          if (text[i] == '"')
            {
              if (i + 1 < length && text[i + 1] == '"')
                {
                  g_string_append_c (self->text, '"');
                  i += 2;
                  continue;
                }
              i++;
              break;
            }
          /* A line end inside the quotes: part of the cell. */
          if (text[i] == '\r' && i + 1 < length && text[i + 1] == '\n')
            i++;
          i++;
          (*line)++;
          g_string_append_c (self->text, '\n');
        }
    }

  /* Unquoted text, or what follows a closing quote before the separator (kept as
   * written, as spreadsheets do, rather than refusing the file). */
  start = i;
  while (i < length && text[i] != sep && text[i] != '\n' && text[i] != '\r')
    i++;
  g_string_append_len (self->text, text + start, i - start);
  *pos = i;
  return TRUE;
}

static gboolean
parse (DocketCsvTable *self,
       const char     *text,
       gsize           length,
       GError        **error)
{
  gsize pos = 0;
  guint line = 1;

  self->separator = detect_separator (text, length);

  while (pos < length)
    {
      CsvRow row = { self->cells->len, 0, line };

      for (;;)
        {
          gsize start = self->text->len;

          g_array_append_val (self->cells, start);
          row.n_cells++;
          if (!parse_cell (self, text, length, &pos, &line, error))
            return FALSE;
          g_string_append_c (self->text, '\0');
          if (pos < length && text[pos] == self->separator)
            {
              pos++;
              continue;
            }
          break;
        }
      /* The line end, if any: CR LF, LF or a lone CR (old Mac files). */
      if (pos < length && text[pos] == '\r')
        {
          pos++;
          if (pos < length && text[pos] == '\n')
            pos++;
        }
      else if (pos < length && text[pos] == '\n')
        pos++;
      line++;
      g_array_append_val (self->rows, row);
      self->n_columns = MAX (self->n_columns, row.n_cells);
    }

  /* Spreadsheets often save blank rows after the last one; they mean nothing. */
  while (self->rows->len > 0 &&
         row_is_blank (self, &g_array_index (self->rows, CsvRow, self->rows->len - 1)))
    g_array_set_size (self->rows, self->rows->len - 1);
  return TRUE;
}

/**
 * docket_csv_read:
 * @data: the bytes of a CSV file (any bytes: this is where untrusted input enters)
 * @length: their length
 * @error: return location for a #GError
 *
 * Reads a CSV file: UTF-8 with or without a byte order mark, or UTF-16 (LE or BE,
 * with a byte order mark, as Excel saves "Unicode text"); the separator (`,` `;` or
 * tab) is detected from the first row; cells follow RFC 4180 (quotes, doubled
 * quotes, line ends inside quotes).  Blank rows at the end are dropped; blank rows
 * elsewhere are kept, for the importer to report.
 *
 * Returns: (transfer full): the table, or %NULL with @error (%DOCKET_ERROR_INVALID_INPUT,
 *   naming the line) when the bytes are not text or a quote is never closed
 */
DocketCsvTable *
docket_csv_read (const char *data,
                 gsize       length,
                 GError    **error)
{
  g_autoptr(DocketCsvTable) self = NULL;
  g_autofree char *text = NULL;
  gsize text_length = 0;
  DocketCsvEncoding encoding = DOCKET_CSV_ENCODING_UTF8;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > DOCKET_CSV_MAX_BYTES)
    {
      g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                   _("The file is too large to import (more than %u MB)."),
                   (guint) (DOCKET_CSV_MAX_BYTES / (1024 * 1024)));
      return NULL;
    }
  text = decode (data != NULL ? data : "", length, &encoding, &text_length, error);
  if (text == NULL)
    return NULL;

  self = table_new ();
  self->encoding = encoding;
  if (!parse (self, text, text_length, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * docket_csv_read_file:
 *
 * docket_csv_read() on the contents of @file.
 *
 * Returns: (transfer full): the table, or %NULL with @error
 */
DocketCsvTable *
docket_csv_read_file (GFile        *file,
                      GCancellable *cancellable,
                      GError      **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  return docket_csv_read (contents, length, error);
}

void
docket_csv_table_free (DocketCsvTable *self)
{
  if (self == NULL)
    return;
  g_string_free (self->text, TRUE);
  g_array_unref (self->cells);
  g_array_unref (self->rows);
  g_free (self);
}

guint
docket_csv_table_get_n_rows (const DocketCsvTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

guint
docket_csv_table_get_n_cells (const DocketCsvTable *self,
                              guint                 row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->rows->len, 0);

  return g_array_index (self->rows, CsvRow, row).n_cells;
}

/**
 * docket_csv_table_get_cell:
 *
 * Returns: the text of the cell, "" for a cell the row does not have
 */
const char *
docket_csv_table_get_cell (const DocketCsvTable *self,
                           guint                 row,
                           guint                 column)
{
  const CsvRow *r;

  g_return_val_if_fail (self != NULL, "");
  g_return_val_if_fail (row < self->rows->len, "");

  r = &g_array_index (self->rows, CsvRow, row);
  if (column >= r->n_cells)
    return "";
  return self->text->str + g_array_index (self->cells, gsize, r->first_cell + column);
}

/**
 * docket_csv_table_get_line:
 *
 * Returns: the line of the file (from 1) @row starts on, as a spreadsheet or an
 *   editor numbers it
 */
guint
docket_csv_table_get_line (const DocketCsvTable *self,
                           guint                 row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->rows->len, 0);

  return g_array_index (self->rows, CsvRow, row).line;
}

/**
 * docket_csv_table_get_n_columns:
 *
 * Returns: the number of cells of the longest row
 */
guint
docket_csv_table_get_n_columns (const DocketCsvTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_columns;
}

char
docket_csv_table_get_separator (const DocketCsvTable *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->separator;
}

DocketCsvEncoding
docket_csv_table_get_encoding (const DocketCsvTable *self)
{
  g_return_val_if_fail (self != NULL, DOCKET_CSV_ENCODING_UTF8);

  return self->encoding;
}
