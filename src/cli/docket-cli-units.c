/* docket-cli-units.c: unit and person commands
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
#include "docket-store-units.h"

static const DocketCliCommand unit_commands[];

/* The stable words for unit kinds in options and JSON. */
static const char *kind_words[] = { "department", "commune", "agency", "other" };

static gboolean
parse_kind (const char     *text,
            DocketUnitKind *out_kind,
            GError        **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_words); i++)
    if (g_ascii_strcasecmp (text, kind_words[i]) == 0)
      {
        *out_kind = (DocketUnitKind) i;
        return TRUE;
      }
  g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
               _("“%s” is not a kind of unit. Use department, commune, agency or other."), text);
  return FALSE;
}

static void
build_unit_json (JsonBuilder      *builder,
                 const DocketUnit *unit)
{
  json_builder_begin_object (builder);
  docket_cli_json_add_id (builder, "id", unit->id);
  docket_cli_json_add_id (builder, "parent_id", unit->parent_id);
  docket_cli_json_add_string (builder, "kind", docket_unit_kind_to_word (unit->kind));
  docket_cli_json_add_string (builder, "name", unit->name);
  docket_cli_json_add_string (builder, "short_name", unit->short_name);
  docket_cli_json_add_string (builder, "head", unit->head);
  docket_cli_json_add_string (builder, "email", unit->email);
  docket_cli_json_add_string (builder, "phone", unit->phone);
  json_builder_set_member_name (builder, "archived");
  json_builder_add_boolean_value (builder, unit->archived);
  json_builder_end_object (builder);
}

typedef struct
{
  char *short_name;
  char *kind;
  char *parent;
  char *head;
  char *email;
  char *phone;
} UnitOptions;

static void
unit_options_clear (UnitOptions *options)
{
  g_free (options->short_name);
  g_free (options->kind);
  g_free (options->parent);
  g_free (options->head);
  g_free (options->email);
  g_free (options->phone);
}

static gboolean
apply_unit_options (DocketStore       *store,
                    const UnitOptions *options,
                    DocketUnit        *unit,
                    GError           **error)
{
  if (options->kind != NULL && !parse_kind (options->kind, &unit->kind, error))
    return FALSE;
  if (options->parent != NULL)
    {
      if (*options->parent == '\0')
        unit->parent_id = 0;
      else if ((unit->parent_id = docket_cli_resolve_unit (store, options->parent, error)) == 0)
        return FALSE;
    }
#define SET_TEXT(field) \
  if (options->field != NULL) { g_free (unit->field); unit->field = g_strdup (options->field); }
  SET_TEXT (short_name)
  SET_TEXT (head)
  SET_TEXT (email)
  SET_TEXT (phone)
#undef SET_TEXT
  return TRUE;
}

static int
print_unit (DocketCliContext *ctx,
            DocketStore      *store,
            DocketId          id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketUnit) unit = docket_store_get_unit (store, id, &error);

  if (unit == NULL)
    return docket_cli_fail (error);
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      build_unit_json (builder, unit);
      docket_cli_json_print (builder);
    }
  else
    g_print ("%" G_GINT64_FORMAT "\t%s\n", unit->id, unit->name);
  return DOCKET_CLI_EXIT_OK;
}

#define UNIT_OPTION_ENTRIES(o) \
    { "short", 's', 0, G_OPTION_ARG_STRING, &(o).short_name, N_("Short name, as in “Lưu: VT, NV”"), N_("TEXT") }, \
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &(o).kind, N_("department, commune, agency or other"), N_("KIND") }, \
    { "parent", 'p', 0, G_OPTION_ARG_STRING, &(o).parent, N_("The unit this one belongs to"), N_("UNIT") }, \
    { "head", 0, 0, G_OPTION_ARG_STRING, &(o).head, N_("The head of the unit"), N_("NAME") }, \
    { "email", 0, 0, G_OPTION_ARG_STRING, &(o).email, N_("Contact e-mail"), N_("ADDRESS") }, \
    { "phone", 0, 0, G_OPTION_ARG_STRING, &(o).phone, N_("Contact phone"), N_("NUMBER") }

static int
run_unit_add (DocketCliContext *ctx,
              int               argc,
              char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketUnit) unit = docket_unit_new ();
  UnitOptions options = { 0 };
  GOptionEntry entries[] = { UNIT_OPTION_ENTRIES (options), { NULL } };
  DocketStore *store;
  DocketId id;
  int status;

  if ((status = docket_cli_parse_options (&unit_commands[0], entries, &argc, &argv)) >= 0)
    goto out;
  status = DOCKET_CLI_EXIT_OK;
  if (argc != 2)
    {
      status = docket_cli_usage_error (_("Give the unit's name, in quotes when it has spaces."));
      goto out;
    }
  unit->name = g_strdup (argv[1]);
  unit->kind = DOCKET_UNIT_KIND_DEPARTMENT;
  if ((store = docket_cli_get_store (ctx, &error)) == NULL ||
      !apply_unit_options (store, &options, unit, &error) ||
      (id = docket_store_add_unit (store, unit, &error)) == 0)
    {
      status = docket_cli_fail (error);
      goto out;
    }
  status = print_unit (ctx, store, id);
out:
  unit_options_clear (&options);
  return status;
}

static int
run_unit_edit (DocketCliContext *ctx,
               int               argc,
               char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketUnit) unit = NULL;
  g_autofree char *name = NULL;
  UnitOptions options = { 0 };
  GOptionEntry entries[] = {
    UNIT_OPTION_ENTRIES (options),
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name, N_("The new name"), N_("TEXT") },
    { NULL }
  };
  DocketStore *store;
  DocketId id;
  int status;

  if ((status = docket_cli_parse_options (&unit_commands[1], entries, &argc, &argv)) >= 0)
    goto out;
  if (argc != 2)
    {
      status = docket_cli_usage_error (_("Name the unit to change, by number or name."));
      goto out;
    }
  if ((store = docket_cli_get_store (ctx, &error)) == NULL ||
      (id = docket_cli_resolve_unit (store, argv[1], &error)) == 0 ||
      (unit = docket_store_get_unit (store, id, &error)) == NULL ||
      !apply_unit_options (store, &options, unit, &error))
    {
      status = docket_cli_fail (error);
      goto out;
    }
  if (name != NULL)
    {
      g_free (unit->name);
      unit->name = g_strdup (name);
    }
  if (!docket_store_update_unit (store, unit, &error))
    {
      status = docket_cli_fail (error);
      goto out;
    }
  status = print_unit (ctx, store, id);
out:
  unit_options_clear (&options);
  return status;
}

static int
run_unit_archive (DocketCliContext *ctx,
                  int               argc,
                  char            **argv)
{
  g_autoptr(GError) error = NULL;
  gboolean undo = FALSE;
  GOptionEntry entries[] = {
    { "undo", 0, 0, G_OPTION_ARG_NONE, &undo, N_("Bring an archived unit back"), NULL },
    { NULL }
  };
  DocketStore *store;
  DocketId id;
  int status;

  if ((status = docket_cli_parse_options (&unit_commands[2], entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return docket_cli_usage_error (_("Name the unit to archive, by number or name."));
  if ((store = docket_cli_get_store (ctx, &error)) == NULL ||
      (id = docket_cli_resolve_unit (store, argv[1], &error)) == 0 ||
      !(undo ? docket_store_unarchive_unit (store, id, &error)
             : docket_store_archive_unit (store, id, &error)))
    return docket_cli_fail (error);
  return print_unit (ctx, store, id);
}

static guint
unit_depth (GHashTable *parents,
            DocketId    id)
{
  guint depth = 0;
  gpointer parent;

  /* The store refuses cycles; the bound only guards against a damaged file. */
  while (depth < 64 && (parent = g_hash_table_lookup (parents, &id)) != NULL)
    {
      id = *(DocketId *) parent;
      depth++;
    }
  return depth;
}

static int
list_units (DocketCliContext *ctx,
            int               argc,
            char            **argv,
            gboolean          as_tree)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GHashTable) parents = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(DocketCliTable) table = docket_cli_table_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean archived = FALSE;
  GOptionEntry entries[] = {
    { "archived", 'a', 0, G_OPTION_ARG_NONE, &archived, N_("Include archived units"), NULL },
    { NULL }
  };
  DocketStore *store;
  int status;

  if ((status = docket_cli_parse_options (&unit_commands[as_tree ? 4 : 3], entries,
                                          &argc, &argv)) >= 0)
    return status;
  if ((store = docket_cli_get_store (ctx, &error)) == NULL ||
      (units = docket_store_list_units (store, archived, &error)) == NULL)
    return docket_cli_fail (error);

  for (guint i = 0; i < units->len; i++)
    {
      DocketUnit *unit = g_ptr_array_index (units, i);
      if (unit->parent_id != 0)
        g_hash_table_insert (parents, &unit->id, &unit->parent_id);
    }

  docket_cli_table_add_column (table, _("No."), DOCKET_CLI_ALIGN_RIGHT, FALSE);
  docket_cli_table_add_column (table, _("Unit"), DOCKET_CLI_ALIGN_LEFT, TRUE);
  docket_cli_table_add_column (table, _("Short"), DOCKET_CLI_ALIGN_LEFT, FALSE);
  docket_cli_table_add_column (table, _("Kind"), DOCKET_CLI_ALIGN_LEFT, FALSE);
  docket_cli_table_add_column (table, _("Head"), DOCKET_CLI_ALIGN_LEFT, TRUE);
  json_builder_begin_array (builder);
  for (guint i = 0; i < units->len; i++)
    {
      DocketUnit *unit = g_ptr_array_index (units, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, unit->id);
      g_autofree char *indent = g_strnfill (as_tree ? 2 * unit_depth (parents, unit->id) : 0, ' ');
      g_autofree char *name = g_strdup_printf ("%s%s%s", indent, unit->name,
                                               unit->archived ? _(" (archived)") : "");

      docket_cli_table_add_row (table, id, name, unit->short_name ? unit->short_name : "",
                                docket_unit_kind_get_label (unit->kind), unit->head ? unit->head : "", NULL);
      build_unit_json (builder, unit);
    }
  json_builder_end_array (builder);

  if (ctx->json)
    docket_cli_json_print (builder);
  else if (units->len == 0)
    g_print ("%s\n", _("No units yet. Add one with “docketctl unit add NAME”, or load the sample "
                       "with “docketctl sample load”."));
  else
    {
      g_autofree char *text = docket_cli_table_render (table, docket_cli_terminal_width ());
      g_print ("%s", text);
    }
  return DOCKET_CLI_EXIT_OK;
}

static int
run_unit_list (DocketCliContext *ctx,
               int               argc,
               char            **argv)
{
  return list_units (ctx, argc, argv, FALSE);
}

static int
run_unit_tree (DocketCliContext *ctx,
               int               argc,
               char            **argv)
{
  return list_units (ctx, argc, argv, TRUE);
}

static void
build_person_json (JsonBuilder        *builder,
                   const DocketPerson *person)
{
  json_builder_begin_object (builder);
  docket_cli_json_add_id (builder, "id", person->id);
  docket_cli_json_add_string (builder, "name", person->name);
  docket_cli_json_add_string (builder, "title", person->title);
  docket_cli_json_add_id (builder, "unit_id", person->unit_id);
  json_builder_end_object (builder);
}

static int
run_person_add (DocketCliContext *ctx,
                int               argc,
                char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketPerson) person = docket_person_new ();
  g_autofree char *title = NULL;
  g_autofree char *unit = NULL;
  GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("Title, e.g. “Phó Chủ tịch UBND xã”"), N_("TEXT") },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit, N_("The person's unit"), N_("UNIT") },
    { NULL }
  };
  DocketStore *store;
  int status;

  if ((status = docket_cli_parse_options (&unit_commands[5], entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return docket_cli_usage_error (_("Give the person's name, in quotes."));
  person->name = g_strdup (argv[1]);
  person->title = g_strdup (title);
  if ((store = docket_cli_get_store (ctx, &error)) == NULL ||
      (unit != NULL && (person->unit_id = docket_cli_resolve_unit (store, unit, &error)) == 0) ||
      (person->id = docket_store_add_person (store, person, &error)) == 0)
    return docket_cli_fail (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      build_person_json (builder, person);
      docket_cli_json_print (builder);
    }
  else
    g_print ("%" G_GINT64_FORMAT "\t%s\n", person->id, person->name);
  return DOCKET_CLI_EXIT_OK;
}

static int
run_person_list (DocketCliContext *ctx,
                 int               argc,
                 char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(DocketCliTable) table = docket_cli_table_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *unit = NULL;
  GOptionEntry entries[] = {
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit, N_("Only the people of UNIT"), N_("UNIT") },
    { NULL }
  };
  DocketStore *store;
  DocketId unit_id = 0;
  int status;

  if ((status = docket_cli_parse_options (&unit_commands[6], entries, &argc, &argv)) >= 0)
    return status;
  if ((store = docket_cli_get_store (ctx, &error)) == NULL ||
      (unit != NULL && (unit_id = docket_cli_resolve_unit (store, unit, &error)) == 0) ||
      (people = docket_store_list_people (store, unit_id, &error)) == NULL)
    return docket_cli_fail (error);

  docket_cli_table_add_column (table, _("No."), DOCKET_CLI_ALIGN_RIGHT, FALSE);
  docket_cli_table_add_column (table, _("Name"), DOCKET_CLI_ALIGN_LEFT, TRUE);
  docket_cli_table_add_column (table, _("Job title"), DOCKET_CLI_ALIGN_LEFT, TRUE);
  json_builder_begin_array (builder);
  for (guint i = 0; i < people->len; i++)
    {
      DocketPerson *person = g_ptr_array_index (people, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, person->id);

      docket_cli_table_add_row (table, id, person->name, person->title ? person->title : "", NULL);
      build_person_json (builder, person);
    }
  json_builder_end_array (builder);

  if (ctx->json)
    docket_cli_json_print (builder);
  else if (people->len == 0)
    g_print ("%s\n", _("No people yet. Add one with “docketctl person add NAME”."));
  else
    {
      g_autofree char *text = docket_cli_table_render (table, docket_cli_terminal_width ());
      g_print ("%s", text);
    }
  return DOCKET_CLI_EXIT_OK;
}

static const DocketCliCommand unit_commands[] = {
  { "unit", "add", N_("NAME"), N_("Add a unit (department, commune committee, agency)"),
    "  docketctl unit add \"Phòng Nội vụ\" --short NV --head \"Trần Thị B\"\n"
    "  docketctl unit add \"UBND xã An Thạnh\" --kind commune\n", run_unit_add },
  { "unit", "edit", N_("UNIT"), N_("Change a unit's name, kind, parent, head or contacts"),
    "  docketctl unit edit \"phong noi vu\" --phone 0272-3870-000\n", run_unit_edit },
  { "unit", "archive", N_("UNIT"), N_("Archive a unit (its history is kept); --undo brings it back"),
    "  docketctl unit archive 12\n  docketctl unit archive 12 --undo\n", run_unit_archive },
  { "unit", "list", NULL, N_("List the units"),
    "  docketctl unit list\n  docketctl --json unit list --archived\n", run_unit_list },
  { "unit", "tree", NULL, N_("Show the units as a tree"),
    "  docketctl unit tree\n", run_unit_tree },
  { "person", "add", N_("NAME"), N_("Add a person (a chair, a secretary, a head)"),
    "  docketctl person add \"Nguyễn Văn A\" --title \"Chủ tịch UBND xã\"\n", run_person_add },
  { "person", "list", NULL, N_("List the people"),
    "  docketctl person list --unit \"Văn phòng\"\n", run_person_list },
};

const DocketCliCommand *
docket_cli_unit_commands (guint *n_commands)
{
  *n_commands = G_N_ELEMENTS (unit_commands);
  return unit_commands;
}
