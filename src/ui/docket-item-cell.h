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

#define DOCKET_TYPE_ITEM_CELL (docket_item_cell_get_type ())

G_DECLARE_FINAL_TYPE (DocketItemCell, docket_item_cell, DOCKET, ITEM_CELL, GtkWidget)

G_END_DECLS
