/* docket-cli-remind.c: remind — send (or list) the reminders due now
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For cron or a systemd timer on a machine without a session: the same policy and
 * the same reminder log as the application, so between them each reminder is sent
 * once.  Without a notification server the reminders are still claimed and wait in
 * the application's reminders list.
 */

#define G_LOG_DOMAIN "docketctl"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "docket-cli-commands.h"
#include "docket-cli-output.h"
#include "docket-libnotify-notifier.h"
#include "docket-reminder-service.h"
#include "docket-reminder-settings.h"
#include "docket-store-calendar.h"

static const DocketCliCommand remind_commands[];

/* "dd/mm/yyyy HH:MM" (local time) or ISO 8601 ("2026-03-17T08:00:00+07:00"). */
static gboolean
parse_now (const char  *text,
           gint64      *out_now)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (text, local);
  g_auto(GStrv) parts = NULL;
  DocketDate day;
  int hour = 0, minute = 0;

  if (dt == NULL)
    {
      parts = g_strsplit (text, " ", 2);
      if (!docket_date_parse (parts[0], &day, NULL))
        return FALSE;
      if (parts[1] != NULL && sscanf (parts[1], "%d:%d", &hour, &minute) != 2)
        return FALSE;
      dt = g_date_time_new (local, docket_date_get_year (day), docket_date_get_month (day),
                            docket_date_get_day (day), hour, minute, 0);
      if (dt == NULL)
        return FALSE;
    }
  *out_now = g_date_time_to_unix (dt);
  return TRUE;
}

static void
add_json_reminder (JsonBuilder             *builder,
                   const DocketDueReminder *due)
{
  g_autofree char *title = docket_due_reminder_dup_title (due);
  g_autofree char *day = docket_date_format_iso (due->reminder.day);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "item_id");
  json_builder_add_int_value (builder, due->reminder.item_id);
  json_builder_set_member_name (builder, "unit_id");
  json_builder_add_int_value (builder, due->reminder.unit_id);
  json_builder_set_member_name (builder, "recipient_unit_id");
  json_builder_add_int_value (builder, due->reminder.recipient_unit_id);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, due->key_kind);
  json_builder_set_member_name (builder, "day");
  json_builder_add_string_value (builder, day);
  json_builder_set_member_name (builder, "caught_up");
  json_builder_add_boolean_value (builder, due->caught_up);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_end_object (builder);
}

static void
print_due (DocketCliContext *ctx,
           GPtrArray        *due,
           guint             claimed,
           guint             notified,
           gboolean          dry_run)
{
  g_autoptr(DocketCliTable) table = docket_cli_table_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  docket_cli_table_add_column (table, _("Day"), DOCKET_CLI_ALIGN_LEFT, FALSE);
  docket_cli_table_add_column (table, _("Reminder"), DOCKET_CLI_ALIGN_LEFT, FALSE);
  docket_cli_table_add_column (table, _("Item"), DOCKET_CLI_ALIGN_LEFT, TRUE);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "reminders");
  json_builder_begin_array (builder);
  for (guint i = 0; i < due->len; i++)
    {
      DocketDueReminder *d = g_ptr_array_index (due, i);
      g_autofree char *day = docket_date_format_display (d->reminder.day);
      g_autofree char *title = docket_due_reminder_dup_title (d);

      docket_cli_table_add_row (table, day, title, d->candidate->item->content, NULL);
      add_json_reminder (builder, d);
    }
  json_builder_end_array (builder);
  if (!dry_run)
    {
      json_builder_set_member_name (builder, "claimed");
      json_builder_add_int_value (builder, claimed);
      json_builder_set_member_name (builder, "notified");
      json_builder_add_int_value (builder, notified);
    }
  json_builder_end_object (builder);

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      docket_cli_print_json (root);
      return;
    }
  if (due->len == 0)
    g_print ("%s\n", _("No reminders are due now."));
  else
    {
      g_autofree char *text = docket_cli_table_render (table, docket_cli_terminal_width ());
      g_print ("%s", text);
    }
  if (!dry_run)
    {
      /* Translators: how many reminders this run claimed (recorded as sent) */
      g_print (_("Reminders sent: %u"), claimed);
      g_print ("\n");
      g_print (_("Notifications shown: %u"), notified);
      g_print ("\n");
      if (claimed > 0 && notified == 0)
        g_print ("%s\n", _("No notification server answered: the reminders wait in Docket’s "
                           "list of reminders."));
    }
}

static int
run_remind (DocketCliContext *ctx,
            int               argc,
            char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *now_text = NULL;
  g_auto(GStrv) unit_texts = NULL;
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (DocketId));
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("List what is due without sending or recording anything"), NULL },
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text,
      N_("Act as if it were this time (dd/mm/yyyy HH:MM, or ISO 8601)"), N_("DATETIME") },
    { "unit", 'u', 0, G_OPTION_ARG_STRING_ARRAY, &unit_texts,
      N_("Only reminders for this unit (an id; 0 is the secretariat); may be repeated"),
      N_("ID") },
    { NULL }
  };
  g_autoptr(DocketCalendar) calendar = NULL;
  g_autoptr(DocketReminderPolicy) policy = NULL;
  g_autoptr(DocketClock) clock = docket_system_clock_new ();
  g_autoptr(DocketNotifier) notifier = docket_libnotify_notifier_new (PACKAGE_NAME);
  g_autoptr(DocketReminderService) service = NULL;
  g_autoptr(GPtrArray) due = NULL;
  DocketReminderSettings settings;
  DocketStore *store;
  gint64 now;
  guint claimed = 0, notified = 0;
  int status;

  if ((status = docket_cli_parse_options (&remind_commands[0], entries, &argc, &argv)) >= 0)
    return status;
  if (argc > 1)
    return docket_cli_usage_error (_("“%s” takes no arguments."), "remind");
  now = docket_clock_now (clock);
  if (now_text != NULL && !parse_now (now_text, &now))
    return docket_cli_usage_error (_("“%s” is not a date and time. Write it as 17/03/2026 08:00."),
                                   now_text);
  for (guint i = 0; unit_texts != NULL && unit_texts[i] != NULL; i++)
    {
      gint64 id;

      if (!g_ascii_string_to_signed (unit_texts[i], 10, 0, G_MAXINT64, &id, NULL))
        return docket_cli_usage_error (_("“%s” is not a unit id."), unit_texts[i]);
      g_array_append_val (units, id);
    }

  /* The file's official holiday schedules, so Tết and swapped days are as entered. */
  if ((store = docket_cli_get_store (ctx, &error)) == NULL ||
      (calendar = docket_store_load_calendar (store, &error)) == NULL ||
      !docket_reminder_settings_load (&settings, store, &error))
    return docket_cli_fail (error);
  policy = docket_reminder_policy_new (&settings, calendar, NULL);
  service = docket_reminder_service_new (store, policy, clock, notifier);
  docket_reminder_service_set_sender (service, "docketctl");
  docket_reminder_service_set_my_units (service, (DocketId *) (gpointer) units->data, units->len);

  if ((due = docket_reminder_service_list_due (service, now, &error)) == NULL)
    return docket_cli_fail (error);
  if (!dry_run &&
      !docket_reminder_service_run_due (service, now, &claimed, &notified, &error))
    return docket_cli_fail (error);
  print_due (ctx, due, claimed, notified, dry_run);
  return DOCKET_CLI_EXIT_OK;
}

static const DocketCliCommand remind_commands[] = {
  { "remind", NULL, NULL,
    N_("Send the reminders due now (for cron or a systemd timer), or list them"),
    "  docketctl remind\n  docketctl remind --dry-run --now \"17/03/2026 08:00\"\n",
    run_remind },
};

const DocketCliCommand *
docket_cli_remind_commands (guint *n_commands)
{
  *n_commands = G_N_ELEMENTS (remind_commands);
  return remind_commands;
}
