/* docket-store-attachments.h: photos and documents of a meeting, kept in the file
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "docket-store.h"

G_BEGIN_DECLS

/* The bytes live in the database so that a backup holds them too. */
#define DOCKET_ATTACHMENT_MAX_BYTES (50 * 1024 * 1024)

DocketId   docket_store_add_meeting_attachment    (DocketStore *self,
                                                   DocketId     meeting_id,
                                                   const char  *file_name,
                                                   const char  *mime_type,
                                                   GBytes      *content,
                                                   GError     **error);
GPtrArray *docket_store_list_meeting_attachments  (DocketStore *self,
                                                   DocketId     meeting_id,
                                                   GError     **error);
gboolean   docket_store_remove_attachment         (DocketStore *self,
                                                   DocketId     attachment_id,
                                                   GError     **error);
GBytes    *docket_store_dup_attachment_content    (DocketStore *self,
                                                   DocketId     attachment_id,
                                                   GError     **error);

G_END_DECLS
