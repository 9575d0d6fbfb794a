/* test-store-search.c: the search index, Vietnamese folding, ranking and hostile
 * queries
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "docket-store-items.h"
#include "docket-store-meetings.h"
#include "docket-store-private.h"
#include "docket-store-search.h"
#include "docket-store-units.h"
#include "docket-test-support.h"

#define D(y, m, d) docket_date_new (y, m, d)

typedef struct
{
  char        *dir;
  DocketStore *store;
  DocketId     units[2];
  DocketId     meeting;        /* "Họp về Đường giao thông nông thôn", 2026-04-27 */
  DocketId     other_meeting;  /* "Giao ban tháng 5", 2026-05-04 */
  DocketId     minutes;        /* decomposed (NFD) text */
  DocketId     conclusion;     /* upper case */
  DocketId     item;           /* "Cải cách hành chính …", unit 0 */
  DocketId     other_item;     /* of the other meeting, unit 1 */
  DocketId     progress;
} Fixture;

static DocketId
add_unit (DocketStore *store,
          const char  *name)
{
  g_autoptr(DocketUnit) unit = docket_unit_new ();
  g_autoptr(GError) error = NULL;
  DocketId id;

  unit->name = g_strdup (name);
  id = docket_store_add_unit (store, unit, &error);
  g_assert_no_error (error);
  return id;
}

static DocketId
add_meeting (DocketStore *store,
             const char  *title,
             const char  *location,
             DocketDate   date)
{
  g_autoptr(DocketMeeting) meeting = docket_meeting_new ();
  g_autoptr(GError) error = NULL;
  DocketId id;

  meeting->title = g_strdup (title);
  meeting->location = g_strdup (location);
  meeting->date = date;
  id = docket_store_add_meeting (store, meeting, &error);
  g_assert_no_error (error);
  return id;
}

static DocketId
add_item (Fixture    *fixture,
          DocketId    meeting,
          DocketId    unit,
          const char *content)
{
  g_autoptr(DocketItem) item = docket_item_new ();
  g_autoptr(GError) error = NULL;
  DocketId id;

  item->content = g_strdup (content);
  item->meeting_id = meeting;
  item->lead_unit_id = unit;
  id = docket_store_add_item (fixture->store, item, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketMinutesSection) section = docket_minutes_section_new ();
  g_autoptr(DocketConclusion) conclusion = docket_conclusion_new ();
  g_autoptr(DocketAttendee) attendee = docket_attendee_new ();
  g_autofree char *nfd = NULL;

  fixture->dir = docket_test_tmpdir_new ();
  path = g_build_filename (fixture->dir, "docket.db", NULL);
  fixture->store = docket_store_open (path, &error);
  g_assert_no_error (error);
  docket_store_set_actor (fixture->store, "Trần Thị Thư Ký");
  fixture->units[0] = add_unit (fixture->store, "Phòng Nội vụ");
  fixture->units[1] = add_unit (fixture->store, "Phòng Tư pháp");
  fixture->meeting = add_meeting (fixture->store, "Họp về Đường giao thông nông thôn",
                                  "Hội trường UBND", D (2026, 4, 27));
  fixture->other_meeting = add_meeting (fixture->store, "Giao ban tháng 5", NULL,
                                        D (2026, 5, 4));

  attendee->meeting_id = fixture->meeting;
  attendee->unit_id = fixture->units[1];
  docket_store_add_attendee (fixture->store, attendee, &error);
  g_assert_no_error (error);

  /* Decomposed text, as some programs paste it: stacked marks ("ủ" is u + U+0309,
   * "ấ" a + U+0302 + U+0301). */
  nfd = g_utf8_normalize ("Thủ tục cấp giấy chứng nhận quyền sử dụng đất đai", -1,
                          G_NORMALIZE_NFD);
  section->meeting_id = fixture->meeting;
  section->text = g_strdup (nfd);
  fixture->minutes = docket_store_add_minutes_section (fixture->store, section, &error);
  g_assert_no_error (error);

  conclusion->meeting_id = fixture->meeting;
  conclusion->text = g_strdup ("ĐẨY MẠNH CHUYỂN ĐỔI SỐ trong toàn xã");
  fixture->conclusion = docket_store_add_conclusion (fixture->store, conclusion, &error);
  g_assert_no_error (error);

  fixture->item = add_item (fixture, fixture->meeting, fixture->units[0],
                            "Cải cách hành chính tại bộ phận một cửa");
  fixture->other_item = add_item (fixture, fixture->other_meeting, fixture->units[1],
                                  "Kiểm tra tiến độ xây dựng trường học");
  fixture->progress = docket_store_add_progress (fixture->store, fixture->other_item,
                                                 D (2026, 5, 20),
                                                 "Đã nghiệm thu phần móng", -1, NULL, 0,
                                                 &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  docket_test_tmpdir_free (fixture->dir);
}

static GPtrArray *
search_query (Fixture                 *fixture,
              const DocketSearchQuery *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *results = docket_store_search (fixture->store, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static GPtrArray *
search (Fixture    *fixture,
        const char *text)
{
  DocketSearchQuery query = { .text = text };

  return search_query (fixture, &query);
}

static DocketSearchResult *
result_at (GPtrArray *results,
           guint      i)
{
  g_assert_cmpuint (i, <, results->len);
  return g_ptr_array_index (results, i);
}

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  g_assert_cmpint (sqlite3_exec (_docket_store_get_db (fixture->store), sql, NULL, NULL, NULL),
                   ==, SQLITE_OK);
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (_docket_store_get_db (fixture->store), sql, -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* The index agrees with itself (FTS5's own check of its b-trees and doclists). */
static void
assert_index_sound (Fixture *fixture)
{
  exec_sql (fixture, "INSERT INTO search_index (search_index) VALUES ('integrity-check')");
}

static void
test_folding (Fixture       *fixture,
              gconstpointer  data)
{
  const struct
  {
    const char      *query;
    DocketSearchKind kind;
    gsize            id_offset;
  } cases[] = {
    { "cai cach hanh chinh", DOCKET_SEARCH_KIND_ITEM, G_STRUCT_OFFSET (Fixture, item) },
    { "CAI CACH HANH CHINH", DOCKET_SEARCH_KIND_ITEM, G_STRUCT_OFFSET (Fixture, item) },
    { "Cải Cách", DOCKET_SEARCH_KIND_ITEM, G_STRUCT_OFFSET (Fixture, item) },
    { "mot cua", DOCKET_SEARCH_KIND_ITEM, G_STRUCT_OFFSET (Fixture, item) },
    { "duong", DOCKET_SEARCH_KIND_MEETING, G_STRUCT_OFFSET (Fixture, meeting) },
    { "DUONG", DOCKET_SEARCH_KIND_MEETING, G_STRUCT_OFFSET (Fixture, meeting) },
    { "đường", DOCKET_SEARCH_KIND_MEETING, G_STRUCT_OFFSET (Fixture, meeting) },
    { "ĐƯỜNG", DOCKET_SEARCH_KIND_MEETING, G_STRUCT_OFFSET (Fixture, meeting) },
    { "hoi truong", DOCKET_SEARCH_KIND_MEETING, G_STRUCT_OFFSET (Fixture, meeting) },
    { "day manh chuyen doi so", DOCKET_SEARCH_KIND_CONCLUSION,
      G_STRUCT_OFFSET (Fixture, conclusion) },
    { "chuyển đổi", DOCKET_SEARCH_KIND_CONCLUSION, G_STRUCT_OFFSET (Fixture, conclusion) },
    /* Stacked marks in the text (decomposed) and in the query (precomposed). */
    { "thu tuc dat dai", DOCKET_SEARCH_KIND_MINUTES, G_STRUCT_OFFSET (Fixture, minutes) },
    { "cấp giấy", DOCKET_SEARCH_KIND_MINUTES, G_STRUCT_OFFSET (Fixture, minutes) },
    /* … and decomposed in the query. */
    { "nghie\xcc\xa3\xcc\x82m thu", DOCKET_SEARCH_KIND_PROGRESS,
      G_STRUCT_OFFSET (Fixture, progress) },
    { "nghiem thu", DOCKET_SEARCH_KIND_PROGRESS, G_STRUCT_OFFSET (Fixture, progress) },
    /* The word being typed matches as a prefix. */
    { "hanh ch", DOCKET_SEARCH_KIND_ITEM, G_STRUCT_OFFSET (Fixture, item) },
    { "tiến đ", DOCKET_SEARCH_KIND_ITEM, G_STRUCT_OFFSET (Fixture, other_item) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) results = search (fixture, cases[i].query);
      DocketId id = G_STRUCT_MEMBER (DocketId, fixture, cases[i].id_offset);

      g_test_message ("query “%s”", cases[i].query);
      g_assert_cmpuint (results->len, ==, 1);
      g_assert_cmpint (result_at (results, 0)->kind, ==, cases[i].kind);
      g_assert_cmpint (result_at (results, 0)->record_id, ==, id);
    }

  /* A finished word (a space after it) is no longer a prefix. */
  {
    g_autoptr(GPtrArray) typing = search (fixture, "hanh chin");
    g_autoptr(GPtrArray) finished = search (fixture, "hanh chin ");

    g_assert_cmpuint (typing->len, ==, 1);
    g_assert_cmpuint (finished->len, ==, 0);
  }
}

static void
test_results (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) results = search (fixture, "nghiem thu");
  g_autoptr(GPtrArray) meeting = search (fixture, "hoi truong");
  g_autofree char *markup = NULL;
  g_autofree char *plain = NULL;
  DocketSearchResult *result = result_at (results, 0);

  g_assert_cmpint (result->kind, ==, DOCKET_SEARCH_KIND_PROGRESS);
  g_assert_cmpint (result->item_id, ==, fixture->other_item);
  g_assert_cmpint (result->meeting_id, ==, fixture->other_meeting);
  g_assert_cmpint (result->date, ==, D (2026, 5, 20));
  g_assert_cmpstr (result->title, ==, "Kiểm tra tiến độ xây dựng trường học");
  plain = docket_search_result_dup_snippet (result, "[", "]");
  g_assert_cmpstr (plain, ==, "Đã [nghiệm] [thu] phần móng");

  result = result_at (meeting, 0);
  g_assert_cmpint (result->meeting_id, ==, fixture->meeting);
  g_assert_cmpint (result->item_id, ==, 0);
  g_assert_cmpint (result->date, ==, D (2026, 4, 27));
  markup = docket_search_result_dup_snippet_markup (result);
  g_assert_cmpstr (markup, ==, "Họp về Đường giao thông nông thôn — <b>Hội</b> <b>trường</b> UBND");
  g_assert_cmpstr (docket_search_kind_to_string (result->kind), ==, "meeting");
}

/* Text that looks like markup is escaped, and a long text is cut around the match. */
/* Pango markup is GMarkup: a parse inside a root element proves nothing escaped
 * leaked into it. */
static void
assert_well_formed (const char *markup)
{
  static const GMarkupParser parser = { NULL, };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autofree char *document = g_strdup_printf ("<markup>%s</markup>", markup);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_markup_parse_context_parse (context, document, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
}

static void
test_snippet (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("<b>Tôi</b> & \"bạn\"");
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *markup = NULL;

  for (int i = 0; i < 40; i++)
    g_string_append (text, " chữ");
  g_string_append (text, " mục tiêu\nsố một");
  for (int i = 0; i < 40; i++)
    g_string_append (text, " khác");
  add_item (fixture, fixture->meeting, fixture->units[0], "<b>Tôi</b> & \"bạn\" <i>");
  add_item (fixture, fixture->meeting, fixture->units[0], text->str);

  results = search (fixture, "toi ban");
  g_assert_cmpuint (results->len, ==, 2);
  markup = docket_search_result_dup_snippet_markup (result_at (results, 0));
  g_assert_true (g_str_has_prefix (markup, "&lt;b&gt;<b>Tôi</b>&lt;/b&gt; &amp; &quot;<b>bạn</b>&quot;"));
  assert_well_formed (markup);
  g_clear_pointer (&markup, g_free);
  g_clear_pointer (&results, g_ptr_array_unref);

  results = search (fixture, "muc tieu so");
  g_assert_cmpuint (results->len, ==, 1);
  markup = docket_search_result_dup_snippet (result_at (results, 0), "[", "]");
  g_assert_cmpstr (markup, ==, "… chữ chữ chữ chữ chữ [mục] [tiêu] [số] một khác khác khác khác "
                               "khác khác khác khác khác khác khác khác khác khác khác …");
}

/* When the query carries diacritics, the texts that hold them come before the texts
 * that only match folded, even when these would rank higher by relevance. */
static void
test_exact_ranks_first (Fixture       *fixture,
                        gconstpointer  data)
{
  DocketId folded_only, exact;
  g_autoptr(GPtrArray) with_marks = NULL;
  g_autoptr(GPtrArray) without = NULL;

  /* Short and repeating the word, so bm25 alone would put it first. */
  folded_only = add_item (fixture, fixture->meeting, fixture->units[0], "Đương đương đương");
  exact = add_item (fixture, fixture->meeting, fixture->units[0],
                    "Nâng cấp tuyến đường liên xã theo kế hoạch đầu tư công trung hạn");

  with_marks = search_query (fixture, &(DocketSearchQuery) {
    .text = "đường", .kinds = DOCKET_SEARCH_KIND_FLAG (DOCKET_SEARCH_KIND_ITEM) });
  g_assert_cmpuint (with_marks->len, ==, 2);
  g_assert_cmpint (result_at (with_marks, 0)->record_id, ==, exact);
  g_assert_true (result_at (with_marks, 0)->exact);
  g_assert_cmpint (result_at (with_marks, 1)->record_id, ==, folded_only);
  g_assert_false (result_at (with_marks, 1)->exact);

  without = search_query (fixture, &(DocketSearchQuery) {
    .text = "duong", .kinds = DOCKET_SEARCH_KIND_FLAG (DOCKET_SEARCH_KIND_ITEM) });
  g_assert_cmpuint (without->len, ==, 2);
  g_assert_cmpint (result_at (without, 0)->record_id, ==, folded_only);
  g_assert_false (result_at (without, 0)->exact);
  g_assert_false (result_at (without, 1)->exact);

  /* Words typed without diacritics beside one with them match folded. */
  g_clear_pointer (&with_marks, g_ptr_array_unref);
  with_marks = search_query (fixture, &(DocketSearchQuery) {
    .text = "tuyen đường", .kinds = DOCKET_SEARCH_KIND_FLAG (DOCKET_SEARCH_KIND_ITEM) });
  g_assert_cmpuint (with_marks->len, ==, 1);
  g_assert_true (result_at (with_marks, 0)->exact);
}

/* A word being typed that is longer than the index's own prefixes (two
 * characters) is turned into the words of the index it begins, as written and
 * folded, including the words of records added since the index was made. */
static void
test_long_prefix (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) exact = search (fixture, "Đẩy mạnh chuyể");
  g_autoptr(GPtrArray) folded = search (fixture, "day manh chuye");
  g_autoptr(GPtrArray) none = search (fixture, "day manh chuyex");
  g_autoptr(GPtrArray) added = NULL;
  DocketId item;

  g_assert_cmpuint (exact->len, ==, 1);
  g_assert_cmpint (result_at (exact, 0)->record_id, ==, fixture->conclusion);
  g_assert_true (result_at (exact, 0)->exact);
  g_assert_cmpuint (folded->len, ==, 1);
  g_assert_cmpint (result_at (folded, 0)->record_id, ==, fixture->conclusion);
  g_assert_false (result_at (folded, 0)->exact);
  g_assert_cmpuint (none->len, ==, 0);
  /* … from the words of the index, not from FTS5's own (slow) prefix search. */
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM search_words "
                                       "WHERE word IN ('chuyển', 'chuyen')"), ==, 2);

  item = add_item (fixture, fixture->meeting, fixture->units[0], "Nghiệm thu công trình thủy lợi");
  added = search (fixture, "nghiem thu cong trin");
  g_assert_cmpuint (added->len, ==, 1);
  g_assert_cmpint (result_at (added, 0)->record_id, ==, item);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM search_words "
                                       "WHERE word IN ('trình', 'trinh')"), ==, 2);
}

/* Whatever is typed, the search answers (never an SQL or FTS5 error), and the
 * characters FTS5 would read as syntax are only separators between words. */
static void
test_hostile_queries (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *no_error[] = {
    "\"", "\"\"", "'", "*", "**", "-", "- -", "(", ")", "()", "(((", "AND", "OR", "NOT",
    "NEAR", "NEAR(", "NEAR(a b, 2)", "a AND", "OR b", "^", "+", ":", "folded:", "folded : x",
    "{folded original} : x", "original:đường", "x*y", "*x", "\\", "%", "_", "'; DROP TABLE items; --",
    "\"unbalanced", "😀", "😀😀 🇻🇳", "\t\n\r", "", " ", "\xff\xfe invalid", "\xe2\x80",
    "a\x01" "b", "\xee\x80\x80", "ﬁ", "½ ²", "٣", "漢字", "NEAR/3",
  };
  const struct
  {
    const char *query;
    guint       n;
  } as_words[] = {
    { "\"cải cách", 1 },            /* an unbalanced quote */
    { "cải -cách", 1 },             /* not a NOT */
    { "(hành chính", 1 },
    { "hành) chính(", 1 },
    { "cải* cách*", 1 },
    { "\"cải\" \"cách\"", 1 },
    { "cải 😀 cách", 1 },           /* emoji separate words */
    { "cải😀cách", 1 },             /* … even inside one */
    { "một-cửa", 1 },               /* a phrase "một cửa" */
    { "cửa-một", 0 },               /* not in that order */
    { "cải OR xyz", 0 },            /* OR is a word that must be there */
    { "cải AND", 0 },
    { "NEAR(cải cách)", 0 },
    { "folded : cai", 0 },
    { "😀", 0 },
  };
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GString) junk = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < G_N_ELEMENTS (no_error); i++)
    {
      g_autoptr(GPtrArray) results = NULL;

      {
        /* Some queries are not UTF-8 on purpose; the TAP stream must stay text. */
        g_autofree char *shown = g_strescape (no_error[i], NULL);
        g_test_message ("query “%s”", shown);
      }
      results = search (fixture, no_error[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (as_words); i++)
    {
      g_autoptr(GPtrArray) results = NULL;

      g_test_message ("query “%s”", as_words[i].query);
      results = search_query (fixture, &(DocketSearchQuery) {
        .text = as_words[i].query, .kinds = DOCKET_SEARCH_KIND_FLAG (DOCKET_SEARCH_KIND_ITEM) });
      g_assert_cmpuint (results->len, ==, as_words[i].n);
    }

  /* 10 kB of the item's own words, and 10 kB of random bytes. */
  while (long_text->len < 10 * 1024)
    g_string_append (long_text, "cải cách (hành) \"chính\" ");
  {
    g_autoptr(GPtrArray) results = search (fixture, long_text->str);

    g_assert_cmpuint (results->len, ==, 1);
  }
  while (junk->len < 10 * 1024)
    g_string_append_c (junk, (char) g_rand_int_range (rand, 1, 256));
  {
    g_autoptr(GPtrArray) results = search (fixture, junk->str);
  }
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) results = NULL;
  DocketId coordinated;

  g_autofree char *sql = NULL;

  /* "giao" is in both meetings' titles and in this item, which unit 0 leads and unit 1
   * coordinates. */
  coordinated = add_item (fixture, fixture->meeting, fixture->units[0], "Giao việc phối hợp");
  sql = g_strdup_printf ("INSERT INTO item_coordinating_units VALUES (%" G_GINT64_FORMAT
                         ", %" G_GINT64_FORMAT ")", coordinated, fixture->units[1]);
  exec_sql (fixture, sql);

  all = search (fixture, "giao");
  /* Two meetings and the new item. */
  g_assert_cmpuint (all->len, ==, 3);

  results = search_query (fixture, &(DocketSearchQuery) {
    .text = "giao", .kinds = DOCKET_SEARCH_KIND_FLAG (DOCKET_SEARCH_KIND_MEETING) });
  g_assert_cmpuint (results->len, ==, 2);
  g_clear_pointer (&results, g_ptr_array_unref);

  results = search_query (fixture, &(DocketSearchQuery) {
    .text = "giao", .meeting_id = fixture->other_meeting });
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpint (result_at (results, 0)->record_id, ==, fixture->other_meeting);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* Unit 1 coordinates the new item and was invited to the first meeting. */
  results = search_query (fixture, &(DocketSearchQuery) {
    .text = "giao", .unit_id = fixture->units[1] });
  g_assert_cmpuint (results->len, ==, 2);
  for (guint i = 0; i < results->len; i++)
    g_assert_true (result_at (results, i)->record_id == coordinated ||
                   result_at (results, i)->record_id == fixture->meeting);
  g_clear_pointer (&results, g_ptr_array_unref);

  results = search_query (fixture, &(DocketSearchQuery) {
    .text = "giao", .unit_id = fixture->units[0],
    .kinds = DOCKET_SEARCH_KIND_FLAG (DOCKET_SEARCH_KIND_ITEM) });
  g_assert_cmpuint (results->len, ==, 1);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* Days: the first meeting and its item (assigned on the meeting's day). */
  results = search_query (fixture, &(DocketSearchQuery) {
    .text = "giao", .from = D (2026, 4, 1), .to = D (2026, 4, 30) });
  g_assert_cmpuint (results->len, ==, 2);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = search_query (fixture, &(DocketSearchQuery) {
    .text = "giao", .from = D (2026, 5, 1) });
  g_assert_cmpuint (results->len, ==, 1);
  g_clear_pointer (&results, g_ptr_array_unref);

  results = search_query (fixture, &(DocketSearchQuery) { .text = "giao", .limit = 2 });
  g_assert_cmpuint (results->len, ==, 2);
}

static void
test_limit_and_tiers (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) results = NULL;

  for (int i = 0; i < 70; i++)
    add_item (fixture, fixture->meeting, fixture->units[0],
              i % 2 ? "Bảo đảm an toàn" : "Bao dam an toan");
  results = search (fixture, "an toàn");
  g_assert_cmpuint (results->len, ==, DOCKET_SEARCH_DEFAULT_LIMIT);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpint (result_at (results, i)->exact, ==, i < 35);
  g_clear_pointer (&results, g_ptr_array_unref);

  results = search_query (fixture, &(DocketSearchQuery) { .text = "an toàn", .limit = 1000 });
  g_assert_cmpuint (results->len, ==, 70);
}

static gboolean
update_then_fail_cb (DocketStore *store,
                     gpointer     data,
                     GError     **error)
{
  Fixture *fixture = data;
  g_autoptr(DocketItem) item = docket_store_get_item (store, fixture->item, error);

  g_assert_nonnull (item);
  g_free (item->content);
  item->content = g_strdup ("Nội dung tạm thời");
  g_assert_true (docket_store_update_item (store, item, error));
  g_set_error_literal (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID, "refused");
  return FALSE;
}

static guint
count (Fixture    *fixture,
       const char *text)
{
  g_autoptr(GPtrArray) results = search (fixture, text);

  return results->len;
}

static void
test_consistency (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketItem) item = docket_store_get_item (fixture->store, fixture->item, &error);
  g_autoptr(DocketMeeting) meeting = docket_store_get_meeting (fixture->store, fixture->meeting,
                                                               &error);
  g_autoptr(DocketConclusion) conclusion = NULL;

  g_assert_no_error (error);

  /* An update replaces the old words. */
  g_free (item->content);
  item->content = g_strdup ("Số hóa hồ sơ");
  g_assert_true (docket_store_update_item (fixture->store, item, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture, "cai cach"), ==, 0);
  g_assert_cmpuint (count (fixture, "so hoa ho so"), ==, 1);

  g_free (meeting->location);
  meeting->location = g_strdup ("Phòng họp số 2");
  g_assert_true (docket_store_update_meeting (fixture->store, meeting, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture, "hoi truong"), ==, 0);
  g_assert_cmpuint (count (fixture, "phong hop"), ==, 1);

  conclusion = docket_store_get_conclusion (fixture->store, fixture->conclusion, &error);
  g_assert_no_error (error);
  g_free (conclusion->text);
  conclusion->text = g_strdup ("Tăng cường kiểm tra");
  g_assert_true (docket_store_update_conclusion (fixture->store, conclusion, &error));
  g_assert_cmpuint (count (fixture, "chuyen doi so"), ==, 0);
  g_assert_cmpuint (count (fixture, "tang cuong"), ==, 1);
  assert_index_sound (fixture);

  /* A rolled-back action leaves the index as it was. */
  g_assert_false (_docket_store_write (fixture->store, update_then_fail_cb, fixture, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count (fixture, "noi dung tam thoi"), ==, 0);
  g_assert_cmpuint (count (fixture, "so hoa ho so"), ==, 1);

  /* Deletes, directly and by cascade. */
  g_assert_true (docket_store_remove_conclusion (fixture->store, fixture->conclusion, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture, "tang cuong"), ==, 0);
  exec_sql (fixture, "DELETE FROM items WHERE meeting_id IS NOT NULL");
  g_assert_cmpuint (count (fixture, "so hoa"), ==, 0);
  g_assert_cmpuint (count (fixture, "nghiem thu"), ==, 0);  /* its progress report */
  g_assert_cmpuint (count (fixture, "thu tuc"), ==, 1);
  exec_sql (fixture, "DELETE FROM meetings");
  g_assert_cmpuint (count (fixture, "thu tuc"), ==, 0);       /* its minutes */
  g_assert_cmpuint (count (fixture, "duong"), ==, 0);
  assert_index_sound (fixture);
  g_assert_cmpint (sqlite3_total_changes (_docket_store_get_db (fixture->store)), >, 0);
}

static void
test_rebuild (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE items SET content = 'Chữa cháy rừng' "
                                          "WHERE id = %" G_GINT64_FORMAT, fixture->item);

  /* As if a tool had changed the file behind the triggers. */
  exec_sql (fixture, "INSERT INTO search_index (search_index) VALUES ('delete-all')");
  exec_sql (fixture, "DROP TRIGGER search_items_update");
  exec_sql (fixture, sql);
  g_assert_cmpuint (count (fixture, "cai cach"), ==, 0);
  g_assert_cmpuint (count (fixture, "chua chay"), ==, 0);

  g_assert_true (docket_store_rebuild_search_index (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture, "chua chay"), ==, 1);
  g_assert_cmpuint (count (fixture, "chua cha"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM search_words "
                                       "WHERE word IN ('chữa', 'chua', 'cháy', 'chay')"), ==, 4);
  g_assert_cmpuint (count (fixture, "duong"), ==, 1);
  g_assert_cmpuint (count (fixture, "thu tuc"), ==, 1);
  g_assert_cmpuint (count (fixture, "day manh"), ==, 1);
  g_assert_cmpuint (count (fixture, "nghiem thu"), ==, 1);
  g_assert_cmpuint (count (fixture, "kiem tra"), ==, 1);
  assert_index_sound (fixture);
}

static void
test_kind_names (void)
{
  for (guint kind = 0; kind < DOCKET_SEARCH_N_KINDS; kind++)
    {
      DocketSearchKind parsed = 99;

      g_assert_true (docket_search_kind_from_string (docket_search_kind_to_string (kind), &parsed));
      g_assert_cmpint (parsed, ==, kind);
      g_assert_nonnull (docket_search_kind_get_title (kind));
    }
  {
    DocketSearchKind parsed;

    g_assert_false (docket_search_kind_from_string ("meetings!", &parsed));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/docket/store-search/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("folding", test_folding);
  ADD ("results", test_results);
  ADD ("snippet", test_snippet);
  ADD ("exact-ranks-first", test_exact_ranks_first);
  ADD ("long-prefix", test_long_prefix);
  ADD ("hostile-queries", test_hostile_queries);
  ADD ("filters", test_filters);
  ADD ("limit-and-tiers", test_limit_and_tiers);
  ADD ("consistency", test_consistency);
  ADD ("rebuild", test_rebuild);
#undef ADD
  g_test_add_func ("/docket/store-search/kind-names", test_kind_names);

  return g_test_run ();
}
