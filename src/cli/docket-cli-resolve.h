/* docket-cli-resolve.h: naming records on the command line
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-cli.h"

G_BEGIN_DECLS

/* Units and people are named by id or by an unambiguous name (case and diacritics
 * ignored).  Ambiguous names fail with DOCKET_ERROR_INVALID_INPUT and list the
 * candidates; unknown ones with DOCKET_ERROR_NOT_FOUND. */
DocketId docket_cli_resolve_unit   (DocketStore *store,
                                    const char  *text,
                                    GError     **error);
DocketId docket_cli_resolve_person (DocketStore *store,
                                    const char  *text,
                                    GError     **error);
gboolean docket_cli_parse_id       (const char  *text,
                                    DocketId    *out_id);
gboolean docket_cli_parse_date     (const char  *text,
                                    DocketDate  *out_date,
                                    GError     **error);

G_END_DECLS
