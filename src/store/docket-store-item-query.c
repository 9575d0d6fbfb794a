/* docket-store-item-query.c: paged, filtered and sorted lists of items
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page is read in two steps: a query over the list index of the chosen order
 * (schema v2, docket-store-schema.c) returns the ids and sort keys of the page — the
 * index holds every column the filters test, so this step never reads the table — and
 * then the page's rows are fetched by id, all in one query, and their coordinating
 * units in one more.  The SQL text is put together from
 * the constant fragments below, chosen by the query's enums (the allow-list of orders
 * and views); every value is bound.  Each distinct text is prepared once and cached by
 * the store.
 *
 * The view predicates are docket_item_bucket() written in SQL, for the query's day T
 * (`:today`), with D the deadline in force and no deadline as '9999-12-31':
 *
 *   cancelled      state = 4
 *   completed      state = 2 AND completed_on <= T          (docket_item_is_completed)
 *   not completed  state <> 4 AND NOT completed
 *   overdue        not completed AND D < T
 *   in progress    not completed AND T <= D < '9999-12-31'
 *   no deadline    not completed AND D >= '9999-12-31' (a range, so the index order holds)
 *
 * tests/test-store-query.c checks each view against docket_item_bucket() on a fixture
 * covering every boundary.
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "docket-store-items-private.h"
#include "docket-store-private.h"

#define DUE "ifnull (deadline, '9999-12-31')"
#define MAX_LISTED_UNITS 8
#define NO_DUE "'9999-12-31'"

/* The view predicates, with @S for the state column and @D for the deadline key.
 * Written without OR, which would make SQLite answer with several index searches and
 * a sort instead of walking the list index of the order. */
#define NOT_COMPLETED \
  "@S <> 4 AND NOT (@S = 2 AND completed_on IS NOT NULL AND completed_on <= :today)"

static const char * const view_predicates[DOCKET_ITEM_N_VIEWS] = {
  [DOCKET_ITEM_VIEW_ALL]         = "@S <> 4",
  [DOCKET_ITEM_VIEW_OVERDUE]     = "@D < :today AND " NOT_COMPLETED,
  [DOCKET_ITEM_VIEW_DUE_SOON]    = "@D BETWEEN :today AND :until AND " NOT_COMPLETED,
  [DOCKET_ITEM_VIEW_IN_PROGRESS] = "@D >= :today AND @D < " NO_DUE " AND " NOT_COMPLETED,
  [DOCKET_ITEM_VIEW_AWAITING]    = "@S = 1",
  [DOCKET_ITEM_VIEW_COMPLETED]   = "@S = 2 AND completed_on <= :today",
  [DOCKET_ITEM_VIEW_NO_DEADLINE] = "@D >= " NO_DUE " AND " NOT_COMPLETED,
  [DOCKET_ITEM_VIEW_CANCELLED]   = "@S = 4",
  [DOCKET_ITEM_VIEW_STARRED]     = "+starred = 1 AND @S <> 4",
};

/* A filter term may lead SQLite to an index only when that index is the list index
 * of the order (state for the status order, the deadline key for the deadline
 * order); anywhere else SQLite would search the filter's index and sort every match
 * (600,000 completed items by lead unit took 1.1 s), so the term gets a unary +,
 * which SQLite does not use to pick an index: the order's list index is walked and
 * the term tested in the index entry.  Due soon is the exception: its few days of
 * deadlines are a small range, found by the deadline key and sorted cheaply.
 * Counts (@for_count) let SQLite use any index. */
static char *
view_predicate (DocketItemView view,
                DocketItemSort sort,
                gboolean       for_count)
{
  GString *text = g_string_new (view_predicates[view]);
  gboolean state_key = for_count || sort == DOCKET_ITEM_SORT_STATUS;
  /* The status order is read one state at a time (see status_page_sql()), each state
   * by the deadline key: there a deadline range is a range of the index. */
  gboolean due_key = for_count || sort == DOCKET_ITEM_SORT_DEADLINE ||
                     sort == DOCKET_ITEM_SORT_STATUS || view == DOCKET_ITEM_VIEW_DUE_SOON;

  g_string_replace (text, "@S", state_key ? "state" : "+state", 0);
  g_string_replace (text, "@D", due_key ? DUE : "+" DUE, 0);
  return g_string_free (text, FALSE);
}

/* The orders: up to two key expressions, then id.  Each is the leading part of a list
 * index of schema v2. */
typedef struct
{
  const char *keys[2];
  gboolean    is_int[2];
  guint       n_keys;
} SortSpec;

static const SortSpec sort_specs[DOCKET_ITEM_N_SORTS] = {
  [DOCKET_ITEM_SORT_DEADLINE]     = { { DUE, NULL }, { FALSE, FALSE }, 1 },
  [DOCKET_ITEM_SORT_LEAD_UNIT]    = { { "lead_unit_folded", NULL }, { FALSE, FALSE }, 1 },
  [DOCKET_ITEM_SORT_MEETING_DATE] = { { "ifnull (meeting_date, '')", NULL }, { FALSE, FALSE }, 1 },
  [DOCKET_ITEM_SORT_STATUS]       = { { "state", DUE }, { TRUE, FALSE }, 2 },
  [DOCKET_ITEM_SORT_CREATED]      = { { "created_at", NULL }, { TRUE, FALSE }, 1 },
  [DOCKET_ITEM_SORT_CONTENT]      = { { "substr (content_folded, 1, 48)", NULL },
                                      { FALSE, FALSE }, 1 },
};

struct _DocketItemCursor
{
  DocketItemSort sort;
  gboolean       descending;
  char          *key_text[2];
  gint64         key_int[2];
  DocketId       id;
};

DocketItemCursor *
docket_item_cursor_copy (const DocketItemCursor *cursor)
{
  DocketItemCursor *copy;

  g_return_val_if_fail (cursor != NULL, NULL);

  copy = g_memdup2 (cursor, sizeof *cursor);
  copy->key_text[0] = g_strdup (cursor->key_text[0]);
  copy->key_text[1] = g_strdup (cursor->key_text[1]);
  return copy;
}

void
docket_item_cursor_free (DocketItemCursor *cursor)
{
  if (cursor == NULL)
    return;
  g_free (cursor->key_text[0]);
  g_free (cursor->key_text[1]);
  g_free (cursor);
}

void
docket_item_row_free (DocketItemRow *row)
{
  if (row == NULL)
    return;
  docket_item_free (row->item);
  g_free (row->lead_unit_name);
  g_free (row->meeting_title);
  g_free (row->coordinating_names);
  g_free (row);
}

/**
 * docket_item_query_init:
 * @query: a query to fill
 * @today: the day statuses are taken on
 *
 * Sets @query to all items not cancelled, by deadline, with due soon meaning the
 * deadline day only (set @due_soon_until with docket_store_due_soon_until()).
 */
void
docket_item_query_init (DocketItemQuery *query,
                        DocketDate       today)
{
  g_return_if_fail (query != NULL);

  memset (query, 0, sizeof *query);
  query->view = DOCKET_ITEM_VIEW_ALL;
  query->today = today;
  query->due_soon_until = today;
  query->sort = DOCKET_ITEM_SORT_DEADLINE;
}

/**
 * docket_store_due_soon_until:
 * @calendar: the working-day calendar
 * @today: the day
 * @due_soon_working_days: the threshold, usually %DOCKET_DUE_SOON_WORKING_DAYS
 *
 * The last deadline that is "due soon" on @today: docket_item_is_due_soon() holds for
 * an item in progress exactly when its deadline is between @today and this day.
 *
 * Returns: the day before the (@due_soon_working_days + 1)th working day after @today
 */
DocketDate
docket_store_due_soon_until (DocketCalendar *calendar,
                             DocketDate      today,
                             guint           due_soon_working_days)
{
  g_return_val_if_fail (calendar != NULL, today);

  return docket_date_add_days (docket_calendar_add_working_days (calendar, today,
                                                                 (int) due_soon_working_days + 1),
                               -1);
}

/* Building the SQL. */

static void
append_filters (GString               *sql,
                const DocketItemQuery *query,
                gboolean               with_view,
                gboolean               for_count)
{
  const char *due = for_count || query->sort == DOCKET_ITEM_SORT_DEADLINE ||
                    query->sort == DOCKET_ITEM_SORT_STATUS ? DUE : "+" DUE;

  g_string_append (sql, " WHERE 1");
  if (with_view)
    {
      g_autofree char *predicate = view_predicate (query->view, query->sort, for_count);
      g_string_append_printf (sql, " AND %s", predicate);
    }
  /* One lead unit: the per-unit list indexes, in order.  Several units, or
   * coordinating units too: walk the list index of the order and test the units in
   * the index entry (the unary + stops SQLite from searching each unit and sorting
   * the union, which costs a sort of all their items on every page). */
  if (query->n_units == 1 && !query->include_coordinating)
    g_string_append (sql, " AND lead_unit_id = :unit");
  else if (query->n_units > 0)
    {
      /* A few units are a list of bound values, which SQLite tests entry by entry
       * with a few comparisons; more are a JSON array, which it looks up in a
       * temporary index built once (dearer per entry walked). */
      g_autoptr(GString) units = g_string_new (NULL);

      if (query->n_units <= MAX_LISTED_UNITS)
        for (guint i = 0; i < query->n_units; i++)
          g_string_append_printf (units, "%s:u%u", i ? ", " : "", i);
      else
        g_string_append (units, "SELECT value FROM json_each (:units)");
      if (!query->include_coordinating)
        g_string_append_printf (sql, " AND +lead_unit_id IN (%s)", units->str);
      else
        g_string_append_printf (sql, " AND (+lead_unit_id IN (%s) "
                                     "OR id IN (SELECT item_id FROM item_coordinating_units "
                                     "WHERE unit_id IN (%s)))", units->str, units->str);
    }
  if (query->meeting_id != 0)
    g_string_append (sql, " AND meeting_id = :meeting");
  if (query->deadline_from != DOCKET_DATE_NONE)
    g_string_append_printf (sql, " AND %s >= :dfrom AND %s < " NO_DUE, due, due);
  if (query->deadline_to != DOCKET_DATE_NONE)
    g_string_append_printf (sql, " AND %s <= :dto", due);
  if (query->starred_only)
    g_string_append (sql, " AND +starred = 1");
  if (query->text != NULL && *query->text != '\0')
    g_string_append (sql, " AND content_folded LIKE :text ESCAPE '\\'");
  /* The membership rule of the period report (docket_report_item_counts ()), so a
   * figure of the dashboard opens exactly its items. */
  if (query->period_to != DOCKET_DATE_NONE)
    g_string_append (sql, " AND (assigned_on IS NULL OR assigned_on <= :pto)");
  if (query->period_from != DOCKET_DATE_NONE)
    g_string_append (sql, " AND NOT (+state = 2 AND completed_on IS NOT NULL AND "
                          "completed_on < :pfrom)");
  /* On time: completed on or before the deadline in force, or without one. */
  if (query->completion == DOCKET_ITEM_COMPLETION_ON_TIME)
    g_string_append (sql, " AND NOT (+state = 2 AND ifnull (completed_on > deadline, 0))");
  else if (query->completion == DOCKET_ITEM_COMPLETION_LATE)
    g_string_append (sql, " AND NOT (+state = 2 AND NOT ifnull (completed_on > deadline, 0))");
}

static void
append_order (GString               *sql,
              const DocketItemQuery *query)
{
  const SortSpec *spec = &sort_specs[query->sort];
  const char *dir = query->descending ? " DESC" : "";

  g_string_append (sql, " ORDER BY ");
  for (guint i = 0; i < spec->n_keys; i++)
    g_string_append_printf (sql, "%s%s, ", spec->keys[i], dir);
  g_string_append_printf (sql, "id%s", dir);
}

/* The states an item of each view can be in (bit n: state n). */
static const guint8 view_states[DOCKET_ITEM_N_VIEWS] = {
  [DOCKET_ITEM_VIEW_ALL]         = 0x0f,
  [DOCKET_ITEM_VIEW_OVERDUE]     = 0x0f,
  [DOCKET_ITEM_VIEW_DUE_SOON]    = 0x0f,
  [DOCKET_ITEM_VIEW_IN_PROGRESS] = 0x0f,
  [DOCKET_ITEM_VIEW_AWAITING]    = 1 << 1,
  [DOCKET_ITEM_VIEW_COMPLETED]   = 1 << 2,
  [DOCKET_ITEM_VIEW_NO_DEADLINE] = 0x0f,
  [DOCKET_ITEM_VIEW_CANCELLED]   = 1 << 4,
  [DOCKET_ITEM_VIEW_STARRED]     = 0x0f,
};

#define N_STATES 5

/* The status order (state, deadline key, id) is read one state at a time, each
 * state in the order of the deadline key, the next state only when a page is not
 * full yet (run_status_page()).  Walking the status index in one go, a view whose
 * items of a state are a deadline range (no deadline, in progress, overdue) read
 * every other item of the state before them: 70 ms for the first page of "no
 * deadline".  Within one state, that range is a range of the index.  (One compound
 * SELECT of the states would not do: SQLite merges its arms by reading the head of
 * every arm first, and the confirmed items that are not completed, a handful, sit
 * among half a million completed ones.)  @keyset starts the state at the cursor. */
static char *
status_arm_sql (const DocketItemQuery *query,
                int                    state,
                gboolean               keyset,
                gboolean               offset,
                gboolean               count)
{
  GString *sql = g_string_new (count ? "SELECT count(*) FROM items" :
                                       "SELECT id, state, " DUE " FROM items");
  const char *cmp = query->descending ? "<" : ">";
  const char *dir = query->descending ? " DESC" : "";

  append_filters (sql, query, TRUE, FALSE);
  g_string_append_printf (sql, " AND state = %d", state);
  if (keyset)
    g_string_append_printf (sql, " AND (" DUE ", id) %s (:k1, :kid) AND " DUE " %s= :k1",
                            cmp, cmp);
  if (!count)
    g_string_append_printf (sql, " ORDER BY " DUE "%s, id%s LIMIT :limit", dir, dir);
  if (!count && offset)
    g_string_append (sql, " OFFSET :offset");
  return g_string_free (sql, FALSE);
}

/* The states of @query's view after @after_state (all with -1), in the query's order. */
static guint
status_states (const DocketItemQuery *query,
               int                    after_state,
               int                    states[N_STATES])
{
  guint n = 0;

  for (int i = 0; i < N_STATES; i++)
    {
      int state = query->descending ? N_STATES - 1 - i : i;

      if ((view_states[query->view] & (1 << state)) == 0 ||
          (after_state >= 0 && (query->descending ? state > after_state : state < after_state)))
        continue;
      states[n++] = state;
    }
  return n;
}

static gboolean
uses_status_arms (const DocketItemQuery *query)
{
  return query->sort == DOCKET_ITEM_SORT_STATUS && query->meeting_id == 0;
}

static char *
page_sql (const DocketItemQuery  *query,
          const DocketItemCursor *after,
          gboolean                offset);

char *
_docket_item_query_page_sql (const DocketItemQuery *query,
                             gboolean               keyset,
                             gboolean               offset)
{
  int states[N_STATES];

  /* The status order: the query of its first state (each state's is alike). */
  if (uses_status_arms (query) && status_states (query, -1, states) > 0)
    return status_arm_sql (query, states[0], keyset, offset, FALSE);
  return page_sql (query, keyset ? &(DocketItemCursor) { 0 } : NULL, offset);
}

static char *
page_sql (const DocketItemQuery  *query,
          const DocketItemCursor *after,
          gboolean                offset)
{
  const SortSpec *spec = &sort_specs[query->sort];
  gboolean keyset = after != NULL;
  GString *sql;

  sql = g_string_new ("SELECT id");

  for (guint i = 0; i < spec->n_keys; i++)
    g_string_append_printf (sql, ", %s", spec->keys[i]);
  g_string_append (sql, " FROM items");
  append_filters (sql, query, TRUE, FALSE);
  if (keyset)
    {
      /* A row value comparison is a range of the list index; but where the rows are
       * found through a small set instead (one meeting's items, the few days of due
       * soon) and sorted, it must not lure SQLite into walking the whole list index. */
      const char *plus = query->meeting_id != 0 ||
                         (query->view == DOCKET_ITEM_VIEW_DUE_SOON &&
                          query->sort != DOCKET_ITEM_SORT_DEADLINE) ? "+" : "";

      g_string_append (sql, " AND (");
      for (guint i = 0; i < spec->n_keys; i++)
        g_string_append_printf (sql, "%s%s, ", plus, spec->keys[i]);
      g_string_append_printf (sql, "%sid) %s (", plus, query->descending ? "<" : ">");
      for (guint i = 0; i < spec->n_keys; i++)
        g_string_append_printf (sql, ":k%u, ", i);
      g_string_append (sql, ":kid)");
      /* SQLite turns a row value into an index range only for plain columns; for a
       * key that is an indexed expression (the deadline key, the meeting date, the
       * content) the same bound on the first key alone makes the range, without it
       * a deep page walked the index from its start. */
      if (*plus == '\0')
        g_string_append_printf (sql, " AND %s %s :k0", spec->keys[0],
                                query->descending ? "<=" : ">=");
    }
  append_order (sql, query);
  g_string_append (sql, " LIMIT :limit");
  if (offset)
    g_string_append (sql, " OFFSET :offset");
  return g_string_free (sql, FALSE);
}

static void
bind_named_text (DocketStmt *stmt,
                 const char *name,
                 const char *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    _docket_stmt_bind_text (stmt, index, value);
}

static void
bind_named_int (DocketStmt *stmt,
                const char *name,
                gint64      value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    _docket_stmt_bind_int (stmt, index, value);
}

static void
bind_named_date (DocketStmt *stmt,
                 const char *name,
                 DocketDate  value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    _docket_stmt_bind_date (stmt, index, value);
}

static char *
like_pattern (const char *text)
{
  g_autofree char *folded = _docket_store_fold (text);
  GString *pattern = g_string_new ("%");

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

static void
bind_filters (DocketStmt            *stmt,
              const DocketItemQuery *query)
{
  bind_named_date (stmt, ":today", query->today);
  bind_named_date (stmt, ":until", query->due_soon_until != DOCKET_DATE_NONE ?
                                     query->due_soon_until : query->today);
  if (query->n_units == 1)
    bind_named_int (stmt, ":unit", query->unit_ids[0]);
  if (query->n_units > 0)
    {
      GString *json = g_string_new ("[");

      for (guint i = 0; i < query->n_units; i++)
        g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "",
                                (gint64) query->unit_ids[i]);
      g_string_append_c (json, ']');
      bind_named_text (stmt, ":units", json->str);
      for (guint i = 0; i < query->n_units && i < MAX_LISTED_UNITS; i++)
        {
          g_autofree char *name = g_strdup_printf (":u%u", i);
          bind_named_int (stmt, name, query->unit_ids[i]);
        }
      g_string_free (json, TRUE);
    }
  bind_named_int (stmt, ":meeting", query->meeting_id);
  bind_named_date (stmt, ":dfrom", query->deadline_from);
  bind_named_date (stmt, ":dto", query->deadline_to);
  bind_named_date (stmt, ":pfrom", query->period_from);
  bind_named_date (stmt, ":pto", query->period_to);
  if (query->text != NULL && *query->text != '\0')
    {
      g_autofree char *pattern = like_pattern (query->text);
      bind_named_text (stmt, ":text", pattern);
    }
}

static gboolean
check_query (const DocketItemQuery *query,
             GError               **error)
{
  if (query->today == DOCKET_DATE_NONE)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   _("The list needs today’s date to work out the status of items."));
      return FALSE;
    }
  if (query->text != NULL && (!g_utf8_validate (query->text, -1, NULL) ||
                              strlen (query->text) > 1000))
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   _("The search text is not valid or too long. Type a shorter text."));
      return FALSE;
    }
  return TRUE;
}

/* Fetching rows: a page's rows in one query, their coordinating units in another,
 * whatever the page's length, so a page costs the same few statements however many
 * rows it shows (a query per row made the list and the export pay 100 round trips a
 * page).  The ids travel as one JSON array; CROSS JOIN keeps SQLite walking that
 * array and looking each id up by rowid, never the other way round. */

static char *
ids_json (GArray *ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            (gint64) g_array_index (ids, DocketId, i));
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static DocketItemRow *
row_from_stmt (DocketStmt *stmt)
{
  DocketItemRow *row;
  DocketItem *item;

  item = docket_item_new ();
  item->id = _docket_stmt_get_id (stmt, 0);
  item->meeting_id = _docket_stmt_get_id (stmt, 1);
  item->conclusion_id = _docket_stmt_get_id (stmt, 2);
  item->content = _docket_stmt_dup_text (stmt, 3);
  item->lead_unit_id = _docket_stmt_get_id (stmt, 4);
  item->deadline = _docket_stmt_get_date (stmt, 5);
  item->original_deadline = _docket_stmt_get_date (stmt, 6);
  item->deadline_working_days = (int) _docket_stmt_get_int (stmt, 7);
  item->state = (DocketItemState) _docket_stmt_get_int (stmt, 8);
  item->completed_on = _docket_stmt_get_date (stmt, 9);
  item->assigned_on = _docket_stmt_get_date (stmt, 10);
  item->last_progress_on = _docket_stmt_get_date (stmt, 11);
  item->starred = _docket_stmt_get_int (stmt, 12) != 0;

  row = g_new0 (DocketItemRow, 1);
  row->item = item;
  row->lead_unit_name = _docket_stmt_dup_text (stmt, 13);
  row->meeting_title = _docket_stmt_dup_text (stmt, 14);
  row->meeting_date = _docket_stmt_get_date (stmt, 15);
  row->coordinating_names = g_strdup ("");
  return row;
}

/* Appends to @rows the rows of @ids, in the order of @ids. */
static gboolean
fetch_rows (DocketStore *self,
            GArray      *ids,
            const char  *json,
            GPtrArray   *rows,
            GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;
  gboolean ok;

  stmt = _docket_store_prepare (self,
                                "SELECT i.id, i.meeting_id, i.conclusion_id, i.content, "
                                "i.lead_unit_id, i.deadline, i.original_deadline, "
                                "i.deadline_working_days, i.state, i.completed_on, "
                                "i.assigned_on, i.last_progress_on, i.starred, "
                                "u.name, m.title, m.date FROM json_each (?) AS j "
                                "CROSS JOIN items i ON i.id = j.value "
                                "JOIN units u ON u.id = i.lead_unit_id "
                                "LEFT JOIN meetings m ON m.id = i.meeting_id ORDER BY j.key",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_text (stmt, 1, json);
  /* A failed step reports no row, so the loop's own result tells failure. */
  while ((ok = _docket_store_step (self, stmt, &row, error)) && row)
    g_ptr_array_add (rows, row_from_stmt (stmt));
  if (!ok)
    return FALSE;
  /* Another program may have removed a row between the page query and this one. */
  if (rows->len != ids->len)
    return _docket_store_require_row (self, "items", 0, error);
  return TRUE;
}

/* Fills in the coordinating units of @rows: "Phòng Tư pháp, VP", as
 * docket_store_dup_coordinating_names() gives them for one item. */
static gboolean
fetch_coordinating_names (DocketStore *self,
                          const char  *json,
                          GPtrArray   *rows,
                          GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean row = FALSE;
  gboolean ok;

  for (guint i = 0; i < rows->len; i++)
    {
      DocketItemRow *r = g_ptr_array_index (rows, i);
      g_hash_table_insert (by_id, &r->item->id, r);
    }
  stmt = _docket_store_prepare (self,
                                "SELECT c.item_id, coalesce (nullif (u.short_name, ''), u.name) "
                                "FROM json_each (?) AS j "
                                "CROSS JOIN item_coordinating_units c ON c.item_id = j.value "
                                "JOIN units u ON u.id = c.unit_id "
                                "ORDER BY c.item_id, u.name_folded",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_text (stmt, 1, json);
  while ((ok = _docket_store_step (self, stmt, &row, error)) && row)
    {
      DocketId id = _docket_stmt_get_id (stmt, 0);
      DocketItemRow *r = g_hash_table_lookup (by_id, &id);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      char *joined;

      if (r == NULL)
        continue;
      joined = g_strconcat (r->coordinating_names, *r->coordinating_names ? ", " : "",
                            name != NULL ? name : "", NULL);
      g_free (r->coordinating_names);
      r->coordinating_names = joined;
    }
  return ok;
}

/* Steps @stmt, appending the ids it returns to @ids and the keys of the last one to
 * @last. */
static gboolean
collect_ids (DocketStore           *self,
             const DocketItemQuery *query,
             DocketStmt            *stmt,
             GArray                *ids,
             DocketItemCursor     **last,
             GError               **error)
{
  const SortSpec *spec = &sort_specs[query->sort];
  gboolean row = FALSE;
  gboolean ok;

  /* A failed step reports no row, so the loop's own result tells failure. */
  while ((ok = _docket_store_step (self, stmt, &row, error)) && row)
    {
      DocketId id = _docket_stmt_get_id (stmt, 0);

      g_array_append_val (ids, id);
      g_clear_pointer (last, docket_item_cursor_free);
      *last = g_new0 (DocketItemCursor, 1);
      (*last)->sort = query->sort;
      (*last)->descending = query->descending;
      (*last)->id = id;
      for (guint i = 0; i < spec->n_keys; i++)
        {
          if (spec->is_int[i])
            (*last)->key_int[i] = _docket_stmt_get_int (stmt, 1 + (int) i);
          else
            (*last)->key_text[i] = _docket_stmt_dup_text (stmt, 1 + (int) i);
        }
    }
  return ok;
}

static void
bind_cursor (DocketStmt             *stmt,
             const DocketItemQuery  *query,
             const DocketItemCursor *after)
{
  const SortSpec *spec = &sort_specs[query->sort];

  for (guint i = 0; i < spec->n_keys; i++)
    {
      g_autofree char *name = g_strdup_printf (":k%u", i);

      if (spec->is_int[i])
        bind_named_int (stmt, name, after->key_int[i]);
      else
        bind_named_text (stmt, name, after->key_text[i]);
    }
  bind_named_int (stmt, ":kid", after->id);
}

/* The ids of a page in the status order: state after state until the page is full.
 * An offset that passes a whole state is taken off by that state's count. */
static gboolean
status_page_ids (DocketStore            *self,
                 const DocketItemQuery  *query,
                 const DocketItemCursor *after,
                 guint                   offset,
                 guint                   limit,
                 GArray                 *ids,
                 DocketItemCursor      **last,
                 GError                **error)
{
  int states[N_STATES];
  guint n_states = status_states (query, after != NULL ? (int) after->key_int[0] : -1, states);

  for (guint i = 0; i < n_states && ids->len < limit; i++)
    {
      gboolean keyset = after != NULL && states[i] == after->key_int[0];
      g_autofree char *sql = status_arm_sql (query, states[i], keyset, offset > 0, FALSE);
      g_autoptr(DocketStmt) stmt = _docket_store_prepare (self, sql, error);
      guint before = ids->len;

      if (stmt == NULL)
        return FALSE;
      bind_filters (stmt, query);
      bind_named_int (stmt, ":limit", limit - ids->len);
      bind_named_int (stmt, ":offset", offset);
      if (keyset)
        bind_cursor (stmt, query, after);
      if (!collect_ids (self, query, stmt, ids, last, error))
        return FALSE;
      g_clear_pointer (&stmt, _docket_stmt_release);

      if (offset > 0 && ids->len == before)
        {
          g_autofree char *count_sql = status_arm_sql (query, states[i], keyset, FALSE, TRUE);
          gboolean row = FALSE;

          stmt = _docket_store_prepare (self, count_sql, error);
          if (stmt == NULL)
            return FALSE;
          bind_filters (stmt, query);
          if (keyset)
            bind_cursor (stmt, query, after);
          if (!_docket_store_step (self, stmt, &row, error))
            return FALSE;
          offset -= MIN (offset, (guint) _docket_stmt_get_int (stmt, 0));
        }
      else
        offset = 0;
    }
  return TRUE;
}

/* Runs a page query and fetches its rows; fills @out_last with the keys of the last
 * row when there is one. */
static GPtrArray *
run_page (DocketStore            *self,
          const DocketItemQuery  *query,
          const DocketItemCursor *after,
          guint                   offset,
          guint                   limit,
          DocketItemCursor      **out_last,
          GError                **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (DocketId));
  g_autoptr(GPtrArray) rows =
    g_ptr_array_new_with_free_func ((GDestroyNotify) docket_item_row_free);
  g_autoptr(DocketItemCursor) last = NULL;

  if (uses_status_arms (query))
    {
      if (!status_page_ids (self, query, after, offset, limit, ids, &last, error))
        return NULL;
    }
  else
    {
      g_autofree char *sql = page_sql (query, after, offset > 0);
      g_autoptr(DocketStmt) stmt = _docket_store_prepare (self, sql, error);

      if (stmt == NULL)
        return NULL;
      bind_filters (stmt, query);
      bind_named_int (stmt, ":limit", limit);
      bind_named_int (stmt, ":offset", offset);
      if (after != NULL)
        bind_cursor (stmt, query, after);
      if (!collect_ids (self, query, stmt, ids, &last, error))
        return NULL;
    }

  if (ids->len > 0)
    {
      g_autofree char *json = ids_json (ids);

      if (!fetch_rows (self, ids, json, rows, error) ||
          !fetch_coordinating_names (self, json, rows, error))
        return NULL;
    }
  if (out_last != NULL)
    *out_last = g_steal_pointer (&last);
  return g_steal_pointer (&rows);
}

/**
 * docket_store_list_items:
 * @self: a store
 * @query: the filter and order
 * @after: (nullable): where the previous page ended, or %NULL for the first page
 * @limit: the most rows to return
 * @out_next: (out) (optional) (nullable): where this page ends, to pass as @after for
 *   the next one; %NULL when the page is short (the list is over)
 * @error: return location for a #GError
 *
 * A page of items by keyset: its cost does not grow with how far down the list it is.
 *
 * Returns: (transfer full) (element-type DocketItemRow): the rows
 */
GPtrArray *
docket_store_list_items (DocketStore            *self,
                         const DocketItemQuery  *query,
                         const DocketItemCursor *after,
                         guint                   limit,
                         DocketItemCursor      **out_next,
                         GError                **error)
{
  g_autoptr(DocketItemCursor) last = NULL;
  GPtrArray *rows;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (query->view < DOCKET_ITEM_N_VIEWS, NULL);
  g_return_val_if_fail (query->sort < DOCKET_ITEM_N_SORTS, NULL);
  g_return_val_if_fail (after == NULL || (after->sort == query->sort &&
                                          after->descending == query->descending), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (out_next != NULL)
    *out_next = NULL;
  if (!check_query (query, error))
    return NULL;
  rows = run_page (self, query, after, 0, limit, &last, error);
  if (rows != NULL && out_next != NULL && rows->len == limit && limit > 0)
    *out_next = g_steal_pointer (&last);
  return rows;
}

/* Random access for the list model.  OFFSET alone costs a walk over every row before
 * the page; so the store remembers where the pages it served ended (an anchor: the
 * position and the keyset cursor there) for the last query it was asked, and starts
 * the next page from the nearest anchor before it.  Scrolling, up or down, then costs
 * a page each time; a jump costs the walk from the nearest anchor once.  Anchors are
 * dropped when the data changes (this connection's changes or another program's,
 * seen through PRAGMA data_version). */

typedef struct
{
  guint             position;
  DocketItemCursor *cursor;
} Anchor;

typedef struct
{
  char   *signature;
  gint64  data_version;
  gint64  total_changes;
  GArray *anchors;   /* Anchor, by position */
} AnchorCache;

#define MAX_ANCHORS 4096

static void
anchor_clear (gpointer data)
{
  Anchor *anchor = data;
  docket_item_cursor_free (anchor->cursor);
}

static void
anchor_cache_free (gpointer data)
{
  AnchorCache *cache = data;

  g_free (cache->signature);
  g_array_unref (cache->anchors);
  g_free (cache);
}

static char *
query_signature (const DocketItemQuery *query)
{
  GString *sig = g_string_new (NULL);

  g_string_append_printf (sig, "%d/%u/%u/%d/%" G_GINT64_FORMAT "/%u/%u/%d/%d/%d/",
                          query->view, query->today, query->due_soon_until,
                          query->include_coordinating, (gint64) query->meeting_id,
                          query->deadline_from, query->deadline_to, query->starred_only,
                          query->sort, query->descending);
  for (guint i = 0; i < query->n_units; i++)
    g_string_append_printf (sig, "%" G_GINT64_FORMAT ",", (gint64) query->unit_ids[i]);
  g_string_append_printf (sig, "/%s", query->text != NULL ? query->text : "");
  return g_string_free (sig, FALSE);
}

static gboolean
data_generation (DocketStore *self,
                 gint64      *out_version,
                 gint64      *out_changes,
                 GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;

  stmt = _docket_store_prepare (self, "PRAGMA data_version", error);
  if (stmt == NULL || !_docket_store_step (self, stmt, &row, error))
    return FALSE;
  *out_version = row ? _docket_stmt_get_int (stmt, 0) : 0;
  *out_changes = sqlite3_total_changes64 (_docket_store_get_db (self));
  return TRUE;
}

static AnchorCache *
get_anchor_cache (DocketStore           *self,
                  const DocketItemQuery *query,
                  GError               **error)
{
  AnchorCache *cache = g_object_get_data (G_OBJECT (self), "docket-item-anchors");
  g_autofree char *signature = query_signature (query);
  gint64 version = 0, changes = 0;

  if (!data_generation (self, &version, &changes, error))
    return NULL;
  if (cache == NULL)
    {
      cache = g_new0 (AnchorCache, 1);
      cache->anchors = g_array_new (FALSE, FALSE, sizeof (Anchor));
      g_array_set_clear_func (cache->anchors, anchor_clear);
      g_object_set_data_full (G_OBJECT (self), "docket-item-anchors", cache,
                              anchor_cache_free);
    }
  if (g_strcmp0 (cache->signature, signature) != 0 || cache->data_version != version ||
      cache->total_changes != changes || cache->anchors->len >= MAX_ANCHORS)
    {
      g_free (cache->signature);
      cache->signature = g_steal_pointer (&signature);
      cache->data_version = version;
      cache->total_changes = changes;
      g_array_set_size (cache->anchors, 0);
    }
  return cache;
}

static const Anchor *
find_anchor (AnchorCache *cache,
             guint        offset)
{
  const Anchor *best = NULL;

  for (guint i = 0; i < cache->anchors->len; i++)
    {
      const Anchor *a = &g_array_index (cache->anchors, Anchor, i);

      if (a->position <= offset && (best == NULL || a->position > best->position))
        best = a;
    }
  return best;
}

static void
add_anchor (AnchorCache      *cache,
            guint             position,
            DocketItemCursor *cursor)
{
  Anchor anchor = { position, cursor };

  for (guint i = 0; i < cache->anchors->len; i++)
    if (g_array_index (cache->anchors, Anchor, i).position == position)
      {
        docket_item_cursor_free (cursor);
        return;
      }
  g_array_append_val (cache->anchors, anchor);
}

/**
 * docket_store_list_items_at:
 * @self: a store
 * @query: the filter and order
 * @offset: the position of the first row wanted
 * @limit: the most rows to return
 * @error: return location for a #GError
 *
 * A page of items by position, for a list model that asks for row N.  Pages next to
 * ones already served cost the same as a keyset page; see the anchors above.
 *
 * Returns: (transfer full) (element-type DocketItemRow): the rows
 */
GPtrArray *
docket_store_list_items_at (DocketStore           *self,
                            const DocketItemQuery *query,
                            guint                  offset,
                            guint                  limit,
                            GError               **error)
{
  g_autoptr(DocketItemCursor) last = NULL;
  AnchorCache *cache;
  const Anchor *anchor;
  GPtrArray *rows;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (query->view < DOCKET_ITEM_N_VIEWS, NULL);
  g_return_val_if_fail (query->sort < DOCKET_ITEM_N_SORTS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_query (query, error))
    return NULL;
  cache = get_anchor_cache (self, query, error);
  if (cache == NULL)
    return NULL;

  anchor = find_anchor (cache, offset);
  if (anchor != NULL && anchor->position > 0)
    rows = run_page (self, query, anchor->cursor, offset - anchor->position, limit, &last,
                     error);
  else
    rows = run_page (self, query, NULL, offset, limit, &last, error);

  if (rows != NULL && rows->len > 0 && limit > 0)
    add_anchor (cache, offset + rows->len, g_steal_pointer (&last));
  return rows;
}

/**
 * docket_store_count_items:
 * @self: a store
 * @query: the filter (its order is ignored)
 * @out_count: (out): the number of items
 * @error: return location for a #GError
 *
 * Returns: whether the count was made
 */
gboolean
docket_store_count_items (DocketStore           *self,
                          const DocketItemQuery *query,
                          guint                 *out_count,
                          GError               **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  GString *sql;
  g_autofree char *text = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (query != NULL && out_count != NULL, FALSE);
  g_return_val_if_fail (query->view < DOCKET_ITEM_N_VIEWS, FALSE);

  if (!check_query (query, error))
    return FALSE;
  sql = g_string_new ("SELECT count(*) FROM items");
  append_filters (sql, query, TRUE, TRUE);
  text = g_string_free (sql, FALSE);
  stmt = _docket_store_prepare (self, text, error);
  if (stmt == NULL)
    return FALSE;
  bind_filters (stmt, query);
  if (!_docket_store_step (self, stmt, &row, error))
    return FALSE;
  *out_count = (guint) _docket_stmt_get_int (stmt, 0);
  return TRUE;
}

/**
 * docket_store_count_items_by_view:
 * @self: a store
 * @query: the filters besides the view (its view and order are ignored)
 * @counts: (out caller-allocates): the number of items in each #DocketItemView
 * @error: return location for a #GError
 *
 * The live counts of the filter sidebar, all in one pass.
 *
 * Returns: whether the counts were made
 */
gboolean
docket_store_count_items_by_view (DocketStore           *self,
                                  const DocketItemQuery *query,
                                  guint                  counts[DOCKET_ITEM_N_VIEWS],
                                  GError               **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  GString *sql;
  g_autofree char *text = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (query != NULL && counts != NULL, FALSE);

  if (!check_query (query, error))
    return FALSE;
  sql = g_string_new ("SELECT ");
  for (guint v = 0; v < DOCKET_ITEM_N_VIEWS; v++)
    {
      g_autofree char *predicate = view_predicate (v, query->sort, TRUE);
      g_string_append_printf (sql, "%scount(*) FILTER (WHERE %s)", v ? ", " : "", predicate);
    }
  g_string_append (sql, " FROM items");
  append_filters (sql, query, FALSE, TRUE);
  text = g_string_free (sql, FALSE);
  stmt = _docket_store_prepare (self, text, error);
  if (stmt == NULL)
    return FALSE;
  bind_filters (stmt, query);
  if (!_docket_store_step (self, stmt, &row, error))
    return FALSE;
  for (guint v = 0; v < DOCKET_ITEM_N_VIEWS; v++)
    counts[v] = (guint) _docket_stmt_get_int (stmt, (int) v);
  return TRUE;
}
