/* docket-export.h: what every export shares: its error domain, progress, and the
 * output file that appears whole or not at all
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DOCKET_EXPORT_ERROR (docket_export_error_quark ())

/**
 * DocketExportError:
 * @DOCKET_EXPORT_ERROR_WRITE: the file could not be written (disk full, no rights, …)
 * @DOCKET_EXPORT_ERROR_FAILED: anything else
 *
 * Errors of the exports.  Errors of the store (a meeting that does not exist, …)
 * and %G_IO_ERROR_CANCELLED come through as they are.
 */
typedef enum
{
  DOCKET_EXPORT_ERROR_WRITE,
  DOCKET_EXPORT_ERROR_FAILED,
} DocketExportError;

GQuark docket_export_error_quark (void);

/**
 * DocketExportProgressFunc:
 * @fraction: how much is done, 0.0 to 1.0
 * @user_data: the data given with the function
 *
 * Called by an export as it goes, in the thread that runs the export.
 */
typedef void (*DocketExportProgressFunc) (double   fraction,
                                          gpointer user_data);

/* The file an export writes: a temporary file beside the destination, renamed over
 * it only once complete, so a cancelled or failed export leaves no partial file and
 * an existing file untouched until the new one is whole. */
typedef struct _DocketExportTarget DocketExportTarget;

DocketExportTarget *docket_export_target_new          (const char          *path,
                                                       GError             **error);
const char         *docket_export_target_get_tmp_path (DocketExportTarget  *self);
gboolean            docket_export_target_commit       (DocketExportTarget  *self,
                                                       GError             **error);
void                docket_export_target_free         (DocketExportTarget  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketExportTarget, docket_export_target_free)

G_END_DECLS
