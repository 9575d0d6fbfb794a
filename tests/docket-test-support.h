/* docket-test-support.h: helpers shared by the test programs
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh private folder for one test's database; removed with its contents by
 * docket_test_tmpdir_free(). */
char    *docket_test_tmpdir_new         (void);
void     docket_test_tmpdir_free        (char *path);
char    *docket_test_tmpdir_file        (const char *dir, const char *name);

/* Main-loop helpers. */
void     docket_test_iterate            (guint ms);
gboolean docket_test_wait_until         (gboolean (*condition) (gpointer), gpointer data,
                                         guint timeout_ms);

/* Reads a file into memory for byte-for-byte comparisons. */
GBytes  *docket_test_read_file          (const char *path);

G_END_DECLS
