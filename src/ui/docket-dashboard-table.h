/* docket-dashboard-table.h: the period report's figures per unit, as a sortable table
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "docket-core.h"

G_BEGIN_DECLS

/* The columns, in their order on screen. */
typedef enum
{
  DOCKET_DASHBOARD_COLUMN_UNIT,
  DOCKET_DASHBOARD_COLUMN_ASSIGNED,
  DOCKET_DASHBOARD_COLUMN_COMPLETED,
  DOCKET_DASHBOARD_COLUMN_RATE,
  DOCKET_DASHBOARD_COLUMN_ON_TIME,
  DOCKET_DASHBOARD_COLUMN_LATE,
  DOCKET_DASHBOARD_COLUMN_IN_PROGRESS,
  DOCKET_DASHBOARD_COLUMN_OVERDUE,
  DOCKET_DASHBOARD_COLUMN_OVERDUE_LONG,
  DOCKET_DASHBOARD_COLUMN_NO_DEADLINE,
  DOCKET_DASHBOARD_COLUMN_UPDATE_RATE,
  DOCKET_DASHBOARD_N_COLUMNS,
} DocketDashboardColumn;

GtkColumnView *docket_dashboard_table_new         (void);
/* @names: unit id (a gint64 *, g_int64_hash) → name.  Units with nothing assigned
 * are left out. */
void           docket_dashboard_table_set_rows    (GtkColumnView         *table,
                                                   const DocketReportRow *rows,
                                                   guint                  n_rows,
                                                   GHashTable            *names);
/* The row shown at @position (in the order on screen). */
DocketId       docket_dashboard_table_get_unit_id (GtkColumnView         *table,
                                                   guint                  position);
char          *docket_dashboard_table_dup_cell    (GtkColumnView         *table,
                                                   guint                  position,
                                                   DocketDashboardColumn  column);
void           docket_dashboard_table_sort_by     (GtkColumnView         *table,
                                                   DocketDashboardColumn  column,
                                                   GtkSortType            order);

G_END_DECLS
