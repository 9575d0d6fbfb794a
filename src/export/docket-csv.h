/* docket-csv.h
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void docket_csv_append_cell (GString    *out,
                             const char *text);

G_END_DECLS
