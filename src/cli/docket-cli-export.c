/* docket-cli-export.c: the notice of conclusions, the period report and the item
 * tracker as files
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docketctl"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-cli-commands.h"
#include "docket-cli-json.h"
#include "docket-cli-resolve.h"
#include "docket-items-export.h"
#include "docket-notice-docx.h"
#include "docket-notice-layout.h"
#include "docket-report-export.h"
#include "docket-store-calendar.h"
#include "docket-store-items.h"

static const DocketCliCommand export_commands[];

enum {
  CMD_EXPORT_NOTICE,
  CMD_EXPORT_REPORT,
  CMD_EXPORT_ITEMS,
};

/* The same words as `docketctl item list`. */
static const char *view_words[] = {
  "all", "overdue", "due-soon", "in-progress", "awaiting", "completed", "no-deadline",
  "cancelled", "starred",
};
G_STATIC_ASSERT (G_N_ELEMENTS (view_words) == DOCKET_ITEM_N_VIEWS);

static const char *sort_words[] = {
  "deadline", "lead-unit", "meeting-date", "status", "created", "content",
};
G_STATIC_ASSERT (G_N_ELEMENTS (sort_words) == DOCKET_ITEM_N_SORTS);

static gboolean
parse_word (const char  *text,
            const char **words,
            guint        n_words,
            int         *out_value,
            GError     **error)
{
  g_autofree char *choices = g_strjoinv (", ", (char **) (gpointer) words);

  for (guint i = 0; i < n_words; i++)
    if (g_ascii_strcasecmp (text, words[i]) == 0)
      {
        *out_value = i;
        return TRUE;
      }
  g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
               /* Translators: “late” is not accepted. Use one of: all, overdue, … */
               _("“%s” is not accepted. Use one of: %s."), text, choices);
  return FALSE;
}

/* Exactly one of the format flags, or a usage error. */
static int
check_one_format (gboolean    first,
                  gboolean    second,
                  const char *usage)
{
  if (first == second)
    return docket_cli_usage_error ("%s", usage);
  return -1;
}

static int
print_written (DocketCliContext *ctx,
               const char       *path)
{
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      docket_cli_json_add_string (builder, "file", path);
      json_builder_end_object (builder);
      docket_cli_json_print (builder);
    }
  else
    {
      /* Translators: %s is the file just written */
      g_print (_("Wrote %s."), path);
      g_print ("\n");
    }
  return DOCKET_CLI_EXIT_OK;
}

static int
run_export_notice (DocketCliContext *ctx,
                   int               argc,
                   char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  gboolean pdf = FALSE, docx = FALSE;
  GOptionEntry entries[] = {
    { "pdf", 0, 0, G_OPTION_ARG_NONE, &pdf, N_("Write a PDF file"), NULL },
    { "docx", 0, 0, G_OPTION_ARG_NONE, &docx, N_("Write an editable Word document"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { NULL }
  };
  DocketStore *store;
  DocketId meeting_id = 0;
  int status;

  if ((status = docket_cli_parse_options (&export_commands[CMD_EXPORT_NOTICE], entries, &argc, &argv)) >= 0)
    return status;
  if ((status = check_one_format (pdf, docx, _("Choose --pdf or --docx."))) >= 0)
    return status;
  if (argc != 2 || output == NULL)
    return docket_cli_usage_error (_("Give the meeting and the file: export notice MEETING --pdf -o FILE."));
  if (!docket_cli_parse_id (argv[1], &meeting_id))
    return docket_cli_usage_error (_("“%s” is not a meeting number. “docketctl meeting list” shows the numbers."),
                                   argv[1]);
  if ((store = docket_cli_get_store (ctx, &error)) == NULL ||
      !(pdf ? docket_export_notice_pdf : docket_export_notice_docx) (store, meeting_id, output,
                                                                    NULL, NULL, NULL, &error))
    return docket_cli_fail (error);
  return print_written (ctx, output);
}

static gboolean
resolve_units (DocketStore  *store,
               char        **names,
               GArray       *ids,
               GError      **error)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      DocketId id = docket_cli_resolve_unit (store, names[i], error);

      if (id == 0)
        return FALSE;
      g_array_append_val (ids, id);
    }
  return TRUE;
}

static int
run_export_report (DocketCliContext *ctx,
                   int               argc,
                   char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) unit_ids = g_array_new (FALSE, FALSE, sizeof (DocketId));
  g_autofree char *from_text = NULL, *to_text = NULL, *today_text = NULL, *output = NULL;
  g_auto(GStrv) units = NULL;
  gboolean pdf = FALSE, xlsx = FALSE;
  GOptionEntry entries[] = {
    { "from", 'f', 0, G_OPTION_ARG_STRING, &from_text, N_("The first day of the period"), N_("DATE") },
    { "to", 't', 0, G_OPTION_ARG_STRING, &to_text, N_("The last day of the period"), N_("DATE") },
    { "unit", 'u', 0, G_OPTION_ARG_STRING_ARRAY, &units, N_("Only this lead unit; repeat for several"), N_("UNIT") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Take statuses on this day instead of today"), N_("DATE") },
    { "pdf", 0, 0, G_OPTION_ARG_NONE, &pdf, N_("Write a PDF file"), NULL },
    { "xlsx", 0, 0, G_OPTION_ARG_NONE, &xlsx, N_("Write an Excel workbook"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { NULL }
  };
  DocketReportRequest request = { 0 };
  DocketStore *store;
  int status;

  if ((status = docket_cli_parse_options (&export_commands[CMD_EXPORT_REPORT], entries, &argc, &argv)) >= 0)
    return status;
  if ((status = check_one_format (pdf, xlsx, _("Choose --pdf or --xlsx."))) >= 0)
    return status;
  if (argc != 1 || from_text == NULL || to_text == NULL || output == NULL)
    return docket_cli_usage_error (_("Give the period with --from DATE and --to DATE, and the file with -o."));
  if (!docket_cli_parse_date (from_text, &request.from, &error) ||
      !docket_cli_parse_date (to_text, &request.to, &error) ||
      (today_text != NULL && !docket_cli_parse_date (today_text, &request.today, &error)))
    return docket_cli_fail (error);
  if (today_text == NULL)
    request.today = docket_date_today (NULL);
  if ((store = docket_cli_get_store (ctx, &error)) == NULL ||
      !resolve_units (store, units, unit_ids, &error))
    return docket_cli_fail (error);
  request.unit_ids = (const DocketId *) (gpointer) unit_ids->data;
  request.n_units = unit_ids->len;
  if (!(pdf ? docket_export_report_pdf : docket_export_report_xlsx) (store, &request, output, NULL,
                                                                    NULL, NULL, &error))
    return docket_cli_fail (error);
  return print_written (ctx, output);
}

typedef struct
{
  char   **units;
  gboolean coordinating;
  char    *status;
  char    *meeting;
  gboolean starred;
  char    *sort;
  gboolean descending;
  char    *text;
  char    *today;
  char    *output;
  gboolean xlsx;
  gboolean csv;
} ItemsOptions;

static void
items_options_clear (ItemsOptions *o)
{
  g_strfreev (o->units);
  g_free (o->status);
  g_free (o->meeting);
  g_free (o->sort);
  g_free (o->text);
  g_free (o->today);
  g_free (o->output);
}

/* The query of `docketctl item list` from the same options. */
static gboolean
build_query (ItemsOptions    *o,
             DocketStore     *store,
             GArray          *unit_ids,
             DocketItemQuery *query,
             GError         **error)
{
  DocketDate today = docket_date_today (NULL);
  int value;

  if (o->today != NULL && !docket_cli_parse_date (o->today, &today, error))
    return FALSE;
  docket_item_query_init (query, today);
  if (o->status != NULL)
    {
      if (!parse_word (o->status, view_words, G_N_ELEMENTS (view_words), &value, error))
        return FALSE;
      query->view = value;
    }
  if (query->view == DOCKET_ITEM_VIEW_DUE_SOON)
    {
      g_autoptr(DocketCalendar) calendar = docket_store_load_calendar (store, error);

      if (calendar == NULL)
        return FALSE;
      query->due_soon_until = docket_store_due_soon_until (calendar, today, DOCKET_DUE_SOON_WORKING_DAYS);
    }
  if (o->sort != NULL)
    {
      if (!parse_word (o->sort, sort_words, G_N_ELEMENTS (sort_words), &value, error))
        return FALSE;
      query->sort = value;
    }
  if (o->meeting != NULL && !docket_cli_parse_id (o->meeting, &query->meeting_id))
    {
      g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                   _("“%s” is not a meeting number. “docketctl meeting list” shows the numbers."),
                   o->meeting);
      return FALSE;
    }
  query->descending = o->descending;
  query->starred_only = o->starred;
  query->include_coordinating = o->coordinating;
  query->text = o->text;
  if (!resolve_units (store, o->units, unit_ids, error))
    return FALSE;
  query->unit_ids = (const DocketId *) (gpointer) unit_ids->data;
  query->n_units = unit_ids->len;
  return TRUE;
}

static int
run_export_items (DocketCliContext *ctx,
                  int               argc,
                  char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) unit_ids = g_array_new (FALSE, FALSE, sizeof (DocketId));
  ItemsOptions o = { 0 };
  GOptionEntry entries[] = {
    { "unit", 'u', 0, G_OPTION_ARG_STRING_ARRAY, &o.units, N_("Only the items of this lead unit; repeat for several"), N_("UNIT") },
    { "coordinating", 0, 0, G_OPTION_ARG_NONE, &o.coordinating, N_("With --unit: also items the units coordinate"), NULL },
    { "status", 's', 0, G_OPTION_ARG_STRING, &o.status, N_("all, overdue, due-soon, in-progress, awaiting, completed, no-deadline, cancelled or starred"), N_("STATUS") },
    { "meeting", 'm', 0, G_OPTION_ARG_STRING, &o.meeting, N_("Only the items of this meeting"), N_("MEETING") },
    { "starred", 0, 0, G_OPTION_ARG_NONE, &o.starred, N_("Only starred items"), NULL },
    { "text", 0, 0, G_OPTION_ARG_STRING, &o.text, N_("Only items whose content contains TEXT (diacritics ignored)"), N_("TEXT") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &o.sort, N_("deadline, lead-unit, meeting-date, status, created or content"), N_("KEY") },
    { "descending", 0, 0, G_OPTION_ARG_NONE, &o.descending, N_("Reverse the order"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &o.today, N_("Take statuses on this day instead of today"), N_("DATE") },
    { "xlsx", 0, 0, G_OPTION_ARG_NONE, &o.xlsx, N_("Write an Excel workbook"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &o.csv, N_("Write CSV (UTF-8 with a byte order mark)"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, N_("The file to write"), N_("FILE") },
    { NULL }
  };
  DocketItemQuery query;
  DocketStore *store;
  int status;

  if ((status = docket_cli_parse_options (&export_commands[CMD_EXPORT_ITEMS], entries, &argc, &argv)) >= 0 ||
      (status = check_one_format (o.xlsx, o.csv, _("Choose --xlsx or --csv."))) >= 0)
    goto out;
  if (argc != 1 || o.output == NULL)
    {
      status = docket_cli_usage_error (_("Give the file with -o; the other options choose the items."));
      goto out;
    }
  if ((store = docket_cli_get_store (ctx, &error)) == NULL ||
      !build_query (&o, store, unit_ids, &query, &error) ||
      !(o.xlsx ? docket_export_items_xlsx : docket_export_items_csv) (store, &query, o.output, NULL,
                                                                     NULL, NULL, &error))
    {
      status = docket_cli_fail (error);
      goto out;
    }
  status = print_written (ctx, o.output);
out:
  items_options_clear (&o);
  return status;
}

static const DocketCliCommand export_commands[] = {
  [CMD_EXPORT_NOTICE] = { "export", "notice", N_("MEETING"),
    N_("Write the notice of conclusions of a meeting as PDF or as an editable Word document"),
    "  docketctl export notice 3 --pdf -o thong-bao-45.pdf\n"
    "  docketctl export notice 3 --docx -o thong-bao-45.docx\n",
    run_export_notice },
  [CMD_EXPORT_REPORT] = { "export", "report", NULL,
    N_("Write the period report (figures, per-unit table, overdue items) as PDF or XLSX"),
    "  docketctl export report --from 01/01/2026 --to 30/06/2026 --pdf -o bao-cao.pdf\n"
    "  docketctl export report --from 01/07/2026 --to 30/09/2026 --unit VP --xlsx -o quy-3.xlsx\n",
    run_export_report },
  [CMD_EXPORT_ITEMS] = { "export", "items", NULL,
    N_("Write items as a spreadsheet, with the filters and order of “item list”"),
    "  docketctl export items --status overdue --xlsx -o qua-han.xlsx\n"
    "  docketctl export items --unit \"Phòng Kinh tế\" --sort deadline --csv -o kinh-te.csv\n",
    run_export_items },
};

const DocketCliCommand *
docket_cli_export_commands (guint *n_commands)
{
  *n_commands = G_N_ELEMENTS (export_commands);
  return export_commands;
}
