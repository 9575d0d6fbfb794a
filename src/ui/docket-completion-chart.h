/* docket-completion-chart.h: completion by unit, as bars
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "docket-core.h"

G_BEGIN_DECLS

/* The most bars drawn: the units with the lowest completion rate. */
#define DOCKET_COMPLETION_CHART_MAX_BARS 15

#define DOCKET_TYPE_COMPLETION_CHART (docket_completion_chart_get_type ())

G_DECLARE_FINAL_TYPE (DocketCompletionChart, docket_completion_chart, DOCKET, COMPLETION_CHART, GtkWidget)

GtkWidget  *docket_completion_chart_new             (void);
/* @names: unit id (a gint64 *, g_int64_hash) → name. */
void        docket_completion_chart_set_rows        (DocketCompletionChart *self,
                                                     const DocketReportRow *rows,
                                                     guint                  n_rows,
                                                     GHashTable            *names);
/* The text alternative read to screen readers, also for tests. */
const char *docket_completion_chart_get_description (DocketCompletionChart *self);
guint       docket_completion_chart_get_n_bars      (DocketCompletionChart *self);

G_END_DECLS
