/* docket-test-ui.h: helpers for tests that run a real window
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Initialises GTK for a test, or returns FALSE when there is no display and CI is
 * unset (the test should then skip).  Under CI a missing display is a failure. */
gboolean   docket_test_ui_init            (int *argc, char ***argv);
void       docket_test_ui_wait_drawn      (GtkWidget *widget);
void       docket_test_ui_screenshot      (GtkWidget *widget, const char *path);
GtkWidget *docket_test_ui_find_by_type    (GtkWidget *root, GType type);
/* The first AdwPreferencesRow (an entry row, a combo row…) inside @root titled @title. */
GtkWidget *docket_test_ui_find_row        (GtkWidget *root, const char *title);
/* Scrolls the nearest scrolled window so that @widget is on screen. */
void       docket_test_ui_scroll_to       (GtkWidget *widget);
/* All widgets of @type inside @root, in tree order. */
GPtrArray *docket_test_ui_find_all        (GtkWidget *root, GType type);
/* Waits (up to @timeout_ms, for slow sanitizer builds) until @root shows @text. */
gboolean   docket_test_ui_wait_for_label  (GtkWidget *root, const char *text, guint timeout_ms);
/* TRUE when a visible, drawn label inside @root shows exactly @text. */
gboolean   docket_test_ui_shows_label     (GtkWidget *root, const char *text);
gboolean   docket_test_ui_has_label       (GtkWidget *root, const char *text);
/* The horizontal minimum of @widget; when it is more than @limit, logs (with
 * g_test_message) the visible widgets inside it that ask for more than @limit, so
 * that a failing test says what forces the width. */
int        docket_test_ui_min_width       (GtkWidget *widget, int limit);

G_END_DECLS
