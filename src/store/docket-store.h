/* docket-store.h
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "docket-core.h"

G_BEGIN_DECLS

#define DOCKET_STORE_ERROR (docket_store_error_quark ())

/**
 * DocketStoreError:
 * @DOCKET_STORE_ERROR_NEWER_VERSION: the file was written by a newer Docket
 * @DOCKET_STORE_ERROR_NOT_DOCKET: the file is not a Docket database
 * @DOCKET_STORE_ERROR_DAMAGED: the file is damaged or truncated
 * @DOCKET_STORE_ERROR_READ_ONLY: the file or its folder cannot be written
 * @DOCKET_STORE_ERROR_BUSY: another program holds the records for too long
 * @DOCKET_STORE_ERROR_NOT_FOUND: the record asked for does not exist
 * @DOCKET_STORE_ERROR_INVALID: the input is not acceptable; nothing was changed
 * @DOCKET_STORE_ERROR_CONFLICT: the change conflicts with other records
 * @DOCKET_STORE_ERROR_FAILED: anything else (disk full, closed store, …)
 *
 * Errors of the store.  Messages are translated and written for the person who
 * reads them: they name the file or the record and say what to do.
 */
typedef enum
{
  DOCKET_STORE_ERROR_NEWER_VERSION,
  DOCKET_STORE_ERROR_NOT_DOCKET,
  DOCKET_STORE_ERROR_DAMAGED,
  DOCKET_STORE_ERROR_READ_ONLY,
  DOCKET_STORE_ERROR_BUSY,
  DOCKET_STORE_ERROR_NOT_FOUND,
  DOCKET_STORE_ERROR_INVALID,
  DOCKET_STORE_ERROR_CONFLICT,
  DOCKET_STORE_ERROR_FAILED,
} DocketStoreError;

GQuark docket_store_error_quark (void);

#define DOCKET_TYPE_STORE (docket_store_get_type ())

G_DECLARE_FINAL_TYPE (DocketStore, docket_store, DOCKET, STORE, GObject)

char               *docket_store_dup_default_path       (void);
int                 docket_store_get_latest_schema_version (void);

DocketStore        *docket_store_open                   (const char   *path,
                                                         GError      **error);
void                docket_store_close                  (DocketStore  *self);
gboolean            docket_store_is_open                (DocketStore  *self);
const char         *docket_store_get_path               (DocketStore  *self);
int                 docket_store_get_schema_version     (DocketStore  *self);

void                docket_store_set_actor              (DocketStore  *self,
                                                         const char   *actor);
const char         *docket_store_get_actor              (DocketStore  *self);

gboolean            docket_store_check                  (DocketStore  *self,
                                                         GPtrArray   **out_problems,
                                                         GError      **error);

DocketOrganisation *docket_store_get_organisation       (DocketStore  *self,
                                                         GError      **error);
gboolean            docket_store_set_organisation       (DocketStore              *self,
                                                         const DocketOrganisation *organisation,
                                                         GError                  **error);

G_END_DECLS
