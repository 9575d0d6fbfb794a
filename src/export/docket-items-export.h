/* docket-items-export.h: the item tracker as a spreadsheet
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-export.h"
#include "docket-store-items.h"

G_BEGIN_DECLS

gboolean docket_export_items_xlsx (DocketStore              *store,
                                   const DocketItemQuery    *query,
                                   const char               *path,
                                   DocketExportProgressFunc  progress,
                                   gpointer                  progress_data,
                                   GCancellable             *cancellable,
                                   GError                  **error);
gboolean docket_export_items_csv  (DocketStore              *store,
                                   const DocketItemQuery    *query,
                                   const char               *path,
                                   DocketExportProgressFunc  progress,
                                   gpointer                  progress_data,
                                   GCancellable             *cancellable,
                                   GError                  **error);

double   docket_export_excel_serial (DocketDate date);

G_END_DECLS
