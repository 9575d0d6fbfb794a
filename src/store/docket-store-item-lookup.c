/* docket-store-item-lookup.c: finding an item already recorded
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include "docket-store-item-lookup.h"
#include "docket-store-private.h"

/**
 * docket_store_find_same_item:
 * @meeting_id: the meeting, or 0 for items of no meeting
 * @lead_unit_id: the lead unit
 * @content: what is to be done, as typed or imported
 * @error: return location for an error
 *
 * Looks for an item of the same meeting and lead unit whose content reads the
 * same once folded (case, diacritics and the blanks at the ends do not count), in
 * any state: what an import of a tracker already taken in would duplicate.  One
 * lookup in the index of the items' folded content.
 *
 * Returns: the item's id, or 0 (with @error unset) when there is none, or 0 with
 *   @error on failure
 */
DocketId
docket_store_find_same_item (DocketStore  *self,
                             DocketId      meeting_id,
                             DocketId      lead_unit_id,
                             const char   *content,
                             GError      **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (DOCKET_IS_STORE (self), 0);
  g_return_val_if_fail (content != NULL, 0);

  stripped = g_strstrip (g_strdup (content));
  folded = _docket_store_fold (stripped);
  /* substr (…, 1, 48) is the key of the content index (the content order). */
  stmt = _docket_store_prepare (self,
                                "SELECT id FROM items "
                                "WHERE substr (content_folded, 1, 48) = substr (?1, 1, 48) "
                                "AND content_folded = ?1 AND lead_unit_id = ?2 "
                                "AND meeting_id IS ?3 LIMIT 1",
                                error);
  if (stmt == NULL)
    return 0;
  _docket_stmt_bind_text (stmt, 1, folded);
  _docket_stmt_bind_id (stmt, 2, lead_unit_id);
  _docket_stmt_bind_id (stmt, 3, meeting_id);
  if (!_docket_store_step (self, stmt, &row, error) || !row)
    return 0;
  return _docket_stmt_get_id (stmt, 0);
}
