/* docket-item-cell.h: one cell of the directive items table
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "docket-record.h"
#include "docket-store-items.h"

G_BEGIN_DECLS

/* What the items table keeps per row: the store's row and the coordinating units. */
typedef struct
{
  DocketItemRow *row;
  char          *coordinating;
  DocketDate     today;
} DocketItemEntry;

void docket_item_entry_free (DocketItemEntry *entry);

/* The table's columns, in the order of the .ui. */
typedef enum
{
  DOCKET_ITEM_COLUMN_STAR,
  DOCKET_ITEM_COLUMN_CONTENT,
  DOCKET_ITEM_COLUMN_LEAD,
  DOCKET_ITEM_COLUMN_COORDINATING,
  DOCKET_ITEM_COLUMN_DEADLINE,
  DOCKET_ITEM_COLUMN_DAYS,
  DOCKET_ITEM_COLUMN_STATUS,
  DOCKET_ITEM_COLUMN_MEETING,
  DOCKET_ITEM_N_COLUMNS
} DocketItemColumn;

#define DOCKET_TYPE_ITEM_CELL (docket_item_cell_get_type ())

G_DECLARE_FINAL_TYPE (DocketItemCell, docket_item_cell, DOCKET, ITEM_CELL, GtkWidget)

GtkWidget    *docket_item_cell_new        (DocketItemColumn  column);
void          docket_item_cell_set_record (DocketItemCell   *self,
                                           DocketRecord     *record);
DocketRecord *docket_item_cell_get_record (DocketItemCell   *self);
const char   *docket_item_cell_get_text   (DocketItemCell   *self);

GtkListItemFactory *docket_item_cell_factory_new (DocketItemColumn column);

G_END_DECLS
