/* docket-store-sample.c: the sample records
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A commune People's Committee after the 2025 reform holds its half-year review of
 * administrative reform (DOMAIN.md), written in the project's own words; people,
 * places and document numbers are made up.  Eighteen items come from its six
 * conclusions.  On the reference date (15/10/2026) ten are confirmed complete (three of
 * them late), three are overdue, one is within an approved extension, two are in
 * progress, one awaits confirmation and one has no deadline: the dashboard reads
 * 10/18, 55,56 %.
 *
 * Everything goes through the store's own API inside one transaction, so the sample
 * obeys every rule real records do, carries its audit rows, and loads whole or not
 * at all.
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-store-items.h"
#include "docket-store-meetings.h"
#include "docket-store-private.h"
#include "docket-store-sample.h"
#include "docket-store-units.h"

#define D(y, m, d) docket_date_new (y, m, d)

typedef struct
{
  DocketUnitKind kind;
  const char    *name;
  const char    *short_name;
  const char    *head;
  const char    *email;
  const char    *phone;
} SampleUnit;

static const SampleUnit sample_units[] = {
  { DOCKET_UNIT_KIND_DEPARTMENT, "Văn phòng HĐND và UBND xã", "VP", "Trần Minh Khoa",
    "vanphong@benluc.example.vn", "0272 3870 101" },
  { DOCKET_UNIT_KIND_DEPARTMENT, "Phòng Kinh tế", "PKT", "Phạm Thị Hồng Nhung",
    "kinhte@benluc.example.vn", "0272 3870 102" },
  { DOCKET_UNIT_KIND_DEPARTMENT, "Phòng Văn hóa - Xã hội", "PVHXH", "Huỳnh Văn Lộc",
    "vanhoa@benluc.example.vn", "0272 3870 103" },
  { DOCKET_UNIT_KIND_AGENCY, "Trung tâm Phục vụ hành chính công xã", "TTPVHCC",
    "Ngô Thị Thanh Tâm", "motcua@benluc.example.vn", "0272 3870 104" },
  { DOCKET_UNIT_KIND_AGENCY, "Công an xã", "CA", "Đặng Quốc Bảo",
    "congan@benluc.example.vn", "0272 3870 105" },
  { DOCKET_UNIT_KIND_AGENCY, "Ban Chỉ huy Quân sự xã", "BCHQS", "Lâm Văn Tài",
    "quansu@benluc.example.vn", "0272 3870 106" },
  { DOCKET_UNIT_KIND_AGENCY, "Trạm Y tế xã", "TYT", "Võ Thị Kim Loan",
    "yte@benluc.example.vn", "0272 3870 107" },
  { DOCKET_UNIT_KIND_OTHER, "Trung tâm Văn hóa - Thể thao và Truyền thanh", "TTVH",
    "Bùi Thanh Sơn", "truyenthanh@benluc.example.vn", "0272 3870 108" },
  { DOCKET_UNIT_KIND_COMMUNE, "Ban Nhân dân ấp Phước Tĩnh", "ẤP PT", "Nguyễn Văn Lành",
    NULL, "0909 100 201" },
  { DOCKET_UNIT_KIND_COMMUNE, "Ban Nhân dân ấp Gò Đen", "ẤP GĐ", "Trương Thị Bé",
    NULL, "0909 100 202" },
  { DOCKET_UNIT_KIND_COMMUNE, "Ban Nhân dân ấp Voi Lá", "ẤP VL", "Phan Văn Út",
    NULL, "0909 100 203" },
  { DOCKET_UNIT_KIND_COMMUNE, "Ban Nhân dân ấp Chợ", "ẤP C", "Lý Thị Ngọc",
    NULL, "0909 100 204" },
};

enum { VP, PKT, PVHXH, TTPVHCC, CA, BCHQS, TYT, TTVH, AP_PT, AP_GD, AP_VL, AP_C };

static const char * const sample_conclusions[] = {
  "Thủ trưởng các đơn vị và Trưởng ban nhân dân các ấp khắc phục ngay những hạn chế "
  "mà Đoàn kiểm tra của tỉnh đã chỉ ra; phân công rõ đơn vị, cá nhân chịu trách nhiệm "
  "đối với từng việc.",
  "Các đơn vị tự kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính và thái độ phục "
  "vụ người dân của cán bộ, công chức do mình quản lý.",
  "Giảm đến mức thấp nhất số hồ sơ giải quyết trễ hạn trên Hệ thống thông tin giải "
  "quyết thủ tục hành chính; trễ hạn phải có văn bản xin lỗi người dân.",
  "Khi yêu cầu bổ sung hồ sơ, phải ghi rõ giấy tờ còn thiếu và hướng dẫn đầy đủ một "
  "lần, không để người dân đi lại nhiều lần.",
  "Đẩy mạnh thông tin, tuyên truyền về cải cách hành chính, dịch vụ công trực tuyến "
  "và chính quyền số đến cán bộ và nhân dân.",
  "Rà soát, bố trí đủ công chức phụ trách công nghệ thông tin và chuyển đổi số.",
};

/* How an item stands on the reference date. */
typedef enum
{
  SAMPLE_OPEN,        /* nothing more */
  SAMPLE_CONFIRMED,   /* reported done on `done`, confirmed */
  SAMPLE_AWAITING,    /* reported done on `done`, not yet confirmed */
  SAMPLE_EXTENDED,    /* extension to `done` requested and approved */
} SampleFate;

typedef struct
{
  int         conclusion;    /* index into sample_conclusions */
  int         lead;
  int         coordinating[2];  /* -1: none */
  const char *content;
  int         deadline[3];   /* d, m, y; all 0: no deadline */
  int         working_days;  /* > 0: the deadline in working days instead */
  SampleFate  fate;
  int         done[3];       /* completion day, or the extended deadline */
  const char *progress;      /* a progress report on 20/08/2026, or NULL */
  gboolean    starred;
} SampleItem;

static const SampleItem sample_items[] = {
  { 0, VP, { PKT, PVHXH }, "Lập danh mục các hạn chế Đoàn kiểm tra của tỉnh nêu, giao "
    "đơn vị và người chịu trách nhiệm khắc phục từng nội dung.", { 0, 0, 0 }, 10,
    SAMPLE_CONFIRMED, { 17, 7, 2026 }, NULL, TRUE },
  { 0, TTPVHCC, { VP, -1 }, "Khắc phục tình trạng trả kết quả hồ sơ cho người dân "
    "chậm so với giấy hẹn.", { 31, 8, 2026 }, 0, SAMPLE_CONFIRMED, { 28, 8, 2026 },
    "Đã rà soát 126 hồ sơ trễ hẹn, gửi thư xin lỗi 9 trường hợp.", TRUE },
  { 0, PKT, { -1, -1 }, "Hoàn thiện quy trình nội bộ giải quyết thủ tục đất đai "
    "sau khi sắp xếp chính quyền hai cấp.", { 30, 9, 2026 }, 0, SAMPLE_OPEN, { 0, 0, 0 },
    "Đã dự thảo quy trình, đang lấy ý kiến các đơn vị.", FALSE },
  { 1, VP, { CA, -1 }, "Kiểm tra đột xuất việc chấp hành giờ giấc làm việc tại bộ "
    "phận một cửa và các phòng chuyên môn.", { 31, 8, 2026 }, 0, SAMPLE_CONFIRMED,
    { 25, 8, 2026 }, NULL, FALSE },
  { 1, PVHXH, { -1, -1 }, "Tổ chức cho công chức ký cam kết về văn hóa công vụ và thái "
    "độ phục vụ người dân.", { 15, 8, 2026 }, 0, SAMPLE_CONFIRMED, { 12, 8, 2026 },
    NULL, FALSE },
  { 1, TYT, { -1, -1 }, "Niêm yết công khai đường dây nóng tiếp nhận phản ánh về thái "
    "độ phục vụ tại Trạm Y tế.", { 31, 7, 2026 }, 0, SAMPLE_CONFIRMED, { 6, 8, 2026 },
    NULL, FALSE },
  { 2, TTPVHCC, { PKT, PVHXH }, "Theo dõi hằng tuần hồ sơ sắp đến hạn, cảnh báo sớm "
    "cho công chức thụ lý.", { 0, 0, 0 }, 0, SAMPLE_OPEN, { 0, 0, 0 },
    "Đã lập bảng theo dõi, gửi cảnh báo vào sáng thứ Hai hằng tuần.", FALSE },
  { 2, PKT, { TTPVHCC, -1 }, "Giải quyết dứt điểm các hồ sơ đất đai tồn đọng từ trước "
    "khi sắp xếp đơn vị hành chính.", { 30, 9, 2026 }, 0, SAMPLE_EXTENDED,
    { 30, 11, 2026 }, "Còn 14 hồ sơ chờ ý kiến của Sở Nông nghiệp và Môi trường.", TRUE },
  { 2, VP, { -1, -1 }, "Báo cáo Chủ tịch UBND xã số hồ sơ trễ hạn và nguyên nhân vào "
    "ngày 25 hằng tháng.", { 25, 8, 2026 }, 0, SAMPLE_CONFIRMED, { 25, 8, 2026 },
    NULL, FALSE },
  { 3, TTPVHCC, { -1, -1 }, "Ban hành mẫu phiếu hướng dẫn bổ sung hồ sơ ghi rõ từng "
    "giấy tờ còn thiếu.", { 31, 7, 2026 }, 0, SAMPLE_CONFIRMED, { 30, 7, 2026 },
    NULL, FALSE },
  { 3, CA, { TTPVHCC, -1 }, "Hướng dẫn một lần, đầy đủ các thủ tục cư trú; theo dõi "
    "số lần người dân phải bổ sung hồ sơ.", { 31, 8, 2026 }, 0, SAMPLE_CONFIRMED,
    { 8, 9, 2026 }, NULL, FALSE },
  { 4, TTVH, { PVHXH, -1 }, "Phát sóng chuyên mục cải cách hành chính trên hệ thống "
    "truyền thanh xã mỗi tuần một lần.", { 30, 9, 2026 }, 0, SAMPLE_CONFIRMED,
    { 29, 9, 2026 }, NULL, FALSE },
  { 4, AP_PT, { AP_GD, AP_VL }, "Tuyên truyền, hướng dẫn người dân các ấp cài đặt và "
    "sử dụng tài khoản định danh điện tử mức độ 2.", { 31, 10, 2026 }, 0, SAMPLE_OPEN,
    { 0, 0, 0 }, "Đã hướng dẫn 312 hộ tại nhà văn hóa ấp.", FALSE },
  { 4, PVHXH, { TTVH, -1 }, "Tổ chức hội thi tìm hiểu về cải cách hành chính và chính "
    "quyền số cho đoàn viên, thanh niên.", { 15, 10, 2026 }, 0, SAMPLE_AWAITING,
    { 10, 10, 2026 }, NULL, FALSE },
  { 4, AP_C, { -1, -1 }, "Lắp đặt bảng hướng dẫn nộp hồ sơ trực tuyến tại chợ và nhà "
    "văn hóa ấp.", { 15, 9, 2026 }, 0, SAMPLE_OPEN, { 0, 0, 0 }, NULL, FALSE },
  { 5, VP, { PKT, -1 }, "Rà soát biên chế, đề xuất bố trí ít nhất hai công chức phụ "
    "trách công nghệ thông tin.", { 31, 8, 2026 }, 0, SAMPLE_OPEN, { 0, 0, 0 },
    NULL, TRUE },
  { 5, VP, { -1, -1 }, "Cử công chức tham gia lớp bồi dưỡng kỹ năng số do tỉnh tổ "
    "chức.", { 30, 9, 2026 }, 0, SAMPLE_CONFIRMED, { 10, 10, 2026 }, NULL, FALSE },
  { 5, BCHQS, { -1, -1 }, "Số hóa hồ sơ quản lý lực lượng dân quân và đăng ký nghĩa vụ "
    "quân sự.", { 31, 12, 2026 }, 0, SAMPLE_OPEN, { 0, 0, 0 },
    "Đã số hóa 40% hồ sơ.", FALSE },
};

G_STATIC_ASSERT (G_N_ELEMENTS (sample_items) == 18);

/**
 * docket_store_sample_reference_date:
 *
 * Returns: the day the sample is meant to be looked at: its dashboard then reads
 *   10/18 and 55,56 %
 */
DocketDate
docket_store_sample_reference_date (void)
{
  return D (2026, 10, 15);
}

static DocketDate
dmy (const int v[3])
{
  return v[2] != 0 ? D (v[2], v[1], v[0]) : DOCKET_DATE_NONE;
}

static gboolean
require_empty (DocketStore *self,
               GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;

  stmt = _docket_store_prepare (self,
                                "SELECT EXISTS (SELECT 1 FROM meetings) "
                                "OR EXISTS (SELECT 1 FROM items)",
                                error);
  if (stmt == NULL || !_docket_store_step (self, stmt, &row, error))
    return FALSE;
  if (_docket_stmt_get_int (stmt, 0) != 0)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_CONFLICT,
                   _("The sample data can only be loaded into an empty database: this one "
                     "already has meetings or items. Nothing was changed."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_organisation (DocketStore *self,
                   GError     **error)
{
  DocketOrganisation org = {
    .issuing_body = (char *) "ỦY BAN NHÂN DÂN XÃ BẾN LỨC",
    .parent_body = (char *) "ỦY BAN NHÂN DÂN TỈNH TÂY NINH",
    .place_name = (char *) "Bến Lức",
    .notice_symbol = (char *) "TB-UBND",
    .signing_authority = (char *) "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG",
    .signer_name = (char *) "Trần Minh Khoa",
    .drafting_unit = (char *) "VP",
  };

  return docket_store_set_organisation (self, &org, error);
}

static gboolean
load_units (DocketStore *self,
            DocketId    *ids,
            GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (sample_units); i++)
    {
      const SampleUnit *s = &sample_units[i];
      DocketUnit unit = {
        .kind = s->kind,
        .name = (char *) s->name,
        .short_name = (char *) s->short_name,
        .head = (char *) s->head,
        .email = (char *) s->email,
        .phone = (char *) s->phone,
      };

      ids[i] = docket_store_add_unit (self, &unit, error);
      if (ids[i] == 0)
        return FALSE;
    }
  return TRUE;
}

static DocketId
load_meeting (DocketStore    *self,
              const DocketId *units,
              GError        **error)
{
  DocketPerson chair = { .name = (char *) "Nguyễn Văn Hùng",
                         .title = (char *) "Phó Chủ tịch UBND xã, phụ trách điều hành" };
  DocketPerson secretary = { .name = (char *) "Lê Thị Mai",
                             .title = (char *) "Chuyên viên Văn phòng HĐND và UBND xã",
                             .unit_id = units[VP] };
  DocketMeeting meeting = {
    .kind = DOCKET_MEETING_KIND_REVIEW_HALF_YEAR,
    /* Recorded first: the notice locks conclusions and items, so it is issued
     * last (load_sample_cb()). */
    .state = DOCKET_MEETING_STATE_RECORDED,
    .title = (char *) "Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2026",
    .period_start = D (2026, 1, 1),
    .period_end = D (2026, 6, 30),
    .date = D (2026, 7, 3),
    .start_minutes = 8 * 60,
    .end_minutes = 11 * 60,
    .location = (char *) "Hội trường UBND xã Bến Lức",
    .notice_number = (char *) "45",
    .notice_date = D (2026, 7, 7),
  };
  static const char * const minutes[][2] = {
    { "Lê Thị Mai", "Thư ký công bố thành phần dự họp; đại biểu có mặt đủ theo giấy mời." },
    { "Trần Minh Khoa", "Văn phòng báo cáo kết quả 6 tháng: 18 nhiệm vụ cải cách hành chính "
      "theo kế hoạch, đã hoàn thành 10 (55,56 %); mức độ hài lòng của người dân đối với "
      "bộ phận một cửa đạt 98,62 %." },
    { "Trần Minh Khoa", "Đoàn kiểm tra của tỉnh chỉ ra các hạn chế: còn hồ sơ trả kết quả "
      "trễ hẹn; tỷ lệ hồ sơ nộp trực tuyến thấp; thiếu công chức phụ trách công nghệ thông "
      "tin; một số thủ trưởng đơn vị chưa sâu sát." },
    { "Ngô Thị Thanh Tâm", "Trung tâm Phục vụ hành chính công đề nghị bổ sung máy quét và "
      "một công chức hướng dẫn nộp hồ sơ trực tuyến." },
    { "Nguyễn Văn Hùng", "Chủ trì kết luận hội nghị (6 nội dung, xem phần kết luận). "
      "Hội nghị kết thúc lúc 11 giờ cùng ngày." },
  };

  meeting.chair_id = docket_store_add_person (self, &chair, error);
  if (meeting.chair_id == 0)
    return 0;
  meeting.secretary_id = docket_store_add_person (self, &secretary, error);
  if (meeting.secretary_id == 0)
    return 0;
  meeting.id = docket_store_add_meeting (self, &meeting, error);
  if (meeting.id == 0)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (sample_units); i++)
    {
      DocketAttendee attendee = { .meeting_id = meeting.id, .unit_id = units[i],
                                  .attendance = i == TYT ? DOCKET_ATTENDANCE_ABSENT
                                                         : DOCKET_ATTENDANCE_PRESENT };
      if (docket_store_add_attendee (self, &attendee, error) == 0)
        return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (minutes); i++)
    {
      DocketMinutesSection section = { .meeting_id = meeting.id, .position = 0,
                                       .speaker = (char *) minutes[i][0],
                                       .text = (char *) minutes[i][1] };
      if (docket_store_add_minutes_section (self, &section, error) == 0)
        return 0;
    }
  return meeting.id;
}

static gboolean
load_item (DocketStore       *self,
           const SampleItem  *s,
           const DocketId    *units,
           DocketId           meeting_id,
           const DocketId    *conclusions,
           GError           **error)
{
  DocketId coordinating[2];
  guint n_coordinating = 0;
  DocketItem item = {
    .meeting_id = meeting_id,
    .conclusion_id = conclusions[s->conclusion],
    .content = (char *) s->content,
    .lead_unit_id = units[s->lead],
    .deadline = dmy (s->deadline),
    .deadline_working_days = s->working_days,
    .assigned_on = D (2026, 7, 7),
    .starred = s->starred,
  };
  DocketDate done = dmy (s->done);
  DocketId id, ext;

  for (guint i = 0; i < 2; i++)
    if (s->coordinating[i] >= 0)
      coordinating[n_coordinating++] = units[s->coordinating[i]];
  item.coordinating_unit_ids = coordinating;
  item.n_coordinating = n_coordinating;

  id = docket_store_add_item (self, &item, error);
  if (id == 0)
    return FALSE;
  if (s->progress != NULL &&
      docket_store_add_progress (self, id, D (2026, 8, 20), s->progress, -1, NULL, 0,
                                 error) == 0)
    return FALSE;

  switch (s->fate)
    {
    case SAMPLE_OPEN:
      return TRUE;
    case SAMPLE_CONFIRMED:
      return docket_store_report_item_done (self, id, done, NULL, NULL, 0, error) &&
             docket_store_confirm_item (self, id, error);
    case SAMPLE_AWAITING:
      return docket_store_report_item_done (self, id, done,
                                            "Hội thi đã tổ chức với 12 đội tham gia.",
                                            NULL, 0, error);
    case SAMPLE_EXTENDED:
      ext = docket_store_request_extension (self, id, D (2026, 9, 22), done,
                                            "Chờ ý kiến chuyên môn của Sở Nông nghiệp "
                                            "và Môi trường.", error);
      return ext != 0 &&
             docket_store_approve_extension (self, ext, D (2026, 9, 25), "215/TB-UBND", error);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
issue_notice (DocketStore *self,
              DocketId     meeting_id,
              GError     **error)
{
  g_autoptr(DocketMeeting) meeting = docket_store_get_meeting (self, meeting_id, error);

  if (meeting == NULL)
    return FALSE;
  meeting->state = DOCKET_MEETING_STATE_NOTICE_ISSUED;
  return docket_store_update_meeting (self, meeting, error);
}

static gboolean
load_sample_cb (DocketStore *self,
                gpointer     data,
                GError     **error)
{
  DocketId units[G_N_ELEMENTS (sample_units)];
  DocketId conclusions[G_N_ELEMENTS (sample_conclusions)];
  DocketId meeting_id;

  if (!require_empty (self, error) || !load_organisation (self, error) ||
      !load_units (self, units, error))
    return FALSE;
  meeting_id = load_meeting (self, units, error);
  if (meeting_id == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (sample_conclusions); i++)
    {
      DocketConclusion conclusion = { .meeting_id = meeting_id, .position = 0,
                                      .text = (char *) sample_conclusions[i] };

      conclusions[i] = docket_store_add_conclusion (self, &conclusion, error);
      if (conclusions[i] == 0)
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (sample_items); i++)
    if (!load_item (self, &sample_items[i], units, meeting_id, conclusions, error))
      return FALSE;
  return issue_notice (self, meeting_id, error);
}

/**
 * docket_store_load_sample:
 * @self: a store
 * @error: return location for a #GError
 *
 * Loads the sample records, in one transaction.  Refused with
 * %DOCKET_STORE_ERROR_CONFLICT when the file already has meetings or items, so it
 * never mixes with real records.
 *
 * Returns: whether the sample was loaded
 */
gboolean
docket_store_load_sample (DocketStore  *self,
                          GError      **error)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _docket_store_write (self, load_sample_cb, NULL, error);
}
