/* docket-import-cells.c: reading a tracker's columns and cells
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an import knows before it looks at the records: the fields a column can
 * hold and the headers that name them (the mapping guessed from the header row),
 * the dates as offices write them, and the text helpers the validation shares
 * (docket-import.c).
 */

#define G_LOG_DOMAIN "docket-export"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docket-import-private.h"

static const struct
{
  const char *key;
  const char *label;
  /* Header words that name the field, folded; the longest one found wins. */
  const char *headers[12];
} fields[DOCKET_IMPORT_N_FIELDS] = {
  [DOCKET_IMPORT_FIELD_CONTENT] = { "content", N_("Content"),
    { "noi dung", "noi dung nhiem vu", "noi dung cong viec", "nhiem vu", "ten nhiem vu",
      "noi dung chi dao", "content", "task", "description", "directive", NULL } },
  [DOCKET_IMPORT_FIELD_LEAD_UNIT] = { "lead-unit", N_("Lead unit"),
    { "don vi chu tri", "chu tri", "co quan chu tri", "don vi thuc hien", "don vi",
      "lead unit", "lead", "unit", "responsible unit", NULL } },
  [DOCKET_IMPORT_FIELD_COORDINATING_UNITS] = { "coordinating-units", N_("Coordinating units"),
    { "don vi phoi hop", "phoi hop", "co quan phoi hop", "coordinating units",
      "coordinating unit", "coordinating", "coordination", NULL } },
  [DOCKET_IMPORT_FIELD_DEADLINE] = { "deadline", N_("Deadline"),
    { "thoi han", "han hoan thanh", "thoi han hoan thanh", "han", "han xu ly",
      "deadline", "due", "due date", NULL } },
  [DOCKET_IMPORT_FIELD_STATUS] = { "status", N_("Status"),
    { "tinh trang", "trang thai", "ket qua", "tien do", "ket qua thuc hien",
      "tinh hinh thuc hien", "status", "progress", NULL } },
  [DOCKET_IMPORT_FIELD_COMPLETED_ON] = { "completed-on", N_("Completion date"),
    { "ngay hoan thanh", "thoi gian hoan thanh", "ngay hoan thanh thuc te", "completed",
      "completed on", "completion date", "date completed", "done on", NULL } },
  [DOCKET_IMPORT_FIELD_MEETING] = { "meeting", N_("Meeting"),
    { "cuoc hop", "ten cuoc hop", "hoi nghi", "meeting", NULL } },
};

/* Text helpers. */

/* Folded, with runs of blanks made one space and none at the ends, so that
 * "Phòng  Nội vụ " and "phong noi vu" compare equal. */
char *
_docket_import_fold_name (const char *text)
{
  g_autofree char *folded = docket_fold (text != NULL ? text : "");
  GString *out = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || (guchar) c >= 0x80;
}

/* Whether @needle occurs in @haystack as whole words. */
gboolean
_docket_import_contains_words (const char *haystack,
                const char *needle)
{
  gsize n = strlen (needle);

  if (n == 0)
    return FALSE;
  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    {
      gboolean start_ok = p == haystack || !is_word_char (p[-1]);
      gboolean end_ok = !is_word_char (p[n]);

      if (start_ok && end_ok)
        return TRUE;
    }
  return FALSE;
}

char *
_docket_import_strip_dup (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}


/* Fields. */

/**
 * docket_import_field_get_key:
 *
 * Returns: the field's name on the command line ("lead-unit") and in JSON
 */
const char *
docket_import_field_get_key (DocketImportField field)
{
  g_return_val_if_fail (field < DOCKET_IMPORT_N_FIELDS, NULL);

  return fields[field].key;
}

/**
 * docket_import_field_get_label:
 *
 * Returns: the field's name as the import dialog shows it (translated)
 */
const char *
docket_import_field_get_label (DocketImportField field)
{
  g_return_val_if_fail (field < DOCKET_IMPORT_N_FIELDS, NULL);

  return _(fields[field].label);
}

gboolean
docket_import_field_from_key (const char        *key,
                              DocketImportField *out_field)
{
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint f = 0; f < DOCKET_IMPORT_N_FIELDS; f++)
    if (g_ascii_strcasecmp (key, fields[f].key) == 0)
      {
        *out_field = (DocketImportField) f;
        return TRUE;
      }
  return FALSE;
}

/* The mapping. */

/**
 * docket_import_mapping_init:
 *
 * No column mapped, a header row, no target meeting, no units created.
 */
void
docket_import_mapping_init (DocketImportMapping *mapping)
{
  g_return_if_fail (mapping != NULL);

  memset (mapping, 0, sizeof *mapping);
  for (guint f = 0; f < DOCKET_IMPORT_N_FIELDS; f++)
    mapping->columns[f] = -1;
  mapping->header_row = TRUE;
}

/* How well @header names @field: the length of the longest of its words found
 * whole in it, twice that when the header is exactly those words, 0 for none. */
static gsize
header_score (const char        *header,
              DocketImportField  field)
{
  gsize best = 0;

  for (guint i = 0; fields[field].headers[i] != NULL; i++)
    {
      const char *words = fields[field].headers[i];
      gsize score = strlen (words);

      if (strcmp (header, words) == 0)
        score *= 2;
      else if (!_docket_import_contains_words (header, words))
        continue;
      best = MAX (best, score);
    }
  return best;
}

/**
 * docket_import_mapping_guess:
 * @mapping: the mapping to fill in (columns already mapped are kept)
 * @table: the file, whose first row names the columns
 *
 * Maps the columns whose header names a field, in Vietnamese or English, case and
 * diacritics ignored: "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn",
 * "Hạn hoàn thành", "Tình trạng", "Ngày hoàn thành", "Cuộc họp", "Deadline", ….  The
 * best-scoring header wins each field; a column holds one field at most.
 *
 * Returns: the number of fields mapped by the guess
 */
guint
docket_import_mapping_guess (DocketImportMapping  *mapping,
                             const DocketCsvTable *table)
{
  g_autofree gsize *scores = NULL;
  g_autofree int *taken = NULL;
  guint n_columns, guessed = 0;

  g_return_val_if_fail (mapping != NULL, 0);
  g_return_val_if_fail (table != NULL, 0);

  if (docket_csv_table_get_n_rows (table) == 0)
    return 0;
  n_columns = docket_csv_table_get_n_cells (table, 0);
  scores = g_new0 (gsize, (gsize) n_columns * DOCKET_IMPORT_N_FIELDS);
  taken = g_new0 (int, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *header = _docket_import_fold_name (docket_csv_table_get_cell (table, 0, c));

      for (guint f = 0; f < DOCKET_IMPORT_N_FIELDS; f++)
        scores[c * DOCKET_IMPORT_N_FIELDS + f] = header_score (header, f);
      for (guint f = 0; f < DOCKET_IMPORT_N_FIELDS; f++)
        if (mapping->columns[f] == (int) c)
          taken[c] = TRUE;
    }

  /* Best pairs first, so "Hạn hoàn thành" goes to the deadline even though
   * "hoàn thành" alone would not name anything. */
  for (;;)
    {
      gsize best = 0;
      guint best_c = 0, best_f = 0;

      for (guint c = 0; c < n_columns; c++)
        for (guint f = 0; f < DOCKET_IMPORT_N_FIELDS; f++)
          if (!taken[c] && mapping->columns[f] < 0 &&
              scores[c * DOCKET_IMPORT_N_FIELDS + f] > best)
            {
              best = scores[c * DOCKET_IMPORT_N_FIELDS + f];
              best_c = c;
              best_f = f;
            }
      if (best == 0)
        break;
      mapping->columns[best_f] = (int) best_c;
      taken[best_c] = TRUE;
      guessed++;
    }
  return guessed;
}

/* Dates. */

static gboolean
make_date (int         year,
           int         month,
           int         day,
           DocketDate *out_date)
{
  if (year < 1900 || year > 9998 || !docket_date_is_valid_dmy (year, month, day))
    return FALSE;
  *out_date = docket_date_new (year, month, day);
  return TRUE;
}

/* Reads up to 3 groups of digits separated by one repeated separator of "/-." from
 * @p; the rest may be a time ("30/09/2026 00:00:00"). */
static gboolean
parse_numeric_date (const char *p,
                    DocketDate *out_date)
{
  int parts[3] = { 0, 0, 0 };
  int digits[3] = { 0, 0, 0 };
  char sep = 0;
  int year, month, day;

  for (int i = 0; i < 3; i++)
    {
      while (g_ascii_isdigit (*p) && digits[i] < 5)
        {
          parts[i] = parts[i] * 10 + (*p - '0');
          digits[i]++;
          p++;
        }
      if (digits[i] == 0 || g_ascii_isdigit (*p))
        return FALSE;
      if (i == 2)
        break;
      if (*p != '/' && *p != '-' && *p != '.')
        return FALSE;
      if (sep != 0 && *p != sep)
        return FALSE;
      sep = *p++;
    }
  if (*p != '\0' && *p != ' ' && *p != 'T' && *p != 't')
    return FALSE;

  if (digits[0] == 4)
    {
      year = parts[0];
      month = parts[1];
      day = parts[2];
    }
  else
    {
      day = parts[0];
      month = parts[1];
      year = parts[2];
      if (digits[2] == 2)
        year += 2000;
      else if (digits[2] != 4)
        return FALSE;
    }
  if (digits[1] > 2 || (digits[0] != 4 && digits[0] > 2) || (digits[0] == 4 && digits[2] > 2))
    return FALSE;
  return make_date (year, month, day, out_date);
}

/**
 * docket_import_parse_date:
 * @text: a date as a tracker holds it
 * @out_date: (out): the date
 *
 * Reads the dates found in Vietnamese trackers, day first: `30/09/2026`, `30/9/2026`,
 * `30-09-2026`, `30.09.2026`, two-digit years as 20yy (`30/9/26`: trackers hold no
 * deadlines of the last century); year first when the first group has four digits
 * (`2026-09-30`, `2026/09/30`); a time after the date is ignored; "ngày 30 tháng 9
 * năm 2026"; and a bare number from 20000 to 99999 as an Excel serial day (what a
 * date cell gives when its format was lost).
 *
 * Returns: whether @text is such a date
 */
gboolean
docket_import_parse_date (const char *text,
                          DocketDate *out_date)
{
  g_autofree char *folded = NULL;
  int day, month, year;
  char tail;
  gsize n_digits = 0;

  g_return_val_if_fail (out_date != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  folded = _docket_import_fold_name (text);

  if (sscanf (folded, "ngay %d thang %d nam %d%c", &day, &month, &year, &tail) == 3)
    return make_date (year, month, day, out_date);

  while (g_ascii_isdigit (folded[n_digits]))
    n_digits++;
  if (n_digits == 5 && folded[n_digits] == '\0')
    {
      /* Excel counts days from 30/12/1899. */
      int serial = atoi (folded);

      if (serial >= 20000)
        {
          *out_date = docket_date_add_days (docket_date_new (1899, 12, 30), serial);
          return *out_date != DOCKET_DATE_NONE;
        }
      return FALSE;
    }
  return parse_numeric_date (folded, out_date);
}

/* Edit distance. */

/**
 * docket_import_edit_distance:
 *
 * The Levenshtein distance between @a and @b, in characters.  Texts are compared
 * up to their first 256 characters.
 *
 * Returns: the number of insertions, deletions and substitutions from @a to @b
 */
guint
docket_import_edit_distance (const char *a,
                             const char *b)
{
  g_autofree gunichar *ua = NULL;
  g_autofree gunichar *ub = NULL;
  g_autofree guint *prev = NULL;
  g_autofree guint *cur = NULL;
  glong na = 0, nb = 0;

  g_return_val_if_fail (a != NULL && b != NULL, G_MAXUINT);

  ua = g_utf8_to_ucs4_fast (a, -1, &na);
  ub = g_utf8_to_ucs4_fast (b, -1, &nb);
  na = MIN (na, 256);
  nb = MIN (nb, 256);
  prev = g_new (guint, nb + 1);
  cur = g_new (guint, nb + 1);
  for (glong j = 0; j <= nb; j++)
    prev[j] = (guint) j;
  for (glong i = 1; i <= na; i++)
    {
      guint *swap;

      cur[0] = (guint) i;
      for (glong j = 1; j <= nb; j++)
        {
          guint sub = prev[j - 1] + (ua[i - 1] == ub[j - 1] ? 0 : 1);

          cur[j] = MIN (sub, MIN (prev[j] + 1, cur[j - 1] + 1));
        }
      swap = prev;
      prev = cur;
      cur = swap;
    }
  return prev[nb];
}

