/* docket-ics.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * iCalendar (RFC 5545) as Evolution, Thunderbird and GNOME Calendar import it: one
 * VTODO per open item, its deadline a DUE date, and one VALARM per reminder step.
 * The alarms are absolute instants on working days (a relative TRIGGER cannot skip
 * weekends and holidays), computed the way the reminder policy does.
 */

#define G_LOG_DOMAIN "docket-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "docket-ics.h"
#include "docket-store-calendar.h"
#include "docket-store-items.h"
#include "docket-store-meetings.h"
#include "docket-store-units.h"

/* RFC 5545 §3.1: lines are folded so that none is longer than 75 octets. */
#define ICS_LINE_OCTETS 75

/* The SUMMARY is what a to-do list shows on one line; the DESCRIPTION has it all. */
#define SUMMARY_MAX_CHARS 120

#define PAGE_SIZE 500

typedef struct
{
  DocketStore            *store;
  const DocketIcsOptions *options;
  DocketCalendar         *calendar;
  DocketUnit             *unit;
  GHashTable             *conclusions;  /* id → char * text, "" for none */
  DocketDate              today;
  char                   *stamp;
} IcsBuild;

/**
 * docket_ics_options_init:
 *
 * Fills @options with the defaults of the reminder policy: alarms 3 and 1 working
 * days before the deadline and on the day, at 07:30 local time.
 */
void
docket_ics_options_init (DocketIcsOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->days_before[0] = 3;
  options->days_before[1] = 1;
  options->days_before[2] = 0;
  options->n_days_before = 3;
  options->work_start_minutes = 7 * 60 + 30;
}

/**
 * docket_ics_options_set_steps:
 * @days_before: (array length=n_days_before): working days before the deadline, as
 *   the reminder settings have them
 * @work_start_minutes: when the working day starts
 *
 * Makes the alarms follow the reminder settings (at most %DOCKET_ICS_MAX_ALARMS).
 */
void
docket_ics_options_set_steps (DocketIcsOptions *options,
                              const guint      *days_before,
                              guint             n_days_before,
                              guint             work_start_minutes)
{
  g_return_if_fail (options != NULL);

  options->n_days_before = MIN (n_days_before, DOCKET_ICS_MAX_ALARMS);
  for (guint i = 0; i < options->n_days_before; i++)
    options->days_before[i] = days_before[i];
  options->work_start_minutes = work_start_minutes;
}

/**
 * docket_ics_append_escaped:
 *
 * Appends @text as an iCalendar TEXT value: `\` `;` `,` escaped, line ends as `\n`,
 * other control characters dropped (TEXT may not hold them).
 */
void
docket_ics_append_escaped (GString    *out,
                           const char *text)
{
  g_return_if_fail (out != NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case '\r':
          if (p[1] != '\n')
            g_string_append (out, "\\n");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append_c (out, '\t');
          break;
        default:
          if ((guchar) *p >= 0x20 && *p != 0x7F)
            g_string_append_c (out, *p);
          break;
        }
    }
}

/**
 * docket_ics_append_line:
 *
 * Appends one content line, folded (RFC 5545 §3.1): after at most 75 octets, CRLF
 * and a space; never inside a UTF-8 character.  Ends it with CRLF.
 */
void
docket_ics_append_line (GString    *out,
                        const char *line)
{
  gsize length, start = 0;
  gsize room = ICS_LINE_OCTETS;

  g_return_if_fail (out != NULL);
  g_return_if_fail (line != NULL);

  length = strlen (line);
  while (length - start > room)
    {
      gsize cut = start + room;

      /* Back to the first octet of a character. */
      while (cut > start && ((guchar) line[cut] & 0xC0) == 0x80)
        cut--;
      g_string_append_len (out, line + start, cut - start);
      g_string_append (out, "\r\n ");
      start = cut;
      room = ICS_LINE_OCTETS - 1;
    }
  g_string_append_len (out, line + start, length - start);
  g_string_append (out, "\r\n");
}

static void
add_text (GString    *out,
          const char *name,
          const char *value)
{
  g_autoptr(GString) line = g_string_new (name);

  g_string_append_c (line, ':');
  docket_ics_append_escaped (line, value);
  docket_ics_append_line (out, line->str);
}

static void
add_raw (GString    *out,
         const char *name,
         const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);

  docket_ics_append_line (out, line);
}

static char *
format_utc (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_seconds);

  return dt != NULL ? g_date_time_format (dt, "%Y%m%dT%H%M%SZ") : g_strdup ("19700101T000000Z");
}

static char *
format_date (DocketDate date)
{
  int y, m, d;

  docket_date_to_dmy (date, &y, &m, &d);
  return g_strdup_printf ("%04d%02d%02d", y, m, d);
}

static const char *
conclusion_text (IcsBuild  *build,
                 DocketId   conclusion_id,
                 int       *out_position)
{
  DocketConclusion *conclusion;

  *out_position = 0;
  if (conclusion_id == 0)
    return NULL;
  conclusion = g_hash_table_lookup (build->conclusions, &conclusion_id);
  if (conclusion == NULL)
    {
      /* A missing conclusion only leaves a line out of the description. */
      conclusion = docket_store_get_conclusion (build->store, conclusion_id, NULL);
      if (conclusion == NULL)
        return NULL;
      g_hash_table_insert (build->conclusions, g_memdup2 (&conclusion_id, sizeof conclusion_id),
                           conclusion);
    }
  *out_position = conclusion->position;
  return conclusion->text;
}

static char *
describe (IcsBuild            *build,
          const DocketItemRow *row,
          const char          *coordinating)
{
  const DocketItem *item = row->item;
  GString *text = g_string_new (item->content);
  const char *conclusion;
  int position;

  g_string_append_c (text, '\n');
  if (row->meeting_title != NULL)
    {
      g_autofree char *day = row->meeting_date ? docket_date_format_display (row->meeting_date)
                                               : g_strdup ("");

      g_string_append_c (text, '\n');
      /* Translators: %s is a meeting's title, then its date */
      g_string_append_printf (text, _("Meeting: %s (%s)"), row->meeting_title, day);
    }
  conclusion = conclusion_text (build, item->conclusion_id, &position);
  if (conclusion != NULL)
    {
      g_string_append_c (text, '\n');
      /* Translators: %d is the conclusion's number, %s its text */
      g_string_append_printf (text, _("Conclusion %d: %s"), position, conclusion);
    }
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Lead unit: %s"), row->lead_unit_name);
  if (coordinating != NULL && *coordinating != '\0')
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Coordinating units: %s"), coordinating);
    }
  if (item->deadline != DOCKET_DATE_NONE)
    {
      g_autofree char *day = docket_date_format_display (item->deadline);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Deadline: %s"), day);
    }
  return g_string_free (text, FALSE);
}

static char *
summarise (const char *content)
{
  g_autofree char *first_line = g_strdup (content);
  char *newline = strchr (first_line, '\n');

  if (newline != NULL)
    *newline = '\0';
  g_strstrip (first_line);
  if (g_utf8_strlen (first_line, -1) > SUMMARY_MAX_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (first_line, 0, SUMMARY_MAX_CHARS - 1);

      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&first_line);
}

static gint64
morning_of (IcsBuild   *build,
            DocketDate  day)
{
  g_autoptr(GTimeZone) local = build->options->tz ? NULL : g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  docket_date_to_dmy (day, &y, &m, &d);
  dt = g_date_time_new (build->options->tz ? build->options->tz : local, y, m, d,
                        (int) build->options->work_start_minutes / 60,
                        (int) build->options->work_start_minutes % 60, 0);
  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

/* One alarm per reminder step not already past, on the working day the reminder
 * policy would remind on: N working days before the last working day on or before
 * the deadline. */
static void
add_alarms (IcsBuild         *build,
            GString          *out,
            const DocketItem *item,
            const char       *summary)
{
  DocketDate anchor = item->deadline;

  if (anchor == DOCKET_DATE_NONE)
    return;
  if (!docket_calendar_is_working_day (build->calendar, anchor))
    anchor = docket_calendar_add_working_days (build->calendar, anchor, -1);

  for (guint i = 0; i < build->options->n_days_before && i < DOCKET_ICS_MAX_ALARMS; i++)
    {
      guint step = build->options->days_before[i];
      DocketDate day = docket_calendar_add_working_days (build->calendar, anchor, -(int) step);
      g_autofree char *trigger = NULL;
      g_autofree char *message = NULL;

      if (day == DOCKET_DATE_NONE || day < build->today)
        continue;
      trigger = format_utc (morning_of (build, day));
      if (step == 0)
        /* Translators: an alarm's text; %s is the item */
        message = g_strdup_printf (_("Due today: %s"), summary);
      else
        /* Translators: an alarm's text; %u is a number of working days, %s the item */
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due in %u working day: %s",
                                                "Due in %u working days: %s", step),
                                   step, summary);
      docket_ics_append_line (out, "BEGIN:VALARM");
      add_raw (out, "ACTION", "DISPLAY");
      add_text (out, "DESCRIPTION", message);
      add_raw (out, "TRIGGER;VALUE=DATE-TIME", trigger);
      docket_ics_append_line (out, "END:VALARM");
    }
}

static gboolean
add_todo (IcsBuild            *build,
          GString             *out,
          const DocketItemRow *row,
          GError             **error)
{
  const DocketItem *item = row->item;
  g_autofree char *summary = summarise (item->content);
  g_autofree char *description = NULL;
  g_autofree char *uid = g_strdup_printf ("docket-item-%" G_GINT64_FORMAT "@%s",
                                          (gint64) item->id, APP_ID);
  g_autoptr(GString) categories = g_string_new ("CATEGORIES:");
  gboolean started = item->last_progress_on != DOCKET_DATE_NONE ||
                     item->state == DOCKET_ITEM_STATE_REPORTED_DONE ||
                     item->state == DOCKET_ITEM_STATE_RETURNED;

  description = describe (build, row, row->coordinating_names);

  docket_ics_append_line (out, "BEGIN:VTODO");
  add_raw (out, "UID", uid);
  add_raw (out, "DTSTAMP", build->stamp);
  add_text (out, "SUMMARY", summary);
  add_text (out, "DESCRIPTION", description);
  if (item->deadline != DOCKET_DATE_NONE)
    {
      g_autofree char *due = format_date (item->deadline);

      add_raw (out, "DUE;VALUE=DATE", due);
    }
  add_raw (out, "STATUS", started ? "IN-PROCESS" : "NEEDS-ACTION");
  /* RFC 5545: 1 is the highest priority, 0 none given. */
  add_raw (out, "PRIORITY", item->starred ? "1" : "0");
  docket_ics_append_escaped (categories, build->unit->name);
  g_string_append_c (categories, ',');
  docket_ics_append_escaped (categories, docket_bucket_get_label (docket_item_bucket (item, build->today)));
  docket_ics_append_line (out, categories->str);
  add_alarms (build, out, item, summary);
  docket_ics_append_line (out, "END:VTODO");
  return TRUE;
}

static gboolean
add_todos (IcsBuild      *build,
           GString       *out,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(DocketItemCursor) after = NULL;
  DocketItemQuery query;
  DocketId unit_id = build->unit->id;

  docket_item_query_init (&query, build->today);
  query.unit_ids = &unit_id;
  query.n_units = 1;
  query.include_coordinating = TRUE;
  do
    {
      g_autoptr(GPtrArray) page = NULL;
      DocketItemCursor *next = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      page = docket_store_list_items (build->store, &query, after, PAGE_SIZE, &next, error);
      if (page == NULL)
        return FALSE;
      g_clear_pointer (&after, docket_item_cursor_free);
      after = next;
      for (guint i = 0; i < page->len; i++)
        {
          const DocketItemRow *row = g_ptr_array_index (page, i);

          /* Open: neither completed nor cancelled (an item awaiting confirmation is
           * still the unit's to see through). */
          if (row->item->state == DOCKET_ITEM_STATE_CONFIRMED ||
              row->item->state == DOCKET_ITEM_STATE_CANCELLED)
            continue;
          if (!add_todo (build, out, row, error))
            return FALSE;
        }
    }
  while (after != NULL);
  return TRUE;
}

/**
 * docket_ics_build_unit:
 * @store: a store
 * @unit_id: the unit
 * @options: (nullable): the alarms; %NULL for the defaults
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The open items the unit leads or coordinates, as an iCalendar text (UTF-8, CRLF
 * line ends, folded): one VTODO each, with a stable UID per item, its deadline as a
 * DUE date, the meeting and conclusion in its DESCRIPTION, the unit and the status
 * as CATEGORIES, PRIORITY 1 when starred, and a VALARM for each reminder step still
 * to come.
 *
 * Returns: (transfer full): the text, or %NULL with @error
 */
char *
docket_ics_build_unit (DocketStore            *store,
                       DocketId                unit_id,
                       const DocketIcsOptions *options,
                       GCancellable           *cancellable,
                       GError                **error)
{
  g_autoptr(DocketUnit) unit = NULL;
  g_autoptr(DocketCalendar) calendar = NULL;
  g_autoptr(GHashTable) conclusions = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GTimeZone) local = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *prodid = NULL;
  DocketIcsOptions defaults;
  IcsBuild build;
  gint64 now;

  g_return_val_if_fail (DOCKET_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      docket_ics_options_init (&defaults);
      options = &defaults;
    }
  if ((unit = docket_store_get_unit (store, unit_id, error)) == NULL ||
      (calendar = docket_store_load_calendar (store, error)) == NULL)
    return NULL;

  now = options->now != 0 ? options->now : g_get_real_time () / G_USEC_PER_SEC;
  local = options->tz ? NULL : g_time_zone_new_local ();
  stamp = format_utc (now);
  conclusions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                       (GDestroyNotify) docket_conclusion_free);
  build = (IcsBuild) {
    .store = store, .options = options, .calendar = calendar, .unit = unit,
    .conclusions = conclusions, .stamp = stamp,
    .today = docket_date_from_unix (now, options->tz ? options->tz : local),
  };

  prodid = g_strdup_printf ("-//%s//Docket %s//EN", APP_ID, PACKAGE_VERSION);
  docket_ics_append_line (out, "BEGIN:VCALENDAR");
  add_raw (out, "VERSION", "2.0");
  add_raw (out, "PRODID", prodid);
  add_raw (out, "CALSCALE", "GREGORIAN");
  add_raw (out, "METHOD", "PUBLISH");
  add_text (out, "X-WR-CALNAME", unit->name);
  if (!add_todos (&build, out, cancellable, error))
    return NULL;
  docket_ics_append_line (out, "END:VCALENDAR");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * docket_ics_export_unit:
 * @file: where to write; replaced only once the whole file is written (a temporary
 *   file next to it is renamed over it), so a failure or a cancel leaves no partial
 *   file
 *
 * docket_ics_build_unit() written to @file.
 *
 * Returns: whether the file was written
 */
gboolean
docket_ics_export_unit (DocketStore            *store,
                        DocketId                unit_id,
                        const DocketIcsOptions *options,
                        GFile                  *file,
                        GCancellable           *cancellable,
                        GError                **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = docket_ics_build_unit (store, unit_id, options, cancellable, error);
  if (text == NULL)
    return FALSE;
  /* g_file_replace_contents() writes a temporary file and renames it over @file. */
  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, cancellable, error);
}
