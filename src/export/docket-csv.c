/* docket-csv.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "docket-csv.h"

static gboolean
is_formula_start (char c)
{
  return c != '\0' && strchr ("=+-@\t\r", c) != NULL;
}

/**
 * docket_csv_append_cell:
 * @out: the row being written
 * @text: (nullable): the cell's text
 *
 * Appends one RFC 4180 cell.  A cell that a spreadsheet would read as a formula
 * (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with an
 * apostrophe so that opening an exported file never runs anything.
 */
void
docket_csv_append_cell (GString    *out,
                        const char *text)
{
  const char *p;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    text = "";

  g_string_append_c (out, '"');
  if (is_formula_start (text[0]))
    g_string_append_c (out, '\'');
  for (p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * docket_csv_append_row:
 * @out: the file being written
 * @cells: (array length=n_cells): the cells; %NULL ones are empty
 * @n_cells: how many
 *
 * Appends one record of cells (each as docket_csv_append_cell() writes it) ended by
 * CRLF, as RFC 4180 and Excel expect.
 */
void
docket_csv_append_row (GString           *out,
                       const char * const *cells,
                       guint               n_cells)
{
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < n_cells; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      docket_csv_append_cell (out, cells[i]);
    }
  g_string_append (out, "\r\n");
}

/**
 * docket_csv_cell_text:
 * @cell: a cell as read from a CSV file
 *
 * Undoes docket_csv_append_cell()'s neutralisation: an apostrophe followed by a
 * character that starts a formula is the mark Docket (or a careful person) put
 * there, not part of the text.  Any other apostrophe is kept.
 *
 * Returns: (transfer none): @cell, or the text after its neutralising apostrophe
 */
const char *
docket_csv_cell_text (const char *cell)
{
  g_return_val_if_fail (cell != NULL, NULL);

  if (cell[0] == '\'' && is_formula_start (cell[1]))
    return cell + 1;
  return cell;
}
