/* docket-search-popover.h: the global search, results as you type
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "docket-store.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_SEARCH_POPOVER (docket_search_popover_get_type ())

G_DECLARE_FINAL_TYPE (DocketSearchPopover, docket_search_popover, DOCKET, SEARCH_POPOVER, GtkPopover)

GtkWidget *docket_search_popover_new         (void);
void       docket_search_popover_set_store   (DocketSearchPopover *self,
                                              DocketStore         *store);
/* The number of results shown (tests). */
guint      docket_search_popover_get_n_results (DocketSearchPopover *self);

G_END_DECLS
