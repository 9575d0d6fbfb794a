/* fuzz-csv-reader.c: libFuzzer harness for the CSV reader and what the importer does
 * with its cells before the store is involved
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built by -Dfuzzing=true with clang; run by build-aux/fuzz.sh.  Any bytes must give
 * a table of valid UTF-8 cells or an error with a message, never a crash or a leak.
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "docket-csv-reader.h"
#include "docket-import.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_table (const DocketCsvTable *table)
{
  guint n_rows = docket_csv_table_get_n_rows (table);
  guint n_columns = docket_csv_table_get_n_columns (table);
  guint last_line = 0;
  DocketImportMapping mapping;

  for (guint r = 0; r < n_rows; r++)
    {
      guint n_cells = docket_csv_table_get_n_cells (table, r);
      guint line = docket_csv_table_get_line (table, r);

      g_assert_cmpuint (n_cells, >=, 1);
      g_assert_cmpuint (n_cells, <=, n_columns);
      g_assert_cmpuint (line, >, last_line);
      last_line = line;
      for (guint c = 0; c <= n_cells; c++)
        {
          const char *cell = docket_csv_table_get_cell (table, r, c);
          DocketDate date = DOCKET_DATE_NONE;

          g_assert_true (g_utf8_validate (cell, -1, NULL));
          if (docket_import_parse_date (cell, &date))
            g_assert_cmpuint (date, !=, DOCKET_DATE_NONE);
          if (c < 4)
            (void) docket_import_edit_distance (cell, "phong noi vu");
        }
    }
  docket_import_mapping_init (&mapping);
  g_assert_cmpuint (docket_import_mapping_guess (&mapping, table), <=, DOCKET_IMPORT_N_FIELDS);
  for (guint f = 0; f < DOCKET_IMPORT_N_FIELDS; f++)
    g_assert_cmpint (mapping.columns[f], <, (int) MAX (n_columns, 1));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketCsvTable) table = NULL;

  table = docket_csv_read ((const char *) data, size, &error);
  if (table == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);
  check_table (table);
  return 0;
}
