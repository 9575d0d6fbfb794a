/* docket-store-coordination.h: the coordinating units of items, for display
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-store.h"

G_BEGIN_DECLS

char *docket_store_dup_coordinating_names (DocketStore *self,
                                           DocketId     item_id,
                                           GError     **error);

G_END_DECLS
