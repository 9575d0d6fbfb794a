/* docket-report.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-report.h"
#include "docket-status.h"

/* The period report (DESIGN.md §3, DOMAIN.md "How reports state the figures").  The
 * store computes the same figures with GROUP BY over a million items and its tests
 * compare them with this accumulator, so the rules here are the reference: which items
 * count (docket_report_item_counts()), on which day their status is taken
 * (docket_report_day()), and how each one is sorted into the columns
 * (row_add_item()). */

struct _DocketReport
{
  DocketDate       from;
  DocketDate       to;
  DocketDate       day;
  DocketReportRow  total;
  GArray          *rows;        /* DocketReportRow, sorted by unit_id when !dirty */
  GHashTable      *index;       /* DocketId* (owned) → position + 1 in rows */
  gboolean         dirty;
};

G_DEFINE_BOXED_TYPE (DocketReport, docket_report, docket_report_ref, docket_report_unref)

/**
 * docket_report_item_counts:
 * @item: an item
 * @from: the first day of the period, or %DOCKET_DATE_NONE for "since the beginning"
 * @to: the last day of the period, or %DOCKET_DATE_NONE for "up to now"
 *
 * THE definition of which items a report for [@from, @to] counts.  An item counts when
 * all of these hold:
 *
 * 1. it is not cancelled: cancelled items leave every count (DESIGN.md §3);
 * 2. it was assigned on or before @to (an item with no assignment date is taken as
 *    assigned long ago): work given after the period is not the period's;
 * 3. it was not already completed before @from, i.e. it is not confirmed with a
 *    completion date earlier than @from: work finished in an earlier period was
 *    reported there.
 *
 * So a period's report covers the items assigned during it and the items carried
 * over into it still open, which is how the offices' periodic reports count them
 * ("of N tasks assigned and carried over, M completed").  An item awaiting
 * confirmation is not completed (see docket_item_is_completed()) and keeps counting.
 *
 * In SQL, with dates as ISO text and NULL for none:
 * |[
 *   state <> 'cancelled'
 *   AND (assigned_on IS NULL OR :to IS NULL OR assigned_on <= :to)
 *   AND NOT (state = 'confirmed' AND completed_on IS NOT NULL AND completed_on < :from)
 * ]|
 *
 * Returns: whether @item counts in the report for the period
 */
gboolean
docket_report_item_counts (const DocketItem *item,
                           DocketDate        from,
                           DocketDate        to)
{
  g_return_val_if_fail (item != NULL, FALSE);

  if (item->state == DOCKET_ITEM_STATE_CANCELLED)
    return FALSE;
  if (to != DOCKET_DATE_NONE && item->assigned_on != DOCKET_DATE_NONE && item->assigned_on > to)
    return FALSE;
  if (item->state == DOCKET_ITEM_STATE_CONFIRMED && item->completed_on != DOCKET_DATE_NONE &&
      item->completed_on < from)
    return FALSE;
  return TRUE;
}

/**
 * docket_report_day:
 * @to: the last day of the period, or %DOCKET_DATE_NONE
 * @today: the actual date
 *
 * The day the statuses of a report are taken on: the end of the period when it is
 * over, else today.  A report for the first half of the year printed in July shows the
 * items as they stood on 30/06 (an item completed on 05/07 was still open then), and
 * a report for a period not over yet does not pretend that today is its last day.
 *
 * Returns: the smaller of @to and @today
 */
DocketDate
docket_report_day (DocketDate to,
                   DocketDate today)
{
  if (to == DOCKET_DATE_NONE)
    return today;
  if (today == DOCKET_DATE_NONE)
    return to;
  return MIN (to, today);
}

/* Sorts one counted item into the columns of @row, with its status on @day. */
static void
row_add_item (DocketReportRow  *row,
              const DocketItem *item,
              DocketDate        day)
{
  DocketBucket bucket = docket_item_bucket (item, day);

  row->assigned++;
  switch (bucket)
    {
    case DOCKET_BUCKET_COMPLETED_ON_TIME:
    case DOCKET_BUCKET_COMPLETED_NO_DEADLINE:
      row->completed++;
      row->completed_on_time++;
      return;
    case DOCKET_BUCKET_COMPLETED_LATE:
      row->completed++;
      row->completed_late++;
      return;
    case DOCKET_BUCKET_IN_PROGRESS:
      row->in_progress++;
      break;
    case DOCKET_BUCKET_OVERDUE:
      row->overdue++;
      if (docket_item_days_overdue (item, day) > DOCKET_REPORT_LONG_OVERDUE_DAYS)
        row->overdue_long++;
      break;
    case DOCKET_BUCKET_NO_DEADLINE:
      row->no_deadline++;
      break;
    case DOCKET_BUCKET_CANCELLED:
    default:
      g_assert_not_reached ();
    }

  row->not_completed++;
  /* Updated: a progress report in the window of days ending on @day, both ends
   * counted, so with 30 days and the day 30/06 reports from 01/06 to 30/06 count. */
  if (item->last_progress_on != DOCKET_DATE_NONE && item->last_progress_on <= day &&
      day - item->last_progress_on < DOCKET_REPORT_UPDATE_WINDOW_DAYS)
    row->updated++;
}

/**
 * docket_report_new:
 * @from: the first day of the period, or %DOCKET_DATE_NONE
 * @to: the last day of the period, or %DOCKET_DATE_NONE
 * @today: the actual date
 *
 * Returns: (transfer full): an empty report for [@from, @to], taking statuses on
 *   docket_report_day()
 */
DocketReport *
docket_report_new (DocketDate from,
                   DocketDate to,
                   DocketDate today)
{
  DocketReport *self;

  g_return_val_if_fail (to == DOCKET_DATE_NONE || from <= to, NULL);
  g_return_val_if_fail (to != DOCKET_DATE_NONE || today != DOCKET_DATE_NONE, NULL);

  self = g_atomic_rc_box_new0 (DocketReport);
  self->from = from;
  self->to = to;
  self->day = docket_report_day (to, today);
  self->rows = g_array_new (FALSE, TRUE, sizeof (DocketReportRow));
  self->index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return self;
}

DocketReport *
docket_report_ref (DocketReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

static void
docket_report_finalize (DocketReport *self)
{
  g_array_unref (self->rows);
  g_hash_table_unref (self->index);
}

void
docket_report_unref (DocketReport *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) docket_report_finalize);
}

DocketDate
docket_report_get_from (DocketReport *self)
{
  g_return_val_if_fail (self != NULL, DOCKET_DATE_NONE);
  return self->from;
}

DocketDate
docket_report_get_to (DocketReport *self)
{
  g_return_val_if_fail (self != NULL, DOCKET_DATE_NONE);
  return self->to;
}

/**
 * docket_report_get_day:
 *
 * Returns: the day the statuses are taken on (docket_report_day())
 */
DocketDate
docket_report_get_day (DocketReport *self)
{
  g_return_val_if_fail (self != NULL, DOCKET_DATE_NONE);
  return self->day;
}

static DocketReportRow *
unit_row (DocketReport *self,
          DocketId      unit_id)
{
  guint pos = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, &unit_id));
  DocketReportRow row = { 0 };

  if (pos > 0)
    return &g_array_index (self->rows, DocketReportRow, pos - 1);

  row.unit_id = unit_id;
  g_array_append_val (self->rows, row);
  g_hash_table_insert (self->index, g_memdup2 (&unit_id, sizeof unit_id),
                       GUINT_TO_POINTER (self->rows->len));
  self->dirty = TRUE;
  return &g_array_index (self->rows, DocketReportRow, self->rows->len - 1);
}

/**
 * docket_report_add_item:
 * @self: a report
 * @item: an item
 *
 * Adds @item to the row of its lead unit and to the total, when it counts in the
 * period.  The report is per lead unit: the unit answerable for the item; coordinating
 * units are not credited, so each item is counted once and the unit rows add up to the
 * total.  Items without a lead unit go to the row of unit 0.  To report on a set of
 * units, add only their items.
 *
 * Returns: whether @item counted
 */
gboolean
docket_report_add_item (DocketReport     *self,
                        const DocketItem *item)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (!docket_report_item_counts (item, self->from, self->to))
    return FALSE;

  row_add_item (&self->total, item, self->day);
  row_add_item (unit_row (self, item->lead_unit_id), item, self->day);
  return TRUE;
}

static void
row_add_row (DocketReportRow       *into,
             const DocketReportRow *row)
{
  into->assigned += row->assigned;
  into->completed += row->completed;
  into->completed_on_time += row->completed_on_time;
  into->completed_late += row->completed_late;
  into->not_completed += row->not_completed;
  into->in_progress += row->in_progress;
  into->overdue += row->overdue;
  into->overdue_long += row->overdue_long;
  into->no_deadline += row->no_deadline;
  into->updated += row->updated;
}

/**
 * docket_report_add_row:
 * @self: a report
 * @row: figures of the unit @row->unit_id, already counted by the rules of this file
 *
 * Adds figures counted elsewhere (the store counts with GROUP BY in SQL, by the same
 * rules) to the unit's row and to the total.  A row with nothing assigned is ignored,
 * as a unit without counted items has no row.
 *
 * Returns: whether @row was added
 */
gboolean
docket_report_add_row (DocketReport          *self,
                       const DocketReportRow *row)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (row != NULL, FALSE);
  g_return_val_if_fail (row->completed == row->completed_on_time + row->completed_late, FALSE);
  g_return_val_if_fail (row->not_completed == row->in_progress + row->overdue + row->no_deadline,
                        FALSE);
  g_return_val_if_fail (row->assigned == row->completed + row->not_completed, FALSE);

  if (row->assigned == 0)
    return FALSE;
  row_add_row (&self->total, row);
  row_add_row (unit_row (self, row->unit_id), row);
  self->total.unit_id = 0;
  return TRUE;
}

/**
 * docket_report_get_total:
 *
 * Returns: (transfer none): the total row, whose @unit_id is 0
 */
const DocketReportRow *
docket_report_get_total (DocketReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->total;
}

static int
row_compare (gconstpointer a,
             gconstpointer b)
{
  const DocketReportRow *ra = a;
  const DocketReportRow *rb = b;

  return (ra->unit_id > rb->unit_id) - (ra->unit_id < rb->unit_id);
}

/**
 * docket_report_get_unit_rows:
 * @self: a report
 * @n_rows: (out): the number of rows
 *
 * Returns: (transfer none) (array length=n_rows): the rows of the units that have
 *   counted items, by unit id; valid until the next docket_report_add_item()
 */
const DocketReportRow *
docket_report_get_unit_rows (DocketReport *self,
                             guint        *n_rows)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_rows != NULL, NULL);

  if (self->dirty)
    {
      g_array_sort (self->rows, row_compare);
      for (guint i = 0; i < self->rows->len; i++)
        {
          DocketId id = g_array_index (self->rows, DocketReportRow, i).unit_id;
          g_hash_table_insert (self->index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i + 1));
        }
      self->dirty = FALSE;
    }

  *n_rows = self->rows->len;
  return (const DocketReportRow *) self->rows->data;
}

/**
 * docket_report_get_unit_row:
 *
 * Returns: (transfer none) (nullable): the row of @unit_id, or %NULL when none of its
 *   items counted
 */
const DocketReportRow *
docket_report_get_unit_row (DocketReport *self,
                            DocketId      unit_id)
{
  guint pos;

  g_return_val_if_fail (self != NULL, NULL);

  pos = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, &unit_id));
  return pos > 0 ? &g_array_index (self->rows, DocketReportRow, pos - 1) : NULL;
}

/**
 * docket_report_percent:
 * @part: the count
 * @whole: what it is a share of
 *
 * The share @part / @whole as a percentage in hundredths, rounded half up, with
 * integers only so the same figures come out everywhere: 10 of 18 is 55.555…% and
 * gives 5556, shown as "55,56".
 *
 * Returns: the percentage × 100, or 0 when @whole is 0
 */
int
docket_report_percent (gint64 part,
                       gint64 whole)
{
  g_return_val_if_fail (part >= 0 && whole >= 0, 0);
  g_return_val_if_fail (part <= G_MAXINT64 / 20000, 0);

  if (whole == 0)
    return 0;
  return (int) ((part * 20000 + whole) / (2 * whole));
}

/**
 * docket_report_row_completion_percent:
 *
 * Completion rate = completed / (all − cancelled) (DESIGN.md §3); cancelled items
 * never count, so that is completed / assigned.
 *
 * Returns: the completion rate in hundredths of a percent
 */
int
docket_report_row_completion_percent (const DocketReportRow *row)
{
  g_return_val_if_fail (row != NULL, 0);
  return docket_report_percent (row->completed, row->assigned);
}

/**
 * docket_report_row_update_percent:
 *
 * Returns: the update rate, the share of open items with a recent progress report, in
 *   hundredths of a percent
 */
int
docket_report_row_update_percent (const DocketReportRow *row)
{
  g_return_val_if_fail (row != NULL, 0);
  return docket_report_percent (row->updated, row->not_completed);
}

/**
 * docket_format_percent:
 * @hundredths: a percentage × 100, as docket_report_percent() returns
 *
 * Formats a percentage with the Vietnamese decimal comma and two decimals, without
 * the % sign: 5556 gives "55,56".
 *
 * Returns: (transfer full): the text
 */
char *
docket_format_percent (int hundredths)
{
  gint64 v = hundredths;
  const char *sign = v < 0 ? "-" : "";

  v = ABS (v);
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ",%02d", sign, v / 100, (int) (v % 100));
}

/**
 * docket_format_count:
 * @n: a count
 *
 * Formats a whole number with `.` between thousands, as Vietnamese reports print
 * them: 21914 gives "21.914".
 *
 * Returns: (transfer full): the text
 */
char *
docket_format_count (gint64 n)
{
  char digits[24];
  GString *out = g_string_sized_new (32);
  guint64 v = n < 0 ? (guint64) 0 - (guint64) n : (guint64) n;
  int len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, v);

  if (n < 0)
    g_string_append_c (out, '-');
  for (int i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/**
 * docket_report_column_get_title:
 *
 * Returns: the translated heading of a column of the period report
 */
const char *
docket_report_column_get_title (DocketReportColumn column)
{
  switch (column)
    {
    case DOCKET_REPORT_COLUMN_UNIT: return _("Unit");
    case DOCKET_REPORT_COLUMN_ASSIGNED: return _("Assigned");
    case DOCKET_REPORT_COLUMN_COMPLETED: return _("Completed");
    case DOCKET_REPORT_COLUMN_ON_TIME: return _("On time");
    case DOCKET_REPORT_COLUMN_LATE: return _("Late");
    /* xgettext:no-c-format */
    case DOCKET_REPORT_COLUMN_PERCENT: return _("% completed");
    case DOCKET_REPORT_COLUMN_NOT_COMPLETED: return _("Not completed");
    case DOCKET_REPORT_COLUMN_IN_PROGRESS: return _("In progress");
    /* Translators: a column of the report: items past their deadline */
    case DOCKET_REPORT_COLUMN_OVERDUE: return _("Overdue");
    /* Translators: a column of the report: items overdue by more than 30 days */
    case DOCKET_REPORT_COLUMN_OVERDUE_LONG: return _("> 30 days");
    case DOCKET_REPORT_COLUMN_NO_DEADLINE: return _("No deadline");
    /* Translators: a column of the report: the share of open items updated recently */
    /* xgettext:no-c-format */
    case DOCKET_REPORT_COLUMN_UPDATE_RATE: return _("% updated");
    case DOCKET_REPORT_N_COLUMNS:
    default: g_return_val_if_reached ("");
    }
}
