/* docket-report.h
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "docket-types.h"

G_BEGIN_DECLS

/**
 * DOCKET_REPORT_LONG_OVERDUE_DAYS:
 *
 * Items overdue by more than this many calendar days are counted apart.
 */
#define DOCKET_REPORT_LONG_OVERDUE_DAYS 30

/**
 * DOCKET_REPORT_UPDATE_WINDOW_DAYS:
 *
 * An open item counts as updated when its latest progress report lies in the this many
 * days that end on the report's day.
 */
#define DOCKET_REPORT_UPDATE_WINDOW_DAYS 30

/**
 * DocketReportRow:
 * @unit_id: the lead unit, or 0 in the total row
 * @assigned: items that count in the period (docket_report_item_counts())
 * @completed: completed by the report's day; @completed_on_time + @completed_late
 * @completed_on_time: of those, on or before the deadline, or without a deadline
 * @completed_late: of those, after the deadline
 * @not_completed: @in_progress + @overdue + @no_deadline
 * @in_progress: not completed, within the deadline
 * @overdue: not completed, past the deadline
 * @overdue_long: of @overdue, by more than %DOCKET_REPORT_LONG_OVERDUE_DAYS days
 * @no_deadline: not completed and without a deadline
 * @updated: not completed, with a progress report in the last
 *   %DOCKET_REPORT_UPDATE_WINDOW_DAYS days
 *
 * The figures of one line of the period report.
 */
typedef struct
{
  DocketId unit_id;
  guint    assigned;
  guint    completed;
  guint    completed_on_time;
  guint    completed_late;
  guint    not_completed;
  guint    in_progress;
  guint    overdue;
  guint    overdue_long;
  guint    no_deadline;
  guint    updated;
} DocketReportRow;

/**
 * DocketReport:
 *
 * The period report, accumulated one item at a time: a row per lead unit and a total.
 */
typedef struct _DocketReport DocketReport;

#define DOCKET_TYPE_REPORT (docket_report_get_type ())

GType                  docket_report_get_type        (void) G_GNUC_CONST;

gboolean               docket_report_item_counts     (const DocketItem *item,
                                                      DocketDate        from,
                                                      DocketDate        to);
DocketDate             docket_report_day             (DocketDate        to,
                                                      DocketDate        today);

DocketReport          *docket_report_new             (DocketDate        from,
                                                      DocketDate        to,
                                                      DocketDate        today);
DocketReport          *docket_report_ref             (DocketReport     *self);
void                   docket_report_unref           (DocketReport     *self);
DocketDate             docket_report_get_from        (DocketReport     *self);
DocketDate             docket_report_get_to          (DocketReport     *self);
DocketDate             docket_report_get_day         (DocketReport     *self);
gboolean               docket_report_add_item        (DocketReport     *self,
                                                      const DocketItem *item);
gboolean               docket_report_add_row         (DocketReport          *self,
                                                      const DocketReportRow *row);
const DocketReportRow *docket_report_get_total       (DocketReport     *self);
const DocketReportRow *docket_report_get_unit_rows   (DocketReport     *self,
                                                      guint            *n_rows);
const DocketReportRow *docket_report_get_unit_row    (DocketReport     *self,
                                                      DocketId          unit_id);

int                    docket_report_percent         (gint64            part,
                                                      gint64            whole);
int                    docket_report_row_completion_percent (const DocketReportRow *row);
int                    docket_report_row_update_percent     (const DocketReportRow *row);
char                  *docket_format_percent         (int               hundredths);
char                  *docket_format_count           (gint64            n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketReport, docket_report_unref)

/* The columns of the period report, in the order of every table, sheet and CSV file
 * Docket writes it in. */
typedef enum
{
  DOCKET_REPORT_COLUMN_UNIT,
  DOCKET_REPORT_COLUMN_ASSIGNED,
  DOCKET_REPORT_COLUMN_COMPLETED,
  DOCKET_REPORT_COLUMN_ON_TIME,
  DOCKET_REPORT_COLUMN_LATE,
  DOCKET_REPORT_COLUMN_PERCENT,
  DOCKET_REPORT_COLUMN_NOT_COMPLETED,
  DOCKET_REPORT_COLUMN_IN_PROGRESS,
  DOCKET_REPORT_COLUMN_OVERDUE,
  DOCKET_REPORT_COLUMN_OVERDUE_LONG,
  DOCKET_REPORT_COLUMN_NO_DEADLINE,
  DOCKET_REPORT_COLUMN_UPDATE_RATE,
  DOCKET_REPORT_N_COLUMNS,
} DocketReportColumn;

const char *docket_report_column_get_title (DocketReportColumn column);

G_END_DECLS
