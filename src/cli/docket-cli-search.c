/* docket-cli-search.c: searching every record
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docketctl"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "docket-cli-commands.h"
#include "docket-cli-json.h"
#include "docket-cli-output.h"
#include "docket-cli-resolve.h"
#include "docket-store-search.h"

static const DocketCliCommand search_commands[];

enum {
  CMD_SEARCH,
  CMD_REBUILD,
};

typedef struct
{
  char **kinds;
  char  *unit;
  char  *meeting;
  char  *from;
  char  *to;
  int    limit;
} SearchOptions;

static void
search_options_clear (SearchOptions *o)
{
  g_clear_pointer (&o->kinds, g_strfreev);
  g_clear_pointer (&o->unit, g_free);
  g_clear_pointer (&o->meeting, g_free);
  g_clear_pointer (&o->from, g_free);
  g_clear_pointer (&o->to, g_free);
}

/* --kind takes the stable words of the JSON ("item"), several times or separated by
 * commas. */
static gboolean
parse_kinds (char  **words,
             guint  *out_kinds)
{
  *out_kinds = 0;
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (words[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          DocketSearchKind kind;

          if (!docket_search_kind_from_string (g_strstrip (parts[j]), &kind))
            return FALSE;
          *out_kinds |= DOCKET_SEARCH_KIND_FLAG (kind);
        }
    }
  return TRUE;
}

static gboolean
build_query (DocketStore       *store,
             SearchOptions     *o,
             DocketSearchQuery *query,
             GError           **error)
{
  if (o->unit != NULL && (query->unit_id = docket_cli_resolve_unit (store, o->unit, error)) == 0)
    return FALSE;
  if (o->meeting != NULL && !docket_cli_parse_id (o->meeting, &query->meeting_id))
    {
      g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                   /* Translators: %s is what was given after --meeting */
                   _("“%s” is not a meeting number."), o->meeting);
      return FALSE;
    }
  if (o->from != NULL && !docket_cli_parse_date (o->from, &query->from, error))
    return FALSE;
  if (o->to != NULL && !docket_cli_parse_date (o->to, &query->to, error))
    return FALSE;
  return TRUE;
}

/* What to type next to open the record. */
static char *
dup_open_hint (const DocketSearchResult *result)
{
  if (result->item_id != 0)
    return g_strdup_printf ("item %" G_GINT64_FORMAT, result->item_id);
  if (result->meeting_id != 0)
    return g_strdup_printf ("meeting %" G_GINT64_FORMAT, result->meeting_id);
  return g_strdup ("");
}

static void
build_result_json (JsonBuilder              *builder,
                   const DocketSearchResult *result)
{
  g_autofree char *snippet = docket_search_result_dup_snippet (result, "", "");
  g_autofree char *marked = docket_search_result_dup_snippet (result, "[", "]");

  json_builder_begin_object (builder);
  docket_cli_json_add_string (builder, "kind", docket_search_kind_to_string (result->kind));
  docket_cli_json_add_id (builder, "id", result->record_id);
  docket_cli_json_add_id (builder, "meeting_id", result->meeting_id);
  docket_cli_json_add_id (builder, "item_id", result->item_id);
  docket_cli_json_add_date (builder, "date", result->date);
  docket_cli_json_add_string (builder, "title", result->title);
  docket_cli_json_add_string (builder, "snippet", snippet);
  docket_cli_json_add_string (builder, "snippet_marked", marked);
  docket_cli_json_add_bool (builder, "exact", result->exact);
  json_builder_end_object (builder);
}

static int
print_results (DocketCliContext *ctx,
               const char       *text,
               GPtrArray        *results)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(DocketCliTable) table = docket_cli_table_new ();
  /* Bold on a terminal, brackets in a file or a pipe. */
  gboolean tty = isatty (STDOUT_FILENO);
  const char *open = tty ? "\033[1m" : "[";
  const char *close = tty ? "\033[0m" : "]";

  docket_cli_table_add_column (table, _("Kind"), DOCKET_CLI_ALIGN_LEFT, FALSE);
  docket_cli_table_add_column (table, _("Open"), DOCKET_CLI_ALIGN_LEFT, FALSE);
  docket_cli_table_add_column (table, _("Found"), DOCKET_CLI_ALIGN_LEFT, TRUE);

  json_builder_begin_object (builder);
  docket_cli_json_add_string (builder, "query", text);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < results->len; i++)
    {
      DocketSearchResult *result = g_ptr_array_index (results, i);
      g_autofree char *hint = dup_open_hint (result);
      g_autofree char *snippet = docket_search_result_dup_snippet (result, open, close);

      docket_cli_table_add_row (table, docket_search_kind_get_title (result->kind), hint,
                                snippet, NULL);
      build_result_json (builder, result);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (ctx->json)
    docket_cli_json_print (builder);
  else if (results->len == 0)
    g_print ("%s\n", _("Nothing found. Try fewer words, or remove the filters."));
  else
    {
      g_autofree char *rendered = docket_cli_table_render (table, docket_cli_terminal_width ());

      g_print ("%s", rendered);
    }
  return DOCKET_CLI_EXIT_OK;
}

static int
run_search (DocketCliContext *ctx,
            int               argc,
            char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *text = NULL;
  SearchOptions o = { .limit = DOCKET_SEARCH_DEFAULT_LIMIT };
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING_ARRAY, &o.kinds, N_("Only meeting, minutes, conclusion, item or progress; repeat for several"), N_("KIND") },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &o.unit, N_("Only the records of this unit"), N_("UNIT") },
    { "meeting", 'm', 0, G_OPTION_ARG_STRING, &o.meeting, N_("Only the records of this meeting"), N_("MEETING") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o.from, N_("Only records of this day or later"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o.to, N_("Only records of this day or earlier"), N_("DATE") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &o.limit, N_("Show at most N results (default 50, at most 500)"), "N" },
    { NULL }
  };
  DocketSearchQuery query = { NULL, };
  DocketStore *store;
  int status;

  if ((status = docket_cli_parse_options (&search_commands[CMD_SEARCH], entries, &argc, &argv)) >= 0)
    goto out;
  if (argc < 2 || o.limit < 1 || o.limit > DOCKET_SEARCH_MAX_LIMIT)
    {
      status = docket_cli_usage_error (_("“search” takes the words to look for; --limit takes a "
                                         "number from 1 to 500."));
      goto out;
    }
  if (!parse_kinds (o.kinds, &query.kinds))
    {
      status = docket_cli_usage_error (_("--kind takes meeting, minutes, conclusion, item or "
                                         "progress."));
      goto out;
    }
  /* The words may come quoted as one argument or as several. */
  text = g_strjoinv (" ", argv + 1);
  query.text = text;
  query.limit = (guint) o.limit;
  if ((store = docket_cli_get_store (ctx, &error)) == NULL ||
      !build_query (store, &o, &query, &error) ||
      (results = docket_store_search (store, &query, &error)) == NULL)
    {
      status = docket_cli_fail (error);
      goto out;
    }
  status = print_results (ctx, text, results);
out:
  search_options_clear (&o);
  return status;
}

static int
run_rebuild (DocketCliContext *ctx,
             int               argc,
             char            **argv)
{
  g_autoptr(GError) error = NULL;
  DocketStore *store;
  int status;

  if ((status = docket_cli_parse_options (&search_commands[CMD_REBUILD], NULL, &argc, &argv)) >= 0)
    return status;
  if (argc != 1)
    return docket_cli_usage_error (_("“search-index rebuild” takes no arguments."));
  if ((store = docket_cli_get_store (ctx, &error)) == NULL ||
      !docket_store_rebuild_search_index (store, &error))
    return docket_cli_fail (error);
  if (!ctx->json)
    g_print ("%s\n", _("The search index was rebuilt."));
  return DOCKET_CLI_EXIT_OK;
}

static const DocketCliCommand search_commands[] = {
  [CMD_SEARCH] = { "search", NULL, N_("QUERY"),
    N_("Search meetings, minutes, conclusions, items and progress reports (diacritics optional)"),
    "  docketctl search cai cach hanh chinh\n"
    "  docketctl search \"một cửa\" --kind item --unit \"Văn phòng\" --from 01/01/2026\n"
    "  docketctl --json search duong --limit 10\n",
    run_search },
  [CMD_REBUILD] = { "search-index", "rebuild", NULL,
    N_("Rebuild the search index from the records"),
    "  docketctl search-index rebuild\n", run_rebuild },
};

const DocketCliCommand *
docket_cli_search_commands (guint *n_commands)
{
  *n_commands = G_N_ELEMENTS (search_commands);
  return search_commands;
}
