/* docket-store.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <sqlite3.h>

#include "docket-store.h"

/**
 * docket_store_dup_default_path:
 *
 * Returns: (transfer full): the database file used when neither `--database` nor
 *   `DOCKET_DATABASE` names one: `$XDG_DATA_HOME/docket/docket.db`
 */
char *
docket_store_dup_default_path (void)
{
  const char *env = g_getenv ("DOCKET_DATABASE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "docket", "docket.db", NULL);
}
