/* docket-item-edit-row.h: one directive item under a conclusion, edited in place
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "docket-store.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_ITEM_EDIT_ROW (docket_item_edit_row_get_type ())

G_DECLARE_FINAL_TYPE (DocketItemEditRow, docket_item_edit_row, DOCKET, ITEM_EDIT_ROW, GtkWidget)

/* @item: (nullable): the stored item, or NULL for a new one (stored once it has
 * content and a lead unit).  @units: the DocketRecords of the DocketUnits that can
 * be chosen, one model shared by all the rows of a page.
 * The row emits "removed" when the person removes the item (a stored one is
 * cancelled by then); its page takes it away. */
GtkWidget *docket_item_edit_row_new      (DocketStore      *store,
                                          DocketId          meeting_id,
                                          DocketId          conclusion_id,
                                          const DocketItem *item,
                                          GListModel       *units);
DocketId   docket_item_edit_row_get_id   (DocketItemEditRow *self);
void       docket_item_edit_row_flush    (DocketItemEditRow *self);
void       docket_item_edit_row_focus    (DocketItemEditRow *self);
GtkWidget *docket_item_edit_row_get_coordinating_checks (DocketItemEditRow *self);
GtkWidget *docket_item_edit_row_get_lead_button (DocketItemEditRow *self);
GtkWidget *docket_item_edit_row_get_deadline_button (DocketItemEditRow *self);

G_END_DECLS
