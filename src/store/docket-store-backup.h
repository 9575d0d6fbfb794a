/* docket-store-backup.h
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-store.h"

G_BEGIN_DECLS

/**
 * DocketBackup:
 * @path: the backup file
 * @created_at: when it was made, UTC unix seconds
 * @kind: why it was made: "daily" (automatic), "manual", "pre-restore",
 *   "pre-migration-vN"
 * @size: its size in bytes
 */
typedef struct
{
  char  *path;
  gint64 created_at;
  char  *kind;
  gint64 size;
} DocketBackup;

void docket_backup_free (DocketBackup *backup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketBackup, docket_backup_free)

char      *docket_store_dup_backup_folder (DocketStore  *self);
char      *docket_store_backup_now        (DocketStore  *self,
                                           GError      **error);
gboolean   docket_store_maybe_backup      (DocketStore  *self,
                                           gint64        now,
                                           char        **out_path,
                                           GError      **error);
GPtrArray *docket_store_list_backups      (DocketStore  *self,
                                           GError      **error);
gboolean   docket_store_restore_backup    (DocketStore  *self,
                                           const char   *backup_path,
                                           GError      **error);

G_END_DECLS
