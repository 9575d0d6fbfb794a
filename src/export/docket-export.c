/* docket-export.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "docket-export.h"

struct _DocketExportTarget
{
  char    *path;
  char    *tmp_path;
  gboolean committed;
};

G_DEFINE_QUARK (docket-export-error-quark, docket_export_error)

/**
 * docket_export_target_new:
 * @path: the file the export is to produce
 * @error: return location for an error
 *
 * Creates an empty temporary file in the folder of @path for the export to write.
 *
 * Returns: (transfer full): the target, or %NULL with @error
 */
DocketExportTarget *
docket_export_target_new (const char  *path,
                          GError     **error)
{
  g_autoptr(DocketExportTarget) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  self = g_new0 (DocketExportTarget, 1);
  self->path = g_strdup (path);
  /* Hidden and in the same folder: the final rename then stays on one file system,
   * which is what makes it atomic. */
  self->tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (self->tmp_path, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_clear_pointer (&self->tmp_path, g_free);
      g_set_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_WRITE,
                   /* Translators: %s is a folder, then the system's reason */
                   _("Cannot write in the folder “%s”: %s."), dir, g_strerror (saved));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&self);
}

const char *
docket_export_target_get_tmp_path (DocketExportTarget *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->tmp_path;
}

/**
 * docket_export_target_commit:
 * @self: a target whose temporary file is complete
 * @error: return location for an error
 *
 * Makes the temporary file readable as an ordinary document and moves it to the
 * destination, replacing any file there.
 *
 * Returns: %TRUE on success
 */
gboolean
docket_export_target_commit (DocketExportTarget  *self,
                             GError             **error)
{
  g_return_val_if_fail (self != NULL && !self->committed, FALSE);

  if (g_chmod (self->tmp_path, 0644) != 0 || g_rename (self->tmp_path, self->path) != 0)
    {
      int saved = errno;

      g_set_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_WRITE,
                   /* Translators: %s is a file, then the system's reason */
                   _("Cannot write “%s”: %s."), self->path, g_strerror (saved));
      return FALSE;
    }
  self->committed = TRUE;
  return TRUE;
}

/**
 * docket_export_target_free:
 * @self: (nullable): a target
 *
 * Frees @self; an uncommitted temporary file is removed.
 */
void
docket_export_target_free (DocketExportTarget *self)
{
  if (self == NULL)
    return;
  if (!self->committed && self->tmp_path != NULL)
    g_unlink (self->tmp_path);
  g_free (self->path);
  g_free (self->tmp_path);
  g_free (self);
}
