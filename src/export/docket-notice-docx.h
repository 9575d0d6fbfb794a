/* docket-notice-docx.h: the notice of conclusions as an editable Word document
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-export.h"
#include "docket-notice.h"

G_BEGIN_DECLS

gboolean docket_export_notice_docx (DocketStore              *store,
                                    DocketId                  meeting_id,
                                    const char               *path,
                                    DocketExportProgressFunc  progress,
                                    gpointer                  progress_data,
                                    GCancellable             *cancellable,
                                    GError                  **error);

G_END_DECLS
