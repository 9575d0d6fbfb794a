/* docket-report-export.h: the period report as PDF and XLSX
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-export.h"
#include "docket-store.h"

G_BEGIN_DECLS

/**
 * DocketReportRequest:
 * @from: the first day of the period
 * @to: the last day of the period
 * @today: the day statuses are taken on (the report's day is the earlier of @to and this)
 * @unit_ids: (array length=n_units): only these lead units, or none for all
 * @n_units: how many
 *
 * Which period report to export.  Plain data: the caller owns the array.
 */
typedef struct
{
  DocketDate      from;
  DocketDate      to;
  DocketDate      today;
  const DocketId *unit_ids;
  guint           n_units;
} DocketReportRequest;

gboolean docket_export_report_pdf  (DocketStore               *store,
                                    const DocketReportRequest *request,
                                    const char                *path,
                                    DocketExportProgressFunc   progress,
                                    gpointer                   progress_data,
                                    GCancellable              *cancellable,
                                    GError                   **error);
gboolean docket_export_report_xlsx (DocketStore               *store,
                                    const DocketReportRequest *request,
                                    const char                *path,
                                    DocketExportProgressFunc   progress,
                                    gpointer                   progress_data,
                                    GCancellable              *cancellable,
                                    GError                   **error);

G_END_DECLS
