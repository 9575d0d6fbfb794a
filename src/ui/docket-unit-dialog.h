/* docket-unit-dialog.h: adding or editing a unit
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "docket-store.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_UNIT_DIALOG (docket_unit_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DocketUnitDialog, docket_unit_dialog, DOCKET, UNIT_DIALOG, AdwWindow)

DocketUnitDialog *docket_unit_dialog_new       (GtkWindow        *parent,
                                                DocketStore      *store,
                                                DocketId          unit_id);
DocketId          docket_unit_dialog_get_unit_id (DocketUnitDialog *self);
gboolean          docket_unit_dialog_save      (DocketUnitDialog *self);

G_END_DECLS
