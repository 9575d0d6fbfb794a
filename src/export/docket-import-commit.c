/* docket-import-commit.c: writing a validated import
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * docket_import_report_commit() writes the rows of a report (docket-import.c) in
 * one transaction: the units the file names that the user chose to create, then
 * every row as an item, finished ones as finished; any failure rolls back all.
 */

#define G_LOG_DOMAIN "docket-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "docket-import-private.h"

#include "docket-store-items.h"
#include "docket-store-transaction.h"

/* Committing. */

typedef struct
{
  DocketImportReport *report;
  gboolean            skip_errors;
  GCancellable       *cancellable;
  GArray             *unit_ids;    /* DocketId of each new unit */
  guint               n_items;
} CommitOp;

static DocketUnitKind
guess_unit_kind (const char *name)
{
  g_autofree char *folded = _docket_import_fold_name (name);

  if (g_str_has_prefix (folded, "ubnd") || g_str_has_prefix (folded, "uy ban nhan dan") ||
      g_str_has_prefix (folded, "xa ") || g_str_has_prefix (folded, "phuong ") ||
      g_str_has_prefix (folded, "thi tran "))
    return DOCKET_UNIT_KIND_COMMUNE;
  if (g_str_has_prefix (folded, "phong ") || g_str_has_prefix (folded, "van phong") ||
      g_str_has_prefix (folded, "ban "))
    return DOCKET_UNIT_KIND_DEPARTMENT;
  return DOCKET_UNIT_KIND_OTHER;
}

static DocketId
real_unit_id (CommitOp *op,
              DocketId  id)
{
  return id >= 0 ? id : g_array_index (op->unit_ids, DocketId, -1 - id);
}

static gboolean
create_units (DocketStore *store,
              CommitOp    *op,
              GError     **error)
{
  for (guint i = 0; i < op->report->new_units->len; i++)
    {
      g_autoptr(DocketUnit) unit = docket_unit_new ();
      DocketId id;

      unit->name = g_strdup (g_ptr_array_index (op->report->new_units, i));
      unit->kind = guess_unit_kind (unit->name);
      if ((id = docket_store_add_unit (store, unit, error)) == 0)
        return FALSE;
      g_array_append_val (op->unit_ids, id);
    }
  return TRUE;
}

static gboolean
write_row (DocketStore     *store,
           CommitOp        *op,
           DocketImportRow *row,
           GError         **error)
{
  g_autoptr(DocketItem) item = docket_item_copy (row->item);
  DocketId id;

  item->lead_unit_id = real_unit_id (op, item->lead_unit_id);
  for (guint c = 0; c < item->n_coordinating; c++)
    item->coordinating_unit_ids[c] = real_unit_id (op, item->coordinating_unit_ids[c]);
  /* A row completed or cancelled in the file is written in that state at once. */
  if (row->completed_on != DOCKET_DATE_NONE)
    id = docket_store_add_finished_item (store, item, DOCKET_ITEM_STATE_CONFIRMED,
                                         row->completed_on, NULL, error);
  else if (row->cancelled)
    id = docket_store_add_finished_item (store, item, DOCKET_ITEM_STATE_CANCELLED,
                                         DOCKET_DATE_NONE,
                                         _("Cancelled in the imported tracker."), error);
  else
    id = docket_store_add_item (store, item, error);
  if (id == 0)
    return FALSE;
  op->n_items++;
  return TRUE;
}

static gboolean
prefix_line (GError **error,
             guint    line)
{
  /* Translators: %u is a line number of the file; what follows is the reason */
  g_prefix_error (error, _("Line %u: "), line);
  return FALSE;
}

static gboolean
commit_cb (DocketStore *store,
           gpointer     data,
           GError     **error)
{
  CommitOp *op = data;
  GPtrArray *rows = op->report->rows;

  if (!create_units (store, op, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      DocketImportRow *row = g_ptr_array_index (rows, i);

      if (i % CHECK_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (op->cancellable, error))
            return FALSE;
          if (op->report->progress != NULL)
            op->report->progress (i, rows->len, op->report->progress_data);
        }
      if (row->status != DOCKET_IMPORT_ROW_READY)
        continue;
      if (i == op->report->fail_at)
        {
          g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_FAILED,
                       "Failure injected by a test");
          return prefix_line (error, row->line);
        }
      if (!write_row (store, op, row, error))
        return prefix_line (error, row->line);
    }
  if (op->report->progress != NULL)
    op->report->progress (rows->len, rows->len, op->report->progress_data);
  return TRUE;
}

/**
 * docket_import_report_commit:
 * @self: a report from docket_import_validate()
 * @store: the store validated against
 * @skip_errors: import the ready rows even when others have errors (those are left
 *   out); otherwise any row with an error refuses the whole import
 * @cancellable: (nullable): cancelling rolls back everything
 * @out_n_items: (out) (optional): the items written
 * @error: return location for a #GError
 *
 * Writes the ready rows of the report (and the new units it lists) in one
 * transaction: every row or none.  A row completed in the file is written confirmed
 * complete on its completion date, a cancelled one cancelled (each with that step in
 * its history).  When the store
 * refuses a row (the records changed since the dry run), nothing is written and
 * @error names the row's line.
 *
 * Returns: whether the import was written
 */
gboolean
docket_import_report_commit (DocketImportReport *self,
                             DocketStore        *store,
                             gboolean            skip_errors,
                             GCancellable       *cancellable,
                             guint              *out_n_items,
                             GError            **error)
{
  g_autoptr(GArray) unit_ids = g_array_new (FALSE, FALSE, sizeof (DocketId));
  CommitOp op = { self, skip_errors, cancellable, unit_ids, 0 };
  guint n_errors;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (DOCKET_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n_errors = docket_import_report_count (self, DOCKET_IMPORT_ROW_ERROR);
  if (n_errors > 0 && !skip_errors)
    {
      g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u row cannot be imported; correct it first, or import the "
                                "other rows without it.",
                                "%u rows cannot be imported; correct them first, or import "
                                "the other rows without them.", n_errors),
                   n_errors);
      return FALSE;
    }
  if (!docket_store_run_in_transaction (store, commit_cb, &op, error))
    return FALSE;
  if (out_n_items != NULL)
    *out_n_items = op.n_items;
  return TRUE;
}
