/* docket-paged-model.h: a GListModel that reads its rows from the store a page at a time
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "docket-record.h"

G_BEGIN_DECLS

/* Returns the number of rows, or FALSE with @error set. */
typedef gboolean   (*DocketPagedCountFunc) (gpointer  user_data,
                                            guint    *out_count,
                                            GError  **error);
/* Returns the rows [offset, offset + limit) as DocketRecords, or NULL with @error. */
typedef GPtrArray *(*DocketPagedFetchFunc) (gpointer  user_data,
                                            guint     offset,
                                            guint     limit,
                                            GError  **error);

#define DOCKET_TYPE_PAGED_MODEL (docket_paged_model_get_type ())

G_DECLARE_FINAL_TYPE (DocketPagedModel, docket_paged_model, DOCKET, PAGED_MODEL, GObject)

DocketPagedModel *docket_paged_model_new       (DocketPagedCountFunc count_func,
                                                DocketPagedFetchFunc fetch_func,
                                                gpointer             user_data,
                                                GDestroyNotify       destroy);
void              docket_paged_model_reload    (DocketPagedModel    *self);
const GError     *docket_paged_model_get_error (DocketPagedModel    *self);

G_END_DECLS
