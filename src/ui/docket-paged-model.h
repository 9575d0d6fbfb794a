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

/* The threaded model's functions.  @snapshot runs on the main thread at each reload and
 * returns a copy of what the worker needs to read the list as it is now (freed with
 * @snapshot_free on any thread), or NULL for an empty list.  @count and @fetch run on
 * the model's worker thread; @thread_state is theirs to keep state in between calls
 * (a database connection), freed with @thread_state_free when the worker ends. */
typedef struct
{
  gpointer   (*snapshot)          (gpointer   user_data);
  GDestroyNotify snapshot_free;
  gboolean   (*count)             (gpointer   snapshot,
                                   gpointer  *thread_state,
                                   guint     *out_count,
                                   GError   **error);
  GPtrArray *(*fetch)             (gpointer   snapshot,
                                   gpointer  *thread_state,
                                   guint      offset,
                                   guint      limit,
                                   GError   **error);
  GDestroyNotify thread_state_free;
} DocketPagedThreadFuncs;

#define DOCKET_TYPE_PAGED_MODEL (docket_paged_model_get_type ())

G_DECLARE_FINAL_TYPE (DocketPagedModel, docket_paged_model, DOCKET, PAGED_MODEL, GObject)

DocketPagedModel *docket_paged_model_new       (DocketPagedCountFunc count_func,
                                                DocketPagedFetchFunc fetch_func,
                                                gpointer             user_data,
                                                GDestroyNotify       destroy);
DocketPagedModel *docket_paged_model_new_threaded (const DocketPagedThreadFuncs *funcs,
                                                   DocketPagedFetchFunc          fetch_now,
                                                   gpointer                      user_data,
                                                   GDestroyNotify                destroy);
void              docket_paged_model_reload    (DocketPagedModel    *self);
gboolean          docket_paged_model_is_loading (DocketPagedModel   *self);
DocketRecord     *docket_paged_model_dup_loaded (DocketPagedModel   *self,
                                                 guint               position);
const GError     *docket_paged_model_get_error (DocketPagedModel    *self);

G_END_DECLS
