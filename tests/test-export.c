/* test-export.c: the notice of conclusions, the period report and the item tracker
 * as files, read back with independent tools (poppler, LibreOffice)
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "docket-csv.h"
#include "docket-items-export.h"
#include "docket-notice-docx.h"
#include "docket-notice-layout.h"
#include "docket-report-export.h"
#include "docket-store-items.h"
#include "docket-store-meetings.h"
#include "docket-store-sample.h"
#include "docket-store-units.h"
#include "docket-test-support.h"

/* A LibreOffice profile of our own for the whole run: the user's is never touched,
 * and the second conversion does not pay for creating a profile again. */
static char *office_profile;

typedef struct
{
  char        *dir;
  DocketStore *store;
  DocketId     meeting_id;
} Fixture;

static void
fixture_set_up_sample (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) meetings = NULL;

  f->dir = docket_test_tmpdir_new ();
  path = g_build_filename (f->dir, "docket.db", NULL);
  f->store = docket_store_open (path, &error);
  g_assert_no_error (error);
  docket_store_load_sample (f->store, &error);
  g_assert_no_error (error);
  meetings = docket_store_list_meetings (f->store, -1, 0, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, ==, 1);
  f->meeting_id = ((DocketMeetingSummary *) g_ptr_array_index (meetings, 0))->meeting->id;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  docket_test_tmpdir_free (f->dir);
}

/* Whether @program can run here.  Without it a test is skipped on a developer's
 * machine, but fails under CI, whose setup must install it. */
static gboolean
have_tool (const char *program)
{
  g_autofree char *found = g_find_program_in_path (program);

  if (found != NULL)
    return TRUE;
  if (g_getenv ("CI") != NULL)
    g_test_fail_printf ("%s is not installed; build-aux/setup.sh installs it", program);
  else
    g_test_skip_printf ("%s is not installed", program);
  return FALSE;
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return g_steal_pointer (&out);
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };

  return run_tool (argv);
}

/* Converts @file with LibreOffice headless into @format in @dir; returns the path. */
static char *
office_convert (const char *file,
                const char *format,
                const char *extension,
                const char *dir)
{
  g_autofree char *profile = g_strconcat ("-env:UserInstallation=file://", office_profile, NULL);
  g_autofree char *out = NULL;
  g_autofree char *base = g_path_get_basename (file);
  g_autofree char *stem = g_strndup (base, strrchr (base, '.') - base);
  g_autofree char *name = g_strconcat (stem, ".", extension, NULL);
  const char *argv[] = { "soffice", profile, "--headless", "--norestore", "--convert-to", format,
                         "--outdir", dir, file, NULL };

  out = run_tool (argv);
  return g_build_filename (dir, name, NULL);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* Whitespace collapsed, so that text wrapped by a layout can be searched for. */
static char *
squeeze (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p) || *p == '\f')
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_contains(haystack, needle) G_STMT_START { \
    if (strstr ((haystack), (needle)) == NULL) \
      g_error ("“%s” not found in:\n%s", (needle), (haystack)); \
  } G_STMT_END

/* What every rendering of the sample notice must read, wrapped lines joined. */
/* The text of a notice without its page numbers, which pdftotext puts in the middle
 * of a paragraph that runs on to the next page. */
static char *
notice_text (const char *raw)
{
  g_autoptr(GRegex) numbers = g_regex_new ("^\\s*\\d+\\s*$", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *bare = g_regex_replace_literal (numbers, raw, -1, 0, "", 0, NULL);

  return squeeze (bare);
}

static void
assert_sample_notice_text (const char *raw)
{
  g_autofree char *text = notice_text (raw);
  g_autoptr(GError) error = NULL;

  assert_contains (text, "ỦY BAN NHÂN DÂN TỈNH TÂY NINH");
  assert_contains (text, "ỦY BAN NHÂN DÂN XÃ BẾN LỨC");
  assert_contains (text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  assert_contains (text, "Độc lập - Tự do - Hạnh phúc");
  assert_contains (text, "Số: 45/TB-UBND");
  /* The notice is dated 07/07/2026: the day takes a zero, July does not. */
  assert_contains (text, "Bến Lức, ngày 07 tháng 7 năm 2026");
  assert_contains (text, "THÔNG BÁO");
  assert_contains (text, "Kết luận của Phó Chủ tịch UBND xã Nguyễn Văn Hùng tại Hội nghị sơ kết "
                         "công tác cải cách hành chính 6 tháng đầu năm 2026");
  assert_contains (text, "1. Thủ trưởng các đơn vị và Trưởng ban nhân dân các ấp khắc phục ngay");
  assert_contains (text, "6. Rà soát, bố trí đủ công chức phụ trách công nghệ thông tin và chuyển đổi số.");
  assert_contains (text, "b) Giao Trung tâm Phục vụ hành chính công xã chủ trì, phối hợp với Văn "
                         "phòng HĐND và UBND xã khắc phục tình trạng trả kết quả hồ sơ cho người dân "
                         "chậm so với giấy hẹn; hoàn thành trước ngày 31/08/2026.");
  /* Ten working days from the notice date, with the date it comes to. */
  assert_contains (text, "a) Giao Văn phòng HĐND và UBND xã chủ trì, phối hợp với Phòng Kinh tế, "
                         "Phòng Văn hóa - Xã hội lập danh mục");
  assert_contains (text, "thời hạn 10 ngày làm việc, hoàn thành trước ngày 21/07/2026.");
  /* The extended item is given with the deadline the notice set. */
  assert_contains (text, "Giao Phòng Kinh tế chủ trì, phối hợp với Trung tâm Phục vụ hành chính "
                         "công xã giải quyết dứt điểm các hồ sơ đất đai tồn đọng");
  assert_contains (text, "; thực hiện thường xuyên.");
  assert_contains (text, "Giao Ban Chỉ huy Quân sự xã số hóa hồ sơ quản lý lực lượng dân quân và "
                         "đăng ký nghĩa vụ quân sự; hoàn thành trước ngày 31/12/2026.");
  assert_contains (text, "thông báo để các cơ quan, đơn vị biết, thực hiện./.");
  assert_contains (text, "Nơi nhận:");
  assert_contains (text, "- Lưu: VT, VP.");
  assert_contains (text, "TL. CHỦ TỊCH");
  assert_contains (text, "CHÁNH VĂN PHÒNG");
  assert_contains (text, "Trần Minh Khoa");
  g_assert_cmpint (g_regex_match_simple ("Giao", text, 0, 0), ==, TRUE);
  {
    g_autoptr(GRegex) giao = g_regex_new ("[a-z]\\) Giao ", 0, 0, &error);
    g_autoptr(GMatchInfo) match = NULL;
    guint n = 0;

    g_assert_no_error (error);
    for (g_regex_match (giao, text, 0, &match); g_match_info_matches (match);
         g_match_info_next (match, NULL))
      n++;
    /* One assignment per tracked item. */
    g_assert_cmpuint (n, ==, 18);
  }
}

static void
test_notice_text (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketNotice) notice = docket_notice_new_from_store (f->store, f->meeting_id, &error);
  g_autofree char *jan = docket_notice_format_date_words (docket_date_new (2026, 1, 5));
  g_autofree char *mar = docket_notice_format_date_words (docket_date_new (2026, 3, 15));
  g_autofree char *five = docket_notice_format_number ("5");
  g_autofree char *twelve = docket_notice_format_number ("12");
  GString *all = g_string_new (NULL);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (jan, ==, "ngày 05 tháng 01 năm 2026");
  g_assert_cmpstr (mar, ==, "ngày 15 tháng 3 năm 2026");
  g_assert_cmpstr (five, ==, "05");
  g_assert_cmpstr (twelve, ==, "12");

  g_assert_cmpstr (notice->number_line, ==, "Số: 45/TB-UBND");
  g_assert_cmpstr (notice->place_date, ==, "Bến Lức, ngày 07 tháng 7 năm 2026");
  g_assert_cmpstr (g_ptr_array_index (notice->recipients, notice->recipients->len - 1), ==,
                   "- Lưu: VT, VP.");
  g_assert_cmpuint (notice->authority_lines->len, ==, 2);
  g_string_append_printf (all, "%s %s %s %s %s %s %s %s ", notice->parent_body, notice->issuing_body,
                          notice->number_line, notice->national_name, notice->motto,
                          notice->place_date, notice->title, notice->summary);
  for (guint i = 0; i < notice->paragraphs->len; i++)
    g_string_append_printf (all, "%s\n", ((DocketNoticeParagraph *) g_ptr_array_index (notice->paragraphs, i))->text);
  g_string_append_printf (all, "%s\n", notice->recipients_heading);
  for (guint i = 0; i < notice->recipients->len; i++)
    g_string_append_printf (all, "%s\n", (char *) g_ptr_array_index (notice->recipients, i));
  for (guint i = 0; i < notice->authority_lines->len; i++)
    g_string_append_printf (all, "%s\n", (char *) g_ptr_array_index (notice->authority_lines, i));
  g_string_append (all, notice->signer_name);
  text = g_string_free (all, FALSE);
  assert_sample_notice_text (text);
}

static void
test_notice_pdf (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "thong-bao.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *page2 = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *png_root = NULL;
  g_autofree char *png = NULL;
  const char *out_dir = g_getenv ("DOCKET_TEST_OUTPUT_DIR");

  docket_export_notice_pdf (f->store, f->meeting_id, pdf, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  if (!have_tool ("pdftotext") || !have_tool ("pdffonts") || !have_tool ("pdftoppm"))
    return;

  text = pdf_text (pdf);
  assert_sample_notice_text (text);
  {
    const char *argv[] = { "pdftotext", "-layout", "-f", "2", "-l", "2", pdf, "-", NULL };

    /* The page number heads the second page. */
    page2 = run_tool (argv);
    g_assert_true (g_regex_match_simple ("^\\s*2\\s*\n", page2, 0, 0));
  }
  {
    const char *argv[] = { "pdffonts", pdf, NULL };
    g_auto(GStrv) lines = NULL;
    guint n_fonts = 0;

    fonts = run_tool (argv);
    lines = g_strsplit (fonts, "\n", -1);
    /* Every font is embedded, and it is Times New Roman or its metric twin. */
    for (guint i = 2; lines[i] != NULL && *lines[i]; i++, n_fonts++)
      {
        g_assert_true (g_regex_match_simple ("(LiberationSerif|TimesNewRoman)", lines[i], 0, 0));
        g_assert_true (g_regex_match_simple ("\\s+yes\\s+yes\\s+yes\\s+\\d+\\s+\\d+\\s*$", lines[i], 0, 0));
      }
    g_assert_cmpuint (n_fonts, >=, 3);   /* regular, bold, italic */
  }
  if (out_dir != NULL)
    {
      const char *argv[] = { "pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                             pdf, NULL, NULL };

      png_root = g_build_filename (out_dir, "export-notice-page1", NULL);
      argv[10] = png_root;
      g_free (run_tool (argv));
      png = g_strconcat (png_root, ".png", NULL);
      g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
      g_test_message ("page 1 of the notice: %s", png);
    }
}

/* A meeting of 30 conclusions, each with an item, in a fresh store. */
static DocketId
add_long_meeting (DocketStore *store,
                  guint        n_conclusions)
{
  g_autoptr(GError) error = NULL;
  DocketUnit unit = { .name = (char *) "Phòng Kinh tế" };
  DocketUnit other = { .name = (char *) "Phòng Tư pháp" };
  DocketMeeting meeting = { .title = (char *) "Hội nghị giao ban tháng 01 năm 2026",
                            .date = docket_date_new (2026, 1, 5), .start_minutes = -1,
                            .end_minutes = -1, .notice_number = (char *) "5",
                            .notice_date = docket_date_new (2026, 1, 5) };
  DocketOrganisation org = { .issuing_body = (char *) "Ủy ban nhân dân xã Bến Lức",
                             .parent_body = (char *) "Ủy ban nhân dân tỉnh Tây Ninh",
                             .place_name = (char *) "Bến Lức", .notice_symbol = (char *) "TB-UBND",
                             .signing_authority = (char *) "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
                             .signer_name = (char *) "Nguyễn Văn Hùng",
                             .drafting_unit = (char *) "VP" };
  DocketId units[2];

  docket_store_set_organisation (store, &org, &error);
  g_assert_no_error (error);
  units[0] = docket_store_add_unit (store, &unit, &error);
  g_assert_no_error (error);
  units[1] = docket_store_add_unit (store, &other, &error);
  g_assert_no_error (error);
  meeting.id = docket_store_add_meeting (store, &meeting, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_conclusions; i++)
    {
      g_autofree char *text = g_strdup_printf ("Kết luận số %u: tập trung chỉ đạo, đôn đốc các "
                                               "đơn vị hoàn thành nhiệm vụ được giao trong quý, "
                                               "báo cáo kết quả về Văn phòng.", i + 1);
      g_autofree char *content = g_strdup_printf ("Triển khai nội dung số %u của kết luận, "
                                                  "báo cáo kết quả thực hiện.", i + 1);
      DocketConclusion conclusion = { .meeting_id = meeting.id, .text = text };
      DocketItem item = { .meeting_id = meeting.id, .content = content,
                          .lead_unit_id = units[0],
                          .deadline = docket_date_new (2026, 3, 31) };

      item.conclusion_id = docket_store_add_conclusion (store, &conclusion, &error);
      g_assert_no_error (error);
      docket_item_set_coordinating_units (&item, &units[1], 1);
      docket_store_add_item (store, &item, &error);
      g_free (item.coordinating_unit_ids);
      g_assert_no_error (error);
    }
  return meeting.id;
}

static void
test_notice_long (void)
{
  char *dir = docket_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "docket.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "long.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = docket_store_open (path, &error);
  g_autoptr(DocketNoticeLayout) layout = NULL;
  DocketId meeting_id;

  g_assert_no_error (error);
  meeting_id = add_long_meeting (store, 30);
  layout = docket_notice_layout_new (store, meeting_id, DOCKET_NOTICE_A4_WIDTH,
                                     DOCKET_NOTICE_A4_HEIGHT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docket_notice_layout_get_n_pages (layout), >=, 4);

  docket_export_notice_pdf (store, meeting_id, pdf, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  if (have_tool ("pdftotext"))
    {
      g_autofree char *raw = pdf_text (pdf);
      g_autofree char *text = notice_text (raw);
      g_auto(GStrv) pages = g_strsplit (raw, "\f", -1);

      /* Number 05 of January: both take their zero.  The bodies come out in capitals
       * whatever case they were typed in. */
      assert_contains (text, "ỦY BAN NHÂN DÂN XÃ BẾN LỨC");
      assert_contains (text, "Số: 05/TB-UBND");
      assert_contains (text, "ngày 05 tháng 01 năm 2026");
      for (guint i = 1; i <= 30; i++)
        {
          g_autofree char *line = g_strdup_printf ("a) Giao Phòng Kinh tế chủ trì, phối hợp với "
                                                   "Phòng Tư pháp triển khai nội dung số %u của kết "
                                                   "luận, báo cáo kết quả thực hiện; hoàn thành "
                                                   "trước ngày 31/03/2026.", i);
          assert_contains (text, line);
        }
      /* Each page after the first starts with its number, and no line is lost at a
       * page break: the signature closes the last page. */
      for (guint i = 1; i < docket_notice_layout_get_n_pages (layout); i++)
        {
          g_autofree char *number = g_strdup_printf ("^\\s*%u\\s*\n", i + 1);

          g_assert_true (g_regex_match_simple (number, pages[i], 0, 0));
        }
      assert_contains (pages[docket_notice_layout_get_n_pages (layout) - 1], "Nơi nhận:");
    }
  g_clear_object (&store);
  docket_test_tmpdir_free (dir);
}

static void
test_notice_cancelled (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *pdf = g_build_filename (f->dir, "thong-bao.pdf", NULL);
  g_autofree char *docx = g_build_filename (f->dir, "thong-bao.docx", NULL);
  g_autoptr(GDir) listing = NULL;
  const char *name;

  /* An older file stays as it was. */
  g_file_set_contents (pdf, "old", -1, &error);
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  g_assert_false (docket_export_notice_pdf (f->store, f->meeting_id, pdf, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (docket_export_notice_docx (f->store, f->meeting_id, docx, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  /* A meeting that does not exist: the store's error, and no file. */
  g_assert_false (docket_export_notice_docx (f->store, 999, docx, NULL, NULL, NULL, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    g_autofree char *old = read_text (pdf);

    g_assert_cmpstr (old, ==, "old");
  }
  g_assert_false (g_file_test (docx, G_FILE_TEST_EXISTS));
  listing = g_dir_open (f->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_prefix (name, "."));   /* no temporary file left behind */
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
query_sample_items (DocketItemQuery *query)
{
  docket_item_query_init (query, docket_store_sample_reference_date ());
  query->sort = DOCKET_ITEM_SORT_DEADLINE;
}

/* The Word document and both workbooks, read back by LibreOffice. */
static void
test_office (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *docx = g_build_filename (f->dir, "thong-bao.docx", NULL);
  g_autofree char *report = g_build_filename (f->dir, "bao-cao.xlsx", NULL);
  g_autofree char *items = g_build_filename (f->dir, "nhiem-vu.xlsx", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *docx_pdf = NULL, *docx_text = NULL;
  g_autofree char *report_csv = NULL, *report_text = NULL;
  g_autofree char *items_csv = NULL, *items_text = NULL;
  DocketReportRequest request = { .from = docket_date_new (2026, 1, 1),
                                  .to = docket_date_new (2026, 12, 31),
                                  .today = docket_store_sample_reference_date () };
  DocketItemQuery query;
  double last = 0;

  query_sample_items (&query);
  docket_export_notice_docx (f->store, f->meeting_id, docx, on_progress_cb, &last, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  docket_export_report_xlsx (f->store, &request, report, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  last = 0;
  docket_export_items_xlsx (f->store, &query, items, on_progress_cb, &last, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  if (!have_tool ("soffice") || !have_tool ("pdftotext"))
    return;
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);

  docx_pdf = office_convert (docx, "pdf", "pdf", out);
  docx_text = pdf_text (docx_pdf);
  assert_sample_notice_text (docx_text);

  /* Only the first sheet goes to CSV: the figures.  Field options: comma, quote,
   * UTF-8, first line 1, and cells as formatted (dates, percentages). */
  report_csv = office_convert (report, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true",
                               "csv", out);
  report_text = read_text (report_csv);
  assert_contains (report_text, "Văn phòng HĐND và UBND xã,");
  /* 18 assigned, 10 completed (7 on time, 3 late), 55,56 %; 3 overdue, 1 no deadline. */
  assert_contains (report_text, "Total,18,10,7,3,55.56%,8,4,3,");
  items_csv = office_convert (items, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true",
                              "csv", out);
  items_text = read_text (items_csv);
  assert_contains (items_text, "No.,Item,Content,Lead unit,Coordinating units,Meeting,Meeting date,"
                               "Assigned on,Deadline,Original deadline,Status,Completed on,Days overdue");
  /* Real dates shown as dd/mm/yyyy; a completion date; the extended deadline beside
   * the original one. */
  assert_contains (items_text, "Khắc phục tình trạng trả kết quả hồ sơ cho người dân chậm so với "
                               "giấy hẹn.,Trung tâm Phục vụ hành chính công xã,VP,");
  assert_contains (items_text, "giấy hẹn.,Trung tâm Phục vụ hành chính công xã,VP,Hội nghị sơ kết công "
                               "tác cải cách hành chính 6 tháng đầu năm 2026,03/07/2026,07/07/2026,"
                               "31/08/2026,,Completed on time,28/08/2026,,20/08/2026,★");
  assert_contains (items_text, ",30/11/2026,30/09/2026,In progress within deadline,");
  {
    g_auto(GStrv) lines = g_strsplit (items_text, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), >=, 19);
    /* Sorted by deadline: first the item due ten working days after the notice. */
    g_assert_true (g_str_has_prefix (lines[1], "1,"));
    assert_contains (lines[1], ",21/07/2026,");
  }
}

static void
test_report_pdf (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "bao-cao.pdf", NULL);
  g_autofree char *raw = NULL, *text = NULL;
  DocketReportRequest request = { .from = docket_date_new (2026, 1, 1),
                                  .to = docket_date_new (2026, 12, 31),
                                  .today = docket_store_sample_reference_date () };

  docket_export_report_pdf (f->store, &request, pdf, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  if (!have_tool ("pdftotext"))
    return;
  raw = pdf_text (pdf);
  text = squeeze (raw);
  assert_contains (text, "Period report, 01/01/2026 – 31/12/2026, as of 15/10/2026");
  assert_contains (text, "18 items assigned; 10 completed (55,56 %): 7 on time, 3 late.");
  assert_contains (text, "Total 18 10 7 3 55,56 8 4 3");
  assert_contains (text, "Overdue items");
  /* The three overdue items, by name, with their deadlines. */
  assert_contains (text, "Lắp đặt bảng hướng dẫn nộp hồ sơ trực tuyến");
  assert_contains (text, "15/09/2026");
  assert_contains (text, "Rà soát biên chế, đề xuất bố trí ít nhất hai công chức");
  assert_contains (text, "Hoàn thiện quy trình nội bộ giải quyết thủ tục đất đai");
}

static DocketId
add_plain_item (DocketStore *store,
                DocketId     meeting_id,
                DocketId     unit_id,
                const char  *content)
{
  g_autoptr(GError) error = NULL;
  DocketItem item = { .meeting_id = meeting_id, .content = (char *) content,
                      .lead_unit_id = unit_id, .deadline = docket_date_new (2026, 5, 31) };
  DocketId id = docket_store_add_item (store, &item, &error);

  g_assert_no_error (error);
  return id;
}

/* Cells a spreadsheet would run as formulas come out as text. */
static void
test_items_csv (void)
{
  char *dir = docket_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "docket.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "items.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = docket_store_open (path, &error);
  g_autofree char *text = NULL;
  DocketUnit unit = { .name = (char *) "=Phòng Tư pháp" };
  DocketMeeting meeting = { .title = (char *) "Giao ban", .date = docket_date_new (2026, 5, 4),
                            .start_minutes = -1, .end_minutes = -1 };
  DocketItemQuery query;

  g_assert_no_error (error);
  unit.id = docket_store_add_unit (store, &unit, &error);
  g_assert_no_error (error);
  meeting.id = docket_store_add_meeting (store, &meeting, &error);
  g_assert_no_error (error);
  add_plain_item (store, meeting.id, unit.id, "=HYPERLINK(\"http://example.com\",\"x\")");
  add_plain_item (store, meeting.id, unit.id, "+1+2");
  add_plain_item (store, meeting.id, unit.id, "-2+3");
  add_plain_item (store, meeting.id, unit.id, "@SUM(A1:A2)");
  add_plain_item (store, meeting.id, unit.id, "Báo cáo \"quý I\", hoàn thành");

  docket_item_query_init (&query, docket_date_new (2026, 5, 20));
  query.sort = DOCKET_ITEM_SORT_CREATED;
  docket_export_items_csv (store, &query, csv, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  text = read_text (csv);
  g_assert_true (g_str_has_prefix (text, DOCKET_CSV_BOM "\"No.\",\"Item\",\"Content\""));
  assert_contains (text, "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\"");
  assert_contains (text, "\"'+1+2\"");
  assert_contains (text, "\"'-2+3\"");
  assert_contains (text, "\"'@SUM(A1:A2)\"");
  assert_contains (text, "\"'=Phòng Tư pháp\"");
  assert_contains (text, "\"Báo cáo \"\"quý I\"\", hoàn thành\"");
  assert_contains (text, "\"31/05/2026\"");
  assert_contains (text, "\r\n");
  {
    g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

    /* The header, five items, and the empty end after the last CRLF. */
    g_assert_cmpuint (g_strv_length (lines), ==, 7);
  }

  g_clear_object (&store);
  docket_test_tmpdir_free (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  office_profile = docket_test_tmpdir_new ();

  g_test_add ("/docket/export/notice/text", Fixture, NULL, fixture_set_up_sample,
              test_notice_text, fixture_tear_down);
  g_test_add ("/docket/export/notice/pdf", Fixture, NULL, fixture_set_up_sample,
              test_notice_pdf, fixture_tear_down);
  g_test_add_func ("/docket/export/notice/long", test_notice_long);
  g_test_add ("/docket/export/notice/cancelled", Fixture, NULL, fixture_set_up_sample,
              test_notice_cancelled, fixture_tear_down);
  g_test_add ("/docket/export/report/pdf", Fixture, NULL, fixture_set_up_sample,
              test_report_pdf, fixture_tear_down);
  g_test_add_func ("/docket/export/items/csv", test_items_csv);
  g_test_add ("/docket/export/office", Fixture, NULL, fixture_set_up_sample,
              test_office, fixture_tear_down);

  status = g_test_run ();
  docket_test_tmpdir_free (office_profile);
  return status;
}
