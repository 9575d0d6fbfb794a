/* docket-cli-meetings.c: meeting, conclusion and attendee commands
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docketctl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "docket-cli-commands.h"
#include "docket-cli-json.h"
#include "docket-cli-output.h"
#include "docket-cli-resolve.h"
#include "docket-store-meetings.h"
#include "docket-store-units.h"

static const DocketCliCommand meeting_commands[];

enum {
  CMD_MEETING_ADD,
  CMD_MEETING_EDIT,
  CMD_MEETING_LIST,
  CMD_MEETING_SHOW,
  CMD_CONCLUSION_ADD,
  CMD_CONCLUSION_EDIT,
  CMD_CONCLUSION_MOVE,
  CMD_CONCLUSION_REMOVE,
  CMD_ATTENDEE_ADD,
  CMD_ATTENDEE_REMOVE,
};

/* The stable words of meeting kinds and states in options and JSON. */
static const char *kind_words[] = { "regular", "half-year", "year", "thematic", "other" };
static const char *state_words[] = { "draft", "recorded", "notice-issued" };

static gboolean
parse_word (const char  *text,
            const char **words,
            guint        n_words,
            int         *out_value,
            const char  *what,
            GError     **error)
{
  g_autofree char *choices = NULL;

  for (guint i = 0; i < n_words; i++)
    if (g_ascii_strcasecmp (text, words[i]) == 0)
      {
        *out_value = i;
        return TRUE;
      }
  choices = g_strjoinv (", ", (char **) words);
  g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
               /* Translators: “half” is not a kind of meeting. Use one of: regular, … */
               _("“%s” is not a %s. Use one of: %s."), text, what, choices);
  return FALSE;
}

static gboolean
parse_time (const char *text,
            int        *out_minutes,
            GError    **error)
{
  int h = -1, m = -1;
  char extra;

  if (text == NULL || sscanf (text, "%d:%d%c", &h, &m, &extra) != 2 ||
      h < 0 || h > 23 || m < 0 || m > 59)
    {
      g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                   _("“%s” is not a time of day. Type it as hours:minutes, for example 08:00."),
                   text ? text : "");
      return FALSE;
    }
  *out_minutes = h * 60 + m;
  return TRUE;
}

static DocketId
parse_meeting_id (const char *text,
                  GError    **error)
{
  DocketId id = 0;

  if (!docket_cli_parse_id (text, &id))
    g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                 _("“%s” is not a meeting number. “docketctl meeting list” shows the numbers."),
                 text);
  return id;
}

static DocketId
parse_record_id (const char *text,
                 GError    **error)
{
  DocketId id = 0;

  if (!docket_cli_parse_id (text, &id))
    g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                 _("“%s” is not a number. Records are named by the number “docketctl meeting "
                   "show” prints."), text);
  return id;
}

static char *
format_minutes (int minutes)
{
  if (minutes < 0)
    return NULL;
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

static void
build_meeting_json (JsonBuilder         *builder,
                    const DocketMeeting *meeting)
{
  g_autofree char *start = format_minutes (meeting->start_minutes);
  g_autofree char *end = format_minutes (meeting->end_minutes);

  docket_cli_json_add_id (builder, "id", meeting->id);
  docket_cli_json_add_string (builder, "kind", docket_meeting_kind_to_word (meeting->kind));
  docket_cli_json_add_string (builder, "state", docket_meeting_state_to_word (meeting->state));
  docket_cli_json_add_string (builder, "title", meeting->title);
  docket_cli_json_add_date (builder, "date", meeting->date);
  docket_cli_json_add_string (builder, "start", start);
  docket_cli_json_add_string (builder, "end", end);
  docket_cli_json_add_string (builder, "location", meeting->location);
  docket_cli_json_add_date (builder, "period_start", meeting->period_start);
  docket_cli_json_add_date (builder, "period_end", meeting->period_end);
  docket_cli_json_add_id (builder, "chair_id", meeting->chair_id);
  docket_cli_json_add_id (builder, "secretary_id", meeting->secretary_id);
  docket_cli_json_add_string (builder, "notice_number", meeting->notice_number);
  docket_cli_json_add_date (builder, "notice_date", meeting->notice_date);
}

typedef struct
{
  char *title;
  char *kind;
  char *date;
  char *start;
  char *end;
  char *location;
  char *chair;
  char *secretary;
  char *period_from;
  char *period_to;
} MeetingOptions;

static void
meeting_options_clear (MeetingOptions *o)
{
  g_free (o->title);
  g_free (o->kind);
  g_free (o->date);
  g_free (o->start);
  g_free (o->end);
  g_free (o->location);
  g_free (o->chair);
  g_free (o->secretary);
  g_free (o->period_from);
  g_free (o->period_to);
}

#define MEETING_OPTION_ENTRIES(o) \
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &(o).kind, N_("regular, half-year, year, thematic or other"), N_("KIND") }, \
    { "date", 'd', 0, G_OPTION_ARG_STRING, &(o).date, N_("The day of the meeting, dd/mm/yyyy"), N_("DATE") }, \
    { "start", 0, 0, G_OPTION_ARG_STRING, &(o).start, N_("Start time, hh:mm"), N_("TIME") }, \
    { "end", 0, 0, G_OPTION_ARG_STRING, &(o).end, N_("End time, hh:mm"), N_("TIME") }, \
    { "location", 'l', 0, G_OPTION_ARG_STRING, &(o).location, N_("Where it takes place"), N_("TEXT") }, \
    { "chair", 'c', 0, G_OPTION_ARG_STRING, &(o).chair, N_("Who chairs it"), N_("PERSON") }, \
    { "secretary", 0, 0, G_OPTION_ARG_STRING, &(o).secretary, N_("Who takes the minutes"), N_("PERSON") }, \
    { "period-from", 0, 0, G_OPTION_ARG_STRING, &(o).period_from, N_("First day of the period reviewed"), N_("DATE") }, \
    { "period-to", 0, 0, G_OPTION_ARG_STRING, &(o).period_to, N_("Last day of the period reviewed"), N_("DATE") }

static gboolean
apply_meeting_options (DocketStore          *store,
                       const MeetingOptions *o,
                       DocketMeeting        *meeting,
                       GError              **error)
{
  int value;

  if (o->kind != NULL)
    {
      if (!parse_word (o->kind, kind_words, G_N_ELEMENTS (kind_words), &value,
                       _("kind of meeting"), error))
        return FALSE;
      meeting->kind = value;
    }
  if (o->date != NULL && !docket_cli_parse_date (o->date, &meeting->date, error))
    return FALSE;
  if (o->period_from != NULL && !docket_cli_parse_date (o->period_from, &meeting->period_start, error))
    return FALSE;
  if (o->period_to != NULL && !docket_cli_parse_date (o->period_to, &meeting->period_end, error))
    return FALSE;
  if (o->start != NULL && !parse_time (o->start, &meeting->start_minutes, error))
    return FALSE;
  if (o->end != NULL && !parse_time (o->end, &meeting->end_minutes, error))
    return FALSE;
  if (o->chair != NULL && (meeting->chair_id = docket_cli_resolve_person (store, o->chair, error)) == 0)
    return FALSE;
  if (o->secretary != NULL &&
      (meeting->secretary_id = docket_cli_resolve_person (store, o->secretary, error)) == 0)
    return FALSE;
  if (o->location != NULL)
    {
      g_free (meeting->location);
      meeting->location = g_strdup (o->location);
    }
  if (o->title != NULL)
    {
      g_free (meeting->title);
      meeting->title = g_strdup (o->title);
    }
  return TRUE;
}

static int
print_meeting_brief (DocketCliContext    *ctx,
                     const DocketMeeting *meeting)
{
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      build_meeting_json (builder, meeting);
      json_builder_end_object (builder);
      docket_cli_json_print (builder);
    }
  else
    g_print ("%" G_GINT64_FORMAT "\t%s\n", meeting->id, meeting->title);
  return DOCKET_CLI_EXIT_OK;
}

static int
run_meeting_add (DocketCliContext *ctx,
                 int               argc,
                 char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketMeeting) meeting = docket_meeting_new ();
  MeetingOptions o = { 0 };
  GOptionEntry entries[] = { MEETING_OPTION_ENTRIES (o), { NULL } };
  DocketStore *store;
  int status;

  if ((status = docket_cli_parse_options (&meeting_commands[CMD_MEETING_ADD], entries, &argc, &argv)) >= 0)
    goto out;
  if (argc != 2)
    {
      status = docket_cli_usage_error (_("Give the meeting's title, in quotes."));
      goto out;
    }
  o.title = g_strdup (argv[1]);
  if ((store = docket_cli_get_store (ctx, &error)) == NULL ||
      !apply_meeting_options (store, &o, meeting, &error) ||
      (meeting->id = docket_store_add_meeting (store, meeting, &error)) == 0)
    {
      status = docket_cli_fail (error);
      goto out;
    }
  status = print_meeting_brief (ctx, meeting);
out:
  meeting_options_clear (&o);
  return status;
}

static int
run_meeting_edit (DocketCliContext *ctx,
                  int               argc,
                  char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketMeeting) meeting = NULL;
  MeetingOptions o = { 0 };
  g_autofree char *state = NULL;
  GOptionEntry entries[] = {
    MEETING_OPTION_ENTRIES (o),
    { "title", 't', 0, G_OPTION_ARG_STRING, &o.title, N_("The new title"), N_("TEXT") },
    { "state", 0, 0, G_OPTION_ARG_STRING, &state, N_("draft or recorded"), N_("STATE") },
    { NULL }
  };
  DocketStore *store;
  DocketId id;
  int status, value;

  if ((status = docket_cli_parse_options (&meeting_commands[CMD_MEETING_EDIT], entries, &argc, &argv)) >= 0)
    goto out;
  if (argc != 2)
    {
      status = docket_cli_usage_error (_("Name the meeting to change by its number."));
      goto out;
    }
  if ((id = parse_meeting_id (argv[1], &error)) == 0 ||
      (store = docket_cli_get_store (ctx, &error)) == NULL ||
      (meeting = docket_store_get_meeting (store, id, &error)) == NULL ||
      !apply_meeting_options (store, &o, meeting, &error) ||
      (state != NULL && !parse_word (state, state_words, 2, &value, _("meeting state"), &error)))
    {
      status = docket_cli_fail (error);
      goto out;
    }
  if (state != NULL)
    meeting->state = value;
  if (!docket_store_update_meeting (store, meeting, &error))
    {
      status = docket_cli_fail (error);
      goto out;
    }
  status = print_meeting_brief (ctx, meeting);
out:
  meeting_options_clear (&o);
  return status;
}

static int
run_meeting_list (DocketCliContext *ctx,
                  int               argc,
                  char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(DocketCliTable) table = docket_cli_table_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *kind = NULL;
  int year = 0, kind_value = -1;
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind, N_("Only meetings of this kind"), N_("KIND") },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("Only meetings held in this year"), N_("YEAR") },
    { NULL }
  };
  DocketStore *store;
  int status;

  if ((status = docket_cli_parse_options (&meeting_commands[CMD_MEETING_LIST], entries, &argc, &argv)) >= 0)
    return status;
  if ((kind != NULL && !parse_word (kind, kind_words, G_N_ELEMENTS (kind_words), &kind_value,
                                    _("kind of meeting"), &error)) ||
      (store = docket_cli_get_store (ctx, &error)) == NULL ||
      (meetings = docket_store_list_meetings (store, kind_value, year, 0, G_MAXINT, &error)) == NULL)
    return docket_cli_fail (error);

  docket_cli_table_add_column (table, _("No."), DOCKET_CLI_ALIGN_RIGHT, FALSE);
  docket_cli_table_add_column (table, _("Date"), DOCKET_CLI_ALIGN_LEFT, FALSE);
  docket_cli_table_add_column (table, _("Meeting"), DOCKET_CLI_ALIGN_LEFT, TRUE);
  docket_cli_table_add_column (table, _("Kind"), DOCKET_CLI_ALIGN_LEFT, FALSE);
  docket_cli_table_add_column (table, _("Done"), DOCKET_CLI_ALIGN_RIGHT, FALSE);
  json_builder_begin_array (builder);
  for (guint i = 0; i < meetings->len; i++)
    {
      DocketMeetingSummary *summary = g_ptr_array_index (meetings, i);
      DocketMeeting *meeting = summary->meeting;
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, meeting->id);
      g_autofree char *date = docket_date_format_display (meeting->date);
      g_autofree char *done = g_strdup_printf ("%u/%u", summary->n_done, summary->n_items);

      docket_cli_table_add_row (table, id, date, meeting->title, docket_meeting_kind_get_label (meeting->kind), done, NULL);
      json_builder_begin_object (builder);
      build_meeting_json (builder, meeting);
      docket_cli_json_add_int (builder, "items", summary->n_items);
      docket_cli_json_add_int (builder, "done", summary->n_done);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (ctx->json)
    docket_cli_json_print (builder);
  else if (meetings->len == 0)
    g_print ("%s\n", _("No meetings yet. Record one with “docketctl meeting add TITLE --date DATE”."));
  else
    {
      g_autofree char *text = docket_cli_table_render (table, docket_cli_terminal_width ());
      g_print ("%s", text);
    }
  return DOCKET_CLI_EXIT_OK;
}

static char *
person_name (DocketStore *store,
             DocketId     id)
{
  g_autoptr(DocketPerson) person = NULL;

  if (id == 0)
    return g_strdup ("");
  person = docket_store_get_person (store, id, NULL);
  if (person == NULL)
    return g_strdup ("");
  if (person->title != NULL && *person->title != '\0')
    return g_strdup_printf ("%s, %s", person->name, person->title);
  return g_strdup (person->name);
}

static char *
attendee_name (DocketStore          *store,
               const DocketAttendee *attendee)
{
  if (attendee->person_id != 0)
    return person_name (store, attendee->person_id);
  if (attendee->unit_id != 0)
    {
      g_autoptr(DocketUnit) unit = docket_store_get_unit (store, attendee->unit_id, NULL);
      return g_strdup (unit ? unit->name : "");
    }
  return g_strdup ("");
}

static int
run_meeting_show (DocketCliContext *ctx,
                  int               argc,
                  char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketMeeting) meeting = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) conclusions = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *date = NULL;
  g_autofree char *chair = NULL;
  g_autofree char *secretary = NULL;
  DocketStore *store;
  DocketId id;
  int status;

  if ((status = docket_cli_parse_options (&meeting_commands[CMD_MEETING_SHOW], NULL, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return docket_cli_usage_error (_("Name the meeting to show by its number."));
  if ((id = parse_meeting_id (argv[1], &error)) == 0 ||
      (store = docket_cli_get_store (ctx, &error)) == NULL ||
      (meeting = docket_store_get_meeting (store, id, &error)) == NULL ||
      (attendees = docket_store_list_attendees (store, id, &error)) == NULL ||
      (sections = docket_store_list_minutes_sections (store, id, &error)) == NULL ||
      (conclusions = docket_store_list_conclusions (store, id, &error)) == NULL)
    return docket_cli_fail (error);

  date = docket_date_format_display (meeting->date);
  chair = person_name (store, meeting->chair_id);
  secretary = person_name (store, meeting->secretary_id);
  g_string_append_printf (text, "%s\n%s: %s\n%s: %s\n%s: %s\n%s: %s\n%s: %s\n",
                          meeting->title,
                          _("Kind"), docket_meeting_kind_get_label (meeting->kind),
                          _("Date"), date,
                          _("Location"), meeting->location ? meeting->location : "",
                          _("Chair"), chair,
                          _("Secretary"), secretary);

  json_builder_begin_object (builder);
  build_meeting_json (builder, meeting);

  json_builder_set_member_name (builder, "attendees");
  json_builder_begin_array (builder);
  g_string_append_printf (text, "\n%s:\n", _("Attendees"));
  for (guint i = 0; i < attendees->len; i++)
    {
      DocketAttendee *attendee = g_ptr_array_index (attendees, i);
      g_autofree char *name = attendee_name (store, attendee);

      g_string_append_printf (text, "  [%" G_GINT64_FORMAT "] %s%s\n", attendee->id, name,
                              attendee->attendance == DOCKET_ATTENDANCE_PRESENT ? _(" (present)") : "");
      json_builder_begin_object (builder);
      docket_cli_json_add_id (builder, "id", attendee->id);
      docket_cli_json_add_id (builder, "unit_id", attendee->unit_id);
      docket_cli_json_add_id (builder, "person_id", attendee->person_id);
      docket_cli_json_add_string (builder, "name", name);
      docket_cli_json_add_string (builder, "attendance", docket_attendance_to_word (attendee->attendance));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "minutes");
  json_builder_begin_array (builder);
  g_string_append_printf (text, "\n%s:\n", _("Minutes"));
  for (guint i = 0; i < sections->len; i++)
    {
      DocketMinutesSection *section = g_ptr_array_index (sections, i);

      if (section->speaker != NULL && *section->speaker != '\0')
        g_string_append_printf (text, "  %s: %s\n", section->speaker, section->text);
      else
        g_string_append_printf (text, "  %s\n", section->text);
      json_builder_begin_object (builder);
      docket_cli_json_add_id (builder, "id", section->id);
      docket_cli_json_add_int (builder, "position", section->position);
      docket_cli_json_add_string (builder, "speaker", section->speaker);
      docket_cli_json_add_string (builder, "text", section->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "conclusions");
  json_builder_begin_array (builder);
  g_string_append_printf (text, "\n%s:\n", _("Conclusions"));
  for (guint i = 0; i < conclusions->len; i++)
    {
      DocketConclusion *conclusion = g_ptr_array_index (conclusions, i);

      g_string_append_printf (text, "  %d. %s  [%" G_GINT64_FORMAT "]\n", conclusion->position,
                              conclusion->text, conclusion->id);
      json_builder_begin_object (builder);
      docket_cli_json_add_id (builder, "id", conclusion->id);
      docket_cli_json_add_int (builder, "position", conclusion->position);
      docket_cli_json_add_string (builder, "text", conclusion->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (ctx->json)
    docket_cli_json_print (builder);
  else
    g_print ("%s", text->str);
  return DOCKET_CLI_EXIT_OK;
}

static int
print_conclusion (DocketCliContext       *ctx,
                  const DocketConclusion *conclusion)
{
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      docket_cli_json_add_id (builder, "id", conclusion->id);
      docket_cli_json_add_id (builder, "meeting_id", conclusion->meeting_id);
      docket_cli_json_add_int (builder, "position", conclusion->position);
      docket_cli_json_add_string (builder, "text", conclusion->text);
      json_builder_end_object (builder);
      docket_cli_json_print (builder);
    }
  else
    g_print ("%" G_GINT64_FORMAT "\t%d. %s\n", conclusion->id, conclusion->position, conclusion->text);
  return DOCKET_CLI_EXIT_OK;
}

static int
run_conclusion_add (DocketCliContext *ctx,
                    int               argc,
                    char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketConclusion) conclusion = docket_conclusion_new ();
  g_autoptr(DocketConclusion) stored = NULL;
  DocketStore *store;
  DocketId id;
  int status;

  if ((status = docket_cli_parse_options (&meeting_commands[CMD_CONCLUSION_ADD], NULL, &argc, &argv)) >= 0)
    return status;
  if (argc != 3)
    return docket_cli_usage_error (_("Give the meeting's number and the conclusion's text, in quotes."));
  conclusion->text = g_strdup (argv[2]);
  if ((conclusion->meeting_id = parse_meeting_id (argv[1], &error)) == 0 ||
      (store = docket_cli_get_store (ctx, &error)) == NULL ||
      (id = docket_store_add_conclusion (store, conclusion, &error)) == 0 ||
      (stored = docket_store_get_conclusion (store, id, &error)) == NULL)
    return docket_cli_fail (error);
  return print_conclusion (ctx, stored);
}

static int
run_conclusion_edit (DocketCliContext *ctx,
                     int               argc,
                     char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketConclusion) conclusion = NULL;
  DocketStore *store;
  DocketId id;
  int status;

  if ((status = docket_cli_parse_options (&meeting_commands[CMD_CONCLUSION_EDIT], NULL, &argc, &argv)) >= 0)
    return status;
  if (argc != 3)
    return docket_cli_usage_error (_("Give the conclusion's number and its new text, in quotes."));
  if ((id = parse_record_id (argv[1], &error)) == 0 ||
      (store = docket_cli_get_store (ctx, &error)) == NULL ||
      (conclusion = docket_store_get_conclusion (store, id, &error)) == NULL)
    return docket_cli_fail (error);
  g_free (conclusion->text);
  conclusion->text = g_strdup (argv[2]);
  if (!docket_store_update_conclusion (store, conclusion, &error))
    return docket_cli_fail (error);
  return print_conclusion (ctx, conclusion);
}

static int
run_conclusion_move (DocketCliContext *ctx,
                     int               argc,
                     char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketConclusion) conclusion = NULL;
  DocketStore *store;
  DocketId id, position;
  int status;

  if ((status = docket_cli_parse_options (&meeting_commands[CMD_CONCLUSION_MOVE], NULL, &argc, &argv)) >= 0)
    return status;
  if (argc != 3)
    return docket_cli_usage_error (_("Give the conclusion's number and its new position."));
  if ((id = parse_record_id (argv[1], &error)) == 0 ||
      (position = parse_record_id (argv[2], &error)) == 0 ||
      (store = docket_cli_get_store (ctx, &error)) == NULL ||
      !docket_store_move_conclusion (store, id, (int) MIN (position, G_MAXINT), &error) ||
      (conclusion = docket_store_get_conclusion (store, id, &error)) == NULL)
    return docket_cli_fail (error);
  return print_conclusion (ctx, conclusion);
}

static int
run_conclusion_remove (DocketCliContext *ctx,
                       int               argc,
                       char            **argv)
{
  g_autoptr(GError) error = NULL;
  DocketStore *store;
  DocketId id;
  int status;

  if ((status = docket_cli_parse_options (&meeting_commands[CMD_CONCLUSION_REMOVE], NULL, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return docket_cli_usage_error (_("Give the number of the conclusion to remove."));
  if ((id = parse_record_id (argv[1], &error)) == 0 ||
      (store = docket_cli_get_store (ctx, &error)) == NULL ||
      !docket_store_remove_conclusion (store, id, &error))
    return docket_cli_fail (error);
  return DOCKET_CLI_EXIT_OK;
}

static int
run_attendee_add (DocketCliContext *ctx,
                  int               argc,
                  char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketAttendee) attendee = docket_attendee_new ();
  g_autofree char *unit = NULL;
  g_autofree char *person = NULL;
  gboolean present = FALSE;
  GOptionEntry entries[] = {
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit, N_("A unit invited"), N_("UNIT") },
    { "person", 'p', 0, G_OPTION_ARG_STRING, &person, N_("A person invited"), N_("PERSON") },
    { "present", 0, 0, G_OPTION_ARG_NONE, &present, N_("Mark as present"), NULL },
    { NULL }
  };
  DocketStore *store;
  int status;

  if ((status = docket_cli_parse_options (&meeting_commands[CMD_ATTENDEE_ADD], entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2 || (unit == NULL && person == NULL))
    return docket_cli_usage_error (_("Give the meeting's number and --unit or --person."));
  attendee->attendance = present ? DOCKET_ATTENDANCE_PRESENT : DOCKET_ATTENDANCE_INVITED;
  if ((attendee->meeting_id = parse_meeting_id (argv[1], &error)) == 0 ||
      (store = docket_cli_get_store (ctx, &error)) == NULL ||
      (unit != NULL && (attendee->unit_id = docket_cli_resolve_unit (store, unit, &error)) == 0) ||
      (person != NULL && (attendee->person_id = docket_cli_resolve_person (store, person, &error)) == 0) ||
      (attendee->id = docket_store_add_attendee (store, attendee, &error)) == 0)
    return docket_cli_fail (error);
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_object (builder);
      docket_cli_json_add_id (builder, "id", attendee->id);
      docket_cli_json_add_id (builder, "meeting_id", attendee->meeting_id);
      docket_cli_json_add_id (builder, "unit_id", attendee->unit_id);
      docket_cli_json_add_id (builder, "person_id", attendee->person_id);
      docket_cli_json_add_string (builder, "attendance", docket_attendance_to_word (attendee->attendance));
      json_builder_end_object (builder);
      docket_cli_json_print (builder);
    }
  else
    g_print ("%" G_GINT64_FORMAT "\n", attendee->id);
  return DOCKET_CLI_EXIT_OK;
}

static int
run_attendee_remove (DocketCliContext *ctx,
                     int               argc,
                     char            **argv)
{
  g_autoptr(GError) error = NULL;
  DocketStore *store;
  DocketId id;
  int status;

  if ((status = docket_cli_parse_options (&meeting_commands[CMD_ATTENDEE_REMOVE], NULL, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return docket_cli_usage_error (_("Give the attendee's number, as “docketctl meeting show” prints it."));
  if ((id = parse_record_id (argv[1], &error)) == 0 ||
      (store = docket_cli_get_store (ctx, &error)) == NULL ||
      !docket_store_remove_attendee (store, id, &error))
    return docket_cli_fail (error);
  return DOCKET_CLI_EXIT_OK;
}

static const DocketCliCommand meeting_commands[] = {
  [CMD_MEETING_ADD] = { "meeting", "add", N_("TITLE"), N_("Record a meeting"),
    "  docketctl meeting add \"Hội nghị sơ kết CCHC 6 tháng đầu năm 2026\" --kind half-year \\\n"
    "      --date 10/07/2026 --start 08:00 --location \"Hội trường UBND xã\" --chair \"Nguyễn Văn A\"\n",
    run_meeting_add },
  [CMD_MEETING_EDIT] = { "meeting", "edit", N_("MEETING"), N_("Change a meeting's details"),
    "  docketctl meeting edit 3 --end 11:30 --state recorded\n", run_meeting_edit },
  [CMD_MEETING_LIST] = { "meeting", "list", NULL, N_("List the meetings, newest first"),
    "  docketctl meeting list --year 2026\n", run_meeting_list },
  [CMD_MEETING_SHOW] = { "meeting", "show", N_("MEETING"),
    N_("Show a meeting with its attendees, minutes and conclusions"),
    "  docketctl meeting show 3\n  docketctl --json meeting show 3\n", run_meeting_show },
  [CMD_CONCLUSION_ADD] = { "conclusion", "add", N_("MEETING TEXT"), N_("Add the chair's next numbered conclusion"),
    "  docketctl conclusion add 3 \"Giảm tối đa hồ sơ trễ hạn trên hệ thống một cửa.\"\n",
    run_conclusion_add },
  [CMD_CONCLUSION_EDIT] = { "conclusion", "edit", N_("CONCLUSION TEXT"), N_("Change a conclusion's text"),
    "  docketctl conclusion edit 12 \"…\"\n", run_conclusion_edit },
  [CMD_CONCLUSION_MOVE] = { "conclusion", "move", N_("CONCLUSION POSITION"),
    N_("Move a conclusion to another number; the others are renumbered"),
    "  docketctl conclusion move 12 1\n", run_conclusion_move },
  [CMD_CONCLUSION_REMOVE] = { "conclusion", "remove", N_("CONCLUSION"), N_("Remove a conclusion"),
    "  docketctl conclusion remove 12\n", run_conclusion_remove },
  [CMD_ATTENDEE_ADD] = { "attendee", "add", N_("MEETING"), N_("Invite a unit or a person to a meeting"),
    "  docketctl attendee add 3 --unit \"Phòng Nội vụ\" --present\n", run_attendee_add },
  [CMD_ATTENDEE_REMOVE] = { "attendee", "remove", N_("ATTENDEE"), N_("Remove an attendee"),
    "  docketctl attendee remove 17\n", run_attendee_remove },
};

const DocketCliCommand *
docket_cli_meeting_commands (guint *n_commands)
{
  *n_commands = G_N_ELEMENTS (meeting_commands);
  return meeting_commands;
}
