/* docket-cli-resolve.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "docket-cli-resolve.h"
#include "docket-store-units.h"

gboolean
docket_cli_parse_id (const char *text,
                     DocketId   *out_id)
{
  guint64 value;

  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *out_id = (DocketId) value;
  return TRUE;
}

gboolean
docket_cli_parse_date (const char *text,
                       DocketDate *out_date,
                       GError    **error)
{
  return docket_date_parse (text, out_date, error);
}

static DocketId
pick_one (GPtrArray   *candidates,
          const char  *text,
          const char  *(*name_of) (gpointer),
          DocketId     (*id_of) (gpointer),
          gboolean     is_unit,
          GError     **error)
{
  g_autoptr(GString) list = NULL;

  if (candidates->len == 1)
    return id_of (g_ptr_array_index (candidates, 0));

  if (candidates->len == 0)
    {
      g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_NOT_FOUND,
                   is_unit ? _("There is no unit named “%s”. “docketctl unit list” shows the units.")
                           : _("There is no person named “%s”. “docketctl person list” shows the people."),
                   text);
      return 0;
    }

  list = g_string_new (NULL);
  for (guint i = 0; i < candidates->len; i++)
    {
      gpointer candidate = g_ptr_array_index (candidates, i);
      g_string_append_printf (list, "%s%s (%" G_GINT64_FORMAT ")", i ? "; " : "",
                              name_of (candidate), id_of (candidate));
    }
  g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
               /* Translators: the first %s is the name typed, the second the candidates */
               _("“%s” could mean several records: %s. Name one by its number or its full name."),
               text, list->str);
  return 0;
}

static const char *unit_name (gpointer p) { return ((DocketUnit *) p)->name; }
static DocketId unit_id (gpointer p) { return ((DocketUnit *) p)->id; }
static const char *person_name (gpointer p) { return ((DocketPerson *) p)->name; }
static DocketId person_id (gpointer p) { return ((DocketPerson *) p)->id; }

DocketId
docket_cli_resolve_unit (DocketStore *store,
                         const char  *text,
                         GError     **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  DocketId id;

  if (docket_cli_parse_id (text, &id))
    {
      g_autoptr(DocketUnit) unit = docket_store_get_unit (store, id, error);
      return unit ? unit->id : 0;
    }
  candidates = docket_store_find_units (store, text, TRUE, error);
  if (candidates == NULL)
    return 0;
  return pick_one (candidates, text, unit_name, unit_id, TRUE, error);
}

DocketId
docket_cli_resolve_person (DocketStore *store,
                           const char  *text,
                           GError     **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  DocketId id;

  if (docket_cli_parse_id (text, &id))
    {
      g_autoptr(DocketPerson) person = docket_store_get_person (store, id, error);
      return person ? person->id : 0;
    }
  candidates = docket_store_find_people (store, text, error);
  if (candidates == NULL)
    return 0;
  return pick_one (candidates, text, person_name, person_id, FALSE, error);
}
