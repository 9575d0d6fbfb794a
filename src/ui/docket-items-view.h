/* docket-items-view.h: the Directive items area
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "docket-store-items.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_ITEMS_VIEW (docket_items_view_get_type ())

G_DECLARE_FINAL_TYPE (DocketItemsView, docket_items_view, DOCKET, ITEMS_VIEW, AdwBin)

void  docket_items_view_set_store     (DocketItemsView *self,
                                       DocketStore     *store,
                                       GSettings       *settings);
/* Pins "today" (tests); DOCKET_DATE_NONE follows the clock. */
void  docket_items_view_set_today     (DocketItemsView *self,
                                       DocketDate       today);
void  docket_items_view_show_unit     (DocketItemsView *self,
                                       DocketId         unit_id);
void  docket_items_view_show_item     (DocketItemsView *self,
                                       DocketId         item_id);
void  docket_items_view_show_figure   (DocketItemsView      *self,
                                      const char           *view,
                                      DocketItemCompletion  completion,
                                      DocketDate            from,
                                      DocketDate            to,
                                      DocketDate            day,
                                      DocketDate            deadline_to);
void  docket_items_view_show_view     (DocketItemsView *self,
                                       const char      *view);
guint docket_items_view_get_n_shown   (DocketItemsView *self);
gboolean docket_items_view_is_busy    (DocketItemsView *self);

G_END_DECLS
