/* docket-csv.h
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The byte order mark that makes Excel read a CSV file as UTF-8. */
#define DOCKET_CSV_BOM "\xEF\xBB\xBF"

void docket_csv_append_cell (GString    *out,
                             const char *text);
void docket_csv_append_row  (GString           *out,
                             const char * const *cells,
                             guint               n_cells);
const char *docket_csv_cell_text (const char *cell);

G_END_DECLS
