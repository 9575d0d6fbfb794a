/* docket-store-report.h: the period report, counted in SQL
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-store.h"

G_BEGIN_DECLS

DocketReport *docket_store_compute_report (DocketStore    *self,
                                           DocketDate      from,
                                           DocketDate      to,
                                           DocketDate      today,
                                           const DocketId *unit_ids,
                                           guint           n_units,
                                           GError        **error);
DocketReport *docket_store_compute_report_split (DocketStore    *self,
                                                 DocketStore    *helper,
                                                 DocketDate      from,
                                                 DocketDate      to,
                                                 DocketDate      today,
                                                 const DocketId *unit_ids,
                                                 guint           n_units,
                                                 GError        **error);

G_END_DECLS
