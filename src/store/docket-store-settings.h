/* docket-store-settings.h: settings shared by everyone who uses the file
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-store.h"

G_BEGIN_DECLS

char     *docket_store_dup_setting (DocketStore  *self,
                                    const char   *key,
                                    GError      **error);
gboolean  docket_store_set_setting (DocketStore  *self,
                                    const char   *key,
                                    const char   *value,
                                    GError      **error);

G_END_DECLS
