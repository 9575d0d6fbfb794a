/* docket-fold.h
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *docket_fold          (const char *text);
void      docket_fold_append   (GString    *out,
                                const char *text);
gboolean  docket_fold_contains (const char *haystack,
                                const char *needle);

/* TRUE when @text is NULL or holds only white space (of any script). */
gboolean docket_text_is_blank (const char *text);

G_END_DECLS
