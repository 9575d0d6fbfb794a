/* docket-cli-calendar.c: holidays and working days
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docketctl"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-cli-commands.h"
#include "docket-cli-json.h"
#include "docket-cli-output.h"
#include "docket-cli-resolve.h"
#include "docket-store-calendar.h"

static const DocketCliCommand calendar_commands[];

enum {
  CMD_HOLIDAYS_LIST,
  CMD_HOLIDAYS_ADD,
  CMD_HOLIDAYS_REMOVE,
  CMD_WORKDAYS_ADD,
};

static gboolean
check_year (int      year,
            GError **error)
{
  if (year >= 1900 && year <= 2199)
    return TRUE;
  g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
               _("“%d” is not a year Docket can list holidays for; use 1900 to 2199."), year);
  return FALSE;
}

static const char *
schedule_name (GPtrArray  *schedule,
               DocketDate  date)
{
  for (guint i = 0; schedule != NULL && i < schedule->len; i++)
    {
      DocketScheduleDay *day = g_ptr_array_index (schedule, i);

      if (day->date == date)
        return day->name;
    }
  return NULL;
}

static void
add_day (DocketCliTable *table,
         JsonBuilder    *builder,
         DocketDate      date,
         const char     *name,
         gboolean        day_off)
{
  g_autofree char *shown = docket_date_format_display (date);

  docket_cli_table_add_row (table, shown, day_off ? _("day off") : _("working day (swap)"),
                            name ? name : "", NULL);
  json_builder_begin_object (builder);
  docket_cli_json_add_date (builder, "date", date);
  docket_cli_json_add_string (builder, "name", name);
  docket_cli_json_add_bool (builder, "day_off", day_off);
  json_builder_end_object (builder);
}

static int
run_holidays_list (DocketCliContext *ctx,
                   int               argc,
                   char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketCalendar) calendar = NULL;
  g_autoptr(GPtrArray) schedule = NULL;
  g_autoptr(GArray) holidays = NULL;
  g_autoptr(DocketCliTable) table = docket_cli_table_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int year = docket_date_get_year (docket_date_today (NULL));
  GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("The year (default: this year)"), N_("YEAR") },
    { NULL }
  };
  DocketStore *store;
  int status;

  if ((status = docket_cli_parse_options (&calendar_commands[CMD_HOLIDAYS_LIST], entries, &argc, &argv)) >= 0)
    return status;
  if (argc > 1)
    return docket_cli_usage_error (_("Choose the year with --year YEAR."));
  if (!check_year (year, &error) ||
      (store = docket_cli_get_store (ctx, &error)) == NULL ||
      (schedule = docket_store_list_year_schedule (store, year, &error)) == NULL ||
      (calendar = docket_store_load_calendar (store, &error)) == NULL)
    return docket_cli_fail (error);

  docket_cli_table_add_column (table, _("Date"), DOCKET_CLI_ALIGN_LEFT, FALSE);
  docket_cli_table_add_column (table, _("Kind"), DOCKET_CLI_ALIGN_LEFT, FALSE);
  docket_cli_table_add_column (table, _("Name"), DOCKET_CLI_ALIGN_LEFT, TRUE);
  json_builder_begin_object (builder);
  docket_cli_json_add_int (builder, "year", year);
  docket_cli_json_add_bool (builder, "scheduled", schedule->len > 0);
  json_builder_set_member_name (builder, "days");
  json_builder_begin_array (builder);
  /* The named days off the calendar gives, then the swapped working days, which have
   * no name in the calendar. */
  holidays = docket_calendar_list_holidays (calendar, year);
  for (guint i = 0; i < holidays->len; i++)
    {
      const DocketHoliday *h = &g_array_index (holidays, DocketHoliday, i);
      const char *name = schedule_name (schedule, h->date);

      add_day (table, builder, h->date, name ? name : h->name, TRUE);
    }
  for (guint i = 0; i < schedule->len; i++)
    {
      DocketScheduleDay *day = g_ptr_array_index (schedule, i);

      if (!day->is_day_off)
        add_day (table, builder, day->date, day->name, FALSE);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (ctx->json)
    docket_cli_json_print (builder);
  else
    {
      g_autofree char *text = docket_cli_table_render (table, docket_cli_terminal_width ());

      g_print (schedule->len > 0 ? _("Official schedule of %d, as entered:")
                                 : _("Holidays of %d, computed (no official schedule entered):"),
               year);
      g_print ("\n%s", text);
    }
  return DOCKET_CLI_EXIT_OK;
}

static int
run_holidays_add (DocketCliContext *ctx,
                  int               argc,
                  char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gboolean working = FALSE;
  GOptionEntry entries[] = {
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name, N_("What the day is, as the announcement names it"), N_("TEXT") },
    { "working", 0, 0, G_OPTION_ARG_NONE, &working, N_("A weekend day made a working day by a swap"), NULL },
    { NULL }
  };
  DocketStore *store;
  DocketDate date;
  int status;

  if ((status = docket_cli_parse_options (&calendar_commands[CMD_HOLIDAYS_ADD], entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return docket_cli_usage_error (_("Give the day to add to the official schedule."));
  if (!docket_cli_parse_date (argv[1], &date, &error) ||
      (store = docket_cli_get_store (ctx, &error)) == NULL ||
      !docket_store_set_schedule_day (store, date, !working, name, &error))
    return docket_cli_fail (error);
  return DOCKET_CLI_EXIT_OK;
}

static int
run_holidays_remove (DocketCliContext *ctx,
                     int               argc,
                     char            **argv)
{
  g_autoptr(GError) error = NULL;
  int year = 0;
  GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("Remove the whole official schedule of YEAR"), N_("YEAR") },
    { NULL }
  };
  DocketStore *store;
  DocketDate date = DOCKET_DATE_NONE;
  int status;

  if ((status = docket_cli_parse_options (&calendar_commands[CMD_HOLIDAYS_REMOVE], entries, &argc, &argv)) >= 0)
    return status;
  if ((argc == 2) == (year != 0) || argc > 2)
    return docket_cli_usage_error (_("Give either a day to take out of the schedule, or --year YEAR "
                                     "to go back to the computed holidays."));
  if ((argc == 2 && !docket_cli_parse_date (argv[1], &date, &error)) ||
      (year != 0 && !check_year (year, &error)) ||
      (store = docket_cli_get_store (ctx, &error)) == NULL ||
      !(year != 0 ? docket_store_set_year_schedule (store, year, NULL, 0, &error)
                  : docket_store_remove_schedule_day (store, date, &error)))
    return docket_cli_fail (error);
  return DOCKET_CLI_EXIT_OK;
}

static int
run_workdays_add (DocketCliContext *ctx,
                  int               argc,
                  char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketCalendar) calendar = NULL;
  g_autofree char *shown = NULL;
  DocketStore *store;
  DocketDate date, result;
  gint64 n = 0;
  int status;

  if ((status = docket_cli_parse_options (&calendar_commands[CMD_WORKDAYS_ADD], NULL, &argc, &argv)) >= 0)
    return status;
  if (argc != 3)
    return docket_cli_usage_error (_("Give a date and a number of working days."));
  if (!docket_cli_parse_date (argv[1], &date, &error))
    return docket_cli_fail (error);
  if (!g_ascii_string_to_signed (argv[2], 10, -100000, 100000, &n, NULL))
    {
      g_printerr ("docketctl: ");
      g_printerr (_("“%s” is not a whole number of working days."), argv[2]);
      g_printerr ("\n");
      return DOCKET_CLI_EXIT_INVALID;
    }
  if ((store = docket_cli_get_store (ctx, &error)) == NULL ||
      (calendar = docket_store_load_calendar (store, &error)) == NULL)
    return docket_cli_fail (error);
  result = docket_calendar_add_working_days (calendar, date, (int) n);
  if (result == DOCKET_DATE_NONE)
    {
      g_printerr ("docketctl: %s\n", _("The result lies outside the calendar."));
      return DOCKET_CLI_EXIT_INVALID;
    }
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      docket_cli_json_add_date (builder, "from", date);
      docket_cli_json_add_int (builder, "working_days", n);
      docket_cli_json_add_date (builder, "date", result);
      json_builder_end_object (builder);
      docket_cli_json_print (builder);
    }
  else
    {
      shown = docket_date_format_display (result);
      g_print ("%s\n", shown);
    }
  return DOCKET_CLI_EXIT_OK;
}

static const DocketCliCommand calendar_commands[] = {
  [CMD_HOLIDAYS_LIST] = { "holidays", "list", NULL,
    N_("List a year's holidays: the official schedule entered, or the computed ones"),
    "  docketctl holidays list --year 2026\n", run_holidays_list },
  [CMD_HOLIDAYS_ADD] = { "holidays", "add", N_("DATE"),
    N_("Add a day off (or with --working a swapped working day) to its year's official schedule"),
    "  docketctl holidays add 16/02/2026 --name \"Nghỉ Tết Nguyên đán\"\n"
    "  docketctl holidays add 03/01/2026 --working --name \"Làm bù\"\n",
    run_holidays_add },
  [CMD_HOLIDAYS_REMOVE] = { "holidays", "remove", N_("[DATE]"),
    N_("Take a day out of the official schedule, or with --year drop the year's schedule"),
    "  docketctl holidays remove 03/01/2026\n  docketctl holidays remove --year 2026\n",
    run_holidays_remove },
  [CMD_WORKDAYS_ADD] = { "workdays", "add", N_("DATE N"),
    N_("Print the day N working days after DATE (holidays skipped)"),
    "  docketctl workdays add 07/07/2026 10\n", run_workdays_add },
};

const DocketCliCommand *
docket_cli_calendar_commands (guint *n_commands)
{
  *n_commands = G_N_ELEMENTS (calendar_commands);
  return calendar_commands;
}
