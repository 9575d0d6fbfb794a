/* docket-store-search.h: full-text search over meetings, minutes, conclusions, items
 * and progress reports
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-store.h"

G_BEGIN_DECLS

/**
 * DocketSearchKind:
 * @DOCKET_SEARCH_KIND_MEETING: a meeting's title or location
 * @DOCKET_SEARCH_KIND_MINUTES: a section of a meeting's minutes
 * @DOCKET_SEARCH_KIND_CONCLUSION: one of the chair's conclusions
 * @DOCKET_SEARCH_KIND_ITEM: a directive item
 * @DOCKET_SEARCH_KIND_PROGRESS: a progress report of an item
 *
 * What a search result is.  The values are stored in the index (the high byte of its
 * rowids since schema version 7): never renumber them.
 */
typedef enum
{
  DOCKET_SEARCH_KIND_MEETING = 0,
  DOCKET_SEARCH_KIND_MINUTES = 1,
  DOCKET_SEARCH_KIND_CONCLUSION = 2,
  DOCKET_SEARCH_KIND_ITEM = 3,
  DOCKET_SEARCH_KIND_PROGRESS = 4,
} DocketSearchKind;

#define DOCKET_SEARCH_N_KINDS 5
/* A set of kinds for DocketSearchQuery.kinds. */
#define DOCKET_SEARCH_KIND_FLAG(kind) (1u << (kind))

/* The most results a search returns, and the default. */
#define DOCKET_SEARCH_MAX_LIMIT     500
#define DOCKET_SEARCH_DEFAULT_LIMIT 50

/**
 * DocketSearchQuery:
 * @text: what the person typed, as typed: any text is safe
 * @kinds: DOCKET_SEARCH_KIND_FLAG()s to keep, 0 for all
 * @unit_id: keep the records of this unit, 0 for any (items it leads or coordinates
 *   and their progress reports; meetings, minutes and conclusions of meetings it
 *   was invited to)
 * @meeting_id: keep the records of this meeting, 0 for any
 * @from: keep records of this day or later (the meeting's day; an item's assigned
 *   day; a report's day), %DOCKET_DATE_NONE for no bound
 * @to: … and of this day or earlier
 * @limit: the most results, 0 for %DOCKET_SEARCH_DEFAULT_LIMIT
 *
 * Initialise with `DocketSearchQuery query = { .text = … };`.
 */
typedef struct
{
  const char *text;
  guint       kinds;
  DocketId    unit_id;
  DocketId    meeting_id;
  DocketDate  from;
  DocketDate  to;
  guint       limit;
} DocketSearchQuery;

/**
 * DocketSearchResult:
 * @kind: what was found
 * @record_id: the id of the record in its own table (meeting, section, conclusion,
 *   item or progress report)
 * @meeting_id: the meeting to open, 0 when the record has none (an item added
 *   without a meeting)
 * @item_id: the item to open for items and progress reports, else 0
 * @date: the record's day (see DocketSearchQuery.from), or %DOCKET_DATE_NONE
 * @title: the meeting's title (meetings, minutes, conclusions) or the item's content
 *   (items, progress reports)
 * @snippet: the text around the match, one line, with each matched word between
 *   U+E000 and U+E001; show it with docket_search_result_dup_snippet_markup() or
 *   docket_search_result_dup_snippet()
 * @exact: the text holds the diacritics typed in the query (a folded-only match
 *   is %FALSE; so is every match of a query typed without diacritics)
 */
typedef struct
{
  DocketSearchKind kind;
  DocketId         record_id;
  DocketId         meeting_id;
  DocketId         item_id;
  DocketDate       date;
  char            *title;
  char            *snippet;
  gboolean         exact;
} DocketSearchResult;

#define DOCKET_SEARCH_MARK_OPEN  "\xee\x80\x80" /* U+E000 */
#define DOCKET_SEARCH_MARK_CLOSE "\xee\x80\x81" /* U+E001 */

void        docket_search_result_free            (DocketSearchResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketSearchResult, docket_search_result_free)

char       *docket_search_result_dup_snippet_markup (const DocketSearchResult *result);
char       *docket_search_result_dup_snippet     (const DocketSearchResult *result,
                                                  const char               *open,
                                                  const char               *close);

const char *docket_search_kind_to_string         (DocketSearchKind  kind);
gboolean    docket_search_kind_from_string       (const char       *text,
                                                  DocketSearchKind *out_kind);
const char *docket_search_kind_get_title         (DocketSearchKind  kind);

GPtrArray  *docket_store_search                  (DocketStore             *self,
                                                  const DocketSearchQuery *query,
                                                  GError                 **error);
gboolean    docket_store_rebuild_search_index    (DocketStore *self,
                                                  GError     **error);

G_END_DECLS
