/* docket-store-transaction.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include "docket-store-private.h"
#include "docket-store-transaction.h"

/**
 * docket_store_run_in_transaction:
 * @self: a store
 * @func: the calls to make
 * @data: passed to @func
 * @error: return location for a #GError
 *
 * Runs @func inside one write transaction: every store call it makes joins it, and
 * when @func (or the COMMIT) fails, nothing of what it did is kept.  This is how an
 * import of many rows stays all or nothing.  The `changed` signals are emitted once,
 * after the COMMIT.
 *
 * Returns: %TRUE when everything was committed, %FALSE with @error set
 */
gboolean
docket_store_run_in_transaction (DocketStore                *self,
                                 DocketStoreTransactionFunc  func,
                                 gpointer                    data,
                                 GError                    **error)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _docket_store_write (self, (DocketStoreWriteFunc) func, data, error);
}
