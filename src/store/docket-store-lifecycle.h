/* docket-store-lifecycle.h: a meeting's lifecycle (draft → recorded → notice issued)
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-store.h"

G_BEGIN_DECLS

gboolean docket_store_mark_meeting_recorded (DocketStore *self,
                                             DocketId     meeting_id,
                                             GError     **error);
gboolean docket_store_issue_notice          (DocketStore *self,
                                             DocketId     meeting_id,
                                             const char  *notice_number,
                                             DocketDate   notice_date,
                                             GError     **error);
gboolean docket_store_reopen_meeting        (DocketStore *self,
                                             DocketId     meeting_id,
                                             const char  *reason,
                                             GError     **error);
gboolean docket_store_meeting_is_locked     (DocketStore *self,
                                             DocketId     meeting_id,
                                             gboolean    *out_locked,
                                             GError     **error);

G_END_DECLS
