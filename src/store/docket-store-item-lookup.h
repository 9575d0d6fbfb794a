/* docket-store-item-lookup.h: finding an item already recorded
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-store.h"

G_BEGIN_DECLS

DocketId docket_store_find_same_item (DocketStore  *self,
                                      DocketId      meeting_id,
                                      DocketId      lead_unit_id,
                                      const char   *content,
                                      GError      **error);

G_END_DECLS
