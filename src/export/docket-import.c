/* docket-import.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import runs in two steps, so that nothing is written before the user has seen
 * what will be: docket_import_validate() reads every row against the store and
 * builds a report (the dry run); docket_import_report_commit() writes the rows of
 * that report in one transaction.  Between the two, the records may change (a unit
 * archived, a meeting's notice issued): the store's own checks refuse such a row
 * at commit, and the whole import rolls back.
 *
 * This file is the dry run; docket-import-cells.c knows the fields, the mapping
 * and the dates, docket-import-commit.c writes.
 */

#define G_LOG_DOMAIN "docket-export"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docket-import-private.h"

#include "docket-csv.h"
#include "docket-store-item-lookup.h"
#include "docket-store-items.h"
#include "docket-store-meetings.h"
#include "docket-store-transaction.h"
#include "docket-store-units.h"

/* Problems and rows. */

static void
problem_free (DocketImportProblem *problem)
{
  g_free (problem->value);
  g_free (problem->suggestion);
  g_free (problem->message);
  g_free (problem);
}

static void
row_free (DocketImportRow *row)
{
  g_free (row->content);
  g_ptr_array_unref (row->problems);
  g_clear_pointer (&row->item, docket_item_free);
  g_free (row);
}

static DocketImportProblem *
add_problem (DocketImportRow         *row,
             DocketImportProblemKind  kind,
             gboolean                 is_error,
             DocketImportField        field,
             const char              *value,
             char                    *message)
{
  DocketImportProblem *problem = g_new0 (DocketImportProblem, 1);

  problem->kind = kind;
  problem->is_error = is_error;
  problem->field = field;
  problem->value = g_strdup (value);
  problem->message = message;
  g_ptr_array_add (row->problems, problem);
  if (is_error)
    row->status = DOCKET_IMPORT_ROW_ERROR;
  return problem;
}

static void
resolution_free (UnitResolution *resolution)
{
  g_free (resolution->name);
  g_free (resolution->suggestion);
  g_free (resolution);
}

/* Units. */

static void
index_unit (GHashTable *by_name,
            const char *name,
            DocketUnit *unit)
{
  g_autofree char *key = NULL;
  GPtrArray *list;

  if (name == NULL || *name == '\0')
    return;
  key = _docket_import_fold_name (name);
  list = g_hash_table_lookup (by_name, key);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (by_name, g_steal_pointer (&key), list);
    }
  if (!g_ptr_array_find (list, unit, NULL))
    g_ptr_array_add (list, unit);
}

static gboolean
load_units (DocketImportReport *self,
            DocketStore        *store,
            GError            **error)
{
  self->units = docket_store_list_units (store, TRUE, error);
  if (self->units == NULL)
    return FALSE;
  self->units_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < self->units->len; i++)
    {
      DocketUnit *unit = g_ptr_array_index (self->units, i);

      index_unit (self->units_by_name, unit->name, unit);
      index_unit (self->units_by_name, unit->short_name, unit);
    }
  return TRUE;
}

/* The closest unit that may be given work to @folded, by edit distance on folded
 * names (a name that contains @folded as whole words counts as close), or NULL when
 * none is close enough to be the same name misspelt. */
static DocketUnit *
closest_unit (DocketImportReport *self,
              const char         *folded)
{
  DocketUnit *best = NULL;
  guint best_distance = G_MAXUINT;
  guint limit = MAX (2, (guint) g_utf8_strlen (folded, -1) / 4);

  for (guint i = 0; i < self->units->len; i++)
    {
      DocketUnit *unit = g_ptr_array_index (self->units, i);
      g_autofree char *name = _docket_import_fold_name (unit->name);
      guint d;

      if (unit->archived)
        continue;
      d = docket_import_edit_distance (folded, name);
      if (strlen (folded) >= 3 && _docket_import_contains_words (name, folded))
        d = MIN (d, 1);
      if (unit->short_name != NULL && *unit->short_name != '\0')
        {
          g_autofree char *short_name = _docket_import_fold_name (unit->short_name);

          d = MIN (d, docket_import_edit_distance (folded, short_name));
        }
      if (d < best_distance)
        {
          best_distance = d;
          best = unit;
        }
    }
  return best_distance <= limit ? best : NULL;
}

static UnitResolution *
resolve_unit (DocketImportReport *self,
              const char         *written)
{
  g_autofree char *folded = _docket_import_fold_name (written);
  UnitResolution *r = g_hash_table_lookup (self->resolutions, folded);
  GPtrArray *candidates;

  if (r != NULL)
    return r;
  r = g_new0 (UnitResolution, 1);
  candidates = g_hash_table_lookup (self->units_by_name, folded);
  if (candidates != NULL)
    {
      g_autoptr(GPtrArray) open = g_ptr_array_new ();

      for (guint i = 0; i < candidates->len; i++)
        if (!((DocketUnit *) g_ptr_array_index (candidates, i))->archived)
          g_ptr_array_add (open, g_ptr_array_index (candidates, i));
      if (open->len == 1)
        {
          DocketUnit *unit = g_ptr_array_index (open, 0);

          r->match = UNIT_FOUND;
          r->id = unit->id;
          r->name = g_strdup (unit->name);
        }
      else if (open->len > 1)
        r->match = UNIT_AMBIGUOUS;
      else
        {
          r->match = UNIT_ARCHIVED;
          r->name = g_strdup (((DocketUnit *) g_ptr_array_index (candidates, 0))->name);
        }
    }
  else if (self->mapping.create_units)
    {
      r->match = UNIT_NEW;
      r->id = -1 - (DocketId) self->new_units->len;
      g_ptr_array_add (self->new_units, _docket_import_strip_dup (written));
    }
  else
    {
      DocketUnit *close = closest_unit (self, folded);

      r->match = UNIT_UNKNOWN;
      if (close != NULL)
        {
          r->suggestion = g_strdup (close->name);
          r->suggestion_id = close->id;
        }
    }
  g_hash_table_insert (self->resolutions, g_steal_pointer (&folded), r);
  return r;
}

/* Resolves one unit name of a row, adding its problem; returns the id to store
 * (negative for a unit to create), or 0 when the row cannot use it. */
static DocketId
check_unit (DocketImportReport *self,
            DocketImportRow    *row,
            DocketImportField   field,
            const char         *written)
{
  UnitResolution *r = resolve_unit (self, written);
  DocketImportProblem *p;

  switch (r->match)
    {
    case UNIT_FOUND:
      return r->id;
    case UNIT_NEW:
      add_problem (row, DOCKET_IMPORT_PROBLEM_NEW_UNIT, FALSE, field, written,
                   /* Translators: %s is a unit's name as written in the file */
                   g_strdup_printf (_("The unit “%s” is new and will be created."), written));
      return r->id;
    case UNIT_AMBIGUOUS:
      add_problem (row, DOCKET_IMPORT_PROBLEM_AMBIGUOUS_UNIT, TRUE, field, written,
                   g_strdup_printf (_("More than one unit is named “%s”. Write the unit's "
                                      "full name."), written));
      return 0;
    case UNIT_ARCHIVED:
      add_problem (row, DOCKET_IMPORT_PROBLEM_ARCHIVED_UNIT, TRUE, field, written,
                   g_strdup_printf (_("The unit “%s” is archived and cannot be given new "
                                      "work."), r->name));
      return 0;
    case UNIT_UNKNOWN:
    default:
      if (r->suggestion != NULL)
        p = add_problem (row, DOCKET_IMPORT_PROBLEM_UNKNOWN_UNIT, TRUE, field, written,
                         /* Translators: both %s are unit names */
                         g_strdup_printf (_("No unit is named “%s”. Did you mean “%s”? "
                                            "Correct the file, or create the unit."),
                                          written, r->suggestion));
      else
        p = add_problem (row, DOCKET_IMPORT_PROBLEM_UNKNOWN_UNIT, TRUE, field, written,
                         g_strdup_printf (_("No unit is named “%s”. Correct the file, or "
                                            "create the unit."), written));
      p->suggestion = g_strdup (r->suggestion);
      p->suggestion_id = r->suggestion_id;
      return 0;
    }
}

/* Meetings. */

static gboolean
load_meetings (DocketImportReport *self,
               DocketStore        *store,
               GError            **error)
{
  guint offset = 0;

  self->meetings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (;;)
    {
      g_autoptr(GPtrArray) page = docket_store_list_meetings (store, -1, 0, offset, 500, error);

      if (page == NULL)
        return FALSE;
      for (guint i = 0; i < page->len; i++)
        {
          DocketMeetingSummary *summary = g_ptr_array_index (page, i);
          DocketMeeting *meeting = summary->meeting;
          g_autofree char *key = _docket_import_fold_name (meeting->title);
          MeetingEntry *entry = g_hash_table_lookup (self->meetings, key);

          if (meeting->id == self->mapping.meeting_id)
            {
              self->target_meeting.id = meeting->id;
              self->target_meeting.date = meeting->date;
              self->target_meeting.locked = meeting->state == DOCKET_MEETING_STATE_NOTICE_ISSUED;
            }
          if (entry != NULL)
            {
              entry->ambiguous = TRUE;
              continue;
            }
          entry = g_new0 (MeetingEntry, 1);
          entry->id = meeting->id;
          entry->date = meeting->date;
          entry->locked = meeting->state == DOCKET_MEETING_STATE_NOTICE_ISSUED;
          g_hash_table_insert (self->meetings, g_steal_pointer (&key), entry);
        }
      if (page->len < 500)
        break;
      offset += page->len;
    }
  if (self->mapping.meeting_id != 0 && self->target_meeting.id == 0)
    {
      g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_NOT_FOUND,
                   _("The meeting chosen for the imported items does not exist."));
      return FALSE;
    }
  return TRUE;
}

/* The items of a meeting whose notice was issued are locked (the store refuses
 * them); the dry run says so rather than letting the import fail. */
static const MeetingEntry *
check_unlocked (DocketImportRow    *row,
                const MeetingEntry *entry)
{
  if (!entry->locked)
    return entry;
  add_problem (row, DOCKET_IMPORT_PROBLEM_LOCKED_MEETING, TRUE, DOCKET_IMPORT_FIELD_MEETING,
               NULL, g_strdup (_("The notice of this meeting was issued, so no item can be "
                                 "added to it. Choose another meeting, or reopen this one.")));
  return NULL;
}

static const MeetingEntry *
check_meeting (DocketImportReport *self,
               DocketImportRow    *row,
               const char         *written)
{
  g_autofree char *key = NULL;
  const MeetingEntry *entry;

  if (*written == '\0')
    {
      if (self->target_meeting.id != 0)
        return check_unlocked (row, &self->target_meeting);
      add_problem (row, DOCKET_IMPORT_PROBLEM_NO_MEETING, TRUE, DOCKET_IMPORT_FIELD_MEETING,
                   NULL, g_strdup (_("The row names no meeting, and no meeting was chosen "
                                     "for the import.")));
      return NULL;
    }
  key = _docket_import_fold_name (written);
  entry = g_hash_table_lookup (self->meetings, key);
  if (entry == NULL)
    add_problem (row, DOCKET_IMPORT_PROBLEM_UNKNOWN_MEETING, TRUE, DOCKET_IMPORT_FIELD_MEETING,
                 written,
                 /* Translators: %s is a meeting's title as written in the file */
                 g_strdup_printf (_("No meeting is titled “%s”. Record the meeting first, "
                                    "or choose one for the import."), written));
  else if (entry->ambiguous)
    add_problem (row, DOCKET_IMPORT_PROBLEM_AMBIGUOUS_MEETING, TRUE,
                 DOCKET_IMPORT_FIELD_MEETING, written,
                 g_strdup_printf (_("More than one meeting is titled “%s”. Choose the "
                                    "meeting for the import instead."), written));
  else
    return check_unlocked (row, entry);
  return NULL;
}

/* Validating a row. */

static const char *
cell (const DocketImportReport *self,
      const DocketCsvTable     *table,
      guint                     index,
      DocketImportField         field)
{
  int column = self->mapping.columns[field];

  if (column < 0)
    return "";
  /* A file Docket saved comes back as it was: see docket_csv_append_cell(). */
  return docket_csv_cell_text (docket_csv_table_get_cell (table, index, (guint) column));
}

static gboolean
row_is_empty (const DocketCsvTable *table,
              guint                 index)
{
  guint n = docket_csv_table_get_n_cells (table, index);

  for (guint c = 0; c < n; c++)
    {
      const char *text = docket_csv_table_get_cell (table, index, c);

      while (g_ascii_isspace (*text))
        text++;
      if (*text != '\0')
        return FALSE;
    }
  return TRUE;
}

static gboolean
means_no_deadline (const char *folded)
{
  return *folded == '\0' || _docket_import_contains_words (folded, "thuong xuyen") ||
         _docket_import_contains_words (folded, "khong thoi han") ||
         _docket_import_contains_words (folded, "khong co thoi han") || strcmp (folded, "ongoing") == 0 ||
         strcmp (folded, "none") == 0;
}

static void
check_deadline (DocketImportRow *row,
                const char      *written,
                DocketDate       meeting_date)
{
  g_autofree char *folded = _docket_import_fold_name (written);
  DocketDate deadline = DOCKET_DATE_NONE;

  if (means_no_deadline (folded))
    return;
  if (!docket_import_parse_date (written, &deadline))
    {
      add_problem (row, DOCKET_IMPORT_PROBLEM_BAD_DEADLINE, TRUE, DOCKET_IMPORT_FIELD_DEADLINE,
                   written,
                   /* Translators: %s is the text of a cell */
                   g_strdup_printf (_("The deadline “%s” is not a date Docket can read. Write "
                                      "it as dd/mm/yyyy, or leave it empty for none."),
                                    written));
      return;
    }
  if (meeting_date != DOCKET_DATE_NONE && deadline < meeting_date)
    {
      g_autofree char *shown = docket_date_format_display (meeting_date);

      add_problem (row, DOCKET_IMPORT_PROBLEM_DEADLINE_BEFORE_MEETING, TRUE,
                   DOCKET_IMPORT_FIELD_DEADLINE, written,
                   /* Translators: the first %s is a cell, the second a date */
                   g_strdup_printf (_("The deadline “%s” is before the meeting's date, %s. "
                                      "Correct the deadline or choose another meeting."),
                                    written, shown));
      return;
    }
  if (row->item != NULL)
    row->item->deadline = deadline;
}

/* A status cell: a completion date, or words saying done, cancelled or not done. */
static void
read_status (const char *written,
             gboolean   *out_done,
             gboolean   *out_cancelled,
             DocketDate *out_date)
{
  g_autofree char *folded = _docket_import_fold_name (written);
  const char *p;

  *out_done = FALSE;
  *out_cancelled = FALSE;
  if (_docket_import_contains_words (folded, "huy") || _docket_import_contains_words (folded, "huy bo") ||
      _docket_import_contains_words (folded, "cancelled") || _docket_import_contains_words (folded, "canceled"))
    {
      *out_cancelled = TRUE;
      return;
    }
  if ((_docket_import_contains_words (folded, "hoan thanh") && !_docket_import_contains_words (folded, "chua hoan thanh")) ||
      _docket_import_contains_words (folded, "xong") || _docket_import_contains_words (folded, "done") ||
      _docket_import_contains_words (folded, "completed") || _docket_import_contains_words (folded, "da thuc hien"))
    *out_done = TRUE;
  /* "Hoàn thành 15/10/2026", or a date alone. */
  for (p = folded; *p != '\0' && !g_ascii_isdigit (*p); p++)
    ;
  if (*p != '\0' && docket_import_parse_date (p, out_date))
    *out_done = TRUE;
}

static void
check_completion (DocketImportRow *row,
                  const char      *status,
                  const char      *completed,
                  DocketDate       meeting_date)
{
  gboolean done = FALSE, cancelled = FALSE;
  DocketDate day = DOCKET_DATE_NONE;

  read_status (status, &done, &cancelled, &day);
  if (*completed != '\0')
    {
      if (!docket_import_parse_date (completed, &day))
        {
          add_problem (row, DOCKET_IMPORT_PROBLEM_BAD_COMPLETION_DATE, TRUE,
                       DOCKET_IMPORT_FIELD_COMPLETED_ON, completed,
                       g_strdup_printf (_("The completion date “%s” is not a date Docket can "
                                          "read. Write it as dd/mm/yyyy."), completed));
          return;
        }
      done = TRUE;
    }
  if (cancelled && day == DOCKET_DATE_NONE)
    {
      row->cancelled = TRUE;
      return;
    }
  if (!done)
    return;
  if (day == DOCKET_DATE_NONE)
    {
      add_problem (row, DOCKET_IMPORT_PROBLEM_COMPLETED_WITHOUT_DATE, TRUE,
                   DOCKET_IMPORT_FIELD_STATUS, status,
                   g_strdup (_("The row says the item is completed but gives no completion "
                               "date. Add the date: it decides whether it was on time.")));
      return;
    }
  if (meeting_date != DOCKET_DATE_NONE && day < meeting_date)
    {
      g_autofree char *shown = docket_date_format_display (meeting_date);

      add_problem (row, DOCKET_IMPORT_PROBLEM_COMPLETED_BEFORE_MEETING, TRUE,
                   DOCKET_IMPORT_FIELD_COMPLETED_ON, *completed ? completed : status,
                   g_strdup_printf (_("The completion date is before the meeting's date, "
                                      "%s."), shown));
      return;
    }
  row->completed_on = day;
}

static void
check_coordinating (DocketImportReport *self,
                    DocketImportRow    *row,
                    const char         *written,
                    GArray             *ids)
{
  g_auto(GStrv) names = g_strsplit_set (written, ",;\n", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = _docket_import_strip_dup (names[i]);
      DocketId id;

      if (*name == '\0')
        continue;
      id = check_unit (self, row, DOCKET_IMPORT_FIELD_COORDINATING_UNITS, name);
      if (id == 0)
        continue;
      if (row->item != NULL && id == row->item->lead_unit_id)
        {
          add_problem (row, DOCKET_IMPORT_PROBLEM_LEAD_ALSO_COORDINATING, FALSE,
                       DOCKET_IMPORT_FIELD_COORDINATING_UNITS, name,
                       g_strdup_printf (_("“%s” leads the item and is left out of the "
                                          "coordinating units."), name));
          continue;
        }
      for (guint j = 0; j < ids->len; j++)
        if (g_array_index (ids, DocketId, j) == id)
          id = 0;
      if (id != 0)
        g_array_append_val (ids, id);
    }
}

/* The same file imported twice, or a tracker that overlaps what was recorded in
 * Docket: a row whose item is already there (same meeting, lead unit and content,
 * folded) is skipped with a note rather than written a second time.  Units that the
 * import would create have no items yet. */
static void
check_already_recorded (DocketImportReport *self,
                        DocketImportRow    *row)
{
  DocketId existing;

  if (row->item->lead_unit_id <= 0 || self->lookup_error != NULL)
    return;
  existing = docket_store_find_same_item (self->store, row->item->meeting_id,
                                          row->item->lead_unit_id, row->item->content,
                                          &self->lookup_error);
  if (existing == 0)
    return;
  row->status = DOCKET_IMPORT_ROW_SKIPPED;
  add_problem (row, DOCKET_IMPORT_PROBLEM_ALREADY_RECORDED, FALSE, DOCKET_IMPORT_FIELD_CONTENT,
               NULL,
               /* Translators: %lld is the number of an item Docket has */
               g_strdup_printf (_("Docket already has this item (no. %lld); the row is "
                                  "skipped."), (long long) existing));
}

static DocketImportRow *
validate_row (DocketImportReport   *self,
              const DocketCsvTable *table,
              guint                 index)
{
  DocketImportRow *row = g_new0 (DocketImportRow, 1);
  g_autoptr(GArray) coordinating = g_array_new (FALSE, FALSE, sizeof (DocketId));
  const MeetingEntry *meeting;
  const char *lead;
  DocketDate meeting_date;

  row->line = docket_csv_table_get_line (table, index);
  row->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  row->status = DOCKET_IMPORT_ROW_READY;
  if (row_is_empty (table, index))
    {
      row->status = DOCKET_IMPORT_ROW_SKIPPED;
      add_problem (row, DOCKET_IMPORT_PROBLEM_EMPTY_ROW, FALSE, DOCKET_IMPORT_FIELD_CONTENT,
                   NULL, g_strdup (_("The row is empty and is skipped.")));
      return row;
    }

  row->item = docket_item_new ();
  row->content = _docket_import_strip_dup (cell (self, table, index, DOCKET_IMPORT_FIELD_CONTENT));
  if (*row->content == '\0')
    add_problem (row, DOCKET_IMPORT_PROBLEM_MISSING_CONTENT, TRUE, DOCKET_IMPORT_FIELD_CONTENT,
                 NULL, g_strdup (_("The row has no content: say what is to be done.")));
  else if (g_utf8_strlen (row->content, -1) > DOCKET_ITEM_CONTENT_MAX_CHARS)
    add_problem (row, DOCKET_IMPORT_PROBLEM_CONTENT_TOO_LONG, TRUE,
                 DOCKET_IMPORT_FIELD_CONTENT, NULL,
                 g_strdup_printf (_("The content is longer than %u characters. Shorten it."),
                                  (guint) DOCKET_ITEM_CONTENT_MAX_CHARS));
  row->item->content = g_strdup (row->content);

  {
    g_autofree char *meeting_title = _docket_import_strip_dup (cell (self, table, index,
                                                      DOCKET_IMPORT_FIELD_MEETING));

    meeting = check_meeting (self, row, meeting_title);
  }
  meeting_date = meeting != NULL ? meeting->date : DOCKET_DATE_NONE;
  row->item->meeting_id = meeting != NULL ? meeting->id : 0;

  lead = cell (self, table, index, DOCKET_IMPORT_FIELD_LEAD_UNIT);
  {
    g_autofree char *lead_name = _docket_import_strip_dup (lead);

    if (*lead_name == '\0')
      add_problem (row, DOCKET_IMPORT_PROBLEM_MISSING_LEAD_UNIT, TRUE,
                   DOCKET_IMPORT_FIELD_LEAD_UNIT, NULL,
                   g_strdup (_("The row names no lead unit.")));
    else
      row->item->lead_unit_id = check_unit (self, row, DOCKET_IMPORT_FIELD_LEAD_UNIT,
                                            lead_name);
  }
  check_coordinating (self, row, cell (self, table, index,
                                       DOCKET_IMPORT_FIELD_COORDINATING_UNITS),
                      coordinating);
  docket_item_set_coordinating_units (row->item, (const DocketId *) (gpointer) coordinating->data,
                                      coordinating->len);
  {
    g_autofree char *deadline = _docket_import_strip_dup (cell (self, table, index,
                                                 DOCKET_IMPORT_FIELD_DEADLINE));
    g_autofree char *status = _docket_import_strip_dup (cell (self, table, index, DOCKET_IMPORT_FIELD_STATUS));
    g_autofree char *completed = _docket_import_strip_dup (cell (self, table, index,
                                                  DOCKET_IMPORT_FIELD_COMPLETED_ON));

    check_deadline (row, deadline, meeting_date);
    check_completion (row, status, completed, meeting_date);
  }

  if (row->status == DOCKET_IMPORT_ROW_READY)
    check_already_recorded (self, row);
  if (row->status != DOCKET_IMPORT_ROW_READY)
    g_clear_pointer (&row->item, docket_item_free);
  return row;
}

static DocketImportReport *
report_new (const DocketImportMapping *mapping)
{
  DocketImportReport *self = g_new0 (DocketImportReport, 1);

  self->mapping = *mapping;
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->new_units = g_ptr_array_new_with_free_func (g_free);
  self->resolutions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) resolution_free);
  self->fail_at = G_MAXUINT;
  return self;
}

/* What only validation needs, dropped so a report kept for confirmation is small. */
static void
drop_lookups (DocketImportReport *self)
{
  g_clear_pointer (&self->units_by_name, g_hash_table_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->resolutions, g_hash_table_unref);
  g_clear_pointer (&self->meetings, g_hash_table_unref);
  g_clear_error (&self->lookup_error);
  self->store = NULL;
}

static gboolean
check_mapping (const DocketImportMapping *mapping,
               GError                   **error)
{
  if (mapping->columns[DOCKET_IMPORT_FIELD_CONTENT] < 0 ||
      mapping->columns[DOCKET_IMPORT_FIELD_LEAD_UNIT] < 0)
    {
      g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                   _("Choose the columns that hold the content and the lead unit."));
      return FALSE;
    }
  if (mapping->columns[DOCKET_IMPORT_FIELD_MEETING] < 0 && mapping->meeting_id == 0)
    {
      g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                   _("Choose the meeting the imported items come from, or the column "
                     "that names it."));
      return FALSE;
    }
  return TRUE;
}

/**
 * docket_import_validate:
 * @store: the store the rows will go to (only read here)
 * @table: the file
 * @mapping: which column holds what
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The dry run: checks every row of @table and says what would be written.  Each row
 * needs content, a lead unit and a meeting (the meeting column, matched by title
 * with case and diacritics ignored, or else @mapping->meeting_id).  Unit names match
 * a unit's name or short name the same way; an unknown one is an error with the
 * closest unit suggested (edit distance on folded names), or, with
 * @mapping->create_units, a note that it will be created.  Deadlines and
 * completion dates are read by docket_import_parse_date(); an empty deadline or
 * "Thường xuyên" means none.  Empty rows are skipped and reported.
 *
 * Returns: (transfer full): the report, or %NULL with @error when the mapping lacks
 *   a required column, the store cannot be read, or @cancellable was cancelled
 */
DocketImportReport *
docket_import_validate (DocketStore               *store,
                        const DocketCsvTable      *table,
                        const DocketImportMapping *mapping,
                        GCancellable              *cancellable,
                        GError                   **error)
{
  g_autoptr(DocketImportReport) self = NULL;
  guint n_rows, first;

  g_return_val_if_fail (DOCKET_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (mapping != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_mapping (mapping, error))
    return NULL;
  self = report_new (mapping);
  self->store = store;
  if (!load_units (self, store, error) || !load_meetings (self, store, error))
    return NULL;

  n_rows = docket_csv_table_get_n_rows (table);
  first = mapping->header_row ? 1 : 0;
  for (guint i = first; i < n_rows; i++)
    {
      if ((i - first) % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      g_ptr_array_add (self->rows, validate_row (self, table, i));
    }
  if (self->lookup_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->lookup_error));
      return NULL;
    }
  drop_lookups (self);
  return g_steal_pointer (&self);
}

void
docket_import_report_free (DocketImportReport *self)
{
  if (self == NULL)
    return;
  drop_lookups (self);
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->new_units);
  g_free (self);
}

guint
docket_import_report_get_n_rows (const DocketImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

const DocketImportRow *
docket_import_report_get_row (const DocketImportReport *self,
                              guint                     index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}

guint
docket_import_report_count (const DocketImportReport *self,
                            DocketImportRowStatus     status)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->rows->len; i++)
    if (((DocketImportRow *) g_ptr_array_index (self->rows, i))->status == status)
      n++;
  return n;
}

const char * const *
docket_import_report_get_new_units (const DocketImportReport *self,
                                    guint                    *n_units)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_units != NULL)
    *n_units = self->new_units->len;
  return (const char * const *) self->new_units->pdata;
}

/**
 * docket_import_report_set_progress:
 * @func: (nullable): called now and then during docket_import_report_commit() with
 *   the rows written and the rows to write, on the committing thread
 */
void
docket_import_report_set_progress (DocketImportReport       *self,
                                   DocketImportProgressFunc  func,
                                   gpointer                  user_data)
{
  g_return_if_fail (self != NULL);

  self->progress = func;
  self->progress_data = user_data;
}

void
docket_import_report_fail_at_for_testing (DocketImportReport *self,
                                          guint               index)
{
  g_return_if_fail (self != NULL);

  self->fail_at = index;
}

