/* docket-notice-layout.h: the notice of conclusions laid out in pages
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "docket-export.h"
#include "docket-notice.h"

G_BEGIN_DECLS

/* A4 in points, the unit of every length here. */
#define DOCKET_NOTICE_A4_WIDTH  595.2756
#define DOCKET_NOTICE_A4_HEIGHT 841.8898

#define DOCKET_TYPE_NOTICE_LAYOUT (docket_notice_layout_get_type ())

G_DECLARE_FINAL_TYPE (DocketNoticeLayout, docket_notice_layout, DOCKET, NOTICE_LAYOUT, GObject)

DocketNoticeLayout *docket_notice_layout_new          (DocketStore         *store,
                                                       DocketId             meeting_id,
                                                       double               width,
                                                       double               height,
                                                       GError             **error);
DocketNoticeLayout *docket_notice_layout_new_for_notice (const DocketNotice *notice,
                                                         double              width,
                                                         double              height);
guint               docket_notice_layout_get_n_pages  (DocketNoticeLayout  *self);
void                docket_notice_layout_render_page  (DocketNoticeLayout  *self,
                                                       cairo_t             *cr,
                                                       guint                page);

gboolean            docket_export_notice_pdf          (DocketStore              *store,
                                                       DocketId                  meeting_id,
                                                       const char               *path,
                                                       DocketExportProgressFunc  progress,
                                                       gpointer                  progress_data,
                                                       GCancellable             *cancellable,
                                                       GError                  **error);

G_END_DECLS
