/* docket-dashboard-view.h: the Dashboard area, the period report at a glance
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "docket-store.h"

G_BEGIN_DECLS

/**
 * DocketDashboardPeriod:
 *
 * The periods the dashboard offers, each the one around the dashboard's today, and
 * a range of dates given with docket_dashboard_view_set_custom_range().
 */
typedef enum
{
  DOCKET_DASHBOARD_PERIOD_MONTH,
  DOCKET_DASHBOARD_PERIOD_QUARTER,
  DOCKET_DASHBOARD_PERIOD_HALF_YEAR,
  DOCKET_DASHBOARD_PERIOD_YEAR,
  DOCKET_DASHBOARD_PERIOD_ALL,
  DOCKET_DASHBOARD_PERIOD_CUSTOM,
} DocketDashboardPeriod;

#define DOCKET_TYPE_DASHBOARD_VIEW (docket_dashboard_view_get_type ())

G_DECLARE_FINAL_TYPE (DocketDashboardView, docket_dashboard_view, DOCKET, DASHBOARD_VIEW, AdwBin)

void                  docket_dashboard_view_set_store  (DocketDashboardView   *self,
                                                        DocketStore           *store);
void                  docket_dashboard_view_set_today  (DocketDashboardView   *self,
                                                        DocketDate             today);
void                  docket_dashboard_view_set_period (DocketDashboardView   *self,
                                                        DocketDashboardPeriod  period);
DocketDashboardPeriod docket_dashboard_view_get_period (DocketDashboardView   *self);
void                  docket_dashboard_view_set_custom_range (DocketDashboardView *self,
                                                              DocketDate           from,
                                                              DocketDate           to);
void                  docket_dashboard_view_refresh    (DocketDashboardView   *self);
gboolean              docket_dashboard_view_is_busy    (DocketDashboardView   *self);
DocketReport         *docket_dashboard_view_get_report (DocketDashboardView   *self);

G_END_DECLS
