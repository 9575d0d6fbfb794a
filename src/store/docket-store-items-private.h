/* docket-store-items-private.h: internals shared by the files of the items repository,
 * and the page SQL for the benchmark
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-store-items.h"

G_BEGIN_DECLS

/* The audit actions of an item, in the order of DocketTimelineKind: the workflow
 * writes them, the timeline reads them back (docket-store-item-history.c). */
extern const char * const _docket_item_timeline_actions[];

/* The SQL text of a page query, as docket_store_list_items() (@keyset) and
 * docket_store_list_items_at() (@offset) prepare it; bench/ prints its query plan. */
char *_docket_item_query_page_sql (const DocketItemQuery *query,
                                   gboolean               keyset,
                                   gboolean               offset);

G_END_DECLS
