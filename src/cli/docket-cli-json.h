/* docket-cli-json.h: the JSON shapes of docketctl's records (documented in docketctl(1))
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "docket-core.h"

G_BEGIN_DECLS

void docket_cli_json_add_string (JsonBuilder *builder, const char *name, const char *value);
void docket_cli_json_add_id     (JsonBuilder *builder, const char *name, DocketId value);
void docket_cli_json_add_int    (JsonBuilder *builder, const char *name, gint64 value);
void docket_cli_json_add_bool   (JsonBuilder *builder, const char *name, gboolean value);
/* Dates are ISO `yyyy-mm-dd` in JSON, null when there is none. */
void docket_cli_json_add_date   (JsonBuilder *builder, const char *name, DocketDate value);
void docket_cli_json_print      (JsonBuilder *builder);

G_END_DECLS
