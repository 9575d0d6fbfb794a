/* docket-item-page.h: one directive item, its history and its workflow
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "docket-store.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_ITEM_PAGE (docket_item_page_get_type ())

G_DECLARE_FINAL_TYPE (DocketItemPage, docket_item_page, DOCKET, ITEM_PAGE, AdwBin)

void     docket_item_page_set_store (DocketItemPage *self,
                                     DocketStore    *store);
void     docket_item_page_set_today (DocketItemPage *self,
                                     DocketDate      today);
void     docket_item_page_set_item  (DocketItemPage *self,
                                     DocketId        item_id);
DocketId docket_item_page_get_item  (DocketItemPage *self);

G_END_DECLS
