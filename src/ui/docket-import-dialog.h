/* docket-import-dialog.h: taking in an existing tracker, checked before anything is written
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "docket-store.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_IMPORT_DIALOG (docket_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DocketImportDialog, docket_import_dialog, DOCKET, IMPORT_DIALOG, AdwWindow)

DocketImportDialog *docket_import_dialog_new        (GtkWindow          *parent,
                                                     DocketStore        *store);
/* Reads @file and checks it with the guessed mapping (the file chooser's answer,
 * and tests). */
void                docket_import_dialog_load       (DocketImportDialog *self,
                                                     GFile              *file);
gboolean            docket_import_dialog_is_busy    (DocketImportDialog *self);
guint               docket_import_dialog_get_n_ready  (DocketImportDialog *self);
guint               docket_import_dialog_get_n_errors (DocketImportDialog *self);

G_END_DECLS
