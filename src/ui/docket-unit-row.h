/* docket-unit-row.h: one unit of the Units area, with its figures
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "docket-record.h"

G_BEGIN_DECLS

/**
 * DocketUnitEntry:
 * @unit: the unit
 * @depth: how many units it sits under
 * @figures: its line of the store's period report, zeros when it leads no item
 * @counted: whether @figures have been counted (they are counted by a worker, after
 *   the tree is shown)
 *
 * What a row of the Units area shows; the value of its #DocketRecord.
 */
typedef struct
{
  DocketUnit      *unit;
  guint            depth;
  DocketReportRow  figures;
  gboolean         counted;
} DocketUnitEntry;

void docket_unit_entry_free (DocketUnitEntry *entry);

#define DOCKET_TYPE_UNIT_ROW (docket_unit_row_get_type ())

G_DECLARE_FINAL_TYPE (DocketUnitRow, docket_unit_row, DOCKET, UNIT_ROW, GtkWidget)

GtkWidget    *docket_unit_row_new        (DocketRecord  *record);
DocketRecord *docket_unit_row_get_record (DocketUnitRow *self);

G_END_DECLS
