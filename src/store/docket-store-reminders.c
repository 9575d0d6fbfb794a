/* docket-store-reminders.c: reminder candidates and the reminder log
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The candidates of a day are the open items (or returned for rework) whose
 * deadline is before the policy's look-ahead bound — every overdue item reminds
 * daily, so all of them are in — plus the items awaiting confirmation.  Each part is
 * one range of `items_by_state_deadline (state, deadline, id)`: the query reads the
 * live items only and never the history (confirmed and cancelled items), which is
 * what grows to a million rows.
 *
 * The log's UNIQUE (item_id, unit_id, kind, day) is the claim: `INSERT OR IGNORE`
 * inserts the row for exactly one of the processes that try, and that process sends
 * the reminder.  Rows are never deleted (they are the history of who was told what,
 * and when); "dismissed" and "snoozed_until" only hide them from the in-app list.
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-store-private.h"
#include "docket-store-reminders.h"

/* The columns read into a DocketReminderCandidate, from `items i JOIN units u LEFT
 * JOIN meetings m`, starting at column @first. */
#define CANDIDATE_COLUMNS "i.id, i.meeting_id, i.content, i.lead_unit_id, i.deadline, " \
                          "i.state, i.completed_on, u.name, u.email, m.title"

DocketReminderCandidate *
docket_reminder_candidate_copy (const DocketReminderCandidate *candidate)
{
  DocketReminderCandidate *copy;

  g_return_val_if_fail (candidate != NULL, NULL);

  copy = g_new0 (DocketReminderCandidate, 1);
  copy->item = docket_item_copy (candidate->item);
  copy->unit_name = g_strdup (candidate->unit_name);
  copy->unit_email = g_strdup (candidate->unit_email);
  copy->meeting_title = g_strdup (candidate->meeting_title);
  return copy;
}

void
docket_reminder_candidate_free (DocketReminderCandidate *candidate)
{
  if (candidate == NULL)
    return;
  docket_item_free (candidate->item);
  g_free (candidate->unit_name);
  g_free (candidate->unit_email);
  g_free (candidate->meeting_title);
  g_free (candidate);
}

void
docket_reminder_entry_free (DocketReminderEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->kind);
  docket_reminder_candidate_free (entry->candidate);
  g_free (entry);
}

static DocketReminderCandidate *
read_candidate (DocketStmt *stmt,
                int         first)
{
  DocketReminderCandidate *c = g_new0 (DocketReminderCandidate, 1);

  c->item = docket_item_new ();
  c->item->id = _docket_stmt_get_id (stmt, first);
  c->item->meeting_id = _docket_stmt_get_id (stmt, first + 1);
  c->item->content = _docket_stmt_dup_text (stmt, first + 2);
  c->item->lead_unit_id = _docket_stmt_get_id (stmt, first + 3);
  c->item->deadline = _docket_stmt_get_date (stmt, first + 4);
  c->item->state = _docket_stmt_get_int (stmt, first + 5);
  c->item->completed_on = _docket_stmt_get_date (stmt, first + 6);
  c->unit_name = _docket_stmt_dup_text (stmt, first + 7);
  c->unit_email = _docket_stmt_dup_text (stmt, first + 8);
  c->meeting_title = _docket_stmt_dup_text (stmt, first + 9);
  return c;
}

/* ",3,17," for the `instr` test of the unit filter, or NULL for all units. */
static char *
unit_filter (const DocketId *unit_ids,
             guint           n_unit_ids)
{
  GString *s;

  if (n_unit_ids == 0)
    return NULL;
  s = g_string_new (",");
  for (guint i = 0; i < n_unit_ids; i++)
    g_string_append_printf (s, "%" G_GINT64_FORMAT ",", (gint64) unit_ids[i]);
  return g_string_free (s, FALSE);
}

/**
 * docket_store_list_reminder_candidates:
 * @deadline_before: open items with a deadline before this day are candidates
 *   (docket_reminder_policy_lookahead_end() of today)
 * @unit_ids: (array length=n_unit_ids) (nullable): only items these units lead;
 *   none for all units
 *
 * Lists the items whose reminder could be due: open or returned items with a
 * deadline before @deadline_before, and items awaiting confirmation, by deadline.
 * Reads index ranges of live items only, however large the history.
 *
 * Returns: (transfer container) (element-type DocketReminderCandidate): the
 *   candidates, or %NULL with @error set
 */
GPtrArray *
docket_store_list_reminder_candidates (DocketStore    *self,
                                       DocketDate      deadline_before,
                                       const DocketId *unit_ids,
                                       guint           n_unit_ids,
                                       GError        **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *filter = unit_filter (unit_ids, n_unit_ids);
  gboolean row = FALSE;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (deadline_before != DOCKET_DATE_NONE, NULL);
  g_return_val_if_fail (n_unit_ids == 0 || unit_ids != NULL, NULL);

  /* Three equality-plus-range probes of items_by_state_deadline; `deadline < ?`
   * also leaves out items without a deadline.  The unit filter is tested on the few
   * rows found, not used as an index, because "my units" can lead a long history. */
  stmt = _docket_store_prepare (self,
                                "SELECT " CANDIDATE_COLUMNS " FROM ("
                                "  SELECT id FROM items WHERE state = 0 AND deadline < ?1"
                                "  UNION ALL"
                                "  SELECT id FROM items WHERE state = 3 AND deadline < ?1"
                                "  UNION ALL"
                                "  SELECT id FROM items WHERE state = 1"
                                ") AS c"
                                " JOIN items i ON i.id = c.id"
                                " JOIN units u ON u.id = i.lead_unit_id"
                                " LEFT JOIN meetings m ON m.id = i.meeting_id"
                                " WHERE ?2 IS NULL OR instr (?2, ',' || i.lead_unit_id || ',') > 0",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_date (stmt, 1, deadline_before);
  _docket_stmt_bind_text (stmt, 2, filter);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_reminder_candidate_free);
  while (_docket_store_step (self, stmt, &row, error))
    {
      if (!row)
        return g_steal_pointer (&rows);
      g_ptr_array_add (rows, read_candidate (stmt, 0));
    }
  return NULL;
}

typedef struct
{
  DocketReminderClaim *claims;
  guint                n_claims;
  const char          *claimed_by;
} ClaimOp;

static gboolean
claim_cb (DocketStore *self,
          gpointer     data,
          GError     **error)
{
  ClaimOp *op = data;
  g_autoptr(DocketStmt) insert = NULL;
  g_autoptr(DocketStmt) supersede = NULL;
  gboolean any = FALSE;

  insert = _docket_store_prepare (self,
                                  "INSERT OR IGNORE INTO reminder_log (item_id, unit_id, kind, "
                                  "day, claimed_at, claimed_by) VALUES (?, ?, ?, ?, ?, ?)",
                                  error);
  /* A daily reminder replaces yesterday's if nobody saw that one (no notification
   * server): the in-app list shows an item once, with today's wording. */
  supersede = _docket_store_prepare (self,
                                     "UPDATE reminder_log SET dismissed = 1"
                                     " WHERE item_id = ? AND unit_id = ? AND kind = ? AND day < ?"
                                     " AND dismissed = 0 AND delivered_at IS NULL"
                                     " AND snoozed_until IS NULL",
                                     error);
  if (insert == NULL || supersede == NULL)
    return FALSE;

  for (guint i = 0; i < op->n_claims; i++)
    {
      DocketReminderClaim *c = &op->claims[i];

      sqlite3_reset (insert);
      _docket_stmt_bind_id (insert, 1, c->item_id);
      _docket_stmt_bind_id (insert, 2, c->unit_id);
      _docket_stmt_bind_text (insert, 3, c->kind);
      _docket_stmt_bind_date (insert, 4, c->day);
      _docket_stmt_bind_int (insert, 5, _docket_store_now (self));
      _docket_stmt_bind_text (insert, 6, op->claimed_by != NULL ? op->claimed_by : "");
      if (!_docket_store_step_done (self, insert, error))
        return FALSE;
      c->claimed = _docket_store_changes (self) == 1;
      c->log_id = c->claimed ? _docket_store_last_insert_id (self) : 0;
      if (!c->claimed)
        continue;
      any = TRUE;

      sqlite3_reset (supersede);
      _docket_stmt_bind_id (supersede, 1, c->item_id);
      _docket_stmt_bind_id (supersede, 2, c->unit_id);
      _docket_stmt_bind_text (supersede, 3, c->kind);
      _docket_stmt_bind_date (supersede, 4, c->day);
      if (!_docket_store_step_done (self, supersede, error))
        return FALSE;
    }
  if (any)
    _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_REMINDERS);
  return TRUE;
}

/**
 * docket_store_claim_reminders:
 * @claims: (array length=n_claims) (inout): the reminders to claim
 * @claimed_by: (nullable): who claims them ("docket", "docketctl"), for support
 *
 * Logs each reminder unless it was logged already, in one transaction.  A
 * reminder whose `claimed` comes back %TRUE is this caller's to send; one that
 * comes back %FALSE was claimed before, by this process or another, and must not be
 * sent.  Two processes that claim the same reminder at once get one %TRUE between
 * them (the UNIQUE key decides).
 *
 * Returns: %TRUE, or %FALSE with @error set (nothing was claimed)
 */
gboolean
docket_store_claim_reminders (DocketStore         *self,
                              DocketReminderClaim *claims,
                              guint                n_claims,
                              const char          *claimed_by,
                              GError             **error)
{
  ClaimOp op = { claims, n_claims, claimed_by };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_claims == 0 || claims != NULL, FALSE);

  for (guint i = 0; i < n_claims; i++)
    {
      g_return_val_if_fail (claims[i].kind != NULL && claims[i].day != DOCKET_DATE_NONE, FALSE);
      claims[i].claimed = FALSE;
      claims[i].log_id = 0;
    }
  if (n_claims == 0)
    return TRUE;
  if (!_docket_store_write (self, claim_cb, &op, error))
    {
      for (guint i = 0; i < n_claims; i++)
        {
          claims[i].claimed = FALSE;
          claims[i].log_id = 0;
        }
      return FALSE;
    }
  return TRUE;
}

/**
 * docket_store_is_reminder_logged:
 * @from_day: the first day to look at
 * @to_day: the last day to look at
 * @out_logged: (out): whether a reminder of @kind for @item_id and @unit_id was
 *   logged for a day in [@from_day, @to_day]
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
docket_store_is_reminder_logged (DocketStore  *self,
                                 DocketId      item_id,
                                 DocketId      unit_id,
                                 const char   *kind,
                                 DocketDate    from_day,
                                 DocketDate    to_day,
                                 gboolean     *out_logged,
                                 GError      **error)
{
  g_autoptr(DocketStmt) stmt = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (out_logged != NULL, FALSE);

  *out_logged = FALSE;
  /* A range of the UNIQUE key's index. */
  stmt = _docket_store_prepare (self,
                                "SELECT 1 FROM reminder_log WHERE item_id = ? AND unit_id = ?"
                                " AND kind = ? AND day BETWEEN ? AND ? LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_id (stmt, 1, item_id);
  _docket_stmt_bind_id (stmt, 2, unit_id);
  _docket_stmt_bind_text (stmt, 3, kind);
  _docket_stmt_bind_date (stmt, 4, from_day);
  _docket_stmt_bind_date (stmt, 5, to_day);
  return _docket_store_step (self, stmt, out_logged, error);
}

static gboolean
latest_logged (DocketStore          *self,
               DocketReminderLookup *lookup,
               GError              **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;

  lookup->latest = DOCKET_DATE_NONE;
  /* The end of a range of the UNIQUE key's index. */
  stmt = _docket_store_prepare (self,
                                "SELECT max (day) FROM reminder_log WHERE item_id = ?"
                                " AND unit_id = ? AND kind = ? AND day BETWEEN ? AND ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_id (stmt, 1, lookup->item_id);
  _docket_stmt_bind_id (stmt, 2, lookup->unit_id);
  _docket_stmt_bind_text (stmt, 3, lookup->kind);
  _docket_stmt_bind_date (stmt, 4, lookup->from_day);
  _docket_stmt_bind_date (stmt, 5, lookup->to_day);
  if (!_docket_store_step (self, stmt, &row, error))
    return FALSE;
  if (row)
    lookup->latest = _docket_stmt_get_date (stmt, 0);
  return TRUE;
}

/**
 * docket_store_lookup_reminders:
 * @lookups: (array length=n_lookups) (inout): what to look up
 *
 * Answers many docket_store_is_reminder_logged() questions at once, in one read
 * transaction: a statement outside a transaction takes and drops the file's
 * shared lock (two system calls) each time, which dominated the time of a
 * thousand lookups.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
docket_store_lookup_reminders (DocketStore          *self,
                               DocketReminderLookup *lookups,
                               guint                 n_lookups,
                               GError              **error)
{
  gboolean own = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_lookups == 0 || lookups != NULL, FALSE);

  if (n_lookups == 0)
    return TRUE;
  if (sqlite3_get_autocommit (_docket_store_get_db (self)))
    {
      if (!_docket_store_exec (self, "BEGIN DEFERRED", error))
        return FALSE;
      own = TRUE;
    }
  for (guint i = 0; ok && i < n_lookups; i++)
    ok = latest_logged (self, &lookups[i], error);
  /* Only reads happened: ending the transaction cannot lose anything. */
  if (own && !_docket_store_exec (self, ok ? "COMMIT" : "ROLLBACK", ok ? error : NULL))
    ok = FALSE;
  return ok;
}

typedef struct
{
  const DocketId *ids;
  guint           n_ids;
  gint64          at;
  DocketId        id;
  int             action;
} LogOp;

enum { LOG_DELIVERED, LOG_SNOOZE, LOG_DISMISS };

static gboolean
delivered_cb (DocketStore *self,
              gpointer     data,
              GError     **error)
{
  LogOp *op = data;
  g_autoptr(DocketStmt) stmt = NULL;

  stmt = _docket_store_prepare (self,
                                "UPDATE reminder_log SET delivered_at = ? WHERE id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < op->n_ids; i++)
    {
      sqlite3_reset (stmt);
      _docket_stmt_bind_int (stmt, 1, op->at);
      _docket_stmt_bind_id (stmt, 2, op->ids[i]);
      if (!_docket_store_step_done (self, stmt, error))
        return FALSE;
    }
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_REMINDERS);
  return TRUE;
}

/**
 * docket_store_mark_reminders_delivered:
 * @log_ids: (array length=n_log_ids): rows of the log
 * @delivered_at: when a notification showed them, UTC unix seconds
 *
 * Records that a notification showed these reminders, which takes them off the
 * in-app list of pending reminders.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
docket_store_mark_reminders_delivered (DocketStore    *self,
                                       const DocketId *log_ids,
                                       guint           n_log_ids,
                                       gint64          delivered_at,
                                       GError        **error)
{
  LogOp op = { log_ids, n_log_ids, delivered_at, 0, LOG_DELIVERED };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_log_ids == 0 || log_ids != NULL, FALSE);

  if (n_log_ids == 0)
    return TRUE;
  return _docket_store_write (self, delivered_cb, &op, error);
}

static gboolean
update_one_cb (DocketStore *self,
               gpointer     data,
               GError     **error)
{
  LogOp *op = data;
  g_autoptr(DocketStmt) stmt = NULL;

  if (op->action == LOG_SNOOZE)
    stmt = _docket_store_prepare (self,
                                  "UPDATE reminder_log SET snoozed_until = ?2, delivered_at = NULL,"
                                  " dismissed = 0 WHERE id = ?1",
                                  error);
  else
    stmt = _docket_store_prepare (self,
                                  "UPDATE reminder_log SET dismissed = 1, snoozed_until = NULL"
                                  " WHERE id = ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_id (stmt, 1, op->id);
  if (op->action == LOG_SNOOZE)
    _docket_stmt_bind_int (stmt, 2, op->at);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  if (_docket_store_changes (self) == 0)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND,
                   _("This reminder is no longer in the records. Reload the list of "
                     "reminders."));
      return FALSE;
    }
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_REMINDERS);
  return TRUE;
}

/**
 * docket_store_snooze_reminder:
 * @until: when it comes back, UTC unix seconds
 *
 * Hides a logged reminder until @until, when it is delivered again (by whichever
 * process takes it first, see docket_store_take_snoozed_reminders()).  Kept in the
 * file, so a snooze survives a restart.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
docket_store_snooze_reminder (DocketStore  *self,
                              DocketId      log_id,
                              gint64        until,
                              GError      **error)
{
  LogOp op = { NULL, 0, until, log_id, LOG_SNOOZE };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (log_id > 0, FALSE);

  return _docket_store_write (self, update_one_cb, &op, error);
}

/**
 * docket_store_dismiss_reminder:
 *
 * Takes a logged reminder off the in-app list for good (it stays in the log, so it
 * is not sent again).
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
docket_store_dismiss_reminder (DocketStore  *self,
                               DocketId      log_id,
                               GError      **error)
{
  LogOp op = { NULL, 0, 0, log_id, LOG_DISMISS };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (log_id > 0, FALSE);

  return _docket_store_write (self, update_one_cb, &op, error);
}

#define ENTRY_COLUMNS "r.id, r.unit_id, r.kind, r.day, r.claimed_at, r.delivered_at, " \
                      "r.snoozed_until, " CANDIDATE_COLUMNS
#define ENTRY_FROM " FROM reminder_log r JOIN items i ON i.id = r.item_id" \
                   " JOIN units u ON u.id = i.lead_unit_id" \
                   " LEFT JOIN meetings m ON m.id = i.meeting_id"

static DocketReminderEntry *
read_entry (DocketStmt *stmt)
{
  DocketReminderEntry *e = g_new0 (DocketReminderEntry, 1);

  e->log_id = _docket_stmt_get_id (stmt, 0);
  e->unit_id = _docket_stmt_get_id (stmt, 1);
  e->kind = _docket_stmt_dup_text (stmt, 2);
  e->day = _docket_stmt_get_date (stmt, 3);
  e->claimed_at = _docket_stmt_get_int (stmt, 4);
  e->delivered_at = _docket_stmt_get_int (stmt, 5);
  e->snoozed_until = _docket_stmt_get_int (stmt, 6);
  e->candidate = read_candidate (stmt, 7);
  return e;
}

static GPtrArray *
collect_entries (DocketStore *self,
                 DocketStmt  *stmt,
                 GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  gboolean row = FALSE;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_reminder_entry_free);
  while (_docket_store_step (self, stmt, &row, error))
    {
      if (!row)
        return g_steal_pointer (&rows);
      g_ptr_array_add (rows, read_entry (stmt));
    }
  return NULL;
}

/**
 * docket_store_list_reminders:
 * @which: pending or snoozed reminders
 * @limit: at most this many; 0 for no limit
 *
 * Lists logged reminders for the in-app reminders list, newest day first, leaving
 * out those whose item was completed or cancelled since.
 *
 * Returns: (transfer container) (element-type DocketReminderEntry): the
 *   reminders, or %NULL with @error set
 */
GPtrArray *
docket_store_list_reminders (DocketStore        *self,
                             DocketReminderList  which,
                             guint               limit,
                             GError            **error)
{
  g_autoptr(DocketStmt) stmt = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);

  if (which == DOCKET_REMINDER_LIST_SNOOZED)
    /* reminder_log_snoozed is a partial index of exactly these rows. */
    stmt = _docket_store_prepare (self,
                                  "SELECT " ENTRY_COLUMNS ENTRY_FROM
                                  " WHERE r.snoozed_until IS NOT NULL AND r.dismissed = 0"
                                  " AND i.state NOT IN (2, 4)"
                                  " ORDER BY r.snoozed_until, r.id LIMIT ?",
                                  error);
  else
    stmt = _docket_store_prepare (self,
                                  "SELECT " ENTRY_COLUMNS ENTRY_FROM
                                  " WHERE r.delivered_at IS NULL AND r.dismissed = 0"
                                  " AND r.snoozed_until IS NULL AND i.state NOT IN (2, 4)"
                                  " ORDER BY r.day DESC, r.id DESC LIMIT ?",
                                  error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_int (stmt, 1, limit > 0 ? (gint64) limit : -1);
  return collect_entries (self, stmt, error);
}

typedef struct
{
  gint64     now;
  GPtrArray *entries;
} TakeOp;

static gboolean
take_snoozed_cb (DocketStore *self,
                 gpointer     data,
                 GError     **error)
{
  TakeOp *op = data;
  g_autoptr(DocketStmt) select = NULL;
  g_autoptr(DocketStmt) update = NULL;

  /* Inside BEGIN IMMEDIATE no other process can take the same rows between the
   * SELECT and the UPDATE. */
  select = _docket_store_prepare (self,
                                  "SELECT " ENTRY_COLUMNS ENTRY_FROM
                                  " WHERE r.snoozed_until IS NOT NULL AND r.snoozed_until <= ?"
                                  " AND r.dismissed = 0 ORDER BY r.snoozed_until, r.id",
                                  error);
  if (select == NULL)
    return FALSE;
  _docket_stmt_bind_int (select, 1, op->now);
  op->entries = collect_entries (self, select, error);
  if (op->entries == NULL)
    return FALSE;
  if (op->entries->len == 0)
    return TRUE;

  update = _docket_store_prepare (self,
                                  "UPDATE reminder_log SET snoozed_until = NULL"
                                  " WHERE snoozed_until IS NOT NULL AND snoozed_until <= ?"
                                  " AND dismissed = 0",
                                  error);
  if (update == NULL)
    return FALSE;
  _docket_stmt_bind_int (update, 1, op->now);
  if (!_docket_store_step_done (self, update, error))
    return FALSE;
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_REMINDERS);
  return TRUE;
}

/**
 * docket_store_take_snoozed_reminders:
 * @now: UTC unix seconds
 *
 * Takes the snoozed reminders whose time has come: they become pending again
 * (not delivered) and are returned to this caller only, to deliver them and then
 * call docket_store_mark_reminders_delivered().  Another process taking them at the
 * same time gets none of them.
 *
 * Returns: (transfer container) (element-type DocketReminderEntry): the reminders
 *   taken (their item may have been completed since: check its state), or %NULL
 *   with @error set
 */
GPtrArray *
docket_store_take_snoozed_reminders (DocketStore  *self,
                                     gint64        now,
                                     GError      **error)
{
  TakeOp op = { now, NULL };

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);

  if (!_docket_store_write (self, take_snoozed_cb, &op, error))
    {
      g_clear_pointer (&op.entries, g_ptr_array_unref);
      return NULL;
    }
  return op.entries;
}

/**
 * docket_store_get_next_snooze:
 * @out_until: (out): the earliest time a snoozed reminder comes back, or 0 when none
 *   is snoozed
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
docket_store_get_next_snooze (DocketStore  *self,
                              gint64       *out_until,
                              GError      **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_until != NULL, FALSE);

  *out_until = 0;
  stmt = _docket_store_prepare (self,
                                "SELECT min (snoozed_until) FROM reminder_log"
                                " WHERE snoozed_until IS NOT NULL AND dismissed = 0",
                                error);
  if (stmt == NULL || !_docket_store_step (self, stmt, &row, error))
    return FALSE;
  if (row)
    *out_until = _docket_stmt_get_int (stmt, 0);
  return TRUE;
}
