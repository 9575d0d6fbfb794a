/* docket-store-items.h: directive items, their workflow and their paged lists
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-store.h"

G_BEGIN_DECLS

/* Limits of what a person types, in characters.  A longer text is refused with a
 * message rather than stored, so no list, notice or report has to cope with it. */
#define DOCKET_ITEM_CONTENT_MAX_CHARS  4000
#define DOCKET_ITEM_REASON_MAX_CHARS   2000
#define DOCKET_ITEM_PROGRESS_MAX_CHARS 4000
#define DOCKET_ITEM_DOCUMENT_MAX_CHARS 200
#define DOCKET_EVIDENCE_MAX_BYTES      (50 * 1024 * 1024)

/**
 * DocketEvidenceFile:
 * @file_name: the name shown (no folder)
 * @mime_type: (nullable): its type, or %NULL for application/octet-stream
 * @content: the bytes, stored in the database so one backup holds everything
 *
 * An evidence file given with a progress report or a done report.
 */
typedef struct
{
  const char *file_name;
  const char *mime_type;
  GBytes     *content;
} DocketEvidenceFile;

/* Adding and editing.  In @item: content, meeting_id, conclusion_id (optional, must
 * belong to the meeting), lead_unit_id, coordinating_unit_ids, deadline (a date,
 * DOCKET_DATE_NONE for none) or deadline_working_days > 0 (then the deadline is
 * computed from the meeting's notice date), starred, assigned_on (NONE: the meeting's
 * date).  Workflow fields are ignored: use the workflow calls. */
DocketId    docket_store_add_item          (DocketStore      *self,
                                            const DocketItem *item,
                                            GError          **error);
DocketId    docket_store_add_finished_item (DocketStore      *self,
                                            const DocketItem *item,
                                            DocketItemState   state,
                                            DocketDate        completed_on,
                                            const char       *reason,
                                            GError          **error);
gboolean    docket_store_update_item       (DocketStore      *self,
                                            const DocketItem *item,
                                            GError          **error);
DocketItem *docket_store_get_item          (DocketStore      *self,
                                            DocketId          item_id,
                                            GError          **error);
GPtrArray  *docket_store_list_meeting_items (DocketStore     *self,
                                            DocketId          meeting_id,
                                            GError          **error);

/* The workflow.  Each call is one transaction with its audit row; a refusal
 * (DOCKET_STORE_ERROR_INVALID, _CONFLICT, _NOT_FOUND) changes nothing. */
DocketId    docket_store_add_progress      (DocketStore              *self,
                                            DocketId                  item_id,
                                            DocketDate                reported_on,
                                            const char               *text,
                                            int                       percent,
                                            const DocketEvidenceFile *files,
                                            guint                     n_files,
                                            GError                  **error);
gboolean    docket_store_report_item_done  (DocketStore              *self,
                                            DocketId                  item_id,
                                            DocketDate                completed_on,
                                            const char               *note,
                                            const DocketEvidenceFile *files,
                                            guint                     n_files,
                                            GError                  **error);
gboolean    docket_store_confirm_item      (DocketStore  *self,
                                            DocketId      item_id,
                                            GError      **error);
gboolean    docket_store_return_item       (DocketStore  *self,
                                            DocketId      item_id,
                                            const char   *reason,
                                            GError      **error);
DocketId    docket_store_request_extension (DocketStore  *self,
                                            DocketId      item_id,
                                            DocketDate    requested_on,
                                            DocketDate    new_deadline,
                                            const char   *reason,
                                            GError      **error);
gboolean    docket_store_approve_extension (DocketStore  *self,
                                            DocketId      extension_id,
                                            DocketDate    decided_on,
                                            const char   *decision_document,
                                            GError      **error);
gboolean    docket_store_reject_extension  (DocketStore  *self,
                                            DocketId      extension_id,
                                            DocketDate    decided_on,
                                            const char   *reason,
                                            GError      **error);
gboolean    docket_store_cancel_item       (DocketStore  *self,
                                            DocketId      item_id,
                                            const char   *reason,
                                            GError      **error);
gboolean    docket_store_reopen_item       (DocketStore  *self,
                                            DocketId      item_id,
                                            const char   *reason,
                                            GError      **error);
gboolean    docket_store_set_item_starred  (DocketStore  *self,
                                            DocketId      item_id,
                                            gboolean      starred,
                                            GError      **error);

/* Reading the history of one item. */
GPtrArray  *docket_store_list_progress     (DocketStore  *self,
                                            DocketId      item_id,
                                            GError      **error);
GPtrArray  *docket_store_list_extensions   (DocketStore  *self,
                                            DocketId      item_id,
                                            GError      **error);
GPtrArray  *docket_store_list_evidence     (DocketStore  *self,
                                            DocketId      progress_id,
                                            GError      **error);
GBytes     *docket_store_dup_evidence_content (DocketStore *self,
                                               DocketId     attachment_id,
                                               GError     **error);

/**
 * DocketTimelineKind:
 *
 * What happened to an item, as its page lists it.
 */
typedef enum
{
  DOCKET_TIMELINE_CREATED,
  DOCKET_TIMELINE_EDITED,
  DOCKET_TIMELINE_PROGRESS,
  DOCKET_TIMELINE_REPORTED_DONE,
  DOCKET_TIMELINE_CONFIRMED,
  DOCKET_TIMELINE_RETURNED,
  DOCKET_TIMELINE_EXTENSION_REQUESTED,
  DOCKET_TIMELINE_EXTENSION_APPROVED,
  DOCKET_TIMELINE_EXTENSION_REJECTED,
  DOCKET_TIMELINE_CANCELLED,
  DOCKET_TIMELINE_REOPENED,
  DOCKET_TIMELINE_STARRED,
  DOCKET_TIMELINE_UNSTARRED,
} DocketTimelineKind;

/**
 * DocketTimelineEntry:
 * @kind: what happened
 * @at: when it was recorded, UTC unix seconds
 * @actor: who recorded it
 * @day: the day it concerns (reported on, completed on, new deadline), or NONE
 * @text: the progress text, the note or the reason, or %NULL
 * @percent: the progress percentage, or -1
 * @document: the approving document number, or %NULL
 * @record_id: the progress report or extension it concerns, or 0
 *
 * One line of an item's timeline, from the audit log.
 */
typedef struct
{
  DocketTimelineKind kind;
  gint64             at;
  char              *actor;
  DocketDate         day;
  char              *text;
  int                percent;
  char              *document;
  DocketId           record_id;
} DocketTimelineEntry;

void        docket_timeline_entry_free     (DocketTimelineEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketTimelineEntry, docket_timeline_entry_free)

GPtrArray  *docket_store_list_item_timeline (DocketStore *self,
                                             DocketId     item_id,
                                             GError     **error);

/* Paged lists. */

/**
 * DocketItemView:
 *
 * The views of the items area; each but AWAITING and STARRED is exactly a set of
 * buckets of docket_item_bucket() on the query's @today.
 */
typedef enum
{
  DOCKET_ITEM_VIEW_ALL,          /* everything but cancelled */
  DOCKET_ITEM_VIEW_OVERDUE,      /* DOCKET_BUCKET_OVERDUE */
  DOCKET_ITEM_VIEW_DUE_SOON,     /* DOCKET_BUCKET_IN_PROGRESS with deadline ≤ due_soon_until */
  DOCKET_ITEM_VIEW_IN_PROGRESS,  /* DOCKET_BUCKET_IN_PROGRESS */
  DOCKET_ITEM_VIEW_AWAITING,     /* reported done, awaiting confirmation */
  DOCKET_ITEM_VIEW_COMPLETED,    /* the three completed buckets */
  DOCKET_ITEM_VIEW_NO_DEADLINE,  /* DOCKET_BUCKET_NO_DEADLINE */
  DOCKET_ITEM_VIEW_CANCELLED,    /* DOCKET_BUCKET_CANCELLED */
  DOCKET_ITEM_VIEW_STARRED,      /* starred, not cancelled */
  DOCKET_ITEM_N_VIEWS,
} DocketItemView;

typedef enum
{
  DOCKET_ITEM_SORT_DEADLINE,     /* deadline in force, no deadline last (= days left) */
  DOCKET_ITEM_SORT_LEAD_UNIT,    /* lead unit name, folded */
  DOCKET_ITEM_SORT_MEETING_DATE,
  DOCKET_ITEM_SORT_STATUS,       /* workflow state, then deadline */
  DOCKET_ITEM_SORT_CREATED,
  DOCKET_ITEM_SORT_CONTENT,      /* folded content (its first 48 characters) */
  DOCKET_ITEM_N_SORTS,
} DocketItemSort;

/**
 * DocketItemCompletion:
 * @DOCKET_ITEM_COMPLETION_ANY: no filter
 * @DOCKET_ITEM_COMPLETION_ON_TIME: completed items only those completed on or before
 *   their deadline (or without one)
 * @DOCKET_ITEM_COMPLETION_LATE: completed items only those completed after it
 *
 * The split of the period report's completed figure (the items of other states are
 * not affected).
 */
typedef enum
{
  DOCKET_ITEM_COMPLETION_ANY,
  DOCKET_ITEM_COMPLETION_ON_TIME,
  DOCKET_ITEM_COMPLETION_LATE,
} DocketItemCompletion;

/**
 * DocketItemQuery:
 * @view: which items (see #DocketItemView)
 * @today: the day statuses are taken on; required
 * @due_soon_until: the last day that is "due soon" for %DOCKET_ITEM_VIEW_DUE_SOON
 *   (docket_store_due_soon_until())
 * @unit_ids: (array length=n_units): only items of these units, or none for all
 * @include_coordinating: match the units as lead or coordinating units
 * @meeting_id: only the items of this meeting, or 0
 * @deadline_from: only deadlines on or after this day, or NONE
 * @deadline_to: only deadlines on or before this day, or NONE
 * @starred_only: only starred items (on top of @view)
 * @text: only items whose content contains this text, folded, or %NULL
 * @period_from: with @period_to, only the items a period report for
 *   [@period_from, @period_to] counts (docket_report_item_counts()); NONE for an
 *   open start
 * @period_to: the end of that period, or NONE for an open end
 * @completion: among completed items, only those on time or only those late
 * @sort: the order, with the item id as the last key
 * @descending: reverse the order
 *
 * A filter and an order over items.  Plain data: the caller owns the arrays.
 */
typedef struct
{
  DocketItemView  view;
  DocketDate      today;
  DocketDate      due_soon_until;
  const DocketId *unit_ids;
  guint           n_units;
  gboolean        include_coordinating;
  DocketId        meeting_id;
  DocketDate      deadline_from;
  DocketDate      deadline_to;
  gboolean        starred_only;
  const char     *text;
  DocketDate      period_from;
  DocketDate      period_to;
  DocketItemCompletion completion;
  DocketItemSort  sort;
  gboolean        descending;
} DocketItemQuery;

void        docket_item_query_init         (DocketItemQuery *query,
                                            DocketDate       today);
DocketDate  docket_store_due_soon_until    (DocketCalendar  *calendar,
                                            DocketDate       today,
                                            guint            due_soon_working_days);

/**
 * DocketItemRow:
 * @item: the item (coordinating units not filled in lists)
 * @lead_unit_name: the lead unit's name
 * @meeting_title: (nullable): the meeting's title
 * @meeting_date: the meeting's date, or NONE
 * @coordinating_names: the coordinating units as one line, "Phòng Tư pháp, VP" (as
 *   docket_store_dup_coordinating_names() gives them), "" when there are none
 *
 * A row of the items list: the item with what the list shows beside it.  A page's
 * rows and their coordinating units are read with one query each.
 */
typedef struct
{
  DocketItem *item;
  char       *lead_unit_name;
  char       *meeting_title;
  DocketDate  meeting_date;
  char       *coordinating_names;
} DocketItemRow;

void        docket_item_row_free           (DocketItemRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketItemRow, docket_item_row_free)

/* Where a keyset page ends: opaque, copy it to keep it. */
typedef struct _DocketItemCursor DocketItemCursor;

DocketItemCursor *docket_item_cursor_copy  (const DocketItemCursor *cursor);
void              docket_item_cursor_free  (DocketItemCursor *cursor);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketItemCursor, docket_item_cursor_free)

GPtrArray  *docket_store_list_items        (DocketStore            *self,
                                            const DocketItemQuery  *query,
                                            const DocketItemCursor *after,
                                            guint                   limit,
                                            DocketItemCursor      **out_next,
                                            GError                **error);
GPtrArray  *docket_store_list_items_at     (DocketStore            *self,
                                            const DocketItemQuery  *query,
                                            guint                   offset,
                                            guint                   limit,
                                            GError                **error);
gboolean    docket_store_count_items       (DocketStore            *self,
                                            const DocketItemQuery  *query,
                                            guint                  *out_count,
                                            GError                **error);
gboolean    docket_store_count_items_by_view (DocketStore           *self,
                                              const DocketItemQuery *query,
                                              guint                  counts[DOCKET_ITEM_N_VIEWS],
                                              GError               **error);

G_END_DECLS
