/* bench-search.c: the search budget over a million items (issue 4)
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates 1,000,000 items and 50,000 meetings with three sections of minutes and
 * two conclusions each, in one transaction through raw SQL (the search triggers fill
 * the index as the rows go in, as they do in use), then measures and prints:
 *
 * - the median time of docket_store_search() to the first 50 ranked results, for
 *   typical two-word queries typed without diacritics, with them, and as a prefix
 *   (budget ≤ 10 ms);
 * - the same words found with LIKE '%…%' over the same folded text, in the same run
 *   (budget: search ≥ 100× faster);
 * - the size of the index as a share of the database file.
 *
 * The text is drawn from a vocabulary of administrative terms with a Zipf-like
 * distribution, as real records are: a few terms are in a large share of them and
 * most are rare, so a "typical" query, drawn from the middle of the vocabulary,
 * matches thousands of records, not hundreds of thousands.
 *
 * DOCKET_BENCH_SCALE=0.01 runs the same at a hundredth of the size; the test suite
 * does so, so the benchmark cannot rot.  DOCKET_BENCH_DB=PATH keeps the generated
 * file at PATH and, when it is already there, measures it again without generating
 * (opening it migrates it, as Docket does), so a change to the search can be
 * measured in minutes rather than after a new million rows.  Exit status 1 when a
 * search fails.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "docket-store-private.h"
#include "docket-store-search.h"

/* Terms of meeting records, most frequent first. */
static const char * const terms[] = {
  "triển khai", "thực hiện", "kế hoạch", "báo cáo", "kiểm tra", "chỉ đạo", "đôn đốc",
  "hồ sơ", "thủ tục", "hành chính", "cải cách", "đất đai", "xây dựng", "giải ngân",
  "đầu tư công", "chuyển đổi số", "một cửa", "trực tuyến", "tuyên truyền", "an toàn",
  "giao thông", "nông thôn mới", "y tế", "giáo dục", "môi trường", "phòng cháy", "thuế",
  "ngân sách", "quy hoạch", "giải phóng mặt bằng", "tái định cư", "bồi thường",
  "dịch vụ công", "chữ ký số", "căn cước", "dân cư", "an ninh trật tự", "ma túy",
  "lao động", "việc làm", "bảo hiểm", "người có công", "hộ nghèo", "khuyến nông",
  "thủy lợi", "đê điều", "phòng chống thiên tai", "rác thải", "nước sạch", "chợ",
  "văn hóa", "thể thao", "du lịch", "lễ hội", "di tích", "khám chữa bệnh", "tiêm chủng",
  "học sinh", "trường học", "sáp nhập", "biên chế", "công chức", "thi đua", "khen thưởng",
  "kỷ luật", "tiếp công dân", "khiếu nại", "tố cáo", "thanh tra", "hòa giải", "hộ tịch",
  "chứng thực", "cấp phép", "xử phạt", "vi phạm", "lấn chiếm", "vỉa hè", "chiếu sáng",
  "cây xanh", "điện lực", "viễn thông", "cầu cống", "kênh mương", "hợp tác xã",
  "doanh nghiệp", "thương mại", "chăn nuôi", "dịch bệnh", "cây trồng", "sâu bệnh",
};

typedef struct
{
  DocketStore *store;
  sqlite3     *db;
  char        *path;
  guint        n_items;
  guint        n_meetings;
  double      *weights;  /* cumulative Zipf weights of terms[] */
  gboolean     failed;
} Bench;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

static void
step_done (sqlite3      *db,
           sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("step: %s", sqlite3_errmsg (db));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static const char *
draw_term (Bench *b,
           GRand *rand)
{
  double x = g_rand_double (rand) * b->weights[G_N_ELEMENTS (terms) - 1];
  guint lo = 0, hi = G_N_ELEMENTS (terms) - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (b->weights[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return terms[lo];
}

static char *
random_text (Bench      *b,
             GRand      *rand,
             const char *lead,
             int         n_terms)
{
  GString *s = g_string_new (lead);

  for (int i = 0; i < n_terms; i++)
    g_string_append_printf (s, "%s%s", i % 4 == 0 ? ", " : " ", draw_term (b, rand));
  return g_string_free (s, FALSE);
}

static void
generate (Bench *b)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *meeting, *section, *conclusion, *item, *list;
  DocketDate first = docket_date_new (2024, 1, 1);
  double t0 = now_ms ();

  exec_sql (b->db, "PRAGMA cache_size = -262144");
  exec_sql (b->db, "BEGIN");
  /* The list indexes of the items are built once after the rows are in, sorted,
   * rather than updated row by row (as bench-store does): the same file, made in a
   * fraction of the time.  The search index is filled by its triggers, row by row,
   * as in use. */
  list = prepare (b->db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                         "tbl_name = 'items' AND sql IS NOT NULL");
  while (sqlite3_step (list) == SQLITE_ROW)
    {
      g_autofree char *drop = g_strdup_printf ("DROP INDEX \"%s\"", sqlite3_column_text (list, 0));

      g_ptr_array_add (indexes, g_strdup ((const char *) sqlite3_column_text (list, 1)));
      g_ptr_array_add (drops, g_steal_pointer (&drop));
    }
  sqlite3_finalize (list);
  for (guint i = 0; i < drops->len; i++)
    exec_sql (b->db, drops->pdata[i]);
  exec_sql (b->db, "INSERT INTO units (id, name, name_folded, created_at, updated_at, updated_by) "
                   "VALUES (1, 'Văn phòng', 'van phong', 0, 0, 'bench')");
  meeting = prepare (b->db, "INSERT INTO meetings (id, title, title_folded, date, location, "
                            "created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 0, 0, 'bench')");
  section = prepare (b->db, "INSERT INTO minutes_sections (meeting_id, position, text, created_at, "
                            "updated_at, updated_by) VALUES (?, ?, ?, 0, 0, 'bench')");
  conclusion = prepare (b->db, "INSERT INTO conclusions (meeting_id, position, text, created_at, "
                               "updated_at, updated_by) VALUES (?, ?, ?, 0, 0, 'bench')");
  for (guint i = 1; i <= b->n_meetings; i++)
    {
      g_autofree char *title = random_text (b, rand, "Họp về", 3);
      g_autofree char *folded = _docket_store_fold (title);
      g_autofree char *date = docket_date_format_iso (docket_date_add_days (first, (int) (i * 1100 / b->n_meetings)));

      sqlite3_bind_int (meeting, 1, (int) i);
      sqlite3_bind_text (meeting, 2, title, -1, SQLITE_STATIC);
      sqlite3_bind_text (meeting, 3, folded, -1, SQLITE_STATIC);
      sqlite3_bind_text (meeting, 4, date, -1, SQLITE_STATIC);
      sqlite3_bind_text (meeting, 5, "Hội trường UBND", -1, SQLITE_STATIC);
      step_done (b->db, meeting);
      for (int p = 1; p <= 3; p++)
        {
          g_autofree char *text = random_text (b, rand, "Ý kiến:", 24);

          sqlite3_bind_int (section, 1, (int) i);
          sqlite3_bind_int (section, 2, p);
          sqlite3_bind_text (section, 3, text, -1, SQLITE_STATIC);
          step_done (b->db, section);
        }
      for (int p = 1; p <= 2; p++)
        {
          g_autofree char *text = random_text (b, rand, "Giao", 6);

          sqlite3_bind_int (conclusion, 1, (int) i);
          sqlite3_bind_int (conclusion, 2, p);
          sqlite3_bind_text (conclusion, 3, text, -1, SQLITE_STATIC);
          step_done (b->db, conclusion);
        }
    }
  sqlite3_finalize (meeting);
  sqlite3_finalize (section);
  sqlite3_finalize (conclusion);

  item = prepare (b->db, "INSERT INTO items (id, meeting_id, content, content_folded, lead_unit_id, "
                         "created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, 1, 0, 0, 'bench')");
  for (guint i = 1; i <= b->n_items; i++)
    {
      guint m = 1 + (guint) ((guint64) (i - 1) * b->n_meetings / b->n_items);
      g_autofree char *content = random_text (b, rand, "Nhiệm vụ:", 8);
      g_autofree char *folded = _docket_store_fold (content);

      sqlite3_bind_int (item, 1, (int) i);
      sqlite3_bind_int (item, 2, (int) m);
      sqlite3_bind_text (item, 3, content, -1, SQLITE_STATIC);
      sqlite3_bind_text (item, 4, folded, -1, SQLITE_STATIC);
      step_done (b->db, item);
    }
  sqlite3_finalize (item);
  for (guint i = 0; i < indexes->len; i++)
    exec_sql (b->db, indexes->pdata[i]);
  exec_sql (b->db, DOCKET_STORE_FLUSH_SEARCH_SQL);
  exec_sql (b->db, "COMMIT");
  /* What a long-lived file looks like: the index merged into few segments. */
  exec_sql (b->db, "INSERT INTO search_index (search_index) VALUES ('optimize')");
  printf ("generated %u items, %u meetings with %u sections of minutes and %u conclusions "
          "in %.1f s\n", b->n_items, b->n_meetings, 3 * b->n_meetings, 2 * b->n_meetings,
          (now_ms () - t0) / 1000.0);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_double);
  return g_array_index (times, double, times->len / 2);
}

/* Two terms from the middle of the vocabulary: a query someone types. */
static char *
typical_query (GRand *rand)
{
  guint n = G_N_ELEMENTS (terms);
  const char *a = terms[g_rand_int_range (rand, 8, (gint32) n)];
  const char *c = terms[g_rand_int_range (rand, 8, (gint32) n)];
  g_auto(GStrv) wa = g_strsplit (a, " ", -1);
  g_auto(GStrv) wc = g_strsplit (c, " ", -1);

  /* One word of each term: "ho so thu tuc" would be four. */
  return g_strdup_printf ("%s %s", wa[0], wc[g_strv_length (wc) - 1]);
}

static double
time_search (Bench      *b,
             const char *text,
             guint      *out_n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  DocketSearchQuery query = { .text = text };
  double t0 = now_ms (), t;

  results = docket_store_search (b->store, &query, &error);
  t = now_ms () - t0;
  if (results == NULL)
    {
      printf ("search “%s” failed: %s\n", text, error->message);
      b->failed = TRUE;
      *out_n = 0;
      return t;
    }
  *out_n = results->len;
  return t;
}

/* The LIKE scan a search without an index would be: every folded text that holds
 * both words, the shortest first (a crude relevance, and it needs them all). */
static double
time_like (Bench      *b,
           const char *folded,
           guint      *out_n)
{
  static const char sql[] =
    "SELECT count (*) FROM (SELECT id FROM items WHERE content_folded LIKE ?1 AND content_folded LIKE ?2 "
    "UNION ALL SELECT id FROM meetings WHERE title_folded LIKE ?1 AND title_folded LIKE ?2 "
    "UNION ALL SELECT id FROM minutes_sections WHERE docket_fold (text) LIKE ?1 "
    "  AND docket_fold (text) LIKE ?2 "
    "UNION ALL SELECT id FROM conclusions WHERE docket_fold (text) LIKE ?1 "
    "  AND docket_fold (text) LIKE ?2)";
  sqlite3_stmt *stmt = prepare (b->db, sql);
  g_auto(GStrv) words = g_strsplit (folded, " ", 2);
  g_autofree char *p1 = g_strdup_printf ("%%%s%%", words[0]);
  g_autofree char *p2 = g_strdup_printf ("%%%s%%", words[1] ? words[1] : words[0]);
  double t0 = now_ms (), t;

  sqlite3_bind_text (stmt, 1, p1, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, p2, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("LIKE: %s", sqlite3_errmsg (b->db));
  *out_n = (guint) sqlite3_column_int (stmt, 0);
  t = now_ms () - t0;
  sqlite3_finalize (stmt);
  return t;
}

static guint
count_matches (Bench      *b,
               const char *folded)
{
  g_autofree char *match = NULL;
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  GString *m = g_string_new ("folded : ");
  sqlite3_stmt *stmt;
  guint n;

  for (guint i = 0; words[i] != NULL; i++)
    g_string_append_printf (m, "%s\"%s\"", i ? " " : "", words[i]);
  match = g_string_free (m, FALSE);
  stmt = prepare (b->db, "SELECT count (*) FROM search_index WHERE search_index MATCH ?");
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_step (stmt);
  n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
measure (Bench *b)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GArray) folded_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) marked_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) prefix_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) like_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (double));
  const int n_queries = 30;
  double fts, like;

  printf ("\nTwo-word queries (%d, each run 3 times, median of all runs):\n", n_queries);
  for (int q = 0; q < n_queries; q++)
    {
      g_autofree char *marked = typical_query (rand);
      g_autofree char *folded = _docket_store_fold (marked);
      g_autofree char *prefix = g_strndup (folded, strlen (folded) - 1);
      double n_matches = count_matches (b, folded);
      guint n = 0, n_like = 0;

      g_array_append_val (matches, n_matches);
      for (int r = 0; r < 3; r++)
        {
          double t = time_search (b, folded, &n);

          g_array_append_val (folded_times, t);
          t = time_search (b, marked, &n);
          g_array_append_val (marked_times, t);
          t = time_search (b, prefix, &n);
          g_array_append_val (prefix_times, t);
        }
      if (q < 5)
        {
          double t = time_like (b, folded, &n_like);

          g_array_append_val (like_times, t);
          printf ("  “%s”: %.0f records match, %u shown; LIKE finds %u in %.0f ms\n",
                  marked, n_matches, n, n_like, t);
        }
    }
  fts = median (folded_times);
  like = median (like_times);
  printf ("  records matching a query: median %.0f\n", median (matches));
  printf ("  first 50 ranked, typed without diacritics: median %.2f ms (budget <= 10 ms)\n", fts);
  printf ("  first 50 ranked, typed with diacritics:    median %.2f ms (budget <= 10 ms)\n",
          median (marked_times));
  printf ("  first 50 ranked, last word being typed:    median %.2f ms (budget <= 10 ms)\n",
          median (prefix_times));
  printf ("  LIKE '%%…%%' over the same text: median %.0f ms; search is %.0fx faster "
          "(budget >= 100x)\n", like, like / fts);
}

static void
report_size (Bench *b)
{
  sqlite3_stmt *stmt;
  gint64 index_bytes = -1, page_count = 0, page_size = 0;

  exec_sql (b->db, "PRAGMA wal_checkpoint (TRUNCATE)");
  stmt = prepare (b->db, "PRAGMA page_count");
  sqlite3_step (stmt);
  page_count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  stmt = prepare (b->db, "PRAGMA page_size");
  sqlite3_step (stmt);
  page_size = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  /* dbstat is optional in SQLite builds; without it the size is not known. */
  if (sqlite3_prepare_v2 (b->db, "SELECT sum (pgsize) FROM dbstat WHERE name LIKE 'search_index%'",
                          -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    index_bytes = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (index_bytes < 0)
    printf ("\nDatabase file %.1f MB; index size unknown (SQLite without dbstat)\n",
            page_count * page_size / 1e6);
  else
    printf ("\nDatabase file %.1f MB, search index %.1f MB: %.1f%% of the file\n",
            page_count * page_size / 1e6, index_bytes / 1e6,
            100.0 * index_bytes / (double) (page_count * page_size));
}

static void
remove_files (const char *dir,
              const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *f = g_strconcat (path, suffixes[i], NULL);

      g_unlink (f);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  const char *scale_env = g_getenv ("DOCKET_BENCH_SCALE");
  const char *keep = g_getenv ("DOCKET_BENCH_DB");
  gboolean reuse = FALSE;
  double scale = scale_env != NULL ? g_ascii_strtod (scale_env, NULL) : 1.0;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree double *weights = g_new (double, G_N_ELEMENTS (terms));
  Bench b = { 0 };
  double sum = 0;

  /* Progress shows as it happens when the output goes to a file. */
  setvbuf (stdout, NULL, _IOLBF, 0);
  if (scale <= 0 || scale > 10)
    scale = 1.0;
  for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
    weights[i] = sum += 1.0 / (i + 1);
  b.weights = weights;
  if (keep != NULL && *keep != '\0')
    {
      path = g_strdup (keep);
      reuse = g_file_test (path, G_FILE_TEST_EXISTS);
    }
  else
    {
      dir = g_dir_make_tmp ("docket-bench-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "bench.db", NULL);
    }
  b.store = docket_store_open (path, &error);
  g_assert_no_error (error);
  b.db = _docket_store_get_db (b.store);
  b.n_items = MAX (1000, (guint) (1000000 * scale));
  b.n_meetings = MAX (50, (guint) (50000 * scale));

  printf ("Docket search benchmark, scale %.3g, SQLite %s, file %s\n", scale,
          sqlite3_libversion (), path);
  if (reuse)
    printf ("measuring the file made before, as it is now\n");
  else
    generate (&b);
  measure (&b);
  report_size (&b);

  g_clear_object (&b.store);
  if (dir != NULL)
    remove_files (dir, path);
  return b.failed ? 1 : 0;
}
