/* test-search.c: the search of the header bar, in the real window
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "docket-application.h"
#include "docket-item-page.h"
#include "docket-items-view.h"
#include "docket-meeting-editor.h"
#include "docket-search-popover.h"
#include "docket-store-sample.h"
#include "docket-store-search.h"
#include "docket-test-support.h"
#include "docket-test-ui.h"
#include "docket-window.h"

static DocketApplication *app;
static char *database;

static DocketWindow *
main_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (DOCKET_IS_WINDOW (window));
  return DOCKET_WINDOW (window);
}

static DocketSearchPopover *
search_popover (void)
{
  GtkWidget *popover = docket_test_ui_find_by_type (GTK_WIDGET (main_window ()),
                                                    DOCKET_TYPE_SEARCH_POPOVER);

  g_assert_nonnull (popover);
  return DOCKET_SEARCH_POPOVER (popover);
}

static GtkEditable *
search_entry (void)
{
  GtkWidget *entry = docket_test_ui_find_by_type (GTK_WIDGET (search_popover ()),
                                                  GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (entry);
  return GTK_EDITABLE (entry);
}

/* Ctrl+F, then typing: the results come after the entry's pause. */
static void
type_query (const char *text)
{
  gtk_widget_activate_action (GTK_WIDGET (main_window ()), "win.search", NULL);
  docket_test_iterate (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (search_popover ())));
  gtk_editable_set_text (search_entry (), text);
  docket_test_iterate (400);
}

/* What the store finds first for @text, to compare with what the window opens. */
static DocketSearchResult *
first_result (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) reader = docket_store_open (database, &error);
  g_autoptr(GPtrArray) results = NULL;
  DocketSearchQuery query = { .text = text };

  g_assert_no_error (error);
  results = docket_store_search (reader, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, >, 0);
  return g_ptr_array_steal_index (results, 0);
}

static void
test_search_opens_item (void)
{
  g_autoptr(DocketSearchResult) expected = first_result ("quy trinh noi bo");
  GtkWidget *items_view, *page;

  g_assert_cmpint (expected->kind, ==, DOCKET_SEARCH_KIND_ITEM);

  /* Typed without diacritics, the item written with them is found and shown with
   * the words it matched. */
  type_query ("quy trinh noi bo");
  g_assert_cmpuint (docket_search_popover_get_n_results (search_popover ()), >, 0);
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (search_popover ()), "Directive items", 3000));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (search_popover ()),
                                             "Hoàn thiện quy trình nội bộ giải quyết thủ tục "
                                             "đất đai sau khi sắp xếp chính quyền hai cấp.", 3000));

  /* Enter opens the first result. */
  g_signal_emit_by_name (search_entry (), "activate");
  docket_test_iterate (200);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (search_popover ())));
  items_view = docket_test_ui_find_by_type (GTK_WIDGET (main_window ()), DOCKET_TYPE_ITEMS_VIEW);
  page = docket_test_ui_find_by_type (items_view, DOCKET_TYPE_ITEM_PAGE);
  g_assert_nonnull (page);
  g_assert_cmpint (docket_item_page_get_item (DOCKET_ITEM_PAGE (page)), ==, expected->item_id);
  g_assert_true (gtk_widget_is_drawable (page));
  g_assert_cmpstr (docket_window_get_visible_area (main_window ()), ==, "items");
}

static void
test_search_opens_meeting (void)
{
  g_autoptr(DocketSearchResult) expected = first_result ("hoi nghi so ket");
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *editor;

  g_assert_cmpint (expected->kind, ==, DOCKET_SEARCH_KIND_MEETING);
  type_query ("hoi nghi so ket");
  rows = docket_test_ui_find_all (GTK_WIDGET (search_popover ()), GTK_TYPE_LIST_BOX_ROW);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (search_popover ()), "Meetings", 3000));

  /* A click on the meeting's row. */
  for (guint i = 0; i < rows->len; i++)
    if (docket_test_ui_shows_label (g_ptr_array_index (rows, i), expected->title))
      {
        g_signal_emit_by_name (g_ptr_array_index (rows, i), "activate");
        break;
      }
  docket_test_iterate (200);
  g_assert_cmpstr (docket_window_get_visible_area (main_window ()), ==, "meetings");
  editor = docket_test_ui_find_by_type (GTK_WIDGET (main_window ()), DOCKET_TYPE_MEETING_EDITOR);
  g_assert_nonnull (editor);
  g_assert_cmpint (docket_meeting_editor_get_meeting (DOCKET_MEETING_EDITOR (editor)), ==,
                   expected->meeting_id);
}

static void
test_search_nothing_found (void)
{
  type_query ("xyzzy \"(* NEAR");
  g_assert_cmpuint (docket_search_popover_get_n_results (search_popover ()), ==, 0);
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (search_popover ()),
                                             "Nothing found for “xyzzy \"(* NEAR”", 3000));
  g_assert_true (docket_test_ui_wait_for_label (GTK_WIDGET (search_popover ()),
                                             "Try fewer words, or remove the filters.", 3000));
  gtk_popover_popdown (GTK_POPOVER (search_popover ()));
  docket_test_iterate (100);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autoptr(DocketStore) seed = NULL;
  int ret;

  docket_application_setup_i18n ();
  if (!docket_test_ui_init (&argc, &argv))
    {
      g_test_skip ("No display");
      return g_test_run ();
    }
  adw_init ();
  tmpdir = docket_test_tmpdir_new ();
  database = g_build_filename (tmpdir, "docket.db", NULL);
  g_setenv ("DOCKET_DATABASE", database, TRUE);

  seed = docket_store_open (database, &error);
  g_assert_no_error (error);
  docket_store_load_sample (seed, &error);
  g_assert_no_error (error);

  app = g_object_new (DOCKET_TYPE_APPLICATION,
                      "application-id", APP_ID,
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", RESOURCE_PREFIX,
                      NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  docket_test_ui_wait_drawn (GTK_WIDGET (main_window ()));

  g_test_add_func ("/docket/search/opens-item", test_search_opens_item);
  g_test_add_func ("/docket/search/opens-meeting", test_search_opens_meeting);
  g_test_add_func ("/docket/search/nothing-found", test_search_nothing_found);

  ret = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (main_window ()));
  g_clear_object (&app);
  docket_store_close (seed);
  docket_test_tmpdir_free (g_steal_pointer (&tmpdir));
  g_free (database);
  return ret;
}
