/* docket-notice.c: the notice of conclusions as text, before any layout
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wording follows the notices commune and province offices send (Decree
 * 30/2020/NĐ-CP, form 1.4, abbreviation TB).  The document is Vietnamese whatever
 * the interface language, so none of these strings is translated.
 */

#define G_LOG_DOMAIN "docket-export"

#include "config.h"

#include <string.h>

#include "docket-notice.h"
#include "docket-store-items.h"
#include "docket-store-meetings.h"
#include "docket-store-units.h"

/* Items read per page while gathering a meeting's items. */
#define ITEMS_PAGE 500

static void
paragraph_free (gpointer data)
{
  DocketNoticeParagraph *paragraph = data;

  g_free (paragraph->text);
  g_free (paragraph);
}

static void
add_paragraph (DocketNotice              *notice,
               DocketNoticeParagraphKind  kind,
               char                      *text)
{
  DocketNoticeParagraph *paragraph = g_new0 (DocketNoticeParagraph, 1);

  paragraph->kind = kind;
  paragraph->text = text;
  g_ptr_array_add (notice->paragraphs, paragraph);
}

/* The text of a record, trimmed, or "" for NULL. */
static char *
dup_trimmed (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

/* An item's content as the end of "Giao X chủ trì …": its first letter in lower case
 * (unless it starts an abbreviation, "UBND …"), without the final full stop. */
static char *
content_as_clause (const char *content)
{
  g_autofree char *text = dup_trimmed (content);
  gsize len = strlen (text);
  gunichar first, second;
  const char *rest;
  GString *out;

  while (len > 0 && (text[len - 1] == '.' || text[len - 1] == ';'))
    text[--len] = '\0';
  if (len == 0)
    return g_strdup ("");
  first = g_utf8_get_char (text);
  rest = g_utf8_next_char (text);
  second = *rest ? g_utf8_get_char (rest) : 0;
  out = g_string_new (NULL);
  if (g_unichar_isupper (first) && !g_unichar_isupper (second))
    g_string_append_unichar (out, g_unichar_tolower (first));
  else
    g_string_append_unichar (out, first);
  g_string_append (out, rest);
  return g_string_free (out, FALSE);
}

/**
 * docket_notice_format_date_words:
 * @date: a date, or %DOCKET_DATE_NONE
 *
 * The date as the place-and-date line writes it: "ngày 05 tháng 01 năm 2026".  Days
 * under 10 and the months 1 and 2 take a leading zero (Decree 30/2020, so that no
 * one can add a digit later); a missing date leaves blanks to fill in by hand.
 *
 * Returns: (transfer full): the words
 */
char *
docket_notice_format_date_words (DocketDate date)
{
  int y, m, d;

  if (date == DOCKET_DATE_NONE)
    return g_strdup_printf ("ngày %s tháng %s năm %s", "\u2003\u2003", "\u2003\u2003",
                            "\u2003\u2003\u2003");
  docket_date_to_dmy (date, &y, &m, &d);
  return g_strdup_printf ("ngày %02d tháng %s%d năm %d", d, m <= 2 ? "0" : "", m, y);
}

/**
 * docket_notice_format_number:
 * @number: (nullable): the number given to the notice, "5" or "05"
 *
 * Returns: (transfer full): the number as printed, "05", or blanks before the notice
 *   is issued (the office writes it in when it registers the document)
 */
char *
docket_notice_format_number (const char *number)
{
  g_autofree char *text = dup_trimmed (number);
  guint64 value;

  if (*text == '\0')
    return g_strdup ("\u2003\u2003\u2003");
  if (g_ascii_string_to_unsigned (text, 10, 0, 9, &value, NULL))
    return g_strdup_printf ("%02u", (guint) value);
  return g_steal_pointer (&text);
}

typedef struct
{
  GHashTable    *unit_names;   /* DocketId → full name */
  DocketMeeting *meeting;
  DocketPerson  *chair;
  char          *chair_title;  /* "Phó Chủ tịch UBND xã", the title before any comma */
  char          *chair_label;  /* "Phó Chủ tịch UBND xã Nguyễn Văn Hùng" */
  GPtrArray     *items;        /* the meeting's items, with coordinating units */
} NoticeSource;

static void
notice_source_clear (NoticeSource *source)
{
  g_clear_pointer (&source->unit_names, g_hash_table_unref);
  g_clear_pointer (&source->meeting, docket_meeting_free);
  g_clear_pointer (&source->chair, docket_person_free);
  g_clear_pointer (&source->chair_title, g_free);
  g_clear_pointer (&source->chair_label, g_free);
  g_clear_pointer (&source->items, g_ptr_array_unref);
}

static GPtrArray *list_meeting_items (DocketStore *store,
                                      DocketId     meeting_id,
                                      GError     **error);

static const char *
unit_name (NoticeSource *source,
           DocketId      unit_id)
{
  const char *name = g_hash_table_lookup (source->unit_names, &unit_id);

  return name != NULL ? name : "";
}

static gboolean
notice_source_load (NoticeSource *source,
                    DocketStore  *store,
                    DocketId      meeting_id,
                    GError      **error)
{
  g_autoptr(GPtrArray) units = NULL;

  if ((source->meeting = docket_store_get_meeting (store, meeting_id, error)) == NULL ||
      (units = docket_store_list_units (store, TRUE, error)) == NULL ||
      (source->items = list_meeting_items (store, meeting_id, error)) == NULL)
    return FALSE;
  source->unit_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < units->len; i++)
    {
      DocketUnit *unit = g_ptr_array_index (units, i);

      g_hash_table_insert (source->unit_names, g_memdup2 (&unit->id, sizeof unit->id),
                           dup_trimmed (unit->name));
    }
  if (source->meeting->chair_id != 0 &&
      (source->chair = docket_store_get_person (store, source->meeting->chair_id, error)) == NULL)
    return FALSE;
  if (source->chair != NULL)
    {
      g_autofree char *name = dup_trimmed (source->chair->name);
      g_auto(GStrv) parts = g_strsplit (source->chair->title ? source->chair->title : "", ",", 2);

      source->chair_title = dup_trimmed (parts[0]);
      source->chair_label = *source->chair_title
        ? g_strdup_printf ("%s %s", source->chair_title, name)
        : g_strdup_printf ("đồng chí %s", name);
    }
  return TRUE;
}

static void
build_header (DocketNotice             *notice,
              const DocketOrganisation *org,
              NoticeSource             *source)
{
  DocketMeeting *meeting = source->meeting;
  g_autofree char *number = docket_notice_format_number (meeting->notice_number);
  g_autofree char *symbol = dup_trimmed (org->notice_symbol);
  g_autofree char *place = dup_trimmed (org->place_name);
  g_autofree char *when = NULL;
  g_autofree char *title = dup_trimmed (meeting->title);
  DocketDate day = meeting->notice_date;

  /* Before the notice is issued its day is blank, but the year is known. */
  if (day == DOCKET_DATE_NONE)
    {
      when = g_strdup_printf ("ngày \u2003\u2003 tháng \u2003\u2003 năm %d",
                              docket_date_get_year (meeting->date != DOCKET_DATE_NONE
                                                    ? meeting->date
                                                    : docket_date_today (NULL)));
    }
  else
    when = docket_notice_format_date_words (day);

  notice->parent_body = g_utf8_strup (org->parent_body ? org->parent_body : "", -1);
  g_strstrip (notice->parent_body);
  notice->issuing_body = g_utf8_strup (org->issuing_body ? org->issuing_body : "", -1);
  g_strstrip (notice->issuing_body);
  notice->number_line = g_strdup_printf ("Số: %s/%s", number, *symbol ? symbol : "TB");
  notice->national_name = g_strdup ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  notice->motto = g_strdup ("Độc lập - Tự do - Hạnh phúc");
  notice->place_date = *place ? g_strdup_printf ("%s, %s", place, when) : g_strdup (when);
  notice->title = g_strdup ("THÔNG BÁO");
  if (source->chair_label != NULL)
    notice->summary = g_strdup_printf ("Kết luận của %s tại %s", source->chair_label, title);
  else
    notice->summary = g_strdup_printf ("Kết luận tại %s", title);
}

static gboolean
build_opening (DocketNotice  *notice,
               DocketStore   *store,
               NoticeSource  *source,
               GError       **error)
{
  DocketMeeting *meeting = source->meeting;
  g_autoptr(GPtrArray) attendees = docket_store_list_attendees (store, meeting->id, error);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) present = g_string_new (NULL);
  g_autofree char *location = dup_trimmed (meeting->location);
  g_autofree char *title = dup_trimmed (meeting->title);

  if (attendees == NULL)
    return FALSE;
  if (meeting->date != DOCKET_DATE_NONE)
    {
      g_autofree char *words = docket_notice_format_date_words (meeting->date);

      /* "Ngày 03 tháng 7 năm 2026": the sentence starts with the date. */
      g_string_append_unichar (text, g_unichar_toupper (g_utf8_get_char (words)));
      g_string_append (text, g_utf8_next_char (words));
      g_string_append (text, ", ");
    }
  if (*location)
    g_string_append_printf (text, "tại %s, ", location);
  if (source->chair != NULL)
    {
      g_autofree char *name = dup_trimmed (source->chair->name);
      g_autofree char *chair_title = dup_trimmed (source->chair->title);

      g_string_append_printf (text, "đồng chí %s%s%s chủ trì %s.", name,
                              *chair_title ? " - " : "", chair_title, title);
    }
  else
    g_string_append_printf (text, "%s đã được tổ chức.", title);

  for (guint i = 0; i < attendees->len; i++)
    {
      DocketAttendee *a = g_ptr_array_index (attendees, i);
      g_autoptr(DocketPerson) person = NULL;
      const char *name = NULL;

      if (a->attendance == DOCKET_ATTENDANCE_ABSENT)
        continue;
      if (a->person_id != 0 &&
          (person = docket_store_get_person (store, a->person_id, NULL)) != NULL)
        name = person->name;
      else if (a->unit_id != 0)
        name = unit_name (source, a->unit_id);
      if (name == NULL || *name == '\0')
        continue;
      g_string_append_printf (present, "%s%s", present->len ? ", " : "", name);
    }
  if (present->len > 0)
    g_string_append_printf (text, " Tham dự có lãnh đạo và đại diện: %s.", present->str);
  add_paragraph (notice, DOCKET_NOTICE_PARAGRAPH_BODY, g_string_free (g_steal_pointer (&text), FALSE));

  add_paragraph (notice, DOCKET_NOTICE_PARAGRAPH_BODY,
                 g_strdup_printf ("Sau khi nghe báo cáo và ý kiến phát biểu của các đại biểu "
                                  "dự họp, %s kết luận như sau:",
                                  source->chair_label ? source->chair_label : "chủ trì hội nghị"));
  return TRUE;
}

/* "Giao X chủ trì, phối hợp với Y, Z …; hoàn thành trước ngày 31/08/2026." */
static char *
format_assignment (NoticeSource     *source,
                   const DocketItem *item,
                   char              letter)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *clause = content_as_clause (item->content);
  DocketDate deadline = item->original_deadline != DOCKET_DATE_NONE
                        ? item->original_deadline : item->deadline;

  g_string_append_printf (text, "%c) Giao %s", letter, unit_name (source, item->lead_unit_id));
  if (item->n_coordinating > 0)
    {
      g_string_append (text, " chủ trì, phối hợp với ");
      for (guint i = 0; i < item->n_coordinating; i++)
        g_string_append_printf (text, "%s%s", i == 0 ? "" : ", ",
                                unit_name (source, item->coordinating_unit_ids[i]));
    }
  g_string_append_printf (text, " %s", clause);
  if (deadline == DOCKET_DATE_NONE)
    g_string_append (text, "; thực hiện thường xuyên.");
  else
    {
      g_autofree char *day = docket_date_format_display (deadline);

      if (item->deadline_working_days > 0)
        g_string_append_printf (text, "; thời hạn %d ngày làm việc, hoàn thành trước ngày %s.",
                                item->deadline_working_days, day);
      else
        g_string_append_printf (text, "; hoàn thành trước ngày %s.", day);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The meeting's items in the order they were given, with their coordinating units. */
static GPtrArray *
list_meeting_items (DocketStore  *store,
                    DocketId      meeting_id,
                    GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_item_free);
  g_autoptr(DocketItemCursor) cursor = NULL;
  DocketItemQuery query;

  docket_item_query_init (&query, docket_date_today (NULL));
  query.meeting_id = meeting_id;
  query.sort = DOCKET_ITEM_SORT_CREATED;
  while (TRUE)
    {
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(DocketItemCursor) next = NULL;

      rows = docket_store_list_items (store, &query, cursor, ITEMS_PAGE, &next, error);
      if (rows == NULL)
        return NULL;
      for (guint i = 0; i < rows->len; i++)
        {
          DocketItemRow *row = g_ptr_array_index (rows, i);
          DocketItem *item = docket_store_get_item (store, row->item->id, error);

          if (item == NULL)
            return NULL;
          g_ptr_array_add (items, item);
        }
      if (rows->len < ITEMS_PAGE || next == NULL)
        break;
      g_clear_pointer (&cursor, docket_item_cursor_free);
      cursor = g_steal_pointer (&next);
    }
  return g_steal_pointer (&items);
}

static void
add_assignments (DocketNotice *notice,
                 NoticeSource *source,
                 GPtrArray    *items,
                 DocketId      conclusion_id)
{
  char letter = 'a';

  for (guint i = 0; i < items->len; i++)
    {
      DocketItem *item = g_ptr_array_index (items, i);

      if (item->conclusion_id != conclusion_id)
        continue;
      add_paragraph (notice, DOCKET_NOTICE_PARAGRAPH_ASSIGNMENT,
                     format_assignment (source, item, letter));
      /* More than 26 items under one conclusion is unheard of; wrapping keeps the
       * label a letter rather than punctuation. */
      letter = letter == 'z' ? 'a' : letter + 1;
    }
}

static gboolean
build_conclusions (DocketNotice  *notice,
                   DocketStore   *store,
                   NoticeSource  *source,
                   GError       **error)
{
  g_autoptr(GPtrArray) conclusions = docket_store_list_conclusions (store, source->meeting->id, error);
  GPtrArray *items = source->items;
  gboolean loose = FALSE;
  guint n = 0;

  if (conclusions == NULL)
    return FALSE;
  for (guint i = 0; i < conclusions->len; i++)
    {
      DocketConclusion *c = g_ptr_array_index (conclusions, i);
      g_autofree char *text = dup_trimmed (c->text);

      add_paragraph (notice, DOCKET_NOTICE_PARAGRAPH_CONCLUSION,
                     g_strdup_printf ("%u. %s", ++n, text));
      add_assignments (notice, source, items, c->id);
    }
  /* Items given at the meeting but tied to no conclusion still belong in the notice:
   * each corresponds to one tracked item. */
  for (guint i = 0; i < items->len && !loose; i++)
    loose = ((DocketItem *) g_ptr_array_index (items, i))->conclusion_id == 0;
  if (loose)
    {
      add_paragraph (notice, DOCKET_NOTICE_PARAGRAPH_CONCLUSION,
                     g_strdup_printf ("%u. Giao nhiệm vụ cụ thể như sau:", ++n));
      add_assignments (notice, source, items, 0);
    }
  return TRUE;
}

static void
build_closing (DocketNotice *notice,
               NoticeSource *source)
{
  g_autofree char *title = dup_trimmed (source->meeting->title);

  if (source->chair_label != NULL)
    add_paragraph (notice, DOCKET_NOTICE_PARAGRAPH_BODY,
                   g_strdup_printf ("Trên đây là ý kiến kết luận của %s tại %s, thông báo để "
                                    "các cơ quan, đơn vị biết, thực hiện./.",
                                    source->chair_label, title));
  else
    add_paragraph (notice, DOCKET_NOTICE_PARAGRAPH_BODY,
                   g_strdup_printf ("Trên đây là ý kiến kết luận tại %s, thông báo để các cơ "
                                    "quan, đơn vị biết, thực hiện./.", title));
}

/* Recipients: the chair, then every unit that leads or coordinates an item, in the
 * order the units are listed; last, the office's own copy. */
static gboolean
build_recipients (DocketNotice             *notice,
                  DocketStore              *store,
                  const DocketOrganisation *org,
                  NoticeSource             *source,
                  GError                  **error)
{
  g_autoptr(GPtrArray) units = docket_store_list_units (store, TRUE, error);
  GPtrArray *items = source->items;
  g_autoptr(GHashTable) involved = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *drafting = dup_trimmed (org->drafting_unit);

  if (units == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      DocketItem *item = g_ptr_array_index (items, i);

      g_hash_table_add (involved, &item->lead_unit_id);
      for (guint j = 0; j < item->n_coordinating; j++)
        g_hash_table_add (involved, &item->coordinating_unit_ids[j]);
    }
  notice->recipients_heading = g_strdup ("Nơi nhận:");
  if (source->chair_label != NULL)
    g_ptr_array_add (notice->recipients, g_strdup_printf ("- %s (b/c);", source->chair_label));
  for (guint i = 0; i < units->len; i++)
    {
      DocketUnit *unit = g_ptr_array_index (units, i);

      if (g_hash_table_contains (involved, &unit->id))
        g_ptr_array_add (notice->recipients, g_strdup_printf ("- %s;", unit_name (source, unit->id)));
    }
  g_ptr_array_add (notice->recipients,
                   *drafting ? g_strdup_printf ("- Lưu: VT, %s.", drafting) : g_strdup ("- Lưu: VT."));
  return TRUE;
}

static void
build_signature (DocketNotice             *notice,
                 const DocketOrganisation *org)
{
  g_auto(GStrv) lines = g_strsplit (org->signing_authority ? org->signing_authority : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (g_utf8_strup (lines[i], -1));

      if (*line)
        g_ptr_array_add (notice->authority_lines, line);
      else
        g_free (line);
    }
  notice->signer_name = dup_trimmed (org->signer_name);
}

/**
 * docket_notice_new_from_store:
 * @store: an open store, used from the calling thread only
 * @meeting_id: the meeting
 * @error: return location for an error
 *
 * Gathers the text of the notice of conclusions of a meeting: the organisation's
 * settings for the header and signature, the meeting for the opening, its
 * conclusions and items (cancelled ones left out) for the body.
 *
 * Returns: (transfer full): the notice, or %NULL with @error
 */
DocketNotice *
docket_notice_new_from_store (DocketStore  *store,
                              DocketId      meeting_id,
                              GError      **error)
{
  g_autoptr(DocketNotice) notice = NULL;
  g_autoptr(DocketOrganisation) org = NULL;
  NoticeSource source = { 0 };
  gboolean ok;

  g_return_val_if_fail (DOCKET_IS_STORE (store), NULL);

  notice = g_new0 (DocketNotice, 1);
  notice->paragraphs = g_ptr_array_new_with_free_func (paragraph_free);
  notice->recipients = g_ptr_array_new_with_free_func (g_free);
  notice->authority_lines = g_ptr_array_new_with_free_func (g_free);

  ok = (org = docket_store_get_organisation (store, error)) != NULL &&
       notice_source_load (&source, store, meeting_id, error);
  if (ok)
    {
      build_header (notice, org, &source);
      ok = build_opening (notice, store, &source, error) &&
           build_conclusions (notice, store, &source, error);
    }
  if (ok)
    {
      build_closing (notice, &source);
      ok = build_recipients (notice, store, org, &source, error);
      build_signature (notice, org);
    }
  notice_source_clear (&source);
  return ok ? g_steal_pointer (&notice) : NULL;
}

void
docket_notice_free (DocketNotice *notice)
{
  if (notice == NULL)
    return;
  g_free (notice->parent_body);
  g_free (notice->issuing_body);
  g_free (notice->number_line);
  g_free (notice->national_name);
  g_free (notice->motto);
  g_free (notice->place_date);
  g_free (notice->title);
  g_free (notice->summary);
  g_clear_pointer (&notice->paragraphs, g_ptr_array_unref);
  g_free (notice->recipients_heading);
  g_clear_pointer (&notice->recipients, g_ptr_array_unref);
  g_clear_pointer (&notice->authority_lines, g_ptr_array_unref);
  g_free (notice->signer_name);
  g_free (notice);
}
