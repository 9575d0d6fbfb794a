/* docket-cli-items.c: directive item commands
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docketctl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "docket-cli-commands.h"
#include "docket-cli-items-private.h"
#include "docket-cli-json.h"
#include "docket-cli-output.h"
#include "docket-cli-resolve.h"
#include "docket-store-calendar.h"
#include "docket-store-items.h"
#include "docket-store-meetings.h"
#include "docket-store-units.h"

/* The stable words of docketctl's options and JSON, in the order of the enums. */
static const char *view_words[] = {
  "all", "overdue", "due-soon", "in-progress", "awaiting", "completed", "no-deadline",
  "cancelled", "starred",
};
G_STATIC_ASSERT (G_N_ELEMENTS (view_words) == DOCKET_ITEM_N_VIEWS);

static const char *sort_words[] = {
  "deadline", "lead-unit", "meeting-date", "status", "created", "content",
};
G_STATIC_ASSERT (G_N_ELEMENTS (sort_words) == DOCKET_ITEM_N_SORTS);

static const char *bucket_words[] = {
  "completed-on-time", "completed-late", "in-progress", "overdue", "no-deadline",
  "completed-no-deadline", "cancelled",
};
G_STATIC_ASSERT (G_N_ELEMENTS (bucket_words) == DOCKET_BUCKET_CANCELLED + 1);

static const char *timeline_words[] = {
  "created", "edited", "progress", "reported-done", "confirmed", "returned",
  "extension-requested", "extension-approved", "extension-rejected", "cancelled",
  "reopened", "starred", "unstarred",
};
G_STATIC_ASSERT (G_N_ELEMENTS (timeline_words) == DOCKET_TIMELINE_UNSTARRED + 1);

static const char *timeline_labels[] = {
  N_("Recorded"), N_("Changed"), N_("Progress reported"), N_("Reported done"), N_("Confirmed"),
  N_("Returned for more work"), N_("Extension asked for"), N_("Extension approved"),
  N_("Extension refused"), N_("Cancelled"), N_("Reopened"), N_("Starred"), N_("Star taken off"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (timeline_labels) == DOCKET_TIMELINE_UNSTARRED + 1);

static const char *extension_words[] = { "pending", "approved", "rejected" };

void
docket_cli_item_env_clear (ItemEnv *env)
{
  g_clear_pointer (&env->calendar, docket_calendar_unref);
}

gboolean
docket_cli_item_env_init (ItemEnv          *env,
                          DocketCliContext *ctx,
                          const char       *today,
                          GError          **error)
{
  if (today != NULL)
    {
      if (!docket_cli_parse_date (today, &env->today, error))
        return FALSE;
    }
  else
    env->today = docket_date_today (NULL);
  if ((env->store = docket_cli_get_store (ctx, error)) == NULL ||
      (env->calendar = docket_store_load_calendar (env->store, error)) == NULL)
    return FALSE;
  return TRUE;
}

static gboolean
parse_word (const char  *text,
            const char **words,
            guint        n_words,
            int         *out_value,
            const char  *what,
            GError     **error)
{
  g_autoptr(GString) choices = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    if (g_ascii_strcasecmp (text, words[i]) == 0)
      {
        *out_value = i;
        return TRUE;
      }
  for (guint i = 0; i < n_words; i++)
    g_string_append_printf (choices, "%s%s", i ? ", " : "", words[i]);
  g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
               /* Translators: “late” is not a status. Use one of: all, overdue, … */
               _("“%s” is not a %s. Use one of: %s."), text, what, choices->str);
  return FALSE;
}

DocketId
docket_cli_item_parse_number (const char *text,
                              NumberKind  kind,
                              GError    **error)
{
  DocketId id = 0;

  if (docket_cli_parse_id (text, &id))
    return id;
  switch (kind)
    {
    case NUMBER_ITEM:
      g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                   _("“%s” is not an item number. “docketctl item list” shows the numbers."), text);
      break;
    case NUMBER_MEETING:
      g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                   _("“%s” is not a meeting number. “docketctl meeting list” shows the numbers."),
                   text);
      break;
    case NUMBER_CONCLUSION:
      g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                   _("“%s” is not a conclusion number. “docketctl meeting show” lists them."), text);
      break;
    case NUMBER_EXTENSION:
    default:
      g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                   _("“%s” is not an extension number. “docketctl item show” lists the "
                     "extensions of an item."), text);
      break;
    }
  return 0;
}

gboolean
docket_cli_item_parse_optional_date (const char *text,
                                     DocketDate  fallback,
                                     DocketDate *out_date,
                                     GError    **error)
{
  if (text == NULL)
    {
      *out_date = fallback;
      return TRUE;
    }
  return docket_cli_parse_date (text, out_date, error);
}

/* A text argument, or standard input when it is “-”: one argument cannot carry more
 * than 128 KiB on Linux, and a long report is easier to write in a file. */
char *
docket_cli_read_text_argument (const char *text,
                               GError    **error)
{
  g_autoptr(GString) input = NULL;
  char buffer[8192];
  size_t n;

  if (g_strcmp0 (text, "-") != 0)
    return g_strdup (text);
  input = g_string_new (NULL);
  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_string_append_len (input, buffer, (gssize) n);
  if (ferror (stdin))
    {
      g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_FAILED,
                   _("The text could not be read from standard input."));
      return NULL;
    }
  if (!g_utf8_validate (input->str, (gssize) input->len, NULL))
    {
      g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                   _("The text on standard input is not valid UTF-8. Check its character "
                     "encoding."));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&input), FALSE);
}

/* Showing an item. */

static char *
unit_name (DocketStore *store,
           DocketId     unit_id)
{
  g_autoptr(DocketUnit) unit = unit_id ? docket_store_get_unit (store, unit_id, NULL) : NULL;

  return g_strdup (unit ? unit->name : "");
}

/* Days to the deadline in force, negative when past it; FALSE when that means nothing
 * (no deadline, completed, cancelled). */
static gboolean
days_left (const DocketItem *item,
           DocketDate        today,
           int              *out_days)
{
  DocketBucket bucket = docket_item_bucket (item, today);

  if (bucket != DOCKET_BUCKET_IN_PROGRESS && bucket != DOCKET_BUCKET_OVERDUE)
    return FALSE;
  *out_days = (int) ((gint64) item->deadline - (gint64) today);
  return TRUE;
}

static char *
format_days_left (const DocketItem *item,
                  DocketDate        today)
{
  int days;

  if (!days_left (item, today, &days))
    return g_strdup ("");
  if (days == 0)
    return g_strdup (_("due today"));
  if (days > 0)
    return g_strdup_printf (ngettext ("%d day left", "%d days left", days), days);
  return g_strdup_printf (ngettext ("%d day overdue", "%d days overdue", -days), -days);
}

static char *
format_status (const DocketItem *item,
               const ItemEnv    *env)
{
  GString *text = g_string_new (docket_bucket_get_label (docket_item_bucket (item, env->today)));

  if (docket_item_is_awaiting_confirmation (item))
    g_string_append_printf (text, " · %s",
                            docket_status_flag_get_label (DOCKET_STATUS_FLAG_AWAITING_CONFIRMATION));
  else if (docket_item_is_due_soon (item, env->today, env->calendar, DOCKET_DUE_SOON_WORKING_DAYS))
    g_string_append_printf (text, " · %s", docket_status_flag_get_label (DOCKET_STATUS_FLAG_DUE_SOON));
  if (item->starred)
    g_string_append (text, " ★");
  return g_string_free (text, FALSE);
}

static void
build_item_json (JsonBuilder      *builder,
                 const DocketItem *item,
                 const char       *lead_unit,
                 const char       *meeting_title,
                 DocketDate        meeting_date,
                 const ItemEnv    *env)
{
  int days;

  docket_cli_json_add_id (builder, "id", item->id);
  docket_cli_json_add_id (builder, "meeting_id", item->meeting_id);
  docket_cli_json_add_string (builder, "meeting_title", meeting_title);
  docket_cli_json_add_date (builder, "meeting_date", meeting_date);
  docket_cli_json_add_id (builder, "conclusion_id", item->conclusion_id);
  docket_cli_json_add_string (builder, "content", item->content);
  docket_cli_json_add_id (builder, "lead_unit_id", item->lead_unit_id);
  docket_cli_json_add_string (builder, "lead_unit", lead_unit);
  json_builder_set_member_name (builder, "coordinating_unit_ids");
  json_builder_begin_array (builder);
  for (guint i = 0; i < item->n_coordinating; i++)
    json_builder_add_int_value (builder, item->coordinating_unit_ids[i]);
  json_builder_end_array (builder);
  docket_cli_json_add_date (builder, "deadline", item->deadline);
  docket_cli_json_add_date (builder, "original_deadline", item->original_deadline);
  docket_cli_json_add_id (builder, "deadline_working_days", item->deadline_working_days);
  docket_cli_json_add_date (builder, "assigned_on", item->assigned_on);
  docket_cli_json_add_string (builder, "state", docket_item_state_to_word (item->state));
  docket_cli_json_add_string (builder, "status",
                              bucket_words[docket_item_bucket (item, env->today)]);
  docket_cli_json_add_bool (builder, "due_soon",
                            docket_item_is_due_soon (item, env->today, env->calendar,
                                                     DOCKET_DUE_SOON_WORKING_DAYS));
  docket_cli_json_add_bool (builder, "awaiting_confirmation",
                            docket_item_is_awaiting_confirmation (item));
  json_builder_set_member_name (builder, "days_left");
  if (days_left (item, env->today, &days))
    json_builder_add_int_value (builder, days);
  else
    json_builder_add_null_value (builder);
  docket_cli_json_add_date (builder, "completed_on", item->completed_on);
  docket_cli_json_add_date (builder, "last_progress_on", item->last_progress_on);
  docket_cli_json_add_bool (builder, "starred", item->starred);
  docket_cli_json_add_date (builder, "today", env->today);
}

/* After a change: the item as it now is, in one line or as JSON. */
int
docket_cli_print_item_brief (DocketCliContext *ctx,
                             const ItemEnv    *env,
                             DocketId          item_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketItem) item = docket_store_get_item (env->store, item_id, &error);
  g_autoptr(DocketMeeting) meeting = NULL;
  g_autofree char *lead = NULL;

  if (item == NULL)
    return docket_cli_fail (error);
  lead = unit_name (env->store, item->lead_unit_id);
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      meeting = docket_store_get_meeting (env->store, item->meeting_id, NULL);
      json_builder_begin_object (builder);
      build_item_json (builder, item, lead, meeting ? meeting->title : NULL,
                       meeting ? meeting->date : DOCKET_DATE_NONE, env);
      json_builder_end_object (builder);
      docket_cli_json_print (builder);
    }
  else
    {
      g_autofree char *status = format_status (item, env);
      g_autofree char *deadline = docket_date_format_display (item->deadline);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", item->id, status, deadline ? deadline : "", lead);
    }
  return DOCKET_CLI_EXIT_OK;
}

/* Adding and editing. */

typedef struct
{
  char  *lead;
  char **coordinate;
  char  *deadline;
  int    working_days;
  char  *conclusion;
  char  *assigned;
  char  *today;
} ItemOptions;

static void
item_options_clear (ItemOptions *o)
{
  g_free (o->lead);
  g_strfreev (o->coordinate);
  g_free (o->deadline);
  g_free (o->conclusion);
  g_free (o->assigned);
  g_free (o->today);
}

#define ITEM_OPTION_ENTRIES(o) \
    { "lead", 'l', 0, G_OPTION_ARG_STRING, &(o).lead, N_("The lead unit (by number or name)"), N_("UNIT") }, \
    { "coordinate", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &(o).coordinate, N_("A coordinating unit; repeat for several"), N_("UNIT") }, \
    { "deadline", 'd', 0, G_OPTION_ARG_STRING, &(o).deadline, N_("The deadline, dd/mm/yyyy"), N_("DATE") }, \
    { "working-days", 'w', 0, G_OPTION_ARG_INT, &(o).working_days, N_("The deadline as N working days after the notice"), "N" }, \
    { "conclusion", 0, 0, G_OPTION_ARG_STRING, &(o).conclusion, N_("The conclusion the item carries out"), N_("CONCLUSION") }, \
    { "assigned", 0, 0, G_OPTION_ARG_STRING, &(o).assigned, N_("The day it was assigned (default: the meeting's day)"), N_("DATE") }, \
    { "today", 0, 0, G_OPTION_ARG_STRING, &(o).today, N_("Take statuses on this day instead of today"), N_("DATE") }

/* Dates are read before the database is opened, so a mistyped one fails without
 * touching the file. */
static gboolean
check_item_dates (const ItemOptions *o,
                  GError           **error)
{
  DocketDate scratch;

  return (o->deadline == NULL || docket_cli_parse_date (o->deadline, &scratch, error)) &&
         (o->assigned == NULL || docket_cli_parse_date (o->assigned, &scratch, error));
}

static gboolean
apply_item_options (DocketStore       *store,
                    const ItemOptions *o,
                    DocketItem        *item,
                    GError           **error)
{
  if (o->deadline != NULL && o->working_days != 0)
    {
      g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                   _("Give the deadline either as a date or as working days, not both."));
      return FALSE;
    }
  if (o->deadline != NULL)
    {
      if (!docket_cli_parse_date (o->deadline, &item->deadline, error))
        return FALSE;
      item->deadline_working_days = 0;
    }
  if (o->working_days != 0)
    {
      item->deadline_working_days = o->working_days;
      /* The store refuses a number out of range with its own message. */
      if (o->working_days < 0)
        item->deadline_working_days = -1;
    }
  if (o->assigned != NULL && !docket_cli_parse_date (o->assigned, &item->assigned_on, error))
    return FALSE;
  if (o->conclusion != NULL &&
      (item->conclusion_id = docket_cli_item_parse_number (o->conclusion, NUMBER_CONCLUSION, error)) == 0)
    return FALSE;
  if (o->lead != NULL && (item->lead_unit_id = docket_cli_resolve_unit (store, o->lead, error)) == 0)
    return FALSE;
  if (o->coordinate != NULL)
    {
      guint n = g_strv_length (o->coordinate);
      g_autofree DocketId *ids = g_new0 (DocketId, n);

      for (guint i = 0; i < n; i++)
        if ((ids[i] = docket_cli_resolve_unit (store, o->coordinate[i], error)) == 0)
          return FALSE;
      docket_item_set_coordinating_units (item, ids, n);
    }
  return TRUE;
}

static int
run_item_add (DocketCliContext *ctx,
              int               argc,
              char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketItem) item = docket_item_new ();
  ItemOptions o = { 0 };
  ItemEnv env = { 0 };
  gboolean star = FALSE;
  GOptionEntry entries[] = {
    ITEM_OPTION_ENTRIES (o),
    { "star", 's', 0, G_OPTION_ARG_NONE, &star, N_("Mark the item with a priority star"), NULL },
    { NULL }
  };
  int status;

  if ((status = docket_cli_parse_options (&docket_cli_item_command_table[CMD_ADD], entries, &argc, &argv)) >= 0)
    goto out;
  if (argc != 3 || o.lead == NULL)
    {
      status = docket_cli_usage_error (_("Give the meeting's number, the item's content in quotes "
                                         "(or “-” to read it from standard input) and --lead UNIT."));
      goto out;
    }
  item->starred = star;
  if ((item->meeting_id = docket_cli_item_parse_number (argv[1], NUMBER_MEETING, &error)) == 0 ||
      (item->content = docket_cli_read_text_argument (argv[2], &error)) == NULL ||
      !check_item_dates (&o, &error) ||
      !docket_cli_item_env_init (&env, ctx, o.today, &error) ||
      !apply_item_options (env.store, &o, item, &error) ||
      (item->id = docket_store_add_item (env.store, item, &error)) == 0)
    {
      status = docket_cli_fail (error);
      goto out;
    }
  status = docket_cli_print_item_brief (ctx, &env, item->id);
out:
  item_options_clear (&o);
  docket_cli_item_env_clear (&env);
  return status;
}

static int
run_item_edit (DocketCliContext *ctx,
               int               argc,
               char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketItem) item = NULL;
  g_autofree char *content = NULL;
  g_autofree char *meeting = NULL;
  ItemOptions o = { 0 };
  ItemEnv env = { 0 };
  gboolean no_deadline = FALSE, no_coordinating = FALSE, no_conclusion = FALSE;
  GOptionEntry entries[] = {
    ITEM_OPTION_ENTRIES (o),
    { "content", 't', 0, G_OPTION_ARG_STRING, &content, N_("The new content (“-”: standard input)"), N_("TEXT") },
    { "meeting", 'm', 0, G_OPTION_ARG_STRING, &meeting, N_("Move the item to another meeting"), N_("MEETING") },
    { "no-deadline", 0, 0, G_OPTION_ARG_NONE, &no_deadline, N_("Make the item ongoing, without a deadline"), NULL },
    { "no-coordinating", 0, 0, G_OPTION_ARG_NONE, &no_coordinating, N_("Remove every coordinating unit"), NULL },
    { "no-conclusion", 0, 0, G_OPTION_ARG_NONE, &no_conclusion, N_("Detach the item from its conclusion"), NULL },
    { NULL }
  };
  DocketId id;
  int status;

  if ((status = docket_cli_parse_options (&docket_cli_item_command_table[CMD_EDIT], entries, &argc, &argv)) >= 0)
    goto out;
  if (argc != 2)
    {
      status = docket_cli_usage_error (_("Name the item to change by its number."));
      goto out;
    }
  if (no_deadline && (o.deadline != NULL || o.working_days != 0))
    {
      status = docket_cli_usage_error (_("--no-deadline cannot go with a deadline."));
      goto out;
    }
  if ((id = docket_cli_item_parse_number (argv[1], NUMBER_ITEM, &error)) == 0 ||
      !check_item_dates (&o, &error) ||
      !docket_cli_item_env_init (&env, ctx, o.today, &error) ||
      (item = docket_store_get_item (env.store, id, &error)) == NULL)
    {
      status = docket_cli_fail (error);
      goto out;
    }
  if (no_deadline)
    {
      item->deadline = DOCKET_DATE_NONE;
      item->deadline_working_days = 0;
    }
  if (no_coordinating)
    docket_item_set_coordinating_units (item, NULL, 0);
  if (no_conclusion)
    item->conclusion_id = 0;
  if (content != NULL)
    {
      g_free (item->content);
      if ((item->content = docket_cli_read_text_argument (content, &error)) == NULL)
        {
          status = docket_cli_fail (error);
          goto out;
        }
    }
  if ((meeting != NULL &&
       (item->meeting_id = docket_cli_item_parse_number (meeting, NUMBER_MEETING, &error)) == 0) ||
      !apply_item_options (env.store, &o, item, &error) ||
      !docket_store_update_item (env.store, item, &error))
    {
      status = docket_cli_fail (error);
      goto out;
    }
  status = docket_cli_print_item_brief (ctx, &env, item->id);
out:
  item_options_clear (&o);
  docket_cli_item_env_clear (&env);
  return status;
}

/* Listing. */

typedef struct
{
  char   **units;
  gboolean coordinating;
  char    *status;
  gboolean overdue;
  int      due_within;
  char    *meeting;
  gboolean starred;
  char    *sort;
  gboolean descending;
  int      limit;
  int      offset;
  char    *text;
  char    *today;
} ListOptions;

static void
list_options_clear (ListOptions *o)
{
  g_strfreev (o->units);
  g_free (o->status);
  g_free (o->meeting);
  g_free (o->sort);
  g_free (o->text);
  g_free (o->today);
}

/* Turns the options into a query; @unit_ids holds the ids the query points to. */
static gboolean
build_query (const ListOptions *o,
             ItemEnv           *env,
             GArray            *unit_ids,
             DocketItemQuery   *query,
             GError           **error)
{
  int value;

  docket_item_query_init (query, env->today);
  if (o->status != NULL)
    {
      if (!parse_word (o->status, view_words, G_N_ELEMENTS (view_words), &value,
                       _("status"), error))
        return FALSE;
      query->view = value;
    }
  if (o->overdue)
    query->view = DOCKET_ITEM_VIEW_OVERDUE;
  if (o->due_within >= 0)
    {
      query->view = DOCKET_ITEM_VIEW_DUE_SOON;
      query->due_soon_until = docket_store_due_soon_until (env->calendar, env->today,
                                                           (guint) o->due_within);
    }
  else if (query->view == DOCKET_ITEM_VIEW_DUE_SOON)
    query->due_soon_until = docket_store_due_soon_until (env->calendar, env->today,
                                                         DOCKET_DUE_SOON_WORKING_DAYS);
  if (o->sort != NULL)
    {
      if (!parse_word (o->sort, sort_words, G_N_ELEMENTS (sort_words), &value,
                       _("sort order"), error))
        return FALSE;
      query->sort = value;
    }
  query->descending = o->descending;
  query->starred_only = o->starred;
  query->include_coordinating = o->coordinating;
  query->text = o->text;
  if (o->meeting != NULL &&
      (query->meeting_id = docket_cli_item_parse_number (o->meeting, NUMBER_MEETING, error)) == 0)
    return FALSE;
  for (guint i = 0; o->units != NULL && o->units[i] != NULL; i++)
    {
      DocketId id = docket_cli_resolve_unit (env->store, o->units[i], error);

      if (id == 0)
        return FALSE;
      g_array_append_val (unit_ids, id);
    }
  query->unit_ids = (const DocketId *) (gpointer) unit_ids->data;
  query->n_units = unit_ids->len;
  return TRUE;
}

static int
print_item_list (DocketCliContext *ctx,
                 const ItemEnv    *env,
                 GPtrArray        *rows,
                 guint             total,
                 const ListOptions *o)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(DocketCliTable) table = docket_cli_table_new ();

  docket_cli_table_add_column (table, _("No."), DOCKET_CLI_ALIGN_RIGHT, FALSE);
  docket_cli_table_add_column (table, _("Status"), DOCKET_CLI_ALIGN_LEFT, FALSE);
  docket_cli_table_add_column (table, _("Deadline"), DOCKET_CLI_ALIGN_LEFT, FALSE);
  docket_cli_table_add_column (table, _("Days"), DOCKET_CLI_ALIGN_LEFT, FALSE);
  docket_cli_table_add_column (table, _("Lead unit"), DOCKET_CLI_ALIGN_LEFT, FALSE);
  docket_cli_table_add_column (table, _("Content"), DOCKET_CLI_ALIGN_LEFT, TRUE);

  json_builder_begin_object (builder);
  docket_cli_json_add_int (builder, "total", total);
  docket_cli_json_add_int (builder, "offset", o->offset);
  docket_cli_json_add_int (builder, "limit", o->limit);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      DocketItemRow *row = g_ptr_array_index (rows, i);
      g_autoptr(DocketItem) full = docket_store_get_item (env->store, row->item->id, NULL);
      const DocketItem *item = full ? full : row->item;
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, item->id);
      g_autofree char *status = format_status (item, env);
      g_autofree char *deadline = docket_date_format_display (item->deadline);
      g_autofree char *days = format_days_left (item, env->today);

      docket_cli_table_add_row (table, id, status, deadline ? deadline : "", days,
                                row->lead_unit_name, item->content, NULL);
      json_builder_begin_object (builder);
      build_item_json (builder, item, row->lead_unit_name, row->meeting_title,
                       row->meeting_date, env);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (ctx->json)
    docket_cli_json_print (builder);
  else if (total == 0)
    g_print ("%s\n", _("No items match."));
  else
    {
      g_autofree char *text = docket_cli_table_render (table, docket_cli_terminal_width ());

      g_print ("%s", text);
      if (o->offset + rows->len < total)
        {
          g_print (_("Items %u–%u of %u. Add --offset %u for the next ones."),
                   rows->len ? (guint) o->offset + 1 : 0, (guint) o->offset + rows->len, total,
                   (guint) o->offset + rows->len);
          g_print ("\n");
        }
    }
  return DOCKET_CLI_EXIT_OK;
}

static int
run_item_list (DocketCliContext *ctx,
               int               argc,
               char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) unit_ids = g_array_new (FALSE, FALSE, sizeof (DocketId));
  ListOptions o = { .due_within = -1, .limit = 100 };
  ItemEnv env = { 0 };
  GOptionEntry entries[] = {
    { "unit", 'u', 0, G_OPTION_ARG_STRING_ARRAY, &o.units, N_("Only the items of this lead unit; repeat for several"), N_("UNIT") },
    { "coordinating", 0, 0, G_OPTION_ARG_NONE, &o.coordinating, N_("With --unit: also items the units coordinate"), NULL },
    { "status", 's', 0, G_OPTION_ARG_STRING, &o.status, N_("all, overdue, due-soon, in-progress, awaiting, completed, no-deadline, cancelled or starred"), N_("STATUS") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &o.overdue, N_("Only overdue items (--status overdue)"), NULL },
    { "due-within", 0, 0, G_OPTION_ARG_INT, &o.due_within, N_("Only items in progress due within DAYS working days"), N_("DAYS") },
    { "meeting", 'm', 0, G_OPTION_ARG_STRING, &o.meeting, N_("Only the items of this meeting"), N_("MEETING") },
    { "starred", 0, 0, G_OPTION_ARG_NONE, &o.starred, N_("Only starred items"), NULL },
    { "text", 't', 0, G_OPTION_ARG_STRING, &o.text, N_("Only items whose content contains TEXT (diacritics ignored)"), N_("TEXT") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &o.sort, N_("deadline, lead-unit, meeting-date, status, created or content"), N_("KEY") },
    { "descending", 0, 0, G_OPTION_ARG_NONE, &o.descending, N_("Reverse the order"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &o.limit, N_("Show at most N items (default 100, 0 for all)"), "N" },
    { "offset", 0, 0, G_OPTION_ARG_INT, &o.offset, N_("Skip the first N items"), "N" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &o.today, N_("Take statuses on this day instead of today"), N_("DATE") },
    { NULL }
  };
  DocketItemQuery query;
  guint total = 0;
  int status;

  if ((status = docket_cli_parse_options (&docket_cli_item_command_table[CMD_LIST], entries, &argc, &argv)) >= 0)
    goto out;
  if (argc != 1 || o.limit < 0 || o.offset < 0 || o.due_within < -1)
    {
      status = docket_cli_usage_error (_("“item list” takes options only; --limit, --offset and "
                                         "--due-within take numbers from 0."));
      goto out;
    }
  if ((o.overdue || o.due_within >= 0) && o.status != NULL)
    {
      status = docket_cli_usage_error (_("--overdue and --due-within cannot go with --status."));
      goto out;
    }
  if (o.overdue && o.due_within >= 0)
    {
      status = docket_cli_usage_error (_("--overdue and --due-within cannot go together."));
      goto out;
    }
  if (!docket_cli_item_env_init (&env, ctx, o.today, &error) ||
      !build_query (&o, &env, unit_ids, &query, &error) ||
      !docket_store_count_items (env.store, &query, &total, &error) ||
      (rows = docket_store_list_items_at (env.store, &query, (guint) o.offset,
                                          o.limit > 0 ? (guint) o.limit : G_MAXINT,
                                          &error)) == NULL)
    {
      status = docket_cli_fail (error);
      goto out;
    }
  status = print_item_list (ctx, &env, rows, total, &o);
out:
  list_options_clear (&o);
  docket_cli_item_env_clear (&env);
  return status;
}

/* Showing one item with its history. */

static void
show_history (GString     *text,
              JsonBuilder *builder,
              GPtrArray   *progress,
              GPtrArray   *extensions,
              GPtrArray   *timeline)
{
  json_builder_set_member_name (builder, "progress");
  json_builder_begin_array (builder);
  if (progress->len > 0)
    g_string_append_printf (text, "\n%s:\n", _("Progress reports"));
  for (guint i = 0; i < progress->len; i++)
    {
      DocketProgressReport *p = g_ptr_array_index (progress, i);
      g_autofree char *day = docket_date_format_display (p->reported_on);

      if (p->percent >= 0)
        g_string_append_printf (text, "  %s  %d%%  %s\n", day, p->percent, p->text);
      else
        g_string_append_printf (text, "  %s  %s\n", day, p->text);
      json_builder_begin_object (builder);
      docket_cli_json_add_id (builder, "id", p->id);
      docket_cli_json_add_date (builder, "reported_on", p->reported_on);
      json_builder_set_member_name (builder, "percent");
      if (p->percent >= 0)
        json_builder_add_int_value (builder, p->percent);
      else
        json_builder_add_null_value (builder);
      docket_cli_json_add_string (builder, "text", p->text);
      docket_cli_json_add_string (builder, "author", p->author);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "extensions");
  json_builder_begin_array (builder);
  if (extensions->len > 0)
    g_string_append_printf (text, "\n%s:\n", _("Extensions"));
  for (guint i = 0; i < extensions->len; i++)
    {
      DocketExtension *e = g_ptr_array_index (extensions, i);
      g_autofree char *asked = docket_date_format_display (e->requested_on);
      g_autofree char *until = docket_date_format_display (e->new_deadline);

      g_string_append_printf (text, "  [%" G_GINT64_FORMAT "] %s → %s  %s  %s\n", e->id, asked,
                              until, extension_words[e->state], e->reason ? e->reason : "");
      json_builder_begin_object (builder);
      docket_cli_json_add_id (builder, "id", e->id);
      docket_cli_json_add_date (builder, "requested_on", e->requested_on);
      docket_cli_json_add_date (builder, "new_deadline", e->new_deadline);
      docket_cli_json_add_string (builder, "reason", e->reason);
      docket_cli_json_add_string (builder, "state", extension_words[e->state]);
      docket_cli_json_add_string (builder, "decision_document", e->decision_document);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "timeline");
  json_builder_begin_array (builder);
  if (timeline->len > 0)
    g_string_append_printf (text, "\n%s:\n", _("History"));
  for (guint i = 0; i < timeline->len; i++)
    {
      DocketTimelineEntry *t = g_ptr_array_index (timeline, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t->at);
      g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
      g_autofree char *at = local ? g_date_time_format (local, "%d/%m/%Y %H:%M") : g_strdup ("");

      g_string_append_printf (text, "  %s  %s  %s%s%s\n", at, _(timeline_labels[t->kind]),
                              t->actor ? t->actor : "", t->text ? "  " : "", t->text ? t->text : "");

      json_builder_begin_object (builder);
      docket_cli_json_add_string (builder, "kind", timeline_words[t->kind]);
      docket_cli_json_add_int (builder, "at", t->at);
      docket_cli_json_add_string (builder, "actor", t->actor);
      docket_cli_json_add_date (builder, "day", t->day);
      docket_cli_json_add_string (builder, "text", t->text);
      docket_cli_json_add_string (builder, "document", t->document);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static int
run_item_show (DocketCliContext *ctx,
               int               argc,
               char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketItem) item = NULL;
  g_autoptr(DocketMeeting) meeting = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  g_autoptr(GPtrArray) extensions = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) coordinating = g_string_new (NULL);
  g_autofree char *lead = NULL, *status_text = NULL, *deadline = NULL, *original = NULL;
  g_autofree char *days = NULL, *completed = NULL, *today = NULL;
  ItemEnv env = { 0 };
  GOptionEntry entries[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("Take statuses on this day instead of today"), N_("DATE") },
    { NULL }
  };
  DocketId id;
  int status;

  if ((status = docket_cli_parse_options (&docket_cli_item_command_table[CMD_SHOW], entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return docket_cli_usage_error (_("Name the item to show by its number."));
  if ((id = docket_cli_item_parse_number (argv[1], NUMBER_ITEM, &error)) == 0 ||
      !docket_cli_item_env_init (&env, ctx, today, &error) ||
      (item = docket_store_get_item (env.store, id, &error)) == NULL ||
      (progress = docket_store_list_progress (env.store, id, &error)) == NULL ||
      (extensions = docket_store_list_extensions (env.store, id, &error)) == NULL ||
      (timeline = docket_store_list_item_timeline (env.store, id, &error)) == NULL)
    {
      status = docket_cli_fail (error);
      docket_cli_item_env_clear (&env);
      return status;
    }
  meeting = docket_store_get_meeting (env.store, item->meeting_id, NULL);
  lead = unit_name (env.store, item->lead_unit_id);
  for (guint i = 0; i < item->n_coordinating; i++)
    {
      g_autofree char *name = unit_name (env.store, item->coordinating_unit_ids[i]);
      g_string_append_printf (coordinating, "%s%s", i ? ", " : "", name);
    }
  status_text = format_status (item, &env);
  deadline = item->deadline ? docket_date_format_display (item->deadline) : g_strdup (_("none (ongoing)"));
  days = format_days_left (item, env.today);
  completed = docket_date_format_display (item->completed_on);

  g_string_append_printf (text, "%" G_GINT64_FORMAT ". %s\n", item->id, item->content);
  g_string_append_printf (text, "%s: %s\n", _("Meeting"), meeting ? meeting->title : "");
  g_string_append_printf (text, "%s: %s\n", _("Lead unit"), lead);
  if (item->n_coordinating > 0)
    g_string_append_printf (text, "%s: %s\n", _("Coordinating units"), coordinating->str);
  g_string_append_printf (text, "%s: %s%s%s%s\n", _("Deadline"), deadline,
                          *days ? " (" : "", days, *days ? ")" : "");
  if (docket_item_is_extended (item))
    {
      original = docket_date_format_display (item->original_deadline);
      g_string_append_printf (text, "%s: %s\n", _("Original deadline"), original);
    }
  g_string_append_printf (text, "%s: %s\n", _("Status"), status_text);
  if (completed != NULL && *completed)
    g_string_append_printf (text, "%s: %s\n", _("Completed on"), completed);

  json_builder_begin_object (builder);
  build_item_json (builder, item, lead, meeting ? meeting->title : NULL,
                   meeting ? meeting->date : DOCKET_DATE_NONE, &env);
  show_history (text, builder, progress, extensions, timeline);
  json_builder_end_object (builder);

  if (ctx->json)
    docket_cli_json_print (builder);
  else
    g_print ("%s", text->str);
  docket_cli_item_env_clear (&env);
  return DOCKET_CLI_EXIT_OK;
}

const DocketCliCommand docket_cli_item_command_table[] = {
  [CMD_ADD] = { "item", "add", N_("MEETING CONTENT"),
    N_("Add a directive item: a lead unit, coordinating units and a deadline"),
    "  docketctl item add 3 \"Rà soát, khắc phục hạn chế do Đoàn kiểm tra chỉ ra\" \\\n"
    "      --lead \"Văn phòng\" --coordinate \"Phòng Kinh tế\" --deadline 30/09/2026 --conclusion 12\n"
    "  docketctl item add 3 - --lead 4 --working-days 10 --star < noi-dung.txt\n",
    run_item_add },
  [CMD_EDIT] = { "item", "edit", N_("ITEM"), N_("Change what was recorded about an item"),
    "  docketctl item edit 41 --deadline 15/10/2026 --coordinate \"Phòng Văn hóa - Xã hội\"\n"
    "  docketctl item edit 41 --no-deadline\n",
    run_item_edit },
  [CMD_LIST] = { "item", "list", NULL, N_("List items, by deadline, with their status"),
    "  docketctl item list --overdue\n"
    "  docketctl item list --unit \"Văn phòng\" --status in-progress --sort lead-unit\n"
    "  docketctl item list --due-within 3\n"
    "  docketctl --json item list --meeting 3 --limit 0\n",
    run_item_list },
  [CMD_SHOW] = { "item", "show", N_("ITEM"), N_("Show an item with its progress, extensions and history"),
    "  docketctl item show 41\n  docketctl --json item show 41\n", run_item_show },
  [CMD_PROGRESS] = { "item", "progress", N_("ITEM TEXT"), N_("Report progress on an item"),
    "  docketctl item progress 41 \"Đã rà soát 12/15 thủ tục\" --percent 80 --evidence bao-cao.pdf\n",
    run_item_progress },
  [CMD_REPORT_DONE] = { "item", "report-done", N_("ITEM"),
    N_("Report an item done; it then awaits the secretariat's confirmation"),
    "  docketctl item report-done 41 --date 25/09/2026 --note \"Đã ban hành kế hoạch\"\n",
    run_item_report_done },
  [CMD_CONFIRM] = { "item", "confirm", N_("ITEM"), N_("Confirm an item reported done: it counts as completed"),
    "  docketctl item confirm 41\n", run_item_confirm },
  [CMD_RETURN] = { "item", "return", N_("ITEM REASON"), N_("Return an item reported done, for more work"),
    "  docketctl item return 41 \"Thiếu danh sách thủ tục đã rà soát\"\n", run_item_return },
  [CMD_EXTEND] = { "item", "extend", N_("ITEM DEADLINE"), N_("Ask for a later deadline"),
    "  docketctl item extend 41 31/10/2026 --reason \"Chờ ý kiến của Sở\"\n", run_item_extend },
  [CMD_APPROVE_EXTENSION] = { "item", "approve-extension", N_("EXTENSION"),
    N_("Approve an extension: its date becomes the deadline in force"),
    "  docketctl item approve-extension 7 --document 112/UBND-VP\n", run_item_approve_extension },
  [CMD_REJECT_EXTENSION] = { "item", "reject-extension", N_("EXTENSION"), N_("Refuse an extension"),
    "  docketctl item reject-extension 7 --reason \"Không có căn cứ\"\n", run_item_reject_extension },
  [CMD_CANCEL] = { "item", "cancel", N_("ITEM REASON"), N_("Cancel an item: it leaves every count"),
    "  docketctl item cancel 41 \"Trùng với nhiệm vụ 38\"\n", run_item_cancel },
  [CMD_REOPEN] = { "item", "reopen", N_("ITEM REASON"), N_("Reopen a cancelled or completed item"),
    "  docketctl item reopen 41 \"Kết quả chưa đạt yêu cầu\"\n", run_item_reopen },
  [CMD_STAR] = { "item", "star", N_("ITEM"), N_("Put a priority star on an item, or take it off"),
    "  docketctl item star 41\n  docketctl item star 41 --off\n", run_item_star },
};

const DocketCliCommand *
docket_cli_item_commands (guint *n_commands)
{
  *n_commands = G_N_ELEMENTS (docket_cli_item_command_table);
  return docket_cli_item_command_table;
}
