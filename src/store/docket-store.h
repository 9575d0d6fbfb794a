/* docket-store.h
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "docket-core.h"

G_BEGIN_DECLS

char *docket_store_dup_default_path (void);

G_END_DECLS
