/* docket-store-items-private.h: internals shared by the files of the items repository,
 * and the page SQL for the benchmark
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-store-items.h"
#include "docket-store-private.h"

G_BEGIN_DECLS

/* The audit actions of an item, in the order of DocketTimelineKind: the workflow
 * writes them, the timeline reads them back (docket-store-item-history.c). */
extern const char * const _docket_item_timeline_actions[];

/* The SQL text of a page query, as docket_store_list_items() (@keyset) and
 * docket_store_list_items_at() (@offset) prepare it; bench/ prints its query plan. */
char *_docket_item_query_page_sql (const DocketItemQuery *query,
                                   gboolean               keyset,
                                   gboolean               offset);

/* Shared by docket-store-items.c and docket-store-item-workflow.c. */
gboolean    _docket_item_check_text         (const char               *text,
                                             const char               *what,
                                             guint                     max_chars,
                                             gboolean                  required,
                                             GError                  **error);
gboolean    _docket_item_check_date_given   (DocketDate                date,
                                             const char               *what,
                                             GError                  **error);
gboolean    _docket_item_check_evidence     (const DocketEvidenceFile *files,
                                             guint                     n_files,
                                             GError                  **error);
void        _docket_item_set_state_conflict (GError                  **error,
                                             const char               *message);
gboolean    _docket_item_not_found          (GError                  **error);
DocketItem *_docket_item_load               (DocketStore              *self,
                                             DocketId                  item_id,
                                             GError                  **error);
gboolean    _docket_item_audit_step         (DocketStore              *self,
                                             DocketId                  item_id,
                                             DocketTimelineKind        kind,
                                             DocketAuditFields        *fields,
                                             GError                  **error);

G_END_DECLS
