/* docket-store-cache.h: how much memory a connection keeps for its page cache
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-store.h"

G_BEGIN_DECLS

gboolean docket_store_set_cache_size (DocketStore  *self,
                                      guint         kib,
                                      GError      **error);

DocketStore *docket_store_open_with_cache (const char  *path,
                                           guint        kib,
                                           GError     **error);
gboolean docket_store_map_file       (DocketStore  *self,
                                      guint64       max_bytes,
                                      GError      **error);

void docket_store_release_memory (DocketStore *self);

G_END_DECLS
