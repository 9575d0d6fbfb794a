/* docket-store-sample.h: the sample records
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-store.h"

G_BEGIN_DECLS

DocketDate docket_store_sample_reference_date (void);
gboolean   docket_store_load_sample           (DocketStore  *self,
                                               GError      **error);

G_END_DECLS
