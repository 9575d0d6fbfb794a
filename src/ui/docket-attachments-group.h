/* docket-attachments-group.h: the photos and documents of a meeting
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "docket-store.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_ATTACHMENTS_GROUP (docket_attachments_group_get_type ())

G_DECLARE_FINAL_TYPE (DocketAttachmentsGroup, docket_attachments_group, DOCKET, ATTACHMENTS_GROUP, AdwBin)

void     docket_attachments_group_set_meeting (DocketAttachmentsGroup *self,
                                               DocketStore            *store,
                                               DocketId                meeting_id);
/* Adds a file as if chosen in the file chooser (tests, drag and drop). */
gboolean docket_attachments_group_add_file    (DocketAttachmentsGroup *self,
                                               GFile                  *file,
                                               GError                **error);
guint    docket_attachments_group_get_n_files (DocketAttachmentsGroup *self);

G_END_DECLS
