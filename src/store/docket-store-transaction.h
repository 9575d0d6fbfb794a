/* docket-store-transaction.h: several store calls as one transaction
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-store.h"

G_BEGIN_DECLS

/**
 * DocketStoreTransactionFunc:
 * @store: the store, inside the transaction
 * @data: the data given to docket_store_run_in_transaction()
 * @error: return location for a #GError
 *
 * Makes any number of store calls; each joins the outer transaction.
 *
 * Returns: %TRUE to commit, %FALSE with @error set to roll everything back
 */
typedef gboolean (*DocketStoreTransactionFunc) (DocketStore *store,
                                                gpointer     data,
                                                GError     **error);

gboolean docket_store_run_in_transaction (DocketStore                *self,
                                          DocketStoreTransactionFunc  func,
                                          gpointer                    data,
                                          GError                    **error);

G_END_DECLS
