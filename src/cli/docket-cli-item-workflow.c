/* docket-cli-item-workflow.c: docketctl's commands for the workflow of an item
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * progress, report-done, confirm, return, extend, approve-extension,
 * reject-extension, cancel, reopen and star; the command table is in
 * docket-cli-items.c.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "docket-cli-items-private.h"
#include "docket-cli-json.h"
#include "docket-cli-output.h"
#include "docket-cli-resolve.h"
#include "docket-store-items.h"

/* Evidence files named on the command line, read whole. */
typedef struct
{
  GArray    *files;   /* DocketEvidenceFile */
  GPtrArray *names;   /* owned strings the files point into */
} Evidence;

static void
evidence_clear (Evidence *evidence)
{
  if (evidence->files != NULL)
    for (guint i = 0; i < evidence->files->len; i++)
      g_bytes_unref (g_array_index (evidence->files, DocketEvidenceFile, i).content);
  g_clear_pointer (&evidence->files, g_array_unref);
  g_clear_pointer (&evidence->names, g_ptr_array_unref);
}

static gboolean
evidence_load (Evidence    *evidence,
               char       **paths,
               GError     **error)
{
  evidence->files = g_array_new (FALSE, TRUE, sizeof (DocketEvidenceFile));
  evidence->names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autofree char *contents = NULL;
      g_autofree char *content_type = NULL;
      gsize length = 0;
      DocketEvidenceFile file = { 0 };
      char *base = g_path_get_basename (paths[i]);
      char *mime;

      g_ptr_array_add (evidence->names, base);
      if (!g_file_get_contents (paths[i], &contents, &length, error))
        return FALSE;
      content_type = g_content_type_guess (base, (const guchar *) contents, length, NULL);
      mime = g_content_type_get_mime_type (content_type);
      if (mime != NULL)
        g_ptr_array_add (evidence->names, mime);
      file.file_name = base;
      file.mime_type = mime;
      file.content = g_bytes_new_take (g_steal_pointer (&contents), length);
      g_array_append_val (evidence->files, file);
    }
  return TRUE;
}

static const DocketEvidenceFile *
evidence_files (Evidence *evidence)
{
  return evidence->files->len > 0 ? &g_array_index (evidence->files, DocketEvidenceFile, 0) : NULL;
}

/* The workflow.  Each command takes the item's number first; the day of the event
 * defaults to today. */

typedef struct
{
  char  *date;
  char  *note;
  int    percent;
  char **evidence;
  char  *document;
  char  *reason;
} WorkflowOptions;

static void
workflow_options_clear (WorkflowOptions *o)
{
  g_free (o->date);
  g_free (o->note);
  g_strfreev (o->evidence);
  g_free (o->document);
  g_free (o->reason);
}

int
run_item_progress (DocketCliContext *ctx,
                   int               argc,
                   char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  WorkflowOptions o = { .percent = -1 };
  Evidence evidence = { 0 };
  ItemEnv env = { 0 };
  GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &o.date, N_("The day of the report (default: today)"), N_("DATE") },
    { "percent", 'p', 0, G_OPTION_ARG_INT, &o.percent, N_("How far the work is, 0 to 100"), N_("PERCENT") },
    { "evidence", 'e', 0, G_OPTION_ARG_FILENAME_ARRAY, &o.evidence, N_("Attach a file as evidence; repeat for several"), N_("FILE") },
    { NULL }
  };
  DocketDate day;
  DocketId id, progress_id;
  int status;

  if ((status = docket_cli_parse_options (&docket_cli_item_command_table[CMD_PROGRESS], entries, &argc, &argv)) >= 0)
    goto out;
  if (argc != 3)
    {
      status = docket_cli_usage_error (_("Give the item's number and the progress report in quotes "
                                         "(or “-” to read it from standard input)."));
      goto out;
    }
  if ((id = docket_cli_item_parse_number (argv[1], NUMBER_ITEM, &error)) == 0 ||
      !docket_cli_item_parse_optional_date (o.date, docket_date_today (NULL), &day, &error) ||
      (text = docket_cli_read_text_argument (argv[2], &error)) == NULL ||
      !evidence_load (&evidence, o.evidence, &error) ||
      !docket_cli_item_env_init (&env, ctx, NULL, &error) ||
      (progress_id = docket_store_add_progress (env.store, id, day, text, o.percent,
                                                evidence_files (&evidence), evidence.files->len,
                                                &error)) == 0)
    {
      status = docket_cli_fail (error);
      goto out;
    }
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      docket_cli_json_add_id (builder, "id", progress_id);
      docket_cli_json_add_id (builder, "item_id", id);
      docket_cli_json_add_date (builder, "reported_on", day);
      json_builder_set_member_name (builder, "percent");
      if (o.percent >= 0)
        json_builder_add_int_value (builder, o.percent);
      else
        json_builder_add_null_value (builder);
      docket_cli_json_add_string (builder, "text", text);
      docket_cli_json_add_int (builder, "evidence_files", evidence.files->len);
      json_builder_end_object (builder);
      docket_cli_json_print (builder);
    }
  else
    g_print ("%" G_GINT64_FORMAT "\n", progress_id);
  status = DOCKET_CLI_EXIT_OK;
out:
  workflow_options_clear (&o);
  evidence_clear (&evidence);
  docket_cli_item_env_clear (&env);
  return status;
}

int
run_item_report_done (DocketCliContext *ctx,
                      int               argc,
                      char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  WorkflowOptions o = { 0 };
  Evidence evidence = { 0 };
  ItemEnv env = { 0 };
  GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &o.date, N_("The day the work was completed (default: today)"), N_("DATE") },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &o.note, N_("A note for the secretariat (“-”: standard input)"), N_("TEXT") },
    { "evidence", 'e', 0, G_OPTION_ARG_FILENAME_ARRAY, &o.evidence, N_("Attach a file as evidence; repeat for several"), N_("FILE") },
    { NULL }
  };
  DocketDate day;
  DocketId id;
  int status;

  if ((status = docket_cli_parse_options (&docket_cli_item_command_table[CMD_REPORT_DONE], entries, &argc, &argv)) >= 0)
    goto out;
  if (argc != 2)
    {
      status = docket_cli_usage_error (_("Name the item reported done by its number."));
      goto out;
    }
  if ((id = docket_cli_item_parse_number (argv[1], NUMBER_ITEM, &error)) == 0 ||
      !docket_cli_item_parse_optional_date (o.date, docket_date_today (NULL), &day, &error) ||
      (o.note != NULL && (note = docket_cli_read_text_argument (o.note, &error)) == NULL) ||
      !evidence_load (&evidence, o.evidence, &error) ||
      !docket_cli_item_env_init (&env, ctx, NULL, &error) ||
      !docket_store_report_item_done (env.store, id, day, note, evidence_files (&evidence),
                                      evidence.files->len, &error))
    {
      status = docket_cli_fail (error);
      goto out;
    }
  status = docket_cli_print_item_brief (ctx, &env, id);
out:
  workflow_options_clear (&o);
  evidence_clear (&evidence);
  docket_cli_item_env_clear (&env);
  return status;
}

/* confirm, return, cancel, reopen and star: the item's number, maybe a reason. */
static int
run_simple (DocketCliContext *ctx,
            guint             command,
            int               argc,
            char            **argv)
{
  g_autoptr(GError) error = NULL;
  ItemEnv env = { 0 };
  gboolean off = FALSE;
  GOptionEntry star_entries[] = {
    { "off", 0, 0, G_OPTION_ARG_NONE, &off, N_("Take the star off"), NULL },
    { NULL }
  };
  gboolean needs_reason = command == CMD_RETURN || command == CMD_CANCEL || command == CMD_REOPEN;
  DocketId id;
  gboolean ok = FALSE;
  int status;

  if ((status = docket_cli_parse_options (&docket_cli_item_command_table[command],
                                          command == CMD_STAR ? star_entries : NULL,
                                          &argc, &argv)) >= 0)
    return status;
  if (argc != (needs_reason ? 3 : 2))
    return docket_cli_usage_error (needs_reason ? _("Give the item's number and the reason, in quotes.")
                                                : _("Name the item by its number."));
  if ((id = docket_cli_item_parse_number (argv[1], NUMBER_ITEM, &error)) == 0 || !docket_cli_item_env_init (&env, ctx, NULL, &error))
    {
      docket_cli_item_env_clear (&env);
      return docket_cli_fail (error);
    }
  switch (command)
    {
    case CMD_CONFIRM:
      ok = docket_store_confirm_item (env.store, id, &error);
      break;
    case CMD_RETURN:
      ok = docket_store_return_item (env.store, id, argv[2], &error);
      break;
    case CMD_CANCEL:
      ok = docket_store_cancel_item (env.store, id, argv[2], &error);
      break;
    case CMD_REOPEN:
      ok = docket_store_reopen_item (env.store, id, argv[2], &error);
      break;
    case CMD_STAR:
      ok = docket_store_set_item_starred (env.store, id, !off, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  status = ok ? docket_cli_print_item_brief (ctx, &env, id) : docket_cli_fail (error);
  docket_cli_item_env_clear (&env);
  return status;
}

int
run_item_confirm (DocketCliContext *ctx, int argc, char **argv)
{
  return run_simple (ctx, CMD_CONFIRM, argc, argv);
}

int
run_item_return (DocketCliContext *ctx, int argc, char **argv)
{
  return run_simple (ctx, CMD_RETURN, argc, argv);
}

int
run_item_cancel (DocketCliContext *ctx, int argc, char **argv)
{
  return run_simple (ctx, CMD_CANCEL, argc, argv);
}

int
run_item_reopen (DocketCliContext *ctx, int argc, char **argv)
{
  return run_simple (ctx, CMD_REOPEN, argc, argv);
}

int
run_item_star (DocketCliContext *ctx, int argc, char **argv)
{
  return run_simple (ctx, CMD_STAR, argc, argv);
}

static int
print_extension (DocketCliContext *ctx,
                 DocketId          extension_id,
                 DocketId          item_id,
                 const char       *state)
{
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      docket_cli_json_add_id (builder, "id", extension_id);
      docket_cli_json_add_id (builder, "item_id", item_id);
      docket_cli_json_add_string (builder, "state", state);
      json_builder_end_object (builder);
      docket_cli_json_print (builder);
    }
  else
    g_print ("%" G_GINT64_FORMAT "\t%s\n", extension_id, state);
  return DOCKET_CLI_EXIT_OK;
}

int
run_item_extend (DocketCliContext *ctx,
                 int               argc,
                 char            **argv)
{
  g_autoptr(GError) error = NULL;
  WorkflowOptions o = { 0 };
  GOptionEntry entries[] = {
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &o.reason, N_("Why more time is needed (required)"), N_("TEXT") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &o.date, N_("The day of the request (default: today)"), N_("DATE") },
    { NULL }
  };
  DocketStore *store;
  DocketDate day, until;
  DocketId id, extension_id;
  int status;

  if ((status = docket_cli_parse_options (&docket_cli_item_command_table[CMD_EXTEND], entries, &argc, &argv)) >= 0)
    goto out;
  if (argc != 3 || o.reason == NULL)
    {
      status = docket_cli_usage_error (_("Give the item's number, the new deadline and --reason."));
      goto out;
    }
  if ((id = docket_cli_item_parse_number (argv[1], NUMBER_ITEM, &error)) == 0 ||
      !docket_cli_parse_date (argv[2], &until, &error) ||
      !docket_cli_item_parse_optional_date (o.date, docket_date_today (NULL), &day, &error) ||
      (store = docket_cli_get_store (ctx, &error)) == NULL ||
      (extension_id = docket_store_request_extension (store, id, day, until, o.reason, &error)) == 0)
    {
      status = docket_cli_fail (error);
      goto out;
    }
  status = print_extension (ctx, extension_id, id, "pending");
out:
  workflow_options_clear (&o);
  return status;
}

static int
decide_extension (DocketCliContext *ctx,
                  guint             command,
                  int               argc,
                  char            **argv)
{
  g_autoptr(GError) error = NULL;
  WorkflowOptions o = { 0 };
  GOptionEntry approve_entries[] = {
    { "document", 0, 0, G_OPTION_ARG_STRING, &o.document, N_("The number of the approving document"), N_("TEXT") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &o.date, N_("The day of the decision (default: today)"), N_("DATE") },
    { NULL }
  };
  GOptionEntry reject_entries[] = {
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &o.reason, N_("Why it was refused"), N_("TEXT") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &o.date, N_("The day of the decision (default: today)"), N_("DATE") },
    { NULL }
  };
  gboolean approve = command == CMD_APPROVE_EXTENSION;
  DocketStore *store;
  DocketDate day;
  DocketId id;
  int status;

  if ((status = docket_cli_parse_options (&docket_cli_item_command_table[command],
                                          approve ? approve_entries : reject_entries,
                                          &argc, &argv)) >= 0)
    goto out;
  if (argc != 2)
    {
      status = docket_cli_usage_error (_("Name the extension by the number “item extend” printed."));
      goto out;
    }
  if ((id = docket_cli_item_parse_number (argv[1], NUMBER_EXTENSION, &error)) == 0 ||
      !docket_cli_item_parse_optional_date (o.date, docket_date_today (NULL), &day, &error) ||
      (store = docket_cli_get_store (ctx, &error)) == NULL ||
      !(approve ? docket_store_approve_extension (store, id, day, o.document, &error)
                : docket_store_reject_extension (store, id, day, o.reason, &error)))
    {
      status = docket_cli_fail (error);
      goto out;
    }
  status = print_extension (ctx, id, 0, approve ? "approved" : "rejected");
out:
  workflow_options_clear (&o);
  return status;
}

int
run_item_approve_extension (DocketCliContext *ctx, int argc, char **argv)
{
  return decide_extension (ctx, CMD_APPROVE_EXTENSION, argc, argv);
}

int
run_item_reject_extension (DocketCliContext *ctx, int argc, char **argv)
{
  return decide_extension (ctx, CMD_REJECT_EXTENSION, argc, argv);
}
