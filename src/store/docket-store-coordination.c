/* docket-store-coordination.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include "docket-store-coordination.h"
#include "docket-store-private.h"

/**
 * docket_store_dup_coordinating_names:
 *
 * The coordinating units of an item as one line, "Phòng Tư pháp, VP", the short
 * name where a unit has one.  A primary-key lookup per item, fine for the rows on
 * screen.
 *
 * Returns: (transfer full): the names, "" when there are none, or %NULL with @error
 */
char *
docket_store_dup_coordinating_names (DocketStore *self,
                                     DocketId     item_id,
                                     GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  gboolean row = FALSE;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);

  stmt = _docket_store_prepare (self,
                                "SELECT coalesce (nullif (u.short_name, ''), u.name) "
                                "FROM item_coordinating_units c JOIN units u ON u.id = c.unit_id "
                                "WHERE c.item_id = ? ORDER BY u.name_folded",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_id (stmt, 1, item_id);
  while (TRUE)
    {
      g_autofree char *name = NULL;

      if (!_docket_store_step (self, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      name = _docket_stmt_dup_text (stmt, 0);
      g_string_append_printf (names, "%s%s", names->len ? ", " : "", name ? name : "");
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}
