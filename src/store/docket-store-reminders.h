/* docket-store-reminders.h: reminder candidates and the reminder log
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-store.h"

G_BEGIN_DECLS

/**
 * DocketReminderCandidate:
 * @item: the item (id, meeting_id, content, lead_unit_id, deadline, state,
 *   completed_on are filled)
 * @unit_name: the lead unit's name
 * @unit_email: (nullable): the lead unit's contact address
 * @meeting_title: (nullable): the meeting the item comes from
 *
 * An item whose reminder could be due, with what a notification about it says.
 */
typedef struct
{
  DocketItem *item;
  char       *unit_name;
  char       *unit_email;
  char       *meeting_title;
} DocketReminderCandidate;

DocketReminderCandidate *docket_reminder_candidate_copy (const DocketReminderCandidate *candidate);
void                     docket_reminder_candidate_free (DocketReminderCandidate *candidate);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketReminderCandidate, docket_reminder_candidate_free)

GPtrArray *docket_store_list_reminder_candidates (DocketStore    *self,
                                                  DocketDate      deadline_before,
                                                  const DocketId *unit_ids,
                                                  guint           n_unit_ids,
                                                  GError        **error);

/**
 * DocketReminderClaim:
 * @item_id: (in): the item
 * @unit_id: (in): its lead unit
 * @kind: (in): the kind's name in the log ("before-3", "overdue", …)
 * @day: (in): the working day the reminder belongs to
 * @log_id: (out): the log row, when @claimed
 * @claimed: (out): whether this call claimed it (nobody had before)
 *
 * One reminder to claim; (item, unit, kind, day) is its unique key.
 */
typedef struct
{
  DocketId    item_id;
  DocketId    unit_id;
  const char *kind;
  DocketDate  day;
  DocketId    log_id;
  gboolean    claimed;
} DocketReminderClaim;

gboolean   docket_store_claim_reminders      (DocketStore         *self,
                                              DocketReminderClaim *claims,
                                              guint                n_claims,
                                              const char          *claimed_by,
                                              GError             **error);
gboolean   docket_store_is_reminder_logged   (DocketStore  *self,
                                              DocketId      item_id,
                                              DocketId      unit_id,
                                              const char   *kind,
                                              DocketDate    from_day,
                                              DocketDate    to_day,
                                              gboolean     *out_logged,
                                              GError      **error);
/**
 * DocketReminderLookup:
 * @item_id: (in): the item
 * @unit_id: (in): its lead unit
 * @kind: (in): the kind's name in the log
 * @from_day: (in): the first day to look at
 * @to_day: (in): the last day to look at
 * @latest: (out): the latest day in [@from_day, @to_day] for which a reminder with
 *   this item, unit and kind was logged, or %DOCKET_DATE_NONE
 */
typedef struct
{
  DocketId    item_id;
  DocketId    unit_id;
  const char *kind;
  DocketDate  from_day;
  DocketDate  to_day;
  DocketDate  latest;
} DocketReminderLookup;

gboolean   docket_store_lookup_reminders     (DocketStore          *self,
                                              DocketReminderLookup *lookups,
                                              guint                 n_lookups,
                                              GError              **error);
gboolean   docket_store_mark_reminders_delivered (DocketStore    *self,
                                                  const DocketId *log_ids,
                                                  guint           n_log_ids,
                                                  gint64          delivered_at,
                                                  GError        **error);
gboolean   docket_store_snooze_reminder      (DocketStore  *self,
                                              DocketId      log_id,
                                              gint64        until,
                                              GError      **error);
gboolean   docket_store_dismiss_reminder     (DocketStore  *self,
                                              DocketId      log_id,
                                              GError      **error);

/**
 * DocketReminderEntry:
 * @log_id: the row of the reminder log
 * @unit_id: the item's lead unit
 * @kind: the kind's name ("overdue", …)
 * @day: the working day it belongs to
 * @claimed_at: when it was claimed, UTC unix seconds
 * @delivered_at: when a notification showed it, or 0
 * @snoozed_until: when it comes back, or 0
 * @candidate: the item, its unit and its meeting
 *
 * A logged reminder, as the in-app reminders list shows it.
 */
typedef struct
{
  DocketId                 log_id;
  DocketId                 unit_id;
  char                    *kind;
  DocketDate               day;
  gint64                   claimed_at;
  gint64                   delivered_at;
  gint64                   snoozed_until;
  DocketReminderCandidate *candidate;
} DocketReminderEntry;

void docket_reminder_entry_free (DocketReminderEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketReminderEntry, docket_reminder_entry_free)

/**
 * DocketReminderList:
 * @DOCKET_REMINDER_LIST_PENDING: logged, not shown by a notification (no server,
 *   or back from a snooze and not shown yet), not dismissed
 * @DOCKET_REMINDER_LIST_SNOOZED: snoozed until a later time
 */
typedef enum
{
  DOCKET_REMINDER_LIST_PENDING,
  DOCKET_REMINDER_LIST_SNOOZED,
} DocketReminderList;

GPtrArray *docket_store_list_reminders       (DocketStore        *self,
                                              DocketReminderList  which,
                                              guint               limit,
                                              GError            **error);
GPtrArray *docket_store_take_snoozed_reminders (DocketStore  *self,
                                                gint64        now,
                                                GError      **error);
gboolean   docket_store_get_next_snooze      (DocketStore  *self,
                                              gint64       *out_until,
                                              GError      **error);

G_END_DECLS
