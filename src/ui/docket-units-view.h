/* docket-units-view.h: the Units area
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "docket-store.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_UNITS_VIEW (docket_units_view_get_type ())

G_DECLARE_FINAL_TYPE (DocketUnitsView, docket_units_view, DOCKET, UNITS_VIEW, AdwBin)

void     docket_units_view_set_store    (DocketUnitsView *self,
                                         DocketStore     *store);
void     docket_units_view_set_today    (DocketUnitsView *self,
                                         DocketDate       today);
guint    docket_units_view_get_n_shown  (DocketUnitsView *self);
void     docket_units_view_reload       (DocketUnitsView *self);
gboolean docket_units_view_is_counting  (DocketUnitsView *self);

G_END_DECLS
