/* test-store-query.c: the items lists — views against docket_item_bucket(), orders,
 * filters, keyset and offset pages, counts
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "docket-store-coordination.h"
#include "docket-store-items.h"
#include "docket-store-private.h"
#include "docket-test-support.h"

#define D(y, m, d) docket_date_new (y, m, d)

typedef struct
{
  char        *dir;
  DocketStore *store;
  DocketDate   today;
  GPtrArray   *items;   /* DocketItem, as stored */
} Fixture;

static void
exec_sql (DocketStore *store,
          const char  *sql)
{
  char *message = NULL;

  if (sqlite3_exec (_docket_store_get_db (store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static char *
iso (DocketDate date)
{
  g_autofree char *text = NULL;

  if (date == DOCKET_DATE_NONE)
    return g_strdup ("NULL");
  text = docket_date_format_iso (date);
  return g_strdup_printf ("'%s'", text);
}

/* Every combination that sits on a boundary of the rules, for the day T: deadlines
 * T-1, T, T+1, T+4, T+5 (due-soon edges: T = Wednesday 15/07/2026, 3 working days
 * reach Monday 20/07) and none; each workflow state; completion dates none, T-1, T, T+1. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  DocketDate T = D (2026, 7, 15);
  DocketDate deadlines[] = { T - 1, T, T + 1, T + 4, T + 5, T + 6, DOCKET_DATE_NONE };
  DocketDate completions[] = { DOCKET_DATE_NONE, T - 1, T, T + 1 };
  static const char *contents[] = { "Cải cách hành chính", "Chuyển đổi số", "Đất đai 100%", "ấp văn hóa" };
  sqlite3_stmt *stmt = NULL;
  int n = 0;

  fixture->dir = docket_test_tmpdir_new ();
  path = g_build_filename (fixture->dir, "docket.db", NULL);
  fixture->store = docket_store_open (path, &error);
  g_assert_no_error (error);
  fixture->today = T;
  exec_sql (fixture->store,
            "INSERT INTO units (id, name, name_folded, created_at, updated_at, updated_by) VALUES "
            "(1, 'Phòng Tư pháp', 'phong tu phap', 0, 0, ''), (2, 'Ấp Chợ', 'ap cho', 0, 0, ''),"
            "(3, 'Bến Lức', 'ben luc', 0, 0, ''), (4, 'Văn phòng', 'van phong', 0, 0, '');"
            "INSERT INTO meetings (id, title, title_folded, date, created_at, updated_at, updated_by) "
            "VALUES (1, 'M1', 'm1', '2026-03-01', 0, 0, ''), (2, 'M2', 'm2', '2026-01-10', 0, 0, '');"
            "BEGIN");
  for (guint d = 0; d < G_N_ELEMENTS (deadlines); d++)
    for (int state = 0; state < 5; state++)
      for (guint c = 0; c < G_N_ELEMENTS (completions); c++)
        {
          g_autofree char *dl = iso (deadlines[d]);
          g_autofree char *co = iso (completions[c]);
          const char *content = contents[n % G_N_ELEMENTS (contents)];
          g_autofree char *folded = _docket_store_fold (content);
          int unit = 1 + n % 3;
          int meeting = n % 5 == 0 ? 0 : 1 + n % 2;
          g_autofree char *sql =
            g_strdup_printf ("INSERT INTO items (meeting_id, content, content_folded, lead_unit_id, "
                             "lead_unit_folded, meeting_date, deadline, original_deadline, state, "
                             "completed_on, starred, created_at, updated_at, updated_by) VALUES "
                             "(%s, '%s', '%s', %d, (SELECT name_folded FROM units WHERE id = %d), "
                             "(SELECT date FROM meetings WHERE id = %d), %s, %s, %d, %s, %d, %d, 0, '')",
                             meeting ? (meeting == 1 ? "1" : "2") : "NULL", content, folded, unit,
                             unit, meeting, dl, dl, state, co, n % 4 == 0, 1000 - n % 7);
          exec_sql (fixture->store, sql);
          n++;
        }
  exec_sql (fixture->store, "INSERT INTO item_coordinating_units VALUES (1, 2), (2, 3), (5, 2),"
                            "(9, 4), (9, 1);"
                            "UPDATE units SET short_name = 'TP' WHERE id = 1;"
                            "COMMIT");

  fixture->items = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_item_free);
  g_assert_cmpint (sqlite3_prepare_v2 (_docket_store_get_db (fixture->store),
                                       "SELECT id FROM items ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (fixture->items, docket_store_get_item (fixture->store,
                                                            sqlite3_column_int64 (stmt, 0), NULL));
  sqlite3_finalize (stmt);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_ptr_array_unref (fixture->items);
  g_clear_object (&fixture->store);
  docket_test_tmpdir_free (fixture->dir);
}

/* The view membership by the core rules. */
static gboolean
in_view (const DocketItem *item,
         DocketItemView    view,
         DocketDate        today,
         DocketCalendar   *calendar)
{
  DocketBucket bucket = docket_item_bucket (item, today);

  switch (view)
    {
    case DOCKET_ITEM_VIEW_ALL: return bucket != DOCKET_BUCKET_CANCELLED;
    case DOCKET_ITEM_VIEW_OVERDUE: return bucket == DOCKET_BUCKET_OVERDUE;
    case DOCKET_ITEM_VIEW_DUE_SOON:
      return docket_item_is_due_soon (item, today, calendar, DOCKET_DUE_SOON_WORKING_DAYS);
    case DOCKET_ITEM_VIEW_IN_PROGRESS: return bucket == DOCKET_BUCKET_IN_PROGRESS;
    case DOCKET_ITEM_VIEW_AWAITING: return docket_item_is_awaiting_confirmation (item);
    case DOCKET_ITEM_VIEW_COMPLETED: return docket_bucket_is_completed (bucket);
    case DOCKET_ITEM_VIEW_NO_DEADLINE: return bucket == DOCKET_BUCKET_NO_DEADLINE;
    case DOCKET_ITEM_VIEW_CANCELLED: return bucket == DOCKET_BUCKET_CANCELLED;
    case DOCKET_ITEM_VIEW_STARRED: return item->starred && bucket != DOCKET_BUCKET_CANCELLED;
    case DOCKET_ITEM_N_VIEWS:
    default: g_assert_not_reached ();
    }
}

/* All rows of @query through keyset pages of @page rows. */
static GArray *
list_keyset (DocketStore           *store,
             const DocketItemQuery *query,
             guint                  page)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (DocketId));
  g_autoptr(DocketItemCursor) cursor = NULL;

  do
    {
      g_autoptr(GError) error = NULL;
      DocketItemCursor *next = NULL;
      g_autoptr(GPtrArray) rows = docket_store_list_items (store, query, cursor, page, &next, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < rows->len; i++)
        g_array_append_val (ids, ((DocketItemRow *) rows->pdata[i])->item->id);
      g_clear_pointer (&cursor, docket_item_cursor_free);
      cursor = next;
    }
  while (cursor != NULL);
  return ids;
}

static GArray *
list_offset (DocketStore           *store,
             const DocketItemQuery *query,
             guint                  page)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (DocketId));

  for (guint offset = 0;; offset += page)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = docket_store_list_items_at (store, query, offset, page, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < rows->len; i++)
        g_array_append_val (ids, ((DocketItemRow *) rows->pdata[i])->item->id);
      if (rows->len < page)
        break;
    }
  return ids;
}

static void
assert_ids_equal (GArray *a,
                  GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpint (g_array_index (a, DocketId, i), ==, g_array_index (b, DocketId, i));
}

static const DocketItem *
find_item (Fixture  *fixture,
           DocketId  id)
{
  for (guint i = 0; i < fixture->items->len; i++)
    if (((DocketItem *) fixture->items->pdata[i])->id == id)
      return fixture->items->pdata[i];
  g_assert_not_reached ();
}

static void
test_views_match_buckets (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(DocketCalendar) calendar = docket_calendar_new ();
  DocketDate days[] = { fixture->today - 1, fixture->today, fixture->today + 1, fixture->today + 5 };
  guint checked = 0;

  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    {
      DocketItemQuery query;
      guint counts[DOCKET_ITEM_N_VIEWS];
      g_autoptr(GError) error = NULL;

      docket_item_query_init (&query, days[d]);
      query.due_soon_until = docket_store_due_soon_until (calendar, days[d], DOCKET_DUE_SOON_WORKING_DAYS);
      g_assert_true (docket_store_count_items_by_view (fixture->store, &query, counts, &error));

      for (DocketItemView v = 0; v < DOCKET_ITEM_N_VIEWS; v++)
        {
          g_autoptr(GArray) ids = NULL;
          guint expected = 0, count = 0;

          query.view = v;
          ids = list_keyset (fixture->store, &query, 7);
          for (guint i = 0; i < fixture->items->len; i++)
            {
              const DocketItem *item = fixture->items->pdata[i];
              gboolean member = FALSE;

              for (guint j = 0; j < ids->len; j++)
                member |= g_array_index (ids, DocketId, j) == item->id;
              if (member != in_view (item, v, days[d], calendar))
                g_error ("item %" G_GINT64_FORMAT " (state %d) view %d day %u: SQL %d, core %d",
                         (gint64) item->id, item->state, v, days[d], member, !member);
              expected += member;
              checked++;
            }
          g_assert_cmpuint (ids->len, ==, expected);
          g_assert_true (docket_store_count_items (fixture->store, &query, &count, &error));
          g_assert_cmpuint (count, ==, expected);
          g_assert_cmpuint (counts[v], ==, expected);
        }
    }
  g_assert_cmpuint (checked, >, 1000);
}

static gboolean
ordered (const DocketItem *a,
         const DocketItem *b,
         DocketItemSort    sort)
{
  DocketDate da = a->deadline ? a->deadline : G_MAXUINT32;
  DocketDate db = b->deadline ? b->deadline : G_MAXUINT32;

  switch (sort)
    {
    case DOCKET_ITEM_SORT_DEADLINE:
      return da < db || (da == db && a->id < b->id);
    case DOCKET_ITEM_SORT_STATUS:
      return a->state < b->state || (a->state == b->state && (da < db || (da == db && a->id < b->id)));
    default:
      return TRUE;
    }
}

static void
test_orders_and_pages (Fixture       *fixture,
                       gconstpointer  data)
{
  DocketItemView views[] = { DOCKET_ITEM_VIEW_ALL, DOCKET_ITEM_VIEW_OVERDUE,
                             DOCKET_ITEM_VIEW_COMPLETED, DOCKET_ITEM_VIEW_STARRED };

  for (DocketItemSort sort = 0; sort < DOCKET_ITEM_N_SORTS; sort++)
    for (int desc = 0; desc < 2; desc++)
      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        {
          DocketItemQuery query;
          g_autoptr(GArray) keyset = NULL;
          g_autoptr(GArray) offset = NULL;
          g_autoptr(GArray) once = NULL;

          docket_item_query_init (&query, fixture->today);
          query.view = views[v];
          query.sort = sort;
          query.descending = desc;
          keyset = list_keyset (fixture->store, &query, 9);
          offset = list_offset (fixture->store, &query, 11);
          once = list_keyset (fixture->store, &query, 100000);
          assert_ids_equal (keyset, once);
          assert_ids_equal (offset, once);
          /* Pages far from the last one served, straight away. */
          if (once->len > 20)
            {
              g_autoptr(GPtrArray) rows = docket_store_list_items_at (fixture->store, &query, 17, 3, NULL);
              g_assert_cmpint (((DocketItemRow *) rows->pdata[0])->item->id, ==,
                               g_array_index (once, DocketId, 17));
            }
          for (guint i = 1; i < once->len; i++)
            {
              const DocketItem *a = find_item (fixture, g_array_index (once, DocketId, i - 1));
              const DocketItem *b = find_item (fixture, g_array_index (once, DocketId, i));

              g_assert_true (desc ? ordered (b, a, sort) : ordered (a, b, sort));
            }
        }
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  DocketItemQuery query;
  DocketId unit_one[] = { 1 };
  DocketId units_two[] = { 2, 3 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint expected;

  docket_item_query_init (&query, fixture->today);

  /* Lead unit, one and several; then as lead or coordinating. */
  query.unit_ids = unit_one;
  query.n_units = 1;
  ids = list_keyset (fixture->store, &query, 10);
  expected = 0;
  for (guint i = 0; i < fixture->items->len; i++)
    {
      const DocketItem *item = fixture->items->pdata[i];
      expected += item->lead_unit_id == 1 && item->state != DOCKET_ITEM_STATE_CANCELLED;
    }
  g_assert_cmpuint (ids->len, ==, expected);
  g_clear_pointer (&ids, g_array_unref);

  query.unit_ids = units_two;
  query.n_units = 2;
  ids = list_keyset (fixture->store, &query, 10);
  expected = 0;
  for (guint i = 0; i < fixture->items->len; i++)
    {
      const DocketItem *item = fixture->items->pdata[i];
      expected += item->lead_unit_id != 1 && item->state != DOCKET_ITEM_STATE_CANCELLED;
    }
  g_assert_cmpuint (ids->len, ==, expected);
  g_clear_pointer (&ids, g_array_unref);

  /* Items 1 and 5 (lead unit 1... by construction n % 3) coordinate with unit 2. */
  query.unit_ids = unit_one;
  query.n_units = 1;
  query.include_coordinating = TRUE;
  query.sort = DOCKET_ITEM_SORT_CREATED;
  {
    guint lead_only = 0, with_coordinating = 0;
    DocketId unit_two[] = { 2 };

    query.unit_ids = unit_two;
    docket_store_count_items (fixture->store, &query, &with_coordinating, &error);
    query.include_coordinating = FALSE;
    docket_store_count_items (fixture->store, &query, &lead_only, &error);
    /* Item 1 (lead 1) and item 5 (lead 2) coordinate with 2; item 1 is open. */
    g_assert_cmpuint (with_coordinating, ==, lead_only + 1);
  }

  /* Meeting, deadline range, text folded, starred. */
  docket_item_query_init (&query, fixture->today);
  query.view = DOCKET_ITEM_VIEW_ALL;
  query.meeting_id = 2;
  query.deadline_from = fixture->today;
  query.deadline_to = fixture->today + 1;
  query.text = "CHUYEN DOI";
  query.sort = DOCKET_ITEM_SORT_MEETING_DATE;
  rows = docket_store_list_items (fixture->store, &query, NULL, 1000, NULL, &error);
  g_assert_no_error (error);
  expected = 0;
  for (guint i = 0; i < fixture->items->len; i++)
    {
      const DocketItem *item = fixture->items->pdata[i];
      expected += item->meeting_id == 2 && item->deadline >= fixture->today &&
                  item->deadline <= fixture->today + 1 && item->deadline != DOCKET_DATE_NONE &&
                  g_str_has_prefix (item->content, "Chuyển đổi") &&
                  item->state != DOCKET_ITEM_STATE_CANCELLED;
    }
  g_assert_cmpuint (rows->len, ==, expected);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      DocketItemRow *row = rows->pdata[i];
      g_assert_cmpstr (row->meeting_title, ==, "M2");
      g_assert_cmpstr (row->lead_unit_name, !=, NULL);
    }
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* LIKE wildcards in the text are literal. */
  docket_item_query_init (&query, fixture->today);
  query.text = "0%";
  rows = docket_store_list_items (fixture->store, &query, NULL, 1000, NULL, &error);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (((DocketItemRow *) rows->pdata[i])->item->content, ==, "Đất đai 100%");
  g_assert_cmpuint (rows->len, >, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  query.text = "_";
  rows = docket_store_list_items (fixture->store, &query, NULL, 1000, NULL, &error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* No day: refused. */
  query.today = DOCKET_DATE_NONE;
  g_assert_null (docket_store_list_items (fixture->store, &query, NULL, 10, NULL, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID);
}

static void
test_offset_sees_changes (Fixture       *fixture,
                          gconstpointer  data)
{
  DocketItemQuery query;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  DocketId first_id;

  docket_item_query_init (&query, fixture->today);
  query.sort = DOCKET_ITEM_SORT_CREATED;
  first = docket_store_list_items_at (fixture->store, &query, 0, 10, &error);
  g_clear_pointer (&first, g_ptr_array_unref);
  first = docket_store_list_items_at (fixture->store, &query, 10, 10, &error);
  first_id = ((DocketItemRow *) first->pdata[0])->item->id;

  /* Cancelling a row before the page moves it; the remembered anchor must not hide that. */
  g_assert_true (docket_store_cancel_item (fixture->store,
                                           ((DocketItemRow *) first->pdata[0])->item->id - 0,
                                           "test", &error) ||
                 error != NULL);
  g_clear_error (&error);
  again = docket_store_list_items_at (fixture->store, &query, 10, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((DocketItemRow *) again->pdata[0])->item->id, !=, first_id);
}

/* A page brings each row's coordinating units with it (one query for the page): the
 * same line as the item's own lookup gives, in name order, short names first. */
static void
test_coordinating_names (Fixture       *fixture,
                         gconstpointer  data)
{
  DocketItemQuery query;
  g_autoptr(GError) error = NULL;
  guint with_names = 0, seen = 0;

  docket_item_query_init (&query, fixture->today);
  query.view = DOCKET_ITEM_VIEW_ALL;
  query.sort = DOCKET_ITEM_SORT_CREATED;
  for (guint offset = 0;; offset += 7)
    {
      g_autoptr(GPtrArray) rows = docket_store_list_items_at (fixture->store, &query, offset, 7, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < rows->len; i++)
        {
          DocketItemRow *row = rows->pdata[i];
          g_autofree char *one = docket_store_dup_coordinating_names (fixture->store, row->item->id,
                                                                      &error);

          g_assert_no_error (error);
          g_assert_cmpstr (row->coordinating_names, ==, one);
          with_names += *row->coordinating_names != '\0';
          if (row->item->id == 9)
            g_assert_cmpstr (row->coordinating_names, ==, "TP, Văn phòng");
          if (row->item->id == 1)
            g_assert_cmpstr (row->coordinating_names, ==, "Ấp Chợ");
          seen++;
        }
      if (rows->len < 7)
        break;
    }
  g_assert_cmpuint (seen, >, 7);
  /* Items 1, 2, 5 and 9 (none of them cancelled). */
  g_assert_cmpuint (with_names, ==, 4);
}

/* The status order is read state by state: a page that starts in one state and ends
 * in the next, and a jump that passes whole states with no page served before it,
 * give the rows of the one-go list. */
static void
test_status_order_jumps (Fixture       *fixture,
                         gconstpointer  data)
{
  DocketItemView views[] = { DOCKET_ITEM_VIEW_ALL, DOCKET_ITEM_VIEW_NO_DEADLINE,
                             DOCKET_ITEM_VIEW_IN_PROGRESS };

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    for (int desc = 0; desc < 2; desc++)
      {
        DocketItemQuery query, other;
        g_autoptr(GArray) once = NULL;

        docket_item_query_init (&query, fixture->today);
        query.view = views[v];
        query.sort = DOCKET_ITEM_SORT_STATUS;
        query.descending = desc;
        once = list_keyset (fixture->store, &query, 100000);
        g_assert_cmpuint (once->len, >, 6);
        docket_item_query_init (&other, fixture->today);
        other.sort = DOCKET_ITEM_SORT_CREATED;

        for (guint p = 0; p < once->len; p += 3)
          {
            g_autoptr(GPtrArray) reset = docket_store_list_items_at (fixture->store, &other, 0, 1, NULL);
            g_autoptr(GError) error = NULL;
            g_autoptr(GPtrArray) rows = docket_store_list_items_at (fixture->store, &query, p, 4, &error);

            g_assert_no_error (error);
            g_assert_cmpuint (rows->len, ==, MIN (4, once->len - p));
            for (guint i = 0; i < rows->len; i++)
              g_assert_cmpint (((DocketItemRow *) rows->pdata[i])->item->id, ==,
                               g_array_index (once, DocketId, p + i));
          }
      }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/docket/store-query/views-match-buckets", test_views_match_buckets);
  ADD ("/docket/store-query/orders-and-pages", test_orders_and_pages);
  ADD ("/docket/store-query/filters", test_filters);
  ADD ("/docket/store-query/offset-sees-changes", test_offset_sees_changes);
  ADD ("/docket/store-query/coordinating-names", test_coordinating_names);
  ADD ("/docket/store-query/status-order-jumps", test_status_order_jumps);
#undef ADD
  return g_test_run ();
}
