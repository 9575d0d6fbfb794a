/* docket-store-units.c: the unit tree and the people
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-store-private.h"
#include "docket-store-units.h"

#define UNIT_COLUMNS "u.id, u.parent_id, u.kind, u.name, u.short_name, u.head, u.email, " \
                     "u.phone, u.archived"
#define PERSON_COLUMNS "id, name, title, unit_id"

typedef struct
{
  const DocketUnit   *unit;
  const DocketPerson *person;
  DocketId            id;
  gboolean            archived;
} Op;

static DocketUnit *
read_unit (DocketStmt *stmt)
{
  DocketUnit *unit = docket_unit_new ();

  unit->id = _docket_stmt_get_id (stmt, 0);
  unit->parent_id = _docket_stmt_get_id (stmt, 1);
  unit->kind = _docket_stmt_get_int (stmt, 2);
  unit->name = _docket_stmt_dup_text (stmt, 3);
  unit->short_name = _docket_stmt_dup_text (stmt, 4);
  unit->head = _docket_stmt_dup_text (stmt, 5);
  unit->email = _docket_stmt_dup_text (stmt, 6);
  unit->phone = _docket_stmt_dup_text (stmt, 7);
  unit->archived = _docket_stmt_get_int (stmt, 8) != 0;
  return unit;
}

static DocketPerson *
read_person (DocketStmt *stmt)
{
  DocketPerson *person = docket_person_new ();

  person->id = _docket_stmt_get_id (stmt, 0);
  person->name = _docket_stmt_dup_text (stmt, 1);
  person->title = _docket_stmt_dup_text (stmt, 2);
  person->unit_id = _docket_stmt_get_id (stmt, 3);
  return person;
}

/* Runs a SELECT whose rows become values through @read. */
static GPtrArray *
collect (DocketStore    *self,
         DocketStmt     *stmt,
         gpointer      (*read) (DocketStmt *),
         GDestroyNotify  free_func,
         GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  gboolean row = FALSE;

  while (_docket_store_step (self, stmt, &row, error))
    {
      if (!row)
        return g_steal_pointer (&rows);
      g_ptr_array_add (rows, read (stmt));
    }
  return NULL;
}

/* Strips and escapes a name for `LIKE '%…%' ESCAPE '\'`. */
static char *
like_pattern (const char *folded)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

static void
set_unit_not_found (DocketId  id,
                    GError  **error)
{
  g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND,
               /* Translators: %ld is a number identifying the unit */
               _("Unit %lld does not exist; another person may have "
                 "removed it. Reload the list and try again."),
               (long long) id);
}

/* Units. */

static gboolean
validate_unit (DocketStore      *self,
               const DocketUnit *unit,
               GError          **error)
{
  if (!_docket_store_require_text (unit->name, _("the name of the unit"), error))
    return FALSE;
  if ((int) unit->kind < DOCKET_UNIT_KIND_DEPARTMENT || unit->kind > DOCKET_UNIT_KIND_OTHER)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   _("Choose the kind of unit: department, commune committee, agency or "
                     "other."));
      return FALSE;
    }
  if (unit->email != NULL && *unit->email != '\0' && strchr (unit->email, '@') == NULL)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   /* Translators: %s is what was typed as an e-mail address */
                   _("“%s” is not an e-mail address. Type it as name@example.gov.vn, or "
                     "leave it empty."),
                   unit->email);
      return FALSE;
    }
  if (unit->parent_id != 0 && !_docket_store_require_row (self, "units", unit->parent_id, error))
    return FALSE;
  return TRUE;
}

static DocketAuditFields *
unit_fields (const DocketUnit *unit)
{
  DocketAuditFields *fields = _docket_audit_fields_new ();

  _docket_audit_add_int (fields, "parent_id", unit->parent_id);
  _docket_audit_add_int (fields, "kind", unit->kind);
  _docket_audit_add_text (fields, "name", unit->name);
  _docket_audit_add_text (fields, "short_name", unit->short_name);
  _docket_audit_add_text (fields, "head", unit->head);
  _docket_audit_add_text (fields, "email", unit->email);
  _docket_audit_add_text (fields, "phone", unit->phone);
  return fields;
}

static void
bind_unit (DocketStmt       *stmt,
           const DocketUnit *unit)
{
  g_autofree char *name = g_strstrip (g_strdup (unit->name));
  g_autofree char *folded = _docket_store_fold (name);

  _docket_stmt_bind_id (stmt, 1, unit->parent_id);
  _docket_stmt_bind_int (stmt, 2, unit->kind);
  _docket_stmt_bind_text (stmt, 3, name);
  _docket_stmt_bind_text (stmt, 4, folded);
  _docket_stmt_bind_text (stmt, 5, unit->short_name);
  _docket_stmt_bind_text (stmt, 6, unit->head);
  _docket_stmt_bind_text (stmt, 7, unit->email);
  _docket_stmt_bind_text (stmt, 8, unit->phone);
}

static gboolean
add_unit_cb (DocketStore *self,
             gpointer     data,
             GError     **error)
{
  Op *op = data;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = NULL;

  if (!validate_unit (self, op->unit, error))
    return FALSE;

  stmt = _docket_store_prepare (self,
                                "INSERT INTO units (parent_id, kind, name, name_folded, "
                                "short_name, head, email, phone, created_at, updated_at, "
                                "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                error);
  if (stmt == NULL)
    return FALSE;
  bind_unit (stmt, op->unit);
  _docket_stmt_bind_stamp (self, stmt, 9);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;

  op->id = _docket_store_last_insert_id (self);
  fields = unit_fields (op->unit);
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_UNITS);
  return _docket_store_audit (self, "units", op->id, "insert", fields, error);
}

/**
 * docket_store_add_unit:
 * @unit: the unit; its id is ignored
 *
 * Returns: the id of the new unit, or 0 with @error set (nothing was changed)
 */
DocketId
docket_store_add_unit (DocketStore      *self,
                       const DocketUnit *unit,
                       GError          **error)
{
  Op op = { .unit = unit };

  g_return_val_if_fail (DOCKET_IS_STORE (self), 0);
  g_return_val_if_fail (unit != NULL, 0);

  if (!_docket_store_write (self, add_unit_cb, &op, error))
    return 0;
  return op.id;
}

/* Whether making @parent_id the parent of @unit_id would close a loop. */
static gboolean
is_descendant_or_self (DocketStore *self,
                       DocketId     parent_id,
                       DocketId     unit_id,
                       gboolean    *out_loop,
                       GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;

  stmt = _docket_store_prepare (self,
                                "WITH RECURSIVE up (id) AS (SELECT ? UNION "
                                "SELECT units.parent_id FROM units JOIN up ON units.id = up.id "
                                "WHERE units.parent_id IS NOT NULL) "
                                "SELECT 1 FROM up WHERE id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_id (stmt, 1, parent_id);
  _docket_stmt_bind_id (stmt, 2, unit_id);
  if (!_docket_store_step (self, stmt, &row, error))
    return FALSE;
  *out_loop = row;
  return TRUE;
}

static gboolean
update_unit_cb (DocketStore *self,
                gpointer     data,
                GError     **error)
{
  Op *op = data;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = NULL;
  gboolean loop = FALSE;

  if (!_docket_store_require_row (self, "units", op->unit->id, error) ||
      !validate_unit (self, op->unit, error))
    return FALSE;
  if (op->unit->parent_id != 0 &&
      !is_descendant_or_self (self, op->unit->parent_id, op->unit->id, &loop, error))
    return FALSE;
  if (loop)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_INVALID,
                   _("A unit cannot be placed under itself or under one of its own "
                     "sub-units. Choose another parent unit."));
      return FALSE;
    }

  stmt = _docket_store_prepare (self,
                                "UPDATE units SET parent_id = ?, kind = ?, name = ?, "
                                "name_folded = ?, short_name = ?, head = ?, email = ?, "
                                "phone = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  bind_unit (stmt, op->unit);
  _docket_stmt_bind_update_stamp (self, stmt, 9);
  _docket_stmt_bind_id (stmt, 11, op->unit->id);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;

  fields = unit_fields (op->unit);
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_UNITS);
  return _docket_store_audit (self, "units", op->unit->id, "update", fields, error);
}

/**
 * docket_store_update_unit:
 * @unit: the unit with its id and every field as it should now be
 */
gboolean
docket_store_update_unit (DocketStore      *self,
                          const DocketUnit *unit,
                          GError          **error)
{
  Op op = { .unit = unit };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (unit != NULL, FALSE);

  return _docket_store_write (self, update_unit_cb, &op, error);
}

static gboolean
set_archived_cb (DocketStore *self,
                 gpointer     data,
                 GError     **error)
{
  Op *op = data;
  g_autoptr(DocketStmt) stmt = NULL;

  stmt = _docket_store_prepare (self,
                                "UPDATE units SET archived = ?, updated_at = ?, updated_by = ? "
                                "WHERE id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_bool (stmt, 1, op->archived);
  _docket_stmt_bind_update_stamp (self, stmt, 2);
  _docket_stmt_bind_id (stmt, 4, op->id);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  if (_docket_store_changes (self) == 0)
    {
      set_unit_not_found (op->id, error);
      return FALSE;
    }
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_UNITS);
  return _docket_store_audit (self, "units", op->id, op->archived ? "archive" : "unarchive",
                              NULL, error);
}

/**
 * docket_store_archive_unit:
 *
 * Hides a unit from choosers and lists of current units; its items keep it.  Units
 * are never deleted.
 */
gboolean
docket_store_archive_unit (DocketStore *self,
                           DocketId     unit_id,
                           GError     **error)
{
  Op op = { .id = unit_id, .archived = TRUE };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  return _docket_store_write (self, set_archived_cb, &op, error);
}

gboolean
docket_store_unarchive_unit (DocketStore *self,
                             DocketId     unit_id,
                             GError     **error)
{
  Op op = { .id = unit_id, .archived = FALSE };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  return _docket_store_write (self, set_archived_cb, &op, error);
}

/**
 * docket_store_get_unit:
 *
 * Returns: (transfer full): the unit, or %NULL with %DOCKET_STORE_ERROR_NOT_FOUND
 */
DocketUnit *
docket_store_get_unit (DocketStore *self,
                       DocketId     unit_id,
                       GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);

  stmt = _docket_store_prepare (self, "SELECT " UNIT_COLUMNS " FROM units u WHERE u.id = ?",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_id (stmt, 1, unit_id);
  if (!_docket_store_step (self, stmt, &row, error))
    return NULL;
  if (!row)
    {
      set_unit_not_found (unit_id, error);
      return NULL;
    }
  return read_unit (stmt);
}

/**
 * docket_store_list_units:
 * @include_archived: whether archived units are listed too
 *
 * Lists the units in tree order: each unit is followed by its sub-units, siblings
 * by name (ignoring case and diacritics), so a parent always comes before its
 * children and the depth of a unit is the length of its parent_id chain.
 *
 * Returns: (transfer full) (element-type DocketUnit): the units
 */
GPtrArray *
docket_store_list_units (DocketStore *self,
                         gboolean     include_archived,
                         GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);

  /* The sort key is the path of folded names from the root, each name followed by
   * char(2) and the id (so equal names stay apart) and levels joined by char(1):
   * both sort before any character of a name, so children follow their parent
   * directly. */
  stmt = _docket_store_prepare (self,
                                "WITH RECURSIVE tree (id, path) AS ("
                                "  SELECT id, name_folded || char (2) || printf ('%020d', id) "
                                "  FROM units WHERE parent_id IS NULL "
                                "  UNION ALL "
                                "  SELECT u.id, tree.path || char (1) || u.name_folded || "
                                "         char (2) || printf ('%020d', u.id) "
                                "  FROM units u JOIN tree ON u.parent_id = tree.id) "
                                "SELECT " UNIT_COLUMNS " FROM tree JOIN units u ON u.id = tree.id "
                                "WHERE ? OR u.archived = 0 ORDER BY tree.path",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_bool (stmt, 1, include_archived);
  return collect (self, stmt, (gpointer) read_unit, (GDestroyNotify) docket_unit_free, error);
}

/**
 * docket_store_find_units:
 * @name: a name or short name as a person types it; case and diacritics are ignored
 *
 * Finds the units a name may mean: those whose name or short name equals @name
 * when any do, else those whose name contains it.  More than one result means the
 * name is ambiguous; callers list the candidates.
 *
 * Returns: (transfer full) (element-type DocketUnit): the candidates, by name
 */
GPtrArray *
docket_store_find_units (DocketStore *self,
                         const char  *name,
                         gboolean     include_archived,
                         GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *pattern = NULL;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(GPtrArray) exact = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stripped = g_strstrip (g_strdup (name));
  folded = _docket_store_fold (stripped);
  pattern = like_pattern (folded);

  stmt = _docket_store_prepare (self,
                                "SELECT " UNIT_COLUMNS " FROM units u "
                                "WHERE (u.name_folded = ?1 OR docket_fold (u.short_name) = ?1) "
                                "AND (?2 OR u.archived = 0) ORDER BY u.name_folded, u.id",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_text (stmt, 1, folded);
  _docket_stmt_bind_bool (stmt, 2, include_archived);
  exact = collect (self, stmt, (gpointer) read_unit, (GDestroyNotify) docket_unit_free, error);
  if (exact == NULL || exact->len > 0 || *folded == '\0')
    return g_steal_pointer (&exact);
  g_clear_pointer (&stmt, _docket_stmt_release);

  stmt = _docket_store_prepare (self,
                                "SELECT " UNIT_COLUMNS " FROM units u "
                                "WHERE u.name_folded LIKE ?1 ESCAPE '\\' "
                                "AND (?2 OR u.archived = 0) ORDER BY u.name_folded, u.id",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_text (stmt, 1, pattern);
  _docket_stmt_bind_bool (stmt, 2, include_archived);
  return collect (self, stmt, (gpointer) read_unit, (GDestroyNotify) docket_unit_free, error);
}

/* People. */

static gboolean
validate_person (DocketStore        *self,
                 const DocketPerson *person,
                 GError            **error)
{
  if (!_docket_store_require_text (person->name, _("the name of the person"), error))
    return FALSE;
  if (person->unit_id != 0 && !_docket_store_require_row (self, "units", person->unit_id, error))
    return FALSE;
  return TRUE;
}

static DocketAuditFields *
person_fields (const DocketPerson *person)
{
  DocketAuditFields *fields = _docket_audit_fields_new ();

  _docket_audit_add_text (fields, "name", person->name);
  _docket_audit_add_text (fields, "title", person->title);
  _docket_audit_add_int (fields, "unit_id", person->unit_id);
  return fields;
}

static void
bind_person (DocketStmt         *stmt,
             const DocketPerson *person)
{
  g_autofree char *name = g_strstrip (g_strdup (person->name));
  g_autofree char *folded = _docket_store_fold (name);

  _docket_stmt_bind_text (stmt, 1, name);
  _docket_stmt_bind_text (stmt, 2, folded);
  _docket_stmt_bind_text (stmt, 3, person->title);
  _docket_stmt_bind_id (stmt, 4, person->unit_id);
}

static gboolean
add_person_cb (DocketStore *self,
               gpointer     data,
               GError     **error)
{
  Op *op = data;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = NULL;

  if (!validate_person (self, op->person, error))
    return FALSE;
  stmt = _docket_store_prepare (self,
                                "INSERT INTO people (name, name_folded, title, unit_id, "
                                "created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                error);
  if (stmt == NULL)
    return FALSE;
  bind_person (stmt, op->person);
  _docket_stmt_bind_stamp (self, stmt, 5);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  op->id = _docket_store_last_insert_id (self);
  fields = person_fields (op->person);
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_PEOPLE);
  return _docket_store_audit (self, "people", op->id, "insert", fields, error);
}

DocketId
docket_store_add_person (DocketStore        *self,
                         const DocketPerson *person,
                         GError            **error)
{
  Op op = { .person = person };

  g_return_val_if_fail (DOCKET_IS_STORE (self), 0);
  g_return_val_if_fail (person != NULL, 0);

  if (!_docket_store_write (self, add_person_cb, &op, error))
    return 0;
  return op.id;
}

static gboolean
update_person_cb (DocketStore *self,
                  gpointer     data,
                  GError     **error)
{
  Op *op = data;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketAuditFields) fields = NULL;

  if (!_docket_store_require_row (self, "people", op->person->id, error) ||
      !validate_person (self, op->person, error))
    return FALSE;
  stmt = _docket_store_prepare (self,
                                "UPDATE people SET name = ?, name_folded = ?, title = ?, "
                                "unit_id = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  bind_person (stmt, op->person);
  _docket_stmt_bind_update_stamp (self, stmt, 5);
  _docket_stmt_bind_id (stmt, 7, op->person->id);
  if (!_docket_store_step_done (self, stmt, error))
    return FALSE;
  fields = person_fields (op->person);
  _docket_store_mark_changed (self, DOCKET_STORE_CHANGE_PEOPLE);
  return _docket_store_audit (self, "people", op->person->id, "update", fields, error);
}

gboolean
docket_store_update_person (DocketStore        *self,
                            const DocketPerson *person,
                            GError            **error)
{
  Op op = { .person = person };

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (person != NULL, FALSE);

  return _docket_store_write (self, update_person_cb, &op, error);
}

DocketPerson *
docket_store_get_person (DocketStore *self,
                         DocketId     person_id,
                         GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);

  stmt = _docket_store_prepare (self, "SELECT " PERSON_COLUMNS " FROM people WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_id (stmt, 1, person_id);
  if (!_docket_store_step (self, stmt, &row, error))
    return NULL;
  if (!row)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_NOT_FOUND,
                   /* Translators: the number identifies the person */
                   _("Person %lld does not exist; another person may have "
                     "removed the record. Reload the list and try again."),
                   (long long) person_id);
      return NULL;
    }
  return read_person (stmt);
}

/**
 * docket_store_list_people:
 * @unit_id: a unit, or 0 for everyone
 *
 * Returns: (transfer full) (element-type DocketPerson): the people, by name
 */
GPtrArray *
docket_store_list_people (DocketStore *self,
                          DocketId     unit_id,
                          GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);

  if (unit_id == 0)
    stmt = _docket_store_prepare (self,
                                  "SELECT " PERSON_COLUMNS " FROM people ORDER BY name_folded, id",
                                  error);
  else
    stmt = _docket_store_prepare (self,
                                  "SELECT " PERSON_COLUMNS " FROM people WHERE unit_id = ? "
                                  "ORDER BY name_folded, id",
                                  error);
  if (stmt == NULL)
    return NULL;
  if (unit_id != 0)
    _docket_stmt_bind_id (stmt, 1, unit_id);
  return collect (self, stmt, (gpointer) read_person, (GDestroyNotify) docket_person_free, error);
}

/**
 * docket_store_find_people:
 * @name: a name as a person types it; case and diacritics are ignored
 *
 * Returns: (transfer full) (element-type DocketPerson): the people whose name
 *   equals @name, or when there are none, whose name contains it
 */
GPtrArray *
docket_store_find_people (DocketStore *self,
                          const char  *name,
                          GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *pattern = NULL;
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(GPtrArray) exact = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stripped = g_strstrip (g_strdup (name));
  folded = _docket_store_fold (stripped);
  pattern = like_pattern (folded);

  stmt = _docket_store_prepare (self,
                                "SELECT " PERSON_COLUMNS " FROM people WHERE name_folded = ? "
                                "ORDER BY name_folded, id",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_text (stmt, 1, folded);
  exact = collect (self, stmt, (gpointer) read_person, (GDestroyNotify) docket_person_free, error);
  if (exact == NULL || exact->len > 0 || *folded == '\0')
    return g_steal_pointer (&exact);
  g_clear_pointer (&stmt, _docket_stmt_release);

  stmt = _docket_store_prepare (self,
                                "SELECT " PERSON_COLUMNS " FROM people "
                                "WHERE name_folded LIKE ? ESCAPE '\\' ORDER BY name_folded, id",
                                error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_text (stmt, 1, pattern);
  return collect (self, stmt, (gpointer) read_person, (GDestroyNotify) docket_person_free, error);
}
