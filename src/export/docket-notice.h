/* docket-notice.h: the notice of conclusions as text, before any layout
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-store.h"

G_BEGIN_DECLS

/**
 * DocketNoticeParagraphKind:
 * @DOCKET_NOTICE_PARAGRAPH_BODY: a body paragraph (the opening, the closing)
 * @DOCKET_NOTICE_PARAGRAPH_CONCLUSION: a numbered conclusion, "1. …"
 * @DOCKET_NOTICE_PARAGRAPH_ASSIGNMENT: an item under its conclusion, "a) Giao …"
 *
 * All three are laid out alike (justified, first-line indent); the kind lets a
 * writer style them apart.
 */
typedef enum
{
  DOCKET_NOTICE_PARAGRAPH_BODY,
  DOCKET_NOTICE_PARAGRAPH_CONCLUSION,
  DOCKET_NOTICE_PARAGRAPH_ASSIGNMENT,
} DocketNoticeParagraphKind;

typedef struct
{
  DocketNoticeParagraphKind kind;
  char                     *text;
} DocketNoticeParagraph;

/**
 * DocketNotice:
 * @parent_body: the parent body, in capitals
 * @issuing_body: the issuing body, in capitals
 * @number_line: "Số: 45/TB-UBND" (blank number before the notice is issued)
 * @national_name: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
 * @motto: "Độc lập - Tự do - Hạnh phúc"
 * @place_date: "Bến Lức, ngày 07 tháng 7 năm 2026"
 * @title: "THÔNG BÁO"
 * @summary: "Kết luận của … tại …"
 * @paragraphs: (element-type DocketNoticeParagraph): the body, in order
 * @recipients_heading: "Nơi nhận:"
 * @recipients: (element-type utf8): "- …;" lines, the last "- Lưu: VT, VP."
 * @authority_lines: (element-type utf8): the signing authority, one line each, capitals
 * @signer_name: the signer
 *
 * The text of a notice of conclusions (Decree 30/2020/NĐ-CP, form 1.4), in
 * Vietnamese whatever the language of the interface: it is an administrative
 * document of Vietnam.  The PDF, the printout and the DOCX all lay out this.
 */
typedef struct
{
  char      *parent_body;
  char      *issuing_body;
  char      *number_line;
  char      *national_name;
  char      *motto;
  char      *place_date;
  char      *title;
  char      *summary;
  GPtrArray *paragraphs;
  char      *recipients_heading;
  GPtrArray *recipients;
  GPtrArray *authority_lines;
  char      *signer_name;
} DocketNotice;

DocketNotice *docket_notice_new_from_store   (DocketStore  *store,
                                              DocketId      meeting_id,
                                              GError      **error);
void          docket_notice_free             (DocketNotice *notice);

char         *docket_notice_format_date_words (DocketDate   date);
char         *docket_notice_format_number     (const char  *number);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketNotice, docket_notice_free)

G_END_DECLS
