/* docket-test-support.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "docket-test-support.h"

char *
docket_test_tmpdir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("docket-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_recursively (const char *path)
{
  GDir *dir;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_recursively (child);
        }
      g_clear_pointer (&dir, g_dir_close);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

void
docket_test_tmpdir_free (char *path)
{
  if (path == NULL)
    return;
  remove_recursively (path);
  g_free (path);
}

char *
docket_test_tmpdir_file (const char *dir,
                         const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  g_main_context_wakeup (NULL);
  return G_SOURCE_REMOVE;
}

void
docket_test_iterate (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The waits are for a condition, so their limit only matters when it never comes;
 * under the sanitizers, or on a loaded machine, everything takes several times
 * longer: DOCKET_TEST_WAIT_MULTIPLIER=N (.ci/run sets it with meson's timeout
 * multiplier) stretches every limit. */
static guint
wait_multiplier (void)
{
  const char *text = g_getenv ("DOCKET_TEST_WAIT_MULTIPLIER");
  guint64 n = text != NULL ? g_ascii_strtoull (text, NULL, 10) : 1;

  return (guint) CLAMP (n, 1, 100);
}

gboolean
docket_test_wait_until (gboolean (*condition) (gpointer),
                        gpointer data,
                        guint    timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * wait_multiplier () * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      docket_test_iterate (10);
    }
  return TRUE;
}

GBytes *
docket_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}
