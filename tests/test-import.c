/* test-import.c: reading CSV files and importing a tracker from them
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "docket-csv-reader.h"
#include "docket-import.h"
#include "docket-items-export.h"
#include "docket-store-coordination.h"
#include "docket-store-items.h"
#include "docket-store-meetings.h"
#include "docket-store-units.h"
#include "docket-test-support.h"

#define D(y, m, d) docket_date_new (y, m, d)

typedef struct
{
  char        *dir;
  DocketStore *store;
  DocketId     interior;
  DocketId     justice;
  DocketId     office;
  DocketId     commune;
  DocketId     culture;
  DocketId     meeting;
} Fixture;

/* A tracker as offices keep them: a row number, the Vietnamese headers, dates in
 * four formats, a unit without its diacritics, two misspelt units, a blank row, a
 * cell over two lines, a row without content, an impossible date, a cancelled
 * row.  Written with `;` as Excel does where the decimal separator is a comma. */
static const char messy_tracker[] =
  "STT;Nội dung nhiệm vụ;Đơn vị chủ trì;Đơn vị phối hợp;Thời hạn;Tình trạng;Ngày hoàn thành\r\n"
  "1;\"Rà soát, khắc phục hạn chế \"\"một cửa\"\"\";Phòng Nội vụ;Phòng Tư pháp, Văn phòng;30/09/2026;Đang thực hiện;\r\n"
  "2;Kiểm tra công vụ;phong tu phap;;15-10-2026;Hoàn thành;12.10.2026\r\n"
  "3;Giảm hồ sơ trễ hạn;Phòng Nội vu;;2026-11-30;;\r\n"
  ";;;;;;\r\n"
  "4;Hướng dẫn hồ sơ;PHÒNG TƯ PHÁP;;30/9/26;;\r\n"
  "5;Tuyên truyền CCHC;Phòng Văn hóa Thông tin;;31/12/2026;;\r\n"
  "6;\"Số hóa hồ sơ\r\n(nhiều dòng)\";UBND xã Tân Bửu;Phòng Nội vụ;Thường xuyên;;\r\n"
  "7;;Phòng Nội vụ;;31/12/2026;;\r\n"
  "8;Báo cáo kết quả;Phòng Nội vụ;;31/13/2026;;\r\n"
  "9;Việc đã bỏ;Phòng Tư pháp;;31/12/2026;Đã hủy;\r\n"
  "10;Cập nhật quy chế;Phòng Tư phápp;;31/12/2026;;\r\n";

static DocketId
add_unit (DocketStore *store,
          const char  *name,
          const char  *short_name)
{
  g_autoptr(DocketUnit) unit = docket_unit_new ();
  g_autoptr(GError) error = NULL;
  DocketId id;

  unit->name = g_strdup (name);
  unit->short_name = g_strdup (short_name);
  id = docket_store_add_unit (store, unit, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DocketMeeting) meeting = docket_meeting_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = docket_test_tmpdir_new ();
  path = g_build_filename (fixture->dir, "docket.db", NULL);
  fixture->store = docket_store_open (path, &error);
  g_assert_no_error (error);
  docket_store_set_actor (fixture->store, "Thư ký");
  fixture->interior = add_unit (fixture->store, "Phòng Nội vụ", NULL);
  fixture->justice = add_unit (fixture->store, "Phòng Tư pháp", NULL);
  fixture->office = add_unit (fixture->store, "Văn phòng HĐND và UBND", "Văn phòng");
  fixture->commune = add_unit (fixture->store, "UBND xã Tân Bửu", NULL);
  fixture->culture = add_unit (fixture->store, "Phòng Văn hóa và Thông tin", NULL);

  meeting->title = g_strdup ("Hội nghị sơ kết cải cách hành chính");
  meeting->date = D (2026, 4, 27);
  fixture->meeting = docket_store_add_meeting (fixture->store, meeting, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  docket_test_tmpdir_free (fixture->dir);
}

static guint
count_items (Fixture *fixture)
{
  DocketItemQuery query;
  guint counts[DOCKET_ITEM_N_VIEWS];
  g_autoptr(GError) error = NULL;

  docket_item_query_init (&query, D (2026, 5, 1));
  docket_store_count_items_by_view (fixture->store, &query, counts, &error);
  g_assert_no_error (error);
  return counts[DOCKET_ITEM_VIEW_ALL] + counts[DOCKET_ITEM_VIEW_CANCELLED];
}

static guint
count_units (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = docket_store_list_units (fixture->store, TRUE, &error);

  g_assert_no_error (error);
  return units->len;
}

static char *
to_utf16 (const char *utf8,
          gboolean    big_endian,
          gsize      *out_length)
{
  g_autoptr(GError) error = NULL;
  gsize written = 0;
  g_autofree char *body = g_convert (utf8, -1, big_endian ? "UTF-16BE" : "UTF-16LE", "UTF-8",
                                     NULL, &written, &error);
  char *out;

  g_assert_no_error (error);
  out = g_malloc (written + 2);
  out[0] = big_endian ? '\xFE' : '\xFF';
  out[1] = big_endian ? '\xFF' : '\xFE';
  memcpy (out + 2, body, written);
  *out_length = written + 2;
  return out;
}

static char *
replace (const char *text,
         const char *from,
         const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}

/* The reader. */

static void
test_reader_quoting (void)
{
  static const char data[] =
    "a,\"b,c\",\"say \"\"hi\"\"\"\n"
    "\"two\nlines\",,x\r\n"
    "\"crlf\r\ninside\",last\r"
    "after lone CR,\"\"\n\n\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketCsvTable) table = docket_csv_read (data, strlen (data), &error);

  g_assert_no_error (error);
  g_assert_cmpint (docket_csv_table_get_separator (table), ==, ',');
  g_assert_cmpint (docket_csv_table_get_encoding (table), ==, DOCKET_CSV_ENCODING_UTF8);
  /* The blank lines at the end are not rows. */
  g_assert_cmpuint (docket_csv_table_get_n_rows (table), ==, 4);
  g_assert_cmpuint (docket_csv_table_get_n_columns (table), ==, 3);
  g_assert_cmpstr (docket_csv_table_get_cell (table, 0, 1), ==, "b,c");
  g_assert_cmpstr (docket_csv_table_get_cell (table, 0, 2), ==, "say \"hi\"");
  g_assert_cmpstr (docket_csv_table_get_cell (table, 1, 0), ==, "two\nlines");
  g_assert_cmpstr (docket_csv_table_get_cell (table, 1, 1), ==, "");
  g_assert_cmpstr (docket_csv_table_get_cell (table, 2, 0), ==, "crlf\ninside");
  g_assert_cmpstr (docket_csv_table_get_cell (table, 3, 0), ==, "after lone CR");
  g_assert_cmpstr (docket_csv_table_get_cell (table, 3, 1), ==, "");
  g_assert_cmpstr (docket_csv_table_get_cell (table, 3, 7), ==, "");
  /* Rows know their first line, quoted line ends counted. */
  g_assert_cmpuint (docket_csv_table_get_line (table, 0), ==, 1);
  g_assert_cmpuint (docket_csv_table_get_line (table, 1), ==, 2);
  g_assert_cmpuint (docket_csv_table_get_line (table, 2), ==, 4);
  g_assert_cmpuint (docket_csv_table_get_line (table, 3), ==, 6);
}

static void
test_reader_separators (void)
{
  static const struct { const char *data; char separator; const char *second; } cases[] = {
    { "a;b;c\n1,5;2;3\n", ';', "1,5" },
    { "a\tb,c\n1\t2\n", '\t', "1" },
    { "\"a;b\",c\n", ',', "a;b" },
    { "only\n", ',', NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DocketCsvTable) table = docket_csv_read (cases[i].data, strlen (cases[i].data),
                                                         &error);

      g_assert_no_error (error);
      g_assert_cmpint (docket_csv_table_get_separator (table), ==, cases[i].separator);
      if (cases[i].second != NULL)
        g_assert_cmpstr (docket_csv_table_get_cell (table, docket_csv_table_get_n_rows (table) - 1, 0),
                         ==, cases[i].second);
    }
}

static void
test_reader_encodings (void)
{
  static const char text[] = "Nội dung\tĐơn vị\nCải cách\tPhòng Nội vụ\n";
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", text, NULL);
  gsize le_length, be_length;
  g_autofree char *le = to_utf16 (text, FALSE, &le_length);
  g_autofree char *be = to_utf16 (text, TRUE, &be_length);
  struct { const char *data; gsize length; DocketCsvEncoding encoding; } cases[] = {
    { text, strlen (text), DOCKET_CSV_ENCODING_UTF8 },
    { bom, strlen (bom), DOCKET_CSV_ENCODING_UTF8_BOM },
    { le, le_length, DOCKET_CSV_ENCODING_UTF16_LE },
    { be, be_length, DOCKET_CSV_ENCODING_UTF16_BE },
    /* Without its byte order mark. */
    { le + 2, le_length - 2, DOCKET_CSV_ENCODING_UTF16_LE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DocketCsvTable) table = docket_csv_read (cases[i].data, cases[i].length, &error);

      g_assert_no_error (error);
      g_assert_cmpint (docket_csv_table_get_encoding (table), ==, cases[i].encoding);
      g_assert_cmpint (docket_csv_table_get_separator (table), ==, '\t');
      g_assert_cmpuint (docket_csv_table_get_n_rows (table), ==, 2);
      g_assert_cmpstr (docket_csv_table_get_cell (table, 0, 0), ==, "Nội dung");
      g_assert_cmpstr (docket_csv_table_get_cell (table, 1, 1), ==, "Phòng Nội vụ");
    }
}

static void
test_reader_bad_input (void)
{
#define BYTES(s) s, sizeof (s) - 1
  static const struct { const char *data; gsize length; const char *message; } cases[] = {
    /* Latin-1, not UTF-8, on the third line. */
    { BYTES ("a,b\nc,d\n\xe9t\xe9,x\n"), "Line 3 " },
    /* A zero byte. */
    { BYTES ("a,b\nc\0d\n"), "Line 2 " },
    { BYTES ("a,b\n\"open,\nnever closed\n"), "line 2" },
    /* UTF-16 cut in the middle of a character, and a lone surrogate on line 2. */
    { BYTES ("\xFF\xFE" "a\0\n"), "middle of a character" },
    { BYTES ("\xFF\xFE" "a\0\n\0\x00\xD8" "b\0"), "Line 2 " },
  };
#undef BYTES

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DocketCsvTable) table = docket_csv_read (cases[i].data, cases[i].length, &error);

      g_assert_null (table);
      g_assert_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].message);
    }
}

/* Dates and names. */

static void
test_dates (void)
{
  static const struct { const char *text; int y, m, d; } good[] = {
    { "30/09/2026", 2026, 9, 30 }, { "30/9/2026", 2026, 9, 30 }, { "1/2/2026", 2026, 2, 1 },
    { "30-09-2026", 2026, 9, 30 }, { "30.09.2026", 2026, 9, 30 }, { "30/9/26", 2026, 9, 30 },
    { "2026-09-30", 2026, 9, 30 }, { "2026/9/30", 2026, 9, 30 }, { " 30/09/2026 ", 2026, 9, 30 },
    { "30/09/2026 00:00:00", 2026, 9, 30 }, { "2026-09-30T08:00", 2026, 9, 30 },
    { "ngày 30 tháng 9 năm 2026", 2026, 9, 30 }, { "46295", 2026, 9, 30 },
  };
  static const char *bad[] = {
    "", "31/13/2026", "29/02/2026", "30/09", "30/09-2026", "hôm qua", "30/09/2026x",
    "12345", "1/1/1800", "30/09/20266", "2026-9", "300/9/2026",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      DocketDate date = DOCKET_DATE_NONE;

      if (!docket_import_parse_date (good[i].text, &date))
        g_error ("“%s” was not read", good[i].text);
      g_assert_cmpuint (date, ==, D (good[i].y, good[i].m, good[i].d));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      DocketDate date = DOCKET_DATE_NONE;

      if (docket_import_parse_date (bad[i], &date))
        g_error ("“%s” was read as a date", bad[i]);
    }
}

static void
test_edit_distance (void)
{
  g_assert_cmpuint (docket_import_edit_distance ("phong tu phap", "phong tu phap"), ==, 0);
  g_assert_cmpuint (docket_import_edit_distance ("phong tu phapp", "phong tu phap"), ==, 1);
  g_assert_cmpuint (docket_import_edit_distance ("", "abc"), ==, 3);
  g_assert_cmpuint (docket_import_edit_distance ("kitten", "sitting"), ==, 3);
  g_assert_cmpuint (docket_import_edit_distance ("Nội", "Noi"), ==, 1);
}

static void
test_guess (void)
{
  static const char vi[] =
    "STT,Nội dung,Đơn vị chủ trì,Đơn vị phối hợp,Hạn hoàn thành,Tình trạng,Ngày hoàn thành,Cuộc họp\n";
  static const char en[] = "No.;Deadline;Task;Lead unit;Coordinating units;Status;Completed on\n";
  static const char odd[] = "Thời hạn hoàn thành,NỘI DUNG CÔNG VIỆC,Đơn vị thực hiện,Ghi chú\n";
  g_autoptr(DocketCsvTable) t1 = docket_csv_read (vi, strlen (vi), NULL);
  g_autoptr(DocketCsvTable) t2 = docket_csv_read (en, strlen (en), NULL);
  g_autoptr(DocketCsvTable) t3 = docket_csv_read (odd, strlen (odd), NULL);
  DocketImportMapping m;

  docket_import_mapping_init (&m);
  g_assert_cmpuint (docket_import_mapping_guess (&m, t1), ==, 7);
  g_assert_cmpint (m.columns[DOCKET_IMPORT_FIELD_CONTENT], ==, 1);
  g_assert_cmpint (m.columns[DOCKET_IMPORT_FIELD_LEAD_UNIT], ==, 2);
  g_assert_cmpint (m.columns[DOCKET_IMPORT_FIELD_COORDINATING_UNITS], ==, 3);
  g_assert_cmpint (m.columns[DOCKET_IMPORT_FIELD_DEADLINE], ==, 4);
  g_assert_cmpint (m.columns[DOCKET_IMPORT_FIELD_STATUS], ==, 5);
  g_assert_cmpint (m.columns[DOCKET_IMPORT_FIELD_COMPLETED_ON], ==, 6);
  g_assert_cmpint (m.columns[DOCKET_IMPORT_FIELD_MEETING], ==, 7);

  docket_import_mapping_init (&m);
  g_assert_cmpuint (docket_import_mapping_guess (&m, t2), ==, 6);
  g_assert_cmpint (m.columns[DOCKET_IMPORT_FIELD_DEADLINE], ==, 1);
  g_assert_cmpint (m.columns[DOCKET_IMPORT_FIELD_CONTENT], ==, 2);
  g_assert_cmpint (m.columns[DOCKET_IMPORT_FIELD_LEAD_UNIT], ==, 3);
  g_assert_cmpint (m.columns[DOCKET_IMPORT_FIELD_COORDINATING_UNITS], ==, 4);
  g_assert_cmpint (m.columns[DOCKET_IMPORT_FIELD_COMPLETED_ON], ==, 6);
  g_assert_cmpint (m.columns[DOCKET_IMPORT_FIELD_MEETING], ==, -1);

  /* A column the user already mapped stays. */
  docket_import_mapping_init (&m);
  m.columns[DOCKET_IMPORT_FIELD_STATUS] = 3;
  g_assert_cmpuint (docket_import_mapping_guess (&m, t3), ==, 3);
  g_assert_cmpint (m.columns[DOCKET_IMPORT_FIELD_DEADLINE], ==, 0);
  g_assert_cmpint (m.columns[DOCKET_IMPORT_FIELD_CONTENT], ==, 1);
  g_assert_cmpint (m.columns[DOCKET_IMPORT_FIELD_LEAD_UNIT], ==, 2);
  g_assert_cmpint (m.columns[DOCKET_IMPORT_FIELD_STATUS], ==, 3);
}

/* The messy tracker. */

static DocketImportReport *
validate (Fixture    *fixture,
          const char *data,
          gsize       length,
          gboolean    create_units)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketCsvTable) table = docket_csv_read (data, length, &error);
  DocketImportMapping mapping;
  DocketImportReport *report;

  g_assert_no_error (error);
  docket_import_mapping_init (&mapping);
  g_assert_cmpuint (docket_import_mapping_guess (&mapping, table), ==, 6);
  mapping.meeting_id = fixture->meeting;
  mapping.create_units = create_units;
  report = docket_import_validate (fixture->store, table, &mapping, NULL, &error);
  g_assert_no_error (error);
  return report;
}

static const DocketImportProblem *
only_problem (const DocketImportRow *row)
{
  g_assert_cmpuint (row->problems->len, ==, 1);
  return g_ptr_array_index (row->problems, 0);
}

static void
check_messy_report (Fixture            *fixture,
                    DocketImportReport *report)
{
  const DocketImportRow *row;
  const DocketImportProblem *p;
  guint lines[] = { 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13 };

  g_assert_cmpuint (docket_import_report_get_n_rows (report), ==, 11);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    g_assert_cmpuint (docket_import_report_get_row (report, i)->line, ==, lines[i]);
  g_assert_cmpuint (docket_import_report_count (report, DOCKET_IMPORT_ROW_READY), ==, 6);
  g_assert_cmpuint (docket_import_report_count (report, DOCKET_IMPORT_ROW_ERROR), ==, 4);
  g_assert_cmpuint (docket_import_report_count (report, DOCKET_IMPORT_ROW_SKIPPED), ==, 1);

  /* Line 2: quotes undone; "Văn phòng" is the office's short name. */
  row = docket_import_report_get_row (report, 0);
  g_assert_cmpint (row->status, ==, DOCKET_IMPORT_ROW_READY);
  g_assert_cmpstr (row->item->content, ==, "Rà soát, khắc phục hạn chế \"một cửa\"");
  g_assert_cmpint (row->item->lead_unit_id, ==, fixture->interior);
  g_assert_cmpuint (row->item->n_coordinating, ==, 2);
  g_assert_cmpint (row->item->coordinating_unit_ids[0], ==, fixture->justice);
  g_assert_cmpint (row->item->coordinating_unit_ids[1], ==, fixture->office);
  g_assert_cmpuint (row->item->deadline, ==, D (2026, 9, 30));
  g_assert_cmpuint (row->completed_on, ==, DOCKET_DATE_NONE);
  g_assert_cmpuint (row->problems->len, ==, 0);

  /* Line 3: a unit without diacritics; dd-mm-yyyy, completed on dd.mm.yyyy. */
  row = docket_import_report_get_row (report, 1);
  g_assert_cmpint (row->status, ==, DOCKET_IMPORT_ROW_READY);
  g_assert_cmpint (row->item->lead_unit_id, ==, fixture->justice);
  g_assert_cmpuint (row->item->deadline, ==, D (2026, 10, 15));
  g_assert_cmpuint (row->completed_on, ==, D (2026, 10, 12));

  row = docket_import_report_get_row (report, 2);
  g_assert_cmpint (row->item->lead_unit_id, ==, fixture->interior);
  g_assert_cmpuint (row->item->deadline, ==, D (2026, 11, 30));

  row = docket_import_report_get_row (report, 3);
  g_assert_cmpint (row->status, ==, DOCKET_IMPORT_ROW_SKIPPED);
  g_assert_cmpint (only_problem (row)->kind, ==, DOCKET_IMPORT_PROBLEM_EMPTY_ROW);

  row = docket_import_report_get_row (report, 4);
  g_assert_cmpint (row->item->lead_unit_id, ==, fixture->justice);
  g_assert_cmpuint (row->item->deadline, ==, D (2026, 9, 30));

  /* Line 7: a word left out of the unit's name. */
  row = docket_import_report_get_row (report, 5);
  g_assert_cmpint (row->status, ==, DOCKET_IMPORT_ROW_ERROR);
  g_assert_null (row->item);
  p = only_problem (row);
  g_assert_cmpint (p->kind, ==, DOCKET_IMPORT_PROBLEM_UNKNOWN_UNIT);
  g_assert_true (p->is_error);
  g_assert_cmpint (p->field, ==, DOCKET_IMPORT_FIELD_LEAD_UNIT);
  g_assert_cmpstr (p->value, ==, "Phòng Văn hóa Thông tin");
  g_assert_cmpstr (p->suggestion, ==, "Phòng Văn hóa và Thông tin");
  g_assert_cmpint (p->suggestion_id, ==, fixture->culture);
  g_assert_nonnull (strstr (p->message, "Did you mean “Phòng Văn hóa và Thông tin”?"));

  /* Line 8: over two lines, ongoing. */
  row = docket_import_report_get_row (report, 6);
  g_assert_cmpint (row->status, ==, DOCKET_IMPORT_ROW_READY);
  g_assert_cmpstr (row->item->content, ==, "Số hóa hồ sơ\n(nhiều dòng)");
  g_assert_cmpuint (row->item->deadline, ==, DOCKET_DATE_NONE);
  g_assert_cmpint (row->item->coordinating_unit_ids[0], ==, fixture->interior);

  row = docket_import_report_get_row (report, 7);
  g_assert_cmpint (only_problem (row)->kind, ==, DOCKET_IMPORT_PROBLEM_MISSING_CONTENT);

  row = docket_import_report_get_row (report, 8);
  p = only_problem (row);
  g_assert_cmpint (p->kind, ==, DOCKET_IMPORT_PROBLEM_BAD_DEADLINE);
  g_assert_cmpstr (p->value, ==, "31/13/2026");

  row = docket_import_report_get_row (report, 9);
  g_assert_cmpint (row->status, ==, DOCKET_IMPORT_ROW_READY);
  g_assert_true (row->cancelled);

  row = docket_import_report_get_row (report, 10);
  p = only_problem (row);
  g_assert_cmpint (p->kind, ==, DOCKET_IMPORT_PROBLEM_UNKNOWN_UNIT);
  g_assert_cmpstr (p->suggestion, ==, "Phòng Tư pháp");
}

static void
test_messy_semicolons (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", messy_tracker, NULL);
  g_autoptr(DocketImportReport) report = validate (fixture, bom, strlen (bom), FALSE);

  check_messy_report (fixture, report);
  /* A dry run writes nothing. */
  g_assert_cmpuint (count_items (fixture), ==, 0);
}

static void
test_messy_utf16 (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *tabs = replace (messy_tracker, ";", "\t");
  gsize length = 0;
  g_autofree char *utf16 = to_utf16 (tabs, FALSE, &length);
  g_autofree char *path = g_build_filename (fixture->dir, "tracker.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketCsvTable) table = NULL;
  g_autoptr(DocketImportReport) report = NULL;
  DocketImportMapping mapping;

  g_file_set_contents (path, utf16, (gssize) length, &error);
  g_assert_no_error (error);
  table = docket_csv_read_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (docket_csv_table_get_encoding (table), ==, DOCKET_CSV_ENCODING_UTF16_LE);
  g_assert_cmpint (docket_csv_table_get_separator (table), ==, '\t');

  docket_import_mapping_init (&mapping);
  docket_import_mapping_guess (&mapping, table);
  mapping.meeting_id = fixture->meeting;
  report = docket_import_validate (fixture->store, table, &mapping, NULL, &error);
  g_assert_no_error (error);
  check_messy_report (fixture, report);
}

static void
test_commit_skipping_errors (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(DocketImportReport) report = validate (fixture, messy_tracker,
                                                   strlen (messy_tracker), FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketItem) done = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  DocketItemQuery query;
  guint n = 0;

  /* Rows with errors refuse the import unless the user leaves them out. */
  g_assert_false (docket_import_report_commit (report, fixture->store, FALSE, NULL, &n, &error));
  g_assert_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "4 rows cannot be imported"));
  g_assert_cmpuint (count_items (fixture), ==, 0);
  g_clear_error (&error);

  g_assert_true (docket_import_report_commit (report, fixture->store, TRUE, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpuint (count_items (fixture), ==, 6);

  /* Read back as the items list shows them: the completed row is confirmed on its
   * date (on time), the cancelled one cancelled. */
  docket_item_query_init (&query, D (2026, 12, 1));
  query.view = DOCKET_ITEM_VIEW_COMPLETED;
  rows = docket_store_list_items_at (fixture->store, &query, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  done = docket_item_copy (((DocketItemRow *) g_ptr_array_index (rows, 0))->item);
  g_assert_cmpstr (done->content, ==, "Kiểm tra công vụ");
  g_assert_cmpint (done->state, ==, DOCKET_ITEM_STATE_CONFIRMED);
  g_assert_cmpuint (done->completed_on, ==, D (2026, 10, 12));
  g_assert_cmpint (docket_item_bucket (done, D (2026, 12, 1)), ==, DOCKET_BUCKET_COMPLETED_ON_TIME);
  g_clear_pointer (&rows, g_ptr_array_unref);

  query.view = DOCKET_ITEM_VIEW_CANCELLED;
  rows = docket_store_list_items_at (fixture->store, &query, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((DocketItemRow *) g_ptr_array_index (rows, 0))->item->content, ==,
                   "Việc đã bỏ");
}

static void
test_create_units (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DocketImportReport) report = validate (fixture, messy_tracker,
                                                   strlen (messy_tracker), TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  const char * const *names;
  guint n_names = 0, n = 0;
  const DocketImportRow *row;

  g_assert_cmpuint (docket_import_report_count (report, DOCKET_IMPORT_ROW_READY), ==, 8);
  g_assert_cmpuint (docket_import_report_count (report, DOCKET_IMPORT_ROW_ERROR), ==, 2);
  names = docket_import_report_get_new_units (report, &n_names);
  g_assert_cmpuint (n_names, ==, 2);
  g_assert_cmpstr (names[0], ==, "Phòng Văn hóa Thông tin");
  g_assert_cmpstr (names[1], ==, "Phòng Tư phápp");
  row = docket_import_report_get_row (report, 5);
  g_assert_cmpint (only_problem (row)->kind, ==, DOCKET_IMPORT_PROBLEM_NEW_UNIT);
  g_assert_false (only_problem (row)->is_error);

  g_assert_true (docket_import_report_commit (report, fixture->store, TRUE, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 8);
  g_assert_cmpuint (count_units (fixture), ==, 7);
  found = docket_store_find_units (fixture->store, "Phòng Tư phápp", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
}

/* All or nothing. */

static void
test_unit_archived_before_confirm (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(DocketImportReport) report = validate (fixture, messy_tracker,
                                                   strlen (messy_tracker), TRUE);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  /* Between the dry run and the confirmation, someone archives the unit of the
   * last ready row (line 12): the store refuses it at commit, and the rows before
   * it, and the units created first, are rolled back with it. */
  docket_store_archive_unit (fixture->store, fixture->justice, &error);
  g_assert_no_error (error);

  g_assert_false (docket_import_report_commit (report, fixture->store, TRUE, NULL, &n, &error));
  g_assert_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT);
  g_assert_true (g_str_has_prefix (error->message, "Line 2: ") ||
                 g_str_has_prefix (error->message, "Line 3: "));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (count_items (fixture), ==, 0);
  g_assert_cmpuint (count_units (fixture), ==, 5);
}

static void
test_injected_failure (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(DocketImportReport) report = validate (fixture, messy_tracker,
                                                   strlen (messy_tracker), TRUE);
  g_autoptr(GError) error = NULL;

  /* The last row of the report fails as a full disk would. */
  docket_import_report_fail_at_for_testing (report, 10);
  g_assert_false (docket_import_report_commit (report, fixture->store, TRUE, NULL, NULL, &error));
  g_assert_error (error, DOCKET_ERROR, DOCKET_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "Line 13: "));
  g_assert_cmpuint (count_items (fixture), ==, 0);
  g_assert_cmpuint (count_units (fixture), ==, 5);

  /* The same report then goes through whole. */
  docket_import_report_fail_at_for_testing (report, G_MAXUINT);
  g_clear_error (&error);
  g_assert_true (docket_import_report_commit (report, fixture->store, TRUE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_items (fixture), ==, 8);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DocketImportReport) report = validate (fixture, messy_tracker,
                                                   strlen (messy_tracker), FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (docket_import_report_commit (report, fixture->store, TRUE, cancellable, NULL,
                                               &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_items (fixture), ==, 0);
}

static void
test_meeting_column (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char csv[] =
    "Nội dung,Đơn vị chủ trì,Thời hạn,Cuộc họp\n"
    "Một,Phòng Nội vụ,30/09/2026,hoi nghi so ket cai cach hanh chinh\n"
    "Hai,Phòng Nội vụ,30/09/2026,Họp không có\n"
    "Ba,Phòng Nội vụ,01/04/2026,\n"
    "Bốn,Phòng Nội vụ,,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketCsvTable) table = docket_csv_read (csv, strlen (csv), &error);
  g_autoptr(DocketImportReport) report = NULL;
  DocketImportMapping mapping;

  docket_import_mapping_init (&mapping);
  g_assert_cmpuint (docket_import_mapping_guess (&mapping, table), ==, 4);
  report = docket_import_validate (fixture->store, table, &mapping, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (docket_import_report_get_row (report, 0)->item->meeting_id, ==,
                   fixture->meeting);
  g_assert_cmpint (only_problem (docket_import_report_get_row (report, 1))->kind, ==,
                   DOCKET_IMPORT_PROBLEM_UNKNOWN_MEETING);
  /* No meeting in the row, none chosen. */
  g_assert_cmpint (((DocketImportProblem *) g_ptr_array_index (
                      docket_import_report_get_row (report, 3)->problems, 0))->kind, ==,
                   DOCKET_IMPORT_PROBLEM_NO_MEETING);
  g_clear_pointer (&report, docket_import_report_free);

  /* With a target meeting, rows without one take it; a deadline before it is an
   * error the dry run shows rather than the commit. */
  mapping.meeting_id = fixture->meeting;
  report = docket_import_validate (fixture->store, table, &mapping, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (only_problem (docket_import_report_get_row (report, 2))->kind, ==,
                   DOCKET_IMPORT_PROBLEM_DEADLINE_BEFORE_MEETING);
  g_assert_cmpint (docket_import_report_get_row (report, 3)->status, ==, DOCKET_IMPORT_ROW_READY);

  /* A mapping without the content column is refused. */
  g_clear_pointer (&report, docket_import_report_free);
  mapping.columns[DOCKET_IMPORT_FIELD_CONTENT] = -1;
  report = docket_import_validate (fixture->store, table, &mapping, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT);
}

/* The CSV the items area saves comes back through the importer as the same items:
 * content (also one a spreadsheet would take for a formula, with quotes, a comma
 * and a line break), lead and coordinating units, the deadline or none, the
 * completion date and the cancelled state. */
static DocketId
add_round_trip_item (DocketStore    *store,
                     const char     *content,
                     DocketId        meeting,
                     DocketId        lead,
                     const DocketId *coordinating,
                     guint           n_coordinating,
                     DocketDate      deadline)
{
  g_autoptr(DocketItem) item = docket_item_new ();
  g_autoptr(GError) error = NULL;
  DocketId id;

  item->content = g_strdup (content);
  item->meeting_id = meeting;
  item->lead_unit_id = lead;
  item->deadline = deadline;
  docket_item_set_coordinating_units (item, coordinating, n_coordinating);
  id = docket_store_add_item (store, item, &error);
  g_assert_no_error (error);
  return id;
}

static GPtrArray *
list_for_round_trip (DocketStore    *store,
                     DocketItemView  view)
{
  g_autoptr(GError) error = NULL;
  DocketItemQuery query;
  GPtrArray *rows;

  docket_item_query_init (&query, D (2026, 11, 20));
  query.view = view;
  query.sort = DOCKET_ITEM_SORT_CONTENT;
  rows = docket_store_list_items_at (store, &query, 0, 100, &error);
  g_assert_no_error (error);
  return rows;
}

static void
export_and_import (DocketStore    *from,
                   DocketStore    *to,
                   const char     *dir,
                   DocketItemView  view)
{
  g_autofree char *path = g_build_filename (dir, "tracker.csv", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketCsvTable) table = NULL;
  g_autoptr(DocketImportReport) report = NULL;
  DocketImportMapping mapping;
  DocketItemQuery query;
  gsize length;
  guint n_items = 0;

  docket_item_query_init (&query, D (2026, 11, 20));
  query.view = view;
  g_assert_true (docket_export_items_csv (from, &query, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  table = docket_csv_read (data, length, &error);
  g_assert_no_error (error);

  docket_import_mapping_init (&mapping);
  g_assert_cmpuint (docket_import_mapping_guess (&mapping, table), ==, DOCKET_IMPORT_N_FIELDS);
  g_assert_true (mapping.header_row);
  report = docket_import_validate (to, table, &mapping, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < docket_import_report_get_n_rows (report); i++)
    {
      const DocketImportRow *row = docket_import_report_get_row (report, i);

      if (row->problems->len > 0)
        g_error ("line %u: %s", row->line,
                 ((DocketImportProblem *) g_ptr_array_index (row->problems, 0))->message);
      g_assert_cmpint (row->status, ==, DOCKET_IMPORT_ROW_READY);
    }
  g_assert_true (docket_import_report_commit (report, to, FALSE, NULL, &n_items, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items, ==, docket_import_report_get_n_rows (report));
}

static void
assert_same_items (DocketStore    *a,
                   DocketStore    *b,
                   DocketItemView  view,
                   guint           expected)
{
  g_autoptr(GPtrArray) rows_a = list_for_round_trip (a, view);
  g_autoptr(GPtrArray) rows_b = list_for_round_trip (b, view);

  g_assert_cmpuint (rows_a->len, ==, expected);
  g_assert_cmpuint (rows_b->len, ==, rows_a->len);
  for (guint i = 0; i < rows_a->len; i++)
    {
      DocketItemRow *ra = g_ptr_array_index (rows_a, i);
      DocketItemRow *rb = g_ptr_array_index (rows_b, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *coordinating_a = docket_store_dup_coordinating_names (a, ra->item->id,
                                                                             &error);
      g_autofree char *coordinating_b = docket_store_dup_coordinating_names (b, rb->item->id,
                                                                             &error);

      g_assert_no_error (error);
      g_assert_cmpstr (rb->item->content, ==, ra->item->content);
      g_assert_cmpstr (rb->lead_unit_name, ==, ra->lead_unit_name);
      g_assert_cmpstr (rb->meeting_title, ==, ra->meeting_title);
      g_assert_cmpstr (coordinating_b, ==, coordinating_a);
      g_assert_cmpuint (rb->item->deadline, ==, ra->item->deadline);
      g_assert_cmpuint (rb->item->completed_on, ==, ra->item->completed_on);
      g_assert_cmpint (docket_item_bucket (rb->item, D (2026, 11, 20)), ==,
                       docket_item_bucket (ra->item, D (2026, 11, 20)));
    }
}

static void
test_csv_round_trip (Fixture       *fixture,
                     gconstpointer  data)
{
  Fixture other = { 0 };
  DocketStore *a = fixture->store;
  const DocketId two[] = { fixture->justice, fixture->office };
  g_autoptr(GError) error = NULL;
  DocketId id;

  add_round_trip_item (a, "=SUM(A1:A9) là công thức, không được chạy", fixture->meeting,
                       fixture->interior, two, 2, D (2026, 9, 30));
  add_round_trip_item (a, "-Giảm hồ sơ trễ hạn", fixture->meeting, fixture->justice,
                       NULL, 0, DOCKET_DATE_NONE);
  add_round_trip_item (a, "Số hóa \"một cửa\", giai đoạn 2\nnhiều dòng", fixture->meeting,
                       fixture->commune, &fixture->interior, 1, D (2026, 12, 31));
  id = add_round_trip_item (a, "Kiểm tra công vụ", fixture->meeting, fixture->culture,
                            NULL, 0, D (2026, 10, 15));
  g_assert_true (docket_store_report_item_done (a, id, D (2026, 10, 12), NULL, NULL, 0,
                                                &error));
  g_assert_true (docket_store_confirm_item (a, id, &error));
  id = add_round_trip_item (a, "@Báo cáo trễ", fixture->meeting, fixture->office, NULL, 0,
                            D (2026, 6, 30));
  g_assert_true (docket_store_report_item_done (a, id, D (2026, 7, 3), NULL, NULL, 0,
                                                &error));
  g_assert_true (docket_store_confirm_item (a, id, &error));
  id = add_round_trip_item (a, "Việc đã bỏ", fixture->meeting, fixture->interior, NULL, 0,
                            D (2026, 12, 1));
  g_assert_true (docket_store_cancel_item (a, id, "Không còn cần", &error));
  g_assert_no_error (error);

  /* Another office's file with the same units and meeting. */
  fixture_set_up (&other, NULL);
  export_and_import (a, other.store, fixture->dir, DOCKET_ITEM_VIEW_ALL);
  export_and_import (a, other.store, fixture->dir, DOCKET_ITEM_VIEW_CANCELLED);
  assert_same_items (a, other.store, DOCKET_ITEM_VIEW_ALL, 5);
  assert_same_items (a, other.store, DOCKET_ITEM_VIEW_COMPLETED, 2);
  assert_same_items (a, other.store, DOCKET_ITEM_VIEW_NO_DEADLINE, 1);
  assert_same_items (a, other.store, DOCKET_ITEM_VIEW_CANCELLED, 1);
  fixture_tear_down (&other, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docket/import/reader-quoting", test_reader_quoting);
  g_test_add_func ("/docket/import/reader-separators", test_reader_separators);
  g_test_add_func ("/docket/import/reader-encodings", test_reader_encodings);
  g_test_add_func ("/docket/import/reader-bad-input", test_reader_bad_input);
  g_test_add_func ("/docket/import/dates", test_dates);
  g_test_add_func ("/docket/import/edit-distance", test_edit_distance);
  g_test_add_func ("/docket/import/guess", test_guess);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/docket/import/messy-semicolons", test_messy_semicolons);
  ADD ("/docket/import/messy-utf16", test_messy_utf16);
  ADD ("/docket/import/commit-skipping-errors", test_commit_skipping_errors);
  ADD ("/docket/import/create-units", test_create_units);
  ADD ("/docket/import/unit-archived-before-confirm", test_unit_archived_before_confirm);
  ADD ("/docket/import/injected-failure", test_injected_failure);
  ADD ("/docket/import/cancelled", test_cancelled);
  ADD ("/docket/import/meeting-column", test_meeting_column);
  ADD ("/docket/import/csv-round-trip", test_csv_round_trip);
#undef ADD

  return g_test_run ();
}
